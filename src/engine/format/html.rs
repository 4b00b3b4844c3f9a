use crate::engine::document::{Block, BlockKind, Document, Inline};

const STYLE: &str = include_str!("../../../assets/style.css");

pub fn escape(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    escape_into(&mut s, t);
    s
}

/// Appends `t` with `& < > " '` escaped; each is ASCII, so the text is copied in runs.
fn escape_into(out: &mut String, t: &str) {
    let mut from = 0;
    for (i, b) in t.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&t[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&t[from..]);
}

/// Only web and mail links become anchors; anything else stays text.
fn safe_url(url: &str) -> bool {
    let l = url.trim().to_ascii_lowercase();
    l.starts_with("https://")
        || l.starts_with("http://")
        || l.starts_with("mailto:")
        // A link within the page, such as "#cookie-instellingen" (reopens the cookie settings).
        || (l.starts_with('#') && l[1..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
}

fn inlines(b: &Block) -> String {
    let mut s = String::new();
    inlines_into(&mut s, &b.inlines);
    s
}

fn inlines_into(out: &mut String, inlines: &[Inline]) {
    for i in inlines {
        match i {
            Inline::Text(t) => escape_into(out, t),
            Inline::Link { url, text } if safe_url(url) => {
                out.push_str("<a href=\"");
                escape_into(out, url);
                out.push_str("\">");
                escape_into(out, text);
                out.push_str("</a>");
            }
            Inline::Link { text, .. } => escape_into(out, text),
        }
    }
}

/// The body with its `<h1>` title.
pub fn fragment(doc: &Document) -> String {
    body(doc, true)
}

/// The body without the `<h1>` title, for pasting into a CMS page, which shows its own title
/// (the title would stand there twice).
pub fn fragment_without_title(doc: &Document) -> String {
    body(doc, false)
}

fn body(doc: &Document, title: bool) -> String {
    let mut out = String::from("<div class=\"privacybeleid\">\n");
    let mut i = 0;
    let blocks = &doc.blocks;
    while i < blocks.len() {
        let b = &blocks[i];
        let id =
            b.id.as_ref()
                .map(|id| format!(" id=\"{}\"", escape(id)))
                .unwrap_or_default();
        match b.kind {
            BlockKind::Title if !title => {}
            BlockKind::Title => out.push_str(&format!("<h1>{}</h1>\n", inlines(b))),
            BlockKind::Heading => out.push_str(&format!("<h2{id}>{}</h2>\n", inlines(b))),
            BlockKind::Subheading => out.push_str(&format!("<h3{id}>{}</h3>\n", inlines(b))),
            BlockKind::Paragraph => out.push_str(&format!("<p>{}</p>\n", inlines(b))),
            BlockKind::TableHeader | BlockKind::TableRow => {
                let run: Vec<&Block> = blocks[i..]
                    .iter()
                    .enumerate()
                    .take_while(|(j, x)| {
                        x.kind == BlockKind::TableRow
                            || (*j == 0 && x.kind == BlockKind::TableHeader)
                    })
                    .map(|(_, x)| x)
                    .collect();
                i += run.len() - 1;
                out.push_str("<table>\n");
                for r in run {
                    let tag = if r.kind == BlockKind::TableHeader {
                        "th"
                    } else {
                        "td"
                    };
                    out.push_str("  <tr>");
                    for c in &r.cells {
                        out.push_str(&format!("<{tag}>"));
                        inlines_into(&mut out, c);
                        out.push_str(&format!("</{tag}>"));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
            BlockKind::Bullet | BlockKind::Line => {
                let kind = b.kind;
                let run: Vec<String> = blocks[i..]
                    .iter()
                    .take_while(|x| x.kind == kind)
                    .map(inlines)
                    .collect();
                i += run.len() - 1;
                if kind == BlockKind::Bullet {
                    out.push_str("<ul>\n");
                    for item in run {
                        out.push_str(&format!("  <li>{item}</li>\n"));
                    }
                    out.push_str("</ul>\n");
                } else {
                    out.push_str(&format!("<p class=\"adres\">{}</p>\n", run.join("<br>\n")));
                }
            }
        }
        i += 1;
    }
    out.push_str("</div>\n");
    out
}

pub fn page(doc: &Document) -> String {
    page_in(doc, "nl")
}

/// A complete page whose `lang` attribute names the document's language.
pub fn page_in(doc: &Document, lang: &str) -> String {
    let title = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .map(Block::plain)
        .unwrap_or_else(|| "Privacybeleid".into());
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        escape(lang),
        escape(&title),
        STYLE,
        fragment(doc)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_refuses_script_urls() {
        assert_eq!(
            escape("<b a=\"x\">&'"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert!(!safe_url("javascript:alert(1)"));
        assert!(safe_url("mailto:info@x.nl"));
    }

    #[test]
    fn the_fragment_leaves_the_title_to_the_cms_page_unless_asked() {
        let doc = Document::parse("# Privacybeleid X\n\nTekst.\n");
        assert!(!fragment_without_title(&doc).contains("<h1>"));
        assert!(fragment_without_title(&doc).contains("<p>Tekst.</p>"));
        assert!(fragment(&doc).contains("<h1>Privacybeleid X</h1>"));
        assert!(page(&doc).contains("<h1>Privacybeleid X</h1>"));
    }
}
