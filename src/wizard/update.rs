//! Pure state transitions: `update(state, msg)` changes the state and returns effects for the
//! run loop (saving, opening, exporting). No I/O happens here, so it is unit-testable.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::layout::{layout, sidebar_hit};
use super::screens::{export, policy_options, providers, review, shop_form, start};
use super::state::{Effect, Focus, Msg, Screen, State, Step};

pub fn update(s: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Quit => {
            s.quit = true;
            vec![Effect::Quit]
        }
        Msg::Resize(w, h) => {
            s.size = (w, h);
            vec![]
        }
        Msg::Saved(Ok(p)) => {
            s.status = format!("Opgeslagen in {}", p.display());
            s.path = Some(p);
            vec![]
        }
        Msg::Saved(Err(e)) => {
            s.status = format!("Niet opgeslagen: {e}");
            vec![]
        }
        Msg::Opened(Ok((p, a))) => {
            s.answers = *a;
            s.path = Some(p);
            s.dirty = true;
            s.enter_wizard();
            s.status = "Geopend".into();
            vec![]
        }
        Msg::Opened(Err(e)) => {
            s.status = format!("Kan niet openen: {e}");
            vec![]
        }
        Msg::ExportExists(files) => {
            s.export.busy = false;
            s.export.confirm = Some(files);
            vec![]
        }
        Msg::Exported(Ok(paths)) => {
            s.export.busy = false;
            s.export.confirm = None;
            s.status = format!("{} bestand(en) geschreven", paths.len());
            s.export.written = paths;
            vec![]
        }
        Msg::Exported(Err(e)) => {
            s.export.busy = false;
            s.export.confirm = None;
            s.export.errors = vec![format!("Exporteren mislukt: {e}")];
            vec![]
        }
        _ if s.help => {
            let close = match &msg {
                Msg::Help => true,
                Msg::Key(k) => matches!(
                    k.code,
                    KeyCode::Esc | KeyCode::Enter | KeyCode::F(1) | KeyCode::Char('?')
                ),
                Msg::Click { .. } => true,
                _ => false,
            };
            if close {
                s.help = false;
            }
            vec![]
        }
        Msg::Help => {
            s.help = true;
            vec![]
        }
        Msg::TogglePreview => {
            if s.screen == Screen::Wizard {
                s.preview_full = !s.preview_full;
            }
            vec![]
        }
        Msg::PreviewPage(n) => {
            let page = (s.size.1 as i32 - 6).max(1);
            scroll_preview(s, n * page);
            vec![]
        }
        Msg::Wheel(n) => {
            scroll_preview(s, n * 3);
            vec![]
        }
        Msg::OpenExport => {
            if s.screen != Screen::Wizard {
                return vec![];
            }
            leave_current(s);
            let i = s.steps.iter().position(|x| *x == Step::Export).unwrap_or(0);
            s.go_to(i);
            s.focus = Focus::Main;
            s.preview_full = false;
            vec![save(s)]
        }
        Msg::Paste(text) => match s.screen {
            Screen::Start => vec![],
            Screen::Wizard if s.focus == Focus::Sidebar => vec![],
            Screen::Wizard => match s.current() {
                Step::Shop => shop_form::paste(s, &text),
                Step::Section(sec) => providers::paste(s, sec, &text),
                Step::Policy => policy_options::paste(s, &text),
                Step::Export => export::paste(s, &text),
                Step::Review => vec![],
            },
        },
        Msg::Click { column, row } => click(s, column, row),
        Msg::Key(k) => key(s, k),
    }
}

/// A save effect for the current answers.
pub fn save(s: &mut State) -> Effect {
    s.dirty = true;
    Effect::Save
}

fn scroll_preview(s: &mut State, by: i32) {
    let Some(width) = layout(s).preview.map(|a| a.width.saturating_sub(2)) else {
        return; // No preview on screen: nothing to scroll.
    };
    s.preview_offset = s.preview_offset.saturating_add(by);
    let width = Some(width);
    match (&s.preview_cache, width) {
        (Some(c), Some(width)) if c.width == width => {
            let base = c.starts.get(s.preview_block).copied().unwrap_or(0) as i32;
            let max = c.lines.len() as i32 - 1;
            s.preview_offset = s.preview_offset.clamp(-base, (max - base).max(-base));
        }
        _ => s.preview_offset = s.preview_offset.clamp(-10_000, 10_000),
    }
}

/// Validation that runs when the user leaves a step or a field.
pub fn leave_current(s: &mut State) {
    if s.screen == Screen::Wizard && s.current() == Step::Shop {
        shop_form::leave_field(s);
    }
}

/// Moves to another step (from the sidebar, a review item, Enter or Esc).
pub fn jump(s: &mut State, i: usize) -> Vec<Effect> {
    leave_current(s);
    s.go_to(i);
    s.preview_full = false;
    vec![save(s)]
}

pub fn next_step(s: &mut State) -> Vec<Effect> {
    let i = (s.step + 1).min(s.steps.len() - 1);
    jump(s, i)
}

pub fn prev_step(s: &mut State) -> Vec<Effect> {
    if s.step == 0 {
        return vec![];
    }
    let i = s.step - 1;
    jump(s, i)
}

fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    if s.screen == Screen::Start {
        return start::key(s, k);
    }
    if s.preview_full {
        match k.code {
            KeyCode::Esc => s.preview_full = false,
            KeyCode::Up => scroll_preview(s, -1),
            KeyCode::Down => scroll_preview(s, 1),
            _ => {}
        }
        return vec![];
    }
    let modal = match s.current() {
        Step::Export => s.export.confirm.is_some(),
        Step::Section(_) => s.prov.form.is_some(),
        _ => false,
    };
    if !modal && matches!(k.code, KeyCode::Tab | KeyCode::BackTab) {
        // A focus ring: in forms Tab walks the fields first, then on to the sidebar.
        let forward = k.code == KeyCode::Tab;
        if s.focus == Focus::Main && tab_within(s, forward) {
            return vec![];
        }
        if s.focus == Focus::Main {
            leave_current(s);
            s.focus = Focus::Sidebar;
            s.sidebar_cursor = s.step;
        } else {
            s.focus = Focus::Main;
        }
        return vec![];
    }
    if s.focus == Focus::Sidebar {
        return sidebar_key(s, k);
    }
    match s.current() {
        Step::Shop => shop_form::key(s, k),
        Step::Section(sec) => providers::key(s, sec, k),
        Step::Policy => policy_options::key(s, k),
        Step::Review => review::key(s, k),
        Step::Export => export::key(s, k),
    }
}

/// Moves to the next/previous field of a form step; false at either end (or in a list).
fn tab_within(s: &mut State, forward: bool) -> bool {
    let (cur, n) = match s.current() {
        Step::Shop => (s.shop.cursor, crate::engine::answers::SHOP_FIELDS.len()),
        Step::Policy => (s.policy.cursor, 3),
        Step::Export => (s.export.cursor, 6),
        _ => return false,
    };
    let next = match (forward, cur) {
        (true, c) if c + 1 < n => c + 1,
        (false, c) if c > 0 => c - 1,
        _ => return false,
    };
    match s.current() {
        Step::Shop => shop_form::move_to(s, next),
        Step::Policy => s.policy.cursor = next,
        _ => s.export.cursor = next,
    }
    true
}

fn sidebar_key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    let n = s.steps.len();
    match k.code {
        KeyCode::Up => s.sidebar_cursor = s.sidebar_cursor.saturating_sub(1),
        KeyCode::Down => s.sidebar_cursor = (s.sidebar_cursor + 1).min(n - 1),
        KeyCode::Home => s.sidebar_cursor = 0,
        KeyCode::End => s.sidebar_cursor = n - 1,
        KeyCode::Enter | KeyCode::Right | KeyCode::Char(' ') => {
            let i = s.sidebar_cursor;
            s.focus = Focus::Main;
            return jump(s, i);
        }
        KeyCode::Esc | KeyCode::Left => s.focus = Focus::Main,
        _ => {}
    }
    vec![]
}

fn click(s: &mut State, column: u16, row: u16) -> Vec<Effect> {
    let a = layout(s);
    if a.too_small {
        return vec![];
    }
    if s.screen == Screen::Start {
        return start::click(s, &a, column, row);
    }
    if let Some(i) = sidebar_hit(s, &a, column, row) {
        s.focus = Focus::Main;
        return jump(s, i);
    }
    if s.preview_full {
        return vec![];
    }
    let Some(main) = a.main else { return vec![] };
    if !main.contains(ratatui::layout::Position { x: column, y: row }) {
        return vec![];
    }
    s.focus = Focus::Main;
    match s.current() {
        Step::Shop => shop_form::click(s, main, column, row),
        Step::Section(sec) => providers::click(s, sec, main, column, row),
        Step::Policy => policy_options::click(s, main, column, row),
        Step::Review => review::click(s, main, column, row),
        Step::Export => export::click(s, main, column, row),
    }
}

/// True when the key is plain typing (no Ctrl/Alt).
pub fn plain(k: &KeyEvent) -> bool {
    !k.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// Keeps `cursor` visible in a list of `len` rows shown `height` at a time; returns the first row.
pub fn list_offset(cursor: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    (cursor + 1).saturating_sub(height).min(len - height)
}
