//! The scanner: one left-to-right pass over the text, chunk by chunk.
//!
//! A *chunk* is a maximal run of characters that are neither whitespace nor control
//! characters. Inside a chunk the scanner reads, in order: URLs, e-mail addresses, words
//! (letters and digits joined by connectors such as `.` in `U.S`, `-` in `non-profit`, `,`
//! in `1,000`, `:` in `5:00`), emoji sequences, emoticons, mentions, hashtags and runs of
//! punctuation. A word then keeps an abbreviation period, and splits off clitics (`did|n't`)
//! and unit letters after digits (`5|pm`). Every step moves forward, and look-ahead is either
//! bounded or remembered, so the whole pass is linear in the length of the text.

use super::chars::{ascii_class, char_at, char_before, class, class_at, is_alnum_class, is_separator, Class};
use super::lexicon::{Abbrev, ContractionSplit, Lexicon, TopLevelDomain};
use super::{Token, TokenKind};
use crate::Span;

/// Characters that build long separator lines and arrows (`-----`, `==>`, `*~*~*`).
#[inline]
fn is_line_char(b: u8) -> bool {
    matches!(
        b,
        b'-' | b'=' | b'<' | b'>' | b'+' | b'|' | b'~' | b'*' | b'_' | b'#' | b'^'
    )
}

/// Sentence-ending punctuation that forms one token when repeated or mixed (`...`, `?!`).
#[inline]
fn is_stop_char(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Top-level domains that mark `name.tld/path` as a URL (any of `domains.txt`).
fn is_tld(label: &[u8]) -> bool {
    label.len() <= 4 && Lexicon::get().top_level_domain(label).is_some()
}

/// A bare domain name such as `example.com` or `Compaq.com` (generic top-level domains of
/// three or more letters only, so `end.It` is no domain).
fn is_domain(w: &[u8]) -> bool {
    match w.iter().rposition(|&b| b == b'.') {
        Some(dot) if dot > 0 => {
            let tld = &w[dot + 1..];
            Lexicon::get().top_level_domain(tld) == Some(TopLevelDomain::Domain)
                && w[..dot]
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        }
        _ => false,
    }
}

/// Single quotation marks, which pair up into a double one (`''`, `‘’`).
#[inline]
fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '`')
}

/// Apostrophes that can introduce a clitic.
#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`')
}

/// Case-insensitive ASCII prefix test.
#[inline]
fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// What the word loop learned about a word.
#[derive(Default)]
struct WordInfo {
    has_alpha: bool,
    has_apostrophe: bool,
    has_at: bool,
    has_dot: bool,
}

/// One tokenization run over one text.
pub(super) struct Scanner<'t, 'o> {
    text: &'t str,
    bytes: &'t [u8],
    split_clitics: bool,
    lex: &'static Lexicon,
    out: &'o mut Vec<Token>,
    /// No e-mail address starts before this byte (a failed match already covered it).
    email_blocked_until: usize,
    /// Byte position of the next `@` in the current chunk (or the chunk end); searched again
    /// when the scan passes it.
    next_at: usize,
    /// Start of the current chunk.
    chunk_start: usize,
}

impl<'t, 'o> Scanner<'t, 'o> {
    pub(super) fn new(text: &'t str, split_clitics: bool, out: &'o mut Vec<Token>) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            split_clitics,
            lex: Lexicon::get(),
            out,
            email_blocked_until: 0,
            next_at: 0,
            chunk_start: 0,
        }
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        debug_assert!(start < end);
        self.out.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }

    /// Tokenizes the whole text.
    pub(super) fn run(&mut self) {
        let (text, bytes) = (self.text, self.bytes);
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            let b = bytes[i];
            if b < 0x80 {
                if b <= 0x20 || b == 0x7f {
                    i += 1;
                    continue;
                }
            } else {
                let c = char_at(text, i);
                if is_separator(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            // Chunk: up to the next separator. Fast path: plain ASCII letters.
            let start = i;
            i = ascii_letters_end(bytes, i);
            let letters_end = i;
            if i == n || bytes[i] <= 0x20 || bytes[i] == 0x7f {
                self.emit_word(start, i, TokenKind::Word, false);
                continue;
            }
            while i < n {
                let b = bytes[i];
                if b < 0x80 {
                    if b <= 0x20 || b == 0x7f {
                        break;
                    }
                    i += 1;
                } else {
                    let c = char_at(text, i);
                    if is_separator(c) {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            self.chunk(start, i, letters_end);
        }
    }

    /// Tokenizes one chunk `[cs, ce)`, whose ASCII letters run to `letters_end`.
    fn chunk(&mut self, cs: usize, ce: usize, letters_end: usize) {
        let bytes = self.bytes;
        self.chunk_start = cs;
        self.next_at = bytes[cs..ce]
            .iter()
            .position(|&b| b == b'@')
            .map_or(ce, |k| cs + k);
        let mut p = cs;
        while p < ce {
            let (cl, len) = class_at(self.text, p);
            p = match cl {
                Class::Alpha | Class::Digit => {
                    if let Some(end) = self.url(p, ce) {
                        self.push(p, end, TokenKind::Url);
                        end
                    } else if let Some(end) = self.email(p, ce) {
                        if let Some(path_end) = self.scp_path(p, end, ce) {
                            // `git@github.com:user/repo.git`: a repository address.
                            self.push(p, path_end, TokenKind::Url);
                            path_end
                        } else {
                            self.push(p, end, TokenKind::Email);
                            end
                        }
                    } else if p == cs {
                        self.word(p, letters_end, ce)
                    } else {
                        self.word(p, p, ce)
                    }
                }
                Class::Emoji => self.emoji(p, ce),
                Class::Mark => {
                    let mut end = p + len;
                    while end < ce {
                        let (c, l) = class_at(self.text, end);
                        if c != Class::Mark {
                            break;
                        }
                        end += l;
                    }
                    match self.out.last_mut() {
                        Some(last) if last.span.end == p && p > cs => last.span.end = end,
                        _ => self.push(p, end, TokenKind::Symbol),
                    }
                    end
                }
                Class::Sep => p + len,
                Class::Symbol | Class::Punct => {
                    if bytes[p] == b'.' || bytes[p] == b'_' {
                        // `.doc`, `.5`: a leading period or underscore that starts a word.
                        if let Some(end) = self.email(p, ce) {
                            self.push(p, end, TokenKind::Email);
                            p = end;
                            continue;
                        }
                        if bytes[p] == b'.'
                            && self.dot_word(p, ce)
                            && (p == cs || !is_alnum_class(class(char_before(self.text, p).0)))
                        {
                            p = self.word(p, p + 1, ce);
                            continue;
                        }
                    }
                    self.punct(p, cs, ce)
                }
            };
        }
    }

    /// Whether the period at `p` opens a word: a decimal (`.5`) or a file extension or
    /// domain ending (`.doc`, `.com`) of at most four letters.
    fn dot_word(&self, p: usize, ce: usize) -> bool {
        let bytes = self.bytes;
        if p + 1 >= ce {
            return false;
        }
        if bytes[p + 1].is_ascii_digit() {
            return true;
        }
        let mut e = p + 1;
        while e < ce && e - p <= 5 && bytes[e].is_ascii_alphanumeric() {
            e += 1;
        }
        (2..=5).contains(&(e - p)) && (e == ce || !is_alnum_class(class_at(self.text, e).0))
    }

    /// A URL starting at `p`: any scheme followed by `://` (`https://`, `ssh://`,
    /// `svn+ssh://`, `file:///`), `www.` or `mailto:`. Returns its end.
    fn url(&self, p: usize, ce: usize) -> Option<usize> {
        let bytes = self.bytes;
        let rest = &bytes[p..ce];
        // A scheme: a letter, then letters, digits, `+`, `-`, `.` (at most 16 in all).
        let scheme = rest
            .iter()
            .take(17)
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
            .count();
        let body = if rest[0].is_ascii_alphabetic() && scheme <= 16 && rest[scheme..].starts_with(b"://") {
            let mut body = scheme + 3;
            // `file:///path`: an empty host.
            while body < rest.len() && body < scheme + 4 && rest[body] == b'/' {
                body += 1;
            }
            body
        } else if starts_with_ci(rest, b"www.") {
            4
        } else if starts_with_ci(rest, b"mailto:") {
            7
        } else {
            return None;
        };
        if rest.len() <= body || !(rest[body].is_ascii_alphanumeric() || rest[body] >= 0x80) {
            return None;
        }
        Some(self.url_end(p, p + body, ce))
    }

    /// The end of a URL that starts at `p` and has a valid start up to `body`: the rest of
    /// the chunk, minus closing punctuation (a `)` only when unbalanced).
    fn url_end(&self, p: usize, body: usize, ce: usize) -> usize {
        let rest = &self.bytes[p..ce];
        let (mut opens, mut closes) = (0usize, 0usize);
        for &b in rest {
            match b {
                b'(' => opens += 1,
                b')' => closes += 1,
                _ => {}
            }
        }
        let mut end = ce;
        while end > body {
            let (c, start) = char_before(self.text, end);
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '”' | '’' | '»' | ']' | '}' | '>' | '…' => {
                    true
                }
                ')' if closes > opens => {
                    closes -= 1;
                    true
                }
                _ => false,
            };
            if !trim {
                break;
            }
            end = start;
        }
        end
    }

    /// An e-mail address starting at `p`: its end.
    #[inline]
    fn email(&mut self, p: usize, ce: usize) -> Option<usize> {
        if self.next_at >= ce || p < self.email_blocked_until {
            return None;
        }
        self.email_slow(p, ce)
    }

    /// [`Self::email`] when the chunk has an `@` ahead.
    #[inline(never)]
    fn email_slow(&mut self, p: usize, ce: usize) -> Option<usize> {
        let bytes = self.bytes;
        if self.next_at < p {
            self.next_at = bytes[p..ce].iter().position(|&b| b == b'@').map_or(ce, |k| p + k);
        }
        let at = self.next_at;
        if at >= ce || at == p {
            return None;
        }
        // Local part: letters, digits and . _ % + - ' up to the `@`.
        if let Some(k) = bytes[p..at].iter().position(|&b| {
            !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'\''))
        }) {
            self.email_blocked_until = p + k;
            return None;
        }
        // Domain: labels of letters, digits and hyphens, at least two, last one alphabetic.
        let mut q = at + 1;
        let mut labels = 0;
        let mut last_label_alpha = false;
        let mut end = at;
        loop {
            let label_start = q;
            while q < ce && (bytes[q].is_ascii_alphanumeric() || bytes[q] == b'-') {
                q += 1;
            }
            if q == label_start {
                break;
            }
            labels += 1;
            last_label_alpha =
                q - label_start >= 2 && bytes[label_start..q].iter().all(u8::is_ascii_alphabetic);
            end = q;
            if q + 1 < ce && bytes[q] == b'.' && bytes[q + 1].is_ascii_alphanumeric() {
                q += 1;
            } else {
                break;
            }
        }
        if labels >= 2 && last_label_alpha {
            Some(end)
        } else {
            self.email_blocked_until = at;
            None
        }
    }

    /// After an address `user@host` ending at `end`: a `:path` right after it (`git@host:repo.git`,
    /// the scp-style address of ssh and git) makes the whole a URL. Returns its end.
    fn scp_path(&self, p: usize, end: usize, ce: usize) -> Option<usize> {
        let bytes = self.bytes;
        if end + 1 >= ce || bytes[end] != b':' {
            return None;
        }
        let first = bytes[end + 1];
        if !(first.is_ascii_alphanumeric() || matches!(first, b'/' | b'~' | b'_')) {
            return None;
        }
        let path_end = self.url_end(p, end + 1, ce);
        (path_end > end + 1).then_some(path_end)
    }

    /// An emoji sequence at `p`: the base, its modifiers, and anything joined with ZWJ.
    fn emoji(&mut self, p: usize, ce: usize) -> usize {
        let text = self.text;
        let first = char_at(text, p);
        let mut end = p + first.len_utf8();
        // A flag is a pair of regional indicators.
        if (0x1F1E6..=0x1F1FF).contains(&(first as u32)) && end < ce {
            let c = char_at(text, end);
            if (0x1F1E6..=0x1F1FF).contains(&(c as u32)) {
                end += c.len_utf8();
            }
        }
        while end < ce {
            let c = char_at(text, end);
            if class(c) != Class::Mark {
                break;
            }
            end += c.len_utf8();
            if c == '\u{200D}' && end < ce {
                let d = char_at(text, end);
                if class(d) == Class::Emoji {
                    end += d.len_utf8();
                }
            }
        }
        self.push(p, end, TokenKind::Emoji);
        end
    }

    /// Punctuation or a symbol at `p`: emoticons, mentions, hashtags, quoted clitics,
    /// punctuation runs. Returns the end of what it emitted.
    fn punct(&mut self, p: usize, cs: usize, ce: usize) -> usize {
        let (text, bytes) = (self.text, self.bytes);
        let c = char_at(text, p);
        let len = c.len_utf8();
        let b = bytes[p];
        // Emoticons.
        if p + 1 < ce
            && matches!(b, b':' | b';' | b'=' | b'(' | b')' | b'^' | b'<' | b'>' | b'-')
            && matches!(
                bytes[p + 1],
                b')' | b'('
                    | b'-'
                    | b'D'
                    | b'P'
                    | b'p'
                    | b'/'
                    | b'|'
                    | b'O'
                    | b'o'
                    | b']'
                    | b'['
                    | b'*'
                    | b':'
                    | b'\''
                    | b'_'
                    | b'^'
                    | b'3'
            )
        {
            for emo in Lexicon::get().emoticons() {
                let e = p + emo.len();
                if e <= ce
                    && &bytes[p..e] == emo.as_bytes()
                    && (e == ce || !is_alnum_class(class_at(text, e).0))
                {
                    // `(:` only as a chunk of its own, not as a parenthesis.
                    if emo.starts_with('(') && (p != cs || e != ce) {
                        continue;
                    }
                    if *emo == "<3" && e < ce && bytes[e].is_ascii_digit() {
                        continue;
                    }
                    self.push(p, e, TokenKind::Symbol);
                    return e;
                }
            }
        }
        let next = if p + len < ce {
            Some(char_at(text, p + len))
        } else {
            None
        };
        // Mentions and hashtags.
        if (b == b'@' || b == b'#')
            && (p == cs || !is_alnum_class(class(char_before(text, p).0)))
            && next.is_some_and(|n| class(n) == Class::Alpha)
        {
            let mut e = p + 1;
            while e < ce {
                let (cl, l) = class_at(text, e);
                if is_alnum_class(cl) || cl == Class::Mark || bytes[e] == b'_' {
                    e += l;
                } else if bytes[e] == b'.' && b == b'@' && e + 1 < ce && bytes[e + 1].is_ascii_alphanumeric()
                {
                    // `@example.com`: a domain, not a sentence period.
                    e += 1;
                } else {
                    break;
                }
            }
            let kind = if b == b'@' {
                TokenKind::Mention
            } else {
                TokenKind::Hashtag
            };
            self.push(p, e, kind);
            return e;
        }
        // An apostrophe opening a clitic (`'s` after a space) or a year (`'72`, `'90s`).
        if is_apostrophe(c) {
            if let Some(end) = self.apostrophe_word(p + len, ce) {
                self.push(p, end, TokenKind::Word);
                return end;
            }
        }
        // Runs: separator lines, stop punctuation, repeated characters.
        let mut e = p + len;
        if b < 0x80 && is_line_char(b) {
            let mut angles_only = matches!(b, b'<' | b'>');
            while e < ce && is_line_char(bytes[e]) {
                angles_only &= matches!(bytes[e], b'<' | b'>');
                e += 1;
            }
            if e - p >= 2 && !angles_only {
                self.push(p, e, TokenKind::Punct);
                return e;
            }
            e = p + len;
        } else if is_stop_char(c) {
            while e < ce {
                let d = char_at(text, e);
                if !is_stop_char(d) {
                    break;
                }
                e += d.len_utf8();
            }
            self.push(p, e, TokenKind::Punct);
            return e;
        }
        if matches!(c, '(' | ')' | '[' | ']' | '{' | '}') {
            // Brackets are tokens of their own, even when repeated: `((`.
        } else if is_single_quote(c) {
            // `''`, `‘’`, `’’`: a double quote written with two single quotes.
            while e < ce {
                let d = char_at(text, e);
                if !is_single_quote(d) {
                    break;
                }
                e += d.len_utf8();
            }
        } else {
            while e + len <= ce && bytes[e..e + len] == bytes[p..p + len] {
                e += len;
            }
        }
        let kind = if class(c) == Class::Symbol {
            TokenKind::Symbol
        } else {
            TokenKind::Punct
        };
        self.push(p, e, kind);
        e
    }

    /// After an apostrophe ending at `q`: the end of a clitic (`'s`, `'ll`, `'m`) or of a
    /// two-digit year (`'72`, `'90s`) that ends the word there.
    fn apostrophe_word(&self, q: usize, ce: usize) -> Option<usize> {
        let bytes = self.bytes;
        let mut e = q;
        while e < ce && e - q < 6 && bytes[e].is_ascii_alphanumeric() {
            e += 1;
        }
        if e == q || (e < ce && is_alnum_class(class_at(self.text, e).0)) {
            return None;
        }
        let w = &bytes[q..e];
        // A clitic (`'s`, `'ll`) or a clipped word (`'em`, `'til`, `'cause`).
        let clitic = self.lex.is_clitic(w, true);
        let year = w.len() >= 2
            && w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && (w.len() == 2 || (w.len() == 3 && w[2] == b's'));
        if year && w.len() == 2 && e + 1 < ce && bytes[e] == b'\'' && bytes[e + 1] | 0x20 == b's' {
            // '60's
            let after = e + 2;
            if after == ce || !is_alnum_class(class_at(self.text, after).0) {
                return Some(after);
            }
        }
        (clitic || year).then_some(e)
    }

    /// A word starting at `start` whose scan resumes at `from`: `[start, from)` is either a
    /// leading period (`.5`, `.doc`) or a run of ASCII letters already scanned.
    /// Emits it, with its abbreviation period and split clitics; returns its end.
    fn word(&mut self, start: usize, from: usize, ce: usize) -> usize {
        let (text, bytes) = (self.text, self.bytes);
        let mut info = WordInfo {
            has_alpha: from > start && bytes[start].is_ascii_alphabetic(),
            ..WordInfo::default()
        };
        let mut i = from;
        let mut seg = if info.has_alpha { start } else { from };
        let first_seg = seg;
        let mut digit_chain = false;
        let mut last_digit = false;
        loop {
            // A run of letters, digits and marks.
            while i < ce {
                let b = bytes[i];
                if b < 0x80 {
                    match ascii_class(b) {
                        Class::Alpha => {
                            info.has_alpha = true;
                            last_digit = false;
                        }
                        Class::Digit => last_digit = true,
                        _ => break,
                    }
                    i += 1;
                } else {
                    let c = char_at(text, i);
                    match class(c) {
                        Class::Alpha => {
                            info.has_alpha = true;
                            last_digit = false;
                        }
                        Class::Digit => last_digit = true,
                        Class::Mark => {}
                        _ => break,
                    }
                    i += c.len_utf8();
                }
            }
            if i >= ce {
                break;
            }
            // A connector continues the word only when a letter or digit follows it.
            let conn = char_at(text, i);
            let j = i + conn.len_utf8();
            if j >= ce {
                break;
            }
            let next = char_at(text, j);
            let next_class = class(next);
            if !is_alnum_class(next_class) {
                break;
            }
            if conn == '/' && info.has_dot && is_tld(&bytes[seg..i]) {
                // `example.com/path`: a URL without scheme.
                let end = self.url_end(start, j, ce);
                self.push(start, end, TokenKind::Url);
                return end;
            }
            let joins = match conn {
                '.' => {
                    info.has_dot = true;
                    // `Dr.Smith`: a title's period ends the word before a capital; `world.Today`:
                    // a sentence ended without a space.
                    !(next.is_uppercase()
                        && seg == first_seg
                        && (self.lex.abbreviation(&text[seg..i]) == Some(Abbrev::Title)
                            || super::sentence_end_without_space(&bytes[seg..i], &bytes[j..ce])))
                }
                '\'' | '’' | '`' if next_class == Class::Alpha => {
                    info.has_apostrophe = true;
                    true
                }
                '-' | '\u{2010}' => self.hyphen_joins(seg, i, j, ce, last_digit, &mut digit_chain),
                ':' => last_digit && next_class == Class::Digit,
                // 9/11, 24/7; and letter pairs such as b/c, w/o, A/C.
                '/' => {
                    (last_digit && next_class == Class::Digit)
                        || (seg == first_seg
                            && i - seg == 1
                            && bytes[seg].is_ascii_alphabetic()
                            && next.is_ascii_alphabetic()
                            && (j + 1 == ce || !is_alnum_class(class_at(text, j + 1).0)))
                }
                ',' => last_digit && next_class == Class::Digit,
                '&' => {
                    let right = bytes[j..ce]
                        .iter()
                        .take(4)
                        .take_while(|b| b.is_ascii_alphabetic())
                        .count();
                    !last_digit && i - seg <= 3 && (1..=3).contains(&right)
                }
                '@' => {
                    info.has_at = true;
                    true
                }
                '_' => true,
                _ => false,
            };
            if !joins {
                break;
            }
            i = j;
            seg = j;
        }
        self.finish_word(start, i, ce, &info)
    }

    /// Whether the hyphen at `i` (next char at `j`) joins the segment `[seg, i)` to what
    /// follows: a hyphenated prefix (`non-profit`) or a phone number or date (`713-853-3989`).
    fn hyphen_joins(
        &self,
        seg: usize,
        i: usize,
        j: usize,
        ce: usize,
        last_digit: bool,
        digit_chain: &mut bool,
    ) -> bool {
        let bytes = self.bytes;
        if !last_digit {
            return self.lex.is_hyphen_prefix(&self.text[seg..i]);
        }
        if !bytes[j].is_ascii_digit() || !bytes[seg..i].iter().all(u8::is_ascii_digit) {
            return false;
        }
        if *digit_chain {
            return true;
        }
        let mut r = j;
        while r < ce && bytes[r].is_ascii_digit() {
            r += 1;
        }
        if r < ce && bytes[r].is_ascii_alphabetic() {
            return false;
        }
        if r + 1 < ce && bytes[r] == b'-' && bytes[r + 1].is_ascii_digit() {
            *digit_chain = true;
            return true;
        }
        // Phone numbers, extensions and postal codes (555-1234, 3-5290, 77002-6601) stay
        // whole; ranges of small numbers and of years (3-4, 10-12, 1969-1970) are split.
        let (left, right) = (i - seg, r - j);
        (right >= 4 && left != 4) || left >= 5
    }

    /// Emits the word `[start, end)`: splits unit letters after a number, keeps an
    /// abbreviation period, splits clitics. Returns where the scanner continues.
    fn finish_word(&mut self, start: usize, end: usize, ce: usize, info: &WordInfo) -> usize {
        let (text, bytes) = (self.text, self.bytes);
        let mut a = start;
        if !info.has_alpha {
            // Digits with separators: a number, which may end a dotted abbreviation? no.
            self.push(a, end, TokenKind::Number);
            return end;
        }
        // `5pm`, `35mm`, `10k`: digits then unit letters (ordinals and decades stay whole).
        if bytes[a].is_ascii_digit() && !info.has_apostrophe && !info.has_at {
            let k = bytes[a..end]
                .iter()
                .position(u8::is_ascii_alphabetic)
                .map_or(end, |k| a + k);
            let digits_ok = bytes[a..k]
                .iter()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':' | b'/'))
                && bytes[k - 1].is_ascii_digit();
            let letters_ok = k < end
                && bytes[k..end]
                    .iter()
                    .all(|b| b.is_ascii_alphabetic() || *b == b'.');
            if digits_ok && letters_ok {
                let unit = bytes[k..end]
                    .iter()
                    .position(|&b| b == b'.')
                    .map_or(&bytes[k..end], |d| &bytes[k..k + d]);
                // Units (`5|pm`) and whole words (`20|minutes`) split; ordinals and codes do not.
                if is_unit(unit) || (unit.len() >= 3 && !self.lex.is_number_ending(unit)) {
                    self.push(a, k, TokenKind::Number);
                    a = k;
                }
            }
        }
        // The abbreviation period.
        let mut stop = end;
        if end < ce && bytes[end] == b'.' {
            let dots = bytes[end..ce].iter().take(3).take_while(|&&b| b == b'.').count();
            if dots <= 2 {
                let w = &text[a..end];
                let kind = self.lex.abbreviation(w).or_else(|| {
                    (is_dotted_abbreviation(w) || (w.len() == 1 && bytes[a].is_ascii_alphabetic()))
                        .then_some(Abbrev::General)
                });
                match kind {
                    // `Inc..`: the abbreviation, then the sentence's own period.
                    Some(_) if dots == 2 => stop = end + 1,
                    Some(Abbrev::Title) => stop = end + 1,
                    Some(Abbrev::General) if !self.sentence_follows(end + 1, ce) => {
                        stop = end + 1;
                    }
                    _ => {}
                }
            }
        }
        // `(D-Mass.)`, `(R-Texas.)`, `(Jr.)`: a period right before the bracket that closes an
        // aside written without spaces belongs to the word (an abbreviation) when the word is
        // one or does not open the aside; a one-word aside such as `(Laughter.)` is a sentence.
        if stop == end
            && end + 1 < ce
            && bytes[end] == b'.'
            && matches!(bytes[end + 1], b')' | b']')
            && info.has_alpha
            && self.bracket_open(a)
            && (!matches!(bytes[a - 1], b'(' | b'[') || self.lex.abbreviation(&text[a..end]).is_some())
        {
            stop = end + 1;
        }
        // A cut-off word of one or two letters keeps its hyphen before a space (`w-`, `re-`,
        // as GUM transcribes disfluencies); after longer words the hyphen is a dash
        // (`Vince-`), as in EWT.
        if stop == end
            && end < ce
            && bytes[end] == b'-'
            && (end + 1 == ce || matches!(bytes[end + 1], b',' | b'.' | b';' | b'?' | b'!'))
            && end - a <= 2
            && bytes[a..end].iter().all(u8::is_ascii_alphabetic)
        {
            stop = end + 1;
        }
        // `parents'` stays whole as a surface token.
        if !self.split_clitics && stop == end && end < ce && matches!(bytes[end - 1], b's' | b'S') {
            let c = char_at(text, end);
            if matches!(c, '\'' | '’') {
                let after = end + c.len_utf8();
                let opened = a > 0 && matches!(char_before(text, a).0, '\'' | '‘');
                if !opened && (after == ce || !is_alnum_class(class_at(text, after).0)) {
                    stop = after;
                }
            }
        }
        let kind = if info.has_at && text[a..stop].contains('.') {
            TokenKind::Email
        } else if info.has_dot && !info.has_apostrophe && is_domain(&bytes[a..stop]) {
            TokenKind::Url
        } else {
            TokenKind::Word
        };
        self.emit_word(a, stop, kind, info.has_apostrophe);
        stop
    }

    /// Whether a bracket opened in the current chunk, at most 32 bytes before `a`, is still open
    /// (the bound keeps the scan linear).
    fn bracket_open(&self, a: usize) -> bool {
        let (mut depth, mut square) = (0i32, 0i32);
        for &b in &self.bytes[self.chunk_start.max(a.saturating_sub(32))..a] {
            match b {
                b'(' => depth += 1,
                b')' => depth -= 1,
                b'[' => square += 1,
                b']' => square -= 1,
                _ => {}
            }
        }
        depth > 0 || square > 0
    }

    /// Whether a new sentence seems to start after an abbreviation's period ending at `p`:
    /// end of text, a line break, or a capitalized common sentence opener.
    fn sentence_follows(&self, p: usize, ce: usize) -> bool {
        if p < ce {
            return false;
        }
        let (text, bytes) = (self.text, self.bytes);
        let n = bytes.len();
        let mut q = p;
        while q < n {
            let c = char_at(text, q);
            if c == '\n' || c == '\r' {
                return true;
            }
            if !(is_separator(c)) {
                break;
            }
            q += c.len_utf8();
        }
        if q >= n {
            return true;
        }
        while q < n && matches!(bytes[q], b'"' | b'\'' | b'(' | b'[' | b'`') {
            q += 1;
        }
        let mut r = q;
        while r < n && r - q < 16 && bytes[r].is_ascii_alphabetic() {
            r += 1;
        }
        r > q && (r == n || !bytes[r].is_ascii_alphanumeric()) && self.lex.is_sentence_starter(&text[q..r])
    }

    /// Emits a word, split into its clitics when configured.
    #[inline]
    fn emit_word(&mut self, a: usize, z: usize, kind: TokenKind, has_apostrophe: bool) {
        if kind == TokenKind::Word
            && (has_apostrophe || self.lex.may_be_contraction(&self.bytes[a..z]))
            && self.emit_split(a, z, has_apostrophe)
        {
            return;
        }
        self.push(a, z, kind);
    }

    /// Emits a word that may split (clitics, `cannot`, `its`); false when it does not.
    #[inline(never)]
    fn emit_split(&mut self, a: usize, z: usize, has_apostrophe: bool) -> bool {
        let cut = if has_apostrophe {
            if self.split_clitics {
                self.clitic_cut(a, z)
            } else {
                None
            }
        } else if let Some((cut, split)) = self.lex.contraction_cut(&self.text[a..z]) {
            let split = match split {
                ContractionSplit::Always => true,
                ContractionSplit::WithClitics => self.split_clitics,
                ContractionSplit::InContext => self.split_clitics && self.its_is_it_is(z),
            };
            split.then_some(a + cut)
        } else {
            None
        };
        match cut {
            Some(cut) => {
                self.push(a, cut, TokenKind::Word);
                self.push(cut, z, TokenKind::Word);
                true
            }
            None => false,
        }
    }

    /// Whether `its` ending at `z` stands for `it is` (`its a shame`, `its not`): the next
    /// word is one that does not follow a possessive.
    fn its_is_it_is(&self, z: usize) -> bool {
        let bytes = self.bytes;
        let n = bytes.len();
        let mut q = z;
        while q < n && q - z < 4 && matches!(bytes[q], b' ' | b'\t') {
            q += 1;
        }
        if q == z {
            return false;
        }
        let mut r = q;
        while r < n && r - q < 12 && bytes[r].is_ascii_alphabetic() {
            r += 1;
        }
        if r == q || (r < n && bytes[r].is_ascii_alphanumeric()) {
            return false;
        }
        let mut buf = [0u8; 12];
        let w = &mut buf[..r - q];
        w.copy_from_slice(&bytes[q..r]);
        w.make_ascii_lowercase();
        self.lex.follows_its_is(std::str::from_utf8(w).unwrap_or(""))
    }

    /// Where the word `[a, z)` splits into stem and clitic, if it does.
    fn clitic_cut(&self, a: usize, z: usize) -> Option<usize> {
        let (text, bytes) = (self.text, self.bytes);
        // The last apostrophe.
        let (q, qlen) = text[a..z]
            .char_indices()
            .rfind(|&(_, c)| is_apostrophe(c))
            .map(|(k, c)| (a + k, c.len_utf8()))?;
        if q == a {
            return None;
        }
        let suffix = &bytes[q + qlen..z];
        if suffix.eq_ignore_ascii_case(b"t") && q >= a + 2 && matches!(bytes[q - 1], b'n' | b'N') {
            return Some(q - 1);
        }
        let clitic = self.lex.is_clitic(suffix, false);
        (clitic && char_before(text, q).0.is_alphabetic()).then_some(q)
    }
}

/// The end of the run of ASCII letters starting at `i`. Reads eight bytes at a time, so a
/// word end costs no mispredicted branch per byte.
#[inline]
fn ascii_letters_end(bytes: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x8080_8080_8080_8080;
    const SEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const fn splat(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        // Fold case, drop the high bit (checked separately), then compare every byte with
        // 'a' and 'z' without carries between bytes: each byte stays below 0x100.
        let t = (v | splat(0x20)) & SEVEN;
        let ge_a = t + splat(0x80 - b'a');
        let gt_z = t + splat(0x80 - b'z' - 1);
        let letters = ge_a & !gt_z & !v & LO;
        let others = !letters & LO;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// Unit and time letters written right after a number and split from it (`5|pm`, `35|mm`,
/// `10|k`); ordinals, decades and codes (`20th`, `1990s`, `3G`) stay whole.
fn is_unit(w: &[u8]) -> bool {
    Lexicon::get().is_unit(w)
}

/// `U.S`, `a.m`, `e.g`, `Ph.D`: letters in groups of one or two joined by periods.
fn is_dotted_abbreviation(w: &str) -> bool {
    w.len() <= 16
        && w.contains('.')
        && w.split('.')
            .all(|s| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()))
}
