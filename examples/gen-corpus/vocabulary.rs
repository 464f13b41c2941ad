//! The words articles are made of: names, places, organisations, the
//! templates of clauses, quotes and headlines, and the word swaps of edits.

/// Every abbreviation the generator writes, without its final dot. None ever
/// ends a sentence, so a dot after one of these is never a boundary.
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Gov", "Rep", "Prof", "Gen", "Lt", "St", "U.S", "U.K", "U.N",
    "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Ltd", "a.m", "p.m",
    "e.g", "i.e", "vs", "No", "approx",
];

pub(super) const FIRST: &[&str] = &[
    "Alicia", "Daniel", "Min-jun", "Sarah", "Hiroshi", "Li", "Maria", "James", "Fatima", "Omar",
    "Elena", "Robert", "Priya", "Thomas", "Grace", "Kenji", "Laura", "David", "Amara", "Carlos",
    "Hannah", "Victor", "Yuna", "Michael", "Nadia", "Peter", "Sofia", "Wei", "Rachel", "Ahmed",
    "Julia", "Samuel", "Ines", "Tomasz", "Chloe", "Rafael",
];

pub(super) const LAST: &[&str] = &[
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

pub(super) const CITIES: &[&str] = &[
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

pub(super) const PLACES: &[&str] = &[
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
pub(super) const ORGS: &[&str] = &[
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
pub(super) const FIRMS: &[&str] = &[
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
pub(super) const FIRM_NAMES: &[&str] = &[
    "Meridian Capital",
    "Kestrel Research",
    "Granite Peak Partners",
    "Sable Insights",
    "Acme Holdings",
    "Hale Analytics",
    "Bluewater Logistics",
    "Harbor & Vine",
];

pub(super) const ROLES: &[&str] = &[
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

pub(super) const TITLES: &[&str] = &[
    "Mr.", "Ms.", "Dr.", "Sen.", "Gov.", "Rep.", "Prof.", "Gen.", "Lt.",
];

pub(super) const MONTHS_AP: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

pub(super) const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub(super) const TOPICS: &[&str] = &[
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
pub(super) const SUBJECTS: &[&[&str]] = &[
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
pub(super) const PREDICATES: &[&str] = &[
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

pub(super) const TAILS: &[&str] = &[
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

pub(super) const QUOTES: &[&str] = &[
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

pub(super) const QUESTIONS: &[&str] = &[
    "Who is going to pay for all of this",
    "Why would anyone invest here now",
    "What happens when the money runs out",
    "How many more warnings do we need",
    "Where were the regulators when this started",
    "Is this really the best we can do",
];

pub(super) const SAID: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "wrote in a memo",
];

pub(super) const EVENTS: &[&str] = &[
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

pub(super) const PEOPLE: &[&str] = &[
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

pub(super) const FEELINGS: &[&str] = &[
    "cautiously optimistic",
    "deeply worried",
    "frustrated",
    "relieved",
    "uncertain",
    "angry",
    "unconvinced",
    "hopeful",
];

pub(super) const OBJECTS: &[&str] = &[
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

pub(super) const HEAD_VERBS: &[&str] = &[
    "backs", "delays", "rejects", "weighs", "expands", "cuts", "revives", "scraps", "unveils",
    "defends",
];

pub(super) const HEAD_OBJECTS: &[&str] = &[
    "{money} plan for {subject}",
    "new limits on {subject}",
    "review of {subject}",
    "support for {subject}",
    "overhaul of {subject}",
    "deal on {subject}",
];

pub(super) const HEAD_TAILS: &[&str] = &[
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
pub(super) const FIXED_PREFIXES: &[&str] = &[
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
pub(super) const SYNONYMS: &[(&str, &str)] = &[
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

pub(super) const FILLER_WORDS: &[&str] = &[
    "notable", "modest", "steady", "broader", "regional", "recent", "wider", "final", "early",
    "annual",
];
