//! Yew components. They only render: data comes from the hooks and the view model.

mod banner;
mod banner_item;
mod incident_details;
mod indicator;
mod locale;
mod status_page;
mod timeline;
mod widget;

pub use banner::Banner;
pub use banner_item::BannerItem;
pub use incident_details::IncidentDetails;
pub use indicator::Indicator;
pub use locale::Locale;
pub use status_page::StatusPage;
pub use timeline::Timeline;
pub use widget::{StatusWidget, StatusWidgetProps};
