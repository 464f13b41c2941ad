//! Reference links keep their form. A collapsed reference link (`[x][]`)
//! reaches the catalog as `[x]`: pulldown-cmark ends the link's range at
//! its text, so the `[]` stays out of the segment's text, and at the end of
//! a block out of its span too. A translation written from that text has
//! the shortcut form `[x]`; here the `[]` the source has goes back after it.
use std::ops::Range;

/// The span, with a collapsed link's `[]` right after it that the span
/// left out (a block that ends with `[x][]`).
pub(super) fn with_collapsed_marker(text: &str, span: Range<usize>) -> Range<usize> {
    let follows = text[span.end..].starts_with("[]") && text[..span.end].ends_with(']');
    if follows {
        span.start..span.end + 2
    } else {
        span
    }
}

/// `translation` with `[]` after each shortcut reference `[label]` whose
/// label the source writes collapsed (`[label][]`).
pub(super) fn restore_collapsed(source: &str, translation: &str) -> String {
    let labels = collapsed_labels(source);
    if labels.is_empty() {
        return translation.to_string();
    }
    let mut out = String::with_capacity(translation.len() + 2 * labels.len());
    let mut at = 0;
    while let Some(open) = translation[at..].find('[').map(|i| at + i) {
        let Some(close) = closing_bracket(translation, open) else {
            break;
        };
        out.push_str(&translation[at..=close]);
        at = close + 1;
        let escaped = translation[..open].ends_with('\\');
        let after = &translation[at..];
        // `[x][…]`, `[x](…)` and `[x]:` are other forms already.
        let shortcut = !escaped && !after.starts_with(['[', '(', ':']);
        if shortcut && labels.contains(&fold(&translation[open + 1..close])) {
            out.push_str("[]");
        }
    }
    out.push_str(&translation[at..]);
    out
}

/// The labels of the collapsed reference links in `source`, white space
/// folded as a reference label is matched.
fn collapsed_labels(source: &str) -> Vec<String> {
    let mut labels = Vec::new();
    let mut at = 0;
    while let Some(open) = source[at..].find('[').map(|i| at + i) {
        let Some(close) = closing_bracket(source, open) else {
            break;
        };
        if source[close + 1..].starts_with("[]") && !source[..open].ends_with('\\') {
            labels.push(fold(&source[open + 1..close]));
            at = close + 3;
        } else {
            at = open + 1;
        }
    }
    labels
}

/// The `]` that closes the `[` at `open`, brackets nested and escapes
/// skipped.
fn closing_bracket(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in text[open..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A label with its white space runs as one space, as a segment's text
/// folds a wrapped line.
fn fold(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_links_get_their_brackets_back() {
        let source = "See [front matter][] and [the docs][docs] and [shortcut].";
        assert_eq!(
            restore_collapsed(
                source,
                "[front matter]와 [the docs][docs], [shortcut] 참고."
            ),
            "[front matter][]와 [the docs][docs], [shortcut] 참고."
        );
        // Already collapsed, escaped, or another form: as it is.
        for kept in [
            "[front matter][] 참고.",
            "\\[front matter] 참고.",
            "[front matter](/x)",
        ] {
            assert_eq!(restore_collapsed(source, kept), kept);
        }
        // A label wrapped over lines in the source, folded in the catalog.
        assert_eq!(
            restore_collapsed("[front\n   matter][] wraps.", "[front matter] 줄."),
            "[front matter][] 줄."
        );
        assert_eq!(
            restore_collapsed("An image ![x][].", "그림 ![x]."),
            "그림 ![x][]."
        );
    }

    #[test]
    fn a_span_takes_the_brackets_it_left_out() {
        let text = "End [x][]\n";
        assert_eq!(with_collapsed_marker(text, 0..7), 0..9);
        assert_eq!(with_collapsed_marker(text, 0..9), 0..9);
        assert_eq!(with_collapsed_marker("A b[]", 0..3), 0..3);
    }
}
