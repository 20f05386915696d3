//! The bundled scenarios, checked and compiled when the app was built (see
//! build.rs), for the full player (the list page has only their cards).

use rapport::scenario::{load_compiled, Code, Diagnostic, Scenario};
use std::rc::Rc;

/// The bundled scenarios in compiled form.
pub const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled.txt"));

/// The bundled scenarios, with a problem to show if their compiled form
/// cannot be read (rather than an empty list).
pub fn load() -> (Vec<Rc<Scenario>>, Vec<Diagnostic>) {
    match load_compiled(BUNDLED) {
        Ok(list) => (list.into_iter().map(Rc::new).collect(), Vec::new()),
        Err(e) => (
            Vec::new(),
            vec![Diagnostic::new(
                Code::E001,
                format!("the bundled scenarios could not be read: {e}"),
                "scenarios",
                "",
                (0, 0),
            )],
        ),
    }
}
