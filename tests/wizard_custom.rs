//! The own-provider form: it asks the engine for every rule (choices, defaults, messages),
//! writes each change into the answers at once, and rejects exactly what `check` rejects.

mod common;

use std::collections::BTreeSet;

use common::wizard::{engine, items, key, new_policy, opts, prov, prov_mut, sec};
use privacybeleid::engine::catalog::{Role, Safeguard};
use privacybeleid::engine::validate::{self, Severity};
use privacybeleid::engine::{Answers, Section};
use privacybeleid::wizard::screens::custom_provider::{CustomField, CustomForm};
use privacybeleid::wizard::screens::providers::Item as ProviderItem;
use privacybeleid::wizard::state::{Effect, Msg, State};
use privacybeleid::wizard::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn the_form<'a>(s: &'a State) -> &'a CustomForm {
    prov(s).form.as_ref().unwrap()
}

/// The example shop with extra answers, opened in the wizard.
fn opened(extra: &str) -> State<'static> {
    let a = Answers::from_toml_str(extra)
        .unwrap()
        .layered_over(engine().example_shop());
    State::new(engine(), opts(Some(a)))
}

/// Types text; asserts that each key that changed the answers asked for a save.
fn typ(s: &mut State, text: &str) {
    for c in text.chars() {
        let before = s.model.answers.clone();
        let fx = key(s, KeyCode::Char(c));
        assert_eq!(
            fx.contains(&Effect::Save),
            s.model.answers != before,
            "key {c:?}: a change must be saved at once, and only a change"
        );
    }
}

fn erase(s: &mut State, n: usize) {
    key(s, KeyCode::End);
    for _ in 0..n {
        key(s, KeyCode::Backspace);
    }
}

/// Moves the cursor down (or up) to a field.
fn to(s: &mut State, f: CustomField) {
    for _ in 0..40 {
        let cur = the_form(s).cursor;
        if cur == f {
            return;
        }
        let fields = the_form(s).fields(&s.model, prov(s).section);
        let (i, j) = (
            fields.iter().position(|x| *x == cur).unwrap(),
            fields.iter().position(|x| *x == f).unwrap(),
        );
        key(s, if j > i { KeyCode::Down } else { KeyCode::Up });
    }
    panic!("field {f:?} not reached");
}

/// Opens the add form on a step from its "+ Eigen" row.
fn open_add_form(s: &mut State, x: Section) {
    s.go_to_step(sec(x));
    key(s, KeyCode::End);
    key(s, KeyCode::Enter);
    assert!(prov(s).form.is_some());
}

fn plain(s: &State) -> String {
    engine()
        .document(&s.model.answers)
        .unwrap()
        .blocks
        .iter()
        .map(|b| b.plain())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The engine's error messages about the first own provider.
fn engine_errors(a: &Answers) -> BTreeSet<String> {
    engine()
        .check(a)
        .into_iter()
        .filter(|d| d.severity == Severity::Error && d.field.starts_with("custom_provider[0]"))
        .map(|d| d.message)
        .collect()
}

fn form_errors(s: &State) -> BTreeSet<String> {
    the_form(s).errors.values().cloned().collect()
}

#[test]
fn adding_writes_at_once_with_the_engines_defaults() {
    let mut s = new_policy();
    s.go_to_step(sec(Section::Hosting));
    typ(&mut s, "Meer dan");
    // No match: the list holds only the "add" item, so Enter opens the form with the text.
    key(&mut s, KeyCode::Enter);
    let form = the_form(&s);
    assert_eq!(form.name.value(), "Meer dan");
    assert_eq!(form.cursor, CustomField::Name);
    assert!(s.model.answers.custom_providers.is_empty());
    // The first letter writes it, chosen in this step; its id follows the name.
    typ(&mut s, " Online");
    let c = &s.model.answers.custom_providers[0];
    assert_eq!(c.id, "meer-dan-online");
    assert_eq!(c.name, "Meer dan Online");
    assert_eq!(c.sections, ["hosting"]);
    // Defaults stay out of the file: the engine fills them in.
    assert_eq!(
        (&c.company, &c.country, &c.privacy_url, &c.role, &c.data),
        (&None, &None, &None, &None, &None)
    );
    assert!(c.transfers.is_empty() && c.outside_eea.is_none());
    assert_eq!(
        s.model.answers.providers.get(Section::Hosting),
        ["meer-dan-online"]
    );
    assert!(engine()
        .check(&s.model.answers)
        .iter()
        .all(|d| !d.field.starts_with("custom_provider")));
    // Hosting: a processor, so the agreement rows show; no joint rows.
    let fields = the_form(&s).fields(&s.model, Section::Hosting);
    assert!(fields.contains(&CustomField::Agreement));
    assert!(!fields.contains(&CustomField::JointCovers));
    // Esc closes; everything is in the answers already.
    key(&mut s, KeyCode::Esc);
    assert!(prov(&s).form.is_none());
    assert_eq!(
        items(&s)[prov(&s).cursor],
        ProviderItem::Provider("meer-dan-online".into())
    );
    assert!(prov(&s).message.as_ref().unwrap().0.contains("toegevoegd"));
    let p = s.model.provider("meer-dan-online").unwrap();
    assert_eq!(p.role_in(Section::Hosting), Role::Processor);
}

#[test]
fn a_carrier_is_its_own_controller_unless_told_otherwise() {
    let mut s = new_policy();
    open_add_form(&mut s, Section::Shipping);
    typ(&mut s, "Koeriers Jansen");
    // Shipping has no processor agreement rows: the engine's default role is controller.
    let fields = the_form(&s).fields(&s.model, Section::Shipping);
    assert!(!fields.contains(&CustomField::Agreement));
    assert_eq!(
        s.model
            .provider("koeriers-jansen")
            .unwrap()
            .role_in(Section::Shipping),
        engine().catalog().section_default(Section::Shipping).0
    );
    assert_eq!(
        engine().catalog().section_default(Section::Shipping).0,
        Role::Controller
    );
    assert!(plain(&s).contains("Koeriers Jansen is voor deze verwerking zelf verantwoordelijk"));
    // The role cycles through the engine's roles, starting from "as usual here".
    to(&mut s, CustomField::Role);
    let mut seen = vec![the_form(&s).role];
    for _ in 0..Role::ALL.len() {
        let fx = key(&mut s, KeyCode::Char(' '));
        assert!(fx.contains(&Effect::Save));
        seen.push(the_form(&s).role);
    }
    assert_eq!(
        seen,
        [
            None,
            Some(Role::Processor),
            Some(Role::Controller),
            Some(Role::JointController)
        ]
    );
    // A joint controller needs what is decided together: the engine's message says so.
    assert!(the_form(&s)
        .fields(&s.model, Section::Shipping)
        .contains(&CustomField::JointCovers));
    to(&mut s, CustomField::JointCovers);
    to(&mut s, CustomField::Data);
    let msg = &the_form(&s).errors[&CustomField::JointCovers];
    assert!(msg.contains("verplicht bij joint_controller"), "{msg}");
    to(&mut s, CustomField::JointCovers);
    typ(&mut s, "het volgen van zendingen");
    assert!(the_form(&s).errors.is_empty(), "{:?}", the_form(&s).errors);
    let c = &s.model.answers.custom_providers[0];
    assert_eq!(c.activities[0].role.as_deref(), Some("joint_controller"));
    assert!(engine_errors(&s.model.answers).is_empty());
    assert!(plain(&s).contains("Voor het volgen van zendingen zijn wij samen met"));
}

#[test]
fn details_transfers_and_bcr_are_written_and_rendered() {
    let mut s = new_policy();
    open_add_form(&mut s, Section::Hosting);
    typ(&mut s, "Wolkje");
    key(&mut s, KeyCode::Tab);
    typ(&mut s, "Wolkje Inc.");
    key(&mut s, KeyCode::Down);
    erase(&mut s, "Nederland".len());
    typ(&mut s, "Verenigde Staten");
    // Leaving a country of establishment outside the EEA makes it a destination country.
    key(&mut s, KeyCode::Down);
    assert_eq!(the_form(&s).transfers.len(), 1);
    update(&mut s, Msg::Paste("https://wolkje.example/privacy".into()));
    assert_eq!(
        s.model.answers.custom_providers[0].privacy_url.as_deref(),
        Some("https://wolkje.example/privacy"),
        "a paste is written at once"
    );
    to(&mut s, CustomField::TransferSafeguard(0));
    to(&mut s, CustomField::AddTransfer);
    // No safeguard chosen yet: the engine's message, on the safeguard of that country.
    let msg = &the_form(&s).errors[&CustomField::TransferSafeguard(0)];
    assert!(
        msg.contains("geen waarborg voor de doorgifte naar Verenigde Staten"),
        "{msg}"
    );
    to(&mut s, CustomField::TransferSafeguard(0));
    // The choices are the engine's for this country: DPF first for the United States.
    let valid = engine().countries().valid_safeguards("Verenigde Staten");
    let mut offered = vec![];
    for _ in 0..valid.len() {
        assert!(key(&mut s, KeyCode::Right).contains(&Effect::Save));
        offered.push(
            Safeguard::from_id(the_form(&s).transfers[0].safeguard.as_deref().unwrap()).unwrap(),
        );
    }
    assert_eq!(offered, valid);
    // Back to bcr.
    while the_form(&s).transfers[0].safeguard.as_deref() != Some("bcr") {
        key(&mut s, KeyCode::Left);
    }
    assert!(the_form(&s).errors.is_empty());
    // A second country: Canada, with its adequacy decision.
    to(&mut s, CustomField::AddTransfer);
    key(&mut s, KeyCode::Enter);
    assert_eq!(the_form(&s).cursor, CustomField::TransferCountry(1));
    typ(&mut s, "Canada");
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Right);
    assert_eq!(
        the_form(&s).transfers[1].safeguard.as_deref(),
        Some("adequacy")
    );
    // The agreement kinds are the engine's.
    to(&mut s, CustomField::Agreement);
    assert!(key(&mut s, KeyCode::Right).contains(&Effect::Save));
    to(&mut s, CustomField::Done);
    let fx = key(&mut s, KeyCode::Enter);
    assert!(prov(&s).form.is_none());
    assert!(fx.contains(&Effect::Save));
    let c = &s.model.answers.custom_providers[0];
    assert_eq!(c.id, "wolkje");
    assert_eq!(c.company.as_deref(), Some("Wolkje Inc."));
    assert_eq!(c.country.as_deref(), Some("Verenigde Staten"));
    assert_eq!(c.agreement.as_deref(), Some("terms"));
    let t: Vec<(&str, Option<&str>)> = c
        .transfers
        .iter()
        .map(|t| (t.country.as_str(), t.safeguard.as_deref()))
        .collect();
    assert_eq!(
        t,
        [
            ("Verenigde Staten", Some("bcr")),
            ("Canada", Some("adequacy"))
        ]
    );
    let text = s.model.answers.to_toml_string();
    assert!(text.contains("[[custom_provider.transfer]]"), "{text}");
    assert!(engine_errors(&s.model.answers).is_empty());
    // The engine reads "bcr" as binding corporate rules and says so, with how to get a copy.
    let p = validate::lookup(&s.model.answers, engine().catalog(), "wolkje").unwrap();
    assert_eq!(p.transfers[0].safeguard, Safeguard::Bcr);
    let plain = plain(&s);
    assert!(plain.contains("Wolkje Inc."), "{plain}");
    assert!(
        plain.contains("de Verenigde Staten (bindende bedrijfsvoorschriften)"),
        "{plain}"
    );
    assert!(plain.contains("Canada (adequaatheidsbesluit)"), "{plain}");
    assert!(
        plain.contains(
            "Een kopie van de standaardcontractbepalingen of bindende bedrijfsvoorschriften"
        ),
        "{plain}"
    );
}

/// An own provider's "bcr" in an answers file, in the current and in the old form, is read
/// as binding corporate rules and rendered as such.
#[test]
fn bcr_from_an_answers_file_is_read_and_rendered_as_bcr() {
    for body in [
        "[[custom_provider.transfer]]\ncountry = \"India\"\nsafeguard = \"bcr\"\n",
        "outside_eea = true\ncountry = \"India\"\nsafeguard = \"bcr\"\n",
    ] {
        let s = opened(&format!(
            "[providers]\nhosting = [\"wolk\"]\n[[custom_provider]]\nid = \"wolk\"\nname = \"Wolk\"\nsections = [\"hosting\"]\n{body}"
        ));
        assert!(engine_errors(&s.model.answers).is_empty(), "{body}");
        let p = validate::lookup(&s.model.answers, engine().catalog(), "wolk").unwrap();
        assert_eq!(p.transfers.len(), 1);
        assert_eq!(p.transfers[0].safeguard, Safeguard::Bcr, "{body}");
        let text = plain(&s);
        assert!(
            text.contains("India (bindende bedrijfsvoorschriften)"),
            "{body}: {text}"
        );
        assert!(
            !text.contains("India (standaardcontractbepalingen)"),
            "{text}"
        );
    }
}

/// Drives the form and `check` with the same bad inputs: the form shows exactly the engine's
/// error messages about the provider, each in the field the engine names.
#[test]
fn the_form_rejects_exactly_what_the_engine_rejects() {
    type Case = (&'static str, fn(&mut State), CustomField);
    let cases: [Case; 8] = [
        (
            "privacy link without https",
            |s| {
                to(s, CustomField::Url);
                typ(s, "wolkje.example/privacy");
            },
            CustomField::Url,
        ),
        (
            "hidden character in the company",
            |s| {
                to(s, CustomField::Company);
                update(s, Msg::Paste("Wolkje\u{200B} B.V.".into()));
            },
            CustomField::Company,
        ),
        (
            "destination in the EEA",
            |s| {
                to(s, CustomField::AddTransfer);
                key(s, KeyCode::Enter);
                typ(s, "Duitsland");
            },
            CustomField::TransferCountry(0),
        ),
        (
            "destination without a safeguard",
            |s| {
                to(s, CustomField::AddTransfer);
                key(s, KeyCode::Enter);
                typ(s, "India");
            },
            CustomField::TransferSafeguard(0),
        ),
        (
            "established outside the EEA, safeguard not chosen",
            |s| {
                to(s, CustomField::Country);
                erase(s, "Nederland".len());
                typ(s, "China");
            },
            CustomField::TransferSafeguard(0),
        ),
        (
            "agreement link without https",
            |s| {
                to(s, CustomField::AgreementUrl);
                typ(s, "ftp://wolkje.example/dpa");
            },
            CustomField::AgreementUrl,
        ),
        (
            "name erased",
            |s| {
                to(s, CustomField::Name);
                erase(s, "Wolkje".len());
            },
            CustomField::Name,
        ),
        (
            "joint controller without what is decided together",
            |s| {
                to(s, CustomField::Role);
                while the_form(s).role != Some(Role::JointController) {
                    key(s, KeyCode::Right);
                }
            },
            CustomField::JointCovers,
        ),
    ];
    for (what, act, field) in cases {
        let mut s = new_policy();
        open_add_form(&mut s, Section::Hosting);
        typ(&mut s, "Wolkje");
        act(&mut s);
        // Done shows every message and refuses while there are errors.
        to(&mut s, CustomField::Done);
        key(&mut s, KeyCode::Enter);
        assert!(prov(&s).form.is_some(), "{what}: closed with an error");
        let engine = engine_errors(&s.model.answers);
        assert!(!engine.is_empty(), "{what}: the engine accepts it");
        assert_eq!(form_errors(&s), engine, "{what}");
        assert!(
            the_form(&s).errors.contains_key(&field),
            "{what}: not on {field:?}: {:?}",
            the_form(&s).errors
        );
        assert_eq!(
            the_form(&s).cursor,
            *the_form(&s).errors.keys().next().unwrap()
        );
        // Esc closes anyway: what was typed is kept, and `check` reports it; but a new
        // provider whose name the form refuses is not added at all.
        key(&mut s, KeyCode::Esc);
        assert!(prov(&s).form.is_none());
        if field == CustomField::Name {
            assert!(s.model.answers.custom_providers.is_empty(), "{what}");
            assert!(s.model.answers.providers.get(Section::Hosting).is_empty());
        } else {
            assert_eq!(engine_errors(&s.model.answers), engine, "{what}");
        }
    }
    // And the good inputs: nothing in the form, nothing from the engine.
    let mut s = new_policy();
    open_add_form(&mut s, Section::Hosting);
    typ(&mut s, "Wolkje");
    to(&mut s, CustomField::Done);
    key(&mut s, KeyCode::Enter);
    assert!(prov(&s).form.is_none());
    assert!(engine_errors(&s.model.answers).is_empty());
}

/// A file with facts the engine refuses shows the engine's messages as soon as it is opened.
#[test]
fn opening_a_wrong_own_provider_shows_the_engines_messages() {
    let mut s = opened(
        "[providers]\nhosting = [\"wolk\"]\n[[custom_provider]]\nid = \"wolk\"\nname = \"Wolk\"\nsections = [\"hosting\"]\nprivacy_url = \"wolk.example\"\n[[custom_provider.transfer]]\ncountry = \"Verenigde Staten\"\nsafeguard = \"adequacy\"\n",
    );
    s.go_to_step(sec(Section::Hosting));
    let i = items(&s)
        .iter()
        .position(|x| *x == ProviderItem::Provider("wolk".into()))
        .unwrap();
    prov_mut(&mut s).cursor = i;
    key(&mut s, KeyCode::Enter);
    let form = the_form(&s);
    assert!(!form.adding);
    assert_eq!(form_errors(&s), engine_errors(&s.model.answers));
    assert!(form.errors[&CustomField::TransferSafeguard(0)].contains("Data Privacy Framework"));
    assert!(form.errors.contains_key(&CustomField::Url));
    // Choosing from the engine's list fixes it, and the message goes at once.
    to(&mut s, CustomField::TransferSafeguard(0));
    key(&mut s, KeyCode::Right);
    assert_eq!(the_form(&s).transfers[0].safeguard.as_deref(), Some("dpf"));
    assert!(!the_form(&s)
        .errors
        .contains_key(&CustomField::TransferSafeguard(0)));
    assert_eq!(form_errors(&s), engine_errors(&s.model.answers));
}

#[test]
fn a_catalog_name_is_refused_and_nothing_is_written() {
    let mut s = new_policy();
    open_add_form(&mut s, Section::Hosting);
    typ(&mut s, "TransIP");
    key(&mut s, KeyCode::Down);
    let msg = the_form(&s).errors[&CustomField::Name].clone();
    assert_eq!(
        Err(msg),
        validate::new_custom_id("TransIP", engine().catalog())
    );
    to(&mut s, CustomField::Done);
    key(&mut s, KeyCode::Enter);
    assert!(prov(&s).form.is_some());
    assert_eq!(the_form(&s).cursor, CustomField::Name);
    key(&mut s, KeyCode::Esc);
    assert!(s.model.answers.custom_providers.is_empty());
    assert!(s.model.answers.providers.get(Section::Hosting).is_empty());
}

#[test]
fn editing_keeps_the_id_and_an_empty_destination_row_goes_away() {
    let mut s = new_policy();
    open_add_form(&mut s, Section::Hosting);
    typ(&mut s, "Wolkje");
    key(&mut s, KeyCode::Esc);
    // The cursor is on the new own provider: Enter opens its details.
    key(&mut s, KeyCode::Enter);
    let form = the_form(&s);
    assert!(!form.adding);
    assert_eq!(form.id.as_deref(), Some("wolkje"));
    typ(&mut s, " Hosting");
    assert_eq!(s.model.answers.custom_providers[0].id, "wolkje");
    assert_eq!(s.model.answers.custom_providers[0].name, "Wolkje Hosting");
    // An added row left empty goes away and writes nothing.
    to(&mut s, CustomField::AddTransfer);
    key(&mut s, KeyCode::Enter);
    assert_eq!(the_form(&s).transfers.len(), 1);
    key(&mut s, KeyCode::Down);
    assert!(the_form(&s).transfers.is_empty());
    assert!(s.model.answers.custom_providers[0].transfers.is_empty());
    key(&mut s, KeyCode::Esc);
    assert!(prov(&s).message.as_ref().unwrap().0.contains("bewaard"));
    s.sync();
    assert!(s
        .derived
        .doc
        .blocks
        .iter()
        .any(|b| b.plain().contains("Wolkje Hosting")));
    // Ctrl+E opens it too, also while searching.
    typ(&mut s, "wolk");
    update(
        &mut s,
        Msg::Key(KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL)),
    );
    assert_eq!(the_form(&s).id.as_deref(), Some("wolkje"));
}

#[test]
fn an_own_provider_of_another_step_is_taken_over() {
    let mut s = new_policy();
    open_add_form(&mut s, Section::Hosting);
    typ(&mut s, "Wolkje");
    key(&mut s, KeyCode::Down);
    typ(&mut s, "Wolkje B.V.");
    key(&mut s, KeyCode::Esc);
    open_add_form(&mut s, Section::BusinessEmail);
    typ(&mut s, "wolkje");
    key(&mut s, KeyCode::Down);
    let form = the_form(&s);
    assert_eq!(form.company.value(), "Wolkje B.V.");
    assert!(form.note.is_some());
    key(&mut s, KeyCode::Esc);
    // One provider, in both steps; the provisional one from typing is gone.
    assert_eq!(s.model.answers.custom_providers.len(), 1);
    let c = &s.model.answers.custom_providers[0];
    assert_eq!(c.sections, ["hosting", "business_email"]);
    assert_eq!(
        s.model.answers.providers.get(Section::BusinessEmail),
        ["wolkje"]
    );
}

#[test]
fn delete_twice_removes_an_own_provider() {
    let mut s = new_policy();
    open_add_form(&mut s, Section::Hosting);
    typ(&mut s, "Wolkje");
    key(&mut s, KeyCode::Esc);
    open_add_form(&mut s, Section::BusinessEmail);
    typ(&mut s, "Wolkje");
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.model.answers.custom_providers[0].sections.len(), 2);
    assert!(key(&mut s, KeyCode::Delete).is_empty());
    assert!(prov(&s)
        .message
        .as_ref()
        .unwrap()
        .0
        .contains("Nogmaals Delete"));
    let fx = key(&mut s, KeyCode::Delete);
    assert!(fx.contains(&Effect::Save));
    assert!(s
        .model
        .answers
        .providers
        .get(Section::BusinessEmail)
        .is_empty());
    assert_eq!(s.model.answers.custom_providers[0].sections, ["hosting"]);
    s.go_to_step(sec(Section::Hosting));
    let i = items(&s)
        .iter()
        .position(|x| *x == ProviderItem::Provider("wolkje".into()))
        .unwrap();
    prov_mut(&mut s).cursor = i;
    key(&mut s, KeyCode::Delete);
    key(&mut s, KeyCode::Delete);
    assert!(s.model.answers.custom_providers.is_empty());
    assert!(s.model.answers.providers.get(Section::Hosting).is_empty());
}

/// The accounting step's "own bookkeeper or accountant": the form for an own provider, name
/// first; a bookkeeper is a processor (the step's default), an accountant for the annual
/// accounts a controller with its own professional rules, as the user says.
#[test]
fn own_bookkeeper_or_accountant() {
    let mut s = new_policy();
    s.go_to_step(sec(Section::Accounting));
    let own = engine()
        .section_info(Section::Accounting)
        .own
        .clone()
        .unwrap();
    let i = items(&s)
        .iter()
        .position(|x| *x == ProviderItem::AddOwn)
        .expect("the accounting step offers its own choice");
    prov_mut(&mut s).cursor = i;
    key(&mut s, KeyCode::Enter);
    let form = the_form(&s);
    assert_eq!(form.cursor, CustomField::Name);
    assert!(form.name.value().is_empty());
    assert_eq!(form.note.as_deref(), Some(own.name_help.as_str()));
    typ(&mut s, "Administratiekantoor Jansen");
    let c = &s.model.answers.custom_providers[0];
    assert_eq!(c.sections, ["accounting"]);
    assert_eq!(
        s.model.answers.providers.get(Section::Accounting),
        ["administratiekantoor-jansen"]
    );
    // The bookkeeper: a processor, with a processor agreement.
    let p = s.model.provider("administratiekantoor-jansen").unwrap();
    assert_eq!(p.role_in(Section::Accounting), Role::Processor);
    let text = plain(&s);
    assert!(
        text.contains(
            "Wij houden onze administratie en boekhouding bij met Administratiekantoor Jansen."
        ),
        "{text}"
    );
    assert!(
        text.contains("Administratiekantoor Jansen verwerkt de gegevens in onze opdracht"),
        "{text}"
    );
    assert!(the_form(&s)
        .fields(&s.model, Section::Accounting)
        .contains(&CustomField::Agreement));
    // The accountant: the user says so with the role.
    to(&mut s, CustomField::Role);
    while the_form(&s).role != Some(Role::Controller) {
        assert!(key(&mut s, KeyCode::Right).contains(&Effect::Save));
    }
    assert_eq!(
        s.model.answers.custom_providers[0].role.as_deref(),
        Some("controller")
    );
    assert!(!the_form(&s)
        .fields(&s.model, Section::Accounting)
        .contains(&CustomField::Agreement));
    key(&mut s, KeyCode::Esc);
    assert!(engine_errors(&s.model.answers).is_empty());
    let text = plain(&s);
    assert!(
        text.contains("Administratiekantoor Jansen controleert als accountant onze jaarrekening"),
        "{text}"
    );
    assert!(text.contains("eigen wettelijke beroepsregels"), "{text}");
    assert!(
        text.contains("Administratiekantoor Jansen is voor deze verwerking zelf verantwoordelijk"),
        "{text}"
    );
    assert!(
        !text.contains("boekhouding bij met Administratiekantoor Jansen"),
        "{text}"
    );
    assert!(
        !text.contains("Jansen verwerkt de gegevens in onze opdracht"),
        "{text}"
    );
}

/// The same from an answers file: bookkeeping software and an own accountant side by side,
/// and a processor agreement named for an accountant is reported.
#[test]
fn an_accountant_in_the_answers_file() {
    let s = opened(
        "[providers]\naccounting = [\"moneybird\", \"de-vries\"]\n[[custom_provider]]\nid = \"de-vries\"\nname = \"De Vries Accountants\"\nsections = [\"accounting\"]\nrole = \"controller\"\nprivacy_url = \"https://devries.example/privacy\"\n",
    );
    assert!(engine_errors(&s.model.answers).is_empty());
    let text = plain(&s);
    let moneybird = engine().catalog().get("moneybird").unwrap().name.clone();
    assert!(
        text.contains(&format!(
            "Wij houden onze administratie en boekhouding bij met {moneybird}."
        )),
        "{text}"
    );
    assert!(
        text.contains("De Vries Accountants controleert als accountant onze jaarrekening"),
        "{text}"
    );
    let mut a = s.model.answers.clone();
    a.custom_providers[0].agreement = Some("terms".into());
    let warned = engine()
        .check(&a)
        .into_iter()
        .any(|d| d.field == "custom_provider[0].agreement" && d.severity == Severity::Warning);
    assert!(warned);
}
