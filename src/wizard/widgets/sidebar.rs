//! The list of steps with their state; click or Enter jumps there.

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;

use crate::wizard::screens::{fit, highlight};
use crate::wizard::state::{Focus, State, StepState};

/// The first step shown when the list is taller than the sidebar (small windows): the step
/// under the cursor, or the current one, stays in view.
pub fn offset(s: &State, height: u16) -> usize {
    let at = if s.focus == Focus::Sidebar {
        s.sidebar_cursor
    } else {
        s.step
    };
    crate::wizard::update::list_offset(at, s.steps.len(), height as usize)
}

pub fn view(f: &mut Frame, area: Rect, s: &State) {
    let focused = s.focus == Focus::Sidebar;
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Stappen ")
        .border_style(if focused {
            Style::new().fg(Color::Cyan)
        } else {
            Style::new().fg(Color::DarkGray)
        });
    let inner = block.inner(area);
    f.render_widget(block, area);
    let buf = f.buffer_mut();
    let off = offset(s, inner.height);
    for (row, (i, step)) in s
        .steps
        .iter()
        .enumerate()
        .skip(off)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + row as u16;
        let (mark, color) = match s.step_state(*step) {
            StepState::NotVisited => ("·", Color::DarkGray),
            StepState::Done => ("✓", Color::Green),
            StepState::Warning => ("!", Color::Yellow),
            StepState::Error => ("✗", Color::Red),
        };
        let current = i == s.step;
        let pointer = if current { "▶" } else { " " };
        // Provider steps show how many are chosen.
        let count = match step {
            crate::wizard::state::Step::Section(sec) => match s.selected(*sec).len() {
                0 => String::new(),
                n => format!(" ({n})"),
            },
            _ => String::new(),
        };
        let text = fit(
            &format!("{pointer}{mark} {}{count}", step.label()),
            inner.width as usize,
        );
        let mut style = Style::new().fg(color);
        if current {
            style = style.add_modifier(Modifier::BOLD);
        }
        if focused && i == s.sidebar_cursor {
            style = highlight();
        }
        buf.set_string(inner.x, y, " ".repeat(inner.width as usize), style);
        buf.set_string(inner.x, y, text, style);
    }
}
