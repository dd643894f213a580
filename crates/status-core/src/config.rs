//! The element's attributes, read into a [`WidgetConfig`]. Pure: the embed layer hands in a
//! lookup function, so every rule here is tested natively. Bad values fall back to defaults
//! rather than failing: a typo in an attribute must not take the banner away.

use crate::formats::Format;
use crate::view::ViewSettings;

/// Every attribute the element observes; a change to any of them re-reads the configuration.
/// (`uptime-days` too in the banner build: whichever build loads first defines the element, and a
/// page may hold a banner and a status page.)
pub const OBSERVED_ATTRIBUTES: &[&str] = &[
    "src",
    "mode",
    "max-age",
    "poll",
    "lang",
    "components",
    "theme",
    "format",
    "status-page",
    "placement",
    "uptime-days",
    "public-key",
    "link-origins",
];

/// Seconds between polls when the `poll` attribute is absent.
pub const DEFAULT_POLL_SECONDS: f64 = 60.0;

/// How the widget presents itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Banners above the login form; nothing at all when all is well.
    #[default]
    Banner,
    /// A dot and one line with a link, for a header or footer.
    Indicator,
    /// The full status page.
    Page,
}

/// Colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Where a banner sits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Placement {
    /// In the page's flow where the element is (above the login form).
    #[default]
    Inline,
    /// A bar pinned to the top of the viewport, over the page: it takes no layout space.
    Top,
    /// A card in the viewport's bottom corner (inline-end), over the page.
    Toast,
}

impl Placement {
    /// The name the stylesheet knows it by (`placement-inline` …).
    pub fn class(self) -> &'static str {
        match self {
            Placement::Inline => "placement-inline",
            Placement::Top => "placement-top",
            Placement::Toast => "placement-toast",
        }
    }
}

/// The widget's configuration, from its attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetConfig {
    /// Status file URLs, tried in order; the first that answers with a usable file wins.
    pub sources: Vec<String>,
    /// Presentation.
    pub mode: Mode,
    /// When the file's `updated_at` is older than this many seconds, claim nothing.
    pub max_age_seconds: Option<f64>,
    /// Seconds between polls; `None` means fetch once.
    pub poll_seconds: Option<f64>,
    /// BCP 47 language tag from the `lang` attribute, if any (the embed layer falls back to the
    /// page's and the browser's language).
    pub lang: Option<String>,
    /// Only show items about these component ids (empty: everything).
    pub components: Vec<String>,
    /// Colour scheme.
    pub theme: Theme,
    /// Which reader to use.
    pub format: Format,
    /// Overrides the status file's `service.status_page`.
    pub status_page: Option<String>,
    /// Where the banner sits (banner mode only).
    pub placement: Placement,
    /// The `public-key` attribute as written (`ed25519:…`, several space-separated while keys
    /// rotate): when set, a file is shown only once one of them verifies its signature
    /// ([`crate::signature`]). Kept as text: the keys are decoded by the code that verifies, which
    /// pages without the attribute never download.
    pub public_key: Option<String>,
    /// The `link-origins` attribute as written: the origins the widget's links may point to,
    /// read by [`crate::model::links::allowed_origins`] in the code that applies it (a chunk of
    /// its own in the banner build); `None`: anywhere a status file may link.
    pub link_origins: Option<String>,
    /// How many days the status page's uptime bars cover (`uptime-days`, a whole number clamped
    /// to 7–365; 90 when absent or not a number).
    #[cfg(feature = "page")]
    pub uptime_days: Option<u16>,
}

impl WidgetConfig {
    /// `max-age` in milliseconds, as `StatusDocument::is_stale` takes it.
    pub fn max_age_ms(&self) -> Option<i64> {
        self.max_age_seconds.map(|s| (s * 1000.0) as i64)
    }

    /// The settings that change what is shown, for [`crate::view::derive`].
    pub fn view_settings(&self) -> ViewSettings {
        ViewSettings {
            components: self.components.clone(),
            max_age_ms: self.max_age_ms(),
            status_page: self.status_page.clone(),
            #[cfg(feature = "page")]
            uptime_days: self.uptime_days,
        }
    }

    /// Reads the configuration through `attribute`, which returns an attribute's value if set.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Self {
        let non_empty = |name: &str| attribute(name).filter(|v| !v.trim().is_empty());
        let seconds = |name: &str| {
            non_empty(name)
                .and_then(|v| v.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s >= 0.0)
        };
        WidgetConfig {
            sources: non_empty("src")
                .map(|v| v.split_whitespace().map(str::to_owned).collect())
                .unwrap_or_default(),
            mode: match non_empty("mode").as_deref().map(str::trim) {
                Some(m) if m.eq_ignore_ascii_case("indicator") => Mode::Indicator,
                Some(m) if m.eq_ignore_ascii_case("page") => Mode::Page,
                _ => Mode::Banner,
            },
            max_age_seconds: seconds("max-age").filter(|s| *s > 0.0),
            poll_seconds: match seconds("poll") {
                Some(s) => (s > 0.0).then_some(s),
                None => Some(DEFAULT_POLL_SECONDS),
            },
            lang: non_empty("lang").map(|v| v.trim().to_owned()),
            components: non_empty("components")
                .map(|v| {
                    v.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            theme: match non_empty("theme").as_deref().map(str::trim) {
                Some(t) if t.eq_ignore_ascii_case("light") => Theme::Light,
                Some(t) if t.eq_ignore_ascii_case("dark") => Theme::Dark,
                _ => Theme::Auto,
            },
            format: non_empty("format")
                .and_then(|f| Format::from_name(&f))
                .unwrap_or_default(),
            status_page: non_empty("status-page").map(|v| v.trim().to_owned()),
            placement: match non_empty("placement").as_deref().map(str::trim) {
                Some(p) if p.eq_ignore_ascii_case("top") => Placement::Top,
                Some(p) if p.eq_ignore_ascii_case("toast") => Placement::Toast,
                _ => Placement::Inline,
            },
            public_key: non_empty("public-key").map(|v| v.trim().to_owned()),
            link_origins: attribute("link-origins").map(|v| v.trim().to_owned()),
            #[cfg(feature = "page")]
            uptime_days: seconds("uptime-days").map(|days| {
                let (low, high) = crate::view::UPTIME_DAYS.into_inner();
                days.round().clamp(f64::from(low), f64::from(high)) as u16
            }),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::formats::SourceFormat;

    fn config(pairs: &[(&str, &str)]) -> WidgetConfig {
        WidgetConfig::from_attributes(|name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn defaults_poll_every_minute_in_banner_mode() {
        let c = config(&[("src", "https://s.example.org/status.json")]);
        assert_eq!(c.sources, ["https://s.example.org/status.json"]);
        assert_eq!(c.mode, Mode::Banner);
        assert_eq!(c.poll_seconds, Some(60.0));
        assert_eq!(c.max_age_seconds, None);
        assert_eq!(c.format, Format::Auto);
        assert_eq!(c.theme, Theme::Auto);
        assert_eq!(c.placement, Placement::Inline);
        assert!(c.components.is_empty());
    }

    #[test]
    fn every_attribute_is_read() {
        let c = config(&[
            ("src", "  a.json\n https://b.example/status.json  "),
            ("mode", "Indicator"),
            ("max-age", "600"),
            ("poll", "0"),
            ("lang", "de-CH"),
            ("components", "login, app,,"),
            ("theme", "dark"),
            ("format", "statuspage"),
            ("status-page", "https://status.example.org/"),
            ("placement", " Toast "),
            ("public-key", " ed25519:AAAA ed25519:BBBB "),
            ("link-origins", "https://App.example.org/ mailto:"),
        ]);
        assert_eq!(c.placement, Placement::Toast);
        assert_eq!(c.public_key.as_deref(), Some("ed25519:AAAA ed25519:BBBB"));
        assert_eq!(
            c.link_origins.as_deref(),
            Some("https://App.example.org/ mailto:")
        );
        assert_eq!(config(&[]).link_origins, None, "no attribute: no limit");
        assert_eq!(
            config(&[("link-origins", "")]).link_origins.as_deref(),
            Some(""),
            "an empty attribute: no links (allowed_origins reads none)"
        );
        assert_eq!(config(&[("placement", "top")]).placement, Placement::Top);
        assert_eq!(c.sources, ["a.json", "https://b.example/status.json"]);
        assert_eq!(c.mode, Mode::Indicator);
        assert_eq!(c.max_age_seconds, Some(600.0));
        assert_eq!(c.max_age_ms(), Some(600_000));
        assert_eq!(c.poll_seconds, None, "poll=0 turns polling off");
        assert_eq!(c.lang.as_deref(), Some("de-CH"));
        assert_eq!(c.components, ["login", "app"]);
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.format, Format::Only(SourceFormat::Statuspage));
        assert_eq!(
            c.status_page.as_deref(),
            Some("https://status.example.org/")
        );
    }

    #[test]
    fn bad_values_fall_back_to_defaults() {
        let c = config(&[
            ("mode", "carousel"),
            ("max-age", "-5"),
            ("poll", "soon"),
            ("theme", "purple"),
            ("format", "xml"),
            ("lang", "  "),
            ("placement", "sideways"),
        ]);
        assert_eq!(c.placement, Placement::Inline);
        assert!(c.sources.is_empty());
        assert_eq!(c.mode, Mode::Banner);
        assert_eq!(c.max_age_seconds, None);
        assert_eq!(c.poll_seconds, Some(DEFAULT_POLL_SECONDS));
        assert_eq!(c.theme, Theme::Auto);
        assert_eq!(c.format, Format::Auto);
        assert_eq!(c.lang, None);
        assert_eq!(
            config(&[("poll", "inf")]).poll_seconds,
            Some(DEFAULT_POLL_SECONDS)
        );
        assert_eq!(config(&[("poll", "0.5")]).poll_seconds, Some(0.5));
    }
}
