//! One module per screen/step: its keys, mouse clicks and drawing.

pub mod custom_provider;
pub mod export;
pub mod policy_options;
pub mod providers;
pub mod review;
pub mod shop_form;
pub mod start;

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Rows of a form: each field, then the lines of its message (wrapped, the first with "⚠ ").
/// Shared by the shop form and the own-provider form so both read and click alike.
pub fn form_rows<'m, K: Copy>(
    fields: impl IntoIterator<Item = (K, Option<&'m String>)>,
    width: u16,
) -> Vec<(K, Option<String>)> {
    let mut rows = Vec::new();
    for (k, msg) in fields {
        rows.push((k, None));
        if let Some(msg) = msg {
            let lines = crate::wizard::preview::wrap(msg, width.saturating_sub(4) as usize);
            for (j, l) in lines.into_iter().enumerate() {
                let lead = if j == 0 { "⚠ " } else { "  " };
                rows.push((k, Some(format!("{lead}{l}"))));
            }
        }
    }
    rows
}

/// The first visible form row, so that the row of the field under the cursor is in view.
pub fn form_offset<K: PartialEq + Copy>(
    rows: &[(K, Option<String>)],
    cursor: K,
    height: u16,
) -> usize {
    let cur = rows
        .iter()
        .position(|(k, line)| *k == cursor && line.is_none())
        .unwrap_or(0);
    crate::wizard::update::list_offset(cur, rows.len(), height as usize)
}

/// The area a form's rows are drawn in: below a two-line heading, above a hint line.
pub fn form_area(main: Rect) -> Rect {
    Rect::new(
        main.x + 1,
        main.y + 2,
        main.width.saturating_sub(2),
        main.height.saturating_sub(4),
    )
}

/// A screen's bold title on the first row of its area.
pub fn title(f: &mut Frame, main: Rect, text: &str) {
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            text.to_string(),
            Style::new().add_modifier(Modifier::BOLD),
        ))),
        Rect::new(main.x + 1, main.y, main.width.saturating_sub(2), 1),
    );
}

pub fn highlight() -> Style {
    Style::new()
        .bg(Color::Blue)
        .fg(Color::White)
        .add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red)
}

pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}

/// Cuts `s` to at most `width` columns.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out
}
