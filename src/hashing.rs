//! One fast hash for every map in the crate: ids while a dataset is read, fingerprints of what
//! the canvas shows, measured label widths. A word at a time, multiply and rotate (as rustc's
//! FxHash), then a final mix.
//!
//! std's SipHash guards a map against keys chosen to collide, and buys nothing here:
//! wasm32-unknown-unknown has no source of randomness, so its keys are the same on every page.
//! It also took a tenth of a 10,000-slice load. Ids are short, so a file crafted to collide
//! costs time, not a hang.

use std::hash::{BuildHasherDefault, Hasher};

/// Builds [`WordHasher`]s: `HashMap<K, V, FastHash>`.
pub type FastHash = BuildHasherDefault<WordHasher>;

#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            if let Some(head) = word.get_mut(..chunk.len()) {
                head.copy_from_slice(chunk);
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    // `str`'s Hash ends every key with 0xff: one mix, not a one-byte slice.
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_i32(&mut self, n: i32) {
        self.add(u64::from(n as u32));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // A product's low bits depend only on the factors' low bits, and the low bits pick the
        // map's bucket: ids that share their first bytes ("i1234", "i1299") would share them
        // and probe long chains. A last mix makes every bit depend on every word.
        let x = self.0 ^ (self.0 >> 29);
        x.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (x >> 32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn hash(id: &str) -> u64 {
        let mut hasher = WordHasher::default();
        hasher.write(id.as_bytes());
        hasher.finish()
    }

    #[test]
    fn ids_alike_but_for_their_last_characters_spread_over_the_low_bits() {
        // The low 12 bits of the hash choose a bucket in a table of 4,096.
        let buckets: HashSet<u64> = (0..4096).map(|i| hash(&format!("i{i}")) & 0xfff).collect();
        // Random hashes would fill about 63 % of them (1 - 1/e).
        assert!(
            buckets.len() > 2400,
            "only {} buckets of 4096 used",
            buckets.len()
        );
        let long: HashSet<u64> = (0..4096)
            .map(|i| hash(&format!("indicator-{i}")) & 0xfff)
            .collect();
        assert!(
            long.len() > 2400,
            "only {} buckets of 4096 used",
            long.len()
        );
    }

    #[test]
    fn the_last_partial_word_counts() {
        assert_ne!(hash("abcdefgh1"), hash("abcdefgh2"));
        assert_ne!(hash("a"), hash("b"));
    }
}
