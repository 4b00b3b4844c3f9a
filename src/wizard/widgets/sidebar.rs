//! The list of steps with their state; its keys; click or Enter jumps there.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Borders};
use ratatui::Frame;

use crate::wizard::derived::{Derived, StepState};
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::layout::sidebar_offset;
use crate::wizard::model::{Focus, Model};
use crate::wizard::strings::sidebar as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::fit;

/// What a key in the sidebar does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    Home,
    End,
    Open,
    Leave,
}

const KEYS: &Keymap<Act> = &[
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Up), Act::Up),
            (Key::Plain(KeyCode::Down), Act::Down),
            (Key::Plain(KeyCode::Home), Act::Home),
            (Key::Plain(KeyCode::End), Act::End),
        ],
        footer: Some(t::KEY_MOVE),
        help: t::HELP_MOVE,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Enter), Act::Open),
            (Key::Plain(KeyCode::Right), Act::Open),
            (Key::Plain(KeyCode::Char(' ')), Act::Open),
        ],
        footer: Some(t::KEY_OPEN),
        help: t::HELP_OPEN,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Esc), Act::Leave),
            (Key::Plain(KeyCode::Left), Act::Leave),
        ],
        footer: Some(t::KEY_LEAVE),
        help: t::HELP_LEAVE,
    },
];

/// The sidebar's keys for the footer and the help.
pub fn keys() -> Vec<Row> {
    keymap::rows(KEYS)
}

pub fn action(k: &KeyEvent) -> Option<Act> {
    keymap::lookup(KEYS, k)
}

pub fn view(f: &mut Frame, area: Rect, m: &Model, d: &Derived) {
    let focused = m.focus == Focus::Sidebar;
    // Focus shows without colour too: a thick border and a marker in the title.
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .title(if focused { t::TITLE_FOCUSED } else { t::TITLE })
        .border_style(theme::border(focused));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let buf = f.buffer_mut();
    let off = sidebar_offset(m, inner.height);
    for (row, (i, step)) in m
        .steps
        .iter()
        .enumerate()
        .skip(off)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + row as u16;
        let (mark, kind) = match d.step_state(m, step.id) {
            StepState::NotVisited => ("·", 0),
            StepState::Done => ("✓", 1),
            StepState::Warning => ("!", 2),
            StepState::Error => ("✗", 3),
        };
        let current = i == m.step;
        let pointer = if current { "▶" } else { " " };
        let badge = d.badges.get(i).map_or("", String::as_str);
        let text = fit(
            &format!("{pointer}{mark} {}{badge}", step.label),
            inner.width as usize,
        );
        let mut style = theme::step_mark(kind);
        if current {
            style = style.add_modifier(Modifier::BOLD);
        }
        if focused && i == m.sidebar_cursor {
            style = theme::highlight();
        }
        buf.set_string(inner.x, y, " ".repeat(inner.width as usize), style);
        buf.set_string(inner.x, y, text, style);
    }
}
