//! Export: which documents in which formats (a typed set), the folder, write; asks before
//! overwriting; refuses while the check finds errors.

use std::collections::BTreeSet;
use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::form;
use crate::engine::{Answers, Engine, Format, Severity};
use crate::text_edit;
use crate::wizard::derived::Derived;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Msg, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::export as t;
use crate::wizard::theme;
use crate::wizard::widgets::text::fit;
use crate::wizard::widgets::text_input::TextInput;

pub const ID: ScreenId = ScreenId("export");

/// A document the wizard can export. More come with later work (processing register,
/// processor agreements, cookie statement, cookie banner): a variant here, its label, its
/// formats and how it is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Doc {
    Policy,
}

impl Doc {
    pub const ALL: [Doc; 1] = [Doc::Policy];

    pub fn label(self) -> &'static str {
        match self {
            Doc::Policy => t::DOC_POLICY,
        }
    }

    pub fn formats(self) -> &'static [Format] {
        match self {
            Doc::Policy => &Format::ALL,
        }
    }

    /// The file name for a shop: `<slug-of-shop-name>-privacybeleid.<ext>`.
    pub fn file_name(self, shop_name: Option<&str>, f: Format) -> String {
        match self {
            Doc::Policy => crate::engine::format::file_name(shop_name, f),
        }
    }

    pub fn render(self, engine: &Engine, answers: &Answers, f: Format) -> Result<String, String> {
        match self {
            Doc::Policy => engine.render(answers, f).map_err(|e| e.to_string()),
        }
    }
}

/// One document in one format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub doc: Doc,
    pub format: Format,
}

impl PartialOrd for Choice {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Choice {
    /// Documents in their order, then formats in `Format::ALL` order.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let pos = |f: Format| Format::ALL.iter().position(|x| *x == f);
        (self.doc, pos(self.format)).cmp(&(other.doc, pos(other.format)))
    }
}

/// A row of the export screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportRow {
    Choice(Choice),
    Dir,
    Button,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Up,
    Down,
    Toggle,
    Enter,
    Back,
    Edit,
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
        keys: &[(Key::Plain(KeyCode::Char(' ')), Act::Toggle)],
        footer: Some(t::KEY_TOGGLE),
        help: t::HELP_TOGGLE,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Act::Enter)],
        footer: Some(t::KEY_ENTER),
        help: t::HELP_ENTER,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Yes,
    No,
}

const CONFIRM_KEYS: &Keymap<Answer> = &[
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Char('j')), Answer::Yes),
            (Key::Plain(KeyCode::Char('J')), Answer::Yes),
            (Key::Plain(KeyCode::Char('y')), Answer::Yes),
        ],
        footer: Some(t::KEY_YES),
        help: t::HELP_YES,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Char('n')), Answer::No),
            (Key::Plain(KeyCode::Char('N')), Answer::No),
            (Key::Plain(KeyCode::Esc), Answer::No),
        ],
        footer: Some(t::KEY_NO),
        help: t::HELP_NO,
    },
];

pub struct Export {
    pub cursor: ExportRow,
    pub chosen: BTreeSet<Choice>,
    pub dir: TextInput,
    /// Files that exist and would be overwritten: the question is open.
    pub confirm: Option<Vec<PathBuf>>,
    pub written: Vec<PathBuf>,
    pub errors: Vec<String>,
}

impl Default for Export {
    fn default() -> Self {
        Export {
            cursor: ExportRow::Choice(Choice {
                doc: Doc::Policy,
                format: Format::Markdown,
            }),
            chosen: [Format::Markdown, Format::Html]
                .into_iter()
                .map(|format| Choice {
                    doc: Doc::Policy,
                    format,
                })
                .collect(),
            dir: TextInput::default(),
            confirm: None,
            written: vec![],
            errors: vec![],
        }
    }
}

/// Every row in order: each document's formats, the folder, the button.
pub fn rows() -> Vec<ExportRow> {
    let mut v: Vec<ExportRow> = Doc::ALL
        .iter()
        .flat_map(|d| {
            d.formats().iter().map(|f| {
                ExportRow::Choice(Choice {
                    doc: *d,
                    format: *f,
                })
            })
        })
        .collect();
    v.push(ExportRow::Dir);
    v.push(ExportRow::Button);
    v
}

impl Export {
    /// The folder the export goes to at first: the answers file's, else the working folder.
    fn default_dir(m: &Model) -> String {
        m.path
            .as_ref()
            .and_then(|p| p.parent())
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(&m.cwd)
            .display()
            .to_string()
    }

    fn index(&self) -> usize {
        rows().iter().position(|r| *r == self.cursor).unwrap_or(0)
    }

    fn toggle(&mut self, c: Choice) {
        if !self.chosen.remove(&c) {
            self.chosen.insert(c);
        }
    }

    /// The files the chosen documents and formats go to.
    pub fn path(&self, m: &Model, c: Choice) -> PathBuf {
        let name = c.doc.file_name(m.answers.shop.name.as_deref(), c.format);
        PathBuf::from(self.dir.value().trim()).join(name)
    }

    /// Renders the chosen documents; nothing (with the reasons set) when export is refused.
    fn prepare(&mut self, cx: &mut Ctx, overwrite: bool) -> Vec<Effect> {
        self.written.clear();
        self.errors.clear();
        if cx.d.has_errors() {
            self.errors =
                cx.d.diags
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .map(|d| format!("{}: {}", d.field, d.message))
                    .collect();
            return vec![];
        }
        if self.chosen.is_empty() {
            self.errors = vec![t::CHOOSE_ONE.into()];
            return vec![];
        }
        if self.dir.value().trim().is_empty() {
            self.errors = vec![t::FILL_DIR.into()];
            return vec![];
        }
        let mut files = Vec::new();
        for c in &self.chosen {
            match c.doc.render(cx.m.engine, &cx.m.answers, c.format) {
                Ok(text) => files.push((self.path(cx.m, *c), text)),
                Err(e) => {
                    self.errors = vec![e];
                    return vec![];
                }
            }
        }
        vec![Effect::Export { files, overwrite }]
    }
}

impl Screen for Export {
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
        if self.confirm.is_some() {
            keymap::rows(CONFIRM_KEYS)
        } else {
            keymap::rows(KEYS)
        }
    }
    fn typing(&self) -> bool {
        self.cursor == ExportRow::Dir && self.confirm.is_none()
    }
    fn modal(&self) -> bool {
        self.confirm.is_some()
    }

    fn load(&mut self, m: &Model) {
        self.dir = TextInput::new(&Export::default_dir(m));
    }

    fn enter(&mut self, _cx: &mut Ctx) {
        self.written.clear();
        self.errors.clear();
        self.confirm = None;
    }

    fn key(&mut self, cx: &mut Ctx, k: KeyEvent) -> Vec<Effect> {
        if self.confirm.is_some() {
            match keymap::lookup(CONFIRM_KEYS, &k) {
                Some(Answer::Yes) => {
                    self.confirm = None;
                    return self.prepare(cx, true);
                }
                Some(Answer::No) => {
                    self.confirm = None;
                    cx.m.status = t::NOT_EXPORTED.into();
                }
                None => {}
            }
            return vec![];
        }
        let all = rows();
        let i = self.index();
        match (keymap::lookup(KEYS, &k), self.cursor) {
            (Some(Act::Up), _) => self.cursor = all[i.saturating_sub(1)],
            (Some(Act::Down), _) => self.cursor = all[(i + 1).min(all.len() - 1)],
            (Some(Act::Back), _) => return vec![Effect::Go(Nav::Prev)],
            (Some(Act::Enter), ExportRow::Button) | (Some(Act::Toggle), ExportRow::Button) => {
                return self.prepare(cx, false)
            }
            (Some(Act::Enter), ExportRow::Dir) => self.cursor = ExportRow::Button,
            (Some(Act::Enter), ExportRow::Choice(c))
            | (Some(Act::Toggle), ExportRow::Choice(c)) => self.toggle(c),
            (Some(_), ExportRow::Dir) => {
                self.dir.handle_key(k);
            }
            _ => {}
        }
        vec![]
    }

    fn paste(&mut self, _cx: &mut Ctx, text: &str) -> Vec<Effect> {
        if self.cursor == ExportRow::Dir && self.confirm.is_none() {
            self.dir.paste(text);
        }
        vec![]
    }

    fn tab(&mut self, _cx: &mut Ctx, forward: bool) -> bool {
        let all = rows();
        let i = self.index();
        match (forward, i) {
            (true, i) if i + 1 < all.len() => self.cursor = all[i + 1],
            (false, i) if i > 0 => self.cursor = all[i - 1],
            _ => return false,
        }
        true
    }

    fn reply(&mut self, cx: &mut Ctx, msg: &Msg) -> Vec<Effect> {
        match msg {
            Msg::ExportExists(files) => self.confirm = Some(files.clone()),
            Msg::Exported(Ok(paths)) => {
                self.confirm = None;
                cx.m.status = t::written_status(paths.len());
                self.written = paths.clone();
            }
            Msg::Exported(Err(e)) => {
                self.confirm = None;
                self.errors = vec![t::failed(e)];
            }
            _ => {}
        }
        vec![]
    }

    fn click(&mut self, cx: &mut Ctx, main: Rect, column: u16, row: u16) -> Vec<Effect> {
        if self.confirm.is_some() {
            return vec![];
        }
        let first = main.y + 2;
        if row < first {
            return vec![];
        }
        let all = rows();
        let n = all.len() - 2;
        let r = (row - first) as usize;
        if r < n {
            if let ExportRow::Choice(c) = all[r] {
                self.cursor = all[r];
                self.toggle(c);
            }
        } else if r == n + 1 {
            self.cursor = ExportRow::Dir;
            let x = main.x + 7;
            if column >= x {
                let w = main.width.saturating_sub(2).saturating_sub(6);
                self.dir.click(column - x, w);
            }
        } else if r == n + 3 {
            self.cursor = ExportRow::Button;
            return self.prepare(cx, false);
        }
        vec![]
    }

    fn draw(&self, f: &mut Frame, main: Rect, m: &Model, d: &Derived, focused: bool) {
        let w = main.width.saturating_sub(2);
        form::title(f, main, t::TITLE);
        let first = main.y + 2;
        let style_of = |row: ExportRow| {
            if self.cursor == row && focused {
                theme::highlight()
            } else {
                Style::new()
            }
        };
        let all = rows();
        let n = all.len() - 2;
        let mut cursor_pos = None;
        {
            let buf = f.buffer_mut();
            for (i, row) in all.iter().take(n).enumerate() {
                let ExportRow::Choice(c) = row else { continue };
                let on = if self.chosen.contains(c) { "x" } else { " " };
                let p = form::pointer(self.cursor == *row);
                let text = format!("{p}[{on}] {} (.{})", c.format.label(), c.format.extension());
                buf.set_string(
                    main.x + 1,
                    first + i as u16,
                    fit(&text, w as usize),
                    style_of(*row),
                );
            }
            let y = first + n as u16 + 1;
            let p = form::pointer(self.cursor == ExportRow::Dir);
            buf.set_string(main.x + 1, y, format!("{p}{}", t::DIR), Style::new());
            let area = Rect::new(main.x + 7, y, w.saturating_sub(6), 1);
            let st = if self.cursor == ExportRow::Dir && focused {
                theme::field_active()
            } else {
                theme::field()
            };
            let cx = self.dir.render(area, buf, st);
            if self.cursor == ExportRow::Dir && focused {
                cursor_pos = Some((cx, y));
            }
            buf.set_string(
                main.x + 1,
                first + n as u16 + 3,
                format!(
                    "{}{}",
                    form::pointer(self.cursor == ExportRow::Button),
                    t::BUTTON
                ),
                style_of(ExportRow::Button),
            );
        }
        let mut lines: Vec<Line> = Vec::new();
        if !self.errors.is_empty() {
            if d.has_errors() {
                lines.push(Line::from(Span::styled(
                    t::REFUSED,
                    theme::error().add_modifier(ratatui::style::Modifier::BOLD),
                )));
            }
            for e in &self.errors {
                lines.push(Line::from(Span::styled(format!("✗ {e}"), theme::error())));
            }
        } else if d.has_errors() && self.confirm.is_none() {
            let (errors, _) = d.counts();
            lines.push(Line::from(Span::styled(
                t::still_errors(errors),
                theme::error(),
            )));
            lines.push(Line::from(Span::styled(t::SEE_REVIEW, theme::dim())));
        } else if !self.written.is_empty() {
            lines.push(Line::from(Span::styled(t::WRITTEN, theme::bold())));
            for p in &self.written {
                lines.push(Line::from(format!("✓ {}", p.display())));
            }
        } else {
            lines.push(Line::from(Span::styled(t::FILES, theme::dim())));
            for c in &self.chosen {
                lines.push(Line::from(Span::styled(
                    self.path(m, *c).display().to_string(),
                    theme::dim(),
                )));
            }
        }
        let top = first + n as u16 + 5;
        if top < main.y + main.height {
            f.render_widget(
                Paragraph::new(lines).wrap(Wrap { trim: false }),
                Rect::new(main.x + 1, top, w, main.y + main.height - top),
            );
        }
        if let Some(files) = &self.confirm {
            let h = (files.len() as u16 + 5).min(main.height);
            let area = Rect::new(main.x + 1, main.y + 3, w, h);
            let mut lines = vec![Line::from(t::EXISTS)];
            for p in files {
                lines.push(Line::from(format!("  {}", p.display())));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(t::OVERWRITE_Q, theme::bold())));
            f.render_widget(Clear, area);
            f.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(Block::new().borders(Borders::ALL).title(t::OVERWRITE_TITLE)),
                area,
            );
            return;
        }
        if let Some(p) = cursor_pos {
            f.set_cursor_position(p);
        }
    }
}
