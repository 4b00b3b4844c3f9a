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
