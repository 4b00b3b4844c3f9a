//! `status DIR`: one row per answers file in a folder: shop, errors and warnings, version,
//! last export, and whether it needs a new export and why.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::error::ConsultError;
use super::facts::{chosen_ids, sha256_hex, snapshot};
use super::history::History;
use crate::engine::{format, Answers, Engine, Format, Severity};

/// Why a client needs a new export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No export has been recorded for this file.
    NeverExported,
    /// The answers differ from those of the last export.
    AnswersChanged,
    /// A chosen provider's facts in the catalog changed since the last export.
    CatalogChanged,
    /// Neither, but the text differs (a newer version of this program words it differently).
    TextChanged,
    /// The answers file or its history cannot be read.
    Unreadable,
}

impl Reason {
    pub fn dutch(self) -> &'static str {
        match self {
            Reason::NeverExported => "nog nooit geëxporteerd",
            Reason::AnswersChanged => "antwoorden gewijzigd",
            Reason::CatalogChanged => "gegevens van een aanbieder gewijzigd",
            Reason::TextChanged => "tekst van het programma gewijzigd",
            Reason::Unreadable => "onleesbaar",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub file: PathBuf,
    pub shop: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    /// The version of the last export (None: never exported).
    pub version: Option<u32>,
    /// The day that version was first exported.
    pub version_date: Option<String>,
    /// The day of the last export.
    pub exported: Option<String>,
    pub stale: bool,
    pub reasons: Vec<Reason>,
    /// Chosen providers whose catalog facts changed since the last export.
    pub changed_providers: Vec<String>,
    /// Every chosen provider.
    pub providers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
}

/// The answers files in a folder (`*.toml`, not in subfolders), sorted by name.
pub fn answers_files(dir: &Path) -> Result<Vec<PathBuf>, ConsultError> {
    let entries = std::fs::read_dir(dir).map_err(|e| ConsultError::Read {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut v: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    v.sort();
    Ok(v)
}

/// Every file's row, in name order; the files are read on every core.
pub fn scan(engine: &Engine, dir: &Path) -> Result<Vec<Row>, ConsultError> {
    let files = answers_files(dir)?;
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, files.len().max(1));
    let chunk = files.len().div_ceil(workers).max(1);
    Ok(std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|p| row(engine, p)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    }))
}

fn unreadable(file: &Path, shop: Option<String>, why: String) -> Row {
    Row {
        file: file.to_path_buf(),
        shop,
        errors: 0,
        warnings: 0,
        version: None,
        version_date: None,
        exported: None,
        stale: true,
        reasons: vec![Reason::Unreadable],
        changed_providers: vec![],
        providers: vec![],
        unreadable: Some(why),
    }
}

pub fn row(engine: &Engine, file: &Path) -> Row {
    let answers = match Answers::load(file) {
        Ok(a) => a,
        Err(e) => return unreadable(file, None, e.to_string()),
    };
    let shop = answers.shop.name.clone();
    let hist = match History::load_latest(file) {
        Ok(h) => h,
        Err(e) => return unreadable(file, shop, e.to_string()),
    };
    let last = hist.last_export.clone();
    let mut diags = engine.check(&answers);
    let snap = snapshot(engine, &answers);
    let mut reasons = Vec::new();
    let mut changed = Vec::new();
    let mut version_date = None;
    match &last {
        None => reasons.push(Reason::NeverExported),
        Some(rec) => {
            if rec.answers != snap.answers {
                reasons.push(Reason::AnswersChanged);
            }
            // Fingerprints only: the recorded facts are read when a diff describes them.
            let now = snap.fingerprints();
            changed = super::facts::chosen_ids(&snap.answers)
                .into_iter()
                .filter(|id| match (rec.fingerprints.get(id), now.get(id)) {
                    (Some(a), Some(b)) => a != b,
                    _ => false,
                })
                .collect();
            if !changed.is_empty() {
                reasons.push(Reason::CatalogChanged);
            }
            if reasons.is_empty() {
                let text = engine
                    .document(&answers)
                    .map(|d| sha256_hex(&format::write(&d, Format::Markdown)));
                if text.is_ok_and(|h| h != rec.text_hash) {
                    reasons.push(Reason::TextChanged);
                }
            }
            version_date = hist.get(rec.version).ok().map(|r| r.date.clone());
            if !reasons.is_empty() {
                diags.extend(super::policy::effective_date_warning(
                    engine, &answers, &hist,
                ));
            }
        }
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    Row {
        file: file.to_path_buf(),
        shop,
        errors,
        // Info lines (facts a catalog entry could not verify) are not warnings.
        warnings: diags
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count(),
        version: last.as_ref().map(|r| r.version),
        version_date,
        exported: last.as_ref().map(|r| r.date.clone()),
        stale: !reasons.is_empty(),
        reasons,
        changed_providers: changed,
        providers: chosen_ids(&snap.answers),
        unreadable: None,
    }
}
