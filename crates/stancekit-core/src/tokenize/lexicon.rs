//! Word lists of the tokenizer, compiled into the binary from `resources/tokenize/` (and the
//! sentence splitter's abbreviations and sentence starters, `resources/sentence/`, which both read).
//!
//! The learned lists come from UD English EWT train (CC BY-SA 4.0, Universal Dependencies
//! English Web Treebank); see `resources/tokenize/learn_lists.py`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast multiplicative hasher for the short ASCII keys of the word lists (the
/// keys are fixed and trusted, so `HashDoS` resistance is not needed).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type Fx = BuildHasherDefault<FxHasher>;

const ABBREVIATIONS_LEARNED: &str = include_str!("../../resources/tokenize/abbreviations_learned.txt");
const HYPHEN_PREFIXES: &str = include_str!("../../resources/tokenize/hyphen_prefixes.txt");
const CONTRACTIONS: &str = include_str!("../../resources/tokenize/contractions.txt");
// The sentence splitter's starters, learned and hand-written: one list for both stages.
const SENTENCE_STARTERS: &str = include_str!("../../resources/sentence/starters.txt");
const SENTENCE_STARTERS_CLOSED_CLASS: &str =
    include_str!("../../resources/sentence/starters_closed_class.txt");
const DOMAINS: &str = include_str!("../../resources/tokenize/domains.txt");
const UNITS: &str = include_str!("../../resources/tokenize/units.txt");
const NUMBER_ENDINGS: &str = include_str!("../../resources/tokenize/number_endings.txt");
const EMOTICONS: &str = include_str!("../../resources/tokenize/emoticons.txt");
const CLITICS: &str = include_str!("../../resources/tokenize/clitics.txt");
const AFTER_ITS: &str = include_str!("../../resources/tokenize/after_its.txt");

/// How an abbreviation behaves before a likely sentence start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// A title (`Mr.`, `Dr.`) or an abbreviation inside a phrase (`e.g.`, `vs.`): always keeps
    /// its period.
    Title,
    /// Any other abbreviation (`etc.`, `Inc.`, `Sept.`): its period is a sentence-final
    /// period when a new sentence seems to follow.
    General,
}

/// What a top-level domain is (`domains.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TopLevelDomain {
    /// A bare `name.tld` is a domain name (`example.com`).
    Domain,
    /// Another generic top-level domain (`io`, `mil`).
    Generic,
    /// A country code (`uk`, `ve`).
    Country,
}

/// When a contraction written without an apostrophe (contractions.txt) is split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ContractionSplit {
    /// With clitic splitting on (`dont` -> do|nt).
    WithClitics,
    /// Always, even as surface tokens (`alot` -> a|lot).
    Always,
    /// With clitic splitting on, and only before a word of after_its.txt (`its a shame`).
    InContext,
}

/// The compiled word lists.
pub(super) struct Lexicon {
    /// Lower-case top-level domains.
    domains: HashMap<&'static str, TopLevelDomain, Fx>,
    /// Unit letters, case as written.
    units: HashSet<&'static str, Fx>,
    /// Endings of three letters or more that stay on a number (number_endings.txt).
    number_endings: Vec<&'static str>,
    /// Emoticons, in the file's order (an emoticon that is a prefix of another after it).
    emoticons: Vec<&'static str>,
    abbreviations: HashMap<&'static str, Abbrev, Fx>,
    hyphen_prefixes: HashSet<&'static str, Fx>,
    /// Contractions without apostrophe, sorted by their lower-case form packed into a `u64`
    /// (see [`pack_lower`]): (key, length of the first part, split even as surface tokens).
    contractions: Vec<(u64, usize, ContractionSplit)>,
    /// For each length (2..=8) and lower-case first letter, a bit per lower-case last letter
    /// of the contractions (and of `its`): a cheap filter that spares the search for almost
    /// every word.
    contraction_ends: [[u32; 26]; 9],
    sentence_starters: HashSet<&'static str, Fx>,
    /// Clitics (`s`, `ll`) and, apart, the clipped words (`em`, `til`) of `clitics.txt`.
    clitics: HashSet<&'static str, Fx>,
    clipped: HashSet<&'static str, Fx>,
    /// Words after which `its` is `it is` (`after_its.txt`).
    after_its: HashSet<&'static str, Fx>,
}

/// Non-empty, non-comment lines of a resource file.
fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Self {
        let mut abbreviations: HashMap<&'static str, Abbrev, Fx> = HashMap::default();
        for (form, class) in crate::sentence::abbrev::abbreviation_entries() {
            // Written before a name or inside a phrase (`Mr.`, `e.g.`), the period stays.
            let kind = if class.ends_phrases() {
                Abbrev::General
            } else {
                Abbrev::Title
            };
            abbreviations.insert(form, kind);
        }
        // The learned forms add abbreviations the hand list lacks; a lower-case entry of the hand
        // list covers every case of its form (`dr` is also `Dr`), so it is not overridden.
        for line in lines(ABBREVIATIONS_LEARNED) {
            let lower = line.to_lowercase();
            if !abbreviations.contains_key(line) && !abbreviations.contains_key(lower.as_str()) {
                abbreviations.insert(line, Abbrev::General);
            }
        }
        let entries: Vec<(&str, usize, ContractionSplit)> = lines(CONTRACTIONS)
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let word = fields.next()?;
                let cut: usize = fields.next()?.trim().parse().ok()?;
                let split = match fields.next().map(str::trim) {
                    Some("always") => ContractionSplit::Always,
                    Some("context") => ContractionSplit::InContext,
                    _ => ContractionSplit::WithClitics,
                };
                (cut > 0 && cut < word.len() && word.len() <= 8 && word.is_ascii())
                    .then_some((word, cut, split))
            })
            .collect();
        let mut contractions: Vec<(u64, usize, ContractionSplit)> = entries
            .iter()
            .filter_map(|&(w, cut, split)| Some((pack_lower(w.as_bytes())?, cut, split)))
            .collect();
        contractions.sort_unstable();
        contractions.dedup_by_key(|e| e.0);
        let mut contraction_ends = [[0u32; 26]; 9];
        for word in entries.iter().map(|e| e.0) {
            let bytes = word.as_bytes();
            let first = bytes[0].to_ascii_lowercase();
            let last = bytes[bytes.len() - 1].to_ascii_lowercase();
            if first.is_ascii_lowercase() && last.is_ascii_lowercase() {
                contraction_ends[bytes.len()][usize::from(first - b'a')] |= 1 << (last - b'a');
            }
        }
        let domains = lines(DOMAINS)
            .filter_map(|l| {
                let (tld, kind) = l.split_once('\t')?;
                let kind = match kind.trim() {
                    "domain" => TopLevelDomain::Domain,
                    "generic" => TopLevelDomain::Generic,
                    _ => TopLevelDomain::Country,
                };
                Some((tld.trim(), kind))
            })
            .collect();
        Self {
            domains,
            units: lines(UNITS).collect(),
            number_endings: lines(NUMBER_ENDINGS).collect(),
            emoticons: lines(EMOTICONS).collect(),
            abbreviations,
            hyphen_prefixes: lines(HYPHEN_PREFIXES).collect(),
            contractions,
            contraction_ends,
            sentence_starters: lines(SENTENCE_STARTERS)
                .chain(lines(SENTENCE_STARTERS_CLOSED_CLASS))
                .collect(),
            clitics: kind_of(CLITICS, "clitic"),
            clipped: kind_of(CLITICS, "clipped"),
            after_its: lines(AFTER_ITS).collect(),
        }
    }

    /// The shared, lazily built lexicon.
    pub(super) fn get() -> &'static Self {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Self::load)
    }

    /// The kind of top-level domain `label` is, in any case.
    pub(super) fn top_level_domain(&self, label: &[u8]) -> Option<TopLevelDomain> {
        let mut lower = [0u8; 8];
        let lower = lower.get_mut(..label.len())?;
        for (l, b) in lower.iter_mut().zip(label) {
            *l = b.to_ascii_lowercase();
        }
        self.domains.get(std::str::from_utf8(lower).ok()?).copied()
    }

    /// Whether `w` is an ending that stays on the number before it (`5ths`).
    pub(super) fn is_number_ending(&self, w: &[u8]) -> bool {
        self.number_endings
            .iter()
            .any(|e| w.eq_ignore_ascii_case(e.as_bytes()))
    }

    /// Whether `w` is unit letters written after a number (`pm`, `kg`), case as written.
    pub(super) fn is_unit(&self, w: &[u8]) -> bool {
        std::str::from_utf8(w).is_ok_and(|w| self.units.contains(w))
    }

    /// The emoticons, longer ones before their prefixes.
    pub(super) fn emoticons(&self) -> &[&'static str] {
        &self.emoticons
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
        // `Etc.`, `ETC.`, `GEN.`: try the lower-case and the capitalized forms.
        let mut buf = [0u8; 12];
        let lower = lower_ascii(word, &mut buf)?;
        if let Some(&a) = self.abbreviations.get(lower) {
            return Some(a);
        }
        buf[0] = buf[0].to_ascii_uppercase();
        let capitalized = std::str::from_utf8(&buf[..word.len()]).ok()?;
        self.abbreviations.get(capitalized).copied()
    }

    /// True when `prefix` (any case) stays joined to the next word across a hyphen.
    pub(super) fn is_hyphen_prefix(&self, prefix: &str) -> bool {
        let mut buf = [0u8; 12];
        lower_ascii(prefix, &mut buf).is_some_and(|l| self.hyphen_prefixes.contains(l))
    }

    /// For a contraction written without apostrophe (`cannot`, `dont`), the byte length of
    /// its first part, and whether it is split even as surface tokens (`alot`).
    pub(super) fn contraction_cut(&self, word: &str) -> Option<(usize, ContractionSplit)> {
        let bytes = word.as_bytes();
        if !self.may_be_contraction(bytes) || (bytes.len() <= 2 && bytes.iter().all(u8::is_ascii_uppercase)) {
            // `IM` (instant message) is no contraction.
            return None;
        }
        let key = pack_lower(word.as_bytes())?;
        let k = self.contractions.binary_search_by_key(&key, |e| e.0).ok()?;
        let (_, cut, split) = self.contractions[k];
        Some((cut, split))
    }

    /// A cheap filter: false for nearly every word that is not a contraction without
    /// apostrophe (by length and last letter).
    #[inline]
    pub(super) fn may_be_contraction(&self, word: &[u8]) -> bool {
        let len = word.len();
        if !(2..self.contraction_ends.len()).contains(&len) {
            return false;
        }
        let first = word[0] | 0x20;
        let last = word[len - 1] | 0x20;
        first.is_ascii_lowercase()
            && last.is_ascii_lowercase()
            && self.contraction_ends[len][usize::from(first - b'a')] & (1 << (last - b'a')) != 0
    }

    /// True when `word` is a capitalized word that usually opens a sentence (`The`, `We`).
    pub(super) fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }

    /// Whether `w` (any case) is a clitic, or with `clipped` also a clipped word, of
    /// `clitics.txt`.
    pub(super) fn is_clitic(&self, w: &[u8], clipped: bool) -> bool {
        let mut lower = [0u8; 8];
        let Some(lower) = lower.get_mut(..w.len()) else {
            return false;
        };
        for (l, b) in lower.iter_mut().zip(w) {
            *l = b.to_ascii_lowercase();
        }
        std::str::from_utf8(lower)
            .is_ok_and(|w| self.clitics.contains(w) || (clipped && self.clipped.contains(w)))
    }

    /// Whether `its` before the lower-case word `w` stands for `it is` (`after_its.txt`).
    pub(super) fn follows_its_is(&self, w: &str) -> bool {
        self.after_its.contains(w)
    }
}

/// The words of a `word TAB kind` resource file of kind `kind`.
fn kind_of(src: &'static str, kind: &str) -> HashSet<&'static str, Fx> {
    lines(src)
        .filter_map(|l| l.split_once('\t'))
        .filter(|&(_, k)| k.trim() == kind)
        .map(|(w, _)| w.trim())
        .collect()
}

/// Whether `w` (lower case) is a clitic that follows an apostrophe as a word of its own
/// (`clitics.txt`, kind `clitic`): one list for the tokenizer and the stance token rules.
pub(crate) fn is_clitic(w: &str) -> bool {
    Lexicon::get().clitics.contains(w)
}

/// Packs a word of one to eight ASCII letters, lower-cased, into a `u64` (`None` otherwise).
#[inline]
fn pack_lower(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    for &b in word {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        key = (key << 8) | u64::from(b | 0x20);
    }
    Some(key)
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
