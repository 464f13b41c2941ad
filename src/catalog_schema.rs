//! The catalogs' JSON Schema in a workspace, for editors: `l10n init`
//! writes it (`schemas/catalog.schema.json`) with a `.taplo.toml` that
//! associates it with every catalog, and `extract` names it on the first
//! line of each NEW catalog (`#:schema ../../schemas/catalog.schema.json`),
//! the directive taplo and VS Code's Even Better TOML read. An existing
//! catalog is never rewritten to add the directive, and keeps one it has.
use std::path::Path;

/// The schema, as the repository holds it.
pub const SCHEMA: &str = include_str!("../schemas/catalog.schema.json");

/// Where the schema goes in a workspace, from its root (the same place as
/// in l10n's own repository, itself a workspace).
pub const SCHEMA_PATH: &str = "schemas/catalog.schema.json";

/// taplo's configuration file, read from the workspace's root.
pub const TAPLO_CONFIG_PATH: &str = ".taplo.toml";

/// What `init` writes to `.taplo.toml`: the catalogs of the default
/// `locales` folder checked against the schema.
pub const TAPLO_CONFIG: &str = "\
# taplo (and VS Code's Even Better TOML, which runs it) checks the l10n
# catalogs against their schema: completion, descriptions and errors in
# the editor. Written by `l10n init`; edit `include` if you move `locales`.
[[rule]]
include = [\"locales/**/*.toml\"]

[rule.schema]
path = \"schemas/catalog.schema.json\"
";

/// The `#:schema` line for a new catalog at `catalog` (a path under
/// `root`), naming the schema by a path relative to the catalog's folder.
/// Written only where the workspace has the schema file (the caller
/// looks): a directive to a missing file is an error on every catalog in
/// an editor.
pub fn directive(root: &Path, catalog: &Path) -> Option<String> {
    let folder = catalog.parent()?.strip_prefix(root).ok()?;
    let up = "../".repeat(folder.components().count());
    Some(format!("#:schema {up}{SCHEMA_PATH}\n"))
}
