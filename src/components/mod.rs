//! Yew components. They only render: data comes from the hooks and the view model.

mod banner;
mod banner_item;
mod indicator;
mod widget;

pub use banner::Banner;
pub use banner_item::BannerItem;
pub use indicator::Indicator;
pub use widget::{StatusWidget, StatusWidgetProps};
