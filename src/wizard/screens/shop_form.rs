//! Shop details: one text field per SHOP_FIELDS key, checked when the user leaves it.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{error, fit, highlight};
use crate::engine::answers::SHOP_FIELDS;
use crate::engine::rules;
use crate::wizard::state::{Effect, State};
use crate::wizard::update::{next_step, prev_step, save};

pub const KEYS: &[(&str, &str)] = &[
    ("↑/↓", "vorig/volgend veld"),
    ("Enter", "volgend veld; na het laatste: volgende stap"),
    ("←/→ Home/End", "cursor in het veld"),
    ("Ctrl+←/→", "woord terug/verder"),
    ("Backspace/Delete", "teken wissen"),
    ("Esc", "vorige stap"),
];

pub const REQUIRED: [&str; 5] = [
    "name",
    "website",
    "effective_date",
    "email",
    "privacy_contact",
];

pub fn label(key: &str) -> &'static str {
    match key {
        "name" => "Naam webwinkel",
        "operator" => "Bedrijfsnaam",
        "website" => "Website",
        "effective_date" => "Ingangsdatum",
        "street" => "Straat en huisnr.",
        "postcode" => "Postcode",
        "city" => "Plaats",
        "country" => "Land",
        "phone" => "Telefoon",
        "email" => "E-mailadres",
        "kvk" => "KvK-nummer",
        "vat" => "Btw-id",
        "privacy_contact" => "Contact privacy",
        _ => "",
    }
}

fn hint(key: &str) -> &'static str {
    match key {
        "name" => "De naam zoals klanten die kennen.",
        "operator" => "De juridische naam (bv. Jansen Handel B.V.), als die anders is.",
        "website" => "Volledig webadres, bijvoorbeeld https://www.uwwinkel.nl",
        "effective_date" => "Vanaf wanneer dit beleid geldt: JJJJ-MM-DD.",
        "street" => "Bezoek- of vestigingsadres.",
        "postcode" => "Bijvoorbeeld 1234 AB.",
        "city" => "Vestigingsplaats.",
        "country" => "Leeg laten voor Nederland.",
        "phone" => "Bijvoorbeeld 020 123 4567.",
        "email" => "Het adres waarop klanten u bereiken.",
        "kvk" => "8 cijfers.",
        "vat" => "Bijvoorbeeld NL123456789B01.",
        "privacy_contact" => "Naam of functie van wie privacyvragen beantwoordt.",
        _ => "",
    }
}

/// The message for a field the user leaves: rule check, or required and empty.
pub fn field_error(key: &str, value: &str) -> Option<String> {
    if value.trim().is_empty() {
        return REQUIRED
            .contains(&key)
            .then(|| "verplicht veld: vul dit in".to_string());
    }
    rules::check_shop_field(key, value)
}

pub fn leave_field(s: &mut State) {
    let i = s.shop.cursor.min(SHOP_FIELDS.len() - 1);
    let key = SHOP_FIELDS[i];
    let value = s.shop.inputs.get(i).map(|t| t.value()).unwrap_or_default();
    match field_error(key, &value) {
        Some(m) => {
            s.shop.errors.insert(key, m);
        }
        None => {
            s.shop.errors.remove(key);
        }
    }
}

pub fn move_to(s: &mut State, i: usize) {
    leave_field(s);
    s.shop.cursor = i.min(SHOP_FIELDS.len() - 1);
}

fn commit(s: &mut State) -> Vec<Effect> {
    let i = s.shop.cursor;
    let value = s.shop.inputs[i].value();
    s.answers.shop.set(SHOP_FIELDS[i], &value);
    // A corrected field loses its message at once; a new one waits until the user leaves.
    if field_error(SHOP_FIELDS[i], &value).is_none() {
        s.shop.errors.remove(SHOP_FIELDS[i]);
    }
    vec![save(s)]
}

pub fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    let n = SHOP_FIELDS.len();
    if s.shop.inputs.len() != n {
        s.reload_forms();
    }
    match k.code {
        KeyCode::Up => move_to(s, s.shop.cursor.saturating_sub(1)),
        KeyCode::Down => move_to(s, s.shop.cursor + 1),
        KeyCode::Enter => {
            if s.shop.cursor + 1 >= n {
                return next_step(s);
            }
            move_to(s, s.shop.cursor + 1);
        }
        KeyCode::Esc => return prev_step(s),
        _ => {
            let i = s.shop.cursor;
            if s.shop.inputs[i].handle_key(k) {
                return commit(s);
            }
        }
    }
    vec![]
}

pub fn paste(s: &mut State, text: &str) -> Vec<Effect> {
    if s.shop.inputs.len() != SHOP_FIELDS.len() {
        s.reload_forms();
    }
    let i = s.shop.cursor;
    s.shop.inputs[i].paste(text);
    commit(s)
}

/// Rows: (field index, None) for a field, (field index, Some(text)) for a line of its message.
fn rows(s: &State, width: u16) -> Vec<(usize, Option<String>)> {
    super::form_rows(
        SHOP_FIELDS
            .iter()
            .enumerate()
            .map(|(i, k)| (i, s.shop.errors.get(k))),
        width,
    )
}

pub fn click(s: &mut State, main: Rect, column: u16, row: u16) -> Vec<Effect> {
    let area = super::form_area(main);
    if row < area.y || row >= area.y + area.height {
        return vec![];
    }
    let rows = rows(s, area.width);
    let off = super::form_offset(&rows, s.shop.cursor, area.height);
    if let Some((i, err)) = rows.get((row - area.y) as usize + off) {
        move_to(s, *i);
        let input_x = area.x + LABEL_W;
        if err.is_none() && column >= input_x {
            if let Some(input) = s.shop.inputs.get_mut(*i) {
                input.click(column - input_x, area.width.saturating_sub(LABEL_W));
            }
        }
    }
    vec![]
}

const LABEL_W: u16 = 20;

pub fn view(f: &mut Frame, main: Rect, s: &State) {
    let focused = s.focus == crate::wizard::state::Focus::Main;
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                "Gegevens van uw webwinkel",
                Style::new().add_modifier(Modifier::BOLD),
            )),
            Line::from(Span::styled(
                fit("Velden met * zijn verplicht.", main.width as usize),
                super::dim(),
            )),
        ]),
        Rect::new(main.x + 1, main.y, main.width.saturating_sub(2), 2),
    );
    let area = super::form_area(main);
    let rows = rows(s, area.width);
    let off = super::form_offset(&rows, s.shop.cursor, area.height);
    let buf = f.buffer_mut();
    let mut cursor_pos = None;
    for (r, (i, err_line)) in rows.iter().skip(off).take(area.height as usize).enumerate() {
        let y = area.y + r as u16;
        let key = SHOP_FIELDS[*i];
        if let Some(text) = err_line {
            let text = fit(text, area.width.saturating_sub(2) as usize);
            buf.set_string(area.x + 2, y, text, error());
            continue;
        }
        let star = if REQUIRED.contains(&key) { " *" } else { "" };
        let is_cur = *i == s.shop.cursor;
        let lab = fit(
            &format!("{}{star}", label(key)),
            LABEL_W.saturating_sub(2) as usize,
        );
        let lab_style = if is_cur {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        let pointer = if is_cur { "›" } else { " " };
        buf.set_string(area.x, y, format!("{pointer}{lab}"), lab_style);
        let input_area = Rect::new(area.x + LABEL_W, y, area.width.saturating_sub(LABEL_W), 1);
        let style = if is_cur && focused {
            highlight().remove_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        };
        if let Some(input) = s.shop.inputs.get(*i) {
            let cx = input.render(input_area, buf, style);
            if is_cur && focused {
                cursor_pos = Some((cx, y));
            }
        }
    }
    let key = SHOP_FIELDS[s.shop.cursor.min(SHOP_FIELDS.len() - 1)];
    f.render_widget(
        Paragraph::new(fit(hint(key), main.width.saturating_sub(2) as usize)).style(super::dim()),
        Rect::new(
            main.x + 1,
            main.y + main.height.saturating_sub(1),
            main.width.saturating_sub(2),
            1,
        ),
    );
    if let Some((x, y)) = cursor_pos {
        f.set_cursor_position((x, y));
    }
}
