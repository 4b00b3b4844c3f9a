//! Views derived from the model: the check results, the rendered policy with what the last
//! change altered, and the preview's scroll position and wrapped lines. Rebuilt by
//! `State::sync`; the model never stores any of it.

use std::collections::HashSet;

use crate::engine::document::Document;
use crate::engine::{validate, Answers, Diagnostic, Engine, Severity};

use super::model::{Model, ScreenId};
pub use super::preview::block_key;

/// The preview wrapped for one pane width: the view draws it and update clamps scrolling
/// with it, without wrapping the text again.
#[derive(Debug, Clone)]
pub struct PreviewCache {
    pub width: u16,
    pub lines: Vec<ratatui::text::Line<'static>>,
    pub starts: Vec<usize>,
}

/// The check and the document for one state of the answers: the costly part of a rebuild,
/// made wherever the caller likes: in [`Derived::refresh`] (tests, benches), or on the run
/// loop's preview thread so that the frame answering a key is drawn first.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    pub diags: Vec<Diagnostic>,
    pub doc: Document,
    /// Per block, a fingerprint of its text and anchor: what "changed" compares.
    pub keys: Vec<u64>,
}

impl Rebuilt {
    pub fn make(engine: &Engine, answers: &Answers) -> Rebuilt {
        let diags = engine.check(answers);
        let doc = engine.document(answers).unwrap_or_default();
        let keys = doc.blocks.iter().map(block_key).collect();
        Rebuilt { diags, doc, keys }
    }
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

/// What [`Derived::due`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    Nothing,
    /// A preset's example is on show (made at once).
    Shown,
    /// The answers' check and document are to be rebuilt; the ticket goes to `apply`.
    Answers(u64),
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
    /// The blocks of the latest preview lines, wrapped (reused by the next).
    pub wrapped: super::preview::Wrapped,
    /// The answers changed since the document was last rebuilt.
    pub dirty: bool,
    /// `doc`'s block fingerprints ([`block_key`]).
    pub keys: Vec<u64>,
    /// Counts the resets: a rebuild started before the latest reset is not shown.
    pub generation: u64,
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
            wrapped: Default::default(),
            dirty: true,
            keys: vec![],
            generation: 0,
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
        self.keys.clear();
        self.generation += 1;
    }

    /// Shows `source`; rebuilds the check and the document when the answers changed.
    /// Returns true when the document was rebuilt.
    pub fn refresh(&mut self, engine: &Engine, answers: &Answers, source: PreviewSource) -> bool {
        match self.due(engine, source) {
            Due::Answers(ticket) => self.apply(ticket, Rebuilt::make(engine, answers)),
            Due::Shown => true,
            Due::Nothing => false,
        }
    }

    /// Shows `source`, a preset's example made at once. For the answers, says whether
    /// their check and document are stale; then they count as underway, and the caller
    /// hands [`Rebuilt::make`] of the current answers to [`Derived::apply`] with the ticket.
    pub fn due(&mut self, engine: &Engine, source: PreviewSource) -> Due {
        if source == PreviewSource::Answers {
            if self.source != source {
                self.reset();
                self.source = source;
            }
            if self.dirty {
                self.dirty = false;
                return Due::Answers(self.generation);
            }
            return Due::Nothing;
        }
        if self.source == source {
            return Due::Nothing;
        }
        self.reset();
        if let PreviewSource::Preset(id) = &source {
            let mut a = engine.example_shop().clone();
            a.preset = Some(id.clone());
            self.doc = engine.document(&a).unwrap_or_default();
        }
        self.source = source;
        Due::Shown
    }

    /// Shows a rebuild, marking the blocks it changed; false (nothing shown) when the
    /// preview was reset since the ticket was given (that reset made it due again).
    pub fn apply(&mut self, ticket: u64, r: Rebuilt) -> bool {
        if ticket != self.generation || self.source != PreviewSource::Answers {
            return false;
        }
        self.cache = None;
        self.diags = r.diags;
        let first = self.doc.blocks.is_empty();
        let old: HashSet<u64> = self.keys.iter().copied().collect();
        self.changed = if first {
            vec![]
        } else {
            (0..r.keys.len())
                .filter(|i| !old.contains(&r.keys[*i]))
                .collect()
        };
        self.doc = r.doc;
        self.keys = r.keys;
        if let Some(&i) = self.changed.first() {
            self.block = i;
            self.offset = 0;
        }
        true
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(d: &mut Derived, engine: &Engine) -> u64 {
        match d.due(engine, PreviewSource::Answers) {
            Due::Answers(t) => t,
            other => panic!("no rebuild due: {other:?}"),
        }
    }

    /// A rebuild made elsewhere (the preview thread) is shown only if nothing reset the
    /// preview meanwhile; the first document marks nothing, a change marks its blocks.
    #[test]
    fn rebuilds_are_shown_in_order() {
        let engine = Engine::load().unwrap();
        let mut a = engine.example_shop().clone();
        let mut d = Derived::default();
        let t = ticket(&mut d, &engine);
        assert_eq!(d.due(&engine, PreviewSource::Answers), Due::Nothing);
        let r = Rebuilt::make(&engine, &a);
        d.reset(); // e.g. another file opened while the thread worked
        assert!(!d.apply(t, r.clone()), "a rebuild from before the reset");
        assert!(d.doc.blocks.is_empty());
        let t = ticket(&mut d, &engine);
        assert!(d.apply(t, r));
        assert!(!d.doc.blocks.is_empty() && d.changed.is_empty());
        a.shop.set("name", "Winkel Zeldzaam");
        d.dirty = true;
        let t = ticket(&mut d, &engine);
        assert!(d.apply(t, Rebuilt::make(&engine, &a)));
        assert!(!d.changed.is_empty());
        for &i in &d.changed {
            assert!(d.doc.blocks[i].plain().contains("Zeldzaam"), "block {i}");
        }
        assert_eq!(d.keys.len(), d.doc.blocks.len());
    }
}
