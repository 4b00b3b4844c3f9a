//! A terminal that disappears without a word (its window closed, its tmux server killed):
//! the wizard must end, with the answers saved, instead of reading an empty terminal
//! forever. It used to spin at a quarter of a core until someone killed it.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(sock: &str, args: &[&str]) -> String {
    let out = Command::new("tmux")
        .args(["-L", sock, "-f", "/dev/null"])
        .args(args)
        .output()
        .expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether the process still runs (a zombie waiting for its parent counts as ended).
fn alive(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

#[test]
fn the_wizard_ends_when_its_terminal_disappears() {
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux ontbreekt: installeer het (bash scripts/test doet dat)"
        );
        eprintln!("tmux ontbreekt: test overgeslagen");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("winkel.toml");
    std::fs::write(&file, common::TESTWINKEL).unwrap();
    let sock = format!("pb-hangup-{}", std::process::id());
    let cmd = format!(
        "exec env PRIVACYBELEID_DATA_DIR='{}' TERM=xterm-256color '{}' wizard --answers '{}'",
        dir.path().join("data").display(),
        env!("CARGO_BIN_EXE_privacybeleid"),
        file.display()
    );
    tmux(
        &sock,
        &[
            "new-session",
            "-d",
            "-s",
            "h",
            "-x",
            "120",
            "-y",
            "40",
            &cmd,
        ],
    );
    // Wait until the wizard has drawn its first screen.
    let start = Instant::now();
    while !tmux(&sock, &["capture-pane", "-p", "-t", "h"]).contains("Testwinkel") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the wizard never drew its screen"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let pid = tmux(&sock, &["list-panes", "-t", "h", "-F", "#{pane_pid}"])
        .trim()
        .to_string();
    assert!(alive(&pid), "pane process {pid:?} should run");

    tmux(&sock, &["kill-server"]);
    let gone = Instant::now();
    while alive(&pid) && gone.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let still = alive(&pid);
    if still {
        let _ = Command::new("kill").args(["-9", &pid]).status();
    }
    assert!(
        !still,
        "the wizard still ran 10 s after its terminal disappeared"
    );
    // Nothing lost: the file is still the shop it was.
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Testwinkel"), "{text}");
}
