//! Sentence splitting for English news.
//!
//! The splitter is rule based and works in one left-to-right pass over the bytes of the text. Only
//! the few bytes that can end a sentence (`.`, `?`, `!`, `…`, line breaks, bullets, separator
//! lines) and quote marks are examined; around each of them a small, bounded window of context
//! decides whether a sentence ends there. Time and memory are linear in the length of the text.
//! Separators ([`crate::tokenize::is_separator`]: whitespace, control characters, ignorable
//! format characters such as the BOM) all count as spaces.
//!
//! The rules, in short:
//! * a blank line always ends a sentence; a single line break ends one when the line looks like a
//!   headline, caption, dateline, byline or list item rather than hard-wrapped running text;
//! * `.`, `?`, `!` and `…`, with any closing quotes, brackets and a `[12]`-style citation, end a
//!   sentence when whitespace and something that can start a sentence follow; what follows a
//!   sentence end in the same line is a sentence, with or without final punctuation;
//! * after a word no abbreviation list explains, a capital, an opening sign or a list item can
//!   start a sentence; a lower-case word or a number only after a full word (four or more letters
//!   with a vowel), since shorter tokens may be abbreviations (`The med. staff`, `Rs. 500`);
//! * after an abbreviation (and after an ellipsis) one rule decides: the odds that its period ends
//!   a sentence, learned from UD English EWT train and pulled towards the prior of its class
//!   (title, before a number, final, ...), times the learned likelihood ratio of what follows
//!   (a typical sentence starter, a title, a name, a subject before `was`, a lower-case word,
//!   ...), must exceed 1 (`src/sentence/abbrev.rs`); an introductory phrase (`At 5 a.m.`) lowers the odds;
//! * no break inside numbers, URLs and e-mail addresses, before a digit after `Feb.`-like
//!   abbreviations, after a name with `!` (`the Yahoo! Research team`) or an aside (`-- voila!
//!   --`), or inside an open quotation after an ellipsis;
//! * `"...?" I asked.` and `"Yes!" she said.` stay one sentence;
//! * inline lists (`1.) ... 2.) ...`, `a. ... b. ...`), bullets (`•`) and separator lines
//!   (`*****`) start new sentences.
//!
//! ```
//! use stancekit_core::SentenceSplitter;
//!
//! let text = "At 5 a.m. Mr. Smith went to the U.S. Embassy. He left at 6 P.M. Mr. Smith then slept.";
//! let sentences: Vec<&str> = SentenceSplitter::default()
//!     .split(text)
//!     .iter()
//!     .map(|s| s.as_str(text))
//!     .collect();
//! assert_eq!(
//!     sentences,
//!     [
//!         "At 5 a.m. Mr. Smith went to the U.S. Embassy.",
//!         "He left at 6 P.M.",
//!         "Mr. Smith then slept."
//!     ]
//! );
//! ```

pub(crate) mod abbrev;
mod dateline;
#[cfg(test)]
mod tests;

use crate::tokenize::{is_separator, sentence_end_without_space};
use crate::{versioned, Error, Result, Span};
use abbrev::{AbbrevClass, Follower, Tables, WordClass};
pub use dateline::dateline_len;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Settings of a [`SentenceSplitter`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SentenceSplitterConfig {
    /// Extra abbreviations (without the final period, e.g. `"Gov"`), added to the built-in list.
    /// They match in any letter case. After one of them a sentence ends only before a word that
    /// typically starts a sentence (`"The"`, `"He"`), never before a name or a number.
    pub extra_abbreviations: Vec<String>,
}

impl SentenceSplitterConfig {
    /// Builds the splitter, validating the settings.
    ///
    /// # Errors
    /// [`crate::Error::Config`] when an extra abbreviation is empty, contains whitespace or is
    /// longer than 24 bytes.
    pub fn build(self) -> Result<SentenceSplitter> {
        for a in &self.extra_abbreviations {
            let w = a.trim_end_matches('.');
            if w.is_empty() || w.chars().any(char::is_whitespace) || w.len() > 24 {
                return Err(Error::Config(format!(
                    "extra_abbreviations: {a:?} must be 1 to 24 bytes without whitespace"
                )));
            }
        }
        let tables = if self.extra_abbreviations.is_empty() {
            Tables::shared_builtin()
        } else {
            Arc::new(Tables::with_extra(&self.extra_abbreviations))
        };
        Ok(SentenceSplitter { config: self, tables })
    }
}

/// An immutable, thread-safe sentence splitter.
#[derive(Clone, Debug)]
pub struct SentenceSplitter {
    config: SentenceSplitterConfig,
    tables: Arc<Tables>,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        SentenceSplitterConfig::default()
            .build()
            .expect("default config is valid")
    }
}

impl SentenceSplitter {
    /// The settings this splitter was built from.
    #[must_use]
    pub fn config(&self) -> &SentenceSplitterConfig {
        &self.config
    }

    /// Serializes the settings as versioned JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        versioned::to_json("SentenceSplitter", &self.config)
    }

    /// Builds a splitter from JSON written by [`SentenceSplitter::to_json`].
    ///
    /// # Errors
    /// [`crate::Error::Serialization`], [`crate::Error::Version`] or [`crate::Error::Config`].
    pub fn from_json(json: &str) -> Result<Self> {
        versioned::from_json::<SentenceSplitterConfig>("SentenceSplitter", json)?.build()
    }

    /// Splits `text` into sentences: trimmed, non-empty, in order, non-overlapping spans of byte
    /// offsets; the text between two consecutive sentences (and before the first and after the
    /// last) is separators only, so no visible character is left out.
    ///
    /// Separators ([`crate::tokenize::is_separator`]) are whitespace (everything Python's
    /// `str.isspace` accepts), control characters and ignorable format characters (BOM,
    /// zero-width space, bidirectional marks): the splitter reads them all as spaces, so they
    /// neither hide a sentence end nor stand at the edge of a sentence.
    #[must_use]
    pub fn split(&self, text: &str) -> Vec<Span> {
        Scanner::new(self, text).run()
    }
}

/// A separator: whitespace, a control character or an ignorable format character (see
/// [`is_separator`]). The splitter treats them all as whitespace.
#[inline]
pub(crate) fn is_ws(c: char) -> bool {
    is_separator(c)
}

/// The position of the first byte at or after `i` that may be a candidate: a byte of
/// [`CANDIDATE`] or any non-ASCII byte (the caller checks). Returns `b.len()` if there is none.
#[inline]
fn next_candidate(b: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use core::arch::x86_64::{
            __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
            _mm_set1_epi8, _mm_srli_si128,
        };
        #[allow(clippy::cast_possible_wrap)]
        const fn splat(c: u8) -> i8 {
            c as i8
        }
        while i + 16 <= b.len() {
            // SAFETY: `i + 16 <= b.len()`, so the 16 bytes read are inside `b`; `loadu` has no
            // alignment requirement, and SSE2 is part of the x86_64 baseline.
            let mask = unsafe {
                let v = _mm_loadu_si128(b.as_ptr().add(i).cast::<__m128i>());
                let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(splat(c)));
                // Lane k holds byte k + 1 (the last lane 0).
                let shifted = _mm_srli_si128::<1>(v);
                let next_eq = |c: u8| _mm_cmpeq_epi8(shifted, _mm_set1_epi8(splat(c)));
                let m = _mm_or_si128(
                    _mm_or_si128(
                        _mm_or_si128(
                            _mm_or_si128(eq(b'.'), eq(b'?')),
                            _mm_or_si128(eq(b'!'), eq(b'\n')),
                        ),
                        _mm_or_si128(
                            _mm_or_si128(eq(b'\r'), eq(b'"')),
                            _mm_or_si128(eq(b'@'), eq(b':')),
                        ),
                    ),
                    _mm_or_si128(
                        _mm_or_si128(eq(b'*'), eq(b'=')),
                        // Hyphens are frequent: stop only at `--`, which a `-----` line has.
                        _mm_or_si128(
                            eq(b'_'),
                            _mm_or_si128(_mm_and_si128(eq(b'-'), next_eq(b'-')), eq(b'~')),
                        ),
                    ),
                );
                // Candidate bytes, plus every non-ASCII byte (high bit set).
                _mm_movemask_epi8(m) | _mm_movemask_epi8(v)
            };
            if mask != 0 {
                return i + mask.trailing_zeros() as usize;
            }
            i += 16;
        }
    }
    while i < b.len() && !CANDIDATE[b[i] as usize] {
        i += 1;
    }
    i
}

/// An ASCII separator byte (space and the control characters), as [`is_ws`] defines them.
#[inline]
fn is_ws_byte(c: u8) -> bool {
    c <= b' ' || c == 0x7f
}

/// The first byte at or after `pos` that is not whitespace (ASCII fast path).
#[inline]
fn skip_ws(text: &str, mut pos: usize) -> usize {
    let b = text.as_bytes();
    while pos < b.len() {
        let c = b[pos];
        if c < 0x80 {
            if is_ws_byte(c) {
                pos += 1;
                continue;
            }
            return pos;
        }
        match char_at(text, pos) {
            Some(ch) if is_ws(ch) => pos += ch.len_utf8(),
            _ => return pos,
        }
    }
    pos
}

/// One past the last byte before `end` (and at or after `start`) that is not whitespace.
#[inline]
fn trim_end_pos(text: &str, start: usize, mut end: usize) -> usize {
    let b = text.as_bytes();
    while end > start {
        let c = b[end - 1];
        if c < 0x80 {
            if is_ws_byte(c) {
                end -= 1;
                continue;
            }
            return end;
        }
        match char_before(text, end) {
            Some(ch) if is_ws(ch) => end -= ch.len_utf8(),
            _ => return end,
        }
    }
    end
}

/// Bytes the scanner stops at.
const fn candidate_table() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'"' as usize] = true;
    // E-mail addresses, URLs (`://`) and e-mail header time stamps (`08:02 PM`).
    t[b'@' as usize] = true;
    t[b':' as usize] = true;
    // Separator lines (`*****`, `=====`, `-----`).
    let mut k = 0;
    while k < SEPARATOR_LINE.len() {
        t[SEPARATOR_LINE[k] as usize] = true;
        k += 1;
    }
    // Lead byte of `…`, curly quotes, bullets, U+2028/U+2029.
    t[0xE2] = true;
    t
}
static CANDIDATE: [bool; 256] = candidate_table();

/// The characters separator lines are drawn with (`*****`, `=====`, `-----`, `~~~~~`).
const SEPARATOR_LINE: &[u8] = b"*=_-~";

const CLOSERS: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', ')', ']', '\u{bb}', '\u{203a}'];
const OPENERS: &[char] = &[
    '"', '\'', '\u{201c}', '\u{2018}', '(', '[', '\u{ab}', '\u{2039}', '\u{bf}', '\u{a1}',
];
const BULLETS: &[char] = &[
    '\u{2022}', '\u{2043}', '\u{2023}', '\u{25e6}', '\u{25aa}', '\u{25cf}',
];

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// What follows a candidate boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    /// End of text (or only whitespace left).
    End,
    /// An upper-case letter (possibly after opening quotes/brackets).
    Upper,
    /// A lower-case letter.
    Lower,
    /// A digit.
    Digit,
    /// Something else, e.g. `,` or `:`.
    Other(char),
}

/// Shape of the token before a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// No token (the period follows whitespace).
    Empty,
    /// Letters only.
    Word,
    /// Letters with inner periods: `U.S`, `a.m`, `Ph.D`.
    Dotted,
    /// Digits, possibly with `,`/`.` inside.
    Number,
    /// Anything else (`$100.00`, `example.com`, `3rd`).
    Other,
}

/// A list marker that opens a sentence: `1.`, `2)`, `a.`, `3.)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    /// Ordinal value (`a` = 1).
    value: u32,
    /// True for letters.
    alpha: bool,
    /// True for upper-case letters.
    upper: bool,
    /// Suffix: 0 = `.`, 1 = `)`, 2 = `.)`.
    suffix: u8,
}

struct Scanner<'a> {
    tables: &'a Tables,
    text: &'a str,
    b: &'a [u8],
    spans: Vec<Span>,
    last_cut: usize,
    /// Cached first non-whitespace position at or after `last_cut`.
    sent_start: Option<usize>,
    line_start: usize,
    dq_open: bool,
    curly_open: bool,
}

/// Longest token looked at before a period.
const MAX_TOKEN: usize = 64;

/// Factor on the odds that an abbreviation's period ends a sentence when the sentence so far is
/// only an introductory phrase (`At 5 a.m. Mr. Smith left`): such a phrase is seldom a sentence,
/// so only a strong sentence starter after it (`At 6 a.m. The birds sing`) ends one.
const INTRO_PHRASE_ODDS: f32 = 0.1;

impl<'a> Scanner<'a> {
    fn new(splitter: &'a SentenceSplitter, text: &'a str) -> Self {
        Scanner {
            tables: &splitter.tables,
            text,
            b: text.as_bytes(),
            spans: Vec::with_capacity(text.len() / 80 + 1),
            last_cut: 0,
            sent_start: None,
            line_start: 0,
            dq_open: false,
            curly_open: false,
        }
    }

    fn run(mut self) -> Vec<Span> {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            i = next_candidate(self.b, i);
            if i >= n {
                break;
            }
            if !CANDIDATE[self.b[i] as usize] {
                i += 1;
                continue;
            }
            i = match self.b[i] {
                b'.' | b'?' | b'!' => self.on_terminal(i),
                b'\n' | b'\r' => self.on_newline(i),
                b'"' => {
                    self.dq_open = !self.dq_open;
                    i + 1
                }
                b'@' => self.on_address(i, false),
                b'*' | b'=' | b'_' | b'-' | b'~' => self.on_separator_line(i),
                b':' => {
                    if self.b.get(i + 1) == Some(&b'/') && self.b.get(i + 2) == Some(&b'/') {
                        self.on_address(i, true)
                    } else {
                        self.on_colon(i)
                    }
                }
                _ => self.on_e2(i),
            };
        }
        self.finish_piece(self.last_cut, n);
        self.spans
    }

    /// At a separator-line character: a run of them standing alone (`*****`, `=====`, `***`,
    /// `*~*~*~*~*`) separates sections, so it is a sentence of its own.
    fn on_separator_line(&mut self, i: usize) -> usize {
        let b = self.b;
        // The fast scan may stop inside a run (it looks for `--` pairs): find the run's ends.
        let mut start = i;
        while start > 0 && SEPARATOR_LINE.contains(&b[start - 1]) {
            start -= 1;
        }
        let mut r = i;
        while r < b.len() && SEPARATOR_LINE.contains(&b[r]) {
            r += 1;
        }
        let r = r.max(i + 1);
        let preceded =
            start == 0 || is_ws_byte(b[start - 1]) || char_before(self.text, start).is_some_and(is_ws);
        if !preceded {
            return r;
        }
        // One character repeated (`*****`, `-----`, also `***`), or a long pattern (`*~*~*~*~*`).
        let run = &b[start..r];
        let repeated = run.iter().all(|&c| c == run[0]);
        let long_enough =
            (repeated && (run.len() >= 5 || (run[0] == b'*' && run.len() >= 3))) || run.len() >= 9;
        let alone = r == b.len() || is_ws_byte(b[r]) || char_at(self.text, r).is_some_and(is_ws);
        if !(long_enough && alone) {
            return r;
        }
        if self.sentence_start() < start {
            self.push_cut(start);
        }
        if skip_ws(self.text, r) < b.len() {
            self.push_cut(r);
        }
        r
    }

    fn on_e2(&mut self, i: usize) -> usize {
        let Some(c) = char_at(self.text, i) else {
            return i + 1;
        };
        let next = i + c.len_utf8();
        match c {
            '\u{2026}' => self.on_terminal(i),
            '\u{201c}' => {
                self.curly_open = true;
                next
            }
            '\u{201d}' => {
                self.curly_open = false;
                next
            }
            '\u{2028}' | '\u{2029}' => self.on_newline(i),
            c if BULLETS.contains(&c) => {
                if char_before(self.text, i).is_some_and(is_ws) && self.sentence_start() < i {
                    self.push_cut(i);
                }
                next
            }
            _ => next,
        }
    }

    fn push_cut(&mut self, pos: usize) {
        if pos > self.last_cut {
            self.finish_piece(self.last_cut, pos);
            self.last_cut = pos;
            self.sent_start = None;
        }
    }

    /// Turns the piece `text[from..to]` into trimmed sentence spans, splitting off a letter
    /// greeting or closing and the items of an inline list (`1) first 2) second`).
    fn finish_piece(&mut self, from: usize, to: usize) {
        let text = self.text;
        let mut start = skip_ws(text, from).min(to);
        if start == to {
            return;
        }
        let first = self.b[start];
        let greeting = if self.tables.may_open_letter_formula(first) {
            greeting_end(self.tables, text, start, to)
        } else {
            None
        };
        let maybe_marker = first.is_ascii_digit()
            || first >= 0x80
            || (first.is_ascii_alphabetic() && matches!(self.b.get(start + 1), Some(b'.' | b')')));
        if let Some(pos) = greeting {
            self.spans.push(Span::new(start, trim_end_pos(text, start, pos)));
            start = skip_ws(text, pos).min(to);
        } else if let Some(mut m) = parse_marker(&text[start..to]).filter(|_| maybe_marker) {
            let mut k = start + 1;
            while let Some(pos) = find_marker(text, k, to, m) {
                let end = trim_end_pos(text, start, pos);
                if end > start {
                    self.spans.push(Span::new(start, end));
                }
                start = pos;
                m.value += 1;
                k = pos + 1;
            }
        }
        let end = trim_end_pos(text, start, to);
        if end > start {
            self.spans.push(Span::new(start, end));
        }
    }

    /// First non-whitespace byte of the current sentence (or the scan position if none yet).
    fn sentence_start(&mut self) -> usize {
        if let Some(s) = self.sent_start {
            return s;
        }
        let s = skip_ws(self.text, self.last_cut);
        self.sent_start = Some(s);
        s
    }

    // ----- line breaks -------------------------------------------------------------------------

    fn on_newline(&mut self, i: usize) -> usize {
        // Consume the whole whitespace run, counting line breaks.
        let mut j = i;
        let mut breaks = 0u32;
        let b = self.b;
        while j < b.len() {
            match b[j] {
                b'\n' => {
                    breaks += 1;
                    j += 1;
                }
                b'\r' => {
                    if b.get(j + 1) != Some(&b'\n') {
                        breaks += 1;
                    }
                    j += 1;
                }
                x if x < 0x80 && is_ws_byte(x) => j += 1,
                x if x < 0x80 => break,
                _ => match char_at(self.text, j) {
                    Some('\u{2028}') => {
                        breaks += 1;
                        j += 3;
                    }
                    Some('\u{2029}') => {
                        breaks += 2;
                        j += 3;
                    }
                    Some(c) if is_ws(c) => j += c.len_utf8(),
                    _ => break,
                },
            }
        }
        if j >= b.len() {
            return j;
        }
        if breaks >= 2 {
            self.push_cut(i);
            self.dq_open = false;
            self.curly_open = false;
        } else if self.line_break_ends_sentence(i, j) {
            self.push_cut(i);
        }
        self.line_start = j;
        j
    }

    /// Decides whether the single line break at `nl` (next line starts at `next`) ends a sentence.
    fn line_break_ends_sentence(&self, nl: usize, next: usize) -> bool {
        let line = self.text[self.line_start..nl].trim_matches(is_ws);
        if line.is_empty() {
            return false;
        }
        let following = &self.text[next..];
        if starts_with_list_item(following) {
            return true;
        }
        if ends_with_terminal(line) {
            // The punctuation rules have decided already.
            return false;
        }
        let Some(c) = following.chars().next() else {
            return false;
        };
        if c.is_lowercase() {
            return false;
        }
        let last = line.chars().next_back().unwrap_or(' ');
        if matches!(
            last,
            ',' | ';' | ':' | '(' | '-' | '\u{2013}' | '\u{2014}' | '/' | '&'
        ) {
            return false;
        }
        let last_word = line.rsplit(is_ws).next().unwrap_or("");
        if self.tables.is_word(last_word.as_bytes(), WordClass::Function) {
            return false;
        }
        // A long line of running text that simply wrapped.
        if line.len() < 50 || looks_like_title(line) {
            return true;
        }
        // A long line of running text: it wrapped, unless the next line opens with a word that
        // typically starts a sentence (`By ...`, `The ...`).
        let word = self.word_at(next);
        !word.is_empty() && self.tables.is_starter(word)
    }

    // ----- terminal punctuation ----------------------------------------------------------------

    fn on_terminal(&mut self, i: usize) -> usize {
        let text = self.text;
        let b = self.b;
        let n = b.len();
        // 1. The run of terminal punctuation, including spaced ellipses (`. . .`).
        let mut j = i;
        let mut dots = 0u32;
        let mut qe = false;
        let mut spaced = false;
        loop {
            if j < n && b[j] == b'.' {
                dots += 1;
                j += 1;
            } else if j < n && (b[j] == b'?' || b[j] == b'!') {
                qe = true;
                j += 1;
            } else if text[j..].starts_with('\u{2026}') {
                dots += 3;
                j += 3;
            } else if dots > 0 && j + 1 < n && b[j] == b' ' && b[j + 1] == b'.' {
                spaced = true;
                j += 1;
            } else {
                break;
            }
        }
        let run_end = j;
        // 2. Closing quotes and brackets, more terminal punctuation, citations.
        let mut closed_quote = false;
        let mut closed_any = false;
        while let Some(c) = char_at(text, j) {
            if CLOSERS.contains(&c) {
                if c == '"' {
                    // A straight quote right after the punctuation closes a quotation.
                    self.dq_open = false;
                }
                if c == '\u{201d}' {
                    self.curly_open = false;
                }
                closed_quote |= matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}');
                closed_any = true;
                j += c.len_utf8();
            } else if matches!(c, '.' | '?' | '!') && closed_any {
                qe |= c != '.';
                j += 1;
            } else {
                break;
            }
        }
        j = skip_citations(b, j);
        let end = j;
        // 3. Whitespace (or the end of the text) must follow.
        let Some(after) = char_at(text, end) else {
            return end;
        };
        if !is_ws(after) {
            // `world.Today`: a sentence ended without a space (the same test as the tokenizer's).
            if dots == 1
                && !qe
                && end == i + 1
                && after.is_ascii_uppercase()
                && i > 0
                && b[i - 1].is_ascii_lowercase()
            {
                let (tok, _) = self.token_before(i);
                let token_end = end
                    + b[end..]
                        .iter()
                        .take(MAX_TOKEN)
                        .take_while(|&&c| !is_ws_byte(c))
                        .count();
                if sentence_end_without_space(tok.as_bytes(), &b[end..token_end]) && self.sentence_start() < i
                {
                    self.push_cut(end);
                }
            }
            return end.max(i + 1);
        }
        let (next, next_pos) = self.next_token(end);
        if next == Next::End {
            return end;
        }
        let cut = self.decide(
            i,
            run_end,
            end,
            dots,
            qe,
            spaced,
            closed_quote,
            closed_any,
            next,
            next_pos,
        );
        if let Some(pos) = cut {
            if pos == end && next == Next::Digit && dots == 1 && !qe {
                if let Some(after) = footnote_number(self.b, next_pos) {
                    // `... rights. 4 Even though ...`: a footnote mark closes the sentence.
                    self.push_cut(after);
                    return after;
                }
            }
            self.push_cut(pos);
        }
        end
    }

    /// Classifies the first visible character after `pos`, looking through opening quotes and
    /// brackets. Returns the class and the byte position of the first letter/digit found.
    fn next_token(&self, pos: usize) -> (Next, usize) {
        let start = skip_ws(self.text, pos);
        let trimmed = &self.text[start..];
        let mut k = start;
        for c in trimmed.chars().take(4) {
            if !OPENERS.contains(&c) {
                return (classify_char(c), k);
            }
            k += c.len_utf8();
        }
        match trimmed.chars().next() {
            None => (Next::End, start),
            Some(c) => (Next::Other(c), start),
        }
    }

    /// True when a link (`http...`, `www.`) starts at `pos`.
    fn link_at(&self, pos: usize) -> bool {
        let rest = &self.b[pos..];
        rest.starts_with(b"http") || rest.starts_with(b"www.")
    }

    /// The ASCII letters of the word starting at `pos`.
    fn word_at(&self, pos: usize) -> &'a [u8] {
        let b = self.b;
        let mut k = pos;
        while k < b.len() && k - pos < MAX_TOKEN && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        &b[pos..k]
    }

    /// The token before byte `i` (back to whitespace, at most [`MAX_TOKEN`] bytes), without
    /// leading opening punctuation, and its start.
    fn token_before(&self, i: usize) -> (&'a str, usize) {
        let text = self.text;
        let b = self.b;
        let mut s = i;
        while s > 0 && i - s < MAX_TOKEN {
            let c = b[s - 1];
            if c < 0x80 {
                if is_ws_byte(c) {
                    break;
                }
                s -= 1;
                continue;
            }
            match char_before(text, s) {
                Some(c) if !is_ws(c) => s -= c.len_utf8(),
                _ => break,
            }
        }
        // A cut-off multi-byte character at the window edge: move to a boundary.
        while !text.is_char_boundary(s) {
            s += 1;
        }
        let tok = &text[s..i];
        let stripped = tok.trim_start_matches(|c: char| OPENERS.contains(&c) || c == '-' || c == '*');
        (stripped, i - stripped.len())
    }

    #[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)]
    fn decide(
        &mut self,
        i: usize,
        run_end: usize,
        end: usize,
        dots: u32,
        qe: bool,
        spaced: bool,
        closed_quote: bool,
        closed_any: bool,
        next: Next,
        next_pos: usize,
    ) -> Option<usize> {
        let sent_start = self.sentence_start();
        if sent_start >= i {
            // Nothing but punctuation so far (e.g. a line of dots): keep going.
            return None;
        }
        // Only a list marker so far (`1.`, `a.`, `• 9.`): not a sentence.
        if self.only_marker(sent_start, i) {
            return None;
        }
        if qe {
            return self.after_question_or_exclamation(i, end, closed_quote, closed_any, next, next_pos);
        }

        if dots >= 2 {
            // An ellipsis. In brackets (`[...]`) it marks an omission, never an end.
            if matches!(char_before(self.text, i), Some('[' | '(')) {
                return None;
            }
            if spaced {
                let attached = char_before(self.text, i).is_some_and(|c| !is_ws(c));
                if dots >= 4 && next == Next::Upper {
                    // `word. . . . Next`: period, then an ellipsis that opens the next sentence.
                    if attached && self.b[i] == b'.' && self.b.get(i + 1) == Some(&b' ') {
                        return Some(i + 1);
                    }
                    return Some(end);
                }
                return None;
            }
            // Inside an open quotation an ellipsis marks a pause; elsewhere it is an uncertain end
            // like an abbreviation's period.
            if self.dq_open || self.curly_open {
                return None;
            }
            let (_, tok_start) = self.token_before(i);
            let odds = self.tables.ellipsis_odds();
            return self
                .uncertain_end(odds, sent_start, tok_start, next, next_pos)
                .then_some(end);
        }

        // A single period.
        let (tok, tok_start) = self.token_before(i);
        let shape = shape_of(tok);
        let word_len = tok.len();
        let single_upper = shape == Shape::Word && word_len == 1 && tok.as_bytes()[0].is_ascii_uppercase();
        let single_lower = shape == Shape::Word && word_len == 1 && tok.as_bytes()[0].is_ascii_lowercase();

        // A later marker of the current list (`... 2. The second item`): the list pass cuts
        // before it instead.
        if shape == Shape::Number || (shape == Shape::Word && word_len == 1) {
            let suffix = match &self.text[run_end..end] {
                "" => Some(0),
                ")" => Some(2),
                _ => None,
            };
            if let (Some(m), Some(suffix)) = (parse_marker(&self.text[sent_start..]), suffix) {
                let later = marker_value(tok).is_some_and(|v| v > m.value && v <= m.value + 20);
                if later && m.suffix == suffix && m.alpha == (shape == Shape::Word) {
                    return None;
                }
            }
        }

        if !closed_any {
            let abbrev = match shape {
                Shape::Word | Shape::Dotted => self.tables.abbrev(tok.as_bytes()),
                _ => None,
            }
            // An unlisted dotted form (`F.O.B.`) is an abbreviation of unknown place.
            .or_else(|| (shape == Shape::Dotted).then(|| self.tables.class_abbrev(AbbrevClass::Ambiguous)));
            if let Some(abbrev) = abbrev {
                if next == Next::Digit && abbrev.class.before_numbers() {
                    return None;
                }
                return self
                    .uncertain_end(abbrev.end_odds, sent_start, tok_start, next, next_pos)
                    .then_some(end);
            }
            let starter = || next == Next::Upper && self.tables.is_starter(self.word_at(next_pos));
            if single_upper && !(tok == "I" && self.prev_word_is_lower(tok_start)) {
                // An initial: ends a sentence only before a sentence starter, and not inside a name.
                return (starter() && !self.prev_word_is_capitalized(tok_start)).then_some(end);
            }
            if single_lower {
                return starter().then_some(end);
            }
        }
        // A word that no abbreviation list explains: its period ends a sentence when what
        // follows can start one. A lower-case word or a number can after a full word (four or
        // more letters with a vowel: web text starts sentences in lower case); after a shorter
        // token or one without vowels only a word that typically starts a sentence (`i`, `the`)
        // can, since the token may be an unlisted abbreviation (`The med. staff`, `Rs. 500`,
        // `2 tbsp. sugar`).
        // The word itself, also when a quotation or bracket closes before the period (`"on".`).
        let is_word = || {
            let word = tok.trim_end_matches(|c: char| CLOSERS.contains(&c));
            (!closed_any && shape_of(word) == Shape::Word).then_some(word)
        };
        let full_word = || {
            is_word().is_some_and(|w| {
                w.len() >= 4
                    && w.bytes()
                        .any(|c| matches!(c | 0x20, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
            })
        };
        match next {
            Next::Upper => Some(end),
            Next::Lower => {
                if closed_any {
                    return None;
                }
                if self.link_at(next_pos) {
                    return Some(end);
                }
                let word = self.word_at(next_pos);
                // Brackets or quotes opened after the period (`(credit: ...)`).
                let opened = skip_ws(self.text, end) < next_pos;
                // After a short token, a lower-case starter that does not continue a phrase
                // (`i`, `the`, `they`; not `on`, `and`).
                let starter =
                    self.tables.is_lower_starter(word) && !self.tables.is_word(word, WordClass::Linking);
                (is_word().is_some() && (full_word() || starter || opened)).then_some(end)
            }
            // A number, or a list item (`2. The`, `3) Next`) or a footnote mark (`... rights. 4
            // Even though`, cut after the mark in `on_terminal`) after any token.
            Next::Digit => (full_word()
                || parse_marker(&self.text[next_pos..]).is_some()
                || footnote_number(self.b, next_pos).is_some())
            .then_some(end),
            Next::Other(c) => opens_sentence(c).then_some(end),
            Next::End => None,
        }
    }

    /// Whether an uncertain sentence end (an abbreviation's period or an ellipsis after the token
    /// starting at `tok_start`), which ends a sentence with odds `end_odds` before looking at what
    /// follows, ends one: those odds times the likelihood ratio of what follows exceed 1.
    fn uncertain_end(
        &self,
        end_odds: f32,
        sent_start: usize,
        tok_start: usize,
        next: Next,
        next_pos: usize,
    ) -> bool {
        let Some(follower) = self.follower(next, next_pos) else {
            return false;
        };
        let mut odds = end_odds * self.tables.follower_ratio(follower);
        if self.intro_phrase(sent_start, tok_start) {
            odds *= INTRO_PHRASE_ODDS;
        }
        odds > 1.0
    }

    /// The category of what follows a candidate end (`None`: nothing that can start a sentence).
    fn follower(&self, next: Next, next_pos: usize) -> Option<Follower> {
        Some(match next {
            Next::Upper => {
                let word = self.word_at(next_pos);
                if self.b.get(next_pos + word.len()) == Some(&b'.')
                    && self
                        .tables
                        .abbrev(word)
                        .is_some_and(|a| a.class == AbbrevClass::Title)
                {
                    Follower::Title
                } else if self.tables.is_starter(word) && !self.in_title_case_line(next_pos) {
                    Follower::Starter
                } else if self.clause_verb_after(next_pos + word.len()) {
                    Follower::Subject
                } else if self.tables.is_common_word(word) {
                    // In a headline every word is capitalised, so a starter says no more there
                    // than any capitalised common word.
                    Follower::Common
                } else {
                    Follower::Name
                }
            }
            Next::Lower => {
                // A link stands on its own, like a sentence.
                if self.tables.is_lower_starter(self.word_at(next_pos)) || self.link_at(next_pos) {
                    Follower::LowerStarter
                } else {
                    Follower::Lower
                }
            }
            Next::Digit => Follower::Digit,
            Next::Other(c) if opens_sentence(c) => Follower::Opener,
            Next::Other(_) | Next::End => return None,
        })
    }

    /// True when, after the rest of a word at `pos` (letters, apostrophes), a space and an
    /// auxiliary or `said` follow.
    fn clause_verb_after(&self, mut pos: usize) -> bool {
        let b = self.b;
        let limit = (pos + 8).min(b.len());
        while pos < limit && (b[pos].is_ascii_alphabetic() || b[pos] == b'\'') {
            pos += 1;
        }
        if b.get(pos) != Some(&b' ') {
            return false;
        }
        let word = self.word_at(pos + 1);
        b.get(pos + 1 + word.len())
            .is_none_or(|&c| !c.is_ascii_alphanumeric())
            && self.tables.is_clause_verb(word)
    }

    /// True when the line around `pos` is a short headline (see [`title_cased`]).
    fn in_title_case_line(&self, pos: usize) -> bool {
        const MAX_LINE: usize = 160;
        let b = self.b;
        let start = self.line_start.max(pos.saturating_sub(MAX_LINE));
        if start > self.line_start {
            return false;
        }
        let limit = (pos + MAX_LINE).min(b.len());
        let Some(len) = b[pos..limit].iter().position(|&c| c == b'\n' || c == b'\r') else {
            if limit < b.len() {
                return false;
            }
            return title_cased(&self.text[start..]);
        };
        title_cased(&self.text[start..pos + len])
    }

    /// After `?`/`!` (with closers): whether the sentence ends.
    fn after_question_or_exclamation(
        &self,
        i: usize,
        end: usize,
        closed_quote: bool,
        closed_any: bool,
        next: Next,
        next_pos: usize,
    ) -> Option<usize> {
        // A mark glued to a colon or comma (`Fax:?`, often a mangled space) ends nothing.
        if i > 0 && matches!(self.b[i - 1], b':' | b',' | b';') {
            return None;
        }
        match next {
            Next::Lower => {
                if closed_quote || closed_any {
                    // `"Why?" she asked`, `(wow!) it works`.
                    return None;
                }
                let (tok, _) = self.token_before(i);
                // `Yahoo! in ...`: an exclamation mark inside a name (a question mark is none).
                if self.b[i] == b'!' && is_title_case(tok) && !tok.contains(['?', '.']) {
                    return None;
                }
                Some(end)
            }
            Next::Upper => {
                if closed_quote && self.attribution_follows(next_pos) {
                    return None;
                }
                if !closed_any && self.b[i] == b'!' && end == i + 1 && self.name_with_exclamation(i, next_pos)
                {
                    return None;
                }
                Some(end)
            }
            Next::Digit => Some(end),
            Next::Other(c) => {
                if is_dash(c) && self.aside_continues(next_pos) {
                    // `-- voila! -- it works`: the mark closes an aside.
                    return None;
                }
                opens_sentence(c).then_some(end)
            }
            Next::End => None,
        }
    }

    /// `the Yahoo! Research team`: a capitalised word with `!` after a determiner, before a
    /// capitalised word that does not typically start a sentence, is a name.
    fn name_with_exclamation(&self, i: usize, next_pos: usize) -> bool {
        let (tok, tok_start) = self.token_before(i);
        if !is_title_case(tok) || !tok.chars().all(char::is_alphanumeric) {
            return false;
        }
        let next_word = self.word_at(next_pos);
        if next_word.is_empty() || self.tables.is_starter(next_word) {
            return false;
        }
        self.tables
            .is_word(self.prev_word(tok_start).as_bytes(), WordClass::Determiner)
    }

    /// After a dash at `pos`: a lower-case word follows on the same line (the dash closes an
    /// aside). What comes after a line break cannot decide it: pieces end at blank lines.
    fn aside_continues(&self, pos: usize) -> bool {
        let rest = &self.text[pos..floor_boundary(self.text, pos + 8)];
        let after = rest.trim_start_matches(|c: char| is_dash(c) || (is_ws(c) && !matches!(c, '\n' | '\r')));
        after.len() < rest.len() && after.chars().next().is_some_and(char::is_lowercase)
    }

    /// True when the text between `start` and `i` is only a list marker or a number.
    fn only_marker(&self, start: usize, i: usize) -> bool {
        if i - start > 12 {
            return false;
        }
        let s = &self.text[start..i];
        let s = s.trim_start_matches(|c: char| BULLETS.contains(&c) || is_ws(c) || c == '-' || c == '(');
        if s.is_empty() {
            return true;
        }
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        let all_ok = s
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | ')' | '(' | ','));
        all_ok && (letters == 0 || (letters == 1 && s.chars().count() <= 2) || is_roman(s))
    }

    /// True when the sentence so far is only an introductory phrase (`At 5`, `In the morning at
    /// 6`): it opens with a preposition and has at most five words, none of them a subject
    /// pronoun or an auxiliary, and no comma. A phrase like that is rarely a sentence of its own.
    fn intro_phrase(&self, start: usize, tok_start: usize) -> bool {
        if tok_start <= start || tok_start - start > 48 {
            return false;
        }
        let s = &self.text[start..tok_start];
        if s.contains(',') {
            return false;
        }
        let mut words = s.split(is_ws).filter(|w| !w.is_empty());
        let first = words.next().unwrap_or("");
        let opens = self.tables.is_word(first.as_bytes(), WordClass::Intro);
        let mut rest = 0;
        for w in words {
            rest += 1;
            if rest > 4 || self.tables.is_word(w.as_bytes(), WordClass::Clause) {
                return false;
            }
        }
        opens
    }

    /// The word before the token starting at `tok_start`.
    fn prev_word(&self, tok_start: usize) -> &'a str {
        let s = floor_boundary(self.text, tok_start.saturating_sub(MAX_TOKEN));
        let before = &self.text[s..tok_start];
        let trimmed = before.trim_end_matches(is_ws);
        trimmed.rsplit(is_ws).next().unwrap_or("")
    }

    fn prev_word_is_lower(&self, tok_start: usize) -> bool {
        self.prev_word(tok_start)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    }

    fn prev_word_is_capitalized(&self, tok_start: usize) -> bool {
        self.prev_word(tok_start)
            .trim_start_matches(|c: char| OPENERS.contains(&c))
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// True when `I` plus a speech verb follows a closed quotation (`"...?" I asked.`): the
    /// pronoun is capitalized only because it is `I`, so it does not start a sentence.
    fn attribution_follows(&self, pos: usize) -> bool {
        if self.word_at(pos) != b"I" || self.b.get(pos + 1) != Some(&b' ') {
            return false;
        }
        let verb = self.word_at(pos + 2);
        self.tables.is_word(verb, WordClass::Speech)
    }

    // ----- e-mail addresses, URLs, time stamps -------------------------------------------------

    /// The whitespace-delimited token around byte `i`.
    fn token_around(&self, i: usize) -> (usize, usize) {
        let text = self.text;
        let mut s = i;
        while s > 0 && i - s < 256 {
            match char_before(text, s) {
                Some(c) if !is_ws(c) => s -= c.len_utf8(),
                _ => break,
            }
        }
        let mut e = i;
        while e < text.len() && e - i < 256 {
            match char_at(text, e) {
                Some(c) if !is_ws(c) => e += c.len_utf8(),
                _ => break,
            }
        }
        (s, e)
    }

    /// At an `@` or `://`: an e-mail address or URL followed by a capitalized word, a number or
    /// another address ends a sentence (signatures, link lists, header lines).
    fn on_address(&mut self, i: usize, url: bool) -> usize {
        let (s, e) = self.token_around(i);
        let tok = &self.text[s..e];
        let valid = if url {
            let scheme = &self.text[s..i];
            scheme.ends_with("http") || scheme.ends_with("https") || scheme.ends_with("ftp")
        } else {
            i > s && tok[i - s + 1..].contains('.')
        };
        // Continue after the token (its inner `.`/`@` cannot end a sentence), but let the
        // scanner see trailing punctuation.
        let tail = s + tok
            .trim_end_matches(|c: char| {
                matches!(c, '.' | '?' | '!' | '\u{2026}' | ':') || CLOSERS.contains(&c)
            })
            .len();
        let resume = tail.max(i + 1);
        if !valid || ends_with_terminal(tok) || tok.ends_with([',', ';', ':']) {
            return resume;
        }
        let (next, next_pos) = self.next_token(e);
        let follows = match next {
            Next::Upper | Next::Digit => true,
            Next::Lower => {
                let rest = &self.text[next_pos..];
                rest.starts_with("http") || rest.starts_with("www.")
            }
            _ => false,
        };
        if follows && e < self.text.len() {
            self.push_cut(e);
        }
        resume
    }

    /// At a `:` that starts an emoticon standing alone after some words (`:)`, `:-(`, `:P`):
    /// a capitalised word after it starts a new sentence, as after `!`. Returns the end of the
    /// emoticon.
    fn emoticon_end(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        let mut k = i + 1;
        if b.get(k) == Some(&b'-') {
            k += 1;
        }
        if !b
            .get(k)
            .is_some_and(|c| matches!(c, b')' | b'(' | b'D' | b'P' | b'p'))
        {
            return None;
        }
        let end = k + 1;
        let alone = (i == 0 || char_before(self.text, i).is_some_and(is_ws))
            && char_at(self.text, end).is_some_and(is_ws);
        if !alone {
            return None;
        }
        let (next, _) = self.next_token(end);
        if next == Next::Upper && self.sentence_start() < i {
            self.push_cut(end);
        }
        Some(end)
    }

    /// At a `:`: an e-mail header time stamp `08/16/2000 03:14 PM` is a sentence of its own
    /// (with the name before it).
    fn on_colon(&mut self, i: usize) -> usize {
        let b = self.b;
        if let Some(end) = self.emoticon_end(i) {
            return end;
        }
        // hh:mm(:ss)? (AM|PM)
        let mut h = i;
        while h > 0 && i - h < 2 && b[h - 1].is_ascii_digit() {
            h -= 1;
        }
        if h == i || i + 3 > b.len() || !b[i + 1].is_ascii_digit() || !b[i + 2].is_ascii_digit() {
            return i + 1;
        }
        let mut k = i + 3;
        if b.get(k) == Some(&b':')
            && b.get(k + 1).is_some_and(u8::is_ascii_digit)
            && b.get(k + 2).is_some_and(u8::is_ascii_digit)
        {
            k += 3;
        }
        if b.get(k) != Some(&b' ') {
            return i + 1;
        }
        let ampm = b.get(k + 1..k + 3);
        if !matches!(ampm, Some(b"AM" | b"PM")) {
            return i + 1;
        }
        let stamp_end = k + 3;
        if b.get(stamp_end).is_some_and(|&c| !is_ws_byte(c)) {
            return i + 1;
        }
        // A date right before: dd/dd/dd(dd).
        if h < 2 || b[h - 1] != b' ' {
            return i + 1;
        }
        let mut d = h - 1;
        let date_end = d;
        while d > 0 && date_end - d < 10 && (b[d - 1].is_ascii_digit() || b[d - 1] == b'/') {
            d -= 1;
        }
        let date = &b[d..date_end];
        if date.iter().filter(|&&c| c == b'/').count() != 2 || date.len() < 6 {
            return i + 1;
        }
        if d > 0 && !char_before(self.text, d).is_some_and(is_ws) {
            return i + 1;
        }
        // Cut before the date unless a lower-case word (`on`) introduces it.
        if !self.prev_word_is_lower(d) && self.sentence_start() < d {
            self.push_cut(d);
        }
        let (next, _) = self.next_token(stamp_end);
        if next != Next::End {
            self.push_cut(stamp_end);
        }
        stamp_end
    }
}

/// The largest character boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A footnote number at `pos`, right after a sentence end and one space: 1-3 digits, one space,
/// then an upper-case ASCII letter. Returns the end of the number.
fn footnote_number(b: &[u8], pos: usize) -> Option<usize> {
    if pos < 2 || b[pos - 1] != b' ' || is_ws_byte(b[pos - 2]) {
        return None;
    }
    let mut k = pos;
    while k < b.len() && k - pos < 4 && b[k].is_ascii_digit() {
        k += 1;
    }
    let ok = k > pos
        && k - pos <= 3
        && b.get(k) == Some(&b' ')
        && b.get(k + 1).is_some_and(u8::is_ascii_uppercase);
    ok.then_some(k)
}

/// Greetings and closings of letters (`Hi Bob,`, `Dear All,`, `Best regards,`) that open the
/// sentence at `start` and are followed by a capitalized word: the sentence ends after the comma.
fn greeting_end(tables: &Tables, text: &str, start: usize, end: usize) -> Option<usize> {
    let window = &text[start..floor_boundary(text, end.min(start + 40))];
    let first = window.split(|c: char| !c.is_ascii_alphabetic()).next()?;
    let is = |word: &str, class: WordClass| tables.is_word(word.as_bytes(), class);
    let lead =
        is(first, WordClass::Greeting) || is(first, WordClass::Closing) || is(first, WordClass::ClosingLead);
    if !lead {
        return None;
    }
    let comma = window.find(',')?;
    let head = &window[..comma];
    let words = head.split(is_ws).filter(|w| !w.is_empty()).count();
    let last = head.rsplit(is_ws).next().unwrap_or("");
    let closing = is(first, WordClass::Closing) || is(last, WordClass::ClosingTail);
    let greeting = is(first, WordClass::Greeting) && words <= 3;
    if !(greeting || (closing && words <= 3)) {
        return None;
    }
    if !head
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '\'')
    {
        return None;
    }
    let after = &text[start + comma + 1..end];
    let rest = after.trim_start_matches(is_ws);
    if rest.len() == after.len() || !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some(start + comma + 1)
}

/// Skips `[12]`-style citations right after a sentence end (with at most one space before).
fn skip_citations(b: &[u8], mut j: usize) -> usize {
    loop {
        let mut k = j;
        if b.get(k) == Some(&b' ') {
            k += 1;
        }
        if b.get(k) != Some(&b'[') {
            return j;
        }
        k += 1;
        let d0 = k;
        while k < b.len() && k - d0 < 4 && b[k].is_ascii_digit() {
            k += 1;
        }
        if k == d0 || b.get(k) != Some(&b']') {
            return j;
        }
        k += 1;
        if k < b.len() && !is_ws_byte(b[k]) && b[k] != b'[' {
            return j;
        }
        j = k;
    }
}

fn classify_char(c: char) -> Next {
    if c.is_uppercase() {
        Next::Upper
    } else if c.is_lowercase() {
        Next::Lower
    } else if c.is_ascii_digit() {
        Next::Digit
    } else {
        Next::Other(c)
    }
}

/// Characters that can open a sentence when they follow a sentence end.
fn opens_sentence(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}'
            | '\u{2018}'
            | '('
            | '['
            | '-'
            | '*'
            | '#'
            | '$'
            | '<'
            | '@'
            | '&'
            | '~'
            | '\u{2014}'
            | '\u{2013}'
            | '\u{a3}'
            | '\u{20ac}'
    ) || BULLETS.contains(&c)
}

#[inline]
fn shape_of(tok: &str) -> Shape {
    let b = tok.as_bytes();
    if b.is_empty() {
        return Shape::Empty;
    }
    if b.iter().all(u8::is_ascii_alphabetic) {
        return Shape::Word;
    }
    if b[0].is_ascii_digit() && b.iter().all(|c| c.is_ascii_digit() || *c == b',' || *c == b'.') {
        return Shape::Number;
    }
    // Dotted: letter groups of 1-4 letters separated by single periods.
    if b[0].is_ascii_alphabetic() && b.contains(&b'.') {
        let ok = b
            .split(|c| *c == b'.')
            .all(|g| !g.is_empty() && g.len() <= 4 && g.iter().all(u8::is_ascii_alphabetic));
        if ok {
            return Shape::Dotted;
        }
    }
    Shape::Other
}

fn is_title_case(tok: &str) -> bool {
    let mut chars = tok.chars();
    chars.next().is_some_and(char::is_uppercase) && tok.chars().any(char::is_lowercase)
}

fn is_roman(s: &str) -> bool {
    let core = s.trim_end_matches(['.', ')']);
    !core.is_empty()
        && core.len() <= 4
        && core
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}')
}

/// True when `s` (trimmed) ends with terminal punctuation, possibly followed by closers.
fn ends_with_terminal(s: &str) -> bool {
    let core = s.trim_end_matches(|c: char| CLOSERS.contains(&c));
    core.ends_with(['.', '?', '!', '\u{2026}'])
}

/// Headline-like: most longer words are capitalized, or the line is short.
fn looks_like_title(line: &str) -> bool {
    let mut long = 0;
    let mut caps = 0;
    let mut words = 0;
    for w in line.split(is_ws).filter(|w| !w.is_empty()) {
        words += 1;
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 {
            long += 1;
            if w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                caps += 1;
            }
        }
    }
    words <= 4 || (long > 0 && caps * 10 >= long * 6)
}

/// A headline: no final punctuation, and at least two words of four or more letters, at least
/// 60% of them capitalised.
fn title_cased(line: &str) -> bool {
    if ends_with_terminal(line.trim_end_matches(is_ws)) {
        return false;
    }
    let mut long = 0;
    let mut caps = 0;
    for w in line.split(is_ws) {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 {
            long += 1;
            caps += usize::from(
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
            );
        }
    }
    long >= 2 && caps * 10 >= long * 6
}

/// True when `s` starts with a bullet, a dash item or a list marker followed by a space.
fn starts_with_list_item(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if BULLETS.contains(&c) => true,
        Some('-' | '*' | '\u{2013}' | '\u{2014}') => chars.next().is_some_and(is_ws),
        _ => parse_marker(s).is_some(),
    }
}

/// Parses a list marker at the start of `s` (after an optional bullet): `1.`, `12)`, `3.)`,
/// `(4)`, `a.`, `b)`, followed by whitespace (or, after a bullet, directly by text).
fn parse_marker(s: &str) -> Option<Marker> {
    let s = s.trim_start_matches(|c: char| BULLETS.contains(&c) || is_ws(c));
    let b = s.as_bytes();
    let mut k = 0;
    while k < b.len() && k < 3 && b[k].is_ascii_digit() {
        k += 1;
    }
    let (value, alpha, upper) = if k > 0 {
        if k < b.len() && b[k].is_ascii_digit() {
            return None;
        }
        (s[..k].parse::<u32>().ok()?, false, false)
    } else if b.first().is_some_and(u8::is_ascii_alphabetic)
        && b.get(1).is_some_and(|c| matches!(c, b'.' | b')'))
    {
        k = 1;
        let c = b[0];
        (
            u32::from(c.to_ascii_lowercase() - b'a' + 1),
            true,
            c.is_ascii_uppercase(),
        )
    } else {
        return None;
    };
    let suffix = match (b.get(k), b.get(k + 1)) {
        (Some(b'.'), Some(b')')) => 2,
        (Some(b')'), _) => 1,
        (Some(b'.'), _) => 0,
        _ => return None,
    };
    let after = k + if suffix == 2 { 2 } else { 1 };
    match s[after..].chars().next() {
        Some(c) if is_ws(c) => Some(Marker {
            value,
            alpha,
            upper,
            suffix,
        }),
        _ => None,
    }
}

/// The value of a token that may be a list marker (`2`, `b`).
fn marker_value(tok: &str) -> Option<u32> {
    let b = tok.as_bytes();
    if b.len() == 1 && b[0].is_ascii_alphabetic() {
        return Some(u32::from(b[0].to_ascii_lowercase() - b'a' + 1));
    }
    if !b.is_empty() && b.len() <= 3 && b.iter().all(u8::is_ascii_digit) {
        return tok.parse().ok();
    }
    None
}

/// Finds, in `text[from..to]`, the next marker after `m` (same style, value + 1), preceded by
/// whitespace. Returns its byte position.
fn find_marker(text: &str, from: usize, to: usize, m: Marker) -> Option<usize> {
    let b = text.as_bytes();
    let want = m.value + 1;
    let mut k = from;
    while k < to {
        let c = b[k];
        if c.is_ascii_alphanumeric() && k > 0 && char_before(text, k).is_some_and(is_ws) {
            if let Some(next) = parse_marker(&text[k..to]) {
                if next.value == want
                    && next.alpha == m.alpha
                    && next.upper == m.upper
                    && next.suffix == m.suffix
                {
                    return Some(k);
                }
            }
        }
        k += 1;
    }
    None
}
