//! Runs tests/e2e/hardening-tmux.sh against the built binary: the wizard under signals,
//! outside edits, a second wizard, a failing save and a huge paste, in a real terminal.
//! Like the other end-to-end tests it needs tmux (scripts/test installs it).

mod common;

#[test]
fn wizard_hardening_in_tmux() {
    common::run_tmux_script("hardening-tmux.sh", "de wizard onder signalen en fouten");
}
