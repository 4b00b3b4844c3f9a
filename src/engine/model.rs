//! The template context: answers and catalog facts, prepared so templates only phrase them.
//! Every value typed by a user is wrapped (document::wrap_user) here, once. Grammar that
//! follows the data (one or several, lists, articles before countries) is computed here or by
//! the named helpers in mod.rs (`opsomming`, `kies`), so a template reads as the text it makes.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::catalog::{Catalog, CookieCategory, JointContact, Provider, Role, Safeguard};
use super::cookies;
use super::countries::Countries;
use super::document::{wrap_user, LINK_END, LINK_MID, LINK_START};
use super::error::EngineError;
use super::lang::{self, Glossary, Lang, Term, Texts, Voice};
use super::rules;
use super::section::Section;
use super::validate::lookup_ref;

#[derive(Serialize)]
pub struct Context {
    shop: ShopView,
    sections: BTreeMap<&'static str, SectionView>,
    has: BTreeMap<&'static str, bool>,
    /// Every declared purpose by id, with its legal basis in words.
    purpose: BTreeMap<String, PurposeView>,
    /// The purposes that apply to this shop, in declaration order.
    purposes: Vec<PurposeView>,
    /// The legitimate interests weighed, as one Dutch enumeration.
    interests: String,
    /// One row per recipient (table under "Wie ontvangen uw gegevens?").
    recipients: Vec<RecipientRow>,
    transfers: TransfersView,
    credit_checks: Names,
    profilers: Names,
    /// The tools in the cookie table: every tool of cookies::tools() (the one list the cookie
    /// statement and banner read) that is not embedded content and does more than necessary.
    cookie_tools: Vec<CookieToolView>,
    /// The other tools of that list, by name: only necessary cookies, or embedded content.
    cookie_necessary: Names,
    cookie_embedded: Names,
    /// The kinds of cookies the shop uses, as one enumeration ("noodzakelijke cookies en ...").
    cookie_kinds: String,
    /// "onze cookieverklaring", a link when `[policy] cookie_statement_url` is given.
    cookie_statement: String,
    /// The link that reopens the banner's settings (assets/banner/loader.js listens to it).
    cookie_settings: String,
    /// Recipients that decide themselves and keep their own retention periods.
    own_retention: Names,
    /// Review platforms (not reviews on the shop's own site).
    review_platforms: Names,
    /// Marketplaces the order data come from (art. 14).
    order_sources: Names,
    policy: PolicyView,
}

/// A group of names with its size, for grammar ("X is", "X en Y zijn").
#[derive(Serialize, Clone, Default)]
struct Names {
    n: usize,
    names: String,
}

impl Names {
    fn of(list: &[String], w: &Words) -> Names {
        Names {
            n: list.len(),
            names: w.list(list),
        }
    }
}

/// The words of one voice that the context is built from: the fixed texts
/// (assets/i18n/<voice>.toml, group `policy`) and, for English, the glossary of catalog words.
/// Every lookup that finds nothing is an error naming the file and key, never Dutch in its place.
pub struct Words<'a> {
    pub voice: Voice,
    texts: &'a Texts,
    glossary: &'a Glossary,
}

impl<'a> Words<'a> {
    pub fn new(voice: Voice, texts: &'a Texts, glossary: &'a Glossary) -> Words<'a> {
        Words {
            voice,
            texts,
            glossary,
        }
    }

    /// The embedded texts of `voice`.
    pub fn of(voice: Voice) -> Result<Words<'static>, EngineError> {
        Ok(Words::new(voice, lang::texts(voice)?, lang::glossary()?))
    }

    pub fn lang(&self) -> Lang {
        self.voice.lang
    }

    /// A fixed text of group `policy`, with `{name}` placeholders filled.
    pub fn t(&self, key: &str, with: &[(&str, &str)]) -> Result<String, EngineError> {
        let mut s = self.texts.get(&format!("policy.{key}"))?.to_string();
        for (k, v) in with {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        Ok(s)
    }

    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        lang::list(items, self.lang())
    }

    /// A catalog word in the document's language; Dutch stays as the catalog writes it.
    pub fn term(&self, term: Term, nl: &str) -> Result<String, EngineError> {
        match self.lang() {
            Lang::Nl => Ok(nl.to_string()),
            Lang::En => self.glossary.get(term, nl).map(str::to_string),
        }
    }

    /// Data labels of a provider: a shop's own provider's labels are its user's words and
    /// stay as typed unless the glossary knows them.
    pub fn data(&self, labels: &[String], custom: bool) -> Result<Vec<String>, EngineError> {
        labels
            .iter()
            .map(|l| match self.term(Term::Data, l) {
                Err(_) if custom => Ok(wrap_user(l)),
                r => r,
            })
            .collect()
    }

    /// A country inside a sentence: "de Verenigde Staten", "the United States". A country
    /// a user typed (`custom`) and the glossary does not know stays as typed; the caller
    /// wraps it as user text.
    pub fn country(&self, nl: &str, custom: bool) -> Result<String, EngineError> {
        match self.lang() {
            Lang::Nl => Ok(lang::country_nl(nl)),
            Lang::En => match self.glossary.get(Term::Country, nl) {
                Ok(en) => Ok(en.to_string()),
                Err(_) if custom => Ok(nl.to_string()),
                Err(e) => Err(e),
            },
        }
    }

    /// A country as a table cell or address line: "Verenigde Staten", "United States".
    pub fn country_bare(&self, nl: &str, custom: bool) -> Result<String, EngineError> {
        let c = self.country(nl, custom)?;
        Ok(match self.lang() {
            Lang::Nl => nl.to_string(),
            Lang::En => c.strip_prefix("the ").map(str::to_string).unwrap_or(c),
        })
    }

    pub fn date(&self, iso: &str) -> Option<String> {
        lang::date(iso, self.lang())
    }
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
    /// The shop's address is a free consumer mailbox (gmail.com, hotmail.com, ...).
    consumer_mail: bool,
}

#[derive(Serialize, Clone)]
struct TransferView {
    /// With an article where Dutch needs one ("de Verenigde Staten").
    country: String,
    safeguard: &'static str,
}

#[derive(Serialize, Clone)]
struct ProviderView {
    id: String,
    name: String,
    company: String,
    /// With an article where Dutch needs one ("de Verenigde Staten"), for running text.
    country: String,
    /// Its role in this section (the first activity's).
    role: &'static str,
    processor: bool,
    controller: bool,
    joint: bool,
    data: String,
    outside_eea: bool,
    based_outside: bool,
    transfers: Vec<TransferView>,
    /// "Canada (adequaatheidsbesluit) en de Verenigde Staten (EU-VS Data Privacy Framework)".
    transfer_text: String,
    /// The same with bare country names, for the table.
    transfer_list: String,
    consent: bool,
    /// It puts cookies or similar items in the visitor's browser (the catalog lists them).
    stores: bool,
    cookie_category: &'static str,
    credit_check: bool,
    profiling: bool,
    self_hosted: bool,
    publishes: String,
    privacy_url: String,
    /// "de privacyverklaring van <company>" as a link (or plain text without a URL).
    privacy_link: String,
    joint_covers: String,
    joint_contact: &'static str,
    joint_link: String,
    /// Review platforms: sends invitations for the shop as a processor.
    invites_as_processor: bool,
    /// A consumer mailbox (business_email with a free address): no processor agreement.
    consumer_account: bool,
    custom: bool,
}

/// One section's providers, with the facts they share said once.
#[derive(Serialize, Default)]
struct SectionView {
    n: usize,
    names: String,
    list: Vec<ProviderView>,
    /// Providers that receive data here (not self-hosted), grouped by identical data lists.
    data_groups: Vec<DataGroup>,
    /// The providers here that decide for themselves (controllers: an own accountant) and
    /// the others (working for us: a bookkeeping package), by name.
    deciding: Names,
    working: Names,
    /// Review platforms that send the invitations as our processor and publish the reviews as
    /// controllers: both roles said together, once, in the reviews section (not again below).
    split: Names,
    split_links: String,
    /// Processors whose role is not stated in an earlier section.
    processors: Names,
    /// Controllers whose role is not stated earlier, with their privacy statements as links.
    controllers: Names,
    controller_links: String,
    /// Joint controllers, grouped by who answers requests.
    joint: Vec<JointGroup>,
    /// In the EEA, without transfers, place not stated earlier.
    in_eea: Names,
    /// With transfers, place not stated earlier, grouped by identical facts.
    outside: Vec<PlaceGroup>,
    consumer_accounts: Vec<ProviderView>,
}

#[derive(Serialize, Clone)]
struct JointGroup {
    n: usize,
    names: String,
    companies: String,
    /// What the joint part covers: the catalog's phrase for one, a shared phrase for several.
    covers: String,
    contact: &'static str,
    privacy_links: String,
    joint_links: String,
}

#[derive(Serialize, Clone)]
struct PlaceGroup {
    n: usize,
    names: String,
    based_outside: bool,
    country: String,
    transfer_text: String,
}

#[derive(Serialize, Clone)]
struct DataGroup {
    n: usize,
    names: String,
    data: String,
}

#[derive(Serialize, Clone)]
struct RecipientRow {
    name: String,
    company_link: String,
    roles: String,
    country: String,
    outside: String,
}

#[derive(Serialize, Default)]
struct TransfersView {
    any: bool,
    n: usize,
    adequacy: bool,
    dpf: bool,
    scc: bool,
    bcr: bool,
    none_known: bool,
    /// Countries with no recognised safeguard, as one enumeration.
    none_known_countries: String,
}

#[derive(Serialize, Clone)]
struct CookieToolView {
    name: String,
    /// Embedded content or a chat widget (its own section describes it).
    #[serde(skip)]
    embedded: bool,
    /// Only necessary items (no consent, nothing to weigh): named, not in the table.
    #[serde(skip)]
    necessary_only: bool,
    /// The kinds of its items ("statistieken en marketing").
    kinds: String,
    data: String,
    profiling: bool,
    consent: bool,
    self_hosted: bool,
}

#[derive(Serialize)]
struct PolicyView {
    retention_max_years: Option<u32>,
    retention_words: Option<String>,
    customer_accounts: bool,
    dpo: Option<String>,
    /// The website has its own contact form.
    contact_form: bool,
    uses_consent: bool,
}

/// One purpose of assets/purposes.toml: its Dutch "u" words at the top level, the "je" and
/// English words in `je` and `en` (both required: no voice falls back to another).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    pub id: String,
    pub when: String,
    pub text: String,
    pub basis: Vec<String>,
    pub grounds: String,
    #[serde(default)]
    pub interest: Option<String>,
    pub je: PurposeWords,
    pub en: PurposeWords,
}

/// A purpose's words in one voice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurposeWords {
    pub text: String,
    pub grounds: String,
    #[serde(default)]
    pub interest: Option<String>,
}

impl Purpose {
    /// The words of `voice`.
    pub fn words(&self, voice: Voice) -> PurposeWords {
        match voice.key() {
            "nl-je" => self.je.clone(),
            "en" => self.en.clone(),
            _ => PurposeWords {
                text: self.text.clone(),
                grounds: self.grounds.clone(),
                interest: self.interest.clone(),
            },
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PurposesFile {
    purpose: Vec<Purpose>,
}

/// The facts a purpose's `when` may name; anything else is a data error.
pub const PURPOSE_CONDITIONS: [&str; 9] = [
    "always",
    "newsletter",
    "review_invites",
    "own_reviews",
    "analytics_free",
    "analytics_consent",
    "marketing",
    "credit_check",
    "embedded_consent",
];

pub fn parse_purposes(text: &str) -> Result<Vec<Purpose>, super::EngineError> {
    let bad = |m: String| super::EngineError::Asset {
        what: "purposes.toml".into(),
        message: m,
    };
    let f: PurposesFile = toml::from_str(text)
        .map_err(|e| bad(super::error::ParseError::from_toml(text, &e).to_string()))?;
    for p in &f.purpose {
        if !PURPOSE_CONDITIONS.contains(&p.when.as_str()) {
            return Err(bad(format!("doel `{}`: onbekende when `{}`", p.id, p.when)));
        }
        if p.basis.is_empty()
            || p.basis
                .iter()
                .any(|b| !["a", "b", "c", "f"].contains(&b.as_str()))
        {
            return Err(bad(format!("doel `{}`: basis is a, b, c of f", p.id)));
        }
        for v in Voice::ALL {
            if p.basis.iter().any(|b| b == "f") != p.words(v).interest.is_some() {
                return Err(bad(format!(
                    "doel `{}` ({}): interest hoort precies bij grondslag f",
                    p.id,
                    v.key()
                )));
            }
        }
    }
    Ok(f.purpose)
}

#[derive(Serialize, Clone)]
struct PurposeView {
    id: String,
    text: String,
    /// "de uitvoering van de overeenkomst met u (artikel 6, lid 1, onder b AVG)",
    /// "the performance of the contract with you (Article 6(1)(b) GDPR)".
    grondslag: String,
    /// "uitvoering van de overeenkomst met u (onder b)", for the list.
    short: String,
}

/// The letters of article 6(1) as the language writes them: "b en f", "(b) and (f)".
pub fn basis_letters(basis: &[String], lang: Lang) -> String {
    match lang {
        Lang::Nl => lang::list(basis, lang),
        Lang::En => lang::list(
            &basis.iter().map(|b| format!("({b})")).collect::<Vec<_>>(),
            lang,
        ),
    }
}

fn purpose_view(p: &Purpose, w: &Words) -> Result<PurposeView, EngineError> {
    let letters = basis_letters(&p.basis, w.lang());
    let words = p.words(w.voice);
    Ok(PurposeView {
        id: p.id.clone(),
        grondslag: format!(
            "{} ({})",
            words.grounds,
            w.t("basis", &[("letters", &letters)])?
        ),
        short: format!(
            "{} ({})",
            words.grounds,
            w.t("basis_short", &[("letters", &letters)])?
        ),
        text: words.text,
    })
}

/// "a", "a en b", "a, b en c".
pub fn list_nl<S: AsRef<str>>(items: &[S]) -> String {
    lang::list(items, Lang::Nl)
}

/// Small numbers in words, as Dutch style prefers ("twee jaar").
pub fn number_nl(n: u32) -> String {
    lang::number(n, Lang::Nl)
}

/// "12 mei 2023".
pub fn date_nl(iso: &str) -> Option<String> {
    lang::date(iso, Lang::Nl)
}

fn wrap_opt(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(wrap_user)
}

fn link_markup(url: &str, text: &str) -> String {
    if url.trim().is_empty() {
        text.to_string()
    } else {
        format!("{LINK_START}{url}{LINK_MID}{text}{LINK_END}")
    }
}

/// "Canada (adequaatheidsbesluit) en de Verenigde Staten (EU-VS Data Privacy Framework)".
fn transfer_text(
    p: &Provider,
    article: bool,
    user: &dyn Fn(&str) -> String,
    w: &Words,
) -> Result<String, EngineError> {
    let parts = p
        .transfers
        .iter()
        .map(|t| {
            let country = if article {
                w.country(&t.country, p.custom)?
            } else {
                w.country_bare(&t.country, p.custom)?
            };
            Ok(format!(
                "{} ({})",
                user(&country),
                w.t(&format!("safeguard.{}", t.safeguard.id()), &[])?
            ))
        })
        .collect::<Result<Vec<String>, EngineError>>()?;
    Ok(w.list(&parts))
}

fn cookie_category_id(c: CookieCategory) -> &'static str {
    match c {
        CookieCategory::Necessary => "necessary",
        CookieCategory::Preferences => "preferences",
        CookieCategory::Statistics => "statistics",
        CookieCategory::Marketing => "marketing",
    }
}

fn provider_view(
    p: &Provider,
    section: Section,
    variant: Option<&str>,
    countries: &Countries,
    consumer_mail: bool,
    w: &Words,
) -> Result<ProviderView, EngineError> {
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
    let consumer_account = consumer_mail
        && section == Section::BusinessEmail
        && p.role_in(section) == Role::Processor
        && !p.self_hosted;
    let role = if consumer_account {
        Role::Controller
    } else {
        p.role_in(section)
    };
    let joint = p
        .activities_in(section)
        .find(|a| a.role == Role::JointController);
    // A free personal account is the product maker's own service, under its own company.
    let consumer = p.consumer.as_ref().filter(|_| consumer_account);
    let company = user(consumer.map_or(&p.company, |c| &c.company));
    let privacy_url = consumer.map_or(&p.privacy_url, |c| &c.privacy_url).clone();
    Ok(ProviderView {
        id: p.id.clone(),
        name: user(p.short_name.as_deref().unwrap_or(&p.name)),
        company: company.clone(),
        country: user(&w.country(&p.country, p.custom)?),
        role: role.id(),
        processor: p.activities_in(section).any(|a| a.role == Role::Processor) && !consumer_account,
        controller: consumer_account
            || p.activities_in(section).any(|a| a.role == Role::Controller),
        joint: joint.is_some(),
        data: w.list(&w.data(&p.data_in(section), p.custom)?),
        outside_eea: p.outside_eea(),
        based_outside: !countries.is_eea(&p.country),
        transfers: p
            .transfers
            .iter()
            .map(|t| {
                Ok(TransferView {
                    country: user(&w.country(&t.country, p.custom)?),
                    safeguard: t.safeguard.id(),
                })
            })
            .collect::<Result<_, EngineError>>()?,
        transfer_text: transfer_text(p, true, &user, w)?,
        transfer_list: transfer_text(p, false, &user, w)?,
        consent: p.needs_consent(),
        stores: !p.cookies.is_empty(),
        cookie_category: cookie_category_id(p.cookie_category()),
        credit_check: p.credit_check,
        profiling: p.activities_in(section).any(|a| a.profiling),
        self_hosted: p.self_hosted,
        publishes: w.list(&w.data(&publishes, p.custom)?),
        privacy_link: link_markup(
            &privacy_url,
            &w.t("privacy_link", &[("company", &company)])?,
        ),
        privacy_url,
        joint_covers: match joint.and_then(|a| a.joint_covers.as_deref()) {
            Some(c) if p.custom => user(c),
            Some(c) => w.term(Term::JointCovers, c)?,
            None => String::new(),
        },
        joint_contact: match joint.and_then(|a| a.joint_contact) {
            Some(JointContact::Shop) => "shop",
            Some(JointContact::Provider) => "provider",
            Some(JointContact::Both) => "both",
            None => "",
        },
        joint_link: match joint.and_then(|a| a.joint_url.as_deref()) {
            Some(u) => link_markup(u, &w.t("joint_link", &[("company", &company)])?),
            None => String::new(),
        },
        invites_as_processor: p
            .activities_in(section)
            .any(|a| a.id.as_deref() == Some("invitations") && a.role == Role::Processor),
        consumer_account,
        custom: p.custom,
    })
}

fn names_of(list: &[&ProviderView], w: &Words) -> Names {
    Names::of(&list.iter().map(|p| p.name.clone()).collect::<Vec<_>>(), w)
}

/// Which facts are said in which section: a provider's role once per role, its place once.
#[derive(Default)]
struct Said {
    roles: HashSet<(String, &'static str)>,
    places: HashSet<String>,
}

fn section_view(
    list: Vec<ProviderView>,
    said: &mut Said,
    w: &Words,
) -> Result<SectionView, EngineError> {
    let receiving: Vec<&ProviderView> = list.iter().filter(|p| !p.self_hosted).collect();
    let mut data_groups: Vec<DataGroup> = Vec::new();
    let mut group_names: Vec<Vec<String>> = Vec::new();
    for p in receiving.iter().filter(|p| !p.data.is_empty()) {
        match data_groups.iter().position(|g| g.data == p.data) {
            Some(i) => group_names[i].push(p.name.clone()),
            None => {
                data_groups.push(DataGroup {
                    n: 0,
                    names: String::new(),
                    data: p.data.clone(),
                });
                group_names.push(vec![p.name.clone()]);
            }
        }
    }
    for (g, names) in data_groups.iter_mut().zip(group_names) {
        g.n = names.len();
        g.names = w.list(&names);
    }
    let unsaid = |p: &ProviderView, role: &'static str| !said.roles.contains(&(p.id.clone(), role));
    let split: Vec<&ProviderView> = receiving
        .iter()
        .copied()
        .filter(|p| p.invites_as_processor && p.controller)
        .filter(|p| unsaid(p, "processor") && unsaid(p, "controller"))
        .collect();
    for p in &split {
        said.roles.insert((p.id.clone(), "processor"));
        said.roles.insert((p.id.clone(), "controller"));
    }
    let mut first = |p: &ProviderView, role: &'static str| said.roles.insert((p.id.clone(), role));
    let processors: Vec<&ProviderView> = receiving
        .iter()
        .copied()
        .filter(|p| p.processor && first(p, "processor"))
        .collect();
    let controllers: Vec<&ProviderView> = receiving
        .iter()
        .copied()
        .filter(|p| p.controller && !p.consumer_account && first(p, "controller"))
        .collect();
    let joint_list: Vec<&ProviderView> = receiving
        .iter()
        .copied()
        .filter(|p| p.joint && first(p, "joint"))
        .collect();
    let mut joint: Vec<JointGroup> = Vec::new();
    for contact in ["shop", "provider", "both"] {
        let g: Vec<&ProviderView> = joint_list
            .iter()
            .copied()
            .filter(|p| p.joint_contact == contact)
            .collect();
        if g.is_empty() {
            continue;
        }
        let names: Vec<String> = g.iter().map(|p| p.name.clone()).collect();
        let mut companies: Vec<String> = Vec::new();
        for p in &g {
            if !companies.contains(&p.company) {
                companies.push(p.company.clone());
            }
        }
        joint.push(JointGroup {
            n: g.len(),
            covers: if g.len() == 1 {
                g[0].joint_covers.clone()
            } else {
                w.t("joint_covers_many", &[("names", &w.list(&names))])?
            },
            names: w.list(&names),
            companies: w.list(&companies),
            contact,
            privacy_links: w.list(&g.iter().map(|p| p.privacy_link.clone()).collect::<Vec<_>>()),
            joint_links: w.list(
                &g.iter()
                    .filter(|p| !p.joint_link.is_empty())
                    .map(|p| p.joint_link.clone())
                    .collect::<Vec<_>>(),
            ),
        });
    }
    let consumer_accounts: Vec<ProviderView> = receiving
        .iter()
        .filter(|p| p.consumer_account)
        .map(|p| (*p).clone())
        .collect();
    let placed: Vec<&ProviderView> = receiving
        .iter()
        .copied()
        .filter(|p| said.places.insert(p.id.clone()))
        .collect();
    let in_eea: Vec<&ProviderView> = placed
        .iter()
        .copied()
        .filter(|p| !p.outside_eea && !p.based_outside)
        .collect();
    let mut outside: Vec<PlaceGroup> = Vec::new();
    let mut outside_names: Vec<Vec<String>> = Vec::new();
    for p in placed.iter().filter(|p| p.outside_eea || p.based_outside) {
        let same = |g: &PlaceGroup| {
            g.based_outside == p.based_outside
                && g.transfer_text == p.transfer_text
                && (!p.based_outside || g.country == p.country)
        };
        match outside.iter().position(same) {
            Some(i) => outside_names[i].push(p.name.clone()),
            None => {
                outside.push(PlaceGroup {
                    n: 0,
                    names: String::new(),
                    based_outside: p.based_outside,
                    country: p.country.clone(),
                    transfer_text: p.transfer_text.clone(),
                });
                outside_names.push(vec![p.name.clone()]);
            }
        }
    }
    for (g, names) in outside.iter_mut().zip(outside_names) {
        g.n = names.len();
        g.names = w.list(&names);
    }
    let links: Vec<String> = controllers.iter().map(|p| p.privacy_link.clone()).collect();
    let split_links: Vec<String> = split.iter().map(|p| p.privacy_link.clone()).collect();
    let deciding: Vec<&ProviderView> = list.iter().filter(|p| p.controller).collect();
    let working: Vec<&ProviderView> = list.iter().filter(|p| !p.controller).collect();
    Ok(SectionView {
        deciding: names_of(&deciding, w),
        working: names_of(&working, w),
        split: names_of(&split, w),
        split_links: w.list(&split_links),
        n: list.len(),
        names: w.list(&list.iter().map(|p| p.name.clone()).collect::<Vec<_>>()),
        data_groups,
        processors: names_of(&processors, w),
        controllers: names_of(&controllers, w),
        controller_links: w.list(&links),
        joint,
        in_eea: names_of(&in_eea, w),
        outside,
        consumer_accounts,
        list,
    })
}

/// A kind of cookie: short (table cell) and as a noun phrase (enumeration), in the voice's
/// words (assets/i18n, `policy.cookie.kind.*` and `policy.cookie.kinds.*`).
fn cookie_kind(c: CookieCategory, w: &Words) -> Result<(String, String), EngineError> {
    let id = cookie_category_id(c);
    Ok((
        w.t(&format!("cookie.kind.{id}"), &[])?,
        w.t(&format!("cookie.kinds.{id}"), &[])?,
    ))
}

pub fn build(
    a: &Answers,
    catalog: &Catalog,
    purposes: &[Purpose],
    w: &Words,
) -> Result<Context, EngineError> {
    let countries = catalog.countries();
    let consumer_mail = a.shop.email.as_deref().is_some_and(rules::consumer_mail);
    let s = &a.shop;
    // A visible placeholder for the wizard preview; `render` refuses a policy without a name.
    let name = match wrap_opt(&s.name) {
        Some(n) => n,
        None => w.t("placeholder_name", &[])?,
    };
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
        effective_date: s.effective_date.as_deref().and_then(|d| w.date(d)),
        street: wrap_opt(&s.street),
        postcode: wrap_opt(&dutch_postcode),
        city: wrap_opt(&s.city),
        country: match s
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            Some(c) => wrap_user(&w.country_bare(c, true)?),
            None => w.country_bare("Nederland", false)?,
        },
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
        consumer_mail,
    };

    let mut sections = BTreeMap::new();
    let mut has = BTreeMap::new();
    let mut said = Said::default();
    // Every chosen provider once, with the sections it serves here, in policy order.
    let mut chosen: Vec<(std::borrow::Cow<Provider>, Vec<Section>)> = Vec::new();
    for sec in Section::ALL {
        let mut list: Vec<ProviderView> = Vec::new();
        for p in a
            .providers
            .get(sec)
            .iter()
            .filter_map(|id| lookup_ref(a, catalog, id))
            .filter(|p| p.serves(sec))
        {
            if list.iter().any(|x| x.id == p.id) {
                continue;
            }
            list.push(provider_view(
                &p,
                sec,
                a.variants.get(&p.id).map(String::as_str),
                countries,
                consumer_mail,
                w,
            )?);
            match chosen.iter_mut().find(|(c, _)| c.id == p.id) {
                Some((_, secs)) => secs.push(sec),
                None => chosen.push((p, vec![sec])),
            }
        }
        has.insert(sec.id(), !list.is_empty());
        sections.insert(sec.id(), section_view(list, &mut said, w)?);
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
    let reviews = &sections["reviews"].list;
    let review_platforms: Vec<String> = reviews
        .iter()
        .filter(|p| !p.self_hosted)
        .map(|p| p.name.clone())
        .collect();
    has.insert("review_invites", !review_platforms.is_empty());
    has.insert("own_reviews", reviews.iter().any(|p| p.self_hosted));

    // Cookie tools: the one list of the cookie statement and the banner (cookies::tools);
    // the data and profiling facts come from the catalog entry, as for every provider.
    let tools = cookies::tools(a, catalog);
    let mut cookie_tools: Vec<CookieToolView> = Vec::new();
    let mut kinds_used = vec![CookieCategory::Necessary];
    let (mut analytics_free, mut analytics_consent, mut marketing) = (false, false, false);
    for t in &tools {
        let Some((p, secs)) = chosen.iter().find(|(p, _)| p.id == t.id) else {
            continue;
        };
        let s = if p.serves(Section::Cookies) {
            Section::Cookies
        } else {
            secs[0]
        };
        let embedded = secs
            .iter()
            .all(|x| matches!(x, Section::WebsiteTools | Section::CustomerService));
        let mut kinds: Vec<CookieCategory> = Vec::new();
        for g in &t.groups {
            if !kinds.contains(&g.category) {
                kinds.push(g.category);
            }
            if !kinds_used.contains(&g.category) {
                kinds_used.push(g.category);
            }
            match g.category {
                CookieCategory::Statistics if g.consent => analytics_consent = true,
                CookieCategory::Statistics => analytics_free = true,
                CookieCategory::Marketing | CookieCategory::Preferences if !embedded => {
                    marketing |= g.consent
                }
                _ => {}
            }
        }
        let kind_words: Vec<String> = kinds
            .iter()
            .map(|c| Ok(cookie_kind(*c, w)?.0))
            .collect::<Result<_, EngineError>>()?;
        cookie_tools.push(CookieToolView {
            embedded,
            necessary_only: !secs.contains(&Section::Cookies)
                && kinds.iter().all(|c| *c == CookieCategory::Necessary),
            name: if t.custom {
                wrap_user(&t.name)
            } else {
                t.name.clone()
            },
            kinds: w.list(&kind_words),
            // A webshop platform's data in its section are order data, not what its cookies
            // collect; those stand in the statement.
            data: if s == Section::Webshop {
                w.t("cookie.see_statement", &[])?
            } else {
                w.list(&w.data(&p.data_in(s), p.custom)?)
            },
            profiling: p.activities_in(s).any(|a| a.profiling),
            consent: t.groups.iter().any(|g| g.consent),
            self_hosted: p.self_hosted,
        });
    }
    kinds_used.sort();
    let cookie_kinds = w.list(
        &kinds_used
            .iter()
            .map(|c| Ok(cookie_kind(*c, w)?.1))
            .collect::<Result<Vec<_>, EngineError>>()?,
    );
    let statement_words = w.t("cookie.statement", &[])?;
    let cookie_statement = match a.policy.cookie_statement_url.as_deref().map(str::trim) {
        Some(u) if rules::page_url(u).is_none() => link_markup(u, &statement_words),
        _ => statement_words,
    };
    let cookie_settings = link_markup(
        cookies::statement::settings_anchor(w.lang()),
        &w.t("cookie.settings", &[])?,
    );
    let embedded_consent = cookie_tools.iter().any(|t| t.consent && t.embedded);
    has.insert("embedded_consent", embedded_consent);
    let contact = a.policy.contact_form.unwrap_or(false) || has["customer_service"];
    has.insert("contact", contact);
    has.insert("analytics_free", analytics_free);
    has.insert("analytics_consent", analytics_consent);
    has.insert("marketing", marketing);
    has.insert("consent_tools", cookie_tools.iter().any(|t| t.consent));

    let credit: Vec<String> = sections["payments"]
        .list
        .iter()
        .filter(|p| p.credit_check)
        .map(|p| p.name.clone())
        .collect();
    has.insert("credit_check", !credit.is_empty());
    let profilers: Vec<String> = cookie_tools
        .iter()
        .filter(|t| t.profiling)
        .map(|t| t.name.clone())
        .collect();
    // Embedded content and chat widgets are described in their own sections; tools with only
    // necessary cookies are named, not weighed.
    let names_where = |f: &dyn Fn(&CookieToolView) -> bool| {
        let v: Vec<String> = cookie_tools
            .iter()
            .filter(|t| f(t))
            .map(|t| t.name.clone())
            .collect();
        Names::of(&v, w)
    };
    let cookie_embedded = names_where(&|t| t.embedded);
    let cookie_necessary = names_where(&|t| !t.embedded && t.necessary_only);
    cookie_tools.retain(|t| !t.embedded && !t.necessary_only);
    has.insert("cookie_tools", !cookie_tools.is_empty());

    // Recipients: everyone who receives data, except software on the shop's own hosting and
    // marketplaces, which are the source of order data rather than recipients (art. 14).
    let mut recipients = Vec::new();
    let mut own_retention = Vec::new();
    let mut order_sources = Vec::new();
    let mut none_known_countries: Vec<String> = Vec::new();
    let mut tv = TransfersView::default();
    for (p, secs) in &chosen {
        let view = provider_view(p, secs[0], None, countries, consumer_mail, w)?;
        if p.self_hosted {
            continue;
        }
        if secs.iter().all(|s| *s == Section::SalesChannels)
            && p.role_in(Section::SalesChannels) == Role::Controller
        {
            order_sources.push(view.name.clone());
            continue;
        }
        let mut roles: Vec<(Role, Vec<String>)> = Vec::new();
        for s in secs {
            for act in p.activities_in(*s) {
                let role = if consumer_mail && *s == Section::BusinessEmail {
                    Role::Controller
                } else {
                    act.role
                };
                // Activities with a label of their own that the table names apart.
                let key = match (act.label.as_deref(), act.id.as_deref()) {
                    (Some(_), Some(id @ ("invitations" | "publishing"))) => {
                        format!("activity.{id}")
                    }
                    _ => format!("section.{}", s.id()),
                };
                let label = w.t(&key, &[])?;
                match roles.iter_mut().find(|(r, _)| *r == role) {
                    Some((_, l)) => l.push(label),
                    None => roles.push((role, vec![label])),
                }
            }
        }
        let role_label = |r: Role| w.t(&format!("role.{}", r.id()), &[]);
        let role_text = if roles.len() == 1 {
            role_label(roles[0].0)?
        } else {
            roles
                .iter()
                .map(|(r, l)| Ok(format!("{} ({})", role_label(*r)?, l.join(", "))))
                .collect::<Result<Vec<_>, EngineError>>()?
                .join("; ")
        };
        if roles.iter().any(|(r, _)| *r != Role::Processor) {
            own_retention.push(view.name.clone());
        }
        for t in &p.transfers {
            tv.any = true;
            match t.safeguard {
                Safeguard::Adequacy => tv.adequacy = true,
                Safeguard::Dpf => tv.dpf = true,
                Safeguard::Scc => tv.scc = true,
                Safeguard::Bcr => tv.bcr = true,
                Safeguard::NoneKnown => {
                    tv.none_known = true;
                    let c = view
                        .transfers
                        .iter()
                        .find(|x| x.safeguard == "none_known")
                        .map(|x| x.country.clone())
                        .unwrap_or_default();
                    if !none_known_countries.contains(&c) {
                        none_known_countries.push(c);
                    }
                }
            }
        }
        if p.outside_eea() {
            tv.n += 1;
        }
        recipients.push(RecipientRow {
            name: view.name.clone(),
            company_link: link_markup(&view.privacy_url, &view.company),
            roles: role_text,
            country: if p.custom {
                wrap_user(&w.country_bare(&p.country, true)?)
            } else {
                w.country_bare(&p.country, false)?
            },
            outside: if p.outside_eea() {
                view.transfer_list.clone()
            } else {
                w.t("no", &[])?
            },
        });
    }
    tv.none_known_countries = w.list(&none_known_countries);

    let active = |when: &str| match when {
        "always" => true,
        other => has.get(other) == Some(&true),
    };
    let purpose: BTreeMap<String, PurposeView> = purposes
        .iter()
        .map(|p| Ok((p.id.clone(), purpose_view(p, w)?)))
        .collect::<Result<_, EngineError>>()?;
    let active_purposes: Vec<&Purpose> = purposes.iter().filter(|p| active(&p.when)).collect();
    let interests: Vec<String> = active_purposes
        .iter()
        .filter_map(|p| p.words(w.voice).interest)
        .collect();
    let policy = PolicyView {
        retention_max_years: a.policy.retention_max_years,
        retention_words: a
            .policy
            .retention_max_years
            .map(|n| lang::number(n, w.lang())),
        customer_accounts: a.policy.customer_accounts.unwrap_or(false),
        dpo: wrap_opt(&a.policy.dpo),
        contact_form: a.policy.contact_form.unwrap_or(false),
        uses_consent: active_purposes
            .iter()
            .any(|p| p.basis.iter().any(|b| b == "a")),
    };
    Ok(Context {
        shop,
        purposes: active_purposes
            .iter()
            .map(|p| purpose_view(p, w))
            .collect::<Result<_, _>>()?,
        purpose,
        interests: w.list(&interests),
        sections,
        has,
        recipients,
        transfers: tv,
        credit_checks: Names::of(&credit, w),
        profilers: Names::of(&profilers, w),
        cookie_tools,
        cookie_necessary,
        cookie_embedded,
        cookie_kinds,
        cookie_statement,
        cookie_settings,
        own_retention: Names::of(&own_retention, w),
        review_platforms: Names::of(&review_platforms, w),
        order_sources: Names::of(&order_sources, w),
        policy,
    })
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
    }
}
