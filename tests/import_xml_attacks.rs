//! Red-team attacks on XLIFF 1.2, XLIFF 2.0 and TMX going out and coming
//! back through `l10n import` (issue 12), through the real binary: files as
//! CAT tools and XML tools rewrite them, and hostile ones. Each test was
//! failing on the code before its fix (see tests/README.md, "Issue 12, XML
//! formats"), except the ones marked as survived, kept so it stays so.
use crate::util::{Workspace, entries, field, refuses};

const ARTICLE: &str = "guide/install";
const CATALOG: &str = "locales/ko/guide/install.toml";
const XLF: &str = "export/ko/guide/install.xlf";
const TMX: &str = "export/ko/guide/install.tmx";

/// Inline Markdown as documentation sites write it.
const DOC: &str = "# Install the `l10n` tool\n\n\
    Read the [**full** _guide_](https://docs.example.com/a_b?x=1&y=2 \"Title\") first.\n\n\
    Click [![badge](https://img.shields.io/b.svg)](https://ci.example.com) to see the build.\n\n\
    Use ``code with ` backtick`` and `a*b*c` in your shell.\n\n\
    Press <kbd class=\"key\" data-x='1'>Ctrl</kbd>+<kbd>C</kbd> to stop.\n\n\
    Visit <https://example.com/x_y> or mail <me@example.com> today.\n\n\
    Nested *emphasis with **strong** inside* and ~~gone~~ text.\n";

/// A workspace with the article extracted and nothing translated.
fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write(&format!("articles/{ARTICLE}.md"), DOC);
    ws.mkdir("locales/ko");
    ws.run(&["extract"]).expect_code(0);
    ws
}

fn export(ws: &Workspace, format: &str) -> String {
    ws.run(&["export", "--format", format, "--lang", "ko"])
        .expect_code(0);
    ws.read(if format == "tmx" { TMX } else { XLF })
}

/// The id of the segment whose source starts with `start`.
fn id_of(ws: &Workspace, start: &str) -> String {
    entries(&ws.catalog("ko", ARTICLE), "segment")
        .iter()
        .find(|e| field(e, "source").is_some_and(|s| s.starts_with(start)))
        .and_then(|e| field(e, "id").map(str::to_string))
        .unwrap_or_else(|| panic!("a segment starting {start:?}"))
}

fn translation(ws: &Workspace, id: &str) -> String {
    entries(&ws.catalog("ko", ARTICLE), "segment")
        .iter()
        .find(|e| field(e, "id") == Some(id))
        .and_then(|e| field(e, "translation").map(str::to_string))
        .unwrap_or_default()
}

/// An XLIFF 1.2 export with the empty target of segment `id` replaced by
/// `target` (a whole `<target …>…</target>`).
fn fill_12(xlf: &str, id: &str, target: &str) -> String {
    let unit = xlf
        .find(&format!("<trans-unit id=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} in\n{xlf}"));
    let empty = "<target state=\"needs-translation\"></target>";
    let at = unit + xlf[unit..].find(empty).expect("an empty target");
    format!("{}{target}{}", &xlf[..at], &xlf[at + empty.len()..])
}

/// An XLIFF 2.0 export with segment `id` given `state` and `target` (its
/// content).
fn fill_2(xlf: &str, id: &str, state: &str, target: &str) -> String {
    let start = format!("<segment id=\"{id}\" state=\"initial\">");
    let at = xlf.find(&start).unwrap_or_else(|| panic!("{id} in\n{xlf}"));
    let end = at + xlf[at..].find("</source>\n").expect("a source") + "</source>\n".len();
    format!(
        "{}<segment id=\"{id}\" state=\"{state}\">{}<target>{target}</target>\n{}",
        &xlf[..at],
        &xlf[at + start.len()..end],
        &xlf[end..]
    )
}

/// Was broken: a tool that indents the file (lxml's or xmllint's pretty
/// printer, a CAT tool's writer) and says `xml:space="default"` (or drops
/// it) put its layout into the catalog: `"\n          설치 …\n        "`,
/// exit 0, a heading that `build` would break. Now the layout is folded
/// as l10n folds an article's lines.
#[test]
fn an_indented_file_without_preserved_space_imports_the_text_not_the_layout() {
    let ws = workspace();
    let id = id_of(&ws, "Install");
    let xlf = export(&ws, "xliff").replace("xml:space=\"preserve\"", "xml:space=\"default\"");
    let indented = fill_12(
        &xlf,
        &id,
        "<target state=\"translated\">\n          <ph id=\"1\"/> 도구\n          설치\n        </target>",
    );
    ws.write(XLF, &indented);
    ws.run(&["import", XLF]).expect_code(0);
    assert_eq!(translation(&ws, &id), "`l10n` 도구 설치");

    let ws = workspace();
    let xlf = export(&ws, "xliff2").replace(" xml:space=\"preserve\"", "");
    let indented = fill_2(
        &xlf,
        &id,
        "translated",
        "\n          <ph id=\"c1\"/> 도구\n          설치\n        ",
    );
    ws.write(XLF, &indented);
    ws.run(&["import", XLF]).expect_code(0);
    assert_eq!(translation(&ws, &id), "`l10n` 도구 설치");
}

/// Was broken: a raw ESC (a terminal escape), `&#1;` or `&#xFFFE;` in an
/// XLIFF target, which XML does not allow and xmllint refuses, went into
/// the catalog (exit 0); the TMX reader refused them already. Now exit 2,
/// nothing written.
#[test]
fn characters_xml_does_not_allow_are_refused_not_imported() {
    let ws = workspace();
    let id = id_of(&ws, "Install");
    let xlf_12 = export(&ws, "xliff");
    let xlf_2 = export(&ws, "xliff2");
    for (bad, reason) in [
        ("설치 \u{1b}[31m빨강", "U+001B"),
        ("설치 &#1;", "U+0001"),
        ("설치 &#xFFFE;", "U+FFFE"),
    ] {
        let target = format!("<target state=\"translated\">{bad} <ph id=\"1\"/></target>");
        ws.write(XLF, &fill_12(&xlf_12, &id, &target));
        refuses(&ws, &["import", XLF], &[reason, "guide/install.xlf:"]);
        ws.write(XLF, &fill_2(&xlf_2, &id, "translated", bad));
        refuses(&ws, &["import", XLF], &[reason]);
    }
    assert_eq!(translation(&ws, &id), "");
}

/// Was broken: `<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "…">`, as
/// older tools write it, stopped the import (exit 2), though it declares
/// nothing (a TMX's was read). An internal subset is still refused.
#[test]
fn a_doctype_that_only_names_its_dtd_is_read() {
    let ws = workspace();
    let id = id_of(&ws, "Install");
    let xlf = fill_12(
        &export(&ws, "xliff"),
        &id,
        "<target state=\"translated\"><ph id=\"1\"/> 설치</target>",
    );
    let doctype = "<!DOCTYPE xliff PUBLIC \"-//XLIFF//DTD XLIFF//EN\" \
                   \"http://www.oasis-open.org/committees/xliff/documents/xliff.dtd\">\n<xliff ";
    let laughs = "<!DOCTYPE xliff [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<xliff ";
    ws.write(XLF, &xlf.replacen("<xliff ", laughs, 1));
    refuses(&ws, &["import", XLF], &["internal subset"]);
    ws.write(XLF, &xlf.replacen("<xliff ", doctype, 1));
    ws.run(&["import", XLF]).expect_code(0);
    assert_eq!(translation(&ws, &id), "`l10n` 설치");
}

/// Was broken: a target that dropped one end of a link or of emphasis, or
/// crossed two pairs, went into the catalog as broken Markdown with exit 0
/// (`[**전체** 안내 먼저 읽기.`, `](https://…)전체[`). Now exit 2 naming the
/// code, nothing written; ends that stay in order, reordered pairs and
/// re-nested `<pc>`s import exactly.
#[test]
fn a_dropped_or_crossed_end_of_a_pair_is_refused() {
    let ws = workspace();
    let id = id_of(&ws, "Read");
    let xlf_12 = export(&ws, "xliff");
    for (target, reason) in [
        (
            "<bpt id=\"1\">[</bpt><bpt id=\"2\">**</bpt>전체<ept id=\"2\">**</ept> 안내 먼저.",
            "<bpt id=\"1\"> has no <ept>",
        ),
        (
            "<bpt id=\"1\">[</bpt><bpt id=\"2\">**</bpt>전체<ept id=\"1\">](u)</ept><ept id=\"2\">**</ept>",
            "<ept id=\"1\"> does not close",
        ),
    ] {
        let target = format!("<target state=\"translated\">{target}</target>");
        ws.write(XLF, &fill_12(&xlf_12, &id, &target));
        refuses(&ws, &["import", XLF], &[reason]);
    }
    let xlf_2 = export(&ws, "xliff2");
    for (target, reason) in [
        (
            "<sc id=\"c1\"/>전체 먼저 읽기.",
            "<sc id=\"c1\"> has no <ec>",
        ),
        (
            "<ec startRef=\"c1\"/>전체<sc id=\"c1\"/> 먼저 읽기.",
            "does not close",
        ),
    ] {
        ws.write(XLF, &fill_2(&xlf_2, &id, "translated", target));
        refuses(&ws, &["import", XLF], &[reason]);
    }
    // Survived: pairs reordered and re-nested by a translator.
    let renested =
        "<pc id=\"c2\"><pc id=\"c1\">전체</pc></pc> <sc id=\"c3\"/>안내<ec startRef=\"c3\"/> 먼저.";
    ws.write(XLF, &fill_2(&xlf_2, &id, "final", renested));
    ws.run(&["import", XLF]).expect_code(0);
    assert_eq!(
        translation(&ws, &id),
        "**[전체](https://docs.example.com/a_b?x=1&y=2 \"Title\")** _안내_ 먼저."
    );
}

/// Guards the writer change the pair check needed: a translation whose
/// link goes elsewhere than the source's (or whose emphasis differs) is
/// exported with those ends as text, and the unedited export imports back
/// with nothing changed.
#[test]
fn a_translation_with_other_links_than_its_source_round_trips() {
    let ws = workspace();
    let read = id_of(&ws, "Read");
    let click = id_of(&ws, "Click");
    ws.translate("ko", ARTICLE, |id, _| {
        (id == read)
            .then(|| "[**전체** 안내](https://ko.example.com) *먼저* 읽기.".to_string())
            .or_else(|| (id == click).then(|| "[배지](https://ci.example.com) 클릭".to_string()))
    });
    let before = ws.read(CATALOG);
    for format in ["xliff", "xliff2"] {
        export(&ws, format);
        let run = ws.run(&["import", XLF]).expect_code(0);
        assert!(
            run.stdout.contains("0 applied, 2 unchanged"),
            "{}",
            run.stdout
        );
        assert_eq!(ws.read(CATALOG), before, "{format}");
    }
}

/// Was broken: a memory whose header says `srclang="*all*"` (any language
/// may be the source, as multilingual memories say) stopped the import
/// (exit 2, "no <tuv> in the source language *all*"). Now the first
/// `<tuv>` is the source.
#[test]
fn a_memory_for_all_languages_imports() {
    let ws = workspace();
    let id = id_of(&ws, "Install");
    ws.translate("ko", ARTICLE, |i, _| (i == id).then(|| "설치".to_string()));
    let tmx = export(&ws, "tmx")
        .replace("srclang=\"en\"", "srclang=\"*all*\"")
        .replace("<seg>설치</seg>", "<seg>`l10n` 도구 설치</seg>");
    ws.write(TMX, &tmx);
    ws.run(&["import", TMX]).expect_code(0);
    assert_eq!(translation(&ws, &id), "`l10n` 도구 설치");
}

/// Survived: XLIFF 1.2 as Okapi/Rainbow and other CAT tools write it: a
/// prefixed root, `<seg-source>` with `<mrk mtype="seg">`, targets in a
/// `<mrk>`, `state="final"` and `signed-off`, CDATA, codes reordered and
/// without their text, extension namespaces (`its:`, `okp:`) on elements,
/// attributes and codes.
#[test]
fn xliff_as_cat_tools_write_it_imports_exactly() {
    let ws = workspace();
    let (install, press) = (id_of(&ws, "Install"), id_of(&ws, "Press"));
    let xlf = export(&ws, "xliff");
    let xlf = fill_12(
        &xlf,
        &install,
        "<target state=\"final\" xml:lang=\"ko\"><mrk mtype=\"seg\" mid=\"1\">\
         <ph id=\"1\" its:locNote=\"x\" okp:equiv=\"y\"/> <![CDATA[도구 & <설치>]]></mrk></target>",
    );
    let xlf = fill_12(
        &xlf,
        &press,
        "<target state=\"signed-off\"><ph id=\"3\"/>C<ph id=\"4\"/>+<ph id=\"1\"/>Ctrl<ph id=\"2\"/>로 중지.</target>",
    );
    let seg_source = format!("<trans-unit id=\"{install}\"");
    let xlf = xlf
        .replacen(
            "<xliff version=\"1.2\" xmlns=",
            "<xliff version=\"1.2\" xmlns:its=\"http://www.w3.org/2005/11/its\" \
             xmlns:okp=\"okapi-framework:xliff-extensions\" its:version=\"2.0\" xmlns:xlf=",
            1,
        )
        .replace("<header>", "<header><okp:tool okp:x=\"1\"/>")
        .replace(&seg_source, &format!("{seg_source} okp:x=\"1\""))
        .replace(
            "</trans-unit>",
            "<seg-source><mrk mtype=\"seg\" mid=\"1\">x</mrk></seg-source><okp:extra/></trans-unit>",
        );
    // Every element of the XLIFF namespace under the prefix `xlf:`.
    let mut prefixed = String::new();
    let mut rest = xlf.as_str();
    while let Some(at) = rest.find('<') {
        prefixed.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        let slash = rest.starts_with('/');
        let name = &rest[usize::from(slash)..];
        let local = name.as_bytes()[0].is_ascii_alphabetic()
            && !name
                .split([' ', '>', '/'])
                .next()
                .unwrap_or("")
                .contains(':');
        if slash {
            prefixed.push('/');
            rest = &rest[1..];
        }
        if local {
            prefixed.push_str("xlf:");
        }
    }
    prefixed.push_str(rest);
    ws.write(XLF, &prefixed);
    ws.run(&["import", XLF]).expect_code(0);
    assert_eq!(translation(&ws, &install), "`l10n` 도구 & <설치>");
    assert_eq!(
        translation(&ws, &press),
        "<kbd>C</kbd>+<kbd class=\"key\" data-x='1'>Ctrl</kbd>로 중지."
    );
}
