//! Reads what a command needs from the workspace: articles, templates and
//! target catalogs; segments the articles and plans each one for each
//! language. Everything is read and validated here, before anything is
//! written, so bad input stops a run with nothing changed.
use std::fs;
use std::path::{Path, PathBuf};

use crate::article;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::plan::{ArticlePlan, LanguagePlan};
use crate::segment::Rules;
use crate::store;
use crate::workspace::{ArticleFile, Workspace};

/// One article, its template and its plan in each language asked for.
#[derive(Debug)]
pub struct ArticleSurvey {
    pub file: ArticleFile,
    pub template_path: PathBuf,
    pub template: Option<Catalog>,
    pub plan: ArticlePlan,
    /// Each language's catalog path and plan, in the order asked for.
    pub languages: Vec<(PathBuf, LanguagePlan)>,
}

/// The segmentation rules of the workspace's source language.
pub fn rules(workspace: &Workspace) -> Rules {
    let mut rules = Rules::for_language(workspace.config.source_lang.as_str());
    rules.add_abbreviations(&workspace.config.segmenter.abbreviations);
    rules
}

/// The articles named on the command line (by id or by path), or all of them.
pub fn select_articles(
    workspace: &Workspace,
    names: &[String],
    cwd: &Path,
) -> Result<Vec<ArticleFile>> {
    let all = workspace.articles()?;
    if names.is_empty() {
        return Ok(all);
    }
    let mut selected: Vec<ArticleFile> = Vec::new();
    for name in names {
        let by_path = fs::canonicalize(cwd.join(name)).ok();
        let found = all.iter().find(|a| {
            a.id == name.trim_end_matches('/')
                || by_path
                    .as_ref()
                    .is_some_and(|p| fs::canonicalize(&a.path).ok().as_ref() == Some(p))
        });
        match found {
            Some(article) if !selected.contains(article) => selected.push(article.clone()),
            Some(_) => {}
            None => {
                return Err(Error::usage(
                    format!(
                        "no article `{name}` in {}",
                        workspace.display_path(&workspace.articles_dir())
                    ),
                    "name an article by its id (its path under the articles folder, without extension) or by its file path",
                ));
            }
        }
    }
    Ok(selected)
}

/// Reads and plans `articles` for `languages`.
pub fn survey(
    workspace: &Workspace,
    languages: &[Lang],
    articles: &[ArticleFile],
    prune: bool,
) -> Result<Vec<ArticleSurvey>> {
    let rules = rules(workspace);
    let source_lang = &workspace.config.source_lang;
    articles
        .iter()
        .map(|file| {
            let bytes = fs::read(&file.path).map_err(|source| Error::Read {
                path: file.path.clone(),
                source,
            })?;
            let text = article::decode(&file.path, &bytes)?;
            let segments = article::segments(&text, file.markdown, &rules);
            let template_path = workspace.catalog_path(source_lang, &file.id);
            let template = store::load(&template_path, &file.id, source_lang)?;
            let plan = ArticlePlan::new(&file.id, template.as_ref(), &segments);
            let languages = languages
                .iter()
                .map(|lang| {
                    let path = workspace.catalog_path(lang, &file.id);
                    let existing = store::load(&path, &file.id, lang)?;
                    let language =
                        LanguagePlan::new(&plan, source_lang, lang, existing.as_ref(), prune);
                    Ok((path, language))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(ArticleSurvey {
                file: file.clone(),
                template_path,
                template,
                plan,
                languages,
            })
        })
        .collect()
}
