//! What an export used: the answers and the catalog facts of each chosen provider, and a
//! fingerprint of those facts so a later catalog change can be noticed.

use std::collections::BTreeMap;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::engine::validate::lookup;
use crate::engine::{Answers, Engine, Provider, Section};

/// Catalog keys that say where a fact comes from rather than what it is (a re-check of the
/// sources changes them without changing anything a document says), the wizard's search
/// words and list line, and what is derived from the activities.
const NOT_FACTS: [&str; 7] = [
    "checked",
    "sources",
    "source",
    "notes",
    "aliases",
    "description",
    "sections",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Layered over the preset, without the wizard's place and the export settings.
    pub answers: Answers,
    /// Provider id → its facts (catalog or own provider), for every chosen provider.
    pub facts: BTreeMap<String, Value>,
}

/// The answers as they count for a document: preset applied, wizard and export settings off.
pub fn effective_answers(engine: &Engine, answers: &Answers) -> Answers {
    let mut a = engine.resolve(answers).unwrap_or_else(|_| {
        let mut a = answers.clone();
        a.preset = None;
        a
    });
    a.wizard = None;
    a.export = None;
    a
}

/// Every chosen provider id once, in policy order.
pub fn chosen_ids(a: &Answers) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in Section::ALL {
        for id in a.providers.get(s) {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
    }
    out
}

/// The sections a provider is chosen in.
pub fn sections_of(a: &Answers, id: &str) -> Vec<Section> {
    Section::ALL
        .into_iter()
        .filter(|s| a.providers.get(*s).iter().any(|x| x == id))
        .collect()
}

pub fn snapshot(engine: &Engine, answers: &Answers) -> Snapshot {
    let answers = effective_answers(engine, answers);
    let facts = chosen_ids(&answers)
        .into_iter()
        .filter_map(|id| lookup(&answers, engine.catalog(), &id).map(|p| (id, provider_facts(&p))))
        .collect();
    Snapshot { answers, facts }
}

/// A provider's facts as JSON, without provenance keys and empty values.
pub fn provider_facts(p: &Provider) -> Value {
    let mut v = serde_json::to_value(p).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        for k in NOT_FACTS {
            m.remove(k);
        }
    }
    strip_nulls(&mut v);
    v
}

fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip_nulls);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Short and stable: serde_json sorts object keys, so equal facts give equal text.
pub fn fingerprint(facts: &Value) -> String {
    let full = sha256_hex(&serde_json::to_string(facts).unwrap_or_default());
    full[..16].to_string()
}

impl Snapshot {
    pub fn fingerprints(&self) -> BTreeMap<String, String> {
        self.facts
            .iter()
            .map(|(id, v)| (id.clone(), fingerprint(v)))
            .collect()
    }

    /// The name a reader knows a provider by.
    pub fn name_of(&self, id: &str) -> String {
        self.facts
            .get(id)
            .map_or_else(|| id.to_string(), display_name)
    }
}

pub fn display_name(facts: &Value) -> String {
    ["short_name", "name", "id"]
        .iter()
        .find_map(|k| facts.get(*k).and_then(Value::as_str))
        .unwrap_or("?")
        .to_string()
}

/// toml cannot hold JSON nulls; facts have none after `provider_facts`.
pub fn to_toml(facts: &BTreeMap<String, Value>) -> BTreeMap<String, toml::Value> {
    facts
        .iter()
        .filter_map(|(k, v)| toml::Value::try_from(v).ok().map(|t| (k.clone(), t)))
        .collect()
}

pub fn from_toml(facts: &BTreeMap<String, toml::Value>) -> BTreeMap<String, Value> {
    facts
        .iter()
        .filter_map(|(k, v)| serde_json::to_value(v).ok().map(|j| (k.clone(), j)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_provenance_and_follow_facts() {
        let engine = Engine::load().unwrap();
        let p = engine.catalog().get("mollie").unwrap().clone();
        let a = fingerprint(&provider_facts(&p));
        let mut q = p.clone();
        q.aliases.push("iets".into());
        assert_eq!(a, fingerprint(&provider_facts(&q)));
        q.country = "België".into();
        assert_ne!(a, fingerprint(&provider_facts(&q)));
        let facts = BTreeMap::from([("mollie".to_string(), provider_facts(&p))]);
        assert_eq!(
            from_toml(&to_toml(&facts)),
            facts,
            "facts survive a TOML round trip"
        );
    }
}
