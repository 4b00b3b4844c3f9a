//! What a user gets: the real release binary in a pseudo-terminal of 160×48.
//!
//! - start → first frame: from starting the process to the last byte of its first frame;
//! - keypress → frame: from writing a key to the pty to the last byte of the frame that
//!   answers it, median and p90;
//! - keypress → preview redrawn: to the last byte of the last frame of that burst of output
//!   (the wizard draws the key's frame first and the rebuilt preview and check right after);
//! - peak memory (max RSS, from wait4) over a long scripted session;
//!
//! each for a seed shop (examples/seeds/mom-gemstone.toml) and for the same shop with every
//! catalog provider ticked in every section it serves. Run it with `bash scripts/bench-pty`
//! or `cargo bench --bench pty`; `PRIVACYBELEID_BIN=path` measures another build of the
//! binary (e.g. an older one, for a before/after). `PTY_KEYS` (default 200) and
//! `PTY_ROUNDS` (default 40) set the number of keypresses and of session rounds.

#[path = "support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use pty::Pty;

const COLS: u16 = 160;
const ROWS: u16 = 48;
/// After a frame has ended, no more output for this long ends the answer to a key (a key
/// whose answer takes two frames is measured to the end of the second).
const QUIET: Duration = Duration::from_millis(15);

const CTRL_Q: &[u8] = b"\x11";
const CTRL_S: &[u8] = b"\x13";
const BACKSPACE: &[u8] = b"\x7f";
const ESC: &[u8] = b"\x1b";
const DOWN: &[u8] = b"\x1b[B";
const UP: &[u8] = b"\x1b[A";
const PGDN: &[u8] = b"\x1b[6~";
const PGUP: &[u8] = b"\x1b[5~";
const F2: &[u8] = b"\x1bOQ";

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Bench {
    bin: PathBuf,
    dir: PathBuf,
}

impl Bench {
    fn start(&self, answers: &Path) -> Pty {
        let data = self.dir.join("data");
        Pty::spawn(
            &self.bin,
            &["wizard", "--answers", answers.to_str().unwrap()],
            &[("HOME", &self.dir), ("PRIVACYBELEID_DATA_DIR", &data)],
            COLS,
            ROWS,
        )
        .expect("start the wizard in a pty")
    }

    fn quit(&self, mut p: Pty) -> pty::Exit {
        p.send(CTRL_Q).unwrap();
        let exit = p.wait().unwrap();
        assert_eq!(exit.status, 0, "the wizard did not end cleanly");
        exit
    }

    /// Start to the last byte of the first frame, `n` times.
    fn startup(&self, answers: &Path, n: usize) -> Vec<f64> {
        (0..n)
            .map(|_| {
                let t0 = std::time::Instant::now();
                let mut p = self.start(answers);
                let b = p
                    .frame(Duration::from_millis(60), Duration::from_secs(10))
                    .expect("a first frame");
                self.quit(p);
                ms(b.last_byte - t0)
            })
            .collect()
    }

    /// Keypress → last byte of the frame that answers it, and → last byte of the last frame
    /// of its burst (the preview and the check redrawn, when that takes a frame of its own),
    /// `n` keys taken in turn from `keys`; with `saved`, also keypress → the answers file
    /// replaced on disk (each key changes the answers).
    fn keys(
        &self,
        answers: &Path,
        keys: &[&[u8]],
        n: usize,
        saved: Option<&mut Vec<f64>>,
    ) -> (Vec<f64>, Vec<f64>, usize) {
        let mut saved = saved;
        let watch = saved.is_some().then(|| renamed_to(answers));
        let mut p = self.start(answers);
        p.frame(Duration::from_millis(60), Duration::from_secs(10))
            .expect("a first frame");
        p.drain(Duration::from_millis(30));
        let mut samples = Vec::with_capacity(n);
        let mut settled = Vec::with_capacity(n);
        let mut bytes = 0;
        for i in 0..n {
            if let Some(w) = &watch {
                while w.try_recv().is_ok() {}
            }
            let t0 = std::time::Instant::now();
            p.send(keys[i % keys.len()]).unwrap();
            let b = p
                .frame(QUIET, Duration::from_secs(2))
                .unwrap_or_else(|| panic!("no frame after key {i}"));
            samples.push(ms(b.first_frame - t0));
            settled.push(ms(b.last_byte - t0));
            if let (Some(v), Some(w)) = (saved.as_deref_mut(), &watch) {
                let at = w
                    .recv_timeout(Duration::from_secs(2))
                    .unwrap_or_else(|_| panic!("key {i} was not saved"));
                v.push(ms(at.saturating_duration_since(t0)));
            }
            bytes += b.bytes;
        }
        self.quit(p);
        (samples, settled, bytes / n.max(1))
    }

    /// A long session: typing, walking every step back from the export screen, ticking,
    /// scrolling and the full-width preview, `rounds` times; the peak memory in KB.
    fn session(&self, answers: &Path, rounds: usize) -> (usize, i64) {
        let mut p = self.start(answers);
        p.frame(Duration::from_millis(60), Duration::from_secs(10))
            .expect("a first frame");
        let mut script: Vec<&[u8]> = Vec::new();
        for _ in 0..rounds {
            for c in "Meetwinkel".as_bytes().chunks(1) {
                script.push(c);
            }
            script.extend([BACKSPACE; 10]);
            script.extend([PGDN, PGDN, PGDN, PGUP, PGUP, PGUP, F2, PGDN, F2]);
            script.push(CTRL_S);
            for _ in 0..15 {
                script.extend([ESC, DOWN, b" ", b" ", UP]);
            }
        }
        for k in &script {
            p.send(k).unwrap();
            p.burst(Duration::from_millis(3), Duration::from_millis(500));
        }
        let exit = self.quit(p);
        (script.len(), exit.max_rss_kb)
    }
}

/// The times at which a file was renamed to `path`: the wizard saves by writing a temporary
/// file and renaming it, so that is the moment the change is in the file (inotify, Linux).
fn renamed_to(path: &Path) -> std::sync::mpsc::Receiver<std::time::Instant> {
    use std::io::Read;
    use std::os::fd::FromRawFd;
    use std::os::unix::ffi::OsStrExt;
    let dir = std::ffi::CString::new(path.parent().unwrap().as_os_str().as_bytes()).unwrap();
    let name = path.file_name().unwrap().as_bytes().to_vec();
    // SAFETY: plain calls; the descriptor is checked and then owned by the File.
    let mut file = unsafe {
        let fd = libc::inotify_init1(libc::IN_CLOEXEC);
        assert!(fd >= 0, "inotify_init1");
        assert!(libc::inotify_add_watch(fd, dir.as_ptr(), libc::IN_MOVED_TO) >= 0);
        std::fs::File::from_raw_fd(fd)
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 4096];
        while let Ok(n) = file.read(&mut buf) {
            let now = std::time::Instant::now();
            // struct inotify_event: wd, mask, cookie, len (4 bytes each), then a padded name.
            let mut at = 0;
            while at + 16 <= n {
                let len = u32::from_ne_bytes(buf[at + 12..at + 16].try_into().unwrap()) as usize;
                let event = &buf[at + 16..(at + 16 + len).min(n)];
                let event = event.split(|b| *b == 0).next().unwrap_or_default();
                if event == name.as_slice() && tx.send(now).is_err() {
                    return;
                }
                at += 16 + len;
            }
        }
    });
    rx
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Nearest-rank percentile of sorted samples.
fn pct(sorted: &[f64], p: f64) -> f64 {
    let i = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[i.clamp(1, sorted.len()) - 1]
}

fn report(what: &str, mut v: Vec<f64>, extra: &str) {
    v.sort_by(f64::total_cmp);
    println!(
        "{what:<58} median {:>6.2} ms   p90 {:>6.2} ms   (min {:.2}, max {:.2}, n={}){extra}",
        pct(&v, 50.0),
        pct(&v, 90.0),
        v[0],
        v[v.len() - 1],
        v.len()
    );
}

/// The seed shop with `[wizard] step` set, and the same shop with every provider ticked.
fn answers_files(bin: &Path, dir: &Path) -> [(String, toml::Table); 2] {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed: toml::Table = toml::from_str(
        &std::fs::read_to_string(root.join("examples/seeds/mom-gemstone.toml")).unwrap(),
    )
    .unwrap();
    let out = std::process::Command::new(bin)
        .args(["providers", "--json"])
        .env("HOME", dir)
        .output()
        .expect("run `providers --json`");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("providers JSON");
    let mut by_section: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut count = 0;
    for p in list.as_array().expect("a list of providers") {
        let id = p["id"].as_str().expect("provider id").to_string();
        count += 1;
        for s in p["sections"].as_array().into_iter().flatten() {
            let s = s
                .as_str()
                .or_else(|| s["section"].as_str())
                .or_else(|| s["id"].as_str())
                .expect("section id");
            by_section
                .entry(s.to_string())
                .or_default()
                .push(id.clone());
        }
    }
    let mut all = seed.clone();
    all.remove("preset");
    all.remove("variants");
    let providers: toml::Table = by_section
        .into_iter()
        .map(|(s, ids)| (s, toml::Value::from(ids)))
        .collect();
    all.insert("providers".into(), providers.into());
    [
        ("seed shop (mom-gemstone)".to_string(), seed),
        (format!("every provider ticked ({count})"), all),
    ]
}

fn write_at_step(path: &Path, answers: &toml::Table, step: &str) {
    let mut a = answers.clone();
    let mut w = toml::Table::new();
    w.insert("step".into(), step.into());
    a.insert("wizard".into(), w.into());
    std::fs::write(path, toml::to_string(&a).unwrap()).unwrap();
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` and test discovery: nothing to list.
    }
    let bin = std::env::var_os("PRIVACYBELEID_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_privacybeleid")));
    let tmp = tempfile::tempdir().unwrap();
    let b = Bench {
        bin: bin.clone(),
        dir: tmp.path().to_path_buf(),
    };
    let n = env_num("PTY_KEYS", 200);
    let rounds = env_num("PTY_ROUNDS", 40);
    println!(
        "real binary {} in a pty of {COLS}x{ROWS}; {} cores, load average {}",
        bin.display(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    for (i, (label, answers)) in answers_files(&bin, tmp.path()).iter().enumerate() {
        let shop = tmp.path().join(format!("shop{i}.toml"));
        write_at_step(&shop, answers, "shop");
        report(
            &format!("start → first frame, {label}"),
            b.startup(&shop, 9),
            "",
        );
        let kb = |bytes: usize| format!(", {:.1} KB a frame", bytes as f64 / 1024.0);
        // Typing in the shop name: alternately a letter and Backspace, so the name stays short.
        let mut saved = Vec::new();
        let (v, all, bytes) = b.keys(&shop, &[b"x", BACKSPACE], n, Some(&mut saved));
        report(&format!("keypress → frame, typing, {label}"), v, &kb(bytes));
        report(
            &format!("keypress → preview redrawn, typing, {label}"),
            all,
            "",
        );
        report(
            &format!("keypress → saved on disk, typing, {label}"),
            saved,
            "",
        );
        let pay = tmp.path().join(format!("pay{i}.toml"));
        write_at_step(&pay, answers, "payments");
        // Space on the first payment provider: a whole part of the policy goes and comes.
        let (v, all, bytes) = b.keys(&pay, &[b" "], n, None);
        report(
            &format!("keypress → frame, tick a provider, {label}"),
            v,
            &kb(bytes),
        );
        report(
            &format!("keypress → preview redrawn, tick a provider, {label}"),
            all,
            "",
        );
        let (v, _, bytes) = b.keys(&pay, &[DOWN, UP], n, None);
        report(
            &format!("keypress → frame, move the cursor, {label}"),
            v,
            &kb(bytes),
        );
        if i == 1 {
            let (keys, kb) = b.session(&shop, rounds);
            println!(
                "peak memory (max RSS), {label}, session of {keys} keys: {:.1} MiB",
                kb as f64 / 1024.0
            );
        }
    }
}
