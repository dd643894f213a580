use crate::model::{Block, Inline, Text};
use yew::prelude::*;

/// A text field: plain text as one paragraph with the author's line breaks (`class` on it);
/// text with markup as its paragraphs, lists, emphasis and links, each built as an element of
/// its own (yew creates elements and text nodes, never parses markup). A render function: it
/// keeps no state.
pub fn text_html(text: &Text, class: &'static str) -> Html {
    let (lang, dir) = (lang(text), text.dir());
    match &text.blocks {
        None => html! { <p {class} {lang} {dir}>{ &text.plain }</p> },
        Some(blocks) => html! {
            <div class={classes!(class, "rich")} {lang} {dir}>
                { for blocks.iter().map(block) }
            </div>
        },
    }
}

/// The `lang` attribute of a text from the file: its language, when the file says
/// ([`Text::lang`]), so that words the reader's language has no translation for are pronounced in
/// their own; its `dir` is [`Text::dir`].
pub fn lang(text: &Text) -> Option<AttrValue> {
    text.lang.clone().map(AttrValue::Rc)
}

/// A short text from the file inline (a component's name): in a `<span>` with its `lang` and
/// `dir` when its language is known, else as it is, isolated from the words around it.
pub fn words(text: &Text) -> Html {
    html! { <bdi lang={lang(text)} dir={text.dir()}>{ &text.plain }</bdi> }
}

/// Texts from the file inline, separated by ", ".
pub fn word_list(texts: &[Text]) -> Html {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| html! { <>{ if i > 0 { ", " } else { "" } }{ words(text) }</> })
        .collect()
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph(content) => html! { <p>{ inlines(content) }</p> },
        Block::Heading(content) => {
            html! { <p class="heading"><strong>{ inlines(content) }</strong></p> }
        }
        Block::List { start: None, items } => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ inlines(item) }</li> }) }</ul>
        },
        Block::List {
            start: Some(start),
            items,
        } => html! {
            <ol start={start.to_string()}>{ for items.iter().map(|item| html! { <li>{ inlines(item) }</li> }) }</ol>
        },
    }
}

fn inlines(content: &[Inline]) -> Html {
    content.iter().map(inline).collect()
}

fn inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { { text } },
        Inline::Break => html! { <br /> },
        Inline::Strong(content) => html! { <strong>{ inlines(content) }</strong> },
        Inline::Emphasis(content) => html! { <em>{ inlines(content) }</em> },
        Inline::Code(code) => html! { <code>{ code }</code> },
        Inline::Link { href, content } => html! {
            <a href={href.clone()} rel="nofollow noopener noreferrer">{ inlines(content) }</a>
        },
    }
}
