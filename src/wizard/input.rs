//! Terminal events → messages, and the keys that work everywhere (one keymap: it also feeds
//! the footer and the help). Global keys become their own messages; the rest stay keys for
//! the screen in focus.

use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};

use super::keymap::{self, Binding, Key, Keymap, Row};
use super::msg::Msg;
use super::strings::global as t;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Global {
    Quit,
    Help,
    Export,
    Preview,
    PageUp,
    PageDown,
    /// Handled by update (Tab walks fields, then the sidebar), listed here for the help.
    Pass,
}

/// Keys everywhere, the start screen included.
const ALWAYS: &Keymap<Global> = &[
    Binding {
        keys: &[
            (Key::Plain(KeyCode::F(1)), Global::Help),
            (Key::Plain(KeyCode::Char('?')), Global::Help),
        ],
        footer: Some(t::KEY_HELP),
        help: t::HELP_HELP,
    },
    Binding {
        keys: &[
            (Key::Ctrl(KeyCode::Char('q')), Global::Quit),
            (Key::Ctrl(KeyCode::Char('c')), Global::Quit),
        ],
        footer: Some(t::KEY_QUIT),
        help: t::HELP_QUIT,
    },
];

/// Keys in the wizard's steps. The footer shows F1, F2, Ctrl+Q, then the rest.
const WIZARD: &Keymap<Global> = &[
    Binding {
        keys: &[
            (Key::Plain(KeyCode::F(2)), Global::Preview),
            (Key::Ctrl(KeyCode::Char('p')), Global::Preview),
        ],
        footer: Some(t::KEY_PREVIEW),
        help: t::HELP_PREVIEW,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Tab), Global::Pass),
            (Key::Plain(KeyCode::BackTab), Global::Pass),
        ],
        footer: Some(t::KEY_TAB),
        help: t::HELP_TAB,
    },
    Binding {
        keys: &[(Key::Ctrl(KeyCode::Char('s')), Global::Export)],
        footer: Some(t::KEY_EXPORT),
        help: t::HELP_EXPORT,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::PageUp), Global::PageUp),
            (Key::Plain(KeyCode::PageDown), Global::PageDown),
        ],
        footer: None,
        help: t::HELP_SCROLL,
    },
    Binding {
        keys: &[(Key::Click, Global::Pass), (Key::Wheel, Global::Pass)],
        footer: None,
        help: t::HELP_CLICK,
    },
];

/// The global keys as the help lists them; `wizard`: also those of the wizard's steps.
pub fn global_rows(wizard: bool) -> Vec<Row> {
    let mut v = keymap::rows(ALWAYS);
    if wizard {
        v.extend(keymap::rows(WIZARD));
    }
    v
}

/// The global part of the footer, in order: F1, F2, Ctrl+Q, then the wizard's other keys;
/// `modal`: a form or question holds Tab.
pub fn global_footer(wizard: bool, modal: bool) -> Vec<String> {
    let always: Vec<String> = keymap::rows(ALWAYS)
        .iter()
        .filter_map(Row::footer_text)
        .collect();
    let steps: Vec<String> = if wizard {
        keymap::rows(WIZARD)
            .iter()
            .filter(|r| !(modal && r.keys.starts_with("Tab")))
            .filter_map(Row::footer_text)
            .collect()
    } else {
        vec![]
    };
    let mut v = vec![];
    v.extend(always.first().cloned());
    v.extend(steps.first().cloned());
    v.extend(always.iter().skip(1).cloned());
    v.extend(steps.iter().skip(1).cloned());
    v
}

/// Ctrl+Z: suspend the wizard (the run loop gives the terminal back; `fg` resumes).
pub fn is_suspend(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind != KeyEventKind::Release
        && k.code == KeyCode::Char('z')
        && k.modifiers.contains(ratatui::crossterm::event::KeyModifiers::CONTROL))
}

pub fn translate(ev: Event, typing: bool) -> Option<Msg> {
    match ev {
        Event::Key(k) => {
            if k.kind == KeyEventKind::Release {
                return None;
            }
            let global = keymap::lookup(ALWAYS, &k).or_else(|| keymap::lookup(WIZARD, &k));
            Some(match global {
                // While typing, `?` is a character.
                Some(Global::Help) if typing && k.code == KeyCode::Char('?') => Msg::Key(k),
                Some(Global::Help) => Msg::Help,
                Some(Global::Quit) => Msg::Quit,
                Some(Global::Export) => Msg::OpenExport,
                Some(Global::Preview) => Msg::TogglePreview,
                Some(Global::PageUp) => Msg::PreviewPage(-1),
                Some(Global::PageDown) => Msg::PreviewPage(1),
                Some(Global::Pass) | None => Msg::Key(k),
            })
        }
        Event::Paste(t) => Some(Msg::Paste(t)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollUp => Some(Msg::Wheel(-1)),
            MouseEventKind::ScrollDown => Some(Msg::Wheel(1)),
            _ => None,
        },
        _ => None,
    }
}
