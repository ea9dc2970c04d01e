//! Built-in word lists of the sentence splitter: abbreviations with how often their period ends
//! a sentence, sentence starters and speech verbs. The lists ship inside the crate
//! (`resources/sentence/`, read with `include_str!`).
//!
//! Whether the period of an abbreviation ends a sentence is decided by one rule: the odds that
//! this abbreviation's period ends a sentence ([`Abbrev::end_odds`]: its counts in UD English EWT
//! train, pulled towards the prior of its class) times the likelihood ratio of what follows
//! ([`Tables::follower_ratio`], learned from the same text). A sentence ends when the product
//! exceeds 1. Both sets of counts are in `sentence_ends.txt`, written by
//! `learn_sentence_ends.py`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

/// FNV-1a: the keys are short words, and the lookups sit on the splitter's hot path.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// Where an abbreviation stands in a phrase (its class in `abbreviations.txt`). The class is the
/// prior of how often the abbreviation's period ends a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Before a name (`Mr.`, `Gen.`).
    Title,
    /// Before a number: a month (`Feb. 8`).
    Month,
    /// Before a number (`Fig. 3`, `pp. 4`).
    Number,
    /// Before a noun or at the end of a phrase (`U.S.`, `St.`).
    Ambiguous,
    /// At the end of a phrase, after a name, number or city (`Inc.`, `a.m.`, `etc.`, `Calif.`).
    Final,
    /// Inside a phrase (`e.g.`, `vs.`).
    Inner,
}

impl AbbrevClass {
    const ALL: [AbbrevClass; 6] = [
        Self::Title,
        Self::Month,
        Self::Number,
        Self::Ambiguous,
        Self::Final,
        Self::Inner,
    ];

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "title" => Self::Title,
            "month" => Self::Month,
            "num" => Self::Number,
            "ambig" => Self::Ambiguous,
            "final" => Self::Final,
            "inner" => Self::Inner,
            _ => return None,
        })
    }

    /// False for the classes that stand inside a phrase (titles, `e.g.`): their period never
    /// ends a sentence.
    pub(crate) fn ends_phrases(self) -> bool {
        !matches!(self, Self::Title | Self::Inner)
    }

    /// True for the classes that stand before numbers: their period never ends a sentence
    /// before a digit.
    pub(crate) fn before_numbers(self) -> bool {
        matches!(self, Self::Month | Self::Number)
    }
}

/// A known abbreviation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Abbrev {
    pub(crate) class: AbbrevClass,
    /// The odds that its period ends a sentence, before looking at what follows.
    pub(crate) end_odds: f32,
}

/// What follows a period, in the categories of `sentence_ends.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Follower {
    /// A capitalised word that typically starts a sentence (`The`, `How`).
    Starter,
    /// A title abbreviation (`Mr.`, `Gen.`).
    Title,
    /// Another capitalised word followed by an auxiliary or `said` (`Tom was`, `Officials
    /// said`): the subject of a new clause.
    Subject,
    /// Another capitalised word whose lower-case form is a common word (`Government`, `Nice`).
    Common,
    /// Any other capitalised word: mostly names (`Smith`, `Caracas`).
    Name,
    /// A lower-case word that typically starts a sentence (`the`, `i`), as web text writes them.
    LowerStarter,
    /// Any other lower-case word.
    Lower,
    /// A digit.
    Digit,
    /// A sign that can open a sentence (`-`, `*`, `$`, a bullet), or quotes with nothing after.
    Opener,
}

impl Follower {
    const ALL: [Follower; 9] = [
        Self::Starter,
        Self::Title,
        Self::Subject,
        Self::Common,
        Self::Name,
        Self::LowerStarter,
        Self::Lower,
        Self::Digit,
        Self::Opener,
    ];

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "starter" => Self::Starter,
            "title" => Self::Title,
            "subject" => Self::Subject,
            "common" => Self::Common,
            "name" => Self::Name,
            "lower_starter" => Self::LowerStarter,
            "lower" => Self::Lower,
            "digit" => Self::Digit,
            "opener" => Self::Opener,
            _ => return None,
        })
    }
}

const ABBREVIATIONS: &str = include_str!("../../resources/sentence/abbreviations.txt");
const SENTENCE_ENDS: &str = include_str!("../../resources/sentence/sentence_ends.txt");
const STARTERS: &str = include_str!("../../resources/sentence/starters.txt");
const STARTERS_CLOSED_CLASS: &str = include_str!("../../resources/sentence/starters_closed_class.txt");
const COMMON_WORDS: &str = include_str!("../../resources/sentence/common_words.txt");
const CLAUSE_VERBS: &str = include_str!("../../resources/sentence/clause_verbs.txt");
const WORD_CLASSES: &str = include_str!("../../resources/sentence/word_classes.txt");

/// The entries of `abbreviations.txt`: each abbreviation, without its period, and its class.
/// The one reading of the list, for the splitter, the tokenizer (which keeps the period of a
/// class that ends no phrase) and the stance engine (which strips titles from names).
pub(crate) fn abbreviation_entries() -> impl Iterator<Item = (&'static str, AbbrevClass)> {
    ABBREVIATIONS.lines().filter_map(|line| {
        let line = line.trim();
        if line.starts_with('#') {
            return None;
        }
        let mut parts = line.split_whitespace();
        Some((parts.next()?, parts.next().and_then(AbbrevClass::parse)?))
    })
}

/// Closed word classes the splitter's rules consult (`resources/sentence/word_classes.txt`,
/// where each is described); a word's classes are a bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordClass {
    Speech = 1 << 0,
    Clause = 1 << 1,
    Linking = 1 << 2,
    Determiner = 1 << 3,
    Function = 1 << 4,
    Intro = 1 << 5,
    Greeting = 1 << 6,
    Closing = 1 << 7,
    ClosingLead = 1 << 8,
    ClosingTail = 1 << 9,
}

impl WordClass {
    /// The classes by their names in the resource file.
    pub(crate) const NAMED: [(&'static str, WordClass); 10] = [
        ("speech", WordClass::Speech),
        ("clause", WordClass::Clause),
        ("linking", WordClass::Linking),
        ("determiner", WordClass::Determiner),
        ("function", WordClass::Function),
        ("intro", WordClass::Intro),
        ("greeting", WordClass::Greeting),
        ("closing", WordClass::Closing),
        ("closing_lead", WordClass::ClosingLead),
        ("closing_tail", WordClass::ClosingTail),
    ];

    fn from_name(name: &str) -> Option<WordClass> {
        Self::NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
    }
}

/// Word → bit set of its classes, from a `class<TAB>word` resource (unknown classes are
/// skipped; a unit test checks that the shipped file has none).
fn word_classes(src: &'static str) -> FastMap<&'static [u8], u16> {
    let mut map = FastMap::default();
    for line in src.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let Some((name, word)) = line.split_once('\t') else {
            continue;
        };
        if let Some(class) = WordClass::from_name(name.trim()) {
            *map.entry(word.trim().as_bytes()).or_insert(0) |= class as u16;
        }
    }
    map
}

/// The words of a one-word-per-line resource (no comments or blank lines).
fn word_set(src: &'static str) -> FastSet<&'static [u8]> {
    let mut set = FastSet::with_capacity_and_hasher(src.len() / 6, BuildHasherDefault::default());
    set.extend(
        src.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::as_bytes),
    );
    set
}

/// Weight, in occurrences, of an abbreviation's class prior against its own counts: an
/// abbreviation seen fewer times than this in EWT train is judged mostly by its class.
const PRIOR_WEIGHT: f32 = 20.0;
/// Pseudo-count added to every follower count (the learned counts include zeros).
const FOLLOWER_SMOOTHING: f32 = 0.25;

/// The word tables one splitter uses: the built-in lists plus the configured extras.
#[derive(Debug)]
pub(crate) struct Tables {
    /// Lower-case entries, matched case-insensitively.
    folded: FastMap<Box<[u8]>, Abbrev>,
    /// Entries with an upper-case letter, matched exactly.
    exact: FastMap<Box<[u8]>, Abbrev>,
    starters: FastSet<Box<[u8]>>,
    /// Closed word classes (see [`WordClass`]).
    word_classes: FastMap<&'static [u8], u16>,
    /// Bit `l` is set when a letter greeting or closing starts with the letter `A + l`: a cheap
    /// filter before looking at the first word of every sentence.
    letter_formula_initials: u32,
    /// Length in bytes of the longest abbreviation: longer words skip the lookup.
    max_len: usize,
    /// Bit `l` of entry `len` is set when some abbreviation of `len` bytes starts with the
    /// letter `a + l` (any case): a cheap filter before hashing.
    first_by_len: [u32; 25],
    /// Per [`AbbrevClass`]: the prior odds that the period ends a sentence.
    class_odds: [f32; 6],
    /// The prior odds that an ellipsis after a word (`word...`) ends a sentence.
    ellipsis_odds: f32,
    /// Per [`Follower`]: the likelihood ratio of a sentence end (how much more often it follows
    /// a sentence end than an abbreviation period that does not end one).
    follower_ratio: [f32; 9],
    /// Common lower-case words (`common_words.txt`).
    common_words: FastSet<&'static [u8]>,
    /// Auxiliaries and `said` (`clause_verbs.txt`).
    clause_verbs: FastSet<&'static [u8]>,
}

/// Counts read from `sentence_ends.txt`.
#[derive(Default)]
struct EndCounts {
    /// Per follower: after sentence ends, after abbreviation periods that end none.
    followers: [(f32, f32); 9],
    /// Per class: periods that end a sentence, occurrences.
    classes: [(f32, f32); 6],
    /// Ellipses after a word that end a sentence, occurrences.
    ellipsis: (f32, f32),
    /// Per abbreviation form: periods that end a sentence, occurrences.
    forms: HashMap<&'static str, (f32, f32)>,
}

fn parse_counts(src: &'static str) -> EndCounts {
    let mut counts = EndCounts::default();
    for line in src.lines() {
        let mut parts = line.split_whitespace();
        let (Some(tag), Some(name), Some(a), Some(b)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let (Ok(a), Ok(b)) = (a.parse::<f32>(), b.parse::<f32>()) else {
            continue;
        };
        match tag {
            "next" => {
                if let Some(f) = Follower::parse(name) {
                    counts.followers[f as usize] = (a, b);
                }
            }
            "class" if name == "ellipsis" => counts.ellipsis = (a, b),
            "class" => {
                if let Some(c) = AbbrevClass::parse(name) {
                    counts.classes[c as usize] = (a, b);
                }
            }
            "abbr" => {
                counts.forms.insert(name, (a, b));
            }
            _ => {}
        }
    }
    counts
}

fn odds(p: f32) -> f32 {
    p / (1.0 - p)
}

/// Builds the built-in tables (once per process, see [`Tables::shared_builtin`]).
fn load_builtin() -> Tables {
    {
        let counts = parse_counts(SENTENCE_ENDS);
        // Class priors: the pooled rate, with half an observation each way so that a class
        // never seen ending a sentence still can.
        let class_p = AbbrevClass::ALL.map(|c| {
            let (ends, n) = counts.classes[c as usize];
            (ends + 0.5) / (n + 1.0)
        });
        let (after_ends, after_others) = counts
            .followers
            .iter()
            .fold((0.0, 0.0), |(a, b), &(x, y)| (a + x, b + y));
        let k = Follower::ALL.len() as f32 * FOLLOWER_SMOOTHING;
        let follower_ratio = Follower::ALL.map(|f| {
            let (x, y) = counts.followers[f as usize];
            ((x + FOLLOWER_SMOOTHING) / (after_ends + k)) / ((y + FOLLOWER_SMOOTHING) / (after_others + k))
        });
        let mut t = Tables {
            folded: FastMap::default(),
            exact: FastMap::default(),
            starters: FastSet::default(),
            word_classes: word_classes(WORD_CLASSES),
            letter_formula_initials: 0,
            max_len: 0,
            first_by_len: [0; 25],
            class_odds: AbbrevClass::ALL.map(|c| {
                if c.ends_phrases() {
                    odds(class_p[c as usize])
                } else {
                    0.0
                }
            }),
            ellipsis_odds: odds((counts.ellipsis.0 + 0.5) / (counts.ellipsis.1 + 1.0)),
            follower_ratio,
            common_words: word_set(COMMON_WORDS),
            clause_verbs: word_set(CLAUSE_VERBS),
        };
        for (word, class) in abbreviation_entries() {
            // The abbreviation's own counts, pulled towards its class prior. Titles and inner
            // abbreviations stand inside a phrase by definition: they end no sentence.
            let (ends, n) = counts.forms.get(word).copied().unwrap_or((0.0, 0.0));
            let p = if class.ends_phrases() {
                (ends + PRIOR_WEIGHT * class_p[class as usize]) / (n + PRIOR_WEIGHT)
            } else {
                0.0
            };
            t.insert_abbrev(
                word,
                Abbrev {
                    class,
                    end_odds: odds(p),
                },
            );
        }
        for line in STARTERS.lines().chain(STARTERS_CLOSED_CLASS.lines()) {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // Keep the letters before an apostrophe: the splitter looks at letters only.
            let word = line.split(['\'', '\u{2019}']).next().unwrap_or("");
            if !word.is_empty() {
                t.starters.insert(word.as_bytes().into());
            }
        }
        let formula = WordClass::Greeting as u16 | WordClass::Closing as u16 | WordClass::ClosingLead as u16;
        for (word, &classes) in &t.word_classes {
            if classes & formula != 0 && word.first().is_some_and(u8::is_ascii_uppercase) {
                t.letter_formula_initials |= 1 << (word[0] - b'A');
            }
        }
        t
    }
}

impl Tables {
    /// Records `word` in the length/first-letter filter.
    fn mark(&mut self, word: &[u8]) {
        match word.first() {
            Some(c) if c.is_ascii_alphabetic() && word.len() < 25 => {
                self.first_by_len[word.len()] |= 1 << (c.to_ascii_lowercase() - b'a');
            }
            // Anything else cannot be filtered: let every word of this length through.
            _ if word.len() < 25 => self.first_by_len[word.len()] = u32::MAX,
            _ => {}
        }
    }

    fn insert_abbrev(&mut self, word: &str, abbrev: Abbrev) {
        self.max_len = self.max_len.max(word.len());
        self.mark(word.as_bytes());
        if word.chars().any(char::is_uppercase) {
            self.exact.insert(word.as_bytes().into(), abbrev);
        } else {
            self.folded.insert(word.as_bytes().into(), abbrev);
        }
    }

    fn copy(b: &Tables) -> Tables {
        Tables {
            folded: b.folded.clone(),
            exact: b.exact.clone(),
            starters: b.starters.clone(),
            word_classes: b.word_classes.clone(),
            letter_formula_initials: b.letter_formula_initials,
            max_len: b.max_len,
            first_by_len: b.first_by_len,
            class_odds: b.class_odds,
            ellipsis_odds: b.ellipsis_odds,
            follower_ratio: b.follower_ratio,
            common_words: b.common_words.clone(),
            clause_verbs: b.clause_verbs.clone(),
        }
    }

    /// The built-in tables, shared.
    pub(crate) fn shared_builtin() -> Arc<Tables> {
        static SHARED: OnceLock<Arc<Tables>> = OnceLock::new();
        SHARED.get_or_init(|| Arc::new(load_builtin())).clone()
    }

    /// The built-in tables plus `extra` abbreviations (lower-cased, class ambiguous).
    pub(crate) fn with_extra(extra: &[String]) -> Tables {
        let mut t = Tables::copy(&Tables::shared_builtin());
        let abbrev = t.class_abbrev(AbbrevClass::Ambiguous);
        for word in extra {
            let word = word.trim().trim_end_matches('.');
            let lower = word.to_lowercase();
            t.max_len = t.max_len.max(lower.len());
            t.mark(lower.as_bytes());
            t.folded.entry(lower.as_bytes().into()).or_insert(abbrev);
        }
        t
    }

    /// An abbreviation known only by its class (an extra one, or an unlisted dotted form).
    pub(crate) fn class_abbrev(&self, class: AbbrevClass) -> Abbrev {
        Abbrev {
            class,
            end_odds: self.class_odds[class as usize],
        }
    }

    /// The prior odds that an ellipsis written after a word ends a sentence.
    pub(crate) fn ellipsis_odds(&self) -> f32 {
        self.ellipsis_odds
    }

    /// How much more likely a sentence end is when `follower` comes next.
    pub(crate) fn follower_ratio(&self, follower: Follower) -> f32 {
        self.follower_ratio[follower as usize]
    }

    /// Looks up `word` (the letters and inner periods before a final period).
    pub(crate) fn abbrev(&self, word: &[u8]) -> Option<Abbrev> {
        if word.is_empty() || word.len() > self.max_len.min(24) {
            return None;
        }
        let c = word[0];
        if c.is_ascii_alphabetic()
            && self.first_by_len[word.len()] & (1 << (c.to_ascii_lowercase() - b'a')) == 0
        {
            return None;
        }
        if let Some(&k) = self.exact.get(word) {
            return Some(k);
        }
        let mut buf = [0u8; 24];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        self.folded.get(&*lower).copied()
    }

    /// True when `word` (letters only, as written) typically starts a sentence.
    pub(crate) fn is_starter(&self, word: &[u8]) -> bool {
        self.starters.contains(word)
    }

    /// True when `word` (ASCII letters, any case) is a common word in lower case.
    pub(crate) fn is_common_word(&self, word: &[u8]) -> bool {
        let mut buf = [0u8; 24];
        if word.is_empty() || word.len() > buf.len() {
            return false;
        }
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        self.common_words.contains(&*lower)
    }

    /// True when `word` (as written) is an auxiliary or `said` ([`Follower::Subject`]).
    pub(crate) fn is_clause_verb(&self, word: &[u8]) -> bool {
        self.clause_verbs.contains(word)
    }

    /// True when `word` (lower-case letters) is a sentence starter written in lower case.
    pub(crate) fn is_lower_starter(&self, word: &[u8]) -> bool {
        let mut buf = [0u8; 24];
        if word.is_empty() || word.len() > buf.len() {
            return false;
        }
        let cap = &mut buf[..word.len()];
        cap.copy_from_slice(word);
        cap[0] = cap[0].to_ascii_uppercase();
        self.starters.contains(&*cap)
    }

    /// True when `word` (as written) is in `class`.
    pub(crate) fn is_word(&self, word: &[u8], class: WordClass) -> bool {
        self.word_classes
            .get(word)
            .is_some_and(|&classes| classes & class as u16 != 0)
    }

    /// True when a word starting with `first` may open a letter greeting or closing.
    pub(crate) fn may_open_letter_formula(&self, first: u8) -> bool {
        first.is_ascii_uppercase() && self.letter_formula_initials & (1 << (first - b'A')) != 0
    }
}
