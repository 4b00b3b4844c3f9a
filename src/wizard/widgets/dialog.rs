//! A question over the whole screen (`msg::Dialog`): its lines and its answers, each a key.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

use crate::wizard::widgets::text::wrap;
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
    let w = size.width.saturating_sub(4).min(76);
    let inner_w = w.saturating_sub(2) as usize;
    // Wrapped here, so the box is as tall as its text (a list item's next lines indented).
    let mut lines: Vec<Line> = vec![];
    for l in &d.lines {
        if l.is_empty() {
            lines.push(Line::from(""));
            continue;
        }
        let (lead, rest) = match l.strip_prefix("· ") {
            Some(rest) => ("  ", rest),
            None => ("", l.as_str()),
        };
        for (i, part) in wrap(rest, inner_w.saturating_sub(lead.len()))
            .into_iter()
            .enumerate()
        {
            let prefix = match (i, lead.is_empty()) {
                (_, true) => "",
                (0, false) => "· ",
                _ => lead,
            };
            lines.push(Line::from(format!("{prefix}{part}")));
        }
    }
    lines.push(Line::from(""));
    let answers: Vec<String> = d
        .choices
        .iter()
        .map(|(k, label, _)| format!("{k} = {label}"))
        .collect();
    for part in wrap(&answers.join(" · "), inner_w) {
        lines.push(Line::from(Span::styled(part, theme::bold())));
    }
    let h = (lines.len() as u16 + 2).min(size.height);
    let area = Rect::new((size.width - w) / 2, (size.height - h) / 2, w, h);
    f.render_widget(Clear, area);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::new()
                .borders(Borders::ALL)
                .border_type(BorderType::Thick)
                .title(format!(" {} ", d.title)),
        ),
        area,
    );
}
