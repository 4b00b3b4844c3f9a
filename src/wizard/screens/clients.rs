//! Clients (issue 9): every answers file in a consultant's folder with its shop, errors and
//! warnings, version and whether it needs a new export. Enter opens one; `n` makes a new
//! client whose file is named after the shop. The folder is read when the screen comes
//! into view (and with `r`), like a file dialog.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::form;
use crate::consult::status::{self, Row as Client};
use crate::engine::answers::Shop;
use crate::engine::Answers;
use crate::wizard::derived::{Derived, PreviewSource};
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::clients as t;
use crate::wizard::theme;
use crate::wizard::widgets::list;
use crate::wizard::widgets::text::{fit, list_offset};
use crate::wizard::widgets::text_input::TextInput;
use crate::{text_edit, up_down};

pub const ID: ScreenId = ScreenId("clients");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Up,
    Down,
    Open,
    New,
    Rescan,
    Back,
}

const KEYS: &Keymap<Act> = &[
    up_down!(Act::Up, Act::Down, t::KEY_MOVE, t::HELP_MOVE),
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Act::Open)],
        footer: Some(t::KEY_OPEN),
        help: t::HELP_OPEN,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Char('n')), Act::New)],
        footer: Some(t::KEY_NEW),
        help: t::HELP_NEW,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Char('r')), Act::Rescan)],
        footer: Some(t::KEY_RESCAN),
        help: t::HELP_RESCAN,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), Act::Back)],
        footer: None,
        help: t::HELP_BACK,
    },
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameAct {
    Create,
    Cancel,
    Edit,
}

const NAME_KEYS: &Keymap<NameAct> = &[
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), NameAct::Create)],
        footer: Some(t::KEY_NEW),
        help: t::HELP_NEW,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), NameAct::Cancel)],
        footer: None,
        help: t::HELP_BACK,
    },
    text_edit!(cursor, NameAct::Edit),
    text_edit!(word, NameAct::Edit),
    text_edit!(erase, NameAct::Edit),
    text_edit!(typing, NameAct::Edit),
];

#[derive(Default)]
pub struct Clients {
    pub dir: PathBuf,
    pub rows: Vec<Client>,
    pub cursor: usize,
    pub error: Option<String>,
    /// The name of a new client being typed.
    pub naming: Option<TextInput>,
}

impl Clients {
    /// The folder: `--dir`, else the current answers file's, else the working folder.
    fn folder(m: &Model) -> PathBuf {
        m.clients_dir
            .clone()
            .unwrap_or_else(|| m.folder().to_path_buf())
    }

    /// Reads the folder again.
    pub fn scan(&mut self, m: &Model) {
        self.dir = Clients::folder(m);
        match status::scan(m.engine, &self.dir) {
            Ok(rows) => {
                self.rows = rows;
                self.error = None;
            }
            Err(e) => {
                self.rows.clear();
                self.error = Some(t::cannot_read(&e.to_string()));
            }
        }
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    /// The line under the heading, instead of the rows or above them: why the folder
    /// cannot be read, that it has no clients, or what a new client's name lacks.
    fn message(&self) -> Option<(&str, Style)> {
        match &self.error {
            Some(e) => Some((e, theme::error())),
            None if self.rows.is_empty() => Some((t::NONE, theme::dim())),
            None => None,
        }
    }

    /// The clients' rows: below the heading line and the message.
    fn rows_area(&self, main: Rect) -> Rect {
        let a = list_area(main);
        let above = (1 + u16::from(self.message().is_some())).min(a.height);
        Rect::new(a.x, a.y + above, a.width, a.height - above)
    }

    /// A free file name after the shop: `bakkerij-de-korenschoof.toml`, then `-2`, ...
    fn new_path(&self, name: &str) -> PathBuf {
        let slug = crate::engine::rules::slug(name);
        let stem = if slug.is_empty() {
            "klant".into()
        } else {
            slug
        };
        let mut p = self.dir.join(format!("{stem}.toml"));
        let mut n = 2;
        while p.exists() {
            p = self.dir.join(format!("{stem}-{n}.toml"));
            n += 1;
        }
        p
    }

    fn create(&mut self, cx: &mut Ctx) -> Vec<Effect> {
        let name = self
            .naming
            .as_ref()
            .map(|n| n.value().trim().to_string())
            .unwrap_or_default();
        if name.is_empty() {
            self.error = Some(t::NEEDS_NAME.into());
            return vec![];
        }
        self.naming = None;
        let path = self.new_path(&name);
        cx.m.answers = Answers {
            shop: Shop {
                name: Some(name.clone()),
                effective_date: Some(cx.m.today.clone()),
                ..Default::default()
            },
            ..Default::default()
        };
        cx.m.path = Some(path);
        cx.m.status = t::created(&name);
        vec![Effect::Go(Nav::Wizard), Effect::Save]
    }

    fn why(r: &Client) -> String {
        if r.unreadable.is_some() {
            return t::UNREADABLE.into();
        }
        if !r.stale {
            return t::NO.into();
        }
        let reasons: Vec<&str> = r.reasons.iter().map(|x| x.dutch()).collect();
        t::yes(&reasons.join(", "))
    }

    fn line(r: &Client, w: usize) -> String {
        let file = r
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shop = r.shop.clone().unwrap_or_else(|| t::NO_NAME.into());
        let diag = format!("{}/{}", r.errors, r.warnings);
        let version = r.version.map_or_else(|| "-".into(), |v| v.to_string());
        let exported = r.exported.clone().unwrap_or_else(|| "-".into());
        if w >= 120 {
            format!(
                "{} {} {:>13} {:>6}  {} {}",
                pad(&shop, 28),
                pad(&file, 28),
                diag,
                version,
                pad(&exported, 10),
                Clients::why(r)
            )
        } else {
            format!(
                "{} {:>5} {:>3} {} {}",
                pad(&shop, 24),
                diag,
                version,
                pad(&exported, 10),
                Clients::why(r)
            )
        }
    }

    fn header(w: usize) -> String {
        if w >= 120 {
            format!(
                "{} {} {:>13} {:>6}  {} {}",
                pad(t::HEAD_SHOP, 28),
                pad("bestand", 28),
                t::HEAD_DIAG,
                t::HEAD_VERSION,
                pad(t::HEAD_EXPORTED, 10),
                t::HEAD_STALE
            )
        } else {
            format!(
                "{} {:>5} {:>3} {} {}",
                pad(t::HEAD_SHOP, 24),
                "f/w",
                "v.",
                pad(t::HEAD_EXPORTED, 10),
                t::HEAD_STALE
            )
        }
    }
}

/// Cut to `w` columns and filled up to them, so the columns line up.
fn pad(s: &str, w: usize) -> String {
    let cut = fit(s, w);
    let used = unicode_width::UnicodeWidthStr::width(cut.as_str());
    format!("{cut}{}", " ".repeat(w.saturating_sub(used)))
}

/// The list with its heading line.
fn list_area(main: Rect) -> Rect {
    Rect::new(
        main.x + 1,
        main.y + 3,
        main.width.saturating_sub(2),
        main.height.saturating_sub(5),
    )
}

impl Screen for Clients {
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
        if self.naming.is_some() {
            keymap::rows(NAME_KEYS)
        } else {
            keymap::rows(KEYS)
        }
    }
    fn typing(&self) -> bool {
        self.naming.is_some()
    }
    fn modal(&self) -> bool {
        self.naming.is_some()
    }
    fn has_preview(&self, _m: &Model) -> bool {
        false
    }
    fn preview(&self, _m: &Model) -> PreviewSource {
        PreviewSource::Nothing
    }

    fn enter(&mut self, cx: &mut Ctx) {
        self.naming = None;
        self.scan(cx.m);
    }

    fn key(&mut self, cx: &mut Ctx, k: KeyEvent) -> Vec<Effect> {
        if let Some(input) = &mut self.naming {
            match keymap::lookup(NAME_KEYS, &k) {
                Some(NameAct::Create) => return self.create(cx),
                Some(NameAct::Cancel) => {
                    self.naming = None;
                    self.error = None;
                }
                Some(NameAct::Edit) => {
                    input.handle_key(k);
                }
                None => {}
            }
            return vec![];
        }
        let n = self.rows.len();
        match keymap::lookup(KEYS, &k) {
            Some(Act::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Act::Down) => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Some(Act::Open) => {
                if let Some(r) = self.rows.get(self.cursor) {
                    return vec![Effect::Open(r.file.clone())];
                }
            }
            Some(Act::New) => {
                self.error = None;
                self.naming = Some(TextInput::default());
            }
            Some(Act::Rescan) => self.scan(cx.m),
            Some(Act::Back) => return vec![Effect::Go(Nav::Back)],
            None => {}
        }
        vec![]
    }

    fn paste(&mut self, _cx: &mut Ctx, text: &str) -> Vec<Effect> {
        if let Some(input) = &mut self.naming {
            input.paste(text);
        }
        vec![]
    }

    fn click(&mut self, _cx: &mut Ctx, main: Rect, _column: u16, row: u16) -> Vec<Effect> {
        if self.naming.is_some() {
            return vec![];
        }
        let area = self.rows_area(main);
        let off = list_offset(self.cursor, self.rows.len(), area.height as usize);
        if let Some(i) = list::row_at(area, off, row).filter(|i| *i < self.rows.len()) {
            if self.cursor == i {
                return vec![Effect::Open(self.rows[i].file.clone())];
            }
            self.cursor = i;
        }
        vec![]
    }

    fn draw(&self, f: &mut Frame, main: Rect, _m: &Model, _d: &Derived, focused: bool) {
        let w = main.width.saturating_sub(2) as usize;
        form::title(f, main, &t::title(&self.dir));
        let stale = self.rows.iter().filter(|r| r.stale).count();
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(
                fit(&t::summary(self.rows.len(), stale), w),
                theme::dim(),
            ))),
            Rect::new(main.x + 1, main.y + 1, main.width.saturating_sub(2), 1),
        );
        let area = list_area(main);
        let mut lines = vec![Line::from(Span::styled(
            fit(&format!(" {}", Clients::header(w)), w),
            theme::heading(),
        ))];
        if let Some((text, style)) = self.message() {
            lines.push(Line::from(Span::styled(fit(text, w), style)));
        }
        f.render_widget(Paragraph::new(lines), area);
        let area = self.rows_area(main);
        let off = list_offset(self.cursor, self.rows.len(), area.height as usize);
        let rows = self.rows.iter().enumerate().map(|(i, r)| {
            let text = format!("{}{}", form::pointer(i == self.cursor), Clients::line(r, w));
            let style = if r.errors > 0 || r.unreadable.is_some() {
                theme::error()
            } else if r.stale {
                theme::warning()
            } else {
                Style::new()
            };
            list::Row::new(text, style).current(i == self.cursor)
        });
        list::draw(
            f.buffer_mut(),
            area,
            rows,
            off,
            focused && self.naming.is_none(),
        );
        if let Some(input) = &self.naming {
            let y = main.y + main.height.saturating_sub(1);
            let label_w = t::NEW_NAME.chars().count() as u16;
            f.buffer_mut()
                .set_string(main.x + 1, y, t::NEW_NAME, theme::bold());
            let field = Rect::new(
                main.x + 1 + label_w,
                y,
                main.width.saturating_sub(2 + label_w),
                1,
            );
            let cx = input.render(field, f.buffer_mut(), theme::field_active());
            f.set_cursor_position((cx, y));
        }
    }
}
