//! The wizard's state as one value: the model, the views derived from it, the screens (each
//! with its own cursor and fields) and what lies over them (help, a question). Also the
//! moves between screens, which the update loop carries out for the screens' effects.

use super::derived::{Derived, Due, PreviewCache, PreviewSource, Rebuilt};
use super::layout::{layout, Areas};
use super::model::{Focus, Model, Route, ScreenId, StepEntry};
use super::msg::Dialog;
use super::screen::{Ctx, Kind, Screen};
use super::screens;
use crate::engine::answers::WizardState;
use crate::engine::Engine;

pub use super::model::Options;
pub use super::msg::{Effect, Msg};

/// What lies over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Dialog(Dialog),
}

pub struct State<'e> {
    pub model: Model<'e>,
    pub derived: Derived,
    pub screens: Vec<Box<dyn Screen>>,
    pub overlay: Option<Overlay>,
    /// The answers file as read from disk (comments and layout kept on save); None until
    /// there is one.
    pub file: Option<crate::answers_file::AnswersFile>,
    /// The lock that tells a second wizard this file is open.
    pub lock: Option<crate::answers_file::Lock>,
    /// Why the latest answers are not on disk (a failed save, an outside change), if so.
    pub unsaved: Option<String>,
    /// A notice for the status line that the next "saved" keeps in front of it.
    pub note: Option<String>,
}

impl<'e> State<'e> {
    /// The wizard's state before its first check and preview: the run loop draws the first
    /// frame at once and has them made on its preview thread (a policy with every provider
    /// takes longer to make than a start may).
    pub fn unsynced(engine: &'e Engine, opts: Options) -> State<'e> {
        let has_answers = opts.answers.is_some();
        let mut model = Model::new(engine, opts, screens::start::ID);
        let mut list = screens::all(&model);
        model.steps = list
            .iter()
            .filter(|s| s.kind() == Kind::Step)
            .map(|s| StepEntry {
                id: s.id(),
                label: s.label(),
            })
            .collect();
        for scr in list.iter_mut() {
            scr.load(&model);
        }
        let mut s = State {
            model,
            derived: Derived::default(),
            screens: list,
            overlay: None,
            file: None,
            lock: None,
            unsaved: None,
            note: None,
        };
        if has_answers {
            s.enter_wizard();
        }
        s
    }

    /// The wizard's state with its check and preview made (tests, benches).
    pub fn new(engine: &'e Engine, opts: Options) -> State<'e> {
        let mut s = State::unsynced(engine, opts);
        s.sync();
        s.derived.changed.clear();
        s
    }

    fn index_of(&self, id: ScreenId) -> usize {
        self.screens.iter().position(|s| s.id() == id).unwrap_or(0)
    }

    pub fn screen(&self, id: ScreenId) -> &dyn Screen {
        self.screens[self.index_of(id)].as_ref()
    }

    /// The screen on display.
    pub fn active(&self) -> &dyn Screen {
        self.screen(self.model.active())
    }

    /// Runs `f` on a screen with the model to change.
    pub fn with_screen<R>(
        &mut self,
        id: ScreenId,
        f: impl FnOnce(&mut dyn Screen, &mut Ctx) -> R,
    ) -> R {
        let i = self.index_of(id);
        let mut cx = Ctx {
            m: &mut self.model,
            d: &self.derived,
        };
        f(self.screens[i].as_mut(), &mut cx)
    }

    /// A screen by its type, for tests and benches (`s.get::<Shop>(shop::ID)`).
    pub fn get<T: 'static>(&self, id: ScreenId) -> Option<&T> {
        (*self.screens[self.index_of(id)]).as_any().downcast_ref()
    }

    pub fn get_mut<T: 'static>(&mut self, id: ScreenId) -> Option<&mut T> {
        let i = self.index_of(id);
        (*self.screens[i]).as_any_mut().downcast_mut()
    }

    /// True when printable keys go into a text field (then `?` is typed, not help).
    pub fn typing(&self) -> bool {
        self.model.focus == Focus::Main && self.active().typing()
    }

    pub fn areas(&self) -> Areas {
        layout(
            &self.model,
            self.model.size,
            self.active().has_preview(&self.model),
        )
    }

    /// Fills every screen's fields from the answers again (after a change from outside).
    pub fn reload(&mut self) {
        for scr in self.screens.iter_mut() {
            scr.load(&self.model);
        }
    }

    /// Checks what was typed on the screen that goes out of view (or loses the focus).
    pub fn leave_active(&mut self) -> Vec<super::msg::Effect> {
        let id = self.model.active();
        self.with_screen(id, |s, cx| s.leave(cx))
    }

    /// Moves to step `i`; records it in the answers so reopening resumes there.
    pub fn go_to(&mut self, i: usize) {
        let i = i.min(self.model.steps.len() - 1);
        if self.model.in_wizard() {
            let old = self.model.current();
            self.model.visited.insert(old);
        }
        self.model.route = Route::Wizard;
        self.model.step = i;
        self.model.sidebar_cursor = i;
        let id = self.model.current();
        self.with_screen(id, |s, cx| s.enter(cx));
        self.model.answers.wizard = Some(WizardState {
            step: Some(id.0.to_string()),
        });
        let anchors = self.screen(id).anchors();
        self.derived.scroll_to(&anchors);
    }

    /// A step by id.
    pub fn go_to_step(&mut self, id: ScreenId) {
        if let Some(i) = self.model.step_index(id) {
            self.go_to(i);
        }
    }

    /// Switches to the wizard with new answers, at the step saved in them (or the first).
    pub fn enter_wizard(&mut self) {
        // The start screen's preset preview is no base for "what changed".
        self.derived.reset();
        for scr in self.screens.iter_mut() {
            scr.load(&self.model);
        }
        let saved = self
            .model
            .answers
            .wizard
            .as_ref()
            .and_then(|w| w.step.as_deref())
            .and_then(|id| self.model.steps.iter().position(|s| s.id.0 == id))
            .unwrap_or(0);
        self.model.route = Route::Wizard;
        self.model.focus = Focus::Main;
        self.go_to(saved);
        // Steps before the saved one were seen in an earlier session.
        for i in 0..saved {
            let id = self.model.steps[i].id;
            self.model.visited.insert(id);
        }
    }

    /// Rebuilds the check, the document and the preview's lines when they are stale.
    pub fn sync(&mut self) {
        if let Some(ticket) = self.sync_begin() {
            let r = Rebuilt::make(self.model.engine, &self.model.answers);
            self.sync_finish(ticket, r);
        }
    }

    /// `sync` in two halves, for a caller that rebuilds elsewhere (the run loop's preview
    /// thread): brings everything up to date but the answers' check and document, and
    /// returns a ticket when those are stale. Then hand [`Rebuilt::make`] of the answers as
    /// they are now to [`State::sync_finish`] with that ticket. Until then the screen shows
    /// the previous check and document.
    pub fn sync_begin(&mut self) -> Option<u64> {
        let source = if self.model.in_wizard() {
            PreviewSource::Answers
        } else {
            self.active().preview(&self.model)
        };
        match self.derived.due(self.model.engine, source) {
            // Wrapped once the rebuild is there (the view wraps the old text meanwhile).
            Due::Answers(ticket) => Some(ticket),
            Due::Shown | Due::Nothing => {
                self.wrap_preview();
                None
            }
        }
    }

    /// Shows a rebuild begun by [`State::sync_begin`]: the check per step, the preview's
    /// place and lines.
    pub fn sync_finish(&mut self, ticket: u64, r: Rebuilt) {
        if self.derived.apply(ticket, r) && self.model.in_wizard() {
            self.attribute();
            if self.derived.changed.is_empty() {
                let anchors = self.active().anchors();
                self.derived.block = self.derived.anchor_block(&anchors);
            }
        }
        self.wrap_preview();
    }

    /// The preview's lines for the pane's width, when they are not there yet.
    fn wrap_preview(&mut self) {
        let width = self.areas().preview.map(|a| a.width.saturating_sub(2));
        match width {
            Some(w) if self.derived.cache.as_ref().map(|c| c.width) != Some(w) => {
                let d = &mut self.derived;
                let (lines, starts) =
                    super::preview::lines_with(&d.doc, &d.keys, w, &d.changed, &mut d.wrapped);
                self.derived.cache = Some(PreviewCache {
                    width: w,
                    lines,
                    starts,
                });
            }
            _ => {}
        }
    }

    /// Which step each check message is about, and the sidebar's badges.
    fn attribute(&mut self) {
        let fallback = screens::review::ID;
        let steps: Vec<&dyn Screen> = self.model.steps.iter().map(|s| self.screen(s.id)).collect();
        let answers = &self.model.answers;
        let diag_steps = self
            .derived
            .diags
            .iter()
            .map(|d| {
                steps
                    .iter()
                    .find(|s| s.owns(&d.field, answers))
                    .map_or(fallback, |s| s.id())
            })
            .collect();
        let badges = steps.iter().map(|s| s.badge(&self.model)).collect();
        self.derived.diag_steps = diag_steps;
        self.derived.badges = badges;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    /// The run loop's start: a frame is drawn before any check or preview exists; the first
    /// rebuild then shows the policy without marking anything as changed.
    #[test]
    fn the_first_frame_needs_no_preview() {
        let engine = Engine::load().unwrap();
        let mut s = State::unsynced(
            &engine,
            Options {
                today: "2025-01-15".into(),
                path: Some(std::path::PathBuf::from("/tmp/wizard-test/beleid.toml")),
                answers: Some(engine.example_shop().clone()),
                recent: vec![],
                cwd: std::path::PathBuf::from("/tmp/wizard-test"),
            },
        );
        s.model.size = (160, 48);
        assert!(s.derived.doc.blocks.is_empty());
        let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
        let ticket = s.sync_begin().expect("a rebuild is due");
        term.draw(|f| super::super::view::view(f, &s)).unwrap();
        let r = Rebuilt::make(&engine, &s.model.answers);
        s.sync_finish(ticket, r);
        assert!(!s.derived.doc.blocks.is_empty());
        assert!(
            s.derived.changed.is_empty(),
            "the first policy marks nothing"
        );
        term.draw(|f| super::super::view::view(f, &s)).unwrap();
    }
}
