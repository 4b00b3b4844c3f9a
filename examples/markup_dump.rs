// Prints the template markup for an answers file: `cargo run --example markup_dump -- FILE`.
use privacybeleid::engine::{Answers, Engine};

fn main() {
    let path = std::env::args().nth(1).expect("answers file");
    let engine = Engine::load().unwrap();
    let a = Answers::load(std::path::Path::new(&path)).unwrap();
    print!("{}", engine.markup(&a).unwrap());
}
