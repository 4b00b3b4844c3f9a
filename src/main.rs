use std::io::Write;

use privacybeleid::{cli, engine::Engine};

fn main() {
    quiet_print_failures();
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

/// A safety net under every `println!`: the standard library panics, in English, when it
/// cannot print. A reader that went away (`| head -1`) ends the program quietly and
/// normally; any other failure (a full disk) is told in Dutch with exit code 2.
fn quiet_print_failures() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let msg = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if let Some(rest) = msg.strip_prefix("failed printing to stdout: ") {
            let code = rest
                .rsplit_once("(os error ")
                .and_then(|(_, n)| n.trim_end_matches(')').parse::<i32>().ok());
            let error = code.map(std::io::Error::from_raw_os_error);
            if error
                .as_ref()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                std::process::exit(cli::EXIT_OK);
            }
            let reason = error.map_or_else(
                || "onbekende fout".to_string(),
                |e| privacybeleid::engine::error::io_reason(&e),
            );
            let _ = writeln!(
                std::io::stderr(),
                "fout: kan de uitvoer niet schrijven: {reason}"
            );
            std::process::exit(cli::EXIT_UNREADABLE);
        }
        default(info);
    }));
}
