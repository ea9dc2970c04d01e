//! Who is mentioned where: the user's targets (by their aliases), the gazetteer's actors
//! (countries with their names, demonyms and capitals, bodies), names the tagger finds (chains
//! of proper nouns, titles stripped: `opposition lawmaker Tomas Guanipa`), unnamed groups
//! (`several governments`), and pronouns resolved to the last compatible actor of the paragraph.

use super::analysis::Sentence;
use super::lexicon::{ActorKind, AliasTable, FunctionKind, Lexicon, PronounKind, TitleKind};
use crate::syntax::relations::RelClass;
use crate::Span;
use std::collections::HashMap;

/// Who a mention refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Who {
    /// A user target (its index).
    Target(usize),
    /// A gazetteer actor (its index).
    Actor(u32),
    /// A name found in the text (full name).
    Name(String),
    /// An unnamed group: `Unnamed countries`.
    Group(String),
}

/// A mention of an actor in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// First and last word (inclusive).
    pub first: usize,
    pub last: usize,
    pub who: Who,
    /// The words that name it (a pronoun's span when resolved through one).
    pub span: Span,
    /// Is it a person (for `he`/`she`)?
    pub person: bool,
    /// Found through a pronoun.
    pub pronoun: bool,
    /// For a pronoun whose antecedent is in the same sentence, the antecedent's last word.
    pub antecedent: Option<usize>,
    /// For a plural pronoun whose antecedent is a coordination of the sentence before
    /// (`Russia and China met. They ...`), the other members of it.
    pub joint: Vec<Who>,
}

/// What the document has said so far: full names by their last word (so `Trump` after
/// `Donald Trump` is Donald Trump) and the actors of the current paragraph, most recent last
/// (for pronouns).
#[derive(Debug, Default)]
pub(crate) struct DocMemory {
    pub surnames: HashMap<String, String>,
    pub recent: Vec<(Who, bool)>,
    /// The actors that were subjects in the last sentence remembered, with their person flag:
    /// a pronoun's most likely antecedent after the subjects of its own sentence.
    pub last_subjects: Vec<(Who, bool)>,
    /// The members of each coordinated subject of the last sentence remembered (`Russia and
    /// China met`): a plural pronoun after it stands for all of them.
    pub last_coordinations: Vec<Vec<Who>>,
    /// The last person and the last group that were subjects in this paragraph.
    pub paragraph_subjects: Vec<(Who, bool)>,
    /// ... and in the paragraph before: news paragraphs are short, and a pronoun that opens one
    /// (`He also warned ...`) is most often the last paragraph's protagonist.
    pub previous_subjects: Vec<(Who, bool)>,
    /// The person last named with each office title (`president` after `President Ana
    /// Rivera`), in the whole document: who `the president` is.
    pub titled: HashMap<String, Who>,
}

impl DocMemory {
    /// A paragraph break: pronouns look back across it only to its last subjects.
    pub(crate) fn new_paragraph(&mut self) {
        self.recent.clear();
        self.last_subjects.clear();
        self.last_coordinations.clear();
        self.previous_subjects = std::mem::take(&mut self.paragraph_subjects);
    }

    /// Remembers the actors sentence `s` mentioned, in order, and which were subjects. An
    /// unnamed group that is a subject (`Protesters gathered in Lima`, `Thousands of workers
    /// marched`) is remembered as a subject too: `They condemned X` in the next sentence is that
    /// group's, not the last name's (`Lima`).
    pub(crate) fn remember(&mut self, s: &Sentence<'_>, mentions: &[Mention], lex: &Lexicon) {
        let mut subjects: Vec<(usize, Who, bool)> = mentions
            .iter()
            .filter(|m| is_subject(s, m.first, m.last))
            .map(|m| (m.first, m.who.clone(), m.person))
            .collect();
        let covered = |k: usize| mentions.iter().any(|m| m.first <= k && k <= m.last);
        for (k, t) in s.toks.iter().enumerate() {
            // (A sentence the parser reads as a noun phrase, its verb a participle on the noun,
            // is about that noun: `Several governments met in Lima` with `met` as `acl`.)
            if !matches!(t.base_rel(), "nsubj" | "root") || t.upos != "NOUN" || covered(k) {
                continue;
            }
            // (A word of number stands for the group of its `of` phrase.)
            let group = if lex.crowd_numbers.contains(&t.lower) {
                s.kids[k].iter().copied().find(|&c| {
                    s.toks[c].base_rel() == "nmod" && lex.groups.contains(&s.toks[c].lower) && !covered(c)
                })
            } else {
                Some(k).filter(|_| lex.groups.contains(&t.lower))
            };
            if let Some(name) = group.and_then(|g| group_name(s, lex, g, false)) {
                subjects.push((k, Who::Group(name), false));
            }
        }
        // A subject's conjuncts that are mentions too (the first conjunct is the subject).
        let mention_at = |k: usize| {
            mentions
                .iter()
                .find(|m| m.first <= k && k <= m.last && !m.pronoun)
        };
        self.last_coordinations = mentions
            .iter()
            .filter(|m| !m.pronoun && is_subject(s, m.first, m.last))
            .filter_map(|m| {
                let head =
                    (m.first..=m.last).find(|&k| s.toks[k].head.is_none_or(|h| h < m.first || h > m.last))?;
                let mut members = vec![m.who.clone()];
                let mut stack = vec![head];
                while let Some(k) = stack.pop() {
                    for c in s.kids_with(k, "conj") {
                        if let Some(other) = mention_at(c).filter(|o| !members.contains(&o.who)) {
                            members.push(other.who.clone());
                        }
                        stack.push(c);
                    }
                }
                (members.len() > 1).then_some(members)
            })
            .collect();
        subjects.sort_by_key(|&(k, _, _)| k);
        self.last_subjects = subjects
            .into_iter()
            .map(|(_, who, person)| (who, person))
            .collect();
        for person in [true, false] {
            if let Some(last) = self.last_subjects.iter().rev().find(|(_, p)| *p == person) {
                self.paragraph_subjects.retain(|(_, p)| *p != person);
                self.paragraph_subjects.push(last.clone());
            }
        }
        for m in mentions.iter().filter(|m| !m.pronoun) {
            self.recent.retain(|(w, _)| *w != m.who);
            self.recent.push((m.who.clone(), m.person));
        }
        if self.recent.len() > 32 {
            let cut = self.recent.len() - 32;
            self.recent.drain(..cut);
        }
    }
}

/// The user's targets (names and alias table), and the actors the user added.
#[derive(Clone, Debug, Default)]
pub(crate) struct Targets {
    pub names: Vec<String>,
    /// Countries (gazetteer index) whose government a target heads (the gazetteer's `head`
    /// rows): as the receiver of a stance, the country or its government is that target.
    pub heads: HashMap<u32, usize>,
    /// Gazetteer actors (index) that are a target under the same name: the gazetteer's aliases
    /// of `United States` (`the White House`, `the State Department`) name the user's target
    /// `United States`.
    pub same_actor: HashMap<u32, usize>,
    pub aliases: AliasTable,
    /// Is target `i` a person (two or more capitalised words, or known as one)?
    pub person: Vec<bool>,
    /// The user's extra actors: names and alias table.
    pub actor_names: Vec<String>,
    pub actor_aliases: AliasTable,
}

impl Targets {
    /// The target gazetteer actor `a` can stand for: a target's gazetteer name, a country a
    /// target heads, or an official of a target country.
    pub(crate) fn target_for_actor(&self, lex: &Lexicon, a: u32) -> Option<usize> {
        let direct = |a: u32| self.heads.get(&a).or_else(|| self.same_actor.get(&a)).copied();
        direct(a).or_else(|| lex.country_of_person(a).and_then(direct))
    }
}

/// The mentions of one sentence.
pub(crate) struct Mentions {
    pub list: Vec<Mention>,
    /// For each word, the mention it belongs to.
    pub at: Vec<Option<usize>>,
}

/// Whether the words `first..=last` are a subject: their head word hangs from outside them as
/// `nsubj` (active or passive). Subjects are the most salient antecedents of a pronoun.
fn is_subject(s: &Sentence<'_>, first: usize, last: usize) -> bool {
    (first..=last).any(|k| {
        let t = &s.toks[k];
        t.head.is_none_or(|h| h < first || h > last) && t.base_rel() == "nsubj"
    })
}

fn is_name_word(s: &Sentence<'_>, i: usize) -> bool {
    let t = &s.toks[i];
    t.upos == "PROPN"
        && t.text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// `Unnamed European and Asian countries` for a group noun at `u` and its modifiers; no group
/// for a bare `other nations`/`others` after a list (`listed`), which names no one more.
pub(crate) fn group_name(s: &Sentence<'_>, lex: &Lexicon, u: usize, listed: bool) -> Option<String> {
    let words: Vec<usize> = (0..u)
        .rev()
        .take_while(|&k| {
            s.dominates(u, k) && matches!(s.toks[k].upos, "ADJ" | "PROPN" | "NOUN" | "CCONJ" | "PUNCT")
        })
        .filter(|&k| {
            s.toks[k].text != "," && lex.function.get(&s.toks[k].lower) != Some(&FunctionKind::Quantifier)
        })
        .collect();
    let quantified = s.kids[u]
        .iter()
        .any(|&k| RelClass::Quantifying.has(s.toks[k].rel))
        || !words.is_empty();
    if listed && !quantified {
        return None;
    }
    let mut words: Vec<usize> = words.into_iter().rev().collect();
    while words.first().is_some_and(|&k| s.toks[k].upos == "CCONJ") {
        words.remove(0);
    }
    let mut parts: Vec<&str> = words.iter().map(|&k| s.toks[k].text).collect();
    parts.push(s.toks[u].lower.as_str());
    Some(format!("Unnamed {}", parts.join(" ")))
}

/// Finds the mentions of a sentence.
pub(crate) fn find(s: &Sentence<'_>, lex: &Lexicon, targets: &Targets, memory: &mut DocMemory) -> Mentions {
    let n = s.len();
    let lower: Vec<String> = s.toks.iter().map(|t| t.lower.clone()).collect();
    let text: Vec<&str> = s.toks.iter().map(|t| t.text).collect();
    let mut list: Vec<Mention> = Vec::new();
    let mut at: Vec<Option<usize>> = vec![None; n];
    let push = |list: &mut Vec<Mention>, at: &mut Vec<Option<usize>>, m: Mention| {
        for slot in &mut at[m.first..=m.last] {
            *slot = Some(list.len());
        }
        list.push(m);
    };
    // A mention named by words `first..=last`.
    let named = |first: usize, last: usize, who: Who, person: bool| Mention {
        first,
        last,
        who,
        span: Span::new(s.toks[first].span.start, s.toks[last].span.end),
        person,
        pronoun: false,
        antecedent: None,
        joint: Vec::new(),
    };
    // News outlets are sources, not actors: their names make no mention, nor does a place in
    // one (`Washington` in `The Washington Post`).
    let outlet = lex.outlet_words(
        s.toks
            .iter()
            .map(|t| (t.lower.as_str(), t.text.starts_with(char::is_uppercase))),
    );
    // 1. Targets, then gazetteer actors: longest alias first, left to right.
    let mut i = 0;
    while i < n {
        if outlet[i] {
            i += 1;
            continue;
        }
        if let Some((alias, len)) = targets.aliases.longest(&lower, &text, i) {
            let t = alias.actor as usize;
            push(
                &mut list,
                &mut at,
                named(i, i + len - 1, Who::Target(t), targets.person[t]),
            );
            i += len;
            continue;
        }
        if let Some((alias, len)) = targets.actor_aliases.longest(&lower, &text, i) {
            push(
                &mut list,
                &mut at,
                named(
                    i,
                    i + len - 1,
                    Who::Name(targets.actor_names[alias.actor as usize].clone()),
                    false,
                ),
            );
            i += len;
            continue;
        }
        if let Some((alias, len)) = lex.aliases.longest(&lower, &text, i) {
            let actor = &lex.actors[alias.actor as usize];
            let who = match targets.same_actor.get(&alias.actor) {
                Some(&t) => Who::Target(t),
                None => Who::Actor(alias.actor),
            };
            // A gazetteer word inside a longer name (`Peru` in `Bank of Peru`) is
            // part of that name, not the actor.
            // A demonym after a word of area is a region (`Latin American`), no country.
            // One on a body's capitalised name is its owner (`the Peruvian Justice Ministry`).
            let owns_body = s.toks[i]
                .head
                .is_some_and(|h| lex.government_role(&s.toks[h].lemma, "state"));
            let regional = alias.words.len() == 1
                && i > 0
                && lex.function.get(&lower[i - 1]) == Some(&FunctionKind::Region);
            let inside_name = regional
                || alias.words.len() == 1
                    && ((i > 0 && is_name_word(s, i - 1) && at[i - 1].is_none() && !is_title(s, lex, i - 1))
                        || (i + 1 < n
                            && !owns_body
                            && is_name_word(s, i + 1)
                            && lex.aliases.longest(&lower, &text, i + 1).is_none()
                            && targets.aliases.longest(&lower, &text, i + 1).is_none()));
            if !inside_name {
                push(
                    &mut list,
                    &mut at,
                    named(i, i + len - 1, who, actor.kind == ActorKind::Person),
                );
                i += len;
                continue;
            }
        }
        i += 1;
    }
    // 1b. A country's armed force (`the Venezuelan army`, `Venezuela's military`, `the armed
    //     forces`): one actor, named as the annotation guidelines name it (`Venezuelan
    //     military`), or `Military` with no country said. The words are the rules engine's
    //     (`stance::military_phrase`); plural ones (`generals`, `troops`) name unnamed groups.
    let mut i = 0;
    while i < n {
        let phrase = if at[i].is_none() && !outlet[i] {
            crate::stance::military_phrase(&lower, i)
        } else {
            None
        };
        let Some(len) = phrase else {
            i += 1;
            continue;
        };
        let last = i + len - 1;
        // (`Venezuelan military members`: a modifier of a noun after it, not the institution.)
        let modifier = matches!(s.toks[last].base_rel(), "compound" | "amod")
            && s.toks[last].head.is_some_and(|h| h > last);
        if modifier || lex.groups.contains(&lower[last]) || (i..=last).any(|k| at[k].is_some()) {
            i += 1;
            continue;
        }
        // Its country: a demonym before it, or a possessor.
        let owner_word = if i >= 2 && lex.function.get(&lower[i - 1]) == Some(&FunctionKind::Possessive) {
            Some(i - 2)
        } else {
            i.checked_sub(1)
        };
        let country = owner_word.and_then(|k| at[k]).and_then(|m| match list[m].who {
            Who::Actor(a) if lex.actors[a as usize].kind == ActorKind::Country => Some((m, a)),
            _ => None,
        });
        let what = crate::stance::military_name();
        match country {
            Some((m, a)) => {
                let owner = &list[m];
                let adjective = if s.toks[owner.last].upos == "ADJ" {
                    s.toks[owner.first..=owner.last]
                        .iter()
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                        .join(" ")
                } else {
                    let name = &lex.actors[a as usize].name;
                    crate::stance::resources::Resources::get()
                        .demonym
                        .get(name)
                        .cloned()
                        .unwrap_or_else(|| name.clone())
                };
                let first = owner.first;
                list[m] = named(first, last, Who::Name(format!("{adjective} {what}")), false);
                for slot in &mut at[first..=last] {
                    *slot = Some(m);
                }
            }
            None => push(
                &mut list,
                &mut at,
                named(i, last, Who::Name(crate::stance::cap_first(what)), false),
            ),
        }
        i = last + 1;
    }
    // 2. Names: runs of capitalised proper nouns not covered yet, titles in front dropped. A
    //    name is one subtree of the parse: a run whose words hang from different heads is cut
    //    there (`Secretary of State Maria Olsen`: `State` belongs to the title).
    let mut i = 0;
    while i < n {
        if at[i].is_some() || !is_name_word(s, i) || outlet[i] {
            i += 1;
            continue;
        }
        let mut end = i;
        while end + 1 < n && at[end + 1].is_none() && is_name_word(s, end + 1) && !outlet[end + 1] {
            end += 1;
        }
        let root = |k: usize| {
            let mut r = k;
            for _ in 0..=end - i {
                match s.toks[r].head {
                    Some(h) if (i..=end).contains(&h) => r = h,
                    _ => break,
                }
            }
            r
        };
        let mut j = i;
        while j < end && root(j + 1) == root(i) {
            j += 1;
        }
        // The `of` phrase of an office (`Secretary of State`) is part of the title.
        let top = &s.toks[root(i)];
        if top.base_rel() == "nmod" && top.head.is_some_and(|h| is_title(s, lex, h)) {
            i = j + 1;
            continue;
        }
        // A body named in capitals (`Peru's Justice Ministry`, `the Lopez Administration`,
        // `the Peruvian Government`) is a government noun (government_nouns.txt `state`): with an
        // actor already found beside it, it is that actor's, as in lower case, and the holder
        // resolution reads it so; alone, it keeps its name, titles and all (`Justice` is no
        // person's title in `the Justice Ministry`).
        let body = lex.government_role(&top.lemma, "state");
        let owned = body
            && s.kids[root(i)]
                .iter()
                .any(|&k| at[k].is_some() && RelClass::OwnerOrName.has(s.toks[k].rel));
        if owned {
            i = j + 1;
            continue;
        }
        let mut first = i;
        while !body && first < j && is_title(s, lex, first) {
            first += 1;
        }
        let words: Vec<&str> = (first..=j).map(|k| s.toks[k].text).collect();
        // Words of area before a demonym (`Latin American governments`, `South American
        // nations`) are part of the group's description (see `Ctx::group_name`), no name.
        let region = (first..=j).all(|k| lex.function.get(&lower[k]) == Some(&FunctionKind::Region))
            && j + 1 < n
            && s.toks[j + 1].upos == "ADJ";
        let is_calendar = region || words.len() == 1 && lex.is_calendar(words[0]);
        if (body || !is_title(s, lex, first)) && !is_calendar {
            let full = words.join(" ");
            let surname = words[words.len() - 1].to_lowercase();
            let known = memory.surnames.get(&surname).cloned();
            let name = if words.len() >= 2 {
                memory.surnames.insert(surname, full.clone());
                full
            } else {
                known.clone().unwrap_or(full)
            };
            push(
                &mut list,
                &mut at,
                // A name with a person's title in front, of two or more words, or the surname of
                // such a name, is taken for a person (pronouns `he`/`she`); other single words may
                // be bodies too.
                named(
                    first,
                    j,
                    Who::Name(name),
                    first > i || words.len() >= 2 || known.is_some(),
                ),
            );
        }
        i = j + 1;
    }
    // 2b. Descriptions by office (`the president`, `the socialist president`, `the foreign
    //     minister`): the person last named with that title in the document. Not one with a
    //     complement or owner of its own (`the president of Peru`, `Peru's president`).
    for i in 0..n {
        if at[i].is_some() || s.toks[i].upos != "NOUN" {
            continue;
        }
        let two_words = (i > 0).then(|| format!("{} {}", lower[i - 1], lower[i]));
        let title = two_words
            .filter(|t| lex.titles.get(t.as_str()) == Some(&TitleKind::Office))
            .or_else(|| {
                (lex.titles.get(lower[i].as_str()) == Some(&TitleKind::Office)).then(|| lower[i].clone())
            });
        let Some(who) = title.and_then(|t| memory.titled.get(&t).cloned()) else {
            continue;
        };
        let kids = &s.kids[i];
        let definite = kids.iter().any(|&k| {
            k < i
                && s.toks[k].rel == "det"
                && lex.function.get(&s.toks[k].lower) == Some(&FunctionKind::Definite)
        });
        let owned = kids.iter().any(|&k| {
            RelClass::NameModifier.has(s.toks[k].base_rel()) || at[k].is_some() || s.toks[k].upos == "PROPN"
        });
        if !definite || owned {
            continue;
        }
        let first = kids.iter().copied().filter(|&k| k < i).min().unwrap_or(i);
        push(&mut list, &mut at, named(first, i, who, true));
    }
    // Remember who holds which office, for the descriptions of later sentences.
    for m in list.iter().filter(|m| m.person && !m.pronoun) {
        let mut k = m.first;
        while k > 0 && (is_title(s, lex, k - 1) || is_name_word(s, k - 1)) && at[k - 1].is_none() {
            k -= 1;
        }
        for t in k..m.first {
            let word = lower[t].trim_end_matches('.');
            let mut keys = vec![word.to_owned()];
            if t + 1 < m.first {
                keys.push(format!("{word} {}", lower[t + 1]));
            }
            for key in keys {
                if lex.titles.get(key.as_str()) == Some(&TitleKind::Office) {
                    memory.titled.insert(key, m.who.clone());
                }
            }
        }
    }
    // 3. Pronouns: the most salient compatible actor of the paragraph. Subjects before other
    //    roles and nearer before farther: the subjects earlier in this sentence, then those of
    //    the sentence before, then any earlier actor of this sentence, then of the paragraph,
    //    then the last subject of the paragraph before.
    for i in 0..n {
        if at[i].is_some() || !matches!(s.toks[i].upos, "PRON" | "DET") {
            continue;
        }
        let wants_person = match lex.pronouns.get(&s.toks[i].lower) {
            Some(PronounKind::Person) => true,
            Some(PronounKind::Group) => false,
            // Speakers are found through the clause's say verb (see `frames`).
            Some(PronounKind::Speaker) | None => continue,
        };
        // Speakers do not name themselves in the third person in what they say: in `Peru
        // backs X, she says`, `she` is neither Peru nor X.
        let reported = reported_clause(s, lex, i);
        let outside_report = |m: &Mention| {
            reported.is_none_or(|(content, comment)| {
                !(m.first..=m.last)
                    .any(|k| s.dominates(content, k) && !comment.is_some_and(|c| s.dominates(c, k)))
            })
        };
        let mut earlier: Vec<(Who, bool, Option<usize>, bool)> = list
            .iter()
            .filter(|m| m.last < i && !m.pronoun && outside_report(m))
            .map(|m| {
                (
                    m.who.clone(),
                    m.person,
                    Some(m.last),
                    is_subject(s, m.first, m.last),
                )
            })
            .collect();
        // An office named by its country rather than by a name (`Peru's president`, `the
        // Peruvian foreign minister`, `the president of Peru`) is a person, who holds stances
        // as that country does (see `Ctx::resolve_one`): `Peru's president said he ...`. Taken
        // only where no named person of the sentence fits (first in the list, so last in the
        // search).
        let mut offices = Vec::new();
        for k in 0..i {
            // (One holder of an office: `Peruvian officials accuse him` names no `him`.)
            let plural = matches!(s.toks[k].xpos, "NNS" | "NNPS");
            if !s.toks[k].upos.starts_with('N')
                || plural
                || !lex.titles.contains_key(&s.toks[k].lemma)
                || at[k].is_some()
            {
                continue;
            }
            let owner = s.kids[k]
                .iter()
                .filter(|&&c| {
                    RelClass::Owner.has(s.toks[c].rel)
                        || (s.toks[c].rel == "nmod" && lex.preposition_is(&s.case_of(c), "owner"))
                })
                .find_map(|&c| at[c].map(|m| &list[m]))
                .filter(|m| !m.pronoun && !m.person && outside_report(m));
            if let Some(m) = owner {
                offices.push((m.who.clone(), true, Some(k), is_subject(s, k, k)));
            }
        }
        earlier.splice(0..0, offices);
        // `X and his allies`: a possessive in a conjunct names the conjunct it is listed with.
        let listed_with = (s.toks[i].rel == "nmod:poss")
            .then_some(s.toks[i].head)
            .flatten()
            .filter(|&noun| s.toks[noun].rel == "conj")
            .and_then(|noun| s.toks[noun].head)
            .and_then(|h| list.iter().find(|m| m.first <= h && h <= m.last && !m.pronoun))
            .map(|m| (m.who.clone(), m.person, Some(m.last), false));
        // An object pronoun that is not reflexive never names the subject of its own verb
        // (`X criticised him`: `him` is someone else), also the subject a coordinated verb
        // shares (`X met Y and criticised her`).
        let own_subjects: Vec<Who> = match s.toks[i].head {
            Some(h)
                if RelClass::ObjectLike.has(s.toks[i].base_rel())
                    && !lex.reflexive_pronouns.contains(&s.toks[i].lower) =>
            {
                let mut verb = h;
                for _ in 0..n {
                    match s.toks[verb].head {
                        Some(up)
                            if s.toks[verb].rel == "conj" && s.kids_with(verb, "nsubj").next().is_none() =>
                        {
                            verb = up;
                        }
                        _ => break,
                    }
                }
                s.kids_with(verb, "nsubj")
                    .filter_map(|k| at[k].map(|m| list[m].who.clone()))
                    .collect()
            }
            _ => Vec::new(),
        };
        let subjects_here = earlier.iter().rev().filter(|c| c.3);
        let subjects_before = memory
            .last_subjects
            .iter()
            .rev()
            .map(|(w, p)| (w.clone(), *p, None, true));
        let found = listed_with
            .into_iter()
            .chain(subjects_here.cloned())
            .chain(subjects_before)
            .chain(earlier.iter().rev().cloned())
            .chain(
                memory
                    .recent
                    .iter()
                    .rev()
                    .map(|(w, p)| (w.clone(), *p, None, false)),
            )
            .chain(
                memory
                    .previous_subjects
                    .iter()
                    .map(|(w, p)| (w.clone(), *p, None, false)),
            )
            .find(|c| c.1 == wants_person && !own_subjects.contains(&c.0))
            .map(|(who, person, antecedent, _)| (who, person, antecedent));
        if let Some((who, person, antecedent)) = found {
            // `Russia and China met. They ...`: the whole coordination.
            let joint: Vec<Who> = if antecedent.is_none() && lex.plural_pronouns.contains(&s.toks[i].lower) {
                memory
                    .last_coordinations
                    .iter()
                    .find(|members| members.contains(&who))
                    .map(|members| members.iter().filter(|&w| *w != who).cloned().collect())
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            push(
                &mut list,
                &mut at,
                Mention {
                    first: i,
                    last: i,
                    who,
                    span: s.toks[i].span,
                    person,
                    pronoun: true,
                    antecedent,
                    joint,
                },
            );
        }
    }
    list.sort_by_key(|m| m.first);
    let mut at = vec![None; n];
    for (k, m) in list.iter().enumerate() {
        for slot in &mut at[m.first..=m.last] {
            *slot = Some(k);
        }
    }
    Mentions { list, at }
}

/// When word `i` is the subject of a say-type verb, the clause that verb reports: its clausal
/// complement (`she said that ...`, `..., she says` parsed so), or the clause it comments on
/// (`..., she says` parsed as `parataxis`), with the comment to leave out of it.
fn reported_clause(s: &Sentence<'_>, lex: &Lexicon, i: usize) -> Option<(usize, Option<usize>)> {
    let say = s.toks[i].head.filter(|_| s.toks[i].base_rel() == "nsubj")?;
    if !lex.is_say_verb(&s.toks[say].lemma) {
        return None;
    }
    if s.toks[say].base_rel() == "parataxis" {
        return s.toks[say].head.map(|content| (content, Some(say)));
    }
    s.kid_exact(say, "ccomp").map(|content| (content, None))
}

/// Whether word `i` is a title or office word in front of a name (`President`, `Sen.`, `Mr`).
pub(crate) fn is_title(s: &Sentence<'_>, lex: &Lexicon, i: usize) -> bool {
    let lower = s.toks[i].lower.trim_end_matches('.');
    lex.titles.contains_key(lower) || lex.titles.contains_key(&s.toks[i].lower)
}
