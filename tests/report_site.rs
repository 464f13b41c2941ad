//! `l10n report`: the page is well-formed HTML (html5lib's strict parser)
//! that loads nothing from anywhere; headless Chromium shows the numbers of
//! `status --format json`, sorts with its script and without it, and
//! leaves a screenshot under `target/`; the progress chart's points are the
//! counts of a real git repository's commits.
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::readers::{self, found, git_command, have_git, have_python, python};
use crate::util::{SEED_ID, Workspace, refuses, succeeds};

/// Reads a page (a file, or Chromium's dump of its DOM) with html5lib and
/// prints, as JSON, what a reader of the page sees of each language: the
/// section's data attributes, the legend's numbers, the table of articles
/// (data attributes and the cells' text, in the order shown, with the
/// headings' sort state), the chart's points, the outdated sources' diffs,
/// and the page's scripts and external references.
const READ_PAGE: &str = r#"
import json, sys, html5lib
SVG = "{http://www.w3.org/2000/svg}"
with open(sys.argv[1], encoding="utf-8") as f:
    page = f.read()
strict = sys.argv[2] == "strict" if len(sys.argv) > 2 else False
parser = html5lib.HTMLParser(strict=strict, namespaceHTMLElements=False)
doc = parser.parse(page)
def text(e):
    return "".join(e.itertext()).strip()
def data(e):
    return {k[5:]: v for k, v in e.attrib.items() if k.startswith("data-")}
def local(tag):
    return tag.split("}")[-1] if isinstance(tag, str) else ""
out = {"lang": doc.get("lang"), "title": text(doc.find("head/title")), "languages": [],
       "scripts": [], "references": [], "elements": sorted({local(e.tag) for e in doc.iter()})}
for e in doc.iter():
    for name in ("src", "href", "action", "srcset", "poster", "data", "formaction",
                 "{http://www.w3.org/1999/xlink}href", "xlink:href"):
        if name in e.attrib:
            out["references"].append([local(e.tag), name, e.get(name)])
    if local(e.tag) == "script":
        out["scripts"].append({"attrs": dict(e.attrib), "length": len(text(e))})
    if local(e.tag) == "style":
        out["style"] = text(e)
for sec in doc.iter("section"):
    if "language" not in (sec.get("class") or "").split():
        continue
    lang = data(sec)
    lang["legend"] = {tr.get("data-state"): {td.get("class"): text(td) for td in tr.iter("td")}
                      for tr in sec.iter("tr") if tr.get("data-state")}
    table = [t for t in sec.iter("table") if t.get("class") == "articles"][0]
    heads = table.findall("thead/tr/th")
    lang["sort"] = {th.get("data-key"): th.get("aria-sort") for th in heads}
    lang["buttons"] = len(list(table.find("thead").iter("button")))
    keys = [th.get("data-key") for th in heads]
    lang["rows"] = [{"data": data(tr), "cells": dict(zip(keys, [text(c) for c in tr]))}
                    for tr in table.findall("tbody/tr")]
    lang["points"] = [data(c) for c in sec.iter(SVG + "circle")]
    lang["charts"] = len(list(sec.iter(SVG + "svg")))
    lang["no_history"] = [text(p) for p in sec.iter("p") if p.get("class") == "no-history"]
    lang["diffs"] = [{"article": s.get("data-article"),
                      "removed": [text(d) for d in s.iter("del")],
                      "added": [text(i) for i in s.iter("ins")],
                      "text": [text(p) for p in s.iter("p") if p.get("class") == "diff"]}
                     for s in sec.iter("section") if s.get("data-article")]
    out["languages"].append(lang)
print(json.dumps(out))
"#;

/// What html5lib sees of the page at `path`; `strict`: any parse error
/// fails.
fn read_page(path: &Path, strict: bool) -> Value {
    let mode = if strict { "strict" } else { "lenient" };
    let script = READ_PAGE.replace("sys.argv[2]", &format!("{mode:?}"));
    python(&script, &[path])
}

fn have_html5lib() -> bool {
    have_python(&["html5lib"], "the report page with html5lib")
}

fn have_chromium() -> bool {
    found(
        Command::new("chromium").arg("--version"),
        "chromium",
        "apt-get install chromium",
        "the report page in a browser",
    )
}

/// The target folder, where test artifacts go.
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder holds tmp/")
        .to_path_buf()
}

/// Runs headless Chromium on `url` with `args` (as the machine notes say:
/// no sandbox, no GPU, no network of its own, a fresh profile), and
/// returns its standard output; fails after two minutes.
fn chromium(url: &str, args: &[&str]) -> String {
    let profile = tempfile::tempdir().expect("a temporary folder");
    let output = tempfile::NamedTempFile::new().expect("a temporary file");
    let mut child = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(output.reopen().expect("the file reopens"))
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish {url} in two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "chromium failed on {url}: {status}");
    std::fs::read_to_string(output.path()).expect("chromium's output is UTF-8")
}

/// The seed article, a short one and a long untranslated one, in Korean
/// (every other segment translated), Portuguese (all) and Brazilian
/// Portuguese (three segments; the rest covered by Portuguese), then the
/// seed article edited so that two Korean translations are outdated, one
/// of them now with markup characters. With `history`, a git repository
/// with three commits of the catalogs on the way (empty, Korean and
/// Portuguese, Brazilian Portuguese).
fn varied_workspace(history: bool) -> Workspace {
    let ws = Workspace::seeded();
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\", \"pt-BR\"]\n",
    );
    ws.write(
        "articles/2020/brief.md",
        "# A brief note\n\nThe talks went on. Nobody left early.\n",
    );
    let long: String = (1..=30)
        .map(|n| format!("Sentence number {n} is here. "))
        .collect();
    ws.write("articles/2021/long.md", &format!("{long}\n"));
    ws.run(&["extract"]).expect_code(0);
    ws.run(&["extract", "--lang", "pt"]).expect_code(0);
    let commit = |message: &str, time: &str| {
        if history {
            git(&ws, &["add", "-A"], time);
            git(&ws, &["commit", "--quiet", "-m", message], time);
        }
    };
    if history {
        git(&ws, &["init", "--quiet"], "");
    }
    commit("extract", "2024-01-01T10:00:00Z");
    for article in [SEED_ID, "2020/brief"] {
        let n = std::cell::Cell::new(0);
        ws.translate("ko", article, |id, source| {
            n.set(n.get() + 1);
            let edited = source.contains("close ties") || source.contains("fully trust");
            (n.get() % 2 == 1 || edited).then(|| format!("번역 {id}"))
        });
        ws.translate("pt", article, |id, _| Some(format!("tradução {id}")));
    }
    commit("ko, pt", "2024-02-01T10:00:00Z");
    for article in [SEED_ID, "2020/brief"] {
        let n = std::cell::Cell::new(0);
        ws.translate("pt-BR", article, |id, _| {
            n.set(n.get() + 1);
            (n.get() <= 3).then(|| format!("tradução BR {id}"))
        });
    }
    commit("pt-BR", "2024-03-01T10:00:00Z");
    let article = ws
        .read(&format!("articles/{SEED_ID}.md"))
        .replacen("boasting close ties", "boasting strong ties", 1)
        .replacen(
            "fully trust President Moon.",
            "fully trust <script>alert(1)</script> & \"Moon\".",
            1,
        );
    ws.write(&format!("articles/{SEED_ID}.md"), &article);
    ws
}

fn number(value: &Value) -> u64 {
    match value {
        Value::Number(n) => n.as_u64().expect("a count"),
        Value::String(s) => s
            .trim_end_matches(" %")
            .parse()
            .unwrap_or_else(|_| panic!("not a count: {s:?}")),
        _ => panic!("not a count: {value}"),
    }
}

/// Every figure the page shows of each language (as data attributes and as
/// visible text, read by html5lib from `page`) is that of `status`.
fn assert_figures_match(page: &Value, status: &Value) {
    let languages = page["languages"].as_array().unwrap();
    let expected = status["languages"].as_array().unwrap();
    assert_eq!(languages.len(), expected.len(), "one section per language");
    for (shown, want) in languages.iter().zip(expected) {
        let lang = want["lang"].as_str().unwrap();
        assert_eq!(shown["lang"], want["lang"]);
        let totals = &want["totals"];
        for key in ["segments", "translated", "missing", "outdated", "covered"] {
            assert_eq!(
                number(&shown[key]),
                number(&totals[key]),
                "{lang}: data-{key}"
            );
        }
        for (state, key) in [
            ("translated", "translated"),
            ("outdated", "outdated"),
            ("covered", "covered"),
            ("missing", "missing"),
        ] {
            assert_eq!(
                number(&shown["legend"][state]["segments"]),
                number(&totals[key]),
                "{lang}: the legend's {state} segments"
            );
        }
        let legend_words: u64 = ["translated", "outdated", "covered", "missing"]
            .iter()
            .map(|state| number(&shown["legend"][state]["words"]))
            .sum();
        assert_eq!(legend_words, number(&totals["words"]), "{lang}: words");
        assert_eq!(
            number(&shown["legend"]["translated"]["words"]),
            number(&totals["words-translated"]),
            "{lang}: translated words"
        );
        let rows = shown["rows"].as_array().unwrap();
        let articles = want["articles"].as_array().unwrap();
        assert_eq!(rows.len(), articles.len(), "{lang}: one row per article");
        for article in articles {
            let id = article["article"].as_str().unwrap();
            let row = rows
                .iter()
                .find(|r| r["data"]["article"] == id)
                .unwrap_or_else(|| panic!("{lang}: no row for {id}"));
            assert_eq!(row["cells"]["article"], id);
            for key in ["segments", "translated", "missing", "outdated", "covered"] {
                assert_eq!(
                    number(&row["data"][key]),
                    number(&article[key]),
                    "{lang} {id}: data-{key}"
                );
                assert_eq!(
                    number(&row["cells"][key]),
                    number(&article[key]),
                    "{lang} {id}: the {key} cell"
                );
            }
            let remaining = number(&article["segments"]) - number(&article["translated"]);
            assert_eq!(number(&row["cells"]["remaining"]), remaining, "{lang} {id}");
        }
        let outdated: Vec<&str> = articles
            .iter()
            .filter(|a| number(&a["outdated"]) > 0)
            .map(|a| a["article"].as_str().unwrap())
            .collect();
        let diffs: Vec<&str> = shown["diffs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["article"].as_str().unwrap())
            .collect();
        assert_eq!(diffs, outdated, "{lang}: the articles with diffs");
    }
}

/// The articles as the page lists them for the language at `index`.
fn row_order(page: &Value, index: usize) -> Vec<String> {
    page["languages"][index]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["data"]["article"].as_str().unwrap().to_string())
        .collect()
}

/// The remaining segments of each row, in the order shown.
fn remaining_order(page: &Value, index: usize) -> Vec<u64> {
    page["languages"][index]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| number(&r["data"]["remaining"]))
        .collect()
}

#[test]
fn the_page_is_well_formed_and_loads_nothing() {
    if !have_html5lib() {
        return;
    }
    let ws = varied_workspace(have_git("the report's progress chart"));
    let run = ws.run(&["report", "--out", "site"]).expect_code(0);
    assert!(run.stdout.contains("site/index.html"), "{}", run.stdout);
    let page = read_page(&ws.path("site/index.html"), true);
    // The only script is the page's own; nothing refers outside the page.
    let scripts = page["scripts"].as_array().unwrap();
    assert_eq!(scripts.len(), 1, "one script: {scripts:?}");
    assert_eq!(scripts[0]["attrs"], serde_json::json!({}), "inline");
    for reference in page["references"].as_array().unwrap() {
        let target = reference[2].as_str().unwrap();
        assert!(
            reference[1] == "href" && target.starts_with('#'),
            "a reference out of the page: {reference}"
        );
    }
    for element in ["link", "img", "iframe", "object", "embed", "base", "form"] {
        assert!(
            !page["elements"]
                .as_array()
                .unwrap()
                .contains(&Value::from(element)),
            "a <{element}> in the page"
        );
    }
    let style = page["style"].as_str().unwrap();
    assert!(
        !style.contains("@import") && !style.contains("url("),
        "{style}"
    );
    let html = ws.read("site/index.html");
    assert!(html.contains("name=\"viewport\""), "a viewport for phones");
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(!html.contains("http://") && !html.contains("https://"));
    // The edited sentence's markup is text, not markup.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Words for people, in the UI language, and the source language marked.
    assert_eq!(page["lang"], "en");
    assert_eq!(page["title"], "Translation report");
    let ko = ws
        .run(&["--ui-lang", "ko", "report", "--out", "site-ko"])
        .expect_code(0);
    assert!(ko.stdout.contains("site-ko/index.html"));
    let korean = read_page(&ws.path("site-ko/index.html"), true);
    assert_eq!(korean["lang"], "ko");
    assert_eq!(korean["title"], "번역 보고서");
}

#[test]
fn chromium_shows_the_numbers_of_status_and_sorts() {
    if !have_html5lib() || !have_chromium() {
        return;
    }
    let history = have_git("the report's progress chart");
    let ws = varied_workspace(history);
    let status = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    ws.run(&["report", "--out", "site"]).expect_code(0);
    let index = ws.path("site/index.html");
    let url = format!("file://{}", index.display());
    // As written (as with JavaScript off): the figures, sorted by what
    // remains.
    let written = read_page(&index, true);
    assert_figures_match(&written, &status);
    // As Chromium shows it, its script run.
    let dom = chromium(&url, &["--dump-dom"]);
    let dumped = ws.path("dom.html");
    std::fs::write(&dumped, &dom).unwrap();
    let shown = read_page(&dumped, false);
    assert_figures_match(&shown, &status);
    for (i, language) in shown["languages"].as_array().unwrap().iter().enumerate() {
        let mut remaining = remaining_order(&shown, i);
        assert!(
            remaining.windows(2).all(|w| w[0] >= w[1]),
            "most remaining first: {remaining:?}"
        );
        remaining.dedup();
        assert!(remaining.len() > 1, "the articles differ in what remains");
        assert_eq!(language["sort"]["remaining"], "descending");
        if history {
            assert_eq!(language["points"].as_array().unwrap().len(), 3, "a chart");
        }
        assert_eq!(
            language["buttons"], 9,
            "the script made each heading a button"
        );
    }
    assert_eq!(
        written["languages"][0]["buttons"], 0,
        "no dead buttons without script"
    );
    // Covered segments: pt-BR falls back to pt.
    assert!(number(&shown["languages"][1]["covered"]) > 0);
    assert!(number(&shown["languages"][0]["outdated"]) > 0);
    let diff = &shown["languages"][0]["diffs"][0];
    assert_eq!(diff["removed"][0], "close");
    assert_eq!(diff["added"][0], "strong");
    // Markup in a source is text on the page.
    assert_eq!(diff["added"][1], "<script>alert(1)</script>", "{diff}");
    assert!(
        diff["text"][1]
            .as_str()
            .unwrap()
            .ends_with("<script>alert(1)</script> & \"Moon\".”"),
        "{diff}"
    );
    // The sort in the address: by article, ascending.
    let sorted = chromium(&format!("{url}#sort=article-asc"), &["--dump-dom"]);
    std::fs::write(&dumped, &sorted).unwrap();
    let sorted = read_page(&dumped, false);
    for i in 0..2 {
        let mut by_id = row_order(&sorted, i);
        by_id.sort();
        assert_eq!(row_order(&sorted, i), by_id);
        assert_ne!(row_order(&shown, i), by_id, "the sort changed the order");
        assert_eq!(sorted["languages"][i]["sort"]["article"], "ascending");
        assert_eq!(
            sorted["languages"][i]["sort"]["remaining"],
            Value::Null,
            "one column sorted"
        );
    }
    // The screenshots, as a phone and a desktop show the page.
    for (name, size) in [
        ("report-site.png", "1280,1800"),
        ("report-site-phone.png", "412,2400"),
    ] {
        let path = target_dir().join(name);
        let _ = std::fs::remove_file(&path);
        chromium(
            &url,
            &[
                &format!("--screenshot={}", path.display()),
                &format!("--window-size={size}"),
            ],
        );
        let png = std::fs::read(&path).expect("chromium wrote the screenshot");
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        eprintln!("screenshot of the report page: {}", path.display());
    }
}

/// Runs git in the workspace ([`git_command`]) with a fixed commit time.
fn git(ws: &Workspace, args: &[&str], time: &str) {
    succeeds(
        git_command(&ws.path("."))
            .args(args)
            .env("GIT_AUTHOR_DATE", time)
            .env("GIT_COMMITTER_DATE", time),
    );
}

fn git_head(ws: &Workspace, rev: &str) -> String {
    readers::git(&ws.path("."), &["rev-parse", rev])
        .trim()
        .to_string()
}

/// (translated, entries) of a language's catalogs as they are on disk,
/// counted by the test itself: the entries of `[[segment]]`, translated
/// when the translation is not empty and there is no previous source.
fn counts_on_disk(ws: &Workspace, lang: &str, articles: &[&str]) -> (u64, u64) {
    let mut counts = (0, 0);
    for article in articles {
        if !ws.path(&format!("locales/{lang}/{article}.toml")).exists() {
            continue;
        }
        for entry in crate::util::entries(&ws.catalog(lang, article), "segment") {
            counts.1 += 1;
            let translated = crate::util::field(&entry, "translation").unwrap_or("");
            if !translated.trim().is_empty() && !entry.contains_key("previous-source") {
                counts.0 += 1;
            }
        }
    }
    counts
}

#[test]
fn the_chart_has_a_point_per_commit_with_its_counts() {
    if !have_html5lib() || !have_git("the report's progress chart") {
        return;
    }
    let ws = Workspace::seeded();
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\", \"ja\"]\n",
    );
    ws.mkdir("locales/ja");
    let articles = [SEED_ID, "2020/brief"];
    git(&ws, &["init", "--quiet", "--initial-branch=main"], "");
    let mut expected: Vec<[(u64, u64); 2]> = Vec::new();
    let mut record = |ws: &Workspace| {
        expected.push([
            counts_on_disk(ws, "ko", &articles),
            counts_on_disk(ws, "ja", &articles),
        ])
    };
    // 1: the catalogs, empty; Japanese has none yet.
    ws.run(&["extract", "--lang", "ko"]).expect_code(0);
    git(&ws, &["add", "-A"], "");
    git(
        &ws,
        &["commit", "--quiet", "-m", "one"],
        "2024-01-01T10:00:00Z",
    );
    record(&ws);
    // An article edited, the catalogs not: no point.
    ws.write(
        "articles/2020/brief.md",
        "# A brief note\n\nThe talks went on. Nobody left early.\n",
    );
    git(&ws, &["add", "-A"], "");
    git(
        &ws,
        &["commit", "--quiet", "-m", "article"],
        "2024-01-15T10:00:00Z",
    );
    // 2: the new article extracted, the Japanese catalogs too, four Korean
    // segments translated.
    ws.run(&["extract"]).expect_code(0);
    let n = std::cell::Cell::new(0);
    ws.translate("ko", SEED_ID, |id, source| {
        n.set(n.get() + 1);
        (n.get() <= 4 || source.contains("close ties")).then(|| format!("번역 {id}"))
    });
    git(&ws, &["add", "-A"], "");
    git(
        &ws,
        &["commit", "--quiet", "-m", "two"],
        "2024-02-01T10:00:00Z",
    );
    record(&ws);
    // 3: more translated; an edit makes one translation outdated.
    ws.translate("ko", "2020/brief", |id, _| Some(format!("번역 {id}")));
    ws.translate("ja", "2020/brief", |id, _| Some(format!("翻訳 {id}")));
    let edited = ws.read(&format!("articles/{SEED_ID}.md")).replacen(
        "boasting close ties",
        "boasting strong ties",
        1,
    );
    ws.write(&format!("articles/{SEED_ID}.md"), &edited);
    ws.run(&["extract"]).expect_code(0);
    git(&ws, &["add", "-A"], "");
    git(
        &ws,
        &["commit", "--quiet", "-m", "three"],
        "2024-03-01T10:00:00Z",
    );
    record(&ws);
    // Not committed: not a point.
    ws.translate("ja", SEED_ID, |id, _| Some(format!("翻訳 {id}")));
    let korean: Vec<u64> = expected.iter().map(|e| e[0].0).collect();
    assert!(
        korean[0] == 0 && korean[1] >= 4 && korean[2] == korean[1] + 3 - 1,
        "the test's own counts: three Korean stages, one outdated at the end: {korean:?}"
    );
    ws.run(&["report", "--out", "site"]).expect_code(0);
    let page = read_page(&ws.path("site/index.html"), true);
    let commits = [
        git_head(&ws, "HEAD~3"),
        git_head(&ws, "HEAD~1"),
        git_head(&ws, "HEAD"),
    ];
    for (i, lang) in ["ko", "ja"].iter().enumerate() {
        let language = &page["languages"][i];
        assert_eq!(language["lang"], *lang);
        assert_eq!(language["charts"], 1, "{lang}: a chart");
        let points = language["points"].as_array().unwrap();
        let got: Vec<(String, u64, u64)> = points
            .iter()
            .map(|p| {
                (
                    p["commit"].as_str().unwrap().to_string(),
                    number(&p["translated"]),
                    number(&p["entries"]),
                )
            })
            .collect();
        let want: Vec<(String, u64, u64)> = commits
            .iter()
            .zip(&expected)
            .map(|(commit, counts)| (commit.clone(), counts[i].0, counts[i].1))
            .collect();
        assert_eq!(
            got, want,
            "{lang}: a point per commit that touched locales/"
        );
    }
    assert_eq!(
        page["languages"][0]["points"][0]["time"], "1704103200",
        "the commit's time"
    );
}

#[test]
fn without_git_history_the_page_says_why() {
    if !have_html5lib() {
        return;
    }
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    // No repository above the temporary folder is looked at.
    let parent = ws.path("..").canonicalize().unwrap();
    let ceiling = parent.to_str().unwrap();
    ws.run_env(
        &["report", "--out", "site"],
        &[("GIT_CEILING_DIRECTORIES", ceiling)],
    )
    .expect_code(0);
    let page = read_page(&ws.path("site/index.html"), true);
    let ko = &page["languages"][0];
    assert_eq!(ko["charts"], 0);
    assert_eq!(
        ko["no_history"],
        serde_json::json!(["No progress chart: the workspace is not in a git repository."])
    );
    if have_git("the report's progress chart") {
        git(&ws, &["init", "--quiet"], "");
        ws.run(&["report", "--out", "site"]).expect_code(0);
        let page = read_page(&ws.path("site/index.html"), true);
        assert_eq!(
            page["languages"][0]["no_history"],
            serde_json::json!(["No progress chart: no commit has touched locales yet."])
        );
    }
}

#[test]
fn the_report_is_written_like_build_s_output() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    // Never onto the sources; nothing written.
    refuses(&ws, &["report", "--out", "locales/site"], &["locales"]);
    refuses(&ws, &["report", "--out", "articles"], &["articles"]);
    // A second run replaces the page; a stale temporary file of a killed
    // run is swept.
    ws.write("site/.l10n-dead.tmp", "left by a killed run");
    ws.run(&["report", "--out", "site"]).expect_code(0);
    let first = ws.read("site/index.html");
    assert!(!ws.path("site/.l10n-dead.tmp").exists());
    ws.run(&["report", "--out", "site"]).expect_code(0);
    assert_eq!(
        ws.read("site/index.html"),
        first,
        "the same inputs, the same page"
    );
}
