//! `l10n export --format po`: gettext catalogs from the catalogs, checked by
//! GNU gettext's own `msgfmt`.
use crate::readers::{have_gettext, run};
use crate::util::{SEED_ID, Workspace, seed_article};
use std::path::Path;

/// Runs `msgfmt` with `args` on `file`, writing nothing: whether it
/// succeeded, and what it said.
fn msgfmt(args: &[&str], file: &Path) -> (bool, String) {
    let args = [args, &["-o", "/dev/null"]].concat();
    let (ok, _, stderr) = run("msgfmt", &args, &[file]);
    (ok, stderr)
}

/// The count before `word` in msgfmt's statistics line
/// (`3 translated messages, 1 fuzzy translation, 2 untranslated messages.`).
fn count(statistics: &str, word: &str) -> u64 {
    statistics
        .split(',')
        .find(|part| part.contains(word))
        .and_then(|part| part.split_whitespace().next())
        .map_or(0, |n| n.parse().expect("a count"))
}

#[test]
fn po_export_passes_msgfmt_and_counts_the_catalogs_entries() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    // Every segment but the dateline is translated, with characters PO
    // strings must escape.
    ws.translate("ko", SEED_ID, |id, source| {
        (!source.starts_with("Posted")).then(|| format!("번역 \"{id}\"\t\\ 끝"))
    });
    // One source changes (outdated), one translated sentence leaves the
    // article (obsolete).
    let article = seed_article()
        .replace("close ties", "strong ties")
        .replace(" He does not fully trust President Moon.", "");
    ws.write(&format!("articles/{SEED_ID}.md"), &article);
    ws.run(&["extract"]).expect_code(0);

    let json = ws
        .run(&["status", "--format", "json", "--lang", "ko"])
        .expect_code(0)
        .json();
    let totals = &json["languages"][0]["totals"];
    let total = |key: &str| totals[key].as_u64().unwrap_or(0);
    assert!(total("outdated") >= 1, "{totals}");
    assert!(total("missing") >= 1, "{totals}");

    let run = ws
        .run(&["export", "--format", "po", "--lang", "ko"])
        .expect_code(0);
    let relative = format!("export/ko/{SEED_ID}.po");
    assert!(
        run.stdout.contains(&format!("wrote {relative}")),
        "{}",
        run.stdout
    );
    let text = ws.read(&relative);
    assert!(text.contains("\"Language: ko\\n\"\n"), "{text}");
    assert!(
        text.contains("\"Plural-Forms: nplurals=1; plural=0;\\n\"\n"),
        "{text}"
    );
    assert!(text.contains("\n#, fuzzy\n#| msgid \""), "{text}");
    assert!(
        text.contains("strong ties") && text.contains("#| msgid \"North Korean leader"),
        "the outdated entry has its previous source:\n{text}"
    );
    assert!(
        text.contains("\n#~ msgid \"He does not fully trust President Moon."),
        "the obsolete entry:\n{text}"
    );
    assert!(text.contains("\\\"\\t\\\\ 끝\"\n"), "escaped:\n{text}");
    // The headline is the article's first line.
    assert!(
        text.contains(&format!("\n#: articles/{SEED_ID}.md:1\nmsgctxt \"")),
        "{text}"
    );

    if !have_gettext("msgfmt", "the PO export") {
        return;
    }
    let file = ws.path(&relative);
    let (ok, stderr) = msgfmt(&["--check-format", "--check-header"], &file);
    assert!(
        ok,
        "msgfmt --check-format --check-header refused it: {stderr}\n{text}"
    );
    let (ok, statistics) = msgfmt(&["--statistics"], &file);
    assert!(ok, "msgfmt --statistics: {statistics}");
    assert_eq!(
        count(&statistics, "translated message"),
        total("translated"),
        "translated: {statistics} vs {totals}"
    );
    assert_eq!(
        count(&statistics, "fuzzy"),
        total("outdated"),
        "fuzzy: {statistics} vs {totals}"
    );
    assert_eq!(
        count(&statistics, "untranslated"),
        total("missing") + total("covered"),
        "untranslated: {statistics} vs {totals}"
    );
}
