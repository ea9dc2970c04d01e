//! The stance tagger's own word scanner: lower-cased, accent-free token forms for lexicon lookup.
//!
//! It is deliberately independent of [`crate::Tokenizer`] (whose rules serve UD word segmentation):
//! lookups need hyphenated compounds split (`US-backed` → `us - backed`), possessives split
//! (`Maduro's` → `maduro 's`), every quote style folded to `"`, and accents dropped
//! (`Guaidó` → `guaido`), with stable behaviour whatever the general tokenizer does.

use super::resources::WordList;
use unicode_normalization::char::decompose_canonical;

/// One scanned token: a byte span of the original text and its normalized form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Lower-case, accent-free form; all quote characters become `"`, apostrophes `'`.
    pub norm: String,
    /// First character is upper case.
    pub cap: bool,
    /// Every letter is upper case (and there is at least one).
    pub upper: bool,
    /// For a quote token: 1 double-style, 2 single-style (also a possible apostrophe); else 0.
    pub quote: u8,
    /// Whitespace (or the text's start) directly before the token.
    pub space_before: bool,
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\''
            | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`')
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Appends the lower-case, accent-free form of `c` to `out`.
pub(crate) fn push_norm(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_apostrophe(c) {
        out.push('\'');
        return;
    }
    let mut any = false;
    decompose_canonical(c, |d| {
        // Drop combining marks (U+0300..U+036F) left by the decomposition.
        if !('\u{0300}'..='\u{036F}').contains(&d) {
            for l in d.to_lowercase() {
                out.push(l);
            }
            any = true;
        }
    });
    if !any {
        out.push(c);
    }
}

/// Normalizes a whole phrase the way tokens are normalized (used for lexicon entries).
pub(crate) fn norm_words(text: &str) -> Vec<String> {
    scan(text, 0, text.len()).into_iter().map(|t| t.norm).collect()
}

/// Scans `text[start..end]` into tokens (spans are offsets into `text`).
pub(crate) fn scan(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let mut out = Vec::with_capacity((end - start) / 5 + 1);
    scan_into(text, start, end, &mut out);
    out
}

/// Like [`scan`], appending to `out`.
pub(crate) fn scan_into(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let slice = &text[start..end];
    let chars: Vec<(usize, char)> = slice.char_indices().map(|(i, c)| (i + start, c)).collect();
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte_at = |k: usize| chars.get(k).map_or(end, |&(b, _)| b);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            // A word: alphanumerics, with inner periods for abbreviations like U.S. / U.N.
            let s = i;
            let mut j = i;
            while j < n {
                let cj = chars[j].1;
                let abbrev_period =
                    cj == '.' && at(j + 1).is_some_and(char::is_alphabetic) && is_initialism(&chars[s..j]);
                let number_sep = (cj == '.' || cj == ',')
                    && chars[j - 1].1.is_ascii_digit()
                    && at(j + 1).is_some_and(|d| d.is_ascii_digit());
                if cj.is_alphanumeric() || abbrev_period || number_sep {
                    j += 1;
                } else {
                    break;
                }
            }
            // Final period of an initialism (U.S.), kept in the token.
            if at(j) == Some('.')
                && j > s + 1
                && is_initialism(&chars[s..j])
                && chars[s..j].iter().any(|&(_, c)| c == '.')
            {
                j += 1;
            }
            // Negative clitic: "don't" -> "do" + "n't".
            if at(j).is_some_and(is_apostrophe)
                && at(j + 1) == Some('t')
                && j > s
                && matches!(chars[j - 1].1, 'n' | 'N')
                && !at(j + 2).is_some_and(char::is_alphanumeric)
            {
                push_tok(out, &chars, s, j - 1, byte_at(j - 1));
                push_tok(out, &chars, j - 1, j + 2, byte_at(j + 2));
                i = j + 2;
                continue;
            }
            push_tok(out, &chars, s, j, byte_at(j));
            // Possessive / contraction clitic: 's, 're, 've, 'll, 'd, 'm.
            if at(j).is_some_and(is_apostrophe) && at(j + 1).is_some_and(char::is_alphabetic) {
                let mut k = j + 1;
                while k < n && chars[k].1.is_alphabetic() {
                    k += 1;
                }
                let clitic: String = chars[j + 1..k]
                    .iter()
                    .map(|&(_, c)| c.to_ascii_lowercase())
                    .collect();
                if crate::tokenize::is_clitic(&clitic) {
                    push_tok(out, &chars, j, k, byte_at(k));
                    i = k;
                    continue;
                }
            }
            i = j;
            continue;
        }
        // Single-character token (punctuation, symbol, quote, dash).
        push_tok(out, &chars, i, i + 1, byte_at(i + 1));
        i += 1;
    }
}

fn is_initialism(chars: &[(usize, char)]) -> bool {
    // Letters alternating with periods: U.S / U.S.A / U.N
    !chars.is_empty()
        && chars
            .iter()
            .enumerate()
            .all(|(k, &(_, c))| if k % 2 == 0 { c.is_alphabetic() } else { c == '.' })
}

fn push_tok(out: &mut Vec<Tok>, chars: &[(usize, char)], s: usize, e: usize, end_byte: usize) {
    let mut norm = String::with_capacity(e - s);
    let mut cap = false;
    let mut letters = 0usize;
    let mut uppers = 0usize;
    for (k, &(_, c)) in chars[s..e].iter().enumerate() {
        if k == 0 {
            cap = c.is_uppercase();
        }
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                uppers += 1;
            }
        }
        if is_quote(c) && e - s == 1 {
            norm.push('"');
        } else if is_dash(c) && e - s == 1 {
            norm.push('-');
        } else {
            push_norm(c, &mut norm);
        }
    }
    let c0 = chars[s].1;
    let quote = if e - s == 1 && is_quote(c0) {
        if is_apostrophe(c0) || c0 == '\u{201A}' {
            2
        } else {
            1
        }
    } else {
        0
    };
    let space_before =
        s == 0 || chars[s - 1].1.is_whitespace() || chars[s - 1].0 + chars[s - 1].1.len_utf8() != chars[s].0;
    out.push(Tok {
        start: chars[s].0,
        end: end_byte,
        norm,
        cap,
        upper: letters > 0 && letters == uppers,
        quote,
        space_before,
    });
}

/// Function words that a capital gives away as a headline's (`Talks With`, `Says`):
/// `word_lists.txt`, `[title_case_words]`.
static TITLE_CASE_WORDS: WordList = WordList::new("title_case_words");

/// Whether a sentence is written in title case, as headlines are ("Talks With", "Says"): a
/// capitalised function word after the first token gives it away.
pub(crate) fn is_title_case_line(toks: &[Tok]) -> bool {
    toks.iter()
        .skip(1)
        .any(|t| t.cap && TITLE_CASE_WORDS.contains(&t.norm.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        norm_words(text)
    }

    #[test]
    fn splits_compounds_possessives_and_quotes() {
        assert_eq!(norms("US-backed Guaidó’s"), ["us", "-", "backed", "guaido", "'s"]);
        assert_eq!(
            norms("the U.S. and U.N. don't"),
            ["the", "u.s.", "and", "u.n.", "do", "n't"]
        );
        assert_eq!(norms("‘Maduro’ said"), ["\"", "maduro", "\"", "said"]);
        assert_eq!(norms("USA -backed"), ["usa", "-", "backed"]);
        assert_eq!(norms("250,000 to 3.5"), ["250,000", "to", "3.5"]);
    }

    #[test]
    fn spans_index_the_text() {
        let text = "Guaidó’s “ally”, the U.S.";
        for t in scan(text, 0, text.len()) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start < t.end);
        }
    }
}
