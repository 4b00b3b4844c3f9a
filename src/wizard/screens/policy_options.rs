//! Policy options: retention period, customer accounts, data protection officer.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::{dim, error, fit, highlight};
use crate::wizard::state::{Effect, Focus, State};
use crate::wizard::update::{next_step, prev_step, save};

pub const KEYS: &[(&str, &str)] = &[
    ("↑/↓", "vorige/volgende vraag"),
    ("Spatie of ←/→", "klantaccounts: ja / nee / niet ingevuld"),
    ("Enter", "volgende vraag; na de laatste: volgende stap"),
    ("Esc", "vorige stap"),
];

const LABELS: [&str; 3] = [
    "Bewaartermijn (jaren)",
    "Klantaccounts",
    "Functionaris (FG)",
];

const HINTS: [&str; 3] = [
    "Hoeveel jaar na het laatste contact bewaart u klantgegevens hooguit? (1 tot 20; leeg = niet vermelden)",
    "Kunnen klanten een account aanmaken in uw winkel?",
    "Naam van de functionaris gegevensbescherming, alleen als u die hebt aangesteld; anders leeg laten.",
];

fn commit_retention(s: &mut State) -> Vec<Effect> {
    let v = s.policy.retention.value();
    let v = v.trim();
    if v.is_empty() {
        s.policy.error = None;
        s.answers.policy.retention_max_years = None;
        return vec![save(s)];
    }
    match v.parse::<u32>() {
        Ok(n) if (1..=20).contains(&n) => {
            s.policy.error = None;
            s.answers.policy.retention_max_years = Some(n);
            vec![save(s)]
        }
        _ => {
            s.policy.error = Some(format!("`{v}`: typ een aantal jaren van 1 tot 20"));
            vec![]
        }
    }
}

fn cycle_accounts(s: &mut State, forward: bool) -> Vec<Effect> {
    let order = [None, Some(true), Some(false)];
    // Start from what is shown, which may come from the preset.
    let cur = s.resolved().policy.customer_accounts;
    let pos = order.iter().position(|x| *x == cur).unwrap_or(0);
    let next = if forward {
        (pos + 1) % 3
    } else {
        (pos + 2) % 3
    };
    s.answers.policy.customer_accounts = order[next];
    vec![save(s)]
}

pub fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    match k.code {
        KeyCode::Up => s.policy.cursor = s.policy.cursor.saturating_sub(1),
        KeyCode::Down => s.policy.cursor = (s.policy.cursor + 1).min(2),
        KeyCode::Enter => {
            if s.policy.cursor >= 2 {
                return next_step(s);
            }
            s.policy.cursor += 1;
        }
        KeyCode::Esc => return prev_step(s),
        _ => match s.policy.cursor {
            0 => {
                if s.policy.retention.handle_key(k) {
                    return commit_retention(s);
                }
            }
            1 => match k.code {
                KeyCode::Char(' ') | KeyCode::Right => return cycle_accounts(s, true),
                KeyCode::Left => return cycle_accounts(s, false),
                KeyCode::Char('j') | KeyCode::Char('J') => {
                    s.answers.policy.customer_accounts = Some(true);
                    return vec![save(s)];
                }
                KeyCode::Char('n') | KeyCode::Char('N') => {
                    s.answers.policy.customer_accounts = Some(false);
                    return vec![save(s)];
                }
                _ => {}
            },
            _ => {
                if s.policy.dpo.handle_key(k) {
                    let v = s.policy.dpo.value();
                    let v = v.trim();
                    s.answers.policy.dpo = (!v.is_empty()).then(|| v.to_string());
                    return vec![save(s)];
                }
            }
        },
    }
    vec![]
}

pub fn paste(s: &mut State, text: &str) -> Vec<Effect> {
    match s.policy.cursor {
        0 => {
            s.policy.retention.paste(text);
            commit_retention(s)
        }
        2 => {
            s.policy.dpo.paste(text);
            let v = s.policy.dpo.value();
            s.answers.policy.dpo = (!v.trim().is_empty()).then(|| v.trim().to_string());
            vec![save(s)]
        }
        _ => vec![],
    }
}

pub fn click(s: &mut State, main: Rect, column: u16, row: u16) -> Vec<Effect> {
    let first = main.y + 2;
    if row >= first && row < first + 6 {
        s.policy.cursor = ((row - first) / 2) as usize;
        let x = main.x + 25;
        let w = main.width.saturating_sub(2).saturating_sub(24);
        match s.policy.cursor {
            1 => return cycle_accounts(s, true),
            0 if column >= x => s.policy.retention.click(column - x, w),
            2 if column >= x => s.policy.dpo.click(column - x, w),
            _ => {}
        }
    }
    vec![]
}

pub fn view(f: &mut Frame, main: Rect, s: &State) {
    let focused = s.focus == Focus::Main;
    let w = main.width.saturating_sub(2);
    super::title(f, main, "Keuzes voor het beleid");
    let r = s.resolved();
    let buf = f.buffer_mut();
    let mut cursor_pos = None;
    for (i, label) in LABELS.iter().enumerate() {
        let y = main.y + 2 + 2 * i as u16;
        if y >= main.y + main.height {
            break;
        }
        let is_cur = s.policy.cursor == i;
        let lab_style = if is_cur {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        let p = if is_cur { "›" } else { " " };
        buf.set_string(main.x + 1, y, format!("{p}{}", fit(label, 22)), lab_style);
        let area = Rect::new(main.x + 25, y, w.saturating_sub(24), 1);
        let style = if is_cur && focused {
            highlight().remove_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        };
        match i {
            0 | 2 => {
                let input = if i == 0 {
                    &s.policy.retention
                } else {
                    &s.policy.dpo
                };
                let cx = input.render(area, buf, style);
                if is_cur && focused {
                    cursor_pos = Some((cx, y));
                }
            }
            _ => {
                let text = match r.policy.customer_accounts {
                    Some(true) => "‹ ja ›",
                    Some(false) => "‹ nee ›",
                    None => "‹ niet ingevuld ›",
                };
                buf.set_string(area.x, y, fit(text, area.width as usize), style);
            }
        }
    }
    let mut lines = vec![];
    if let Some(e) = &s.policy.error {
        lines.push(Line::from(Span::styled(format!("⚠ {e}"), error())));
    }
    lines.push(Line::from(Span::styled(
        HINTS[s.policy.cursor.min(2)],
        dim(),
    )));
    let top = main.y + 9;
    if top < main.y + main.height {
        f.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }),
            Rect::new(main.x + 1, top, w, main.y + main.height - top),
        );
    }
    if let Some(p) = cursor_pos {
        f.set_cursor_position(p);
    }
}
