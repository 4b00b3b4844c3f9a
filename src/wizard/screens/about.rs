//! About: what the program does, where it keeps the answers, and the keys that work
//! everywhere (from the global keymap, like the footer and the help).

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::form;
use crate::up_down;
use crate::wizard::derived::{Derived, PreviewSource};
use crate::wizard::input;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::about as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::fit;

pub const ID: ScreenId = ScreenId("about");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Back,
    Up,
    Down,
}

const KEYS: &Keymap<Act> = &[
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Esc), Act::Back),
            (Key::Plain(KeyCode::Enter), Act::Back),
        ],
        footer: Some(t::KEY_BACK),
        help: t::HELP_BACK,
    },
    up_down!(Act::Up, Act::Down, t::KEY_SCROLL, t::HELP_SCROLL),
];

#[derive(Default)]
pub struct About {
    top: u16,
}

impl Screen for About {
    fn id(&self) -> ScreenId {
        ID
    }
    fn kind(&self) -> Kind {
        Kind::Page
    }
    fn label(&self) -> String {
        t::LABEL.into()
    }
    fn menu(&self) -> Option<&'static str> {
        Some(t::MENU)
    }
    fn keys(&self, _m: &Model) -> Vec<Row> {
        keymap::rows(KEYS)
    }
    fn enter(&mut self, _cx: &mut Ctx) {
        self.top = 0;
    }
    fn has_preview(&self, _m: &Model) -> bool {
        false
    }
    fn preview(&self, _m: &Model) -> PreviewSource {
        PreviewSource::Nothing
    }

    fn key(&mut self, _cx: &mut Ctx, k: KeyEvent) -> Vec<Effect> {
        match keymap::lookup(KEYS, &k) {
            Some(Act::Back) => return vec![Effect::Go(Nav::Back)],
            Some(Act::Up) => self.top = self.top.saturating_sub(1),
            Some(Act::Down) => self.top = self.top.saturating_add(1).min(200),
            None => {}
        }
        vec![]
    }

    fn draw(&self, f: &mut Frame, main: Rect, m: &Model, _d: &Derived, _focused: bool) {
        form::title(f, main, t::TITLE);
        let w = main.width.saturating_sub(2) as usize;
        let mut lines: Vec<Line> = t::INTRO.iter().map(|l| Line::from(*l)).collect();
        lines.push(Line::from(""));
        let file = match &m.path {
            Some(p) => t::file(p),
            None => t::NO_FILE.to_string(),
        };
        lines.push(Line::from(file));
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(t::KEYS_TITLE, theme::bold())));
        for r in input::global_rows(true) {
            lines.push(Line::from(vec![
                Span::styled(format!("{:<18}", fit(&r.keys, 18)), theme::bold()),
                Span::raw(fit(r.help, w.saturating_sub(18))),
            ]));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(t::MARKS, theme::dim())));
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((self.top, 0)),
            Rect::new(
                main.x + 1,
                main.y + 2,
                main.width.saturating_sub(2),
                main.height.saturating_sub(2),
            ),
        );
    }
}
