//! What the stages have to say to a person, as data: a [`Message`] is a
//! Fluent message id and named arguments, made with [`msg!`](crate::msg).
//!
//! No words live here. The `l10n` crate renders a message in the UI
//! language from its `.ftl` resources (`ui`), checks that every id the code
//! uses exists there (`tests/messages.rs` scans the `msg!` calls of both
//! crates), and reads stored messages back (the result cache) against the
//! ids and variable names those resources define.
use std::fmt;

/// Something to say to a person: a Fluent message id and its arguments.
///
/// Made with [`msg!`](crate::msg) only, so that the test of the `.ftl` files
/// can find every id and every argument the code passes.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Box<[(&'static str, Arg)]>,
}

/// An argument of a message: text, or a number (which plural rules see).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Arg {
    /// Data (a path, an id, a sentence, a reason): shown
    /// [`escape`](crate::text::escape)d.
    Text(String),
    Number(f64),
    /// Text this program already made for the terminal (another rendered
    /// message, with its own colour codes): shown as it is.
    Shown(String),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<&usize> for Arg {
    fn from(n: &usize) -> Arg {
        Arg::Number(*n as f64)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Number(n)
    }
}

/// A [`Message`]: `msg!("status-total", count = n, lang = lang)`.
///
/// Argument names are Fluent variable names (`$count`); values are text or
/// numbers (anything [`Arg`] converts from).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::message::Message {
            id: $id,
            args: ::std::boxed::Box::new([$((stringify!($name), $crate::message::Arg::from($value))),*]),
        }
    };
}

/// Stored as its id and arguments (the result cache keeps messages so that
/// a later run can render them in its own UI language). Reading one back
/// needs the names the UI knows, so that is the `l10n` crate's.
impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.id, &self.args).serialize(serializer)
    }
}

/// The message as data, for logs and the core's own errors: its id and
/// arguments (`error-bad-language tag="xx"`), never words. There is no
/// `Display`: text for a person is the `l10n` crate's `Ui::text`.
pub struct Data<'a>(pub &'a Message);

impl fmt::Display for Data<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.id)?;
        for (name, value) in &self.0.args {
            match value {
                Arg::Text(text) | Arg::Shown(text) => write!(f, " {name}={text:?}")?,
                Arg::Number(n) => write!(f, " {name}={n}")?,
            }
        }
        Ok(())
    }
}

/// The English text of a message, for the core's own tests, which read
/// findings and errors as a person would. The same rendering as the `l10n`
/// crate's `Ui::ENGLISH` (arguments escaped, no isolation marks), from the
/// same resource; Fluent is a dev-dependency only.
#[cfg(test)]
pub(crate) fn english(message: &Message) -> String {
    use fluent::{FluentArgs, FluentBundle, FluentResource, FluentValue};
    const EN_FTL: &str = include_str!("../../../src/messages/en.ftl");
    let mut bundle = FluentBundle::new(vec!["en".parse().expect("a valid tag")]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(EN_FTL.to_string()).expect("en.ftl parses");
    bundle.add_resource(resource).expect("no duplicate ids");
    let mut args = FluentArgs::new();
    for (name, value) in &message.args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(crate::text::escape(text).into_owned()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Shown(text) => FluentValue::from(text.as_str()),
        };
        args.set(*name, value);
    }
    let pattern = bundle
        .get_message(message.id)
        .and_then(|m| m.value())
        .unwrap_or_else(|| panic!("no English message {}", message.id));
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}
