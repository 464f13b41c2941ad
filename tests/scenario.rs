//! The edit scenario on the seed article: a word changed in one sentence, a
//! sentence inserted, a one-sentence paragraph deleted, two paragraphs
//! swapped. Live status, check and extract must all tell the same story.
use std::collections::{BTreeMap, BTreeSet};

use crate::util::{SEED_ID, Workspace, entries, field, seed_article};

const EDITED_FROM: &str = "boasting close ties with Chinese President Xi Jinping.";
const EDITED_TO: &str = "boasting strong ties with Chinese President Xi Jinping.";
const INSERTED: &str = "The visit was his fourth to China.";
const DELETED: &str = "The Chinese edition of Voice of America reported that Chairman Kim and President Xi got what they needed through the North Korea-China summit.";
const SWAP_A: &str = "Multiple sources in South Korea";
const SWAP_B: &str = "In particular, hotels in Dandong";

/// The seed article with the four edits applied.
pub fn edited_article() -> String {
    let article = seed_article();
    assert!(article.contains(EDITED_FROM) && article.contains(DELETED));
    let article = article.replace(EDITED_FROM, EDITED_TO);
    let article = article.replace(
        "They reportedly complain of the difficult economic situation in North Korea.",
        &format!("They reportedly complain of the difficult economic situation in North Korea. {INSERTED}"),
    );
    let article = article.replace(&format!("{DELETED}\n\n"), "");
    let mut paragraphs: Vec<String> = article.split("\n\n").map(str::to_string).collect();
    let a = paragraphs
        .iter()
        .position(|p| p.starts_with(SWAP_A))
        .unwrap();
    let b = paragraphs
        .iter()
        .position(|p| p.starts_with(SWAP_B))
        .unwrap();
    paragraphs.swap(a, b);
    paragraphs.join("\n\n")
}

/// A seeded workspace, extracted, with every segment translated.
pub fn translated_workspace() -> Workspace {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", SEED_ID, |id, _| Some(format!("번역 {id}")));
    ws
}

fn translations(catalog: &toml::Table) -> BTreeSet<String> {
    ["segment", "obsolete"]
        .iter()
        .flat_map(|section| entries(catalog, section))
        .filter_map(|e| field(&e, "translation").map(str::to_string))
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn live_status_check_and_extract_agree_on_the_edits() {
    let ws = translated_workspace();
    let before = ws.catalog("ko", SEED_ID);
    let ids_before: BTreeMap<String, String> = entries(&before, "segment")
        .iter()
        .map(|e| {
            (
                field(e, "source").unwrap().to_string(),
                field(e, "id").unwrap().to_string(),
            )
        })
        .collect();
    ws.run(&["check"]).expect_code(0);

    ws.write(&format!("articles/{SEED_ID}.md"), &edited_article());

    // Live: nothing extracted yet.
    let live = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    let totals = &live["languages"][0]["totals"];
    assert_eq!(
        (&totals["outdated"], &totals["missing"], &totals["obsolete"]),
        (&1.into(), &1.into(), &1.into()),
        "{live:#}"
    );
    let issues = live["languages"][0]["articles"][0]["issues"]
        .as_array()
        .unwrap();
    let missing = issues.iter().find(|i| i["state"] == "missing").unwrap();
    assert!(
        missing["id"].is_null(),
        "a new segment has no id in the catalogs yet"
    );
    assert_eq!(missing["source"], INSERTED);
    let outdated = issues.iter().find(|i| i["state"] == "outdated").unwrap();
    assert!(outdated["source"].as_str().unwrap().contains("strong ties"));
    assert!(
        outdated["previous-source"]
            .as_str()
            .unwrap()
            .contains("close ties")
    );
    assert!(outdated["line"].as_u64().unwrap() > 0);
    let obsolete = issues.iter().find(|i| i["state"] == "obsolete").unwrap();
    assert_eq!(obsolete["source"], DELETED);

    let check = ws.run(&["check"]).expect_code(1);
    assert!(
        check
            .stdout
            .contains(&format!("locales/ko/{SEED_ID}.toml:")),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(": outdated (wording): "),
        "{}",
        check.stdout
    );
    assert!(check.stdout.contains(": missing: "), "{}", check.stdout);

    ws.run(&["extract"]).expect_code(0);
    let after = ws.catalog("ko", SEED_ID);
    let segments = entries(&after, "segment");

    // The edited entry keeps its id and translation and gains previous-source.
    let old_edited = ids_before
        .iter()
        .find(|(s, _)| s.contains(EDITED_FROM))
        .unwrap();
    let edited = segments
        .iter()
        .find(|e| field(e, "source").unwrap().contains(EDITED_TO))
        .unwrap();
    assert_eq!(field(edited, "id"), Some(old_edited.1.as_str()));
    assert_eq!(
        field(edited, "previous-source"),
        Some(old_edited.0.as_str())
    );
    assert_eq!(
        field(edited, "translation").unwrap(),
        format!("번역 {}", old_edited.1)
    );

    // The deleted one is obsolete, with its translation.
    let obsolete = entries(&after, "obsolete");
    assert_eq!(obsolete.len(), 1);
    assert_eq!(field(&obsolete[0], "source"), Some(DELETED));
    assert_eq!(
        field(&obsolete[0], "id"),
        Some(ids_before[DELETED].as_str())
    );
    assert_eq!(
        field(&obsolete[0], "translation").unwrap(),
        format!("번역 {}", ids_before[DELETED])
    );

    // Swapped paragraphs keep ids and stay translated; the catalog follows the new order.
    for entry in &segments {
        let source = field(entry, "source").unwrap();
        if let Some(old_id) = ids_before.get(source) {
            assert_eq!(field(entry, "id"), Some(old_id.as_str()), "{source}");
            assert_eq!(
                field(entry, "translation").unwrap(),
                format!("번역 {old_id}")
            );
            assert!(entry.get("previous-source").is_none(), "{source}");
        }
    }
    let position = |prefix: &str| {
        segments
            .iter()
            .position(|e| field(e, "source").unwrap().starts_with(prefix))
    };
    assert!(position(SWAP_B) < position(SWAP_A));
    let new_entry = segments
        .iter()
        .find(|e| field(e, "source") == Some(INSERTED))
        .unwrap();
    assert_eq!(field(new_entry, "translation"), Some(""));

    // No translation vanished.
    assert!(translations(&before).is_subset(&translations(&after)));

    // Status after extract tells what live status told.
    let settled = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(
        settled["languages"][0]["totals"],
        live["languages"][0]["totals"]
    );
    ws.run(&["check"]).expect_code(1);
}

#[test]
fn a_retranslated_entry_passes_once_previous_source_is_removed() {
    let ws = translated_workspace();
    ws.write(
        &format!("articles/{SEED_ID}.md"),
        &seed_article().replace(EDITED_FROM, EDITED_TO),
    );
    ws.run(&["extract"]).expect_code(0);
    ws.run(&["check"]).expect_code(1);
    let path = format!("locales/ko/{SEED_ID}.toml");
    let text = ws.read(&path);
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("previous-source = "))
        .collect();
    ws.write(&path, &(kept.join("\n") + "\n"));
    ws.run(&["check"]).expect_code(0);
}
