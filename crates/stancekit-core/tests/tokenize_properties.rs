//! Property tests of the tokenizer's coverage guarantee: for any `&str` (control characters,
//! NUL, multi-byte text, emoji, punctuation soup), both configurations return spans that are
//! in order, non-overlapping, non-empty, on char boundaries, free of separators (whitespace,
//! control characters, ignorable format characters such as the BOM or bidirectional marks),
//! and together cover every other character exactly once.

use proptest::prelude::*;
use stancekit_core::tokenize::is_separator as is_gap;
use stancekit_core::{Token, Tokenizer, TokenizerConfig};

fn check(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let mut covered = 0usize; // end of the previous token
    for t in tokens {
        let (s, e) = (t.span.start, t.span.end);
        prop_assert!(s < e, "empty span {:?}", t.span);
        prop_assert!(s >= covered, "span {:?} overlaps or goes backwards", t.span);
        prop_assert!(e <= text.len());
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        // Everything between tokens is separators.
        prop_assert!(
            text[covered..s].chars().all(is_gap),
            "uncovered text {:?}",
            &text[covered..s]
        );
        prop_assert!(
            !text[s..e].chars().any(is_gap),
            "separator inside token {:?}",
            &text[s..e]
        );
        covered = e;
    }
    prop_assert!(
        text[covered..].chars().all(is_gap),
        "uncovered tail {:?}",
        &text[covered..]
    );
    Ok(())
}

fn tokenizers() -> [Tokenizer; 2] {
    [
        Tokenizer::default(),
        TokenizerConfig { split_clitics: false }.build().expect("valid"),
    ]
}

/// Text built from the characters the scanner treats specially.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Z",
        "é",
        "ß",
        "中",
        "٣",
        "5",
        "0",
        " ",
        "\n",
        "\t",
        "\u{0}",
        "\u{85}",
        "\u{a0}",
        "\u{3000}",
        "\u{7f}",
        ".",
        ",",
        ":",
        ";",
        "!",
        "?",
        "…",
        "'",
        "’",
        "‘",
        "`",
        "\"",
        "“",
        "”",
        "-",
        "–",
        "—",
        "/",
        "\\",
        "@",
        "#",
        "$",
        "%",
        "&",
        "+",
        "=",
        "<",
        ">",
        "(",
        ")",
        "[",
        "_",
        "*",
        "^",
        "~",
        "|",
        "http://",
        "www.",
        "mailto:",
        ".com",
        "n't",
        "'s",
        "U.S.",
        "Mr.",
        "etc.",
        "e.g.",
        "non-",
        "can",
        "not",
        "its",
        "👍",
        "🏽",
        "\u{200d}",
        "❤",
        "\u{fe0f}",
        "🇻",
        "🇪",
        "\u{301}",
        "\u{feff}",
        "\u{ad}",
        "क",
        "\u{94d}",
        ":)",
        "<3",
        "1,000",
        "3.5",
        "5:30",
        "713-",
        "pm",
        "The",
        "We",
        "\u{200b}",
        "\u{200e}",
        "\u{202c}",
        "\u{2066}",
        "\u{2069}",
        "\u{2060}",
        "\u{61c}",
        "\u{9f}",
        "ssh://",
        "svn+ssh://",
        "git@h.io:r",
        "(D-",
        ".)",
        "world.Today",
        ":/",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn any_string_is_covered(text in any::<String>()) {
        for tok in tokenizers() {
            check(&text, &tok.tokenize(&text))?;
        }
    }

    #[test]
    fn tricky_strings_are_covered(text in tricky_text()) {
        for tok in tokenizers() {
            check(&text, &tok.tokenize(&text))?;
        }
    }

    #[test]
    fn tokenize_into_matches_tokenize(text in tricky_text(), prefix in tricky_text()) {
        let tok = Tokenizer::default();
        let mut out = tok.tokenize(&prefix);
        let n = out.len();
        tok.tokenize_into(&text, &mut out);
        prop_assert_eq!(&out[n..], &tok.tokenize(&text)[..]);
    }
}

#[test]
fn huge_inputs_do_not_blow_up() {
    let tok = Tokenizer::default();
    // A 10 MB run of letters, one million dots, a long URL, a long e-mail-like run.
    let letters = "x".repeat(10_000_000);
    assert_eq!(tok.tokenize(&letters).len(), 1);
    let dots = ".".repeat(1_000_000);
    check(&dots, &tok.tokenize(&dots)).unwrap();
    let url = format!("https://example.com/{}", "seg-ment/".repeat(300_000));
    assert_eq!(tok.tokenize(&url).len(), 1);
    let mixed = "a.b-c'd@e,1:2/".repeat(200_000);
    check(&mixed, &tok.tokenize(&mixed)).unwrap();
    let marks = "\u{301}".repeat(500_000);
    assert_eq!(tok.tokenize(&marks).len(), 1);
    // Asides, schemes and missing spaces without any space: still linear.
    let asides = "(D-Mass.)(a.)".repeat(200_000);
    check(&asides, &tok.tokenize(&asides)).unwrap();
    let schemes = "x+y.z://a@b.co:p/".repeat(100_000);
    check(&schemes, &tok.tokenize(&schemes)).unwrap();
    let glued = "end.Then".repeat(200_000);
    check(&glued, &tok.tokenize(&glued)).unwrap();
}
