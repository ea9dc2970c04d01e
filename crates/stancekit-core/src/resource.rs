//! Reading the resources that ship inside the crate (word lists, lexicons, models).
//!
//! A malformed resource is an [`Error::Resource`] naming the resource and the line, returned by
//! the constructor that needs it, never a panic in the middle of processing: resources are
//! parsed once per process through [`cached`], and the same value, or the same error, is handed
//! to every later caller.

use crate::{Error, Result};
use std::fmt::Display;
use std::sync::OnceLock;

/// The lines of a resource that hold data (not blank, not `#` comments), with their 1-based
/// line numbers for error messages.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
}

/// An [`Error::Resource`] about line `line` of resource `name` (`line` 0: the whole resource).
pub fn error(name: &str, line: usize, message: impl Display) -> Error {
    let message = if line == 0 {
        message.to_string()
    } else {
        format!("line {line}: {message}")
    };
    Error::Resource {
        name: name.to_owned(),
        message,
    }
}

/// The value `parse` gives, computed once per process in `cell`; an error is kept and returned
/// again (cloned) to every caller.
///
/// # Errors
/// The [`Error`] `parse` returned (an [`Error::Resource`] for a malformed resource).
pub fn cached<T>(cell: &'static OnceLock<Result<T>>, parse: impl FnOnce() -> Result<T>) -> Result<&'static T>
where
    T: Send + Sync,
{
    cell.get_or_init(parse).as_ref().map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_lines_skip_comments_and_blanks_and_keep_numbers() {
        let lines: Vec<_> = data_lines("# header\n\nalpha\t1\n  \nbeta\t2\n").collect();
        assert_eq!(lines, [(3, "alpha\t1"), (5, "beta\t2")]);
    }

    #[test]
    fn errors_are_resource_errors_and_are_cached() {
        static CELL: OnceLock<Result<u32>> = OnceLock::new();
        let parse = || Err(error("numbers.tsv", 4, "not a number: \"x\""));
        for _ in 0..2 {
            let err = cached(&CELL, parse).unwrap_err();
            assert!(matches!(&err, Error::Resource { name, .. } if name == "numbers.tsv"));
            assert_eq!(
                err.to_string(),
                "invalid resource numbers.tsv: line 4: not a number: \"x\""
            );
        }
    }
}
