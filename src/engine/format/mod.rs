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

/// The longest shop part of a file name: file systems allow 255 bytes per name, and a
/// name this long is still readable.
pub const MAX_SLUG: usize = 80;

/// The file name an exported policy gets: `<slug-of-shop-name>-privacybeleid.<ext>`, the
/// shop part cut at a word boundary after [`MAX_SLUG`] characters.
pub fn file_name(shop_name: Option<&str>, format: Format) -> String {
    let mut slug = crate::engine::rules::slug(shop_name.unwrap_or(""));
    if slug.len() > MAX_SLUG {
        // The slug is ASCII: any byte index is a character boundary.
        let cut = slug[..MAX_SLUG]
            .rfind('-')
            .filter(|i| *i >= MAX_SLUG / 2)
            .unwrap_or(MAX_SLUG);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        format!("privacybeleid.{}", format.extension())
    } else {
        format!("{slug}-privacybeleid.{}", format.extension())
    }
}

/// Like [`write`], with the document's language (the HTML page's `lang` attribute).
/// The HTML fragment for a CMS page, with or without its own `<h1>` title.
pub fn fragment(doc: &Document, with_title: bool) -> String {
    if with_title {
        html::fragment(doc)
    } else {
        html::fragment_without_title(doc)
    }
}

/// A policy in `format`: as `write`, except that its HTML fragment leaves the `<h1>` to the
/// CMS page it is pasted into.
pub fn write_policy(doc: &Document, format: Format) -> String {
    match format {
        Format::HtmlFragment => html::fragment_without_title(doc),
        f => write(doc, f),
    }
}

/// [`write_policy`] with the document's language (the HTML page's `lang` attribute).
pub fn write_policy_in(doc: &Document, format: Format, lang: &str) -> String {
    match format {
        Format::HtmlFragment => html::fragment_without_title(doc),
        f => write_in(doc, f, lang),
    }
}

pub fn write_in(doc: &Document, format: Format, lang: &str) -> String {
    match format {
        Format::Html => html::page_in(doc, lang),
        _ => write(doc, format),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        assert_eq!(
            file_name(Some("Zoë's Bloemen"), Format::Html),
            "zoes-bloemen-privacybeleid.html"
        );
        assert_eq!(
            file_name(None, Format::HtmlFragment),
            "privacybeleid.fragment.html"
        );
        assert_eq!(file_name(Some("!!"), Format::Text), "privacybeleid.txt");
        let long = "Bakkerij ".repeat(40);
        let name = file_name(Some(&long), Format::HtmlFragment);
        assert!(name.len() <= MAX_SLUG + 30, "{name}");
        assert!(
            name.starts_with("bakkerij-bakkerij") && !name.contains("--"),
            "{name}"
        );
    }
}
