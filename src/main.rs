//! The `l10n` binary: parses the command line, runs it, prints the result
//! and turns it into an exit code (0 ok, 1 a check failed, 2 bad usage or
//! bad input).
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use l10n::cli::{self, Cli, Command};
use l10n::commands;
use l10n::report::{self, Format, Style};
use l10n::settings::Environment;
use l10n::ui::{Ui, UiLangSources, escape, is_unsafe};

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
    // Known before parsing, for a usage error the parser finds.
    let json_asked = cli::json_format_arg(&args);
    let hostile_args = args
        .iter()
        .any(|a| a.to_string_lossy().chars().any(is_unsafe));
    let cli = match Cli::try_parse_from_in(args.clone(), Ui::choose(&sources)) {
        Ok(cli) => cli,
        // Help, the version or a usage error, printed by clap, with its
        // exit code, unless it could not be written (see below).
        Err(e) => {
            if e.use_stderr() && json_asked {
                print_usage_error_json(args);
            }
            let rendered = e.render().to_string();
            let printed = if e.use_stderr() && hostile_args {
                // A usage error quotes the argument (a file name, say),
                // which clap would print raw on a terminal: shown as plain
                // text (clap strips escape sequences there), escaped.
                let lines: Vec<_> = rendered.split('\n').map(escape).collect();
                std::io::stderr().write_all(lines.join("\n").as_bytes())
            } else {
                e.print()
            };
            let code = match printed.and_then(|()| std::io::stdout().flush()) {
                Ok(()) => e.exit_code(),
                Err(_) => 2,
            };
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
    };
    sources.flag = cli.ui_lang.as_ref().map(|l| l.to_string());
    let ui = Ui::choose(&sources);
    // A writing command stops cleanly on SIGINT/SIGTERM; the others may
    // simply die, as they write nothing.
    if matches!(
        cli.command,
        Command::Extract(_)
            | Command::Build(_)
            | Command::Export(_)
            | Command::Import(_)
            | Command::Init(_)
            | Command::Report(_)
    ) {
        stop_cleanly_on_signals();
    }
    // Test seam: act as a system without RENAME_EXCHANGE.
    if std::env::var_os("L10N_TEST_RENAME_ONLY").is_some() {
        l10n::store::rename_only();
    }
    test_seams();
    // A progress bar only for a person watching standard error.
    if std::io::stderr().is_terminal() && !cli.quiet {
        l10n::progress::enable(progress_after(), ui.text(&l10n::msg!("progress-done")));
    }
    let env = Environment {
        cwd: std::env::current_dir().unwrap_or_else(|_| ".".into()),
        stdout_is_terminal: std::io::stdout().is_terminal(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        notify: |message| {
            write_or_note(&mut std::io::stderr(), &format!("{message}\n"));
        },
        program_id: program_id(),
        ui,
        clock: clock(),
        source_date_epoch: std::env::var_os("SOURCE_DATE_EPOCH"),
        timings: std::env::var("L10N_TIMINGS").is_ok_and(|v| v == "1"),
    };
    let style = Style {
        color: std::io::stderr().is_terminal() && !env.no_color,
    };
    let code = match commands::run(&cli, &env) {
        Ok(output) => match write_all(&mut std::io::stdout(), &output.stdout) {
            Ok(()) => {
                write_or_note(&mut std::io::stderr(), &output.stderr);
                if output.passed { 0 } else { 1 }
            }
            // A reader that stopped reading (`l10n status | head`, or a
            // consumer that died) gets no message, as from most Unix tools,
            // and the run does not claim success, as theirs do not (they
            // die of SIGPIPE): the report was not delivered whole.
            Err(Reported::BrokenPipe) => {
                write_or_note(&mut std::io::stderr(), &output.stderr);
                2
            }
            // Any other failure (a full disk, a closed file) would leave
            // an empty or cut report behind an exit code that says all is
            // well: a CI shard report must not be trusted then.
            Err(Reported::Other(source)) => {
                let error = l10n::error::Error::Write {
                    path: "standard output".into(),
                    source,
                };
                write_or_note(
                    &mut std::io::stderr(),
                    &report::error_text(&error, style, ui),
                );
                2
            }
        },
        Err(error) => {
            if json_format(&cli.command) {
                // The reader of the report gets the error in its format;
                // a person still reads the text on standard error.
                let _ = write_all(&mut std::io::stdout(), &report::error_json(&error));
            }
            write_or_note(
                &mut std::io::stderr(),
                &report::error_text(&error, style, ui),
            );
            match error {
                // The shell's convention: 128 + the signal's number.
                l10n::error::Error::Interrupted { signal } => 128u8.saturating_add(signal as u8),
                _ => 2,
            }
        }
    };
    // Output that could not be written to standard error is an error too,
    // though there is nowhere left to say so.
    if STDERR_FAILED.load(std::sync::atomic::Ordering::Relaxed) {
        ExitCode::from(2)
    } else {
        ExitCode::from(code)
    }
}

/// Whether the command prints JSON (`status`, `check` with `--format
/// json`), and so its errors too.
fn json_format(command: &Command) -> bool {
    match command {
        Command::Status(status) => status.format == Format::Json,
        Command::Check(check) => check.format == Format::Json,
        _ => false,
    }
}

/// Prints a usage error of the command line as a JSON document on standard
/// output, its message in English (parsed again in English for that),
/// without clap's usage lines and `error:` label.
fn print_usage_error_json(args: Vec<std::ffi::OsString>) {
    let Err(error) = Cli::try_parse_from_in(args, Ui::ENGLISH) else {
        return;
    };
    let rendered = error.render().to_string();
    let message = rendered.split("\n\n").next().unwrap_or_default();
    let message = message.strip_prefix("error: ").unwrap_or(message).trim();
    let _ = write_all(&mut std::io::stdout(), &report::usage_error_json(message));
}

/// Test seams (ARCHITECTURE.md): judge files as if the run came later
/// (`L10N_TEST_CLOCK_AHEAD_MS`), so that files just written count as
/// settled; hold every commit until the marker file
/// `L10N_TEST_HOLD_COMMIT` (created at that moment) is deleted.
fn test_seams() {
    if let Some(ms) = std::env::var("L10N_TEST_CLOCK_AHEAD_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
    {
        l10n::store::move_clock_ahead(std::time::Duration::from_millis(ms));
    }
    if let Some(marker) = std::env::var_os("L10N_TEST_HOLD_COMMIT") {
        l10n::store::hold_commits_at(marker.into());
    }
}

/// How long a run goes on before its progress bar shows: half a second,
/// or `L10N_TEST_PROGRESS_AFTER_MS` (a test seam: 0 shows it at once).
fn progress_after() -> std::time::Duration {
    let ms = std::env::var("L10N_TEST_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .unwrap_or(500);
    std::time::Duration::from_millis(ms)
}

/// Set when anything written to standard error failed.
static STDERR_FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// How writing an output failed.
enum Reported {
    /// The reader is gone.
    BrokenPipe,
    Other(std::io::Error),
}

/// Writes `text` and flushes it: an error shows at the latest there.
fn write_all(out: &mut impl Write, text: &str) -> Result<(), Reported> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::BrokenPipe => Reported::BrokenPipe,
            _ => Reported::Other(e),
        })
}

/// Writes `text` to standard error, noting any failure for the exit code
/// (a broken pipe included: nobody read the messages).
fn write_or_note(stderr: &mut std::io::Stderr, text: &str) {
    if !text.is_empty() && write_all(stderr, text).is_err() {
        STDERR_FAILED.store(true, std::sync::atomic::Ordering::Relaxed);
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

/// The clock, in seconds since the Unix epoch.
fn clock() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
