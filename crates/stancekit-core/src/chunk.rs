//! Cutting a huge text into pieces at paragraph breaks.
//!
//! A blank line always ends a sentence and never lies inside a token, so sentences and tokens
//! of the pieces, shifted by each piece's start, are those of the whole text (tested). The
//! binding processes texts longer than [`PIECE_BYTES`] this way: it can then check for Ctrl-C
//! and report progress between pieces, and run the pieces of one text in parallel. What looks
//! across sentences (the stance tagger's context) does not look across a cut.

use crate::Span;

/// Texts longer than this many bytes are processed in pieces of about this size.
pub const PIECE_BYTES: usize = 1 << 20;

/// Whitespace that may sit between the two line breaks of a blank line.
fn is_blank_line_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | 0x0b | 0x0c)
}

/// The end of the first paragraph break (a line break, optional spaces, another line break,
/// and all the ASCII whitespace after it) whose first line break is at or after `from`.
fn paragraph_break_after(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(offset) = bytes.get(i..)?.iter().position(|&b| b == b'\n') {
        let first = i + offset;
        let mut j = first + 1;
        while j < bytes.len() && is_blank_line_space(bytes[j]) {
            j += 1;
        }
        if bytes.get(j) == Some(&b'\n') {
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            return Some(j);
        }
        i = j;
    }
    None
}

/// Consecutive spans tiling `text`, each cut just after a paragraph break (blank line) and at
/// least `target` bytes long except the last. A text of at most `target` bytes, or with no
/// paragraph break after its first `target` bytes, is one piece.
///
/// ```
/// use stancekit_core::chunk::paragraph_pieces;
///
/// let text = "One. Two.\n\nThree.\n \nFour.";
/// let pieces: Vec<&str> = paragraph_pieces(text, 5).iter().map(|p| p.as_str(text)).collect();
/// assert_eq!(pieces, ["One. Two.\n\n", "Three.\n \n", "Four."]);
/// ```
#[must_use]
pub fn paragraph_pieces(text: &str, target: usize) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::with_capacity(text.len() / target.max(1) + 1);
    let mut start = 0;
    while text.len() - start > target {
        match paragraph_break_after(bytes, start + target) {
            // The break ends in ASCII whitespace, so `cut` is a character boundary.
            Some(cut) if cut < text.len() => {
                pieces.push(Span::new(start, cut));
                start = cut;
            }
            _ => break,
        }
    }
    pieces.push(Span::new(start, text.len()));
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, target: usize) -> Vec<&str> {
        paragraph_pieces(text, target)
            .iter()
            .map(|p| p.as_str(text))
            .collect()
    }

    #[test]
    fn short_text_is_one_piece() {
        assert_eq!(texts("", 10), [""]);
        assert_eq!(texts("One.\n\nTwo.", 100), ["One.\n\nTwo."]);
    }

    #[test]
    fn cuts_only_at_blank_lines() {
        let text = "aaaa\nbbbb\n\ncccc\r\n\t\r\n dddd\n\n";
        assert_eq!(texts(text, 3), ["aaaa\nbbbb\n\n", "cccc\r\n\t\r\n ", "dddd\n\n"]);
        // No blank line after the target: one piece.
        assert_eq!(texts("aaaa\nbbbb\ncccc", 3), ["aaaa\nbbbb\ncccc"]);
        // Pieces tile the text for every target size.
        for target in 0..text.len() + 2 {
            assert_eq!(texts(text, target).concat(), text);
        }
    }

    #[test]
    fn pieces_are_about_the_target_size() {
        let text = "Maduro spoke. Guaidó replied.\n\n".repeat(100_000);
        let pieces = paragraph_pieces(&text, PIECE_BYTES);
        assert_eq!(pieces.len(), text.len().div_ceil(PIECE_BYTES));
        for p in &pieces[..pieces.len() - 1] {
            assert!(p.len() >= PIECE_BYTES && p.len() < PIECE_BYTES + 40);
        }
    }
}
