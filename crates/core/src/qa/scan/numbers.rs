//! Numbers as prose writes them: in any script's digits, grouped and with
//! the decimal mark of the language, with CJK units (`3만`, `1億`) and scale
//! words (`1.2 million`), clock times; values kept as exact decimals (`Dec`).
use crate::qa::locale::decimal_comma;

/// The value of a decimal digit in the scripts translators use.
fn digit(c: char) -> Option<u8> {
    let base = match c {
        '0'..='9' => '0',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}', // fullwidth
        '\u{0660}'..='\u{0669}' => '\u{0660}', // Arabic-Indic
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}', // Extended Arabic-Indic
        '\u{0966}'..='\u{096F}' => '\u{0966}', // Devanagari
        _ => return None,
    };
    u8::try_from(c as u32 - base as u32).ok()
}

fn is_digit(c: Option<&char>) -> bool {
    c.is_some_and(|&c| digit(c).is_some())
}

/// A space that may group thousands (`10 000`, `10\u{a0}000`).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// An exact decimal `m × 10^e`, kept normalised (no trailing zeros in `m`),
/// so that equal values are equal structs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dec {
    m: u128,
    e: i32,
}

impl Dec {
    const ZERO: Dec = Dec { m: 0, e: 0 };
    /// Beyond this the value is not a number anyone writes in prose.
    const MAX_EXP: i32 = 64;

    fn new(mut m: u128, mut e: i32) -> Dec {
        if m == 0 {
            return Dec::ZERO;
        }
        while m.is_multiple_of(10) {
            m /= 10;
            e += 1;
        }
        Dec { m, e }
    }

    /// From a canonical string (`"1200"`, `"2.5"`).
    fn parse(canonical: &str) -> Option<Dec> {
        let (int, frac) = canonical.split_once('.').unwrap_or((canonical, ""));
        if int.len() + frac.len() > 38 {
            return None;
        }
        let digits = format!("{int}{frac}");
        let m: u128 = digits.parse().ok()?;
        let e = -i32::try_from(frac.len()).ok()?;
        Some(Dec::new(m, e))
    }

    fn scaled(self, k: i32) -> Option<Dec> {
        let e = self.e.checked_add(k)?;
        (e <= Dec::MAX_EXP).then_some(Dec::new(self.m, e))
    }

    fn add(self, other: Dec) -> Option<Dec> {
        if self.m == 0 {
            return Some(other);
        }
        if other.m == 0 {
            return Some(self);
        }
        let e = self.e.min(other.e);
        let widen = |d: Dec| -> Option<u128> {
            let shift = u32::try_from(d.e - e).ok()?;
            d.m.checked_mul(10u128.checked_pow(shift)?)
        };
        Some(Dec::new(widen(self)?.checked_add(widen(other)?)?, e))
    }

    /// Whether the value is below `10^exp`.
    fn below_pow10(self, exp: i32) -> bool {
        let digits = i32::try_from(self.m.to_string().len()).unwrap_or(i32::MAX);
        digits.saturating_add(self.e) <= exp
    }

    fn canonical(self) -> Option<String> {
        if self.m == 0 {
            return Some("0".to_string());
        }
        let m = self.m.to_string();
        if self.e >= 0 {
            if self.e > Dec::MAX_EXP {
                return None;
            }
            return Some(format!("{m}{}", "0".repeat(self.e as usize)));
        }
        let frac_len = self.e.unsigned_abs() as usize;
        if frac_len > 4 * Dec::MAX_EXP as usize {
            return None;
        }
        if m.len() > frac_len {
            let (int, frac) = m.split_at(m.len() - frac_len);
            Some(format!("{int}.{frac}"))
        } else {
            Some(format!("0.{}{m}", "0".repeat(frac_len - m.len())))
        }
    }
}

/// The canonical form of a number written as integer and fraction digits:
/// no leading zeros, no trailing fractional zeros (`007` → `7`, `1.50` → `1.5`).
fn canonical(int: &str, frac: &str) -> String {
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// Digits joined by separators that may be grouping or decimal marks:
/// `1,000.5` is groups `1` `000` `5` and separators `,` `.`.
struct Run {
    groups: Vec<String>,
    seps: Vec<char>,
    end: usize,
}

fn read_digits(c: &[char], start: usize) -> (String, usize) {
    let mut s = String::new();
    let mut i = start;
    while let Some(d) = c.get(i).and_then(|&ch| digit(ch)) {
        s.push(char::from(b'0' + d));
        i += 1;
    }
    (s, i)
}

fn read_run(c: &[char], start: usize) -> Run {
    let (first, mut end) = read_digits(c, start);
    let mut run = Run {
        groups: vec![first],
        seps: Vec::new(),
        end,
    };
    while let Some(&sep) = c.get(end) {
        if !is_digit(c.get(end + 1)) {
            break;
        }
        let (group, next) = read_digits(c, end + 1);
        let last_len = run.groups.last().map_or(0, String::len);
        let ok = match sep {
            ',' | '.' => true,
            '\'' | '’' => group.len() == 3 && last_len <= 3,
            _ if is_group_space(sep) => {
                group.len() == 3
                    && last_len <= 3
                    && (run.groups.len() == 1 || last_len == 3)
                    && !is_digit(c.get(next))
            }
            _ => false,
        };
        if !ok {
            break;
        }
        run.groups.push(group);
        run.seps.push(sep);
        end = next;
    }
    run.end = end;
    run
}

impl Run {
    /// The value when `dec` is the decimal mark and any one other separator
    /// groups thousands; `None` when the run does not read that way.
    fn value_with(&self, dec: char) -> Option<String> {
        let n = self.seps.len();
        let (int_groups, int_seps, frac) = if n > 0 && self.seps[n - 1] == dec {
            (
                &self.groups[..n],
                &self.seps[..n - 1],
                self.groups[n].as_str(),
            )
        } else {
            (&self.groups[..], &self.seps[..], "")
        };
        if let Some(&grouping) = int_seps.first() {
            if grouping == dec || int_seps.iter().any(|&s| s != grouping) {
                return None;
            }
            if !(1..=3).contains(&int_groups[0].len())
                || int_groups[1..].iter().any(|g| g.len() != 3)
            {
                return None;
            }
        }
        Some(canonical(&int_groups.concat(), frac))
    }

    fn parts(&self) -> Vec<String> {
        self.groups.iter().map(|g| canonical(g, "")).collect()
    }

    /// The values the run may stand for. In the source: what the source
    /// language means, plus the other reading where a lone separator is
    /// ambiguous (`1.000` in English); in the translation: every reading.
    /// `parts` is set when no reading fits and the run is a list (`10.01.2019`).
    fn interpret(&self, comma_dec: bool, translation: bool) -> (Vec<String>, Vec<String>) {
        let (own, other) = if comma_dec { (',', '.') } else { ('.', ',') };
        let first = self.value_with(own);
        let second = self.value_with(other);
        let mut values = Vec::new();
        let mut parts = Vec::new();
        if translation {
            values.extend(first);
            values.extend(second);
            values.dedup();
            if values.is_empty() {
                parts = self.parts();
            }
        } else {
            match first {
                Some(v) => {
                    values.push(v);
                    let lone_decimal =
                        self.seps.len() == 1 && self.seps[0] == own && self.groups[1].len() == 3;
                    if lone_decimal {
                        values.extend(second);
                    }
                }
                None => {
                    values.extend(second);
                    parts = self.parts();
                }
            }
        }
        (values, parts)
    }

    /// The value used for arithmetic (units, scale words).
    fn main_value(&self, comma_dec: bool) -> Option<Dec> {
        let (own, other) = if comma_dec { (',', '.') } else { ('.', ',') };
        let v = self.value_with(own).or_else(|| self.value_with(other))?;
        Dec::parse(&v)
    }
}

/// A CJK number unit: its power of ten and whether it is a myriad unit
/// (만/万 10⁴, 억/億 10⁸, 조/兆 10¹²) that closes a section.
fn cjk_unit(c: char) -> Option<(i32, bool)> {
    match c {
        '십' | '十' | '拾' => Some((1, false)),
        '백' | '百' | '佰' => Some((2, false)),
        '천' | '千' | '仟' => Some((3, false)),
        '만' | '万' | '萬' => Some((4, true)),
        '억' | '億' | '亿' => Some((8, true)),
        '조' | '兆' => Some((12, true)),
        _ => None,
    }
}

fn unit_at(c: &[char], i: usize) -> Option<(i32, bool)> {
    c.get(i).and_then(|&ch| cjk_unit(ch))
}

/// A number written with CJK units from `start` (`1억 2천만`, `2.5억`, `3万`,
/// `1万2000`): its values (with and without a trailing bare number; for a
/// lone `조`, the bare number too, as in `제3조`) and where it ends.
fn cjk_number(c: &[char], start: usize, comma_dec: bool) -> Option<(Vec<String>, usize)> {
    let mut total = Dec::ZERO;
    let mut section = Dec::ZERO;
    let mut pos = start;
    let mut last_big: Option<i32> = None;
    let mut runs = 0;
    let mut lone_value = None;
    let mut without_trailing = None;
    loop {
        let run = read_run(c, pos);
        let v = run.main_value(comma_dec)?;
        runs += 1;
        let mut p = run.end;
        match unit_at(c, p) {
            Some((exp, false)) => {
                section = section.add(v.scaled(exp)?)?;
                p += 1;
                if let Some((big, true)) = unit_at(c, p) {
                    total = total.add(section.scaled(big)?)?;
                    section = Dec::ZERO;
                    last_big = Some(big);
                    p += 1;
                }
            }
            Some((exp, true)) => {
                section = section.add(v)?;
                total = total.add(section.scaled(exp)?)?;
                section = Dec::ZERO;
                last_big = Some(exp);
                if exp == 12 && runs == 1 {
                    lone_value = Some(v);
                }
                p += 1;
            }
            None => return None,
        }
        pos = p;
        // Go on with the next group: directly (`1억2천만`) or after one space.
        let next = if is_digit(c.get(pos)) {
            pos
        } else if c.get(pos) == Some(&' ') && is_digit(c.get(pos + 1)) {
            pos + 1
        } else {
            break;
        };
        let peek = read_run(c, next);
        if unit_at(c, peek.end).is_some() {
            pos = next;
            continue;
        }
        // A bare number after a myriad unit: `12만 3,456`, `1万2000`.
        if let (Some(big), true) = (last_big, section == Dec::ZERO)
            && let Some(v) = peek.main_value(comma_dec)
            && v.below_pow10(big)
        {
            without_trailing = Some(total);
            total = total.add(v)?;
            pos = peek.end;
        }
        break;
    }
    let total = total.add(section)?;
    let mut values = vec![total.canonical()?];
    values.extend(without_trailing.and_then(Dec::canonical));
    if runs == 1 {
        values.extend(lone_value.and_then(Dec::canonical));
    }
    Some((values, pos))
}

/// A scale word after a number (`1.2 million`, `3 Mrd.`): its power of ten.
fn scale_word(c: &[char], end: usize) -> Option<i32> {
    let mut i = end;
    if c.get(i).is_some_and(|&ch| is_group_space(ch)) {
        i += 1;
    }
    let word: String = c[i.min(c.len())..]
        .iter()
        .take_while(|ch| ch.is_alphabetic())
        .take(12)
        .flat_map(|ch| ch.to_lowercase())
        .collect();
    let exp = match word.as_str() {
        "thousand" | "thousands" | "tausend" => 3,
        "million" | "millions" | "mn" | "millionen" | "mio" | "millón" | "millones" | "milione"
        | "milioni" => 6,
        "billion" | "billions" | "bn" | "milliard" | "milliards" | "milliarde" | "milliarden"
        | "mrd" | "miliardo" | "miliardi" => 9,
        "trillion" | "trillions" => 12,
        _ => return None,
    };
    Some(exp)
}

/// A clock time at `start` (`08:04`, `8:04:00`): hours, minutes and its end.
fn time_at(c: &[char], start: usize) -> Option<(u32, u32, usize)> {
    let (h, i) = read_digits(c, start);
    if !(1..=2).contains(&h.len()) || c.get(i) != Some(&':') {
        return None;
    }
    let (m, j) = read_digits(c, i + 1);
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok().filter(|_| m.len() == 2)?);
    if h > 24 || m > 59 {
        return None;
    }
    // Seconds belong to the time too.
    let mut end = j;
    if c.get(j) == Some(&':') {
        let (s, k) = read_digits(c, j + 1);
        if s.len() == 2 {
            end = k;
        }
    }
    Some((h, m, end))
}

/// A number of a text, as the numbers check sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NumToken {
    /// As written, for messages.
    pub(crate) text: String,
    /// Canonical values: any one of them in the translation will do.
    pub(crate) values: Vec<String>,
    /// When no single value fits (`10.01.2019`), its parts: all must be there.
    pub(crate) parts: Vec<String>,
    /// A clock time (hours, minutes).
    pub(crate) time: Option<(u32, u32)>,
    /// A month written as a number (`1월`, `1月`), which a month name satisfies.
    pub(crate) month: Option<u32>,
}

/// The numbers of `text` (whose URLs, placeholders and such are already
/// blanked out), read with the conventions of `lang`.
pub(crate) fn scan_numbers(text: &str, lang: &str, translation: bool) -> Vec<NumToken> {
    let c: Vec<char> = text.chars().collect();
    let comma_dec = decimal_comma(lang);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if digit(c[i]).is_none() {
            i += 1;
            continue;
        }
        if let Some((h, m, end)) = time_at(&c, i) {
            tokens.push(NumToken {
                text: c[i..end].iter().collect(),
                time: Some((h, m)),
                ..NumToken::default()
            });
            i = end;
            continue;
        }
        let run = read_run(&c, i);
        if unit_at(&c, run.end).is_some()
            && let Some((values, end)) = cjk_number(&c, i, comma_dec)
        {
            tokens.push(NumToken {
                text: c[i..end].iter().collect(),
                values,
                ..NumToken::default()
            });
            i = end.max(i + 1);
            continue;
        }
        let (mut values, parts) = run.interpret(comma_dec, translation);
        if let Some(exp) = scale_word(&c, run.end) {
            let scaled: Vec<String> = values
                .iter()
                .filter_map(|v| Dec::parse(v)?.scaled(exp)?.canonical())
                .collect();
            values.extend(scaled);
        }
        let month = match c.get(run.end) {
            Some('월' | '月') if run.seps.is_empty() => run.groups[0]
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m)),
            _ => None,
        };
        tokens.push(NumToken {
            text: c[i..run.end].iter().collect(),
            values,
            parts,
            time: None,
            month,
        });
        i = run.end.max(i + 1);
    }
    tokens
}
