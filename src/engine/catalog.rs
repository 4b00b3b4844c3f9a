//! The provider catalog (assets/catalog/*.toml, schema v2: docs/catalog-schema.md) and the
//! section descriptions (assets/sections.toml).

use std::collections::HashMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::answers::CustomProvider;
use super::countries::Countries;
use super::error::EngineError;
use super::section::Section;

/// What a provider is for one activity (art. 4(7), 4(8), 26, 28 AVG).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Processes on the shop's behalf, under a processor agreement.
    #[serde(alias = "verwerker")]
    Processor,
    /// Decides itself what it does with the data; its own privacy statement applies.
    #[serde(alias = "verantwoordelijke")]
    Controller,
    /// Decides together with the shop (e.g. collecting with an ad pixel, Fashion ID).
    JointController,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Processor, Role::Controller, Role::JointController];

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn id(self) -> &'static str {
        match self {
            Role::Processor => "processor",
            Role::Controller => "controller",
            Role::JointController => "joint_controller",
        }
    }

    /// Dutch, for lists and tables.
    pub fn label(self) -> &'static str {
        match self {
            Role::Processor => "verwerker",
            Role::Controller => "zelf verantwoordelijk",
            Role::JointController => "samen met ons verantwoordelijk",
        }
    }
}

/// What a transfer to one country outside the EEA rests on (art. 45–47 AVG).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Safeguard {
    /// The country has an adequacy decision (assets/adequacy.toml).
    Adequacy,
    /// The US company is certified under the EU-US Data Privacy Framework.
    Dpf,
    /// Standard contractual clauses of the European Commission.
    Scc,
    /// Binding corporate rules approved by an EU supervisory authority.
    Bcr,
    /// The provider names no safeguard the AVG recognises.
    NoneKnown,
}

impl Safeguard {
    pub const ALL: [Safeguard; 5] = [
        Safeguard::Adequacy,
        Safeguard::Dpf,
        Safeguard::Scc,
        Safeguard::Bcr,
        Safeguard::NoneKnown,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Safeguard::Adequacy => "adequacy",
            Safeguard::Dpf => "dpf",
            Safeguard::Scc => "scc",
            Safeguard::Bcr => "bcr",
            Safeguard::NoneKnown => "none_known",
        }
    }

    pub fn from_id(id: &str) -> Option<Safeguard> {
        Safeguard::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Short Dutch label, for forms.
    pub fn label(self) -> &'static str {
        match self {
            Safeguard::Adequacy => "adequaatheidsbesluit",
            Safeguard::Dpf => "EU-VS Data Privacy Framework",
            Safeguard::Scc => "standaardcontractbepalingen",
            Safeguard::Bcr => "bindende bedrijfsvoorschriften",
            Safeguard::NoneKnown => "geen waarborg bekend",
        }
    }
}

/// Who handles requests about the joint part of a joint controllership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JointContact {
    Shop,
    Provider,
    Both,
}

impl JointContact {
    pub const ALL: [JointContact; 3] = [
        JointContact::Shop,
        JointContact::Provider,
        JointContact::Both,
    ];

    pub fn from_id(id: &str) -> Option<JointContact> {
        JointContact::ALL.into_iter().find(|c| c.id() == id)
    }

    pub fn id(self) -> &'static str {
        match self {
            JointContact::Shop => "shop",
            JointContact::Provider => "provider",
            JointContact::Both => "both",
        }
    }

    /// Short Dutch label, for forms.
    pub fn label(self) -> &'static str {
        match self {
            JointContact::Shop => "wij",
            JointContact::Provider => "de aanbieder",
            JointContact::Both => "wij en de aanbieder",
        }
    }
}

/// Cookie categories (Tw 11.7a): only `necessary` needs no consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CookieCategory {
    Necessary,
    Preferences,
    Statistics,
    Marketing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CookieKind {
    #[default]
    Cookie,
    LocalStorage,
    Pixel,
    Script,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    First,
    Third,
}

/// How the processor agreement is concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementHow {
    /// Part of the general terms.
    Terms,
    /// Accepted or signed in the account.
    Dashboard,
    /// Sent on request.
    Request,
    Unknown,
}

impl AgreementHow {
    pub const ALL: [AgreementHow; 4] = [
        AgreementHow::Terms,
        AgreementHow::Dashboard,
        AgreementHow::Request,
        AgreementHow::Unknown,
    ];

    pub fn from_id(id: &str) -> Option<AgreementHow> {
        AgreementHow::ALL.into_iter().find(|a| a.id() == id)
    }

    pub fn id(self) -> &'static str {
        match self {
            AgreementHow::Terms => "terms",
            AgreementHow::Dashboard => "dashboard",
            AgreementHow::Request => "request",
            AgreementHow::Unknown => "unknown",
        }
    }

    /// Short Dutch label, for forms.
    pub fn label(self) -> &'static str {
        match self {
            AgreementHow::Terms => "in de algemene voorwaarden",
            AgreementHow::Dashboard => "getekend of geaccepteerd in het account",
            AgreementHow::Request => "op verzoek",
            AgreementHow::Unknown => "onbekend",
        }
    }
}

/// The facts not confirmed from a source, by name.
pub const UNVERIFIED_VOCABULARY: [&str; 8] = [
    "company",
    "country",
    "role",
    "data",
    "transfers",
    "agreement",
    "cookies",
    "privacy_url",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub publishes: Vec<String>,
}

/// A yes/no question about how the shop set a provider up: yes is the entry that carries it,
/// no is the entry `otherwise` (same sections).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setup {
    pub question: String,
    /// What "yes" means, one condition a line.
    #[serde(default)]
    pub conditions: Vec<String>,
    pub otherwise: String,
}

/// What a provider does for the shop in one section, with its role and the data it receives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub section: Section,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub role: Role,
    pub data: Vec<String>,
    #[serde(default)]
    pub profiling: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publishes: Vec<String>,
    /// Cookies section: what kind of tool it is (else derived from its cookies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<CookieCategory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_covers: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_contact: Option<JointContact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_url: Option<String>,
}

/// Personal data going to one country outside the EEA.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    pub country: String,
    pub safeguard: Safeguard,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub how: AgreementHow,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The company and privacy statement behind the free personal account of a product whose
/// catalog entry describes the business package (Gmail: Google Ireland Limited, not Google Cloud).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsumerAccount {
    pub company: String,
    pub privacy_url: String,
}

/// One cookie, storage item, pixel or script a provider puts in the visitor's browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    pub name: String,
    pub party: Party,
    pub purpose: String,
    pub lifetime: String,
    pub category: CookieCategory,
    #[serde(default)]
    pub kind: CookieKind,
    /// English purpose and lifetime, for `--lang en` (see src/engine/cookies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime_en: Option<String>,
    /// Overrides the provider's `consent` for this item (cookies::needs_consent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub id: String,
    pub name: String,
    /// Name used in the policy text when `name` carries a distinction only the wizard needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub company: String,
    pub country: String,
    pub description: String,
    pub privacy_url: String,
    /// Software on the shop's own hosting: the company behind it receives nothing.
    #[serde(default)]
    pub self_hosted: bool,
    #[serde(default)]
    pub credit_check: bool,
    /// Does what it puts in the visitor's browser need prior consent (Tw 11.7a)?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_reason: Option<String>,
    /// The privacy-friendlier choice a shop can make instead (Dutch phrase), where one exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// The date the facts were checked against the sources (YYYY-MM-DD).
    #[serde(default, deserialize_with = "date_in")]
    pub checked: Option<String>,
    #[serde(default)]
    pub unverified: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(rename(deserialize = "activity", serialize = "activities"), default)]
    pub activities: Vec<Activity>,
    #[serde(rename(deserialize = "transfer", serialize = "transfers"), default)]
    pub transfers: Vec<Transfer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// Who decides when the shop uses the free personal account of the same product (a
    /// consumer mailbox such as @gmail.com) instead of the business package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumer: Option<ConsumerAccount>,
    #[serde(rename(deserialize = "cookie", serialize = "cookies"), default)]
    pub cookies: Vec<Cookie>,
    #[serde(rename(deserialize = "variant", serialize = "variants"), default)]
    pub variants: Vec<Variant>,
    /// One question that decides between this entry (yes) and another (no), so the wizard
    /// shows the two as one row (Google Analytics set up as the AP describes, or not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup: Option<Setup>,
    /// The sections it serves, derived from its activities (in section order).
    #[serde(skip_deserializing)]
    pub sections: Vec<Section>,
    /// True for a shop's own `[[custom_provider]]`, never in catalog files.
    #[serde(skip_deserializing)]
    pub custom: bool,
}

fn date_in<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum DateOrText {
        Date(toml::value::Datetime),
        Text(String),
    }
    Ok(Some(match DateOrText::deserialize(d)? {
        DateOrText::Date(dt) => dt.to_string(),
        DateOrText::Text(s) => s,
    }))
}

impl Provider {
    pub fn serves(&self, s: Section) -> bool {
        self.sections.contains(&s)
    }

    /// Fills the derived `sections` from the activities.
    pub fn derive(&mut self) {
        let mut secs: Vec<Section> = self.activities.iter().map(|a| a.section).collect();
        secs.sort();
        secs.dedup();
        self.sections = secs;
    }

    /// The activities in one section (several when a section has named sub-activities).
    pub fn activities_in(&self, s: Section) -> impl Iterator<Item = &Activity> {
        self.activities.iter().filter(move |a| a.section == s)
    }

    /// The role in a section: the first activity's role there (processor when it has none).
    pub fn role_in(&self, s: Section) -> Role {
        self.activities_in(s)
            .next()
            .map_or(Role::Processor, |a| a.role)
    }

    /// The data it receives for a section, over all its activities there, without repeats.
    pub fn data_in(&self, s: Section) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for a in self.activities_in(s) {
            for d in &a.data {
                if !out.contains(d) {
                    out.push(d.clone());
                }
            }
        }
        out
    }

    /// Any activity builds profiles (advertising, cross-site tracking).
    pub fn profiling(&self) -> bool {
        self.activities.iter().any(|a| a.profiling)
    }

    pub fn is_processor_anywhere(&self) -> bool {
        self.activities.iter().any(|a| a.role == Role::Processor)
    }

    pub fn outside_eea(&self) -> bool {
        !self.transfers.is_empty()
    }

    pub fn transfer_countries(&self) -> Vec<&str> {
        self.transfers.iter().map(|t| t.country.as_str()).collect()
    }

    /// Needs prior consent for what it puts in the browser (the entry's `consent`).
    pub fn needs_consent(&self) -> bool {
        self.consent == Some(true)
    }

    /// Puts anything in the browser that needs prior consent: the entry says so, or one of its
    /// cookies does (Shopify's statistics cookies on an otherwise necessary platform).
    pub fn asks_consent_for_something(&self) -> bool {
        self.needs_consent() || self.cookies.iter().any(|c| c.consent == Some(true))
    }

    /// What kind of cookie tool it is: the activity's category, else its cookies' highest, else
    /// marketing when it profiles, else statistics.
    pub fn cookie_category(&self) -> CookieCategory {
        self.activities_in(Section::Cookies)
            .find_map(|a| a.category)
            .or_else(|| self.cookies.iter().map(|c| c.category).max())
            .unwrap_or(if self.profiling() {
                CookieCategory::Marketing
            } else {
                CookieCategory::Statistics
            })
    }

    /// What reviews it publishes with a review by default (the reviews activities).
    pub fn publishes(&self) -> Vec<String> {
        self.activities
            .iter()
            .flat_map(|a| a.publishes.iter().cloned())
            .fold(Vec::new(), |mut acc, x| {
                if !acc.contains(&x) {
                    acc.push(x);
                }
                acc
            })
    }

    /// Text the wizard's type-to-filter search matches against.
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim().to_lowercase();
        q.is_empty()
            || self.id.contains(&q)
            || self.name.to_lowercase().contains(&q)
            || self.company.to_lowercase().contains(&q)
            || self.aliases.iter().any(|a| a.to_lowercase().contains(&q))
    }

    /// A one-line summary for lists: where it is based and what it receives.
    pub fn summary(&self) -> String {
        let place = if self.outside_eea() {
            format!(
                "{}; gegevens naar {}",
                self.country,
                self.transfer_countries().join(", ")
            )
        } else {
            self.country.clone()
        };
        let data = self
            .sections
            .first()
            .map(|s| self.data_in(*s))
            .unwrap_or_default();
        if data.is_empty() {
            format!("{} — {place}.", self.description)
        } else {
            format!(
                "{} — {place}. Ontvangt: {}.",
                self.description,
                data.join(", ")
            )
        }
    }
}

/// Everything wrong with one catalog entry, in Dutch (empty when it is sound).
pub fn entry_problems(p: &Provider, countries: &Countries) -> Vec<String> {
    let mut out = Vec::new();
    if p.activities.is_empty() {
        out.push("geen [[provider.activity]]".to_string());
    }
    if p.privacy_url.trim().is_empty() {
        out.push("privacy_url ontbreekt".into());
    }
    match p.checked.as_deref() {
        None => out.push("checked (datum van controle) ontbreekt".into()),
        Some(d) if super::rules::parse_date(d).is_none() => {
            out.push(format!("checked `{d}` is geen datum (JJJJ-MM-DD)"))
        }
        _ => {}
    }
    for u in &p.unverified {
        if !UNVERIFIED_VOCABULARY.contains(&u.as_str()) {
            out.push(format!(
                "unverified `{u}` onbekend; kies uit {}",
                UNVERIFIED_VOCABULARY.join(", ")
            ));
        }
    }
    let mut ids = std::collections::HashSet::new();
    for a in &p.activities {
        let what = format!("activiteit {}", a.id.as_deref().unwrap_or(a.section.id()));
        if let Some(id) = &a.id {
            if !ids.insert(id.clone()) {
                out.push(format!("{what}: id staat er twee keer"));
            }
            if a.label.is_none() {
                out.push(format!(
                    "{what}: een activiteit met id heeft een label nodig"
                ));
            }
        }
        let joint = a.role == Role::JointController;
        if joint && (a.joint_covers.is_none() || a.joint_contact.is_none()) {
            out.push(format!(
                "{what}: joint_controller vraagt joint_covers en joint_contact"
            ));
        }
        if !joint && (a.joint_covers.is_some() || a.joint_contact.is_some()) {
            out.push(format!("{what}: joint_* hoort alleen bij joint_controller"));
        }
    }
    if (p.serves(Section::Cookies) || p.serves(Section::WebsiteTools)) && p.consent.is_none() {
        out.push(
            "consent ontbreekt (verplicht voor cookies, pixels, scripts en ingesloten inhoud)"
                .into(),
        );
    }
    if p.agreement.is_some() && !p.is_processor_anywhere() {
        out.push("agreement hoort alleen bij een verwerker".into());
    }
    let mut seen = std::collections::HashSet::new();
    for t in &p.transfers {
        if !seen.insert(t.country.to_lowercase()) {
            out.push(format!("transfer naar {} staat er twee keer", t.country));
        }
        if let Some(m) = countries.safeguard_problem(&t.country, t.safeguard) {
            out.push(format!("transfer naar {}: {m}", t.country));
        }
    }
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    provider: Vec<Provider>,
}

#[derive(Debug, Clone)]
pub struct Catalog {
    providers: Vec<Provider>,
    index: HashMap<String, usize>,
    countries: Countries,
    /// Per section: the role and data an own provider gets by default (assets/sections.toml).
    defaults: HashMap<Section, (Role, Vec<String>)>,
}

impl Catalog {
    /// Parses catalog files (name, text); checks the rules every entry must meet, with the
    /// embedded country lists.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Catalog, EngineError> {
        Catalog::from_files_with(files, Countries::embedded()?)
    }

    pub fn from_files_with<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        countries: Countries,
    ) -> Result<Catalog, EngineError> {
        let mut providers = Vec::new();
        for (name, text) in files {
            let file: CatalogFile = toml::from_str(text).map_err(|e| EngineError::Asset {
                what: format!("catalog/{name}"),
                message: super::error::ParseError::from_toml(text, &e).to_string(),
            })?;
            providers.extend(file.provider);
        }
        let mut index = HashMap::new();
        for (i, p) in providers.iter_mut().enumerate() {
            p.derive();
            let bad = |m: &str| EngineError::Asset {
                what: format!("catalog, provider `{}`", p.id),
                message: m.to_string(),
            };
            if index.insert(p.id.clone(), i).is_some() {
                return Err(bad("id staat er twee keer in"));
            }
            let problems = entry_problems(p, &countries);
            if !problems.is_empty() {
                return Err(bad(&problems.join("; ")));
            }
        }
        for p in &providers {
            let Some(setup) = &p.setup else { continue };
            let other = index.get(&setup.otherwise).map(|&i| &providers[i]);
            if other.is_none_or(|o| o.sections != p.sections || o.setup.is_some()) {
                return Err(EngineError::Asset {
                    what: format!("catalog, provider `{}`", p.id),
                    message: format!(
                        "setup.otherwise `{}`: moet een andere aanbieder zonder setup in dezelfde secties zijn",
                        setup.otherwise
                    ),
                });
            }
        }
        Ok(Catalog {
            providers,
            index,
            countries,
            defaults: HashMap::new(),
        })
    }

    /// Takes the defaults for own providers from the section descriptions.
    pub fn with_section_defaults(mut self, sections: &[SectionInfo]) -> Catalog {
        for s in sections {
            self.defaults
                .insert(s.id, (s.default_role, s.default_data.clone()));
        }
        self
    }

    /// The role and data an own provider gets in a section when the answers are silent.
    pub fn section_default(&self, s: Section) -> (Role, Vec<String>) {
        self.defaults
            .get(&s)
            .cloned()
            .unwrap_or((Role::Processor, vec![]))
    }

    /// An own provider from the answers as a provider with the same facts as a catalog entry.
    /// Never fails: what `check` reports as wrong falls back to the section's default, an EEA
    /// country is no transfer, and a missing safeguard is `none_known` (never an invented one).
    pub fn custom_provider(&self, c: &CustomProvider) -> Provider {
        let mut secs: Vec<Section> = c
            .sections
            .iter()
            .chain(c.activities.iter().map(|a| &a.section))
            .filter_map(|s| Section::from_id(s))
            .collect();
        secs.sort();
        secs.dedup();
        let activities: Vec<Activity> = secs
            .into_iter()
            .map(|section| {
                let long = c
                    .activities
                    .iter()
                    .find(|a| Section::from_id(&a.section) == Some(section));
                let (def_role, def_data) = self.section_default(section);
                let role = long
                    .and_then(|a| a.role.as_deref())
                    .or(c.role.as_deref())
                    .and_then(Role::from_id)
                    .unwrap_or(def_role);
                let data = long
                    .and_then(|a| a.data.clone())
                    .or_else(|| c.data.clone())
                    .unwrap_or(def_data);
                let joint = role == Role::JointController;
                Activity {
                    section,
                    id: None,
                    label: None,
                    role,
                    data,
                    profiling: long
                        .and_then(|a| a.profiling)
                        .or(c.profiling)
                        .unwrap_or(false),
                    publishes: vec![],
                    category: None,
                    joint_covers: joint.then(|| {
                        long.and_then(|a| a.joint_covers.clone())
                            .unwrap_or_else(|| "het verzamelen van gegevens op onze website".into())
                    }),
                    joint_contact: joint.then(|| {
                        long.and_then(|a| a.joint_contact.as_deref())
                            .and_then(JointContact::from_id)
                            .unwrap_or(JointContact::Shop)
                    }),
                    joint_url: None,
                }
            })
            .collect();
        let mut listed = c.transfer_list();
        if listed.is_empty() {
            if let Some(country) = c.country.as_deref().filter(|x| !x.trim().is_empty()) {
                if !self.countries.is_eea(country) {
                    // Established outside the EEA: the data go there, whatever the answers forgot.
                    listed.push(super::answers::CustomTransfer {
                        country: country.to_string(),
                        safeguard: None,
                    });
                }
            }
        }
        let transfers = listed
            .into_iter()
            .filter(|t| !t.country.trim().is_empty() && !self.countries.is_eea(&t.country))
            .map(|t| Transfer {
                country: self
                    .countries
                    .canonical(&t.country)
                    .unwrap_or_else(|| t.country.trim().to_string()),
                safeguard: t
                    .safeguard
                    .as_deref()
                    .and_then(Safeguard::from_id)
                    .filter(|sg| self.countries.safeguard_problem(&t.country, *sg).is_none())
                    .unwrap_or(Safeguard::NoneKnown),
                note: None,
            })
            .collect();
        let mut p = Provider {
            id: c.id.clone(),
            name: c.name.clone(),
            short_name: None,
            aliases: vec![],
            company: c
                .company
                .clone()
                .filter(|x| !x.trim().is_empty())
                .unwrap_or_else(|| c.name.clone()),
            country: c
                .country
                .clone()
                .filter(|x| !x.trim().is_empty())
                .unwrap_or_else(|| "Nederland".into()),
            description: "Eigen toevoeging van de webwinkel".into(),
            privacy_url: c.privacy_url.clone().unwrap_or_default(),
            self_hosted: false,
            credit_check: false,
            consent: c.consent,
            consent_reason: None,
            alternative: None,
            sources: vec![],
            checked: None,
            unverified: vec![],
            notes: None,
            activities,
            transfers,
            agreement: c
                .agreement
                .as_deref()
                .and_then(AgreementHow::from_id)
                .map(|how| Agreement {
                    how,
                    url: c.agreement_url.clone(),
                }),
            cookies: vec![],
            variants: vec![],
            setup: None,
            consumer: None,
            sections: vec![],
            custom: true,
        };
        p.derive();
        if p.consent.is_none() && p.serves(Section::Cookies) {
            // An own cookie tool: on the safe side, consent is asked.
            p.consent = Some(true);
        }
        p
    }

    pub fn countries(&self) -> &Countries {
        &self.countries
    }

    pub fn get(&self, id: &str) -> Option<&Provider> {
        self.index.get(id).map(|&i| &self.providers[i])
    }

    /// The setup question `id` takes part in: (the "yes" entry, its question), for the "yes"
    /// entry and for its `otherwise` alike.
    pub fn setup_of(&self, id: &str) -> Option<(&Provider, &Setup)> {
        let p = self.get(id)?;
        if let Some(s) = &p.setup {
            return Some((p, s));
        }
        self.providers.iter().find_map(|y| {
            y.setup
                .as_ref()
                .filter(|s| s.otherwise == id)
                .map(|s| (y, s))
        })
    }

    /// True for an entry that is the "no" answer of another entry's setup question: lists
    /// show only the entry with the question.
    pub fn is_otherwise(&self, id: &str) -> bool {
        self.providers
            .iter()
            .any(|y| y.setup.as_ref().is_some_and(|s| s.otherwise == id))
    }

    pub fn all(&self) -> &[Provider] {
        &self.providers
    }

    pub fn in_section(&self, s: Section) -> impl Iterator<Item = &Provider> {
        self.providers.iter().filter(move |p| p.serves(s))
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.providers.iter().map(|p| p.id.as_str())
    }
}

/// What the wizard asks per section and which providers it offers first.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionInfo {
    pub id: Section,
    pub title: String,
    pub question: String,
    pub help: String,
    #[serde(default)]
    pub common: Vec<String>,
    /// The role an own provider gets here unless the answers say otherwise.
    pub default_role: Role,
    /// The data an own provider receives here unless the answers say otherwise.
    pub default_data: Vec<String>,
    /// An own provider this step offers by name (e.g. "own bookkeeper or accountant").
    #[serde(default)]
    pub own: Option<OwnChoice>,
}

/// A kind of own provider a step offers as a choice of its own: it opens the own-provider
/// form, and says what each role means for it (`[section.own]` in assets/sections.toml).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnChoice {
    /// The item in the step's list.
    pub label: String,
    /// What to fill in as its name.
    pub name_help: String,
    /// How to choose its role.
    pub role_help: String,
    /// Per role id: what that role means for it here.
    #[serde(default)]
    pub roles: std::collections::BTreeMap<String, String>,
}

impl OwnChoice {
    /// What a role means for this kind of provider, or the role's own label.
    pub fn role_label(&self, r: Role) -> String {
        self.roles
            .get(r.id())
            .cloned()
            .unwrap_or_else(|| r.label().to_string())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsFile {
    section: Vec<SectionInfo>,
}

pub fn parse_sections(text: &str) -> Result<Vec<SectionInfo>, EngineError> {
    let file: SectionsFile = toml::from_str(text).map_err(|e| EngineError::Asset {
        what: "sections.toml".into(),
        message: super::error::ParseError::from_toml(text, &e).to_string(),
    })?;
    let ordered: Vec<Section> = file.section.iter().map(|s| s.id).collect();
    if ordered != Section::ALL {
        return Err(EngineError::Asset {
            what: "sections.toml".into(),
            message: "elke sectie precies één keer, in de vaste volgorde".into(),
        });
    }
    Ok(file.section)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = r#"
[[provider]]
id = "x"
name = "X"
company = "X B.V."
country = "Nederland"
description = "Test"
privacy_url = "https://x.nl/privacy"
sources = ["https://x.nl/privacy"]
checked = 2026-11-25
unverified = []

[[provider.activity]]
section = "payments"
role = "controller"
data = ["naam"]
"#;

    #[test]
    fn an_own_provider_outside_the_eea_sends_data_to_its_country() {
        let cat = Catalog::from_files([("a.toml", ENTRY)]).unwrap();
        let p = cat.custom_provider(&CustomProvider {
            id: "wolkje".into(),
            name: "Wolkje".into(),
            country: Some("Verenigde Staten".into()),
            outside_eea: Some(true),
            safeguard: Some("dpf".into()),
            ..Default::default()
        });
        assert_eq!(p.transfer_countries(), ["Verenigde Staten"]);
        assert_eq!(p.transfers[0].safeguard, Safeguard::Dpf);
        let inside = cat.custom_provider(&CustomProvider {
            id: "eigen".into(),
            name: "Eigen".into(),
            ..Default::default()
        });
        assert!(inside.transfers.is_empty());
    }

    #[test]
    fn summary_leaves_out_an_empty_data_list() {
        let c = Catalog::from_files([("a.toml", ENTRY)]).unwrap();
        assert_eq!(
            c.get("x").unwrap().summary(),
            "Test — Nederland. Ontvangt: naam."
        );
        let custom = c.custom_provider(&CustomProvider {
            id: "eigen".into(),
            name: "Eigen".into(),
            ..Default::default()
        });
        assert!(
            !custom.summary().contains("Ontvangt"),
            "{}",
            custom.summary()
        );
    }

    #[test]
    fn loads_and_indexes() {
        let c = Catalog::from_files([("a.toml", ENTRY)]).unwrap();
        let x = c.get("x").unwrap();
        assert!(x.serves(Section::Payments));
        assert_eq!(x.sections, [Section::Payments]);
        assert_eq!(x.role_in(Section::Payments), Role::Controller);
        assert_eq!(x.checked.as_deref(), Some("2026-11-25"));
        assert!(c.get("y").is_none());
        assert!(x.matches("x b.v"));
    }

    #[test]
    fn rejects_what_the_schema_forbids() {
        let err = Catalog::from_files([("a.toml", ENTRY), ("b.toml", ENTRY)]).unwrap_err();
        assert!(err.to_string().contains("twee keer"), "{err}");
        let with = |extra: &str| ENTRY.to_string() + extra;
        for (extra, why) in [
            (
                "\n[[provider.transfer]]\ncountry = \"Canada\"\nsafeguard = \"dpf\"\n",
                "alleen voor de Verenigde Staten",
            ),
            (
                "\n[[provider.transfer]]\ncountry = \"China\"\nsafeguard = \"adequacy\"\n",
                "geen adequaatheidsbesluit",
            ),
            (
                "\n[[provider.transfer]]\ncountry = \"Ierland\"\nsafeguard = \"scc\"\n",
                "ligt in de EER",
            ),
            (
                "\n[[provider.activity]]\nsection = \"cookies\"\nrole = \"joint_controller\"\ndata = []\n",
                "joint_covers",
            ),
        ] {
            let err = Catalog::from_files([("a.toml", with(extra).as_str())]).unwrap_err();
            assert!(err.to_string().contains(why), "{extra}: {err}");
        }
        let bad = ENTRY.replace("unverified = []", "unverified = [\"kleur\"]");
        assert!(Catalog::from_files([("a.toml", bad.as_str())]).is_err());
        let no_date = ENTRY.replace("checked = 2026-11-25\n", "");
        assert!(Catalog::from_files([("a.toml", no_date.as_str())]).is_err());
        let typo = ENTRY.replace("role = \"controller\"", "role = \"boss\"");
        let err = Catalog::from_files([("a.toml", typo.as_str())]).unwrap_err();
        assert!(err.to_string().contains("catalog/a.toml"), "{err}");
    }

    #[test]
    fn json_exposes_every_fact() {
        let c = Catalog::from_files([("a.toml", ENTRY)]).unwrap();
        let json = serde_json::to_value(c.get("x").unwrap()).unwrap();
        for key in [
            "sources",
            "checked",
            "unverified",
            "activities",
            "transfers",
            "cookies",
            "sections",
            "privacy_url",
        ] {
            assert!(json.get(key).is_some(), "{key} missing in {json}");
        }
        assert_eq!(json["activities"][0]["role"], "controller");
    }

    #[test]
    fn sections_file_must_list_every_section_in_order() {
        assert!(parse_sections(
            "[[section]]\nid = \"webshop\"\ntitle = \"W\"\nquestion = \"?\"\nhelp = \"h\"\n"
        )
        .is_err());
    }
}
