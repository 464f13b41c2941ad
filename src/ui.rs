//! The tool's own words: every message l10n prints to a person comes from a
//! Fluent resource compiled in from `src/messages/<lang>.ftl`, in the UI
//! language the binary chose (`--ui-lang`, `L10N_LANG`, `LC_ALL`, `LANG`,
//! else English).
//!
//! The library and the core describe what they have to say as a [`Message`]
//! (an id and named arguments, made with [`msg!`](crate::msg); pure data,
//! in `l10n_core::message`) and the edge renders it with a [`Ui`]. English is the fallback for any id a language lacks. JSON
//! output and catalog files never go through here: they are the same in
//! every UI language.
use std::collections::HashSet;
use std::sync::OnceLock;

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_syntax::{ast, parser};
use unic_langid::LanguageIdentifier;
use unicode_width::UnicodeWidthStr;

pub use l10n_core::message::{Arg, Message};
pub use l10n_core::text::{escape, is_unsafe, path_text};

/// The English resource: the reference every other language is checked
/// against.
pub const EN_FTL: &str = include_str!("messages/en.ftl");
pub const KO_FTL: &str = include_str!("messages/ko.ftl");

/// A message as the result cache stores it: read back only if its id and
/// every argument's name are ones the English resource has (where every
/// message and variable is), so that a stale cache cannot name a message
/// that no longer exists. Written as the [`Message`] itself.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMessage(pub Message);

impl serde::Serialize for StoredMessage {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for StoredMessage {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<StoredMessage, D::Error> {
        let (id, args): (String, Vec<(String, Arg)>) =
            serde::Deserialize::deserialize(deserializer)?;
        let known = |name: &str| static_name(name);
        let unknown = |what: &str| serde::de::Error::custom(format!("unknown message {what}"));
        Ok(StoredMessage(Message {
            id: known(&id).ok_or_else(|| unknown(&id))?,
            args: args
                .into_iter()
                .map(|(name, value)| Ok((known(&name).ok_or_else(|| unknown(&name))?, value)))
                .collect::<Result<_, D::Error>>()?,
        }))
    }
}

/// `name` as a `&'static str`, if it is a message id or a variable name of
/// the English resource (where every message and variable is).
fn static_name(name: &str) -> Option<&'static str> {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        // The resource's own parser: the names are slices of `EN_FTL`.
        let resource = parser::parse(EN_FTL).unwrap_or_else(|(resource, _)| resource);
        let mut names = HashSet::new();
        for entry in &resource.body {
            let (value, attributes) = match entry {
                ast::Entry::Message(message) => {
                    names.insert(message.id.name);
                    (message.value.as_ref(), &message.attributes)
                }
                ast::Entry::Term(term) => (Some(&term.value), &term.attributes),
                _ => continue,
            };
            let patterns = value.into_iter().chain(attributes.iter().map(|a| &a.value));
            for pattern in patterns {
                pattern_variables(pattern, &mut names);
            }
        }
        names
    });
    names.get(name).copied()
}

/// Adds the names of the variables `pattern` uses to `names`.
fn pattern_variables(pattern: &ast::Pattern<&'static str>, names: &mut HashSet<&'static str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, names);
        }
    }
}

fn expression_variables(
    expression: &ast::Expression<&'static str>,
    names: &mut HashSet<&'static str>,
) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, names),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, names);
            for variant in variants {
                pattern_variables(&variant.value, names);
            }
        }
    }
}

fn inline_variables(
    inline: &ast::InlineExpression<&'static str>,
    names: &mut HashSet<&'static str>,
) {
    let arguments = match inline {
        ast::InlineExpression::VariableReference { id } => {
            names.insert(id.name);
            return;
        }
        ast::InlineExpression::Placeable { expression } => {
            return expression_variables(expression, names);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => Some(arguments),
        ast::InlineExpression::TermReference { arguments, .. } => arguments.as_ref(),
        _ => None,
    };
    for argument in arguments.into_iter().flat_map(|a| {
        a.positional
            .iter()
            .chain(a.named.iter().map(|named| &named.value))
    }) {
        inline_variables(argument, names);
    }
}

/// A UI language l10n has messages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UiLang {
    #[default]
    En,
    Ko,
}

impl UiLang {
    pub const ALL: [UiLang; 2] = [UiLang::En, UiLang::Ko];

    pub fn tag(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Ko => "ko",
        }
    }

    /// The `.ftl` source of this language's messages.
    pub fn resource(self) -> &'static str {
        match self {
            UiLang::En => EN_FTL,
            UiLang::Ko => KO_FTL,
        }
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; UiLang::ALL.len()] =
            [const { OnceLock::new() }; UiLang::ALL.len()];
        BUNDLES[self as usize].get_or_init(|| {
            let id: LanguageIdentifier = self.tag().parse().expect("a valid tag");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No U+2068/U+2069 around arguments: they would reach terminals
            // and CI logs as stray characters.
            bundle.set_use_isolating(false);
            // A resource with errors still adds its good messages; the test
            // of the .ftl files keeps them free of errors.
            let resource = FluentResource::try_new(self.resource().to_string())
                .unwrap_or_else(|(resource, _)| resource);
            let _ = bundle.add_resource(resource);
            bundle
        })
    }

    /// The best of the UI languages for a requested language, English when
    /// none fits.
    pub fn negotiate(requested: &LanguageIdentifier) -> UiLang {
        let available: Vec<LanguageIdentifier> = UiLang::ALL
            .iter()
            .map(|l| l.tag().parse().expect("a valid tag"))
            .collect();
        let chosen = negotiate_languages(
            std::slice::from_ref(requested),
            &available,
            Some(&available[0]),
            NegotiationStrategy::Filtering,
        );
        let first = chosen.first().map(|id| id.to_string());
        UiLang::ALL
            .into_iter()
            .find(|l| Some(l.tag()) == first.as_deref())
            .unwrap_or_default()
    }
}

/// Where the UI language may come from, most important first.
#[derive(Debug, Clone, Default)]
pub struct UiLangSources {
    /// `--ui-lang`, already validated as a language tag.
    pub flag: Option<String>,
    pub l10n_lang: Option<String>,
    pub lc_all: Option<String>,
    pub lang: Option<String>,
}

/// A language tag from a locale value: a BCP 47 tag (`ko-KR`) or a POSIX
/// locale (`ko_KR.UTF-8`, `ko_KR@euro`). `None` for `C`, `POSIX`, an empty
/// value or anything else that names no language.
pub fn locale_language(value: &str) -> Option<LanguageIdentifier> {
    let name = value.split(['.', '@']).next().unwrap_or_default().trim();
    if name.is_empty() || name == "C" || name == "POSIX" {
        return None;
    }
    let id: LanguageIdentifier = name.replace('_', "-").parse().ok()?;
    (!id.language.is_empty()).then_some(id)
}

/// Renders messages in one UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ui {
    pub lang: UiLang,
}

impl Ui {
    pub const ENGLISH: Ui = Ui { lang: UiLang::En };

    pub fn new(lang: UiLang) -> Ui {
        Ui { lang }
    }

    /// The UI language from the first source that names a language: the
    /// flag, then `L10N_LANG`, `LC_ALL` and `LANG`. A value that names no
    /// language is skipped; a language l10n has no messages in is English.
    pub fn choose(sources: &UiLangSources) -> Ui {
        let requested = [
            &sources.flag,
            &sources.l10n_lang,
            &sources.lc_all,
            &sources.lang,
        ]
        .into_iter()
        .flatten()
        .find_map(|value| locale_language(value));
        Ui::new(requested.map_or(UiLang::En, |id| UiLang::negotiate(&id)))
    }

    /// The text of `message`, in this UI language, else in English; the id
    /// itself if neither has it (a bug the tests catch).
    pub fn text(&self, message: &Message) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            let value = match value {
                // Every value from outside reaches the person escaped, so
                // no message can carry a terminal control sequence.
                Arg::Text(text) => FluentValue::from(escape(text)),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Shown(text) => FluentValue::from(text.as_str()),
            };
            args.set(*name, value);
        }
        for lang in [self.lang, UiLang::En] {
            let bundle = lang.bundle();
            if let Some(pattern) = bundle.get_message(message.id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned();
            }
        }
        message.id.to_string()
    }
}

/// How many columns `text` takes on a terminal: two for the wide
/// characters of East Asian scripts and most emoji, none for combining and
/// zero-width marks, one for others.
pub fn display_width(text: &str) -> usize {
    text.width()
}

/// `text` padded with spaces to `width` columns, on the right (`left`
/// alignment) or on the left.
pub fn pad(text: &str, width: usize, left: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(display_width(text)));
    if left {
        format!("{text}{fill}")
    } else {
        format!("{fill}{text}")
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::msg;

    fn sources(
        flag: Option<&str>,
        l10n: Option<&str>,
        lc_all: Option<&str>,
        lang: Option<&str>,
    ) -> UiLangSources {
        UiLangSources {
            flag: flag.map(str::to_string),
            l10n_lang: l10n.map(str::to_string),
            lc_all: lc_all.map(str::to_string),
            lang: lang.map(str::to_string),
        }
    }

    #[test]
    fn posix_locales_name_languages() {
        assert_eq!(locale_language("ko_KR.UTF-8").unwrap().to_string(), "ko-KR");
        assert_eq!(locale_language("ko_KR@euro").unwrap().to_string(), "ko-KR");
        assert_eq!(locale_language("ko").unwrap().to_string(), "ko");
        for none in ["", "C", "POSIX", "C.UTF-8", "???", "12"] {
            assert!(locale_language(none).is_none(), "{none}");
        }
    }

    #[test]
    fn the_first_usable_source_decides() {
        let choose = |f, l, c, g| Ui::choose(&sources(f, l, c, g)).lang;
        assert_eq!(choose(Some("ko"), Some("en"), None, None), UiLang::Ko);
        assert_eq!(choose(None, Some("ko"), Some("en"), None), UiLang::Ko);
        assert_eq!(
            choose(None, None, Some("C"), Some("ko_KR.UTF-8")),
            UiLang::Ko
        );
        assert_eq!(choose(None, None, Some("fr_FR"), Some("ko_KR")), UiLang::En);
        assert_eq!(choose(None, None, None, None), UiLang::En);
        assert_eq!(choose(None, None, None, Some("ko-Kore-KR")), UiLang::Ko);
    }

    #[test]
    fn plurals_and_no_isolation_marks() {
        let one = Ui::ENGLISH.text(&msg!(
            "extract-summary",
            articles = 1usize,
            catalogs = 1usize
        ));
        let two = Ui::ENGLISH.text(&msg!(
            "extract-summary",
            articles = 2usize,
            catalogs = 2usize
        ));
        assert_eq!(one, "extract: 1 article, 1 catalog written");
        assert_eq!(two, "extract: 2 articles, 2 catalogs written");
        assert!(!one.contains('\u{2068}'));
    }

    #[test]
    fn messages_survive_storage() {
        let message = msg!("extract-summary", articles = 2usize, catalogs = 1usize);
        let json = serde_json::to_string(&message).unwrap();
        assert_eq!(
            serde_json::from_str::<StoredMessage>(&json).unwrap(),
            StoredMessage(message)
        );
        let unknown = r#"["no-such-message",[]]"#;
        assert!(serde_json::from_str::<StoredMessage>(unknown).is_err());
        let unknown_arg = r#"["extract-summary",[["zzz",{"Number":1.0}]]]"#;
        assert!(serde_json::from_str::<StoredMessage>(unknown_arg).is_err());
    }

    #[test]
    fn escapes_what_could_drive_a_terminal() {
        assert!(matches!(escape("plain 번역 — text"), Cow::Borrowed(_)));
        assert_eq!(
            escape("a\u{1b}]0;t\u{7}b\tc\nd\u{9b}e\u{202e}f\u{7f}"),
            "a\\u{1b}]0;t\\u{7}b\\tc\\nd\\u{9b}e\\u{202e}f\\u{7f}"
        );
        // Escaping escaped text changes nothing: values may pass twice.
        let once = escape("x\u{1b}[2J").into_owned();
        assert_eq!(escape(&once), once);
        // Data in a message is escaped; the message's own text is not.
        let text = Ui::ENGLISH.text(&msg!("wrote-file", path = "a\u{1b}[2J"));
        assert!(
            text.contains("a\\u{1b}[2J") && !text.contains('\u{1b}'),
            "{text}"
        );
    }

    #[test]
    fn widths_count_wide_characters_twice() {
        assert_eq!(display_width("article"), 7);
        assert_eq!(display_width("번역됨"), 6);
        assert_eq!(pad("누락", 6, false), "  누락");
        // What the hand-written table before unicode-width got wrong.
        assert_eq!(display_width("🎉"), 2);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("a\u{200b}b"), 2);
    }
}
