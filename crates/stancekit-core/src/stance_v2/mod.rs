//! Stance tagging on the parse: the cue frames of [`crate::stance::StanceEngine::Syntax`], and
//! the second half of the default [`crate::stance::StanceEngine::Combined`]:
//! holder → target, FAVOR or AGAINST, with the cue that says so and the rule that found it.
//!
//! The tagger is a small interpreter of data over the dependency parse of [`crate::syntax`]:
//! - a cue lexicon of frames (`resources/stance/v2/frames.tsv`): a lemma, its part of speech,
//!   its polarity and the dependents that hold and receive the stance (`support VERB agent >
//!   patient`, `support NOUN poss|compound|amod > nmod:for`, `illegitimate ADJ speaker >
//!   subject`), grown from general English and the CAMEO verb classes;
//! - general operations on the parse, each small ([`frames`]): voice (`was backed by X`),
//!   coordination of holders and targets, `including`/`such as` lists with their unnamed rest,
//!   relative clauses, control and complements (`vowed to back`, `urged X to resign`,
//!   `refused to recognise`), negation, hypotheticals, reported speech (the speaker holds the
//!   stance of what they say, and a claim about a third party is no one's stance);
//! - mentions ([`mentions`]): the user's targets, a gazetteer of countries (names, demonyms,
//!   capitals) and bodies, names the tagger finds, unnamed groups and pronouns.
//!
//! Targets come only from the user: nothing in the engine knows any topic.
//!
//! ```
//! use stancekit_core::stance_v2::{StanceTagger, StanceTaggerConfig};
//! use std::collections::BTreeMap;
//!
//! let mut targets = BTreeMap::new();
//! targets.insert("Ana Rivera".to_owned(), vec!["Rivera".to_owned()]);
//! let tagger = StanceTagger::new(StanceTaggerConfig { targets: Some(targets), ..Default::default() }).unwrap();
//! let found = tagger.tag("Rivera was supported by Peru, Chile and Brazil.");
//! let holders: Vec<&str> = found.iter().map(|s| s.holder.as_str()).collect();
//! assert_eq!(holders, ["Peru", "Chile", "Brazil"]);
//! assert!(found.iter().all(|s| s.stance.as_str() == "FAVOR" && s.target == "Ana Rivera"));
//! ```
//!
//! Bad input never fails at tagging time: any `&str` (empty, punctuation only, 100 MB) is
//! tagged, sentence by sentence, in linear time. Only building a tagger from a configuration can
//! fail ([`crate::Error::Config`], [`crate::Error::Serialization`]).

mod analysis;
mod frames;
mod lexicon;
mod mentions;
#[cfg(test)]
mod tests;

pub use crate::stance::{Label, Polarity, Stance, StanceTaggerConfig};
pub(crate) use lexicon::CLAUSE_NEGATOR_KINDS;

use crate::classify::Model;
use crate::stance::Rescorer;
use crate::syntax::relations::RelClass;
use crate::syntax::Parser;
use crate::{Error, Result, Span};
use analysis::Sentence;
use frames::{Ctx, Hit};
pub(crate) use lexicon::FunctionKind;
use lexicon::{add_alias, ActorKind, CuePos, Lexicon, PronounKind, SayKind};
use mentions::{DocMemory, Mention, Mentions, Targets, Who};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock, Weak};

/// Parts of speech that cannot make an alias on their own (an alias of only such words, like
/// `the` or `us`, would match almost anywhere).
const FUNCTION_POS: &[&str] = &[
    "DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "SYM",
];

fn check_alias(parser: &Parser, owner: &str, alias: &str) -> Result<()> {
    let words = parser.parse(alias);
    if words.is_empty() {
        return Err(Error::Config(format!(
            "alias {alias:?} of {owner:?} is empty or has no word"
        )));
    }
    if words.iter().all(|w| FUNCTION_POS.contains(&parser.upos(w))) {
        return Err(Error::Config(format!(
            "alias {alias:?} of {owner:?} has only function words and would match almost anywhere"
        )));
    }
    Ok(())
}

/// This engine's test of an alias (see [`check_alias`]) with the built-in parser, for code that
/// proposes targets to either engine; every alias passes when the model cannot be read (the
/// engine then refuses to build anyway).
pub(crate) fn alias_test() -> impl Fn(&str) -> bool {
    let parser = crate::syntax::SyntaxModel::builtin()
        .ok()
        .map(|model| Parser::with_model(crate::syntax::ParserConfig::default(), model));
    move |alias| parser.as_ref().is_none_or(|p| check_alias(p, "", alias).is_ok())
}

impl StanceTagger {
    /// Validates the settings and compiles the tagger.
    ///
    /// # Errors
    /// [`Error::Config`] for an empty target map (use `None` for the defaults), an empty name, an
    /// alias that is empty or only function words, an alias shared by two targets, `min_score`
    /// outside 0..=1 or a classifier that cannot be read; [`Error::Resource`] if a built-in
    /// resource is damaged.
    pub fn new(config: StanceTaggerConfig) -> Result<Self> {
        if !(0.0..=1.0).contains(&config.min_score) {
            return Err(Error::Config(format!(
                "min_score must be in 0..=1, not {}",
                config.min_score
            )));
        }
        let lexicon = Lexicon::get()?;
        let parser = Parser::with_model(
            crate::syntax::ParserConfig::default(),
            crate::syntax::SyntaxModel::builtin()?,
        );
        let mut targets = Targets::default();
        let mut owners: HashMap<Vec<String>, String> = HashMap::new();
        if let Some(map) = &config.targets {
            if map.is_empty() {
                return Err(Error::Config(
                    "targets is empty; pass None to use every actor found as a target".to_owned(),
                ));
            }
            for (k, (name, aliases)) in map.iter().enumerate() {
                if name.trim().is_empty() {
                    return Err(Error::Config("a target name is empty".to_owned()));
                }
                let known = lexicon.actors.iter().find(|a| a.name == *name).map(|a| a.kind);
                // Two or more words, each capitalised (`al-Assad` by its part after the
                // hyphen) or a particle of names (`bin`, `van`).
                let capitalised = |w: &str| {
                    let last = w.rsplit(['-', '\'', '’']).next().unwrap_or(w);
                    [w, last]
                        .iter()
                        .any(|p| p.chars().next().is_some_and(char::is_uppercase))
                };
                let particle =
                    |w: &str| lexicon.function.get(&w.to_lowercase()) == Some(&FunctionKind::NameParticle);
                // (Not one whose head word names a group or a body: `Rapid Support Forces`,
                // `National Unity Government`.)
                let body = |w: &str| {
                    let w = w.to_lowercase();
                    let one = w.strip_suffix('s').unwrap_or(&w);
                    lexicon.groups.contains(&w)
                        || [w.as_str(), one]
                            .iter()
                            .any(|k| lexicon.government.contains_key(*k))
                };
                let words: Vec<&str> = name.split_whitespace().collect();
                let looks_like_person = words.len() >= 2
                    && capitalised(words[0])
                    && words.iter().all(|w| capitalised(w) || particle(w))
                    && !words.last().is_some_and(|w| body(w));
                targets.names.push(name.clone());
                targets.person.push(match known {
                    Some(kind) => kind == ActorKind::Person,
                    None => looks_like_person,
                });
                for alias in std::iter::once(name).chain(aliases) {
                    check_alias(&parser, name, alias)?;
                    let key: Vec<String> = alias.split_whitespace().map(str::to_lowercase).collect();
                    if let Some(other) = owners.get(&key) {
                        if other != name {
                            return Err(Error::Config(format!(
                                "alias {alias:?} is shared by targets {other:?} and {name:?}"
                            )));
                        }
                        continue;
                    }
                    owners.insert(key, name.clone());
                    add_alias(&mut targets.aliases, alias, k as u32);
                }
            }
        }
        for (name, aliases) in &config.actors {
            if name.trim().is_empty() {
                return Err(Error::Config("an actor name is empty".to_owned()));
            }
            let id = targets.actor_names.len() as u32;
            targets.actor_names.push(name.clone());
            for alias in std::iter::once(name).chain(aliases) {
                check_alias(&parser, name, alias)?;
                add_alias(&mut targets.actor_aliases, alias, id);
            }
        }
        // `sanctions on Syria` are against the target who heads Syria's government; a country
        // two targets head (two presidents of different years) stands for neither.
        let mut heads: HashMap<u32, Vec<usize>> = HashMap::new();
        if let Some(map) = &config.targets {
            for (k, (name, aliases)) in map.iter().enumerate() {
                if let Some(country) = std::iter::once(name)
                    .chain(aliases)
                    .find_map(|n| lexicon.headed_country(n))
                {
                    heads.entry(country).or_default().push(k);
                }
            }
        }
        if let Some(map) = &config.targets {
            for (k, name) in map.keys().enumerate() {
                if let Some(a) = lexicon.actors.iter().position(|a| a.name == *name) {
                    targets.same_actor.insert(a as u32, k);
                }
            }
        }
        targets.heads = heads
            .into_iter()
            .filter(|(_, ts)| ts.len() == 1)
            .map(|(c, ts)| (c, ts[0]))
            .collect();
        let rescorer = config
            .classifier
            .as_deref()
            .map(Rescorer::from_setting)
            .transpose()?;
        Ok(Self {
            open: config.targets.is_none(),
            config,
            targets,
            lexicon,
            parser,
            rescorer,
            cue_forms: OnceLock::new(),
        })
    }
}

/// An immutable, thread-safe stance tagger.
pub struct StanceTagger {
    config: StanceTaggerConfig,
    /// No targets given: every actor is one.
    open: bool,
    targets: Targets,
    lexicon: &'static Lexicon,
    parser: Parser,
    rescorer: Option<Rescorer>,
    /// Every lower-case word form that can be a cue word of a frame (see [`cue_forms`]): a
    /// sentence without one holds no stance of its own and is parsed only as context. Computed
    /// at the first tagging, once per syntax model.
    cue_forms: OnceLock<Arc<HashSet<String>>>,
}

/// The word forms a frame's cue can take: every form the parser's lemmatizer can give a verb,
/// noun or adjective cue lemma for (its `forms_of`: `backs`, `stood`, `fought`). A superset, so
/// that no word the tagger and lemmatizer would read as a cue is missed.
///
/// Shared by every tagger on the same model (the built-in one lives for the whole process).
fn cue_forms(lexicon: &Lexicon, model: &Arc<crate::syntax::SyntaxModel>) -> Arc<HashSet<String>> {
    type Cache = Vec<(Weak<crate::syntax::SyntaxModel>, Arc<HashSet<String>>)>;
    static CACHE: Mutex<Cache> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    cache.retain(|(m, _)| m.strong_count() > 0);
    if let Some((_, forms)) = cache
        .iter()
        .find(|(m, _)| m.upgrade().is_some_and(|m| Arc::ptr_eq(&m, model)))
    {
        return Arc::clone(forms);
    }
    let lemmas: HashSet<&str> = lexicon
        .frames
        .iter()
        .filter(|f| matches!(f.pos, CuePos::Verb | CuePos::Noun | CuePos::Adj))
        .map(|f| f.lemma.as_str())
        .collect();
    let forms = Arc::new(model.forms_of(&lemmas));
    cache.push((Arc::downgrade(model), Arc::clone(&forms)));
    forms
}

impl std::fmt::Debug for StanceTagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StanceTagger")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Default for StanceTagger {
    fn default() -> Self {
        Self::new(StanceTaggerConfig::default()).expect("default config is valid")
    }
}

/// Quote marks that open a quoted sentence.
fn opens_quote(text: &str) -> bool {
    text.starts_with(['"', '\u{201c}', '\u{2018}', '\''])
}

impl StanceTagger {
    /// The settings this tagger was built from.
    #[must_use]
    pub fn config(&self) -> &StanceTaggerConfig {
        &self.config
    }

    /// The sentence spans the tagger works on: exactly [`crate::SentenceSplitter`]'s.
    #[must_use]
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        self.parser.sentences(text)
    }

    /// The canonical name of whoever a mention refers to.
    fn name_of(&self, who: &Who) -> String {
        frames::name_of(self.lexicon, &self.targets, who)
    }

    /// Parses the sentences that can hold a stance on a target and finds their mentions, in
    /// order. With targets given, a sentence is parsed when one of its words can be a cue (see
    /// [`cue_forms`]) and it names a target (also through the gazetteer: see
    /// `Targets::target_for_actor`) or has a pronoun and a target was named earlier in its paragraph
    /// (or, for the paragraph's first sentences, in the paragraph before: then the last sentence
    /// that named one there is parsed too, for its subject); the sentence before such a sentence
    /// is parsed too when it has a pronoun or opens a quote (they look back to it),
    /// and the one after a quotation (its speaker may be named there); and a sentence with a cue
    /// that refers back to a claim (`that assertion`) when one of the two before it is parsed.
    /// Parsing is most of the time, and most sentences of a news text name no target: only what
    /// can matter is parsed. With no targets, every sentence is.
    fn analyse<'t>(&'t self, text: &'t str, focus: Option<Span>) -> Vec<(Sentence<'t>, Mentions)> {
        let spans = self.parser.sentences(text);
        let tokenizer = crate::Tokenizer::default();
        let mut tokens: Vec<Vec<Span>> = Vec::with_capacity(spans.len());
        let mut buf = Vec::new();
        for s in &spans {
            buf.clear();
            tokenizer.tokenize_into(s.as_str(text), &mut buf);
            // A news dateline (`LIMA (Reuters) -`) is no part of the sentence's grammar: it is
            // neither parsed nor read for mentions.
            let story = crate::sentence::dateline_len(s.as_str(text));
            tokens.push(
                buf.iter()
                    .filter(|t| t.span.start >= story)
                    .map(|t| Span::new(t.span.start + s.start, t.span.end + s.start))
                    .collect(),
            );
        }
        let paragraph_starts: Vec<bool> = spans
            .iter()
            .enumerate()
            .map(|(k, s)| k == 0 || text[spans[k - 1].end..s.start].matches('\n').count() >= 2)
            .collect();
        let (needed, titles) = self.sentences_to_parse(text, &spans, &tokens, &paragraph_starts, focus);
        let mut memory = DocMemory::default();
        let mut out: Vec<(Sentence<'t>, Mentions)> = Vec::new();
        let mut scratch = crate::syntax::ParseScratch::default();
        let mut words = Vec::new();
        for (k, &span) in spans.iter().enumerate() {
            if paragraph_starts[k] {
                memory.new_paragraph();
            }
            for (title, t) in &titles[k] {
                memory.titled.insert(title.clone(), mentions::Who::Target(*t));
            }
            if !needed[k] {
                continue;
            }
            words.clear();
            self.parser
                .parse_spans(text, &tokens[k], k as u32, &mut scratch, &mut words);
            // An over-long sentence is read in windows of the parser's pieces (see
            // `ParserConfig::max_sentence_words`), so the work per window stays bounded.
            let window = self.parser.config().max_sentence_words;
            for first in (0..words.len().max(1)).step_by(window) {
                let last = (first + window).min(words.len());
                let sentence = Sentence::new(&self.parser, text, span, k, &words[first..last], first);
                let mut mentions = mentions::find(&sentence, self.lexicon, &self.targets, &mut memory);
                if let Some(focus) = focus {
                    add_focus(&sentence, &mut mentions, focus, self.targets.names.len());
                }
                memory.remember(&sentence, &mentions.list, self.lexicon);
                out.push((sentence, mentions));
            }
        }
        out
    }

    /// The office titles a sentence gives to targets (`President` in `President Marco Lopez`):
    /// (title key, lower case as in titles.txt, and the target's index). Read from the words
    /// alone, so that every sentence counts, parsed or not.
    fn target_titles(&self, lower: &[String], forms: &[&str]) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        let office = |key: &str| self.lexicon.titles.get(key) == Some(&lexicon::TitleKind::Office);
        for i in 0..lower.len() {
            let Some((alias, _)) = self.targets.aliases.longest(lower, forms, i) else {
                continue;
            };
            // Back over first names and title words: `Foreign Minister Ana Gomez`.
            let mut k = i;
            while k > 0 && forms[k - 1].starts_with(char::is_uppercase) {
                k -= 1;
            }
            for t in k..i {
                let word = lower[t].trim_end_matches('.');
                if office(word) {
                    out.push((word.to_owned(), alias.actor as usize));
                }
                if t + 1 < i && office(&format!("{word} {}", lower[t + 1])) {
                    out.push((format!("{word} {}", lower[t + 1]), alias.actor as usize));
                }
            }
        }
        out
    }

    /// Which sentences [`StanceTagger::analyse`] parses (see there), and the titles each gives
    /// to targets (see [`StanceTagger::target_titles`]), read on the same pass.
    fn sentences_to_parse(
        &self,
        text: &str,
        spans: &[Span],
        tokens: &[Vec<Span>],
        paragraph_starts: &[bool],
        focus: Option<Span>,
    ) -> (Vec<bool>, Vec<Vec<(String, usize)>>) {
        let n = spans.len();
        // (With no targets there are no targets' titles either.)
        if self.open && focus.is_none() {
            return (vec![true; n], vec![Vec::new(); n]);
        }
        let mut titles = Vec::with_capacity(n);
        let mut names_target = vec![false; n];
        let mut named_any = vec![false; n];
        let mut has_pronoun = vec![false; n];
        let mut refers_back = vec![false; n];
        let mut titled: HashSet<String> = HashSet::new();
        for (k, words) in tokens.iter().enumerate() {
            let lower: Vec<String> = words.iter().map(|w| w.as_str(text).to_lowercase()).collect();
            let forms: Vec<&str> = words.iter().map(|w| w.as_str(text)).collect();
            // An alias may also stand after a hyphen inside a word (`anti-Rivera`).
            let after_hyphen = |w: &str| {
                w.split_once('-').is_some_and(|(_, rest)| {
                    self.targets
                        .aliases
                        .longest(&[rest.to_lowercase()], &[rest], 0)
                        .is_some()
                })
            };
            names_target[k] = match focus {
                Some(f) => spans[k].start <= f.start && f.start < spans[k].end,
                None => {
                    let named = (0..words.len()).any(|i| {
                        self.targets.aliases.longest(&lower, &forms, i).is_some()
                            || self
                                .lexicon
                                .aliases
                                .longest(&lower, &forms, i)
                                .and_then(|(alias, _)| {
                                    self.targets.target_for_actor(self.lexicon, alias.actor)
                                })
                                .is_some()
                    });
                    // `the president`, after `President Marco Lopez` in an earlier sentence.
                    let described = (1..words.len()).any(|i| {
                        titled.contains(lower[i].as_str())
                            && lower[..i]
                                .iter()
                                .rev()
                                .take(3)
                                .any(|w| self.lexicon.function.get(w) == Some(&FunctionKind::Definite))
                    });
                    named_any[k] = named || described || forms.iter().any(|w| after_hyphen(w));
                    named_any[k]
                }
            };
            let given = self.target_titles(&lower, &forms);
            titled.extend(given.iter().map(|(title, _)| title.clone()));
            titles.push(given);
            has_pronoun[k] = lower
                .iter()
                .any(|w| self.lexicon.pronouns.contains_key(w.as_str()));
            // No word that can be a cue, and no hyphen with a prefix or suffix cue beside it
            // (`pro-Rivera`, `US-backed`): nothing to find here, though the sentence still counts
            // as context.
            let cue_forms = self
                .cue_forms
                .get_or_init(|| cue_forms(self.lexicon, self.parser.model()));
            let affix = |key: &str, pos: CuePos| !self.lexicon.frames_of(key, pos).is_empty();
            let holds_affix = |k: usize| {
                let w = lower[k].as_str();
                if w == "-" {
                    (k > 0 && affix(&lower[k - 1], CuePos::Prefix))
                        || lower.get(k + 1).is_some_and(|next| affix(next, CuePos::Suffix))
                } else {
                    w.contains('-')
                        && w.split('-')
                            .any(|part| affix(part, CuePos::Prefix) || affix(part, CuePos::Suffix))
                }
            };
            let has_cue = (0..lower.len()).any(|k| cue_forms.contains(lower[k].as_str()) || holds_affix(k));
            if focus.is_none() && !has_cue {
                names_target[k] = false;
                has_pronoun[k] = false;
            }
            // `that assertion`, `the charge` (see `Ctx::refers_to_claim`).
            refers_back[k] = has_cue
                && (1..lower.len()).any(|i| {
                    let noun = lower[i].as_str();
                    let claim_noun = self.lexicon.say.contains_key(noun)
                        || noun
                            .strip_suffix('s')
                            .is_some_and(|w| self.lexicon.say.contains_key(w));
                    let determiner = lower[i - 1].as_str();
                    claim_noun
                        && (self.lexicon.function.get(determiner) == Some(&FunctionKind::Definite)
                            || self.lexicon.preposition_is(determiner, "content"))
                });
        }
        let mut needed = names_target.clone();
        let mut target_in_paragraph = false;
        // The last sentence that names an actor in this paragraph and in the one before: a
        // pronoun that opens a paragraph may stand for that one's subject (see `DocMemory`).
        let (mut last_naming, mut previous_naming) = (None, None);
        for k in 0..n {
            if paragraph_starts[k] {
                target_in_paragraph = false;
                previous_naming = last_naming.take();
            }
            if has_pronoun[k] && focus.is_none() {
                if target_in_paragraph {
                    needed[k] = true;
                } else if let Some(j) = previous_naming {
                    needed[k] = true;
                    needed[j] = true;
                }
            }
            target_in_paragraph |= named_any[k];
            if named_any[k] {
                last_naming = Some(k);
            }
        }
        // A sentence that refers back to a claim made in one of the two before (`Chile disputes
        // that assertion`) when that one is read.
        if focus.is_none() {
            for k in 0..n {
                if refers_back[k] && (k.saturating_sub(2)..k).any(|j| needed[j]) {
                    needed[k] = true;
                }
            }
        }
        let wanted = needed.clone();
        for k in 0..n {
            if !wanted[k] {
                continue;
            }
            let quoted = tokens[k].first().is_some_and(|w| opens_quote(w.as_str(text)));
            if k > 0 && !paragraph_starts[k] && (has_pronoun[k] || quoted) {
                needed[k - 1] = true;
            }
            if quoted && k + 1 < n {
                needed[k + 1] = true;
            }
        }
        (needed, titles)
    }

    /// The speaker of sentence `k` when it is a quotation attributed in a neighbouring
    /// sentence (`"..." ` then `X said.`, or `X said:` then `"..."`), or a headline
    /// whose speaker is named before a colon.
    fn quote_speaker(&self, doc: &[(Sentence<'_>, Mentions)], k: usize) -> Option<Mention> {
        let (s, mentions) = &doc[k];
        // A headline that names its speaker before a colon (`Rivera: Peru will pay`).
        if let Some(m) = mentions.list.first() {
            if m.first == 0 && !m.pronoun && s.toks.get(m.last + 1).is_some_and(|t| t.text == ":") {
                return Some(m.clone());
            }
        }
        if !opens_quote(s.toks.first()?.text) {
            return None;
        }
        // A quote that names its own speaker needs no neighbour; one whose speaker is `I` or
        // `we` (`"I think ..."`) is still the neighbour's.
        if let Some(v) = self.says(s) {
            let first_person = s.kids_with(v, "nsubj").next().is_some_and(|subject| {
                self.lexicon.pronouns.get(&s.toks[subject].lower) == Some(&PronounKind::Speaker)
            });
            if !first_person {
                return None;
            }
        }
        let neighbours = [k.checked_sub(1), Some(k + 1)];
        for n in neighbours
            .into_iter()
            .flatten()
            .filter(|&n| n < doc.len() && doc[n].0.index.abs_diff(s.index) == 1)
        {
            if let Some(speaker) = self.says(&doc[n].0).and_then(|v| self.agent_mention(&doc[n], v)) {
                return Some(speaker);
            }
        }
        None
    }

    /// The say-type verb a sentence is built around, if any.
    fn says(&self, s: &Sentence<'_>) -> Option<usize> {
        (0..s.len()).find(|&i| {
            s.toks[i].upos == "VERB"
                && self.lexicon.is_say_verb(&s.toks[i].lemma)
                && (s.toks[i].head.is_none() || s.toks[i].base_rel() == "parataxis")
        })
    }

    /// The mention that is the subject of verb `v`.
    fn agent_mention(&self, (s, m): &(Sentence<'_>, Mentions), v: usize) -> Option<Mention> {
        let subject = s.kids_with(v, "nsubj").next()?;
        m.at[subject].map(|i| m.list[i].clone())
    }

    /// The spans of the mentions of sentence `s` that stand as the place of an event
    /// (`condemned the violence in X`): the object of a preposition of place (prepositions.txt
    /// `place`) on a common noun that is no seat of power (`the regime in X` is X's), or on a
    /// verb after such a noun as its object; or on any other verb, given with it (the verb's
    /// own reading may take the place for its target: `intervened in X`).
    fn places(&self, s: &Sentence<'_>, mentions: &Mentions) -> Vec<(Span, Option<Span>)> {
        mentions
            .list
            .iter()
            .filter_map(|m| {
                (m.first..=m.last).find_map(|k| {
                    let t = &s.toks[k];
                    let h = t.head.filter(|h| !(m.first..=m.last).contains(h))?;
                    if !self.lexicon.preposition_is(&s.case_of(k), "place") {
                        return None;
                    }
                    let on_noun = |h: usize| {
                        s.toks[h].upos == "NOUN" && !self.lexicon.government_role(&s.toks[h].lemma, "seat")
                    };
                    match (t.base_rel(), s.toks[h].upos) {
                        ("nmod", _) if on_noun(h) => Some((m.span, None)),
                        // (A parser hangs the phrase as often on the verb, after its object:
                        // `welcomed the elections in X`.)
                        ("obl", "VERB") if s.kids_with(h, "obj").any(|o| o < m.first && on_noun(o)) => {
                            Some((m.span, None))
                        }
                        // Where another verb's act happens (`praised the soldiers fighting in
                        // X`); for the verb itself, only when it is not the cue read.
                        ("obl", "VERB") => Some((m.span, Some(s.toks[h].span))),
                        _ => None,
                    }
                })
            })
            .collect()
    }

    /// The triples of every sentence of `doc`, with the cue words each sentence takes back
    /// (see [`Ctx::hits`]) added to `vetoed` when given.
    fn hits(&self, doc: &[(Sentence<'_>, Mentions)], mut vetoed: Option<&mut Vec<Span>>) -> Vec<(Span, Hit)> {
        let mut out = Vec::new();
        // The last claim made, and in which sentence of the text (`that assertion` looks two
        // back, counting the sentences not parsed too).
        let mut last_claim: Option<(usize, frames::Claim)> = None;
        for k in 0..doc.len() {
            let quote = self.quote_speaker(doc, k);
            let (s, mentions) = &doc[k];
            let ctx = Ctx {
                s,
                lex: self.lexicon,
                mentions,
                targets: &self.targets,
                open: self.open,
                quote_speaker: quote.as_ref(),
                taken_acts: std::cell::RefCell::default(),
                question: s.is_yes_no_question(),
                previous_claim: last_claim
                    .as_ref()
                    .filter(|(at, _)| s.index.saturating_sub(*at) <= 2)
                    .map(|(_, claim)| claim),
            };
            // One triple per (holder, target, stance) in a sentence: the strongest cue.
            let mut best: BTreeMap<(String, String, Polarity), Hit> = BTreeMap::new();
            let hits = ctx.hits(vetoed.as_deref_mut());
            let claim = ctx.claim(&hits);
            for hit in hits {
                let key = (self.name_of(&hit.holder), self.name_of(&hit.target), hit.stance);
                match best.get(&key) {
                    Some(b) if b.score >= hit.score => {}
                    _ => {
                        best.insert(key, hit);
                    }
                }
            }
            out.extend(best.into_values().map(|h| (s.span, h)));
            if let Some(claim) = claim {
                last_claim = Some((s.index, claim));
            }
        }
        out.sort_by_key(|(_, h)| (h.cue.start, h.holder_span.map_or(0, |s| s.start)));
        out
    }

    /// Tags `text`: every stance triple found, in text order (by sentence, then cue).
    #[must_use]
    pub fn tag(&self, text: &str) -> Vec<Stance> {
        self.tag_noting(text, None)
    }

    /// [`StanceTagger::tag`], and what the parse reads that the combined engine checks the
    /// rules' triples against (see [`ParseReadings`]).
    /// `verb_cues` are the verb cues (sorted by start) whose clauses the caller asks for
    /// ([`ParseReadings::verb_clauses`]): only theirs are collected.
    pub(crate) fn tag_with_readings(&self, text: &str, verb_cues: &[Span]) -> (Vec<Stance>, ParseReadings) {
        let mut readings = ParseReadings {
            verb_cues: verb_cues.to_vec(),
            ..ParseReadings::default()
        };
        let out = self.tag_noting(text, Some(&mut readings));
        (out, readings)
    }

    fn tag_noting(&self, text: &str, mut readings: Option<&mut ParseReadings>) -> Vec<Stance> {
        let doc = self.analyse(text, None);
        let vetoed = match readings.as_deref_mut() {
            Some(r) => {
                // The particle or adverb of the verb right before it (`back` in `fired back`),
                // a noun with its own determiner, preposition or possessor (`under attack`,
                // `X's arrest`), or a verb whose particle no frame of it takes (`backed down`:
                // another verb than `back`).
                r.not_verbs.extend(doc.iter().flat_map(|(s, _)| {
                    (0..s.len())
                        .filter(|&i| {
                            let t = &s.toks[i];
                            let particle = matches!(t.upos, "ADV" | "ADP" | "PART")
                                && t.head.is_some_and(|h| h + 1 == i && s.toks[h].upos == "VERB");
                            // (A possessor with its own `'s`: a possessive pronoun on a
                            // word the tagger misread as a noun, `whose government backs X`,
                            // says less.)
                            let genitive = |k: usize| {
                                s.toks[k].rel == "nmod:poss"
                                    && s.kids[k].iter().any(|&c| s.toks[c].rel == "case")
                            };
                            // (An adjective right before it modifies nouns only: `won public
                            // praise from X`. One further off may be the parser's repair of a
                            // verb the tagger took for a noun: `whose communist government
                            // backs X`.)
                            let noun = t.upos == "NOUN"
                                && s.kids[i].iter().any(|&k| {
                                    matches!(s.toks[k].rel, "det" | "case")
                                        || (s.toks[k].rel == "amod" && k + 1 == i)
                                        || genitive(k)
                                });
                            let phrasal = t.upos == "VERB"
                                && s.kids[i].iter().any(|&k| {
                                    // (Parsers also hang a particle as an adverb right after.)
                                    let p = &s.toks[k];
                                    (p.rel == "compound:prt"
                                        || (p.rel == "advmod"
                                            && k == i + 1
                                            && self.lexicon.is_particle(&p.lower)))
                                        && self.lexicon.particle_changes_verb(&t.lemma, &p.lower)
                                });
                            // A particle right after the verb that opens a preposition of two
                            // words (`backed out of`) is the verb's too, whatever the parser
                            // hangs it on.
                            let before_preposition = t.upos == "VERB"
                                && s.toks.get(i + 1).is_some_and(|p| {
                                    self.lexicon.is_particle(&p.lower)
                                        && matches!(p.rel, "case" | "mark")
                                        && s.toks
                                            .get(i + 2)
                                            .is_some_and(|q| matches!(q.upos, "ADP" | "SCONJ"))
                                        && self.lexicon.particle_changes_verb(&t.lemma, &p.lower)
                                });
                            particle || noun || phrasal || before_preposition
                        })
                        .map(|i| s.toks[i].span)
                        .collect::<Vec<_>>()
                }));
                r.places.extend(doc.iter().flat_map(|(s, m)| self.places(s, m)));
                let cues = std::mem::take(&mut r.verb_cues);
                r.verb_clauses.extend(doc.iter().flat_map(|(s, m)| {
                    let first = cues.partition_point(|c| c.start < s.span.start);
                    let here: Vec<Span> = cues[first..]
                        .iter()
                        .take_while(|c| c.start < s.span.end)
                        .copied()
                        .collect();
                    if here.is_empty() {
                        Vec::new()
                    } else {
                        for (verb, words) in verb_subjects(s, &here, self.lexicon) {
                            let names = words
                                .iter()
                                .filter_map(|&k| m.at[k])
                                .map(|i| self.name_of(&m.list[i].who))
                                .collect();
                            let words = words.iter().map(|&k| s.toks[k].span).collect();
                            r.verb_subjects.push((s.toks[verb].span, words, names));
                        }
                        verb_clauses(s, &here)
                    }
                }));
                r.noun_owners.extend(doc.iter().flat_map(|(s, _)| {
                    (0..s.len())
                        .filter(|&k| s.toks[k].upos == "NOUN")
                        .filter_map(|k| {
                            let owners: Vec<usize> = s.kids[k]
                                .iter()
                                .copied()
                                .filter(|&c| match s.toks[c].rel {
                                    // (A common noun before it says what kind: `high profile
                                    // supporters`.)
                                    "compound" => s.toks[c].upos == "PROPN",
                                    "nmod:poss" => s.toks[c].upos != "PRON",
                                    _ => false,
                                })
                                .collect();
                            (!owners.is_empty()).then(|| {
                                let mut words = Vec::new();
                                let mut stack = owners;
                                while let Some(w) = stack.pop() {
                                    words.push(s.toks[w].span);
                                    stack.extend(s.kids[w].iter().copied());
                                }
                                (s.toks[k].span, words)
                            })
                        })
                        .collect::<Vec<_>>()
                }));
                r.appositions.extend(doc.iter().flat_map(|(s, _)| {
                    (0..s.len())
                        .filter(|&k| s.toks[k].base_rel() == "appos")
                        .filter_map(|k| s.toks[k].head.map(|h| (s.toks[k].span, s.toks[h].span)))
                        .collect::<Vec<_>>()
                }));
                r.agent_verbs.extend(doc.iter().flat_map(|(s, _)| {
                    (0..s.len())
                        .filter(|&v| s.toks[v].upos == "VERB" && s.kid_exact(v, "obl:agent").is_some())
                        .map(|v| s.toks[v].span)
                        .collect::<Vec<_>>()
                }));
                Some(&mut r.vetoed)
            }
            None => None,
        };
        let mut out = Vec::new();
        for (sentence, mut h) in self.hits(&doc, vetoed) {
            // The classifier re-scores a triple (the mean of rule strength and its probability of
            // the triple's polarity); it never adds or removes one.
            if let Some(p) = self
                .rescorer
                .as_ref()
                .and_then(|r| r.probability(text, sentence, h.target_span, h.stance))
            {
                h.score = 0.5 * h.score + 0.5 * f64::from(p);
                h.rule.push_str("+clf");
            }
            if h.score < self.config.min_score {
                continue;
            }
            if let Some(r) = readings.as_deref_mut() {
                if h.certain_holder {
                    r.certain_holders.push(out.len());
                }
                if let Some(act) = h.act {
                    r.taken_acts.push((out.len(), act));
                }
                if let Some(phrase) = h.holder_phrase {
                    r.holder_phrases.push((out.len(), phrase));
                }
            }
            out.push(Stance {
                holder: self.name_of(&h.holder),
                // A holder named in another sentence (the speaker of a quote named before or
                // after it) has no span in this one, as the guidelines write it.
                holder_span: h
                    .holder_span
                    .filter(|s| sentence.start <= s.start && s.end <= sentence.end),
                target: self.name_of(&h.target),
                target_span: Some(h.target_span),
                stance: h.stance,
                cue_span: h.cue,
                sentence,
                score: (h.score * 1000.0).round() / 1000.0,
                rule: h.rule,
            });
        }
        out
    }

    /// The stance expressed toward the mention at `target` (byte span) in its sentence, whoever
    /// holds it: FAVOR, AGAINST, or NONE.
    ///
    /// Decided by the shipped NewsMTSC classifier ([`crate::classify::Model::default_newsmtsc`]);
    /// cues the rules aim at the mention nudge it (by [`CLS_RULE_WEIGHT`] per unit of score). A
    /// span out of bounds, empty, or not on character boundaries gives NONE.
    #[must_use]
    pub fn classify(&self, text: &str, target: Span) -> Label {
        if target.start >= target.end
            || target.end > text.len()
            || !text.is_char_boundary(target.start)
            || !text.is_char_boundary(target.end)
        {
            return Label::None;
        }
        let model = Model::default_newsmtsc();
        let Some(sentence) = self
            .sentences(text)
            .into_iter()
            .find(|s| s.start <= target.start && target.start < s.end)
        else {
            return Label::None;
        };
        let local = &text[sentence.start..sentence.end.max(target.end)];
        let shifted = Span::new(target.start - sentence.start, target.end - sentence.start);
        let focus = self.targets.names.len();
        let mut rules = 0.0;
        for (_, h) in self.hits(&self.analyse(local, Some(shifted)), None) {
            if h.target == Who::Target(focus) {
                rules += if h.stance == Polarity::Favor {
                    h.score
                } else {
                    -h.score
                };
            }
        }
        let (_, probs) = model.predict(text, target);
        let mut best = (Label::None, f64::NEG_INFINITY);
        for (name, &p) in model.labels().iter().zip(&probs) {
            let p = f64::from(p);
            let (label, p) = match name.as_str() {
                "FAVOR" => (Label::Favor, p + CLS_RULE_WEIGHT * f64::max(rules, 0.0)),
                "AGAINST" => (Label::Against, p + CLS_RULE_WEIGHT * f64::max(-rules, 0.0)),
                _ => (Label::None, p),
            };
            if p > best.1 {
                best = (label, p);
            }
        }
        best.0
    }
}

/// What the parse reads in a text's parsed sentences, for the combined engine to check the rules'
/// word windows against.
#[derive(Debug, Default)]
pub(crate) struct ParseReadings {
    /// The cue words whose stance a governing verb takes back (denied, refused, weighed: see
    /// `Ctx::hits`).
    pub vetoed: Vec<Span>,
    /// The words the parse reads as no verb: the adverb, adposition or particle of the verb
    /// right before them (`back` in `fired back`), or a noun with a determiner, preposition or
    /// possessor of its own (`under attack`, `the attack`, `X's arrest`); nor as the bare verb,
    /// a verb cue with a particle none of its frames takes (`backed down`).
    pub not_verbs: Vec<Span>,
    /// The indices, in the triples returned with these readings, of those whose holder the
    /// parse names for certain (see `Hit::certain_holder`).
    pub certain_holders: Vec<usize>,
    /// (index in the returned triples, span of the act or text that triple's cue takes as its
    /// content: `sanctions` in `vetoed sanctions against X`).
    pub taken_acts: Vec<(usize, Span)>,
    /// (index in the returned triples, the words of the phrase its holder was read from, where
    /// they reach past the holder's name: see `Hit::holder_phrase`).
    pub holder_phrases: Vec<(usize, Span)>,
    /// The mentions the parse reads as the place where an event happens (`the violence in X`,
    /// `the soldiers fighting in X`, prepositions.txt `place`). With a verb: the place is that
    /// verb's own, so it is no party to any other cue, but may be to the verb's (`intervened in
    /// X`).
    pub places: Vec<(Span, Option<Span>)>,
    /// (a verb with an object of its own or a passive one, the words of its clause): the verb,
    /// its dependents and theirs, and for a participle or relative clause on a noun that noun
    /// and its dependents; less the clauses coordinated with it or adverbial to it that have a
    /// subject of their own (`and Z published`, `as Z watched`) and the clauses set beside it
    /// (`parataxis`). Another word of the sentence is no argument of that verb.
    pub verb_clauses: Vec<(Span, Vec<Span>)>,
    /// (a verb with a subject that names someone, the words of that subject phrase, the names
    /// of the actors mentioned in them): the verb's own active nominal subject, or, for a verb
    /// with none coordinated with one before it, that verb's (`X worked for Y and accused Z`:
    /// X accuses), with the phrases that may name whom it stands for (see `verb_subjects`).
    /// Verbs whose subject is a pronoun other than a relative one (of any antecedent), and
    /// verbs under a verb of saying (what is said is the speaker's), are not here.
    pub verb_subjects: Vec<(Span, Vec<Span>, Vec<String>)>,
    /// (Asked for by the caller) the verb cues, sorted by start, whose clauses and subjects to
    /// collect in `verb_clauses` and `verb_subjects`; emptied when they are.
    pub verb_cues: Vec<Span>,
    /// The verbs the parse reads with an agent phrase (`obl:agent`): passive, whatever their
    /// form (`a plan opposed by X`).
    pub agent_verbs: Vec<Span>,
    /// (a word in apposition, the word it is in apposition to): `X, Peru's dictator,`.
    pub appositions: Vec<(Span, Span)>,
    /// (a noun, the words of the phrases before it that say whose it is: a name compounded with
    /// it, a possessor that is no pronoun): `Islamic State supporters`, `the group's followers`.
    pub noun_owners: Vec<(Span, Vec<Span>)>,
}

/// The verbs of `s` under one of `cues` that have an object or are passive, each with the
/// words of its own clause (see [`ParseReadings::verb_clauses`]).
fn verb_clauses(s: &Sentence<'_>, cues: &[Span]) -> Vec<(Span, Vec<Span>)> {
    let passive = |v: usize| {
        s.kids_with(v, "nsubj:pass").next().is_some()
            || s.kid_exact(v, "obl:agent").is_some()
            || (s.toks[v].base_rel() == "acl" && s.toks[v].xpos == "VBN")
    };
    (0..s.len())
        .filter(|&v| {
            let w = s.toks[v].span;
            s.toks[v].upos == "VERB"
                && cues.iter().any(|c| c.start < w.end && w.start < c.end)
                && (s.kid_exact(v, "obj").is_some() || passive(v))
        })
        .filter_map(|v| {
            let mut words = Vec::new();
            // A participle or relative clause on a noun takes that noun as its argument; so does
            // a verb with no subject of its own, whatever the parser hangs it on.
            let subjectless = s.kids_with(v, "nsubj").next().is_none();
            let modified = s.toks[v]
                .head
                .filter(|_| s.toks[v].base_rel() == "acl" || subjectless);
            let mut stack = vec![v];
            stack.extend(modified);
            // A verb that takes a personal pronoun as the one it acts on may name anyone through
            // it (`X said he was attacked by Y`): its clause bounds nothing.
            let pronoun_patient = s.kids[v].iter().any(|&c| {
                RelClass::PatientLike.has(s.toks[c].rel)
                    && s.toks[c].upos == "PRON"
                    && s.toks[c].xpos == "PRP"
            });
            if pronoun_patient {
                return None;
            }
            while let Some(k) = stack.pop() {
                words.push(s.toks[k].span);
                for &c in &s.kids[k] {
                    let with_subject = s.kids_with(c, "nsubj").next().is_some();
                    let own_clause = (matches!(s.toks[c].base_rel(), "conj" | "advcl") && with_subject)
                        || s.toks[c].base_rel() == "parataxis"
                        || (Some(k) == modified && c == v);
                    if !own_clause {
                        stack.push(c);
                    }
                }
            }
            Some((s.toks[v].span, words))
        })
        .collect()
}

/// The preposition uses (prepositions.txt) whose object may name whom a noun phrase stands
/// for: its owner, seat, principal, the group it is one of (`the president of X`, `officials
/// in X`, `a spokesman for X`, `one of X's allies`). Lists of members (`states including X`)
/// name it too.
const STANDS_FOR_USES: [&str; 5] = ["owner", "seat", "principal", "partitive", "member"];

/// The verbs of `s` under one of `cues` with a subject that is no pronoun, each with the words
/// of that subject (see [`ParseReadings::verb_subjects`]): the subject's own words and those of
/// the phrases that may name whom it stands for, not its clauses (`the man who met X`) or the
/// phrases of what it is about (`a report on X`).
fn verb_subjects(s: &Sentence<'_>, cues: &[Span], lexicon: &Lexicon) -> Vec<(usize, Vec<usize>)> {
    let names_others = |k: usize| {
        s.toks[k].rel == "nmod" && {
            let p = s.case_of(k);
            !p.is_empty()
                && !STANDS_FOR_USES.iter().any(|u| lexicon.preposition_is(&p, u))
                && lexicon.function.get(&p) != Some(&FunctionKind::List)
        }
    };
    let renames = |k: usize| {
        let t = &s.toks[k];
        matches!(t.upos, "PROPN" | "NOUN")
            && (t.base_rel() == "xcomp"
                || (t.base_rel() == "obl" && lexicon.preposition_is(&s.case_of(k), "label")))
    };
    (0..s.len())
        .filter(|&v| {
            let w = s.toks[v].span;
            s.toks[v].upos == "VERB" && cues.iter().any(|c| c.start < w.end && w.start < c.end)
        })
        .filter(|&v| {
            // What is said is the speaker's to hold, whoever its subject (`X wrote that any
            // officer who backs Y is welcome`).
            let mut k = v;
            while let Some(h) = s.toks[k].head {
                if s.toks[h].upos == "VERB" && lexicon.is_say_verb(&s.toks[h].lemma) {
                    return false;
                }
                k = h;
            }
            true
        })
        .filter_map(|v| {
            // A verb coordinated with one before it shares that verb's subject unless it has
            // its own.
            // (A parser may split one subject phrase into two `nsubj`.)
            let mut verb = v;
            let subjects = loop {
                let subjects: Vec<usize> = s.kids[verb]
                    .iter()
                    .copied()
                    .filter(|&k| s.toks[k].rel == "nsubj")
                    .collect();
                if !subjects.is_empty() {
                    break subjects;
                }
                match s.toks[verb].head {
                    Some(h) if s.toks[verb].base_rel() == "conj" && h < verb => verb = h,
                    _ => return None,
                }
            };
            // A relative pronoun stands for the noun its clause is on (`the report on X that
            // backs Y`); another pronoun may stand for anyone.
            let relative =
                |k: usize| matches!(s.toks[k].xpos, "WDT" | "WP") && s.toks[verb].base_rel() == "acl";
            let subjects = match subjects[..] {
                [k] if relative(k) => vec![s.toks[verb].head?],
                _ if subjects.iter().any(|&k| s.toks[k].upos == "PRON") => return None,
                _ => subjects,
            };
            let mut words = Vec::new();
            let mut stack = subjects;
            while let Some(k) = stack.pop() {
                words.push(k);
                for &c in &s.kids[k] {
                    if s.toks[c].base_rel() == "acl" {
                        // A clause on the subject names others, but for the name it gives the
                        // subject itself (`the group, known as X`, `a militia called X`).
                        stack.extend(s.kids[c].iter().copied().filter(|&g| renames(g)));
                    } else if !names_others(c) {
                        stack.push(c);
                    }
                }
            }
            Some((v, words))
        })
        .collect()
}

/// A mention of the focus of [`StanceTagger::classify`] over the words inside `focus`.
fn add_focus(s: &Sentence<'_>, mentions: &mut Mentions, focus: Span, index: usize) {
    let inside: Vec<usize> = (0..s.len())
        .filter(|&i| s.toks[i].span.start >= focus.start && s.toks[i].span.end <= focus.end)
        .collect();
    let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
        return;
    };
    let m = Mention {
        first,
        last,
        who: Who::Target(index),
        span: focus,
        person: false,
        pronoun: false,
        antecedent: None,
        joint: Vec::new(),
    };
    for slot in &mut mentions.at[first..=last] {
        *slot = Some(mentions.list.len());
    }
    mentions.list.push(m);
}

/// Whether `word` (lower case) is a marker of a hypothetical of this kind in hypothetical.txt
/// (`mark`: `if`, `whether`; `aux`: `may`, `could`), leaving out modals of the future, which can
/// be commitments: for the rules engine, so that both engines read one list.
pub(crate) fn is_hypothetical_marker(word: &str, kind: &str) -> bool {
    Lexicon::get().is_ok_and(|lex| {
        lex.hypothetical
            .get(word)
            .is_some_and(|kinds| kinds.iter().any(|k| k == kind) && !kinds.iter().any(|k| k == "future"))
    })
}

/// Whether `word` (lower case) has this kind in hypothetical.txt, whatever else it has
/// (`future`: `will`, `would`).
pub(crate) fn is_hypothetical_kind(word: &str, kind: &str) -> bool {
    Lexicon::get().is_ok_and(|lex| {
        lex.hypothetical
            .get(word)
            .is_some_and(|kinds| kinds.iter().any(|k| k == kind))
    })
}

/// Whether `lemma` is written before the hyphen of a hyphenated cue (`pro` in `pro-X`):
/// frames.tsv's PREFIX rows, for the rules engine, whose cue list does not say which side of
/// the hyphen a word stands on.
pub(crate) fn is_prefix_cue(lemma: &str) -> bool {
    Lexicon::get().is_ok_and(|lex| !lex.frames_of(lemma, CuePos::Prefix).is_empty())
}

/// The written forms of the say-type verbs of `say_verbs.txt` (see
/// [`Lexicon::say_verbs_of`]): labelling ones (`called X a ...`) with `label`, else those that
/// report what their subject says. For the rules engine, which matches forms, not lemmas:
/// the regular inflections and WordNet's irregular forms of each lemma.
pub(crate) fn say_verb_forms(label: bool) -> HashSet<String> {
    let kind = if label { SayKind::Label } else { SayKind::Plain };
    let Ok(lex) = Lexicon::get() else {
        return HashSet::new();
    };
    lex.say_verbs_of(kind).flat_map(written_forms).collect()
}

/// Every written form of a verb `lemma`, for the rules engine, which matches forms: the regular
/// inflections and WordNet's irregular forms.
fn written_forms(lemma: &str) -> impl Iterator<Item = String> + '_ {
    crate::stance::resources::inflect(lemma)
        .into_iter()
        .chain(crate::syntax::model::irregular_forms_of(lemma).map(str::to_owned))
}

/// The written forms of the giving light verbs of `light_verbs.txt` (`threatened`, `imposed`:
/// not those that receive or take a stance away), for the rules engine: a noun cue after one
/// is given, not opposed (`threatened sanctions against X`).
pub(crate) fn giving_light_verb_forms() -> HashSet<String> {
    let Ok(lex) = Lexicon::get() else {
        return HashSet::new();
    };
    lex.light
        .iter()
        .filter(|(_, light)| !light.receiver && !light.remove)
        .flat_map(|(lemma, _)| written_forms(lemma))
        .collect()
}

/// The words of `function_words.txt` of one kind (the possessive ending, the definite article),
/// for the rules engine and the classifier: one list of them for the whole crate.
pub(crate) fn function_words(kind: FunctionKind) -> HashSet<String> {
    Lexicon::get()
        .map(|lex| {
            lex.function
                .iter()
                .filter(|(_, k)| **k == kind)
                .map(|(w, _)| w.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// The clause negators of `negation.txt` (see [`Lexicon::clause_negators`]), for the rules
/// engine: one list of negators for both engines.
pub(crate) fn clause_negators() -> HashSet<String> {
    Lexicon::get()
        .map(|lex| lex.clause_negators().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// The pronouns of `pronouns.txt`, those of persons only (`he`, `her`) with `persons`, for the
/// rules engine: one list of pronouns for both engines.
pub(crate) fn pronoun_words(persons: bool) -> HashSet<String> {
    Lexicon::get()
        .map(|lex| {
            lex.pronouns
                .iter()
                .filter(|(_, kind)| !persons || **kind == lexicon::PronounKind::Person)
                .map(|(w, _)| w.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// What subject pronoun `word` is (`pronouns.txt`, note `subject`), for the rules engine:
/// `Some((person, plural))` for one that stands for the last person (`he`) or group (`it`,
/// plural `they`) named; `None` for any other word, and for the speaker's own (`we`).
pub(crate) fn subject_pronoun_class(word: &str) -> Option<(bool, bool)> {
    let lex = Lexicon::get().ok()?;
    if !lex.subject_pronouns.contains(word) {
        return None;
    }
    match lex.pronouns.get(word)? {
        lexicon::PronounKind::Person => Some((true, false)),
        lexicon::PronounKind::Group => Some((false, lex.plural_pronouns.contains(word))),
        lexicon::PronounKind::Speaker => None,
    }
}

/// Which words name a news outlet (see [`Lexicon::outlet_words`]), for the rules engine: the
/// one list both engines read. `words` are (lower-case form, capitalised) pairs.
pub(crate) fn outlet_words<'a>(words: impl Iterator<Item = (&'a str, bool)>) -> Vec<bool> {
    match Lexicon::get() {
        Ok(lex) => lex.outlet_words(words),
        Err(_) => vec![false; words.count()],
    }
}

/// Weight of rule evidence added to the classifier's probability in [`StanceTagger::classify`].
pub const CLS_RULE_WEIGHT: f64 = 0.5;

/// The `n` people mentioned most often in `texts`, as `(canonical name, aliases)` ready to use
/// as targets: names the tagger finds, merged by surname (`Juan Rivera` and `Rivera`), people of
/// the gazetteer under their canonical name. Ties are broken by name.
#[must_use]
pub fn most_mentioned_people(texts: &[&str], n: usize) -> Vec<(String, Vec<String>)> {
    let Ok(tagger) = StanceTagger::new(StanceTaggerConfig::default()) else {
        return Vec::new();
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut aliases: HashMap<String, HashSet<String>> = HashMap::new();
    for text in texts {
        for (s, mentions) in tagger.analyse(text, None) {
            for m in mentions.list.iter().filter(|m| m.person && !m.pronoun) {
                let name = tagger.name_of(&m.who);
                *counts.entry(name.clone()).or_default() += 1;
                let surface: Vec<&str> = (m.first..=m.last).map(|k| s.toks[k].text).collect();
                aliases.entry(name).or_default().insert(surface.join(" "));
            }
        }
    }
    crate::stance::rank_people(counts, aliases, n, |alias| {
        check_alias(&tagger.parser, "", alias).is_ok()
    })
}
