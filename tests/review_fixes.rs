//! Defects found by the reviewers of issue 10: comments on a key that
//! extract removes, ids that an article's catalogs already use, a
//! configuration file that is not a regular file, and paths in error
//! messages.
use crate::hostile::{edit_article, translated};
use crate::util::{SEED_ID, seed_article};

fn ko_catalog() -> String {
    format!("locales/ko/{SEED_ID}.toml")
}

/// A `previous-source` that extract removes (the article went back to the
/// text the translation was made from) takes no comment of the
/// translator's with it: not the lines above it, not the one at the end
/// of its line, not when it is the entry's last key.
#[test]
fn comments_on_a_removed_previous_source_are_kept() {
    for (name, shape) in [
        (
            "above",
            "# Asked the desk: keep it.\nprevious-source = {p}\n{t}",
        ),
        (
            "end of line",
            "previous-source = {p} # Asked the desk: keep it.\n{t}",
        ),
        (
            "last key",
            "{t}# Asked the desk: keep it.\nprevious-source = {p}\n",
        ),
    ] {
        let ws = translated();
        edit_article(&ws);
        ws.run(&["extract"]).expect_code(0);
        let text = ws.read(&ko_catalog());
        let start = text.find("previous-source = ").expect("an outdated entry");
        let p_end = start + text[start..].find('\n').unwrap() + 1;
        let t_end = p_end + text[p_end..].find('\n').unwrap() + 1;
        let previous = text[start..p_end]
            .trim_end()
            .trim_start_matches("previous-source = ");
        let translation = &text[p_end..t_end];
        assert!(translation.starts_with("translation = "), "{text}");
        let edited = shape.replace("{p}", previous).replace("{t}", translation);
        ws.write(
            &ko_catalog(),
            &format!("{}{edited}{}", &text[..start], &text[t_end..]),
        );
        // The article as it was: the draft's text is the source again.
        ws.write(&format!("articles/{SEED_ID}.md"), &seed_article());
        ws.run(&["extract"]).expect_code(0);
        let after = ws.read(&ko_catalog());
        assert!(!after.contains("\nprevious-source = "), "{name}: {after}");
        assert!(
            after.contains("# Asked the desk: keep it.\n"),
            "{name}: the comment is gone:\n{after}"
        );
        // And it stays where it is.
        ws.run(&["extract"]).expect_code(0);
        assert_eq!(ws.read(&ko_catalog()), after, "{name}");
    }
}
