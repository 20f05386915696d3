//! AFL target: see `targets::lms_summary`.
#[path = "../targets.rs"]
mod targets;

fn main() {
    afl::fuzz!(|data: &[u8]| targets::lms_summary(data));
}
