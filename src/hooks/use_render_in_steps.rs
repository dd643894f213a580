use yew::prelude::*;

/// How many of `wanted` entries to render now: `step` more after each task until all are there,
/// so that a long list fills in over a few tasks and no single one holds the main thread long.
///
/// # Example
/// ```ignore
/// let visible = use_render_in_steps(*shown, 5);
/// html! { for entries.iter().take(visible).map(render) }
/// ```
#[hook]
pub fn use_render_in_steps(wanted: usize, step: usize) -> usize {
    let rendered = use_state(|| step);
    {
        let rendered = rendered.clone();
        use_effect_with((*rendered, wanted), move |&(count, wanted)| {
            let next = (count < wanted).then(|| {
                gloo_timers::callback::Timeout::new(0, move || rendered.set(count + step))
            });
            move || drop(next)
        });
    }
    wanted.min(*rendered)
}
