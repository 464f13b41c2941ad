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
#![allow(dead_code, clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use similar::{Algorithm, capture_diff_slices, diff_ratio};
use unicode_segmentation::UnicodeSegmentation;

// ---------------------------------------------------------------------------
// Randomness: SplitMix64, seeded per article so that every article is a
// function of (seed, index) alone.

#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Combines two hashes (order matters).
pub fn mix(a: u64, b: u64) -> u64 {
    let mut rng = Rng::new(a ^ b.rotate_left(29) ^ 0xD6E8_FEB8_6659_FD93);
    rng.next_u64()
}

/// FNV-1a of a string: stable across runs and platforms.
pub fn hash_str(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

// ---------------------------------------------------------------------------
// Vocabulary.

/// Every abbreviation the generator writes, without its final dot. None ever
/// ends a sentence, so a dot after one of these is never a boundary.
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Gov", "Rep", "Prof", "Gen", "Lt", "St", "U.S", "U.K", "U.N",
    "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Ltd", "a.m", "p.m",
    "e.g", "i.e", "vs", "No", "approx",
];

const FIRST: &[&str] = &[
    "Alicia", "Daniel", "Min-jun", "Sarah", "Hiroshi", "Li", "Maria", "James", "Fatima", "Omar",
    "Elena", "Robert", "Priya", "Thomas", "Grace", "Kenji", "Laura", "David", "Amara", "Carlos",
    "Hannah", "Victor", "Yuna", "Michael", "Nadia", "Peter", "Sofia", "Wei", "Rachel", "Ahmed",
    "Julia", "Samuel", "Ines", "Tomasz", "Chloe", "Rafael",
];

const LAST: &[&str] = &[
    "Moreno",
    "Kim",
    "Park",
    "Tanaka",
    "Chen",
    "Okafor",
    "Schmidt",
    "Rossi",
    "Novak",
    "Haddad",
    "Lindqvist",
    "Walsh",
    "Nguyen",
    "Patel",
    "Dubois",
    "Kowalski",
    "Yamamoto",
    "Lee",
    "Fischer",
    "Santos",
    "Brennan",
    "Ivanova",
    "Mensah",
    "Larsen",
    "Cohen",
    "Costa",
    "Sato",
    "Byrne",
    "Mueller",
    "Ortiz",
    "Whitfield",
    "Abbott",
    "Delgado",
    "Hartmann",
    "Osei",
    "Reyes",
];

const CITIES: &[&str] = &[
    "WASHINGTON",
    "SEOUL",
    "TOKYO",
    "BEIJING",
    "LONDON",
    "BRUSSELS",
    "NEW YORK",
    "GENEVA",
    "SINGAPORE",
    "FRANKFURT",
    "SAN FRANCISCO",
    "NAIROBI",
    "SAO PAULO",
    "SYDNEY",
    "BERLIN",
    "HONG KONG",
    "CHICAGO",
    "PARIS",
];

const PLACES: &[&str] = &[
    "Ohio",
    "the Midwest",
    "southern California",
    "the port city of Busan",
    "northern Italy",
    "rural Kenya",
    "the Gulf Coast",
    "eastern Germany",
    "the Pearl River Delta",
    "Ontario",
    "the Mekong Delta",
    "upstate New York",
    "the outskirts of Osaka",
    "Lagos",
    "the Rhine valley",
    "Queensland",
    "the Basque Country",
    "St. Louis",
];

/// Organisations safe anywhere in a sentence (none ends with a dot).
const ORGS: &[&str] = &[
    "the Commerce Department",
    "the European Commission",
    "the central bank",
    "the World Health Organization",
    "the Labor Department",
    "the International Monetary Fund",
    "the city council",
    "the Finance Ministry",
    "the Federal Reserve",
    "the state legislature",
    "the U.N. refugee agency",
    "the Environmental Protection Agency",
    "the Bank of Korea",
    "the Transport Ministry",
    "the national statistics office",
    "the port authority",
    "the Securities and Exchange Commission",
    "the regional water board",
];

/// Companies and firms; most end in an abbreviation, so they are only ever
/// followed by a comma or a lower-case word.
const FIRMS: &[&str] = &[
    "Acme Holdings Inc.",
    "Pitt, Briggs & Co.",
    "Hale Analytics Corp.",
    "Northwind Traders Ltd.",
    "Meridian Capital",
    "Bluewater Logistics Inc.",
    "Kestrel Research",
    "Orion Semiconductor Corp.",
    "Granite Peak Partners",
    "Lumen Energy Co.",
    "Harbor & Vine Ltd.",
    "Sable Insights",
];

/// Firms that may end a sentence (no abbreviation at the end).
const FIRM_NAMES: &[&str] = &[
    "Meridian Capital",
    "Kestrel Research",
    "Granite Peak Partners",
    "Sable Insights",
    "Acme Holdings",
    "Hale Analytics",
    "Bluewater Logistics",
    "Harbor & Vine",
];

const ROLES: &[&str] = &[
    "an economist at {firm_name}",
    "a spokesperson for {org}",
    "a senior analyst at {firm_name}",
    "the chief executive of {firm_name}",
    "a professor of public policy at Northfield University",
    "a former adviser to {org}",
    "a researcher at the Institute for Fiscal Studies",
    "the head of {org}",
    "a union organizer in {place}",
    "a fund manager at {firm_name}",
    "a senior fellow at the Brookfield Center",
    "an official at {org}",
];

const TITLES: &[&str] = &[
    "Mr.", "Ms.", "Dr.", "Sen.", "Gov.", "Rep.", "Prof.", "Gen.", "Lt.",
];

const MONTHS_AP: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const TOPICS: &[&str] = &[
    "economy",
    "politics",
    "technology",
    "health",
    "environment",
    "trade",
    "energy",
    "cities",
];

/// Subjects of clauses, per topic.
const SUBJECTS: &[&[&str]] = &[
    &[
        "consumer prices",
        "the unemployment rate",
        "retail sales",
        "factory output",
        "mortgage rates",
        "wage growth",
        "the housing market",
        "household debt",
        "business investment",
        "the services sector",
        "small-business lending",
        "core inflation",
    ],
    &[
        "the ruling coalition",
        "opposition lawmakers",
        "the budget committee",
        "the new cabinet",
        "the governor's office",
        "voters in the district",
        "the proposed amendment",
        "the election commission",
        "the U.S. delegation",
        "party leaders",
        "the Senate majority",
        "the draft resolution",
    ],
    &[
        "chip shipments",
        "the new data center",
        "cloud revenue",
        "the software update",
        "smartphone sales",
        "the antitrust case",
        "demand for AI servers",
        "the privacy rules",
        "the satellite network",
        "the start-up's valuation",
        "broadband coverage",
        "the encryption standard",
    ],
    &[
        "hospital admissions",
        "the vaccination campaign",
        "the new clinic",
        "drug prices",
        "the nursing shortage",
        "emergency room waits",
        "the insurance program",
        "the flu season",
        "the research budget",
        "childhood obesity rates",
        "the screening program",
        "mental health services",
    ],
    &[
        "carbon emissions",
        "the river cleanup",
        "wildfire risk",
        "the offshore wind farm",
        "air quality",
        "the recycling program",
        "groundwater levels",
        "the drought",
        "the conservation plan",
        "coastal erosion",
        "the heat wave",
        "plastic waste",
    ],
    &[
        "exports to the U.S.",
        "the trade deficit",
        "steel tariffs",
        "container traffic",
        "the free trade agreement",
        "grain shipments",
        "customs revenue",
        "the shipping backlog",
        "import demand",
        "the currency",
        "freight rates",
        "the export ban",
    ],
    &[
        "gasoline prices",
        "the nuclear plant",
        "solar installations",
        "the pipeline project",
        "electricity demand",
        "natural gas reserves",
        "the grid operator",
        "battery production",
        "coal consumption",
        "the power outage",
        "oil output",
        "the hydrogen program",
    ],
    &[
        "the transit authority",
        "rents downtown",
        "the new subway line",
        "the housing plan",
        "the school board",
        "traffic deaths",
        "the bridge repair",
        "property taxes",
        "the homeless count",
        "the zoning change",
        "bus ridership",
        "the stadium project",
    ],
];

/// Predicates: what a subject did or will do. `{pct}`, `{money}`, `{month}`,
/// `{year}`, `{day}`, `{place}`, `{org}`, `{n}` are filled in.
const PREDICATES: &[&str] = &[
    "had risen for a third straight month",
    "fell {pct} in {month}, the sharpest drop since {year}",
    "could slow further if energy costs keep climbing",
    "was likely to remain under pressure through the end of the year",
    "reached {money} in the second quarter",
    "would be reviewed again at the next meeting on {day}",
    "climbed {pct} from a year earlier, beating most forecasts",
    "had been delayed by more than {n} months",
    "was expected to cost about {money} over the next decade",
    "remained well below the levels seen before {year}",
    "drew sharp criticism from {org}",
    "would affect roughly {count} residents in {place}",
    "was approved by a vote of {n} to {n2} late on {day}",
    "had barely changed since the start of the year",
    "doubled in just {n} years, to {money}",
    "was cut by {pct} after months of negotiations",
    "had become a central issue in {place}",
    "recovered only partly after the losses of {year}",
    "would need another {money} to stay on schedule",
    "slipped to its lowest level in {n} years",
    "was under review by {org}",
    "jumped {pct} in the week to {month} {date}",
    "had stalled amid disagreements over funding",
    "was projected to grow at an annual rate of {pct}",
];

const TAILS: &[&str] = &[
    "",
    " despite higher borrowing costs",
    " after months of uncertainty",
    " according to preliminary data",
    " even as demand weakened elsewhere",
    " for the first time in a decade",
    " while officials weighed their next steps",
    " in a sign of growing strain",
    " as supply problems eased",
    " amid a wave of layoffs",
];

const QUOTES: &[&str] = &[
    "We are not going to back down now",
    "Nobody expected the numbers to turn this quickly",
    "This is a problem that has been building for years",
    "We have asked for more time, and we will keep asking",
    "The people who pay for this are ordinary families",
    "It is too early to call it a recovery",
    "Frankly, the plan was never going to work as written",
    "We expect a much clearer picture by the end of {month}",
    "Every week of delay costs us money we do not have",
    "There is no quick fix, and anyone who says otherwise is wrong",
    "Our members have been patient, but patience has limits",
    "The data point in one direction, and it is not a good one",
    "I have never seen anything like it in {n} years of doing this job",
    "We will publish the full figures once they have been checked",
];

const QUESTIONS: &[&str] = &[
    "Who is going to pay for all of this",
    "Why would anyone invest here now",
    "What happens when the money runs out",
    "How many more warnings do we need",
    "Where were the regulators when this started",
    "Is this really the best we can do",
];

const SAID: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "wrote in a memo",
];

const EVENTS: &[&str] = &[
    "a similar dispute",
    "a court ruling",
    "a cyberattack",
    "a series of protests",
    "a leadership change",
    "an audit",
    "a sharp market sell-off",
    "a strike by dock workers",
    "a rating downgrade",
    "a public inquiry",
];

const PEOPLE: &[&str] = &[
    "residents",
    "business owners",
    "commuters",
    "teachers",
    "farmers",
    "investors",
    "shoppers",
    "nurses",
    "tenants",
    "factory workers",
];

const FEELINGS: &[&str] = &[
    "cautiously optimistic",
    "deeply worried",
    "frustrated",
    "relieved",
    "uncertain",
    "angry",
    "unconvinced",
    "hopeful",
];

const OBJECTS: &[&str] = &[
    "the new rules",
    "the cost of living",
    "the pace of the recovery",
    "the timetable",
    "job security",
    "the safety record",
    "the tax changes",
    "the long-term outlook",
    "the funding gap",
    "the quality of local services",
];

const HEAD_VERBS: &[&str] = &[
    "backs", "delays", "rejects", "weighs", "expands", "cuts", "revives", "scraps", "unveils",
    "defends",
];

const HEAD_OBJECTS: &[&str] = &[
    "{money} plan for {subject}",
    "new limits on {subject}",
    "review of {subject}",
    "support for {subject}",
    "overhaul of {subject}",
    "deal on {subject}",
];

const HEAD_TAILS: &[&str] = &[
    "",
    " as pressure mounts",
    " after long fight",
    " amid {subject} worries",
    " in {place}",
    " despite warnings",
];

/// Lines every article ends with (the copyright line is two sentences).
pub const COPYRIGHT: &str = "The Daily Ledger. All rights reserved.";
pub const TIPS_LINE: &str = "Send news tips to tips@dailyledger.example.com or call 555-0142 between 9 a.m. and 6 p.m. on weekdays.";
/// Prefixes of the lines that are not body paragraphs (`mutate` leaves them).
const FIXED_PREFIXES: &[&str] = &[
    "#",
    "Posted ",
    "Updated ",
    "By ",
    "This article was updated",
    "Related coverage:",
    "©",
    "Send news tips",
];

/// Word replacements for edits: ordinary words, never abbreviations.
const SYNONYMS: &[(&str, &str)] = &[
    ("said", "stated"),
    ("rose", "climbed"),
    ("fell", "dropped"),
    ("sharp", "steep"),
    ("sharpest", "steepest"),
    ("expected", "projected"),
    ("months", "weeks"),
    ("likely", "certain"),
    ("remain", "stay"),
    ("about", "roughly"),
    ("officials", "authorities"),
    ("new", "revised"),
    ("plan", "proposal"),
    ("year", "season"),
    ("problem", "challenge"),
    ("money", "cash"),
    ("people", "families"),
    ("growing", "rising"),
    ("again", "once more"),
    ("quickly", "rapidly"),
    ("review", "scrutiny"),
    ("reporters", "journalists"),
    ("residents", "locals"),
    ("support", "backing"),
    ("higher", "elevated"),
    ("lowest", "weakest"),
    ("cost", "price"),
    ("worried", "concerned"),
];

const FILLER_WORDS: &[&str] = &[
    "notable", "modest", "steady", "broader", "regional", "recent", "wider", "final", "early",
    "annual",
];

// ---------------------------------------------------------------------------
// Articles.

/// One person of an article's cast.
#[derive(Debug, Clone)]
struct Person {
    full: String,
    short: String,
    role: String,
}

/// What an article is about: its topic and cast.
struct Context {
    topic: usize,
    cast: Vec<Person>,
    year: u32,
}

impl Context {
    fn new(rng: &mut Rng, year: u32) -> Context {
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
fn fill(template: &str, rng: &mut Rng, topic: usize, year: u32) -> String {
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

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A clause: subject, predicate and an optional tail.
fn clause(rng: &mut Rng, ctx: &Context) -> String {
    let subject = rng.pick(SUBJECTS[ctx.topic]);
    let predicate = fill(rng.pick(PREDICATES), rng, ctx.topic, ctx.year);
    let tail = rng.pick(TAILS);
    format!("{subject} {predicate}{tail}")
}

/// One body sentence. Never ends with an abbreviation; never has a sentence
/// boundary inside.
fn sentence(rng: &mut Rng, ctx: &Context) -> String {
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

// ---------------------------------------------------------------------------
// Reading articles back: blocks and sentences.

/// Splits one paragraph of generated text into its sentences.
pub fn split_sentences(paragraph: &str) -> Vec<String> {
    let bytes = paragraph.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'?' || b == b'!' {
            let mut j = i + 1;
            loop {
                let rest = &paragraph[j..];
                if rest.starts_with('”') {
                    j += '”'.len_utf8();
                } else if rest.starts_with('"') || rest.starts_with(')') {
                    j += 1;
                } else {
                    break;
                }
            }
            let rest = &paragraph[j..];
            let next_starts = rest.strip_prefix(' ').is_some_and(|after| {
                after.starts_with('“') || after.starts_with(|c: char| c.is_ascii_uppercase())
            });
            if next_starts && !(b == b'.' && ends_with_abbreviation(&paragraph[start..i])) {
                out.push(paragraph[start..j].trim().to_string());
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    let last = paragraph[start..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    out
}

/// Whether the text before a dot ends with an abbreviation or an initial.
fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_start_matches(['“', '(', '"']);
    ABBREVIATIONS.contains(&word) || (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase())
}

/// A block of an article as `mutate` sees it.
#[derive(Debug, Clone)]
enum Block {
    /// Headline, dateline, byline, boilerplate: left alone.
    Fixed(String),
    /// A body paragraph, as sentences.
    Body(Vec<String>),
}

fn parse_blocks(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(|b| {
            if FIXED_PREFIXES.iter().any(|p| b.starts_with(p)) {
                Block::Fixed(b.to_string())
            } else {
                Block::Body(split_sentences(b))
            }
        })
        .collect()
}

fn render_blocks(blocks: &[Block]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .map(|b| match b {
            Block::Fixed(text) => text.clone(),
            Block::Body(sentences) => sentences.join(" "),
        })
        .collect();
    let mut text = parts.join("\n\n");
    text.push('\n');
    text
}

/// The segments of a generated article, as the generator means them: the
/// headline, then every line or sentence in order.
pub fn article_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        if let Some(heading) = block.strip_prefix("# ") {
            out.push(heading.trim().to_string());
        } else {
            out.extend(split_sentences(block));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Similarity, as `l10n` pairs edited segments.

/// Words and punctuation of a text (UAX #29 word bounds, white space dropped).
pub fn words(text: &str) -> Vec<&str> {
    text.split_word_bounds()
        .filter(|w| !w.trim().is_empty())
        .collect()
}

/// Word-level similarity of two texts, 0 to 1.
pub fn similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (words(a), words(b));
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    diff_ratio(&ops, a.len(), b.len())
}

/// Pairs below this similarity are never taken for the same segment.
pub const THRESHOLD: f32 = 0.5;

// ---------------------------------------------------------------------------
// Generate.

#[derive(Debug, Clone)]
pub struct GenerateOptions {
    pub out: PathBuf,
    pub articles: usize,
    pub langs: Vec<String>,
    pub translated: f64,
    pub seed: u64,
    /// The `l10n` binary; `None`: next to this executable.
    pub l10n: Option<PathBuf>,
    /// Run `l10n extract` and fill translations (false: articles only).
    pub extract: bool,
}

/// What `generate` wrote.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    pub ids: Vec<String>,
    pub bytes: u64,
    pub sentences: usize,
}

/// Writes `l10n.toml` and the articles (no catalogs).
pub fn write_articles(
    out: &Path,
    articles: usize,
    langs: &[String],
    seed: u64,
) -> io::Result<Generated> {
    fs::create_dir_all(out.join("articles"))?;
    let languages: Vec<String> = langs.iter().map(|l| format!("\"{l}\"")).collect();
    fs::write(
        out.join("l10n.toml"),
        format!(
            "# Generated by `cargo run --example gen-corpus` (seed {seed}).\n\
             source-lang = \"en\"\n\
             languages = [{}]\n\
             articles = \"articles\"\n\
             locales = \"locales\"\n",
            languages.join(", ")
        ),
    )?;
    let mut generated = Generated::default();
    let mut dirs = HashSet::new();
    for index in 0..articles {
        let article = article(seed, index);
        let path = out.join("articles").join(format!("{}.md", article.id));
        let dir = path.parent().expect("a year folder").to_path_buf();
        if dirs.insert(dir.clone()) {
            fs::create_dir_all(&dir)?;
        }
        generated.bytes += article.text.len() as u64;
        generated.sentences += article_sentences(&article.text).len();
        fs::write(&path, &article.text)?;
        generated.ids.push(article.id);
    }
    Ok(generated)
}

/// The `l10n` binary next to the running executable (`target/<profile>/l10n`
/// for `target/<profile>/examples/gen-corpus`).
pub fn default_l10n() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    let mut dir = exe.parent().map(Path::to_path_buf).unwrap_or_default();
    if dir.ends_with("examples") || dir.ends_with("deps") {
        dir.pop();
    }
    dir.join(format!("l10n{}", std::env::consts::EXE_SUFFIX))
}

/// Runs `l10n -C dir extract`.
pub fn run_extract(l10n: &Path, dir: &Path) -> io::Result<()> {
    let output = Command::new(l10n)
        .arg("-C")
        .arg(dir)
        .args(["--color", "never", "extract"])
        .output()
        .map_err(|e| io::Error::other(format!("cannot run {}: {e}", l10n.display())))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{} extract failed ({}):\n{}",
            l10n.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )))
    }
}

/// The files under `dir` with extension `ext`, sorted.
pub fn files_with_ext(dir: &Path, ext: &str) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// How many entries `fill_translations` filled, of how many empty ones.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filled {
    pub filled: usize,
    pub empty: usize,
}

fn pseudo_prefix(lang: &str) -> String {
    match lang.split('-').next().unwrap_or(lang) {
        "ko" => "[번역] ".to_string(),
        "ja" => "[翻訳] ".to_string(),
        "zh" => "[翻译] ".to_string(),
        other => format!("[{other}] "),
    }
}

/// Fills a `fraction` of the empty translations of every target catalog
/// with a pseudo-translation of the entry's source, editing each file line
/// by line (comments and layout stay as `l10n` wrote them). Which entries
/// are filled depends only on (seed, language, article, id).
pub fn fill_translations(
    dir: &Path,
    langs: &[String],
    fraction: f64,
    seed: u64,
) -> io::Result<Filled> {
    let mut total = Filled::default();
    for lang in langs {
        let root = dir.join("locales").join(lang);
        if !root.is_dir() {
            continue;
        }
        let prefix = pseudo_prefix(lang);
        let lang_hash = mix(seed, hash_str(lang));
        for path in files_with_ext(&root, "toml")? {
            let text = fs::read_to_string(&path)?;
            let article = path.strip_prefix(&root).unwrap_or(&path).to_string_lossy();
            let article_hash = mix(lang_hash, hash_str(&article));
            let (new, filled) = fill_text(&text, fraction, article_hash, &prefix);
            total.empty += filled.empty;
            total.filled += filled.filled;
            if filled.filled > 0 {
                fs::write(&path, new)?;
            }
        }
    }
    Ok(total)
}

fn fill_text(text: &str, fraction: f64, hash: u64, prefix: &str) -> (String, Filled) {
    let mut out = String::with_capacity(text.len() * 2);
    let mut filled = Filled::default();
    let mut id = "";
    let mut source: Option<&str> = None;
    let mut in_obsolete = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if body.starts_with("[[") {
            in_obsolete = body.starts_with("[[obsolete]]");
            source = None;
        } else if let Some(value) = body.strip_prefix("id = ") {
            id = value;
        } else if let Some(value) = body.strip_prefix("source = ") {
            source = Some(value);
        } else if body == "translation = \"\"" && !in_obsolete {
            filled.empty += 1;
            let pick = Rng::new(mix(hash, hash_str(id))).unit() < fraction;
            if let (true, Some(value)) = (pick, source.and_then(|v| prefixed(v, prefix))) {
                out.push_str("translation = ");
                out.push_str(&value);
                out.push_str(&line[body.len()..]);
                filled.filled += 1;
                continue;
            }
        }
        out.push_str(line);
    }
    (out, filled)
}

/// A one-line TOML string with `prefix` put in front of its text.
fn prefixed(value: &str, prefix: &str) -> Option<String> {
    let quote = value.chars().next()?;
    if !(quote == '"' || quote == '\'') || value.len() < 2 || !value.ends_with(quote) {
        return None;
    }
    let triple: String = std::iter::repeat_n(quote, 3).collect();
    let open = if value.starts_with(&triple) && value.len() >= 6 {
        3
    } else {
        1
    };
    Some(format!("{}{prefix}{}", &value[..open], &value[open..]))
}

/// Generates a whole workspace: articles, catalogs, translations.
pub fn generate(options: &GenerateOptions) -> io::Result<Generated> {
    let generated = write_articles(&options.out, options.articles, &options.langs, options.seed)?;
    if options.extract {
        let l10n = options.l10n.clone().unwrap_or_else(default_l10n);
        run_extract(&l10n, &options.out)?;
        fill_translations(
            &options.out,
            &options.langs,
            options.translated,
            options.seed,
        )?;
    }
    Ok(generated)
}

// ---------------------------------------------------------------------------
// Mutate.

/// An edited sentence: its text before and after.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Edit {
    pub old: String,
    pub new: String,
}

/// What `mutate` changed in one article.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ArticleChanges {
    pub article: String,
    pub edits: Vec<Edit>,
    pub inserts: Vec<String>,
    pub deletes: Vec<String>,
    /// The sentences of the paragraphs that were swapped (text unchanged).
    pub moves: Vec<String>,
}

impl ArticleChanges {
    fn is_empty(&self) -> bool {
        self.edits.is_empty()
            && self.inserts.is_empty()
            && self.deletes.is_empty()
            && self.moves.is_empty()
    }
}

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Totals {
    pub articles: usize,
    pub sentences: usize,
    pub body_sentences: usize,
    pub touched: usize,
    pub edits: usize,
    pub inserts: usize,
    pub deletes: usize,
    pub moves: usize,
}

/// Everything `mutate` changed.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Manifest {
    pub seed: u64,
    pub fraction: f64,
    pub totals: Totals,
    /// Only the articles that changed, by id.
    pub articles: Vec<ArticleChanges>,
}

/// A body sentence and whether a mutation already touched it.
struct Slot {
    text: String,
    touched: bool,
}

/// Mutates the articles of the workspace in `dir`: a `fraction` of the body
/// sentences of each article is edited, inserted, deleted or moved.
pub fn mutate(dir: &Path, fraction: f64, seed: u64) -> io::Result<Manifest> {
    let root = dir.join("articles");
    let mut manifest = Manifest {
        seed,
        fraction,
        ..Manifest::default()
    };
    for path in files_with_ext(&root, "md")? {
        let id = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .with_extension("")
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(&path)?;
        let (new_text, changes, stats) = mutate_article(&id, &text, fraction, seed);
        manifest.totals.articles += 1;
        manifest.totals.sentences += stats.0;
        manifest.totals.body_sentences += stats.1;
        if !changes.is_empty() {
            let t = &mut manifest.totals;
            t.edits += changes.edits.len();
            t.inserts += changes.inserts.len();
            t.deletes += changes.deletes.len();
            t.moves += changes.moves.len();
            t.touched += changes.edits.len()
                + changes.inserts.len()
                + changes.deletes.len()
                + changes.moves.len();
            fs::write(&path, new_text)?;
            manifest.articles.push(changes);
        }
    }
    Ok(manifest)
}

/// Mutates one article's text; returns the new text, the changes and
/// (sentences, body sentences) of the original.
fn mutate_article(
    id: &str,
    text: &str,
    fraction: f64,
    seed: u64,
) -> (String, ArticleChanges, (usize, usize)) {
    let mut rng = Rng::new(mix(seed ^ 0x6D75_7461_7465, hash_str(id)));
    let original = article_sentences(text);
    let original_set: HashSet<String> = original.iter().cloned().collect();
    let mut current: HashSet<String> = original_set.clone();
    let mut blocks: Vec<(Option<Vec<Slot>>, String, bool)> = parse_blocks(text)
        .into_iter()
        .map(|b| match b {
            Block::Fixed(t) => (None, t, false),
            Block::Body(s) => (
                Some(
                    s.into_iter()
                        .map(|text| Slot {
                            text,
                            touched: false,
                        })
                        .collect(),
                ),
                String::new(),
                false,
            ),
        })
        .collect();
    let body_count: usize = blocks
        .iter()
        .filter_map(|b| b.0.as_ref().map(Vec::len))
        .sum();
    let wanted = fraction * body_count as f64;
    let mut budget = wanted.floor() as usize + usize::from(rng.chance(wanted.fract()));

    let mut changes = ArticleChanges {
        article: id.to_string(),
        ..ArticleChanges::default()
    };
    // Old texts that lose their place, and new texts without one: `l10n`
    // pairs these by similarity, so no cross pair may reach the threshold.
    let mut freed_old: Vec<String> = Vec::new();
    let mut unpaired_new: Vec<String> = Vec::new();
    let ctx = Context::new(&mut rng, 2024);
    let mut attempts = 0;
    while budget > 0 && attempts < 200 {
        attempts += 1;
        let body: Vec<usize> = (0..blocks.len())
            .filter(|&i| blocks[i].0.is_some() && !blocks[i].2)
            .collect();
        if body.is_empty() {
            break;
        }
        let roll = rng.unit();
        if roll < 0.45 {
            // Edit one or two words of an untouched sentence.
            let b = body[rng.below(body.len())];
            let slots = blocks[b].0.as_mut().unwrap();
            let s = rng.below(slots.len());
            if slots[s].touched {
                continue;
            }
            let old = slots[s].text.clone();
            let Some(new) = edit_sentence(&old, &mut rng) else {
                continue;
            };
            if current.contains(&new)
                || original_set.contains(&new)
                || similarity(&old, &new) < 0.6
                || freed_old.iter().any(|f| similarity(f, &new) >= THRESHOLD)
                || unpaired_new
                    .iter()
                    .any(|u| similarity(&old, u) >= THRESHOLD)
            {
                continue;
            }
            current.remove(&old);
            current.insert(new.clone());
            slots[s] = Slot {
                text: new.clone(),
                touched: true,
            };
            freed_old.push(old.clone());
            unpaired_new.push(new.clone());
            changes.edits.push(Edit { old, new });
            budget -= 1;
        } else if roll < 0.65 {
            // Insert a new sentence, unlike any in the article.
            let fresh = (0..20).find_map(|_| {
                let mut new = sentence(&mut rng, &ctx);
                if rng.chance(0.5) {
                    // Vary the wording beyond the article's own templates.
                    new = format!(
                        "{} {}",
                        rng.pick(&[
                            "Separately,",
                            "Meanwhile,",
                            "Earlier this week,",
                            "On the other hand,",
                            "Later,"
                        ]),
                        lower_first(&new)
                    );
                }
                let unlike = !current.contains(&new)
                    && !original_set.contains(&new)
                    && original.iter().all(|o| similarity(o, &new) < THRESHOLD)
                    && current.iter().all(|c| similarity(c, &new) < THRESHOLD);
                unlike.then_some(new)
            });
            let Some(new) = fresh else {
                continue;
            };
            let b = body[rng.below(body.len())];
            let slots = blocks[b].0.as_mut().unwrap();
            let at = rng.below(slots.len() + 1);
            slots.insert(
                at,
                Slot {
                    text: new.clone(),
                    touched: true,
                },
            );
            current.insert(new.clone());
            unpaired_new.push(new.clone());
            changes.inserts.push(new);
            budget -= 1;
        } else if roll < 0.85 {
            // Delete an untouched sentence.
            let b = body[rng.below(body.len())];
            let slots = blocks[b].0.as_mut().unwrap();
            let s = rng.below(slots.len());
            if slots[s].touched {
                continue;
            }
            let old = slots[s].text.clone();
            if unpaired_new
                .iter()
                .any(|u| similarity(&old, u) >= THRESHOLD)
            {
                continue;
            }
            slots.remove(s);
            if slots.is_empty() {
                blocks.remove(b);
            }
            current.remove(&old);
            freed_old.push(old.clone());
            changes.deletes.push(old);
            budget -= 1;
        } else if changes.moves.is_empty() && body.len() >= 2 {
            // Swap two untouched paragraphs.
            let (a, b) = (body[rng.below(body.len())], body[rng.below(body.len())]);
            let untouched = |i: usize| blocks[i].0.as_ref().unwrap().iter().all(|s| !s.touched);
            let size = |i: usize| blocks[i].0.as_ref().unwrap().len();
            // Swapped paragraphs count as touched: keep near the budget.
            if a == b || !untouched(a) || !untouched(b) || size(a) + size(b) > budget + 1 {
                continue;
            }
            blocks.swap(a, b);
            for i in [a.min(b), a.max(b)] {
                blocks[i].2 = true;
                for slot in blocks[i].0.as_mut().unwrap() {
                    slot.touched = true;
                    changes.moves.push(slot.text.clone());
                }
            }
            budget = budget.saturating_sub(changes.moves.len());
        }
    }

    let rendered: Vec<Block> = blocks
        .into_iter()
        .map(|(slots, fixed, _)| match slots {
            Some(slots) => Block::Body(slots.into_iter().map(|s| s.text).collect()),
            None => Block::Fixed(fixed),
        })
        .collect();
    (
        render_blocks(&rendered),
        changes,
        (original.len(), body_count),
    )
}

fn lower_first(text: &str) -> String {
    // Keep capitals of names and quotations: only lower a plain first word.
    let first = text.split(' ').next().unwrap_or("");
    let plain = ["The", "Some", "Under", "In", "Asked", "Analysts", "Readers"];
    if plain.contains(&first) {
        let mut chars = text.chars();
        let c = chars.next().unwrap();
        c.to_lowercase().chain(chars).collect()
    } else {
        text.to_string()
    }
}

/// Replaces one word (two in long sentences) with another: at most ~20 %
/// of the words change, and never the first or last word, an abbreviation,
/// a number or a name.
fn edit_sentence(old: &str, rng: &mut Rng) -> Option<String> {
    let mut tokens: Vec<String> = old.split(' ').map(str::to_string).collect();
    if tokens.len() < 6 {
        return None;
    }
    let synonym = |word: &str| {
        SYNONYMS
            .iter()
            .find(|(from, _)| *from == word)
            .map(|(_, to)| *to)
    };
    let plain: Vec<usize> = (1..tokens.len() - 1)
        .filter(|&i| {
            let t = &tokens[i];
            t.len() >= 3 && t.bytes().all(|b| b.is_ascii_lowercase())
        })
        .collect();
    let with_synonym: Vec<usize> = plain
        .iter()
        .copied()
        .filter(|&i| synonym(&tokens[i]).is_some())
        .collect();
    if with_synonym.len() >= 2 && tokens.len() >= 14 && rng.chance(0.5) {
        // Two words, both for synonyms.
        let first = with_synonym[rng.below(with_synonym.len())];
        let second = with_synonym
            .iter()
            .copied()
            .filter(|&i| i != first)
            .nth(rng.below(with_synonym.len() - 1))?;
        for i in [first, second] {
            tokens[i] = synonym(&tokens[i])?.to_string();
        }
    } else if !with_synonym.is_empty() {
        let i = with_synonym[rng.below(with_synonym.len())];
        tokens[i] = synonym(&tokens[i])?.to_string();
    } else if !plain.is_empty() {
        // No synonym at hand: a plain word for an adjective.
        let i = plain[rng.below(plain.len())];
        let mut word = rng.pick(FILLER_WORDS);
        if word == tokens[i] {
            word = "particular";
        }
        tokens[i] = word.to_string();
    } else {
        return None;
    }
    let new = tokens.join(" ");
    (new != old).then_some(new)
}

// ---------------------------------------------------------------------------
// Command line.

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
