//! Seeded randomness for the fuzzers and property tests: fastrand's generator, with the few
//! picks they make. The same seed gives the same run on every machine.
// Each test target uses some of these.
#![allow(dead_code)]

pub struct Rng(fastrand::Rng);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(fastrand::Rng::with_seed(seed))
    }

    /// Any 64 bits.
    pub fn bits(&mut self) -> u64 {
        self.0.u64(..)
    }

    /// Uniform in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.0.usize(..n)
        }
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A range `start..end` inside `0..len`, short more often than long.
    pub fn range(&mut self, len: usize) -> (usize, usize) {
        let start = self.below(len + 1);
        let max = (len - start).min(if self.chance(4) { 4096 } else { 64 });
        (start, start + self.below(max + 1))
    }
}
