//! Reusable pieces: text field, text helpers, list, sidebar, preview pane, help overlay, dialog.

pub mod dialog;
pub mod help;
pub mod list;
pub mod preview_pane;
pub mod sidebar;
pub mod text;
pub mod text_input;
