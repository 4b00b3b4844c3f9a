//! Terminal events → messages. Global keys become their own messages; the rest stay keys
//! for the current screen.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::state::{Focus, Msg, Screen, State, Step};

/// True when printable keys go into a text field (then `?` is typed, not help).
pub fn typing(s: &State) -> bool {
    if s.screen != Screen::Wizard || s.focus != Focus::Main || s.preview_full {
        return false;
    }
    match s.current() {
        Step::Shop => true,
        // In the own-provider form only its text fields take letters.
        Step::Section(_) => s
            .prov
            .form
            .as_ref()
            .is_none_or(super::screens::custom_provider::typing),
        Step::Policy => s.policy.cursor != 1,
        Step::Export => s.export.cursor == 4,
        Step::Review => false,
    }
}

pub fn translate(ev: Event, typing: bool) -> Option<Msg> {
    match ev {
        Event::Key(k) => {
            if k.kind == KeyEventKind::Release {
                return None;
            }
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            Some(match k.code {
                KeyCode::Char('c') | KeyCode::Char('q') if ctrl => Msg::Quit,
                KeyCode::Char('s') if ctrl => Msg::OpenExport,
                KeyCode::Char('p') if ctrl => Msg::TogglePreview,
                KeyCode::F(1) => Msg::Help,
                KeyCode::F(2) => Msg::TogglePreview,
                KeyCode::Char('?') if !typing => Msg::Help,
                KeyCode::PageUp => Msg::PreviewPage(-1),
                KeyCode::PageDown => Msg::PreviewPage(1),
                _ => Msg::Key(k),
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
