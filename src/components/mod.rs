//! Yew components: they render the [`crate::view::StatusView`]; effects live in `crate::hooks`.
//! `page/` holds everything only the status page renders.

mod banner;
mod banner_item;
mod contact;
mod fallback;
mod indicator;
mod locale;
#[cfg(feature = "page")]
mod page;
mod text;
mod widget;

pub use banner::{live_regions, Banner, BannerProps};
pub use banner_item::BannerItem;
pub use contact::contact_line;
pub use fallback::page_content;
pub use indicator::{Indicator, IndicatorProps};
pub use locale::Locale;
#[cfg(feature = "page")]
pub use page::{StatusPage, StatusPageProps};
pub use text::{lang, text_html, word_list, words};
pub use widget::{StatusWidget, StatusWidgetProps};
