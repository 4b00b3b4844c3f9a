//! Pure state transitions: `update(state, msg)` hands the message to what has the focus
//! (the screen, the sidebar, the full preview, an overlay), carries out the navigation
//! and dialog effects that come back, and returns the file effects for the run loop
//! (saving, opening, exporting). No I/O happens here, so it is unit-testable.

use std::collections::VecDeque;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Position;

use super::layout::sidebar_hit;
use super::model::{Focus, Route};
use super::msg::{Effect, Msg, Nav};
use super::screens;
use super::state::{Overlay, State};
use super::strings::status as t;
use super::widgets::{dialog, preview_pane, sidebar};

pub fn update(s: &mut State, msg: Msg) -> Vec<Effect> {
    let fx = handle(s, msg);
    carry_out(s, fx)
}

fn handle(s: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Quit => {
            s.model.quit = true;
            vec![Effect::Quit]
        }
        Msg::Resize(w, h) => {
            s.model.size = (w, h);
            vec![]
        }
        Msg::Saved(Ok(p)) => {
            s.model.status = t::saved_in(&p);
            s.model.path = Some(p);
            vec![]
        }
        Msg::Saved(Err(e)) => {
            s.model.status = t::not_saved(&e);
            vec![]
        }
        Msg::Opened(Ok((p, a))) => {
            s.model.answers = *a;
            s.model.path = Some(p);
            s.enter_wizard();
            s.model.status = t::OPENED.into();
            vec![]
        }
        Msg::Opened(Err(e)) => {
            s.model.status = t::cannot_open(&e);
            vec![]
        }
        Msg::ExportExists(_)
        | Msg::Exported(_)
        | Msg::Chose { .. }
        | Msg::Recorded(_)
        | Msg::DirMade(_) => {
            if matches!(msg, Msg::Chose { .. }) {
                s.overlay = None;
            }
            let id = s.model.active();
            s.with_screen(id, |scr, cx| scr.reply(cx, &msg))
        }
        _ if s.overlay == Some(Overlay::Help) => {
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
                s.overlay = None;
            }
            vec![]
        }
        _ if matches!(s.overlay, Some(Overlay::Dialog(_))) => {
            let Some(Overlay::Dialog(d)) = &s.overlay else {
                return vec![];
            };
            match &msg {
                Msg::Key(k) => match dialog::answer(d, k) {
                    Some(m) => handle(s, m),
                    None => vec![],
                },
                _ => vec![],
            }
        }
        Msg::Help => {
            s.overlay = Some(Overlay::Help);
            vec![]
        }
        Msg::TogglePreview => {
            if s.model.in_wizard() {
                s.model.focus = if s.model.focus == Focus::Preview {
                    Focus::Main
                } else {
                    Focus::Preview
                };
            }
            vec![]
        }
        Msg::PreviewPage(n) => {
            let page = (s.model.size.1 as i32 - 6).max(1);
            scroll_preview(s, n * page);
            vec![]
        }
        Msg::Wheel(n) => {
            scroll_preview(s, n * 3);
            vec![]
        }
        Msg::OpenExport => {
            if !s.model.in_wizard() {
                return vec![];
            }
            s.model.focus = Focus::Main;
            vec![Effect::Go(Nav::Step(screens::export::ID))]
        }
        Msg::Paste(text) => {
            if s.model.focus != Focus::Main {
                return vec![];
            }
            let id = s.model.active();
            s.with_screen(id, |scr, cx| scr.paste(cx, &text))
        }
        Msg::Click { column, row } => click(s, column, row),
        Msg::Key(k) => key(s, k),
    }
}

/// Carries out navigation and dialogs; returns the effects for the run loop.
fn carry_out(s: &mut State, fx: Vec<Effect>) -> Vec<Effect> {
    let mut queue: VecDeque<Effect> = fx.into();
    let mut out = vec![];
    while let Some(e) = queue.pop_front() {
        match e {
            Effect::Go(nav) => queue.extend(navigate(s, nav)),
            Effect::Ask(d) => s.overlay = Some(Overlay::Dialog(d)),
            Effect::Save => {
                // The answers changed: the check and the preview are stale.
                s.derived.dirty = true;
                if !out.contains(&Effect::Save) {
                    out.push(Effect::Save);
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn navigate(s: &mut State, nav: Nav) -> Vec<Effect> {
    let step = s.model.step;
    match nav {
        Nav::Next => jump(s, step + 1),
        Nav::Prev if step == 0 => vec![],
        Nav::Prev => jump(s, step - 1),
        Nav::Step(id) => match s.model.step_index(id) {
            Some(i) => jump(s, i),
            None => vec![],
        },
        Nav::Field(id, field) => {
            let fx = navigate(s, Nav::Step(id));
            s.with_screen(id, |scr, _| scr.focus_field(&field));
            fx
        }
        Nav::Wizard => {
            s.enter_wizard();
            vec![]
        }
        Nav::Page(id) => {
            s.leave_active();
            s.model.back = s.model.route;
            s.model.route = Route::Page(id);
            s.model.focus = Focus::Main;
            s.with_screen(id, |scr, cx| scr.enter(cx));
            vec![]
        }
        Nav::Back => {
            s.model.route = s.model.back;
            vec![]
        }
    }
}

/// Moves to another step (from the sidebar, a review item, Enter or Esc).
fn jump(s: &mut State, i: usize) -> Vec<Effect> {
    s.leave_active();
    s.go_to(i.min(s.model.steps.len() - 1));
    if s.model.focus == Focus::Preview {
        s.model.focus = Focus::Main;
    }
    vec![Effect::Save]
}

fn scroll_preview(s: &mut State, by: i32) {
    let Some(width) = s.areas().preview.map(|a| a.width.saturating_sub(2)) else {
        return; // No preview on screen: nothing to scroll.
    };
    s.derived.scroll_by(by, width);
}

fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    let id = s.model.active();
    if !s.model.in_wizard() {
        return s.with_screen(id, |scr, cx| scr.key(cx, k));
    }
    match s.model.focus {
        Focus::Preview => {
            match preview_pane::action(&k) {
                Some(preview_pane::Act::Leave) => s.model.focus = Focus::Main,
                Some(preview_pane::Act::Up) => scroll_preview(s, -1),
                Some(preview_pane::Act::Down) => scroll_preview(s, 1),
                None => {}
            }
            return vec![];
        }
        Focus::Sidebar | Focus::Main => {}
    }
    let modal = s.active().modal();
    if !modal && matches!(k.code, KeyCode::Tab | KeyCode::BackTab) {
        // A focus ring: in forms Tab walks the fields first, then on to the sidebar.
        let forward = k.code == KeyCode::Tab;
        if s.model.focus == Focus::Main {
            if s.with_screen(id, |scr, cx| scr.tab(cx, forward)) {
                return vec![];
            }
            s.leave_active();
            s.model.focus = Focus::Sidebar;
            s.model.sidebar_cursor = s.model.step;
        } else {
            s.model.focus = Focus::Main;
        }
        return vec![];
    }
    if s.model.focus == Focus::Sidebar {
        return sidebar_key(s, k);
    }
    s.with_screen(id, |scr, cx| scr.key(cx, k))
}

fn sidebar_key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    let n = s.model.steps.len();
    let m = &mut s.model;
    match sidebar::action(&k) {
        Some(sidebar::Act::Up) => m.sidebar_cursor = m.sidebar_cursor.saturating_sub(1),
        Some(sidebar::Act::Down) => m.sidebar_cursor = (m.sidebar_cursor + 1).min(n - 1),
        Some(sidebar::Act::Home) => m.sidebar_cursor = 0,
        Some(sidebar::Act::End) => m.sidebar_cursor = n - 1,
        Some(sidebar::Act::Open) => {
            let i = m.sidebar_cursor;
            m.focus = Focus::Main;
            return jump(s, i);
        }
        Some(sidebar::Act::Leave) => m.focus = Focus::Main,
        None => {}
    }
    vec![]
}

fn click(s: &mut State, column: u16, row: u16) -> Vec<Effect> {
    let a = s.areas();
    if a.too_small {
        return vec![];
    }
    if let Some(i) = sidebar_hit(&s.model, &a, column, row) {
        s.model.focus = Focus::Main;
        return jump(s, i);
    }
    if s.model.focus == Focus::Preview {
        return vec![];
    }
    let Some(main) = a.main else { return vec![] };
    if !main.contains(Position { x: column, y: row }) {
        return vec![];
    }
    s.model.focus = Focus::Main;
    let id = s.model.active();
    s.with_screen(id, |scr, cx| scr.click(cx, main, column, row))
}
