//! Unit tests of the tokenizer conventions.

use super::*;

fn toks_with(tok: &Tokenizer, text: &str) -> Vec<String> {
    tok.tokenize(text)
        .iter()
        .map(|t| t.span.as_str(text).to_owned())
        .collect()
}

fn toks(text: &str) -> Vec<String> {
    toks_with(&Tokenizer::default(), text)
}

fn surface(text: &str) -> Vec<String> {
    let tok = TokenizerConfig { split_clitics: false }.build().unwrap();
    toks_with(&tok, text)
}

fn kinds(text: &str) -> Vec<(String, TokenKind)> {
    Tokenizer::default()
        .tokenize(text)
        .iter()
        .map(|t| (t.span.as_str(text).to_owned(), t.kind))
        .collect()
}

#[test]
fn clitics_split_as_ud_words() {
    assert_eq!(
        toks("Venezuela's leader didn't go."),
        ["Venezuela", "'s", "leader", "did", "n't", "go", "."]
    );
    assert_eq!(
        toks("I can't, I won't"),
        ["I", "ca", "n't", ",", "I", "wo", "n't"]
    );
    assert_eq!(
        toks("I'm gonna say we'll"),
        ["I", "'m", "gon", "na", "say", "we", "'ll"]
    );
    assert_eq!(
        toks("They’re here, aren’t they"),
        ["They", "’re", "here", ",", "are", "n’t", "they"]
    );
    assert_eq!(toks("DON'T"), ["DO", "N'T"]);
    assert_eq!(toks("I cannot"), ["I", "can", "not"]);
    assert_eq!(toks("you've, I'd"), ["you", "'ve", ",", "I", "'d"]);
    // `its` is split only where it stands for `it is` (contractions.txt `context`).
    assert_eq!(toks("its a shame"), ["it", "s", "a", "shame"]);
    assert_eq!(toks("its roof leaks"), ["its", "roof", "leaks"]);
    assert_eq!(surface("its a shame"), ["its", "a", "shame"]);
}

#[test]
fn surface_tokens_keep_clitics() {
    assert_eq!(surface("didn't go"), ["didn't", "go"]);
    assert_eq!(surface("Venezuela's"), ["Venezuela's"]);
    assert_eq!(surface("cannot"), ["cannot"]);
    assert_eq!(surface("the parents' car"), ["the", "parents'", "car"]);
    assert_eq!(toks("the parents' car"), ["the", "parents", "'", "car"]);
}

#[test]
fn apostrophes_that_are_not_clitics() {
    assert_eq!(toks("O'Connor and Sha'lan"), ["O'Connor", "and", "Sha'lan"]);
    assert_eq!(toks("'hello'"), ["'", "hello", "'"]);
    assert_eq!(toks("the class of '72"), ["the", "class", "of", "'72"]);
    assert_eq!(toks("the '60's, 'em"), ["the", "'60's", ",", "'em"]);
    assert_eq!(toks("b/c and/or"), ["b/c", "and", "/", "or"]);
}

#[test]
fn its_contraction_from_context() {
    assert_eq!(toks("its a shame"), ["it", "s", "a", "shame"]);
    assert_eq!(toks("its own way"), ["its", "own", "way"]);
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        toks("Mr. Smith met the U.S. envoy at 5 p.m. on Sept. 8."),
        ["Mr.", "Smith", "met", "the", "U.S.", "envoy", "at", "5", "p.m.", "on", "Sept.", "8", "."]
    );
    assert_eq!(
        toks("apples, pears, etc. and more"),
        ["apples", ",", "pears", ",", "etc.", "and", "more"]
    );
    assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
    assert_eq!(toks("e.g. this"), ["e.g.", "this"]);
    assert_eq!(toks("(b. 1950)"), ["(", "b.", "1950", ")"]);
    assert_eq!(toks("the Inc.. Then"), ["the", "Inc.", ".", "Then"]);
}

#[test]
fn sentence_final_period_is_its_own_token() {
    assert_eq!(toks("He left."), ["He", "left", "."]);
    assert_eq!(
        toks("pears, etc. We left."),
        ["pears", ",", "etc", ".", "We", "left", "."]
    );
    assert_eq!(toks("and so on etc."), ["and", "so", "on", "etc", "."]);
    assert_eq!(toks("Dr. The"), ["Dr.", "The"]);
    assert_eq!(toks("Wait... what?!"), ["Wait", "...", "what", "?!"]);
}

#[test]
fn urls_emails_mentions_hashtags() {
    assert_eq!(
        kinds("See http://example.com/a?b=1&c=(2)."),
        [
            ("See".into(), TokenKind::Word),
            ("http://example.com/a?b=1&c=(2)".into(), TokenKind::Url),
            (".".into(), TokenKind::Punct)
        ]
    );
    assert_eq!(toks("(www.cnn.com)"), ["(", "www.cnn.com", ")"]);
    assert_eq!(kinds("Compaq.com")[0].1, TokenKind::Url);
    assert_eq!(kinds("end.It")[0].1, TokenKind::Word);
    assert_eq!(
        kinds("mail carol.st.clair@enron.com,"),
        [
            ("mail".into(), TokenKind::Word),
            ("carol.st.clair@enron.com".into(), TokenKind::Email),
            (",".into(), TokenKind::Punct)
        ]
    );
    assert_eq!(
        kinds("@jguaido #Venezuela"),
        [
            ("@jguaido".into(), TokenKind::Mention),
            ("#Venezuela".into(), TokenKind::Hashtag)
        ]
    );
    assert_eq!(toks("#1 pick"), ["#", "1", "pick"]);
    assert_eq!(
        kinds("see cra.org/resources/survey)."),
        [
            ("see".into(), TokenKind::Word),
            ("cra.org/resources/survey".into(), TokenKind::Url),
            (")".into(), TokenKind::Punct),
            (".".into(), TokenKind::Punct)
        ]
    );
}

#[test]
fn numbers() {
    assert_eq!(
        kinds("$1,000.50 and 3.5%"),
        [
            ("$".into(), TokenKind::Symbol),
            ("1,000.50".into(), TokenKind::Number),
            ("and".into(), TokenKind::Word),
            ("3.5".into(), TokenKind::Number),
            ("%".into(), TokenKind::Symbol)
        ]
    );
    assert_eq!(
        toks("at 5:30pm on 11/28/2000"),
        ["at", "5:30", "pm", "on", "11/28/2000"]
    );
    assert_eq!(
        toks("call 713-853-3989 or 555-1234"),
        ["call", "713-853-3989", "or", "555-1234"]
    );
    assert_eq!(
        toks("in 1969-1970, 3-4 times"),
        ["in", "1969", "-", "1970", ",", "3", "-", "4", "times"]
    );
    assert_eq!(
        toks("the 20th century, 1990s"),
        ["the", "20th", "century", ",", "1990s"]
    );
    // A plural ordinal stays on its number (number_endings.txt); a word is split off.
    assert_eq!(
        toks("three 5ths in 20minutes"),
        ["three", "5ths", "in", "20", "minutes"]
    );
    assert_eq!(toks("a 35mm lens"), ["a", "35", "mm", "lens"]);
    assert_eq!(toks(".5 percent"), [".5", "percent"]);
}

#[test]
fn hyphens_follow_ud() {
    assert_eq!(
        toks("a well-known non-profit"),
        ["a", "well", "-", "known", "non-profit"]
    );
    assert_eq!(toks("e-mail me, re-elected"), ["e-mail", "me", ",", "re-elected"]);
    assert_eq!(toks("in the mid-1980s"), ["in", "the", "mid-1980s"]);
    assert_eq!(toks("I w- we went"), ["I", "w-", "we", "went"]);
    assert_eq!(toks("thanks Vince- bye"), ["thanks", "Vince", "-", "bye"]);
    assert_eq!(toks("wait -- no"), ["wait", "--", "no"]);
    assert_eq!(toks("word--word"), ["word", "--", "word"]);
}

#[test]
fn quotes_dashes_and_runs() {
    assert_eq!(
        toks("“Yes,” he said — ‘no’."),
        ["“", "Yes", ",", "”", "he", "said", "—", "‘", "no", "’", "."]
    );
    assert_eq!(toks("''quoted''"), ["''", "quoted", "''"]);
    assert_eq!(toks("wow!!! ====="), ["wow", "!!!", "====="]);
    assert_eq!(toks("nice :) and :-("), ["nice", ":)", "and", ":-("]);
    assert_eq!(toks("(see above)"), ["(", "see", "above", ")"]);
    assert_eq!(toks("((it))"), ["(", "(", "it", ")", ")"]);
    assert_eq!(toks("‘’Should"), ["‘’", "Should"]);
}

#[test]
fn emoji_sequences() {
    let text = "ok 👍🏽 👨‍👩‍👧 🇻🇪!❤️";
    assert_eq!(
        kinds(text),
        [
            ("ok".into(), TokenKind::Word),
            ("👍🏽".into(), TokenKind::Emoji),
            ("👨‍👩‍👧".into(), TokenKind::Emoji),
            ("🇻🇪".into(), TokenKind::Emoji),
            ("!".into(), TokenKind::Punct),
            ("❤️".into(), TokenKind::Emoji)
        ]
    );
}

#[test]
fn whitespace_and_controls_are_never_tokens() {
    assert_eq!(toks("a\u{0}b\u{85}c\u{3000}d\r\n\te"), ["a", "b", "c", "d", "e"]);
    assert!(toks("").is_empty());
    assert!(toks(" \n\t\u{0}").is_empty());
}

#[test]
fn marks_attach_to_the_previous_token() {
    assert_eq!(toks("cafe\u{301} \u{301}x"), ["cafe\u{301}", "\u{301}", "x"]);
    assert_eq!(toks("naïve Guaidó"), ["naïve", "Guaidó"]);
    // Joiners and the soft hyphen work inside words and emoji.
    assert_eq!(toks("co\u{ad}operate"), ["co\u{ad}operate"]);
    assert_eq!(
        toks("\u{1f469}\u{200d}\u{1f4bb}!"),
        ["\u{1f469}\u{200d}\u{1f4bb}", "!"]
    );
}

/// Asserts the tokens of each text.
fn check_all(cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        assert_eq!(toks(text), *want, "{text:?}");
    }
}

#[test]
fn ignorable_format_characters_stick_to_no_token() {
    check_all(&[
        (
            "\u{feff}Russia backs Maduro.",
            &["Russia", "backs", "Maduro", "."],
        ),
        ("Maduro\u{202c} spoke", &["Maduro", "spoke"]),
        ("spoke.\u{200b}", &["spoke", "."]),
        ("\u{202b}Guaido\u{202c}", &["Guaido"]),
        ("\u{2066}Caracas\u{2069} today", &["Caracas", "today"]),
        ("left\u{200e}. right\u{200f}.", &["left", ".", "right", "."]),
        ("zero\u{200b}width", &["zero", "width"]),
        ("one\u{2060}two", &["one", "two"]),
        ("\u{61c}123", &["123"]),
        (
            "a\u{1}b\u{1b}[0mc\u{7f}d\u{9f}e",
            &["a", "b", "[", "0mc", "d", "e"],
        ),
        ("\u{feff}\u{200b}\u{202a}\u{2066}", &[]),
    ]);
    // Offsets still index the original text.
    let text = "\u{feff}Russia";
    assert_eq!(Tokenizer::default().tokenize(text)[0].span.start, 3);
}

#[test]
fn a_period_before_a_closing_bracket_in_a_designation_stays_with_the_word() {
    check_all(&[
        (
            "Sen. Warren (D-Mass.) spoke.",
            &["Sen.", "Warren", "(", "D", "-", "Mass.", ")", "spoke", "."],
        ),
        (
            "Rep. Poe (R-Texas.) agreed.",
            &["Rep.", "Poe", "(", "R", "-", "Texas.", ")", "agreed", "."],
        ),
        (
            "Sen. Reed (I-Vt.) voted",
            &["Sen.", "Reed", "(", "I", "-", "Vt.", ")", "voted"],
        ),
        (
            "Gov. Pritzker (D-Ill.) said",
            &["Gov.", "Pritzker", "(", "D", "-", "Ill.", ")", "said"],
        ),
        (
            "Rep. Omar (D-Minn.)",
            &["Rep.", "Omar", "(", "D", "-", "Minn.", ")"],
        ),
        (
            "Sen. Ross (R-Ohio.)",
            &["Sen.", "Ross", "(", "R", "-", "Ohio.", ")"],
        ),
        (
            "John Smith (Jr.) came",
            &["John", "Smith", "(", "Jr.", ")", "came"],
        ),
        ("apples (etc.) too", &["apples", "(", "etc.", ")", "too"]),
        ("see [approx.] below", &["see", "[", "approx.", "]", "below"]),
        (
            "Rep. King (R-N.Y.) left",
            &["Rep.", "King", "(", "R", "-", "N.Y.", ")", "left"],
        ),
        // A one-word aside is a sentence; a period after spaces is a sentence end.
        (
            "(Laughter.) Thank you.",
            &["(", "Laughter", ".", ")", "Thank", "you", "."],
        ),
        ("(He left early.)", &["(", "He", "left", "early", ".", ")"]),
    ]);
}

#[test]
fn any_url_scheme_and_scp_addresses_are_one_token() {
    let urls = [
        "ssh://git@example.org:22/repo",
        "ftp://files.example.com/a.zip",
        "sftp://host.example.net/x",
        "svn+ssh://svn.example.org/trunk",
        "git://github.com/user/repo.git",
        "file:///etc/hosts",
        "s3://bucket/key/part-0001",
        "irc://irc.example.net/channel",
        "rtsp://cam.example.com:554/live",
        "git@github.com:user/repo.git",
        "deploy@web1.example.net:/var/www",
    ];
    for url in urls {
        let text = format!("Use {url}, then stop.");
        assert_eq!(kinds(&text)[1], (url.to_owned(), TokenKind::Url), "{text}");
    }
    // `:/` is still an emoticon on its own, and an e-mail address before a colon stays one.
    assert_eq!(toks("It :/ works"), ["It", ":/", "works"]);
    assert_eq!(
        kinds("Mail bob@example.com: now")[1],
        ("bob@example.com".into(), TokenKind::Email)
    );
}

#[test]
fn a_sentence_end_without_a_space_splits_between_words() {
    check_all(&[
        ("world.Today", &["world", ".", "Today"]),
        ("the end.It was", &["the", "end", ".", "It", "was"]),
        ("we won.Then we left", &["we", "won", ".", "Then", "we", "left"]),
        ("Caracas.Maduro", &["Caracas", ".", "Maduro"]),
        ("said.Officials", &["said", ".", "Officials"]),
        // Not between initials, in abbreviations, domains, code or addresses.
        ("U.S.Army", &["U.S.Army"]),
        ("e.g.The", &["e.g.The"]),
        ("example.Com", &["example.Com"]),
        ("ASP.NET", &["ASP.NET"]),
        ("Node.js", &["Node.js"]),
        ("Jane.Doe@example.com", &["Jane.Doe@example.com"]),
        ("Mr.Smith", &["Mr.", "Smith"]),
    ]);
}

#[test]
fn tokenize_into_appends() {
    let tok = Tokenizer::default();
    let mut out = Vec::new();
    tok.tokenize_into("a b", &mut out);
    tok.tokenize_into("c", &mut out);
    assert_eq!(out.len(), 3);
    assert_eq!(out[2].span, Span::new(0, 1));
}

#[test]
fn config_roundtrip_and_errors() {
    let tok = TokenizerConfig { split_clitics: false }.build().unwrap();
    let back = Tokenizer::from_json(&tok.to_json()).unwrap();
    assert_eq!(back.config(), tok.config());
    assert!(Tokenizer::from_json(r#"{"type":"Tokenizer","version":1,"config":{"bogus":1}}"#).is_err());
    let json = r#"{"type":"Tokenizer","version":1,"config":{}}"#;
    assert!(Tokenizer::from_json(json).unwrap().config().split_clitics);
    assert_eq!(TokenKind::Emoji.as_str(), "emoji");
    assert_eq!(serde_json::to_string(&TokenKind::Hashtag).unwrap(), "\"hashtag\"");
}

#[test]
fn long_inputs_are_linear_and_safe() {
    let tok = Tokenizer::default();
    let letters = "a".repeat(1_000_000);
    assert_eq!(tok.tokenize(&letters).len(), 1);
    let dots = ".".repeat(1_000_000);
    assert_eq!(tok.tokenize(&dots).len(), 1);
    let url = format!("http://x.com/{}", "a/".repeat(200_000));
    assert_eq!(tok.tokenize(&url).len(), 1);
    let hyphens = "a-".repeat(200_000);
    assert!(!tok.tokenize(&hyphens).is_empty());
    let ats = "a.b".repeat(100_000) + "@";
    assert!(!tok.tokenize(&ats).is_empty());
    let parens = "(".repeat(100_000);
    assert_eq!(tok.tokenize(&parens).len(), 100_000);
}
