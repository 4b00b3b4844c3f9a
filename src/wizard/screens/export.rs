//! Export: formats (checkboxes), folder, write; asks before overwriting; refuses with errors.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{dim, error, fit, highlight};
use crate::engine::{Format, Severity};
use crate::wizard::state::{Effect, Focus, State};
use crate::wizard::update::prev_step;

pub const KEYS: &[(&str, &str)] = &[
    ("↑/↓", "vorige/volgende regel"),
    ("Spatie", "formaat aan/uit"),
    ("Enter", "op een formaat: aan/uit; op Exporteren: schrijven"),
    ("j / n", "bestaande bestanden wel/niet overschrijven"),
    ("Esc", "vorige stap (of de vraag sluiten)"),
];

const ROWS: usize = 6;
const DIR_ROW: usize = 4;
const BUTTON_ROW: usize = 5;

/// Renders the chosen formats; None (with the reasons set) when export is refused.
pub fn prepare(s: &mut State, overwrite: bool) -> Vec<Effect> {
    s.export.written.clear();
    s.export.errors.clear();
    if s.has_errors() {
        s.export.errors = s
            .diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}: {}", d.field, d.message))
            .collect();
        return vec![];
    }
    let formats = s.export_formats();
    if formats.is_empty() {
        s.export.errors = vec!["Kies ten minste één formaat.".into()];
        return vec![];
    }
    if s.export.dir.value().trim().is_empty() {
        s.export.errors = vec!["Vul de map in waar de bestanden moeten komen.".into()];
        return vec![];
    }
    let mut files = Vec::new();
    for f in formats {
        match s.engine.render(&s.answers, f) {
            Ok(text) => files.push((s.export_path(f), text)),
            Err(e) => {
                s.export.errors = vec![e.to_string()];
                return vec![];
            }
        }
    }
    s.export.busy = true;
    vec![Effect::Export { files, overwrite }]
}

pub fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    if s.export.confirm.is_some() {
        match k.code {
            KeyCode::Char('j') | KeyCode::Char('J') | KeyCode::Char('y') => {
                s.export.confirm = None;
                return prepare(s, true);
            }
            KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                s.export.confirm = None;
                s.status = "Niet geëxporteerd: bestaande bestanden blijven staan".into();
            }
            _ => {}
        }
        return vec![];
    }
    match k.code {
        KeyCode::Up => s.export.cursor = s.export.cursor.saturating_sub(1),
        KeyCode::Down => s.export.cursor = (s.export.cursor + 1).min(ROWS - 1),
        KeyCode::Esc => return prev_step(s),
        KeyCode::Enter if s.export.cursor == BUTTON_ROW => return prepare(s, false),
        KeyCode::Enter if s.export.cursor == DIR_ROW => s.export.cursor = BUTTON_ROW,
        KeyCode::Enter | KeyCode::Char(' ') if s.export.cursor < DIR_ROW => {
            let i = s.export.cursor;
            s.export.formats[i] = !s.export.formats[i];
        }
        KeyCode::Char(' ') if s.export.cursor == BUTTON_ROW => return prepare(s, false),
        _ if s.export.cursor == DIR_ROW => {
            s.export.dir.handle_key(k);
        }
        _ => {}
    }
    vec![]
}

pub fn paste(s: &mut State, text: &str) -> Vec<Effect> {
    if s.export.cursor == DIR_ROW && s.export.confirm.is_none() {
        s.export.dir.paste(text);
    }
    vec![]
}

pub fn click(s: &mut State, main: Rect, column: u16, row: u16) -> Vec<Effect> {
    if s.export.confirm.is_some() {
        return vec![];
    }
    let first = main.y + 2;
    if row < first {
        return vec![];
    }
    let r = (row - first) as usize;
    if r < DIR_ROW {
        s.export.cursor = r;
        s.export.formats[r] = !s.export.formats[r];
    } else if r == DIR_ROW + 1 {
        s.export.cursor = DIR_ROW;
        let x = main.x + 7;
        if column >= x {
            let w = main.width.saturating_sub(2).saturating_sub(6);
            s.export.dir.click(column - x, w);
        }
    } else if r == DIR_ROW + 3 {
        s.export.cursor = BUTTON_ROW;
        return prepare(s, false);
    }
    vec![]
}

pub fn view(f: &mut Frame, main: Rect, s: &State) {
    let focused = s.focus == Focus::Main;
    let w = main.width.saturating_sub(2);
    super::title(f, main, "Exporteren");
    let first = main.y + 2;
    let style_of = |row: usize| {
        if s.export.cursor == row && focused {
            highlight()
        } else {
            Style::new()
        }
    };
    let mut cursor_pos = None;
    {
        let buf = f.buffer_mut();
        for (i, fmt) in Format::ALL.iter().enumerate() {
            let on = if s.export.formats[i] { "x" } else { " " };
            let p = if s.export.cursor == i { "›" } else { " " };
            let text = format!("{p}[{on}] {} (.{})", fmt.label(), fmt.extension());
            buf.set_string(
                main.x + 1,
                first + i as u16,
                fit(&text, w as usize),
                style_of(i),
            );
        }
        let y = first + DIR_ROW as u16 + 1;
        let p = if s.export.cursor == DIR_ROW {
            "›"
        } else {
            " "
        };
        buf.set_string(main.x + 1, y, format!("{p}Map: "), Style::new());
        let area = Rect::new(main.x + 7, y, w.saturating_sub(6), 1);
        let st = if s.export.cursor == DIR_ROW && focused {
            highlight().remove_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        };
        let cx = s.export.dir.render(area, buf, st);
        if s.export.cursor == DIR_ROW && focused {
            cursor_pos = Some((cx, y));
        }
        buf.set_string(
            main.x + 1,
            first + DIR_ROW as u16 + 3,
            if s.export.cursor == BUTTON_ROW {
                "›[ Exporteren ]"
            } else {
                " [ Exporteren ]"
            },
            style_of(BUTTON_ROW),
        );
    }
    let mut lines: Vec<Line> = Vec::new();
    if !s.export.errors.is_empty() {
        if s.has_errors() {
            lines.push(Line::from(Span::styled(
                "Exporteren kan pas als deze fouten zijn opgelost:",
                error().add_modifier(Modifier::BOLD),
            )));
        }
        for e in &s.export.errors {
            lines.push(Line::from(Span::styled(format!("✗ {e}"), error())));
        }
    } else if s.has_errors() && s.export.confirm.is_none() {
        let n = s
            .diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        lines.push(Line::from(Span::styled(
            format!("Er zijn nog {n} fout(en); exporteren kan pas als ze zijn opgelost."),
            error(),
        )));
        lines.push(Line::from(Span::styled(
            "Zie de stap Controle, of druk op Exporteren voor de lijst.",
            dim(),
        )));
    } else if !s.export.written.is_empty() {
        lines.push(Line::from(Span::styled(
            "Geschreven:",
            Style::new().add_modifier(Modifier::BOLD),
        )));
        for p in &s.export.written {
            lines.push(Line::from(format!("✓ {}", p.display())));
        }
    } else {
        lines.push(Line::from(Span::styled("Bestanden:", dim())));
        for fmt in s.export_formats() {
            lines.push(Line::from(Span::styled(
                s.export_path(fmt).display().to_string(),
                dim(),
            )));
        }
    }
    let top = first + DIR_ROW as u16 + 5;
    if top < main.y + main.height {
        f.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }),
            Rect::new(main.x + 1, top, w, main.y + main.height - top),
        );
    }
    if let Some(files) = &s.export.confirm {
        let h = (files.len() as u16 + 5).min(main.height);
        let area = Rect::new(main.x + 1, main.y + 3, w, h);
        let mut lines = vec![Line::from("Deze bestanden bestaan al:")];
        for p in files {
            lines.push(Line::from(format!("  {}", p.display())));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            "Overschrijven? j = ja, n of Esc = nee",
            Style::new().add_modifier(Modifier::BOLD),
        )));
        f.render_widget(Clear, area);
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::new().borders(Borders::ALL).title(" Overschrijven? ")),
            area,
        );
        return;
    }
    if let Some(p) = cursor_pos {
        f.set_cursor_position(p);
    }
}
