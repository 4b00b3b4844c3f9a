//! Every catalog entry and every preset renders and passes `check`; no output ever has
//! an empty section or template residue.

mod common;

use privacybeleid::engine::{document::BlockKind, validate, Answers, Format, Section};

fn with_provider(base: &Answers, section: Section, id: &str) -> Answers {
    let mut a = base.clone();
    a.providers.set(section, vec![id.to_string()]);
    a
}

fn assert_no_empty_sections(doc: &privacybeleid::engine::Document, what: &str) {
    let blocks = &doc.blocks;
    for (i, b) in blocks.iter().enumerate() {
        if matches!(b.kind, BlockKind::Heading | BlockKind::Subheading) {
            let next = blocks.get(i + 1);
            let ok = match next {
                None => false,
                Some(n) if b.kind == BlockKind::Heading => n.kind != BlockKind::Heading,
                Some(n) => !n.is_heading(),
            };
            assert!(ok, "{what}: empty section {:?}", b.plain());
        }
        assert!(!b.plain().trim().is_empty(), "{what}: empty block");
    }
}

#[test]
fn every_catalog_entry_renders_and_passes_check_in_every_section() {
    let engine = common::engine();
    let base = engine.example_shop().clone();
    let mut count = 0;
    for p in engine.catalog().all() {
        for &s in &p.sections {
            let a = with_provider(&base, s, &p.id);
            let diags = engine.check(&a);
            assert!(!validate::has_errors(&diags), "{} in {s}: {diags:?}", p.id);
            let doc = engine.document(&a).unwrap();
            let what = format!("{} in {s}", p.id);
            assert_no_empty_sections(&doc, &what);
            let text = engine.render(&a, Format::Markdown).unwrap();
            common::assert_clean(&text, &what);
            let name = p.short_name.as_deref().unwrap_or(&p.name);
            assert!(doc.plain_text().contains(name), "{what}: name missing");
            count += 1;
        }
    }
    assert!(
        engine.catalog().all().len() >= 150,
        "catalog has {} providers",
        engine.catalog().all().len()
    );
    assert!(count >= 180, "{count} entry-section pairs");
}

#[test]
fn every_section_has_at_least_five_providers() {
    let engine = common::engine();
    for s in Section::ALL {
        let n = engine.catalog().in_section(s).count();
        assert!(n >= 5, "{s}: {n}");
        for id in &engine.section_info(s).common {
            let p = engine
                .catalog()
                .get(id)
                .unwrap_or_else(|| panic!("common id {id} unknown"));
            assert!(p.serves(s), "common id {id} does not serve {s}");
        }
    }
}

#[test]
fn every_preset_renders_and_passes_check() {
    let engine = common::engine();
    assert!(engine.presets().len() >= 8);
    for preset in engine.presets() {
        let mut a = engine.example_shop().clone();
        a.preset = Some(preset.id.clone());
        let diags = engine.check(&a);
        assert!(!validate::has_errors(&diags), "{}: {diags:?}", preset.id);
        assert!(!preset.description.is_empty() && !preset.name.is_empty());
        let doc = engine.document(&a).unwrap();
        assert_no_empty_sections(&doc, &preset.id);
        for f in Format::ALL {
            common::assert_clean(&engine.render(&a, f).unwrap(), &preset.id);
        }
    }
}

#[test]
fn a_shop_with_nothing_chosen_has_no_empty_headings() {
    let engine = common::engine();
    let a = engine.example_shop().clone();
    let doc = engine.document(&a).unwrap();
    assert_no_empty_sections(&doc, "leeg");
    let text = doc.plain_text();
    for absent in [
        "Webwinkelsoftware",
        "Betalingen",
        "Reviews",
        "Verkoop via andere kanalen",
        "E-mail en mailinglijsten",
    ] {
        assert!(!text.contains(absent), "{absent} shown without providers");
    }
    assert!(text.contains(
        "Wij geven uw gegevens niet door aan landen buiten de Europese Economische Ruimte"
    ));
}

#[test]
fn grammar_follows_the_number_of_providers() {
    let engine = common::engine();
    let mut a = engine.example_shop().clone();
    a.providers.set(Section::Payments, vec!["mollie".into()]);
    let one = engine.render(&a, Format::Text).unwrap();
    assert!(one.contains("Mollie is zelf verantwoordelijk"), "{one}");
    a.providers
        .set(Section::Payments, vec!["mollie".into(), "paypal".into()]);
    let two = engine.render(&a, Format::Text).unwrap();
    let flat = two.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Mollie en PayPal zijn zelf verantwoordelijk"),
        "{flat}"
    );
}

#[test]
fn consent_and_automated_decisions_follow_the_providers() {
    let engine = common::engine();
    let mut a = engine.example_shop().clone();
    let plain = engine.render(&a, Format::Text).unwrap();
    assert!(plain.contains("Wij nemen geen besluiten"));
    a.providers.set(Section::Payments, vec!["klarna".into()]);
    a.providers.set(Section::Cookies, vec!["meta-pixel".into()]);
    let text = engine.render(&a, Format::Text).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("geautomatiseerd besluit (artikel 22 AVG)"),
        "{flat}"
    );
    assert!(flat.contains("nadat u daarvoor toestemming hebt gegeven"));
    assert!(!flat.contains("Wij nemen geen besluiten"));
}

/// Deterministic xorshift, so the test needs no dependency and always checks the same cases.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_combinations_never_leave_residue_or_empty_sections() {
    let engine = common::engine();
    let mut rng = Rng(0x5eed_cafe_f00d);
    for round in 0..300 {
        let mut a = engine.example_shop().clone();
        for s in Section::ALL {
            let ids: Vec<&str> = engine
                .catalog()
                .in_section(s)
                .map(|p| p.id.as_str())
                .collect();
            let n = rng.below(4);
            let pick: Vec<String> = (0..n)
                .map(|_| ids[rng.below(ids.len())].to_string())
                .collect();
            a.providers.set(s, pick);
        }
        for (key, value) in [
            ("street", None),
            ("phone", None),
            ("kvk", None),
            ("operator", Some("Holding B.V.")),
        ] {
            if rng.below(2) == 0 {
                a.shop.set(key, value.unwrap_or(""));
            }
        }
        if rng.below(2) == 0 {
            a.policy.retention_max_years = Some(1 + rng.below(7) as u32);
        }
        if rng.below(3) == 0 {
            a.policy.customer_accounts = Some(true);
        }
        if rng.below(2) == 0 {
            a.policy.contact_form = Some(true);
        }
        let what = format!("round {round}");
        let doc = engine.document(&a).unwrap();
        assert_no_empty_sections(&doc, &what);
        for f in Format::ALL {
            common::assert_clean(&engine.render(&a, f).unwrap(), &what);
        }
    }
}

#[test]
fn missing_optional_contact_details_leave_no_dangling_words() {
    let engine = common::engine();
    let mut a = engine.example_shop().clone();
    for key in [
        "privacy_contact",
        "email",
        "phone",
        "street",
        "postcode",
        "city",
        "kvk",
    ] {
        a.shop.set(key, "");
    }
    let text = engine.render(&a, Format::Text).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Stuur uw verzoek via de contactgegevens onderaan dit privacybeleid."),
        "{flat}"
    );
    for dangling in [
        "naar via",
        "aan via",
        "Telefoon:",
        "E-mail:",
        "KvK-nummer:",
        "terecht bij ,",
        "bij .",
    ] {
        assert!(!flat.contains(dangling), "{dangling}");
    }
}

#[test]
fn the_new_sections_appear_only_when_something_in_them_is_chosen() {
    let engine = common::engine();
    let base = engine.example_shop().clone();
    let plain = |a: &Answers| engine.document(a).unwrap().plain_text();
    let none = plain(&base);
    assert!(!none.contains("Klantenservice en contact"), "{none}");
    assert!(
        !none.contains("Ingesloten inhoud en websitehulpmiddelen"),
        "{none}"
    );

    let mut form = base.clone();
    form.policy.contact_form = Some(true);
    let text = plain(&form);
    assert!(text.contains("Klantenservice en contact") && text.contains("Contactformulier"));
    assert!(!text.contains("Ingesloten inhoud en websitehulpmiddelen"));
    form.policy.contact_form = Some(false);
    assert!(!plain(&form).contains("Klantenservice en contact"));

    let chat = with_provider(&base, Section::CustomerService, "trengo");
    let text = plain(&chat);
    assert!(text.contains("Klantenservice en contact") && text.contains("Trengo"));
    assert!(
        !text.contains("Contactformulier"),
        "no form unless the answers say so"
    );

    let video = with_provider(&base, Section::WebsiteTools, "vimeo-embed");
    let text = plain(&video);
    assert!(text.contains("Ingesloten inhoud en websitehulpmiddelen") && text.contains("Vimeo"));
    assert!(!text.contains("Klantenservice en contact"));
}

#[test]
fn providers_lists_the_entries_of_the_new_sections() {
    let engine = common::engine();
    for section in ["customer_service", "website_tools"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_privacybeleid"))
            .args(["providers", "--section", section])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let s = Section::from_id(section).unwrap();
        let ids: Vec<&str> = engine
            .catalog()
            .in_section(s)
            .map(|p| p.id.as_str())
            .collect();
        assert!(ids.len() >= 10, "{section}: {}", ids.len());
        for id in ids {
            assert!(
                text.lines().any(|l| l.starts_with(&format!("{id} "))),
                "{section}: {id} missing"
            );
        }
        let json = std::process::Command::new(env!("CARGO_BIN_EXE_privacybeleid"))
            .args(["providers", "--section", section, "--json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        for p in v.as_array().unwrap() {
            assert!(p.get("unverified").is_some_and(|u| u.is_array()), "{p}");
            assert!(
                p.get("sources").is_some() && p.get("checked").is_some(),
                "{p}"
            );
        }
    }
}

#[test]
fn check_tells_which_chosen_providers_rest_on_unverified_facts_without_failing() {
    let engine = common::engine();
    let mut a = engine.example_shop().clone();
    let p = engine
        .catalog()
        .all()
        .iter()
        .find(|p| !p.unverified.is_empty())
        .expect("some entry has unverified facts");
    a.providers.set(p.sections[0], vec![p.id.clone()]);
    let diags = engine.check(&a);
    assert!(!validate::has_errors(&diags), "{diags:?}");
    let note = diags
        .iter()
        .find(|d| {
            d.severity == privacybeleid::engine::Severity::Info && d.message.starts_with(&p.name)
        })
        .unwrap_or_else(|| panic!("no note for {}: {diags:?}", p.id));
    assert!(
        note.message.contains("niet uit een bron bevestigd"),
        "{}",
        note.message
    );
    assert!(note.to_string().starts_with("opmerking: "), "{note}");
    // An entry with everything verified gets no such note.
    if let Some(clean) = engine
        .catalog()
        .all()
        .iter()
        .find(|p| p.unverified.is_empty() && p.alternative.is_none())
    {
        let mut b = engine.example_shop().clone();
        b.providers.set(clean.sections[0], vec![clean.id.clone()]);
        assert!(!engine
            .check(&b)
            .iter()
            .any(|d| d.severity == privacybeleid::engine::Severity::Info
                && d.message.starts_with(&clean.name)));
    }
}

/// Every fact is traceable: each entry names at least one source and the date its facts were
/// checked. What a source did not confirm is listed in `unverified`, never left out.
#[test]
fn every_entry_has_a_source_and_a_check_date() {
    let engine = common::engine();
    let mut without_source = Vec::new();
    let mut without_date = Vec::new();
    for p in engine.catalog().all() {
        if p.sources.is_empty() {
            without_source.push(p.id.clone());
        }
        for url in &p.sources {
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "{}: source {url}",
                p.id
            );
        }
        let dated = p.checked.as_deref().is_some_and(|d| {
            d.len() == 10
                && d.char_indices().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
        });
        if !dated {
            without_date.push(p.id.clone());
        }
    }
    assert!(
        without_source.is_empty(),
        "entries without a source: {without_source:?}"
    );
    assert!(
        without_date.is_empty(),
        "entries without a check date: {without_date:?}"
    );
}
