//! Shop details: one text field per SHOP_FIELDS key, checked when the user leaves it.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::Frame;

use super::form;
use crate::engine::answers::SHOP_FIELDS;
use crate::engine::{rules, validate, Answers};
use crate::wizard::derived::Derived;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::shop as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::fit;
use crate::wizard::widgets::text_input::TextInput;
use crate::{text_edit, up_down};

pub const ID: ScreenId = ScreenId("shop");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Up,
    Down,
    Next,
    Back,
    Edit,
}

const KEYS: &Keymap<Act> = &[
    up_down!(Act::Up, Act::Down, t::KEY_MOVE, t::HELP_MOVE),
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Act::Next)],
        footer: Some(t::KEY_NEXT),
        help: t::HELP_NEXT,
    },
    text_edit!(cursor, Act::Edit),
    text_edit!(word, Act::Edit),
    text_edit!(erase, Act::Edit),
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), Act::Back)],
        footer: None,
        help: t::HELP_BACK,
    },
    text_edit!(typing, Act::Edit),
];

/// The shop form: the field under the cursor (an answers-file key), one text field per key,
/// and the messages of fields the user has left.
pub struct Shop {
    pub cursor: &'static str,
    pub inputs: Vec<TextInput>,
    pub errors: BTreeMap<&'static str, String>,
    /// What was done to a field the user left (e.g. "https:// toegevoegd").
    pub notes: BTreeMap<&'static str, String>,
}

impl Default for Shop {
    fn default() -> Self {
        Shop {
            cursor: SHOP_FIELDS[0],
            inputs: SHOP_FIELDS.iter().map(|_| TextInput::default()).collect(),
            errors: BTreeMap::new(),
            notes: BTreeMap::new(),
        }
    }
}

/// The message for a field the user leaves: rule check, or required and empty.
pub fn field_error(key: &str, value: &str) -> Option<String> {
    if value.trim().is_empty() {
        return validate::required_shop_field(key).then(|| t::REQUIRED.to_string());
    }
    rules::check_shop_field(key, value)
}

const LABEL_W: u16 = 20;

impl Shop {
    fn index(&self) -> usize {
        SHOP_FIELDS
            .iter()
            .position(|k| *k == self.cursor)
            .unwrap_or(0)
    }

    pub fn value(&self, key: &str) -> String {
        SHOP_FIELDS
            .iter()
            .position(|k| *k == key)
            .map(|i| self.inputs[i].value())
            .unwrap_or_default()
    }

    /// Checks the field the cursor leaves; puts a value with an obvious normal form in it
    /// (the engine says which) and returns true when the answers changed.
    fn leave_field(&mut self, m: &mut Model) -> bool {
        let key = self.cursor;
        let mut changed = false;
        if let Some(better) = rules::normalise_shop_field(key, &self.value(key)) {
            if let Some(i) = SHOP_FIELDS.iter().position(|k| *k == key) {
                self.inputs[i] = TextInput::new(&better);
                m.answers.shop.set(key, &better);
                self.notes.insert(key, t::normalised(&better));
                changed = true;
            }
        }
        match field_error(key, &self.value(key)) {
            Some(m) => {
                self.errors.insert(key, m);
            }
            None => {
                self.errors.remove(key);
            }
        }
        changed
    }

    /// Moves to field `i`; a save when leaving the field changed the answers.
    fn move_to(&mut self, m: &mut Model, i: usize) -> Vec<Effect> {
        let changed = self.leave_field(m);
        self.cursor = SHOP_FIELDS[i.min(SHOP_FIELDS.len() - 1)];
        if changed {
            vec![Effect::Save]
        } else {
            vec![]
        }
    }

    fn commit(&mut self, cx: &mut Ctx) -> Vec<Effect> {
        let key = self.cursor;
        let value = self.value(key);
        cx.m.answers.shop.set(key, &value);
        // A corrected field loses its message at once; a new one waits until the user leaves.
        if field_error(key, &value).is_none() {
            self.errors.remove(key);
        }
        self.notes.remove(key);
        vec![Effect::Save]
    }

    /// Rows: (field, None) for a field, (field, Some(text)) for a line of its message
    /// (an error, else a note on what was done to it).
    fn rows(&self, width: u16) -> Vec<(&'static str, Option<String>)> {
        form::rows(
            SHOP_FIELDS
                .iter()
                .map(|k| (*k, self.errors.get(k).or(self.notes.get(k)))),
            width,
        )
    }
}

impl Screen for Shop {
    fn id(&self) -> ScreenId {
        ID
    }
    fn kind(&self) -> Kind {
        Kind::Step
    }
    fn label(&self) -> String {
        t::LABEL.into()
    }
    fn keys(&self, _m: &Model) -> Vec<Row> {
        keymap::rows(KEYS)
    }
    fn typing(&self) -> bool {
        true
    }

    fn load(&mut self, m: &Model) {
        self.inputs = SHOP_FIELDS
            .iter()
            .map(|k| TextInput::new(m.answers.shop.get(k).unwrap_or("")))
            .collect();
        self.errors.clear();
        // A new policy named on the start screen (no step saved yet): on to the first
        // field still empty. A file opened again starts at the top.
        let named = m.answers.shop.name.is_some() && m.answers.wizard.is_none();
        self.cursor = SHOP_FIELDS
            .iter()
            .find(|k| named && m.answers.shop.get(k).is_none())
            .copied()
            .unwrap_or(SHOP_FIELDS[0]);
    }

    fn leave(&mut self, cx: &mut Ctx) -> Vec<Effect> {
        if self.leave_field(cx.m) {
            vec![Effect::Save]
        } else {
            vec![]
        }
    }

    fn key(&mut self, cx: &mut Ctx, k: KeyEvent) -> Vec<Effect> {
        let n = SHOP_FIELDS.len();
        let i = self.index();
        match keymap::lookup(KEYS, &k) {
            Some(Act::Up) => return self.move_to(cx.m, i.saturating_sub(1)),
            Some(Act::Down) => return self.move_to(cx.m, i + 1),
            Some(Act::Next) => {
                if i + 1 >= n {
                    return vec![Effect::Go(Nav::Next)];
                }
                return self.move_to(cx.m, i + 1);
            }
            Some(Act::Back) => return vec![Effect::Go(Nav::Prev)],
            Some(Act::Edit) if self.inputs[i].handle_key(k) => return self.commit(cx),
            Some(Act::Edit) | None => {}
        }
        vec![]
    }

    fn paste(&mut self, cx: &mut Ctx, text: &str) -> Vec<Effect> {
        let i = self.index();
        self.inputs[i].paste(text);
        self.commit(cx)
    }

    fn tab(&mut self, cx: &mut Ctx, forward: bool) -> Option<Vec<Effect>> {
        let i = self.index();
        match (forward, i) {
            (true, i) if i + 1 < SHOP_FIELDS.len() => Some(self.move_to(cx.m, i + 1)),
            (false, i) if i > 0 => Some(self.move_to(cx.m, i - 1)),
            _ => None,
        }
    }

    fn focus_field(&mut self, field: &str) {
        if let Some(key) = field.strip_prefix("shop.") {
            if let Some(k) = SHOP_FIELDS.iter().find(|k| **k == key) {
                self.cursor = k;
            }
        }
    }

    fn owns(&self, field: &str, _a: &Answers) -> bool {
        field.starts_with("shop.") || field == "preset"
    }

    fn anchors(&self) -> Vec<&'static str> {
        vec!["over", "contact"]
    }

    fn click(&mut self, cx: &mut Ctx, main: Rect, column: u16, row: u16) -> Vec<Effect> {
        let area = form::area(main);
        if row < area.y || row >= area.y + area.height {
            return vec![];
        }
        let rows = self.rows(area.width);
        let off = form::offset(&rows, self.cursor, area.height);
        let mut fx = vec![];
        if let Some((key, err)) = rows.get((row - area.y) as usize + off).cloned() {
            let i = SHOP_FIELDS.iter().position(|k| *k == key).unwrap_or(0);
            fx = self.move_to(cx.m, i);
            let input_x = area.x + LABEL_W;
            if err.is_none() && column >= input_x {
                self.inputs[i].click(column - input_x, area.width.saturating_sub(LABEL_W));
            }
        }
        fx
    }

    fn draw(&self, f: &mut Frame, main: Rect, _m: &Model, _d: &Derived, focused: bool) {
        form::heading(f, main, t::TITLE, t::REQUIRED_NOTE);
        let area = form::area(main);
        let rows = self.rows(area.width);
        let off = form::offset(&rows, self.cursor, area.height);
        let buf = f.buffer_mut();
        let mut cursor_pos = None;
        for (r, (key, err_line)) in rows.iter().skip(off).take(area.height as usize).enumerate() {
            let y = area.y + r as u16;
            if let Some(text) = err_line {
                let style = if self.errors.contains_key(key) {
                    theme::error()
                } else {
                    theme::ok()
                };
                let text = fit(text, area.width.saturating_sub(2) as usize);
                buf.set_string(area.x + 2, y, text, style);
                continue;
            }
            let star = if validate::required_shop_field(key) {
                " *"
            } else {
                ""
            };
            let is_cur = *key == self.cursor;
            let lab = fit(
                &format!("{}{star}", t::label(key)),
                LABEL_W.saturating_sub(2) as usize,
            );
            let lab_style = if is_cur {
                theme::bold()
            } else {
                ratatui::style::Style::new()
            };
            buf.set_string(
                area.x,
                y,
                format!("{}{lab}", form::pointer(is_cur)),
                lab_style,
            );
            let input_area = Rect::new(area.x + LABEL_W, y, area.width.saturating_sub(LABEL_W), 1);
            let style = if is_cur && focused {
                theme::field_active()
            } else {
                theme::field()
            };
            let i = SHOP_FIELDS.iter().position(|k| k == key).unwrap_or(0);
            let cx = self.inputs[i].render(input_area, buf, style);
            if is_cur && focused {
                cursor_pos = Some((cx, y));
            }
            // An empty country means the default: say which.
            if *key == "country" && self.inputs[i].is_empty() && !is_cur {
                buf.set_string(
                    input_area.x,
                    y,
                    fit(
                        &t::default_value(rules::DEFAULT_COUNTRY),
                        input_area.width as usize,
                    ),
                    theme::dim().add_modifier(ratatui::style::Modifier::UNDERLINED),
                );
            }
        }
        form::hint(f, main, t::hint(self.cursor));
        if let Some((x, y)) = cursor_pos {
            f.set_cursor_position((x, y));
        }
    }
}
