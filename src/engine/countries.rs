//! Country rules for transfers (art. 44–49 AVG): which countries are in the EEA, which have an
//! adequacy decision (assets/adequacy.toml), and which safeguards fit a destination country.
//! The one home of these rules: catalog loading, `check`, the text and the wizard all ask here.

use serde::{Deserialize, Serialize};

use super::catalog::Safeguard;
use super::error::EngineError;

/// What an adequacy decision covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdequacyScope {
    /// The whole country.
    All,
    /// Only organisations under the country's commercial privacy law (Canada, Japan).
    Commercial,
    /// Only companies certified under the EU-US Data Privacy Framework.
    Dpf,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdequacyCountry {
    /// Dutch name, as catalog and answers write it.
    pub name: String,
    pub english: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The Commission's decision, in Dutch.
    pub decision: String,
    pub scope: AdequacyScope,
    /// Dutch phrase: who the decision covers, when not the whole country.
    #[serde(default)]
    pub scope_text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdequacyFile {
    source: Vec<String>,
    checked: toml::value::Datetime,
    #[serde(default)]
    notes: Option<String>,
    eea: Vec<String>,
    country: Vec<AdequacyCountry>,
}

/// The country lists with their provenance.
#[derive(Debug, Clone, Serialize)]
pub struct Countries {
    pub eea: Vec<String>,
    pub adequacy: Vec<AdequacyCountry>,
    pub source: Vec<String>,
    pub checked: String,
    pub notes: Option<String>,
}

/// The United States: adequacy only through DPF certification.
pub const US: &str = "Verenigde Staten";

/// Equal but for case and surrounding spaces (without building lowercase copies: the
/// country rules run for every provider on every change).
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

impl Countries {
    pub fn parse(text: &str) -> Result<Countries, EngineError> {
        let f: AdequacyFile = toml::from_str(text).map_err(|e| EngineError::Asset {
            what: "adequacy.toml".into(),
            message: super::error::ParseError::from_toml(text, &e).to_string(),
        })?;
        if f.eea.len() != 30 {
            return Err(EngineError::Asset {
                what: "adequacy.toml".into(),
                message: format!("de EER telt 30 landen, de lijst {}", f.eea.len()),
            });
        }
        Ok(Countries {
            eea: f.eea,
            adequacy: f.country,
            source: f.source,
            checked: f.checked.to_string(),
            notes: f.notes,
        })
    }

    /// The embedded assets/adequacy.toml.
    pub fn embedded() -> Result<Countries, EngineError> {
        let text = super::assets::asset("adequacy.toml").ok_or_else(|| EngineError::Asset {
            what: "adequacy.toml".into(),
            message: "ontbreekt in assets/".into(),
        })?;
        Countries::parse(text)
    }

    /// The Dutch name of a country these lists know, whatever case or language it was typed in.
    pub fn canonical(&self, name: &str) -> Option<String> {
        if let Some(c) = self.eea.iter().find(|c| same(c, name)) {
            return Some(c.clone());
        }
        self.adequacy_of(name).map(|c| c.name.clone())
    }

    pub fn is_eea(&self, country: &str) -> bool {
        self.eea.iter().any(|c| same(c, country))
    }

    /// The adequacy entry of a country (including the United States, whose decision covers
    /// only DPF-certified companies).
    pub fn adequacy_of(&self, country: &str) -> Option<&AdequacyCountry> {
        self.adequacy.iter().find(|c| {
            same(&c.name, country)
                || same(&c.english, country)
                || c.aliases.iter().any(|a| same(a, country))
        })
    }

    /// True when the country itself (or part of it, per scope) has an adequacy decision that a
    /// transfer can rest on as `adequacy`; the United States counts only through `dpf`.
    pub fn has_adequacy(&self, country: &str) -> bool {
        self.adequacy_of(country)
            .is_some_and(|c| c.scope != AdequacyScope::Dpf)
    }

    pub fn is_us(&self, country: &str) -> bool {
        self.adequacy_of(country)
            .is_some_and(|c| c.scope == AdequacyScope::Dpf)
    }

    /// The safeguards a transfer to this country can rest on, in the order a form offers them.
    /// Empty for an EEA country: that is no transfer.
    pub fn valid_safeguards(&self, country: &str) -> Vec<Safeguard> {
        if self.is_eea(country) {
            vec![]
        } else if self.is_us(country) {
            vec![
                Safeguard::Dpf,
                Safeguard::Scc,
                Safeguard::Bcr,
                Safeguard::NoneKnown,
            ]
        } else if self.has_adequacy(country) {
            vec![
                Safeguard::Adequacy,
                Safeguard::Scc,
                Safeguard::Bcr,
                Safeguard::NoneKnown,
            ]
        } else {
            vec![Safeguard::Scc, Safeguard::Bcr, Safeguard::NoneKnown]
        }
    }

    /// Why a safeguard does not fit a country, in Dutch; None when it fits.
    pub fn safeguard_problem(&self, country: &str, sg: Safeguard) -> Option<String> {
        if self.is_eea(country) {
            return Some(format!(
                "{country} ligt in de EER; dat is geen doorgifte buiten de EER"
            ));
        }
        if self.valid_safeguards(country).contains(&sg) {
            return None;
        }
        Some(match sg {
            Safeguard::Dpf => format!(
                "het Data Privacy Framework geldt alleen voor de Verenigde Staten, niet voor {country}"
            ),
            Safeguard::Adequacy if self.is_us(country) => "voor de Verenigde Staten geldt het adequaatheidsbesluit alleen via het Data Privacy Framework: kies dpf".into(),
            Safeguard::Adequacy => format!(
                "{country} heeft geen adequaatheidsbesluit van de Europese Commissie; kies scc, bcr of none_known"
            ),
            _ => format!("deze waarborg past niet bij {country}"),
        })
    }

    /// Every country a form may offer: the EEA first, then those with an adequacy decision.
    pub fn known(&self) -> impl Iterator<Item = &str> {
        self.eea
            .iter()
            .map(String::as_str)
            .chain(self.adequacy.iter().map(|c| c.name.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c() -> Countries {
        Countries::embedded().unwrap()
    }

    #[test]
    fn eea_and_adequacy() {
        let c = c();
        assert!(c.is_eea("Nederland") && c.is_eea("noorwegen"));
        assert!(!c.is_eea("Zwitserland"));
        for a in [
            "Canada",
            "Verenigd Koninkrijk",
            "Zwitserland",
            "Japan",
            "United Kingdom",
        ] {
            assert!(c.has_adequacy(a), "{a}");
        }
        for n in ["Verenigde Staten", "India", "China", "Nederland"] {
            assert!(!c.has_adequacy(n), "{n}");
        }
        assert_eq!(c.canonical("switzerland").as_deref(), Some("Zwitserland"));
    }

    #[test]
    fn names_compare_without_case_or_spaces() {
        assert!(same(" Verenigde Staten", "verenigde staten "));
        assert!(same("ÅLAND", "åland") && same("Curaçao", "CURAÇAO"));
        assert!(!same("Oostenrijk", "Oostenrijken") && !same("Ierland", "IJsland"));
        assert!(c().is_eea(" DENEMARKEN "));
    }

    #[test]
    fn safeguards_per_country() {
        let c = c();
        assert!(c.valid_safeguards("Nederland").is_empty());
        assert_eq!(c.valid_safeguards("Verenigde Staten")[0], Safeguard::Dpf);
        assert!(!c.valid_safeguards("Canada").contains(&Safeguard::Dpf));
        assert!(c.valid_safeguards("Canada").contains(&Safeguard::Adequacy));
        assert!(!c.valid_safeguards("India").contains(&Safeguard::Adequacy));
        assert!(c.safeguard_problem("China", Safeguard::Adequacy).is_some());
        assert!(c.safeguard_problem("Canada", Safeguard::Dpf).is_some());
        assert!(c
            .safeguard_problem("Verenigde Staten", Safeguard::Adequacy)
            .is_some());
        assert!(c.safeguard_problem("India", Safeguard::NoneKnown).is_none());
    }
}
