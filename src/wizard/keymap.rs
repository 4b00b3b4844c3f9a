//! Key bindings as data: each screen declares its keys once, each with its Dutch description,
//! and key handling, the footer and the F1 help are all generated from that one list, so they
//! cannot drift apart (the idea of gitui's `key_list.rs` + `strings.rs`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::strings::keys as names;

/// A key a binding reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The key without Ctrl or Alt (Shift is fine: `J`, `?`, Shift+Tab).
    Plain(KeyCode),
    /// The key with Ctrl held.
    Ctrl(KeyCode),
    /// Any printable character without Ctrl or Alt: typing.
    Text,
    /// A mouse click: listed in the help, never matched by a key.
    Click,
    /// The mouse wheel: listed in the help, never matched by a key.
    Wheel,
}

impl Key {
    pub fn matches(self, k: &KeyEvent) -> bool {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let alt = k.modifiers.contains(KeyModifiers::ALT);
        match self {
            Key::Plain(KeyCode::Char(c)) => {
                !ctrl && !alt && matches!(k.code, KeyCode::Char(x) if x == c)
            }
            Key::Plain(code) => !ctrl && !alt && k.code == code,
            Key::Ctrl(KeyCode::Char(c)) => {
                ctrl && matches!(k.code, KeyCode::Char(x) if x.eq_ignore_ascii_case(&c))
            }
            Key::Ctrl(code) => ctrl && k.code == code,
            Key::Text => !ctrl && !alt && matches!(k.code, KeyCode::Char(c) if !c.is_control()),
            Key::Click | Key::Wheel => false,
        }
    }

    /// The key's name as the footer and the help show it.
    pub fn name(self) -> String {
        let code = |c: KeyCode| -> String {
            match c {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift+Tab".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Delete => "Delete".into(),
                KeyCode::F(n) => format!("F{n}"),
                KeyCode::Char(' ') => names::SPACE.into(),
                KeyCode::Char(c) => c.to_string(),
                _ => "?".into(),
            }
        };
        match self {
            Key::Plain(c) => code(c),
            Key::Ctrl(KeyCode::Char(c)) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::Ctrl(c) => format!("Ctrl+{}", code(c)),
            Key::Text => names::TEXT.into(),
            Key::Click => names::CLICK.into(),
            Key::Wheel => names::WHEEL.into(),
        }
    }
}

/// One line of a keymap: the keys (each with the action it triggers), a short footer text
/// (None: help only) and the help text.
#[derive(Debug)]
pub struct Binding<A: 'static> {
    pub keys: &'static [(Key, A)],
    pub footer: Option<&'static str>,
    pub help: &'static str,
}

/// A screen's keys, in order of importance (the footer shows what fits, from the top).
pub type Keymap<A> = [Binding<A>];

/// The action the keymap binds `k` to.
pub fn lookup<A: Copy>(map: &Keymap<A>, k: &KeyEvent) -> Option<A> {
    map.iter()
        .flat_map(|b| b.keys.iter())
        .find(|(key, _)| key.matches(k))
        .map(|(_, a)| *a)
}

/// A keymap line without its actions: what the footer and the help show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub keys: String,
    /// The first key only, or an arrow pair (`↑/↓` of `↑/↓/Home/End`): the footer is short.
    pub short: String,
    pub footer: Option<&'static str>,
    pub help: &'static str,
}

impl Row {
    pub fn footer_text(&self) -> Option<String> {
        self.footer.map(|f| format!("{} {f}", self.short))
    }
}

/// The keys of a binding joined as the user reads them: `↑/↓`, `Enter/→`; at most `max`.
pub fn key_names<A>(b: &Binding<A>, max: usize) -> String {
    let mut names: Vec<String> = Vec::new();
    for (k, _) in b.keys.iter() {
        if names.len() == max {
            break;
        }
        let n = k.name();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    // "Ctrl+←/Ctrl+→" reads as "Ctrl+←/→".
    let mut out = String::new();
    let mut prev_ctrl = false;
    for n in names {
        let ctrl = n.starts_with("Ctrl+") && n.chars().count() == 6;
        if !out.is_empty() {
            out.push('/');
        }
        if ctrl && prev_ctrl {
            out.push_str(&n["Ctrl+".len()..]);
        } else {
            out.push_str(&n);
        }
        prev_ctrl = ctrl;
    }
    out
}

/// The footer's name for a binding's keys: the first, or the first two when they are a
/// pair of arrows.
fn short_names<A>(b: &Binding<A>) -> String {
    let arrows = |k: Option<&(Key, A)>| {
        matches!(
            k.map(|x| x.0),
            Some(Key::Plain(
                KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right
            ))
        )
    };
    let n = if arrows(b.keys.first()) && arrows(b.keys.get(1)) {
        2
    } else {
        1
    };
    key_names(b, n)
}

pub fn rows<A>(map: &Keymap<A>) -> Vec<Row> {
    map.iter()
        .map(|b| Row {
            keys: key_names(b, usize::MAX),
            short: short_names(b),
            footer: b.footer,
            help: b.help,
        })
        .collect()
}

/// The editing keys of a text field, bound to the screen's edit action (the screen passes
/// the key on to its field). In a screen's keymap: `text_edit!(cursor, Act::Edit)`, and
/// likewise `word`, `erase` and `typing`.
#[macro_export]
macro_rules! text_edit {
    (cursor, $edit:expr) => {
        $crate::wizard::keymap::Binding {
            keys: &[
                ($crate::wizard::keymap::Key::Plain(KeyCode::Left), $edit),
                ($crate::wizard::keymap::Key::Plain(KeyCode::Right), $edit),
                ($crate::wizard::keymap::Key::Plain(KeyCode::Home), $edit),
                ($crate::wizard::keymap::Key::Plain(KeyCode::End), $edit),
            ],
            footer: None,
            help: $crate::wizard::strings::keys::HELP_CURSOR,
        }
    };
    (word, $edit:expr) => {
        $crate::wizard::keymap::Binding {
            keys: &[
                ($crate::wizard::keymap::Key::Ctrl(KeyCode::Left), $edit),
                ($crate::wizard::keymap::Key::Ctrl(KeyCode::Right), $edit),
            ],
            footer: None,
            help: $crate::wizard::strings::keys::HELP_WORD,
        }
    };
    (erase, $edit:expr) => {
        $crate::wizard::keymap::Binding {
            keys: &[
                (
                    $crate::wizard::keymap::Key::Plain(KeyCode::Backspace),
                    $edit,
                ),
                ($crate::wizard::keymap::Key::Plain(KeyCode::Delete), $edit),
            ],
            footer: None,
            help: $crate::wizard::strings::keys::HELP_ERASE,
        }
    };
    (typing, $edit:expr) => {
        $crate::wizard::keymap::Binding {
            keys: &[($crate::wizard::keymap::Key::Text, $edit)],
            footer: None,
            help: $crate::wizard::strings::keys::HELP_TYPE,
        }
    };
}

/// ↑/↓ bound to a screen's actions for the line above and below, with the screen's own
/// footer word and help: `up_down!(Act::Up, Act::Down, t::KEY_MOVE, t::HELP_MOVE)`.
#[macro_export]
macro_rules! up_down {
    ($up:expr, $down:expr, $footer:expr, $help:expr) => {
        $crate::wizard::keymap::Binding {
            keys: &[
                (
                    $crate::wizard::keymap::Key::Plain(::ratatui::crossterm::event::KeyCode::Up),
                    $up,
                ),
                (
                    $crate::wizard::keymap::Key::Plain(::ratatui::crossterm::event::KeyCode::Down),
                    $down,
                ),
            ],
            footer: Some($footer),
            help: $help,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum A {
        Up,
        Down,
        Type,
        Quit,
    }

    const MAP: &Keymap<A> = &[
        Binding {
            keys: &[
                (Key::Plain(KeyCode::Up), A::Up),
                (Key::Plain(KeyCode::Down), A::Down),
            ],
            footer: Some("regel"),
            help: "vorige/volgende regel",
        },
        Binding {
            keys: &[(Key::Ctrl(KeyCode::Char('q')), A::Quit)],
            footer: None,
            help: "stoppen",
        },
        Binding {
            keys: &[(Key::Text, A::Type)],
            footer: None,
            help: "typen",
        },
    ];

    #[test]
    fn lookup_and_rows_come_from_the_same_list() {
        let k = |c, m| KeyEvent::new(c, m);
        assert_eq!(
            lookup(MAP, &k(KeyCode::Up, KeyModifiers::NONE)),
            Some(A::Up)
        );
        assert_eq!(
            lookup(MAP, &k(KeyCode::Char('q'), KeyModifiers::CONTROL)),
            Some(A::Quit)
        );
        assert_eq!(
            lookup(MAP, &k(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(A::Type)
        );
        assert_eq!(lookup(MAP, &k(KeyCode::Up, KeyModifiers::CONTROL)), None);
        let r = rows(MAP);
        assert_eq!(r[0].footer_text().as_deref(), Some("↑/↓ regel"));
        assert_eq!(r[1].keys, "Ctrl+Q");
        assert_eq!(r[2].short, "letters");
    }
}
