//! A provider step (one per section): the section's providers (common first), type-to-filter,
//! Space toggles, variants with ←/→, and own providers (added and edited in the form of
//! `custom_provider`).

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::custom_provider::{self, CustomForm, Outcome};
use crate::engine::{Answers, Provider, Section};
use crate::wizard::derived::Derived;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::providers as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::{fit, list_offset};
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
}

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

impl Providers {
    pub fn new(section: Section) -> Providers {
        Providers {
            section,
            cursor: 0,
            filter: TextInput::default(),
            form: None,
            delete: None,
            message: None,
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
            .filter(|id| match cat.get(id) {
                Some(p) => p.matches(&q),
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

    fn cycle_variant(&mut self, m: &mut Model, id: &str, forward: bool) -> Vec<Effect> {
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
                Item::Provider(id) => return self.toggle(cx.m, &id),
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
                    if !cx.m.selected(sec).contains(&id) {
                        return self.toggle(cx.m, &id);
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
        let a = areas(main);
        if row < a.list.y || row >= a.list.y + a.list.height {
            return vec![];
        }
        let items = self.items(cx.m);
        let off = list_offset(self.cursor, items.len(), a.list.height as usize);
        let i = (row - a.list.y) as usize + off;
        let Some(item) = items.get(i).cloned() else {
            return vec![];
        };
        self.cursor = i;
        match item {
            Item::Provider(id) => self.toggle(cx.m, &id),
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
                fit(&info.question, w),
                theme::bold(),
            ))]),
            Rect::new(main.x + 1, main.y, main.width.saturating_sub(2), 1),
        );
        f.render_widget(
            Paragraph::new(Span::styled(info.help.clone(), theme::dim())).wrap(Wrap { trim: true }),
            Rect::new(main.x + 1, main.y + 1, main.width.saturating_sub(2), 2),
        );
        let a = areas(main);
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
                fit(t::SEARCH_EMPTY, search_area.width as usize),
                theme::dim(),
            );
        } else {
            self.filter.render(search_area, buf, theme::field());
        }
        let items = self.items(m);
        let selected = m.selected(sec);
        let cursor = self.cursor.min(items.len() - 1);
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
            let style = if is_cur {
                theme::highlight()
            } else {
                Style::new()
            };
            let text = match item {
                Item::Provider(id) => {
                    let on = selected.contains(id);
                    let p = m.provider(id);
                    let name = p.as_ref().map(|p| p.name.clone()).unwrap_or(id.clone());
                    let mut text = format!("[{}] {name}", if on { "x" } else { " " });
                    if let Some(p) = &p {
                        if p.custom {
                            text.push_str(t::OWN);
                        }
                        if on && !p.variants.is_empty() {
                            let label = m
                                .variant_of(id)
                                .and_then(|v| p.variants.iter().find(|x| x.id == v))
                                .map(|v| v.label.clone())
                                .unwrap_or_else(|| t::VARIANT_NONE.into());
                            text.push_str(&format!(" — ‹{label}›"));
                        }
                        if info.common.contains(id) && self.filter.is_empty() {
                            text.push_str(" ★");
                        }
                    }
                    text
                }
                Item::AddCustom => t::ADD.to_string(),
                Item::AddOwn => m
                    .engine
                    .section_info(sec)
                    .own
                    .as_ref()
                    .map_or_else(String::new, |o| o.label.clone()),
            };
            let pointer = if r == cursor { "› " } else { "  " };
            buf.set_string(a.list.x, y, " ".repeat(lw), style);
            buf.set_string(a.list.x, y, fit(&format!("{pointer}{text}"), lw), style);
        }
        let summary = match (&self.message, items.get(cursor)) {
            (Some((msg, is_error)), _) => Line::from(Span::styled(
                msg.clone(),
                if *is_error {
                    theme::error()
                } else {
                    theme::ok()
                },
            )),
            (None, Some(Item::Provider(id))) => Line::from(match m.provider(id) {
                // An own provider has no catalog facts; summary() would end in "Ontvangt: .".
                Some(p) if p.custom => custom_provider::detail(m, sec, &p),
                Some(p) => p.summary(),
                None => String::new(),
            }),
            (None, _) => Line::from(Span::styled(t::ADD_HINT, theme::dim())),
        };
        let names: Vec<String> = selected
            .iter()
            .map(|id| m.provider(id).map(|p| p.name).unwrap_or_else(|| id.clone()))
            .collect();
        let chosen = t::chosen(&names);
        f.render_widget(
            Paragraph::new(summary).wrap(Wrap { trim: true }).block(
                Block::new()
                    .borders(Borders::TOP)
                    .border_style(theme::dim())
                    .title(fit(&chosen, a.summary.width as usize)),
            ),
            a.summary,
        );
    }
}
