//! A language's progress over time, as an inline SVG line chart (one point
//! per commit, oldest on the left, the share translated from 0 to 100 %),
//! followed by the same figures as a table for those who cannot see it.
use std::fmt::Write as _;

use super::{escape, text};
use crate::history::Commit;
use crate::lang::Lang;
use crate::msg;
use crate::ui::Ui;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 40.0;

/// The chart of the language at `index` of each commit's tallies.
pub(super) fn chart(
    out: &mut String,
    commits: &[Commit],
    index: usize,
    lang: &Lang,
    locales: &str,
    ui: Ui,
) {
    let points: Vec<(&Commit, usize, usize)> = commits
        .iter()
        .filter_map(|c| {
            let tally = c.tallies.get(index)?;
            Some((c, tally.translated, tally.entries))
        })
        .collect();
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return;
    };
    // A commit with no entry (no catalog yet, or none readable) is drawn
    // at 0 %, and its figures say so (not `status`'s 100 % of nothing).
    let share = |translated: usize, entries: usize| {
        if entries == 0 {
            0.0
        } else {
            translated as f64 * 100.0 / entries as f64
        }
    };
    let tag = lang.as_str();
    let title = text(
        ui,
        &msg!("report-chart-title", lang = tag, locales = locales),
    );
    let description = text(
        ui,
        &msg!(
            "report-chart-description",
            first = format!("{:.1}", share(first.1, first.2)),
            first_date = date(first.0.time),
            last = format!("{:.1}", share(last.1, last.2)),
            last_date = date(last.0.time),
            commits = points.len()
        ),
    );
    let _ = write!(
        out,
        "<figure class=\"history\" data-lang=\"{tag}\"><svg class=\"chart\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"chart-title-{tag} chart-desc-{tag}\">\
         <title id=\"chart-title-{tag}\">{title}</title><desc id=\"chart-desc-{tag}\">{description}</desc>"
    );
    let y = |percent: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - percent / 100.0);
    let x = |i: usize| {
        if points.len() == 1 {
            (LEFT + WIDTH - RIGHT) / 2.0
        } else {
            LEFT + (WIDTH - LEFT - RIGHT) * i as f64 / (points.len() - 1) as f64
        }
    };
    for percent in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{percent} %</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            y(percent) + 4.0,
            y = y(percent),
        );
    }
    let baseline = HEIGHT - BOTTOM + 20.0;
    let _ = write!(
        out,
        "<text x=\"{LEFT}\" y=\"{baseline}\" text-anchor=\"start\">{}</text>",
        date(first.0.time)
    );
    if points.len() > 1 {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{baseline}\" text-anchor=\"end\">{}</text>",
            WIDTH - RIGHT,
            date(last.0.time)
        );
    }
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, (_, t, e))| format!("{:.1},{:.1}", x(i), y(share(*t, *e))))
        .collect();
    let _ = write!(
        out,
        "<polyline class=\"line\" points=\"{}\"/>",
        line.join(" ")
    );
    for (i, (commit, translated, entries)) in points.iter().enumerate() {
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" data-commit=\"{}\" data-time=\"{}\" \
             data-translated=\"{translated}\" data-entries=\"{entries}\"><title>{} {}: \
             {translated}/{entries} ({:.1} %)</title></circle>",
            x(i),
            y(share(*translated, *entries)),
            escape(&commit.id),
            commit.time,
            date(commit.time),
            escape(short(&commit.id)),
            share(*translated, *entries),
        );
    }
    let _ = write!(
        out,
        "</svg><figcaption class=\"muted\">{}</figcaption></figure>\n<details><summary>{}</summary>\
         <div class=\"scroll\"><table class=\"points\"><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead><tbody>",
        text(ui, &msg!("report-chart-note")),
        text(ui, &msg!("report-chart-figures")),
        text(ui, &msg!("report-column-date")),
        text(ui, &msg!("report-column-commit")),
        text(ui, &msg!("report-column-translated")),
        text(ui, &msg!("report-column-entries")),
        text(ui, &msg!("report-column-percent")),
    );
    for (commit, translated, entries) in &points {
        let _ = write!(
            out,
            "<tr><td>{}</td><td><code>{}</code></td><td>{translated}</td><td>{entries}</td>\
             <td>{:.1} %</td></tr>",
            date(commit.time),
            escape(short(&commit.id)),
            share(*translated, *entries),
        );
    }
    out.push_str("</tbody></table></div></details>\n");
}

/// The first seven characters of an object id, as git abbreviates it.
fn short(id: &str) -> &str {
    id.get(..7).unwrap_or(id)
}

/// A time (seconds since the Unix epoch) as its date in UTC, `YYYY-MM-DD`.
fn date(seconds: i64) -> String {
    let t = l10n_core::calendar::Utc::from_unix(seconds);
    format!("{:04}-{:02}-{:02}", t.year, t.month, t.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_calendar_days() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(951_782_400), "2000-02-29");
        assert_eq!(date(1_704_153_599), "2024-01-01");
        assert_eq!(date(-1), "1969-12-31");
    }
}
