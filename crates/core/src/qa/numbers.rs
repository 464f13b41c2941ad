//! The numbers check: every number of the source is in the translation, in
//! any locale form (`1,000`, `1.000`, `1 000`, `3만`), as a month name or
//! spelled out (`three`, `세`).
use std::collections::HashSet;

use crate::message::Message;
use crate::msg;
use crate::qa::entry::Entry;
use crate::qa::locale::{month_of, spelled_numbers};
use crate::qa::scan::numbers::scan_numbers;
use crate::qa::scan::{mask, protected_ranges};

pub(super) fn check_numbers(e: &Entry) -> Vec<Message> {
    let source = mask(e.source, &protected_ranges(e.source, e.source_md()));
    let translation = mask(
        e.translation,
        &protected_ranges(e.translation, e.translation_md()),
    );
    let wanted = scan_numbers(&source, e.source_lang, false);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut values = HashSet::new();
    let mut times = HashSet::new();
    for token in scan_numbers(&translation, e.target_lang, true) {
        values.extend(token.values);
        values.extend(token.parts);
        times.extend(token.time);
    }
    let months: HashSet<u32> = words(&translation)
        .filter_map(|w| month_of(&w.to_lowercase()))
        .collect();
    let mut spelled = HashSet::new();
    // Whole words only: the `세` of `30세` (aged 30) is no three.
    for word in translation.split_whitespace() {
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let end = word
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(word.len());
        spelled_numbers(&word[..end], &mut spelled);
    }
    let mut reported = HashSet::new();
    let mut messages = Vec::new();
    for token in wanted {
        let present = match token.time {
            Some(time) => times.contains(&time),
            None => {
                token.values.iter().any(|v| values.contains(v))
                    || (!token.parts.is_empty() && token.parts.iter().all(|p| values.contains(p)))
                    || token.month.is_some_and(|m| months.contains(&m))
                    || token
                        .values
                        .iter()
                        .any(|v| v.parse::<u32>().is_ok_and(|n| spelled.contains(&n)))
            }
        };
        if !present && reported.insert(token.text.clone()) {
            let kind = if token.time.is_some() {
                "time"
            } else {
                "number"
            };
            messages.push(msg!("qa-number-missing", kind = kind, number = &token.text));
        }
    }
    messages
}

/// Runs of letters (for month names and such).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use crate::qa::Check;
    use crate::qa::testing::{SOURCE_2018, fails, passes, run, run_langs};

    // --- numbers ---------------------------------------------------------

    #[test]
    fn numbers_year_dropped_or_kept() {
        let lost = fails(
            Check::Numbers,
            SOURCE_2018,
            "지난해 김 위원장의 세 차례 방중으로 양국 관계가 눈에 띄게 개선됐다.",
        );
        assert_eq!(lost, "number 2018 is missing from the translation");
        passes(
            Check::Numbers,
            SOURCE_2018,
            "2018년 김 위원장의 세 차례 방중으로 양국 관계가 눈에 띄게 개선됐다.",
        );
    }

    #[test]
    fn numbers_in_dates_and_times() {
        // The repository's own catalog.
        passes(
            Check::Numbers,
            "Posted January. 10, 2019 08:04,",
            "입력 2019-01-10 08:04:00",
        );
        passes(
            Check::Numbers,
            "Updated at 8:50 on Jan. 10, 2019",
            "2019년 1월 10일 08:50 업데이트",
        );
        let lost = fails(
            Check::Numbers,
            "Posted January. 10, 2019 08:04,",
            "입력 2019-01-10 08:40",
        );
        assert_eq!(lost, "time 08:04 is missing from the translation");
        let lost = fails(
            Check::Numbers,
            "Posted January 10, 2019",
            "입력 2019년 1월 11일",
        );
        assert!(lost.contains("number 10 "), "{lost}");
        // ko → en: a month may become its name.
        let found = run_langs(
            Check::Numbers,
            "2019년 1월 10일 입력",
            "Posted January 10, 2019",
            "ko",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = run_langs(
            Check::Numbers,
            "2019년 1월 10일 입력",
            "Posted February 10, 2019",
            "ko",
            "en",
        );
        assert_eq!(found, ["number 1 is missing from the translation"]);
        // Day.month.year lists need every part.
        passes(
            Check::Numbers,
            "It began on 10.01.2019 in Seoul.",
            "2019년 1월 10일 서울에서 시작됐다.",
        );
        fails(
            Check::Numbers,
            "It began on 10.01.2019 in Seoul.",
            "2019년 1월 서울에서 시작됐다.",
        );
    }

    #[test]
    fn numbers_in_locale_forms() {
        passes(
            Check::Numbers,
            "About 1,000 people gathered.",
            "약 1000명이 모였다.",
        );
        passes(
            Check::Numbers,
            "About 1000 people gathered.",
            "약 1,000명이 모였다.",
        );
        let de = |s: &str, t: &str| run_langs(Check::Numbers, s, t, "en", "de");
        assert!(de("About 1,000 people.", "Etwa 1.000 Menschen.").is_empty());
        assert!(de("About 1,000 people.", "Etwa 1 000 Menschen.").is_empty());
        assert!(de("About 1,000 people.", "Etwa 1\u{202F}000 Menschen.").is_empty());
        assert!(
            de(
                "Growth was 1.5 percent.",
                "Das Wachstum lag bei 1,5 Prozent."
            )
            .is_empty()
        );
        assert_eq!(
            de(
                "Growth was 1.5 percent.",
                "Das Wachstum lag bei 15 Prozent."
            ),
            ["number 1.5 is missing from the translation"]
        );
        assert!(de("It cost 1,234.5 dollars.", "Es kostete 1.234,5 Dollar.").is_empty());
        assert!(!de("It cost 1,234.5 dollars.", "Es kostete 1.234 Dollar.").is_empty());
        // de → en: the source's own conventions.
        let found = run_langs(
            Check::Numbers,
            "Es waren 1.000 Menschen, 2,5 Prozent.",
            "There were 1,000 people, 2.5 percent.",
            "de",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        // Fullwidth digits.
        let found = run_langs(
            Check::Numbers,
            "It has 2019 members.",
            "会員は２０１９人だ。",
            "en",
            "ja",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn numbers_with_korean_and_chinese_units() {
        passes(
            Check::Numbers,
            "About 30,000 people gathered.",
            "약 3만 명이 모였다.",
        );
        let lost = fails(
            Check::Numbers,
            "About 30,000 people gathered.",
            "약 30만 명이 모였다.",
        );
        assert_eq!(lost, "number 30,000 is missing from the translation");
        // The unit is not the bare number: 3만 is not 3.
        fails(Check::Numbers, "Only 3 people came.", "3만 명만 왔다.");
        passes(
            Check::Numbers,
            "The budget is 120,000,000 won.",
            "예산은 1억 2천만 원이다.",
        );
        passes(
            Check::Numbers,
            "The budget is 120 million won.",
            "예산은 1억2000만 원이다.",
        );
        passes(
            Check::Numbers,
            "It cost $250 million.",
            "2.5억 달러가 들었다.",
        );
        passes(
            Check::Numbers,
            "It cost 35,000 won.",
            "3만 5천 원이 들었다.",
        );
        passes(
            Check::Numbers,
            "It cost 123,456 won.",
            "12만 3,456원이 들었다.",
        );
        passes(
            Check::Numbers,
            "It cost 1.2 trillion won.",
            "1조 2000억 원이 들었다.",
        );
        fails(
            Check::Numbers,
            "The budget is 120,000,000 won.",
            "예산은 1억 2천 원이다.",
        );
        let zh = run_langs(
            Check::Numbers,
            "About 30,000 people gathered.",
            "约3万人聚集。",
            "en",
            "zh",
        );
        assert!(zh.is_empty(), "{zh:?}");
        let ja = run_langs(
            Check::Numbers,
            "It cost 12,000 yen and 100 million yen.",
            "1万2000円と1億円かかった。",
            "en",
            "ja",
        );
        assert!(ja.is_empty(), "{ja:?}");
        let ja = run_langs(
            Check::Numbers,
            "It cost 12,000 yen.",
            "1万円かかった。",
            "en",
            "ja",
        );
        assert_eq!(ja, ["number 12,000 is missing from the translation"]);
        // ko → en.
        let found = run_langs(
            Check::Numbers,
            "약 3만 명이 모였다.",
            "About 30,000 people gathered.",
            "ko",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = run_langs(
            Check::Numbers,
            "약 3만 명이 모였다.",
            "About 30 thousand people gathered.",
            "ko",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = run_langs(
            Check::Numbers,
            "약 3만 명이 모였다.",
            "About 3,000 people gathered.",
            "ko",
            "en",
        );
        assert_eq!(found, ["number 3만 is missing from the translation"]);
    }

    #[test]
    fn numbers_in_words_urls_and_placeholders() {
        passes(
            Check::Numbers,
            "The G20 summit and K-pop2 fans.",
            "G20 정상회의와 K-pop2 팬들.",
        );
        let lost = fails(
            Check::Numbers,
            "The G20 summit opened.",
            "G7 정상회의가 열렸다.",
        );
        assert_eq!(lost, "number 20 is missing from the translation");
        // Digits of URLs and placeholders are not the prose's numbers.
        passes(
            Check::Numbers,
            "See https://example.com/2019/01 for %1$s.",
            "%1$s 관련: https://example.com/2019/01",
        );
        passes(
            Check::Numbers,
            "Read [the 2019 story](/news/2019/kim).",
            "[2019년 기사](/news/2019/kim)를 읽어라.",
        );
        // Extra numbers in the translation are fine.
        passes(
            Check::Numbers,
            "Kim visited China last year.",
            "김 위원장은 2018년 중국을 방문했다.",
        );
        // Small counts may be spelled out.
        passes(
            Check::Numbers,
            "There were 3 summits.",
            "세 차례 정상회담이 있었다.",
        );
        passes(Check::Numbers, "He came 5 times.", "그는 다섯 번 왔다.");
        passes(Check::Numbers, "He came 3 times.", "他来了三次。");
        fails(
            Check::Numbers,
            "There were 3 summits.",
            "두 차례 정상회담이 있었다.",
        );
        let found = run_langs(
            Check::Numbers,
            "정상회담이 3차례 있었다.",
            "There were three summits.",
            "ko",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        // Repeated numbers are reported once.
        let lost = run(
            Check::Numbers,
            "In 2018, and again in 2018, he came.",
            "그는 두 번 왔다.",
        );
        assert_eq!(lost, ["number 2018 is missing from the translation"]);
    }
}
