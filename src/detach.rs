//! The single way core work runs: panics turned into `InternalError`, the GIL released whenever
//! the work is big enough for that to pay, and long work done in pieces so that Ctrl-C stops it
//! within a second and a progress bar can follow it.

use crate::errors::{Failure, InternalError, Result};
use pyo3::marker::Ungil;
use pyo3::prelude::*;
use stancekit_core::chunk::{paragraph_pieces, PIECE_BYTES};
use stancekit_core::parallel;
use stancekit_core::span::CharCursor;
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::Duration;

/// Single texts shorter than this (in UTF-8 bytes) are processed without releasing the GIL:
/// releasing and re-taking it costs about as much as splitting a short news article, and other
/// threads wait less than a millisecond. Batches always release it.
pub const DETACH_MIN_BYTES: usize = 1 << 16;

/// How big the pieces of an engine's work are: about a tenth of a second of work each, so
/// Ctrl-C is handled and progress reported that often.
#[derive(Clone, Copy, Debug)]
pub struct Pace {
    /// Longer texts are cut at paragraph breaks into pieces of about this many bytes.
    pub piece_bytes: usize,
    /// Single texts at least this long are processed without the GIL.
    pub detach_min_bytes: usize,
}

/// Splitting and tokenizing (hundreds of MB/s).
pub const FAST: Pace = Pace {
    piece_bytes: PIECE_BYTES,
    detach_min_bytes: DETACH_MIN_BYTES,
};

/// Parsing and stance tagging (0.3 to 0.5 MB/s a thread with the parse: 32 KB is about 0.1 s).
pub const SLOW: Pace = Pace {
    piece_bytes: 1 << 15,
    detach_min_bytes: 1 << 12,
};

/// Runs `f`; a panic in the core becomes `stancekit.InternalError` instead of reaching Python
/// as `PanicException`.
fn catch<T>(f: impl FnOnce() -> T) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Failure::Python(InternalError::new_err(format!(
            "internal error in the stancekit core: {message}"
        )))
    })
}

/// Runs `f` with the GIL released, catching panics.
pub fn run_detached<T, F>(py: Python<'_>, f: F) -> Result<T>
where
    T: Ungil + Send,
    F: Ungil + Send + FnOnce() -> T,
{
    py.detach(|| catch(f))
}

/// Runs `f` on `bytes` of input: with the GIL released when that is at least
/// [`DETACH_MIN_BYTES`], holding it otherwise; panics are caught either way.
pub fn run_sized<T, F>(py: Python<'_>, bytes: usize, f: F) -> Result<T>
where
    T: Ungil + Send,
    F: Ungil + Send + FnOnce() -> T,
{
    if bytes >= DETACH_MIN_BYTES {
        run_detached(py, f)
    } else {
        catch(f)
    }
}

/// How often a call that cannot be cut into pieces looks for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// Runs `f`, which cannot be cut into pieces (it counts over all its input or trains a model),
/// on a worker thread, while this thread waits without the GIL and looks for Ctrl-C every
/// [`SIGNAL_POLL`]: an interrupt returns at once with `KeyboardInterrupt`, and the worker's
/// result, when it comes, is dropped. `f` owns its data, since it may outlive the call.
pub fn run_interruptible<T, F>(py: Python<'_>, f: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("stancekit-worker".to_owned())
        .spawn(move || {
            // The receiver is gone when the call was interrupted: nobody wants the result.
            let _ = sender.send(catch(f));
        })
        .map_err(|e| {
            Failure::Python(InternalError::new_err(format!(
                "cannot start a worker thread: {e}"
            )))
        })?;
    let mut receiver = receiver;
    loop {
        // Moved in and out: a `Receiver` may go to another thread but not be shared.
        let (received, back) = py.detach(move || (receiver.recv_timeout(SIGNAL_POLL), receiver));
        receiver = back;
        match received {
            Ok(result) => return result,
            Err(mpsc::RecvTimeoutError::Timeout) => py.check_signals()?,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(Failure::Python(InternalError::new_err(
                    "internal error in the stancekit core: the worker thread stopped without a result",
                )))
            }
        }
    }
}

/// One piece of one input text: all of it, or a part cut at a paragraph break when the text is
/// longer than its engine's [`Pace`]. Results computed on `text` are shifted by `byte_start` and
/// `char_start` to index the whole text.
pub struct Piece<'a> {
    /// Which input text (its index in the batch).
    pub doc: usize,
    /// The piece's text.
    pub text: &'a str,
    /// Byte offset of the piece in its input text.
    pub byte_start: usize,
    /// Code-point offset of the piece in its input text.
    pub char_start: usize,
}

/// The pieces of `texts`, in order.
fn plan<'a>(texts: &[&'a str], piece_bytes: usize) -> Vec<Piece<'a>> {
    let mut pieces = Vec::with_capacity(texts.len());
    for (doc, &text) in texts.iter().enumerate() {
        if text.len() <= piece_bytes {
            pieces.push(Piece {
                doc,
                text,
                byte_start: 0,
                char_start: 0,
            });
            continue;
        }
        let mut cursor = CharCursor::new(text);
        for span in paragraph_pieces(text, piece_bytes) {
            pieces.push(Piece {
                doc,
                text: span.as_str(text),
                byte_start: span.start,
                char_start: cursor.to_char(span.start),
            });
        }
    }
    pieces
}

/// Runs `work` on every piece of `texts` and hands each result, in text order, to `emit`
/// (see [`run_grouped`]), in pieces of the engine's `pace`. A batch always releases the GIL; a
/// single text when it is at least `pace.detach_min_bytes` long.
pub fn run_pieces<'a, R, W, E>(
    py: Python<'_>,
    texts: &[&'a str],
    batch: bool,
    pace: Pace,
    work: W,
    emit: E,
) -> Result<()>
where
    R: Send,
    W: Fn(&Piece<'a>) -> R + Sync,
    E: FnMut(&Piece<'a>, R) -> Result<()>,
{
    let total: usize = texts.iter().map(|t| t.len()).sum();
    if let ([text], false) = (texts, batch || total >= pace.detach_min_bytes) {
        // One short text, the most common call: work in place, without the GIL dance or a
        // group (nothing to interrupt, a progress bar is told it is done).
        let piece = Piece {
            doc: 0,
            text,
            byte_start: 0,
            char_start: 0,
        };
        let mut emit = emit;
        emit(&piece, catch(|| work(&piece))?)?;
        return progress::report(py, total, total);
    }
    let pieces = if total > pace.piece_bytes {
        run_detached(py, || plan(texts, pace.piece_bytes))?
    } else {
        plan(texts, pace.piece_bytes)
    };
    let detach = batch || total >= pace.detach_min_bytes;
    run_grouped(
        py,
        &pieces,
        |p| p.text.len(),
        detach,
        pace.piece_bytes,
        work,
        emit,
    )
}

/// Runs `work` on every item and hands each result, in order, to `emit`.
///
/// Items run in groups of about `group_bytes` (as counted by `bytes_of`) per thread, in
/// parallel, without the GIL when `detach`. Between groups, with the GIL taken back, the
/// results are emitted (Python objects built), pending signals are handled, so Ctrl-C raises
/// `KeyboardInterrupt` within a group's time (a fraction of a second), and the progress
/// callback installed by `stancekit._progress` is told how many bytes are done.
pub fn run_grouped<T, R, W, E>(
    py: Python<'_>,
    items: &[T],
    bytes_of: impl Fn(&T) -> usize,
    detach: bool,
    piece_bytes: usize,
    work: W,
    mut emit: E,
) -> Result<()>
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    E: FnMut(&T, R) -> Result<()>,
{
    let total: usize = items.iter().map(&bytes_of).sum();
    let group_bytes = piece_bytes * parallel::threads();
    let mut done = 0;
    let mut rest = items;
    while !rest.is_empty() {
        let mut n = 0;
        let mut bytes = 0;
        while n < rest.len() && (n == 0 || bytes + bytes_of(&rest[n]) <= group_bytes) {
            bytes += bytes_of(&rest[n]);
            n += 1;
        }
        let (group, tail) = rest.split_at(n);
        let run = || parallel::map(group, &work);
        let results = if detach {
            run_detached(py, run)?
        } else {
            catch(run)?
        };
        for (item, result) in group.iter().zip(results) {
            emit(item, result)?;
        }
        done += bytes;
        py.check_signals()?;
        progress::report(py, done, total)?;
        rest = tail;
    }
    Ok(())
}

/// The per-thread progress callback that `stancekit._progress` installs around a long call.
pub mod progress {
    use super::RefCell;
    use crate::errors::Result;
    use pyo3::prelude::*;

    thread_local! {
        static CALLBACK: RefCell<Option<Py<PyAny>>> = const { RefCell::new(None) };
    }

    /// Calls the installed callback, if any, with `(done, total)` bytes.
    pub fn report(py: Python<'_>, done: usize, total: usize) -> Result<()> {
        let callback = CALLBACK.with_borrow(|c| c.as_ref().map(|c| c.clone_ref(py)));
        if let Some(callback) = callback {
            callback.call1(py, (done, total))?;
        }
        Ok(())
    }

    /// Installs `callback(done_bytes, total_bytes)`, called after each group of pieces of every
    /// core call made by this thread, or removes it (`None`). Private: used by
    /// `stancekit._progress`.
    #[pyfunction]
    #[pyo3(name = "_set_progress")]
    pub fn set_progress(callback: Option<Py<PyAny>>) {
        CALLBACK.with_borrow_mut(|c| *c = callback);
    }
}
