//! Spans (byte offsets into the original text) and their conversion to code-point offsets.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of **byte** offsets into the original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start <= end` is expected.
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length span.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers.
    ///
    /// # Panics
    /// If the span is out of bounds or not on character boundaries of `text`.
    #[must_use]
    pub fn as_str<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Converts byte offsets into one text to code-point offsets, one offset at a time.
///
/// Linear over the whole text when the offsets come in non-decreasing order (tokens and sentences
/// do); an offset that goes backwards restarts the count from the start. ASCII text is detected
/// up front and converted for free.
#[derive(Clone, Debug)]
pub struct CharCursor<'a> {
    bytes: &'a [u8],
    ascii: bool,
    byte_pos: usize,
    char_pos: usize,
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            ascii: text.is_ascii(),
            byte_pos: 0,
            char_pos: 0,
        }
    }

    /// The code-point offset of byte offset `offset` (a character boundary of the text).
    pub fn to_char(&mut self, offset: usize) -> usize {
        if self.ascii {
            return offset;
        }
        let target = offset.min(self.bytes.len());
        if target < self.byte_pos {
            self.byte_pos = 0;
            self.char_pos = 0;
        }
        // Count the bytes that start a character (everything but UTF-8 continuation bytes).
        self.char_pos += self.bytes[self.byte_pos..target]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        self.byte_pos = target;
        self.char_pos
    }
}

/// Converts byte offsets into `text` to code-point offsets, in place (see [`CharCursor`]).
///
/// Every offset must be a character boundary of `text` (offsets produced by this crate are).
pub fn byte_to_char_offsets(text: &str, offsets: &mut [usize]) {
    let mut cursor = CharCursor::new(text);
    for offset in offsets.iter_mut() {
        *offset = cursor.to_char(*offset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let mut offs = [0, 3, 5];
        byte_to_char_offsets("hello", &mut offs);
        assert_eq!(offs, [0, 3, 5]);
    }

    #[test]
    fn multibyte_and_backwards() {
        let text = "Guaidó — €5 😀!";
        let mut offs: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        offs.push(text.len());
        offs.push(0);
        offs.push(text.find('€').unwrap());
        byte_to_char_offsets(text, &mut offs);
        let n = text.chars().count();
        let mut expected: Vec<usize> = (0..=n).collect();
        expected.push(0);
        expected.push(text.chars().position(|c| c == '€').unwrap());
        assert_eq!(offs, expected);
    }
}
