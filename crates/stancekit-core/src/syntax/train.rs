//! Training the syntax model from a CoNLL-U treebank, deterministically.
//!
//! 1. Inventories: UPOS, XPOS, the (UPOS, XPOS) pairs seen (the tagger's classes) and the
//!    dependency labels, ordered by frequency.
//! 2. The lemmatizer, from (form, tag, lemma) counts.
//! 3. Jackknifed tags: the training set is cut into `folds` blocks; a tagger trained on the
//!    other blocks tags each one, so the parser learns from tags as wrong as they will be at run
//!    time. The blocks train in parallel; each is deterministic.
//! 4. The final tagger on all sentences, then the parser on the jackknifed tags.
//!
//! The same treebank and [`TrainingConfig`] give a byte-identical model file.

use super::conllu::TreebankSentence;
use super::hash::str_hash;
use super::lemma::{class_of_upos, Lemmatizer};
use super::lexicon::Lexicon;
use super::model::punct_tags;
use super::parser::{self, ParserTraining, TrainSentence};
use super::tagger::{self, second_pass, TagScratch, TaggerModel, TaggerTraining, NO_ALT};
use super::words::WordView;
use super::{Parser, ParserConfig, SyntaxModel};
use crate::{Error, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// A sentence's tags and the tagger's runner-ups.
type Tagged = (Vec<u16>, Vec<u64>);

/// Training settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrainingConfig {
    /// Passes over the data for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the data for the parser.
    pub parser_epochs: usize,
    /// Blocks for jackknifed tags (1 = train the parser on gold tags).
    pub folds: usize,
    /// Seed of the shuffles and of exploration.
    pub seed: u64,
    /// Tagger weights smaller than this fraction of the largest are dropped.
    pub tagger_prune: f32,
    /// Parser weights smaller than this fraction of the largest are dropped.
    pub parser_prune: f32,
    /// Distinct forms a lemma suffix rule needs.
    pub lemma_min_types: usize,
    /// 2 for a second tagger pass that sees the first pass's tags to the right; 1 for one pass.
    pub tagger_passes: usize,
    /// The parser follows its own moves from this epoch on.
    pub explore_from: usize,
    /// ... with this probability.
    pub explore: f64,
}

impl Default for TrainingConfig {
    fn default() -> Self {
        Self {
            tagger_epochs: 10,
            parser_epochs: 15,
            folds: 5,
            seed: 1,
            // Weights under 1/64 of the largest matter to no decision measured on EWT dev, and
            // are three quarters of the parser's weights.
            tagger_prune: 1.0 / 64.0,
            parser_prune: 1.0 / 64.0,
            lemma_min_types: 2,
            tagger_passes: 2,
            explore_from: 1,
            explore: 0.9,
        }
    }
}

/// Names ordered by frequency (most frequent first, then by name).
fn by_frequency<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().map(|(s, _)| s.to_owned()).collect()
}

fn index_of(names: &[String]) -> HashMap<&str, usize> {
    names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect()
}

/// Trains a model; `log` receives progress lines.
///
/// # Errors
/// [`Error::Config`] for an empty treebank, or more than 127 dependency labels;
/// [`Error::Resource`] for a malformed cluster table.
/// `clusters` is the word-cluster table (`word<TAB>cluster[<TAB>frequency]` lines; may be
/// empty); `known_lemmas` lists lemmas with their parts of speech (`lemma<TAB>letters`, e.g.
/// WordNet's; may be empty).
pub fn train(
    treebank: &[TreebankSentence],
    clusters: &str,
    known_lemmas: &str,
    config: &TrainingConfig,
    log: &mut dyn FnMut(&str),
) -> Result<SyntaxModel> {
    let lexicon = Lexicon::parse(clusters)?;
    if treebank.is_empty() {
        return Err(Error::Config("the training treebank has no sentences".to_owned()));
    }
    let words = || treebank.iter().flat_map(|s| s.words.iter());
    let upos = by_frequency(words().map(|w| w.upos.as_str()));
    let xpos = by_frequency(words().map(|w| w.xpos.as_str()));
    // A tab cannot occur in a CoNLL-U tag, so it separates the pair.
    let pairs: Vec<String> = words().map(|w| format!("{}\t{}", w.upos, w.xpos)).collect();
    let pair_names = by_frequency(pairs.iter().map(String::as_str));
    let labels = by_frequency(words().map(|w| w.deprel.as_str()));
    if labels.len() > 127 {
        return Err(Error::Config(format!(
            "{} dependency labels; at most 127 are supported",
            labels.len()
        )));
    }
    let root_label = labels
        .iter()
        .position(|l| l == "root")
        .ok_or_else(|| Error::Config("no word has the label \"root\"".to_owned()))?
        as u8;
    let (upos_id, xpos_id, label_id) = (index_of(&upos), index_of(&xpos), index_of(&labels));
    let tags: Vec<(u16, u16)> = pair_names
        .iter()
        .map(|p| {
            let (u, x) = p.split_once('\t').expect("pair");
            (upos_id[u] as u16, xpos_id[x] as u16)
        })
        .collect();
    let tag_id: HashMap<(u16, u16), u16> = tags.iter().enumerate().map(|(i, &t)| (t, i as u16)).collect();
    let gold_tag = |w: &super::conllu::TreebankWord| {
        tag_id[&(upos_id[w.upos.as_str()] as u16, xpos_id[w.xpos.as_str()] as u16)]
    };
    log(&format!(
        "{} sentences, {} words, {} UPOS, {} XPOS, {} tag pairs, {} labels",
        treebank.len(),
        words().count(),
        upos.len(),
        xpos.len(),
        tags.len(),
        labels.len()
    ));

    let lemmatizer = Lemmatizer::train(
        words().map(|w| {
            let t = gold_tag(w);
            (
                w.form.as_str(),
                t,
                tags[t as usize].1,
                class_of_upos(&w.upos),
                w.lemma.as_str(),
            )
        }),
        known_lemmas,
        config.lemma_min_types,
    )?;
    log(&format!(
        "lemmatizer: {} rules, {} exceptions",
        lemmatizer.rules.len(),
        lemmatizer.exceptions.len()
    ));

    let tagged: Vec<(Vec<WordView>, Vec<u16>)> = treebank
        .iter()
        .map(|s| {
            (
                s.words
                    .iter()
                    .map(|w| WordView::new(&w.form, &lexicon, &lemmatizer.known))
                    .collect(),
                s.words.iter().map(gold_tag).collect(),
            )
        })
        .collect();
    let tagger_opts = TaggerTraining {
        epochs: config.tagger_epochs,
        seed: config.seed,
        prune: config.tagger_prune,
    };
    let sentences: Vec<(&[WordView], &[u16])> =
        tagged.iter().map(|(v, g)| (v.as_slice(), g.as_slice())).collect();
    let n_tags = tags.len();
    let two_pass = config.tagger_passes >= 2;
    let folds = config.folds.max(1);
    let bounds: Vec<(usize, usize)> = (0..folds)
        .map(|k| (k * sentences.len() / folds, (k + 1) * sentences.len() / folds))
        .collect();
    let others = |lo: usize, hi: usize| -> Vec<(&[WordView], &[u16])> {
        sentences[..lo].iter().chain(&sentences[hi..]).copied().collect()
    };
    let first = tagger::train_pass(&sentences, None, n_tags, &tagger_opts);
    let mut scratch = TagScratch::default();
    // First-pass tags (and runner-ups) of every training sentence, each from a model that did
    // not see it.
    let first_tagged: Vec<Tagged> = if folds == 1 {
        let model = TaggerModel {
            first: first.clone(),
            second: None,
        };
        sentences
            .iter()
            .map(|(views, _)| {
                let mut out = Vec::new();
                model.tag_first(views, &mut scratch, &mut out);
                (out, scratch.alts.clone())
            })
            .collect()
    } else {
        bounds
            .par_iter()
            .flat_map_iter(|&(lo, hi)| {
                let model = TaggerModel {
                    first: tagger::train_pass(&others(lo, hi), None, n_tags, &tagger_opts),
                    second: None,
                };
                let mut scratch = TagScratch::default();
                sentences[lo..hi]
                    .iter()
                    .map(|(views, _)| {
                        let mut out = Vec::new();
                        model.tag_first(views, &mut scratch, &mut out);
                        (out, scratch.alts.clone())
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let first_tags: Vec<Vec<u16>> = first_tagged.iter().map(|(t, _)| t.clone()).collect();
    log(&format!(
        "jackknifed first-pass tag accuracy: {:.2}%",
        accuracy(&first_tags, &tagged)
    ));
    let first_refs: Vec<&[u16]> = first_tags.iter().map(Vec::as_slice).collect();
    let second = two_pass.then(|| tagger::train_pass(&sentences, Some(&first_refs), n_tags, &tagger_opts));
    // The tags the parser trains on: the full tagger's output, jackknifed.
    let predicted: Vec<Tagged> = if folds == 1 {
        tagged
            .iter()
            .map(|(_, t)| (t.clone(), vec![NO_ALT; t.len()]))
            .collect()
    } else if !two_pass {
        first_tagged
    } else {
        bounds
            .par_iter()
            .flat_map_iter(|&(lo, hi)| {
                let rest_ahead: Vec<&[u16]> = first_refs[..lo]
                    .iter()
                    .chain(&first_refs[hi..])
                    .copied()
                    .collect();
                let second = tagger::train_pass(&others(lo, hi), Some(&rest_ahead), n_tags, &tagger_opts);
                let mut scratch = TagScratch::default();
                (lo..hi)
                    .map(|s| {
                        let mut out = Vec::new();
                        second_pass(&second, sentences[s].0, &first_tags[s], &mut scratch, &mut out);
                        (out, scratch.alts.clone())
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    if two_pass && folds > 1 {
        let tags: Vec<Vec<u16>> = predicted.iter().map(|(t, _)| t.clone()).collect();
        log(&format!(
            "jackknifed two-pass tag accuracy: {:.2}%",
            accuracy(&tags, &tagged)
        ));
    }
    let tagger = TaggerModel { first, second };
    log(&format!(
        "tagger: {} + {} features, {} + {} weights",
        tagger.first.n_features(),
        tagger.second.as_ref().map_or(0, |s| s.n_features()),
        tagger.first.n_weights(),
        tagger.second.as_ref().map_or(0, |s| s.n_weights()),
    ));

    // Marks are parsed like words; the words next to them also see them as features.
    let punct_tags = punct_tags(&upos, &tags);
    let tag_upos: Vec<u16> = tags.iter().map(|&(u, _)| u).collect();
    let parse_data: Vec<TrainSentence> = treebank
        .iter()
        .zip(&tagged)
        .zip(&predicted)
        .map(|((s, (views, _)), (predicted, alts))| {
            let n = s.words.len() as u32;
            let is_punct: Vec<bool> = predicted.iter().map(|&t| punct_tags[t as usize]).collect();
            let mut tokens = Vec::new();
            let lemma_keys: Vec<u64> = s
                .words
                .iter()
                .zip(predicted)
                .map(|(w, &t)| {
                    let (u, x) = tags[t as usize];
                    str_hash(&lemmatizer.lemma(&w.form, t, x, class_of_upos(&upos[u as usize])))
                })
                .collect();
            parser::Token::sentence(
                views,
                predicted,
                alts,
                &lemma_keys,
                &tag_upos,
                &is_punct,
                &mut tokens,
            );
            TrainSentence {
                tokens,
                head: s
                    .words
                    .iter()
                    .map(|w| if w.head == 0 { n } else { w.head as u32 - 1 })
                    .collect(),
                label: s
                    .words
                    .iter()
                    .map(|w| label_id[w.deprel.as_str()] as u8)
                    .collect(),
            }
        })
        .collect();
    let parser_opts = ParserTraining {
        epochs: config.parser_epochs,
        seed: config.seed,
        explore_from: config.explore_from,
        explore: config.explore,
        prune: config.parser_prune,
    };
    let parser = parser::train(&parse_data, labels.len(), root_label, &parser_opts);
    log(&format!(
        "parser: {} features, {} weights",
        parser.weights.n_features(),
        parser.weights.n_weights()
    ));
    Ok(SyntaxModel {
        upos,
        xpos,
        tags,
        labels,
        tagger,
        lemmatizer,
        parser,
        lexicon,
        punct_tags,
        tag_upos,
        meta: serde_json::json!({
            "trained_on": "UD English EWT train (CC BY-SA 4.0); the weights carry that license",
            "training": config,
            "stancekit_version": env!("CARGO_PKG_VERSION"),
            "feature_set": super::model::FEATURE_SET,
        }),
    })
}

/// Percentage of tags equal to the gold tags.
fn accuracy(predicted: &[Vec<u16>], gold: &[(Vec<WordView>, Vec<u16>)]) -> f64 {
    let (right, total) = predicted
        .iter()
        .zip(gold)
        .flat_map(|(p, (_, g))| p.iter().zip(g))
        .fold((0usize, 0usize), |(r, t), (a, b)| {
            (r + usize::from(a == b), t + 1)
        });
    100.0 * right as f64 / total.max(1) as f64
}

/// Gold-tokenization scores of a parser on a treebank, as percentages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct GoldTokenScores {
    /// Words scored.
    pub words: usize,
    /// UPOS accuracy.
    pub upos: f64,
    /// XPOS accuracy.
    pub xpos: f64,
    /// Lemma accuracy.
    pub lemma: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score (relation without subtype, as CoNLL 2018).
    pub las: f64,
}

/// Scores `model` on `treebank` with its gold words as input.
#[must_use]
pub fn evaluate_gold_tokens(model: Arc<SyntaxModel>, treebank: &[TreebankSentence]) -> GoldTokenScores {
    let parser = Parser::with_model(ParserConfig::default(), model);
    let per_sentence: Vec<[usize; 6]> = treebank
        .par_iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let out = parser.analyze(&forms);
            let m = parser.model();
            let mut c = [0usize; 6];
            for (w, a) in s.words.iter().zip(&out) {
                c[0] += 1;
                c[1] += usize::from(m.upos_name(a.tag) == w.upos);
                c[2] += usize::from(m.xpos_name(a.tag) == w.xpos);
                c[3] += usize::from(a.lemma == w.lemma);
                let head = a.head.map_or(0, |h| h as usize + 1);
                let uas = head == w.head;
                c[4] += usize::from(uas);
                let universal = |l: &str| l.split(':').next().unwrap_or("").to_owned();
                c[5] += usize::from(uas && universal(m.label_name(a.deprel)) == universal(&w.deprel));
            }
            c
        })
        .collect();
    let mut total = [0usize; 6];
    for c in per_sentence {
        for (t, v) in total.iter_mut().zip(c) {
            *t += v;
        }
    }
    let pct = |k: usize| 100.0 * total[k] as f64 / total[0].max(1) as f64;
    GoldTokenScores {
        words: total[0],
        upos: pct(1),
        xpos: pct(2),
        lemma: pct(3),
        uas: pct(4),
        las: pct(5),
    }
}

/// UAS and LAS (percent) of the parser on `treebank` given the gold tags (a diagnostic of how
/// much tagging errors cost the parser).
#[doc(hidden)]
#[must_use]
pub fn parse_scores_with_gold_tags(model: &SyntaxModel, treebank: &[TreebankSentence]) -> (f64, f64) {
    let tag_of: HashMap<(&str, &str), u16> = model
        .tag_names()
        .into_iter()
        .enumerate()
        .map(|(i, t)| (t, i as u16))
        .collect();
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    let mut scratch = parser::Scratch::default();
    for s in treebank {
        let n = s.words.len();
        let views: Vec<WordView> = s
            .words
            .iter()
            .map(|w| WordView::new(&w.form, &model.lexicon, &model.lemmatizer.known))
            .collect();
        let tags: Vec<u16> = s
            .words
            .iter()
            .map(|w| {
                tag_of
                    .get(&(w.upos.as_str(), w.xpos.as_str()))
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        let is_punct: Vec<bool> = tags.iter().map(|&t| model.is_punct(t)).collect();
        let mut tokens = Vec::new();
        let alts = vec![NO_ALT; n];
        let lemma_keys: Vec<u64> = s
            .words
            .iter()
            .zip(&tags)
            .map(|(w, &t)| str_hash(&model.lemma(&w.form, t)))
            .collect();
        parser::Token::sentence(
            &views,
            &tags,
            &alts,
            &lemma_keys,
            &model.tag_upos,
            &is_punct,
            &mut tokens,
        );
        model.parser.parse(&tokens, &mut scratch);
        for (i, w) in s.words.iter().enumerate() {
            let h = scratch.state.head[i] as usize;
            let head = if h == n { 0 } else { h + 1 };
            total += 1;
            if head == w.head {
                uas += 1;
                let universal = |l: &str| l.split(':').next().unwrap_or("").to_owned();
                las +=
                    usize::from(universal(model.label_name(scratch.state.label[i])) == universal(&w.deprel));
            }
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / total.max(1) as f64;
    (pct(uas), pct(las))
}
