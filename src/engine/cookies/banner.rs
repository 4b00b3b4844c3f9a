//! The configuration of the consent banner vanilla-cookieconsent v3 (npm package
//! `vanilla-cookieconsent`, MIT): categories and services from the shop's tools,
//! texts from assets/i18n/, each service's first-party cookies listed so the banner
//! clears them when consent is withdrawn.
//!
//! The package puts titles, descriptions, labels and table cells into the page as HTML,
//! so every text here is HTML-escaped. A cookie name with a placeholder becomes
//! `{"name": "^_ga_.+$", "regex": true}`; the loader (assets/banner/loader.js) turns
//! those into regular expressions before it starts the banner.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{name_match, names, Category, CookieItem, Group, Kind, NameMatch, Party, Tool};
use crate::engine::error::EngineError;
use crate::engine::lang::{Lang, Texts};

/// The banner's own cookie, from assets/banner.toml.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Own {
    /// Days the consent is remembered (`cookie.expiresAfterDays`).
    pub expires_after_days: u32,
    pub cookie: CookieItem,
}

impl Own {
    pub fn parse(text: &str) -> Result<Own, EngineError> {
        toml::from_str(text).map_err(|e| EngineError::Asset {
            what: "banner.toml".into(),
            message: e.message().to_string(),
        })
    }
}

/// Where a group goes in the banner: a category key, and whether the visitor can switch it.
pub fn bucket(g: &Group) -> (&'static str, bool) {
    match (g.consent, g.category) {
        (true, c) => (c.id(), true),
        (false, Category::Necessary | Category::Preferences) => ("necessary", false),
        (false, Category::Statistics) => ("statistics_exempt", false),
        // needs_consent never lets marketing go without consent.
        (false, Category::Marketing) => ("marketing", true),
    }
}

/// Banner categories in display order.
pub const BUCKETS: [&str; 5] = [
    "necessary",
    "preferences",
    "statistics_exempt",
    "statistics",
    "marketing",
];

/// The service key of the banner's own cookie.
pub const OWN_SERVICE: &str = "cookiemelding";

/// A JSON value that keeps the order its members were written in.
#[derive(Debug, Clone, PartialEq)]
pub enum J {
    Str(String),
    Num(u64),
    Bool(bool),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl Serialize for J {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            J::Str(v) => s.serialize_str(v),
            J::Num(v) => s.serialize_u64(*v),
            J::Bool(v) => s.serialize_bool(*v),
            J::Arr(v) => {
                let mut seq = s.serialize_seq(Some(v.len()))?;
                for x in v {
                    seq.serialize_element(x)?;
                }
                seq.end()
            }
            J::Obj(v) => {
                let mut map = s.serialize_map(Some(v.len()))?;
                for (k, x) in v {
                    map.serialize_entry(k, x)?;
                }
                map.end()
            }
        }
    }
}

fn obj<const N: usize>(members: [(&str, J); N]) -> J {
    J::Obj(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn s(text: &str) -> J {
    J::Str(text.to_string())
}

/// Text for the banner: the package inserts it as HTML.
fn h(text: &str) -> J {
    J::Str(escape_html(text))
}

pub fn escape_html(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One row of a cookie table: name, provider, purpose, lifetime (in the texts' language).
pub struct Row {
    pub name: String,
    pub provider: String,
    pub purpose: String,
    pub lifetime: String,
}

pub fn row(tool_name: &str, item: &CookieItem, lang: Lang) -> Result<Row, EngineError> {
    Ok(Row {
        name: item.name.clone(),
        provider: tool_name.to_string(),
        purpose: super::purpose_in(item, lang)?,
        lifetime: super::lifetime_in(item, lang)?,
    })
}

/// One service of the banner: a tool's items in one banner category.
#[derive(Clone)]
struct Service<'a> {
    key: String,
    label: String,
    items: Vec<&'a CookieItem>,
}

/// One category of the banner.
struct Bucket<'a> {
    key: &'static str,
    switchable: bool,
    services: Vec<Service<'a>>,
}

/// The configuration object for `CookieConsent.run(...)`.
pub fn config(tools: &[Tool], own: &Own, texts: &Texts, shop: &str) -> Result<J, EngineError> {
    let t = |k: &str| -> Result<String, EngineError> { Ok(texts.get(k)?.replace("{shop}", shop)) };
    let lang = texts.voice().lang;
    let own_name = t("banner.own_label")?;

    let own_group = Group {
        category: Category::Necessary,
        consent: false,
        items: vec![own.cookie.clone()],
    };
    let mut entries: Vec<(&'static str, bool, Service)> = vec![(
        "necessary",
        false,
        Service {
            key: OWN_SERVICE.into(),
            label: own_name.clone(),
            items: own_group.items.iter().collect(),
        },
    )];
    for tool in tools {
        for g in &tool.groups {
            let (b, switchable) = bucket(g);
            entries.push((
                b,
                switchable,
                Service {
                    key: tool.id.clone(),
                    label: tool.name.clone(),
                    items: g.items.iter().collect(),
                },
            ));
        }
    }
    let mut buckets: Vec<Bucket> = Vec::new();
    for b in BUCKETS {
        // One service per tool and category, even when its items came in several groups
        // (a platform's necessary and functional cookies both stand under "necessary").
        let mut services: Vec<Service> = Vec::new();
        for e in entries.iter().filter(|e| e.0 == b) {
            match services.iter_mut().find(|s| s.key == e.2.key) {
                Some(s) => s.items.extend(e.2.items.iter().copied()),
                None => services.push(e.2.clone()),
            }
        }
        if !services.is_empty() {
            let switchable = entries.iter().any(|e| e.0 == b && e.1);
            buckets.push(Bucket {
                key: b,
                switchable,
                services,
            });
        }
    }
    let asks = buckets.iter().any(|b| b.switchable);
    let purposes = buckets
        .iter()
        .filter(|b| b.switchable)
        .map(|b| t(&format!("banner.category.{}.short", b.key)))
        .collect::<Result<Vec<_>, _>>()?;
    let description = if asks {
        t("banner.consent_description")?.replace("{purposes}", &list(&purposes, &t("list.and")?))
    } else {
        t("banner.consent_description_none")?
    };

    let mut categories = Vec::new();
    let mut sections = vec![obj([
        ("title", h(&t("banner.intro_title")?)),
        ("description", h(&t("banner.intro_description")?)),
    ])];
    for Bucket {
        key: b,
        switchable,
        services,
    } in &buckets
    {
        let mut svc = Vec::new();
        let mut all_cookies = Vec::new();
        let mut rows = Vec::new();
        for Service { key, label, items } in services {
            let cookies = clearable(items);
            for c in &cookies {
                if !all_cookies.contains(c) {
                    all_cookies.push(c.clone());
                }
            }
            svc.push((
                key.clone(),
                obj([("label", h(label)), ("cookies", J::Arr(cookies))]),
            ));
            for item in items {
                let r = row(label, item, lang)?;
                rows.push(obj([
                    ("name", h(&r.name)),
                    ("provider", h(&r.provider)),
                    ("purpose", h(&r.purpose)),
                    ("lifetime", h(&r.lifetime)),
                ]));
            }
        }
        let mut cat = vec![
            ("enabled".to_string(), J::Bool(!switchable)),
            ("readOnly".to_string(), J::Bool(!switchable)),
            ("services".to_string(), J::Obj(svc)),
        ];
        if *switchable {
            cat.push((
                "autoClear".into(),
                obj([
                    ("cookies", J::Arr(all_cookies)),
                    ("reloadPage", J::Bool(false)),
                ]),
            ));
        }
        categories.push((b.to_string(), J::Obj(cat)));
        let mut section = vec![
            (
                "title".to_string(),
                h(&t(&format!("banner.category.{b}.title"))?),
            ),
            (
                "description".to_string(),
                h(&t(&format!("banner.category.{b}.description"))?),
            ),
            ("linkedCategory".to_string(), s(b)),
        ];
        if !rows.is_empty() {
            section.push((
                "cookieTable".into(),
                obj([
                    (
                        "headers",
                        obj([
                            ("name", h(&t("table.name")?)),
                            ("provider", h(&t("table.provider")?)),
                            ("purpose", h(&t("table.purpose")?)),
                            ("lifetime", h(&t("table.lifetime")?)),
                        ]),
                    ),
                    ("body", J::Arr(rows)),
                ]),
            ));
        }
        sections.push(J::Obj(section));
    }
    sections.push(obj([
        ("title", h(&t("banner.more_title")?)),
        ("description", h(&t("banner.more_description")?)),
    ]));

    let mut consent_modal = vec![
        ("title".to_string(), h(&t("banner.consent_title")?)),
        (
            "description".to_string(),
            // The package puts the revision message where this placeholder stands.
            J::Str(format!(
                "{} {{{{revisionMessage}}}}",
                escape_html(&description)
            )),
        ),
        ("acceptAllBtn".to_string(), h(&t("banner.accept_all")?)),
        (
            "acceptNecessaryBtn".to_string(),
            h(&t("banner.accept_necessary")?),
        ),
        (
            "showPreferencesBtn".to_string(),
            h(&t("banner.show_preferences")?),
        ),
        (
            "revisionMessage".to_string(),
            h(&t("banner.revision_message")?),
        ),
    ];
    if !asks {
        consent_modal.retain(|(k, _)| k != "acceptNecessaryBtn");
    }
    let translation = obj([
        ("consentModal", J::Obj(consent_modal)),
        (
            "preferencesModal",
            obj([
                ("title", h(&t("banner.preferences_title")?)),
                ("acceptAllBtn", h(&t("banner.accept_all")?)),
                ("acceptNecessaryBtn", h(&t("banner.accept_necessary")?)),
                ("savePreferencesBtn", h(&t("banner.save")?)),
                ("closeIconLabel", h(&t("banner.close")?)),
                ("serviceCounterLabel", h(&t("banner.service_counter")?)),
                ("sections", J::Arr(sections)),
            ]),
        ),
    ]);

    Ok(obj([
        ("mode", s("opt-in")),
        // Shown by itself only when something needs consent; the link in the cookie
        // statement opens the settings either way.
        ("autoShow", J::Bool(asks)),
        ("revision", J::Num(u64::from(revision(&buckets)))),
        ("manageScriptTags", J::Bool(true)),
        ("autoClearCookies", J::Bool(true)),
        ("hideFromBots", J::Bool(true)),
        (
            "cookie",
            obj([
                ("name", s(own.cookie.name.as_str())),
                (
                    "expiresAfterDays",
                    J::Num(u64::from(own.expires_after_days)),
                ),
                ("sameSite", s("Lax")),
            ]),
        ),
        (
            "guiOptions",
            obj([
                (
                    "consentModal",
                    obj([
                        ("layout", s("box")),
                        ("position", s("bottom right")),
                        ("equalWeightButtons", J::Bool(true)),
                        ("flipButtons", J::Bool(false)),
                    ]),
                ),
                (
                    "preferencesModal",
                    obj([
                        ("layout", s("box")),
                        ("equalWeightButtons", J::Bool(true)),
                        ("flipButtons", J::Bool(false)),
                    ]),
                ),
            ]),
        ),
        ("categories", J::Obj(categories)),
        (
            "language",
            obj([
                ("default", s(lang.code())),
                (
                    "translations",
                    J::Obj(vec![(lang.code().to_string(), translation)]),
                ),
            ]),
        ),
    ]))
}

/// "a", "a and b", "a, b and c".
fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// The first-party cookies of some items, as the banner matches them. Third-party cookies
/// belong to another domain and cannot be removed by the shop's page; storage items and
/// pixels are no cookies.
fn clearable(items: &[&CookieItem]) -> Vec<J> {
    let mut out = Vec::new();
    for item in items.iter().copied() {
        if item.party != Party::First || item.kind != Kind::Cookie {
            continue;
        }
        for n in names(item) {
            out.push(match name_match(n) {
                NameMatch::Exact(n) => obj([("name", J::Str(n))]),
                NameMatch::Pattern(re) => obj([("name", J::Str(re)), ("regex", J::Bool(true))]),
            });
        }
    }
    out
}

/// Changes when the switchable categories or their services change, so the banner asks
/// again (the package compares it with the number stored with the visitor's choice).
fn revision(buckets: &[Bucket]) -> u32 {
    let mut keys: Vec<String> = buckets
        .iter()
        .filter(|b| b.switchable)
        .flat_map(|b| {
            b.services
                .iter()
                .map(move |s| format!("{}/{}", b.key, s.key))
        })
        .collect();
    keys.sort();
    // FNV-1a: stable across runs and platforms.
    let mut h: u32 = 0x811c_9dc5;
    for b in keys.join(",").bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % 1_000_000
}
