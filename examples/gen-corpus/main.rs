//! Generates a benchmark workspace of English news articles, and mutates it.
//!
//! ```sh
//! cargo build --release                      # the generator runs target/release/l10n
//! cargo run --release --example gen-corpus -- \
//!     --out /tmp/corpus --articles 1000 --langs ko,ja,zh-Hans --translated 0.8 --seed 1
//! cargo run --release --example gen-corpus -- \
//!     mutate --dir /tmp/corpus --fraction 0.05 --seed 2 --manifest /tmp/corpus/manifest.json
//! ```
//!
//! `generate` writes `l10n.toml` and `articles/<yyyy>/<slug>.md` (about 7 KB
//! and 55 segments each: a headline, a dateline, a byline, paragraphs with
//! quotes, attributions, abbreviations, numbers, money, e-mail addresses and
//! URLs, and boilerplate lines repeated in every article), runs the real
//! `l10n extract` to create the catalogs, then fills a fraction of each
//! target catalog's `translation = ""` lines with pseudo-translations,
//! editing the files line by line. Everything is a function of the seed.
//!
//! `mutate` edits (one or two words of a sentence), inserts (new sentences,
//! unlike any in the article), deletes (single sentences) and moves (two
//! paragraphs swapped, text unchanged) a fraction of the body sentences, and
//! writes a JSON manifest of exactly what it changed. The changes are chosen
//! so that a word-level similarity (the one `l10n` pairs edited segments
//! with, threshold 0.5) pairs each edit with its own old text and nothing
//! else: the manifest is the ground truth for change detection.
//!
//! The generator knows where its sentences end (it never ends one with an
//! abbreviation, and every abbreviation it writes is in [`ABBREVIATIONS`]),
//! so `mutate` re-reads articles with a small splitter of its own and needs
//! nothing from the `l10n` library. `tests/corpus.rs` and
//! `benches/workflow.rs` include this file with `#[path]`.
//!
//! The rooms: [`rng`] (the randomness), [`vocabulary`], [`article`] (one
//! article), [`read`] (articles read back, similarity), [`generate`],
//! [`mutate`]; this file is the command line.
#![allow(dead_code, clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use similar::{Algorithm, capture_diff_slices, diff_ratio};
use unicode_segmentation::UnicodeSegmentation;

mod article;
mod generate;
mod mutate;
mod read;
mod rng;
mod vocabulary;

pub use article::*;
pub use generate::*;
pub use mutate::*;
pub use read::*;
pub use rng::*;
pub use vocabulary::*;

#[derive(clap::Parser, Debug)]
#[command(
    name = "gen-corpus",
    about = "Generate (or mutate) a benchmark workspace of news articles",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
    #[command(flatten)]
    generate: GenerateArgs,
}

#[derive(clap::Subcommand, Debug)]
enum Cmd {
    /// Edit, insert, delete and move a fraction of the sentences; write a manifest.
    Mutate(MutateArgs),
}

#[derive(clap::Args, Debug)]
struct GenerateArgs {
    /// The workspace to write (created; existing articles are overwritten).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// How many articles.
    #[arg(long, default_value_t = 100)]
    articles: usize,
    /// Target languages, comma-separated.
    #[arg(long, default_value = "ko,ja,zh-Hans", value_delimiter = ',')]
    langs: Vec<String>,
    /// Fraction of each target catalog's entries to translate (0 to 1).
    #[arg(long, default_value_t = 0.8)]
    translated: f64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The l10n binary (default: target/<profile>/l10n next to this example).
    #[arg(long, value_name = "PATH")]
    l10n: Option<PathBuf>,
    /// Write the articles and l10n.toml only: no catalogs, no translations.
    #[arg(long)]
    no_extract: bool,
}

#[derive(clap::Args, Debug)]
struct MutateArgs {
    /// The workspace to mutate.
    #[arg(long, value_name = "DIR")]
    dir: PathBuf,
    /// Fraction of the body sentences of each article to touch.
    #[arg(long, default_value_t = 0.05)]
    fraction: f64,
    #[arg(long, default_value_t = 2)]
    seed: u64,
    /// Where to write the JSON manifest (default: DIR/manifest.json).
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
}

fn main() {
    use clap::Parser as _;
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Cmd::Mutate(args)) => run_mutate(args),
        None => run_generate(cli.generate),
    };
    if let Err(e) = result {
        eprintln!("gen-corpus: {e}");
        std::process::exit(1);
    }
}

fn run_generate(args: GenerateArgs) -> io::Result<()> {
    let Some(out) = args.out else {
        return Err(io::Error::other("--out DIR is required"));
    };
    let options = GenerateOptions {
        out,
        articles: args.articles,
        langs: args.langs,
        translated: args.translated.clamp(0.0, 1.0),
        seed: args.seed,
        l10n: args.l10n,
        extract: !args.no_extract,
    };
    if options.extract {
        let l10n = options.l10n.clone().unwrap_or_else(default_l10n);
        if !l10n.is_file() {
            return Err(io::Error::other(format!(
                "{} not found: run `cargo build --release` first, or pass --l10n PATH",
                l10n.display()
            )));
        }
    }
    let start = std::time::Instant::now();
    let generated = generate(&options)?;
    println!(
        "{} articles ({:.1} MB, {} segments) in {} in {:.2} s{}",
        generated.ids.len(),
        generated.bytes as f64 / 1e6,
        generated.sentences,
        options.out.display(),
        start.elapsed().as_secs_f64(),
        if options.extract {
            format!(
                "; catalogs for {} with {:.0} % translated",
                options.langs.join(","),
                options.translated * 100.0
            )
        } else {
            String::new()
        }
    );
    Ok(())
}

fn run_mutate(args: MutateArgs) -> io::Result<()> {
    let manifest = mutate(&args.dir, args.fraction, args.seed)?;
    let path = args
        .manifest
        .unwrap_or_else(|| args.dir.join("manifest.json"));
    let json = serde_json::to_string_pretty(&manifest).map_err(io::Error::other)?;
    fs::write(&path, json + "\n")?;
    let t = manifest.totals;
    println!(
        "mutated {} of {} articles: {} edits, {} inserts, {} deletes, {} moved sentences \
         ({} of {} body sentences); manifest {}",
        manifest.articles.len(),
        t.articles,
        t.edits,
        t.inserts,
        t.deletes,
        t.moves,
        t.touched,
        t.body_sentences,
        path.display()
    );
    Ok(())
}
