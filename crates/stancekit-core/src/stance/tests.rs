//! Unit tests of the stance tagger (behaviour on general constructions, not seed sentences).

use super::*;

fn tagger() -> StanceTagger {
    let mut t = BTreeMap::new();
    t.insert("Nicolas Maduro".to_owned(), vec!["Maduro".to_owned()]);
    t.insert(
        "Juan Guaido".to_owned(),
        vec!["Guaido".to_owned(), "Guaidó".to_owned()],
    );
    t.insert(
        "United States".to_owned(),
        vec!["US".to_owned(), "U.S.".to_owned(), "Washington".to_owned()],
    );
    // These tests are about the cue rules: the other engines have their own below and in
    // `stance_v2::tests`.
    StanceTaggerConfig {
        targets: Some(t),
        engine: StanceEngine::Rules,
        ..Default::default()
    }
    .build()
    .unwrap()
}

fn triples(text: &str) -> Vec<(String, String, &'static str)> {
    tagger()
        .tag(text)
        .into_iter()
        .map(|s| (s.holder, s.target, s.stance.as_str()))
        .collect()
}

fn has(v: &[(String, String, &str)], h: &str, t: &str, s: &str) -> bool {
    v.iter().any(|x| x.0 == h && x.1 == t && x.2 == s)
}

#[test]
fn active_voice() {
    let v = triples("Brazil strongly condemned Maduro on Monday.");
    assert!(has(&v, "Brazil", "Nicolas Maduro", "AGAINST"), "{v:?}");
}

#[test]
fn passive_with_list_and_exception() {
    let v = triples("Guaidó was recognized by Canada, Peru (except for Mexico) and the OAS.");
    assert!(has(&v, "Canada", "Juan Guaido", "FAVOR"), "{v:?}");
    assert!(has(&v, "Peru", "Juan Guaido", "FAVOR"), "{v:?}");
    assert!(
        has(&v, "Organization of American States", "Juan Guaido", "FAVOR"),
        "{v:?}"
    );
    assert!(!v.iter().any(|x| x.0 == "Mexico"), "{v:?}");
}

#[test]
fn negation_drops_and_refusal_flips() {
    assert!(triples("Italy did not recognize Guaido.").is_empty());
    let v = triples("Italy refused to recognize Guaido.");
    assert!(has(&v, "Italy", "Juan Guaido", "AGAINST"), "{v:?}");
}

#[test]
fn reported_speech_speaker_holds() {
    let v = triples("\"We are sanctioning Maduro's allies\", the Kremlin said.");
    assert!(!has(&v, "Russia", "Nicolas Maduro", "FAVOR"), "{v:?}");
    let v = triples("Moscow said it would back Maduro.");
    assert!(has(&v, "Russia", "Nicolas Maduro", "FAVOR"), "{v:?}");
}

#[test]
fn hyphen_compound() {
    let v = triples("Cuba denounced the US-backed Guaido.");
    assert!(has(&v, "United States", "Juan Guaido", "FAVOR"), "{v:?}");
    assert!(has(&v, "Cuba", "Juan Guaido", "AGAINST"), "{v:?}");
}

#[test]
fn spans_are_in_sentence_and_text() {
    let text = "Guaidó’s rival: Maduro was backed by Moscow.\n\nWashington slammed Maduro.";
    let out = tagger().tag(text);
    assert!(!out.is_empty());
    for s in &out {
        for sp in [Some(s.cue_span), s.holder_span, s.target_span]
            .into_iter()
            .flatten()
        {
            assert!(sp.start >= s.sentence.start && sp.end <= s.sentence.end);
            assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        }
    }
}

#[test]
fn config_errors() {
    let bad = |t: BTreeMap<String, Vec<String>>| {
        StanceTaggerConfig {
            targets: Some(t),
            ..Default::default()
        }
        .build()
    };
    assert!(matches!(bad(BTreeMap::new()), Err(Error::Config(_))));
    let mut t = BTreeMap::new();
    t.insert("A B".to_owned(), vec!["the".to_owned()]);
    assert!(matches!(bad(t), Err(Error::Config(_))));
    let mut t = BTreeMap::new();
    t.insert("Alpha".to_owned(), vec!["X".to_owned()]);
    t.insert("Beta".to_owned(), vec!["X".to_owned()]);
    assert!(matches!(bad(t), Err(Error::Config(_))));
}

#[test]
fn json_round_trip() {
    let t = tagger();
    let back = StanceTagger::from_json(&t.to_json()).unwrap();
    assert_eq!(back.config(), t.config());
    assert!(StanceTagger::from_json("{").is_err());
}

#[test]
fn the_engine_is_chosen_by_config_and_round_trips() {
    let mut config = tagger().config().clone();
    assert_eq!(config.engine, StanceEngine::Rules);
    assert!(tagger().to_json().contains(r#""engine":"rules""#));
    config.engine = StanceEngine::Syntax;
    let t = config.clone().build().unwrap();
    let json = t.to_json();
    assert!(json.contains(r#""engine":"syntax""#), "{json}");
    assert_eq!(StanceTagger::from_json(&json).unwrap().config(), t.config());
    let text = "Aid arrived. Brazil strongly condemned Maduro on Monday.";
    let found = t.tag(text);
    assert!(
        found
            .iter()
            .any(|s| s.holder == "Brazil" && s.stance == Polarity::Against),
        "{found:?}"
    );
    // The parse-based engine's rules name a frame and its roles, unlike the token rules.
    assert!(found.iter().all(|s| s.rule.contains('/')), "{found:?}");
    assert_eq!(
        t.sentences(text),
        vec![Span::new(0, 12), Span::new(13, text.len())]
    );
    // The default is `combined`, and a config that names no engine is read as the default.
    config.engine = StanceEngine::default();
    assert_eq!(config.engine, StanceEngine::Combined);
    let t = config.build().unwrap();
    assert!(!t.to_json().contains("engine"), "{}", t.to_json());
    assert_eq!(
        StanceTagger::from_json(&t.to_json()).unwrap().config().engine,
        StanceEngine::Combined
    );
    for name in ["combined", "rules", "syntax"] {
        assert_eq!(StanceEngine::from_name(name).unwrap().as_str(), name);
    }
    assert!(matches!(StanceEngine::from_name("x"), Err(Error::Config(_))));
}

#[test]
fn the_combined_engine_adds_the_frames_stances_toward_targets_the_rules_missed() {
    let engine = |engine| {
        let mut config = tagger().config().clone();
        config.engine = engine;
        config.build().unwrap()
    };
    let (rules, syntax, combined) = (
        engine(StanceEngine::Rules),
        engine(StanceEngine::Syntax),
        engine(StanceEngine::Combined),
    );
    let key = |v: Vec<Stance>| -> Vec<(String, String, Polarity, Span)> {
        v.into_iter()
            .map(|s| (s.holder, s.target, s.stance, s.sentence))
            .collect()
    };
    // The rules know this construction; the frames do too: one triple, the rules'.
    let text = "Brazil strongly condemned Maduro on Monday.";
    assert_eq!(key(combined.tag(text)), key(rules.tag(text)));
    assert!(!rules.tag(text).is_empty());
    // A construction only the parse reads: the frames' triple is added.
    let text = "Hezbollah, which has long backed the Maduro government, sent advisers.";
    let from_rules = key(rules.tag(text));
    let from_frames = key(syntax.tag(text));
    let both = key(combined.tag(text));
    for t in &from_frames {
        if !from_rules.iter().any(|r| r.1 == t.1 && r.3 == t.3) {
            assert!(both.contains(t), "{t:?} missing from {both:?}");
        }
    }
    assert!(from_rules.is_empty(), "{from_rules:?}");
    assert!(
        both.iter().any(|t| t.0 == "Hezbollah" && t.2 == Polarity::Favor),
        "{from_frames:?} / {both:?}"
    );
    // The frames find more holders of a cue the rules read: they are added, the rules' kept.
    let text = "The US and a handful of other governments have formally recognized Guaido.";
    let from_rules = key(rules.tag(text));
    let both = key(combined.tag(text));
    assert!(
        from_rules.iter().all(|t| both.contains(t)),
        "{from_rules:?} / {both:?}"
    );
    assert!(
        !from_rules.iter().any(|t| t.0 == "Unnamed governments")
            && both
                .iter()
                .any(|t| t.0 == "Unnamed governments" && t.1 == "Juan Guaido"),
        "{from_rules:?} / {both:?}"
    );
    // Sentences are the splitter's, even where the rules cut a hard-wrapped line.
    let text = "Russia and China said they\nsupport Maduro.";
    assert_eq!(combined.sentences(text), vec![Span::new(0, text.len())]);
    assert!(combined
        .tag(text)
        .iter()
        .all(|s| s.sentence == Span::new(0, text.len())));
}

#[test]
fn open_targets_and_people() {
    let t = StanceTagger::default();
    let out = t.tag("Russia backed Venezuela's Maduro.");
    assert!(
        out.iter()
            .any(|s| s.holder == "Russia" && s.target == "Nicolas Maduro"),
        "{out:?}"
    );
    let people = most_mentioned_people(&["Juan Guaido met Maduro. Guaido spoke.", "Maduro replied."], 2);
    assert_eq!(people[0].0, "Juan Guaido");
    assert_eq!(people[1].0, "Nicolas Maduro");
}

#[test]
fn classify_focus() {
    let t = tagger();
    let text = "Critics slammed Maduro for the crackdown.";
    let at = text.find("Maduro").unwrap();
    assert_eq!(t.classify(text, Span::new(at, at + 6)), Label::Against);
    assert_eq!(t.classify(text, Span::new(0, 100)), Label::None);
}

#[test]
fn degenerate_inputs() {
    let t = tagger();
    assert!(t.tag("").is_empty());
    assert!(t.tag("?!... ,,, “”").is_empty());
    let long = "Russia backed Maduro ".repeat(5000);
    assert!(!t.tag(&long).is_empty());
}

#[test]
fn according_to_and_titled_speakers() {
    let v = triples("Maduro is a usurper, according to Brazil.");
    assert!(has(&v, "Brazil", "Nicolas Maduro", "AGAINST"), "{v:?}");
    let v = triples("Peruvian Foreign Minister Nestor Popolizio said Lima would back Guaido.");
    assert!(has(&v, "Nestor Popolizio", "Juan Guaido", "FAVOR"), "{v:?}");
}

#[test]
fn title_case_headline() {
    let v = triples("Trump Says U.S. Will Back Guaido");
    assert!(has(&v, "Donald Trump", "Juan Guaido", "FAVOR"), "{v:?}");
}

#[test]
fn crowds_and_groups() {
    let v = triples("Tens of thousands of anti-Maduro protesters marched.");
    assert!(
        has(&v, "Nicolas Maduro opponents", "Nicolas Maduro", "AGAINST"),
        "{v:?}"
    );
    let v = triples("Britain and Spain were among 15 EU states to back Guaido.");
    assert!(has(&v, "Unnamed EU countries", "Juan Guaido", "FAVOR"), "{v:?}");
    assert!(has(&v, "United Kingdom", "Juan Guaido", "FAVOR"), "{v:?}");
}

#[test]
fn state_metonymy_and_double_negation() {
    let v = triples("Venezuela is broke. Washington imposed new sanctions on Venezuela.");
    assert!(has(&v, "United States", "Nicolas Maduro", "AGAINST"), "{v:?}");
    let v = triples("Russia condemned the coup against Maduro.");
    assert!(has(&v, "Russia", "Nicolas Maduro", "FAVOR"), "{v:?}");
    assert!(!has(&v, "Russia", "Nicolas Maduro", "AGAINST"), "{v:?}");
}

#[test]
fn pronoun_without_antecedent_is_unresolved() {
    // A stance is found, and its pronoun holder has no earlier person to resolve to.
    let v = triples("Nobody knew. He condemned Maduro on Monday.");
    assert!(has(&v, "UNRESOLVED", "Nicolas Maduro", "AGAINST"), "{v:?}");
    assert!(v.iter().all(|x| x.0 == "UNRESOLVED"), "{v:?}");
}

#[test]
fn allies_and_received_support() {
    let v = triples("Maduro's allies, including Russia and China, condemned the move.");
    assert!(has(&v, "Russia", "Nicolas Maduro", "FAVOR"), "{v:?}");
    assert!(has(&v, "China", "Nicolas Maduro", "FAVOR"), "{v:?}");
    let v = triples("Guaido won the backing of Canada and Peru.");
    assert!(has(&v, "Canada", "Juan Guaido", "FAVOR"), "{v:?}");
    assert!(has(&v, "Peru", "Juan Guaido", "FAVOR"), "{v:?}");
}

#[test]
fn the_alias_and_name_word_lists_are_read_from_the_resource_file() {
    assert!(STOP_WORDS.contains(&"the") && STOP_WORDS.contains(&"'s") && STOP_WORDS.contains(&"\""));
    assert!(is_common_cap("tens") && is_common_cap("the") && !is_common_cap("maduro"));
    assert!(resources::looks_demonym("Peruvian", "Peru") && !resources::looks_demonym("Lima", "Peru"));
}

#[test]
fn the_combined_engine_takes_a_relative_pronouns_or_a_texts_holder_over_the_nearest_name() {
    let engine = |engine| tagger_of(engine, &[("Ana Rivera", "Rivera")]);
    let (rules, combined) = (engine(StanceEngine::Rules), engine(StanceEngine::Combined));
    // The rules take the speaker by word distance; `which` names Cuba.
    let text = "The envoy Marco Lopez said Cuba, which has backed Rivera, must leave.";
    assert_holders(&rules, text, &[("Marco Lopez", "FAVOR")]);
    assert_holders(&combined, text, &[("Cuba", "FAVOR")]);
    // A text is its author's: whoever vetoes it opposes what it says.
    let text = "Hungary vetoed an EU declaration recognising Rivera.";
    assert_holders(
        &combined,
        text,
        &[("Hungary", "AGAINST"), ("European Union", "FAVOR")],
    );
    // The owner of a decision or plan to act is the one acting; the rules took the name
    // before the verb.
    let text = "Chile was angered by Peru's decision to back Rivera.";
    assert_holders(&combined, text, &[("Peru", "FAVOR")]);
    // So is the one blamed, praised or thanked for an act (the rules took the subject).
    for text in [
        "Chile criticised Peru for recognising Rivera.",
        "Chile condemned Peru for recognising Rivera.",
    ] {
        assert!(
            holder_stances(&rules, text).contains(&("Chile".to_owned(), "FAVOR")),
            "{text}"
        );
        assert_holders(&combined, text, &[("Peru", "FAVOR")]);
    }
    // A pronoun the rules leave unresolved takes the parse's antecedent.
    let text = "The foreign ministry of Peru said in a statement that it rejected Rivera's re-election.";
    assert_holders(&rules, text, &[("UNRESOLVED", "AGAINST")]);
    assert_holders(&combined, text, &[("Peru", "AGAINST")]);
    // A claim no one is said to make states no one's stance; the rules read the clause's
    // subject as holding it, and rejecting the claim does not make it so.
    for text in [
        "Peru rejected claims that it backs Rivera.",
        "Chile dismissed allegations that it supports Rivera.",
    ] {
        assert!(
            holder_stances(&rules, text).iter().any(|(_, s)| *s == "FAVOR"),
            "{text}"
        );
        assert_holders(&combined, text, &[]);
    }
    // An intention no one is said to own is not its judge's (the rules take the subject): the
    // judge opposes what it states.
    let text = "Chile criticised the decision to back Rivera.";
    assert_holders(&rules, text, &[("Chile", "FAVOR")]);
    assert_holders(&combined, text, &[("Chile", "AGAINST")]);
}

/// Asserts the (holder, stance) of every triple `t` finds in `text`, in order.
fn assert_holders(t: &StanceTagger, text: &str, expected: &[(&str, &str)]) {
    let found = holder_stances(t, text);
    let found: Vec<(&str, &str)> = found.iter().map(|(h, s)| (h.as_str(), *s)).collect();
    assert_eq!(found, expected, "{text}");
}

/// (holder, stance) of every triple `t` finds in `text`, in order.
fn holder_stances(t: &StanceTagger, text: &str) -> Vec<(String, &'static str)> {
    t.tag(text)
        .into_iter()
        .map(|s| (s.holder, s.stance.as_str()))
        .collect()
}

/// A tagger of `engine` for invented targets, each (name, alias).
fn tagger_of(engine: StanceEngine, targets: &[(&str, &str)]) -> StanceTagger {
    let targets = targets
        .iter()
        .map(|&(name, alias)| (name.to_owned(), vec![alias.to_owned()]))
        .collect::<BTreeMap<_, _>>();
    StanceTaggerConfig {
        targets: Some(targets),
        engine,
        ..Default::default()
    }
    .build()
    .unwrap()
}

/// A tagger of `engine` for two invented targets, Ana Rivera and Marco Lopez.
fn rivera_lopez(engine: StanceEngine) -> StanceTagger {
    tagger_of(engine, &[("Ana Rivera", "Rivera"), ("Marco Lopez", "Lopez")])
}

#[test]
fn the_combined_engine_takes_the_parses_roles_where_the_rules_swap_them() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    let pairs = |t: &StanceTagger, text: &str| -> Vec<(String, String)> {
        t.tag(text).into_iter().map(|s| (s.holder, s.target)).collect()
    };
    let (lopez, rivera) = ("Marco Lopez".to_owned(), "Ana Rivera".to_owned());
    // The rules read the subject as the one praising; the parse reads `from`.
    let text = "Lopez won praise from Rivera.";
    assert!(pairs(&rules, text).contains(&(lopez.clone(), rivera.clone())));
    assert_eq!(pairs(&combined, text), vec![(rivera.clone(), lopez.clone())]);
    // Both directions stay where the parse gives both.
    let text = "Rivera and Lopez praised each other.";
    let both = pairs(&combined, text);
    assert!(both.contains(&(rivera.clone(), lopez.clone())), "{both:?}");
    assert!(both.contains(&(lopez, rivera)), "{both:?}");
}

#[test]
fn a_rules_triple_the_parse_overrules_holds_back_no_frame_triple() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    // The rules give the speaker the backing; `which` gives it to Cuba, and the speaker's
    // break with Lopez, toward the same target in the same sentence, is then the parse's.
    let text = "Rivera told reporters that she had broken with Lopez and said that Cuba, which has \
                backed Lopez for years, should leave.";
    assert_holders(&rules, text, &[("Ana Rivera", "FAVOR")]);
    let combined = holder_stances(&combined, text);
    assert!(combined.contains(&("Cuba".to_owned(), "FAVOR")), "{combined:?}");
    assert!(
        combined.contains(&("Ana Rivera".to_owned(), "AGAINST")),
        "{combined:?}"
    );
    assert!(
        !combined.contains(&("Ana Rivera".to_owned(), "FAVOR")),
        "{combined:?}"
    );
}

#[test]
fn on_a_cue_both_engines_read_the_parses_stance_wins() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    // To condemn an act done to someone is to side with them; the rules' window reads
    // `condemned ... Lopez`.
    let text = "Rivera condemned the arrest of Lopez.";
    assert_holders(&rules, text, &[("Ana Rivera", "AGAINST")]);
    assert_holders(&combined, text, &[("Ana Rivera", "FAVOR")]);
}

#[test]
fn a_rules_verb_cue_the_parse_reads_as_a_particle_or_noun_is_none() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    // `back` right after `fired` is its adverb, no backing of Lopez.
    let text = "Rivera fired back that Lopez was trying to topple her government.";
    let favours = |t: &StanceTagger| t.tag(text).iter().any(|s| s.stance == Polarity::Favor);
    assert!(favours(&rules));
    assert!(!favours(&combined), "{:?}", combined.tag(text));
    // A cue of several words keeps its particle.
    let v = combined.tag("Rivera hit back at Lopez.");
    assert!(v.iter().any(|s| s.stance == Polarity::Against), "{v:?}");
    // A noun with its own preposition is no verb either: Lopez attacks no one here.
    let text = "Lopez came under attack from Rivera's allies.";
    let lopez_holds = |t: &StanceTagger| t.tag(text).iter().any(|s| s.holder == "Marco Lopez");
    assert!(lopez_holds(&rules));
    assert!(!lopez_holds(&combined), "{:?}", combined.tag(text));
    // An adjective modifies nouns only: Chile is the one praised, Lopez praises.
    let text = "Chile gained public praise from Lopez.";
    let (rules, combined) = (
        tagger_of(StanceEngine::Rules, &[("Marco Lopez", "Lopez")]),
        tagger_of(StanceEngine::Combined, &[("Marco Lopez", "Lopez")]),
    );
    let chile_holds = |t: &StanceTagger, text: &str| t.tag(text).iter().any(|s| s.holder == "Chile");
    assert!(chile_holds(&rules, text));
    assert!(!chile_holds(&combined, text), "{:?}", combined.tag(text));
    // An adjective further off may be the parser's repair of a verb the tagger took for a noun.
    let text = "Senator Ana Soto, whose parents moved to Peru from Chile, whose communist government \
                backs Lopez, spoke on Monday.";
    assert!(chile_holds(&combined, text), "{:?}", combined.tag(text));
}

#[test]
fn the_combined_engine_drops_the_rules_triples_on_a_cue_the_parse_finds_denied() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    for text in [
        "Rivera denied supporting Lopez.",
        "Rivera denied that she had criticized Lopez.",
        // Whoever abstains on a text is no author of what it says, and opposes nothing.
        "Rivera abstained on the resolution condemning Lopez.",
        // A measure taken away holds no stance (light_verbs.txt `remove`).
        "Rivera eased sanctions against Lopez.",
        // A forecast is no stance (hypothetical.txt `governor`).
        "Rivera is expected to recognise Lopez next week.",
        // Nor is a counterfactual, which did not happen (hypothetical.txt `perfect`).
        "Rivera would have condemned Lopez.",
        // Nor a relation put in the past (negation.txt `amod`).
        "Peru, a former ally of Lopez, sent aid to Chile.",
        "Peru, once a close ally of Lopez, sent aid to Chile.",
        // Nor what someone is accused of (the accusation itself is against Chile, no target).
        "Rivera accused Chile of backing Lopez.",
        // Nor what is denied to every member of a list.
        "Peru supports neither Rivera nor Lopez.",
        // Nor a question (hypothetical.txt `mark`), whatever other frames the cue has.
        "Rivera refused to say whether she backs Lopez.",
    ] {
        assert!(!rules.tag(text).is_empty(), "{text}");
        assert!(combined.tag(text).is_empty(), "{text}: {:?}", combined.tag(text));
    }
    // Whoever blocks or votes against a text or an intention is no author of what it says:
    // it opposes it, which the parse reads and the rules' word window does not.
    for text in [
        "Rivera blocked a resolution condemning Lopez.",
        "Rivera voted against the resolution condemning Lopez.",
        "Rivera blocked efforts to sanction Lopez.",
        "Rivera blocked a bid to condemn Lopez.",
        // (An adverb between the perfect's auxiliary and its participle: auxiliaries.txt.)
        "Rivera has repeatedly blocked efforts to sanction Lopez.",
        // What a vetoed text would have done is what it states.
        "Rivera vetoed a resolution that would have condemned Lopez.",
    ] {
        assert!(!rules.tag(text).is_empty(), "{text}");
        assert_holders(&combined, text, &[("Ana Rivera", "FAVOR")]);
    }
    // A refusal the parse reads as a stance of its own stays.
    let v = combined.tag("Rivera refused to recognize Lopez.");
    assert!(
        v.iter()
            .any(|s| s.holder == "Ana Rivera" && s.stance == Polarity::Against),
        "{v:?}"
    );
}

#[test]
fn the_combined_engine_drops_a_listed_holder_the_parse_does_not_give() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    let holders =
        |t: &StanceTagger, text: &str| -> Vec<String> { t.tag(text).into_iter().map(|s| s.holder).collect() };
    for text in [
        "Unlike Peru, Rivera backs Lopez.",
        "Speaking in Lima, Rivera denounced Lopez.",
    ] {
        assert!(holders(&rules, text).contains(&"Peru".to_owned()), "{text}");
        assert_eq!(holders(&combined, text), vec!["Ana Rivera".to_owned()], "{text}");
    }
    // A list the parse reads as one keeps every holder.
    let text = "Peru, Chile and Rivera back Lopez.";
    assert_eq!(
        holders(&combined, text).len(),
        3,
        "{:?}",
        holders(&combined, text)
    );
}

#[test]
fn the_span_index_finds_exactly_the_overlapping_spans() {
    let spans: Vec<Span> = (0..200)
        .map(|i| {
            let start = (i * 37) % 500;
            Span::new(start, start + 1 + (i * 13) % 40)
        })
        .collect();
    let index = super::SpanIndex::new(spans.iter().copied());
    for q in (0..560).step_by(7).map(|a| Span::new(a, a + 1 + a % 23)) {
        let mut found: Vec<usize> = index.overlapping(q).collect();
        found.sort_unstable();
        let expected: Vec<usize> = (0..spans.len())
            .filter(|&i| spans[i].start < q.end && q.start < spans[i].end)
            .collect();
        assert_eq!(found, expected, "{q:?}");
    }
}

#[test]
fn a_known_surname_after_another_first_name_is_someone_else() {
    assert_finds(
        "Jose Ortega praised Guaido.",
        "Jose Ortega",
        "Juan Guaido",
        "FAVOR",
    );
    let v = triples("Jose Ortega praised Guaido.");
    assert!(!has(&v, "Daniel Ortega", "Juan Guaido", "FAVOR"), "{v:?}");
    // The gazetteer's own full name, and its surname after a title, are still that person.
    for text in [
        "Daniel Ortega praised Guaido.",
        "President Ortega praised Guaido.",
    ] {
        assert_finds(text, "Daniel Ortega", "Juan Guaido", "FAVOR");
    }
}

#[test]
fn stopping_support_is_no_support() {
    for text in [
        "The army stopped backing Maduro.",
        "The army ceased to support Maduro.",
    ] {
        let v = triples(text);
        assert!(!v.iter().any(|x| x.2 == "FAVOR"), "{text}: {v:?}");
    }
    assert_finds(
        "The army kept backing Maduro.",
        "Military",
        "Nicolas Maduro",
        "FAVOR",
    );
}

#[test]
fn news_outlets_are_sources_not_holders() {
    for text in [
        "According to Reuters, Russia backs Maduro.",
        "According to The Washington Post, Russia backs Maduro.",
    ] {
        assert_finds(text, "Russia", "Nicolas Maduro", "FAVOR");
        assert_eq!(triples(text).len(), 1, "{text}");
    }
}

#[test]
fn hypotheticals_removals_and_conditions_are_no_stance() {
    assert_none(&[
        "Russia lifted sanctions on Maduro.",
        "Russia may soon recognise Maduro.",
        "Russia might back Maduro.",
        "Whether Russia will back Maduro is unclear.",
        "Russia said it would recognise Guaido if he won.",
    ]);
    // Threats keep their stance under a modal, and facts and commitments keep theirs.
    assert_finds(
        "Russia imposed sanctions on Maduro.",
        "Russia",
        "Nicolas Maduro",
        "AGAINST",
    );
    assert_finds(
        "Russia could impose sanctions on Maduro.",
        "Russia",
        "Nicolas Maduro",
        "AGAINST",
    );
    assert_finds("Russia recognised Maduro.", "Russia", "Nicolas Maduro", "FAVOR");
    assert_finds(
        "Russia said it would recognise Guaido.",
        "Russia",
        "Juan Guaido",
        "FAVOR",
    );
}

/// Asserts that `text` gives the triple (holder, target, stance).
#[test]
fn a_verb_that_gives_an_act_against_someone_does_not_oppose_the_act() {
    for text in [
        "Brazil threatened sanctions against Maduro.",
        "Brazil threatened military action against Maduro.",
    ] {
        let v = triples(text);
        assert!(has(&v, "Brazil", "Nicolas Maduro", "AGAINST"), "{text}: {v:?}");
        assert!(!has(&v, "Brazil", "Nicolas Maduro", "FAVOR"), "{text}: {v:?}");
    }
    // A verb that judges the act still does.
    assert_finds(
        "Brazil condemned the sanctions against Maduro.",
        "Brazil",
        "Nicolas Maduro",
        "FAVOR",
    );
}

fn assert_finds(text: &str, holder: &str, target: &str, stance: &str) {
    let v = triples(text);
    assert!(has(&v, holder, target, stance), "{text}: {v:?}");
}

/// Asserts that each text gives no triple at all.
fn assert_none(texts: &[&str]) {
    for text in texts {
        let v = triples(text);
        assert!(v.is_empty(), "{text}: {v:?}");
    }
}

#[test]
fn a_news_dateline_is_no_holder() {
    // The capital in a dateline is where the story was filed, not its country's stance.
    let v = triples("WASHINGTON (Reuters) - Peru recognised Guaido as interim president.");
    assert!(has(&v, "Peru", "Juan Guaido", "FAVOR"), "{v:?}");
    assert!(v.iter().all(|x| x.0 != "United States"), "{v:?}");
    let v = triples("LIMA (Reuters) - Maduro denounced the opposition leader, Guaido, as a traitor.");
    assert!(has(&v, "Nicolas Maduro", "Juan Guaido", "AGAINST"), "{v:?}");
    assert!(v.iter().all(|x| x.0 != "Peru"), "{v:?}");
    // A place capitalised word by word before an agency (a dateline's other style).
    let v = triples("Washington (CNN) The Lima Group denounced Maduro on Tuesday.");
    assert!(v.iter().all(|x| x.0 != "United States"), "{v:?}");
}

/// An act the parse reads as taken by another cue is no act of that cue's holder: the rules
/// read `sanctions against Y` as X's sanctions, the parse reads X's veto of them.
#[test]
fn the_combined_engine_reads_an_act_another_cue_takes_as_the_parse_does() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    for text in [
        "Rivera vetoed sanctions against Lopez.",
        "Rivera blocked new sanctions on Lopez.",
    ] {
        assert_holders(&rules, text, &[("Ana Rivera", "AGAINST")]);
        assert_holders(&combined, text, &[("Ana Rivera", "FAVOR")]);
    }
    // An act the rules read as another holder's keeps that holder, and whoever blocks it is
    // another voice.
    let text = "Rivera blocked new EU sanctions against Lopez.";
    assert_holders(&rules, text, &[("European Union", "AGAINST")]);
    assert_holders(
        &combined,
        text,
        &[("Ana Rivera", "FAVOR"), ("European Union", "AGAINST")],
    );
    // Backing the act takes its stance, in both readings.
    let text = "Rivera backed sanctions against Lopez.";
    assert_holders(&combined, text, &[("Ana Rivera", "AGAINST")]);
    // So does backing a text that demands an act; the rules read the nearest name by word
    // distance either way.
    let text = "Rivera backed a resolution calling for Lopez to resign.";
    assert_holders(&rules, text, &[("Ana Rivera", "FAVOR")]);
    assert_holders(&combined, text, &[("Ana Rivera", "AGAINST")]);
}

/// A crowd the parse reads as a verb's subject (`Lopez loyalists attacked Rivera`) holds its
/// stance: the rules took the name that modifies the crowd noun for the holder.
#[test]
fn the_combined_engine_takes_a_crowd_the_parse_reads_over_its_modifier() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    let text = "Lopez loyalists attacked Rivera.";
    assert!(holder_stances(&rules, text).contains(&("Marco Lopez".to_owned(), "AGAINST")));
    assert_holders(
        &combined,
        text,
        &[
            ("Marco Lopez supporters", "FAVOR"),
            ("Marco Lopez supporters", "AGAINST"),
        ],
    );
}

/// A yes/no question states no stance, in either engine's reading; a wh-question presupposes
/// the act it asks about.
#[test]
fn a_yes_no_question_states_no_stance() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    for text in ["Has Rivera recognised Lopez?", "Does Rivera support Lopez?"] {
        assert!(!rules.tag(text).is_empty(), "{text}");
        assert!(combined.tag(text).is_empty(), "{text}: {:?}", combined.tag(text));
    }
    assert_holders(
        &combined,
        "Why did Rivera recognise Lopez?",
        &[("Ana Rivera", "FAVOR")],
    );
    assert_holders(&combined, "Rivera recognised Lopez.", &[("Ana Rivera", "FAVOR")]);
}

/// A judgement in the `as` phrase of a negated verb that labels nothing is denied, not
/// asserted: the rules read `legitimate president` as a FAVOR judgement of Lopez.
#[test]
fn a_judgement_a_negated_verb_denies_is_no_ones() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    let text = "Rivera does not recognize Lopez as the legitimate president.";
    assert!(holder_stances(&rules, text).contains(&("Ana Rivera".to_owned(), "FAVOR")));
    assert!(
        !holder_stances(&combined, text).contains(&("Ana Rivera".to_owned(), "FAVOR")),
        "{:?}",
        combined.tag(text)
    );
    // Asserted, it stays; denied by a labelling verb, it turns against.
    let text = "Rivera recognised Lopez as the legitimate president.";
    assert_holders(&combined, text, &[("Ana Rivera", "FAVOR")]);
    let text = "Rivera does not regard Lopez as legitimate.";
    assert_holders(&combined, text, &[("Ana Rivera", "AGAINST")]);
}

/// The rules take a capitalised body for a name of its own; the parse reads the phrase it
/// stands in as its owner's (`Hit::holder_phrase`), and the combined engine keeps the owner.
#[test]
fn the_combined_engine_names_a_body_after_its_owner() {
    let combined = rivera_lopez(StanceEngine::Combined);
    for (text, holder) in [
        ("Peru's Justice Ministry condemned Rivera.", "Peru"),
        ("The Lopez Administration condemned Rivera.", "Marco Lopez"),
        ("The Peruvian Government condemned Rivera.", "Peru"),
        // A body named alone keeps its name.
        ("The Justice Ministry condemned Rivera.", "Justice Ministry"),
    ] {
        assert_holders(&combined, text, &[(holder, "AGAINST")]);
    }
}

/// An act the parse reads as taken by a backing verb, owned by the target (`backed Peru's
/// intervention`), is no cue of the holder's own: the rules' reading of the act word against
/// its owner goes.
#[test]
fn the_combined_engine_drops_a_rules_reading_of_an_act_the_holder_backs() {
    let combined = tagger_of(
        StanceEngine::Combined,
        &[("Marco Lopez", "Lopez"), ("Peru", "Peru")],
    );
    assert_holders(
        &combined,
        "Lopez backed Peru's intervention.",
        &[("Marco Lopez", "FAVOR")],
    );
}

/// A target that stands only as the place of the event a verb's object names is no party to
/// the stance (prepositions.txt `place`); a seat of power still stands for its country.
#[test]
fn the_combined_engine_takes_no_stance_toward_where_an_event_happens() {
    let combined = tagger_of(
        StanceEngine::Combined,
        &[("Norland", "Norland"), ("Omar Kassar", "Kassar")],
    );
    for text in [
        "China condemned the violence in Norland.",
        "China welcomed the elections in Norland.",
        "China opposed any outside interference in Norland.",
        "China praised the soldiers fighting in Norland.",
    ] {
        assert_holders(&combined, text, &[]);
    }
    assert_holders(
        &combined,
        "China condemned Kassar's crackdown in Norland.",
        &[("China", "AGAINST")],
    );
}

/// A word with its own possessive `'s` is a noun (`X's arrest`): the rules' reading of it as
/// an active verb, with the possessor as its subject, goes.
#[test]
fn the_combined_engine_reads_a_possessed_word_as_no_verb() {
    let combined = rivera_lopez(StanceEngine::Combined);
    assert_holders(&combined, "Rivera's arrest by Lopez's police angered Peru.", &[]);
}

/// The act a verb taken back takes goes with it (`refused to condemn X's invasion`), and a
/// vote is a text that states what it condemns (government_nouns.txt `vote document`): the
/// rules' word-window readings of both go.
#[test]
fn the_combined_engine_reads_acts_and_votes_taken_back() {
    let combined = tagger_of(StanceEngine::Combined, &[("Russia", "Russia")]);
    assert_holders(&combined, "China has refused to condemn Russia's invasion.", &[]);
    let found = holder_stances(&combined, "India abstained in the UN vote condemning Russia.");
    assert!(!found.iter().any(|(h, _)| h == "India"), "{found:?}");
}

/// `halt`, like `stop` and `cease`, holds back the cue after it (word_lists.txt [scope_neg]).
#[test]
fn halting_a_cue_holds_it_back() {
    let t = tagger_of(StanceEngine::Rules, &[("Marco Lopez", "Lopez")]);
    let found = t.tag("Chile halted sanctions on Lopez.");
    assert!(found.is_empty(), "{found:?}");
    let found = t.tag("Chile imposed sanctions on Lopez.");
    assert!(!found.is_empty(), "{found:?}");
}

/// A bracketed aside before the verb names no subject (`Sen. X (D-Peru) called ...`): the
/// rules engine skips it back to its opening bracket.
#[test]
fn a_bracketed_aside_names_no_subject() {
    let t = tagger_of(StanceEngine::Rules, &[("Marco Lopez", "Lopez")]);
    let found = t.tag("Senator Jane Doe (D-Chile) criticised Lopez.");
    assert!(found.iter().all(|s| s.holder != "Chile"), "{found:?}");
    let found = t.tag("Chile (and its neighbours) criticised Lopez.");
    assert!(found.iter().any(|s| s.holder == "Chile"), "{found:?}");
}

/// The combined engine drops a rules triple whose target lies outside the clause of the active
/// verb cue it was read from, when the parse gives that verb an object of its own: a clause
/// coordinated with it or adverbial to it, with its own subject, holds no argument of it.
#[test]
fn a_target_outside_the_cue_verbs_clause_is_none_of_its_arguments() {
    let t = tagger_of(StanceEngine::Combined, &[("Marco Lopez", "Lopez")]);
    for text in [
        "Chile accused the minister of fraud as Lopez watched.",
        "Chile accused the minister of fraud, and Lopez published a report.",
    ] {
        let found = t.tag(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    let found = t.tag("Chile accused Lopez of fraud after the vote.");
    assert!(found.iter().any(|s| s.holder == "Chile"), "{found:?}");
}

/// The combined engine drops a rules triple on an active verb cue whose holder lies outside the
/// subject the parse gives that verb and is not named in it: the rules' window took a nearer
/// name. The subject of a relative clause is the noun it is on; the phrases of what that noun
/// is about are not the subject, its name, apposition and list of members are.
#[test]
fn a_holder_outside_the_cue_verbs_subject_is_not_its_holder() {
    let t = rivera_lopez(StanceEngine::Combined);
    let rivera_on_lopez = |text: &str| {
        t.tag(text)
            .iter()
            .any(|s| s.holder == "Ana Rivera" && s.target == "Marco Lopez")
    };
    assert!(!rivera_on_lopez(
        "The information on Rivera that aligns with the report praised Lopez."
    ));
    for text in [
        "The party, known as Rivera, attacked Lopez.",
        "His wife, Rivera, condemned Lopez.",
        "Several senators, including Rivera, condemned Lopez.",
    ] {
        assert!(rivera_on_lopez(text), "{text}");
    }
}

/// The combined engine drops an evaluative label the rules read where it stands right before
/// the name it describes or in apposition to it: a descriptor, no stance. Said of the name,
/// it stays.
#[test]
fn a_label_beside_the_name_it_describes_is_no_stance() {
    let t = rivera_lopez(StanceEngine::Combined);
    for text in [
        "Marco Lopez, Chile's young dictator, opened a restaurant.",
        "The army of dictator Marco Lopez crossed the river.",
    ] {
        let found = t.tag(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    for text in [
        "Rivera called Lopez a dictator.",
        "Rivera said Lopez was a dictator.",
        "Rivera poses a threat to Lopez.",
    ] {
        let found = t.tag(text);
        assert!(
            found
                .iter()
                .any(|s| s.holder == "Ana Rivera" && s.target == "Marco Lopez"),
            "{text}: {found:?}"
        );
    }
}

/// A passive with no agent names no holder in its clause: a name before it is no holder (`X and
/// Y were indicted`: X indicts no one). A speaker holds it as a demand (`X said Y must be
/// punished`), not as a report of what others did (`X said Y was arrested`).
#[test]
fn an_agentless_passive_takes_no_holder_from_its_clause() {
    for engine in [StanceEngine::Rules, StanceEngine::Combined] {
        let t = rivera_lopez(engine);
        for text in [
            "Rivera and Lopez were indicted on Monday.",
            "Former Rivera aide Marco Lopez was arrested on Friday.",
            "Rivera says she was with a friend when Lopez was arrested.",
        ] {
            let found = t.tag(text);
            assert!(found.is_empty(), "{engine:?} {text}: {found:?}");
        }
        assert_holders(
            &t,
            "Rivera said Lopez must be punished.",
            &[("Ana Rivera", "AGAINST")],
        );
    }
}

/// Whoever did not join others in an act did not act (`X did not join Y in calling for Z's
/// resignation`); the verb of company joined holds it (`X joined Y in ...`).
#[test]
fn a_negated_verb_of_company_takes_its_gerunds_act_back() {
    let t = tagger_of(StanceEngine::Combined, &[("Marco Lopez", "Lopez")]);
    let text = "Senator Ana Soto did not join her colleagues in calling for Lopez's resignation.";
    let found = t.tag(text);
    assert!(found.iter().all(|s| s.holder != "Ana Soto"), "{found:?}");
    let text = "Senator Ana Soto joined her colleagues in calling for Lopez's resignation.";
    let found = t.tag(text);
    assert!(found.iter().any(|s| s.holder == "Ana Soto"), "{found:?}");
}

/// A crowd noun the parse gives another owner (a name before it, a possessor) is no crowd of
/// the target; the target's own name there, or a possessive pronoun, keeps it.
#[test]
fn a_crowd_of_someone_else_is_no_crowd_of_the_target() {
    let t = rivera_lopez(StanceEngine::Combined);
    let crowds = |text: &str| -> Vec<String> {
        t.tag(text)
            .into_iter()
            .filter(|s| s.rule.starts_with("crowd:"))
            .map(|s| s.holder)
            .collect()
    };
    for text in [
        "Islamic State supporters identified the boy as Lopez.",
        "The militant group's supporters identified the boy as Lopez.",
    ] {
        assert!(crowds(text).is_empty(), "{text}: {:?}", t.tag(text));
    }
    for text in [
        "Lopez supporters rallied in the capital.",
        "Lopez told his supporters to go home.",
        "Ana Soto was one of the first high profile supporters of Lopez.",
    ] {
        assert!(!crowds(text).is_empty(), "{text}: {:?}", t.tag(text));
    }
}

/// The combined engine drops an active reading of a verb cue that the parse reads with an agent
/// phrase (`a plan opposed by X`): the voice is passive, and X is the one who opposes.
#[test]
fn an_active_reading_of_a_verb_with_an_agent_phrase_goes() {
    let t = tagger_of(
        StanceEngine::Combined,
        &[("Ana Rivera", "Rivera"), ("Marco Lopez", "Lopez")],
    );
    let found = t.tag("Rivera backed a plan opposed by Lopez.");
    assert!(
        found
            .iter()
            .all(|s| !(s.holder == "Ana Rivera" && s.target == "Marco Lopez")),
        "{found:?}"
    );
    let found = t.tag("Rivera was criticised by Lopez.");
    assert!(
        found
            .iter()
            .any(|s| s.holder == "Marco Lopez" && s.target == "Ana Rivera"),
        "{found:?}"
    );
}

/// The clause bound of the combined engine holds for passive verb cues too, where the noun a
/// participle or relative clause modifies is in the clause; a pronoun the verb acts on may
/// name anyone, so that clause bounds nothing.
#[test]
fn a_passive_cues_clause_bounds_its_target_too() {
    let t = tagger_of(
        StanceEngine::Combined,
        &[("Ana Rivera", "Rivera"), ("Marco Lopez", "Lopez")],
    );
    let found =
        t.tag("According to Lopez, the supplies went to the fighters, who have been supported by Chile.");
    assert!(found.is_empty(), "{found:?}");
    for (text, holder, target) in [
        ("Rivera, backed by Chile, won the vote.", "Chile", "Ana Rivera"),
        ("Lopez said he was attacked by Chile.", "Chile", "Marco Lopez"),
    ] {
        let found = t.tag(text);
        assert!(
            found.iter().any(|s| s.holder == holder && s.target == target),
            "{text}: {found:?}"
        );
    }
}

/// The possessor of a relation noun is the other side (`Lopez's allies denounced Rivera`): the
/// rules took it for the holder, the parse reads the allies.
#[test]
fn the_combined_engine_takes_a_relation_nouns_crowd_over_its_possessor() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    let text = "Lopez's allies in Congress denounced Rivera.";
    assert!(holder_stances(&rules, text).contains(&("Marco Lopez".to_owned(), "AGAINST")));
    let found = holder_stances(&combined, text);
    assert!(
        !found.contains(&("Marco Lopez".to_owned(), "AGAINST")),
        "{found:?}"
    );
    assert!(
        found.contains(&("Unnamed allies".to_owned(), "AGAINST")),
        "{found:?}"
    );
}

/// A particle no frame of the verb takes makes another verb (`backed down`, `backed off`: no
/// support), which the rules read as the bare one; a particle a frame takes keeps the cue
/// (`backed up X`).
#[test]
fn the_combined_engine_drops_a_bare_verb_reading_of_a_phrasal_verb() {
    let (rules, combined) = (
        rivera_lopez(StanceEngine::Rules),
        rivera_lopez(StanceEngine::Combined),
    );
    for text in [
        "Lopez backed down after Rivera objected.",
        "Lopez backed off when Rivera objected.",
        "Lopez backed out of the film about Rivera.",
    ] {
        assert!(holder_stances(&rules, text).contains(&("Marco Lopez".to_owned(), "FAVOR")));
        assert!(combined.tag(text).is_empty(), "{text}: {:?}", combined.tag(text));
    }
    assert_holders(&combined, "Lopez backed up Rivera.", &[("Marco Lopez", "FAVOR")]);
}

/// Proposed targets are ready to use: no alias or surname the tagger's configuration refuses.
#[test]
fn proposed_targets_carry_no_alias_the_tagger_refuses() {
    let counts = HashMap::from([("Photo Agency You".to_owned(), 3)]);
    let aliases = HashMap::from([(
        "Photo Agency You".to_owned(),
        HashSet::from(["You".to_owned(), "Agency You".to_owned()]),
    )]);
    let proposed = rank_people(counts, aliases, 3, |_| true);
    assert_eq!(
        proposed,
        vec![("Photo Agency You".to_owned(), vec!["Agency You".to_owned()])]
    );
    let targets: BTreeMap<String, Vec<String>> = proposed.into_iter().collect();
    assert!(StanceTaggerConfig {
        targets: Some(targets),
        ..Default::default()
    }
    .build()
    .is_ok());
}
