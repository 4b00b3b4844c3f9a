//! Update logic without a terminal: toggling, validation, navigation, custom providers,
//! the export overwrite question, persistence of the current step.

mod common;

use std::path::PathBuf;

use common::wizard::{engine, items, key, new_policy, opts, prov, prov_mut, render, sec, typ, zoe};
use privacybeleid::engine::{Answers, Section};
use privacybeleid::wizard::input::translate;
use privacybeleid::wizard::model::{Focus, ScreenId};
use privacybeleid::wizard::screens::export::{Export, ExportRow};
use privacybeleid::wizard::screens::providers::Item as ProviderItem;
use privacybeleid::wizard::screens::review::Review;
use privacybeleid::wizard::screens::shop::Shop;
use privacybeleid::wizard::screens::start::{Item as StartItem, Start};
use privacybeleid::wizard::screens::{export, policy, review, shop, start};
use privacybeleid::wizard::state::{Effect, Msg, Overlay, State};
use privacybeleid::wizard::update::update;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn shop_form<'a>(s: &'a State) -> &'a Shop {
    s.get::<Shop>(shop::ID).unwrap()
}

fn export_mut<'a>(s: &'a mut State<'static>) -> &'a mut Export {
    s.get_mut::<Export>(export::ID).unwrap()
}

fn export_of<'a>(s: &'a State) -> &'a Export {
    s.get::<Export>(export::ID).unwrap()
}

fn goto(s: &mut State, step: ScreenId) {
    s.go_to_step(step);
}

/// What the run loop would write for a save effect.
fn saved_text(s: &State, fx: &[Effect]) -> Option<String> {
    fx.contains(&Effect::Save)
        .then(|| s.model.answers.to_toml_string())
}

#[test]
fn new_policy_starts_at_the_shop_form_with_todays_date() {
    let s = new_policy();
    assert!(s.model.in_wizard());
    assert_eq!(s.model.current(), shop::ID);
    assert_eq!(
        s.model.answers.shop.effective_date.as_deref(),
        Some("2025-01-15")
    );
}

#[test]
fn preset_from_the_start_screen() {
    let mut s = State::new(engine(), opts(None));
    let i = s
        .get::<Start>(start::ID)
        .unwrap()
        .items
        .iter()
        .position(|x| *x == StartItem::Preset("starter-minimaal".into()))
        .unwrap();
    s.get_mut::<Start>(start::ID).unwrap().cursor = i;
    // The name is asked first; the file and the title carry it.
    assert!(key(&mut s, KeyCode::Enter).is_empty());
    assert!(!s.model.in_wizard());
    typ(&mut s, "Theehuis Lotus");
    let fx = key(&mut s, KeyCode::Enter);
    assert_eq!(s.model.answers.shop.name.as_deref(), Some("Theehuis Lotus"));
    // The shop form goes on at the first empty field.
    assert_eq!(shop_form(&s).cursor, "operator");
    assert_eq!(s.model.answers.preset.as_deref(), Some("starter-minimaal"));
    assert!(saved_text(&s, &fx).unwrap().contains("starter-minimaal"));
    // The preset's providers show as chosen.
    assert_eq!(s.model.selected(Section::Payments), ["mollie"]);
}

#[test]
fn typing_saves_and_validation_waits_until_leaving_the_field() {
    let mut s = new_policy();
    s.get_mut::<Shop>(shop::ID).unwrap().cursor = "email";
    let before = s.model.answers.clone();
    typ(&mut s, "info@");
    assert_ne!(s.model.answers, before);
    assert_eq!(s.model.answers.shop.email.as_deref(), Some("info@"));
    assert!(shop_form(&s).errors.is_empty(), "no message while typing");
    key(&mut s, KeyCode::Down);
    assert!(shop_form(&s).errors["email"].contains("geen geldig e-mailadres"));
    key(&mut s, KeyCode::Up);
    typ(&mut s, "x.nl");
    assert!(
        !shop_form(&s).errors.contains_key("email"),
        "fixed value clears at once"
    );
}

#[test]
fn required_fields_are_reported_when_left_empty() {
    let mut s = new_policy();
    assert_eq!(shop_form(&s).cursor, "name");
    key(&mut s, KeyCode::Down);
    assert_eq!(shop_form(&s).errors["name"], "verplicht veld: vul dit in");
    key(&mut s, KeyCode::Down); // operator is optional
    assert!(!shop_form(&s).errors.contains_key("operator"));
}

#[test]
fn paste_goes_into_the_field() {
    let mut s = new_policy();
    let fx = update(&mut s, Msg::Paste("Café\nZoë 日本".into()));
    assert_eq!(s.model.answers.shop.name.as_deref(), Some("Café Zoë 日本"));
    assert!(saved_text(&s, &fx).is_some());
}

#[test]
fn toggle_provider_and_next_step() {
    let mut s = new_policy();
    goto(&mut s, sec(Section::Payments));
    key(&mut s, KeyCode::Char(' ')); // first common: mollie
    assert_eq!(s.model.answers.providers.get(Section::Payments), ["mollie"]);
    key(&mut s, KeyCode::Char(' '));
    assert!(s.model.answers.providers.get(Section::Payments).is_empty());
    assert!(s.model.answers.providers.is_answered(Section::Payments));
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.model.current(), sec(Section::Reviews));
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.model.current(), sec(Section::Payments));
}

#[test]
fn common_providers_come_first_then_alphabetical() {
    let mut s = new_policy();
    goto(&mut s, sec(Section::Payments));
    let items = items(&s);
    let info = engine().section_info(Section::Payments);
    for (i, id) in info.common.iter().enumerate() {
        assert_eq!(items[i], ProviderItem::Provider(id.clone()));
    }
    assert_eq!(*items.last().unwrap(), ProviderItem::AddCustom);
}

#[test]
fn toggling_a_preset_section_copies_the_preset_first() {
    let mut a = Answers {
        preset: Some("starter-minimaal".into()),
        ..Default::default()
    };
    a.shop.name = Some("X".into());
    let mut s = State::new(engine(), opts(Some(a)));
    goto(&mut s, sec(Section::Payments));
    prov_mut(&mut s).cursor = 1; // multisafepay
    key(&mut s, KeyCode::Char(' '));
    assert_eq!(
        s.model.answers.providers.get(Section::Payments),
        ["mollie", "multisafepay"]
    );
}

#[test]
fn filter_narrows_the_list_and_esc_clears_it() {
    let mut s = new_policy();
    goto(&mut s, sec(Section::Shipping));
    typ(&mut s, "postn");
    let items = items(&s);
    assert_eq!(items.len(), 2, "{items:?}");
    key(&mut s, KeyCode::Esc);
    assert!(prov(&s).filter.is_empty());
    assert_eq!(s.model.current(), sec(Section::Shipping));
}

#[test]
fn variants_cycle_for_a_selected_provider() {
    let mut s = new_policy();
    goto(&mut s, sec(Section::Reviews));
    typ(&mut s, "webwinkelkeur");
    key(&mut s, KeyCode::Right);
    assert!(s.model.answers.variants.is_empty(), "not selected yet");
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Right);
    assert_eq!(s.model.answers.variants["webwinkelkeur"], "naam");
    key(&mut s, KeyCode::Right);
    assert_eq!(
        s.model.answers.variants["webwinkelkeur"],
        "naam-en-woonplaats"
    );
    key(&mut s, KeyCode::Right);
    assert!(!s.model.answers.variants.contains_key("webwinkelkeur"));
    key(&mut s, KeyCode::Left);
    key(&mut s, KeyCode::Char(' '));
    assert!(
        s.model.answers.variants.is_empty(),
        "deselecting drops the variant"
    );
}

#[test]
fn sidebar_navigation_and_step_is_saved() {
    let mut s = new_policy();
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.model.focus, Focus::Main, "Tab walks the form first");
    assert_eq!(shop_form(&s).cursor, "operator");
    key(&mut s, KeyCode::BackTab);
    key(&mut s, KeyCode::BackTab);
    assert_eq!(s.model.focus, Focus::Sidebar);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    let fx = key(&mut s, KeyCode::Enter);
    assert_eq!(s.model.current(), sec(Section::Hosting));
    assert_eq!(s.model.focus, Focus::Main);
    assert!(saved_text(&s, &fx).unwrap().contains("step = \"hosting\""));
    // Reopening resumes there.
    let again = State::new(engine(), opts(Some(s.model.answers.clone())));
    assert_eq!(again.model.current(), sec(Section::Hosting));
}

#[test]
fn click_in_the_sidebar_jumps() {
    let mut s = new_policy();
    s.model.size = (80, 24);
    // Row 1 is the sidebar border; row 2 + i is step i.
    update(
        &mut s,
        Msg::Click {
            column: 5,
            row: 2 + 7,
        },
    );
    assert_eq!(s.model.current(), sec(Section::Payments));
}

/// A click in a scrolled list is on the row drawn where it clicks.
#[test]
fn a_click_in_a_scrolled_list_hits_the_row_shown_there() {
    let mut s = new_policy();
    goto(&mut s, sec(Section::Payments));
    key(&mut s, KeyCode::End);
    let screen = render(&mut s, 80, 24);
    let row = screen.lines().position(|l| l.contains("Tikkie")).unwrap();
    assert!(
        !screen.contains("Mollie"),
        "the list is scrolled:\n{screen}"
    );
    update(
        &mut s,
        Msg::Click {
            column: 40,
            row: row as u16,
        },
    );
    assert_eq!(
        items(&s)[prov(&s).cursor],
        ProviderItem::Provider("tikkie".into())
    );
    assert_eq!(s.model.answers.providers.get(Section::Payments), ["tikkie"]);

    // Controle: a click on a finding goes to the step it is about.
    goto(&mut s, review::ID);
    s.sync();
    let screen = render(&mut s, 80, 24);
    let row = screen
        .lines()
        .position(|l| l.contains("Gegevens webwinkel:"))
        .unwrap();
    update(
        &mut s,
        Msg::Click {
            column: 40,
            row: row as u16,
        },
    );
    assert_eq!(s.model.current(), shop::ID);
}

#[test]
fn review_right_jumps_to_the_field_and_enter_goes_on_to_export() {
    let mut s = new_policy();
    s.sync();
    goto(&mut s, review::ID);
    let i = s
        .derived
        .diags
        .iter()
        .position(|d| d.field == "shop.email")
        .unwrap();
    s.get_mut::<Review>(review::ID).unwrap().cursor = i;
    key(&mut s, KeyCode::Right);
    assert_eq!(s.model.current(), shop::ID);
    assert_eq!(shop_form(&s).cursor, "email");
    // Enter on Controle goes on to Exporteren, also with findings (errors here).
    goto(&mut s, review::ID);
    assert!(!s.derived.diags.is_empty());
    s.get_mut::<Review>(review::ID).unwrap().cursor = i;
    let fx = key(&mut s, KeyCode::Enter);
    assert_eq!(s.model.current(), export::ID);
    assert!(fx.contains(&Effect::Save));
}

fn filled() -> State<'static> {
    let mut s = State::new(engine(), opts(Some(zoe("starter-minimaal"))));
    s.sync();
    s
}

#[test]
fn export_refused_while_there_are_errors() {
    let mut s = new_policy();
    s.sync();
    update(&mut s, Msg::OpenExport);
    assert_eq!(s.model.current(), export::ID);
    export_mut(&mut s).cursor = ExportRow::Button;
    let fx = key(&mut s, KeyCode::Enter);
    assert!(fx.iter().all(|e| !matches!(e, Effect::Export { .. })));
    assert!(export_of(&s)
        .errors
        .iter()
        .any(|e| e.starts_with("Gegevens webwinkel: ") && !e.contains("shop.")));
}

#[test]
fn export_asks_before_overwriting() {
    // The export folder exists (a missing one is asked about first; see tests/consult_wizard.rs).
    std::fs::create_dir_all("/tmp/wizard-test").unwrap();
    let mut s = filled();
    update(&mut s, Msg::OpenExport);
    export_mut(&mut s).cursor = ExportRow::Button;
    let fx = key(&mut s, KeyCode::Enter);
    let Some(Effect::Export { files, overwrite }) = fx.last() else {
        panic!("{fx:?}")
    };
    assert!(!overwrite);
    let names: Vec<String> = files
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "zoes-bloemen-privacybeleid.md",
            "zoes-bloemen-privacybeleid.fragment.html"
        ]
    );
    assert_eq!(
        files[0].0.parent().unwrap(),
        PathBuf::from("/tmp/wizard-test")
    );
    // The run loop finds an existing file: the question opens.
    update(&mut s, Msg::ExportExists(vec![files[0].0.clone()]));
    assert!(export_of(&s).confirm.is_some());
    // "n" keeps the files.
    let fx = key(&mut s, KeyCode::Char('n'));
    assert!(fx.is_empty());
    assert!(export_of(&s).confirm.is_none());
    // Again, now "j" overwrites.
    key(&mut s, KeyCode::Enter);
    update(&mut s, Msg::ExportExists(vec![files[0].0.clone()]));
    let fx = key(&mut s, KeyCode::Char('j'));
    assert!(matches!(
        fx.last(),
        Some(Effect::Export {
            overwrite: true,
            ..
        })
    ));
    update(&mut s, Msg::Exported(Ok(vec![files[0].0.clone()])));
    assert_eq!(export_of(&s).written.len(), 1);
}

#[test]
fn global_keys() {
    let ctrl = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    assert_eq!(translate(ctrl('c'), false), Some(Msg::Quit));
    assert_eq!(translate(ctrl('q'), true), Some(Msg::Quit));
    assert_eq!(translate(ctrl('s'), true), Some(Msg::OpenExport));
    let q = Event::Key(KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
    assert_eq!(translate(q.clone(), false), Some(Msg::Help));
    assert!(matches!(translate(q, true), Some(Msg::Key(_))));
    let mut s = filled();
    update(&mut s, Msg::Help);
    assert_eq!(s.overlay, Some(Overlay::Help));
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.overlay, None);
    let fx = update(&mut s, Msg::Quit);
    assert_eq!(fx, [Effect::Quit]);
    assert!(s.model.quit);
}

#[test]
fn change_marks_the_changed_blocks_and_scrolls_there() {
    let mut s = filled();
    goto(&mut s, sec(Section::Payments));
    s.sync();
    prov_mut(&mut s).cursor = 1;
    key(&mut s, KeyCode::Char(' '));
    s.sync();
    assert!(!s.derived.changed.is_empty());
    let first = s.derived.changed[0];
    assert_eq!(s.derived.block, first);
    assert!(s.derived.doc.blocks[first..]
        .iter()
        .any(|b| b.plain().contains("MultiSafepay")));
    assert_eq!(
        s.derived.doc.blocks[first].anchor.as_deref(),
        Some("payments")
    );
}

#[test]
fn policy_options() {
    let mut s = filled();
    goto(&mut s, policy::ID);
    typ(&mut s, "7");
    assert_eq!(s.model.answers.policy.retention_max_years, Some(7));
    typ(&mut s, "7");
    assert!(s.get::<policy::Policy>(policy::ID).unwrap().error.is_some());
    assert_eq!(s.model.answers.policy.retention_max_years, Some(7));
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Char(' '));
    assert_eq!(s.model.answers.policy.customer_accounts, Some(true));
    key(&mut s, KeyCode::Down);
    typ(&mut s, "J. Jansen");
    assert_eq!(s.model.answers.policy.dpo.as_deref(), Some("J. Jansen"));
}

/// Contact form, language and tone: each choice is in the answers (and saved) at once, and
/// the preview is rebuilt in the chosen voice.
#[test]
fn policy_contact_form_language_and_tone_are_saved_at_once() {
    let mut s = filled();
    goto(&mut s, policy::ID);
    for _ in 0..3 {
        key(&mut s, KeyCode::Down);
    }
    let fx = key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.model.answers.policy.contact_form, Some(true));
    assert!(saved_text(&s, &fx).unwrap().contains("contact_form = true"));
    let fx = key(&mut s, KeyCode::Char(' '));
    assert_eq!(s.model.answers.policy.contact_form, Some(false));
    assert!(fx.contains(&Effect::Save));
    // Tone first, while the language is Dutch.
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    let fx = key(&mut s, KeyCode::Char(' '));
    assert_eq!(s.model.answers.policy.tone.as_deref(), Some("je"));
    assert!(saved_text(&s, &fx).unwrap().contains("tone = \"je\""));
    // The preview is the engine's policy for the answers as they are now (in their voice).
    let follows = |s: &mut State| {
        s.sync();
        let want = engine().document(&s.model.answers).unwrap().plain_text();
        assert_eq!(s.derived.doc.plain_text(), want, "the preview follows");
    };
    follows(&mut s);
    assert!(
        s.derived.doc.plain_text().contains(" je "),
        "the preview says je"
    );
    // Then English: the tone no longer applies and does not change.
    key(&mut s, KeyCode::Up);
    let fx = key(&mut s, KeyCode::Right);
    assert_eq!(s.model.answers.policy.language.as_deref(), Some("en"));
    assert!(saved_text(&s, &fx).unwrap().contains("language = \"en\""));
    assert!(
        s.derived.doc.plain_text().starts_with("Privacy"),
        "the preview is English: {}",
        &s.derived.doc.plain_text()[..80]
    );
    key(&mut s, KeyCode::Down);
    assert!(key(&mut s, KeyCode::Char(' ')).is_empty());
    assert_eq!(s.model.answers.policy.tone.as_deref(), Some("je"));
    follows(&mut s);
    // Back to Dutch.
    key(&mut s, KeyCode::Up);
    key(&mut s, KeyCode::Left);
    assert_eq!(s.model.answers.policy.language.as_deref(), Some("nl"));
}

#[test]
fn a_step_without_its_part_in_the_policy_shows_the_closest_part_before_it() {
    let mut s = filled(); // starter-minimaal: no sales channels, no reviews
    s.sync();
    goto(&mut s, sec(Section::SalesChannels));
    let b = &s.derived.doc.blocks[s.derived.block];
    assert_eq!(b.id.as_deref(), Some("shipping"), "{b:?}");
    goto(&mut s, sec(Section::Payments));
    assert_eq!(
        s.derived.doc.blocks[s.derived.block].id.as_deref(),
        Some("payments")
    );
    goto(&mut s, sec(Section::Newsletter));
    assert_eq!(
        s.derived.doc.blocks[s.derived.block].id.as_deref(),
        Some("email")
    );
}

#[test]
fn enter_after_a_search_picks_the_provider() {
    let mut s = new_policy();
    goto(&mut s, sec(Section::Shipping));
    typ(&mut s, "sendc");
    key(&mut s, KeyCode::Enter);
    assert_eq!(
        s.model.answers.providers.get(Section::Shipping),
        ["sendcloud"]
    );
    assert!(prov(&s).filter.is_empty());
    assert_eq!(s.model.current(), sec(Section::Shipping));
    // Without a search, Enter goes on.
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.model.current(), sec(Section::Accounting));
}

#[test]
fn click_on_a_field_moves_there_and_puts_the_cursor_under_the_mouse() {
    let mut s = new_policy();
    s.model.size = (80, 24);
    s.model.answers.shop.set("city", "Den Haag");
    s.reload();
    // Main pane starts at column 26; fields start two rows down, labels take 20 columns.
    // city is field 6 → row 1 + 2 + 6 = 9; the input starts at column 26 + 1 + 20 = 47.
    update(
        &mut s,
        Msg::Click {
            column: 47 + 4,
            row: 9,
        },
    );
    assert_eq!(shop_form(&s).cursor, "city");
    assert_eq!(shop_form(&s).inputs[6].cursor(), 4);
    typ(&mut s, "X");
    assert_eq!(s.model.answers.shop.city.as_deref(), Some("Den XHaag"));
}

/// Fields put what they can fix in its normal form when the user leaves them, and save it.
#[test]
fn fields_fix_what_they_can() {
    let mut s = new_policy();
    s.get_mut::<Shop>(shop::ID).unwrap().cursor = "website";
    typ(&mut s, "www.theehuislotus.nl");
    assert_eq!(
        s.model.answers.shop.website.as_deref(),
        Some("www.theehuislotus.nl"),
        "stored as typed while typing"
    );
    let fx = key(&mut s, KeyCode::Down);
    assert!(fx.contains(&Effect::Save));
    assert_eq!(
        s.model.answers.shop.website.as_deref(),
        Some("https://www.theehuislotus.nl")
    );
    assert!(!shop_form(&s).errors.contains_key("website"));
    assert!(shop_form(&s).notes["website"].contains("https://www.theehuislotus.nl"));
    s.get_mut::<Shop>(shop::ID).unwrap().cursor = "postcode";
    typ(&mut s, "3511ab");
    let fx = key(&mut s, KeyCode::Tab);
    assert!(fx.contains(&Effect::Save));
    assert_eq!(s.model.answers.shop.postcode.as_deref(), Some("3511 AB"));
    assert_eq!(shop_form(&s).inputs[5].value(), "3511 AB");
    // What cannot be fixed keeps its message.
    s.get_mut::<Shop>(shop::ID).unwrap().cursor = "postcode";
    for _ in 0..7 {
        key(&mut s, KeyCode::Backspace);
    }
    typ(&mut s, "35");
    key(&mut s, KeyCode::Down);
    assert!(shop_form(&s).errors["postcode"].contains("geen geldige postcode"));
}
