//! The history of an answers file: plain files in `<answers>.history/` beside it.
//!
//! - `versie-003.toml`: version 3: when it was exported, its effective date, what changed
//!   for the reader, a hash of its text, and the answers and provider facts it used;
//! - `versie-003.md`: the policy text of version 3 as exported (Markdown);
//! - `laatste-export.toml`: the same record for the last export (which may have written an
//!   unchanged text again), so `status` can tell what changed since.
//!
//! Every file is written atomically (temporary file, then rename) and versions are never
//! rewritten: a failed write leaves the earlier history as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::ConsultError;
use super::facts::{self, Snapshot};
use crate::engine::Answers;

pub const LAST_EXPORT: &str = "laatste-export.toml";

/// One exported version, or the last export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub version: u32,
    /// The day it was exported (YYYY-MM-DD).
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_date: Option<String>,
    /// What changed since the previous version, in the reader's terms.
    #[serde(default)]
    pub changes: Vec<String>,
    /// SHA-256 of the policy text without its version part (Markdown).
    pub text_hash: String,
    /// The day the version of this export was first exported (only in the last-export
    /// record), so `status` need not read the version's own file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_date: Option<String>,
    /// Files this export wrote (only in the last-export record).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    /// Provider id → fingerprint of its facts.
    #[serde(default)]
    pub fingerprints: BTreeMap<String, String>,
    pub answers: Answers,
    #[serde(default)]
    pub facts: BTreeMap<String, toml::Value>,
}

impl Record {
    pub fn new(version: u32, date: &str, snapshot: &Snapshot, text_hash: &str) -> Record {
        Record {
            version,
            date: date.to_string(),
            effective_date: snapshot.answers.shop.effective_date.clone(),
            changes: vec![],
            text_hash: text_hash.to_string(),
            version_date: None,
            files: vec![],
            fingerprints: snapshot.fingerprints(),
            answers: snapshot.answers.clone(),
            facts: facts::to_toml(&snapshot.facts),
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            answers: self.answers.clone(),
            facts: facts::from_toml(&self.facts),
        }
    }

    fn to_toml(&self, what: &str) -> String {
        format!(
            "# {what}. Geschreven door privacybeleid; niet met de hand bewerken.\n{}",
            toml::to_string(self).unwrap_or_default()
        )
    }

    fn parse(path: &Path) -> Result<Record, ConsultError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConsultError::Read {
            path: path.to_path_buf(),
            source: e,
        })?;
        toml::from_str(&text).map_err(|e| ConsultError::Damaged {
            path: path.to_path_buf(),
            message: crate::engine::error::ParseError::from_toml(&text, &e).to_string(),
        })
    }
}

/// `klanten/bakkerij.toml` → `klanten/bakkerij.toml.history`.
pub fn dir_for(answers: &Path) -> PathBuf {
    let mut s = answers.as_os_str().to_owned();
    s.push(".history");
    PathBuf::from(s)
}

fn version_stem(n: u32) -> String {
    format!("versie-{n:03}")
}

/// Version numbers present in a history folder, ascending (a missing folder has none).
pub fn version_numbers(dir: &Path) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut v: Vec<u32> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name();
            let name = name.to_str()?;
            name.strip_prefix("versie-")?
                .strip_suffix(".toml")?
                .parse()
                .ok()
        })
        .collect();
    v.sort_unstable();
    v
}

/// Only the last-export record (what `status` needs); None when never exported.
pub fn last_export(answers: &Path) -> Result<Option<Record>, ConsultError> {
    let dir = dir_for(answers);
    let p = dir.join(LAST_EXPORT);
    if p.exists() {
        return Record::parse(&p).map(Some);
    }
    // An older history without the record: the newest version stands in for it.
    match version_numbers(&dir).last() {
        Some(n) => Record::parse(&dir.join(format!("{}.toml", version_stem(*n)))).map(Some),
        None => Ok(None),
    }
}

#[derive(Debug, Clone, Default)]
pub struct History {
    pub answers_file: PathBuf,
    pub dir: PathBuf,
    pub versions: Vec<Record>,
    pub last_export: Option<Record>,
    /// The last-export record's text as read: an export that would write the same text
    /// leaves the file alone.
    last_export_text: Option<String>,
}

impl History {
    /// Reads every version; a file without history gives an empty one.
    pub fn load(answers_file: &Path) -> Result<History, ConsultError> {
        let mut h = History::load_for_export(answers_file)?;
        h.last_export = if h.last_export_text.is_some() {
            Some(Record::parse(&h.dir.join(LAST_EXPORT))?)
        } else {
            h.versions.last().cloned()
        };
        Ok(h)
    }

    /// As [`History::load`] for an export, which only replaces the last-export record: that
    /// record is read as text, not parsed (in a batch, parsing it was a tenth of the time),
    /// and `last_export` stays None.
    pub fn load_for_export(answers_file: &Path) -> Result<History, ConsultError> {
        let dir = dir_for(answers_file);
        let mut versions = Vec::new();
        for n in version_numbers(&dir) {
            versions.push(Record::parse(
                &dir.join(format!("{}.toml", version_stem(n))),
            )?);
        }
        let last_export_text = std::fs::read_to_string(dir.join(LAST_EXPORT)).ok();
        Ok(History {
            answers_file: answers_file.to_path_buf(),
            dir,
            versions,
            last_export: None,
            last_export_text,
        })
    }

    /// Only the newest version and the last export: enough for `status` and the
    /// effective-date warning, without reading every version.
    pub fn load_latest(answers_file: &Path) -> Result<History, ConsultError> {
        let dir = dir_for(answers_file);
        let numbers = version_numbers(&dir);
        if dir.join(LAST_EXPORT).exists() {
            let last = Record::parse(&dir.join(LAST_EXPORT))?;
            // The last export's text is its version's text: it stands in for that version.
            if let Some(date) = last.version_date.clone() {
                if numbers.last() == Some(&last.version) {
                    let mut version = last.clone();
                    version.date = date;
                    version.files.clear();
                    return Ok(History {
                        answers_file: answers_file.to_path_buf(),
                        dir,
                        versions: vec![version],
                        last_export: Some(last),
                        last_export_text: None,
                    });
                }
            }
        }
        let versions = match numbers.last() {
            Some(n) => vec![Record::parse(
                &dir.join(format!("{}.toml", version_stem(*n))),
            )?],
            None => vec![],
        };
        let last_export = if dir.join(LAST_EXPORT).exists() {
            Some(Record::parse(&dir.join(LAST_EXPORT))?)
        } else {
            versions.last().cloned()
        };
        Ok(History {
            answers_file: answers_file.to_path_buf(),
            dir,
            versions,
            last_export,
            last_export_text: None,
        })
    }

    /// A history for a preset preview or a file that is not on disk: never written.
    pub fn none() -> History {
        History::default()
    }

    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    pub fn latest(&self) -> Option<&Record> {
        self.versions.last()
    }

    pub fn get(&self, n: u32) -> Result<&Record, ConsultError> {
        self.versions
            .iter()
            .find(|r| r.version == n)
            .ok_or_else(|| ConsultError::NoVersion {
                file: self.answers_file.clone(),
                n,
                have: self.latest().map_or(0, |r| r.version),
            })
    }

    pub fn text_path(&self, n: u32) -> PathBuf {
        self.dir.join(format!("{}.md", version_stem(n)))
    }

    /// The policy text of version n as it was exported.
    pub fn text(&self, n: u32) -> Result<String, ConsultError> {
        self.get(n)?;
        let p = self.text_path(n);
        std::fs::read_to_string(&p).map_err(|e| ConsultError::Read { path: p, source: e })
    }

    /// Writes a new version (text first, then its record: a version exists once its record
    /// does), then the last-export record.
    pub fn record(
        &mut self,
        new_version: Option<(&Record, &str)>,
        export: &Record,
    ) -> Result<(), ConsultError> {
        let write = |p: PathBuf, text: &str| {
            crate::atomic::write(&p, text.as_bytes())
                .map_err(|e| ConsultError::Write { path: p, source: e })
        };
        std::fs::create_dir_all(&self.dir).map_err(|e| ConsultError::Write {
            path: self.dir.clone(),
            source: e,
        })?;
        if let Some((rec, text)) = new_version {
            write(self.text_path(rec.version), text)?;
            write(
                self.dir.join(format!("{}.toml", version_stem(rec.version))),
                &rec.to_toml(&format!(
                    "Versie {} van het privacybeleid, geëxporteerd op {}",
                    rec.version, rec.date
                )),
            )?;
            self.versions.retain(|r| r.version != rec.version);
            self.versions.push(rec.clone());
        }
        // The same export again (a batch run twice on one day): the record on disk already
        // says all this one would, so it is left as it is.
        let last = self.dir.join(LAST_EXPORT);
        let text = export.to_toml(&format!(
            "Laatste export: versie {} op {}",
            export.version, export.date
        ));
        if self.last_export_text.as_deref() == Some(text.as_str()) && last.is_file() {
            return Ok(());
        }
        write(last, &text)?;
        self.last_export_text = Some(text);
        self.last_export = Some(export.clone());
        Ok(())
    }
}
