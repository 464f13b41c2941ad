//! The Markdown checks: link and image targets kept, emphasis, strikethrough
//! and code spans balanced and as many as in the source.
use std::collections::{HashMap, HashSet};

use crate::message::Message;
use crate::msg;
use crate::qa::entry::Entry;
use crate::qa::scan::dedup;

pub(super) fn check_link_targets(e: &Entry) -> Vec<Message> {
    let source = &e.source_md().targets;
    let translation = &e.translation_md().targets;
    if source.is_empty() && translation.is_empty() {
        return Vec::new();
    }
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for t in source {
        *counts.entry(t).or_default() += 1;
    }
    for t in translation {
        *counts.entry(t).or_default() -= 1;
    }
    let missing: Vec<&String> = dedup(source.iter().filter(|t| counts[t.as_str()] > 0));
    let extra: Vec<&String> = dedup(translation.iter().filter(|t| counts[t.as_str()] < 0));
    if let ([from], [to]) = (missing.as_slice(), extra.as_slice()) {
        return vec![msg!("qa-link-changed", from = *from, to = *to)];
    }
    let mut messages = Vec::new();
    for t in missing {
        let (s, n) = (
            counts[t.as_str()],
            source.iter().filter(|x| *x == t).count(),
        );
        messages.push(if s as usize == n {
            msg!("qa-link-missing", target = t)
        } else {
            msg!(
                "qa-link-count",
                target = t,
                in_source = n,
                in_translation = n - s as usize
            )
        });
    }
    for t in extra {
        messages.push(msg!("qa-link-extra", target = t));
    }
    messages
}

pub(super) fn check_markup(e: &Entry) -> Vec<Message> {
    let (s, t) = (e.source_md(), e.translation_md());
    let kinds: [(&str, usize, usize, &[&str]); 4] = [
        ("italic", s.emphasis, t.emphasis, &["*", "_", "***", "___"]),
        ("bold", s.strong, t.strong, &["**", "__", "***", "___"]),
        ("strikethrough", s.strikethrough, t.strikethrough, &["~~"]),
        ("code", s.code, t.code, &[]),
    ];
    let stray_more =
        |run: &str| t.stray.get(run).copied().unwrap_or(0) > s.stray.get(run).copied().unwrap_or(0);
    let mut messages = Vec::new();
    let mut explained = HashSet::new();
    for (name, in_source, in_translation, runs) in kinds {
        let unmatched: Vec<String> = if name == "code" {
            let mut backticks: Vec<&String> =
                t.stray.keys().filter(|r| r.starts_with('`')).collect();
            backticks.sort();
            backticks
                .into_iter()
                .filter(|r| stray_more(r))
                .cloned()
                .collect()
        } else {
            runs.iter()
                .filter(|r| stray_more(r))
                .map(|r| r.to_string())
                .collect()
        };
        if in_source == in_translation && unmatched.is_empty() {
            continue;
        }
        let list: Vec<String> = unmatched.iter().map(|r| format!("`{r}`")).collect();
        let runs = list.join(", ");
        messages.push(if unmatched.is_empty() {
            msg!(
                "qa-markup-spans",
                kind = name,
                in_source = in_source,
                in_translation = in_translation
            )
        } else if name != "code" && t.punctuation_flanked {
            msg!(
                "qa-markup-unmatched-by-punctuation",
                kind = name,
                in_source = in_source,
                in_translation = in_translation,
                runs = runs
            )
        } else if unmatched.iter().any(|r| r.starts_with('_')) {
            msg!(
                "qa-markup-unmatched-underscore",
                kind = name,
                in_source = in_source,
                in_translation = in_translation,
                runs = runs
            )
        } else {
            msg!(
                "qa-markup-unmatched",
                kind = name,
                in_source = in_source,
                in_translation = in_translation,
                runs = runs
            )
        });
        explained.extend(unmatched);
    }
    // Stray runs no kind accounted for (`****`).
    let mut others: Vec<&String> = t
        .stray
        .keys()
        .filter(|r| !explained.contains(*r) && stray_more(r) && !r.starts_with('`'))
        .collect();
    others.sort();
    for run in others {
        messages.push(msg!("qa-unmatched-run", run = run));
    }
    messages
}

#[cfg(test)]
mod tests {
    use crate::qa::Check;
    use crate::qa::testing::{fails, passes};

    // --- link targets ----------------------------------------------------

    #[test]
    fn link_targets_kept() {
        let s = "Kim met [Xi Jinping](https://en.wikipedia.org/wiki/Xi_Jinping) in Beijing.";
        passes(
            Check::LinkTargets,
            s,
            "김 위원장은 베이징에서 [시진핑](https://en.wikipedia.org/wiki/Xi_Jinping)을 만났다.",
        );
        let changed = fails(
            Check::LinkTargets,
            s,
            "김 위원장은 베이징에서 [시진핑](https://ko.wikipedia.org/wiki/시진핑)을 만났다.",
        );
        assert_eq!(
            changed,
            "link target changed from https://en.wikipedia.org/wiki/Xi_Jinping to https://ko.wikipedia.org/wiki/시진핑"
        );
        let lost = fails(
            Check::LinkTargets,
            s,
            "김 위원장은 베이징에서 시진핑을 만났다.",
        );
        assert!(lost.contains("is missing"), "{lost}");
        // Images and reference links too; the URL check leaves link targets alone.
        let s = "![Kim and Xi](/img/kim-xi.jpg) A [report][1] followed.";
        passes(
            Check::LinkTargets,
            s,
            "![김정은과 시진핑](/img/kim-xi.jpg) [보도][1]가 이어졌다.",
        );
        fails(
            Check::LinkTargets,
            s,
            "![김정은과 시진핑](/img/kim-xi.png) [보도][1]가 이어졌다.",
        );
        fails(
            Check::LinkTargets,
            s,
            "![김정은과 시진핑](/img/kim-xi.jpg) [보도][2]가 이어졌다.",
        );
        passes(
            Check::Urls,
            "See [the text](https://example.com/a).",
            "[원문](https://example.com/b) 참조.",
        );
        let extra = fails(
            Check::LinkTargets,
            "Kim met Xi.",
            "[김 위원장](/kim)은 시 주석을 만났다.",
        );
        assert_eq!(extra, "link target /kim is not in the source");
    }

    // --- markup ----------------------------------------------------------

    #[test]
    fn markup_balanced() {
        let s = "Kim is **failing to convince** his people.";
        passes(
            Check::Markup,
            s,
            "김 위원장은 주민들을 **설득하지 못하고** 있다.",
        );
        let open = fails(
            Check::Markup,
            s,
            "김 위원장은 주민들을 **설득하지 못하고 있다.",
        );
        assert_eq!(
            open,
            "bold spans: 1 in the source, 0 in the translation (unmatched `**` in the translation)"
        );
        // A closing ** after punctuation and before a letter does not close
        // in CommonMark: the reader sees the stars.
        let flanked = fails(
            Check::Markup,
            "He warned of a **“new path”**.",
            "그는 **“새로운 길”**을 경고했다.",
        );
        assert!(
            flanked.contains("between punctuation and a letter"),
            "{flanked}"
        );
        passes(
            Check::Markup,
            "He warned of a **“new path”**.",
            "그는 “**새로운 길**”을 경고했다.",
        );
        let underscore = fails(Check::Markup, "It is __bold__ here.", "여기 __굵게__다.");
        assert!(
            underscore.ends_with("`_` cannot close inside a word: use `*`)"),
            "{underscore}"
        );
        passes(Check::Markup, "It is __bold__ here.", "여기 **굵게**다.");
        passes(
            Check::Markup,
            "He warned of a *new path*.",
            "그는 *새로운 길*을 경고했다.",
        );
        fails(
            Check::Markup,
            "He warned of a *new path*.",
            "그는 새로운 길*을 경고했다.",
        );
        passes(
            Check::Markup,
            "Run `l10n check` and `l10n status`.",
            "`l10n check`와 `l10n status`를 실행하라.",
        );
        let code = fails(
            Check::Markup,
            "Run `l10n check` and `l10n status`.",
            "`l10n check`와 l10n status를 실행하라.",
        );
        assert_eq!(code, "code spans: 2 in the source, 1 in the translation");
        fails(
            Check::Markup,
            "Run `l10n check` now.",
            "`l10n check 를 지금 실행하라.",
        );
        passes(
            Check::Markup,
            "Use snake_case names, 2 * 3 and ~5%.",
            "snake_case 이름, 2 * 3, ~5%를 쓴다.",
        );
        fails(
            Check::Markup,
            "It was ~~denied~~ confirmed.",
            "~~부인됐다가 확인됐다.",
        );
    }
}
