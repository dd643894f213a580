use super::text::lang;
use crate::i18n::Strings;
use crate::model::ContactLink;
use yew::prelude::*;

/// "Contact: Email support · Help desk": how to reach the team, on the banner and the page;
/// nothing when the file names no contact.
pub fn contact_line(contacts: &[ContactLink], s: &Strings) -> Html {
    if contacts.is_empty() {
        return html! {};
    }
    html! {
        <p class="contact" part="contact">
            { s.contact }{ ": " }
            { for contacts.iter().enumerate().map(|(i, c)| html! {
                <>{ if i > 0 { " · " } else { "" } }<a href={c.href.clone()} lang={lang(&c.label)} dir={c.label.dir()}>{ &c.label.plain }</a></>
            }) }
        </p>
    }
}
