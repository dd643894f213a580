use super::Locale;
use crate::view::Overall;
use yew::prelude::*;

/// Properties of [`Indicator`].
#[derive(Properties, PartialEq)]
pub struct IndicatorProps {
    /// The overall state shown; `None` when no status file could be read.
    pub overall: Option<Overall>,
    /// Where the link goes.
    pub status_page: Option<AttrValue>,
    /// The widget's words and time formatter.
    pub locale: Locale,
}

/// A coloured dot and one line with a link, for a header or footer.
#[component]
pub fn Indicator(props: &IndicatorProps) -> Html {
    let s = props.locale.strings;
    let (class, words) = match props.overall {
        None => ("unknown", s.status_unavailable),
        Some(overall) => (overall.name(), s.overall(overall)),
    };
    html! {
        <p class={classes!("indicator", format!("level-{class}"))} part="indicator" role="status">
            <span class="dot" part="dot" aria-hidden="true"></span>
            <span class="summary">{ words }</span>
            if let Some(href) = &props.status_page {
                <a class="link" part="link" href={href.clone()}>{ s.status_page }</a>
            }
        </p>
    }
}
