//! The rules: mentions, cues, argument roles (active/passive/nominal), lists, negation and
//! reported speech, applied one sentence at a time.

use super::lex::{self, Tok};
use super::resources::{ActorKind, Cue, Frame, PhraseList, PhraseTable, Polarity, Resources, WordList};
use std::collections::HashMap;

/// Compiled targets (user-given or open).
pub(crate) struct Targets {
    /// Canonical names.
    pub names: Vec<String>,
    /// Alias patterns → target index.
    pub table: PhraseTable<u32>,
    /// ISO code of the country each target heads, if any.
    pub head_of: Vec<Option<String>>,
    /// Whether each target is a person.
    pub person: Vec<bool>,
    /// ISO code when a target is a country.
    pub iso: Vec<Option<String>>,
    /// No targets given: every actor is a target.
    pub open: bool,
}

/// User-added actors.
pub(crate) struct UserActors {
    pub names: Vec<String>,
    pub table: PhraseTable<u32>,
}

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MKind {
    /// A country, body, bloc, military, court or user actor.
    Actor,
    /// A named person.
    Person,
    /// An unnamed group ("about 50 other countries").
    Group,
    /// he / she / it / they / we / I / its / their / his / her.
    Pronoun,
    /// A demonym not (yet) part of an actor ("Venezuelan").
    Demonym,
    /// A capitalised name not in the gazetteer.
    Name,
}

/// One mention of an actor or target in a sentence (token range).
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub ts: usize,
    pub te: usize,
    pub name: String,
    pub kind: MKind,
    /// Canonical target name when the mention is a target.
    pub target: Option<String>,
    /// ISO code for a country mention.
    pub iso: Option<String>,
}

/// A found triple (byte spans).
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub holder: String,
    pub holder_span: Option<(usize, usize)>,
    pub target: String,
    pub target_span: (usize, usize),
    pub polarity: Polarity,
    pub cue: (usize, usize),
    pub score: f32,
    pub rule: String,
}

/// State carried across the sentences of one document.
#[derive(Default)]
pub(crate) struct DocState {
    /// Most recent person mentioned (canonical name, target name if a target).
    pub last_person: Option<(String, Option<String>)>,
    /// Country mention counts so far.
    pub countries: HashMap<String, u32>,
    /// Surname → full name of persons named so far.
    pub full_names: HashMap<String, String>,
    /// Most recent person in subject position, with the index of its sentence.
    pub last_subject_person: Option<((String, Option<String>), usize)>,
    /// Index of the current sentence.
    pub sent_idx: usize,
}

impl DocState {
    fn dominant_country(&self) -> Option<&str> {
        self.countries
            .iter()
            .filter(|(k, _)| !DOMINANT_SKIP.contains(&k.to_lowercase().as_str()))
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(k, _)| k.as_str())
    }
}

#[derive(Clone, Debug)]
struct H {
    name: String,
    span: Option<(usize, usize)>,
    m: Option<usize>,
    target: Option<String>,
}

/// Membership in one of the word lists below, through a lazily built hash set.
macro_rules! in_set {
    ($list:ident, $w:expr) => {{
        static SET: std::sync::OnceLock<
            std::collections::HashSet<&'static str, crate::stance::resources::FxBuild>,
        > = std::sync::OnceLock::new();
        let w: &str = $w;
        SET.get_or_init(|| $list.iter().copied().collect()).contains(w)
    }};
}

static BOUNDARY: WordList = WordList::new("boundary");
static DETS: WordList = WordList::new("dets");
static ATTRIBUTION: WordList = WordList::new("attribution");
static TWO_WORD_REGIONS: PhraseList = PhraseList::new("two_word_regions");
static MEMBER_LINKS: WordList = WordList::new("member_links");
static MEMBERSHIP: WordList = WordList::new("membership");
static QUANT_LINKS: WordList = WordList::new("quant_links");
static GROUP_LINKS: WordList = WordList::new("group_links");
static INDEFINITE: WordList = WordList::new("indefinite");
static DOMINANT_SKIP: WordList = WordList::new("dominant_skip");
static GROUP_BLOCS: WordList = WordList::new("group_blocs");

/// Set-membership over a list the parse engine owns, built once: the rules engine reads the
/// same speech verbs, negators and pronouns (see `stance_v2::say_verb_forms`,
/// `clause_negators`, `pronoun_words`).
macro_rules! in_shared {
    ($build:expr, $w:expr) => {{
        static SET: std::sync::OnceLock<
            std::collections::HashSet<String, crate::stance::resources::FxBuild>,
        > = std::sync::OnceLock::new();
        SET.get_or_init(|| $build.into_iter().collect()).contains($w)
    }};
}

/// The possessive ending (`'s`): function_words.txt's, one list for both engines.
fn is_possessive(w: &str) -> bool {
    in_shared!(
        crate::stance_v2::function_words(crate::stance_v2::FunctionKind::Possessive),
        w
    )
}

/// The definite article: function_words.txt's, one list for both engines.
fn is_definite(w: &str) -> bool {
    in_shared!(
        crate::stance_v2::function_words(crate::stance_v2::FunctionKind::Definite),
        w
    )
}

/// A verb that reports speech (`said`, `told`), in any form, or an attribution (`according`).
fn is_speech(w: &str) -> bool {
    in_shared!(crate::stance_v2::say_verb_forms(false), w) || is_attribution(w)
}

/// The length of the name of an armed force at word `i` of `lower` (lower-cased words):
/// `army`, `armed forces`, `military leaders` ([military], begun by a [military_heads] word),
/// unless the word after it makes it an adjective (`military intervention`:
/// [military_modified]). The one list both engines read.
pub(crate) fn military_phrase(lower: &[String], i: usize) -> Option<usize> {
    if !lower.get(i).is_some_and(|w| in_set!(MILITARY_HEADS, w.as_str())) {
        return None;
    }
    let len = MILITARY
        .iter()
        .find(|p| p.len() <= lower.len() - i && p.iter().zip(&lower[i..]).all(|(a, b)| *a == b.as_str()))?;
    let len = len.len();
    let modified = lower
        .get(i + len)
        .is_some_and(|w| in_set!(MILITARY_MODIFIED, w.as_str()));
    (!modified).then_some(len)
}

/// The name of an armed force (`military`: [military_name]).
pub(crate) fn military_name() -> &'static str {
    first_of(&MILITARY_NAME)
}

/// An attribution word that is no verb of saying (`according` in `according to X`): the one
/// list both engines read.
pub(crate) fn is_attribution(w: &str) -> bool {
    in_set!(ATTRIBUTION, w)
}

/// A labelling verb (`called X a dictator`), in any form.
fn is_label_verb(w: &str) -> bool {
    in_shared!(crate::stance_v2::say_verb_forms(true), w)
}

/// A negator that negates the cue after it (`not`, `n't`, `never`, `no`).
pub(crate) fn is_local_negator(w: &str) -> bool {
    in_shared!(crate::stance_v2::clause_negators(), w)
}
static SCOPE_NEG: PhraseList = PhraseList::new("scope_neg");
static FLIP_NEG: WordList = WordList::new("flip_neg");
static MILITARY: PhraseList = PhraseList::new("military");
static GROUP_NOUNS: WordList = WordList::new("group_nouns");
static QUANT: WordList = WordList::new("quant");
static QUANT_OTHERS: WordList = WordList::new("quant_others");
static REGION: WordList = WordList::new("region");
static COURTS: PhraseList = PhraseList::new("courts");
static LIST_PHRASES: PhraseList = PhraseList::new("list_phrases");
static EXCEPTIONS: PhraseList = PhraseList::new("exceptions");
static JOIN_FORMS: WordList = WordList::new("join_forms");
static COERCIVE_WORDS: WordList = WordList::new("coercive_words");
static COERCIVE_STEMS: WordList = WordList::new("coercive_stems");
static PARTICLE_CUES: WordList = WordList::new("particle_cues");
static AGENT_MARKS: WordList = WordList::new("agent_marks");
static LIST_JOINERS: WordList = WordList::new("list_joiners");
static OF_MARKS: WordList = WordList::new("of_marks");
static LABEL_MARKS: WordList = WordList::new("label_marks");
static INFINITIVE_MARKS: WordList = WordList::new("infinitive_marks");
static JOIN_LINKS: WordList = WordList::new("join_links");
static ATTEMPT_NOUNS: WordList = WordList::new("attempt_nouns");
static BACK_PARTICLE_NEXT: WordList = WordList::new("back_particle_next");
static BACK_PARTICLE_VERBS: WordList = WordList::new("back_particle_verbs");
static BE_FINITE: WordList = WordList::new("be_finite");
static BE_OR_AS: WordList = WordList::new("be_or_as");
static CLAUSE_JOINERS: WordList = WordList::new("clause_joiners");
static CROWD_NOUNS: WordList = WordList::new("crowd_nouns");
static CROWD_FAVOR: WordList = WordList::new("crowd_favor");
static CROWD_AGAINST: WordList = WordList::new("crowd_against");
static MILITARY_NAME: WordList = WordList::new("military_name");
static COURT_NAME: WordList = WordList::new("court_name");
static GROUP_NAME_GOVERNMENTS: WordList = WordList::new("group_name_governments");
static GROUP_NAME_POLITICIANS: WordList = WordList::new("group_name_politicians");
static GROUP_NAME_COUNTRIES: WordList = WordList::new("group_name_countries");
static CUE_DETERMINERS: WordList = WordList::new("cue_determiners");
static CUE_OPENERS: WordList = WordList::new("cue_openers");
static DEMAND_NOUNS: WordList = WordList::new("demand_nouns");
static ELECTION_NOUNS: WordList = WordList::new("election_nouns");
static GROUP_COUNTERS: WordList = WordList::new("group_counters");
static HOLDER_BREAKS: WordList = WordList::new("holder_breaks");
static IRREGULAR_PARTICIPLES: WordList = WordList::new("irregular_participles");
static LIST_LINKS: WordList = WordList::new("list_links");
static LIST_OPENERS: WordList = WordList::new("list_openers");
static LOYALTY_MODIFIERS: WordList = WordList::new("loyalty_modifiers");
static MILITARY_HEADS: WordList = WordList::new("military_heads");
static MILITARY_MODIFIED: WordList = WordList::new("military_modified");
static OFFICIAL_MODIFIERS: WordList = WordList::new("official_modifiers");
static PASSIVE_ADVERBS: WordList = WordList::new("passive_adverbs");
static PASSIVE_AUXILIARIES: WordList = WordList::new("passive_auxiliaries");
static PHRASE_BREAKS: WordList = WordList::new("phrase_breaks");
static QUOTE_BREAKS: WordList = WordList::new("quote_breaks");
static RELATIVE_WORDS: WordList = WordList::new("relative_words");
static SANCTION_MODIFIERS: WordList = WordList::new("sanction_modifiers");
static STATE_NOUNS: WordList = WordList::new("state_nouns");
static TARGET_PREPOSITIONS: WordList = WordList::new("target_prepositions");
static AGENT_NOUNS: WordList = WordList::new("agent_nouns");
static STOP_CAP: WordList = WordList::new("stop_cap");
static CLAUSE_RELATIVES: WordList = WordList::new("clause_relatives");
static GROUP_POSSESSIVES: WordList = WordList::new("group_possessives");
static LABEL_RELATIVES: WordList = WordList::new("label_relatives");
static POLITICIAN_NOUNS: WordList = WordList::new("politician_nouns");

fn norm(toks: &[Tok], i: usize) -> &str {
    toks.get(i).map_or("", |t| t.norm.as_str())
}

fn seq_at(toks: &[Tok], i: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| norm(toks, i + k) == *w)
}

/// Context for one tagger call.
pub(crate) struct Ctx<'a> {
    pub res: &'static Resources,
    pub targets: &'a Targets,
    pub actors: &'a UserActors,
    /// classify(): a byte span that is the only target, and holders may be implied.
    pub focus: Option<(usize, usize)>,
}

pub(crate) const FOCUS: &str = "\u{0}focus";

struct Sent<'t> {
    toks: &'t [Tok],
    ms: Vec<Mention>,
    /// Mention covering each token.
    cover: Vec<Option<usize>>,
}

impl Sent<'_> {
    fn mention_ending_at(&self, i: usize) -> Option<usize> {
        self.cover
            .get(i)
            .copied()
            .flatten()
            .filter(|&m| self.ms[m].te == i + 1)
    }
    fn mention_starting_at(&self, i: usize) -> Option<usize> {
        self.cover
            .get(i)
            .copied()
            .flatten()
            .filter(|&m| self.ms[m].ts == i)
    }
    fn span(&self, m: usize) -> (usize, usize) {
        let me = &self.ms[m];
        (self.toks[me.ts].start, self.toks[me.te - 1].end)
    }
    fn is_holder_kind(&self, m: usize) -> bool {
        !matches!(self.ms[m].kind, MKind::Demonym)
    }
}

fn is_boundary(t: &str) -> bool {
    BOUNDARY.contains(&t)
}

/// Finds mentions of targets and actors.
fn find_mentions(toks: &[Tok], ctx: &Ctx<'_>, state: &mut DocState) -> Vec<Mention> {
    let res = ctx.res;
    let n = toks.len();
    let mut ms: Vec<Mention> = Vec::new();
    // Title-case lines (headlines) capitalise function words: no unknown names there.
    let headline = lex::is_title_case_line(toks);
    // News outlets are sources, not actors: their names make no mention, nor does a place in
    // one (`Washington` in `The Washington Post`). The list is the parse engine's.
    let outlet = crate::stance_v2::outlet_words(toks.iter().map(|t| (t.norm.as_str(), t.cap)));
    let mut i = 0;
    while i < n {
        if outlet[i] {
            i += 1;
            continue;
        }
        if let Some((fs, fe)) = ctx.focus {
            if toks[i].start < fe && toks[i].end > fs {
                let mut j = i + 1;
                while j < n && toks[j].start < fe {
                    j += 1;
                }
                ms.push(Mention {
                    ts: i,
                    te: j,
                    name: FOCUS.to_owned(),
                    kind: MKind::Actor,
                    target: Some(FOCUS.to_owned()),
                    iso: None,
                });
                i = j;
                continue;
            }
        }
        let tgt = if ctx.targets.open || ctx.focus.is_some() {
            None
        } else {
            ctx.targets.table.match_at(toks, i, n)
        };
        let user = ctx.actors.table.match_at(toks, i, n);
        let gaz = res.actor_table.match_at(toks, i, n);
        let best_len = [tgt.map(|t| t.0), user.map(|t| t.0), gaz.map(|t| t.0)]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(0);
        if let Some((end, &t)) = tgt.filter(|t| t.0 == best_len) {
            let name = ctx.targets.names[t as usize].clone();
            let person = ctx.targets.person[t as usize];
            let iso = ctx.targets.iso[t as usize].clone();
            ms.push(Mention {
                ts: i,
                te: end,
                name: name.clone(),
                kind: if person { MKind::Person } else { MKind::Actor },
                target: Some(name),
                iso,
            });
            i = end;
            continue;
        }
        if let Some((end, &a)) = user.filter(|t| t.0 == best_len) {
            let name = ctx.actors.names[a as usize].clone();
            ms.push(Mention {
                ts: i,
                te: end,
                target: ctx.targets.open.then(|| name.clone()),
                name,
                kind: MKind::Actor,
                iso: None,
            });
            i = end;
            continue;
        }
        if let Some((end, hit)) = gaz {
            let actor = &res.actors[hit.actor as usize];
            let kind = if hit.demonym {
                MKind::Demonym
            } else if actor.kind == ActorKind::Person {
                MKind::Person
            } else {
                MKind::Actor
            };
            ms.push(Mention {
                ts: i,
                te: end,
                name: actor.name.clone(),
                kind,
                target: (ctx.targets.open && kind != MKind::Demonym).then(|| actor.name.clone()),
                iso: (actor.kind == ActorKind::Country).then(|| actor.iso.clone()),
            });
            i = end;
            continue;
        }
        let t = &toks[i];
        if in_shared!(crate::stance_v2::pronoun_words(false), t.norm.as_str()) {
            ms.push(Mention {
                ts: i,
                te: i + 1,
                name: t.norm.clone(),
                kind: MKind::Pronoun,
                target: None,
                iso: None,
            });
            i += 1;
            continue;
        }
        if t.cap
            && !headline
            && !res.cues.has_first(&t.norm)
            && t.norm.chars().all(char::is_alphabetic)
            && !in_set!(STOP_CAP, t.norm.as_str())
            && !is_speech(t.norm.as_str())
            && !is_label_verb(t.norm.as_str())
            && t.norm.len() > 1
        {
            // An unknown capitalised name: a run of capitalised words. A known person's
            // surname after another first name is someone else's (`Jose Ortega` is not
            // Daniel Ortega), as a target's is.
            let other_persons_surname = |j: usize| {
                res.actor_table.match_at(toks, j, n).is_none_or(|(end, hit)| {
                    end == j + 1 && !hit.demonym && res.actors[hit.actor as usize].kind == ActorKind::Person
                })
            };
            let mut j = i + 1;
            while j < n
                && toks[j].cap
                && !outlet[j]
                && toks[j].norm.chars().all(char::is_alphabetic)
                && !in_set!(STOP_CAP, toks[j].norm.as_str())
                && other_persons_surname(j)
                && !res.cues.has_first(&toks[j].norm)
            {
                j += 1;
            }
            let surface: Vec<&str> = (i..j).map(|k| toks[k].norm.as_str()).collect();
            let key = surface.join(" ");
            // A lone capitalised word opening the sentence ("Seems", "Underlying") is only a
            // name when it was seen as the surname of a full name before; one or two letters
            // ("Va" in "D-Va.") never are.
            if j - i == 1
                && (t.norm.chars().count() <= 2 || (i == 0 && !state.full_names.contains_key(&t.norm)))
            {
                i = j;
                continue;
            }
            let name = if j - i >= 2 {
                let full: String = (i..j)
                    .map(|k| {
                        let w = &toks[k].norm;
                        let mut c = w.chars();
                        c.next()
                            .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(last) = surface.last() {
                    state.full_names.insert((*last).to_owned(), full.clone());
                }
                full
            } else if let Some(full) = state.full_names.get(&key) {
                full.clone()
            } else {
                let w = &toks[i].norm;
                let mut c = w.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            };
            ms.push(Mention {
                ts: i,
                te: j,
                target: ctx.targets.open.then(|| name.clone()),
                name,
                kind: MKind::Name,
                iso: None,
            });
            i = j;
            continue;
        }
        i += 1;
    }
    compose(toks, ms, ctx, state)
}

fn match_any(toks: &[Tok], i: usize, list: &[Vec<&str>]) -> Option<usize> {
    list.iter().find(|w| seq_at(toks, i, w)).map(|w| w.len())
}

/// `s` with its first letter in upper case.
pub(crate) fn cap_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Builds compound actors: `Venezuelan military`, `Supreme Court`, demonym + government,
/// unnamed groups ("about 50 other countries").
fn compose(toks: &[Tok], ms: Vec<Mention>, ctx: &Ctx<'_>, state: &mut DocState) -> Vec<Mention> {
    let res = ctx.res;
    let n = toks.len();
    let mut by_end: HashMap<usize, usize> = HashMap::new();
    for (k, m) in ms.iter().enumerate() {
        by_end.insert(m.te, k);
        if let (Some(_), MKind::Actor | MKind::Demonym) = (&m.iso, m.kind) {
            *state.countries.entry(m.name.clone()).or_default() += 1;
        }
    }
    let covered = |ms: &[Mention], i: usize| ms.iter().any(|m| m.ts <= i && i < m.te);
    let mut extra: Vec<Mention> = Vec::new();
    let mut drop = vec![false; ms.len()];
    let mut i = 0;
    while i < n {
        // Military and courts.
        let mil = if in_set!(MILITARY_HEADS, norm(toks, i)) {
            match_any(toks, i, &MILITARY).filter(|&len| {
                // "military intervention", "army-backed": an adjective, not the institution.
                !in_set!(MILITARY_MODIFIED, norm(toks, i + len))
            })
        } else {
            None
        };
        let court = match_any(toks, i, &COURTS);
        if let Some(len) = mil.or(court).filter(|_| !covered(&ms, i)) {
            // Country owner: "Venezuelan military", "Venezuela's military".
            let mut owner: Option<(usize, &str)> = None;
            if let Some(&m) = by_end.get(&i) {
                if ms[m].iso.is_some() {
                    owner = Some((m, ms[m].name.as_str()));
                }
            } else if i >= 1 && is_possessive(norm(toks, i - 1)) {
                if let Some(&m) = by_end.get(&(i - 1)) {
                    if ms[m].iso.is_some() {
                        owner = Some((m, ms[m].name.as_str()));
                    }
                }
            }
            let country = owner
                .map(|o| o.1.to_owned())
                .or_else(|| state.dominant_country().map(str::to_owned));
            let adj = country
                .as_deref()
                .map(|c| res.demonym.get(c).cloned().unwrap_or_else(|| c.to_owned()));
            let what = if court.is_some() {
                first_of(&COURT_NAME)
            } else {
                first_of(&MILITARY_NAME)
            };
            let name = adj.map_or_else(|| cap_first(what), |a| format!("{a} {what}"));
            let ts = owner.map_or_else(
                || {
                    // "A half-dozen generals", "senior military officers".
                    let mut k = i;
                    while k > 0
                        && {
                            let w = norm(toks, k - 1);
                            w.chars().next().is_some_and(|c| c.is_ascii_digit()) || in_set!(GROUP_COUNTERS, w)
                        }
                        && !covered(&ms, k - 1)
                    {
                        k -= 1;
                    }
                    while k < i && (in_set!(OF_MARKS, norm(toks, k)) || norm(toks, k) == "-") {
                        k += 1;
                    }
                    k
                },
                |o| ms[o.0].ts,
            );
            if let Some((m, _)) = owner {
                drop[m] = true;
            }
            extra.push(Mention {
                ts,
                te: i + len,
                target: ctx.targets.open.then(|| name.clone()),
                name,
                kind: MKind::Actor,
                iso: None,
            });
            i += len;
            continue;
        }
        // Unnamed groups.
        if in_set!(GROUP_NOUNS, norm(toks, i)) && !covered(&ms, i) {
            let mut j = i;
            let mut quant = false;
            let mut region: Vec<String> = Vec::new();
            let mut only_other = true;
            while j > 0 {
                let w = norm(toks, j - 1);
                let is_num = w.chars().next().is_some_and(|c| c.is_ascii_digit());
                if let Some(&m) = by_end.get(&j) {
                    if ms[m].kind == MKind::Demonym
                        || (j == i
                            && (ms[m].kind == MKind::Actor && ms[m].iso.is_some()
                                || GROUP_BLOCS.iter().any(|b| b.eq_ignore_ascii_case(&ms[m].name))))
                    {
                        let adj = if ms[m].kind == MKind::Demonym {
                            (ms[m].ts..ms[m].te)
                                .map(|k| cap_first(norm(toks, k)))
                                .collect::<Vec<_>>()
                                .join(" ")
                        } else {
                            res.demonym
                                .get(&ms[m].name)
                                .cloned()
                                .unwrap_or_else(|| ms[m].name.clone())
                        };
                        region.insert(0, adj);
                        only_other = false;
                        drop[m] = true;
                        j = ms[m].ts;
                        continue;
                    }
                }
                if is_num || (in_set!(QUANT, w) && !in_set!(QUANT_LINKS, w)) {
                    if !in_set!(QUANT_OTHERS, w) {
                        quant = true;
                        only_other = false;
                    }
                    j -= 1;
                } else if in_set!(LIST_JOINERS, w) {
                    let before = if j >= 2 { norm(toks, j - 2) } else { "" };
                    let dem_before = by_end
                        .get(&(j - 1))
                        .is_some_and(|&m| ms[m].kind == MKind::Demonym);
                    if in_set!(REGION, before) || dem_before {
                        j -= 1;
                    } else {
                        break;
                    }
                } else if in_set!(QUANT_LINKS, w) {
                    j -= 1;
                } else if in_set!(REGION, w) {
                    region.insert(0, cap_first(w));
                    only_other = false;
                    j -= 1;
                } else {
                    break;
                }
            }
            // Do not start the group with a connector.
            while j < i && in_set!(GROUP_LINKS, norm(toks, j)) {
                j += 1;
            }
            if (quant || !region.is_empty()) && !only_other {
                // The group's name: governments, politicians, or countries for the rest.
                let w = norm(toks, i);
                let noun = if w == first_of(&GROUP_NAME_GOVERNMENTS) {
                    w
                } else if in_set!(POLITICIAN_NOUNS, w) {
                    first_of(&GROUP_NAME_POLITICIANS)
                } else {
                    first_of(&GROUP_NAME_COUNTRIES)
                };
                let mut words: Vec<String> = Vec::new();
                for r in region {
                    if in_set!(LIST_JOINERS, &r.to_lowercase()) {
                        continue;
                    }
                    // `Latin American`: a region named by two words.
                    let two_words = |l: &String| {
                        let (l, r) = (l.to_lowercase(), r.to_lowercase());
                        TWO_WORD_REGIONS
                            .iter()
                            .any(|p| p.len() == 2 && p[0] == l && p[1] == r)
                    };
                    if words.last().is_some_and(two_words) {
                        let l = words.pop().unwrap_or_default();
                        words.push(format!("{l} {r}"));
                    } else {
                        words.push(r);
                    }
                }
                let adj = match words.len() {
                    0 => String::new(),
                    1 => format!("{} ", words[0]),
                    _ => {
                        let last = words.pop().unwrap_or_default();
                        format!("{} and {} ", words.join(", "), last)
                    }
                };
                let name = format!("Unnamed {adj}{noun}");
                extra.push(Mention {
                    ts: j,
                    te: i + 1,
                    name,
                    kind: MKind::Group,
                    target: None,
                    iso: None,
                });
            }
            i += 1;
            continue;
        }
        // Demonym + agent noun: "American officials" → the country.
        if let Some(&m) = by_end.get(&i) {
            let modifier = usize::from(in_set!(OFFICIAL_MODIFIERS, norm(toks, i)));
            if ms[m].kind == MKind::Demonym
                && in_set!(AGENT_NOUNS, norm(toks, i + modifier))
                && !covered(&ms, i)
            {
                drop[m] = true;
                let country = ms[m].name.clone();
                extra.push(Mention {
                    ts: ms[m].ts,
                    te: i + modifier + 1,
                    target: ms[m]
                        .target
                        .clone()
                        .or_else(|| ctx.targets.open.then(|| country.clone())),
                    name: country,
                    kind: MKind::Actor,
                    iso: ms[m].iso.clone(),
                });
            }
        }
        i += 1;
    }
    let mut out: Vec<Mention> = ms
        .into_iter()
        .zip(drop)
        .filter(|(m, d)| !d && m.kind != MKind::Demonym)
        .map(|(m, _)| m)
        .collect();
    // Extras win over overlapping plain mentions.
    out.retain(|m| !extra.iter().any(|e| e.ts < m.te && m.ts < e.te));
    out.extend(extra);
    out.sort_by_key(|m| m.ts);
    out
}

struct CueHit<'c> {
    ts: usize,
    te: usize,
    cue: &'c Cue,
}

fn find_cues<'c>(s: &Sent<'_>, res: &'c Resources) -> Vec<CueHit<'c>> {
    let toks = s.toks;
    let n = toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let inside =
            s.cover[i].is_some_and(|m| s.ms[m].kind != MKind::Name && s.ms[m].kind != MKind::Pronoun);
        if !inside {
            if let Some((end, cue)) = res.cues.match_at(toks, i, n) {
                out.push(CueHit { ts: i, te: end, cue });
                // Long patterns with wildcards may contain other cues ("hit X who support Y with sanctions").
                i = if end - i > 3 { i + 1 } else { end };
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Quote regions as token ranges `[open, close]` (close may be n-1 when unclosed).
fn quote_regions(toks: &[Tok]) -> Vec<(usize, usize)> {
    let n = toks.len();
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for i in 0..n {
        let q = toks[i].quote;
        if q == 0 {
            continue;
        }
        let next_adjacent = toks.get(i + 1).is_some_and(|t| !t.space_before);
        match open {
            Some((o, kind)) if kind == q => {
                if q == 1 || !toks[i].space_before || !next_adjacent {
                    out.push((o, i));
                    open = None;
                }
            }
            Some(_) => {}
            None => {
                if q == 1 || (toks[i].space_before || i == 0) && next_adjacent {
                    open = Some((i, q));
                }
            }
        }
    }
    if let Some((o, _)) = open {
        if o + 1 < n {
            out.push((o, n - 1));
        }
    }
    out
}

/// Resolves a mention into holders (pronouns → antecedent).
fn holder_of(s: &Sent<'_>, m: usize, state: &DocState) -> Option<H> {
    let me = &s.ms[m];
    let span = Some(s.span(m));
    match me.kind {
        MKind::Pronoun => match me.name.as_str() {
            // No antecedent in this or the previous sentence: UNRESOLVED (span on the pronoun).
            w if in_shared!(crate::stance_v2::pronoun_words(true), w) => {
                Some(state.last_person.as_ref().map_or_else(
                    || H {
                        name: super::UNRESOLVED.to_owned(),
                        span,
                        m: Some(m),
                        target: None,
                    },
                    |(name, target)| H {
                        name: name.clone(),
                        span,
                        m: Some(m),
                        target: target.clone(),
                    },
                ))
            }
            _ => None,
        },
        _ => Some(H {
            name: me.name.clone(),
            span,
            m: Some(m),
            target: me.target.clone(),
        }),
    }
}

/// The list of actors that ends with mention `m`, extended leftwards ("A, B, C and D").
fn list_left(s: &Sent<'_>, m: usize) -> Vec<usize> {
    let toks = s.toks;
    let mut items = vec![m];
    let mut j = s.ms[m].ts;
    loop {
        let mut k = j;
        while k > 0 && in_set!(DETS, norm(toks, k - 1)) {
            k -= 1;
        }
        if k == 0 {
            break;
        }
        let sep = norm(toks, k - 1);
        let mut k2 = k - 1;
        match sep {
            w if w == "," || in_set!(LIST_JOINERS, w) => {
                if in_set!(LIST_JOINERS, sep) && k2 > 0 && norm(toks, k2 - 1) == "," {
                    k2 -= 1;
                }
            }
            w if in_set!(MEMBER_LINKS, w) => {
                if k2 > 0 && (norm(toks, k2 - 1) == "," || in_set!(BE_FINITE, norm(toks, k2 - 1))) {
                    k2 -= 1;
                }
            }
            _ => break,
        }
        if k2 == 0 {
            break;
        }
        match s.mention_ending_at(k2 - 1) {
            Some(pm) if s.is_holder_kind(pm) && s.ms[pm].kind != MKind::Pronoun => {
                items.push(pm);
                j = s.ms[pm].ts;
            }
            _ => break,
        }
    }
    items.reverse();
    items
}

/// The list of actors starting at token `i`: (mentions, end token).
fn list_right(s: &Sent<'_>, mut i: usize) -> (Vec<usize>, usize) {
    let toks = s.toks;
    let n = toks.len();
    let mut items = Vec::new();
    let mut last_end = i;
    loop {
        while i < n
            && s.mention_starting_at(i).is_none()
            && (in_set!(DETS, norm(toks, i)) || in_set!(AGENT_MARKS, norm(toks, i)))
        {
            i += 1;
        }
        if i >= n {
            break;
        }
        // Exceptions: "(except for Mexico)", "except Mexico".
        if match_any(toks, i, &EXCEPTIONS).is_some() {
            while i < n && !matches!(norm(toks, i), "," | ")" | ";" | ".") {
                i += 1;
            }
        } else if let Some(m) = s.mention_starting_at(i) {
            if !s.is_holder_kind(m) || s.ms[m].kind == MKind::Pronoun {
                break;
            }
            let mut pick = m;
            let mut end = s.ms[m].te;
            // "Donald Trump's United States": the possessed actor.
            if is_possessive(norm(toks, end)) {
                if let Some(m2) = s.mention_starting_at(end + 1) {
                    pick = m2;
                    end = s.ms[m2].te;
                }
            }
            items.push(pick);
            i = end;
            last_end = end;
        } else {
            break;
        }
        // Separators.
        let mut moved = false;
        loop {
            let w = norm(toks, i);
            if in_set!(LIST_LINKS, w) {
                i += 1;
                moved = true;
            } else if let Some(phrase) = LIST_PHRASES.iter().find(|p| seq_at(toks, i, p)) {
                i += phrase.len();
                moved = true;
            } else {
                break;
            }
        }
        if !moved {
            break;
        }
    }
    (items, last_end)
}

static SUBJ_PREV: WordList = WordList::new("subj_prev");
static ROLE_SKIP: WordList = WordList::new("role_skip");

/// Whether mention `m` can be a clause subject: at the clause start (after a conjunction, comma or
/// title/modifiers), or the antecedent of a relative clause ("Cuba, whose government backs X").
fn is_subject_position(s: &Sent<'_>, m: usize) -> bool {
    let toks = s.toks;
    let me = &s.ms[m];
    let mut a = me.te;
    if norm(toks, a) == "," {
        a += 1;
    }
    if in_set!(RELATIVE_WORDS, norm(toks, a)) {
        return true;
    }
    let mut k = me.ts;
    let mut guard = 0;
    loop {
        guard += 1;
        if guard > 12 {
            break;
        }
        while k > 0
            && (in_set!(DETS, norm(toks, k - 1))
                || in_set!(ROLE_SKIP, norm(toks, k - 1))
                || (toks[k - 1].cap && s.cover[k - 1].is_none() && !is_speech(norm(toks, k - 1))))
        {
            k -= 1;
        }
        if k >= 2 && is_possessive(norm(toks, k - 1)) {
            if let Some(pm) = s.mention_ending_at(k - 2) {
                k = s.ms[pm].ts;
                continue;
            }
        }
        if k > 0 {
            if let Some(pm) = s.mention_ending_at(k - 1) {
                if s.ms[pm].kind != MKind::Pronoun {
                    k = s.ms[pm].ts;
                    continue;
                }
            }
        }
        break;
    }
    if k > 0 && in_set!(LABEL_MARKS, norm(toks, k - 1)) && is_possessive(norm(toks, me.te)) {
        return false;
    }
    k == 0 || in_set!(SUBJ_PREV, norm(toks, k - 1))
}

/// "it"/"they" as a subject: the nearest earlier subject actor in the sentence, else UNRESOLVED.
fn resolve_it(s: &Sent<'_>, m: usize) -> Option<H> {
    let span = Some(s.span(m));
    for k in (0..m).rev() {
        let o = &s.ms[k];
        if matches!(
            o.kind,
            MKind::Pronoun | MKind::Demonym | MKind::Person | MKind::Name
        ) {
            continue;
        }
        if is_subject_position(s, k) {
            return Some(H {
                name: o.name.clone(),
                span,
                m: Some(m),
                target: o.target.clone(),
            });
        }
    }
    if crate::stance_v2::subject_pronoun_class(&s.ms[m].name) == Some((false, true)) {
        return None;
    }
    Some(H {
        name: super::UNRESOLVED.to_owned(),
        span,
        m: Some(m),
        target: None,
    })
}

/// The subject (list) to the left of token `i`.
fn subject_left(s: &Sent<'_>, i: usize, consumed: &[bool], state: &DocState) -> Vec<H> {
    let toks = s.toks;
    let mut j = i;
    let mut steps = 0;
    while j > 0 && steps < 45 {
        j -= 1;
        steps += 1;
        let w = norm(toks, j);
        if is_boundary(w) || w == ":" {
            break;
        }
        // A bracketed aside names no subject (`Sen. Ana Rivera (D-Peru) called ...`): skip to
        // its opening bracket.
        if w == ")" {
            if let Some(open) = (0..j).rev().find(|&k| norm(toks, k) == "(") {
                j = open;
                continue;
            }
        }
        // A relative clause on a non-actor: "those who turn against X" has no actor subject.
        if in_set!(CLAUSE_RELATIVES, w) {
            let mut a = j;
            if a > 0 && norm(toks, a - 1) == "," {
                a -= 1;
            }
            if a == 0 || s.mention_ending_at(a - 1).is_none() {
                break;
            }
        }
        if let Some(m) = s.cover[j] {
            let me = &s.ms[m];
            j = me.ts;
            let appositive = norm(toks, me.te) == "," && in_set!(INDEFINITE, norm(toks, me.te + 1));
            if consumed[m] && appositive && me.kind != MKind::Pronoun {
                return holder_of(s, m, state).into_iter().collect();
            }
            if consumed[m] || !s.is_holder_kind(m) {
                continue;
            }
            if me.kind == MKind::Pronoun {
                if !is_subject_position(s, m) {
                    continue;
                }
                match crate::stance_v2::subject_pronoun_class(&me.name) {
                    Some((true, _)) => return holder_of(s, m, state).into_iter().collect(),
                    Some((false, false)) => return resolve_it(s, m).into_iter().collect(),
                    Some((false, true)) => {
                        // "they": the nearest earlier subject list of the sentence.
                        for k in (0..m).rev() {
                            if !matches!(s.ms[k].kind, MKind::Pronoun | MKind::Demonym)
                                && is_subject_position(s, k)
                            {
                                return list_left(s, k)
                                    .into_iter()
                                    .filter_map(|x| holder_of(s, x, state))
                                    .collect();
                            }
                        }
                        return Vec::new();
                    }
                    _ => continue,
                }
            }
            if !is_subject_position(s, m) {
                continue;
            }
            let mut items = list_left(s, m);
            // "A, B and C were among 20 EU nations to …": the group holds the stance too.
            let mut k = me.te;
            if in_set!(BE_FINITE, norm(toks, k)) {
                k += 1;
            }
            if in_set!(MEMBERSHIP, norm(toks, k)) {
                if let Some(g) = s
                    .mention_starting_at(k + 1)
                    .or_else(|| s.mention_starting_at(k + 2))
                {
                    if s.ms[g].kind == MKind::Group {
                        items.push(g);
                    }
                }
            }
            return items.into_iter().filter_map(|x| holder_of(s, x, state)).collect();
        }
    }
    Vec::new()
}

fn is_local_negated(toks: &[Tok], i: usize) -> bool {
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        let w = norm(toks, k);
        if is_local_negator(w) {
            return true;
        }
        if in_set!(HOLDER_BREAKS, w) {
            return false;
        }
    }
    false
}

/// Whether a modal of possibility (`may`, `might`, `could`) stands within three words before
/// token `i`, in the same clause.
fn possibility_before(toks: &[Tok], i: usize) -> bool {
    (i.saturating_sub(3)..i)
        .rev()
        .map(|k| norm(toks, k))
        .take_while(|w| !in_set!(HOLDER_BREAKS, *w))
        .any(|w| crate::stance_v2::is_hypothetical_marker(w, "aux"))
}

/// Whether a modal of obligation (`must`, `should`: hypothetical.txt, kind `deontic`) stands
/// within three words before token `i`, in the same clause.
fn obligation_before(toks: &[Tok], i: usize) -> bool {
    (i.saturating_sub(3)..i)
        .rev()
        .map(|k| norm(toks, k))
        .take_while(|w| !in_set!(HOLDER_BREAKS, *w))
        .any(|w| crate::stance_v2::is_hypothetical_kind(w, "deontic"))
}

/// Whether the cue is a future under a condition that follows it (`said it would recognise X if
/// she won`): a modal of the future (hypothetical.txt, kind `future`) within three words before,
/// and a conditional marker (kind `mark`) within eight words after, in the same clause.
fn conditional_future(toks: &[Tok], c: &CueHit<'_>) -> bool {
    let future = (c.ts.saturating_sub(3)..c.ts)
        .rev()
        .map(|k| norm(toks, k))
        .take_while(|w| !in_set!(HOLDER_BREAKS, *w))
        .any(|w| crate::stance_v2::is_hypothetical_kind(w, "future"));
    future
        && (c.te..(c.te + 8).min(toks.len()))
            .map(|k| norm(toks, k))
            .take_while(|w| !matches!(*w, "." | ";" | "\""))
            .any(|w| crate::stance_v2::is_hypothetical_marker(w, "mark"))
}

/// The name of a target's crowd (`X supporters`, `X opponents`: word_lists.txt
/// `crowd_favor`/`crowd_against`), the one naming both engines use.
pub(crate) fn crowd_name(target: &str, pol: Polarity) -> String {
    let side = match pol {
        Polarity::Favor => &CROWD_FAVOR,
        Polarity::Against => &CROWD_AGAINST,
    };
    format!("{target} {}", first_of(side))
}

/// The one entry of a word list that holds a name (`crowd_favor`, `court_name`).
fn first_of(list: &'static WordList) -> &'static str {
    list.first().copied().unwrap_or_default()
}

/// 0 = not negated, 1 = negated (drop), 2 = flipped by refusal.
fn negation(toks: &[Tok], i: usize) -> u8 {
    if is_local_negated(toks, i) {
        return 1;
    }
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 10 {
        k -= 1;
        steps += 1;
        let w = norm(toks, k);
        if in_set!(QUOTE_BREAKS, w) {
            break;
        }
        if FLIP_NEG.contains(&w) && steps <= 3 {
            return 2;
        }
        if SCOPE_NEG.iter().any(|p| seq_at(toks, k, p)) {
            return 1;
        }
    }
    0
}

/// The nearest target to the right of token `from` (before a boundary or an opposing cue).
fn target_right(
    s: &Sent<'_>,
    from: usize,
    limit: usize,
    cue_starts: &[(usize, Polarity, Frame)],
    pol: Polarity,
    exclude: &[usize],
) -> Option<usize> {
    let toks = s.toks;
    let end = (from + limit).min(toks.len());
    let mut j = from;
    while j < end {
        let w = norm(toks, j);
        if is_boundary(w) || w == "." || w == ":" || (w == "," && in_set!(CLAUSE_JOINERS, norm(toks, j + 1)))
        {
            return None;
        }
        if j > from {
            if let Some(&(_, p, f)) = cue_starts.iter().find(|c| c.0 == j) {
                if (p != pol && !matches!(f, Frame::Compound | Frame::Eval)) || f == Frame::Contrast {
                    return None;
                }
            }
        }
        if let Some(m) = s.cover[j] {
            let te = s.ms[m].te;
            // "Venezuela's Maduro": the possessed mention; "US-backed X": a modifier, skip it.
            if is_possessive(norm(toks, te)) {
                if let Some(m2) = s.mention_starting_at(te + 1) {
                    if s.ms[m2].target.is_some() && s.ms[m2].kind != MKind::Name && !exclude.contains(&m2) {
                        return Some(m2);
                    }
                }
            }
            if (norm(toks, te) != "-" || cue_starts.is_empty())
                && s.ms[m].target.is_some()
                && !exclude.contains(&m)
            {
                return Some(m);
            }
            j = te;
            continue;
        }
        j += 1;
    }
    None
}

/// The nearest target to the left of token `to`.
fn target_left(s: &Sent<'_>, to: usize, limit: usize, exclude: &[usize]) -> Option<(usize, usize)> {
    let toks = s.toks;
    let mut j = to;
    let mut steps = 0;
    while j > 0 && steps < limit {
        j -= 1;
        steps += 1;
        let w = norm(toks, j);
        if is_boundary(w) {
            return None;
        }
        if let Some(m) = s.cover[j] {
            if s.ms[m].target.is_some() && !exclude.contains(&m) {
                return Some((m, steps));
            }
            j = s.ms[m].ts;
        }
    }
    None
}

fn is_participle(w: &str) -> bool {
    w.ends_with("ed") || w.ends_with("en") || in_set!(IRREGULAR_PARTICIPLES, w)
}

fn be_before(toks: &[Tok], i: usize) -> bool {
    let mut k = i;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        k -= 1;
        steps += 1;
        let w = norm(toks, k);
        if in_set!(PASSIVE_AUXILIARIES, w) {
            return true;
        }
        if !(w.ends_with("ly") || in_set!(PASSIVE_ADVERBS, w)) {
            return false;
        }
    }
    false
}

/// "by" + agent list after a cue: (holders, by-token).
fn by_agent(s: &Sent<'_>, from: usize) -> Option<(Vec<usize>, usize)> {
    let toks = s.toks;
    let end = (from + 12).min(toks.len());
    for j in from..end {
        let w = norm(toks, j);
        if is_boundary(w) || w == "." || w == "\"" {
            return None;
        }
        if in_set!(AGENT_MARKS, w) {
            let (items, _) = list_right(s, j + 1);
            if items.is_empty() {
                return None;
            }
            return Some((items, j));
        }
    }
    None
}

/// Speaker of each token (reported speech), as holders.
fn speakers(
    s: &Sent<'_>,
    quotes: &[(usize, usize)],
    state: &DocState,
    persons: &[(usize, (String, Option<String>))],
) -> Vec<Option<Vec<H>>> {
    let toks = s.toks;
    let n = toks.len();
    let mut out: Vec<Option<Vec<H>>> = vec![None; n];
    let nearest_left = |v: usize, max: usize| -> Option<usize> {
        let mut j = v;
        let mut steps = 0;
        while j > 0 && steps < max {
            j -= 1;
            steps += 1;
            let w = norm(toks, j);
            if w == ";" || is_boundary(w) {
                return None;
            }
            // Skip a whole quotation: "Guaido called it \"a crisis\" and said …".
            if let Some(&(o, _)) = quotes.iter().find(|&&(o, c)| c == j && o < j) {
                j = o;
                continue;
            }
            if w == "\"" {
                return None;
            }
            if let Some(m) = s.cover[j] {
                if (s.is_holder_kind(m) || s.ms[m].kind == MKind::Pronoun) && is_subject_position(s, m) {
                    return Some(m);
                }
                j = s.ms[m].ts;
            }
        }
        None
    };
    let resolve = |m: usize| -> Option<Vec<H>> {
        let hs: Vec<H> = if s.ms[m].kind == MKind::Pronoun {
            // Antecedents: persons before the pronoun, outside quotations.
            let here = persons
                .iter()
                .rev()
                .find(|(ts, _)| *ts < s.ms[m].ts && !quotes.iter().any(|&(o, c)| o <= *ts && *ts <= c))
                .map(|(_, p)| p.clone());
            let local = DocState {
                last_person: here.or_else(|| state.last_person.clone()),
                ..DocState::default()
            };
            holder_of(s, m, &local).into_iter().collect()
        } else {
            list_left(s, m)
                .into_iter()
                .filter_map(|x| holder_of(s, x, state))
                .collect()
        };
        (!hs.is_empty()).then_some(hs)
    };
    let mut assigned_quote = vec![false; quotes.len()];
    for (qi, &(o, c)) in quotes.iter().enumerate() {
        // After the closing quote: ", he said" / "Rubio said" / "said Pompeo".
        let mut j = c + 1;
        while j < n && matches!(norm(toks, j), "," | ".") {
            j += 1;
        }
        let mut speaker: Option<Vec<H>> = None;
        if let Some(m) = s.mention_starting_at(j) {
            let v = s.ms[m].te;
            if is_speech(norm(toks, v)) {
                speaker = resolve(m);
            }
        } else if is_speech(norm(toks, j)) {
            if let Some(m) = s.mention_starting_at(j + 1) {
                speaker = resolve(m);
            }
        }
        // Before the opening quote: "Mnuchin said: "…"" / "Delattre told reporters: "…"".
        if speaker.is_none() && o > 0 {
            let mut v = o;
            let mut steps = 0;
            while v > 0 && steps < 4 {
                v -= 1;
                steps += 1;
                if is_speech(norm(toks, v)) {
                    if let Some(m) = nearest_left(v, 12) {
                        speaker = resolve(m);
                    }
                    break;
                }
            }
        }
        if let Some(sp) = speaker {
            for slot in &mut out[o..=c.min(n - 1)] {
                *slot = Some(sp.clone());
            }
            assigned_quote[qi] = true;
        }
    }
    let in_quote = |i: usize| quotes.iter().any(|&(o, c)| o <= i && i <= c);
    for v in 0..n {
        let w = norm(toks, v);
        if !is_speech(w) || in_quote(v) || s.cover[v].is_some() {
            continue;
        }
        if v > 0
            && quotes
                .iter()
                .any(|&(_, c)| c + 1 == v || c + 2 == v || c + 3 == v)
        {
            continue;
        }
        if is_attribution(w) {
            // "…, according to X" / "According to X, …": X is the speaker.
            if !in_set!(INFINITIVE_MARKS, norm(toks, v + 1)) {
                continue;
            }
            let mut k = v + 2;
            while k < n && in_set!(DETS, norm(toks, k)) && s.mention_starting_at(k).is_none() {
                k += 1;
            }
            let Some(m) = s.mention_starting_at(k) else {
                continue;
            };
            let Some(sp) = resolve(m) else { continue };
            let range = if v > 0 && norm(toks, v - 1) == "," {
                0..v - 1
            } else {
                s.ms[m].te..n
            };
            for slot in &mut out[range] {
                if slot.is_none() {
                    *slot = Some(sp.clone());
                }
            }
            continue;
        }
        let speaker_m = if w.ends_with("ing") {
            None
        } else {
            nearest_left(v, 40).or_else(|| {
                s.mention_starting_at(v + 1)
                    .filter(|&m| matches!(norm(toks, s.ms[m].te), "," | "." | "") || s.ms[m].te >= n)
            })
        };
        // "…, X said (Wednesday)." at the end of the sentence: the speaker owns what precedes.
        let tail = (v + 1..n)
            .filter(|&k| !matches!(norm(toks, k), "." | "\"" | ","))
            .count();
        let trailing_comma = speaker_m.and_then(|m| {
            let from = s.ms[m].ts.min(v);
            (from.saturating_sub(8)..from)
                .rev()
                .find(|&k| norm(toks, k) == ",")
        });
        let trailing = tail <= 3 && trailing_comma.is_some() && !w.ends_with("ing");
        let sp = match speaker_m {
            Some(m) => {
                // "X's national security advisor said": the speaker is an unnamed role.
                if is_possessive(norm(toks, s.ms[m].te)) {
                    None
                } else {
                    resolve(m)
                }
            }
            None if w.ends_with("ing") => {
                // "…, arguing that …": the main clause's subject.
                let here = persons
                    .iter()
                    .rev()
                    .find(|(ts, _)| *ts < v)
                    .map(|(_, p)| p.clone());
                let local = DocState {
                    last_person: here.or_else(|| state.last_person.clone()),
                    ..DocState::default()
                };
                let hs = subject_left(s, v, &vec![false; s.ms.len()], &local);
                (!hs.is_empty()).then_some(hs)
            }
            None => None,
        };
        let Some(sp) = sp else { continue };
        if trailing {
            let comma = trailing_comma.unwrap_or(0);
            for slot in out.iter_mut().take(comma) {
                if slot.is_none() {
                    *slot = Some(sp.clone());
                }
            }
        } else {
            for (k, slot) in out.iter_mut().enumerate().skip(v + 1) {
                if norm(toks, k) == ";" {
                    break;
                }
                if slot.is_none() {
                    *slot = Some(sp.clone());
                }
            }
        }
    }
    let _ = assigned_quote;
    out
}

fn base_score(frame: Frame) -> f32 {
    match frame {
        Frame::Verb => 0.9,
        Frame::Adj => 0.85,
        Frame::Noun | Frame::Compound => 0.8,
        Frame::Contrast => 0.7,
        Frame::Crowd => 0.5,
        Frame::Allies | Frame::Received => 0.8,
        Frame::Eval => 0.6,
    }
}

fn frame_name(frame: Frame) -> &'static str {
    match frame {
        Frame::Verb => "verb",
        Frame::Noun => "noun",
        Frame::Adj => "adjective",
        Frame::Eval => "evaluative",
        Frame::Compound => "compound",
        Frame::Contrast => "contrast",
        Frame::Crowd => "crowd",
        Frame::Allies => "allies",
        Frame::Received => "received-support",
    }
}

/// Tags one sentence (tokens already scanned), appending hits.
pub(crate) fn tag_sentence(toks: &[Tok], ctx: &Ctx<'_>, state: &mut DocState, out: &mut Vec<Hit>) {
    if toks.is_empty() {
        return;
    }
    let ms = find_mentions(toks, ctx, state);
    let mut cover = vec![None; toks.len()];
    for (k, m) in ms.iter().enumerate() {
        for slot in &mut cover[m.ts..m.te] {
            *slot = Some(k);
        }
    }
    let s = Sent { toks, ms, cover };
    let res = ctx.res;
    let cues = find_cues(&s, res);
    let quotes = quote_regions(toks);
    // Pronoun antecedents: update the last person as we go (sentence-initial state first).
    let prev_subject = state
        .last_subject_person
        .as_ref()
        .filter(|(_, k)| *k + 1 >= state.sent_idx)
        .map(|(p, _)| p.clone());
    let state_before_persons = DocState {
        last_person: prev_subject.clone(),
        ..DocState::default()
    };
    let cue_starts: Vec<(usize, Polarity, Frame)> =
        cues.iter().map(|c| (c.ts, c.cue.polarity, c.cue.frame)).collect();
    let mut consumed = vec![false; s.ms.len()];
    let mut prev: Option<(Vec<H>, Polarity)> = None;
    let mut found: Vec<Hit> = Vec::new();
    // Person tracking for pronouns inside this sentence.
    let mut person_at: Vec<(usize, (String, Option<String>))> = Vec::new();
    for m in &s.ms {
        let person = match m.kind {
            MKind::Person | MKind::Name => true,
            _ => m.target.as_ref().is_some_and(|t| {
                ctx.targets
                    .names
                    .iter()
                    .position(|x| x == t)
                    .is_some_and(|k| ctx.targets.person[k])
            }),
        };
        if person && m.target.as_deref() != Some(FOCUS) {
            person_at.push((m.ts, (m.name.clone(), m.target.clone())));
        }
    }
    let subject_persons: Vec<(usize, (String, Option<String>))> = person_at
        .iter()
        .filter(|(ts, _)| s.cover[*ts].is_some_and(|m| is_subject_position(&s, m)))
        .cloned()
        .collect();
    // Nothing can be found without a cue, or without a target mention or a place a state
    // metonymy could point to: skip the argument search (the person tracking above is kept).
    let may_find = !cues.is_empty()
        && (s.ms.iter().any(|m| m.target.is_some() || m.iso.is_some())
            || toks.iter().any(|t| {
                (in_set!(STATE_NOUNS, t.norm.as_str()) || in_set!(ELECTION_NOUNS, t.norm.as_str()))
            }));
    let speaker = if may_find {
        speakers(&s, &quotes, &state_before_persons, &subject_persons)
    } else {
        Vec::new()
    };
    let cues = if may_find { cues } else { Vec::new() };
    let mut skip = vec![false; cues.len()];
    for (ci, c) in cues.iter().enumerate() {
        if skip[ci] {
            continue;
        }
        let local_state = DocState {
            last_person: subject_persons
                .iter()
                .rev()
                .find(|(ts, _)| *ts < c.ts)
                .map(|(_, p)| p.clone())
                .or_else(|| prev_subject.clone())
                .or_else(|| {
                    person_at
                        .iter()
                        .rev()
                        .find(|(ts, _)| *ts < c.ts)
                        .map(|(_, p)| p.clone())
                }),
            ..DocState::default()
        };
        if c.cue.frame == Frame::Verb && c.ts > 0 && in_set!(CUE_DETERMINERS, norm(toks, c.ts - 1)) {
            continue;
        }
        // "back" as a particle: "pulled back", "will be back", "back to", "back in".
        if c.te == c.ts + 1
            && in_set!(PARTICLE_CUES, norm(toks, c.ts))
            && ((norm(toks, c.ts + 1).is_empty() || in_set!(BACK_PARTICLE_NEXT, norm(toks, c.ts + 1)))
                || (c.ts > 0 && in_set!(BACK_PARTICLE_VERBS, norm(toks, c.ts - 1))))
        {
            continue;
        }
        let neg = negation(toks, c.ts);
        if neg == 1 {
            continue;
        }
        // `Peru may recognise X`: a modal of possibility right before a favouring cue makes it
        // no stance (threats keep theirs: `Peru could impose sanctions`).
        if c.cue.polarity == Polarity::Favor
            && (possibility_before(toks, c.ts) || conditional_future(toks, c))
        {
            continue;
        }
        let mut pol = c.cue.polarity;
        let mut rule = frame_name(c.cue.frame).to_owned();
        // A passive with no agent names no holder in its clause: a name before it is its
        // subject's company (`X and Y were indicted`), not who acts. A speaker holds it only as a
        // demand (`X said Y must be punished`); `X said Y was arrested` reports what others did.
        let mut agentless = false;
        if neg == 2 {
            if pol == Polarity::Favor {
                pol = Polarity::Against;
                rule.push_str("+refusal");
            } else {
                continue;
            }
        }
        let reported = speaker[c.ts].clone();
        let mut score = base_score(c.cue.frame);
        let mut holders: Vec<H> = Vec::new();
        let mut targets: Vec<usize> = Vec::new();
        let mut extra_holder: Option<H> = None;
        let mut implied_target: Option<String> = None;
        // Inside an if/unless/whether clause (hypothetical.txt, kind mark) only a reported speaker
        // can hold the stance.
        let conditional = {
            let mut k = c.ts;
            let mut steps = 0;
            let mut found = false;
            while k > 0 && steps < 8 {
                k -= 1;
                steps += 1;
                let w = norm(toks, k);
                if matches!(w, "," | ";" | "\"") {
                    break;
                }
                if crate::stance_v2::is_hypothetical_marker(w, "mark") {
                    found = true;
                    break;
                }
            }
            found
        };
        if conditional && reported.is_none() && ctx.focus.is_none() {
            continue;
        }
        match c.cue.frame {
            Frame::Verb | Frame::Adj => {
                let participle = c.cue.frame == Frame::Verb && is_participle(norm(toks, c.ts));
                let be = be_before(toks, c.ts);
                // Reduced passive ("Guaido, now recognised … by X") needs a non-verbal left context.
                let reduced = c.ts == 0
                    || in_set!(CUE_OPENERS, norm(toks, c.ts - 1))
                    || s.mention_ending_at(c.ts - 1)
                        .is_some_and(|m| s.ms[m].target.is_some() && !is_subject_position(&s, m));
                let passive = participle && (be || reduced);
                let agent = if passive { by_agent(&s, c.te) } else { None };
                if let Some((items, by)) = agent.filter(|_| passive) {
                    holders = items
                        .into_iter()
                        .filter_map(|m| holder_of(&s, m, &local_state))
                        .collect();
                    rule.push_str(":passive-by-agent");
                    if let Some(t) = target_right(&s, c.te, by - c.te, &cue_starts, pol, &[]) {
                        targets.push(t);
                    } else if let Some((t, _)) = target_left(&s, c.ts, 20, &[]) {
                        targets.push(t);
                    }
                } else if passive && be_before(toks, c.ts) {
                    // Agentless passive: the target is the subject; the holder is the speaker if any.
                    if let Some((t, _)) = target_left(&s, c.ts, 12, &[]) {
                        targets.push(t);
                    }
                    rule.push_str(":passive");
                    agentless = true;
                } else {
                    rule.push_str(":active");
                    // An object that is itself an opposing act: "condemned the coup against X"
                    // (→ FAVOR X), "support calls for a transition away from X" (→ AGAINST X).
                    // A verb that gives the act is no judgement of it ("threatened sanctions
                    // against X").
                    let gives = in_shared!(crate::stance_v2::giving_light_verb_forms(), norm(toks, c.ts));
                    let embedded = cues.iter().enumerate().find(|(_, o)| {
                        !gives
                            && o.ts >= c.te
                            && o.ts <= c.te + 10
                            && matches!(o.cue.frame, Frame::Noun | Frame::Verb)
                            && o.cue.polarity == Polarity::Against
                            && (o.cue.frame == Frame::Noun
                                || (o.ts >= 2
                                    && in_set!(INFINITIVE_MARKS, norm(toks, o.ts - 1))
                                    && in_set!(ATTEMPT_NOUNS, norm(toks, o.ts - 2))))
                            && (c.te..o.ts).all(|k| {
                                s.cover[k]
                                    .is_none_or(|m| s.ms[m].target.is_none() || norm(toks, s.ms[m].te) == "-")
                                    && !is_boundary(norm(toks, k))
                                    && norm(toks, k) != ","
                            })
                    });
                    if let Some((k, o)) = embedded {
                        if let Some(t) = target_right(
                            &s,
                            o.ts + 1,
                            10 + o.te - o.ts,
                            &cue_starts,
                            Polarity::Against,
                            &[],
                        ) {
                            targets.push(t);
                            pol = pol.flip();
                            skip[k] = true;
                            rule.push_str("+embedded-nominal");
                        }
                    } else if let Some(t) =
                        target_right(&s, c.ts + 1, 12 + c.te - c.ts, &cue_starts, pol, &[])
                    {
                        targets.push(t);
                    }
                    // "joined X in accusing …": X holds the stance too.
                    if c.ts >= 3 && in_set!(JOIN_LINKS, norm(toks, c.ts - 1)) {
                        if let Some(x) = s.mention_ending_at(c.ts - 2) {
                            if in_set!(JOIN_FORMS, norm(toks, s.ms[x].ts.saturating_sub(1))) {
                                extra_holder = holder_of(&s, x, &local_state);
                            }
                        }
                    }
                    // "…, accusing X": a participle after a comma shares the previous cue's subject.
                    if norm(toks, c.ts).ends_with("ing") && c.ts > 0 && matches!(norm(toks, c.ts - 1), ",") {
                        if let Some((h, _)) = &prev {
                            holders = h.clone();
                        }
                    }
                }
            }
            Frame::Noun => {
                rule.push_str(":nominal");
                if let Some(t) = target_right(&s, c.ts + 1, 10 + c.te - c.ts, &cue_starts, pol, &[]) {
                    targets.push(t);
                }
                // Possessor or modifier: "Russia's support for", "US sanctions on".
                let mut k = c.ts;
                while k > 0 && in_set!(SANCTION_MODIFIERS, norm(toks, k - 1)) {
                    k -= 1;
                }
                if k > 0 {
                    let owner = if is_possessive(norm(toks, k - 1)) && k >= 2 {
                        s.mention_ending_at(k - 2)
                    } else {
                        s.mention_ending_at(k - 1)
                    };
                    if let Some(m) =
                        owner.filter(|&m| s.ms[m].kind != MKind::Pronoun && !targets.contains(&m))
                    {
                        holders = holder_of(&s, m, &local_state).into_iter().collect();
                        rule.push_str("+possessor");
                    } else if in_set!(GROUP_POSSESSIVES, norm(toks, k - 1)) {
                        if let Some((h, _)) = &prev {
                            holders = h.clone();
                            rule.push_str("+possessor");
                        }
                    }
                }
                if targets.is_empty() && in_set!(DEMAND_NOUNS, norm(toks, c.ts)) {
                    let mut t = None;
                    for k in (0..c.ts).rev() {
                        if let Some(m) = s.cover[k] {
                            if s.ms[m].target.is_some() && is_subject_position(&s, m) {
                                t = Some(m);
                                break;
                            }
                        }
                    }
                    if let Some(t) = t {
                        targets.push(t);
                        rule.push_str("+demand-on-subject");
                    }
                }
                if holders.is_empty() {
                    if let Some((items, _)) = by_agent(&s, c.te) {
                        holders = items
                            .into_iter()
                            .filter_map(|m| holder_of(&s, m, &local_state))
                            .collect();
                        rule.push_str("+by-agent");
                    }
                }
            }
            Frame::Eval => {
                rule.push_str(":about-target");
                // A labelling verb before the cue: "branded X illegitimate", "dismissed X as a fraud".
                let mut label_at = None;
                {
                    let mut k = c.ts;
                    let mut steps = 0;
                    while k > 0 && steps < 12 {
                        k -= 1;
                        steps += 1;
                        let w = norm(toks, k);
                        if is_boundary(w) || w == "\"" && steps > 1 {
                            break;
                        }
                        if is_label_verb(w) {
                            label_at = Some(k);
                            break;
                        }
                    }
                }
                let pick = if let Some(k) = label_at {
                    // The labelled thing is the verb's object, between the verb and the cue.
                    target_right(&s, k + 1, c.ts - k - 1, &[], pol, &[])
                } else {
                    let near = if pol == Polarity::Favor { 3 } else { 4 };
                    let left = target_left(&s, c.ts, 15, &[]).filter(|&(m, d)| {
                        d <= near
                            || (pol == Polarity::Against && is_subject_position(&s, m))
                            || (s.ms[m].te..c.ts).any(|k| in_set!(BE_OR_AS, norm(toks, k)))
                    });
                    // "interference in Venezuela": the place after a preposition is not the target.
                    let right = target_right(&s, c.te, 3, &[], pol, &[]).filter(|&m| {
                        let mut k = s.ms[m].ts;
                        while k > c.te && in_set!(DETS, norm(toks, k - 1)) {
                            k -= 1;
                        }
                        !(k > c.te && in_set!(TARGET_PREPOSITIONS, norm(toks, k - 1)))
                    });
                    match (left, right) {
                        (Some((l, dl)), Some(r)) => Some(if s.ms[r].ts + 1 - c.te < dl { r } else { l }),
                        (Some((l, _)), None) => Some(l),
                        (None, r) => r,
                    }
                };
                if let Some(t) = pick {
                    targets.push(t);
                } else if pol == Polarity::Against {
                    // "dismissed the elections as a fraud": the vote that kept the incumbent in power.
                    // "an election that many governments described as a fraud": look before the relative.
                    let from = label_at.map_or(c.ts.saturating_sub(6), |k| {
                        if (k.saturating_sub(6)..k).any(|j| in_set!(LABEL_RELATIVES, norm(toks, j))) {
                            k.saturating_sub(12)
                        } else {
                            k + 1
                        }
                    });
                    if (from..c.ts).any(|k| in_set!(ELECTION_NOUNS, norm(toks, k))) {
                        let dom = state
                            .dominant_country()
                            .and_then(|c| res.actor_named(c))
                            .map(|a| a.iso.clone());
                        if let Some(k) = dom.and_then(|iso| {
                            ctx.targets
                                .head_of
                                .iter()
                                .position(|h| h.as_deref() == Some(iso.as_str()))
                        }) {
                            implied_target = Some(ctx.targets.names[k].clone());
                            rule.push_str("+election-metonymy");
                        }
                    }
                }
                if let (Some(k), None) = (label_at, &reported) {
                    let mut cons = consumed.clone();
                    for &t in &targets {
                        cons[t] = true;
                    }
                    holders = subject_left(&s, k, &cons, &local_state);
                    rule.push_str("+labelling-verb");
                }
                score = 0.6;
            }
            Frame::Compound => {
                rule.push_str(":hyphen");
                if norm(toks, c.ts) == "-" {
                    // "US-backed X": holder before the hyphen, target after.
                    if c.ts > 0 {
                        if let Some(m) = s.mention_ending_at(c.ts - 1) {
                            holders = holder_of(&s, m, &local_state).into_iter().collect();
                        }
                    }
                    // The modified noun phrase: "US-backed opposition leader Guaido", not "… in Guatemala".
                    if let Some(t) = target_right(&s, c.te, 5, &cue_starts, pol, &[])
                        .filter(|&m| (c.te..s.ms[m].ts).all(|k| !in_set!(PHRASE_BREAKS, norm(toks, k))))
                    {
                        targets.push(t);
                    }
                } else if let Some(t) = s.mention_starting_at(c.te).filter(|&m| s.ms[m].target.is_some()) {
                    // "pro-Maduro forces": holder is the noun's actor if it is one; a crowd noun
                    // ("anti-Maduro protesters") makes a crowd holder.
                    targets.push(t);
                    let after = s.ms[t].te;
                    if let Some(h) = s.mention_starting_at(after) {
                        holders = holder_of(&s, h, &local_state).into_iter().collect();
                    } else if in_set!(CROWD_NOUNS, norm(toks, after)) {
                        let tname = s.ms[t].target.clone().unwrap_or_default();
                        holders = vec![H {
                            name: crowd_name(&tname, pol),
                            span: Some((toks[c.ts].start, toks[after].end)),
                            m: None,
                            target: None,
                        }];
                        score = 0.6;
                    }
                }
                if holders.is_empty() {
                    continue;
                }
            }
            Frame::Contrast => {
                rule.push_str(":instead-of");
                let Some((h, p)) = &prev else { continue };
                holders = h.clone();
                pol = p.flip();
                if let Some(t) = target_right(&s, c.te, 8, &cue_starts, pol, &[]) {
                    targets.push(t);
                }
            }
            Frame::Allies | Frame::Received => {
                // "Maduro's allies, including Russia and China" / "allies of Maduro such as Cuba";
                // "Guaido won the backing of the US and Canada": the listed actors hold FAVOR
                // toward the possessor / the subject.
                let mut k = c.te;
                while k < toks.len() && in_set!(LIST_OPENERS, norm(toks, k)) {
                    k += 1;
                }
                let (items, _) = list_right(&s, k);
                let t = if c.cue.frame == Frame::Allies {
                    if c.ts >= 2 && is_possessive(norm(toks, c.ts - 1)) {
                        s.mention_ending_at(c.ts - 2)
                    } else if c.ts >= 1 {
                        s.mention_ending_at(c.ts - 1)
                    } else {
                        None
                    }
                } else {
                    (0..c.ts).rev().find_map(|q| {
                        s.cover[q].filter(|&m| s.ms[m].target.is_some() && is_subject_position(&s, m))
                    })
                };
                let Some(t) = t.filter(|&t| s.ms[t].target.is_some()) else {
                    continue;
                };
                holders = items
                    .into_iter()
                    .filter_map(|m| holder_of(&s, m, &local_state))
                    .collect();
                if holders.is_empty() {
                    continue;
                }
                targets.push(t);
            }
            Frame::Crowd => {
                // "Maduro supporters", "supporters of X", or the crowd of the sentence's subject
                // ("Speaking to supporters, Maduro recited …").
                rule.push_str(":crowd");
                let t = if in_set!(OF_MARKS, norm(toks, c.te)) {
                    s.mention_starting_at(c.te + 1)
                        .or_else(|| s.mention_starting_at(c.te + 2))
                } else {
                    None
                }
                .or_else(|| {
                    let mut k = c.ts;
                    while k > 0 && in_set!(LOYALTY_MODIFIERS, norm(toks, k - 1)) {
                        k -= 1;
                    }
                    (k > 0).then(|| s.mention_ending_at(k - 1)).flatten()
                })
                .or_else(|| {
                    if pol != Polarity::Favor {
                        return None;
                    }
                    s.ms.iter().enumerate().map(|(k, _)| k).find(|&k| {
                        s.ms[k].target.is_some()
                            && is_subject_position(&s, k)
                            && !quotes.iter().any(|&(o, q)| o <= s.ms[k].ts && s.ms[k].ts <= q)
                            && (matches!(s.ms[k].kind, MKind::Person | MKind::Name))
                    })
                })
                .filter(|&t| s.ms[t].target.is_some());
                let Some(t) = t else { continue };
                let tname = s.ms[t].target.clone().unwrap_or_default();
                holders = vec![H {
                    name: crowd_name(&tname, pol),
                    span: Some((toks[c.ts].start, toks[c.te - 1].end)),
                    m: None,
                    target: None,
                }];
                targets.push(t);
                score = 0.5;
            }
        }
        // Holders not found yet: reported speaker, then the clause subject.
        if holders.is_empty() {
            if let Some(sp) = reported
                .as_ref()
                .filter(|_| !agentless || obligation_before(toks, c.ts))
            {
                holders = sp.clone();
                rule.push_str("+reported-speech");
                score *= 0.95;
            } else if !agentless {
                let mut cons = consumed.clone();
                for &t in &targets {
                    cons[t] = true;
                }
                holders = subject_left(&s, c.ts, &cons, &local_state);
                if !holders.is_empty() {
                    rule.push_str("+subject");
                }
            }
        } else if reported.is_some() && c.cue.frame == Frame::Verb && !rule.contains("passive") {
            // Guidelines: in reported speech, the speaker holds the stance.
            if let Some(sp) = &reported {
                holders = sp.clone();
                rule.push_str("+reported-speech");
            }
        }
        // State metonymy: sanctions on "Venezuela" target the head of its government.
        let coercive = (c.ts..c.te).any(|k| {
            let w = norm(toks, k);
            in_set!(COERCIVE_WORDS, w) || COERCIVE_STEMS.iter().any(|stem| w.starts_with(stem))
        });
        if targets.is_empty()
            && pol == Polarity::Against
            && coercive
            && matches!(c.cue.frame, Frame::Verb | Frame::Noun)
        {
            let end = (c.te + 14).min(toks.len());
            let mut j = if c.te > c.ts + 1 { c.ts + 1 } else { c.te };
            while j < end {
                // "the country", "the crisis-wracked country", "the government".
                let the_noun = is_definite(norm(toks, j))
                    && (j + 1..(j + 5).min(end))
                        .find(|&k| {
                            !matches!(norm(toks, k), "-")
                                && toks[k].norm.chars().all(char::is_alphabetic)
                                && in_set!(STATE_NOUNS, norm(toks, k))
                        })
                        .is_some_and(|k| {
                            (j + 1..k).all(|q| s.cover[q].is_none() && !matches!(norm(toks, q), "," | ";"))
                        });
                if the_noun {
                    let dom = state
                        .dominant_country()
                        .and_then(|c| res.actor_named(c))
                        .map(|a| a.iso.clone());
                    if let Some(iso) = dom {
                        if let Some(k) = ctx
                            .targets
                            .head_of
                            .iter()
                            .position(|h| h.as_deref() == Some(iso.as_str()))
                        {
                            let name = ctx.targets.names[k].clone();
                            for h in &holders {
                                if h.name != name {
                                    found.push(Hit {
                                        holder: h.name.clone(),
                                        holder_span: h.span,
                                        target: name.clone(),
                                        target_span: (toks[j].start, toks[(j + 1).min(toks.len() - 1)].end),
                                        polarity: pol,
                                        cue: (toks[c.ts].start, toks[c.te - 1].end),
                                        score: 0.4,
                                        rule: format!("{rule}+state-metonymy"),
                                    });
                                }
                            }
                        }
                    }
                    break;
                }
                if let Some(m) = s.cover[j] {
                    if let Some(iso) = &s.ms[m].iso {
                        if let Some(k) = ctx
                            .targets
                            .head_of
                            .iter()
                            .position(|h| h.as_deref() == Some(iso.as_str()))
                        {
                            let name = ctx.targets.names[k].clone();
                            for h in &holders {
                                if h.name != name {
                                    found.push(Hit {
                                        holder: h.name.clone(),
                                        holder_span: h.span,
                                        target: name.clone(),
                                        target_span: s.span(m),
                                        polarity: pol,
                                        cue: (toks[c.ts].start, toks[c.te - 1].end),
                                        score: 0.5,
                                        rule: format!("{rule}+state-metonymy"),
                                    });
                                }
                            }
                        }
                    }
                    break;
                }
                j += 1;
            }
        }
        if holders.is_empty() && ctx.focus.is_some() {
            holders.push(H {
                name: String::new(),
                span: None,
                m: None,
                target: None,
            });
        }
        if let Some(x) = extra_holder {
            if !holders.iter().any(|h| h.name == x.name) {
                holders.push(x);
            }
        }
        if holders.len() > 1 {
            rule.push_str("+list");
            score *= 0.95;
        }
        if !holders.is_empty() {
            prev = Some((holders.clone(), pol));
        }
        if let Some(name) = implied_target {
            for h in &holders {
                if h.name != name && !h.name.is_empty() {
                    found.push(Hit {
                        holder: h.name.clone(),
                        holder_span: h.span,
                        target: name.clone(),
                        target_span: (toks[c.ts].start, toks[c.te - 1].end),
                        polarity: pol,
                        cue: (toks[c.ts].start, toks[c.te - 1].end),
                        score: 0.4,
                        rule: rule.clone(),
                    });
                }
            }
        }
        for &t in &targets {
            consumed[t] = c.cue.frame != Frame::Crowd || consumed[t];
            let tm = &s.ms[t];
            let Some(tname) = tm.target.clone() else { continue };
            for h in &holders {
                if h.m == Some(t) || h.name == tname || h.target.as_deref() == Some(tname.as_str()) {
                    continue;
                }
                found.push(Hit {
                    holder: h.name.clone(),
                    holder_span: h.span,
                    target: tname.clone(),
                    target_span: s.span(t),
                    polarity: pol,
                    cue: (toks[c.ts].start, toks[c.te - 1].end),
                    score,
                    rule: rule.clone(),
                });
            }
        }
    }
    // One triple per (holder, target, stance): the best-scored (first on ties).
    let mut seen: HashMap<(String, String, Polarity), usize> = HashMap::new();
    for h in found {
        let key = (h.holder.clone(), h.target.clone(), h.polarity);
        match seen.get(&key) {
            Some(&k) if out[k].score >= h.score => {}
            Some(&k) => out[k] = h,
            None => {
                seen.insert(key, out.len());
                out.push(h);
            }
        }
    }
    if let Some(p) = person_at.last() {
        state.last_person = Some(p.1.clone());
    }
    if let Some(p) = subject_persons.last() {
        state.last_subject_person = Some((p.1.clone(), state.sent_idx));
    }
    state.sent_idx += 1;
}

#[cfg(test)]
mod word_list_tests {
    use super::*;

    #[test]
    fn every_word_list_is_read_from_the_resource_file() {
        let words = [
            &BOUNDARY,
            &DETS,
            &ATTRIBUTION,
            &FLIP_NEG,
            &GROUP_NOUNS,
            &QUANT,
            &REGION,
            &AGENT_NOUNS,
            &STOP_CAP,
            &SUBJ_PREV,
            &ROLE_SKIP,
        ];
        for list in words {
            assert!(!list.is_empty());
            assert!(
                list.iter().all(|w| !w.is_empty() && !w.contains(' ')),
                "{:?}",
                &list[..]
            );
        }
        assert!(BOUNDARY.contains(&";"));
        // The lists the parse engine owns, in the forms the rules engine reads.
        assert!(is_speech("said") && is_speech("told") && is_speech("according"));
        assert!(is_label_verb("branded") && is_label_verb("labelled") && !is_label_verb("said"));
        assert!(is_local_negator("n't") && is_local_negator("cannot") && !is_local_negator("only"));
        assert!(SUBJ_PREV.contains(&"\"") && SUBJ_PREV.contains(&","));
        for phrases in [&SCOPE_NEG, &MILITARY] {
            assert!(!phrases.is_empty());
        }
        assert!(SCOPE_NEG.iter().any(|p| p[..] == ["stopped", "short", "of"]));
        assert!(MILITARY.iter().any(|p| p[..] == ["armed", "forces"]));
    }
}
