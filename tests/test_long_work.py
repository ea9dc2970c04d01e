"""Long calls: huge texts are processed in pieces cut at blank lines, with the same offsets as
if whole; progress is reported by bytes, also for one text; Ctrl-C stops a call within a second.
"""

from __future__ import annotations

import itertools
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import stancekit
from stancekit import _core, _progress

# Non-ASCII on every line, so byte and code-point offsets differ and both shifts are exercised.
PARAGRAPH = (
    "Guaidó met Mr. Pompeo in Washington on Feb. 8. Russia backs Maduro — “firmly”.\n"
    "Cuba condemned the U.S. sanctions 😀 and Bolivia praised Maduro.\n\n"
)
MB = 1 << 20


def big_text(megabytes: float) -> str:
    return PARAGRAPH * int(megabytes * MB / len(PARAGRAPH.encode()))


def test_pieces_are_cut_at_blank_lines_of_about_a_megabyte() -> None:
    text = big_text(3.5)
    spans = _core._paragraph_spans(text, MB)
    assert len(spans) == 4
    assert spans[0][0] == 0
    assert spans[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end == start
        assert text[:start].endswith("\n\n")
    assert _core._paragraph_spans("no blank line here " * 100, 10) == [(0, 1900)]


def test_a_huge_text_gives_the_results_of_its_paragraphs_shifted() -> None:
    text = big_text(2.5)
    assert len(text.encode()) > 2 * MB  # three pieces
    tokens = stancekit.tokenize(text)
    sentences = stancekit.split_sentences(text)
    n = text.count(PARAGRAPH)
    unit_tokens = stancekit.tokenize(PARAGRAPH)
    unit_sentences = stancekit.split_sentences(PARAGRAPH)
    assert len(tokens) == n * len(unit_tokens)
    assert len(sentences) == n * len(unit_sentences)
    for i in (0, len(tokens) // 2, len(tokens) - 1):
        copy, unit = divmod(i, len(unit_tokens))
        shift = copy * len(PARAGRAPH)
        assert (tokens[i].start, tokens[i].end) == (
            unit_tokens[unit].start + shift,
            unit_tokens[unit].end + shift,
        )
        assert text[tokens[i].start : tokens[i].end] == tokens[i].text
    for arr, objects in (
        (stancekit.tokenize_offsets(text), tokens),
        (stancekit.split_sentences_offsets(text), sentences),
    ):
        assert arr.tolist() == [[x.start, x.end] for x in objects]
    byte_offsets = stancekit.tokenize_offsets(text, offsets="byte")
    encoded = text.encode()
    last = tokens[-1]
    assert encoded[byte_offsets[-1, 0] : byte_offsets[-1, 1]].decode() == last.text
    assert stancekit.tokenize_batch(["x", text]) == [stancekit.tokenize("x"), tokens]


def test_a_huge_text_is_tagged_with_offsets_into_the_whole() -> None:
    tagger = stancekit.StanceTagger({"Nicolas Maduro": ["Maduro"]})
    text = big_text(2.5)
    found = tagger.tag(text)
    per_paragraph = tagger.tag(PARAGRAPH)
    assert per_paragraph
    assert len(found) == text.count(PARAGRAPH) * len(per_paragraph)
    for s in found[:: len(found) // 50]:
        assert text[s.cue_span[0] : s.cue_span[1]] == s.cue
        assert text[s.target_span[0] : s.target_span[1]] == "Maduro"
    assert tagger.tag_batch([text]) == [found]


def test_progress_is_reported_by_bytes_for_one_big_text() -> None:
    text = big_text(3.5)
    reports: list[tuple[int, int]] = []
    stancekit.set_parallelism(False)  # one piece per group: a report per megabyte
    try:
        with _progress.reporting(lambda done, total: reports.append((done, total))):
            stancekit.tokenize(text)
            stancekit.StanceTagger({"Nicolas Maduro": ["Maduro"]}).tag_batch([text[:1000], text[:2000]])
    finally:
        stancekit.set_parallelism(True)
    size = len(text.encode())
    tokenize_reports = [r for r in reports if r[1] == size]
    assert len(tokenize_reports) == 4
    assert [done for done, _ in tokenize_reports] == sorted(done for done, _ in tokenize_reports)
    assert tokenize_reports[-1] == (size, size)
    small = len(text[:1000].encode()) + len(text[:2000].encode())
    assert reports[-1] == (small, small)  # a small batch: one report when done
    stancekit.tokenize(text)  # no callback installed any more
    assert len(reports) == 5


def test_a_progress_callback_error_stops_the_call() -> None:
    def fail(done: int, total: int) -> None:
        raise RuntimeError("bar broke")

    with _progress.reporting(fail), pytest.raises(RuntimeError, match="bar broke"):
        stancekit.tokenize("Hello there.")


def test_progress_bar_for_a_few_documents(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    pd = pytest.importorskip("pandas")
    from stancekit import pandas as skpd

    series = pd.Series([big_text(1.5), "Russia backs Maduro."])
    frame = skpd.tokens(series, progress=True)
    assert len(frame) == len(stancekit.tokenize(series[0])) + 4
    err = capsys.readouterr().err
    assert "tokens" in err
    assert "100%" in err


CHILD = """
import sys, stancekit
text = ({paragraph!r}) * {copies}
call = {call}
print("ready", flush=True)
call(text)
print("finished", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
@pytest.mark.parametrize(
    "call",
    [
        "stancekit.StanceTagger({'Nicolas Maduro': ['Maduro']}).tag",
        "stancekit.tokenize",
        "lambda t: stancekit.StanceTagger.targets_from_texts([t])",
    ],
    ids=["tag", "tokenize", "targets_from_texts"],
)
def test_ctrl_c_stops_a_long_call_within_a_second(call: str) -> None:
    # About 8 s of work for each call (more than a minute for tokenize's objects).
    copies = 120 * MB // len(PARAGRAPH.encode())
    script = textwrap.dedent(CHILD).format(paragraph=PARAGRAPH, copies=copies, call=call)
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.7)  # well into the call
        assert child.poll() is None
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=30)
        waited = time.monotonic() - sent
    finally:
        child.kill()
    assert "KeyboardInterrupt" in err
    assert waited < 1.0, f"stopped {waited:.2f} s after Ctrl-C"
