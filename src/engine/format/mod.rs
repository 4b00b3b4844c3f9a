//! Output formats. Each escapes every piece of text for its own syntax:
//! user values and catalog text alike, so nothing depends on a template remembering to.

mod html;
mod markdown;
mod text;

use serde::{Deserialize, Serialize};

use super::document::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Markdown,
    Html,
    /// HTML body only, for pasting into a shop's CMS.
    HtmlFragment,
    Text,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Markdown,
        Format::Html,
        Format::HtmlFragment,
        Format::Text,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::HtmlFragment => "fragment.html",
            Format::Text => "txt",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML-pagina",
            Format::HtmlFragment => "HTML-fragment (voor uw CMS)",
            Format::Text => "Platte tekst",
        }
    }
}

pub fn write(doc: &Document, format: Format) -> String {
    match format {
        Format::Markdown => markdown::write(doc),
        Format::Html => html::page(doc),
        Format::HtmlFragment => html::fragment(doc),
        Format::Text => text::write(doc, 80),
    }
}
