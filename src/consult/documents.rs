//! The documents beside the policy (issue 9), from the same answers and catalog facts:
//! - the register of processing activities for the shop as controller (art. 30(1) AVG):
//!   per purpose the legal basis, data subjects, personal data, recipients, transfers with
//!   their safeguard, retention and security measures; also as CSV, one row per purpose;
//! - the processor agreements the shop must have (art. 28 AVG), with how each is concluded
//!   and whether the answers record it, and apart the controllers and joint controllers.
//!
//! The purposes and wording are data (assets/register.toml); facts not confirmed from a
//! source are marked as such. Both documents follow `[policy] language` and `tone`: the
//! wording per voice comes from register.toml's `[text.<voice>]`, catalog words in English
//! from assets/i18n/glossary-en.toml.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::facts::{chosen_ids, effective_answers};
use crate::engine::catalog::{AgreementHow, JointContact, Provider, Role};
use crate::engine::document::{wrap_user, Document, LINK_END, LINK_MID, LINK_START};
use crate::engine::lang::{self, Lang, Term, Voice};
use crate::engine::validate::lookup;
use crate::engine::{format, Answers, Catalog, Engine, Format, Section};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterData {
    purpose: Vec<PurposeDef>,
    /// voice key → wording key → text
    text: BTreeMap<String, BTreeMap<String, String>>,
}

/// A purpose's words in English.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PurposeEn {
    name: String,
    basis: String,
    subjects: Vec<String>,
    data: Vec<String>,
    retention: String,
    #[serde(default)]
    retention_max: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PurposeDef {
    id: String,
    name: String,
    basis: String,
    subjects: Vec<String>,
    data: Vec<String>,
    sections: Vec<Section>,
    #[serde(default)]
    only: Option<String>,
    retention: String,
    #[serde(default)]
    retention_max: Option<String>,
    when: String,
    #[serde(default = "yes")]
    provider_data: bool,
    en: PurposeEn,
}

fn yes() -> bool {
    true
}

fn data() -> &'static RegisterData {
    static D: OnceLock<RegisterData> = OnceLock::new();
    D.get_or_init(|| {
        let text = crate::engine::assets::asset("register.toml").unwrap_or_default();
        toml::from_str(text).unwrap_or(RegisterData {
            purpose: vec![],
            text: Default::default(),
        })
    })
}

/// The words of one voice for these documents. A key missing in a voice is caught by the
/// tests (every voice has nl-u's keys); here it shows as the key in brackets, never as
/// another voice's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Words {
    voice: Voice,
}

impl Words {
    fn of(a: &Answers) -> Words {
        Words {
            voice: lang::voice_of(a),
        }
    }

    fn lang(self) -> Lang {
        self.voice.lang
    }

    fn t(self, key: &str) -> String {
        data()
            .text
            .get(self.voice.key())
            .and_then(|m| m.get(key))
            .cloned()
            .unwrap_or_else(|| format!("[{key}]"))
    }

    fn fill(self, key: &str, with: &[(&str, &str)]) -> String {
        let mut s = self.t(key);
        for (k, v) in with {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    fn list<S: AsRef<str>>(self, items: &[S]) -> String {
        lang::list(items, self.lang())
    }

    fn date(self, iso: &str) -> String {
        lang::date(iso, self.lang()).unwrap_or_else(|| iso.to_string())
    }

    /// A catalog word (data label, country, what a joint part covers) in the voice's
    /// language. tests/lang.rs holds that every catalog word has its English label; a word a
    /// user typed for an own provider stays as typed when the glossary does not know it.
    fn term(self, term: Term, nl: &str) -> String {
        match self.lang() {
            Lang::Nl => nl.to_string(),
            Lang::En => lang::glossary()
                .ok()
                .and_then(|g| g.get(term, nl).ok())
                .map(|en| en.strip_prefix("the ").unwrap_or(en).to_string())
                .unwrap_or_else(|| nl.to_string()),
        }
    }

    /// "één verwerker, de overeenkomst is vastgelegd", "6 verwerkers, van 2 is de
    /// overeenkomst vastgelegd": the number decides the words, never "verwerker(s)".
    fn processor_count(self, n: usize, recorded: usize) -> String {
        let key = match (n, recorded) {
            (0, _) => "count_none",
            (1, 0) => "count_one",
            (1, _) => "count_one_recorded",
            (_, 0) => "count_many",
            (n, r) if r >= n => "count_many_all",
            (_, 1) => "count_many_one",
            _ => "count_many_some",
        };
        let words = |x: usize| lang::number(x as u32, self.lang());
        self.fill(key, &[("n", &words(n)), ("recorded", &words(recorded))])
    }

    fn activity(self, act: &crate::engine::catalog::Activity) -> String {
        match &act.label {
            Some(l) => self.term(Term::Activity, l),
            None => self.t(&format!("section_{}", act.section.id())),
        }
    }
}

/// The wording keys of every voice, for the test that they agree.
pub fn text_keys() -> Vec<(String, Vec<String>)> {
    data()
        .text
        .iter()
        .map(|(v, m)| (v.clone(), m.keys().cloned().collect()))
        .collect()
}

/// One row of the register.
#[derive(Debug, Clone, PartialEq)]
pub struct Purpose {
    pub id: String,
    pub name: String,
    pub basis: String,
    pub subjects: Vec<String>,
    pub data: Vec<String>,
    /// "Mollie (Mollie B.V., Nederland; verwerker)"
    pub recipients: Vec<String>,
    /// "Mailchimp: Verenigde Staten (EU-VS Data Privacy Framework)"
    pub transfers: Vec<String>,
    pub retention: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Register {
    pub shop: String,
    pub controller_lines: Vec<String>,
    pub contact: Option<String>,
    pub dpo: Option<String>,
    /// "Meta-pixel (Meta Platforms Ireland Ltd.): het verzamelen …"
    pub joint: Vec<String>,
    pub purposes: Vec<Purpose>,
    pub security: String,
    pub date: String,
    pub voice: Voice,
}

fn provider_name(p: &Provider) -> &str {
    p.short_name.as_deref().unwrap_or(&p.name)
}

fn unverified(p: &Provider, what: &str, w: Words) -> String {
    if p.unverified.iter().any(|u| u == what) {
        w.t("unverified")
    } else {
        String::new()
    }
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x.eq_ignore_ascii_case(item)) {
        list.push(item.to_string());
    }
}

/// The chosen providers of a section, as the policy has them (own providers included).
fn chosen_in(a: &Answers, catalog: &Catalog, s: Section) -> Vec<Provider> {
    let mut out: Vec<Provider> = Vec::new();
    for id in a.providers.get(s) {
        if let Some(p) = lookup(a, catalog, id) {
            if p.serves(s) && !out.iter().any(|x| x.id == p.id) {
                out.push(p);
            }
        }
    }
    out
}

fn role_label(r: Role, w: Words) -> String {
    w.t(&format!("role_{}", r.id()))
}

pub fn register(engine: &Engine, answers: &Answers, today: &str) -> Register {
    register_with(engine.catalog(), &effective_answers(engine, answers), today)
}

/// The register from answers already layered over their preset.
pub fn register_with(catalog: &Catalog, a: &Answers, today: &str) -> Register {
    let d = data();
    let w = Words::of(a);
    let shop = a.shop.name.clone().unwrap_or_else(|| w.t("placeholder"));
    let s = &a.shop;
    let mut controller_lines = vec![match &s.operator {
        Some(op) => w.fill("trading_as", &[("operator", op), ("shop", &shop)]),
        None => shop.clone(),
    }];
    if let Some(street) = &s.street {
        controller_lines.push(street.clone());
    }
    let place: Vec<&str> = [s.postcode.as_deref(), s.city.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !place.is_empty() {
        controller_lines.push(place.join(" "));
    }
    for (label, v) in [
        ("email", &s.email),
        ("phone", &s.phone),
        ("kvk", &s.kvk),
        ("website", &s.website),
    ] {
        if let Some(v) = v {
            controller_lines.push(format!("{}: {v}", w.t(label)));
        }
    }
    let chosen: Vec<Provider> = chosen_ids(a)
        .iter()
        .filter_map(|id| lookup(a, catalog, id))
        .collect();
    let mut joint = Vec::new();
    for p in &chosen {
        for act in p
            .activities
            .iter()
            .filter(|x| x.role == Role::JointController)
        {
            if a.providers.get(act.section).contains(&p.id) {
                let covers = match &act.joint_covers {
                    Some(c) if p.custom => c.clone(),
                    Some(c) => w.term(Term::JointCovers, c),
                    None => w.t("joint_default"),
                };
                joint.push(format!("{} ({}): {covers}", provider_name(p), p.company));
            }
        }
    }
    let has = |s: Section| !a.providers.get(s).is_empty();
    let cookie_tools = chosen_in(a, catalog, Section::Cookies);
    let mut purposes = Vec::new();
    for def in &d.purpose {
        let holds = match def.when.as_str() {
            "always" => true,
            "section" => def.sections.iter().any(|s| has(*s)),
            "accounts" => a.policy.customer_accounts.unwrap_or(false),
            "consent_cookies" => cookie_tools.iter().any(|p| p.needs_consent()),
            "free_analytics" => cookie_tools.iter().any(|p| !p.needs_consent()),
            "credit_check" => chosen_in(a, catalog, Section::Payments)
                .iter()
                .any(|p| p.credit_check),
            _ => false,
        };
        if !holds {
            continue;
        }
        let en = w.lang() == Lang::En;
        let mut data = Vec::new();
        for x in if en { &def.en.data } else { &def.data } {
            push_unique(&mut data, x);
        }
        let mut recipients = Vec::new();
        let mut transfers = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for s in &def.sections {
            for p in chosen_in(a, catalog, *s) {
                if p.self_hosted || seen.contains(&p.id) {
                    continue;
                }
                let roles: Vec<Role> = p.activities_in(*s).map(|x| x.role).collect();
                let keep = match def.only.as_deref() {
                    Some("consent") => p.needs_consent(),
                    Some("no_consent") => !p.needs_consent(),
                    Some("credit_check") => p.credit_check,
                    Some("processor") => roles.contains(&Role::Processor),
                    Some("controller") => roles.contains(&Role::Controller),
                    _ => true,
                };
                if !keep {
                    continue;
                }
                seen.push(p.id.clone());
                let word = |term: Term, x: &str| w.term(term, x);
                if def.provider_data {
                    for x in p.data_in(*s) {
                        push_unique(&mut data, &word(Term::Data, &x));
                    }
                }
                let role = roles.first().copied().unwrap_or(Role::Processor);
                recipients.push(format!(
                    "{} ({}, {}; {}){}",
                    provider_name(&p),
                    p.company,
                    word(Term::Country, &p.country),
                    role_label(role, w),
                    unverified(&p, "role", w)
                ));
                for t in &p.transfers {
                    transfers.push(format!(
                        "{}: {} ({}){}",
                        provider_name(&p),
                        word(Term::Country, &t.country),
                        w.t(&format!("safeguard_{}", t.safeguard.id())),
                        unverified(&p, "transfers", w)
                    ));
                }
            }
        }
        let (name, basis, subjects, retention, retention_max) = if en {
            (
                &def.en.name,
                &def.en.basis,
                &def.en.subjects,
                &def.en.retention,
                &def.en.retention_max,
            )
        } else {
            (
                &def.name,
                &def.basis,
                &def.subjects,
                &def.retention,
                &def.retention_max,
            )
        };
        let mut retention = retention.clone();
        if let (Some(max), Some(n)) = (retention_max, a.policy.retention_max_years) {
            retention = format!(
                "{retention}, {}",
                max.replace("{}", &lang::number(n, w.lang()))
            );
        }
        purposes.push(Purpose {
            id: def.id.clone(),
            name: name.clone(),
            basis: basis.clone(),
            subjects: subjects.clone(),
            data,
            recipients,
            transfers,
            retention,
        });
    }
    Register {
        shop,
        controller_lines,
        contact: s.privacy_contact.clone(),
        dpo: a.policy.dpo.clone(),
        joint,
        purposes,
        security: w.t("security"),
        date: today.to_string(),
        voice: w.voice,
    }
}

fn w(s: &str) -> String {
    wrap_user(s)
}

fn link(url: &str, text: &str) -> String {
    format!("{LINK_START}{url}{LINK_MID}{}{LINK_END}", w(text))
}

impl Register {
    pub fn document(&self) -> Document {
        Document::parse(&self.markup())
    }

    /// The register in `f`, in its own language (an HTML page's `lang` names it).
    pub fn write(&self, f: Format) -> String {
        write_in(&self.document(), f, self.voice)
    }

    /// The markup before parsing, with user values still marked (for the language measures).
    pub fn markup(&self) -> String {
        let v = Words { voice: self.voice };
        let shop = w(&self.shop);
        let mut m = format!("# {}\n\n", v.fill("register_title", &[("shop", &shop)]));
        m.push_str(&format!(
            "{}\n\n",
            v.fill(
                "register_intro",
                &[("shop", &shop), ("date", &v.date(&self.date))]
            )
        ));
        m.push_str(&format!(
            "## {} [#verantwoordelijke]\n\n",
            v.t("controller_title")
        ));
        for l in &self.controller_lines {
            m.push_str(&format!("| {}\n", w(l)));
        }
        m.push('\n');
        if let Some(c) = &self.contact {
            m.push_str(&format!("- {}: {}\n", v.t("contact"), w(c)));
        }
        m.push_str(&format!(
            "- {}: {}\n",
            v.t("dpo"),
            self.dpo.as_deref().map_or(v.t("dpo_none"), w)
        ));
        if !self.joint.is_empty() {
            m.push_str(&format!(
                "- {}: {}\n",
                v.t("joint"),
                w(&self.joint.join("; "))
            ));
        }
        m.push('\n');
        for p in &self.purposes {
            m.push_str(&format!("## {} [#{}]\n\n", w(&p.name), p.id));
            m.push_str(&format!("- {}: {}\n", v.t("basis"), w(&p.basis)));
            m.push_str(&format!(
                "- {}: {}\n",
                v.t("subjects"),
                w(&v.list(&p.subjects))
            ));
            if !p.data.is_empty() {
                m.push_str(&format!("- {}: {}\n", v.t("data"), w(&p.data.join(", "))));
            }
            m.push_str(&format!(
                "- {}: {}\n",
                v.t("recipients"),
                if p.recipients.is_empty() {
                    v.t("recipients_none")
                } else {
                    w(&p.recipients.join("; "))
                }
            ));
            m.push_str(&format!(
                "- {}: {}\n",
                v.t("transfers"),
                if p.transfers.is_empty() {
                    v.t("transfers_none")
                } else {
                    w(&p.transfers.join("; "))
                }
            ));
            m.push_str(&format!("- {}: {}\n", v.t("retention"), w(&p.retention)));
            m.push_str(&format!("- {}\n\n", v.t("security_ref")));
        }
        m.push_str(&format!("## {} [#beveiliging]\n\n", v.t("security_title")));
        m.push_str(&w(&self.security));
        m.push('\n');
        m
    }

    /// The CSV's column names in the register's voice.
    pub fn csv_header(&self) -> Vec<String> {
        Words { voice: self.voice }
            .t("csv")
            .split('|')
            .map(str::to_string)
            .collect()
    }

    /// One row per purpose, for a spreadsheet (comma-separated, quoted where needed).
    pub fn csv(&self) -> String {
        let v = Words { voice: self.voice };
        let mut wtr = csv::Writer::from_writer(Vec::new());
        let _ = wtr.write_record(self.csv_header());
        for p in &self.purposes {
            let _ = wtr.write_record([
                p.name.as_str(),
                &p.basis,
                &p.subjects.join(", "),
                &p.data.join(", "),
                &if p.recipients.is_empty() {
                    v.t("recipients_none")
                } else {
                    p.recipients.join("; ")
                },
                &if p.transfers.is_empty() {
                    v.t("transfers_none")
                } else {
                    p.transfers.join("; ")
                },
                &p.retention,
                &self.security,
            ]);
        }
        String::from_utf8(wtr.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

/// A processor the shop uses and what the answers record about its agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessorEntry {
    pub id: String,
    pub name: String,
    pub company: String,
    pub country: String,
    /// (what it does, data) per processor activity
    pub work: Vec<(String, Vec<String>)>,
    pub how: String,
    /// The catalog says how (not `unknown`, not an own provider).
    pub how_known: bool,
    pub url: Option<String>,
    pub concluded: Option<String>,
    pub unverified: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OtherEntry {
    pub name: String,
    pub company: String,
    pub country: String,
    pub what: Vec<String>,
    pub privacy_url: String,
    /// A date the answers record under [agreements] anyway.
    pub recorded: Option<String>,
    /// joint controllers: what the joint part covers, who handles requests, the arrangement
    pub joint: Option<(String, Option<JointContact>, Option<String>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Agreements {
    pub shop: String,
    pub processors: Vec<ProcessorEntry>,
    pub controllers: Vec<OtherEntry>,
    pub joint: Vec<OtherEntry>,
    pub date: String,
    pub voice: Voice,
}

pub fn agreements(engine: &Engine, answers: &Answers, today: &str) -> Agreements {
    agreements_with(engine.catalog(), &effective_answers(engine, answers), today)
}

/// The agreements list from answers already layered over their preset.
pub fn agreements_with(catalog: &Catalog, a: &Answers, today: &str) -> Agreements {
    let w = Words::of(a);
    let shop = a.shop.name.clone().unwrap_or_else(|| w.t("placeholder"));
    let mut out = Agreements {
        shop,
        processors: vec![],
        controllers: vec![],
        joint: vec![],
        date: today.to_string(),
        voice: w.voice,
    };
    for id in chosen_ids(a) {
        let Some(p) = lookup(a, catalog, &id) else {
            continue;
        };
        if p.self_hosted {
            continue;
        }
        let acts: Vec<&crate::engine::catalog::Activity> = p
            .activities
            .iter()
            .filter(|x| a.providers.get(x.section).contains(&p.id))
            .collect();
        let of = |r: Role| acts.iter().filter(move |x| x.role == r);
        let word = |term: Term, x: &str| w.term(term, x);
        let label = |x: &crate::engine::catalog::Activity| {
            if p.custom {
                x.label
                    .clone()
                    .unwrap_or_else(|| w.t(&format!("section_{}", x.section.id())))
            } else {
                w.activity(x)
            }
        };
        let work: Vec<(String, Vec<String>)> = of(Role::Processor)
            .map(|x| {
                (
                    label(x),
                    x.data.iter().map(|d| word(Term::Data, d)).collect(),
                )
            })
            .collect();
        if !work.is_empty() {
            let how_key = match p.agreement.as_ref().map(|g| g.how) {
                _ if p.custom => "own",
                Some(AgreementHow::Terms) => "terms",
                Some(AgreementHow::Dashboard) => "dashboard",
                Some(AgreementHow::Request) => "request",
                Some(AgreementHow::Unknown) | None => "unknown",
            };
            out.processors.push(ProcessorEntry {
                id: p.id.clone(),
                name: provider_name(&p).to_string(),
                company: p.company.clone(),
                country: word(Term::Country, &p.country),
                work,
                how: w.t(&format!("how_{how_key}")),
                how_known: !matches!(how_key, "own" | "unknown"),
                url: p.agreement.as_ref().and_then(|g| g.url.clone()),
                concluded: a.agreements.get(&p.id).cloned(),
                unverified: p.unverified.iter().any(|u| u == "agreement"),
            });
        }
        let entry = |what: Vec<String>, joint| OtherEntry {
            name: provider_name(&p).to_string(),
            company: p.company.clone(),
            country: word(Term::Country, &p.country),
            what,
            privacy_url: p.privacy_url.clone(),
            recorded: a.agreements.get(&p.id).cloned(),
            joint,
        };
        let controller: Vec<String> = of(Role::Controller).map(|x| label(x)).collect();
        if !controller.is_empty() {
            out.controllers.push(entry(controller, None));
        }
        for x in of(Role::JointController) {
            out.joint.push(entry(
                vec![label(x)],
                Some((
                    match &x.joint_covers {
                        Some(c) => word(Term::JointCovers, c),
                        None => w.t("joint_default"),
                    },
                    x.joint_contact,
                    x.joint_url.clone(),
                )),
            ));
        }
    }
    out
}

impl Agreements {
    pub fn document(&self) -> Document {
        Document::parse(&self.markup())
    }

    /// The list in `f`, in its own language (an HTML page's `lang` names it).
    pub fn write(&self, f: Format) -> String {
        write_in(&self.document(), f, self.voice)
    }

    /// The markup before parsing, with user values still marked (for the language measures).
    pub fn markup(&self) -> String {
        let v = Words { voice: self.voice };
        let shop = w(&self.shop);
        let recorded = self
            .processors
            .iter()
            .filter(|p| p.concluded.is_some())
            .count();
        let mut m = format!("# {}\n\n", v.fill("agreements_title", &[("shop", &shop)]));
        m.push_str(&format!(
            "{}\n\n",
            v.fill(
                "agreements_intro",
                &[
                    ("shop", &shop),
                    ("date", &v.date(&self.date)),
                    ("count", &v.processor_count(self.processors.len(), recorded)),
                ]
            )
        ));
        m.push_str(&format!("## {} [#verwerkers]\n\n", v.t("processors_title")));
        if self.processors.is_empty() {
            m.push_str(&format!("{}\n\n", v.t("processors_none")));
        }
        for p in &self.processors {
            m.push_str(&format!("### {}\n\n", w(&p.name)));
            m.push_str(&format!(
                "- {}: {}, {}\n",
                v.t("company"),
                w(&p.company),
                w(&p.country)
            ));
            for (what, data) in &p.work {
                if data.is_empty() {
                    m.push_str(&format!("- {}: {}\n", v.t("works_for"), w(what)));
                } else {
                    m.push_str(&format!(
                        "- {}: {} ({})\n",
                        v.t("works_for"),
                        w(what),
                        w(&data.join(", "))
                    ));
                }
            }
            m.push_str(&format!(
                "- {}: {}{}\n",
                v.t("how"),
                w(&p.how),
                if p.unverified && p.how_known {
                    v.t("unverified")
                } else {
                    String::new()
                }
            ));
            if let Some(url) = &p.url {
                m.push_str(&format!("- {}: {}\n", v.t("agreement"), link(url, url)));
            }
            m.push_str(&match &p.concluded {
                Some(d) => format!("- {}\n\n", v.fill("concluded", &[("date", &w(&v.date(d)))])),
                None => format!("- {}\n\n", v.fill("not_concluded", &[("id", &p.id)])),
            });
        }
        if !self.controllers.is_empty() {
            m.push_str(&format!(
                "## {} [#zelf-verantwoordelijk]\n\n",
                v.t("controllers_title")
            ));
            m.push_str(&format!("{}\n\n", v.t("controllers_intro")));
            for c in &self.controllers {
                m.push_str(&format!("### {}\n\n", w(&c.name)));
                m.push_str(&format!(
                    "- {}: {}, {}\n",
                    v.t("company"),
                    w(&c.company),
                    w(&c.country)
                ));
                m.push_str(&format!(
                    "- {}: {}\n",
                    v.t("controller_for"),
                    w(&v.list(&c.what))
                ));
                if !c.privacy_url.is_empty() {
                    m.push_str(&format!(
                        "- {}: {}\n",
                        v.t("privacy"),
                        link(&c.privacy_url, &c.privacy_url)
                    ));
                }
                if let Some(d) = &c.recorded {
                    m.push_str(&format!(
                        "- {}\n",
                        v.fill("recorded_other", &[("date", &w(&v.date(d)))])
                    ));
                }
                m.push('\n');
            }
        }
        if !self.joint.is_empty() {
            m.push_str(&format!(
                "## {} [#samen-verantwoordelijk]\n\n",
                v.t("joint_title")
            ));
            m.push_str(&format!(
                "{}\n\n",
                v.fill("joint_intro", &[("shop", &shop)])
            ));
            for j in &self.joint {
                m.push_str(&format!("### {}\n\n", w(&j.name)));
                m.push_str(&format!(
                    "- {}: {}, {}\n",
                    v.t("company"),
                    w(&j.company),
                    w(&j.country)
                ));
                if let Some((covers, contact, url)) = &j.joint {
                    m.push_str(&format!("- {}: {}\n", v.t("joint_for"), w(covers)));
                    let who = match contact {
                        Some(JointContact::Shop) => shop.clone(),
                        Some(JointContact::Provider) => w(&j.name),
                        Some(JointContact::Both) => {
                            v.fill("joint_both", &[("shop", &shop), ("name", &w(&j.name))])
                        }
                        None => v.t("joint_unset"),
                    };
                    m.push_str(&format!("- {}: {who}\n", v.t("joint_requests")));
                    if let Some(u) = url {
                        m.push_str(&format!("- {}: {}\n", v.t("joint_link"), link(u, u)));
                    }
                }
                m.push('\n');
            }
        }
        m
    }
}

/// The file name of an exported document: `<shop>-verwerkingsregister.csv` and the like.
pub fn file_name(shop_name: Option<&str>, what: &str, ext: &str) -> String {
    crate::engine::cookies::file_name(shop_name, what, ext)
}

/// Renders a document in a language: an HTML page's `lang` attribute names it.
pub fn write_in(doc: &Document, f: Format, voice: Voice) -> String {
    format::write_in(doc, f, voice.lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_wording_parses_and_every_voice_has_the_same_keys() {
        let text = crate::engine::assets::asset("register.toml").unwrap();
        let d: RegisterData = toml::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        let keys = |v: &str| d.text[v].keys().cloned().collect::<Vec<_>>();
        for v in Voice::ALL {
            assert_eq!(keys(v.key()), keys("nl-u"), "{}", v.key());
        }
    }

    const CATALOG: &str = r#"
[[provider]]
id = "mailer"
name = "Mailer"
company = "Mailer Inc."
country = "Verenigde Staten"
description = "Nieuwsbrieven"
privacy_url = "https://mailer.example/privacy"
sources = ["https://mailer.example/dpa"]
checked = 2026-11-25
unverified = []

[[provider.activity]]
section = "newsletter"
role = "processor"
data = ["e-mailadres", "klikgedrag"]

[[provider.transfer]]
country = "Verenigde Staten"
safeguard = "dpf"

[[provider.transfer]]
country = "India"
safeguard = "scc"

[provider.agreement]
how = "dashboard"
url = "https://mailer.example/dpa"

[[provider]]
id = "pixel"
name = "Pixel"
company = "Pixel Ltd."
country = "Ierland"
description = "Advertenties"
privacy_url = "https://pixel.example/privacy"
consent = true
sources = ["https://pixel.example/privacy"]
checked = 2026-11-25
unverified = ["role"]

[[provider.activity]]
section = "cookies"
role = "joint_controller"
data = ["bezochte pagina's", "orderwaarde"]
profiling = true
category = "marketing"
joint_covers = "het verzamelen en doorsturen van gegevens met de pixel"
joint_contact = "shop"
joint_url = "https://pixel.example/addendum"

[[provider]]
id = "post"
name = "Post"
company = "Post B.V."
country = "Nederland"
description = "Pakketten"
privacy_url = "https://post.example/privacy"
sources = ["https://post.example/privacy"]
checked = 2026-11-25
unverified = []

[[provider.activity]]
section = "shipping"
role = "controller"
data = ["naam", "afleveradres"]
"#;

    fn setup() -> (Catalog, Answers) {
        let catalog = Catalog::from_files([("t.toml", CATALOG)]).unwrap_or_else(|e| panic!("{e}"));
        let a = Answers::from_toml_str(
            "[shop]\nname = \"Winkel\"\nemail = \"a@winkel.nl\"\n[providers]\nnewsletter = [\"mailer\"]\ncookies = [\"pixel\"]\nshipping = [\"post\"]\n[policy]\nretention_max_years = 2\n[agreements]\nmailer = 2025-03-01\n",
        )
        .unwrap();
        (catalog, a)
    }

    #[test]
    fn the_register_follows_the_chosen_providers() {
        let (catalog, a) = setup();
        let r = register_with(&catalog, &a, "2026-11-25");
        let ids: Vec<&str> = r.purposes.iter().map(|p| p.id.as_str()).collect();
        assert!(
            ids.contains(&"nieuwsbrief") && ids.contains(&"marketing"),
            "{ids:?}"
        );
        assert!(
            !ids.contains(&"klantaccount") && !ids.contains(&"reviews"),
            "{ids:?}"
        );
        let news = r.purposes.iter().find(|p| p.id == "nieuwsbrief").unwrap();
        assert!(news.data.contains(&"klikgedrag".to_string()));
        assert_eq!(
            news.transfers,
            [
                "Mailer: Verenigde Staten (EU-VS Data Privacy Framework)",
                "Mailer: India (standaardcontractbepalingen)"
            ]
        );
        assert_eq!(
            news.recipients,
            ["Mailer (Mailer Inc., Verenigde Staten; verwerker)"]
        );
        let ads = r.purposes.iter().find(|p| p.id == "marketing").unwrap();
        assert_eq!(
            ads.recipients,
            ["Pixel (Pixel Ltd., Ierland; samen met ons verantwoordelijk) (niet bevestigd uit een bron)"]
        );
        let contact = r.purposes.iter().find(|p| p.id == "contact").unwrap();
        assert!(contact
            .retention
            .ends_with("uiterlijk twee jaar na het laatste contact"));
        assert_eq!(r.joint.len(), 1);
        let text = r.document().plain_text();
        assert!(
            text.contains("Gezamenlijk verantwoordelijk (artikel 26 AVG) met: Pixel (Pixel Ltd.)"),
            "{text}"
        );
    }

    #[test]
    fn the_agreements_list_separates_roles_and_records_dates() {
        let (catalog, a) = setup();
        let g = agreements_with(&catalog, &a, "2026-11-25");
        assert_eq!(g.processors.len(), 1);
        let m = &g.processors[0];
        assert_eq!(m.concluded.as_deref(), Some("2025-03-01"));
        assert_eq!(m.url.as_deref(), Some("https://mailer.example/dpa"));
        assert!(m.how.contains("account"), "{}", m.how);
        assert_eq!(g.controllers.len(), 1);
        assert_eq!(g.controllers[0].name, "Post");
        assert_eq!(g.joint.len(), 1);
        let text = g.document().plain_text();
        for s in [
            "Stand op 25 november 2026: één verwerker, de overeenkomst is vastgelegd.",
            "Vastgelegd: gesloten op 1 maart 2025",
            "Verwerkt voor: Nieuwsbrief (e-mailadres, klikgedrag)",
            "Samen verantwoordelijk voor: het verzamelen en doorsturen van gegevens met de pixel",
            "Verzoeken van klanten over dat deel: Winkel",
            "De regeling: https://pixel.example/addendum",
        ] {
            assert!(text.contains(s), "{s}\n{text}");
        }
        // Not recorded: the list says how to record it.
        let mut b = a.clone();
        b.agreements.clear();
        let text = agreements_with(&catalog, &b, "2026-11-25")
            .document()
            .plain_text();
        assert!(
            text.contains("zet u de regel mailer = JJJJ-MM-DD onder [agreements]")
                && text.contains("één verwerker, de overeenkomst is nog niet vastgelegd"),
            "{text}"
        );
    }

    #[test]
    fn the_number_of_processors_decides_the_words() {
        for voice in Voice::ALL {
            let w = Words { voice };
            let all: Vec<String> = [(0, 0), (1, 0), (1, 1), (3, 0), (3, 1), (3, 2), (3, 3)]
                .iter()
                .map(|(n, r)| w.processor_count(*n, *r))
                .collect();
            for (i, s) in all.iter().enumerate() {
                assert!(
                    !s.contains("(s)") && !s.contains('['),
                    "{}: {s}",
                    voice.key()
                );
                assert!(!all[..i].contains(s), "{}: {s} twice", voice.key());
            }
        }
        let nl = Words {
            voice: Voice::default(),
        };
        assert_eq!(
            nl.processor_count(3, 2),
            "drie verwerkers, van twee is de overeenkomst vastgelegd"
        );
        assert_eq!(
            nl.processor_count(3, 1),
            "drie verwerkers, van één is de overeenkomst vastgelegd"
        );
    }

    #[test]
    fn user_values_stay_text_in_every_document() {
        let (catalog, mut a) = setup();
        a.shop.name = Some("## Kop\n- lijst <b>".into());
        for doc in [
            register_with(&catalog, &a, "2026-11-25").document(),
            agreements_with(&catalog, &a, "2026-11-25").document(),
        ] {
            let md = format::write(&doc, Format::Markdown);
            assert!(!md.contains("\n## Kop"), "{md}");
            let html = format::write(&doc, Format::Html);
            assert!(
                html.contains("&lt;b&gt;") && !html.contains("<b>"),
                "{html}"
            );
        }
    }
}
