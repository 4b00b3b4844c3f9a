//! Review: every check diagnostic; Enter jumps to the step it is about.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::form;
use crate::engine::Severity;
use crate::up_down;
use crate::wizard::derived::Derived;
use crate::wizard::keymap::{self, Binding, Key, Keymap, Row};
use crate::wizard::model::{Model, ScreenId};
use crate::wizard::msg::{Effect, Nav};
use crate::wizard::screen::{Ctx, Kind, Screen};
use crate::wizard::strings::review as t;
use crate::wizard::theme;
use crate::wizard::widgets::list;
use crate::wizard::widgets::text::{ellipsis, list_offset, wrap, wrap_max};

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
    up_down!(Act::Up, Act::Down, t::KEY_MOVE, t::HELP_MOVE),
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

/// Below the title and two lines of summary, down to the bottom.
fn list_area(main: Rect) -> Rect {
    Rect::new(
        main.x + 1,
        main.y + 3,
        main.width.saturating_sub(2),
        main.height.saturating_sub(3),
    )
}

/// One screen line of the list: the finding it belongs to and its text.
struct ListLine {
    diag: usize,
    text: String,
}

impl Review {
    /// To the step (and field) a finding is about.
    fn open(&self, d: &Derived, i: usize) -> Vec<Effect> {
        match (d.diags.get(i), d.diag_steps.get(i)) {
            (Some(diag), Some(step)) => vec![Effect::Go(Nav::Field(*step, diag.field.clone()))],
            _ => vec![],
        }
    }

    /// The list as screen lines: one per finding, cut with "…"; the finding under the cursor
    /// whole, wrapped (its next lines indented). Returns the lines and the first one shown.
    fn lines(&self, m: &Model, d: &Derived, width: usize, height: usize) -> (Vec<ListLine>, usize) {
        let mut out = vec![];
        let (mut first, mut last) = (0, 0);
        for (i, diag) in d.diags.iter().enumerate() {
            let mark = match diag.severity {
                Severity::Error => "✗",
                Severity::Warning => "!",
                Severity::Info => "i",
            };
            let step = d.diag_steps.get(i).map_or("", |s| m.step_label(*s));
            let text = format!(
                "{}{mark} {step}: {}",
                form::pointer(i == self.cursor),
                diag.message
            );
            if i == self.cursor {
                first = out.len();
                for (j, l) in wrap(&text, width.saturating_sub(3)).into_iter().enumerate() {
                    let text = if j == 0 { l } else { format!("   {l}") };
                    out.push(ListLine { diag: i, text });
                }
                last = out.len().saturating_sub(1);
            } else {
                out.push(ListLine {
                    diag: i,
                    text: ellipsis(&text, width),
                });
            }
        }
        // The whole finding under the cursor in view (its first line when it is taller).
        let mut off = list_offset(last, out.len(), height);
        if off > first {
            off = first;
        }
        (out, off)
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
        let (lines, off) = self.lines(cx.m, cx.d, a.width as usize, a.height as usize);
        if let Some(l) = list::row_at(a, off, row).and_then(|i| lines.get(i)) {
            self.cursor = l.diag;
            return self.open(cx.d, l.diag);
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
        let w = main.width.saturating_sub(2) as usize;
        let mut head = vec![Line::from(Span::styled(
            ellipsis(t::TITLE, w),
            theme::bold(),
        ))];
        head.extend(
            wrap_max(&summary, w, 2)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme::dim()))),
        );
        f.render_widget(
            Paragraph::new(head),
            Rect::new(main.x + 1, main.y, w as u16, 3.min(main.height)),
        );
        let a = list_area(main);
        let (lines, off) = self.lines(m, d, a.width as usize, a.height as usize);
        let rows = lines.into_iter().map(|l| {
            let style = match d.diags[l.diag].severity {
                Severity::Error => theme::error(),
                Severity::Warning => theme::warning(),
                Severity::Info => theme::dim(),
            };
            list::Row::new(l.text, style).current(l.diag == self.cursor)
        });
        list::draw(f.buffer_mut(), a, rows, off, focused);
    }
}
