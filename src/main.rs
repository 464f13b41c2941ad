//! The `l10n` binary: parses the command line, runs it, prints the result
//! and turns it into an exit code (0 ok, 1 a check failed, 2 bad usage or
//! bad input).
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use l10n::cli::{self, Cli, Command};
use l10n::commands::{self, Environment};
use l10n::report::{self, Style};
use l10n::ui::{Ui, UiLangSources};

// Planning allocates many small strings on several threads at once, where
// mimalloc is several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let var = |name: &str| std::env::var(name).ok();
    let mut sources = UiLangSources {
        flag: cli::ui_lang_arg(&args),
        l10n_lang: var("L10N_LANG"),
        lc_all: var("LC_ALL"),
        lang: var("LANG"),
    };
    let cli = Cli::parse_from_in(args, Ui::choose(&sources));
    sources.flag = cli.ui_lang.as_ref().map(|l| l.to_string());
    let ui = Ui::choose(&sources);
    // A writing command stops cleanly on SIGINT/SIGTERM; the others may
    // simply die, as they write nothing.
    if matches!(
        cli.command,
        Command::Extract(_) | Command::Build(_) | Command::Export(_) | Command::Init(_)
    ) {
        stop_cleanly_on_signals();
    }
    let env = Environment {
        cwd: std::env::current_dir().unwrap_or_else(|_| ".".into()),
        stdout_is_terminal: std::io::stdout().is_terminal(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        notify: |message| eprintln!("{message}"),
        pause_before_commit: std::env::var("L10N_TEST_PAUSE_BEFORE_COMMIT_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map(std::time::Duration::from_millis),
        program_id: program_id(),
        ui,
    };
    match commands::run(&cli, &env) {
        Ok(output) => {
            // A closed pipe (`l10n status | head`) is not an error.
            let _ = std::io::stdout().write_all(output.stdout.as_bytes());
            let _ = std::io::stderr().write_all(output.stderr.as_bytes());
            if output.passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(error) => {
            let style = Style {
                color: std::io::stderr().is_terminal() && !env.no_color,
            };
            let _ = std::io::stderr().write_all(report::error_text(&error, style, ui).as_bytes());
            match error {
                // The shell's convention: 128 + the signal's number.
                l10n::error::Error::Interrupted { signal } => {
                    ExitCode::from(128u8.saturating_add(signal as u8))
                }
                _ => ExitCode::from(2),
            }
        }
    }
}

/// Identifies this executable (its size and modification time), so that
/// caches made by another build are not trusted; cheap, unlike hashing it.
fn program_id() -> u64 {
    let stamp = std::env::current_exe()
        .and_then(std::fs::metadata)
        .and_then(|m| Ok((m.len(), m.modified()?)));
    // Without a stamp, a value no cache can match: recompute everything.
    let text = match stamp {
        Ok(stamp) => format!("{} {stamp:?}", env!("CARGO_PKG_VERSION")),
        Err(_) => format!("{:?}", std::time::SystemTime::now()),
    };
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// Turns SIGINT and SIGTERM into a request to stop (`l10n::interrupt`),
/// which the run checks between files. The handler is reset when it runs,
/// so a second signal ends the process at once (each file is still old or
/// new; the next run sweeps the temporary files). System calls the signal
/// interrupts are restarted: the run notices the flag at its next check.
#[cfg(unix)]
fn stop_cleanly_on_signals() {
    extern "C" fn handler(signal: libc::c_int) {
        l10n::interrupt::raise(signal);
    }
    for signal in [libc::SIGINT, libc::SIGTERM] {
        // SAFETY: a zeroed sigaction is a valid value; the handler only
        // stores to an atomic, which is async-signal-safe.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = handler as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESETHAND | libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

#[cfg(not(unix))]
fn stop_cleanly_on_signals() {}
