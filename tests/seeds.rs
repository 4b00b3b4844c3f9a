//! The five seed shops: golden snapshots in every format, every fact the seed states,
//! none of its defects.

mod common;

use privacybeleid::engine::{validate, Format};

#[test]
fn seed_examples_render_in_every_format() {
    let engine = common::engine();
    for path in common::seed_files() {
        let answers = common::load(&path);
        let diags = engine.check(&answers);
        assert!(
            !validate::has_errors(&diags),
            "{}: {diags:?}",
            path.display()
        );
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        for (format, ext) in [
            (Format::Markdown, "md"),
            (Format::Html, "html"),
            (Format::Text, "txt"),
        ] {
            let out = engine.render(&answers, format).unwrap();
            common::assert_clean(&out, &format!("{stem}.{ext}"));
            insta::assert_snapshot!(format!("{stem}.{ext}"), out);
        }
    }
}

/// (file, facts that must appear in the plain-text policy)
const FACTS: &[(&str, &[&str])] = &[
    (
        "just-m",
        &[
            "Privacybeleid Just-M",
            "http://www.just-m.nl",
            "17 mei 2018",
            "Santhorstlaan 2",
            "2242 BG Wassenaar",
            "(064) 096-1212",
            "info@just-m.nl",
            "Marjan de Graaf",
            "MyOnlineStore",
            "Mijndomein",
            "Mailchimp",
            "Mollie",
            "PostNL",
            "Microsoft 365",
            "Google Analytics",
        ],
    ),
    (
        "jalobra",
        &[
            "Privacybeleid Jalobra",
            "http://www.jalobra.nl",
            "10 mei 2021",
            "J.v.Zwijnsbergenstraat 3a",
            "5268 AK",
            "(062) 640-0350",
            "nettygroen55@gmail.com",
            "Netty Groen",
            "MyOnlineStore",
            "Gmail",
            "Mollie",
            "PostNL",
            "Google Analytics",
        ],
    ),
    (
        "kleine-toppers",
        &[
            "Privacybeleid Kleine Toppers",
            "https://www.kleinetoppers.nl/",
            "31 mei 2019",
            "Luminet",
            "handelsnaam van Luminet",
            "Jasmijn 10",
            "7742 SE Coevorden",
            "06-124 640 67",
            "info@luminet.nl",
            "M. Derks",
            "WooCommerce",
            "Meer dan Online",
            "Mollie",
            "PostNL",
            "Google Analytics",
        ],
    ),
    (
        "mom-gemstone",
        &[
            "Privacybeleid MOM Gemstone",
            "https://www.momgemstone.nl/",
            "12 mei 2023",
            "Sigrid Undsetlaan 32",
            "2553 DK 's-Gravenhage",
            "(0031) 6 20742095",
            "info@momgemstone.nl",
            "Linda de Boer",
            "MyOnlineStore",
            "Mailchimp",
            "Mollie",
            "WebwinkelKeur",
            "naam en woonplaats",
            "PostNL",
            "e-Boekhouden",
            "Google Analytics",
            "twee jaar",
        ],
    ),
    (
        "miki4all",
        &[
            "Privacybeleid MiKi4all",
            "https://www.miki4all.nl",
            "27 juli 2022",
            "info@miki4all.nl",
            "Sarah en Shirin",
            "MyOnlineStore",
            "Mollie",
            "WebwinkelKeur",
            "PostNL",
            "SnelStart",
            "Google Analytics",
            "toestemming",
        ],
    ),
];

#[test]
fn every_seed_fact_is_in_the_policy() {
    let engine = common::engine();
    for (stem, facts) in FACTS {
        let path = common::root().join(format!("examples/seeds/{stem}.toml"));
        let text = engine.render(&common::load(&path), Format::Text).unwrap();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for fact in *facts {
            assert!(flat.contains(fact), "{stem}: missing {fact:?}");
        }
    }
}

#[test]
fn no_seed_defect_returns() {
    let engine = common::engine();
    for path in common::seed_files() {
        let text = engine
            .render(&common::load(&path), Format::Text)
            .unwrap()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let stem = path.display().to_string();
        // Wrong law the generator wrote, and its service-provider jargon.
        for bad in [
            "geen persoonsgegevens",
            "30 dagen",
            "voorwaarden",
            "cliënt",
            "opdracht die u verstrekt",
            "zullen ons",
            "onmiddellijk",
            "geen toegang tot ons postvak",
        ] {
            assert!(!text.contains(bad), "{stem}: contains {bad:?}");
        }
        // What the law asks and the seeds lacked.
        for good in [
            "artikel 6, lid 1",
            "binnen één maand",
            "autoriteit persoonsgegevens",
            "overdraagbaarheid",
            "verwijdering",
            "bezwaar",
            "ip-adres",
            "zeven jaar",
        ] {
            assert!(text.contains(good), "{stem}: lacks {good:?}");
        }
    }
}

#[test]
fn transfers_outside_the_eea_are_named_with_their_safeguard() {
    let engine = common::engine();
    let path = common::root().join("examples/seeds/mom-gemstone.toml");
    let text = engine
        .render(&common::load(&path), Format::Markdown)
        .unwrap();
    assert!(text.contains("Doorgifte buiten de Europese Economische Ruimte"));
    // The recipients table names the country with its safeguard, and the newsletter section says it too.
    let row = text
        .lines()
        .find(|l| l.starts_with("| Mailchimp |"))
        .expect("Mailchimp row in the recipients table");
    assert!(
        row.contains("Verenigde Staten (EU-VS Data Privacy Framework)"),
        "{row}"
    );
    assert!(text.contains("Mailchimp is gevestigd in de Verenigde Staten, buiten de Europese Economische Ruimte (EER); uw gegevens gaan naar de Verenigde Staten (EU-VS Data Privacy Framework)."));
    assert!(text.contains(
        "EU-VS Data Privacy Framework: het Amerikaanse bedrijf is bij dit framework aangesloten"
    ));
}

#[test]
fn the_review_clause_sits_under_reviews() {
    let engine = common::engine();
    let path = common::root().join("examples/seeds/mom-gemstone.toml");
    let doc = engine.document(&common::load(&path)).unwrap();
    let wwk: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| {
            b.plain()
                .contains("via WebwinkelKeur uitnodigen om een review")
        })
        .collect();
    assert_eq!(wwk.len(), 1);
    assert_eq!(wwk[0].anchor.as_deref(), Some("reviews"));
}
