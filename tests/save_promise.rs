//! The wizard's promise "every change is saved at once", checked on the real binary in a
//! pseudo-terminal: a change that has been on screen for a moment is in the answers file,
//! even when the wizard is then killed without warning (kill -9, a crash, a closed terminal).
//!
//! The wizard writes the answers file right after drawing the frame that shows a change,
//! before it reads the next key (keys that arrived together are handled first and saved
//! once). "A moment" is the time that write takes: about a millisecond, more on a slow
//! disk. The tests allow MOMENT for it, so a loaded machine does not make them flaky.
#![cfg(unix)]

#[path = "../benches/support/pty.rs"]
mod pty;

use std::path::Path;
use std::time::Duration;

const MOMENT: Duration = Duration::from_millis(300);
const FRAME: Duration = Duration::from_secs(20);

fn shop_name(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let t: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    t["shop"]["name"].as_str().unwrap().to_string()
}

fn start(dir: &Path) -> (pty::Pty, std::path::PathBuf) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seeds/mom-gemstone.toml");
    let path = dir.join("winkel.toml");
    let text = std::fs::read_to_string(seed).unwrap();
    std::fs::write(&path, format!("{text}\n[wizard]\nstep = \"shop\"\n")).unwrap();
    let data = dir.join("data");
    let mut p = pty::Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_privacybeleid")),
        &["wizard", "--answers", path.to_str().unwrap()],
        &[("HOME", dir), ("PRIVACYBELEID_DATA_DIR", &data)],
        120,
        40,
    )
    .unwrap();
    assert!(
        p.frame(Duration::from_millis(200), FRAME).is_some(),
        "no first frame"
    );
    (p, path)
}

/// Every key, once its frame is drawn and a moment has passed, is in the file; kill -9 at
/// the end loses none of them.
#[test]
fn a_change_on_screen_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path) = start(dir.path());
    for i in 0..3 {
        p.send(&b"xyz"[i..=i]).unwrap();
        assert!(
            p.frame(Duration::from_millis(20), FRAME).is_some(),
            "no frame for key {i}"
        );
        std::thread::sleep(MOMENT);
        assert_eq!(
            shop_name(&path),
            format!("MOM Gemstone{}", &"xyz"[..=i]),
            "key {i} was on screen but not in the file"
        );
    }
    p.kill(libc::SIGKILL);
    p.wait().unwrap();
    assert_eq!(shop_name(&path), "MOM Gemstonexyz");
}

/// Keys that arrive together (fast typing, a key held down) end up in the file: the last
/// state, not only the first key.
#[test]
fn a_burst_of_keys_is_saved_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, path) = start(dir.path());
    p.send(b" en Zonen").unwrap();
    p.send(b"\x7f\x7f\x7f").unwrap(); // three Backspaces: " en Zo"
                                      // Wait until the wizard has drawn and gone quiet, then a moment more.
    while p
        .frame(Duration::from_millis(100), Duration::from_millis(500))
        .is_some()
    {}
    std::thread::sleep(MOMENT);
    p.kill(libc::SIGKILL);
    p.wait().unwrap();
    assert_eq!(shop_name(&path), "MOM Gemstone en Zo");
}
