//! The JSON Schemas in `schemas/` (Draft 2020-12) against what l10n really
//! writes: `status` and `check` with `--format json` on the repository's
//! workspace and on edited ones (every state of a segment, QA findings,
//! partitions and their merge), the JSON errors, and every catalog of the
//! repository and of the tests' workspaces. Each schema is itself valid
//! against the 2020-12 meta-schema and refuses a broken document. The
//! catalogs' `#:schema` directive is checked by the real taplo CLI.
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::util::{Workspace, l10n_command, succeeds};

const SCHEMAS: [&str; 5] = ["status", "check", "error", "catalog", "suggest"];

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> Value {
    let path = repository().join(format!("schemas/{name}.schema.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The errors of `document` against schema `name`, one line each (where,
/// then what).
fn errors(name: &str, document: &Value) -> Vec<String> {
    let validator = jsonschema::draft202012::new(&schema(name))
        .unwrap_or_else(|e| panic!("{name}.schema.json does not compile: {e}"));
    validator
        .iter_errors(document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[track_caller]
fn assert_valid(name: &str, document: &Value, what: &str) {
    let errors = errors(name, document);
    assert!(
        errors.is_empty(),
        "{what} is not valid against {name}.schema.json:\n{}\n{document:#}",
        errors.join("\n")
    );
}

/// `document` broken by `mutate` is refused, with an error that says `why`.
#[track_caller]
fn assert_refused(name: &str, document: &Value, mutate: impl Fn(&mut Value), why: &str) {
    assert_valid(name, document, "the document before the change");
    let mut broken = document.clone();
    mutate(&mut broken);
    let errors = errors(name, &broken);
    assert!(
        errors.iter().any(|e| e.contains(why)),
        "{name}.schema.json should refuse the document saying {why:?}; it said {errors:?}"
    );
}

/// A catalog's TOML as the data the schema describes.
fn catalog_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::to_value(table).unwrap()
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// Validates every catalog under `locales`; how many there were.
fn assert_catalogs_valid(locales: &Path) -> usize {
    let mut files = Vec::new();
    toml_files(locales, &mut files);
    for file in &files {
        assert_valid("catalog", &catalog_json(file), &file.display().to_string());
    }
    files.len()
}

fn json_of(ws: &Workspace, args: &[&str], code: i32) -> Value {
    ws.run(args).expect_code(code).json()
}

#[test]
fn every_schema_is_valid_draft_2020_12() {
    for name in SCHEMAS {
        let schema = schema(name);
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
            panic!("{name}.schema.json is not a valid 2020-12 schema: {e}");
        }
    }
    // The meta-schema check can fail: a misspelt type is refused.
    let broken = json!({"type": "strnig"});
    assert!(jsonschema::draft202012::meta::validate(&broken).is_err());
}

/// `status` and `check` describe one report: their definitions are the
/// same, so that they cannot drift apart.
#[test]
fn status_and_check_share_their_definitions() {
    assert_eq!(schema("status")["$defs"], schema("check")["$defs"]);
}

/// The quality checks the schemas name are the registry's, in its order.
#[test]
fn the_schemas_name_every_quality_check() {
    let ids: Vec<Value> = l10n::qa::Check::all()
        .iter()
        .map(|c| Value::from(c.id()))
        .collect();
    assert_eq!(schema("catalog")["$defs"]["qa-check"]["enum"], json!(ids));
    let finding = &schema("status")["$defs"]["qa-finding"];
    assert_eq!(finding["properties"]["check"]["enum"], json!(ids));
}

#[test]
fn the_repository_workspace_validates() {
    let ws_dir = repository();
    let run = |args: &[&str]| {
        let out = l10n_command(ws_dir, args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(if args[0] == "check" { 1 } else { 0 })
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    for args in [
        &["status", "--format", "json", "--no-cache"][..],
        &["status", "--format", "json", "--no-cache", "--diff"],
    ] {
        assert_valid("status", &run(args), &args.join(" "));
    }
    let check = run(&["check", "--format", "json", "--no-cache", "--qa"]);
    assert_valid("check", &check, "check of the repository");
    // A status document is not a check document: it has no verdict.
    assert!(!errors("check", &run(&["status", "--format", "json", "--no-cache"])).is_empty());
    assert!(!errors("status", &check).is_empty());
    assert!(assert_catalogs_valid(&ws_dir.join("locales")) >= 2);
}

const ARTICLE_A: &str = "# Numbers and names\n\n\
    The budget rose by 12 percent in 2019. The minister said so.\n\n\
    Another sentence stays here. A sentence that will leave the article.\n";
const ARTICLE_A_EDITED: &str = "# Numbers and names\n\n\
    The budget rose by 12 percent in 2019. The minister said so yesterday.\n\n\
    Another sentence stays here. A brand new sentence arrives.\n";

/// A workspace with three languages: `ko` translated (one number wrong,
/// for the quality checks), `pt` translated, `pt-BR` covered by `pt`; and a
/// second article, so that partitions have something to split.
fn edited_workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\", \"pt\", \"pt-BR\"]\n",
    );
    ws.write("articles/a.md", ARTICLE_A);
    ws.write("articles/b.md", "# Second\n\nOne more article here.\n");
    ws.run(&["extract"]).expect_code(0);
    for article in ["a", "b"] {
        ws.translate("ko", article, |_, source| {
            Some(format!("번역 {}", source.replace("12", "13")))
        });
        ws.translate("pt", article, |_, source| Some(format!("pt {source}")));
    }
    // Keys of a translator's own, and one the quality checks read.
    let path = "locales/ko/a.toml";
    let text = ws.read(path).replacen(
        "[[segment]]\n",
        "[[segment]]\nnote = \"checked\"\nqa-ignore = [\"length\"]\n",
        1,
    );
    ws.write(path, &text);
    ws.write("articles/a.md", ARTICLE_A_EDITED);
    ws
}

/// Every issue state, a new segment (`id` null), previous sources,
/// fallbacks, findings, thresholds and partitions: what the schemas have to
/// describe, seen in the documents validated.
#[derive(Default)]
struct Seen(std::collections::BTreeSet<String>);

impl Seen {
    fn note(&mut self, document: &Value) {
        if document.get("partition").is_some() {
            self.0.insert("partition".into());
        }
        for language in document["languages"].as_array().unwrap() {
            if language.get("min-translated").is_some() {
                self.0.insert("min-translated".into());
            }
            for article in language["articles"].as_array().unwrap() {
                if article.get("qa").is_some() {
                    self.0.insert("qa".into());
                }
                for issue in article["issues"].as_array().unwrap() {
                    self.0.insert(issue["state"].as_str().unwrap().into());
                    for key in ["previous-source", "fallback"] {
                        if issue.get(key).is_some() {
                            self.0.insert(key.into());
                        }
                    }
                    if issue["id"].is_null() {
                        self.0.insert("new".into());
                    }
                }
            }
        }
    }
}

#[test]
fn reports_of_edited_workspaces_validate() {
    let ws = edited_workspace();
    let mut seen = Seen::default();
    // Before `extract`: the live plan (a new segment has no id yet); then
    // after it (the catalogs have `previous-source` and `[[obsolete]]`).
    for extracted in [false, true] {
        if extracted {
            ws.run(&["extract"]).expect_code(0);
        }
        let status = json_of(&ws, &["status", "--format", "json"], 0);
        assert_valid("status", &status, "status");
        seen.note(&status);
        let diff = json_of(&ws, &["status", "--diff", "--format", "json", "a"], 0);
        assert_valid("status", &diff, "status --diff of one article");
        for args in [
            &["check", "--format", "json", "--qa"][..],
            &["check", "--format", "json", "--min-translated", "50"],
            &["check", "--format", "json", "--lang", "pt-BR"],
        ] {
            let check = ws.run(args).json();
            assert_valid("check", &check, &args.join(" "));
            seen.note(&check);
        }
    }
    for (k, command) in [(1, "status"), (2, "status"), (1, "check")] {
        let partition = format!("{k}/2");
        let run = ws.run(&[command, "--format", "json", "--partition", &partition]);
        let document = run.json();
        assert_valid(
            command,
            &document,
            &format!("{command} --partition {partition}"),
        );
        seen.note(&document);
        if command == "status" {
            ws.write(&format!("part{k}.json"), &run.stdout);
        }
    }
    let merged = json_of(
        &ws,
        &[
            "status",
            "--merge",
            "part1.json",
            "part2.json",
            "--format",
            "json",
        ],
        0,
    );
    assert_valid("status", &merged, "status --merge");
    let all = [
        "missing",
        "outdated",
        "covered",
        "obsolete",
        "new",
        "previous-source",
        "fallback",
        "qa",
        "partition",
        "min-translated",
    ];
    for what in all {
        assert!(
            seen.0.contains(what),
            "no document had {what}: {:?}",
            seen.0
        );
    }
    // The catalogs extract wrote: obsolete entries, previous sources, keys
    // of the translator's own.
    let ko = catalog_json(&ws.path("locales/ko/a.toml"));
    assert!(ko.get("obsolete").is_some() && ko["segment"][0].get("note").is_some());
    assert!(ko["segment"].to_string().contains("previous-source"));
    assert_eq!(assert_catalogs_valid(&ws.path("locales")), 8);
}

#[test]
fn each_schema_refuses_a_broken_document() {
    let ws = edited_workspace();
    let status = json_of(&ws, &["status", "--format", "json"], 0);
    assert_refused(
        "status",
        &status,
        |d| d["version"] = json!(2),
        "1 was expected",
    );
    assert_refused(
        "status",
        &status,
        |d| d["languages"][0]["totals"]["words-translated"] = json!(-1),
        "minimum",
    );
    assert_refused(
        "status",
        &status,
        |d| d["languages"][0]["articles"][0]["issues"][0]["state"] = json!("lost"),
        "lost",
    );
    let check = ws.run(&["check", "--format", "json", "--qa"]).json();
    assert_refused(
        "check",
        &check,
        |d| {
            d.as_object_mut().unwrap().remove("passed");
        },
        "\"passed\" is a required property",
    );
    assert_refused(
        "check",
        &check,
        |d| d["languages"][0]["articles"][0]["qa"][0]["severity"] = json!("fatal"),
        "fatal",
    );
    let error = ws.run(&["status", "--format", "json", "nosuch"]).json();
    assert_refused(
        "error",
        &error,
        |d| d["error"]["line"] = json!("3"),
        "\"3\"",
    );
    let catalog = catalog_json(&ws.path("locales/ko/a.toml"));
    assert_refused(
        "catalog",
        &catalog,
        |d| d["segment"][0]["translation"] = json!(3),
        "3 is not of type \"string\"",
    );
    assert_refused(
        "catalog",
        &catalog,
        |d| {
            d["segment"][0].as_object_mut().unwrap().remove("id");
        },
        "\"id\" is a required property",
    );
    assert_refused(
        "catalog",
        &catalog,
        |d| d["glossary"] = json!({}),
        "glossary",
    );
}

/// One bad-input run of `status` or `check --format json`: the JSON error
/// on standard output, valid, the text on standard error, exit 2.
#[track_caller]
fn json_error(ws: &Workspace, args: &[&str]) -> Value {
    let run = ws.run(args).expect_code(2);
    let document = run.json();
    assert_valid("error", &document, &args.join(" "));
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    document["error"].clone()
}

#[test]
fn bad_input_with_format_json_is_a_json_error() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let catalog = format!("locales/ko/{}.toml", crate::util::SEED_ID);
    let text = ws.read(&catalog);
    ws.write(
        &catalog,
        &text.replacen("\ntranslation = \"\"\n", "\ntranslation = 3\n", 1),
    );
    let line = text
        .lines()
        .position(|l| l == "translation = \"\"")
        .unwrap()
        + 1;
    for command in ["status", "check"] {
        let error = json_error(&ws, &[command, "--format", "json"]);
        assert_eq!(error["file"], json!(catalog));
        assert_eq!(
            (error["line"].clone(), error["column"].clone()),
            (json!(line), json!(15))
        );
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("must be a string")
        );
        // In Korean, the text is Korean and the JSON still English.
        let run = ws
            .run(&["--ui-lang", "ko", command, "--format=json"])
            .expect_code(2);
        assert_eq!(run.json()["error"], error);
        assert!(run.stderr.starts_with("오류"), "{}", run.stderr);
        // With text output, standard output stays empty.
        assert_eq!(ws.run(&[command]).expect_code(2).stdout, "");
    }
    ws.write(&catalog, &text);
    // A bad configuration, found while the settings are resolved.
    ws.write("l10n.toml", "source-lang = \"en\"\nlanguages = [3]\n");
    let error = json_error(&ws, &["check", "--format", "json"]);
    assert_eq!(
        error,
        json!({"message": error["message"], "file": "l10n.toml", "line": 2, "column": 14})
    );
    fs::remove_file(ws.path("l10n.toml")).unwrap();
    // Usage errors name no file: one the parser finds, one it cannot see.
    let error = json_error(
        &ws,
        &["-C", ".", "check", "--lang", "x!!", "--format", "json"],
    );
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("not a valid language tag")
    );
    assert_eq!(error["file"], Value::Null);
    let error = json_error(&ws, &["status", "--format", "json", "no/such/article"]);
    assert_eq!(
        (error["file"].clone(), error["line"].clone()),
        (Value::Null, Value::Null)
    );
    // A report to merge that is not one: the file and its line.
    ws.write(
        "shard.json",
        "{\n  \"version\": 1,\n  \"languages\": 3\n}\n",
    );
    let error = json_error(
        &ws,
        &["status", "--format", "json", "--merge", "shard.json"],
    );
    assert_eq!(
        (error["file"].clone(), error["line"].clone()),
        (json!("shard.json"), json!(3))
    );
    // Help is no error, and other commands keep their output as it was.
    let help = ws
        .run(&["status", "--format", "json", "--help"])
        .expect_code(0);
    assert!(!help.stdout.starts_with('{'));
    assert_eq!(
        ws.run(&["build", "--lang", "x!!"]).expect_code(2).stdout,
        ""
    );
}

/// `init` puts the catalogs' schema and a `.taplo.toml` naming it in the
/// workspace; new catalogs name the schema on their first line; existing
/// ones are not rewritten for it, and keep it when they have it.
#[test]
fn new_catalogs_name_the_schema_init_wrote() {
    let ws = Workspace::new();
    ws.run(&["init", "--lang", "ko"]).expect_code(0);
    let shipped = fs::read_to_string(repository().join("schemas/catalog.schema.json")).unwrap();
    assert_eq!(ws.read("schemas/catalog.schema.json"), shipped);
    // The repository, itself a workspace, has the same.
    let taplo_config = fs::read_to_string(repository().join(".taplo.toml")).unwrap();
    assert_eq!(ws.read(".taplo.toml"), taplo_config);
    assert!(taplo_config.contains("path = \"schemas/catalog.schema.json\""));
    ws.write(
        "articles/2019/a.md",
        "# Title\n\nHello there. Second one.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    let directive = "#:schema ../../../schemas/catalog.schema.json\n";
    for lang in ["en", "ko"] {
        let text = ws.read(&format!("locales/{lang}/2019/a.toml"));
        assert!(text.starts_with(directive), "{text}");
    }
    // An existing catalog keeps the directive when extract edits it.
    ws.write(
        "articles/2019/a.md",
        "# Title\n\nHello there. Another one.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    let ko = ws.read("locales/ko/2019/a.toml");
    assert!(
        ko.starts_with(directive) && ko.contains("Another one."),
        "{ko}"
    );
    // One without it does not get it.
    let without = ko.replacen(directive, "", 1);
    ws.write("locales/ko/2019/a.toml", &without);
    ws.write("articles/2019/a.md", "# Title\n\nHello there. Third one.\n");
    ws.run(&["extract"]).expect_code(0);
    let ko = ws.read("locales/ko/2019/a.toml");
    assert!(
        !ko.contains("#:schema") && ko.contains("Third one."),
        "{ko}"
    );
    assert_eq!(assert_catalogs_valid(&ws.path("locales")), 2);
    // `init` elsewhere leaves a schema or taplo configuration it finds.
    let other = Workspace::new();
    other.write(".taplo.toml", "# mine\n");
    other.write("schemas/catalog.schema.json", "{}\n");
    other.run(&["init"]).expect_code(0);
    assert_eq!(other.read(".taplo.toml"), "# mine\n");
    assert_eq!(other.read("schemas/catalog.schema.json"), "{}\n");
    // Without the schema file, no directive: it would name a missing file.
    let plain = Workspace::seeded();
    plain.run(&["extract"]).expect_code(0);
    let catalog = plain.read(&format!("locales/ko/{}.toml", crate::util::SEED_ID));
    assert!(!catalog.contains("#:schema"));
}

/// taplo checks a catalog against the schema its directive names (run
/// from another folder, with no `.taplo.toml`), and, for a catalog with no
/// directive, against the one `.taplo.toml` associates.
#[test]
fn taplo_checks_catalogs_against_the_schema() {
    if !crate::readers::have_taplo("catalogs against their schema") {
        return;
    }
    let ws = Workspace::new();
    ws.run(&["init", "--lang", "ko"]).expect_code(0);
    ws.write("articles/2019/a.md", "# Title\n\nHello there.\n");
    ws.run(&["extract"]).expect_code(0);
    let catalog = "locales/ko/2019/a.toml";
    let taplo = |dir: &str, file: &str| {
        let out = Command::new("taplo")
            .args(["check", file])
            .current_dir(ws.path(dir))
            .env("RUST_LOG", "error")
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        (out.status.success(), said.into_owned())
    };
    let valid = ws.read(catalog);
    let broken = valid.replacen("\ntranslation = \"\"\n", "\ntranslation = 3\n", 1);
    // The directive alone.
    let config = ws.read(".taplo.toml");
    fs::remove_file(ws.path(".taplo.toml")).unwrap();
    let (passed, said) = taplo("locales/ko", "2019/a.toml");
    assert!(passed, "{said}");
    ws.write(catalog, &broken);
    let (passed, said) = taplo("locales/ko", "2019/a.toml");
    assert!(
        !passed && said.contains("is not of type \"string\""),
        "{said}"
    );
    // `.taplo.toml` alone, from the workspace's root.
    ws.write(".taplo.toml", &config);
    let undirected = broken.lines().skip(1).collect::<Vec<_>>().join("\n") + "\n";
    ws.write(catalog, &undirected);
    let (passed, said) = taplo(".", catalog);
    assert!(
        !passed && said.contains("is not of type \"string\""),
        "{said}"
    );
    ws.write(
        catalog,
        &undirected.replacen("translation = 3", "translation = \"x\"", 1),
    );
    let (passed, said) = taplo(".", catalog);
    assert!(passed, "{said}");
    // The repository's own catalogs, through its `.taplo.toml`.
    let mut catalogs = Vec::new();
    toml_files(&repository().join("locales"), &mut catalogs);
    succeeds(
        Command::new("taplo")
            .arg("check")
            .args(&catalogs)
            .current_dir(repository())
            .env("RUST_LOG", "error"),
    );
}

#[test]
fn suggest_json_is_valid() {
    let ws = Workspace::extracted(&[("a", "Run the tests every day.\n")]);
    ws.translate("ko", "a", |_, source| Some(format!("KO: {source}")));
    ws.write(
        "articles/b.md",
        "Run the checks every day. Something new.\n",
    );
    let document = json_of(&ws, &["suggest", "--lang", "ko", "--format", "json"], 0);
    assert_eq!(document["suggestions"].as_array().unwrap().len(), 2);
    assert_valid("suggest", &document, "suggest --format json");
    assert_refused(
        "suggest",
        &document,
        |d| d["suggestions"][0]["matches"][0]["score"] = 101.into(),
        "maximum",
    );
}
