//! `[markdown]` of l10n.toml: which front matter keys are translatable and
//! which template tags of the house are kept out of the text, validated
//! (errors at the file's line).
use std::path::Path;

use serde::Deserialize;

use crate::article::MarkdownSettings;
use crate::error::{Error, Location, Result};
use crate::msg;

/// `[markdown]` as written.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMarkdown {
    /// `front-matter = ["title", …]`: replaces the default keys.
    front_matter: Option<Vec<toml::Spanned<String>>>,
    /// `opaque = [["<<", ">>"], …]`: (opening, closing) delimiter pairs.
    #[serde(default)]
    opaque: Vec<toml::Spanned<Vec<String>>>,
}

/// The settings `[markdown]` gives, or the first entry that is wrong.
pub fn parse(path: &Path, text: &str, raw: RawMarkdown) -> Result<MarkdownSettings> {
    let mut settings = MarkdownSettings::default();
    let invalid = |offset: usize, reason: &str| {
        Error::invalid(
            Location::at(path, text, offset),
            msg!("error-markdown-config", reason = reason),
            msg!("help-markdown-config"),
        )
    };
    if let Some(keys) = raw.front_matter {
        settings.front_matter = Vec::with_capacity(keys.len());
        for key in keys {
            let name = key.get_ref();
            if name.is_empty() || name.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return Err(invalid(
                    key.span().start,
                    &format!("front-matter key {name:?} is not a key name"),
                ));
            }
            settings.front_matter.push(name.clone());
        }
    }
    for pair in raw.opaque {
        let at = pair.span().start;
        let [open, close] = pair.get_ref().as_slice() else {
            return Err(invalid(
                at,
                "an opaque entry is a pair [opening, closing], such as [\"<<\", \">>\"]",
            ));
        };
        for delimiter in [open, close] {
            if delimiter.trim().is_empty() || delimiter.chars().any(char::is_control) {
                return Err(invalid(
                    at,
                    &format!("opaque delimiter {delimiter:?} is empty or has a control character"),
                ));
            }
            if delimiter.trim() != delimiter {
                return Err(invalid(
                    at,
                    &format!("opaque delimiter {delimiter:?} starts or ends with a space"),
                ));
            }
        }
        settings.opaque.push((open.clone(), close.clone()));
    }
    Ok(settings)
}
