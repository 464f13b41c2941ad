//! Placeholders in a text: printf conversions (`%s`, `%1$s`, `%(name)s`),
//! positional arguments (`{0}`) and Fluent variables and terms (`{ $n }`).
use std::fmt;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Placeholder {
    /// `%s`, `%1$s`, `%.2f`, `%(name)s`: as written.
    Printf(String),
    /// `{0}`.
    Positional(String),
    /// A Fluent variable `$name` or term `-name`.
    Fluent(String),
}

impl fmt::Display for Placeholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Placeholder::Printf(p) | Placeholder::Positional(p) => f.write_str(p),
            Placeholder::Fluent(name) => write!(f, "{{ {name} }}"),
        }
    }
}

fn ident_len(bytes: &[u8], start: usize) -> usize {
    if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count()
}

/// A printf conversion at `start` (a `%`): its end.
fn printf_at(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    let digits = |i: usize| {
        bytes[i.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // %(name)s
    if bytes.get(i) == Some(&b'(') {
        let n = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        if n == 0 || bytes.get(i + 1 + n) != Some(&b')') {
            return None;
        }
        i += n + 2;
    }
    // %1$s
    let n = digits(i);
    if n > 0 && bytes.get(i + n) == Some(&b'$') {
        i += n + 1;
    }
    while bytes
        .get(i)
        .is_some_and(|b| matches!(b, b'-' | b'+' | b'0' | b'#' | b'\''))
    {
        i += 1;
    }
    if bytes.get(i) == Some(&b'*') {
        i += 1;
    } else {
        i += digits(i);
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if bytes.get(i) == Some(&b'*') {
            i += 1;
        } else {
            i += digits(i);
        }
    }
    for length in [&b"hh"[..], b"ll", b"h", b"l", b"L", b"q", b"j", b"z", b"t"] {
        if bytes.get(i..i + length.len()) == Some(length) {
            i += length.len();
            break;
        }
    }
    // `%p` and `%n` are left out: `3.5%p` is Korean for percentage points.
    matches!(
        bytes.get(i),
        Some(
            b'd' | b'i'
                | b'o'
                | b'u'
                | b'x'
                | b'X'
                | b'e'
                | b'E'
                | b'f'
                | b'F'
                | b'g'
                | b'G'
                | b'a'
                | b'A'
                | b'c'
                | b's'
                | b'@'
        )
    )
    .then_some(i + 1)
}

/// The placeholders of a text with their byte ranges (for a Fluent
/// placeable, the whole `{ … }`).
pub(crate) fn find_placeholders(text: &str) -> Vec<(Range<usize>, Placeholder)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    // Fluent references inside the current outermost placeable.
    let mut refs: Vec<Placeholder> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if bytes.get(i + 1) == Some(&b'%') => i += 2,
            b'%' => {
                let after_digit = i > 0 && bytes[i - 1].is_ascii_digit();
                match printf_at(bytes, i).filter(|_| !after_digit) {
                    Some(end) => {
                        found.push((i..end, Placeholder::Printf(text[i..end].to_string())));
                        i = end;
                    }
                    None => i += 1,
                }
            }
            b'{' => {
                let n = bytes[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if n > 0 && matches!(bytes.get(i + 1 + n), Some(b'}' | b',')) {
                    let end = if bytes[i + 1 + n] == b'}' {
                        i + n + 2
                    } else {
                        // `{0,number}`: the argument ends at the next `}`, close by.
                        bytes[i..]
                            .iter()
                            .take(256)
                            .position(|b| *b == b'}')
                            .map_or(i + 1 + n, |at| i + at + 1)
                    };
                    found.push((
                        i..end,
                        Placeholder::Positional(format!("{{{}}}", &text[i + 1..i + 1 + n])),
                    ));
                    i = end;
                    continue;
                }
                open.push(i);
                // A term reference opens the placeable: `{ -brand-name }`.
                let mut j = i + 1;
                while bytes.get(j).is_some_and(|b| *b == b' ') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'-') {
                    let n = ident_len(bytes, j + 1);
                    if n > 0 {
                        refs.push(Placeholder::Fluent(text[j..j + 1 + n].to_string()));
                    }
                }
                i += 1;
            }
            b'}' => {
                if let Some(start) = open.pop()
                    && open.is_empty()
                {
                    for r in refs.drain(..) {
                        found.push((start..i + 1, r));
                    }
                }
                i += 1;
            }
            b'$' if !open.is_empty() => {
                let n = ident_len(bytes, i + 1);
                if n > 0 {
                    refs.push(Placeholder::Fluent(text[i..i + 1 + n].to_string()));
                }
                i += 1 + n;
            }
            _ => i += 1,
        }
    }
    found
}
