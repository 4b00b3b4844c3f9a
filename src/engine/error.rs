//! Errors of the engine, worded in Dutch for the people who read them.

use std::fmt;
use std::path::PathBuf;

use super::nearest::nearest;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("kan {} niet lezen: {}", path.display(), io_reason(source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {error}", path.display())]
    Parse { path: PathBuf, error: ParseError },
    #[error("onbekende preset `{id}`{}", did_you_mean(nearest))]
    UnknownPreset { id: String, nearest: Option<String> },
    #[error("fout in de ingebouwde gegevens ({what}): {message}")]
    Asset { what: String, message: String },
    #[error("fout bij het opmaken van de tekst: {0}")]
    Template(String),
}

pub fn did_you_mean(n: &Option<String>) -> String {
    match n {
        Some(n) => format!(" (bedoelde u `{n}`?)"),
        None => String::new(),
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "het bestand of de map bestaat niet".into(),
        std::io::ErrorKind::PermissionDenied => "geen toegang (rechten)".into(),
        std::io::ErrorKind::InvalidData => "het bestand is geen geldige UTF-8-tekst".into(),
        std::io::ErrorKind::IsADirectory => "dat is een map, geen bestand".into(),
        _ => e.to_string(),
    }
}

/// A TOML file that could not be read as answers: where, and what was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl std::error::Error for ParseError {}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "regel {l}, kolom {c}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl ParseError {
    pub fn from_toml(text: &str, e: &toml::de::Error) -> ParseError {
        let (line, column) = match e.span() {
            Some(span) => {
                let (l, c) = line_col(text, span.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        ParseError {
            line,
            column,
            message: translate(e.message()),
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Puts toml/serde's English messages into Dutch; unknown shapes keep the original text.
fn translate(msg: &str) -> String {
    let msg = msg.trim();
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        if let Some((field, tail)) = rest.split_once('`') {
            let allowed: Vec<&str> = tail
                .split('`')
                .enumerate()
                .filter(|(i, _)| i % 2 == 1)
                .map(|(_, s)| s)
                .collect();
            let hint = did_you_mean(&nearest(field, allowed.iter().copied()));
            return format!(
                "onbekend veld `{field}`{hint}; toegestaan zijn: {}",
                allowed.join(", ")
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return format!("verplicht veld `{field}` ontbreekt");
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "verkeerd soort waarde: {} gevonden, {} verwacht",
                kind_nl(found),
                kind_nl(expected)
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("duplicate key `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return format!("sleutel `{key}` staat er twee keer");
    }
    if msg.starts_with("invalid value: integer") {
        return "ongeldig getal: verwacht een positief geheel getal".into();
    }
    let oneline = msg.replace('\n', "; ");
    format!("ongeldige TOML: {oneline}")
}

fn kind_nl(s: &str) -> String {
    let s = s.trim();
    let table = [
        ("a sequence", "een lijst [\"…\"]"),
        ("sequence", "een lijst [\"…\"]"),
        ("a string", "tekst tussen aanhalingstekens"),
        ("string", "tekst"),
        ("a boolean", "true of false"),
        ("boolean", "true of false"),
        ("u32", "een positief geheel getal"),
        ("integer", "een geheel getal"),
        ("a map", "een tabel"),
        ("map", "een tabel"),
        ("struct", "een tabel"),
        ("datetime", "een datum"),
    ];
    for (en, nl) in table {
        if s == en {
            return nl.to_string();
        }
        if let Some(rest) = s.strip_prefix(en) {
            return format!("{nl}{rest}");
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("é\nx", 3), (2, 1));
    }

    #[test]
    fn unknown_field_names_the_nearest() {
        let m = translate("unknown field `naem`, expected one of `name`, `operator`");
        assert!(m.contains("onbekend veld `naem`"), "{m}");
        assert!(m.contains("bedoelde u `name`"), "{m}");
    }

    #[test]
    fn invalid_type_in_dutch() {
        let m = translate("invalid type: string \"x\", expected a sequence");
        assert!(
            m.starts_with("verkeerd soort waarde: tekst \"x\" gevonden"),
            "{m}"
        );
    }
}
