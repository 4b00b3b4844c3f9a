//! The interactive wizard (ratatui + crossterm) on top of the engine.
//!
//! Elm-style: `state` is the model, `input` turns terminal events into messages, `update`
//! changes the state and returns effects (pure, unit-tested), `view` draws the state (pure,
//! snapshot-tested), and `run` owns the terminal and performs the effects.
//!
//! Keys (F1 shows those of the current screen):
//! - everywhere: Ctrl+Q / Ctrl+C quit (every change is already saved), F1 or `?` help
//!   (`?` not while typing), Ctrl+S export, F2 / Ctrl+P full-width preview, PgUp/PgDn and
//!   the mouse wheel scroll the preview, Tab/Shift+Tab walk form fields and then move focus
//!   between the questions and the sidebar, Esc closes/goes back a step;
//! - sidebar: ↑/↓ choose a step, Enter/→ open it, Esc/← back to the questions; a click on
//!   a step opens it;
//! - text fields: ←/→, Home/End, Ctrl+←/→ word jumps, Backspace/Delete, bracketed paste;
//!   a field is checked when the user leaves it;
//! - provider steps: type to search, Space toggles, Enter picks the searched provider or
//!   goes on, ←/→ choose a variant; Enter on "+ Eigen aanbieder toevoegen" opens the
//!   own-provider form, Enter (when not searching) or Ctrl+E on an own provider (marked
//!   "eigen toevoeging") opens it filled in, Delete twice removes it from the step;
//! - own-provider form: ↑/↓ or Tab/Shift+Tab walk the fields (checked when left), Space,
//!   ←/→ or j/n answer "buiten de EER?", Space or ←/→ choose the safeguard, Enter goes to
//!   the next field and saves on the last field or on "Opslaan", Esc cancels;
//! - export: Space toggles a format, Enter on "Exporteren" writes, j/n answer the
//!   overwrite question.
//!
//! Files: `--answers FILE` (created when missing, never overwritten when it does not parse),
//! or a new file in the data dir (PRIVACYBELEID_DATA_DIR, else the platform's data dir),
//! which also holds `recent.toml`. The current step is kept in `[wizard] step`.

pub mod input;
pub mod layout;
pub mod persist;
pub mod preview;
pub mod screens;
pub mod state;
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
use state::{Effect, Msg, Options, State};

/// Runs the wizard; returns the process exit code.
pub fn run(engine: &Engine, answers: Option<PathBuf>) -> i32 {
    let today = persist::today();
    let data = persist::data_dir();
    let mut loaded = None;
    if let Some(p) = &answers {
        if p.exists() {
            match Answers::load(p) {
                Ok(a) => loaded = Some(a),
                Err(e) => {
                    eprintln!("fout: {e}");
                    eprintln!(
                        "Het bestand is niet gewijzigd. Verbeter het en start de wizard opnieuw."
                    );
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
                    "fout: kan {} niet maken: {}",
                    p.display(),
                    crate::engine::error::io_reason(&e)
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
    let mut state = State::new(engine, opts);
    if answers.is_some() {
        state.status = "Elke wijziging wordt direct bewaard".into();
    }

    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        eprintln!(
            "fout: de wizard heeft een terminal nodig; gebruik `privacybeleid render` in scripts"
        );
        return 1;
    }
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            restore();
            eprintln!("fout: kan de terminal niet gebruiken: {e}");
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
            eprintln!("fout: {e}");
            return 1;
        }
    };
    restore();
    if let Some(p) = &state.path {
        println!("Antwoorden bewaard in {}", p.display());
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
    state.size = (size.width, size.height);
    loop {
        state.sync();
        terminal.draw(|f| view::view(f, state))?;
        let ev = event::read()?;
        // Lets the e2e test check that a panic restores the terminal (debug builds only).
        #[cfg(debug_assertions)]
        if std::env::var_os("PRIVACYBELEID_TEST_PANIC").is_some()
            && matches!(&ev, event::Event::Key(k) if k.code == event::KeyCode::F(12))
        {
            panic!("testpaniek op verzoek (PRIVACYBELEID_TEST_PANIC)");
        }
        let Some(msg) = input::translate(ev, input::typing(state)) else {
            continue;
        };
        let mut effects = update::update(state, msg);
        // One save per event is enough: it writes the latest answers.
        effects.dedup();
        perform(state, effects);
        if state.quit {
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
                let text = state.answers.to_toml_string();
                Msg::Saved(persist::save(state.path.as_deref(), &text, &state.today))
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
            Effect::Quit => continue,
        };
        queue.extend(update::update(state, msg));
    }
}
