//! An export of the policy: which version it is, the version part ("Dit is versie 3 …" and
//! what changed per version), and the warning when the text changed but its date did not.

use super::changes::describe_in;
use super::facts::{sha256_hex, snapshot, Snapshot};
use super::history::{History, Record};
use super::wording::{self, fill, Wording};
use crate::engine::document::{wrap_user, BlockKind, Document};
use crate::engine::lang::Voice;
use crate::engine::model::date_nl;
use crate::engine::{format, Answers, Diagnostic, Engine, EngineError, Format, Severity};

/// The anchor of the policy's part about changes, where the version part goes.
const CHANGES_ANCHOR: &str = "wijzigingen";

#[derive(Debug, Clone)]
pub struct Plan {
    /// The policy as it is exported: with its version part when it has a version.
    pub document: Document,
    /// The version this text is (None: a preview of a file that was never exported).
    pub version: Option<u32>,
    /// Set when this text differs from the last exported version: the record to add.
    pub new_version: Option<Record>,
    /// The record of this export, for `laatste-export.toml`.
    pub export: Record,
    /// The policy's language and voice (`[policy] language` and `tone`).
    pub voice: Voice,
}

impl Plan {
    /// The version's text as kept in the history.
    pub fn markdown(&self) -> String {
        format::write(&self.document, Format::Markdown)
    }

    /// The policy as exported in `f`: an HTML page's `lang` names the policy's language;
    /// the HTML fragment keeps its own `<h1>` only with `title`.
    pub fn write(&self, f: Format, title: bool) -> String {
        write(&self.document, f, title, self.voice)
    }
}

/// A policy document in `f`, in `voice`'s language (the HTML page's `lang` attribute); the
/// HTML fragment for a CMS page keeps its own `<h1>` only with `title`.
pub fn write(doc: &Document, f: Format, title: bool, voice: Voice) -> String {
    match f {
        Format::HtmlFragment => format::fragment(doc, title),
        f => format::write_in(doc, f, voice.lang.code()),
    }
}

/// The policy text without version part, and its hash.
fn core(engine: &Engine, answers: &Answers) -> Result<(Document, String), EngineError> {
    let doc = engine.document(answers)?;
    let hash = sha256_hex(&format::write(&doc, Format::Markdown));
    Ok((doc, hash))
}

/// Plans an export (`exporting`: a file will be written, so a first export is version 1) or
/// a preview (the version part only when there is a history). `changelog: false` leaves the
/// list of changes out; the version line stays.
pub fn plan(
    engine: &Engine,
    answers: &Answers,
    history: &History,
    exporting: bool,
    changelog: bool,
) -> Result<Plan, EngineError> {
    let today = super::today();
    let voice = crate::engine::lang::voice_of(answers);
    let snap = snapshot(engine, answers);
    let (mut document, hash) = core(engine, answers)?;
    let latest = history.latest();
    let (version, new_version) = match latest {
        Some(r) if r.text_hash == hash => (r.version, None),
        _ => {
            let n = latest.map_or(1, |r| r.version + 1);
            let mut rec = Record::new(n, &today, &snap, &hash);
            rec.changes = match latest {
                Some(prev) => changes_since(prev, &snap, voice),
                None => vec![],
            };
            (n, Some(rec))
        }
    };
    let mut export = Record::new(version, &today, &snap, &hash);
    export.version_date = Some(match (&new_version, latest) {
        (None, Some(r)) => r.date.clone(),
        _ => today.clone(),
    });
    let shown = exporting || !history.is_empty();
    if shown {
        let mut records: Vec<&Record> = history.versions.iter().collect();
        if let Some(r) = &new_version {
            records.push(r);
        }
        insert_version_part(&mut document, &records, version, changelog, voice);
    }
    Ok(Plan {
        document,
        version: shown.then_some(version),
        new_version,
        export,
        voice,
    })
}

/// What a new version changes for the reader, compared with the one before, in `voice`.
fn changes_since(prev: &Record, snap: &Snapshot, voice: Voice) -> Vec<String> {
    let lines = describe_in(&prev.snapshot(), snap, voice);
    if !lines.is_empty() {
        return lines;
    }
    let key = if prev.effective_date != snap.answers.shop.effective_date {
        "date_only"
    } else {
        "text_only"
    };
    vec![capitalise(&Wording::text(
        &wording::get(voice).version,
        key,
    ))]
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The version part in the template's markup; every value is wrapped as a user value, so
/// nothing in a changelog line (a shop name, an address) can become markup. Each version's
/// changes are described again from the recorded answers and facts, in the policy's voice
/// of today (a policy switched to English gets an English changelog); a version whose
/// predecessor is not in the history keeps the lines recorded with it.
fn version_markup(records: &[&Record], current: u32, changelog: bool, voice: Voice) -> String {
    let table = &wording::get(voice).version;
    let v = |k: &str| Wording::text(table, k);
    let date_in = |d: &str| crate::engine::lang::date(d, voice.lang);
    let n = current.to_string();
    let date = records
        .iter()
        .find(|r| r.version == current)
        .and_then(|r| r.effective_date.as_deref())
        .and_then(date_in);
    let mut m = match &date {
        Some(d) => fill(&v("line_dated"), &[("n", &n), ("date", d)]),
        None => fill(&v("line"), &[("n", &n)]),
    };
    m = wrap_user(&m);
    m.push_str("\n\n");
    if changelog && current >= 2 {
        m.push_str(&format!("### {}\n\n", v("heading")));
        for r in records.iter().rev().filter(|r| r.version <= current) {
            let n = r.version.to_string();
            let head = match r.effective_date.as_deref().and_then(date_in) {
                Some(d) => fill(&v("item_dated"), &[("n", &n), ("date", &d)]),
                None => fill(&v("item"), &[("n", &n)]),
            };
            let prev = records.iter().find(|p| p.version + 1 == r.version);
            let what = match prev {
                _ if r.version == 1 => v("first"),
                Some(p) => changes_since(p, &r.snapshot(), voice).join(" "),
                None => r.changes.join(" "),
            };
            m.push_str(&format!("- {}\n", wrap_user(&format!("{head}: {what}"))));
        }
    }
    m
}

fn insert_version_part(
    doc: &mut Document,
    records: &[&Record],
    current: u32,
    changelog: bool,
    voice: Voice,
) {
    let mut part = Document::parse(&version_markup(records, current, changelog, voice)).blocks;
    let start = doc
        .blocks
        .iter()
        .position(|b| b.id.as_deref() == Some(CHANGES_ANCHOR));
    let at = match start {
        Some(i) => doc.blocks[i + 1..]
            .iter()
            .position(|b| matches!(b.kind, BlockKind::Title | BlockKind::Heading))
            .map_or(doc.blocks.len(), |j| i + 1 + j),
        None => doc.blocks.len(),
    };
    let anchor = start.and_then(|i| doc.blocks[i].id.clone());
    for b in &mut part {
        b.anchor = anchor.clone();
    }
    doc.blocks.splice(at..at, part);
}

/// `check`'s warning (issue 9): the text changed since the last exported version, but the
/// effective date is not later than that version's.
pub fn effective_date_warning(
    engine: &Engine,
    answers: &Answers,
    history: &History,
) -> Option<Diagnostic> {
    let last = history.latest()?;
    let last_date = last.effective_date.as_deref()?;
    // Without a valid date, `check` already reports the date itself.
    let now = answers.shop.effective_date.as_deref()?;
    crate::engine::rules::parse_date(now)?;
    if now > last_date {
        return None;
    }
    // Compare the texts as if the date had not moved, so only real changes count.
    let mut same_date = answers.clone();
    same_date.shop.effective_date = Some(last_date.to_string());
    let (_, hash) = core(engine, &same_date).ok()?;
    if hash == last.text_hash {
        return None;
    }
    Some(Diagnostic {
        severity: Severity::Warning,
        field: "shop.effective_date".into(),
        message: format!(
            "de tekst is veranderd sinds versie {} (geldig vanaf {}), maar de ingangsdatum niet; zet die op de dag dat de nieuwe tekst ingaat, bijvoorbeeld vandaag ({})",
            last.version,
            date_nl(last_date).unwrap_or_else(|| last_date.to_string()),
            super::today()
        ),
    })
}
