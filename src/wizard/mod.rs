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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::answers_file::{AnswersFile, Lock, LockError, SaveError};
use crate::engine::{Answers, Engine};
use model::Options;
use msg::{Effect, FileAction, Msg};
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
    crate::return_freed_memory_at_once();
    let today = persist::today();
    let data = persist::data_dir();
    // Nothing is created or remembered before we know the wizard can start.
    let terminal_ok = std::io::IsTerminal::is_terminal(&std::io::stdout())
        && std::io::IsTerminal::is_terminal(&std::io::stdin());
    let mut loaded = None;
    let mut file = None;
    if let Some(p) = &answers {
        if p.exists() {
            match AnswersFile::open(p) {
                Ok((f, a)) => {
                    loaded = Some(a);
                    file = Some(f);
                }
                Err(e) => {
                    eprintln!("{}", strings::run::error(&e));
                    eprintln!("{}", strings::run::FILE_UNCHANGED);
                    return 2;
                }
            }
        }
    }
    if let (Some(p), None) = (&answers, &file) {
        // A new file in a folder that does not exist: say so before anything else.
        let folder = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => std::path::Path::new("."),
        };
        if !folder.is_dir() {
            let reason = crate::engine::error::io_reason(&std::io::ErrorKind::NotFound.into());
            eprintln!("{}", strings::run::cannot_create(p, &reason));
            return 2;
        }
    }
    if !terminal_ok {
        eprintln!("{}", strings::run::NEEDS_TERMINAL);
        return 1;
    }
    // A second wizard on the same file is told so before anything happens.
    let lock = match &answers {
        Some(p) => match Lock::acquire(p) {
            Ok(l) => Some(l),
            Err(LockError::Held(h)) => {
                eprintln!("{}", strings::run::locked(&h));
                return 1;
            }
            // No lock possible (a read-only folder): saving will say what is wrong.
            Err(LockError::Io(_)) => None,
        },
        None => None,
    };
    let mut created = None;
    if let (Some(p), None) = (&answers, &file) {
        // Created at once, so a wrong folder is reported before the screen opens.
        let a = Answers {
            shop: crate::engine::answers::Shop {
                effective_date: Some(today.clone()),
                ..Default::default()
            },
            ..Default::default()
        };
        let mut f = AnswersFile::new(p);
        if let Err(e) = f.save(&a) {
            eprintln!("{}", strings::run::error(&e));
            return 2;
        }
        created = Some(p.clone());
        file = Some(f);
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
    let mut state = State::unsynced(engine, opts);
    state.file = file;
    state.lock = lock;
    state.model.shop_names = shop_names;
    if let Some(dir) = clients {
        state.model.clients_dir = Some(dir);
        state.model.route = model::Route::Page(screens::clients::ID);
        state.with_screen(screens::clients::ID, |s, cx| s.enter(cx));
    }
    if answers.is_some() {
        state.model.status = strings::status::EVERY_CHANGE_SAVED.into();
    }
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            restore();
            eprintln!("{}", strings::run::no_terminal(&e));
            if let Some(p) = created {
                let _ = std::fs::remove_file(p);
            }
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
    let signals = Signals::register();
    let result = std::thread::scope(|scope| {
        if let (Some(d), Some(p)) = (&data, &answers) {
            // The recent-files list is written beside the first frame, not before it.
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
                let _ = persist::remember(d, p);
            });
            if spawned.is_err() {
                let _ = persist::remember(d, p);
            }
        }
        let mut rebuilder = Rebuilder::start(scope, engine);
        main_loop(&mut terminal, &mut state, &signals, &mut rebuilder)
        // Dropping the rebuilder ends its thread (after the rebuild it is on, if any).
    });
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            restore();
            eprintln!("{}", strings::run::error(&e));
            return 1;
        }
    };
    restore();
    let mut out = std::io::stdout();
    if let Some(p) = &state.model.path {
        let line = if code == 0 {
            strings::run::saved_in(p)
        } else {
            strings::run::signal_saved(p)
        };
        let _ = writeln!(out, "{line}");
    }
    if let Some(reason) = &state.unsaved {
        let _ = writeln!(std::io::stderr(), "{}", strings::status::not_saved(reason));
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

/// SIGTERM and SIGHUP (a closed terminal window, `kill`, a shutdown): noticed between two
/// events, they end the wizard as Ctrl+Q does (save, restore the terminal).
struct Signals {
    term: Arc<AtomicBool>,
    hup: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> Signals {
        let term = Arc::new(AtomicBool::new(false));
        let hup = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGTERM};
            let _ = signal_hook::flag::register(SIGTERM, Arc::clone(&term));
            let _ = signal_hook::flag::register(SIGHUP, Arc::clone(&hup));
        }
        Signals { term, hup }
    }

    /// The exit code for a signal that arrived (128 + its number), if one did.
    fn arrived(&self) -> Option<i32> {
        if self.term.load(Ordering::Relaxed) {
            Some(143)
        } else if self.hup.load(Ordering::Relaxed) || terminal_gone() {
            Some(129)
        } else {
            None
        }
    }
}

/// The terminal hung up (its window or tmux server closed) without a SIGHUP reaching us:
/// every read then returns nothing at once, so without this check the wizard would spin
/// on a terminal nobody sees. Treated as SIGHUP: save and end.
fn terminal_gone() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let fd = std::io::stdout().as_raw_fd();
        // events = 0: poll reports only hang-up, error and invalid descriptor.
        let mut p = libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd, no timeout.
        let n = unsafe { libc::poll(&mut p, 1, 0) };
        n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// How often the loop looks at signals and at the answers file while no key comes in.
const TICK: std::time::Duration = std::time::Duration::from_millis(200);

/// The preview thread: rebuilds the check and the policy of the answers as they were after a
/// key, while the run loop draws the frame that answers the key and saves the answers. The
/// loop reads no further key until the rebuild is shown, so every key is handled against a
/// check and a document that match the answers, as before there was a thread.
struct Rebuilder {
    /// None when no thread could be started: then rebuilds happen in the loop.
    jobs: Option<std::sync::mpsc::Sender<(u64, Answers)>>,
    done: Option<std::sync::mpsc::Receiver<(u64, derived::Rebuilt)>>,
    /// The ticket of a rebuild to hand to the thread.
    due: Option<u64>,
    /// The ticket of the rebuild underway.
    busy: Option<u64>,
}

impl Rebuilder {
    fn start<'scope, 'env: 'scope>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        engine: &'env Engine,
    ) -> Rebuilder {
        let (jobs, job_rx) = std::sync::mpsc::channel::<(u64, Answers)>();
        let (done_tx, done) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("voorbeeld".into())
            .spawn_scoped(scope, move || {
                for (ticket, answers) in job_rx {
                    let r = derived::Rebuilt::make(engine, &answers);
                    if done_tx.send((ticket, r)).is_err() {
                        break;
                    }
                }
            });
        match spawned {
            Ok(_) => Rebuilder {
                jobs: Some(jobs),
                done: Some(done),
                due: None,
                busy: None,
            },
            Err(_) => Rebuilder {
                jobs: None,
                done: None,
                due: None,
                busy: None,
            },
        }
    }

    /// Brings the state up to date but for a stale check and document, which `dispatch`
    /// hands to the thread once the frame is drawn (so the thread does not compete with
    /// drawing for a core).
    fn begin(&mut self, state: &mut State) {
        if self.busy.is_none() {
            self.due = state.sync_begin();
        }
    }

    fn dispatch(&mut self, state: &mut State) {
        let Some(ticket) = self.due.take() else {
            return;
        };
        if let Some(jobs) = &self.jobs {
            if jobs.send((ticket, state.model.answers.clone())).is_ok() {
                self.busy = Some(ticket);
                return;
            }
        }
        // No thread: rebuild here.
        self.jobs = None;
        let r = derived::Rebuilt::make(state.model.engine, &state.model.answers);
        state.sync_finish(ticket, r);
    }

    /// Waits up to `wait` for the rebuild underway; true when it was shown (draw again).
    fn finish(&mut self, state: &mut State, wait: std::time::Duration) -> bool {
        let Some(ticket) = self.busy else {
            return false;
        };
        let got = match &self.done {
            Some(done) => done.recv_timeout(wait),
            None => Err(std::sync::mpsc::RecvTimeoutError::Disconnected),
        };
        match got {
            Ok((t, r)) => {
                self.busy = None;
                state.sync_finish(t, r);
                true
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => false,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                // The thread is gone (it cannot be, short of a bug): rebuild here from now on.
                self.jobs = None;
                self.done = None;
                self.busy = None;
                let r = derived::Rebuilt::make(state.model.engine, &state.model.answers);
                state.sync_finish(ticket, r);
                true
            }
        }
    }
}

fn main_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut State,
    signals: &Signals,
    rebuilder: &mut Rebuilder,
) -> std::io::Result<i32> {
    let size = terminal.size()?;
    state.model.size = (size.width, size.height);
    // A change waiting for its save: the frame that shows it is drawn first, the answers file
    // is written right after it, before the next key is read. So the screen answers a key
    // without waiting for the disk, and a change that was on screen for more than the moment
    // the write takes is in the file (tests/save_promise.rs kills the wizard to check).
    let mut save_due = false;
    // Drawn after every event and every reload; a quiet tick draws nothing (so the
    // terminal stays quiet too).
    let mut redraw = true;
    loop {
        if let Some(code) = signals.arrived() {
            save_on_signal(state);
            return Ok(code);
        }
        if !save_due && rebuilder.busy.is_none() {
            redraw |= reload_if_changed(state);
        }
        if redraw {
            // The frame shows the key at once; the preview and the check follow as soon as
            // the thread has rebuilt them (a frame of their own, before the next key).
            rebuilder.begin(state);
            terminal.draw(|f| view::view(f, state))?;
            rebuilder.dispatch(state);
            redraw = false;
        }
        if std::mem::take(&mut save_due) {
            let status = state.model.status.clone();
            perform(state, vec![Effect::Save]);
            if state.model.status != status || state.overlay.is_some() {
                redraw = true;
                continue; // The first save, a failed one or a question: show it at once.
            }
        }
        if rebuilder.busy.is_some() {
            redraw = rebuilder.finish(state, TICK);
            continue;
        }
        if !event::poll(TICK)? {
            continue;
        }
        redraw = true;
        let ev = event::read()?;
        // Lets the e2e test check that a panic restores the terminal (debug builds only).
        #[cfg(debug_assertions)]
        if std::env::var_os("PRIVACYBELEID_TEST_PANIC").is_some()
            && matches!(&ev, event::Event::Key(k) if k.code == event::KeyCode::F(12))
        {
            panic!("testpaniek op verzoek (PRIVACYBELEID_TEST_PANIC)");
        }
        if input::is_suspend(&ev) {
            suspend(terminal)?;
            continue;
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
                save_due = false;
                // The last save failed or found an outside change: ask, do not quit.
                if state.unsaved.is_some() || state.overlay.is_some() {
                    state.model.quit = false;
                    if state.overlay.is_none() {
                        let fx = update::update(state, Msg::Quit);
                        perform(state, fx);
                    }
                    continue;
                }
            }
            return Ok(0);
        }
    }
}

/// Ctrl+Z: give the terminal back, stop like any program, and take it again on `fg`.
fn suspend(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    restore();
    #[cfg(unix)]
    unsafe {
        // The default action of SIGTSTP stops the process; `fg` continues it here.
        libc::raise(libc::SIGTSTP);
    }
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    terminal.clear()
}

/// On SIGTERM or SIGHUP: save what is there; if the file changed outside meanwhile, keep
/// both (ours goes beside it), since there is nobody to ask.
fn save_on_signal(state: &mut State) {
    perform(state, vec![Effect::Save]);
    if state.overlay.take().is_some() {
        // Changed outside meanwhile: ours goes beside it.
        perform(state, vec![Effect::File(FileAction::SaveElsewhere)]);
    } else if state.unsaved.is_some() {
        // The folder cannot be written: the data dir or the home folder.
        perform(state, vec![Effect::File(FileAction::ElsewhereThenQuit)]);
    }
}

/// An outside change (an editor, `git pull`, a second wizard) is loaded when we have no
/// unsaved change; with one, the next save asks.
/// Returns whether it changed anything on screen.
fn reload_if_changed(state: &mut State) -> bool {
    if state.unsaved.is_some() || state.overlay.is_some() {
        return false;
    }
    let Some(file) = &mut state.file else {
        return false;
    };
    if !file.changed_on_disk() {
        return false;
    }
    let msg = match file.reload() {
        Ok(a) => Msg::Reloaded(Box::new(a), strings::status::RELOADED.into()),
        Err(e) => {
            state.unsaved = Some(e.to_string());
            state.model.status = strings::status::outside_unreadable(&e.to_string());
            return true;
        }
    };
    let fx = update::update(state, msg);
    perform(state, fx);
    true
}

/// The answers file to save into: the one read at start, or a new one (a new policy gets
/// a file of its own in the data dir, claimed so that two wizards never share one).
fn answers_file<'s>(state: &'s mut State) -> Result<&'s mut AnswersFile, String> {
    if state.file.is_none() {
        let path = match &state.model.path {
            Some(p) => p.clone(),
            None => persist::claim_new_file(
                state.model.answers.shop.name.as_deref(),
                &state.model.today,
            )?,
        };
        let file = match AnswersFile::open(&path) {
            Ok((f, _)) => f,
            Err(_) if !path.exists() => AnswersFile::new(&path),
            Err(e) => return Err(e.to_string()),
        };
        state.file = Some(file);
    }
    state
        .file
        .as_mut()
        .ok_or_else(|| strings::status::NOT_SAVED.to_string())
}

fn saved(state: &State, r: Result<(), SaveError>) -> Msg {
    match r {
        Ok(()) => Msg::Saved(Ok(state
            .file
            .as_ref()
            .map(|f| f.path().to_path_buf())
            .unwrap_or_default())),
        Err(SaveError::Changed) => Msg::SaveConflict,
        Err(SaveError::Write(m)) => Msg::Saved(Err(m)),
    }
}

/// Performs effects and feeds their results back through update.
pub fn perform(state: &mut State, effects: Vec<Effect>) {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(e) = queue.pop_front() {
        let msg = match e {
            Effect::Save => {
                let answers = state.model.answers.clone();
                let r = answers_file(state).map_err(SaveError::Write);
                let r = r.and_then(|f| f.save(&answers));
                saved(state, r)
            }
            Effect::File(action) => file_action(state, action),
            Effect::Open(p) => match (AnswersFile::open(&p), Lock::acquire(&p)) {
                (_, Err(LockError::Held(h))) => Msg::Opened(Err(h.to_string())),
                (Ok((f, a)), lock) => {
                    state.file = Some(f);
                    state.lock = lock.ok();
                    if let Some(d) = persist::data_dir() {
                        let _ = persist::remember(&d, &p);
                    }
                    Msg::Opened(Ok((p, Box::new(a))))
                }
                (Err(e), _) => Msg::Opened(Err(e.to_string())),
            },
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
        if let Msg::Saved(Ok(p)) = &msg {
            state.model.path = Some(p.clone());
        }
        queue.extend(update::update(state, msg));
    }
}

fn file_action(state: &mut State, action: FileAction) -> Msg {
    let answers = state.model.answers.clone();
    let file = match answers_file(state) {
        Ok(f) => f,
        Err(e) => return Msg::Saved(Err(e)),
    };
    match action {
        FileAction::KeepMine => {
            let r = file.overwrite(&answers);
            let msg = saved(state, r);
            if matches!(msg, Msg::Saved(Ok(_))) {
                state.model.status = strings::status::KEPT_MINE.into();
            }
            msg
        }
        FileAction::TakeTheirs => match file.reload() {
            Ok(a) => Msg::Reloaded(Box::new(a), strings::status::TOOK_THEIRS.into()),
            Err(e) => Msg::Saved(Err(e.to_string())),
        },
        FileAction::SaveElsewhere => {
            let target = persist::beside(file.path());
            match file.save_as(&target, &answers) {
                Ok(()) => {
                    state.lock = Lock::acquire(&target).ok();
                    state.model.path = Some(target.clone());
                    let status = strings::status::saved_elsewhere(&target);
                    Msg::Reloaded(Box::new(answers), status)
                }
                Err(e) => Msg::Saved(Err(e.to_string())),
            }
        }
        FileAction::RetryThenQuit => {
            let r = file.save(&answers);
            let msg = saved(state, r);
            if matches!(msg, Msg::Saved(Ok(_))) {
                state.model.quit = true;
            }
            msg
        }
        FileAction::ElsewhereThenQuit => {
            let mut last = String::new();
            for dir in persist::safe_places() {
                let target = persist::beside(
                    &dir.join(
                        file.path()
                            .file_name()
                            .unwrap_or(std::ffi::OsStr::new("antwoorden.toml")),
                    ),
                );
                let _ = std::fs::create_dir_all(&dir);
                match file.save_as(&target, &answers) {
                    Ok(()) => {
                        state.model.quit = true;
                        return Msg::Saved(Ok(target));
                    }
                    Err(e) => last = e.to_string(),
                }
            }
            Msg::Saved(Err(last))
        }
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
