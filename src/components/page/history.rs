use super::IncidentDetails;
use crate::components::Locale;
use crate::hooks::{use_render_in_steps, use_scroll_to};
use crate::model::Incident;
use crate::view::{component_names, StatusView};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// Past incidents shown at first, and added by each "Show older incidents".
pub const HISTORY_PAGE: usize = 20;
/// Past incidents rendered per task: the page fills in over a few tasks so that no single one
/// holds the main thread for long.
pub const RENDER_STEP: usize = 5;

/// The history's state: how far the reader paged back, how much is rendered so far, which
/// incidents the reader opened or closed, and the section to scroll within.
pub struct HistoryState {
    /// Resolved incidents, newest first (indices into the document's incidents), worked out once
    /// per render of the page.
    incidents: Vec<usize>,
    shown: UseStateHandle<usize>,
    visible: usize,
    newest: Option<String>,
    target: Option<String>,
    toggled: UseStateHandle<HashSet<String>>,
    on_toggle: Callback<(String, bool)>,
    root: NodeRef,
}

/// Keeps the history's state for `view`. A permalink to an old incident (`target`) pages far
/// enough back to show it, and scrolls to it once it is rendered.
#[hook]
pub fn use_history(view: &StatusView, target: Option<String>) -> HistoryState {
    let doc = &view.document;
    let history = view.history();
    let shown = use_state(|| HISTORY_PAGE);
    let visible = use_render_in_steps(*shown, RENDER_STEP);
    let target_index = target
        .as_ref()
        .and_then(|id| history.iter().position(|&i| doc.incidents[i].id == *id));
    {
        let shown = shown.clone();
        use_effect_with(target_index, move |index| {
            if let Some(index) = *index {
                if index >= *shown {
                    shown.set((index / HISTORY_PAGE + 1) * HISTORY_PAGE);
                }
            }
        });
    }
    let root = use_node_ref();
    use_scroll_to(
        root.clone(),
        target.clone(),
        target_index.is_none_or(|i| i < visible),
    );
    let newest = history.first().map(|&i| doc.incidents[i].id.clone());
    let (toggled, on_toggle) = use_toggled_incidents(newest.clone(), target.clone());
    HistoryState {
        incidents: history,
        shown,
        visible,
        newest,
        target,
        toggled,
        on_toggle,
        root,
    }
}

/// Resolved incidents, newest first, a page at a time; the newest and the one a permalink
/// names are open. (A render function over [`use_history`]'s state: each yew component type
/// costs the wasm about a kilobyte.)
pub fn history_section(view: &StatusView, state: &HistoryState, locale: &Locale) -> Html {
    let s = locale.strings;
    let doc = &view.document;
    let history = &state.incidents;
    let is_open = |id: &str| {
        open_by_default(state.newest.as_deref(), state.target.as_deref(), id)
            != state.toggled.contains(id)
    };
    let incident = |i: &Incident| {
        html! {
            <IncidentDetails key={i.id.clone()} incident={Rc::new(i.clone())}
                component_names={Rc::new(component_names(doc, &i.components))}
                open={is_open(&i.id)} on_toggle={state.on_toggle.clone()} locale={locale.clone()} />
        }
    };
    let hidden = history.len().saturating_sub(*state.shown);
    let show_older = {
        let shown = state.shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + HISTORY_PAGE))
    };
    html! {
        <section class="section" aria-labelledby="sw-history" ref={state.root.clone()}>
            <h2 id="sw-history">{ s.page.history }</h2>
            if history.is_empty() {
                <p class="empty">{ s.page.no_incidents }</p>
            } else {
                <ol class="incidents history">
                    { for history.iter().take(state.visible).map(|&i| incident(&doc.incidents[i])) }
                </ol>
                if hidden > 0 {
                    <button type="button" class="more" part="more" onclick={show_older}>
                        { locale.formatter.count(&s.page.show_older, hidden) }
                    </button>
                }
            }
        </section>
    }
}

/// Open by default: the newest past incident and the one a permalink names.
fn open_by_default(newest: Option<&str>, target: Option<&str>, id: &str) -> bool {
    newest == Some(id) || target == Some(id)
}

/// The incidents the reader opened or closed against their default, and the callback an
/// incident reports a toggle to.
#[hook]
fn use_toggled_incidents(
    newest: Option<String>,
    target: Option<String>,
) -> (UseStateHandle<HashSet<String>>, Callback<(String, bool)>) {
    let toggled = use_state(HashSet::<String>::new);
    let on_toggle = {
        let toggled = toggled.clone();
        Callback::from(move |(id, open): (String, bool)| {
            let default = open_by_default(newest.as_deref(), target.as_deref(), &id);
            let mut set = (*toggled).clone();
            if open == default {
                set.remove(&id);
            } else {
                set.insert(id);
            }
            if set != *toggled {
                toggled.set(set);
            }
        })
    };
    (toggled, on_toggle)
}
