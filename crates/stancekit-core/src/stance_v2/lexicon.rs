//! The stance engine's data: cue frames and word lists (`resources/stance/v2/`), and the
//! gazetteer of actors (`resources/stance/countries.tsv`, `actors.tsv`). Each list exists once;
//! every rule of the engine reads it from here.

use crate::resource::{cached, data_lines, error};
pub(crate) use crate::stance::Polarity;
use crate::{Error, Result};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const FRAMES: &str = include_str!("../../resources/stance/v2/frames.tsv");
const SAY_VERBS: &str = include_str!("../../resources/stance/v2/say_verbs.txt");
const DIRECTIVE_VERBS: &str = include_str!("../../resources/stance/v2/directive_verbs.txt");
const INTENT_VERBS: &str = include_str!("../../resources/stance/v2/intent_verbs.txt");
const BLOCKING_VERBS: &str = include_str!("../../resources/stance/v2/blocking_verbs.txt");
const HYPOTHETICAL: &str = include_str!("../../resources/stance/v2/hypothetical.txt");
const NEGATION: &str = include_str!("../../resources/stance/v2/negation.txt");
const PREPOSITIONS: &str = include_str!("../../resources/stance/v2/prepositions.txt");
const LIGHT_VERBS: &str = include_str!("../../resources/stance/v2/light_verbs.txt");
const GROUP_NOUNS: &str = include_str!("../../resources/stance/v2/group_nouns.txt");

/// The kinds of `negation.txt` whose words negate what follows them in a clause (named for
/// their relation in the parse), as the rules engine and the classifier read them with no
/// parse.
pub(crate) const CLAUSE_NEGATOR_KINDS: &[&str] = &["advmod", "det", "cc", "case"];
const GOVERNMENT_NOUNS: &str = include_str!("../../resources/stance/v2/government_nouns.txt");
const TITLES: &str = include_str!("../../resources/stance/v2/titles.txt");
const CALENDAR: &str = include_str!("../../resources/stance/v2/calendar.txt");
const PRONOUNS: &str = include_str!("../../resources/stance/v2/pronouns.txt");
const FUNCTION_WORDS: &str = include_str!("../../resources/stance/v2/function_words.txt");
const NEWS_OUTLETS: &str = include_str!("../../resources/stance/v2/news_outlets.txt");
const OBJECT_SETS: &str = include_str!("../../resources/stance/v2/object_sets.txt");
const COUNTRIES: &str = include_str!("../../resources/stance/countries.tsv");
const ACTORS: &str = include_str!("../../resources/stance/actors.tsv");

/// The part of speech a frame's cue has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CuePos {
    Verb,
    Noun,
    Adj,
    /// The word before a hyphen (`pro` in `pro-X`).
    Prefix,
    /// The word after a hyphen (`backed` in `X-backed`).
    Suffix,
}

/// Where a frame finds its holder or target, relative to the cue word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Agent,
    Patient,
    Obl(String),
    Nmod(String),
    Poss,
    Compound,
    Amod,
    Iobj,
    Head,
    Stem,
    Subject,
    Own,
    Speaker,
    Directive,
    /// The subject of the cue's clausal complement (`alleged that X rigged the vote`).
    Accused,
}

/// The roles with a fixed name, as the frames file writes them (the others are `obl:P` and
/// `nmod:P`); one table serves reading and explaining.
const NAMED_ROLES: [(&str, Role); 13] = [
    ("agent", Role::Agent),
    ("patient", Role::Patient),
    ("poss", Role::Poss),
    ("compound", Role::Compound),
    ("amod", Role::Amod),
    ("iobj", Role::Iobj),
    ("head", Role::Head),
    ("stem", Role::Stem),
    ("subject", Role::Subject),
    ("self", Role::Own),
    ("speaker", Role::Speaker),
    ("directive", Role::Directive),
    ("accused", Role::Accused),
];

impl Role {
    fn parse(s: &str) -> Option<Self> {
        if let Some((_, role)) = NAMED_ROLES.iter().find(|(name, _)| *name == s) {
            return Some(role.clone());
        }
        if let Some(p) = s.strip_prefix("obl:") {
            Some(Self::Obl(p.to_owned()))
        } else {
            s.strip_prefix("nmod:").map(|p| Self::Nmod(p.to_owned()))
        }
    }

    /// The role's name as the frames file writes it (for explanations).
    pub(crate) fn name(&self) -> String {
        match self {
            Self::Obl(p) => format!("obl:{p}"),
            Self::Nmod(p) => format!("nmod:{p}"),
            named => NAMED_ROLES
                .iter()
                .find(|(_, role)| role == named)
                .map(|(name, _)| (*name).to_owned())
                .unwrap_or_default(),
        }
    }
}

/// One cue frame (a row of `frames.tsv`).
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub lemma: String,
    pub pos: CuePos,
    pub stance: Polarity,
    pub holder: Vec<Role>,
    pub target: Vec<Role>,
    /// The particle the cue needs (`step` + `down`).
    pub particle: Option<String>,
    /// The objects the cue needs, as lemmas (`leave` + `power`): none when empty.
    pub objects: Vec<String>,
    /// An oblique the cue needs: its preposition and the lemmas its noun may have
    /// (`provided X with weapons`: `obl:with=@aid`).
    pub oblique: Option<(String, Vec<String>)>,
    /// Negated, the stance becomes AGAINST instead of disappearing.
    pub negated_against: bool,
    /// A weak or indirect cue.
    pub hard: bool,
    /// A protective cue (`protect`, `shield`): asked of someone else, it is a humanitarian
    /// appeal, not a stance of whoever asks.
    pub appeal: bool,
    /// A relation both ways (`ally`, `rival`): with no target named, the coordinated holders
    /// hold it toward each other (`X and Y are allies`).
    pub mutual: bool,
    /// The cue counts only alone, with no object, particle, oblique, adverb or clause of its
    /// own (`X must go`, not `X must go to Lima` or `go ahead`).
    pub bare: bool,
    /// The prepositions a noun cue must stand in a phrase of (`came to X's defence`: `to`);
    /// any or none when empty.
    pub cases: Vec<String>,
    /// An example sentence and the head words of its holder and target (the tests run every
    /// frame's example).
    #[cfg_attr(not(test), allow(dead_code))]
    pub example: String,
    #[cfg_attr(not(test), allow(dead_code))]
    pub example_holder: String,
    #[cfg_attr(not(test), allow(dead_code))]
    pub example_target: String,
}

/// What a say-type verb is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SayKind {
    /// Reports what its subject says.
    Plain,
    /// Labels its object (`called X a dictator`): the object is the one judged.
    Label,
    /// Suggests rather than says.
    Hedge,
    /// A noun of opinion whose owner says the clause it is the outer subject of (`My view is
    /// that ...`).
    Noun,
}

/// What a governing verb does to the stance of its complement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Blocking {
    /// `refused to recognise X`: FAVOR becomes AGAINST (AGAINST is dropped).
    Flip,
    /// `failed to recognise X`: no stance.
    Drop,
}

/// What a light verb does to the noun cue it carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Light {
    /// Its agent receives the stance (`X won the backing of Y`).
    pub receiver: bool,
    /// It takes the stance away (`lifted sanctions on X`).
    pub remove: bool,
    /// A receiver whose noun cue is also the reason in a `for` phrase, given by its object
    /// (`X thanked Y for its support`: Y's support of X).
    pub reason: bool,
    /// Its object receives the noun cue given in a prepositional phrase (`assured X of its
    /// support`), as an indirect object would.
    pub recipient: bool,
    /// Its passive subject is in the state its noun cue names, given with `in` (`X is locked in
    /// a dispute with Y`), and holds it.
    pub state: bool,
    /// The preposition it takes its noun with (`prt=under`: `came under criticism`), which the
    /// parser may read as the noun's `case` rather than the verb's particle.
    pub particle: Option<String>,
}

/// How a word in front of a name relates to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TitleKind {
    /// Mr, Dr: part of no name.
    Honorific,
    /// President, Senator: an office.
    Office,
    /// lawmaker, spokesman: a role description.
    Role,
}

/// What a pronoun refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PronounKind {
    /// The last person named (`he`).
    Person,
    /// The last country, body or group named (`they`, `it`).
    Group,
    /// The speaker of the clause or quote (`we`).
    Speaker,
}

/// What a function word does for the operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FunctionKind {
    /// A relative pronoun.
    Relative,
    /// Introduces members of a group.
    List,
    /// Introduces those left out.
    Exception,
    /// A noun of amount that stands for its `of` phrase.
    Quantity,
    /// A word of amount before a group noun (`several countries`): no part of the group's name.
    Quantifier,
    /// A word of direction or area that turns the demonym after it into a region (`Latin
    /// American`, `East European`): no country.
    Region,
    /// Marks the one not chosen (`backed X instead of Y`): a favouring cue is against it.
    Alternative,
    /// Marks an act opposed (`voted against sanctions on X`): a favouring act under it is
    /// against its target, an opposing one holds no stance.
    Opposition,
    /// A reciprocal pronoun (`each other`): each of the holders toward the others.
    Reciprocal,
    /// A verb (lemma) whose object is a predicate of its subject, as after `be` (`X remained
    /// the rightful leader`).
    Linking,
    /// The possessive ending (`'s`): what stands before it owns what follows.
    Possessive,
    /// The conjunction that joins the members of a list (`and`).
    Coordinator,
    /// The definite article: a common noun after it describes someone named before.
    Definite,
    /// A lower-case particle inside a person's name (`bin`, `van`, `de`): the name is still a
    /// person's (`Mohammed bin Salman`).
    NameParticle,
    /// A verb (lemma) whose object shares the act of its gerund clause (`joined Chile in
    /// condemning X`).
    Companion,
    /// An adverb particle that makes a phrasal verb with the verb before it (`back down`).
    Particle,
}

/// A word's entry in a list with one optional note column.
pub(super) type Noted = HashMap<String, Vec<String>>;

/// Kinds of actor in the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ActorKind {
    Country,
    Org,
    Region,
    Person,
}

/// One gazetteer actor.
#[derive(Clone, Debug)]
pub(crate) struct Actor {
    pub name: String,
    pub kind: ActorKind,
    /// A country's ISO code; for a person, the code of the country they serve.
    pub country: Option<String>,
    /// A person who heads the government of `country`.
    pub head: bool,
    /// For a person, the gazetteer index of the country they serve.
    pub serves: Option<u32>,
}

/// One alias of an actor, as words.
#[derive(Clone, Debug)]
pub(crate) struct Alias {
    /// Lower-cased words.
    pub words: Vec<String>,
    /// Per word: must it be capitalised in the text (written so in the alias), or all upper case
    /// (a 2-4 letter acronym)?
    pub case: Vec<CaseRule>,
    pub actor: u32,
}

/// How a word of an alias must be written in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaseRule {
    Any,
    Capitalised,
    Upper,
}

impl CaseRule {
    fn of(word: &str) -> Self {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        if (2..=4).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase()) {
            Self::Upper
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            Self::Capitalised
        } else {
            Self::Any
        }
    }

    /// Whether `text` (a word of the text) is written as the rule requires.
    pub(crate) fn allows(self, text: &str) -> bool {
        match self {
            Self::Any => true,
            Self::Capitalised => text.chars().next().is_some_and(char::is_uppercase),
            Self::Upper => !text.chars().any(char::is_lowercase),
        }
    }
}

/// Aliases by their first (lower-cased) word, longest first.
#[derive(Clone, Debug, Default)]
pub(crate) struct AliasTable {
    by_first: HashMap<String, Vec<Alias>>,
}

impl AliasTable {
    pub(crate) fn insert(&mut self, alias: Alias) {
        let list = self.by_first.entry(alias.words[0].clone()).or_default();
        list.push(alias);
        list.sort_by_key(|a| std::cmp::Reverse(a.words.len()));
    }

    /// The longest alias matching the words starting at `i` (`lower` lower-cased, `text` as
    /// written), with its length.
    pub(crate) fn longest(&self, lower: &[String], text: &[&str], i: usize) -> Option<(&Alias, usize)> {
        let candidates = self.by_first.get(&lower[i])?;
        candidates.iter().find_map(|a| {
            let n = a.words.len();
            let fits = i + n <= lower.len()
                && a.words.iter().zip(&lower[i..i + n]).all(|(w, l)| w == l)
                && a.case.iter().zip(&text[i..i + n]).all(|(c, t)| c.allows(t));
            fits.then_some((a, n))
        })
    }
}

/// Everything the engine reads.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub frames: Vec<Frame>,
    /// Frames by part of speech, then cue lemma (looked up by `&str`, without allocating).
    by_cue: HashMap<CuePos, HashMap<String, Vec<usize>>>,
    pub say: HashMap<String, SayKind>,
    /// The say-type verbs that say only with a particle (`fire back`, `point out`).
    pub say_with_particle: HashSet<String>,
    pub directive: Noted,
    pub intent: HashSet<String>,
    pub blocking: HashMap<String, (Blocking, Option<String>)>,
    pub hypothetical: Noted,
    pub negation: Noted,
    pub light: HashMap<String, Light>,
    /// The particles some frame or light verb takes (`down` of `crack down`), and those of
    /// function_words.txt.
    particles: HashSet<String>,
    pub groups: HashSet<String>,
    /// Words of number that stand alone for a crowd (`group_nouns.txt`, note `number`).
    pub crowd_numbers: HashSet<String>,
    /// Group nouns that stand for the state a country modifier names (`US officials` are the
    /// United States): group_nouns.txt note `state`.
    pub state_groups: HashSet<String>,
    pub government: Noted,
    pub titles: HashMap<String, TitleKind>,
    pub calendar: HashSet<String>,
    pub pronouns: HashMap<String, PronounKind>,
    /// Pronouns that take all of a coordination (`they`).
    pub plural_pronouns: HashSet<String>,
    /// Pronouns in the subject form (`he`, `they`; not `his`, `them`).
    pub subject_pronouns: HashSet<String>,
    /// Pronouns that name their own clause's subject (pronouns.txt `reflexive`: `himself`).
    pub reflexive_pronouns: HashSet<String>,
    pub function: HashMap<String, FunctionKind>,
    /// What a preposition's object is to its noun (prepositions.txt: owner, source, seat,
    /// patient, agent, member, principal, label, partitive, charge, reason, clause_subject,
    /// infinitive, content).
    pub prepositions: Noted,
    /// The roles of a noun cue that name its holder when a receiving light verb carries it, in
    /// the order tried: the `source` prepositions of prepositions.txt, in file order (`X won
    /// the backing of Y`, `support from Y`, `support among Y`), then `Y's support`, `Y
    /// support`, `Russian support`.
    pub received_from: Vec<Role>,
    /// Relative pronouns that stand for persons only (`who`): function_words.txt's `person`.
    pub person_relatives: HashSet<String>,
    pub actors: Vec<Actor>,
    pub aliases: AliasTable,
    /// Words of news outlets' names (news_outlets.txt): `head` or `name`.
    pub outlets: Noted,
}

fn bad(file: &str, line: usize, message: impl std::fmt::Display) -> Error {
    error(&format!("stance/{file}"), line, message)
}

/// The data lines of a resource, numbered from 1, split at tabs.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    data_lines(text).map(|(n, l)| (n, l.split('\t').map(str::trim).collect()))
}

/// A word list whose second column holds `|`- or `,`-separated notes.
pub(super) fn noted(text: &str) -> Noted {
    rows(text)
        .map(|(_, cols)| {
            let notes = cols
                .get(1..)
                .unwrap_or(&[])
                .iter()
                .flat_map(|c| c.split([',', '|']))
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect();
            (cols[0].to_lowercase(), notes)
        })
        .collect()
}

/// Frames from frames.tsv; `obj=@SET` flags take their lemmas from `sets` (object_sets.txt:
/// lemma -> the sets it belongs to).
pub(super) fn parse_frames(text: &str, sets: &Noted) -> Result<Vec<Frame>> {
    let file = "v2/frames.tsv";
    let mut frames = Vec::new();
    for (line, cols) in rows(text) {
        if cols.len() != 9 {
            return Err(bad(
                file,
                line,
                format!("expected 9 columns, found {}", cols.len()),
            ));
        }
        let pos = match cols[1] {
            "VERB" => CuePos::Verb,
            "NOUN" => CuePos::Noun,
            "ADJ" => CuePos::Adj,
            "PREFIX" => CuePos::Prefix,
            "SUFFIX" => CuePos::Suffix,
            other => return Err(bad(file, line, format!("unknown part of speech {other:?}"))),
        };
        let stance = match cols[2] {
            "FAVOR" => Polarity::Favor,
            "AGAINST" => Polarity::Against,
            other => return Err(bad(file, line, format!("unknown stance {other:?}"))),
        };
        let roles = |s: &str| -> Result<Vec<Role>> {
            s.split('|')
                .map(|r| Role::parse(r).ok_or_else(|| bad(file, line, format!("unknown role {r:?}"))))
                .collect()
        };
        // The lemmas of an object set (sorted), or an error naming the line.
        let set_lemmas = |set: &str| -> Result<Vec<String>> {
            let mut lemmas: Vec<String> = sets
                .iter()
                .filter(|(_, in_sets)| in_sets.iter().any(|n| n == set))
                .map(|(lemma, _)| lemma.clone())
                .collect();
            if lemmas.is_empty() {
                return Err(bad(
                    file,
                    line,
                    format!("no object set {set:?} in object_sets.txt"),
                ));
            }
            lemmas.sort_unstable();
            Ok(lemmas)
        };
        let mut frame = Frame {
            lemma: cols[0].to_lowercase(),
            pos,
            stance,
            holder: roles(cols[3])?,
            target: roles(cols[4])?,
            particle: None,
            objects: Vec::new(),
            oblique: None,
            negated_against: false,
            hard: false,
            appeal: false,
            mutual: false,
            bare: false,
            cases: Vec::new(),
            example: cols[6].to_owned(),
            example_holder: cols[7].to_owned(),
            example_target: cols[8].to_owned(),
        };
        for flag in cols[5].split(',').filter(|f| *f != "-" && !f.is_empty()) {
            match flag {
                "hard" => frame.hard = true,
                "appeal" => frame.appeal = true,
                "mutual" => frame.mutual = true,
                "bare" => frame.bare = true,
                "negated=AGAINST" => frame.negated_against = true,
                _ => {
                    if let Some(p) = flag.strip_prefix("prt=") {
                        frame.particle = Some(p.to_owned());
                    } else if let Some(set) = flag.strip_prefix("obj=@") {
                        frame.objects = set_lemmas(set)?;
                    } else if let Some((case, set)) =
                        flag.strip_prefix("obl:").and_then(|f| f.split_once("=@"))
                    {
                        frame.oblique = Some((case.to_owned(), set_lemmas(set)?));
                    } else if let Some(c) = flag.strip_prefix("case=") {
                        frame.cases = c.split('|').map(str::to_owned).collect();
                    } else if let Some(o) = flag.strip_prefix("obj=") {
                        frame.objects = o.split('|').map(str::to_owned).collect();
                    } else {
                        return Err(bad(file, line, format!("unknown flag {flag:?}")));
                    }
                }
            }
        }
        frames.push(frame);
    }
    Ok(frames)
}

/// The word sequences an alias is found as. An alias stands inside a sentence, but tokenized
/// alone its final abbreviation period reads as the end of a sentence (`U.S.` gives `U.S` `.`):
/// the alias is read both inside a sentence (followed by a word) and at a sentence's end.
fn alias_forms(alias: &str) -> Vec<Vec<String>> {
    let tokenizer = crate::Tokenizer::default();
    let words = |text: &str| -> Vec<String> {
        tokenizer
            .tokenize(text)
            .iter()
            .map(|t| t.span.as_str(text).to_owned())
            .collect()
    };
    let at_end = words(alias);
    let mut inside = words(&format!("{alias} x"));
    inside.pop();
    if inside.is_empty() || inside == at_end {
        vec![at_end]
    } else {
        vec![inside, at_end]
    }
}

/// Adds an alias (any spelling) of actor `actor` to the table.
pub(crate) fn add_alias(table: &mut AliasTable, alias: &str, actor: u32) {
    for words in alias_forms(alias) {
        if words.is_empty() {
            continue;
        }
        table.insert(Alias {
            case: words.iter().map(|w| CaseRule::of(w)).collect(),
            words: words.iter().map(|w| w.to_lowercase()).collect(),
            actor,
        });
    }
}

fn parse_gazetteer(actors: &mut Vec<Actor>, table: &mut AliasTable) -> Result<()> {
    for (line, cols) in rows(COUNTRIES) {
        if cols.len() != 3 {
            return Err(bad("countries.tsv", line, "expected 3 columns"));
        }
        let id = actors.len() as u32;
        actors.push(Actor {
            name: cols[0].to_owned(),
            kind: ActorKind::Country,
            country: Some(cols[1].to_owned()),
            head: false,
            serves: None,
        });
        add_alias(table, cols[0], id);
        for alias in cols[2].split('|').filter(|a| !a.is_empty()) {
            add_alias(table, alias, id);
        }
    }
    for (line, cols) in rows(ACTORS) {
        if cols.len() != 4 {
            return Err(bad("actors.tsv", line, "expected 4 columns"));
        }
        let kind = match cols[1] {
            "country" => ActorKind::Country,
            "org" => ActorKind::Org,
            "region" => ActorKind::Region,
            "person" | "head" => ActorKind::Person,
            other => return Err(bad("actors.tsv", line, format!("unknown kind {other:?}"))),
        };
        let id = match actors.iter().position(|a| a.name == cols[0]) {
            Some(i) => i as u32,
            None => {
                actors.push(Actor {
                    name: cols[0].to_owned(),
                    kind,
                    country: (kind == ActorKind::Person && cols[2] != "-").then(|| cols[2].to_owned()),
                    head: cols[1] == "head",
                    serves: None,
                });
                add_alias(table, cols[0], (actors.len() - 1) as u32);
                (actors.len() - 1) as u32
            }
        };
        for alias in cols[3].split('|').filter(|a| !a.is_empty()) {
            add_alias(table, alias, id);
        }
    }
    // The first country listed under a code (as `position` would find it).
    let mut countries: HashMap<String, u32> = HashMap::new();
    for (i, a) in actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Country)
    {
        if let Some(code) = &a.country {
            countries.entry(code.clone()).or_insert(i as u32);
        }
    }
    for a in actors.iter_mut().filter(|a| a.kind == ActorKind::Person) {
        a.serves = a.country.as_ref().and_then(|code| countries.get(code).copied());
    }
    Ok(())
}

impl Lexicon {
    /// The country (gazetteer index) that the gazetteer's person `actor` serves, if any.
    pub(crate) fn country_of_person(&self, actor: u32) -> Option<u32> {
        self.actors.get(actor as usize)?.serves
    }

    /// The country whose government the gazetteer's person `name` heads (`Justin Trudeau` →
    /// Canada), if it lists one.
    pub(crate) fn headed_country(&self, name: &str) -> Option<u32> {
        self.actors.iter().find(|a| a.head && a.name == name)?.serves
    }

    /// The say-type verbs of `kind` that say without a particle, for the rules engine, which
    /// reads single words: `say_verbs.txt` is the one list of speech verbs of both engines.
    pub(crate) fn say_verbs_of(&self, kind: SayKind) -> impl Iterator<Item = &str> {
        self.say
            .iter()
            .filter(move |(w, k)| **k == kind && !self.say_with_particle.contains(*w))
            .map(|(w, _)| w.as_str())
    }

    /// The negators of `negation.txt` that negate what follows them in a clause (kinds
    /// `advmod`, `det`, `cc`, `case`), for the rules engine, which reads no parse.
    pub(crate) fn clause_negators(&self) -> impl Iterator<Item = &str> {
        self.negation
            .iter()
            .filter(|(_, kinds)| kinds.iter().any(|k| CLAUSE_NEGATOR_KINDS.contains(&k.as_str())))
            .map(|(w, _)| w.as_str())
    }

    /// Whether preposition `p` (a lemma phrase, as `Sentence::case_of` gives it) has this use in
    /// prepositions.txt.
    pub(crate) fn preposition_is(&self, p: &str, use_: &str) -> bool {
        self.prepositions
            .get(p)
            .is_some_and(|uses| uses.iter().any(|u| u == use_))
    }

    /// Whether `lemma` is a verb of saying (`say_verbs.txt`, not a noun of opinion).
    pub(crate) fn is_say_verb(&self, lemma: &str) -> bool {
        self.say.get(lemma).is_some_and(|k| *k != SayKind::Noun)
    }

    fn load() -> Result<Self> {
        let frames = parse_frames(FRAMES, &noted(OBJECT_SETS))?;
        let mut by_cue: HashMap<CuePos, HashMap<String, Vec<usize>>> = HashMap::new();
        for (i, f) in frames.iter().enumerate() {
            by_cue
                .entry(f.pos)
                .or_default()
                .entry(f.lemma.clone())
                .or_default()
                .push(i);
        }
        let say_with_particle = noted(SAY_VERBS)
            .into_iter()
            .filter(|(_, notes)| notes.iter().any(|n| n.starts_with("prt=")))
            .map(|(w, _)| w)
            .collect();
        let say = noted(SAY_VERBS)
            .into_iter()
            .map(|(w, notes)| {
                let kind = if notes.iter().any(|n| n == "label") {
                    SayKind::Label
                } else if notes.iter().any(|n| n == "hedge") {
                    SayKind::Hedge
                } else if notes.iter().any(|n| n == "noun") {
                    SayKind::Noun
                } else {
                    SayKind::Plain
                };
                (w, kind)
            })
            .collect();
        let mut blocking = HashMap::new();
        for (line, cols) in rows(BLOCKING_VERBS) {
            let kind = match cols.get(1).copied() {
                Some("flip") => Blocking::Flip,
                Some("drop") => Blocking::Drop,
                other => {
                    return Err(bad(
                        "v2/blocking_verbs.txt",
                        line,
                        format!("unknown effect {other:?}"),
                    ))
                }
            };
            let particle = cols
                .get(2)
                .and_then(|c| c.strip_prefix("prt="))
                .map(str::to_owned);
            blocking.insert(cols[0].to_lowercase(), (kind, particle));
        }
        let light: HashMap<String, Light> = noted(LIGHT_VERBS)
            .into_iter()
            .map(|(w, notes)| {
                let l = Light {
                    receiver: notes.iter().any(|n| n == "receiver"),
                    remove: notes.iter().any(|n| n == "remove"),
                    reason: notes.iter().any(|n| n == "for"),
                    recipient: notes.iter().any(|n| n == "recipient"),
                    state: notes.iter().any(|n| n == "state"),
                    particle: notes
                        .iter()
                        .find_map(|n| n.strip_prefix("prt="))
                        .map(str::to_owned),
                };
                (w, l)
            })
            .collect();
        let mut titles = HashMap::new();
        for (line, cols) in rows(TITLES) {
            let kind = match cols.get(1).copied() {
                Some("honorific") => TitleKind::Honorific,
                Some("office") => TitleKind::Office,
                Some("role") => TitleKind::Role,
                other => return Err(bad("v2/titles.txt", line, format!("unknown kind {other:?}"))),
            };
            // Titles are matched case-insensitively: a second line for the same word would
            // silently change its kind.
            if titles.insert(cols[0].to_lowercase(), kind).is_some() {
                return Err(bad(
                    "v2/titles.txt",
                    line,
                    format!("{:?} is listed twice", cols[0]),
                ));
            }
        }
        // Abbreviated titles (`Mr`, `Gen.`) are the sentence splitter's: with and without period.
        for (abbreviation, _) in crate::sentence::abbrev::abbreviation_entries()
            .filter(|&(_, class)| class == crate::sentence::abbrev::AbbrevClass::Title)
        {
            let lower = abbreviation.to_lowercase();
            titles.entry(format!("{lower}.")).or_insert(TitleKind::Honorific);
            titles.entry(lower).or_insert(TitleKind::Honorific);
        }
        let mut pronouns = HashMap::new();
        let mut plural_pronouns = HashSet::new();
        let mut subject_pronouns = HashSet::new();
        let mut reflexive_pronouns = HashSet::new();
        for (line, cols) in rows(PRONOUNS) {
            let kind = match cols.get(1).copied() {
                Some("person") => PronounKind::Person,
                Some("group") => PronounKind::Group,
                Some("speaker") => PronounKind::Speaker,
                other => return Err(bad("v2/pronouns.txt", line, format!("unknown kind {other:?}"))),
            };
            pronouns.insert(cols[0].to_lowercase(), kind);
            let notes = || cols.get(2).into_iter().flat_map(|c| c.split(','));
            if notes().any(|n| n == "plural") {
                plural_pronouns.insert(cols[0].to_lowercase());
            }
            if notes().any(|n| n == "subject") {
                subject_pronouns.insert(cols[0].to_lowercase());
            }
            if notes().any(|n| n == "reflexive") {
                reflexive_pronouns.insert(cols[0].to_lowercase());
            }
        }
        let mut function = HashMap::new();
        let mut person_relatives = HashSet::new();
        for (line, cols) in rows(FUNCTION_WORDS) {
            let kind = match cols.get(1).copied() {
                Some("relative") => FunctionKind::Relative,
                Some("list") => FunctionKind::List,
                Some("exception") => FunctionKind::Exception,
                Some("quantity") => FunctionKind::Quantity,
                Some("quantifier") => FunctionKind::Quantifier,
                Some("region") => FunctionKind::Region,
                Some("alternative") => FunctionKind::Alternative,
                Some("opposition") => FunctionKind::Opposition,
                Some("reciprocal") => FunctionKind::Reciprocal,
                Some("linking") => FunctionKind::Linking,
                Some("possessive") => FunctionKind::Possessive,
                Some("coordinator") => FunctionKind::Coordinator,
                Some("name_particle") => FunctionKind::NameParticle,
                Some("definite") => FunctionKind::Definite,
                Some("companion") => FunctionKind::Companion,
                Some("particle") => FunctionKind::Particle,
                other => {
                    return Err(bad(
                        "v2/function_words.txt",
                        line,
                        format!("unknown role {other:?}"),
                    ))
                }
            };
            function.insert(cols[0].to_lowercase(), kind);
            if cols.get(2) == Some(&"person") {
                person_relatives.insert(cols[0].to_lowercase());
            }
        }
        let mut actors = Vec::new();
        let mut aliases = AliasTable::default();
        parse_gazetteer(&mut actors, &mut aliases)?;
        let particles: HashSet<String> = frames
            .iter()
            .filter_map(|f| f.particle.clone())
            .chain(light.values().filter_map(|l| l.particle.clone()))
            .chain(
                function
                    .iter()
                    .filter(|(_, &k)| k == FunctionKind::Particle)
                    .map(|(w, _)| w.clone()),
            )
            .collect();
        Ok(Self {
            particles,
            frames,
            by_cue,
            say,
            say_with_particle,
            directive: noted(DIRECTIVE_VERBS),
            intent: noted(INTENT_VERBS).into_keys().collect(),
            blocking,
            hypothetical: noted(HYPOTHETICAL),
            negation: noted(NEGATION),
            prepositions: noted(PREPOSITIONS),
            received_from: rows(PREPOSITIONS)
                .filter(|(_, cols)| {
                    cols.get(1)
                        .is_some_and(|uses| uses.split(',').any(|u| u == "source"))
                })
                .map(|(_, cols)| Role::Nmod(cols[0].to_lowercase()))
                .chain([Role::Poss, Role::Compound, Role::Amod])
                .collect(),
            light,
            groups: noted(GROUP_NOUNS)
                .into_iter()
                .filter(|(_, notes)| notes.iter().all(|n| n == "state"))
                .map(|(w, _)| w)
                .collect(),
            state_groups: noted(GROUP_NOUNS)
                .into_iter()
                .filter(|(_, notes)| notes.iter().any(|n| n == "state"))
                .map(|(w, _)| w)
                .collect(),
            crowd_numbers: noted(GROUP_NOUNS)
                .into_iter()
                .filter(|(_, notes)| notes.iter().any(|n| n == "number"))
                .map(|(w, _)| w)
                .collect(),
            government: noted(GOVERNMENT_NOUNS),
            titles,
            calendar: noted(CALENDAR).into_keys().collect(),
            pronouns,
            plural_pronouns,
            subject_pronouns,
            reflexive_pronouns,
            function,
            person_relatives,
            actors,
            aliases,
            outlets: noted(NEWS_OUTLETS),
        })
    }

    /// The built-in lexicon, read once per process.
    ///
    /// # Errors
    /// [`Error::Resource`] if a built-in file is malformed (a build problem).
    pub(crate) fn get() -> Result<&'static Self> {
        static LEXICON: OnceLock<Result<Lexicon>> = OnceLock::new();
        cached(&LEXICON, Self::load)
    }

    /// The frames of a cue word.
    /// Whether `word` names a day or month (calendar.txt), in any case, abbreviated with a
    /// period or not (`Feb.`).
    pub(crate) fn is_calendar(&self, word: &str) -> bool {
        self.calendar.contains(&word.trim_end_matches('.').to_lowercase())
    }

    /// Whether verb `lemma` is a cue in some frame, and none of its frames takes `particle`
    /// (`back` + `down`): the phrasal verb is another verb, no cue of the bare one.
    pub(crate) fn particle_changes_verb(&self, lemma: &str, particle: &str) -> bool {
        let frames = self.frames_of(lemma, CuePos::Verb);
        !frames.is_empty()
            && frames
                .iter()
                .all(|&f| self.frames[f].particle.as_deref() != Some(particle))
            && self
                .light
                .get(lemma)
                .is_none_or(|l| l.particle.as_deref() != Some(particle))
    }

    /// Whether some frame or light verb takes `word` as its particle (`down` of `crack down`).
    pub(crate) fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    pub(crate) fn frames_of(&self, lemma: &str, pos: CuePos) -> &[usize] {
        self.by_cue
            .get(&pos)
            .and_then(|m| m.get(lemma))
            .map_or(&[], Vec::as_slice)
    }

    /// Which words of a sentence name a news outlet (news_outlets.txt): an agency's own name
    /// (`Reuters`), or an outlet word after capitalised words (`The Washington Post`) with
    /// those words. `words` are (lower-case form, capitalised as written) pairs; outlet words
    /// count only capitalised.
    pub(crate) fn outlet_words<'a>(&self, words: impl Iterator<Item = (&'a str, bool)>) -> Vec<bool> {
        let words: Vec<(&str, bool)> = words.collect();
        let is = |(lower, capitalised): (&str, bool), kind: &str| {
            capitalised
                && self
                    .outlets
                    .get(lower)
                    .is_some_and(|k| k.iter().any(|x| x == kind))
        };
        let mut out = vec![false; words.len()];
        for (k, &w) in words.iter().enumerate() {
            if is(w, "name") {
                out[k] = true;
            } else if k > 0 && words[k - 1].1 && is(w, "head") {
                let mut first = k;
                while first > 0 && words[first - 1].1 {
                    first -= 1;
                }
                out[first..=k].iter_mut().for_each(|o| *o = true);
            }
        }
        out
    }

    /// Whether the government-noun list gives `lemma` this role (`state`, `speaker`, `target`).
    pub(crate) fn government_role(&self, lemma: &str, role: &str) -> bool {
        self.government
            .get(lemma)
            .is_some_and(|r| r.iter().any(|x| x == role))
    }
}
