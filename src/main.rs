use std::io::Write;

use privacybeleid::{cli, engine::Engine};

fn main() {
    let args = match cli::parse_args() {
        Ok(a) => a,
        Err(code) => std::process::exit(code),
    };
    let engine = match Engine::load() {
        Ok(e) => e,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "fout: {e}");
            std::process::exit(cli::EXIT_UNREADABLE);
        }
    };
    std::process::exit(cli::run(args, &engine));
}
