//! The browser app's entry point: mounts the UI and nothing else.

fn main() {
    rapport_player::start();
}
