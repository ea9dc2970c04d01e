//! Word lists of the tokenizer, compiled into the binary from `resources/tokenize/`.
//!
//! The learned lists come from UD English EWT train (CC BY-SA 4.0, Universal Dependencies
//! English Web Treebank); see `resources/tokenize/learn_lists.py`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../../resources/tokenize/abbreviations.txt");
const ABBREVIATIONS_LEARNED: &str =
    include_str!("../../resources/tokenize/abbreviations_learned.txt");
const HYPHEN_PREFIXES: &str = include_str!("../../resources/tokenize/hyphen_prefixes.txt");
const CONTRACTIONS: &str = include_str!("../../resources/tokenize/contractions.txt");
const SENTENCE_STARTERS: &str = include_str!("../../resources/tokenize/sentence_starters.txt");

/// How an abbreviation behaves before a likely sentence start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// A title or name part (`Mr.`, `Dr.`, `St.`): always keeps its period.
    Title,
    /// Any other abbreviation (`etc.`, `Inc.`, `Sept.`): its period is a sentence-final
    /// period when a new sentence seems to follow.
    General,
}

/// The compiled word lists.
pub(super) struct Lexicon {
    abbreviations: HashMap<&'static str, Abbrev>,
    hyphen_prefixes: HashSet<&'static str>,
    contractions: HashMap<&'static str, usize>,
    sentence_starters: HashSet<&'static str>,
}

/// Non-empty, non-comment lines of a resource file.
fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Self {
        let mut abbreviations = HashMap::new();
        for line in lines(ABBREVIATIONS_LEARNED) {
            abbreviations.insert(line, Abbrev::General);
        }
        for line in lines(ABBREVIATIONS) {
            match line.strip_prefix("T ") {
                Some(form) => abbreviations.insert(form.trim(), Abbrev::Title),
                None => abbreviations.insert(line, Abbrev::General),
            };
        }
        let contractions = lines(CONTRACTIONS)
            .filter_map(|l| {
                let (word, cut) = l.split_once('\t')?;
                let cut: usize = cut.trim().parse().ok()?;
                (cut > 0 && cut < word.len()).then_some((word, cut))
            })
            .collect();
        Self {
            abbreviations,
            hyphen_prefixes: lines(HYPHEN_PREFIXES).collect(),
            contractions,
            sentence_starters: lines(SENTENCE_STARTERS).collect(),
        }
    }

    /// The shared, lazily built lexicon.
    pub(super) fn get() -> &'static Self {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Self::load)
    }

    /// Looks `word` (without its period) up as an abbreviation. Lower-case entries also match
    /// with a capital first letter or in all capitals.
    pub(super) fn abbreviation(&self, word: &str) -> Option<Abbrev> {
        if word.len() > 12 {
            return None;
        }
        if let Some(&a) = self.abbreviations.get(word) {
            return Some(a);
        }
        if !word.is_ascii() || !word.as_bytes()[0].is_ascii_uppercase() {
            return None;
        }
        let mut buf = [0u8; 12];
        let lower = lower_ascii(word, &mut buf)?;
        self.abbreviations.get(lower).copied()
    }

    /// True when `prefix` (any case) stays joined to the next word across a hyphen.
    pub(super) fn is_hyphen_prefix(&self, prefix: &str) -> bool {
        let mut buf = [0u8; 12];
        lower_ascii(prefix, &mut buf).is_some_and(|l| self.hyphen_prefixes.contains(l))
    }

    /// For a contraction written without apostrophe (`cannot`, `dont`), the byte length of
    /// its first part.
    pub(super) fn contraction_cut(&self, word: &str) -> Option<usize> {
        let mut buf = [0u8; 12];
        let lower = lower_ascii(word, &mut buf)?;
        self.contractions.get(lower).copied()
    }

    /// True when `word` is a capitalized word that usually opens a sentence (`The`, `We`).
    pub(super) fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }
}

/// Lower-cases a short ASCII word into `buf`; `None` when too long or not ASCII.
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}
