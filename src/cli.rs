//! The command line: render, check, providers, presets, and the wizard.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::atomic;
use crate::engine::lang::{Lang, Tone, Voice};
use crate::engine::{cookies, validate, Answers, Engine, Format, Section, Severity};

mod consult;

const TEMPLATE: &str = "\
{before-help}{name} {version}
{about}

Gebruik: {usage}

{all-args}{after-help}";

/// Subcommands have no version of their own.
const SUB_TEMPLATE: &str = "\
{about}

Gebruik: {usage}

{all-args}{after-help}";

#[derive(Parser, Debug)]
#[command(
    name = "privacybeleid",
    version,
    about = "Schrijft het privacybeleid van een Nederlandse webwinkel.\n\
             Zonder opdracht start de wizard.",
    help_template = TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Opdrachten",
    subcommand_value_name = "OPDRACHT",
    override_usage = "privacybeleid [OPDRACHT] [OPTIES]",
    next_help_heading = "Opties"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[arg(short = 'h', long, action = ArgAction::Help, global = true, help = "Toon deze hulp")]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version, help = "Toon het versienummer")]
    version: Option<bool>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start de wizard (standaard als u geen opdracht geeft)
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opties", override_usage = "privacybeleid wizard [--answers BESTAND | --dir MAP]")]
    Wizard {
        /// Antwoordenbestand om te openen of te maken; elke wijziging wordt direct bewaard
        #[arg(long, value_name = "BESTAND")]
        answers: Option<PathBuf>,
        /// Map met een antwoordenbestand per klant: opent het klantenoverzicht
        #[arg(long, value_name = "MAP", conflicts_with = "answers")]
        dir: Option<PathBuf>,
    },
    /// Maak het privacybeleid uit een antwoordenbestand of een preset
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opties", override_usage = "privacybeleid render (--answers BESTAND... | --preset ID) [--document policy|cookies|banner] [--format md|html|txt|json|js] [--fragment] [--lang nl|en] [--tone u|je] [--out PAD | --out-dir MAP]")]
    Render(RenderArgs),
    /// Controleer een antwoordenbestand: fouten en waarschuwingen
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opties", override_usage = "privacybeleid check --answers BESTAND... [--json]")]
    Check {
        /// Het antwoordenbestand (TOML); meer bestanden mag, bijvoorbeeld klanten/*.toml
        #[arg(long, value_name = "BESTAND", num_args = 1.., required = true)]
        answers: Vec<PathBuf>,
        /// Uitvoer als JSON
        #[arg(long)]
        json: bool,
    },
    /// Toon de aanbieders in de catalogus
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opties", override_usage = "privacybeleid providers [--section ONDERDEEL] [--json]")]
    Providers {
        /// Alleen aanbieders voor dit onderdeel (bijv. payments, shipping)
        #[arg(long, value_name = "ONDERDEEL")]
        section: Option<String>,
        /// Uitvoer als JSON
        #[arg(long)]
        json: bool,
    },
    // ---- Consultants (issue 9): history, diff, status; see src/cli/consult.rs ----
    /// Toon de versies van het privacybeleid van een antwoordenbestand
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opties", override_usage = "privacybeleid history --answers BESTAND [--json]")]
    History {
        /// Het antwoordenbestand (TOML)
        #[arg(long, value_name = "BESTAND")]
        answers: PathBuf,
        /// Uitvoer als JSON
        #[arg(long)]
        json: bool,
    },
    /// Wat is er veranderd tussen twee antwoordenbestanden of versies (BESTAND@3)
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opties", override_usage = "privacybeleid diff OUD NIEUW [--text]")]
    Diff {
        /// Een antwoordenbestand, of een versie ervan: klant.toml@2
        #[arg(value_name = "OUD")]
        old: String,
        /// Een antwoordenbestand, of een versie ervan: klant.toml@3
        #[arg(value_name = "NIEUW")]
        new: String,
        /// Toon ook de tekst woord voor woord (kleur op een terminal, [-weg-] {+erbij+} anders)
        #[arg(long)]
        text: bool,
    },
    /// Overzicht van alle antwoordenbestanden in een map: wie heeft een nieuwe export nodig?
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opties", override_usage = "privacybeleid status MAP [--json] [--provider ID]")]
    Status {
        /// De map met antwoordenbestanden (*.toml)
        #[arg(value_name = "MAP")]
        dir: PathBuf,
        /// Uitvoer als JSON
        #[arg(long)]
        json: bool,
        /// Alleen de klanten die deze aanbieder gebruiken
        #[arg(long, value_name = "ID")]
        provider: Option<String>,
    },
    // ---- end consultants ----
    /// Toon de presets (veelgebruikte combinaties)
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opties", override_usage = "privacybeleid presets [--json]")]
    Presets {
        /// Uitvoer als JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Debug)]
#[group(required = true, multiple = false, id = "bron")]
pub struct Source {
    /// Het antwoordenbestand (TOML); meer bestanden mag samen met --out-dir
    #[arg(long, value_name = "BESTAND", num_args = 1..)]
    answers: Vec<PathBuf>,
    /// Voorbeeld van een preset met voorbeeldgegevens
    #[arg(long, value_name = "ID")]
    preset: Option<String>,
}

#[derive(Args, Debug)]
pub struct RenderArgs {
    #[command(flatten)]
    source: Source,
    /// Welk document: policy (privacybeleid, standaard), cookies (cookieverklaring) of banner (instellingen voor de cookiemelding)
    #[arg(
        long,
        value_enum,
        default_value = "policy",
        value_name = "DOCUMENT",
        hide_possible_values = true,
        hide_default_value = true
    )]
    document: DocumentArg,
    /// Uitvoerformaat: md (Markdown, standaard), html, txt (platte tekst, 80 tekens breed); bij --document banner json (standaard) of js
    #[arg(long, value_enum, value_name = "FORMAAT", hide_possible_values = true)]
    format: Option<FormatArg>,
    /// Taal: nl (standaard) of en
    #[arg(long, value_enum, value_name = "TAAL", hide_possible_values = true)]
    lang: Option<LangArg>,
    /// Aanspreekvorm in het Nederlands: u (standaard) of je
    #[arg(long, value_enum, value_name = "TOON", hide_possible_values = true)]
    tone: Option<ToneArg>,
    /// Bij html: alleen de inhoud, om in een CMS te plakken
    #[arg(long)]
    fragment: bool,
    /// Schrijf naar dit bestand in plaats van naar het scherm
    #[arg(long, value_name = "PAD", conflicts_with = "out_dir")]
    out: Option<PathBuf>,
    /// Schrijf elk beleid als <naam-webwinkel>-privacybeleid.<ext> in deze map (voor meer bestanden)
    #[arg(long, value_name = "MAP")]
    out_dir: Option<PathBuf>,
    /// Laat de lijst met wijzigingen per versie weg (het versienummer blijft staan)
    #[arg(long)]
    no_changelog: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    /// Markdown
    Md,
    /// HTML
    Html,
    /// Platte tekst, 80 tekens breed
    Txt,
    /// JSON (de instellingen voor de cookiemelding)
    Json,
    /// JavaScript: de instellingen met de code die de cookiemelding start
    Js,
    /// CSV (het register, één regel per doel)
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq)]
enum DocumentArg {
    /// Het privacybeleid
    Policy,
    /// De cookieverklaring
    Cookies,
    /// De instellingen voor de cookiemelding (vanilla-cookieconsent)
    Banner,
    /// Het register van verwerkingsactiviteiten (artikel 30 AVG)
    Register,
    /// De lijst met verwerkersovereenkomsten (artikel 28 AVG)
    Agreements,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    Nl,
    En,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum ToneArg {
    U,
    Je,
}

/// What one `render` produces.
#[derive(Clone, Copy, Debug)]
enum What {
    Policy(Format),
    Cookies(Format),
    Banner,
    BannerJs,
    // Consultants (issue 9)
    Register(Format),
    RegisterCsv,
    Agreements(Format),
}

/// A line on standard error. Unlike `eprintln!` it never panics: when even standard error
/// cannot be written there is nobody left to tell.
macro_rules! say {
    ($($t:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

/// Exit codes: 0 fine, 1 errors in the answers, 2 cannot read / parse / write.
pub const EXIT_OK: i32 = 0;
pub const EXIT_INVALID: i32 = 1;
pub const EXIT_UNREADABLE: i32 = 2;

pub fn parse_args() -> Result<Cli, i32> {
    match Cli::try_parse() {
        Ok(c) => Ok(c),
        Err(e) => {
            use clap::error::ErrorKind as K;
            use clap::error::{ContextKind as C, ContextValue};
            if matches!(e.kind(), K::DisplayHelp | K::DisplayVersion) {
                let _ = e.print();
                return Err(EXIT_OK);
            }
            // clap words its errors in English; say the same in Dutch from its context.
            let ctx = |k: C| match e.get(k) {
                Some(ContextValue::String(s)) => s.clone(),
                Some(ContextValue::Strings(v)) => v.join(", "),
                _ => String::new(),
            };
            let message = match e.kind() {
                K::UnknownArgument => format!("onbekende optie `{}`", ctx(C::InvalidArg)),
                K::InvalidValue => format!(
                    "ongeldige waarde `{}` voor {}; mogelijk: {}",
                    ctx(C::InvalidValue),
                    ctx(C::InvalidArg),
                    ctx(C::ValidValue)
                ),
                K::MissingRequiredArgument => {
                    format!("verplichte optie ontbreekt: {}", ctx(C::InvalidArg))
                }
                K::InvalidSubcommand => {
                    let typed = ctx(C::InvalidSubcommand);
                    let known = [
                        "wizard",
                        "render",
                        "check",
                        "history",
                        "diff",
                        "status",
                        "providers",
                        "presets",
                    ];
                    format!(
                        "onbekende opdracht `{typed}`{}; kies uit: {}",
                        crate::engine::error::did_you_mean(&crate::engine::nearest::nearest(
                            &typed, known
                        )),
                        known.join(", ")
                    )
                }
                K::ArgumentConflict => format!(
                    "{} gaat niet samen met {}",
                    ctx(C::InvalidArg),
                    ctx(C::PriorArg)
                ),
                K::NoEquals | K::ValueValidation | K::TooManyValues | K::WrongNumberOfValues => {
                    format!("ongeldige waarde bij {}", ctx(C::InvalidArg))
                }
                _ => "ongeldige aanroep".to_string(),
            };
            say!("fout: {message}");
            say!("Zie `privacybeleid --help` of `privacybeleid OPDRACHT --help`.");
            Err(EXIT_UNREADABLE)
        }
    }
}

/// Writes a command's output to standard output. A reader that went away (`| head -1`) is
/// not an error: the command ends quietly with the code it had. Any other failure (a full
/// disk, `> /dev/full`) is reported and makes the exit code 2.
pub(crate) fn emit(text: &str, code: i32) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(e) => emit_failed(&e, code),
    }
}

/// Standard output for commands that write line by line: remembers the first failure, and
/// [`Out::finish`] turns it into the exit code as [`emit`] does.
pub(crate) struct Out {
    lock: std::io::StdoutLock<'static>,
    error: Option<std::io::Error>,
}

impl Out {
    pub(crate) fn new() -> Out {
        Out {
            lock: std::io::stdout().lock(),
            error: None,
        }
    }

    pub(crate) fn finish(mut self, code: i32) -> i32 {
        let flushed = self.lock.flush();
        match self.error.take().map_or(flushed, Err) {
            Ok(()) => code,
            Err(e) => emit_failed(&e, code),
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.error.is_some() {
            return Ok(buf.len());
        }
        match self.lock.write_all(buf) {
            Ok(()) => Ok(buf.len()),
            Err(e) => {
                self.error = Some(e);
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn emit_failed(e: &std::io::Error, code: i32) -> i32 {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return code;
    }
    say!(
        "fout: kan de uitvoer niet schrijven: {}",
        crate::engine::error::io_reason(e)
    );
    code.max(EXIT_UNREADABLE)
}

pub fn run(cli: Cli, engine: &Engine) -> i32 {
    match cli.command {
        None => crate::wizard::run(engine, None),
        Some(Command::Wizard { answers, dir: None }) => crate::wizard::run(engine, answers),
        Some(Command::Wizard { dir: Some(dir), .. }) => crate::wizard::run_clients(engine, dir),
        Some(Command::Render(args)) => render(engine, args),
        Some(Command::Check { answers, json }) => check_all(engine, &answers, json),
        Some(Command::Providers { section, json }) => providers(engine, section.as_deref(), json),
        Some(Command::Presets { json }) => presets(engine, json),
        Some(Command::History { answers, json }) => consult::history(engine, &answers, json),
        Some(Command::Diff { old, new, text }) => consult::diff(engine, &old, &new, text),
        Some(Command::Status {
            dir,
            json,
            provider,
        }) => consult::status(engine, &dir, json, provider.as_deref()),
    }
}

fn load(path: &Path) -> Result<Answers, i32> {
    Answers::load(path).map_err(|e| {
        say!("fout: {e}");
        EXIT_UNREADABLE
    })
}

fn render(engine: &Engine, args: RenderArgs) -> i32 {
    let what = match what(&args) {
        Ok(w) => w,
        Err(message) => {
            say!("fout: {message}");
            return EXIT_UNREADABLE;
        }
    };
    // --lang and --tone override `[policy] language` and `tone` of each answers file.
    let voice: VoiceFlags = (
        args.lang.map(|l| match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }),
        args.tone.map(|t| match t {
            ToneArg::U => Tone::U,
            ToneArg::Je => Tone::Je,
        }),
    );
    if args.fragment && !matches!(args.format, Some(FormatArg::Html)) {
        say!("let op: --fragment werkt alleen met --format html en is genegeerd");
    }
    if matches!(args.tone, Some(ToneArg::Je)) && matches!(args.lang, Some(LangArg::En)) {
        say!("let op: --tone geldt alleen voor Nederlands en is bij --lang en genegeerd");
    }
    // Never a silent fallback: a document without translations refuses another voice.
    if !translated(what)
        && Voice::new(voice.0.unwrap_or_default(), voice.1.unwrap_or_default()) != Voice::default()
    {
        say!(
            "fout: --lang en en --tone je zijn er nog niet voor het register en de \
             verwerkersovereenkomsten; die zijn nu alleen in het Nederlands met u"
        );
        return EXIT_UNREADABLE;
    }
    let paths = &args.source.answers;
    if paths.len() > 1 && args.out_dir.is_none() {
        say!("fout: geef bij meer antwoordenbestanden ook --out-dir MAP op");
        return EXIT_UNREADABLE;
    }
    let mut out = Output {
        inputs: paths.clone(),
        input_meta: Default::default(),
        written: HashMap::new(),
    };
    if let Some(dir) = &args.out_dir {
        if let Err(code) = make_dir(dir) {
            return code;
        }
    }
    if paths.is_empty() {
        let Some(id) = &args.source.preset else {
            say!("fout: geef --answers BESTAND of --preset ID op");
            return EXIT_UNREADABLE;
        };
        let mut a = engine.example_shop().clone();
        a.preset = Some(id.clone());
        return render_one(engine, &a, what, voice, None, &args, &mut out);
    }
    if let [path] = paths.as_slice() {
        return match load(path) {
            Ok(a) => render_one(engine, &a, what, voice, Some(path), &args, &mut out),
            Err(code) => code,
        };
    }
    render_many(engine, paths, what, voice, &args, &mut out)
}

/// Many answers files into --out-dir (a consultant's clients). The documents are made on
/// every core while this thread writes them in the order given, each through a temporary
/// file; one sync at the end makes the whole batch durable ([`atomic::batch`]: after a crash
/// each file holds its old or its new text, never part of one). One file with errors does
/// not stop the others; the worst exit code wins.
fn render_many(
    engine: &Engine,
    paths: &[PathBuf],
    what: What,
    voice: VoiceFlags,
    args: &RenderArgs,
    out: &mut Output,
) -> i32 {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, paths.len().max(1));
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::sync_channel(workers * 8);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (tx, next) = (tx.clone(), &next);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(i) else { break };
                let made = Answers::load(path).map(|a| {
                    let m = make(engine, &a, what, voice, Some(path), args);
                    (a, m)
                });
                if tx.send((i, made)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut made_ok: usize = 0;
        let (worst, failed) = atomic::batch(|| {
            let mut worst = EXIT_OK;
            // Results come in the order they are done; they are written in the order given.
            let mut waiting = std::collections::BTreeMap::new();
            let mut due = 0;
            for (i, made) in rx {
                waiting.insert(i, made);
                while let Some(made) = waiting.remove(&due) {
                    let path = &paths[due];
                    let code = match made {
                        Ok((a, m)) => {
                            say!("{}:", path.display());
                            finish(m, &a, what, Some(path), args, out)
                        }
                        Err(e) => {
                            say!("fout: {e}");
                            EXIT_UNREADABLE
                        }
                    };
                    if code == EXIT_OK {
                        made_ok += 1;
                    }
                    worst = worst.max(code);
                    due += 1;
                }
            }
            worst
        });
        for (path, e) in &failed {
            say!(
                "fout: kan {} niet schrijven: {}",
                path.display(),
                crate::engine::error::io_reason(e)
            );
        }
        // A tally at the end, so a consultant sees at once whether every client went through.
        if let Some(dir) = &args.out_dir {
            let made = made_ok.saturating_sub(failed.len());
            let skipped = paths.len() - made;
            let skipped = if skipped > 0 {
                format!("; {skipped} overgeslagen (zie hierboven)")
            } else {
                String::new()
            };
            say!(
                "{made} van {} bestand(en) gemaakt in {}{skipped}",
                paths.len(),
                dir.display()
            );
        }
        if failed.is_empty() {
            worst
        } else {
            worst.max(EXIT_UNREADABLE)
        }
    })
}

/// The document and format asked for; a combination that does not exist is an error.
fn what(args: &RenderArgs) -> Result<What, String> {
    let format = |f: Option<FormatArg>| match (f, args.fragment) {
        (None | Some(FormatArg::Md), _) => Ok(Format::Markdown),
        (Some(FormatArg::Html), false) => Ok(Format::Html),
        (Some(FormatArg::Html), true) => Ok(Format::HtmlFragment),
        (Some(FormatArg::Txt), _) => Ok(Format::Text),
        (Some(FormatArg::Json | FormatArg::Js), _) => {
            Err("--format json en js zijn er alleen voor --document banner".to_string())
        }
        (Some(FormatArg::Csv), _) => {
            Err("--format csv is er alleen voor --document register".to_string())
        }
    };
    match args.document {
        DocumentArg::Policy => format(args.format).map(What::Policy),
        DocumentArg::Cookies => format(args.format).map(What::Cookies),
        DocumentArg::Banner => match args.format {
            None | Some(FormatArg::Json) => Ok(What::Banner),
            Some(FormatArg::Js) => Ok(What::BannerJs),
            Some(_) => Err("de instellingen voor de cookiemelding zijn er alleen als JSON of JavaScript (--format json of js)".into()),
        },
        DocumentArg::Register => match args.format {
            Some(FormatArg::Csv) => Ok(What::RegisterCsv),
            f => format(f).map(What::Register),
        },
        DocumentArg::Agreements => format(args.format).map(What::Agreements),
    }
}

/// Creates a missing --out-dir folder (and its parents), saying so.
fn make_dir(dir: &Path) -> Result<(), i32> {
    if dir.is_dir() {
        return Ok(());
    }
    if dir.exists() {
        say!(
            "fout: --out-dir {} is een bestand, geen map; kies een map",
            dir.display()
        );
        return Err(EXIT_UNREADABLE);
    }
    match std::fs::create_dir_all(dir) {
        Ok(()) => {
            say!("Map gemaakt: {}", dir.display());
            Ok(())
        }
        Err(e) => {
            say!(
                "fout: kan de map {} niet maken: {}",
                dir.display(),
                crate::engine::error::io_reason(&e)
            );
            Err(EXIT_UNREADABLE)
        }
    }
}

/// What one run of `render` has read and written, so that no file written earlier in the
/// run is overwritten and no input is written over.
struct Output {
    inputs: Vec<PathBuf>,
    input_meta: std::cell::OnceCell<Vec<std::fs::Metadata>>,
    /// Lower-cased file name (folders may ignore case) → the answers file it came from.
    written: HashMap<String, String>,
}

impl Output {
    /// Where one policy goes: --out, a file in --out-dir (made unique in this run), or
    /// standard output (None).
    fn target(
        &mut self,
        args: &RenderArgs,
        answers: &Answers,
        what: What,
        source: Option<&Path>,
    ) -> Option<PathBuf> {
        let from = source.map_or_else(|| "de preset".to_string(), |p| p.display().to_string());
        match (&args.out, &args.out_dir) {
            (Some(p), _) => Some(p.clone()),
            (None, Some(dir)) => {
                let name = file_name(answers.shop.name.as_deref(), what);
                let (stem, ext) = split_ext(&name);
                let mut unique = name.clone();
                let mut n = 1;
                while self.written.contains_key(&unique.to_lowercase()) {
                    n += 1;
                    unique = format!("{stem}-{n}.{ext}");
                }
                if n > 1 {
                    let first = &self.written[&name.to_lowercase()];
                    say!(
                        "let op: {from} krijgt dezelfde bestandsnaam als {first} ({name}, naar de winkelnaam); \
                         dit document is geschreven als {unique} (volgnummer {n} toegevoegd)"
                    );
                }
                self.written.insert(unique.to_lowercase(), from);
                Some(dir.join(unique))
            }
            (None, None) => None,
        }
    }

    /// Refuses a target that is one of the inputs, or that is an answers file.
    fn guard(&self, target: &Path) -> Result<(), String> {
        let Ok(meta) = std::fs::metadata(target) else {
            return Ok(());
        };
        // Looked up once per run, not once per target: a batch has a thousand of each.
        let inputs = self.input_meta.get_or_init(|| {
            self.inputs
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .collect()
        });
        if inputs.iter().any(|m| same_file(m, &meta)) {
            return Err(format!(
                "{} is ook het antwoordenbestand dat u opgaf; kies een ander uitvoerbestand \
                 (het antwoordenbestand is niet gewijzigd)",
                target.display()
            ));
        }
        if meta.is_file() && is_answers_file(target) {
            return Err(format!(
                "{} is een antwoordenbestand; het beleid wordt daar niet overheen geschreven. \
                 Kies een ander uitvoerbestand",
                target.display()
            ));
        }
        Ok(())
    }
}

/// The file name of one document in --out-dir, after the shop's name.
fn file_name(shop: Option<&str>, what: What) -> String {
    match what {
        What::Policy(format) => crate::engine::format::file_name(shop, format),
        What::Cookies(format) => cookies::file_name(shop, "cookieverklaring", format.extension()),
        What::Banner => cookies::file_name(shop, "cookiemelding", "json"),
        What::BannerJs => cookies::file_name(shop, "cookiemelding", "js"),
        // Consultants (issue 9)
        What::Register(format) => {
            cookies::file_name(shop, "verwerkingsregister", format.extension())
        }
        What::RegisterCsv => cookies::file_name(shop, "verwerkingsregister", "csv"),
        What::Agreements(format) => {
            cookies::file_name(shop, "verwerkersovereenkomsten", format.extension())
        }
    }
}

/// "a-privacybeleid.fragment.html" → ("a-privacybeleid", "fragment.html").
fn split_ext(name: &str) -> (&str, &str) {
    for ext in ["fragment.html", "html", "md", "txt", "json", "js", "csv"] {
        if let Some(stem) = name.strip_suffix(ext).and_then(|s| s.strip_suffix('.')) {
            return (stem, ext);
        }
    }
    name.rsplit_once('.').unwrap_or((name, ""))
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// A file that reads as answers with something in them (an empty file does not count).
fn is_answers_file(path: &Path) -> bool {
    crate::engine::answers::read_text(path)
        .ok()
        .and_then(|t| Answers::from_toml_str(&t).ok())
        .is_some_and(|a| a != Answers::default())
}

/// The language and tone given on the command line, if any.
type VoiceFlags = (Option<Lang>, Option<Tone>);

/// Documents that exist in every language and tone.
fn translated(what: What) -> bool {
    matches!(
        what,
        What::Policy(_) | What::Cookies(_) | What::Banner | What::BannerJs
    )
}

fn render_one(
    engine: &Engine,
    answers: &Answers,
    what: What,
    flags: VoiceFlags,
    answers_path: Option<&Path>,
    args: &RenderArgs,
    out: &mut Output,
) -> i32 {
    let made = make(engine, answers, what, flags, answers_path, args);
    finish(made, answers, what, answers_path, args, out)
}

/// A document made from one answers file and what is to be said about it, before anything
/// is printed or written (so a batch can make them on several threads).
struct Made {
    /// Lines for standard error, in order.
    notes: Vec<String>,
    /// The text, and for a policy from an answers file its version bookkeeping.
    result: Result<(String, Option<consult::Export>), i32>,
}

fn make(
    engine: &Engine,
    answers: &Answers,
    what: What,
    flags: VoiceFlags,
    answers_path: Option<&Path>,
    args: &RenderArgs,
) -> Made {
    let mut notes = Vec::new();
    let diags = engine.check(answers);
    if validate::has_errors(&diags) {
        notes.extend(diags.iter().map(|d| d.to_string()));
        notes.push(
            "Niets gemaakt: los eerst de fouten hierboven op (zie ook `privacybeleid check`)."
                .into(),
        );
        return Made {
            notes,
            result: Err(EXIT_INVALID),
        };
    }
    let asked = crate::engine::lang::voice_of(answers);
    let voice = Voice::new(flags.0.unwrap_or(asked.lang), flags.1.unwrap_or(asked.tone));
    // The flags win over the file, for every document and for the versioned policy alike.
    let with_flags;
    let answers = if voice == asked {
        answers
    } else {
        with_flags = crate::engine::lang::with_voice(answers, voice);
        &with_flags
    };
    if !translated(what) && voice != Voice::default() {
        notes.push("let op: het register en de verwerkersovereenkomsten zijn er nog alleen in het Nederlands met u; [policy] language en tone gelden voor het privacybeleid, de cookieverklaring en de cookiemelding".into());
    }
    if matches!(what, What::Banner | What::BannerJs)
        && !engine
            .cookie_tools(answers)
            .iter()
            .any(|t| t.groups.iter().any(|g| g.consent))
    {
        notes.push("let op: geen van de gekozen diensten vraagt toestemming; de cookiemelding verschijnt daarom niet vanzelf, alleen via de link Cookie-instellingen".into());
    }
    // Consultants (issue 9): the policy of an answers file carries its version.
    let exporting = args.out.is_some() || args.out_dir.is_some();
    let export = match what {
        What::Policy(_) => {
            match consult::prepare_policy(
                engine,
                answers,
                answers_path,
                exporting,
                args,
                &mut notes,
            ) {
                Ok(e) => e,
                Err(code) => {
                    return Made {
                        notes,
                        result: Err(code),
                    }
                }
            }
        }
        _ => None,
    };
    let made = match (what, &export) {
        (What::Policy(format), Some(e)) => Ok(crate::engine::format::write_policy_in(
            &e.plan.document,
            format,
            voice.lang.code(),
        )),
        (What::Policy(format), None) => engine.render_in(answers, format, voice),
        (What::Cookies(format), _) => engine.render_cookie_statement(answers, format, voice),
        (What::Banner, _) => engine.banner_json(answers, voice),
        (What::BannerJs, _) => engine.banner_js(answers, voice),
        (What::Register(_) | What::RegisterCsv | What::Agreements(_), _) => {
            Ok(consult::document(engine, answers, what))
        }
    };
    let result = match made {
        Ok(t) => Ok((t, export)),
        Err(e) => {
            notes.push(format!("fout: {e}"));
            Err(EXIT_UNREADABLE)
        }
    };
    Made { notes, result }
}

/// Says what `make` found, then writes the document (or prints it) and records its version.
fn finish(
    made: Made,
    answers: &Answers,
    what: What,
    answers_path: Option<&Path>,
    args: &RenderArgs,
    out: &mut Output,
) -> i32 {
    for n in &made.notes {
        say!("{n}");
    }
    let (text, export) = match made.result {
        Ok(r) => r,
        Err(code) => return code,
    };
    let Some(path) = out.target(args, answers, what, answers_path) else {
        return emit(&text, EXIT_OK);
    };
    if let Err(msg) = out.guard(&path) {
        say!("fout: {msg}");
        return EXIT_UNREADABLE;
    }
    match atomic::write(&path, text.as_bytes()) {
        Ok(()) => {
            say!("Geschreven: {}", path.display());
            match export {
                Some(e) => consult::record_export(e, &path),
                None => EXIT_OK,
            }
        }
        Err(e) => {
            say!(
                "fout: kan {} niet schrijven: {}",
                path.display(),
                crate::engine::error::io_reason(&e)
            );
            EXIT_UNREADABLE
        }
    }
}

/// Checks one file or many (a consultant's client files); the exit code is the worst one.
fn check_all(engine: &Engine, paths: &[PathBuf], json: bool) -> i32 {
    if let [one] = paths {
        return check(engine, one, json);
    }
    let mut worst = EXIT_OK;
    let mut report = Vec::new();
    let mut text = String::new();
    for path in paths {
        let code = if json {
            match Answers::load(path) {
                Ok(a) => {
                    let mut diags = engine.check(&a);
                    consult::add_history_warnings(engine, &a, path, &mut diags);
                    let code = if validate::has_errors(&diags) {
                        EXIT_INVALID
                    } else {
                        EXIT_OK
                    };
                    report.push(serde_json::json!({ "file": path, "diagnostics": diags }));
                    code
                }
                Err(e) => {
                    report.push(serde_json::json!({ "file": path, "unreadable": e.to_string() }));
                    EXIT_UNREADABLE
                }
            }
        } else {
            let (code, out) = check_text(engine, path);
            text.push_str(&out);
            code
        };
        worst = worst.max(code);
    }
    if json {
        text = json_text(&report);
    }
    emit(&text, worst)
}

fn json_text(v: &impl serde::Serialize) -> String {
    // Plain data (strings, numbers, lists) always serialises.
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

fn check(engine: &Engine, path: &Path, json: bool) -> i32 {
    if !json {
        let (code, text) = check_text(engine, path);
        return emit(&text, code);
    }
    let answers = match load(path) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let mut diags = engine.check(&answers);
    consult::add_history_warnings(engine, &answers, path, &mut diags);
    emit(&json_text(&diags), code_of(&diags))
}

fn code_of(diags: &[crate::engine::Diagnostic]) -> i32 {
    if validate::has_errors(diags) {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}

/// `check` of one file as text: the exit code and what goes to standard output (an
/// unreadable file is reported on standard error at once).
fn check_text(engine: &Engine, path: &Path) -> (i32, String) {
    let answers = match load(path) {
        Ok(a) => a,
        Err(code) => return (code, String::new()),
    };
    let mut diags = engine.check(&answers);
    consult::add_history_warnings(engine, &answers, path, &mut diags);
    let count = |sev| diags.iter().filter(|d| d.severity == sev).count();
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let notes = if notes > 0 {
        format!(", {notes} opmerking(en)")
    } else {
        String::new()
    };
    // The file's name first, then what check found in it.
    let mut out = format!(
        "{}: {errors} fout(en), {warnings} waarschuwing(en){notes}\n",
        path.display()
    );
    for d in &diags {
        out.push_str(&format!("{d}\n"));
    }
    (code_of(&diags), out)
}

fn providers(engine: &Engine, section: Option<&str>, json: bool) -> i32 {
    let filter = match section {
        None => None,
        Some(s) => match Section::from_id(s) {
            Some(sec) => Some(sec),
            None => {
                let hint = crate::engine::error::did_you_mean(&crate::engine::nearest::nearest(
                    s,
                    Section::ALL.iter().map(|x| x.id()),
                ));
                say!("fout: onbekend onderdeel `{s}`{hint}");
                let all: Vec<&str> = Section::ALL.iter().map(|x| x.id()).collect();
                say!("Onderdelen: {}", all.join(", "));
                return EXIT_UNREADABLE;
            }
        },
    };
    let list: Vec<_> = engine
        .catalog()
        .all()
        .iter()
        .filter(|p| filter.is_none_or(|s| p.serves(s)))
        .collect();
    let text = if json {
        json_text(&list)
    } else {
        let mut t = String::new();
        for p in list {
            let secs: Vec<&str> = p.sections.iter().map(|s| s.id()).collect();
            t.push_str(&format!(
                "{:<26} {:<34} {}\n",
                p.id,
                p.name,
                secs.join(", ")
            ));
        }
        t
    };
    emit(&text, EXIT_OK)
}

fn presets(engine: &Engine, json: bool) -> i32 {
    let text = if json {
        json_text(&engine.presets())
    } else {
        let mut t = String::new();
        for p in engine.presets() {
            t.push_str(&format!(
                "{:<36} {}\n{:<36} {}\n",
                p.id, p.name, "", p.description
            ));
        }
        t
    };
    emit(&text, EXIT_OK)
}
