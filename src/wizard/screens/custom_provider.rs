//! The own-provider form over a provider step: name, company, country, privacy statement
//! link, transfers outside the EEA and their safeguard. Opened by "+ Eigen aanbieder
//! toevoegen" (a new provider) or by Enter/Ctrl+E on an own provider (its details).
//! Fields are checked when the user leaves them; saving writes `[[custom_provider]]`.
//! The provider step owns the form; this file knows nothing of the step.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::Frame;

use super::form;
use crate::engine::answers::CustomProvider;
use crate::engine::{rules, Section};
use crate::text_edit;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::Model;
use crate::wizard::strings::custom as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::fit;
use crate::wizard::widgets::text_input::TextInput;

/// Safeguards for transfers outside the EEA: answers-file id and Dutch label.
pub const SAFEGUARDS: [(&str, &str); 4] = [
    ("dpf", t::SG_DPF),
    ("scc", t::SG_SCC),
    ("adequacy", t::SG_ADEQUACY),
    ("bcr", t::SG_BCR),
];

/// Standard contractual clauses: what the engine assumes when none is named.
const DEFAULT_SAFEGUARD: usize = 1;
use crate::engine::rules::DEFAULT_COUNTRY;
const LABEL_W: u16 = 20;

/// A row of the own-provider form, in order; `Safeguard` only shows when `outside_eea` is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CustomField {
    Name,
    Company,
    Country,
    Url,
    OutsideEea,
    Safeguard,
    Save,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Up,
    Down,
    Enter,
    Cancel,
    Choose,
    Edit,
}

const KEYS: &Keymap<Act> = &[
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Up), Act::Up),
            (Key::Plain(KeyCode::Down), Act::Down),
            (Key::Plain(KeyCode::Tab), Act::Down),
            (Key::Plain(KeyCode::BackTab), Act::Up),
        ],
        footer: Some(t::KEY_MOVE),
        help: t::HELP_MOVE,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Act::Enter)],
        footer: Some(t::KEY_ENTER),
        help: t::HELP_ENTER,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), Act::Cancel)],
        footer: Some(t::KEY_CANCEL),
        help: t::HELP_CANCEL,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Char(' ')), Act::Choose),
            (Key::Plain(KeyCode::Left), Act::Choose),
            (Key::Plain(KeyCode::Right), Act::Choose),
            (Key::Plain(KeyCode::Char('j')), Act::Choose),
            (Key::Plain(KeyCode::Char('n')), Act::Choose),
        ],
        footer: None,
        help: t::HELP_CHOOSE,
    },
    text_edit!(cursor, Act::Edit),
    text_edit!(word, Act::Edit),
    text_edit!(erase, Act::Edit),
    text_edit!(typing, Act::Edit),
];

pub fn keys() -> Vec<Row> {
    keymap::rows(KEYS)
}

/// The form for an own provider's details (`[[custom_provider]]`).
#[derive(Debug, Clone)]
pub struct CustomForm {
    /// The own provider being edited; None while a new one is being added.
    pub id: Option<String>,
    /// Opened from "+ Eigen aanbieder toevoegen": saving also chooses it in this step.
    pub adding: bool,
    pub cursor: CustomField,
    pub name: TextInput,
    pub company: TextInput,
    pub country: TextInput,
    pub url: TextInput,
    pub outside_eea: bool,
    /// Index into `SAFEGUARDS`.
    pub safeguard: usize,
    /// Messages of fields the user has left, by field.
    pub errors: BTreeMap<CustomField, String>,
    /// A remark about the form as a whole (e.g. an existing own provider was taken over).
    pub note: Option<String>,
}

/// What a key or click in the form came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The form stays open.
    Stay,
    /// Esc: closed, nothing changed.
    Cancelled,
    /// Saved into the answers: the provider and a message for the step.
    Saved { id: String, message: String },
}

/// The line under the list for a highlighted own provider.
pub fn detail(m: &Model, id: &str) -> String {
    let Some(c) = m.custom(id) else {
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
        t::outside(sg)
    } else {
        t::INSIDE.to_string()
    };
    let url = match &c.privacy_url {
        Some(u) => t::privacy_link(u),
        None => t::NO_LINK.to_string(),
    };
    // The action first, so a narrow window never cuts it off.
    let action = if c.company.is_none() && c.privacy_url.is_none() {
        t::ACTION_COMPLETE
    } else {
        t::ACTION_EDIT
    };
    t::detail(&c.name, action, company, country, &transfer, &url)
}

/// Removes an own provider from this step; when no step uses it any more, from the answers.
/// Returns the message for the step.
pub fn remove(m: &mut Model, sec: Section, id: &str) -> String {
    let name = m.custom(id).map(|c| c.name.clone()).unwrap_or_default();
    m.ensure_answered(sec);
    if m.answers.providers.get(sec).iter().any(|x| x == id) {
        m.answers.providers.toggle(sec, id);
    }
    if let Some(c) = m.answers.custom_providers.iter_mut().find(|c| c.id == id) {
        c.sections.retain(|x| x != sec.id());
    }
    let used = m
        .answers
        .providers
        .0
        .values()
        .any(|v| v.iter().any(|x| x == id));
    let gone = !used && m.custom(id).is_some_and(|c| c.sections.is_empty());
    if gone {
        m.answers.custom_providers.retain(|c| c.id != id);
        m.answers.variants.remove(id);
    }
    if gone {
        t::removed(&name)
    } else {
        t::removed_here(&name)
    }
}

impl CustomForm {
    /// A form for a new own provider; what was typed in the search box is the likely name.
    pub fn new(name: &str) -> CustomForm {
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

    /// A form filled with an own provider's details.
    pub fn edit(c: &CustomProvider) -> CustomForm {
        let mut form = CustomForm::new(&c.name);
        form.id = Some(c.id.clone());
        form.adding = false;
        form.fill(c);
        form
    }

    /// Fills the detail fields from an own provider (not its name).
    fn fill(&mut self, c: &CustomProvider) {
        self.company = TextInput::new(c.company.as_deref().unwrap_or(""));
        self.country = TextInput::new(c.country.as_deref().unwrap_or(DEFAULT_COUNTRY));
        self.url = TextInput::new(c.privacy_url.as_deref().unwrap_or(""));
        self.outside_eea = c.outside_eea.unwrap_or(false);
        self.safeguard = c
            .safeguard
            .as_deref()
            .and_then(|sg| SAFEGUARDS.iter().position(|(id, _)| *id == sg))
            .unwrap_or(DEFAULT_SAFEGUARD);
    }

    /// The form's fields in order, as shown now.
    pub fn fields(&self) -> Vec<CustomField> {
        let mut v = vec![
            CustomField::Name,
            CustomField::Company,
            CustomField::Country,
            CustomField::Url,
            CustomField::OutsideEea,
        ];
        if self.outside_eea {
            v.push(CustomField::Safeguard);
        }
        v.push(CustomField::Save);
        v
    }

    /// True when the cursor is in a text field (then `?` is typed, not help).
    pub fn typing(&self) -> bool {
        self.input(self.cursor).is_some()
    }

    fn input(&self, f: CustomField) -> Option<&TextInput> {
        match f {
            CustomField::Name => Some(&self.name),
            CustomField::Company => Some(&self.company),
            CustomField::Country => Some(&self.country),
            CustomField::Url => Some(&self.url),
            _ => None,
        }
    }

    fn input_mut(&mut self, f: CustomField) -> Option<&mut TextInput> {
        match f {
            CustomField::Name => Some(&mut self.name),
            CustomField::Company => Some(&mut self.company),
            CustomField::Country => Some(&mut self.country),
            CustomField::Url => Some(&mut self.url),
            _ => None,
        }
    }

    /// The message for a field's value, or None when it is fine.
    fn field_error(&self, m: &Model, f: CustomField) -> Option<String> {
        match f {
            CustomField::Name => {
                let name = self.name.value();
                if name.trim().is_empty() {
                    return Some(t::REQUIRED.into());
                }
                if self.adding && self.id.is_none() {
                    return m.custom_id_for(&name).err();
                }
                None
            }
            // The answers name one country; outside the EEA it is where the data go.
            CustomField::Country if self.outside_eea => {
                let v = self.country.value();
                let v = v.trim();
                (v.is_empty() || v.eq_ignore_ascii_case(DEFAULT_COUNTRY))
                    .then(|| t::COUNTRY_OUTSIDE.to_string())
            }
            CustomField::Url => {
                let v = self.url.value();
                let v = v.trim();
                (!v.is_empty()).then(|| rules::url(v)).flatten()
            }
            _ => None,
        }
    }

    /// Checks the field the cursor leaves. A new name that is already an own provider (of
    /// another step) takes that provider over: its details fill the form, saving adds it here.
    fn leave_field(&mut self, m: &Model) {
        let f = self.cursor;
        if f == CustomField::Name && self.adding {
            let id = rules::slug(&self.name.value());
            let existing = m.custom(&id).cloned();
            match (&self.id, existing) {
                (Some(linked), _) if *linked == id => {}
                (_, Some(c)) => {
                    self.fill(&c);
                    self.id = Some(c.id.clone());
                    self.note = Some(t::TAKEN_OVER.into());
                }
                (Some(_), None) => {
                    self.id = None;
                    self.note = None;
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
            match self.field_error(m, f) {
                Some(msg) => {
                    self.errors.insert(f, msg);
                }
                None => {
                    self.errors.remove(&f);
                }
            }
        }
    }

    fn move_to(&mut self, m: &Model, f: CustomField) {
        self.leave_field(m);
        self.cursor = f;
    }

    /// Moves one field down (`by` 1) or up (-1); stays put at either end.
    fn step(&mut self, m: &Model, by: isize) {
        let fs = self.fields();
        let i = fs.iter().position(|x| *x == self.cursor).unwrap_or(0) as isize;
        let j = (i + by).clamp(0, fs.len() as isize - 1) as usize;
        self.move_to(m, fs[j]);
    }

    /// Saves the form into the answers; on a problem, shows it and moves to its field.
    fn commit(&mut self, m: &mut Model, sec: Section) -> Outcome {
        self.leave_field(m);
        let mut problem = None;
        for f in [CustomField::Name, CustomField::Country, CustomField::Url] {
            if let Some(msg) = self.field_error(m, f) {
                self.errors.insert(f, msg);
                problem.get_or_insert(f);
            }
        }
        let name = self.name.value().trim().to_string();
        let id = match (&self.id, problem) {
            (_, Some(f)) => {
                self.cursor = f;
                return Outcome::Stay;
            }
            (Some(id), None) => id.clone(),
            // field_error has checked the name; an error here still only goes back to it.
            (None, None) => match m.custom_id_for(&name) {
                Ok(id) => id,
                Err(msg) => {
                    self.errors.insert(CustomField::Name, msg);
                    self.cursor = CustomField::Name;
                    return Outcome::Stay;
                }
            },
        };
        let text = |t: &TextInput| {
            let v = t.value();
            let v = v.trim();
            (!v.is_empty()).then(|| v.to_string())
        };
        let company = text(&self.company);
        let country = text(&self.country).filter(|c| !c.eq_ignore_ascii_case(DEFAULT_COUNTRY));
        let url = text(&self.url);
        let (outside, safeguard) = if self.outside_eea {
            let sg = SAFEGUARDS[self.safeguard.min(SAFEGUARDS.len() - 1)].0;
            (Some(true), Some(sg.to_string()))
        } else {
            (None, None)
        };
        let list = &mut m.answers.custom_providers;
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
        if self.adding {
            m.ensure_answered(sec);
            if !m.answers.providers.get(sec).contains(&id) {
                m.answers.providers.toggle(sec, &id);
            }
        }
        Outcome::Saved {
            id,
            message: if self.adding {
                t::added(&name)
            } else {
                t::saved(&name)
            },
        }
    }

    fn cycle_safeguard(&mut self, forward: bool) {
        let n = SAFEGUARDS.len();
        self.safeguard = if forward {
            (self.safeguard + 1) % n
        } else {
            (self.safeguard + n - 1) % n
        };
    }

    pub fn key(&mut self, m: &mut Model, sec: Section, k: KeyEvent) -> Outcome {
        let cur = self.cursor;
        match keymap::lookup(KEYS, &k) {
            Some(Act::Cancel) => return Outcome::Cancelled,
            Some(Act::Up) => self.step(m, -1),
            Some(Act::Down) => self.step(m, 1),
            Some(Act::Enter) => {
                let fs = self.fields();
                // The field before "Opslaan" is the last one: Enter there saves too.
                if cur == CustomField::Save || fs.get(fs.len().saturating_sub(2)) == Some(&cur) {
                    return self.commit(m, sec);
                }
                self.step(m, 1);
            }
            Some(Act::Choose) | Some(Act::Edit) => match cur {
                CustomField::OutsideEea => match k.code {
                    KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right => {
                        self.outside_eea = !self.outside_eea
                    }
                    KeyCode::Char('j') | KeyCode::Char('J') => self.outside_eea = true,
                    KeyCode::Char('n') | KeyCode::Char('N') => self.outside_eea = false,
                    _ => {}
                },
                CustomField::Safeguard => match k.code {
                    KeyCode::Char(' ') | KeyCode::Right => self.cycle_safeguard(true),
                    KeyCode::Left => self.cycle_safeguard(false),
                    _ => {}
                },
                CustomField::Save => {
                    if k.code == KeyCode::Char(' ') {
                        return self.commit(m, sec);
                    }
                }
                f => {
                    let changed = self.input_mut(f).is_some_and(|t| t.handle_key(k));
                    self.clear_fixed(m, f, changed);
                }
            },
            None => {}
        }
        Outcome::Stay
    }

    /// A corrected field loses its message at once; a new one waits until the user leaves.
    fn clear_fixed(&mut self, m: &Model, f: CustomField, changed: bool) {
        if changed && self.errors.contains_key(&f) && self.field_error(m, f).is_none() {
            self.errors.remove(&f);
        }
    }

    pub fn paste(&mut self, m: &Model, text: &str) {
        let f = self.cursor;
        if let Some(t) = self.input_mut(f) {
            t.paste(text);
            self.clear_fixed(m, f, true);
        }
    }

    /// Rows: (field, None) for a field, (field, Some(text)) for a line of its message.
    fn rows(&self, width: u16) -> Vec<(CustomField, Option<String>)> {
        form::rows(
            self.fields().into_iter().map(|f| (f, self.errors.get(&f))),
            width,
        )
    }

    pub fn click(
        &mut self,
        m: &mut Model,
        sec: Section,
        main: Rect,
        column: u16,
        row: u16,
    ) -> Outcome {
        let area = form::area(main);
        if row < area.y || row >= area.y + area.height {
            return Outcome::Stay;
        }
        let rows = self.rows(area.width);
        let off = form::offset(&rows, self.cursor, area.height);
        let Some((f, err)) = rows.get((row - area.y) as usize + off).cloned() else {
            return Outcome::Stay;
        };
        let again = self.cursor == f;
        self.move_to(m, f);
        let x = value_x(area, f);
        match f {
            CustomField::Save => return self.commit(m, sec),
            CustomField::OutsideEea if again => self.outside_eea = !self.outside_eea,
            CustomField::Safeguard if again => self.cycle_safeguard(true),
            _ if err.is_none() && column >= x => {
                let w = area.width.saturating_sub(x - area.x);
                if let Some(t) = self.input_mut(f) {
                    t.click(column - x, w);
                }
            }
            _ => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, f: &mut Frame, main: Rect, sec: Section, focused: bool) {
        let title = if self.adding {
            t::title_add(sec.label())
        } else {
            t::title_edit(sec.label())
        };
        let w = main.width.saturating_sub(2);
        form::heading(f, main, &title, t::SUBTITLE);
        let area = form::area(main);
        let rows = self.rows(area.width);
        let off = form::offset(&rows, self.cursor, area.height);
        let buf = f.buffer_mut();
        let mut cursor_pos = None;
        for (r, (field, err_line)) in rows.iter().skip(off).take(area.height as usize).enumerate() {
            let field = *field;
            let y = area.y + r as u16;
            if let Some(text) = err_line {
                let text = fit(text, area.width.saturating_sub(2) as usize);
                buf.set_string(area.x + 2, y, text, theme::error());
                continue;
            }
            let is_cur = field == self.cursor;
            let style = if is_cur && focused {
                theme::field_active()
            } else {
                theme::field()
            };
            if field == CustomField::Save {
                let style = if is_cur && focused {
                    theme::highlight()
                } else {
                    theme::bold()
                };
                buf.set_string(area.x, y, form::pointer(is_cur), Style::new());
                buf.set_string(
                    area.x + 1,
                    y,
                    fit(t::SAVE_BUTTON, area.width.saturating_sub(1) as usize),
                    style,
                );
                continue;
            }
            let lab_style = if is_cur { theme::bold() } else { Style::new() };
            buf.set_string(
                area.x,
                y,
                fit(
                    &format!("{}{}", form::pointer(is_cur), label(field)),
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
                        if self.outside_eea {
                            t::YES.to_string()
                        } else {
                            t::NO.to_string()
                        }
                    } else {
                        format!(
                            "‹ {} ›",
                            SAFEGUARDS[self.safeguard.min(SAFEGUARDS.len() - 1)].1
                        )
                    };
                    let style = if is_cur && focused {
                        style
                    } else {
                        Style::new()
                    };
                    buf.set_string(x, y, fit(&text, value_area.width as usize), style);
                }
                _ => {
                    if let Some(input) = self.input(field) {
                        let cx = input.render(value_area, buf, style);
                        if is_cur && focused {
                            cursor_pos = Some((cx, y));
                        }
                        // An empty company name means: the same as the name.
                        if field == CustomField::Company && input.is_empty() && !is_cur {
                            let name = self.name.value();
                            let name = name.trim();
                            if !name.is_empty() {
                                buf.set_string(
                                    x,
                                    y,
                                    fit(&format!("({name})"), value_area.width as usize),
                                    theme::dim().add_modifier(ratatui::style::Modifier::UNDERLINED),
                                );
                            }
                        }
                    }
                }
            }
        }
        let text = match &self.note {
            Some(n)
                if matches!(
                    self.cursor,
                    CustomField::Name | CustomField::Company | CustomField::Save
                ) =>
            {
                n.as_str()
            }
            _ => hint(self.cursor),
        };
        let _ = w;
        form::hint(f, main, text);
        if let Some(p) = cursor_pos {
            f.set_cursor_position(p);
        }
    }
}

fn label(f: CustomField) -> &'static str {
    match f {
        CustomField::Name => t::LABEL_NAME,
        CustomField::Company => t::LABEL_COMPANY,
        CustomField::Country => t::LABEL_COUNTRY,
        CustomField::Url => t::LABEL_URL,
        CustomField::OutsideEea => t::LABEL_OUTSIDE,
        CustomField::Safeguard => t::LABEL_SAFEGUARD,
        CustomField::Save => "",
    }
}

fn hint(f: CustomField) -> &'static str {
    match f {
        CustomField::Name => t::HINT_NAME,
        CustomField::Company => t::HINT_COMPANY,
        CustomField::Country => t::HINT_COUNTRY,
        CustomField::Url => t::HINT_URL,
        CustomField::OutsideEea => t::HINT_OUTSIDE,
        CustomField::Safeguard => t::HINT_SAFEGUARD,
        CustomField::Save => t::HINT_SAVE,
    }
}

/// Where a field's value starts: the label column, or after a longer label.
fn value_x(area: Rect, f: CustomField) -> u16 {
    let w = unicode_width::UnicodeWidthStr::width(label(f)) as u16 + 2;
    area.x + LABEL_W.max(w)
}
