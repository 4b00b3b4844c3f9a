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
use crate::wizard::derived::Derived;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Msg, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::export as t;
use crate::wizard::theme;
use crate::wizard::widgets::list;
use crate::wizard::widgets::text::{fit, keep_lines, list_offset, path_lines, wrap};
use crate::wizard::widgets::text_input::TextInput;
use crate::{text_edit, up_down};

pub const ID: ScreenId = ScreenId("export");

/// A document the wizard can export: a variant here, its label, its formats and how it is
/// rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Doc {
    Policy,
    /// The cookie statement (issue 10), in the answers' language and tone.
    Cookies,
    /// The consent banner's configuration (issue 10).
    Banner,
    /// The register of processing activities (issue 9).
    Register,
    /// The processor agreements (issue 9).
    Agreements,
}

impl Doc {
    pub const ALL: [Doc; 5] = [
        Doc::Policy,
        Doc::Cookies,
        Doc::Banner,
        Doc::Register,
        Doc::Agreements,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Doc::Policy => t::DOC_POLICY,
            Doc::Cookies => t::DOC_COOKIES,
            Doc::Banner => t::DOC_BANNER,
            Doc::Register => t::DOC_REGISTER,
            Doc::Agreements => t::DOC_AGREEMENTS,
        }
    }

    /// Its id in `[export] documents`.
    pub fn id(self) -> &'static str {
        match self {
            Doc::Policy => "policy",
            Doc::Cookies => "cookies",
            Doc::Banner => "banner",
            Doc::Register => "register",
            Doc::Agreements => "agreements",
        }
    }

    pub fn formats(self) -> &'static [Out] {
        use Format::*;
        match self {
            Doc::Policy => &[
                Out::Text(Markdown),
                Out::Text(Html),
                Out::Text(HtmlFragment),
                Out::Text(Text),
            ],
            Doc::Cookies => &[Out::Text(Markdown), Out::Text(Html), Out::Text(Text)],
            Doc::Banner => &[Out::Json, Out::Js],
            Doc::Register | Doc::Agreements => &[Out::Text(Markdown), Out::Text(Html)],
        }
    }

    /// The file name for a shop: `<slug-of-shop-name>-privacybeleid.<ext>`.
    pub fn file_name(self, shop_name: Option<&str>, f: Out) -> String {
        use crate::consult::documents::file_name;
        match (self, f) {
            (Doc::Policy, Out::Text(f)) => crate::engine::format::file_name(shop_name, f),
            (Doc::Policy, _) => file_name(shop_name, "privacybeleid", f.extension()),
            (Doc::Cookies, _) => file_name(shop_name, "cookieverklaring", f.extension()),
            (Doc::Banner, _) => file_name(shop_name, "cookiemelding", f.extension()),
            (Doc::Register, _) => file_name(shop_name, "verwerkingsregister", f.extension()),
            (Doc::Agreements, _) => file_name(shop_name, "verwerkersovereenkomsten", f.extension()),
        }
    }

    /// The register and the agreements; the policy goes through its version plan.
    /// `title`: the policy's HTML fragment keeps its `<h1>` (default: the CMS page has one).
    /// The cookie statement and banner follow the answers' language and tone.
    pub fn render(
        self,
        engine: &Engine,
        answers: &Answers,
        out: Out,
        title: bool,
    ) -> Result<String, String> {
        use crate::consult::documents as docs;
        let today = crate::consult::today();
        let voice = crate::engine::lang::voice_of(answers);
        let f = match out {
            Out::Text(f) => f,
            Out::Json => {
                return engine
                    .banner_json(answers, voice)
                    .map_err(|e| e.to_string())
            }
            Out::Js => return engine.banner_js(answers, voice).map_err(|e| e.to_string()),
        };
        match self {
            Doc::Policy => engine
                .document(answers)
                .map(|d| crate::consult::policy::write(&d, f, title, voice))
                .map_err(|e| e.to_string()),
            Doc::Cookies => engine
                .render_cookie_statement(answers, f, voice)
                .map_err(|e| e.to_string()),
            Doc::Banner => engine
                .banner_json(answers, voice)
                .map_err(|e| e.to_string()),
            Doc::Register => Ok(docs::register(engine, answers, &today).write(f)),
            Doc::Agreements => Ok(docs::agreements(engine, answers, &today).write(f)),
        }
    }
}

/// The form of one exported file: a text format, or the banner's configuration as JSON or
/// as JavaScript that starts the banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Out {
    Text(Format),
    Json,
    Js,
}

impl From<Format> for Out {
    fn from(f: Format) -> Out {
        Out::Text(f)
    }
}

impl Out {
    pub fn label(self) -> &'static str {
        match self {
            Out::Text(f) => f.label(),
            Out::Json => t::OUT_JSON,
            Out::Js => t::OUT_JS,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Out::Text(f) => f.extension(),
            Out::Json => "json",
            Out::Js => "js",
        }
    }

    /// Its id in `[export] formats`.
    pub fn id(self) -> &'static str {
        match self {
            Out::Text(Format::Markdown) => "md",
            Out::Text(Format::Html) => "html",
            Out::Text(Format::HtmlFragment) => "fragment",
            Out::Text(Format::Text) => "txt",
            Out::Json => "json",
            Out::Js => "js",
        }
    }

    /// Its place in a document's row order.
    fn rank(self) -> usize {
        match self {
            Out::Text(f) => Format::ALL.iter().position(|x| *x == f).unwrap_or(0),
            Out::Json => Format::ALL.len(),
            Out::Js => Format::ALL.len() + 1,
        }
    }
}

const DIALOG_MKDIR: &str = "export-mkdir";
const DIALOG_DATE: &str = "export-date";

/// One document in one format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub doc: Doc,
    pub format: Out,
}

impl PartialOrd for Choice {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Choice {
    /// Documents in their order, then formats in `Format::ALL` order, then JSON and JS.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.doc, self.format.rank()).cmp(&(other.doc, other.format.rank()))
    }
}

/// A row of the export screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportRow {
    Choice(Choice),
    /// Whether the policy's HTML fragment has its own `<h1>` title.
    FragmentTitle,
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
    up_down!(Act::Up, Act::Down, t::KEY_MOVE, t::HELP_MOVE),
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
    /// The policy's HTML fragment keeps its `<h1>`; off by default, as a CMS page has its
    /// own title.
    pub fragment_title: bool,
    pub dir: TextInput,
    /// Files that exist and would be overwritten: the question is open.
    pub confirm: Option<Vec<PathBuf>>,
    pub written: Vec<PathBuf>,
    pub errors: Vec<String>,
    /// The effective-date question was answered for this export.
    pub date_asked: bool,
    /// The history to add to once the files are written.
    pub recording: Option<crate::wizard::msg::Recording>,
}

impl Default for Export {
    fn default() -> Self {
        // Ready to go: the button has the cursor; Markdown and the fragment for a CMS page
        // (what a shop pastes into its site) are ticked.
        Export {
            cursor: ExportRow::Button,
            fragment_title: false,
            chosen: [Format::Markdown, Format::HtmlFragment]
                .into_iter()
                .map(|format| Choice {
                    doc: Doc::Policy,
                    format: Out::Text(format),
                })
                .collect(),
            dir: TextInput::default(),
            confirm: None,
            written: vec![],
            errors: vec![],
            date_asked: false,
            recording: None,
        }
    }
}

/// Every row in order: each document's formats (the policy's followed by the fragment's
/// title option), the folder, the button.
pub fn rows() -> Vec<ExportRow> {
    let mut v: Vec<ExportRow> = Vec::new();
    for d in Doc::ALL {
        v.extend(
            d.formats()
                .iter()
                .map(|f| ExportRow::Choice(Choice { doc: d, format: *f })),
        );
        if d == Doc::Policy {
            v.push(ExportRow::FragmentTitle);
        }
    }
    v.push(ExportRow::Dir);
    v.push(ExportRow::Button);
    v
}

impl Export {
    /// The folder the export goes to at first: the answers file's, else the working folder.
    fn default_dir(m: &Model) -> String {
        m.folder().display().to_string()
    }

    fn index(&self) -> usize {
        rows().iter().position(|r| *r == self.cursor).unwrap_or(0)
    }

    /// The choice rows in view for a main area of `height` rows: the first shown and how
    /// many. The folder, the button and at least four lines of files stay below them; the
    /// row under the cursor is always in view.
    fn window(&self, height: u16) -> (usize, usize) {
        let n = rows().len() - 2;
        let room = (height as usize).saturating_sub(2 + 4 + 4).clamp(3, n);
        let cur = Some(self.index()).filter(|i| *i < n).unwrap_or(0);
        (list_offset(cur, n, room), room)
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
            // Named by the step they are about, not by their field id.
            self.errors =
                cx.d.diags
                    .iter()
                    .zip(&cx.d.diag_steps)
                    .filter(|(d, _)| d.severity == Severity::Error)
                    .map(|(d, step)| t::refused_row(cx.m.step_label(*step), &d.message))
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
        let dir = PathBuf::from(self.dir.value().trim());
        if !dir.is_dir() {
            return vec![Effect::Ask(crate::wizard::msg::Dialog {
                id: DIALOG_MKDIR,
                title: t::MKDIR_TITLE.into(),
                lines: t::mkdir_lines(&dir),
                choices: vec![('j', t::MKDIR_YES, "yes"), ('n', t::MKDIR_NO, "no")],
                cancel: Some("no"),
            })];
        }
        // The policy carries its version (issue 9): planned against the history.
        let policy = self.chosen.iter().any(|c| c.doc == Doc::Policy);
        let mut plan = None;
        if policy {
            use crate::consult::{policy as versions, History};
            let history = match &cx.m.path {
                Some(p) => History::load(p).unwrap_or_default(),
                None => History::none(),
            };
            let changelog = cx.m.answers.export.as_ref().and_then(|e| e.changelog) != Some(false);
            if !self.date_asked {
                if let Some(last) = history.latest() {
                    if versions::effective_date_warning(cx.m.engine, &cx.m.answers, &history)
                        .is_some()
                    {
                        let date = last.effective_date.clone().unwrap_or_default();
                        return vec![Effect::Ask(crate::wizard::msg::Dialog {
                            id: DIALOG_DATE,
                            title: t::DATE_TITLE.into(),
                            lines: t::date_lines(
                                last.version,
                                &crate::engine::model::date_nl(&date).unwrap_or(date.clone()),
                                &cx.m.today,
                            ),
                            choices: vec![
                                ('j', t::DATE_TODAY, "today"),
                                ('n', t::DATE_KEEP, "keep"),
                            ],
                            cancel: Some("keep"),
                        })];
                    }
                }
            }
            match versions::plan(cx.m.engine, &cx.m.answers, &history, true, changelog) {
                Ok(p) => plan = Some(p),
                Err(e) => {
                    self.errors = vec![e.to_string()];
                    return vec![];
                }
            }
        }
        let mut files = Vec::new();
        for c in &self.chosen {
            let text = match (&plan, c.doc) {
                (Some(p), Doc::Policy) => match c.format {
                    Out::Text(f) => Ok(p.write(f, self.fragment_title)),
                    _ => c.doc.render(cx.m.engine, &cx.m.answers, c.format, false),
                },
                _ => c
                    .doc
                    .render(cx.m.engine, &cx.m.answers, c.format, self.fragment_title),
            };
            match text {
                Ok(text) => files.push((self.path(cx.m, *c), text)),
                Err(e) => {
                    self.errors = vec![e];
                    return vec![];
                }
            }
        }
        self.recording = match (plan, &cx.m.path) {
            (Some(p), Some(answers_file)) => {
                let md = p.markdown();
                let mut export = p.export.clone();
                export.files = files
                    .iter()
                    .filter(|(f, _)| f.to_string_lossy().contains("privacybeleid"))
                    .map(|(f, _)| f.display().to_string())
                    .collect();
                Some(crate::wizard::msg::Recording {
                    answers_file: answers_file.clone(),
                    version: p.new_version.map(|r| (r, md)),
                    export,
                })
            }
            _ => None,
        };
        vec![Effect::Export { files, overwrite }]
    }

    /// `[export]` in the answers: what this export wrote, so the next one starts from it.
    fn settings(&self, m: &Model) -> crate::engine::answers::ExportSettings {
        let mut documents: Vec<String> = Vec::new();
        let mut formats: Vec<String> = Vec::new();
        for c in &self.chosen {
            if !documents.iter().any(|d| d == c.doc.id()) {
                documents.push(c.doc.id().into());
            }
            if !formats.iter().any(|f| f == c.format.id()) {
                formats.push(c.format.id().into());
            }
        }
        crate::engine::answers::ExportSettings {
            documents,
            formats,
            dir: Some(self.dir.value().trim().to_string()),
            changelog: m.answers.export.as_ref().and_then(|e| e.changelog),
        }
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
        // The settings of this file's last export (issue 9).
        if let Some(e) = &m.answers.export {
            if let Some(d) = e.dir.as_deref().filter(|d| !d.trim().is_empty()) {
                self.dir = TextInput::new(d);
            }
            if !e.documents.is_empty() && !e.formats.is_empty() {
                self.chosen = Doc::ALL
                    .iter()
                    .filter(|d| e.documents.iter().any(|x| x == d.id()))
                    .flat_map(|d| {
                        d.formats()
                            .iter()
                            .filter(|f| e.formats.iter().any(|x| x == f.id()))
                            .map(|f| Choice {
                                doc: *d,
                                format: *f,
                            })
                    })
                    .collect();
            }
        }
    }

    fn enter(&mut self, _cx: &mut Ctx) {
        self.written.clear();
        self.errors.clear();
        self.confirm = None;
        self.date_asked = false;
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
            (Some(Act::Enter), ExportRow::FragmentTitle)
            | (Some(Act::Toggle), ExportRow::FragmentTitle) => {
                self.fragment_title = !self.fragment_title
            }
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

    fn tab(&mut self, _cx: &mut Ctx, forward: bool) -> Option<Vec<Effect>> {
        let all = rows();
        let i = self.index();
        match (forward, i) {
            (true, i) if i + 1 < all.len() => self.cursor = all[i + 1],
            (false, i) if i > 0 => self.cursor = all[i - 1],
            _ => return None,
        }
        Some(vec![])
    }

    fn reply(&mut self, cx: &mut Ctx, msg: &Msg) -> Vec<Effect> {
        match msg {
            Msg::ExportExists(files) => self.confirm = Some(files.clone()),
            Msg::Exported(Ok(paths)) => {
                self.confirm = None;
                self.date_asked = false;
                cx.m.status = t::written_status(paths.len());
                self.written = paths.clone();
                // Remember the settings in the answers file; keep the policy's version.
                cx.m.answers.export = Some(self.settings(cx.m));
                let mut fx = vec![Effect::Save];
                if let Some(r) = self.recording.take() {
                    fx.push(Effect::Record(Box::new(r)));
                }
                return fx;
            }
            Msg::Exported(Err(e)) => {
                self.confirm = None;
                self.recording = None;
                self.errors = vec![t::failed(e)];
            }
            Msg::Recorded(Ok(line)) => cx.m.status = line.clone(),
            Msg::Recorded(Err(e)) => self.errors = vec![t::not_recorded(e)],
            Msg::DirMade(Ok(_)) => return self.prepare(cx, false),
            Msg::DirMade(Err(e)) => self.errors = vec![t::failed(e)],
            Msg::Chose { dialog, value } if *dialog == DIALOG_MKDIR => {
                if *value == "yes" {
                    return vec![Effect::MakeDir(PathBuf::from(self.dir.value().trim()))];
                }
                cx.m.status = t::NOT_EXPORTED.into();
            }
            Msg::Chose { dialog, value } if *dialog == DIALOG_DATE => {
                self.date_asked = true;
                let mut fx = vec![];
                if *value == "today" {
                    cx.m.answers.shop.effective_date = Some(cx.m.today.clone());
                    fx.push(Effect::Save);
                }
                fx.extend(self.prepare(cx, false));
                return fx;
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
        let (top, n) = self.window(main.height);
        let r = (row - first) as usize;
        if r < n {
            let r = top + r;
            self.cursor = all[r];
            match all[r] {
                ExportRow::Choice(c) => self.toggle(c),
                ExportRow::FragmentTitle => self.fragment_title = !self.fragment_title,
                _ => {}
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
        let all = rows();
        let (skip, n) = self.window(main.height);
        let hidden = all.len() - 2 - n;
        let mut cursor_pos = None;
        {
            let buf = f.buffer_mut();
            // The rows to tick; the folder and the button below them are drawn apart.
            let choices = all[..all.len() - 2].iter().map(|row| {
                let p = form::pointer(self.cursor == *row);
                let text = match row {
                    ExportRow::Choice(c) => {
                        let on = if self.chosen.contains(c) { "x" } else { " " };
                        match c.doc {
                            Doc::Policy => format!(
                                "{p}[{on}] {} (.{})",
                                c.format.label(),
                                c.format.extension()
                            ),
                            // The documents beside the policy say which they are (issue 9).
                            other => format!(
                                "{p}[{on}] {}: {} (.{})",
                                other.label(),
                                c.format.label(),
                                c.format.extension()
                            ),
                        }
                    }
                    ExportRow::FragmentTitle => {
                        let on = if self.fragment_title { "x" } else { " " };
                        format!("{p}    [{on}] {}", t::FRAGMENT_TITLE)
                    }
                    ExportRow::Dir | ExportRow::Button => String::new(),
                };
                list::Row::new(text, Style::new()).current(self.cursor == *row)
            });
            let area = Rect::new(main.x + 1, first, w, n as u16);
            list::draw(buf, area, choices, skip, focused);
            if hidden > 0 {
                buf.set_string(
                    main.x + 1,
                    first + n as u16,
                    fit(&t::more_rows(skip, hidden - skip), w as usize),
                    theme::dim(),
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
                if self.cursor == ExportRow::Button && focused {
                    theme::highlight()
                } else {
                    Style::new()
                },
            );
        }
        // Below the button: why the export is refused, or the files (written or to be
        // written); what does not fit ends with "…".
        let width = w as usize;
        let mut lines: Vec<(String, Style)> = Vec::new();
        let mut say = |text: &str, style: Style| {
            if unicode_width::UnicodeWidthStr::width(text) <= width {
                lines.push((text.to_string(), style));
            } else {
                lines.extend(wrap(text, width).into_iter().map(|l| (l, style)));
            }
        };
        if !self.errors.is_empty() {
            if d.has_errors() {
                say(
                    t::REFUSED,
                    theme::error().add_modifier(ratatui::style::Modifier::BOLD),
                );
            }
            for e in &self.errors {
                say(&format!("✗ {e}"), theme::error());
            }
        } else if d.has_errors() && self.confirm.is_none() {
            let (errors, _) = d.counts();
            say(&t::still_errors(errors), theme::error());
            say(t::SEE_REVIEW, theme::dim());
        } else if !self.written.is_empty() {
            say(t::WRITTEN, theme::bold());
            // Paths break after a `/`, never inside a name (widgets::text::path_lines).
            for p in &self.written {
                let text = p.display().to_string();
                let paths = path_lines("✓ ", &text, width, 4);
                lines.extend(paths.into_iter().map(|l| (l, Style::new())));
            }
        } else {
            say(t::FILES, theme::dim());
            for c in &self.chosen {
                let text = self.path(m, *c).display().to_string();
                let paths = path_lines("", &text, width, 2);
                lines.extend(paths.into_iter().map(|l| (l, theme::dim())));
            }
        }
        let top = first + n as u16 + 5;
        if top < main.y + main.height {
            let area = Rect::new(main.x + 1, top, w, main.y + main.height - top);
            keep_lines(&mut lines, width, area.height as usize);
            let lines: Vec<Line> = lines
                .into_iter()
                .map(|(l, s)| Line::from(Span::styled(l, s)))
                .collect();
            f.render_widget(Paragraph::new(lines), area);
        }
        if let Some(files) = &self.confirm {
            let h = (files.len() as u16 + 5).min(main.height);
            let area = Rect::new(main.x + 1, main.y + 3, w, h);
            let mut lines = vec![Line::from(t::EXISTS)];
            for p in files {
                let text = p.display().to_string();
                let width = w.saturating_sub(2) as usize;
                lines.extend(
                    path_lines("  ", &text, width, 4)
                        .into_iter()
                        .map(Line::from),
                );
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
