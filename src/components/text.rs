use crate::model::{Block, Inline, Text};
use yew::prelude::*;

/// A text field: plain text as one paragraph with the author's line breaks (`class` on it);
/// text with markup as its paragraphs, lists, emphasis and links, each built as an element of
/// its own (yew creates elements and text nodes, never parses markup). A render function: it
/// keeps no state.
pub fn text_html(text: &Text, class: &'static str) -> Html {
    match &text.blocks {
        None => html! { <p {class} dir="auto">{ &text.plain }</p> },
        Some(blocks) => html! {
            <div class={classes!(class, "rich")} dir="auto">
                { for blocks.iter().map(block) }
            </div>
        },
    }
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
