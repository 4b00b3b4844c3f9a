//! The help overlay: every key of what has the focus, then the global keys; all from the
//! keymaps, like the footer.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use crate::wizard::keymap::Row;
use crate::wizard::strings::help as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::{ellipsis, fit};

/// `title`: what the keys are for; `rows`: the keys; `legend`: the sidebar's marks.
pub fn view(f: &mut Frame, title: &str, rows: &[Row], legend: bool) {
    let size = f.area();
    let h = (rows.len() as u16 + 5).min(size.height);
    let w = size.width.saturating_sub(4).min(76);
    let area = Rect::new((size.width - w) / 2, (size.height - h) / 2, w, h);
    let inner_w = w.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|r| {
            Line::from(vec![
                Span::styled(format!("{:<19}", ellipsis(&r.keys, 18)), theme::bold()),
                Span::raw(fit(r.help, inner_w.saturating_sub(19))),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    if legend {
        lines.push(Line::from(Span::styled(
            fit(t::LEGEND, inner_w),
            theme::dim(),
        )));
    }
    lines.push(Line::from(Span::styled(t::CLOSE, theme::dim())));
    f.render_widget(Clear, area);
    f.render_widget(
        Paragraph::new(lines).block(Block::new().borders(Borders::ALL).title(t::title(title))),
        area,
    );
}
