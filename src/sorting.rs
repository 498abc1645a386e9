//! The two orderings the widget needs, small: a heap sort for the short lists it orders (label
//! columns, a paragraph's quotes, hidden slices) and the first few of many (the slices drawn
//! beside "Other"). std's sorts (driftsort, pattern-defeating quicksort, sorting networks, and
//! median-of-medians for `select_nth_unstable`) are built for any length and were about 20 KB of
//! the .wasm for five call sites.

/// Sorts `items` so that no item comes after one it is `less` than. Not stable: give `less` a
/// tie-breaker when equal items must keep an order. O(n log n) whatever the input.
pub fn sort_by<T>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let n = items.len();
    for start in (0..n / 2).rev() {
        sift_down(items, start, n, &mut less);
    }
    for end in (1..n).rev() {
        items.swap(0, end);
        sift_down(items, 0, end, &mut less);
    }
}

/// Moves `items[root]` down the max-heap `items[..end]` to where its children are not greater.
fn sift_down<T>(
    items: &mut [T],
    mut root: usize,
    end: usize,
    less: &mut impl FnMut(&T, &T) -> bool,
) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && is_less(items, child, child + 1, less) {
            child += 1;
        }
        if !is_less(items, root, child, less) {
            return;
        }
        items.swap(root, child);
        root = child;
    }
}

fn is_less<T>(items: &[T], a: usize, b: usize, less: &mut impl FnMut(&T, &T) -> bool) -> bool {
    match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => less(x, y),
        _ => false,
    }
}

/// The positions in `items` of its first `k` items by `before` (a strict order with no ties),
/// in that order. One comparison for most items: each is checked against the last one kept.
pub fn first_k<T>(items: &[T], k: usize, before: impl Fn(&T, &T) -> bool) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::with_capacity(k + 1);
    if k == 0 {
        return kept;
    }
    for (i, item) in items.iter().enumerate() {
        let beats = |j: &usize| items.get(*j).is_some_and(|other| before(other, item));
        if kept.len() == k && kept.last().is_some_and(&beats) {
            continue;
        }
        let at = kept.partition_point(beats);
        kept.insert(at, i);
        kept.truncate(k);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same list for the same seed on every run.
    fn numbers(seed: u64, n: usize, below: u64) -> Vec<u64> {
        let mut random = crate::test_random::Lcg::new(seed);
        (0..n).map(|_| random.below(below)).collect()
    }

    #[test]
    fn sorts_like_std_for_every_length_and_shape() {
        for n in 0..70 {
            for (seed, below) in [(1, 1000), (2, 3), (3, 1)] {
                let mut ours = numbers(seed + n as u64, n, below);
                let mut std = ours.clone();
                sort_by(&mut ours, |a, b| a < b);
                std.sort();
                assert_eq!(ours, std, "n {n}, values below {below}");
            }
        }
        let mut descending: Vec<u32> = (0..1000).rev().collect();
        sort_by(&mut descending, |a, b| a < b);
        assert!(descending.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn first_k_are_the_k_smallest_in_order() {
        for (n, k) in [(0, 3), (5, 0), (5, 3), (3, 5), (100, 23), (10_000, 23)] {
            let values = numbers(n as u64, n, 50);
            // Ties broken by position, as other_group does.
            let before = |a: &(u64, usize), b: &(u64, usize)| (a.0, a.1) < (b.0, b.1);
            let items: Vec<(u64, usize)> = values.iter().copied().zip(0..).collect();
            let mut want: Vec<usize> = (0..n).collect();
            want.sort_by_key(|&i| (values[i], i));
            want.truncate(k);
            assert_eq!(first_k(&items, k, before), want, "n {n}, k {k}");
        }
    }
}
