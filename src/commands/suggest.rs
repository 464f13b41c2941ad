//! `l10n suggest`: for every missing or outdated segment of a language, the
//! best matches of the translation memory ([`crate::memory`]).
use std::fmt::Write as _;

use serde::Serialize;

use crate::diff::{Marks, word_diff};
use crate::error::Result;
use crate::memory::{Match, Memory};
use crate::msg;
use crate::plan::State;
use crate::report::Format;
use crate::settings::{Settings, SuggestSettings};
use crate::survey;

use super::Output;

/// One segment that needs a translation, and what the memory offers.
#[derive(Debug, Serialize)]
struct Suggestion {
    article: String,
    id: String,
    source: String,
    matches: Vec<Match>,
}

#[derive(Serialize)]
struct Suggestions {
    version: u32,
    suggestions: Vec<Suggestion>,
}

pub(super) fn run(suggest: &SuggestSettings, settings: &Settings) -> Result<Output> {
    let workspace = &suggest.workspace;
    // Walked once: the memory reads every article's catalog.
    let all = workspace.articles()?;
    let articles = survey::select_among(workspace, &all, &suggest.articles, &settings.cwd)?;
    let languages = [suggest.lang.clone()];
    let pending = survey::survey(workspace, &languages, &articles, false, |survey| {
        let language = &survey.languages[0];
        Ok(language
            .plan
            .entries
            .iter()
            .filter(|j| matches!(j.state, State::Missing | State::Outdated | State::Covered))
            .map(|j| (survey.file.id.clone(), j.id.clone(), j.source.clone()))
            .collect::<Vec<_>>())
    })?;
    let memory = Memory::open(workspace, &suggest.lang, &all)?;
    let mut suggestions = Vec::new();
    for (article, id, source) in pending.into_iter().flatten() {
        let own = format!("{article}#{id}");
        let matches = memory.matches(&source, suggest.min_score, suggest.max, &own)?;
        suggestions.push(Suggestion {
            article,
            id,
            source,
            matches,
        });
    }
    let stdout = match suggest.format {
        Format::Json => {
            let all = Suggestions {
                version: 1,
                suggestions,
            };
            serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
        }
        _ => text(&suggestions, settings),
    };
    Ok(Output {
        stdout,
        stderr: String::new(),
        passed: true,
    })
}

fn text(suggestions: &[Suggestion], settings: &Settings) -> String {
    let ui = settings.ui;
    let marks = if settings.style.color {
        Marks::Color
    } else {
        Marks::Brackets
    };
    let mut out = String::new();
    for s in suggestions.iter().filter(|s| !s.matches.is_empty()) {
        let head = msg!(
            "suggest-segment",
            article = crate::ui::escape(&s.article).into_owned(),
            id = crate::ui::escape(&s.id).into_owned()
        );
        let _ = writeln!(out, "{}", ui.text(&head));
        let _ = writeln!(out, "  {}", crate::ui::escape(&s.source));
        for m in &s.matches {
            let line = msg!(
                "suggest-match",
                score = m.score as usize,
                from = crate::ui::escape(&m.from).into_owned()
            );
            let _ = writeln!(out, "  {}", ui.text(&line));
            let _ = writeln!(out, "    {}", word_diff(&m.source, &s.source, marks));
            let _ = writeln!(out, "    → {}", crate::ui::escape(&m.translation));
        }
    }
    let with = suggestions.iter().filter(|s| !s.matches.is_empty()).count();
    let summary = msg!(
        "suggest-summary",
        segments = suggestions.len(),
        matched = with
    );
    let _ = writeln!(out, "{}", ui.text(&summary));
    out
}
