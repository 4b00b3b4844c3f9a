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
