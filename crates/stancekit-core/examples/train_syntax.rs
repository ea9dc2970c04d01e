//! Trains the syntax model and scores it on gold tokenization.
//!
//! ```sh
//! cargo run --profile iterate --example train_syntax -- \
//!     ../shared/data/syntax/en_ewt-ud-train.conllu.gz ../shared/data/syntax/en_ewt-ud-dev.conllu.gz \
//!     [out.stkm] [training-config.json]
//! ```

use stancekit_core::syntax::conllu::read_conllu;
use stancekit_core::syntax::conllu::TreebankSentence;
use stancekit_core::syntax::train::{evaluate_gold_tokens, train, TrainingConfig};
use stancekit_core::syntax::{Parser, ParserConfig, SyntaxModel};
use std::collections::HashMap;
use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

fn read(path: &str) -> String {
    let bytes = std::fs::read(path).expect("readable file");
    if path.ends_with(".gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .expect("gzip UTF-8");
        s
    } else {
        String::from_utf8(bytes).expect("UTF-8")
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args[0].ends_with(".stkm") {
        // Score an existing model: MODEL DEV
        let model =
            Arc::new(SyntaxModel::from_bytes(&std::fs::read(&args[0]).expect("model")).expect("valid model"));
        let dev = read_conllu(&read(&args[1])).expect("dev CoNLL-U");
        // Optional: prune TAGGER_MIN PARSER_MIN [OUT]
        if let (Some(t), Some(p)) = (args.get(2), args.get(3)) {
            let mut pruned = model.pruned(
                t.parse().expect("tagger threshold"),
                p.parse().expect("parser threshold"),
            );
            if std::env::var_os("SYNTAX_COARSE").is_some() {
                pruned = pruned.coarse();
            }
            let bytes = pruned.to_bytes();
            eprintln!(
                "pruned model: {:.2} MB, sizes {:?}",
                bytes.len() as f64 / 1e6,
                pruned.sizes()
            );
            if let Some(out) = args.get(4) {
                std::fs::write(out, &bytes).expect("writable output");
            }
            report(Arc::new(pruned), &dev);
            return;
        }
        eprintln!("sizes {:?}", model.sizes());
        report(model, &dev);
        return;
    }
    let train_data = read_conllu(&read(&args[0])).expect("train CoNLL-U");
    let dev = read_conllu(&read(&args[1])).expect("dev CoNLL-U");
    let config: TrainingConfig = args
        .get(3)
        .map(|p| {
            serde_json::from_str(&std::fs::read_to_string(p).expect("config file")).expect("config JSON")
        })
        .unwrap_or_default();
    let start = Instant::now();
    let clusters = std::env::var("SYNTAX_CLUSTERS")
        .map(|p| std::fs::read_to_string(p).expect("clusters file"))
        .unwrap_or_else(|_| include_str!("../resources/syntax/clusters.tsv").to_owned());
    let lemmas = std::env::var("SYNTAX_LEMMAS")
        .map(|p| std::fs::read_to_string(p).expect("lemmas file"))
        .unwrap_or_else(|_| include_str!("../resources/syntax/wordnet_lemmas.tsv").to_owned());
    let model = train(&train_data, &clusters, &lemmas, &config, &mut |line| {
        eprintln!("[{:6.1}s] {line}", start.elapsed().as_secs_f64())
    })
    .expect("training");
    eprintln!("trained in {:.1}s", start.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    eprintln!("model file: {:.2} MB", bytes.len() as f64 / 1e6);
    if let Some(out) = args.get(2).filter(|p| !p.is_empty()) {
        std::fs::write(out, &bytes).expect("writable output");
    }
    report(Arc::new(model), &dev);
}

fn report(model: Arc<SyntaxModel>, dev: &[TreebankSentence]) {
    eprintln!(
        "UAS/LAS with gold tags: {:?}",
        stancekit_core::syntax::train::parse_scores_with_gold_tags(&model, dev)
    );

    if std::env::var_os("SYNTAX_ERRORS").is_some() {
        print_errors(&model, dev);
    }
    // Single-thread speed over the dev text (gold words, no tokenizer).
    let parser = Parser::with_model(ParserConfig::default(), Arc::clone(&model));
    let t = Instant::now();
    let mut n = 0;
    for s in dev {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        n += parser.analyze(&forms).len();
    }
    eprintln!("one thread: {:.0} words/s", n as f64 / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let scores = evaluate_gold_tokens(model, dev);
    eprintln!("dev scored in {:.2}s", t.elapsed().as_secs_f64());
    println!("{}", serde_json::to_string(&scores).expect("json"));
}

/// The most frequent tag confusions and lemma errors (set `SYNTAX_ERRORS=1`).
fn print_errors(model: &Arc<SyntaxModel>, dev: &[TreebankSentence]) {
    let parser = Parser::with_model(ParserConfig::default(), Arc::clone(model));
    let mut tags: HashMap<(String, String), usize> = HashMap::new();
    let mut lemmas: HashMap<(String, String, String, bool), usize> = HashMap::new();
    let mut labels: HashMap<(String, String), usize> = HashMap::new();
    let mut heads: HashMap<String, usize> = HashMap::new();
    for s in dev {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        for (w, a) in s.words.iter().zip(parser.analyze(&forms)) {
            let upos = model.upos_name(a.tag).to_owned();
            if upos != w.upos {
                *tags.entry((w.upos.clone(), upos.clone())).or_default() += 1;
            }
            if a.lemma != w.lemma {
                *lemmas
                    .entry((w.form.clone(), w.lemma.clone(), a.lemma.clone(), upos == w.upos))
                    .or_default() += 1;
            }
            let head = a.head.map_or(0, |h| h as usize + 1);
            if head != w.head {
                *heads.entry(w.deprel.clone()).or_default() += 1;
            }
            if head == w.head && model.labels()[a.deprel as usize] != w.deprel {
                *labels
                    .entry((w.deprel.clone(), model.labels()[a.deprel as usize].clone()))
                    .or_default() += 1;
            }
        }
    }
    fn top<K>(m: HashMap<K, usize>) -> Vec<(K, usize)> {
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by_key(|b| std::cmp::Reverse(b.1));
        v.truncate(40);
        v
    }
    for ((g, p), n) in top(tags) {
        eprintln!("tag {g:>6} -> {p:<6} {n}");
    }
    let lem = top(lemmas);
    for ((f, g, p, tag_ok), n) in lem {
        eprintln!("lemma {f:?} gold {g:?} got {p:?} tag_ok={tag_ok} x{n}");
    }
    for (g, n) in top(heads) {
        eprintln!("wrong head of {g:>12}: {n}");
    }
    for ((g, p), n) in top(labels) {
        eprintln!("label {g:>12} -> {p:<12} {n}");
    }
}
