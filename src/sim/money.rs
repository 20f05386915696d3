//! Finding money the trainee offers ("a $40 refund", "credit of 25 euros").

use crate::text::tokenize;

/// Kinds of offer a scenario can limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfferKind {
    Refund,
    Credit,
}

const REFUND: &[&str] = &["refund", "reimburs", "compensat", "money back", "pay you"];
const CREDIT: &[&str] = &["credit", "voucher", "discount", "gift card", "goodwill"];

/// Amounts offered in `reply`, per sentence that mentions a refund or credit.
pub fn amounts_offered(reply: &str) -> Vec<(OfferKind, f64)> {
    let t = tokenize(reply);
    let mut out = Vec::new();
    for s in &t.sentences {
        let text = s.span.slice(reply).to_lowercase();
        let kind = if CREDIT.iter().any(|w| text.contains(w)) {
            OfferKind::Credit
        } else if REFUND.iter().any(|w| text.contains(w)) {
            OfferKind::Refund
        } else {
            continue;
        };
        let best = t.tokens[s.first..s.end]
            .iter()
            .filter(|tok| {
                // Only numbers written as money: after a currency sign or before a currency word.
                let before = reply[..tok.span.start].trim_end().chars().last();
                let after = reply[tok.span.end..].trim_start().to_lowercase();
                matches!(before, Some('$' | '£' | '€' | '¥'))
                    || ["dollar", "euro", "pound", "usd", "eur", "gbp", "bucks"]
                        .iter()
                        .any(|c| after.starts_with(c))
            })
            .filter_map(|tok| {
                let raw = tok.span.slice(reply);
                let end = raw
                    .find(|c: char| !c.is_ascii_digit() && c != '.')
                    .unwrap_or(raw.len());
                let mut value: f64 = raw[..end].parse().ok()?;
                // "$12.50" splits at the point; take the cents too.
                let rest = &reply[tok.span.end..];
                if let Some(cents) = rest.strip_prefix('.') {
                    let digits: String = cents.chars().take_while(char::is_ascii_digit).collect();
                    if let Ok(c) = format!("0.{digits}").parse::<f64>() {
                        value += c;
                    }
                }
                Some(value)
            })
            .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
        if let Some(v) = best {
            out.push((kind, v));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_refunds_and_credits_in_money_form_only() {
        assert_eq!(
            amounts_offered("I'll refund the $40 now."),
            [(OfferKind::Refund, 40.0)]
        );
        assert_eq!(
            amounts_offered("I can add a credit of 25 euros."),
            [(OfferKind::Credit, 25.0)]
        );
        assert_eq!(amounts_offered("Your refund arrives in 3 to 5 days."), []);
        assert_eq!(
            amounts_offered("A refund of $12.50 is on its way."),
            [(OfferKind::Refund, 12.5)]
        );
    }
}
