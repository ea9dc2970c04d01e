//! The frame interpreter: for every cue word of a sentence, the frames of `frames.tsv` say
//! which of its dependents hold the stance and which receive it; the general operations below
//! find those dependents through voice, coordination, lists, relative clauses, control and
//! reported speech, and decide what negation, refusal and hypotheticals do to the stance.

use super::analysis::Sentence;
use super::lexicon::{
    ActorKind, Blocking, CuePos, Frame, FunctionKind, Lexicon, Polarity, PronounKind, Role, SayKind,
};
use super::mentions::{Mention, Mentions, Targets, Who};
use crate::syntax::relations::RelClass;
use crate::Span;

/// One stance found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub holder: Who,
    pub holder_span: Option<Span>,
    pub target: Who,
    pub target_span: Span,
    pub stance: Polarity,
    pub cue: Span,
    pub score: f64,
    /// The frame, the roles used and the operations applied, e.g.
    /// `back/VERB agent>patient +passive +list`.
    pub rule: String,
    /// The holder was found by a way of naming it for certain ([`CERTAIN_HOLDER_NOTES`]); the
    /// combined engine lets such a holder replace the nearer name the rules took.
    pub certain_holder: bool,
    /// The act or text whose stance this cue takes or turns (`sanctions` in `vetoed sanctions
    /// against X`), so that the combined engine knows the parse read that word as no cue of
    /// the holder's own.
    pub act: Option<Span>,
    /// The words of the phrase the holder was read from, where they reach past its name:
    /// `Peru's Justice Ministry` for Peru. The combined engine knows from it that a name the
    /// rules took inside that phrase (`Justice Ministry`) is this holder, named less well.
    pub holder_phrase: Option<Span>,
}

/// What the interpreter needs to know about a sentence.
pub(crate) struct Ctx<'a, 't> {
    pub s: &'a Sentence<'t>,
    pub lex: &'a Lexicon,
    pub mentions: &'a Mentions,
    pub targets: &'a Targets,
    /// No targets given: every named actor is one.
    pub open: bool,
    /// The speaker of a quoted sentence, named in an adjacent sentence.
    pub quote_speaker: Option<&'a Mention>,
    /// (cue, act) pairs: a noun cue whose stance another cue took as its content (`protested
    /// at X's arrest`: the arrest), filled while reading (see [`Ctx::hits`]).
    pub taken_acts: std::cell::RefCell<Vec<(usize, usize)>>,
    /// The sentence asks a yes/no question (see [`Sentence::is_yes_no_question`]): it states no
    /// stance.
    pub question: bool,
    /// The last claim made in the two sentences before (see [`Ctx::claim`]), which `that
    /// assertion` or `the charge` refers back to.
    pub previous_claim: Option<&'a Claim>,
}

/// A claim a sentence makes: who makes it and the stances it states (see [`Ctx::claim`]).
#[derive(Clone, Debug)]
pub(crate) struct Claim {
    pub claimants: Vec<Mention>,
    pub content: Vec<(Mention, Polarity)>,
}

/// The note [`Ctx::modality`] leaves when a governing verb takes a cue's stance back.
const BLOCKED: &str = "-blocked";

/// The notes of a holder the parse names for certain: a relative pronoun, a text's author, the
/// owner of an intention, the one blamed or praised for an act, a crowd noun whose modifier
/// says whose crowd it is (`X loyalists attacked Y`: not X), the other side of a relation
/// noun (`X's allies denounced Y`: not X) ([`Hit::certain_holder`]). Only
/// notes left while finding the holder count: the same ways of finding the target say nothing
/// about who holds the stance.
const CERTAIN_HOLDER_NOTES: &[&str] = &["+relcl", "+document", "+intent", "+for", "+crowd", "+relation"];

/// What reading a cue with a frame came to (see [`Ctx::apply`]).
enum Applied {
    /// A governing verb took the stance back, certainly enough to veto the rules' reading.
    Blocked,
    /// Anything else: triples added, or none (the frame does not fit, or no holder or target).
    Read,
}

/// The arguments a role found, and how.
#[derive(Default)]
struct Found {
    notes: Vec<&'static str>,
    /// The act or text a target was reached through, as its owner (`backed Peru's
    /// intervention`: the intervention; see [`Ctx::target_mentions`]).
    owned_act: Option<usize>,
}

impl<'a, 't> Ctx<'a, 't> {
    fn tok(&self, i: usize) -> &super::analysis::Tok<'t> {
        &self.s.toks[i]
    }

    /// Is `i` a verb whose subject is `nsubj`-less because it shares one: a conjunct, an
    /// `xcomp` (control), a participle clause? Then its agent is inherited.
    fn inherited_agent(&self, i: usize, depth: usize, found: &mut Found) -> Vec<usize> {
        if depth > 4 {
            return Vec::new();
        }
        let t = self.tok(i);
        let Some(h) = t.head else {
            return Vec::new();
        };
        match t.base_rel() {
            // `Peru met Chile and backed X`: the second verb shares the subject.
            "conj" => {
                found.notes.push("+conj");
                // `who are critics of X and support Y`: a nominal predicate's subject is shared
                // too.
                let nominal_subjects: Vec<usize> = if matches!(self.tok(h).upos, "NOUN" | "ADJ") {
                    self.s.kids_with(h, "nsubj").collect()
                } else {
                    Vec::new()
                };
                if nominal_subjects.is_empty() {
                    self.agent_tokens(h, depth + 1, found)
                } else {
                    nominal_subjects
                }
            }
            // `Peru vowed to back X`: the subject of `vowed` backs. Object control
            // (`urged Peru to back`) gives the object: `Peru` backs, urged by someone.
            "xcomp" => {
                found.notes.push("+control");
                // `stressed the need for X to step down`: the `for` phrase of a demand or a
                // necessity the verb takes is the infinitive's subject.
                let asked = self.demand_subjects(h, i);
                if !asked.is_empty() {
                    return asked;
                }
                // (A lone indirect object is the object the parser mistook: `urged Governor X
                // to resign`.)
                let mut objects: Vec<usize> = self.s.kids_with(h, "obj").collect();
                if objects.is_empty() {
                    objects = self.s.kids_with(h, "iobj").collect();
                }
                // (A verb of intention keeps the act for its subject, `promised Peru to back
                // X`, unless it also asks others to act: `Peru wants X to resign`.)
                let lemma = &self.tok(h).lemma;
                let subject_control =
                    self.lex.intent.contains(lemma) && !self.lex.directive.contains_key(lemma);
                if !objects.is_empty() && !subject_control {
                    return objects;
                }
                // `called on X to resign`: the addressee of a directive verb acts.
                let addressees = self.addressees(h, i);
                if !addressees.is_empty() {
                    return addressees;
                }
                self.agent_tokens(h, depth + 1, found)
            }
            // `called for X to step aside`, with the infinitive read as an adverbial clause:
            // the addressee acts, as with an xcomp.
            "advcl"
                if t.xpos == "VB" && self.marked_as(i, "infinitive") && !self.addressees(h, i).is_empty() =>
            {
                found.notes.push("+control");
                self.addressees(h, i)
            }
            // `renewed its call for X to step down`, with the infinitive parsed on the verb: the
            // demand's `for` phrase is its subject.
            "advcl"
                if t.xpos == "VB"
                    && self.marked_as(i, "infinitive")
                    && !self.demand_subjects(h, i).is_empty() =>
            {
                found.notes.push("+control");
                self.demand_subjects(h, i)
            }
            // `Peru sent troops to protect X`, `Peru announced plans to recognise X` read with
            // the infinitive on the verb: a purpose clause is done by the clause's subject.
            "advcl" if t.xpos == "VB" && self.marked_as(i, "infinitive") && self.tok(h).upos == "VERB" => {
                found.notes.push("+purpose");
                self.agent_tokens(h, depth + 1, found)
            }
            // `criticised Peru for backing X`: the one praised, blamed or thanked for an act did
            // it (the object, or the subject of a passive: `Peru was criticised for backing X`);
            // with no one so named, the clause's subject (`Peru apologised for backing X`).
            "advcl" if t.xpos == "VBG" && self.marked_as(i, "clause_subject") => {
                found.notes.push("+for");
                let mut doers: Vec<usize> = self.s.kids_with(h, "obj").collect();
                if doers.is_empty() && self.s.is_passive(h) {
                    doers = self.s.kids_with(h, "nsubj:pass").collect();
                }
                if doers.is_empty() {
                    doers = self.agent_tokens(h, depth + 1, found);
                }
                doers
            }
            // `Peru joined Chile in condemning X`, `By recognising X, Peru ...`: a gerund clause
            // with a preposition of adjunct (prepositions.txt) is done by the main clause's
            // subject, and by the object of a verb of company (function_words.txt `companion`).
            "advcl" if t.xpos == "VBG" && self.marked_as(i, "adjunct") => {
                found.notes.push("+adjunct");
                // (Only with the subject found: a verb of company with none is a clause the
                // parse broke, as after a long subject.)
                let mut doers = self.agent_tokens(h, depth + 1, found);
                if !doers.is_empty()
                    && self.lex.function.get(&self.tok(h).lemma) == Some(&FunctionKind::Companion)
                {
                    doers.extend(self.s.kids_with(h, "obj"));
                }
                doers
            }
            // `..., accusing Washington of meddling`: a participle clause's subject is the
            // main clause's.
            "advcl" if matches!(t.xpos, "VBG" | "VBN" | "VB") && self.s.kid_exact(i, "mark").is_none() => {
                // `denounced Peru's decree labeling X a threat`, parsed with the participle on the
                // verb: right after a text (no comma between), the participle is the text's.
                if let Some(text) = self.text_before(h, i) {
                    found.notes.push("+document");
                    return vec![text];
                }
                found.notes.push("+participle");
                self.agent_tokens(h, depth + 1, found)
            }
            // `countries backing X`: an active participle's subject is the noun it modifies;
            // `X, who backs ...` is handled through the relative pronoun.
            // `approved a decree to impose sanctions`: a purpose infinitive on a thing (no actor)
            // is done by whoever acts on the thing.
            "acl"
                if t.rel != "acl:relcl"
                    && t.xpos == "VB"
                    && self.s.kid_exact(i, "mark").is_some()
                    && self.mentions.at[h].is_none()
                    && !self.lex.groups.contains(&self.tok(h).lower) =>
            {
                // `calls for X to resign` read with `for X` on the noun: X is the subject.
                let subject_for: Vec<usize> = self
                    .with_case_use(h, "nmod", "clause_subject")
                    .into_iter()
                    .filter(|&k| k < i)
                    .collect();
                if !subject_for.is_empty() {
                    found.notes.push("+for");
                    return subject_for;
                }
                // `Peru's plan to arm X`: the owner of an intention does what it is to do.
                if self.is_intention(h) {
                    let owners = self.noun_owners(h);
                    if !owners.is_empty() {
                        found.notes.push("+intent");
                        return owners;
                    }
                }
                found.notes.push("+purpose");
                match self.tok(h).head {
                    Some(v)
                        if self.tok(v).upos == "VERB" && matches!(self.tok(h).base_rel(), "obj" | "obl") =>
                    {
                        self.agent_tokens(v, depth + 1, found)
                    }
                    _ => Vec::new(),
                }
            }
            "acl" if t.rel != "acl:relcl" && !self.s.is_passive(i) => {
                found.notes.push("+participle");
                vec![h]
            }
            "acl" if t.rel == "acl:relcl" => {
                found.notes.push("+relcl");
                vec![h]
            }
            _ => Vec::new(),
        }
    }

    /// The word that stands in the clause for the noun at `i`: the amount that measures it
    /// (`pledged $20 million in aid`, `sent dozens of tanks`: a number, a currency sign, a noun
    /// with a number, or a noun of amount of function_words.txt, on whose phrase of a `measure`
    /// preposition, prepositions.txt, the noun is), else `i` itself. A noun coordinated with
    /// another stands where the first of them stands (`announced fraud and other charges
    /// against X`, `imposed sanctions and a ban on X`).
    fn measured_slot(&self, i: usize) -> usize {
        let mut i = i;
        while let Some(h) = self
            .tok(i)
            .head
            .filter(|&h| self.tok(i).base_rel() == "conj" && matches!(self.tok(h).upos, "NOUN" | "PROPN"))
        {
            i = h;
        }
        let t = self.tok(i);
        let Some(h) = t.head.filter(|_| t.base_rel() == "nmod") else {
            return i;
        };
        let amount = self.tok(h);
        let is_amount = matches!(amount.upos, "NUM" | "SYM")
            || (amount.upos == "NOUN"
                && (self.s.kids_with(h, "nummod").next().is_some()
                    || self.lex.function.get(&amount.lower) == Some(&FunctionKind::Quantity)));
        let case = self.s.case_of(i);
        if is_amount && self.lex.preposition_is(&case, "measure") {
            h
        } else {
            i
        }
    }

    fn agent_tokens(&self, i: usize, depth: usize, found: &mut Found) -> Vec<usize> {
        let i = if self.tok(i).upos == "NOUN" {
            self.measured_slot(i)
        } else {
            i
        };
        let t = self.tok(i);
        if matches!(t.upos, "NOUN" | "PROPN" | "NUM" | "SYM") {
            // A noun cue: the agent of the verb that carries it (`expressed support`,
            // `rallied in support of X`), or carries its amount.
            // As an object, only a giving light verb's (`Peru condemned X's arrest`: Peru did not
            // arrest X).
            let gives = |h: usize| {
                t.base_rel() != "obj"
                    || self
                        .lex
                        .light
                        .get(&self.tok(h).lemma)
                        .is_some_and(|l| !l.receiver && !l.remove)
            };
            return match t.head {
                Some(h)
                    if self.tok(h).upos == "VERB" && RelClass::CarriedNoun.has(t.base_rel()) && gives(h) =>
                {
                    let in_state = t.base_rel() == "obl"
                        && self.lex.preposition_is(&self.s.case_of(i), "state")
                        && self.s.is_passive(h)
                        && self.lex.light.get(&self.tok(h).lemma).is_some_and(|l| l.state);
                    if in_state {
                        found.notes.push("+state");
                        self.s.kids_with(h, "nsubj").collect()
                    } else if t.base_rel() == "nsubj" {
                        Vec::new()
                    } else {
                        found.notes.push("+light");
                        self.agent_tokens(h, depth + 1, found)
                    }
                }
                _ => Vec::new(),
            };
        }
        if self.s.is_passive(i) {
            let mut agents: Vec<usize> = self.s.kids_with(i, "obl:agent").collect();
            if agents.is_empty() {
                // A by-phrase the parser hung on a noun of the clause (`was recognised as
                // president by X`).
                agents = self.s.kids[i]
                    .iter()
                    .copied()
                    .filter(|&k| RelClass::AgentHost.has(self.tok(k).base_rel()))
                    .flat_map(|k| self.with_case_use(k, "nmod", "agent"))
                    .collect();
            }
            if !agents.is_empty() {
                found.notes.push("+passive");
            }
            return agents;
        }
        // Not passive (see `is_passive`): a subject labelled passive is a subject too.
        let subjects: Vec<usize> = self.s.kids[i]
            .iter()
            .copied()
            .filter(|&k| RelClass::Subject.has(self.tok(k).rel))
            .flat_map(|k| {
                // `Peru plans to arm X` with `plans` read as a noun subject: the intention's owner.
                let owners = if self.is_intention(k) && self.s.kid_exact(i, "mark").is_some() {
                    self.noun_owners(k)
                } else {
                    Vec::new()
                };
                if owners.is_empty() {
                    vec![k]
                } else {
                    found.notes.push("+intent");
                    owners
                }
            })
            .collect();
        if !subjects.is_empty() {
            return subjects;
        }
        self.inherited_agent(i, depth, found)
    }

    /// Whether `k` is a noun of intention (`plan`, `decision`, `bid`: intent_verbs.txt).
    fn is_intention(&self, k: usize) -> bool {
        self.tok(k).upos == "NOUN" && self.lex.intent.contains(&self.tok(k).lemma)
    }

    /// Whether the prepositional phrase `c` on noun `k` names whom `k` belongs to (an `owner`
    /// preposition, prepositions.txt: `the plan of X`, `a statement from X`), and is no range
    /// (`governments from Havana to Lima`: a phrase of `range_end` beside it).
    fn owner_phrase(&self, k: usize, c: usize) -> bool {
        self.lex.preposition_is(&self.s.case_of(c), "owner")
            && !self.s.kids[k].iter().chain(&self.s.kids[c]).any(|&o| {
                o > c
                    && self.tok(o).base_rel() == "nmod"
                    && self.lex.preposition_is(&self.s.case_of(o), "range_end")
            })
    }

    /// Whose a noun's act or claim is: its possessor, a compound or adjective naming an actor
    /// (`US charges`, `American plans`) and its `by` or `of` phrase.
    fn noun_owners(&self, k: usize) -> Vec<usize> {
        let mut owners: Vec<usize> = self.s.kids[k]
            .iter()
            .copied()
            .filter(|&c| {
                let t = self.tok(c);
                RelClass::Owner.has(t.rel) && (t.rel != "amod" || self.mentions.at[c].is_some())
                    || (t.base_rel() == "nmod" && self.owner_phrase(k, c))
            })
            .collect();
        // `the evidence cited by X`, `the plan put forward by X`: the agent of a passive
        // participle on the noun made it; not of a cue that takes the noun as its patient,
        // whose agent takes a stance on it (`a plan opposed by X` is not X's).
        for &c in &self.s.kids[k] {
            let t = self.tok(c);
            let judges_noun = self.lex.frames_of(&t.lemma, CuePos::Verb).iter().any(|&f| {
                let frame = &self.lex.frames[f];
                frame.target.contains(&Role::Patient) && frame.objects.is_empty() && frame.particle.is_none()
            });
            if t.rel == "acl" && t.xpos == "VBN" && !judges_noun {
                owners.extend(self.s.kids_with(c, "obl:agent"));
            }
        }
        owners
    }

    /// The doers of the act a noun names when its `of` phrase names what the act is done to
    /// (prepositions.txt `patient`): its other owners (`X's handling of the crisis`, `the US
    /// treatment of migrants`), and an `agent` phrase (`the arrest of Y by X`) even where the
    /// parse hangs it on the `of` phrase's noun. Without a patient phrase the possessor may be
    /// the one the act is done to (`X's arrest`), so none.
    fn nominal_act_doers(&self, k: usize) -> Vec<usize> {
        let phrase_is = |c: usize, use_: &str| {
            self.tok(c).base_rel() == "nmod" && self.lex.preposition_is(&self.s.case_of(c), use_)
        };
        let patients: Vec<usize> = self.s.kids[k]
            .iter()
            .copied()
            .filter(|&c| phrase_is(c, "patient"))
            .collect();
        if patients.is_empty() {
            return Vec::new();
        }
        let mut doers: Vec<usize> = self
            .noun_owners(k)
            .into_iter()
            .filter(|c| !patients.contains(c))
            .collect();
        for &p in &patients {
            doers.extend(self.s.kids[p].iter().copied().filter(|&c| phrase_is(c, "agent")));
        }
        doers
    }

    fn patient_tokens(&self, i: usize, found: &mut Found) -> Vec<usize> {
        let t = self.tok(i);
        if self.s.is_passive(i) {
            let subjects: Vec<usize> = self.s.kids_with(i, "nsubj:pass").collect();
            if !subjects.is_empty() {
                found.notes.push("+passive");
                return subjects;
            }
            // `Backed by Peru, X called for elections`: a participle clause that opens the
            // sentence is about the main clause's subject (parsed as an adverbial clause, or as
            // the root with the main clause hung on it).
            let opens = (0..i).all(|k| self.tok(k).upos == "PUNCT") && t.xpos == "VBN";
            if opens {
                let main = match t.head {
                    Some(h) if t.base_rel() == "advcl" => Some(h),
                    None => self.s.kids[i]
                        .iter()
                        .copied()
                        .find(|&k| k > i && matches!(self.tok(k).base_rel(), "parataxis" | "conj")),
                    _ => None,
                };
                let subjects: Vec<usize> = main
                    .map(|m| self.s.kids_with(m, "nsubj").filter(|&k| k > i).collect())
                    .unwrap_or_default();
                if !subjects.is_empty() {
                    found.notes.push("+participle");
                    return subjects;
                }
            }
            // `X, backed by Peru`: a passive participle's patient is the noun it modifies.
            if matches!(t.base_rel(), "acl" | "amod") {
                found.notes.push("+participle");
                return t.head.into_iter().collect();
            }
            // `Peru was backed and praised`: a conjunct shares the subject.
            if t.rel == "conj" {
                if let Some(h) = t.head {
                    return self.patient_tokens(h, found);
                }
            }
            // `wants X to be removed`, `stressed the need for X to be removed`: the subject a
            // passive infinitive takes from its governor is its patient.
            if RelClass::InfinitiveClause.has(t.base_rel()) && self.marked_as(i, "infinitive") {
                let controller = self.inherited_agent(i, 0, &mut Found::default());
                if !controller.is_empty() {
                    found.notes.push("+passive");
                    return controller;
                }
            }
            return Vec::new();
        }
        let objects: Vec<usize> = self.s.kids_with(i, "obj").collect();
        if !objects.is_empty() {
            return objects;
        }
        // A lone indirect object is an object the parser mistook (`urged X to`, `trust X`).
        let indirect: Vec<usize> = self.s.kids_with(i, "iobj").collect();
        if !indirect.is_empty() {
            return indirect;
        }
        // `the man whom Peru backed`: the relative clause's head.
        if t.rel == "acl:relcl" && self.relative_object(i) {
            found.notes.push("+relcl");
            return t.head.into_iter().collect();
        }
        Vec::new()
    }

    /// Whether a relative clause's relative pronoun is its object (`whom Peru backed`).
    fn relative_object(&self, i: usize) -> bool {
        let relative = |k: usize| self.is_function(k, FunctionKind::Relative);
        self.s.kids_with(i, "obj").any(relative)
            || (self.s.kids_with(i, "nsubj").any(|k| !relative(k))
                && self.s.kids_with(i, "obj").next().is_none()
                && self.s.kids[i]
                    .iter()
                    .any(|&k| self.tok(k).upos == "PRON" && k < i && relative(k)))
    }

    /// Dependents of `i` with base relation `rel` whose preposition is `prep`.
    /// A noun with a preposition is a prepositional phrase whatever the parser labelled it: one
    /// hung as a clause (`advcl`, `acl`) or an object counts as `obl`/`nmod` too.
    /// The addressees of directive verb `h` before its infinitive at `i`: the objects of the
    /// prepositions its `directive_verbs.txt` row names (`called ON X to`, `called FOR X to`).
    fn addressees(&self, h: usize, i: usize) -> Vec<usize> {
        let Some(roles) = self.lex.directive.get(&self.tok(h).lemma) else {
            return Vec::new();
        };
        roles
            .iter()
            .filter_map(|r| r.strip_prefix("obl:"))
            .flat_map(|p| self.with_case(h, "obl", p))
            .filter(|&k| k < i)
            .collect()
    }

    /// The subjects a demand given by verb `h` names for an infinitive before `i` (`renewed
    /// its call for X to step down`, with the infinitive parsed on the verb): the `for` phrases
    /// (prepositions.txt `clause_subject`) on the verb's demand-noun or necessity-noun objects
    /// (`stressed the need for X to step down`).
    fn demand_subjects(&self, h: usize, i: usize) -> Vec<usize> {
        self.s
            .kids_with(h, "obj")
            .filter(|&o| self.is_demand_noun(o) || self.is_necessity_noun(o))
            .flat_map(|o| self.with_case_use(o, "nmod", "clause_subject"))
            .filter(|&k| k < i)
            .collect()
    }

    /// Whether `o` is a noun of necessity (hypothetical.txt `necessity`: `the need for X to go`).
    fn is_necessity_noun(&self, o: usize) -> bool {
        self.tok(o).upos == "NOUN" && self.modal_kind(&self.tok(o).lemma, "necessity")
    }

    fn with_case(&self, i: usize, rel: &str, prep: &str) -> Vec<usize> {
        self.with_case_where(i, rel, |p| p == prep)
    }

    /// Whether the clause at `i` has a `mark` with use `use_` in prepositions.txt (`to` of an
    /// infinitive, `of` of a charge, `in` of an adjunct).
    fn marked_as(&self, i: usize, use_: &str) -> bool {
        self.s
            .kid_exact(i, "mark")
            .is_some_and(|m| self.lex.preposition_is(&self.tok(m).lower, use_))
    }

    /// [`Ctx::with_case`] for the prepositions with use `use_` in prepositions.txt.
    fn with_case_use(&self, i: usize, rel: &str, use_: &str) -> Vec<usize> {
        self.with_case_where(i, rel, |p| self.lex.preposition_is(p, use_))
    }

    fn with_case_where(&self, i: usize, rel: &str, prep: impl Fn(&str) -> bool) -> Vec<usize> {
        self.s.kids[i]
            .iter()
            .copied()
            .filter(|&k| {
                let t = self.tok(k);
                let mislabelled = RelClass::MislabelledPhrase.has(t.base_rel())
                    && matches!(t.upos, "NOUN" | "PROPN" | "PRON");
                // (An agent phrase on a verb the clause shows is active, with a subject and no
                // passive auxiliary, is a `by` phrase the parser misread: `X stood by Y`.)
                (t.base_rel() == rel || mislabelled)
                    && (t.rel != "obl:agent" || !self.s.is_passive(i))
                    && prep(&self.s.case_of(k))
            })
            .collect()
    }

    /// The verb a noun cue hangs from (`imposed sanctions`, `rallied in support`), also through
    /// its amount (`pledged $20 million in aid`; see [`Ctx::measured_slot`]).
    fn carrier(&self, i: usize) -> Option<usize> {
        let i = self.measured_slot(i);
        let t = self.tok(i);
        let h = t.head?;
        if RelClass::Carried.has(t.base_rel()) && self.tok(h).upos == "VERB" {
            return Some(h);
        }
        // `assured X of its support` with the phrase hung on X: the verb that gives to X.
        let v = self.tok(h).head?;
        (t.base_rel() == "nmod"
            && self.tok(h).base_rel() == "obj"
            && self.tok(v).upos == "VERB"
            && self
                .lex
                .light
                .get(&self.tok(v).lemma)
                .is_some_and(|l| l.recipient))
        .then_some(v)
    }

    /// The name the parser hung as a compound on a bare noun cue that a giving verb takes right
    /// after it, with no indirect object or `to` phrase (`offered X asylum`, `gave X support`):
    /// the one given to, an indirect object (the noun's own holder would come with a
    /// determiner or after the verb's recipient: `sent the US aid`, `sent US aid to X`).
    fn dative_compound(&self, i: usize) -> Option<usize> {
        let t = self.tok(i);
        let v = t.head.filter(|_| t.base_rel() == "obj")?;
        let giving = self.tok(v).upos == "VERB"
            && self
                .lex
                .light
                .get(&self.tok(v).lemma)
                .is_some_and(|l| !l.receiver && !l.remove);
        let given_to = |w: usize| {
            self.s.kids[w].iter().any(|&k| {
                self.tok(k).base_rel() == "iobj"
                    || (matches!(self.tok(k).base_rel(), "obl" | "nmod")
                        && self.lex.preposition_is(&self.s.case_of(k), "recipient"))
            })
        };
        if !giving || given_to(v) || given_to(i) {
            return None;
        }
        let compound = self.s.kids[i]
            .iter()
            .copied()
            .find(|&k| k < i && self.tok(k).rel == "compound" && self.tok(k).upos == "PROPN")?;
        let name = &self.mentions.list[self.mentions.at[compound]?];
        // Nothing but the name and the noun's adjectives between the verb and the noun.
        let adjectives = (name.last + 1..i).all(|k| self.tok(k).rel == "amod" && self.tok(k).head == Some(i));
        (name.first == v + 1 && adjectives && !name.pronoun).then_some(compound)
    }

    /// The verb of saying that accuses someone of the clause of `i` (`accused Chile of backing
    /// X`: a clause marked by a `charge` preposition, prepositions.txt, on the verb's object or
    /// on the verb itself), if it is such a clause.
    fn accusing_verb(&self, i: usize) -> Option<usize> {
        let t = self.tok(i);
        let h = t.head?;
        let charged = self.marked_as(i, "charge");
        let say = |v: &usize| self.lex.say.get(&self.tok(*v).lemma) == Some(&SayKind::Plain);
        if !charged {
            return None;
        }
        match t.base_rel() {
            "acl" if self.tok(h).base_rel() == "obj" => self.tok(h).head.filter(say),
            "advcl" if self.s.kids_with(h, "obj").next().is_some() => Some(h).filter(say),
            _ => None,
        }
    }

    /// The speaker of the clause that contains `i`: the agent of the nearest say-type verb
    /// above it (through a clausal complement, or also through the object of a labelling verb
    /// when `labels`: `called X a puppet`), or the speaker of the quote the sentence is.
    fn speaker_tokens(&self, i: usize, labels: bool, found: &mut Found) -> Vec<usize> {
        let mut at = i;
        for _ in 0..self.s.len() {
            // `My view is that X is a fraud`: the owner of a noun of opinion says its clause.
            let opinion = self.s.kids[at].iter().copied().find(|&k| {
                self.tok(k).rel == "nsubj:outer"
                    && self.lex.say.get(&self.tok(k).lemma) == Some(&SayKind::Noun)
            });
            if let Some(o) = opinion {
                // (`My view`: the first person is whoever says the sentence, found below.)
                let owners: Vec<usize> = self
                    .noun_owners(o)
                    .into_iter()
                    .filter(|&k| self.lex.pronouns.get(&self.tok(k).lower) != Some(&PronounKind::Speaker))
                    .collect();
                if !owners.is_empty() {
                    found.notes.push("+speech");
                    return owners;
                }
            }
            // `According to Peru, X has lost all legitimacy`: the source an attribution phrase
            // names says the clause it hangs on.
            let source = self.s.kids[at].iter().copied().find(|&k| {
                matches!(self.tok(k).base_rel(), "obl" | "nmod")
                    && self.s.kids[k].iter().any(|&c| {
                        c < k
                            && self.tok(c).rel == "case"
                            && crate::stance::is_attribution(&self.tok(c).lower)
                    })
            });
            if let Some(k) = source {
                found.notes.push("+according");
                return vec![k];
            }
            let Some(h) = self.tok(at).head else { break };
            let link = self.tok(at).base_rel();
            // `accused Chile of backing X`: what the object is accused of is the accuser's
            // claim.
            if let Some(v) = self.accusing_verb(at) {
                found.notes.push("+speech");
                return self.agent_tokens(v, 0, found);
            }
            // A participle clause before its verb is no report (`Condemned by Peru, X vowed to
            // resist`).
            let fronted_participle = link == "advcl" && at < h && matches!(self.tok(at).xpos, "VBN" | "VBG");
            let says = match self.lex.say.get(&self.tok(h).lemma) {
                _ if fronted_participle => false,
                Some(SayKind::Plain) => RelClass::ClauseLink.has(link),
                // `called X a puppet` (xcomp), `described X as a puppet` (an `as` phrase).
                Some(SayKind::Label) => {
                    // The label itself may be parsed as an unmarked oblique (`called X a fraud`).
                    RelClass::ClauseLink.has(link)
                        || (labels
                            && (link == "obj"
                                || (link == "obl"
                                    && (self.lex.preposition_is(&self.s.case_of(at), "label")
                                        || self.tok(at).rel == "obl:unmarked"))))
                }
                _ => false,
            };
            // (A passive with no agent names no speaker: `X was held accountable` is said by
            // whoever says the clause above it.)
            if says {
                let mut inner = Found::default();
                let agents = self.agent_tokens(h, 0, &mut inner);
                if !agents.is_empty() {
                    found.notes.extend(inner.notes);
                    found.notes.push("+speech");
                    return agents;
                }
            }
            at = h;
        }
        // `"...," X said`, parsed with the say verb as a parataxis of the quote's root.
        // (A labelling verb there labels, it reports nothing: `Backed by Peru, X called for
        // elections`.)
        let attribution = self.s.kids[at].iter().copied().find(|&k| {
            self.tok(k).base_rel() == "parataxis"
                && self.lex.say.get(&self.tok(k).lemma) == Some(&SayKind::Plain)
        });
        if let Some(v) = attribution {
            found.notes.push("+speech");
            return self.agent_tokens(v, 0, found);
        }
        // `X has no legitimacy, Peru said.` with the say verb hung on a word before it (as a
        // relative clause): a say verb with a subject and nothing said inside it, after a comma
        // and before nothing but punctuation, reports the sentence.
        let trailing = (0..self.s.len())
            .rev()
            .find(|&k| self.tok(k).upos != "PUNCT")
            .filter(|&v| {
                let t = self.tok(v);
                t.upos == "VERB"
                    && t.head.is_some()
                    && !self.s.dominates(v, i)
                    && self.lex.say.get(&t.lemma) == Some(&SayKind::Plain)
                    && self.s.kids_with(v, "nsubj").next().is_some()
                    && !self.s.kids[v]
                        .iter()
                        .any(|&k| RelClass::Complement.has(self.tok(k).base_rel()))
                    && self.after_comma(v)
            });
        if let Some(v) = trailing {
            found.notes.push("+speech");
            return self.agent_tokens(v, 0, found);
        }
        Vec::new()
    }

    /// Whether the word at `k` is a negator of this kind in negation.txt (`advmod`, `cc`, ...).
    fn negator_kind(&self, k: usize, kind: &str) -> bool {
        self.lex
            .negation
            .get(&self.tok(k).lower)
            .is_some_and(|kinds| kinds.iter().any(|x| x == kind))
    }

    /// Whether `word` has this kind in hypothetical.txt (`aux`, `future`, `deontic`, ...).
    fn modal_kind(&self, word: &str, kind: &str) -> bool {
        self.lex
            .hypothetical
            .get(word)
            .is_some_and(|kinds| kinds.iter().any(|x| x == kind))
    }

    /// The mentions that the agent of the verb at `v` stands for.
    fn agent_mentions(&self, v: usize, found: &mut Found) -> Vec<Mention> {
        self.agent_tokens(v, 0, found)
            .into_iter()
            .flat_map(|w| self.resolve(w, found))
            .collect()
    }

    /// The verb of warning or threat whose complement holds the verb at `v` (`warned that X
    /// would face ...`, also through a coordinated clause): a verb of saying or a light verb
    /// that is itself a cue against its object (frames.tsv: warn, threaten).
    fn warning_governor(&self, v: usize) -> Option<usize> {
        let mut at = v;
        for _ in 0..4 {
            let h = self.tok(at).head?;
            if !RelClass::ComplementChain.has(self.tok(at).base_rel()) {
                return None;
            }
            let lemma = &self.tok(h).lemma;
            let threatens = self
                .lex
                .frames_of(lemma, CuePos::Verb)
                .iter()
                .any(|&f| self.lex.frames[f].stance == Polarity::Against);
            let reports = self.lex.is_say_verb(lemma) || self.lex.light.contains_key(lemma);
            if self.tok(h).upos == "VERB" && threatens && reports && self.tok(at).base_rel() != "conj" {
                return Some(h);
            }
            at = h;
        }
        None
    }

    /// The speakers of the clause of `i`, who demand what it asks (noted `note` when found).
    fn demanding_speakers(&self, i: usize, note: &'static str, found: &mut Found) -> Vec<usize> {
        let mut inner = Found::default();
        let speakers = self.speaker_tokens(i, false, &mut inner);
        if !speakers.is_empty() {
            found.notes.extend(inner.notes);
            found.notes.push(note);
        }
        speakers
    }

    /// The agent of the directive verb (`urge`, `call for`, `demand`) above `i`, or the owner of
    /// a directive noun (`Peru's calls for X to resign`).
    fn directive_tokens(&self, i: usize, found: &mut Found) -> Vec<usize> {
        // `Peru said Lopez must resign`: an obligation in what someone says is their demand.
        let obliged = self.s.kids[i]
            .iter()
            .any(|&k| self.tok(k).base_rel() == "aux" && self.modal_kind(&self.tok(k).lower, "deontic"));
        if obliged {
            let speakers = self.demanding_speakers(i, "+deontic", found);
            if !speakers.is_empty() {
                return speakers;
            }
        }
        let mut at = i;
        for _ in 0..3 {
            let Some(h) = self.tok(at).head else { break };
            let link = self.tok(at).base_rel();
            // `Peru said there is a need for Lopez to resign`, `... that Lopez's departure is a
            // precondition`: a necessity someone states is their demand, as with `must`.
            let necessity = matches!(self.tok(h).upos, "NOUN" | "ADJ")
                && RelClass::NecessityLink.has(link)
                && self.modal_kind(&self.tok(h).lemma, "necessity");
            if necessity {
                let owners = self.noun_owners(h);
                if !owners.is_empty() {
                    found.notes.push("+necessity");
                    return owners;
                }
                return self.demanding_speakers(h, "+necessity", found);
            }
            let noun = self.tok(h).upos == "NOUN";
            // (A demand noun asks for what its infinitive or `for` phrase says: `calls for X to
            // resign`, `calls for X's removal`.)
            let asked = noun
                && (link == "acl"
                    || (link == "nmod" && self.lex.preposition_is(&self.s.case_of(at), "request")));
            if self.lex.directive.contains_key(&self.tok(h).lemma)
                && (RelClass::DirectiveLink.has(link) || asked)
            {
                found.notes.push("+directive");
                let owners = if noun { self.noun_owners(h) } else { Vec::new() };
                return if owners.is_empty() {
                    self.agent_tokens(h, 0, found)
                } else {
                    owners
                };
            }
            // `issued calls for X's release` with the `for` phrase hung on the verb that gives
            // the demand: whoever gives it asks for the act.
            // (Also the infinitive of a demand's `for` phrase, parsed on the verb: `renewed its
            // call for X to step down`, with `for X` on the demand or opening the clause.)
            let asked_of = link == "advcl"
                && ((self.marked_as(at, "infinitive") && !self.demand_subjects(h, at).is_empty())
                    || (self.marked_as(at, "clause_subject")
                        && self.s.kids_with(h, "obj").any(|o| self.is_demand_noun(o))));
            let gives_demand = (link == "obl" && self.lex.preposition_is(&self.s.case_of(at), "request")
                || asked_of)
                && self
                    .lex
                    .light
                    .get(&self.tok(h).lemma)
                    .is_some_and(|l| !l.receiver && !l.remove)
                && self.s.kids_with(h, "obj").any(|o| self.is_demand_noun(o));
            if gives_demand {
                found.notes.push("+directive");
                return self.agent_tokens(h, 0, found);
            }
            // `stressed the need for X to be removed`, the infinitive hung on the verb of saying
            // whose object is the necessity: whoever states the need demands the act.
            let stated_need = matches!(link, "xcomp" | "advcl")
                && self.marked_as(at, "infinitive")
                && self.lex.is_say_verb(&self.tok(h).lemma)
                && self.s.kids_with(h, "obj").any(|o| self.is_necessity_noun(o));
            if stated_need {
                found.notes.push("+necessity");
                return self.agent_tokens(h, 0, found);
            }
            // `called on the senators to back X`: the infinitive may hang from the addressee.
            let infinitive = link == "acl" && self.s.kid_exact(at, "mark").is_some();
            if !(RelClass::SpeechLink.has(link) || infinitive) {
                break;
            }
            at = h;
        }
        Vec::new()
    }

    /// The word on the other side of the hyphen of an affix cue at `i`, and the noun the
    /// hyphenated word modifies.
    fn affix_parts(&self, i: usize, pos: CuePos) -> (Option<usize>, Option<usize>) {
        let n = self.s.len();
        if pos == CuePos::Prefix && self.tok(i).text.contains('-') {
            // One word: its head is the noun it modifies; the stem is inside it.
            return (None, self.tok(i).head);
        }
        let (hyphen, stem) = match pos {
            CuePos::Prefix => (i + 1, i + 2),
            CuePos::Suffix => (i.wrapping_sub(1), i.wrapping_sub(2)),
            _ => return (None, None),
        };
        if hyphen >= n || stem >= n || self.tok(hyphen).text != "-" {
            return (None, None);
        }
        let group = [i.min(stem), i.max(stem)];
        let head = (group[0]..=group[1])
            .filter_map(|k| self.tok(k).head)
            .find(|&h| h < group[0] || h > group[1]);
        (Some(stem), head)
    }

    fn role_tokens(&self, i: usize, frame: &Frame, role: &Role, found: &mut Found) -> Vec<usize> {
        let t = self.tok(i);
        match role {
            Role::Agent => {
                let out = self.agent_tokens(i, 0, found);
                // `countries allied against X`: a past participle on a noun reads as passive
                // (`X, backed by Peru`), but a verb used intransitively, with no object in its
                // frame or none here and its target in a prepositional phrase (`farmers
                // protested against X`, a clause the parser can read as a noun phrase), is a
                // perfect, and the noun did it.
                let patient = |roles: &[Role]| roles.iter().any(|r| matches!(r, Role::Patient));
                let oblique_target = frame.target.iter().any(|r| match r {
                    Role::Obl(p) => !self.with_case(i, "obl", p).is_empty(),
                    _ => false,
                });
                let intransitive = !patient(&frame.holder)
                    && (!patient(&frame.target) || (self.s.kid_exact(i, "obj").is_none() && oblique_target));
                if out.is_empty()
                    && intransitive
                    && frame.pos == CuePos::Verb
                    && t.rel == "acl"
                    && t.xpos == "VBN"
                    && self.s.kid_exact(i, "obl:agent").is_none()
                {
                    found.notes.push("+participle");
                    return t.head.into_iter().collect();
                }
                out
            }
            Role::Patient => {
                let mut out = self.patient_tokens(i, found);
                if out.is_empty() {
                    if let Some(p) = &frame.particle {
                        out = self.particle_objects(i, p);
                    }
                }
                out
            }
            Role::Obl(p) => {
                let mut out = self.with_case(i, "obl", p);
                if out.is_empty() && frame.pos == CuePos::Noun {
                    if let Some(v) = self.carrier(i) {
                        out = self.with_case(v, "obl", p);
                    }
                }
                if out.is_empty() {
                    // Parsers attach prepositional phrases to the nearest noun as often as to
                    // the verb: `backed the plan of X` is not it, but `sided with X` under
                    // an object is.
                    out = self.with_case(i, "nmod", p);
                }
                if out.is_empty() && frame.pos == CuePos::Verb {
                    // ... and to the verb's object: `backed X against Y` read as `X against Y`.
                    // (however the parser labels a phrase under a noun: `took [aim at X]`).
                    // (Also under what an amount in the object's place measures: `sent dozens
                    // of tanks to X`.)
                    out = self
                        .s
                        .kids_with(i, "obj")
                        .flat_map(|o| {
                            std::iter::once(o).chain(
                                self.s
                                    .kids_with(o, "nmod")
                                    .filter(move |&k| self.measured_slot(k) == o),
                            )
                        })
                        .flat_map(|o| [self.with_case(o, "nmod", p), self.with_case(o, "obl", p)])
                        .flatten()
                        .collect();
                }
                if out.is_empty() && frame.pos == CuePos::Verb {
                    // ... and to a name the verb or its object takes with another preposition:
                    // `sided with X against Y` read as `X against Y`, `switched its support from
                    // X to Y` as `X to Y` (a name takes no such phrase of its own).
                    out = self
                        .s
                        .kids_with(i, "obl")
                        .chain(
                            self.s
                                .kids_with(i, "obj")
                                .flat_map(|o| self.s.kids_with(o, "nmod")),
                        )
                        .filter(|&o| self.tok(o).upos == "PROPN")
                        .flat_map(|o| self.with_case(o, "nmod", p))
                        .collect();
                }
                if out.is_empty() && frame.pos == CuePos::Verb {
                    out = self.stranded_objects(i, p);
                }
                out
            }
            Role::Nmod(p) => {
                let mut out = self.with_case(i, "nmod", p);
                if out.is_empty() {
                    out = self.with_case(i, "obl", p);
                }
                if out.is_empty() {
                    if let Some(v) = self.carrier(i) {
                        out = self.with_case(v, "obl", p);
                    }
                }
                out
            }
            Role::Poss => self.s.kids_with(i, "nmod:poss").collect(),
            // In a chain of noun modifiers, parsers hang the first on the next (`US drug
            // trafficking charges`: US on trafficking): the chain's proper nouns count.
            Role::Compound => {
                let dative = self.dative_compound(i);
                let mut out: Vec<usize> = self.s.kids[i]
                    .iter()
                    .copied()
                    .filter(|&k| self.tok(k).rel == "compound" && Some(k) != dative)
                    .collect();
                let nested: Vec<usize> = out
                    .iter()
                    .filter(|&&k| self.tok(k).upos == "NOUN")
                    .flat_map(|&k| self.s.kids[k].iter().copied())
                    .filter(|&k| self.tok(k).rel == "compound" && self.tok(k).upos == "PROPN")
                    .collect();
                out.extend(nested);
                out
            }
            Role::Amod => self.s.kids_with(i, "amod").collect(),
            Role::Iobj => {
                let mut out: Vec<usize> = self.s.kids_with(i, "iobj").collect();
                out.extend(self.dative_compound(i));
                if out.is_empty() {
                    if let Some(v) = self.carrier(i) {
                        out = self.s.kids_with(v, "iobj").collect();
                        // `assured X of its support`: the object receives what a phrase gives.
                        let recipient = self
                            .lex
                            .light
                            .get(&self.tok(v).lemma)
                            .is_some_and(|l| l.recipient);
                        if out.is_empty() && recipient && matches!(t.base_rel(), "obl" | "nmod") {
                            out = self.s.kids_with(v, "obj").collect();
                        }
                    }
                }
                out
            }
            Role::Head => match frame.pos {
                CuePos::Prefix | CuePos::Suffix => self.affix_parts(i, frame.pos).1.into_iter().collect(),
                _ => t
                    .head
                    .filter(|_| RelClass::NounModifier.has(t.base_rel()))
                    .into_iter()
                    .collect(),
            },
            Role::Stem => self.affix_parts(i, frame.pos).0.into_iter().collect(),
            Role::Subject => {
                let subjects: Vec<usize> = self.s.kids[i]
                    .iter()
                    .copied()
                    .filter(|&k| RelClass::Subject.has(self.tok(k).rel))
                    .collect();
                if !subjects.is_empty() {
                    return subjects;
                }
                // `Peru remained X's ally`, `X stayed defiant`: the predicate of a linking
                // verb is its subject's.
                let linked = self.predicate_subjects(i);
                if !linked.is_empty() {
                    found.notes.push("+predicate");
                    return linked;
                }
                match (t.base_rel(), t.head) {
                    // `X's main backer is the US`: an actor noun as the subject of a nominal
                    // predicate names its holder there.
                    ("nsubj", Some(h))
                        if frame.holder.contains(&Role::Own) && self.s.kid_exact(h, "cop").is_some() =>
                    {
                        found.notes.push("+predicate");
                        vec![h]
                    }
                    // `X is the legitimate president`: an adjective on a nominal predicate
                    // judges the predicate's subject.
                    ("amod", Some(h))
                        if self.mentions.at[h].is_none() && !self.predicate_subjects(h).is_empty() =>
                    {
                        found.notes.push("+predicate");
                        self.predicate_subjects(h)
                    }
                    // An appositive of a coordination describes each conjunct (`Peru and
                    // Chile, both allies of X`).
                    ("appos", Some(h)) => {
                        let members = self.members(h);
                        if members.len() > 1 {
                            found.notes.push("+coordination");
                        }
                        members
                    }
                    // `sees X as the rightful leader`, `called X the legitimate president`: an
                    // adjective on the label a labelling verb gives judges whoever is labelled.
                    ("amod", Some(h))
                        if self.mentions.at[h].is_none()
                            && RelClass::LabelSlot.has(self.tok(h).base_rel())
                            && self.tok(h).head.is_some_and(|v| {
                                self.lex.say.get(&self.tok(v).lemma) == Some(&SayKind::Label)
                            }) =>
                    {
                        let labelled = self.role_tokens(h, frame, role, found);
                        if labelled.is_empty() {
                            vec![h]
                        } else {
                            labelled
                        }
                    }
                    // ... also on a label the parser made an appositive of the one labelled
                    // (`designated X a terrorist group`, with no comma between).
                    ("amod", Some(h))
                        if self.mentions.at[h].is_none()
                            && self.tok(h).base_rel() == "appos"
                            && self.tok(h).head.is_some_and(|o| {
                                o + 1 < h
                                    && self.tok(o).base_rel() == "obj"
                                    && !self.s.toks[o + 1..h].iter().any(|w| w.upos == "PUNCT")
                                    && self.tok(o).head.is_some_and(|v| {
                                        self.lex.say.get(&self.tok(v).lemma) == Some(&SayKind::Label)
                                    })
                            }) =>
                    {
                        found.notes.push("+label");
                        self.tok(h).head.into_iter().collect()
                    }
                    ("amod" | "acl", Some(h)) => vec![h],
                    ("conj", Some(h)) if self.is_list_appositive(i) => {
                        found.notes.push("+appos");
                        vec![h]
                    }
                    // `called X a war criminal` parsed as a double object: the label is the
                    // later object, the one labelled the indirect or earlier object; in the
                    // passive, the subject (`X was considered one of Y's allies`). (A quoted
                    // label may be parsed as a clause: `called X "a war criminal"`.)
                    ("obj", Some(h)) | ("ccomp", Some(h))
                        if self.lex.say.get(&self.tok(h).lemma) == Some(&SayKind::Label)
                            && (self.tok(i).base_rel() == "obj" || self.tok(i).upos == "NOUN") =>
                    {
                        let mut labelled: Vec<usize> = self.s.kids[h]
                            .iter()
                            .copied()
                            .filter(|&k| self.tok(k).rel == "iobj" || (self.tok(k).rel == "obj" && k < i))
                            .collect();
                        if labelled.is_empty() {
                            labelled = self.s.kids_with(h, "nsubj:pass").collect();
                        }
                        if !labelled.is_empty() {
                            found.notes.push("+label");
                        }
                        labelled
                    }
                    // `Peru is one of X's allies`: the partitive stands for the cue, and whoever
                    // it describes is the subject (`became one of X's critics`, `emerged as one
                    // of ...`, `Peru, one of X's allies, ...`).
                    ("nmod", Some(h))
                        if matches!(self.tok(h).upos, "NUM" | "PRON")
                            && self.lex.preposition_is(&self.s.case_of(i), "partitive") =>
                    {
                        found.notes.push("+partitive");
                        let linked = self.predicate_subjects(h);
                        if linked.is_empty() {
                            self.role_tokens(h, frame, role, found)
                        } else {
                            linked
                        }
                    }
                    // `described X as terrorists` with the label hung on the object: the object
                    // is whom the labelling verb labels.
                    ("nmod", Some(h))
                        if self.lex.preposition_is(&self.s.case_of(i), "label")
                            && self.tok(h).base_rel() == "obj"
                            && self.tok(h).head.is_some_and(|v| {
                                self.lex.say.get(&self.tok(v).lemma) == Some(&SayKind::Label)
                            }) =>
                    {
                        found.notes.push("+label");
                        vec![h]
                    }
                    // `called X a dictator`, `X was seen as illegitimate`, `is little more than
                    // a bluff` (an `obl` with no preposition or one of labelling: not `appealed
                    // to X's supporters`).
                    (link, Some(h))
                        if RelClass::LabelLink.has(link)
                            && (link != "obl" || {
                                let p = self.s.case_of(i);
                                p.is_empty() || self.lex.preposition_is(&p, "label")
                            }) =>
                    {
                        found.notes.push("+label");
                        // (The one labelled may be parsed as an indirect object: `called X a
                        // dangerous man` as iobj + xcomp.)
                        let objects: Vec<usize> = self.s.kids[h]
                            .iter()
                            .copied()
                            .filter(|&k| matches!(self.tok(k).base_rel(), "obj" | "iobj"))
                            .collect();
                        if !objects.is_empty() {
                            objects
                        } else {
                            self.s.kids[h]
                                .iter()
                                .copied()
                                .filter(|&k| matches!(self.tok(k).rel, "nsubj:pass" | "nsubj"))
                                .collect()
                        }
                    }
                    _ => Vec::new(),
                }
            }
            Role::Own => vec![i],
            Role::Speaker => self.speaker_tokens(i, true, found),
            Role::Directive => self.directive_tokens(i, found),
            Role::Accused => {
                let subjects: Vec<usize> = self
                    .s
                    .kids_with(i, "ccomp")
                    .flat_map(|c| {
                        let subjects: Vec<usize> = self.s.kids[c]
                            .iter()
                            .copied()
                            .filter(|&k| self.tok(k).base_rel() == "nsubj")
                            .collect();
                        subjects
                    })
                    .collect();
                if subjects.is_empty() {
                    self.after_complementizer(i).into_iter().collect()
                } else {
                    subjects
                }
            }
        }
    }

    /// The mentions an argument word stands for: itself or its name, the actor behind a
    /// government noun (`X's government`), an appositive's name, a relative pronoun's
    /// antecedent, the members of a list (`states including Peru and Chile`) and an unnamed group;
    /// every conjunct likewise.
    fn resolve(&self, word: usize, found: &mut Found) -> Vec<Mention> {
        self.resolve_members(self.members(word), found)
    }

    /// The mentions a list of words stands for (`word` and its conjuncts; see [`Ctx::resolve`]).
    fn resolve_members(&self, members: Vec<usize>, found: &mut Found) -> Vec<Mention> {
        let mut out = Vec::new();
        if members.len() > 1 {
            found.notes.push("+coordination");
        }
        for u in members {
            // A word marked as a possessor (`Peru's`) but parsed as an argument of its own
            // (an object, a conjunct) names whose the argument is, not the argument.
            let possessor = self.tok(u).rel != "nmod:poss"
                && self.s.kids[u]
                    .iter()
                    .any(|&k| self.tok(k).rel == "case" && self.is_function(k, FunctionKind::Possessive));
            if !possessor {
                self.resolve_one(u, 0, found, &mut out);
            }
        }
        out
    }

    /// `word` and the words listed with it: its conjuncts, and names in apposition to a name
    /// (`Canada, Peru and the OAS` is often parsed with `Peru` as an apposition), leaving out
    /// those marked as exceptions (`except for Mexico`).
    fn members(&self, word: usize) -> Vec<usize> {
        let mut out = vec![word];
        let mut k = 0;
        while k < out.len() {
            let at = out[k];
            k += 1;
            for &c in &self.s.kids[at] {
                let rel = self.tok(c).base_rel();
                let name_list = rel == "appos" && self.is_named(at) && self.is_named(c) && !self.bracketed(c);
                let excluded = self.lex.function.get(&self.s.case_of(c)) == Some(&FunctionKind::Exception)
                    || self.is_alternative(c);
                if (rel == "conj" && !self.is_list_appositive(c) || name_list)
                    && !excluded
                    && !out.contains(&c)
                {
                    out.push(c);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Whether word `k` opens with a bracket: a name in brackets after a name glosses it (`Ana
    /// Rivera (D)`, a party) and names no one else.
    fn bracketed(&self, k: usize) -> bool {
        self.s.kids[k]
            .iter()
            .any(|&p| p < k && self.tok(p).xpos == "-LRB-")
    }

    /// Whether word `i` belongs to a mention that names an actor (not a pronoun).
    fn is_named(&self, i: usize) -> bool {
        self.mentions.at[i].is_some_and(|m| !self.mentions.list[m].pronoun)
    }

    fn resolve_one(&self, u: usize, depth: usize, found: &mut Found, out: &mut Vec<Mention>) {
        if depth > 3 {
            return;
        }
        let start = out.len();
        // `that assertion`, `the charge`: whoever made the claim before.
        if let Some(claim) = self.previous_claim.filter(|_| self.refers_to_claim(u)) {
            found.notes.push("+claim");
            out.extend(claim.claimants.iter().map(|m| self.at_word(m, u)));
            return;
        }
        self.members_named(u, depth, found, out);
        let t = self.tok(u);
        if let Some(m) = self.mentions.at[u] {
            let mention = &self.mentions.list[m];
            // `Russia and China said they ...`: a plural pronoun takes the whole coordination.
            if let (true, Some(mut a)) = (self.lex.plural_pronouns.contains(&t.lower), mention.antecedent) {
                // From the first conjunct of the antecedent's coordination.
                while let (Some(h), "conj") = (self.tok(a).head, self.tok(a).rel) {
                    a = h;
                }
                let members = self.members(a);
                if members.len() > 1 {
                    found.notes.push("+pronoun");
                    for k in members {
                        if let Some(n) = self.mentions.at[k] {
                            out.push(self.mentions.list[n].clone());
                        }
                    }
                    return;
                }
            }
            out.push(self.headed_government(mention.clone(), found));
            if !mention.joint.is_empty() {
                found.notes.push("+pronoun");
                for who in &mention.joint {
                    let mut member = mention.clone();
                    member.who = who.clone();
                    member.joint.clear();
                    out.push(self.headed_government(member, found));
                }
            }
            return;
        }
        // `we`, `I`: whoever says the clause, or the quote the sentence is.
        if t.upos == "PRON" && self.lex.pronouns.get(&t.lower) == Some(&PronounKind::Speaker) {
            // (Not the pronoun itself: `my` owns `my view`, whose owner says the clause.)
            let speakers: Vec<usize> = self
                .speaker_tokens(u, false, found)
                .into_iter()
                .filter(|&w| w != u)
                .collect();
            if speakers.is_empty() {
                if let Some(q) = self.quote_speaker {
                    found.notes.push("+quote");
                    out.push(q.clone());
                }
            }
            for w in speakers {
                self.resolve_one(w, depth + 1, found, out);
            }
            return;
        }
        // A relative pronoun stands for the noun its clause modifies.
        if self.is_function(u, FunctionKind::Relative) && t.upos == "PRON" {
            // `who` means persons (function_words.txt's `person`).
            let persons_only = self.lex.person_relatives.contains(&t.lower);
            let before = out.len();
            let antecedent = t
                .head
                .filter(|&clause| self.tok(clause).rel == "acl:relcl")
                .and_then(|clause| self.tok(clause).head);
            let misread = if let Some(antecedent) = antecedent {
                found.notes.push("+relcl");
                self.resolve_one(antecedent, depth + 1, found, out);
                // A clause the parser hung on a name of no person (a country, a body). A common
                // noun is a description of people: `officials who` keeps its reading.
                self.tok(antecedent).upos == "PROPN" && out[before..].iter().all(|m| !m.person)
            } else {
                // `..., who` read as a main clause's subject: still a relative after a comma.
                u > 0 && self.tok(u - 1).text == ","
            };
            if persons_only && misread {
                let persons = self.persons_before(u);
                if !persons.is_empty() {
                    found.notes.push("+who");
                    out.truncate(before);
                    out.extend(persons);
                }
            }
            return;
        }
        // `a host of countries`, `a number of governments`: the amount stands for its `of` phrase.
        if t.upos == "NOUN" && self.lex.function.get(&t.lower) == Some(&FunctionKind::Quantity) {
            let of_phrase = self.s.kids[u].iter().copied().find(|&k| {
                self.tok(k).base_rel() == "nmod" && self.lex.preposition_is(&self.s.case_of(k), "partitive")
            });
            if let Some(k) = of_phrase {
                for member in self.members(k) {
                    self.resolve_one(member, depth + 1, found, out);
                }
                return;
            }
        }
        // Members listed with `including`, `such as`, `like`, `among them`.
        let mut listed = false;
        for k in self.lists_of(u) {
            for member in self.members(k) {
                self.resolve_one(member, depth + 1, found, out);
            }
            listed = true;
            found.notes.push("+list");
        }
        // `the opposition leader, Juan Rivera`: the appositive names the actor.
        for k in self
            .s
            .kids_with(u, "appos")
            .filter(|&k| !self.bracketed(k))
            .collect::<Vec<_>>()
        {
            if let Some(m) = self.mentions.at[k] {
                out.push(self.mentions.list[m].clone());
                return;
            }
        }
        // `the president of the national assembly, Juan Rivera`: an office's holder named in
        // apposition, which parsers hang on the last noun before the comma.
        if self.lex.titles.contains_key(&t.lemma) {
            let named_person = self.s.kids[u]
                .iter()
                .filter(|&&k| self.tok(k).base_rel() == "nmod")
                .flat_map(|&k| self.s.kids_with(k, "appos"))
                .filter_map(|a| self.mentions.at[a])
                .find(|&m| self.mentions.list[m].person && !self.mentions.list[m].pronoun);
            if let Some(m) = named_person {
                found.notes.push("+appos");
                out.push(self.mentions.list[m].clone());
                return;
            }
        }
        // `a spokesman for the Peruvian government`: a speaking head stands for whom it speaks
        // for (prepositions.txt `principal`).
        if self.lex.government_role(&t.lemma, "speaker") {
            let principal = self.s.kids[u].iter().copied().find(|&k| {
                self.tok(k).base_rel() == "nmod" && self.lex.preposition_is(&self.s.case_of(k), "principal")
            });
            if let Some(p) = principal {
                let before = out.len();
                self.resolve_one(p, depth + 1, found, out);
                if out.len() > before {
                    return;
                }
            }
        }
        // `X's government`, `US officials`, `the Russian foreign minister`: a government,
        // office or group word stands for the actor that modifies it.
        let modified_actor = self.modifier_actor(u);
        // A relation noun's possessor is the other side (`Peru's allies` are not Peru), and so
        // is that of a noun that holds a stance itself (`X's critics`, `critics of X`): a crowd
        // for or against a target modifier, as the guidelines name crowds (`X opponents`).
        let frames = self.lex.frames_of(&t.lemma, CuePos::Noun);
        let relation = frames.iter().any(|&f| self.lex.frames[f].mutual);
        let holds_own = frames
            .iter()
            .map(|&f| &self.lex.frames[f])
            .find(|f| f.holder.contains(&Role::Own));
        // The side is what the noun's own frame aims at (`critics of X`, `X's critics`). A
        // crowd of several (`supporters of X and Y`) is one crowd per target, paired with its
        // own at the cue (see [`Ctx::crowds`]); a country before the noun says where the crowd
        // is from (`American critics of X` are a group the United States describes, below).
        let side = holds_own.and_then(|frame| {
            frame
                .target
                .iter()
                .flat_map(|role| self.role_tokens(u, frame, role, &mut Found::default()))
                .find_map(|k| self.mentions.at[k])
                .map(|m| (frame.stance, m))
        });
        let single_side = side.is_some_and(|(_, m)| {
            modified_actor == Some(m) && self.members(self.mentions.list[m].last).len() == 1
        });
        if let (Some((stance, m)), true, false) = (side, single_side, relation) {
            let side = &self.mentions.list[m];
            if self.is_target(&side.who) {
                found.notes.push("+crowd");
                out.push(Mention {
                    first: u.min(side.first),
                    last: u.max(side.last),
                    who: Who::Group(crate::stance::crowd_name(&self.name(&side.who), stance)),
                    span: t.span,
                    person: false,
                    pronoun: false,
                    antecedent: None,
                    joint: Vec::new(),
                });
                return;
            }
        }
        let relation = relation || (holds_own.is_some() && single_side);
        // (The other side named, the parse is certain the crowd is not it: `X's allies
        // denounced Y` is no stance of X's.)
        if relation && modified_actor.is_some() {
            found.notes.push("+relation");
        }
        // A text someone issues (`document` in government_nouns.txt) is its author's.
        let document = self.is_document(u);
        let stands_for_modifier = !relation
            && (self.lex.government_role(&t.lemma, "state")
                || self.lex.government_role(&t.lemma, "speaker")
                || document
                || self.lex.titles.contains_key(&t.lemma)
                || self.lex.groups.contains(&t.lower));
        // A crowd noun after a name that no list knows (`Tory rebels`, `Labour lawmakers`) is a
        // group the name describes, not the name itself: a country or body is known (`US
        // officials` are the United States), a party or movement is not. So is a country's
        // crowd that is no part of its state (`Syrian rebels`, `Peruvian protesters`): only its
        // officials, diplomats or troops are the state (group_nouns.txt `state`).
        let country = |who: &Who| match who {
            Who::Actor(a) => self
                .lex
                .actors
                .get(*a as usize)
                .is_some_and(|a| a.kind == ActorKind::Country),
            Who::Target(t) => self.targets.same_actor.iter().any(|(&a, &target)| {
                target == *t
                    && self
                        .lex
                        .actors
                        .get(a as usize)
                        .is_some_and(|a| a.kind == ActorKind::Country)
            }),
            _ => false,
        };
        let described_group = modified_actor.is_some_and(|m| match &self.mentions.list[m].who {
            Who::Name(_) => true,
            who if country(who) && !self.lex.state_groups.contains(&t.lower) => {
                // (A word of the state between keeps them its own: `Venezuelan military
                // members`, `Syrian government officials`. Checked last: it copies the words.)
                let last = self.mentions.list[m].last;
                let lower: Vec<String> = self.s.toks[..u].iter().map(|w| w.lower.clone()).collect();
                !(last + 1..u).any(|k| {
                    self.lex.government_role(&self.tok(k).lemma, "state")
                        || crate::stance::military_phrase(&lower, k).is_some()
                })
            }
            _ => false,
        }) && self.lex.groups.contains(&t.lower)
            && t.upos == "NOUN";
        if let (Some(m), true, false) = (modified_actor, stands_for_modifier, described_group) {
            if document {
                found.notes.push("+document");
            }
            let mut mention = self.mentions.list[m].clone();
            mention.first = mention.first.min(u);
            mention.last = mention.last.max(u);
            out.push(self.headed_government(mention, found));
            return;
        }
        // `Chile issued a decree banning X`: a text with no named author is whoever issues it,
        // through a giving light verb; whoever vetoes or rejects it is no author.
        if document && t.base_rel() == "obj" {
            let issuer = t.head.filter(|&v| {
                self.tok(v).upos == "VERB"
                    && self
                        .lex
                        .light
                        .get(&self.tok(v).lemma)
                        .is_some_and(|l| !l.receiver && !l.remove)
            });
            if let Some(v) = issuer {
                found.notes.push("+document");
                for a in self.agent_tokens(v, depth + 1, found) {
                    if a != u {
                        self.resolve_one(a, depth + 1, found, out);
                    }
                }
                return;
            }
        }
        // An unnamed group: `several governments`, `Western countries`.
        if self.lex.groups.contains(&t.lower) && t.upos == "NOUN" {
            if let Some(name) = self.group_name(u, listed) {
                out.push(Mention {
                    first: u,
                    last: u,
                    who: Who::Group(name),
                    span: t.span,
                    person: false,
                    pronoun: false,
                    antecedent: None,
                    joint: Vec::new(),
                });
            }
        }
        // A word of number that stands alone for a crowd (`Thousands rallied behind X`,
        // group_nouns.txt `number`): a crowd named by what it does (see [`Ctx::push_pairs`]).
        if out.len() == start && self.lex.crowd_numbers.contains(&t.lower) && matches!(t.upos, "NOUN" | "NUM")
        {
            found.notes.push("+crowd");
            out.push(Mention {
                first: u,
                last: u,
                who: Who::Group(String::new()),
                span: t.span,
                person: false,
                pronoun: false,
                antecedent: None,
                joint: Vec::new(),
            });
        }
    }

    /// The mention that modifies noun `u`: its possessor, a compound, an adjective or flat part
    /// naming an actor, or an `of` phrase (`X's government`, `US officials`, `the order of X`);
    /// through a head that stands for its own modifier (government_nouns.txt `state`: `a
    /// statement from X's government`).
    fn modifier_actor(&self, u: usize) -> Option<usize> {
        self.s.kids[u]
            .iter()
            .copied()
            .filter(|&k| RelClass::ActorModifier.has(self.tok(k).rel))
            .filter(|&k| {
                self.tok(k).rel != "nmod" || {
                    let p = self.s.case_of(k);
                    // `the regime in Damascus`: a seat of power stands for where it sits.
                    self.owner_phrase(u, k)
                        || (self.lex.preposition_is(&p, "seat")
                            && self.lex.government_role(&self.tok(u).lemma, "seat"))
                }
            })
            .find_map(|k| {
                self.mentions.at[k].or_else(|| {
                    self.lex
                        .government_role(&self.tok(k).lemma, "state")
                        .then(|| self.modifier_actor(k))
                        .flatten()
                })
            })
            .or_else(|| self.seat_on_verb(u))
    }

    /// The place of a seat of power (government_nouns.txt `seat`) that the parser hung higher
    /// up, on a word above the noun, right after it (`toppled the government in Lima`, read as
    /// toppling in Lima): where the government sits, as `the regime in Damascus` is.
    fn seat_on_verb(&self, u: usize) -> Option<usize> {
        if !self.lex.government_role(&self.tok(u).lemma, "seat") {
            return None;
        }
        // (The phrase right after the noun: the first word after it whose phrase starts there.)
        let k = (u + 1..self.s.len()).find(|&k| {
            (u + 1..k).all(|w| self.s.dominates(k, w)) && {
                let t = self.tok(k);
                matches!(t.base_rel(), "obl" | "nmod")
                    && t.head.is_some_and(|h| h != u && self.s.dominates(h, u))
            }
        })?;
        self.lex
            .preposition_is(&self.s.case_of(k), "seat")
            .then(|| self.mentions.at[k])
            .flatten()
    }

    /// The object or oblique of verb `v` that is a text (see [`Ctx::is_document`]) and ends
    /// right before word `i`, with no punctuation between (`signed a decree banning X`,
    /// `abstained on a resolution condemning X`).
    fn text_before(&self, v: usize, i: usize) -> Option<usize> {
        self.s
            .kids_with(v, "obj")
            .chain(self.s.kids_with(v, "obl"))
            .find(|&o| {
                o < i
                    && self.is_document(o)
                    && (o + 1..i).all(|k| self.s.dominates(o, k) && self.tok(k).upos != "PUNCT")
            })
    }

    /// The person named nearest before word `u`, with the persons listed with it by `and`
    /// (`Sens. A of Ohio and B of Texas, who ...`: both). Read from the words, not the parse,
    /// because this is where the parse went wrong: between two listed persons stand only
    /// commas, one `and`, and the names, places and prepositions that qualify them.
    fn persons_before(&self, u: usize) -> Vec<Mention> {
        let persons: Vec<&Mention> = self
            .mentions
            .list
            .iter()
            .filter(|m| m.last < u && m.person && !m.pronoun)
            .collect();
        let Some(&nearest) = persons.iter().max_by_key(|m| m.last) else {
            return Vec::new();
        };
        let mut out = vec![nearest.clone()];
        let mut next = nearest;
        let mut joined_by_and = false;
        while let Some(&prev) = persons
            .iter()
            .filter(|m| m.last < next.first)
            .max_by_key(|m| m.last)
        {
            let between = &self.s.toks[prev.last + 1..next.first];
            let ands = between
                .iter()
                .filter(|w| {
                    w.upos == "CCONJ" && self.lex.function.get(&w.lower) == Some(&FunctionKind::Coordinator)
                })
                .count();
            let qualifiers_only = between.iter().all(|w| {
                matches!(w.upos, "ADP" | "DET" | "PROPN")
                    || w.text == ","
                    || (w.upos == "CCONJ"
                        && self.lex.function.get(&w.lower) == Some(&FunctionKind::Coordinator))
            });
            // The nearest pair is joined by `and`; earlier ones by commas.
            let joined = if joined_by_and { ands == 0 } else { ands == 1 };
            if !qualifiers_only || !joined {
                break;
            }
            joined_by_and = true;
            out.push(prev.clone());
            next = prev;
        }
        out.reverse();
        out
    }

    /// Whether `k`, parsed as the last conjunct of a list, is rather an apposition to the list:
    /// a common noun after a comma, with no conjunction of its own, after a list already joined
    /// by one (`Peru and Chile, close allies`).
    fn is_list_appositive(&self, k: usize) -> bool {
        let t = self.tok(k);
        let Some(h) = t.head else { return false };
        t.rel == "conj"
            && t.upos == "NOUN"
            && self.s.kid_exact(k, "cc").is_none()
            && self.after_comma(k)
            && self.s.kids[h]
                .iter()
                .any(|&c| c < k && self.tok(c).rel == "conj" && self.s.kid_exact(c, "cc").is_some())
    }

    /// Whether the phrase headed by `k` follows a comma (which may hang from `k` itself).
    fn after_comma(&self, k: usize) -> bool {
        let first = (0..=k)
            .find(|&j| self.s.dominates(k, j) && self.tok(j).upos != "PUNCT")
            .unwrap_or(k);
        first > 0 && self.tok(first - 1).text == ","
    }

    /// Whether `k` is marked as the one not chosen: its preposition or conjunction is an
    /// `alternative` of function_words.txt (`instead of Y`, `rather than Y`).
    fn is_alternative(&self, k: usize) -> bool {
        self.s.kids[k]
            .iter()
            .any(|&c| c < k && matches!(self.tok(c).rel, "case" | "cc") && self.is_alternative_marker(c))
    }

    /// Whether word `j` with its fixed words (`instead` + `of`) is an `alternative`.
    fn is_alternative_marker(&self, j: usize) -> bool {
        let words: Vec<&str> = std::iter::once(j)
            .chain(self.s.kids_with(j, "fixed"))
            .map(|c| self.tok(c).lemma.as_str())
            .collect();
        self.lex.function.get(&words.join(" ")) == Some(&FunctionKind::Alternative)
    }

    /// Whether word `k` is a text someone issues (government_nouns.txt, role `document`).
    /// The authors a text names as its owners: its possessor (`Lopez's decree`) or the agent of a
    /// participle on it (`the order signed by Lopez`).
    fn text_authors(&self, k: usize) -> Vec<usize> {
        let mut authors: Vec<usize> = self.s.kids_with(k, "nmod:poss").collect();
        for &c in &self.s.kids[k] {
            if self.tok(c).rel == "acl" && self.tok(c).xpos == "VBN" {
                authors.extend(self.s.kids_with(c, "obl:agent"));
            }
        }
        authors
    }

    fn is_document(&self, k: usize) -> bool {
        self.tok(k).upos == "NOUN" && self.lex.government_role(&self.tok(k).lemma, "document")
    }

    /// Whether word `k` (a pronoun) has this role.
    fn is_function(&self, k: usize, kind: FunctionKind) -> bool {
        self.lex.function.get(&self.tok(k).lower) == Some(&kind)
    }

    /// Whether `k` introduces a list of members (`including A and B`, `such as A`).
    fn is_list(&self, k: usize) -> bool {
        RelClass::ListLink.has(self.tok(k).base_rel())
            && self.lex.function.get(&self.s.case_of(k)) == Some(&FunctionKind::List)
    }

    /// The lists that name members of the group noun `u`: its own, and a list later in its
    /// clause that the parser hung on a word that is no group or actor (`Other states
    /// voiced backing after the vote, including A and B`: the list names states, not
    /// votes).
    fn lists_of(&self, u: usize) -> Vec<usize> {
        let own: Vec<usize> = self.s.kids[u]
            .iter()
            .copied()
            .filter(|&k| self.is_list(k))
            .collect();
        if !own.is_empty() || !self.lex.groups.contains(&self.tok(u).lower) {
            return own;
        }
        let Some(clause) = self.tok(u).head else {
            return own;
        };
        (u + 1..self.s.len())
            .filter(|&k| self.is_list(k) && self.s.dominates(clause, k))
            .filter(|&k| {
                self.tok(k).head.is_some_and(|h| {
                    h != u && self.mentions.at[h].is_none() && !self.lex.groups.contains(&self.tok(h).lower)
                })
            })
            .take(1)
            .collect()
    }

    /// See [`super::mentions::group_name`].
    fn group_name(&self, u: usize, listed: bool) -> Option<String> {
        super::mentions::group_name(self.s, self.lex, u, listed)
    }

    /// The actor named after the hyphen inside word `i` (`pro-Rivera`): a target alias or a
    /// gazetteer name, as a mention of that part of the word.
    fn inner_stem(&self, i: usize) -> Option<Mention> {
        let t = self.tok(i);
        let cut = t.text.find('-')? + 1;
        let rest = &t.text[cut..];
        let lower = [rest.to_lowercase()];
        let text = [rest];
        let who = if let Some((alias, 1)) = self.targets.aliases.longest(&lower, &text, 0) {
            Who::Target(alias.actor as usize)
        } else if let Some((alias, 1)) = self.lex.aliases.longest(&lower, &text, 0) {
            Who::Actor(alias.actor)
        } else {
            return None;
        };
        Some(Mention {
            first: i,
            last: i,
            who,
            span: Span::new(t.span.start + cut, t.span.end),
            person: false,
            pronoun: false,
            antecedent: None,
            joint: Vec::new(),
        })
    }

    /// The mentions a role gives for the cue at `i`.
    fn role_mentions(&self, i: usize, frame: &Frame, role: &Role, found: &mut Found) -> Vec<Mention> {
        let words = self.role_tokens(i, frame, role, found);
        self.mentions_of(i, frame, role, &words, found)
    }

    /// The mentions the words a role found (`words`, from [`Ctx::role_tokens`]) stand for.
    fn mentions_of(
        &self,
        i: usize,
        frame: &Frame,
        role: &Role,
        words: &[usize],
        found: &mut Found,
    ) -> Vec<Mention> {
        if *role == Role::Stem && frame.pos == CuePos::Prefix && self.tok(i).text.contains('-') {
            return self.inner_stem(i).into_iter().collect();
        }
        let mut out = Vec::new();
        for &w in words {
            if *role == Role::Head {
                // A modifier describes its own noun, not the nouns listed with it
                // (`anti-X protesters, police and officials`).
                self.resolve_one(w, 0, found, &mut out);
            } else if *role == Role::Own {
                // A crowd noun listed with one of the other side is not of this crowd:
                // `X's supporters and opponents` (each is read by its own frame).
                let other_side = |c: usize| {
                    self.lex
                        .frames_of(&self.tok(c).lemma, CuePos::Noun)
                        .iter()
                        .any(|&f| {
                            let other = &self.lex.frames[f];
                            other.holder.contains(&Role::Own) && other.stance != frame.stance
                        })
                };
                let members: Vec<usize> = self
                    .members(w)
                    .into_iter()
                    .filter(|&c| c == w || !other_side(c))
                    .collect();
                out.extend(self.resolve_members(members, found));
            } else {
                out.extend(self.resolve(w, found));
            }
        }
        if out.is_empty() && *role == Role::Speaker {
            if let Some(q) = self.quote_speaker {
                found.notes.push("+quote");
                out.push(q.clone());
            }
        }
        out
    }

    /// The ones a group noun's predicate names as its members (prepositions.txt `member`):
    /// `Peru was among the countries that recognised X` (Peru, besides the unnamed rest), added
    /// to `out`. (One level deeper in [`Ctx::resolve_one`]'s search: a relative pronoun can lead
    /// back up to the group noun.)
    /// The same for a number or pronoun whose partitive phrase the group noun is: `Peru is one
    /// of 50 countries that back X`, `Peru, one of the states that ...`.
    fn members_named(&self, w: usize, depth: usize, found: &mut Found, out: &mut Vec<Mention>) {
        let membership = self.s.kids[w].iter().any(|&c| {
            self.tok(c).base_rel() == "case" && self.lex.preposition_is(&self.tok(c).lemma, "member")
        });
        let subjects: Vec<usize> = if membership {
            self.s.kids_with(w, "nsubj").collect()
        } else {
            match self.tok(w).head {
                Some(h)
                    if self.tok(w).base_rel() == "nmod"
                        && matches!(self.tok(h).upos, "NUM" | "PRON")
                        && self.lex.preposition_is(&self.s.case_of(w), "partitive") =>
                {
                    match self.tok(h).head {
                        Some(named) if self.tok(h).base_rel() == "appos" => vec![named],
                        _ => self.predicate_subjects(h),
                    }
                }
                _ => return,
            }
        };
        let before = out.len();
        for k in subjects {
            let members = self.members(k);
            if members.len() > 1 {
                found.notes.push("+coordination");
            }
            for m in members {
                self.resolve_one(m, depth + 1, found, out);
            }
        }
        if out.len() > before {
            found.notes.push("+member");
        }
    }

    /// The mentions a target role stands for: as [`Ctx::role_mentions`], and for a noun of the
    /// possessor's own act, claim or office (`government_nouns.txt`, role `target`) that names
    /// no one itself, its possessor (`rejected Rivera's claims` is against Rivera).
    /// A text stands for its author as a holder (see [`Ctx::is_document`]); as a target, for its
    /// owner when the list gives it role `target` (`Peru's decree`), else only for a person who
    /// owns it (see below).
    fn target_mentions(&self, i: usize, frame: &Frame, role: &Role, found: &mut Found) -> Vec<Mention> {
        let words = self.role_tokens(i, frame, role, found);
        let mut out = self.mentions_of(i, frame, role, &words, found);
        out.retain(|m| {
            !words
                .iter()
                .any(|&w| self.is_document(w) && m.first <= w && w <= m.last)
        });
        if !out.is_empty() || *role == Role::Stem {
            return out;
        }
        for w in words {
            let t = self.tok(w);
            // An act, claim or text that is its owner's (government_nouns.txt `target`:
            // `condemned Peru's decree`, `Peru's interference`) is aimed at the owner. Any other
            // text only when it names a person as its owner (`the order signed by Lopez`): one
            // with no owner (`the constitutional order`) or a country's (`Peru's constitutional
            // order`, its laws) stands for nobody.
            let (owners, persons_only) = if t.upos != "NOUN" {
                continue;
            } else if self.lex.government_role(&t.lemma, "target") {
                (self.noun_owners(w), false)
            } else if self.is_document(w) {
                (self.text_authors(w), true)
            } else {
                let doers = self.nominal_act_doers(w);
                if doers.is_empty() {
                    continue;
                }
                (doers, false)
            };
            // An owner that names no one but is itself such a noun stands for its own owner
            // (`the legitimacy of Lopez's election`), a few levels at most.
            let mut owners = owners;
            for _ in 0..3 {
                let mut deeper = Vec::new();
                for k in owners {
                    let before = out.len();
                    out.extend(
                        self.resolve(k, found)
                            .into_iter()
                            .filter(|m| m.person || !persons_only),
                    );
                    if out.len() > before {
                        found.notes.push("+act");
                        found.owned_act.get_or_insert(w);
                    } else if self.tok(k).upos == "NOUN"
                        && self.lex.government_role(&self.tok(k).lemma, "target")
                    {
                        deeper.extend(self.noun_owners(k));
                    }
                }
                if deeper.is_empty() {
                    break;
                }
                owners = deeper;
            }
        }
        out
    }

    /// The targets a frame's target role reaches from the cue at `i`, as the receivers of the
    /// stance (see [`Ctx::receiver`]).
    fn aimed_at(&self, i: usize, frame: &Frame, role: &Role, found: &mut Found) -> Vec<Mention> {
        self.target_mentions(i, frame, role, found)
            .into_iter()
            .map(|m| self.receiver(m, found))
            .filter(|m| self.is_target(&m.who))
            .collect()
    }

    /// Whether a negator hangs from `i` (`not`, `never`, `no`).
    fn negated(&self, i: usize) -> bool {
        let focus = |k: usize| k < self.s.len() && self.negator_kind(k, "focus");
        // `no longer`, `no more`: a negating word on an adverb of the cue.
        let negating_word = |n: usize| self.negator_kind(n, "det") || self.negator_kind(n, "advmod");
        // `Neither X nor Y backs Z`, `Z backs neither X nor Y`: a negating conjunction on the
        // subject or the object negates the clause.
        let negating_conjunction = |c: usize| self.tok(c).base_rel() == "cc" && self.negator_kind(c, "cc");
        self.s.kids[i].iter().any(|&k| {
            let t = self.tok(k);
            // (An adverb that puts a relation in the past modifies a noun cue as an adjective
            // would: `once an ally of X`.)
            let past_adverb =
                |p: &String| p == "amod" && t.base_rel() == "advmod" && self.tok(i).upos == "NOUN";
            let own = self.lex.negation.get(&t.lower).is_some_and(|places| {
                places.iter().any(|p| {
                    p == t.base_rel() || (p == "advmod" && t.base_rel() == "advmod") || past_adverb(p)
                })
            }) && !focus(k + 1);
            own || (t.base_rel() == "advmod" && self.s.kids[k].iter().any(|&n| n < k && negating_word(n)))
                || (matches!(t.base_rel(), "nsubj" | "obj")
                    && self.s.kids[k].iter().any(|&c| negating_conjunction(c)))
        })
    }

    /// The subjects of the nominal predicate `h` (`X is the president`), if it is one.
    fn predicate_subjects(&self, h: usize) -> Vec<usize> {
        if self.s.kid_exact(h, "cop").is_some() {
            return self.s.kids_with(h, "nsubj").collect();
        }
        // `X remained the rightful leader`: the object of a linking verb (function_words.txt).
        match self.tok(h).head {
            Some(v)
                if matches!(self.tok(h).base_rel(), "obj" | "xcomp")
                    && self.lex.function.get(&self.tok(v).lemma) == Some(&FunctionKind::Linking) =>
            {
                self.s.kids_with(v, "nsubj").collect()
            }
            _ => Vec::new(),
        }
    }

    /// The subjects a nominal at `h` is predicated of: as the predicate of a copula or a
    /// linking verb (see [`Ctx::predicate_subjects`]), or in a phrase of a linking verb (`X
    /// remained under pressure`).
    fn predicated_of(&self, h: usize) -> Vec<usize> {
        let subjects = self.predicate_subjects(h);
        if !subjects.is_empty() {
            return subjects;
        }
        match self.tok(h).head {
            Some(v)
                if self.tok(h).base_rel() == "obl"
                    && self.lex.function.get(&self.tok(v).lemma) == Some(&FunctionKind::Linking) =>
            {
                self.s.kids_with(v, "nsubj").collect()
            }
            _ => Vec::new(),
        }
    }

    /// Whether `h` is an intention no one is said to own, judged by the verb that takes it: a
    /// verb that is a cue of its own judges someone else's intention (`Chile criticised the
    /// decision to back X`), where any other verb takes its own (`Peru announced a decision to
    /// back X`). (A verb that is a cue only with other objects, `made a mistake`, judges none.)
    fn judged_intention(&self, h: usize) -> bool {
        self.is_intention(h)
            && self.noun_owners(h).is_empty()
            && self.tok(h).head.is_some_and(|v| {
                self.lex
                    .frames_of(&self.tok(v).lemma, CuePos::Verb)
                    .iter()
                    .any(|&f| self.lex.frames[f].objects.is_empty())
            })
    }

    /// Whether the cue at `i` is negated: itself; as an adjective on a nominal predicate, that
    /// predicate (`X is not the legitimate president`); as the label a labelling verb gives
    /// (or an adjective on it), that verb (`Peru does not regard X as legitimate`, `did not call
    /// X a dictator`).
    fn cue_negated(&self, i: usize) -> bool {
        let adjective_on = |test: &dyn Fn(usize) -> bool| {
            self.tok(i).upos == "ADJ"
                && self.tok(i).base_rel() == "amod"
                && self.tok(i).head.is_some_and(test)
        };
        self.negated(i)
            || adjective_on(&|h| !self.predicate_subjects(h).is_empty() && self.negated(h))
            || self.label_of_negated(i)
            || adjective_on(&|h| self.label_of_negated(h))
            || self.in_negated_company(i)
    }

    /// Whether the cue at `i` is in a gerund clause of adjunct that a negated verb of company
    /// takes (`X did not join Y in calling for Z's resignation`): whoever did not join did not
    /// act. (Other verbs keep their gerund's act: `did not hesitate in condemning Z`.) The
    /// walk up stays inside the clause: objects, phrases and the gerund itself.
    fn in_negated_company(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..4 {
            let Some(h) = self.tok(k).head else {
                return false;
            };
            let t = self.tok(k);
            if t.base_rel() == "advcl" && t.xpos == "VBG" && self.marked_as(k, "adjunct") {
                return self.lex.function.get(&self.tok(h).lemma) == Some(&FunctionKind::Companion)
                    && self.negated(h);
            }
            if !matches!(t.base_rel(), "obj" | "obl" | "nmod") {
                return false;
            }
            k = h;
        }
        false
    }

    /// Whether `k` is the label a negated labelling verb gives (say_verbs.txt `label`): its
    /// predicative complement, its second object, or a phrase of labelling (`as`). (A lone
    /// object is what is labelled, or judged: `did not denounce the sanctions on X` leaves the
    /// sanctions standing.)
    fn label_of_negated(&self, k: usize) -> bool {
        self.label_slot_verb(k)
            .is_some_and(|h| self.lex.say.get(&self.tok(h).lemma) == Some(&SayKind::Label) && self.negated(h))
    }

    /// Whether a judgement at `i` (or on the noun it modifies) stands in the label slot of a
    /// negated verb that labels nothing (`does not recognize X as the legitimate president`,
    /// `did not seem legitimate`): it is denied, not asserted, and no one's judgement.
    fn denied_label(&self, i: usize) -> bool {
        let phrase = if self.tok(i).rel == "amod" {
            self.tok(i).head
        } else {
            Some(i)
        };
        phrase.and_then(|p| self.label_slot_verb(p)).is_some_and(|h| {
            matches!(self.tok(h).upos, "VERB" | "AUX")
                && self.lex.say.get(&self.tok(h).lemma) != Some(&SayKind::Label)
                && self.negated(h)
        })
    }

    /// The verb whose label slot holds `k`: its predicative complement, its second object, or
    /// its phrase of labelling (`as`, or an oblique with no preposition).
    fn label_slot_verb(&self, k: usize) -> Option<usize> {
        let h = self.tok(k).head?;
        let as_label = match self.tok(k).base_rel() {
            "xcomp" | "advcl" => true,
            "obj" => self.s.kids[h]
                .iter()
                .any(|&o| o < k && matches!(self.tok(o).base_rel(), "obj" | "iobj")),
            "obl" => {
                let p = self.s.case_of(k);
                p.is_empty() || self.lex.preposition_is(&p, "label")
            }
            // (Hung on the verb's object: `described X as a dictator`.)
            "nmod"
                if self.tok(h).base_rel() == "obj"
                    && self.lex.preposition_is(&self.s.case_of(k), "label") =>
            {
                return self.tok(h).head;
            }
            _ => false,
        };
        as_label.then_some(h)
    }

    /// What happens to a stance cued at `i`: `None` to drop it, or the polarity it ends with
    /// and notes; looks at `i` and at the verbs that govern it (control, complements).
    fn modality(&self, i: usize, frame: &Frame, found: &mut Found) -> Option<Polarity> {
        // A yes/no question states nothing, and a judgement a negated verb denies is no one's
        // (both certain enough to veto the rules' reading).
        if self.question || (frame.holder.contains(&Role::Speaker) && self.denied_label(i)) {
            found.notes.push(BLOCKED);
            return None;
        }
        let mut stance = frame.stance;
        let marker = |k: usize, kind: &str| self.modal_kind(&self.tok(k).lower, kind);
        // A modal of the future on the cue (`will`, `would`), and whether it is a speaker's
        // reported `will` about itself rather than a hypothetical.
        let future = self.s.kids[i]
            .iter()
            .copied()
            .find(|&k| self.tok(k).base_rel() == "aux" && marker(k, "future"));
        // (Not when a condition hangs on the clause: `said it would back X if ...`.)
        let conditional = self.s.kids[i].iter().any(|&c| {
            self.tok(c).base_rel() == "advcl"
                && self.s.kids[c]
                    .iter()
                    .any(|&m| self.tok(m).base_rel() == "mark" && marker(m, "mark"))
        });
        let intent = future.is_some() && !conditional && self.reported_intent(i);
        // `Chile will recognise X if she wins`: a future under a condition is no commitment yet.
        if future.is_some() && conditional && frame.stance == Polarity::Favor && !self.cue_negated(i) {
            return None;
        }
        if self.cue_negated(i) {
            if frame.negated_against {
                found.notes.push("+negated");
                stance = Polarity::Against;
            } else if frame.stance == Polarity::Favor && future.is_some_and(|m| intent || !marker(m, "aux")) {
                // `will not recognise X`, `said it would not back X`: a declared refusal.
                found.notes.push("+refusal");
                stance = Polarity::Against;
            } else {
                // (`a former ally of X`, `backs neither X nor Y`: certain enough to veto the
                // rules' reading.)
                let past = self.s.kids[i].iter().any(|&k| {
                    RelClass::NegatingModifier.has(self.tok(k).base_rel()) && self.negator_kind(k, "amod")
                });
                let neither = self.s.kids_with(i, "obj").any(|o| {
                    self.s.kids[o]
                        .iter()
                        .any(|&c| self.tok(c).base_rel() == "cc" && self.negator_kind(c, "cc"))
                });
                if past || neither || self.in_negated_company(i) {
                    found.notes.push(BLOCKED);
                }
                return None;
            }
        }
        // `voted against sanctions on X`, `campaigned against aid to X`: whoever acts against an
        // act opposes it; a favouring act turns against its target, an opposing one holds none.
        if frame.pos == CuePos::Noun
            && matches!(self.tok(i).base_rel(), "obl" | "nmod")
            && self.lex.function.get(&self.s.case_of(i)) == Some(&FunctionKind::Opposition)
        {
            if stance == Polarity::Against {
                return None;
            }
            found.notes.push("+opposed");
            stance = Polarity::Against;
        }
        // Hypotheticals and predictions in the cue's own clause.
        let hypothetical = |k: usize| {
            self.s.kids[k].iter().any(|&c| {
                let t = self.tok(c);
                !(intent && Some(c) == future)
                    && self.lex.hypothetical.get(&t.lower).is_some_and(|places| {
                        places.iter().any(|p| {
                            (p == "aux" && t.base_rel() == "aux")
                                || (p == "mark" && t.base_rel() == "mark")
                                || (p == "advmod" && t.base_rel() == "advmod")
                        })
                    })
            })
        };
        // A clause opened by `if`, `unless` or `whether` is a condition or a question, not a
        // statement, whatever its polarity (`if Peru sanctioned X, prices would rise`); threats
        // put their act in the main clause (`if X stays, Peru will impose sanctions`).
        // (Certainly no statement: veto the rules' reading of `refused to say whether it backs X`.)
        let subordinate = self.s.kids[i]
            .iter()
            .any(|&c| self.tok(c).base_rel() == "mark" && marker(c, "mark"));
        if subordinate {
            found.notes.push(BLOCKED);
            return None;
        }
        if hypothetical(i) && frame.stance == Polarity::Favor {
            return None;
        }
        // `would have condemned X`: a counterfactual did not happen, whatever its polarity
        // (certain enough to veto the rules' reading).
        let aux_of_kind = |kind: &str| {
            self.s.kids[i]
                .iter()
                .any(|&c| self.tok(c).base_rel() == "aux" && marker(c, kind))
        };
        if self.tok(i).xpos == "VBN" && aux_of_kind("aux") && aux_of_kind("perfect") {
            found.notes.push(BLOCKED);
            return None;
        }
        // Verbs above: refusal flips, failure drops, a negated or hypothetical governor drops.
        let mut at = i;
        for _ in 0..3 {
            let Some(h) = self.tok(at).head else { break };
            let link = self.tok(at).base_rel();
            if !RelClass::GovernorLink.has(link) {
                break;
            }
            // A relative clause describes its noun: what is done to the noun does not reach
            // into it (`Peru rejected the report, which backs X`).
            if self.tok(at).rel == "acl:relcl" && !self.subordinate_that(at) {
                break;
            }
            // An act someone intends, judged by another (certain enough to veto the rules'
            // reading, which takes the judge as the actor).
            if link == "acl" && self.judged_intention(h) {
                found.notes.push(BLOCKED);
                return None;
            }
            // A text with its author named on it says what it says, whoever handles it:
            // `Peru vetoed an EU declaration backing X` is the EU's stance, not refused.
            let document = at != i && self.is_document(at);
            if document && self.modifier_actor(at).is_some() {
                break;
            }
            // `Chile did not sign the decree banning X`: a text not issued says nothing (also
            // with the participle parsed on the verb right after the text).
            let texts_participle = link == "advcl" && self.text_before(h, at).is_some();
            if (document && link == "obj" || texts_participle) && self.negated(h) {
                return None;
            }
            let gov = self.tok(h);
            // (A verb complement right after its governor, with no punctuation between: the
            // governor's scope is certain enough to veto the rules' reading of the cue.)
            let unbroken = (h.min(i)..h.max(i)).all(|k| self.tok(k).upos != "PUNCT");
            let complement =
                unbroken && matches!(link, "xcomp" | "ccomp") && at == i && self.tok(i).upos == "VERB";
            if let Some((effect, particle)) = self.lex.blocking.get(&gov.lemma) {
                let particle_ok = particle
                    .as_ref()
                    .is_none_or(|p| self.s.kids[h].iter().any(|&k| self.tok(k).lemma == *p));
                // (An adverbial clause is no complement, unless the governor's own marker makes
                // it one: `has yet to recognise X`.)
                if particle_ok && (link != "advcl" || particle.is_some()) {
                    // (Certain enough to veto the rules' reading: a verb complement right after
                    // its governor, `denied supporting X`, `refused to condemn X`, or a text or
                    // an intention the governor takes that states the cue, `blocked a
                    // resolution condemning X`, `blocked efforts to sanction X`; not a noun the
                    // governor takes, whose own holder keeps its stance, nor a clause after a
                    // comma.)
                    let stated = unbroken
                        && link == "obj"
                        && (self.is_document(at) || self.is_intention(at))
                        && self.tok(i).head == Some(at)
                        && self.tok(i).base_rel() == "acl";
                    let certain = complement || stated;
                    let blocked = |found: &mut Found| {
                        if certain {
                            found.notes.push(BLOCKED);
                        }
                        None
                    };
                    match effect {
                        // `did not hesitate to condemn X`, `did not fail to`: the act was done.
                        Blocking::Drop if self.negated(h) => {}
                        Blocking::Drop => return blocked(found),
                        Blocking::Flip => {
                            if stance == Polarity::Against {
                                return blocked(found);
                            }
                            found.notes.push("+refusal");
                            stance = Polarity::Against;
                        }
                    }
                }
            }
            // `X is expected to recognise Y`: a forecast, no stance.
            if self.modal_kind(&gov.lemma, "governor") {
                if complement {
                    found.notes.push(BLOCKED);
                }
                return None;
            }
            // `the blockade could lead to troops disobeying X`: an act named as an argument of
            // a possibility is no act yet (a modal of the future is no possibility here).
            let possible = self.s.kids[h].iter().any(|&k| {
                let modal = &self.tok(k).lower;
                self.tok(k).base_rel() == "aux"
                    && self.modal_kind(modal, "aux")
                    && !self.modal_kind(modal, "future")
            });
            if possible && matches!(link, "obj" | "obl") && gov.upos == "VERB" {
                return None;
            }
            // `no plans to recognise X`: a negated intention noun holds no stance either (but a
            // negated hesitation is none: `did not hesitate to condemn X`).
            let undone_hesitation = matches!(self.lex.blocking.get(&gov.lemma), Some((Blocking::Drop, _)));
            if RelClass::NegatedGovernorLink.has(link) && self.negated(h) && !undone_hesitation {
                return None;
            }
            if let Some(light) = self.lex.light.get(&gov.lemma) {
                if light.remove && link == "obj" {
                    // A stance taken away reads as the stance negated: where the frame says its
                    // negation is against (`Peru said X has lost all legitimacy`, `Chile lost
                    // confidence in X`), it is against; any other stance taken away is none
                    // (`lost the support of X`, `lifted sanctions on X`).
                    if !(frame.negated_against && stance == Polarity::Favor) {
                        // (The object of the verb that takes it away: certain enough to veto
                        // the rules' reading of `eased sanctions against X`.)
                        found.notes.push(BLOCKED);
                        return None;
                    }
                    found.notes.push("+removed");
                    stance = Polarity::Against;
                }
            }
            at = h;
        }
        Some(stance)
    }

    /// Whether the clause of the cue at `i` is what its speaker says it will do itself: the
    /// complement of a say verb whose subject is a pronoun or the say verb's own subject
    /// (`Chile said it would recognise X`, `the generals said they would uphold X`).
    fn reported_intent(&self, i: usize) -> bool {
        let t = self.tok(i);
        let Some(h) = t
            .head
            .filter(|&h| t.base_rel() == "ccomp" && self.lex.is_say_verb(&self.tok(h).lemma))
        else {
            return false;
        };
        let subject = |v: usize| {
            self.s.kids[v]
                .iter()
                .copied()
                .find(|&k| matches!(self.tok(k).rel, "nsubj" | "nsubj:pass"))
        };
        let Some(own) = subject(i) else {
            return false;
        };
        // The country or body each word speaks for (`Lima`, `Peru's foreign minister`: Peru).
        let sides = |w: usize| -> Vec<Who> {
            self.resolve(w, &mut Found::default())
                .iter()
                .filter_map(|m| self.side(&m.who))
                .collect()
        };
        let same_side = |s: usize| {
            let own_sides = sides(own);
            sides(s).iter().any(|side| own_sides.contains(side))
        };
        // (`X would never back Y, she said`: a pronoun speaker after the clause is most often
        // the one it names. `Peru's envoy said Lima would not recognise Y`: a speaker and a
        // subject that speak for the same side are one.)
        self.tok(own).upos == "PRON"
            || subject(h).is_some_and(|s| {
                self.tok(s).lower == self.tok(own).lower
                    || (self.tok(s).upos == "PRON" && s > own)
                    || same_side(s)
            })
    }

    /// Whether the clause headed by `c` opens with a subordinating `that` (a content clause:
    /// `the claim that X backs Y`), also when the parser read `that` as a relative pronoun
    /// though the clause has its subject and object besides (`the report that X supports Y`).
    fn subordinate_that(&self, c: usize) -> bool {
        let is_that = |k: usize| self.lex.preposition_is(&self.tok(k).lower, "content");
        if self.s.kid_exact(c, "mark").is_some_and(is_that) {
            return true;
        }
        let filled = |rel: &str| self.s.kids_with(c, rel).any(|k| !is_that(k));
        self.tok(c).rel == "acl:relcl"
            && self.s.kids[c].iter().any(|&k| is_that(k) && k < c)
            && filled("nsubj")
            && filled("obj")
    }

    /// When the cue at `i` is inside what someone says and its holder is someone else (an
    /// embedded claim: `X said Russia backs Y` gives no Russia triple and no X triple), the
    /// speakers; `None` otherwise.
    fn embedded_claim(&self, i: usize, holder: &[Mention]) -> Option<Vec<Mention>> {
        // A relative clause inside what is said is the writer's background, not the claim
        // (`Peru demanded that Cuba, which has backed X, leave`: Cuba backs X).
        let mut at = i;
        let mut claim_noun = None;
        for _ in 0..self.s.len() {
            let Some(h) = self.tok(at).head else { break };
            // So is an apposition set off by a comma (`... by Peru and Chile, longtime allies`).
            let apposition =
                (self.tok(at).rel == "appos" && self.after_comma(at)) || self.is_list_appositive(at);
            let subordinate_that = self.subordinate_that(at);
            if (self.tok(at).rel == "acl:relcl" && !subordinate_that) || apposition {
                return None;
            }
            // `the charges that Chile conspired to topple X`, `reports that Chile backs X`: a
            // clause a noun of saying states is that noun's claim (its owner's, or nobody's).
            // (A clause whose `that` is a subordinator is no relative clause, however labelled.)
            let content_clause =
                self.tok(at).base_rel() == "acl" && self.tok(h).upos == "NOUN" && subordinate_that;
            if content_clause && self.lex.say.contains_key(&self.tok(h).lemma) {
                claim_noun = Some(h);
                break;
            }
            // The same clause parsed on the verb whose object the noun is (`dismissed
            // allegations that Chile backs X` with the clause on `dismissed`).
            let noun_before = self.s.kids_with(h, "obj").find(|&o| {
                o < at && self.tok(o).upos == "NOUN" && self.lex.say.contains_key(&self.tok(o).lemma)
            });
            if let (Some(noun), "ccomp") = (noun_before, self.tok(at).base_rel()) {
                claim_noun = Some(noun);
                break;
            }
            if self.lex.is_say_verb(&self.tok(h).lemma) {
                break;
            }
            at = h;
        }
        let mut found = Found::default();
        let mut speakers: Vec<Mention> = match claim_noun {
            Some(noun) => self.noun_owners(noun),
            None => self.speaker_tokens(i, false, &mut found),
        }
        .iter()
        .flat_map(|&w| self.resolve(w, &mut Found::default()))
        .collect();
        if claim_noun.is_some() && speakers.is_empty() {
            // Nobody's claim is no one's stance either.
            return Some(speakers);
        }
        if speakers.is_empty() {
            // A quotation whose speaker is named elsewhere is all the speaker's.
            speakers.extend(self.quote_speaker.cloned());
        }
        if speakers.is_empty() {
            return None;
        }
        // A side reporting its own act is no third party's claim: `Chile recognised X, the
        // foreign ministry said`, `the president signed the decree, his office said`.
        let own = |h: &Mention| {
            speakers.iter().any(|s| {
                s.who == h.who
                    || self
                        .side(&s.who)
                        .is_some_and(|side| Some(side) == self.side(&h.who))
            })
        };
        holder.iter().any(|h| !own(h)).then_some(speakers)
    }

    /// The country or body a mention speaks for: the target it stands for (see
    /// [`Targets::target_for_actor`]), else an official's country or the actor itself. `None`
    /// for groups and other names.
    fn side(&self, who: &Who) -> Option<Who> {
        match who {
            Who::Actor(a) => Some(match self.targets.target_for_actor(self.lex, *a) {
                Some(t) => Who::Target(t),
                None => Who::Actor(self.lex.country_of_person(*a).unwrap_or(*a)),
            }),
            Who::Target(t) => Some(Who::Target(*t)),
            Who::Name(_) | Who::Group(_) => None,
        }
    }

    /// The sentence's triples, and the words that read as cues but that a governing verb takes
    /// back, with no frame finding anything on them (blocking_verbs.txt: `denied supporting X`,
    /// `is weighing sanctions on X`, `refused to condemn X`; see [`Ctx::modality`]), added to
    /// `vetoed` when given. The combined engine drops the rules' triples on those, whose word
    /// windows do not see such scopes.
    pub(crate) fn hits(&self, mut vetoed: Option<&mut Vec<Span>>) -> Vec<Hit> {
        let mut out = Vec::new();
        for i in 0..self.s.len() {
            let t = self.tok(i);
            let mut cues: Vec<(usize, CuePos)> = Vec::new();
            match t.upos {
                "VERB" => cues.push((i, CuePos::Verb)),
                "NOUN" => cues.push((i, CuePos::Noun)),
                "ADJ" => cues.push((i, CuePos::Adj)),
                _ => {}
            }
            if t.text == "-" && i > 0 && i + 1 < self.s.len() {
                cues.push((i - 1, CuePos::Prefix));
                cues.push((i + 1, CuePos::Suffix));
            }
            // A prefix the tokenizer keeps inside its word (`pro-Rivera`, `anti-government`).
            if let Some((prefix, _)) = t.lower.split_once('-') {
                for &f in self.lex.frames_of(prefix, CuePos::Prefix) {
                    self.apply(i, &self.lex.frames[f], &mut out);
                }
            }
            for (cue, pos) in cues {
                let key = match pos {
                    CuePos::Prefix | CuePos::Suffix => self.tok(cue).lower.clone(),
                    _ => self.tok(cue).lemma.clone(),
                };
                let (mut blocked, before) = (false, out.len());
                for &f in self.lex.frames_of(&key, pos) {
                    if matches!(self.apply(cue, &self.lex.frames[f], &mut out), Applied::Blocked) {
                        blocked = true;
                    }
                }
                // (A frame taken back, and none that found anything: another frame of the cue
                // may read it in a role the sentence does not fill, `back` + `against`.)
                if let Some(v) = vetoed.as_deref_mut() {
                    if cue == i && blocked && out.len() == before {
                        v.push(t.span);
                        // The act a verb taken back takes goes with it (`refused to condemn
                        // X's invasion`: the invasion is no cue of the one refusing).
                        if pos == CuePos::Verb {
                            v.extend(
                                self.s
                                    .kids_with(i, "obj")
                                    .filter(|&o| self.tok(o).upos == "NOUN")
                                    .map(|o| self.tok(o).span),
                            );
                        }
                    }
                }
            }
        }
        // An act another cue took as its content, read both ways for one holder and target:
        // one reading misreads who did what. When the cue is the verb that carries the act
        // (`threatened retaliation against X`: threaten, a giving light verb), the act is the
        // cue's own and the cue's reading of it as content is wrong; otherwise the act's holder
        // is misread (`Peru recalled its envoy in protest at X's arrest` with the arrest hung
        // on `recalled`: Peru did not arrest X).
        let taken = self.taken_acts.borrow();
        let contradicted = |hit: &Hit| {
            taken.iter().any(|&(cue, act)| {
                let carried = self.carrier(act) == Some(cue)
                    && self
                        .lex
                        .light
                        .get(&self.tok(cue).lemma)
                        .is_some_and(|l| !l.receiver && !l.remove);
                let (misread, other) = if carried { (cue, act) } else { (act, cue) };
                hit.cue == self.tok(misread).span
                    && out.iter().any(|o| {
                        o.cue == self.tok(other).span
                            && o.holder == hit.holder
                            && o.target == hit.target
                            && o.stance != hit.stance
                    })
            })
        };
        let keep: Vec<bool> = out.iter().map(|h| !contradicted(h)).collect();
        let mut keep = keep.into_iter();
        out.retain(|_| keep.next().unwrap_or(true));
        out
    }

    /// The first actor named after the `that` of verb `i` when the parser did not build its
    /// complement clause (`allege that X used ...` with `that` taken for an object): the clause's
    /// subject comes first, before its verb.
    fn after_complementizer(&self, i: usize) -> Option<usize> {
        let that = (i + 1..self.s.len())
            .take(2)
            .find(|&k| self.lex.preposition_is(&self.tok(k).lower, "content"))?;
        (that + 1..self.s.len())
            .take_while(|&k| !matches!(self.tok(k).upos, "VERB" | "AUX"))
            .find(|&k| self.mentions.at[k].is_some())
    }

    /// The object of particle verb `i` when the parser took its particle `p`, right after the
    /// verb, for a word of the object (`brushed aside X's objections` read as `brushed [aside X's
    /// denials]`, the particle a preposition or determiner).
    fn particle_objects(&self, i: usize, p: &str) -> Vec<usize> {
        let next = i + 1;
        if next >= self.s.len() || self.tok(next).lower != p {
            return Vec::new();
        }
        self.s.kids[i]
            .iter()
            .copied()
            .filter(|&k| matches!(self.tok(k).base_rel(), "obj" | "obl") && self.s.dominates(k, next))
            .collect()
    }

    /// The object of preposition `p` of verb `i` when the parser took `p` for an adverb or
    /// particle of the verb (`rallied around X` read as `rallied around` + X hung elsewhere):
    /// the first named actor after `p` that is no modifier (`Peruvian` in `Peruvian leader X`),
    /// before the next clause (a verb that is no modifier, a subordinator or punctuation).
    fn stranded_objects(&self, i: usize, p: &str) -> Vec<usize> {
        let Some(k) = self.s.kids[i].iter().copied().find(|&k| {
            k > i
                && k <= i + 2
                && self.tok(k).lower == p
                && matches!(self.tok(k).rel, "advmod" | "compound:prt")
        }) else {
            return Vec::new();
        };
        (k + 1..self.s.len())
            .take_while(|&w| {
                let t = self.tok(w);
                !(matches!(t.upos, "PUNCT" | "SCONJ")
                    || (matches!(t.upos, "VERB" | "AUX") && !matches!(t.base_rel(), "amod" | "acl")))
            })
            .find(|&w| self.is_named(w) && self.tok(w).base_rel() != "amod")
            .into_iter()
            .collect()
    }

    fn particle_ok(&self, i: usize, frame: &Frame) -> bool {
        let particles: Vec<&str> = self.s.kids[i]
            .iter()
            .filter(|&&k| self.tok(k).rel == "compound:prt")
            .map(|&k| self.tok(k).lemma.as_str())
            .collect();
        match &frame.particle {
            Some(p) => {
                particles.contains(&p.as_str())
                    || self.s.kids[i]
                        .iter()
                        .any(|&k| self.tok(k).rel == "advmod" && self.tok(k).lemma == *p)
                    || !self.particle_objects(i, p).is_empty()
            }
            // A particle changes the verb (`back down`, `step up`): frames without one do not
            // apply to it.
            None => particles.is_empty(),
        }
    }

    /// Whether the cue at `i` has what `frame` asks of its particle and object.
    fn fits(&self, i: usize, frame: &Frame) -> bool {
        if !self.particle_ok(i, frame) {
            return false;
        }
        let dependent = |k: usize| RelClass::OwnDependent.has(self.tok(k).base_rel());
        if frame.bare && self.s.kids[i].iter().any(|&k| dependent(k)) {
            return false;
        }
        // `came to X's defence`, not `broke through X's defence`.
        if !frame.cases.is_empty() && !frame.cases.contains(&self.s.case_of(i)) {
            return false;
        }
        // `provided X with weapons`, not `provided X with a list`.
        if let Some((case, lemmas)) = &frame.oblique {
            let with = self.s.kids_with(i, "obl").any(|k| {
                self.s.case_of(k) == *case
                    && self
                        .members(k)
                        .iter()
                        .any(|&m| lemmas.contains(&self.tok(m).lemma))
            });
            if !with {
                return false;
            }
        }
        // `leave power`, not `leave the room` (the object may hang from a particle the parser
        // read as a preposition: `hand [over power]`).
        if !frame.objects.is_empty() {
            let mut objects: Vec<usize> = self.s.kids_with(i, "obj").collect();
            if let Some(p) = &frame.particle {
                objects.extend(self.particle_objects(i, p));
            }
            // (Or what an amount in the object's place measures: `sent dozens of tanks`.)
            let measured: Vec<usize> = objects
                .iter()
                .flat_map(|&o| {
                    self.s
                        .kids_with(o, "nmod")
                        .filter(move |&k| self.measured_slot(k) == o)
                })
                .collect();
            return objects
                .iter()
                .chain(&measured)
                .any(|&k| frame.objects.contains(&self.tok(k).lemma));
        }
        true
    }

    /// Reads the cue at `i` with `frame`, adding its triples to `out`.
    fn apply(&self, i: usize, frame: &Frame, out: &mut Vec<Hit>) -> Applied {
        if !self.fits(i, frame) {
            return Applied::Read;
        }
        let mut found = Found::default();
        let Some(mut stance) = self.modality(i, frame, &mut found) else {
            return if found.notes.contains(&BLOCKED) {
                Applied::Blocked
            } else {
                Applied::Read
            };
        };
        // A noun cue carried by a receiving verb: `X won the backing of Y` (X is the target),
        // `X faces sanctions`.
        // A noun that names its own target in a role no receiver reading gives to a holder
        // (`X has confidence in Y`) is X's own stance: the verb's subject cannot be its target.
        // (`came under criticism`: the noun in a phrase of the verb's own preposition.)
        // (Through an amount that stands for the noun: `faced a barrage of criticism`.)
        let slot = self.measured_slot(i);
        let received = frame.pos == CuePos::Noun
            && self.carrier(i).is_some_and(|v| {
                self.lex.light.get(&self.tok(v).lemma).is_some_and(|l| {
                    l.receiver
                        && (self.tok(slot).base_rel() == "obj"
                            || (self.tok(slot).base_rel() == "obl"
                                && l.particle.as_deref() == Some(self.s.case_of(slot).as_str())))
                })
            });
        // `X is under pressure from Y`, `X remains under fire`: a noun cue predicated of a
        // subject with the preposition a receiving verb takes it with (`came under pressure`)
        // is that subject's, received.
        let predicated = frame.pos == CuePos::Noun && !received && {
            let case = self.s.case_of(i);
            !case.is_empty()
                && self
                    .lex
                    .light
                    .values()
                    .any(|l| l.receiver && l.particle.as_deref() == Some(case.as_str()))
        };
        let receiving_subjects: Vec<usize> = if predicated {
            self.predicated_of(i)
        } else {
            Vec::new()
        };
        let received = received || !receiving_subjects.is_empty();
        let held_by_subject = received
            && frame
                .target
                .iter()
                .filter(|r| !self.lex.received_from.contains(r))
                .any(|r| !self.role_mentions(i, frame, r, &mut Found::default()).is_empty());
        let receiver = received && !held_by_subject;
        // `X thanked Y for its support`: the support is Y's, of X, unless it names its own
        // target (`thanked Y for its criticism of Z`).
        let reason = frame.pos == CuePos::Noun
            && !receiver
            && self.carrier(i).is_some_and(|v| {
                self.tok(i).base_rel() == "obl"
                    && self.lex.preposition_is(&self.s.case_of(i), "reason")
                    && self.lex.light.get(&self.tok(v).lemma).is_some_and(|l| l.reason)
            })
            && frame
                .target
                .iter()
                .all(|r| self.role_mentions(i, frame, r, &mut Found::default()).is_empty());
        let receiver = receiver || reason;
        let mut taken_act = None;
        let (holders, holder_role, holder_notes, targets, target_role) = if receiver {
            let carrier = self.carrier(i);
            found.notes.push("+receiver");
            let mut holders = Vec::new();
            let mut role_name = String::from("nmod:of");
            for role in &self.lex.received_from {
                holders = self.role_mentions(i, frame, role, &mut found);
                if !holders.is_empty() {
                    role_name = role.name();
                    break;
                }
            }
            // `thanked Y for the support`: the one thanked gave it.
            if let Some(v) = carrier.filter(|_| holders.is_empty() && reason) {
                holders = self
                    .s
                    .kids_with(v, "obj")
                    .flat_map(|o| self.resolve(o, &mut found))
                    .collect();
                role_name = String::from("reason");
            }
            // A quality someone is said to have (`Peru said X has no legitimacy`): the speaker's.
            if holders.is_empty() && frame.holder.contains(&Role::Speaker) {
                holders = self.role_mentions(i, frame, &Role::Speaker, &mut found);
                role_name = Role::Speaker.name();
            }
            // `Peru warned that X would face consequences`: a penalty someone warns or threatens
            // of is their threat.
            if holders.is_empty() && stance == Polarity::Against {
                if let Some(g) = carrier.and_then(|v| self.warning_governor(v)) {
                    found.notes.push("+warning");
                    holders = self.agent_mentions(g, &mut found);
                    role_name = String::from("warner");
                }
            }
            let holder_notes = found.notes.len();
            let resolved: Vec<Mention> = match carrier {
                Some(v) => self.agent_mentions(v, &mut found),
                None => {
                    found.notes.push("+predicate");
                    receiving_subjects
                        .iter()
                        .flat_map(|&k| self.resolve(k, &mut found))
                        .collect()
                }
            };
            let targets: Vec<Mention> = resolved
                .into_iter()
                .map(|m| self.receiver(m, &mut found))
                .filter(|m| self.is_target(&m.who))
                .collect();
            (holders, role_name, holder_notes, targets, "receiver".to_owned())
        } else {
            let mut holders = self.directors(i, frame, &mut found);
            let mut holder_role = String::from("directive");
            // `X's recognition by Y`: a noun cue whose frame takes its possessor for the holder,
            // with a by-phrase of its doer (prepositions.txt `agent`), is the doer's and aimed
            // at the possessor, as in the passive.
            let doers = if holders.is_empty()
                && frame.pos == CuePos::Noun
                && frame.holder.contains(&Role::Poss)
                && self.s.kids_with(i, "nmod:poss").next().is_some()
            {
                self.with_case_use(i, "nmod", "agent")
            } else {
                Vec::new()
            };
            let passive_noun = !doers.is_empty();
            if passive_noun {
                found.notes.push("+passive");
                holders = doers.iter().flat_map(|&k| self.resolve(k, &mut found)).collect();
                holder_role = String::from("nmod:by");
            }
            if holders.is_empty() {
                for role in &frame.holder {
                    holders = self.role_mentions(i, frame, role, &mut found);
                    if !holders.is_empty() {
                        holder_role = role.name();
                        break;
                    }
                }
            }
            // `X has confidence in Y`: the subject of the verb that would have received the
            // stance holds it; also when the verb takes it away (`lost confidence in Y`), whose
            // stance `modality` has already turned.
            if holders.is_empty() && held_by_subject {
                found.notes.push("+light");
                holders = match self.carrier(i) {
                    Some(v) => self.agent_mentions(v, &mut found),
                    None => receiving_subjects
                        .iter()
                        .flat_map(|&k| self.resolve(k, &mut found))
                        .collect(),
                };
                holder_role = Role::Agent.name();
            }
            let holder_notes = found.notes.len();
            let mut targets = Vec::new();
            let mut target_role = String::new();
            let possessor = [Role::Poss];
            let target_roles: &[Role] = if passive_noun { &possessor } else { &frame.target };
            for role in target_roles {
                found.owned_act = None;
                targets = self.aimed_at(i, frame, role, &mut found);
                if !targets.is_empty() {
                    target_role = role.name();
                    break;
                }
            }
            let owned_act = found.owned_act.filter(|_| !targets.is_empty());
            if targets.is_empty() && (frame.mutual || self.reciprocal(i, frame)) && holders.len() > 1 {
                // `Peru and Chile are allies`, `praised each other`: each toward the others.
                found.notes.push("+mutual");
                target_role = holder_role.clone();
                targets = holders
                    .iter()
                    .map(|m| self.receiver(m.clone(), &mut found))
                    .filter(|m| self.is_target(&m.who))
                    .collect();
            }
            if targets.is_empty() && stance == Polarity::Against {
                if let Some((role, doers)) = self.opposed_act_doers(i, frame, &mut found) {
                    target_role = role;
                    targets = doers;
                }
            }
            // (An adjective on the act's own noun classifies it more often than it judges it:
            // `the criminal charges against X`, `legal action against X`.)
            if targets.is_empty() && self.tok(i).base_rel() != "amod" {
                if let Some((act, inner, role, aimed)) = self.act_aimed_at(i, frame, &mut found) {
                    self.taken_acts.borrow_mut().push((i, act));
                    taken_act = Some(self.tok(act).span);
                    // To back an act is to take its stance; to oppose it, the other one
                    // (`vetoed sanctions against X`, `denied the accusations against X`).
                    found.notes.push(if stance == Polarity::Favor {
                        "+endorsed"
                    } else {
                        "+opposed"
                    });
                    stance = if stance == Polarity::Favor {
                        inner
                    } else {
                        inner.flip()
                    };
                    target_role = role;
                    targets = aimed;
                }
            }
            // An act whose owner is the target (`backed Peru's intervention`) is taken by this
            // cue as well: no cue of the holder's own.
            if taken_act.is_none() {
                taken_act = owned_act.map(|w| self.tok(w).span);
            }
            (holders, holder_role, holder_notes, targets, target_role)
        };
        if holders.is_empty() || targets.is_empty() {
            // A clause on a text that no one in the sentence wrote or endorses states what
            // the text says, no one's stance: certain enough to veto the rules' reading of
            // `India voted against the resolution condemning X` (the nearest name is no author),
            // also with the participle parsed on the verb right after the text.
            let texts_clause = self.tok(i).head.is_some_and(|h| match self.tok(i).base_rel() {
                "acl" => self.is_document(h),
                "advcl" => self.text_before(h, i).is_some(),
                _ => false,
            });
            return if holders.is_empty() && !targets.is_empty() && texts_clause {
                Applied::Blocked
            } else {
                Applied::Read
            };
        }
        // Reported claims: a stance of someone other than the speaker, inside what the speaker
        // says, is the speaker's report, not a stance of either. Except an accusation: a
        // speaker who says that X acts against the speaker (`Peru said Chile was trying to
        // topple its government`) is against X.
        if !frame.holder.contains(&Role::Speaker) {
            if let Some(speakers) = self.embedded_claim(i, &holders) {
                let own_sides: Vec<Who> = speakers.iter().flat_map(|s| self.own_side(s)).collect();
                let accused =
                    stance == Polarity::Against && targets.iter().all(|t| own_sides.contains(&t.who));
                if accused {
                    self.accusation(i, frame, &speakers, &holders, out);
                }
                // What someone is accused of doing is the accuser's charge, no stance of the
                // accuser toward whom the act is aimed at (certain enough to veto the rules'
                // reading of `Chile accused Peru of backing X`); nor is a claim that no one is
                // said to make anyone's stance (`Peru rejected claims that it backs X`).
                return if self.accusing_verb(i).is_some() || speakers.is_empty() {
                    Applied::Blocked
                } else {
                    Applied::Read
                };
            }
        }
        let (holders, crowds) = if holder_role == "self" {
            self.crowds(i, holders, &targets, &target_role, stance, &mut found)
        } else {
            (holders, Vec::new())
        };
        if frame.hard {
            found.notes.push("+hard");
        }
        let cue = self.tok(i).span;
        let mut notes = found.notes.clone();
        notes.sort_unstable();
        notes.dedup();
        let pos = match frame.pos {
            CuePos::Verb => "VERB",
            CuePos::Noun => "NOUN",
            CuePos::Adj => "ADJ",
            CuePos::Prefix => "PREFIX",
            CuePos::Suffix => "SUFFIX",
        };
        let rule = format!(
            "{}/{pos} {holder_role}>{target_role}{}",
            frame.lemma,
            notes.concat()
        );
        let score = |h: &Mention| {
            let score = if frame.hard { 0.6 } else { 0.9 };
            if h.pronoun {
                score * 0.9
            } else {
                score
            }
        };
        let certain_holder = found.notes[..holder_notes]
            .iter()
            .any(|n| CERTAIN_HOLDER_NOTES.contains(n));
        let first = out.len();
        self.push_pairs(&holders, &targets, stance, cue, &rule, score, out);
        for hit in &mut out[first..] {
            hit.certain_holder = certain_holder;
            hit.act = taken_act;
        }
        // Disputing a claim (`Russia disputes that assertion`) is also taking the other side of
        // what it states; backing it, the same side.
        if let Some(claim) = self.previous_claim {
            let claimed = self.s.kids_with(i, "obj").find(|&o| self.refers_to_claim(o));
            if let (Some(o), CuePos::Verb) = (claimed, frame.pos) {
                let rule = format!("{rule}+content");
                for (m, said) in &claim.content {
                    let toward = if stance == Polarity::Favor {
                        *said
                    } else {
                        said.flip()
                    };
                    let target = self.at_word(m, o);
                    self.push_pairs(
                        &holders,
                        std::slice::from_ref(&target),
                        toward,
                        cue,
                        &rule,
                        score,
                        out,
                    );
                }
            }
        }
        for (crowd, target) in &crowds {
            self.push_pairs(
                std::slice::from_ref(crowd),
                std::slice::from_ref(target),
                stance,
                cue,
                &rule,
                score,
                out,
            );
        }
        // `sided with X instead of Y`: the one not chosen, on the cue or on the chosen.
        if stance == Polarity::Favor {
            let on_choice = |h: usize| h == i || targets.iter().any(|t| t.first <= h && h <= t.last);
            let mut not_chosen_words = Vec::new();
            for j in 0..self.s.len() {
                let Some(h) = self.tok(j).head else { continue };
                // (The cheap test first: this runs for every word under every favouring cue.)
                if !RelClass::AlternativeMarker.has(self.tok(j).rel) || !self.is_alternative_marker(j) {
                    continue;
                }
                match self.tok(j).rel {
                    "case" | "cc"
                        if self.tok(h).head.is_some_and(on_choice)
                            && RelClass::AlternativeHost.has(self.tok(h).base_rel()) =>
                    {
                        not_chosen_words.push(h);
                    }
                    // Read as an adverb (`instead` + fixed `of`) with its noun elsewhere: the
                    // first name after it, before any punctuation.
                    "advmod" if on_choice(h) => {
                        let after = self.s.kids_with(j, "fixed").max().unwrap_or(j);
                        let next = self
                            .mentions
                            .list
                            .iter()
                            .filter(|m| m.first > after && !m.pronoun)
                            .min_by_key(|m| m.first)
                            .filter(|m| (after + 1..m.first).all(|k| self.tok(k).upos != "PUNCT"));
                        if let Some(m) = next {
                            not_chosen_words.push(m.last);
                        }
                    }
                    _ => {}
                }
            }
            let not_chosen: Vec<Mention> = not_chosen_words
                .into_iter()
                .flat_map(|k| self.resolve(k, &mut Found::default()))
                .map(|m| self.receiver(m, &mut Found::default()))
                .filter(|m| self.is_target(&m.who))
                .collect();
            let rule = format!("{rule}+instead");
            self.push_pairs(&holders, &not_chosen, Polarity::Against, cue, &rule, |_| 0.6, out);
        }
        Applied::Read
    }

    /// Who presses for the act a verb cue names (`Peru urged Chile to recognise X`, `demanded
    /// that Chile condemn X`): they hold its stance, not whoever is pressed to act. Only for a
    /// verb in the base form (an infinitive or a mandative subjunctive), so that reports
    /// (`told reporters that Chile backs X`) stay reports.
    fn directors(&self, i: usize, frame: &Frame, found: &mut Found) -> Vec<Mention> {
        // The verb that does the act: the cue, or the giving light verb that carries a noun cue
        // (`urged Chile to impose sanctions on X`).
        let act = match frame.pos {
            CuePos::Verb if frame.holder.first() == Some(&Role::Agent) => i,
            CuePos::Noun if frame.holder.contains(&Role::Agent) && self.tok(i).base_rel() == "obj" => {
                match self.carrier(i) {
                    Some(v)
                        if self
                            .lex
                            .light
                            .get(&self.tok(v).lemma)
                            .is_some_and(|l| !l.receiver && !l.remove) =>
                    {
                        v
                    }
                    _ => return Vec::new(),
                }
            }
            _ => return Vec::new(),
        };
        // `that Chile condemn X`: a base form with a singular subject, tagged as a present.
        let subjunctive = self.tok(act).xpos == "VBP"
            && self
                .s
                .kids_with(act, "nsubj")
                .any(|k| matches!(self.tok(k).xpos, "NN" | "NNP"));
        // A protective cue asked of someone else is an appeal, not a stance of whoever asks
        // (`demanded that the army protect X`).
        // `for X to be removed`, `that X be removed`: a passive asked for.
        let base_passive = self
            .s
            .kids_with(act, "aux:pass")
            .any(|k| self.tok(k).xpos == "VB");
        if frame.appeal || !(self.tok(act).xpos == "VB" || subjunctive || base_passive) {
            return Vec::new();
        }
        let mut inner = Found::default();
        let out: Vec<Mention> = self
            .directive_tokens(act, &mut inner)
            .into_iter()
            .flat_map(|w| self.resolve(w, &mut inner))
            .collect();
        if !out.is_empty() {
            found.notes.extend(inner.notes);
        }
        out
    }

    /// The doers of an act an opposing cue is aimed at (`condemned the US strike`, `warned of
    /// repercussions for any US strike`): to oppose or punish an act is to oppose whoever does
    /// it. The act is a noun cue; its doers are the ones its own frame names by the noun's own
    /// dependents (possessor, modifier, demonym, `by` or `from` phrase). Returns the roles and
    /// the doers.
    fn opposed_act_doers(
        &self,
        i: usize,
        frame: &Frame,
        found: &mut Found,
    ) -> Option<(String, Vec<Mention>)> {
        for role in &frame.target {
            for w in self.role_tokens(i, frame, role, &mut Found::default()) {
                if self.tok(w).upos != "NOUN" {
                    continue;
                }
                for &f in self.lex.frames_of(&self.tok(w).lemma, CuePos::Noun) {
                    let act = &self.lex.frames[f];
                    for doer_role in &act.holder {
                        // (The act's own frame says which phrases name its doer.)
                        let own = matches!(
                            doer_role,
                            Role::Poss | Role::Compound | Role::Amod | Role::Nmod(_)
                        );
                        if !own {
                            continue;
                        }
                        let mut inner = Found::default();
                        let doers: Vec<Mention> = self
                            .role_mentions(w, act, doer_role, &mut inner)
                            .into_iter()
                            .map(|m| self.receiver(m, &mut inner))
                            .filter(|m| self.is_target(&m.who))
                            .collect();
                        if !doers.is_empty() {
                            found.notes.extend(inner.notes);
                            found.notes.push("+act-doer");
                            let roles = format!("{}:{}/{}", role.name(), act.lemma, doer_role.name());
                            return Some((roles, doers));
                        }
                    }
                }
            }
        }
        None
    }

    /// An act a cue is aimed at (`backed a strike against X`, `supports aid for X`, `vetoed
    /// sanctions on X`) when that act is itself a noun cue aimed at targets, or (for a
    /// favouring cue) a text that states a stance. Returns the act's word, its stance, the
    /// roles, and its targets; the caller composes the stances. (A text an opposing cue is aimed at is
    /// its author's, or already refused through blocking_verbs.txt: `vetoed a declaration
    /// recognising X`.)
    fn act_aimed_at(
        &self,
        i: usize,
        frame: &Frame,
        found: &mut Found,
    ) -> Option<(usize, Polarity, String, Vec<Mention>)> {
        for role in &frame.target {
            for w in self.role_tokens(i, frame, role, &mut Found::default()) {
                if self.tok(w).upos != "NOUN" {
                    continue;
                }
                // What a text or an intention states, endorsed or opposed like an act.
                if let Some((stance, act_role, aimed)) = self.stated_stance(w, found) {
                    return Some((w, stance, format!("{}:{act_role}", role.name()), aimed));
                }
                // The act itself, or the act a demand asks for (`backed calls for X's removal`,
                // with the `for` phrase on the demand or, as parsers hang it, on the verb).
                let mut acts = vec![w];
                if self.is_demand_noun(w) {
                    acts.extend(self.with_case_use(w, "nmod", "request"));
                    acts.extend(self.with_case_use(i, "obl", "request"));
                }
                for act_word in acts {
                    if self.tok(act_word).upos != "NOUN" {
                        continue;
                    }
                    for &f in self.lex.frames_of(&self.tok(act_word).lemma, CuePos::Noun) {
                        let act = &self.lex.frames[f];
                        // A noun that judges its owner by naming the owner's conduct (`Peru's
                        // interference`: frames.tsv holder `speaker`) is no act aimed at the
                        // owner: whoever condemns it is against the owner, not for.
                        if act.holder.contains(&Role::Speaker) {
                            continue;
                        }
                        for inner_role in &act.target {
                            let mut inner = Found::default();
                            let aimed = self.aimed_at(act_word, act, inner_role, &mut inner);
                            if !aimed.is_empty() {
                                found.notes.extend(inner.notes);
                                if act_word != w {
                                    found.notes.push("+demand");
                                }
                                let roles = format!("{}:{}/{}", role.name(), act.lemma, inner_role.name());
                                return Some((act_word, act.stance, roles, aimed));
                            }
                        }
                    }
                }
            }
        }
        None
    }

    /// Whether the noun at `u` refers back to a claim made before: a noun of saying or
    /// claiming (say_verbs.txt: `assertion`, `charge`, `account`) with only a definite or
    /// demonstrative determiner (`that assertion`, `the charge`), so no owner or content of its
    /// own.
    fn refers_to_claim(&self, u: usize) -> bool {
        let t = self.tok(u);
        if t.upos != "NOUN" || !self.lex.say.contains_key(&t.lemma) {
            return false;
        }
        let mut determined = false;
        for &k in &self.s.kids[u] {
            match self.tok(k).base_rel() {
                "det" => {
                    let w = self.tok(k).lower.as_str();
                    determined = self.lex.function.get(w) == Some(&FunctionKind::Definite)
                        || self.lex.preposition_is(w, "content");
                }
                "punct" => {}
                // (A participle clause after a comma, which the parser may hang on the noun, is
                // about the clause's subject: `denies the charge, blaming Y`.)
                "acl" if self.after_comma(k) && !self.subordinate_that(k) => {}
                _ => return false,
            }
        }
        determined
    }

    /// Mention `m` from another sentence, placed on the word `u` of this one that refers to it.
    fn at_word(&self, m: &Mention, u: usize) -> Mention {
        let mut m = m.clone();
        m.first = u;
        m.last = u;
        m.span = self.tok(u).span;
        m.pronoun = false;
        m.antecedent = None;
        m
    }

    /// The claim this sentence makes, given its triples, if any: by the speakers of its verbs
    /// of saying, the speaker of a quote it is, or the holders of the charges its verbs make
    /// (`The US blames X for the attack`: an against triple on a verb); stating the stances those
    /// claimants hold in it.
    pub(crate) fn claim(&self, hits: &[Hit]) -> Option<Claim> {
        let mut claimants: Vec<Mention> = Vec::new();
        let mut found = Found::default();
        for v in 0..self.s.len() {
            let t = self.tok(v);
            let particle_ok = !self.lex.say_with_particle.contains(&t.lemma)
                || self.s.kids_with(v, "compound:prt").next().is_some();
            if t.upos == "VERB"
                && particle_ok
                && self.lex.is_say_verb(&t.lemma)
                && self.lex.say.get(&t.lemma) != Some(&SayKind::Label)
            {
                claimants.extend(self.agent_mentions(v, &mut found));
            }
        }
        if let Some(q) = self.quote_speaker {
            claimants.push(q.clone());
        }
        // (Only when no one says anything, and only on the main clause's verb: an against triple
        // inside what someone says is theirs to claim.)
        let main_verb = |k: usize| {
            let mut at = k;
            while self.tok(at).rel == "conj" {
                match self.tok(at).head {
                    Some(h) => at = h,
                    None => break,
                }
            }
            self.tok(k).upos == "VERB" && self.tok(at).head.is_none()
        };
        if claimants.is_empty() {
            for hit in hits {
                let on_verb = (0..self.s.len()).any(|k| self.tok(k).span == hit.cue && main_verb(k));
                if on_verb && hit.stance == Polarity::Against {
                    if let Some(m) = self.mentions.list.iter().find(|m| m.who == hit.holder) {
                        claimants.push(m.clone());
                    }
                }
            }
        }
        claimants.dedup_by(|a, b| a.who == b.who);
        if claimants.is_empty() {
            return None;
        }
        let content = hits
            .iter()
            .filter(|h| claimants.iter().any(|c| c.who == h.holder))
            .filter_map(|h| {
                let m = self.mentions.list.iter().find(|m| m.who == h.target)?;
                Some((m.clone(), h.stance))
            })
            .collect();
        Some(Claim { claimants, content })
    }

    /// Whether the noun at `w` is a demand: a noun of a verb that asks someone else to act
    /// (directive_verbs.txt: `calls`, `demands`, `appeals`).
    fn is_demand_noun(&self, w: usize) -> bool {
        self.tok(w).upos == "NOUN" && self.lex.directive.contains_key(&self.tok(w).lemma)
    }

    /// Whether the cue's target is a reciprocal pronoun (`praised each other`: function_words.txt
    /// kind `reciprocal`, with its `fixed` second word).
    fn reciprocal(&self, i: usize, frame: &Frame) -> bool {
        frame.target.iter().any(|role| {
            self.role_tokens(i, frame, role, &mut Found::default())
                .into_iter()
                .any(|k| {
                    let mut phrase = self.tok(k).lower.clone();
                    for f in self.s.kids_with(k, "fixed") {
                        phrase.push(' ');
                        phrase.push_str(&self.tok(f).lower);
                    }
                    self.lex.function.get(&phrase) == Some(&FunctionKind::Reciprocal)
                })
        })
    }

    /// The stance a text or an intention states (`a resolution condemning X`, `a statement that
    /// praises X`, `efforts to sanction X`): for a text noun (`document` in government_nouns.txt)
    /// or an intention noun (intent_verbs.txt) with a verb cue in a clause on it, the cue's stance
    /// and targets. Whoever endorses it takes that stance; whoever opposes or blocks it, the
    /// other one (`vetoed a resolution condemning X` and `blocked efforts to sanction X` are
    /// for X), as with an act (`vetoed sanctions against X`).
    fn stated_stance(&self, w: usize, found: &mut Found) -> Option<(Polarity, String, Vec<Mention>)> {
        if !self.is_document(w) && !self.is_intention(w) {
            return None;
        }
        // `a resolution against X`, `a bid against X`: the text or intention opposes whom its
        // phrase of opposition names (prepositions.txt `opposing`).
        for &k in &self.s.kids[w] {
            if self.tok(k).base_rel() != "nmod" || !self.lex.preposition_is(&self.s.case_of(k), "opposing") {
                continue;
            }
            let aimed: Vec<Mention> = self
                .resolve(k, found)
                .into_iter()
                .map(|m| self.receiver(m, found))
                .filter(|m| self.is_target(&m.who))
                .collect();
            if !aimed.is_empty() {
                found.notes.push("+stated");
                return Some((Polarity::Against, format!("nmod:{}", self.s.case_of(k)), aimed));
            }
        }
        for &v in &self.s.kids[w] {
            if self.tok(v).base_rel() != "acl" || self.tok(v).upos != "VERB" {
                continue;
            }
            // The clause's own cue (`a resolution condemning X`), or the act a text of demand
            // asks for (`a resolution calling for X to resign`, `a statement urging X to step
            // down`): a cue the asking verb's clause takes whose holder is whoever asks.
            let asked: Vec<usize> = if self.lex.directive.contains_key(&self.tok(v).lemma) {
                self.s.kids[v]
                    .iter()
                    .copied()
                    .filter(|&c| {
                        RelClass::ClauseComplement.has(self.tok(c).base_rel()) && self.tok(c).upos == "VERB"
                    })
                    .collect()
            } else {
                Vec::new()
            };
            for k in std::iter::once(v).chain(asked) {
                for &f in self.lex.frames_of(&self.tok(k).lemma, CuePos::Verb) {
                    let act = &self.lex.frames[f];
                    let holder = if k == v { Role::Agent } else { Role::Directive };
                    if act.holder.first() != Some(&holder) || !self.particle_ok(k, act) {
                        continue;
                    }
                    // What the text itself states: the verb that takes the text (`backed`,
                    // `vetoed`) is the caller's to apply, so the governors above the text noun,
                    // which `modality` would read too, are left out here.
                    if self.cue_negated(k) {
                        continue;
                    }
                    let stance = act.stance;
                    let mut inner = Found::default();
                    for inner_role in &act.target {
                        let aimed = self.aimed_at(k, act, inner_role, &mut inner);
                        if !aimed.is_empty() {
                            found.notes.extend(inner.notes);
                            found.notes.push("+stated");
                            return Some((stance, format!("{}/{}", act.lemma, inner_role.name()), aimed));
                        }
                    }
                }
            }
        }
        None
    }

    /// Where a mention is named: a pronoun whose antecedent is in the same sentence points at
    /// the antecedent's words (`Mursi told them that he had cut ties` is held by `Mursi`, as
    /// the guidelines annotate it); any other mention at its own.
    fn named_span(&self, m: &Mention) -> Span {
        m.antecedent
            .filter(|_| m.pronoun)
            .and_then(|a| self.mentions.at[a])
            .map(|k| &self.mentions.list[k])
            .filter(|a| a.who == m.who)
            .map_or(m.span, |a| a.span)
    }

    /// One hit per holder and target, with `score(holder)`; none of anyone toward themselves,
    /// under any name (`Canada` as a holder and as its head of government, the receiver) or
    /// by the same words.
    #[allow(clippy::too_many_arguments)]
    fn push_pairs(
        &self,
        holders: &[Mention],
        targets: &[Mention],
        stance: Polarity,
        cue: Span,
        rule: &str,
        score: impl Fn(&Mention) -> f64,
        out: &mut Vec<Hit>,
    ) {
        for h in holders {
            for t in targets {
                if self.name(&h.who) == self.name(&t.who) || h.span == t.span {
                    continue;
                }
                // A crowd named by what it does (see [`Ctx::resolve_one`]) is named as the
                // guidelines name crowds: `X supporters`, `X opponents`.
                let holder = match &h.who {
                    Who::Group(name) if name.is_empty() => {
                        Who::Group(crate::stance::crowd_name(&self.name(&t.who), stance))
                    }
                    who => who.clone(),
                };
                let named = self.named_span(h);
                let phrase = Span {
                    start: self.tok(h.first).span.start.min(named.start),
                    end: self.tok(h.last).span.end.max(named.end),
                };
                out.push(Hit {
                    holder,
                    holder_span: Some(named),
                    holder_phrase: (!h.pronoun && phrase != named).then_some(phrase),
                    target: t.who.clone(),
                    target_span: t.span,
                    stance,
                    cue,
                    score: score(h),
                    rule: rule.to_owned(),
                    certain_holder: false,
                    act: None,
                });
            }
        }
    }

    /// A crowd noun that names its holder (`critics of X`, `X's supporters`) stands for the actor
    /// that modifies it (`Chilean critics`), except when that actor is the one the crowd is for
    /// or against: then the holder is the crowd itself, one per target, named after it as the
    /// guidelines name crowds (`X supporters`, `X opponents`), on the cue's words. A country
    /// before the noun says where the crowd is from (`US critics`), a person whom it follows
    /// (`Lopez critics`). A possessive pronoun (`his critics`) names no crowd: whose it is is
    /// too often misread. Returns the other holders and the (crowd, target) pairs.
    fn crowds(
        &self,
        i: usize,
        holders: Vec<Mention>,
        targets: &[Mention],
        target_role: &str,
        stance: Polarity,
        found: &mut Found,
    ) -> (Vec<Mention>, Vec<(Mention, Mention)>) {
        let before = matches!(target_role, "compound" | "amod");
        let followed = |t: &Mention| t.person || !before;
        let (crowd_of, others): (Vec<Mention>, Vec<Mention>) = holders
            .into_iter()
            .partition(|h| !h.pronoun && targets.iter().any(|t| t.who == h.who && followed(t)));
        if crowd_of.is_empty() {
            return (others, Vec::new());
        }
        found.notes.push("+crowd");
        let crowds = targets
            .iter()
            .filter(|t| followed(t))
            .map(|t| {
                let crowd = Mention {
                    first: i,
                    last: i,
                    who: Who::Group(crate::stance::crowd_name(&self.name(&t.who), stance)),
                    span: self.tok(i).span,
                    person: false,
                    pronoun: false,
                    antecedent: None,
                    joint: Vec::new(),
                };
                (crowd, t.clone())
            })
            .collect();
        (others, crowds)
    }

    /// Whom a speaker speaks for when saying that someone acts against them: themselves, and
    /// the state they are or serve (a known official's, or one a word of their title names:
    /// `Peru's foreign minister`, `Peruvian Foreign Minister Ana Rivera`), under the names it
    /// has as a receiver (the target who heads its government, a target named as it).
    fn own_side(&self, speaker: &Mention) -> Vec<Who> {
        let is_country = |a: u32| {
            self.lex
                .actors
                .get(a as usize)
                .is_some_and(|x| x.kind == ActorKind::Country)
        };
        let mut states: Vec<u32> = Vec::new();
        let mut side_targets: Vec<usize> = Vec::new();
        if let Who::Actor(a) = speaker.who {
            states.extend(self.lex.country_of_person(a));
            if is_country(a) {
                states.push(a);
            }
        }
        // (The words right before the name that can be its title, however the parser hangs
        // them: nouns, adjectives and names. Only for a speaker named in this sentence, not
        // the speaker of a quote named in the sentence before.)
        let here = speaker.last < self.s.len()
            && self.s.span.start <= speaker.span.start
            && speaker.span.end <= self.s.span.end;
        let title = (0..speaker.first)
            .filter(|_| here)
            .rev()
            .take_while(|&k| matches!(self.tok(k).upos, "NOUN" | "ADJ" | "PROPN"));
        for k in title {
            match self.mentions.at[k].map(|m| &self.mentions.list[m].who) {
                Some(Who::Actor(a)) if is_country(*a) => states.push(*a),
                Some(Who::Target(t)) => side_targets.push(*t),
                _ => {}
            }
        }
        let mut side = vec![speaker.who.clone()];
        side.extend(side_targets.into_iter().map(Who::Target));
        for state in states {
            side.push(Who::Actor(state));
            side.extend(self.targets.heads.get(&state).map(|&t| Who::Target(t)));
            side.extend(self.targets.same_actor.get(&state).map(|&t| Who::Target(t)));
        }
        side
    }

    /// The speakers' stance against whoever they say acts against them (see [`Ctx::apply`]).
    fn accusation(
        &self,
        i: usize,
        frame: &Frame,
        speakers: &[Mention],
        accused: &[Mention],
        out: &mut Vec<Hit>,
    ) {
        let rule = format!("{}/accusation speaker>agent+speech", frame.lemma);
        let accused: Vec<Mention> = accused
            .iter()
            .filter(|t| self.is_target(&t.who))
            .cloned()
            .collect();
        let score = |h: &Mention| if frame.hard || h.pronoun { 0.6 } else { 0.8 };
        self.push_pairs(
            speakers,
            &accused,
            Polarity::Against,
            self.tok(i).span,
            &rule,
            score,
            out,
        );
    }

    /// A mention of a country's government (`the Peruvian government`, `Peru's regime`: its last
    /// word a government noun) is the target who heads that government, as holder too.
    fn headed_government(&self, mut m: Mention, found: &mut Found) -> Mention {
        if let Who::Actor(country) = m.who {
            let head = self.targets.heads.get(&country);
            if let (Some(&head), true) = (head, self.lex.government_role(&self.tok(m.last).lemma, "state")) {
                found.notes.push("+head");
                m.who = Who::Target(head);
                m.person = true;
            }
        }
        m
    }

    /// Who receives a stance aimed at mention `m`: a country whose government a target heads
    /// stands for that target (`sanctions on Peru`, `a strike against Lima`).
    /// A known official of a country that is a target stands for it too (`accused Mr X of
    /// meddling`, X a minister of target country C, is against C); as holders, officials keep
    /// their own names.
    fn receiver(&self, mut m: Mention, found: &mut Found) -> Mention {
        if let Who::Actor(actor) = m.who {
            if let Some(&t) = self.targets.heads.get(&actor) {
                found.notes.push("+head");
                m.who = Who::Target(t);
                m.person = true;
            } else if let Some(&t) = self
                .lex
                .country_of_person(actor)
                .and_then(|c| self.targets.same_actor.get(&c))
            {
                found.notes.push("+official");
                m.who = Who::Target(t);
            }
        }
        m
    }

    /// Whether a mention can be a target: one of the user's, or any named actor when the user
    /// gave none.
    fn is_target(&self, who: &Who) -> bool {
        match who {
            Who::Target(_) => true,
            Who::Actor(_) | Who::Name(_) => self.open,
            Who::Group(_) => false,
        }
    }

    /// The canonical name of whoever a mention refers to.
    pub(crate) fn name(&self, who: &Who) -> String {
        name_of(self.lex, self.targets, who)
    }
}

/// The canonical name of whoever a mention refers to (the focus of `classify` has none).
pub(crate) fn name_of(lex: &Lexicon, targets: &Targets, who: &Who) -> String {
    match who {
        Who::Target(t) => targets.names.get(*t).cloned().unwrap_or_default(),
        Who::Actor(a) => lex.actors[*a as usize].name.clone(),
        Who::Name(n) | Who::Group(n) => n.clone(),
    }
}
