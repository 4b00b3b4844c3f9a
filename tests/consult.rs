//! Consultants (issue 9): versions and history across exports, the changelog in the
//! policy, the effective-date warning, `diff` between files and versions, `status`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

fn run_on(day: &str, args: &[&str]) -> Output {
    common::bin("consult-test")
        .args(args)
        .env("PRIVACYBELEID_TODAY", day)
        .output()
        .expect("binary runs")
}

fn run(args: &[&str]) -> Output {
    run_on("2026-11-25", args)
}

use common::{stderr as err, stdout as out, KORENSCHOOF as SHOP};

struct Client {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Client {
    fn new() -> Client {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join("klanten")).unwrap();
        std::fs::create_dir_all(root.join("export")).unwrap();
        Client { _dir: dir, root }
    }

    fn file(&self, name: &str) -> String {
        self.root.join("klanten").join(name).display().to_string()
    }

    fn write(&self, name: &str, text: &str) -> String {
        let p = self.file(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn export(&self, day: &str, file: &str) -> Output {
        let o = run_on(
            day,
            &[
                "render",
                "--answers",
                file,
                "--out-dir",
                &self.root.join("export").display().to_string(),
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        o
    }

    fn klanten(&self) -> String {
        self.root.join("klanten").display().to_string()
    }
}

fn switch_to_klarna(text: &str) -> String {
    text.replace(
        "payments = [\"mollie\", \"paypal\"]",
        "payments = [\"mollie\", \"klarna\"]",
    )
}

fn history_dir(file: &str) -> PathBuf {
    PathBuf::from(format!("{file}.history"))
}

#[test]
fn two_exports_with_a_provider_change_make_two_versions_and_a_changelog() {
    let c = Client::new();
    let f = c.write("bakkerij.toml", SHOP);
    let first = c.export("2025-01-31", &f);
    assert!(err(&first).contains("Versie 1 bewaard"), "{}", err(&first));
    let policy = c
        .root
        .join("export/bakkerij-de-korenschoof-privacybeleid.md");
    let v1 = std::fs::read_to_string(&policy).unwrap();
    assert!(v1.contains("Dit is versie 1 van dit privacybeleid, geldig vanaf 31 januari 2025."));
    assert!(
        !v1.contains("Wat is er veranderd?"),
        "no changelog on the first version"
    );

    // The same text again: no new version.
    let again = c.export("2025-02-02", &f);
    assert!(
        err(&again).contains("nog steeds versie 1"),
        "{}",
        err(&again)
    );

    // PayPal out, Klarna in, with a new effective date.
    std::fs::write(
        &f,
        switch_to_klarna(SHOP).replace("2025-01-31", "2025-03-01"),
    )
    .unwrap();
    let second = c.export("2025-03-01", &f);
    assert!(
        err(&second).contains("Versie 2 bewaard"),
        "{}",
        err(&second)
    );
    let v2 = std::fs::read_to_string(&policy).unwrap();
    assert!(v2.contains("Dit is versie 2 van dit privacybeleid, geldig vanaf 1 maart 2025."));
    assert!(v2.contains("### Wat is er veranderd?"), "{v2}");
    assert!(
        v2.contains("- Versie 2, geldig vanaf 1 maart 2025: Nieuw: Klarna voor betalingen. Niet meer: PayPal."),
        "{v2}"
    );
    assert!(v2.contains("- Versie 1, geldig vanaf 31 januari 2025: de eerste versie."));
    // The changelog sits in the part about changes, before the contact details.
    let at = |s: &str| v2.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(
        at("## Wijzigingen") < at("Dit is versie 2") && at("Dit is versie 2") < at("## Contact")
    );

    // The history: plain files, one text and one record per version.
    let h = history_dir(&f);
    for name in [
        "versie-001.toml",
        "versie-001.md",
        "versie-002.toml",
        "versie-002.md",
        "laatste-export.toml",
    ] {
        assert!(h.join(name).is_file(), "{name}");
    }
    assert_eq!(
        std::fs::read_to_string(h.join("versie-002.md")).unwrap(),
        v2
    );
    let rec = std::fs::read_to_string(h.join("versie-002.toml")).unwrap();
    assert!(
        rec.contains("klarna = \""),
        "fingerprint per provider: {rec}"
    );
    assert!(rec.contains("[facts.klarna]"), "{rec}");

    let o = run(&["history", "--answers", &f]);
    assert_eq!(o.status.code(), Some(0));
    let text = out(&o);
    assert!(text.contains("2 versie(s)"), "{text}");
    assert!(
        text.contains("versie 1   geëxporteerd 2025-01-31"),
        "{text}"
    );
    assert!(
        text.contains("Nieuw: Klarna voor betalingen. Niet meer: PayPal."),
        "{text}"
    );
    assert!(
        text.contains("Laatste export: 2025-03-01 (versie 2)"),
        "{text}"
    );

    let o = run(&["history", "--answers", &f, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v[1]["version"], 2);
    assert_eq!(v[1]["effective_date"], "2025-03-01");
    assert_eq!(v[1]["changes"][1], "Niet meer: PayPal.");
}

#[test]
fn the_changelog_can_be_left_out() {
    let c = Client::new();
    let f = c.write("a.toml", SHOP);
    c.export("2025-01-31", &f);
    std::fs::write(
        &f,
        switch_to_klarna(SHOP).replace("2025-01-31", "2025-03-01"),
    )
    .unwrap();
    let o = run(&["render", "--answers", &f, "--no-changelog"]);
    let text = out(&o);
    assert!(text.contains("Dit is versie 2"), "the version stays");
    assert!(!text.contains("Wat is er veranderd?"), "{text}");
    // The answers file can say so too (the wizard remembers it there).
    std::fs::write(
        &f,
        switch_to_klarna(SHOP).replace("2025-01-31", "2025-03-01")
            + "[export]\nchangelog = false\n",
    )
    .unwrap();
    assert!(!out(&run(&["render", "--answers", &f])).contains("Wat is er veranderd?"));
}

#[test]
fn a_preview_of_a_never_exported_file_has_no_version_part() {
    let c = Client::new();
    let f = c.write("a.toml", SHOP);
    let o = run(&["render", "--answers", &f]);
    assert!(!out(&o).contains("Dit is versie"));
    assert!(!history_dir(&f).exists(), "a preview records nothing");
}

#[test]
fn check_warns_when_the_text_changed_but_the_effective_date_did_not() {
    let c = Client::new();
    let f = c.write("a.toml", SHOP);
    c.export("2025-01-31", &f);
    let o = run(&["check", "--answers", &f]);
    assert!(!out(&o).contains("shop.effective_date"), "{}", out(&o));

    std::fs::write(&f, switch_to_klarna(SHOP)).unwrap();
    let o = run(&["check", "--answers", &f]);
    assert_eq!(o.status.code(), Some(0), "a warning, not an error");
    let text = out(&o);
    assert!(text.contains("waarschuwing: shop.effective_date: de tekst is veranderd sinds versie 1 (geldig vanaf 31 januari 2025)"), "{text}");
    assert!(text.contains("vandaag (2026-11-25)"), "{text}");
    // render says so too when it records the new version.
    let o = run(&[
        "render",
        "--answers",
        &f,
        "--out",
        &c.root.join("export/x.md").display().to_string(),
    ]);
    assert!(err(&o).contains("shop.effective_date"), "{}", err(&o));

    // A later date: no warning.
    std::fs::write(
        &f,
        switch_to_klarna(SHOP).replace("2025-01-31", "2025-03-01"),
    )
    .unwrap();
    assert!(!out(&run(&["check", "--answers", &f])).contains("shop.effective_date"));
    // Only the date moved (even backwards): the text did not change, no warning.
    std::fs::write(
        &f,
        switch_to_klarna(SHOP).replace("2025-01-31", "2024-12-01"),
    )
    .unwrap();
    assert!(!out(&run(&["check", "--answers", &f])).contains("de tekst is veranderd"));
}

#[test]
fn diff_between_files_and_versions() {
    let c = Client::new();
    let a = c.write("a.toml", SHOP);
    let b = c.write(
        "b.toml",
        &(switch_to_klarna(SHOP).replace("info@korenschoof.nl", "privacy@korenschoof.nl")
            + "[policy]\nretention_max_years = 3\ncustomer_accounts = true\n"),
    );
    let o = run(&["diff", &a, &b]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    for line in [
        "- Nieuw: Klarna voor betalingen.",
        "- Niet meer: PayPal.",
        "- Ons e-mailadres is nu privacy@korenschoof.nl.",
        "- Wij bewaren overige klantgegevens nu uiterlijk drie jaar na het laatste contact.",
        "- Nieuw: u kunt bij ons een klantaccount aanmaken.",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let summary = text.split("\n\n").next().unwrap();
    assert!(
        !summary.contains("payments") && !summary.contains("retention"),
        "no field names: {summary}"
    );

    // --text in a pipe: plain markers, no colour codes.
    let o = run(&["diff", &a, &b, "--text"]);
    let text = out(&o);
    assert!(text.contains("{+[privacy@korenschoof.nl"), "{text}");
    assert!(text.contains("[-[info@korenschoof.nl"), "{text}");
    assert!(text.contains("{+Klarna"), "{text}");
    assert!(!text.contains('\x1b'));

    // Versions: F@1 against F@2, and a version against the file.
    c.export("2025-01-31", &a);
    std::fs::write(
        &a,
        switch_to_klarna(SHOP).replace("2025-01-31", "2025-03-01"),
    )
    .unwrap();
    let at1 = format!("{a}@1");
    let o = run(&["diff", &at1, &a]);
    assert!(
        out(&o).contains("Nieuw: Klarna voor betalingen."),
        "{}",
        out(&o)
    );
    c.export("2025-03-01", &a);
    let o = run(&["diff", &at1, &format!("{a}@2"), "--text"]);
    let text = out(&o);
    assert!(text.contains("- Niet meer: PayPal."), "{text}");
    assert!(text.contains("+ ### Wat is er veranderd?"), "{text}");
    let o = run(&["diff", &format!("{a}@2"), &a]);
    assert!(
        out(&o).contains("Geen veranderingen die de lezer merkt."),
        "{}",
        out(&o)
    );

    // A version that does not exist, a file that does not exist.
    let o = run(&["diff", &format!("{a}@7"), &a]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("heeft geen versie 7 (versies 1 tot en met 2)"),
        "{}",
        err(&o)
    );
    let o = run(&["diff", &c.file("nope.toml"), &a]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("bestaat niet"), "{}", err(&o));
}

/// Makes the catalog look changed since the last export: the recorded facts of a provider
/// differ from today's catalog (as after a catalog update), so its fingerprint does too.
fn pretend_catalog_changed(file: &str, provider: &str) {
    for name in ["laatste-export.toml", "versie-001.toml"] {
        let p = history_dir(file).join(name);
        let text = std::fs::read_to_string(&p).unwrap();
        let mut doc: toml::Table = toml::from_str(&text).unwrap();
        doc["fingerprints"][provider] = toml::Value::String("0000000000000000".into());
        doc["facts"][provider]["country"] = toml::Value::String("België".into());
        std::fs::write(&p, toml::to_string(&doc).unwrap()).unwrap();
    }
}

#[test]
fn status_json_tells_fresh_stale_and_never_exported_apart() {
    let c = Client::new();
    let fresh = c.write("a-vers.toml", SHOP);
    let changed = c.write("b-gewijzigd.toml", &SHOP.replace("Korenschoof", "Bolletje"));
    let catalog = c.write(
        "c-catalogus.toml",
        &SHOP.replace("Korenschoof", "Krentenbol"),
    );
    let _never = c.write("d-nooit.toml", &SHOP.replace("Korenschoof", "Nieuwkomer"));
    c.write("e-kapot.toml", "[shop\nname = ");
    for f in [&fresh, &changed, &catalog] {
        c.export("2025-01-31", f);
    }
    std::fs::write(
        &changed,
        switch_to_klarna(&SHOP.replace("Korenschoof", "Bolletje")),
    )
    .unwrap();
    pretend_catalog_changed(&catalog, "mollie");

    let o = run(&["status", &c.klanten(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(rows.len(), 5);
    for r in &rows {
        for key in [
            "file",
            "shop",
            "errors",
            "warnings",
            "version",
            "exported",
            "stale",
            "changed_providers",
        ] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
    }
    let by = |name: &str| {
        rows.iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(name))
            .unwrap()
    };
    let r = by("a-vers.toml");
    assert_eq!(r["stale"], false, "{r}");
    assert_eq!(r["version"], 1);
    assert_eq!(r["exported"], "2025-01-31");
    assert_eq!(r["shop"], "Bakkerij de Korenschoof");
    assert_eq!(r["errors"], 0);

    let r = by("b-gewijzigd.toml");
    assert_eq!(r["stale"], true);
    assert_eq!(r["reasons"], serde_json::json!(["answers_changed"]));
    assert_eq!(r["changed_providers"], serde_json::json!([]));
    assert!(
        r["warnings"].as_u64().unwrap() >= 1,
        "the effective-date warning counts: {r}"
    );

    let r = by("c-catalogus.toml");
    assert_eq!(r["stale"], true);
    assert_eq!(r["reasons"], serde_json::json!(["catalog_changed"]));
    assert_eq!(r["changed_providers"], serde_json::json!(["mollie"]));

    let r = by("d-nooit.toml");
    assert_eq!(r["stale"], true);
    assert_eq!(r["version"], serde_json::Value::Null);
    assert_eq!(r["exported"], serde_json::Value::Null);
    assert_eq!(r["reasons"], serde_json::json!(["never_exported"]));

    let r = by("e-kapot.toml");
    assert_eq!(r["reasons"], serde_json::json!(["unreadable"]));
    assert!(r["unreadable"].as_str().unwrap().contains("regel"), "{r}");

    // The table says the same in words.
    let text = out(&run(&["status", &c.klanten()]));
    assert!(text.contains("ja: gegevens van Mollie gewijzigd"), "{text}");
    assert!(text.contains("ja: antwoorden gewijzigd"), "{text}");
    assert!(text.contains("ja: nog nooit geëxporteerd"), "{text}");
    assert!(
        text.contains("5 klant(en); 4 met een nieuwe export nodig."),
        "{text}"
    );

    // The catalog change shows in a diff of the last version against the file.
    let o = run(&["diff", &format!("{catalog}@1"), &catalog]);
    assert!(
        out(&o).contains("Mollie is nu gevestigd in Nederland."),
        "{}",
        out(&o)
    );

    // A new export makes them fresh again.
    c.export("2025-02-01", &catalog);
    let r = run(&["status", &c.klanten(), "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out(&r)).unwrap();
    let r = rows
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("c-catalogus.toml"))
        .unwrap();
    assert_eq!(r["stale"], false, "{r}");
}

#[test]
fn status_lists_the_clients_of_one_provider() {
    let c = Client::new();
    c.write("a.toml", SHOP);
    c.write(
        "b.toml",
        &switch_to_klarna(SHOP).replace("Korenschoof", "Bolletje"),
    );
    let o = run(&["status", &c.klanten(), "--provider", "paypal", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0]["file"].as_str().unwrap().ends_with("a.toml"));
    let o = run(&["status", &c.klanten(), "--provider", "klarna"]);
    assert!(
        out(&o).contains("Bolletje") && !out(&o).contains("Korenschoof"),
        "{}",
        out(&o)
    );
    let o = run(&["status", &c.klanten(), "--provider", "molie"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("bedoelde u `mollie`"), "{}", err(&o));
    let o = run(&["status", &c.file("nergens")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("bestaat niet"), "{}", err(&o));
}

#[test]
fn a_failed_history_write_loses_nothing_and_says_so() {
    let c = Client::new();
    let f = c.write("a.toml", SHOP);
    c.export("2025-01-31", &f);
    let h = history_dir(&f);
    let before: Vec<(PathBuf, Vec<u8>)> = files_in(&h);
    // The history folder cannot take a new file: a folder stands where a version would go.
    std::fs::create_dir(h.join("versie-002.md")).unwrap();
    std::fs::write(
        &f,
        switch_to_klarna(SHOP).replace("2025-01-31", "2025-03-01"),
    )
    .unwrap();
    let o = run(&[
        "render",
        "--answers",
        &f,
        "--out",
        &c.root.join("export/a.md").display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("de versie is niet bewaard"), "{}", err(&o));
    for (p, bytes) in &before {
        assert_eq!(
            &std::fs::read(p).unwrap(),
            bytes,
            "{} unchanged",
            p.display()
        );
    }
    assert!(!h.join("versie-002.toml").exists(), "no half version");
    // Once the obstacle is gone, the next export records version 2.
    std::fs::remove_dir(h.join("versie-002.md")).unwrap();
    let o = c.export("2025-03-01", &f);
    assert!(err(&o).contains("Versie 2 bewaard"), "{}", err(&o));
}

fn files_in(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap()))
        .collect();
    v.sort();
    v
}

#[test]
fn register_and_agreements_in_every_format() {
    let c = Client::new();
    let f = c.write(
        "a.toml",
        &(SHOP.replace("[providers]", "[providers]\nnewsletter = [\"mailchimp\"]")
            + "[agreements]\nmailchimp = 2025-03-01\n"),
    );
    for doc in ["register", "agreements"] {
        for (fmt, extra) in [
            ("md", None),
            ("html", None),
            ("html", Some("--fragment")),
            ("txt", None),
        ] {
            let mut args = vec![
                "render",
                "--answers",
                &f,
                "--document",
                doc,
                "--format",
                fmt,
            ];
            args.extend(extra);
            let o = run(&args);
            assert_eq!(o.status.code(), Some(0), "{doc} {fmt}: {}", err(&o));
            let text = out(&o);
            common::assert_clean(&text, &format!("{doc}.{fmt}"));
            let title = if doc == "register" {
                "Register van verwerkingsactiviteiten Bakkerij de Korenschoof"
            } else {
                "Verwerkersovereenkomsten Bakkerij de Korenschoof"
            };
            assert!(text.contains(title), "{doc} {fmt}: {text}");
            if fmt == "html" && extra.is_none() {
                assert!(text.starts_with("<!DOCTYPE html>"));
            }
        }
    }
    let reg = out(&run(&["render", "--answers", &f, "--document", "register"]));
    assert!(
        reg.contains("Mailchimp: Verenigde Staten (EU-VS Data Privacy Framework)"),
        "{reg}"
    );
    assert!(
        reg.contains("- Bewaartermijn: zeven jaar na de bestelling"),
        "{reg}"
    );
    let agr = out(&run(&[
        "render",
        "--answers",
        &f,
        "--document",
        "agreements",
        "--format",
        "txt",
    ]));
    assert!(
        agr.contains("Vastgelegd: gesloten op 1 maart 2025"),
        "{agr}"
    );
    assert!(agr.contains("ZELF VERANTWOORDELIJK"), "{agr}");

    // The register as CSV, read back by a CSV parser: one row per purpose.
    let o = run(&[
        "render",
        "--answers",
        &f,
        "--document",
        "register",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let mut rdr = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "doel",
            "grondslag",
            "betrokkenen",
            "persoonsgegevens",
            "ontvangers",
            "doorgifte buiten de EER",
            "bewaartermijn",
            "beveiligingsmaatregelen"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let purposes = reg.matches("\n## ").count() - 2; // less the controller and security parts
    assert_eq!(rows.len(), purposes, "one row per purpose");
    let news = rows
        .iter()
        .find(|r| &r[0] == "De nieuwsbrief versturen")
        .expect("newsletter row");
    assert!(news[1].starts_with("toestemming"), "{news:?}");
    assert!(news[4].contains("Mailchimp"), "{news:?}");
    assert!(news[5].contains("Verenigde Staten"), "{news:?}");
    assert!(rows.iter().all(|r| r.len() == 8 && !r[7].is_empty()));

    // Into a folder, named after the shop.
    let dir = c.root.join("export");
    let o = run(&[
        "render",
        "--answers",
        &f,
        "--document",
        "register",
        "--format",
        "csv",
        "--out-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(dir
        .join("bakkerij-de-korenschoof-verwerkingsregister.csv")
        .is_file());
    // Combinations that do not exist.
    let o = run(&[
        "render",
        "--answers",
        &f,
        "--document",
        "agreements",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("--format csv is er alleen voor --document register"),
        "{}",
        err(&o)
    );
}

#[test]
fn agreements_in_the_answers_are_checked() {
    let c = Client::new();
    let f = c.write(
        "a.toml",
        &(SHOP.to_string() + "[agreements]\nmolie = 2025-03-01\npostnl = \"maart\"\n"),
    );
    let o = run(&["check", "--answers", &f]);
    assert_eq!(o.status.code(), Some(1));
    let text = out(&o);
    assert!(
        text.contains("fout: agreements.molie: onbekende aanbieder `molie` (bedoelde u `mollie`?)"),
        "{text}"
    );
    assert!(
        text.contains("fout: agreements.postnl: `maart` is geen geldige datum"),
        "{text}"
    );
    assert!(
        text.contains("waarschuwing: agreements.postnl: PostNL is hier zelf verantwoordelijk"),
        "{text}"
    );
}

/// The wizard's export writes every document in the policy's language: an HTML page's
/// `lang` follows `[policy] language` for the policy, the register and the agreements list.
#[test]
fn exported_html_pages_name_the_policy_language() {
    use privacybeleid::consult::{policy, History};
    use privacybeleid::engine::{Answers, Format};
    use privacybeleid::wizard::screens::export::{Doc, Out};
    let engine = common::engine();
    for (lang, want) in [("en", "<html lang=\"en\">"), ("nl", "<html lang=\"nl\">")] {
        let a =
            Answers::from_toml_str(&format!("{SHOP}[policy]\nlanguage = \"{lang}\"\n")).unwrap();
        for doc in [Doc::Policy, Doc::Cookies, Doc::Register, Doc::Agreements] {
            let html = doc
                .render(&engine, &a, Out::Text(Format::Html), false)
                .unwrap();
            assert!(html.contains(want), "{doc:?} {lang}: {}", &html[..80]);
        }
        let plan = policy::plan(&engine, &a, &History::default(), true, true).unwrap();
        let html = plan.write(Format::Html, false);
        assert!(html.contains(want), "policy plan {lang}: {}", &html[..80]);
        assert!(!plan.write(Format::HtmlFragment, false).contains("<html"));
    }
}

/// The changelog speaks the policy's voice (nl-u, nl-je, en), also for versions recorded
/// before the policy switched language: each version is described again from its record.
#[test]
fn the_changelog_follows_the_policy_voice() {
    use privacybeleid::engine::lang::measure;
    let c = Client::new();
    let changelog = |f: &str| -> String {
        out(&run(&["render", "--answers", f]))
            .lines()
            .filter(|l| l.starts_with("- Versie") || l.starts_with("- Version"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let changed = switch_to_klarna(SHOP).replace("2025-01-31", "2025-03-01");
    for (name, policy, want) in [
        (
            "u.toml",
            "language = \"nl\"\ntone = \"u\"\n",
            [
                "Nieuw: Klarna voor betalingen. Niet meer: PayPal.",
                "Nieuw: u kunt bij ons een klantaccount aanmaken.",
                "Wij bewaren overige klantgegevens nu uiterlijk een jaar na het laatste contact.",
            ],
        ),
        (
            "je.toml",
            "language = \"nl\"\ntone = \"je\"\n",
            [
                "Nieuw: Klarna voor betalingen. Niet meer: PayPal.",
                "Nieuw: je kunt bij ons een klantaccount aanmaken.",
                "We bewaren overige klantgegevens nu uiterlijk een jaar na het laatste contact.",
            ],
        ),
        (
            "en.toml",
            "language = \"en\"\n",
            [
                "New: Klarna for payments. No longer used: PayPal.",
                "New: you can create a customer account with us.",
                "We now keep other customer data for at most one year after the last contact.",
            ],
        ),
    ] {
        let f = c.write(name, &format!("{SHOP}[policy]\n{policy}"));
        c.export("2025-01-31", &f);
        std::fs::write(
            &f,
            format!(
                "{changed}[policy]\n{policy}customer_accounts = true\nretention_max_years = 1\n"
            ),
        )
        .unwrap();
        c.export("2025-03-01", &f);
        let log = changelog(&f);
        for w in want {
            assert!(log.contains(w), "{name}: {w}\n{log}");
        }
        match name {
            "en.toml" => assert!(measure::dutch_sentences(&log).is_empty(), "{log}"),
            "je.toml" => assert!(measure::u_addressing(&log).is_empty(), "{log}"),
            _ => {}
        }
    }
    // Recorded in Dutch, shown in English after the switch.
    let f = c.write(
        "wissel.toml",
        &format!("{SHOP}[policy]\nlanguage = \"nl\"\n"),
    );
    c.export("2025-01-31", &f);
    std::fs::write(&f, format!("{changed}[policy]\nlanguage = \"nl\"\n")).unwrap();
    c.export("2025-03-01", &f);
    std::fs::write(&f, format!("{changed}[policy]\nlanguage = \"en\"\n")).unwrap();
    let log = changelog(&f);
    assert!(
        log.contains("- Version 2, valid from 1 March 2025: New: Klarna for payments. No longer used: PayPal."),
        "{log}"
    );
    assert!(measure::dutch_sentences(&log).is_empty(), "{log}");
}
