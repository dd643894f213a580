//! `status-widget notice add|remove`: notices beside the incidents (exam week, a new sign-in).

use crate::args::{FileArg, NoticeAction};
use crate::entries::{self, NewNotice};
use crate::{change, edit, now, time, CliError};

/// Applies `action` to the status file `file.file`, writing words in its `--lang` (without it,
/// the file's language): in another language than the file's, `add` with the id of a notice
/// that exists adds that language's title and text to it. Returns what to tell the user.
pub(crate) fn run(
    file: &FileArg,
    action: NoticeAction,
    key: &crate::signing::KeySource,
) -> Result<String, CliError> {
    change(file, key, |doc, words| {
        if let (
            true,
            NoticeAction::Add {
                id: Some(id),
                title,
                message,
                ..
            },
        ) = (words.translating(), &action)
        {
            if let Ok(item) = edit::entry(doc, "notices", id) {
                words.set(item, "title", title)?;
                if let Some(message) = message {
                    words.set(item, "body", message)?;
                }
                return Ok(format!(
                    "notice {id}: {} words added",
                    words.lang().unwrap_or_default()
                ));
            }
        }
        Ok(match action {
            NoticeAction::Add {
                id,
                title,
                message,
                level,
                starts_at,
                ends_at,
                url,
            } => {
                words.refuse_new("the notice")?;
                let today = now().to_rfc3339();
                let id = id.unwrap_or_else(|| edit::slug(&today[..10], &title));
                let starts_at = starts_at.map(|t| time("starts-at", Some(&t))).transpose()?;
                let ends_at = ends_at.map(|t| time("ends-at", Some(&t))).transpose()?;
                let item = entries::object(&NewNotice {
                    id: &id,
                    title: &title,
                    level: &level,
                    body: message.as_deref(),
                    starts_at: starts_at.as_deref(),
                    ends_at: ends_at.as_deref(),
                    url: url.as_deref(),
                });
                edit::add(doc, "notices", item)?;
                format!("notice {id} added")
            }
            NoticeAction::Remove { id } => {
                edit::remove(doc, "notices", &id)?;
                format!("notice {id} removed")
            }
        })
    })
}
