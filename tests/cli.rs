//! The command line as users meet it: messages, exit codes, files written or not.

mod common;

use std::path::Path;
use std::process::Output;

fn run(args: &[&str]) -> Output {
    common::run("cli-test", args)
}

use common::{stderr, stdout, TESTWINKEL as GOOD};

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn check_file(text: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.toml", text);
    run(&["check", "--answers", &path])
}

#[test]
fn a_good_file_passes_check() {
    let o = check_file(GOOD);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 fout(en)"));
}

#[test]
fn a_missing_file_names_its_path() {
    let o = run(&["check", "--answers", "/geen/bestand.toml"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("/geen/bestand.toml") && e.contains("bestaat niet"),
        "{e}"
    );
    let o = run(&["render", "--answers", "/geen/bestand.toml"]);
    assert_eq!(o.status.code(), Some(2));
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["check", "--answers", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("een map, geen bestand"),
        "{}",
        stderr(&o)
    );
    let bin = write(dir.path(), "bin.toml", "");
    std::fs::write(&bin, [0xff, 0xfe, 0x00]).unwrap();
    let o = run(&["check", "--answers", &bin]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("UTF-8"), "{}", stderr(&o));
}

#[test]
fn broken_toml_gives_line_and_column() {
    let o = check_file("[shop]\nname = \"Winkel\nwebsite = 1\n");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("regel 2, kolom"), "{e}");
    let o = check_file("[shop]\nname = \"Winkel\"\nnaem = \"x\"\n");
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("regel 3, kolom 1")
            && e.contains("onbekend veld `naem`")
            && e.contains("`name`"),
        "{e}"
    );
    let o = check_file("[providers]\npayments = \"mollie\"\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("verkeerd soort waarde"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_invalid_field_is_named_with_exit_1() {
    let cases = [
        (
            "email = \"info@testwinkel.nl\"",
            "email = \"info@testwinkel\"",
            "shop.email",
            "geen geldig e-mailadres",
        ),
        (
            "postcode = \"1234 AB\"",
            "postcode = \"12345\"",
            "shop.postcode",
            "geen geldige postcode",
        ),
        (
            "kvk = \"12345678\"",
            "kvk = \"1234\"",
            "shop.kvk",
            "8 cijfers",
        ),
        (
            "website = \"https://www.testwinkel.nl\"",
            "website = \"www.testwinkel.nl\"",
            "shop.website",
            "https://",
        ),
        (
            "effective_date = 2025-01-31",
            "effective_date = \"31-01-2025\"",
            "shop.effective_date",
            "geen geldige datum",
        ),
        (
            "city = \"Utrecht\"",
            "city = \"Utrecht\"\nphone = \"12-34\"",
            "shop.phone",
            "geen geldig telefoonnummer",
        ),
        ("name = \"Testwinkel\"\n", "", "shop.name", "verplicht"),
        (
            "payments = [\"mollie\"]",
            "payments = [\"molie\"]",
            "providers.payments",
            "bedoelde u `mollie`",
        ),
        (
            "payments = [\"mollie\"]",
            "payments = [\"postnl\"]",
            "providers.payments",
            "hoort niet bij betalingen",
        ),
        (
            "shipping = [\"postnl\"]",
            "shiping = [\"postnl\"]",
            "providers.shiping",
            "bedoelde u `shipping`",
        ),
    ];
    for (from, to, field, msg) in cases {
        let text = GOOD.replacen(from, to, 1);
        assert_ne!(text, GOOD, "case {field} did not change the file");
        let o = check_file(&text);
        assert_eq!(o.status.code(), Some(1), "{field}: {}", stdout(&o));
        let out = stdout(&o);
        let line = out
            .lines()
            .find(|l| l.starts_with("fout:") && l.contains(field))
            .unwrap_or_else(|| panic!("{field} not reported: {out}"));
        assert!(line.contains(msg), "{field}: {line}");
    }
}

#[test]
fn warnings_do_not_fail_check() {
    let text = GOOD
        .replace("street = \"Dorpsstraat 1\"\n", "")
        .replace("cookies", "x")
        .replace("[providers]\n", "[providers]\ncookies = [\"meta-pixel\"]\n");
    let o = check_file(&text);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("waarschuwing: shop.street"), "{out}");
    assert!(out.contains("toestemming"), "{out}");
}

#[test]
fn check_json_lists_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.toml", &GOOD.replace("1234 AB", "1234"));
    let o = run(&["check", "--answers", &path, "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["field"] == "shop.postcode" && d["severity"] == "error"));
}

#[test]
fn render_refuses_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.toml",
        &GOOD.replace("info@testwinkel.nl", "geen-adres"),
    );
    let out = dir.path().join("beleid.md");
    let o = run(&["render", "--answers", &path, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("shop.email"));
    assert!(!out.exists());
}

#[test]
fn render_writes_atomically_to_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.toml", GOOD);
    let out = dir.path().join("beleid.html");
    std::fs::write(&out, "oud").unwrap();
    let o = run(&[
        "render",
        "--answers",
        &path,
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("<h1>Privacybeleid Testwinkel</h1>")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        // The export's history (issue 9) is expected beside the answers file.
        .filter(|n| n != "a.toml.history")
        .collect();
    assert_eq!(names.len(), 2, "no temporary files left: {names:?}");
    // An unwritable target fails cleanly.
    let o = run(&["render", "--answers", &path, "--out", "/geen/map/beleid.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("kan /geen/map/beleid.md niet schrijven"));
}

#[test]
fn render_formats_and_fragment() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.toml", GOOD);
    let md = stdout(&run(&["render", "--answers", &path]));
    assert!(md.starts_with("# Privacybeleid Testwinkel\n"));
    let frag = stdout(&run(&[
        "render",
        "--answers",
        &path,
        "--format",
        "html",
        "--fragment",
    ]));
    assert!(frag.starts_with("<div class=\"privacybeleid\">") && !frag.contains("<html"));
    let txt = stdout(&run(&["render", "--answers", &path, "--format", "txt"]));
    assert!(txt
        .lines()
        .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80));
    assert!(!txt.contains("## ") && !txt.contains("](") && !txt.contains("**"));
}

#[test]
fn hostile_values_are_escaped_in_every_format() {
    let hostile = GOOD
        .replace(
            "name = \"Testwinkel\"",
            "name = \"<script>alert(1)</script> *Shop* [x](javascript:y) & Co\"",
        )
        .replace(
            "privacy_contact = \"Jan Jansen\"",
            "privacy_contact = \"# Kop - lijst <b>\"",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.toml", &hostile);
    let html = stdout(&run(&["render", "--answers", &path, "--format", "html"]));
    assert!(
        !html.contains("<script>alert") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(!html.contains("<b>") && !html.contains("href=\"javascript"));
    let md = stdout(&run(&["render", "--answers", &path]));
    assert!(
        md.contains("\\<script\\>")
            && md.contains("\\*Shop\\*")
            && md.contains("\\[x\\](javascript:y)"),
        "{md}"
    );
    assert!(!md
        .lines()
        .any(|l| l.starts_with("# Kop") || l.starts_with("- lijst")));
}

#[test]
fn render_preset_previews_with_example_data() {
    let o = run(&["render", "--preset", "woocommerce-mollie-postnl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.contains("Voorbeeldwinkel") && md.contains("WooCommerce") && md.contains("Mollie"));
    let o = run(&["render", "--preset", "woocommerce-molie"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("onbekende preset") && stderr(&o).contains("bedoelde u"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn providers_and_presets_list_as_text_and_json() {
    let o = run(&["providers", "--section", "payments", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let list = v.as_array().unwrap();
    assert!(list.iter().any(|p| p["id"] == "mollie"));
    assert!(list.iter().all(|p| p["sections"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "payments")));
    assert!(list.iter().all(|p| p["name"].is_string()));
    let o = run(&["providers", "--section", "betalingen"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("onbekend onderdeel"));
    let o = run(&["presets", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v.as_array().unwrap().len() >= 8);
    assert!(v[0]["id"].is_string() && v[0]["name"].is_string() && v[0]["description"].is_string());
    assert!(stdout(&run(&["providers"])).contains("myonlinestore"));
}

#[test]
fn help_and_version_in_dutch() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let h = stdout(&o);
    assert!(
        h.contains("Gebruik:") && h.contains("Opdrachten:") && h.contains("Toon deze hulp"),
        "{h}"
    );
    let o = run(&["render", "--help"]);
    assert!(stdout(&o).contains("Uitvoerformaat"));
    let o = run(&["--version"]);
    assert!(stdout(&o).contains(env!("CARGO_PKG_VERSION")));
    let o = run(&["rendr"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("onbekende opdracht `rendr` (bedoelde u `render`?)"),
        "{}",
        stderr(&o)
    );
    let o = run(&["render", "--answers", "x.toml", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ongeldige waarde `pdf`") && stderr(&o).contains("md, html, txt"));
    let o = run(&["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("verplichte optie ontbreekt: --answers"));
    let o = run(&["render", "--answers", "x.toml", "--preset", "y"]);
    assert!(stderr(&o).contains("gaat niet samen met"));
    assert!(
        !stderr(&o).contains("error:"),
        "no English clap errors: {}",
        stderr(&o)
    );
}

#[test]
fn seed_examples_pass_check() {
    for path in common::seed_files() {
        let o = run(&["check", "--answers", path.to_str().unwrap()]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}: {}",
            path.display(),
            stdout(&o)
        );
    }
}

#[test]
fn check_takes_many_files_and_reports_the_worst() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "goed.toml", GOOD);
    let bad = write(dir.path(), "fout.toml", &GOOD.replace("1234 AB", "1234"));
    let o = run(&["check", "--answers", &good, &bad]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("goed.toml: 0 fout(en)") && out.contains("fout.toml: 1 fout(en)"),
        "{out}"
    );
    let o = run(&["check", "--answers", &good, "/geen/bestand.toml", "--json"]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert!(v[1]["unreadable"]
        .as_str()
        .unwrap()
        .contains("bestaat niet"));
}

#[test]
fn render_many_files_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "a.toml", GOOD);
    let other = write(
        dir.path(),
        "b.toml",
        &GOOD.replace("Testwinkel", "Tweede Winkel"),
    );
    let bad = write(
        dir.path(),
        "c.toml",
        &GOOD.replace("Testwinkel", "Kapot").replace("1234 AB", "12"),
    );
    let out = dir.path().join("export");
    std::fs::create_dir(&out).unwrap();
    let o = run(&[
        "render",
        "--answers",
        &good,
        &other,
        &bad,
        "--format",
        "txt",
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the bad file sets the exit code: {}",
        stderr(&o)
    );
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "testwinkel-privacybeleid.txt",
            "tweede-winkel-privacybeleid.txt"
        ]
    );
    assert!(stderr(&o).contains("shop.postcode"));
    // A tally at the end says how many went through.
    let last = stderr(&o).lines().last().unwrap_or_default().to_string();
    assert!(
        last.starts_with("2 van 3 bestand(en) gemaakt in ") && last.contains("1 overgeslagen"),
        "{last}"
    );
    // check on several files: each file's name comes before what was found in it.
    let o = run(&["check", "--answers", &good, &bad]);
    let text = stdout(&o);
    let bad_name = text.find("c.toml").unwrap();
    let finding = text.find("shop.postcode").unwrap();
    assert!(bad_name < finding, "{text}");
    let o = run(&["render", "--answers", &good, &other]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--out-dir"));
}
