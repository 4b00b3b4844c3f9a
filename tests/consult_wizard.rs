//! The wizard for consultants (issue 9): the clients screen (snapshots at 80x24 and 160x48,
//! opening and making a client), and an export that remembers its settings, asks before
//! making a missing folder, keeps the policy's version and offers to move the effective date.

mod common;

use std::path::{Path, PathBuf};

use common::wizard::{engine, key, render, typ};
use common::KORENSCHOOF as SHOP;

use privacybeleid::consult::{policy, History};
use privacybeleid::engine::{Answers, Section};
use privacybeleid::wizard::model::Route;
use privacybeleid::wizard::perform;
use privacybeleid::wizard::screens::clients::{self, Clients};
use privacybeleid::wizard::screens::export::{self, Export, ExportRow};
use privacybeleid::wizard::state::{Effect, Msg, Options, State};
use privacybeleid::wizard::update::update;
use privacybeleid::wizard::widgets::text_input::TextInput;
use ratatui::crossterm::event::KeyCode;

/// Exports a client as on `date`, by the same plan `render --out` uses.
fn export_on(path: &Path, date: &str) {
    let a = Answers::load(path).unwrap();
    let mut h = History::load(path).unwrap();
    let mut plan = policy::plan(engine(), &a, &h, true, true).unwrap();
    plan.export.date = date.into();
    if let Some(r) = &mut plan.new_version {
        r.date = date.into();
    }
    let md = plan.markdown();
    h.record(
        plan.new_version.as_ref().map(|r| (r, md.as_str())),
        &plan.export,
    )
    .unwrap();
}

/// A folder of four clients: fresh, changed since its export, never exported, unreadable.
fn clients_folder(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let fresh = dir.join("bakkerij.toml");
    std::fs::write(&fresh, SHOP).unwrap();
    export_on(&fresh, "2025-01-31");
    let changed = dir.join("bloemen.toml");
    std::fs::write(
        &changed,
        SHOP.replace("Bakkerij de Korenschoof", "Zoë's Bloemen"),
    )
    .unwrap();
    export_on(&changed, "2025-02-14");
    std::fs::write(
        &changed,
        SHOP.replace("Bakkerij de Korenschoof", "Zoë's Bloemen")
            .replace("\"paypal\"", "\"klarna\""),
    )
    .unwrap();
    std::fs::write(
        dir.join("kaas.toml"),
        SHOP.replace("Bakkerij de Korenschoof", "Kaashandel Gouda"),
    )
    .unwrap();
    std::fs::write(dir.join("kapot.toml"), "[shop\nname = ").unwrap();
}

fn on_clients(dir: &Path, today: &str) -> State<'static> {
    let mut s = State::new(
        engine(),
        Options {
            today: today.into(),
            path: None,
            answers: None,
            recent: vec![],
            cwd: PathBuf::from("/tmp/wizard-test"),
        },
    );
    s.model.clients_dir = Some(dir.to_path_buf());
    s.model.route = Route::Page(clients::ID);
    s.with_screen(clients::ID, |scr, cx| scr.enter(cx));
    s
}

#[test]
fn clients_screen_snapshots_and_what_it_says() {
    // A relative folder, so the title is the same on every machine.
    let dir = PathBuf::from("target/consult-wizard/klanten");
    clients_folder(&dir);
    let mut s = on_clients(&dir, "2025-03-01");
    let c = s.get::<Clients>(clients::ID).unwrap();
    assert_eq!(c.rows.len(), 4);
    let stale: Vec<bool> = c.rows.iter().map(|r| r.stale).collect();
    assert_eq!(stale, [false, true, true, true]);
    let wide = render(&mut s, 160, 48);
    assert!(
        wide.contains("Klanten in target/consult-wizard/klanten"),
        "{wide}"
    );
    assert!(
        wide.contains("4 klant(en); 3 met een nieuwe export nodig"),
        "{wide}"
    );
    assert!(
        wide.contains("Zoë's Bloemen") && wide.contains("ja: antwoorden gewijzigd"),
        "{wide}"
    );
    assert!(wide.contains("ja: nog nooit geëxporteerd"), "{wide}");
    assert!(wide.contains("onleesbaar"), "{wide}");
    insta::assert_snapshot!("clients_160x48", wide);
    insta::assert_snapshot!("clients_80x24", render(&mut s, 80, 24));
    key(&mut s, KeyCode::Char('n'));
    typ(&mut s, "Nieuwe Klant");
    insta::assert_snapshot!("clients_new_80x24", render(&mut s, 80, 24));
}

#[test]
fn the_start_screen_offers_the_clients_and_enter_opens_one() {
    let dir = tempfile::tempdir().unwrap();
    clients_folder(dir.path());
    let mut s = on_clients(dir.path(), "2025-03-01");
    // Enter on the second row opens that client's file.
    key(&mut s, KeyCode::Down);
    let fx = key(&mut s, KeyCode::Enter);
    assert_eq!(fx, [Effect::Open(dir.path().join("bloemen.toml"))]);
    perform(&mut s, fx);
    assert!(s.model.in_wizard());
    assert_eq!(s.model.answers.shop.name.as_deref(), Some("Zoë's Bloemen"));
    assert_eq!(
        s.model.path.as_deref(),
        Some(dir.path().join("bloemen.toml").as_path())
    );

    // The start screen has a "Klanten" entry that opens the same screen.
    let s = State::new(
        engine(),
        Options {
            today: "2025-03-01".into(),
            path: None,
            answers: None,
            recent: vec![],
            cwd: dir.path().to_path_buf(),
        },
    );
    let start = s
        .get::<privacybeleid::wizard::screens::start::Start>(
            privacybeleid::wizard::screens::start::ID,
        )
        .unwrap();
    assert!(start.items.iter().any(|i| matches!(
        i,
        privacybeleid::wizard::screens::start::Item::Page(id, _) if *id == clients::ID
    )));
}

#[test]
fn a_new_client_gets_a_file_named_after_the_shop() {
    let dir = tempfile::tempdir().unwrap();
    clients_folder(dir.path());
    let mut s = on_clients(dir.path(), "2025-03-01");
    key(&mut s, KeyCode::Char('n'));
    assert!(s.typing(), "typing the name");
    let fx = key(&mut s, KeyCode::Enter);
    assert!(fx.is_empty(), "no name: nothing made");
    // The message stands under the heading, every client below it.
    let screen = render(&mut s, 80, 24);
    let row = |needle: &str| screen.lines().position(|l| l.contains(needle));
    let message = row(privacybeleid::wizard::strings::clients::NEEDS_NAME).expect(&screen);
    assert_eq!(row("webwinkel "), Some(message - 1), "{screen}");
    assert_eq!(
        row("Bakkerij de Korenschoof"),
        Some(message + 1),
        "{screen}"
    );
    assert!(row("(geen naam)").is_some(), "{screen}");
    typ(&mut s, "Kaashandel Gouda");
    let fx = key(&mut s, KeyCode::Enter);
    assert_eq!(fx, [Effect::Save]);
    // kaas.toml exists, kaashandel-gouda.toml is free.
    let p = dir.path().join("kaashandel-gouda.toml");
    assert_eq!(s.model.path.as_deref(), Some(p.as_path()));
    assert!(s.model.in_wizard());
    perform(&mut s, fx);
    let a = Answers::load(&p).unwrap();
    assert_eq!(a.shop.name.as_deref(), Some("Kaashandel Gouda"));
    assert_eq!(a.shop.effective_date.as_deref(), Some("2025-03-01"));
    // The same name again gets a number.
    let mut s = on_clients(dir.path(), "2025-03-01");
    key(&mut s, KeyCode::Char('n'));
    typ(&mut s, "Kaashandel Gouda");
    key(&mut s, KeyCode::Enter);
    assert_eq!(
        s.model.path.as_deref(),
        Some(dir.path().join("kaashandel-gouda-2.toml").as_path())
    );
}

fn export_screen<'a>(s: &'a mut State<'_>) -> &'a mut Export {
    s.get_mut::<Export>(export::ID).unwrap()
}

#[test]
fn an_export_keeps_its_version_remembers_its_settings_and_moves_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bakkerij.toml");
    std::fs::write(&file, SHOP).unwrap();
    let opts = |a| Options {
        today: "2025-03-01".into(),
        path: Some(file.clone()),
        answers: Some(a),
        recent: vec![],
        cwd: dir.path().to_path_buf(),
    };
    let mut s = State::new(engine(), opts(Answers::load(&file).unwrap()));
    update(&mut s, Msg::OpenExport);
    let out = dir.path().join("export");
    let e = export_screen(&mut s);
    e.dir = TextInput::new(&out.display().to_string());
    e.chosen.insert(export::Choice {
        doc: export::Doc::Register,
        format: privacybeleid::engine::Format::Markdown.into(),
    });
    e.cursor = ExportRow::Button;
    s.sync();
    // The folder is missing: asked first.
    let fx = key(&mut s, KeyCode::Enter);
    assert!(fx.is_empty());
    assert!(render(&mut s, 100, 30).contains("bestaat niet"));
    let fx = key(&mut s, KeyCode::Char('j'));
    assert_eq!(fx, [Effect::MakeDir(out.clone())]);
    perform(&mut s, fx);
    for name in [
        "bakkerij-de-korenschoof-privacybeleid.md",
        "bakkerij-de-korenschoof-privacybeleid.fragment.html",
        "bakkerij-de-korenschoof-verwerkingsregister.md",
    ] {
        assert!(out.join(name).is_file(), "{name}");
    }
    let policy =
        std::fs::read_to_string(out.join("bakkerij-de-korenschoof-privacybeleid.md")).unwrap();
    assert!(
        policy.contains("Dit is versie 1 van dit privacybeleid"),
        "{policy}"
    );
    let h = History::load(&file).unwrap();
    assert_eq!(h.versions.len(), 1);
    assert_eq!(
        s.model.status,
        "Versie 1 van het privacybeleid bewaard in de geschiedenis"
    );
    // The settings are in the answers file, and come back when it is opened again.
    let saved = Answers::load(&file).unwrap();
    let e = saved.export.clone().expect("[export] written");
    assert_eq!(e.dir.as_deref(), Some(out.to_str().unwrap()));
    assert_eq!(e.documents, ["policy", "register"]);
    assert_eq!(e.formats, ["md", "fragment"]);
    let mut again = State::new(engine(), opts(saved));
    let ex = export_screen(&mut again);
    assert_eq!(ex.dir.value(), out.display().to_string());
    assert_eq!(ex.chosen.len(), 3, "policy md+fragment, register md");

    // PayPal out, Klarna in, the date not moved: the export offers today.
    s.model.ensure_answered(Section::Payments);
    s.model
        .answers
        .providers
        .set(Section::Payments, vec!["mollie".into(), "klarna".into()]);
    s.sync();
    export_screen(&mut s).cursor = ExportRow::Button;
    let fx = key(&mut s, KeyCode::Enter);
    assert!(fx.is_empty());
    assert!(render(&mut s, 100, 30).contains("ingangsdatum op vandaag (2025-03-01)"));
    let fx = key(&mut s, KeyCode::Char('j'));
    assert_eq!(
        s.model.answers.shop.effective_date.as_deref(),
        Some("2025-03-01")
    );
    perform(&mut s, fx);
    // The files exist: the overwrite question, then yes.
    assert!(export_screen(&mut s).confirm.is_some());
    let fx = key(&mut s, KeyCode::Char('j'));
    perform(&mut s, fx);
    let h = History::load(&file).unwrap();
    assert_eq!(h.versions.len(), 2);
    assert_eq!(h.versions[1].effective_date.as_deref(), Some("2025-03-01"));
    assert_eq!(
        h.versions[1].changes,
        ["Nieuw: Klarna voor betalingen.", "Niet meer: PayPal."]
    );
}

/// tests/e2e/clients-tmux.sh against the built binary: `wizard --dir`, open a client from
/// the clients screen, export it, see its name in the recent list. Needs tmux, like
/// tests/wizard_e2e.rs (fails under CI without it, warns elsewhere).
#[test]
fn clients_in_tmux() {
    common::run_tmux_script("clients-tmux.sh", "het klantenoverzicht");
}
