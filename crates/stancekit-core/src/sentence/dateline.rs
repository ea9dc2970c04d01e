//! News datelines: the place and the agency that open a wire story (`WASHINGTON (Reuters) -`,
//! `CARACAS, Venezuela (AP) —`, `(CNN)`, `BUENOS AIRES —`).
//!
//! A dateline stands before the grammar of the story's first sentence, not inside it: a parser
//! reading `LIMA (Reuters) - X denounced Y` takes the place for a subject, and a stance engine
//! the capital for its country. The stance engines read a sentence from the end of its dateline.
//! The sentence itself keeps its span: the dateline is still part of the text it quotes.

use regex::Regex;
use std::sync::LazyLock;

/// A dateline is short: no more than this many bytes are looked at, so a long sentence costs
/// nothing more.
const LOOK_AHEAD: usize = 160;

/// Letters a place alone (no agency after it) needs, so that a short acronym before a dash
/// (`NATO — the alliance ...`) is no place.
const MIN_PLACE_LETTERS: usize = 5;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*",
        // The place: up to four capitalised words, then up to two regions (`, Venezuela`).
        r"(?P<place>\p{Lu}[\p{L}.'’/\-]*(?:[ \t]+\p{Lu}[\p{L}.'’/\-]*){0,3})?",
        r"(?P<regions>(?:[ \t]*,[ \t]*\p{Lu}[\p{L}.'’\-]*(?:[ \t]+\p{Lu}[\p{L}.'’\-]*){0,2}){0,2})",
        // The agency, in brackets.
        r"(?:[ \t]*(?P<agency>\([ \t]*\p{Lu}[\p{L}\p{N}&.'’\-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}&.'’\-]*){0,3}[ \t]*\)))?",
        // A dash.
        r"(?:[ \t]*(?P<dash>—|–|‒|--?))?",
        r"\s*",
    ))
    .expect("the dateline pattern is valid")
});

/// The length in bytes of the dateline that opens `sentence`, with the spaces after it; 0 when
/// it opens with none.
///
/// A dateline is an agency in brackets (`(Reuters)`), optionally after a place, or a place alone
/// before a dash. The place is capitalised word by word before an agency (`Washington (CNN)`)
/// and written in capitals before a dash alone (each word two letters or more, and five letters
/// in all), optionally followed by regions (`CARACAS, Venezuela`). The story after it must start
/// as a sentence does: a capital, a digit or a quote mark.
///
/// ```
/// use stancekit_core::sentence::dateline_len;
///
/// let s = "LIMA (Reuters) - Peru recalled its ambassador.";
/// assert_eq!(&s[dateline_len(s)..], "Peru recalled its ambassador.");
/// assert_eq!(dateline_len("NATO — the alliance — met."), 0);
/// ```
#[must_use]
pub fn dateline_len(sentence: &str) -> usize {
    let mut look = sentence.len().min(LOOK_AHEAD);
    while !sentence.is_char_boundary(look) {
        look -= 1;
    }
    // Most sentences open with a word in lower case after its capital and have no bracket
    // near their start: no dateline, and no need to run the pattern.
    let mut opening = sentence.trim_start().chars();
    let could_be = match (opening.next(), opening.next()) {
        (Some('('), _) => true,
        (Some(a), Some(b)) => a.is_uppercase() && (!b.is_lowercase() || sentence[..look].contains('(')),
        _ => false,
    };
    if !could_be {
        return 0;
    }
    let Some(c) = DATELINE.captures(&sentence[..look]) else {
        return 0;
    };
    let end = c.get(0).map_or(0, |m| m.end());
    let story_starts = sentence[end..]
        .chars()
        .next()
        .is_some_and(|ch| ch.is_uppercase() || ch.is_numeric() || "\"“‘'«".contains(ch));
    if !story_starts {
        return 0;
    }
    let place = c.name("place").map(|m| m.as_str());
    let regions = !c.name("regions").is_some_and(|m| m.as_str().is_empty());
    let agency = c.name("agency").is_some();
    let dash = c.name("dash").is_some();
    let place_letters = |p: &str| {
        let words_ok = p
            .split_whitespace()
            .all(|w| w.chars().filter(|ch| ch.is_alphabetic()).count() >= 2);
        words_ok.then(|| p.chars().filter(|ch| ch.is_alphabetic()).count())
    };
    // (Before a dash alone, a capitalised place is the story's own subject: `Chile — a
    // neighbour — spoke`.)
    let in_capitals = |p: &str| !p.chars().any(char::is_lowercase);
    let is_dateline = match place {
        // `(CNN) The ...`: an agency alone opens the text.
        None => agency && !regions,
        Some(p) => match place_letters(p) {
            Some(_) if agency => true,
            Some(letters) => dash && in_capitals(p) && (letters >= MIN_PLACE_LETTERS || regions),
            None => false,
        },
    };
    if is_dateline {
        end
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::dateline_len;

    fn story(s: &str) -> &str {
        &s[dateline_len(s)..]
    }

    #[test]
    fn wire_datelines_are_found() {
        for (text, rest) in [
            ("WASHINGTON (Reuters) - Peru backs Rivera.", "Peru backs Rivera."),
            ("CARACAS, Venezuela (AP) — Lopez spoke.", "Lopez spoke."),
            ("BUENOS AIRES — President Lopez spoke.", "President Lopez spoke."),
            ("(CNN) The ministry said so.", "The ministry said so."),
            ("(CNN)The ministry said so.", "The ministry said so."),
            ("WASHINGTON, D.C. -- Peru spoke.", "Peru spoke."),
            ("ROME, Italy — Peru spoke.", "Peru spoke."),
            ("SÃO PAULO (Reuters) - 3 banks fell.", "3 banks fell."),
            (
                "LONDON — \"We back Rivera,\" Peru said.",
                "\"We back Rivera,\" Peru said.",
            ),
            ("PARIS (Agence France-Presse) – Chile spoke.", "Chile spoke."),
            ("MOSCOW/KYIV (Reuters) - Chile spoke.", "Chile spoke."),
            ("Washington (CNN) The board met.", "The board met."),
            ("Hong Kong (CNN) Chile spoke.", "Chile spoke."),
            ("Kiev (AFP) - Thousands rallied.", "Thousands rallied."),
        ] {
            assert_eq!(story(text), rest, "{text}");
        }
    }

    #[test]
    fn sentences_that_only_look_like_datelines_are_kept_whole() {
        for text in [
            "NATO — the alliance formed in 1949 — met.",
            "UN - Peru spoke.",
            "US officials - who declined to be named - spoke.",
            "The ministry (CNN reports) spoke.",
            "Peru (Lima) spoke.",
            "WASHINGTON-based groups spoke.",
            "I — for one — agree.",
            "HELLO",
            "(CNN)",
            "",
            "U.S.-Russian talks resumed.",
            "(Reuters) - ",
            "BREAKING: Peru spoke.",
            "Chile — Peru's neighbour — spoke.",
            "Buenos Aires — Peru spoke.",
        ] {
            assert_eq!(dateline_len(text), 0, "{text}");
        }
    }

    #[test]
    fn a_long_sentence_is_looked_at_only_near_its_start() {
        let long = format!("PARIS — {}", "Peru spoke. ".repeat(10_000));
        assert_eq!(dateline_len(&long), "PARIS — ".len());
        let caps = "A".repeat(1_000_000);
        assert_eq!(dateline_len(&caps), 0);
    }
}
