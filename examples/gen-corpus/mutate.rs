//! `mutate`: edits, inserts, deletes and moves of body sentences, and the
//! manifest of exactly what changed.

use super::*;

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
pub(super) struct Slot {
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
pub(super) fn mutate_article(
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

pub(super) fn lower_first(text: &str) -> String {
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
pub(super) fn edit_sentence(old: &str, rng: &mut Rng) -> Option<String> {
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
