//! Lemmatizer learned from a treebank: edit rules chosen by the longest known suffix of the
//! word for its tag (`-ies` -> `-y` for plural nouns), plus the forms whose lemma the rules get
//! wrong (irregular verbs, pronouns), both counted from the training data.

use crate::Result;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// The longest suffix (in characters) a rule is keyed by.
pub(crate) const MAX_SUFFIX: usize = 6;

/// One edit from a form to its lemma: optionally lower-case, drop `strip` characters from the
/// end, append `append`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Rule {
    pub lower: bool,
    pub strip: u8,
    pub append: String,
}

impl Rule {
    /// The rule that turns `form` into `lemma`: an edit of the lower-cased form when the lemma
    /// has no capital letter (so `Euros` and `euros` share the rule that gives `euro`), of the
    /// form as written otherwise.
    pub(crate) fn between(form: &str, lemma: &str) -> Self {
        let lower = !lemma.chars().any(char::is_uppercase);
        let base = if lower {
            form.to_lowercase()
        } else {
            form.to_owned()
        };
        let common = base
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let strip = base.chars().count() - common;
        Self {
            lower,
            strip: strip.min(255) as u8,
            append: lemma.chars().skip(common).collect(),
        }
    }

    /// Applies the rule; `None` when the form is too short for it.
    pub(crate) fn apply(&self, form: &str) -> Option<String> {
        let base: Cow<str> = if self.lower {
            Cow::Owned(form.to_lowercase())
        } else {
            Cow::Borrowed(form)
        };
        let n = base.chars().count();
        let strip = usize::from(self.strip);
        if strip > n || (strip == n && self.append.is_empty()) {
            return None;
        }
        let keep: String = base.chars().take(n - strip).collect();
        Some(keep + &self.append)
    }
}

/// The suffixes of `lower` that rules are keyed by, longest first (the empty suffix last).
fn suffixes(lower: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    (0..=MAX_SUFFIX.min(n))
        .rev()
        .map(move |k| if k == 0 { "" } else { &lower[starts[n - k]..] })
}

/// Parts of speech of known lemmas, as bits.
pub(crate) const NOUN: u8 = 1;
pub(crate) const VERB: u8 = 2;
pub(crate) const ADJ: u8 = 4;
pub(crate) const ADV: u8 = 8;

/// The part-of-speech bit a UPOS checks lemmas against (0: no check).
pub(crate) fn class_of_upos(upos: &str) -> u8 {
    match upos {
        "NOUN" => NOUN,
        "VERB" | "AUX" => VERB,
        "ADJ" => ADJ,
        "ADV" => ADV,
        _ => 0,
    }
}

/// How many rules are kept per suffix, best first.
const RULES_PER_SUFFIX: usize = 3;

/// A trained lemmatizer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lemmatizer {
    /// form -> (tag, lemma) pairs, for forms the rules get wrong.
    pub exceptions: HashMap<String, Vec<(u16, String)>>,
    /// (rule group, suffix) -> rules, most frequent first; the rule group is the tag's XPOS.
    pub rules: HashMap<(u16, String), Vec<Rule>>,
    /// Known lemmas (WordNet's and the treebank's) with their parts of speech as bits.
    pub known: HashMap<String, u8>,
}

impl Lemmatizer {
    /// The lemma of `form` tagged `tag` (whose rule group is `group` and part-of-speech bit
    /// `class`, see [`class_of_upos`]).
    pub(crate) fn lemma<'a>(&self, form: &'a str, tag: u16, group: u16, class: u8) -> Cow<'a, str> {
        if let Some(l) = self.taught(form, tag) {
            return Cow::Owned(l.to_owned());
        }
        Cow::Owned(
            self.by_rule(form, group, class)
                .unwrap_or_else(|| form.to_owned()),
        )
    }

    /// Every lower-case form this lemmatizer can give one of `lemmas` (lower case) for: the
    /// lemmas themselves, the exceptions' forms, and each rule run backwards (a rule that strips
    /// `k` letters of a form ending in its suffix and appends `a` is undone by removing `a` from
    /// a lemma ending in it and putting the suffix's last `k` letters back). Rules that strip more
    /// than their suffix holds cannot be undone and are left out.
    pub(crate) fn forms_of(&self, lemmas: &HashSet<&str>) -> HashSet<String> {
        let mut out: HashSet<String> = lemmas.iter().map(|l| (*l).to_owned()).collect();
        for (form, readings) in &self.exceptions {
            if readings
                .iter()
                .any(|(_, l)| lemmas.contains(l.to_lowercase().as_str()))
            {
                out.insert(form.to_lowercase());
            }
        }
        // A rule keyed by suffix `kept + stripped` that strips `stripped` and appends `a` is
        // undone on a lemma `stem + a` whose stem ends in `kept`: the form is `stem + stripped`.
        let mut undo: HashMap<(&str, String), HashSet<String>> = HashMap::new();
        for ((_, suffix), rules) in &self.rules {
            let chars: Vec<char> = suffix.chars().collect();
            for rule in rules {
                let strip = usize::from(rule.strip);
                if strip > chars.len() {
                    continue;
                }
                let kept: String = chars[..chars.len() - strip].iter().collect();
                let stripped: String = chars[chars.len() - strip..].iter().collect();
                undo.entry((rule.append.as_str(), kept))
                    .or_default()
                    .insert(stripped);
            }
        }
        for lemma in lemmas {
            let chars: Vec<char> = lemma.chars().collect();
            for cut in 0..=chars.len() {
                let appended: String = chars[cut..].iter().collect();
                for kept_len in 0..=MAX_SUFFIX.min(cut) {
                    let kept: String = chars[cut - kept_len..cut].iter().collect();
                    if let Some(endings) = undo.get(&(appended.as_str(), kept)) {
                        let stem: String = chars[..cut].iter().collect();
                        for ending in endings {
                            let form = format!("{stem}{ending}").to_lowercase();
                            if !form.is_empty() {
                                out.insert(form);
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// The lemma the treebank taught for `form` with `tag`, if any. A capitalised or shouted
    /// form of a listed word (`HAS`, `Went`) takes its lemma, unless the rules keep the case
    /// (names).
    pub(crate) fn taught(&self, form: &str, tag: u16) -> Option<&str> {
        self.exception(form, tag).or_else(|| {
            form.chars()
                .any(char::is_uppercase)
                .then(|| self.exception(&form.to_lowercase(), tag))
                .flatten()
        })
    }

    fn exception(&self, form: &str, tag: u16) -> Option<&str> {
        self.exceptions
            .get(form)?
            .iter()
            .find(|(t, _)| *t == tag)
            .map(|(_, l)| l.as_str())
    }

    /// The first lemma the suffix rules propose (longest suffix first, then the suffix's
    /// rules in order) that is a known lemma of the word's part of speech; the best rule of
    /// the longest suffix when none is known (`toppled` -> `topple`, not `toppl`).
    fn by_rule(&self, form: &str, group: u16, class: u8) -> Option<String> {
        let lower = form.to_lowercase();
        let mut fallback = None;
        for suffix in suffixes(&lower) {
            for rule in self
                .rules
                .get(&(group, suffix.to_owned()))
                .map_or(&[][..], Vec::as_slice)
            {
                if let Some(l) = rule.apply(form) {
                    if class == 0 {
                        return Some(l);
                    }
                    if self.known.get(&l.to_lowercase()).is_some_and(|&c| c & class != 0) {
                        return Some(l);
                    }
                    fallback.get_or_insert(l);
                }
            }
        }
        fallback
    }

    /// English doubles the last consonant of a short stem before `-ed` and `-ing` (`fin`,
    /// `finned`; `hop`, `hopping`), so a form that did not double it (`fined`, `hoping`) is of
    /// the stem with a silent `e` (`fine`, `hope`) when that is a known lemma of the class.
    /// Short here: one vowel between consonants, the last not `w`, `x` or `y`.
    pub(crate) fn undoubled(&self, lower: &str, stem: String, class: u8) -> String {
        let bare = stem.to_lowercase();
        let ending = lower.strip_prefix(bare.as_str()).unwrap_or_default();
        if !matches!(ending, "ed" | "ing") {
            return stem;
        }
        let letters: Vec<char> = bare.chars().collect();
        let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        let short = letters.len() >= 3
            && letters.iter().filter(|&&c| vowel(c)).count() == 1
            && vowel(letters[letters.len() - 2])
            && !vowel(letters[letters.len() - 3])
            && !matches!(letters[letters.len() - 1], 'w' | 'x' | 'y')
            && !vowel(letters[letters.len() - 1]);
        let with_e = format!("{stem}e");
        if short
            && self
                .known
                .get(&with_e.to_lowercase())
                .is_some_and(|&c| c & class != 0)
        {
            with_e
        } else {
            stem
        }
    }

    /// Learns rules and exceptions from `(form, tag, group, class, lemma)` examples and the
    /// known lemmas (`lemma<TAB>letters` lines, letters among `n v a r`). A suffix keeps its most
    /// frequent edits that at least `min_types` distinct forms support.
    pub(crate) fn train<'a>(
        examples: impl Iterator<Item = (&'a str, u16, u16, u8, &'a str)>,
        known_lemmas: &str,
        min_types: usize,
    ) -> Result<Self> {
        let mut known = parse_known(known_lemmas)?;
        // Count distinct (form, lemma) types: frequent words must not outvote the suffix's rule.
        let mut types: HashMap<(&str, u16, u16, u8, &str), usize> = HashMap::new();
        for (form, tag, group, class, lemma) in examples {
            *types.entry((form, tag, group, class, lemma)).or_default() += 1;
            if class != 0 {
                *known.entry(lemma.to_lowercase()).or_default() |= class;
            }
        }
        let mut counts: HashMap<(u16, String), HashMap<Rule, usize>> = HashMap::new();
        for &(form, _, group, _, lemma) in types.keys() {
            let rule = Rule::between(form, lemma);
            let lower = form.to_lowercase();
            for suffix in suffixes(&lower) {
                *counts
                    .entry((group, suffix.to_owned()))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let mut rules = HashMap::new();
        for (key, by_rule) in counts {
            let mut ranked: Vec<(Rule, usize)> = by_rule.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let kept: Vec<Rule> = ranked
                .into_iter()
                .enumerate()
                .filter(|(rank, (_, n))| *n >= min_types || (key.1.is_empty() && *rank == 0))
                .map(|(_, (r, _))| r)
                .take(RULES_PER_SUFFIX)
                .collect();
            if !kept.is_empty() {
                rules.insert(key, kept);
            }
        }
        let mut lemmatizer = Self {
            exceptions: HashMap::new(),
            rules,
            known,
        };
        // The most frequent lemma of each (form, tag), kept where the rules say otherwise.
        let mut best: HashMap<(&str, u16), (&str, u16, u8, usize)> = HashMap::new();
        for (&(form, tag, group, class, lemma), &n) in &types {
            let e = best.entry((form, tag)).or_insert((lemma, group, class, 0));
            if n > e.3 || (n == e.3 && lemma < e.0) {
                *e = (lemma, group, class, n);
            }
        }
        let mut exceptions: HashMap<String, Vec<(u16, String)>> = HashMap::new();
        for ((form, tag), (lemma, group, class, _)) in best {
            if lemmatizer.by_rule(form, group, class).as_deref() != Some(lemma) {
                exceptions
                    .entry(form.to_owned())
                    .or_default()
                    .push((tag, lemma.to_owned()));
            }
        }
        for list in exceptions.values_mut() {
            list.sort();
        }
        lemmatizer.exceptions = exceptions;
        Ok(lemmatizer)
    }
}

/// Reads known lemmas: `lemma<TAB>letters` lines (`n` noun, `v` verb, `a` adjective, `r`
/// adverb), `#` comments.
pub(crate) fn parse_known(text: &str) -> Result<HashMap<String, u8>> {
    let mut known = HashMap::with_capacity(text.len() / 10);
    for (line, data) in crate::resource::data_lines(text) {
        let bad = || {
            crate::resource::error(
                "known lemmas",
                line,
                format!("expected lemma<TAB>letters, found {data:?}"),
            )
        };
        let (lemma, letters) = data.split_once('\t').ok_or_else(bad)?;
        let mut bits = 0u8;
        for c in letters.chars() {
            bits |= match c {
                'n' => NOUN,
                'v' => VERB,
                'a' | 's' => ADJ,
                'r' => ADV,
                _ => return Err(bad()),
            };
        }
        *known.entry(lemma.to_lowercase()).or_default() |= bits;
    }
    Ok(known)
}

/// Writes known lemmas in the format [`parse_known`] reads, sorted.
pub(crate) fn write_known(known: &HashMap<String, u8>) -> String {
    let mut rows: Vec<(&String, &u8)> = known.iter().collect();
    rows.sort();
    let mut out = String::with_capacity(rows.len() * 12);
    for (lemma, &bits) in rows {
        out.push_str(lemma);
        out.push('\t');
        for (bit, letter) in [(NOUN, 'n'), (VERB, 'v'), (ADJ, 'a'), (ADV, 'r')] {
            if bits & bit != 0 {
                out.push(letter);
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_edits_from_the_form() {
        let r = Rule::between("countries", "country");
        assert_eq!(
            r,
            Rule {
                lower: true,
                strip: 3,
                append: "y".into()
            }
        );
        assert_eq!(r.apply("Parties").as_deref(), Some("party"));
        assert_eq!(
            Rule::between("Bush", "Bush"),
            Rule {
                lower: false,
                strip: 0,
                append: String::new()
            }
        );
        assert_eq!(r.apply("parties").as_deref(), Some("party"));
        assert_eq!(Rule::between("The", "the").apply("A").as_deref(), Some("a"));
        assert_eq!(Rule::between("was", "be").apply("x"), None);
    }

    #[test]
    fn learns_suffix_rules_and_keeps_irregulars() {
        let data = [
            ("cities", 1, 1, NOUN, "city"),
            ("parties", 1, 1, NOUN, "party"),
            ("stories", 1, 1, NOUN, "story"),
            ("dogs", 1, 1, NOUN, "dog"),
            ("cats", 1, 1, NOUN, "cat"),
            ("men", 1, 1, NOUN, "man"),
            ("went", 2, 2, VERB, "go"),
            ("walked", 2, 2, VERB, "walk"),
            ("talked", 2, 2, VERB, "talk"),
            ("hoped", 2, 2, VERB, "hope"),
            ("raked", 2, 2, VERB, "rake"),
        ];
        // Without known lemmas, the most frequent edit of the longest suffix decides.
        let l = Lemmatizer::train(data.iter().copied(), "# none\n", 2).unwrap();
        assert_eq!(l.lemma("ladies", 1, 1, NOUN), "lady");
        assert_eq!(l.lemma("birds", 1, 1, NOUN), "biy");
        // Known lemmas choose among the proposed edits.
        let l = Lemmatizer::train(data.iter().copied(), "bird\tn\nlady\tn\njump\tv\n", 2).unwrap();
        assert_eq!(l.lemma("birds", 1, 1, NOUN), "bird");
        assert_eq!(l.lemma("ladies", 1, 1, NOUN), "lady");
        assert_eq!(l.lemma("men", 1, 1, NOUN), "man");
        assert_eq!(l.lemma("went", 2, 2, VERB), "go");
        assert_eq!(l.lemma("jumped", 2, 2, VERB), "jump");
        // Known lemmas choose among the rules' proposals.
        let l = Lemmatizer::train(data.iter().copied(), "bake\tv\n", 2).unwrap();
        assert_eq!(l.lemma("baked", 2, 2, VERB), "bake");
        assert!(parse_known("x\tq\n").is_err());
        // A short stem that did not double its consonant ends in a silent `e` (`fined`, not
        // `fin`, which would give `finned`), unless that is no verb; long stems never double.
        let data = [
            ("walked", 2, 2, VERB, "walk"),
            ("talked", 2, 2, VERB, "talk"),
            ("hoped", 2, 2, VERB, "hope"),
        ];
        let known = "fin\tnv\nfine\tnav\nfix\tv\nopen\tv\nopene\tv\nbus\tnv\n";
        let l = Lemmatizer::train(data.iter().copied(), known, 1).unwrap();
        let lemma = |form: &str| l.undoubled(form, l.lemma(form, 2, 2, VERB).into_owned(), VERB);
        assert_eq!(l.lemma("fined", 2, 2, VERB), "fin");
        assert_eq!(lemma("fined"), "fine");
        assert_eq!(lemma("fixed"), "fix");
        assert_eq!(lemma("opened"), "open");
        assert_eq!(lemma("bused"), "bus");
        assert_eq!(parse_known(&write_known(&l.known)).unwrap(), l.known);
    }
}
