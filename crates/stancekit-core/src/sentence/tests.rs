//! Unit tests of the sentence splitter.

use super::*;

fn texts(text: &str) -> Vec<&str> {
    SentenceSplitter::default()
        .split(text)
        .iter()
        .map(|s| s.as_str(text))
        .collect()
}

#[test]
fn simple() {
    assert_eq!(texts("Hello World. My name is Jonas."), ["Hello World.", "My name is Jonas."]);
}
