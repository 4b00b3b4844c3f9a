//! The provider catalog (assets/catalog/*.toml) and the section descriptions (assets/sections.toml).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::answers::CustomProvider;
use super::error::EngineError;
use super::section::Section;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Processes on the shop's behalf, under a processor agreement.
    Verwerker,
    /// Decides itself what it does with the data; its own privacy statement applies.
    Verantwoordelijke,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Safeguard {
    /// Certified under the EU-US Data Privacy Framework (adequacy decision of 10 July 2023).
    Dpf,
    /// Standard contractual clauses of the European Commission.
    Scc,
    /// The country itself has an adequacy decision.
    Adequacy,
    /// Binding corporate rules approved by an EU supervisory authority.
    Bcr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CookieKind {
    Functioneel,
    Analytisch,
    Marketing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub publishes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub id: String,
    pub name: String,
    /// Name used in the policy text when `name` carries a distinction only the wizard needs.
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub sections: Vec<Section>,
    pub company: String,
    pub country: String,
    pub role: Role,
    pub description: String,
    pub data: Vec<String>,
    pub outside_eea: bool,
    #[serde(default)]
    pub transfer_countries: Vec<String>,
    #[serde(default)]
    pub safeguard: Option<Safeguard>,
    pub cookie_consent: bool,
    #[serde(default)]
    pub cookie_kind: Option<CookieKind>,
    /// Software on the shop's own hosting: the company behind it receives nothing.
    #[serde(default)]
    pub self_hosted: bool,
    #[serde(default)]
    pub credit_check: bool,
    #[serde(default)]
    pub profiling: bool,
    #[serde(default)]
    pub publishes: Vec<String>,
    pub privacy_url: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default, rename = "variant")]
    pub variants: Vec<Variant>,
    /// True for a shop's own `[[custom_provider]]`, never in catalog files.
    #[serde(skip)]
    pub custom: bool,
}

impl Provider {
    pub fn serves(&self, s: Section) -> bool {
        self.sections.contains(&s)
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
        let place = if self.outside_eea {
            format!(
                "{}; gegevens naar {}",
                self.country,
                self.transfer_countries.join(", ")
            )
        } else {
            self.country.clone()
        };
        if self.data.is_empty() {
            format!("{} — {place}.", self.description)
        } else {
            format!(
                "{} — {place}. Ontvangt: {}.",
                self.description,
                self.data.join(", ")
            )
        }
    }

    pub fn from_custom(c: &CustomProvider) -> Provider {
        let outside = c.outside_eea.unwrap_or(false);
        let country = c.country.clone().unwrap_or_else(|| "Nederland".into());
        Provider {
            id: c.id.clone(),
            name: c.name.clone(),
            short_name: None,
            aliases: vec![],
            sections: c
                .sections
                .iter()
                .filter_map(|s| Section::from_id(s))
                .collect(),
            company: c.company.clone().unwrap_or_else(|| c.name.clone()),
            // The answers name one country: outside the EEA, that is where the data go.
            transfer_countries: if outside {
                vec![country.clone()]
            } else {
                vec![]
            },
            country,
            role: Role::Verwerker,
            description: "Eigen toevoeging van de webwinkel".into(),
            data: vec![],
            outside_eea: outside,
            safeguard: match c.safeguard.as_deref() {
                Some("dpf") => Some(Safeguard::Dpf),
                Some("adequacy") => Some(Safeguard::Adequacy),
                Some("bcr") => Some(Safeguard::Bcr),
                Some(_) => Some(Safeguard::Scc),
                None if outside => Some(Safeguard::Scc),
                None => None,
            },
            cookie_consent: false,
            cookie_kind: None,
            self_hosted: false,
            credit_check: false,
            profiling: false,
            publishes: vec![],
            privacy_url: c.privacy_url.clone().unwrap_or_default(),
            source: None,
            variants: vec![],
            custom: true,
        }
    }
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
}

impl Catalog {
    /// Parses catalog files (name, text); checks the rules every entry must meet.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
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
        for (i, p) in providers.iter().enumerate() {
            let bad = |m: &str| EngineError::Asset {
                what: format!("catalog, provider `{}`", p.id),
                message: m.to_string(),
            };
            if index.insert(p.id.clone(), i).is_some() {
                return Err(bad("id staat er twee keer in"));
            }
            if p.sections.is_empty() {
                return Err(bad("geen sections"));
            }
            if p.outside_eea && (p.safeguard.is_none() || p.transfer_countries.is_empty()) {
                return Err(bad("outside_eea zonder safeguard of transfer_countries"));
            }
            if p.serves(Section::Cookies) != p.cookie_kind.is_some() {
                return Err(bad("cookie_kind hoort precies bij de sectie cookies"));
            }
        }
        Ok(Catalog { providers, index })
    }

    pub fn get(&self, id: &str) -> Option<&Provider> {
        self.index.get(id).map(|&i| &self.providers[i])
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
sections = ["payments"]
company = "X B.V."
country = "Nederland"
role = "verwerker"
description = "Test"
data = ["naam"]
outside_eea = false
cookie_consent = false
privacy_url = "https://x.nl/privacy"
"#;

    #[test]
    fn an_own_provider_outside_the_eea_sends_data_to_its_country() {
        let p = Provider::from_custom(&CustomProvider {
            id: "wolkje".into(),
            name: "Wolkje".into(),
            country: Some("Verenigde Staten".into()),
            outside_eea: Some(true),
            safeguard: Some("dpf".into()),
            ..Default::default()
        });
        assert_eq!(p.transfer_countries, ["Verenigde Staten"]);
        assert_eq!(p.safeguard, Some(Safeguard::Dpf));
        let inside = Provider::from_custom(&CustomProvider {
            id: "eigen".into(),
            name: "Eigen".into(),
            ..Default::default()
        });
        assert!(inside.transfer_countries.is_empty());
    }

    #[test]
    fn summary_leaves_out_an_empty_data_list() {
        let c = Catalog::from_files([("a.toml", ENTRY)]).unwrap();
        assert_eq!(
            c.get("x").unwrap().summary(),
            "Test — Nederland. Ontvangt: naam."
        );
        let custom = Provider::from_custom(&CustomProvider {
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
        assert!(c.get("x").unwrap().serves(Section::Payments));
        assert!(c.get("y").is_none());
        assert!(c.get("x").unwrap().matches("x b.v"));
    }

    #[test]
    fn rejects_duplicates_and_missing_safeguards() {
        let err = Catalog::from_files([("a.toml", ENTRY), ("b.toml", ENTRY)]).unwrap_err();
        assert!(err.to_string().contains("twee keer"), "{err}");
        let outside = ENTRY.replace("outside_eea = false", "outside_eea = true");
        let err = Catalog::from_files([("a.toml", outside.as_str())]).unwrap_err();
        assert!(err.to_string().contains("safeguard"), "{err}");
        let cookie = ENTRY.replace("[\"payments\"]", "[\"cookies\"]");
        assert!(Catalog::from_files([("a.toml", cookie.as_str())]).is_err());
        let typo = ENTRY.replace("role = \"verwerker\"", "role = \"processor\"");
        let err = Catalog::from_files([("a.toml", typo.as_str())]).unwrap_err();
        assert!(err.to_string().contains("catalog/a.toml"), "{err}");
    }

    #[test]
    fn sections_file_must_list_every_section_in_order() {
        assert!(parse_sections(
            "[[section]]\nid = \"webshop\"\ntitle = \"W\"\nquestion = \"?\"\nhelp = \"h\"\n"
        )
        .is_err());
    }
}
