//! The command line under hostile conditions: name collisions, outputs that are inputs,
//! broken and full standard output, links and special files, huge and invisible input, and
//! every error message in Dutch.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;

fn bin() -> Command {
    common::bin("cli-hardening")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

use common::{stderr as err, stdout as out, TESTWINKEL as GOOD};

fn with_name(name: &str, contact: &str) -> String {
    GOOD.replace("name = \"Testwinkel\"", &format!("name = {name:?}"))
        .replace("Jan Jansen", contact)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Words of English library messages (serde, toml, clap, std) that a Dutch message never has.
const ENGLISH: [&str; 26] = [
    "expected",
    "invalid",
    "error:",
    "found",
    "missing",
    "unknown",
    "duplicate",
    "recursion",
    "untagged",
    "enum",
    "os error",
    "no such",
    "denied",
    "failed",
    "at path",
    "i128",
    "did not",
    "unexpected",
    "must be",
    "cannot",
    "panicked",
    "thread",
    "usage:",
    "device",
    "directory",
    "broken pipe",
];

fn assert_dutch(what: &str, o: &Output) {
    let text = format!("{}{}", err(o), out(o)).to_lowercase();
    for word in ENGLISH {
        assert!(
            !text.contains(word),
            "{what}: English library text ({word:?}) in:\n{text}"
        );
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn out_dir_never_overwrites_a_file_of_the_same_run_and_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let names = ["Testwinkel", "TESTWINKEL", "Test-winkel!", "..", ".", "???"];
    let files: Vec<PathBuf> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            write(
                dir.path(),
                &format!("{i}.toml"),
                &with_name(n, &format!("Contact {i}")),
            )
        })
        .collect();
    let target = dir.path().join("nieuw").join("export");
    let mut args = vec!["render", "--answers"];
    args.extend(files.iter().map(|p| s(p)));
    args.extend(["--out-dir", s(&target)]);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(err(&o).contains("Map gemaakt"), "{}", err(&o));
    let written = names_in(&target);
    assert_eq!(
        written.len(),
        names.len(),
        "one file per answers file: {written:?}"
    );
    // Every policy survived: each contact person is in exactly one file.
    for i in 0..names.len() {
        let holders = written
            .iter()
            .filter(|f| {
                std::fs::read_to_string(target.join(f))
                    .unwrap()
                    .contains(&format!("Contact {i}"))
            })
            .count();
        assert_eq!(holders, 1, "policy {i} in {holders} files: {written:?}");
    }
    assert!(
        written.contains(&"testwinkel-privacybeleid-2.md".to_string()),
        "{written:?}"
    );
    assert!(
        written.contains(&"privacybeleid-3.md".to_string()),
        "{written:?}"
    );
    let e = err(&o);
    assert!(
        e.contains("dezelfde bestandsnaam") && e.contains("volgnummer"),
        "the user is told how names were made unique: {e}"
    );
    // A second run overwrites its own earlier export (that is what re-exporting means).
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(names_in(&target).len(), names.len());
}

#[test]
fn out_dir_shortens_names_too_long_for_the_file_system() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Bakkerij de Korenschoof ".repeat(13);
    assert!(long.len() > 300);
    let a = write(dir.path(), "lang.toml", &with_name(long.trim(), "Jan"));
    let o = run(&["render", "--answers", s(&a), "--out-dir", s(dir.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let made: Vec<String> = names_in(dir.path())
        .into_iter()
        .filter(|n| n.ends_with(".md"))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    assert!(
        made[0].len() < 120 && made[0].starts_with("bakkerij-de-korenschoof-"),
        "{made:?}"
    );
}

#[test]
fn out_refuses_an_input_file_and_any_answers_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "winkel.toml", GOOD);
    let o = run(&["render", "--answers", s(&a), "--out", s(&a)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("ook het antwoordenbestand"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), GOOD);
    // The same file by another name: a symbolic link to it.
    #[cfg(unix)]
    {
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&a, &link).unwrap();
        let o = run(&["render", "--answers", s(&a), "--out", s(&link)]);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(std::fs::read_to_string(&a).unwrap(), GOOD);
    }
    // Another client's answers file is not a place for a policy either.
    let other = write(dir.path(), "ander.toml", &with_name("Ander", "Piet"));
    let o = run(&["render", "--answers", s(&a), "--out", s(&other)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("is een antwoordenbestand"), "{}", err(&o));
    assert!(std::fs::read_to_string(&other).unwrap().contains("Piet"));
    // An empty file or an earlier policy is fine to replace.
    let empty = write(dir.path(), "leeg.md", "");
    let o = run(&["render", "--answers", s(&a), "--out", s(&empty)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = run(&["render", "--answers", s(&a), "--out", s(&empty)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(std::fs::read_to_string(&empty)
        .unwrap()
        .contains("Testwinkel"));
}

#[cfg(unix)]
#[test]
fn out_writes_through_symlinks_keeps_mode_and_refuses_special_files() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "winkel.toml", GOOD);
    let real = write(dir.path(), "echt.md", "oud");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("beleid.md");
    std::os::unix::fs::symlink("echt.md", &link).unwrap();
    let o = run(&["render", "--answers", s(&a), "--out", s(&link)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .contains("Testwinkel"));
    assert_eq!(
        std::fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o640
    );
    // A device (as root this replaced /dev/null by a regular file) and a named pipe.
    let o = run(&["render", "--answers", s(&a), "--out", "/dev/null"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("een apparaat"), "{}", err(&o));
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    let fifo = dir.path().join("pijp");
    let c = std::ffi::CString::new(s(&fifo)).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let o = run(&["render", "--answers", s(&a), "--out", s(&fifo)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("named pipe"), "{}", err(&o));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_dutch("special files", &o);
}

/// Every command and every output path of standard output, as (name, arguments).
fn every_output(dir: &Path) -> Vec<(String, Vec<String>)> {
    let a = write(dir, "winkel.toml", GOOD);
    let b = write(dir, "fout.toml", &GOOD.replace("1234 AB", "12"));
    let a = a.to_string_lossy().into_owned();
    let b = b.to_string_lossy().into_owned();
    let dir_s = dir.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["render", "--answers", &a],
        vec!["render", "--answers", &a, "--format", "html"],
        vec!["render", "--answers", &a, "--format", "txt"],
        vec!["render", "--preset", "starter-minimaal"],
        vec!["check", "--answers", &a],
        vec!["check", "--answers", &b],
        vec!["check", "--answers", &a, "--json"],
        vec!["check", "--answers", &a, &b],
        vec!["check", "--answers", &a, &b, "--json"],
        vec!["providers"],
        vec!["providers", "--json"],
        vec!["providers", "--section", "payments"],
        vec!["presets"],
        vec!["presets", "--json"],
        vec!["render", "--answers", &a, "--document", "banner"],
        vec![
            "render",
            "--answers",
            &a,
            "--document",
            "banner",
            "--format",
            "js",
        ],
        vec!["history", "--answers", &a],
        vec!["history", "--answers", &a, "--json"],
        vec!["diff", &a, &b],
        vec!["status", dir_s],
        vec!["status", dir_s, "--json"],
    ];
    cases
        .into_iter()
        .map(|c| (c.join(" "), c.into_iter().map(String::from).collect()))
        .collect()
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_an_error_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in every_output(dir.path()) {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = bin()
            .args(&args)
            .stdout(Stdio::from(full))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{name}: {}", err(&o));
        assert!(err(&o).contains("de schijf is vol"), "{name}: {}", err(&o));
        assert_dutch(&name, &o);
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_quiet_with_the_normal_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in every_output(dir.path()) {
        // The reading end is closed before the program writes: every write gets EPIPE.
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        unsafe { libc::close(fds[0]) };
        let write_end =
            unsafe { <std::os::fd::OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fds[1]) };
        let normal = bin().args(&args).output().unwrap().status.code();
        let o = bin()
            .args(&args)
            .stdout(Stdio::from(write_end))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), normal, "{name}: {}", err(&o));
        assert!(
            !err(&o).contains("fout: kan de uitvoer") && !err(&o).contains("panicked"),
            "{name}: {}",
            err(&o)
        );
    }
}

#[test]
fn answers_files_are_capped_at_one_megabyte() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(
        dir.path(),
        "groot.toml",
        &format!("{GOOD}\n{}", "# opvulling\n".repeat(100_000)),
    );
    for cmd in ["check", "render"] {
        let o = run(&[cmd, "--answers", s(&big)]);
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        assert!(
            err(&o).contains("te groot") && err(&o).contains("1 MB"),
            "{}",
            err(&o)
        );
    }
    #[cfg(unix)]
    {
        let start = std::time::Instant::now();
        let o = run(&["check", "--answers", "/dev/zero"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(err(&o).contains("te groot"), "{}", err(&o));
        assert!(start.elapsed().as_secs() < 10);
    }
}

#[test]
fn hidden_characters_are_refused_in_every_text_field() {
    let cases = [
        ("name = \"Testwinkel\"", "name = \"\u{200B}\u{200B}\u{200B}\"", "shop.name", "onzichtbare"),
        ("city = \"Utrecht\"", "city = \"Utr\u{202E}thceU\"", "shop.city", "schrijfrichting"),
        (
            "website = \"https://www.testwinkel.nl\"",
            "website = \"https://www.testwinkel.nl/\u{202E}lmth.exe\"",
            "shop.website",
            "schrijfrichting",
        ),
        ("street = \"Dorpsstraat 1\"", "street = \"Dorps\u{FEFF}straat 1\"", "shop.street", "onzichtbaar"),
        (
            "[providers]",
            "[policy]\ndpo = \"Jan\\u0007 Jansen\"\n[providers]",
            "policy.dpo",
            "stuurteken",
        ),
        (
            "[providers]",
            "[[custom_provider]]\nid = \"eigen\"\nname = \"Eigen\u{200D}Host\"\nsections = [\"hosting\"]\n[providers]",
            "custom_provider[0].name",
            "onzichtbaar",
        ),
        (
            "[providers]",
            "[[custom_provider]]\nid = \"eigen\"\nname = \"Eigen\"\ncompany = \"Eigen\\u001b[31m B.V.\"\nsections = [\"hosting\"]\n[providers]",
            "custom_provider[0].company",
            "stuurteken",
        ),
        (
            "[providers]",
            "[[custom_provider]]\nid = \"eigen\"\nname = \"Eigen\"\nprivacy_url = \"https://eigen.nl/\u{2066}x\"\nsections = [\"hosting\"]\n[providers]",
            "custom_provider[0].privacy_url",
            "schrijfrichting",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (from, to, field, what) in cases {
        let text = GOOD.replacen(from, to, 1);
        assert_ne!(text, GOOD);
        let p = write(dir.path(), "a.toml", &text);
        let o = run(&["check", "--answers", s(&p)]);
        assert_eq!(o.status.code(), Some(1), "{field}: {}{}", out(&o), err(&o));
        let line = out(&o)
            .lines()
            .find(|l| l.starts_with("fout:") && l.contains(field))
            .unwrap_or_else(|| panic!("{field} not reported: {}", out(&o)))
            .to_string();
        assert!(line.contains(what), "{field}: {line}");
        assert!(
            line.contains("typ de tekst opnieuw") || line.contains("verwijder"),
            "{line}"
        );
    }
}

#[test]
fn a_far_date_names_the_rule_it_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.toml",
        &GOOD.replace("2025-01-31", "9999-12-31"),
    );
    let o = run(&["check", "--answers", s(&p)]);
    assert_eq!(o.status.code(), Some(1));
    let line = out(&o)
        .lines()
        .find(|l| l.contains("shop.effective_date"))
        .unwrap_or_default()
        .to_string();
    assert!(
        line.contains("bestaande datum") && line.contains("tussen 1900 en 2200"),
        "{line}"
    );
    assert!(!line.contains("geen geldige datum"), "{line}");
}

/// Every error path of the command line, each with the exit code and a piece of its message.
#[test]
fn every_error_message_of_the_command_line_is_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = write(d, "goed.toml", GOOD);
    let g = s(&good).to_string();
    let bad_files: Vec<(&str, String, &str)> = vec![
        (
            "untagged date",
            "[shop]\neffective_date = 123\n".into(),
            "shop.effective_date",
        ),
        (
            "bool date",
            "[shop]\neffective_date = true\n".into(),
            "shop.effective_date",
        ),
        (
            "day out of range",
            "[shop]\neffective_date = 2023-02-30\n".into(),
            "hooguit 28",
        ),
        (
            "month out of range",
            "[shop]\neffective_date = 2023-13-01\n".into(),
            "maand",
        ),
        (
            "duplicate key",
            "[shop]\nname = \"a\"\nname = \"b\"\n".into(),
            "shop.name",
        ),
        ("duplicate table", "[shop]\n[shop]\n".into(), "twee keer"),
        (
            "huge number",
            "[policy]\nretention_max_years = 99999999999999999999999\n".into(),
            "te groot",
        ),
        (
            "negative number",
            "[policy]\nretention_max_years = -1\n".into(),
            "positief geheel getal",
        ),
        (
            "float",
            "[policy]\nretention_max_years = 1.5\n".into(),
            "kommagetal",
        ),
        (
            "bool as text",
            "[policy]\ncustomer_accounts = \"ja\"\n".into(),
            "true of false",
        ),
        ("recursion", format!("a = {}\n", "[".repeat(200)), "te diep"),
        ("unclosed header", "[shop\n".into(), "`]`"),
        (
            "unquoted",
            "[shop]\nname = Winkel\n".into(),
            "aanhalingstekens",
        ),
        ("no value", "[shop]\nname = \n".into(), "shop.name"),
        (
            "open string",
            "[shop]\nname = 'a\n".into(),
            "aanhalingsteken",
        ),
        (
            "trailing junk",
            "[shop]\nname = \"a\" x\n".into(),
            "eigen regel",
        ),
        ("array of tables", "[[shop]]\n".into(), "shop"),
        ("number for text", "preset = 5\n".into(), "preset"),
        (
            "number in list",
            "[providers]\npayments = [1]\n".into(),
            "providers.payments",
        ),
        (
            "missing id",
            "[[custom_provider]]\nname = \"x\"\n".into(),
            "`id`",
        ),
        ("bad escape", "[shop]\nname = \"\\q\"\n".into(), "backslash"),
        ("unknown key", "x = 1\n".into(), "onbekend veld"),
        ("bad sign", "[shop]\nname = 0x-1\n".into(), "getal"),
        (
            "missing comma",
            "[providers]\npayments = [\"a\" \"b\"]\n".into(),
            "komma",
        ),
        ("bad key", "[shop]\nna me = 1\n".into(), "regel 2"),
        ("inline table", "shop = { name = \"a\"\n".into(), "regel 1"),
        ("binary", "\u{0}\u{1}PNG".into(), "regel 1"),
    ];
    let mut cases: Vec<(String, Vec<String>, i32, String)> = Vec::new();
    for (i, (name, text, expect)) in bad_files.into_iter().enumerate() {
        let p = write(d, &format!("kapot{i}.toml"), &text);
        cases.push((
            name.into(),
            vec!["check".into(), "--answers".into(), s(&p).into()],
            2,
            expect.into(),
        ));
    }
    let not_utf8 = d.join("bin.toml");
    std::fs::write(&not_utf8, [0xff, 0xfe, 0x00]).unwrap();
    let big = write(d, "groot.toml", &"#\n".repeat(600_000));
    let sub = d.join("map");
    std::fs::create_dir(&sub).unwrap();
    let file_as_dir = write(d, "bestand", "x");
    let str_args = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let more: Vec<(&str, Vec<String>, i32, &str)> = vec![
        (
            "missing file",
            str_args(&["check", "--answers", "/geen/bestand.toml"]),
            2,
            "bestaat niet",
        ),
        (
            "folder as file",
            str_args(&["check", "--answers", s(&sub)]),
            2,
            "een map",
        ),
        (
            "not utf-8",
            str_args(&["check", "--answers", s(&not_utf8)]),
            2,
            "UTF-8",
        ),
        (
            "too large",
            str_args(&["check", "--answers", s(&big)]),
            2,
            "te groot",
        ),
        (
            "unknown option",
            str_args(&["check", "--anwsers", &g]),
            2,
            "onbekende optie",
        ),
        (
            "unknown command",
            str_args(&["rendr"]),
            2,
            "bedoelde u `render`",
        ),
        (
            "bad format",
            str_args(&["render", "--answers", &g, "--format", "pdf"]),
            2,
            "ongeldige waarde",
        ),
        (
            "missing option",
            str_args(&["check"]),
            2,
            "verplichte optie",
        ),
        (
            "conflict",
            str_args(&["render", "--answers", &g, "--preset", "x"]),
            2,
            "gaat niet samen",
        ),
        (
            "out and out-dir",
            str_args(&["render", "--answers", &g, "--out", "a", "--out-dir", "b"]),
            2,
            "gaat niet samen",
        ),
        (
            "no value",
            str_args(&["render", "--answers"]),
            2,
            "--answers",
        ),
        (
            "many without out-dir",
            str_args(&["render", "--answers", &g, &g]),
            2,
            "--out-dir",
        ),
        (
            "unknown preset",
            str_args(&["render", "--preset", "woocommerce-molie"]),
            1,
            "onbekende preset",
        ),
        (
            "unknown section",
            str_args(&["providers", "--section", "betalingen"]),
            2,
            "onbekend onderdeel",
        ),
        (
            "out to a missing folder",
            str_args(&["render", "--answers", &g, "--out", "/geen/map/b.md"]),
            2,
            "bestaat niet",
        ),
        (
            "out onto a folder",
            str_args(&["render", "--answers", &g, "--out", s(&sub)]),
            2,
            "een map",
        ),
        (
            "out onto a device",
            str_args(&["render", "--answers", &g, "--out", "/dev/null"]),
            2,
            "apparaat",
        ),
        (
            "out onto the input",
            str_args(&["render", "--answers", &g, "--out", &g]),
            2,
            "antwoordenbestand",
        ),
        (
            "out-dir is a file",
            str_args(&["render", "--answers", &g, "--out-dir", s(&file_as_dir)]),
            2,
            "geen map",
        ),
        (
            "out-dir cannot be made",
            str_args(&[
                "render",
                "--answers",
                &g,
                "--out-dir",
                &format!("{}/x", s(&file_as_dir)),
            ]),
            2,
            "kan de map",
        ),
        (
            "errors in answers",
            str_args(&[
                "render",
                "--answers",
                s(&write(d, "fout.toml", &GOOD.replace("1234 AB", "12"))),
            ]),
            1,
            "Niets gemaakt",
        ),
        (
            "wizard without terminal",
            str_args(&["wizard", "--answers", s(&d.join("nieuw.toml"))]),
            1,
            "terminal",
        ),
        (
            "wizard on a broken file",
            str_args(&["wizard", "--answers", s(&d.join("kapot0.toml"))]),
            2,
            "niet gewijzigd",
        ),
    ];
    for (name, args, code, expect) in more {
        cases.push((name.into(), args, code, expect.into()));
    }
    for (name, args, code, expect) in cases {
        let o = bin().args(&args).stdin(Stdio::null()).output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(code),
            "{name}: {}{}",
            err(&o),
            out(&o)
        );
        let all = format!("{}{}", err(&o), out(&o));
        assert!(
            all.contains(&expect),
            "{name}: expected {expect:?} in {all}"
        );
        assert!(all.contains("fout"), "{name}: {all}");
        assert_dutch(&name, &o);
    }
}
