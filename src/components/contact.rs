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
                <>{ if i > 0 { " · " } else { "" } }{ contact(c) }</>
            }) }
        </p>
    }
}

/// One contact: its label as a link, or as words alone (an `<a>` without `href` is no link) when
/// its link was taken away (`link-origins`).
fn contact(c: &ContactLink) -> Html {
    let href = (!c.href.is_empty()).then(|| AttrValue::from(c.href.clone()));
    html! { <a {href} lang={lang(&c.label)} dir={c.label.dir()}>{ &c.label.plain }</a> }
}
