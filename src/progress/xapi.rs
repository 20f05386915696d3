//! xAPI 1.0.3 statements for finished attempts. The statement id is a
//! name-based UUID (version 5) of the attempt id, so sending the same attempt
//! twice can never create a duplicate in the Learning Record Store.
//!
//! IRIs use the `urn:rapport:` scheme, which needs no web address of its own.
//! The actor is added by the page's sender from the trainer's configuration.

use super::attempt::Attempt;
use crate::scoring::Criterion;
use serde_json::{json, Map, Value};

/// Namespace for statement UUIDs (itself a random v4 UUID, fixed forever).
const NAMESPACE: [u8; 16] = [
    0x5b, 0x2e, 0x7f, 0x0c, 0x91, 0x3d, 0x4e, 0x8a, 0xa6, 0x1f, 0x62, 0xd4, 0x0b, 0x77, 0xc3, 0x19,
];

/// The verb used for every finished attempt.
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";

/// RFC 4122 version 5 UUID of `name` in Rapport's namespace.
pub fn statement_id(name: &str) -> String {
    let mut h = sha1_smol::Sha1::new();
    h.update(&NAMESPACE);
    h.update(name.as_bytes());
    let mut b: [u8; 16] = h.digest().bytes()[..16].try_into().unwrap_or([0; 16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// ISO 8601 duration (`PT1M35.2S`) for milliseconds.
pub fn iso_duration(ms: u64) -> String {
    let h = ms / 3_600_000;
    let m = (ms / 60_000) % 60;
    let s = (ms % 60_000) as f64 / 1000.0;
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    out.push_str(&format!("{}S", (s * 100.0).round() / 100.0));
    out
}

/// ISO 8601 UTC timestamp for milliseconds since the epoch.
pub fn iso_timestamp(ms: u64) -> String {
    let (y, mo, d) = crate::text::civil_date(ms);
    let secs = (ms / 1000) % 86_400;
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        secs / 3600,
        (secs / 60) % 60,
        secs % 60,
        ms % 1000
    )
}

/// The "completed" statement for one attempt (without `actor`).
pub fn statement(a: &Attempt, title: &str) -> Value {
    let mut ext = Map::new();
    for c in Criterion::ALL {
        let v = f64::from(a.score(c));
        ext.insert(
            format!("urn:rapport:criterion:{}", c.id()),
            json!((v * 100.0).round() / 100.0),
        );
    }
    let scaled = (f64::from(a.total.clamp(0.0, 1.0)) * 100.0).round() / 100.0;
    json!({
        "id": statement_id(&a.id),
        "verb": { "id": VERB_COMPLETED, "display": { "en-US": "completed" } },
        "object": {
            "objectType": "Activity",
            "id": format!("urn:rapport:scenario:{}", a.scenario),
            "definition": {
                "name": { "en-US": title },
                "type": "http://adlnet.gov/expapi/activities/simulation"
            }
        },
        "result": {
            "score": { "scaled": scaled, "raw": (scaled * 100.0).round(), "min": 0, "max": 100 },
            "success": a.outcome == "resolved_satisfied" || a.outcome == "escalated_warm",
            "completion": true,
            "duration": iso_duration(a.duration_ms),
            "extensions": ext
        },
        "context": {
            "extensions": {
                "urn:rapport:outcome": a.outcome,
                "urn:rapport:seed": a.seed,
                "urn:rapport:persona": a.persona,
                "urn:rapport:scenario-version": a.scenario_version
            }
        },
        "timestamp": iso_timestamp(a.started_ms + a.duration_ms)
    })
}
