//! Language and voice of the documents, and the text files (assets/i18n/) that carry
//! every fixed sentence per language. A missing text is an error, never a silent
//! fallback to another language.

use std::collections::BTreeMap;
use std::sync::OnceLock;

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

/// The answers with `[policy] language` and `tone` set to `voice` (the command line's
/// `--lang` and `--tone` win over the file).
pub fn with_voice(a: &Answers, voice: Voice) -> Answers {
    let mut a = a.clone();
    a.policy.language = Some(voice.lang.code().to_string());
    a.policy.tone = match voice.lang {
        Lang::Nl => Some(voice.tone.code().to_string()),
        Lang::En => a.policy.tone.take(),
    };
    a
}

/// Errors for unknown values of `[policy] language` and `tone`.
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

/// Every voice's texts, loaded once from the embedded assets.
pub fn texts(voice: Voice) -> Result<&'static Texts, EngineError> {
    static ALL: OnceLock<Result<Vec<Texts>, String>> = OnceLock::new();
    let all = ALL
        .get_or_init(|| load_all().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|m| EngineError::Asset {
            what: "i18n".into(),
            message: m.clone(),
        })?;
    all.iter()
        .find(|t| t.voice() == voice)
        .ok_or_else(|| EngineError::Asset {
            what: format!("i18n/{}.toml", voice.key()),
            message: "ontbreekt in assets/".into(),
        })
}

/// "a", "a and b", "a, b and c" in the language (no serial comma: EU English).
pub fn list<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    let and = match lang {
        Lang::Nl => "en",
        Lang::En => "and",
    };
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", head.join(", "), last.as_ref())
        }
    }
}

/// Fills the placeholders of a fixed text: `{name}` with the value of that name, a bare `{}`
/// with the first value. One pass over the text: a value is put in as it is, so braces in a
/// value (a shop's own text) are never taken for a placeholder. A `{word}` without a value
/// stays.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let value = |key: &str| {
        values
            .iter()
            .find(|(k, _)| *k == key)
            .or_else(|| values.first().filter(|_| key.is_empty()))
            .map(|(_, v)| *v)
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|end| Some((end, value(&after[..end])?)))
        {
            Some((end, v)) => {
                out.push_str(v);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "12 mei 2023" / "12 May 2023" (the EU's day-month-year order in both).
pub fn date(iso: &str, lang: Lang) -> Option<String> {
    let (y, m, d) = super::rules::parse_date(iso)?;
    let months = match lang {
        Lang::Nl => MONTHS_NL,
        Lang::En => MONTHS_EN,
    };
    Some(format!("{d} {} {y}", months[(m - 1) as usize]))
}

/// Small numbers in words, as both languages' style prefers ("twee jaar", "two years").
pub fn number(n: u32, lang: Lang) -> String {
    const NL: [&str; 21] = [
        "nul",
        "een",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "zeven",
        "acht",
        "negen",
        "tien",
        "elf",
        "twaalf",
        "dertien",
        "veertien",
        "vijftien",
        "zestien",
        "zeventien",
        "achttien",
        "negentien",
        "twintig",
    ];
    const EN: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let words = match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    };
    words
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

/// How a country reads inside a Dutch sentence: "de Verenigde Staten", "het Verenigd
/// Koninkrijk", "Canada" (assets/i18n/countries-nl.toml; an unlisted name reads as itself).
pub fn country_nl(name: &str) -> String {
    static IN_SENTENCE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct CountriesNl {
        in_sentence: BTreeMap<String, String>,
    }
    IN_SENTENCE
        .get_or_init(|| {
            super::assets::asset("i18n/countries-nl.toml")
                .and_then(|t| toml::from_str::<CountriesNl>(t).ok())
                .map(|c| c.in_sentence)
                .unwrap_or_default()
        })
        .get(name.trim())
        .cloned()
        .unwrap_or_else(|| name.to_string())
}

/// English labels for the catalog's facts that are words (assets/i18n/glossary-en.toml):
/// the data a provider receives, what a review shows, joint-controller phrases, countries.
/// The Dutch text is the key. A missing label is an error, never the Dutch text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// Personal data labels: "naam" → "name".
    pub data: BTreeMap<String, String>,
    /// Countries as English puts them in a sentence: "Verenigde Staten" → "the United States".
    pub country: BTreeMap<String, String>,
    /// What a joint controllership covers (catalog `joint_covers`).
    pub joint_covers: BTreeMap<String, String>,
    /// What a provider does for the shop when the catalog names it apart (activity `label`).
    pub activity: BTreeMap<String, String>,
}

/// Which table of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Data,
    Country,
    JointCovers,
    Activity,
}

impl Term {
    fn table(self) -> &'static str {
        match self {
            Term::Data => "data",
            Term::Country => "country",
            Term::JointCovers => "joint_covers",
            Term::Activity => "activity",
        }
    }
}

impl Glossary {
    pub fn parse(text: &str) -> Result<Glossary, EngineError> {
        toml::from_str(text).map_err(|e| EngineError::Asset {
            what: "i18n/glossary-en.toml".into(),
            message: e.message().to_string(),
        })
    }

    pub fn map(&self, term: Term) -> &BTreeMap<String, String> {
        match term {
            Term::Data => &self.data,
            Term::Country => &self.country,
            Term::JointCovers => &self.joint_covers,
            Term::Activity => &self.activity,
        }
    }

    /// The English for a Dutch catalog word; an error naming the table and the word.
    pub fn get(&self, term: Term, nl: &str) -> Result<&str, EngineError> {
        self.map(term)
            .get(nl.trim())
            .map(String::as_str)
            .ok_or_else(|| EngineError::Asset {
                what: "i18n/glossary-en.toml".into(),
                message: format!(
                    "Engelse tekst ontbreekt voor `{nl}` in [{}]; voeg die toe",
                    term.table()
                ),
            })
    }
}

/// The embedded glossary, loaded once.
pub fn glossary() -> Result<&'static Glossary, EngineError> {
    static G: OnceLock<Result<Glossary, String>> = OnceLock::new();
    G.get_or_init(|| {
        let src = super::assets::asset("i18n/glossary-en.toml")
            .ok_or_else(|| "ontbreekt in assets/".to_string())?;
        Glossary::parse(src).map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(|m| EngineError::Asset {
        what: "i18n/glossary-en.toml".into(),
        message: m.clone(),
    })
}

/// Measures of a text's language and voice, on the templates' markup (before parsing), so
/// that what a user typed (marked as user text) is left out: a shop called "U-Bike" or an
/// address in Dutch says nothing about the text around it.
pub mod measure {
    use crate::engine::document::{LINK_END, LINK_MID, LINK_START, USER_END, USER_START};

    /// Words that occur in Dutch running text and not as English words.
    const DUTCH: [&str; 52] = [
        "de", "het", "een", "en", "van", "voor", "met", "niet", "dat", "die", "deze", "dit",
        "zijn", "worden", "wordt", "kunt", "kan", "ons", "onze", "uw", "je", "jouw", "naar", "bij",
        "ook", "als", "wat", "wie", "hoe", "waar", "om", "te", "tot", "dan", "zo", "geen", "heeft",
        "hebben", "wij", "zich", "ze", "er", "aan", "u", "over", "gegevens", "welke", "alleen",
        "daar", "kunnen", "mag", "hun",
    ];
    /// Words that occur in English running text and not as Dutch words.
    const ENGLISH: [&str; 40] = [
        "the", "and", "to", "for", "with", "not", "that", "this", "these", "are", "be", "can",
        "our", "your", "you", "what", "who", "how", "where", "when", "if", "no", "an", "a", "from",
        "by", "has", "have", "it", "its", "they", "them", "their", "which", "data", "only",
        "there", "may", "of", "about",
    ];

    /// The text without user values and link targets.
    pub fn own_text(markup: &str) -> String {
        let mut out = String::with_capacity(markup.len());
        let mut user = 0usize;
        let mut url = false;
        for c in markup.chars() {
            match c {
                USER_START => user += 1,
                USER_END => user = user.saturating_sub(1),
                LINK_START => url = true,
                LINK_MID => url = false,
                LINK_END => {}
                _ if user > 0 || url => {}
                _ => out.push(c),
            }
        }
        out
    }

    fn words(s: &str) -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The sentences (and table cells, list items, headings) of the markup's own text.
    pub fn sentences(markup: &str) -> Vec<String> {
        let text = own_text(markup);
        let mut out = Vec::new();
        for line in text.lines() {
            for cell in line.split("||") {
                let mut cur = String::new();
                let mut chars = cell.chars().peekable();
                while let Some(c) = chars.next() {
                    cur.push(c);
                    let end = matches!(c, '.' | '!' | '?' | ';' | ':')
                        && chars.peek().is_none_or(|n| n.is_whitespace());
                    if end {
                        out.push(std::mem::take(&mut cur));
                    }
                }
                out.push(cur);
            }
        }
        out.into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && !s.starts_with("{#"))
            .collect()
    }

    /// Sentences that read as Dutch: at least two Dutch function words, and more Dutch than
    /// English ones. "the Dutch Data Protection Authority (Autoriteit Persoonsgegevens)" is
    /// English with a Dutch name in it; "Wij bewaren uw gegevens" is Dutch.
    pub fn dutch_sentences(markup: &str) -> Vec<String> {
        sentences(markup)
            .into_iter()
            .filter(|s| {
                let w = words(&s.to_lowercase());
                let nl = w.iter().filter(|x| DUTCH.contains(&x.as_str())).count();
                let en = w.iter().filter(|x| ENGLISH.contains(&x.as_str())).count();
                nl >= 2 && nl > en
            })
            .collect()
    }

    /// Dutch words that never occur in English running text: function words and the words
    /// of a policy ("zie onze cookieverklaring" has too few function words to read as a
    /// Dutch sentence, yet is Dutch).
    const DUTCH_ONLY: [&str; 60] = [
        "de",
        "het",
        "een",
        "en",
        "van",
        "voor",
        "met",
        "niet",
        "dat",
        "die",
        "deze",
        "dit",
        "zijn",
        "worden",
        "wordt",
        "kunt",
        "kan",
        "ons",
        "onze",
        "uw",
        "je",
        "jouw",
        "naar",
        "bij",
        "ook",
        "als",
        "wat",
        "wie",
        "hoe",
        "waar",
        "om",
        "te",
        "tot",
        "dan",
        "geen",
        "heeft",
        "hebben",
        "wij",
        "zich",
        "aan",
        "welke",
        "alleen",
        "kunnen",
        "mag",
        "hun",
        "zie",
        "zelf",
        "gegevens",
        "cookieverklaring",
        "privacyverklaring",
        "verwerker",
        "verantwoordelijk",
        "noodzakelijk",
        "noodzakelijke",
        "statistieken",
        "voorkeuren",
        "toestemming",
        "bewaren",
        "jaar",
        "sessie",
    ];

    /// Dutch words in the markup's own text, with the names in `names` (products,
    /// companies: a company called "bpost NV van publiek recht" is a name) left out.
    pub fn dutch_words(markup: &str, names: &[String]) -> Vec<String> {
        // A heading's anchor ("## Retention [#bewaren]") is a link target, not text.
        let mut text: String = own_text(markup)
            .lines()
            .map(|l| match l.rfind(" [#") {
                Some(i) if l.starts_with('#') && l.ends_with(']') => &l[..i],
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut names: Vec<&String> = names.iter().filter(|n| !n.is_empty()).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        for n in names {
            text = text.replace(n.as_str(), " ");
        }
        words(&text)
            .into_iter()
            .filter(|w| DUTCH_ONLY.contains(&w.to_lowercase().as_str()))
            .collect()
    }

    /// Sentences that address the reader with "u" or "uw" (any capitalisation), as whole
    /// words: "U-Bike" or "uur" do not count.
    pub fn u_addressing(markup: &str) -> Vec<String> {
        sentences(markup)
            .into_iter()
            .filter(|s| {
                words(s)
                    .iter()
                    .any(|w| matches!(w.to_lowercase().as_str(), "u" | "uw"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_values_in_once() {
        let with = [("name", "Zoë"), ("shop", "Bloemen {name}")];
        assert_eq!(fill("{name} van {shop}", &with), "Zoë van Bloemen {name}");
        assert_eq!(fill("{} en {name}", &with), "Zoë en Zoë");
        assert_eq!(fill("{onbekend} {name", &with), "{onbekend} {name");
        assert_eq!(fill("{}", &[("", "x")]), "x");
        assert_eq!(fill("{}", &[]), "{}");
    }

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
    fn the_measures_find_dutch_and_u_and_leave_user_text_alone() {
        use super::measure::*;
        use crate::engine::document::wrap_user;
        let nl = "Wij bewaren uw gegevens niet langer dan nodig.";
        let en = "We keep your data no longer than necessary; complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).";
        assert_eq!(dutch_sentences(nl).len(), 1);
        assert!(dutch_sentences(en).is_empty(), "{:?}", dutch_sentences(en));
        assert_eq!(u_addressing(nl).len(), 1);
        assert!(u_addressing("Je kunt je gegevens inzien.").is_empty());
        assert!(u_addressing("Bezorging met U-Bike binnen een uur.").is_empty());
        let user = format!(
            "We ship with {}.",
            wrap_user("de bezorgdienst van u en uw buren")
        );
        assert!(dutch_sentences(&user).is_empty() && u_addressing(&user).is_empty());
        // A Dutch phrase too short to read as a sentence is still caught word by word.
        let phrase = "Tracking (zie onze cookieverklaring).";
        assert!(dutch_sentences(phrase).is_empty());
        assert_eq!(
            dutch_words(phrase, &[]),
            ["zie", "onze", "cookieverklaring"]
        );
        assert!(
            dutch_words(en, &[]).is_empty(),
            "{:?}",
            dutch_words(en, &[])
        );
        assert!(dutch_words("## Retention periods [#bewaren]", &[]).is_empty());
        let name = "We ship with bpost NV van publiek recht.";
        assert_eq!(dutch_words(name, &[]), ["van"]);
        assert!(dutch_words(name, &["bpost NV van publiek recht".into()]).is_empty());
    }

    #[test]
    fn dutch_countries_take_their_article_from_the_data() {
        let text = super::super::assets::asset("i18n/countries-nl.toml").unwrap();
        let t: toml::Table = toml::from_str(text).unwrap();
        assert!(t["in_sentence"].as_table().unwrap().len() >= 5);
        assert_eq!(country_nl("Verenigde Staten"), "de Verenigde Staten");
        assert_eq!(country_nl("Verenigd Koninkrijk"), "het Verenigd Koninkrijk");
        assert_eq!(country_nl("Ierland"), "Ierland");
    }

    #[test]
    fn missing_text_is_an_error_naming_the_key() {
        let t = Texts::parse(Voice::default(), "[a]\nb = \"x\"\n").unwrap();
        assert_eq!(t.get("a.b").unwrap(), "x");
        let e = t.get("a.c").unwrap_err().to_string();
        assert!(e.contains("a.c") && e.contains("nl-u"), "{e}");
    }
}
