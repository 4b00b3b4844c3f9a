//! The answers file: the engine's one input, the wizard's save format.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::{EngineError, ParseError};
use super::section::Section;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    #[serde(default)]
    pub shop: Shop,
    #[serde(default, skip_serializing_if = "Providers::is_empty")]
    pub providers: Providers,
    /// Provider id → variant id, for catalog entries with variant facts.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "PolicyOptions::is_empty")]
    pub policy: PolicyOptions,
    #[serde(
        default,
        rename = "custom_provider",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub custom_providers: Vec<CustomProvider>,
    /// Where the wizard was; ignored by the engine, kept so reopening resumes there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wizard: Option<WizardState>,
    /// Provider id → date the processor agreement was concluded (`[agreements] mollie = 2025-03-01`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "dates_in",
        serialize_with = "dates_out"
    )]
    pub agreements: BTreeMap<String, String>,
    /// Export settings remembered for this file (documents, formats, folder); not used by the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export: Option<ExportSettings>,
}

/// `[export]`: what the last export of this file wrote, so the next one starts from it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportSettings {
    /// policy, register, agreements
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// md, html, fragment, txt
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formats: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir: Option<String>,
    /// false leaves the list of changes out of the policy
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changelog: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shop {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Kept as text (YYYY-MM-DD) so a wrong date is reported by `check`, not lost in parsing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "date_in",
        serialize_with = "date_out"
    )]
    pub effective_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kvk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_contact: Option<String>,
}

/// The shop fields in form order, with their answers-file keys.
pub const SHOP_FIELDS: [&str; 13] = [
    "name",
    "operator",
    "website",
    "effective_date",
    "street",
    "postcode",
    "city",
    "country",
    "phone",
    "email",
    "kvk",
    "vat",
    "privacy_contact",
];

impl Shop {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.slot(key).and_then(|v| v.as_deref())
    }

    /// Sets a field; blank text clears it. Returns false for an unknown key.
    pub fn set(&mut self, key: &str, value: &str) -> bool {
        let cleaned = value.trim();
        match self.slot_mut(key) {
            Some(slot) => {
                *slot = (!cleaned.is_empty()).then(|| cleaned.to_string());
                true
            }
            None => false,
        }
    }

    fn slot(&self, key: &str) -> Option<&Option<String>> {
        Some(match key {
            "name" => &self.name,
            "operator" => &self.operator,
            "website" => &self.website,
            "effective_date" => &self.effective_date,
            "street" => &self.street,
            "postcode" => &self.postcode,
            "city" => &self.city,
            "country" => &self.country,
            "phone" => &self.phone,
            "email" => &self.email,
            "kvk" => &self.kvk,
            "vat" => &self.vat,
            "privacy_contact" => &self.privacy_contact,
            _ => return None,
        })
    }

    fn slot_mut(&mut self, key: &str) -> Option<&mut Option<String>> {
        Some(match key {
            "name" => &mut self.name,
            "operator" => &mut self.operator,
            "website" => &mut self.website,
            "effective_date" => &mut self.effective_date,
            "street" => &mut self.street,
            "postcode" => &mut self.postcode,
            "city" => &mut self.city,
            "country" => &mut self.country,
            "phone" => &mut self.phone,
            "email" => &mut self.email,
            "kvk" => &mut self.kvk,
            "vat" => &mut self.vat,
            "privacy_contact" => &mut self.privacy_contact,
            _ => return None,
        })
    }
}

/// Section key → provider ids. A missing key means "not answered" (a preset may fill it);
/// an empty list means "none". Keys stay text so a misspelt section is reported, not rejected.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Providers(pub BTreeMap<String, Vec<String>>);

impl Providers {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, section: Section) -> &[String] {
        self.0.get(section.id()).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_answered(&self, section: Section) -> bool {
        self.0.contains_key(section.id())
    }

    pub fn set(&mut self, section: Section, ids: Vec<String>) {
        self.0.insert(section.id().to_string(), ids);
    }

    /// Adds or removes one id; returns whether it is now selected.
    pub fn toggle(&mut self, section: Section, id: &str) -> bool {
        let list = self.0.entry(section.id().to_string()).or_default();
        if let Some(pos) = list.iter().position(|x| x == id) {
            list.remove(pos);
            false
        } else {
            list.push(id.to_string());
            true
        }
    }
}

impl Serialize for Providers {
    // Sections in policy order rather than alphabetical: saved files read like the wizard.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for s in Section::ALL {
            if let Some(v) = self.0.get(s.id()) {
                map.serialize_entry(s.id(), v)?;
            }
        }
        for (k, v) in &self.0 {
            if Section::from_id(k).is_none() {
                map.serialize_entry(k, v)?;
            }
        }
        map.end()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyOptions {
    /// Keep customer data at most this many years after the last contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_max_years: Option<u32>,
    /// Customers can create an account in the shop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_accounts: Option<bool>,
    /// Name of the data protection officer, only when one is appointed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<String>,
    /// Language of the documents: "nl" or "en" (text, so `check` can name a wrong value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How Dutch documents address the reader: "u" or "je".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone: Option<String>,
    /// The website has its own contact form (no provider needed; section customer_service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_form: Option<bool>,
    /// Where the cookie statement stands on the website (`https://…` or `/path`); the
    /// policy links to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookie_statement_url: Option<String>,
}

impl PolicyOptions {
    pub fn is_empty(&self) -> bool {
        *self == PolicyOptions::default()
    }
}

/// A provider the catalog lacks, with the same facts as a catalog entry. Short form:
/// `sections` (with `role` and `data` for all of them, or the defaults per section from
/// assets/sections.toml); long form: `[[custom_provider.activity]]`. Transfers: a
/// `[[custom_provider.transfer]]` list; the old keys `outside_eea`, `safeguard` and
/// `transfer_countries` stay readable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomProvider {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub sections: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Country of establishment; Nederland when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_url: Option<String>,
    /// Short form: the role in every section of `sections` (processor | controller |
    /// joint_controller); absent: the section's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Short form: the data it receives; absent: the section's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<String>>,
    /// Long form: one entry per activity, overriding the short form for its section.
    #[serde(default, rename = "activity", skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<CustomActivity>,
    /// Each country outside the EEA where data go, with its safeguard.
    #[serde(default, rename = "transfer", skip_serializing_if = "Vec::is_empty")]
    pub transfers: Vec<CustomTransfer>,
    /// How the processor agreement is concluded: terms | dashboard | request | unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_url: Option<String>,
    /// Puts something in the visitor's browser that needs prior consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profiling: Option<bool>,
    /// Old form: data leave the EEA (to `transfer_countries`, else to `country`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside_eea: Option<bool>,
    /// Old form: the safeguard of those countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safeguard: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transfer_countries: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomActivity {
    pub section: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profiling: Option<bool>,
    /// joint_controller: what the joint part covers, and who handles requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_covers: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_contact: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomTransfer {
    pub country: String,
    /// adequacy | dpf | scc | bcr | none_known; absent is an error in `check`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safeguard: Option<String>,
}

impl CustomProvider {
    /// The destination countries with their safeguard text as written, old keys included:
    /// `outside_eea = true` means `transfer_countries`, or else `country`.
    pub fn transfer_list(&self) -> Vec<CustomTransfer> {
        if !self.transfers.is_empty() {
            return self.transfers.clone();
        }
        if self.outside_eea != Some(true) {
            return vec![];
        }
        let countries = if self.transfer_countries.is_empty() {
            vec![self.country.clone().unwrap_or_else(|| "Nederland".into())]
        } else {
            self.transfer_countries.clone()
        };
        countries
            .into_iter()
            .map(|country| CustomTransfer {
                country,
                safeguard: self.safeguard.clone(),
            })
            .collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WizardState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
}

/// A date field: a TOML date or text (so `check` can report a wrong one); any other kind
/// of value gets a Dutch message instead of serde's.
struct DateOrText(String);

impl<'de> Deserialize<'de> for DateOrText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(d)? {
            toml::Value::Datetime(dt) => Ok(DateOrText(dt.to_string())),
            toml::Value::String(s) => Ok(DateOrText(s)),
            _ => Err(D::Error::custom(format!(
                "{}hier hoort een datum, bijvoorbeeld 2025-01-31",
                super::error::OWN
            ))),
        }
    }
}

impl DateOrText {
    fn text(self) -> String {
        self.0
    }
}

fn date_in<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Some(DateOrText::deserialize(d)?.text()))
}

/// A TOML date when the text is one, otherwise the text (so `check` can report it).
fn as_toml_date(v: &str) -> Option<toml::value::Datetime> {
    v.parse::<toml::value::Datetime>()
        .ok()
        .filter(|dt| dt.date.is_some() && dt.time.is_none())
}

fn date_out<S: Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    // Written back as a TOML date when it is one, so the file keeps the documented form.
    match v.as_deref().and_then(as_toml_date) {
        Some(dt) => dt.serialize(s),
        None => v.serialize(s),
    }
}

/// The largest answers file read: a real one is a few kB; this stops a wrong file (or
/// /dev/zero) from filling memory.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads an answers file as text, at most [`MAX_FILE_BYTES`].
pub fn read_text(path: &Path) -> Result<String, EngineError> {
    use std::io::Read;
    let read_err = |e| EngineError::Read {
        path: path.to_path_buf(),
        source: e,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(EngineError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    String::from_utf8(bytes).map_err(|_| read_err(std::io::ErrorKind::InvalidData.into()))
}

fn dates_in<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let m = BTreeMap::<String, DateOrText>::deserialize(d)?;
    Ok(m.into_iter().map(|(k, v)| (k, v.text())).collect())
}

fn dates_out<S: Serializer>(m: &BTreeMap<String, String>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(m.len()))?;
    for (k, v) in m {
        match as_toml_date(v) {
            Some(dt) => map.serialize_entry(k, &dt)?,
            None => map.serialize_entry(k, v)?,
        }
    }
    map.end()
}

impl Answers {
    pub fn from_toml_str(text: &str) -> Result<Answers, ParseError> {
        toml::from_str(text).map_err(|e| ParseError::from_toml(text, &e))
    }

    pub fn load(path: &Path) -> Result<Answers, EngineError> {
        let text = read_text(path)?;
        Answers::from_toml_str(&text).map_err(|e| EngineError::Parse {
            path: path.to_path_buf(),
            error: e,
        })
    }

    pub fn to_toml_string(&self) -> String {
        // Serialising plain strings, numbers and tables cannot fail.
        toml::to_string(self).unwrap_or_default()
    }

    /// Applies a preset underneath these answers: what this file says wins.
    pub fn layered_over(&self, base: &Answers) -> Answers {
        let mut out = base.clone();
        out.preset = self.preset.clone();
        for key in SHOP_FIELDS {
            if let Some(v) = self.shop.get(key) {
                out.shop.set(key, v);
            }
        }
        for (k, v) in &self.providers.0 {
            out.providers.0.insert(k.clone(), v.clone());
        }
        for (k, v) in &self.variants {
            out.variants.insert(k.clone(), v.clone());
        }
        let p = &self.policy;
        out.policy.retention_max_years = p.retention_max_years.or(out.policy.retention_max_years);
        out.policy.customer_accounts = p.customer_accounts.or(out.policy.customer_accounts);
        out.policy.dpo = p.dpo.clone().or(out.policy.dpo.take());
        out.policy.language = p.language.clone().or(out.policy.language.take());
        out.policy.tone = p.tone.clone().or(out.policy.tone.take());
        out.policy.contact_form = p.contact_form.or(out.policy.contact_form);
        out.policy.cookie_statement_url = p
            .cookie_statement_url
            .clone()
            .or(out.policy.cookie_statement_url.take());
        for c in &self.custom_providers {
            out.custom_providers.retain(|x| x.id != c.id);
            out.custom_providers.push(c.clone());
        }
        out.wizard = self.wizard.clone();
        for (k, v) in &self.agreements {
            out.agreements.insert(k.clone(), v.clone());
        }
        out.export = self.export.clone();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
preset = "starter-minimaal"
[shop]
name = "Test"
effective_date = 2023-05-12
[providers]
payments = ["mollie"]
cookies = []
[[custom_provider]]
id = "eigen-host"
name = "Eigen Host"
sections = ["hosting"]
"#;

    #[test]
    fn parses_dates_and_round_trips() {
        let a = Answers::from_toml_str(SAMPLE).unwrap();
        assert_eq!(a.shop.effective_date.as_deref(), Some("2023-05-12"));
        let text = a.to_toml_string();
        assert!(text.contains("effective_date = 2023-05-12"), "{text}");
        assert_eq!(Answers::from_toml_str(&text).unwrap(), a);
    }

    #[test]
    fn agreements_keep_their_dates_and_export_settings_round_trip() {
        let a = Answers::from_toml_str(
            "[agreements]\nmollie = 2025-03-01\npostnl = \"maart\"\n[export]\nformats = [\"md\"]\ndir = \"uit\"\n",
        )
        .unwrap();
        assert_eq!(a.agreements["mollie"], "2025-03-01");
        assert_eq!(a.agreements["postnl"], "maart");
        let text = a.to_toml_string();
        assert!(text.contains("mollie = 2025-03-01"), "{text}");
        assert_eq!(Answers::from_toml_str(&text).unwrap(), a);
    }

    #[test]
    fn a_date_given_as_text_is_kept_for_check() {
        let a = Answers::from_toml_str("[shop]\neffective_date = \"12-05-2023\"\n").unwrap();
        assert_eq!(a.shop.effective_date.as_deref(), Some("12-05-2023"));
    }

    #[test]
    fn missing_key_differs_from_empty_list() {
        let a = Answers::from_toml_str(SAMPLE).unwrap();
        assert!(a.providers.is_answered(Section::Cookies));
        assert!(!a.providers.is_answered(Section::Shipping));
    }

    #[test]
    fn providers_are_saved_in_section_order() {
        let mut a = Answers::default();
        a.providers.set(Section::Cookies, vec!["x".into()]);
        a.providers.set(Section::Webshop, vec!["y".into()]);
        let text = a.to_toml_string();
        assert!(text.find("webshop").unwrap() < text.find("cookies").unwrap());
    }

    #[test]
    fn layering_keeps_the_preset_where_the_file_is_silent() {
        let mut base = Answers::default();
        base.providers.set(Section::Shipping, vec!["postnl".into()]);
        base.providers.set(Section::Payments, vec!["mollie".into()]);
        base.policy.retention_max_years = Some(3);
        let top = Answers::from_toml_str(SAMPLE).unwrap();
        let out = top.layered_over(&base);
        assert_eq!(out.providers.get(Section::Shipping), ["postnl"]);
        assert_eq!(out.providers.get(Section::Payments), ["mollie"]);
        assert_eq!(out.policy.retention_max_years, Some(3));
        assert_eq!(out.shop.name.as_deref(), Some("Test"));
    }

    #[test]
    fn toggle_adds_and_removes() {
        let mut p = Providers::default();
        assert!(p.toggle(Section::Payments, "mollie"));
        assert!(!p.toggle(Section::Payments, "mollie"));
        assert!(p.get(Section::Payments).is_empty());
        assert!(p.is_answered(Section::Payments));
    }

    #[test]
    fn set_trims_and_clears() {
        let mut s = Shop::default();
        assert!(s.set("city", "  Delft "));
        assert_eq!(s.city.as_deref(), Some("Delft"));
        assert!(s.set("city", "   "));
        assert_eq!(s.city, None);
        assert!(!s.set("nope", "x"));
    }
}
