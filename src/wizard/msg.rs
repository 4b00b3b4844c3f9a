//! The vocabulary between the parts: messages into `update`, effects out of the screens and
//! out of `update`. Screens never call `update`: to move on or to save they return an effect,
//! and the update loop carries it out.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::model::ScreenId;
use crate::engine::Answers;

/// Everything update reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    Click {
        column: u16,
        row: u16,
    },
    Wheel(i32),
    Quit,
    Help,
    OpenExport,
    TogglePreview,
    PreviewPage(i32),
    Saved(Result<PathBuf, String>),
    Opened(Result<(PathBuf, Box<Answers>), String>),
    ExportExists(Vec<PathBuf>),
    Exported(Result<Vec<PathBuf>, String>),
    /// A choice in an open dialog was made: the dialog's `id` and the choice's `value`.
    Chose {
        dialog: &'static str,
        value: &'static str,
    },
    // Consultants (issue 9)
    /// The version history was written after an export: a line for the status.
    Recorded(Result<String, String>),
    /// A missing export folder was made (or why not).
    DirMade(Result<PathBuf, String>),
}

/// Where to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Nav {
    /// The next wizard step.
    Next,
    /// The previous wizard step.
    Prev,
    /// A wizard step.
    Step(ScreenId),
    /// A wizard step, with the cursor on the field a check message names.
    Field(ScreenId, String),
    /// The wizard at the step saved in the (new) answers.
    Wizard,
    /// A page of its own (about, ...).
    Page(ScreenId),
    /// Back from a page to where the user came from.
    Back,
}

/// A question over the screen with a few answers, each a key. The chosen answer comes back
/// as `Msg::Chose` to the screen that is active.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dialog {
    pub id: &'static str,
    pub title: String,
    pub lines: Vec<String>,
    /// (key, label, value): `j` "ja" "overwrite".
    pub choices: Vec<(char, &'static str, &'static str)>,
    /// The value Esc gives; None: Esc does nothing.
    pub cancel: Option<&'static str>,
}

/// Work for the update loop (navigation, dialogs) and for the run loop (files). Update itself
/// does no I/O: it returns the file effects to the run loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the current answers to their file, or to a new file in the data dir.
    Save,
    /// Read an answers file chosen on the start screen.
    Open(PathBuf),
    /// Write these files; unless `overwrite`, first report files that exist.
    Export {
        files: Vec<(PathBuf, String)>,
        overwrite: bool,
    },
    Quit,
    /// Move somewhere (carried out by update).
    Go(Nav),
    /// Show a question (carried out by update).
    Ask(Dialog),
    // Consultants (issue 9)
    /// Keep the exported policy's version in the history beside the answers file.
    Record(Box<Recording>),
    /// Make a missing export folder (after the user said yes).
    MakeDir(PathBuf),
}

/// What an export of the policy adds to the history of its answers file.
#[derive(Debug, Clone, PartialEq)]
pub struct Recording {
    pub answers_file: PathBuf,
    /// A new version and its text (Markdown), when the text changed.
    pub version: Option<(crate::consult::Record, String)>,
    pub export: crate::consult::Record,
}
