//! Reusable pieces: text field, sidebar, preview pane, help overlay.

pub mod help;
pub mod preview_pane;
pub mod sidebar;
pub mod text_input;
