//! The list page's entry point: mounts the scenario list and nothing else.

fn main() {
    rapport_home::start();
}
