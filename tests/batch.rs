//! `render --answers <many files> --out-dir`: a consultant's batch, made on several threads
//! and made durable with one sync at the end. The result must be what rendering each file
//! on its own gives, in the order given, with a bad file reported and skipped.

mod common;

use std::path::Path;
use std::process::Output;

fn run(args: &[&str]) -> Output {
    common::run("batch-test", args)
}

/// `n` client files from the seeds, each under its own shop name; file `bad` has an error.
fn clients(dir: &Path, n: usize, bad: Option<usize>) -> Vec<String> {
    let seeds: Vec<String> = common::seed_files()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    (0..n)
        .map(|i| {
            let mut t =
                seeds[i % seeds.len()].replacen("name = \"", &format!("name = \"Klant {i:02} "), 1);
            if Some(i) == bad {
                t = t.replacen("email = \"", "email = \"@@ ", 1);
            }
            let p = dir.join(format!("klant-{i:02}.toml"));
            std::fs::write(&p, t).unwrap();
            p.to_string_lossy().into_owned()
        })
        .collect()
}

fn render_batch(files: &[String], out: &Path, format: &str) -> Output {
    let mut args = vec!["render", "--answers"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--out-dir", out.to_str().unwrap(), "--format", format]);
    run(&args)
}

#[test]
fn a_batch_writes_what_each_file_gives_alone_in_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let files = clients(dir.path(), 24, None);
    let out = dir.path().join("uit");
    let o = render_batch(&files, &out, "html");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    // Reported in the order given, each with the file it wrote.
    let headers: Vec<&str> = err.lines().filter(|l| l.ends_with(".toml:")).collect();
    let expected: Vec<String> = files.iter().map(|f| format!("{f}:")).collect();
    assert_eq!(headers, expected);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        24,
        "one file per client and no temp files: {names:?}"
    );
    // Each file as a single render of that client gives it (its history now exists, so
    // that render carries the same version part).
    for (i, f) in files.iter().enumerate().step_by(5) {
        let alone = dir.path().join(format!("alleen-{i}.html"));
        let o = run(&[
            "render",
            "--answers",
            f,
            "--format",
            "html",
            "--out",
            alone.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let name = names
            .iter()
            .find(|n| n.starts_with(&format!("klant-{i:02}-")))
            .unwrap_or_else(|| panic!("no output for client {i}: {names:?}"));
        assert_eq!(
            std::fs::read_to_string(out.join(name)).unwrap(),
            std::fs::read_to_string(&alone).unwrap(),
            "client {i}"
        );
    }
}

#[test]
fn a_bad_file_is_reported_and_skipped_and_the_rest_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = clients(dir.path(), 9, Some(4));
    let missing = dir.path().join("bestaat-niet.toml");
    files.insert(7, missing.to_string_lossy().into_owned());
    let out = dir.path().join("uit");
    let o = render_batch(&files, &out, "md");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "the worst code wins: {err}");
    assert!(err.contains("Niets gemaakt"), "{err}");
    assert!(err.contains("bestaat-niet.toml"), "{err}");
    let count = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(count, 8, "the eight good files, nothing else");
    assert!(!out.join("klant-04-mom-gemstone-privacybeleid.md").exists());
}

/// A batch run again on the same day with nothing changed leaves each client's history as
/// it is (its last-export record is not written again); an export to another folder is
/// recorded.
#[test]
fn the_same_batch_again_leaves_the_history_alone() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let files = clients(dir.path(), 3, None);
    let out = dir.path().join("uit");
    assert_eq!(render_batch(&files, &out, "md").status.code(), Some(0));
    let last = |f: &str| Path::new(&format!("{f}.history")).join("laatste-export.toml");
    let inode = |f: &str| std::fs::metadata(last(f)).unwrap().ino();
    let before: Vec<u64> = files.iter().map(|f| inode(f)).collect();
    let text = std::fs::read_to_string(last(&files[0])).unwrap();
    let o = render_batch(&files, &out, "md");
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Tekst ongewijzigd"));
    let after: Vec<u64> = files.iter().map(|f| inode(f)).collect();
    assert_eq!(
        before, after,
        "an atomic write would have replaced the file"
    );
    assert_eq!(std::fs::read_to_string(last(&files[0])).unwrap(), text);
    // Elsewhere: the record names the new file.
    let other = dir.path().join("elders");
    assert_eq!(render_batch(&files, &other, "md").status.code(), Some(0));
    assert_ne!(inode(&files[0]), before[0]);
    let text = std::fs::read_to_string(last(&files[0])).unwrap();
    assert!(text.contains("elders"), "{text}");
}
