//! NO_COLOR (https://no-color.org): the wizard draws without any colour, and focus still
//! shows: the focused area has a thick border and a marker in its title, the row under the
//! cursor is in reverse video and has a pointer. Its own test binary: the colour switch is
//! global to the process.

mod common;

use std::path::PathBuf;

use common::wizard::{draw, key};

use privacybeleid::engine::{Engine, Section};
use privacybeleid::wizard::model::ScreenId;
use privacybeleid::wizard::screens::start;
use privacybeleid::wizard::screens::start::{Item as StartItem, Start};
use privacybeleid::wizard::state::{Options, State};
use privacybeleid::wizard::theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

fn text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

fn no_colour(buf: &Buffer) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            assert!(
                c.fg == Color::Reset && c.bg == Color::Reset,
                "colour at {x},{y} in {:?}",
                text(buf, y)
            );
        }
    }
}

#[test]
fn no_color_draws_without_colour_and_focus_still_shows() {
    // SAFETY: this test binary has this one test; nothing else reads the environment.
    unsafe { std::env::set_var("NO_COLOR", "1") };
    theme::init_from_env();
    assert!(!theme::color());

    let engine: &'static Engine = Box::leak(Box::new(Engine::load().unwrap()));
    let mut s = State::new(
        engine,
        Options {
            today: "2025-01-15".into(),
            path: Some(PathBuf::from("/tmp/wizard-test/beleid.toml")),
            answers: None,
            recent: vec![],
            cwd: PathBuf::from("/tmp/wizard-test"),
        },
    );
    // Start screen: the row under the cursor is reverse video (and has its pointer).
    let buf = draw(&mut s, 100, 30);
    no_colour(&buf);
    // The first preset, then the name: the wizard.
    {
        let st = s.get_mut::<Start>(start::ID).unwrap();
        st.cursor = st
            .items
            .iter()
            .position(|x| matches!(x, StartItem::Preset(_)))
            .unwrap();
    }
    key(&mut s, KeyCode::Enter);
    for c in "Theehuis Lotus".chars() {
        key(&mut s, KeyCode::Char(c));
    }
    key(&mut s, KeyCode::Enter);
    s.go_to_step(ScreenId(Section::Payments.id()));
    let buf = draw(&mut s, 160, 48);
    no_colour(&buf);
    // The provider list has the focus: its cursor row is reverse video with a pointer;
    // the sidebar's border is plain.
    let row = (0..48)
        .find(|&y| text(&buf, y).contains("› ["))
        .expect("a cursor row");
    let x = text(&buf, row).chars().position(|c| c == '›').unwrap() as u16;
    assert!(buf[(x, row)].modifier.contains(Modifier::REVERSED));
    assert!(text(&buf, 1).starts_with("┌ Stappen"), "{}", text(&buf, 1));

    // Tab to the sidebar: a thick border and a marked title, without colour.
    for _ in 0..40 {
        if text(&draw(&mut s, 160, 48), 1).starts_with("┏") {
            break;
        }
        key(&mut s, KeyCode::Tab);
    }
    let buf = draw(&mut s, 160, 48);
    no_colour(&buf);
    let title = text(&buf, 1);
    assert!(title.starts_with("┏ ▶ Stappen (actief)"), "{title}");
    // The step under the sidebar's cursor is reverse video.
    let cur = (2..47)
        .find(|&y| buf[(1, y)].modifier.contains(Modifier::REVERSED))
        .expect("a highlighted step");
    assert!(
        text(&buf, cur).contains("Betalingen"),
        "{}",
        text(&buf, cur)
    );
}
