//! The UI languages' messages against each other and against the code: the
//! same ids, terms and attributes in every `.ftl` file, no parse errors, and
//! every variable a message uses passed by every `msg!` call of it, and every
//! message used by the code.
//!
//! What the code passes is read from the source: each `msg!("id", name =
//! value, …)` call in `src/` gives an id and its argument names.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use fluent_syntax::ast;

/// A UI language's resource: name → (variables used, attributes), for
/// messages and (with a leading `-`) terms.
type Entries = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

/// One `msg!` call: where, the id, the argument names.
#[derive(Debug)]
struct Call {
    place: String,
    id: String,
    args: BTreeSet<String>,
}

fn parse_ftl(name: &str, text: &str, problems: &mut Vec<String>) -> Entries {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                problems.push(format!("{name}: parse error {error:?}"));
            }
            resource
        }
    };
    let mut entries = Entries::new();
    let mut references: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in &resource.body {
        let (key, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            ast::Entry::Junk { content } => {
                problems.push(format!("{name}: junk: {content:?}"));
                continue;
            }
            _ => continue,
        };
        let mut variables = BTreeSet::new();
        let refs = references.entry(key.clone()).or_default();
        for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            pattern_variables(pattern, &mut variables, refs);
        }
        let attributes = attributes.iter().map(|a| a.id.name.to_string()).collect();
        if entries
            .insert(key.clone(), (variables, attributes))
            .is_some()
        {
            problems.push(format!("{name}: `{key}` is defined twice"));
        }
    }
    // A message that references another uses that one's variables too.
    for _ in 0..8 {
        for (key, refs) in &references {
            let inherited: BTreeSet<String> = refs
                .iter()
                .filter_map(|r| entries.get(r))
                .flat_map(|(vars, _)| vars.clone())
                .collect();
            if let Some((vars, _)) = entries.get_mut(key) {
                vars.extend(inherited);
            }
        }
    }
    for (key, refs) in &references {
        for r in refs.iter().filter(|r| !entries.contains_key(*r)) {
            problems.push(format!(
                "{name}: `{key}` references `{r}`, which is not defined"
            ));
        }
    }
    entries
}

fn pattern_variables(
    pattern: &ast::Pattern<&str>,
    out: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out, refs);
        }
    }
}

fn expression_variables(
    expression: &ast::Expression<&str>,
    out: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out, refs);
            for variant in variants {
                pattern_variables(&variant.value, out, refs);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out, refs),
    }
}

fn inline_variables(
    inline: &ast::InlineExpression<&str>,
    out: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_variables(arg, out, refs);
            }
            for arg in &arguments.named {
                inline_variables(&arg.value, out, refs);
            }
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.insert(id.name.to_string());
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            refs.insert(format!("-{}", id.name));
            // A term's variables are its own arguments, not the message's.
            if let Some(arguments) = arguments {
                for arg in &arguments.named {
                    inline_variables(&arg.value, out, refs);
                }
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, out, refs)
        }
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

/// Every `msg!(…)` call in a Rust source text (comments aside).
fn scan_calls(file: &str, text: &str, problems: &mut Vec<String>) -> Vec<Call> {
    let code: String = text
        .lines()
        .map(|line| {
            if line.trim_start().starts_with("//") {
                ""
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut calls = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("msg!(") {
        let line = code[..code.len() - rest.len() + at].matches('\n').count() + 1;
        let place = format!("{file}:{line}");
        let inside = &rest[at + "msg!(".len()..];
        let (parts, end) = split_arguments(inside);
        rest = &inside[end..];
        let mut parts = parts.into_iter();
        let id = parts.next().unwrap_or_default();
        let Some(id) = id
            .strip_prefix('"')
            .and_then(|id| id.strip_suffix('"'))
            .filter(|id| !id.contains(['"', '\\']))
        else {
            problems.push(format!(
                "{place}: msg! must start with the id as a string literal, not `{id}`"
            ));
            continue;
        };
        let mut args = BTreeSet::new();
        for part in parts.filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some((name, _)) if is_identifier(name.trim()) => {
                    if !args.insert(name.trim().to_string()) {
                        problems.push(format!("{place}: `{id}` passes `{}` twice", name.trim()));
                    }
                }
                _ => problems.push(format!(
                    "{place}: `{id}`: argument `{part}` is not `name = value`"
                )),
            }
        }
        calls.push(Call {
            place,
            id: id.to_string(),
            args,
        });
    }
    calls
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The top-level comma-separated parts of `text` up to the `)` that closes
/// the call, trimmed, and the offset just past that `)`.
fn split_arguments(text: &str) -> (Vec<String>, usize) {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                current.push(c);
                while let Some((_, c)) = chars.next() {
                    current.push(c);
                    match c {
                        '\\' => current.extend(chars.next().map(|(_, c)| c)),
                        '"' => break,
                        _ => {}
                    }
                }
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                parts.push(current.trim().to_string());
                return (parts, i + 1);
            }
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current.trim().to_string());
    (parts, text.len())
}

/// Everything wrong with the UI languages' resources and the calls of the
/// code; `files` is (language, `.ftl` text), English first.
fn problems(files: &[(&str, &str)], calls: &[Call], scan_problems: Vec<String>) -> Vec<String> {
    let mut problems = scan_problems;
    let parsed: Vec<(&str, Entries)> = files
        .iter()
        .map(|(lang, text)| {
            (
                *lang,
                parse_ftl(&format!("{lang}.ftl"), text, &mut problems),
            )
        })
        .collect();
    for (a, entries_a) in &parsed {
        for (b, entries_b) in &parsed {
            for (key, (_, attributes)) in entries_a {
                match entries_b.get(key) {
                    None => problems.push(format!("`{key}` is in {a}.ftl but not in {b}.ftl")),
                    Some((_, other)) => {
                        for attribute in attributes.difference(other) {
                            problems.push(format!(
                                "`{key}.{attribute}` is in {a}.ftl but not in {b}.ftl"
                            ));
                        }
                    }
                }
            }
        }
    }
    let mut used = BTreeSet::new();
    for call in calls {
        used.insert(call.id.as_str());
        for (lang, entries) in &parsed {
            let Some((variables, _)) = entries.get(&call.id) else {
                problems.push(format!(
                    "{}: `{}` is not in {lang}.ftl",
                    call.place, call.id
                ));
                continue;
            };
            for variable in variables.difference(&call.args) {
                problems.push(format!(
                    "{}: `{}` in {lang}.ftl uses ${variable}, which this call does not pass",
                    call.place, call.id
                ));
            }
        }
    }
    for (lang, entries) in &parsed {
        // Terms are used by messages, not by the code.
        for key in entries.keys() {
            if !key.starts_with('-') && !used.contains(key.as_str()) {
                problems.push(format!("`{key}` in {lang}.ftl is not used by the code"));
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            let shown = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(&path)
                .display()
                .to_string();
            out.push((shown, text));
        }
    }
}

#[test]
fn every_ui_language_has_every_message_the_code_uses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    rust_files(&root.join("src"), &mut sources);
    rust_files(&root.join("crates/core/src"), &mut sources);
    let mut scan_problems = Vec::new();
    let calls: Vec<Call> = sources
        .iter()
        .flat_map(|(file, text)| scan_calls(file, text, &mut scan_problems))
        .collect();
    assert!(calls.len() > 100, "only {} msg! calls found", calls.len());
    let files: Vec<(&str, &str)> = l10n::ui::UiLang::ALL
        .iter()
        .map(|lang| (lang.tag(), lang.resource()))
        .collect();
    let problems = problems(&files, &calls, scan_problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_what_is_wrong() {
    let en = "hello = Hello, { $name }!\n\
              count = { $n ->\n    [one] one file\n   *[other] { $n } files\n}\n\
              only-en = English only\n\
              unused = Nobody says this\n\
              attrs = A\n    .title = T\n";
    let ko = "hello = 안녕, { $name }{ $title }!\n\
              count = 파일 { $m }개\n\
              attrs = A\n\
              ko-only = 한국어만\n\
              broken = { \n";
    let source = r#"
        // msg!("in-a-comment") is not a call
        let a = msg!("hello", name = user.name());
        let b = msg!("count", n = files.len());
        let c = msg!("only-en");
        let d = msg!("missing-everywhere", x = f(1, 2));
        let e = msg!("attrs");
        let f = msg!("broken");
        let g = msg!(ID);
    "#;
    let mut scan = Vec::new();
    let calls = scan_calls("x.rs", source, &mut scan);
    assert_eq!(calls.len(), 6, "{calls:?}");
    assert_eq!(
        calls[3].args.iter().collect::<Vec<_>>(),
        ["x"],
        "nested commas are not arguments"
    );
    let found = problems(&[("en", en), ("ko", ko)], &calls, scan).join("\n");
    for expected in [
        "ko.ftl: junk",
        "`only-en` is in en.ftl but not in ko.ftl",
        "`unused` is in en.ftl but not in ko.ftl",
        "`ko-only` is in ko.ftl but not in en.ftl",
        "`attrs.title` is in en.ftl but not in ko.ftl",
        "x.rs:3: `hello` in ko.ftl uses $title, which this call does not pass",
        "x.rs:4: `count` in ko.ftl uses $m, which this call does not pass",
        "x.rs:6: `missing-everywhere` is not in en.ftl",
        "`unused` in en.ftl is not used by the code",
        "x.rs:9: msg! must start with the id as a string literal",
    ] {
        assert!(found.contains(expected), "{expected}\nnot in:\n{found}");
    }
    assert!(!found.contains("in-a-comment"), "{found}");
    assert!(!found.contains("`hello` in en.ftl"), "{found}");
    assert!(!found.contains("`count` in en.ftl"), "{found}");
}
