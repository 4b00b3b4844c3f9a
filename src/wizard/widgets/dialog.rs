//! A question over the whole screen (`msg::Dialog`): its lines and its answers, each a key.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use crate::wizard::keymap::Row;
use crate::wizard::msg::{Dialog, Msg};
use crate::wizard::theme;

/// The answer a key gives, as the message for the screen.
pub fn answer(d: &Dialog, k: &KeyEvent) -> Option<Msg> {
    let value = match k.code {
        KeyCode::Esc => d.cancel?,
        KeyCode::Char(c) => {
            d.choices
                .iter()
                .find(|(key, _, _)| key.eq_ignore_ascii_case(&c))?
                .2
        }
        _ => return None,
    };
    Some(Msg::Chose {
        dialog: d.id,
        value,
    })
}

/// The dialog's answers as footer and help lines.
pub fn keys(d: &Dialog) -> Vec<Row> {
    d.choices
        .iter()
        .map(|(key, label, _)| Row {
            keys: key.to_string(),
            short: key.to_string(),
            footer: Some(label),
            help: label,
        })
        .collect()
}

pub fn view(f: &mut Frame, d: &Dialog) {
    let size = f.area();
    let w = size.width.saturating_sub(4).min(70);
    let mut lines: Vec<Line> = d.lines.iter().map(|l| Line::from(l.as_str())).collect();
    lines.push(Line::from(""));
    let answers: Vec<String> = d
        .choices
        .iter()
        .map(|(k, label, _)| format!("{k} = {label}"))
        .collect();
    lines.push(Line::from(Span::styled(answers.join("   "), theme::bold())));
    let h = (lines.len() as u16 + 2).min(size.height);
    let area = Rect::new((size.width - w) / 2, (size.height - h) / 2, w, h);
    f.render_widget(Clear, area);
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::new()
                .borders(Borders::ALL)
                .border_type(BorderType::Thick)
                .title(format!(" {} ", d.title)),
        ),
        area,
    );
}
