//! Start screen: a new policy, a recent file, a preset (each with its description), or one of
//! the pages with a menu entry (e.g. "about").

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::engine::{Answers, Section};
use crate::wizard::derived::{Derived, PreviewSource};
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::start as t;
use crate::wizard::theme;
use crate::wizard::widgets::list;
use crate::wizard::widgets::text::{keep_lines, list_offset, wrap};
use crate::wizard::widgets::text_input::TextInput;
use crate::{text_edit, up_down};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameAct {
    Begin,
    Cancel,
    Edit,
}

/// The keys while the shop's name is asked.
const NAME_KEYS: &Keymap<NameAct> = &[
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), NameAct::Begin)],
        footer: Some(t::KEY_BEGIN),
        help: t::HELP_BEGIN,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), NameAct::Cancel)],
        footer: Some(t::KEY_CANCEL),
        help: t::HELP_CANCEL,
    },
    text_edit!(cursor, NameAct::Edit),
    text_edit!(word, NameAct::Edit),
    text_edit!(erase, NameAct::Edit),
    text_edit!(typing, NameAct::Edit),
];

const KEYS: &Keymap<Act> = &[
    up_down!(Act::Up, Act::Down, t::KEY_MOVE, t::HELP_MOVE),
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
    /// A new policy (empty or from a preset) asks the shop's name first, so the file and
    /// the title bar carry it from the start.
    pub name: Option<TextInput>,
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
        Start {
            items,
            cursor: 0,
            name: None,
        }
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

    /// The highlighted item in full, wrapped to `width`: a preset's description and the
    /// providers it ticks, per step.
    fn desc_lines(&self, m: &Model, width: u16) -> Vec<String> {
        let w = width.saturating_sub(1) as usize;
        let mut text = vec![match self.items.get(self.cursor) {
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
        }];
        if let Some(Item::Preset(id)) = self.items.get(self.cursor) {
            if let Some(p) = m.engine.presets().iter().find(|p| &p.id == id) {
                text.push(t::TICKS.to_string());
                for sec in Section::ALL {
                    let ids = p.answers.providers.get(sec);
                    if ids.is_empty() {
                        continue;
                    }
                    let names: Vec<String> = ids
                        .iter()
                        .map(|id| {
                            m.engine
                                .catalog()
                                .get(id)
                                .map_or(id.clone(), |p| p.name.clone())
                        })
                        .collect();
                    text.push(t::ticks_row(sec.label(), &names));
                }
            }
        }
        text.iter()
            .flat_map(|l| {
                let mut v = wrap(l, w);
                if v.is_empty() {
                    v.push(String::new());
                }
                v
            })
            .collect()
    }

    fn activate(&mut self, cx: &mut Ctx) -> Vec<Effect> {
        let Some(item) = self.items.get(self.cursor).cloned() else {
            return vec![];
        };
        match item {
            Item::Recent(p) => vec![Effect::Open(p)],
            Item::Page(id, _) => vec![Effect::Go(Nav::Page(id))],
            Item::New | Item::Preset(_) => {
                // The name of a file given with --answers is kept as the likely name.
                let known = cx.m.answers.shop.name.clone().unwrap_or_default();
                self.name = Some(TextInput::new(&known));
                vec![]
            }
        }
    }

    /// Begins the new policy with the name typed (which may be left empty).
    fn begin(&mut self, cx: &mut Ctx) -> Vec<Effect> {
        let name = self.name.take().map(|t| t.value()).unwrap_or_default();
        let mut a = Answers::default();
        if let Some(Item::Preset(id)) = self.items.get(self.cursor) {
            a.preset = Some(id.clone());
        }
        a.shop.set("name", &name);
        a.shop.effective_date = Some(cx.m.today.clone());
        cx.m.answers = a;
        cx.m.status = t::STATUS_NEW.into();
        vec![Effect::Go(Nav::Wizard), Effect::Save]
    }
}

/// The description below the list: at least three lines, at most half the area.
fn desc_area(main: Rect, lines: usize) -> Rect {
    let h = (lines as u16 + 1)
        .clamp(4, (main.height / 2).max(4))
        .min(main.height);
    Rect::new(
        main.x,
        main.y + main.height.saturating_sub(h),
        main.width,
        h,
    )
}

/// The list: below two lines of introduction, above the description.
fn list_area(main: Rect, desc: Rect) -> Rect {
    Rect::new(
        main.x + 1,
        main.y + 3,
        main.width.saturating_sub(2),
        desc.y.saturating_sub(main.y + 3),
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
    fn keys(&self, _m: &Model) -> Vec<Row> {
        if self.name.is_some() {
            keymap::rows(NAME_KEYS)
        } else {
            keymap::rows(KEYS)
        }
    }
    fn help_title(&self) -> String {
        t::HELP_TITLE.into()
    }
    fn typing(&self) -> bool {
        self.name.is_some()
    }
    fn modal(&self) -> bool {
        self.name.is_some()
    }

    fn paste(&mut self, _cx: &mut Ctx, text: &str) -> Vec<Effect> {
        if let Some(n) = self.name.as_mut() {
            n.paste(text);
        }
        vec![]
    }

    fn key(&mut self, cx: &mut Ctx, k: KeyEvent) -> Vec<Effect> {
        if let Some(input) = self.name.as_mut() {
            match keymap::lookup(NAME_KEYS, &k) {
                Some(NameAct::Begin) => return self.begin(cx),
                Some(NameAct::Cancel) => self.name = None,
                Some(NameAct::Edit) => {
                    input.handle_key(k);
                }
                None => {}
            }
            return vec![];
        }
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
        if self.name.is_some() {
            return vec![];
        }
        let area = list_area(
            main,
            desc_area(main, self.desc_lines(cx.m, main.width).len()),
        );
        if column < area.x || column >= area.x + area.width {
            return vec![];
        }
        let rows = self.rows(cx.m);
        let off = self.offset(&rows, area.height);
        if let Some((Some(i), _)) = list::row_at(area, off, row).and_then(|r| rows.get(r)) {
            self.cursor = *i;
            return self.activate(cx);
        }
        vec![]
    }

    /// A preview only for a highlighted preset; otherwise the list takes the whole width.
    fn has_preview(&self, _m: &Model) -> bool {
        matches!(self.items.get(self.cursor), Some(Item::Preset(_)))
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
        let area = list_area(main, desc_area(main, self.desc_lines(m, main.width).len()));
        let rows = self.rows(m);
        let off = self.offset(&rows, area.height);
        let rows = rows.into_iter().map(|(i, text)| match i {
            None => list::Row::new(text, theme::heading()),
            Some(i) if i == self.cursor => {
                list::Row::new(format!("› {text}"), Style::new()).current(true)
            }
            Some(_) => list::Row::new(format!("  {text}"), Style::new()),
        });
        // A page without the sidebar: its list always has the keys.
        list::draw(f.buffer_mut(), area, rows, off, true);
        // The highlighted item in full; for a preset also what it ticks.
        let d_area = desc_area(main, self.desc_lines(m, main.width).len());
        let block = Block::new().borders(Borders::TOP);
        if let Some(input) = &self.name {
            let inner = block.inner(d_area);
            f.render_widget(block, d_area);
            let buf = f.buffer_mut();
            let label = t::NAME_LABEL;
            let lw = unicode_width::UnicodeWidthStr::width(label) as u16 + 1;
            buf.set_string(inner.x + 1, inner.y, label, theme::bold());
            let field = Rect::new(
                inner.x + 1 + lw,
                inner.y,
                inner.width.saturating_sub(2 + lw),
                1,
            );
            let cx = input.render(field, buf, theme::field_active());
            let hint = Rect::new(inner.x + 1, inner.y + 1, inner.width.saturating_sub(2), 2);
            f.render_widget(
                Paragraph::new(t::NAME_HINT)
                    .style(theme::dim())
                    .wrap(Wrap { trim: true }),
                hint,
            );
            if inner.height > 0 {
                f.set_cursor_position((cx, inner.y));
            }
            return;
        }
        // What does not fit (a small window) ends with "…".
        let mut desc: Vec<(String, Style)> = self
            .desc_lines(m, main.width)
            .into_iter()
            .map(|l| (l, theme::dim()))
            .collect();
        let room = d_area.height.saturating_sub(1) as usize;
        keep_lines(&mut desc, main.width.saturating_sub(1) as usize, room);
        let lines: Vec<Line> = desc
            .into_iter()
            .map(|(l, s)| Line::from(Span::styled(l, s)))
            .collect();
        f.render_widget(Paragraph::new(lines).block(block), d_area);
    }
}
