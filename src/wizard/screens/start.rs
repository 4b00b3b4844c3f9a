//! Start screen: a new policy, a recent file, a preset (each with its description), or one of
//! the pages with a menu entry (e.g. "about").

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::engine::Answers;
use crate::wizard::derived::{Derived, PreviewSource};
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::start as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::{fit, list_offset};

pub const ID: ScreenId = ScreenId("start");

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    New,
    Recent(PathBuf),
    Preset(String),
    Page(ScreenId, &'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Up,
    Down,
    Home,
    End,
    Open,
}

const KEYS: &Keymap<Act> = &[
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
            (Key::Plain(KeyCode::Tab), Act::Down),
            (Key::Plain(KeyCode::BackTab), Act::Up),
            (Key::Plain(KeyCode::Home), Act::Home),
            (Key::Plain(KeyCode::End), Act::End),
        ],
        footer: None,
        help: t::HELP_JUMP,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Act::Open)],
        footer: Some(t::KEY_OPEN),
        help: t::HELP_OPEN,
    },
    Binding {
        keys: &[(Key::Click, Act::Open)],
        footer: None,
        help: t::HELP_CLICK,
    },
];

pub struct Start {
    pub items: Vec<Item>,
    pub cursor: usize,
}

impl Start {
    pub fn new(m: &Model, menu: Vec<(ScreenId, &'static str)>) -> Start {
        let mut items = vec![Item::New];
        items.extend(m.recent.iter().cloned().map(Item::Recent));
        items.extend(
            m.engine
                .presets()
                .iter()
                .map(|p| Item::Preset(p.id.clone())),
        );
        items.extend(menu.into_iter().map(|(id, l)| Item::Page(id, l)));
        Start { items, cursor: 0 }
    }

    /// Rows of the list: `Some(item index)` or a heading (`None` with its text).
    fn rows(&self, m: &Model) -> Vec<(Option<usize>, String)> {
        let mut rows = Vec::new();
        let mut last_kind = 0;
        for (i, item) in self.items.iter().enumerate() {
            let kind = match item {
                Item::New => 0,
                Item::Recent(_) => 1,
                Item::Preset(_) => 2,
                Item::Page(..) => 3,
            };
            if kind != last_kind {
                rows.push((None, String::new()));
                rows.push((
                    None,
                    match kind {
                        1 => t::RECENT.to_string(),
                        2 => t::PRESETS.to_string(),
                        _ => t::MORE.to_string(),
                    },
                ));
                last_kind = kind;
            }
            let text = match item {
                Item::New => t::NEW.to_string(),
                Item::Recent(p) => match m.shop_names.iter().find(|(x, _)| x == p) {
                    Some((_, name)) => t::recent_row(name, p),
                    None => p.display().to_string(),
                },
                Item::Preset(id) => m
                    .engine
                    .presets()
                    .iter()
                    .find(|p| &p.id == id)
                    .map(|p| t::preset_row(&p.name, &p.description))
                    .unwrap_or_else(|| id.clone()),
                Item::Page(_, label) => label.to_string(),
            };
            rows.push((Some(i), text));
        }
        rows
    }

    /// The first visible row, so that the highlighted item is in view.
    fn offset<T>(&self, rows: &[(Option<usize>, T)], height: u16) -> usize {
        let cur_row = rows
            .iter()
            .position(|(i, _)| *i == Some(self.cursor))
            .unwrap_or(0);
        list_offset(cur_row, rows.len(), height as usize)
    }

    fn activate(&mut self, cx: &mut Ctx) -> Vec<Effect> {
        let Some(item) = self.items.get(self.cursor).cloned() else {
            return vec![];
        };
        let mut a = Answers::default();
        match item {
            Item::Recent(p) => return vec![Effect::Open(p)],
            Item::Page(id, _) => return vec![Effect::Go(Nav::Page(id))],
            Item::New => {}
            Item::Preset(id) => a.preset = Some(id),
        }
        a.shop.effective_date = Some(cx.m.today.clone());
        cx.m.answers = a;
        cx.m.status = t::STATUS_NEW.into();
        vec![Effect::Go(Nav::Wizard), Effect::Save]
    }
}

fn list_area(main: Rect) -> Rect {
    // Two lines of introduction on top, three lines of description at the bottom.
    Rect::new(
        main.x + 1,
        main.y + 3,
        main.width.saturating_sub(2),
        main.height.saturating_sub(7),
    )
}

impl Screen for Start {
    fn id(&self) -> ScreenId {
        ID
    }
    fn kind(&self) -> Kind {
        Kind::Page
    }
    fn label(&self) -> String {
        t::LABEL.into()
    }
    fn keys(&self) -> Vec<Row> {
        keymap::rows(KEYS)
    }

    fn key(&mut self, cx: &mut Ctx, k: KeyEvent) -> Vec<Effect> {
        let n = self.items.len();
        match keymap::lookup(KEYS, &k) {
            Some(Act::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Act::Down) => self.cursor = (self.cursor + 1).min(n - 1),
            Some(Act::Home) => self.cursor = 0,
            Some(Act::End) => self.cursor = n - 1,
            Some(Act::Open) => return self.activate(cx),
            None => {}
        }
        vec![]
    }

    fn click(&mut self, cx: &mut Ctx, main: Rect, column: u16, row: u16) -> Vec<Effect> {
        let area = list_area(main);
        if column < area.x || column >= area.x + area.width || row < area.y {
            return vec![];
        }
        let rows = self.rows(cx.m);
        let off = self.offset(&rows, area.height);
        let r = (row - area.y) as usize + off;
        if (row - area.y) < area.height {
            if let Some((Some(i), _)) = rows.get(r) {
                self.cursor = *i;
                return self.activate(cx);
            }
        }
        vec![]
    }

    fn preview(&self, _m: &Model) -> PreviewSource {
        match self.items.get(self.cursor) {
            Some(Item::Preset(id)) => PreviewSource::Preset(id.clone()),
            _ => PreviewSource::Nothing,
        }
    }

    fn draw(&self, f: &mut Frame, main: Rect, m: &Model, _d: &Derived, _focused: bool) {
        let intro = Paragraph::new(vec![
            Line::from(Span::styled(t::WELCOME, theme::bold())),
            Line::from(t::CHOOSE),
        ]);
        f.render_widget(
            intro,
            Rect::new(main.x + 1, main.y, main.width.saturating_sub(2), 2),
        );
        let area = list_area(main);
        let rows = self.rows(m);
        let off = self.offset(&rows, area.height);
        let width = area.width as usize;
        let lines: Vec<Line> = rows
            .iter()
            .skip(off)
            .take(area.height as usize)
            .map(|(i, text)| match i {
                None => Line::from(Span::styled(fit(text, width), theme::heading())),
                Some(i) if *i == self.cursor => Line::from(Span::styled(
                    fit(&format!("> {text}"), width),
                    theme::highlight(),
                )),
                Some(_) => Line::from(fit(&format!("  {text}"), width)),
            })
            .collect();
        f.render_widget(Paragraph::new(lines), area);
        // The highlighted item in full.
        let desc = match self.items.get(self.cursor) {
            Some(Item::Preset(id)) => m
                .engine
                .presets()
                .iter()
                .find(|p| &p.id == id)
                .map(|p| t::preset_full(&p.name, &p.description))
                .unwrap_or_default(),
            Some(Item::Recent(p)) => t::continue_with(p),
            Some(Item::Page(_, label)) => label.to_string(),
            _ => match &m.path {
                Some(p) => t::new_in(p),
                None => t::NEW_IN_DATA_DIR.into(),
            },
        };
        let d_area = Rect::new(
            main.x,
            main.y + main.height.saturating_sub(4),
            main.width,
            4.min(main.height),
        );
        f.render_widget(
            Paragraph::new(desc)
                .style(theme::dim())
                .wrap(Wrap { trim: true })
                .block(Block::new().borders(Borders::TOP)),
            d_area,
        );
    }
}
