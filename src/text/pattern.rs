//! A small phrase-pattern language over normalised tokens.
//!
//! Elements are separated by spaces and matched against consecutive tokens of one
//! sentence. Written in the long form of contractions ("i am", "can not").
//!
//! | element     | matches                                        |
//! |-------------|------------------------------------------------|
//! | `sorry`     | that word                                      |
//! | `so\|very`  | any of the alternatives                        |
//! | `a_lot\|much` | an alternative of several words, joined by `_` |
//! | `frustrat~` | any word starting with `frustrat`              |
//! | `really?`   | optionally that element                        |
//! | `*`         | a gap of up to two words                       |
//! | `**`        | a gap of up to five words                      |
//! | `#`         | a number (a word starting with a digit: 5, 5pm) |

use super::codec::{ReadError, Reader, Writer};
use super::tokens::{tokenize, Token};
use super::{word_hash, Tokens};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Alt {
    /// A word, with its [`word_hash`] (matching compares the numbers first).
    Word(String, u64),
    Seq(Vec<String>),
    Stem(String),
    Number,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Element {
    Any {
        alts: Vec<Alt>,
        optional: bool,
    },
    /// Up to this many words.
    Gap(usize),
}

/// A compiled phrase pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    elements: Vec<Element>,
    /// For each required element made only of whole words: the words one of
    /// which must occur in a text for the pattern to match it at all.
    anchors: Vec<Vec<u64>>,
    /// The words a match can start with, when the first element is a
    /// required list of whole words; empty when it can start anywhere.
    starts: Vec<u64>,
    /// A number its owner gives it to index it (see [`Pattern::with_id`]).
    id: Option<u32>,
}

/// Why a pattern could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    pub pattern: String,
    pub reason: &'static str,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pattern `{}`: {}", self.pattern, self.reason)
    }
}

impl std::error::Error for PatternError {}

/// Token range `[first, end)` that a pattern matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub first: usize,
    pub end: usize,
}

impl Pattern {
    /// Writes the pattern for [`Pattern::read`]: as the text [`Pattern::parse`]
    /// reads back to the same elements when there is one, else element by
    /// element (a literal word holding a character the pattern language uses).
    pub fn write(&self, w: &mut Writer) {
        match self.source() {
            Some(text) => {
                w.uint(0);
                w.str(&text);
            }
            None => {
                w.uint(1);
                w.list(&self.elements, |w, e| match e {
                    Element::Gap(n) => {
                        w.uint(0);
                        w.uint(*n as u64);
                    }
                    Element::Any { alts, optional } => {
                        w.uint(1);
                        w.bool(*optional);
                        w.list(alts, |w, a| match a {
                            Alt::Word(x, _) => {
                                w.uint(0);
                                w.str(x);
                            }
                            Alt::Seq(xs) => {
                                w.uint(1);
                                w.strs(xs);
                            }
                            Alt::Stem(x) => {
                                w.uint(2);
                                w.str(x);
                            }
                            Alt::Number => w.uint(3),
                        });
                    }
                });
            }
        }
    }

    /// Reads a pattern written by [`Pattern::write`].
    pub fn read(r: &mut Reader) -> Result<Pattern, ReadError> {
        if r.below(2)? == 0 {
            return Pattern::parse(&r.str()?).map_err(|e| e.to_string());
        }
        let elements = r.list(|r| {
            Ok(match r.below(2)? {
                0 => Element::Gap(r.below(6)?),
                _ => {
                    let optional = r.bool()?;
                    let alts = r.list(|r| {
                        Ok(match r.below(4)? {
                            0 => word(r.str()?),
                            1 => Alt::Seq(r.strs()?),
                            2 => Alt::Stem(r.str()?),
                            _ => Alt::Number,
                        })
                    })?;
                    Element::Any { alts, optional }
                }
            })
        })?;
        let required = elements
            .iter()
            .any(|e| matches!(e, Element::Any { optional: false, alts } if !alts.is_empty()));
        if !required {
            return Err("a pattern needs a required word".into());
        }
        Ok(Pattern::from_elements(elements))
    }
}

impl Pattern {
    /// Compiles the pattern syntax described in the module docs.
    pub fn parse(source: &str) -> Result<Pattern, PatternError> {
        let err = |reason| PatternError {
            pattern: source.to_string(),
            reason,
        };
        let mut elements = Vec::new();
        for raw in source.split_whitespace() {
            if raw == "*" || raw == "**" {
                elements.push(Element::Gap(if raw == "*" { 2 } else { 5 }));
                continue;
            }
            let (body, optional) = match raw.strip_suffix('?') {
                Some(b) => (b, true),
                None => (raw, false),
            };
            let mut alts = Vec::new();
            for alt in body.split('|') {
                alts.push(match alt {
                    "" => return Err(err("an alternative is empty")),
                    "#" => Alt::Number,
                    a if a.contains('_') => {
                        let words: Vec<String> = a.split('_').map(str::to_lowercase).collect();
                        if words.iter().any(String::is_empty) {
                            return Err(err("a multi-word alternative has an empty word"));
                        }
                        Alt::Seq(words)
                    }
                    a if a.ends_with('~') => Alt::Stem(a.trim_end_matches('~').to_lowercase()),
                    a => word(a.to_lowercase()),
                });
            }
            elements.push(Element::Any { alts, optional });
        }
        if !elements.iter().any(|e| {
            matches!(
                e,
                Element::Any {
                    optional: false,
                    ..
                }
            )
        }) {
            return Err(err("it needs at least one required word"));
        }
        Ok(Pattern::from_elements(elements))
    }

    /// A pattern matching exactly the words of `phrase` (as the tokenizer sees them).
    pub fn literal(phrase: &str) -> Option<Pattern> {
        let elements: Vec<Element> = tokenize(phrase)
            .tokens
            .into_iter()
            .map(|t| Element::Any {
                alts: vec![word(t.norm)],
                optional: false,
            })
            .collect();
        (!elements.is_empty()).then(|| Pattern::from_elements(elements))
    }

    fn from_elements(elements: Vec<Element>) -> Pattern {
        // Each required element is a list of keys one of which a text must
        // hold: a word, or (for a stem) the first letters of a word.
        let mut anchors: Vec<(bool, Vec<u64>)> = elements
            .iter()
            .filter_map(|e| match e {
                Element::Any {
                    alts,
                    optional: false,
                } => {
                    let common = alts.iter().all(|a| match a {
                        Alt::Word(w, _) => is_common(w),
                        Alt::Seq(ws) => ws.first().is_some_and(|w| is_common(w)),
                        _ => false,
                    });
                    let keys = alts
                        .iter()
                        .map(|a| match a {
                            Alt::Word(_, h) => Some(*h),
                            Alt::Seq(ws) => ws.first().map(|w| word_hash(w)),
                            Alt::Stem(st) => stem_key(st),
                            Alt::Number => None,
                        })
                        .collect::<Option<Vec<u64>>>()?;
                    Some((common, keys))
                }
                _ => None,
            })
            .collect();
        // Rare words first, so most texts are ruled out by the first lookup.
        anchors.sort_by_key(|(common, keys)| (*common, keys.len()));
        let anchors = anchors.into_iter().map(|(_, keys)| keys).collect();
        let starts = match elements.first() {
            Some(Element::Any {
                alts,
                optional: false,
            }) => alts
                .iter()
                .map(|a| match a {
                    Alt::Word(_, h) => Some(*h),
                    Alt::Seq(ws) => ws.first().map(|w| word_hash(w)),
                    Alt::Stem(_) | Alt::Number => None,
                })
                .collect::<Option<Vec<u64>>>()
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        Pattern {
            elements,
            anchors,
            starts,
            id: None,
        }
    }

    /// The pattern in the language [`Pattern::parse`] reads, when that text
    /// reads back to exactly this pattern.
    pub fn source(&self) -> Option<String> {
        let plain = |w: &str| {
            !w.is_empty()
                && w != "#"
                && !w.contains(|c: char| c.is_whitespace() || "|_~?*".contains(c))
        };
        let mut parts = Vec::with_capacity(self.elements.len());
        for e in &self.elements {
            parts.push(match e {
                Element::Gap(2) => "*".to_string(),
                Element::Gap(5) => "**".to_string(),
                Element::Gap(_) => return None,
                Element::Any { alts, optional } => {
                    let mut alt = Vec::with_capacity(alts.len());
                    for a in alts {
                        alt.push(match a {
                            Alt::Word(w, _) if plain(w) => w.clone(),
                            Alt::Seq(ws) if ws.len() > 1 && ws.iter().all(|w| plain(w)) => {
                                ws.join("_")
                            }
                            Alt::Stem(w) if plain(w) => format!("{w}~"),
                            Alt::Number => "#".to_string(),
                            _ => return None,
                        });
                    }
                    let q = if *optional { "?" } else { "" };
                    format!("{}{q}", alt.join("|"))
                }
            });
        }
        let text = parts.join(" ");
        Pattern::parse(&text)
            .is_ok_and(|p| p.elements == self.elements)
            .then_some(text)
    }

    /// The pattern numbered `id`, for an index of many patterns.
    pub fn with_id(mut self, id: u32) -> Pattern {
        self.id = Some(id);
        self
    }

    /// The number given by [`Pattern::with_id`].
    pub fn id(&self) -> Option<u32> {
        self.id
    }

    /// The keys one of which every text it matches holds (its rarest
    /// required element), or `None` when no element can rule a text out.
    pub fn key_words(&self) -> Option<&[u64]> {
        self.anchors.first().map(Vec::as_slice)
    }

    /// False when some required word of the pattern is missing from `text`.
    fn could_match(&self, text: &Tokens) -> bool {
        self.anchors
            .iter()
            .all(|alts| alts.iter().any(|w| text.words.contains(w)))
    }

    /// Whole words this pattern spells out, for typo repair.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.elements
            .iter()
            .flat_map(|e| match e {
                Element::Any { alts, .. } => alts.as_slice(),
                Element::Gap(_) => &[],
            })
            .flat_map(|a| match a {
                Alt::Word(w, _) => std::slice::from_ref(w),
                Alt::Seq(ws) => ws.as_slice(),
                Alt::Stem(_) | Alt::Number => &[],
            })
            .map(String::as_str)
    }

    /// Every non-overlapping match, leftmost first.
    pub fn find_all(&self, text: &Tokens) -> Vec<Match> {
        let mut found = Vec::new();
        if !self.could_match(text) {
            return found;
        }
        for s in &text.sentences {
            let mut i = s.first;
            while i < s.end {
                let cannot_start = text.hashes.get(i).is_some_and(|h| !self.starts.contains(h));
                if !self.starts.is_empty() && cannot_start {
                    i += 1;
                    continue;
                }
                match self.match_at(&text.tokens[..s.end], &text.hashes, i, 0) {
                    Some(end) if end > i => {
                        found.push(Match { first: i, end });
                        i = end;
                    }
                    _ => i += 1,
                }
            }
        }
        found
    }

    /// The first match, if any.
    pub fn find(&self, text: &Tokens) -> Option<Match> {
        self.find_all(text).into_iter().next()
    }

    /// Matches elements from `el` on at token `i`; returns the end token.
    fn match_at(&self, toks: &[Token], hashes: &[u64], i: usize, el: usize) -> Option<usize> {
        let Some(element) = self.elements.get(el) else {
            return Some(i);
        };
        match element {
            Element::Gap(max) => (0..=*max)
                .filter(|skip| i + skip <= toks.len())
                .find_map(|skip| self.match_at(toks, hashes, i + skip, el + 1)),
            Element::Any { alts, optional } => {
                let here = alts
                    .iter()
                    .filter_map(|a| alt_len(a, toks, hashes, i))
                    .find_map(|n| self.match_at(toks, hashes, i + n, el + 1));
                match here {
                    Some(end) => Some(end),
                    None if *optional => self.match_at(toks, hashes, i, el + 1),
                    None => None,
                }
            }
        }
    }
}

/// Marks a key as the first letters of a word rather than a whole word.
const PREFIX_TAG: u64 = 0x9e37_79b9_7f4a_7c15;

/// The key a stem is found by: its first four letters (three if it is that
/// short); `None` for shorter stems, which rule nothing out.
fn stem_key(stem: &str) -> Option<u64> {
    prefix_key(stem, 4).or_else(|| (stem.len() == 3).then(|| prefix_key(stem, 3)).flatten())
}

/// The key of the first `n` bytes of `word`, when it has them on a character boundary.
pub(super) fn prefix_key(word: &str, n: usize) -> Option<u64> {
    word.get(..n).map(|p| word_hash(p) ^ PREFIX_TAG)
}

/// Words nearly every reply contains: poor at ruling a pattern out.
fn is_common(w: &str) -> bool {
    matches!(
        w,
        "i" | "you"
            | "we"
            | "the"
            | "a"
            | "an"
            | "to"
            | "is"
            | "it"
            | "that"
            | "this"
            | "your"
            | "will"
            | "am"
            | "are"
            | "have"
            | "be"
            | "for"
            | "and"
            | "of"
            | "can"
            | "my"
            | "me"
            | "in"
            | "on"
            | "with"
            | "do"
            | "not"
            | "so"
            | "what"
            | "how"
            | "us"
            | "our"
    )
}

/// How many tokens `alt` consumes at the start of `toks`, if it matches there.
/// A word alternative, with its hash.
fn word(w: String) -> Alt {
    let h = word_hash(&w);
    Alt::Word(w, h)
}

/// How many tokens from `i` on `alt` matches, if it matches there.
fn alt_len(alt: &Alt, toks: &[Token], hashes: &[u64], i: usize) -> Option<usize> {
    let word = toks.get(i)?.norm.as_str();
    let toks = &toks[i..];
    let ok = match alt {
        // The hashes rule out nearly every word without comparing text.
        Alt::Word(w, h) => hashes.get(i).is_none_or(|x| x == h) && w == word,
        Alt::Stem(s) => super::has_prefix(word, s),
        Alt::Number => word.starts_with(|c: char| c.is_ascii_digit()),
        Alt::Seq(ws) => {
            return (toks.len() >= ws.len()
                && ws
                    .iter()
                    .zip(toks)
                    .all(|(w, t)| super::same_word(w, &t.norm)))
            .then_some(ws.len())
        }
    };
    ok.then_some(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(pattern: &str, text: &str) -> usize {
        Pattern::parse(pattern)
            .unwrap()
            .find_all(&tokenize(text))
            .len()
    }

    #[test]
    fn optional_alternatives_and_stems() {
        let p = "i am so|very|really? sorry";
        assert_eq!(hits(p, "I'm so sorry"), 1);
        assert_eq!(hits(p, "i am sorry"), 1);
        assert_eq!(hits(p, "I am not sorry"), 0);
        assert_eq!(hits("frustrat~", "How frustrating! I'm frustrated."), 2);
        assert_eq!(
            hits("that is not true|what_happened", "That's not what happened"),
            1
        );
        assert_eq!(
            hits("that is not true|what_happened", "That's not what I said"),
            0
        );
    }

    #[test]
    fn gaps_and_numbers_stay_inside_a_sentence() {
        assert_eq!(hits("within # days", "within 3 days"), 1);
        assert_eq!(hits("i will * refund", "I will process a refund"), 1);
        assert_eq!(hits("i will * refund", "I will. Refund"), 0);
    }

    #[test]
    fn rejects_patterns_with_nothing_required() {
        assert!(Pattern::parse("so?").is_err());
        assert!(Pattern::parse("a||b").is_err());
        assert!(Pattern::literal("  ").is_none());
    }
}
