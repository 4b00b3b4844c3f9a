//! Snapshots of every wizard screen at 80x24 and 160x48 (TestBackend + insta).
//! Fixed date, fixed fake paths: nothing here touches the disk.

mod common;

use std::path::PathBuf;

use common::wizard::{engine, key, opts, render, sec, typ};
use privacybeleid::engine::Section;
use privacybeleid::wizard::model::{Route, ScreenId};
use privacybeleid::wizard::screens::export::{Export, ExportRow};
use privacybeleid::wizard::screens::shop::Shop;
use privacybeleid::wizard::screens::start::{Item as StartItem, Start};
use privacybeleid::wizard::screens::{export, policy, review, shop, start};
use privacybeleid::wizard::state::{Msg, Options, State};
use privacybeleid::wizard::update::update;
use ratatui::crossterm::event::KeyCode;

fn set_start_cursor(s: &mut State, item: impl Fn(&StartItem) -> bool) {
    let st = s.get_mut::<Start>(start::ID).unwrap();
    st.cursor = st.items.iter().position(item).unwrap();
}

/// A new wizard with one recent file.
fn state() -> State<'static> {
    State::new(
        engine(),
        Options {
            recent: vec![PathBuf::from("/tmp/wizard-test/oud.toml")],
            ..opts(None)
        },
    )
}

/// A shop started from a preset with the required fields filled.
fn filled() -> State<'static> {
    let mut s = state();
    // Start screen: first preset.
    set_start_cursor(&mut s, |x| matches!(x, StartItem::Preset(_)));
    key(&mut s, KeyCode::Enter);
    typ(&mut s, "Zoë's Bloemen");
    key(&mut s, KeyCode::Enter);
    // On at the first empty field (operator), then down to the website.
    key(&mut s, KeyCode::Down);
    typ(&mut s, "https://www.zoesbloemen.nl");
    for _ in 0..7 {
        key(&mut s, KeyCode::Down);
    }
    typ(&mut s, "info@zoesbloemen.nl");
    for _ in 0..3 {
        key(&mut s, KeyCode::Down);
    }
    typ(&mut s, "Zoë de Vries");
    s.get_mut::<Shop>(shop::ID).unwrap().cursor = "name";
    s.sync();
    s.derived.changed.clear();
    s
}

/// Adds "Meer dan Online" with the defaults: "+ Eigen aanbieder toevoegen", the name (each
/// change is saved at once), then Esc closes the form.
fn add_own_provider(s: &mut State) {
    key(s, KeyCode::End);
    key(s, KeyCode::Enter);
    typ(s, "Meer dan Online");
    key(s, KeyCode::Esc);
}

fn goto(s: &mut State, step: ScreenId) {
    s.go_to_step(step);
    s.sync();
    s.derived.changed.clear();
}

fn both(name: &str, s: &mut State) {
    insta::assert_snapshot!(format!("{name}_80x24"), render(s, 80, 24));
    insta::assert_snapshot!(format!("{name}_160x48"), render(s, 160, 48));
}

#[test]
fn start_screen() {
    both("start", &mut state());
}

/// A new policy asks the shop's name first.
#[test]
fn start_screen_asks_the_name() {
    let mut s = state();
    key(&mut s, KeyCode::Enter);
    typ(&mut s, "Theehuis Lotus");
    let screen = render(&mut s, 80, 24);
    assert!(
        screen.contains("Naam van uw webwinkel: Theehuis Lotus"),
        "{screen}"
    );
    both("start_name", &mut s);
    key(&mut s, KeyCode::Enter);
    let screen = render(&mut s, 80, 24);
    assert!(
        screen.contains("privacybeleid — Theehuis Lotus — stap 1"),
        "{screen}"
    );
}

#[test]
fn start_screen_with_a_preset_highlighted() {
    let mut s = state();
    set_start_cursor(&mut s, |x| {
        *x == StartItem::Preset("woocommerce-mollie-postnl".into())
    });
    both("start_preset", &mut s);
    // What the preset ticks: whole at 160x48; at 80x24 the cut list ends with "…".
    let wide = render(&mut s, 160, 48);
    assert!(wide.contains("Deze preset kiest:"), "{wide}");
    assert!(wide.contains("· Verzending: PostNL"), "{wide}");
    let small = render(&mut s, 80, 24);
    assert!(small.contains("WebwinkelKeur …"), "{small}");
}

#[test]
fn shop_form_with_error() {
    let mut s = filled();
    s.get_mut::<Shop>(shop::ID).unwrap().cursor = "postcode";
    typ(&mut s, "12 AB");
    key(&mut s, KeyCode::Down);
    typ(&mut s, "Café 日本");
    both("shop_form", &mut s);
}

#[test]
fn provider_step() {
    let mut s = filled();
    goto(&mut s, sec(Section::Payments));
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Char(' '));
    both("providers", &mut s);
}

#[test]
fn provider_step_filtered_with_variant() {
    let mut s = filled();
    goto(&mut s, sec(Section::Reviews));
    typ(&mut s, "webwinkelk");
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Right);
    both("providers_variant", &mut s);
}

#[test]
fn provider_step_adding_custom() {
    let mut s = filled();
    goto(&mut s, sec(Section::Hosting));
    key(&mut s, KeyCode::End);
    key(&mut s, KeyCode::Enter);
    typ(&mut s, "Meer dan Online");
    both("providers_add", &mut s);
}

#[test]
fn provider_step_custom_added() {
    let mut s = filled();
    goto(&mut s, sec(Section::Hosting));
    add_own_provider(&mut s);
    both("providers_custom", &mut s);
}

/// Opens the own-provider form of the hosting step and types Wolkje Inc. in the United
/// States (leaving the country makes it a destination) with `link` to its privacy statement.
fn wolkje_in_the_us(s: &mut State, link: &str) {
    goto(s, sec(Section::Hosting));
    key(s, KeyCode::End);
    key(s, KeyCode::Enter);
    typ(s, "Wolkje");
    key(s, KeyCode::Down);
    typ(s, "Wolkje Inc.");
    key(s, KeyCode::Down);
    key(s, KeyCode::End);
    for _ in 0.."Nederland".len() {
        key(s, KeyCode::Backspace);
    }
    typ(s, "Verenigde Staten");
    key(s, KeyCode::Down);
    typ(s, link);
}

/// The line under the list for an own provider with its details.
#[test]
fn provider_step_custom_detail() {
    let mut s = filled();
    wolkje_in_the_us(&mut s, "https://wolkje.example/privacy");
    // The destination's safeguard is four rows down.
    for _ in 0..4 {
        key(&mut s, KeyCode::Down);
    }
    key(&mut s, KeyCode::Right);
    key(&mut s, KeyCode::Esc);
    // Off and on again: the "added" message gives way to the provider's details.
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Char(' '));
    s.derived.changed.clear();
    both("providers_custom_detail", &mut s);
}

/// The form with every row: an invalid link (the engine's message under it) and a
/// destination outside the EEA whose safeguard is still to be chosen.
#[test]
fn custom_provider_form() {
    let mut s = filled();
    wolkje_in_the_us(&mut s, "wolkje.example/privacy");
    key(&mut s, KeyCode::Down);
    both("custom_form", &mut s);
}

/// Editing an own provider: the form filled in with its details.
#[test]
fn custom_provider_form_editing() {
    let mut s = filled();
    goto(&mut s, sec(Section::Hosting));
    add_own_provider(&mut s);
    key(&mut s, KeyCode::Enter);
    both("custom_form_edit", &mut s);
}

#[test]
fn policy_options() {
    let mut s = filled();
    goto(&mut s, policy::ID);
    typ(&mut s, "7");
    both("policy", &mut s);
}

#[test]
fn review() {
    let mut s = state();
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Enter);
    goto(&mut s, review::ID);
    both("review", &mut s);
    // At 80 columns the rows are cut with "…", and the row under the cursor is whole.
    let screen = render(&mut s, 80, 24);
    assert!(screen.contains("de webwinkel in"), "{screen}");
    assert!(
        screen.lines().filter(|l| l.ends_with('…')).count() >= 3,
        "{screen}"
    );
    key(&mut s, KeyCode::Down);
    let screen = render(&mut s, 80, 24);
    assert!(!screen.contains("de webwinkel in"), "{screen}");
}

#[test]
fn export_refused_with_errors() {
    let mut s = state();
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Enter);
    goto(&mut s, export::ID);
    s.get_mut::<Export>(export::ID).unwrap().cursor = ExportRow::Button;
    key(&mut s, KeyCode::Enter);
    both("export_refused", &mut s);
}

#[test]
fn export_overwrite_question() {
    let mut s = filled();
    goto(&mut s, export::ID);
    update(
        &mut s,
        Msg::ExportExists(vec![PathBuf::from(
            "/tmp/wizard-test/zoes-bloemen-privacybeleid.md",
        )]),
    );
    both("export_confirm", &mut s);
    // A path too long for the line breaks after a `/`, not inside the file name; the list
    // of files below the button that does not fit ends with "…".
    let screen = render(&mut s, 80, 24);
    let files: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("/tmp/wizard-test") && !l.contains("Map:"))
        .collect();
    assert!(files.last().is_some_and(|l| l.ends_with(" …")), "{screen}");
    for line in files {
        let l = line.trim_end_matches(['│', ' ', '…']);
        assert!(
            l.ends_with('/') || l.ends_with(".md") || l.ends_with(".html"),
            "{line}\n{screen}"
        );
    }
}

#[test]
fn export_written() {
    let mut s = filled();
    goto(&mut s, export::ID);
    update(
        &mut s,
        Msg::Exported(Ok(vec![
            PathBuf::from("/tmp/wizard-test/zoes-bloemen-privacybeleid.md"),
            PathBuf::from("/tmp/wizard-test/zoes-bloemen-privacybeleid.html"),
        ])),
    );
    both("export_written", &mut s);
}

/// The cookie statement and banner beside the policy; at 80x24 the rows scroll with the
/// cursor and say how many are out of view.
#[test]
fn export_cookie_documents() {
    let mut s = filled();
    goto(&mut s, export::ID);
    // Up from the button: the folder, then the last rows.
    for _ in 0..5 {
        key(&mut s, KeyCode::Up);
    }
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Up);
    key(&mut s, KeyCode::Char(' '));
    both("export_cookie_documents", &mut s);
}

/// Language English: the tone does not apply (80x24: the form alone, without the preview).
#[test]
fn policy_in_english() {
    let mut s = filled();
    goto(&mut s, policy::ID);
    for _ in 0..4 {
        key(&mut s, KeyCode::Down);
    }
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Down);
    // Asserted, not snapshot: the status line's counts depend on the engine's checks.
    for (w, h) in [(80, 24), (160, 48)] {
        let screen = render(&mut s, w, h);
        assert!(
            screen.contains("Taal                   ‹ English ›"),
            "{screen}"
        );
        assert!(
            screen.contains("›Aanspreekvorm          niet van toepassing (Engels)"),
            "{screen}"
        );
        assert!(screen.contains("Spreekt u klanten aan"), "{screen}");
    }
}

#[test]
fn help_overlay() {
    let mut s = filled();
    goto(&mut s, sec(Section::Shipping));
    update(&mut s, Msg::Help);
    both("help", &mut s);
}

#[test]
fn full_preview() {
    let mut s = filled();
    goto(&mut s, sec(Section::Payments));
    update(&mut s, Msg::TogglePreview);
    both("preview_full", &mut s);
}

#[test]
fn sidebar_focus() {
    let mut s = filled();
    goto(&mut s, sec(Section::Cookies));
    key(&mut s, KeyCode::Tab);
    key(&mut s, KeyCode::Up);
    both("sidebar", &mut s);
}

#[test]
fn too_small() {
    let mut s = filled();
    insta::assert_snapshot!("too_small_40x10", render(&mut s, 40, 10));
    insta::assert_snapshot!("too_small_10x1", render(&mut s, 10, 1));
    render(&mut s, 1, 1);
}

/// Every step, with and without overlays, at sizes around the minimum and the preview
/// threshold: nothing may panic or draw outside the frame.
#[test]
fn every_step_at_edge_sizes() {
    let sizes = [
        (60, 19),
        (61, 20),
        (79, 23),
        (80, 24),
        (119, 30),
        (120, 30),
        (200, 60),
        (59, 19),
        (60, 18),
        (2, 2),
        (1, 1),
    ];
    let mut s = filled();
    let steps: Vec<ScreenId> = s.model.steps.iter().map(|x| x.id).collect();
    for step in steps {
        goto(&mut s, step);
        for (w, h) in sizes {
            render(&mut s, w, h);
            update(&mut s, Msg::Help);
            render(&mut s, w, h);
            update(&mut s, Msg::Help);
            update(&mut s, Msg::TogglePreview);
            render(&mut s, w, h);
            update(&mut s, Msg::TogglePreview);
        }
    }
    goto(&mut s, export::ID);
    update(
        &mut s,
        Msg::ExportExists(
            (0..30)
                .map(|i| PathBuf::from(format!("/x/{i}.md")))
                .collect(),
        ),
    );
    for (w, h) in sizes {
        render(&mut s, w, h);
    }
    goto(&mut s, sec(Section::Hosting));
    key(&mut s, KeyCode::End);
    key(&mut s, KeyCode::Enter);
    for (w, h) in sizes {
        render(&mut s, w, h);
    }
    // The own-provider form with every row and a message, and its help.
    typ(&mut s, "Wolkje met een heel lange naam die niet past");
    for _ in 0..3 {
        key(&mut s, KeyCode::Down);
    }
    typ(&mut s, "geen adres");
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Down);
    for (w, h) in sizes {
        render(&mut s, w, h);
        update(&mut s, Msg::Help);
        render(&mut s, w, h);
        update(&mut s, Msg::Help);
    }
    s.model.route = Route::Page(start::ID);
    for (w, h) in sizes {
        render(&mut s, w, h);
    }
}

#[test]
fn the_sidebar_scrolls_to_the_current_step_in_a_small_window() {
    let mut s = filled();
    goto(&mut s, export::ID);
    let screen = render(&mut s, 60, 19);
    assert!(
        screen.contains("▶✓ Exporteren")
            || screen.contains("▶· Exporteren")
            || screen.contains("▶! Exporteren")
            || screen.contains("▶✗ Exporteren"),
        "{screen}"
    );
    // A click on the row that shows a step opens that step, also when the list is scrolled.
    let row = screen
        .lines()
        .position(|l| l.contains("Controle"))
        .expect("Controle visible") as u16;
    update(&mut s, Msg::Click { column: 3, row });
    assert_eq!(s.model.current(), review::ID);
    goto(&mut s, shop::ID);
    let screen = render(&mut s, 60, 19);
    assert!(
        screen.contains("▶") && screen.contains("Gegevens webwinkel"),
        "{screen}"
    );
}

/// Google Analytics is one row and one question: ticking it asks whether it is set up as the
/// AP describes (with the conditions), the answer picks the catalog entry, ←/→ changes it.
#[test]
fn one_question_for_google_analytics() {
    let mut s = filled();
    goto(&mut s, sec(Section::Cookies));
    let screen = render(&mut s, 160, 48);
    // One row in the list (the box below repeats the row under the cursor).
    assert_eq!(
        screen.matches("] Google Analytics").count(),
        2,
        "one row: {screen}"
    );
    assert!(!screen.contains("gedeeld met Google"), "{screen}");
    let chosen = |s: &State| s.model.selected(Section::Cookies);
    // Off (the first preset ticks it), then on again: the question.
    assert!(chosen(&s).contains(&"google-analytics".to_string()));
    typ(&mut s, "analytics");
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Esc);
    assert!(!chosen(&s).iter().any(|x| x.starts_with("google-analytics")));
    typ(&mut s, "analytics");
    key(&mut s, KeyCode::Enter);
    assert!(!chosen(&s).iter().any(|x| x.starts_with("google-analytics")));
    let screen = render(&mut s, 80, 24);
    assert!(screen.contains("Autoriteit"), "{screen}");
    assert!(screen.contains("verwerkersvoorwaarden"), "{screen}");
    assert!(screen.contains("j ja"), "{screen}");
    both("providers_setup_question", &mut s);
    typ(&mut s, "n");
    assert!(chosen(&s).contains(&"google-analytics-shared".to_string()));
    key(&mut s, KeyCode::Right);
    assert!(chosen(&s).contains(&"google-analytics".to_string()));
    assert!(!chosen(&s).contains(&"google-analytics-shared".to_string()));
    let screen = render(&mut s, 160, 48);
    assert!(screen.contains("Uw antwoord: ja"), "{screen}");
    // Space on the row takes it off, whichever answer was given.
    key(&mut s, KeyCode::Char(' '));
    assert!(!chosen(&s).iter().any(|x| x.starts_with("google-analytics")));
}

/// Long text in the provider step never stops without a sign: the "Gekozen" line and the
/// box end with "…" when cut, and the box repeats the whole row under the cursor.
#[test]
fn provider_box_marks_what_it_cuts() {
    let mut s = filled();
    goto(&mut s, sec(Section::Cookies));
    for name in [
        "meta",
        "hotjar",
        "tiktok",
        "pinterest",
        "linkedin",
        "clarity",
        "criteo",
    ] {
        typ(&mut s, name);
        key(&mut s, KeyCode::Enter);
    }
    let screen = render(&mut s, 80, 24);
    let chosen: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("Gekozen (") || l.ends_with('…'))
        .collect();
    assert!(!chosen.is_empty(), "{screen}");
    assert!(screen.contains('…'), "something is cut at 80x24: {screen}");
    both("providers_many_chosen", &mut s);
    // The variant hint: a review platform with variants says ←/→ before it is chosen.
    goto(&mut s, sec(Section::Reviews));
    typ(&mut s, "webwinkelk");
    let screen = render(&mut s, 160, 48);
    assert!(screen.contains("Varianten (na kiezen met ←/→)"), "{screen}");
}

/// The accounting step offers accounting packages, not mail and office software.
#[test]
fn accounting_offers_no_office_software() {
    let mut s = filled();
    goto(&mut s, sec(Section::Accounting));
    typ(&mut s, "microsoft");
    let screen = render(&mut s, 160, 48);
    assert!(!screen.contains("Microsoft 365"), "{screen}");
}
