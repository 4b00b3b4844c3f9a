//! Runs tests/e2e/wizard-tmux.sh against the built binary when tmux is installed
//! (scripts/test installs it). Without tmux the test says so and passes.

use std::process::Command;

#[test]
fn wizard_in_tmux() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux ontbreekt: end-to-end-test van de wizard overgeslagen");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/wizard-tmux.sh");
    let out = Command::new("bash")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_privacybeleid"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains(" passed, 0 failed"));
}
