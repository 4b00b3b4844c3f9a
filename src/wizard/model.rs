//! The model: the answers, where the user is and what has the focus. No I/O, no layout, no
//! drawing; the screens keep their own cursors and text fields, the derived views
//! (check results, the rendered policy, the preview's scroll) are in `derived`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::engine::answers::CustomProvider;
use crate::engine::{validate, Answers, Engine, Provider, Section};

/// A screen's id; for a wizard step also the `[wizard] step` saved in the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScreenId(pub &'static str);

/// Which area takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The questions of the current screen.
    Main,
    /// The list of steps.
    Sidebar,
    /// The preview on the full width.
    Preview,
}

/// What is on screen: a page of its own (start, about), or the wizard at its current step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Page(ScreenId),
    Wizard,
}

/// A wizard step as the sidebar and the title bar show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepEntry {
    pub id: ScreenId,
    pub label: String,
}

/// Start-up facts, injected so tests are deterministic.
#[derive(Debug, Clone)]
pub struct Options {
    pub today: String,
    pub path: Option<PathBuf>,
    pub answers: Option<Answers>,
    pub recent: Vec<PathBuf>,
    pub cwd: PathBuf,
}

pub struct Model<'e> {
    pub engine: &'e Engine,
    pub today: String,
    pub cwd: PathBuf,
    pub recent: Vec<PathBuf>,
    pub answers: Answers,
    pub path: Option<PathBuf>,
    pub route: Route,
    /// The page to go back to from a page such as "about".
    pub back: Route,
    pub steps: Vec<StepEntry>,
    pub step: usize,
    pub visited: HashSet<ScreenId>,
    pub focus: Focus,
    pub sidebar_cursor: usize,
    pub status: String,
    pub size: (u16, u16),
    pub quit: bool,
    /// Consultants (issue 9): the folder the clients screen lists (`wizard --dir`).
    pub clients_dir: Option<PathBuf>,
    /// Shop names of the recent files, read at start (the start screen shows them).
    pub shop_names: Vec<(PathBuf, String)>,
}

impl<'e> Model<'e> {
    pub fn new(engine: &'e Engine, opts: Options, start: ScreenId) -> Model<'e> {
        Model {
            engine,
            today: opts.today,
            cwd: opts.cwd,
            recent: opts.recent,
            answers: opts.answers.unwrap_or_default(),
            path: opts.path,
            route: Route::Page(start),
            back: Route::Page(start),
            steps: vec![],
            step: 0,
            visited: HashSet::new(),
            focus: Focus::Main,
            sidebar_cursor: 0,
            status: super::strings::status::NOT_SAVED.into(),
            size: (80, 24),
            quit: false,
            clients_dir: None,
            shop_names: vec![],
        }
    }

    /// The current wizard step.
    pub fn current(&self) -> ScreenId {
        self.steps[self.step.min(self.steps.len() - 1)].id
    }

    /// The screen on display: the page, or the current step.
    pub fn active(&self) -> ScreenId {
        match self.route {
            Route::Page(id) => id,
            Route::Wizard => self.current(),
        }
    }

    pub fn in_wizard(&self) -> bool {
        self.route == Route::Wizard
    }

    /// The answers file's folder, else the working folder.
    pub fn folder(&self) -> &Path {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(&self.cwd)
    }

    pub fn step_index(&self, id: ScreenId) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    pub fn step_label(&self, id: ScreenId) -> &str {
        self.steps
            .iter()
            .find(|s| s.id == id)
            .map_or("", |s| s.label.as_str())
    }

    /// Answers with the preset applied: what the policy and lists show.
    pub fn resolved(&self) -> Answers {
        self.engine
            .resolve(&self.answers)
            .unwrap_or_else(|_| self.answers.clone())
    }

    pub fn provider(&self, id: &str) -> Option<Provider> {
        validate::lookup(&self.answers, self.engine.catalog(), id)
    }

    /// The providers chosen in a section (the preset's until the user changes the section).
    pub fn selected(&self, section: Section) -> Vec<String> {
        if self.answers.providers.is_answered(section) {
            self.answers.providers.get(section).to_vec()
        } else {
            self.resolved().providers.get(section).to_vec()
        }
    }

    /// Makes the preset's choice for a section the answers' own, before the user changes it.
    pub fn ensure_answered(&mut self, section: Section) {
        if !self.answers.providers.is_answered(section) {
            let list = self.selected(section);
            self.answers.providers.set(section, list);
        }
    }

    pub fn variant_of(&self, id: &str) -> Option<String> {
        self.answers
            .variants
            .get(id)
            .cloned()
            .or_else(|| self.resolved().variants.get(id).cloned())
    }

    pub fn custom(&self, id: &str) -> Option<&CustomProvider> {
        self.answers.custom_providers.iter().find(|c| c.id == id)
    }
}
