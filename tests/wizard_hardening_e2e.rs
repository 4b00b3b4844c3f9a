//! Runs tests/e2e/hardening-tmux.sh against the built binary: the wizard under signals,
//! outside edits, a second wizard, a failing save and a huge paste, in a real terminal.
//! Like the other end-to-end test it needs tmux (scripts/test installs it).

use std::process::Command;

#[test]
fn wizard_hardening_in_tmux() {
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux ontbreekt: installeer het (bash scripts/test doet dat) voor de end-to-end-test"
        );
        eprintln!("tmux ontbreekt: end-to-end-test overgeslagen (zie scripts/test)");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/hardening-tmux.sh");
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
