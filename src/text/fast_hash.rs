//! A small, fast, non-cryptographic hasher for the short words the scorer
//! looks up thousands of times per reply. The inputs are the trainee's own
//! words in their own browser, so hash flooding is not a concern here.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hash used by rustc (FxHash).
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    // Word sets hold word hashes: one step each, not eight byte by byte.
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashSet` using [`FastHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// The hash of one word, so sets of words can be kept and probed as numbers.
pub fn word_hash(word: &str) -> u64 {
    let mut h = FastHasher::default();
    h.write(word.as_bytes());
    h.finish()
}

/// `word.starts_with(prefix)`, with the first letters compared before the
/// rest: most words fail there, without a call to compare memory. The
/// scorer tests prefixes of every word against lists of stems.
#[inline]
pub fn has_prefix(word: &str, prefix: &str) -> bool {
    let (w, p) = (word.as_bytes(), prefix.as_bytes());
    match p.first() {
        None => true,
        Some(first) => w.len() >= p.len() && w[0] == *first && &w[..p.len()] == p,
    }
}

/// `a == b`, with the lengths and first letters compared before the rest.
#[inline]
pub fn same_word(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    x.len() == y.len() && x.first() == y.first() && x == y
}
