//! TOML text both catalog writers emit (the line-level one in `lines`
//! and the document one in `write`): basic strings, and the header comment
//! and `[catalog]` table of a new file. Neither writer calls the other for
//! these: `write` uses `lines` as its fast path, and both use this.
use std::fmt::Write as _;

use crate::catalog::Catalog;

/// The header comment and `[catalog]` table of a new file.
pub fn skeleton(catalog: &Catalog) -> String {
    // An id goes into comments: nothing in it may end or break one.
    let article = &comment_text(&catalog.article);
    let mut out = String::new();
    if catalog.is_template() {
        let _ = write!(
            out,
            "# The segments of the article \"{article}\", as `l10n extract` found them.\n\
             # This template is written by `l10n extract` only: do not edit it.\n\
             # Translations go in locales/<lang>/{article}.toml.\n"
        );
    } else {
        let lang = &catalog.lang;
        let _ = write!(
            out,
            "# The {lang} translation of the article \"{article}\" (l10n catalog).\n\
             #\n\
             # Fill in each `translation = \"\"` with the translation of the `source` above\n\
             # it; an empty translation counts as missing. `l10n extract` keeps `id` and\n\
             # `source` in step with the article: leave them as they are. Comments you\n\
             # add (lines starting with #) stay with the entry below them.\n\
             #\n\
             # `previous-source` means the source changed after it was translated: it is\n\
             # the text the translation was made from. Update the translation (see what\n\
             # changed with `l10n status --lang {lang} --diff`), then delete that line.\n\
             #\n\
             # [[obsolete]] entries have left the article. They are kept, with their\n\
             # translations, until `l10n extract --prune` removes them.\n"
        );
    }
    out.push_str("\n[catalog]\n");
    let _ = writeln!(out, "article = {}", toml_string(&catalog.article));
    let _ = writeln!(
        out,
        "source-lang = {}",
        toml_string(catalog.source_lang.as_str())
    );
    let _ = writeln!(out, "lang = {}", toml_string(catalog.lang.as_str()));
    out
}

/// `text` as it may stand in a TOML comment: control characters (which
/// a comment may not hold, a line break ending it) as `\u{…}` escapes.
fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A TOML basic string, escaped.
pub fn toml_string(text: &str) -> String {
    double_quoted(text, |out, c| {
        let _ = write!(out, "\\u{:04X}", c as u32);
    })
}

/// `text` between double quotes, with `"`, `\`, line breaks and tabs
/// escaped as TOML basic strings and YAML double-quoted scalars both read
/// them, and any other control character written by `control`.
pub(crate) fn double_quoted(text: &str, control: impl Fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => control(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
