//! A set of slice indices kept as a sorted list: the hidden slices of a view, a handful at a
//! time. It replaces `BTreeSet<usize>`, whose node code was about 6 KB of the .wasm.

/// Indices in ascending order, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexSet {
    sorted: Vec<usize>,
}

impl IndexSet {
    pub fn new() -> IndexSet {
        IndexSet::default()
    }

    /// Adds `index`; false when it was already there.
    pub fn insert(&mut self, index: usize) -> bool {
        match self.sorted.binary_search(&index) {
            Ok(_) => false,
            Err(at) => {
                self.sorted.insert(at, index);
                true
            }
        }
    }

    /// Takes `index` out; false when it was not there.
    pub fn remove(&mut self, index: &usize) -> bool {
        match self.sorted.binary_search(index) {
            Ok(at) => {
                self.sorted.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn contains(&self, index: &usize) -> bool {
        self.sorted.binary_search(index).is_ok()
    }

    pub fn clear(&mut self) {
        self.sorted.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    pub fn retain(&mut self, keep: impl FnMut(&usize) -> bool) {
        self.sorted.retain(keep);
    }

    /// The smallest index in one set and not in the other.
    pub fn first_difference(&self, other: &IndexSet) -> Option<usize> {
        let only_in = |a: &IndexSet, b: &IndexSet| a.iter().copied().find(|i| !b.contains(i));
        match (only_in(self, other), only_in(other, self)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Ascending.
    pub fn iter(&self) -> std::slice::Iter<'_, usize> {
        self.sorted.iter()
    }
}

impl<'a> IntoIterator for &'a IndexSet {
    type Item = &'a usize;
    type IntoIter = std::slice::Iter<'a, usize>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Sorted once at the end, so a long list from a link costs O(n log n), not n inserts.
impl FromIterator<usize> for IndexSet {
    fn from_iter<I: IntoIterator<Item = usize>>(items: I) -> IndexSet {
        let mut sorted: Vec<usize> = items.into_iter().collect();
        crate::sorting::sort_by(&mut sorted, |a, b| a < b);
        sorted.dedup();
        IndexSet { sorted }
    }
}

impl Extend<usize> for IndexSet {
    fn extend<I: IntoIterator<Item = usize>>(&mut self, items: I) {
        for index in items {
            self.insert(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_each_index_once_in_order() {
        let mut set: IndexSet = [5, 1, 5, 3].into_iter().collect();
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), [1, 3, 5]);
        assert!(set.insert(4));
        assert!(!set.insert(4));
        assert!(set.remove(&1));
        assert!(!set.remove(&1));
        assert!(set.contains(&3) && !set.contains(&1));
        set.retain(|&i| i > 3);
        assert_eq!(set.iter().copied().collect::<Vec<_>>(), [4, 5]);
        assert_eq!(set.len(), 2);
        let other: IndexSet = [4, 9].into_iter().collect();
        assert_eq!(set.first_difference(&other), Some(5));
        assert_eq!(other.first_difference(&set), Some(5));
        assert_eq!(set.first_difference(&set.clone()), None);
        set.clear();
        assert!(set.is_empty());
    }

    #[test]
    fn equal_sets_compare_equal_whatever_the_order_they_were_built_in() {
        let a: IndexSet = [3, 1, 2].into_iter().collect();
        let mut b = IndexSet::new();
        for i in [2, 3, 1] {
            b.insert(i);
        }
        assert_eq!(a, b);
    }
}
