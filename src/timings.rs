//! Where a run spent its time, per phase (`--timings`, `L10N_TIMINGS=1`),
//! so that a user with a slow workspace can see why.
//!
//! The phases of one article run in parallel on every core: the time of a
//! phase is the sum of its spans over all threads, which can exceed the
//! run's wall time; the table ends with the wall time of the whole run.
//! Measuring is off unless asked for: a run that prints no table reads no
//! clock per article.
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use crate::msg;
use crate::ui::Ui;

/// The phases of a run, in the order they happen to an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Finding the articles and looking at their files' stamps.
    Discover,
    /// Reading the files whose contents are needed.
    Read,
    /// Decoding and segmenting articles, parsing catalogs.
    Parse,
    /// Aligning each article with its catalogs.
    Plan,
    /// Rendering new catalogs' text.
    Render,
    /// Writing them to temporary files.
    Stage,
    /// Checking and swapping them in.
    Commit,
}

const PHASES: [Phase; 7] = [
    Phase::Discover,
    Phase::Read,
    Phase::Parse,
    Phase::Plan,
    Phase::Render,
    Phase::Stage,
    Phase::Commit,
];

impl Phase {
    /// The name shown in the table (a selector of `timings-row`).
    fn name(self) -> &'static str {
        match self {
            Phase::Discover => "discover",
            Phase::Read => "read",
            Phase::Parse => "parse",
            Phase::Plan => "plan",
            Phase::Render => "render",
            Phase::Stage => "stage",
            Phase::Commit => "commit",
        }
    }
}

static ENABLED: AtomicBool = AtomicBool::new(false);
static NANOS: [AtomicU64; 7] = [const { AtomicU64::new(0) }; 7];
static COUNTS: [AtomicU64; 7] = [const { AtomicU64::new(0) }; 7];
/// Articles read and planned, of all articles looked at.
static PLANNED: AtomicU64 = AtomicU64::new(0);
static ARTICLES: AtomicU64 = AtomicU64::new(0);

/// Starts measuring (one run per process: the totals are never reset).
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
}

/// Runs `work`, counting its time (and one item) to `phase` when measuring.
pub fn time<T>(phase: Phase, work: impl FnOnce() -> T) -> T {
    if !ENABLED.load(Ordering::Relaxed) {
        return work();
    }
    let start = Instant::now();
    let result = work();
    let index = phase as usize;
    let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
    NANOS[index].fetch_add(nanos, Ordering::Relaxed);
    COUNTS[index].fetch_add(1, Ordering::Relaxed);
    result
}

/// Counts one article read and planned (not taken as unchanged).
pub fn planned_one() {
    PLANNED.fetch_add(1, Ordering::Relaxed);
}

/// Counts `count` articles looked at (planned or taken as unchanged).
pub fn looked_at(count: usize) {
    ARTICLES.fetch_add(count as u64, Ordering::Relaxed);
}

/// The table: one row per phase (milliseconds, items), how many of the
/// articles looked at were planned, and the run's wall time since `start`.
pub fn table(ui: Ui, start: Instant) -> String {
    let mut out = ui.text(&msg!("timings-header")) + "\n";
    for phase in PHASES {
        let index = phase as usize;
        let nanos = NANOS[index].load(Ordering::Relaxed);
        let row = msg!(
            "timings-row",
            phase = phase.name(),
            ms = format!("{:.1}", nanos as f64 / 1e6),
            count = COUNTS[index].load(Ordering::Relaxed) as usize
        );
        out += &ui.text(&row);
        out.push('\n');
    }
    let planned = msg!(
        "timings-planned",
        planned = PLANNED.load(Ordering::Relaxed) as usize,
        articles = ARTICLES.load(Ordering::Relaxed) as usize,
        ms = format!("{:.1}", start.elapsed().as_secs_f64() * 1e3)
    );
    out += &ui.text(&planned);
    out.push('\n');
    out
}
