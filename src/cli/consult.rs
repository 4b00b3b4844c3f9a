//! The consultants' commands (issue 9): `history`, `diff`, `status`, and the version
//! bookkeeping of `render` and `check`. What they compute lives in `crate::consult`.

use std::io::{IsTerminal, Write};
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use super::{RenderArgs, What, EXIT_OK, EXIT_UNREADABLE};
use crate::consult::policy::{self, Plan};
use crate::consult::status::{self, Row};
use crate::consult::{facts, textdiff, History};
use crate::engine::model::date_nl;
use crate::engine::{Answers, Diagnostic, Engine};

/// A policy on its way to a file: its plan and the history it is recorded in.
pub struct Export {
    pub plan: Plan,
    history: History,
}

/// Plans the policy of an answers file (None for a preset preview). What is to be said goes
/// to `notes`, for the caller to print (a batch plans on several threads).
pub fn prepare_policy(
    engine: &Engine,
    answers: &Answers,
    path: Option<&Path>,
    exporting: bool,
    args: &RenderArgs,
    notes: &mut Vec<String>,
) -> Result<Option<Export>, i32> {
    let Some(path) = path else { return Ok(None) };
    let history = History::load_for_export(path).map_err(|e| {
        notes.push(format!("fout: {e}"));
        EXIT_UNREADABLE
    })?;
    let changelog =
        !args.no_changelog && answers.export.as_ref().and_then(|e| e.changelog) != Some(false);
    let plan = policy::plan(engine, answers, &history, exporting, changelog).map_err(|e| {
        notes.push(format!("fout: {e}"));
        EXIT_UNREADABLE
    })?;
    if exporting && plan.new_version.is_some() {
        if let Some(d) = policy::effective_date_warning(engine, answers, &history) {
            notes.push(d.to_string());
        }
    }
    Ok(Some(Export { plan, history }))
}

/// After the policy file was written: keep the version (when new) and the export.
pub fn record_export(mut e: Export, written: &Path) -> i32 {
    // The version's text is kept only when the version is new.
    let markdown = e.plan.new_version.as_ref().map(|_| e.plan.markdown());
    let mut export = e.plan.export.clone();
    export.files = vec![written.display().to_string()];
    let new = e.plan.new_version.as_ref().zip(markdown.as_deref());
    if let Err(err) = e.history.record(new, &export) {
        eprintln!("fout: het beleid is geschreven, maar de versie is niet bewaard: {err}");
        return EXIT_UNREADABLE;
    }
    match &e.plan.new_version {
        Some(r) if r.version == 1 => eprintln!("Versie 1 bewaard in {}", e.history.dir.display()),
        Some(r) => eprintln!(
            "Versie {} bewaard in {}: {}",
            r.version,
            e.history.dir.display(),
            r.changes.join(" ")
        ),
        None => eprintln!("Tekst ongewijzigd: nog steeds versie {}", export.version),
    }
    EXIT_OK
}

/// The register or the agreements list, in the format asked for.
pub fn document(engine: &Engine, answers: &Answers, what: What) -> String {
    use crate::consult::documents;
    let today = crate::consult::today();
    match what {
        What::Register(f) => {
            let r = documents::register(engine, answers, &today);
            documents::write_in(&r.document(), f, r.voice)
        }
        What::RegisterCsv => documents::register(engine, answers, &today).csv(),
        What::Agreements(f) => {
            let g = documents::agreements(engine, answers, &today);
            documents::write_in(&g.document(), f, g.voice)
        }
        _ => String::new(),
    }
}

/// `check`: the effective date must move when the text changed since the last version.
pub fn add_history_warnings(
    engine: &Engine,
    answers: &Answers,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) {
    match History::load_latest(path) {
        Ok(h) => diags.extend(policy::effective_date_warning(engine, answers, &h)),
        Err(e) => diags.push(Diagnostic {
            severity: crate::engine::Severity::Warning,
            field: "geschiedenis".into(),
            message: e.to_string(),
        }),
    }
    diags.sort_by_key(|d| d.severity);
}

fn pretty_date(iso: Option<&str>) -> String {
    iso.map(|d| date_nl(d).unwrap_or_else(|| d.to_string()))
        .unwrap_or_else(|| "-".into())
}

pub fn history(_engine: &Engine, path: &Path, json: bool) -> i32 {
    if let Err(e) = std::fs::metadata(path) {
        eprintln!(
            "fout: kan {} niet lezen: {}",
            path.display(),
            crate::engine::error::io_reason(&e)
        );
        return EXIT_UNREADABLE;
    }
    let h = match History::load(path) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("fout: {e}");
            return EXIT_UNREADABLE;
        }
    };
    if json {
        let list: Vec<_> = h
            .versions
            .iter()
            .map(|r| {
                serde_json::json!({
                    "version": r.version,
                    "exported": r.date,
                    "effective_date": r.effective_date,
                    "changes": r.changes,
                    "text": h.text_path(r.version),
                })
            })
            .collect();
        let json = serde_json::to_string_pretty(&list).unwrap_or_default();
        return super::emit(&format!("{json}\n"), EXIT_OK);
    }
    let mut out = super::Out::new();
    if h.is_empty() {
        let _ = writeln!(
            out,
            "{}: nog niet geëxporteerd, dus nog geen versies. Een export met `privacybeleid render --answers {} --out PAD` maakt versie 1.",
            path.display(),
            path.display()
        );
        return out.finish(EXIT_OK);
    }
    let _ = writeln!(out, "{}: {} versie(s)", path.display(), h.versions.len());
    for r in &h.versions {
        let what = if r.version == 1 {
            "Eerste versie.".to_string()
        } else {
            r.changes.join(" ")
        };
        let _ = writeln!(
            out,
            "versie {:<3} geëxporteerd {}  geldig vanaf {:<18} {what}",
            r.version,
            r.date,
            pretty_date(r.effective_date.as_deref()),
        );
    }
    if let Some(l) = &h.last_export {
        let _ = writeln!(
            out,
            "Laatste export: {} (versie {}). Teksten en gegevens per versie: {}",
            l.date,
            l.version,
            h.dir.display()
        );
    }
    out.finish(EXIT_OK)
}

/// `F` or `F@3`.
enum Side<'a> {
    File(&'a Path),
    Version(&'a Path, u32),
}

fn side(s: &str) -> Side<'_> {
    if let Some((file, n)) = s.rsplit_once('@') {
        if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !Path::new(s).exists() {
            if let Ok(n) = n.parse() {
                return Side::Version(Path::new(file), n);
            }
        }
    }
    Side::File(Path::new(s))
}

/// What one side of a diff holds: the answers and facts it used, and its policy text.
fn load_side(engine: &Engine, s: &str) -> Result<(facts::Snapshot, String), String> {
    match side(s) {
        Side::File(p) => {
            let a = Answers::load(p).map_err(|e| e.to_string())?;
            let h = History::load(p).map_err(|e| e.to_string())?;
            let plan = policy::plan(engine, &a, &h, true, true).map_err(|e| e.to_string())?;
            Ok((facts::snapshot(engine, &a), plan.markdown()))
        }
        Side::Version(p, n) => {
            if let Err(e) = std::fs::metadata(p) {
                return Err(format!(
                    "kan {} niet lezen: {}",
                    p.display(),
                    crate::engine::error::io_reason(&e)
                ));
            }
            let h = History::load(p).map_err(|e| e.to_string())?;
            let rec = h.get(n).map_err(|e| e.to_string())?;
            Ok((rec.snapshot(), h.text(n).map_err(|e| e.to_string())?))
        }
    }
}

pub fn diff(engine: &Engine, old: &str, new: &str, text: bool) -> i32 {
    let (a, b) = match (load_side(engine, old), load_side(engine, new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("fout: {e}");
            return EXIT_UNREADABLE;
        }
    };
    let lines = crate::consult::changes::describe(&a.0, &b.0);
    let mut out = super::Out::new();
    let _ = writeln!(out, "Van {old} naar {new}:");
    if lines.is_empty() {
        let _ = writeln!(out, "Geen veranderingen die de lezer merkt.");
    }
    for l in &lines {
        let _ = writeln!(out, "- {l}");
    }
    if text {
        let _ = writeln!(out);
        if a.1 == b.1 {
            let _ = writeln!(out, "De teksten zijn gelijk.");
        } else {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let _ = write!(out, "{}", textdiff::word_diff(&a.1, &b.1, colour));
        }
    }
    out.finish(EXIT_OK)
}

/// Pads to a display width, cutting with `…` when longer.
fn cell(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width.saturating_sub(1) && s.width() > width {
            out.push('…');
            w += 1;
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push_str(&" ".repeat(width.saturating_sub(w)));
    out
}

fn why(r: &Row, engine: &Engine) -> String {
    if !r.stale {
        return "nee".into();
    }
    let mut parts: Vec<String> = Vec::new();
    for reason in &r.reasons {
        match reason {
            status::Reason::CatalogChanged => {
                let names: Vec<String> = r
                    .changed_providers
                    .iter()
                    .map(|id| {
                        engine
                            .catalog()
                            .get(id)
                            .map_or_else(|| id.clone(), |p| p.name.clone())
                    })
                    .collect();
                parts.push(format!("gegevens van {} gewijzigd", names.join(", ")));
            }
            other => parts.push(other.dutch().to_string()),
        }
    }
    format!("ja: {}", parts.join("; "))
}

pub fn status(engine: &Engine, dir: &Path, json: bool, provider: Option<&str>) -> i32 {
    let mut rows = match status::scan(engine, dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("fout: {e}");
            return EXIT_UNREADABLE;
        }
    };
    if let Some(id) = provider {
        let used = rows.iter().any(|r| r.providers.iter().any(|p| p == id));
        if engine.catalog().get(id).is_none() && !used {
            let hint = crate::engine::error::did_you_mean(&crate::engine::nearest::nearest(
                id,
                engine.catalog().ids(),
            ));
            eprintln!("fout: onbekende aanbieder `{id}`{hint}");
            return EXIT_UNREADABLE;
        }
        rows.retain(|r| r.providers.iter().any(|p| p == id));
    }
    if json {
        let json = serde_json::to_string_pretty(&rows).unwrap_or_default();
        return super::emit(&format!("{json}\n"), EXIT_OK);
    }
    let mut out = super::Out::new();
    if rows.is_empty() {
        let _ = match provider {
            Some(id) => writeln!(out, "Geen klant in {} gebruikt `{id}`.", dir.display()),
            None => writeln!(
                out,
                "Geen antwoordenbestanden (*.toml) in {}.",
                dir.display()
            ),
        };
        return out.finish(EXIT_OK);
    }
    let _ = writeln!(
        out,
        "{} {} {:>6} {:>8} {:>6}  {} nieuwe export nodig?",
        cell("bestand", 24),
        cell("webwinkel", 24),
        "fouten",
        "waarsch.",
        "versie",
        cell("geëxporteerd", 12),
    );
    for r in &rows {
        let name = r
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shop = r.shop.clone().unwrap_or_else(|| "(geen naam)".into());
        let why = match &r.unreadable {
            Some(e) => format!("onleesbaar: {e}"),
            None => why(r, engine),
        };
        let _ = writeln!(
            out,
            "{} {} {:>6} {:>8} {:>6}  {} {why}",
            cell(&name, 24),
            cell(&shop, 24),
            r.errors,
            r.warnings,
            r.version.map_or_else(|| "-".into(), |v| v.to_string()),
            cell(r.exported.as_deref().unwrap_or("-"), 12),
        );
    }
    let stale = rows.iter().filter(|r| r.stale).count();
    let _ = writeln!(
        out,
        "{} klant(en); {stale} met een nieuwe export nodig.",
        rows.len()
    );
    out.finish(EXIT_OK)
}
