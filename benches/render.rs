//! Rendering each seed example, and the same shop with every catalog provider ticked, to each
//! format: the wizard re-renders on every keystroke (targets: a seed policy under 150 µs, the
//! every-provider policy under 1 ms, per format); the cookie statement in each voice; the
//! banner configuration, register and agreements list.

use criterion::{criterion_group, criterion_main, Criterion};
use privacybeleid::consult::documents;
use privacybeleid::engine::lang::Voice;
use privacybeleid::engine::{Answers, Engine, Format};

fn seeds() -> Vec<(String, Answers)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seeds");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, Answers::load(&p).unwrap())
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// The first seed shop with every catalog provider in every section it serves.
fn every_provider(engine: &Engine, seed: &Answers) -> Answers {
    let mut a = seed.clone();
    a.preset = None;
    a.variants.clear();
    for section in privacybeleid::engine::Section::ALL {
        let ids = engine
            .catalog()
            .all()
            .iter()
            .filter(|p| p.serves(section))
            .map(|p| p.id.clone())
            .collect();
        a.providers.set(section, ids);
    }
    a
}

fn render(c: &mut Criterion) {
    let engine = Engine::load().unwrap();
    let mut group = c.benchmark_group("render");
    let mut cases = seeds();
    let all = every_provider(&engine, &cases[0].1);
    cases.push(("every-provider".to_string(), all));
    for (name, answers) in cases {
        for (format, ext) in [
            (Format::Markdown, "md"),
            (Format::Html, "html"),
            (Format::Text, "txt"),
        ] {
            group.bench_function(format!("{name}.{ext}"), |b| {
                b.iter(|| {
                    engine
                        .render(std::hint::black_box(&answers), format)
                        .unwrap()
                })
            });
        }
    }
    group.finish();
    // The cookie statement, in each voice it is written in, for the first seed shop and
    // with every provider ticked.
    let mut group = c.benchmark_group("cookie_statement");
    let seed = seeds().swap_remove(0);
    let all = every_provider(&engine, &seed.1);
    for (name, answers) in [(seed.0, seed.1), ("every-provider".to_string(), all)] {
        for voice in Voice::ALL {
            for (format, ext) in [(Format::Markdown, "md"), (Format::Html, "html")] {
                let id = format!("{name}.{}-{}.{ext}", voice.lang.code(), voice.tone.code());
                group.bench_function(id, |b| {
                    b.iter(|| {
                        engine
                            .render_cookie_statement(std::hint::black_box(&answers), format, voice)
                            .unwrap()
                    })
                });
            }
        }
    }
    group.finish();
    // The other documents of one answers file, for the first seed shop and with every provider
    // ticked: banner configuration, register of processing activities, processor agreements.
    let mut group = c.benchmark_group("documents");
    let seed = seeds().swap_remove(0);
    let all = every_provider(&engine, &seed.1);
    let voice = Voice::ALL[0];
    for (name, answers) in [(seed.0, seed.1), ("every-provider".to_string(), all)] {
        group.bench_function(format!("{name}.banner.json"), |b| {
            b.iter(|| {
                engine
                    .banner_json(std::hint::black_box(&answers), voice)
                    .unwrap()
            })
        });
        group.bench_function(format!("{name}.register.md"), |b| {
            b.iter(|| {
                documents::register(&engine, std::hint::black_box(&answers), "2026-11-25")
                    .write(Format::Markdown)
            })
        });
        group.bench_function(format!("{name}.agreements.md"), |b| {
            b.iter(|| {
                documents::agreements(&engine, std::hint::black_box(&answers), "2026-11-25")
                    .write(Format::Markdown)
            })
        });
    }
    group.finish();
    c.bench_function("engine_load", |b| b.iter(|| Engine::load().unwrap()));
    let (_, answers) = &seeds()[0];
    c.bench_function("check", |b| {
        b.iter(|| engine.check(std::hint::black_box(answers)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = render
}
criterion_main!(benches);
