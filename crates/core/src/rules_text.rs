//! The text of the rules files (the segmenter's and the change classes'):
//! `[section]` headers, `#` comments to the end of the line, and entries
//! separated by white space.

/// Each line that holds entries, with the section it is in.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (&str, Vec<&str>)> {
    let mut section = "";
    text.lines().filter_map(move |line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim();
            return None;
        }
        Some((section, line.split_whitespace().collect()))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn sections_comments_and_entries() {
        let text = "# a file\n[one]\na b # c\n\n[ two ]\n  d\n";
        let lines: Vec<(&str, Vec<&str>)> = super::lines(text).collect();
        assert_eq!(lines, [("one", vec!["a", "b"]), ("two", vec!["d"])]);
    }
}
