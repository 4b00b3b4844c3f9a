//! Saving an answers file without losing what the user wrote in it.
//!
//! Every writer of an answers file (the wizard's autosave, the consultants' commands) goes
//! through [`AnswersFile`]:
//! - **comments, key order and formatting stay**: the new answers are merged into the
//!   document as it was read (`toml_edit`), changing only the values that changed;
//! - **outside changes are noticed**: the file's size, modification time and a hash of its
//!   text are kept from the last read or write; [`AnswersFile::save`] refuses with
//!   [`SaveError::Changed`] when the file changed since, so nobody's edit is overwritten
//!   blindly (the caller reloads, asks, or saves elsewhere);
//! - **writes are atomic and follow symbolic links** ([`crate::atomic`]).
//!
//! [`Lock`] is the lock file beside an answers file that tells a second wizard that the
//! file is open; a crashed session cannot leave it blocking (its process is gone, or the
//! lock is older than [`Lock::STALE_AFTER`]).

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::engine::answers::read_text;
use crate::engine::error::io_reason;
use crate::engine::{Answers, EngineError};

/// What a file was when we last read or wrote it.
#[derive(Debug, Clone, PartialEq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl Stamp {
    fn of_text(text: &str, meta: Option<&std::fs::Metadata>) -> Stamp {
        Stamp {
            len: text.len() as u64,
            modified: meta.and_then(|m| m.modified().ok()),
            hash: hash(text),
        }
    }
}

fn hash(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed (or went away) since we read or last wrote it.
    Changed,
    /// The file could not be written: the reason in Dutch.
    Write(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Changed => f.write_str(
                "het bestand is intussen door iets anders gewijzigd; er is niets overschreven",
            ),
            SaveError::Write(m) => f.write_str(m),
        }
    }
}

/// An answers file as read from disk, ready to take new answers.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    path: PathBuf,
    doc: DocumentMut,
    /// None: nothing of ours is on disk yet (a new file).
    stamp: Option<Stamp>,
}

impl AnswersFile {
    /// Reads an answers file: the answers, and the document they came from.
    pub fn open(path: &Path) -> Result<(AnswersFile, Answers), EngineError> {
        let text = read_text(path)?;
        let answers = Answers::from_toml_str(&text).map_err(|e| EngineError::Parse {
            path: path.to_path_buf(),
            error: e,
        })?;
        // A file that parses as answers is valid TOML, so toml_edit reads it too.
        let doc = text.parse::<DocumentMut>().unwrap_or_default();
        let meta = std::fs::metadata(path).ok();
        let file = AnswersFile {
            path: path.to_path_buf(),
            doc,
            stamp: Some(Stamp::of_text(&text, meta.as_ref())),
        };
        Ok((file, answers))
    }

    /// A file that does not exist yet; the first save creates it (and refuses if by then
    /// another program has made a file there).
    pub fn new(path: &Path) -> AnswersFile {
        AnswersFile {
            path: path.to_path_buf(),
            doc: DocumentMut::new(),
            stamp: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file on disk differs from what we last read or wrote.
    pub fn changed_on_disk(&self) -> bool {
        let meta = std::fs::metadata(&self.path).ok();
        match (&self.stamp, meta) {
            (None, None) => false,
            (None, Some(_)) | (Some(_), None) => true,
            (Some(s), Some(m)) => {
                if m.len() == s.len && m.modified().ok() == s.modified {
                    return false;
                }
                // Same size and time can hide nothing; a different time may be a mere touch.
                match read_text(&self.path) {
                    Ok(t) => hash(&t) != s.hash || t.len() as u64 != s.len,
                    Err(_) => true,
                }
            }
        }
    }

    /// Saves the answers into the document, keeping comments and layout; refuses when the
    /// file changed on disk since we read or last wrote it.
    pub fn save(&mut self, answers: &Answers) -> Result<(), SaveError> {
        if self.changed_on_disk() {
            return Err(SaveError::Changed);
        }
        self.write_answers(answers)
    }

    /// Saves even though the file changed on disk ("keep mine").
    pub fn overwrite(&mut self, answers: &Answers) -> Result<(), SaveError> {
        self.write_answers(answers)
    }

    /// Saves to another file, which from now on is this file ("save mine elsewhere").
    pub fn save_as(&mut self, path: &Path, answers: &Answers) -> Result<(), SaveError> {
        let mut other = self.clone();
        other.path = path.to_path_buf();
        other.stamp = None;
        if other.changed_on_disk() {
            return Err(SaveError::Write(format!(
                "{} bestaat al; kies een andere naam",
                path.display()
            )));
        }
        other.write_answers(answers)?;
        *self = other;
        Ok(())
    }

    /// Reads the file again ("take theirs"), forgetting what we had.
    pub fn reload(&mut self) -> Result<Answers, EngineError> {
        let (file, answers) = AnswersFile::open(&self.path)?;
        *self = file;
        Ok(answers)
    }

    /// Changes the document directly (for writers of parts the answers do not model
    /// field by field), then saves, with the same checks as [`AnswersFile::save`].
    pub fn edit(&mut self, f: impl FnOnce(&mut DocumentMut)) -> Result<(), SaveError> {
        if self.changed_on_disk() {
            return Err(SaveError::Changed);
        }
        let mut doc = self.doc.clone();
        f(&mut doc);
        self.write_doc(doc)
    }

    /// The text a save of these answers would write.
    pub fn render(&self, answers: &Answers) -> String {
        let mut doc = self.doc.clone();
        merge(&mut doc, answers);
        doc.to_string()
    }

    fn write_answers(&mut self, answers: &Answers) -> Result<(), SaveError> {
        let mut doc = self.doc.clone();
        merge(&mut doc, answers);
        self.write_doc(doc)
    }

    fn write_doc(&mut self, doc: DocumentMut) -> Result<(), SaveError> {
        let text = doc.to_string();
        crate::atomic::write(&self.path, text.as_bytes()).map_err(|e| {
            SaveError::Write(format!(
                "kan {} niet bewaren: {}",
                self.path.display(),
                io_reason(&e)
            ))
        })?;
        let meta = std::fs::metadata(&self.path).ok();
        self.stamp = Some(Stamp::of_text(&text, meta.as_ref()));
        self.doc = doc;
        Ok(())
    }
}

/// Puts `answers` into `doc`: values that did not change keep their place, comments and
/// formatting; changed values are replaced in place; new keys are added at the end of
/// their table; keys the answers no longer have are removed.
pub fn merge(doc: &mut DocumentMut, answers: &Answers) {
    let fresh = answers
        .to_toml_string()
        .parse::<DocumentMut>()
        .unwrap_or_default();
    let next_position = doc
        .as_table()
        .iter()
        .filter_map(|(_, i)| i.as_table().and_then(Table::position))
        .max()
        .unwrap_or(0)
        + 1;
    merge_table(doc.as_table_mut(), fresh.as_table(), &mut { next_position });
}

fn merge_table(old: &mut Table, new: &Table, next_position: &mut isize) {
    let gone: Vec<String> = old
        .iter()
        .filter(|(k, _)| !new.contains_key(k))
        .map(|(k, _)| k.to_string())
        .collect();
    for k in gone {
        old.remove(&k);
    }
    for (k, item) in new.iter() {
        match old.get_mut(k) {
            Some(existing) => merge_item(existing, item, next_position),
            None => {
                let mut item = item.clone();
                place(&mut item, next_position);
                old.insert(k, item);
            }
        }
    }
}

/// Gives a new table (and the tables inside it) a place after the existing ones.
fn place(item: &mut Item, next_position: &mut isize) {
    match item {
        Item::Table(t) => {
            t.set_position(Some(*next_position));
            *next_position += 1;
            for (_, i) in t.iter_mut() {
                place(i, next_position);
            }
        }
        Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                t.set_position(Some(*next_position));
                *next_position += 1;
            }
        }
        _ => {}
    }
}

fn merge_item(old: &mut Item, new: &Item, next_position: &mut isize) {
    match (old, new) {
        (Item::Table(o), Item::Table(n)) => merge_table(o, n, next_position),
        (Item::ArrayOfTables(o), Item::ArrayOfTables(n)) => {
            while o.len() > n.len() {
                o.remove(o.len() - 1);
            }
            for (i, t) in n.iter().enumerate() {
                match o.get_mut(i) {
                    Some(ot) => merge_table(ot, t, next_position),
                    None => {
                        let mut t = t.clone();
                        t.set_position(Some(*next_position));
                        *next_position += 1;
                        o.push(t);
                    }
                }
            }
        }
        (Item::Value(Value::Array(o)), Item::Value(Value::Array(n))) => merge_array(o, n),
        (Item::Value(o), Item::Value(n)) => {
            if !same(o, n) {
                let decor = o.decor().clone();
                *o = n.clone();
                *o.decor_mut() = decor;
            }
        }
        // A table written inline (`variants = { a = "b" }`) stays inline.
        (Item::Value(Value::InlineTable(o)), Item::Table(n)) => {
            let mut inline = n.clone().into_inline_table();
            if !same_inline(o, &inline) {
                *inline.decor_mut() = o.decor().clone();
                *o = inline;
            }
        }
        (old, new) => {
            let mut new = new.clone();
            place(&mut new, next_position);
            *old = new;
        }
    }
}

/// A list keeps the elements that stay (with their comments and layout); new ones are
/// laid out like the first element.
fn merge_array(old: &mut toml_edit::Array, new: &toml_edit::Array) {
    if old.len() == new.len() && old.iter().zip(new.iter()).all(|(a, b)| same(a, b)) {
        return;
    }
    let olds: Vec<Value> = old.iter().cloned().collect();
    let prefix = olds
        .first()
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        .map(str::to_string);
    let mut used = vec![false; olds.len()];
    let mut items = Vec::new();
    for v in new.iter() {
        match (0..olds.len()).find(|&i| !used[i] && same(&olds[i], v)) {
            Some(i) => {
                used[i] = true;
                items.push(olds[i].clone());
            }
            None => {
                let mut v = v.clone();
                v.decor_mut().clear();
                if let Some(p) = &prefix {
                    v.decor_mut().set_prefix(p.clone());
                }
                items.push(v);
            }
        }
    }
    if items.is_empty() {
        old.set_trailing_comma(false);
    }
    old.clear();
    for v in items {
        old.push_formatted(v);
    }
}

fn same_inline(a: &toml_edit::InlineTable, b: &toml_edit::InlineTable) -> bool {
    a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
}

/// Equal as values, whatever their quoting, spacing or comments.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Float(x), Value::Float(y)) => x.value().to_bits() == y.value().to_bits(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        // The engine writes a date as a TOML date; a file may have it quoted.
        (Value::String(s), Value::Datetime(d)) | (Value::Datetime(d), Value::String(s)) => {
            *s.value() == d.value().to_string()
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same(p, q))
        }
        (Value::InlineTable(x), Value::InlineTable(y)) => same_inline(x, y),
        _ => false,
    }
}

/// The lock file beside an open answers file: `.<name>.lock`, holding the process id, the
/// host and the start time of the session that has the file open.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    pid: u32,
}

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    /// Seconds since 1970 at which the lock was taken.
    pub since: u64,
    pub lock_file: PathBuf,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.since;
        let time = format!(
            "{} {:02}:{:02}",
            crate::wizard::persist::civil((s / 86_400) as i64),
            s / 3600 % 24,
            s / 60 % 60
        );
        write!(
            f,
            "het bestand is al geopend in een andere wizard (proces {} op {}, sinds {time} UTC). \
             Sluit die eerst. Klopt dat niet (bijvoorbeeld na een vastgelopen computer), \
             verwijder dan {}",
            self.pid,
            self.host,
            self.lock_file.display()
        )
    }
}

impl Lock {
    /// A lock of another host whose process cannot be checked counts after this long as
    /// left behind.
    pub const STALE_AFTER: Duration = Duration::from_secs(12 * 3600);

    pub fn file_for(answers: &Path) -> PathBuf {
        let target = crate::atomic::resolve(answers).unwrap_or_else(|_| answers.to_path_buf());
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "antwoorden".into());
        target.with_file_name(format!(".{name}.lock"))
    }

    /// Takes the lock of an answers file, or says who has it. A lock left by a session
    /// that is gone is taken over.
    pub fn acquire(answers: &Path) -> Result<Lock, LockError> {
        let path = Lock::file_for(answers);
        let pid = std::process::id();
        for _ in 0..3 {
            let body = format!("pid = {pid}\nhost = {:?}\nsince = {}\n", host(), now_secs());
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    use std::io::Write;
                    f.write_all(body.as_bytes())
                        .map_err(|e| LockError::Io(io_reason(&e)))?;
                    return Ok(Lock { path, pid });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    match read_holder(&path) {
                        Some(h) if is_alive(&h) => return Err(LockError::Held(h)),
                        // Left behind (or unreadable): take it over.
                        _ => {
                            let _ = std::fs::remove_file(&path);
                        }
                    }
                }
                // A folder we cannot write to: the save will say so; no lock to take.
                Err(e) => return Err(LockError::Io(io_reason(&e))),
            }
        }
        Err(LockError::Io("kan het slot niet maken".into()))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only our own lock: another session may have taken over a stale one.
        if read_holder(&self.path).is_some_and(|h| h.pid == self.pid && h.host == host()) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum LockError {
    Held(Holder),
    Io(String),
}

fn read_holder(path: &Path) -> Option<Holder> {
    let text = std::fs::read_to_string(path).ok()?;
    let v: toml::Table = text.parse().ok()?;
    Some(Holder {
        pid: u32::try_from(v.get("pid")?.as_integer()?).ok()?,
        host: v.get("host")?.as_str()?.to_string(),
        since: u64::try_from(v.get("since")?.as_integer()?).ok()?,
        lock_file: path.to_path_buf(),
    })
}

fn is_alive(h: &Holder) -> bool {
    if h.host != host() {
        return now_secs().saturating_sub(h.since) < Lock::STALE_AFTER.as_secs();
    }
    if h.pid == std::process::id() {
        return false;
    }
    process_exists(h.pid)
}

#[cfg(unix)]
fn process_exists(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // Signal 0 checks without sending anything; EPERM means it exists but is not ours.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_exists(_: u32) -> bool {
    true
}

fn host() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        let r = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if r == 0 {
            let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).into_owned();
        }
    }
    "onbekend".into()
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMENTED: &str = r#"# Klant: bakkerij, sinds 2023
preset = "starter-minimaal"   # gekozen in het eerste gesprek

[shop]
# de handelsnaam, niet de bv
name = "Bakkerij"
website = 'https://www.bakkerij.nl'   # let op: zonder www werkt niet
effective_date = "2024-01-01"

[providers]
# betalingen via de bank
payments = [
    "mollie",   # iDEAL
]

[[custom_provider]]
# eigen server bij de buurman
id = "buurman"
name = "Buurman Hosting"
sections = ["hosting"]
"#;

    fn open(dir: &Path, text: &str) -> (PathBuf, AnswersFile, Answers) {
        let p = dir.join("klant.toml");
        std::fs::write(&p, text).unwrap();
        let (f, a) = AnswersFile::open(&p).unwrap();
        (p, f, a)
    }

    #[test]
    fn unchanged_answers_write_the_file_back_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let (p, mut f, a) = open(dir.path(), COMMENTED);
        f.save(&a).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), COMMENTED);
    }

    #[test]
    fn a_change_keeps_every_comment_and_the_key_order() {
        let dir = tempfile::tempdir().unwrap();
        let (p, mut f, mut a) = open(dir.path(), COMMENTED);
        a.shop.set("name", "Bakkerij de Korenschoof");
        a.shop.set("city", "Delft");
        a.providers
            .toggle(crate::engine::Section::Payments, "paypal");
        a.policy.retention_max_years = Some(2);
        f.save(&a).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        for comment in COMMENTED
            .lines()
            .filter_map(|l| l.split_once('#').map(|(_, c)| c))
        {
            assert!(text.contains(comment), "lost {comment:?}:\n{text}");
        }
        assert!(
            text.contains("name = \"Bakkerij de Korenschoof\""),
            "{text}"
        );
        assert!(text.contains("city = \"Delft\""), "{text}");
        assert!(text.find("preset").unwrap() < text.find("[shop]").unwrap());
        assert!(text.find("[shop]").unwrap() < text.find("[providers]").unwrap());
        assert!(text.find("[providers]").unwrap() < text.find("[[custom_provider]]").unwrap());
        assert!(
            text.contains("'https://www.bakkerij.nl'"),
            "quoting kept: {text}"
        );
        assert!(text.contains("\"paypal\""), "{text}");
        assert!(text.contains("[policy]\nretention_max_years = 2"), "{text}");
        assert_eq!(Answers::from_toml_str(&text).unwrap(), a);
    }

    #[test]
    fn removed_answers_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let (p, mut f, mut a) = open(dir.path(), COMMENTED);
        a.custom_providers.clear();
        a.preset = None;
        f.save(&a).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(
            !text.contains("buurman") && !text.contains("preset"),
            "{text}"
        );
        assert_eq!(Answers::from_toml_str(&text).unwrap(), a);
    }

    #[test]
    fn an_outside_change_is_never_overwritten_blindly() {
        let dir = tempfile::tempdir().unwrap();
        let (p, mut f, mut a) = open(dir.path(), COMMENTED);
        // Another program writes the file (same size even, to defeat a size-only check).
        let theirs = COMMENTED.replace("Bakkerij\"", "Bakkerix\"");
        std::fs::write(&p, &theirs).unwrap();
        assert!(f.changed_on_disk());
        a.shop.set("city", "Delft");
        assert!(matches!(f.save(&a), Err(SaveError::Changed)));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), theirs);
        // Take theirs, or keep mine: both explicit.
        let reloaded = f.reload().unwrap();
        assert_eq!(reloaded.shop.name.as_deref(), Some("Bakkerix"));
        std::fs::write(&p, COMMENTED).unwrap();
        f.overwrite(&a).unwrap();
        assert!(std::fs::read_to_string(&p).unwrap().contains("Delft"));
        assert!(!f.changed_on_disk());
        // Or save mine elsewhere; the original stays.
        std::fs::write(&p, &theirs).unwrap();
        let elsewhere = dir.path().join("mijn-versie.toml");
        f.save_as(&elsewhere, &a).unwrap();
        assert_eq!(f.path(), elsewhere);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), theirs);
        assert!(std::fs::read_to_string(&elsewhere)
            .unwrap()
            .contains("# de handelsnaam"));
        // A touch without a change is not a change.
        let t = std::fs::read_to_string(&elsewhere).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&elsewhere, t).unwrap();
        assert!(!f.changed_on_disk());
    }

    #[test]
    fn a_new_file_is_created_but_never_over_one_made_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nieuw.toml");
        let mut f = AnswersFile::new(&p);
        let mut a = Answers::default();
        a.shop.set("name", "Nieuw");
        std::fs::write(&p, "# van iemand anders\n").unwrap();
        assert!(matches!(f.save(&a), Err(SaveError::Changed)));
        std::fs::remove_file(&p).unwrap();
        f.save(&a).unwrap();
        assert!(std::fs::read_to_string(&p).unwrap().contains("Nieuw"));
    }

    #[test]
    fn every_seed_keeps_its_comments_through_a_change() {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seeds");
        let dir = tempfile::tempdir().unwrap();
        let mut seen = 0;
        for entry in std::fs::read_dir(seeds).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let (p, mut f, mut a) = open(dir.path(), &text);
            f.save(&a).unwrap();
            assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
            a.shop.set("city", "Ergens Anders");
            a.wizard = Some(crate::engine::answers::WizardState {
                step: Some("payments".into()),
            });
            f.save(&a).unwrap();
            let saved = std::fs::read_to_string(&p).unwrap();
            let comments = |t: &str| t.lines().filter(|l| l.contains('#')).count();
            assert!(comments(&text) > 0);
            assert!(comments(&saved) >= comments(&text), "{saved}");
            assert_eq!(Answers::from_toml_str(&saved).unwrap(), a);
            seen += 1;
        }
        assert!(seen >= 5);
    }

    #[cfg(unix)]
    #[test]
    fn saves_follow_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let (real, _, _) = open(dir.path(), COMMENTED);
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let (mut f, mut a) = AnswersFile::open(&link).unwrap();
        a.shop.set("city", "Delft");
        f.save(&a).unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(std::fs::read_to_string(&real).unwrap().contains("Delft"));
    }

    #[test]
    fn edit_writes_other_parts_with_the_same_checks() {
        let dir = tempfile::tempdir().unwrap();
        let (p, mut f, _) = open(dir.path(), COMMENTED);
        f.edit(|doc| {
            doc["agreements"] = toml_edit::table();
            doc["agreements"]["mollie"] = toml_edit::value("2024-03-01");
        })
        .unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(
            text.contains("[agreements]") && text.contains("# iDEAL"),
            "{text}"
        );
        std::fs::write(&p, "").unwrap();
        assert!(matches!(f.edit(|_| {}), Err(SaveError::Changed)));
    }

    #[test]
    fn a_lock_is_told_and_a_dead_one_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("klant.toml");
        std::fs::write(&p, "").unwrap();
        let lock_file = Lock::file_for(&p);
        // A live process (our parent test runner is alive; pid 1 is too).
        std::fs::write(
            &lock_file,
            format!("pid = 1\nhost = {:?}\nsince = {}\n", host(), now_secs()),
        )
        .unwrap();
        match Lock::acquire(&p) {
            Err(LockError::Held(h)) => {
                assert_eq!(h.pid, 1);
                assert!(h.to_string().contains("al geopend"), "{h}");
            }
            other => panic!("{other:?}"),
        }
        // A process that is gone: the lock was left by a crash and is taken over.
        std::fs::write(
            &lock_file,
            format!("pid = 4000000\nhost = {:?}\nsince = 0\n", host()),
        )
        .unwrap();
        let lock = Lock::acquire(&p).unwrap();
        assert!(std::fs::read_to_string(&lock_file)
            .unwrap()
            .contains(&format!("pid = {}", std::process::id())));
        drop(lock);
        assert!(!lock_file.exists());
        // Another host, long ago: stale.
        std::fs::write(&lock_file, "pid = 1\nhost = \"elders\"\nsince = 0\n").unwrap();
        assert!(Lock::acquire(&p).is_ok());
    }
}
