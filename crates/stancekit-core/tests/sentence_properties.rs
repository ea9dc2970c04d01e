//! Property tests of the sentence splitter: any input, no panic, and the spans tile the text;
//! separators (whitespace, controls, ignorable format characters) never stand at a sentence's
//! edge and act as spaces.

use proptest::prelude::*;
use stancekit_core::tokenize::is_separator as is_ws;
use stancekit_core::{SentenceSplitter, SentenceSplitterConfig, Span};

fn check(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut prev = 0;
    for s in spans {
        prop_assert!(s.start < s.end, "empty span {s:?}");
        prop_assert!(s.end <= text.len(), "out of bounds {s:?}");
        prop_assert!(s.start >= prev, "overlap or disorder at {s:?}");
        prop_assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "not on char boundaries {s:?}"
        );
        let sent = &text[s.start..s.end];
        prop_assert!(
            !sent.starts_with(is_ws) && !sent.ends_with(is_ws),
            "untrimmed {sent:?}"
        );
        prop_assert!(
            text[prev..s.start].chars().all(is_ws),
            "visible text between sentences: {:?}",
            &text[prev..s.start]
        );
        prev = s.end;
    }
    prop_assert!(
        text[prev..].chars().all(is_ws),
        "visible text after the last sentence: {:?}",
        &text[prev..]
    );
    Ok(())
}

/// Pieces that exercise the rules: abbreviations, quotes, lists, ellipses, line breaks, addresses.
const PIECES: &[&str] = &[
    ".",
    "..",
    "...",
    ". . .",
    "?",
    "!",
    "!?",
    "\u{2026}",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{1c}",
    "\0",
    "\u{7}",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "\u{2019}",
    "(",
    ")",
    "[",
    "]",
    "[12]",
    "U.S.",
    "Mr.",
    "Gen.",
    "Feb.",
    "No.",
    "Inc.",
    "a.m.",
    "P.M.",
    "e.g.",
    "I.",
    "E.",
    "p.",
    "1.",
    "2.",
    "1.)",
    "2)",
    "a.",
    "b.",
    "\u{2022}",
    "\u{2043}",
    "Yahoo!",
    "The",
    "He",
    "said",
    "asked",
    "I",
    "word",
    "Venezuela",
    "Guaid\u{f3}",
    "\u{e9}",
    "\u{1f600}",
    "3.5",
    "$100.00",
    "N\u{b0}.",
    "@",
    "joe@example.com",
    "http://x.org/a.b",
    "08/16/2000 03:14 PM",
    ":",
    "Hi,",
    "Regards,",
    "-",
    "\u{2014}",
    "4",
    "x",
    // Separators that are not whitespace: controls and ignorable format characters.
    "\u{feff}",
    "\u{200b}",
    "\u{200e}",
    "\u{202c}",
    "\u{2066}",
    "\u{2069}",
    "\u{7f}",
    "\u{9f}",
    // Joiners, which are not separators.
    "\u{200d}",
    "\u{ad}",
    // Issue 11 rules: fragments, learned abbreviation ends, names with `!`, separator lines.
    "etc.",
    "Ph.D.",
    "Mass.",
    "ET.",
    "Others",
    "was",
    "med.",
    "tbsp.",
    "then",
    "the",
    "on",
    "(see.",
    "--",
    "voila!",
    "***",
    "=====",
    ":)",
    "world.Today",
    "http://x.org",
    "Syrian",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn sentence_tiles_any_string(text in any::<String>()) {
        let spans = SentenceSplitter::default().split(&text);
        check(&text, &spans)?;
    }

    #[test]
    fn sentence_tiles_rule_pieces(text in pieces()) {
        let spans = SentenceSplitter::default().split(&text);
        check(&text, &spans)?;
    }

    #[test]
    fn sentence_tiles_control_and_multibyte(text in "[\\x00-\\x20.?!\"'()\\[\\]\u{a0}\u{2026}\u{201c}\u{201d}\u{2022}\u{2028}\u{2029}aZ1é😀]{0,60}") {
        let spans = SentenceSplitter::default().split(&text);
        check(&text, &spans)?;
    }

    #[test]
    fn sentence_tiles_with_extra_abbreviations(text in pieces()) {
        let splitter = SentenceSplitterConfig { extra_abbreviations: vec!["word".into(), "Gov".into()] }
            .build()
            .expect("valid config");
        check(&text, &splitter.split(&text))?;
    }

    #[test]
    fn leading_separators_only_shift_the_spans(text in pieces(), sep in prop::sample::select(vec![" ", "\u{feff}", "\0", "\u{200b}", "\u{202a}\u{7f}"])) {
        let splitter = SentenceSplitter::default();
        let shifted: Vec<Span> = splitter
            .split(&text)
            .iter()
            .map(|s| Span::new(s.start + sep.len(), s.end + sep.len()))
            .collect();
        let prefixed = format!("{sep}{text}");
        prop_assert_eq!(splitter.split(&prefixed), shifted);
    }

    #[test]
    fn a_dateline_ends_on_a_character_inside_the_sentence(text in "[A-Z \\t,.()\\-\u{2014}\u{2013}/'a1\"\u{e9}\u{c9}😀]{0,200}") {
        let n = stancekit_core::sentence::dateline_len(&text);
        prop_assert!(n <= text.len() && text.is_char_boundary(n));
        prop_assert!(n == 0 || n < text.len(), "a dateline with no story after it: {text:?}");
    }

    #[test]
    fn separators_alone_make_no_sentence(text in "[\\x00-\\x20\\x7f\u{85}\u{9f}\u{a0}\u{200b}\u{200e}\u{200f}\u{202a}-\u{202e}\u{2060}\u{2066}-\u{2069}\u{feff}\u{2028}\u{2029}]{0,40}") {
        prop_assert!(SentenceSplitter::default().split(&text).is_empty());
    }

    #[test]
    fn sentence_json_round_trip_splits_the_same(text in pieces()) {
        let a = SentenceSplitter::default();
        let b = SentenceSplitter::from_json(&a.to_json()).expect("round trip");
        prop_assert_eq!(a.split(&text), b.split(&text));
    }
}
