//! Hostile outputs (issue 10, defects 7 to 9): terminal control sequences
//! carried by articles and catalogs, a tampered result cache, output that
//! cannot be written, and `status --merge` fed reports that do not add up.
use crate::util::Workspace;

/// What must never reach a terminal raw from data: C0/C1 controls, DEL,
/// bidirectional controls, line and paragraph separators. Written here
/// apart from the program's own list, so that the test checks it.
fn is_unsafe(c: char) -> bool {
    let n = c as u32;
    n < 0x20
        || (0x7f..=0x9f).contains(&n)
        || (0x202a..=0x202e).contains(&n)
        || (0x2066..=0x2069).contains(&n)
        || matches!(n, 0x061c | 0x200e | 0x200f | 0x2028 | 0x2029)
}

/// `text` has no unsafe character but newlines (the lines of the output)
/// and, where `colour` allows, this program's own colour codes.
#[track_caller]
fn assert_clean(what: &str, text: &str, colour: bool) {
    let mut rest = text.to_string();
    if colour {
        // Our colour codes are SGR sequences: ESC [ digits and ; m.
        let mut cleaned = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' && chars.peek() == Some(&'[') {
                let sequence: String = chars
                    .clone()
                    .skip(1)
                    .take_while(|c| c.is_ascii_digit() || *c == ';')
                    .collect();
                let after = chars.clone().nth(1 + sequence.len());
                if after == Some('m') {
                    chars.nth(1 + sequence.len());
                    continue;
                }
            }
            cleaned.push(c);
        }
        rest = cleaned;
    }
    let raw: Vec<String> = rest
        .chars()
        .filter(|&c| c != '\n' && is_unsafe(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?} in\n{text}");
}

/// A heading and sentences full of terminal attacks: an OSC window title,
/// a CSI screen clear, a C1 CSI, BEL, DEL, a right-to-left override and an
/// isolate, a tab.
const HOSTILE: &str = "\u{1b}]0;owned\u{7}Title \u{9b}31m here";
const HOSTILE_SENTENCE: &str =
    "The cat \u{1b}[2J sat on the \u{202e}mat\u{2066} and \u{7f}purred\tloudly.";

fn hostile_workspace() -> Workspace {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write(
        "articles/a.md",
        "# A title\n\nThe cat sat on the mat and purred loudly. A second sentence is here.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "a", |_, source| Some(format!("번역 {source}")));
    // The article moves on with hostile text: a new heading, and an edited
    // sentence (outdated, with a diff to show).
    ws.write(
        "articles/a.md",
        &format!("# {HOSTILE}\n\n{HOSTILE_SENTENCE} A second sentence is here.\n"),
    );
    ws.run(&["extract"]).expect_code(0);
    ws
}

#[test]
fn terminal_controls_from_articles_and_catalogs_are_escaped_in_text_output() {
    let ws = hostile_workspace();
    // A hostile id and translation typed into the catalog by hand.
    let path = "locales/ko/a.toml";
    let catalog = ws.read(path);
    let edited = catalog.replacen(
        "translation = \"번역 A second",
        "translation = \"\\u001b]8;;http://evil\\u001b\\\\번역 A second",
        1,
    );
    assert_ne!(edited, catalog);
    ws.write(path, &edited);

    for colour in ["never", "always"] {
        let always = colour == "always";
        let status = ws
            .run(&["--color", colour, "status", "--diff"])
            .expect_code(0);
        assert_clean("status --diff", &status.stdout, always);
        assert!(
            status.stdout.contains("\\u{1b}[2J"),
            "the escape is shown visibly:\n{}",
            status.stdout
        );
        assert!(status.stdout.contains("\\u{202e}"), "{}", status.stdout);
        let check = ws.run(&["--color", colour, "check"]).expect_code(1);
        assert_clean("check", &check.stdout, always);
        assert!(
            check.stdout.contains("\\u{1b}]0;owned\\u{7}Title"),
            "{}",
            check.stdout
        );
        let qa = ws.run(&["--color", colour, "check", "--qa"]);
        assert_clean("check --qa", &qa.stdout, always);
        assert_clean("check --qa (stderr)", &qa.stderr, always);
    }
    // Every line of `check` is one record: a tab or newline inside a value
    // is escaped, not a new line a CI log would read as another finding.
    let check = ws.run(&["check"]).expect_code(1);
    for line in check.stdout.lines().filter(|l| l.starts_with("locales/")) {
        assert!(
            line.contains(": missing: ") || line.contains(": outdated ("),
            "{line}"
        );
    }

    // JSON keeps the text exact (as JSON escapes), and is safe to `cat`.
    let json = ws.run(&["status", "--format", "json"]).expect_code(0);
    assert_clean("status JSON", &json.stdout, false);
    let sources: Vec<String> = json.json()["languages"][0]["articles"][0]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["source"].as_str().unwrap().to_string())
        .collect();
    assert!(sources.contains(&HOSTILE.to_string()), "{sources:?}");
    let segments = ws.run(&["segment", "articles/a.md"]).expect_code(0);
    assert_clean("segment", &segments.stdout, false);
    let first: serde_json::Value =
        serde_json::from_str(segments.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["text"], HOSTILE);
    let explain = ws
        .run(&["segment", "--explain", "articles/a.md"])
        .expect_code(0);
    assert_clean("segment --explain", &explain.stdout, false);
}

#[test]
fn terminal_controls_in_errors_and_summaries_are_escaped() {
    let ws = hostile_workspace();
    // A catalog that does not parse, on a line full of controls: the error
    // quotes the line.
    ws.write_bytes(
        "locales/ko/a.toml",
        b"[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\n[[segment]]\nid = \"x\x1b]0;t\x07\" \x1b[2J oops\n",
    );
    for args in [
        &["status"][..],
        &["check"],
        &["extract"],
        &["build", "--lang", "ko"],
    ] {
        let run = ws.run(args).expect_code(2);
        assert_clean(&format!("{args:?} error"), &run.stderr, false);
        assert!(run.stderr.contains("\\u{1b}[2J"), "{}", run.stderr);
    }
    // Arguments quoted back in usage errors (clap's and ours).
    for args in [
        &["status", "--lang", "k\u{202e}o"][..],
        &["status", "--partition", "1\u{9b}2J"],
        &["status", "no-such\u{1b}]0;t\u{7}"],
    ] {
        let run = ws.run(args).expect_code(2);
        assert_clean(&format!("{args:?} usage error"), &run.stderr, false);
    }
    // An article id from a file name with a control character, in the
    // summaries of extract and build.
    let ws = hostile_workspace();
    ws.write("articles/b\u{1b}[31m.md", "# Hello\n\nA sentence.\n");
    for args in [&["extract"][..], &["build", "--lang", "ko"]] {
        let run = ws.run(args);
        assert_clean(&format!("{args:?} stdout"), &run.stdout, false);
        assert_clean(&format!("{args:?} stderr"), &run.stderr, false);
    }
}

/// A cache file changed by one byte, anywhere, never changes an answer:
/// every part the cache trusts (the header, the index with its counts, the
/// issues read on demand) is under a checksum, and a doubt is a fresh run.
#[test]
fn a_cache_changed_by_one_byte_is_never_trusted() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write(
        "articles/a.md",
        "# A title\n\nOne sentence here. Another sentence there.\n\nA third one.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "a", |_, source| {
        (!source.starts_with("Another")).then(|| format!("번역 {source}"))
    });
    let fresh = ws
        .run(&["check", "--format", "json", "--no-cache"])
        .expect_code(1);
    // The cache of a run that shows every issue.
    let cached = ws.run(&["check", "--format", "json"]).expect_code(1);
    assert_eq!(cached.stdout, fresh.stdout);
    let cache = ws.path(".l10n/cache/reports.bin");
    let original = std::fs::read(&cache).expect("a cache was written");
    let mut trusted_wrongly = Vec::new();
    for at in 0..original.len() {
        let mut bytes = original.clone();
        bytes[at] ^= 0x01;
        std::fs::write(&cache, &bytes).unwrap();
        let run = ws.run(&["check", "--format", "json"]);
        if run.code != fresh.code || run.stdout != fresh.stdout {
            trusted_wrongly.push(at);
        }
    }
    assert!(
        trusted_wrongly.is_empty(),
        "a cache changed at bytes {trusted_wrongly:?} of {} was trusted",
        original.len()
    );
}

/// Runs `l10n args` in `ws` with standard output and error as given.
fn run_to(
    ws: &Workspace,
    args: &[&str],
    stdout: std::process::Stdio,
    stderr: std::process::Stdio,
) -> std::process::Child {
    ws.command(args)
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("l10n runs")
}

fn dev_full() -> std::process::Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
        .into()
}

/// A report that could not be written is not a success: a CI shard would
/// be empty. Output to a full device is exit 2 with a message; a reader
/// that went away (a broken pipe) ends the run quietly.
#[test]
fn an_output_that_cannot_be_written_is_exit_2() {
    let ws = hostile_workspace();
    for args in [
        &["status"][..],
        &["status", "--format", "json"],
        &["check", "--format", "json"],
        &["segment", "articles/a.md"],
        &["build", "--lang", "ko"],
        &["--help"],
        &["status", "--version"],
    ] {
        let run = run_to(&ws, args, dev_full(), std::process::Stdio::piped())
            .wait_with_output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {stderr}");
        if !args[0].starts_with('-') && args.get(1) != Some(&"--version") {
            assert!(stderr.contains("standard output"), "{args:?}: {stderr}");
        }
    }
    // Standard error full: the warnings of a run cannot be read either.
    ws.write(
        "locales/ko/a.toml",
        &ws.read("locales/ko/a.toml").replacen(
            "[[segment]]\n",
            "[[segment]]\nnote-to-self = \"x\"\n",
            1,
        ),
    );
    let run = ws.run(&["status"]).expect_code(0);
    assert!(!run.stderr.is_empty(), "a warning is expected");
    let run = run_to(&ws, &["status"], std::process::Stdio::null(), dev_full())
        .wait()
        .unwrap();
    assert_eq!(run.code(), Some(2));

    // A reader that is gone (a pipe whose read end is closed): no message,
    // as from most Unix tools, but no success either.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let run = run_to(
        &ws,
        &["status", "--format", "json"],
        writer.into(),
        std::process::Stdio::piped(),
    )
    .wait_with_output()
    .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!stderr.contains("standard output"), "{stderr}");
}

/// The shard reports of `status --partition K/3 --format json`.
fn shards() -> (Workspace, Vec<String>) {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    for i in 0..12 {
        ws.write(
            &format!("articles/a{i:02}.md"),
            &format!("# Headline {i}\n\nFirst sentence of {i}. Second sentence of {i}.\n"),
        );
    }
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "a01", |_, source| Some(format!("번역 {source}")));
    let mut files = Vec::new();
    for k in 1..=3 {
        let part = ws
            .run(&[
                "status",
                "--format",
                "json",
                "--partition",
                &format!("{k}/3"),
            ])
            .expect_code(0);
        let name = format!("part{k}.json");
        ws.write(&name, &part.stdout);
        files.push(name);
    }
    (ws, files)
}

/// `status --merge` refuses reports that do not add up, the same shard
/// twice, a missing shard and shards of other runs, naming the file.
#[test]
fn merge_refuses_tampered_duplicate_and_missing_shards() {
    let (ws, files) = shards();
    fn merge<'a>(files: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["status", "--merge"];
        args.extend_from_slice(files);
        args
    }
    let whole = ws
        .run(&merge(&["part1.json", "part2.json", "part3.json"]))
        .expect_code(0);
    assert_eq!(whole.stdout, ws.run(&["status"]).stdout);

    // The same shard twice, and one shard missing.
    crate::util::refuses(
        &ws,
        &merge(&["part1.json", "part2.json", "part1.json", "part3.json"]),
        &["part1.json", "1/3"],
    );
    crate::util::refuses(&ws, &merge(&["part1.json", "part3.json"]), &["2/3"]);

    // Tampered numbers: a wrap-around, a total that is not the sum, an
    // article moved into another shard, a partition that does not exist.
    let text = ws.read(&files[1]);
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let article = &mut json["languages"][0]["articles"][0];
    let segments = article["segments"].as_u64().unwrap();
    let huge = u64::MAX - segments + 2;
    let tampered = [
        ("segments", serde_json::json!(huge)),
        ("translated", serde_json::json!(huge)),
        ("missing", serde_json::json!(0)),
    ];
    // A tampered report given in place of partition 2: refused, naming `names`.
    let refused_in_place_of_part2 = |bad: &serde_json::Value, names: &[&str]| {
        ws.write("bad.json", &bad.to_string());
        crate::util::refuses(
            &ws,
            &merge(&["part1.json", "bad.json", "part3.json"]),
            names,
        );
    };
    for (key, value) in tampered {
        let mut bad = json.clone();
        bad["languages"][0]["articles"][0][key] = value;
        refused_in_place_of_part2(&bad, &["bad.json"]);
    }
    let mut bad = json.clone();
    bad["languages"][0]["totals"]["translated"] = serde_json::json!(1_000_000);
    refused_in_place_of_part2(&bad, &["bad.json"]);
    let mut bad = json.clone();
    bad["source-lang"] = serde_json::json!("fr");
    refused_in_place_of_part2(&bad, &["bad.json", "part1.json"]);
    let mut bad: serde_json::Value = serde_json::from_str(&ws.read(&files[0])).unwrap();
    bad["partition"]["index"] = serde_json::json!(2);
    refused_in_place_of_part2(&bad, &["bad.json"]);
    for index in [0, 4] {
        let mut bad = json.clone();
        bad["partition"]["index"] = serde_json::json!(index);
        refused_in_place_of_part2(&bad, &["bad.json"]);
    }
    // Reports of the whole workspace are not partitions to merge.
    let all = ws.run(&["status", "--format", "json"]).expect_code(0);
    ws.write("all.json", &all.stdout);
    crate::util::refuses(&ws, &merge(&["all.json", "all.json"]), &["all.json"]);
    assert_eq!(
        ws.run(&merge(&["all.json"])).expect_code(0).stdout,
        whole.stdout
    );
}
