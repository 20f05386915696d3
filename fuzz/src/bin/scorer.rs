//! AFL target: see `targets::scorer`.
#[path = "../targets.rs"]
mod targets;

fn main() {
    afl::fuzz!(|data: &[u8]| targets::scorer(data));
}
