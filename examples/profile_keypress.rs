// Quick profile target (not a benchmark; see benches/): typing in the shop name with every
// catalog provider ticked, update + sync + draw on a 160x48 test backend, N times.
use privacybeleid::engine::{Answers, Engine, Section};
use privacybeleid::wizard::screens::shop;
use privacybeleid::wizard::state::{Msg, Options, State};
use privacybeleid::wizard::update::update;
use privacybeleid::wizard::view::view;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::time::Instant;

fn main() {
    let engine = Engine::load().unwrap();
    let mut a = Answers::load(std::path::Path::new("examples/seeds/mom-gemstone.toml")).unwrap();
    if std::env::args().nth(1).as_deref() != Some("seed") {
        a.preset = None;
        a.variants.clear();
        for section in Section::ALL {
            let ids = engine
                .catalog()
                .all()
                .iter()
                .filter(|p| p.serves(section))
                .map(|p| p.id.clone())
                .collect();
            a.providers.set(section, ids);
        }
    }
    let mut s = State::new(
        &engine,
        Options {
            today: "2025-01-15".into(),
            path: Some(std::env::temp_dir().join("bench").join("beleid.toml")),
            answers: Some(a),
            recent: vec![],
            cwd: std::env::temp_dir(),
        },
    );
    s.model.size = (160, 48);
    s.go_to_step(shop::ID);
    let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let n: u32 = std::env::var("N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let (mut tu, mut ts, mut td) = Default::default();
    for i in 0..n {
        let k = if i % 2 == 0 {
            KeyCode::Char('x')
        } else {
            KeyCode::Backspace
        };
        let t = Instant::now();
        update(&mut s, Msg::Key(KeyEvent::new(k, KeyModifiers::NONE)));
        let t1 = Instant::now();
        s.sync();
        let t2 = Instant::now();
        term.draw(|f| view(f, &s)).unwrap();
        let t3 = Instant::now();
        tu += t1 - t;
        ts += t2 - t1;
        td += t3 - t2;
    }
    let _: (
        std::time::Duration,
        std::time::Duration,
        std::time::Duration,
    ) = (tu, ts, td);
    println!(
        "per key: update {:?}, sync {:?}, draw {:?}",
        tu / n,
        ts / n,
        td / n
    );
}
