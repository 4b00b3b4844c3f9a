//! A provider step (one per section): the section's providers (common first), type-to-filter,
//! Space toggles, variants with ←/→, and own providers (added and edited in the form of
//! `custom_provider`).

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::custom_provider::{self, CustomForm, Outcome};
use crate::engine::{Answers, Provider, Section};
use crate::wizard::derived::Derived;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Dialog, Effect, Msg, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::providers as t;
use crate::wizard::theme;
use crate::wizard::widgets::list;
use crate::wizard::widgets::text::{ellipsis, keep_lines, list_offset, wrap, wrap_max};
use crate::wizard::widgets::text_input::TextInput;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Provider(String),
    /// The step's own kind of provider (e.g. "own bookkeeper or accountant"): the form.
    AddOwn,
    AddCustom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Up,
    Down,
    Home,
    End,
    Toggle,
    Enter,
    EditOwn,
    Delete,
    VariantPrev,
    VariantNext,
    Shorten,
    Esc,
    Type,
}

const KEYS: &Keymap<Act> = &[
    Binding {
        keys: &[(Key::Plain(KeyCode::Char(' ')), Act::Toggle)],
        footer: Some(t::KEY_TOGGLE),
        help: t::HELP_TOGGLE,
    },
    Binding {
        keys: &[(Key::Text, Act::Type)],
        footer: Some(t::KEY_SEARCH),
        help: t::HELP_SEARCH,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Act::Enter)],
        footer: Some(t::KEY_ENTER),
        help: t::HELP_ENTER,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Up), Act::Up),
            (Key::Plain(KeyCode::Down), Act::Down),
            (Key::Plain(KeyCode::Home), Act::Home),
            (Key::Plain(KeyCode::End), Act::End),
        ],
        footer: None,
        help: t::HELP_MOVE,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Backspace), Act::Shorten)],
        footer: None,
        help: t::HELP_SHORTEN,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Left), Act::VariantPrev),
            (Key::Plain(KeyCode::Right), Act::VariantNext),
        ],
        footer: None,
        help: t::HELP_VARIANT,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Act::Enter)],
        footer: None,
        help: t::HELP_ADD,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Enter), Act::Enter),
            (Key::Ctrl(KeyCode::Char('e')), Act::EditOwn),
        ],
        footer: None,
        help: t::HELP_EDIT_OWN,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Delete), Act::Delete)],
        footer: None,
        help: t::HELP_DELETE,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), Act::Esc)],
        footer: None,
        help: t::HELP_ESC,
    },
];

pub struct Providers {
    pub section: Section,
    pub cursor: usize,
    pub filter: TextInput,
    /// The own-provider form (adding or editing), while open.
    pub form: Option<CustomForm>,
    /// An own provider Delete was pressed on once: a second Delete removes it.
    pub delete: Option<String>,
    /// A message about the last action, and whether it is an error.
    pub message: Option<(String, bool)>,
    /// The setup question on screen: (its "yes" entry, its "no" entry).
    pub asking: Option<(String, String)>,
}

struct Areas {
    search: Rect,
    list: Rect,
    summary: Rect,
}

/// The rows the box below the list keeps at least (its border and five lines).
const MIN_SUMMARY: u16 = 6;

/// The list is as tall as its rows (up to what leaves the box below its minimum); the box
/// below gets the rest, so a short list leaves room for the whole description.
fn areas(main: Rect, rows: usize) -> Areas {
    let x = main.x + 1;
    let w = main.width.saturating_sub(2);
    let list_h = main
        .height
        .saturating_sub(4 + MIN_SUMMARY)
        .min(rows.min(u16::MAX as usize) as u16);
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

impl Providers {
    pub fn new(section: Section) -> Providers {
        Providers {
            section,
            cursor: 0,
            filter: TextInput::default(),
            form: None,
            delete: None,
            message: None,
            asking: None,
        }
    }

    /// The list: common first, then the rest by name, then own additions; the search applied.
    pub fn items(&self, m: &Model) -> Vec<Item> {
        let section = self.section;
        let info = m.engine.section_info(section);
        let cat = m.engine.catalog();
        let mut ids: Vec<String> = info
            .common
            .iter()
            .filter(|id| cat.get(id).is_some_and(|p| p.serves(section)))
            .cloned()
            .collect();
        let mut rest: Vec<&Provider> = cat
            .in_section(section)
            .filter(|p| !ids.contains(&p.id))
            .collect();
        rest.sort_by_key(|p| p.name.to_lowercase());
        ids.extend(rest.into_iter().map(|p| p.id.clone()));
        for c in &m.answers.custom_providers {
            if c.sections.iter().any(|s| s == section.id()) && !ids.contains(&c.id) {
                ids.push(c.id.clone());
            }
        }
        let q = self.filter.value();
        let mut items: Vec<Item> = ids
            .into_iter()
            // The "no" answer of a setup question is the row of its "yes" entry.
            .filter(|id| !cat.is_otherwise(id))
            .filter(|id| match cat.get(id) {
                Some(p) => {
                    p.matches(&q)
                        || cat.setup_of(id).is_some_and(|(_, s)| {
                            cat.get(&s.otherwise).is_some_and(|o| o.matches(&q))
                        })
                }
                None => m.provider(id).is_some_and(|p| p.matches(&q)),
            })
            .map(Item::Provider)
            .collect();
        if let Some(own) = &m.engine.section_info(self.section).own {
            let q = self.filter.value().trim().to_lowercase();
            if own.label.to_lowercase().contains(&q) {
                items.push(Item::AddOwn);
            }
        }
        items.push(Item::AddCustom);
        items
    }

    /// Puts the cursor on `id` (or the top when it is not listed).
    fn point_at(&mut self, m: &Model, id: &str) {
        self.cursor = self
            .items(m)
            .iter()
            .position(|x| matches!(x, Item::Provider(p) if p == id))
            .unwrap_or(0);
    }

    fn toggle(&mut self, m: &mut Model, id: &str) -> Vec<Effect> {
        let sec = self.section;
        m.ensure_answered(sec);
        let on = m.answers.providers.toggle(sec, id);
        if !on
            && !Section::ALL
                .iter()
                .any(|x| m.answers.providers.get(*x).iter().any(|p| p == id))
        {
            m.answers.variants.remove(id);
        }
        self.message = None;
        vec![Effect::Save]
    }

    /// The catalog entry of a row that is chosen now: the row's own, or for a setup question
    /// the answer's entry.
    fn chosen_entry(&self, m: &Model, id: &str) -> Option<String> {
        let sel = m.selected(self.section);
        if sel.iter().any(|x| x == id) {
            return Some(id.to_string());
        }
        let (_, setup) = m.engine.catalog().setup_of(id)?;
        sel.iter().find(|x| **x == setup.otherwise).cloned()
    }

    /// Space (or a click) on a row: off when chosen; else on, and for a provider with a setup
    /// question (Google Analytics) the question is asked first.
    fn choose(&mut self, m: &mut Model, id: &str) -> Vec<Effect> {
        if let Some(on) = self.chosen_entry(m, id) {
            return self.toggle(m, &on);
        }
        match m.engine.catalog().setup_of(id) {
            Some((yes, setup)) => {
                let mut lines = vec![setup.question.clone(), String::new()];
                if !setup.conditions.is_empty() {
                    lines.push(t::SETUP_YES_MEANS.into());
                    lines.extend(setup.conditions.iter().map(|c| format!("· {c}")));
                    lines.push(String::new());
                }
                let no_consent = m
                    .engine
                    .catalog()
                    .get(&setup.otherwise)
                    .is_some_and(|o| o.consent == Some(true));
                if no_consent {
                    lines.push(t::SETUP_NO_CONSENT.into());
                }
                self.asking = Some((yes.id.clone(), setup.otherwise.clone()));
                vec![Effect::Ask(Dialog {
                    id: t::SETUP_ID,
                    title: t::SETUP_TITLE.into(),
                    lines,
                    choices: vec![('j', t::SETUP_YES, "yes"), ('n', t::SETUP_NO, "no")],
                    cancel: Some("cancel"),
                })]
            }
            None => self.toggle(m, id),
        }
    }

    /// ←/→ on a chosen row with a setup question: the other answer.
    fn swap_setup(&mut self, m: &mut Model, id: &str) -> Option<Vec<Effect>> {
        let (yes, setup) = m.engine.catalog().setup_of(id)?;
        let (yes, no) = (yes.id.clone(), setup.otherwise.clone());
        let on = self.chosen_entry(m, &yes)?;
        let other = if on == yes { no } else { yes };
        let sec = self.section;
        m.ensure_answered(sec);
        let list = m.answers.providers.get(sec);
        let swapped: Vec<String> = list
            .iter()
            .map(|x| if *x == on { other.clone() } else { x.clone() })
            .collect();
        m.answers.providers.set(sec, swapped);
        self.message = None;
        Some(vec![Effect::Save])
    }

    fn cycle_variant(&mut self, m: &mut Model, id: &str, forward: bool) -> Vec<Effect> {
        if let Some(fx) = self.swap_setup(m, id) {
            return fx;
        }
        let Some(p) = m.provider(id) else {
            return vec![];
        };
        if p.variants.is_empty() || !m.selected(self.section).iter().any(|x| x == id) {
            return vec![];
        }
        let ids: Vec<Option<String>> = std::iter::once(None)
            .chain(p.variants.iter().map(|v| Some(v.id.clone())))
            .collect();
        let cur = m.variant_of(id);
        let pos = ids.iter().position(|v| *v == cur).unwrap_or(0);
        let n = ids.len();
        let next = if forward {
            (pos + 1) % n
        } else {
            (pos + n - 1) % n
        };
        match &ids[next] {
            Some(v) => {
                m.answers.variants.insert(id.to_string(), v.clone());
            }
            None => {
                m.answers.variants.remove(id);
            }
        }
        vec![Effect::Save]
    }

    fn open_new(&mut self) {
        self.form = Some(CustomForm::new(self.filter.value().trim()));
        self.message = None;
    }

    fn open_edit(&mut self, m: &Model, id: &str) {
        if let Some(c) = m.custom(id) {
            self.form = Some(CustomForm::edit(m, self.section, c));
            self.message = None;
        }
    }

    /// What the form's key or click came to.
    fn form_done(&mut self, m: &Model, out: Outcome) -> Vec<Effect> {
        match out {
            Outcome::Stay => vec![],
            // The form writes each change into the answers at once.
            Outcome::Changed => vec![Effect::Save],
            Outcome::Closed {
                id,
                message,
                changed,
            } => {
                if id.is_some() && self.form.as_ref().is_some_and(|f| f.adding) {
                    self.filter = TextInput::default();
                }
                self.form = None;
                if let Some(id) = id {
                    self.point_at(m, &id);
                }
                self.message = message.map(|x| (x, false));
                if changed {
                    vec![Effect::Save]
                } else {
                    vec![]
                }
            }
        }
    }
}

impl Providers {
    /// A row of the list as text: checkbox, name, variant or answer, star for common ones.
    fn row_text(&self, m: &Model, item: &Item, star: bool) -> String {
        let id = match item {
            Item::Provider(id) => id,
            Item::AddCustom => return t::ADD.to_string(),
            Item::AddOwn => {
                return m
                    .engine
                    .section_info(self.section)
                    .own
                    .as_ref()
                    .map_or_else(String::new, |o| o.label.clone())
            }
        };
        let on = self.chosen_entry(m, id);
        // A setup question's row carries the name of the answer chosen (or the short name).
        let shown = on.clone().unwrap_or_else(|| id.clone());
        let p = m.provider(&shown);
        let name = match (&p, &on, m.engine.catalog().setup_of(id)) {
            (Some(p), None, Some(_)) => p.short_name.clone().unwrap_or(p.name.clone()),
            (Some(p), _, _) => p.name.clone(),
            (None, _, _) => id.clone(),
        };
        let mut text = format!("[{}] {name}", if on.is_some() { "x" } else { " " });
        if let Some(p) = &p {
            if p.custom {
                text.push_str(t::OWN);
            }
            if on.is_some() && !p.variants.is_empty() {
                let label = m
                    .variant_of(id)
                    .and_then(|v| p.variants.iter().find(|x| x.id == v))
                    .map(|v| v.label.clone())
                    .unwrap_or_else(|| t::VARIANT_NONE.into());
                text.push_str(&format!(" — ‹{label}›"));
            }
            let info = m.engine.section_info(self.section);
            if star && info.common.contains(id) && self.filter.is_empty() {
                text.push_str(" ★");
            }
        }
        text
    }

    /// The box below the list: what is chosen, then the whole row under the cursor with its
    /// description (or the setup question, the variants, the last message); what does not
    /// fit ends with "…".
    fn draw_summary(&self, f: &mut Frame, area: Rect, m: &Model, items: &[Item], cursor: usize) {
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::dim());
        let inner = block.inner(area);
        f.render_widget(block, area);
        let w = inner.width as usize;
        let h = inner.height as usize;
        if w == 0 || h == 0 {
            return;
        }
        let names: Vec<String> = m
            .selected(self.section)
            .iter()
            .map(|id| m.provider(id).map(|p| p.name).unwrap_or_else(|| id.clone()))
            .collect();
        let mut lines: Vec<Line> = wrap_max(&t::chosen(&names), w, 2.min(h))
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme::bold())))
            .collect();
        let mut body: Vec<(String, Style)> = vec![];
        match items.get(cursor) {
            Some(item @ Item::Provider(id)) => {
                body.push((self.row_text(m, item, false), theme::bold()));
                match &self.message {
                    Some((msg, err)) => {
                        body.push((msg.clone(), if *err { theme::error() } else { theme::ok() }))
                    }
                    None => body.extend(self.details(m, id).into_iter().map(|l| (l, Style::new()))),
                }
            }
            _ => match &self.message {
                Some((msg, err)) => {
                    body.push((msg.clone(), if *err { theme::error() } else { theme::ok() }))
                }
                None => body.push((t::ADD_HINT.to_string(), theme::dim())),
            },
        }
        let mut rest: Vec<(String, Style)> = vec![];
        for (text, style) in body {
            match text.strip_prefix("· ") {
                // A condition: its next lines indented under its first.
                Some(item) => rest.extend(
                    wrap(item, w.saturating_sub(2))
                        .into_iter()
                        .enumerate()
                        .map(|(i, l)| (format!("{}{l}", if i == 0 { "· " } else { "  " }), style)),
                ),
                None => rest.extend(wrap(&text, w).into_iter().map(|l| (l, style))),
            }
        }
        keep_lines(&mut rest, w, h.saturating_sub(lines.len()));
        lines.extend(
            rest.into_iter()
                .map(|(l, s)| Line::from(Span::styled(l, s))),
        );
        f.render_widget(Paragraph::new(lines), inner);
    }

    /// What the box says about the provider under the cursor: its description and facts, the
    /// setup question with its conditions, the variants and how to reach them.
    fn details(&self, m: &Model, id: &str) -> Vec<String> {
        let cat = m.engine.catalog();
        let on = self.chosen_entry(m, id);
        let shown = on.clone().unwrap_or_else(|| id.to_string());
        let mut out = vec![];
        match m.provider(&shown) {
            // An own provider has no catalog facts; summary() would end in "Ontvangt: .".
            Some(p) if p.custom => out.push(custom_provider::detail(m, self.section, &p)),
            Some(p) => out.push(p.summary()),
            None => {}
        }
        if let Some((yes, setup)) = cat.setup_of(id) {
            out.push(setup.question.clone());
            out.extend(setup.conditions.iter().map(|c| format!("· {c}")));
            out.push(t::setup_answer(on.as_ref().map(|x| *x == yes.id)).to_string());
        }
        if let Some(p) = m.provider(&shown) {
            if !p.variants.is_empty() {
                let labels: Vec<String> = p.variants.iter().map(|v| v.label.clone()).collect();
                let current = m
                    .variant_of(&shown)
                    .and_then(|v| p.variants.iter().position(|x| x.id == v));
                out.push(t::variants(&labels, current, on.is_some()));
            }
        }
        out
    }
}

impl Screen for Providers {
    fn id(&self) -> ScreenId {
        ScreenId(self.section.id())
    }
    fn kind(&self) -> Kind {
        Kind::Step
    }
    fn label(&self) -> String {
        self.section.label().into()
    }
    fn help_title(&self) -> String {
        if self.form.is_some() {
            t::HELP_TITLE_FORM.into()
        } else {
            t::HELP_TITLE.into()
        }
    }
    fn keys(&self, _m: &Model) -> Vec<Row> {
        if self.form.is_some() {
            custom_provider::keys()
        } else {
            keymap::rows(KEYS)
        }
    }
    fn typing(&self) -> bool {
        // In the own-provider form only its text fields take letters.
        self.form.as_ref().is_none_or(CustomForm::typing)
    }
    fn modal(&self) -> bool {
        self.form.is_some()
    }

    fn enter(&mut self, _cx: &mut Ctx) {
        *self = Providers::new(self.section);
    }

    fn key(&mut self, cx: &mut Ctx, k: KeyEvent) -> Vec<Effect> {
        let sec = self.section;
        if let Some(form) = self.form.as_mut() {
            let out = form.key(cx.m, sec, k);
            return self.form_done(cx.m, out);
        }
        let items = self.items(cx.m);
        let n = items.len();
        self.cursor = self.cursor.min(n - 1);
        let item = items[self.cursor].clone();
        let act = keymap::lookup(KEYS, &k);
        // Only a second Delete straight after the first removes an own provider.
        let pending = self.delete.take();
        if pending.is_some() && act != Some(Act::Delete) {
            self.message = None;
        }
        match act {
            Some(Act::Delete) => {
                if let Item::Provider(id) = item {
                    if let Some(c) = cx.m.custom(&id) {
                        if pending.as_ref() == Some(&id) {
                            let msg = custom_provider::remove(cx.m, sec, &id);
                            let n = self.items(cx.m).len();
                            self.cursor = self.cursor.min(n - 1);
                            self.message = Some((msg, false));
                            return vec![Effect::Save];
                        }
                        self.message = Some((t::delete_again(&c.name), true));
                        self.delete = Some(id);
                    }
                }
            }
            Some(Act::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Act::Down) => self.cursor = (self.cursor + 1).min(n - 1),
            Some(Act::Home) => self.cursor = 0,
            Some(Act::End) => self.cursor = n - 1,
            Some(Act::Toggle) => match item {
                Item::Provider(id) => return self.choose(cx.m, &id),
                // Nothing matches the search: the space belongs to the search text.
                Item::AddCustom if !self.filter.is_empty() => self.filter.insert(' '),
                Item::AddCustom => self.open_new(),
                Item::AddOwn => self.form = Some(CustomForm::own(cx.m, sec)),
            },
            // Ctrl+E: the details of an own provider, also while searching.
            Some(Act::EditOwn) => {
                if let Item::Provider(id) = item {
                    self.open_edit(cx.m, &id);
                }
            }
            Some(Act::Enter) => match item {
                Item::AddCustom => self.open_new(),
                Item::AddOwn => self.form = Some(CustomForm::own(cx.m, sec)),
                // After a search, Enter picks the highlighted provider and clears the search.
                Item::Provider(id) if !self.filter.is_empty() => {
                    self.filter = TextInput::default();
                    self.point_at(cx.m, &id);
                    if self.chosen_entry(cx.m, &id).is_none() {
                        return self.choose(cx.m, &id);
                    }
                }
                // On an own provider, Enter opens its details.
                Item::Provider(id) if cx.m.custom(&id).is_some() => self.open_edit(cx.m, &id),
                Item::Provider(_) => {
                    cx.m.ensure_answered(sec);
                    return vec![Effect::Go(Nav::Next)];
                }
            },
            Some(Act::VariantPrev) | Some(Act::VariantNext) => {
                if let Item::Provider(id) = item {
                    return self.cycle_variant(cx.m, &id, act == Some(Act::VariantNext));
                }
            }
            Some(Act::Esc) => {
                if self.filter.is_empty() {
                    return vec![Effect::Go(Nav::Prev)];
                }
                self.filter = TextInput::default();
                self.cursor = 0;
            }
            Some(Act::Shorten) => {
                self.filter.backspace();
                self.cursor = 0;
            }
            Some(Act::Type) => {
                if let KeyCode::Char(c) = k.code {
                    self.filter.insert(c);
                    self.cursor = 0;
                }
            }
            None => {}
        }
        vec![]
    }

    fn reply(&mut self, cx: &mut Ctx, msg: &Msg) -> Vec<Effect> {
        let Msg::Chose { dialog, value } = msg else {
            return vec![];
        };
        if *dialog != t::SETUP_ID {
            return vec![];
        }
        let Some((yes, no)) = self.asking.take() else {
            return vec![];
        };
        match *value {
            "yes" => self.toggle(cx.m, &yes),
            "no" => self.toggle(cx.m, &no),
            _ => vec![],
        }
    }

    fn paste(&mut self, cx: &mut Ctx, text: &str) -> Vec<Effect> {
        self.delete = None;
        match self.form.as_mut() {
            Some(form) => {
                let out = form.paste(cx.m, self.section, text);
                return self.form_done(cx.m, out);
            }
            None => {
                self.filter.paste(text);
                self.cursor = 0;
            }
        }
        vec![]
    }

    fn click(&mut self, cx: &mut Ctx, main: Rect, column: u16, row: u16) -> Vec<Effect> {
        let sec = self.section;
        if let Some(form) = self.form.as_mut() {
            let out = form.click(cx.m, sec, main, column, row);
            return self.form_done(cx.m, out);
        }
        self.delete = None;
        let items = self.items(cx.m);
        let a = areas(main, items.len());
        let off = list_offset(self.cursor, items.len(), a.list.height as usize);
        let Some(i) = list::row_at(a.list, off, row) else {
            return vec![];
        };
        let Some(item) = items.get(i).cloned() else {
            return vec![];
        };
        self.cursor = i;
        match item {
            Item::Provider(id) => self.choose(cx.m, &id),
            Item::AddCustom => {
                self.open_new();
                vec![]
            }
            Item::AddOwn => {
                self.form = Some(CustomForm::own(cx.m, self.section));
                vec![]
            }
        }
    }

    fn owns(&self, field: &str, a: &Answers) -> bool {
        let sec = self.section;
        if let Some(rest) = field.strip_prefix("providers.") {
            let key = rest.split('[').next().unwrap_or(rest);
            return key == sec.id();
        }
        if let Some(pid) = field.strip_prefix("variants.") {
            let here = a.providers.get(sec).iter().any(|x| x == pid);
            // A variant of a provider no step has: the reviews step (review platforms).
            let nowhere = Section::ALL
                .iter()
                .all(|s| !a.providers.get(*s).iter().any(|x| x == pid));
            return here || (nowhere && sec == Section::Reviews);
        }
        if let Some(rest) = field.strip_prefix("custom_provider[") {
            let i: usize = rest
                .split(']')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            return a
                .custom_providers
                .get(i)
                .and_then(|c| c.sections.iter().find_map(|s| Section::from_id(s)))
                == Some(sec);
        }
        false
    }

    fn anchors(&self) -> Vec<&'static str> {
        // A part without providers is left out of the policy: then show where it would
        // go, near the part of the closest section before it that is there.
        Section::ALL
            .iter()
            .rev()
            .skip_while(|x| **x != self.section)
            .chain(std::iter::once(&Section::Webshop))
            .flat_map(|x| match x {
                Section::Newsletter | Section::TransactionalEmail | Section::BusinessEmail => {
                    vec![x.id(), "email"]
                }
                _ => vec![x.id()],
            })
            .chain(["over"])
            .collect()
    }

    fn badge(&self, m: &Model) -> String {
        match m.selected(self.section).len() {
            0 => String::new(),
            n => format!(" ({n})"),
        }
    }

    fn draw(&self, f: &mut Frame, main: Rect, m: &Model, _d: &Derived, focused: bool) {
        let sec = self.section;
        if let Some(form) = &self.form {
            return form.draw(f, main, m, sec, focused);
        }
        let info = m.engine.section_info(sec);
        let w = main.width.saturating_sub(2) as usize;
        f.render_widget(
            Paragraph::new(vec![Line::from(Span::styled(
                ellipsis(&info.question, w),
                theme::bold(),
            ))]),
            Rect::new(main.x + 1, main.y, main.width.saturating_sub(2), 1),
        );
        let help: Vec<Line> = wrap_max(&info.help, w, 2)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme::dim())))
            .collect();
        f.render_widget(
            Paragraph::new(help),
            Rect::new(main.x + 1, main.y + 1, main.width.saturating_sub(2), 2),
        );
        let items = self.items(m);
        let a = areas(main, items.len());
        let buf = f.buffer_mut();
        buf.set_string(a.search.x, a.search.y, t::SEARCH, Style::new());
        let search_area = Rect::new(
            a.search.x + 8,
            a.search.y,
            a.search.width.saturating_sub(8),
            1,
        );
        if self.filter.is_empty() {
            buf.set_string(
                search_area.x,
                search_area.y,
                ellipsis(t::SEARCH_EMPTY, search_area.width as usize),
                theme::dim(),
            );
        } else {
            self.filter.render(search_area, buf, theme::field());
        }
        let cursor = self.cursor.min(items.len() - 1);
        let off = list_offset(cursor, items.len(), a.list.height as usize);
        // Cut rows end with "…"; the box below shows the whole row under the cursor.
        let rows = items.iter().enumerate().map(|(r, item)| {
            let pointer = if r == cursor { "› " } else { "  " };
            let text = format!("{pointer}{}", self.row_text(m, item, true));
            list::Row::new(text, Style::new()).current(r == cursor)
        });
        list::draw(buf, a.list, rows, off, focused);
        self.draw_summary(f, a.summary, m, &items, cursor);
    }
}
