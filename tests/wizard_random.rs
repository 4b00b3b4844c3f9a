//! 100,000 random keys, pastes, resizes and mouse events into update + view: no panic.
//! Effects are answered with plausible results instead of touching the disk.

use std::path::PathBuf;

use privacybeleid::engine::{Answers, Engine};
use privacybeleid::wizard::screens::providers::Providers;
use privacybeleid::wizard::state::{Effect, Msg, Options, State};
use privacybeleid::wizard::update::update;
use privacybeleid::wizard::view::view;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;

const EVENTS: usize = 100_000;
/// Drawing every event would make the test slow in debug builds (each draw rebuilds and
/// wraps the policy); every 200th (500 frames) and the last is enough to reach every screen in many sizes.
const DRAW_EVERY: usize = 200;

fn random_key(rng: &mut fastrand::Rng) -> KeyEvent {
    const CHARS: &[char] = &[
        'a', 'z', 'é', 'ë', '日', '?', ' ', 'j', 'n', '1', '7', '@', '.', '-', '/', 'ß', '🙂',
    ];
    let code = match rng.u8(0..26) {
        0..=7 => KeyCode::Char(CHARS[rng.usize(0..CHARS.len())]),
        8 => KeyCode::Up,
        9 => KeyCode::Down,
        10 => KeyCode::Left,
        11 => KeyCode::Right,
        12 => KeyCode::Enter,
        13 => KeyCode::Esc,
        14 => KeyCode::Tab,
        15 => KeyCode::BackTab,
        16 => KeyCode::Backspace,
        17 => KeyCode::Delete,
        18 => KeyCode::Home,
        19 => KeyCode::End,
        20 => KeyCode::PageUp,
        21 => KeyCode::PageDown,
        22 => KeyCode::F(rng.u8(1..4)),
        23 => KeyCode::Enter,
        _ => KeyCode::Down,
    };
    let mods = match rng.u8(0..10) {
        0 => KeyModifiers::CONTROL,
        1 => KeyModifiers::SHIFT,
        2 => KeyModifiers::ALT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, mods)
}

fn random_msg(rng: &mut fastrand::Rng, size: (u16, u16)) -> Msg {
    match rng.u16(0..1000) {
        0..=899 => {
            let k = random_key(rng);
            // Ctrl+C/Ctrl+Q would only end the run loop; keep going.
            privacybeleid::wizard::input::translate(
                ratatui::crossterm::event::Event::Key(k),
                rng.bool(),
            )
            .filter(|m| *m != Msg::Quit)
            .unwrap_or(Msg::Key(k))
        }
        900..=928 => Msg::Paste(
            [
                "Café Zoë",
                "日本語\nregel",
                "\u{7}\u{1b}[31m",
                "",
                "https://x.nl\t",
            ][rng.usize(0..5)]
            .to_string(),
        ),
        // Now and then a large paste.
        929 if rng.bool() => Msg::Paste("lang ".repeat(400)),
        930..=939 => Msg::Resize(rng.u16(0..200), rng.u16(0..70)),
        940..=979 => Msg::Click {
            column: rng.u16(0..size.0.max(1) + 2),
            row: rng.u16(0..size.1.max(1) + 2),
        },
        980..=989 => Msg::Wheel(if rng.bool() { 1 } else { -1 }),
        990..=994 => Msg::OpenExport,
        _ => Msg::TogglePreview,
    }
}

/// What the run loop would answer; nothing is written.
fn fake_effects(s: &mut State, rng: &mut fastrand::Rng, fx: Vec<Effect>) {
    for e in fx {
        let reply = match e {
            Effect::Save => Msg::Saved(Ok(s
                .model
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("/tmp/random/nieuw.toml")))),
            Effect::Open(p) => Msg::Opened(Ok((p, Box::new(Answers::default())))),
            Effect::Export { files, overwrite } => {
                if !overwrite && rng.bool() {
                    Msg::ExportExists(files.into_iter().map(|(p, _)| p).collect())
                } else if rng.u8(0..4) == 0 {
                    Msg::Exported(Err("schijf vol".into()))
                } else {
                    Msg::Exported(Ok(files.into_iter().map(|(p, _)| p).collect()))
                }
            }
            // Consultants (issue 9): the history and a missing export folder.
            Effect::Record(_) => Msg::Recorded(Ok("Versie 1 bewaard".into())),
            Effect::MakeDir(p) => Msg::DirMade(Ok(p)),
            Effect::Quit | Effect::Go(_) | Effect::Ask(_) => continue,
        };
        let more = update(s, reply);
        // After an export: save the remembered settings and keep the version.
        assert!(more
            .iter()
            .all(|e| matches!(e, Effect::Save | Effect::Record(_) | Effect::Export { .. })));
    }
}

/// The own-provider form is open on the current step.
fn form_open(s: &State) -> bool {
    s.model.in_wizard()
        && s.get::<Providers>(s.model.current())
            .is_some_and(|p| p.form.is_some())
}

fn fresh(engine: &Engine) -> State<'_> {
    State::new(
        engine,
        Options {
            today: "2025-01-15".into(),
            path: None,
            answers: None,
            recent: vec![PathBuf::from("/tmp/random/oud.toml")],
            cwd: PathBuf::from("/tmp/random"),
        },
    )
}

#[test]
fn random_input_never_panics() {
    let engine = Engine::load().unwrap();
    let mut s = fresh(&engine);
    let mut rng = fastrand::Rng::with_seed(0x5EED_2025);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    // Events that reached the own-provider form, and own providers saved from it.
    let mut in_form = 0;
    let mut saved_custom = 0;
    for i in 0..EVENTS {
        let msg = random_msg(&mut rng, s.model.size);
        let resized = matches!(msg, Msg::Resize(..));
        let was_in_form = form_open(&s);
        let before = s.model.answers.custom_providers.clone();
        let fx = update(&mut s, msg);
        if was_in_form {
            in_form += 1;
            if !form_open(&s) && s.model.answers.custom_providers != before {
                saved_custom += 1;
            }
        }
        fake_effects(&mut s, &mut rng, fx);
        if resized {
            term.backend_mut().resize(s.model.size.0, s.model.size.1);
        }
        if i % DRAW_EVERY == 0 || i + 1 == EVENTS {
            s.sync();
            term.draw(|f| view(f, &s)).unwrap();
        }
        // Start over now and then (fresh answers, start screen): long runs pile up custom
        // providers, which only makes the document longer, not the test stronger.
        if i % 10_000 == 9_999 {
            s = fresh(&engine);
        }
    }
    // The random keys must exercise the own-provider form, not only pass it by.
    assert!(
        in_form > 1_000,
        "only {in_form} events in the own-provider form"
    );
    assert!(saved_custom > 0, "no own provider saved from the form");
    eprintln!("{in_form} events in the own-provider form, {saved_custom} saved");
}
