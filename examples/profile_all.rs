// Loop for a profiler: render the first seed shop, or with `all` every catalog provider ticked,
// N times (not a benchmark; see benches/).
use privacybeleid::engine::{Answers, Engine, Format, Section};

fn main() {
    let engine = Engine::load().unwrap();
    let mut a = Answers::load(std::path::Path::new("examples/seeds/mom-gemstone.toml")).unwrap();
    let all = std::env::args().any(|x| x == "all");
    if all {
        a.preset = None;
        a.variants.clear();
        for s in Section::ALL {
            let ids = engine
                .catalog()
                .all()
                .iter()
                .filter(|p| p.serves(s))
                .map(|p| p.id.clone())
                .collect();
            a.providers.set(s, ids);
        }
    }
    let n: u32 = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(engine.render(&a, Format::Markdown).unwrap());
    }
    eprintln!("render md: {:?}", t.elapsed() / n);
}
