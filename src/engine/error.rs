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
    #[error("{} is te groot voor een antwoordenbestand (meer dan 1 MB); kies het goede bestand (een antwoordenbestand is een paar kB)", path.display())]
    TooLarge { path: PathBuf },
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

/// A message already in plain Dutch, carried inside an `io::Error` (for example "that is a
/// device, not a file" from the atomic writer); [`io_reason`] passes it on as it is.
#[derive(Debug)]
pub struct Plain(pub String);

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Plain {}

/// A system error in plain Dutch: what happened and, where it helps, what to do. Never the
/// system's own (English) text; an unknown error gives its number so it can be looked up.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if let Some(plain) = e.get_ref().and_then(|i| i.downcast_ref::<Plain>()) {
        return plain.0.clone();
    }
    let s = match e.kind() {
        K::NotFound => "het bestand of de map bestaat niet",
        K::PermissionDenied => "geen toegang (rechten); kies een andere plek of vraag toegang",
        K::InvalidData => {
            "het bestand is geen tekst (geen geldige UTF-8); kies een antwoordenbestand (.toml)"
        }
        K::IsADirectory => "dat is een map, geen bestand",
        K::NotADirectory => "een deel van het pad is geen map",
        K::StorageFull => "de schijf is vol; maak ruimte vrij en probeer het opnieuw",
        K::QuotaExceeded => "uw schijfquotum is op; maak ruimte vrij en probeer het opnieuw",
        K::ReadOnlyFilesystem => "de schijf is alleen-lezen; kies een andere plek",
        K::AlreadyExists => "er staat al een bestand met die naam",
        K::ResourceBusy => "het bestand of apparaat is in gebruik; probeer het later opnieuw",
        K::FileTooLarge => "het bestand wordt te groot voor deze schijf",
        K::InvalidFilename => "de naam is te lang of bevat tekens die hier niet mogen",
        K::DirectoryNotEmpty => "de map is niet leeg",
        K::CrossesDevices => "kan niet over schijven heen verplaatsen",
        K::TooManyLinks => "te veel koppelingen naar dit bestand",
        K::BrokenPipe => "het programma dat de uitvoer las, is gestopt",
        K::Interrupted => "onderbroken; probeer het opnieuw",
        K::TimedOut => "het duurde te lang; probeer het opnieuw",
        K::OutOfMemory => "te weinig geheugen",
        K::Unsupported => "dat kan niet op dit systeem of deze schijf",
        K::WouldBlock => "het bestand is nu niet beschikbaar; probeer het opnieuw",
        _ => match e.raw_os_error() {
            #[cfg(unix)]
            Some(libc::ELOOP) => "te veel symbolische koppelingen na elkaar (een kring?)",
            #[cfg(unix)]
            Some(libc::EIO) => "lees- of schrijffout van de schijf; controleer de schijf",
            Some(n) => return format!("systeemfout nummer {n}"),
            None => "onbekende fout van het systeem",
        },
    };
    s.to_string()
}

/// A TOML file that could not be read as answers: where, which key, and what was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The dotted key the error is about (`shop.effective_date`), when it can be told.
    pub field: Option<String>,
    pub message: String,
}

impl std::error::Error for ParseError {}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, "regel {l}, kolom {c}: ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Messages the engine words itself inside serde (e.g. the effective date) start with this,
/// so that `translate` passes them on instead of treating them as library text.
pub const OWN: &str = "\u{1}nl:";

impl ParseError {
    pub fn from_toml(text: &str, e: &toml::de::Error) -> ParseError {
        let (line, column, field) = match e.span() {
            Some(span) => {
                let (l, c) = line_col(text, span.start);
                (Some(l), Some(c), key_at(text, span.start))
            }
            None => (None, None, None),
        };
        ParseError {
            line,
            column,
            field,
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

/// The dotted key at a byte offset: the table header above it and the key on its line.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let header = |l: &str| {
        let t = l.trim();
        t.starts_with('[').then(|| {
            t.split('#')
                .next()
                .unwrap_or(t)
                .trim()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .trim()
                .to_string()
        })
    };
    if let Some(h) = header(line) {
        return (!h.is_empty()).then_some(h);
    }
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty() && !k.contains(char::is_whitespace));
    let table = text[..line_start].lines().rev().find_map(header);
    match (table, key) {
        (Some(t), Some(k)) => Some(format!("{t}.{k}")),
        (None, Some(k)) => Some(k),
        (Some(t), None) => Some(t),
        (None, None) => None,
    }
}

/// Puts toml/serde's English messages into Dutch. A message it does not know becomes a
/// general Dutch hint: English library text never reaches the user.
pub fn translate(msg: &str) -> String {
    let msg = msg.trim();
    if let Some(own) = msg.strip_prefix(OWN) {
        return own.trim().to_string();
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        if let Some((field, tail)) = rest.split_once('`') {
            let allowed = quoted(tail);
            let hint = did_you_mean(&nearest(field, allowed.iter().copied()));
            return format!(
                "onbekend veld `{field}`{hint}; toegestaan zijn: {}",
                allowed.join(", ")
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        if let Some((value, tail)) = rest.split_once('`') {
            let allowed = quoted(tail);
            return format!(
                "onbekende waarde `{value}`; kies uit: {}",
                allowed.join(", ")
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return format!("verplicht veld `{field}` ontbreekt; vul het in");
    }
    if let Some(rest) = msg.strip_prefix("duplicate field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return format!("veld `{field}` staat er twee keer; haal er een weg");
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            if found.starts_with("integer") && is_number(expected) {
                return "dit getal is veel te groot; vul een klein geheel getal in (bijvoorbeeld 2)"
                    .into();
            }
            return format!(
                "verkeerd soort waarde: {} gevonden, {} verwacht",
                kind_nl(found),
                kind_nl(expected)
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        if rest.starts_with("integer") {
            return "ongeldig getal: vul een positief geheel getal in (bijvoorbeeld 2)".into();
        }
        return "ongeldige waarde; zie README.md voor wat hier mag".into();
    }
    let (description, expected) = match msg.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (msg, None),
    };
    let mut out = syntax_nl(description, expected);
    // The characters the parser expected are the same in every language: name them.
    if let Some(e) = expected {
        let literals = quoted(e);
        let all_literal = e
            .split(", ")
            .all(|i| i.starts_with('`') && i.ends_with('`'));
        if all_literal && !literals.is_empty() && !description.starts_with("invalid date") {
            out.push_str(&format!(
                "; verwacht hier: {}",
                literals
                    .iter()
                    .map(|l| format!("`{l}`"))
                    .collect::<Vec<_>>()
                    .join(" of ")
            ));
        }
    }
    out
}

/// The parts between backticks: "`a`, `b`" → [a, b].
fn quoted(s: &str) -> Vec<&str> {
    s.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect()
}

fn is_number(expected: &str) -> bool {
    [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "integer",
    ]
    .iter()
    .any(|n| expected.trim().starts_with(n))
}

/// The TOML parser's descriptions, in Dutch, each with what to do.
fn syntax_nl(description: &str, expected: Option<&str>) -> String {
    let d = description.trim();
    if d.starts_with("invalid date")
        || d.starts_with("invalid time")
        || d.starts_with("invalid datetime")
        || d.starts_with("invalid offset")
    {
        let e = expected.unwrap_or("");
        if let Some(max) = e.strip_prefix("day between 01 and ") {
            return format!("die dag bestaat niet in die maand (hooguit {max}); schrijf JJJJ-MM-DD, bijvoorbeeld 2025-01-31");
        }
        if e.starts_with("month between") {
            return "de maand moet tussen 01 en 12 liggen; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-01-31".into();
        }
        return "ongeldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-01-31".into();
    }
    let table: [(&str, &str); 40] = [
        ("duplicate key", "deze sleutel of tabel staat er twee keer; haal er een weg of voeg ze samen"),
        ("recursion limit", "te diep geneste lijsten of tabellen; een antwoordenbestand bevat alleen eenvoudige lijsten"),
        ("cannot recurse further", "te diep geneste lijsten of tabellen; een antwoordenbestand bevat alleen eenvoudige lijsten"),
        ("unclosed array table", "de kop mist het sluitende `]]`"),
        ("unclosed table", "de tabelkop mist het sluitende `]`"),
        ("unclosed array", "de lijst mist het sluitende `]`"),
        ("unclosed inline table", "de tabel mist het sluitende `}`"),
        ("string values must be quoted", "tekst moet tussen aanhalingstekens staan, bijvoorbeeld name = \"Mijn Winkel\""),
        ("missing value", "na `=` ontbreekt de waarde"),
        ("key with no value", "na de sleutel ontbreekt `=` met een waarde"),
        ("invalid basic string", "de tekst mist het sluitende aanhalingsteken of bevat een teken dat niet mag"),
        ("invalid literal string", "de tekst mist het sluitende aanhalingsteken of bevat een teken dat niet mag"),
        ("invalid multi-line", "de tekst over meer regels is niet goed afgesloten"),
        ("missing escaped value", "na een `\\` moet een geldige code volgen; schrijf `\\\\` voor een backslash"),
        ("too few unicode value digits", "ongeldige `\\u`-code in de tekst"),
        ("invalid unicode", "ongeldige `\\u`-code in de tekst"),
        ("unexpected key or value", "onverwachte tekst; zet elke sleutel = waarde op een eigen regel"),
        ("unexpected content between comment", "onverwachte tekst; zet elke sleutel = waarde op een eigen regel"),
        ("unexpected content", "onverwachte tekst; zet elke sleutel = waarde op een eigen regel"),
        ("missing assignment", "hier ontbreekt een `=` tussen sleutel en waarde"),
        ("extra assignment", "een `=` te veel; schrijf sleutel = waarde"),
        ("extra `=`", "een `=` te veel; schrijf sleutel = waarde"),
        ("unexpected `=`", "`=` hoort niet in een lijst"),
        ("missing comma", "hier ontbreekt een komma tussen twee items"),
        ("extra comma", "een komma te veel"),
        ("invalid unquoted key", "ongeldige sleutel; gebruik letters, cijfers, _ en -"),
        ("unquoted keys cannot be empty", "lege sleutel; gebruik letters, cijfers, _ en -"),
        ("keys cannot be multi-line", "een sleutel kan geen tekst over meer regels zijn"),
        ("invalid key", "ongeldige sleutel; gebruik letters, cijfers, _ en -"),
        ("invalid inline table", "ongeldige inhoud tussen `{` en `}`"),
        ("missing key for inline table", "ongeldige inhoud tussen `{` en `}`"),
        ("missing", "hier ontbreekt een openend teken (`[`, `{` of een aanhalingsteken)"),
        ("invalid comment", "ongeldig teken in een opmerking (na `#`)"),
        ("carriage return", "losse regeleinde-code (CR); sla het bestand op met gewone regeleinden"),
        ("integer number overflowed", "dit getal is veel te groot; vul een klein geheel getal in"),
        ("u64 value was too large", "dit getal is veel te groot; vul een klein geheel getal in"),
        ("floating-point number overflowed", "dit getal is veel te groot"),
        ("invalid key-value pair", "ongeldige regel; schrijf sleutel = waarde"),
        ("invalid value", "ongeldige waarde; tekst hoort tussen aanhalingstekens, een lijst tussen [ ]"),
        ("wanted string or table", "verkeerd soort waarde"),
    ];
    for (en, nl) in table {
        if d.starts_with(en) {
            return nl.to_string();
        }
    }
    let number = [
        "unexpected sign",
        "unexpected leading zero",
        "redundant",
        "`_` may only",
        "integers with a radix",
        "radix must",
    ];
    if number.iter().any(|n| d.starts_with(n)) {
        return "ongeldig getal; schrijf een geheel getal zonder voorloopnul, bijvoorbeeld 3"
            .into();
    }
    "de TOML-opmaak klopt hier niet; controleer aanhalingstekens, `=` en haakjes".into()
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
        ("u64", "een positief geheel getal"),
        ("integer", "een geheel getal"),
        ("floating point", "een kommagetal"),
        ("a map", "een tabel"),
        ("map", "een tabel"),
        ("struct", "een tabel"),
        ("datetime", "een datum"),
        ("a date", "een datum"),
    ];
    for (en, nl) in table {
        if s == en {
            return nl.to_string();
        }
        if let Some(rest) = s.strip_prefix(en) {
            // Keep the value itself (`5`, "x"), drop English tails such as "as i128".
            let value = rest.split(" as ").next().unwrap_or(rest);
            return format!("{nl}{value}");
        }
    }
    "een andere soort waarde".to_string()
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

    #[cfg(unix)]
    #[test]
    fn system_errors_in_dutch_without_their_english_text() {
        for (code, want) in [
            (libc::ENOSPC, "de schijf is vol"),
            (libc::EEXIST, "er staat al een bestand"),
            (libc::EBUSY, "in gebruik"),
            (libc::EROFS, "alleen-lezen"),
            (libc::ENAMETOOLONG, "te lang"),
            (libc::EDQUOT, "quotum"),
            (libc::ELOOP, "koppelingen"),
            (libc::EIO, "schijf"),
            (libc::EACCES, "geen toegang"),
        ] {
            let m = io_reason(&std::io::Error::from_raw_os_error(code));
            assert!(m.contains(want), "{code}: {m}");
            assert!(!m.contains("os error"), "{m}");
        }
        let m = io_reason(&std::io::Error::from_raw_os_error(libc::ENOTSOCK));
        assert!(m.starts_with("systeemfout nummer"), "{m}");
    }

    #[test]
    fn every_toml_description_has_a_dutch_message() {
        for d in [
            "duplicate key",
            "recursion limit",
            "cannot recurse further; max recursion depth met",
            "invalid date, expected day between 01 and 28",
            "invalid datetime",
            "unclosed array",
            "something new in a later toml version",
        ] {
            let m = translate(d);
            assert!(!m.contains(d), "{d}: {m}");
            assert!(!m.contains("expected") && !m.contains("invalid"), "{m}");
        }
        assert!(translate("invalid date, expected day between 01 and 28").contains("hooguit 28"));
    }

    #[test]
    fn the_key_of_an_error_is_named() {
        let text = "[shop]\nname = \"a\"\n\n[policy] # x\ndpo = 1\n";
        assert_eq!(
            key_at(text, text.find("dpo").unwrap() + 6).as_deref(),
            Some("policy.dpo")
        );
        assert_eq!(key_at(text, 3).as_deref(), Some("shop"));
        assert_eq!(key_at("x = 1", 4).as_deref(), Some("x"));
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
