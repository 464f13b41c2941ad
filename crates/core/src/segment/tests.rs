//! Unit tests, one group per rule family, each with minimal fixtures.
use super::*;

fn split<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    let rules = Rules::for_language(lang);
    sentences(text, &rules)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

fn en(text: &str) -> Vec<&str> {
    split(text, "en")
}

#[test]
fn empty_and_blank() {
    assert!(en("").is_empty());
    assert!(en("  \n\t ").is_empty());
    assert_eq!(en("."), ["."]);
    assert_eq!(en("! ! !"), ["! ! !"]);
}

#[test]
fn terminal_punctuation() {
    assert_eq!(
        en("Hello World. My name is Jonas."),
        ["Hello World.", "My name is Jonas."]
    );
    assert_eq!(en("Hello?! Is that you?"), ["Hello?!", "Is that you?"]);
    assert_eq!(
        en("She works at Yahoo! in the city."),
        ["She works at Yahoo! in the city."]
    );
    assert_eq!(en("What? - Posted here."), ["What?", "- Posted here."]);
}

#[test]
fn titles_never_end_a_sentence() {
    assert_eq!(
        en("Gov. Newsom met Sen. Padilla and Lt. Gen. Ray."),
        ["Gov. Newsom met Sen. Padilla and Lt. Gen. Ray."]
    );
    let d = explain("Mr. Smith left.", &Rules::for_language("en"));
    assert_eq!((d[0].split, d[0].rule), (false, "abbreviation:title"));
}

#[test]
fn abbreviations_end_before_a_sentence_starter() {
    assert_eq!(
        en("I live in the U.S. How about you?"),
        ["I live in the U.S.", "How about you?"]
    );
    assert_eq!(
        en("I work for the U.S. Government."),
        ["I work for the U.S. Government."]
    );
    assert_eq!(
        en("They met at Acme Inc. It was late."),
        ["They met at Acme Inc.", "It was late."]
    );
    assert_eq!(
        en("Apples, pears, etc. Then we left."),
        ["Apples, pears, etc.", "Then we left."]
    );
    assert_eq!(
        en("She lives on Main St. The house is red."),
        ["She lives on Main St.", "The house is red."]
    );
    // `St.` after a capitalised starter word is `Saint`, not a street.
    assert_eq!(
        en("In St. Louis, the team won. The St. Louis Cardinals won."),
        [
            "In St. Louis, the team won.",
            "The St. Louis Cardinals won."
        ]
    );
    assert_eq!(
        en("Go to 12 Elm St. Parking is free."),
        ["Go to 12 Elm St.", "Parking is free."]
    );
}

#[test]
fn end_abbreviations_split_before_any_capital() {
    assert_eq!(
        en("He was born in Fresno, Calif. Police said so."),
        ["He was born in Fresno, Calif.", "Police said so."]
    );
}

#[test]
fn time_abbreviations() {
    assert_eq!(
        en("At 5 a.m. Mr. Smith went out. He left at 6 P.M. Mr. Smith then slept."),
        [
            "At 5 a.m. Mr. Smith went out.",
            "He left at 6 P.M.",
            "Mr. Smith then slept."
        ]
    );
    assert_eq!(
        en("The vote is at 6 p.m. Tuesday."),
        ["The vote is at 6 p.m. Tuesday."]
    );
}

#[test]
fn number_prefixes_and_dates() {
    assert_eq!(en("Turn to p. 55 now."), ["Turn to p. 55 now."]);
    assert_eq!(en("He lives at No. 5 Elm."), ["He lives at No. 5 Elm."]);
    assert_eq!(
        en("Posted January. 10, 2019 08:04,"),
        ["Posted January. 10, 2019 08:04,"]
    );
    assert_eq!(
        en("Posted Aug. 2, 2023 17:20"),
        ["Posted Aug. 2, 2023 17:20"]
    );
    assert_eq!(split("Am 12. Juni war es.", "de"), ["Am 12. Juni war es."]);
    assert_eq!(
        split("2023.08.02. 오후 5:20", "ko"),
        ["2023.08.02. 오후 5:20"]
    );
}

#[test]
fn initials_and_single_letters() {
    assert_eq!(
        en("My name is Jonas E. Smith."),
        ["My name is Jonas E. Smith."]
    );
    assert_eq!(en("A.B. Smith & Co. won."), ["A.B. Smith & Co. won."]);
    assert_eq!(
        en("We chose Route C. Drivers agreed."),
        ["We chose Route C.", "Drivers agreed."]
    );
    assert_eq!(
        en("It was you and I. Did you see Albert I. Jones?"),
        ["It was you and I.", "Did you see Albert I. Jones?"]
    );
}

#[test]
fn numbers_urls_and_emails_never_split() {
    assert_eq!(
        en("She has $100.00 in 1.5% bonds."),
        ["She has $100.00 in 1.5% bonds."]
    );
    assert_eq!(
        en("Mail jane.doe@example.com. Then wait."),
        ["Mail jane.doe@example.com.", "Then wait."]
    );
    assert_eq!(
        en("See https://a.example.com/x.html now."),
        ["See https://a.example.com/x.html now."]
    );
    assert_eq!(
        split("引き下げ幅は３．２９％以上です。次へ。", "ja"),
        ["引き下げ幅は３．２９％以上です。", "次へ。"]
    );
}

#[test]
fn ellipses() {
    assert_eq!(
        en("I never meant that.... She left."),
        ["I never meant that....", "She left."]
    );
    assert_eq!(en("I was … well, tired."), ["I was … well, tired."]);
    assert_eq!(en("It is . . . I think so."), ["It is . . . I think so."]);
    assert_eq!(
        en("\"Bohr [...] used it [...]\" (Smith 55)."),
        ["\"Bohr [...] used it [...]\" (Smith 55)."]
    );
    assert_eq!(
        split("그가 말했다… 다음 문장이다.", "ko"),
        ["그가 말했다…", "다음 문장이다."]
    );
    assert_eq!(
        split("그리고… 다음 문장이다.", "ko"),
        ["그리고… 다음 문장이다."]
    );
}

#[test]
fn closing_quotes_and_attribution() {
    assert_eq!(
        en("It was “final.” The end."),
        ["It was “final.”", "The end."]
    );
    assert_eq!(
        en("She said, \"This is great.\" she said."),
        ["She said, \"This is great.\" she said."]
    );
    assert_eq!(
        en("“It is over. We won,” he said."),
        ["“It is over. We won,” he said."]
    );
    assert_eq!(
        en("“It is over. We won.” Then he left."),
        ["“It is over.", "We won.”", "Then he left."]
    );
    assert_eq!(
        en("He caved to the U.S.’ demands."),
        ["He caved to the U.S.’ demands."]
    );
    assert_eq!(en("Why? asked one lawmaker."), ["Why? asked one lawmaker."]);
}

#[test]
fn lists_and_bullets() {
    assert_eq!(
        en("1. The first item 2. The second item"),
        ["1. The first item", "2. The second item"]
    );
    assert_eq!(
        en("1) The first item 2) The second item"),
        ["1) The first item", "2) The second item"]
    );
    assert_eq!(
        en("a. The first item b. The second item"),
        ["a. The first item", "b. The second item"]
    );
    assert_eq!(
        en("• 9. First • 10. Second"),
        ["• 9. First", "• 10. Second"]
    );
}

#[test]
fn korean_endings_and_quotatives() {
    assert_eq!(
        split("비가 왔다.그래서 집에 있었다.", "ko"),
        ["비가 왔다.", "그래서 집에 있었다."]
    );
    assert_eq!(
        split("좋아요. 정말요?네!", "ko"),
        ["좋아요.", "정말요?", "네!"]
    );
    assert_eq!(
        split("그는 “끝났다.”라고 말했다.", "ko"),
        ["그는 “끝났다.”라고 말했다."]
    );
    assert_eq!(
        split("그는 \"가자.\"고 했다.", "ko"),
        ["그는 \"가자.\"고 했다."]
    );
}

#[test]
fn cjk_terminators_and_particles() {
    assert_eq!(
        split("これはペンです。それはマーカーです。", "ja"),
        ["これはペンです。", "それはマーカーです。"]
    );
    assert_eq!(
        split("彼は「行く。」と言った。次だ。", "ja"),
        ["彼は「行く。」と言った。", "次だ。"]
    );
    assert_eq!(
        split("他喊：“快跑！”于是大家都跑了。", "zh"),
        ["他喊：“快跑！”于是大家都跑了。"]
    );
    assert_eq!(
        split("去看《摔跤吧！爸爸》好吗？好！", "zh"),
        ["去看《摔跤吧！爸爸》好吗？", "好！"]
    );
}

#[test]
fn language_terminators() {
    assert_eq!(
        split("Բարև Ձեզ: Իմ անունն է:", "hy"),
        ["Բարև Ձեզ:", "Իմ անունն է:"]
    );
    assert_eq!(split("सच है। हो सकता है।", "hi"), ["सच है।", "हो सकता है।"]);
    assert_eq!(
        split("እንደምን አለህ፧መልካም ቀን።", "am"),
        ["እንደምን አለህ፧", "መልካም ቀን።"]
    );
}

#[test]
fn workspace_abbreviations() {
    let mut rules = Rules::for_language("en");
    let text = "He met Supv. Jones.";
    assert_eq!(sentences(text, &rules).len(), 2);
    rules.add_abbreviations(&["Supv"]);
    assert_eq!(sentences(text, &rules).len(), 1);
}

#[test]
fn workspace_no_break_patterns() {
    let mut rules = Rules::for_language("en");
    let text = "Under Cl. 4 the firm pays. It is in Cl. Then it ends.";
    assert_eq!(sentences(text, &rules).len(), 4);
    rules.add_no_break_patterns(&["Cl.| #"]).unwrap();
    let got: Vec<&str> = sentences(text, &rules)
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(
        got,
        [
            "Under Cl. 4 the firm pays.",
            "It is in Cl.",
            "Then it ends."
        ]
    );
    let decisions = explain(text, &rules);
    assert_eq!(
        (decisions[0].split, decisions[0].rule),
        (false, "workspace:no-break")
    );
    // Whole words only, and case-sensitive.
    for other in ["XCl. 4 more.", "cl. 4 more."] {
        assert_eq!(sentences(other, &rules).len(), 2, "{other}");
    }
    // `*` is one word; the part after `|` is optional.
    rules
        .add_no_break_patterns(&["Abs.| *", "Bros.|", "# ed.| *"])
        .unwrap();
    for text in [
        "See Abs. Drei for this.",
        "Warner Bros. The studio said no.",
        "Read the 2 ed. Oxford text.",
    ] {
        assert_eq!(sentences(text, &rules).len(), 1, "{text}");
    }
}

#[test]
fn workspace_no_break_patterns_stay_linear() {
    let mut rules = Rules::for_language("en");
    rules
        .add_no_break_patterns(&["# # # #.| #", "*.| *", "Cl.|"])
        .unwrap();
    let n = 200_000;
    for input in [
        "1 1 1 1. 1 ".repeat(n),
        "a. ".repeat(n),
        format!("{}. {}", "7".repeat(n), "8".repeat(n)),
        " ".repeat(n) + ". " + &"x".repeat(n),
    ] {
        let start = std::time::Instant::now();
        let _ = sentences(&input, &rules);
        assert!(
            start.elapsed().as_secs() < 20,
            "slow on {:?}…",
            &input[..20]
        );
    }
}

#[test]
fn abbreviations_before_modified_nouns_and_times() {
    assert_eq!(
        en("The U.S. Embassy and Hanwha Ocean Co. Chairman Kim met."),
        ["The U.S. Embassy and Hanwha Ocean Co. Chairman Kim met."]
    );
    assert_eq!(
        en("It moved to the U.S. Tesla followed."),
        ["It moved to the U.S.", "Tesla followed."]
    );
    assert_eq!(
        en("It ended at 9 p.m. Negotiators left. It starts at 9 a.m. Seoul time."),
        [
            "It ended at 9 p.m.",
            "Negotiators left.",
            "It starts at 9 a.m. Seoul time."
        ]
    );
    assert_eq!(
        en("They own Acme Co. Ltd. of Busan."),
        ["They own Acme Co. Ltd. of Busan."]
    );
    assert_eq!(
        en("It is at 12 Main St. Parking is free near St. Mary's."),
        ["It is at 12 Main St.", "Parking is free near St. Mary's."]
    );
    // Korean, Japanese and Chinese inherit the English abbreviations.
    assert_eq!(
        split("그는 Apple Inc. 관계자와 미국(U.S.) 측을 만났다.", "ko"),
        ["그는 Apple Inc. 관계자와 미국(U.S.) 측을 만났다."]
    );
}

#[test]
fn host_names_are_not_dotted_abbreviations() {
    assert_eq!(
        en("Results are at www.nec.go.kr. Turnout was 66.2%."),
        ["Results are at www.nec.go.kr.", "Turnout was 66.2%."]
    );
}

#[test]
fn korean_spaced_quotative_hada() {
    assert_eq!(
        split("그는 ‘정말 괜찮을까…’ 하고 생각했다.", "ko"),
        ["그는 ‘정말 괜찮을까…’ 하고 생각했다."]
    );
}

#[test]
fn korean_connective_nikka_is_not_an_ending() {
    assert_eq!(
        split("그러니까… 양보하자는 얘기다.", "ko"),
        ["그러니까… 양보하자는 얘기다."]
    );
    assert_eq!(
        split("그렇게 생각합니까… 다시 묻겠다.", "ko"),
        ["그렇게 생각합니까…", "다시 묻겠다."]
    );
}

#[test]
fn chinese_attribution_after_a_quote() {
    assert_eq!(split("“为什么？”他问。", "zh"), ["“为什么？”他问。"]);
    assert_eq!(
        split("他问道：“这是真的吗？”她点了点头。", "zh"),
        ["他问道：“这是真的吗？”", "她点了点头。"]
    );
}

#[test]
fn explain_agrees_with_sentences() {
    let rules = Rules::for_language("en");
    let text = "Mr. Smith left. He met the U.S. Government at 5 p.m. Then he slept.";
    let decisions = explain(text, &rules);
    let cuts: Vec<usize> = decisions
        .iter()
        .filter(|d| d.split)
        .map(|d| d.offset)
        .collect();
    let ends: Vec<usize> = sentences(text, &rules).iter().map(|r| r.end).collect();
    assert_eq!(cuts, ends[..ends.len() - 1]);
    assert!(
        decisions
            .iter()
            .any(|d| d.rule == "abbreviation:title" && !d.split)
    );
}

/// Pathological single-line inputs stay linear: each would take minutes if
/// any rule rescanned from the sentence start or the quotation start.
#[test]
fn linear_on_pathological_input() {
    let rules = Rules::for_language("en");
    let n = 200_000;
    let inputs = [
        "a.".repeat(n),
        "“a. B. ".repeat(n),
        "1. a ".repeat(n),
        ". ".repeat(n),
        format!("“{}", "x. Y ".repeat(n)),
        "(".repeat(n) + &")".repeat(n),
        "다.".repeat(n),
        "。」".repeat(n),
        "《".repeat(n) + "。",
        "\"".repeat(n) + &" A. b".repeat(n),
    ];
    for input in &inputs {
        let start = std::time::Instant::now();
        let ranges = sentences(input, &rules);
        assert!(
            start.elapsed().as_secs() < 20,
            "slow on {:?}…",
            &input[..20]
        );
        assert!(ranges.len() <= input.len());
    }
}

fn rule_at(text: &str, lang: &str, after: &str) -> (bool, &'static str) {
    let offset = text.find(after).expect("marker in text") + after.len();
    let d = explain(text, &Rules::for_language(lang));
    let d = d
        .iter()
        .find(|d| d.offset == offset)
        .expect("a candidate there");
    (d.split, d.rule)
}

#[test]
fn informal_sentences_start_in_lower_case_after_a_full_word() {
    assert_eq!(
        en("the bus was late again. we walked home."),
        ["the bus was late again.", "we walked home."]
    );
    assert_eq!(
        en("did you see the game? it went to overtime"),
        ["did you see the game?", "it went to overtime"]
    );
    assert_eq!(
        en("what a view ! worth every step"),
        ["what a view !", "worth every step"]
    );
    assert_eq!(
        rule_at("nice weather. let's go", "en", "weather."),
        (true, "lowercase-start")
    );
}

#[test]
fn lower_case_after_an_abbreviation_initial_number_or_quotation_continues() {
    for text in [
        "Bring approx. two litres of water.",
        "We met at 5 p.m. and talked.",
        "Apples, pears, etc. are sold here.",
        "It was signed by J. and then filed.",
        "He scored in round 3. and then again.",
        "“Stop right there.” she shouted.",
        "Courses in voc. ed. classes help.",
        "The dish takes 2 hrs. to bake.",
        // A capitalised word before `!` is a name (`Yahoo!`), not an end.
        "She played Jeopardy! on TV.",
    ] {
        assert_eq!(en(text), [text], "{text}");
    }
}

#[test]
fn symbols_can_start_a_sentence() {
    assert_eq!(
        en("That was all for today. *** Next week we start again."),
        ["That was all for today.", "*** Next week we start again."]
    );
    assert_eq!(
        rule_at("Read the notes. ==== Part two", "en", "notes."),
        (true, "symbol-start")
    );
    assert_eq!(
        en("Tickets On Sale Now! ***** Doors open at six."),
        ["Tickets On Sale Now!", "***** Doors open at six."]
    );
    // An emoticon belongs to the sentence before it.
    assert_eq!(
        rule_at("Loved it. :) Thanks", "en", "it."),
        (false, "no-sentence-start")
    );
}

#[test]
fn a_courtesy_title_or_a_title_after_a_name_end_starts_a_sentence() {
    assert_eq!(
        en("He moved to the U.K. Dr. Park stayed behind."),
        ["He moved to the U.K.", "Dr. Park stayed behind."]
    );
    assert_eq!(
        en("The deal went to Baxter Corp. Gov. Hale objected."),
        ["The deal went to Baxter Corp.", "Gov. Hale objected."]
    );
    // An office after a place abbreviation is one name.
    assert_eq!(
        en("She called U.S. Sen. Hale on Monday."),
        ["She called U.S. Sen. Hale on Monday."]
    );
    assert_eq!(
        rule_at("It was made in the U.K. Mrs. Ford said so.", "en", "U.K."),
        (true, "abbreviation:end-before-title")
    );
}

#[test]
fn capital_initials_without_a_number_are_no_time() {
    assert_eq!(
        en("The column was edited by P.M. Brennan for years."),
        ["The column was edited by P.M. Brennan for years."]
    );
    assert_eq!(
        en("The train left at 6 P.M. Nobody was on it."),
        ["The train left at 6 P.M.", "Nobody was on it."]
    );
}

#[test]
fn korean_title_brackets_and_ellipses_start_sentences() {
    assert_eq!(
        split("영화가 끝났다. <바다> 는 다음 달에 나온다.", "ko"),
        ["영화가 끝났다.", "<바다> 는 다음 달에 나온다."]
    );
    assert_eq!(
        split("책을 다 읽었다. 《봄날》은 두 번째 책이다.", "ko"),
        ["책을 다 읽었다.", "《봄날》은 두 번째 책이다."]
    );
    assert_eq!(
        split("비가 왔어요… 우리는 집에 있었다.", "ko"),
        ["비가 왔어요…", "우리는 집에 있었다."]
    );
}

#[test]
fn asides_in_brackets_and_dashes_continue_in_lower_case() {
    for text in [
        "The value (approx. nine) is fine.",
        "The tool (see. below) is new.",
        "We won -- hooray! -- and went home.",
        "Is it red? or is it blue?",
        "Add 3 fl. oz. of cream.",
        "Run `make. then` twice.",
    ] {
        assert_eq!(en(text), [text], "{text}");
    }
}
