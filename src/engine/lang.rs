//! Language and voice of the documents, and the text files (assets/i18n/) that carry
//! every fixed sentence per language. A missing text is an error, never a silent
//! fallback to another language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::error::EngineError;
use super::validate::{Diagnostic, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

/// How the reader is addressed in Dutch: formal "u" or informal "je".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    #[default]
    U,
    Je,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl Tone {
    pub const ALL: [Tone; 2] = [Tone::U, Tone::Je];

    pub fn code(self) -> &'static str {
        match self {
            Tone::U => "u",
            Tone::Je => "je",
        }
    }

    pub fn from_code(code: &str) -> Option<Tone> {
        Tone::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// The language and voice of one rendering. English has one voice; the tone is ignored there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Voice {
    pub lang: Lang,
    pub tone: Tone,
}

impl Voice {
    pub const ALL: [Voice; 3] = [
        Voice {
            lang: Lang::Nl,
            tone: Tone::U,
        },
        Voice {
            lang: Lang::Nl,
            tone: Tone::Je,
        },
        Voice {
            lang: Lang::En,
            tone: Tone::U,
        },
    ];

    pub fn new(lang: Lang, tone: Tone) -> Voice {
        match lang {
            Lang::En => Voice {
                lang,
                tone: Tone::U,
            },
            Lang::Nl => Voice { lang, tone },
        }
    }

    /// The name of its text file in assets/i18n/: "nl-u", "nl-je", "en".
    pub fn key(self) -> &'static str {
        match (self.lang, self.tone) {
            (Lang::Nl, Tone::U) => "nl-u",
            (Lang::Nl, Tone::Je) => "nl-je",
            (Lang::En, _) => "en",
        }
    }
}

/// The voice an answers file asks for (`[policy] language` and `tone`); unknown values count
/// as the default here, `check` reports them.
pub fn voice_of(a: &Answers) -> Voice {
    let lang = a
        .policy
        .language
        .as_deref()
        .and_then(|l| Lang::from_code(l.trim()))
        .unwrap_or_default();
    let tone = a
        .policy
        .tone
        .as_deref()
        .and_then(|t| Tone::from_code(t.trim()))
        .unwrap_or_default();
    Voice::new(lang, tone)
}

/// Errors for unknown values of `[policy] language` and `tone`, and a warning that the
/// policy itself is Dutch with "u" only for now (the cookie statement and banner follow).
pub fn check(a: &Answers, out: &mut Vec<Diagnostic>) {
    if let Some(l) = a.policy.language.as_deref() {
        if Lang::from_code(l.trim()).is_none() {
            out.push(diag(
                Severity::Error,
                "policy.language",
                format!("onbekende taal `{l}`; kies nl of en"),
            ));
        }
    }
    if let Some(t) = a.policy.tone.as_deref() {
        if Tone::from_code(t.trim()).is_none() {
            out.push(diag(
                Severity::Error,
                "policy.tone",
                format!("onbekende aanspreekvorm `{t}`; kies u of je"),
            ));
        }
    }
    let v = voice_of(a);
    if v != Voice::default() {
        let field = if v.lang == Lang::En {
            "policy.language"
        } else {
            "policy.tone"
        };
        out.push(diag(
            Severity::Warning,
            field,
            "het privacybeleid zelf is er nog alleen in het Nederlands met u; de cookieverklaring en de cookiemelding volgen deze keuze wel".into(),
        ));
    }
}

fn diag(severity: Severity, field: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity,
        field: field.into(),
        message,
    }
}

/// Fixed texts of one voice: `group.key` → text, from assets/i18n/<voice>.toml.
#[derive(Debug, Clone)]
pub struct Texts {
    voice: Voice,
    map: BTreeMap<String, String>,
}

impl Texts {
    pub fn parse(voice: Voice, source: &str) -> Result<Texts, EngineError> {
        let what = format!("i18n/{}.toml", voice.key());
        let table: toml::Table = toml::from_str(source).map_err(|e| EngineError::Asset {
            what: what.clone(),
            message: e.message().to_string(),
        })?;
        let mut map = BTreeMap::new();
        flatten("", &toml::Value::Table(table), &mut map).map_err(|key| EngineError::Asset {
            what,
            message: format!("`{key}` is geen tekst"),
        })?;
        Ok(Texts { voice, map })
    }

    pub fn voice(&self) -> Voice {
        self.voice
    }

    /// The text for `key`; an error naming the file and key when it is missing.
    pub fn get(&self, key: &str) -> Result<&str, EngineError> {
        self.map
            .get(key)
            .map(String::as_str)
            .ok_or_else(|| EngineError::Asset {
                what: format!("i18n/{}.toml", self.voice.key()),
                message: format!("tekst `{key}` ontbreekt"),
            })
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }
}

fn flatten(
    prefix: &str,
    v: &toml::Value,
    out: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out)?;
            }
            Ok(())
        }
        toml::Value::String(s) => {
            out.insert(prefix.to_string(), s.trim_end().to_string());
            Ok(())
        }
        _ => Err(prefix.to_string()),
    }
}

/// Every voice's texts, loaded from the embedded assets.
pub fn load_all() -> Result<Vec<Texts>, EngineError> {
    Voice::ALL
        .iter()
        .map(|v| {
            let name = format!("i18n/{}.toml", v.key());
            let src = super::assets::asset(&name).ok_or_else(|| EngineError::Asset {
                what: name.clone(),
                message: "ontbreekt in assets/".into(),
            })?;
            Texts::parse(*v, src)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_voice_has_the_same_keys() {
        let all = load_all().expect("the embedded texts load");
        let first: Vec<&str> = all[0].keys().collect();
        for t in &all[1..] {
            let keys: Vec<&str> = t.keys().collect();
            assert_eq!(first, keys, "{} differs from nl-u", t.voice().key());
        }
    }

    #[test]
    fn missing_text_is_an_error_naming_the_key() {
        let t = Texts::parse(Voice::default(), "[a]\nb = \"x\"\n").unwrap();
        assert_eq!(t.get("a.b").unwrap(), "x");
        let e = t.get("a.c").unwrap_err().to_string();
        assert!(e.contains("a.c") && e.contains("nl-u"), "{e}");
    }
}
