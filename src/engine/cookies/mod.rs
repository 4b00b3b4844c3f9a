//! Cookies and similar techniques of one shop: which tools put what in the visitor's
//! browser, in which category, and whether consent is asked. The cookie statement,
//! the consent banner and the policy's cookie part all read this one list, so they
//! cannot disagree.

pub mod banner;
pub mod statement;

use super::answers::Answers;
use super::catalog::{Catalog, Provider};
use super::error::EngineError;
use super::lang::{self, Lang, Texts, Voice};
use super::section::Section;
use super::validate::lookup;
use super::Engine;
use std::sync::OnceLock;

pub use super::catalog::{
    Cookie as CookieItem, CookieCategory as Category, CookieKind as Kind, Party,
};

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Necessary,
        Category::Preferences,
        Category::Statistics,
        Category::Marketing,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Necessary => "necessary",
            Category::Preferences => "preferences",
            Category::Statistics => "statistics",
            Category::Marketing => "marketing",
        }
    }
}

/// A tool the shop uses that puts something in the browser.
#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    pub id: String,
    /// The name used in text.
    pub name: String,
    pub company: String,
    pub privacy_url: String,
    /// The provider entry's `consent`: its non-necessary items need prior consent.
    pub consent: bool,
    /// A shop's own provider: its name and company are user text.
    pub custom: bool,
    /// Its items; for a cookies-section tool without known items, one group without rows.
    pub groups: Vec<Group>,
}

/// The part of one tool's items in one category: one service in the banner.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub category: Category,
    pub consent: bool,
    pub items: Vec<CookieItem>,
}

/// Consent is asked for an item unless it is necessary (functional), or a preference or
/// statistic of a tool whose catalog entry says it needs none (privacy-friendly analytics,
/// Telecommunicatiewet art. 11.7a lid 3). An item's own `consent` overrides that, except
/// that marketing always needs consent.
pub fn needs_consent(item_consent: Option<bool>, category: Category, tool_consent: bool) -> bool {
    if category == Category::Marketing {
        return true;
    }
    item_consent.unwrap_or(match category {
        Category::Necessary | Category::Marketing => false,
        Category::Preferences | Category::Statistics => tool_consent,
    })
}

/// The facts of a catalog entry this module reads. One place to follow the catalog schema.
mod view {
    use super::*;

    pub fn items(p: &Provider) -> Vec<CookieItem> {
        p.cookies.clone()
    }

    pub fn consent(p: &Provider) -> bool {
        p.needs_consent()
    }

    /// The category of a tool as a whole when the catalog lists none of its items: a
    /// cookies-section tool by its kind; webshop software places at least the cookies its
    /// basket and checkout need.
    pub fn category(p: &Provider) -> Option<Category> {
        if p.serves(Section::Cookies) {
            Some(p.cookie_category())
        } else if p.serves(Section::Webshop) {
            Some(Category::Necessary)
        } else if p.needs_consent() {
            // A tracking script of a provider chosen for another part (e.g. a newsletter
            // tool that follows visitors on the site).
            Some(Category::Marketing)
        } else {
            None
        }
    }

    pub fn name(p: &Provider) -> String {
        p.short_name.clone().unwrap_or_else(|| p.name.clone())
    }
}

/// The tools of a shop (answers already resolved over their preset), in policy order:
/// every chosen provider with cookie facts, and every cookies-section provider.
pub fn tools(a: &Answers, catalog: &Catalog) -> Vec<Tool> {
    let mut out: Vec<Tool> = Vec::new();
    for sec in Section::ALL {
        for id in a.providers.get(sec) {
            let Some(p) = lookup(a, catalog, id) else {
                continue;
            };
            if !p.serves(sec) || out.iter().any(|t| t.id == p.id) {
                continue;
            }
            if let Some(t) = tool(&p) {
                out.push(t);
            }
        }
    }
    out
}

fn tool(p: &Provider) -> Option<Tool> {
    let consent = view::consent(p);
    let items = view::items(p);
    let mut groups: Vec<Group> = Vec::new();
    for item in items {
        let c = needs_consent(item.consent, item.category, consent);
        match groups
            .iter_mut()
            .find(|g| g.category == item.category && g.consent == c)
        {
            Some(g) => g.items.push(item),
            None => groups.push(Group {
                category: item.category,
                consent: c,
                items: vec![item],
            }),
        }
    }
    if groups.is_empty() {
        let category = view::category(p)?;
        groups.push(Group {
            category,
            consent: needs_consent(None, category, consent),
            items: vec![],
        });
    }
    groups.sort_by_key(|g| (g.category, g.consent));
    Some(Tool {
        id: p.id.clone(),
        name: view::name(p),
        company: p.company.clone(),
        privacy_url: p.privacy_url.clone(),
        consent,
        custom: p.custom,
        groups,
    })
}

/// The code that starts the banner with a configuration.
pub const LOADER: &str = include_str!("../../../assets/banner/loader.js");

/// Data of this module that do not change: the texts of every voice and the banner's own cookie.
struct Fixed {
    texts: Vec<Texts>,
    own: banner::Own,
}

fn fixed() -> Result<&'static Fixed, EngineError> {
    static FIXED: OnceLock<Result<Fixed, String>> = OnceLock::new();
    let loaded = FIXED.get_or_init(|| {
        let own = super::assets::asset("banner.toml").ok_or("banner.toml ontbreekt in assets/")?;
        Ok(Fixed {
            texts: lang::load_all().map_err(|e| e.to_string())?,
            own: banner::Own::parse(own).map_err(|e| e.to_string())?,
        })
    });
    loaded.as_ref().map_err(|m| EngineError::Asset {
        what: "cookies".into(),
        message: m.clone(),
    })
}

/// The fixed texts of one voice.
pub fn texts(voice: Voice) -> Result<&'static Texts, EngineError> {
    fixed()?
        .texts
        .iter()
        .find(|t| t.voice() == voice)
        .ok_or_else(|| EngineError::Asset {
            what: format!("i18n/{}.toml", voice.key()),
            message: "ontbreekt in assets/".into(),
        })
}

impl Engine {
    /// The shop's tools that put something in the browser (preset applied).
    pub fn cookie_tools(&self, answers: &Answers) -> Vec<Tool> {
        tools(&self.resolved(answers), self.catalog())
    }

    /// The consent banner's configuration as JSON (vanilla-cookieconsent v3).
    pub fn banner_json(&self, answers: &Answers, voice: Voice) -> Result<String, EngineError> {
        let a = self.resolved(answers);
        let shop = a.shop.name.as_deref().unwrap_or("").trim().to_string();
        let cfg = banner::config(
            &tools(&a, self.catalog()),
            &fixed()?.own,
            texts(voice)?,
            &shop,
        )?;
        let mut out = serde_json::to_string_pretty(&cfg).map_err(|e| EngineError::Asset {
            what: "banner".into(),
            message: e.to_string(),
        })?;
        out.push('\n');
        Ok(out)
    }

    /// The banner's configuration with the code that starts it (assets/banner/loader.js):
    /// one file to load after the package.
    pub fn banner_js(&self, answers: &Answers, voice: Voice) -> Result<String, EngineError> {
        let json = self.banner_json(answers, voice)?;
        Ok(format!(
            "{LOADER}\nwindow.privacybeleidBanner.start({});\n",
            json.trim_end()
        ))
    }

    fn resolved(&self, answers: &Answers) -> Answers {
        self.resolve(answers).unwrap_or_else(|_| {
            let mut a = answers.clone();
            a.preset = None;
            a
        })
    }
}

/// The file name of an exported document: `<slug-of-shop-name>-<what>.<ext>`.
pub fn file_name(shop_name: Option<&str>, what: &str, ext: &str) -> String {
    let slug = super::rules::slug(shop_name.unwrap_or(""));
    if slug.is_empty() {
        format!("{what}.{ext}")
    } else {
        format!("{slug}-{what}.{ext}")
    }
}

/// The purpose in a language; English must be written in the catalog (`purpose_en`).
pub fn purpose_in(item: &CookieItem, lang: Lang) -> Result<String, EngineError> {
    match lang {
        Lang::Nl => Ok(item.purpose.clone()),
        Lang::En => item.purpose_en.clone().ok_or_else(|| EngineError::Asset {
            what: "catalogus".into(),
            message: format!(
                "Engelse omschrijving (purpose_en) ontbreekt bij cookie `{}`",
                item.name
            ),
        }),
    }
}

/// The lifetime in a language: `lifetime_en` if written, else "2 jaar" → "2 years".
pub fn lifetime_in(item: &CookieItem, lang: Lang) -> Result<String, EngineError> {
    match (lang, &item.lifetime_en) {
        (Lang::Nl, _) => Ok(item.lifetime.clone()),
        (Lang::En, Some(en)) => Ok(en.clone()),
        (Lang::En, None) => lifetime_en(&item.lifetime).ok_or_else(|| EngineError::Asset {
            what: "catalogus".into(),
            message: format!(
                "looptijd `{}` van cookie `{}` is niet te vertalen; schrijf lifetime_en",
                item.lifetime, item.name
            ),
        }),
    }
}

fn lifetime_en(nl: &str) -> Option<String> {
    let nl = nl.trim();
    if nl == "sessie" {
        return Some("session".into());
    }
    let (n, unit) = nl.split_once(' ')?;
    let count: u32 = n.parse().ok()?;
    let unit = match unit {
        "seconde" | "seconden" => "second",
        "minuut" | "minuten" => "minute",
        "uur" | "uren" => "hour",
        "dag" | "dagen" => "day",
        "week" | "weken" => "week",
        "maand" | "maanden" => "month",
        "jaar" => "year",
        _ => return None,
    };
    Some(if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    })
}

/// The names in an item's `name`: "_ga, _ga_<id>" → ["_ga", "_ga_<id>"].
pub fn names(item: &CookieItem) -> impl Iterator<Item = &str> {
    item.name
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

/// A cookie name as the banner matches it: exact, or a regular expression when the
/// name holds a placeholder (`<container-id>`) or a `*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatch {
    Exact(String),
    Pattern(String),
}

pub fn name_match(name: &str) -> NameMatch {
    if !name.contains('<') && !name.contains('*') {
        return NameMatch::Exact(name.to_string());
    }
    let mut re = String::from("^");
    let mut rest = name;
    while let Some(i) = rest.find(['<', '*']) {
        re.push_str(&regex_escape(&rest[..i]));
        re.push_str(".+");
        rest = if rest[i..].starts_with('<') {
            match rest[i..].find('>') {
                Some(j) => &rest[i + j + 1..],
                None => "",
            }
        } else {
            &rest[i + 1..]
        };
    }
    re.push_str(&regex_escape(rest));
    re.push('$');
    NameMatch::Pattern(re)
}

fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\^$.|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_rule() {
        assert!(!needs_consent(None, Category::Necessary, true));
        assert!(needs_consent(None, Category::Marketing, false));
        assert!(!needs_consent(None, Category::Statistics, false));
        assert!(needs_consent(None, Category::Statistics, true));
        assert!(needs_consent(Some(true), Category::Statistics, false));
    }

    #[test]
    fn lifetimes_in_english() {
        assert_eq!(lifetime_en("sessie").as_deref(), Some("session"));
        assert_eq!(lifetime_en("2 jaar").as_deref(), Some("2 years"));
        assert_eq!(lifetime_en("1 jaar").as_deref(), Some("1 year"));
        assert_eq!(lifetime_en("30 minuten").as_deref(), Some("30 minutes"));
        assert_eq!(lifetime_en("tot u uitlogt"), None);
    }

    #[test]
    fn names_and_patterns() {
        let item = CookieItem {
            name: "_ga, _ga_<container-id>".into(),
            party: Party::First,
            purpose: "x".into(),
            purpose_en: None,
            lifetime: "2 jaar".into(),
            lifetime_en: None,
            category: Category::Statistics,
            kind: Kind::Cookie,
            consent: None,
        };
        let n: Vec<&str> = names(&item).collect();
        assert_eq!(n, ["_ga", "_ga_<container-id>"]);
        assert_eq!(name_match("_ga"), NameMatch::Exact("_ga".into()));
        assert_eq!(
            name_match("_ga_<container-id>"),
            NameMatch::Pattern("^_ga_.+$".into())
        );
        assert_eq!(
            name_match("_hj*.site"),
            NameMatch::Pattern("^_hj.+\\.site$".into())
        );
    }
}
