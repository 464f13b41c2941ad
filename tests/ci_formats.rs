//! `check --format github|junit|sarif`, `--max-issues`, and the sentence's
//! line in the article on every problem, each checked by a real reader:
//! GitHub's documented workflow-command syntax (a regex, and the runner's
//! decoding of its escapes), Python's junitparser, the SARIF 2.1.0 JSON
//! Schema (Python's jsonschema) and sarif-tools.
use std::path::Path;

use regex::Regex;
use serde_json::Value;

use crate::readers::{found, have_python, python, run, schema};
use crate::util::Workspace;

const ARTICLE: &str = "# Costs: up 10%, then more\n\
    \n\
    Exports rose 4.5 percent in 2019.\n\
    \n\
    See the report, chapter 2: \"Trade\" (page 7).\n\
    \n\
    It was a good year for everyone.\n\
    \n\
    The reason is that it rained.\n";

/// A Korean workspace with every kind of problem: a segment missing from
/// its catalog's entry, one not extracted at all (no entry: the annotation
/// points at the article), one outdated, a quality error (a number
/// dropped) and a warning (left untranslated); an article whose path has
/// a comma and a space, with one missing segment; and one fully translated.
fn ci_workspace() -> Workspace {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write("articles/a.md", ARTICLE);
    ws.write(
        "articles/notes, 2019.md",
        "# Notes\n\nAll done. One more thing.\n",
    );
    ws.write("articles/b.md", "# Fine\n\nNothing to see here.\n");
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "a", |_, source| {
        let translation = match source {
            "Costs: up 10%, then more" => "비용: 10% 상승, 그 후 더",
            "Exports rose 4.5 percent in 2019." => "작년 수출은 늘었다.",
            s if s.starts_with("See the report") => s,
            "The reason is that it rained." => "이유는 비가 왔기 때문이다.",
            _ => return None,
        };
        Some(translation.to_string())
    });
    ws.translate("ko", "notes, 2019", |_, source| {
        (source != "One more thing.").then(|| format!("번역: {source}"))
    });
    ws.translate("ko", "b", |_, source| Some(format!("번역: {source}")));
    let edited = ARTICLE.replace("is that it", "is because it") + "\nNew: 50% more, at last.\n";
    ws.write("articles/a.md", &edited);
    ws
}

/// The problems of a `check --format json` report: (article, catalog,
/// article path, problem), issues (obsolete ones aside) then findings.
fn problems(report: &Value) -> Vec<(String, String, String, Value)> {
    let mut out = Vec::new();
    for language in report["languages"].as_array().unwrap() {
        for article in language["articles"].as_array().unwrap() {
            let name = |key: &str| article[key].as_str().unwrap().to_string();
            let issues = article["issues"].as_array().unwrap().iter();
            let issues = issues.filter(|i| i["state"] != "obsolete");
            let qa = article["qa"].as_array().into_iter().flatten();
            for problem in issues.chain(qa) {
                out.push((
                    name("article"),
                    name("catalog"),
                    name("article-path"),
                    problem.clone(),
                ));
            }
        }
    }
    out
}

/// How many of `problems` are issues in `state`, or findings of `severity`.
fn count(problems: &[(String, String, String, Value)], key: &str, value: &str) -> usize {
    problems
        .iter()
        .filter(|(_, _, _, p)| p[key] == value)
        .count()
}

/// A value as GitHub's runner decodes a workflow command's escapes.
fn github_decode(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// One annotation: level, properties (decoded) and message (decoded).
type Annotation = (String, Vec<(String, String)>, String);

/// The lines of `stdout` that are workflow commands, parsed by GitHub's
/// documented syntax (`::command key=value,key=value::message`, the keys
/// of the annotation commands); every other line is plain log text.
fn annotations(stdout: &str) -> Vec<Annotation> {
    let property = r"(?:file|line|endLine|col|endColumn|title)=[^,:\r\n]*";
    let command = Regex::new(&format!(
        r"^::(error|warning|notice)(?: ({property}(?:,{property})*))?::([^\r\n]*)$"
    ))
    .unwrap();
    let mut out = Vec::new();
    for line in stdout.lines().filter(|l| l.starts_with("::")) {
        let captures = command
            .captures(line)
            .unwrap_or_else(|| panic!("not a workflow command: {line}"));
        let properties = captures.get(2).map_or("", |m| m.as_str());
        let properties = properties
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (key, value) = p.split_once('=').unwrap();
                (key.to_string(), github_decode(value))
            })
            .collect();
        out.push((
            captures[1].to_string(),
            properties,
            github_decode(&captures[3]),
        ));
    }
    out
}

fn property<'a>(annotation: &'a Annotation, key: &str) -> Option<&'a str> {
    annotation
        .1
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn github_annotations_follow_githubs_syntax_and_decode_to_the_data() {
    let ws = ci_workspace();
    let report = ws
        .run(&["check", "--qa", "--format", "json"])
        .expect_code(1)
        .json();
    let problems = problems(&report);
    let run = ws
        .run(&["check", "--qa", "--format", "github"])
        .expect_code(1);
    let annotations = annotations(&run.stdout);
    let levels = |level: &str| annotations.iter().filter(|a| a.0 == level).count();
    let errors = count(&problems, "state", "missing")
        + count(&problems, "state", "outdated")
        + count(&problems, "severity", "error");
    assert_eq!(levels("error"), errors, "{}", run.stdout);
    assert_eq!(levels("warning"), count(&problems, "severity", "warning"));
    assert_eq!(levels("notice"), 0);
    assert_eq!(annotations.len(), problems.len());
    assert!(errors >= 5 && levels("warning") >= 1, "{}", run.stdout);
    // Each annotation names a file of the workspace, from its root, and a
    // line inside it.
    for annotation in &annotations {
        let file = property(annotation, "file").expect("a file");
        let text = ws.read(file);
        let line: usize = property(annotation, "line").unwrap().parse().unwrap();
        assert!((1..=text.lines().count()).contains(&line), "{annotation:?}");
    }
    // The new sentence has no entry yet: it is shown in the article, and
    // its message is its source exactly (`%`, `:` and `,` decoded).
    let new = annotations
        .iter()
        .find(|a| a.2.starts_with("New:"))
        .expect("the new sentence");
    assert_eq!(property(new, "file"), Some("articles/a.md"));
    assert_eq!(property(new, "line"), Some("11"));
    assert_eq!(new.2, "New: 50% more, at last.");
    assert_eq!(property(new, "title"), Some("missing"));
    // As written: `%` encoded in the message; `,` too in a property.
    assert!(
        run.stdout.contains(
            "::error file=articles/a.md,line=11,title=missing::New: 50%25 more, at last.\n"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("file=locales/ko/notes%2C 2019.toml,"));
    // The outdated one: at its entry, with the word diff and the article's
    // place in the message.
    let (_, catalog, _, outdated) = problems
        .iter()
        .find(|(_, _, _, p)| p["state"] == "outdated")
        .unwrap();
    // Its title names the reasons (decoded: `%2C` is a comma).
    let reasons: Vec<&str> = outdated["reasons"]
        .as_array()
        .expect("an outdated issue has reasons")
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    let title = format!(
        "outdated ({}) {}",
        reasons.join(", "),
        outdated["id"].as_str().unwrap()
    );
    let annotation = annotations
        .iter()
        .find(|a| property(a, "title") == Some(title.as_str()))
        .expect("the outdated segment's annotation");
    assert_eq!(property(annotation, "file"), Some(catalog.as_str()));
    assert_eq!(
        property(annotation, "line"),
        Some(outdated["line"].to_string().as_str())
    );
    assert_eq!(
        annotation.2,
        "The reason is [-that-]{+because+} it rained. (articles/a.md:9)"
    );
    // A path with a comma and a space decodes back to itself.
    let notes = annotations
        .iter()
        .find(|a| a.2.starts_with("One more thing."))
        .expect("the notes' missing segment");
    assert_eq!(property(notes, "file"), Some("locales/ko/notes, 2019.toml"));
    assert_eq!(notes.2, "One more thing. (articles/notes, 2019.md:3)");
    // The verdict closes the log, as plain text: the language's line, then
    // the rules it failed, indented.
    let verdict: Vec<&str> = run
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("ko: FAILED: "))
        .collect();
    assert!(
        verdict.len() > 1 && verdict[1..].iter().all(|l| l.starts_with("  ")),
        "{}",
        run.stdout
    );
    // A value's line break cannot start a command of its own.
    assert_eq!(
        run.stdout.lines().filter(|l| l.starts_with("::")).count(),
        annotations.len()
    );
}

#[test]
fn covered_segments_are_notices() {
    let ws = Workspace::new();
    ws.write("articles/a.md", "# Title\n\nOne sentence.\n");
    ws.mkdir("locales/pt-BR");
    ws.mkdir("locales/pt");
    ws.run(&["extract"]).expect_code(0);
    ws.translate("pt", "a", |_, source| Some(format!("pt: {source}")));
    let run = ws
        .run(&["check", "--lang", "pt-BR", "--format", "github"])
        .expect_code(0);
    let annotations = annotations(&run.stdout);
    assert_eq!(annotations.len(), 2, "{}", run.stdout);
    assert!(
        annotations.iter().all(|a| a.0 == "notice"),
        "{}",
        run.stdout
    );
    let title = property(&annotations[1], "title").unwrap();
    assert!(title.starts_with("covered by pt "), "{title}");
    let sarif: Value = serde_json::from_str(
        &ws.run(&["check", "--lang", "pt-BR", "--format", "sarif"])
            .expect_code(0)
            .stdout,
    )
    .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert!(
        results
            .iter()
            .all(|r| r["level"] == "note" && r["ruleId"] == "covered")
    );
}

#[test]
fn max_issues_lists_the_first_and_counts_the_rest() {
    let ws = ci_workspace();
    let all = ws.run(&["check", "--qa"]).expect_code(1).stdout;
    let problems = all.lines().filter(|l| l.starts_with("locales/")).count();
    assert!(problems >= 6, "{all}");
    let run = ws
        .run(&["check", "--qa", "--max-issues", "2"])
        .expect_code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[..2], all.lines().collect::<Vec<_>>()[..2]);
    assert_eq!(
        lines[2],
        format!(
            "… and {} more problems (`--max-issues` sets how many are listed)",
            problems - 2
        )
    );
    assert!(lines[3].starts_with("ko: FAILED: "), "{}", run.stdout);
    assert!(
        lines[4..].iter().all(|l| l.starts_with("  ")),
        "only the failed rules follow: {}",
        run.stdout
    );
    // In the UI language, and for GitHub too.
    let korean = ws
        .run(&["--ui-lang", "ko", "check", "--qa", "--max-issues", "1"])
        .expect_code(1);
    assert!(
        korean
            .stdout
            .contains(&format!("… 그리고 문제 {}개가 더 있습니다", problems - 1)),
        "{}",
        korean.stdout
    );
    let github = ws
        .run(&["check", "--qa", "--format", "github", "--max-issues", "3"])
        .expect_code(1);
    assert_eq!(annotations(&github.stdout).len(), 3);
    assert!(
        github
            .stdout
            .contains(&format!("… and {} more problems", problems - 3)),
        "{}",
        github.stdout
    );
    // No limit reached: no such line.
    let roomy = ws
        .run(&["check", "--qa", "--max-issues", "1000"])
        .expect_code(1);
    assert_eq!(roomy.stdout, all);
}

#[test]
fn article_lines_point_at_the_sentence_cached_or_not() {
    let ws = ci_workspace();
    let args = ["check", "--qa", "--format", "json"];
    let first = ws.run(&args).expect_code(1).stdout;
    let cached = ws.run(&args).expect_code(1).stdout;
    let fresh = ws
        .run(&["check", "--qa", "--format", "json", "--no-cache"])
        .expect_code(1)
        .stdout;
    assert_eq!(first, cached);
    assert_eq!(cached, fresh);
    let report: Value = serde_json::from_str(&cached).unwrap();
    let problems = problems(&report);
    assert!(problems.iter().any(|(_, _, _, p)| p["severity"] == "error"));
    for (_, _, path, problem) in &problems {
        let line = problem["article-line"].as_u64().expect("an article line") as usize;
        let text = ws.read(path);
        let at = text.lines().nth(line - 1).unwrap();
        // The finding's entry is found by its id among the issues' or the
        // catalog's; its sentence is on the line either way.
        if let Some(source) = problem["source"].as_str() {
            let head: String = source.chars().take(12).collect();
            assert!(at.contains(&head), "{path}:{line}: {at:?} for {source:?}");
        }
    }
    // The text output says it too.
    let text = ws.run(&["check", "--qa"]).expect_code(1).stdout;
    assert!(
        text.contains("numbers: ") && text.contains(" (articles/a.md:3)\n"),
        "{text}"
    );
}

#[test]
fn junit_is_read_by_junitparser() {
    if !have_python(&["junitparser"], "the JUnit report") {
        return;
    }
    let ws = ci_workspace();
    let report = ws
        .run(&["check", "--qa", "--format", "json"])
        .expect_code(1)
        .json();
    let run = ws
        .run(&["check", "--qa", "--format", "junit"])
        .expect_code(1);
    ws.write("report.xml", &run.stdout);
    let read = python(
        r#"
import json, sys
from junitparser import JUnitXml, Failure
xml = JUnitXml.fromfile(sys.argv[1])
suites = []
for suite in xml:
    written = (suite.tests, suite.failures)
    cases = []
    for case in suite:
        failures = [r for r in case.result if isinstance(r, Failure)]
        cases.append({
            "classname": case.classname,
            "name": case.name,
            "failure": failures[0].text if failures else None,
        })
    suite.update_statistics()
    suites.append({"name": suite.name, "written": written,
                   "counted": (suite.tests, suite.failures), "cases": cases})
print(json.dumps(suites))
"#,
        &[&ws.path("report.xml")],
    );
    let suites = read.as_array().unwrap();
    let languages = report["languages"].as_array().unwrap();
    assert_eq!(suites.len(), languages.len());
    for (suite, language) in suites.iter().zip(languages) {
        let lang = language["lang"].as_str().unwrap();
        assert_eq!(suite["name"], lang);
        let articles = language["articles"].as_array().unwrap();
        let failing: Vec<&Value> = articles
            .iter()
            .filter(|a| {
                a["missing"] != 0
                    || a["outdated"] != 0
                    || a["qa"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|q| q["severity"] == "error")
            })
            .collect();
        assert_eq!(
            suite["written"],
            serde_json::json!([articles.len(), failing.len()])
        );
        assert_eq!(suite["counted"], suite["written"]);
        assert_eq!(failing.len(), 2, "a and its notes fail, b passes");
        for (case, article) in suite["cases"].as_array().unwrap().iter().zip(articles) {
            assert_eq!(case["classname"], lang);
            assert_eq!(case["name"], article["article"]);
            let issues = article["issues"].as_array().unwrap().iter();
            let problems = issues.filter(|i| i["state"] != "obsolete").count()
                + article["qa"].as_array().map_or(0, Vec::len);
            match case["failure"].as_str() {
                Some(text) => assert_eq!(text.lines().count(), problems, "{text}"),
                None => assert_eq!(problems, 0, "{case}"),
            }
        }
    }
}

#[test]
fn sarif_is_valid_and_read_by_sarif_tools() {
    if !have_python(&["jsonschema"], "the SARIF log against its schema") {
        return;
    }
    let ws = ci_workspace();
    let report = ws
        .run(&["check", "--qa", "--format", "json"])
        .expect_code(1)
        .json();
    let problems = problems(&report);
    let run = ws
        .run(&["check", "--qa", "--format", "sarif"])
        .expect_code(1);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    ws.write("report.sarif", &run.stdout);
    // The same log without its version must be refused: the validator
    // really validates.
    let mut broken = log.clone();
    broken.as_object_mut().unwrap().remove("version");
    ws.write("broken.sarif", &broken.to_string());
    let validate = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.validators.validator_for(schema)
validator.check_schema(schema)
print(json.dumps([[e.message for e in validator(schema).iter_errors(json.load(open(f)))]
                  for f in sys.argv[2:]]))
"#;
    let schema_path = schema("sarif-2.1.0.json");
    let errors = python(
        validate,
        &[
            &schema_path,
            &ws.path("report.sarif"),
            &ws.path("broken.sarif"),
        ],
    );
    assert_eq!(errors[0], serde_json::json!([]), "{}", run.stdout);
    assert_ne!(errors[1], serde_json::json!([]));
    // Every problem is a result, at a file of the workspace, with the
    // sentence in the article as its related location (or its location).
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), problems.len());
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for result in results {
        let rule = &rules[result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        let path = uri.replace("%20", " ").replace("%2C", ",");
        assert!(ws.path(&path).is_file(), "{uri}");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        let in_article = if path.starts_with("articles/") {
            location
        } else {
            &result["relatedLocations"][0]["physicalLocation"]
        };
        let article_uri = in_article["artifactLocation"]["uri"].as_str().unwrap();
        assert!(article_uri.starts_with("articles/"), "{result}");
        assert!(in_article["region"]["startLine"].as_u64().unwrap() >= 1);
    }
    assert!(
        run.stdout
            .contains("\"uri\": \"locales/ko/notes%2C%202019.toml\""),
        "{}",
        run.stdout
    );
    if !found(
        std::process::Command::new("sarif").arg("--version"),
        "sarif (sarif-tools)",
        "`python3 -m pip install sarif-tools`",
        "the SARIF log with sarif-tools",
    ) {
        return;
    }
    let (ok, summary, stderr) = run_sarif(&ws.path("report.sarif"));
    assert!(ok, "{stderr}");
    let level = |name: &str| results.iter().filter(|r| r["level"] == name).count();
    assert!(level("error") > 0 && level("warning") > 0);
    for name in ["error", "warning"] {
        assert!(
            summary.contains(&format!("{name}: {}\n", level(name))),
            "{name}: {summary}"
        );
    }
}

fn run_sarif(file: &Path) -> (bool, String, String) {
    run("sarif", &["summary"], &[file])
}

#[test]
fn status_keeps_to_text_and_json() {
    let ws = ci_workspace();
    let run = ws.run(&["status", "--format", "github"]).expect_code(2);
    assert!(
        run.stderr.contains("text") && run.stderr.contains("json"),
        "{}",
        run.stderr
    );
}
