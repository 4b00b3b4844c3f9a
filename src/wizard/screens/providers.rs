//! A provider step: the section's providers (common first), type-to-filter, Space toggles,
//! variants with ←/→, and own providers (added and edited in `custom_provider`'s form).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::{custom_provider, dim, error, fit, highlight};
use crate::engine::Section;
use crate::wizard::state::{Effect, Focus, ProviderItem, State};
use crate::wizard::update::{list_offset, next_step, plain, prev_step, save};
use crate::wizard::widgets::text_input::TextInput;

pub const KEYS: &[(&str, &str)] = &[
    ("↑/↓ Home/End", "door de lijst"),
    ("Spatie", "aanbieder aan/uit"),
    ("letters", "zoeken in de lijst"),
    ("Backspace", "zoekterm inkorten"),
    (
        "←/→",
        "variant kiezen (bij een gekozen aanbieder met varianten)",
    ),
    (
        "Enter",
        "na zoeken: kies de aanbieder; anders volgende stap",
    ),
    (
        "Enter op \"+ Eigen\"",
        "eigen aanbieder toevoegen (formulier met gegevens)",
    ),
    // Enter edits only when not searching; Ctrl+E always.
    (
        "Enter / Ctrl+E",
        "eigen aanbieder bewerken; 2× Delete: verwijderen",
    ),
    ("Esc", "zoekterm wissen, anders vorige stap"),
];

struct Areas {
    search: Rect,
    list: Rect,
    summary: Rect,
}

fn areas(main: Rect) -> Areas {
    let x = main.x + 1;
    let w = main.width.saturating_sub(2);
    let list_h = main.height.saturating_sub(4 + 5);
    Areas {
        search: Rect::new(x, main.y + 3, w, 1),
        list: Rect::new(x, main.y + 4, w, list_h),
        summary: Rect::new(
            x,
            main.y + 4 + list_h,
            w,
            main.height.saturating_sub(4 + list_h),
        ),
    }
}

pub fn ensure_answered(s: &mut State, sec: Section) {
    if !s.answers.providers.is_answered(sec) {
        let list = s.selected(sec);
        s.answers.providers.set(sec, list);
    }
}

pub fn toggle(s: &mut State, sec: Section, id: &str) -> Vec<Effect> {
    ensure_answered(s, sec);
    let on = s.answers.providers.toggle(sec, id);
    if !on
        && !crate::engine::Section::ALL
            .iter()
            .any(|x| s.answers.providers.get(*x).iter().any(|p| p == id))
    {
        s.answers.variants.remove(id);
    }
    s.prov.message = None;
    vec![save(s)]
}

fn cycle_variant(s: &mut State, sec: Section, id: &str, forward: bool) -> Vec<Effect> {
    let Some(p) = s.provider(id) else {
        return vec![];
    };
    if p.variants.is_empty() || !s.selected(sec).iter().any(|x| x == id) {
        return vec![];
    }
    let ids: Vec<Option<String>> = std::iter::once(None)
        .chain(p.variants.iter().map(|v| Some(v.id.clone())))
        .collect();
    let cur = s.variant_of(id);
    let pos = ids.iter().position(|v| *v == cur).unwrap_or(0);
    let n = ids.len();
    let next = if forward {
        (pos + 1) % n
    } else {
        (pos + n - 1) % n
    };
    match &ids[next] {
        Some(v) => {
            s.answers.variants.insert(id.to_string(), v.clone());
        }
        None => {
            s.answers.variants.remove(id);
        }
    }
    vec![save(s)]
}

pub fn key(s: &mut State, sec: Section, k: KeyEvent) -> Vec<Effect> {
    if s.prov.form.is_some() {
        return custom_provider::key(s, sec, k);
    }
    let items = s.provider_items(sec);
    let n = items.len();
    s.prov.cursor = s.prov.cursor.min(n - 1);
    let item = items[s.prov.cursor].clone();
    // Only a second Delete straight after the first removes an own provider.
    let pending = s.prov.delete.take();
    if pending.is_some() && k.code != KeyCode::Delete {
        s.prov.message = None;
    }
    match k.code {
        KeyCode::Delete => {
            if let ProviderItem::Provider(id) = item {
                if s.custom(&id).is_some() {
                    if pending.as_ref() == Some(&id) {
                        return custom_provider::remove(s, sec, &id);
                    }
                    let name = s.custom(&id).map(|c| c.name.clone()).unwrap_or_default();
                    s.prov.message = Some((
                        format!(
                            "Nogmaals Delete om `{name}` hier te verwijderen; andere toets: niet"
                        ),
                        true,
                    ));
                    s.prov.delete = Some(id);
                }
            }
        }
        KeyCode::Up => s.prov.cursor = s.prov.cursor.saturating_sub(1),
        KeyCode::Down => s.prov.cursor = (s.prov.cursor + 1).min(n - 1),
        KeyCode::Home => s.prov.cursor = 0,
        KeyCode::End => s.prov.cursor = n - 1,
        KeyCode::Char(' ') => match item {
            ProviderItem::Provider(id) => return toggle(s, sec, &id),
            // Nothing matches the search: the space belongs to the search text.
            ProviderItem::AddCustom if !s.prov.filter.is_empty() => s.prov.filter.insert(' '),
            ProviderItem::AddCustom => custom_provider::open_new(s),
        },
        // Ctrl+E: the details of an own provider, also while searching.
        KeyCode::Char('e') if k.modifiers.contains(KeyModifiers::CONTROL) => {
            if let ProviderItem::Provider(id) = item {
                custom_provider::open_edit(s, &id);
            }
        }
        KeyCode::Enter => match item {
            ProviderItem::AddCustom => custom_provider::open_new(s),
            // After a search, Enter picks the highlighted provider and clears the search.
            ProviderItem::Provider(id) if !s.prov.filter.is_empty() => {
                s.prov.filter = TextInput::default();
                s.point_at_provider(sec, &id);
                if !s.selected(sec).contains(&id) {
                    return toggle(s, sec, &id);
                }
            }
            // On an own provider, Enter opens its details.
            ProviderItem::Provider(id) if s.custom(&id).is_some() => {
                custom_provider::open_edit(s, &id);
            }
            ProviderItem::Provider(_) => {
                ensure_answered(s, sec);
                return next_step(s);
            }
        },
        KeyCode::Left | KeyCode::Right => {
            if let ProviderItem::Provider(id) = item {
                return cycle_variant(s, sec, &id, k.code == KeyCode::Right);
            }
        }
        KeyCode::Esc => {
            if s.prov.filter.is_empty() {
                return prev_step(s);
            }
            s.prov.filter = TextInput::default();
            s.prov.cursor = 0;
        }
        KeyCode::Backspace => {
            s.prov.filter.backspace();
            s.prov.cursor = 0;
        }
        KeyCode::Char(c) if plain(&k) => {
            s.prov.filter.insert(c);
            s.prov.cursor = 0;
        }
        _ => {}
    }
    vec![]
}

pub fn paste(s: &mut State, _sec: Section, text: &str) -> Vec<Effect> {
    s.prov.delete = None;
    match s.prov.form {
        Some(_) => custom_provider::paste(s, text),
        None => {
            s.prov.filter.paste(text);
            s.prov.cursor = 0;
        }
    }
    vec![]
}

pub fn click(s: &mut State, sec: Section, main: Rect, column: u16, row: u16) -> Vec<Effect> {
    if s.prov.form.is_some() {
        return custom_provider::click(s, sec, main, column, row);
    }
    s.prov.delete = None;
    let a = areas(main);
    if row < a.list.y || row >= a.list.y + a.list.height {
        return vec![];
    }
    let items = s.provider_items(sec);
    let off = list_offset(s.prov.cursor, items.len(), a.list.height as usize);
    let i = (row - a.list.y) as usize + off;
    let Some(item) = items.get(i).cloned() else {
        return vec![];
    };
    s.prov.cursor = i;
    match item {
        ProviderItem::Provider(id) => toggle(s, sec, &id),
        ProviderItem::AddCustom => {
            custom_provider::open_new(s);
            vec![]
        }
    }
}

pub fn view(f: &mut Frame, main: Rect, s: &State, sec: Section) {
    if let Some(form) = &s.prov.form {
        return custom_provider::view(f, main, s, sec, form);
    }
    let info = s.engine.section_info(sec);
    let focused = s.focus == Focus::Main;
    let w = main.width.saturating_sub(2) as usize;
    f.render_widget(
        Paragraph::new(vec![Line::from(Span::styled(
            fit(&info.question, w),
            Style::new().add_modifier(Modifier::BOLD),
        ))]),
        Rect::new(main.x + 1, main.y, main.width.saturating_sub(2), 1),
    );
    f.render_widget(
        Paragraph::new(Span::styled(info.help.clone(), dim())).wrap(Wrap { trim: true }),
        Rect::new(main.x + 1, main.y + 1, main.width.saturating_sub(2), 2),
    );
    let a = areas(main);
    let buf = f.buffer_mut();
    buf.set_string(a.search.x, a.search.y, "Zoeken: ", Style::new());
    let search_area = Rect::new(
        a.search.x + 8,
        a.search.y,
        a.search.width.saturating_sub(8),
        1,
    );
    if s.prov.filter.is_empty() {
        buf.set_string(
            search_area.x,
            search_area.y,
            fit("(typ om te zoeken)", search_area.width as usize),
            dim(),
        );
    } else {
        s.prov.filter.render(
            search_area,
            buf,
            Style::new().add_modifier(Modifier::UNDERLINED),
        );
    }
    let items = s.provider_items(sec);
    let selected = s.selected(sec);
    let cursor = s.prov.cursor.min(items.len() - 1);
    let off = list_offset(cursor, items.len(), a.list.height as usize);
    let lw = a.list.width as usize;
    for (r, item) in items
        .iter()
        .enumerate()
        .skip(off)
        .take(a.list.height as usize)
    {
        let y = a.list.y + (r - off) as u16;
        let is_cur = r == cursor && focused;
        let style = if is_cur { highlight() } else { Style::new() };
        let text = match item {
            ProviderItem::Provider(id) => {
                let on = selected.contains(id);
                let p = s.provider(id);
                let name = p.as_ref().map(|p| p.name.clone()).unwrap_or(id.clone());
                let mut t = format!("[{}] {name}", if on { "x" } else { " " });
                if let Some(p) = &p {
                    if p.custom {
                        t.push_str(" (eigen toevoeging)");
                    }
                    if on && !p.variants.is_empty() {
                        let label = s
                            .variant_of(id)
                            .and_then(|v| p.variants.iter().find(|x| x.id == v))
                            .map(|v| v.label.clone())
                            .unwrap_or_else(|| "variant: ←/→ om te kiezen".into());
                        t.push_str(&format!(" — ‹{label}›"));
                    }
                    if info.common.contains(id) && s.prov.filter.is_empty() {
                        t.push_str(" ★");
                    }
                }
                t
            }
            ProviderItem::AddCustom => "+ Eigen aanbieder toevoegen (niet in de lijst)".to_string(),
        };
        let pointer = if r == cursor { "› " } else { "  " };
        buf.set_string(a.list.x, y, " ".repeat(lw), style);
        buf.set_string(a.list.x, y, fit(&format!("{pointer}{text}"), lw), style);
    }
    let summary = match (&s.prov.message, items.get(cursor)) {
        (Some((m, is_error)), _) => Line::from(Span::styled(
            m.clone(),
            if *is_error {
                error()
            } else {
                Style::new().fg(ratatui::style::Color::Green)
            },
        )),
        (None, Some(ProviderItem::Provider(id))) => Line::from(match s.provider(id) {
            // An own provider has no catalog facts; summary() would end in "Ontvangt: .".
            Some(p) if p.custom => custom_provider::detail(s, id),
            Some(p) => p.summary(),
            None => String::new(),
        }),
        (None, _) => Line::from(Span::styled(
            "Typ de naam en druk op Enter; Esc annuleert. De aanbieder komt bij dit onderdeel.",
            dim(),
        )),
    };
    let names: Vec<String> = selected
        .iter()
        .map(|id| s.provider(id).map(|p| p.name).unwrap_or_else(|| id.clone()))
        .collect();
    let chosen = if names.is_empty() {
        " Gekozen: niets (Enter: verder zonder) ".to_string()
    } else {
        format!(" Gekozen: {} ", names.join(", "))
    };
    f.render_widget(
        Paragraph::new(summary).wrap(Wrap { trim: true }).block(
            Block::new()
                .borders(Borders::TOP)
                .border_style(dim())
                .title(fit(&chosen, a.summary.width as usize)),
        ),
        a.summary,
    );
}
