//! The translation workflow at newsroom scale, timed with the release binary
//! on a generated corpus, next to `cat` of the same articles (the physical
//! floor) and, where installed, gettext's `msgmerge`/`msgfmt` and `po4a` on
//! the same corpus (issue 5).
//!
//! ```sh
//! cargo bench --bench workflow                              # N = 1,000
//! cargo bench --bench workflow -- --articles 1000,10000     # several sizes
//! ```
//!
//! Options: `--articles N[,N…]`, `--runs R` (repeats of each repeatable step,
//! median reported; default 3), `--seed S`, `--l10n PATH` (default: the
//! binary cargo built with this bench), `--po4a-articles P` (po4a is slow:
//! it runs on the first P articles and is scaled to N; default 200),
//! `--no-anchors`, `--keep` (keep the corpus and print where).
//!
//! Conditions: files are in the OS page cache (every timed step is warmed up
//! by an earlier run over the same files; the page cache cannot be dropped
//! without disturbing others on the machine), and the "cold" `status` runs
//! without any cache of `l10n`'s own (`.l10n/` is removed first). Peak RSS
//! comes from `/usr/bin/time -f %M` (Debian package `time`) when present.
//!
//! The table goes to standard output and to `target/bench-workflow.txt`
//! (`$CARGO_TARGET_DIR/bench-workflow.txt` when that is set).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "../examples/gen-corpus/main.rs"]
mod gen_corpus;
#[path = "workflow/memory.rs"]
mod memory;

const LANGS: [&str; 3] = ["ko", "ja", "zh-Hans"];
const TRANSLATED: f64 = 0.8;
const MUTATE_FRACTION: f64 = 0.05;

struct Options {
    sizes: Vec<usize>,
    runs: usize,
    seed: u64,
    l10n: PathBuf,
    po4a_articles: usize,
    anchors: bool,
    keep: bool,
}

fn parse_options() -> Options {
    let mut options = Options {
        sizes: vec![1000],
        runs: 3,
        seed: 1,
        l10n: PathBuf::from(env!("CARGO_BIN_EXE_l10n")),
        po4a_articles: 200,
        anchors: true,
        keep: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| panic!("{name} needs a value"))
        };
        match arg.as_str() {
            "--articles" => {
                options.sizes = value("--articles")
                    .split(',')
                    .map(|n| {
                        n.trim()
                            .replace('_', "")
                            .parse()
                            .expect("--articles N[,N…]")
                    })
                    .collect()
            }
            "--runs" => options.runs = value("--runs").parse::<usize>().expect("--runs R").max(1),
            "--seed" => options.seed = value("--seed").parse().expect("--seed S"),
            "--l10n" => options.l10n = PathBuf::from(value("--l10n")),
            "--po4a-articles" => {
                options.po4a_articles = value("--po4a-articles").parse().expect("--po4a-articles P")
            }
            "--no-anchors" => options.anchors = false,
            "--keep" => options.keep = true,
            // `cargo bench` passes `--bench`; a filter word may follow.
            _ => {}
        }
    }
    options
}

/// One timed command: wall seconds (median of the runs) and peak RSS.
#[derive(Clone, Copy, Default)]
struct Timing {
    seconds: f64,
    rss_kb: Option<u64>,
}

fn time_bin() -> Option<&'static str> {
    Path::new("/usr/bin/time")
        .is_file()
        .then_some("/usr/bin/time")
}

/// Runs `program args` in `dir` once, output discarded (or to `stdout_to`);
/// `ok` says which exit codes are expected.
fn run_once(
    dir: &Path,
    program: &Path,
    args: &[String],
    stdout_to: Option<&Path>,
    ok: &[i32],
) -> Timing {
    let rss_file = dir.join(".bench-rss");
    let mut command = match time_bin() {
        Some(time) => {
            let mut c = Command::new(time);
            c.arg("-f").arg("%M").arg("-o").arg(&rss_file).arg(program);
            c
        }
        None => Command::new(program),
    };
    command
        .args(args)
        .current_dir(dir)
        .env("L10N_LANG", "en")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stderr(Stdio::piped());
    match stdout_to {
        Some(path) => command.stdout(fs::File::create(path).expect("output file")),
        None => command.stdout(Stdio::null()),
    };
    let start = Instant::now();
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    let seconds = start.elapsed().as_secs_f64();
    let code = output.status.code().unwrap_or(-1);
    assert!(
        ok.contains(&code),
        "{} {} exited with {code}:\n{}",
        program.display(),
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    let rss_kb = fs::read_to_string(&rss_file)
        .ok()
        .and_then(|t| t.lines().last().and_then(|l| l.trim().parse().ok()));
    let _ = fs::remove_file(&rss_file);
    Timing { seconds, rss_kb }
}

fn median(mut timings: Vec<Timing>) -> Timing {
    timings.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    let mid = timings[timings.len() / 2];
    Timing {
        seconds: mid.seconds,
        rss_kb: timings.iter().filter_map(|t| t.rss_kb).max(),
    }
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

/// `cat` of every file under the given folders (with `find`'s walk, as
/// `l10n` walks too).
fn cat(dir: &Path, folders: &[&str], runs: usize) -> Timing {
    let script = format!(
        "find {} -type f -exec cat {{}} + > /dev/null",
        folders.join(" ")
    );
    let args = vec!["-c".to_string(), script];
    run_once(dir, Path::new("/bin/sh"), &args, None, &[0]);
    median(
        (0..runs)
            .map(|_| run_once(dir, Path::new("/bin/sh"), &args, None, &[0]))
            .collect(),
    )
}

fn remove_cache(dir: &Path) {
    let _ = fs::remove_dir_all(dir.join(".l10n"));
}

/// A flagged segment: (language, article, state, source, previous-source).
type Flag = (String, String, String, String, Option<String>);

/// What `status --format json` prints in `dir`.
fn status_json(dir: &Path, l10n: &Path) -> serde_json::Value {
    let out = dir.join(".bench-status.json");
    run_once(
        dir,
        l10n,
        &strings(&["status", "--format", "json"]),
        Some(&out),
        &[0, 1],
    );
    let text = fs::read_to_string(&out).expect("status output");
    let _ = fs::remove_file(&out);
    serde_json::from_str(&text).expect("status prints JSON")
}

fn status_flags(dir: &Path, l10n: &Path) -> HashSet<Flag> {
    let json = status_json(dir, l10n);
    let mut flags = HashSet::new();
    for language in json["languages"].as_array().expect("languages") {
        let lang = language["lang"].as_str().unwrap_or_default();
        for article in language["articles"].as_array().expect("articles") {
            let id = article["article"].as_str().unwrap_or_default();
            for issue in article["issues"].as_array().into_iter().flatten() {
                flags.insert((
                    lang.to_string(),
                    id.to_string(),
                    issue["state"].as_str().unwrap_or_default().to_string(),
                    issue["source"].as_str().unwrap_or_default().to_string(),
                    issue["previous-source"].as_str().map(str::to_string),
                ));
            }
        }
    }
    flags
}

/// What `status` should newly flag after `mutate`, given what it flagged
/// before: an edit of a translated sentence is outdated (previous-source =
/// the old text), of an untranslated one missing; an insert is missing; a
/// delete of a translated sentence is obsolete (untranslated ones just go);
/// a move is nothing.
fn expected_flags(before: &HashSet<Flag>, manifest: &gen_corpus::Manifest) -> HashSet<Flag> {
    let mut expected = HashSet::new();
    for lang in LANGS {
        for changes in &manifest.articles {
            let flag = |state: &str, source: &str, previous: Option<&str>| -> Flag {
                (
                    lang.to_string(),
                    changes.article.clone(),
                    state.to_string(),
                    source.to_string(),
                    previous.map(str::to_string),
                )
            };
            let was_missing = |text: &str| before.contains(&flag("missing", text, None));
            for edit in &changes.edits {
                expected.insert(if was_missing(&edit.old) {
                    flag("missing", &edit.new, None)
                } else {
                    flag("outdated", &edit.new, Some(&edit.old))
                });
            }
            for text in &changes.inserts {
                expected.insert(flag("missing", text, None));
            }
            for text in &changes.deletes {
                if !was_missing(text) {
                    expected.insert(flag("obsolete", text, None));
                }
            }
        }
    }
    expected
}

/// (precision, recall, flagged, expected) of the flags `status` added.
fn precision_recall(
    before: &HashSet<Flag>,
    after: &HashSet<Flag>,
    expected: &HashSet<Flag>,
) -> (f64, f64, usize, usize) {
    let detected: HashSet<&Flag> = after.difference(before).collect();
    let hits = detected.iter().filter(|f| expected.contains(**f)).count();
    let mut wrong: Vec<&&Flag> = detected
        .iter()
        .filter(|f| !expected.contains(**f))
        .collect();
    let mut lost: Vec<&Flag> = expected.iter().filter(|f| !detected.contains(f)).collect();
    wrong.sort();
    lost.sort();
    for flag in wrong.iter().take(5) {
        eprintln!("  flagged, not in the manifest: {flag:?}");
    }
    for flag in lost.iter().take(5) {
        eprintln!("  in the manifest, not flagged: {flag:?}");
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (
        ratio(hits, detected.len()),
        ratio(hits, expected.len()),
        detected.len(),
        expected.len(),
    )
}

// ---------------------------------------------------------------------------
// Anchors: gettext and po4a on the same corpus, one PO per article, Korean.

fn installed(program: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A quoted PO string, escaped as the export escapes it.
fn po_string(text: &str) -> String {
    format!("\"{}\"", l10n::interchange::po::escape(text))
}

/// Writes the PO (or POT, without translations) equivalent of a catalog:
/// one message per segment, msgid = source, msgstr = translation.
fn write_po(catalog: &Path, out: &Path, lang: &str, template: bool) -> io::Result<()> {
    let text = fs::read_to_string(catalog)?;
    let table: toml::Table = text.parse().map_err(io::Error::other)?;
    let mut po = String::with_capacity(text.len() + 1024);
    po.push_str("msgid \"\"\nmsgstr \"\"\n\"MIME-Version: 1.0\\n\"\n");
    po.push_str("\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
    po.push_str("\"Content-Transfer-Encoding: 8bit\\n\"\n");
    if !template {
        writeln!(po, "\"Language: {lang}\\n\"").unwrap();
    }
    po.push('\n');
    let segments = table
        .get("segment")
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default();
    for entry in segments {
        let field = |key: &str| entry.get(key).and_then(|v| v.as_str()).unwrap_or_default();
        let id = field("id");
        writeln!(po, "#. id: {id}").unwrap();
        writeln!(po, "msgid {}", po_string(field("source"))).unwrap();
        let translation = if template { "" } else { field("translation") };
        writeln!(po, "msgstr {}\n", po_string(translation)).unwrap();
    }
    if let Some(parent) = out.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(out, po)
}

/// Runs one command per item, sequentially, and returns the total seconds.
fn time_each<I>(items: I, mut command: impl FnMut(&str) -> Command) -> f64
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let start = Instant::now();
    for item in items {
        let item = item.as_ref();
        let output = command(item)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("anchor command runs");
        assert!(
            output.status.success(),
            "anchor failed on {item}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    start.elapsed().as_secs_f64()
}

// ---------------------------------------------------------------------------
// The table.

struct Row {
    step: String,
    command: String,
    seconds: Option<f64>,
    rss_kb: Option<u64>,
    /// Our seconds over the anchor's, with the anchor's name.
    versus: String,
    target: String,
}

fn row(step: &str, command: &str, timing: Timing) -> Row {
    Row {
        step: step.to_string(),
        command: command.to_string(),
        seconds: Some(timing.seconds),
        rss_kb: timing.rss_kb,
        versus: String::new(),
        target: String::new(),
    }
}

fn render(title: &str, rows: &[Row], cat_seconds: f64, notes: &[String]) -> String {
    let mut out = String::new();
    writeln!(out, "{title}\n").unwrap();
    let header = [
        "step",
        "command",
        "seconds",
        "× cat",
        "peak RSS",
        "vs anchor",
        "target at 10,000",
    ];
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|r| {
            [
                r.step.clone(),
                r.command.clone(),
                r.seconds.map_or("—".into(), |s| format!("{s:.3}")),
                r.seconds.map_or("—".into(), |s| {
                    format!("{:.1}", s / cat_seconds.max(1e-6))
                }),
                r.rss_kb
                    .map_or("—".into(), |kb| format!("{:.0} MB", kb as f64 / 1024.0)),
                r.versus.clone(),
                r.target.clone(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for cell in &cells {
        for (w, c) in widths.iter_mut().zip(cell) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::from("|");
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            let pad = w - c.chars().count();
            if (2..=4).contains(&i) {
                write!(s, " {}{c} |", " ".repeat(pad)).unwrap();
            } else {
                write!(s, " {c}{} |", " ".repeat(pad)).unwrap();
            }
        }
        s
    };
    out.push_str(&line(&header.map(String::from)));
    out.push('\n');
    out.push_str(&line(&widths.map(|w| "-".repeat(w))));
    out.push('\n');
    for cell in &cells {
        out.push_str(&line(cell));
        out.push('\n');
    }
    out.push('\n');
    for note in notes {
        writeln!(out, "- {note}").unwrap();
    }
    out
}

fn target(rows: &mut [Row], step: &str, limit: f64, n: usize) {
    for r in rows.iter_mut().filter(|r| r.step == step) {
        let mark = match (n >= 10_000, r.seconds) {
            (true, Some(s)) if s < limit => " ✓",
            (true, Some(_)) => " ✗",
            _ => "",
        };
        r.target = format!("< {limit} s{mark}");
    }
}

fn bench(options: &Options, n: usize) -> String {
    let l10n = options.l10n.as_path();
    let runs = options.runs;
    let tmp = tempfile::Builder::new()
        .prefix(&format!("l10n-bench-{n}-"))
        .tempdir()
        .expect("a temporary folder");
    let dir = tmp.path().to_path_buf();
    let langs: Vec<String> = LANGS.iter().map(|l| l.to_string()).collect();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    eprintln!("[{n}] generating in {}", dir.display());

    let start = Instant::now();
    let generated =
        gen_corpus::write_articles(&dir, n, &langs, options.seed).expect("articles written");
    let generate_seconds = start.elapsed().as_secs_f64();

    // The floor: reading the articles.
    let cat_articles = cat(&dir, &["articles"], runs);
    rows.push(row("physical floor", "cat of the articles", cat_articles));

    eprintln!("[{n}] extract (first run)");
    let extract_first = run_once(&dir, l10n, &strings(&["extract"]), None, &[0]);
    rows.push(row(
        "extract, first run",
        "l10n extract (no catalogs yet)",
        extract_first,
    ));
    let filled = gen_corpus::fill_translations(&dir, &langs, TRANSLATED, options.seed)
        .expect("translations filled");
    let cat_all = cat(&dir, &["articles", "locales"], runs);
    rows.push(row(
        "floor, with catalogs",
        "cat of articles + catalogs",
        cat_all,
    ));

    eprintln!("[{n}] status");
    let status_args = strings(&["status"]);
    remove_cache(&dir);
    run_once(&dir, l10n, &status_args, None, &[0, 1]);
    let cold = median(
        (0..runs)
            .map(|_| {
                remove_cache(&dir);
                run_once(&dir, l10n, &status_args, None, &[0, 1])
            })
            .collect(),
    );
    rows.push(row("status, cold", "l10n status (no l10n cache)", cold));
    run_once(&dir, l10n, &status_args, None, &[0, 1]);
    let unchanged = median(
        (0..runs)
            .map(|_| run_once(&dir, l10n, &status_args, None, &[0, 1]))
            .collect(),
    );
    rows.push(row(
        "status, unchanged",
        "l10n status (again, nothing changed)",
        unchanged,
    ));

    let step = (n / 10).max(1);
    let named: Vec<String> = generated
        .ids
        .iter()
        .step_by(step)
        .take(10)
        .cloned()
        .collect();
    let mut check_args = strings(&["check"]);
    check_args.extend(named.iter().cloned());
    run_once(&dir, l10n, &check_args, None, &[0, 1]);
    let check = median(
        (0..runs)
            .map(|_| run_once(&dir, l10n, &check_args, None, &[0, 1]))
            .collect(),
    );
    rows.push(row(
        "check 10 articles",
        &format!("l10n check ART×{}", named.len()),
        check,
    ));

    memory::memory_rows(&dir, l10n, runs, &named[0], &mut rows, &mut notes);

    // Anchors' inputs from the catalogs as they are before the edits.
    let msgmerge = options.anchors && installed("msgmerge");
    let msgfmt = options.anchors && installed("msgfmt");
    let po4a = options.anchors && installed("po4a-updatepo") && installed("msgen");
    if msgmerge || msgfmt {
        eprintln!("[{n}] writing PO files (ko)");
        for id in &generated.ids {
            write_po(
                &dir.join(format!("locales/ko/{id}.toml")),
                &dir.join(format!("po/ko/{id}.po")),
                "ko",
                false,
            )
            .expect("PO written");
        }
    }
    let po4a_ids: Vec<String> = generated
        .ids
        .iter()
        .take(options.po4a_articles.min(n))
        .cloned()
        .collect();
    if po4a {
        eprintln!("[{n}] po4a: first PO files of {} articles", po4a_ids.len());
        for id in &po4a_ids {
            let pot = dir.join(format!("po4a/{id}.pot"));
            fs::create_dir_all(pot.parent().unwrap()).unwrap();
            time_each([id], |id| {
                let mut c = Command::new("po4a-updatepo");
                c.args(["-f", "text", "-o", "markdown", "-M", "UTF-8", "-m"])
                    .arg(dir.join(format!("articles/{id}.md")))
                    .arg("-p")
                    .arg(&pot);
                c
            });
            // Pseudo-translated: msgstr = msgid.
            time_each([id], |id| {
                let mut c = Command::new("msgen");
                c.arg(&pot).arg("-o").arg(dir.join(format!("po4a/{id}.po")));
                c
            });
        }
    }
    if msgfmt {
        eprintln!("[{n}] msgfmt --statistics");
        let seconds = time_each(&generated.ids, |id| {
            let mut c = Command::new("msgfmt");
            c.args(["--statistics", "-o", "/dev/null"])
                .arg(dir.join(format!("po/ko/{id}.po")));
            c
        });
        let mut r = row(
            "anchor: status",
            "msgfmt --statistics, per PO (ko only)",
            Timing {
                seconds,
                rss_kb: None,
            },
        );
        r.versus = "(anchor)".into();
        let ratio = cold.seconds / seconds;
        rows.iter_mut()
            .find(|r| r.step == "status, cold")
            .unwrap()
            .versus = format!("{ratio:.3}× msgfmt (3 langs vs 1)");
        rows.push(r);
    } else if options.anchors {
        notes.push("msgfmt not installed (Debian `gettext`): status anchor skipped".into());
    }

    // Before the edits: what status flags.
    eprintln!("[{n}] mutate {MUTATE_FRACTION}");
    let before = status_flags(&dir, l10n);
    let manifest = gen_corpus::mutate(&dir, MUTATE_FRACTION, options.seed + 1).expect("mutated");
    fs::write(
        dir.join("manifest.json"),
        serde_json::to_string(&manifest).unwrap(),
    )
    .unwrap();
    let expected = expected_flags(&before, &manifest);
    let live = status_flags(&dir, l10n);
    let live_pr = precision_recall(&before, &live, &expected);

    eprintln!("[{n}] extract after mutate");
    let extract_after = run_once(&dir, l10n, &strings(&["extract"]), None, &[0]);
    rows.push(row(
        "extract after mutate",
        &format!(
            "l10n extract ({:.0} % of sentences touched)",
            MUTATE_FRACTION * 100.0
        ),
        extract_after,
    ));
    let files = status_flags(&dir, l10n);
    let files_pr = precision_recall(&before, &files, &expected);
    // The floor of rewriting every catalog: copying them into new files
    // (what `extract` does before renaming its copies over the old ones).
    let copy_script = "cp -r locales .bench-copy && sync".to_string();
    let copy = run_once(
        &dir,
        Path::new("/bin/sh"),
        &["-c".to_string(), copy_script],
        None,
        &[0],
    );
    let _ = fs::remove_dir_all(dir.join(".bench-copy"));
    rows.push(row("floor, rewrite", "cp -r of the catalogs + sync", copy));
    incremental_rows(&dir, l10n, runs, &generated.ids, &mut rows);

    let mut msgmerge_seconds = None;
    if msgmerge {
        eprintln!(
            "[{n}] msgmerge --previous, {} PO files",
            generated.ids.len()
        );
        let ids: Vec<String> = files_with_template(&dir, &generated.ids);
        for id in &ids {
            write_po(
                &dir.join(format!("locales/en/{id}.toml")),
                &dir.join(format!("pot/{id}.pot")),
                "en",
                true,
            )
            .expect("POT written");
        }
        let seconds = time_each(&ids, |id| {
            let mut c = Command::new("msgmerge");
            c.args(["--previous", "--quiet", "-o"])
                .arg(dir.join(format!("po/ko/{id}.merged.po")))
                .arg(dir.join(format!("po/ko/{id}.po")))
                .arg(dir.join(format!("pot/{id}.pot")));
            c
        });
        let mut r = row(
            "anchor: update",
            "msgmerge --previous, per PO (ko only)",
            Timing {
                seconds,
                rss_kb: None,
            },
        );
        r.versus = "(anchor)".into();
        rows.push(r);
        let ratio = extract_after.seconds / seconds;
        rows.iter_mut()
            .find(|r| r.step == "extract after mutate")
            .unwrap()
            .versus = format!("{ratio:.3}× msgmerge (3 langs vs 1)");
        msgmerge_seconds = Some(seconds);
    } else if options.anchors {
        notes.push("msgmerge not installed (Debian `gettext`): update anchor skipped".into());
    }
    if po4a {
        eprintln!("[{n}] po4a-updatepo, {} articles", po4a_ids.len());
        let seconds = time_each(&po4a_ids, |id| {
            let mut c = Command::new("po4a-updatepo");
            c.args(["-f", "text", "-o", "markdown", "-M", "UTF-8", "-m"])
                .arg(dir.join(format!("articles/{id}.md")))
                .arg("-p")
                .arg(dir.join(format!("po4a/{id}.po")));
            c
        });
        let scaled = seconds * n as f64 / po4a_ids.len().max(1) as f64;
        let mut r = row(
            "anchor: update",
            &format!(
                "po4a-updatepo, per PO (ko only; {} articles ×{:.0})",
                po4a_ids.len(),
                n as f64 / po4a_ids.len().max(1) as f64
            ),
            Timing {
                seconds: scaled,
                rss_kb: None,
            },
        );
        r.versus = "(anchor)".into();
        rows.push(r);
        let ratio = extract_after.seconds / scaled;
        let row = rows
            .iter_mut()
            .find(|r| r.step == "extract after mutate")
            .unwrap();
        if !row.versus.is_empty() {
            row.versus.push_str("; ");
        }
        write!(row.versus, "{ratio:.4}× po4a").unwrap();
    } else if options.anchors {
        notes.push("po4a not installed (Debian `po4a`): po4a anchor skipped".into());
    }

    exchange_rows(&dir, l10n, runs, &mut rows);
    if let Some(seconds) = msgmerge_seconds {
        for r in rows.iter_mut().filter(|r| r.step.starts_with("import")) {
            let ratio = r.seconds.unwrap_or(0.0) / seconds;
            r.versus = format!("{ratio:.3}× msgmerge");
        }
    }

    target(&mut rows, "extract after mutate", 4.0, n);
    target(&mut rows, "status, cold", 2.0, n);
    target(&mut rows, "status, unchanged", 0.3, n);
    target(&mut rows, "check 10 articles", 0.5, n);
    let peak = rows
        .iter()
        .filter(|r| !r.step.starts_with("anchor") && !r.step.contains("floor"))
        .filter_map(|r| r.rss_kb)
        .max();

    let t = manifest.totals;
    let catalog_bytes: u64 = gen_corpus::files_with_ext(&dir.join("locales"), "toml")
        .unwrap_or_default()
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    notes.push(format!(
        "corpus: {n} articles, {:.1} MB ({:.1} KB and {:.1} segments each, {} segments), \
         generated in {generate_seconds:.2} s; catalogs {:.0} MB for en + {}; \
         {} of {} target entries translated",
        generated.bytes as f64 / 1e6,
        generated.bytes as f64 / n.max(1) as f64 / 1024.0,
        generated.sentences as f64 / n.max(1) as f64,
        generated.sentences,
        catalog_bytes as f64 / 1e6,
        LANGS.join(","),
        filled.filled,
        filled.empty,
    ));
    notes.push(format!(
        "mutate --fraction {MUTATE_FRACTION}: {} articles changed; {} edits, {} inserts, \
         {} deletes, {} sentences in swapped paragraphs ({} of {} body sentences)",
        manifest.articles.len(),
        t.edits,
        t.inserts,
        t.deletes,
        t.moves,
        t.touched,
        t.body_sentences
    ));
    notes.push(format!(
        "change detection vs the manifest, all languages: live status after mutate \
         precision {:.4} recall {:.4} ({} flagged, {} expected); status after extract \
         (from the files) precision {:.4} recall {:.4} ({} flagged, {} expected)",
        live_pr.0, live_pr.1, live_pr.2, live_pr.3, files_pr.0, files_pr.1, files_pr.2, files_pr.3
    ));
    notes.push(format!(
        "peak RSS of l10n over all steps: {} (target < 300 MB at 10,000)",
        peak.map_or("n/a (no /usr/bin/time)".into(), |kb| format!(
            "{:.0} MB",
            kb as f64 / 1024.0
        ))
    ));
    notes.push(format!(
        "seconds: median of {runs} runs for cat, status and check (after a warm-up run); \
         one run for each extract; anchors run one process per article, sequentially"
    ));

    if !options.anchors {
        notes.push("anchors skipped (--no-anchors)".into());
    }
    if options.keep {
        let kept = tmp.keep();
        notes.push(format!("corpus kept in {}", kept.display()));
    }
    let title = format!(
        "l10n workflow bench, N = {n} articles, languages {}, {:.0} % translated, seed {}; \
         {} cores; files in page cache, no l10n cache for \"cold\"",
        LANGS.join(","),
        TRANSLATED * 100.0,
        options.seed,
        std::thread::available_parallelism().map_or(1, |p| p.get())
    );
    render(&title, &rows, cat_articles.seconds, &notes)
}

/// The exchange formats `export` writes and `import` reads.
const EXCHANGE_FORMATS: [&str; 4] = ["po", "xliff", "xliff2", "tmx"];

/// Each exchange format's export of Korean, and the import of that export
/// as it is (every file read and reconciled, nothing to write); then, for
/// PO, the import after a translator filled every empty `msgstr` (the
/// catalogs written): the work `msgmerge` does per file.
fn exchange_rows(dir: &Path, l10n: &Path, runs: usize, rows: &mut Vec<Row>) {
    for format in EXCHANGE_FORMATS {
        let out = format!("exchange-{format}");
        eprintln!("[exchange] export and import, {format}");
        let export = strings(&["export", "--format", format, "--lang", "ko", "--out", &out]);
        let timing = median(
            (0..runs)
                .map(|_| run_once(dir, l10n, &export, None, &[0]))
                .collect(),
        );
        rows.push(row(
            &format!("export {format}"),
            &format!("l10n export --format {format} --lang ko"),
            timing,
        ));
        let import = strings(&["import", &format!("{out}/ko")]);
        let timing = median(
            (0..runs)
                .map(|_| run_once(dir, l10n, &import, None, &[0, 1]))
                .collect(),
        );
        rows.push(row(
            &format!("import {format}, as exported"),
            &format!("l10n import {out}/ko (nothing to apply)"),
            timing,
        ));
    }
    let filled = gen_corpus::files_with_ext(&dir.join("exchange-po/ko"), "po").unwrap_or_default();
    for path in &filled {
        let text = fs::read_to_string(path).expect("an exported PO file");
        let text = text.replace("msgstr \"\"\n\n", "msgstr \"채움\"\n\n");
        fs::write(path, text).expect("PO file written");
    }
    let import = strings(&["import", "exchange-po/ko"]);
    let timing = run_once(dir, l10n, &import, None, &[0, 1]);
    rows.push(row(
        "import po, filled",
        "l10n import exchange-po/ko (every empty msgstr filled)",
        timing,
    ));
}

/// Incremental `extract` (issue 16), after "extract after mutate" and the
/// rewrite floor of the same run: that extract against the floor, then
/// `extract` with nothing changed and after editing 10 articles, each
/// against the cached `status` of this run.
fn incremental_rows(dir: &Path, l10n: &Path, runs: usize, ids: &[String], rows: &mut Vec<Row>) {
    let seconds =
        |rows: &[Row], step: &str| rows.iter().find(|r| r.step == step).and_then(|r| r.seconds);
    if let (Some(extract), Some(floor)) = (
        seconds(rows, "extract after mutate"),
        seconds(rows, "floor, rewrite"),
    ) {
        let r = rows
            .iter_mut()
            .find(|r| r.step == "extract after mutate")
            .unwrap();
        if !r.versus.is_empty() {
            r.versus.push_str("; ");
        }
        write!(r.versus, "{:.2}× the rewrite floor", extract / floor).unwrap();
    }
    let status = seconds(rows, "status, unchanged");
    // A row against the cached status, with its target.
    let push = |rows: &mut Vec<Row>, step: &str, command: &str, timing: Timing| {
        let mut r = row(step, command, timing);
        r.versus = status.map_or(String::new(), |s| {
            format!("{:.2}× cached status", timing.seconds / s)
        });
        rows.push(r);
        target(rows, step, 0.3, ids.len());
    };
    let extract = strings(&["extract"]);
    // Files the last extract wrote are racy until 2 s old: one run reads
    // them (by hash) and remembers their stamps; later runs need only those.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    run_once(dir, l10n, &extract, None, &[0]);
    eprintln!("[{}] extract, nothing changed", ids.len());
    let unchanged = median(
        (0..runs)
            .map(|_| run_once(dir, l10n, &extract, None, &[0]))
            .collect(),
    );
    push(
        rows,
        "extract, nothing changed",
        "l10n extract (again, nothing changed)",
        unchanged,
    );

    eprintln!("[{}] extract after editing 10 articles", ids.len());
    for id in ids.iter().take(10) {
        let path = dir.join(format!("articles/{id}.md"));
        let mut text = fs::read_to_string(&path).expect("an article");
        text.push_str("\nThe benchmark added this sentence to the article.\n");
        fs::write(&path, text).expect("an article written");
    }
    let edited = run_once(dir, l10n, &extract, None, &[0]);
    push(
        rows,
        "extract after editing 10 articles",
        "l10n extract (10 articles edited)",
        edited,
    );
}

/// The articles that have a template catalog (all of them, after extract).
fn files_with_template(dir: &Path, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter(|id| dir.join(format!("locales/en/{id}.toml")).is_file())
        .cloned()
        .collect()
}

fn main() {
    let options = parse_options();
    if !options.l10n.is_file() {
        eprintln!(
            "{} not found: run `cargo build --release` or pass --l10n PATH",
            options.l10n.display()
        );
        std::process::exit(2);
    }
    if time_bin().is_none() {
        eprintln!("note: /usr/bin/time not found (Debian `time`): no peak RSS");
    }
    let mut report = String::new();
    for &n in &options.sizes {
        let table = bench(&options, n);
        println!("{table}");
        report.push_str(&table);
        report.push('\n');
    }
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let path = target_dir.join("bench-workflow.txt");
    match fs::create_dir_all(&target_dir).and_then(|_| fs::write(&path, &report)) {
        Ok(()) => eprintln!("written to {}", path.display()),
        Err(e) => eprintln!("cannot write {}: {e}", path.display()),
    }
}
