//! Runs tests/e2e/wizard-tmux.sh against the built binary. It needs tmux (scripts/test
//! installs it). Without tmux it fails under CI (CI is set) and only warns elsewhere, so a
//! plain `cargo test` on a laptop without tmux still runs everything else.

use std::process::Command;

#[test]
fn wizard_in_tmux() {
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux ontbreekt: installeer het (bash scripts/test doet dat) voor de end-to-end-test"
        );
        eprintln!("tmux ontbreekt: end-to-end-test van de wizard overgeslagen (zie scripts/test)");
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
