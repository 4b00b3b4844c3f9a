//! Policy options: retention period, customer accounts, data protection officer, the site's own
//! contact form, and the documents' language and tone (the preview follows them).

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::form;
use crate::engine::lang::{voice_of, Lang, Tone};
use crate::engine::Answers;
use crate::wizard::derived::Derived;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::policy as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::fit;
use crate::wizard::widgets::text_input::TextInput;
use crate::{text_edit, up_down};

pub const ID: ScreenId = ScreenId("policy");

/// The questions, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Retention,
    Accounts,
    Dpo,
    Contact,
    Language,
    Tone,
}

const FIELDS: [Field; 6] = [
    Field::Retention,
    Field::Accounts,
    Field::Dpo,
    Field::Contact,
    Field::Language,
    Field::Tone,
];

impl Field {
    /// A choice between values, not a text field.
    fn is_choice(self) -> bool {
        !matches!(self, Field::Retention | Field::Dpo)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Up,
    Down,
    Next,
    Back,
    Choose,
    Edit,
}

const KEYS: &Keymap<Act> = &[
    up_down!(Act::Up, Act::Down, t::KEY_MOVE, t::HELP_MOVE),
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Act::Next)],
        footer: Some(t::KEY_NEXT),
        help: t::HELP_NEXT,
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
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), Act::Back)],
        footer: None,
        help: t::HELP_BACK,
    },
    text_edit!(cursor, Act::Edit),
    text_edit!(word, Act::Edit),
    text_edit!(erase, Act::Edit),
    text_edit!(typing, Act::Edit),
];

pub struct Policy {
    pub cursor: Field,
    pub retention: TextInput,
    pub dpo: TextInput,
    pub error: Option<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            cursor: Field::Retention,
            retention: TextInput::default(),
            dpo: TextInput::default(),
            error: None,
        }
    }
}

fn label(f: Field) -> &'static str {
    match f {
        Field::Retention => t::LABEL_RETENTION,
        Field::Accounts => t::LABEL_ACCOUNTS,
        Field::Dpo => t::LABEL_DPO,
        Field::Contact => t::LABEL_CONTACT,
        Field::Language => t::LABEL_LANGUAGE,
        Field::Tone => t::LABEL_TONE,
    }
}

fn hint(f: Field) -> &'static str {
    match f {
        Field::Retention => t::HINT_RETENTION,
        Field::Accounts => t::HINT_ACCOUNTS,
        Field::Dpo => t::HINT_DPO,
        Field::Contact => t::HINT_CONTACT,
        Field::Language => t::HINT_LANGUAGE,
        Field::Tone => t::HINT_TONE,
    }
}

fn index(f: Field) -> usize {
    FIELDS.iter().position(|x| *x == f).unwrap_or(0)
}

impl Policy {
    fn commit_retention(&mut self, cx: &mut Ctx) -> Vec<Effect> {
        let v = self.retention.value();
        let v = v.trim();
        if v.is_empty() {
            self.error = None;
            cx.m.answers.policy.retention_max_years = None;
            return vec![Effect::Save];
        }
        match v.parse::<u32>() {
            Ok(n) if (1..=20).contains(&n) => {
                self.error = None;
                cx.m.answers.policy.retention_max_years = Some(n);
                vec![Effect::Save]
            }
            _ => {
                self.error = Some(t::retention_error(v));
                vec![]
            }
        }
    }

    fn commit_dpo(&mut self, cx: &mut Ctx) -> Vec<Effect> {
        let v = self.dpo.value();
        let v = v.trim();
        cx.m.answers.policy.dpo = (!v.is_empty()).then(|| v.to_string());
        vec![Effect::Save]
    }

    /// Sets a yes/no choice: customer accounts or the contact form.
    fn set_yes_no(&mut self, cx: &mut Ctx, v: Option<bool>) -> Vec<Effect> {
        match self.cursor {
            Field::Accounts => cx.m.answers.policy.customer_accounts = v,
            Field::Contact => cx.m.answers.policy.contact_form = v,
            _ => return vec![],
        }
        vec![Effect::Save]
    }

    fn cycle_yes_no(&mut self, cx: &mut Ctx, forward: bool) -> Vec<Effect> {
        let order = [None, Some(true), Some(false)];
        // Start from what is shown, which may come from the preset.
        let r = cx.m.resolved();
        let cur = match self.cursor {
            Field::Contact => r.policy.contact_form,
            _ => r.policy.customer_accounts,
        };
        let pos = order.iter().position(|x| *x == cur).unwrap_or(0);
        let next = if forward {
            (pos + 1) % 3
        } else {
            (pos + 2) % 3
        };
        self.set_yes_no(cx, order[next])
    }

    /// The other language or tone (two of each); the engine says which voice is in force.
    fn switch_voice(&mut self, cx: &mut Ctx) -> Vec<Effect> {
        let v = voice_of(&cx.m.resolved());
        match self.cursor {
            Field::Language => {
                let next = match v.lang {
                    Lang::Nl => Lang::En,
                    Lang::En => Lang::Nl,
                };
                cx.m.answers.policy.language = Some(next.code().into());
            }
            // English has no tone to choose: nothing changes.
            Field::Tone if v.lang == Lang::En => return vec![],
            Field::Tone => {
                let next = match v.tone {
                    Tone::U => Tone::Je,
                    Tone::Je => Tone::U,
                };
                cx.m.answers.policy.tone = Some(next.code().into());
            }
            _ => return vec![],
        }
        vec![Effect::Save]
    }

    /// A key on a choice field.
    fn choose(&mut self, cx: &mut Ctx, code: KeyCode) -> Vec<Effect> {
        match (self.cursor, code) {
            (
                Field::Language | Field::Tone,
                KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right,
            ) => self.switch_voice(cx),
            (Field::Language | Field::Tone, _) => vec![],
            (_, KeyCode::Char(' ') | KeyCode::Right) => self.cycle_yes_no(cx, true),
            (_, KeyCode::Left) => self.cycle_yes_no(cx, false),
            (_, KeyCode::Char('j') | KeyCode::Char('J')) => self.set_yes_no(cx, Some(true)),
            (_, KeyCode::Char('n') | KeyCode::Char('N')) => self.set_yes_no(cx, Some(false)),
            _ => vec![],
        }
    }
}

impl Screen for Policy {
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
        !self.cursor.is_choice()
    }

    fn load(&mut self, m: &Model) {
        let r = m.resolved();
        self.retention = TextInput::new(
            &r.policy
                .retention_max_years
                .map(|y| y.to_string())
                .unwrap_or_default(),
        );
        self.dpo = TextInput::new(r.policy.dpo.as_deref().unwrap_or(""));
        self.error = None;
    }

    fn key(&mut self, cx: &mut Ctx, k: KeyEvent) -> Vec<Effect> {
        let i = index(self.cursor);
        match keymap::lookup(KEYS, &k) {
            Some(Act::Up) => self.cursor = FIELDS[i.saturating_sub(1)],
            Some(Act::Down) => self.cursor = FIELDS[(i + 1).min(FIELDS.len() - 1)],
            Some(Act::Next) => {
                if i + 1 >= FIELDS.len() {
                    return vec![Effect::Go(Nav::Next)];
                }
                self.cursor = FIELDS[i + 1];
            }
            Some(Act::Back) => return vec![Effect::Go(Nav::Prev)],
            Some(Act::Choose) | Some(Act::Edit) => match self.cursor {
                Field::Accounts | Field::Contact | Field::Language | Field::Tone => {
                    return self.choose(cx, k.code)
                }
                Field::Retention => {
                    if self.retention.handle_key(k) {
                        return self.commit_retention(cx);
                    }
                }
                Field::Dpo => {
                    if self.dpo.handle_key(k) {
                        return self.commit_dpo(cx);
                    }
                }
            },
            None => {}
        }
        vec![]
    }

    fn paste(&mut self, cx: &mut Ctx, text: &str) -> Vec<Effect> {
        match self.cursor {
            Field::Retention => {
                self.retention.paste(text);
                self.commit_retention(cx)
            }
            Field::Dpo => {
                self.dpo.paste(text);
                self.commit_dpo(cx)
            }
            Field::Accounts | Field::Contact | Field::Language | Field::Tone => vec![],
        }
    }

    fn tab(&mut self, _cx: &mut Ctx, forward: bool) -> Option<Vec<Effect>> {
        let i = index(self.cursor);
        match (forward, i) {
            (true, i) if i + 1 < FIELDS.len() => self.cursor = FIELDS[i + 1],
            (false, i) if i > 0 => self.cursor = FIELDS[i - 1],
            _ => return None,
        }
        Some(vec![])
    }

    fn click(&mut self, cx: &mut Ctx, main: Rect, column: u16, row: u16) -> Vec<Effect> {
        let first = main.y + 2;
        if row >= first && row < first + 2 * FIELDS.len() as u16 {
            self.cursor = FIELDS[((row - first) / 2) as usize];
            let x = main.x + 25;
            let w = main.width.saturating_sub(2).saturating_sub(24);
            match self.cursor {
                Field::Accounts | Field::Contact => return self.cycle_yes_no(cx, true),
                Field::Language | Field::Tone => return self.switch_voice(cx),
                Field::Retention if column >= x => self.retention.click(column - x, w),
                Field::Dpo if column >= x => self.dpo.click(column - x, w),
                _ => {}
            }
        }
        vec![]
    }

    fn owns(&self, field: &str, _a: &Answers) -> bool {
        field.starts_with("policy.")
    }

    fn anchors(&self) -> Vec<&'static str> {
        vec!["bewaren", "rechten"]
    }

    fn draw(&self, f: &mut Frame, main: Rect, m: &Model, _d: &Derived, focused: bool) {
        let w = main.width.saturating_sub(2);
        form::title(f, main, t::TITLE);
        let r = m.resolved();
        let voice = voice_of(&r);
        let buf = f.buffer_mut();
        let mut cursor_pos = None;
        for (i, field) in FIELDS.iter().enumerate() {
            let y = main.y + 2 + 2 * i as u16;
            if y >= main.y + main.height {
                break;
            }
            let is_cur = self.cursor == *field;
            let lab_style = if is_cur { theme::bold() } else { Style::new() };
            buf.set_string(
                main.x + 1,
                y,
                format!("{}{}", form::pointer(is_cur), fit(label(*field), 22)),
                lab_style,
            );
            let area = Rect::new(main.x + 25, y, w.saturating_sub(24), 1);
            let style = if is_cur && focused {
                theme::field_active()
            } else {
                theme::field()
            };
            match field {
                Field::Retention | Field::Dpo => {
                    let input = if *field == Field::Retention {
                        &self.retention
                    } else {
                        &self.dpo
                    };
                    let cx = input.render(area, buf, style);
                    if is_cur && focused {
                        cursor_pos = Some((cx, y));
                    }
                }
                Field::Accounts | Field::Contact | Field::Language | Field::Tone => {
                    let text = match field {
                        Field::Accounts => t::accounts(r.policy.customer_accounts),
                        Field::Contact => t::accounts(r.policy.contact_form),
                        Field::Language => t::language(voice.lang),
                        _ => t::tone(voice),
                    };
                    buf.set_string(area.x, y, fit(text, area.width as usize), style);
                }
            }
        }
        let mut lines = vec![];
        if let Some(e) = &self.error {
            lines.push(Line::from(Span::styled(format!("⚠ {e}"), theme::error())));
        }
        lines.push(Line::from(Span::styled(hint(self.cursor), theme::dim())));
        let top = main.y + 3 + 2 * FIELDS.len() as u16;
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
}
