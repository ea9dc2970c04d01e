//! NewsMTSC quality check of the classifier (ignored by default: run with
//! `cargo test --profile iterate -p stancekit-core --test classify_newsmtsc -- --ignored --nocapture`).
//!
//! Reads `../shared/data/stance/newsmtsc` (or `$STANCEKIT_SHARED_DATA/stance/newsmtsc`), trains on
//! `train.jsonl` and prints macro-F1 on the dev splits. `STANCEKIT_CLASSIFY_CONFIG` may hold a
//! JSON object of hyperparameters to try. A tuning harness only: the shipped model's dev floors
//! are asserted once, through the evaluation module (`tests/test_classifier_quality.py`).

use stancekit_core::classify::{ClassifierConfig, Example};
use stancekit_core::Span;
use std::path::PathBuf;

const LABELS: [&str; 3] = ["AGAINST", "FAVOR", "NONE"];

struct Row {
    text: String,
    target: Span,
    label: usize,
}

fn data_dir() -> PathBuf {
    std::env::var("STANCEKIT_SHARED_DATA").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
        PathBuf::from,
    )
}

fn load(name: &str) -> Vec<Row> {
    let path = data_dir().join("stance/newsmtsc").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let t = v["text"].as_str().unwrap().to_owned();
            let span = &v["target_span"];
            let (cs, ce) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            let byte = |c: usize| t.char_indices().nth(c).map_or(t.len(), |(b, _)| b);
            let target = Span::new(byte(cs), byte(ce));
            let label = LABELS
                .iter()
                .position(|l| *l == v["stance"].as_str().unwrap())
                .unwrap();
            Row {
                text: t,
                target,
                label,
            }
        })
        .collect()
}

fn macro_f1(gold: &[usize], pred: &[usize]) -> f64 {
    let mut f = 0.0;
    for c in 0..3 {
        let tp = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g == c && **p == c)
            .count() as f64;
        let fp = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g != c && **p == c)
            .count() as f64;
        let fn_ = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g == c && **p != c)
            .count() as f64;
        if tp > 0.0 {
            f += 2.0 * tp / (2.0 * tp + fp + fn_);
        }
    }
    100.0 * f / 3.0
}

/// CPU seconds used by this process so far (Linux; 0 elsewhere).
fn cpu_secs() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some((f[11].parse::<f64>().ok()? + f[12].parse::<f64>().ok()?) / 100.0)
        })
        .unwrap_or(0.0)
}

#[test]
#[ignore = "needs ../shared/data and an optimized build"]
fn newsmtsc_dev_macro_f1() {
    let configs: Vec<ClassifierConfig> = match std::env::var("STANCEKIT_CLASSIFY_CONFIG") {
        Ok(j) if j.trim_start().starts_with('[') => serde_json::from_str(&j).unwrap(),
        Ok(j) => vec![serde_json::from_str(&j).unwrap()],
        Err(_) => vec![ClassifierConfig::default()],
    };
    let train = load("train.jsonl");
    let ex: Vec<Example> = train
        .iter()
        .map(|r| Example {
            text: &r.text,
            target: r.target,
        })
        .collect();
    let y: Vec<usize> = train.iter().map(|r| r.label).collect();
    let devs: Vec<(&str, Vec<Row>)> = ["dev_rw.jsonl", "dev_mt.jsonl"]
        .into_iter()
        .map(|s| (s, load(s)))
        .collect();
    for cfg in configs {
        let (t0, c0) = (std::time::Instant::now(), cpu_secs());
        let labels = LABELS.iter().map(|s| (*s).to_owned()).collect();
        let model = cfg.fit(labels, &ex, &y, None).unwrap();
        let (secs, cpu) = (t0.elapsed().as_secs_f64(), cpu_secs() - c0);
        let mut line = format!(
            "train {secs:.2}s (cpu {cpu:.2}s) iters {} feats {} |",
            model.info().iterations,
            model.info().n_features
        );
        for (split, dev) in &devs {
            let (t0, c0) = (std::time::Instant::now(), cpu_secs());
            let mut pred = Vec::new();
            for _ in 0..5 {
                pred = dev.iter().map(|r| model.predict(&r.text, r.target).0).collect();
            }
            let rate = 5.0 * dev.len() as f64 / t0.elapsed().as_secs_f64();
            let crate_ = 5.0 * dev.len() as f64 / (cpu_secs() - c0).max(0.01);
            let gold: Vec<usize> = dev.iter().map(|r| r.label).collect();
            line += &format!(
                " {split} F1 {:.1} ({rate:.0} rows/s, cpu {crate_:.0})",
                macro_f1(&gold, &pred)
            );
        }
        // Prediction speed on one thread: the dev rows repeated to 40k predictions.
        let all: Vec<&Row> = devs.iter().flat_map(|(_, d)| d.iter()).collect();
        let (t0, c0) = (std::time::Instant::now(), cpu_secs());
        let mut n = 0usize;
        let mut sink = 0usize;
        while n < 40_000 {
            for r in &all {
                sink += model.predict(&r.text, r.target).0;
            }
            n += all.len();
        }
        line += &format!(
            " | predict {:.0} rows/s, cpu {:.0} ({sink})",
            n as f64 / t0.elapsed().as_secs_f64(),
            n as f64 / (cpu_secs() - c0).max(0.01)
        );
        println!("{} {line}", serde_json::to_string(&cfg).unwrap());
        if let Ok(path) = std::env::var("STANCEKIT_CLASSIFY_SAVE") {
            std::fs::write(path, model.to_json_with("q16")).unwrap();
        }
    }
}
