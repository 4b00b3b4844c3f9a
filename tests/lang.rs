//! Languages and voice (issue 10, point 4): the policy and the cookie statement in Dutch with
//! "u", Dutch with "je" and English, for the seed shops and every preset; no Dutch sentence in
//! English output, no "u"/"uw" in the "je" output; no catalog word without an English label.

mod common;

use std::collections::BTreeSet;

use privacybeleid::engine::lang::{self, measure, Term, Voice};
use privacybeleid::engine::{validate, Answers, Engine, Format};

fn in_voice(a: &Answers, v: Voice) -> Answers {
    lang::with_voice(a, v)
}

/// Both documents of one voice, as markup (user text still marked, so the measures skip it).
fn markups(engine: &Engine, a: &Answers, v: Voice) -> Vec<(&'static str, String)> {
    vec![
        ("policy", engine.markup_in(a, v).unwrap()),
        ("cookies", engine.cookie_statement_markup(a, v).unwrap()),
    ]
}

/// Names the catalog gives products and companies: a name is not a Dutch word in an
/// English text ("bpost NV van publiek recht", "Meer dan Online").
fn catalog_names() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let engine = common::engine();
        let mut out = Vec::new();
        for p in engine.catalog().all() {
            out.push(p.name.clone());
            out.push(p.company.clone());
            out.extend(p.short_name.clone());
            out.extend(p.consumer.as_ref().map(|c| c.company.clone()));
        }
        out
    })
}

/// The voice's own measure: English has no Dutch sentence and no Dutch word outside names,
/// "je" no "u"/"uw".
fn assert_voice(markup: &str, v: Voice, what: &str) {
    match v.key() {
        "en" => {
            let nl = measure::dutch_sentences(markup);
            assert!(
                nl.is_empty(),
                "{what}: Dutch sentences in English:\n{nl:#?}"
            );
            let words = measure::dutch_words(markup, catalog_names());
            assert!(
                words.is_empty(),
                "{what}: Dutch words in English: {words:?}"
            );
        }
        "nl-je" => {
            let u = measure::u_addressing(markup);
            assert!(u.is_empty(), "{what}: \"u\" in the je text:\n{u:#?}");
        }
        _ => {}
    }
}

#[test]
fn seed_examples_in_three_voices() {
    let engine = common::engine();
    for path in common::seed_files() {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let answers = common::load(&path);
        for v in Voice::ALL {
            let a = in_voice(&answers, v);
            for (doc, markup) in markups(&engine, &a, v) {
                let what = format!("{stem}.{}.{doc}", v.key());
                assert_voice(&markup, v, &what);
            }
            let policy = engine.render_in(&a, Format::Markdown, v).unwrap();
            common::assert_clean(&policy, &format!("{stem}.{}", v.key()));
            insta::assert_snapshot!(format!("{stem}.{}.policy.md", v.key()), policy);
            let cookies = engine
                .render_cookie_statement(&a, Format::Markdown, v)
                .unwrap();
            insta::assert_snapshot!(format!("{stem}.{}.cookies.md", v.key()), cookies);
        }
    }
}

#[test]
fn the_measures_can_fail_on_the_other_voices() {
    let engine = common::engine();
    let answers = common::load(&common::seed_files()[0]);
    let u = Voice::default();
    let markup = engine.markup_in(&answers, u).unwrap();
    // The Dutch "u" text is full of Dutch sentences and of "u"/"uw".
    assert!(measure::dutch_sentences(&markup).len() > 50);
    assert!(measure::u_addressing(&markup).len() > 20);
    // The "je" text is Dutch too, so the English measure must catch it.
    let je = Voice::new(lang::Lang::Nl, lang::Tone::Je);
    assert!(measure::dutch_sentences(&engine.markup_in(&answers, je).unwrap()).len() > 50);
}

#[test]
fn every_preset_renders_in_three_voices_and_passes_check() {
    let engine = common::engine();
    for p in engine.presets() {
        let mut a = engine.example_shop().clone();
        a.preset = Some(p.id.clone());
        for v in Voice::ALL {
            let a = in_voice(&a, v);
            let diags = engine.check(&a);
            assert!(
                !validate::has_errors(&diags),
                "{} {}: {diags:?}",
                p.id,
                v.key()
            );
            assert!(
                diags.iter().all(|d| !d.field.starts_with("policy.language")
                    && !d.field.starts_with("policy.tone")),
                "{} {}: {diags:?}",
                p.id,
                v.key()
            );
            for (doc, markup) in markups(&engine, &a, v) {
                assert_voice(&markup, v, &format!("{} {} {doc}", p.id, v.key()));
            }
            for f in Format::ALL {
                let out = engine.render_in(&a, f, v).unwrap();
                common::assert_clean(&out, &format!("{} {} {f:?}", p.id, v.key()));
            }
        }
    }
}

#[test]
fn the_html_lang_attribute_follows_the_language() {
    let engine = common::engine();
    let answers = common::load(&common::seed_files()[0]);
    for v in Voice::ALL {
        let html = engine.render_in(&answers, Format::Html, v).unwrap();
        let want = format!("<html lang=\"{}\">", v.lang.code());
        assert!(html.contains(&want), "{}: no {want}", v.key());
    }
    // `[policy] language` in the answers file alone is enough.
    let mut a = answers.clone();
    a.policy.language = Some("en".into());
    let html = engine.render(&a, Format::Html).unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("Privacy policy of"));
}

/// Every word of the catalog that the English texts use has an English label: the data each
/// provider receives (and the section defaults for a shop's own providers), what reviews
/// show, what a joint controllership covers, and every country the catalog or the country
/// lists name. Nothing falls back to Dutch silently.
#[test]
fn every_catalog_word_has_an_english_label() {
    let engine = common::engine();
    let g = lang::glossary().unwrap();
    let mut missing: BTreeSet<String> = BTreeSet::new();
    let mut need = |term: Term, word: &str| {
        if g.get(term, word).is_err() {
            missing.insert(format!("[{term:?}] {word}"));
        }
    };
    for p in engine.catalog().all() {
        need(Term::Country, &p.country);
        for t in &p.transfers {
            need(Term::Country, &t.country);
        }
        for a in &p.activities {
            for d in a.data.iter().chain(&a.publishes) {
                need(Term::Data, d);
            }
            if let Some(c) = &a.joint_covers {
                need(Term::JointCovers, c);
            }
            if let Some(l) = &a.label {
                need(Term::Activity, l);
            }
        }
        for v in &p.variants {
            for d in &v.publishes {
                need(Term::Data, d);
            }
        }
    }
    for s in engine.sections() {
        for d in &s.default_data {
            need(Term::Data, d);
        }
    }
    let c = engine.countries();
    for name in c.eea.iter().chain(c.adequacy.iter().map(|a| &a.name)) {
        need(Term::Country, name);
    }
    assert!(
        missing.is_empty(),
        "add these to assets/i18n/glossary-en.toml:\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn a_missing_english_label_is_an_error_not_dutch() {
    let g = lang::Glossary::parse("[data]\n[country]\n[joint_covers]\n[activity]\n").unwrap();
    let e = g.get(Term::Data, "naam").unwrap_err().to_string();
    assert!(e.contains("naam") && e.contains("glossary-en"), "{e}");
}

/// The register and the processor-agreements list follow the voice too.
#[test]
fn register_and_agreements_in_three_voices() {
    use privacybeleid::consult::documents;
    let engine = common::engine();
    let mut shops: Vec<(String, Answers)> = common::seed_files()
        .iter()
        .map(|p| (p.display().to_string(), common::load(p)))
        .collect();
    for p in engine.presets() {
        let mut a = engine.example_shop().clone();
        a.preset = Some(p.id.clone());
        shops.push((p.id.clone(), a));
    }
    for (name, answers) in &shops {
        for v in Voice::ALL {
            let a = in_voice(answers, v);
            let register = documents::register(&engine, &a, "2026-11-25");
            let agreements = documents::agreements(&engine, &a, "2026-11-25");
            for (doc, markup) in [
                ("register", register.markup()),
                ("agreements", agreements.markup()),
            ] {
                let what = format!("{name} {} {doc}", v.key());
                // A wording key missing in this voice shows as "[key]".
                assert!(
                    !markup.contains("_title]") && !markup.contains("[how_"),
                    "{what}"
                );
                assert_voice(&markup, v, &what);
            }
            let html = register.write(Format::Html);
            assert!(html.contains(&format!("<html lang=\"{}\">", v.lang.code())));
            // Grammar follows the numbers, and no markup shows as text in any format.
            for f in Format::ALL {
                for (doc, out) in [
                    ("register", register.write(f)),
                    ("agreements", agreements.write(f)),
                ] {
                    let what = format!("{name} {} {doc} {f:?}", v.key());
                    for residue in ["`", "(s)"] {
                        assert!(!out.contains(residue), "{what}: {residue}\n{out}");
                    }
                }
            }
            if v.key() == "en" {
                assert!(register.csv().starts_with("purpose,legal basis,"), "{name}");
            }
        }
    }
}

/// A review platform that sends the invitations as our processor and publishes the reviews
/// as a controller gets its two roles said once, together (issue 6, points 2 and 4): one
/// sentence with the processor role, one with the controller role, in every voice, also
/// among several platforms; never the generic "controller for this processing" as well.
#[test]
fn a_review_platform_gets_its_two_roles_said_once() {
    let engine = common::engine();
    let mut preset = engine.example_shop().clone();
    preset.preset = Some("shopify-klaviyo-meta".into());
    let big = common::load(&common::root().join("tests/fixtures/56-providers.toml"));
    for (what, answers) in [("preset", &preset), ("56", &big)] {
        for v in Voice::ALL {
            let markup = engine.markup_in(&in_voice(answers, v), v).unwrap();
            let start = markup.find("## Reviews").expect("a reviews section");
            let end = markup[start + 3..]
                .find("\n## ")
                .map_or(markup.len(), |i| start + 3 + i);
            let section = &markup[start..end];
            let (processor, controller, generic) = match v.lang {
                lang::Lang::Nl => (
                    "in onze opdracht",
                    "zelf verantwoordelijk",
                    "voor deze verwerking zelf verantwoordelijk",
                ),
                lang::Lang::En => (
                    "on our behalf",
                    "independent controller",
                    "independent controller for this processing",
                ),
            };
            let said = |marker: &str| {
                measure::sentences(section)
                    .into_iter()
                    .filter(|s| s.contains("Trustpilot") && s.contains(marker))
                    .count()
            };
            let what = format!("{what} {}", v.key());
            assert_eq!(said(processor), 1, "{what}: processor role\n{section}");
            assert_eq!(said(generic), 0, "{what}: generic role\n{section}");
            // The controller sentence names the platform or refers back to it.
            let controller_sentences = measure::sentences(section)
                .into_iter()
                .filter(|s| s.contains(controller) && !s.contains("Kiyoh"))
                .count();
            assert_eq!(
                controller_sentences, 1,
                "{what}: controller role\n{section}"
            );
        }
    }
}

/// Every catalog provider at once, in English: no Dutch sentence and no Dutch word outside
/// names, in the policy, the cookie statement, the register and the agreements list.
#[test]
fn every_catalog_provider_in_english_has_no_dutch() {
    use privacybeleid::consult::documents;
    use privacybeleid::engine::Section;
    let engine = common::engine();
    let mut a = engine.example_shop().clone();
    for s in Section::ALL {
        let ids = engine
            .catalog()
            .in_section(s)
            .map(|p| p.id.clone())
            .collect();
        a.providers.set(s, ids);
    }
    a.policy.retention_max_years = Some(1);
    a.policy.customer_accounts = Some(true);
    a.policy.contact_form = Some(true);
    let v = Voice::new(lang::Lang::En, lang::Tone::U);
    let a = in_voice(&a, v);
    for (doc, markup) in markups(&engine, &a, v) {
        assert_voice(&markup, v, &format!("every provider {doc}"));
    }
    for (doc, markup) in [
        (
            "register",
            documents::register(&engine, &a, "2026-11-25").markup(),
        ),
        (
            "agreements",
            documents::agreements(&engine, &a, "2026-11-25").markup(),
        ),
    ] {
        assert_voice(&markup, v, &format!("every provider {doc}"));
    }
}

/// The share of template lines that are only Tera control code (`{% if %}`, `{% endif %}`,
/// `{% for %}`, `{% set %}`, `{% include %}` and the like, nothing of the text), per voice:
/// blank lines and the comments written for the template's editor do not count. Issue 6,
/// point 5: a lawyer edits these files, so they should read as the text they produce.
/// Before: 49.3% for nl-u (274 of 556 lines); now 28.1% (110 of 392), with the same output:
/// closing tags and conditions stand on the line of the text they govern, a section's
/// condition on its heading, roles.tera includes places.tera, and the accounting section
/// reads who keeps the books and who audits them from the context.
fn control_share(voice: &str) -> (usize, usize) {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "tera") {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    files(
        &common::root().join("assets/templates").join(voice),
        &mut paths,
    );
    let (mut lines, mut control) = (0, 0);
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        // Comments out, their lines kept blank.
        let mut plain = String::new();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("{#") {
            plain.push_str(&rest[..i]);
            let end = rest[i..].find("#}").map_or(rest.len(), |j| i + j + 2);
            plain.extend(rest[i..end].chars().filter(|c| *c == '\n'));
            rest = &rest[end..];
        }
        plain.push_str(rest);
        for line in plain.lines().map(str::trim).filter(|l| !l.is_empty()) {
            lines += 1;
            let mut text = line;
            let mut only_tags = String::new();
            while let Some(i) = text.find("{%") {
                only_tags.push_str(&text[..i]);
                let end = text[i..].find("%}").map_or(text.len(), |j| i + j + 2);
                text = &text[end..];
            }
            only_tags.push_str(text);
            if only_tags.trim().is_empty() {
                control += 1;
            }
        }
    }
    (control, lines)
}

#[test]
fn templates_are_mostly_text() {
    for voice in ["nl-u", "nl-je", "en"] {
        let (control, lines) = control_share(voice);
        let share = control as f64 / lines as f64;
        eprintln!(
            "{voice}: {control} of {lines} template lines are only control code ({:.1}%)",
            share * 100.0
        );
        assert!(lines > 300, "{voice}: {lines} lines");
        assert!(share < 0.29, "{voice}: {:.1}% control lines", share * 100.0);
    }
}
