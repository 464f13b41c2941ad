//! What the checks know about languages: the primary subtag, who writes a
//! decimal comma, numbers and months spelled out in words, and the usual
//! length of a translation for a language pair.
use std::collections::HashSet;

/// The primary language subtag, lower-cased (`pt-BR` → `pt`).
pub(in crate::qa) fn primary(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Languages that write a decimal comma (`1,5`) and group thousands with `.`
/// or a space.
pub(in crate::qa) fn decimal_comma(lang: &str) -> bool {
    matches!(
        primary(lang).as_str(),
        "af" | "az"
            | "be"
            | "bg"
            | "bs"
            | "ca"
            | "cs"
            | "da"
            | "de"
            | "el"
            | "es"
            | "et"
            | "eu"
            | "fi"
            | "fr"
            | "gl"
            | "hr"
            | "hu"
            | "id"
            | "is"
            | "it"
            | "ka"
            | "kk"
            | "lt"
            | "lv"
            | "mk"
            | "nb"
            | "nl"
            | "nn"
            | "no"
            | "pl"
            | "pt"
            | "ro"
            | "ru"
            | "sk"
            | "sl"
            | "sq"
            | "sr"
            | "sv"
            | "tr"
            | "uk"
            | "vi"
    )
}

/// The numbers from one to ten a word spells (`three`, Korean `세`, `다섯째`,
/// Chinese and Japanese `三`): small counts are often written out.
pub(in crate::qa) fn spelled_numbers(word: &str, found: &mut HashSet<u32>) {
    const ENGLISH: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    // Korean native numerals: determiners stand alone (`세 차례`), nouns and
    // ordinals take particles (`다섯째`, `하나를`).
    const KOREAN_ALONE: [(&str, u32); 7] = [
        ("한", 1),
        ("두", 2),
        ("세", 3),
        ("네", 4),
        ("열", 10),
        ("첫", 1),
        ("셋", 3),
    ];
    const KOREAN_PREFIX: [(&str, u32); 9] = [
        ("하나", 1),
        ("둘", 2),
        ("넷", 4),
        ("다섯", 5),
        ("여섯", 6),
        ("일곱", 7),
        ("여덟", 8),
        ("아홉", 9),
        ("첫째", 1),
    ];
    const CJK: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let lower = word.to_lowercase();
    if let Some(i) = ENGLISH.iter().position(|w| *w == lower) {
        found.insert(i as u32 + 1);
    }
    found.extend(
        KOREAN_ALONE
            .iter()
            .filter(|(w, _)| *w == word)
            .map(|(_, n)| *n),
    );
    found.extend(
        KOREAN_PREFIX
            .iter()
            .filter(|(w, _)| word.starts_with(w))
            .map(|(_, n)| *n),
    );
    for c in word.chars() {
        if let Some(i) = CJK.iter().position(|x| *x == c) {
            found.insert(i as u32 + 1);
        }
    }
}

/// Month names and abbreviations (English, German, French, Spanish, Italian,
/// Portuguese) that can stand for a month written as a number.
pub(in crate::qa) fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &[
            "january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro",
        ],
        &[
            "february",
            "feb",
            "februar",
            "février",
            "febrero",
            "febbraio",
            "fevereiro",
        ],
        &["march", "mar", "märz", "mars", "marzo", "março"],
        &["april", "apr", "avril", "abril", "aprile"],
        &["may", "mai", "mayo", "maggio", "maio"],
        &["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
        &["july", "jul", "juli", "juillet", "julio", "luglio", "julho"],
        &["august", "aug", "août", "agosto"],
        &[
            "september",
            "sep",
            "sept",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
        ],
        &[
            "october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro",
        ],
        &["november", "nov", "novembre", "noviembre", "novembro"],
        &[
            "december",
            "dec",
            "dezember",
            "décembre",
            "diciembre",
            "dicembre",
            "dezembro",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LengthGroup {
    /// English and the other languages of Europe (Latin, Cyrillic, Greek).
    European,
    Korean,
    Japanese,
    Chinese,
    Other,
}

fn length_group(lang: &str) -> LengthGroup {
    match primary(lang).as_str() {
        "ko" => LengthGroup::Korean,
        "ja" => LengthGroup::Japanese,
        "zh" | "yue" | "cmn" => LengthGroup::Chinese,
        "en" | "de" | "fr" | "es" | "it" | "pt" | "nl" | "sv" | "da" | "nb" | "no" | "nn"
        | "fi" | "pl" | "cs" | "sk" | "sl" | "hr" | "sr" | "bs" | "ro" | "hu" | "et" | "lv"
        | "lt" | "ca" | "gl" | "eu" | "is" | "ga" | "cy" | "tr" | "id" | "ms" | "ru" | "uk"
        | "be" | "bg" | "el" | "mk" | "sq" | "af" | "lb" | "mt" => LengthGroup::European,
        _ => LengthGroup::Other,
    }
}

/// The usual band of translation chars / source chars for a language pair.
pub(in crate::qa) fn length_band(source_lang: &str, target_lang: &str) -> (f64, f64) {
    use LengthGroup::*;
    if primary(source_lang) == primary(target_lang) {
        return (0.6, 1.6);
    }
    let from_english = primary(source_lang) == "en";
    match (length_group(source_lang), length_group(target_lang)) {
        (European, European) if from_english => (0.7, 1.8),
        (European, European) if primary(target_lang) == "en" => (0.55, 1.45),
        (European, European) => (0.55, 1.8),
        (European, Korean) => (0.3, 1.2),
        (Korean, European) => (0.8, 3.4),
        (European, Japanese | Chinese) => (0.2, 0.9),
        (Japanese | Chinese, European) => (1.1, 5.0),
        (Korean, Japanese) => (0.5, 1.6),
        (Japanese, Korean) => (0.6, 2.0),
        (Korean, Chinese) => (0.35, 1.2),
        (Chinese, Korean) => (0.8, 2.9),
        (Japanese, Chinese) => (0.45, 1.3),
        (Chinese, Japanese) => (0.75, 2.2),
        _ => (0.25, 3.0),
    }
}
