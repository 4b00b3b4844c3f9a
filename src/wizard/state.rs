//! The wizard's model: everything the view draws and update changes. No I/O here.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::widgets::text_input::TextInput;
use crate::engine::answers::{CustomProvider, WizardState, SHOP_FIELDS};
use crate::engine::document::Document;
use crate::engine::{validate, Answers, Diagnostic, Engine, Format, Provider, Section, Severity};

/// One step of the wizard, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Shop,
    Section(Section),
    Policy,
    Review,
    Export,
}

impl Step {
    pub fn all() -> Vec<Step> {
        let mut v = vec![Step::Shop];
        v.extend(Section::ALL.iter().map(|s| Step::Section(*s)));
        v.extend([Step::Policy, Step::Review, Step::Export]);
        v
    }

    pub fn id(self) -> &'static str {
        match self {
            Step::Shop => "shop",
            Step::Section(s) => s.id(),
            Step::Policy => "policy",
            Step::Review => "review",
            Step::Export => "export",
        }
    }

    pub fn from_id(id: &str) -> Option<Step> {
        Step::all().into_iter().find(|s| s.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Step::Shop => "Gegevens webwinkel",
            Step::Section(s) => s.label(),
            Step::Policy => "Beleidskeuzes",
            Step::Review => "Controle",
            Step::Export => "Exporteren",
        }
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

/// The wizard step a check diagnostic belongs to.
pub fn step_of(field: &str, answers: &Answers) -> Step {
    if field.starts_with("shop.") || field == "preset" {
        return Step::Shop;
    }
    if field.starts_with("policy.") {
        return Step::Policy;
    }
    if let Some(rest) = field.strip_prefix("providers.") {
        let key = rest.split('[').next().unwrap_or(rest);
        if let Some(s) = Section::from_id(key) {
            return Step::Section(s);
        }
    }
    if let Some(pid) = field.strip_prefix("variants.") {
        for s in Section::ALL {
            if answers.providers.get(s).iter().any(|x| x == pid) {
                return Step::Section(s);
            }
        }
        return Step::Section(Section::Reviews);
    }
    if let Some(rest) = field.strip_prefix("custom_provider[") {
        let i: usize = rest
            .split(']')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        if let Some(s) = answers
            .custom_providers
            .get(i)
            .and_then(|c| c.sections.iter().find_map(|s| Section::from_id(s)))
        {
            return Step::Section(s);
        }
    }
    Step::Review
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Start,
    Wizard,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Main,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartItem {
    New,
    Recent(PathBuf),
    Preset(String),
}

#[derive(Debug, Clone, Default)]
pub struct ShopForm {
    pub cursor: usize,
    pub inputs: Vec<TextInput>,
    /// Messages of fields the user has left, by key.
    pub errors: BTreeMap<&'static str, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderItem {
    Provider(String),
    AddCustom,
}

/// A row of the own-provider form, in order; `Safeguard` only shows when `outside_eea` is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CustomField {
    Name,
    Company,
    Country,
    Url,
    OutsideEea,
    Safeguard,
    Save,
}

/// The form for an own provider's details (`[[custom_provider]]`), over a provider step.
#[derive(Debug, Clone)]
pub struct CustomForm {
    /// The own provider being edited; None while a new one is being added.
    pub id: Option<String>,
    /// Opened from "+ Eigen aanbieder toevoegen": saving also chooses it in this step.
    pub adding: bool,
    pub cursor: CustomField,
    pub name: TextInput,
    pub company: TextInput,
    pub country: TextInput,
    pub url: TextInput,
    pub outside_eea: bool,
    /// Index into `screens::custom_provider::SAFEGUARDS`.
    pub safeguard: usize,
    /// Messages of fields the user has left, by field.
    pub errors: BTreeMap<CustomField, String>,
    /// A remark about the form as a whole (e.g. an existing own provider was taken over).
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ProvidersState {
    pub cursor: usize,
    pub filter: TextInput,
    /// The own-provider form (adding or editing), while open.
    pub form: Option<CustomForm>,
    /// An own provider Delete was pressed on once: a second Delete removes it.
    pub delete: Option<String>,
    /// A message about the last action, and whether it is an error.
    pub message: Option<(String, bool)>,
}

#[derive(Debug, Clone, Default)]
pub struct PolicyForm {
    pub cursor: usize,
    pub retention: TextInput,
    pub dpo: TextInput,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ExportState {
    pub cursor: usize,
    pub formats: [bool; 4],
    pub dir: TextInput,
    /// Files that exist and would be overwritten: the question is open.
    pub confirm: Option<Vec<PathBuf>>,
    pub written: Vec<PathBuf>,
    pub errors: Vec<String>,
    pub busy: bool,
}

/// Work for the run loop; update itself does no I/O.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the current answers to their file, or to a new file in the data dir.
    Save,
    /// Read an answers file chosen on the start screen.
    Open(PathBuf),
    /// Write these files; unless `overwrite`, first report files that exist.
    Export {
        files: Vec<(PathBuf, String)>,
        overwrite: bool,
    },
    Quit,
}

/// Everything update reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    Click { column: u16, row: u16 },
    Wheel(i32),
    Quit,
    Help,
    OpenExport,
    TogglePreview,
    PreviewPage(i32),
    Saved(Result<PathBuf, String>),
    Opened(Result<(PathBuf, Box<Answers>), String>),
    ExportExists(Vec<PathBuf>),
    Exported(Result<Vec<PathBuf>, String>),
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

#[derive(Debug, Clone)]
pub struct PreviewCache {
    pub width: u16,
    pub lines: Vec<ratatui::text::Line<'static>>,
    pub starts: Vec<usize>,
}

pub struct State<'e> {
    pub engine: &'e Engine,
    pub today: String,
    pub cwd: PathBuf,
    pub screen: Screen,
    pub start_items: Vec<StartItem>,
    pub start_cursor: usize,
    /// The preset the start screen's preview shows.
    pub start_preview: Option<String>,
    pub answers: Answers,
    pub path: Option<PathBuf>,
    pub steps: Vec<Step>,
    pub step: usize,
    pub visited: HashSet<Step>,
    pub focus: Focus,
    pub sidebar_cursor: usize,
    pub shop: ShopForm,
    pub prov: ProvidersState,
    pub policy: PolicyForm,
    pub review_cursor: usize,
    pub export: ExportState,
    pub diags: Vec<Diagnostic>,
    pub doc: Document,
    /// Indices of blocks the last change altered.
    pub changed: Vec<usize>,
    /// Block the preview is scrolled to, and the user's extra scroll in lines.
    pub preview_block: usize,
    pub preview_offset: i32,
    pub preview_full: bool,
    /// The preview wrapped for one pane width, filled by `sync`: the view draws it and
    /// update clamps scrolling with it, without wrapping the text again.
    pub preview_cache: Option<PreviewCache>,
    pub help: bool,
    pub status: String,
    pub size: (u16, u16),
    /// The answers changed since the document was last rebuilt.
    pub dirty: bool,
    pub quit: bool,
}

impl<'e> State<'e> {
    pub fn new(engine: &'e Engine, opts: Options) -> State<'e> {
        let mut start_items = vec![StartItem::New];
        start_items.extend(opts.recent.iter().cloned().map(StartItem::Recent));
        start_items.extend(
            engine
                .presets()
                .iter()
                .map(|p| StartItem::Preset(p.id.clone())),
        );
        let has_answers = opts.answers.is_some();
        let answers = opts.answers.unwrap_or_default();
        let mut s = State {
            engine,
            today: opts.today,
            cwd: opts.cwd,
            screen: Screen::Start,
            start_items,
            start_cursor: 0,
            start_preview: None,
            answers,
            path: opts.path,
            steps: Step::all(),
            step: 0,
            visited: HashSet::new(),
            focus: Focus::Main,
            sidebar_cursor: 0,
            shop: ShopForm::default(),
            prov: ProvidersState::default(),
            policy: PolicyForm::default(),
            review_cursor: 0,
            export: ExportState {
                formats: [true, true, false, false],
                ..Default::default()
            },
            diags: vec![],
            doc: Document::default(),
            changed: vec![],
            preview_block: 0,
            preview_offset: 0,
            preview_full: false,
            preview_cache: None,
            help: false,
            status: "Nog niet opgeslagen".into(),
            size: (80, 24),
            dirty: true,
            quit: false,
        };
        s.export.dir = TextInput::new(&s.default_export_dir());
        if has_answers {
            s.enter_wizard();
        }
        s.sync();
        s.changed.clear();
        s
    }

    fn default_export_dir(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(&self.cwd)
            .display()
            .to_string()
    }

    /// Switches to the wizard at the step saved in the answers (or the first).
    pub fn enter_wizard(&mut self) {
        self.screen = Screen::Wizard;
        // The start screen's preset preview is no base for "what changed".
        self.doc = Document::default();
        self.changed.clear();
        self.preview_cache = None;
        self.start_preview = None;
        self.dirty = true;
        self.export.dir = TextInput::new(&self.default_export_dir());
        let saved = self
            .answers
            .wizard
            .as_ref()
            .and_then(|w| w.step.as_deref())
            .and_then(Step::from_id)
            .and_then(|st| self.steps.iter().position(|x| *x == st))
            .unwrap_or(0);
        self.reload_forms();
        self.go_to(saved);
        // Steps before the saved one were seen in an earlier session.
        for i in 0..saved {
            self.visited.insert(self.steps[i]);
        }
    }

    pub fn reload_forms(&mut self) {
        self.shop.inputs = SHOP_FIELDS
            .iter()
            .map(|k| TextInput::new(self.answers.shop.get(k).unwrap_or("")))
            .collect();
        self.shop.errors.clear();
        let r = self.resolved();
        self.policy.retention = TextInput::new(
            &r.policy
                .retention_max_years
                .map(|y| y.to_string())
                .unwrap_or_default(),
        );
        self.policy.dpo = TextInput::new(r.policy.dpo.as_deref().unwrap_or(""));
    }

    pub fn current(&self) -> Step {
        self.steps[self.step.min(self.steps.len() - 1)]
    }

    /// Moves to step `i`; records it in the answers so reopening resumes there.
    pub fn go_to(&mut self, i: usize) {
        let i = i.min(self.steps.len() - 1);
        let old = self.current();
        self.visited.insert(old);
        self.step = i;
        self.sidebar_cursor = i;
        self.prov = ProvidersState::default();
        self.review_cursor = 0;
        let step = self.current();
        if step == Step::Export {
            self.export.written.clear();
            self.export.errors.clear();
            self.export.confirm = None;
        }
        self.answers.wizard = Some(WizardState {
            step: Some(step.id().to_string()),
        });
        self.preview_block = self.anchor_block(step);
        self.preview_offset = 0;
    }

    /// Answers with the preset applied: what the policy and lists show.
    pub fn resolved(&self) -> Answers {
        self.engine
            .resolve(&self.answers)
            .unwrap_or_else(|_| self.answers.clone())
    }

    /// Rebuilds diagnostics and the document; marks the blocks that changed.
    pub fn sync(&mut self) {
        if self.screen == Screen::Start {
            self.sync_start_preview();
        } else if self.dirty {
            self.rebuild();
        }
        let width = super::layout::layout(self)
            .preview
            .map(|a| a.width.saturating_sub(2));
        match width {
            Some(w) if self.preview_cache.as_ref().map(|c| c.width) != Some(w) => {
                let (lines, starts) = super::preview::lines(&self.doc, w, &self.changed);
                self.preview_cache = Some(PreviewCache {
                    width: w,
                    lines,
                    starts,
                });
            }
            _ => {}
        }
    }

    /// On the start screen the preview shows the highlighted preset with example shop data.
    fn sync_start_preview(&mut self) {
        let want = match self.start_items.get(self.start_cursor) {
            Some(StartItem::Preset(id)) => Some(id.clone()),
            _ => None,
        };
        if want == self.start_preview && self.doc.blocks.is_empty() != want.is_some() {
            return;
        }
        self.doc = match &want {
            Some(id) => {
                let mut a = self.engine.example_shop().clone();
                a.preset = Some(id.clone());
                self.engine.document(&a).unwrap_or_default()
            }
            None => Document::default(),
        };
        self.start_preview = want;
        self.changed.clear();
        self.preview_cache = None;
        self.preview_block = 0;
        self.preview_offset = 0;
    }

    fn rebuild(&mut self) {
        self.preview_cache = None;
        self.dirty = false;
        self.diags = self.engine.check(&self.answers);
        let new = self.engine.document(&self.answers).unwrap_or_default();
        let old: HashSet<(String, Option<String>)> = self
            .doc
            .blocks
            .iter()
            .map(|b| (b.plain(), b.anchor.clone()))
            .collect();
        let first_sync = self.doc.blocks.is_empty();
        self.changed = new
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| !old.contains(&(b.plain(), b.anchor.clone())))
            .map(|(i, _)| i)
            .collect();
        self.doc = new;
        if first_sync {
            self.changed.clear();
        }
        match self.changed.first() {
            Some(&i) => {
                self.preview_block = i;
                self.preview_offset = 0;
            }
            None => {
                self.preview_block = self.anchor_block(self.current());
            }
        }
    }

    /// The first block of the policy part a step affects (0 when it has none yet).
    pub fn anchor_block(&self, step: Step) -> usize {
        let wanted: Vec<&str> = match step {
            Step::Shop => vec!["over", "contact"],
            // A part without providers is left out of the policy: then show where it would
            // go, near the part of the closest section before it that is there.
            Step::Section(s) => Section::ALL
                .iter()
                .rev()
                .skip_while(|x| **x != s)
                .chain(std::iter::once(&Section::Webshop))
                .flat_map(|x| match x {
                    Section::Newsletter | Section::TransactionalEmail | Section::BusinessEmail => {
                        vec![x.id(), "email"]
                    }
                    _ => vec![x.id()],
                })
                .chain(["over"])
                .collect(),
            Step::Policy => vec!["bewaren", "rechten"],
            Step::Review | Step::Export => vec![],
        };
        wanted
            .iter()
            .find_map(|a| {
                self.doc
                    .blocks
                    .iter()
                    .position(|b| b.id.as_deref() == Some(a) || b.anchor.as_deref() == Some(a))
            })
            .unwrap_or(0)
    }

    pub fn step_state(&self, step: Step) -> StepState {
        let mut worst = None;
        for d in self.diags.iter().filter(|d| d.severity != Severity::Info) {
            if step_of(&d.field, &self.answers) == step {
                worst = Some(match (worst, d.severity) {
                    (_, Severity::Error) | (Some(StepState::Error), _) => StepState::Error,
                    _ => StepState::Warning,
                });
            }
        }
        if !self.visited.contains(&step) && step != self.current() {
            return StepState::NotVisited;
        }
        worst.unwrap_or(StepState::Done)
    }

    pub fn has_errors(&self) -> bool {
        validate::has_errors(&self.diags)
    }

    /// Puts the provider list's cursor on `id` (or the top when it is not listed).
    pub fn point_at_provider(&mut self, section: Section, id: &str) {
        self.prov.cursor = self
            .provider_items(section)
            .iter()
            .position(|x| matches!(x, ProviderItem::Provider(p) if p == id))
            .unwrap_or(0);
    }

    /// Error and warning counts of the current check.
    pub fn diag_counts(&self) -> (usize, usize) {
        let count = |sev| self.diags.iter().filter(|d| d.severity == sev).count();
        (count(Severity::Error), count(Severity::Warning))
    }

    /// The list a provider step shows: common first, then the rest by name, then own additions.
    pub fn provider_items(&self, section: Section) -> Vec<ProviderItem> {
        let info = self.engine.section_info(section);
        let cat = self.engine.catalog();
        let mut ids: Vec<String> = info
            .common
            .iter()
            .filter(|id| cat.get(id).is_some_and(|p| p.serves(section)))
            .cloned()
            .collect();
        let mut rest: Vec<&Provider> = cat
            .in_section(section)
            .filter(|p| !ids.contains(&p.id))
            .collect();
        rest.sort_by_key(|p| p.name.to_lowercase());
        ids.extend(rest.into_iter().map(|p| p.id.clone()));
        for c in &self.answers.custom_providers {
            if c.sections.iter().any(|s| s == section.id()) && !ids.contains(&c.id) {
                ids.push(c.id.clone());
            }
        }
        let q = self.prov.filter.value();
        let mut items: Vec<ProviderItem> = ids
            .into_iter()
            .filter(|id| match cat.get(id) {
                Some(p) => p.matches(&q),
                None => self.provider(id).is_some_and(|p| p.matches(&q)),
            })
            .map(ProviderItem::Provider)
            .collect();
        items.push(ProviderItem::AddCustom);
        items
    }

    pub fn provider(&self, id: &str) -> Option<Provider> {
        validate::lookup(&self.answers, self.engine.catalog(), id)
    }

    pub fn selected(&self, section: Section) -> Vec<String> {
        if self.answers.providers.is_answered(section) {
            self.answers.providers.get(section).to_vec()
        } else {
            self.resolved().providers.get(section).to_vec()
        }
    }

    pub fn variant_of(&self, id: &str) -> Option<String> {
        self.answers
            .variants
            .get(id)
            .cloned()
            .or_else(|| self.resolved().variants.get(id).cloned())
    }

    pub fn export_formats(&self) -> Vec<Format> {
        Format::ALL
            .iter()
            .zip(self.export.formats)
            .filter(|(_, on)| *on)
            .map(|(f, _)| *f)
            .collect()
    }

    /// `<slug-of-shop-name>-privacybeleid.<ext>` in the export folder.
    pub fn export_path(&self, f: Format) -> PathBuf {
        let name = crate::engine::format::file_name(self.answers.shop.name.as_deref(), f);
        PathBuf::from(self.export.dir.value().trim()).join(name)
    }

    /// The id a new own provider called `name` gets, or why it cannot be added.
    pub fn custom_id_for(&self, name: &str) -> Result<String, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("verplicht veld: vul dit in".into());
        }
        let id = crate::engine::rules::slug(name);
        if id.is_empty() {
            return Err("gebruik ten minste één letter of cijfer in de naam".into());
        }
        if self.engine.catalog().get(&id).is_some() {
            return Err(format!(
                "`{name}` staat al in de lijst; zoek erop en kies die"
            ));
        }
        Ok(id)
    }

    pub fn custom(&self, id: &str) -> Option<&CustomProvider> {
        self.answers.custom_providers.iter().find(|c| c.id == id)
    }
}
