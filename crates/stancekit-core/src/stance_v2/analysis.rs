//! One sentence as the stance engine sees it: its words with tags, lemmas and dependency tree
//! (from [`crate::syntax`]), computed once, and small questions about the tree.

use super::lexicon::Lexicon;
use crate::syntax::relations::RelClass;
use crate::syntax::{Parser, Word};
use crate::Span;

/// One word of a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'t> {
    /// Byte span in the document.
    pub span: Span,
    /// The word as written.
    pub text: &'t str,
    /// Lower-cased.
    pub lower: String,
    /// Lower-cased lemma.
    pub lemma: String,
    pub upos: &'t str,
    pub xpos: &'t str,
    /// Head within the sentence; `None` for the root.
    pub head: Option<usize>,
    /// The full relation (`nsubj:pass`).
    pub rel: &'t str,
}

impl Tok<'_> {
    /// The relation without its subtype.
    pub(crate) fn base_rel(&self) -> &str {
        self.rel.split(':').next().unwrap_or("")
    }
}

/// A parsed sentence.
#[derive(Clone, Debug)]
pub(crate) struct Sentence<'t> {
    /// Byte span in the document.
    pub span: Span,
    /// Its number among the document's sentences.
    pub index: usize,
    pub toks: Vec<Tok<'t>>,
    /// Dependents of each word, in order.
    pub kids: Vec<Vec<usize>>,
}

impl<'t> Sentence<'t> {
    /// Builds the sentence from the parser's words of it (`words[i].head` indexes `words`
    /// offset by `first`; a head outside `words` counts as none).
    pub(crate) fn new(
        parser: &'t Parser,
        text: &'t str,
        span: Span,
        index: usize,
        words: &[Word],
        first: usize,
    ) -> Self {
        let mut toks: Vec<Tok<'t>> = words
            .iter()
            .map(|w| {
                let form = w.span.as_str(text);
                Tok {
                    span: w.span,
                    text: form,
                    lower: form.to_lowercase(),
                    lemma: w.lemma_str(text).to_lowercase(),
                    upos: parser.upos(w),
                    xpos: parser.xpos(w),
                    head: w
                        .head
                        .map(|h| h as usize)
                        .filter(|&h| h >= first && h < first + words.len())
                        .map(|h| h - first),
                    rel: parser.deprel(w),
                }
            })
            .collect();
        // A participle the parser hung on a verb as a noun's modifier (`acl`) modifies the
        // clause: read it as the adverbial clause it is, once, for every operation.
        for i in 0..toks.len() {
            if toks[i].rel == "acl" && toks[i].head.is_some_and(|h| toks[h].upos == "VERB") {
                toks[i].rel = "advcl";
            }
        }
        rehang_titled_names(&mut toks);
        let mut kids = children(&toks);
        if names_as_objects(&mut toks, &kids) {
            kids = children(&toks);
        }
        // A verb has one subject. When the parser gives it a second one after the first
        // subject's appositive (`Ana Ruiz, head of research at the Pacific Strategy Group in
        // Lima, told ...` with `Group` as a subject too), the second is a noun of that
        // appositive: hang it there, so it is nobody's speaker or agent.
        let mut moved = false;
        for h in 0..toks.len() {
            let subjects: Vec<usize> = kids[h]
                .iter()
                .copied()
                .filter(|&k| k < h && toks[k].rel == "nsubj")
                .collect();
            let Some(&first_subject) = subjects.first() else {
                continue;
            };
            for &later in &subjects[1..] {
                let appositive = kids[first_subject]
                    .iter()
                    .copied()
                    .find(|&a| toks[a].rel == "appos" && a < later);
                if let Some(a) = appositive {
                    toks[later].head = Some(a);
                    toks[later].rel = "nmod";
                    moved = true;
                } else if toks[later].upos == "NOUN" && set_off_by_commas(&toks, &kids, later) {
                    // `Peru and Chile, both allies of X, backed Y`: a common noun set off by
                    // commas after the subject is its appositive, no second subject.
                    toks[later].head = Some(first_subject);
                    toks[later].rel = "appos";
                    moved = true;
                }
            }
        }
        if moved {
            kids = children(&toks);
        }
        if rehang_name_modifiers(&mut toks, &kids) {
            kids = children(&toks);
        }
        Self {
            span,
            index,
            toks,
            kids,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Dependents of `i` whose relation is `rel` or a subtype of it (`obl` matches `obl:agent`
    /// unless `rel` names a subtype itself).
    pub(crate) fn kids_with<'a>(&'a self, i: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.kids[i].iter().copied().filter(move |&k| {
            let r = self.toks[k].rel;
            r == rel || (r.starts_with(rel) && r.as_bytes().get(rel.len()) == Some(&b':'))
        })
    }

    /// The first dependent of `i` with relation `rel` (exactly).
    pub(crate) fn kid_exact(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids[i].iter().copied().find(|&k| self.toks[k].rel == rel)
    }

    /// The preposition (lemma of the `case` dependents, joined by spaces: `such as`) of `i`.
    pub(crate) fn case_of(&self, i: usize) -> String {
        let words: Vec<&str> = self.kids[i]
            .iter()
            .filter(|&&k| matches!(self.toks[k].rel, "case" | "mark") && k < i)
            .flat_map(|&k| {
                // `such as`, `instead of`: the case word's own fixed dependents.
                std::iter::once(k).chain(self.kids_with(k, "fixed").collect::<Vec<_>>())
            })
            .map(|k| self.toks[k].lemma.as_str())
            .collect();
        words.join(" ")
    }

    /// Whether `i` is in the passive voice. A verb with an active subject and no passive
    /// auxiliary is active, whatever else the parser labelled passive (`The US and a host of
    /// countries have recognized X` with `US` read as a passive subject).
    pub(crate) fn is_passive(&self, i: usize) -> bool {
        let has = |rel: &str| self.kids[i].iter().any(|&k| self.toks[k].rel == rel);
        if has("nsubj") && !has("aux:pass") {
            return false;
        }
        self.kids[i]
            .iter()
            .any(|&k| RelClass::PassiveMarker.has(self.toks[k].rel))
            || (self.toks[i].xpos == "VBN"
                && matches!(self.toks[i].base_rel(), "acl" | "amod")
                && self.toks[i].rel != "acl:relcl")
    }

    /// Whether the sentence asks a yes/no question: it ends with a question mark and its main
    /// verb's auxiliary or copula comes before its subject (`Has Peru recognised X?`, `Will
    /// Chile back Y?`). A question asked with a wh-word presupposes its act (`Why did Peru
    /// recognise X?`), so it is no such question.
    pub(crate) fn is_yes_no_question(&self) -> bool {
        let t = &self.toks;
        let Some(last) = (0..t.len())
            .rev()
            .find(|&k| t[k].upos != "PUNCT" || t[k].text == "?")
        else {
            return false;
        };
        if t[last].text != "?" {
            return false;
        }
        let Some(root) = (0..t.len()).find(|&k| t[k].head.is_none()) else {
            return false;
        };
        let subject = self.kids[root]
            .iter()
            .copied()
            .find(|&k| t[k].base_rel() == "nsubj");
        let inverted = self.kids[root]
            .iter()
            .copied()
            .find(|&k| matches!(t[k].base_rel(), "aux" | "cop"))
            .zip(subject)
            .is_some_and(|(aux, subject)| aux < subject);
        let asked_with_wh = t.iter().any(|w| matches!(w.xpos, "WP" | "WP$" | "WRB" | "WDT"));
        inverted && !asked_with_wh
    }

    /// Whether `k` lies in the subtree of `i`.
    pub(crate) fn dominates(&self, i: usize, mut k: usize) -> bool {
        for _ in 0..=self.len() {
            if k == i {
                return true;
            }
            match self.toks[k].head {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    }
}

/// `against Venezuelan President Ana Rivera`: an adjective right before the title of a name
/// modifies the title (UD EWT: `amod` of the title, the title `nmod:desc` of the name). Parsers
/// sometimes hang the name on the adjective instead (`Venezuelan` an object of nothing, the name
/// its apposition); then the name takes the adjective's place in the clause, with a preposition
/// that took the adjective as its own dependent as the name's `case`.
fn rehang_titled_names(toks: &mut [Tok<'_>]) {
    let n = toks.len();
    for i in 0..n {
        if toks[i].upos != "ADJ" || !toks[i].text.starts_with(char::is_uppercase) {
            continue;
        }
        // The title words: each hangs on a later word, up to the name.
        let mut k = i + 1;
        while k < n
            && RelClass::TitleWord.has(toks[k].rel)
            && matches!(toks[k].upos, "PROPN" | "NOUN" | "ADJ")
            && toks[k].head.is_some_and(|h| h > k)
        {
            k += 1;
        }
        if k == i + 1 || k >= n || toks[k].upos != "PROPN" || toks[k].head != Some(i) {
            continue;
        }
        let name = k;
        let (mut head, mut rel) = (toks[i].head, toks[i].rel);
        // A preposition the adjective hung on is the name's case.
        if let Some(p) = head.filter(|&p| toks[p].upos == "ADP") {
            head = toks[p].head;
            rel = toks[p].rel;
            toks[p].head = Some(name);
            toks[p].rel = "case";
        }
        let governor = head.map(|h| toks[h].upos);
        let rel = match rel {
            misread if RelClass::MisreadAsModifier.has(misread) => match governor {
                Some("VERB" | "AUX") if head.is_some_and(|h| h < name) => "obj",
                Some("VERB" | "AUX") => "nsubj",
                Some(_) => "nmod",
                None => "root",
            },
            other => other,
        };
        toks[name].head = head;
        toks[name].rel = rel;
        for (j, t) in toks.iter_mut().enumerate() {
            if j != name && t.head == Some(i) {
                t.head = Some(name);
            }
        }
        toks[i].head = Some(i + 1);
        toks[i].rel = "amod";
    }
}

/// A name right after a verb that has no object is that verb's object. Meeting a name it does not
/// know, the parser sometimes reads it as a bare oblique (`blamed Eritrea for the attack` with
/// `Eritrea` as `obl:unmarked`), the relation of bare times (`said Monday`); a day or month
/// (calendar.txt) keeps it. Returns whether anything changed.
fn names_as_objects(toks: &mut [Tok<'_>], kids: &[Vec<usize>]) -> bool {
    let Ok(lex) = Lexicon::get() else {
        return false;
    };
    let mut changed = false;
    for i in 0..toks.len() {
        let Some(verb) = toks[i].head else {
            continue;
        };
        if toks[i].rel != "obl:unmarked"
            || toks[i].upos != "PROPN"
            || toks[verb].upos != "VERB"
            || subtree_span(kids, i).0 != verb + 1
            || kids[verb].iter().any(|&k| toks[k].base_rel() == "obj")
            || lex.is_calendar(toks[i].text)
        {
            continue;
        }
        toks[i].rel = "obj";
        changed = true;
    }
    changed
}

/// The dependents of each word, in order.
/// An appositive set off by a comma or dash right after a name describes that name (`a truce
/// with Cuba, a close ally of X`); where the parser hung it on a word further back (`truce`),
/// hang it on the name. So does a relative clause the parser hung on a verb (`X thanked Peru,
/// which has backed him`: on `thanked`). Returns whether anything moved.
fn rehang_name_modifiers(toks: &mut [Tok<'_>], kids: &[Vec<usize>]) -> bool {
    let mut moved = false;
    for i in 0..toks.len() {
        let on_verb = |h: Option<usize>| h.is_some_and(|h| matches!(toks[h].upos, "VERB" | "AUX"));
        if !(toks[i].rel == "appos" || (toks[i].rel == "acl:relcl" && on_verb(toks[i].head))) {
            continue;
        }
        // The separating comma or dash is the appositive's own first word or the word before.
        let mut separator = subtree_span(kids, i).0;
        if toks[separator].upos != "PUNCT" {
            separator = separator.wrapping_sub(1);
        }
        if separator == 0
            || separator >= i
            || toks[separator].upos != "PUNCT"
            || toks[separator - 1].upos != "PROPN"
        {
            continue;
        }
        // The head of the name (`Nicolas` of `Nicolas Maduro`, its `flat` part before it).
        let mut name = separator - 1;
        while toks[name].rel == "flat" {
            match toks[name].head {
                Some(h) if h < name => name = h,
                _ => break,
            }
        }
        // (Never under itself: the name must not lie inside the appositive.)
        let mut up = Some(name);
        while let Some(u) = up {
            if u == i {
                break;
            }
            up = toks[u].head;
        }
        // (Not from a coordination to its last conjunct: `Peru and Chile, both allies of X`
        // describes both.)
        let mut conjunct = name;
        while toks[conjunct].rel == "conj" {
            match toks[conjunct].head {
                Some(h) => conjunct = h,
                None => break,
            }
        }
        let of_coordination = conjunct != name && toks[i].head == Some(conjunct);
        if toks[i].head != Some(name) && up.is_none() && !of_coordination {
            toks[i].head = Some(name);
            moved = true;
        }
    }
    moved
}

/// Whether the phrase of word `i` has a comma right before it and a comma right after it.
fn set_off_by_commas(toks: &[Tok<'_>], kids: &[Vec<usize>], i: usize) -> bool {
    let (first, last) = subtree_span(kids, i);
    // (The commas themselves may hang inside the phrase.)
    let comma = |k: usize| toks.get(k).is_some_and(|t| t.text == ",");
    let before = if comma(first) {
        first
    } else {
        first.wrapping_sub(1)
    };
    let after = if comma(last) { last } else { last + 1 };
    before < i && comma(before) && after > i && comma(after)
}

/// The first and the last word of the subtree of word `i`.
fn subtree_span(kids: &[Vec<usize>], i: usize) -> (usize, usize) {
    let (mut first, mut last) = (i, i);
    let mut stack = vec![i];
    while let Some(k) = stack.pop() {
        first = first.min(k);
        last = last.max(k);
        stack.extend(kids[k].iter().copied());
    }
    (first, last)
}

fn children(toks: &[Tok<'_>]) -> Vec<Vec<usize>> {
    let mut kids = vec![Vec::new(); toks.len()];
    for (i, t) in toks.iter().enumerate() {
        if let Some(h) = t.head {
            kids[h].push(i);
        }
    }
    kids
}
