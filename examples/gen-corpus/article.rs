//! One generated article: its cast, its sentences and its layout, a
//! function of (seed, index).

use super::*;

/// One person of an article's cast.
#[derive(Debug, Clone)]
pub(super) struct Person {
    full: String,
    short: String,
    role: String,
}

/// What an article is about: its topic and cast.
pub(super) struct Context {
    topic: usize,
    cast: Vec<Person>,
    year: u32,
}

impl Context {
    pub(super) fn new(rng: &mut Rng, year: u32) -> Context {
        let topic = rng.below(TOPICS.len());
        let mut cast = Vec::new();
        let mut used = HashSet::new();
        while cast.len() < 4 {
            let last = rng.pick(LAST);
            if !used.insert(last) {
                continue;
            }
            let first = rng.pick(FIRST);
            let title = rng.pick(TITLES);
            let role = fill(rng.pick(ROLES), rng, topic, year);
            cast.push(Person {
                full: format!("{title} {first} {last}"),
                short: format!("{title} {last}"),
                role,
            });
        }
        Context { topic, cast, year }
    }
}

/// Fills the `{slots}` of a template.
pub(super) fn fill(template: &str, rng: &mut Rng, topic: usize, year: u32) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("closed slot");
        let slot = &rest[open + 1..close];
        match slot {
            "pct" => {
                let whole = rng.range(1, 19);
                if rng.chance(0.5) {
                    write!(out, "{whole}.{} percent", rng.below(10)).unwrap();
                } else {
                    write!(out, "{whole}.{}%", rng.below(10)).unwrap();
                }
            }
            "money" => {
                let whole = rng.range(1, 950);
                match rng.below(3) {
                    0 => write!(out, "${whole} million").unwrap(),
                    1 => write!(out, "${}.{} billion", whole % 90 + 1, rng.below(10)).unwrap(),
                    _ => write!(out, "${},{:03}", whole, rng.below(1000)).unwrap(),
                }
            }
            "count" => write!(out, "{},{:03}", rng.range(2, 480), rng.below(1000)).unwrap(),
            "n" => write!(out, "{}", rng.range(2, 12)).unwrap(),
            "n2" => write!(out, "{}", rng.range(0, 9)).unwrap(),
            "month" => out.push_str(rng.pick(MONTHS_AP)),
            "date" => write!(out, "{}", rng.range(1, 28)).unwrap(),
            "year" => write!(out, "{}", year - rng.range(1, 9) as u32).unwrap(),
            "day" => out.push_str(rng.pick(DAYS)),
            "place" => out.push_str(rng.pick(PLACES)),
            "org" => out.push_str(rng.pick(ORGS)),
            "firm" => out.push_str(rng.pick(FIRMS)),
            "firm_name" => out.push_str(rng.pick(FIRM_NAMES)),
            "subject" => out.push_str(rng.pick(SUBJECTS[topic])),
            other => panic!("unknown slot {other}"),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

pub(super) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A clause: subject, predicate and an optional tail.
pub(super) fn clause(rng: &mut Rng, ctx: &Context) -> String {
    let subject = rng.pick(SUBJECTS[ctx.topic]);
    let predicate = fill(rng.pick(PREDICATES), rng, ctx.topic, ctx.year);
    let tail = rng.pick(TAILS);
    format!("{subject} {predicate}{tail}")
}

/// One body sentence. Never ends with an abbreviation; never has a sentence
/// boundary inside.
pub(super) fn sentence(rng: &mut Rng, ctx: &Context) -> String {
    let person = ctx.cast[rng.below(ctx.cast.len())].clone();
    let y = ctx.year;
    let t = ctx.topic;
    match rng.below(20) {
        0 | 1 => format!(
            "{} {} on {} that {}.",
            person.short,
            rng.pick(SAID),
            rng.pick(DAYS),
            clause(rng, ctx)
        ),
        2 | 3 => format!(
            "“{},” {} said.",
            fill(rng.pick(QUOTES), rng, t, y),
            person.short
        ),
        4 => format!(
            "“{},” said {}, {}.",
            fill(rng.pick(QUOTES), rng, t, y),
            person.full,
            person.role
        ),
        5 | 6 => format!(
            "{}, according to {}.",
            capitalize(&clause(rng, ctx)),
            fill(
                rng.pick(&[
                    "figures from {org}",
                    "a report by {org}",
                    "two people familiar with the matter",
                    "estimates published by {firm} on {day}"
                ]),
                rng,
                t,
                y
            )
        ),
        7 => format!(
            "The figures, published at https://data.{}.example.gov/{}/{}-q{}.csv, showed that {}.",
            TOPICS[t],
            y,
            TOPICS[t],
            rng.range(1, 4),
            clause(rng, ctx)
        ),
        8 => format!(
            "{}, {}, told reporters at {} a.m. on {} that {}.",
            person.full,
            person.role,
            rng.range(8, 11),
            rng.pick(DAYS),
            clause(rng, ctx)
        ),
        9 => format!(
            "“{}?” asked {}, who has followed the issue for {} years.",
            rng.pick(QUESTIONS),
            person.short,
            rng.range(3, 30)
        ),
        10 => format!(
            "Asked whether {}, {} declined to comment.",
            clause(rng, ctx),
            person.short
        ),
        11 => format!(
            "Readers with questions can write to {}.{}@dailyledger.example.com, the paper's {} desk.",
            FIRST[rng.below(FIRST.len())].to_lowercase(),
            LAST[rng.below(LAST.len())].to_lowercase(),
            TOPICS[t]
        ),
        12 => fill(
            &format!(
                "Analysts at {{firm}} expect {} to grow {{pct}} next year, compared with {{pct}} this year.",
                rng.pick(SUBJECTS[t])
            ),
            rng,
            t,
            y,
        ),
        13 => format!(
            "The decision follows {} in {} {}, when {}.",
            rng.pick(EVENTS),
            rng.pick(MONTHS_AP),
            y - rng.range(1, 5) as u32,
            clause(rng, ctx)
        ),
        14 => fill(
            &format!(
                "Under the plan, {{org}} would spend about {{money}} over {{n}} years on {}, with most of it going to {{place}}.",
                rng.pick(SUBJECTS[t])
            ),
            rng,
            t,
            y,
        ),
        // Not "In St. Louis, …": `l10n` ends a sentence after "In St." (a
        // street-abbreviation rule misfiring at the start of a sentence).
        15 => format!(
            "In {}, {}.",
            rng.pick(&PLACES[..PLACES.len() - 1]),
            clause(rng, ctx)
        ),
        16 => format!(
            "Some {} said they were {} about {}, while others said {}.",
            rng.pick(PEOPLE),
            rng.pick(FEELINGS),
            rng.pick(OBJECTS),
            clause(rng, ctx)
        ),
        17 => fill(
            &format!(
                "{} did not respond to a request for comment on {{day}}, and a spokesperson for {{firm}} said the company was reviewing {}.",
                capitalize(rng.pick(ORGS)),
                rng.pick(OBJECTS)
            ),
            rng,
            t,
            y,
        ),
        18 => format!(
            "{}, who spoke at a briefing that ran from {} a.m. to {}:30 p.m., said {}, i.e. {}.",
            person.short,
            rng.range(8, 11),
            rng.range(1, 5),
            clause(rng, ctx),
            rng.pick(&[
                "sooner than planned",
                "well before the deadline",
                "on the current schedule",
                "within the approved budget",
            ])
        ),
        _ => format!(
            "{} {} in No. {} on the list, up from No. {} in {} {}, {}.",
            capitalize(rng.pick(SUBJECTS[t])),
            rng.pick(&["ranked", "came", "finished", "placed"]),
            rng.range(2, 9),
            rng.range(10, 40),
            rng.pick(MONTHS_AP),
            y - 1,
            rng.pick(&[
                "the survey showed",
                "the report found",
                "officials noted",
                "analysts pointed out",
            ])
        ),
    }
}

/// A generated article: its id and text.
pub struct Article {
    pub id: String,
    pub text: String,
}

/// Article `index` of the corpus of `seed`.
pub fn article(seed: u64, index: usize) -> Article {
    let mut rng = Rng::new(mix(seed, index as u64));
    let year = 2015 + rng.below(10) as u32;
    let ctx = Context::new(&mut rng, year);
    let t = ctx.topic;

    let head_subject = rng.pick(SUBJECTS[t]);
    let headline = format!(
        "{} {} {}{}",
        capitalize(rng.pick(&[
            "Senate panel",
            "City council",
            "Regulators",
            "Ministers",
            "Lawmakers",
            "Central bank",
            "Board"
        ])),
        rng.pick(HEAD_VERBS),
        fill(rng.pick(HEAD_OBJECTS), &mut rng, t, year).replace("{subject}", head_subject),
        fill(rng.pick(HEAD_TAILS), &mut rng, t, year)
    );
    let slug: String = {
        let words: Vec<String> = headline
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty() && w.len() > 1)
            .take(7)
            .map(str::to_lowercase)
            .collect();
        format!("{}-{index}", words.join("-"))
    };

    let mut text = String::with_capacity(8 * 1024);
    let month = rng.below(12);
    let day = rng.range(1, 28);
    let (hour, minute) = (rng.range(6, 22), rng.below(60));
    writeln!(text, "# {headline}\n").unwrap();
    writeln!(
        text,
        "Posted {} {day}, {year} {hour:02}:{minute:02}\n",
        MONTHS_AP[month]
    )
    .unwrap();
    if rng.chance(0.4) {
        writeln!(
            text,
            "Updated {} {day}, {year} {:02}:{:02}\n",
            MONTHS_AP[month],
            (hour + 1).min(23),
            rng.below(60)
        )
        .unwrap();
    }
    let reporter = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    if rng.chance(0.3) {
        writeln!(
            text,
            "By {reporter} and {} {}. {}, Staff Writers\n",
            rng.pick(FIRST),
            (b'A' + rng.below(26) as u8) as char,
            rng.pick(LAST)
        )
        .unwrap();
    } else {
        writeln!(
            text,
            "By {reporter}, {}\n",
            rng.pick(&[
                "Staff Writer",
                "Correspondent",
                "Economics Editor",
                "Reporter"
            ])
        )
        .unwrap();
    }

    // Body: paragraphs of one to four unique sentences.
    let mut seen: HashSet<String> = HashSet::new();
    let target = rng.range(44, 54);
    let mut count = 0;
    let mut first = true;
    while count < target {
        let size = match rng.below(10) {
            0 | 1 => 1,
            2..=5 => 2,
            6..=8 => 3,
            _ => 4,
        }
        .min(target - count);
        let mut paragraph = Vec::with_capacity(size);
        while paragraph.len() < size {
            let mut s = sentence(&mut rng, &ctx);
            if first {
                s = format!("{} — {s}", rng.pick(CITIES));
                first = false;
            }
            if seen.insert(s.clone()) {
                paragraph.push(s);
            }
        }
        count += size;
        writeln!(text, "{}\n", paragraph.join(" ")).unwrap();
    }

    if rng.chance(0.3) {
        writeln!(
            text,
            "This article was updated at {}:{:02} p.m. to include comments from {}.\n",
            rng.range(1, 9),
            rng.below(60),
            rng.pick(ORGS)
        )
        .unwrap();
    }
    writeln!(
        text,
        "Related coverage: https://dailyledger.example.com/topics/{}\n",
        TOPICS[t]
    )
    .unwrap();
    writeln!(text, "© {year} {COPYRIGHT}\n").unwrap();
    writeln!(text, "{TIPS_LINE}").unwrap();

    Article {
        id: format!("{year}/{slug}"),
        text,
    }
}
