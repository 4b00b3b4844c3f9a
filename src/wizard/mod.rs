//! The interactive wizard (ratatui + crossterm) on top of the engine.

use std::path::PathBuf;

use crate::engine::Engine;

/// Runs the wizard; returns the process exit code.
pub fn run(_engine: &Engine, _answers: Option<PathBuf>) -> i32 {
    eprintln!("De wizard is nog niet beschikbaar.");
    1
}
