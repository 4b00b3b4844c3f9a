//! `status` on a consultant's folder of 1,000 client files (issue 9): a third never
//! exported, a third exported and unchanged, a third changed since their export. Each file
//! is read, checked and compared with its last export (answers, provider fingerprints, text).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use privacybeleid::consult::{policy, status, History};
use privacybeleid::engine::{Answers, Engine};

const CLIENTS: usize = 1000;

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seeds");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v.iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Writes the client files (and the histories of two thirds) into `dir`.
fn make_clients(engine: &Engine, dir: &Path) {
    let seeds = seeds();
    for i in 0..CLIENTS {
        let text = &seeds[i % seeds.len()];
        let mut a = Answers::from_toml_str(text).unwrap();
        a.shop.name = Some(format!("Klant {i:04}"));
        let path = dir.join(format!("klant-{i:04}.toml"));
        std::fs::write(&path, a.to_toml_string()).unwrap();
        if i % 3 == 0 {
            continue; // never exported
        }
        let mut h = History::load(&path).unwrap();
        let plan = policy::plan(engine, &a, &h, true, true).unwrap();
        let md = plan.markdown();
        h.record(
            plan.new_version.as_ref().map(|r| (r, md.as_str())),
            &plan.export,
        )
        .unwrap();
        if i % 3 == 2 {
            a.policy.retention_max_years = Some(3);
            std::fs::write(&path, a.to_toml_string()).unwrap();
        }
    }
}

fn bench(c: &mut Criterion) {
    let engine = Engine::load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    make_clients(&engine, dir.path());
    let rows = status::scan(&engine, dir.path()).unwrap();
    assert_eq!(rows.len(), CLIENTS);
    assert_eq!(rows.iter().filter(|r| r.stale).count(), 667);
    let mut group = c.benchmark_group("status");
    group.sample_size(10);
    group.bench_function("1000 klanten", |b| {
        b.iter(|| status::scan(&engine, std::hint::black_box(dir.path())).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
