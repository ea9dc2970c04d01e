//! Property tests of the parser: any input parses without panic into one tree per sentence whose
//! words index the text and match the tokenizer's words.

use proptest::prelude::*;
use stancekit_core::syntax::{Parser, ParserConfig, Word};
use stancekit_core::{SentenceSplitter, Tokenizer};
use std::sync::OnceLock;

fn parser() -> &'static Parser {
    static P: OnceLock<Parser> = OnceLock::new();
    P.get_or_init(|| {
        ParserConfig {
            max_sentence_words: 12,
            ..ParserConfig::default()
        }
        .build()
        .unwrap()
    })
}

fn check(text: &str, words: &[Word]) -> Result<(), TestCaseError> {
    // The words are the tokenizer's words of the splitter's sentences.
    let mut expected = Vec::new();
    for (i, s) in SentenceSplitter::default().split(text).iter().enumerate() {
        for t in Tokenizer::default().tokenize(s.as_str(text)) {
            expected.push((t.span.start + s.start, t.span.end + s.start, i as u32));
        }
    }
    let got: Vec<(usize, usize, u32)> = words
        .iter()
        .map(|w| (w.span.start, w.span.end, w.sentence))
        .collect();
    prop_assert_eq!(got, expected);
    for (i, w) in words.iter().enumerate() {
        prop_assert!(text.is_char_boundary(w.span.start) && text.is_char_boundary(w.span.end));
        if let Some(h) = w.head {
            prop_assert!(
                (h as usize) < words.len() && h as usize != i,
                "bad head {h} of word {i}"
            );
            prop_assert_eq!(
                words[h as usize].sentence,
                w.sentence,
                "head outside its sentence"
            );
        }
    }
    let n_sentences = words.last().map_or(0, |w| w.sentence as usize + 1);
    for s in 0..n_sentences as u32 {
        let members: Vec<usize> = (0..words.len()).filter(|&i| words[i].sentence == s).collect();
        prop_assert_eq!(
            members.iter().filter(|&&i| words[i].head.is_none()).count(),
            1,
            "one root per sentence"
        );
        for &i in &members {
            let mut at = i;
            let mut steps = 0;
            while let Some(h) = words[at].head {
                at = h as usize;
                steps += 1;
                prop_assert!(steps <= members.len(), "cycle through word {}", i);
            }
        }
    }
    Ok(())
}

const PIECES: &[&str] = &[
    "Russia",
    "backs",
    "Maduro",
    ".",
    ",",
    "the",
    "government",
    "was",
    "rejected",
    "by",
    "and",
    "\"",
    "(",
    ")",
    "!",
    "?",
    "\n\n",
    " ",
    "Mr.",
    "U.S.",
    "didn't",
    "'s",
    "—",
    "😀",
    "\u{fffd}",
    "e",
    "1,000",
    "http://x.io",
    "who",
    "said",
    "not",
    ";",
    ":",
    "-",
    "pro-Maduro",
    "\t",
    "É",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn syntax_any_string_parses_into_trees(text in "\\PC{0,60}") {
        let words = parser().parse(&text);
        check(&text, &words)?;
    }

    #[test]
    fn syntax_news_like_pieces_parse_into_trees(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..80)) {
        let text = pieces.join(" ");
        let words = parser().parse(&text);
        check(&text, &words)?;
    }
}
