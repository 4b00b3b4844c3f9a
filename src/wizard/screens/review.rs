//! Review: every check diagnostic; Enter jumps to the step it is about.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::{dim, error, fit, highlight, warning};
use crate::engine::answers::SHOP_FIELDS;
use crate::engine::Severity;
use crate::wizard::state::{step_of, Effect, Focus, State, Step};
use crate::wizard::update::{jump, list_offset, next_step, prev_step};

pub const KEYS: &[(&str, &str)] = &[
    ("↑/↓", "door de meldingen"),
    (
        "Enter",
        "naar de stap van de melding (zonder meldingen: verder)",
    ),
    ("Esc", "vorige stap"),
];

pub fn open(s: &mut State, i: usize) -> Vec<Effect> {
    let Some(d) = s.diags.get(i).cloned() else {
        return next_step(s);
    };
    let step = step_of(&d.field, &s.answers);
    let idx = s.steps.iter().position(|x| *x == step).unwrap_or(0);
    let fx = jump(s, idx);
    if step == Step::Shop {
        if let Some(key) = d.field.strip_prefix("shop.") {
            if let Some(f) = SHOP_FIELDS.iter().position(|k| *k == key) {
                s.shop.cursor = f;
            }
        }
    }
    fx
}

pub fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    let n = s.diags.len();
    match k.code {
        KeyCode::Up => s.review_cursor = s.review_cursor.saturating_sub(1),
        KeyCode::Down => s.review_cursor = (s.review_cursor + 1).min(n.saturating_sub(1)),
        KeyCode::Home => s.review_cursor = 0,
        KeyCode::End => s.review_cursor = n.saturating_sub(1),
        KeyCode::Enter => return open(s, s.review_cursor),
        KeyCode::Esc => return prev_step(s),
        _ => {}
    }
    vec![]
}

fn list_area(main: Rect) -> Rect {
    Rect::new(
        main.x + 1,
        main.y + 3,
        main.width.saturating_sub(2),
        main.height.saturating_sub(6),
    )
}

pub fn click(s: &mut State, main: Rect, _column: u16, row: u16) -> Vec<Effect> {
    let a = list_area(main);
    if row < a.y || row >= a.y + a.height {
        return vec![];
    }
    let off = list_offset(s.review_cursor, s.diags.len(), a.height as usize);
    let i = (row - a.y) as usize + off;
    if i < s.diags.len() {
        s.review_cursor = i;
        return open(s, i);
    }
    vec![]
}

pub fn view(f: &mut Frame, main: Rect, s: &State) {
    let w = main.width.saturating_sub(2) as usize;
    let (errors, warnings) = s.diag_counts();
    let summary = if s.diags.is_empty() {
        "Alles in orde: geen fouten en geen waarschuwingen.".to_string()
    } else {
        format!("{errors} fout(en) en {warnings} waarschuwing(en). Enter gaat naar de stap.")
    };
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                "Controle",
                Style::new().add_modifier(Modifier::BOLD),
            )),
            Line::from(Span::styled(fit(&summary, w), dim())),
        ]),
        Rect::new(main.x + 1, main.y, main.width.saturating_sub(2), 2),
    );
    let a = list_area(main);
    let off = list_offset(s.review_cursor, s.diags.len(), a.height as usize);
    let focused = s.focus == Focus::Main;
    let buf = f.buffer_mut();
    for (i, d) in s.diags.iter().enumerate().skip(off).take(a.height as usize) {
        let y = a.y + (i - off) as u16;
        let (mark, st) = match d.severity {
            Severity::Error => ("✗", error()),
            Severity::Warning => ("!", warning()),
            Severity::Info => ("i", dim()),
        };
        let step = step_of(&d.field, &s.answers);
        let pointer = if i == s.review_cursor { "›" } else { " " };
        let text = format!("{pointer}{mark} {}: {}", step.label(), d.message);
        let style = if i == s.review_cursor && focused {
            highlight()
        } else {
            st
        };
        buf.set_string(a.x, y, fit(&text, a.width as usize), style);
    }
    if let Some(d) = s.diags.get(s.review_cursor) {
        f.render_widget(
            Paragraph::new(format!("{} ({})", d.message, d.field))
                .style(dim())
                .wrap(Wrap { trim: true }),
            Rect::new(
                main.x + 1,
                main.y + main.height.saturating_sub(3),
                main.width.saturating_sub(2),
                3.min(main.height),
            ),
        );
    }
}
