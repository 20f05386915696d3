//! Which language a reply is written in, from its most common short words.
//!
//! The scorer's lexicons are English; a reply in another language would
//! otherwise score as if it said nothing. [`LANGUAGES`] is the one table to
//! extend: a language whose lexicons exist is marked `scored`.

use super::{FastHasher, Tokens};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A language the detector knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 code.
    pub id: &'static str,
    /// Its English name, for messages.
    pub name: &'static str,
    /// True when the scorer has lexicons for it.
    pub scored: bool,
    /// Short, frequent words that rarely occur in the other languages here.
    markers: &'static [&'static str],
}

/// Every language the detector tells apart. English first: ties go to it.
pub const LANGUAGES: &[Language] = &[
    Language {
        id: "en",
        name: "English",
        scored: true,
        markers: &[
            "the", "and", "you", "your", "is", "are", "i", "to", "of", "it", "that", "this", "we",
            "will", "for", "with", "have", "can", "not", "be", "my", "me", "on", "sorry", "please",
            "thank", "thanks", "what", "would", "could", "do", "was", "am", "there", "here",
            "help", "now", "today", "order",
        ],
    },
    Language {
        id: "es",
        name: "Spanish",
        scored: false,
        markers: &[
            "el", "la", "los", "las", "que", "de", "del", "y", "es", "su", "por", "para", "con",
            "lo", "siento", "usted", "gracias", "una", "un", "muy", "pero", "hoy", "ya", "hice",
            "está", "esta", "se", "le", "mañana", "tu", "tus", "sus", "pedido", "hemos",
        ],
    },
    Language {
        id: "fr",
        name: "French",
        scored: false,
        markers: &[
            "le",
            "la",
            "les",
            "et",
            "vous",
            "votre",
            "vos",
            "je",
            "suis",
            "est",
            "nous",
            "pour",
            "avec",
            "une",
            "des",
            "du",
            "désolé",
            "désolée",
            "merci",
            "ce",
            "cette",
            "pas",
            "ne",
            "aujourd'hui",
            "demain",
            "commande",
            "remboursement",
            "sera",
            "très",
            "au",
            "aux",
        ],
    },
    Language {
        id: "de",
        name: "German",
        scored: false,
        markers: &[
            "der",
            "die",
            "das",
            "und",
            "ist",
            "sie",
            "ihre",
            "ihr",
            "ich",
            "wir",
            "nicht",
            "mit",
            "für",
            "es",
            "tut",
            "leid",
            "danke",
            "eine",
            "ein",
            "bitte",
            "heute",
            "morgen",
            "wird",
            "haben",
            "auf",
            "zu",
            "den",
            "dem",
            "bestellung",
            "sind",
        ],
    },
    Language {
        id: "pt",
        name: "Portuguese",
        scored: false,
        markers: &[
            "o", "os", "as", "que", "de", "do", "da", "e", "é", "seu", "sua", "para", "com", "não",
            "você", "obrigado", "obrigada", "desculpe", "lamento", "uma", "um", "muito", "hoje",
            "amanhã", "pedido", "será", "já", "nós", "está",
        ],
    },
    Language {
        id: "it",
        name: "Italian",
        scored: false,
        markers: &[
            "il", "lo", "gli", "che", "di", "e", "è", "suo", "sua", "per", "con", "non", "mi",
            "dispiace", "grazie", "una", "uno", "molto", "oggi", "domani", "ordine", "sarà", "ho",
            "abbiamo", "rimborso",
        ],
    },
    Language {
        id: "nl",
        name: "Dutch",
        scored: false,
        markers: &[
            "de",
            "het",
            "een",
            "en",
            "is",
            "u",
            "uw",
            "ik",
            "wij",
            "we",
            "niet",
            "met",
            "voor",
            "spijt",
            "bedankt",
            "dank",
            "vandaag",
            "morgen",
            "bestelling",
            "wordt",
            "zijn",
        ],
    },
    Language {
        id: "tl",
        name: "Tagalog",
        scored: false,
        markers: &[
            "ang", "ng", "mga", "po", "ko", "mo", "sa", "na", "ay", "ako", "kayo", "ninyo",
            "pasensya", "salamat", "naman", "ito", "iyong", "inyong", "at", "para", "ngayon",
            "bukas", "lang", "pa", "nyo", "namin",
        ],
    },
];

const _: () = assert!(LANGUAGES.len() <= 16, "one bit per language in `detect`");

/// The language of `tokens`, when enough words tell: `None` for replies too
/// short or too mixed to say (they are treated as English).
pub fn detect(tokens: &Tokens) -> Option<&'static Language> {
    if tokens.tokens.len() < 3 {
        return None;
    }
    // One lookup per word: which languages list it as a marker (a bit each).
    static MARKERS: OnceLock<HashMap<&'static str, u16, BuildHasherDefault<FastHasher>>> =
        OnceLock::new();
    let markers = MARKERS.get_or_init(|| {
        let mut m: HashMap<&'static str, u16, BuildHasherDefault<FastHasher>> = HashMap::default();
        for (i, l) in LANGUAGES.iter().enumerate() {
            for w in l.markers {
                *m.entry(w).or_default() |= 1 << i;
            }
        }
        m
    });
    let mut per_language = [0usize; 16];
    for t in &tokens.tokens {
        if let Some(bits) = markers.get(t.norm.as_str()) {
            for (i, n) in per_language.iter_mut().enumerate().take(LANGUAGES.len()) {
                if bits & (1 << i) != 0 {
                    *n += 1;
                }
            }
        }
    }
    let counts = LANGUAGES.iter().zip(per_language);
    let english = per_language[0];
    let (best, n) =
        counts
            .skip(1)
            .fold(None, |acc: Option<(&Language, usize)>, (l, n)| match acc {
                Some((_, m)) if m >= n => acc,
                _ => Some((l, n)),
            })?;
    // Another language must clearly outnumber English, not merely share a
    // name or a borrowed word ("Señora Ruiz", "São Paulo").
    if n >= 2 && n >= 2 * english.max(1) && n * 4 >= tokens.tokens.len() {
        Some(best)
    } else if english >= 1 {
        Some(&LANGUAGES[0])
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn lang(s: &str) -> Option<&'static str> {
        detect(&tokenize(s)).map(|l| l.id)
    }

    #[test]
    fn tells_common_languages_apart() {
        assert_eq!(
            lang("Lo siento mucho, ya hice el reembolso de sus 40 dólares."),
            Some("es")
        );
        assert_eq!(
            lang("Je suis désolé, votre remboursement sera fait aujourd'hui."),
            Some("fr")
        );
        assert_eq!(
            lang("Es tut mir leid, ich habe die Bestellung heute storniert."),
            Some("de")
        );
        assert_eq!(
            lang("Pasensya na po, ibabalik ko ang inyong bayad ngayon."),
            Some("tl")
        );
        assert_eq!(lang("I'm so sorry, I'll refund it today."), Some("en"));
    }

    #[test]
    fn borrowed_names_do_not_change_the_language() {
        assert_eq!(lang("Sorry about the muddle, Señora Ruiz. The duplicate payment of 212 pesos is refunded."), Some("en"));
        assert_eq!(
            lang("I'm so sorry the parcel to São Paulo went astray."),
            Some("en")
        );
        assert_eq!(lang("Ok."), None);
    }
}
