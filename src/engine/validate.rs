//! `check`: every error and warning about an answers file, each naming its field.

use serde::Serialize;

use super::answers::CustomProvider;
use super::answers::{Answers, SHOP_FIELDS};
use super::catalog::{AgreementHow, Catalog, JointContact, Provider, Role, Safeguard};
use super::error::did_you_mean;
use super::nearest::nearest;
use super::rules;
use super::section::Section;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Information for the consultant, never a defect (e.g. facts a provider entry could not verify).
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Dotted path in the answers file, e.g. `shop.email` or `providers.payments`.
    pub field: String,
    pub message: String,
}

impl Diagnostic {
    fn error(field: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            field: field.into(),
            message: message.into(),
        }
    }

    fn warning(field: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            field: field.into(),
            message: message.into(),
        }
    }

    fn info(field: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            field: field.into(),
            message: message.into(),
        }
    }

    /// The section this diagnostic is about, if it is about one.
    pub fn section(&self) -> Option<Section> {
        let rest = self.field.strip_prefix("providers.")?;
        Section::from_id(rest.split('[').next().unwrap_or(rest))
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.severity {
            Severity::Error => "fout",
            Severity::Warning => "waarschuwing",
            Severity::Info => "opmerking",
        };
        write!(f, "{kind}: {}: {}", self.field, self.message)
    }
}

const REQUIRED: [(&str, &str); 5] = [
    ("name", "de naam van de webwinkel"),
    ("website", "het webadres"),
    ("effective_date", "de ingangsdatum van het privacybeleid"),
    ("email", "het e-mailadres"),
    ("privacy_contact", "de contactpersoon voor privacyvragen"),
];

/// True for a shop field `check` requires (the wizard marks these with `*`).
pub fn required_shop_field(key: &str) -> bool {
    REQUIRED.iter().any(|(k, _)| *k == key)
}

/// Checks answers that have already been layered over their preset.
pub fn check(answers: &Answers, catalog: &Catalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_shop(answers, &mut out);
    check_custom(answers, catalog, &mut out);
    check_providers(answers, catalog, &mut out);
    check_variants(answers, catalog, &mut out);
    check_policy(answers, &mut out);
    super::lang::check(answers, &mut out);
    check_agreements(answers, catalog, &mut out);
    out.sort_by_key(|d| d.severity);
    out
}

/// `[agreements]`: a date per processor whose agreement is concluded (issue 9).
fn check_agreements(a: &Answers, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    for (id, date) in &a.agreements {
        let field = format!("agreements.{id}");
        if let Some(msg) = rules::date(date) {
            out.push(Diagnostic::error(&field, msg));
        }
        let Some(p) = lookup_ref(a, catalog, id) else {
            let known = catalog
                .ids()
                .chain(a.custom_providers.iter().map(|c| c.id.as_str()));
            out.push(Diagnostic::error(
                field,
                format!(
                    "onbekende aanbieder `{id}`{}",
                    did_you_mean(&nearest(id, known))
                ),
            ));
            continue;
        };
        let chosen: Vec<Section> = Section::ALL
            .into_iter()
            .filter(|s| a.providers.get(*s).contains(id))
            .collect();
        if chosen.is_empty() {
            out.push(Diagnostic::warning(
                field,
                format!("{} is nergens gekozen", p.name),
            ));
        } else if !p
            .activities
            .iter()
            .any(|x| x.role == super::catalog::Role::Processor && chosen.contains(&x.section))
        {
            out.push(Diagnostic::warning(
                field,
                format!(
                    "{} is hier zelf verantwoordelijk, geen verwerker: een verwerkersovereenkomst is niet nodig",
                    p.name
                ),
            ));
        }
    }
}

fn check_shop(a: &Answers, out: &mut Vec<Diagnostic>) {
    let shop = &a.shop;
    for (key, what) in REQUIRED {
        if shop.get(key).is_none_or(|v| v.trim().is_empty()) {
            out.push(Diagnostic::error(
                format!("shop.{key}"),
                format!("verplicht: vul {what} in"),
            ));
        }
    }
    let dutch = shop
        .country
        .as_deref()
        .is_none_or(|c| c.trim().eq_ignore_ascii_case("nederland"));
    for key in SHOP_FIELDS {
        let Some(v) = shop.get(key) else { continue };
        if key == "postcode" && !dutch {
            continue;
        }
        if let Some(msg) = rules::check_shop_field(key, v) {
            out.push(Diagnostic::error(format!("shop.{key}"), msg));
        }
    }
    if shop.street.is_none() || shop.city.is_none() || shop.postcode.is_none() {
        let missing: Vec<&str> = [
            ("straat", &shop.street),
            ("postcode", &shop.postcode),
            ("plaats", &shop.city),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| n)
        .collect();
        out.push(Diagnostic::warning(
            "shop.street",
            format!(
                "adres onvolledig (ontbreekt: {}); een webwinkel moet een bezoekadres vermelden (BW 3:15d)",
                missing.join(", ")
            ),
        ));
    }
    if shop
        .website
        .as_deref()
        .is_some_and(|w| w.trim().to_ascii_lowercase().starts_with("http://"))
    {
        out.push(Diagnostic::warning(
            "shop.website",
            "het webadres begint met http://; gebruik https://, want klanten vullen persoonsgegevens in",
        ));
    }
    if shop.kvk.is_none() {
        out.push(Diagnostic::warning(
            "shop.kvk",
            "geen KvK-nummer; een webwinkel moet dit op de website vermelden (Handelsregisterwet art. 27)",
        ));
    }
}

fn check_custom(a: &Answers, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    for (i, c) in a.custom_providers.iter().enumerate() {
        let field = format!("custom_provider[{i}]");
        if !seen.insert(c.id.as_str()) {
            out.push(Diagnostic::error(
                format!("{field}.id"),
                format!("id `{}` staat er twee keer", c.id),
            ));
        }
        out.extend(custom_provider(c, catalog, &field));
    }
}

/// Every error and warning about one own provider, its fields under `field`
/// (e.g. `custom_provider[0]`). The one rule set: `check` and the wizard's form both use it.
pub fn custom_provider(c: &CustomProvider, catalog: &Catalog, field: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let countries = catalog.countries();
    let texts = [
        ("id", Some(&c.id)),
        ("name", Some(&c.name)),
        ("company", c.company.as_ref()),
        ("country", c.country.as_ref()),
        ("privacy_url", c.privacy_url.as_ref()),
        ("safeguard", c.safeguard.as_ref()),
    ];
    let mut hidden = Vec::new();
    for (key, value) in texts {
        if let Some(msg) = value.and_then(|v| rules::text(v)) {
            out.push(Diagnostic::error(format!("{field}.{key}"), msg));
            hidden.push(key);
        }
    }
    for s in &c.sections {
        if let Some(msg) = rules::text(s) {
            out.push(Diagnostic::error(format!("{field}.sections"), msg));
        }
    }
    for d in c.data.iter().flatten() {
        if let Some(msg) = rules::text(d) {
            out.push(Diagnostic::error(format!("{field}.data"), msg));
        }
    }
    if hidden.contains(&"id") {
        // One message per field: the hidden character is what to fix first.
    } else if let Some(msg) = rules::provider_id(&c.id) {
        out.push(Diagnostic::error(format!("{field}.id"), msg));
    }
    if catalog.get(&c.id).is_some() {
        out.push(Diagnostic::error(
            format!("{field}.id"),
            format!(
                "`{}` staat al in de catalogus; kies een andere id of gebruik die van de catalogus",
                c.id
            ),
        ));
    }
    if c.name.trim().is_empty() {
        out.push(Diagnostic::error(
            format!("{field}.name"),
            "verplicht: vul een naam in",
        ));
    }
    if c.sections.is_empty() && c.activities.is_empty() {
        out.push(Diagnostic::warning(
            format!("{field}.sections"),
            "geen onderdelen genoemd; deze partij komt nergens in het beleid",
        ));
    }
    let known_section = |s: &str, key: &str, out: &mut Vec<Diagnostic>| {
        if Section::from_id(s).is_none() {
            let hint = did_you_mean(&nearest(s, Section::ALL.iter().map(|s| s.id())));
            out.push(Diagnostic::error(
                format!("{field}.{key}"),
                format!("onbekend onderdeel `{s}`{hint}"),
            ));
        }
    };
    for s in &c.sections {
        known_section(s, "sections", &mut out);
    }
    let roles = || {
        Role::ALL
            .iter()
            .map(|r| r.id())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let check_role = |r: &Option<String>, key: &str, out: &mut Vec<Diagnostic>| {
        if let Some(r) = r {
            if Role::from_id(r).is_none() {
                out.push(Diagnostic::error(
                    format!("{field}.{key}"),
                    format!("onbekende rol `{r}`; kies {}", roles()),
                ));
            }
        }
    };
    check_role(&c.role, "role", &mut out);
    if c.role.as_deref() == Some("joint_controller") && c.activities.is_empty() {
        out.push(Diagnostic::error(
            format!("{field}.role"),
            "bij joint_controller: beschrijf de activiteit met [[custom_provider.activity]] (joint_covers en joint_contact)",
        ));
    }
    for (j, act) in c.activities.iter().enumerate() {
        let f = format!("activity[{j}]");
        known_section(&act.section, &format!("{f}.section"), &mut out);
        check_role(&act.role, &format!("{f}.role"), &mut out);
        let joint = act.role.as_deref().or(c.role.as_deref()) == Some("joint_controller");
        if joint
            && act
                .joint_covers
                .as_deref()
                .is_none_or(|x| x.trim().is_empty())
        {
            out.push(Diagnostic::error(
                format!("{field}.{f}.joint_covers"),
                "verplicht bij joint_controller: wat u samen met deze partij beslist (bijvoorbeeld het verzamelen van gegevens met een pixel)",
            ));
        }
        match act.joint_contact.as_deref() {
            None if joint => out.push(Diagnostic::error(
                format!("{field}.{f}.joint_contact"),
                "verplicht bij joint_controller: wie verzoeken afhandelt (shop, provider of both)",
            )),
            Some(x) if JointContact::from_id(x).is_none() => out.push(Diagnostic::error(
                format!("{field}.{f}.joint_contact"),
                format!("onbekend: `{x}`; kies shop, provider of both"),
            )),
            _ => {}
        }
    }
    for (key, url) in [
        ("privacy_url", &c.privacy_url),
        ("agreement_url", &c.agreement_url),
    ] {
        if let Some(url) = url.as_ref().filter(|_| !hidden.contains(&key)) {
            if let Some(msg) = rules::url(url) {
                out.push(Diagnostic::error(format!("{field}.{key}"), msg));
            }
        }
    }
    if let Some(how) = &c.agreement {
        if AgreementHow::from_id(how).is_none() {
            out.push(Diagnostic::error(
                format!("{field}.agreement"),
                format!("onbekend: `{how}`; kies terms, dashboard, request of unknown"),
            ));
        } else if !catalog.custom_provider(c).is_processor_anywhere() {
            // E.g. an accountant who audits the annual accounts: a controller of its own.
            out.push(Diagnostic::warning(
                format!("{field}.agreement"),
                format!(
                    "{} is nergens verwerker (rol: zelf verantwoordelijk); een verwerkersovereenkomst is dan niet nodig",
                    c.name
                ),
            ));
        }
    }
    if let Some(country) = c
        .country
        .as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
    {
        let typo = nearest(country, countries.eea.iter().map(String::as_str)).filter(|n| {
            countries.adequacy_of(country).is_none()
                && super::nearest::distance(&n.to_lowercase(), &country.to_lowercase()) <= 2
        });
        if !countries.is_eea(country) && typo.is_some() {
            out.push(Diagnostic::error(
                format!("{field}.country"),
                format!("onbekend land `{country}`{}", did_you_mean(&typo)),
            ));
        } else if !countries.is_eea(country) && c.transfer_list().is_empty() {
            out.push(Diagnostic::error(
                format!("{field}.country"),
                format!("{country} ligt buiten de EER, dus uw gegevens gaan daarheen: noem {country} als land van doorgifte, met een waarborg ({}), of vul een land in de EER in", safeguard_ids(countries, country)),
            ));
        }
    }
    // Each transfer's messages name it: `transfer[k].country` or `transfer[k].safeguard`
    // (the old keys: `country` or `transfer_countries`, and `safeguard`).
    let old = c.transfers.is_empty();
    for (k, t) in c.transfer_list().into_iter().enumerate() {
        let (place, key) = if old {
            let place = if c.transfer_countries.is_empty() {
                "country".to_string()
            } else {
                "transfer_countries".to_string()
            };
            (place, "safeguard".to_string())
        } else {
            (
                format!("transfer[{k}].country"),
                format!("transfer[{k}].safeguard"),
            )
        };
        let country = t.country.trim();
        if country.is_empty() {
            out.push(Diagnostic::error(
                format!("{field}.{place}"),
                "vul het land in waar de gegevens heen gaan",
            ));
            continue;
        }
        if countries.is_eea(country) {
            let fix = if old {
                "vul dat land in, of zet outside_eea uit"
            } else {
                "vul dat land in, of laat deze doorgifte weg"
            };
            out.push(Diagnostic::error(
                format!("{field}.{place}"),
                format!("{country} ligt in de EER: gegevens die buiten de EER gaan, gaan naar een land buiten de EER; {fix}"),
            ));
            continue;
        }
        match t.safeguard.as_deref() {
            None => out.push(Diagnostic::error(
                format!("{field}.{key}"),
                format!(
                    "geen waarborg voor de doorgifte naar {country}; kies {} (none_known als er geen bekend is)",
                    safeguard_ids(countries, country)
                ),
            )),
            Some(id) => match Safeguard::from_id(id) {
                None => out.push(Diagnostic::error(
                    format!("{field}.{key}"),
                    format!(
                        "onbekende waarborg `{id}`; kies {}",
                        safeguard_ids(countries, country)
                    ),
                )),
                Some(sg) => {
                    if let Some(m) = countries.safeguard_problem(country, sg) {
                        out.push(Diagnostic::error(format!("{field}.{key}"), m));
                    } else if sg == Safeguard::NoneKnown {
                        out.push(Diagnostic::warning(
                            format!("{field}.{key}"),
                            format!("{}: voor de doorgifte naar {country} is geen erkende waarborg bekend; het beleid zegt dat, maar zonder waarborg mag u de gegevens daar eigenlijk niet heen sturen", c.name),
                        ));
                    }
                }
            },
        }
    }
    out
}

/// The safeguards that fit a country, as `id (label)`: readable in the answers file and in a form.
fn safeguard_ids(countries: &super::countries::Countries, country: &str) -> String {
    countries
        .valid_safeguards(country)
        .iter()
        .map(|s| format!("{} ({})", s.id(), s.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The id a new own provider called `name` gets, or in Dutch why it cannot be added: the
/// rule the wizard's form and `check` share (the name gives the id; a catalog id is taken).
pub fn new_custom_id(name: &str, catalog: &Catalog) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("verplicht: vul een naam in".into());
    }
    if let Some(msg) = rules::text(name) {
        return Err(msg);
    }
    let id = rules::slug(name);
    if id.is_empty() {
        return Err("gebruik ten minste één letter of cijfer in de naam".into());
    }
    if catalog.get(&id).is_some() {
        return Err(format!(
            "`{name}` staat al in de lijst; zoek erop en kies die"
        ));
    }
    Ok(id)
}

/// A provider id from the catalog or the shop's own list.
pub fn lookup(a: &Answers, catalog: &Catalog, id: &str) -> Option<Provider> {
    lookup_ref(a, catalog, id).map(std::borrow::Cow::into_owned)
}

/// As [`lookup`], without copying a catalog entry (the check looks up every chosen one).
pub fn lookup_ref<'c>(
    a: &Answers,
    catalog: &'c Catalog,
    id: &str,
) -> Option<std::borrow::Cow<'c, Provider>> {
    match catalog.get(id) {
        Some(p) => Some(std::borrow::Cow::Borrowed(p)),
        None => a
            .custom_providers
            .iter()
            .find(|c| c.id == id)
            .map(|c| std::borrow::Cow::Owned(catalog.custom_provider(c))),
    }
}

fn check_providers(a: &Answers, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    // Warnings about a provider itself (not its use in one section) come once.
    let mut warned = std::collections::HashSet::new();
    let mut told = std::collections::HashSet::new();
    for (key, ids) in &a.providers.0 {
        let Some(section) = Section::from_id(key) else {
            let hint = did_you_mean(&nearest(key, Section::ALL.iter().map(|s| s.id())));
            out.push(Diagnostic::error(
                format!("providers.{key}"),
                format!("onbekend onderdeel `{key}`{hint}"),
            ));
            continue;
        };
        let field = format!("providers.{key}");
        let mut seen = std::collections::HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                out.push(Diagnostic::warning(
                    &field,
                    format!("`{id}` staat er twee keer"),
                ));
                continue;
            }
            match lookup_ref(a, catalog, id) {
                None => {
                    let known = catalog
                        .ids()
                        .chain(a.custom_providers.iter().map(|c| c.id.as_str()));
                    let hint = did_you_mean(&nearest(id, known));
                    out.push(Diagnostic::error(
                        &field,
                        format!("onbekende aanbieder `{id}`{hint}; voeg een eigen aanbieder toe met [[custom_provider]]"),
                    ));
                }
                Some(p) if !p.serves(section) => {
                    let can: Vec<&str> = p.sections.iter().map(|s| s.id()).collect();
                    out.push(Diagnostic::error(
                        &field,
                        format!(
                            "{} hoort niet bij {}; deze aanbieder kan bij: {}",
                            p.name,
                            section.label().to_lowercase(),
                            can.join(", ")
                        ),
                    ));
                }
                Some(p) => {
                    provider_warnings(a, &p, section, &field, &mut warned, out);
                    if told.insert(p.id.clone()) {
                        provider_notes(&p, &field, out);
                    }
                }
            }
        }
    }
    let chosen = |s: Section| !a.providers.get(s).is_empty();
    for (s, what) in [
        (Section::Webshop, "geen webwinkelsoftware gekozen"),
        (Section::Payments, "geen betaalprovider gekozen"),
        (Section::Shipping, "geen vervoerder of verzendtool gekozen"),
    ] {
        if !chosen(s) {
            out.push(Diagnostic::warning(
                format!("providers.{}", s.id()),
                format!("{what}; klopt dat?"),
            ));
        }
    }
    let self_hosted = [
        "woocommerce",
        "magento",
        "prestashop",
        "shopware",
        "opencart",
    ];
    if a.providers
        .get(Section::Webshop)
        .iter()
        .any(|id| self_hosted.contains(&id.as_str()))
        && !chosen(Section::Hosting)
    {
        out.push(Diagnostic::warning(
            "providers.hosting",
            "uw webwinkelsoftware draait op eigen hosting: kies ook de hostingpartij",
        ));
    }
}

/// The Dutch words for the unverified-fact vocabulary of the catalog.
pub fn unverified_label(fact: &str) -> &str {
    match fact {
        "company" => "de bedrijfsnaam",
        "country" => "het land van vestiging",
        "role" => "de rol (verwerker of zelf verantwoordelijk)",
        "data" => "welke gegevens het ontvangt",
        "transfers" => "doorgifte buiten de EER (met de waarborg)",
        "agreement" => "hoe de verwerkersovereenkomst wordt gesloten",
        "cookies" => "de cookies",
        "privacy_url" => "de link naar de privacyverklaring",
        other => other,
    }
}

/// Information, not defects: catalog facts that rest on no source, a privacy-friendlier choice.
fn provider_notes(p: &Provider, field: &str, out: &mut Vec<Diagnostic>) {
    if !p.custom && !p.unverified.is_empty() {
        let facts: Vec<&str> = p.unverified.iter().map(|u| unverified_label(u)).collect();
        let when = p
            .checked
            .as_deref()
            .and_then(super::model::date_nl)
            .map(|d| format!(" (catalogus gecontroleerd op {d})"))
            .unwrap_or_default();
        out.push(Diagnostic::info(
            field,
            format!(
                "{}: niet uit een bron bevestigd{when}: {}; controleer dit bij de aanbieder",
                p.name,
                super::model::list_nl(&facts)
            ),
        ));
    }
    if let Some(alt) = &p.alternative {
        out.push(Diagnostic::info(
            field,
            format!("{}: privacyvriendelijker is {alt}", p.name),
        ));
    }
}

fn provider_warnings(
    a: &Answers,
    p: &Provider,
    section: Section,
    field: &str,
    warned: &mut std::collections::HashSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    let first = warned.insert(p.id.clone());
    if first && p.asks_consent_for_something() {
        let what = if section == Section::Cookies {
            format!("{} vraagt vooraf toestemming van de bezoeker", p.name)
        } else if matches!(section, Section::WebsiteTools | Section::CustomerService) {
            format!(
                "{} mag pas laden nadat de bezoeker toestemming heeft gegeven",
                p.name
            )
        } else {
            format!(
                "{} zet een script of cookies op uw website (bijvoorbeeld om bezoekers te volgen) waarvoor vooraf toestemming nodig is; het beleid noemt het onder Cookies",
                p.name
            )
        };
        out.push(Diagnostic::warning(
            field,
            format!("{what}: zorg voor een cookiemelding waarmee de bezoeker kan weigeren, en laad het pas na toestemming"),
        ));
    }
    if first && !p.custom {
        let none: Vec<&str> = p
            .transfers
            .iter()
            .filter(|t| t.safeguard == Safeguard::NoneKnown)
            .map(|t| t.country.as_str())
            .collect();
        if !none.is_empty() {
            out.push(Diagnostic::warning(
                field,
                format!(
                    "{}: voor de doorgifte naar {} is geen erkende waarborg bekend; het beleid zegt dat, maar overweeg een andere aanbieder",
                    p.name,
                    none.join(", ")
                ),
            ));
        }
    }
    if section == Section::BusinessEmail {
        if let Some(email) = a.shop.email.as_deref().filter(|e| rules::consumer_mail(e)) {
            let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
            out.push(Diagnostic::warning(
                field,
                format!(
                    "uw e-mailadres eindigt op @{domain}: dat is een gewoon consumentenaccount, zonder de zakelijke voorwaarden en verwerkersovereenkomst van een zakelijk pakket; het beleid zegt dat {} zelf verantwoordelijk is. Een zakelijk adres op uw eigen domein lost dat op",
                    p.name
                ),
            ));
        }
    }
    if section == Section::Payments && p.credit_check {
        out.push(Diagnostic::warning(
            field,
            format!(
                "{} doet bij achteraf betalen een automatische kredietbeoordeling; het beleid vermeldt dit",
                p.name
            ),
        ));
    }
}

fn check_variants(a: &Answers, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    for (pid, vid) in &a.variants {
        let field = format!("variants.{pid}");
        let Some(p) = catalog.get(pid) else {
            let hint = did_you_mean(&nearest(pid, catalog.ids()));
            out.push(Diagnostic::error(
                field,
                format!("onbekende aanbieder `{pid}`{hint}"),
            ));
            continue;
        };
        if !p.variants.iter().any(|v| &v.id == vid) {
            let ids: Vec<&str> = p.variants.iter().map(|v| v.id.as_str()).collect();
            let msg = if ids.is_empty() {
                format!("{} heeft geen varianten", p.name)
            } else {
                format!(
                    "onbekende variant `{vid}`{}; kies uit: {}",
                    did_you_mean(&nearest(vid, ids.iter().copied())),
                    ids.join(", ")
                )
            };
            out.push(Diagnostic::error(field, msg));
        } else if !Section::ALL
            .iter()
            .any(|s| a.providers.get(*s).contains(pid))
        {
            out.push(Diagnostic::warning(
                field,
                format!("{} is nergens gekozen", p.name),
            ));
        }
    }
}

fn check_policy(a: &Answers, out: &mut Vec<Diagnostic>) {
    if let Some(msg) = a
        .policy
        .cookie_statement_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .and_then(rules::page_url)
    {
        out.push(Diagnostic::error("policy.cookie_statement_url", msg));
    }
    if let Some(msg) = a.policy.dpo.as_deref().and_then(rules::text) {
        out.push(Diagnostic::error("policy.dpo", msg));
    }
    if let Some(y) = a.policy.retention_max_years {
        if !(1..=20).contains(&y) {
            out.push(Diagnostic::error(
                "policy.retention_max_years",
                format!("{y} jaar is geen redelijke bewaartermijn; kies 1 tot 20"),
            ));
        } else if y > 7 {
            out.push(Diagnostic::warning(
                "policy.retention_max_years",
                format!("{y} jaar is lang; bewaar gegevens niet langer dan nodig"),
            ));
        }
    }
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    fn checked(toml: &str) -> Vec<Diagnostic> {
        let engine = Engine::load().unwrap();
        let mut a = engine.example_shop().clone();
        let extra = Answers::from_toml_str(toml).unwrap();
        a = extra.layered_over(&a);
        check(&a, engine.catalog())
    }

    fn errors(d: &[Diagnostic]) -> Vec<String> {
        d.iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}: {}", d.field, d.message))
            .collect()
    }

    #[test]
    fn the_example_shop_has_no_errors() {
        assert!(errors(&checked("")).is_empty());
    }

    #[test]
    fn custom_providers_are_checked() {
        let e = errors(&checked(
            "[[custom_provider]]\nid = \"mollie\"\nname = \"\"\nsections = [\"hostng\"]\n",
        ));
        assert!(
            e.iter().any(|m| m.contains("staat al in de catalogus")),
            "{e:?}"
        );
        assert!(
            e.iter().any(|m| m.contains("custom_provider[0].name")),
            "{e:?}"
        );
        assert!(
            e.iter().any(|m| m.contains("bedoelde u `hosting`")),
            "{e:?}"
        );
    }

    #[test]
    fn a_custom_provider_can_be_chosen() {
        let d = checked("[providers]\nhosting = [\"eigen\"]\n[[custom_provider]]\nid = \"eigen\"\nname = \"Eigen\"\nsections = [\"hosting\"]\n");
        assert!(errors(&d).is_empty(), "{d:?}");
    }

    #[test]
    fn variants_must_exist() {
        let e = errors(&checked("[providers]\nreviews = [\"webwinkelkeur\"]\n[variants]\nwebwinkelkeur = \"naam-woonplaats\"\n"));
        assert!(
            e.iter()
                .any(|m| m.contains("bedoelde u `naam-en-woonplaats`")),
            "{e:?}"
        );
        let e = errors(&checked("[variants]\nmollie = \"x\"\n"));
        assert!(e.iter().any(|m| m.contains("geen varianten")), "{e:?}");
    }

    #[test]
    fn diagnostics_know_their_section() {
        let d = checked("[providers]\npayments = [\"postnl\"]\n");
        let e = d.iter().find(|d| d.severity == Severity::Error).unwrap();
        assert_eq!(e.section(), Some(Section::Payments));
    }

    #[test]
    fn retention_bounds() {
        assert!(!errors(&checked("[policy]\nretention_max_years = 0\n")).is_empty());
        assert!(errors(&checked("[policy]\nretention_max_years = 3\n")).is_empty());
    }
}
