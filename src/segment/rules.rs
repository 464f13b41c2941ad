//! Per-language segmentation data, kept as plain text files so that a
//! language can be taught new abbreviations without touching the algorithm.
//!
//! Each file under `rules/` is embedded with `include_str!`. A file is a list
//! of `[class]` sections, each holding white-space separated entries; `#`
//! starts a comment. The language-neutral `base.rules` (script-wide facts such
//! as Korean sentence-final endings) is merged into every language, then the
//! language's own file, picked by the BCP 47 tag with a fallback chain
//! (`en-GB` → `en` → neutral).
use std::collections::HashSet;

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
    pub(crate) titles: HashSet<String>,
    /// Abbreviations that end a sentence only before a sentence-starter word
    /// (`U.S`, `Inc`, `St`): a capitalised noun after them is usually a name
    /// they modify (`U.S. Government`).
    pub(crate) abbreviations: HashSet<String>,
    /// Abbreviations that end a sentence before any capitalised word except a
    /// title (`etc`, `Calif`).
    pub(crate) end_abbreviations: HashSet<String>,
    /// `a.m`, `p.m`: end a sentence before a starter or a title.
    pub(crate) time_abbreviations: HashSet<String>,
    /// Never end a sentence before a number (`No`, `p`, `Rs`).
    pub(crate) number_prefixes: HashSet<String>,
    /// Month names: never end a sentence before a number (dates).
    pub(crate) months: HashSet<String>,
    /// Closed-class words that start sentences (`The`, `He`, `However`).
    pub(crate) starters: HashSet<String>,
    /// Nouns that take a letter designator (`Route C`), so the letter is not
    /// an initial.
    pub(crate) designators: HashSet<String>,
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
}

impl Default for Rules {
    /// The language-neutral rules.
    fn default() -> Rules {
        let mut rules = Rules {
            tag: String::new(),
            titles: HashSet::new(),
            abbreviations: HashSet::new(),
            end_abbreviations: HashSet::new(),
            time_abbreviations: HashSet::new(),
            number_prefixes: HashSet::new(),
            months: HashSet::new(),
            starters: HashSet::new(),
            designators: HashSet::new(),
            extra_terminators: Vec::new(),
            ascii_terminators: 0,
            endings: Vec::new(),
            quotatives: Vec::new(),
            particles: Vec::new(),
            continuations: Vec::new(),
        };
        rules.load(BASE);
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
                rules.load(text);
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

    /// The language subtag whose file was loaded (empty for neutral rules).
    pub fn language(&self) -> &str {
        &self.tag
    }

    fn load(&mut self, text: &str) {
        let mut section = "";
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim();
                continue;
            }
            for entry in line.split_whitespace() {
                self.add(section, entry);
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
            // An unknown class in a rule file is ignored rather than fatal: the
            // files are compiled in, and the tests check every class is used.
            _ => {}
        }
    }
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
            "number-prefixes",
            "months",
            "starters",
            "designators",
            "terminators",
            "endings",
            "quotatives",
            "particles",
            "continuations",
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
    fn workspace_abbreviations_are_normalised() {
        let mut rules = Rules::for_language("en");
        rules.add_abbreviations(&["Gov", "U.S.", "Xyz."]);
        assert!(rules.abbreviations.contains("xyz"));
        assert!(rules.abbreviations.contains("u.s"));
    }
}
