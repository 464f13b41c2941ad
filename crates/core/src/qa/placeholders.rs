//! The placeholders check: Fluent, printf and positional placeholders kept,
//! as many as in the source, unnumbered printf ones in the same order.
use std::collections::HashMap;
use std::ops::Range;

use crate::message::Message;
use crate::msg;
use crate::qa::entry::Entry;
use crate::qa::scan::dedup;
use crate::qa::scan::placeholders::{Placeholder, find_placeholders};

pub(super) fn check_placeholders(e: &Entry) -> Vec<Message> {
    let source = find_placeholders(e.source);
    let translation = find_placeholders(e.translation);
    if source.is_empty() && translation.is_empty() {
        return Vec::new();
    }
    let count = |list: &[(Range<usize>, Placeholder)]| {
        let mut counts: HashMap<Placeholder, usize> = HashMap::new();
        for (_, p) in list {
            *counts.entry(p.clone()).or_default() += 1;
        }
        counts
    };
    let (s, t) = (count(&source), count(&translation));
    let keys: Vec<&Placeholder> = dedup(
        source
            .iter()
            .map(|(_, p)| p)
            .chain(translation.iter().map(|(_, p)| p)),
    );
    let mut messages = Vec::new();
    for key in keys {
        let (n, m) = (
            s.get(key).copied().unwrap_or(0),
            t.get(key).copied().unwrap_or(0),
        );
        // A Fluent variable may be used any number of times (select variants).
        let differs = match key {
            Placeholder::Fluent(_) => (n == 0) != (m == 0),
            _ => n != m,
        };
        if !differs {
            continue;
        }
        let placeholder = key.to_string();
        messages.push(if m == 0 {
            msg!("qa-placeholder-missing", placeholder = placeholder)
        } else if n == 0 {
            msg!("qa-placeholder-extra", placeholder = placeholder)
        } else {
            msg!(
                "qa-placeholder-count",
                placeholder = placeholder,
                in_source = n,
                in_translation = m
            )
        });
    }
    if messages.is_empty() {
        // Unnumbered printf arguments are taken in order: reordering them
        // breaks the call.
        let order = |list: &[(Range<usize>, Placeholder)]| -> Vec<String> {
            list.iter()
                .filter_map(|(_, p)| match p {
                    Placeholder::Printf(p) if !p.contains('$') && !p.contains('(') => {
                        Some(p.clone())
                    }
                    _ => None,
                })
                .collect()
        };
        let (a, b) = (order(&source), order(&translation));
        if a != b {
            messages.push(msg!(
                "qa-printf-order",
                in_source = a.join(" "),
                in_translation = b.join(" ")
            ));
        }
    }
    messages
}

#[cfg(test)]
mod tests {
    use crate::qa::Check;
    use crate::qa::testing::{fails, passes};

    // --- placeholders ----------------------------------------------------

    #[test]
    fn placeholders_kept() {
        let s = "{ $count } segments are missing in { $lang }.";
        passes(
            Check::Placeholders,
            s,
            "{ $lang }에서 세그먼트 { $count }개가 빠졌다.",
        );
        passes(
            Check::Placeholders,
            s,
            "{$lang}에서 세그먼트 {$count}개가 빠졌다.",
        );
        let lost = fails(Check::Placeholders, s, "{ $lang }에서 세그먼트가 빠졌다.");
        assert_eq!(
            lost,
            "placeholder { $count } is missing from the translation"
        );
        let extra = fails(
            Check::Placeholders,
            s,
            "{ $lang }에서 { $count }개, { $total }개 중.",
        );
        assert_eq!(extra, "placeholder { $total } is not in the source");
        // Select expressions may repeat a variable; terms count.
        passes(
            Check::Placeholders,
            "{ -brand } found { $count } files.",
            "{ -brand }이(가) { $count ->\n [one] 파일 { $count }개\n *[other] 파일 { $count }개\n}를 찾았다.",
        );
        fails(
            Check::Placeholders,
            "{ -brand } found it.",
            "l10n이 찾았다.",
        );

        passes(
            Check::Placeholders,
            "%s has %d segments.",
            "%s에는 세그먼트 %d개가 있다.",
        );
        let lost = fails(
            Check::Placeholders,
            "%s has %d segments.",
            "세그먼트 %d개가 있다.",
        );
        assert_eq!(lost, "placeholder %s is missing from the translation");
        let order = fails(
            Check::Placeholders,
            "%s has %d segments.",
            "세그먼트 %d개가 %s에 있다.",
        );
        assert!(
            order.starts_with("printf placeholders are in a different order"),
            "{order}"
        );
        passes(
            Check::Placeholders,
            "%1$s has %2$d segments.",
            "세그먼트 %2$d개가 %1$s에 있다.",
        );
        passes(
            Check::Placeholders,
            "%(name)s has %.2f%% done.",
            "%(name)s: %.2f%% 완료.",
        );
        passes(
            Check::Placeholders,
            "{0} of {1} done.",
            "{1}개 중 {0}개 완료.",
        );
        fails(Check::Placeholders, "{0} of {1} done.", "{1}개 중 완료.");
        let twice = fails(Check::Placeholders, "%s and %s", "%s");
        assert_eq!(
            twice,
            "placeholder %s appears 2 times in the source and 1 in the translation"
        );
        let once = fails(Check::Placeholders, "%s", "%s %s");
        assert_eq!(
            once,
            "placeholder %s appears once in the source and 2 in the translation"
        );
        // Percentages are not placeholders: `50% of`, Korean `3.5%p`.
        passes(
            Check::Placeholders,
            "Support rose 50% of the time, 3.5 percentage points.",
            "지지율이 3.5%p 올랐고 50%였다.",
        );
    }
}
