//! The widget's own words in twelve languages, chosen by a BCP 47 tag: English, German, French,
//! Spanish, Italian, Portuguese, Dutch, Polish, Swedish, Japanese, and Arabic and Hebrew, which
//! are written right to left. The words are data, one keyed file per language
//! (`crates/status-core/i18n/<tag>.toml`, keys such as `level.major`), compiled by `build.rs`
//! into the static tables below, which refuses a missing, empty or untranslated key by file and
//! key. Times, dates and the choice of a plural form are not here: the browser's `Intl` makes
//! them in the reader's locale (the widget's `io::intl`).

#[cfg(feature = "page")]
use crate::model::ComponentStatus;
use crate::model::{Impact, IncidentStatus, Level};
use crate::view::Overall;

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// Words that change with a count `{n}`: one form per plural category, as CLDR and
/// `Intl.PluralRules` name them. `other` is always there; a category a language does not
/// distinguish is `None` and falls back to it (`tests/browser_i18n.rs` checks that every category
/// the browser can select for a language has its own form).
#[derive(Debug, PartialEq, Eq)]
pub struct Plural {
    /// For `zero` (Arabic: 0).
    pub zero: Option<&'static str>,
    /// For `one` (English: 1).
    pub one: Option<&'static str>,
    /// For `two` (Arabic, Hebrew: 2).
    pub two: Option<&'static str>,
    /// For `few` (Polish: 2-4, 22-24 …; Arabic: 3-10 …).
    pub few: Option<&'static str>,
    /// For `many` (Polish: 5-21 …; Arabic: 11-99 …; French, Spanish, Italian, Portuguese: a
    /// million).
    pub many: Option<&'static str>,
    /// Every other count.
    pub other: &'static str,
}

impl Plural {
    /// One form for every count.
    pub const fn same(text: &'static str) -> Plural {
        Plural {
            zero: None,
            one: None,
            two: None,
            few: None,
            many: None,
            other: text,
        }
    }

    /// The form for a plural `category` (`zero`, `one`, `two`, `few`, `many`, `other`).
    pub fn pick(&self, category: &str) -> &'static str {
        let form = match category {
            "zero" => self.zero,
            "one" => self.one,
            "two" => self.two,
            "few" => self.few,
            "many" => self.many,
            _ => None,
        };
        form.unwrap_or(self.other)
    }

    /// Every form with its category, `other` last.
    pub fn forms(&self) -> Vec<(&'static str, &'static str)> {
        let named = [
            ("zero", self.zero),
            ("one", self.one),
            ("two", self.two),
            ("few", self.few),
            ("many", self.many),
        ];
        let mut forms: Vec<_> = named
            .into_iter()
            .filter_map(|(category, form)| Some((category, form?)))
            .collect();
        forms.push(("other", self.other));
        forms
    }
}

/// Every string the widget shows. Templates hold `{n}` or `{title}`; see [`fill`].
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    /// The language these strings are in (a primary subtag: `en`, `de`, `ar` …).
    pub lang: &'static str,
    /// Written right to left (Arabic, Hebrew): the widget's root takes `dir="rtl"`.
    pub rtl: bool,
    /// Accessible name of the banner region.
    pub region: &'static str,
    /// Accessible name of a dismiss button: `{title}`.
    pub dismiss: &'static str,
    /// The collapsed remainder: `{n}`.
    pub and_more: Plural,
    /// Collapses the remainder again.
    pub show_fewer: &'static str,
    /// Opens a clamped update text.
    pub show_more: &'static str,
    /// Clamps it again.
    pub show_less: &'static str,
    /// Before a start time.
    pub started: &'static str,
    /// Before the last update's time.
    pub updated: &'static str,
    /// Before the affected components.
    pub affects: &'static str,
    /// Link to an incident's details.
    pub details: &'static str,
    /// Link to the status page.
    pub status_page: &'static str,
    /// Before the contact links.
    pub contact: &'static str,
    /// Heading of maintenance under way.
    pub maintenance_now: &'static str,
    /// Heading of maintenance that has not started.
    pub maintenance_planned: &'static str,
    /// Before a planned start.
    pub starts: &'static str,
    /// Before a planned end.
    pub ends: &'static str,
    /// When the file is older than `max-age`.
    pub status_unknown: &'static str,
    /// Why the status is unknown.
    pub status_outdated: &'static str,
    /// When no status file could be read (indicator and page modes).
    pub status_unavailable: &'static str,
    /// Overall levels: operational, maintenance, minor, major, critical.
    pub levels: [&'static str; 5],
    /// Incident kinds by impact: none, minor, major, critical.
    pub impacts: [&'static str; 4],
    /// Incident statuses: investigating, identified, monitoring, resolved, unknown.
    pub statuses: [&'static str; 5],
    /// What only the status page says (the page build has it; the banner build leaves it out).
    #[cfg(feature = "page")]
    pub page: PageStrings,
}

/// What only the status page says, in one language.
#[cfg(feature = "page")]
#[derive(Debug, PartialEq, Eq)]
pub struct PageStrings {
    /// Page heading when the file names no service.
    pub page_title: &'static str,
    /// Before the file's `updated_at`.
    pub last_updated: &'static str,
    /// Heading of the component list.
    pub components: &'static str,
    /// Component statuses: operational, under maintenance, degraded, partial outage, major outage, unknown.
    pub component_statuses: [&'static str; 6],
    /// Heading of what is going on now.
    pub active_now: &'static str,
    /// Heading of maintenance more than a day away.
    pub upcoming: &'static str,
    /// Heading of resolved incidents.
    pub history: &'static str,
    /// When there are no past incidents.
    pub no_incidents: &'static str,
    /// Before an incident's resolution time.
    pub resolved: &'static str,
    /// Before how long an incident lasted.
    pub duration: &'static str,
    /// Before the release involved.
    pub release: &'static str,
    /// Heading of the timeline.
    pub timeline: &'static str,
    /// Heading of the lessons.
    pub lessons: &'static str,
    /// Heading of the conclusion.
    pub conclusion: &'static str,
    /// After an approximate time.
    pub approximate: &'static str,
    /// Text of an incident's permalink, before its `#id`.
    pub permalink: &'static str,
    /// Loads older incidents: `{n}` more.
    pub show_older: Plural,
    /// A component's uptime over the window: `{n}` is the percentage.
    pub uptime: &'static str,
    /// An uptime bar's day before the record begins.
    pub no_data: &'static str,
    /// An uptime bar's day with nothing to report.
    pub no_downtime: &'static str,
    /// The newest day under the uptime bars.
    pub today: &'static str,
    /// Opens the note on how uptime is counted.
    pub uptime_rule: &'static str,
    /// The note on how uptime is counted.
    pub uptime_rule_text: &'static str,
    /// The oldest day under the uptime bars: `{n}` days ago.
    pub days_ago: Plural,
}

/// English: the words of a widget whose language has none of its own.
pub const ENGLISH: &Strings = &en::EN;

/// The primary language subtag of a BCP 47 tag (`de-AT` → `de`).
pub fn primary(tag: &str) -> &str {
    tag.trim().split(['-', '_']).next().unwrap_or("")
}

/// The strings for a BCP 47 tag (`de-CH` → German, `ar-EG` → Arabic); English for anything else.
pub fn strings_for(tag: &str) -> &'static Strings {
    LANGUAGES
        .into_iter()
        .find(|s| s.lang.eq_ignore_ascii_case(primary(tag)))
        .unwrap_or(ENGLISH)
}

/// The language a reader wants, as the widget asks for it: the first of the element's own
/// `lang`, the nearest ancestor's and the reader's first language that is given (blank counts as
/// not given); `""` when none is.
pub fn wanted<'a>(own: Option<&'a str>, page: Option<&'a str>, reader: Option<&'a str>) -> &'a str {
    let given = |tag: &&str| !tag.trim().is_empty();
    own.filter(given)
        .or(page.filter(given))
        .or(reader.filter(given))
        .unwrap_or("")
        .trim()
}

/// Which of `available` (BCP 47 tags) best serves a reader who wants `wanted`: the same tag
/// (`de-AT` for `de-AT`), else the first in the same language (`de` or `de-CH` for `de-AT`);
/// `None` when none is in that language. Case and `_` for `-` do not matter. The one rule by
/// which the widget chooses its own words ([`language_of`]) and the file's words (format v1's
/// `{"en": …, "de": …}` texts), so a reader never gets the two in different languages.
pub fn choose<'a, I: IntoIterator<Item = &'a str>>(wanted: &str, available: I) -> Option<usize> {
    let same = |a: &str, b: &str| {
        a.len() == b.len()
            && a.bytes().zip(b.bytes()).all(|(x, y)| {
                x.eq_ignore_ascii_case(&y) || (x == b'_' && y == b'-') || (x == b'-' && y == b'_')
            })
    };
    let wanted = wanted.trim();
    let language = primary(wanted);
    if language.is_empty() {
        return None;
    }
    let mut first_of_language = None;
    for (i, tag) in available.into_iter().enumerate() {
        let tag = tag.trim();
        if same(tag, wanted) {
            return Some(i);
        }
        if first_of_language.is_none() && primary(tag).eq_ignore_ascii_case(language) {
            first_of_language = Some(i);
        }
    }
    first_of_language
}

/// The language a widget speaks, as a tag of [`TAGS`]: the language the reader [`wanted`], when
/// the widget has words in it ([`choose`]); else English. The loader makes the same choice to
/// start the words' download early, from the same list (`status_core::loader`, tested to agree).
pub fn language_of(own: Option<&str>, page: Option<&str>, reader: Option<&str>) -> &'static str {
    choose(wanted(own, page, reader), TAGS).map_or("en", |i| TAGS[i])
}

/// Whether `tag` has the shape of a BCP 47 language tag: an ISO 639 language of 2 or 3 letters,
/// then subtags of 1 to 8 letters or digits, joined by `-` (`de`, `pt-BR`, `zh-Hant-TW`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether the widget has its own strings for this tag's language.
pub fn is_supported(tag: &str) -> bool {
    TAGS.iter().any(|t| t.eq_ignore_ascii_case(primary(tag)))
}

/// Whether the widget writes this tag's language right to left (Arabic, Hebrew), as
/// [`Strings::rtl`] says, without needing its strings.
pub fn is_rtl(tag: &str) -> bool {
    RIGHT_TO_LEFT
        .iter()
        .any(|t| t.eq_ignore_ascii_case(primary(tag)))
}

/// The locale dates and times are written in by a widget that speaks `language` (a primary
/// subtag such as `en`): the element's own `lang` when it names that language; else the first of
/// the reader's preferred locales (`navigator.languages`) in that language, so that an `en` page
/// shows a British reader British dates and a `de` page an Austrian reader Austrian ones; else
/// the page's `lang`, when in that language; else the language itself. Dates never come in
/// another language than the words around them.
pub fn format_locale(
    language: &str,
    attribute: Option<&str>,
    page: Option<&str>,
    reader: &[String],
) -> String {
    let speaks = |tag: &&str| primary(tag).eq_ignore_ascii_case(language);
    attribute
        .filter(speaks)
        .or_else(|| reader.iter().map(String::as_str).find(speaks))
        .or_else(|| page.filter(speaks))
        .unwrap_or(language)
        .trim()
        .to_owned()
}

/// Replaces `{n}` and `{title}` in a template.
pub fn fill(template: &str, n: usize, title: &str) -> String {
    template
        .replace("{n}", &n.to_string())
        .replace("{title}", title)
}

impl Strings {
    /// The overall level in words.
    pub fn level(&self, level: Level) -> &'static str {
        self.levels[level as usize]
    }

    /// The overall state the widget shows, in words: its level, or "Status unknown".
    pub fn overall(&self, overall: Overall) -> &'static str {
        match overall {
            Overall::Level(level) => self.level(level),
            Overall::Unknown => self.status_unknown,
        }
    }

    /// What kind of incident an impact makes, in words (so impact is never colour alone).
    pub fn impact(&self, impact: Impact) -> &'static str {
        self.impacts[impact as usize]
    }

    /// An incident status in words.
    pub fn status(&self, status: IncidentStatus) -> &'static str {
        self.statuses[status as usize]
    }
}

#[cfg(feature = "page")]
impl PageStrings {
    /// A component status in words.
    pub fn component_status(&self, status: ComponentStatus) -> &'static str {
        self.component_statuses[status as usize]
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_tags_name_the_languages_in_order_and_say_which_are_right_to_left() {
        let langs: Vec<&str> = LANGUAGES.iter().map(|s| s.lang).collect();
        assert_eq!(langs, TAGS);
        for s in LANGUAGES {
            assert_eq!(is_rtl(s.lang), s.rtl, "{}", s.lang);
            assert!(is_supported(&s.lang.to_uppercase()));
        }
        assert_eq!(ENGLISH.lang, "en");
        assert!(is_rtl("ar-EG") && is_rtl("he") && !is_rtl("de-AT") && !is_rtl("xx"));
        assert!(is_supported("pt-BR") && !is_supported("xx") && !is_supported(""));
    }

    #[test]
    fn the_language_is_chosen_by_the_primary_subtag() {
        assert_eq!(strings_for("de-CH").lang, "de");
        assert_eq!(strings_for("FR").lang, "fr");
        assert_eq!(strings_for("es_419").lang, "es");
        assert_eq!(strings_for("en-GB").lang, "en");
        assert_eq!(strings_for("ja").lang, "ja");
        assert_eq!(strings_for("ko").lang, "en");
        assert_eq!(strings_for("").lang, "en");
        assert!(is_supported("de-AT") && is_supported("ar-EG") && !is_supported("ko-KR"));
    }

    #[test]
    fn dates_follow_the_readers_region_within_the_widgets_language() {
        let reader = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        // (language, element's lang, page's lang, reader's locales) → locale of the dates
        let cases = [
            ("en", None, Some("en"), reader(&["en-GB", "en"]), "en-GB"),
            ("de", None, Some("de"), reader(&["de-AT", "en-US"]), "de-AT"),
            ("en", None, Some("en"), reader(&["de-DE"]), "en"),
            ("en", None, Some("en-GB"), reader(&["fr-FR"]), "en-GB"),
            ("en", None, Some("en-GB"), reader(&["en-US"]), "en-US"),
            ("fr", None, Some("fr"), reader(&["en-US", "fr-CA"]), "fr-CA"),
            ("en", Some("en-AU"), Some("en"), reader(&["en-GB"]), "en-AU"),
            ("de", Some("de"), Some("en"), reader(&["de-CH"]), "de"),
            // An element in a language without strings speaks English, in the reader's English.
            (
                "en",
                Some("ko"),
                Some("ko"),
                reader(&["ko-KR", "en-IN"]),
                "en-IN",
            ),
            ("en", None, None, reader(&[]), "en"),
        ];
        for (language, attribute, page, locales, expected) in cases {
            assert_eq!(
                format_locale(language, attribute, page, &locales),
                expected,
                "{language} {attribute:?} {page:?} {locales:?}"
            );
        }
    }

    #[test]
    fn twelve_languages_two_of_them_right_to_left() {
        assert_eq!(LANGUAGES.len(), 12);
        assert_eq!(
            LANGUAGES
                .iter()
                .filter(|s| s.rtl)
                .map(|s| s.lang)
                .collect::<Vec<_>>(),
            ["ar", "he"]
        );
    }

    #[test]
    fn every_language_fills_its_templates_and_names_every_level() {
        for s in LANGUAGES {
            assert!(s.dismiss.contains("{title}"), "{}", s.lang);
            assert!(fill(s.and_more.pick("other"), 3, "").contains('3'));
            assert_ne!(s.level(Level::Operational), s.level(Level::Critical));
            assert_eq!(s.status(IncidentStatus::Unknown), s.statuses[4]);
        }
        assert_eq!(
            fill(LANGUAGES[0].dismiss, 0, "Login down"),
            "Dismiss: Login down"
        );
        assert_eq!(strings_for("en").level(Level::Major), "Partial outage");
        assert_eq!(
            strings_for("de").impact(Impact::Critical),
            "Kritische Störung"
        );
        assert_eq!(
            strings_for("pl").page.show_older.pick("few"),
            "Pokaż {n} starsze incydenty"
        );
        assert_eq!(strings_for("ar-EG").lang, "ar");
        assert!(strings_for("he-IL").rtl && !strings_for("en").rtl);
    }
}
