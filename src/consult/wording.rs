//! The wording of changes, from assets/consult.toml (text is data, not code).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub section: BTreeMap<String, String>,
    pub shop: BTreeMap<String, ChangedRemoved>,
    pub option: BTreeMap<String, String>,
    pub provider: BTreeMap<String, String>,
    pub fact: BTreeMap<String, String>,
    pub version: BTreeMap<String, String>,
    /// The version part of an English policy (the changes themselves are described in Dutch).
    pub version_en: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangedRemoved {
    pub changed: String,
    pub removed: String,
}

/// The embedded wording; the build embeds assets/consult.toml and a test loads it, so a
/// broken file fails the tests rather than a user.
pub fn get() -> &'static Wording {
    static W: OnceLock<Wording> = OnceLock::new();
    W.get_or_init(|| {
        let text = crate::engine::assets::asset("consult.toml").unwrap_or_default();
        toml::from_str(text).unwrap_or_else(|_| Wording {
            section: BTreeMap::new(),
            shop: BTreeMap::new(),
            option: BTreeMap::new(),
            provider: BTreeMap::new(),
            fact: BTreeMap::new(),
            version: BTreeMap::new(),
            version_en: BTreeMap::new(),
        })
    })
}

/// Fills `{name}`-style placeholders (and a bare `{}` with the first value): the engine's.
pub use crate::engine::lang::fill;

impl Wording {
    pub fn text(map: &BTreeMap<String, String>, key: &str) -> String {
        map.get(key).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_wording_parses_and_names_every_section() {
        let text = crate::engine::assets::asset("consult.toml").unwrap();
        let w: super::Wording = toml::from_str(text).unwrap();
        for s in crate::engine::Section::ALL {
            assert!(w.section.contains_key(s.id()), "{}", s.id());
        }
        assert_eq!(
            w.version.keys().collect::<Vec<_>>(),
            w.version_en.keys().collect::<Vec<_>>()
        );
        assert_eq!(super::fill("{name} is {}", &[("name", "X")]), "X is X");
    }
}
