//! Evaluates the word tokenizer against UD English EWT and GUM dev (dev tool, not shipped).
//!
//! ```text
//! cargo run -p stancekit-core --profile iterate --example eval_tokens -- [DATA_DIR] [--errors N] [--train]
//! ```
//!
//! `DATA_DIR` defaults to `../shared/data` (the shared data folder seen from the repository
//! root). Prints exact char-span precision, recall and F1 against UD syntactic words (EWT,
//! GUM, combined, micro-averaged), F1 against UD surface tokens with `split_clitics=false`,
//! and throughput on the dev text repeated to about 10 MB. `--errors N` prints the N most
//! frequent disagreements as `gold => predicted` segmentations of whitespace-free chunks.
//! `--train` evaluates on EWT train instead (for tuning without looking at dev); `--set
//! ud_gum_train,ud_ewt_dev` on any of the shared files (evaluation only: GUM is
//! non-commercial, never tune word lists on it);
//! `--speed-only` skips the scores and times 40 runs (for profiling); `--show FILE` prints the
//! tokens of a text file separated by ` | ` and exits.

use flate2::read::GzDecoder;
use serde_json::Value;
use stancekit_core::{span::byte_to_char_offsets, Tokenizer, TokenizerConfig};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Doc {
    text: String,
    words: Vec<(usize, usize)>,
    tokens: Vec<(usize, usize)>,
}

fn spans(v: &Value) -> Vec<(usize, usize)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| Some((p.get(0)?.as_u64()? as usize, p.get(1)?.as_u64()? as usize)))
                .collect()
        })
        .unwrap_or_default()
}

fn load(path: &Path) -> Vec<Doc> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    BufReader::new(GzDecoder::new(file))
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(&line.expect("readable line")).expect("JSON");
            Doc {
                text: v["text"].as_str().unwrap_or_default().to_owned(),
                words: spans(&v["words"]),
                tokens: spans(&v["tokens"]),
            }
        })
        .collect()
}

/// Predicted spans in code points.
fn predict(tok: &Tokenizer, text: &str) -> Vec<(usize, usize)> {
    let tokens = tok.tokenize(text);
    let mut offs: Vec<usize> = tokens.iter().flat_map(|t| [t.span.start, t.span.end]).collect();
    byte_to_char_offsets(text, &mut offs);
    offs.chunks(2).map(|c| (c[0], c[1])).collect()
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    gold: usize,
    pred: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.gold += o.gold;
        self.pred += o.pred;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / self.pred.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }
}

fn score(pred: &[(usize, usize)], gold: &[(usize, usize)]) -> Score {
    let g: HashSet<_> = gold.iter().collect();
    Score {
        tp: pred.iter().filter(|s| g.contains(s)).count(),
        gold: gold.len(),
        pred: pred.len(),
    }
}

/// Records `gold => predicted` for every whitespace-free chunk where they differ.
fn errors(text: &str, pred: &[(usize, usize)], gold: &[(usize, usize)], out: &mut HashMap<String, usize>) {
    let chars: Vec<char> = text.chars().collect();
    let render = |spans: &[(usize, usize)], a: usize, b: usize| -> String {
        spans
            .iter()
            .filter(|s| s.0 >= a && s.1 <= b)
            .map(|s| chars[s.0..s.1].iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("|")
    };
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let a = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        let (g, p) = (render(gold, a, i), render(pred, a, i));
        if g != p {
            *out.entry(format!("{g}  =>  {p}")).or_default() += 1;
        }
    }
}

/// Nanoseconds this thread has run on a CPU (Linux), to measure speed on a busy machine.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn find_data(arg: Option<&String>) -> PathBuf {
    let candidates: Vec<PathBuf> = match arg {
        Some(a) => vec![PathBuf::from(a)],
        None => [
            "../shared/data",
            "../../shared/data",
            "../../../shared/data",
            "/work/shared/data",
        ]
        .iter()
        .map(PathBuf::from)
        .collect(),
    };
    candidates
        .into_iter()
        .find(|p| p.join("segmentation").is_dir())
        .expect("shared data folder with segmentation/ (pass DATA_DIR)")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut n_errors = 0usize;
    let mut train = false;
    let mut speed_only = false;
    let mut sets_arg: Vec<String> = Vec::new();
    let mut data_arg = None;
    let mut k = 0;
    while k < args.len() {
        match args[k].as_str() {
            "--errors" => {
                k += 1;
                n_errors = args.get(k).and_then(|s| s.parse().ok()).unwrap_or(40);
            }
            "--train" => train = true,
            "--set" => {
                k += 1;
                sets_arg.extend(
                    args.get(k)
                        .into_iter()
                        .flat_map(|a| a.split(','))
                        .map(str::to_owned),
                );
            }
            "--speed-only" => speed_only = true,
            "--show" => {
                k += 1;
                let path = args.get(k).expect("--show needs a file");
                let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
                let tok = Tokenizer::default();
                let shown: Vec<&str> = tok.tokenize(&text).iter().map(|t| t.span.as_str(&text)).collect();
                println!("{}", shown.join(" | "));
                return;
            }
            _ => data_arg = Some(&args[k]),
        }
        k += 1;
    }
    let seg = find_data(data_arg).join("segmentation");
    let sets: Vec<(&str, Vec<Doc>)> = if !sets_arg.is_empty() {
        sets_arg
            .iter()
            .map(|name| (name.as_str(), load(&seg.join(format!("{name}.jsonl.gz")))))
            .collect()
    } else if train {
        vec![("EWT train", load(&seg.join("ud_ewt_train.jsonl.gz")))]
    } else {
        vec![
            ("EWT dev", load(&seg.join("ud_ewt_dev.jsonl.gz"))),
            ("GUM dev", load(&seg.join("ud_gum_dev.jsonl.gz"))),
        ]
    };
    let words_tok = Tokenizer::default();
    let surface_tok = TokenizerConfig { split_clitics: false }
        .build()
        .expect("valid config");

    let mut all_w = Score::default();
    let mut all_t = Score::default();
    let mut errs: HashMap<String, usize> = HashMap::new();
    let mut surface_errs: HashMap<String, usize> = HashMap::new();
    for (name, docs) in sets.iter().filter(|_| !speed_only) {
        let (mut w, mut t) = (Score::default(), Score::default());
        for d in docs {
            let pw = predict(&words_tok, &d.text);
            w.add(score(&pw, &d.words));
            let pt = predict(&surface_tok, &d.text);
            t.add(score(&pt, &d.tokens));
            if n_errors > 0 {
                errors(&d.text, &pw, &d.words, &mut errs);
                errors(&d.text, &pt, &d.tokens, &mut surface_errs);
            }
        }
        let (p, r, f) = w.prf();
        let (_, _, ft) = t.prf();
        println!(
            "{name:10} words: F1 {f:6.2}  P {p:6.2}  R {r:6.2}  ({} gold)   surface tokens (split_clitics=false): F1 {ft:6.2}",
            w.gold
        );
        all_w.add(w);
        all_t.add(t);
    }
    if !speed_only {
        let (p, r, f) = all_w.prf();
        let (tp, tr, tf) = all_t.prf();
        println!(
            "combined   words: F1 {f:6.2}  P {p:6.2}  R {r:6.2}  ({} gold)",
            all_w.gold
        );
        println!(
            "combined   surface tokens: F1 {tf:6.2}  P {tp:6.2}  R {tr:6.2}  ({} gold)",
            all_t.gold
        );
    }

    // Throughput on the text repeated to about 10 MB.
    let mut big = String::new();
    let joined: String = sets
        .iter()
        .flat_map(|(_, docs)| docs.iter().map(|d| d.text.as_str()))
        .collect::<Vec<_>>()
        .join("\n\n");
    while big.len() < 10_000_000 {
        big.push_str(&joined);
        big.push_str("\n\n");
    }
    let mut out = Vec::new();
    let mut times = Vec::new();
    let mut cpu_times = Vec::new();
    let runs = if speed_only { 40 } else { 7 };
    for _ in 0..runs {
        out.clear();
        let c0 = thread_cpu_ns();
        let t0 = Instant::now();
        words_tok.tokenize_into(&big, &mut out);
        times.push(t0.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, thread_cpu_ns()) {
            cpu_times.push((c1 - c0) as f64 / 1e9);
        }
    }
    times.sort_by(f64::total_cmp);
    cpu_times.sort_by(f64::total_cmp);
    let mb = big.len() as f64 / 1e6;
    let cpu = match (cpu_times.first(), cpu_times.get(cpu_times.len() / 2)) {
        (Some(best), Some(median)) => format!(
            "; per CPU-second of this thread: best {:.1}, median {:.1} MB/s",
            mb / best,
            mb / median
        ),
        _ => String::new(),
    };
    println!(
        "throughput: wall best {:.1}, median {:.1} MB/s{cpu} ({mb:.1} MB, {} tokens, {runs} runs, tokenize_into with a reused Vec)",
        mb / times[0],
        mb / times[times.len() / 2],
        out.len()
    );

    if n_errors > 0 {
        for (title, map) in [("words", &errs), ("surface tokens", &surface_errs)] {
            let mut v: Vec<_> = map.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            println!("\nmost frequent {title} errors (gold  =>  predicted):");
            for (k, c) in v.into_iter().take(n_errors) {
                println!("{c:5}  {k}");
            }
        }
    }
}
