//! The "Other" slice of a large chart: which slices it holds, as a bit set, and where it sits.

use std::collections::BTreeSet;

use crate::dataset::Chart;

/// Charts with more visible slices than this draw the largest ones and one "Other" slice that
/// holds the rest; choosing "Other" expands it. Nobody reads a pie of a thousand slices.
pub const MAX_DRAWN_SLICES: usize = 24;

/// The smallest slices of a large chart, drawn as one "Other" slice. Its index in events and in
/// the state is one past the chart's last slice.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherGroup {
    pub index: usize,
    pub members: SliceSet,
    pub value: f64,
}

/// Slice indices as one bit each: "Other" of 10,000 slices is one small allocation, not
/// thousands of tree nodes to build and free each time the group is worked out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SliceSet {
    words: Vec<u64>,
    bound: usize,
    len: usize,
}

impl SliceSet {
    /// An empty set for indices below `bound`.
    pub fn new(bound: usize) -> SliceSet {
        SliceSet {
            words: vec![0; bound.div_ceil(64)],
            bound,
            len: 0,
        }
    }

    /// Adds `index`, which must be below the set's bound (larger ones are ignored).
    pub fn insert(&mut self, index: usize) {
        if index >= self.bound {
            return;
        }
        if let Some(word) = self.words.get_mut(index / 64) {
            let bit = 1u64 << (index % 64);
            if *word & bit == 0 {
                *word |= bit;
                self.len += 1;
            }
        }
    }

    pub fn contains(&self, index: usize) -> bool {
        self.words
            .get(index / 64)
            .is_some_and(|word| word & (1u64 << (index % 64)) != 0)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The indices, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            (0..64)
                .filter(move |bit| word & (1u64 << bit) != 0)
                .map(move |bit| w * 64 + bit)
        })
    }
}

/// The "Other" slice of `chart` with these slices hidden, unless the visitor expanded it.
pub fn other_group(chart: &Chart, hidden: &BTreeSet<usize>, expanded: bool) -> Option<OtherGroup> {
    if expanded {
        return None;
    }
    let visible: Vec<(usize, f64)> = chart
        .slices
        .iter()
        .enumerate()
        .filter(|(i, _)| !hidden.contains(i))
        .map(|(i, slice)| (i, slice.value))
        .collect();
    if visible.len() <= MAX_DRAWN_SLICES {
        return None;
    }
    // Largest first; equal values keep the file's order, so the grouping is stable. A partial
    // selection, not a sort: this runs on every pointer move over a large chart.
    let kept = MAX_DRAWN_SLICES - 1;
    let mut ranked: Vec<(usize, (usize, f64))> = visible.iter().copied().enumerate().collect();
    ranked.select_nth_unstable_by(kept, |(_, a), (_, b)| {
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
    });
    let mut drawn = SliceSet::new(visible.len());
    for &(at, _) in ranked.iter().take(kept) {
        drawn.insert(at);
    }
    let mut members = SliceSet::new(chart.slices.len());
    let mut value = 0.0;
    for (at, &(i, v)) in visible.iter().enumerate() {
        if !drawn.contains(at) {
            members.insert(i);
            value += v;
        }
    }
    Some(OtherGroup {
        index: chart.slices.len(),
        members,
        value,
    })
}
