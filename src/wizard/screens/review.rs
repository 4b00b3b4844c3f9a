//! Review: every check diagnostic; Enter jumps to the step it is about.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::form;
use crate::engine::Severity;
use crate::wizard::derived::Derived;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::review as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::{fit, list_offset};

pub const ID: ScreenId = ScreenId("review");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Up,
    Down,
    Home,
    End,
    Open,
    Next,
    Back,
}

const KEYS: &Keymap<Act> = &[
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Act::Next)],
        footer: Some(t::KEY_NEXT),
        help: t::HELP_NEXT,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Right), Act::Open),
            (Key::Click, Act::Open),
        ],
        footer: Some(t::KEY_OPEN),
        help: t::HELP_OPEN,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Up), Act::Up),
            (Key::Plain(KeyCode::Down), Act::Down),
        ],
        footer: Some(t::KEY_MOVE),
        help: t::HELP_MOVE,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Home), Act::Home),
            (Key::Plain(KeyCode::End), Act::End),
        ],
        footer: None,
        help: t::HELP_JUMP,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), Act::Back)],
        footer: None,
        help: t::HELP_BACK,
    },
];

#[derive(Default)]
pub struct Review {
    pub cursor: usize,
}

fn list_area(main: Rect) -> Rect {
    Rect::new(
        main.x + 1,
        main.y + 3,
        main.width.saturating_sub(2),
        main.height.saturating_sub(6),
    )
}

impl Review {
    /// To the step (and field) a finding is about.
    fn open(&self, d: &Derived, i: usize) -> Vec<Effect> {
        match (d.diags.get(i), d.diag_steps.get(i)) {
            (Some(diag), Some(step)) => vec![Effect::Go(Nav::Field(*step, diag.field.clone()))],
            _ => vec![],
        }
    }
}

impl Screen for Review {
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

    fn enter(&mut self, _cx: &mut Ctx) {
        self.cursor = 0;
    }

    fn key(&mut self, cx: &mut Ctx, k: KeyEvent) -> Vec<Effect> {
        let n = cx.d.diags.len();
        match keymap::lookup(KEYS, &k) {
            Some(Act::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Act::Down) => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Some(Act::Home) => self.cursor = 0,
            Some(Act::End) => self.cursor = n.saturating_sub(1),
            Some(Act::Open) => return self.open(cx.d, self.cursor),
            // Enter goes on to the export, whatever the findings: warnings do not stop it,
            // and the export step itself says when errors do.
            Some(Act::Next) => return vec![Effect::Go(Nav::Next)],
            Some(Act::Back) => return vec![Effect::Go(Nav::Prev)],
            None => {}
        }
        vec![]
    }

    fn click(&mut self, cx: &mut Ctx, main: Rect, _column: u16, row: u16) -> Vec<Effect> {
        let a = list_area(main);
        if row < a.y || row >= a.y + a.height {
            return vec![];
        }
        let off = list_offset(self.cursor, cx.d.diags.len(), a.height as usize);
        let i = (row - a.y) as usize + off;
        if i < cx.d.diags.len() {
            self.cursor = i;
            return self.open(cx.d, i);
        }
        vec![]
    }

    fn draw(&self, f: &mut Frame, main: Rect, m: &Model, d: &Derived, focused: bool) {
        let (errors, warnings) = d.counts();
        let summary = if d.diags.is_empty() {
            t::ALL_WELL.to_string()
        } else {
            t::summary(errors, warnings)
        };
        form::heading(f, main, t::TITLE, &summary);
        let a = list_area(main);
        let off = list_offset(self.cursor, d.diags.len(), a.height as usize);
        let buf = f.buffer_mut();
        for (i, diag) in d.diags.iter().enumerate().skip(off).take(a.height as usize) {
            let y = a.y + (i - off) as u16;
            let (mark, st) = match diag.severity {
                Severity::Error => ("✗", theme::error()),
                Severity::Warning => ("!", theme::warning()),
                Severity::Info => ("i", theme::dim()),
            };
            let step = d.diag_steps.get(i).map_or("", |s| m.step_label(*s));
            let text = format!(
                "{}{mark} {step}: {}",
                form::pointer(i == self.cursor),
                diag.message
            );
            let style = if i == self.cursor && focused {
                theme::highlight()
            } else {
                st
            };
            buf.set_string(a.x, y, fit(&text, a.width as usize), style);
        }
        if let Some(diag) = d.diags.get(self.cursor) {
            f.render_widget(
                Paragraph::new(t::detail(&diag.message, &diag.field))
                    .style(theme::dim())
                    .wrap(Wrap { trim: true }),
                Rect::new(
                    main.x + 1,
                    main.y + main.height.saturating_sub(3),
                    main.width.saturating_sub(2),
                    3.min(main.height),
                ),
            );
        }
    }
}
