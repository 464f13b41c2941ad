use super::*;

fn en() -> Changes {
    Changes::for_lang("en")
}

#[test]
fn cosmetic_edits_of_each_kind() {
    let en = en();
    for (old, new) in [
        ("It's a  test.", "It’s a test."),
        ("He said \"yes\".", "He said “yes”."),
        ("Wait...", "Wait…"),
        ("1990-2000 was long.", "1990–2000 was long."),
        ("Pay 10 000 won.", "Pay 10\u{a0}000 won."),
        ("Café.", "Cafe\u{301}."),
        ("A ﬁne day.", "A fine day."),
        ("Soft\u{ad}ware.", "Software."),
    ] {
        assert!(en.cosmetic(old, new), "{old:?} → {new:?}");
    }
}

#[test]
fn meaningful_edits_are_not_cosmetic() {
    let en = en();
    for (old, new) in [
        ("It's a test.", "It's a \"test\"."),
        ("Area in m².", "Area in m2."),
        ("He won.", "He won!"),
        ("He won.", "he won."),
        ("A notebook.", "A note book."),
    ] {
        assert!(!en.cosmetic(old, new), "{old:?} → {new:?}");
    }
}

#[test]
fn reasons_of_each_kind() {
    let en = en();
    let cases: [(&str, &str, &[Reason]); 7] = [
        (
            "It costs 5 dollars.",
            "It costs 6 dollars.",
            &[Reason::Number],
        ),
        ("He came.", "He never came.", &[Reason::Negation]),
        ("He can come.", "He can’t come.", &[Reason::Negation]),
        (
            "See [the docs](https://a.example/x).",
            "See [the docs](https://a.example/y).",
            &[Reason::Link],
        ),
        (
            "We met Kim Jong-un there.",
            "We met Moon Jae-in there.",
            &[Reason::Name],
        ),
        ("Run `make` now.", "Run `make all` now.", &[Reason::Markup]),
        ("The cat sat.", "The dog sat.", &[Reason::Wording]),
    ];
    for (old, new, reasons) in cases {
        assert_eq!(en.reasons(old, new), reasons, "{old:?} → {new:?}");
    }
    assert_eq!(
        en.reasons("It rose 5% in May.", "It did not rise 7% in June."),
        [
            Reason::Number,
            Reason::Negation,
            Reason::Name,
            Reason::Wording
        ]
    );
}

#[test]
fn korean_negations_are_data() {
    let ko = Changes::for_lang("ko");
    assert_eq!(
        ko.reasons("그는 갔다.", "그는 가지 않았다."),
        [Reason::Negation, Reason::Wording]
    );
    assert_eq!(
        ko.reasons("그는 갔다.", "그는 안 갔다."),
        [Reason::Negation]
    );
    assert!(ko.cosmetic("그는 “갔다”.", "그는 \"갔다\"."));
}

/// The hand-labelled pairs of tests/data/change-classes.tsv: previous
/// source, source, and `cosmetic` or the reasons, comma-separated. A
/// meaningful edit is never called cosmetic.
#[test]
fn labelled_edits() {
    let en = en();
    let data = include_str!("../../../../tests/data/change-classes.tsv");
    let (mut cases, mut cosmetic_called, mut cosmetic_right) = (0, 0, 0);
    let mut wrong = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "three fields: {line:?}");
        let (old, new, expected) = (unescape_tsv(fields[0]), unescape_tsv(fields[1]), fields[2]);
        cases += 1;
        let got = if en.cosmetic(&old, &new) {
            cosmetic_called += 1;
            if expected == "cosmetic" {
                cosmetic_right += 1;
            }
            "cosmetic".to_string()
        } else {
            let reasons: Vec<&str> = en.reasons(&old, &new).iter().map(|r| r.as_str()).collect();
            reasons.join(",")
        };
        if got != expected {
            wrong.push(format!("{old:?} → {new:?}: {got}, labelled {expected}"));
        }
    }
    assert!(cases >= 40, "at least 40 labelled edits, {cases}");
    assert_eq!(
        cosmetic_right, cosmetic_called,
        "precision of cosmetic: {wrong:#?}"
    );
    assert!(
        wrong.is_empty(),
        "{} of {cases} misclassified: {wrong:#?}",
        wrong.len()
    );
}

/// `\t`, `\u{…}` and `\\` in the data file.
fn unescape_tsv(field: &str) -> String {
    let mut out = String::new();
    let mut rest = field;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        if let Some(hex) = rest.strip_prefix("u{") {
            let end = hex.find('}').expect("closed escape");
            out.push(char::from_u32(u32::from_str_radix(&hex[..end], 16).unwrap()).unwrap());
            rest = &hex[end + 1..];
        } else if let Some(r) = rest.strip_prefix('t') {
            out.push('\t');
            rest = r;
        } else {
            out.push('\\');
            rest = rest.strip_prefix('\\').unwrap_or(rest);
        }
    }
    out.push_str(rest);
    out
}
