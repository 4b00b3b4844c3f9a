//! Cookies: the consent banner's configuration (vanilla-cookieconsent v3), the cookie
//! statement and the policy's cookie part, from one list of tools.

mod common;

use std::process::{Command, Output};

use privacybeleid::engine::cookies::{self, Category};
use privacybeleid::engine::lang::{Lang, Tone, Voice};
use privacybeleid::engine::{Answers, Engine};
use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_privacybeleid"))
        .args(args)
        .env(
            "PRIVACYBELEID_DATA_DIR",
            std::env::temp_dir().join("pb-cookies-test"),
        )
        .output()
        .expect("binary runs")
}

fn preset(e: &Engine, id: &str) -> Answers {
    let mut a = e.example_shop().clone();
    a.preset = Some(id.into());
    a
}

fn banner(e: &Engine, a: &Answers, voice: Voice) -> Value {
    let text = e
        .banner_json(a, voice)
        .unwrap_or_else(|err| panic!("{err}"));
    serde_json::from_str(&text).expect("valid JSON")
}

/// Every answers file we ship: the presets and the seed examples.
fn all_answers(e: &Engine) -> Vec<(String, Answers)> {
    let mut v: Vec<(String, Answers)> = e
        .presets()
        .iter()
        .map(|p| (format!("preset {}", p.id), preset(e, &p.id)))
        .collect();
    for f in common::seed_files() {
        v.push((f.display().to_string(), common::load(&f)));
    }
    v
}

#[test]
fn banner_categories_follow_the_tools_and_their_consent() {
    let e = common::engine();
    for (what, a) in all_answers(&e) {
        let cfg = banner(&e, &a, Voice::default());
        let cats = cfg["categories"].as_object().expect("categories");
        let nec = &cats["necessary"];
        assert_eq!(nec["readOnly"], true, "{what}: necessary is read-only");
        assert_eq!(nec["enabled"], true, "{what}");
        assert!(nec["services"]["cookiemelding"].is_object(), "{what}");
        let tools = e.cookie_tools(&a);
        for t in &tools {
            for g in &t.groups {
                let (bucket, switchable) = cookies::banner::bucket(g);
                let cat = &cats[bucket];
                assert!(
                    cat["services"][&t.id].is_object(),
                    "{what}: {} missing in banner category {bucket}",
                    t.id
                );
                assert_eq!(cat["readOnly"], !switchable, "{what}: {bucket}");
                assert_eq!(
                    cat["enabled"], !switchable,
                    "{what}: {bucket} off until chosen"
                );
                if g.category == Category::Marketing {
                    assert!(switchable, "{what}: marketing always asks consent");
                }
            }
        }
        // One service per tool and banner category (a JSON object keeps only the last of
        // two equal keys).
        for (key, cat) in cats {
            let mut expected: Vec<&str> = tools
                .iter()
                .filter(|t| {
                    t.groups
                        .iter()
                        .any(|g| cookies::banner::bucket(g).0 == key.as_str())
                })
                .map(|t| t.id.as_str())
                .collect();
            if key == "necessary" {
                expected.insert(0, cookies::banner::OWN_SERVICE);
            }
            let got: Vec<&str> = cat["services"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                got.len(),
                expected.len(),
                "{what}: {key}: {got:?} vs {expected:?}"
            );
        }
        // Nothing in the banner that the answers do not need.
        let ids: Vec<&str> = tools.iter().map(|t| t.id.as_str()).collect();
        for (key, cat) in cats {
            for service in cat["services"].as_object().unwrap().keys() {
                assert!(
                    service == cookies::banner::OWN_SERVICE || ids.contains(&service.as_str()),
                    "{what}: {key}/{service} is not one of the shop's tools"
                );
            }
        }
        let asks = tools.iter().any(|t| t.groups.iter().any(|g| g.consent));
        assert_eq!(cfg["autoShow"], asks, "{what}: shown only when it asks");
        // Every category has its section in the settings, linked to it.
        let sections = cfg["language"]["translations"]["nl"]["preferencesModal"]["sections"]
            .as_array()
            .unwrap();
        for key in cats.keys() {
            assert!(
                sections.iter().any(|s| s["linkedCategory"] == key.as_str()),
                "{what}: no section for {key}"
            );
        }
    }
}

#[test]
fn a_shop_with_marketing_pixels_gets_a_marketing_category() {
    let e = common::engine();
    let cfg = banner(&e, &preset(&e, "shopify-klaviyo-meta"), Voice::default());
    let m = &cfg["categories"]["marketing"];
    assert_eq!(m["readOnly"], false);
    assert!(m["services"]["meta-pixel"].is_object());
    assert!(m["services"]["google-ads"].is_object());
    let starter = banner(&e, &preset(&e, "starter-minimaal"), Voice::default());
    assert!(starter["categories"].get("marketing").is_none());
}

#[test]
fn every_catalog_tool_has_a_banner_in_every_voice() {
    // A missing text or English purpose fails here, not on a user's screen.
    let e = common::engine();
    for p in e.catalog().all() {
        for sec in &p.sections {
            let mut a = e.example_shop().clone();
            a.providers.set(*sec, vec![p.id.clone()]);
            for voice in Voice::ALL {
                let cfg = e
                    .banner_json(&a, voice)
                    .unwrap_or_else(|err| panic!("{} ({}): {err}", p.id, voice.key()));
                assert!(cfg.contains("\"categories\""));
            }
        }
    }
}

#[test]
fn texts_are_html_escaped_for_the_banner() {
    // The package inserts labels and descriptions as HTML.
    let e = common::engine();
    let mut a = preset(&e, "shopify-klaviyo-meta");
    a.shop.name = Some("<img src=x onerror=alert(1)> & Zn".into());
    let text = e.banner_json(&a, Voice::default()).unwrap();
    assert!(!text.contains("<img"), "raw markup in the banner");
    assert!(text.contains("&lt;img src=x onerror=alert(1)&gt; &amp; Zn"));
}

#[test]
fn english_and_je_banners() {
    let e = common::engine();
    let a = preset(&e, "shopify-klaviyo-meta");
    let en = banner(&e, &a, Voice::new(Lang::En, Tone::U));
    assert_eq!(en["language"]["default"], "en");
    let t = &en["language"]["translations"]["en"];
    assert_eq!(t["consentModal"]["acceptAllBtn"], "Accept all");
    let all = serde_json::to_string(t).unwrap();
    for dutch in [" wij ", " uw ", " je ", " de ", " het ", "toestemming"] {
        assert!(
            !all.contains(dutch),
            "Dutch `{dutch}` in the English banner"
        );
    }
    let je = banner(&e, &a, Voice::new(Lang::Nl, Tone::Je));
    let all = serde_json::to_string(&je["language"]["translations"]["nl"]).unwrap();
    for formal in [" u ", " uw ", "U kunt", "Kiest u", "Uw "] {
        assert!(!all.contains(formal), "`{formal}` in the je banner");
    }
    assert!(all.contains(" je "));
}

#[test]
fn cli_banner_json_and_js() {
    let o = run(&[
        "render",
        "--preset",
        "shopify-klaviyo-meta",
        "--document",
        "banner",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(v["mode"], "opt-in");

    let o = run(&[
        "render",
        "--preset",
        "shopify-klaviyo-meta",
        "--document",
        "banner",
        "--format",
        "js",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let js = String::from_utf8_lossy(&o.stdout);
    assert!(js.contains("window.privacybeleidBanner = { start: start }"));
    assert!(js.trim_end().ends_with("});"));
    assert!(js.contains("window.privacybeleidBanner.start({"));
}

#[test]
fn cli_refuses_combinations_that_do_not_exist() {
    let o = run(&[
        "render",
        "--preset",
        "starter-minimaal",
        "--document",
        "banner",
        "--format",
        "md",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("alleen als JSON of JavaScript"));
    let o = run(&["render", "--preset", "starter-minimaal", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("alleen voor --document banner"));
}

#[test]
fn a_shop_without_consent_tools_is_told_the_banner_need_not_show() {
    let o = run(&[
        "render",
        "--preset",
        "starter-minimaal",
        "--document",
        "banner",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("verschijnt daarom niet vanzelf"));
}

/// Dutch words that English text never has (the measure for "no Dutch sentence").
const DUTCH: [&str; 24] = [
    "de", "het", "een", "en", "van", "wij", "uw", "je", "jouw", "niet", "voor", "zijn", "met",
    "deze", "ook", "naar", "bij", "kunt", "wordt", "worden", "heeft", "onze", "ons", "welke",
];

/// Sentences of a text that read as Dutch: two or more Dutch function words.
fn dutch_sentences(text: &str) -> Vec<String> {
    text.split(['.', '!', '?', '\n'])
        .filter(|s| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| DUTCH.contains(&w.to_lowercase().as_str()))
                .count()
                >= 2
        })
        .map(|s| s.trim().to_string())
        .collect()
}

/// Words that address the reader formally ("u", "uw"): none may stand in a "je" text.
fn formal_address(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| matches!(*w, "u" | "U" | "uw" | "Uw"))
        .map(str::to_string)
        .collect()
}

fn statement(e: &Engine, a: &Answers, voice: Voice) -> String {
    e.cookie_statement(a, voice)
        .unwrap_or_else(|err| panic!("{err}"))
        .plain_text()
}

/// Answers with one catalog provider in each section it serves, and every answers file we ship.
fn every_case(e: &Engine) -> Vec<(String, Answers)> {
    let mut v = all_answers(e);
    for p in e.catalog().all() {
        for sec in &p.sections {
            let mut a = e.example_shop().clone();
            a.providers.set(*sec, vec![p.id.clone()]);
            v.push((format!("{} in {}", p.id, sec.id()), a));
        }
    }
    v
}

/// The text of the policy's cookie part (headings left out).
fn policy_cookie_part(e: &Engine, a: &Answers) -> String {
    e.document(a)
        .unwrap()
        .blocks
        .iter()
        .filter(|b| b.anchor.as_deref() == Some("cookies") && !b.is_heading())
        .map(|b| b.plain())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_tool_appears_in_statement_banner_and_policy_alike() {
    let e = common::engine();
    for (what, a) in every_case(&e) {
        let tools = e.cookie_tools(&a);
        let text = statement(&e, &a, Voice::default());
        let cfg = banner(&e, &a, Voice::default());
        let policy = policy_cookie_part(&e, &a);
        for t in &tools {
            assert!(
                text.contains(&t.name),
                "{what}: {} not in the statement",
                t.id
            );
            assert!(
                policy.contains(&t.name),
                "{what}: {} not in the policy's cookie part:\n{policy}",
                t.id
            );
            let in_banner = cfg["categories"]
                .as_object()
                .unwrap()
                .values()
                .any(|c| c["services"][&t.id].is_object());
            assert!(in_banner, "{what}: {} not in the banner", t.id);
            // Every cookie of the tool: in the statement and in the banner's tables, and
            // not in the policy, which refers to the statement for them.
            let tables = serde_json::to_string(&cfg["language"]).unwrap();
            for g in &t.groups {
                for item in &g.items {
                    assert!(
                        text.contains(&item.name),
                        "{what}: {} not in the statement",
                        item.name
                    );
                    assert!(
                        tables.contains(&cookies::banner::escape_html(&item.name)),
                        "{what}: {} not in the banner",
                        item.name
                    );
                    assert!(
                        !policy.contains(&item.name),
                        "{what}: cookie {} listed in the policy",
                        item.name
                    );
                }
            }
        }
        assert!(policy.contains("cookieverklaring"), "{what}: no reference");
    }
}

/// Over the whole catalog: every provider with cookie facts (cookies listed, or a script that
/// needs consent), chosen in any part it serves, is one of the shop's cookie tools, with
/// every listed cookie in one of its groups.
#[test]
fn every_provider_with_cookie_facts_is_a_cookie_tool_when_chosen() {
    let e = common::engine();
    let mut seen = 0;
    for p in e.catalog().all() {
        if p.cookies.is_empty() && !p.needs_consent() {
            continue;
        }
        for sec in &p.sections {
            let mut a = e.example_shop().clone();
            a.providers.set(*sec, vec![p.id.clone()]);
            let tools = e.cookie_tools(&a);
            let Some(t) = tools.iter().find(|t| t.id == p.id) else {
                panic!("{} chosen in {} is no cookie tool", p.id, sec.id());
            };
            let n: usize = t.groups.iter().map(|g| g.items.len()).sum();
            assert_eq!(n, p.cookies.len(), "{}: every cookie in a group", p.id);
            seen += 1;
        }
    }
    assert!(seen > 20, "the catalog has cookie facts ({seen} cases)");
}

/// Cookie tools whose catalog entry says, from the provider's own sources, that they put
/// nothing in the visitor's browser: they count visits without cookies or storage (Plausible,
/// Simple Analytics), or consent is asked for the IP address they receive (Google Fonts).
const STORES_NOTHING: &[&str] = &["plausible", "simple-analytics", "google-fonts"];

/// Over the whole catalog: a provider that puts something in the browser when chosen (it is a
/// cookie tool in some part it serves) either lists its cookies or says in `unverified` that
/// they are not known, so the statement never passes a tool off as having no cookies.
#[test]
fn a_cookie_tool_lists_its_cookies_or_marks_them_unverified() {
    let e = common::engine();
    let mut unlisted = Vec::new();
    let mut tools = 0;
    let mut nothing_seen = Vec::new();
    for p in e.catalog().all() {
        let is_tool = p.sections.iter().any(|sec| {
            let mut a = e.example_shop().clone();
            a.providers.set(*sec, vec![p.id.clone()]);
            e.cookie_tools(&a).iter().any(|t| t.id == p.id)
        });
        if !is_tool {
            continue;
        }
        tools += 1;
        if !p.cookies.is_empty() {
            continue;
        }
        let unverified = p.unverified.iter().any(|u| u == "cookies");
        if STORES_NOTHING.contains(&p.id.as_str()) {
            assert!(
                !unverified,
                "{}: said to store nothing, yet cookies unverified",
                p.id
            );
            assert!(
                !p.sources.is_empty(),
                "{}: 'stores nothing' needs a source",
                p.id
            );
            nothing_seen.push(p.id.as_str());
            continue;
        }
        if !unverified {
            unlisted.push(p.id.clone());
        }
    }
    assert!(
        unlisted.is_empty(),
        "cookie tools without cookies and without `cookies` in `unverified`: {unlisted:?}"
    );
    assert!(tools > 40, "the catalog has cookie tools ({tools})");
    for id in STORES_NOTHING {
        assert!(
            nothing_seen.contains(id),
            "{id}: not a cookie tool without items; drop it from STORES_NOTHING"
        );
    }
}

#[test]
fn the_policy_links_to_the_cookie_statement_when_its_address_is_given() {
    let e = common::engine();
    let mut a = preset(&e, "shopify-klaviyo-meta");
    let md = e
        .render(&a, privacybeleid::engine::Format::Markdown)
        .unwrap();
    assert!(md.contains("leest u in onze cookieverklaring."), "{md}");
    assert!(md.contains("[Cookie-instellingen](<#cookie-instellingen>)"));
    for url in ["/cookieverklaring", "https://www.voorbeeld.nl/cookies"] {
        a.policy.cookie_statement_url = Some(url.into());
        let md = e
            .render(&a, privacybeleid::engine::Format::Markdown)
            .unwrap();
        assert!(
            md.contains(&format!("[onze cookieverklaring](<{url}>)")),
            "{url}"
        );
        assert!(!e
            .check(&a)
            .iter()
            .any(|d| d.field == "policy.cookie_statement_url"));
    }
    a.policy.cookie_statement_url = Some("cookies pagina".into());
    let d = e.check(&a);
    let d = d
        .iter()
        .find(|d| d.field == "policy.cookie_statement_url")
        .expect("a bad address is named");
    assert!(d.message.contains("/cookieverklaring"), "{}", d.message);
    // The policy still renders, without the link.
    let md = e
        .render(&a, privacybeleid::engine::Format::Markdown)
        .unwrap();
    assert!(md.contains("leest u in onze cookieverklaring."));
}

#[test]
fn the_statement_says_per_tool_whether_consent_is_asked() {
    let e = common::engine();
    let a = preset(&e, "shopify-klaviyo-meta");
    let md = e
        .render_cookie_statement(
            &a,
            privacybeleid::engine::Format::Markdown,
            Voice::default(),
        )
        .unwrap();
    assert!(md.contains("Meta Pixel (Meta Platforms Ireland Limited): alleen met uw toestemming"));
    assert!(md.contains("Shopify (Shopify International Limited): geen toestemming nodig"));
    // A table per category: name, provider, purpose, lifetime.
    assert!(md.contains("| Naam | Dienst | Doel | Looptijd |"), "{md}");
    assert!(md.contains("| \\_fbp | Meta Pixel | "), "{md}");
    assert!(md.contains(" | 90 dagen |"));
    // The banner's own cookie stands in the statement too.
    assert!(md.contains("| cc\\_cookie | Cookiemelding | "));
    // The link that reopens the settings.
    assert!(md.contains("[Cookie-instellingen](<#cookie-instellingen>)"));
    let starter = statement(&e, &preset(&e, "starter-minimaal"), Voice::default());
    assert!(starter.contains("Daarvoor is geen toestemming nodig"));
    assert!(!starter.contains("Marketingcookies"));
}

/// In every voice, each category of the statement has one table: a header and a row per
/// cookie item of its tools (and the banner's own cookie under necessary).
#[test]
fn the_statement_has_a_cookie_table_per_category_in_every_voice() {
    use privacybeleid::engine::document::BlockKind;
    let e = common::engine();
    let voices = [
        Voice::default(),
        Voice::new(Lang::Nl, Tone::Je),
        Voice::new(Lang::En, Tone::U),
    ];
    for (what, a) in all_answers(&e) {
        let tools = e.cookie_tools(&a);
        for voice in voices {
            let doc = e.cookie_statement(&a, voice).unwrap();
            for cat in Category::ALL {
                let anchor = format!("cookies-{}", cat.id());
                let blocks: Vec<_> = doc
                    .blocks
                    .iter()
                    .filter(|b| b.anchor.as_deref() == Some(anchor.as_str()))
                    .collect();
                let items: usize = tools
                    .iter()
                    .flat_map(|t| &t.groups)
                    .filter(|g| g.category == cat)
                    .map(|g| g.items.len())
                    .sum::<usize>()
                    + usize::from(cat == Category::Necessary);
                let rows = blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::TableRow)
                    .count();
                let headers = blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::TableHeader)
                    .count();
                assert_eq!(rows, items, "{what} {voice:?} {anchor}: one row per cookie");
                assert_eq!(headers, usize::from(items > 0), "{what} {voice:?} {anchor}");
                if let Some(h) = blocks.iter().find(|b| b.kind == BlockKind::TableHeader) {
                    assert_eq!(h.plain().matches('|').count(), 3, "{what}: four columns");
                }
            }
        }
    }
}

#[test]
fn english_statement_has_no_dutch_sentence_and_je_no_formal_address() {
    let e = common::engine();
    for (what, a) in every_case(&e) {
        let en = statement(&e, &a, Voice::new(Lang::En, Tone::U));
        let dutch = dutch_sentences(&en);
        assert!(dutch.is_empty(), "{what}: Dutch in English: {dutch:?}");
        let je = statement(&e, &a, Voice::new(Lang::Nl, Tone::Je));
        let formal = formal_address(&je);
        assert!(formal.is_empty(), "{what}: {formal:?} in the je statement");
        assert!(je.contains(" je "), "{what}");
        // The measures do find what they look for.
        let u = statement(&e, &a, Voice::default());
        assert!(!formal_address(&u).is_empty(), "{what}");
        assert!(!dutch_sentences(&u).is_empty(), "{what}");
    }
}

#[test]
fn html_statement_follows_the_language_and_links_to_the_settings() {
    let e = common::engine();
    let a = preset(&e, "shopify-klaviyo-meta");
    let en = e
        .render_cookie_statement(
            &a,
            privacybeleid::engine::Format::Html,
            Voice::new(Lang::En, Tone::U),
        )
        .unwrap();
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("<a href=\"#cookie-settings\">Cookie settings</a>"));
    let nl = e
        .render_cookie_statement(
            &a,
            privacybeleid::engine::Format::HtmlFragment,
            Voice::default(),
        )
        .unwrap();
    assert!(nl.contains("<a href=\"#cookie-instellingen\">Cookie-instellingen</a>"));
    common::assert_clean(&nl, "statement fragment");
}

#[test]
fn cli_cookie_statement_and_languages() {
    let o = run(&[
        "render",
        "--preset",
        "shopify-klaviyo-meta",
        "--document",
        "cookies",
        "--lang",
        "en",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# Cookie statement of Voorbeeldwinkel"));
    // The policy follows the same flag.
    let o = run(&["render", "--preset", "shopify-klaviyo-meta", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# Privacy policy of Voorbeeldwinkel"));
}

fn answers_file(dir: &std::path::Path, policy: &str) -> String {
    let text = format!(
        "preset = \"shopify-klaviyo-meta\"\n[shop]\nname = \"Testwinkel\"\nwebsite = \"https://www.testwinkel.nl\"\n\
         effective_date = 2025-01-31\nstreet = \"Dorpsstraat 1\"\npostcode = \"1234 AB\"\ncity = \"Utrecht\"\n\
         email = \"info@testwinkel.nl\"\nkvk = \"12345678\"\nprivacy_contact = \"Jan Jansen\"\n[policy]\n{policy}\n"
    );
    let p = dir.join("a.toml");
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn language_and_tone_from_the_answers_file_and_flags_over_them() {
    let dir = tempfile::tempdir().unwrap();
    let f = answers_file(dir.path(), "language = \"en\"");
    let o = run(&["render", "--answers", &f, "--document", "cookies"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# Cookie statement of Testwinkel"));
    let o = run(&[
        "render",
        "--answers",
        &f,
        "--document",
        "cookies",
        "--lang",
        "nl",
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# Cookieverklaring van Testwinkel"));
    let o = run(&["render", "--answers", &f, "--document", "banner"]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["language"]["default"], "en");
    // The policy follows the answers file too, and `check` has nothing to say about it.
    let o = run(&["render", "--answers", &f]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# Privacy policy of Testwinkel"));
    let o = run(&["check", "--answers", &f]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("policy.language"));

    let f = answers_file(dir.path(), "tone = \"je\"");
    let o = run(&["render", "--answers", &f, "--document", "cookies"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("hoe je zelf bepaalt"), "{text}");
}

#[test]
fn unknown_language_or_tone_is_an_error_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let f = answers_file(dir.path(), "language = \"de\"\ntone = \"jij\"");
    let o = run(&["check", "--answers", &f]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("policy.language") && out.contains("kies nl of en"),
        "{out}"
    );
    assert!(
        out.contains("policy.tone") && out.contains("kies u of je"),
        "{out}"
    );
}
