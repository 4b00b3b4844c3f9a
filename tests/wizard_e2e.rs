//! Runs tests/e2e/wizard-tmux.sh against the built binary. It needs tmux (scripts/test
//! installs it); see `common::run_tmux_script` for what happens without it.

mod common;

#[test]
fn wizard_in_tmux() {
    common::run_tmux_script("wizard-tmux.sh", "de wizard");
}

/// The Theehuis Lotus run of issue 13 (tests/e2e/lotus-tmux.sh): start screen to an exported
/// policy and HTML fragment in at most 50 navigation keys, without a detour.
#[test]
fn lotus_run_in_tmux() {
    common::run_tmux_script("lotus-tmux.sh", "de Theehuis Lotus-run");
}
