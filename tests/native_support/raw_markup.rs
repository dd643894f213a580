/// Markup that must never reach a reader's screen from imported text: tags, Markdown marks,
/// undecoded references and Hugo's placeholder. Shared by the native and the browser tests.
pub const RAW_MARKUP: &[&str] = &[
    "<br",
    "<li",
    "<ul",
    "<strong",
    "<p>",
    "**",
    "](http",
    "&amp;",
    "&lt;",
    "<no value>",
];
