//! AFL target: see `targets::progress_import`.
#[path = "../targets.rs"]
mod targets;

fn main() {
    afl::fuzz!(|data: &[u8]| targets::progress_import(data));
}
