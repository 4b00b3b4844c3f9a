//! Writes that never leave a half-written file: a temporary file beside the target, then rename.
//!
//! The target is what the user means by the path: a symbolic link is followed and its target
//! written (the link stays a link); anything that is not a regular file (a device, a named
//! pipe, a folder) is refused rather than replaced; an existing file keeps its mode and, where
//! the system allows, its owner; a file with more than one hard link is written in place so
//! that every link sees the new text.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::engine::error::Plain;

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
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
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
