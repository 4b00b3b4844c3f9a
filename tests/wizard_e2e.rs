//! Runs tests/e2e/wizard-tmux.sh against the built binary. It needs tmux (scripts/test
//! installs it); see `common::run_tmux_script` for what happens without it.

mod common;

#[test]
fn wizard_in_tmux() {
    common::run_tmux_script("wizard-tmux.sh", "de wizard");
}
