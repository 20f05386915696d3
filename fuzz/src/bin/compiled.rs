//! AFL target: see `targets::compiled`.
#[path = "../targets.rs"]
mod targets;

fn main() {
    afl::fuzz!(|data: &[u8]| targets::compiled(data));
}
