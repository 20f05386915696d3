//! Empathy by structure: a sentence that reacts to the customer's situation
//! with a word of feeling. "What a nightmare." "How maddening." "That must
//! have been exhausting." "I can see why you'd be furious." "You have every
//! right to be annoyed." None of these needs to be listed: the shape of the
//! sentence (an exclamation, the situation or the customer as its subject,
//! or the agent perceiving their state) and one word of feeling are enough.

use super::matching::Reply;
use crate::text::Span;

/// Words of feeling and of how bad a situation is, by stem.
const FEELING: &[&str] = &[
    "frustrat",
    "upset",
    "annoy",
    "angry",
    "anger",
    "disappoint",
    "stress",
    "worr",
    "awful",
    "terrible",
    "infuriat",
    "exhaust",
    "scary",
    "scared",
    "anxious",
    "unfair",
    "madden",
    "aggravat",
    "painful",
    "horrible",
    "exasperat",
    "nightmare",
    "ordeal",
    "hassle",
    "headache",
    "worst",
    "furious",
    "livid",
    "unpleasant",
    "uncomfortabl",
    "miserable",
    "devastat",
    "heartbreak",
    "heartbroken",
    "gutting",
    "gutted",
    "distress",
    "overwhelm",
    "tiring",
    "tired",
    "draining",
    "irritat",
    "inconvenien",
    "disrupt",
    "unsettl",
    "alarm",
    "frighten",
    "nerve",
    "shock",
    "concern",
    "dreadful",
    "rotten",
    "rough",
    "tough",
    "disheart",
    "discourag",
    "embarrass",
    "humiliat",
    "hurt",
    "sad",
    "unhappy",
    "letdown",
    "mess",
    "pain",
    "stuck",
    "urgent",
    "unsettling",
    "confusing",
    "bewilder",
    "baffl",
    "fury",
    "rage",
    "fuming",
];

/// Words that make the agent the one perceiving or imagining their state.
const PERCEIVE: &[&str] = &[
    "understand",
    "see",
    "hear",
    "realize",
    "realise",
    "know",
    "imagine",
    "get",
    "appreciate",
    "recognise",
    "recognize",
    "sense",
    "tell",
];

fn is_feeling(w: &str) -> bool {
    FEELING.iter().any(|f| crate::text::has_prefix(w, f))
}

/// Spans of the sentences that acknowledge a feeling by their shape.
pub fn acknowledgements(r: &Reply) -> Vec<Span> {
    let toks = &r.tokens.tokens;
    let mut out = Vec::new();
    for s in &r.tokens.sentences {
        let words = &toks[s.first..s.end];
        let w = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
        let Some(k) = words.iter().position(|t| is_feeling(&t.norm)) else {
            if !s.question && (lived_through(words) || same_in_their_place(words)) {
                out.push(s.span);
            }
            continue;
        };
        // Felt on their behalf: "I'm gutted for you", "I feel awful for your family".
        let for_them = (k + 1..words.len().min(k + 3))
            .any(|i| w(i) == "for" && matches!(w(i + 1), "you" | "your" | "them" | "him" | "her"));
        // The agent's own temper is not empathy: "I am frustrated with you".
        let own = !for_them
            && (0..k).any(|i| w(i) == "i" && matches!(w(i + 1), "am" | "was" | "feel" | "get"));
        let exclaims =
            matches!(w(0), "what" | "how" | "oh" | "ugh" | "gosh" | "wow") && !s.question;
        // What happened as the subject, the feeling said of it: "Being
        // charged twice is awful", "Waiting three weeks must be exhausting".
        // Only a word that judges how it feels ("awful", "exhausting"),
        // not a state ("Tracking is stuck").
        let judges = w(k).ends_with("ing")
            || matches!(
                w(k),
                "awful"
                    | "terrible"
                    | "horrible"
                    | "dreadful"
                    | "stressful"
                    | "unfair"
                    | "miserable"
                    | "rotten"
                    | "painful"
                    | "unpleasant"
                    | "hassle"
                    | "nightmare"
                    | "ordeal"
            );
        let predicated = k >= 2
            && judges
            && (k.saturating_sub(3)..k).any(|i| {
                matches!(
                    w(i),
                    "is" | "was" | "sounds" | "seems" | "must" | "been" | "feels"
                )
            });
        let situation = predicated
            || (0..k).any(|i| {
                matches!(
                    w(i),
                    "that" | "this" | "it" | "which" | "you" | "your" | "anyone" | "anybody"
                )
            });
        let perceives =
            (0..k).any(|i| PERCEIVE.contains(&w(i))) && (0..k).any(|i| matches!(w(i), "i" | "we"));
        let shared = (k + 1..words.len()).any(|i| w(i) == "too") || w(k + 1) == "as";
        if !own && (exclaims || situation || perceives || shared || for_them) && !s.question {
            out.push(s.span);
        }
    }
    out
}

/// An exclamation about what they have lived through, with no word of
/// feeling needed: "What a week you've had", "What a lot you've been through".
fn lived_through(words: &[crate::text::Token]) -> bool {
    let w = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
    matches!(w(0), "what" | "such")
        && matches!(w(1), "a" | "an")
        && (2..words.len()).any(|i| {
            w(i) == "you"
                && matches!(w(i + 1), "have" | "had" | "are" | "were" | "went")
                && matches!(
                    w(i + 2),
                    "had" | "been" | "through" | "going" | "dealt" | "put"
                )
        })
}

/// The agent in their place, reacting as they do: "I'd say the same",
/// "I would feel exactly the same", "I'd have done the same".
fn same_in_their_place(words: &[crate::text::Token]) -> bool {
    let w = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
    (0..words.len()).any(|i| {
        w(i) == "i"
            && w(i + 1) == "would"
            && (i + 2..words.len().min(i + 7)).any(|j| w(j) == "same" && w(j - 1) == "the")
            && (i + 2..words.len().min(i + 5)).any(|j| {
                matches!(
                    w(j),
                    "say" | "feel" | "done" | "do" | "react" | "be" | "want"
                )
            })
    })
}
