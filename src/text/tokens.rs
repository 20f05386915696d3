//! Tokenizer: lower-cased words with their byte spans, grouped into sentences.
//! Contractions are expanded ("can't" -> "can not", "I'm" -> "i am"), so patterns
//! are written once in their long form and match both ways people type.

use super::FastSet;
use super::Span;

/// One normalised word of the input. Expanded contractions yield several tokens
/// sharing the same span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub norm: String,
    pub span: Span,
    pub sentence: usize,
    /// Clause number: grows at every comma, colon, dash or bracket and at
    /// every sentence end, so negation can stop at a clause boundary.
    pub clause: usize,
}

/// A sentence: its span, its token range and whether it asks something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub first: usize,
    pub end: usize,
    pub question: bool,
}

/// A tokenized text.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Every distinct word, so a pattern can be ruled out without scanning.
    /// (As [`super::word_hash`]es, with keys for their first three and four
    /// letters: probing them compares numbers, not text.)
    pub words: FastSet<u64>,
    /// Each token's [`super::word_hash`], in order.
    pub hashes: Vec<u64>,
}

impl Tokens {
    /// Rebuilds [`Tokens::words`] after tokens were edited (typo repair).
    pub fn reindex(&mut self) {
        self.hashes = self
            .tokens
            .iter()
            .map(|t| super::word_hash(&t.norm))
            .collect();
        self.words = self
            .tokens
            .iter()
            .flat_map(|t| {
                [
                    Some(super::word_hash(&t.norm)),
                    super::pattern::prefix_key(&t.norm, 3),
                    super::pattern::prefix_key(&t.norm, 4),
                ]
            })
            .flatten()
            .collect();
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into sentences and normalised tokens.
pub fn tokenize(text: &str) -> Tokens {
    let mut out = Tokens::default();
    let mut sentence_start: Option<usize> = None;
    let mut first_token = 0;
    let mut clause = 0;
    let mut chars = text.char_indices().peekable();
    let close = |out: &mut Tokens, start: Option<usize>, end: usize, first: usize, q: bool| {
        if let Some(s) = start {
            if out.tokens.len() > first {
                out.sentences.push(Sentence {
                    span: Span::new(s, end),
                    first,
                    end: out.tokens.len(),
                    question: q,
                });
            }
        }
    };
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let apostrophe_inside = is_apostrophe(d)
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char);
                // "10%" stays one word, so "10%" and "10" are different facts.
                let percent = d == '%' && text[..j].ends_with(|p: char| p.is_ascii_digit());
                if is_word_char(d) || apostrophe_inside || percent {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            sentence_start.get_or_insert(start);
            let sentence = out.sentences.len();
            push_expanded(
                &mut out.tokens,
                &text[start..end],
                Span::new(start, end),
                (sentence, clause),
            );
        } else if matches!(c, ',' | ':' | '(' | ')' | '\u{2013}' | '\u{2014}' | '-') {
            clause += 1;
        } else if matches!(c, '.' | '!' | '?' | '\n' | ';') {
            // A full stop inside a number ("3.5") does not end a sentence.
            let decimal = c == '.'
                && out.tokens.last().is_some_and(|t| t.span.end == i)
                && chars.peek().is_some_and(|&(_, d)| d.is_ascii_digit());
            if decimal {
                continue;
            }
            let mut question = c == '?';
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '.' | '!' | '?') {
                    question |= d == '?';
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            close(&mut out, sentence_start.take(), end, first_token, question);
            first_token = out.tokens.len();
            clause += 1;
        }
    }
    close(&mut out, sentence_start, text.len(), first_token, false);
    out.reindex();
    out
}

/// Pronouns and question words whose "'s" means "is".
const IS_CONTRACTORS: &[&str] = &[
    "it",
    "that",
    "what",
    "there",
    "here",
    "he",
    "she",
    "who",
    "where",
    "how",
    "everything",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "nobody",
    "nothing",
    "this",
    "today",
    "now",
];

/// Common contractions typed without the apostrophe.
const BARE: &[(&str, &[&str])] = &[
    ("im", &["i", "am"]),
    ("ive", &["i", "have"]),
    ("youre", &["you", "are"]),
    ("youve", &["you", "have"]),
    ("youll", &["you", "will"]),
    ("theyre", &["they", "are"]),
    ("thats", &["that", "is"]),
    ("whats", &["what", "is"]),
    ("lets", &["let", "us"]),
    ("cant", &["can", "not"]),
    ("cannot", &["can", "not"]),
    ("wont", &["will", "not"]),
    ("dont", &["do", "not"]),
    ("doesnt", &["does", "not"]),
    ("didnt", &["did", "not"]),
    ("isnt", &["is", "not"]),
    ("arent", &["are", "not"]),
    ("wasnt", &["was", "not"]),
    ("werent", &["were", "not"]),
    ("havent", &["have", "not"]),
    ("hasnt", &["has", "not"]),
    ("wouldnt", &["would", "not"]),
    ("couldnt", &["could", "not"]),
    ("shouldnt", &["should", "not"]),
    ("apologise", &["apologize"]),
    ("apologised", &["apologized"]),
    ("apologises", &["apologizes"]),
];

fn push_expanded(out: &mut Vec<Token>, raw: &str, span: Span, (sentence, clause): (usize, usize)) {
    let mut word: String = raw
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    let mut push = |w: &str| {
        out.push(Token {
            norm: w.to_string(),
            span,
            sentence,
            clause,
        })
    };
    if let Some((_, parts)) = BARE.iter().find(|(k, _)| *k == word) {
        parts.iter().for_each(|p| push(p));
        return;
    }
    if !word.contains('\'') {
        push(&word);
        return;
    }
    let special: Option<&[&str]> = match word.as_str() {
        "can't" => Some(&["can", "not"]),
        "won't" => Some(&["will", "not"]),
        "shan't" => Some(&["shall", "not"]),
        "let's" => Some(&["let", "us"]),
        "ain't" => Some(&["is", "not"]),
        "y'all" => Some(&["you"]),
        _ => None,
    };
    if let Some(parts) = special {
        parts.iter().for_each(|p| push(p));
        return;
    }
    let suffixes: [(&str, &str); 6] = [
        ("n't", "not"),
        ("'m", "am"),
        ("'re", "are"),
        ("'ll", "will"),
        ("'ve", "have"),
        ("'d", "would"),
    ];
    for (suffix, long) in suffixes {
        if let Some(base) = word.strip_suffix(suffix) {
            push(base);
            push(long);
            return;
        }
    }
    if let Some(base) = word.strip_suffix("'s") {
        push(base);
        if IS_CONTRACTORS.contains(&base) {
            push("is");
        }
        return;
    }
    word.retain(|c| c != '\'');
    push(&word);
}

/// Longest word the edit distance is computed for; longer words never match.
const MAX_EDIT_WORD: usize = 40;

/// True when the edit distance (insert, delete, substitute, swap neighbours)
/// between `a` and `b` is at most `max`. Allocation-free, with early exits:
/// it runs for every unknown word of every reply.
pub fn edit_distance_at_most(a: &str, b: &str, max: usize) -> bool {
    let mut ab = ['\0'; MAX_EDIT_WORD];
    let mut bb = ['\0'; MAX_EDIT_WORD];
    let (mut n, mut m) = (0, 0);
    for c in a.chars() {
        if n == MAX_EDIT_WORD {
            return false;
        }
        ab[n] = c;
        n += 1;
    }
    for c in b.chars() {
        if m == MAX_EDIT_WORD {
            return false;
        }
        bb[m] = c;
        m += 1;
    }
    if n.abs_diff(m) > max {
        return false;
    }
    let (a, b) = (&ab[..n], &bb[..m]);
    let mut prev2 = [0usize; MAX_EDIT_WORD + 1];
    let mut prev = [0usize; MAX_EDIT_WORD + 1];
    let mut cur = [0usize; MAX_EDIT_WORD + 1];
    for (j, p) in prev.iter_mut().enumerate().take(m + 1) {
        *p = j;
    }
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return false;
        }
        prev2 = prev;
        prev = cur;
    }
    prev[m] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text).tokens.into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn expands_straight_and_curly_contractions() {
        assert_eq!(norms("I can't"), ["i", "can", "not"]);
        assert_eq!(norms("I\u{2019}m SORRY"), ["i", "am", "sorry"]);
        assert_eq!(
            norms("dont worry, it's fine"),
            ["do", "not", "worry", "it", "is", "fine"]
        );
        assert_eq!(norms("the customer's order"), ["the", "customer", "order"]);
        assert_eq!(
            norms("up to 10% of $20,000"),
            ["up", "to", "10%", "of", "20", "000"]
        );
    }

    #[test]
    fn spans_point_back_into_the_text() {
        let text = "Héllo — I’ll fix it 😀 now.";
        for t in tokenize(text).tokens {
            assert!(text.get(t.span.start..t.span.end).is_some());
        }
    }

    #[test]
    fn sentences_know_when_they_ask() {
        let t = tokenize("Thanks for waiting. What is your order number? It costs 3.50 today!");
        let q: Vec<bool> = t.sentences.iter().map(|s| s.question).collect();
        assert_eq!(q, [false, true, false]);
    }

    #[test]
    fn edit_distance_handles_typos() {
        assert!(edit_distance_at_most("apologize", "apologize", 0));
        assert!(edit_distance_at_most("sory", "sorry", 1));
        assert!(edit_distance_at_most("recieve", "receive", 1));
        assert!(!edit_distance_at_most("refund", "return", 1));
    }
}
