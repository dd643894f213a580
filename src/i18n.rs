//! The widget's own words in English, German, French and Spanish, chosen by a BCP 47 tag.
//! Times and dates are not here: the browser's `Intl` formats them in the reader's locale.

use crate::model::{ComponentStatus, Impact, IncidentStatus, Level};

/// Every string the widget shows. Templates hold `{n}` or `{title}`; see [`fill`].
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    /// The language these strings are in (`en`, `de`, `fr`, `es`).
    pub lang: &'static str,
    /// Accessible name of the banner region.
    pub region: &'static str,
    /// Accessible name of a dismiss button: `{title}`.
    pub dismiss: &'static str,
    /// The collapsed remainder: `{n}`.
    pub and_more: &'static str,
    /// Collapses the remainder again.
    pub show_fewer: &'static str,
    /// Opens a clamped update text.
    pub show_more: &'static str,
    /// Clamps it again.
    pub show_less: &'static str,
    /// Before a start time.
    pub started: &'static str,
    /// Before the last update's time.
    pub updated: &'static str,
    /// Before the affected components.
    pub affects: &'static str,
    /// Link to an incident's details.
    pub details: &'static str,
    /// Link to the status page.
    pub status_page: &'static str,
    /// Before the contact links.
    pub contact: &'static str,
    /// Heading of maintenance under way.
    pub maintenance_now: &'static str,
    /// Heading of maintenance that has not started.
    pub maintenance_planned: &'static str,
    /// Before a planned start.
    pub starts: &'static str,
    /// Before a planned end.
    pub ends: &'static str,
    /// When the file is older than `max-age`.
    pub status_unknown: &'static str,
    /// Why the status is unknown.
    pub status_outdated: &'static str,
    /// When no status file could be read (indicator and page modes).
    pub status_unavailable: &'static str,
    /// Overall levels: operational, maintenance, minor, major, critical.
    pub levels: [&'static str; 5],
    /// Incident kinds by impact: none, minor, major, critical.
    pub impacts: [&'static str; 4],
    /// Incident statuses: investigating, identified, monitoring, resolved, unknown.
    pub statuses: [&'static str; 5],
    /// Page heading when the file names no service.
    pub page_title: &'static str,
    /// Before the file's `updated_at`.
    pub last_updated: &'static str,
    /// Heading of the component list.
    pub components: &'static str,
    /// Component statuses: operational, under maintenance, degraded, partial outage, major outage, unknown.
    pub component_statuses: [&'static str; 6],
    /// Heading of what is going on now.
    pub active_now: &'static str,
    /// Heading of maintenance more than a day away.
    pub upcoming: &'static str,
    /// Heading of resolved incidents.
    pub history: &'static str,
    /// When there are no past incidents.
    pub no_incidents: &'static str,
    /// Before an incident's resolution time.
    pub resolved: &'static str,
    /// Before how long an incident lasted.
    pub duration: &'static str,
    /// Before the release involved.
    pub release: &'static str,
    /// Heading of the timeline.
    pub timeline: &'static str,
    /// Heading of the lessons.
    pub lessons: &'static str,
    /// Heading of the conclusion.
    pub conclusion: &'static str,
    /// After an approximate time.
    pub approximate: &'static str,
    /// Text of an incident's permalink, before its `#id`.
    pub permalink: &'static str,
    /// Loads older incidents: `{n}` more.
    pub show_older: &'static str,
}

const EN: Strings = Strings {
    lang: "en",
    region: "Service status",
    dismiss: "Dismiss: {title}",
    and_more: "and {n} more",
    show_fewer: "Show fewer",
    show_more: "Show more",
    show_less: "Show less",
    started: "Started",
    updated: "Updated",
    affects: "Affects",
    details: "Details",
    status_page: "Status page",
    contact: "Contact",
    maintenance_now: "Maintenance in progress",
    maintenance_planned: "Planned maintenance",
    starts: "Starts",
    ends: "Ends",
    status_unknown: "Status unknown",
    status_outdated: "The status information is out of date.",
    status_unavailable: "Status unavailable",
    levels: [
        "All systems operational",
        "Maintenance in progress",
        "Minor disruption",
        "Partial outage",
        "Major outage",
    ],
    impacts: [
        "Notice",
        "Minor incident",
        "Major incident",
        "Critical incident",
    ],
    statuses: [
        "Investigating",
        "Identified",
        "Monitoring",
        "Resolved",
        "Ongoing",
    ],
    page_title: "Service status",
    last_updated: "Last updated",
    components: "Components",
    component_statuses: [
        "Operational",
        "Under maintenance",
        "Degraded performance",
        "Partial outage",
        "Major outage",
        "Unknown",
    ],
    active_now: "Happening now",
    upcoming: "Upcoming maintenance",
    history: "Past incidents",
    no_incidents: "No incidents reported.",
    resolved: "Resolved",
    duration: "Duration",
    release: "Release",
    timeline: "Timeline",
    lessons: "Lessons learned",
    conclusion: "Conclusion",
    approximate: "approx.",
    permalink: "Link to this incident",
    show_older: "Show older incidents ({n} more)",
};

const DE: Strings = Strings {
    lang: "de",
    region: "Dienststatus",
    dismiss: "Ausblenden: {title}",
    and_more: "und {n} weitere",
    show_fewer: "Weniger anzeigen",
    show_more: "Mehr anzeigen",
    show_less: "Weniger anzeigen",
    started: "Begonnen",
    updated: "Aktualisiert",
    affects: "Betrifft",
    details: "Details",
    status_page: "Statusseite",
    contact: "Kontakt",
    maintenance_now: "Wartung läuft",
    maintenance_planned: "Geplante Wartung",
    starts: "Beginn",
    ends: "Ende",
    status_unknown: "Status unbekannt",
    status_outdated: "Die Statusinformationen sind veraltet.",
    status_unavailable: "Status nicht verfügbar",
    levels: [
        "Alle Systeme betriebsbereit",
        "Wartung läuft",
        "Leichte Störung",
        "Teilweiser Ausfall",
        "Schwerer Ausfall",
    ],
    impacts: [
        "Hinweis",
        "Leichte Störung",
        "Schwere Störung",
        "Kritische Störung",
    ],
    statuses: [
        "Untersuchung läuft",
        "Ursache gefunden",
        "Beobachtung",
        "Behoben",
        "Andauernd",
    ],
    page_title: "Dienststatus",
    last_updated: "Zuletzt aktualisiert",
    components: "Komponenten",
    component_statuses: [
        "Betriebsbereit",
        "In Wartung",
        "Eingeschränkte Leistung",
        "Teilweiser Ausfall",
        "Schwerer Ausfall",
        "Unbekannt",
    ],
    active_now: "Aktuell",
    upcoming: "Geplante Wartungen",
    history: "Frühere Störungen",
    no_incidents: "Keine Störungen gemeldet.",
    resolved: "Behoben",
    duration: "Dauer",
    release: "Release",
    timeline: "Verlauf",
    lessons: "Erkenntnisse",
    conclusion: "Fazit",
    approximate: "ca.",
    permalink: "Link zu dieser Störung",
    show_older: "Ältere Störungen anzeigen ({n} weitere)",
};

const FR: Strings = Strings {
    lang: "fr",
    region: "État du service",
    dismiss: "Masquer : {title}",
    and_more: "et {n} de plus",
    show_fewer: "Afficher moins",
    show_more: "Afficher plus",
    show_less: "Afficher moins",
    started: "Début",
    updated: "Mis à jour",
    affects: "Concerne",
    details: "Détails",
    status_page: "Page d’état",
    contact: "Contact",
    maintenance_now: "Maintenance en cours",
    maintenance_planned: "Maintenance prévue",
    starts: "Début",
    ends: "Fin",
    status_unknown: "État inconnu",
    status_outdated: "Les informations d’état ne sont plus à jour.",
    status_unavailable: "État indisponible",
    levels: [
        "Tous les systèmes sont opérationnels",
        "Maintenance en cours",
        "Perturbation mineure",
        "Panne partielle",
        "Panne majeure",
    ],
    impacts: [
        "Information",
        "Incident mineur",
        "Incident majeur",
        "Incident critique",
    ],
    statuses: [
        "Analyse en cours",
        "Cause identifiée",
        "Surveillance",
        "Résolu",
        "En cours",
    ],
    page_title: "État du service",
    last_updated: "Dernière mise à jour",
    components: "Composants",
    component_statuses: [
        "Opérationnel",
        "En maintenance",
        "Performances dégradées",
        "Panne partielle",
        "Panne majeure",
        "Inconnu",
    ],
    active_now: "En ce moment",
    upcoming: "Maintenances prévues",
    history: "Incidents passés",
    no_incidents: "Aucun incident signalé.",
    resolved: "Résolu",
    duration: "Durée",
    release: "Version",
    timeline: "Chronologie",
    lessons: "Enseignements",
    conclusion: "Conclusion",
    approximate: "env.",
    permalink: "Lien vers cet incident",
    show_older: "Afficher les incidents plus anciens ({n} de plus)",
};

const ES: Strings = Strings {
    lang: "es",
    region: "Estado del servicio",
    dismiss: "Descartar: {title}",
    and_more: "y {n} más",
    show_fewer: "Mostrar menos",
    show_more: "Mostrar más",
    show_less: "Mostrar menos",
    started: "Inicio",
    updated: "Actualizado",
    affects: "Afecta a",
    details: "Detalles",
    status_page: "Página de estado",
    contact: "Contacto",
    maintenance_now: "Mantenimiento en curso",
    maintenance_planned: "Mantenimiento programado",
    starts: "Inicio",
    ends: "Fin",
    status_unknown: "Estado desconocido",
    status_outdated: "La información de estado no está actualizada.",
    status_unavailable: "Estado no disponible",
    levels: [
        "Todos los sistemas operativos",
        "Mantenimiento en curso",
        "Interrupción menor",
        "Interrupción parcial",
        "Interrupción grave",
    ],
    impacts: [
        "Aviso",
        "Incidente menor",
        "Incidente grave",
        "Incidente crítico",
    ],
    statuses: [
        "Investigando",
        "Identificado",
        "En observación",
        "Resuelto",
        "En curso",
    ],
    page_title: "Estado del servicio",
    last_updated: "Última actualización",
    components: "Componentes",
    component_statuses: [
        "Operativo",
        "En mantenimiento",
        "Rendimiento degradado",
        "Interrupción parcial",
        "Interrupción grave",
        "Desconocido",
    ],
    active_now: "En curso",
    upcoming: "Mantenimiento programado",
    history: "Incidentes anteriores",
    no_incidents: "No se han registrado incidentes.",
    resolved: "Resuelto",
    duration: "Duración",
    release: "Versión",
    timeline: "Cronología",
    lessons: "Lecciones aprendidas",
    conclusion: "Conclusión",
    approximate: "aprox.",
    permalink: "Enlace a este incidente",
    show_older: "Mostrar incidentes anteriores ({n} más)",
};

/// The primary language subtag of a BCP 47 tag (`de-AT` → `de`).
pub fn primary(tag: &str) -> &str {
    tag.trim().split(['-', '_']).next().unwrap_or("")
}

/// The strings for a BCP 47 tag (`de-CH` → German); English for anything else.
pub fn strings_for(tag: &str) -> &'static Strings {
    [&DE, &FR, &ES]
        .into_iter()
        .find(|s| s.lang.eq_ignore_ascii_case(primary(tag)))
        .unwrap_or(&EN)
}

/// Whether the widget has its own strings for this tag's language.
pub fn is_supported(tag: &str) -> bool {
    ["en", "de", "fr", "es"]
        .iter()
        .any(|l| l.eq_ignore_ascii_case(primary(tag)))
}

/// The locale dates and times are written in by a widget that speaks `language` (a primary
/// subtag such as `en`): the element's own `lang` when it names that language; else the first of
/// the reader's preferred locales (`navigator.languages`) in that language, so that an `en` page
/// shows a British reader British dates and a `de` page an Austrian reader Austrian ones; else
/// the page's `lang`, when in that language; else the language itself. Dates never come in
/// another language than the words around them.
pub fn format_locale(
    language: &str,
    attribute: Option<&str>,
    page: Option<&str>,
    reader: &[String],
) -> String {
    let speaks = |tag: &&str| primary(tag).eq_ignore_ascii_case(language);
    attribute
        .filter(speaks)
        .or_else(|| reader.iter().map(String::as_str).find(speaks))
        .or_else(|| page.filter(speaks))
        .unwrap_or(language)
        .trim()
        .to_owned()
}

/// Replaces `{n}` and `{title}` in a template.
pub fn fill(template: &str, n: usize, title: &str) -> String {
    template
        .replace("{n}", &n.to_string())
        .replace("{title}", title)
}

impl Strings {
    /// The overall level in words.
    pub fn level(&self, level: Level) -> &'static str {
        self.levels[level as usize]
    }

    /// What kind of incident an impact makes, in words (so impact is never colour alone).
    pub fn impact(&self, impact: Impact) -> &'static str {
        self.impacts[impact as usize]
    }

    /// An incident status in words.
    pub fn status(&self, status: IncidentStatus) -> &'static str {
        self.statuses[status as usize]
    }

    /// A component status in words.
    pub fn component_status(&self, status: ComponentStatus) -> &'static str {
        self.component_statuses[status as usize]
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_chosen_by_the_primary_subtag() {
        assert_eq!(strings_for("de-CH").lang, "de");
        assert_eq!(strings_for("FR").lang, "fr");
        assert_eq!(strings_for("es_419").lang, "es");
        assert_eq!(strings_for("en-GB").lang, "en");
        assert_eq!(strings_for("ja").lang, "en");
        assert_eq!(strings_for("").lang, "en");
        assert!(is_supported("de-AT") && !is_supported("ja-JP"));
    }

    #[test]
    fn dates_follow_the_readers_region_within_the_widgets_language() {
        let reader = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        // (language, element's lang, page's lang, reader's locales) → locale of the dates
        let cases = [
            ("en", None, Some("en"), reader(&["en-GB", "en"]), "en-GB"),
            ("de", None, Some("de"), reader(&["de-AT", "en-US"]), "de-AT"),
            ("en", None, Some("en"), reader(&["de-DE"]), "en"),
            ("en", None, Some("en-GB"), reader(&["fr-FR"]), "en-GB"),
            ("en", None, Some("en-GB"), reader(&["en-US"]), "en-US"),
            ("fr", None, Some("fr"), reader(&["en-US", "fr-CA"]), "fr-CA"),
            ("en", Some("en-AU"), Some("en"), reader(&["en-GB"]), "en-AU"),
            ("de", Some("de"), Some("en"), reader(&["de-CH"]), "de"),
            // An element in a language without strings speaks English, in the reader's English.
            (
                "en",
                Some("ja"),
                Some("ja"),
                reader(&["ja-JP", "en-IN"]),
                "en-IN",
            ),
            ("en", None, None, reader(&[]), "en"),
        ];
        for (language, attribute, page, locales, expected) in cases {
            assert_eq!(
                format_locale(language, attribute, page, &locales),
                expected,
                "{language} {attribute:?} {page:?} {locales:?}"
            );
        }
    }

    #[test]
    fn every_language_fills_its_templates_and_names_every_level() {
        for s in [&EN, &DE, &FR, &ES] {
            assert!(
                s.and_more.contains("{n}") && s.dismiss.contains("{title}"),
                "{}",
                s.lang
            );
            assert!(fill(s.and_more, 3, "").contains('3'));
            assert_ne!(s.level(Level::Operational), s.level(Level::Critical));
            assert_eq!(s.status(IncidentStatus::Unknown), s.statuses[4]);
        }
        assert_eq!(fill(EN.dismiss, 0, "Login down"), "Dismiss: Login down");
        assert_eq!(EN.level(Level::Major), "Partial outage");
        assert_eq!(DE.impact(Impact::Critical), "Kritische Störung");
    }
}
