//! `l10n build`: the translated articles of a language, each segment's
//! translation (or its fallback's, or the source) spliced into the source.
use std::fmt::Write as _;

use crate::build::{Fill, MarkOutdated, build_article, build_plain_article};
use crate::error::Result;
use crate::lang::SentenceGap;
use crate::msg;
use crate::plan::State;
use crate::report::{self, ArticleReport};
use crate::settings::{BuildSettings, Settings};
use crate::store::Reach;
use crate::store::Staged;
use crate::survey;
use crate::workspace::{self, Fallbacks};

use super::{Output, commit_outputs, lock, stage_output};

/// What became of one article.
enum Outcome {
    Written(Box<Staged>),
    /// Below `--min-translated`.
    BelowMinimum,
    /// `--strict`, and this many segments would be in the source language.
    InSourceLanguage(usize),
}

/// One article's build: what became of it, its counts, the segments taken
/// from each fallback language and those left in the source language (of
/// an article written).
struct Built {
    outcome: Outcome,
    counts: report::Counts,
    from_fallback: Vec<usize>,
    in_source: usize,
}

pub(super) fn run(build: &BuildSettings, settings: &Settings) -> Result<Output> {
    let workspace = &build.workspace;
    let ui = settings.ui;
    let lock = lock(&workspace.root, true, settings)?;
    let lang = &build.lang;
    // The source language's translations are its own text: its build is
    // the articles as they are, which checks that `build` changes nothing
    // but the segments.
    let identity = *lang == workspace.config.source_lang;
    // An identity build reproduces the articles, spaces and all.
    let sentence_gap = if identity {
        SentenceGap::Space
    } else {
        lang.sentence_gap()
    };
    let fallbacks = if identity {
        Fallbacks::default()
    } else {
        workspace.fallbacks(std::slice::from_ref(lang))
    };
    let articles = survey::select_articles(workspace, &build.articles, &settings.cwd)?;
    let out_dir = &build.out_dir;
    super::output_folder(workspace, out_dir)?;
    lock.remove_stale_temporary_files(out_dir, Reach::Tree);
    let mark = build.mark_outdated.then(MarkOutdated::comment);
    let min = build.min_translated;
    let built = survey::survey(
        workspace,
        &fallbacks.read,
        &articles,
        false,
        |mut survey| {
            let mut from_fallback = vec![0; fallbacks.read.len()];
            let mut counts = report::Counts::default();
            let fills: Vec<Fill> = if identity {
                survey
                    .segments
                    .iter()
                    .map(|s| Fill::Translated(&s.text))
                    .collect()
            } else {
                survey.fall_back(&fallbacks);
                let language = &survey.languages[0];
                counts =
                    ArticleReport::new(&survey.file.id, &language.plan, String::new(), &[]).counts;
                if min.is_some_and(|min| counts.translated_percent() < min) {
                    return Ok(Built {
                        outcome: Outcome::BelowMinimum,
                        counts,
                        from_fallback,
                        in_source: 0,
                    });
                }
                let entries: Vec<_> = survey.languages.iter().map(|l| l.entries_by_id()).collect();
                let translation =
                    |j: usize, id: &str| entries[j].get(id).map_or("", |e| e.translation.as_str());
                language
                    .plan
                    .entries
                    .iter()
                    .take(survey.segments.len())
                    .map(|judged| match (judged.state, &judged.fallback) {
                        (State::Translated, _) => Fill::Translated(translation(0, &judged.id)),
                        (State::Outdated, _) if mark.is_some() => {
                            Fill::Outdated(translation(0, &judged.id))
                        }
                        // No current translation of its own: the chain's,
                        // else the source.
                        (_, Some(fallback)) => {
                            let j = fallbacks.read.iter().position(|l| l == fallback);
                            match j {
                                Some(j) => {
                                    from_fallback[j] += 1;
                                    Fill::Translated(translation(j, &judged.id))
                                }
                                None => Fill::Source,
                            }
                        }
                        _ => Fill::Source,
                    })
                    .collect()
            };
            let fill = |i: usize| fills.get(i).copied().unwrap_or(Fill::Source);
            let in_source = (0..survey.segments.len())
                .filter(|&i| fill(i).keeps_source())
                .count();
            if build.strict && in_source > 0 {
                return Ok(Built {
                    outcome: Outcome::InSourceLanguage(in_source),
                    counts,
                    from_fallback: vec![0; fallbacks.read.len()],
                    in_source: 0,
                });
            }
            let mut text = String::with_capacity(survey.text.len() + 3);
            if survey.bom {
                text.push('\u{feff}');
            }
            text.push_str(&if survey.file.markdown {
                build_article(
                    &survey.text,
                    &survey.segments,
                    fill,
                    mark.as_ref(),
                    sentence_gap,
                )
            } else {
                build_plain_article(
                    &survey.text,
                    &survey.segments,
                    fill,
                    mark.as_ref(),
                    sentence_gap,
                )
            });
            let extension = survey.file.path.extension().map(|e| e.to_string_lossy());
            let path = workspace::article_path(out_dir, &survey.file.id, extension.as_deref());
            let staged = stage_output(workspace, &path, &text)?;
            Ok(Built {
                outcome: Outcome::Written(Box::new(staged)),
                counts,
                from_fallback,
                in_source,
            })
        },
    )?;
    let source_lang = &workspace.config.source_lang;
    let mut skipped = String::new();
    let mut staged = Vec::new();
    let mut from_fallback = vec![0; fallbacks.read.len()];
    let (mut in_source, mut articles_in_source) = (0, 0);
    for (file, built) in articles.iter().zip(built) {
        for (total, n) in from_fallback.iter_mut().zip(built.from_fallback) {
            *total += n;
        }
        in_source += built.in_source;
        articles_in_source += usize::from(built.in_source > 0);
        let message = match built.outcome {
            Outcome::Written(file) => {
                staged.push(*file);
                continue;
            }
            Outcome::BelowMinimum => msg!(
                "build-skipped",
                article = &file.id,
                percent = format!("{:.1}", built.counts.translated_percent()),
                min = min.unwrap_or_default().to_string()
            ),
            Outcome::InSourceLanguage(count) => msg!(
                "build-refused",
                article = &file.id,
                count = count,
                source = source_lang
            ),
        };
        let _ = writeln!(skipped, "{}", ui.text(&message));
    }
    let mut output = commit_outputs(workspace, staged, settings)?;
    output.passed = skipped.is_empty();
    for (fallback, count) in fallbacks.read.iter().zip(from_fallback) {
        if count > 0 {
            let message = msg!("build-fallback", count = count, lang = fallback);
            let _ = writeln!(output.stdout, "{}", ui.text(&message));
        }
    }
    if in_source > 0 {
        let message = msg!(
            "build-in-source",
            count = in_source,
            articles = articles_in_source,
            lang = lang,
            source = source_lang
        );
        let _ = writeln!(output.stdout, "{}", ui.text(&message));
    }
    output.stdout.push_str(&skipped);
    Ok(output)
}
