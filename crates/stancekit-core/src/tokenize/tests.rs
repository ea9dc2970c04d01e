//! Unit tests of the tokenizer conventions.

use super::*;

fn toks(text: &str) -> Vec<&str> {
    Tokenizer::default()
        .tokenize(text)
        .iter()
        .map(|t| t.span.as_str(text))
        .collect()
}

#[test]
fn clitics() {
    assert_eq!(toks("Venezuela's leader didn't go."), ["Venezuela", "'s", "leader", "did", "n't", "go", "."]);
}
