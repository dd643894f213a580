use crate::io::storage;
use crate::model::DismissalKey;
use std::rc::Rc;
use yew::prelude::*;

/// The reader's dismissals (from storage, or memory where storage is blocked) and a callback
/// that dismisses one more item.
///
/// # Example
/// ```ignore
/// let (dismissed, dismiss) = use_dismissals();
/// let hidden = dismissed.iter().any(|d| d.hides(&item.key));
/// ```
#[hook]
pub fn use_dismissals() -> (Rc<Vec<DismissalKey>>, Callback<DismissalKey>) {
    let read = || {
        Rc::new(
            storage::dismissals()
                .iter()
                .filter_map(|k| DismissalKey::parse(k))
                .collect::<Vec<_>>(),
        )
    };
    let dismissed = use_state(read);
    let dismiss = {
        let dismissed = dismissed.clone();
        Callback::from(move |key: DismissalKey| {
            storage::remember(key.to_string());
            dismissed.set(read());
        })
    };
    ((*dismissed).clone(), dismiss)
}
