//! Helpers of the wizard's tests: one engine per test binary, a state at a fixed date with
//! fixed fake paths, keys, the providers step, and a frame as a buffer or as text.

use std::path::PathBuf;
use std::sync::OnceLock;

use privacybeleid::engine::{Answers, Engine, Section};
use privacybeleid::wizard::model::ScreenId;
use privacybeleid::wizard::screens::providers::{Item, Providers};
use privacybeleid::wizard::state::{Effect, Msg, Options, State};
use privacybeleid::wizard::update::update;
use privacybeleid::wizard::view::view;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;

/// The engine, loaded once for the whole test binary.
pub fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::load().unwrap())
}

/// A wizard on 2025-01-15 with the answers file /tmp/wizard-test/beleid.toml (never written:
/// these tests carry out no effects) and no recent files.
pub fn opts(answers: Option<Answers>) -> Options {
    Options {
        today: "2025-01-15".into(),
        path: Some(PathBuf::from("/tmp/wizard-test/beleid.toml")),
        answers,
        recent: vec![],
        cwd: PathBuf::from("/tmp/wizard-test"),
    }
}

/// "Nieuw privacybeleid", the name left empty.
pub fn new_policy() -> State<'static> {
    let mut s = State::new(engine(), opts(None));
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Enter);
    s
}

/// Answers for Zoë's Bloemen from `preset`, with the shop's required fields filled.
pub fn zoe(preset: &str) -> Answers {
    let mut a = Answers {
        preset: Some(preset.into()),
        ..Default::default()
    };
    for (k, v) in [
        ("name", "Zoë's Bloemen"),
        ("website", "https://www.zoesbloemen.nl"),
        ("effective_date", "2025-01-15"),
        ("email", "info@zoesbloemen.nl"),
        ("privacy_contact", "Zoë de Vries"),
    ] {
        a.shop.set(k, v);
    }
    a
}

/// A key without Ctrl or Alt, as the run loop hands it to `update`.
pub fn press(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Presses a key; returns the effects `update` asks for.
pub fn key(s: &mut State, code: KeyCode) -> Vec<Effect> {
    update(s, press(code))
}

pub fn typ(s: &mut State, text: &str) {
    for c in text.chars() {
        key(s, KeyCode::Char(c));
    }
}

/// The step of a section.
pub fn sec(x: Section) -> ScreenId {
    ScreenId(x.id())
}

/// The providers step on screen.
pub fn prov<'a>(s: &'a State) -> &'a Providers {
    s.get::<Providers>(s.model.current()).unwrap()
}

pub fn prov_mut<'a>(s: &'a mut State<'static>) -> &'a mut Providers {
    let id = s.model.current();
    s.get_mut::<Providers>(id).unwrap()
}

/// The rows of the providers step on screen.
pub fn items(s: &State) -> Vec<Item> {
    prov(s).items(&s.model)
}

/// One frame at `w`×`h`.
pub fn draw(s: &mut State, w: u16, h: u16) -> Buffer {
    s.model.size = (w, h);
    s.sync();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view(f, s)).unwrap();
    t.backend().buffer().clone()
}

/// One frame at `w`×`h` as text, a line per row without trailing blanks.
pub fn render(s: &mut State, w: u16, h: u16) -> String {
    let buf = draw(s, w, h);
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            // A wide character covers the next cell too.
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
