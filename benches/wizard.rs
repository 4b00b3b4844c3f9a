//! One keypress in the wizard: update + re-render of the policy + draw of a 160x48 frame
//! with the live preview (TestBackend). A frame budget is 16 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use privacybeleid::engine::{Answers, Engine, Section};
use privacybeleid::wizard::model::ScreenId;
use privacybeleid::wizard::screens::providers::Providers;
use privacybeleid::wizard::screens::shop;
use privacybeleid::wizard::state::{Msg, Options, State};
use privacybeleid::wizard::update::update;
use privacybeleid::wizard::view::view;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;

fn state(engine: &Engine) -> State<'_> {
    let mut a = Answers {
        preset: Some("woocommerce-mollie-postnl".into()),
        ..Default::default()
    };
    a.shop.set("name", "Zoë's Bloemen");
    a.shop.set("website", "https://www.zoesbloemen.nl");
    a.shop.set("effective_date", "2025-01-15");
    a.shop.set("email", "info@zoesbloemen.nl");
    a.shop.set("privacy_contact", "Zoë de Vries");
    let mut s = State::new(
        engine,
        Options {
            today: "2025-01-15".into(),
            path: Some(std::env::temp_dir().join("bench").join("beleid.toml")),
            answers: Some(a),
            recent: vec![],
            cwd: std::env::temp_dir().join("bench"),
        },
    );
    s.model.size = (160, 48);
    s
}

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn keypress(c: &mut Criterion) {
    let engine = Engine::load().unwrap();
    let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let mut group = c.benchmark_group("wizard_keypress_160x48");

    // Typing a character into the shop name: the title and contact blocks change.
    let mut s = state(&engine);
    s.go_to_step(shop::ID);
    let mut n = 0u32;
    group.bench_function("type_in_shop_name", |b| {
        b.iter(|| {
            n += 1;
            // Alternate typing and deleting so the name does not grow without end.
            let k = if n % 2 == 0 {
                key(KeyCode::Backspace)
            } else {
                key(KeyCode::Char('é'))
            };
            update(&mut s, k);
            s.sync();
            term.draw(|f| view(f, &s)).unwrap();
        })
    });

    // Toggling a payment provider: a whole part of the policy appears or goes.
    let mut s = state(&engine);
    let payments = ScreenId(Section::Payments.id());
    s.go_to_step(payments);
    s.get_mut::<Providers>(payments).unwrap().cursor = 1;
    group.bench_function("toggle_provider", |b| {
        b.iter(|| {
            update(&mut s, key(KeyCode::Char(' ')));
            s.sync();
            term.draw(|f| view(f, &s)).unwrap();
        })
    });

    // Moving the cursor: no change to the answers, only a redraw.
    group.bench_function("move_cursor", |b| {
        b.iter(|| {
            update(&mut s, key(KeyCode::Down));
            update(&mut s, key(KeyCode::Up));
            s.sync();
            term.draw(|f| view(f, &s)).unwrap();
        })
    });
    group.finish();
}

/// Start to first frame, in process: load the embedded catalog, presets and templates,
/// build the state (which renders the policy for the preview) and draw one 160x48 frame.
fn startup(c: &mut Criterion) {
    c.bench_function("wizard_start_to_first_frame_160x48", |b| {
        b.iter(|| {
            let engine = Engine::load().unwrap();
            let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
            let mut s = state(&engine);
            s.sync();
            term.draw(|f| view(f, &s)).unwrap();
        })
    });
}

criterion_group!(benches, keypress, startup);
criterion_main!(benches);
