//! What the page's xAPI sender (`static/xapi.js`) has not delivered: the
//! statements waiting to be sent and the ones the LRS refused, read from the
//! lists it keeps in storage. Pure, so the Progress page can show them and
//! the reading is tested natively.

use serde::Deserialize;
use serde_json::Value;

/// Where the sender keeps statements waiting to be sent (a JSON array).
pub const QUEUE_KEY: &str = "rapport.xapi.queue";
/// Where it keeps the statements the LRS refused (a JSON array).
pub const REFUSED_KEY: &str = "rapport.xapi.refused";

/// One statement the LRS did not accept, with its reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// The scenario's title, from the statement.
    pub title: String,
    /// The LRS's answer, such as `HTTP 400: ...`.
    pub reason: String,
    /// When it was refused (ISO 8601, as the sender wrote it).
    pub at: String,
}

/// The sender's lists, summarised.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outbox {
    pub waiting: usize,
    pub refused: Vec<Refused>,
}

#[derive(Deserialize)]
struct RawRefused {
    #[serde(default)]
    statement: Value,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    at: String,
}

fn title_of(statement: &Value) -> String {
    let def = &statement["object"]["definition"]["name"];
    def.get("en-US")
        .or_else(|| def.as_object().and_then(|m| m.values().next()))
        .and_then(Value::as_str)
        .or_else(|| statement["object"]["id"].as_str())
        .unwrap_or("a conversation")
        .chars()
        .take(200)
        .collect()
}

impl Outbox {
    /// Reads the two stored lists; anything unreadable counts as empty
    /// (the sender itself never writes anything else).
    pub fn read(queue: Option<&str>, refused: Option<&str>) -> Outbox {
        let waiting = queue
            .and_then(|q| serde_json::from_str::<Vec<Value>>(q).ok())
            .map_or(0, |q| q.len());
        let refused = refused
            .and_then(|r| serde_json::from_str::<Vec<RawRefused>>(r).ok())
            .unwrap_or_default()
            .into_iter()
            .map(|r| Refused {
                title: title_of(&r.statement),
                reason: r.reason.chars().take(300).collect(),
                at: r.at.chars().take(40).collect(),
            })
            .collect();
        Outbox { waiting, refused }
    }

    pub fn is_empty(&self) -> bool {
        self.waiting == 0 && self.refused.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_waiting_and_refused_with_titles_and_reasons() {
        let q = r#"[{"id":"a"},{"id":"b"}]"#;
        let r = r#"[{"statement":{"object":{"id":"urn:rapport:scenario:x","definition":{"name":{"en-US":"Locked out"}}}},"status":400,"reason":"HTTP 400: bad actor","at":"2026-11-24T10:00:00.000Z"}]"#;
        let o = Outbox::read(Some(q), Some(r));
        assert_eq!(o.waiting, 2);
        assert_eq!(
            o.refused,
            vec![Refused {
                title: "Locked out".into(),
                reason: "HTTP 400: bad actor".into(),
                at: "2026-11-24T10:00:00.000Z".into()
            }]
        );
    }

    #[test]
    fn missing_or_damaged_lists_are_empty() {
        assert!(Outbox::read(None, None).is_empty());
        assert!(Outbox::read(Some("{"), Some("7")).is_empty());
        let o = Outbox::read(None, Some(r#"[{"statement":{"object":{"id":"urn:x"}}}]"#));
        assert_eq!(o.refused[0].title, "urn:x");
    }
}
