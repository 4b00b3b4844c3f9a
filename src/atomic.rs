//! Writes that never leave a half-written file: a temporary file beside the target, then rename.
//!
//! The target is what the user means by the path: a symbolic link is followed and its target
//! written (the link stays a link); anything that is not a regular file (a device, a named
//! pipe, a folder) is refused rather than replaced; an existing file keeps its mode and, where
//! the system allows, its owner; a file with more than one hard link is written in place so
//! that every link sees the new text.

//!
//! Inside [`batch`] (`render --out-dir` of many files) the sync is shared: see there.

use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::engine::error::Plain;

/// A file written inside a batch: its text is in the temporary file, not yet synced or renamed.
struct Staged {
    tmp: tempfile::TempPath,
    target: PathBuf,
}

thread_local! {
    /// The open batch of this thread, if any.
    static BATCH: RefCell<Option<Vec<Staged>>> = const { RefCell::new(None) };
}

/// Runs `f` with every [`write`] of this thread staged, then makes them all durable at once:
///
/// 1. during `f`, each write goes to a new temporary file beside its target, as always, but
///    is neither synced nor renamed;
/// 2. then one sync per file system (Linux `syncfs`; elsewhere each temporary file is synced)
///    puts all their text on disk;
/// 3. then each temporary file is renamed over its target, in the order written;
/// 4. then a second `syncfs` per file system (elsewhere: each folder that received a file is
///    synced once) makes the renames last.
///
/// So a target only ever changes by a rename of a file whose text is already on disk: after
/// a crash or power cut at any moment, each target holds its old text or its new text, never
/// part of one. What a crash can leave are temporary files (`.tmp…`) that were never renamed.
/// Returns `f`'s result and the targets whose rename or sync failed, with the error.
pub fn batch<T>(f: impl FnOnce() -> T) -> (T, Vec<(PathBuf, std::io::Error)>) {
    BATCH.with(|b| *b.borrow_mut() = Some(Vec::new()));
    let result = f();
    let staged = BATCH.with(|b| b.borrow_mut().take()).unwrap_or_default();
    (result, commit(staged))
}

fn commit(staged: Vec<Staged>) -> Vec<(PathBuf, std::io::Error)> {
    let mut failed = Vec::new();
    if let Err(e) = sync_data(&staged) {
        // Nothing is renamed: every target keeps its old text.
        return staged.into_iter().map(|s| (s.target, copy(&e))).collect();
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    for s in staged {
        let dir = parent(&s.target).to_path_buf();
        match s.tmp.persist(&s.target) {
            Ok(()) => {
                if !dirs.contains(&dir) {
                    dirs.push(dir);
                }
            }
            Err(e) => failed.push((s.target, e.error)),
        }
    }
    if let Err((dir, e)) = sync_folders(&dirs) {
        failed.push((dir, e));
    }
    failed
}

/// Makes the renames into these folders last: one `syncfs` per file system.
#[cfg(target_os = "linux")]
fn sync_folders(dirs: &[PathBuf]) -> Result<(), (PathBuf, std::io::Error)> {
    let mut seen = Vec::new();
    for dir in dirs {
        syncfs_once(dir, &mut seen).map_err(|e| (dir.clone(), e))?;
    }
    Ok(())
}

/// `syncfs` of the file system `dir` is on, unless one in `seen` was synced already.
#[cfg(target_os = "linux")]
fn syncfs_once(dir: &Path, seen: &mut Vec<u64>) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let d = std::fs::File::open(dir)?;
    let dev = d.metadata()?.dev();
    if !seen.contains(&dev) {
        seen.push(dev);
        rustix::fs::syncfs(&d)?;
    }
    Ok(())
}

/// Makes the renames into these folders last: each folder synced once.
#[cfg(not(target_os = "linux"))]
fn sync_folders(dirs: &[PathBuf]) -> Result<(), (PathBuf, std::io::Error)> {
    for dir in dirs {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| (dir.clone(), e))?;
    }
    Ok(())
}

fn copy(e: &std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), e.to_string())
}

/// Puts the text of every staged file on disk: one `syncfs` per file system.
#[cfg(target_os = "linux")]
fn sync_data(staged: &[Staged]) -> std::io::Result<()> {
    let mut seen = Vec::new();
    for s in staged {
        syncfs_once(parent(&s.tmp), &mut seen)?;
    }
    Ok(())
}

/// Puts the text of every staged file on disk, file by file where there is no `syncfs`.
#[cfg(not(target_os = "linux"))]
fn sync_data(staged: &[Staged]) -> std::io::Result<()> {
    for s in staged {
        std::fs::File::open(&s.tmp)?.sync_all()?;
    }
    Ok(())
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

pub fn write(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let target = resolve(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(m) = &existing {
        if !m.is_file() {
            return Err(not_regular(m));
        }
        #[cfg(unix)]
        if std::os::unix::fs::MetadataExt::nlink(m) > 1 {
            return write_in_place(&target, contents);
        }
    }
    let mut tmp = tempfile::NamedTempFile::new_in(parent(&target))?;
    // A temporary file is private (0600); the result should have the permissions the old file
    // had, or those of an ordinary new file, so an exported policy can be uploaded as it is.
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let perms = match &existing {
            Some(m) => m.permissions(),
            None => std::fs::Permissions::from_mode(0o644),
        };
        tmp.as_file().set_permissions(perms)?;
        if let Some(m) = &existing {
            // Only root may give a file away; otherwise the new file is ours, as an editor's.
            let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(m.uid()), Some(m.gid()));
        }
    }
    tmp.write_all(contents)?;
    if BATCH.with(|b| b.borrow().is_some()) {
        let tmp = tmp.into_temp_path();
        BATCH.with(|b| {
            if let Some(list) = b.borrow_mut().as_mut() {
                list.push(Staged { tmp, target });
            }
        });
        return Ok(());
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// The file a path stands for: symbolic links followed (also one whose target does not
/// exist yet), at most 40 deep as the system does.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&p)?;
                p = if link.is_absolute() {
                    link
                } else {
                    p.parent().unwrap_or(Path::new(".")).join(link)
                };
            }
            _ => return Ok(p),
        }
    }
    Err(std::io::Error::other(Plain(
        "te veel symbolische koppelingen na elkaar (een kring?)".into(),
    )))
}

/// Writes over the file itself (for hard-linked files, which a rename would split).
fn write_in_place(target: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().write(true).open(target)?;
    f.write_all(contents)?;
    f.set_len(contents.len() as u64)?;
    f.sync_all()
}

fn not_regular(m: &std::fs::Metadata) -> std::io::Error {
    let what = if m.is_dir() {
        "een map"
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let t = m.file_type();
            if t.is_char_device() || t.is_block_device() {
                "een apparaat"
            } else if t.is_fifo() {
                "een named pipe"
            } else if t.is_socket() {
                "een socket"
            } else {
                "geen gewoon bestand"
            }
        }
        #[cfg(not(unix))]
        {
            "geen gewoon bestand"
        }
    };
    std::io::Error::other(Plain(format!(
        "dat is {what}, geen gewoon bestand; kies een bestandsnaam (het pad is niet aangeraakt)"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_in(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_batch_puts_files_in_place_only_at_its_end() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.md");
        write(&a, b"oud").unwrap();
        let (n, failed) = batch(|| {
            write(&a, b"nieuw").unwrap();
            write(&b, b"bee").unwrap();
            // Staged: the old text and no new file until the batch is committed.
            assert_eq!(std::fs::read_to_string(&a).unwrap(), "oud");
            assert!(!b.exists());
            7
        });
        assert_eq!(n, 7);
        assert!(failed.is_empty(), "{failed:?}");
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "nieuw");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "bee");
        assert_eq!(files_in(dir.path()), ["a.md", "b.md"], "no temp files left");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&b).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
        // After the batch, writes are immediate again.
        write(&b, b"direct").unwrap();
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "direct");
    }

    #[test]
    fn a_failed_rename_is_reported_and_the_others_land() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.md");
        let ((), failed) = batch(|| {
            write(&a, b"a").unwrap();
            write(&b, b"b").unwrap();
            // Something takes b's place before the batch ends: a folder cannot be renamed over.
            std::fs::create_dir(&b).unwrap();
            std::fs::write(b.join("x"), "x").unwrap();
        });
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].0, b);
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "a");
        assert_eq!(files_in(dir.path()), ["a.md", "b.md"], "no temp files left");
    }

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write(&p, b"een").unwrap();
        write(&p, b"twee").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "twee");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp files left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_and_existing_permissions_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.html");
        write(&p, b"x").unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o644
        );
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        write(&p, b"y").unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_missing_folder_fails_without_writing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope").join("a.txt");
        assert!(write(&p, b"x").is_err());
        assert!(!p.exists());
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_and_stay_links() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("echt.toml");
        std::fs::write(&real, "oud").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("echt.toml", &link).unwrap();
        write(&link, b"nieuw").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "nieuw");
        // A dangling link: its target is created.
        let dangling = dir.path().join("los.toml");
        std::os::unix::fs::symlink("nieuw-doel.toml", &dangling).unwrap();
        write(&dangling, b"x").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("nieuw-doel.toml")).unwrap(),
            "x"
        );
        // A loop is an error, not a hang.
        let a = dir.path().join("a");
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        assert!(write(&a, b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_keep_sharing_and_non_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let one = dir.path().join("een.md");
        let two = dir.path().join("twee.md");
        std::fs::write(&one, "oud oud oud").unwrap();
        std::fs::hard_link(&one, &two).unwrap();
        write(&one, b"nieuw").unwrap();
        assert_eq!(std::fs::read_to_string(&two).unwrap(), "nieuw");
        let e = write(dir.path(), b"x").unwrap_err();
        assert!(
            crate::engine::error::io_reason(&e).contains("een map"),
            "{e}"
        );
        let e = write(Path::new("/dev/null"), b"x").unwrap_err();
        assert!(
            crate::engine::error::io_reason(&e).contains("een apparaat"),
            "{e}"
        );
        assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
    }
}
