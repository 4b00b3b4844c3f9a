//! The engine: answers in, policy out. No terminal or UI code lives here.

pub mod answers;
pub mod assets;
pub mod catalog;
pub mod cookies;
pub mod countries;
pub mod document;
pub mod error;
pub mod format;
pub mod lang;
pub mod model;
pub mod nearest;
pub mod presets;
pub mod rules;
pub mod section;
pub mod templates;
pub mod validate;

pub use answers::Answers;
pub use catalog::{Catalog, Provider, SectionInfo};
pub use document::Document;
pub use error::EngineError;
pub use format::Format;
pub use presets::Preset;
pub use section::Section;
pub use validate::{Diagnostic, Severity};

use lang::Voice;

/// Loaded once: catalog, sections, presets; the templates are compiled when first used.
pub struct Engine {
    catalog: Catalog,
    sections: Vec<SectionInfo>,
    presets: Vec<Preset>,
    purposes: Vec<model::Purpose>,
    example_shop: Answers,
    templates: templates::Templates,
}

impl Engine {
    /// Loads the data embedded in the binary. The templates wait until a document in their
    /// voice is first made ([`templates::Templates`]).
    pub fn load() -> Result<Engine, EngineError> {
        let (catalog, sections, presets, purposes, example_shop) = load_data()?;
        Ok(Engine {
            catalog,
            sections,
            presets,
            purposes,
            example_shop,
            templates: templates::Templates::default(),
        })
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Every purpose with its legal basis (assets/purposes.toml).
    pub fn purposes(&self) -> &[model::Purpose] {
        &self.purposes
    }

    /// The country rules (EEA, adequacy decisions, safeguards per country).
    pub fn countries(&self) -> &countries::Countries {
        self.catalog.countries()
    }

    pub fn sections(&self) -> &[SectionInfo] {
        &self.sections
    }

    pub fn section_info(&self, s: Section) -> &SectionInfo {
        // parse_sections guarantees one entry per section, in order.
        &self.sections[Section::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }

    pub fn presets(&self) -> &[Preset] {
        &self.presets
    }

    pub fn preset(&self, id: &str) -> Result<&Preset, EngineError> {
        self.presets
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| EngineError::UnknownPreset {
                id: id.to_string(),
                nearest: nearest::nearest(id, self.presets.iter().map(|p| p.id.as_str())),
            })
    }

    /// Example shop data used to preview a preset.
    pub fn example_shop(&self) -> &Answers {
        &self.example_shop
    }

    /// Applies the preset the answers name, if any.
    pub fn resolve(&self, answers: &Answers) -> Result<Answers, EngineError> {
        match answers.preset.as_deref() {
            Some(id) => Ok(answers.layered_over(&self.preset(id)?.answers)),
            None => Ok(answers.clone()),
        }
    }

    /// Errors and warnings; an unknown preset is reported as an error, not raised.
    pub fn check(&self, answers: &Answers) -> Vec<Diagnostic> {
        match self.resolve(answers) {
            Ok(resolved) => validate::check(&resolved, &self.catalog),
            Err(e) => {
                let mut base = answers.clone();
                base.preset = None;
                let mut d = validate::check(&base, &self.catalog);
                d.insert(
                    0,
                    Diagnostic {
                        severity: Severity::Error,
                        field: "preset".into(),
                        message: e.to_string(),
                    },
                );
                d
            }
        }
    }

    /// The policy as blocks, whatever the state of the answers (the wizard previews
    /// incomplete answers; `render` checks first), in the voice the answers ask for
    /// (`[policy] language` and `tone`).
    pub fn document(&self, answers: &Answers) -> Result<Document, EngineError> {
        Ok(Document::parse(&self.markup(answers)?))
    }

    /// The policy in `voice`, whatever the answers ask for.
    pub fn document_in(&self, answers: &Answers, voice: Voice) -> Result<Document, EngineError> {
        Ok(Document::parse(&self.markup_in(answers, voice)?))
    }

    /// The templates' output before parsing: useful when writing templates.
    pub fn markup(&self, answers: &Answers) -> Result<String, EngineError> {
        let resolved = self.resolved_policy(answers);
        self.markup_resolved(&resolved, lang::voice_of(&resolved))
    }

    pub fn markup_in(&self, answers: &Answers, voice: Voice) -> Result<String, EngineError> {
        self.markup_resolved(&self.resolved_policy(answers), voice)
    }

    fn resolved_policy(&self, answers: &Answers) -> Answers {
        self.resolve(answers).unwrap_or_else(|_| {
            let mut a = answers.clone();
            a.preset = None;
            a
        })
    }

    /// Each voice has its own template tree: assets/templates/<voice>/policy.tera.
    fn markup_resolved(&self, resolved: &Answers, voice: Voice) -> Result<String, EngineError> {
        let words = model::Words::of(voice)?;
        let ctx = model::build(resolved, &self.catalog, &self.purposes, &words)?;
        let ctx = tera::Context::from_serialize(&ctx)
            .map_err(|e| EngineError::Template(error_chain(&e)))?;
        self.templates
            .render(&format!("{}/policy.tera", voice.key()), &ctx)
    }

    /// The policy in `format`, in the voice the answers ask for.
    pub fn render(&self, answers: &Answers, format: Format) -> Result<String, EngineError> {
        let voice = lang::voice_of(&self.resolved_policy(answers));
        self.render_in(answers, format, voice)
    }

    /// The policy in `format` and `voice`; an HTML page's `lang` attribute follows the voice.
    pub fn render_in(
        &self,
        answers: &Answers,
        format: Format,
        voice: Voice,
    ) -> Result<String, EngineError> {
        Ok(format::write_policy_in(
            &self.document_in(answers, voice)?,
            format,
            voice.lang.code(),
        ))
    }
}

type Data = (
    Catalog,
    Vec<SectionInfo>,
    Vec<Preset>,
    Vec<model::Purpose>,
    Answers,
);

/// Catalog, sections, presets, purposes and the example shop.
fn load_data() -> Result<Data, EngineError> {
    let sections = catalog::parse_sections(asset("sections.toml")?)?;
    let catalog =
        Catalog::from_files(assets::CATALOG.iter().copied())?.with_section_defaults(&sections);
    let purposes = model::parse_purposes(asset("purposes.toml")?)?;
    let presets = assets::PRESETS
        .iter()
        .map(|(name, text)| presets::parse_preset(name, text))
        .collect::<Result<Vec<_>, _>>()?;
    let example_shop =
        Answers::from_toml_str(asset("example-shop.toml")?).map_err(|e| EngineError::Asset {
            what: "example-shop.toml".into(),
            message: e.to_string(),
        })?;
    Ok((catalog, sections, presets, purposes, example_shop))
}

fn asset(name: &str) -> Result<&'static str, EngineError> {
    assets::asset(name).ok_or_else(|| EngineError::Asset {
        what: name.into(),
        message: "ontbreekt in assets/".into(),
    })
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}
