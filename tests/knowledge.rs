//! Knowledge model v2 (issue 6), asserted on meaning: purposes with their legal basis, roles
//! per activity, the safeguard per destination country, own providers under the same rules
//! as catalog entries, and readability at scale.

mod common;

use std::collections::HashMap;

use privacybeleid::engine::document::{BlockKind, Document};
use privacybeleid::engine::{validate, Answers, Engine, Format, Section, Severity};

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shop_with(engine: &Engine, extra: &str) -> Answers {
    let base = engine.example_shop().clone();
    Answers::from_toml_str(extra).unwrap().layered_over(&base)
}

fn text_of(engine: &Engine, a: &Answers) -> String {
    flat(&engine.render(a, Format::Text).unwrap())
}

/// Every block under the heading with this anchor, as plain text.
fn under(doc: &Document, anchor: &str) -> String {
    doc.blocks
        .iter()
        .filter(|b| b.anchor.as_deref() == Some(anchor) && !b.is_heading())
        .map(|b| b.plain())
        .collect::<Vec<_>>()
        .join(" ")
}

fn errors(engine: &Engine, a: &Answers) -> Vec<String> {
    engine
        .check(a)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.field, d.message))
        .collect()
}

fn warnings(engine: &Engine, a: &Answers) -> Vec<String> {
    engine
        .check(a)
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| format!("{}: {}", d.field, d.message))
        .collect()
}

#[test]
fn each_purpose_in_the_list_has_its_legal_basis() {
    let engine = common::engine();
    let a = shop_with(
        &engine,
        "[providers]\nnewsletter = [\"mailchimp\"]\nreviews = [\"trustpilot\"]\npayments = [\"klarna\"]\ncookies = [\"google-analytics\", \"meta-pixel\"]\n",
    );
    let doc = engine.document(&a).unwrap();
    // The bullets of "Doelen en grondslagen" before its first subsection.
    let list: Vec<String> = doc
        .blocks
        .iter()
        .skip_while(|b| b.id.as_deref() != Some("doelen"))
        .skip(1)
        .take_while(|b| !b.is_heading())
        .filter(|b| b.kind == BlockKind::Bullet)
        .map(|b| b.plain())
        .collect();
    assert!(list.len() >= 8, "{list:?}");
    for item in &list {
        let basis = [
            "(onder a)",
            "(onder b)",
            "(onder c)",
            "(onder f)",
            "(onder b en f)",
        ];
        assert!(basis.iter().any(|b| item.contains(b)), "no basis: {item}");
    }
    // Every declared purpose that applies is in the list, with the basis it is declared with.
    for p in engine.purposes() {
        if ["own_reviews", "analytics_consent", "embedded"].contains(&p.id.as_str()) {
            continue;
        }
        let line = list
            .iter()
            .find(|l| l.starts_with(&p.text))
            .unwrap_or_else(|| panic!("purpose {} missing: {list:?}", p.id));
        assert!(line.contains(&p.grounds), "{line}");
    }
    // Analytics has a purpose line; the shop does not claim the publication of reviews.
    assert!(list.iter().any(|l| l.starts_with("Meten hoe bezoekers")));
    assert!(
        !list.iter().any(|l| l.contains("review publiceren")),
        "{list:?}"
    );
}

#[test]
fn each_provider_appears_under_its_section_with_its_role() {
    let engine = common::engine();
    let base = engine.example_shop().clone();
    let own_section = |s: Section| match s {
        Section::Newsletter | Section::TransactionalEmail | Section::BusinessEmail => "email",
        other => other.id(),
    };
    for p in engine.catalog().all() {
        for &s in &p.sections {
            if p.self_hosted || matches!(s, Section::WebsiteTools | Section::CustomerService) {
                continue;
            }
            let mut a = base.clone();
            a.providers.set(s, vec![p.id.clone()]);
            let doc = engine.document(&a).unwrap();
            let name = p.short_name.as_deref().unwrap_or(&p.name);
            let part = under(&doc, own_section(s));
            assert!(part.contains(name), "{} not under {s}: {part}", p.id);
            let role = p.role_in(s);
            let said = match role {
                _ if s == Section::SalesChannels
                    && role == privacybeleid::engine::catalog::Role::Controller =>
                {
                    "zelf verantwoordelijk"
                }
                privacybeleid::engine::catalog::Role::Processor => "in onze opdracht",
                privacybeleid::engine::catalog::Role::Controller => "zelf verantwoordelijk",
                privacybeleid::engine::catalog::Role::JointController => "samen met",
            };
            let consumer = s == Section::BusinessEmail; // example shop mail is a business domain
            assert!(
                part.contains(said) || (consumer && part.contains("in onze opdracht")),
                "{} in {s}: role {role:?} not said: {part}",
                p.id
            );
        }
    }
}

/// An own provider with one transfer, rendered; returns the policy text.
fn with_transfer(engine: &Engine, country: &str, safeguard: &str) -> (String, Vec<String>) {
    let a = shop_with(
        engine,
        &format!(
            "[providers]\nhosting = [\"wolk\"]\n[[custom_provider]]\nid = \"wolk\"\nname = \"Wolk\"\ncompany = \"Wolk Ltd\"\ncountry = \"Nederland\"\nsections = [\"hosting\"]\n[[custom_provider.transfer]]\ncountry = \"{country}\"\nsafeguard = \"{safeguard}\"\n"
        ),
    );
    (text_of(engine, &a), errors(engine, &a))
}

#[test]
fn each_destination_country_gets_its_own_safeguard_sentence() {
    let engine = common::engine();
    for (country, sg, phrase) in [
        ("Canada", "adequacy", "Canada (adequaatheidsbesluit)"),
        (
            "Verenigd Koninkrijk",
            "adequacy",
            "het Verenigd Koninkrijk (adequaatheidsbesluit)",
        ),
        (
            "Zwitserland",
            "adequacy",
            "Zwitserland (adequaatheidsbesluit)",
        ),
        (
            "Verenigde Staten",
            "dpf",
            "de Verenigde Staten (EU-VS Data Privacy Framework)",
        ),
        (
            "Verenigde Staten",
            "scc",
            "de Verenigde Staten (standaardcontractbepalingen)",
        ),
        ("India", "scc", "India (standaardcontractbepalingen)"),
        (
            "China",
            "none_known",
            "China (geen erkende waarborg bekend)",
        ),
    ] {
        let (text, errs) = with_transfer(&engine, country, sg);
        assert!(errs.is_empty(), "{country}/{sg}: {errs:?}");
        assert!(
            text.contains(&format!(
                "Wolk verwerkt uw gegevens ook buiten de Europese Economische Ruimte (EER): in {phrase}."
            )),
            "{country}/{sg}: {text}"
        );
        if sg == "scc" {
            assert!(
                text.contains("Een kopie van de standaardcontractbepalingen"),
                "{text}"
            );
        }
        if sg == "none_known" {
            assert!(
                text.contains(
                    "voor de doorgifte naar China kennen wij geen waarborg die de AVG erkent"
                ),
                "{text}"
            );
        }
    }
    // Wrong safeguards for a country are refused, as the catalog refuses them.
    for (country, sg) in [
        ("Canada", "dpf"),
        ("India", "adequacy"),
        ("China", "adequacy"),
        ("Verenigde Staten", "adequacy"),
    ] {
        let (_, errs) = with_transfer(&engine, country, sg);
        assert!(!errs.is_empty(), "{country}/{sg} accepted");
    }
}

#[test]
fn no_text_says_dat_mag_and_none_known_is_reported() {
    let engine = common::engine();
    let mut texts = Vec::new();
    for preset in engine.presets() {
        let mut a = engine.example_shop().clone();
        a.preset = Some(preset.id.clone());
        texts.push((preset.id.clone(), text_of(&engine, &a)));
    }
    for path in common::seed_files() {
        texts.push((
            path.display().to_string(),
            text_of(&engine, &common::load(&path)),
        ));
    }
    for p in engine.catalog().all() {
        for &s in &p.sections {
            let mut a = engine.example_shop().clone();
            a.providers.set(s, vec![p.id.clone()]);
            texts.push((p.id.clone(), text_of(&engine, &a)));
        }
    }
    let (china, _) = with_transfer(&engine, "China", "none_known");
    texts.push(("china".into(), china));
    for (what, t) in &texts {
        assert!(!t.contains("Dat mag"), "{what}: {t}");
    }
    let a = shop_with(
        &engine,
        "[providers]\nhosting = [\"wolk\"]\n[[custom_provider]]\nid = \"wolk\"\nname = \"Wolk\"\nsections = [\"hosting\"]\n[[custom_provider.transfer]]\ncountry = \"China\"\nsafeguard = \"none_known\"\n",
    );
    assert!(
        warnings(&engine, &a)
            .iter()
            .any(|w| w.contains("geen erkende waarborg")),
        "{:?}",
        warnings(&engine, &a)
    );
}

#[test]
fn the_engine_rejects_what_the_wizard_rejects() {
    let engine = common::engine();
    let custom = |body: &str| {
        shop_with(
            &engine,
            &format!("[providers]\nhosting = [\"eigen\"]\n[[custom_provider]]\nid = \"eigen\"\nname = \"Eigen\"\nsections = [\"hosting\"]\n{body}"),
        )
    };
    // Outside the EEA with an EEA country; outside the EEA without a safeguard.
    let e = errors(
        &engine,
        &custom("country = \"Nederland\"\noutside_eea = true\nsafeguard = \"scc\"\n"),
    );
    assert!(e.iter().any(|m| m.contains("ligt in de EER")), "{e:?}");
    let e = errors(
        &engine,
        &custom("country = \"Verenigde Staten\"\noutside_eea = true\n"),
    );
    assert!(e.iter().any(|m| m.contains("geen waarborg")), "{e:?}");
    // Based outside the EEA but no transfer said: the data do go there.
    let e = errors(&engine, &custom("country = \"India\"\n"));
    assert!(e.iter().any(|m| m.contains("ligt buiten de EER")), "{e:?}");
    // A joint controller needs what the joint part covers and who answers requests.
    let e = errors(
        &engine,
        &custom(
            "[[custom_provider.activity]]\nsection = \"hosting\"\nrole = \"joint_controller\"\n",
        ),
    );
    assert!(e.iter().any(|m| m.contains("joint_covers")), "{e:?}");
    // The old keys stay readable and valid.
    let ok = custom("country = \"Verenigde Staten\"\noutside_eea = true\nsafeguard = \"dpf\"\n");
    assert!(
        errors(&engine, &ok).is_empty(),
        "{:?}",
        errors(&engine, &ok)
    );
    // The wizard asks the engine the same questions.
    let c = &ok.custom_providers[0];
    assert!(validate::custom_provider(c, engine.catalog(), "x").is_empty());
    assert!(engine.countries().valid_safeguards("Nederland").is_empty());
    assert!(engine.countries().known().any(|c| c == "Zwitserland"));
}

#[test]
fn own_providers_follow_the_same_rules_as_catalog_entries() {
    let engine = common::engine();
    // An own carrier is, by default, responsible itself (as PostNL is); an own host processes.
    let a = shop_with(
        &engine,
        "[providers]\nshipping = [\"koerier\"]\nhosting = [\"host\"]\n[[custom_provider]]\nid = \"koerier\"\nname = \"Snelkoerier\"\ncompany = \"Snelkoerier B.V.\"\nprivacy_url = \"https://snelkoerier.example/privacy\"\nsections = [\"shipping\"]\n[[custom_provider]]\nid = \"host\"\nname = \"Eigen Host\"\nsections = [\"hosting\"]\n",
    );
    let doc = engine.document(&a).unwrap();
    let shipping = under(&doc, "shipping");
    assert!(
        shipping.contains("Snelkoerier is voor deze verwerking zelf verantwoordelijk"),
        "{shipping}"
    );
    // The privacy link is printed, with the company, not the product name.
    assert!(
        shipping.contains("de privacyverklaring van Snelkoerier B.V."),
        "{shipping}"
    );
    assert!(under(&doc, "hosting").contains("Eigen Host verwerkt de gegevens in onze opdracht"));
    assert!(!under(&doc, "shipping").contains("verwerkersovereenkomst"));
    // Defaults come from assets/sections.toml, the same for the wizard.
    let (role, data) = engine.catalog().section_default(Section::Shipping);
    assert_eq!(role, privacybeleid::engine::catalog::Role::Controller);
    assert!(data.contains(&"afleveradres".to_string()));
}

#[test]
fn legal_errors_of_the_review_are_gone() {
    let engine = common::engine();
    // Meta's pixel: joint control explained, with who answers requests.
    let a = shop_with(&engine, "[providers]\ncookies = [\"meta-pixel\"]\n");
    let t = text_of(&engine, &a);
    assert!(
        t.contains("samen met Meta Platforms Ireland Limited verantwoordelijk (artikel 26 AVG)"),
        "{t}"
    );
    assert!(
        t.contains("Met vragen en verzoeken daarover kunt u bij ons terecht"),
        "{t}"
    );
    assert!(!t.contains("Meta Pixel is voor deze verwerking zelf verantwoordelijk"));
    // Trustpilot: invites as a processor, publishes and deletes itself; the UK on adequacy.
    let a = shop_with(&engine, "[providers]\nreviews = [\"trustpilot\"]\n");
    let t = text_of(&engine, &a);
    assert!(
        t.contains("Trustpilot verstuurt de uitnodigingen in onze opdracht")
            && t.contains(
                "Voor de reviews die het publiceert, is dat platform zelf verantwoordelijk"
            ),
        "{t}"
    );
    assert!(
        t.contains("Het publiceren, bewaren en verwijderen van reviews doet Trustpilot zelf"),
        "{t}"
    );
    assert!(
        t.contains("het Verenigd Koninkrijk (adequaatheidsbesluit)"),
        "{t}"
    );
    assert!(
        !t.contains("Op uw verzoek verwijderen wij uw review"),
        "{t}"
    );
    // Lightspeed: Canada on its adequacy decision, the US on the DPF.
    let mut l = engine.example_shop().clone();
    l.preset = Some("lightspeed-ecom".into());
    let t = text_of(&engine, &l);
    assert!(t.contains("in Canada (adequaatheidsbesluit) en de Verenigde Staten (EU-VS Data Privacy Framework)"), "{t}");
    // Bol.com is the source of order data, not a recipient.
    let a = shop_with(&engine, "[providers]\nsales_channels = [\"bol-com\"]\n");
    let doc = engine.document(&a).unwrap();
    assert!(under(&doc, "sales_channels").contains("artikel 14 AVG"));
    assert!(!doc
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::TableRow && b.plain().starts_with("Bol.com |")));
    // Klaviyo's tracking script is under Cookies, asks consent, and profiles.
    let a = shop_with(&engine, "[providers]\nnewsletter = [\"klaviyo\"]\n");
    let doc = engine.document(&a).unwrap();
    let cookies = under(&doc, "cookies");
    assert!(cookies.contains("Klaviyo | marketing |"), "{cookies}");
    assert!(!doc.plain_text().contains("wij maken geen profielen van u"));
    assert!(warnings(&engine, &a)
        .iter()
        .any(|w| w.contains("Klaviyo zet een script")));
    // A consumer mailbox is not described as a business processor.
    let a = shop_with(
        &engine,
        "[shop]\nemail = \"winkel@gmail.com\"\n[providers]\nbusiness_email = [\"gmail\"]\n",
    );
    let t = text_of(&engine, &a);
    assert!(
        t.contains("met een gewoon (particulier) account, zonder verwerkersovereenkomst"),
        "{t}"
    );
    // ...and names the company behind a personal account, not the business package's one.
    assert!(
        t.contains("Google Ireland Limited is zelf verantwoordelijk"),
        "{t}"
    );
    assert!(!t.contains("Google Cloud EMEA"), "{t}");
    let business = text_of(
        &engine,
        &shop_with(
            &engine,
            "[shop]\nemail = \"info@winkel.nl\"\n[providers]\nbusiness_email = [\"gmail\"]\n",
        ),
    );
    assert!(business.contains("Google Cloud EMEA"), "{business}");
    assert!(warnings(&engine, &a)
        .iter()
        .any(|w| w.contains("@gmail.com")));
    // Grammar follows the data.
    let a = shop_with(
        &engine,
        "[providers]\npayments = [\"klarna\", \"riverty\"]\n",
    );
    let t = text_of(&engine, &a);
    assert!(
        t.contains("Bij achteraf betalen nemen Klarna en Riverty"),
        "{t}"
    );
    let a = shop_with(&engine, "[providers]\nbusiness_email = [\"transip\"]\n");
    let t = text_of(&engine, &a);
    assert!(t.contains("## E-MAIL") || t.contains("E-MAIL "), "{t}");
    assert!(!t.contains("mailinglijsten"), "{t}");
}

/// Words of the whole text, and the share of prose words in sentences whose skeleton (names,
/// companies, countries and numbers replaced) occurs three or more times.
fn measure(engine: &Engine, doc: &Document) -> (usize, f64) {
    let mut names: Vec<String> = Vec::new();
    for p in engine.catalog().all() {
        names.push(p.name.clone());
        names.extend(p.short_name.clone());
        names.push(p.company.clone());
        names.push(p.country.clone());
        names.extend(p.transfers.iter().map(|t| t.country.clone()));
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    let words = doc.plain_text().split_whitespace().count();
    let prose: Vec<String> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Bullet))
        .map(|b| b.plain())
        .collect();
    let mut sentences: Vec<(String, usize)> = Vec::new();
    for block in &prose {
        for s in block.split_inclusive(". ") {
            let mut skeleton = s.trim().to_string();
            for n in &names {
                skeleton = skeleton.replace(n.as_str(), "X");
            }
            let skeleton: String = skeleton
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .collect();
            sentences.push((skeleton, s.split_whitespace().count()));
        }
    }
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (k, _) in &sentences {
        *count.entry(k.as_str()).or_default() += 1;
    }
    let total: usize = sentences.iter().map(|(_, w)| w).sum();
    let repeated: usize = sentences
        .iter()
        .filter(|(k, _)| count[k.as_str()] >= 3)
        .map(|(_, w)| w)
        .sum();
    (words, repeated as f64 / total.max(1) as f64)
}

#[test]
fn fifty_six_providers_stay_readable() {
    let engine = common::engine();
    let a = common::load(&common::root().join("tests/fixtures/56-providers.toml"));
    let chosen: std::collections::BTreeSet<&String> = a.providers.0.values().flatten().collect();
    assert_eq!(chosen.len(), 56);
    assert!(!validate::has_errors(&engine.check(&a)));
    let doc = engine.document(&a).unwrap();
    let (words, repeated) = measure(&engine, &doc);
    eprintln!(
        "56 providers: {words} words, {:.0}% of the prose repeated",
        repeated * 100.0
    );
    assert!(words < 6_500, "{words} words");
    assert!(repeated <= 1.0 / 3.0, "{:.0}% repeated", repeated * 100.0);
    // Every provider is still named, in the recipients table or as a source.
    let text = doc.plain_text();
    for id in chosen {
        let p = engine.catalog().get(id).unwrap();
        let name = p.short_name.as_deref().unwrap_or(&p.name);
        assert!(text.contains(name), "{id} missing");
    }
}

#[test]
fn an_eight_provider_policy_keeps_every_fact() {
    let engine = common::engine();
    let mut a = engine.example_shop().clone();
    a.preset = Some("lightspeed-ecom".into());
    let resolved = engine.resolve(&a).unwrap();
    let doc = engine.document(&a).unwrap();
    let text = flat(&doc.plain_text());
    let mut n = 0;
    for s in Section::ALL {
        for id in resolved.providers.get(s) {
            let p = engine.catalog().get(id).unwrap();
            n += 1;
            let name = p.short_name.as_deref().unwrap_or(&p.name);
            // Name, company, country, what it receives, where the data go.
            assert!(text.contains(name), "{id}: name");
            if !p.self_hosted {
                assert!(text.contains(&p.company), "{id}: company");
                assert!(text.contains(&p.country), "{id}: country");
                // The mail sections name their data in a fixed sentence, as before.
                let fixed = matches!(s, Section::BusinessEmail | Section::TransactionalEmail);
                for d in p.data_in(s).into_iter().filter(|_| !fixed) {
                    assert!(text.contains(&d), "{id}: data {d}");
                }
                for t in &p.transfers {
                    assert!(text.contains(&t.country), "{id}: transfer {}", t.country);
                }
            }
        }
    }
    assert!(n >= 8, "{n}");
}
