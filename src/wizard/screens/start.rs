//! Start screen: a new policy, a recent file, or a preset (each with its description).

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::{dim, fit, highlight};
use crate::engine::Answers;
use crate::wizard::layout::Areas;
use crate::wizard::state::{Effect, StartItem, State};
use crate::wizard::update::{list_offset, save};

pub const KEYS: &[(&str, &str)] = &[
    ("↑/↓", "kies een regel"),
    ("Enter", "openen of beginnen"),
    ("klik", "kies en open"),
];

/// Rows of the list: `Some(item index)` or a heading (`None` with its text).
fn rows(s: &State) -> Vec<(Option<usize>, String)> {
    let mut rows = Vec::new();
    let mut last_kind = 0;
    for (i, item) in s.start_items.iter().enumerate() {
        let kind = match item {
            StartItem::New => 0,
            StartItem::Recent(_) => 1,
            StartItem::Preset(_) => 2,
        };
        if kind != last_kind {
            rows.push((None, String::new()));
            rows.push((
                None,
                match kind {
                    1 => "Recente bestanden".to_string(),
                    _ => "Beginnen met een preset".to_string(),
                },
            ));
            last_kind = kind;
        }
        let text = match item {
            StartItem::New => "Nieuw privacybeleid (leeg beginnen)".to_string(),
            StartItem::Recent(p) => p.display().to_string(),
            StartItem::Preset(id) => s
                .engine
                .presets()
                .iter()
                .find(|p| &p.id == id)
                .map(|p| format!("{} — {}", p.name, p.description))
                .unwrap_or_else(|| id.clone()),
        };
        rows.push((Some(i), text));
    }
    rows
}

fn list_area(main: Rect) -> Rect {
    // Two lines of introduction on top, three lines of description at the bottom.
    Rect::new(
        main.x + 1,
        main.y + 3,
        main.width.saturating_sub(2),
        main.height.saturating_sub(7),
    )
}

pub fn activate(s: &mut State) -> Vec<Effect> {
    let Some(item) = s.start_items.get(s.start_cursor).cloned() else {
        return vec![];
    };
    let mut a = Answers::default();
    match item {
        StartItem::Recent(p) => return vec![Effect::Open(p)],
        StartItem::New => {}
        StartItem::Preset(id) => a.preset = Some(id),
    }
    a.shop.effective_date = Some(s.today.clone());
    s.answers = a;
    s.dirty = true;
    s.enter_wizard();
    s.status = "Nieuw privacybeleid".into();
    vec![save(s)]
}

pub fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    let n = s.start_items.len();
    match k.code {
        KeyCode::Up => s.start_cursor = s.start_cursor.saturating_sub(1),
        KeyCode::Down | KeyCode::Tab => s.start_cursor = (s.start_cursor + 1).min(n - 1),
        KeyCode::BackTab => s.start_cursor = s.start_cursor.saturating_sub(1),
        KeyCode::Home => s.start_cursor = 0,
        KeyCode::End => s.start_cursor = n - 1,
        KeyCode::Enter => return activate(s),
        KeyCode::Esc => return vec![],
        _ => {}
    }
    vec![]
}

/// The first visible row, so that the highlighted item is in view.
fn offset<T>(s: &State, rows: &[(Option<usize>, T)], height: u16) -> usize {
    let cur_row = rows
        .iter()
        .position(|(i, _)| *i == Some(s.start_cursor))
        .unwrap_or(0);
    list_offset(cur_row, rows.len(), height as usize)
}

pub fn click(s: &mut State, a: &Areas, column: u16, row: u16) -> Vec<Effect> {
    let Some(main) = a.main else { return vec![] };
    let area = list_area(main);
    if column < area.x || column >= area.x + area.width || row < area.y {
        return vec![];
    }
    let rows = rows(s);
    let off = offset(s, &rows, area.height);
    let r = (row - area.y) as usize + off;
    if (row - area.y) < area.height {
        if let Some((Some(i), _)) = rows.get(r) {
            s.start_cursor = *i;
            return activate(s);
        }
    }
    vec![]
}

pub fn view(f: &mut Frame, main: Rect, s: &State) {
    let intro = Paragraph::new(vec![
        Line::from(Span::styled(
            "Welkom. Met deze wizard schrijft u het privacybeleid van uw webwinkel.",
            Style::new().add_modifier(Modifier::BOLD),
        )),
        Line::from("Kies hoe u wilt beginnen en druk op Enter."),
    ]);
    f.render_widget(
        intro,
        Rect::new(main.x + 1, main.y, main.width.saturating_sub(2), 2),
    );
    let area = list_area(main);
    let rows = rows(s);
    let off = offset(s, &rows, area.height);
    let width = area.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .skip(off)
        .take(area.height as usize)
        .map(|(i, text)| match i {
            None => Line::from(Span::styled(
                fit(text, width),
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            )),
            Some(i) if *i == s.start_cursor => {
                Line::from(Span::styled(fit(&format!("> {text}"), width), highlight()))
            }
            Some(_) => Line::from(fit(&format!("  {text}"), width)),
        })
        .collect();
    f.render_widget(Paragraph::new(lines), area);
    // The highlighted item in full.
    let desc = match s.start_items.get(s.start_cursor) {
        Some(StartItem::Preset(id)) => s
            .engine
            .presets()
            .iter()
            .find(|p| &p.id == id)
            .map(|p| format!("{}: {}", p.name, p.description))
            .unwrap_or_default(),
        Some(StartItem::Recent(p)) => format!("Verder met {}", p.display()),
        _ => match &s.path {
            Some(p) => format!("Begint een nieuw beleid in {}.", p.display()),
            None => "Begint een nieuw, leeg beleid. Het wordt bewaard in uw gegevensmap.".into(),
        },
    };
    let d_area = Rect::new(
        main.x,
        main.y + main.height.saturating_sub(4),
        main.width,
        4.min(main.height),
    );
    f.render_widget(
        Paragraph::new(desc)
            .style(dim())
            .wrap(Wrap { trim: true })
            .block(Block::new().borders(Borders::TOP)),
        d_area,
    );
}
