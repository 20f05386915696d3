//! AFL target: see `targets::scenario`.
#[path = "../targets.rs"]
mod targets;

fn main() {
    afl::fuzz!(|data: &[u8]| targets::scenario(data));
}
