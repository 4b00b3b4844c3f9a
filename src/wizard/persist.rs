//! Files: the data dir, new answers files, the recent-files list, export writes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic;

const MAX_RECENT: usize = 8;

/// PRIVACYBELEID_DATA_DIR, else the platform's data dir.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("PRIVACYBELEID_DATA_DIR") {
        if !d.is_empty() {
            return Some(PathBuf::from(d));
        }
    }
    directories::ProjectDirs::from("nl", "privacybeleid", "privacybeleid")
        .map(|p| p.data_dir().to_path_buf())
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Recent {
    #[serde(default)]
    files: Vec<PathBuf>,
}

pub fn recent(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_to_string(dir.join("recent.toml"))
        .ok()
        .and_then(|t| toml::from_str::<Recent>(&t).ok())
        .map(|r| r.files.into_iter().filter(|p| p.exists()).collect())
        .unwrap_or_default()
}

/// Puts `path` on top of the recent list.
pub fn remember(dir: &Path, path: &Path) -> std::io::Result<()> {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut files = recent(dir);
    files.retain(|p| p != &path);
    files.insert(0, path);
    files.truncate(MAX_RECENT);
    std::fs::create_dir_all(dir)?;
    let text = toml::to_string(&Recent { files }).unwrap_or_default();
    atomic::write(&dir.join("recent.toml"), text.as_bytes())
}

/// A free name for a new answers file in the data dir.
pub fn new_file(dir: &Path, today: &str) -> PathBuf {
    new_file_for(dir, None, today)
}

/// A free name for a new answers file in the data dir, after the shop when it has a name:
/// `theehuis-lotus.toml` (then `theehuis-lotus-2.toml`), else `beleid-<today>-<n>.toml`.
pub fn new_file_for(dir: &Path, shop_name: Option<&str>, today: &str) -> PathBuf {
    let slug = crate::engine::rules::slug(shop_name.unwrap_or(""));
    let mut n = 1;
    loop {
        let name = match (slug.is_empty(), n) {
            (true, _) => format!("beleid-{today}-{n}.toml"),
            (false, 1) => format!("{slug}.toml"),
            (false, _) => format!("{slug}-{n}.toml"),
        };
        let p = dir.join(name);
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}

/// Saves answers; assigns a new file in the data dir when there is no path yet.
pub fn save(path: Option<&Path>, text: &str, today: &str) -> Result<PathBuf, String> {
    save_named(path, None, text, today)
}

/// As `save`; a new file in the data dir is named after the shop (`shop_name`).
pub fn save_named(
    path: Option<&Path>,
    shop_name: Option<&str>,
    text: &str,
    today: &str,
) -> Result<PathBuf, String> {
    let path = match path {
        Some(p) => p.to_path_buf(),
        None => {
            let dir = data_dir().ok_or("geen gegevensmap gevonden; start met --answers BESTAND")?;
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let p = new_file_for(&dir, shop_name, today);
            let _ = remember(&dir, &p.clone());
            p
        }
    };
    atomic::write(&path, text.as_bytes()).map_err(|e| {
        format!(
            "{}: {}",
            path.display(),
            crate::engine::error::io_reason(&e)
        )
    })?;
    Ok(path)
}

/// Existing files among `files`.
pub fn existing(files: &[(PathBuf, String)]) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.clone())
        .collect()
}

pub fn export(files: &[(PathBuf, String)]) -> Result<Vec<PathBuf>, String> {
    let mut done = Vec::new();
    for (p, text) in files {
        atomic::write(p, text.as_bytes())
            .map_err(|e| format!("{}: {}", p.display(), crate::engine::error::io_reason(&e)))?;
        done.push(p.clone());
    }
    Ok(done)
}

/// Today's date (UTC) as YYYY-MM-DD, without a date crate.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    civil(secs.div_euclid(86_400))
}

/// Days since 1970-01-01 → YYYY-MM-DD (Howard Hinnant's algorithm).
pub fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), "1970-01-01");
        assert_eq!(civil(19_723), "2024-01-01");
        assert_eq!(civil(20_416), "2025-11-24");
    }
}
