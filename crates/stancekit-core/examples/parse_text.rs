//! Prints the parse of each argument (one word a line: index, form, lemma, UPOS, XPOS, head,
//! relation, sentence), for looking at what the parser and the stance engine see; with
//! `STANCE_TARGETS` set, also the triples of the stance engine v2.
//!
//! ```sh
//! cargo run -p stancekit-core --profile iterate --example parse_text -- "Peru backs Rivera."
//! ```

use stancekit_core::stance_v2::{StanceTagger, StanceTaggerConfig};
use stancekit_core::syntax::Parser;
use std::collections::BTreeMap;

fn main() {
    let parser = Parser::default();
    // Optional: STANCE_TARGETS='Name=alias,alias;Name2=alias' tags the texts with stance v2.
    let tagger: Option<StanceTagger> = std::env::var("STANCE_TARGETS").ok().map(|spec| {
        let targets: BTreeMap<String, Vec<String>> = spec
            .split(';')
            .filter_map(|t| t.split_once('='))
            .map(|(n, a)| (n.to_owned(), a.split(',').map(str::to_owned).collect()))
            .collect();
        StanceTagger::new(StanceTaggerConfig {
            targets: Some(targets),
            ..Default::default()
        })
        .expect("targets")
    });
    for text in std::env::args().skip(1) {
        let words = parser.parse(&text);
        for (i, w) in words.iter().enumerate() {
            let head = w.head.map_or_else(|| "-".to_owned(), |h| h.to_string());
            println!(
                "{i}\t{}\t{}\t{}\t{}\t{head}\t{}\t{}",
                w.span.as_str(&text),
                w.lemma_str(&text),
                parser.upos(w),
                parser.xpos(w),
                parser.deprel(w),
                w.sentence
            );
        }
        if let Some(t) = &tagger {
            for s in t.tag(&text) {
                println!(
                    "=> {} {} {} | {} | {}",
                    s.holder,
                    s.stance.as_str(),
                    s.target,
                    s.cue_span.as_str(&text),
                    s.rule
                );
            }
        }
        println!();
    }
}
