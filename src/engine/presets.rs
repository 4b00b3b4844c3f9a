//! Presets (presets/*.toml): partial answers files for common Dutch setups.

use serde::Serialize;

use super::answers::Answers;
use super::error::{EngineError, ParseError};

#[derive(Debug, Clone, Serialize)]
pub struct Preset {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(skip)]
    pub answers: Answers,
}

pub fn parse_preset(file_name: &str, text: &str) -> Result<Preset, EngineError> {
    let id = file_name.trim_end_matches(".toml").to_string();
    let bad = |message: String| EngineError::Asset {
        what: format!("preset {file_name}"),
        message,
    };
    let mut table: toml::Table =
        toml::from_str(text).map_err(|e| bad(ParseError::from_toml(text, &e).to_string()))?;
    let mut take = |key: &str| match table.remove(key) {
        Some(toml::Value::String(s)) => Ok(s),
        _ => Err(bad(format!("`{key}` (tekst) ontbreekt"))),
    };
    let name = take("name")?;
    let description = take("description")?;
    let answers: Answers = table
        .try_into()
        .map_err(|e: toml::de::Error| bad(e.message().to_string()))?;
    if answers.preset.is_some() || answers.shop != Default::default() {
        return Err(bad("een preset bevat geen `preset` en geen [shop]".into()));
    }
    Ok(Preset {
        id,
        name,
        description,
        answers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Section;

    #[test]
    fn parses_name_description_and_answers() {
        let p = parse_preset(
            "a-b.toml",
            "name = \"A\"\ndescription = \"B\"\n[providers]\npayments = [\"mollie\"]\n",
        )
        .unwrap();
        assert_eq!((p.id.as_str(), p.name.as_str()), ("a-b", "A"));
        assert_eq!(p.answers.providers.get(Section::Payments), ["mollie"]);
    }

    #[test]
    fn rejects_shop_data_and_missing_names() {
        assert!(parse_preset("a.toml", "description = \"B\"\n").is_err());
        let err = parse_preset(
            "a.toml",
            "name = \"A\"\ndescription = \"B\"\n[shop]\nname = \"x\"\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("[shop]"), "{err}");
    }
}
