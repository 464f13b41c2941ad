//! `--partition K/N` and `status --merge`: a run split across machines
//! gives the same report and the same files as one run.
use crate::util::Workspace;

fn workspace(articles: usize) -> Workspace {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.mkdir("locales/ja");
    for i in 0..articles {
        ws.write(
            &format!("articles/{}/a{i:02}.md", i % 3),
            &format!("# Headline {i}\n\nFirst sentence of {i}. Second sentence of {i}.\n\nA closing line {i}.\n"),
        );
    }
    ws
}

#[test]
fn partitioned_status_merges_to_the_whole() {
    let ws = workspace(30);
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "1/a01", |_, source| Some(format!("번역 {source}")));
    ws.write(
        "articles/1/a01.md",
        "# Headline 1\n\nFirst sentence of one. Second sentence of 1.\n",
    );
    ws.write(
        "locales/ko/gone.toml",
        &ws.read("locales/ko/0/a00.toml").replace("0/a00", "gone"),
    );
    let whole = ws.run(&["status", "--format", "json"]).expect_code(0);
    let mut files = Vec::new();
    let mut seen = 0;
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
        let articles = part.json()["languages"][0]["articles"]
            .as_array()
            .unwrap()
            .len();
        assert!(articles < 30, "partition {k} has every article");
        seen += articles;
        let name = format!("part{k}.json");
        ws.write(&name, &part.stdout);
        files.push(name);
    }
    assert_eq!(seen, 30, "partitions overlap or miss articles");
    let mut args = vec!["status", "--format", "json", "--merge"];
    args.extend(files.iter().map(String::as_str));
    let merged = ws.run(&args).expect_code(0);
    assert_eq!(merged.stdout, whole.stdout);
    // A report of another version of the JSON is not read as this one.
    let part1 = ws.read("part1.json");
    ws.write(
        "v2.json",
        &part1.replacen("\"version\": 1,", "\"version\": 2,", 1),
    );
    let mut other = args.clone();
    other[4] = "v2.json";
    let refused = ws.run(&other).expect_code(2);
    assert!(
        refused.stderr.contains("v2.json:2:") && refused.stderr.contains("version 2"),
        "{}",
        refused.stderr
    );
    let text_args: Vec<&str> = args
        .iter()
        .map(|a| if *a == "json" { "text" } else { a })
        .collect();
    let merged_text = ws.run(&text_args).expect_code(0);
    assert_eq!(
        merged_text.stdout,
        ws.run(&["status"]).expect_code(0).stdout
    );
}

#[test]
fn partitioned_extract_writes_what_one_run_writes() {
    let one = workspace(24);
    let split = workspace(24);
    one.run(&["extract"]).expect_code(0);
    for k in 1..=4 {
        split
            .run(&["extract", "--partition", &format!("{k}/4")])
            .expect_code(0);
    }
    assert_eq!(
        format!("{:?}", one.snapshot()).len(),
        format!("{:?}", split.snapshot()).len()
    );
    for i in 0..24 {
        for lang in ["en", "ko", "ja"] {
            let path = format!("locales/{lang}/{}/a{i:02}.toml", i % 3);
            assert_eq!(one.read(&path), split.read(&path), "{path}");
        }
    }
}

#[test]
fn bad_partitions_and_reports_are_refused() {
    // Bad `--partition` values: the cases `tests/cmd/partition-*`.
    let ws = workspace(3);
    ws.write(
        "bad.json",
        "{\"source-lang\": \"en\",\n \"languages\": 3}\n",
    );
    let run = ws.run(&["status", "--merge", "bad.json"]).expect_code(2);
    assert!(run.stderr.contains("bad.json:2:"), "{}", run.stderr);
}
