//! Character classes used by the scanner, with ASCII fast paths.

/// Coarse class of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    /// Whitespace, a control character or an ignorable format character ([`is_separator`]):
    /// separates tokens, never part of one.
    Sep,
    /// A letter (any script).
    Alpha,
    /// A digit (any script).
    Digit,
    /// A combining mark, variation selector, joiner or soft hyphen: it extends whatever
    /// precedes it.
    Mark,
    /// The start of an emoji (pictograph or regional indicator).
    Emoji,
    /// A symbol (`$`, `%`, `+`, `©`, `→`).
    Symbol,
    /// Any other punctuation.
    Punct,
}

/// Class of each ASCII byte.
static ASCII: [Class; 128] = {
    let mut t = [Class::Punct; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b <= 0x20 || b == 0x7f {
            Class::Sep
        } else if b.is_ascii_alphabetic() {
            Class::Alpha
        } else if b.is_ascii_digit() {
            Class::Digit
        } else if matches!(
            b,
            b'$' | b'%' | b'&' | b'+' | b'<' | b'=' | b'>' | b'^' | b'|' | b'~' | b'#'
        ) {
            Class::Symbol
        } else {
            Class::Punct
        };
        i += 1;
    }
    t
};

/// Class of an ASCII byte (`b < 0x80`).
#[inline]
pub(super) fn ascii_class(b: u8) -> Class {
    ASCII[usize::from(b & 0x7f)]
}

/// Class of any character.
#[inline]
pub(super) fn class(c: char) -> Class {
    if c.is_ascii() {
        return ascii_class(c as u8);
    }
    if is_separator(c) {
        return Class::Sep;
    }
    let u = c as u32;
    if is_mark(u) {
        return Class::Mark;
    }
    if is_emoji_start(u) {
        return Class::Emoji;
    }
    if c.is_alphabetic() {
        return Class::Alpha;
    }
    if c.is_numeric() {
        return Class::Digit;
    }
    // Non-alphabetic signs inside Brahmic and South-East Asian scripts (viramas, vowel signs):
    // keep words of those scripts whole, except their sentence punctuation.
    if (0x0900..=0x109F).contains(&u) && !matches!(u, 0x0964 | 0x0965 | 0x0E2F | 0x0E5A | 0x0E5B) {
        return Class::Mark;
    }
    if is_symbol(u) {
        Class::Symbol
    } else {
        Class::Punct
    }
}

/// Characters that separate tokens and sentences and belong to none: whitespace, control
/// characters (`Cc`) and the invisible format characters that carry no text (the BOM U+FEFF,
/// zero-width space, the bidirectional marks, embeddings, overrides and isolates, the word
/// joiner; not the joiners and the soft hyphen, which work inside words and emoji). Offsets
/// still index the original text; these characters are just never inside a token or at the
/// edge of a sentence.
///
/// ```
/// use stancekit_core::tokenize::is_separator;
///
/// assert!(is_separator(' ') && is_separator('\0') && is_separator('\u{feff}'));
/// assert!(!is_separator('a') && !is_separator('\u{200d}'));
/// ```
#[must_use]
#[inline]
pub fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return c <= ' ' || c == '\x7f';
    }
    c.is_whitespace() || c.is_control() || is_ignorable(c)
}

/// Invisible format characters (Unicode `Cf`, default-ignorable) that join nothing: the byte
/// order mark and zero-width no-break space (U+FEFF), zero-width space, the bidirectional marks,
/// embeddings, overrides and isolates, the word joiner and invisible operators, and the other
/// format controls with no visible effect. The ones that work inside a word or an emoji
/// sequence are not here: soft hyphen, zero-width (non-)joiner, Mongolian vowel separator and
/// the tag characters.
#[inline]
fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x061C
        | 0x200B
        | 0x200E
        | 0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x206F
        | 0xFEFF
        | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A
        | 0xE0001
    )
}

/// Combining marks, variation selectors, zero-width joiners and other invisible format
/// characters that extend the character before them (soft hyphen, tag characters).
fn is_mark(u: u32) -> bool {
    matches!(u,
        0x00AD
        | 0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x05BF..=0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06ED
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200C
        | 0x200D
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF
        | 0xE0000..=0xE007F
        | 0xE0100..=0xE01EF
    )
}

/// Characters that start an emoji sequence.
fn is_emoji_start(u: u32) -> bool {
    matches!(u,
        0x1F000..=0x1FAFF
        | 0x2600..=0x27BF
        | 0x2B05..=0x2B07
        | 0x2B1B..=0x2B1C
        | 0x2B50
        | 0x2B55
        | 0x231A..=0x231B
        | 0x2328
        | 0x23CF
        | 0x23E9..=0x23F3
        | 0x23F8..=0x23FA
        | 0x3030
        | 0x303D
        | 0x3297
        | 0x3299
    )
}

/// Non-ASCII symbols (currency, maths, arrows, letter-like and technical signs, shapes).
fn is_symbol(u: u32) -> bool {
    matches!(u,
        0x00A2..=0x00A6
        | 0x00A8
        | 0x00A9
        | 0x00AC
        | 0x00AE..=0x00B1
        | 0x00B4
        | 0x00B8
        | 0x00D7
        | 0x00F7
        | 0x02C2..=0x02C5
        | 0x20A0..=0x20CF
        | 0x2100..=0x214F
        | 0x2190..=0x23FF
        | 0x2500..=0x25FF
        | 0x2B00..=0x2BFF
        | 0xFF04
        | 0xFF0B
        | 0xFF1C..=0xFF1E
        | 0xFFE0..=0xFFE6
    )
}

/// True for letters and digits (the characters words are made of).
#[inline]
pub(super) fn is_alnum_class(c: Class) -> bool {
    matches!(c, Class::Alpha | Class::Digit)
}

/// Decodes the character starting at byte `i` of `s` (which must be a char boundary).
#[inline]
pub(super) fn char_at(s: &str, i: usize) -> char {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return b as char;
    }
    // `i` is a char boundary, so this slice is valid and non-empty.
    s[i..].chars().next().unwrap_or('\u{FFFD}')
}

/// The class of the character at byte `i`, and its length in bytes.
#[inline]
pub(super) fn class_at(s: &str, i: usize) -> (Class, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (ascii_class(b), 1);
    }
    let c = char_at(s, i);
    (class(c), c.len_utf8())
}

/// The character ending just before byte `i` (a char boundary, `i > 0`), and its start.
#[inline]
pub(super) fn char_before(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i - 1];
    if b < 0x80 {
        return (b as char, i - 1);
    }
    let c = s[..i].chars().next_back().unwrap_or('\u{FFFD}');
    (c, i - c.len_utf8())
}
