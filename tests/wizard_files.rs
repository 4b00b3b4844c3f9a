//! Files: saving new and named answers files, the recent list, exporting with the overwrite
//! question through the run loop's effect handler, and the binary's start-up file checks.

use std::path::PathBuf;
use std::process::Command;

use privacybeleid::engine::{Answers, Engine};
use privacybeleid::wizard::persist;
use privacybeleid::wizard::state::{Effect, Msg, Options, State, Step};
use privacybeleid::wizard::{perform, update::update};

/// The binary, with its data dir inside the test's temp dir.
fn bin(dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_privacybeleid"));
    c.env("PRIVACYBELEID_DATA_DIR", dir.join("data"));
    c
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
    let engine = Engine::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("winkel.toml");
    let mut s = State::new(
        &engine,
        Options {
            today: "2025-01-15".into(),
            path: Some(path.clone()),
            answers: Some(Answers::default()),
            recent: vec![],
            cwd: dir.path().to_path_buf(),
        },
    );
    s.answers.shop.set("name", "Zoë");
    perform(&mut s, vec![Effect::Save]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("name = \"Zoë\""), "{text}");
    assert!(s.status.starts_with("Opgeslagen in"), "{}", s.status);
}

#[test]
fn export_writes_files_and_asks_before_overwriting() {
    let engine = Engine::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut a = Answers {
        preset: Some("starter-minimaal".into()),
        ..Default::default()
    };
    for (k, v) in [
        ("name", "Zoë's Bloemen"),
        ("website", "https://www.zoesbloemen.nl"),
        ("effective_date", "2025-01-15"),
        ("email", "info@zoesbloemen.nl"),
        ("privacy_contact", "Zoë de Vries"),
    ] {
        a.shop.set(k, v);
    }
    let mut s = State::new(
        &engine,
        Options {
            today: "2025-01-15".into(),
            path: Some(dir.path().join("winkel.toml")),
            answers: Some(a),
            recent: vec![],
            cwd: PathBuf::from("/"),
        },
    );
    s.sync();
    let fx = update(&mut s, Msg::OpenExport);
    perform(&mut s, fx);
    assert_eq!(s.current(), Step::Export);
    assert_eq!(s.export.dir.value(), dir.path().display().to_string());
    s.export.formats = [true, true, true, true];
    s.export.cursor = 5;
    let enter = || {
        Msg::Key(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Enter,
            ratatui::crossterm::event::KeyModifiers::NONE,
        ))
    };
    let fx = update(&mut s, enter());
    perform(&mut s, fx);
    assert_eq!(s.export.written.len(), 4, "{:?}", s.export.errors);
    for ext in ["md", "html", "fragment.html", "txt"] {
        let p = dir.path().join(format!("zoes-bloemen-privacybeleid.{ext}"));
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains("Bloemen"), "{ext}");
    }
    // Again: the files exist, so the question comes and nothing is written yet.
    let md = dir.path().join("zoes-bloemen-privacybeleid.md");
    std::fs::write(&md, "oud").unwrap();
    let fx = update(&mut s, enter());
    perform(&mut s, fx);
    assert_eq!(s.export.confirm.as_ref().map(Vec::len), Some(4));
    assert_eq!(std::fs::read_to_string(&md).unwrap(), "oud");
    let yes = Msg::Key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('j'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    let fx = update(&mut s, yes);
    perform(&mut s, fx);
    assert!(std::fs::read_to_string(&md).unwrap().contains("Bloemen"));
    assert_eq!(s.export.written.len(), 4);
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
fn a_new_answers_file_is_created_before_the_screen_opens() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nieuw.toml");
    // No terminal here: the wizard says so and stops, but the file exists already.
    let out = bin(dir.path())
        .args(["wizard", "--answers"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("terminal"));
    let a = Answers::load(&p).unwrap();
    assert!(a.shop.effective_date.is_some());
    let recent = persist::recent(&dir.path().join("data"));
    assert!(recent[0].ends_with("nieuw.toml"), "{recent:?}");
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
