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
        texts("Rivera waves to a crowd at a march in Valparaiso on Friday Feb. 21 2020. The acting mayor was heard saying"),
        ["Rivera waves to a crowd at a march in Valparaiso on Friday Feb. 21 2020.", "The acting mayor was heard saying"]
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
        texts("\"We are the only lawful council here\", Rivera said. \"The other one is not.\""),
        [
            "\"We are the only lawful council here\", Rivera said.",
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
        texts("Guards may walk out. \"Nobody listens... We have run out of patience\"."),
        [
            "Guards may walk out.",
            "\"Nobody listens... We have run out of patience\"."
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
    let doc = "Governor moves bullion out of state vault\n\nPanel Questions Rivera\n\nThe six include a general. He left.\n\nLatest News";
    assert_eq!(
        texts(doc),
        [
            "Governor moves bullion out of state vault",
            "Panel Questions Rivera",
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
    // A headline with an inner sentence end is two sentences; one with an abbreviation
    // before a capitalised word is one.
    assert_eq!(
        texts("Venezuela in Uncertainty. Here\u{2019}s What to Know\n\nText."),
        ["Venezuela in Uncertainty.", "Here\u{2019}s What to Know", "Text."]
    );
    assert_eq!(
        texts("Update At 9:15 a.m. ET. Talks Resume In Oslo\nThe talks resumed."),
        [
            "Update At 9:15 a.m. ET. Talks Resume In Oslo",
            "The talks resumed."
        ]
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
            "Venezuela crisis deepens amid the growing uncertainty.",
            "Here\u{2019}s what to know",
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
    assert!(texts(&nul).is_empty());
    let invisible = "\u{feff}\u{200b}\u{202c}\u{2066}".repeat(10_000);
    assert!(texts(&invisible).is_empty());
    let many = "A. ".repeat(100_000);
    assert!(!texts(&many).is_empty());
    let quotes = "\"a... B ".repeat(20_000);
    assert!(!texts(&quotes).is_empty());
    // The issue 11 rules stay linear: separator lines, emoticons, glued sentences, headlines.
    for unit in [
        "----- ",
        "-",
        "*~",
        "a-----b ",
        ":) A ",
        "end.Then ",
        "U.S. Will Go ",
        "etc. Tom was ",
        "X... Y ",
    ] {
        let text = unit.repeat(200_000);
        let spans = SentenceSplitter::default().split(&text);
        assert!(spans.iter().all(|s| s.end <= text.len()));
    }
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

// ----- issue 11: general rules ----------------------------------------------------------------

/// Asserts that each text splits into the given sentences.
fn check_all(cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        assert_eq!(texts(text), *want, "{text:?}");
    }
}

#[test]
fn a_final_fragment_in_a_line_is_a_sentence() {
    check_all(&[
        (
            "Shares fell 3%. Analysts were surprised",
            &["Shares fell 3%.", "Analysts were surprised"],
        ),
        ("This! That", &["This!", "That"]),
        (
            "Roses Are Red. Violets Are Blue",
            &["Roses Are Red.", "Violets Are Blue"],
        ),
        (
            "The vote is on Sunday. Polls open at eight",
            &["The vote is on Sunday.", "Polls open at eight"],
        ),
        (
            "Fighting resumed overnight. More to follow",
            &["Fighting resumed overnight.", "More to follow"],
        ),
        (
            "Prices rose again? Not quite",
            &["Prices rose again?", "Not quite"],
        ),
        (
            "He resigned on Monday. Read the full statement here",
            &["He resigned on Monday.", "Read the full statement here"],
        ),
        (
            "Turnout was low! Officials blame the rain",
            &["Turnout was low!", "Officials blame the rain"],
        ),
        (
            "Click the photo to enlarge. Photo by staff\nNext line.",
            &["Click the photo to enlarge.", "Photo by staff", "Next line."],
        ),
        (
            "The talks collapsed. What happens next\n\nText.",
            &["The talks collapsed.", "What happens next", "Text."],
        ),
        (
            "Stocks slid. Oil Prices Jump",
            &["Stocks slid.", "Oil Prices Jump"],
        ),
    ]);
}

#[test]
fn an_unknown_token_before_lower_case_or_a_number_ends_no_sentence() {
    check_all(&[
        ("The med. staff agreed.", &["The med. staff agreed."]),
        ("He paid Rs. 500 in total.", &["He paid Rs. 500 in total."]),
        (
            "Read it (see. section 4) now.",
            &["Read it (see. section 4) now."],
        ),
        ("The mgr. said no.", &["The mgr. said no."]),
        ("Add 2 tbsp. sugar and stir.", &["Add 2 tbsp. sugar and stir."]),
        ("Add 2 tsp. salt too.", &["Add 2 tsp. salt too."]),
        ("She won No. 1 in the poll.", &["She won No. 1 in the poll."]),
        (
            "They met in rm. 204 of the annex.",
            &["They met in rm. 204 of the annex."],
        ),
        (
            "He was the dir. of the program.",
            &["He was the dir. of the program."],
        ),
        (
            "Sales rose 5 pct. on the year.",
            &["Sales rose 5 pct. on the year."],
        ),
        ("The pkg. arrived late.", &["The pkg. arrived late."]),
        // What can start a sentence does: a capital, a lower-case starter, a list item, a link,
        // and anything after a full word (web text writes sentences in lower case).
        (
            "Call them at noon. they know.",
            &["Call them at noon.", "they know."],
        ),
        (
            "See the notes. 2. The second point",
            &["See the notes.", "2. The second point"],
        ),
        (
            "More at our site. http://example.org/a",
            &["More at our site.", "http://example.org/a"],
        ),
        (
            "We had a great time. thanks again",
            &["We had a great time.", "thanks again"],
        ),
        (
            "Our team joined this week. 2005 is going to be great.",
            &["Our team joined this week.", "2005 is going to be great."],
        ),
    ]);
}

#[test]
fn abbreviation_ends_are_decided_by_their_odds_and_what_follows() {
    check_all(&[
        (
            "We bought pears, apples, etc. Others followed.",
            &["We bought pears, apples, etc.", "Others followed."],
        ),
        (
            "It had pears, apples, etc. and more.",
            &["It had pears, apples, etc. and more."],
        ),
        (
            "He left at 6 p.m. They stayed.",
            &["He left at 6 p.m.", "They stayed."],
        ),
        (
            "The vote opens at 9 a.m. Monday in Caracas.",
            &["The vote opens at 9 a.m. Monday in Caracas."],
        ),
        (
            "In the morning at 6 a.m. Mr. Smith arrived.",
            &["In the morning at 6 a.m. Mr. Smith arrived."],
        ),
        ("At 6 a.m. The birds sing.", &["At 6 a.m.", "The birds sing."]),
        (
            "She earned a Ph.D. Tom was pleased.",
            &["She earned a Ph.D.", "Tom was pleased."],
        ),
        (
            "He sold it to Acme Inc. The deal closed.",
            &["He sold it to Acme Inc.", "The deal closed."],
        ),
        ("Shares of Acme Inc. rose 4%.", &["Shares of Acme Inc. rose 4%."]),
        (
            "He was born in Springfield, Mass. The town is small.",
            &["He was born in Springfield, Mass.", "The town is small."],
        ),
        (
            "The U.S. Navy said it would stay.",
            &["The U.S. Navy said it would stay."],
        ),
        (
            "It moved to the U.S. Then it grew.",
            &["It moved to the U.S.", "Then it grew."],
        ),
        (
            "He flew to the U.S. Dr. Lee stayed home.",
            &["He flew to the U.S. Dr. Lee stayed home."],
        ),
        (
            "Troops of the U.N. Security Council left.",
            &["Troops of the U.N. Security Council left."],
        ),
        (
            "Many tools (e.g. The Field Guide) help.",
            &["Many tools (e.g. The Field Guide) help."],
        ),
        ("He said no. Others agreed.", &["He said no.", "Others agreed."]),
        (
            "Gen. Lopez and Sen. Ruiz met on Feb. 8 in Caracas.",
            &["Gen. Lopez and Sen. Ruiz met on Feb. 8 in Caracas."],
        ),
        (
            "The firm, Acme Corp. Officials said, would wait.",
            &["The firm, Acme Corp.", "Officials said, would wait."],
        ),
    ]);
}

#[test]
fn an_ellipsis_is_an_uncertain_end() {
    check_all(&[
        (
            "I never meant that... She left.",
            &["I never meant that...", "She left."],
        ),
        (
            "It added to the tension\u{2026}. Syrian rebels fired back.",
            &["It added to the tension\u{2026}. Syrian rebels fired back."],
        ),
        ("So... we waited.", &["So... we waited."]),
        (
            "\"You're deaf... They've gone,\" he said.",
            &["\"You're deaf... They've gone,\" he said."],
        ),
    ]);
}

#[test]
fn an_exclamation_inside_a_name_or_an_aside_ends_no_sentence() {
    check_all(&[
        (
            "She works at Yahoo! in the accounting department.",
            &["She works at Yahoo! in the accounting department."],
        ),
        (
            "He joined the Yahoo! Research team in 2005.",
            &["He joined the Yahoo! Research team in 2005."],
        ),
        (
            "We read the Yahoo! News story.",
            &["We read the Yahoo! News story."],
        ),
        ("The Jeopardy! host retired.", &["The Jeopardy! host retired."]),
        (
            "We saw the Mamma Mia! show twice.",
            &["We saw the Mamma Mia! show twice."],
        ),
        ("And -- voila! -- it works.", &["And -- voila! -- it works."]),
        (
            "It was \u{2014} wow! \u{2014} a long day.",
            &["It was \u{2014} wow! \u{2014} a long day."],
        ),
        (
            "It's time -- hurray! -- to leave.",
            &["It's time -- hurray! -- to leave."],
        ),
        (
            "The answer (yes!) surprised us.",
            &["The answer (yes!) surprised us."],
        ),
        (
            "She said (really?) that she would come.",
            &["She said (really?) that she would come."],
        ),
        // Real ends stay ends.
        (
            "I love it! The staff are great.",
            &["I love it!", "The staff are great."],
        ),
        (
            "Welcome to Google! Brian has joined us.",
            &["Welcome to Google!", "Brian has joined us."],
        ),
        ("Why now? -- Nobody knows.", &["Why now?", "-- Nobody knows."]),
        (
            "Is it Miramar? are they sure?",
            &["Is it Miramar?", "are they sure?"],
        ),
        (
            "Direct Fax:? 555-0100 Office:? 555-0101",
            &["Direct Fax:? 555-0100 Office:? 555-0101"],
        ),
    ]);
}

#[test]
fn separator_lines_and_emoticons() {
    check_all(&[
        ("He left. *** She stayed.", &["He left.", "***", "She stayed."]),
        (
            "Thanks, Ann ========== Notice: text here",
            &["Thanks, Ann", "==========", "Notice: text here"],
        ),
        (
            "A well-known re-run -- not -- here.",
            &["A well-known re-run -- not -- here."],
        ),
        ("It worked :) Now we rest.", &["It worked :)", "Now we rest."]),
        ("It worked :) and we rest.", &["It worked :) and we rest."]),
    ]);
}

#[test]
fn a_sentence_end_without_a_space() {
    check_all(&[
        (
            "Hello world.Today we start.",
            &["Hello world.", "Today we start."],
        ),
        ("Visit example.Com today.", &["Visit example.Com today."]),
        (
            "Her email is Jane.Doe@example.com. I wrote.",
            &["Her email is Jane.Doe@example.com.", "I wrote."],
        ),
        ("The U.S.Army left.", &["The U.S.Army left."]),
    ]);
}

#[test]
fn ignorable_and_control_characters_are_separators() {
    let text = "\u{feff}Russia backs Maduro. Cuba backs Maduro.";
    let spans = SentenceSplitter::default().split(text);
    assert_eq!(texts(text), ["Russia backs Maduro.", "Cuba backs Maduro."]);
    assert_eq!(spans[0].start, 3, "offsets index the original text, BOM included");
    check_all(&[
        ("\0", &[]),
        ("\u{7}\u{1b}\u{7f}\u{85}\u{9f}", &[]),
        (
            "Maduro spoke.\0Guaido replied.",
            &["Maduro spoke.", "Guaido replied."],
        ),
        (
            "Maduro spoke.\u{200b}Guaido replied.",
            &["Maduro spoke.", "Guaido replied."],
        ),
        (
            "Maduro spoke.\u{200b} Guaido replied.",
            &["Maduro spoke.", "Guaido replied."],
        ),
        (
            "\u{202b}Maduro spoke.\u{202c} \u{2067}Guaido replied.\u{2069}",
            &["Maduro spoke.", "Guaido replied."],
        ),
        (
            "Maduro spoke.\u{200e} Guaido replied.\u{200f}",
            &["Maduro spoke.", "Guaido replied."],
        ),
        (
            "Maduro spoke.\u{9f}Guaido replied.",
            &["Maduro spoke.", "Guaido replied."],
        ),
        ("Mr.\u{200b} Smith left.", &["Mr.\u{200b} Smith left."]),
        ("Line one\u{2060}\n\u{feff}\nLine two", &["Line one", "Line two"]),
        // Joiners inside words and emoji are not separators.
        (
            "The caf\u{e9}\u{200d} opened. Then \u{1f469}\u{200d}\u{1f4bb} left.",
            &[
                "The caf\u{e9}\u{200d} opened.",
                "Then \u{1f469}\u{200d}\u{1f4bb} left.",
            ],
        ),
    ]);
}

#[test]
fn word_class_resource_names_only_known_classes() {
    let src = include_str!("../../resources/sentence/word_classes.txt");
    let mut seen = std::collections::HashSet::new();
    for line in src.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (class, word) = line.split_once('\t').expect("class<TAB>word");
        assert!(
            abbrev::WordClass::NAMED.iter().any(|(n, _)| *n == class),
            "unknown class in {line:?}"
        );
        assert!(!word.trim().is_empty() && seen.insert((class, word)), "{line:?}");
    }
    let t = abbrev::Tables::shared_builtin();
    assert!(t.is_word(b"said", abbrev::WordClass::Speech));
    assert!(t.is_word(b"said", abbrev::WordClass::Clause));
    assert!(!t.is_word(b"Said", abbrev::WordClass::Speech));
    assert!(t.may_open_letter_formula(b'H') && !t.may_open_letter_formula(b'Q'));
}

#[test]
fn letter_greetings_and_closings_stand_alone() {
    let s = texts("Hi Ana, Thanks for the notes. Best regards, Tom");
    assert_eq!(s, ["Hi Ana,", "Thanks for the notes.", "Best regards,", "Tom"]);
}
