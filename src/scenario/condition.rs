//! Reading a `when = { ... }` condition (rules, needs), with every name it
//! refers to (hidden facts, needs, facts, offers) resolved to an index.

use super::diagnostic::Code;
use super::model::{Condition, Hidden, Offer};
use super::parse::{choice, criteria, flags, phrases_with};
use super::reader::{Obj, Reader};
use crate::scoring::Fact;
use crate::text::{tokenize, Pattern};

/// The names a condition may refer to.
pub struct Names<'a> {
    pub hidden: &'a [Hidden],
    pub needs: &'a [String],
    pub facts: &'a [Fact],
    /// The file's format: the memory keys need format 2.
    pub format: u32,
}

const CONDITION_KEYS: &[&str] = &[
    "hit",
    "hit_any",
    "miss",
    "flag",
    "clean",
    "mentions",
    "revealed",
    "anger_at_least",
    "anger_below",
    "patience_at_least",
    "patience_below",
    "trust_at_least",
    "trust_below",
    "turn_at_least",
    "over_limit",
    "warm_transfer",
    "met",
    "unmet",
    "stated",
    "offered",
    "wrong",
];

/// Resolves a list of names with `find`; unknown ones are reported with a suggestion.
fn indexes<T: Copy>(
    r: &mut Reader,
    obj: Obj,
    key: &str,
    what: &str,
    code: Code,
    ids: &[&str],
    find: impl Fn(&str) -> Option<T>,
) -> Vec<T> {
    r.strings(obj, key, false)
        .map(|l| l.value)
        .unwrap_or_default()
        .iter()
        .filter_map(|v| choice(r, v, what, code, ids, &find))
        .collect()
}

/// Reads a condition table.
pub fn read_condition(r: &mut Reader, obj: Obj, names: &Names) -> Condition {
    r.check_keys(obj, CONDITION_KEYS);
    let mood = |r: &mut Reader, key: &str| r.int(obj, key, (0, 100)).map(|v| v.value as i32);
    let hidden_ids: Vec<&str> = names.hidden.iter().map(|h| h.id.as_str()).collect();
    let revealed = indexes(
        r,
        obj,
        "revealed",
        "hidden fact",
        Code::E013,
        &hidden_ids,
        |s| names.hidden.iter().position(|h| h.id == s),
    );
    let need_ids: Vec<&str> = names.needs.iter().map(String::as_str).collect();
    let need = |s: &str| names.needs.iter().position(|n| n == s);
    let met = indexes(r, obj, "met", "need", Code::E016, &need_ids, need);
    let unmet = indexes(r, obj, "unmet", "need", Code::E016, &need_ids, need);
    let fact_ids: Vec<&str> = names.facts.iter().map(|f| f.id.as_str()).collect();
    let stated = indexes(r, obj, "stated", "fact", Code::E016, &fact_ids, |s| {
        names.facts.iter().position(|f| f.id == s)
    });
    let wrong = indexes(r, obj, "wrong", "fact", Code::E016, &fact_ids, |s| {
        names.facts.iter().position(|f| f.id == s)
    });
    let offer_ids: Vec<&str> = Offer::ALL.iter().map(|o| o.id()).collect();
    let offered = indexes(
        r,
        obj,
        "offered",
        "offer",
        Code::E012,
        &offer_ids,
        Offer::from_id,
    );
    Condition {
        hit: criteria(r, obj, "hit"),
        hit_any: criteria(r, obj, "hit_any"),
        miss: criteria(r, obj, "miss"),
        flag: flags(r, obj, "flag"),
        clean: r.boolean(obj, "clean"),
        mentions: phrases_with(r, obj, "mentions", false, with_forms),
        mention_hints: hints(r, obj),
        revealed,
        anger_at_least: mood(r, "anger_at_least"),
        anger_below: mood(r, "anger_below"),
        patience_at_least: mood(r, "patience_at_least"),
        patience_below: mood(r, "patience_below"),
        trust_at_least: mood(r, "trust_at_least"),
        trust_below: mood(r, "trust_below"),
        turn_at_least: r
            .int(obj, "turn_at_least", (1, 100))
            .map(|v| v.value as usize),
        over_limit: r.boolean(obj, "over_limit"),
        warm_transfer: r.boolean(obj, "warm_transfer"),
        met,
        unmet,
        stated,
        offered,
        wrong,
    }
}

/// A `mentions` phrase whose longer words also match their common forms, so
/// `"refund"` matches refunds, refunded and refunding, and `"reverse the charge"`
/// matches "reversing the charge".
pub fn with_forms(phrase: &str) -> Option<Pattern> {
    let words: Vec<String> = tokenize(phrase)
        .tokens
        .into_iter()
        .map(|t| forms(&t.norm))
        .collect();
    if words.is_empty() {
        return None;
    }
    Pattern::parse(&words.join(" ")).ok()
}

/// Words a contraction in a reply can produce without them being typed.
const FROM_CONTRACTIONS: &[&str] = &[
    "not", "will", "would", "have", "has", "had", "are", "shall", "did", "does", "them",
];

/// The prefilter for `mentions`: per phrase, the longest typed word (less its
/// last letter when word forms apply), which every reply it matches contains.
fn hints(r: &Reader, obj: Obj) -> Option<Vec<String>> {
    let mut quiet = Reader::new(r.file, r.src);
    let phrases = quiet.strings(obj, "mentions", false)?.value;
    phrases
        .iter()
        .map(|p| {
            let words: Vec<String> = if p.value.contains('~') {
                p.value
                    .split_whitespace()
                    .map(|w| w.trim_end_matches('~').to_lowercase())
                    .collect()
            } else {
                tokenize(&p.value)
                    .tokens
                    .into_iter()
                    .map(|t| t.norm)
                    .collect()
            };
            let best = words
                .into_iter()
                .filter(|w| {
                    w.len() >= 3
                        && w.chars().all(|c| c.is_ascii_lowercase())
                        && !FROM_CONTRACTIONS.contains(&w.as_str())
                })
                .max_by_key(String::len)?;
            Some(if best.len() >= 4 {
                best[..best.len() - 1].to_string()
            } else {
                best
            })
        })
        .collect()
}

/// `word` and its plural, past and -ing forms, as pattern alternatives.
fn forms(word: &str) -> String {
    if word.len() < 4 || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut alts = vec![word.to_string()];
    let base = word.strip_suffix('e').unwrap_or(word);
    for suffix in ["s", "es", "ed", "ing"] {
        alts.push(format!("{base}{suffix}"));
    }
    if word.ends_with('e') {
        alts.push(format!("{word}s"));
        alts.push(format!("{word}d"));
    }
    if let Some(stem) = word.strip_suffix('y') {
        alts.push(format!("{stem}ies"));
        alts.push(format!("{stem}ied"));
    }
    alts.sort();
    alts.dedup();
    alts.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_match_the_common_forms_of_their_longer_words() {
        let p = with_forms("reverse the charge").unwrap();
        for text in [
            "I'm reversing the charge.",
            "I reversed the charge",
            "I'll reverse the charges",
        ] {
            assert!(p.find(&tokenize(text)).is_some(), "{text}");
        }
        assert!(p.find(&tokenize("I reviewed the charge")).is_none());
        let refund = with_forms("refund").unwrap();
        assert!(refund.find(&tokenize("It is refunded.")).is_some());
        let cant = with_forms("can't").unwrap();
        assert!(cant.find(&tokenize("I cannot")).is_some());
    }
}
