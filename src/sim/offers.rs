//! Recognising what a trainee offers ("I'll refund the duplicate charge",
//! "I'll call you on Friday"), so a customer can remember it.

use crate::scenario::Offer;
use crate::text::Tokens;

/// Word sequences that name each kind of offer (normalised tokens).
const WORDS: &[(Offer, &[&[&str]])] = &[
    (
        Offer::Refund,
        &[
            &["refund"],
            &["refunded"],
            &["refunding"],
            &["reimburse"],
            &["money", "back"],
            &["pay", "you", "back"],
        ],
    ),
    (
        Offer::Credit,
        &[
            &["credit"],
            &["voucher"],
            &["discount"],
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
        ],
    ),
    (
        Offer::Replacement,
        &[
            &["replace"],
            &["replacement"],
            &["new", "one"],
            &["send", "another"],
            &["resend"],
            &["re", "send"],
            &["reship"],
        ],
    ),
];

fn contains(words: &[&str], seq: &[&str]) -> bool {
    words.windows(seq.len()).any(|w| w == seq)
}

/// The kinds of offer `tokens` make: a sentence that names one, said by the
/// agent in the first person ("I", "we", "let me") and not negated.
pub fn offers_made(tokens: &Tokens) -> Vec<Offer> {
    let mut out = Vec::new();
    for s in &tokens.sentences {
        let words: Vec<&str> = tokens.tokens[s.first..s.end]
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        let first_person = words.iter().any(|w| matches!(*w, "i" | "we" | "me"));
        let negated = words
            .iter()
            .any(|w| matches!(*w, "not" | "never" | "unable" | "cannot"));
        if !first_person || negated {
            continue;
        }
        for (offer, seqs) in WORDS {
            if !out.contains(offer) && seqs.iter().any(|seq| contains(&words, seq)) {
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
        // "No cost" is part of the offer, not a refusal.
        assert_eq!(
            offers_made(&tokenize("I'll send a replacement today at no cost.")),
            [Offer::Replacement]
        );
        assert_eq!(
            offers_made(&tokenize("Let me send a replacement today.")),
            [Offer::Replacement]
        );
    }
}
