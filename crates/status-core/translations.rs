//! The translations' compiler, shared by `build.rs` (which runs it on `i18n/*.toml`) and
//! `tests/translations.rs` (which shows what it refuses). See `build.rs` for what it checks.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Single strings of `Strings`, by key.
const SIMPLE: &[&str] = &[
    "region",
    "dismiss",
    "show_fewer",
    "show_more",
    "show_less",
    "started",
    "updated",
    "affects",
    "details",
    "status_page",
    "contact",
    "maintenance_now",
    "maintenance_planned",
    "starts",
    "ends",
    "status_unknown",
    "status_outdated",
    "status_unavailable",
];

/// Lists of `Strings` read by enum position: (field, key, the enum's variants in order).
const LISTS: &[(&str, &str, &[&str])] = &[
    (
        "levels",
        "level",
        &["operational", "maintenance", "minor", "major", "critical"],
    ),
    ("impacts", "impact", &["none", "minor", "major", "critical"]),
    (
        "statuses",
        "status",
        &[
            "investigating",
            "identified",
            "monitoring",
            "resolved",
            "unknown",
        ],
    ),
];

/// Words that change with a count, in `Strings`.
const PLURALS: &[&str] = &["and_more"];

/// Single strings of `PageStrings` (under `[page]`).
const PAGE_SIMPLE: &[&str] = &[
    "page_title",
    "last_updated",
    "components",
    "active_now",
    "upcoming",
    "history",
    "no_incidents",
    "resolved",
    "duration",
    "release",
    "timeline",
    "lessons",
    "conclusion",
    "approximate",
    "permalink",
    "uptime",
    "no_data",
    "no_downtime",
    "today",
    "uptime_rule",
    "uptime_rule_text",
];

/// Lists of `PageStrings`.
const PAGE_LISTS: &[(&str, &str, &[&str])] = &[(
    "component_statuses",
    "component_status",
    &[
        "operational",
        "under_maintenance",
        "degraded_performance",
        "partial_outage",
        "major_outage",
        "unknown",
    ],
)];

/// Words that change with a count, in `PageStrings`.
const PAGE_PLURALS: &[&str] = &["show_older", "days_ago"];

/// Plural categories, as CLDR and `Intl.PluralRules` name them; `other` is required.
const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// One language's file, read: its tag, direction, words by dotted key, and the keys whose words
/// are the same as English on purpose.
struct Language {
    tag: String,
    file: String,
    rtl: bool,
    words: BTreeMap<String, String>,
    same_as_english: Vec<String>,
}

/// Compiles the translation files `(file name, text)` (`de.toml`, …) into the Rust the crate
/// includes, or says every problem, each naming its file and key.
pub fn compile(files: &[(String, String)]) -> Result<String, Vec<String>> {
    let mut problems = Vec::new();
    let mut languages = Vec::new();
    for (name, text) in files {
        let file = format!("crates/status-core/i18n/{name}");
        match read(&file, name.trim_end_matches(".toml"), text) {
            Ok(language) => languages.push(language),
            Err(error) => problems.push(error),
        }
    }
    // English first: the fallback and the reference.
    languages.sort_by_key(|l| (l.tag != "en", l.tag.clone()));
    let Some(english) = languages.first().filter(|l| l.tag == "en") else {
        problems
            .push("crates/status-core/i18n/en.toml is missing: English is the reference".into());
        return Err(problems);
    };
    let required = required_keys();
    for key in &required {
        if !english.words.contains_key(key) {
            problems.push(format!("{}: `{key}` is missing", english.file));
        }
    }
    for language in &languages {
        problems.extend(check(language, english, &required));
    }
    if problems.is_empty() {
        Ok(generate(&languages))
    } else {
        Err(problems)
    }
}

/// Reads one file into a [`Language`]: tables flattened to dotted keys.
fn read(file: &str, tag: &str, text: &str) -> Result<Language, String> {
    let table: toml::Table = text.parse().map_err(|e| format!("{file}: {e}"))?;
    let mut language = Language {
        tag: tag.to_owned(),
        file: file.to_owned(),
        rtl: false,
        words: BTreeMap::new(),
        same_as_english: Vec::new(),
    };
    if !tag.chars().all(|c| c.is_ascii_lowercase()) || !(2..=3).contains(&tag.len()) {
        return Err(format!(
            "{file}: name the file by a lowercase primary language subtag (`de.toml`)"
        ));
    }
    flatten(&mut language, "", &table)?;
    Ok(language)
}

fn flatten(language: &mut Language, prefix: &str, table: &toml::Table) -> Result<(), String> {
    let file = language.file.clone();
    for (key, value) in table {
        let key = format!("{prefix}{key}");
        match (key.as_str(), value) {
            ("rtl", toml::Value::Boolean(rtl)) => language.rtl = *rtl,
            ("same_as_english", toml::Value::Array(keys)) => {
                for k in keys {
                    let k = k
                        .as_str()
                        .ok_or(format!("{file}: `same_as_english` lists keys"))?;
                    language.same_as_english.push(k.to_owned());
                }
            }
            (_, toml::Value::Table(inner)) => flatten(language, &format!("{key}."), inner)?,
            (_, toml::Value::String(words)) => {
                language.words.insert(key, words.clone());
            }
            _ => return Err(format!("{file}: `{key}` is not a string")),
        }
    }
    Ok(())
}

/// Every key a language must have (plural forms other than `other` are optional).
fn required_keys() -> Vec<String> {
    let mut keys: Vec<String> = SIMPLE.iter().map(|k| (*k).to_owned()).collect();
    for (_, key, variants) in LISTS {
        keys.extend(variants.iter().map(|v| format!("{key}.{v}")));
    }
    keys.extend(PLURALS.iter().map(|k| format!("{k}.other")));
    keys.extend(PAGE_SIMPLE.iter().map(|k| format!("page.{k}")));
    for (_, key, variants) in PAGE_LISTS {
        keys.extend(variants.iter().map(|v| format!("page.{key}.{v}")));
    }
    keys.extend(PAGE_PLURALS.iter().map(|k| format!("page.{k}.other")));
    keys
}

/// Whether `key` is a plural form (`and_more.one`), and of which plural.
fn plural_of(key: &str) -> Option<&str> {
    let (base, category) = key.rsplit_once('.')?;
    let plural = PLURALS.contains(&base)
        || base
            .strip_prefix("page.")
            .is_some_and(|b| PAGE_PLURALS.contains(&b));
    (plural && CATEGORIES.contains(&category)).then_some(base)
}

/// The `{…}` placeholders in `text`, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .match_indices('{')
        .filter_map(|(at, _)| Some(&text[at..=at + text[at..].find('}')?]))
        .collect();
    found.sort_unstable();
    found
}

/// What is wrong with `language` against English.
fn check(language: &Language, english: &Language, required: &[String]) -> Vec<String> {
    let file = &language.file;
    let mut problems = Vec::new();
    for key in required {
        if !language.words.contains_key(key) {
            problems.push(format!("{file}: `{key}` is missing"));
        }
    }
    for (key, words) in &language.words {
        let plural = plural_of(key);
        if !required.contains(key) && plural.is_none() {
            problems.push(format!(
                "{file}: `{key}` is not a key English has (a typo?)"
            ));
            continue;
        }
        if words.trim().is_empty() {
            problems.push(format!("{file}: `{key}` is empty"));
            continue;
        }
        let reference = match plural {
            Some(base) => english.words.get(&format!("{base}.other")),
            None => english.words.get(key),
        };
        let Some(reference) = reference else { continue };
        if placeholders(words) != placeholders(reference) {
            problems.push(format!(
                "{file}: `{key}` has {:?} where English has {:?}",
                placeholders(words),
                placeholders(reference)
            ));
        }
        let same = language.same_as_english.contains(key);
        if language.tag != "en" && words == reference && plural.is_none() && !same {
            problems.push(format!(
                "{file}: `{key}` is still in English (\"{words}\"); translate it, or list it in \
                 `same_as_english` if the word is the same"
            ));
        }
    }
    for key in &language.same_as_english {
        if language.words.get(key) != english.words.get(key) {
            problems.push(format!(
                "{file}: `same_as_english` lists `{key}`, whose words differ from English's"
            ));
        }
    }
    problems
}

/// The Rust the crate includes.
fn generate(languages: &[Language]) -> String {
    let mut rs = String::from("// Generated by crates/status-core/build.rs from i18n/*.toml.\n\n");
    for l in languages {
        let word = |key: &str| format!("{:?}", l.words[key]);
        let plural = |base: &str| {
            let form = |c: &str| match l.words.get(&format!("{base}.{c}")) {
                Some(words) => format!("Some({words:?})"),
                None => "None".to_owned(),
            };
            format!(
                "Plural {{ zero: {}, one: {}, two: {}, few: {}, many: {}, other: {} }}",
                form("zero"),
                form("one"),
                form("two"),
                form("few"),
                form("many"),
                word(&format!("{base}.other"))
            )
        };
        let list = |prefix: &str, variants: &[&str]| {
            let words: Vec<String> = variants
                .iter()
                .map(|v| word(&format!("{prefix}.{v}")))
                .collect();
            format!("[{}]", words.join(", "))
        };
        let _ = writeln!(
            rs,
            "/// The widget's words in `{tag}` (`crates/status-core/i18n/{tag}.toml`).\npub mod {tag} {{\n    use super::*;\n    /// Every string, in `{tag}`.\n    pub const {upper}: Strings = Strings {{\n        lang: {tag:?},\n        rtl: {rtl},",
            tag = l.tag,
            upper = l.tag.to_uppercase(),
            rtl = l.rtl
        );
        for key in SIMPLE {
            let _ = writeln!(rs, "        {key}: {},", word(key));
        }
        for (field, key, variants) in LISTS {
            let _ = writeln!(rs, "        {field}: {},", list(key, variants));
        }
        for key in PLURALS {
            let _ = writeln!(rs, "        {key}: {},", plural(key));
        }
        let _ = writeln!(
            rs,
            "        #[cfg(feature = \"page\")]\n        page: PageStrings {{"
        );
        for key in PAGE_SIMPLE {
            let _ = writeln!(rs, "            {key}: {},", word(&format!("page.{key}")));
        }
        for (field, key, variants) in PAGE_LISTS {
            let _ = writeln!(
                rs,
                "            {field}: {},",
                list(&format!("page.{key}"), variants)
            );
        }
        for key in PAGE_PLURALS {
            let _ = writeln!(rs, "            {key}: {},", plural(&format!("page.{key}")));
        }
        let _ = writeln!(rs, "        }},\n    }};\n}}\n");
    }
    let tags: Vec<String> = languages.iter().map(|l| format!("{:?}", l.tag)).collect();
    let rtl: Vec<String> = languages
        .iter()
        .filter(|l| l.rtl)
        .map(|l| format!("{:?}", l.tag))
        .collect();
    let consts: Vec<String> = languages
        .iter()
        .map(|l| format!("&{}::{}", l.tag, l.tag.to_uppercase()))
        .collect();
    let chunked: Vec<String> = languages
        .iter()
        .skip(1)
        .map(|l| {
            format!(
                "{:?} => lang_{}: $crate::i18n::{}::{}",
                l.tag,
                l.tag,
                l.tag,
                l.tag.to_uppercase()
            )
        })
        .collect();
    let n = languages.len();
    let _ = writeln!(
        rs,
        "/// The languages the widget speaks, as primary subtags, English first (the fallback), then\n/// by tag: one for each file in `crates/status-core/i18n/`.\npub const TAGS: [&str; {n}] = [{}];\n",
        tags.join(", ")
    );
    let _ = writeln!(
        rs,
        "/// Every language the widget speaks, in the order of [`TAGS`].\npub const LANGUAGES: [&Strings; {n}] = [{}];\n",
        consts.join(", ")
    );
    let _ = writeln!(
        rs,
        "/// The languages of [`TAGS`] written right to left (their files say `rtl = true`).\nconst RIGHT_TO_LEFT: [&str; {}] = [{}];\n",
        rtl.len(),
        rtl.join(", ")
    );
    let _ = writeln!(
        rs,
        "/// Calls the macro `$m` with every language but English, each as\n/// `\"de\" => lang_de: status_core::i18n::de::DE` (the widget makes one lazy chunk of each).\n#[macro_export]\nmacro_rules! with_languages {{\n    ($m:ident) => {{\n        $m! {{ {} }}\n    }};\n}}",
        chunked.join(", ")
    );
    rs
}
