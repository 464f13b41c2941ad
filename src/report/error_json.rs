//! An error as JSON, for `status` and `check` with `--format json`: one
//! document on standard output, `{"version": 1, "error": {"message",
//! "file", "line", "column"}}` (schemas/error.schema.json), so that a
//! program reading the report reads a failure too. The message is in
//! English whatever the UI language, like every JSON document of l10n.
use serde::Serialize;

use super::{Version, json_document};
use crate::error::Error;
use crate::ui::Ui;

#[derive(Serialize)]
struct Document {
    version: Version,
    error: ErrorJson,
}

/// `file`, `line` and `column` are null when unknown: the keys are always
/// there, so a reader needs no second case.
#[derive(Serialize)]
struct ErrorJson {
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
}

/// The JSON document of `error` (its files already named as the
/// workspace sees them), ending with a newline.
pub fn error_json(error: &Error) -> String {
    let location = error.location();
    document(ErrorJson {
        message: Ui::ENGLISH.text(&error.message()),
        file: error.file().map(|path| path.to_string_lossy().into_owned()),
        line: location.map(|l| l.line),
        column: location.map(|l| l.column),
    })
}

/// The JSON document of a usage error found while the command line was
/// parsed, which names no file: `message` is clap's, in English.
pub fn usage_error_json(message: &str) -> String {
    document(ErrorJson {
        message: message.to_string(),
        file: None,
        line: None,
        column: None,
    })
}

fn document(error: ErrorJson) -> String {
    json_document(&Document {
        version: Version,
        error,
    })
}
