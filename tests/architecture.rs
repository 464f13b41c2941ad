//! The invariants of ARCHITECTURE.md that a reading of the source can
//! check: the core crate does no I/O and reads no clock, no source file
//! grows past 1,000 lines, and the modules of each crate import each other
//! without cycles. Cargo keeps the core's dependencies pure; these tests
//! keep its code so.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The code of a file that ships: without its unit tests (everything from
/// the first `#[cfg(test)]` on, and files that are tests only).
fn shipped_code(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    if matches!(name, "tests.rs" | "testing.rs") {
        return None;
    }
    let text = fs::read_to_string(path).unwrap();
    let end = text.find("#[cfg(test)]").unwrap_or(text.len());
    Some(text[..end].to_string())
}

#[test]
fn the_core_does_no_io_and_reads_no_clock() {
    let forbidden = [
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "std::thread",
        "std::io::stdin",
        "std::io::stdout",
        "Instant",
        "SystemTime",
        "println!",
        "eprintln!",
    ];
    let mut found = Vec::new();
    for path in rust_files(&root().join("crates/core/src")) {
        let Some(code) = shipped_code(&path) else {
            continue;
        };
        for (number, line) in code.lines().enumerate() {
            let code_part = line.split("//").next().unwrap_or("");
            for word in forbidden.iter().filter(|w| code_part.contains(**w)) {
                found.push(format!("{}:{}: {word}", path.display(), number + 1));
            }
        }
    }
    assert!(found.is_empty(), "I/O or a clock in the core:\n{found:#?}");
}

#[test]
fn no_source_file_is_over_1000_lines() {
    let mut long = Vec::new();
    for dir in ["src", "crates", "tests", "benches", "examples", "fuzz"] {
        let dir = root().join(dir);
        if !dir.is_dir() {
            continue;
        }
        for path in rust_files(&dir) {
            if path.components().any(|c| c.as_os_str() == "target") {
                continue;
            }
            let lines = fs::read_to_string(&path).unwrap().lines().count();
            if lines > 1000 {
                long.push(format!("{}: {lines} lines", path.display()));
            }
        }
    }
    assert!(long.is_empty(), "files over 1,000 lines:\n{long:#?}");
}

/// The top-level modules of the crate in `src` and which others each one
/// imports (`crate::name`) in the code that ships.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in rust_files(src) {
        let relative = path.strip_prefix(src).unwrap();
        let first = relative.components().next().unwrap();
        let module = first.as_os_str().to_str().unwrap().trim_end_matches(".rs");
        if matches!(module, "lib" | "main") {
            continue;
        }
        let Some(code) = shipped_code(&path) else {
            continue;
        };
        let imports = graph.entry(module.to_string()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != module {
                imports.insert(name);
            }
        }
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for imports in graph.values_mut() {
        imports.retain(|name| modules.contains(name));
    }
    graph
}

/// A cycle in `graph`, if there is one, as the path that closes it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in &graph[node] {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn modules_import_each_other_without_cycles() {
    for src in ["src", "crates/core/src"] {
        let graph = module_graph(&root().join(src));
        assert!(graph.len() > 5, "{src}: modules not found");
        if let Some(cycle) = find_cycle(&graph) {
            panic!("{src}: an import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
