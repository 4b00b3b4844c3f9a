//! The own-provider form over a provider step: name, company, country, privacy statement
//! link, transfers outside the EEA and their safeguard. Opened by "+ Eigen aanbieder
//! toevoegen" (a new provider) or by Enter/Ctrl+E on an own provider (its details).
//! Fields are checked when the user leaves them; saving writes `[[custom_provider]]`.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{dim, error, fit, highlight};
use crate::engine::answers::CustomProvider;
use crate::engine::{rules, Section};
use crate::wizard::state::{CustomField, CustomForm, Effect, Focus, State};
use crate::wizard::update::save;
use crate::wizard::widgets::text_input::TextInput;

pub const KEYS: &[(&str, &str)] = &[
    ("↑/↓ Tab/Shift+Tab", "vorig/volgend veld"),
    (
        "Enter",
        "volgend veld; op het laatste veld of \"Opslaan\": bewaren",
    ),
    ("Spatie ←/→ j/n", "buiten de EER nee/ja; waarborg kiezen"),
    ("←/→ Home/End", "cursor in een tekstveld"),
    ("Ctrl+←/→", "woord terug/verder"),
    ("Esc", "annuleren: niets toegevoegd of gewijzigd"),
];

/// Safeguards for transfers outside the EEA: answers-file id and Dutch label.
pub const SAFEGUARDS: [(&str, &str); 4] = [
    ("dpf", "EU-VS Data Privacy Framework"),
    ("scc", "standaardcontractbepalingen"),
    ("adequacy", "adequaatheidsbesluit"),
    ("bcr", "bindende bedrijfsvoorschriften"),
];

/// Standard contractual clauses: what the engine assumes when none is named.
const DEFAULT_SAFEGUARD: usize = 1;
const DEFAULT_COUNTRY: &str = "Nederland";
const LABEL_W: u16 = 20;

pub fn label(f: CustomField) -> &'static str {
    match f {
        CustomField::Name => "Naam *",
        CustomField::Company => "Bedrijfsnaam",
        CustomField::Country => "Land",
        CustomField::Url => "Privacyverklaring",
        CustomField::OutsideEea => "Gegevens buiten de EER?",
        CustomField::Safeguard => "Waarborg",
        CustomField::Save => "",
    }
}

fn hint(f: CustomField) -> &'static str {
    match f {
        CustomField::Name => "Naam zoals die in het beleid komt.",
        CustomField::Company => "Juridische naam, bv. Wolkje B.V.; leeg = de naam.",
        CustomField::Country => "Land van vestiging; standaard Nederland.",
        CustomField::Url => "Webadres van de privacyverklaring; mag leeg.",
        CustomField::OutsideEea => "Gaan gegevens buiten de EER? Spatie of j/n.",
        CustomField::Safeguard => "Waarop rust de doorgifte? ←/→ of Spatie kiest.",
        CustomField::Save => "Enter bewaart de aanbieder; Esc annuleert.",
    }
}

/// The line under the list for a highlighted own provider.
pub fn detail(s: &State, id: &str) -> String {
    let Some(c) = s.custom(id) else {
        return String::new();
    };
    let company = c.company.as_deref().unwrap_or(&c.name);
    let country = c.country.as_deref().unwrap_or(DEFAULT_COUNTRY);
    let transfer = if c.outside_eea == Some(true) {
        let sg = c.safeguard.as_deref().unwrap_or("scc");
        let sg = SAFEGUARDS
            .iter()
            .find(|(x, _)| *x == sg)
            .map_or(sg, |(_, l)| *l);
        format!("buiten de EER ({sg})")
    } else {
        "binnen de EER".to_string()
    };
    let url = match &c.privacy_url {
        Some(u) => format!("privacyverklaring: {u}"),
        None => "nog geen link naar de privacyverklaring".to_string(),
    };
    // The action first, so a narrow window never cuts it off.
    let action = if c.company.is_none() && c.privacy_url.is_none() {
        "Enter: gegevens aanvullen"
    } else {
        "Enter: bewerken"
    };
    format!(
        "{} — eigen toevoeging ({action}). {company}, {country}; {transfer}; {url}.",
        c.name
    )
}

/// The form's fields in order, as shown now.
pub fn fields(form: &CustomForm) -> Vec<CustomField> {
    let mut v = vec![
        CustomField::Name,
        CustomField::Company,
        CustomField::Country,
        CustomField::Url,
        CustomField::OutsideEea,
    ];
    if form.outside_eea {
        v.push(CustomField::Safeguard);
    }
    v.push(CustomField::Save);
    v
}

/// True when the cursor is in a text field (then `?` is typed, not help).
pub fn typing(form: &CustomForm) -> bool {
    input(form, form.cursor).is_some()
}

fn input(form: &CustomForm, f: CustomField) -> Option<&TextInput> {
    match f {
        CustomField::Name => Some(&form.name),
        CustomField::Company => Some(&form.company),
        CustomField::Country => Some(&form.country),
        CustomField::Url => Some(&form.url),
        _ => None,
    }
}

fn input_mut(form: &mut CustomForm, f: CustomField) -> Option<&mut TextInput> {
    match f {
        CustomField::Name => Some(&mut form.name),
        CustomField::Company => Some(&mut form.company),
        CustomField::Country => Some(&mut form.country),
        CustomField::Url => Some(&mut form.url),
        _ => None,
    }
}

fn blank(name: &str) -> CustomForm {
    CustomForm {
        id: None,
        adding: true,
        cursor: CustomField::Name,
        name: TextInput::new(name),
        company: TextInput::default(),
        country: TextInput::new(DEFAULT_COUNTRY),
        url: TextInput::default(),
        outside_eea: false,
        safeguard: DEFAULT_SAFEGUARD,
        errors: Default::default(),
        note: None,
    }
}

/// Fills the form's detail fields from an own provider (not its name).
fn fill(form: &mut CustomForm, c: &CustomProvider) {
    form.company = TextInput::new(c.company.as_deref().unwrap_or(""));
    form.country = TextInput::new(c.country.as_deref().unwrap_or(DEFAULT_COUNTRY));
    form.url = TextInput::new(c.privacy_url.as_deref().unwrap_or(""));
    form.outside_eea = c.outside_eea.unwrap_or(false);
    form.safeguard = c
        .safeguard
        .as_deref()
        .and_then(|sg| SAFEGUARDS.iter().position(|(id, _)| *id == sg))
        .unwrap_or(DEFAULT_SAFEGUARD);
}

/// Opens the form for a new own provider; what was typed in the search box is the likely name.
pub fn open_new(s: &mut State) {
    s.prov.form = Some(blank(s.prov.filter.value().trim()));
    s.prov.message = None;
}

/// Opens the form filled with an own provider's details.
pub fn open_edit(s: &mut State, id: &str) {
    let Some(c) = s.custom(id).cloned() else {
        return;
    };
    let mut form = blank(&c.name);
    form.id = Some(c.id.clone());
    form.adding = false;
    fill(&mut form, &c);
    s.prov.form = Some(form);
    s.prov.message = None;
}

/// The message for a field's value, or None when it is fine.
fn field_error(s: &State, form: &CustomForm, f: CustomField) -> Option<String> {
    match f {
        CustomField::Name => {
            let name = form.name.value();
            if name.trim().is_empty() {
                return Some("verplicht veld: vul dit in".into());
            }
            if form.adding && form.id.is_none() {
                return s.custom_id_for(&name).err();
            }
            None
        }
        // The answers name one country; outside the EEA it is where the data go.
        CustomField::Country if form.outside_eea => {
            let v = form.country.value();
            let v = v.trim();
            (v.is_empty() || v.eq_ignore_ascii_case(DEFAULT_COUNTRY)).then(|| {
                "gegevens buiten de EER: vul het land buiten de EER in (bv. Verenigde Staten)"
                    .to_string()
            })
        }
        CustomField::Url => {
            let v = form.url.value();
            let v = v.trim();
            (!v.is_empty()).then(|| rules::url(v)).flatten()
        }
        _ => None,
    }
}

/// Checks the field the cursor leaves. A new name that is already an own provider (of
/// another step) takes that provider over: its details fill the form, saving adds it here.
fn leave_field(s: &mut State) {
    let Some(mut form) = s.prov.form.take() else {
        return;
    };
    let f = form.cursor;
    if f == CustomField::Name && form.adding {
        let id = rules::slug(&form.name.value());
        let existing = s.custom(&id).cloned();
        match (&form.id, existing) {
            (Some(linked), _) if *linked == id => {}
            (_, Some(c)) => {
                fill(&mut form, &c);
                form.id = Some(c.id.clone());
                form.note = Some("Bestaande eigen aanbieder: gegevens overgenomen.".into());
            }
            (Some(_), None) => {
                form.id = None;
                form.note = None;
            }
            (None, None) => {}
        }
    }
    let mut check = vec![f];
    // The answer about the EEA decides whether the country is right.
    if f == CustomField::OutsideEea {
        check.push(CustomField::Country);
    }
    for f in check {
        match field_error(s, &form, f) {
            Some(m) => {
                form.errors.insert(f, m);
            }
            None => {
                form.errors.remove(&f);
            }
        }
    }
    s.prov.form = Some(form);
}

fn move_to(s: &mut State, f: CustomField) {
    leave_field(s);
    if let Some(form) = s.prov.form.as_mut() {
        form.cursor = f;
    }
}

/// Moves one field down (`by` 1) or up (-1); stays put at either end.
fn step(s: &mut State, by: isize) {
    let Some(form) = &s.prov.form else { return };
    let fs = fields(form);
    let i = fs.iter().position(|x| *x == form.cursor).unwrap_or(0) as isize;
    let j = (i + by).clamp(0, fs.len() as isize - 1) as usize;
    move_to(s, fs[j]);
}

/// Saves the form into the answers; on a problem, shows it and moves to its field.
fn commit(s: &mut State, sec: Section) -> Vec<Effect> {
    leave_field(s);
    let Some(mut form) = s.prov.form.take() else {
        return vec![];
    };
    let mut problem = None;
    for f in [CustomField::Name, CustomField::Country, CustomField::Url] {
        if let Some(m) = field_error(s, &form, f) {
            form.errors.insert(f, m);
            problem.get_or_insert(f);
        }
    }
    let name = form.name.value().trim().to_string();
    let id = match (&form.id, problem) {
        (_, Some(f)) => {
            form.cursor = f;
            s.prov.form = Some(form);
            return vec![];
        }
        (Some(id), None) => id.clone(),
        // field_error has checked the name; an error here still only goes back to it.
        (None, None) => match s.custom_id_for(&name) {
            Ok(id) => id,
            Err(m) => {
                form.errors.insert(CustomField::Name, m);
                form.cursor = CustomField::Name;
                s.prov.form = Some(form);
                return vec![];
            }
        },
    };
    let text = |t: &TextInput| {
        let v = t.value();
        let v = v.trim();
        (!v.is_empty()).then(|| v.to_string())
    };
    let company = text(&form.company);
    let country = text(&form.country).filter(|c| !c.eq_ignore_ascii_case(DEFAULT_COUNTRY));
    let url = text(&form.url);
    let (outside, safeguard) = if form.outside_eea {
        let sg = SAFEGUARDS[form.safeguard.min(SAFEGUARDS.len() - 1)].0;
        (Some(true), Some(sg.to_string()))
    } else {
        (None, None)
    };
    let list = &mut s.answers.custom_providers;
    let i = match list.iter().position(|c| c.id == id) {
        Some(i) => i,
        None => {
            list.push(CustomProvider {
                id: id.clone(),
                ..Default::default()
            });
            list.len() - 1
        }
    };
    let c = &mut list[i];
    c.name = name.clone();
    c.company = company;
    c.country = country;
    c.privacy_url = url;
    c.outside_eea = outside;
    c.safeguard = safeguard;
    if !c.sections.iter().any(|x| x == sec.id()) {
        c.sections.push(sec.id().to_string());
    }
    if form.adding {
        super::providers::ensure_answered(s, sec);
        if !s.answers.providers.get(sec).contains(&id) {
            s.answers.providers.toggle(sec, &id);
        }
        s.prov.filter = TextInput::default();
    }
    s.point_at_provider(sec, &id);
    s.prov.message = Some((
        if form.adding {
            format!("✓ `{name}` toegevoegd en gekozen")
        } else {
            format!("✓ gegevens van `{name}` bewaard")
        },
        false,
    ));
    vec![save(s)]
}

/// Removes an own provider from this step; when no step uses it any more, from the answers.
pub fn remove(s: &mut State, sec: Section, id: &str) -> Vec<Effect> {
    let name = s.custom(id).map(|c| c.name.clone()).unwrap_or_default();
    super::providers::ensure_answered(s, sec);
    if s.answers.providers.get(sec).iter().any(|x| x == id) {
        s.answers.providers.toggle(sec, id);
    }
    if let Some(c) = s.answers.custom_providers.iter_mut().find(|c| c.id == id) {
        c.sections.retain(|x| x != sec.id());
    }
    let used = s
        .answers
        .providers
        .0
        .values()
        .any(|v| v.iter().any(|x| x == id));
    let gone = !used && s.custom(id).is_some_and(|c| c.sections.is_empty());
    if gone {
        s.answers.custom_providers.retain(|c| c.id != id);
        s.answers.variants.remove(id);
    }
    let n = s.provider_items(sec).len();
    s.prov.cursor = s.prov.cursor.min(n - 1);
    s.prov.message = Some((
        if gone {
            format!("✓ `{name}` verwijderd")
        } else {
            format!("✓ `{name}` uit dit onderdeel verwijderd")
        },
        false,
    ));
    vec![save(s)]
}

fn cycle_safeguard(form: &mut CustomForm, forward: bool) {
    let n = SAFEGUARDS.len();
    form.safeguard = if forward {
        (form.safeguard + 1) % n
    } else {
        (form.safeguard + n - 1) % n
    };
}

pub fn key(s: &mut State, sec: Section, k: KeyEvent) -> Vec<Effect> {
    let Some(form) = s.prov.form.as_mut() else {
        return vec![];
    };
    let cur = form.cursor;
    match k.code {
        KeyCode::Esc => {
            s.prov.form = None;
            s.prov.message = None;
        }
        KeyCode::Up | KeyCode::BackTab => step(s, -1),
        KeyCode::Down | KeyCode::Tab => step(s, 1),
        KeyCode::Enter => {
            let fs = fields(form);
            // The field before "Opslaan" is the last one: Enter there saves too.
            if cur == CustomField::Save || fs.get(fs.len().saturating_sub(2)) == Some(&cur) {
                return commit(s, sec);
            }
            step(s, 1);
        }
        _ => match cur {
            CustomField::OutsideEea => match k.code {
                KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => {
                    form.outside_eea = !form.outside_eea
                }
                KeyCode::Char('j') | KeyCode::Char('J') => form.outside_eea = true,
                KeyCode::Char('n') | KeyCode::Char('N') => form.outside_eea = false,
                _ => {}
            },
            CustomField::Safeguard => match k.code {
                KeyCode::Char(' ') | KeyCode::Right => cycle_safeguard(form, true),
                KeyCode::Left => cycle_safeguard(form, false),
                _ => {}
            },
            CustomField::Save => {
                if k.code == KeyCode::Char(' ') {
                    return commit(s, sec);
                }
            }
            f => {
                let changed = input_mut(form, f).is_some_and(|t| t.handle_key(k));
                clear_fixed(s, f, changed);
            }
        },
    }
    vec![]
}

/// A corrected field loses its message at once; a new one waits until the user leaves.
fn clear_fixed(s: &mut State, f: CustomField, changed: bool) {
    let Some(mut form) = s.prov.form.take() else {
        return;
    };
    if changed && form.errors.contains_key(&f) && field_error(s, &form, f).is_none() {
        form.errors.remove(&f);
    }
    s.prov.form = Some(form);
}

pub fn paste(s: &mut State, text: &str) {
    let Some(form) = s.prov.form.as_mut() else {
        return;
    };
    let f = form.cursor;
    if let Some(t) = input_mut(form, f) {
        t.paste(text);
        clear_fixed(s, f, true);
    }
}

/// Rows: (field, None) for a field, (field, Some(text)) for a line of its message.
fn rows(form: &CustomForm, width: u16) -> Vec<(CustomField, Option<String>)> {
    super::form_rows(
        fields(form).into_iter().map(|f| (f, form.errors.get(&f))),
        width,
    )
}

/// Where a field's value starts: the label column, or after a longer label.
fn value_x(area: Rect, f: CustomField) -> u16 {
    let w = unicode_width::UnicodeWidthStr::width(label(f)) as u16 + 2;
    area.x + LABEL_W.max(w)
}

pub fn click(s: &mut State, sec: Section, main: Rect, column: u16, row: u16) -> Vec<Effect> {
    let Some(form) = &s.prov.form else {
        return vec![];
    };
    let area = super::form_area(main);
    if row < area.y || row >= area.y + area.height {
        return vec![];
    }
    let rows = rows(form, area.width);
    let off = super::form_offset(&rows, form.cursor, area.height);
    let Some((f, err)) = rows.get((row - area.y) as usize + off).cloned() else {
        return vec![];
    };
    let again = form.cursor == f;
    move_to(s, f);
    let x = value_x(area, f);
    let Some(form) = s.prov.form.as_mut() else {
        return vec![];
    };
    match f {
        CustomField::Save => return commit(s, sec),
        CustomField::OutsideEea if again => form.outside_eea = !form.outside_eea,
        CustomField::Safeguard if again => cycle_safeguard(form, true),
        _ if err.is_none() && column >= x => {
            let w = area.width.saturating_sub(x - area.x);
            if let Some(t) = input_mut(form, f) {
                t.click(column - x, w);
            }
        }
        _ => {}
    }
    vec![]
}

pub fn view(f: &mut Frame, main: Rect, s: &State, sec: Section, form: &CustomForm) {
    let focused = s.focus == Focus::Main;
    let title = if form.adding {
        format!("Eigen aanbieder toevoegen — {}", sec.label())
    } else {
        format!("Eigen aanbieder bewerken — {}", sec.label())
    };
    let w = main.width.saturating_sub(2);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                fit(&title, w as usize),
                Style::new().add_modifier(Modifier::BOLD),
            )),
            Line::from(Span::styled(
                fit("Velden met * zijn verplicht. Esc annuleert.", w as usize),
                dim(),
            )),
        ]),
        Rect::new(main.x + 1, main.y, w, 2),
    );
    let area = super::form_area(main);
    let rows = rows(form, area.width);
    let off = super::form_offset(&rows, form.cursor, area.height);
    let buf = f.buffer_mut();
    let mut cursor_pos = None;
    for (r, (field, err_line)) in rows.iter().skip(off).take(area.height as usize).enumerate() {
        let field = *field;
        let y = area.y + r as u16;
        if let Some(text) = err_line {
            let text = fit(text, area.width.saturating_sub(2) as usize);
            buf.set_string(area.x + 2, y, text, error());
            continue;
        }
        let is_cur = field == form.cursor;
        let style = if is_cur && focused {
            highlight().remove_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        };
        if field == CustomField::Save {
            let button = "[ Opslaan ]";
            let style = if is_cur && focused {
                highlight()
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            let pointer = if is_cur { "›" } else { " " };
            buf.set_string(area.x, y, pointer, Style::new());
            buf.set_string(
                area.x + 1,
                y,
                fit(button, area.width.saturating_sub(1) as usize),
                style,
            );
            continue;
        }
        let lab_style = if is_cur {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        let pointer = if is_cur { "›" } else { " " };
        buf.set_string(
            area.x,
            y,
            fit(
                &format!("{pointer}{}", label(field)),
                area.width.saturating_sub(1) as usize,
            ),
            lab_style,
        );
        let x = value_x(area, field);
        if x >= area.x + area.width {
            continue;
        }
        let value_area = Rect::new(x, y, area.width - (x - area.x), 1);
        match field {
            CustomField::OutsideEea | CustomField::Safeguard => {
                let text = if field == CustomField::OutsideEea {
                    if form.outside_eea {
                        "‹ ja ›"
                    } else {
                        "‹ nee ›"
                    }
                } else {
                    SAFEGUARDS[form.safeguard.min(SAFEGUARDS.len() - 1)].1
                };
                let text = if field == CustomField::Safeguard {
                    format!("‹ {text} ›")
                } else {
                    text.to_string()
                };
                let style = if is_cur && focused {
                    style
                } else {
                    Style::new()
                };
                buf.set_string(x, y, fit(&text, value_area.width as usize), style);
            }
            _ => {
                if let Some(t) = input(form, field) {
                    let cx = t.render(value_area, buf, style);
                    if is_cur && focused {
                        cursor_pos = Some((cx, y));
                    }
                    // An empty company name means: the same as the name.
                    if field == CustomField::Company && t.is_empty() && !is_cur {
                        let name = form.name.value();
                        let name = name.trim();
                        if !name.is_empty() {
                            buf.set_string(
                                x,
                                y,
                                fit(&format!("({name})"), value_area.width as usize),
                                dim().add_modifier(Modifier::UNDERLINED),
                            );
                        }
                    }
                }
            }
        }
    }
    let bottom = main.y + main.height.saturating_sub(1);
    let text = match &form.note {
        Some(n)
            if matches!(
                form.cursor,
                CustomField::Name | CustomField::Company | CustomField::Save
            ) =>
        {
            n.as_str()
        }
        _ => hint(form.cursor),
    };
    f.render_widget(
        Paragraph::new(fit(text, w as usize)).style(dim()),
        Rect::new(main.x + 1, bottom, w, 1),
    );
    if let Some(p) = cursor_pos {
        f.set_cursor_position(p);
    }
}
