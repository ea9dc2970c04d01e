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
fn simple_sentences() {
    assert_eq!(
        texts("Hello World. My name is Jonas."),
        ["Hello World.", "My name is Jonas."]
    );
    assert_eq!(
        texts("What is it? I found it! Done."),
        ["What is it?", "I found it!", "Done."]
    );
    assert_eq!(texts("Hello?! Is that you?"), ["Hello?!", "Is that you?"]);
    assert!(texts("").is_empty());
    assert!(texts(" \n\u{a0}\t ").is_empty());
}

#[test]
fn abbreviations_and_initials() {
    assert_eq!(
        texts("Mr. Smith met Gen. Lopez on Feb. 8, 2019."),
        ["Mr. Smith met Gen. Lopez on Feb. 8, 2019."]
    );
    assert_eq!(
        texts("I work for the U.S. Government in Virginia."),
        ["I work for the U.S. Government in Virginia."]
    );
    assert_eq!(
        texts("I live in the U.S. How about you?"),
        ["I live in the U.S.", "How about you?"]
    );
    assert_eq!(
        texts("My name is Jonas E. Smith."),
        ["My name is Jonas E. Smith."]
    );
    assert_eq!(
        texts("We make a good team, you and I. Did you see Albert I. Jones yesterday?"),
        [
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?"
        ]
    );
    assert_eq!(
        texts("Guaido shows marks to supporters at a rally in Caraballeda Sunday Jan. 13 2019. The new head of congress was pulled from"),
        ["Guaido shows marks to supporters at a rally in Caraballeda Sunday Jan. 13 2019.", "The new head of congress was pulled from"]
    );
    assert_eq!(texts("Please turn to p. 55."), ["Please turn to p. 55."]);
}

#[test]
fn times() {
    assert_eq!(
        texts("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store."),
        ["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."]
    );
    assert_eq!(
        texts("The vote opens at 9 a.m. Monday in Caracas."),
        ["The vote opens at 9 a.m. Monday in Caracas."]
    );
}

#[test]
fn numbers_and_addresses() {
    assert_eq!(
        texts("She has $100.00. It is in her bag."),
        ["She has $100.00.", "It is in her bag."]
    );
    assert_eq!(
        texts("Her email is Jane.Doe@example.com. I sent her an email."),
        ["Her email is Jane.Doe@example.com.", "I sent her an email."]
    );
    assert_eq!(texts("Growth was 3.5 percent."), ["Growth was 3.5 percent."]);
}

#[test]
fn quotes() {
    assert_eq!(
        texts("She turned to him, \"This is great.\" she said."),
        ["She turned to him, \"This is great.\" she said."]
    );
    assert_eq!(
        texts("\"I am the only president of Venezuela\", Maduro said. \"The other one is not.\""),
        [
            "\"I am the only president of Venezuela\", Maduro said.",
            "\"The other one is not.\""
        ]
    );
    assert_eq!(
        texts("\"Why are you here?\" I asked."),
        ["\"Why are you here?\" I asked."]
    );
    assert_eq!(
        texts("\u{2018}If not, it ends,\u{2019} he added."),
        ["\u{2018}If not, it ends,\u{2019} he added."]
    );
}

#[test]
fn ellipses() {
    assert_eq!(
        texts("Troops may disobey. \"You're deaf... They've taken extremist positions\"."),
        [
            "Troops may disobey.",
            "\"You're deaf... They've taken extremist positions\"."
        ]
    );
    assert_eq!(
        texts("He called it \"an emergency ... a crisis\", on Monday."),
        ["He called it \"an emergency ... a crisis\", on Monday."]
    );
    assert_eq!(
        texts("I never meant that.... She left the store."),
        ["I never meant that....", "She left the store."]
    );
}

#[test]
fn names_with_exclamation_marks() {
    assert_eq!(
        texts("She works at Yahoo! in the accounting department."),
        ["She works at Yahoo! in the accounting department."]
    );
}

#[test]
fn lists_and_bullets() {
    assert_eq!(
        texts("1.) The first item 2.) The second item"),
        ["1.) The first item", "2.) The second item"]
    );
    assert_eq!(
        texts("1) The first item. 2) The second item."),
        ["1) The first item.", "2) The second item."]
    );
    assert_eq!(
        texts("a. The first item b. The second item c. The third"),
        ["a. The first item", "b. The second item", "c. The third"]
    );
    assert_eq!(
        texts("\u{2022} 9. The first item \u{2022} 10. The second item"),
        ["\u{2022} 9. The first item", "\u{2022} 10. The second item"]
    );
}

#[test]
fn lines_and_paragraphs() {
    let doc = "Maduro removes tonnes of gold from central bank\n\nUS Criticizes Guaido\n\nThe six include a general. He left.\n\nLatest News";
    assert_eq!(
        texts(doc),
        [
            "Maduro removes tonnes of gold from central bank",
            "US Criticizes Guaido",
            "The six include a general.",
            "He left.",
            "Latest News"
        ]
    );
    // A headline line ends at a single line break; wrapped running text does not.
    assert_eq!(
        texts("Venezuela Crisis Deepens\nThe army said on Monday"),
        ["Venezuela Crisis Deepens", "The army said on Monday"]
    );
    assert_eq!(
        texts("The government said on Monday that the\nborder would stay closed."),
        ["The government said on Monday that the\nborder would stay closed."]
    );
    // A short headline with an inner period stays one sentence.
    assert_eq!(
        texts("Venezuela in Uncertainty. Here\u{2019}s What to Know\n\nText."),
        ["Venezuela in Uncertainty. Here\u{2019}s What to Know", "Text."]
    );
    assert_eq!(texts("Hi there\r\n\r\nSecond"), ["Hi there", "Second"]);
}

#[test]
fn news_furniture() {
    let doc = "Venezuela crisis deepens amid the growing uncertainty. Here\u{2019}s what to know\nBy Eleanor Harrison\n\
               CARACAS (Reuters) - The army said it would\nblock the bridge. \"We will not stop,\" he said.\n\
               - First point\n- Second point";
    assert_eq!(
        texts(doc),
        [
            "Venezuela crisis deepens amid the growing uncertainty. Here\u{2019}s what to know",
            "By Eleanor Harrison",
            "CARACAS (Reuters) - The army said it would\nblock the bridge.",
            "\"We will not stop,\" he said.",
            "- First point",
            "- Second point"
        ]
    );
    // A short lower-case fragment after a sentence is not a headline.
    assert_eq!(
        texts("No meat on the burger. no place to sit"),
        ["No meat on the burger.", "no place to sit"]
    );
}

#[test]
fn citations_attach_to_their_sentence() {
    assert_eq!(
        texts("He left in 1805. [6] An undistinguished start."),
        ["He left in 1805. [6]", "An undistinguished start."]
    );
}

#[test]
fn spans_are_trimmed_byte_offsets() {
    let text = "\u{a0} Guaid\u{f3} spoke.\u{a0}\u{a0}He left. ";
    let spans = SentenceSplitter::default().split(text);
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[0].as_str(text), "Guaid\u{f3} spoke.");
    assert_eq!(spans[1].as_str(text), "He left.");
    assert_eq!(spans[0].start, 3);
}

#[test]
fn pathological_inputs() {
    let dots = ".".repeat(100_000);
    assert_eq!(texts(&dots), [dots.as_str()]);
    let spaced = ". ".repeat(50_000);
    assert_eq!(texts(&spaced).concat().len(), spaced.trim_end().len());
    assert!(texts(&"\n".repeat(1_000_000)).is_empty());
    let nul = "\0".repeat(1000);
    assert_eq!(texts(&nul).len(), 1);
    let many = "A. ".repeat(100_000);
    assert!(!texts(&many).is_empty());
    let quotes = "\"a... B ".repeat(20_000);
    assert!(!texts(&quotes).is_empty());
}

#[test]
fn config_round_trip_and_extras() {
    let splitter = SentenceSplitterConfig {
        extra_abbreviations: vec!["Gouv".into()],
    }
    .build()
    .unwrap();
    let text = "He met Gouv. Legault today.";
    assert_eq!(splitter.split(text).len(), 1);
    assert_eq!(SentenceSplitter::default().split(text).len(), 2);
    let back = SentenceSplitter::from_json(&splitter.to_json()).unwrap();
    assert_eq!(back.config(), splitter.config());
    assert!(SentenceSplitterConfig {
        extra_abbreviations: vec![" ".into()]
    }
    .build()
    .is_err());
    assert!(SentenceSplitterConfig {
        extra_abbreviations: vec!["a b".into()]
    }
    .build()
    .is_err());
    assert!(
        SentenceSplitter::from_json(r#"{"type":"SentenceSplitter","version":1,"config":{"bogus":1}}"#)
            .is_err()
    );
}
