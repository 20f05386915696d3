//! The studio's entry point: mounts the Trainers page and nothing else.

fn main() {
    rapport_studio::start();
}
