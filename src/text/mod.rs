//! Text utilities shared by the scorer and the scenario engine: a tokenizer that
//! keeps byte spans into the original reply, contraction expansion, typo repair
//! against a known vocabulary, and a tiny phrase-pattern language.
//!
//! Everything here works on byte offsets that always fall on UTF-8 character
//! boundaries of the input, so spans can be sliced from the reply safely.

pub mod codec;
mod fast_hash;
pub mod language;
mod pattern;
mod tokens;

pub use fast_hash::{has_prefix, same_word, word_hash, FastHasher, FastSet};
pub use pattern::{Match, Pattern, PatternError};
pub use tokens::{edit_distance_at_most, tokenize, Sentence, Token, Tokens};

/// A byte range `[start, end)` into a reply. Always on character boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text this span covers, or "" if it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

// A span is written as `[start, end]`, the shape the JSON contract uses.
impl serde::Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(Span { start, end })
    }
}

/// Year, month and day (UTC) of a time in milliseconds since the epoch
/// (the days-to-civil algorithm by Howard Hinnant).
pub fn civil_date(ms: u64) -> (i64, u32, u32) {
    let z = (ms / 86_400_000) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Counts the words of a text the way a reader would (runs of letters/digits).
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Line (1-based) and column (1-based, in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let mut line = 1;
    let mut line_start = 0;
    for (i, c) in source.char_indices() {
        if i >= offset {
            break;
        }
        if c == '\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    let col = source
        .get(line_start..offset)
        .map_or(1, |s| s.chars().count() + 1);
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "a = 1\néé = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        // 'é' is two bytes; the '=' after "éé " is the 4th character.
        assert_eq!(line_col(src, 11), (2, 4));
        assert_eq!(line_col(src, 999), (3, 1));
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(951_782_400_000), (2000, 2, 29));
        assert_eq!(civil_date(1_763_900_060_123), (2025, 11, 23));
    }

    #[test]
    fn word_count_ignores_punctuation_and_emoji() {
        assert_eq!(word_count("Hi there, I'm Sam! 😀"), 4);
        assert_eq!(word_count(""), 0);
    }
}
