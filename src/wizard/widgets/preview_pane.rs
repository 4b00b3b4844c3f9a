//! The live preview pane: the policy wrapped to the pane, scrolled to the current part;
//! on the full width (F2) it has the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::up_down;
use crate::wizard::derived::Derived;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Focus, Model};
use crate::wizard::preview;
use crate::wizard::strings::preview as t;
use crate::wizard::theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    Leave,
}

const KEYS: &Keymap<Act> = &[
    up_down!(Act::Up, Act::Down, t::KEY_SCROLL, t::HELP_SCROLL),
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), Act::Leave)],
        footer: Some(t::KEY_LEAVE),
        help: t::HELP_LEAVE,
    },
];

pub fn keys() -> Vec<Row> {
    keymap::rows(KEYS)
}

pub fn action(k: &KeyEvent) -> Option<Act> {
    keymap::lookup(KEYS, k)
}

/// The first line shown, for a pane of `height` rows.
pub fn scroll(d: &Derived, starts: &[usize], total: usize, height: u16) -> usize {
    let base = starts.get(d.block).copied().unwrap_or(0) as i64;
    // A changed block sits a quarter down the pane, below what leads up to it;
    // a part's heading goes to the top with one line of air.
    let ctx = if d.changed.contains(&d.block) {
        (height / 4) as i64
    } else {
        1
    };
    (base - ctx + d.offset as i64).clamp(0, total.saturating_sub(1) as i64) as usize
}

pub fn view(f: &mut Frame, area: Rect, m: &Model, d: &Derived) {
    let title = if !m.in_wizard() {
        t::TITLE_EXAMPLE
    } else if m.focus == Focus::Preview {
        t::TITLE_FULL
    } else {
        t::TITLE
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme::border(false));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if d.doc.blocks.is_empty() {
        let msg = if m.in_wizard() { "" } else { t::PICK_PRESET };
        f.render_widget(
            Paragraph::new(msg)
                .style(theme::dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let fresh;
    let (lines, starts) = match &d.cache {
        Some(c) if c.width == inner.width => (&c.lines, &c.starts),
        _ => {
            fresh = preview::lines(&d.doc, inner.width, &d.changed);
            (&fresh.0, &fresh.1)
        }
    };
    let top = scroll(d, starts, lines.len(), inner.height);
    let shown: Vec<_> = lines
        .iter()
        .skip(top)
        .take(inner.height as usize)
        .cloned()
        .collect();
    f.render_widget(Paragraph::new(shown), inner);
}
