//! Entries whose segments leave the article, and entries whose ids were
//! edited by hand: nothing a person wrote in a catalog goes without
//! `--prune`, and an entry is matched by its exact source before it is
//! declared gone. `status` says beforehand what `extract` then writes.
use crate::util::{Workspace, entries, field};

/// The id of the entry whose source is `source` in a parsed catalog.
fn id_of(catalog: &toml::Table, source: &str) -> String {
    entries(catalog, "segment")
        .iter()
        .find(|e| field(e, "source") == Some(source))
        .and_then(|e| field(e, "id"))
        .unwrap_or_else(|| panic!("no entry for {source:?}"))
        .to_string()
}

/// `text` with `insert` put right after the first line that is `after`.
fn insert_after(text: &str, after: &str, insert: &str) -> String {
    let at = text
        .find(&format!("{after}\n"))
        .unwrap_or_else(|| panic!("no line {after:?} in:\n{text}"))
        + after.len()
        + 1;
    format!("{}{insert}{}", &text[..at], &text[at..])
}

/// `text` with `insert` put right before the table of entry `id`.
fn insert_before_entry(text: &str, id: &str, insert: &str) -> String {
    let table = format!("[[segment]]\nid = \"{id}\"\n");
    let at = text
        .find(&table)
        .unwrap_or_else(|| panic!("no entry {id} in:\n{text}"));
    format!("{}{insert}{}", &text[..at], &text[at..])
}

/// The `status --format json` report of the one article in Korean, but
/// the catalog lines of its issues, which `extract` moves.
fn counts(ws: &Workspace) -> serde_json::Value {
    let json = ws
        .run(&["status", "--lang", "ko", "--format", "json"])
        .expect_code(0)
        .json();
    let mut article = json["languages"][0]["articles"][0].clone();
    for issue in article["issues"].as_array_mut().unwrap() {
        issue.as_object_mut().unwrap().remove("line");
    }
    article
}

const LEAVING: [&str; 5] = [
    "Bravo leaves with a comment.",
    "Charlie leaves with a draft.",
    "Delta leaves untouched.",
    "Echo leaves with a note.",
    "Foxtrot leaves with a remark at the end of a line.",
];

/// Untranslated entries that leave the article keep their comments, their
/// extra keys and a draft typed into `previous-source`, in `[[obsolete]]`,
/// through the line-by-line path (comments and `previous-source` only) and
/// the TOML document path (extra keys, end-of-line comments); an untouched
/// empty entry goes. Once obsolete, they stay, whatever else changes.
#[test]
fn untranslated_entries_that_leave_keep_what_a_person_wrote() {
    for document in [false, true] {
        let ws = Workspace::new();
        ws.mkdir("locales/ko");
        let mut article = String::from("Alpha stays in the article.\n");
        for text in LEAVING {
            article.push_str(&format!("\n{text}\n"));
        }
        ws.write("articles/a.md", &article);
        ws.run(&["extract"]).expect_code(0);
        let catalog = ws.catalog("ko", "a");
        let id = |source: &str| id_of(&catalog, source);
        let mut text = ws.read("locales/ko/a.toml");
        text = insert_before_entry(&text, &id(LEAVING[0]), "# Bravo: ask the desk.\n");
        text = insert_after(
            &text,
            &format!("source = \"{}\"", LEAVING[1]),
            "previous-source = \"찰리 초안\"\n",
        );
        if document {
            text = insert_after(
                &text,
                &format!("source = \"{}\"", LEAVING[3]),
                "note = \"check the name\"\n",
            );
            let foxtrot = format!("id = \"{}\"\nsource = \"{}\"\n", id(LEAVING[4]), LEAVING[4]);
            text = text.replace(
                &format!("{foxtrot}translation = \"\"\n"),
                &format!("{foxtrot}translation = \"\" # ask Kim\n"),
            );
        }
        ws.write("locales/ko/a.toml", &text);
        ws.write("articles/a.md", "Alpha stays in the article.\n");

        let kept: Vec<&str> = if document {
            vec![LEAVING[0], LEAVING[1], LEAVING[3], LEAVING[4]]
        } else {
            vec![LEAVING[0], LEAVING[1]]
        };
        let check = |when: &str| {
            let text = ws.read("locales/ko/a.toml");
            let catalog = ws.catalog("ko", "a");
            let obsolete = entries(&catalog, "obsolete");
            let sources: Vec<&str> = obsolete.iter().filter_map(|e| field(e, "source")).collect();
            assert_eq!(sources, kept, "{when} (document path: {document}):\n{text}");
            for kept in [
                "# Bravo: ask the desk.\n[[obsolete]]",
                "previous-source = \"찰리 초안\"",
            ] {
                assert!(text.contains(kept), "{when}: lost {kept:?}:\n{text}");
            }
            if document {
                for kept in ["note = \"check the name\"", "translation = \"\" # ask Kim"] {
                    assert!(text.contains(kept), "{when}: lost {kept:?}:\n{text}");
                }
            }
            assert!(
                !text.contains(LEAVING[2]),
                "{when}: kept an untouched entry"
            );
        };

        // `status` says beforehand what `extract` will keep.
        let before = counts(&ws);
        assert_eq!(before["obsolete"], kept.len(), "{before}");
        let issues: Vec<&str> = before["issues"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["state"] == "obsolete")
            .map(|i| i["source"].as_str().unwrap())
            .collect();
        assert_eq!(issues, kept);
        ws.run(&["extract"]).expect_code(0);
        check("after the segments left");
        assert_eq!(counts(&ws), before, "status after extract");

        // Already obsolete: a later edit elsewhere keeps them as they are,
        // and a run with nothing to do writes nothing.
        ws.write(
            "articles/a.md",
            "Alpha stays in the article.\n\nGolf arrives.\n",
        );
        ws.run(&["extract"]).expect_code(0);
        check("after another edit");
        let run = ws.run(&["extract"]).expect_code(0);
        assert!(run.stdout.contains("0 catalogs written"), "{}", run.stdout);

        // Only `--prune` lets them go.
        ws.run(&["extract", "--prune"]).expect_code(0);
        assert!(entries(&ws.catalog("ko", "a"), "obsolete").is_empty());
    }
}

const ARTICLE: &str = "Alpha comes first.\n\nBravo comes second.\n\nCharlie comes third.\n";

/// An entry whose id a person changed, but whose source is still its
/// segment's text, keeps its translation, its comments and its place under
/// the segment's id, on both paths; `status` and `check` count it as
/// translated before `extract` runs, and `extract` says what it did.
#[test]
fn a_hand_edited_id_is_matched_by_its_exact_source() {
    for document in [false, true] {
        let ws = Workspace::new();
        ws.mkdir("locales/ko");
        ws.write("articles/a.md", ARTICLE);
        ws.run(&["extract"]).expect_code(0);
        ws.translate("ko", "a", |_, source| Some(format!("번역: {source}")));
        let bravo = id_of(&ws.catalog("ko", "a"), "Bravo comes second.");
        let mut text = ws
            .read("locales/ko/a.toml")
            .replace(&format!("id = \"{bravo}\""), "id = \"bravo-by-hand\"");
        text = insert_before_entry(&text, "bravo-by-hand", "# Bravo: checked.\n");
        if document {
            text = insert_after(&text, "source = \"Alpha comes first.\"", "note = \"x\"\n");
        }
        ws.write("locales/ko/a.toml", &text);

        let before = counts(&ws);
        assert_eq!(
            (
                &before["translated"],
                &before["missing"],
                &before["obsolete"]
            ),
            (&3.into(), &0.into(), &0.into()),
            "{before}"
        );
        assert_eq!(counts(&ws), before, "the same from the cache");
        ws.run(&["check", "--lang", "ko"]).expect_code(0);
        ws.run(&["build", "--lang", "ko"]).expect_code(0);
        let built = ws.read("build/ko/a.md");
        assert!(built.contains("번역: Bravo comes second."), "{built}");

        let run = ws.run(&["extract"]).expect_code(0);
        let said = run
            .stdout
            .lines()
            .find(|l| l.contains("bravo-by-hand"))
            .unwrap_or_else(|| panic!("the rename is not reported:\n{}", run.stdout));
        assert!(
            said.contains("locales/ko/a.toml") && said.contains(&bravo),
            "{said}"
        );
        let catalog = ws.catalog("ko", "a");
        let segments = entries(&catalog, "segment");
        assert_eq!(field(&segments[1], "id"), Some(bravo.as_str()));
        assert_eq!(
            field(&segments[1], "translation"),
            Some("번역: Bravo comes second.")
        );
        assert!(entries(&catalog, "obsolete").is_empty());
        let text = ws.read("locales/ko/a.toml");
        assert!(
            text.contains(&format!("# Bravo: checked.\n[[segment]]\nid = \"{bravo}\"")),
            "the comment stays with the entry:\n{text}"
        );
        assert_eq!(counts(&ws), before, "status after extract");
        let again = ws.run(&["extract"]).expect_code(0);
        assert!(
            again.stdout.contains("0 catalogs written"),
            "{}",
            again.stdout
        );
    }
}

/// Two entries with the same source take that text's segments in order;
/// an obsolete entry whose exact source comes back to the article under a
/// new id is taken back, translation and all.
#[test]
fn repeated_sources_pair_in_order_and_obsolete_entries_come_back() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write("articles/a.md", "Yes, we can.\n\nNo.\n\nYes, we can.\n");
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "a", |id, _| Some(format!("번역 {id}")));
    let before = entries(&ws.catalog("ko", "a"), "segment");
    let ids: Vec<String> = before
        .iter()
        .map(|e| field(e, "id").unwrap().to_string())
        .collect();
    let mut text = ws.read("locales/ko/a.toml");
    for (id, by_hand) in [(&ids[0], "first-yes"), (&ids[2], "second-yes")] {
        text = text.replace(&format!("id = \"{id}\""), &format!("id = \"{by_hand}\""));
    }
    ws.write("locales/ko/a.toml", &text);
    ws.run(&["extract"]).expect_code(0);
    let after = entries(&ws.catalog("ko", "a"), "segment");
    for (before, after) in before.iter().zip(&after) {
        assert_eq!(field(before, "id"), field(after, "id"));
        assert_eq!(field(before, "translation"), field(after, "translation"));
    }

    // A sentence edited (its id kept), translated again, deleted, and
    // restored: its fresh id is not the one it left with.
    let tuesday = "Kim visited Beijing on Tuesday.";
    let monday = "Kim visited Beijing on Monday.";
    ws.write("articles/b.md", &format!("Intro here.\n\n{tuesday}\n"));
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "b", |_, source| Some(format!("번역: {source}")));
    ws.write("articles/b.md", &format!("Intro here.\n\n{monday}\n"));
    ws.run(&["extract"]).expect_code(0);
    let updated: String = ws
        .read("locales/ko/b.toml")
        .lines()
        .filter(|l| !l.starts_with("previous-source = "))
        .map(|l| format!("{l}\n"))
        .collect();
    ws.write("locales/ko/b.toml", &updated);
    ws.write("articles/b.md", "Intro here.\n");
    ws.run(&["extract"]).expect_code(0);
    let obsolete = entries(&ws.catalog("ko", "b"), "obsolete");
    assert_eq!(field(&obsolete[0], "source"), Some(monday));
    let old_id = field(&obsolete[0], "id").unwrap().to_string();

    ws.write("articles/b.md", &format!("Intro here.\n\n{monday}\n"));
    let status = ws
        .run(&["status", "--lang", "ko", "--format", "json", "b"])
        .expect_code(0)
        .json();
    let counts = &status["languages"][0]["articles"][0];
    assert_eq!(
        (&counts["translated"], &counts["obsolete"]),
        (&2.into(), &0.into()),
        "{counts}"
    );
    let run = ws.run(&["extract"]).expect_code(0);
    assert!(run.stdout.contains(&old_id), "{}", run.stdout);
    let catalog = ws.catalog("ko", "b");
    let back = &entries(&catalog, "segment")[1];
    assert_eq!(field(back, "source"), Some(monday));
    assert_eq!(
        field(back, "translation"),
        Some(format!("번역: {tuesday}").as_str())
    );
    assert_ne!(field(back, "id"), Some(old_id.as_str()));
    assert!(entries(&catalog, "obsolete").is_empty());
}
