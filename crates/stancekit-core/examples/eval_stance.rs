//! Dev tool: the evidence scores of `StanceTagger::classify` on a NewsMTSC JSONL file, and the
//! macro-F1 of a grid of decision thresholds (to choose the constants in `stance/mod.rs` on the
//! TRAIN split; report dev numbers with `python -m stancekit.eval.stance`).
//!
//! Usage: cargo run --release -p stancekit-core --example eval_stance -- ../shared/data/stance/newsmtsc/train.jsonl

use stancekit_core::stance::StanceTagger;
use stancekit_core::Span;

fn char_to_byte(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

fn macro_f1(gold: &[u8], pred: &[u8]) -> f64 {
    let mut total = 0.0;
    for lab in 0..3u8 {
        let tp = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g == lab && **p == lab)
            .count() as f64;
        let fp = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g != lab && **p == lab)
            .count() as f64;
        let fn_ = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g == lab && **p != lab)
            .count() as f64;
        let d = 2.0 * tp + fp + fn_;
        total += if d > 0.0 { 2.0 * tp / d } else { 0.0 };
    }
    total / 3.0
}

fn main() {
    let path = std::env::args().nth(1).expect("path to a NewsMTSC jsonl file");
    let data = std::fs::read_to_string(path).expect("readable file");
    let tagger = StanceTagger::default();
    let mut rows: Vec<(u8, f32, f32)> = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let text = v["text"].as_str().unwrap_or_default();
        let span = &v["target_span"];
        let (s, e) = (
            span[0].as_u64().unwrap_or(0) as usize,
            span[1].as_u64().unwrap_or(0) as usize,
        );
        let gold = match v["stance"].as_str() {
            Some("FAVOR") => 0,
            Some("AGAINST") => 1,
            _ => 2,
        };
        let target = Span::new(char_to_byte(text, s), char_to_byte(text, e));
        let (r, l) = tagger.classify_scores(text, target).unwrap_or((0.0, 0.0));
        rows.push((gold, r, l));
    }
    let gold: Vec<u8> = rows.iter().map(|r| r.0).collect();
    let mut best = (0.0, 0.0, 0.0, 0.0);
    for w in [0.0f32, 0.5, 1.0, 2.0] {
        for fav in (0..=12).map(|k| k as f32 * 0.05) {
            for ag in (0..=12).map(|k| -(k as f32) * 0.05) {
                let pred: Vec<u8> = rows
                    .iter()
                    .map(|&(_, r, l)| {
                        let s = w * r + l;
                        if s >= fav && s > 0.0 {
                            0
                        } else if s <= ag && s < 0.0 {
                            1
                        } else {
                            2
                        }
                    })
                    .collect();
                let f = macro_f1(&gold, &pred);
                if f > best.0 {
                    best = (f, f64::from(w), f64::from(fav), f64::from(ag));
                }
            }
        }
    }
    println!(
        "rows {} best macro-F1 {:.4} at rule_weight {} favor >= {:.2} against <= {:.2}",
        rows.len(),
        best.0,
        best.1,
        best.2,
        best.3
    );
}
