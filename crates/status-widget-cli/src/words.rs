//! `--lang TAG`: the language an edit writes. A text a reader sees is a string in the file's
//! `language`, or an object of language tags to strings (`{"en": …, "de": …}`). An edit in the
//! file's language (or with no `--lang`) writes that language's words and keeps every
//! translation; an edit in another language adds or replaces that language's words of a text
//! that is already there, turning a string into an object. Nothing already written is lost.

use crate::CliError;
use serde_json::{Map, Value};
use status_core::i18n::{choose, is_language_tag, primary};

/// What an edit writes: `lang` (`--lang`), in a file whose language is `default`.
pub(crate) struct Words {
    lang: Option<String>,
    default: Option<String>,
}

impl Words {
    /// The words an edit of `doc` writes with `--lang lang` (none: the file's language). A tag
    /// that is not BCP 47, or a `--lang` in a file that does not say its own language, is
    /// refused before anything changes.
    pub fn of(doc: &Value, lang: Option<&str>) -> Result<Self, CliError> {
        let default = doc
            .get("language")
            .and_then(Value::as_str)
            .map(|l| l.trim().to_owned());
        let lang = lang.map(str::trim).map(str::to_owned);
        if let Some(lang) = &lang {
            if !is_language_tag(lang) {
                return Err(CliError::Usage(format!(
                    "--lang `{lang}` is not a language tag (BCP 47, such as de or pt-BR)"
                )));
            }
            if default.is_none() {
                return Err(CliError::Invalid(format!(
                    "the status file does not say what language its texts are in, so --lang {lang} \
                     cannot tell them apart: add \"language\": \"en\" (the language they are \
                     written in) at its top, or start it with `status-widget init --lang TAG`"
                )));
            }
        }
        Ok(Words { lang, default })
    }

    /// The language written: `--lang`, else the file's.
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_deref().or(self.default.as_deref())
    }

    /// Whether the edit adds another language's words to texts that are already there, rather
    /// than writing the file's own.
    pub fn translating(&self) -> bool {
        match (&self.lang, &self.default) {
            (Some(lang), Some(default)) => !primary(lang).eq_ignore_ascii_case(primary(default)),
            _ => false,
        }
    }

    /// Refuses an edit that would create an entry in another language than the file's: an
    /// entry starts in the file's language, which every reader can fall back to.
    pub fn refuse_new(&self, what: &str) -> Result<(), CliError> {
        if !self.translating() {
            return Ok(());
        }
        Err(CliError::Invalid(format!(
            "{what} does not exist yet: write it in the file's language ({}) first, then add the \
             {} words with --lang {} (naming it by its --id)",
            self.default.as_deref().unwrap_or_default(),
            self.lang.as_deref().unwrap_or_default(),
            self.lang.as_deref().unwrap_or_default(),
        )))
    }

    /// Writes `text` as `key` of `object` in this edit's language.
    pub fn set(
        &self,
        object: &mut Map<String, Value>,
        key: &str,
        text: &str,
    ) -> Result<(), CliError> {
        let current = object.remove(key);
        let written = self.written(current, text).map_err(|e| e.about(key))?;
        object.insert(key.to_owned(), written);
        Ok(())
    }

    /// Writes `text` as item `index` of the list `key` of `object` (a lesson, a point of the
    /// conclusion) in this edit's language.
    pub fn set_item(
        &self,
        object: &mut Map<String, Value>,
        key: &str,
        index: usize,
        text: &str,
    ) -> Result<(), CliError> {
        let items = object.get_mut(key).and_then(Value::as_array_mut);
        let Some(item) = items.and_then(|items| items.get_mut(index)) else {
            return Err(CliError::Invalid(format!(
                "there is no {} {} in `{key}` to add {} words to",
                ordinal(index + 1),
                key.trim_end_matches('s'),
                self.lang().unwrap_or_default()
            )));
        };
        *item = self
            .written(Some(item.take()), text)
            .map_err(|e| e.about(&format!("{key}[{index}]")))?;
        Ok(())
    }

    /// `current` with this edit's words `text` in it.
    fn written(&self, current: Option<Value>, text: &str) -> Result<Value, WordsError> {
        let translating = self.translating();
        let (lang, default) = (self.lang().unwrap_or_default(), self.default.as_deref());
        match current {
            None | Some(Value::Null) if translating => Err(WordsError::NothingToTranslate(
                default.unwrap_or_default().to_owned(),
            )),
            None | Some(Value::Null) => Ok(Value::String(text.to_owned())),
            Some(Value::String(_)) if !translating => Ok(Value::String(text.to_owned())),
            Some(Value::String(own)) => {
                let mut map = Map::new();
                map.insert(default.unwrap_or_default().to_owned(), Value::String(own));
                map.insert(lang.to_owned(), Value::String(text.to_owned()));
                Ok(Value::Object(map))
            }
            Some(Value::Object(mut map)) => {
                // The same tag, else one in the same language (`de` for `de-AT`), else a new one.
                let tags: Vec<&str> = map.keys().map(String::as_str).collect();
                let key = choose(lang, tags.iter().copied())
                    .map_or_else(|| lang.to_owned(), |i| tags[i].to_owned());
                map.insert(key, Value::String(text.to_owned()));
                Ok(Value::Object(map))
            }
            Some(other) => Err(WordsError::NotText(json_type(&other))),
        }
    }
}

/// Why words could not be written.
#[derive(Debug, thiserror::Error)]
enum WordsError {
    #[error("has no words in the file's language ({0}) to translate yet")]
    NothingToTranslate(String),
    #[error("is {0}, not a text; it was left as it is")]
    NotText(&'static str),
}

impl WordsError {
    fn about(self, key: &str) -> CliError {
        CliError::Invalid(format!("`{key}` {self}"))
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn words(doc: &Value, lang: Option<&str>) -> Words {
        Words::of(doc, lang).unwrap()
    }

    #[test]
    fn another_language_joins_a_text_and_the_files_language_keeps_its_translations() {
        let doc = json!({ "language": "en" });
        let mut item = json!({ "title": "Sign-in failing" })
            .as_object()
            .unwrap()
            .clone();
        words(&doc, Some("de"))
            .set(&mut item, "title", "Anmeldung schlägt fehl")
            .unwrap();
        assert_eq!(
            item["title"],
            json!({ "en": "Sign-in failing", "de": "Anmeldung schlägt fehl" })
        );
        // Rewording the English keeps the German; so does an edit without --lang.
        words(&doc, Some("en-GB"))
            .set(&mut item, "title", "Sign-in fails")
            .unwrap();
        words(&doc, None)
            .set(&mut item, "title", "Sign-in failing again")
            .unwrap();
        assert_eq!(
            item["title"],
            json!({ "en": "Sign-in failing again", "de": "Anmeldung schlägt fehl" })
        );
        // Rewording the German replaces the German, under the tag it already has.
        words(&doc, Some("de-AT"))
            .set(&mut item, "title", "Anmeldung geht nicht")
            .unwrap();
        assert_eq!(item["title"]["de"], "Anmeldung geht nicht");
        assert_eq!(item["title"].as_object().unwrap().len(), 2);
    }

    #[test]
    fn nothing_is_translated_that_is_not_there_and_a_file_without_a_language_is_refused() {
        let doc = json!({ "language": "en" });
        let mut item = Map::new();
        let error = words(&doc, Some("de"))
            .set(&mut item, "summary", "x")
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "`summary` has no words in the file's language (en) to translate yet"
        );
        assert!(item.is_empty());
        let error = Words::of(&json!({}), Some("de")).err().unwrap();
        assert!(
            error.to_string().contains("add \"language\": \"en\""),
            "{error}"
        );
        let error = Words::of(&doc, Some("Deutsch")).err().unwrap();
        assert!(error.to_string().contains("not a language tag"), "{error}");
        assert!(words(&doc, Some("de")).refuse_new("incident x").is_err());
        assert!(words(&doc, Some("en")).refuse_new("incident x").is_ok());
    }
}
