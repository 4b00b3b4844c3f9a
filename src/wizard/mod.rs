//! The interactive wizard (ratatui + crossterm) on top of the engine.
//!
//! One direction, no import loop (tests/wizard_imports.rs checks it):
//! - `strings` (every Dutch UI text), `theme` (every style; NO_COLOR), `keymap` (bindings as
//!   data) and the widgets' text helpers are leaves;
//! - `model` (answers, where the user is, focus) and `msg` (messages, effects, navigation);
//! - `derived` (check results, rendered policy, preview scroll) and `layout`;
//! - `screen` (the `Screen` trait) and `screens/*`, one file per screen, registered in
//!   `screens::all`; a screen changes the model and returns effects, never calls `update`;
//! - `state` (model + derived + screens + overlay, and the moves between screens),
//!   `update` (routes a message to what has the focus, carries out navigation and dialogs),
//!   `view` (draws; footer and F1 help from the keymaps), `input` (events → messages, the
//!   global keymap);
//! - this file: the run loop, which owns the terminal and performs the file effects.
//!
//! Keys: each screen's keymap is its list of keys with their Dutch descriptions; F1 shows
//! those of what has the focus, the footer the most important ones. Files: `--answers FILE`
//! (created when missing, never overwritten when it does not parse), or a new file in the
//! data dir (PRIVACYBELEID_DATA_DIR, else the platform's data dir), which also holds
//! `recent.toml`. The current step is kept in `[wizard] step`.

pub mod derived;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod msg;
pub mod persist;
pub mod preview;
pub mod screen;
pub mod screens;
pub mod state;
pub mod strings;
pub mod theme;
pub mod update;
pub mod view;
pub mod widgets;

use std::collections::VecDeque;
use std::io::Write;
use std::path::PathBuf;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::engine::{Answers, Engine};
use model::Options;
use msg::{Effect, Msg};
use state::State;

/// Runs the wizard; returns the process exit code.
pub fn run(engine: &Engine, answers: Option<PathBuf>) -> i32 {
    run_in(engine, answers, None)
}

/// `wizard --dir KLANTEN/` (issue 9): the wizard on the clients screen of a folder.
pub fn run_clients(engine: &Engine, dir: PathBuf) -> i32 {
    if !dir.is_dir() {
        eprintln!("{}", strings::run::not_a_folder(&dir));
        return 2;
    }
    run_in(engine, None, Some(dir))
}

fn run_in(engine: &Engine, answers: Option<PathBuf>, clients: Option<PathBuf>) -> i32 {
    let today = persist::today();
    let data = persist::data_dir();
    let mut loaded = None;
    if let Some(p) = &answers {
        if p.exists() {
            match Answers::load(p) {
                Ok(a) => loaded = Some(a),
                Err(e) => {
                    eprintln!("{}", strings::run::error(&e));
                    eprintln!("{}", strings::run::FILE_UNCHANGED);
                    return 2;
                }
            }
        } else {
            // Created at once, so a wrong folder is reported before the screen opens.
            let a = Answers {
                shop: crate::engine::answers::Shop {
                    effective_date: Some(today.clone()),
                    ..Default::default()
                },
                ..Default::default()
            };
            if let Err(e) = crate::atomic::write(p, a.to_toml_string().as_bytes()) {
                eprintln!(
                    "{}",
                    strings::run::cannot_create(p, &crate::engine::error::io_reason(&e))
                );
                return 2;
            }
        }
        if let Some(d) = &data {
            let _ = persist::remember(d, p);
        }
    }
    let recent = data.as_deref().map(persist::recent).unwrap_or_default();
    let recent = recent
        .into_iter()
        .filter(|r| {
            answers
                .as_ref()
                .is_none_or(|p| std::fs::canonicalize(p).ok().as_ref() != Some(r))
        })
        .collect();
    let opts = Options {
        today,
        path: answers.clone(),
        answers: loaded,
        recent,
        cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    };
    theme::init_from_env();
    // The start screen shows the shop name of each recent file (issue 9).
    let shop_names: Vec<(PathBuf, String)> = opts
        .recent
        .iter()
        .filter_map(|p| {
            let name = Answers::load(p).ok()?.shop.name?;
            Some((p.clone(), name))
        })
        .collect();
    let mut state = State::new(engine, opts);
    state.model.shop_names = shop_names;
    if let Some(dir) = clients {
        state.model.clients_dir = Some(dir);
        state.model.route = model::Route::Page(screens::clients::ID);
        state.with_screen(screens::clients::ID, |s, cx| s.enter(cx));
    }
    if answers.is_some() {
        state.model.status = strings::status::EVERY_CHANGE_SAVED.into();
    }

    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        eprintln!("{}", strings::run::NEEDS_TERMINAL);
        return 1;
    }
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            restore();
            eprintln!("{}", strings::run::no_terminal(&e));
            return 1;
        }
    };
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste
        );
        prev(info);
    }));
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let code = match main_loop(&mut terminal, &mut state) {
        Ok(()) => 0,
        Err(e) => {
            restore();
            eprintln!("{}", strings::run::error(&e));
            return 1;
        }
    };
    restore();
    if let Some(p) = &state.model.path {
        println!("{}", strings::run::saved_in(p));
    }
    code
}

fn restore() {
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
    let _ = std::io::stdout().flush();
}

fn main_loop(terminal: &mut ratatui::DefaultTerminal, state: &mut State) -> std::io::Result<()> {
    let size = terminal.size()?;
    state.model.size = (size.width, size.height);
    // A change waiting for its save: the frame that shows it is drawn first, the answers file
    // is written right after it, before the next key is read. So the screen answers a key
    // without waiting for the disk, and a change that was on screen for more than the moment
    // the write takes is in the file (tests/save_promise.rs kills the wizard to check).
    let mut save_due = false;
    loop {
        state.sync();
        terminal.draw(|f| view::view(f, state))?;
        if std::mem::take(&mut save_due) {
            let status = state.model.status.clone();
            perform(state, vec![Effect::Save]);
            if state.model.status != status {
                continue; // The first save, or a failed one: show it at once.
            }
        }
        let ev = event::read()?;
        // Lets the e2e test check that a panic restores the terminal (debug builds only).
        #[cfg(debug_assertions)]
        if std::env::var_os("PRIVACYBELEID_TEST_PANIC").is_some()
            && matches!(&ev, event::Event::Key(k) if k.code == event::KeyCode::F(12))
        {
            panic!("testpaniek op verzoek (PRIVACYBELEID_TEST_PANIC)");
        }
        let Some(msg) = input::translate(ev, state.typing()) else {
            continue;
        };
        let mut effects = update::update(state, msg);
        // Opening or exporting files keeps the order update asked for, saves included.
        if !effects
            .iter()
            .any(|e| matches!(e, Effect::Open(_) | Effect::Export { .. }))
        {
            save_due |= effects.contains(&Effect::Save);
            effects.retain(|e| *e != Effect::Save);
        }
        // One save per event is enough: it writes the latest answers.
        effects.dedup();
        perform(state, effects);
        if state.model.quit {
            if save_due {
                perform(state, vec![Effect::Save]);
            }
            return Ok(());
        }
    }
}

/// Performs effects and feeds their results back through update.
pub fn perform(state: &mut State, effects: Vec<Effect>) {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(e) = queue.pop_front() {
        let msg = match e {
            Effect::Save => {
                let m = &state.model;
                let text = m.answers.to_toml_string();
                let name = m.answers.shop.name.as_deref();
                Msg::Saved(persist::save_named(
                    m.path.as_deref(),
                    name,
                    &text,
                    &m.today,
                ))
            }
            Effect::Open(p) => {
                let r = Answers::load(&p)
                    .map(|a| (p.clone(), Box::new(a)))
                    .map_err(|e| e.to_string());
                if r.is_ok() {
                    if let Some(d) = persist::data_dir() {
                        let _ = persist::remember(&d, &p);
                    }
                }
                Msg::Opened(r)
            }
            Effect::Export { files, overwrite } => {
                let exists = persist::existing(&files);
                if !overwrite && !exists.is_empty() {
                    Msg::ExportExists(exists)
                } else {
                    Msg::Exported(persist::export(&files))
                }
            }
            // Consultants (issue 9): the history beside the answers file, the export folder.
            Effect::Record(r) => Msg::Recorded(record(&r)),
            Effect::MakeDir(d) => Msg::DirMade(
                std::fs::create_dir_all(&d)
                    .map(|()| d.clone())
                    .map_err(|e| {
                        format!("{}: {}", d.display(), crate::engine::error::io_reason(&e))
                    }),
            ),
            // Update carries out navigation and dialogs itself.
            Effect::Quit | Effect::Go(_) | Effect::Ask(_) => continue,
        };
        queue.extend(update::update(state, msg));
    }
}

/// Writes an export's version and last-export record; the line for the status bar.
fn record(r: &msg::Recording) -> Result<String, String> {
    let mut h = crate::consult::History::load(&r.answers_file).map_err(|e| e.to_string())?;
    let new = r.version.as_ref().map(|(rec, text)| (rec, text.as_str()));
    h.record(new, &r.export).map_err(|e| e.to_string())?;
    Ok(match &r.version {
        Some((rec, _)) => strings::export::version_kept(rec.version),
        None => strings::export::version_same(r.export.version),
    })
}
