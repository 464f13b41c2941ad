//! One entry under check: a source, its translation and the language pair,
//! with what several checks share (the Markdown scans) computed once.
use std::cell::OnceCell;

use crate::qa::scan::markdown::Markdown;

/// One entry under check, with what several checks share computed once.
pub(super) struct Entry<'a> {
    pub(super) source: &'a str,
    pub(super) translation: &'a str,
    pub(super) source_lang: &'a str,
    pub(super) target_lang: &'a str,
    pub(super) source_md: OnceCell<Markdown>,
    pub(super) translation_md: OnceCell<Markdown>,
}

impl<'a> Entry<'a> {
    pub(super) fn new(
        source: &'a str,
        translation: &'a str,
        source_lang: &'a str,
        target_lang: &'a str,
    ) -> Self {
        Entry {
            source,
            translation,
            source_lang,
            target_lang,
            source_md: OnceCell::new(),
            translation_md: OnceCell::new(),
        }
    }

    pub(super) fn source_md(&self) -> &Markdown {
        self.source_md.get_or_init(|| Markdown::scan(self.source))
    }

    pub(super) fn translation_md(&self) -> &Markdown {
        self.translation_md
            .get_or_init(|| Markdown::scan(self.translation))
    }
}
