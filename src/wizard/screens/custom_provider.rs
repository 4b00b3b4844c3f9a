//! The own-provider form over a provider step: name, company, country, privacy statement,
//! role and data in this step, the countries outside the EEA with their safeguard, and the
//! processor agreement. Opened by "+ Eigen aanbieder toevoegen" (a new provider) or by
//! Enter/Ctrl+E on an own provider (its details).
//!
//! Every change is written into `[[custom_provider]]` at once (the step saves the file). The
//! form holds no rule of its own: choices (roles, safeguards per country, agreement kinds),
//! defaults per section and every message come from the engine; a message shows under the
//! field the engine names once the user has left that field.

use std::collections::{BTreeMap, BTreeSet};

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::Frame;

use super::form;
use crate::engine::answers::{CustomActivity, CustomProvider, CustomTransfer};
use crate::engine::catalog::{AgreementHow, JointContact, Provider, Role, Safeguard};
use crate::engine::rules::DEFAULT_COUNTRY;
use crate::engine::validate::{self, Severity};
use crate::engine::{rules, Section};
use crate::text_edit;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::Model;
use crate::wizard::strings::custom as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::fit;
use crate::wizard::widgets::text_input::TextInput;

const LABEL_W: u16 = 22;
/// The prefix the form's own provider gets in the engine's field names.
const PREFIX: &str = "c";

/// A row of the own-provider form, in order. Rows appear as they apply: the joint rows for a
/// joint controller, the agreement rows for a processor, a pair per destination country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CustomField {
    Name,
    Company,
    Country,
    Url,
    Role,
    JointCovers,
    JointContact,
    Data,
    /// The country of the n-th transfer row.
    TransferCountry(usize),
    /// Its safeguard.
    TransferSafeguard(usize),
    AddTransfer,
    Agreement,
    AgreementUrl,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Up,
    Down,
    Enter,
    Close,
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
        keys: &[(Key::Plain(KeyCode::Esc), Act::Close)],
        footer: Some(t::KEY_CLOSE),
        help: t::HELP_CLOSE,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Char(' ')), Act::Choose),
            (Key::Plain(KeyCode::Left), Act::Choose),
            (Key::Plain(KeyCode::Right), Act::Choose),
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

/// One destination country outside the EEA and its safeguard (an answers-file id).
#[derive(Debug, Clone, Default)]
pub struct TransferRow {
    pub country: TextInput,
    pub safeguard: Option<String>,
}

/// The form for an own provider's details (`[[custom_provider]]`) in one step.
#[derive(Debug, Clone)]
pub struct CustomForm {
    /// The own provider this form writes to; None while a new one has no valid name yet.
    pub id: Option<String>,
    /// Opened from "+ Eigen aanbieder toevoegen": the provider is also chosen in this step.
    pub adding: bool,
    /// This form created the provider: until the form closes, its id follows the name.
    created: bool,
    pub cursor: CustomField,
    pub name: TextInput,
    pub company: TextInput,
    pub country: TextInput,
    pub url: TextInput,
    /// None: the section's default role (the engine's).
    pub role: Option<Role>,
    pub joint_covers: TextInput,
    pub joint_contact: Option<JointContact>,
    /// Comma-separated; empty: the section's default data.
    pub data: TextInput,
    pub transfers: Vec<TransferRow>,
    pub agreement: Option<AgreementHow>,
    pub agreement_url: TextInput,
    /// The engine's messages on the fields the user has left, by field.
    pub errors: BTreeMap<CustomField, String>,
    /// Fields the user has left (their messages show).
    left: BTreeSet<CustomField>,
    /// A remark about the form as a whole (e.g. an existing own provider was taken over).
    pub note: Option<String>,
    /// Something was written since the form opened.
    changed: bool,
}

/// What a key or click in the form came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The form stays open; nothing was written.
    Stay,
    /// The form stays open; the answers changed (save them now).
    Changed,
    /// The form closed. `id`: the own provider to point at; `message` for the step;
    /// `changed`: the answers changed on the way.
    Closed {
        id: Option<String>,
        message: Option<String>,
        changed: bool,
    },
}

/// The line under the list for a highlighted own provider, from the engine's reading of it.
pub fn detail(m: &Model, sec: Section, p: &Provider) -> String {
    let role = p
        .activities_in(sec)
        .next()
        .map_or(m.engine.catalog().section_default(sec).0, |a| a.role);
    let transfer = if p.transfers.is_empty() {
        t::INSIDE.to_string()
    } else {
        let list: Vec<String> = p
            .transfers
            .iter()
            .map(|x| format!("{} ({})", x.country, x.safeguard.label()))
            .collect();
        t::outside(&list.join(", "))
    };
    let url = if p.privacy_url.is_empty() {
        t::NO_LINK.to_string()
    } else {
        t::privacy_link(&p.privacy_url)
    };
    // The action first, so a narrow window never cuts it off.
    let sparse = m
        .custom(&p.id)
        .is_some_and(|c| c.company.is_none() && c.privacy_url.is_none());
    let action = if sparse {
        t::ACTION_COMPLETE
    } else {
        t::ACTION_EDIT
    };
    t::detail(
        &p.name,
        action,
        &p.company,
        &p.country,
        role.label(),
        &transfer,
        &url,
    )
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
        c.activities.retain(|a| a.section != sec.id());
    }
    let used = m
        .answers
        .providers
        .0
        .values()
        .any(|v| v.iter().any(|x| x == id));
    let gone = !used
        && m.custom(id)
            .is_some_and(|c| c.sections.is_empty() && c.activities.is_empty());
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

fn text_of(t: &TextInput) -> Option<String> {
    let v = t.value();
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// The role and data an own provider has in a section as written: its activity there, else
/// the short form.
fn written_role_data(c: &CustomProvider, sec: Section) -> (Option<String>, Option<Vec<String>>) {
    let act = c.activities.iter().find(|a| a.section == sec.id());
    (
        act.and_then(|a| a.role.clone()).or_else(|| c.role.clone()),
        act.and_then(|a| a.data.clone()).or_else(|| c.data.clone()),
    )
}

impl CustomForm {
    /// A form for a new own provider; what was typed in the search box is the likely name.
    pub fn new(name: &str) -> CustomForm {
        CustomForm {
            id: None,
            adding: true,
            created: false,
            cursor: CustomField::Name,
            name: TextInput::new(name),
            company: TextInput::default(),
            country: TextInput::new(DEFAULT_COUNTRY),
            url: TextInput::default(),
            role: None,
            joint_covers: TextInput::default(),
            joint_contact: None,
            data: TextInput::default(),
            transfers: vec![],
            agreement: None,
            agreement_url: TextInput::default(),
            errors: Default::default(),
            left: Default::default(),
            note: None,
            changed: false,
        }
    }

    /// A new own provider of the kind a step offers by name (e.g. the accounting step's "own
    /// bookkeeper or accountant"): the name is asked first, with what to fill in.
    pub fn own(m: &Model, sec: Section) -> CustomForm {
        let mut form = CustomForm::new("");
        form.note = m
            .engine
            .section_info(sec)
            .own
            .as_ref()
            .map(|o| o.name_help.clone());
        form
    }

    /// A form filled with an own provider's details in a step; its problems show at once.
    pub fn edit(m: &Model, sec: Section, c: &CustomProvider) -> CustomForm {
        let mut form = CustomForm::new(&c.name);
        form.id = Some(c.id.clone());
        form.adding = false;
        form.fill(c, sec);
        form.left = form.fields(m, sec).into_iter().collect();
        form.refresh(m, sec, None);
        form
    }

    /// Fills the detail fields from an own provider (not its name).
    fn fill(&mut self, c: &CustomProvider, sec: Section) {
        self.company = TextInput::new(c.company.as_deref().unwrap_or(""));
        self.country = TextInput::new(c.country.as_deref().unwrap_or(DEFAULT_COUNTRY));
        self.url = TextInput::new(c.privacy_url.as_deref().unwrap_or(""));
        let (role, data) = written_role_data(c, sec);
        self.role = role.as_deref().and_then(Role::from_id);
        self.data = TextInput::new(&data.unwrap_or_default().join(", "));
        let act = c.activities.iter().find(|a| a.section == sec.id());
        self.joint_covers =
            TextInput::new(act.and_then(|a| a.joint_covers.as_deref()).unwrap_or(""));
        self.joint_contact = act
            .and_then(|a| a.joint_contact.as_deref())
            .and_then(JointContact::from_id);
        self.transfers = c
            .transfer_list()
            .into_iter()
            .map(|x| TransferRow {
                country: TextInput::new(&x.country),
                safeguard: x.safeguard,
            })
            .collect();
        self.agreement = c.agreement.as_deref().and_then(AgreementHow::from_id);
        self.agreement_url = TextInput::new(c.agreement_url.as_deref().unwrap_or(""));
    }

    /// The role that applies in this step: the chosen one, else the engine's default.
    fn role_here(&self, m: &Model, sec: Section) -> Role {
        self.role
            .unwrap_or_else(|| m.engine.catalog().section_default(sec).0)
    }

    /// The form's fields in order, as shown now.
    pub fn fields(&self, m: &Model, sec: Section) -> Vec<CustomField> {
        use CustomField as F;
        let mut v = vec![F::Name, F::Company, F::Country, F::Url, F::Role];
        let role = self.role_here(m, sec);
        if role == Role::JointController {
            v.extend([F::JointCovers, F::JointContact]);
        }
        v.push(F::Data);
        for i in 0..self.transfers.len() {
            v.extend([F::TransferCountry(i), F::TransferSafeguard(i)]);
        }
        v.push(F::AddTransfer);
        if role == Role::Processor {
            v.extend([F::Agreement, F::AgreementUrl]);
        }
        v.push(F::Done);
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
            CustomField::JointCovers => Some(&self.joint_covers),
            CustomField::Data => Some(&self.data),
            CustomField::TransferCountry(i) => self.transfers.get(i).map(|x| &x.country),
            CustomField::AgreementUrl => Some(&self.agreement_url),
            _ => None,
        }
    }

    fn input_mut(&mut self, f: CustomField) -> Option<&mut TextInput> {
        match f {
            CustomField::Name => Some(&mut self.name),
            CustomField::Company => Some(&mut self.company),
            CustomField::Country => Some(&mut self.country),
            CustomField::Url => Some(&mut self.url),
            CustomField::JointCovers => Some(&mut self.joint_covers),
            CustomField::Data => Some(&mut self.data),
            CustomField::TransferCountry(i) => self.transfers.get_mut(i).map(|x| &mut x.country),
            CustomField::AgreementUrl => Some(&mut self.agreement_url),
            _ => None,
        }
    }

    /// The own provider as the form has it: the written one (or a new one) with the form's
    /// values, and for each written transfer the form row it came from.
    fn candidate(&self, m: &Model, sec: Section) -> (CustomProvider, Vec<usize>) {
        let mut c = self
            .id
            .as_deref()
            .and_then(|id| m.custom(id))
            .cloned()
            .unwrap_or_else(|| CustomProvider {
                id: rules::slug(&self.name.value()),
                ..Default::default()
            });
        c.name = self.name.value().trim().to_string();
        c.company = text_of(&self.company);
        c.country = text_of(&self.country).filter(|x| !x.eq_ignore_ascii_case(DEFAULT_COUNTRY));
        c.privacy_url = text_of(&self.url);
        if !c.sections.iter().any(|x| x == sec.id()) {
            c.sections.push(sec.id().to_string());
        }
        self.put_role_data(&mut c, sec);
        // The transfers in the current form; rows without a country are not facts yet.
        let mut rows = Vec::new();
        c.transfers = vec![];
        for (i, r) in self.transfers.iter().enumerate() {
            if let Some(country) = text_of(&r.country) {
                rows.push(i);
                c.transfers.push(CustomTransfer {
                    country,
                    safeguard: r.safeguard.clone(),
                });
            }
        }
        c.outside_eea = None;
        c.safeguard = None;
        c.transfer_countries = vec![];
        // A processor agreement belongs to a processor: for a provider that is one nowhere (by
        // the engine's reading), the hidden agreement rows are not written.
        let processor = m
            .engine
            .catalog()
            .custom_provider(&c)
            .is_processor_anywhere();
        c.agreement = self
            .agreement
            .filter(|_| processor)
            .map(|a| a.id().to_string());
        c.agreement_url = text_of(&self.agreement_url).filter(|_| processor);
        (c, rows)
    }

    /// Role, data and the joint facts for this step: the short form while the provider serves
    /// only this step, else (and always for a joint controller) its activity here.
    fn put_role_data(&self, c: &mut CustomProvider, sec: Section) {
        let role = self.role.map(|r| r.id().to_string());
        let data: Vec<String> = self
            .data
            .value()
            .split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect();
        let data = (!data.is_empty()).then_some(data);
        let joint = self.role == Some(Role::JointController);
        let here = c.activities.iter().position(|a| a.section == sec.id());
        let other = c.sections.iter().any(|x| x != sec.id())
            || c.activities.iter().any(|a| a.section != sec.id());
        if here.is_none() && !other && !joint {
            c.role = role;
            c.data = data;
            return;
        }
        if here.is_none() && (role.clone(), data.clone()) == (c.role.clone(), c.data.clone()) {
            // What the short form already says for every step.
            return;
        }
        let i = here.unwrap_or_else(|| {
            c.activities.push(CustomActivity {
                section: sec.id().to_string(),
                ..Default::default()
            });
            c.activities.len() - 1
        });
        let a = &mut c.activities[i];
        a.role = role;
        a.data = data;
        a.joint_covers = if joint {
            text_of(&self.joint_covers)
        } else {
            None
        };
        a.joint_contact = if joint {
            self.joint_contact.map(|x| x.id().to_string())
        } else {
            None
        };
        if !other {
            // The activity now says it; the short form would only repeat it.
            c.role = None;
            c.data = None;
        }
    }

    /// The engine's error messages for the form's values, by the field they name.
    fn messages(&self, m: &Model, sec: Section) -> BTreeMap<CustomField, String> {
        let (c, rows) = self.candidate(m, sec);
        let mut out = BTreeMap::new();
        if self.id.is_none() || self.created {
            // Not written yet, or written by this form: the name must give a new id.
            if let Err(msg) = validate::new_custom_id(&self.name.value(), m.engine.catalog()) {
                out.insert(CustomField::Name, msg);
            }
        }
        let here = c.activities.iter().position(|a| a.section == sec.id());
        for d in validate::custom_provider(&c, m.engine.catalog(), PREFIX) {
            if d.severity != Severity::Error {
                continue;
            }
            let key = d.field.strip_prefix(PREFIX).unwrap_or(&d.field);
            let key = key.strip_prefix('.').unwrap_or(key);
            let field = match key {
                // A new name that is a catalog id: the name's own message says it better.
                "id" if self.id.is_none() => None,
                "name" | "id" => Some(CustomField::Name),
                "company" => Some(CustomField::Company),
                "country" => Some(CustomField::Country),
                "privacy_url" => Some(CustomField::Url),
                "role" => Some(CustomField::Role),
                "data" => Some(CustomField::Data),
                "agreement" => Some(CustomField::Agreement),
                "agreement_url" => Some(CustomField::AgreementUrl),
                k if k.starts_with("transfer[") => {
                    let (n, rest) = k["transfer[".len()..].split_once(']').unwrap_or(("", ""));
                    n.parse::<usize>()
                        .ok()
                        .and_then(|n| rows.get(n).copied())
                        .map(|i| {
                            if rest == ".safeguard" {
                                CustomField::TransferSafeguard(i)
                            } else {
                                CustomField::TransferCountry(i)
                            }
                        })
                }
                k if k.starts_with("activity[") => {
                    let (n, rest) = k["activity[".len()..].split_once(']').unwrap_or(("", ""));
                    if n.parse::<usize>().ok() != here {
                        None
                    } else {
                        match rest {
                            ".role" => Some(CustomField::Role),
                            ".joint_covers" => Some(CustomField::JointCovers),
                            ".joint_contact" => Some(CustomField::JointContact),
                            _ => None,
                        }
                    }
                }
                _ => None,
            };
            if let Some(f) = field {
                out.entry(f).or_insert(d.message);
            }
        }
        out
    }

    /// Shows the engine's messages on the fields the user has left. In `typing` (the field
    /// being changed) a message may go away or change, but a new one waits until it is left.
    fn refresh(&mut self, m: &Model, sec: Section, typing: Option<CustomField>) {
        let all = self.messages(m, sec);
        let mut shown = BTreeMap::new();
        for (f, msg) in all {
            let show = if Some(f) == typing {
                self.errors.contains_key(&f)
            } else {
                self.left.contains(&f)
            };
            if show {
                shown.insert(f, msg);
            }
        }
        self.errors = shown;
    }

    /// Writes the form into the answers. A new provider is written once its name gives a new
    /// id (and chosen in this step); until the form closes, its id follows the name.
    /// Returns whether the answers changed.
    fn write(&mut self, m: &mut Model, sec: Section) -> bool {
        let catalog = m.engine.catalog();
        let name = self.name.value();
        match self.id.clone() {
            None => {
                if !self.adding {
                    return false;
                }
                let Ok(id) = validate::new_custom_id(&name, catalog) else {
                    return false;
                };
                if m.custom(&id).is_some() {
                    // Another step's own provider: taken over when the name is left.
                    return false;
                }
                m.answers.custom_providers.push(CustomProvider {
                    id: id.clone(),
                    name: name.trim().to_string(),
                    ..Default::default()
                });
                m.ensure_answered(sec);
                if !m.answers.providers.get(sec).contains(&id) {
                    m.answers.providers.toggle(sec, &id);
                }
                self.id = Some(id);
                self.created = true;
            }
            Some(id) if self.created => {
                if let Ok(new) = validate::new_custom_id(&name, catalog) {
                    if new != id && m.custom(&new).is_none() {
                        rename(m, &id, &new);
                        self.id = Some(new);
                    }
                }
            }
            Some(_) => {}
        }
        let (c, _) = self.candidate(m, sec);
        let Some(slot) = m.answers.custom_providers.iter_mut().find(|x| x.id == c.id) else {
            return false;
        };
        if *slot == c {
            return false;
        }
        *slot = c;
        self.changed = true;
        true
    }

    /// After a change in field `f`: writes, and updates the messages.
    fn changed_in(&mut self, m: &mut Model, sec: Section, f: CustomField) -> Outcome {
        let wrote = self.write(m, sec);
        self.refresh(m, sec, Some(f));
        if wrote {
            Outcome::Changed
        } else {
            Outcome::Stay
        }
    }

    /// Leaves the field under the cursor: a new name that is another step's own provider
    /// takes that provider over; a country of establishment outside the EEA becomes a
    /// destination country; a destination row left empty goes away.
    fn leave_field(&mut self, m: &mut Model, sec: Section) -> bool {
        let f = self.cursor;
        let mut wrote = false;
        if f == CustomField::Name && self.adding {
            let id = rules::slug(&self.name.value());
            if self.id.as_deref() != Some(id.as_str()) {
                if let Some(c) = m.custom(&id).cloned() {
                    if let Some(mine) = self.id.take().filter(|_| self.created) {
                        drop_created(m, &mine);
                    }
                    self.created = false;
                    self.fill(&c, sec);
                    self.id = Some(c.id.clone());
                    self.note = Some(t::TAKEN_OVER.into());
                    m.ensure_answered(sec);
                    if !m.answers.providers.get(sec).contains(&c.id) {
                        m.answers.providers.toggle(sec, &c.id);
                    }
                    wrote = true;
                }
            }
        }
        if f == CustomField::Country {
            if let Some(country) = text_of(&self.country) {
                let countries = m.engine.countries();
                let name = countries.canonical(&country).unwrap_or(country.clone());
                let listed = self.transfers.iter().any(|r| {
                    text_of(&r.country).is_some_and(|x| {
                        countries.canonical(&x).unwrap_or(x.clone()).to_lowercase()
                            == name.to_lowercase()
                    })
                });
                if !countries.is_eea(&country) && !listed {
                    self.transfers.push(TransferRow {
                        country: TextInput::new(&name),
                        safeguard: None,
                    });
                }
            }
        }
        if let CustomField::TransferCountry(i) = f {
            if self
                .transfers
                .get(i)
                .is_some_and(|r| text_of(&r.country).is_none() && r.safeguard.is_none())
            {
                self.transfers.remove(i);
                // The messages of later rows move up with them.
                self.left = self
                    .left
                    .iter()
                    .filter_map(|x| match *x {
                        CustomField::TransferCountry(j) if j == i => None,
                        CustomField::TransferSafeguard(j) if j == i => None,
                        CustomField::TransferCountry(j) if j > i => {
                            Some(CustomField::TransferCountry(j - 1))
                        }
                        CustomField::TransferSafeguard(j) if j > i => {
                            Some(CustomField::TransferSafeguard(j - 1))
                        }
                        x => Some(x),
                    })
                    .collect();
            }
        }
        wrote |= self.write(m, sec);
        self.left.insert(f);
        if let CustomField::TransferCountry(i) = f {
            // A country decides its safeguard's message too.
            if i < self.transfers.len() {
                self.left.insert(CustomField::TransferSafeguard(i));
            }
        }
        wrote
    }

    fn move_to(&mut self, m: &mut Model, sec: Section, f: CustomField) -> bool {
        let wrote = self.leave_field(m, sec);
        let fs = self.fields(m, sec);
        // A removed transfer row: the cursor goes to the nearest field that is still there.
        self.cursor = if fs.contains(&f) {
            f
        } else {
            match f {
                CustomField::TransferCountry(i) | CustomField::TransferSafeguard(i)
                    if i > 0 && fs.contains(&CustomField::TransferCountry(i - 1)) =>
                {
                    CustomField::TransferSafeguard(i - 1)
                }
                _ => CustomField::AddTransfer,
            }
        };
        self.refresh(m, sec, None);
        wrote
    }

    /// Moves one field down (`by` 1) or up (-1); stays put at either end.
    fn step(&mut self, m: &mut Model, sec: Section, by: isize) -> bool {
        let fs = self.fields(m, sec);
        let i = fs.iter().position(|x| *x == self.cursor).unwrap_or(0) as isize;
        let j = (i + by).clamp(0, fs.len() as isize - 1) as usize;
        let target = fs[j];
        // Leaving an empty transfer row removes it: going down then lands on what followed.
        let removes = matches!(self.cursor, CustomField::TransferCountry(k)
            if self.transfers.get(k).is_some_and(|r| text_of(&r.country).is_none() && r.safeguard.is_none()));
        if removes && by > 0 {
            let wrote = self.leave_field(m, sec);
            let fs = self.fields(m, sec);
            self.cursor = fs
                .get(i as usize)
                .copied()
                .unwrap_or(CustomField::AddTransfer);
            self.refresh(m, sec, None);
            return wrote;
        }
        self.move_to(m, sec, target)
    }

    /// Closes the form ("Klaar"). With problems the form stays open on the first of them and
    /// shows them all; Esc closes anyway (everything is saved; `check` reports them).
    fn finish(&mut self, m: &mut Model, sec: Section, force: bool) -> Outcome {
        let mut wrote = self.leave_field(m, sec);
        if force && self.created {
            if let (Some(id), Err(_)) = (
                self.id.clone(),
                validate::new_custom_id(&self.name.value(), m.engine.catalog()),
            ) {
                // A name the form refuses (empty, or the catalog's): nothing is added.
                drop_created(m, &id);
                return Outcome::Closed {
                    id: None,
                    message: None,
                    changed: true,
                };
            }
        }
        if !force {
            if self.id.is_none() && self.adding {
                // "Klaar" adds what the form shows, also a name that was only filled in.
                wrote |= self.write(m, sec);
            }
            self.left.extend(self.fields(m, sec));
            self.refresh(m, sec, None);
            if let Some(f) = self.errors.keys().next().copied() {
                self.cursor = f;
                return if wrote {
                    Outcome::Changed
                } else {
                    Outcome::Stay
                };
            }
        }
        let message = self.id.as_ref().map(|_| {
            let name = self.name.value().trim().to_string();
            if self.adding && self.created {
                t::added(&name)
            } else if self.changed {
                t::saved(&name)
            } else {
                t::unchanged(&name)
            }
        });
        Outcome::Closed {
            id: self.id.clone(),
            message,
            changed: wrote || self.changed,
        }
    }

    /// The choices of a choice field, as (value, label); the current value first when the
    /// engine would not offer it (so it shows, with its message).
    fn cycle(&mut self, m: &Model, sec: Section, f: CustomField, forward: bool) -> bool {
        fn next<T: PartialEq + Copy>(list: &[T], cur: T, forward: bool) -> T {
            let n = list.len();
            match list.iter().position(|x| *x == cur) {
                Some(i) if forward => list[(i + 1) % n],
                Some(i) => list[(i + n - 1) % n],
                None => list[0],
            }
        }
        match f {
            CustomField::Role => {
                let list: Vec<Option<Role>> = std::iter::once(None)
                    .chain(Role::ALL.into_iter().map(Some))
                    .collect();
                self.role = next(&list, self.role, forward);
                if self.role == Some(Role::JointController) && self.joint_contact.is_none() {
                    // Who answers requests: the engine's default for an own joint controller.
                    self.joint_contact = m
                        .engine
                        .catalog()
                        .custom_provider(&CustomProvider {
                            sections: vec![sec.id().into()],
                            role: Some(Role::JointController.id().into()),
                            ..Default::default()
                        })
                        .activities
                        .first()
                        .and_then(|a| a.joint_contact);
                }
            }
            CustomField::JointContact => {
                let list: Vec<Option<JointContact>> =
                    JointContact::ALL.into_iter().map(Some).collect();
                self.joint_contact = next(&list, self.joint_contact, forward);
            }
            CustomField::Agreement => {
                let list: Vec<Option<AgreementHow>> = std::iter::once(None)
                    .chain(AgreementHow::ALL.into_iter().map(Some))
                    .collect();
                self.agreement = next(&list, self.agreement, forward);
            }
            CustomField::TransferSafeguard(i) => {
                let Some(row) = self.transfers.get_mut(i) else {
                    return false;
                };
                let country = row.country.value();
                let valid: Vec<Option<Safeguard>> = m
                    .engine
                    .countries()
                    .valid_safeguards(country.trim())
                    .into_iter()
                    .map(Some)
                    .collect();
                if valid.is_empty() {
                    return false;
                }
                let cur = row.safeguard.as_deref().and_then(Safeguard::from_id);
                let cur = if valid.contains(&cur) { cur } else { None };
                let mut list = vec![None];
                list.extend(valid);
                let mut sg = next(&list, cur, forward);
                if sg.is_none() {
                    // Once chosen, "no choice" is not offered again: the cycle skips it.
                    sg = next(&list, None, forward);
                }
                row.safeguard = sg.map(|s| s.id().to_string());
            }
            _ => return false,
        }
        true
    }

    /// Adds an empty destination row and puts the cursor in it.
    fn add_transfer(&mut self, m: &mut Model, sec: Section) -> bool {
        let wrote = self.leave_field(m, sec);
        self.transfers.push(TransferRow::default());
        self.cursor = CustomField::TransferCountry(self.transfers.len() - 1);
        self.refresh(m, sec, None);
        wrote
    }

    fn outcome(wrote: bool) -> Outcome {
        if wrote {
            Outcome::Changed
        } else {
            Outcome::Stay
        }
    }

    pub fn key(&mut self, m: &mut Model, sec: Section, k: KeyEvent) -> Outcome {
        let cur = self.cursor;
        let wrote = match keymap::lookup(KEYS, &k) {
            Some(Act::Close) => return self.finish(m, sec, true),
            Some(Act::Up) => self.step(m, sec, -1),
            Some(Act::Down) => self.step(m, sec, 1),
            Some(Act::Enter) => match cur {
                CustomField::Done => return self.finish(m, sec, false),
                CustomField::AddTransfer => self.add_transfer(m, sec),
                _ => self.step(m, sec, 1),
            },
            Some(Act::Choose) | Some(Act::Edit) => match cur {
                CustomField::Done if k.code == KeyCode::Char(' ') => {
                    return self.finish(m, sec, false)
                }
                CustomField::AddTransfer if k.code == KeyCode::Char(' ') => {
                    self.add_transfer(m, sec)
                }
                CustomField::Role
                | CustomField::JointContact
                | CustomField::Agreement
                | CustomField::TransferSafeguard(_) => {
                    let forward = k.code != KeyCode::Left;
                    if matches!(k.code, KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right)
                        && self.cycle(m, sec, cur, forward)
                    {
                        // A choice is made at once: its message shows (or goes) at once.
                        self.left.insert(cur);
                        return self.changed_in(m, sec, cur);
                    }
                    false
                }
                f => {
                    if self.input_mut(f).is_some_and(|t| t.handle_key(k)) {
                        return self.changed_in(m, sec, f);
                    }
                    false
                }
            },
            None => false,
        };
        Self::outcome(wrote)
    }

    pub fn paste(&mut self, m: &mut Model, sec: Section, text: &str) -> Outcome {
        let f = self.cursor;
        match self.input_mut(f) {
            Some(t) => {
                t.paste(text);
                self.changed_in(m, sec, f)
            }
            None => Outcome::Stay,
        }
    }

    /// Rows: (field, None) for a field, (field, Some(text)) for a line of its message.
    fn rows(&self, m: &Model, sec: Section, width: u16) -> Vec<(CustomField, Option<String>)> {
        form::rows(
            self.fields(m, sec)
                .into_iter()
                .map(|f| (f, self.errors.get(&f))),
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
        let rows = self.rows(m, sec, area.width);
        let off = form::offset(&rows, self.cursor, area.height);
        let Some((f, err)) = rows.get((row - area.y) as usize + off).cloned() else {
            return Outcome::Stay;
        };
        let again = self.cursor == f;
        let mut wrote = self.move_to(m, sec, f);
        if self.cursor != f {
            return Self::outcome(wrote);
        }
        let x = value_x(area, f);
        match f {
            CustomField::Done => return self.finish(m, sec, false),
            CustomField::AddTransfer => wrote |= self.add_transfer(m, sec),
            CustomField::Role
            | CustomField::JointContact
            | CustomField::Agreement
            | CustomField::TransferSafeguard(_)
                if again && self.cycle(m, sec, f, true) =>
            {
                self.left.insert(f);
                return self.changed_in(m, sec, f);
            }
            _ if err.is_none() && column >= x => {
                let w = area.width.saturating_sub(x - area.x);
                if let Some(t) = self.input_mut(f) {
                    t.click(column - x, w);
                }
            }
            _ => {}
        }
        Self::outcome(wrote)
    }

    /// The text of a choice field.
    fn choice_text(&self, m: &Model, sec: Section, f: CustomField) -> String {
        let text = match f {
            CustomField::Role => {
                // What a role means for this step's own kind of provider, where it says so.
                let own = m.engine.section_info(sec).own.as_ref();
                let label =
                    |r: Role| own.map_or_else(|| r.label().to_string(), |o| o.role_label(r));
                match self.role {
                    Some(r) => label(r),
                    None => t::usual(&label(m.engine.catalog().section_default(sec).0)),
                }
            }
            CustomField::JointContact => self
                .joint_contact
                .map_or(t::CHOOSE.to_string(), |c| c.label().to_string()),
            CustomField::Agreement => self
                .agreement
                .map_or(t::NOT_SAID.to_string(), |a| a.label().to_string()),
            CustomField::TransferSafeguard(i) => {
                match self.transfers.get(i).and_then(|r| r.safeguard.as_deref()) {
                    Some(id) => {
                        Safeguard::from_id(id).map_or(id.to_string(), |s| s.label().to_string())
                    }
                    None => t::CHOOSE.to_string(),
                }
            }
            _ => String::new(),
        };
        format!("‹ {text} ›")
    }

    /// Dim text in an empty field: what the engine uses when it stays empty.
    fn placeholder(&self, m: &Model, sec: Section, f: CustomField) -> Option<String> {
        match f {
            CustomField::Company => {
                let name = self.name.value();
                let name = name.trim();
                (!name.is_empty()).then(|| format!("({name})"))
            }
            CustomField::Data => {
                let (_, data) = m.engine.catalog().section_default(sec);
                (!data.is_empty()).then(|| t::usual(&data.join(", ")))
            }
            _ => None,
        }
    }

    fn hint(&self, m: &Model, sec: Section) -> String {
        if let Some(n) = &self.note {
            if matches!(
                self.cursor,
                CustomField::Name | CustomField::Company | CustomField::Done
            ) {
                return n.clone();
            }
        }
        match self.cursor {
            CustomField::Role => m
                .engine
                .section_info(sec)
                .own
                .as_ref()
                .map_or_else(|| t::HINT_ROLE.to_string(), |o| o.role_help.clone()),
            f => hint(f).to_string(),
        }
    }

    pub fn draw(&self, f: &mut Frame, main: Rect, m: &Model, sec: Section, focused: bool) {
        let title = if self.adding {
            t::title_add(sec.label())
        } else {
            t::title_edit(sec.label())
        };
        form::heading(f, main, &title, t::SUBTITLE);
        let area = form::area(main);
        let rows = self.rows(m, sec, area.width);
        let off = form::offset(&rows, self.cursor, area.height);
        let hint_text = self.hint(m, sec);
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
            if matches!(field, CustomField::Done | CustomField::AddTransfer) {
                let style = if is_cur && focused {
                    theme::highlight()
                } else {
                    theme::bold()
                };
                let text = if field == CustomField::Done {
                    t::DONE_BUTTON
                } else {
                    t::ADD_TRANSFER
                };
                buf.set_string(area.x, y, form::pointer(is_cur), Style::new());
                buf.set_string(
                    area.x + 1,
                    y,
                    fit(text, area.width.saturating_sub(1) as usize),
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
            match self.input(field) {
                Some(input) => {
                    let cx = input.render(value_area, buf, style);
                    if is_cur && focused {
                        cursor_pos = Some((cx, y));
                    }
                    if input.is_empty() && !is_cur {
                        if let Some(p) = self.placeholder(m, sec, field) {
                            buf.set_string(
                                x,
                                y,
                                fit(&p, value_area.width as usize),
                                theme::dim().add_modifier(Modifier::UNDERLINED),
                            );
                        }
                    }
                }
                None => {
                    let style = if is_cur && focused {
                        style
                    } else {
                        Style::new()
                    };
                    let text = self.choice_text(m, sec, field);
                    buf.set_string(x, y, fit(&text, value_area.width as usize), style);
                }
            }
        }
        form::hint(f, main, &hint_text);
        if let Some(p) = cursor_pos {
            f.set_cursor_position(p);
        }
    }
}

/// Gives a provider this form created a new id, everywhere it is named.
fn rename(m: &mut Model, id: &str, new: &str) {
    if let Some(c) = m.answers.custom_providers.iter_mut().find(|c| c.id == id) {
        c.id = new.to_string();
    }
    for list in m.answers.providers.0.values_mut() {
        for x in list.iter_mut().filter(|x| *x == id) {
            *x = new.to_string();
        }
    }
}

/// Takes back a provider this form created (the name turned out to be an existing one).
fn drop_created(m: &mut Model, id: &str) {
    m.answers.custom_providers.retain(|c| c.id != id);
    for list in m.answers.providers.0.values_mut() {
        list.retain(|x| x != id);
    }
}

fn label(f: CustomField) -> &'static str {
    match f {
        CustomField::Name => t::LABEL_NAME,
        CustomField::Company => t::LABEL_COMPANY,
        CustomField::Country => t::LABEL_COUNTRY,
        CustomField::Url => t::LABEL_URL,
        CustomField::Role => t::LABEL_ROLE,
        CustomField::JointCovers => t::LABEL_JOINT_COVERS,
        CustomField::JointContact => t::LABEL_JOINT_CONTACT,
        CustomField::Data => t::LABEL_DATA,
        CustomField::TransferCountry(_) => t::LABEL_TRANSFER,
        CustomField::TransferSafeguard(_) => t::LABEL_SAFEGUARD,
        CustomField::Agreement => t::LABEL_AGREEMENT,
        CustomField::AgreementUrl => t::LABEL_AGREEMENT_URL,
        CustomField::AddTransfer | CustomField::Done => "",
    }
}

fn hint(f: CustomField) -> &'static str {
    match f {
        CustomField::Name => t::HINT_NAME,
        CustomField::Company => t::HINT_COMPANY,
        CustomField::Country => t::HINT_COUNTRY,
        CustomField::Url => t::HINT_URL,
        CustomField::Role => t::HINT_ROLE,
        CustomField::JointCovers => t::HINT_JOINT_COVERS,
        CustomField::JointContact => t::HINT_JOINT_CONTACT,
        CustomField::Data => t::HINT_DATA,
        CustomField::TransferCountry(_) => t::HINT_TRANSFER,
        CustomField::TransferSafeguard(_) => t::HINT_SAFEGUARD,
        CustomField::AddTransfer => t::HINT_ADD_TRANSFER,
        CustomField::Agreement => t::HINT_AGREEMENT,
        CustomField::AgreementUrl => t::HINT_AGREEMENT_URL,
        CustomField::Done => t::HINT_DONE,
    }
}

/// Where a field's value starts: the label column, or after a longer label.
fn value_x(area: Rect, f: CustomField) -> u16 {
    let w = unicode_width::UnicodeWidthStr::width(label(f)) as u16 + 2;
    area.x + LABEL_W.max(w)
}
