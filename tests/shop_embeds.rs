//! A Shopify shop with a chat, YouTube videos, reCAPTCHA and Google Fonts describes all of it
//! with the catalog alone: each under its own section, with what the visitor's browser sends to
//! whom and whether consent is asked first.

mod common;

use privacybeleid::engine::document::{BlockKind, Document};
use privacybeleid::engine::{validate, Answers, Severity};

const SHOP: &str = r#"
preset = "shopify-payments"

[shop]
name = "Kaarsenmakerij Het Vlammetje"
website = "https://www.hetvlammetje.nl/"
effective_date = 2026-11-25
street = "Lampenstraat 4"
postcode = "3511 AB"
city = "Utrecht"
email = "hallo@hetvlammetje.nl"
kvk = "12345678"
privacy_contact = "Mira Jansen"

[providers]
transactional_email = ["shopify"]
customer_service = ["tidio"]
website_tools = ["youtube-embed", "google-recaptcha", "google-fonts"]

[policy]
contact_form = true
"#;

/// The text of one subsection (### title) under a section (## heading), joined.
fn subsection(doc: &Document, heading: &str, title: &str) -> String {
    let mut in_section = false;
    let mut in_sub = false;
    let mut out = Vec::new();
    for b in &doc.blocks {
        match b.kind {
            BlockKind::Heading => {
                in_section = b.plain() == heading;
                in_sub = false;
            }
            BlockKind::Subheading => in_sub = in_section && b.plain() == title,
            _ if in_sub => out.push(b.plain()),
            _ => {}
        }
    }
    assert!(!out.is_empty(), "no subsection {title:?} under {heading:?}");
    out.join(" ")
}

#[test]
fn a_shopify_shop_with_chat_embeds_and_fonts_is_fully_described() {
    let engine = common::engine();
    let answers = Answers::from_toml_str(SHOP).unwrap();
    let diags = engine.check(&answers);
    assert!(!validate::has_errors(&diags), "{diags:?}");
    let doc = engine.document(&answers).unwrap();

    let form = subsection(&doc, "Klantenservice en contact", "Contactformulier");
    for must in [
        "naam en e-mailadres",
        "IP-adres",
        "onder b AVG",
        "onder f AVG",
        "bewaren",
    ] {
        assert!(form.contains(must), "contact form lacks {must:?}: {form}");
    }
    let chat = subsection(&doc, "Klantenservice en contact", "Tidio");
    assert!(chat.contains("inhoud van chatberichten"), "{chat}");
    assert!(
        chat.contains("pas nadat u daarvoor toestemming hebt gegeven"),
        "{chat}"
    );

    let tools = "Ingesloten inhoud en websitehulpmiddelen";
    for (title, sends) in [
        (
            "YouTube",
            "Uw browser stuurt daarbij deze gegevens naar Google Ireland Limited: IP-adres",
        ),
        (
            "Google reCAPTCHA",
            "Uw browser stuurt daarbij deze gegevens naar Google Ireland Limited: IP-adres",
        ),
        (
            "Google Fonts",
            "Uw browser stuurt daarbij deze gegevens naar Google Ireland Limited: IP-adres",
        ),
    ] {
        let text = subsection(&doc, tools, title);
        assert!(text.contains(sends), "{title}: {text}");
        assert!(
            text.contains("pas nadat u daarvoor toestemming hebt gegeven in onze cookiemelding"),
            "{title} must say consent is asked first: {text}"
        );
        assert!(
            text.contains("Verenigde Staten"),
            "{title}: transfer missing: {text}"
        );
    }
    // The platform itself sends the order mails.
    let mails = subsection(&doc, "E-mail", "Servicemails");
    assert!(mails.contains("via Shopify"), "{mails}");
    // Every one of them is a named recipient.
    let all = doc.plain_text();
    for name in [
        "Tidio",
        "YouTube",
        "Google reCAPTCHA",
        "Google Fonts",
        "Shopify",
    ] {
        // The recipients table: one row per recipient, cells joined with " | " in plain text.
        assert!(
            all.lines().any(|l| l.starts_with(&format!("{name} | "))),
            "{name} not in the recipients table"
        );
    }
    // Consent is a purpose of its own, and the consultant hears about the alternatives.
    assert!(
        all.contains("Ingesloten inhoud en hulpmiddelen van derden"),
        "{all}"
    );
    let notes: Vec<&str> = diags
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|m| m.starts_with("Google Fonts") && m.contains("zelf hosten")),
        "{notes:?}"
    );
}

#[test]
fn a_tool_without_consent_says_so_and_names_its_basis() {
    let engine = common::engine();
    let mut answers = Answers::from_toml_str(SHOP).unwrap();
    answers.providers.set(
        privacybeleid::engine::Section::WebsiteTools,
        vec!["friendly-captcha".into()],
    );
    let doc = engine.document(&answers).unwrap();
    let text = subsection(
        &doc,
        "Ingesloten inhoud en websitehulpmiddelen",
        "Friendly Captcha",
    );
    assert!(
        text.contains("zonder eerst toestemming te vragen"),
        "{text}"
    );
    assert!(text.contains("onder f AVG"), "{text}");
    assert!(text.contains("in onze opdracht"), "{text}");
}
