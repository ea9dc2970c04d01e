//! Syntax: part-of-speech tags (UPOS and Penn XPOS), lemmas and labelled dependency trees in
//! the Universal Dependencies scheme, from our own sentences and UD words.
//!
//! Three small learned models run in turn on each sentence, all pure Rust and linear:
//! - the [tagger](tagger) (averaged perceptron, greedy, one class per (UPOS, XPOS) pair),
//! - the [lemmatizer](lemma) (suffix edit rules and exceptions counted from a treebank),
//! - the [parser](parser) (arc-hybrid transitions, averaged perceptron, dynamic oracle).
//!
//! The built-in model is trained on UD English EWT (CC BY-SA 4.0; the weights carry that
//! license) by [`train::train`], which `python -m stancekit.train parser` and the cargo example
//! `train_syntax` run.
//!
//! ```
//! use stancekit_core::syntax::Parser;
//!
//! let parser = Parser::default();
//! let text = "Russia backs Maduro. The EU recognised Guaido.";
//! let words = parser.parse(text);
//! let backs = &words[1];
//! assert_eq!(backs.span.as_str(text), "backs");
//! assert_eq!(parser.upos(backs), "VERB");
//! assert_eq!(parser.deprel(&words[0]), "nsubj");
//! assert_eq!(words[0].head, Some(1));
//! assert_eq!(words[5].sentence, 1);
//! ```

pub mod conllu;
mod hash;
mod lemma;
mod lexicon;
pub(crate) mod model;
mod parser;
mod perceptron;
pub(crate) mod relations;
mod tagger;
pub mod train;
mod transition;
mod words;

#[cfg(test)]
mod tests;

use crate::syntax::relations::RelClass;
use crate::{versioned, Error, Result, SentenceSplitter, Span, Tokenizer};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};
use words::WordView;

pub use model::SyntaxModel;

/// The built-in model (UD English EWT), embedded in the library.
const DEFAULT_MODEL: &[u8] = include_bytes!("../../resources/syntax/en_ewt.stkm");

/// A small deterministic random generator (splitmix64) for shuffling and exploration.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed ^ 0x853c_49e6_748f_ea9b)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// One syntactic word of a parsed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte span in the original text.
    pub span: Span,
    /// Index of the sentence (in [`crate::SentenceSplitter`] order).
    pub sentence: u32,
    /// The (UPOS, XPOS) class; names through [`Parser::upos`] and [`Parser::xpos`].
    pub tag: u16,
    /// The lemma, or `None` when it is the form itself.
    pub lemma: Option<Box<str>>,
    /// Index of the head word in the same list; `None` for the root of a sentence.
    pub head: Option<u32>,
    /// The dependency relation; its name through [`Parser::deprel`].
    pub deprel: u8,
}

impl Word {
    /// The lemma (the form itself when [`Word::lemma`] is `None`).
    #[must_use]
    pub fn lemma_str<'a>(&'a self, text: &'a str) -> &'a str {
        self.lemma.as_deref().unwrap_or_else(|| self.span.as_str(text))
    }
}

/// The analysis of one sentence given as words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordAnalysis {
    /// The (UPOS, XPOS) class.
    pub tag: u16,
    /// The lemma.
    pub lemma: String,
    /// Index of the head within the sentence; `None` for the root.
    pub head: Option<u32>,
    /// The dependency relation.
    pub deprel: u8,
}

/// Settings of a [`Parser`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ParserConfig {
    /// A model file written by [`SyntaxModel::to_bytes`] (e.g. by `python -m stancekit.train
    /// parser`); `None` for the built-in English model.
    pub model: Option<String>,
    /// Sentences longer than this many words are parsed in pieces of this size, each piece's
    /// root attached to the first piece's root as `parataxis` (so time stays linear and every
    /// sentence still has one root). At least 8.
    pub max_sentence_words: usize,
}

impl Default for ParserConfig {
    fn default() -> Self {
        Self {
            model: None,
            max_sentence_words: 200,
        }
    }
}

impl ParserConfig {
    /// Builds the parser, loading its model.
    ///
    /// # Errors
    /// [`Error::Config`] for a bad setting or an unreadable model file;
    /// [`Error::Serialization`] or [`Error::Version`] for a file that is not a valid model.
    pub fn build(self) -> Result<Parser> {
        if self.max_sentence_words < 8 {
            return Err(Error::Config(format!(
                "max_sentence_words must be at least 8, got {}",
                self.max_sentence_words
            )));
        }
        let model = match &self.model {
            None => SyntaxModel::builtin()?,
            Some(path) => {
                let bytes = std::fs::read(path)
                    .map_err(|e| Error::Config(format!("cannot read the model file {path:?}: {e}")))?;
                Arc::new(SyntaxModel::from_bytes(&bytes)?)
            }
        };
        Ok(Parser::with_model(self, model))
    }
}

/// Tags, lemmatizes and parses text. Immutable and thread-safe; cheap to clone.
#[derive(Clone, Debug)]
pub struct Parser {
    config: ParserConfig,
    model: Arc<SyntaxModel>,
    splitter: SentenceSplitter,
    tokenizer: Tokenizer,
    /// The label that joins the pieces of an over-long sentence.
    piece_label: u8,
    /// What the grammar rules run after tagging and parsing need to know of the model's tags
    /// and labels (see [`GrammarTags`]).
    grammar: GrammarTags,
}

impl Default for Parser {
    fn default() -> Self {
        ParserConfig::default().build().expect("the built-in model loads")
    }
}

/// Reusable buffers for parsing one sentence after another.
#[derive(Default)]
pub struct ParseScratch {
    views: Vec<WordView>,
    tags: Vec<u16>,
    tokens: Vec<parser::Token>,
    tagging: tagger::TagScratch,
    parse: parser::Scratch,
    is_punct: Vec<bool>,
    /// The lemma of each word of the piece (`None`: the form itself) and their hashes.
    lemmas: Vec<Option<Box<str>>>,
    lemma_keys: Vec<u64>,
}

impl Parser {
    /// A parser with a given model (for models built in memory, e.g. just trained).
    #[must_use]
    pub fn with_model(config: ParserConfig, model: Arc<SyntaxModel>) -> Self {
        let piece_label = ["parataxis", "dep"]
            .iter()
            .find_map(|l| model.label_id(l))
            .unwrap_or_else(|| u8::from(model.root_label() == 0));
        let grammar = GrammarTags::new(&model);
        Self {
            config,
            model,
            splitter: SentenceSplitter::default(),
            tokenizer: Tokenizer::default(),
            piece_label,
            grammar,
        }
    }

    /// The settings this parser was built from.
    #[must_use]
    pub fn config(&self) -> &ParserConfig {
        &self.config
    }

    /// The model.
    #[must_use]
    pub fn model(&self) -> &Arc<SyntaxModel> {
        &self.model
    }

    /// Serializes the settings (not the weights) as versioned JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        versioned::to_json("Parser", &self.config)
    }

    /// Builds a parser from JSON written by [`Parser::to_json`].
    ///
    /// # Errors
    /// As [`ParserConfig::build`], plus [`Error::Serialization`] for bad JSON.
    pub fn from_json(json: &str) -> Result<Self> {
        versioned::from_json::<ParserConfig>("Parser", json)?.build()
    }

    /// The UPOS name of a word's tag.
    #[must_use]
    pub fn upos(&self, word: &Word) -> &str {
        self.model.upos_name(word.tag)
    }

    /// The XPOS name of a word's tag.
    #[must_use]
    pub fn xpos(&self, word: &Word) -> &str {
        self.model.xpos_name(word.tag)
    }

    /// The dependency relation's name.
    #[must_use]
    pub fn deprel(&self, word: &Word) -> &str {
        self.model.label_name(word.deprel)
    }

    /// Splits, tokenizes and parses `text`: one [`Word`] per UD syntactic word, in text order;
    /// heads index this list.
    #[must_use]
    pub fn parse(&self, text: &str) -> Vec<Word> {
        self.parse_with_sentences(text).1
    }

    /// The sentences this parser cuts `text` into (the [`SentenceSplitter`]'s).
    #[must_use]
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        self.splitter.split(text)
    }

    /// [`Parser::parse`], with the sentence spans the words' `sentence` indexes.
    #[must_use]
    pub fn parse_with_sentences(&self, text: &str) -> (Vec<Span>, Vec<Word>) {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        let mut scratch = ParseScratch::default();
        let mut tokens = Vec::new();
        let sentences = self.splitter.split(text);
        for (s, sentence) in sentences.iter().enumerate() {
            tokens.clear();
            self.tokenizer.tokenize_into(sentence.as_str(text), &mut tokens);
            let spans: Vec<Span> = tokens
                .iter()
                .map(|t| Span::new(t.span.start + sentence.start, t.span.end + sentence.start))
                .collect();
            self.parse_spans(text, &spans, s as u32, &mut scratch, &mut out);
        }
        (sentences, out)
    }

    /// Parses one sentence given as word spans of `text`, appending to `out` (heads index `out`).
    pub fn parse_spans(
        &self,
        text: &str,
        spans: &[Span],
        sentence: u32,
        scratch: &mut ParseScratch,
        out: &mut Vec<Word>,
    ) {
        let max = self.config.max_sentence_words;
        let first_root_of_sentence = out.len();
        let mut sentence_root: Option<u32> = None;
        for piece in spans.chunks(max) {
            let base = out.len();
            let forms: Vec<&str> = piece.iter().map(|s| s.as_str(text)).collect();
            let mut tree = self.analyze_with_asides(&forms, scratch);
            for (i, span) in piece.iter().enumerate() {
                let head = tree.head[i] as usize;
                let (head, deprel) = if head == piece.len() {
                    match sentence_root {
                        None => (None, tree.label[i]),
                        Some(r) => (Some(r), self.piece_label),
                    }
                } else {
                    (Some((base + head) as u32), tree.label[i])
                };
                let tag = tree.tags[i];
                let lemma = tree.lemmas[i].take();
                out.push(Word {
                    span: *span,
                    sentence,
                    tag,
                    lemma,
                    head,
                    deprel,
                });
            }
            if sentence_root.is_none() {
                sentence_root = out[base..]
                    .iter()
                    .position(|w| w.head.is_none())
                    .map(|i| (base + i) as u32);
            }
        }
        debug_assert!(
            out[first_root_of_sentence..]
                .iter()
                .filter(|w| w.head.is_none())
                .count()
                <= 1
        );
    }

    /// Tags and parses sentences given as word strings (your own tokenization). The words are
    /// laid out as one text, a space between words and between sentences; the returned text is
    /// what the words' spans index, and heads index the returned words.
    #[must_use]
    pub fn parse_tokens<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> (String, Vec<Word>) {
        let n_words: usize = sentences.iter().map(Vec::len).sum();
        let mut text = String::with_capacity(sentences.iter().flatten().map(|w| w.as_ref().len() + 1).sum());
        let mut spans: Vec<Vec<Span>> = Vec::with_capacity(sentences.len());
        for sentence in sentences {
            let mut s = Vec::with_capacity(sentence.len());
            for w in sentence {
                if !text.is_empty() {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(w.as_ref());
                s.push(Span::new(start, text.len()));
            }
            spans.push(s);
        }
        let mut scratch = ParseScratch::default();
        let mut out = Vec::with_capacity(n_words);
        for (i, s) in spans.iter().enumerate() {
            self.parse_spans(&text, s, i as u32, &mut scratch, &mut out);
        }
        (text, out)
    }

    /// Tags and parses one sentence given as word strings (gold tokenization).
    #[must_use]
    pub fn analyze(&self, words: &[&str]) -> Vec<WordAnalysis> {
        let (text, words) = self.parse_tokens(&[words.to_vec()]);
        words
            .into_iter()
            .map(|w| WordAnalysis {
                tag: w.tag,
                lemma: w.lemma_str(&text).to_owned(),
                head: w.head,
                deprel: w.deprel,
            })
            .collect()
    }

    /// Tags and parses one piece (at most `max_sentence_words` words) into `scratch`.
    /// Tags and parses one piece, reading an aside set off by a pair of dashes (`X — in the
    /// midst of talks with Y — assured Z of ...`) apart from the sentence around it: the words
    /// around it are parsed as one sentence, the aside (with its dashes) as another whose root
    /// hangs from the sentence's root as [`Parser::piece_label`] (`parataxis`). A greedy parser
    /// reading straight through the aside loses the sentence's subject to it. Heads index the
    /// piece; the piece's length is the root.
    fn analyze_with_asides(&self, forms: &[&str], scratch: &mut ParseScratch) -> PieceTree {
        let n = forms.len();
        let asides = dash_asides(forms);
        let mut tree = PieceTree {
            tags: vec![0; n],
            lemmas: vec![None; n],
            head: vec![n as u32; n],
            label: vec![0; n],
        };
        // (The dashes take their tags from the whole piece tagged straight through, and hang
        // from the aside's root.)
        if !asides.is_empty() {
            self.tag_into(forms, scratch);
            for &(a, b) in &asides {
                for dash in [a, b] {
                    tree.tags[dash] = scratch.tags[dash];
                    tree.lemmas[dash] = scratch.lemmas[dash].take();
                }
            }
        }
        let in_aside = |i: usize| asides.iter().any(|&(a, b)| a <= i && i <= b);
        let main: Vec<usize> = (0..n).filter(|&i| !in_aside(i)).collect();
        let mut segments = vec![main];
        segments.extend(asides.iter().map(|&(a, b)| (a + 1..b).collect::<Vec<usize>>()));
        let mut main_root = None;
        for (k, words) in segments.iter().enumerate() {
            let segment_forms: Vec<&str> = words.iter().map(|&i| forms[i]).collect();
            self.analyze_into(&segment_forms, scratch);
            let state = &scratch.parse.state;
            let mut aside_root = None;
            for (local, &i) in words.iter().enumerate() {
                tree.tags[i] = scratch.tags[local];
                tree.lemmas[i] = scratch.lemmas[local].take();
                let head = state.head[local] as usize;
                if head == words.len() {
                    if k == 0 {
                        main_root = Some(i);
                        tree.head[i] = n as u32;
                        tree.label[i] = state.label[local];
                    } else {
                        aside_root = Some(i);
                    }
                } else {
                    tree.head[i] = words[head] as u32;
                    tree.label[i] = state.label[local];
                }
            }
            if let (Some(root), Some(main)) = (aside_root, main_root) {
                let (head, label) = self.aside_attachment(&tree, words, root, main);
                tree.head[root] = head as u32;
                tree.label[root] = label;
            }
        }
        if let Some(punct) = self.model.label_id("punct") {
            for (k, &(a, b)) in asides.iter().enumerate() {
                let root = segments[k + 1].iter().copied().find(|&i| {
                    let h = tree.head[i] as usize;
                    h == n || !(a < h && h < b)
                });
                for dash in [a, b] {
                    if let Some(r) = root {
                        tree.head[dash] = r as u32;
                        tree.label[dash] = punct;
                    }
                }
            }
        }
        tree
    }

    /// Where the root of an aside (its words `words`, root `root`) hangs in the sentence whose
    /// root is `main`: after a nominal, a relative clause (`X — who has long opposed Y — ...`)
    /// or a nominal describes that nominal, as `acl:relcl`, `nmod` (with a preposition: `X — in
    /// the midst of talks — ...`) or `appos` (`X — a close ally of Y — ...`); any other aside
    /// hangs from the sentence's root as [`Parser::piece_label`].
    fn aside_attachment(&self, tree: &PieceTree, words: &[usize], root: usize, main: usize) -> (usize, u8) {
        // (The word before the opening dash, which an aside has (see `dash_asides`), or the
        // head of the name it ends: `Marco Lopez — who ...`.)
        let mut before = words[0] - 2;
        if self.model.label_name(tree.label[before]) == "flat" && (tree.head[before] as usize) < before {
            before = tree.head[before] as usize;
        }
        let kind = |i: usize| {
            self.grammar
                .tag_kind
                .get(tree.tags[i] as usize)
                .copied()
                .unwrap_or(0)
        };
        let xpos = |i: usize| {
            let x = self.model.tag_indices(tree.tags[i]).1;
            self.model.xpos_names().get(x as usize).map_or("", String::as_str)
        };
        let has_case = words
            .iter()
            .any(|&k| tree.head[k] as usize == root && self.model.label_name(tree.label[k]) == "case");
        let label = if kind(before) != NOMINAL {
            None
        } else if matches!(xpos(words[0]), "WP" | "WDT") && kind(root) != NOMINAL {
            self.model.label_id("acl:relcl")
        } else if kind(root) == NOMINAL && has_case {
            self.model.label_id("nmod")
        } else if kind(root) == NOMINAL {
            self.model.label_id("appos")
        } else {
            None
        };
        match label {
            Some(label) => (before, label),
            None => (main, self.piece_label),
        }
    }

    /// Tags, lemmatizes and parses `forms` into `scratch`.
    fn analyze_into(&self, forms: &[&str], scratch: &mut ParseScratch) {
        self.tag_into(forms, scratch);
        let model = &self.model;
        parser::Token::sentence(
            &scratch.views,
            &scratch.tags,
            &scratch.tagging.alts,
            &scratch.lemma_keys,
            &model.tag_upos,
            &scratch.is_punct,
            &mut scratch.tokens,
        );
        model.parser.parse(&scratch.tokens, &mut scratch.parse);
        let state = &mut scratch.parse.state;
        repair_adposition_heads(&self.grammar, &scratch.tags, &mut state.head, &mut state.label);
    }

    /// Tags and lemmatizes `forms` into `scratch` (no parse).
    fn tag_into(&self, forms: &[&str], scratch: &mut ParseScratch) {
        scratch.views.clear();
        let known = &self.model.lemmatizer.known;
        scratch
            .views
            .extend(forms.iter().map(|f| WordView::new(f, &self.model.lexicon, known)));
        self.model
            .tagger
            .tag(&scratch.views, &mut scratch.tagging, &mut scratch.tags);
        reread_auxiliaries(&self.grammar, &self.model, forms, &mut scratch.tags);
        reread_ly_nouns(&self.grammar, &self.model, forms, &mut scratch.tags);
        reread_lone_participles(&self.grammar, &self.model, forms, &mut scratch.tags);
        let model = &self.model;
        scratch.is_punct.clear();
        scratch
            .is_punct
            .extend(scratch.tags.iter().map(|&t| model.is_punct(t)));
        scratch.lemmas.clear();
        scratch.lemma_keys.clear();
        for (form, &tag) in forms.iter().zip(&scratch.tags) {
            let lemma = model.lemma(form, tag);
            scratch.lemma_keys.push(hash::str_hash(&lemma));
            scratch
                .lemmas
                .push((lemma != *form).then(|| lemma.into_owned().into_boxed_str()));
        }
    }
}

/// One piece's tags, lemmas and tree (heads index the piece; its length is the root).
struct PieceTree {
    tags: Vec<u16>,
    lemmas: Vec<Option<Box<str>>>,
    head: Vec<u32>,
    label: Vec<u8>,
}

/// The asides set off by pairs of dashes in a piece, as (opening dash, closing dash): each
/// with at least two words between its dashes and a word before it, and words left around
/// them to make a sentence of. Dashes pair in order (first with second, third with fourth).
fn dash_asides(forms: &[&str]) -> Vec<(usize, usize)> {
    let dashes: Vec<usize> = (0..forms.len())
        .filter(|&i| matches!(forms[i], "\u{2014}" | "\u{2013}" | "--"))
        .collect();
    let asides: Vec<(usize, usize)> = dashes
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .filter(|&(a, b)| a > 0 && b >= a + 3)
        .collect();
    let inside: usize = asides.iter().map(|&(a, b)| b - a + 1).sum();
    if forms.len() - inside < 2 {
        return Vec::new();
    }
    asides
}

/// The model's tags and labels as the grammar rules read them ([`reread_auxiliaries`],
/// [`reread_ly_nouns`], [`repair_adposition_heads`]).
#[derive(Clone, Debug)]
struct GrammarTags {
    /// Per tag: [`ADPOSITION`], [`NOMINAL`] (noun, proper noun, pronoun, number), [`VERB`],
    /// [`AUXILIARY`], [`ADVERB`], [`PARTICLE`], [`DETERMINER`], or 0 (other).
    tag_kind: Vec<u8>,
    /// The singular common noun's tag (`NOUN`, `NN`).
    singular_noun: Option<u16>,
    /// Per tag: whether its XPOS is a past participle (`VBN`), or an expletive (`EX`); and,
    /// for a `VERB` tag, the `AUX` tag of the same XPOS, and for an `AUX` tag the `VERB` one.
    participle: Vec<bool>,
    expletive: Vec<bool>,
    /// Per tag: whether it makes a clause finite by itself: a finite verb's XPOS (`VBD`,
    /// `VBZ`, `VBP`, `MD`) or an auxiliary; and whether it is a base form (`VB`), finite
    /// where no `to` stands before it (an imperative). The main verb's past tense (`VBD`).
    finite: Vec<bool>,
    base_form: Vec<bool>,
    infinitive_marker: Vec<bool>,
    past_verb: Option<u16>,
    /// Per tag: whether it is an adjective's.
    adjective: Vec<bool>,
    swap_of: Vec<Option<u16>>,
    /// Per label: whether an adposition attached with it stands where a nominal would
    /// (`obl`, `nmod`, `obj`, `iobj`), and whether a nominal under an adposition with it is
    /// the adposition's object misread (`appos`, `nmod`, `obj`, `flat`, ...).
    nominal_slot: Vec<bool>,
    object_misread: Vec<bool>,
    /// The `case` label (`None`: the model has none, no repair).
    case: Option<u8>,
}

impl GrammarTags {
    fn new(model: &SyntaxModel) -> Self {
        let upos = model.upos_names();
        let tag_kind: Vec<u8> = model
            .tag_upos
            .iter()
            .map(|&u| match upos.get(u as usize).map(String::as_str) {
                Some("ADP") => ADPOSITION,
                Some("NOUN" | "PROPN" | "PRON" | "NUM") => NOMINAL,
                Some("VERB") => VERB,
                Some("AUX") => AUXILIARY,
                Some("ADV") => ADVERB,
                Some("PART") => PARTICLE,
                Some("DET") => DETERMINER,
                _ => 0,
            })
            .collect();
        let n_tags = model.tag_upos.len() as u16;
        let xpos_of = |t: u16| model.tag_indices(t).1;
        let xpos = model.xpos_names();
        let participle = (0..n_tags)
            .map(|t| xpos.get(xpos_of(t) as usize).is_some_and(|n| n == "VBN"))
            .collect();
        let singular_noun = (0..n_tags).find(|&t| {
            upos.get(model.tag_indices(t).0 as usize)
                .is_some_and(|u| u == "NOUN")
                && xpos.get(xpos_of(t) as usize).is_some_and(|x| x == "NN")
        });
        let expletive = (0..n_tags)
            .map(|t| xpos.get(xpos_of(t) as usize).is_some_and(|n| n == "EX"))
            .collect();
        let xpos_is = |t: u16, names: &[&str]| {
            xpos.get(xpos_of(t) as usize)
                .is_some_and(|n| names.contains(&n.as_str()))
        };
        let finite = (0..n_tags)
            .map(|t| tag_kind[t as usize] == AUXILIARY || xpos_is(t, &["VBD", "VBZ", "VBP", "MD"]))
            .collect();
        let base_form = (0..n_tags).map(|t| xpos_is(t, &["VB"])).collect();
        let infinitive_marker = (0..n_tags).map(|t| xpos_is(t, &["TO"])).collect();
        let past_verb = (0..n_tags).find(|&t| tag_kind[t as usize] == VERB && xpos_is(t, &["VBD"]));
        let adjective = (0..n_tags)
            .map(|t| {
                upos.get(model.tag_indices(t).0 as usize)
                    .is_some_and(|u| u == "ADJ")
            })
            .collect();
        let swap_of = (0..n_tags)
            .map(|t| {
                let other = match tag_kind[t as usize] {
                    VERB => AUXILIARY,
                    AUXILIARY => VERB,
                    _ => return None,
                };
                (0..n_tags).find(|&a| tag_kind[a as usize] == other && xpos_of(a) == xpos_of(t))
            })
            .collect();
        let base = |l: &String| l.split(':').next().unwrap_or_default().to_owned();
        let nominal_slot = model
            .labels()
            .iter()
            .map(|l| RelClass::NominalSlot.has(&base(l)))
            .collect();
        let object_misread = model
            .labels()
            .iter()
            .map(|l| RelClass::NominalDependent.has(&base(l)))
            .collect();
        Self {
            tag_kind,
            singular_noun,
            participle,
            expletive,
            finite,
            base_form,
            infinitive_marker,
            past_verb,
            adjective,
            swap_of,
            nominal_slot,
            object_misread,
            case: model.label_id("case"),
        }
    }
}

const ADPOSITION: u8 = 1;
const NOMINAL: u8 = 2;
const VERB: u8 = 3;
const AUXILIARY: u8 = 4;
const ADVERB: u8 = 5;
const PARTICLE: u8 = 6;
const DETERMINER: u8 = 7;

/// The lemmas of `auxiliaries.txt` (see there) with each use's name.
static AUXILIARIES: std::sync::LazyLock<std::collections::HashMap<&'static str, Vec<&'static str>>> =
    std::sync::LazyLock::new(|| {
        crate::resource::data_lines(include_str!("../../resources/syntax/auxiliaries.txt"))
            .filter_map(|(_, line)| {
                let (lemma, uses) = line.split_once('\t')?;
                Some((lemma.trim(), uses.split(',').map(str::trim).collect()))
            })
            .collect()
    });

fn auxiliary_use(lemma: &str, what: &str) -> bool {
    AUXILIARIES.get(lemma).is_some_and(|uses| uses.contains(&what))
}

/// Re-reads an auxiliary-or-verb tag from the words around it, after tagging and before
/// parsing (see `auxiliaries.txt`): a main verb before a past participle, across adverbs and
/// particles only, is the perfect's or the passive's auxiliary (`has repeatedly blocked`); an
/// auxiliary after an expletive `there` and before no participle is the existential's main
/// verb (`there has been no word`), and so is a `have` between its subject and a noun phrase
/// (`X had Lima's full support`). The tag keeps its XPOS.
fn reread_auxiliaries(grammar: &GrammarTags, model: &SyntaxModel, forms: &[&str], tags: &mut [u16]) {
    let kind = |t: u16| grammar.tag_kind.get(t as usize).copied().unwrap_or(0);
    let participle = |t: u16| grammar.participle.get(t as usize).copied().unwrap_or(false);
    // An auxiliary between its subject and a noun phrase, with no verb after it in its stretch
    // of words (up to punctuation), owns the noun phrase (`X had Lima's full support`); not
    // where it comes before its subject (`has Peru recognised ...`, `so has its demand`).
    let possession = |tags: &[u16], i: usize, next: Option<usize>| {
        next.is_some_and(|j| matches!(kind(tags[j]), NOMINAL | DETERMINER))
            && (0..i)
                .rev()
                .find(|&k| !matches!(kind(tags[k]), ADVERB | PARTICLE))
                .is_some_and(|k| kind(tags[k]) == NOMINAL)
            && !(i + 1..tags.len())
                .take_while(|&j| !model.is_punct(tags[j]))
                .any(|j| matches!(kind(tags[j]), VERB | AUXILIARY))
            && auxiliary_use(&model.lemma(forms[i], tags[i]), "possession")
    };
    for i in 0..tags.len() {
        let Some(other) = grammar.swap_of.get(tags[i] as usize).copied().flatten() else {
            continue;
        };
        let next = (i + 1..tags.len()).find(|&j| !matches!(kind(tags[j]), ADVERB | PARTICLE));
        let reread = match kind(tags[i]) {
            VERB => {
                next.is_some_and(|j| participle(tags[j]))
                    && auxiliary_use(&model.lemma(forms[i], tags[i]), "participle")
            }
            AUXILIARY => {
                !next.is_some_and(|j| participle(tags[j]) || kind(tags[j]) == VERB)
                    && (0..i)
                        .rev()
                        .find(|&k| !matches!(kind(tags[k]), AUXILIARY | ADVERB | PARTICLE))
                        .is_some_and(|k| grammar.expletive.get(tags[k] as usize).copied().unwrap_or(false))
                    && auxiliary_use(&model.lemma(forms[i], tags[i]), "existential")
                    || possession(tags, i, next)
            }
            _ => false,
        };
        if reread {
            tags[i] = other;
        }
    }
}

/// Re-reads as a noun a word the tagger took for an adverb by its `-ly` ending when the
/// lexicon (WordNet's lemmas and the treebank's) knows it, as a noun, and never as an adverb
/// (`ally` in `X's closest ally`, `a Putin ally`): the ending misleads the tagger on nouns it
/// rarely saw. (On EWT dev no word changes; the words it is for are rare there and common in
/// news.)
fn reread_ly_nouns(grammar: &GrammarTags, model: &SyntaxModel, forms: &[&str], tags: &mut [u16]) {
    let Some(noun) = grammar.singular_noun else {
        return;
    };
    for (form, tag) in forms.iter().zip(tags.iter_mut()) {
        if grammar.tag_kind.get(*tag as usize) != Some(&ADVERB) {
            continue;
        }
        let lower = form.to_lowercase();
        if !lower.ends_with("ly") {
            continue;
        }
        let known = model.lemmatizer.known.get(&lower).copied().unwrap_or(0);
        if known & lemma::NOUN != 0 && known & lemma::ADV == 0 {
            *tag = noun;
        }
    }
}

/// Re-reads as a past tense a regular past participle or adjective that stands between a nominal
/// and its object in a clause with no finite verb (`Peru's ministry announced new charges`,
/// `several governments recognized X`): the tagger, reading a window of words, often takes such
/// a verb for a participle or adjective modifying the noun before it or the one after it, which
/// leaves the sentence with no verb. On UD English EWT train (gold tags), a lower-case `-ed`
/// word in that place (a noun, proper noun, pronoun or number before it, adverbs between; a
/// determiner, adjective or nominal after it; no auxiliary, no finite verb and no base form
/// without `to` elsewhere in the sentence) is `VBD` 128 times, `VBP` 16 times (`need`, which
/// the tagger does not misread), `VBN` 3 times and `JJ` once; with an adverb after it `VBD` 18
/// times and `VBN` once, with `to` 23 and once, at the sentence's end 11 and once (`JJ`). A
/// preposition after it is no sign (`VBD` 41, `VBN` 33 times). An adjective is re-read only when
/// EWT has the word as a verb. Not a capitalised word (`Coast Specialized Servers`):
/// in a heading or a name a participle is at home.
fn reread_lone_participles(grammar: &GrammarTags, model: &SyntaxModel, forms: &[&str], tags: &mut [u16]) {
    let Some(past) = grammar.past_verb else {
        return;
    };
    let kind = |t: u16| grammar.tag_kind.get(t as usize).copied().unwrap_or(0);
    let is = |flags: &[bool], t: u16| flags.get(t as usize).copied().unwrap_or(false);
    let finite_at = |tags: &[u16], j: usize| {
        is(&grammar.finite, tags[j])
            || (is(&grammar.base_form, tags[j]) && !(j > 0 && is(&grammar.infinitive_marker, tags[j - 1])))
    };
    // (An adjective only when its stem is a known verb, WordNet's or EWT's: `advanced`,
    // `denied`, `planned`; not `red`, `sacred`, `hundred`.)
    let known_verb = |form: &str| {
        let Some(stem) = form.strip_suffix("ed") else {
            return false;
        };
        let undoubled = stem
            .char_indices()
            .last()
            .filter(|&(k, c)| stem[..k].ends_with(c))
            .map(|(k, _)| &stem[..k]);
        let y_stem = stem.strip_suffix('i').map(|s| format!("{s}y"));
        [
            Some(format!("{stem}e")),
            Some(stem.to_owned()),
            undoubled.map(str::to_owned),
            y_stem,
        ]
        .into_iter()
        .flatten()
        .filter(|lemma| lemma.chars().count() >= 3)
        .any(|lemma| {
            model
                .lemmatizer
                .known
                .get(&lemma)
                .is_some_and(|&k| k & lemma::VERB != 0)
        })
    };
    let candidates: Vec<usize> = (0..tags.len())
        .filter(|&i| {
            (kind(tags[i]) == VERB && is(&grammar.participle, tags[i])
                || is(&grammar.adjective, tags[i]) && known_verb(forms[i]))
                && forms[i].starts_with(|c: char| c.is_lowercase())
                && forms[i].ends_with("ed")
                && (0..i)
                    .rev()
                    .find(|&k| kind(tags[k]) != ADVERB)
                    .is_some_and(|k| kind(tags[k]) == NOMINAL)
                && tags.get(i + 1).is_some_and(|&t| {
                    matches!(kind(t), NOMINAL | DETERMINER | ADVERB)
                        || is(&grammar.adjective, t)
                        || is(&grammar.infinitive_marker, t)
                        || (i + 2 == tags.len() && model.is_punct(t))
                })
        })
        .collect();
    // Only one such word, in a sentence with no finite verb: two would be a list or a
    // heading, and which one is the verb is not for this rule to say.
    if let [i] = candidates[..] {
        if !(0..tags.len()).any(|j| j != i && finite_at(tags, j)) {
            tags[i] = past;
        }
    }
}

/// Puts an adposition the parser made the head of its own object back under it. In UD an
/// adposition heads no nominal (in EWT an `ADP` word's dependents are punctuation, `fixed`,
/// coordination and, rarely, a copula's parts); a greedy parser that has already attached the
/// adposition as an oblique (`voted for` + `Ana Rivera` read as an apposition of `for`, which
/// happens with first names it has not seen) can only hang the noun on it. The first nominal
/// after the adposition that hangs on it as an argument takes the adposition's head and
/// relation, the adposition becomes its `case`, and the adposition's other dependents move to
/// it. Heads index the piece; `n` (the words' count) is the root. The result is still a tree:
/// the nominal moves up to where the adposition hung, which is not below it.
fn repair_adposition_heads(grammar: &GrammarTags, tags: &[u16], head: &mut [u32], label: &mut [u8]) {
    let Some(case) = grammar.case else {
        return;
    };
    let n = tags.len();
    let kind = |i: usize| grammar.tag_kind.get(tags[i] as usize).copied().unwrap_or(0);
    for a in 0..n {
        // (Not a root or a loose `dep`: there the tag more likely is wrong, `like` or `witness`
        // read as a preposition.)
        let in_nominal_slot = head[a] as usize != n
            && grammar
                .nominal_slot
                .get(label[a] as usize)
                .copied()
                .unwrap_or(false);
        if kind(a) != ADPOSITION || !in_nominal_slot {
            continue;
        }
        let Some(object) = (a + 1..n).find(|&c| {
            head[c] as usize == a
                && kind(c) == NOMINAL
                && grammar
                    .object_misread
                    .get(label[c] as usize)
                    .copied()
                    .unwrap_or(false)
        }) else {
            continue;
        };
        head[object] = head[a];
        label[object] = label[a];
        head[a] = object as u32;
        label[a] = case;
        for (k, h) in head.iter_mut().enumerate() {
            if k != a && *h as usize == a {
                *h = object as u32;
            }
        }
    }
}

impl SyntaxModel {
    /// The built-in model's word clusters and known lemmas, which training uses by default
    /// (see [`SyntaxModel::training_lexicons`]).
    ///
    /// # Errors
    /// [`Error::Resource`] if the embedded model is damaged (a build problem).
    pub fn builtin_training_lexicons() -> Result<(String, String)> {
        Self::training_lexicons(DEFAULT_MODEL).map_err(|e| Error::Resource {
            name: "built-in syntax model".to_owned(),
            message: e.to_string(),
        })
    }

    /// The built-in model, decoded once per process.
    ///
    /// # Errors
    /// [`Error::Resource`] if the embedded model is damaged (a build problem).
    pub fn builtin() -> Result<Arc<Self>> {
        static MODEL: OnceLock<std::result::Result<Arc<SyntaxModel>, String>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                Self::from_bytes(DEFAULT_MODEL)
                    .map(Arc::new)
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|message| Error::Resource {
                name: "built-in syntax model".to_owned(),
                message,
            })
    }
}
