//! Reflection for `listen`: the content words of the customer's message that
//! a reply echoes, compared by stem.

use crate::text::{self, FastSet};
use std::sync::OnceLock;

const STOPWORDS: &[&str] = &[
    "the", "and", "that", "this", "with", "have", "from", "your", "you", "what", "when", "will",
    "would", "could", "should", "there", "their", "they", "them", "been", "were", "just", "about",
    "into", "than", "then", "also", "very", "really", "because", "still", "again", "even", "some",
    "want", "need", "know", "like", "does", "doing", "done", "here", "where", "which", "while",
    "only", "over", "after", "before", "being", "thing", "things", "going", "make", "made", "said",
    "says", "tell", "told", "yes", "okay", "please", "thank", "thanks", "sorry", "hello", "today",
    "time", "more", "much", "many", "every", "other", "them", "these", "those", "there", "whats",
];

fn is_stopword(word: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(word)
}

pub fn stem(word: &str) -> Option<&str> {
    if word.len() < 4 || word.chars().count() < 4 || is_stopword(word) {
        return None;
    }
    let end = word.char_indices().nth(5).map_or(word.len(), |(i, _)| i);
    Some(&word[..end])
}

pub fn content_stems(text: &str) -> Vec<String> {
    let toks = text::tokenize(text);
    let mut out: Vec<String> = Vec::new();
    for t in &toks.tokens {
        if let Some(s) = stem(&t.norm) {
            if !out.iter().any(|x| x == s) {
                out.push(s.to_string());
            }
        }
    }
    out
}
