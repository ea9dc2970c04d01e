//! Tests of the stance engine on sentences written for them: every frame's own example, and one
//! or more sentences per general operation.

use super::*;

fn tagger_for(targets: &[(&str, &[&str])], actors: &[(&str, &[&str])]) -> StanceTagger {
    let map = |pairs: &[(&str, &[&str])]| -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(n, a)| ((*n).to_owned(), a.iter().map(|s| (*s).to_owned()).collect()))
            .collect()
    };
    StanceTagger::new(StanceTaggerConfig {
        targets: Some(map(targets)),
        actors: map(actors),
        ..Default::default()
    })
    .unwrap()
}

fn tagger() -> StanceTagger {
    tagger_for(
        &[
            ("Ana Rivera", &["Rivera"]),
            ("Marco Lopez", &["Lopez"]),
            ("United States", &["US", "U.S.", "Washington"]),
        ],
        &[],
    )
}

/// [`tagger`]'s people, with Peru as a target too.
fn tagger_with_peru() -> StanceTagger {
    tagger_for(
        &[
            ("Ana Rivera", &["Rivera"]),
            ("Marco Lopez", &["Lopez"]),
            ("Peru", &[]),
        ],
        &[],
    )
}

fn triples(t: &StanceTagger, text: &str) -> Vec<(String, String, &'static str)> {
    t.tag(text)
        .into_iter()
        .map(|s| (s.holder, s.target, s.stance.as_str()))
        .collect()
}

fn has(v: &[(String, String, &str)], h: &str, t: &str, s: &str) -> bool {
    v.iter().any(|x| x.0 == h && x.1 == t && x.2 == s)
}

/// Asserts that each text gives its (holder, target, stance) triple.
fn assert_finds(t: &StanceTagger, cases: &[(&str, &str, &str, &str)]) {
    for &(text, holder, target, stance) in cases {
        let v = triples(t, text);
        assert!(has(&v, holder, target, stance), "{text}: {v:?}");
    }
}

/// Asserts that each text gives no triple at all.
fn assert_none(t: &StanceTagger, texts: &[&str]) {
    for text in texts {
        let v = triples(t, text);
        assert!(v.is_empty(), "{text}: {v:?}");
    }
}

#[test]
fn a_named_object_set_is_expanded_and_an_unknown_one_refused() {
    let lex = Lexicon::get().unwrap();
    let sell = lex
        .frames_of("sell", CuePos::Verb)
        .iter()
        .map(|&f| &lex.frames[f])
        .find(|f| !f.objects.is_empty())
        .expect("a sell frame with objects");
    assert!(sell.objects.iter().any(|o| o == "weapon") && sell.objects.iter().any(|o| o == "missile"));
    let row = "sell\tVERB\tFAVOR\tagent\tobl:to\tobj=@nothing\tPeru sold arms to Chile.\tPeru\tChile\n";
    let err = super::lexicon::parse_frames(row, &super::lexicon::noted("arm\taid\n")).unwrap_err();
    assert!(err.to_string().contains("nothing"), "{err}");
}

#[test]
fn every_frame_finds_its_own_example() {
    let lex = Lexicon::get().unwrap();
    let mut failures = Vec::new();
    for f in &lex.frames {
        let t = tagger_for(&[(&f.example_target, &[])], &[(&f.example_holder, &[])]);
        let found = t.tag(&f.example);
        // The holder may be known by another name (`Moscow` is Russia): compare the words.
        let ok = found.iter().any(|s| {
            let words = s.holder_span.map_or("", |h| &f.example[h.start..h.end]);
            (s.holder == f.example_holder || words.split_whitespace().any(|w| w == f.example_holder))
                && s.target == f.example_target
                && s.stance == f.stance
        });
        if !ok {
            let got: Vec<(String, String, &str)> = found
                .into_iter()
                .map(|s| (s.holder, s.target, s.stance.as_str()))
                .collect();
            failures.push(format!("{} {:?}: {:?} -> {:?}", f.lemma, f.pos, f.example, got));
        }
    }
    let share = 1.0 - failures.len() as f64 / lex.frames.len() as f64;
    eprintln!(
        "{:.1}% of the frame examples pass:\n{}",
        100.0 * share,
        failures.join("\n")
    );
    assert!(
        share >= 0.93,
        "{:.1}% of the frame examples pass:\n{}",
        100.0 * share,
        failures.join("\n")
    );
}

#[test]
fn active_passive_and_agent() {
    let t = tagger();
    let v = triples(&t, "Brazil strongly condemned Lopez on Monday.");
    assert!(has(&v, "Brazil", "Marco Lopez", "AGAINST"), "{v:?}");
    let v = triples(&t, "Rivera was supported by Peru, Chile and Bolivia.");
    for h in ["Peru", "Chile", "Bolivia"] {
        assert!(has(&v, h, "Ana Rivera", "FAVOR"), "{h}: {v:?}");
    }
}

#[test]
fn titles_before_names_and_coordinated_targets() {
    let t = tagger();
    let v = triples(&t, "Prime Minister Pedro Sanchez recognised Mr Rivera on Monday.");
    assert!(has(&v, "Pedro Sanchez", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Canada sanctioned Lopez and Washington.");
    assert!(
        has(&v, "Canada", "Marco Lopez", "AGAINST") && has(&v, "Canada", "United States", "AGAINST"),
        "{v:?}"
    );
}

#[test]
fn lists_with_including_name_members_and_the_rest() {
    let t = tagger();
    let v = triples(
        &t,
        "Several governments, including Peru and Chile, condemned Lopez.",
    );
    for h in ["Peru", "Chile"] {
        assert!(has(&v, h, "Marco Lopez", "AGAINST"), "{h}: {v:?}");
    }
    assert!(
        v.iter()
            .any(|x| x.0.starts_with("Unnamed") && x.0.contains("governments")),
        "{v:?}"
    );
}

#[test]
fn relative_clauses_and_participles() {
    let t = tagger();
    let v = triples(&t, "Lopez, who is backed by Russia, spoke on Tuesday.");
    assert!(has(&v, "Russia", "Marco Lopez", "FAVOR"), "{v:?}");
    let v = triples(&t, "Russia criticised the countries backing Rivera.");
    assert!(
        v.iter()
            .any(|x| x.0.contains("countries") && x.1 == "Ana Rivera" && x.2 == "FAVOR"),
        "{v:?}"
    );
}

#[test]
fn control_refusal_and_negation() {
    let t = tagger();
    let v = triples(&t, "Mexico vowed to support Rivera.");
    assert!(has(&v, "Mexico", "Ana Rivera", "FAVOR"), "{v:?}");
    // A verb that is an intention and a request (`want`, `push`) with an object asks the
    // object to act; a promise does not.
    assert_finds(
        &t,
        &[
            (
                "Mexico wants Rivera to resign.",
                "Mexico",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Mexico pushed Rivera to step down.",
                "Mexico",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Mexico promised Lopez to recognise Rivera.",
                "Mexico",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    // A purpose infinitive, also when the parser hangs it on the verb, is the subject's act.
    let v = triples(&t, "Peru announced plans to recognise Rivera.");
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Peru sent troops to protect Rivera.");
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Mexico refused to recognise Rivera.");
    assert!(
        has(&v, "Mexico", "Ana Rivera", "AGAINST") && !has(&v, "Mexico", "Ana Rivera", "FAVOR"),
        "{v:?}"
    );
    assert_none(&t, &["Mexico did not criticise Rivera."]);
    // Not recognising is holding back, as `stopped short of recognising` is (the guidelines'
    // negation rule); refusing is a stance.
    assert_none(&t, &["Italy did not recognize Rivera."]);
    let v = triples(&t, "Mexico failed to win over Rivera's supporters.");
    assert!(!has(&v, "Mexico", "Ana Rivera", "FAVOR"), "{v:?}");
    // `neither ... nor` on the object negates the clause: a future refused is against both.
    let v = triples(&t, "Peru will recognise neither Rivera nor Lopez.");
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    assert!(!has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    // A negated intention holds no stance, nor does what someone has yet to do.
    assert_none(
        &t,
        &[
            "Peru has no plans to recognise Rivera.",
            "Peru has yet to recognise Rivera.",
        ],
    );
    // `not only ... but` adds; it negates nothing.
    let v = triples(&t, "Peru not only backed Rivera but armed her.");
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Lopez is not only saying that Rivera is a threat.");
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn hypotheticals_give_no_stance() {
    let t = tagger();
    let v = triples(&t, "If Peru backed Rivera, the talks would fail.");
    assert!(!has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Peru would support Rivera only after the vote.");
    assert!(!has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    // A speaker's `would` about itself is its reported `will`: a commitment, unless a
    // condition hangs on it; about someone else it stays a prediction.
    let v = triples(&t, "Chile said it would recognize Rivera.");
    assert!(has(&v, "Chile", "Ana Rivera", "FAVOR"), "{v:?}");
    for text in [
        "Chile said it would recognize Rivera if she won.",
        "Chile said it would recognize Rivera unless the vote was rigged.",
        "Chile said Peru would recognize Rivera.",
    ] {
        let v = triples(&t, text);
        assert!(!v.iter().any(|x| x.1 == "Ana Rivera"), "{text}: {v:?}");
    }
}

#[test]
fn a_negated_future_is_a_declared_refusal() {
    let t = tagger();
    for text in [
        "Chile will not recognize Rivera.",
        "Chile said it would not recognize Rivera.",
        "Chile won't support Rivera.",
        // The speaker and the subject speak for the same country.
        "Chile's foreign minister said Santiago would not recognize Rivera.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Chile", "Ana Rivera", "AGAINST"), "{text}: {v:?}");
        assert!(!has(&v, "Chile", "Ana Rivera", "FAVOR"), "{text}: {v:?}");
    }
    // Not doing it only holds back; a hypothetical refusal is no refusal; and not opposing
    // is not support.
    for text in [
        "Chile does not recognize Rivera.",
        "Chile would not recognize Rivera if the vote were rigged.",
        "Chile will not condemn Rivera.",
        // Another country's forecast of what Chile will do.
        "Peru's foreign minister said Santiago would not recognize Rivera.",
    ] {
        let v = triples(&t, text);
        assert!(!v.iter().any(|x| x.1 == "Ana Rivera"), "{text}: {v:?}");
    }
}

#[test]
fn reported_speech_and_evaluations() {
    let t = tagger();
    let v = triples(&t, "Britain agreed that Lopez was illegitimate.");
    assert!(has(&v, "United Kingdom", "Marco Lopez", "AGAINST"), "{v:?}");
    // A claim about a third party is nobody's stance.
    let v = triples(&t, "Lopez said that Cuba supports Rivera.");
    assert!(
        !has(&v, "Cuba", "Ana Rivera", "FAVOR") && !has(&v, "Marco Lopez", "Ana Rivera", "FAVOR"),
        "{v:?}"
    );
}

#[test]
fn nominal_cues_and_hyphen_compounds() {
    let t = tagger();
    let v = triples(&t, "Russia's support for Lopez has not wavered.");
    assert!(has(&v, "Russia", "Marco Lopez", "FAVOR"), "{v:?}");
    let v = triples(&t, "The US-backed Rivera spoke in Bogota.");
    assert!(has(&v, "United States", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Thousands of anti-Lopez protesters marched.");
    assert!(
        v.iter().any(|x| x.1 == "Marco Lopez" && x.2 == "AGAINST"),
        "{v:?}"
    );
}

#[test]
fn pronouns_take_the_last_compatible_actor() {
    let t = tagger();
    let v = triples(&t, "Senator Juan Ortiz spoke in Quito. He praised Rivera.");
    assert!(has(&v, "Juan Ortiz", "Ana Rivera", "FAVOR"), "{v:?}");
    let s = t.tag("Senator Juan Ortiz spoke in Quito. He praised Rivera.");
    let span = s
        .iter()
        .find(|x| x.holder == "Juan Ortiz")
        .unwrap()
        .holder_span
        .unwrap();
    assert_eq!(
        &"Senator Juan Ortiz spoke in Quito. He praised Rivera."[span.start..span.end],
        "He"
    );
}

#[test]
fn blocking_a_recognition_opposes_the_recognised() {
    let t = tagger();
    let v = triples(&t, "Hungary vetoed a declaration recognising Rivera.");
    assert!(!has(&v, "Hungary", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn sentences_are_the_splitters_and_spans_are_inside_them() {
    let t = tagger();
    let text = "Russia and China said they\nsupport Lopez. Peru backs Rivera.";
    let found = t.tag(text);
    let sentences = crate::SentenceSplitter::default().split(text);
    assert!(!found.is_empty());
    for s in &found {
        assert!(sentences.contains(&s.sentence), "{:?}", s.sentence);
        for span in [Some(s.cue_span), s.holder_span, s.target_span]
            .into_iter()
            .flatten()
        {
            assert!(span.start >= s.sentence.start && span.end <= s.sentence.end);
        }
    }
    let v = triples(&t, text);
    assert!(
        has(&v, "Russia", "Marco Lopez", "FAVOR") && has(&v, "China", "Marco Lopez", "FAVOR"),
        "{v:?}"
    );
}

#[test]
fn config_errors_and_json() {
    let bad = |targets: &[(&str, &[&str])]| {
        let map: BTreeMap<String, Vec<String>> = targets
            .iter()
            .map(|(n, a)| ((*n).to_owned(), a.iter().map(|s| (*s).to_owned()).collect()))
            .collect();
        StanceTagger::new(StanceTaggerConfig {
            targets: Some(map),
            ..Default::default()
        })
    };
    assert!(matches!(bad(&[]), Err(Error::Config(_))));
    assert!(matches!(bad(&[(" ", &[])]), Err(Error::Config(_))));
    assert!(matches!(bad(&[("Lopez", &["the"])]), Err(Error::Config(_))));
    assert!(matches!(
        bad(&[("A B", &["Lopez"]), ("C D", &["lopez"])]),
        Err(Error::Config(_))
    ));
    assert!(matches!(
        StanceTagger::new(StanceTaggerConfig {
            min_score: 2.0,
            ..Default::default()
        }),
        Err(Error::Config(_))
    ));
}

#[test]
fn open_targets_and_people() {
    let t = StanceTagger::default();
    let v = triples(&t, "Peru condemned Cuba.");
    assert!(has(&v, "Peru", "Cuba", "AGAINST"), "{v:?}");
    let people = most_mentioned_people(
        &["Senator Juan Ortiz met Ana Rivera. Ortiz left.", "Ortiz spoke."],
        1,
    );
    assert_eq!(people[0].0, "Juan Ortiz");
    assert!(people[0].1.contains(&"Ortiz".to_owned()));
}

#[test]
fn classify_uses_the_focus() {
    let t = tagger();
    let text = "Critics accused Lopez of rigging the vote.";
    let start = text.find("Lopez").unwrap();
    assert_eq!(t.classify(text, Span::new(start, start + 5)), Label::Against);
    assert_eq!(t.classify(text, Span::new(0, 999)), Label::None);
}

#[test]
fn degenerate_inputs() {
    let t = tagger();
    for text in [
        "",
        " ",
        ".",
        "\n\n\n",
        "Rivera",
        "Rivera Rivera Rivera",
        "- - -",
        "\"",
        "’s",
    ] {
        let _ = t.tag(text);
    }
}

#[test]
fn an_alias_ending_in_an_abbreviation_period_is_found_inside_and_at_the_end_of_a_sentence() {
    // Tokenized alone, `U.S.` reads as `U.S` and a sentence's full stop.
    let t = tagger();
    let inside = triples(&t, "The U.S. and Peru blame Rivera for the attack.");
    assert!(
        has(&inside, "United States", "Ana Rivera", "AGAINST"),
        "{inside:?}"
    );
    assert!(!inside.iter().any(|x| x.0 == "U.S."), "{inside:?}");
    let at_end = triples(&t, "Rivera was condemned by the U.S.");
    assert!(
        has(&at_end, "United States", "Ana Rivera", "AGAINST"),
        "{at_end:?}"
    );
}

#[test]
fn a_speaker_who_says_someone_acts_against_them_accuses_them() {
    let t = tagger();
    for text in [
        "Rivera said that the US was trying to topple her government.",
        "Rivera fired back that Washington wanted to overthrow her.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Ana Rivera", "United States", "AGAINST"), "{text}: {v:?}");
        // What the speaker says the US does is her claim, not a stance found of the US.
        assert!(
            !has(&v, "United States", "Ana Rivera", "AGAINST"),
            "{text}: {v:?}"
        );
    }
    // A claim about a third party stays nobody's stance.
    assert_none(&t, &["Rivera said that the US was trying to topple Lopez."]);
}

#[test]
fn an_office_is_its_holder_named_in_apposition_after_its_of_phrase() {
    let t = tagger();
    let v = triples(
        &t,
        "Peru recognized the president of the country's Senate, Ana Rivera, as leader.",
    );
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn an_amount_stands_for_its_of_phrase() {
    let t = tagger();
    for (text, holder) in [
        ("A host of other countries condemned Rivera.", "Unnamed countries"),
        (
            "A number of European governments have recognised Rivera.",
            "Unnamed European governments",
        ),
        (
            "A group of Latin American countries, including Peru, backed Rivera.",
            "Peru",
        ),
    ] {
        let v = triples(&t, text);
        assert!(
            v.iter().any(|x| x.0 == holder && x.1 == "Ana Rivera"),
            "{text}: {v:?}"
        );
    }
}

#[test]
fn a_country_is_the_target_who_heads_its_government() {
    // The gazetteer lists heads of government; a target that is one stands for its country's
    // government and, as a receiver, for the country.
    let t = tagger_for(&[("Justin Trudeau", &["Trudeau"])], &[]);
    let v = triples(&t, "Peru imposed sanctions on Canada.");
    assert!(has(&v, "Peru", "Justin Trudeau", "AGAINST"), "{v:?}");
    let v = triples(&t, "The Canadian government strongly condemned Peru.");
    assert!(v.is_empty(), "Peru is no target: {v:?}");
    let t = tagger_for(&[("Justin Trudeau", &["Trudeau"]), ("Peru", &[])], &[]);
    let v = triples(&t, "The Canadian government strongly condemned Peru.");
    assert!(has(&v, "Justin Trudeau", "Peru", "AGAINST"), "{v:?}");
    // Two targets who head the same country (in different years): the country is neither.
    let t = tagger_for(&[("Donald Trump", &["Trump"]), ("Joe Biden", &["Biden"])], &[]);
    assert_none(&t, &["Peru imposed sanctions on the United States."]);
}

#[test]
fn a_target_named_like_a_gazetteer_actor_has_its_aliases() {
    // `United States` is a target here; the gazetteer knows `the White House` as its alias.
    let t = tagger();
    let v = triples(&t, "Lopez accused the White House of lying.");
    assert!(has(&v, "Marco Lopez", "United States", "AGAINST"), "{v:?}");
}

#[test]
fn a_stance_on_someones_own_claim_or_act_is_on_them() {
    let t = tagger();
    for text in [
        "Peru rejected Rivera's claims.",
        "Chile brushed aside Rivera's denials.",
        "Chile dismissed the accusations by Rivera as nonsense.",
    ] {
        let v = triples(&t, text);
        assert!(
            v.iter().any(|x| x.1 == "Ana Rivera" && x.2 == "AGAINST"),
            "{text}: {v:?}"
        );
    }
    // What is done to someone is not their act.
    let v = triples(&t, "Peru condemned Rivera's arrest.");
    assert!(!has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    // A threat of an act is against whom the act is aimed at, not for them.
    let v = triples(&t, "Rivera threatened retaliation against the US.");
    assert!(has(&v, "Ana Rivera", "United States", "AGAINST"), "{v:?}");
    assert!(!has(&v, "Ana Rivera", "United States", "FAVOR"), "{v:?}");
}

#[test]
fn an_official_of_a_target_country_receives_its_stances_but_holds_their_own() {
    // The gazetteer knows Mike Pompeo as an official of the United States, a target here.
    let t = tagger();
    let v = triples(&t, "Lopez accused Pompeo of meddling.");
    assert!(has(&v, "Marco Lopez", "United States", "AGAINST"), "{v:?}");
    let v = triples(&t, "Pompeo condemned Lopez.");
    assert!(has(&v, "Mike Pompeo", "Marco Lopez", "AGAINST"), "{v:?}");
    // A government noun of an unfree regime stands for its possessor.
    let v = triples(&t, "Peru slammed the Rivera dictatorship.");
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn an_allegation_is_against_whom_it_is_about() {
    let t = tagger();
    let v = triples(
        &t,
        "Peru and many other nations allege that Rivera rigged the vote.",
    );
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    let v = triples(&t, "Chile charged that Lopez had rigged the vote.");
    assert!(has(&v, "Chile", "Marco Lopez", "AGAINST"), "{v:?}");
    // A complement clause the parser did not build (`that` read as the object).
    let v = triples(
        &t,
        "Peru and its neighbours allege that Bolivian President Ana Rivera ordered police raids against unarmed students in several cities.",
    );
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn a_relative_clause_inside_reported_speech_is_background_not_the_claim() {
    let t = tagger();
    let v = triples(
        &t,
        "Lopez said that Cuba, which has long backed Rivera, should leave the group.",
    );
    assert!(has(&v, "Cuba", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Lopez said that Cuba backs Rivera.");
    assert!(!has(&v, "Cuba", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn a_prepositional_phrase_labelled_as_a_clause_still_names_its_argument() {
    // The parser hangs `toward the Rivera government` as an adverbial clause here.
    let t = tagger();
    let v = triples(
        &t,
        "Still, the US kept voicing skepticism not only toward the Rivera government but also toward Peru.",
    );
    assert!(has(&v, "United States", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn a_particle_taken_for_a_preposition_still_makes_the_particle_verb() {
    let t = tagger();
    let v = triples(
        &t,
        "On Tuesday, Foreign Minister Marco Lopez brushed aside Rivera's denials.",
    );
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn a_proper_noun_leading_a_noun_compound_holds_the_compounds_stance() {
    let t = tagger();
    let v = triples(&t, "Peru cited US tax fraud charges against Rivera.");
    assert!(has(&v, "United States", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn purpose_infinitives_and_designations() {
    let t = tagger();
    // Whoever approves a decree to impose sanctions imposes them.
    let v = triples(&t, "Peru approved a decree to impose sanctions on Rivera.");
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    // `designate X as a terrorist` labels X.
    let v = triples(&t, "Chile designated Rivera as a terrorist.");
    assert!(has(&v, "Chile", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn whoever_presses_for_an_act_holds_its_stance_not_whoever_is_pressed() {
    let t = tagger();
    for text in [
        "Peru urged parliament to endorse sanctions on Rivera.",
        "Peru urged Chile to sever its ties with Rivera.",
        "Peru demanded that Chile condemn Rivera.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{text}: {v:?}");
        assert!(!v.iter().any(|x| x.0 == "Chile"), "{text}: {v:?}");
    }
    let v = triples(&t, "Chile urged Bolivia to recognize Lopez.");
    assert!(has(&v, "Chile", "Marco Lopez", "FAVOR"), "{v:?}");
    assert!(!v.iter().any(|x| x.0 == "Bolivia"), "{v:?}");
    // A noun of demand: its owner presses for the act.
    let v = triples(
        &t,
        "Despite Peru's calls for Rivera to resign, the talks went on.",
    );
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    // A humanitarian appeal is no stance of whoever makes it.
    let v = triples(&t, "Peru urged the guards to protect Rivera.");
    assert!(!v.iter().any(|x| x.0 == "Peru"), "{v:?}");
    // Told that something is so (a report, not a demand) is no directive.
    let v = triples(&t, "Chile told reporters that Bolivia backs Lopez.");
    assert!(!has(&v, "Chile", "Marco Lopez", "FAVOR"), "{v:?}");
}

#[test]
fn backing_an_act_aimed_at_someone_takes_the_acts_stance() {
    let t = tagger();
    let v = triples(&t, "Peru backed new sanctions against Rivera.");
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    let v = triples(&t, "Chile supports more aid to Lopez.");
    assert!(has(&v, "Chile", "Marco Lopez", "FAVOR"), "{v:?}");
    // The subject of a nominal predicate is shared by a verb coordinated with it.
    let v = triples(&t, "Chile is a critic of Lopez and supports more aid for Rivera.");
    assert!(has(&v, "Chile", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Bolivia welcomed the new sanctions on Rivera.");
    assert!(has(&v, "Bolivia", "Ana Rivera", "AGAINST"), "{v:?}");
    // Opposing such an act favours its target (the annotation notes: vetoing or blocking
    // action against someone favours them).
    let v = triples(&t, "Bolivia opposed the sanctions on Rivera.");
    assert!(has(&v, "Bolivia", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(!has(&v, "Bolivia", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn the_owner_of_a_plan_or_decision_does_what_it_is_to_do() {
    let t = tagger();
    for text in [
        "Peru's decision to recognize Lopez surprised its neighbours.",
        "The Peruvian government's decision to recognize Lopez surprised nobody.",
        "Peru plans to arm Lopez.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Peru", "Marco Lopez", "FAVOR"), "{text}: {v:?}");
    }
}

#[test]
fn a_name_is_one_subtree_of_the_parse() {
    // `State` belongs to the title `Secretary of State`, not to the name after it.
    let t = tagger();
    let v = triples(&t, "Secretary of State Maria Olsen condemned Rivera.");
    assert!(has(&v, "Maria Olsen", "Ana Rivera", "AGAINST"), "{v:?}");
    assert_eq!(v.len(), 1, "{v:?}");
}

#[test]
fn a_modifier_describes_its_own_noun_and_amounts_are_no_part_of_a_group_name() {
    let t = tagger();
    // `anti-Rivera` says what the students are, not the voters or teachers listed after.
    let v = triples(
        &t,
        "Anti-Rivera students, Lopez voters and teachers filled the square.",
    );
    assert_eq!(
        v,
        vec![("Unnamed students".to_owned(), "Ana Rivera".to_owned(), "AGAINST")]
    );
    let v = triples(&t, "Several opposition leaders condemned Rivera.");
    assert!(
        has(&v, "Unnamed opposition leaders", "Ana Rivera", "AGAINST"),
        "{v:?}"
    );
    let v = triples(&t, "Many nations, including Peru, condemned Rivera.");
    assert!(has(&v, "Unnamed nations", "Ana Rivera", "AGAINST"), "{v:?}");
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn a_label_read_as_an_unmarked_oblique_still_has_its_speaker() {
    let t = tagger();
    let v = triples(&t, "Peru called Rivera's election a fraud.");
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    let v = triples(&t, "Rivera called the US report a lie.");
    assert!(has(&v, "Ana Rivera", "United States", "AGAINST"), "{v:?}");
    // An `of` phrase owns the act or attitude judged, as a possessor does.
    let v = triples(
        &t,
        "Lopez said the conduct of the United States was irresponsible.",
    );
    assert!(has(&v, "Marco Lopez", "United States", "AGAINST"), "{v:?}");
    // An oblique with another preposition is no label: Rivera is no supporter here.
    let v = triples(&t, "Rivera appealed to Lopez's supporters to abandon him.");
    assert!(!has(&v, "Ana Rivera", "Marco Lopez", "FAVOR"), "{v:?}");
}

#[test]
fn a_by_phrase_misread_as_an_agent_on_an_active_verb_is_a_by_phrase() {
    let t = tagger_with_peru();
    // The parser reads `stood` as a participle and `by Lopez` as its agent.
    assert_finds(&t, &[("Peru stood by Lopez.", "Peru", "Marco Lopez", "FAVOR")]);
    let v = triples(&t, "Lopez was backed by Peru.");
    assert!(has(&v, "Peru", "Marco Lopez", "FAVOR"), "{v:?}");
}

#[test]
fn a_possessive_in_a_conjunct_names_the_conjunct_before_it() {
    let t = tagger();
    let v = triples(&t, "Rivera accused Lopez and his allies of corruption.");
    assert!(has(&v, "Ana Rivera", "Marco Lopez", "AGAINST"), "{v:?}");
    assert!(!v.iter().any(|x| x.1 == "Ana Rivera" && x.2 == "FAVOR"), "{v:?}");
}

#[test]
fn neither_nor_on_the_subject_negates_the_clause() {
    let t = tagger_with_peru();
    assert_none(
        &t,
        &[
            "Neither Rivera nor Peru backs Lopez.",
            "Neither Chile nor Peru has praised Rivera.",
        ],
    );
    assert_finds(
        &t,
        &[(
            "Chile and Peru have praised Rivera.",
            "Peru",
            "Ana Rivera",
            "FAVOR",
        )],
    );
}

#[test]
fn the_object_of_a_linking_verb_is_a_predicate_of_its_subject() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera maintained that Lopez remained the rightful leader.",
                "Ana Rivera",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Rivera said Lopez remained the legitimate president.",
                "Ana Rivera",
                "Marco Lopez",
                "FAVOR",
            ),
        ],
    );
}

#[test]
fn every_word_read_as_a_cue_has_a_form_the_parse_gate_knows() {
    // A sentence is parsed only when one of its words is in `cue_forms`; every word the tagger
    // and lemmatizer read as a cue in the frames' own examples must be there.
    let t = tagger();
    let lex = Lexicon::get().unwrap();
    let mut missing = Vec::new();
    for f in &lex.frames {
        for w in t.parser.parse(&f.example) {
            let pos = match t.parser.upos(&w) {
                "VERB" => CuePos::Verb,
                "NOUN" => CuePos::Noun,
                "ADJ" => CuePos::Adj,
                _ => continue,
            };
            let lemma = w.lemma_str(&f.example).to_lowercase();
            let form = f.example[w.span.start..w.span.end].to_lowercase();
            if !lex.frames_of(&lemma, pos).is_empty() && !cue_forms(lex, t.parser.model()).contains(&form) {
                missing.push(format!("{form} ({lemma})"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:?}");
    for form in [
        "recognised",
        "backing",
        "backed",
        "supports",
        "sanctions",
        "allied",
        "allies",
    ] {
        assert!(cue_forms(lex, t.parser.model()).contains(form), "{form}");
    }
}

#[test]
fn a_preposition_read_as_an_adverb_still_takes_its_object() {
    // The parser reads `around` as an adverb of `rallied` here, and `leader` as its object.
    let t = tagger();
    let v = triples(
        &t,
        "Regional governments have rallied around beleaguered Bolivian leader Ana Rivera since the vote.",
    );
    assert!(
        v.iter()
            .any(|x| x.0.starts_with("Unnamed") && x.1 == "Ana Rivera" && x.2 == "FAVOR"),
        "{v:?}"
    );
    // `Central American` is a region, not the United States.
    let v = triples(&t, "Central American governments condemned Rivera.");
    assert!(
        has(
            &v,
            "Unnamed Central American governments",
            "Ana Rivera",
            "AGAINST"
        ),
        "{v:?}"
    );
    assert!(!v.iter().any(|x| x.0 == "United States"), "{v:?}");
}

#[test]
fn coordinated_allies_favour_each_other() {
    let t = tagger_for(
        &[("Justin Trudeau", &["Trudeau"]), ("Ana Rivera", &["Rivera"])],
        &[],
    );
    let v = triples(&t, "Peru and Rivera are longtime allies.");
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    // Canada stands for Trudeau as a receiver, never toward itself.
    let v = triples(&t, "Rivera and Canada are bitter rivals.");
    assert!(has(&v, "Ana Rivera", "Justin Trudeau", "AGAINST"), "{v:?}");
    assert!(has(&v, "Canada", "Ana Rivera", "AGAINST"), "{v:?}");
    assert!(
        !v.iter().any(|x| x.0 == "Canada" && x.1 == "Justin Trudeau"),
        "{v:?}"
    );
}

#[test]
fn a_possessor_is_never_the_argument_itself() {
    // A title-case headline the parser reads with `Peru's` as the object (the gazetteer knows
    // Martin Vizcarra as Peru's head of government).
    let t = tagger_for(
        &[
            ("Ana Rivera", &["Rivera"]),
            ("Juan Ortiz", &["Ortiz"]),
            ("Martin Vizcarra", &["Vizcarra"]),
        ],
        &[],
    );
    let v = triples(
        &t,
        "Ortiz Supports Peru's Opp Leader Ana Rivera As Caretaker President",
    );
    assert!(has(&v, "Juan Ortiz", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(!v.iter().any(|x| x.1 == "Martin Vizcarra"), "{v:?}");
}

#[test]
fn a_headline_speaker_before_a_colon_owns_the_claim() {
    let t = tagger();
    // What the speaker says a third party does is the speaker's claim, no stance of the party;
    // what the speaker says is done against them is an accusation.
    let v = triples(&t, "Lopez: Peru is shielding Rivera");
    assert!(!v.iter().any(|x| x.0 == "Peru"), "{v:?}");
    let v = triples(&t, "Rivera: a US strike on Rivera would be an act of war");
    assert!(has(&v, "Ana Rivera", "United States", "AGAINST"), "{v:?}");
    assert!(!has(&v, "United States", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn a_cue_that_needs_its_object_counts_only_with_it() {
    let t = tagger();
    let v = triples(
        &t,
        "Despite Peru's calls for Rivera to leave power, the talks went on.",
    );
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    assert_none(&t, &["Peru urged Rivera to leave the room."]);
}

#[test]
fn a_verb_with_an_active_subject_is_active() {
    // The parser labels `US` a passive subject here, beside the active subject `number`.
    let t = tagger();
    let v = triples(
        &t,
        "The US and a number of other states and global bodies have since recognized the chair of Peru's assembly, Ana Rivera, as the nation's leader.",
    );
    assert!(has(&v, "United States", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(has(&v, "Unnamed states", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn who_stands_for_a_person_even_when_the_parser_hangs_it_on_a_name_of_none() {
    // The parser hangs the relative clause on `UN`, a body; `who` is the envoy.
    let t = tagger();
    let v = triples(
        &t,
        "At the UN, envoy Marco Lopez of Chile, who has long backed Rivera, spoke first.",
    );
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(!v.iter().any(|x| x.0 == "United Nations"), "{v:?}");
}

#[test]
fn a_text_speaks_for_its_author_only() {
    let t = tagger();
    // Named on the text, or the one who issues it.
    let v = triples(&t, "Chile's statement condemning Rivera drew praise.");
    assert!(has(&v, "Chile", "Ana Rivera", "AGAINST"), "{v:?}");
    let v = triples(&t, "Peru released a declaration backing Lopez on Tuesday.");
    assert!(has(&v, "Peru", "Marco Lopez", "FAVOR"), "{v:?}");
    let v = triples(
        &t,
        "Governor Ruiz signed an order imposing sanctions on the government of Rivera.",
    );
    assert!(has(&v, "Ruiz", "Ana Rivera", "AGAINST"), "{v:?}");
    // The parser hangs the participle on the verb; it still belongs to the text before it.
    let v = triples(
        &t,
        "Governments have denounced Peru's decree labeling Rivera as a threat.",
    );
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    assert!(!v.iter().any(|x| x.0.contains("governments")), "{v:?}");
    // Whoever vetoes a text is no author: it opposes what the text says.
    let v = triples(&t, "Hungary vetoed an EU declaration recognising Lopez.");
    assert!(has(&v, "European Union", "Marco Lopez", "FAVOR"), "{v:?}");
    assert!(!has(&v, "Hungary", "Marco Lopez", "FAVOR"), "{v:?}");
    let v = triples(&t, "Hungary vetoed a declaration recognising Lopez.");
    assert!(has(&v, "Hungary", "Marco Lopez", "AGAINST"), "{v:?}");
    assert_eq!(v.len(), 1, "{v:?}");
    // A text not issued says nothing, however the parser hangs its participle.
    let v = triples(&t, "Hungary signed the declaration recognising Lopez.");
    assert!(has(&v, "Hungary", "Marco Lopez", "FAVOR"), "{v:?}");
    assert_none(&t, &["Hungary did not sign the declaration recognising Lopez."]);
    assert_none(&t, &["Peru did not sign the statement condemning Rivera."]);
    // A text is a target only as a person's own: defying Rivera's orders defies Rivera, but a
    // country's laws or order are no text of its government's.
    let v = triples(&t, "Officers defied Rivera's orders.");
    assert!(has(&v, "Unnamed officers", "Ana Rivera", "AGAINST"), "{v:?}");
    let t_peru = tagger_for(&[("Peru", &[])], &[]);
    assert_none(
        &t_peru,
        &[
            "Officers defied Peru's laws.",
            "Lopez praised Peru's legitimate constitutional order.",
        ],
    );
    // ... and a defiance that could happen is none yet.
    assert_none(
        &t,
        &["The blockade could lead to officers defying Rivera's orders."],
    );
}

#[test]
fn a_side_taken_against_someone_is_against_them() {
    let t = tagger();
    // `against Lopez` is parsed on the object `Rivera`; it is still the verb's.
    let v = triples(&t, "Peru backed Rivera against Lopez.");
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(has(&v, "Peru", "Marco Lopez", "AGAINST"), "{v:?}");
    // ... and on a name the verb takes with another preposition.
    for text in [
        "Chile sided with Rivera against Lopez.",
        "Chile stood with Rivera against Lopez in the dispute.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Chile", "Ana Rivera", "FAVOR"), "{text}: {v:?}");
        assert!(has(&v, "Chile", "Marco Lopez", "AGAINST"), "{text}: {v:?}");
    }
}

#[test]
fn who_after_persons_listed_with_and_means_all_of_them() {
    let t = tagger();
    // The parser hangs the clause on a state (or reads `who` as a main clause's subject).
    let v = triples(
        &t,
        "In the Senate, Sens. Ana Ruiz of Ohio and Carlos Vega of Texas, who are among Rivera's fiercest critics, spoke first.",
    );
    assert!(has(&v, "Ana Ruiz", "Ana Rivera", "AGAINST"), "{v:?}");
    assert!(has(&v, "Carlos Vega", "Ana Rivera", "AGAINST"), "{v:?}");
    let v = triples(
        &t,
        "In the Senate, Sens. Ana Ruiz of Ohio and Carlos Vega of Texas, who support Lopez, spoke first.",
    );
    assert!(has(&v, "Ana Ruiz", "Marco Lopez", "FAVOR"), "{v:?}");
    assert!(has(&v, "Carlos Vega", "Marco Lopez", "FAVOR"), "{v:?}");
    // A question's `who` is nobody.
    assert_none(&t, &["Who backs Rivera?"]);
}

#[test]
fn a_noun_after_a_list_joined_by_and_is_the_lists_apposition() {
    let t = tagger();
    // Parsed as a third conjunct; it is what the two are.
    let v = triples(&t, "The plan was backed by Lopez and Rivera, longtime allies.");
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(has(&v, "Ana Rivera", "Marco Lopez", "FAVOR"), "{v:?}");
    // ... and no holder of its own.
    let v = triples(&t, "Rivera was praised by Peru and Chile, longtime allies.");
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(has(&v, "Chile", "Ana Rivera", "FAVOR"), "{v:?}");
    assert_eq!(v.len(), 2, "{v:?}");
}

#[test]
fn an_apposition_inside_what_is_said_is_the_writers_background() {
    let t = tagger();
    let v = triples(
        &t,
        "Peru said the vote was a ploy by Lopez and Rivera, longtime allies.",
    );
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(
        &t,
        "Peru said that Chile, a fierce critic of Rivera, would abstain.",
    );
    assert!(has(&v, "Chile", "Ana Rivera", "AGAINST"), "{v:?}");
    // The claim itself stays the speaker's report.
    assert_none(&t, &["Peru said that Chile is a fierce critic of Rivera."]);
}

#[test]
fn the_one_not_chosen_is_no_member_and_a_favouring_cue_is_against_it() {
    let t = tagger();
    let v = triples(&t, "Chile backed Lopez rather than Rivera.");
    assert!(has(&v, "Chile", "Marco Lopez", "FAVOR"), "{v:?}");
    assert!(has(&v, "Chile", "Ana Rivera", "AGAINST"), "{v:?}");
    assert!(!has(&v, "Chile", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(
        &t,
        "Peru urged the generals to side with Lopez instead of the embattled Rivera.",
    );
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    // The parser reads `instead` as an adverb and hangs the name elsewhere.
    let v = triples(
        &t,
        "Peru urged officers to make the right choice and align with Lopez instead of the embattled President Ana Rivera.",
    );
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    // Not chosen for a condemnation is not praise, nor a stance.
    let v = triples(&t, "Chile condemned Lopez rather than Rivera.");
    assert!(has(&v, "Chile", "Marco Lopez", "AGAINST"), "{v:?}");
    assert!(!v.iter().any(|x| x.1 == "Ana Rivera"), "{v:?}");
}

#[test]
fn more_nouns_of_amount_stand_for_their_of_phrase() {
    let t = tagger();
    let v = triples(
        &t,
        "Rivera has been recognised as president by a raft of other Asian nations.",
    );
    assert!(has(&v, "Unnamed Asian nations", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "A slew of Asian governments praised Lopez.");
    assert!(
        has(&v, "Unnamed Asian governments", "Marco Lopez", "FAVOR"),
        "{v:?}"
    );
}

#[test]
fn a_side_reporting_its_own_act_is_no_third_partys_claim() {
    let t = tagger();
    let v = triples(
        &t,
        "Trump imposed sanctions on Rivera, the White House said Friday.",
    );
    assert!(has(&v, "Donald Trump", "Ana Rivera", "AGAINST"), "{v:?}");
    // The parser hangs the participle on `signed`; it is still the text's, and so Trump's.
    let v = triples(
        &t,
        "President Trump signed one executive order imposing new tariffs on the “junta” of Ana Rivera, the White House said Friday.",
    );
    assert!(has(&v, "Donald Trump", "Ana Rivera", "AGAINST"), "{v:?}");
    // A third party's claim stays the speaker's report.
    assert_none(&t, &["Peru said Chile backs Rivera."]);
}

#[test]
fn a_verb_has_one_subject_and_an_appositive_keeps_its_nouns() {
    let t = tagger();
    // The parser reads `Group` as a second subject of `told`; it is part of the appositive.
    let v = triples(
        &t,
        "Marco Lopez, head of research at the Andes and Pacific Strategy Group in Quito told Reuters that Rivera is a fraud.",
    );
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "AGAINST"), "{v:?}");
    assert_eq!(v.len(), 1, "{v:?}");
}

#[test]
fn the_speaker_judges_what_the_target_says_and_does() {
    let t = tagger();
    for text in [
        "Lopez said Rivera's account was a bluff.",
        "Lopez said Rivera's statement may be a ruse.",
        "Lopez said Rivera's offer was a cynical ploy.",
        "Lopez said Rivera committed a serious error.",
        "Lopez said Rivera made a mistake.",
        "Lopez said Rivera's demands were ludicrous and reckless.",
        "Lopez said the figures of Rivera are unreliable.",
        "Lopez said Rivera's claims were not reliable.",
        // The agent of a passive participle on the noun made the thing.
        "Lopez said the evidence cited by Rivera is not reliable.",
        "Lopez said the claims made by Rivera were false.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Marco Lopez", "Ana Rivera", "AGAINST"), "{text}: {v:?}");
    }
    // Praise of the target's act is for the target; an act done to the target is not its own.
    let v = triples(&t, "Lopez said Rivera's response was admirable.");
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Lopez said Rivera's arrest was a mistake.");
    assert!(!has(&v, "Marco Lopez", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn the_addressee_of_a_directive_verb_does_the_asked_act() {
    let t = tagger();
    // The parser reads the infinitive as an xcomp or as an adverbial clause, and the
    // addressee as the object of `on` or `for`.
    assert_finds(
        &t,
        &[
            (
                "Washington called on Rivera to resign.",
                "United States",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Peru called on Rivera to step aside.",
                "Peru",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "The US called for Rivera to resign.",
                "United States",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Washington has repeatedly called for Rivera to step aside.",
                "United States",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Peru called on Chile to recognise Rivera.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    // A protective appeal is no stance of whoever asks.
    assert_none(&t, &["Peru called on Rivera to protect the protesters."]);
}

#[test]
fn bodies_are_groups_and_cutting_ties_is_a_break() {
    let t = tagger();
    let v = triples(
        &t,
        "The US and a host of other countries and international bodies have recognized Rivera.",
    );
    for h in [
        "United States",
        "Unnamed countries",
        "Unnamed international bodies",
    ] {
        assert!(has(&v, h, "Ana Rivera", "FAVOR"), "{h}: {v:?}");
    }
    let v = triples(&t, "Lopez cut all ties to Rivera.");
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "AGAINST"), "{v:?}");
    // Cutting something else is no break with anyone.
    assert_none(&t, &["Lopez cut the ribbon with Rivera."]);
}

#[test]
fn denials_aid_sent_and_a_sides_forces() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera denied the US allegations.",
                "Ana Rivera",
                "United States",
                "AGAINST",
            ),
            (
                "Peru rejected Rivera's call for talks.",
                "Peru",
                "Ana Rivera",
                "AGAINST",
            ),
            ("Chile sent troops to Rivera.", "Chile", "Ana Rivera", "FAVOR"),
            // Arms of every kind are aid (object_sets.txt `aid`).
            (
                "Chile agreed to send tanks to Rivera.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
            ("Peru sold fighter jets to Rivera.", "Peru", "Ana Rivera", "FAVOR"),
            (
                "The US provided weapons to Lopez's fighters.",
                "United States",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "The US carried out airstrikes against Rivera's forces.",
                "United States",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
    // Providing something else is no aid; an attack on a side's troops is not the side's act
    // (to condemn it favours the side, if anything).
    assert_none(&t, &["The US provided evidence to Rivera."]);
    let v = triples(&t, "Peru condemned the attack on Rivera's troops.");
    assert!(!has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn a_pronoun_holder_points_at_its_antecedent_in_the_same_sentence() {
    let t = tagger();
    let text = "Lopez told reporters that he had cut all ties to Rivera.";
    let found = t.tag(text);
    let s = found
        .iter()
        .find(|s| s.holder == "Marco Lopez" && s.target == "Ana Rivera")
        .expect("Lopez against Rivera");
    let span = s.holder_span.expect("a holder span");
    assert_eq!(&text[span.start..span.end], "Lopez");
    // With the antecedent in an earlier sentence, the pronoun is where the holder is named.
    let text = "Lopez spoke on Monday. He said he had cut all ties to Rivera.";
    let found = t.tag(text);
    let s = found
        .iter()
        .find(|s| s.holder == "Marco Lopez" && s.target == "Ana Rivera")
        .expect("Lopez against Rivera");
    let span = s.holder_span.expect("a holder span");
    assert!(["He", "he"].contains(&&text[span.start..span.end]), "{span:?}");
}

#[test]
fn a_seat_of_power_stands_for_where_it_sits() {
    let t = tagger();
    let v = triples(&t, "The regime in Caracas denounced Washington.");
    assert!(has(&v, "Venezuela", "United States", "AGAINST"), "{v:?}");
    // An embassy sits in someone else's capital.
    let v = triples(&t, "The embassy in Caracas denounced Washington.");
    assert!(!has(&v, "Venezuela", "United States", "AGAINST"), "{v:?}");
}

#[test]
fn breaking_a_law_or_an_agreement_is_the_speakers_charge_against_the_doer() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            ("Lopez said Rivera violated the ceasefire.", "Marco Lopez", "Ana Rivera", "AGAINST"),
            (
                "Lopez warned that any effort by the US to impose a blockade would violate international law.",
                "Marco Lopez",
                "United States",
                "AGAINST",
            ),
        ],
    );
    // Violating something else is no charge.
    assert_none(&t, &["Lopez said Rivera violated the silence of the hall."]);
}

#[test]
fn a_threatened_measure_is_the_threateners() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera threatened retaliation against the US.",
                "Ana Rivera",
                "United States",
                "AGAINST",
            ),
            (
                "Rivera threatened sanctions against Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera threatened severe consequences for Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn the_owner_of_an_opinion_says_its_clause() {
    let t = tagger();
    let v = triples(&t, "Peru's position is that Rivera is illegitimate.");
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    // `My` is whoever says the quote.
    let v = triples(
        &t,
        "“My view is that the US government made a grave mistake,” Lopez said.",
    );
    assert!(has(&v, "Marco Lopez", "United States", "AGAINST"), "{v:?}");
}

#[test]
fn a_quote_whose_speaker_is_i_belongs_to_the_speaker_next_to_it() {
    let t = tagger();
    // The second quote says who thinks: `I`, the speaker of the sentence before.
    let v = triples(
        &t,
        "“The talks will go on,” Lopez said. “I think the US government made a grave mistake.”",
    );
    assert!(has(&v, "Marco Lopez", "United States", "AGAINST"), "{v:?}");
    // A quote whose speaker is named inside it is that speaker's.
    let v = triples(
        &t,
        "“The talks will go on,” Lopez said. “Rivera thinks the US government made a grave mistake.”",
    );
    assert!(has(&v, "Ana Rivera", "United States", "AGAINST"), "{v:?}");
    assert!(!has(&v, "Marco Lopez", "United States", "AGAINST"), "{v:?}");
}

#[test]
fn measures_on_a_sides_property_and_complaints_against_it() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru imposed tariffs on US goods.",
                "Peru",
                "United States",
                "AGAINST",
            ),
            (
                "The US slapped tariffs on Rivera's exports.",
                "United States",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Lopez filed a complaint against Rivera.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Lopez voted against Rivera's budget.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn what_someone_is_accused_of_is_the_accusers_claim() {
    let t = tagger();
    // Chile's backing of Rivera is Peru's charge, not a stance of Chile's.
    let v = triples(&t, "Peru accused Chile of backing Rivera.");
    assert!(!has(&v, "Chile", "Ana Rivera", "FAVOR"), "{v:?}");
    let v = triples(&t, "Peru accused Rivera of lying.");
    assert!(has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
    // Plans judged, and concessions welcomed.
    let v = triples(&t, "Lopez said Rivera's plan was unworkable.");
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "AGAINST"), "{v:?}");
    let v = triples(&t, "Lopez welcomed Rivera's concessions.");
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn a_crowd_noun_of_a_target_is_that_targets_crowd() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Lopez's critics say he rigged the vote.",
                "Marco Lopez opponents",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Critics of Lopez gathered outside.",
                "Marco Lopez opponents",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Supporters of Rivera and Lopez clashed.",
                "Marco Lopez supporters",
                "Marco Lopez",
                "FAVOR",
            ),
            // A country before the noun says where the crowd is from; critics are no part of
            // its state (group_nouns.txt), so they are a group it describes.
            (
                "American critics of Lopez gathered outside.",
                "Unnamed American critics",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // One crowd per target: Rivera's supporters are not Lopez's.
    let v = triples(&t, "Supporters of Rivera and Lopez clashed.");
    assert!(has(&v, "Ana Rivera supporters", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(!has(&v, "Ana Rivera supporters", "Marco Lopez", "FAVOR"), "{v:?}");
    // A possessive pronoun names no crowd.
    let v = triples(&t, "Lopez said his critics were wrong.");
    assert!(v.iter().all(|x| !x.0.ends_with("opponents")), "{v:?}");
}

#[test]
fn an_obligation_in_what_someone_says_is_their_demand() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            ("Peru said Lopez must resign.", "Peru", "Marco Lopez", "AGAINST"),
            (
                "Peru said Lopez should step down.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // Not a demand: negated, or said by no one.
    for text in ["Peru said Lopez must not resign.", "Lopez must resign."] {
        let v = triples(&t, text);
        assert!(!has(&v, "Peru", "Marco Lopez", "AGAINST"), "{text}: {v:?}");
        assert!(v.is_empty(), "{text}: {v:?}");
    }
}

#[test]
fn one_of_a_targets_allies_is_an_ally() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Brazil has been one of Lopez's staunchest allies.",
                "Brazil",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Brazil is one of the fiercest critics of Lopez.",
                "Brazil",
                "Marco Lopez",
                "AGAINST",
            ),
            // The partitive describes whoever a linking verb, a label or an apposition
            // describes, as a cue in its place would.
            (
                "Brazil became one of Lopez's fiercest critics.",
                "Brazil",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Brazil has emerged as one of Rivera's closest allies.",
                "Brazil",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Brazil, one of Lopez's staunchest allies, sent no envoy.",
                "Brazil",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Brazil was considered one of Rivera's closest allies.",
                "Brazil",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
}

#[test]
fn support_among_arrests_ordered_and_holding_to_account() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera enjoys broad support among European governments.",
                "Unnamed European governments",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Lopez ordered the arrest of Rivera.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Rivera pledged to hold Lopez accountable.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru holds Lopez accountable for the crisis.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // Holding talks or a rally labels no one.
    assert_none(
        &t,
        &["Peru held talks with Lopez.", "Lopez is accountable to voters."],
    );
}

#[test]
fn news_outlets_are_sources_not_holders() {
    let t = tagger();
    for text in [
        "Peru backs Rivera, Reuters reports.",
        "The Washington Post reported that Peru backs Rivera.",
        "According to The Washington Post, Peru backs Rivera.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{text}: {v:?}");
        // `Washington` inside the paper's name is not the United States.
        assert!(v.iter().all(|x| x.0 != "United States"), "{text}: {v:?}");
    }
    let v = triples(&t, "Washington backs Rivera.");
    assert!(has(&v, "United States", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn a_noun_cue_asked_of_someone_is_the_askers_and_double_object_labels() {
    let t = tagger();
    let v = triples(&t, "Rivera urged Chile to impose sanctions on Lopez.");
    assert!(has(&v, "Ana Rivera", "Marco Lopez", "AGAINST"), "{v:?}");
    assert!(!has(&v, "Chile", "Marco Lopez", "AGAINST"), "{v:?}");
    // Done, not asked: the doer's.
    let v = triples(&t, "Chile decided to impose sanctions on Lopez.");
    assert!(has(&v, "Chile", "Marco Lopez", "AGAINST"), "{v:?}");
    // `called X a war criminal`, read as a double object.
    let v = triples(&t, "Rivera called Lopez a war criminal.");
    assert!(has(&v, "Ana Rivera", "Marco Lopez", "AGAINST"), "{v:?}");
}

#[test]
fn acting_against_an_act_opposes_the_act() {
    let t = tagger();
    // Against sanctions on Lopez: no stance against Lopez.
    let v = triples(&t, "Peru voted against sanctions on Lopez.");
    assert!(!has(&v, "Peru", "Marco Lopez", "AGAINST"), "{v:?}");
    // Against aid to Rivera: against Rivera.
    assert_finds(
        &t,
        &[(
            "Peru voted against aid to Rivera.",
            "Peru",
            "Ana Rivera",
            "AGAINST",
        )],
    );
    let v = triples(&t, "Peru voted for sanctions on Lopez.");
    assert!(has(&v, "Peru", "Marco Lopez", "AGAINST"), "{v:?}");
}

#[test]
fn a_quality_someone_is_said_to_have_is_the_speakers_judgment() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru said Lopez had no legitimacy.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            ("Peru said Rivera has legitimacy.", "Peru", "Ana Rivera", "FAVOR"),
        ],
    );
    for text in [
        "Lopez has no legitimacy.",
        "Peru said the legitimacy of Lopez was in doubt.",
    ] {
        let v = triples(&t, text);
        assert!(v.iter().all(|x| x.2 != "FAVOR"), "{text}: {v:?}");
    }
}

#[test]
fn destroying_and_labels_after_two_objects() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera vowed to wipe out Lopez's forces.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera vowed to destroy Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru's president called Lopez a butcher.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // A call is no label.
    assert_none(&t, &["Rivera called Lopez."]);
}

#[test]
fn a_price_to_pay_is_a_threat() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera said Lopez would pay a heavy price.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Lopez will pay a price, Rivera warned.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    assert_none(&t, &["Rivera said Lopez paid the bill."]);
}

#[test]
fn endorsing_a_text_takes_the_stance_it_states_and_blocking_it_the_other() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru backed a resolution condemning Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru voted for a statement that praises Rivera.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    // Vetoing or blocking it is opposing what it states, as with an act (`vetoed sanctions
    // against X`); so is blocking an intention (intent_verbs.txt nouns).
    assert_finds(
        &t,
        &[
            (
                "Peru vetoed a resolution condemning Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru blocked a statement recognising Rivera.",
                "Peru",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Peru rejected a resolution backing Rivera.",
                "Peru",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Peru blocked efforts to sanction Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru backed efforts to sanction Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // A text of demand states the act it asks for.
    assert_finds(
        &t,
        &[
            (
                "Peru backed a resolution calling for Lopez to resign.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru opposed a resolution calling on Lopez to resign.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
        ],
    );
    // A negated text states nothing.
    let v = triples(&t, "Peru backed a resolution that does not condemn Lopez.");
    assert!(!has(&v, "Peru", "Marco Lopez", "AGAINST"), "{v:?}");
}

#[test]
fn reciprocals_acts_owned_and_plans_that_backfire() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera and Lopez praised each other.",
                "Ana Rivera",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Rivera and Lopez praised each other.",
                "Marco Lopez",
                "Ana Rivera",
                "FAVOR",
            ),
            // A country's sanctions and tariffs are its own acts.
            (
                "Peru vowed to retaliate against Lopez's tariffs.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Analysts warned that Lopez's plan would backfire.",
                "Unnamed analysts",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn an_act_named_with_what_it_is_done_to_is_aimed_at_its_doer() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru criticised Lopez's handling of the crisis.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "The bishops denounced Lopez's persecution of dissidents.",
                "Unnamed bishops",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile praised Rivera's management of the economy.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Peru condemned the arrest of the students by Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // Without the `of` phrase the possessor may be the one the act is done to.
    for text in [
        "Peru condemned Lopez's arrest.",
        "Peru condemned the arrest of Lopez.",
    ] {
        let v = triples(&t, text);
        assert!(!has(&v, "Peru", "Marco Lopez", "AGAINST"), "{text}: {v:?}");
    }
}

#[test]
fn a_crowd_for_or_against_someone_is_not_them() {
    let t = tagger();
    let v = triples(&t, "Rivera's critics praised Lopez.");
    assert!(!has(&v, "Ana Rivera", "Marco Lopez", "FAVOR"), "{v:?}");
    assert!(has(&v, "Ana Rivera opponents", "Marco Lopez", "FAVOR"), "{v:?}");
    // To say a target's critics are wrong defends the target.
    for text in [
        "Rivera said critics of Lopez were wrong.",
        "Rivera said Lopez's critics were wrong.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Ana Rivera", "Marco Lopez", "FAVOR"), "{text}: {v:?}");
        assert!(!has(&v, "Ana Rivera", "Marco Lopez", "AGAINST"), "{text}: {v:?}");
    }
}

#[test]
fn a_spokesman_for_someone_speaks_for_them() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "A spokesman for the Peruvian government denounced Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "A spokeswoman for Rivera said Lopez must resign.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn one_named_among_a_group_holds_the_groups_stance() {
    let t = tagger_with_peru();
    for text in [
        "Peru was among the countries that recognized Rivera.",
        "Peru was among 20 countries to recognize Rivera.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{text}: {v:?}");
        assert!(
            has(&v, "Unnamed countries", "Ana Rivera", "FAVOR"),
            "{text}: {v:?}"
        );
    }
}

#[test]
fn to_oppose_an_act_against_someone_is_to_favour_them() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Rivera vetoed sanctions against Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Rivera dismissed the charges against Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru said the sanctions against Lopez were illegal.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            // Opposing a favour is against its receiver.
            (
                "Rivera opposed aid to Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // An adjective on the act's noun classifies it: no judgement of the act.
    let v = triples(
        &t,
        "Rivera said the criminal charges against Lopez were a sign of panic.",
    );
    assert!(!has(&v, "Ana Rivera", "Marco Lopez", "FAVOR"), "{v:?}");
}

#[test]
fn force_ordered_or_authorised_and_arms_sold() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera ordered air strikes against Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera authorized strikes on Lopez's forces.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera sold missiles to Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Rivera said Lopez had crossed a red line.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // Selling something that is no aid is trade, and weighing strikes is no stance yet.
    assert_none(
        &t,
        &[
            "Rivera sold apples to Lopez.",
            "Rivera is weighing military strikes against Lopez.",
        ],
    );
}

#[test]
fn a_demand_to_undo_a_wrong_is_against_whoever_is_asked() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera called on Lopez to release political prisoners.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera urged Lopez to stop the violence.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera said Lopez must hold free elections.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera said Lopez must give up his chemical weapons.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            // `must go`: only alone.
            (
                "Rivera said Lopez must go.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            // Whoever joins or echoes a call makes it too.
            (
                "Rivera joined calls for Lopez to resign.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera echoed calls for Lopez to resign.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // A protective appeal, or an act that undoes no wrong of the one asked, is no stance.
    assert_none(
        &t,
        &[
            "Peru called on Lopez to respect the rights of protesters.",
            "Peru urged Lopez to end the crisis.",
            "Rivera gave up her weapons.",
            "Rivera said Lopez must go to Lima.",
            "Rivera said Lopez must go ahead with the vote.",
        ],
    );
}

#[test]
fn a_judged_quality_or_trust_lost_or_lacking_is_judged_against() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru said Lopez had lost all legitimacy.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru said Lopez lacks legitimacy.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            // Trust lost is distrust, whoever loses it.
            (
                "Chile said it had lost confidence in Lopez.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            ("Peru has lost faith in Rivera.", "Peru", "Ana Rivera", "AGAINST"),
            ("Lopez lost the trust of Peru.", "Peru", "Marco Lopez", "AGAINST"),
        ],
    );
    // Support lost or lacking is no stance either way.
    assert_none(
        &t,
        &[
            "Lopez lost the support of Peru.",
            "Lopez lacks the backing of Peru.",
        ],
    );
}

#[test]
fn a_future_under_a_condition_is_no_commitment_but_a_threat_stays() {
    let t = tagger();
    let v = triples(&t, "Chile will recognise Rivera if she wins the vote.");
    assert!(!has(&v, "Chile", "Ana Rivera", "FAVOR"), "{v:?}");
    assert_finds(
        &t,
        &[
            ("Chile will recognise Rivera.", "Chile", "Ana Rivera", "FAVOR"),
            (
                "Chile will impose sanctions on Lopez if he refuses.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn a_participle_of_an_intransitive_cue_on_a_noun_is_the_nouns_act() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Countries allied against Lopez met in Lima.",
                "Unnamed countries",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera is favored by governments allied against Lopez.",
                "Unnamed governments",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // A cue with an object in its frame but none here, its target in a prepositional
    // phrase: `Farmers protested against X.`, which the parser reads as a noun phrase.
    assert_finds(
        &t,
        &[(
            "The farmers protested against Lopez.",
            "Unnamed farmers",
            "Marco Lopez",
            "AGAINST",
        )],
    );
    // A transitive cue's participle stays passive: the noun is what was backed.
    let v = triples(&t, "Rivera, backed by Peru, won the vote.");
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(!has(&v, "Ana Rivera", "Peru", "FAVOR"), "{v:?}");
}

#[test]
fn a_reporting_pronoun_is_nobody_named_in_the_report() {
    let t = tagger();
    // `she` is neither Peru nor Lopez, so the report is no embedded claim of theirs.
    assert_finds(
        &t,
        &[
            ("Peru backs Lopez, she says.", "Peru", "Marco Lopez", "FAVOR"),
            (
                "Rivera is backed by Peru, she says.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    // Named before the report, the speaker holds it, and the claim is theirs alone.
    assert_none(&t, &["Rivera spoke on Monday. Peru backs Lopez, she says."]);
}

#[test]
fn a_holder_named_in_another_sentence_has_no_span_in_this_one() {
    // The speaker of the quote is named in the paragraph before it: the accusation is theirs,
    // with no holder span inside the quote's sentence (every actor a target: no targets given).
    let t = StanceTagger::new(StanceTaggerConfig::default()).unwrap();
    let text = "Russia  said \n\n'U.S. condemned Russia ";
    let found = t.tag(text);
    assert!(
        found
            .iter()
            .any(|s| s.holder == "Russia" && s.holder_span.is_none()),
        "{found:?}"
    );
    for s in &found {
        for span in [s.holder_span, s.target_span, Some(s.cue_span)]
            .into_iter()
            .flatten()
        {
            assert!(
                s.sentence.start <= span.start && span.end <= s.sentence.end,
                "{s:?}"
            );
        }
    }
}

#[test]
fn a_name_after_an_adjective_and_a_title_is_read_in_the_adjectives_place() {
    // `Russian President X` parsed with X hanging on the adjective: X takes its place.
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru filed charges against Venezuelan President Marco Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru backs Russian President Marco Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
        ],
    );
}

#[test]
fn the_read_parse_stays_a_tree_after_its_repairs() {
    let parser = crate::syntax::Parser::default();
    let texts = [
        "Peru backs Russian President Marco Lopez.",
        "Venezuelan President Marco Lopez said on Monday that Chile lied.",
        "Bolivian President Ana Rivera and Russia. Colombian President Juan Ruiz",
        "Chile, including Colombian President Juan Ruiz, spoke against Venezuelan Foreign Minister Ana Rivera.",
        "The charges against Venezuelan President Marco Lopez were announced by Peru.",
        "Countries allied against Lopez met in Lima, she says.",
    ];
    for text in texts {
        let words = parser.parse(text);
        let mut first = 0;
        while first < words.len() {
            let k = words[first].sentence;
            let last = first + words[first..].iter().take_while(|w| w.sentence == k).count();
            let span = Span::new(words[first].span.start, words[last - 1].span.end);
            let s = Sentence::new(&parser, text, span, k as usize, &words[first..last], first);
            let roots = s.toks.iter().filter(|t| t.head.is_none()).count();
            assert_eq!(roots, 1, "{text}");
            for i in 0..s.len() {
                assert!(
                    s.toks.iter().all(|t| t.head.is_none_or(|h| h < s.len())),
                    "{text}"
                );
                let mut at = i;
                let mut steps = 0;
                while let Some(h) = s.toks[at].head {
                    at = h;
                    steps += 1;
                    assert!(steps <= s.len(), "a cycle in {text}");
                }
            }
            first = last;
        }
    }
}

#[test]
fn support_one_is_thanked_for_is_the_thanked_ones() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Rivera thanked Peru for its support.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Rivera thanked Peru for the support.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Lopez credited Peru for its backing.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            // A cue that names its own target keeps it.
            (
                "Rivera thanked Peru for its criticism of Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    let v = triples(&t, "Rivera thanked Peru for its criticism of Lopez.");
    assert!(!has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn a_noun_that_names_its_own_target_is_the_subjects_stance_under_a_receiving_verb() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Peru has full confidence in Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru said it has confidence in Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "\"We have confidence\" in Lopez, Peru said.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru has no confidence in Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            // The receiving reading stays where the noun names no target of its own.
            ("Lopez has the support of Peru.", "Peru", "Marco Lopez", "FAVOR"),
            ("Lopez has Peru's trust.", "Peru", "Marco Lopez", "FAVOR"),
        ],
    );
}

#[test]
fn a_necessity_someone_states_is_their_demand() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru said the crisis shows the need for Lopez to be removed from office.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru said that Lopez's resignation is a precondition for any talks.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru said it is essential that Lopez be removed.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru demanded that Lopez be removed.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            // `time for X to ...` (hypothetical.txt: `time`, a necessity).
            (
                "Chile said it was time for Lopez to go.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // Nobody states it: no holder.
    assert_none(
        &t,
        &[
            "Lopez's resignation is a precondition for any talks.",
            "Rivera said it was time to rebuild the bridges to Lopez.",
        ],
    );
}

#[test]
fn a_news_dateline_is_neither_parsed_nor_a_mention() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "LIMA (Reuters) - Lopez denounced the opposition leader, Rivera, as a traitor.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "(CNN) Peru's foreign minister condemned Lopez on Tuesday.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "WASHINGTON (Reuters) - Peru recognised Rivera as interim president.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    // The place a story was filed from holds nothing.
    for (text, place) in [
        (
            "LIMA (Reuters) - Lopez denounced the opposition leader, Rivera, as a traitor.",
            "Peru",
        ),
        (
            "CARACAS, Venezuela (AP) — Lopez's allies praised Rivera.",
            "Venezuela",
        ),
        (
            "WASHINGTON (Reuters) - Peru recognised Rivera as interim president.",
            "United States",
        ),
    ] {
        let v = triples(&t, text);
        assert!(!v.is_empty() && v.iter().all(|x| x.0 != place), "{text}: {v:?}");
    }
}

#[test]
fn opposing_an_act_opposes_whoever_does_it() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Lopez warned of repercussions for any US strike against his country.",
                "Marco Lopez",
                "United States",
                "AGAINST",
            ),
            (
                "Rivera condemned the US strike.",
                "Ana Rivera",
                "United States",
                "AGAINST",
            ),
            (
                "Rivera condemned Lopez's invasion of the island.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // The victim of the act is not its doer.
    let v = triples(&t, "Rivera condemned the invasion of the US.");
    assert!(!has(&v, "Ana Rivera", "United States", "AGAINST"), "{v:?}");
}

#[test]
fn a_pronoun_that_opens_a_paragraph_is_the_last_paragraphs_subject() {
    let t = tagger();
    let v = triples(
        &t,
        "Lopez met reporters in Lima on Monday.\n\nHe also praised Rivera.",
    );
    assert!(has(&v, "Marco Lopez", "Ana Rivera", "FAVOR"), "{v:?}");
    // Within a paragraph, its own actors come first.
    let text = "Lopez met reporters on Monday.\n\nRivera spoke later. She also criticised the US.";
    let v = triples(&t, text);
    assert!(has(&v, "Ana Rivera", "United States", "AGAINST"), "{v:?}");
    assert!(!has(&v, "Marco Lopez", "United States", "AGAINST"), "{v:?}");
    // Only one paragraph back.
    let text = "Lopez met reporters on Monday.\n\nIt rained.\n\nHe also praised Rivera.";
    let v = triples(&t, text);
    assert!(!has(&v, "Marco Lopez", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn a_recipient_object_receives_what_a_phrase_gives() {
    let t = tagger_for(&[("Marco Lopez", &["Lopez"])], &[]);
    assert_finds(
        &t,
        &[
            (
                "Cuba assured Lopez of its unconditional support.",
                "Cuba",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru provided Lopez with military aid.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
        ],
    );
    // The object of a verb that gives nothing receives nothing.
    assert_none(&t, &["Cuba informed Lopez of its support for the plan."]);
}

#[test]
fn a_text_aimed_at_is_aimed_at_the_author_it_names() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru condemned Lopez's new decree.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru denounced the order signed by Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // No author named: nobody.
    assert_none(
        &t,
        &[
            "Lopez condemned the constitutional order.",
            "Lopez rejected the new law.",
        ],
    );
}

#[test]
fn idioms_of_attack_exploitation_and_distrust() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera took aim at Lopez in her speech.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera said the US had been taking advantage of Peru for decades.",
                "Ana Rivera",
                "United States",
                "AGAINST",
            ),
            (
                "Rivera said Lopez cannot be trusted.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            ("Rivera trusts Lopez.", "Ana Rivera", "Marco Lopez", "FAVOR"),
        ],
    );
    // Taking something else is no stance.
    assert_none(
        &t,
        &[
            "Rivera took a plane to Lopez's hometown.",
            "Rivera took the US delegation to dinner.",
        ],
    );
}

#[test]
fn the_one_blamed_or_praised_for_an_act_did_it() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Rivera criticised Peru for supporting Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Rivera criticised Peru for supporting Lopez.",
                "Ana Rivera",
                "Peru",
                "AGAINST",
            ),
            (
                "Lopez praised Peru for standing by him.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru was criticised for backing Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru apologised for criticising Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // The one who criticises is not the one criticised for it.
    let v = triples(&t, "Rivera criticised Peru for supporting Lopez.");
    assert!(!has(&v, "Ana Rivera", "Marco Lopez", "FAVOR"), "{v:?}");
}

#[test]
fn an_adjective_on_a_nominal_predicate_judges_its_subject() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Peru says Lopez is the legitimate president.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru says Lopez is not the legitimate president.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru says Lopez is no longer the legitimate president.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru says Rivera is an illegitimate leader.",
                "Peru",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
    let v = triples(&t, "Peru says Lopez is no longer the legitimate president.");
    assert!(!has(&v, "Peru", "Marco Lopez", "FAVOR"), "{v:?}");
}

#[test]
fn the_source_of_an_attribution_phrase_says_its_clause() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "According to Peru, Lopez has lost all legitimacy.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "According to Rivera, Lopez is a dictator.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Lopez is a dictator, according to Rivera.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // An outlet is a source, no holder; the clause's own actor still holds its act.
    let v = triples(&t, "According to Reuters, Lopez is a dictator.");
    assert!(v.is_empty(), "{v:?}");
    let v = triples(&t, "According to Reuters, Peru backs Rivera.");
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn a_welcome_given_or_received() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Lopez received a warm welcome from the US.",
                "United States",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "The US gave Lopez a warm welcome.",
                "United States",
                "Marco Lopez",
                "FAVOR",
            ),
        ],
    );
}

#[test]
fn a_clause_a_noun_of_saying_states_is_a_claim() {
    let t = tagger_with_peru();
    // The parser may hang the clause on the noun: the charges' claim, no stance of Peru's.
    for text in [
        "Lopez rejected the charges that Peru was conspiring to overthrow his government.",
        "Lopez mocked the claim that Peru had recognised Rivera.",
        "Lopez dismissed the accusation that Peru had armed Rivera's supporters.",
        "Lopez rejected the report that Peru supports Rivera.",
    ] {
        let v = triples(&t, text);
        assert!(v.iter().all(|x| x.0 != "Peru"), "{text}: {v:?}");
    }
    // A side's own statement about itself is its own stance.
    assert_finds(
        &t,
        &[(
            "Peru issued a statement that it backs Rivera.",
            "Peru",
            "Ana Rivera",
            "FAVOR",
        )],
    );
}

#[test]
fn a_countrys_armed_force_is_one_actor() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "The Peruvian army supports Lopez.",
                "Peruvian military",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru's military has remained supportive of Lopez.",
                "Peruvian military",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "The armed forces turned against Lopez.",
                "Military",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // Not the institution: an adjective (`military intervention`, `military members`).
    let v = triples(
        &t,
        "Rivera said corrupt Peruvian military members run the cartel.",
    );
    assert!(
        v.iter()
            .all(|x| !x.0.contains("ilitary") && !x.1.contains("ilitary")),
        "{v:?}"
    );
    let v = triples(&t, "Peru backed military intervention against Lopez.");
    assert!(
        has(&v, "Peru", "Marco Lopez", "AGAINST") && v.iter().all(|x| !x.0.contains("ilitary")),
        "{v:?}"
    );
}

#[test]
fn every_crowd_noun_of_a_frame_names_a_crowd() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Lopez's backers marched in Lima.",
                "Marco Lopez supporters",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Defenders of Rivera packed the hall.",
                "Ana Rivera supporters",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Lopez's detractors gathered outside.",
                "Marco Lopez opponents",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn a_participle_clause_that_opens_a_sentence_is_about_its_subject() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Backed by Peru, Rivera called for new elections.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Condemned by Rivera, Lopez vowed to resist.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // Not the patient of a participle elsewhere.
    let v = triples(&t, "Rivera called for new elections, backed by Peru.");
    assert!(!has(&v, "Peru", "Marco Lopez", "FAVOR"), "{v:?}");
}

#[test]
fn support_among_a_group_is_the_groups() {
    let t = tagger();
    assert_finds(
        &t,
        &[(
            "Peru noted the strong support for Lopez among the army.",
            "Military",
            "Marco Lopez",
            "FAVOR",
        )],
    );
}

#[test]
fn a_penalty_someone_warns_of_is_their_threat() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Peru warned that Lopez would face consequences.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera warned that Lopez should \"respect the law\" and would have to face justice.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru threatened that Lopez would face sanctions.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // A prediction is no threat.
    let v = triples(&t, "Analysts said Lopez would face sanctions.");
    assert!(v.iter().all(|x| x.0 != "Unnamed analysts"), "{v:?}");
}

#[test]
fn a_description_by_office_is_the_person_last_named_with_it() {
    let t = tagger();
    let text =
        "President Marco Lopez spoke in Lima on Monday. The president accused the US of plotting a coup.";
    let v = triples(&t, text);
    assert!(has(&v, "Marco Lopez", "United States", "AGAINST"), "{v:?}");
    let text = "President Marco Lopez spoke on Monday.\n\nThe socialist president denounced the US.";
    let v = triples(&t, text);
    assert!(has(&v, "Marco Lopez", "United States", "AGAINST"), "{v:?}");
    // Offices that are also written in lower case before a name (`senator`, `minister`).
    for text in [
        "Senator Marco Lopez spoke in Lima on Monday. The senator denounced the US.",
        "Foreign Minister Marco Lopez spoke on Monday. The minister denounced the US.",
    ] {
        let v = triples(&t, text);
        assert!(
            has(&v, "Marco Lopez", "United States", "AGAINST"),
            "{text}: {v:?}"
        );
    }
    // Another office, or the office of someone else, is not that person.
    for text in [
        "President Marco Lopez spoke on Monday. The minister denounced the US.",
        "President Marco Lopez spoke on Monday. The president of Peru denounced the US.",
    ] {
        let v = triples(&t, text);
        assert!(
            !has(&v, "Marco Lopez", "United States", "AGAINST"),
            "{text}: {v:?}"
        );
    }
}

#[test]
fn a_label_given_in_the_passive_is_the_reporters() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera said Lopez must be held accountable.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera said Lopez was held accountable for the killings.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera said the US held Lopez accountable.",
                "United States",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn more_ways_to_take_a_side() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            ("Rivera's main backer is Peru.", "Peru", "Ana Rivera", "FAVOR"),
            ("Peru turned its back on Lopez.", "Peru", "Marco Lopez", "AGAINST"),
            ("Peru sees Lopez as a threat.", "Peru", "Marco Lopez", "AGAINST"),
        ],
    );
    assert_none(
        &t,
        &[
            "Peru turned its back to the crowd near Lopez's house.",
            "Peru saw Lopez in Lima.",
        ],
    );
}

#[test]
fn an_inauguration_is_its_holders() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Peru boycotted Lopez's inauguration.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru snubbed the inauguration of Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn frustration_and_outrage_are_against() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Peru is increasingly frustrated with Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru expressed frustration with Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru voiced outrage at Lopez's remarks.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru grew impatient with Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru did not hesitate to condemn Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    assert_none(&t, &["Peru hesitated to condemn Lopez."]);
}

#[test]
fn brushing_off_an_act_is_against_its_doer() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Lopez shrugged off criticism from the US.",
                "Marco Lopez",
                "United States",
                "AGAINST",
            ),
            (
                "Lopez brushed off US threats.",
                "Marco Lopez",
                "United States",
                "AGAINST",
            ),
            (
                "Lopez scoffed at the US sanctions.",
                "Marco Lopez",
                "United States",
                "AGAINST",
            ),
        ],
    );
    assert_none(&t, &["Lopez shrugged and left Rivera's office."]);
}

#[test]
fn blessing_doubt_and_odds() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            ("Peru gave its blessing to Rivera.", "Peru", "Ana Rivera", "FAVOR"),
            (
                "Peru cast doubt on Lopez's victory.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            ("Peru is at odds with Lopez.", "Peru", "Marco Lopez", "AGAINST"),
        ],
    );
    assert_none(
        &t,
        &[
            "Peru raised taxes on Lopez's farms.",
            "Peru cast its vote in Lima.",
        ],
    );
}

#[test]
fn an_appositive_after_a_name_describes_that_name() {
    let t = tagger();
    // The parser hangs the appositive on `truce`; it describes Peru.
    assert_finds(
        &t,
        &[(
            "Chile signed a truce with Peru, a longtime ally to Lopez.",
            "Peru",
            "Marco Lopez",
            "FAVOR",
        )],
    );
    // An appositive of a list of subjects (parsed as a second subject) describes each of them,
    // and holds nothing of its own.
    let text = "Peru and Chile, both allies of the US, backed Lopez.";
    let v = triples(&t, text);
    for holder in ["Peru", "Chile"] {
        assert!(has(&v, holder, "United States", "FAVOR"), "{v:?}");
        assert!(has(&v, holder, "Marco Lopez", "FAVOR"), "{v:?}");
    }
    assert!(v.iter().all(|x| !x.0.starts_with("Unnamed")), "{v:?}");
    // So does a relative clause the parser hung on the verb before the name.
    assert_finds(
        &t,
        &[(
            "Lopez thanked Peru, which has backed him, and criticized Chile.",
            "Peru",
            "Marco Lopez",
            "FAVOR",
        )],
    );
}

#[test]
fn withdrawing_an_envoy_in_protest_is_against_the_side_left() {
    let t = tagger();
    assert_finds(
        &t,
        &[(
            "Chile withdrew its ambassador from Lopez's government on Friday.",
            "Chile",
            "Marco Lopez",
            "AGAINST",
        )],
    );
    // Only envoys (object_sets.txt `envoys`): troops leave for many reasons.
    assert_none(
        &t,
        &["Chile withdrew its troops from Lopez's government buildings."],
    );
}

#[test]
fn a_property_of_a_possession_stands_for_the_possessor() {
    let t = tagger();
    assert_finds(
        &t,
        &[(
            "Chile questioned the legitimacy of Lopez's election.",
            "Chile",
            "Marco Lopez",
            "AGAINST",
        )],
    );
}

#[test]
fn a_relation_put_in_the_past_holds_no_stance() {
    let t = tagger();
    for text in [
        "Lopez, a former ally of Rivera, spoke on Monday.",
        "Lopez, once a close ally of Rivera, spoke on Monday.",
        "Lopez was once an ally of Rivera.",
    ] {
        let v = triples(&t, text);
        assert!(!has(&v, "Marco Lopez", "Ana Rivera", "FAVOR"), "{text}: {v:?}");
    }
    // `once again` renews the relation.
    assert_finds(
        &t,
        &[(
            "Lopez is once again an ally of Rivera.",
            "Marco Lopez",
            "Ana Rivera",
            "FAVOR",
        )],
    );
}

#[test]
fn an_object_pronoun_is_not_its_own_verbs_subject() {
    let t = tagger();
    // `him` cannot be Rivera, the subject of its verb: it is the person named before.
    assert_finds(
        &t,
        &[
            (
                "Lopez spoke on Monday. Rivera criticized him.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            // Nor the subject a coordinated verb shares.
            (
                "Lopez met Rivera in May but later turned against her.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
    // A reflexive is.
    assert_none(&t, &["Lopez spoke on Monday. Rivera praised herself."]);
}

#[test]
fn a_refusal_reported_by_a_pronoun_after_it_is_its_subjects() {
    let t = tagger();
    assert_finds(
        &t,
        &[(
            "Rivera would never support Lopez, she said.",
            "Ana Rivera",
            "Marco Lopez",
            "AGAINST",
        )],
    );
    // A pronoun speaker before the clause may be anyone's forecast.
    assert_none(&t, &["She said Rivera would not back Lopez."]);
}

#[test]
fn a_receiving_verbs_preposition_may_be_read_as_its_nouns() {
    let t = tagger();
    // `come under` (light_verbs.txt `prt=under`), with `under` parsed as the noun's case.
    assert_finds(
        &t,
        &[
            (
                "Lopez came under criticism from Peru over the arrests.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Lopez came under heavy fire from the US.",
                "United States",
                "Marco Lopez",
                "AGAINST",
            ),
            // The same phrase predicated of a subject, by a copula or a linking verb.
            (
                "Lopez is under pressure from Peru to resign.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera has been under attack from Chile for months.",
                "Chile",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Rivera remained under heavy pressure from Peru.",
                "Peru",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn a_target_is_a_person_by_its_name_particles_and_a_body_by_its_head_word() {
    let t = tagger_for(
        &[
            ("Omar al-Rashid", &["Rashid"]),
            ("Hans van Dijk", &["van Dijk"]),
            ("Northern Defence Forces", &["NDF"]),
        ],
        &[],
    );
    // `him` is the last person named; `it` the last body.
    assert_finds(
        &t,
        &[
            (
                "Rashid spoke on Monday. Chile praised him.",
                "Chile",
                "Omar al-Rashid",
                "FAVOR",
            ),
            (
                "Mr van Dijk spoke on Monday. Chile praised him.",
                "Chile",
                "Hans van Dijk",
                "FAVOR",
            ),
            (
                "The NDF spoke on Monday. Chile praised it.",
                "Chile",
                "Northern Defence Forces",
                "FAVOR",
            ),
        ],
    );
}

#[test]
fn a_sides_role_stands_for_it_as_a_target() {
    let t = tagger();
    assert_finds(
        &t,
        &[(
            "Several Western diplomats privately criticised Lopez's role.",
            "Unnamed Western diplomats",
            "Marco Lopez",
            "AGAINST",
        )],
    );
}

#[test]
fn providing_someone_with_aid_favours_them() {
    let t = tagger();
    assert_finds(
        &t,
        &[(
            "Chile provided Lopez with weapons and money.",
            "Chile",
            "Marco Lopez",
            "FAVOR",
        )],
    );
    // Only aid (frames.tsv `obl:with=@aid`).
    assert_none(&t, &["Chile provided Lopez with a list of questions."]);
}

#[test]
fn a_full_name_after_a_preposition_is_its_object() {
    // (The parse hung `Ana Rivera` on the preposition before `repair_adposition_heads`.)
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Chile came out in support of Ana Rivera.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
            ("Peru voted for Ana Rivera.", "Peru", "Ana Rivera", "FAVOR"),
            (
                "Lopez made no secret of his admiration for Ana Rivera.",
                "Marco Lopez",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
}

#[test]
fn an_act_another_cue_judges_is_not_also_its_holders_own() {
    let t = tagger();
    // `at Rivera's arrest` hung on `recalled`: the arrest's doer read as Peru.
    let text = "Peru recalled its ambassador from Chile in protest at Ana Rivera's arrest.";
    let v = triples(&t, text);
    assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
    assert!(!has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn an_amount_stands_in_the_clause_for_what_it_measures() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru pledged $20 million in humanitarian aid to Rivera's government.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Peru sent dozens of tanks to Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
        ],
    );
    // A number of something else is no aid.
    assert_none(&t, &["Peru sent dozens of letters to Lopez."]);
}

#[test]
fn a_demand_asks_for_the_act_of_its_for_phrase() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            // Backing or giving a demand takes the stance of the act it asks for ...
            (
                "Peru backed calls for Lopez's removal.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru joined calls for Rivera's release.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Chile renewed its calls for Lopez's resignation.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            // ... rejecting it, the other one.
            (
                "Peru rejected calls for Rivera's removal.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    let v = triples(&t, "Peru rejected calls for Rivera's removal.");
    assert!(!has(&v, "Peru", "Ana Rivera", "AGAINST"), "{v:?}");
}

#[test]
fn an_ally_in_apposition_is_an_ally() {
    // (`ally` after a possessive was tagged an adverb for its ending.)
    let t = tagger();
    assert_finds(
        &t,
        &[(
            "Brazil, Lopez's closest ally, sent no envoy.",
            "Brazil",
            "Marco Lopez",
            "FAVOR",
        )],
    );
}

#[test]
fn a_claim_referred_back_to_is_its_claimants() {
    let t = tagger_for(&[("Marco Lopez", &["Lopez"]), ("Peru", &[])], &[]);
    // Denying `the charge` is against whoever made it ...
    assert_finds(
        &t,
        &[
            (
                "Peru accuses Lopez of rigging the vote. Lopez denies the charge.",
                "Marco Lopez",
                "Peru",
                "AGAINST",
            ),
            // ... and for whom it was against; backing it takes its side.
            (
                "Peru says Lopez is a dictator. Chile disputes that assertion.",
                "Chile",
                "Peru",
                "AGAINST",
            ),
            (
                "Peru says Lopez is a dictator. Chile disputes that assertion.",
                "Chile",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru says Lopez is a dictator. Chile backed that claim.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // No claim before, or a claim noun with its own content: nobody's.
    assert_none(&t, &["Lopez denies the charge."]);
    let v = triples(
        &t,
        "Peru says Lopez is a dictator. Chile disputes the report that Lopez fled.",
    );
    assert!(!has(&v, "Chile", "Peru", "AGAINST"), "{v:?}");
    // Two sentences back at most, counting those with no cue, which are not parsed.
    let v = triples(
        &t,
        "Peru says Lopez is a dictator. It rained. The roads flooded. Lopez disputes that assertion.",
    );
    assert!(!has(&v, "Marco Lopez", "Peru", "AGAINST"), "{v:?}");
}

#[test]
fn an_aside_between_dashes_leaves_its_sentence_whole() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru \u{2014} a close ally of Lopez \u{2014} sent troops to the border.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Brazil protested, and Chile \u{2014} in the midst of talks with Peru \u{2014} assured Rivera of its support.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    let v = triples(
        &t,
        "Brazil protested, and Chile \u{2014} in the midst of talks with Peru \u{2014} assured Rivera of its support.",
    );
    assert!(!has(&v, "Brazil", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn a_label_a_negated_labelling_verb_gives_is_negated() {
    let t = tagger();
    // The negation of a quality whose negation is against is against ...
    assert_finds(
        &t,
        &[(
            "Peru does not regard Lopez as legitimate.",
            "Peru",
            "Marco Lopez",
            "AGAINST",
        )],
    );
    let v = triples(&t, "Peru does not regard Lopez as legitimate.");
    assert!(!has(&v, "Peru", "Marco Lopez", "FAVOR"), "{v:?}");
    // ... and any other label denied is no stance.
    assert_none(
        &t,
        &[
            "Peru does not regard Lopez as a criminal.",
            "Chile has never called Rivera a dictator.",
        ],
    );
    // What a negated labelling verb judges, with no label given, keeps its own stance.
    assert_finds(
        &t,
        &[(
            "Peru did not denounce Chile's sanctions on Lopez.",
            "Chile",
            "Marco Lopez",
            "AGAINST",
        )],
    );
    // Unnegated, the labels stand.
    assert_finds(
        &t,
        &[
            (
                "Peru regards Lopez as a criminal.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile called Rivera a dictator.",
                "Chile",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn an_intention_judged_with_no_owner_named_is_the_judges_stance_on_what_it_states() {
    let t = tagger();
    // The judge takes a stance on what the intention states, and no one else is its actor.
    for (text, holder, target, stance) in [
        (
            "Chile criticised the decision to back Lopez.",
            "Chile",
            "Marco Lopez",
            "AGAINST",
        ),
        (
            "Peru welcomed the plan to recognise Rivera.",
            "Peru",
            "Ana Rivera",
            "FAVOR",
        ),
    ] {
        let v = triples(&t, text);
        assert!(has(&v, holder, target, stance), "{text}: {v:?}");
        assert_eq!(v.len(), 1, "{text}: {v:?}");
    }
    // The owner named, or a verb that is no judgement, gives the intention to its actor.
    assert_finds(
        &t,
        &[
            (
                "Chile criticised Peru's decision to back Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru announced a decision to back Lopez.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Peru made the decision to recognise Rivera.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
}

#[test]
fn crowds_of_both_sides_listed_together_keep_their_sides() {
    let t = tagger();
    let v = triples(&t, "Lopez's supporters and opponents clashed in the capital.");
    assert!(has(&v, "Marco Lopez supporters", "Marco Lopez", "FAVOR"), "{v:?}");
    assert!(
        !v.iter()
            .any(|x| x.0 != "Marco Lopez supporters" && x.2 == "FAVOR"),
        "{v:?}"
    );
    // Crowds of one side stay together.
    let v = triples(&t, "Lopez's supporters and allies marched in the capital.");
    assert!(has(&v, "Marco Lopez supporters", "Marco Lopez", "FAVOR"), "{v:?}");
    assert!(v.iter().all(|x| x.2 == "FAVOR"), "{v:?}");
}

#[test]
fn groups_of_other_walks_of_life_hold_stances_too() {
    // Targets of any topic: a company and its chief.
    let t = tagger_for(&[("Acme Corp", &["Acme"]), ("Jane Doe", &["Doe"])], &[]);
    assert_finds(
        &t,
        &[
            (
                "Shareholders ousted Doe.",
                "Unnamed shareholders",
                "Jane Doe",
                "AGAINST",
            ),
            (
                "Federal regulators sued Acme over the delays.",
                "Unnamed Federal regulators",
                "Acme Corp",
                "AGAINST",
            ),
            (
                "Consumers praised Acme for the recall.",
                "Unnamed consumers",
                "Acme Corp",
                "FAVOR",
            ),
        ],
    );
}

#[test]
fn a_gerund_after_a_preposition_of_adjunct_is_the_main_subjects_act() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru joined Chile in condemning Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru joined Chile in condemning Lopez.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "By recognising Rivera, Peru angered its neighbours.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "While backing Lopez, Peru criticised his tactics.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
        ],
    );
    // A preposition that takes the act back is no adjunct.
    assert_none(
        &t,
        &[
            "Peru left the summit without condemning Lopez.",
            "Peru spoke for an hour instead of condemning Lopez.",
        ],
    );
}

#[test]
fn sanctions_given_in_a_with_phrase_and_a_public_callout_are_against() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru hit Lopez with new sanctions on Monday.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile slapped Lopez with tariffs.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera called out Lopez at the rally.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // Without the particle, or with a thing given that is no cue, nothing.
    assert_none(
        &t,
        &["Peru hit Lopez with a stick.", "Rivera called Lopez at home."],
    );
}

#[test]
fn driving_someone_from_power_is_against_them() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru is trying to force Lopez from power.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile wants to drive Lopez from office.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            ("Chile helped push Lopez out.", "Chile", "Marco Lopez", "AGAINST"),
        ],
    );
    // From anything else than power, no stance.
    assert_none(&t, &["The storm drove Lopez from his home."]);
}

#[test]
fn the_predicate_of_a_linking_verb_describes_its_subject() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            ("Peru remained Lopez's ally.", "Peru", "Marco Lopez", "FAVOR"),
            (
                "Peru remains a close ally of Lopez in the region.",
                "Peru",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Chile became a fierce critic of Rivera.",
                "Chile",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn taking_or_blocking_someones_holdings_is_against_them() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            ("Peru seized Lopez's assets.", "Peru", "Marco Lopez", "AGAINST"),
            (
                "Chile has frozen Lopez's bank accounts.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            ("Peru revoked Lopez's visa.", "Peru", "Marco Lopez", "AGAINST"),
        ],
    );
    // Other things seized or frozen say nothing of their owner's foes.
    assert_none(
        &t,
        &[
            "Peru seized the moment to praise the plan.",
            "Chile has frozen Lopez's salary scale.",
        ],
    );
}

#[test]
fn demanding_someones_release_favours_them() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru demanded that Lopez release Rivera.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Peru called for Lopez to release Rivera immediately.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    // A release that happened is nobody's demand.
    assert_none(&t, &["Lopez released Rivera on Monday."]);
}

/// Only a way of finding the holder makes it certain for the combined engine: the same
/// relative clause, passive, or intention on the target's side says nothing about who holds
/// the stance.
#[test]
fn a_holder_is_certain_only_by_how_the_holder_was_found() {
    let t = tagger_for(
        &[
            ("Ana Rivera", &["Rivera"]),
            ("Marco Lopez", &["Lopez"]),
            ("Chile", &["Chile"]),
        ],
        &[],
    );
    let certain = |text: &str| -> Vec<(String, String, bool)> {
        let (found, readings) = t.tag_with_readings(text, &[]);
        found
            .iter()
            .enumerate()
            .map(|(k, s)| {
                (
                    s.holder.clone(),
                    s.target.clone(),
                    readings.certain_holders.contains(&k),
                )
            })
            .collect()
    };
    // The relative clause names the holder (`who`): certain.
    assert!(
        certain("Chile criticised Lopez, who has backed Rivera.").contains(&(
            "Marco Lopez".to_owned(),
            "Ana Rivera".to_owned(),
            true
        ))
    );
    // The relative clause names the target (`whom`); the holder is the clause's subject.
    assert!(
        certain("Rivera welcomed Lopez, whom the Chilean government recognised.").contains(&(
            "Chile".to_owned(),
            "Marco Lopez".to_owned(),
            false
        ))
    );
    // The one blamed for an act did it: certain.
    assert!(certain("Rivera criticised Chile for backing Lopez.").contains(&(
        "Chile".to_owned(),
        "Marco Lopez".to_owned(),
        true
    )));
}

/// Bringing someone to be tried (object set `justice`), granting them refuge (`grant` gives the
/// noun cue as any giving light verb does), and alarm or dismay at someone.
#[test]
fn justice_refuge_and_alarm_are_read_as_stances() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera vowed to bring Lopez to justice.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera brought Lopez to a tribunal.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Washington granted asylum to Lopez.",
                "United States",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Rivera expressed alarm at Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera voiced dismay over Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    // Bringing someone somewhere else is no stance.
    assert_none(&t, &["Rivera brought Lopez to the capital."]);
}

/// A name right after a giving verb and before its bare noun cue, which the parser hangs on the
/// noun as a compound, is the one given to (`offered X asylum`), not the noun's holder; with a
/// `to` phrase, the name before the noun is the giver (`sent US aid to X`).
#[test]
fn a_name_between_a_giving_verb_and_its_noun_is_the_recipient() {
    let t = tagger_with_peru();
    for text in [
        "Peru offered Rivera asylum.",
        "Peru granted Ana Rivera political asylum.",
        "Peru gave Rivera support.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{text}: {v:?}");
        assert!(!v.iter().any(|x| x.0 == "Ana Rivera"), "{text}: {v:?}");
    }
    let v = triples(&t, "Peru sent US aid to Rivera.");
    assert!(has(&v, "United States", "Ana Rivera", "FAVOR"), "{v:?}");
}

/// An adjective on the label a labelling verb gives (`as the rightful leader`) judges whoever
/// is labelled, negated with the verb like a bare label.
#[test]
fn an_adjective_on_a_label_judges_the_one_labelled() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Washington views Rivera as the rightful leader.",
                "United States",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Rivera described Lopez as a corrupt leader.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Washington does not regard Lopez as the legitimate president.",
                "United States",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// Officials or authorities in a place are that place's state's, as a demonym says
/// (government_nouns.txt `seat` on a crowd noun); diplomats in a capital are not.
#[test]
fn officials_in_a_capital_are_its_states() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Officials in Lima said they backed Rivera.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "The authorities in Lima arrested Rivera.",
                "Peru",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
    let v = triples(&t, "Diplomats in Lima praised Rivera.");
    assert!(!has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
}

/// A `from` phrase names whose a text or a crowd is (`a statement from X`, `officials from X`),
/// as a possessor does; a range (`from X to Y`) names no one.
#[test]
fn a_from_phrase_names_the_owner_unless_it_starts_a_range() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "A statement from Peru called Lopez illegitimate.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Officials from Peru praised Rivera.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    let v = triples(&t, "Governments from Lima to Quito have denounced Lopez.");
    assert!(!v.is_empty() && !v.iter().any(|x| x.0 == "Peru"), "{v:?}");
}

/// A demand given by a verb asks for the act of its `for` phrase, also when the parser hangs
/// the infinitive on the verb (`renewed its call for X to step down`).
#[test]
fn a_demand_given_by_a_verb_asks_for_its_infinitive() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Washington renewed its call for Lopez to step down.",
                "United States",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rivera issued a call for Lopez to step down.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Washington repeated its calls for Lopez to resign.",
                "United States",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// `..., X said.` at the end of a sentence reports it, also where the parser hangs the say
/// verb on a noun before it as a relative clause.
#[test]
fn a_trailing_say_clause_reports_the_sentence() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Lopez has no legitimacy, Washington said.",
                "United States",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Lopez lacks legitimacy, Washington said.",
                "United States",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// A text or crowd whose owner is a head that stands for its possessor (`a statement from X's
/// government`) is the possessor's.
#[test]
fn an_owner_through_a_government_noun_is_its_possessor() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "A statement from Peru's government called Lopez's rule illegitimate.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Officials of Peru's government praised Rivera.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
}

/// Giving, pledging, promising or donating aid (object set `aid`) to someone is for them; the
/// verbs give nothing with other objects.
#[test]
fn pledging_or_giving_aid_is_for_the_one_given_to() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Washington pledged more weapons to Rivera.",
                "United States",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Washington promised troops to Rivera.",
                "United States",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Washington gave money to Rivera.",
                "United States",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Washington donated money to Rivera.",
                "United States",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    assert_none(&t, &["Washington gave a speech to Rivera."]);
}

/// Help, as a noun, is given like assistance (`offered its help to X`, `thanked Y for its
/// help`: Y's help to whoever thanks).
#[test]
fn help_as_a_noun_is_given_like_assistance() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Washington offered its help to Rivera.",
                "United States",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Rivera thanked Washington for its help.",
                "United States",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
}

/// A government body named in capitals is its owner's, as in lower case; with no owner said,
/// it keeps its whole name, a title word included.
#[test]
fn a_body_named_in_capitals_stands_for_its_owner() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru's Justice Ministry condemned Rivera.",
                "Peru",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "The Peruvian Interior Ministry condemned Rivera.",
                "Peru",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "The Lopez Administration condemned Rivera.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
    for text in [
        "Peru's Justice Ministry condemned Rivera.",
        "The Lopez Administration condemned Rivera.",
    ] {
        assert_eq!(triples(&t, text).len(), 1, "{text}: {:?}", triples(&t, text));
    }
    let v = triples(&t, "The Justice Ministry condemned Rivera.");
    assert!(has(&v, "Justice Ministry", "Ana Rivera", "AGAINST"), "{v:?}");
}

/// A text is its author's act: condemning or backing it is a stance toward the author. A
/// country's `order` or `law` is as often its system as a text it issued, so those two are not.
#[test]
fn a_text_stands_for_its_author_as_a_target() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            ("Chile condemned Peru's decree.", "Chile", "Peru", "AGAINST"),
            (
                "Chile called the Peruvian declaration an unacceptable attack on its sovereignty.",
                "Chile",
                "Peru",
                "AGAINST",
            ),
            ("Chile welcomed Peru's resolution.", "Chile", "Peru", "FAVOR"),
        ],
    );
    assert_none(
        &t,
        &[
            "Chile praised Peru's constitutional order.",
            "Chile criticised Peru's criminal law.",
        ],
    );
}

/// A verb that takes a stance away (light_verbs.txt `remove`) leaves no triple: neither the
/// stance taken back nor its opposite.
#[test]
fn a_stance_taken_back_gives_no_triple() {
    assert_none(
        &tagger(),
        &[
            "Peru lifted its sanctions on Lopez.",
            "Peru withdrew its support for Rivera.",
            "Peru pulled its support for Rivera.",
            "Peru scrapped its sanctions on Lopez.",
            "Peru rescinded its recognition of Rivera.",
        ],
    );
}

/// A noun that judges its owner's conduct (`Peru's interference`, frames.tsv holder
/// `speaker`) is no act aimed at the owner: condemning it is against the owner, not for.
#[test]
fn condemning_an_owners_interference_is_against_the_owner() {
    let t = tagger_with_peru();
    for text in [
        "Lopez condemned Peru's interference.",
        "Lopez railed against Peru's interference.",
        "Lopez condemned Peruvian meddling.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Marco Lopez", "Peru", "AGAINST"), "{text}: {v:?}");
        assert!(!has(&v, "Marco Lopez", "Peru", "FAVOR"), "{text}: {v:?}");
    }
}

/// Words of area before a demonym describe a group (`Latin American governments`), also when
/// the tagger reads the area word as a proper noun; they are no name of their own.
#[test]
fn an_area_word_before_a_demonym_is_no_name() {
    assert_finds(
        &tagger(),
        &[
            (
                "A number of Latin American governments have recognised Rivera.",
                "Unnamed Latin American governments",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "A group of South American nations condemned Lopez.",
                "Unnamed South American nations",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "South Korea condemned Lopez.",
                "South Korea",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// A pronoun may stand for an office named by its country rather than by a name (`Peru's
/// president said he ...`), which holds stances as that country; a named person of the
/// sentence still comes first.
#[test]
fn a_pronoun_may_stand_for_an_office_named_by_its_country() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Peru's president said he would not recognise Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "The president of Peru said his government backs Rivera.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "The Peruvian foreign minister said she backs Rivera.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    let v = triples(&t, "Lopez met Peru's president and said he backs Rivera.");
    assert_eq!(
        v,
        [("Marco Lopez".to_owned(), "Ana Rivera".to_owned(), "FAVOR")],
        "{v:?}"
    );
}

/// A text or an intention against someone (prepositions.txt `opposing`) states a stance
/// against them: backing it takes that side, blocking it the other.
#[test]
fn a_text_against_someone_is_backed_or_blocked_like_one_condemning_them() {
    assert_finds(
        &tagger(),
        &[
            (
                "Russia vetoed a UN resolution against Lopez.",
                "Russia",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "France backed a UN resolution against Lopez.",
                "France",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Russia blocked a bid against Lopez at the UN.",
                "Russia",
                "Marco Lopez",
                "FAVOR",
            ),
        ],
    );
}

/// A label hung on the labelling verb's object (`described X as terrorists`, as parsers often
/// attach it) labels that object; a negated labelling verb labels no one.
#[test]
fn a_label_hung_on_the_object_labels_the_object() {
    let t = tagger_for(&[("Omar Kassar", &["Kassar"]), ("rebels", &["rebels"])], &[]);
    assert_finds(
        &t,
        &[(
            "Kassar described the rebels as terrorists.",
            "Omar Kassar",
            "rebels",
            "AGAINST",
        )],
    );
    assert_none(&t, &["Kassar did not describe the rebels as terrorists."]);
}

/// A noun cue whose possessor is its holder (`Peru's recognition of X`) turns, with a
/// by-phrase of its doer, into the passive: `X's recognition by Peru` is Peru's, toward X.
#[test]
fn a_noun_cue_with_a_by_phrase_is_read_as_the_passive() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Rivera's recognition by Peru came on Monday.",
                "Peru",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Lopez's condemnation by Chile was swift.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    let v = triples(&t, "Rivera's recognition by Peru came on Monday.");
    assert!(!has(&v, "Ana Rivera", "Peru", "FAVOR"), "{v:?}");
}

/// A few general cues added to frames.tsv: reciprocal clashes and feuds, tribute and homage
/// paid, scorn poured on someone.
#[test]
fn clashes_feuds_tributes_and_scorn_are_read() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Peru and Lopez have clashed repeatedly.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Peru and Lopez have clashed repeatedly.",
                "Marco Lopez",
                "Peru",
                "AGAINST",
            ),
            (
                "Peru has feuded with Lopez for years.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            ("Peru paid tribute to Rivera.", "Peru", "Ana Rivera", "FAVOR"),
            ("Peru poured scorn on Lopez.", "Peru", "Marco Lopez", "AGAINST"),
        ],
    );
}

/// A necessity the speaker states as the object of a verb of saying, with the infinitive
/// parsed on the verb (`stressed the need for X to step down`), is the speaker's demand; the
/// subject a passive infinitive takes from its governor is its patient (`wants X to be
/// removed`).
#[test]
fn a_stated_need_and_a_passive_infinitive_name_who_must_act() {
    assert_finds(
        &tagger(),
        &[
            (
                "Lopez emphasized the need for Rivera to step down.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Lopez stressed the need for Rivera to be removed from office.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Peru wants Lopez to be removed.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// A word of number that stands alone for a crowd (group_nouns.txt `number`) is a crowd named
/// by what it does, as the guidelines name crowds; a crowd noun after it keeps its own name.
#[test]
fn a_number_alone_is_a_crowd_named_by_what_it_does() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            (
                "Thousands rallied in support of Rivera.",
                "Ana Rivera supporters",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Hundreds protested against Lopez in Lima.",
                "Marco Lopez opponents",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Thousands of protesters marched against Lopez.",
                "Unnamed protesters",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// A container or batch noun stands for what its `of` phrase measures (function_words.txt
/// `quantity`: `a package of aid`, `a barrage of criticism`), also for a receiving verb.
#[test]
fn a_batch_noun_stands_for_what_it_measures() {
    assert_finds(
        &tagger_with_peru(),
        &[
            (
                "Chile announced a new package of military aid for Peru.",
                "Chile",
                "Peru",
                "FAVOR",
            ),
            (
                "Lopez faced a barrage of criticism from Chile.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// A crowd noun after a name that no list knows (`Tory rebels`) is a group the name describes;
/// after a known country it stands for the country (`US officials`).
#[test]
fn a_crowd_noun_after_an_unknown_name_is_a_described_group() {
    assert_finds(
        &tagger(),
        &[
            (
                "Tory rebels defied Lopez in a key vote.",
                "Unnamed Tory rebels",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Labour lawmakers criticised Lopez.",
                "Unnamed Labour lawmakers",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "German officials criticised Lopez.",
                "Germany",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// An appointment, reappointment or confirmation is its owner's office (government_nouns.txt
/// `target`), like an election: opposing it is against the one appointed.
#[test]
fn an_appointment_stands_for_the_one_appointed() {
    assert_finds(
        &tagger(),
        &[
            (
                "Shareholders voted against Lopez's reappointment.",
                "Unnamed shareholders",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile welcomed Rivera's appointment.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "The senators opposed Lopez's confirmation.",
                "Unnamed senators",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// A quality of its owner that others judge (government_nouns.txt `target`: commitment,
/// credibility, integrity, motives, ...) stands for its owner; `doubt` with a noun object
/// judges it, and with a clause only predicts.
#[test]
fn a_judged_quality_stands_for_its_owner() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Chile questioned Lopez's commitment to democracy.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile praised Rivera's integrity.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Chile doubted Lopez's motives.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    assert_none(&t, &["Chile doubts that Lopez will win."]);
}

/// The states whose codes the PETRARCH2 country file dates (those formed after 1990, and Iraq
/// and Kuwait, whose occupations it dates) are in the gazetteer too, with their demonyms and
/// capitals; `East Timor` is Timor-Leste, not Indonesia's island of Timor.
#[test]
fn states_with_dated_codes_are_in_the_gazetteer() {
    let t = tagger();
    assert_finds(
        &t,
        &[
            ("Iraqi officials praised Rivera.", "Iraq", "Ana Rivera", "FAVOR"),
            ("Kyiv condemned Lopez.", "Ukraine", "Marco Lopez", "AGAINST"),
            (
                "The Eritrean government denounced Lopez.",
                "Eritrea",
                "Marco Lopez",
                "AGAINST",
            ),
            ("East Timor backed Rivera.", "Timor Leste", "Ana Rivera", "FAVOR"),
        ],
    );
}

/// A name right after a verb with no object is its object, also where the parser, not knowing
/// the name, reads it as a bare oblique (`obl:unmarked`, the relation of `said Monday`).
#[test]
fn a_name_read_as_a_bare_oblique_is_the_object() {
    let t = tagger_for(&[("Eritrea", &[])], &[]);
    assert_finds(
        &t,
        &[(
            "Human rights groups blamed Eritrea for a massacre.",
            "Unnamed Human rights groups",
            "Eritrea",
            "AGAINST",
        )],
    );
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[(
            "Peru said Monday that it backed Rivera.",
            "Peru",
            "Ana Rivera",
            "FAVOR",
        )],
    );
}

/// A dispute is a conflict noun like a feud; one locked, embroiled or mired in a conflict with
/// someone holds it (light_verbs.txt `state`), though one caught up in a crackdown does not;
/// a settled or resolved dispute is over.
#[test]
fn a_party_in_a_state_of_conflict_holds_it() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Chile's dispute with Lopez deepened.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile is locked in a dispute with Lopez.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile is embroiled in a bitter feud with Lopez.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile has been mired in a standoff with Lopez for months.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile put its full weight behind Rivera.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    assert_none(
        &t,
        &[
            "Chile was caught up in the crackdown on Lopez.",
            "Chile settled its dispute with Lopez.",
            "Chile resolved its feud with Lopez.",
        ],
    );
}

/// An evaluative adjective on a label judges the one labelled, however the parser hangs the
/// label: as an xcomp with the one labelled as an indirect object (`called X a dangerous man`),
/// or as an appositive of the object with no comma between (`designated X a terrorist group`).
#[test]
fn an_adjective_on_a_label_judges_the_one_labelled_however_parsed() {
    let t = tagger_for(&[("Red Front", &["RF"]), ("Marco Lopez", &["Lopez"])], &[]);
    assert_finds(
        &t,
        &[
            (
                "Chile called Lopez a dangerous man.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile designated the Red Front a terrorist group.",
                "Chile",
                "Red Front",
                "AGAINST",
            ),
            (
                "Chile designated the RF a terrorist organisation.",
                "Chile",
                "Red Front",
                "AGAINST",
            ),
        ],
    );
    // Set off by a comma, the appositive describes; praise stays praise.
    let v = triples(&t, "Chile praised the Red Front, a terrorist group.");
    assert!(!has(&v, "Chile", "Red Front", "AGAINST"), "{v:?}");
}

/// Stopping aid to someone (CAMEO 162, reduce or stop material aid) is against them; stopping
/// one's support for them or one's sanctions on them only takes a stance back (light_verbs.txt
/// `remove`). A coalition or alliance against someone is against them.
#[test]
fn stopping_aid_is_against_and_stopping_a_stance_takes_it_back() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "The United States has cut some aid to Peru in protest.",
                "United States",
                "Peru",
                "AGAINST",
            ),
            ("Chile suspended loans to Peru.", "Chile", "Peru", "AGAINST"),
            ("Chile froze aid to Lopez.", "Chile", "Marco Lopez", "AGAINST"),
            ("Chile halted military aid to Peru.", "Chile", "Peru", "AGAINST"),
            (
                "Chile withheld funds from Lopez.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile and Rivera announced a coalition against Lopez.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile joined the alliance against Lopez.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile urged Lopez to halt the attacks.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    assert_none(
        &t,
        &[
            "Chile cut its support for Lopez.",
            "Chile froze its support for Lopez.",
            "Chile cut sanctions on Lopez.",
        ],
    );
}

/// Cutting, suspending or downgrading relations or talks with someone is against them (CAMEO
/// 161, 164; object_sets.txt `ties`); switching one's support or recognition from X to Y is
/// against X and for Y, with `to Y` hung on X as parsers often hang it.
#[test]
fn cutting_ties_and_switching_sides() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Chile suspended talks with Lopez.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile broke off negotiations with Lopez.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            ("Chile downgraded its ties with Peru.", "Chile", "Peru", "AGAINST"),
            (
                "Chile cut off contact with Lopez.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile switched its support from Lopez to Rivera.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Chile switched its support from Lopez to Rivera.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// Military drills, deployments and incursions, and a principle, doctrine or agenda, are their
/// owner's acts (government_nouns.txt `target`); a troublemaker or agitator is a label.
#[test]
fn drills_and_agendas_are_their_owners_and_troublemaker_a_label() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Chile condemned Peru's military drills.",
                "Chile",
                "Peru",
                "AGAINST",
            ),
            (
                "Chile rejected Lopez's agenda.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile called Lopez a troublemaker.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// Booing, heckling and jeering are against whom they target; picking up an endorsement
/// receives it (light_verbs.txt `receiver,prt=up`); a campaign's ads are its owner's acts.
#[test]
fn booing_picking_up_endorsements_and_ads() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Lopez was booed by protesters.",
                "Unnamed protesters",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Protesters heckled Lopez during his speech.",
                "Unnamed protesters",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Lopez picked up the endorsement of two former governors.",
                "Unnamed former governors",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Rivera called Lopez's ads dishonest.",
                "Ana Rivera",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    assert_none(&t, &["Chile picked up the bill."]);
}

/// Fearing, curbing, countering, reining in or preventing someone is against them; influence,
/// power and outreach are their owner's; unnamed factions (hardliners, conservatives) are
/// groups.
#[test]
fn curbing_fearing_and_factions() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "The small parties fear Lopez's growing influence.",
                "Unnamed small parties",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile wants to curb Lopez's power.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chile set out to counter Peru's influence.",
                "Chile",
                "Peru",
                "AGAINST",
            ),
            ("Chile tried to rein in Lopez.", "Chile", "Marco Lopez", "AGAINST"),
            (
                "Chile vowed to prevent Lopez from taking power.",
                "Chile",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Hardliners in Lima have long opposed Lopez's outreach to the West.",
                "Unnamed hardliners",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
    assert_none(
        &t,
        &[
            "Chile fears that Lopez will win.",
            "Chile fears for Rivera's safety.",
        ],
    );
}

/// A movement, an insurgency or slogans against someone are against them, chanted or shouted
/// (light verbs) as much as joined; civil servants, villagers, monks or tribes are groups.
#[test]
fn movements_and_slogans_against_someone() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Students chanted slogans against Lopez outside the university.",
                "Unnamed students",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Civil servants joined a movement against Lopez.",
                "Unnamed Civil servants",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Rebels waged an insurgency against Lopez.",
                "Unnamed rebels",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Buddhist monks marched against Lopez.",
                "Unnamed Buddhist monks",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// `They` after a sentence whose subject is an unnamed group is that group, not the last name
/// the sentence gave (`Lima`, Peru): the group is remembered as a subject, also behind a word
/// of number (`Thousands of protesters`) and in a sentence parsed as a noun phrase.
#[test]
fn they_after_an_unnamed_group_subject_is_the_group() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Protesters gathered in Lima on Sunday. They condemned Lopez.",
                "Unnamed protesters",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Thousands of protesters gathered in Lima. They chanted slogans against Lopez.",
                "Unnamed protesters",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Several governments met in Lima. They said they backed Rivera.",
                "Unnamed governments",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    let v = triples(&t, "Protesters gathered in Lima on Sunday. They condemned Lopez.");
    assert!(!has(&v, "Peru", "Marco Lopez", "AGAINST"), "{v:?}");
}

/// The groups of business news (clients, founders, directors, taxpayers, ...) are unnamed
/// groups as holders.
#[test]
fn business_groups_are_unnamed_groups() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Lopez enjoys the support of the company's founders.",
                "Unnamed founders",
                "Marco Lopez",
                "FAVOR",
            ),
            (
                "Several clients have cut ties with Lopez.",
                "Unnamed clients",
                "Marco Lopez",
                "AGAINST",
            ),
        ],
    );
}

/// A plural role noun (`Peruvian officials`) is no one office holder whom `he`/`him` could
/// name, so `him` looks further back; a name in brackets after a name glosses it (`Ana
/// Rivera (D)`, a party) and is no second holder.
#[test]
fn plural_offices_and_bracketed_names_are_no_one() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[(
            "Lopez was detained. Chilean officials accuse him of fraud.",
            "Chile",
            "Marco Lopez",
            "AGAINST",
        )],
    );
    let v = triples(&t, "Senator Ana Rivera (D) praised Lopez.");
    assert!(v.iter().all(|x| x.0 != "D"), "{v:?}");
    assert!(has(&v, "Ana Rivera", "Marco Lopez", "FAVOR"), "{v:?}");
}

/// The agent of a participle on a noun made it (`a plan drafted by X` is X's plan), unless the
/// participle is a cue, whose agent takes a stance on it (`a plan opposed by X` is not X's).
#[test]
fn the_agent_of_a_cue_participle_is_no_owner() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[(
            "Rivera backed a plan drafted by Lopez.",
            "Ana Rivera",
            "Marco Lopez",
            "FAVOR",
        )],
    );
    let v = triples(&t, "Rivera backed a plan opposed by Lopez.");
    assert!(!has(&v, "Ana Rivera", "Marco Lopez", "FAVOR"), "{v:?}");
}

/// A month abbreviated with a period (`Feb.`) is a date, never an actor, as without one.
#[test]
fn an_abbreviated_month_is_no_actor() {
    let t = tagger_for(&[("Paul Manafort", &["Manafort"])], &[]);
    for text in [
        "The hearing is set for Feb. 22. It criticised Manafort.",
        "Feb. 22 is the date. It criticised Manafort.",
    ] {
        let v = triples(&t, text);
        assert!(v.iter().all(|x| x.0 != "Feb."), "{text}: {v:?}");
    }
}

/// A country's crowd that is no part of its state is a group the country describes (`Peruvian
/// protesters`, `Chilean rebels`), not the country; its officials, diplomats and troops are
/// the state (group_nouns.txt `state`), and so is any crowd with a word of the state between
/// (`Peruvian government officials`).
#[test]
fn a_countrys_crowd_outside_its_state_is_a_described_group() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Peruvian protesters denounced Lopez.",
                "Unnamed Peruvian protesters",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chilean rebels criticised Lopez.",
                "Unnamed Chilean rebels",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Chilean officials praised Rivera.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
            (
                "Chilean government officials praised Rivera.",
                "Chile",
                "Ana Rivera",
                "FAVOR",
            ),
        ],
    );
    // Arming the rebels of a country is no support of its head.
    let t = tagger_for(&[("Bashar al-Assad", &["Assad"])], &[]);
    let v = triples(&t, "Congress approved a plan to arm the Syrian rebels.");
    assert!(v.iter().all(|x| x.1 != "Bashar al-Assad"), "{v:?}");
}

#[test]
fn a_noun_cue_coordinated_with_a_light_verbs_object_shares_its_verb() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            (
                "Lopez announced fraud and other charges against Rivera.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Peru imposed sanctions and a travel ban on Lopez.",
                "Peru",
                "Marco Lopez",
                "AGAINST",
            ),
            (
                "Lopez voiced admiration for Peru and contempt for Rivera.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn a_reaction_incurred_or_provoked_is_held_against_whoever_incurred_it() {
    assert_finds(
        &tagger(),
        &[
            (
                "Rivera incurred the wrath of Lopez.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Rivera's decree provoked the anger of Lopez.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "Rivera provoked criticism from Lopez.",
                "Marco Lopez",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn they_after_a_coordinated_subject_stands_for_every_member() {
    let t = tagger_with_peru();
    for text in [
        "Russia and Peru met in Moscow on Monday. They condemned Lopez.",
        "Russia, China and Peru met on Monday. They said they backed Rivera's opponents and condemned Lopez.",
    ] {
        let v = triples(&t, text);
        for holder in ["Russia", "Peru"] {
            assert!(has(&v, holder, "Marco Lopez", "AGAINST"), "{text}: {v:?}");
        }
    }
    // Subjects of different clauses are no coordination: `they` stays the last one.
    let v = triples(&t, "Russia said Peru was wrong. They condemned Lopez.");
    assert!(!has(&v, "Russia", "Marco Lopez", "AGAINST"), "{v:?}");
}

#[test]
fn one_of_a_group_that_acts_is_a_member_of_it() {
    let t = tagger_with_peru();
    for text in [
        "Peru is one of more than 50 countries that back Rivera.",
        "Peru, one of the countries that back Rivera, met Lopez.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Peru", "Ana Rivera", "FAVOR"), "{text}: {v:?}");
        assert!(
            has(&v, "Unnamed countries", "Ana Rivera", "FAVOR"),
            "{text}: {v:?}"
        );
    }
    // Only the one the phrase describes: not the subject of a verb that takes it as object.
    let v = triples(&t, "Peru criticised one of the countries that back Rivera.");
    assert!(!has(&v, "Peru", "Ana Rivera", "FAVOR"), "{v:?}");
}

#[test]
fn a_relative_pronoun_subject_leaves_the_clause_no_object() {
    // `students who helped`: the students helped; they are not whom the clause helped.
    assert_none(
        &tagger(),
        &[
            "Rivera was one of several students who helped.",
            "Rivera was among the students who helped.",
        ],
    );
    assert_finds(
        &tagger(),
        &[(
            "Rivera, who Lopez backed, lost.",
            "Marco Lopez",
            "Ana Rivera",
            "FAVOR",
        )],
    );
}

#[test]
fn a_noun_cue_with_a_case_counts_only_in_a_phrase_of_it() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[
            ("Peru came to Rivera's defence.", "Peru", "Ana Rivera", "FAVOR"),
            ("Peru rushed to Rivera's aid.", "Peru", "Ana Rivera", "FAVOR"),
            ("Peru spoke in Rivera's defense.", "Peru", "Ana Rivera", "FAVOR"),
        ],
    );
    assert_none(
        &t,
        &[
            "Lopez broke through Rivera's defence.",
            "Peru relied on Rivera's aid.",
        ],
    );
}

#[test]
fn a_cue_in_a_condition_is_no_statement_whatever_its_polarity() {
    let t = tagger_with_peru();
    assert_none(
        &t,
        &[
            "If Peru sanctioned Lopez, prices would rise.",
            "If Peru were to recognise Rivera, prices would rise.",
        ],
    );
    // A threat puts its act in the main clause.
    assert_finds(
        &t,
        &[(
            "Unless Lopez resigns, Peru will sanction him.",
            "Peru",
            "Marco Lopez",
            "AGAINST",
        )],
    );
}

#[test]
fn a_quoted_label_the_parser_reads_as_a_clause_still_labels_the_object() {
    let t = tagger_with_peru();
    assert_finds(
        &t,
        &[(
            "Chile called Peru's decree an \"unacceptable attack on Bolivia's sovereignty.\"",
            "Chile",
            "Peru",
            "AGAINST",
        )],
    );
}

#[test]
fn a_speaker_accuses_whoever_they_say_acts_against_the_state_they_serve() {
    let t = tagger_for(&[("United States", &["US"]), ("Peru", &[])], &[]);
    for text in [
        "Peruvian Foreign Minister Ana Rivera said the US was preparing a war against Peru.",
        "Peruvian Foreign Minister Ana Rivera said the US wanted to topple the Peruvian government.",
    ] {
        let v = triples(&t, text);
        assert!(has(&v, "Ana Rivera", "United States", "AGAINST"), "{text}: {v:?}");
    }
    // Another state's minister only reports it.
    assert_none(
        &t,
        &["Chilean Foreign Minister Ana Rivera said the US was preparing a war against Peru."],
    );
}

#[test]
fn an_act_planned_prepared_or_proposed_is_its_planners() {
    assert_finds(
        &tagger(),
        &[
            (
                "The US is preparing an attack on Rivera.",
                "United States",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "The US planned a strike on Rivera.",
                "United States",
                "Ana Rivera",
                "AGAINST",
            ),
            (
                "The US proposed sanctions on Rivera.",
                "United States",
                "Ana Rivera",
                "AGAINST",
            ),
        ],
    );
}

#[test]
fn a_seats_place_the_parser_hung_higher_up_is_still_where_it_sits() {
    let t = tagger_for(&[("United States", &["US"]), ("Peru", &[])], &[]);
    assert_finds(
        &t,
        &[
            (
                "The US toppled the government in Lima.",
                "United States",
                "Peru",
                "AGAINST",
            ),
            (
                "The US imposed sanctions on the government in Lima.",
                "United States",
                "Peru",
                "AGAINST",
            ),
        ],
    );
    // A place that is not right after the noun is where the act happens.
    assert_none(&t, &["The US criticised the government in a speech in Lima."]);
}
