//! Built-in word lists of the sentence splitter: abbreviations, sentence starters and speech
//! verbs. The lists ship inside the crate (`resources/sentence/`, read with `include_str!`).

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

/// How a known abbreviation behaves before a following word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Comes before a name or number; never ends a sentence (`Mr.`, `Gen.`).
    Title,
    /// Never ends a sentence before a digit; otherwise like [`AbbrevKind::Ambiguous`] (`Feb.`).
    Month,
    /// Never ends a sentence before a digit; otherwise like [`AbbrevKind::Ambiguous`] (`No.`).
    Number,
    /// Ends a sentence only before a word that typically starts one (`Inc.`, `U.S.`).
    Ambiguous,
    /// Never ends a sentence (`e.g.`, `vs.`).
    Inner,
}

const ABBREVIATIONS: &str = include_str!("../../resources/sentence/abbreviations.txt");
const STARTERS: &str = include_str!("../../resources/sentence/starters.txt");

/// Closed-class words that start sentences (written out by hand; they complement the learned list).
const CLOSED_CLASS_STARTERS: &[&str] = &[
    "I",
    "A",
    "An",
    "The",
    "He",
    "She",
    "It",
    "We",
    "They",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "His",
    "Her",
    "Its",
    "Our",
    "Their",
    "My",
    "Your",
    "What",
    "Who",
    "Whom",
    "Whose",
    "Which",
    "When",
    "Where",
    "Why",
    "How",
    "In",
    "On",
    "At",
    "But",
    "And",
    "So",
    "If",
    "As",
    "Or",
    "Nor",
    "Yet",
    "For",
    "With",
    "After",
    "Before",
    "Since",
    "While",
    "Although",
    "Though",
    "Because",
    "Unless",
    "Until",
    "Meanwhile",
    "However",
    "Moreover",
    "Furthermore",
    "Still",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Also",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "No",
    "Not",
    "One",
    "Mr",
    "Mrs",
    "Ms",
    "Is",
    "Are",
    "Was",
    "Were",
    "Do",
    "Does",
    "Did",
    "Can",
    "Could",
    "Will",
    "Would",
    "Should",
    "Let",
    "Please",
    "Thanks",
    "Thank",
    "Yes",
    "Later",
    "Last",
    "Earlier",
    "Instead",
    "Otherwise",
    "Thus",
    "Hence",
    "Indeed",
    "According",
    "Despite",
    "During",
    "Under",
    "Over",
    "Among",
    "Between",
    "Without",
    "Whether",
    "Such",
    "Several",
    "Few",
    "Other",
    "Another",
    "Neither",
    "Either",
];

/// Verbs that attribute a quotation (`"...?" I asked.`).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "told",
    "tells",
    "added",
    "adds",
    "replied",
    "replies",
    "wrote",
    "writes",
    "explained",
    "explains",
    "shouted",
    "cried",
    "continued",
    "insisted",
    "tweeted",
    "declared",
    "answered",
    "warned",
    "warns",
    "noted",
    "notes",
    "stated",
    "argued",
    "recalled",
    "responded",
    "remarked",
    "whispered",
    "yelled",
    "exclaimed",
    "laughed",
    "joked",
    "admitted",
    "announced",
    "claimed",
    "claims",
    "demanded",
    "urged",
    "wondered",
    "pleaded",
];

/// The word tables one splitter uses: the built-in lists plus the configured extras.
#[derive(Debug)]
pub(crate) struct Tables {
    /// Lower-case entries, matched case-insensitively.
    folded: FastMap<Box<[u8]>, AbbrevKind>,
    /// Entries with an upper-case letter, matched exactly.
    exact: FastMap<Box<[u8]>, AbbrevKind>,
    starters: FastSet<Box<[u8]>>,
    speech_verbs: FastSet<Box<[u8]>>,
    /// Length in bytes of the longest abbreviation: longer words skip the lookup.
    max_len: usize,
    /// Bit `l` of entry `len` is set when some abbreviation of `len` bytes starts with the
    /// letter `a + l` (any case): a cheap filter before hashing.
    first_by_len: [u32; 25],
}

fn parse_kind(s: &str) -> Option<AbbrevKind> {
    Some(match s {
        "title" => AbbrevKind::Title,
        "month" => AbbrevKind::Month,
        "num" => AbbrevKind::Number,
        "ambig" => AbbrevKind::Ambiguous,
        "inner" => AbbrevKind::Inner,
        _ => return None,
    })
}

fn builtin() -> &'static Tables {
    static BUILTIN: OnceLock<Tables> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let mut t = Tables {
            folded: FastMap::default(),
            exact: FastMap::default(),
            starters: FastSet::default(),
            speech_verbs: SPEECH_VERBS.iter().map(|w| w.as_bytes().into()).collect(),
            max_len: 0,
            first_by_len: [0; 25],
        };
        for line in ABBREVIATIONS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(word), Some(kind)) = (parts.next(), parts.next().and_then(parse_kind)) else {
                continue;
            };
            t.insert_abbrev(word, kind);
        }
        for line in STARTERS.lines() {
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
        for w in CLOSED_CLASS_STARTERS {
            t.starters.insert(w.as_bytes().into());
        }
        t
    })
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

    fn insert_abbrev(&mut self, word: &str, kind: AbbrevKind) {
        self.max_len = self.max_len.max(word.len());
        self.mark(word.as_bytes());
        if word.chars().any(char::is_uppercase) {
            self.exact.insert(word.as_bytes().into(), kind);
        } else {
            self.folded.insert(word.as_bytes().into(), kind);
        }
    }

    /// The built-in tables, shared.
    pub(crate) fn shared_builtin() -> Arc<Tables> {
        static SHARED: OnceLock<Arc<Tables>> = OnceLock::new();
        SHARED
            .get_or_init(|| {
                let b = builtin();
                Arc::new(Tables {
                    folded: b.folded.clone(),
                    exact: b.exact.clone(),
                    starters: b.starters.clone(),
                    speech_verbs: b.speech_verbs.clone(),
                    max_len: b.max_len,
                    first_by_len: b.first_by_len,
                })
            })
            .clone()
    }

    /// The built-in tables plus `extra` abbreviations (lower-cased, class ambiguous).
    pub(crate) fn with_extra(extra: &[String]) -> Tables {
        let b = builtin();
        let mut t = Tables {
            folded: b.folded.clone(),
            exact: b.exact.clone(),
            starters: b.starters.clone(),
            speech_verbs: b.speech_verbs.clone(),
            max_len: b.max_len,
            first_by_len: b.first_by_len,
        };
        for word in extra {
            let word = word.trim().trim_end_matches('.');
            let lower = word.to_lowercase();
            t.max_len = t.max_len.max(lower.len());
            t.mark(lower.as_bytes());
            t.folded
                .entry(lower.as_bytes().into())
                .or_insert(AbbrevKind::Ambiguous);
        }
        t
    }

    /// Looks up `word` (the letters and inner periods before a final period).
    pub(crate) fn abbrev(&self, word: &[u8]) -> Option<AbbrevKind> {
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

    /// True when `word` (as written, lower case) is a verb attributing a quotation.
    pub(crate) fn is_speech_verb(&self, word: &[u8]) -> bool {
        self.speech_verbs.contains(word)
    }
}
