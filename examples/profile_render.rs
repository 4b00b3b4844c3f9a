// Quick split of where render time goes (not a benchmark; see benches/).
use privacybeleid::engine::{format, Answers, Document, Engine, Format};
use std::time::Instant;

fn main() {
    let engine = Engine::load().unwrap();
    let a = Answers::load(std::path::Path::new("examples/seeds/mom-gemstone.toml")).unwrap();
    let n = 2000;
    let w = privacybeleid::engine::model::Words::of(Default::default()).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(engine.markup(&a).unwrap());
    }
    println!("markup (model + tera): {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let ctx = privacybeleid::engine::model::build(&a, engine.catalog(), engine.purposes(), &w)
            .unwrap();
        std::hint::black_box(tera::Context::from_serialize(&ctx).unwrap());
    }
    println!("model + context: {:?}", t.elapsed() / n);
    let mut tera = tera::Tera::default();
    tera.add_raw_template("t.tera", "{{ shop.name }}").unwrap();
    let ctx =
        privacybeleid::engine::model::build(&a, engine.catalog(), engine.purposes(), &w).unwrap();
    let ctx = tera::Context::from_serialize(&ctx).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(tera.render("t.tera", &ctx).unwrap());
    }
    println!("trivial tera render: {:?}", t.elapsed() / n);
    let m = engine.markup(&a).unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(Document::parse(&m));
    }
    println!("parse: {:?}", t.elapsed() / n);
    let doc = engine.document(&a).unwrap();
    for f in Format::ALL {
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(format::write(&doc, f));
        }
        println!("{f:?}: {:?}", t.elapsed() / n);
    }
}
