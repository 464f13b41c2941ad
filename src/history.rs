//! How far each language's translation had got at each of the last commits
//! that touched the locales folder, read from git for `l10n report`'s
//! progress charts.
//!
//! Git itself is asked (the `git` command, as a person has it): one `git
//! log` names the commits, then one `git cat-file --batch` process serves
//! every tree and catalog of every commit, in three passes: the folders of
//! every commit are walked (small objects, one at a time), then every
//! catalog they hold is asked for at once and counted as it arrives, on
//! every core, while git inflates the next ones; then each commit's counts
//! are summed. Git's objects are named by their content, so a folder or
//! catalog seen in an earlier commit is never read again: a commit that
//! changed one catalog costs one catalog's count. Nothing here writes, and
//! a git that is missing or fails is a reason the page gives, not an error
//! of the run.
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::catalog;
use crate::lang::Lang;

/// The most commits a chart shows (the latest).
pub const MAX_COMMITS: usize = 100;

/// A language's catalogs at one commit: their current entries (obsolete
/// ones aside) and how many of those have a translation that is not marked
/// outdated (no `previous-source`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub translated: usize,
    pub entries: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.translated += other.translated;
        self.entries += other.entries;
    }
}

/// One commit that touched the locales folder.
#[derive(Debug, Clone)]
pub struct Commit {
    /// The full object name.
    pub id: String,
    /// Committer time, in seconds since the Unix epoch.
    pub time: i64,
    /// One tally per language asked for, in the order asked.
    pub tallies: Vec<Tally>,
}

/// Why there is no history to chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No `git` command could be run.
    NoGit,
    /// The workspace is not inside a git repository.
    NotRepository,
    /// No commit touched the locales folder (or it is not committed yet).
    NoCommits,
    /// Git failed; its first line of complaint.
    Failed(String),
}

/// The last [`MAX_COMMITS`] commits that touched `locales` (a folder inside
/// the workspace at `root`), oldest first, with the tallies of `languages`.
pub fn read(root: &Path, locales: &Path, languages: &[Lang]) -> Result<Vec<Commit>, Missing> {
    let top = git_output(root, &["rev-parse", "--show-toplevel"])?;
    let top = Path::new(top.trim_end_matches('\n'));
    let inside = relative_inside(top, locales).ok_or(Missing::NotRepository)?;
    let log = git_output(
        top,
        &[
            "--literal-pathspecs",
            "log",
            &format!("--max-count={MAX_COMMITS}"),
            "--format=%H %ct",
            "--",
            &inside,
        ],
    )?;
    let mut commits: Vec<(String, i64)> = log
        .lines()
        .filter_map(|line| {
            let (id, time) = line.split_once(' ')?;
            Some((id.to_string(), time.trim().parse().ok()?))
        })
        .collect();
    if commits.is_empty() {
        return Err(Missing::NoCommits);
    }
    commits.reverse();
    let mut objects = Objects::start(top)?;
    let result = tally_commits(&mut objects, &commits, &inside, languages);
    objects.finish();
    result
}

/// The three passes (see the module's documentation) over `commits`.
fn tally_commits(
    objects: &mut Objects,
    commits: &[(String, i64)],
    inside: &str,
    languages: &[Lang],
) -> Result<Vec<Commit>, Missing> {
    let mut folders = Folders::default();
    // Per commit, per language: the language's folder, if it had one.
    let mut roots: Vec<Vec<Option<String>>> = Vec::with_capacity(commits.len());
    for (id, _) in commits {
        let mut per_language = vec![None; languages.len()];
        // None: the locales folder was deleted in this commit.
        if let Some(locales) = objects.get(&format!("{id}:{inside}"))?
            && locales.kind == "tree"
        {
            for (mode, name, child) in tree_entries(&locales.content, id.len() / 2) {
                let lang = std::str::from_utf8(name)
                    .ok()
                    .and_then(|name| name.parse::<Lang>().ok());
                let Some(i) = lang.and_then(|lang| languages.iter().position(|l| *l == lang))
                else {
                    continue;
                };
                if mode == b"40000" {
                    folders.walk(objects, &child)?;
                    per_language[i] = Some(child);
                }
            }
        }
        roots.push(per_language);
    }
    let catalogs = count_catalogs(objects, std::mem::take(&mut folders.catalogs))?;
    let mut sums = HashMap::new();
    Ok(commits
        .iter()
        .zip(roots)
        .map(|((id, time), per_language)| Commit {
            id: id.clone(),
            time: *time,
            tallies: per_language
                .iter()
                .map(|folder| match folder {
                    Some(folder) => folders.sum(folder, &catalogs, &mut sums),
                    None => Tally::default(),
                })
                .collect(),
        })
        .collect())
}

/// `path` from the repository's top folder, with `/`, as git names paths;
/// both are compared as real paths (links resolved).
fn relative_inside(top: &Path, path: &Path) -> Option<String> {
    let top = top.canonicalize().ok()?;
    let path = path.canonicalize().ok()?;
    let relative = path.strip_prefix(&top).ok()?;
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    let joined = parts?.join("/");
    // `cat-file --batch` reads one name a line.
    (!joined.is_empty() && !joined.contains('\n')).then_some(joined)
}

/// `git` run in `dir` with `args`: its standard output, or why not.
fn git_output(dir: &Path, args: &[&str]) -> Result<String, Missing> {
    let output = git(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|_| Missing::NoGit)?;
    if output.status.success() {
        return String::from_utf8(output.stdout)
            .map_err(|_| Missing::Failed("git printed something that is not UTF-8".into()));
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("not a git repository") {
        return Err(Missing::NotRepository);
    }
    // A repository with no commit yet has no history to show.
    if stderr.contains("does not have any commits") {
        return Err(Missing::NoCommits);
    }
    let first = stderr.lines().next().unwrap_or("").trim();
    Err(Missing::Failed(
        first.trim_start_matches("fatal: ").to_string(),
    ))
}

/// [`crate::git::command`] in the C locale: its messages are matched.
fn git(dir: &Path) -> Command {
    let mut command = crate::git::command(dir);
    command.env("LC_ALL", "C").env("LANGUAGE", "");
    command
}

/// One `git cat-file --batch`, asked one object at a time.
struct Objects {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

/// An object's kind and content, as `cat-file` gives them.
struct Object {
    kind: String,
    content: Vec<u8>,
}

impl Objects {
    fn start(top: &Path) -> Result<Objects, Missing> {
        let mut child = git(top)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|_| Missing::NoGit)?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(failed("git cat-file has no pipes"));
        };
        Ok(Objects {
            child,
            input,
            output: BufReader::new(output),
        })
    }

    /// The object `name` names (`<commit>:<path>` or an object id); `None`
    /// when there is none.
    fn get(&mut self, name: &str) -> Result<Option<Object>, Missing> {
        writeln!(self.input, "{name}").map_err(broken)?;
        self.input.flush().map_err(broken)?;
        answer(&mut self.output)
    }

    fn finish(self) {
        let Objects {
            mut child, input, ..
        } = self;
        drop(input);
        let _ = child.wait();
    }
}

/// Reads `cat-file`'s answer to one request: `None` for a missing object.
fn answer(output: &mut BufReader<ChildStdout>) -> Result<Option<Object>, Missing> {
    let mut header = String::new();
    output.read_line(&mut header).map_err(broken)?;
    // `<oid> <type> <size>`, or `<name> missing` (or `ambiguous`),
    // where the name may hold spaces.
    let header = header.trim_end_matches('\n');
    if header.is_empty() {
        return Err(failed("git cat-file stopped"));
    }
    if header.ends_with(" missing") || header.ends_with(" ambiguous") {
        return Ok(None);
    }
    let fields: Vec<&str> = header.split(' ').collect();
    let [_, kind, size] = fields[..] else {
        return Err(failed(&format!("git cat-file said `{header}`")));
    };
    let size: usize = size
        .parse()
        .map_err(|_| failed(&format!("git cat-file said `{header}`")))?;
    let mut content = vec![0; size + 1];
    output.read_exact(&mut content).map_err(broken)?;
    content.pop(); // The newline after each object.
    Ok(Some(Object {
        kind: kind.to_string(),
        content,
    }))
}

fn broken(error: std::io::Error) -> Missing {
    failed(&format!("git cat-file: {error}"))
}

fn failed(reason: &str) -> Missing {
    Missing::Failed(reason.to_string())
}

/// The entries of a git tree object: (mode, name, object id in hex).
fn tree_entries(content: &[u8], id_len: usize) -> Vec<(&[u8], &[u8], String)> {
    let mut entries = Vec::new();
    let mut rest = content;
    while let Some(space) = rest.iter().position(|&b| b == b' ') {
        let Some(nul) = rest.iter().position(|&b| b == 0) else {
            break;
        };
        if nul < space || rest.len() < nul + 1 + id_len {
            break;
        }
        let id: String = rest[nul + 1..nul + 1 + id_len]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        entries.push((&rest[..space], &rest[space + 1..nul], id));
        rest = &rest[nul + 1 + id_len..];
    }
    entries
}

/// One entry of a folder that counts: a folder, or a catalog (a regular
/// `.toml` file).
#[derive(Debug, Clone)]
enum Item {
    Folder(String),
    Catalog(String),
}

/// The folders under the languages' folders, each read once.
#[derive(Default)]
struct Folders {
    /// Each folder's folders and catalogs, by object id.
    items: HashMap<String, Vec<Item>>,
    /// The catalogs to count (object id and file name), each once.
    catalogs: Vec<(String, String)>,
    seen: std::collections::HashSet<String>,
}

impl Folders {
    /// Reads the folder `id` and every folder below it not read yet.
    fn walk(&mut self, objects: &mut Objects, id: &str) -> Result<(), Missing> {
        let mut pending = vec![id.to_string()];
        while let Some(id) = pending.pop() {
            if self.items.contains_key(&id) {
                continue;
            }
            let mut items = Vec::new();
            if let Some(tree) = objects.get(&id)?.filter(|o| o.kind == "tree") {
                for (mode, name, child) in tree_entries(&tree.content, id.len() / 2) {
                    match mode {
                        b"40000" => {
                            pending.push(child.clone());
                            items.push(Item::Folder(child));
                        }
                        // Regular files only: a link or a submodule is no
                        // catalog.
                        b"100644" | b"100755" if name.ends_with(b".toml") => {
                            if self.seen.insert(child.clone()) {
                                let name = String::from_utf8_lossy(name).into_owned();
                                self.catalogs.push((child.clone(), name));
                            }
                            items.push(Item::Catalog(child));
                        }
                        _ => {}
                    }
                }
            }
            self.items.insert(id, items);
        }
        Ok(())
    }

    /// The sum of the catalogs' tallies in folder `id` and below,
    /// remembered in `sums`.
    fn sum(
        &self,
        id: &str,
        catalogs: &HashMap<String, Tally>,
        sums: &mut HashMap<String, Tally>,
    ) -> Tally {
        if let Some(sum) = sums.get(id) {
            return *sum;
        }
        let mut sum = Tally::default();
        for item in self.items.get(id).into_iter().flatten() {
            sum.add(match item {
                Item::Folder(folder) => self.sum(folder, catalogs, sums),
                Item::Catalog(catalog) => catalogs.get(catalog).copied().unwrap_or_default(),
            });
        }
        sums.insert(id.to_string(), sum);
        sum
    }
}

/// The tallies of `catalogs` (object id, file name): all asked for at once
/// (a thread writes the requests), read as git sends them (a second
/// thread), and counted on every core as they arrive.
fn count_catalogs(
    objects: &mut Objects,
    catalogs: Vec<(String, String)>,
) -> Result<HashMap<String, Tally>, Missing> {
    let Objects {
        child,
        input,
        output,
    } = objects;
    let (ready, arrived) = std::sync::mpsc::sync_channel::<(usize, Vec<u8>)>(64);
    let catalogs = &catalogs;
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> std::io::Result<()> {
            let mut requests = std::io::BufWriter::new(input);
            for (id, _) in catalogs {
                writeln!(requests, "{id}")?;
            }
            requests.flush()
        });
        let reader = scope.spawn(move || -> Result<(), Missing> {
            for i in 0..catalogs.len() {
                let content = answer(output)?.map(|o| o.content).unwrap_or_default();
                if ready.send((i, content)).is_err() {
                    break;
                }
            }
            Ok(())
        });
        let tallies: HashMap<String, Tally> = arrived
            .into_iter()
            .par_bridge()
            .map(|(i, content)| {
                let (id, name) = &catalogs[i];
                (id.clone(), catalog_tally(&content, name.as_bytes()))
            })
            .collect();
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(failed("a thread failed")));
        if read.is_err() {
            // Git may be blocked writing what no one reads, and the writer
            // on git: stop git, so that the writer's next write fails.
            let _ = child.kill();
        }
        let written = writer.join().unwrap_or(Ok(()));
        read?;
        written.map_err(broken)?;
        Ok(tallies)
    })
}

/// The tally of one catalog; a file that is not a catalog (not UTF-8,
/// not valid) counts for nothing, as it did for no reader then.
fn catalog_tally(bytes: &[u8], name: &[u8]) -> Tally {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let (Ok(text), Ok(name)) = (std::str::from_utf8(bytes), std::str::from_utf8(name)) else {
        return Tally::default();
    };
    match catalog::parse(Path::new(name), text) {
        Ok(catalog) => Tally {
            translated: catalog
                .segments
                .iter()
                .filter(|e| e.is_translated() && e.previous_source.is_none())
                .count(),
            entries: catalog.segments.len(),
        },
        Err(_) => Tally::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_entries_are_read_from_git_s_binary_form() {
        let mut tree = b"40000 ko\0".to_vec();
        tree.extend([0xab; 20]);
        tree.extend(b"100644 a b.toml\0");
        tree.extend([0x01; 20]);
        let entries = tree_entries(&tree, 20);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].0, b"40000");
        assert_eq!(entries[0].1, b"ko");
        assert_eq!(entries[0].2, "ab".repeat(20));
        assert_eq!(entries[1].1, b"a b.toml");
        assert_eq!(entries[1].2, "01".repeat(20));
    }

    #[test]
    fn a_catalog_counts_current_translations_of_its_segments() {
        let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\n\
            [[segment]]\nid = \"1\"\nsource = \"One.\"\ntranslation = \"하나.\"\n\n\
            [[segment]]\nid = \"2\"\nsource = \"Two.\"\nprevious-source = \"Twice.\"\ntranslation = \"둘.\"\n\n\
            [[segment]]\nid = \"3\"\nsource = \"Three.\"\ntranslation = \"\"\n\n\
            [[obsolete]]\nid = \"4\"\nsource = \"Four.\"\ntranslation = \"넷.\"\n";
        assert_eq!(
            catalog_tally(text.as_bytes(), b"a.toml"),
            Tally {
                translated: 1,
                entries: 3
            }
        );
        assert_eq!(catalog_tally(b"not = [toml", b"a.toml"), Tally::default());
    }
}
