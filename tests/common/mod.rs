//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod wizard;

use std::path::{Path, PathBuf};

use privacybeleid::engine::{Answers, Engine};

pub fn engine() -> Engine {
    Engine::load().expect("embedded assets load")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("examples/seeds"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

pub fn load(path: &Path) -> Answers {
    Answers::load(path).unwrap_or_else(|e| panic!("{e}"))
}

/// Defects any output must never show: template residue, markers, broken punctuation.
pub fn assert_clean(text: &str, what: &str) {
    for bad in [
        "{{",
        "}}",
        "{%",
        "%}",
        "{#",
        "[#",
        "\u{E000}",
        "\u{E001}",
        "\u{E002}",
        "\u{E003}",
        "\u{E004}",
        " .",
        " ,",
        "..",
        ",.",
        "VOORBEELD",
        "[AANBIEDER]",
        "diensten van .",
        "  \n\n",
        "onze webwinkel is een webwinkel",
    ] {
        assert!(!text.contains(bad), "{what}: contains {bad:?}");
    }
    assert!(!text.contains("\n\n\n"), "{what}: triple newline");
}

/// Runs one of the tmux end-to-end scripts in tests/e2e against the built binary and asserts
/// that all its checks passed. Without tmux it fails under CI (CI is set) and only warns
/// elsewhere, so a plain `cargo test` on a laptop without tmux still runs everything else.
pub fn run_tmux_script(script: &str, what: &str) {
    use std::process::Command;
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux ontbreekt: installeer het (bash scripts/test doet dat) voor de end-to-end-test"
        );
        eprintln!("tmux ontbreekt: end-to-end-test van {what} overgeslagen (zie scripts/test)");
        return;
    }
    let out = Command::new("bash")
        .arg(root().join("tests/e2e").join(script))
        .arg(env!("CARGO_BIN_EXE_privacybeleid"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}

/// The real binary with a data folder of its own per test file (`tag`), so test files that
/// run at the same time never share history, settings or locks.
pub fn bin(tag: &str) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_privacybeleid"));
    c.env(
        "PRIVACYBELEID_DATA_DIR",
        std::env::temp_dir().join(format!("pb-{tag}")),
    );
    c
}

/// Runs the binary with `args` and waits for it.
pub fn run(tag: &str, args: &[&str]) -> std::process::Output {
    bin(tag).args(args).output().expect("binary runs")
}

pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A complete small shop (Shopify, Mollie, PostNL) that passes `check`; its comment must
/// survive every edit the program makes.
pub const TESTWINKEL: &str = r#"# Testwinkel: een opmerking die moet blijven
[shop]
name = "Testwinkel"
website = "https://www.testwinkel.nl"
effective_date = 2025-01-31
street = "Dorpsstraat 1"
postcode = "1234 AB"
city = "Utrecht"
email = "info@testwinkel.nl"
kvk = "12345678"
privacy_contact = "Jan Jansen"
[providers]
webshop = ["shopify"]
payments = ["mollie"]
shipping = ["postnl"]
"#;

/// A consultant's client (Shopify, Mollie and PayPal, PostNL) that passes `check`.
pub const KORENSCHOOF: &str = r#"
[shop]
name = "Bakkerij de Korenschoof"
website = "https://www.korenschoof.nl"
effective_date = 2025-01-31
street = "Dorpsstraat 1"
postcode = "1234 AB"
city = "Utrecht"
email = "info@korenschoof.nl"
kvk = "12345678"
privacy_contact = "Jan Jansen"
[providers]
webshop = ["shopify"]
payments = ["mollie", "paypal"]
shipping = ["postnl"]
"#;
