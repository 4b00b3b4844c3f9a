//! The wording of changes, from assets/consult.toml (text is data, not code): one table per
//! voice of the policy (nl-u, nl-je, en), so a changelog speaks the policy's voice.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::engine::lang::Voice;

/// The words of one voice.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub section: BTreeMap<String, String>,
    pub shop: BTreeMap<String, ChangedRemoved>,
    pub option: BTreeMap<String, String>,
    pub provider: BTreeMap<String, String>,
    pub fact: BTreeMap<String, String>,
    pub version: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangedRemoved {
    pub changed: String,
    pub removed: String,
}

/// Every voice's wording by its key ("nl-u", "nl-je", "en").
pub fn parse(text: &str) -> Result<BTreeMap<String, Wording>, toml::de::Error> {
    toml::from_str(text)
}

/// The embedded wording of `voice`; the build embeds assets/consult.toml and a test loads
/// it, so a broken file or a missing voice fails the tests rather than a user.
pub fn get(voice: Voice) -> &'static Wording {
    static W: OnceLock<BTreeMap<String, Wording>> = OnceLock::new();
    static EMPTY: OnceLock<Wording> = OnceLock::new();
    W.get_or_init(|| {
        let text = crate::engine::assets::asset("consult.toml").unwrap_or_default();
        parse(text).unwrap_or_default()
    })
    .get(voice.key())
    .unwrap_or_else(|| EMPTY.get_or_init(Wording::default))
}

/// Fills `{name}`-style placeholders (and a bare `{}` with the first value): the engine's.
pub use crate::engine::lang::fill;

impl Wording {
    pub fn text(map: &BTreeMap<String, String>, key: &str) -> String {
        map.get(key).cloned().unwrap_or_default()
    }

    /// Every key of every table, to compare voices.
    #[cfg(test)]
    fn keys(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (t, m) in [
            ("section", &self.section),
            ("option", &self.option),
            ("provider", &self.provider),
            ("fact", &self.fact),
            ("version", &self.version),
        ] {
            out.extend(m.keys().map(|k| format!("{t}.{k}")));
        }
        out.extend(self.shop.keys().map(|k| format!("shop.{k}")));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_wording_parses_and_every_voice_has_every_key() {
        let text = crate::engine::assets::asset("consult.toml").unwrap();
        let all = parse(text).unwrap_or_else(|e| panic!("{e}"));
        let keys: Vec<&str> = all.keys().map(String::as_str).collect();
        assert_eq!(keys, ["en", "nl-je", "nl-u"]);
        let nl = &all["nl-u"];
        for s in crate::engine::Section::ALL {
            assert!(nl.section.contains_key(s.id()), "{}", s.id());
        }
        for v in Voice::ALL {
            let w = &all[v.key()];
            assert_eq!(w.keys(), nl.keys(), "{}", v.key());
            assert!(std::ptr::eq(get(v), get(v)));
            assert!(!get(v).version.is_empty(), "{}", v.key());
        }
        assert_eq!(fill("{name} is {}", &[("name", "X")]), "X is X");
    }
}
