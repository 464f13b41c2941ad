//! `l10n export --format ftl`: Fluent resources from the catalogs.
use fluent::{FluentBundle, FluentResource};
use fluent_syntax::ast::Entry;

use crate::scenario::translated_workspace;
use crate::util::{SEED_ID, seed_article};

#[test]
fn exports_current_translations_as_fluent_messages() {
    let ws = translated_workspace();
    ws.write(
        &format!("articles/{SEED_ID}.md"),
        &seed_article().replace("close ties", "strong ties"),
    );
    let run = ws
        .run(&["export", "--format", "ftl", "--lang", "ko"])
        .expect_code(0);
    assert!(
        run.stdout
            .contains(&format!("wrote export/ko/{SEED_ID}.ftl")),
        "{}",
        run.stdout
    );
    let text = ws.read(&format!("export/ko/{SEED_ID}.ftl"));
    let resource = fluent_syntax::parser::parse(text.as_str()).expect("valid Fluent");
    let messages: Vec<&str> = resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name),
            Entry::Junk { content } => panic!("junk in the export: {content}"),
            _ => None,
        })
        .collect();
    let json = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    let totals = &json["languages"][0]["totals"];
    assert_eq!(
        messages.len() as u64,
        totals["translated"].as_u64().unwrap(),
        "the outdated one is left out"
    );

    let catalog = ws.catalog("ko", SEED_ID);
    let entry = &crate::util::entries(&catalog, "segment")[0];
    let id = crate::util::field(entry, "id").unwrap();
    let mut bundle = FluentBundle::new(vec!["ko".parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(FluentResource::try_new(text).unwrap())
        .unwrap();
    let message = bundle
        .get_message(&format!("s-{id}"))
        .expect("the first segment's message");
    let mut errors = Vec::new();
    let value = bundle.format_pattern(message.value().unwrap(), None, &mut errors);
    assert!(errors.is_empty());
    assert_eq!(value, crate::util::field(entry, "translation").unwrap());
}
