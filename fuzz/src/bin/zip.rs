//! AFL target: see `targets::zip`.
#[path = "../targets.rs"]
mod targets;

fn main() {
    afl::fuzz!(|data: &[u8]| targets::zip(data));
}
