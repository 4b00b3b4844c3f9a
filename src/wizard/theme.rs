//! Every colour and style the wizard draws with. `NO_COLOR` (https://no-color.org) turns the
//! colours off; what colour showed (focus, the highlighted row) then shows as reverse video,
//! bold or underline, so nothing depends on colour alone.

use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::style::{Color, Modifier, Style};

static NO_COLOR: AtomicBool = AtomicBool::new(false);

/// Reads `NO_COLOR` once at start-up: any non-empty value turns colours off.
pub fn init_from_env() {
    let off = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    set_color(!off);
}

pub fn set_color(on: bool) {
    NO_COLOR.store(!on, Ordering::Relaxed);
}

pub fn color() -> bool {
    !NO_COLOR.load(Ordering::Relaxed)
}

fn fg(c: Color) -> Style {
    if color() {
        Style::new().fg(c)
    } else {
        Style::new()
    }
}

/// The row or field under the cursor when its area has the focus.
pub fn highlight() -> Style {
    if color() {
        Style::new()
            .bg(Color::Blue)
            .fg(Color::White)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
}

/// A text field under the cursor (highlighted, not bold).
pub fn field_active() -> Style {
    highlight().remove_modifier(Modifier::BOLD)
}

/// A text field that is not under the cursor.
pub fn field() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn dim() -> Style {
    fg(Color::DarkGray)
}

pub fn error() -> Style {
    fg(Color::Red)
}

pub fn warning() -> Style {
    fg(Color::Yellow)
}

pub fn ok() -> Style {
    fg(Color::Green)
}

pub fn title_bar() -> Style {
    if color() {
        Style::new()
            .bg(Color::Blue)
            .fg(Color::White)
            .add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
}

pub fn status_bar() -> Style {
    if color() {
        Style::new().bg(Color::DarkGray).fg(Color::White)
    } else {
        Style::new()
    }
}

/// The check counts in the status bar.
pub fn counts(errors: bool) -> Style {
    if errors {
        fg(Color::LightRed)
    } else {
        fg(Color::LightYellow)
    }
}

/// A border: the focused area's stands out (also without colour: bold).
pub fn border(focused: bool) -> Style {
    match (focused, color()) {
        (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        (true, false) => Style::new().add_modifier(Modifier::BOLD),
        (false, _) => fg(Color::DarkGray),
    }
}

/// Sidebar marks: not visited, done, warning, error.
pub fn step_mark(kind: u8) -> Style {
    fg(match kind {
        0 => Color::DarkGray,
        1 => Color::Green,
        2 => Color::Yellow,
        _ => Color::Red,
    })
}

/// A block of the preview the last change altered (also marked `▌`).
pub fn changed(base: Style) -> Style {
    if color() {
        base.bg(Color::Yellow).fg(Color::Black)
    } else {
        base
    }
}

pub fn changed_mark() -> Style {
    fg(Color::Yellow)
}

/// The preview's policy text.
pub fn doc_title() -> Style {
    heading()
}
pub fn doc_heading() -> Style {
    bold()
}
pub fn doc_subheading() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC)
}
