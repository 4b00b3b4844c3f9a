//! Files: saving new and named answers files, the recent list, exporting with the overwrite
//! question through the run loop's effect handler, and the binary's start-up file checks.

mod common;

use std::path::Path;
use std::process::Command;

use common::wizard::{engine, opts, press, sec, zoe};
use privacybeleid::engine::{Answers, Format};
use privacybeleid::wizard::persist;
use privacybeleid::wizard::screens::export::{self, Choice, Doc, Export, ExportRow};
use privacybeleid::wizard::state::{Effect, Msg, Options, State};
use privacybeleid::wizard::{perform, update::update};
use ratatui::crossterm::event::KeyCode;

/// The binary, with its data dir inside the test's temp dir.
fn bin(dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_privacybeleid"));
    c.env("PRIVACYBELEID_DATA_DIR", dir.join("data"));
    c
}

/// A wizard on the answers file `path`; the tests carry out its effects, so it is written.
fn wizard_on(path: &Path, answers: Answers) -> State<'static> {
    State::new(
        engine(),
        Options {
            path: Some(path.to_path_buf()),
            answers: Some(answers),
            cwd: path.parent().unwrap().to_path_buf(),
            ..opts(None)
        },
    )
}

#[test]
fn recent_list_keeps_existing_files_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(&a, "").unwrap();
    std::fs::write(&b, "").unwrap();
    persist::remember(&data, &a).unwrap();
    persist::remember(&data, &b).unwrap();
    persist::remember(&data, &a).unwrap();
    let r = persist::recent(&data);
    assert_eq!(r.len(), 2);
    assert!(
        r[0].ends_with("a.toml") && r[1].ends_with("b.toml"),
        "{r:?}"
    );
    std::fs::remove_file(&b).unwrap();
    assert_eq!(
        persist::recent(&data).len(),
        1,
        "gone files are not offered"
    );
}

#[test]
fn new_files_get_free_names() {
    let dir = tempfile::tempdir().unwrap();
    let p1 = persist::new_file(dir.path(), "2025-01-15");
    assert!(p1.ends_with("beleid-2025-01-15-1.toml"));
    std::fs::write(&p1, "").unwrap();
    assert!(persist::new_file(dir.path(), "2025-01-15").ends_with("beleid-2025-01-15-2.toml"));
}

#[test]
fn save_effect_writes_the_named_file_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("winkel.toml");
    let mut s = wizard_on(&path, Answers::default());
    s.model.answers.shop.set("name", "Zoë");
    perform(&mut s, vec![Effect::Save]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("name = \"Zoë\""), "{text}");
    assert!(
        s.model.status.starts_with("Opgeslagen in"),
        "{}",
        s.model.status
    );
}

#[test]
fn export_writes_files_and_asks_before_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = wizard_on(&dir.path().join("winkel.toml"), zoe("starter-minimaal"));
    s.sync();
    let fx = update(&mut s, Msg::OpenExport);
    perform(&mut s, fx);
    assert_eq!(s.model.current(), export::ID);
    let ex = s.get_mut::<Export>(export::ID).unwrap();
    assert_eq!(ex.dir.value(), dir.path().display().to_string());
    ex.chosen = Format::ALL
        .iter()
        .map(|f| Choice {
            doc: Doc::Policy,
            format: (*f).into(),
        })
        .collect();
    ex.cursor = ExportRow::Button;
    let fx = update(&mut s, press(KeyCode::Enter));
    perform(&mut s, fx);
    let ex = s.get::<Export>(export::ID).unwrap();
    assert_eq!(ex.written.len(), 4, "{:?}", ex.errors);
    for ext in ["md", "html", "fragment.html", "txt"] {
        let p = dir.path().join(format!("zoes-bloemen-privacybeleid.{ext}"));
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains("Bloemen"), "{ext}");
    }
    // Again: the files exist, so the question comes and nothing is written yet.
    let md = dir.path().join("zoes-bloemen-privacybeleid.md");
    std::fs::write(&md, "oud").unwrap();
    let fx = update(&mut s, press(KeyCode::Enter));
    perform(&mut s, fx);
    let ex = s.get::<Export>(export::ID).unwrap();
    assert_eq!(ex.confirm.as_ref().map(Vec::len), Some(4));
    assert_eq!(std::fs::read_to_string(&md).unwrap(), "oud");
    let fx = update(&mut s, press(KeyCode::Char('j')));
    perform(&mut s, fx);
    assert!(std::fs::read_to_string(&md).unwrap().contains("Bloemen"));
    assert_eq!(s.get::<Export>(export::ID).unwrap().written.len(), 4);
}

/// The cookie statement and the banner configuration beside the policy, in the answers'
/// language and tone, with the same tools; `[export]` remembers them.
#[test]
fn export_writes_the_cookie_statement_and_banner_in_the_answers_voice() {
    use privacybeleid::wizard::screens::export::Out;
    let dir = tempfile::tempdir().unwrap();
    let mut a = zoe("shopify-klaviyo-meta");
    a.policy.language = Some("en".into());
    let mut s = wizard_on(&dir.path().join("winkel.toml"), a.clone());
    s.sync();
    let fx = update(&mut s, Msg::OpenExport);
    perform(&mut s, fx);
    let ex = s.get_mut::<Export>(export::ID).unwrap();
    ex.chosen = [
        Choice {
            doc: Doc::Cookies,
            format: Format::Markdown.into(),
        },
        Choice {
            doc: Doc::Cookies,
            format: Format::Html.into(),
        },
        Choice {
            doc: Doc::Banner,
            format: Out::Json,
        },
        Choice {
            doc: Doc::Banner,
            format: Out::Js,
        },
    ]
    .into_iter()
    .collect();
    ex.cursor = ExportRow::Button;
    let fx = update(&mut s, press(KeyCode::Enter));
    perform(&mut s, fx);
    let ex = s.get::<Export>(export::ID).unwrap();
    assert_eq!(ex.written.len(), 4, "{:?}", ex.errors);
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    let md = read("zoes-bloemen-cookieverklaring.md");
    assert!(md.starts_with("# Cookie statement of Zoë"), "{md}");
    assert!(read("zoes-bloemen-cookieverklaring.html").contains("<html lang=\"en\">"));
    let json: serde_json::Value =
        serde_json::from_str(&read("zoes-bloemen-cookiemelding.json")).unwrap();
    assert_eq!(json["language"]["default"], "en");
    // The same as the command line gives, so the statement and banner agree.
    let voice = privacybeleid::engine::lang::voice_of(&a);
    assert_eq!(
        read("zoes-bloemen-cookiemelding.json"),
        engine().banner_json(&a, voice).unwrap()
    );
    assert_eq!(
        read("zoes-bloemen-cookiemelding.js"),
        engine().banner_js(&a, voice).unwrap()
    );
    for t in engine().cookie_tools(&a) {
        assert!(md.contains(&t.name), "{} not in the statement", t.id);
        assert!(
            json.to_string().contains(&format!("\"{}\"", t.id)),
            "{}",
            t.id
        );
    }
    // The next export starts from these choices.
    let saved = s.model.answers.export.clone().unwrap();
    assert_eq!(saved.documents, ["cookies", "banner"]);
    assert_eq!(saved.formats, ["md", "html", "json", "js"]);
}

#[test]
fn a_file_that_does_not_parse_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kapot.toml");
    let text = "[shop]\nname = \"x\"\nname = \"y\"\n";
    std::fs::write(&p, text).unwrap();
    let out = bin(dir.path())
        .args(["wizard", "--answers"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("regel 3"), "{err}");
    assert!(err.contains("niet gewijzigd"), "{err}");
    assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
}

#[test]
fn a_wizard_that_cannot_start_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nieuw.toml");
    // No terminal here (`< /dev/null`, output captured): the wizard says so and stops,
    // leaving no file, no lock and no recent-list entry behind.
    let out = bin(dir.path())
        .args(["wizard", "--answers"])
        .arg(&p)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("terminal"));
    assert!(!p.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing created"
    );
    assert!(persist::recent(&dir.path().join("data")).is_empty());
}

#[test]
fn a_new_answers_file_in_a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bestaat-niet").join("nieuw.toml");
    let out = bin(dir.path())
        .args(["wizard", "--answers"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kan"));
}

/// One event through update and the run loop's effect handler (which writes the file);
/// returns the answers file as it is on disk right after it. What is there survives a
/// `kill -9` at that moment.
fn on_disk_after(s: &mut State, msg: Msg, path: &std::path::Path) -> String {
    let fx = update(s, msg);
    perform(s, fx);
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Every kind of change is written by the event that makes it: typing, pasting, toggling a
/// provider, a variant, an own provider (its form), each policy option. Ctrl+Q then has
/// nothing left to write. (Making any of these not save fails this test.)
#[test]
fn every_kind_of_change_is_on_disk_at_once() {
    use privacybeleid::engine::catalog::Safeguard;
    use privacybeleid::engine::Section;
    use privacybeleid::wizard::screens::{policy, shop};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("winkel.toml");
    let mut s = wizard_on(&path, Answers::default());
    let load = |text: &str| Answers::from_toml_str(text).unwrap();

    // Typing: each character.
    s.go_to_step(shop::ID);
    let text = on_disk_after(&mut s, press(KeyCode::Char('Z')), &path);
    assert_eq!(load(&text).shop.name.as_deref(), Some("Z"), "{text}");
    let text = on_disk_after(&mut s, press(KeyCode::Char('o')), &path);
    assert_eq!(load(&text).shop.name.as_deref(), Some("Zo"), "{text}");
    // Pasting.
    let text = on_disk_after(&mut s, Msg::Paste("ë's".into()), &path);
    assert_eq!(load(&text).shop.name.as_deref(), Some("Zoë's"), "{text}");

    // Toggling a provider (Space), on and off.
    s.go_to_step(sec(Section::Payments));
    let text = on_disk_after(&mut s, press(KeyCode::Char(' ')), &path);
    assert_eq!(load(&text).providers.get(Section::Payments), ["mollie"]);
    let text = on_disk_after(&mut s, press(KeyCode::Char(' ')), &path);
    assert!(load(&text).providers.get(Section::Payments).is_empty());
    assert!(load(&text).providers.is_answered(Section::Payments));
    // On again.
    let text = on_disk_after(&mut s, press(KeyCode::Char(' ')), &path);
    assert_eq!(load(&text).providers.get(Section::Payments), ["mollie"]);

    // A variant (←/→ on a chosen review platform).
    s.go_to_step(sec(Section::Reviews));
    for c in "webwinkelkeur".chars() {
        update(&mut s, press(KeyCode::Char(c)));
    }
    on_disk_after(&mut s, press(KeyCode::Char(' ')), &path);
    let text = on_disk_after(&mut s, press(KeyCode::Right), &path);
    assert_eq!(load(&text).variants["webwinkelkeur"], "naam", "{text}");

    // An own provider from its form: each change is on disk at once, "bcr" included.
    s.go_to_step(sec(Section::Hosting));
    update(&mut s, press(KeyCode::End));
    update(&mut s, press(KeyCode::Enter));
    let text = on_disk_after(&mut s, press(KeyCode::Char('W')), &path);
    assert_eq!(load(&text).custom_providers[0].name, "W");
    for c in "olkje".chars() {
        update(&mut s, press(KeyCode::Char(c)));
    }
    update(&mut s, press(KeyCode::Down));
    update(&mut s, press(KeyCode::Down));
    for _ in 0.."Nederland".len() {
        update(&mut s, press(KeyCode::Backspace));
    }
    for c in "Verenigde Staten".chars() {
        update(&mut s, press(KeyCode::Char(c)));
    }
    // Leaving the country makes it a destination; down to its safeguard.
    for _ in 0..5 {
        update(&mut s, press(KeyCode::Down));
    }
    // (no choice) → dpf → scc → bcr
    update(&mut s, press(KeyCode::Right));
    update(&mut s, press(KeyCode::Right));
    let text = on_disk_after(&mut s, press(KeyCode::Right), &path);
    let a = load(&text);
    assert_eq!(
        a.custom_providers[0].transfers[0].safeguard.as_deref(),
        Some("bcr"),
        "{text}"
    );
    assert_eq!(a.providers.get(Section::Hosting), ["wolkje"]);
    // The engine reads "bcr" as binding corporate rules.
    let p = privacybeleid::engine::validate::lookup(&a, engine().catalog(), "wolkje").unwrap();
    assert_eq!(p.transfers[0].safeguard, Safeguard::Bcr);
    update(&mut s, press(KeyCode::Esc));

    // Each policy option.
    s.go_to_step(policy::ID);
    let text = on_disk_after(&mut s, press(KeyCode::Char('5')), &path);
    assert_eq!(load(&text).policy.retention_max_years, Some(5));
    update(&mut s, press(KeyCode::Down));
    let text = on_disk_after(&mut s, press(KeyCode::Char(' ')), &path);
    assert_eq!(load(&text).policy.customer_accounts, Some(true));
    update(&mut s, press(KeyCode::Down));
    let text = on_disk_after(&mut s, press(KeyCode::Char('J')), &path);
    assert_eq!(load(&text).policy.dpo.as_deref(), Some("J"));

    // Ctrl+Q writes nothing new: everything is there already.
    let last = std::fs::read_to_string(&path).unwrap();
    let quit = privacybeleid::wizard::input::translate(
        ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('q'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        )),
        true,
    )
    .unwrap();
    assert_eq!(on_disk_after(&mut s, quit, &path), last);
    assert!(s.model.quit);
    let a = load(&last);
    assert_eq!(a.shop.name.as_deref(), Some("Zoë's"));
    assert_eq!(a.wizard.unwrap().step.as_deref(), Some("policy"));
}
