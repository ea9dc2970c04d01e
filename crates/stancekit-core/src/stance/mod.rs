//! Stance tagging: holder → target, FAVOR or AGAINST, with the cue that says so and the rule
//! that found it.
//!
//! The tagger is a transparent rule system over a built-in gazetteer (countries with their names,
//! demonyms and capitals, derived from the MIT-licensed PETRARCH2 dictionaries; international
//! bodies; officials) and a cue lexicon whose verb classes follow CAMEO (support/recognise/praise
//! → FAVOR; condemn/accuse/reject/threaten/sanction → AGAINST). It understands active and passive
//! voice (`was recognized by X`), coordinated holders (`Russia, Bolivia and Cuba`), exceptions
//! (`except for Mexico`), negation and its scope (`have not followed suit`, `stopped short of`,
//! `refused to recognise`), nominal cues (`X's support for Y`, `US-backed`), evaluative words
//! (`illegitimate`, `a sham`) and reported speech (the speaker holds the stance).
//!
//! ```
//! use stancekit_core::stance::{StanceTagger, StanceTaggerConfig};
//! use std::collections::BTreeMap;
//!
//! let mut targets = BTreeMap::new();
//! targets.insert("Nicolas Maduro".to_owned(), vec!["Maduro".to_owned()]);
//! let tagger = StanceTaggerConfig { targets: Some(targets), ..Default::default() }.build().unwrap();
//! let text = "Maduro was supported by Russia, Bolivia and Cuba.";
//! let found = tagger.tag(text);
//! let holders: Vec<&str> = found.iter().map(|s| s.holder.as_str()).collect();
//! assert_eq!(holders, ["Russia", "Bolivia", "Cuba"]);
//! assert!(found.iter().all(|s| s.stance.as_str() == "FAVOR" && s.target == "Nicolas Maduro"));
//! ```
//!
//! Bad input never fails at tagging time: any `&str` (empty, punctuation only, 100 MB) is
//! tagged, sentence by sentence, in linear time. Only building a tagger from a configuration can
//! fail ([`crate::Error::Config`], [`crate::Error::Serialization`]).

mod lex;
pub(crate) mod resources;
mod rules;
pub(crate) use rules::{cap_first, crowd_name, is_attribution, military_name, military_phrase};
#[cfg(test)]
mod tests;

pub use resources::Polarity;

use crate::classify::Model;
use crate::{versioned, Error, Result, SentenceSplitter, Span};
use resources::{alias_pattern, ActorKind, Resources, WordList};
use rules::{Ctx, DocState, Hit, Targets, UserActors, FOCUS};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Words that cannot be aliases on their own (they would match almost anywhere).
static STOP_WORDS: WordList = WordList::new("stop_words");

/// Settings of a [`StanceTagger`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StanceTaggerConfig {
    /// Canonical target name → aliases. `None`: every actor found (countries, bodies, officials,
    /// named persons) is a target, under its canonical name.
    pub targets: Option<BTreeMap<String, Vec<String>>>,
    /// Extra actors (canonical name → aliases), added to the built-in gazetteer.
    pub actors: BTreeMap<String, Vec<String>>,
    /// Triples scoring below this (0..=1) are dropped.
    pub min_score: f64,
    /// A trained classifier that re-scores each triple found by the rules: `None` (rules only),
    /// `"default"` (the shipped NewsMTSC model) or a model's JSON
    /// ([`crate::classify::Model::to_json`]) whose labels include FAVOR and AGAINST.
    pub classifier: Option<String>,
    /// The mechanism that finds the triples (see [`StanceEngine`]).
    #[serde(skip_serializing_if = "StanceEngine::is_default")]
    pub engine: StanceEngine,
}

/// The mechanism a [`StanceTagger`] finds triples with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StanceEngine {
    /// The default, and the best measured F1 on the gold folders: the cue rules over tokens,
    /// then the cue frames on the parse for each target the rules found nothing toward in a
    /// sentence. The rules are precise on the constructions they know; the frames reach the
    /// ones they do not. Sentences are [`crate::SentenceSplitter`]'s.
    #[default]
    Combined,
    /// Cue rules over the token sequence only (fastest: no parse; sentences cut at line breaks).
    Rules,
    /// Cue frames from `resources/stance/v2` matched on the dependency parse only
    /// ([`crate::stance_v2`]).
    Syntax,
}

impl StanceEngine {
    /// Every engine, the default first.
    pub const ALL: [StanceEngine; 3] = [Self::Combined, Self::Rules, Self::Syntax];

    fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// The setting's name (`"combined"`, `"rules"` or `"syntax"`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Combined => "combined",
            Self::Rules => "rules",
            Self::Syntax => "syntax",
        }
    }

    /// Reads a setting's name.
    ///
    /// # Errors
    /// [`Error::Config`] for any other name.
    pub fn from_name(name: &str) -> Result<Self> {
        match name {
            "combined" => Ok(Self::Combined),
            "rules" => Ok(Self::Rules),
            "syntax" => Ok(Self::Syntax),
            other => Err(config_err(format!(
                "engine must be \"combined\", \"rules\" or \"syntax\", not {other:?}"
            ))),
        }
    }
}

/// One stance triple. Spans are byte offsets into the text given to [`StanceTagger::tag`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    /// Canonical name of the holder (empty when implied, see [`StanceTagger::classify`]).
    pub holder: String,
    /// Where the holder is mentioned in the sentence: its name, or a pronoun that refers to it
    /// (the parse engine gives the name when it stands in the same sentence); `None` if implied
    /// or named only in another sentence (the speaker of a quote).
    pub holder_span: Option<Span>,
    /// Canonical name of the target.
    pub target: String,
    /// Where the target is mentioned.
    pub target_span: Option<Span>,
    /// FAVOR or AGAINST.
    pub stance: Polarity,
    /// The cue words.
    pub cue_span: Span,
    /// The sentence the triple was found in.
    pub sentence: Span,
    /// Confidence in 0..=1 (rule strength).
    pub score: f64,
    /// Why: the rule that fired (frame, argument roles, modifiers such as `+list`, `+refusal`).
    pub rule: String,
}

impl Serialize for Polarity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Polarity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "FAVOR" => Ok(Self::Favor),
            "AGAINST" => Ok(Self::Against),
            other => Err(serde::de::Error::custom(format!("unknown stance {other:?}"))),
        }
    }
}

/// Sentence-level stance toward one target mention ([`StanceTagger::classify`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// Favourable.
    Favor,
    /// Unfavourable.
    Against,
    /// Neither (or no evidence).
    None,
}

impl Label {
    /// `"FAVOR"`, `"AGAINST"` or `"NONE"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Favor => "FAVOR",
            Self::Against => "AGAINST",
            Self::None => "NONE",
        }
    }
}

fn config_err(msg: String) -> Error {
    Error::Config(msg)
}

fn check_alias(owner: &str, alias: &str) -> Result<Vec<String>> {
    let words = lex::norm_words(alias);
    if words.is_empty() {
        return Err(config_err(format!(
            "alias {alias:?} of {owner:?} is empty or has no word"
        )));
    }
    if words.iter().all(|w| STOP_WORDS.contains(&w.as_str())) {
        return Err(config_err(format!(
            "alias {alias:?} of {owner:?} is a stop word and would match almost anywhere"
        )));
    }
    Ok(words)
}

impl StanceTaggerConfig {
    /// Validates the settings and compiles the tagger.
    ///
    /// # Errors
    /// [`Error::Config`] for an empty target map (use `None` for the defaults), an empty name, an
    /// alias that is empty or only stop words, an alias shared by two targets, or `min_score`
    /// outside 0..=1.
    pub fn build(self) -> Result<StanceTagger> {
        if !(0.0..=1.0).contains(&self.min_score) {
            return Err(config_err(format!(
                "min_score must be in 0..=1, not {}",
                self.min_score
            )));
        }
        let res = Resources::get();
        let mut targets = Targets {
            names: Vec::new(),
            table: Default::default(),
            head_of: Vec::new(),
            person: Vec::new(),
            iso: Vec::new(),
            open: self.targets.is_none(),
        };
        if let Some(map) = &self.targets {
            if map.is_empty() {
                return Err(config_err(
                    "targets is empty; pass None to use every actor found as a target".to_owned(),
                ));
            }
            let mut owner: HashMap<Vec<String>, String> = HashMap::new();
            for (k, (name, aliases)) in map.iter().enumerate() {
                if name.trim().is_empty() {
                    return Err(config_err("a target name is empty".to_owned()));
                }
                let known = res.actor_named(name);
                targets.names.push(name.clone());
                targets.head_of.push(
                    known
                        .filter(|a| a.head && !a.iso.is_empty())
                        .map(|a| a.iso.clone()),
                );
                let person = match known {
                    Some(a) => a.kind == ActorKind::Person,
                    None => {
                        name.split_whitespace().count() >= 2
                            && name
                                .split_whitespace()
                                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    }
                };
                targets.person.push(person);
                targets.iso.push(
                    known
                        .filter(|a| a.kind == ActorKind::Country)
                        .map(|a| a.iso.clone()),
                );
                let mut all: Vec<&String> = vec![name];
                all.extend(aliases.iter());
                for alias in all {
                    let words = check_alias(name, alias)?;
                    if let Some(other) = owner.get(&words) {
                        if other != name {
                            return Err(config_err(format!(
                                "alias {alias:?} is shared by targets {other:?} and {name:?}"
                            )));
                        }
                        continue;
                    }
                    owner.insert(words, name.clone());
                    targets.table.insert(alias_pattern(alias), k as u32);
                }
            }
        }
        let mut actors = UserActors {
            names: Vec::new(),
            table: Default::default(),
        };
        for (k, (name, aliases)) in self.actors.iter().enumerate() {
            if name.trim().is_empty() {
                return Err(config_err("an actor name is empty".to_owned()));
            }
            actors.names.push(name.clone());
            let mut all: Vec<&String> = vec![name];
            all.extend(aliases.iter());
            for alias in all {
                check_alias(name, alias)?;
                actors.table.insert(alias_pattern(alias), k as u32);
            }
        }
        let rescorer = self
            .classifier
            .as_deref()
            .map(Rescorer::from_setting)
            .transpose()?;
        let syntax = match self.engine {
            StanceEngine::Rules => None,
            StanceEngine::Syntax | StanceEngine::Combined => {
                Some(Box::new(crate::stance_v2::StanceTagger::new(self.clone())?))
            }
        };
        Ok(StanceTagger {
            config: self,
            targets,
            actors,
            splitter: SentenceSplitter::default(),
            rescorer,
            syntax,
        })
    }
}

/// An immutable, thread-safe stance tagger.
pub struct StanceTagger {
    config: StanceTaggerConfig,
    targets: Targets,
    actors: UserActors,
    splitter: SentenceSplitter,
    rescorer: Option<Rescorer>,
    /// The parse-based engine, when the config's engine uses it.
    syntax: Option<Box<crate::stance_v2::StanceTagger>>,
}

/// A classifier that re-scores triples, with the positions of its FAVOR and AGAINST labels.
pub(crate) struct Rescorer {
    model: Cow<'static, Model>,
    favor: usize,
    against: usize,
}

impl Rescorer {
    /// Reads the `classifier` setting.
    pub(crate) fn from_setting(setting: &str) -> Result<Self> {
        let model = if setting == "default" {
            Cow::Borrowed(Model::default_newsmtsc())
        } else {
            Cow::Owned(Model::from_json(setting).map_err(|e| config_err(format!("classifier: {e}")))?)
        };
        let position = |label: &str| model.labels().iter().position(|l| l == label);
        match (position("FAVOR"), position("AGAINST")) {
            (Some(favor), Some(against)) => Ok(Self {
                model,
                favor,
                against,
            }),
            _ => Err(config_err(format!(
                "classifier labels must include FAVOR and AGAINST, not {:?}",
                model.labels()
            ))),
        }
    }

    /// The classifier's probability of `polarity` toward `target` in `sentence` (byte spans into
    /// `text`), or `None` when the target is not inside the sentence.
    pub(crate) fn probability(
        &self,
        text: &str,
        sentence: Span,
        target: Span,
        polarity: Polarity,
    ) -> Option<f32> {
        if target.start < sentence.start || target.end > sentence.end {
            return None;
        }
        let local = Span::new(target.start - sentence.start, target.end - sentence.start);
        let (_, probs) = self.model.predict(&text[sentence.start..sentence.end], local);
        let index = if polarity == Polarity::Favor {
            self.favor
        } else {
            self.against
        };
        probs.get(index).copied()
    }
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
        StanceTaggerConfig::default()
            .build()
            .expect("default config is valid")
    }
}

/// Spans sorted by start, to find those that overlap a span in logarithmic time (cue spans of
/// two engines' triples; the comparisons in [`combine`] stay linear in the text however many
/// triples a sentence holds).
struct SpanIndex {
    /// (span, index in the caller's list), by start.
    sorted: Vec<(Span, usize)>,
    /// The longest span, bounding how far back an overlapping one can start.
    longest: usize,
}

impl SpanIndex {
    fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut sorted: Vec<(Span, usize)> = spans.into_iter().enumerate().map(|(i, s)| (s, i)).collect();
        sorted.sort_by_key(|(s, _)| s.start);
        let longest = sorted.iter().map(|(s, _)| s.end - s.start).max().unwrap_or(0);
        Self { sorted, longest }
    }

    /// The indices of the spans that overlap `span`.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let hi = self.sorted.partition_point(|(s, _)| s.start < span.end);
        let lo = self
            .sorted
            .partition_point(|(s, _)| s.start + self.longest <= span.start);
        self.sorted[lo..hi.max(lo)]
            .iter()
            .filter(move |(s, _)| s.end > span.start)
            .map(|&(_, i)| i)
    }
}

/// The `combined` engine's triples: the rules' (`rules`, each moved to the splitter sentence
/// that holds its piece), then the parse frames' toward each target the rules found nothing
/// toward in that sentence, and those that add a holder to a rules triple's cue or act on a
/// rules triple's act (`X blocked EU sanctions against Y`); in text order. A frame triple whose
/// holder the parse names for certain (a relative pronoun, a text's author, a crowd: see
/// `Hit::certain_holder`) replaces the rules' on its cue, and so does one that resolves a pronoun the rules left `UNRESOLVED`. Where the
/// parse reads a cue the rules read and sees what their word windows cannot, the rules' triple
/// goes: a holder and target the frames swap, a stance a governing verb takes back, a verb cue
/// the parse reads as no verb, a holder taken from a list of names before the verb that the
/// frames do not give, a stance the frames read the other way from the same holder (also on a
/// cue the frames read as an act another cue takes: `X vetoed sanctions against Y`), a target
/// that is only the place where the verb's object or another verb's act happens (`condemned
/// the violence in Y`, `praised the soldiers fighting in Y`), a target outside the clause of the
/// verb cue it was read from (`X accused the minister of fraud as Y watched`), an active
/// reading of a verb the parse reads with an agent phrase (`X backed a plan opposed by Y`), a
/// holder named
/// inside the phrase the frames read theirs from (`Peru's Justice Ministry`); and only a
/// rules triple that stays keeps the frames' triples toward its target in its sentence out.
fn combine(rules: Vec<Stance>, syntax: &crate::stance_v2::StanceTagger, text: &str) -> Vec<Stance> {
    let sentences = syntax.sentences(text);
    let holding = |piece: Span| -> Span {
        let k = sentences.partition_point(|s| s.start <= piece.start);
        k.checked_sub(1)
            .map(|k| sentences[k])
            .filter(|s| piece.end <= s.end)
            .unwrap_or(piece)
    };
    let mut out: Vec<Stance> = rules
        .into_iter()
        .map(|mut s| {
            s.sentence = holding(s.sentence);
            s
        })
        .collect();
    let overlap = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let same_holder = |a: &Stance, b: &Stance| {
        a.holder == b.holder || matches!((a.holder_span, b.holder_span), (Some(x), Some(y)) if overlap(x, y))
    };
    let mut verb_cues: Vec<Span> = out
        .iter()
        .filter(|r| r.rule.starts_with("verb:"))
        .map(|r| r.cue_span)
        .collect();
    verb_cues.sort_unstable_by_key(|c| (c.start, c.end));
    let (frames, readings) = syntax.tag_with_readings(text, &verb_cues);
    let vetoed = readings.vetoed;
    let frame_cues = SpanIndex::new(frames.iter().map(|s| s.cue_span));
    // The frames' triples on a cue that overlaps `span`.
    let frames_on = |span: Span| frame_cues.overlapping(span).map(|i| &frames[i]);
    let vetoed_cues = SpanIndex::new(vetoed.iter().copied());
    // A cue whose stance a governing verb takes back in the parse (denied, refused, weighed),
    // and that the parse finds nothing on, holds none the rules' word windows may see (`X
    // denied supporting Y`).
    out.retain(|r| {
        vetoed_cues.overlapping(r.cue_span).next().is_none() || frames_on(r.cue_span).next().is_some()
    });
    // A verb cue of the rules that the parse reads as the particle of the verb before it (`X
    // fired back that Y ...`: `back` is no backing), or as a noun with its own determiner,
    // preposition or possessive (`X came under attack from Y`: no attack by X; `X's arrest by
    // Y`), is no verb.
    let mut not_verbs = readings.not_verbs;
    not_verbs.sort_unstable();
    out.retain(|r| !r.rule.starts_with("verb:") || not_verbs.binary_search(&r.cue_span).is_err());
    // A target the parse reads as the place where the verb's object or another verb's act
    // happens (`X condemned the violence in Y`, `X praised the soldiers fighting in Y`), with
    // no frame triple toward it on the cue, is no party to the stance: the rules' window read
    // past the noun.
    let places = SpanIndex::new(readings.places.iter().map(|&(place, _)| place));
    out.retain(|r| {
        let place_of_event = r.target_span.is_some_and(|t| {
            places
                .overlapping(t)
                .any(|k| readings.places[k].1.is_none_or(|verb| !overlap(verb, r.cue_span)))
        });
        !r.rule.starts_with("verb:") || !place_of_event || frames_on(r.cue_span).any(|s| s.target == r.target)
    });
    // A target outside the clause of the verb cue it was read from, a verb the parse reads
    // with an object of its own or as a passive, is no argument of that verb (`X and Y accused
    // the studio head of harassment, and Z published ...`: not against Z; `Z said the
    // fighters, who are backed by X, ...`: not for Z), unless the frames read the cue toward it
    // too: the rules' window read past the clause.
    let clauses = SpanIndex::new(readings.verb_clauses.iter().map(|(verb, _)| *verb));
    out.retain(|r| {
        let outside = r
            .target_span
            .is_some_and(|t| outside_reading(&clauses, &readings.verb_clauses, r.cue_span, t));
        !r.rule.starts_with("verb:") || !outside || frames_on(r.cue_span).any(|s| s.target == r.target)
    });
    // A label set beside the name it describes, right before it or in apposition to it
    // (`dictator X`, `X, Peru's dictator,`), is a descriptor and no stance (the guidelines'
    // descriptors): no one in the sentence calls X that, whoever the rules' window found.
    let appositions = SpanIndex::new(readings.appositions.iter().map(|&(noun, _)| noun));
    out.retain(|r| {
        let descriptor = r.target_span.is_some_and(|t| {
            // (A one-word cue: `a threat to X` says something of X.)
            let before = r.cue_span.end <= t.start
                && text[r.cue_span.end..t.start].trim().is_empty()
                && !text[r.cue_span.start..r.cue_span.end].contains(char::is_whitespace);
            before
                || appositions
                    .overlapping(r.cue_span)
                    .any(|k| overlap(readings.appositions[k].1, t))
        });
        !r.rule.starts_with("evaluative:") || !descriptor
    });
    // A crowd the parse reads as someone else's (`Islamic State supporters`, `the group's
    // followers` beside a sentence about X) is no crowd of the target: the rules took the
    // target from elsewhere in the sentence. (A possessive pronoun may stand for the target.)
    let owned = SpanIndex::new(readings.noun_owners.iter().map(|(noun, _)| *noun));
    out.retain(|r| {
        let others = r
            .target_span
            .is_some_and(|t| outside_reading(&owned, &readings.noun_owners, r.cue_span, t));
        !r.rule.starts_with("crowd:") || !others || frames_on(r.cue_span).any(|s| same_holder(s, r))
    });
    // A holder the rules read for an active verb cue outside the subject the parse gives that
    // verb, and not named in it either (`the file on Y that backs Z`; `X worked for Y and
    // accused Z`: X accuses, not Y), is no holder of it, unless the frames give the same triple
    // on the cue: the rules' window took a nearer name. (A pronoun subject may stand for
    // anyone; those verbs are not read. The speaker of reported speech holds its stances.)
    // And a target inside that subject is none of the verb's (`senators including X and Y
    // accused Z`: not against Y).
    let subjects = SpanIndex::new(readings.verb_subjects.iter().map(|(verb, _, _)| *verb));
    out.retain(|r| {
        let subject_of_cue = || {
            subjects
                .overlapping(r.cue_span)
                .map(|k| &readings.verb_subjects[k])
        };
        let holder_outside = r.holder_span.is_some_and(|h| {
            subject_of_cue()
                .any(|(_, words, names)| words.iter().all(|&w| !overlap(w, h)) && !names.contains(&r.holder))
        });
        let target_inside = r
            .target_span
            .is_some_and(|t| subject_of_cue().any(|(_, words, _)| words.iter().any(|&w| overlap(w, t))));
        !r.rule.starts_with("verb:active")
            || (r.rule.contains("reported-speech") || !holder_outside) && !target_inside
            || frames_on(r.cue_span).any(|s| same_holder(s, r) && s.target == r.target)
    });
    // An active reading of a verb cue the parse reads with an agent phrase is the wrong voice
    // (`Y backed a plan opposed by X`: X opposes the plan, Y opposes no one), unless the frames
    // read the cue toward the same target.
    let agent_verbs = SpanIndex::new(readings.agent_verbs.iter().copied());
    out.retain(|r| {
        !r.rule.starts_with("verb:active")
            || agent_verbs.overlapping(r.cue_span).next().is_none()
            || frames_on(r.cue_span).any(|s| s.target == r.target)
    });
    // A holder the rules took from a list of names before an active verb (their rule
    // `verb:active+subject+list`: `Unlike Peru, X backs Y`, `Speaking in Lima, X denounced Y`)
    // that the parse, reading the same cue toward the same target, does not give is no holder.
    out.retain(|r| {
        !r.rule.contains("active+subject+list")
            || !frames_on(r.cue_span).any(|s| s.target == r.target && s.stance == r.stance)
            || frames_on(r.cue_span).any(|s| same_holder(s, r))
    });
    let covered: std::collections::HashSet<(usize, String)> =
        out.iter().map(|s| (s.sentence.start, s.target.clone())).collect();
    // A frame triple on the same cue as a rules triple, with the same target and stance but a
    // holder the rules do not have, is a holder the rules missed (`the US and a handful of
    // other governments recognised X`: the rules found the US only).
    let rule_cues = SpanIndex::new(out.iter().map(|r| r.cue_span));
    let more_holders = |s: &Stance| {
        let mut same_cue = rule_cues
            .overlapping(s.cue_span)
            .map(|i| &out[i])
            .filter(|r| r.target == s.target && r.stance == s.stance)
            .peekable();
        same_cue.peek().is_some() && !same_cue.any(|r| same_holder(r, s))
    };
    // A frame triple whose cue takes an act that the rules read as a cue of another holder
    // (`Hungary blocked new EU sanctions against Russia`: the rules read the EU's sanctions,
    // the parse Hungary's blocking of them) is another holder's stance on that act.
    let acted_on: HashMap<usize, Span> = readings.taken_acts.iter().copied().collect();
    let on_rules_act = |i: usize| {
        acted_on.get(&i).is_some_and(|&act| {
            rule_cues
                .overlapping(act)
                .any(|k| !same_holder(&out[k], &frames[i]))
        })
    };
    // (Indices into `frames`, ascending.)
    let added: Vec<usize> = (0..frames.len())
        .filter(|&i| {
            let s = &frames[i];
            !covered.contains(&(s.sentence.start, s.target.clone())) || more_holders(s) || on_rules_act(i)
        })
        .collect();
    // A relative pronoun names the holder for certain (`Y, which has backed X`), and so do a
    // text's author (`Hungary vetoed an EU declaration backing X` is the EU's), the owner of a
    // decision or plan to act (`Chile was angered by Peru's decision to back X`) and the one
    // blamed, praised or thanked for an act (`Chile criticised Peru for backing X`), and a
    // crowd whose modifier says whose it is (`X loyalists attacked Y`): a rules triple on the
    // same cue with another holder took a nearer name by word distance.
    let certain: Vec<&Stance> = added
        .iter()
        .filter(|i| readings.certain_holders.binary_search(i).is_ok())
        .map(|&i| &frames[i])
        .collect();
    let certain_cues = SpanIndex::new(certain.iter().map(|s| s.cue_span));
    out.retain(|r| {
        !certain_cues.overlapping(r.cue_span).map(|i| certain[i]).any(|s| {
            r.target == s.target
                && r.stance == s.stance
                && !matches!((r.holder_span, s.holder_span), (Some(a), Some(b)) if overlap(a, b))
        })
    });
    // A rules holder named by words inside the phrase the parse read its holder from, on the
    // same cue toward the same target, is that holder named less well: `Peru's Justice
    // Ministry` is Peru, not a body called `Justice Ministry` (see `Hit::holder_phrase`).
    let phrase_of: HashMap<usize, Span> = readings.holder_phrases.iter().copied().collect();
    out.retain(|r| {
        let Some(named) = r.holder_span else {
            return true;
        };
        !frame_cues.overlapping(r.cue_span).any(|i| {
            let s = &frames[i];
            phrase_of.get(&i).is_some_and(|phrase| {
                phrase.start <= named.start
                    && named.end <= phrase.end
                    && s.holder != r.holder
                    && s.target == r.target
                    && s.stance == r.stance
                    && !s.holder_span.is_some_and(|h| overlap(h, named))
            })
        })
    });
    // On a cue both read, the parse's roles win over the rules' word order: a rules triple
    // whose holder and target the frames swap, and do not also give as the rules do, misread
    // who acts (`X won praise from Y`: the rules took X for the one praising).
    let on_cue = |r: &Stance, holder: &str, target: &str| {
        frames_on(r.cue_span).any(|s| s.holder == holder && s.target == target)
    };
    out.retain(|r| !on_cue(r, &r.target, &r.holder) || on_cue(r, &r.holder, &r.target));
    // On a cue both read, from the same holder toward the same target, the parse's stance wins
    // where the two differ: it sees what lies between the cue and the target (`condemned the
    // arrest of X` is for X; the rules' window reads `condemned ... X`).
    let parse_reads = |r: &Stance, agreeing: bool| {
        frames_on(r.cue_span)
            .any(|s| s.target == r.target && same_holder(s, r) && (s.stance == r.stance) == agreeing)
    };
    out.retain(|r| !parse_reads(r, false) || parse_reads(r, true));
    // A cue the parse reads as an act that another cue takes or turns (`X vetoed sanctions
    // against Y`: the sanctions are not X's), with a frame triple from the same holder toward
    // the same target the other way: the rules misread whose act it is.
    let acts = SpanIndex::new(readings.taken_acts.iter().map(|&(_, act)| act));
    out.retain(|r| {
        !acts.overlapping(r.cue_span).any(|k| {
            let s = &frames[readings.taken_acts[k].0];
            s.target == r.target && same_holder(s, r) && s.stance != r.stance
        })
    });
    // Only a rules triple that stays holds back the frames' triples toward its target in its
    // sentence: where the parse overruled it (above), they come in (`X said she had broken
    // with Y and that Cuba, which has backed Y, should leave`: the rules gave X the backing,
    // the relative pronoun gave it to Cuba, and X's break with Y is the parse's to give).
    let still_covered: std::collections::HashSet<(usize, &str)> = out
        .iter()
        .map(|s| (s.sentence.start, s.target.as_str()))
        .collect();
    let uncovered: Vec<usize> = (0..frames.len())
        .filter(|&i| {
            let s = &frames[i];
            covered.contains(&(s.sentence.start, s.target.clone()))
                && !still_covered.contains(&(s.sentence.start, s.target.as_str()))
                && added.binary_search(&i).is_err()
        })
        .collect();
    let mut added = added;
    added.extend(uncovered);
    added.sort_unstable();
    // A pronoun the rules left unresolved and the parse resolved (`the ministry of Peru said
    // that it rejected X`: `it` is Peru) takes the parse's holder.
    let mut resolved = std::collections::HashSet::new();
    for r in &mut out {
        if r.holder != UNRESOLVED {
            continue;
        }
        // (The parse names the pronoun's antecedent where it is in the same sentence, so the
        // holder spans need not meet.)
        let same = frame_cues.overlapping(r.cue_span).find(|&i| {
            let s = &frames[i];
            s.holder != UNRESOLVED && r.target == s.target && r.stance == s.stance
        });
        if let Some(i) = same {
            *r = Stance {
                sentence: r.sentence,
                ..frames[i].clone()
            };
            resolved.insert(i);
        }
    }
    out.extend(
        added
            .into_iter()
            .filter(|i| !resolved.contains(i))
            .map(|i| frames[i].clone()),
    );
    out.sort_by_key(|s| {
        (
            s.sentence.start,
            s.cue_span.start,
            s.holder_span.map_or(0, |h| h.start),
        )
    });
    out
}

/// Whether a reading of the parse on `cue` (an entry of `readings`, found through `index`, which
/// indexes their first spans) has words of which none meets `span`: `span` lies outside what
/// the parse reads there (a verb's clause, a noun's owners).
fn outside_reading(index: &SpanIndex, readings: &[(Span, Vec<Span>)], cue: Span, span: Span) -> bool {
    index.overlapping(cue).any(|k| {
        readings[k]
            .1
            .iter()
            .all(|w| w.end <= span.start || span.end <= w.start)
    })
}

/// The holder the guidelines give a pronoun speaker with no antecedent in the document.
pub(crate) const UNRESOLVED: &str = "UNRESOLVED";

/// Longest piece handed to the rules at once (bytes); longer "sentences" are cut at whitespace.
const MAX_PIECE: usize = 20_000;

/// Refines the splitter's sentences: a line break ends a sentence (headlines, captions), and
/// overlong pieces are cut at whitespace so memory stays bounded.
fn pieces(text: &str, sentences: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start;
        let body = &text[s.start..s.end];
        let push = |a: usize, b: usize, out: &mut Vec<Span>| {
            let piece = &text[a..b];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            let (a, b) = (a + lead, b - trail);
            if a >= b {
                return;
            }
            let mut a2 = a;
            while b - a2 > MAX_PIECE {
                let mut cut = a2 + MAX_PIECE;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let window = &text[a2..cut];
                let at = window
                    .rfind(char::is_whitespace)
                    .filter(|&p| p > 0)
                    .map_or(cut, |p| a2 + p);
                let at = if at <= a2 { cut } else { at };
                out.push(Span::new(a2, at));
                a2 = at;
                while a2 < b && text[a2..].starts_with(char::is_whitespace) {
                    a2 += text[a2..].chars().next().map_or(1, char::len_utf8);
                }
            }
            if a2 < b {
                out.push(Span::new(a2, b));
            }
        };
        for (i, c) in body.char_indices() {
            if c == '\n' {
                push(start, s.start + i, &mut out);
                start = s.start + i + 1;
            }
        }
        push(start, s.end, &mut out);
    }
    out
}

impl StanceTagger {
    /// The settings this tagger was built from.
    #[must_use]
    pub fn config(&self) -> &StanceTaggerConfig {
        &self.config
    }

    /// Serializes the settings as versioned JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        versioned::to_json("StanceTagger", &self.config)
    }

    /// Builds a tagger from JSON written by [`StanceTagger::to_json`].
    ///
    /// # Errors
    /// [`Error::Serialization`], [`Error::Version`] or [`Error::Config`].
    pub fn from_json(json: &str) -> Result<Self> {
        versioned::from_json::<StanceTaggerConfig>("StanceTagger", json)?.build()
    }

    fn ctx(&self, focus: Option<(usize, usize)>) -> Ctx<'_> {
        Ctx {
            res: Resources::get(),
            targets: &self.targets,
            actors: &self.actors,
            focus,
        }
    }

    /// The sentence spans the tagger works on: the splitter's sentences, cut at line breaks
    /// under the `rules` engine.
    #[must_use]
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        if let Some(syntax) = &self.syntax {
            return syntax.sentences(text);
        }
        pieces(text, &self.splitter.split(text))
    }

    /// Tags `text`: every stance triple found, in text order (by sentence, then cue).
    #[must_use]
    pub fn tag(&self, text: &str) -> Vec<Stance> {
        match (&self.syntax, self.config.engine) {
            (Some(syntax), StanceEngine::Syntax) => syntax.tag(text),
            (Some(syntax), _) => combine(self.tag_rules(text), syntax, text),
            (None, _) => self.tag_rules(text),
        }
    }

    /// The cue rules' triples, on the splitter's sentences cut at line breaks.
    fn tag_rules(&self, text: &str) -> Vec<Stance> {
        let ctx = self.ctx(None);
        let mut state = DocState::default();
        let mut out = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        let mut toks = Vec::new();
        for sent in pieces(text, &self.splitter.split(text)) {
            toks.clear();
            // A news dateline (`LIMA (Reuters) -`) is no part of the sentence's grammar.
            let story = sent.start + crate::sentence::dateline_len(sent.as_str(text));
            lex::scan_into(text, story, sent.end, &mut toks);
            hits.clear();
            rules::tag_sentence(&toks, &ctx, &mut state, &mut hits);
            hits.sort_by_key(|h| (h.cue.0, h.holder_span.map_or(0, |s| s.0)));
            for mut h in hits.drain(..) {
                let target_span = Span::new(h.target_span.0, h.target_span.1);
                // The classifier re-scores a triple (the mean of rule strength and its
                // probability of the triple's polarity); it never adds or removes one.
                if let Some(p) = self
                    .rescorer
                    .as_ref()
                    .and_then(|r| r.probability(text, sent, target_span, h.polarity))
                {
                    h.score = 0.5 * h.score + 0.5 * p;
                    h.rule.push_str("+clf");
                }
                if f64::from(h.score) < self.config.min_score {
                    continue;
                }
                out.push(Stance {
                    holder: h.holder,
                    holder_span: h.holder_span.map(|(a, b)| Span::new(a, b)),
                    target: h.target,
                    target_span: Some(target_span),
                    stance: h.polarity,
                    cue_span: Span::new(h.cue.0, h.cue.1),
                    sentence: sent,
                    score: f64::from((h.score * 1000.0).round() / 1000.0),
                    rule: h.rule,
                });
            }
        }
        out
    }

    /// The stance expressed toward the mention at `target` (byte span) in its sentence, whoever
    /// holds it: FAVOR, AGAINST, or NONE.
    ///
    /// Decided by the shipped NewsMTSC classifier ([`crate::classify::Model::default_newsmtsc`]);
    /// rule cues aimed at the mention can nudge it (see `CLS_CLF_RULE_WEIGHT`). A span out of
    /// bounds, empty, or not on character boundaries gives NONE.
    #[must_use]
    pub fn classify(&self, text: &str, target: Span) -> Label {
        let Some((rules, _lexical)) = self.classify_scores(text, target) else {
            return Label::None;
        };
        // The shipped NewsMTSC classifier decides; rule evidence aimed at the mention nudges
        // the FAVOR/AGAINST probabilities by CLS_CLF_RULE_WEIGHT per unit of rule score.
        let model = crate::classify::Model::default_newsmtsc();
        let (_, probs) = model.predict(text, target);
        let mut best = (Label::None, f32::NEG_INFINITY);
        for (name, &p) in model.labels().iter().zip(&probs) {
            let (label, p) = match name.as_str() {
                "FAVOR" => (Label::Favor, p + CLS_CLF_RULE_WEIGHT * rules.max(0.0)),
                "AGAINST" => (Label::Against, p + CLS_CLF_RULE_WEIGHT * (-rules).max(0.0)),
                _ => (Label::None, p),
            };
            if p > best.1 {
                best = (label, p);
            }
        }
        best.0
    }

    /// The two evidence scores behind [`StanceTagger::classify`]: `(rules, lexical)`, where
    /// `rules` is the summed score of FAVOR minus AGAINST cues aimed at the mention and `lexical`
    /// the normalized (-1..1) valence around it. `None` for an invalid span.
    #[doc(hidden)]
    #[must_use]
    pub fn classify_scores(&self, text: &str, target: Span) -> Option<(f32, f32)> {
        if target.start >= target.end
            || target.end > text.len()
            || !text.is_char_boundary(target.start)
            || !text.is_char_boundary(target.end)
        {
            return None;
        }
        let sent = self
            .sentences(text)
            .into_iter()
            .find(|s| s.start <= target.start && target.start < s.end)?;
        let ctx = self.ctx(Some((target.start, target.end)));
        let mut state = DocState::default();
        let mut hits = Vec::new();
        let toks = lex::scan(text, sent.start, sent.end.max(target.end));
        rules::tag_sentence(&toks, &ctx, &mut state, &mut hits);
        let mut rules_score = 0.0f32;
        for h in hits.iter().filter(|h| h.target == FOCUS) {
            match h.polarity {
                Polarity::Favor => rules_score += h.score,
                Polarity::Against => rules_score -= h.score,
            }
        }
        // Valence of the words around the mention.
        let res = Resources::get();
        let ts = toks.iter().position(|t| t.end > target.start).unwrap_or(0);
        let te = toks
            .iter()
            .rposition(|t| t.start < target.end)
            .map_or(ts + 1, |k| k + 1);
        let mut sum = 0.0f32;
        for (k, t) in toks.iter().enumerate() {
            if k >= ts && k < te {
                continue;
            }
            let Some(&v) = res.valence.get(t.norm.as_str()) else {
                continue;
            };
            // A negator up to three words before flips the word's valence (the clause
            // negators both engines read: `rules::is_local_negator`).
            let negated = toks[k.saturating_sub(3)..k]
                .iter()
                .any(|p| rules::is_local_negator(&p.norm));
            let v = if negated { -0.74 * v } else { v };
            let d = if k < ts { ts - k } else { k + 1 - te };
            sum += v / (1.0 + d as f32 / CLS_WINDOW);
        }
        let lexical = sum / (sum * sum + 15.0).sqrt();
        Some((rules_score, lexical))
    }
}

/// Weight of rule evidence added to the classifier's probability in [`StanceTagger::classify`]
/// (NewsMTSC dev macro-F1 rw/mt: 0 -> 0.703/0.676, 0.5 -> 0.705/0.670, 1.0 -> 0.705/0.665; 0.5
/// keeps explicit rule cues decisive where the classifier hesitates, see tests/test_stance.py).
const CLS_CLF_RULE_WEIGHT: f32 = 0.5;
/// Distance (tokens) at which a word's valence counts half.
const CLS_WINDOW: f32 = 5.0;

/// The `n` people mentioned most often in `texts`, as `(canonical name, aliases)` ready to use
/// as targets: known officials from the gazetteer under their canonical name, other capitalised
/// names merged by surname ("Juan Guaido" and "Guaido"). Ties are broken by name.
#[must_use]
pub fn most_mentioned_people(texts: &[&str], n: usize) -> Vec<(String, Vec<String>)> {
    let res = Resources::get();
    let tagger = StanceTagger::default();
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut aliases: HashMap<String, HashSet<String>> = HashMap::new();
    let mut unknown: Vec<(String, String)> = Vec::new(); // (surface, last word)
    for text in texts {
        for sent in tagger.sentences(text) {
            let toks = lex::scan(text, sent.start, sent.end);
            // Title-case lines (headlines) capitalise function words: no unknown names there.
            let headline = lex::is_title_case_line(&toks);
            let mut i = 0;
            while i < toks.len() {
                if let Some((end, hit)) = res.actor_table.match_at(&toks, i, toks.len()) {
                    let actor = &res.actors[hit.actor as usize];
                    if actor.kind == ActorKind::Person {
                        *counts.entry(actor.name.clone()).or_default() += 1;
                        let surface = text[toks[i].start..toks[end - 1].end].to_owned();
                        aliases.entry(actor.name.clone()).or_default().insert(surface);
                    }
                    i = end;
                    continue;
                }
                let t = &toks[i];
                let name_word = |t: &lex::Tok| {
                    t.cap
                        && t.norm.len() > 1
                        && t.norm.chars().all(char::is_alphabetic)
                        && !is_common_cap(&t.norm)
                        && !res.cues.has_first(&t.norm)
                };
                if !headline && name_word(t) && i > 0 {
                    let mut j = i + 1;
                    while j < toks.len()
                        && name_word(&toks[j])
                        && res.actor_table.match_at(&toks, j, toks.len()).is_none()
                        && j - i < 4
                    {
                        j += 1;
                    }
                    let surface = text[toks[i].start..toks[j - 1].end].to_owned();
                    unknown.push((surface, toks[j - 1].norm.clone()));
                    i = j;
                    continue;
                }
                i += 1;
            }
        }
    }
    // Unknown names: a multi-word name seen at least once anchors its surname.
    let mut full_by_last: HashMap<String, String> = HashMap::new();
    for (surface, last) in &unknown {
        if surface.split_whitespace().count() >= 2 {
            full_by_last
                .entry(last.clone())
                .or_insert_with(|| surface.clone());
        }
    }
    for (surface, last) in &unknown {
        let Some(full) = full_by_last.get(last) else {
            continue;
        };
        *counts.entry(full.clone()).or_default() += 1;
        aliases.entry(full.clone()).or_default().insert(surface.clone());
    }
    // (Proposed targets must suit either engine: the parse frames' test too.)
    rank_people(counts, aliases, n, crate::stance_v2::alias_test())
}

/// The `n` names counted most often, ties broken by name, as `(name, aliases)` ready to use as
/// targets: the other spellings seen, and the surname, sorted. Ready to use: no name or alias
/// that `alias_ok` (the engine's own test) or the rules' test refuses (a stop word: `You` of a
/// name `Getty Images You`), and none that a person ranked higher has already (`Un` of `Kim
/// Jong Un` and of `Jong Un`: the second keeps its full name only).
/// Both engines' `most_mentioned_people` end here.
pub(crate) fn rank_people(
    counts: HashMap<String, usize>,
    mut aliases: HashMap<String, HashSet<String>>,
    n: usize,
    alias_ok: impl Fn(&str) -> bool,
) -> Vec<(String, Vec<String>)> {
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // (Keyed as both engines compare aliases: their words, lower case.)
    let key = |alias: &str| -> Vec<String> { alias.split_whitespace().map(str::to_lowercase).collect() };
    let mut taken: HashSet<Vec<String>> = HashSet::new();
    let mut out = Vec::new();
    for (name, _) in ranked {
        if out.len() == n {
            break;
        }
        let usable = |alias: &str| alias_ok(alias) && check_alias(&name, alias).is_ok();
        if !usable(&name) || taken.contains(&key(&name)) {
            continue;
        }
        let mut al: Vec<String> = aliases.remove(&name).unwrap_or_default().into_iter().collect();
        al.extend(name.split_whitespace().last().map(str::to_owned));
        al.sort();
        al.dedup();
        al.retain(|a| *a != name && usable(a) && !taken.contains(&key(a)));
        taken.insert(key(&name));
        taken.extend(al.iter().map(|a| key(a)));
        out.push((name, al));
    }
    out
}

fn is_common_cap(norm: &str) -> bool {
    static COMMON: WordList = WordList::new("common");
    COMMON.contains(&norm)
}
