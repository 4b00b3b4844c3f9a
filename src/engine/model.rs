//! The template context: answers and catalog facts, prepared so templates only phrase them.
//! Every value typed by a user is wrapped (document::wrap_user) here, once.

use std::collections::BTreeMap;

use serde::Serialize;

use super::answers::Answers;
use super::catalog::{Catalog, CookieCategory, Provider, Role, Safeguard};
use super::document::wrap_user;
use super::rules;
use super::section::Section;
use super::validate::lookup;

#[derive(Serialize)]
pub struct Context {
    shop: ShopView,
    sections: BTreeMap<&'static str, Vec<ProviderView>>,
    has: BTreeMap<&'static str, bool>,
    /// Every provider once, in policy order.
    recipients: Vec<ProviderView>,
    transfers: Vec<ProviderView>,
    credit_checks: Vec<ProviderView>,
    profilers: Vec<ProviderView>,
    consent_cookies: Vec<ProviderView>,
    /// Embedded content, website tools and chat widgets that wait for the visitor's consent.
    consent_tools: Vec<ProviderView>,
    policy: PolicyView,
}

#[derive(Serialize)]
struct ShopView {
    name: String,
    operator: Option<String>,
    controller: String,
    website: Option<String>,
    website_url: Option<String>,
    /// The site is served over https: the policy may mention the encrypted connection.
    https: bool,
    effective_date: Option<String>,
    street: Option<String>,
    postcode: Option<String>,
    city: Option<String>,
    country: String,
    phone: Option<String>,
    email: Option<String>,
    email_url: Option<String>,
    kvk: Option<String>,
    vat: Option<String>,
    privacy_contact: Option<String>,
}

#[derive(Serialize, Clone)]
struct ProviderView {
    id: String,
    name: String,
    company: String,
    /// With an article where Dutch needs one ("de Verenigde Staten"), for running text.
    country: String,
    /// As a bare name, for lists.
    country_name: String,
    processor: bool,
    /// Decides together with the shop for this section (art. 26 AVG).
    joint: bool,
    /// What the joint part covers (a Dutch phrase), for joint controllers.
    joint_covers: String,
    data: String,
    outside_eea: bool,
    transfer_countries: String,
    /// Per country (grouped by safeguard): "naar X, op basis van …".
    transfer_phrase: String,
    /// The company itself is established outside the EEA.
    based_outside: bool,
    /// Transfer countries other than the company's own.
    other_countries: String,
    safeguard: &'static str,
    cookie_consent: bool,
    /// It puts cookies or similar items in the visitor's browser (the catalog lists them).
    stores: bool,
    cookie_kind: &'static str,
    credit_check: bool,
    profiling: bool,
    self_hosted: bool,
    publishes: String,
    privacy_url: String,
    custom: bool,
}

#[derive(Serialize)]
struct PolicyView {
    retention_max_years: Option<u32>,
    retention_words: Option<String>,
    customer_accounts: bool,
    dpo: Option<String>,
    contact_form: bool,
    uses_consent: bool,
}

/// "a", "a en b", "a, b en c".
pub fn list_nl<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} en {}", head.join(", "), last.as_ref())
        }
    }
}

/// Country names that take an article in a sentence ("in de Verenigde Staten").
fn with_article(country: &str) -> String {
    const WITH_DE: [&str; 4] = [
        "Verenigde Staten",
        "Verenigde Arabische Emiraten",
        "Filipijnen",
        "Bahama's",
    ];
    if WITH_DE.contains(&country) {
        format!("de {country}")
    } else if country == "Verenigd Koninkrijk" {
        format!("het {country}")
    } else {
        country.to_string()
    }
}

/// Small numbers in words, as Dutch style prefers ("twee jaar").
pub fn number_nl(n: u32) -> String {
    const WORDS: [&str; 21] = [
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
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

const MONTHS: [&str; 12] = [
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

pub fn date_nl(iso: &str) -> Option<String> {
    let (y, m, d) = rules::parse_date(iso)?;
    Some(format!("{d} {} {y}", MONTHS[(m - 1) as usize]))
}

fn wrap_opt(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(wrap_user)
}

fn safeguard_phrase(sg: Safeguard) -> &'static str {
    match sg {
        Safeguard::Dpf => "het EU-VS Data Privacy Framework",
        Safeguard::Adequacy => "een adequaatheidsbesluit van de Europese Commissie",
        Safeguard::Bcr => "bindende bedrijfsvoorschriften",
        Safeguard::Scc => "standaardcontractbepalingen van de Europese Commissie",
        Safeguard::NoneKnown => "geen waarborg die wij kennen",
    }
}

/// "naar Canada, op basis van …, en naar de Verenigde Staten, op basis van …": the countries
/// grouped by their safeguard, in the order the catalog lists them.
fn transfer_phrase(p: &Provider, user: &dyn Fn(&str) -> String) -> String {
    let mut groups: Vec<(Safeguard, Vec<String>)> = Vec::new();
    for t in &p.transfers {
        let c = user(&with_article(&t.country));
        match groups.iter_mut().find(|(sg, _)| *sg == t.safeguard) {
            Some((_, list)) => list.push(c),
            None => groups.push((t.safeguard, vec![c])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(sg, cs)| {
            format!(
                "naar {}, op basis van {}",
                list_nl(cs),
                safeguard_phrase(*sg)
            )
        })
        .collect();
    list_nl(&parts)
}

fn provider_view(p: &Provider, section: Section, variant: Option<&str>) -> ProviderView {
    let publishes = variant
        .and_then(|v| p.variants.iter().find(|x| x.id == v))
        .map(|v| v.publishes.clone())
        .unwrap_or_else(|| p.publishes());
    // Custom providers are typed by the user: wrap them like any other user value.
    let user = |s: &str| {
        if p.custom {
            wrap_user(s)
        } else {
            s.to_string()
        }
    };
    let countries = p.transfer_countries();
    ProviderView {
        id: p.id.clone(),
        name: user(p.short_name.as_deref().unwrap_or(&p.name)),
        company: user(&p.company),
        country: if p.custom {
            user(&p.country)
        } else {
            with_article(&p.country)
        },
        country_name: user(&p.country),
        processor: p.role_in(section) == Role::Processor,
        joint: p.role_in(section) == Role::JointController,
        joint_covers: p
            .activities_in(section)
            .find_map(|a| a.joint_covers.clone())
            .unwrap_or_default(),
        data: list_nl(&p.data_in(section)),
        outside_eea: p.outside_eea(),
        transfer_countries: list_nl(
            &countries
                .iter()
                .map(|c| user(&with_article(c)))
                .collect::<Vec<_>>(),
        ),
        transfer_phrase: transfer_phrase(p, &user),
        based_outside: p.outside_eea() && countries.contains(&p.country.as_str()),
        other_countries: list_nl(
            &countries
                .iter()
                .filter(|c| **c != p.country)
                .map(|c| user(&with_article(c)))
                .collect::<Vec<_>>(),
        ),
        safeguard: p.transfers.first().map_or("", |t| t.safeguard.id()),
        cookie_consent: p.needs_consent(),
        stores: !p.cookies.is_empty(),
        cookie_kind: if p.serves(Section::Cookies) {
            match p.cookie_category() {
                CookieCategory::Necessary | CookieCategory::Preferences => "functioneel",
                CookieCategory::Statistics => "analytisch",
                CookieCategory::Marketing => "marketing",
            }
        } else {
            ""
        },
        credit_check: p.credit_check,
        profiling: p.profiling(),
        self_hosted: p.self_hosted,
        publishes: list_nl(&publishes),
        privacy_url: p.privacy_url.clone(),
        custom: p.custom,
    }
}

pub fn build(a: &Answers, catalog: &Catalog) -> Context {
    let s = &a.shop;
    // A visible placeholder for the wizard preview; `render` refuses a policy without a name.
    let name = wrap_opt(&s.name).unwrap_or_else(|| "(naam webwinkel)".into());
    let operator = wrap_opt(&s.operator);
    let dutch_postcode = s.postcode.as_deref().map(rules::normalise_postcode);
    let shop = ShopView {
        controller: operator.clone().unwrap_or_else(|| name.clone()),
        name,
        operator,
        website: wrap_opt(&s.website),
        website_url: s
            .website
            .as_deref()
            .filter(|u| rules::url(u).is_none())
            .map(str::to_string),
        https: s
            .website
            .as_deref()
            .is_some_and(|u| u.trim().to_ascii_lowercase().starts_with("https://")),
        effective_date: s.effective_date.as_deref().and_then(date_nl),
        street: wrap_opt(&s.street),
        postcode: wrap_opt(&dutch_postcode),
        city: wrap_opt(&s.city),
        country: wrap_opt(&s.country).unwrap_or_else(|| "Nederland".into()),
        phone: wrap_opt(&s.phone),
        email: wrap_opt(&s.email),
        email_url: s
            .email
            .as_deref()
            .filter(|e| rules::email(e).is_none())
            .map(|e| format!("mailto:{e}")),
        kvk: wrap_opt(&s.kvk),
        vat: wrap_opt(&s.vat),
        privacy_contact: wrap_opt(&s.privacy_contact),
    };

    let mut sections = BTreeMap::new();
    let mut has = BTreeMap::new();
    let mut recipients: Vec<ProviderView> = Vec::new();
    for sec in Section::ALL {
        let list: Vec<ProviderView> = a
            .providers
            .get(sec)
            .iter()
            .filter_map(|id| lookup(a, catalog, id))
            .filter(|p| p.serves(sec))
            .map(|p| provider_view(&p, sec, a.variants.get(&p.id).map(String::as_str)))
            .fold(Vec::new(), |mut acc, p| {
                if !acc.iter().any(|x: &ProviderView| x.id == p.id) {
                    acc.push(p);
                }
                acc
            });
        for p in &list {
            if !p.self_hosted && !recipients.iter().any(|r| r.id == p.id) {
                recipients.push(p.clone());
            }
        }
        has.insert(sec.id(), !list.is_empty());
        sections.insert(sec.id(), list);
    }
    let any =
        |has: &BTreeMap<&str, bool>, ids: &[&str]| ids.iter().any(|id| has.get(id) == Some(&true));
    let email = any(
        &has,
        &["newsletter", "transactional_email", "business_email"],
    );
    let orders = any(&has, &["webshop", "payments", "shipping", "sales_channels"]);
    has.insert("email", email);
    has.insert("orders", orders);
    let review_invites = sections["reviews"].iter().any(|p| !p.self_hosted);
    has.insert("review_invites", review_invites);
    let free_analytics = sections["cookies"]
        .iter()
        .any(|p| !p.cookie_consent && p.cookie_kind == "analytisch");
    has.insert("free_analytics", free_analytics);

    let transfers: Vec<ProviderView> = recipients
        .iter()
        .filter(|p| p.outside_eea)
        .cloned()
        .collect();
    let credit_checks: Vec<ProviderView> = sections["payments"]
        .iter()
        .filter(|p| p.credit_check)
        .cloned()
        .collect();
    let profilers: Vec<ProviderView> = sections["cookies"]
        .iter()
        .filter(|p| p.profiling)
        .cloned()
        .collect();
    let consent_cookies: Vec<ProviderView> = sections["cookies"]
        .iter()
        .filter(|p| p.cookie_consent)
        .cloned()
        .collect();
    let consent_tools: Vec<ProviderView> = sections["customer_service"]
        .iter()
        .chain(sections["website_tools"].iter())
        .filter(|p| p.cookie_consent)
        .cloned()
        .collect();
    let contact_form = a.policy.contact_form.unwrap_or(false);
    has.insert("contact", contact_form || has["customer_service"]);
    let policy = PolicyView {
        retention_max_years: a.policy.retention_max_years,
        retention_words: a.policy.retention_max_years.map(number_nl),
        customer_accounts: a.policy.customer_accounts.unwrap_or(false),
        dpo: wrap_opt(&a.policy.dpo),
        contact_form,
        uses_consent: has["newsletter"]
            || !consent_cookies.is_empty()
            || !consent_tools.is_empty()
            || has["reviews"],
    };
    Context {
        shop,
        sections,
        has,
        recipients,
        transfers,
        credit_checks,
        profilers,
        consent_cookies,
        consent_tools,
        policy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_lists_and_dates() {
        assert_eq!(list_nl::<&str>(&[]), "");
        assert_eq!(list_nl(&["a"]), "a");
        assert_eq!(list_nl(&["a", "b"]), "a en b");
        assert_eq!(list_nl(&["a", "b", "c"]), "a, b en c");
        assert_eq!(date_nl("2023-05-12").as_deref(), Some("12 mei 2023"));
        assert_eq!(date_nl("2023-02-30"), None);
        assert_eq!(number_nl(2), "twee");
        assert_eq!(number_nl(25), "25");
        assert_eq!(with_article("Verenigde Staten"), "de Verenigde Staten");
        assert_eq!(with_article("Ierland"), "Ierland");
        assert_eq!(
            with_article("Verenigd Koninkrijk"),
            "het Verenigd Koninkrijk"
        );
    }
}
