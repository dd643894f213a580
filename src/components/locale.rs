use crate::i18n::Strings;
use crate::io::intl::TimeFormatter;
use std::rc::Rc;

/// The widget's words and its formatter for days and times: one prop that every component takes.
/// (A yew context would spare the prop, but its provider costs the wasm 7.4 KB, measured.)
#[derive(Clone)]
pub struct Locale {
    /// The widget's words in its language.
    pub strings: &'static Strings,
    /// Days and times in the reader's locale and zone.
    pub formatter: Rc<TimeFormatter>,
}

/// Two locales are the same when they share their words and their formatter.
impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.strings, other.strings) && Rc::ptr_eq(&self.formatter, &other.formatter)
    }
}
