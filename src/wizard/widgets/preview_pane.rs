//! The live preview pane: the policy wrapped to the pane, scrolled to the current part.

use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use crate::wizard::preview;
use crate::wizard::state::State;

/// The first line shown, for a pane of `height` rows.
pub fn scroll(s: &State, starts: &[usize], total: usize, height: u16) -> usize {
    let base = starts.get(s.preview_block).copied().unwrap_or(0) as i64;
    // A changed block sits a quarter down the pane, below what leads up to it;
    // a part's heading goes to the top with one line of air.
    let ctx = if s.changed.contains(&s.preview_block) {
        (height / 4) as i64
    } else {
        1
    };
    (base - ctx + s.preview_offset as i64).clamp(0, total.saturating_sub(1) as i64) as usize
}

pub fn view(f: &mut Frame, area: Rect, s: &State) {
    let title = if s.screen == crate::wizard::state::Screen::Start {
        " Voorbeeld met voorbeeldgegevens "
    } else if s.preview_full {
        " Voorbeeld (F2 of Esc: terug) "
    } else {
        " Voorbeeld (F2: volledig scherm) "
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .title(title)
        .border_style(Style::new().fg(Color::DarkGray));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if s.doc.blocks.is_empty() {
        let msg = if s.screen == crate::wizard::state::Screen::Start {
            "Kies een preset om het beleid ervan hier te zien."
        } else {
            ""
        };
        f.render_widget(
            Paragraph::new(msg)
                .style(crate::wizard::screens::dim())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let fresh;
    let (lines, starts) = match &s.preview_cache {
        Some(c) if c.width == inner.width => (&c.lines, &c.starts),
        _ => {
            fresh = preview::lines(&s.doc, inner.width, &s.changed);
            (&fresh.0, &fresh.1)
        }
    };
    let top = scroll(s, starts, lines.len(), inner.height);
    let shown: Vec<_> = lines
        .iter()
        .skip(top)
        .take(inner.height as usize)
        .cloned()
        .collect();
    f.render_widget(Paragraph::new(shown), inner);
}
