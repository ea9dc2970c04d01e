//! Lemmatizer learned from a treebank: edit rules chosen by the longest known suffix of the
//! word for its tag (`-ies` -> `-y` for plural nouns), plus the forms whose lemma the rules get
//! wrong (irregular verbs, pronouns), both counted from the training data.

use std::borrow::Cow;
use std::collections::HashMap;

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
        let base = if lower { form.to_lowercase() } else { form.to_owned() };
        let common = base.chars().zip(lemma.chars()).take_while(|(a, b)| a == b).count();
        let strip = base.chars().count() - common;
        Self {
            lower,
            strip: strip.min(255) as u8,
            append: lemma.chars().skip(common).collect(),
        }
    }

    /// Applies the rule; `None` when the form is too short for it.
    pub(crate) fn apply(&self, form: &str) -> Option<String> {
        let base: Cow<str> = if self.lower { Cow::Owned(form.to_lowercase()) } else { Cow::Borrowed(form) };
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
    (0..=MAX_SUFFIX.min(n)).rev().map(move |k| if k == 0 { "" } else { &lower[starts[n - k]..] })
}

/// A trained lemmatizer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lemmatizer {
    /// (form, tag) -> lemma, for forms the rules get wrong.
    pub exceptions: HashMap<(String, u16), String>,
    /// (rule group, suffix) -> rule; the rule group is the tag's XPOS-level group.
    pub rules: HashMap<(u16, String), Rule>,
}

impl Lemmatizer {
    /// The lemma of `form` tagged `tag` (whose rule group is `group`).
    pub(crate) fn lemma<'a>(&self, form: &'a str, tag: u16, group: u16) -> Cow<'a, str> {
        if let Some(l) = self.exceptions.get(&(form.to_owned(), tag)) {
            return Cow::Owned(l.clone());
        }
        // A capitalised or shouted form of a listed word (`HAS`, `Went`) takes its lemma,
        // unless the rules keep the case (names).
        if form.chars().any(char::is_uppercase) {
            if let Some(l) = self.exceptions.get(&(form.to_lowercase(), tag)) {
                return Cow::Owned(l.clone());
            }
        }
        Cow::Owned(self.by_rule(form, group).unwrap_or_else(|| form.to_owned()))
    }

    fn by_rule(&self, form: &str, group: u16) -> Option<String> {
        let lower = form.to_lowercase();
        for suffix in suffixes(&lower) {
            if let Some(rule) = self.rules.get(&(group, suffix.to_owned())) {
                if let Some(l) = rule.apply(form) {
                    return Some(l);
                }
            }
        }
        None
    }

    /// Learns rules and exceptions from `(form, tag, group, lemma)` examples. A suffix gets a
    /// rule when at least `min_types` distinct forms support its most frequent edit.
    pub(crate) fn train<'a>(examples: impl Iterator<Item = (&'a str, u16, u16, &'a str)>, min_types: usize) -> Self {
        // Count distinct (form, lemma) types: frequent words must not outvote the suffix's rule.
        let mut types: HashMap<(&str, u16, u16, &str), usize> = HashMap::new();
        for (form, tag, group, lemma) in examples {
            *types.entry((form, tag, group, lemma)).or_default() += 1;
        }
        let mut counts: HashMap<(u16, String), HashMap<Rule, usize>> = HashMap::new();
        for &(form, _, group, lemma) in types.keys() {
            let rule = Rule::between(form, lemma);
            let lower = form.to_lowercase();
            for suffix in suffixes(&lower) {
                *counts.entry((group, suffix.to_owned())).or_default().entry(rule.clone()).or_default() += 1;
            }
        }
        let mut rules = HashMap::new();
        for (key, by_rule) in counts {
            let (rule, n) = by_rule
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .expect("non-empty");
            if n >= min_types || key.1.is_empty() {
                rules.insert(key, rule);
            }
        }
        let mut lemmatizer = Self {
            exceptions: HashMap::new(),
            rules,
        };
        // The most frequent lemma of each (form, tag), kept where the rules say otherwise.
        let mut best: HashMap<(&str, u16), (&str, u16, usize)> = HashMap::new();
        for (&(form, tag, group, lemma), &n) in &types {
            let e = best.entry((form, tag)).or_insert((lemma, group, 0));
            if n > e.2 || (n == e.2 && lemma < e.0) {
                *e = (lemma, group, n);
            }
        }
        let mut exceptions = HashMap::new();
        for ((form, tag), (lemma, group, _)) in best {
            if lemmatizer.by_rule(form, group).as_deref() != Some(lemma) {
                exceptions.insert((form.to_owned(), tag), lemma.to_owned());
            }
        }
        lemmatizer.exceptions = exceptions;
        lemmatizer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_edits_from_the_form() {
        let r = Rule::between("countries", "country");
        assert_eq!(r, Rule { lower: true, strip: 3, append: "y".into() });
        assert_eq!(r.apply("Parties").as_deref(), Some("party"));
        assert_eq!(Rule::between("Bush", "Bush"), Rule { lower: false, strip: 0, append: String::new() });
        assert_eq!(r.apply("parties").as_deref(), Some("party"));
        assert_eq!(Rule::between("The", "the").apply("A").as_deref(), Some("a"));
        assert_eq!(Rule::between("was", "be").apply("x"), None);
    }

    #[test]
    fn learns_suffix_rules_and_keeps_irregulars() {
        let data = [
            ("cities", 1, 1, "city"),
            ("parties", 1, 1, "party"),
            ("stories", 1, 1, "story"),
            ("dogs", 1, 1, "dog"),
            ("cats", 1, 1, "cat"),
            ("men", 1, 1, "man"),
            ("went", 2, 2, "go"),
            ("walked", 2, 2, "walk"),
            ("talked", 2, 2, "talk"),
        ];
        let l = Lemmatizer::train(data.iter().copied(), 2);
        assert_eq!(l.lemma("ladies", 1, 1), "lady");
        assert_eq!(l.lemma("birds", 1, 1), "bird");
        assert_eq!(l.lemma("men", 1, 1), "man");
        assert_eq!(l.lemma("went", 2, 2), "go");
        assert_eq!(l.lemma("jumped", 2, 2), "jump");
    }
}
