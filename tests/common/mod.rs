//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use privacybeleid::engine::{Answers, Engine};

pub fn engine() -> Engine {
    Engine::load().expect("embedded assets load")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("examples/seeds"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

pub fn load(path: &Path) -> Answers {
    Answers::load(path).unwrap_or_else(|e| panic!("{e}"))
}

/// Defects any output must never show: template residue, markers, broken punctuation.
pub fn assert_clean(text: &str, what: &str) {
    for bad in [
        "{{",
        "}}",
        "{%",
        "%}",
        "{#",
        "[#",
        "\u{E000}",
        "\u{E001}",
        "\u{E002}",
        "\u{E003}",
        "\u{E004}",
        " .",
        " ,",
        "..",
        ",.",
        "VOORBEELD",
        "[AANBIEDER]",
        "diensten van .",
        "  \n\n",
        "onze webwinkel is een webwinkel",
    ] {
        assert!(!text.contains(bad), "{what}: contains {bad:?}");
    }
    assert!(!text.contains("\n\n\n"), "{what}: triple newline");
}
