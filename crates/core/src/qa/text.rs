//! The checks on the text as a whole: left untranslated, whitespace,
//! quotes and brackets balanced, a length in the language pair's norm.
use crate::message::Message;
use crate::msg;
use crate::qa::entry::Entry;
use crate::qa::locale::{length_band, primary};
use crate::qa::scan::{mask, protected_ranges};

pub(super) fn check_untranslated(e: &Entry) -> Vec<Message> {
    if primary(e.source_lang) == primary(e.target_lang) || e.source.trim() != e.translation.trim() {
        return Vec::new();
    }
    let prose = mask(e.source, &protected_ranges(e.source, e.source_md()));
    let words: Vec<&str> = prose
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < 2 {
        return Vec::new();
    }
    // A name (`Kim Jong Un`, `New York Times`): every word capitalised.
    let name = words.iter().all(|w| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    });
    if name {
        return Vec::new();
    }
    vec![msg!("qa-untranslated")]
}

/// A whitespace string shown so that a reader can see it; `none` (which
/// the messages translate) for no whitespace.
fn show_space(s: &str) -> String {
    if s.is_empty() {
        "none".to_string()
    } else {
        format!("\"{}\"", s.escape_default())
    }
}

/// Places with two or more spaces inside the text (not indentation after a
/// line break, not a Markdown hard break before one), with what precedes.
fn doubled_spaces(text: &str) -> Vec<String> {
    let inner = text.trim();
    let chars: Vec<char> = inner.chars().collect();
    let space = |c: char| c == ' ' || c == '\u{A0}';
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !space(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && space(chars[i]) {
            i += 1;
        }
        let line_edge = chars.get(i) == Some(&'\n') || (start > 0 && chars[start - 1] == '\n');
        if i - start >= 2 && !line_edge {
            let from = start.saturating_sub(12);
            let before: String = chars[from..start].iter().collect();
            found.push(before);
        }
    }
    found
}

/// Characters a reader never means to type: controls other than tab and
/// line breaks, and the bidirectional controls that reorder what is shown.
/// One in a translation but not in its source came from a tool or a
/// paste, not from a translator (an import can carry them in).
pub(super) fn check_control_characters(e: &Entry) -> Vec<Message> {
    let hidden = |c: char| crate::text::is_unsafe(c) && !matches!(c, '\t' | '\n' | '\r');
    let mut seen = Vec::new();
    for c in e.translation.chars().filter(|&c| hidden(c)) {
        if !e.source.contains(c) && !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter()
        .take(3)
        .map(|c| {
            msg!(
                "qa-control-character",
                code = format!("U+{:04X}", *c as u32)
            )
        })
        .collect()
}

pub(super) fn check_whitespace(e: &Entry) -> Vec<Message> {
    let (s, t) = (e.source, e.translation);
    let mut messages = Vec::new();
    let lead = |x: &str| x.len() - x.trim_start().len();
    let (ls, lt) = (&s[..lead(s)], &t[..lead(t)]);
    if ls != lt {
        messages.push(msg!(
            "qa-leading-whitespace",
            in_source = show_space(ls),
            in_translation = show_space(lt)
        ));
    }
    let (ts, tt) = (&s[s.trim_end().len()..], &t[t.trim_end().len()..]);
    if ts != tt && !t.trim().is_empty() {
        messages.push(msg!(
            "qa-trailing-whitespace",
            in_source = show_space(ts),
            in_translation = show_space(tt)
        ));
    }
    let doubled = doubled_spaces(t);
    if doubled.len() > doubled_spaces(s).len() {
        for before in doubled.iter().take(3) {
            messages.push(msg!("qa-doubled-space", after = before.trim_start()));
        }
    }
    messages
}

/// The quotation marks and the brackets a text leaves unmatched.
fn unmatched(text: &str) -> (Vec<char>, Vec<char>) {
    let chars: Vec<char> = text.chars().collect();
    let mut quotes: Vec<char> = Vec::new();
    let mut brackets: Vec<char> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let top = quotes.last().copied();
        match c {
            // German „…“ closes with “; elsewhere “ opens.
            '“' if top == Some('„') => {
                quotes.pop();
            }
            '”' if matches!(top, Some('“' | '„' | '”')) => {
                quotes.pop();
            }
            '‘' if top == Some('‚') => {
                quotes.pop();
            }
            '’' => {
                let letter = |j: Option<usize>| {
                    j.and_then(|j| chars.get(j))
                        .is_some_and(|c| c.is_alphanumeric())
                };
                let apostrophe = letter(i.checked_sub(1)) && letter(Some(i + 1));
                // An unmatched ’ is an apostrophe (`the U.S.’ demands`).
                if !apostrophe && matches!(top, Some('‘' | '‚')) {
                    quotes.pop();
                }
            }
            '«' | '»' if matches!(top, Some('«' | '»')) && !(c == '«' && top == Some('«')) => {
                quotes.pop();
            }
            '」' if top == Some('「') => {
                quotes.pop();
            }
            '』' if top == Some('『') => {
                quotes.pop();
            }
            '｣' if top == Some('｢') => {
                quotes.pop();
            }
            '"' if top == Some('"') => {
                quotes.pop();
            }
            '“' | '”' | '‘' | '„' | '‚' | '«' | '»' | '「' | '」' | '『' | '』' | '｢' | '｣'
            | '"' => quotes.push(c),
            '(' | '[' | '{' | '（' | '［' | '｛' | '【' | '〔' | '〈' | '《' | '〖' => {
                brackets.push(c)
            }
            ')' | ']' | '}' | '）' | '］' | '｝' | '】' | '〕' | '〉' | '》' | '〗' => {
                let opener = match c {
                    ')' => '(',
                    ']' => '[',
                    '}' => '{',
                    '）' => '（',
                    '］' => '［',
                    '｝' => '｛',
                    '】' => '【',
                    '〕' => '〔',
                    '〉' => '〈',
                    '》' => '《',
                    _ => '〖',
                };
                if brackets.last() == Some(&opener) {
                    brackets.pop();
                } else {
                    brackets.push(c);
                }
            }
            _ => {}
        }
    }
    (quotes, brackets)
}

pub(super) fn check_brackets(e: &Entry) -> Vec<Message> {
    let (sq, sb) = unmatched(e.source);
    let (tq, tb) = unmatched(e.translation);
    let list = |marks: &[char]| {
        let marks: Vec<String> = marks.iter().map(char::to_string).collect();
        marks.join(" ")
    };
    let mut messages = Vec::new();
    // A quotation may open in one sentence and close in another: only more
    // unmatched marks than the source has are a slip.
    if tq.len() > sq.len() {
        messages.push(msg!("qa-unbalanced-quotes", marks = list(&tq)));
    }
    if tb.len() > sb.len() {
        messages.push(msg!("qa-unbalanced-brackets", marks = list(&tb)));
    }
    messages
}

/// Sources shorter than this vary too much in length to judge.
const MIN_LENGTH_SOURCE: usize = 20;

pub(super) fn check_length(e: &Entry) -> Vec<Message> {
    let s = e.source.trim().chars().count();
    let t = e.translation.trim().chars().count();
    if s < MIN_LENGTH_SOURCE {
        return Vec::new();
    }
    let (low, high) = length_band(e.source_lang, e.target_lang);
    let ratio = t as f64 / s as f64;
    if (low..=high).contains(&ratio) {
        return Vec::new();
    }
    vec![msg!(
        "qa-length",
        ratio = format!("{ratio:.2}"),
        in_translation = t,
        in_source = s,
        source_lang = e.source_lang,
        target_lang = e.target_lang,
        low = low.to_string(),
        high = high.to_string()
    )]
}

#[cfg(test)]
mod tests {
    use crate::qa::Check;
    use crate::qa::testing::{SOURCE_2018, fails, passes, run_langs};

    // --- untranslated ----------------------------------------------------

    #[test]
    fn untranslated() {
        let s = "Kim Jong Un fails to convince his people of the need for denuke talks";
        let found = fails(Check::Untranslated, s, s);
        assert!(
            found.starts_with("the translation is identical to the source"),
            "{found}"
        );
        passes(
            Check::Untranslated,
            s,
            "김정은, 주민들에게 비핵화 협상 필요성 설득 못해",
        );
        // Names, numbers, URLs and single words may stay as they are.
        passes(Check::Untranslated, "Donald Trump", "Donald Trump");
        passes(Check::Untranslated, "2019-01-10 08:04", "2019-01-10 08:04");
        passes(
            Check::Untranslated,
            "https://example.com/a b",
            "https://example.com/a b",
        );
        passes(Check::Untranslated, "Pyongyang", "Pyongyang");
        // Same language (en → en-GB): identical is fine.
        let found = run_langs(Check::Untranslated, s, s, "en", "en-GB");
        assert!(found.is_empty());
    }

    // --- whitespace ------------------------------------------------------

    #[test]
    fn control_characters_the_source_lacks() {
        let found = crate::qa::testing::run(
            Check::ControlCharacters,
            "Plain.",
            "평범\u{0}한\u{1b}[31m 글\u{202e}.",
        );
        assert_eq!(
            found,
            [
                "the translation holds U+0000, a control character the source does not have",
                "the translation holds U+001B, a control character the source does not have",
                "the translation holds U+202E, a control character the source does not have",
            ]
        );
        passes(Check::ControlCharacters, "Tab\there.", "탭\t여기.\n");
        passes(
            Check::ControlCharacters,
            "A \u{200f}mark.",
            "표시 \u{200f}.",
        );
    }

    #[test]
    fn whitespace() {
        passes(
            Check::Whitespace,
            "Kim visited China.",
            "김 위원장이 중국을 방문했다.",
        );
        let doubled = fails(
            Check::Whitespace,
            "Kim visited China.",
            "김 위원장이  중국을 방문했다.",
        );
        assert_eq!(
            doubled,
            "doubled space in the translation after \"김 위원장이\""
        );
        let lead = fails(
            Check::Whitespace,
            "Kim visited China.",
            " 김 위원장이 중국을 방문했다.",
        );
        assert_eq!(
            lead,
            "leading whitespace differs: none in the source, \" \" in the translation"
        );
        let trail = fails(
            Check::Whitespace,
            "Kim visited China. ",
            "김 위원장이 중국을 방문했다.",
        );
        assert!(trail.starts_with("trailing whitespace differs"), "{trail}");
        // A Markdown hard break is not a doubled space.
        passes(
            Check::Whitespace,
            "Kim visited  \nChina.",
            "김 위원장이  \n중국을 방문했다.",
        );
    }

    // --- quotes and brackets ---------------------------------------------

    #[test]
    fn brackets_and_quotes() {
        let s = "“According to a North Korean official, Kim is failing,” a source said.";
        passes(
            Check::Brackets,
            s,
            "한 소식통은 “북한 당국자에 따르면 김 위원장이 실패하고 있다”고 말했다.",
        );
        let open = fails(
            Check::Brackets,
            s,
            "한 소식통은 “북한 당국자에 따르면 김 위원장이 실패하고 있다고 말했다.",
        );
        assert_eq!(
            open,
            "unbalanced quotation marks in the translation: unmatched “"
        );
        // A quotation that continues in the next sentence, as in the source.
        passes(
            Check::Brackets,
            "“Chairman Kim thinks that Moon Jae-in will cave in to the U.S.’ demands.",
            "“김 위원장은 문재인 대통령이 결국 미국의 요구에 굴복할 것이라고 생각한다.",
        );
        passes(
            Check::Brackets,
            "He does not fully trust President Moon.”",
            "문 대통령을 완전히 신뢰하지는 않는다.”",
        );
        // Apostrophes are not quotes; other quoting styles balance.
        passes(
            Check::Brackets,
            SOURCE_2018,
            "Kim’s visits ‘three times’ in 2018.",
        );
        let ja = run_langs(
            Check::Brackets,
            "He said “yes” to it.",
            "彼は「はい」と言った。",
            "en",
            "ja",
        );
        assert!(ja.is_empty(), "{ja:?}");
        let de = run_langs(
            Check::Brackets,
            "He said “yes” (twice).",
            "Er sagte „ja“ (zweimal) und »gern«.",
            "en",
            "de",
        );
        assert!(de.is_empty(), "{de:?}");
        let fr = run_langs(
            Check::Brackets,
            "He said “yes”.",
            "Il a dit « oui ».",
            "en",
            "fr",
        );
        assert!(fr.is_empty(), "{fr:?}");
        let ja = run_langs(
            Check::Brackets,
            "He said “yes” to it.",
            "彼は「はいと言った。",
            "en",
            "ja",
        );
        assert_eq!(
            ja,
            ["unbalanced quotation marks in the translation: unmatched 「"]
        );
        let b = fails(
            Check::Brackets,
            "Dandong (Liaoning) is busy.",
            "단둥(랴오닝성은 붐빈다.",
        );
        assert_eq!(b, "unbalanced brackets in the translation: unmatched (");
        fails(
            Check::Brackets,
            "Dandong [Liaoning] is busy.",
            "단둥[랴오닝성)은 붐빈다.",
        );
        passes(
            Check::Brackets,
            "Dandong (Liaoning) is busy.",
            "단둥（랴오닝성）은 붐빈다.",
        );
    }

    // --- length ----------------------------------------------------------

    #[test]
    fn length_ratio() {
        let s = "North Korean leader Kim Jong Un made a visit to China once again, boasting close ties with Chinese President Xi Jinping.";
        passes(
            Check::Length,
            s,
            "김정은 북한 국무위원장이 또다시 중국을 방문해 시진핑 중국 국가주석과의 긴밀한 관계를 과시했다.",
        );
        let short = fails(Check::Length, s, "김정은 방중.");
        assert!(short.starts_with("the translation is 0.06× the length of the source (7 vs 120 characters); en→ko is usually 0.3–1.2×"), "{short}");
        let long = format!("{s} {s}");
        fails(Check::Length, s, &long);
        // Short sources are not judged.
        passes(
            Check::Length,
            "Kim visited China.",
            "김정은 북한 국무위원장이 또다시 중국을 방문해 관계를 과시했다.",
        );
        // Other pairs have other norms.
        let ja = run_langs(
            Check::Length,
            s,
            "北朝鮮の金正恩委員長が再び中国を訪問し、習近平国家主席との緊密な関係を誇示した。",
            "en",
            "ja",
        );
        assert!(ja.is_empty(), "{ja:?}");
        let de = run_langs(
            Check::Length,
            s,
            "Nordkoreas Machthaber Kim Jong Un hat erneut China besucht und dabei seine engen Beziehungen zu Präsident Xi Jinping demonstriert.",
            "en",
            "de",
        );
        assert!(de.is_empty(), "{de:?}");
        let de = run_langs(Check::Length, s, "Kim besuchte China.", "en", "de");
        assert_eq!(de.len(), 1);
    }
}
