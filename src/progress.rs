//! The progress bar of a run over many articles (`extract`, `status`,
//! `check`, `build`, `export`, and `import` over its files), on standard
//! error. Like the stop flag (`interrupt`), the switch is the binary's:
//! it turns the bar on only when standard error is a terminal and
//! `--quiet` is off, so a library user, a pipe or a CI log never sees one.
//! Even then a bar is drawn only once its run has lasted long enough to be
//! worth watching, and it is erased when its run ends, before the command's
//! output is printed, which it thus never cuts into.
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes on before its bar shows, and the bar's label (the
/// word for what is counted, in the UI language); unset: no bar.
static SWITCH: OnceLock<(Duration, String)> = OnceLock::new();

/// Lets runs show a bar once they have lasted `after`, counting `label`.
pub fn enable(after: Duration, label: String) {
    let _ = SWITCH.set((after, label));
}

/// The progress of one run over `total` items: [`Progress::advance`] once
/// per item (from any thread); the bar goes when this is dropped.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    after: Duration,
    shown: AtomicBool,
}

/// Starts counting a run over `total` items.
pub fn start(total: usize) -> Progress {
    let started = Instant::now();
    let Some((after, label)) = SWITCH.get() else {
        return Progress {
            bar: None,
            started,
            after: Duration::MAX,
            shown: AtomicBool::new(false),
        };
    };
    // Counted from the start but hidden until `after` has passed, so a
    // short run never flashes a bar.
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
    let style = ProgressStyle::with_template("{wide_bar} {pos}/{len} {msg} {elapsed}")
        .expect("a valid template");
    bar.set_style(style);
    bar.set_message(label.clone());
    Progress {
        bar: Some(bar),
        started,
        after: *after,
        shown: AtomicBool::new(false),
    }
}

impl Progress {
    /// One more item done.
    pub fn advance(&self) {
        let Some(bar) = &self.bar else {
            return;
        };
        if !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() >= self.after
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.inc(1);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
