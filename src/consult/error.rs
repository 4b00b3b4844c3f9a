//! Errors of the consultant commands, worded in Dutch.

use std::path::PathBuf;

use crate::engine::error::io_reason;
use crate::engine::EngineError;

#[derive(Debug, thiserror::Error)]
pub enum ConsultError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("kan {} niet lezen: {}", path.display(), io_reason(source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("kan {} niet schrijven: {}", path.display(), io_reason(source))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is beschadigd: {message}", path.display())]
    Damaged { path: PathBuf, message: String },
    #[error("{} heeft geen versie {n}{}", file.display(), have_versions(*have))]
    NoVersion { file: PathBuf, n: u32, have: u32 },
}

fn have_versions(have: u32) -> String {
    match have {
        0 => " (er is nog niets geëxporteerd)".into(),
        1 => " (alleen versie 1)".into(),
        n => format!(" (versies 1 tot en met {n})"),
    }
}
