//! Evaluates the sentence splitter on the shared gold data (a development tool).
//!
//! ```text
//! cargo run -p stancekit-core --profile iterate --example eval_sentences -- [DATA_DIR] [--errors[=N]] [--set ewt|gum|news]
//! ```
//!
//! `DATA_DIR` defaults to `../shared/data`. Prints sentence-end precision/recall/F1 (code points,
//! whitespace stripped) on UD English EWT+GUM dev and on the GUM `news` documents, the Golden
//! Rules exact matches (listing failures), the seed and news (`news/venezuela`, `news/syria`)
//! sentences found exactly and the throughput
//! of `split` on the UD dev text repeated to about 10 MB. `--errors` prints the context of every
//! missed (FN) and spurious (FP) sentence end (at most N per set); `--set` limits the errors to one
//! set.

use flate2::read::GzDecoder;
use serde_json::Value;
use stancekit_core::span::byte_to_char_offsets;
use stancekit_core::SentenceSplitter;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Doc {
    id: String,
    genre: String,
    text: String,
    sentences: Vec<(usize, usize)>,
}

fn read_lines(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    let reader: Box<dyn Read> = if path.extension().is_some_and(|x| x == "gz") {
        Box::new(GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    BufReader::new(reader)
        .lines()
        .map(|l| l.expect("readable line"))
        .filter(|l| !l.trim().is_empty())
        .collect()
}

fn read_ud(path: &Path) -> Vec<Doc> {
    read_lines(path)
        .iter()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("json");
            Doc {
                id: v["doc_id"].as_str().unwrap_or("").to_owned(),
                genre: v["genre"].as_str().unwrap_or("").to_owned(),
                text: v["text"].as_str().unwrap_or("").to_owned(),
                sentences: v["sentences"]
                    .as_array()
                    .expect("sentences")
                    .iter()
                    .map(|s| {
                        (
                            usize::try_from(s[0].as_u64().unwrap_or(0)).unwrap_or(0),
                            usize::try_from(s[1].as_u64().unwrap_or(0)).unwrap_or(0),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Predicted spans in code points.
fn predict(splitter: &SentenceSplitter, text: &str) -> Vec<(usize, usize)> {
    let spans = splitter.split(text);
    let mut offs: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    byte_to_char_offsets(text, &mut offs);
    offs.chunks(2).map(|c| (c[0], c[1])).collect()
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }
}

fn context(chars: &[char], pos: usize) -> String {
    let a = pos.saturating_sub(50);
    let b = (pos + 25).min(chars.len());
    let left: String = chars[a..pos].iter().collect();
    let right: String = chars[pos..b].iter().collect();
    format!("{left:?} | {right:?}")
}

fn score(splitter: &SentenceSplitter, docs: &[&Doc], name: &str, errors: Option<usize>) -> Counts {
    let mut c = Counts::default();
    let mut shown = 0;
    for d in docs {
        let chars: Vec<char> = d.text.chars().collect();
        let gold: HashSet<usize> = d
            .sentences
            .iter()
            .map(|&(s, e)| {
                let mut e = e.min(chars.len());
                while e > s && py_space(chars[e - 1]) {
                    e -= 1;
                }
                e
            })
            .collect();
        let pred: HashSet<usize> = predict(splitter, &d.text).into_iter().map(|(_, e)| e).collect();
        c.tp += gold.intersection(&pred).count();
        c.fp += pred.difference(&gold).count();
        c.fn_ += gold.difference(&pred).count();
        if let Some(limit) = errors {
            let mut errs: Vec<(usize, &str)> = gold.difference(&pred).map(|&e| (e, "FN")).collect();
            errs.extend(pred.difference(&gold).map(|&e| (e, "FP")));
            errs.sort_unstable();
            for (e, kind) in errs {
                if shown < limit {
                    println!("[{name}] {kind} {} {}", d.id, context(&chars, e));
                    shown += 1;
                }
            }
        }
    }
    c
}

/// Gold sentences of `dir/sentences.jsonl` (documents in `dir/docs`) found with the same start
/// and end: (found, total).
fn exact_sentences(splitter: &SentenceSplitter, dir: &Path, show: bool) -> (usize, usize) {
    let mut found = 0;
    let mut total = 0;
    for l in read_lines(&dir.join("sentences.jsonl")) {
        let v: Value = serde_json::from_str(&l).expect("json");
        let doc = v["doc"].as_str().unwrap_or("");
        let text = std::fs::read_to_string(dir.join("docs").join(doc)).expect("gold document");
        let pred: HashSet<(usize, usize)> = predict(splitter, &text).into_iter().collect();
        for s in v["sentences"].as_array().expect("sentences") {
            let start = usize::try_from(s["start"].as_u64().unwrap_or(0)).unwrap_or(0);
            let end = usize::try_from(s["end"].as_u64().unwrap_or(0)).unwrap_or(0);
            total += 1;
            if pred.contains(&(start, end)) {
                found += 1;
            } else if show {
                println!(
                    "[{}] missed {doc} {start}..{end} {:?}",
                    dir.display(),
                    s["text"].as_str().unwrap_or("")
                );
            }
        }
    }
    (found, total)
}

fn main() {
    let mut data = PathBuf::from("../shared/data");
    let mut errors: Option<usize> = None;
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--errors" {
            errors = Some(usize::MAX);
        } else if let Some(n) = a.strip_prefix("--errors=") {
            errors = Some(n.parse().expect("--errors=N"));
        } else if a == "--set" {
            only = args.next();
        } else {
            data = PathBuf::from(a);
        }
    }
    let seg = data.join("segmentation");
    let splitter = SentenceSplitter::default();
    let ewt = read_ud(&seg.join("ud_ewt_dev.jsonl.gz"));
    let gum = read_ud(&seg.join("ud_gum_dev.jsonl.gz"));
    let want = |s: &str| errors.filter(|_| only.as_deref().is_none_or(|o| o == s));

    let ewt_refs: Vec<&Doc> = ewt.iter().collect();
    let gum_refs: Vec<&Doc> = gum.iter().collect();
    let news_refs: Vec<&Doc> = gum.iter().filter(|d| d.genre == "news").collect();
    let ce = score(&splitter, &ewt_refs, "ewt", want("ewt"));
    let cg = score(&splitter, &gum_refs, "gum", want("gum"));
    let cn = score(&splitter, &news_refs, "news", want("news"));
    let all = Counts {
        tp: ce.tp + cg.tp,
        fp: ce.fp + cg.fp,
        fn_: ce.fn_ + cg.fn_,
    };
    for (name, c) in [
        ("UD dev EWT+GUM", &all),
        ("  EWT dev", &ce),
        ("  GUM dev", &cg),
        ("GUM news dev", &cn),
    ] {
        let (p, r, f) = c.prf();
        println!(
            "{name:16} F1 {f:6.2}  P {p:6.2}  R {r:6.2}  (tp {} fp {} fn {})",
            c.tp, c.fp, c.fn_
        );
    }

    // Golden Rules.
    let mut passed = 0;
    let mut total = 0;
    for l in read_lines(&seg.join("golden_rules_en.jsonl")) {
        let v: Value = serde_json::from_str(&l).expect("json");
        let text = v["text"].as_str().unwrap_or("");
        let gold: Vec<String> = v["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().unwrap_or("").trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        let pred: Vec<String> = splitter
            .split(text)
            .iter()
            .map(|s| s.as_str(text).trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        total += 1;
        if pred == gold {
            passed += 1;
        } else {
            println!(
                "Golden Rules FAIL {}: {}",
                v["id"].as_str().unwrap_or(""),
                v["title"].as_str().unwrap_or("")
            );
            println!("   gold {gold:?}");
            println!("   pred {pred:?}");
        }
    }
    println!("Golden Rules: {passed}/{total}");

    // Seeds and the news development sets: gold sentences found exactly.
    for (name, dir) in [
        ("Seeds", data.join("seeds")),
        ("News venezuela", data.join("news").join("venezuela")),
        ("News syria", data.join("news").join("syria")),
    ] {
        let (found, total) = exact_sentences(&splitter, &dir, errors.is_some());
        println!("{name}: {found}/{total} sentences exact");
    }

    // Throughput on the UD dev text repeated to ~10 MB.
    let mut base = String::new();
    for d in ewt.iter().chain(gum.iter()) {
        base.push_str(&d.text);
        base.push_str("\n\n");
    }
    let mut big = String::with_capacity(10_500_000);
    while big.len() < 10_000_000 {
        big.push_str(&base);
    }
    let mut best = f64::MAX;
    let mut count = 0;
    for _ in 0..5 {
        let t = Instant::now();
        count = splitter.split(&big).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "Throughput: {:.0} MB/s ({:.1} MB, {count} sentences, best of 5)",
        big.len() as f64 / 1e6 / best,
        big.len() as f64 / 1e6
    );
}
