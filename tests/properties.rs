//! Property tests: for random articles and random edit scripts, `extract`
//! never loses a translation, keeps the ids of unchanged sentences, is
//! idempotent, and `status` live agrees with `status` after `extract`.
//!
//! Most cases go through the library (fast); a few through the real binary.
use std::collections::{HashMap, HashSet};
use std::path::Path;

use l10n::article::{self, Format};
use l10n::catalog::Catalog;
use l10n::lang::Lang;
use l10n::plan::{ArticlePlan, Judged, LanguagePlan, State};
use l10n::segment::Rules;
use l10n::store;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::util::Workspace;

// ---------------------------------------------------------------------------
// Random articles and edits.

/// A small vocabulary, so that sentences repeat and edits look alike.
const WORDS: &[&str] = &[
    "the",
    "leader",
    "visit",
    "china",
    "experts",
    "say",
    "reason",
    "people",
    "trust",
    "summit",
    "talks",
    "north",
    "south",
    "border",
    "deal",
    "week",
    "report",
    "sources",
    "plan",
    "sanctions",
];
const ENDS: &[&str] = &[".", "!", "?"];

/// A sentence: its words (lowercase; the first is capitalised when written)
/// and its terminal punctuation.
#[derive(Debug, Clone)]
struct Sentence {
    words: Vec<&'static str>,
    end: &'static str,
}

type Paragraph = Vec<Sentence>;

#[derive(Debug, Clone)]
struct Article(Vec<Paragraph>);

impl Sentence {
    fn render(&self) -> String {
        let mut text = self.words.join(" ");
        if let Some(first) = text.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        text + self.end
    }
}

impl Article {
    fn render(&self) -> String {
        self.0
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| p.iter().map(Sentence::render).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
            + "\n"
    }

    fn apply(&mut self, edit: &Edit) {
        let paragraphs = &mut self.0;
        if paragraphs.is_empty() {
            paragraphs.push(Vec::new());
        }
        let n = paragraphs.len();
        match edit {
            Edit::ChangeWord {
                para,
                sentence,
                word,
                to,
            } => {
                let p = &mut paragraphs[para.index(n)];
                if !p.is_empty() {
                    let len = p.len();
                    let s = &mut p[sentence.index(len)];
                    let len = s.words.len();
                    s.words[word.index(len)] = to;
                }
            }
            Edit::InsertSentence { para, at, sentence } => {
                let p = &mut paragraphs[para.index(n)];
                let at = at.index(p.len() + 1);
                p.insert(at, sentence.clone());
            }
            Edit::DeleteSentence { para, sentence } => {
                let p = &mut paragraphs[para.index(n)];
                if !p.is_empty() {
                    let len = p.len();
                    p.remove(sentence.index(len));
                }
            }
            Edit::MoveParagraph { from, to } => {
                let p = paragraphs.remove(from.index(n));
                paragraphs.insert(to.index(n), p);
            }
            Edit::SplitParagraph { para, at } => {
                let i = para.index(n);
                let len = paragraphs[i].len();
                let tail = paragraphs[i].split_off(at.index(len + 1));
                paragraphs.insert(i + 1, tail);
            }
            Edit::JoinParagraphs { para } => {
                if n > 1 {
                    let i = para.index(n - 1);
                    let next = paragraphs.remove(i + 1);
                    paragraphs[i].extend(next);
                }
            }
        }
        paragraphs.retain(|p| !p.is_empty());
    }
}

#[derive(Debug, Clone)]
enum Edit {
    ChangeWord {
        para: Index,
        sentence: Index,
        word: Index,
        to: &'static str,
    },
    InsertSentence {
        para: Index,
        at: Index,
        sentence: Sentence,
    },
    DeleteSentence {
        para: Index,
        sentence: Index,
    },
    MoveParagraph {
        from: Index,
        to: Index,
    },
    SplitParagraph {
        para: Index,
        at: Index,
    },
    JoinParagraphs {
        para: Index,
    },
}

fn word() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(WORDS)
}

fn sentence() -> impl Strategy<Value = Sentence> {
    (
        proptest::collection::vec(word(), 2..8),
        proptest::sample::select(ENDS),
    )
        .prop_map(|(words, end)| Sentence { words, end })
}

fn article() -> impl Strategy<Value = Article> {
    proptest::collection::vec(proptest::collection::vec(sentence(), 1..5), 1..7).prop_map(Article)
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), any::<Index>(), any::<Index>(), word())
            .prop_map(|(para, sentence, word, to)| Edit::ChangeWord { para, sentence, word, to }),
        2 => (any::<Index>(), any::<Index>(), sentence())
            .prop_map(|(para, at, sentence)| Edit::InsertSentence { para, at, sentence }),
        2 => (any::<Index>(), any::<Index>())
            .prop_map(|(para, sentence)| Edit::DeleteSentence { para, sentence }),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(from, to)| Edit::MoveParagraph { from, to }),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(para, at)| Edit::SplitParagraph { para, at }),
        1 => any::<Index>().prop_map(|para| Edit::JoinParagraphs { para }),
    ]
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(edit(), 1..6)
}

// ---------------------------------------------------------------------------
// `extract` through the library: the same stages as the command.

const ARTICLE: &str = "a";

fn en() -> Lang {
    "en".parse().unwrap()
}

fn ko() -> Lang {
    "ko".parse().unwrap()
}

/// The texts of an article's template and Korean catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Files {
    template: String,
    target: String,
}

fn parse(text: &str) -> Catalog {
    store::parse(Path::new("x.toml"), text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// The plan of `text` against `files`, as `status` sees it, and the
/// catalog `extract` would write.
fn plan(text: &str, files: Option<&Files>) -> (ArticlePlan, LanguagePlan, Catalog) {
    let segments = article::segments(text, Format::markdown(), &Rules::for_language("en"));
    let template = files.map(|f| parse(&f.template));
    let target = files.map(|f| parse(&f.target));
    let plan = ArticlePlan::new(ARTICLE, template.as_ref(), &segments);
    let language = LanguagePlan::new(&plan, target.as_ref(), &ko(), false);
    let catalog = language.catalog(&plan, &en(), target.as_ref());
    (plan, language, catalog)
}

/// `extract`: the plan written over the old files, each file rewritten only
/// when its content changes, as the command does. Also checks that what
/// was written reads back as what was planned (and so that a catalog the
/// plan calls unchanged is indeed the one on disk).
fn extract(text: &str, files: Option<&Files>) -> (Files, LanguagePlan) {
    let (plan, language, catalog) = plan(text, files);
    let template = plan.template(&en());
    let old_template = files.map(|f| f.template.as_str());
    let old_target = files.map(|f| f.target.as_str());
    let template_text = match old_template {
        Some(old) if parse(old).same_content(&template) => old.to_string(),
        old => store::render(&template, old),
    };
    let target_text = match old_target {
        Some(old) if !language.changed => old.to_string(),
        old => store::render(&catalog, old),
    };
    assert!(
        parse(&template_text).same_content(&template),
        "{template_text}"
    );
    assert!(
        parse(&target_text).same_content(&catalog),
        "changed = {}\n{target_text}\n{catalog:#?}",
        language.changed
    );
    let files = Files {
        template: template_text,
        target: target_text,
    };
    (files, language)
}

/// Fills in the translations of the segments picked by `fill` (cycled), as
/// a translator would, through the writer.
fn translate(files: &Files, fill: &[bool]) -> Files {
    let mut catalog = parse(&files.target);
    for (i, entry) in catalog.segments.iter_mut().enumerate() {
        if fill.is_empty() || fill[i % fill.len()] {
            entry.translation = format!("번역 {} of “{}”", entry.id, entry.source);
        }
    }
    Files {
        template: files.template.clone(),
        target: store::render(&catalog, Some(&files.target)),
    }
}

/// What a judgement says, whatever the file's line numbers and whether the
/// ids were on disk yet.
fn judgement(entries: &[Judged]) -> Vec<(String, State, String, Option<String>, usize)> {
    entries
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                e.state,
                e.source.clone(),
                e.previous_source.clone(),
                e.words,
            )
        })
        .collect()
}

/// The ids of the segments whose text occurs once, by text.
fn unique_ids(catalog: &Catalog) -> HashMap<&str, &str> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for entry in &catalog.segments {
        *count.entry(entry.source.as_str()).or_default() += 1;
    }
    catalog
        .segments
        .iter()
        .filter(|e| count[e.source.as_str()] == 1)
        .map(|e| (e.source.as_str(), e.id.as_str()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extract_keeps_translations_ids_and_agrees_with_status(
        original in article(),
        fill in proptest::collection::vec(any::<bool>(), 1..8),
        rounds in proptest::collection::vec(edits(), 1..4),
    ) {
        let mut current = original;
        let (files, _) = extract(&current.render(), None);
        let mut files = translate(&files, &fill);
        for script in &rounds {
            for edit in script {
                current.apply(edit);
            }
            let text = current.render();
            let before_template = parse(&files.template);
            let before = parse(&files.target);

            let (written, live) = extract(&text, Some(&files));
            let after_template = parse(&written.template);
            let after = parse(&written.target);

            // No translation is lost: each is still there, under its id,
            // in [[segment]] or [[obsolete]].
            for entry in before.entries().filter(|e| e.is_translated()) {
                prop_assert!(
                    after.entries().any(|a| a.id == entry.id && a.translation == entry.translation),
                    "lost {entry:?}\narticle:\n{text}\nbefore:\n{}\nafter:\n{}",
                    files.target, written.target
                );
            }
            // A sentence unchanged and unique in both versions keeps its id.
            let old_ids = unique_ids(&before_template);
            for (source, id) in unique_ids(&after_template) {
                if let Some(old) = old_ids.get(source) {
                    prop_assert_eq!(*old, id, "id of {:?} changed\narticle:\n{}", source, text);
                }
            }
            // Extract again: byte-identical files.
            let (again, _) = extract(&text, Some(&written));
            prop_assert_eq!(&again, &written, "a second extract changed the files");
            // The live judgement is the judgement after the write.
            let (_, reread, _) = plan(&text, Some(&written));
            prop_assert_eq!(judgement(&live.entries), judgement(&reread.entries));
            prop_assert!(reread.entries.iter().all(|e| e.known), "after extract every id is on disk");

            files = translate(&written, &fill);
        }
    }
}

// ---------------------------------------------------------------------------
// The same round through the real binary.

const ARTICLE_PATH: &str = "articles/news/story.md";
const CATALOG_PATH: &str = "locales/ko/news/story.toml";

fn totals(ws: &Workspace) -> serde_json::Value {
    let run = ws.run(&["status", "--lang", "ko", "--format", "json"]);
    assert!(run.code == 0 || run.code == 1, "status failed: {run:?}");
    run.json()["languages"][0]["totals"].clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn binary_status_live_agrees_with_status_after_extract(
        original in article(),
        fill in proptest::collection::vec(any::<bool>(), 1..6),
        script in edits(),
    ) {
        let ws = Workspace::new();
        ws.mkdir("locales/ko");
        ws.write(ARTICLE_PATH, &original.render());
        ws.run(&["extract"]).expect_code(0);
        // The first entry always, then as `fill` says.
        let count = std::cell::Cell::new(0);
        ws.translate("ko", "news/story", |id, _| {
            let i = count.replace(count.get() + 1);
            (i == 0 || fill[i % fill.len()]).then(|| format!("번역 {id}"))
        });
        let translated: HashSet<(String, String)> = {
            let catalog = parse(&ws.read(CATALOG_PATH));
            catalog
                .entries()
                .filter(|e| e.is_translated())
                .map(|e| (e.id.clone(), e.translation.clone()))
                .collect()
        };

        let mut edited = original;
        for edit in &script {
            edited.apply(edit);
        }
        ws.write(ARTICLE_PATH, &edited.render());
        let live = totals(&ws);
        ws.run(&["extract"]).expect_code(0);
        prop_assert_eq!(&live, &totals(&ws), "status live vs after extract");

        let catalog = parse(&ws.read(CATALOG_PATH));
        for (id, translation) in &translated {
            prop_assert!(
                catalog.entries().any(|e| e.id == *id && e.translation == *translation),
                "lost the translation of {}", id
            );
        }
        let before = ws.snapshot();
        ws.run(&["extract"]).expect_code(0);
        prop_assert_eq!(before, ws.snapshot(), "a second extract changed files");
    }
}
