# l10n's own messages, in English: the reference for every UI language.
#
# Each message is used by the code through `msg!("id", name = value, ...)`;
# the variables a message uses must be among the names the code passes (the
# test in tests/messages.rs checks both files against the code). Counts are
# numbers, so plural selectors work: { $count -> [one] ... *[other] ... }.

## Errors: what went wrong, then "help:" with what to do.

error-label = error
help-label = help

error-read = cannot read { $path }: { $reason }
error-write = cannot write { $path }: { $reason }
error-invalid-utf8 = { $path } is not valid UTF-8 (byte offset { $offset })
help-invalid-utf8 = save the file as UTF-8 (most editors offer this under "Save with encoding")
error-nul-byte = { $path } has a NUL byte (byte offset { $offset }): it is not a text file
help-nul-byte = articles and catalogs are UTF-8 text; remove the byte or the file
error-bad-language = `{ $tag }` is not a valid language tag
help-bad-language = use a BCP 47 tag such as `ko`, `ja`, `pt-BR` or `zh-Hant`
error-no-articles = there is no articles folder at { $path }
help-no-articles = create the folder and put .md or .txt articles in it, or set `articles` in l10n.toml
error-conflict = { $path } changed on disk while l10n was working; nothing was written
help-conflict = someone saved, moved or deleted it (an editor?) after l10n read it; run the command again to pick up the change
error-locked = another l10n run is working in this workspace (lock: { $path })
help-locked = wait for it to finish, or run without --no-wait to wait
error-read-only = { $path } is read-only
help-read-only = make it writable (chmod u+w) if l10n may update it, then run again

## Catalogs that do not parse or have the wrong shape.

error-invalid-toml = invalid TOML: { $reason }
help-invalid-toml = fix the syntax; a string is written "like this", with \" for a quote inside it
error-unknown-table = unknown table `{ $key }` in a catalog
help-unknown-table = a catalog holds [catalog], [[segment]] and [[obsolete]] tables; move notes into comments (# ...)
error-no-catalog-table = this catalog has no [catalog] table
help-no-catalog-table = add [catalog] with article, source-lang and lang, or delete the file and run `l10n extract`
error-catalog-keys = [catalog] needs article, source-lang and lang
help-catalog-keys = add the missing keys, or delete the file and run `l10n extract`
error-section-not-list = `{ $section }` must be a list of [[{ $section }]] tables
help-section-not-list = write each entry under its own [[{ $section }]] line
error-duplicate-id = duplicate id `{ $id }` (first used on line { $first })
help-duplicate-id = ids are unique in a catalog: remove the duplicate entry, or run `l10n extract` after fixing it
error-not-a-string = `{ $key }` must be a string, not { $kind ->
        [number] a number
        [bool] true or false
        [list] a list
        [date] a date
       *[table] a table
    }
help-not-a-string = write it in quotes: { $key } = "..."
error-table-in-entry = `{ $key }` is a table inside a catalog entry
help-table-in-entry = give extra keys plain or inline values: key = "value"
error-empty-id = an entry's id is empty
help-empty-id = restore the id; `git diff` or the template catalog shows it
error-entry-key-missing = this [[{ $section }]] entry has no `{ $key }`
help-entry-key-missing = every entry needs its id and source; restore them from `git diff` or the template catalog
error-catalog-mismatch = this catalog says { $key } = "{ $found }", but its path is that of { $key } "{ $expected }"
help-catalog-mismatch = move the file to where it belongs, or correct the [catalog] table

## The workspace and its configuration.

error-invalid-config = invalid configuration: { $reason }
help-invalid-config = see `l10n init --help` for the keys l10n.toml may have
error-config-percent = min-translated is { $value }, not a percentage
help-config-percent = give a number from 0 to 100
error-fallback-self = the fallback chain of { $lang } names { $lang } itself
help-fallback-self = list the languages { $lang } falls back to, in order; the source language always comes last without being named
error-fallback-source = the fallback chain of { $lang } names the source language { $source }
help-fallback-source = leave it out: every chain ends with the source language
error-fallback-twice = { $lang } has two fallback chains
help-fallback-twice = tags are compared in canonical form (`pt-br` is `pt-BR`): keep one chain
error-fallback-cycle = the fallback chains go round in a circle: { $cycle }
help-fallback-cycle = a language cannot fall back, through other chains, to itself; remove one of the links
error-no-break-pattern = invalid no-break pattern: { $reason }
help-no-break-pattern = mark the boundary with `|`; `#` is a number, `*` a word, e.g. "Art.| #"
error-link-outside = { $link } links to { $target }, outside the workspace
help-link-outside = l10n reads and writes only inside the workspace: copy the file in, or remove the link
error-folder-not-language = the folder { $folder } is not named after a language
help-folder-not-language = name catalog folders by BCP 47 tag (`ko`, `pt-BR`), or list the target languages in l10n.toml
error-folder-not-canonical = the folder { $folder } is not in canonical form
help-folder-not-canonical = rename it to `{ $lang }`
error-duplicate-article = two articles have the id `{ $id }`: { $first } and { $second }
help-duplicate-article = rename one of them; an article's id is its path without the extension
error-no-such-article = no article `{ $name }` in { $dir }
help-no-such-article = name an article by its id (its path under the articles folder, without extension) or by its file path
error-config-exists = { $path } already exists
help-config-exists = edit it, or remove it to start again
error-source-language = { $lang } is the source language
help-source-language = name a target language; the source language's catalogs are the templates
error-no-target-languages = this workspace has no target languages
help-no-target-languages = pass --lang LANG, list `languages` in l10n.toml, or create locales/<lang>/
error-not-a-report = not an l10n status report: { $reason }
help-not-a-report = merge the output of `l10n status --format json --partition K/N`
error-merge-nothing = no reports to merge
error-merge-source-langs = { $path } and { $other } have different source languages ({ $second } and { $first })
help-merge = merge reports of the same workspace
error-not-a-number = `{ $value }` is not a number
error-not-a-percentage = { $value } is not a percentage from 0 to 100
error-partition = `{ $value }` is not K/N with 1 ≤ K ≤ N (for example 2/4)

## Warnings and notes (standard error).

warning-unknown-key = warning: { $location }: unknown key `{ $key }` (kept as it is)
warning-orphan = warning: { $path } has no article `{ $article }`; kept (`--prune` deletes it)
note-no-target-languages = note: no target languages yet; only templates were written (add `languages` to l10n.toml or pass --lang LANG)

## init, extract, build, export

init-done = wrote l10n.toml; put articles (.md, .txt) in articles/, then run `l10n extract`
extract-waiting = waiting for another l10n run to finish (lock: { $lock })
wrote-file = wrote { $path }
extract-removed = removed { $path } (its article is gone)
extract-added = { $count } added
extract-changed = { $count } changed
extract-moved = { $count } moved
extract-obsoleted = { $count } obsoleted
extract-up-to-date = catalogs brought up to date
extract-summary = extract: { $articles } { $articles ->
        [one] article
       *[other] articles
    }, { $catalogs } { $catalogs ->
        [one] catalog
       *[other] catalogs
    } written
build-fallback = { $count } { $count ->
        [one] segment
       *[other] segments
    } taken from the fallback language { $lang }
build-skipped = skipped { $article }: { $percent }% translated, below the minimum of { $min }%

## status

status-column-article = article
status-column-segments = segments
status-column-translated = translated
status-column-covered = covered
status-column-missing = missing
status-column-outdated = outdated
status-column-obsolete = obsolete
status-column-words-missing = words missing
status-total = { $lang }: { $translated } of { $segments } { $segments ->
        [one] segment
       *[other] segments
    } translated ({ $percent }%), { $fallback ->
        [none] {""}
       *[other] { $covered } covered by fallback ({ $fallback }),{" "}
    }{ $missing } missing, { $outdated } outdated, { $obsolete } obsolete; { $words_missing } of { $words } { $words ->
        [one] word
       *[other] words
    } missing
status-orphan = orphaned: { $path } (its article is gone; move the catalog with a renamed article, or `l10n extract --prune` deletes it)

## check

check-missing = missing
check-outdated = outdated
check-covered = covered by { $lang }
check-qa-error = qa error
check-qa-warning = qa warning
check-ok = ok
check-failed = FAILED
check-total = { $lang }: { $outcome }: { $translated } of { $segments } { $segments ->
        [one] segment
       *[other] segments
    } translated ({ $percent }%{ $min ->
        [none] {""}
       *[other] , minimum { $min }%
    }), { $fallback ->
        [none] {""}
       *[other] { $covered } covered by fallback ({ $fallback }),{" "}
    }{ $missing } missing, { $outdated } outdated
## Quality checks (check --qa); in JSON, findings are always English.

qa-as-written = { $text }
qa-number-missing = { $kind ->
        [time] time
       *[number] number
    } { $number } is missing from the translation
qa-url-missing = URL { $url } is missing from the translation (it must be kept verbatim)
qa-email-missing = e-mail address { $address } is missing from the translation (it must be kept verbatim)
qa-link-changed = link target changed from { $from } to { $to }
qa-link-missing = link target { $target } is missing from the translation
qa-link-count = link target { $target } appears { $in_source ->
        [one] once
       *[other] { $in_source } times
    } in the source and { $in_translation } in the translation
qa-link-extra = link target { $target } is not in the source
qa-markup-spans = { $kind } spans: { $in_source } in the source, { $in_translation } in the translation
qa-markup-unmatched = { $kind } spans: { $in_source } in the source, { $in_translation } in the translation (unmatched { $runs } in the translation)
qa-markup-unmatched-by-punctuation = { $kind } spans: { $in_source } in the source, { $in_translation } in the translation (unmatched { $runs } in the translation; CommonMark does not open or close emphasis between punctuation and a letter, as in **“…”**을: move the mark or the punctuation)
qa-markup-unmatched-underscore = { $kind } spans: { $in_source } in the source, { $in_translation } in the translation (unmatched { $runs } in the translation; `_` cannot close inside a word: use `*`)
qa-unmatched-run = unmatched `{ $run }` in the translation
qa-placeholder-missing = placeholder { $placeholder } is missing from the translation
qa-placeholder-extra = placeholder { $placeholder } is not in the source
qa-placeholder-count = placeholder { $placeholder } appears { $in_source ->
        [one] once
       *[other] { $in_source } times
    } in the source and { $in_translation } in the translation
qa-printf-order = printf placeholders are in a different order ({ $in_source } in the source, { $in_translation } in the translation); number them (%1$s) to reorder
qa-untranslated = the translation is identical to the source (left untranslated?)
qa-leading-whitespace = leading whitespace differs: { $in_source } in the source, { $in_translation } in the translation
qa-trailing-whitespace = trailing whitespace differs: { $in_source } in the source, { $in_translation } in the translation
qa-doubled-space = doubled space in the translation after "{ $after }"
qa-unbalanced-quotes = unbalanced quotation marks in the translation: unmatched { $marks }
qa-unbalanced-brackets = unbalanced brackets in the translation: unmatched { $marks }
qa-length = the translation is { $ratio }× the length of the source ({ $in_translation } vs { $in_source } characters); { $source_lang }→{ $target_lang } is usually { $low }–{ $high }×

## The command line's help (clap's own words, such as "Usage:", stay English).

cli-about = Keeps translations of Markdown articles in step with their source
cli-long-about =
    Keeps translations of Markdown articles in step with their source.

    l10n splits each article into sentences (segments), keeps them in one TOML catalog per article and language that translators edit by hand, and reports which segments are missing or outdated, with a word diff of how the source changed, whenever an article changes.
cli-after-help =
    The workspace is the nearest folder upwards with an l10n.toml; without one,
    the current folder, with articles in articles/ and catalogs in locales/.

    A typical round:
      l10n extract                  segment the articles, update every catalog
      $EDITOR locales/ko/<article>.toml   fill in `translation = ""`
      l10n status --lang ko --diff  what is missing, and how outdated sources changed
      l10n check                    in CI: exit 1 on missing or outdated segments

    Exit codes: 0 success, 1 a check failed, 2 bad usage or bad input.
cli-dir = Run as if started in DIR
cli-color = When to colour the output (`auto` honours NO_COLOR)
cli-ui-lang = The language of l10n's messages (default: from L10N_LANG, LC_ALL or LANG; else English). JSON output is the same in every language
cli-init-about = Write a commented l10n.toml for a new workspace
cli-init-source-lang = The language the articles are written in
cli-init-languages = A target language (repeat for several)
cli-extract-about = Segment every article and update the template and target catalogs
cli-extract-long-about =
    Segment every article and update the template and target catalogs.

    Segments keep their ids across edits: an edited sentence keeps its id and its translation, marked outdated with the `previous-source` it was translated from; a moved sentence keeps both; a removed one moves to [[obsolete]] with its translation. Running extract twice changes nothing.
cli-extract-languages = Update only this language's catalogs (repeatable; default: all)
cli-extract-prune = Delete obsolete entries, with their translations, and catalogs whose articles are gone
cli-extract-no-wait = Fail at once when another run holds the workspace lock, instead of waiting for it
cli-extract-partition = Work on one share of the articles only: K of N, by a stable hash of the article id (to split CI across machines; see `status --merge`)
cli-status-about = Report translated, missing, outdated and obsolete segments
cli-status-long-about =
    Report translated, missing, outdated and obsolete segments.

    The report is computed live from the articles as they are now, so it is true even when `l10n extract` has not run since the last edit.

    A missing segment that a language of the fallback chain has translated (pt-BR → pt by default; `fallback` in l10n.toml) is counted as covered, apart from missing.
cli-status-languages = Report on this language (repeatable; default: all target languages)
cli-status-format = `text` for people, `json` for scripts (the same in every UI language); the CI formats (github, junit, sarif) are `check`'s
cli-status-diff = List each missing segment with its source, and show how the source of each outdated one changed, word by word
cli-status-partition = Work on one share of the articles only: K of N, by a stable hash of the article id (to split CI across machines; see `status --merge`)
cli-status-no-cache = Ignore and do not update the result cache in .l10n/cache
cli-status-merge = Combine the JSON reports of partitioned runs into one report instead of reading the workspace
cli-status-articles = Only these articles (ids or file paths; default: all)
cli-check-about = Exit 1 when segments are missing or outdated (for CI)
cli-check-long-about =
    Exit 1 when segments are missing or outdated (for CI).

    Lists each as `catalog:line: state: id: first words`, which CI systems and editors link to the file. With --min-translated, a language fails only when its share of translated segments is below the threshold.

    A segment covered by a fallback language is listed as a note and does not fail the check; it does not count as translated for --min-translated either.

    The [check] table of l10n.toml holds the policy: min-translated and max-outdated for every language or per language, rules for the articles matching a glob, and which quality severities fail (fail-on). The verdict names each rule a language failed. --min-translated and --strict override the file.
cli-check-languages = Check this language (repeatable; default: all target languages)
cli-check-no-cache = Ignore and do not update the result cache in .l10n/cache
cli-check-qa = Also run the quality checks on every translation (always on with `enabled = true` under [qa] in l10n.toml)
cli-check-format = `text` for people, `json` for scripts, `github`, `junit` or `sarif` for CI systems (json, junit and sarif are the same in every UI language)
cli-check-min-translated = Pass a language when at least PCT % of its segments are translated (for every language, over every min-translated of l10n.toml)
cli-check-partition = Work on one share of the articles only: K of N, by a stable hash of the article id (to split CI across machines; see `status --merge`)
cli-check-articles = Only these articles (ids or file paths; default: all)
cli-build-about = Write the translated articles of a language
cli-build-long-about =
    Write the translated articles of a language.

    Each article is written with the source's Markdown structure intact, every translated segment in place of its source. Where a translation is missing (or outdated, unless --mark-outdated), the current translation of the first language of the fallback chain that has one is used (pt-BR → pt by default; `fallback` in l10n.toml), else the source text. An article below --min-translated is not written, and the run exits 1.

    The run ends by saying how many segments are left in the source language: missing (or outdated, without --mark-outdated) with no fallback language's translation either. With --strict, an article with any such segment is not written (a file an earlier build wrote for it stays as it was), the other articles are, and the run exits 1, naming each article refused.

    Japanese and Chinese (ja, zh, yue) sentences are joined without the space that stands between the source's sentences; a sentence left in the source language keeps its spaces.

    Building the source language writes every article byte for byte as it is.
cli-build-lang = The language to build
cli-build-out = Where to write: DIR/<lang>/<article>.md (default: build)
cli-build-min-translated = Do not write an article with fewer than PCT % of its segments translated
cli-build-mark-outdated = Publish outdated translations too, wrapped in `<!-- l10n:outdated -->` … `<!-- /l10n:outdated -->`
cli-build-articles = Only these articles (ids or file paths; default: all)
cli-export-about = Export a language's translations for other tools (Fluent, PO, XLIFF, TMX)
cli-export-long-about =
    Export a language's translations for other tools.

    --format ftl writes one Fluent resource per article, DIR/<lang>/<article>.ftl, with a message `s-<segment id>` for every translated segment, so a web front end can serve the translations with Fluent's own fallback.

    --format po writes one gettext catalog per article, DIR/<lang>/<article>.po, for Poedit, Weblate and the other gettext tools: msgctxt is the segment id, msgid the source, msgstr the translation; an outdated translation is fuzzy, with its previous source as `#| msgid`, and obsolete entries are `#~` lines.

    --format xliff (XLIFF 1.2) and xliff2 (XLIFF 2.0) write DIR/<lang>/<article>.xlf for CAT tools: a unit per segment (2.0: a unit per paragraph, a segment per sentence), its state (new, translated, or outdated with the previous source beside it), inline Markdown (code, links, emphasis) as inline codes a CAT tool keeps intact.

    --format tmx writes DIR/<lang>/<article>.tmx, a translation memory of the current translations (and obsolete ones, flagged), to seed a CAT tool's memory.

    `l10n import` reads PO, XLIFF and TMX files back.
cli-export-lang = The language to export
cli-export-out = Where to write: DIR/<lang>/<article>.<ext> (default: export)
cli-segment-about = Print the segments of a text, one JSON object per line
cli-segment-long-about =
    Print the segments of a text, one JSON object per line: {"{"}"block": 0, "text": "..."{"}"}.

    Shows how l10n splits a text, to check or debug segmentation; --explain shows why. Custom abbreviations go in l10n.toml under [segmenter].
cli-segment-lang = Segment with this language's rules (default: the source language)
cli-segment-plain = Read the input as plain text, not Markdown (default for .txt files)
cli-segment-explain = Print every candidate boundary instead, taken or not, with the rule that decided it and the text on either side
cli-segment-file = The file to segment; `-` or nothing reads standard input
cli-value-format-text = For people: tables, and `path:line:` lines that editors and CI link
cli-value-format-json = One JSON document, the same whatever the UI language
cli-value-export-ftl = Fluent resources (.ftl)
cli-value-export-po = gettext catalogs (.po), for Poedit, Weblate and other translation tools
error-merge-bad-counts = { $path }: the counts of { $article } ({ $lang }) do not add up
error-merge-bad-totals = { $path }: the totals of { $lang } are not the sum of its articles
error-merge-overflow = the merged counts of { $lang } are too large to be true
error-merge-misplaced = { $path }: { $article } does not belong to partition { $partition }
error-merge-article-twice = { $article } is in both { $other } and { $path }
error-merge-not-partition = { $path } is not the report of a partition (`status --format json --partition K/N`)
error-merge-other-run = { $path } and { $other } are not partitions of the same run (another partition count or other languages)
error-merge-partition-twice = { $path } and { $other } are both partition { $partition }
error-merge-partition-missing = { $count ->
    [one] a partition is missing: { $partitions }
   *[other] { $count } partitions are missing: { $partitions }
}
extract-renamed = { $path }: entry `{ $old }` matched its segment by source; its id is now `{ $new }`
error-not-regular = { $path } is not a regular file
help-not-regular = articles, catalogs and l10n.toml must be regular files (not folders, named pipes, sockets or devices): remove or rename it
error-bad-file-name = { $path }: the name has a control character or is not valid UTF-8
help-bad-file-name = rename it: the name of an article, a catalog or a folder of them becomes an id in catalogs and reports
error-folder-outside = { $path } is outside the workspace { $root }
error-output-over-sources = the output { $out } is, contains or lies inside { $sources }
help-output-over-sources = choose another --out: an output never replaces the articles or the catalogs
error-no-such-folder = there is no folder { $path }
help-no-such-folder = check the path given to -C/--dir
error-conflict-while-writing = { $path } changed on disk while l10n was putting its new version in place; the changed file was put back and l10n stopped
error-conflict-kept = { $path } changed on disk twice while l10n was putting its new version in place; the first save was put back, and the second is kept at { $kept }
help-conflict-while-writing = l10n put back every file it had already replaced; compare and merge any kept copy by hand, then run the command again to pick up the edit
error-interrupted = stopped by { $signal }; every file is as it was or completely written, and no temporary file is left
error-article-ids-fold = the articles { $first } and { $second } have ids (`{ $first_id }`, `{ $second_id }`) that differ only in case or Unicode normalisation: on macOS and Windows their catalogs would be one file
help-article-ids-fold = rename one of them so that their names differ in more than case or accents' encoding
error-immutable = { $path } is immutable or append-only, so l10n cannot replace or remove files there; nothing was written
help-immutable = someone protected it on purpose (chattr +i or +a); remove the attribute (chattr -i -a) if it should change, or leave it out of the run
error-bad-exchange-file = not a valid { $format } file: { $reason }
help-bad-exchange-file = fix the file, or export it again with `l10n export`; nothing was imported
cli-import-about = Import translations from PO, XLIFF or TMX files into the catalogs
cli-import-long-about =
    Import translations from PO, XLIFF or TMX files into the catalogs.

    Reads files that `l10n export` wrote and a translation tool (Poedit, a CAT tool, Weblate) filled in. Each file says which article and language it holds; each entry is matched by its segment id. A translation is applied only where the file translated the source the catalog has now; an entry whose source changed since the export, an unknown segment or an unknown article is listed and not applied. An entry the file still marks for review (fuzzy, needs-review) of an outdated segment stays outdated; one marked reviewed becomes current. An empty translation changes nothing.

    Every file is read and checked before anything is written; the catalogs are written all at once, keeping their layout and comments. Exit code 0 when everything was applied, 1 when something was listed, 2 when a file is malformed (then nothing changes).
cli-import-dry-run = Show what would be applied, and write nothing
cli-import-files = The files to import (.po, .xlf/.xliff, .tmx); a folder imports every such file in it
import-catalog = { $path }: { $applied } applied, { $unchanged } unchanged, { $listed } not applied
import-not-applied = { $path }:{ $line }: { $id }: not applied: { $reason }
import-section-not-applied = { $path }:{ $line }: { $count } { $count ->
        [one] translation
       *[other] translations
    } not applied: { $reason }
import-source-changed = the source changed since the export; it is now “{ $now }”: export again and translate that
import-unknown-id = { $catalog } has no such segment
import-obsolete = the segment left the article (obsolete in { $catalog })
import-for-review = still marked for review (fuzzy, needs review), and the catalog has no earlier source to keep it outdated against: mark it reviewed to apply it
import-twice = given more than once, with different translations
import-unknown-article = no article `{ $article }` in this workspace
import-no-catalog = no catalog { $catalog } yet: run `l10n extract --lang { $lang }` first
import-dry-run = dry run: nothing was written
import-summary = import: { $applied } { $applied ->
        [one] translation
       *[other] translations
    } applied, { $catalogs } { $catalogs ->
        [one] catalog
       *[other] catalogs
    } written, { $listed } not applied
error-no-such-file = no file { $path }
error-import-format = cannot tell what kind of file { $path } is
help-import-files = import reads .po and .pot (gettext), .xlf and .xliff (XLIFF 1.2 or 2.0) and .tmx files
error-import-no-lang = the file does not say which language it is in
help-import-no-lang = import fills the catalogs of a target language: the file must name it (PO: the Language header; XLIFF: target-language or trgLang; TMX: a translation's xml:lang)
error-import-source-lang = the file is in the source language { $lang }: import fills translations, not the source
cli-value-export-tmx = a translation memory (.tmx, TMX 1.4), to seed the memory of Trados, memoQ, OmegaT and other CAT tools
cli-value-export-xliff = XLIFF 1.2 (.xlf), for CAT tools: Trados, memoQ, OmegaT and others
cli-value-export-xliff2 = XLIFF 2.0 (.xlf), a unit per paragraph and a segment per sentence
error-export-stale = { $count ->
        [one] the catalog { $first } is
       *[other] { $count } catalogs ({ $first }, …) are
    } not up to date with the articles, so its translations could not come back in
help-export-stale = run `l10n extract --lang { $lang }` first, then export: `l10n import` matches the file against the catalogs
error-export-source-lang = { $lang } is the source language: its catalogs are templates, with nothing to translate
help-export-source-lang = export a target language (`--lang ko`); `--format ftl` exports any language
import-no-article = the file does not name its article (PO: the X-L10n-Article header; XLIFF: the l10n-article note) and is not where `l10n export` puts it (<lang>/<article>.<ext>)
error-import-empty-folder = no PO, XLIFF or TMX file in { $path }
error-source-date-epoch = SOURCE_DATE_EPOCH is `{ $value }`, not a time
help-source-date-epoch = set it to whole seconds since 1970-01-01 UTC (`date +%s`), or unset it to use the clock
qa-control-character = the translation holds { $code }, a control character the source does not have
cli-check-max-issues = List at most N problems (text and github formats), then how many more there are (default: all)
cli-value-format-github = GitHub Actions annotations: one `::error`/`::warning`/`::notice` line per problem, then the verdicts
cli-value-format-junit = JUnit XML (GitLab, Jenkins): a test suite per language, a test case per article
cli-value-format-sarif = SARIF 2.1.0 (GitHub code scanning): a result per problem, a rule per state and quality check
check-more-problems = … and { $count } more { $count ->
        [one] problem
       *[other] problems
    } (`--max-issues` sets how many are listed)
cli-quiet = Print nothing on standard error but errors (no warnings, notes or progress bar), and nothing at all from init, extract, build, export, import and man --out when they succeed. status, check (its verdict lines included) and segment print their output as always
cli-completions-about = Print the shell completion script for l10n
cli-completions-long-about =
    Print the shell completion script for l10n on standard output.

    Load it in the shell's start-up file:
      bash:        source <(l10n completions bash)      (in ~/.bashrc)
      zsh:         l10n completions zsh > "${"{"}fpath[1]{"}"}/_l10n"
      fish:        l10n completions fish > ~/.config/fish/completions/l10n.fish
      PowerShell:  l10n completions powershell | Out-String | Invoke-Expression
cli-completions-shell = The shell to complete in
cli-man-about = Print the man page of l10n, or write one page per command
cli-man-long-about =
    Print the man page of l10n (roff) on standard output: every command with what it does, and the global options.

    With --out DIR, write that page (l10n.1) and one page per command (l10n-extract.1, l10n-status.1, …) into DIR, to install under a man1 folder. Read one with `man -l l10n.1`.
cli-man-out = Write l10n.1 and one l10n-<command>.1 per command into this folder instead
init-gitignore-written = wrote .gitignore with { $path }: l10n's cache folder stays out of git
init-gitignore-added = added { $path } to .gitignore: l10n's cache folder stays out of git
progress-done = done

## check policy ([check] in l10n.toml), --since and check --merge

check-rule-min-translated = { $lang }: { $value } % translated, below min-translated { $limit } ({ $from })
check-rule-max-outdated = { $lang }: { $value } outdated, above max-outdated { $limit } ({ $from })
check-rule-article-min-translated = { $lang }: { $article }: { $value } % translated, below min-translated { $limit } ({ $from }, glob { $glob })
check-rule-article-max-outdated = { $lang }: { $article }: { $value } outdated, above max-outdated { $limit } ({ $from }, glob { $glob })
check-rule-complete = { $lang }: { $missing } missing, { $outdated } outdated; with no min-translated or max-outdated for { $lang } (l10n.toml [check]), every segment must be translated and current
check-rule-fail-on = { $lang }: { $value } quality { $severity ->
        [warning] { $value ->
            [one] warning
           *[other] warnings
        }
       *[error] { $value ->
            [one] error
           *[other] errors
        }
    }, and fail-on includes { $severity } ({ $from })
error-check-not-a-limit = { $key } must be a number, or a table of numbers by language
help-check-not-a-limit = for example `{ $key } = 80`, or `{ $key } = { "{" } ko = 80, ja = 50, "*" = 90 { "}" }` ("*" stands for the languages not named)
error-check-count = max-outdated is { $value }, not a number of segments
help-check-count = give a whole number, 0 or more
error-check-source-lang = { $key } names { $lang }, the source language
help-check-source-lang = the source language has nothing to translate: name target languages only
error-check-lang-twice = { $key } gives { $lang } twice
help-check-lang-twice = tags are compared in canonical form (`ko-kr` is `ko-KR`): keep one
error-check-glob = the glob `{ $glob }` is not valid: { $reason }
help-check-glob = globs match article ids (paths under the articles folder, without the extension): `*` within a folder, `**` across folders, `?` one character, `[abc]` one of a set, `{ "{" }a,b{ "}" }` either
error-check-rule-empty = the [[check.articles]] rule for `{ $glob }` sets no limit
help-check-rule-empty = add `min-translated = 95` or `max-outdated = 0` (or both) under its glob
error-git-not-repository = --since { $since }: { $path } is not in a git repository ({ $reason })
help-git-not-repository = --since asks git what changed; run it in a clone, or leave --since out to check every article
error-git-unknown-ref = --since { $since }: git does not know this revision ({ $reason })
help-git-unknown-ref = name a branch, tag or commit this clone has (in CI, fetch it first: `git fetch origin main`, then `--since origin/main`)
cli-status-since = Only the articles changed since the git revision REF (committed since the branch left REF, staged, unstaged or untracked): their article file, template or a catalog
cli-check-since = Only the articles changed since the git revision REF (committed since the branch left REF, staged, unstaged or untracked): their article file, template or a catalog; to gate what a pull request changed
cli-check-strict = Fail on quality warnings too, not only errors (overrides `fail-on` in l10n.toml [check])
cli-check-merge = Judge the JSON reports of partitioned runs (`status` or `check --format json --partition K/N`) joined, instead of the workspace's articles, with the policy of this workspace's l10n.toml
cli-report-about = Write an HTML report of the translations: a page to open in any browser
cli-report-long-about =
    Write an HTML report of the translations: a page to open in any browser.

    The report is one self-contained file, DIR/index.html: no network, no fonts or scripts from elsewhere, readable with JavaScript off and on a phone. For each language it shows a bar of translated, outdated, covered and missing segments (with their words), a chart of progress over the commits that touched the locales folder (when the workspace is in a git repository: the last 100), a table of articles sorted by what remains to translate, and how the source of each outdated segment changed. Each language's figures are also data attributes (data-lang, data-segments, data-translated, data-outdated, data-covered, data-missing) for scripts. The figures are those of `l10n status`.
cli-report-languages = Report on this language only (repeatable); by default every target language
cli-report-out = The folder to write index.html into
cli-report-no-cache = Plan every article afresh instead of reusing the results of an earlier run
report-title = Translation report
report-intro = { $articles } { $articles ->
        [one] article
       *[other] articles
    } in { $source }, translated into { $languages }.
report-nav = Languages
report-summary = { $translated } of { $segments } { $segments ->
        [one] segment
       *[other] segments
    } translated ({ $percent } %); { $words_translated } of { $words } { $words ->
        [one] word
       *[other] words
    }.
report-fallback = Missing segments are covered by: { $chain }
report-orphans = Catalogs whose articles are gone (deleted or renamed):
report-column-state = State
report-column-segments = Segments
report-column-words = Words
report-column-share = Share
report-state-translated = Translated
report-state-outdated = Outdated
report-state-covered = Covered by a fallback language
report-state-missing = Missing
report-progress = Progress
report-history-no-git = No progress chart: git is not installed, so the history of the catalogs cannot be read.
report-history-not-repository = No progress chart: the workspace is not in a git repository.
report-history-no-commits = No progress chart: no commit has touched { $locales } yet.
report-history-failed = No progress chart: git could not read the history ({ $reason }).
report-chart-title = Share of { $lang } translated, at each commit that touched { $locales }
report-chart-description = From { $first } % on { $first_date } to { $last } % on { $last_date }, over { $commits } { $commits ->
        [one] commit
       *[other] commits
    }.
report-chart-note = Counted from the catalogs as committed: an entry counts as translated when it has a translation and no previous-source.
report-chart-figures = The figures of the chart
report-column-date = Date
report-column-commit = Commit
report-column-entries = Entries
report-articles = Articles
report-articles-caption = Sorted by what remains to translate, most first. With JavaScript on, choose a column heading to sort by it.
report-column-article = Article
report-column-remaining = Remaining
report-column-words-left = Words left
report-column-missing = Missing
report-column-outdated = Outdated
report-column-covered = Covered
report-column-translated = Translated
report-column-percent = Translated %
report-outdated-heading = Outdated segments
report-outdated-none = No segment is outdated.
report-outdated-intro = How each source sentence changed since it was translated: removed words are struck through, added words underlined. Update the translation, then delete its previous-source line.
report-footer = Written by l10n report. The figures are those of l10n status; the page loads nothing from elsewhere.
error-check-glob-matches-no-id = the glob `{ $glob }` can match no article: article ids have no extension
error-git-no-merge-base = --since { $since }: git finds no commit that both { $since } and HEAD come from ({ $reason }); a shallow clone lacks that history
help-git-no-merge-base = fetch the history the two share: `git fetch --unshallow` (in GitHub Actions, `fetch-depth: 0` on actions/checkout), then run again
init-gitignore-link = .gitignore is a link, left as it is: add { $path } to the file it points to, to keep l10n's cache folder out of git
error-check-empty-table = `{ $key } = {"{}"}` names no language: it would read as a rule and decide nothing
help-check-empty-table = give limits by language (`{ $key } = {"{"} ko = 80 {"}"}`), `"*"` for the others, or one number for all
error-out-not-folder = { $path } is a file, not a folder to write into
help-out-not-folder = give --out a folder (it is made when missing)

# A segment whose source was edited only cosmetically (quotes, dashes, white
# space): its translations stay current (extract's summary).
extract-refreshed = { $count } refreshed
# An outdated segment's state, with why its edit matters ($reasons: number,
# negation, link, name, markup, wording, as in JSON).
check-outdated-reasons = outdated ({ $reasons })
cli-extract-fill = Fill missing entries from the translation memory: `exact` with identical sources only (counted translated, marked `from-memory`), `fuzzy` also with the best close match, as outdated for review
cli-extract-min-score = The least score (0–100) of a fuzzy match `--fill fuzzy` takes
cli-suggest-about = Offer translation memory matches for missing and outdated segments
cli-suggest-long-about =
    Offer, for every missing or outdated segment of a language, the best matches of the translation memory: pairs from every catalog of the language (current and obsolete entries) and from the TMX files `memory = [...]` in l10n.toml names. The memory is kept in .l10n/memory-LANG.sqlite and brought up to date before each run.
cli-suggest-lang = The language to suggest translations in
cli-suggest-format = How to print the suggestions
cli-suggest-min-score = The least score (0–100) of a match shown
cli-suggest-max = The most matches shown per segment
cli-suggest-articles = Suggest for these articles only (ids or paths; default: all)
suggest-segment = { $article }#{ $id }:
suggest-match = { $score }% from { $from }:
suggest-summary = { $segments ->
    [one] 1 segment needs a translation
   *[other] { $segments } segments need a translation
    }; { $matched } with suggestions
error-memory-file = cannot read the translation memory file { $path }: { $reason }
help-memory-file = list TMX files that exist, relative to the folder of l10n.toml, in `memory = [...]`
extract-filled = { $count } filled from memory
build-in-source = { $lang }: { $count } { $count ->
        [one] segment
       *[other] segments
    } in the source language { $source }, in { $articles } { $articles ->
        [one] article
       *[other] articles
    }
build-refused = refused { $article }: { $count } { $count ->
        [one] segment
       *[other] segments
    } in the source language { $source }
cli-build-strict = Do not write an article with any segment left in the source language (no translation of its own, none from a fallback language); the others are written, and the run exits 1
error-markdown-config = invalid [markdown] setting: { $reason }
help-markdown-config = write `front-matter = ["title", "description"]` and `opaque = [["<<", ">>"]]`: key names, and pairs of non-empty delimiters
timings-header = where the time went (summed over threads):
timings-row = {"  "}{ $phase ->
        [discover] discover
        [read] read
        [parse] parse
        [plan] plan
        [render] render
        [stage] stage
       *[commit] commit
    }: { $ms } ms, { $count } { $count ->
        [one] item
       *[other] items
    }
timings-planned = planned { $planned } of { $articles } { $articles ->
        [one] article
       *[other] articles
    }; wall time { $ms } ms
cli-extract-timings = Print where the run spent its time, per phase, to stderr (also L10N_TIMINGS=1)
cli-status-timings = Print where the run spent its time, per phase, to stderr (also L10N_TIMINGS=1)
