//! Property tests of the stance tagger: no panic on any string; every span in bounds, on char
//! boundaries and inside its sentence; classify never panics. Both engines.

use proptest::prelude::*;
use stancekit_core::stance::{StanceEngine, StanceTagger, StanceTaggerConfig};
use stancekit_core::Span;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn tagger() -> &'static StanceTagger {
    static T: OnceLock<StanceTagger> = OnceLock::new();
    T.get_or_init(|| config(StanceEngine::Rules).build().unwrap())
}

/// The same targets on the parse-based engine.
fn syntax_tagger() -> &'static StanceTagger {
    static T: OnceLock<StanceTagger> = OnceLock::new();
    T.get_or_init(|| config(StanceEngine::Syntax).build().unwrap())
}

/// The default tagger: the combined engine, every actor a target.
fn default_tagger() -> &'static StanceTagger {
    static T: OnceLock<StanceTagger> = OnceLock::new();
    T.get_or_init(StanceTagger::default)
}

fn config(engine: StanceEngine) -> StanceTaggerConfig {
    let mut t = BTreeMap::new();
    t.insert("Nicolas Maduro".to_owned(), vec!["Maduro".to_owned()]);
    t.insert(
        "Juan Guaido".to_owned(),
        vec!["Guaido".to_owned(), "Guaidó".to_owned()],
    );
    t.insert(
        "United States".to_owned(),
        vec!["US".to_owned(), "U.S.".to_owned()],
    );
    StanceTaggerConfig {
        targets: Some(t),
        engine,
        ..Default::default()
    }
}

fn check(text: &str, t: &StanceTagger) {
    let sentences = t.sentences(text);
    for s in t.tag(text) {
        let sent = s.sentence;
        assert!(sent.start <= sent.end && sent.end <= text.len());
        assert!(sentences.contains(&sent), "{sent:?} is not one of {sentences:?}");
        for sp in [Some(s.cue_span), s.holder_span, s.target_span]
            .into_iter()
            .flatten()
        {
            assert!(sp.start <= sp.end, "{sp:?}");
            assert!(
                sp.start >= sent.start && sp.end <= sent.end,
                "{sp:?} outside {sent:?}"
            );
            assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        }
        assert!((0.0..=1.0).contains(&s.score));
        assert!(!s.rule.is_empty());
    }
}

const WORDS: &[&str] = &[
    "Maduro",
    "Guaidó",
    "US",
    "U.S.",
    "Russia",
    "Bolivia",
    "the",
    "and",
    ",",
    ".",
    "was",
    "supported",
    "by",
    "recognised",
    "backed",
    "not",
    "never",
    "refused",
    "to",
    "recognize",
    "\"",
    "“",
    "”",
    "’s",
    "said",
    "he",
    "it",
    "except",
    "for",
    "(",
    ")",
    "-backed",
    "pro-",
    "sanctions",
    "on",
    "against",
    "instead",
    "of",
    "supporters",
    "condemned",
    "coup",
    "illegitimate",
    "\n",
    "😀",
    "Guaido",
    "who",
    "whose",
    "military",
    "20",
    "EU",
    "nations",
    "among",
    "were",
    "side",
    "with",
    "if",
    "unless",
    "spokesman",
    "critics",
    "neither",
    "nor",
    "his",
    "remained",
    "denied",
    "blocked",
    "resolution",
    "vetoed",
    "must",
    "go",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_string_is_safe(text in "\\PC{0,200}") {
        check(&text, tagger());
        check(&text, syntax_tagger());
        check(&text, default_tagger());
    }

    #[test]
    fn word_soup_is_safe(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..60)) {
        let text = words.join(" ");
        check(&text, tagger());
        check(&text, syntax_tagger());
        check(&text, default_tagger());
        let _ = stancekit_core::stance::most_mentioned_people(&[text.as_str()], 3);
    }

    #[test]
    fn classify_is_safe(text in "\\PC{0,120}", a in 0usize..130, b in 0usize..130) {
        let t = tagger();
        let _ = t.classify(&text, Span::new(a.min(b), a.max(b)));
    }
}
