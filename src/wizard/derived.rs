//! Views derived from the model: the check results, the rendered policy with what the last
//! change altered, and the preview's scroll position and wrapped lines. Rebuilt by
//! `State::sync`; the model never stores any of it.

use std::collections::HashSet;

use crate::engine::document::Document;
use crate::engine::{validate, Answers, Diagnostic, Engine, Severity};

use super::model::{Model, ScreenId};

/// The preview wrapped for one pane width: the view draws it and update clamps scrolling
/// with it, without wrapping the text again.
#[derive(Debug, Clone)]
pub struct PreviewCache {
    pub width: u16,
    pub lines: Vec<ratatui::text::Line<'static>>,
    pub starts: Vec<usize>,
}

/// How a step looks in the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    NotVisited,
    Done,
    Warning,
    Error,
}

/// What the preview shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreviewSource {
    Nothing,
    /// The policy of the answers being edited.
    Answers,
    /// A preset's policy with the example shop's details (start screen).
    Preset(String),
}

#[derive(Debug, Clone)]
pub struct Derived {
    pub diags: Vec<Diagnostic>,
    /// For each diagnostic, the wizard step it is about.
    pub diag_steps: Vec<ScreenId>,
    /// Per wizard step, a short addition to its sidebar label (e.g. " (2)").
    pub badges: Vec<String>,
    pub doc: Document,
    /// What `doc` shows.
    pub source: PreviewSource,
    /// Indices of blocks the last change altered.
    pub changed: Vec<usize>,
    /// Block the preview is scrolled to, and the user's extra scroll in lines.
    pub block: usize,
    pub offset: i32,
    pub cache: Option<PreviewCache>,
    /// The answers changed since the document was last rebuilt.
    pub dirty: bool,
}

impl Default for Derived {
    fn default() -> Self {
        Derived {
            diags: vec![],
            diag_steps: vec![],
            badges: vec![],
            doc: Document::default(),
            source: PreviewSource::Nothing,
            changed: vec![],
            block: 0,
            offset: 0,
            cache: None,
            dirty: true,
        }
    }
}

impl Derived {
    pub fn has_errors(&self) -> bool {
        validate::has_errors(&self.diags)
    }

    /// Error and warning counts of the current check.
    pub fn counts(&self) -> (usize, usize) {
        let count = |sev| self.diags.iter().filter(|d| d.severity == sev).count();
        (count(Severity::Error), count(Severity::Warning))
    }

    pub fn step_state(&self, m: &Model, step: ScreenId) -> StepState {
        let mut worst = None;
        for (d, s) in self.diags.iter().zip(&self.diag_steps) {
            if *s == step && d.severity != Severity::Info {
                worst = Some(match (worst, d.severity) {
                    (_, Severity::Error) | (Some(StepState::Error), _) => StepState::Error,
                    _ => StepState::Warning,
                });
            }
        }
        if !m.visited.contains(&step) && (!m.in_wizard() || step != m.current()) {
            return StepState::NotVisited;
        }
        worst.unwrap_or(StepState::Done)
    }

    /// Forgets the document (a new one is no base for "what changed").
    pub fn reset(&mut self) {
        self.doc = Document::default();
        self.source = PreviewSource::Nothing;
        self.changed.clear();
        self.cache = None;
        self.block = 0;
        self.offset = 0;
        self.dirty = true;
    }

    /// Shows `source`; rebuilds the check and the document when the answers changed.
    /// Returns true when the document was rebuilt.
    pub fn refresh(&mut self, engine: &Engine, answers: &Answers, source: PreviewSource) -> bool {
        if source == PreviewSource::Answers {
            if self.source != source {
                self.reset();
                self.source = source;
            }
            if self.dirty {
                self.rebuild(engine, answers);
                return true;
            }
            return false;
        }
        if self.source == source {
            return false;
        }
        self.reset();
        if let PreviewSource::Preset(id) = &source {
            let mut a = engine.example_shop().clone();
            a.preset = Some(id.clone());
            self.doc = engine.document(&a).unwrap_or_default();
        }
        self.source = source;
        true
    }

    fn rebuild(&mut self, engine: &Engine, answers: &Answers) {
        self.cache = None;
        self.dirty = false;
        self.diags = engine.check(answers);
        let new = engine.document(answers).unwrap_or_default();
        let old: HashSet<(String, Option<String>)> = self
            .doc
            .blocks
            .iter()
            .map(|b| (b.plain(), b.anchor.clone()))
            .collect();
        let first = self.doc.blocks.is_empty();
        self.changed = new
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| !old.contains(&(b.plain(), b.anchor.clone())))
            .map(|(i, _)| i)
            .collect();
        self.doc = new;
        if first {
            self.changed.clear();
        }
        if let Some(&i) = self.changed.first() {
            self.block = i;
            self.offset = 0;
        }
    }

    /// The first block among `anchors` (a block's id or anchor); 0 when none is there.
    pub fn anchor_block(&self, anchors: &[&str]) -> usize {
        anchors
            .iter()
            .find_map(|a| {
                self.doc
                    .blocks
                    .iter()
                    .position(|b| b.id.as_deref() == Some(a) || b.anchor.as_deref() == Some(a))
            })
            .unwrap_or(0)
    }

    /// Scrolls the preview to the part `anchors` name.
    pub fn scroll_to(&mut self, anchors: &[&str]) {
        self.block = self.anchor_block(anchors);
        self.offset = 0;
    }

    /// Scrolls the preview by `by` lines, within the text (pane `width` columns wide).
    pub fn scroll_by(&mut self, by: i32, width: u16) {
        self.offset = self.offset.saturating_add(by);
        match &self.cache {
            Some(c) if c.width == width => {
                let base = c.starts.get(self.block).copied().unwrap_or(0) as i32;
                let max = c.lines.len() as i32 - 1;
                self.offset = self.offset.clamp(-base, (max - base).max(-base));
            }
            _ => self.offset = self.offset.clamp(-10_000, 10_000),
        }
    }
}
