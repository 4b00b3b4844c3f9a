//! The wizard's files import each other in one direction only: no import loop. Reads every
//! file under src/wizard, collects the wizard modules it names (`use super::..`,
//! `crate::wizard::..`, grouped `{..}` imports, paths in code and in macros), and looks for a
//! cycle. Also: no screen imports `update` or `state`, and a new screen needs no file but
//! its own and the registration in screens/mod.rs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`screens::shop`) → file, for every .rs file under src/wizard.
fn modules() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                walk(&p, &join(prefix, &name), out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let m = if name == "mod" {
                    prefix.to_string()
                } else {
                    join(prefix, &name)
                };
                out.insert(m, p);
            }
        }
    }
    // WIZARD_SRC points the check at another copy (e.g. an older one, to see it fail).
    let dir = std::env::var_os("WIZARD_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/wizard"));
    let mut out = BTreeMap::new();
    walk(&dir, "", &mut out);
    out
}

fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a}::{b}")
    }
}

/// The module a file's `super` means.
fn parent(module: &str, is_mod_rs: bool) -> String {
    // In `screens/mod.rs` (module `screens`) super is the wizard root; in
    // `screens/shop.rs` (module `screens::shop`) super is `screens`.
    let _ = is_mod_rs;
    match module.rfind("::") {
        Some(i) => module[..i].to_string(),
        None => String::new(),
    }
}

/// Every path the text names that starts at `super::` or `crate::wizard::`, with groups
/// expanded, as full module paths (without the leading `wizard`).
fn paths(text: &str, module: &str, is_mod_rs: bool) -> Vec<String> {
    // Comments do not import.
    let code: String = text
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let word_start = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        let (base, skip) = if word_start && rest.starts_with("crate::wizard::") {
            (String::new(), "crate::wizard::".len())
        } else if word_start && rest.starts_with("super::") {
            let mut base = parent(module, is_mod_rs);
            let mut skip = "super::".len();
            while code[i + skip..].starts_with("super::") {
                base = parent(&base, false);
                skip += "super::".len();
            }
            (base, skip)
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let (tree, used) = parse_tree(&code[i + skip..]);
        for p in tree {
            out.push(join(&base, &p));
        }
        i += skip + used.max(1);
    }
    out
}

/// Parses `a::b::{c, d::{e}}` into ["a::b::c", "a::b::d::e"]; returns the bytes used.
fn parse_tree(s: &str) -> (Vec<String>, usize) {
    if let Some(rest) = s.strip_prefix('{') {
        // `super::{a, b}`: a group straight away.
        let (items, used) = parse_tree(&format!("x::{{{rest}"));
        let items = items
            .into_iter()
            .map(|p| p.trim_start_matches("x::").to_string())
            .collect();
        return (items, used.saturating_sub(2));
    }
    let mut i = 0;
    let b = s.as_bytes();
    let mut prefix = String::new();
    loop {
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        if i > start {
            prefix = join(&prefix, &s[start..i]);
        }
        if s[i..].starts_with("::{") {
            i += 3;
            let mut out = Vec::new();
            loop {
                while i < b.len() && (b[i] as char).is_whitespace() {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'}' {
                    i += 1;
                    break;
                }
                let (items, used) = parse_tree(&s[i..]);
                out.extend(items.into_iter().map(|x| join(&prefix, &x)));
                i += used.max(1);
                while i < b.len() && ((b[i] as char).is_whitespace() || b[i] == b',') {
                    i += 1;
                }
            }
            return (out, i);
        }
        if s[i..].starts_with("::") {
            i += 2;
            continue;
        }
        return (vec![prefix], i);
    }
}

/// The longest module that a path starts with.
fn resolve(path: &str, mods: &BTreeMap<String, PathBuf>) -> Option<String> {
    let segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    (0..=segs.len())
        .rev()
        .map(|n| segs[..n].join("::"))
        .find(|m| mods.contains_key(m))
}

/// Edges: module → modules it imports.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules();
    let mut g = BTreeMap::new();
    for (m, file) in &mods {
        let text = std::fs::read_to_string(file).unwrap();
        // Unit tests inside a file (`mod tests { use super::*; }`) are not the file's imports.
        let text = match text.find("#[cfg(test)]") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        let is_mod_rs = file.file_name().is_some_and(|n| n == "mod.rs");
        let mut to = BTreeSet::new();
        // A module file names its own child modules without a prefix (`about::About`).
        for child in mods.keys().filter(|c| parent(c, false) == *m && *c != m) {
            let name = child.rsplit("::").next().unwrap();
            let named = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .any(|l| {
                    l.match_indices(&format!("{name}::")).any(|(i, _)| {
                        i == 0
                            || !l.as_bytes()[i - 1].is_ascii_alphanumeric()
                                && l.as_bytes()[i - 1] != b'_'
                                && l.as_bytes()[i - 1] != b':'
                    })
                });
            if named {
                to.insert(child.clone());
            }
        }
        for p in paths(&text, m, is_mod_rs) {
            if let Some(t) = resolve(&p, &mods) {
                if t != *m {
                    to.insert(t);
                }
            }
        }
        g.insert(m.clone(), to);
    }
    g
}

/// A cycle in the graph, if there is one.
fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for t in g.get(n).into_iter().flatten() {
            match state.get(t.as_str()) {
                Some(1) => {
                    let i = stack.iter().position(|x| x == t).unwrap();
                    let mut c = stack[i..].to_vec();
                    c.push(t.clone());
                    return Some(c);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(t, g, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in g.keys() {
        if !state.contains_key(n) {
            let mut stack = vec![];
            if let Some(c) = visit(n, g, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn the_parser_reads_grouped_and_nested_imports() {
    let (p, _) = parse_tree("derived::{Derived, PreviewSource}, x");
    assert_eq!(p, ["derived::Derived", "derived::PreviewSource"]);
    let found = paths(
        "use super::{form, keymap::{self, Key}};\nlet x = crate::wizard::update::update(s);\n// use super::view;",
        "screens::shop",
        false,
    );
    assert_eq!(
        found,
        [
            "screens::form",
            "screens::keymap::self",
            "screens::keymap::Key",
            "update::update"
        ]
    );
    assert_eq!(
        paths("use super::model::Model;", "screens", true),
        ["model::Model"]
    );
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.insert("a".into(), ["b".to_string()].into());
    g.insert("b".into(), ["c".to_string()].into());
    g.insert("c".into(), BTreeSet::new());
    assert_eq!(find_cycle(&g), None);
    g.get_mut("c").unwrap().insert("a".into());
    assert_eq!(
        find_cycle(&g),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}

#[test]
fn no_import_loop_among_the_wizard_files() {
    let g = graph();
    if let Some(c) = find_cycle(&g) {
        panic!("import loop: {}", c.join(" → "));
    }
    // The graph is real: the update loop reaches the screens, a screen its keymap.
    assert!(g["update"].contains("screens"), "{:?}", g["update"]);
    assert!(
        g["screens::shop"].contains("keymap"),
        "{:?}",
        g["screens::shop"]
    );
    assert!(g.len() >= 25, "{} modules", g.len());
}

#[test]
fn screens_do_not_reach_back_into_the_loop() {
    for (m, to) in graph() {
        if m.starts_with("screens") || m == "screen" || m.starts_with("widgets") {
            for bad in ["update", "state", "view"] {
                assert!(!to.contains(bad), "{m} imports {bad}: {to:?}");
            }
        }
    }
}

/// Files that name a screen's module: its own file and the registration in screens/mod.rs
/// (shared helpers such as `screens::form` excepted). Adding a screen touches no other file.
#[test]
fn a_screen_is_named_only_by_its_own_file_and_the_registry() {
    let g = graph();
    for screen in ["screens::about", "screens::policy", "screens::review"] {
        let users: Vec<&String> = g
            .iter()
            .filter(|(m, to)| *m != screen && to.contains(screen))
            .map(|(m, _)| m)
            .collect();
        assert_eq!(users, ["screens"], "{screen} is imported by {users:?}");
    }
}
