//! Per-language segmentation data, kept as plain text files so that a
//! language can be taught new abbreviations without touching the algorithm.
//!
//! Each file under `rules/` is embedded with `include_str!`. A file is a list
//! of `[class]` sections, each holding white-space separated entries; `#`
//! starts a comment. The language-neutral `base.rules` (script-wide facts such
//! as Korean sentence-final endings) is merged into every language, then the
//! language's own file, picked by the BCP 47 tag with a fallback chain
//! (`en-GB` → `en` → neutral). A file may pull in another language's file
//! with an `[inherit]` section: Korean, Japanese and Chinese news quote
//! English names and abbreviations (`Apple Inc.`, `Aug. 15`), so their files
//! inherit `en`.
use rustc_hash::FxHashSet;

/// The word sets of a language. Keys are short words from our own rule files
/// and the workspace's configuration, never from an adversary, so a fast
/// non-cryptographic hash (FxHash, as in rustc) replaces SipHash: lookups are
/// the segmenter's hottest path after the byte scan.
type WordSet = FxHashSet<String>;

/// How many `[inherit]` levels are followed (guards against cycles).
const INHERIT_DEPTH: usize = 2;

/// Longest run of digits, word characters or white space a no-break pattern
/// matches, in bytes: keeps the work per candidate constant.
const RUN_LIMIT: usize = 64;

/// Embedded rule files, by lower-case language subtag.
const FILES: &[(&str, &str)] = &[
    ("am", include_str!("rules/am.rules")),
    ("ar", include_str!("rules/ar.rules")),
    ("bg", include_str!("rules/bg.rules")),
    ("da", include_str!("rules/da.rules")),
    ("de", include_str!("rules/de.rules")),
    ("el", include_str!("rules/el.rules")),
    ("en", include_str!("rules/en.rules")),
    ("es", include_str!("rules/es.rules")),
    ("fa", include_str!("rules/fa.rules")),
    ("fr", include_str!("rules/fr.rules")),
    ("hi", include_str!("rules/hi.rules")),
    ("hy", include_str!("rules/hy.rules")),
    ("it", include_str!("rules/it.rules")),
    ("ja", include_str!("rules/ja.rules")),
    ("kk", include_str!("rules/kk.rules")),
    ("ko", include_str!("rules/ko.rules")),
    ("mr", include_str!("rules/mr.rules")),
    ("my", include_str!("rules/my.rules")),
    ("nl", include_str!("rules/nl.rules")),
    ("pl", include_str!("rules/pl.rules")),
    ("ru", include_str!("rules/ru.rules")),
    ("sk", include_str!("rules/sk.rules")),
    ("ur", include_str!("rules/ur.rules")),
    ("zh", include_str!("rules/zh.rules")),
];

const BASE: &str = include_str!("rules/base.rules");

/// The segmentation rules of one language.
///
/// Abbreviation entries are stored lower-cased and without their final dot,
/// so that lookups are case-insensitive (`Co.` and `co.` behave alike).
#[derive(Debug, Clone)]
pub struct Rules {
    pub(crate) tag: String,
    /// Prepositive titles (`Mr`, `Gov`): never end a sentence.
    pub(crate) titles: WordSet,
    /// Abbreviations that end a sentence only before a sentence-starter word
    /// (`U.S`, `Inc`, `St`): a capitalised noun after them is usually a name
    /// they modify (`U.S. Government`).
    pub(crate) abbreviations: WordSet,
    /// Abbreviations that end a sentence before any capitalised word except a
    /// title (`etc`, `Calif`).
    pub(crate) end_abbreviations: WordSet,
    /// Street abbreviations (`St`, `Ave`): after a name or a number they end
    /// an address, and then behave like `end_abbreviations`.
    pub(crate) streets: Vec<String>,
    /// `a.m`, `p.m`: end a sentence before a capitalised word unless it
    /// continues the time (`time_followers`).
    pub(crate) time_abbreviations: WordSet,
    /// Capitalised words that continue a time (`5 p.m. Tuesday`, `9 a.m. EST`).
    pub(crate) time_followers: WordSet,
    /// Places that continue a time only before a time word (`7 p.m. Seoul
    /// time`, but `7 a.m. Japan protested`).
    pub(crate) time_places: WordSet,
    /// Capitalised words an abbreviation before them modifies (`U.S.
    /// President`, `Co. Chairman`): no boundary between the two.
    pub(crate) modified: WordSet,
    /// Never end a sentence before a number (`No`, `p`, `Rs`).
    pub(crate) number_prefixes: WordSet,
    /// Month names: never end a sentence before a number (dates).
    pub(crate) months: WordSet,
    /// Closed-class words that start sentences (`The`, `He`, `However`).
    pub(crate) starters: WordSet,
    /// Nouns that take a letter designator (`Route C`), so the letter is not
    /// an initial.
    pub(crate) designators: WordSet,
    /// Extra terminators of the language (Armenian `:`, Arabic `،`).
    pub(crate) extra_terminators: Vec<char>,
    /// Bit set of the ASCII extra terminators, for the scanner's fast path.
    pub(crate) ascii_terminators: u128,
    /// Korean sentence-final syllables (`다`, `요`).
    pub(crate) endings: Vec<char>,
    /// Korean quotative particles after a closing quote (`라고`).
    pub(crate) quotatives: Vec<String>,
    /// Japanese particles after a closing quote (`と`).
    pub(crate) particles: Vec<String>,
    /// Chinese characters that continue a clause after a closing quote (`于是`).
    pub(crate) continuations: Vec<String>,
    /// Chinese verbs of saying: a short clause ending in one after a closing
    /// quote is its attribution (`“为什么？”他问。`).
    pub(crate) attributions: Vec<String>,
    /// A sentence may start with a lower-case letter (`[sentence-starts]
    /// lowercase`): informal writing does, after a full word and a terminator.
    pub(crate) lowercase_starts: bool,
    /// A sentence may start with a symbol (`[sentence-starts] symbol`): `***`,
    /// `=====`, `> quoted`, `#tag` after a full word and a terminator.
    pub(crate) symbol_starts: bool,
    /// Courtesy titles (`Mr`, `Dr`): unlike an office (`Sen.`, `Gov.`), no
    /// place or company abbreviation before one modifies it, so `U.S. Mr.`
    /// is a sentence end.
    pub(crate) courtesy_titles: WordSet,
    /// Abbreviations that end a name (`Inc`, `Co`, `Jr`): they modify no
    /// title after them, so `Acme Co. Gov. Smith` is a sentence end.
    pub(crate) name_ends: WordSet,
    /// Units written after a number (`6 in.`, `2 hrs.`): no sentence end
    /// before a lower-case word.
    pub(crate) units: WordSet,
    /// Lower-case words that continue a sentence after a terminator (`red?
    /// or blue?`): they join alternatives, they start nothing.
    pub(crate) continuers: WordSet,
    /// Workspace no-break patterns (see [`Rules::add_no_break_patterns`]).
    pub(crate) no_break: Vec<NoBreak>,
}

impl Default for Rules {
    /// The language-neutral rules.
    fn default() -> Rules {
        let mut rules = Rules {
            tag: String::new(),
            titles: WordSet::default(),
            abbreviations: WordSet::default(),
            end_abbreviations: WordSet::default(),
            time_abbreviations: WordSet::default(),
            streets: Vec::new(),
            time_followers: WordSet::default(),
            time_places: WordSet::default(),
            modified: WordSet::default(),
            number_prefixes: WordSet::default(),
            months: WordSet::default(),
            starters: WordSet::default(),
            designators: WordSet::default(),
            extra_terminators: Vec::new(),
            ascii_terminators: 0,
            endings: Vec::new(),
            quotatives: Vec::new(),
            particles: Vec::new(),
            continuations: Vec::new(),
            attributions: Vec::new(),
            lowercase_starts: false,
            symbol_starts: false,
            courtesy_titles: WordSet::default(),
            name_ends: WordSet::default(),
            units: WordSet::default(),
            continuers: WordSet::default(),
            no_break: Vec::new(),
        };
        rules.load(BASE, 0);
        rules
    }
}

impl Rules {
    /// The rules for a BCP 47 tag, falling back from `en-GB` to `en`, and to
    /// language-neutral rules for a language with no data of its own.
    pub fn for_language(tag: &str) -> Rules {
        let mut rules = Rules::default();
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut candidate = lower.as_str();
        loop {
            if let Some((_, text)) = FILES.iter().find(|(name, _)| *name == candidate) {
                rules.load(text, 0);
                rules.tag = candidate.to_string();
                break;
            }
            match candidate.rfind('-') {
                Some(cut) => candidate = &candidate[..cut],
                None => break,
            }
        }
        rules
    }

    /// Adds workspace-specific abbreviations (written without the final dot).
    ///
    /// They join the class that ends a sentence only before a sentence
    /// starter, the safe choice for a house abbreviation of unknown kind.
    pub fn add_abbreviations<S: AsRef<str>>(&mut self, extra: &[S]) {
        for entry in extra {
            let entry = entry.as_ref().trim().trim_end_matches('.');
            if !entry.is_empty() {
                self.abbreviations.insert(entry.to_lowercase());
            }
        }
    }

    /// Adds a workspace's no-break patterns: places where a candidate
    /// boundary must never be taken, for a newsroom's house style.
    ///
    /// A pattern is text around a boundary, with `|` marking the boundary
    /// itself (which sits right after the terminator and any closing quotes
    /// or brackets, before the white space). The syntax:
    ///
    /// - `|` — the boundary position; exactly one per pattern, with at least
    ///   one element before it (the boundary is anchored there, so the part
    ///   before `|` is matched backwards from it and the part after forwards).
    /// - a space — one or more white-space characters (several spaces in a
    ///   row count as one).
    /// - `#` — a run of one or more digits (any script).
    /// - `*` — one word: a run of one or more letters or digits.
    /// - `\` — makes the next character literal (`\#`, `\*`, `\|`, `\ `,
    ///   `\\`).
    /// - any other character — itself, case-sensitively.
    ///
    /// A pattern matches whole words: where it starts or ends with a letter,
    /// digit, `#` or `*`, the text just outside it may not be a letter or
    /// digit (`Art.| #` does not match `Smart. 5`). Runs are matched greedily
    /// and never backtrack, so a pattern that would need backtracking is
    /// rejected as malformed: two runs in a row (`##`, `#*`), or a run next
    /// to a literal of its own class (`#1`, `*a`, `A*`). Runs longer than 64
    /// bytes do not match. Matching is therefore linear: constant work per
    /// candidate boundary and pattern.
    ///
    /// Examples: `"Art.| #"` (`Art. 5`), `"pp.| #"`, `"Vol.| #"`,
    /// `"Abs.| *"` (`Abs. Satz`), `"Bros.|"` (never end after `Bros.`),
    /// `"# ed.| *"` (`2 ed. Oxford`).
    ///
    /// On error, nothing is added and the message names the first malformed
    /// pattern.
    pub fn add_no_break_patterns<S: AsRef<str>>(&mut self, patterns: &[S]) -> Result<(), String> {
        let parsed = patterns
            .iter()
            .map(|p| NoBreak::parse(p.as_ref()))
            .collect::<Result<Vec<_>, _>>()?;
        self.no_break.extend(parsed);
        Ok(())
    }

    /// Whether a workspace no-break pattern forbids a boundary at `offset`.
    pub(crate) fn no_break_at(&self, text: &str, offset: usize) -> bool {
        self.no_break.iter().any(|p| p.matches(text, offset))
    }

    /// The language subtag whose file was loaded (empty for neutral rules).
    pub fn language(&self) -> &str {
        &self.tag
    }

    fn load(&mut self, text: &str, depth: usize) {
        for (section, entries) in crate::rules_text::lines(text) {
            for entry in entries {
                if section == "inherit" {
                    let file = FILES.iter().find(|(name, _)| *name == entry);
                    if let (Some((_, inherited)), true) = (file, depth < INHERIT_DEPTH) {
                        self.load(inherited, depth + 1);
                    }
                } else {
                    self.add(section, entry);
                }
            }
        }
    }

    fn add(&mut self, section: &str, entry: &str) {
        let key = || entry.trim_end_matches('.').to_lowercase();
        match section {
            "titles" => drop(self.titles.insert(key())),
            "abbreviations" => drop(self.abbreviations.insert(key())),
            "end-abbreviations" => drop(self.end_abbreviations.insert(key())),
            "time-abbreviations" => drop(self.time_abbreviations.insert(key())),
            "time-followers" => drop(self.time_followers.insert(entry.to_lowercase())),
            "streets" => self.streets.push(key()),
            "time-places" => drop(self.time_places.insert(entry.to_lowercase())),
            "modified" => drop(self.modified.insert(entry.to_lowercase())),
            "number-prefixes" => drop(self.number_prefixes.insert(key())),
            "months" => drop(self.months.insert(key())),
            "starters" => drop(self.starters.insert(entry.to_lowercase())),
            "designators" => drop(self.designators.insert(entry.to_lowercase())),
            "terminators" => {
                for c in entry.chars() {
                    if !self.extra_terminators.contains(&c) {
                        self.extra_terminators.push(c);
                    }
                    if c.is_ascii() {
                        self.ascii_terminators |= 1u128 << (c as u32);
                    }
                }
            }
            "endings" => self.endings.extend(entry.chars()),
            "quotatives" => self.quotatives.push(entry.to_string()),
            "particles" => self.particles.push(entry.to_string()),
            "continuations" => self.continuations.push(entry.to_string()),
            "attributions" => self.attributions.push(entry.to_string()),
            "courtesy-titles" => drop(self.courtesy_titles.insert(key())),
            "name-ends" => drop(self.name_ends.insert(key())),
            "units" => drop(self.units.insert(key())),
            "continuers" => drop(self.continuers.insert(entry.to_string())),
            "sentence-starts" => match entry {
                "lowercase" => self.lowercase_starts = true,
                "symbol" => self.symbol_starts = true,
                _ => {}
            },
            // An unknown class in a rule file is ignored rather than fatal: the
            // files are compiled in, and the tests check every class is used.
            _ => {}
        }
    }
}

/// One element of a no-break pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom {
    Literal(char),
    Space,
    Digits,
    Word,
}

impl Atom {
    /// Whether `ch` belongs to the run this atom matches (`None` for a
    /// literal).
    fn run_accepts(self, ch: char) -> Option<bool> {
        match self {
            Atom::Literal(_) => None,
            Atom::Space => Some(ch.is_whitespace()),
            Atom::Digits => Some(ch.is_numeric()),
            Atom::Word => Some(ch.is_alphanumeric()),
        }
    }

    /// Whether the atom starts or ends a word (so the text outside the
    /// pattern next to it must not continue that word).
    fn wordlike(self) -> bool {
        match self {
            Atom::Literal(ch) => ch.is_alphanumeric(),
            Atom::Space => false,
            Atom::Digits | Atom::Word => true,
        }
    }

    /// Two neighbouring atoms whose greedy match could need backtracking:
    /// a run next to another run or to a character the run would swallow.
    fn ambiguous_with(self, other: Atom) -> bool {
        let swallows = |run: Atom, next: Atom| match (run, next) {
            (Atom::Literal(_), _) => false,
            (_, Atom::Literal(ch)) => run.run_accepts(ch) == Some(true),
            (Atom::Space, next) => next == Atom::Space,
            (_, Atom::Space) => false,
            (_, Atom::Digits | Atom::Word) => true,
        };
        swallows(self, other) || swallows(other, self)
    }
}

/// A parsed workspace no-break pattern (see [`Rules::add_no_break_patterns`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoBreak {
    before: Vec<Atom>,
    after: Vec<Atom>,
}

impl NoBreak {
    fn parse(pattern: &str) -> Result<NoBreak, String> {
        let err = |why: &str| Err(format!("no-break pattern {pattern:?}: {why}"));
        let mut before = Vec::new();
        let mut after = Vec::new();
        let mut seen_bar = false;
        let mut chars = pattern.chars();
        while let Some(ch) = chars.next() {
            let atom = match ch {
                '|' if seen_bar => return err("more than one `|`"),
                '|' => {
                    seen_bar = true;
                    continue;
                }
                '\\' => match chars.next() {
                    Some(escaped) => Atom::Literal(escaped),
                    None => return err("`\\` at the end escapes nothing"),
                },
                '#' => Atom::Digits,
                '*' => Atom::Word,
                _ if ch.is_whitespace() => Atom::Space,
                _ => Atom::Literal(ch),
            };
            let side = if seen_bar { &mut after } else { &mut before };
            match side.last() {
                Some(&Atom::Space) if atom == Atom::Space => continue,
                Some(&last) if last.ambiguous_with(atom) => {
                    return err(
                        "two runs, or a run and a character of its class, in a row (`##`, `#*`, `#1`, `*a`) would need backtracking",
                    );
                }
                _ => side.push(atom),
            }
        }
        if !seen_bar {
            return err("no `|` marks the boundary");
        }
        if before.iter().all(|a| *a == Atom::Space) {
            return err("nothing before `|` to anchor the boundary");
        }
        Ok(NoBreak { before, after })
    }

    fn matches(&self, text: &str, offset: usize) -> bool {
        let Some((head, tail)) = text.get(..offset).zip(text.get(offset..)) else {
            return false;
        };
        // Backwards over the part before the boundary.
        let mut rest = head;
        for atom in self.before.iter().rev() {
            let Some(len) = match_atom(*atom, rest.chars().rev()) else {
                return false;
            };
            rest = &rest[..rest.len() - len];
        }
        if self.before.first().is_some_and(|a| a.wordlike())
            && rest.chars().next_back().is_some_and(char::is_alphanumeric)
        {
            return false;
        }
        // Forwards over the part after it.
        let mut rest = tail;
        for atom in &self.after {
            let Some(len) = match_atom(*atom, rest.chars()) else {
                return false;
            };
            rest = &rest[len..];
        }
        !(self.after.last().is_some_and(|a| a.wordlike())
            && rest.chars().next().is_some_and(char::is_alphanumeric))
    }
}

/// Byte length of the match of `atom` at the start of `chars` (which may run
/// backwards), or `None`.
fn match_atom(atom: Atom, chars: impl Iterator<Item = char>) -> Option<usize> {
    if let Atom::Literal(want) = atom {
        let mut chars = chars;
        return chars.next().filter(|&ch| ch == want).map(char::len_utf8);
    }
    let mut len = 0;
    for ch in chars {
        if atom.run_accepts(ch) != Some(true) {
            break;
        }
        len += ch.len_utf8();
        if len > RUN_LIMIT {
            return None;
        }
    }
    (len > 0).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_chain() {
        assert_eq!(Rules::for_language("en-GB").language(), "en");
        assert_eq!(Rules::for_language("zh-Hans").language(), "zh");
        assert_eq!(Rules::for_language("ko").language(), "ko");
        assert_eq!(Rules::for_language("xx-YY").language(), "");
        assert_eq!(Rules::for_language("").language(), "");
    }

    #[test]
    fn every_file_parses_into_known_classes() {
        const KNOWN: &[&str] = &[
            "titles",
            "abbreviations",
            "end-abbreviations",
            "time-abbreviations",
            "time-followers",
            "time-places",
            "attributions",
            "streets",
            "modified",
            "inherit",
            "number-prefixes",
            "months",
            "starters",
            "designators",
            "terminators",
            "endings",
            "quotatives",
            "particles",
            "continuations",
            "courtesy-titles",
            "name-ends",
            "sentence-starts",
            "units",
            "continuers",
        ];
        for (name, text) in FILES.iter().chain([("base", BASE)].iter()) {
            for line in text.lines() {
                let line = line.split('#').next().unwrap_or("").trim();
                if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    assert!(
                        KNOWN.contains(&section),
                        "{name}: unknown class [{section}]"
                    );
                }
            }
        }
    }

    #[test]
    fn no_break_patterns_parse() {
        use Atom::*;
        let p = NoBreak::parse("Art.| #").unwrap();
        assert_eq!(
            p.before,
            [Literal('A'), Literal('r'), Literal('t'), Literal('.')]
        );
        assert_eq!(p.after, [Space, Digits]);
        let p = NoBreak::parse(r"\#  *.|").unwrap();
        assert_eq!(p.before, [Literal('#'), Space, Word, Literal('.')]);
        assert!(p.after.is_empty());
    }

    #[test]
    fn malformed_no_break_patterns_are_rejected() {
        for bad in [
            "", "Art.", "Art.|| #", "|#", " | #", "Art.\\", "##.|", "#*.|", "#1.|", "a*.|", "*b.|",
            "No.| #5",
        ] {
            let mut rules = Rules::for_language("en");
            let err = rules.add_no_break_patterns(&["pp.| #", bad]).unwrap_err();
            assert!(err.contains(&format!("{bad:?}")), "{bad:?}: {err}");
            assert!(rules.no_break.is_empty(), "{bad:?}: partly added");
        }
    }

    #[test]
    fn no_break_patterns_match_around_the_boundary() {
        let p = NoBreak::parse("Vol.| #").unwrap();
        let text = "See Vol. 12 now. Smart Vol. 3";
        assert!(p.matches(text, 8));
        assert!(!p.matches(text, 16));
        assert!(!p.matches(text, 0));
        assert!(!p.matches(text, text.len()));
        assert!(!p.matches("Vol. 12a", 4));
        assert!(!p.matches("XVol. 12", 5));
        // Inside a character: no match, no panic.
        assert!(!p.matches("Vol.é", 5));
    }

    #[test]
    fn workspace_abbreviations_are_normalised() {
        let mut rules = Rules::for_language("en");
        rules.add_abbreviations(&["Gov", "U.S.", "Xyz."]);
        assert!(rules.abbreviations.contains("xyz"));
        assert!(rules.abbreviations.contains("u.s"));
    }
}
