// Embeds every file under assets/ and presets/ in the binary, so adding a provider file,
// template or preset needs no code change and the binary runs without its source tree.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, base, out);
        } else {
            let rel = p
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, p.canonicalize().unwrap()));
        }
    }
}

fn table(name: &str, dir: &str, ext: &str, code: &mut String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    writeln!(code, "pub const {name}: &[(&str, &str)] = &[").unwrap();
    for (rel, abs) in files.iter().filter(|(r, _)| r.ends_with(ext)) {
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    writeln!(code, "];").unwrap();
}

fn main() {
    let mut code = String::new();
    table("CATALOG", "assets/catalog", ".toml", &mut code);
    table("TEMPLATES", "assets/templates", ".tera", &mut code);
    table("PRESETS", "presets", ".toml", &mut code);
    table("ASSET_FILES", "assets", ".toml", &mut code);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("assets_gen.rs");
    std::fs::write(out, code).unwrap();
}
