//! The Markdown output, read back by a CommonMark parser, shows exactly the policy's text:
//! hostile values come out literally, never as markup or raw HTML.

mod common;

use privacybeleid::engine::{document::BlockKind, Format};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

const HOSTILE: &str =
    "<b>Vet</b> *schuin* _x_ [link](javascript:alert(1)) `code` # & Co \\ | ~~weg~~";

#[test]
fn hostile_values_survive_markdown_literally() {
    let engine = common::engine();
    let mut a = engine.example_shop().clone();
    a.shop.set("name", HOSTILE);
    a.shop.set("operator", "1. Holding & Zn");
    a.shop.set("street", "- Dorpsstraat 1");
    a.shop.set("privacy_contact", "+ Jan <script>");
    let md = engine.render(&a, Format::Markdown).unwrap();
    let doc = engine.document(&a).unwrap();

    let mut text = String::new();
    let mut headings = 0;
    let mut links = Vec::new();
    for ev in Parser::new(&md) {
        match ev {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => text.push('\n'),
            Event::Start(Tag::Heading { level, .. }) => {
                assert!(matches!(
                    level,
                    HeadingLevel::H1 | HeadingLevel::H2 | HeadingLevel::H3
                ));
                headings += 1;
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in Markdown: {h}"),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::List(Some(_))) => {
                panic!("a value became markup:\n{md}")
            }
            _ => {}
        }
    }
    assert!(text.contains(&format!("Privacybeleid {HOSTILE}")), "{text}");
    assert!(
        text.contains("1. Holding & Zn")
            && text.contains("- Dorpsstraat 1")
            && text.contains("+ Jan <script>"),
        "{text}"
    );
    let doc_headings = doc.blocks.iter().filter(|b| b.is_heading()).count();
    assert_eq!(headings, doc_headings, "every heading and only those");
    assert!(
        links
            .iter()
            .all(|l| l.starts_with("https://") || l.starts_with("mailto:")),
        "{links:?}"
    );
}

#[test]
fn seed_markdown_has_the_documents_structure() {
    let engine = common::engine();
    for path in common::seed_files() {
        let a = common::load(&path);
        let md = engine.render(&a, Format::Markdown).unwrap();
        let doc = engine.document(&a).unwrap();
        let mut items = 0;
        let mut paragraphs = 0;
        for ev in Parser::new(&md) {
            match ev {
                Event::Start(Tag::Item) => items += 1,
                Event::Start(Tag::Paragraph) => paragraphs += 1,
                Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML: {h}"),
                _ => {}
            }
        }
        let bullets = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Bullet)
            .count();
        assert_eq!(items, bullets, "{}", path.display());
        assert!(
            paragraphs
                >= doc
                    .blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::Paragraph)
                    .count()
        );
    }
}
