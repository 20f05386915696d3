//! Recognising what a trainee offers ("I'll refund the duplicate charge",
//! "I'll call you on Friday"), so a customer can remember it.

use crate::scenario::Offer;
use crate::text::Tokens;

/// Word sequences that name each kind of offer (normalised tokens). A word
/// ending in `~` matches every word it starts.
const WORDS: &[(Offer, &[&[&str]])] = &[
    (
        Offer::Refund,
        &[
            &["refund~"],
            &["reimburs~"],
            &["money", "back"],
            &["pay", "you", "back"],
        ],
    ),
    (
        Offer::Credit,
        &[
            &["credit"],
            &["credited"],
            &["crediting"],
            &["voucher~"],
            &["discount~"],
            &["gift", "card"],
            &["goodwill"],
        ],
    ),
    (
        Offer::CallBack,
        &[
            &["call", "you"],
            &["ring", "you"],
            &["phone", "you"],
            &["get", "back", "to", "you"],
            &["call", "back"],
            &["text", "you"],
            &["email", "you"],
            &["follow", "up", "with", "you"],
            &["be", "in", "touch"],
        ],
    ),
    (
        Offer::Replacement,
        &[
            &["replac~"],
            &["new", "one"],
            &["new", "pair"],
            &["send", "another"],
            &["send", "a", "new"],
            &["resend~"],
            &["re", "send"],
            &["reship~"],
        ],
    ),
];

/// A quick look at the raw text: could it name an offer at all? Saves
/// tokenizing the many replies that cannot.
pub fn might_offer(text: &str) -> bool {
    const HINTS: &[&str] = &[
        "refund", "reimburs", "money", "pay", "credit", "voucher", "discount", "gift", "goodwill",
        "call", "ring", "phone", "back", "text", "email", "follow", "touch", "replac", "new ",
        "another", "send", "ship",
    ];
    let lower = text.to_ascii_lowercase();
    HINTS.iter().any(|h| lower.contains(h))
}

fn word_is(word: &str, want: &str) -> bool {
    match want.strip_suffix('~') {
        Some(stem) => word.starts_with(stem),
        None => word == want,
    }
}

fn contains(words: &[&str], seq: &[&str]) -> bool {
    words
        .windows(seq.len())
        .any(|w| w.iter().zip(seq).all(|(a, b)| word_is(a, b)))
}

/// Who the sentence commits: the agent ("I", "we", "let me") or the outcome
/// promised to the customer ("you'll get", "you will receive").
fn committed(words: &[&str]) -> bool {
    words.iter().any(|w| matches!(*w, "i" | "we" | "me" | "us"))
        || ["get", "receive", "see", "have"]
            .iter()
            .any(|v| contains(words, &["you", "will", v]))
}

/// The kinds of offer `tokens` make: a sentence that names one, committed by
/// the agent and not negated. "Credit card" is not a credit.
pub fn offers_made(tokens: &Tokens) -> Vec<Offer> {
    let mut out = Vec::new();
    for s in &tokens.sentences {
        let words: Vec<&str> = tokens.tokens[s.first..s.end]
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        let negated = words
            .iter()
            .any(|w| matches!(*w, "not" | "never" | "unable" | "cannot"));
        let deflected = contains(&words, &["need", "to"]) || contains(&words, &["have", "to"]);
        if !committed(&words) || negated || deflected {
            continue;
        }
        for (offer, seqs) in WORDS {
            let named = seqs.iter().any(|seq| contains(&words, seq))
                && !(*offer == Offer::Credit && contains(&words, &["credit", "card"]));
            if named && !out.contains(offer) {
                out.push(*offer);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn finds_first_person_offers_and_ignores_refusals() {
        let got = offers_made(&tokenize(
            "I'll refund the duplicate charge now. I will call you on Friday.",
        ));
        assert_eq!(got, [Offer::Refund, Offer::CallBack]);
        assert!(offers_made(&tokenize("I can't refund that.")).is_empty());
        assert!(offers_made(&tokenize("Refunds take five days.")).is_empty());
        assert!(!might_offer("Could you tell me your date of birth?"));
        assert!(might_offer("I'll ring you on Friday."));
        // "No cost" is part of the offer, not a refusal.
        assert_eq!(
            offers_made(&tokenize("I'll send a replacement today at no cost.")),
            [Offer::Replacement]
        );
        assert_eq!(
            offers_made(&tokenize("Let me send a replacement today.")),
            [Offer::Replacement]
        );
        assert_eq!(
            offers_made(&tokenize("You'll get a full refund by Friday.")),
            [Offer::Refund]
        );
        assert!(offers_made(&tokenize("I'll check your credit card.")).is_empty());
        assert!(offers_made(&tokenize("You will have to ask the shop for a refund.")).is_empty());
    }
}
