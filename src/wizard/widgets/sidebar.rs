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
use crate::wizard::widgets::list;

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
    let off = sidebar_offset(m, inner.height);
    let rows = m.steps.iter().enumerate().map(|(i, step)| {
        let (mark, kind) = match d.step_state(m, step.id) {
            StepState::NotVisited => ("·", 0),
            StepState::Done => ("✓", 1),
            StepState::Warning => ("!", 2),
            StepState::Error => ("✗", 3),
        };
        // The step on screen: ▶ and bold; the sidebar's cursor: highlighted while it has the keys.
        let current = i == m.step;
        let pointer = if current { "▶" } else { " " };
        let badge = d.badges.get(i).map_or("", String::as_str);
        let mut style = theme::step_mark(kind);
        if current {
            style = style.add_modifier(Modifier::BOLD);
        }
        list::Row::new(format!("{pointer}{mark} {}{badge}", step.label), style)
            .current(i == m.sidebar_cursor)
    });
    list::draw(f.buffer_mut(), inner, rows, off, focused);
}
