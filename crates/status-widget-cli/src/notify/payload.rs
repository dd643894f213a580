//! The bodies `notify` posts, one shape per destination kind, built from the same list of
//! changes: Slack's blocks, Discord's embeds, a Teams Adaptive Card and the generic webhook's
//! JSON. Pure; each keeps within its service's documented limits.

use super::super::changes::{Change, Subject, Tone};
use super::config::Kind;
use serde_json::{json, Value};
use status_core::model::{Timestamp, Vocabulary};

/// What every payload says around the changes.
pub struct Context<'a> {
    /// The service's name.
    pub service: &'a str,
    /// Its status page, when the file names one (absolute).
    pub status_page: Option<&'a str>,
    /// When the file was written.
    pub updated_at: Option<Timestamp>,
    /// When this is sent.
    pub sent_at: Timestamp,
    /// A stable id for this set of changes.
    pub delivery: &'a str,
}

/// The body for `kind`.
pub fn body(kind: Kind, context: &Context, changes: &[Change]) -> Value {
    match kind {
        Kind::Slack => slack(context, changes),
        Kind::Discord => discord(context, changes),
        Kind::Teams => teams(context, changes),
        Kind::Webhook => webhook(context, changes),
    }
}

/// "Incident opened: Login failing".
pub fn headline(change: &Change) -> String {
    let subject = match change.subject {
        Subject::Incident => "Incident",
        Subject::Maintenance => "Maintenance",
        Subject::Notice => "Notice",
    };
    format!("{subject} {}: {}", change.action.name(), change.title)
}

/// "Impact: major · Status: investigating" (the status with spaces).
fn facts(change: &Change) -> Vec<(&'static str, String)> {
    let mut facts = Vec::new();
    if let Some(impact) = change.impact {
        facts.push(("Impact", impact.name().to_owned()));
    }
    let status = change.status.replace('_', " ");
    facts.push((
        if change.subject == Subject::Notice {
            "Level"
        } else {
            "Status"
        },
        status,
    ));
    if let Some(at) = change.at {
        facts.push(("When", at.to_rfc3339()));
    }
    facts
}

/// `text` cut to at most `max` characters, ending in "…" when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Text for Slack's mrkdwn: `&`, `<` and `>` escaped, so that a reader's words never become a
/// link or a mention.
fn slack_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn slack(context: &Context, changes: &[Change]) -> Value {
    let summary = changes.iter().map(headline).collect::<Vec<_>>().join("; ");
    let mut blocks = vec![json!({
        "type": "header",
        "text": {"type": "plain_text", "text": cut(&format!("{} status", context.service), 150)},
    })];
    // Slack allows 50 blocks: a header, two per change, and a last line.
    for change in changes.iter().take(23) {
        let mut text = format!("*{}*", slack_text(&headline(change)));
        let facts = facts(change)
            .into_iter()
            .map(|(k, v)| format!("{k}: {}", slack_text(&v)))
            .collect::<Vec<_>>()
            .join(" · ");
        text.push('\n');
        text.push_str(&facts);
        if let Some(message) = &change.message {
            text.push('\n');
            text.push_str(&slack_text(message));
        }
        if let Some(link) = &change.link {
            text.push_str(&format!("\n<{}|Details>", slack_text(link)));
        }
        blocks
            .push(json!({"type": "section", "text": {"type": "mrkdwn", "text": cut(&text, 3000)}}));
        blocks.push(json!({"type": "divider"}));
    }
    if let Some(page) = context.status_page {
        blocks.push(json!({"type": "context", "elements": [
            {"type": "mrkdwn", "text": format!("<{}|Status page>", slack_text(page))}
        ]}));
    }
    json!({
        "text": cut(&format!("{}: {summary}", context.service), 3000),
        "blocks": blocks,
    })
}

/// Discord colours by tone (RGB as an integer).
fn colour(tone: Tone) -> u32 {
    match tone {
        Tone::Good => 0x13_73_33,
        Tone::Info => 0x5f_63_68,
        Tone::Maintenance => 0x1a_73_e8,
        Tone::Minor => 0xf9_ab_00,
        Tone::Major => 0xe8_71_0a,
        Tone::Critical => 0xd9_30_25,
    }
}

fn discord(context: &Context, changes: &[Change]) -> Value {
    // At most 10 embeds; the rest are counted in the content line.
    let embeds: Vec<Value> = changes
        .iter()
        .take(10)
        .map(|change| {
            let mut embed = json!({
                "title": cut(&headline(change), 256),
                "color": colour(change.tone),
                "fields": facts(change).into_iter().filter(|(k, _)| *k != "When").map(|(k, v)| {
                    json!({"name": k, "value": cut(&v, 1024), "inline": true})
                }).collect::<Vec<_>>(),
                "footer": {"text": cut(context.service, 2048)},
            });
            if let Some(message) = &change.message {
                embed["description"] = json!(cut(message, 4096));
            }
            if let Some(link) = &change.link {
                embed["url"] = json!(link);
            }
            if let Some(at) = change.at {
                embed["timestamp"] = json!(at.to_rfc3339());
            }
            embed
        })
        .collect();
    let more = changes.len().saturating_sub(10);
    let mut content = format!("{} status: {}", context.service, headline(&changes[0]));
    if changes.len() > 1 {
        content.push_str(&format!(" (and {} more)", changes.len() - 1));
    }
    if more > 0 {
        content.push_str(&format!("; {more} not shown here"));
    }
    json!({
        "content": cut(&content, 2000),
        "embeds": embeds,
        // Nobody is pinged, whatever the text says (@everyone, a role, a user).
        "allowed_mentions": {"parse": []},
    })
}

fn teams(context: &Context, changes: &[Change]) -> Value {
    let mut body = vec![json!({
        "type": "TextBlock", "text": format!("{} status", context.service),
        "size": "Medium", "weight": "Bolder", "wrap": true,
    })];
    for change in changes {
        let colour = match change.tone {
            Tone::Good => "Good",
            Tone::Info | Tone::Maintenance => "Accent",
            Tone::Minor => "Warning",
            Tone::Major | Tone::Critical => "Attention",
        };
        let mut items = vec![
            json!({"type": "TextBlock", "text": headline(change), "weight": "Bolder", "color": colour, "wrap": true}),
            json!({"type": "FactSet", "facts": facts(change).into_iter()
                .map(|(k, v)| json!({"title": k, "value": v})).collect::<Vec<_>>()}),
        ];
        if let Some(message) = &change.message {
            items.push(json!({"type": "TextBlock", "text": cut(message, 4000), "wrap": true}));
        }
        if let Some(link) = &change.link {
            items.push(json!({"type": "ActionSet", "actions": [
                {"type": "Action.OpenUrl", "title": "Details", "url": link}
            ]}));
        }
        body.push(json!({"type": "Container", "separator": true, "items": items}));
    }
    let mut card = json!({
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    });
    if let Some(page) = context.status_page {
        card["actions"] = json!([{"type": "Action.OpenUrl", "title": "Status page", "url": page}]);
    }
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": card,
        }],
    })
}

fn webhook(context: &Context, changes: &[Change]) -> Value {
    json!({
        "type": "status-widget.changes",
        "version": 1,
        "delivery": context.delivery,
        "sent_at": context.sent_at.to_rfc3339(),
        "service": {"name": context.service, "status_page": context.status_page},
        "updated_at": context.updated_at.map(Timestamp::to_rfc3339),
        "changes": changes.iter().map(|c| json!({
            "subject": c.subject.name(),
            "action": c.action.name(),
            "id": c.id,
            "title": c.title,
            "status": c.status,
            "impact": c.impact.map(|i| i.name()),
            "message": c.message,
            "at": c.at.map(Timestamp::to_rfc3339),
            "link": c.link,
            "key": c.key,
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_within_the_limit_in_characters() {
        assert_eq!(cut("short", 10), "short");
        let long = "é".repeat(300);
        let cut = cut(&long, 256);
        assert_eq!(cut.chars().count(), 256);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn slack_text_cannot_become_a_link_or_mention() {
        assert_eq!(
            slack_text("<!channel> & <https://evil.example|click>"),
            "&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;"
        );
    }
}
