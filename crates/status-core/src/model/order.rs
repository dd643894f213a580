//! One sort for every list the model orders.
//!
//! `slice::sort_by` is generic over the element and the comparison, so each of the model's
//! orderings (incidents, maintenance, notices, updates, problems) used to put its own copy of
//! the standard library's stable sort into the wasm, about 4 KB each. Here every ordering is
//! expressed as a [`SortKey`], and only `[(SortKey, u32)]` is ever sorted: one copy.

use super::Timestamp;

/// What a list is ordered by: compared first by `.0`, then by `.1`, both ascending.
pub(crate) type SortKey = (i64, i64);

/// Sorts `items` by `key`, keeping the original order of items with equal keys (a stable sort).
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> SortKey) {
    let order = sorted_positions(items.iter().map(key).collect());
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|at| slots[at].take()));
}

/// The positions in `items` of the ones `keep` accepts, ordered by `key` (ties in their order).
pub(crate) fn positions_where<T>(
    items: &[T],
    keep: impl Fn(&T) -> bool,
    key: impl Fn(&T) -> SortKey,
) -> Vec<usize> {
    let mut kept: Vec<usize> = (0..items.len()).filter(|&i| keep(&items[i])).collect();
    sort_by_key(&mut kept, |&i| key(&items[i]));
    kept
}

/// The positions of `keys` in sorted order, ties in their original order. Not generic, so the
/// wasm holds one sort routine.
fn sorted_positions(keys: Vec<SortKey>) -> Vec<usize> {
    let mut keyed: Vec<(SortKey, usize)> = keys.into_iter().zip(0..).collect();
    // The position is part of what is compared, so an unstable sort gives a stable order.
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, at)| at).collect()
}

/// A time as a key component, no time ordering first (like `Option`'s own ordering).
pub(crate) fn time_key(at: Option<Timestamp>) -> i64 {
    at.map_or(i64::MIN, Timestamp::unix_millis)
}

/// Reverses a key component's order (for newest-first and most-severe-first), without the
/// overflow that negating `i64::MIN` would be.
pub(crate) const fn descending(key: i64) -> i64 {
    !key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order_and_descending_reverses_without_overflow() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (i64::MIN, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| (0, descending(k)));
        let letters: String = items.iter().map(|&(_, c)| c).collect();
        assert_eq!(letters, "acbed");
    }

    #[test]
    fn missing_times_sort_before_every_time() {
        let early = Some(Timestamp::from_unix_millis(i64::MIN + 1));
        assert!(time_key(None) < time_key(early));
    }
}
