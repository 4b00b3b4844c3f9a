//! The `Screen` trait: what every screen (a page such as the start screen, or a wizard step)
//! does. A screen keeps its own cursor and fields, handles a key, a click or a paste by
//! changing the model and returning effects, lists its keys (one keymap, which also feeds
//! the footer and the help) and draws itself. It never calls `update`: navigation and
//! saving are effects the update loop carries out.
//!
//! A new screen is a new file in `screens/` plus one line in `screens::all`.

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::Frame;

use super::derived::{Derived, PreviewSource};
use super::keymap::Row;
use super::model::{Model, ScreenId};
use super::msg::{Effect, Msg};
use crate::engine::Answers;

/// What a screen may read and change while it handles an event.
pub struct Ctx<'a, 'e> {
    pub m: &'a mut Model<'e>,
    pub d: &'a Derived,
}

/// A page of its own, or a step of the wizard (in the sidebar, in registration order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    Step,
}

/// Lets tests and benches reach a screen's own state (`State::get`).
pub trait AsAny {
    fn as_any(&self) -> &dyn std::any::Any;
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
}

impl<T: 'static> AsAny for T {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

pub trait Screen: AsAny {
    fn id(&self) -> ScreenId;
    fn kind(&self) -> Kind;
    /// The name in the sidebar, the title bar and the help.
    fn label(&self) -> String;
    /// Pages with a menu label are offered on the start screen.
    fn menu(&self) -> Option<&'static str> {
        None
    }
    /// The keys that work now (from the screen's keymap): the footer and the F1 help.
    fn keys(&self, m: &Model) -> Vec<Row>;
    /// The help overlay's title (defaults to the label).
    fn help_title(&self) -> String {
        self.label()
    }

    /// The answers were replaced (a new or opened file): fill fields from them.
    fn load(&mut self, _m: &Model) {}
    /// The screen comes into view.
    fn enter(&mut self, _cx: &mut Ctx) {}
    /// The screen goes out of view (or the focus leaves it): check what was typed.
    fn leave(&mut self, _cx: &mut Ctx) {}

    fn key(&mut self, cx: &mut Ctx, k: KeyEvent) -> Vec<Effect>;
    fn paste(&mut self, _cx: &mut Ctx, _text: &str) -> Vec<Effect> {
        vec![]
    }
    /// A click inside the screen's area `main`.
    fn click(&mut self, _cx: &mut Ctx, _main: Rect, _column: u16, _row: u16) -> Vec<Effect> {
        vec![]
    }
    /// The result of an effect the screen asked for (export written, dialog answered).
    fn reply(&mut self, _cx: &mut Ctx, _msg: &Msg) -> Vec<Effect> {
        vec![]
    }

    /// `focused`: the screen has the keys (not the sidebar).
    fn draw(&self, f: &mut Frame, main: Rect, m: &Model, d: &Derived, focused: bool);

    /// Printable keys go into a text field (then `?` is typed, not help).
    fn typing(&self) -> bool {
        false
    }
    /// A question or form is open that Tab must not leave.
    fn modal(&self) -> bool {
        false
    }
    /// Tab/Shift+Tab within the screen; false at either end (then the sidebar gets focus).
    fn tab(&mut self, _cx: &mut Ctx, _forward: bool) -> bool {
        false
    }
    /// Puts the cursor on the field a check message names (`shop.email`).
    fn focus_field(&mut self, _field: &str) {}
    /// True when a check message about `field` belongs to this step.
    fn owns(&self, _field: &str, _answers: &Answers) -> bool {
        false
    }
    /// The parts of the policy this step affects (block ids or anchors), first found wins.
    fn anchors(&self) -> Vec<&'static str> {
        vec![]
    }
    /// A short addition to the sidebar label, e.g. how many providers are chosen.
    fn badge(&self, _m: &Model) -> String {
        String::new()
    }
    /// The screen has a preview pane beside it on a wide terminal.
    fn has_preview(&self, _m: &Model) -> bool {
        true
    }
    /// What the preview pane shows beside this screen.
    fn preview(&self, _m: &Model) -> PreviewSource {
        PreviewSource::Answers
    }
}
