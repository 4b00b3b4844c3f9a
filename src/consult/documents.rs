//! The documents beside the policy (issue 9), from the same answers and catalog facts:
//! - the register of processing activities for the shop as controller (art. 30(1) AVG):
//!   per purpose the legal basis, data subjects, personal data, recipients, transfers with
//!   their safeguard, retention and security measures; also as CSV, one row per purpose;
//! - the processor agreements the shop must have (art. 28 AVG), with how each is concluded
//!   and whether the answers record it, and apart the controllers and joint controllers.
//!
//! The purposes and wording are data (assets/register.toml); facts not confirmed from a
//! source are marked as such.

use std::sync::OnceLock;

use serde::Deserialize;

use super::facts::{chosen_ids, effective_answers};
use crate::engine::catalog::{AgreementHow, JointContact, Provider, Role};
use crate::engine::document::{wrap_user, Document, LINK_END, LINK_MID, LINK_START};
use crate::engine::model::{date_nl, list_nl};
use crate::engine::validate::lookup;
use crate::engine::{format, Answers, Catalog, Engine, Format, Section};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterData {
    security: String,
    purpose: Vec<PurposeDef>,
    agreements: std::collections::BTreeMap<String, String>,
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
}

fn yes() -> bool {
    true
}

fn data() -> &'static RegisterData {
    static D: OnceLock<RegisterData> = OnceLock::new();
    D.get_or_init(|| {
        let text = crate::engine::assets::asset("register.toml").unwrap_or_default();
        toml::from_str(text).unwrap_or(RegisterData {
            security: String::new(),
            purpose: vec![],
            agreements: Default::default(),
        })
    })
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
}

fn provider_name(p: &Provider) -> &str {
    p.short_name.as_deref().unwrap_or(&p.name)
}

fn unverified(p: &Provider, what: &str) -> &'static str {
    if p.unverified.iter().any(|u| u == what) {
        " (niet bevestigd uit een bron)"
    } else {
        ""
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

fn role_label(r: Role) -> &'static str {
    r.label()
}

pub fn register(engine: &Engine, answers: &Answers, today: &str) -> Register {
    register_with(engine.catalog(), &effective_answers(engine, answers), today)
}

/// The register from answers already layered over their preset.
pub fn register_with(catalog: &Catalog, a: &Answers, today: &str) -> Register {
    let d = data();
    let shop = a
        .shop
        .name
        .clone()
        .unwrap_or_else(|| "(naam webwinkel)".into());
    let s = &a.shop;
    let mut controller_lines = vec![match &s.operator {
        Some(op) => format!("{op}, handelend onder de naam {shop}"),
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
        ("E-mail", &s.email),
        ("Telefoon", &s.phone),
        ("KvK", &s.kvk),
        ("Website", &s.website),
    ] {
        if let Some(v) = v {
            controller_lines.push(format!("{label}: {v}"));
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
                let covers = act
                    .joint_covers
                    .clone()
                    .unwrap_or_else(|| "het verzamelen en doorsturen van gegevens".into());
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
        let mut data = Vec::new();
        for x in &def.data {
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
                if def.provider_data {
                    for x in p.data_in(*s) {
                        push_unique(&mut data, &x);
                    }
                }
                let role = roles.first().copied().unwrap_or(Role::Processor);
                recipients.push(format!(
                    "{} ({}, {}; {}){}",
                    provider_name(&p),
                    p.company,
                    p.country,
                    role_label(role),
                    unverified(&p, "role")
                ));
                for t in &p.transfers {
                    transfers.push(format!(
                        "{}: {} ({}){}",
                        provider_name(&p),
                        t.country,
                        t.safeguard.label(),
                        unverified(&p, "transfers")
                    ));
                }
            }
        }
        let mut retention = def.retention.clone();
        if let (Some(max), Some(n)) = (&def.retention_max, a.policy.retention_max_years) {
            retention = format!(
                "{retention}, {}",
                max.replace("{}", &crate::engine::model::number_nl(n))
            );
        }
        purposes.push(Purpose {
            id: def.id.clone(),
            name: def.name.clone(),
            basis: def.basis.clone(),
            subjects: def.subjects.clone(),
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
        security: d.security.clone(),
        date: today.to_string(),
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
        let mut m = format!(
            "# Register van verwerkingsactiviteiten {}\n\n",
            w(&self.shop)
        );
        m.push_str(&format!(
            "Dit register beschrijft welke persoonsgegevens {} verwerkt, waarvoor en met wie (artikel 30, lid 1 AVG). Stand: {}.\n\n",
            w(&self.shop),
            date_nl(&self.date).unwrap_or_else(|| self.date.clone())
        ));
        m.push_str("## Verwerkingsverantwoordelijke [#verantwoordelijke]\n\n");
        for l in &self.controller_lines {
            m.push_str(&format!("| {}\n", w(l)));
        }
        m.push('\n');
        if let Some(c) = &self.contact {
            m.push_str(&format!("- Contactpersoon voor privacy: {}\n", w(c)));
        }
        m.push_str(&format!(
            "- Functionaris gegevensbescherming: {}\n",
            self.dpo.as_deref().map_or("niet aangesteld".to_string(), w)
        ));
        if !self.joint.is_empty() {
            m.push_str(&format!(
                "- Gezamenlijk verantwoordelijk (artikel 26 AVG) met: {}\n",
                w(&self.joint.join("; "))
            ));
        }
        m.push('\n');
        for p in &self.purposes {
            m.push_str(&format!("## {} [#{}]\n\n", w(&p.name), p.id));
            m.push_str(&format!("- Grondslag: {}\n", w(&p.basis)));
            m.push_str(&format!("- Betrokkenen: {}\n", w(&list_nl(&p.subjects))));
            if !p.data.is_empty() {
                m.push_str(&format!("- Persoonsgegevens: {}\n", w(&p.data.join(", "))));
            }
            m.push_str(&format!(
                "- Ontvangers: {}\n",
                if p.recipients.is_empty() {
                    "geen; alleen de webwinkel zelf".to_string()
                } else {
                    w(&p.recipients.join("; "))
                }
            ));
            m.push_str(&format!(
                "- Doorgifte buiten de EER: {}\n",
                if p.transfers.is_empty() {
                    "geen".to_string()
                } else {
                    w(&p.transfers.join("; "))
                }
            ));
            m.push_str(&format!("- Bewaartermijn: {}\n", w(&p.retention)));
            m.push_str("- Beveiliging: zie Beveiligingsmaatregelen\n\n");
        }
        m.push_str("## Beveiligingsmaatregelen [#beveiliging]\n\n");
        m.push_str(&w(&self.security));
        m.push('\n');
        Document::parse(&m)
    }

    pub const CSV_HEADER: [&'static str; 8] = [
        "doel",
        "grondslag",
        "betrokkenen",
        "persoonsgegevens",
        "ontvangers",
        "doorgifte buiten de EER",
        "bewaartermijn",
        "beveiligingsmaatregelen",
    ];

    /// One row per purpose, for a spreadsheet (comma-separated, quoted where needed).
    pub fn csv(&self) -> String {
        let mut wtr = csv::Writer::from_writer(Vec::new());
        let _ = wtr.write_record(Register::CSV_HEADER);
        for p in &self.purposes {
            let _ = wtr.write_record([
                p.name.as_str(),
                &p.basis,
                &p.subjects.join(", "),
                &p.data.join(", "),
                &if p.recipients.is_empty() {
                    "geen; alleen de webwinkel zelf".to_string()
                } else {
                    p.recipients.join("; ")
                },
                &if p.transfers.is_empty() {
                    "geen".to_string()
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
}

fn activity_label(act: &crate::engine::catalog::Activity) -> String {
    act.label
        .clone()
        .unwrap_or_else(|| act.section.label().to_string())
}

pub fn agreements(engine: &Engine, answers: &Answers, today: &str) -> Agreements {
    agreements_with(engine.catalog(), &effective_answers(engine, answers), today)
}

/// The agreements list from answers already layered over their preset.
pub fn agreements_with(catalog: &Catalog, a: &Answers, today: &str) -> Agreements {
    let d = data();
    let shop = a
        .shop
        .name
        .clone()
        .unwrap_or_else(|| "(naam webwinkel)".into());
    let mut out = Agreements {
        shop,
        processors: vec![],
        controllers: vec![],
        joint: vec![],
        date: today.to_string(),
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
        let work: Vec<(String, Vec<String>)> = of(Role::Processor)
            .map(|x| (activity_label(x), x.data.clone()))
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
                country: p.country.clone(),
                work,
                how: d.agreements.get(how_key).cloned().unwrap_or_default(),
                how_known: !matches!(how_key, "own" | "unknown"),
                url: p.agreement.as_ref().and_then(|g| g.url.clone()),
                concluded: a.agreements.get(&p.id).cloned(),
                unverified: p.unverified.iter().any(|u| u == "agreement"),
            });
        }
        let entry = |what: Vec<String>, joint| OtherEntry {
            name: provider_name(&p).to_string(),
            company: p.company.clone(),
            country: p.country.clone(),
            what,
            privacy_url: p.privacy_url.clone(),
            recorded: a.agreements.get(&p.id).cloned(),
            joint,
        };
        let controller: Vec<String> = of(Role::Controller).map(|x| activity_label(x)).collect();
        if !controller.is_empty() {
            out.controllers.push(entry(controller, None));
        }
        for x in of(Role::JointController) {
            out.joint.push(entry(
                vec![activity_label(x)],
                Some((
                    x.joint_covers
                        .clone()
                        .unwrap_or_else(|| "het verzamelen en doorsturen van gegevens".into()),
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
        let shop = w(&self.shop);
        let recorded = self
            .processors
            .iter()
            .filter(|p| p.concluded.is_some())
            .count();
        let mut m = format!("# Verwerkersovereenkomsten {shop}\n\n");
        m.push_str(&format!(
            "Een verwerker verwerkt persoonsgegevens in opdracht van {shop}. Met elke verwerker is een verwerkersovereenkomst nodig (artikel 28, lid 3 AVG). Stand: {}: {} verwerker(s), van {} is de overeenkomst vastgelegd.\n\n",
            date_nl(&self.date).unwrap_or_else(|| self.date.clone()),
            self.processors.len(),
            recorded
        ));
        m.push_str("## Verwerkers [#verwerkers]\n\n");
        if self.processors.is_empty() {
            m.push_str("Geen van de gekozen diensten is verwerker.\n\n");
        }
        for p in &self.processors {
            m.push_str(&format!("### {}\n\n", w(&p.name)));
            m.push_str(&format!(
                "- Bedrijf: {}, {}\n",
                w(&p.company),
                w(&p.country)
            ));
            for (what, data) in &p.work {
                if data.is_empty() {
                    m.push_str(&format!("- Verwerkt voor: {}\n", w(what)));
                } else {
                    m.push_str(&format!(
                        "- Verwerkt voor: {}: {}\n",
                        w(what),
                        w(&data.join(", "))
                    ));
                }
            }
            m.push_str(&format!(
                "- Hoe de overeenkomst tot stand komt: {}{}\n",
                w(&p.how),
                if p.unverified && p.how_known {
                    " (niet bevestigd uit een bron)"
                } else {
                    ""
                }
            ));
            if let Some(url) = &p.url {
                m.push_str(&format!("- De overeenkomst: {}\n", link(url, url)));
            }
            m.push_str(&match &p.concluded {
                Some(d) => format!(
                    "- Vastgelegd: gesloten op {}\n\n",
                    w(&date_nl(d).unwrap_or_else(|| d.clone()))
                ),
                None => format!(
                    "- Vastgelegd: nog niet; zet `{} = JJJJ-MM-DD` onder [agreements] in het antwoordenbestand zodra de overeenkomst er is\n\n",
                    p.id
                ),
            });
        }
        if !self.controllers.is_empty() {
            m.push_str("## Zelf verantwoordelijk [#zelf-verantwoordelijk]\n\n");
            m.push_str("Deze partijen bepalen zelf wat zij met de gegevens doen. Voor dat deel is geen verwerkersovereenkomst nodig: hun eigen privacyverklaring geldt, en het privacybeleid van de webwinkel noemt hen.\n\n");
            for c in &self.controllers {
                m.push_str(&format!("### {}\n\n", w(&c.name)));
                m.push_str(&format!(
                    "- Bedrijf: {}, {}\n",
                    w(&c.company),
                    w(&c.country)
                ));
                m.push_str(&format!(
                    "- Zelf verantwoordelijk voor: {}\n",
                    w(&list_nl(&c.what))
                ));
                if !c.privacy_url.is_empty() {
                    m.push_str(&format!(
                        "- Privacyverklaring: {}\n",
                        link(&c.privacy_url, &c.privacy_url)
                    ));
                }
                if let Some(d) = &c.recorded {
                    m.push_str(&format!(
                        "- In de antwoorden staat een overeenkomst van {}; voor dit deel is die niet als verwerkersovereenkomst nodig\n",
                        w(&date_nl(d).unwrap_or_else(|| d.clone()))
                    ));
                }
                m.push('\n');
            }
        }
        if !self.joint.is_empty() {
            m.push_str("## Samen verantwoordelijk [#samen-verantwoordelijk]\n\n");
            m.push_str(&format!("Voor het verzamelen en doorsturen van gegevens zijn {shop} en deze partijen samen verantwoordelijk (artikel 26 AVG). Daarvoor is een regeling nodig waarvan de kern voor klanten beschikbaar is; wat de partij daarna met de gegevens doet, is haar eigen verantwoordelijkheid.\n\n"));
            for j in &self.joint {
                m.push_str(&format!("### {}\n\n", w(&j.name)));
                m.push_str(&format!(
                    "- Bedrijf: {}, {}\n",
                    w(&j.company),
                    w(&j.country)
                ));
                if let Some((covers, contact, url)) = &j.joint {
                    m.push_str(&format!("- Samen verantwoordelijk voor: {}\n", w(covers)));
                    let who = match contact {
                        Some(JointContact::Shop) => shop.clone(),
                        Some(JointContact::Provider) => w(&j.name),
                        Some(JointContact::Both) => format!("{shop} en {}", w(&j.name)),
                        None => "niet vastgelegd; spreek het af".to_string(),
                    };
                    m.push_str(&format!("- Verzoeken van klanten over dat deel: {who}\n"));
                    if let Some(u) = url {
                        m.push_str(&format!("- De regeling: {}\n", link(u, u)));
                    }
                }
                m.push('\n');
            }
        }
        Document::parse(&m)
    }
}

/// The file name of an exported document: `<shop>-verwerkingsregister.csv` and the like.
pub fn file_name(shop_name: Option<&str>, what: &str, ext: &str) -> String {
    crate::engine::cookies::file_name(shop_name, what, ext)
}

/// Renders a document as Markdown, HTML or text.
pub fn write(doc: &Document, f: Format) -> String {
    format::write(doc, f)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "1 verwerker(s), van 1 is de overeenkomst vastgelegd",
            "Vastgelegd: gesloten op 1 maart 2025",
            "Verwerkt voor: Nieuwsbrief: e-mailadres, klikgedrag",
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
            text.contains("zet `mailer = JJJJ-MM-DD` onder [agreements]"),
            "{text}"
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
