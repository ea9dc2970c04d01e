"""Sentence splitting and tokenization: stancekit and its peers side by side, in one run.

    pip install -r benchmarks/requirements.txt && pip install .
    python benchmarks/bench_segmentation.py [--data ../shared/data] [--mb 10]

Speed: the UD English EWT+GUM dev documents repeated to >= ``--mb`` MB, one call per document,
one thread (best of 3 runs); the stancekit batch APIs are also timed on all cores. Quality: the
project's evaluation (``stancekit.eval``) applied to every tool on UD dev, GUM news and the
Golden Rules. Peers are timed on their own call, as a user would make it (returning strings, a
spaCy Doc or spans); their output is aligned to offsets only for scoring. Peers missing from the
environment are skipped.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from _common import (
    DEFAULT_DATA,
    align,
    machine,
    mb,
    repeat_to,
    table,
    time_best,
    time_best_wall_cpu,
    ud_dev_docs,
)

import stancekit
from stancekit.eval import evaluate_golden_rules, evaluate_sentences, evaluate_tokens

Spans = list[tuple[int, int]]
# A peer: (its own call, timed for speed; the same call turned into spans, for quality).
Peer = tuple[Callable[[str], object], Callable[[str], Spans]]


def native(spans: Callable[[str], Spans]) -> Peer:
    """A peer whose own call returns offsets."""
    return spans, spans


def aligned(raw: Callable[[str], Sequence[str]]) -> Peer:
    """A peer that returns strings: timed as it is, aligned to offsets only for scoring."""
    return raw, lambda t: align(t, raw(t))


def sentence_peers() -> dict[str, Peer]:
    peers: dict[str, Peer] = {}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        peers["pysbd"] = (seg.segment, lambda t: [(s.start, s.end) for s in seg.segment(t)])
    except ImportError:
        pass
    try:
        from segtok.segmenter import split_multi

        peers["segtok"] = aligned(lambda t: list(split_multi(t)))
    except ImportError:
        pass
    try:
        from syntok import segmenter

        def syntok_split(t: str) -> Spans:
            out = []
            for paragraph in segmenter.analyze(t):
                for sentence in paragraph:
                    out.append((sentence[0].offset, sentence[-1].offset + len(sentence[-1].value)))
            return out

        peers["syntok"] = native(syntok_split)
    except ImportError:
        pass
    try:
        from sentencex import segment

        peers["sentencex"] = aligned(lambda t: list(segment("en", t)))
    except ImportError:
        pass
    try:
        from sentence_splitter import SentenceSplitter as PeerSplitter

        ss = PeerSplitter(language="en")
        peers["sentence-splitter"] = aligned(ss.split)
    except ImportError:
        pass
    try:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        punkt = PunktSentenceTokenizer()  # untrained: the pretrained model needs a download
        peers["nltk punkt (untrained)"] = native(lambda t: list(punkt.span_tokenize(t)))
    except ImportError:
        pass
    try:
        import blingfire

        peers["blingfire"] = aligned(lambda t: blingfire.text_to_sentences(t).split("\n"))
    except ImportError:
        pass
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 10**8
        peers["spaCy sentencizer"] = (nlp, lambda t: [(s.start_char, s.end_char) for s in nlp(t).sents])
    except ImportError:
        pass
    return peers


def token_peers() -> dict[str, Peer]:
    word_re = re.compile(r"\w+|[^\w\s]")
    peers: dict[str, Peer] = {
        r"regex \w+|[^\w\s]": (word_re.findall, lambda t: [m.span() for m in word_re.finditer(t)]),
    }
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.max_length = 10**8
        tok = nlp.tokenizer
        peers["spaCy tokenizer"] = (
            tok,
            lambda t: [(w.idx, w.idx + len(w)) for w in tok(t) if not w.is_space],
        )
    except ImportError:
        pass
    try:
        from syntok.tokenizer import Tokenizer as SyntokTokenizer

        st = SyntokTokenizer()
        peers["syntok"] = (
            lambda t: list(st.tokenize(t)),
            lambda t: [(w.offset, w.offset + len(w.value)) for w in st.tokenize(t)],
        )
    except ImportError:
        pass
    try:
        from nltk.tokenize import NLTKWordTokenizer

        nw = NLTKWordTokenizer()
        peers["nltk word tokenizer"] = native(lambda t: list(nw.span_tokenize(t)))
    except ImportError:
        pass
    try:
        import blingfire

        peers["blingfire"] = aligned(lambda t: blingfire.text_to_words(t).split(" "))
    except ImportError:
        pass
    return peers


# Single-thread rows give wall-clock and CPU-time throughput; the ratio uses CPU time, which
# other load on a shared machine does not distort. Batch rows are wall clock (all cores).
SPEED_COLUMNS = ["MB/s", "MB/CPU-s", "stancekit is x faster (CPU)"]


def speed(fn: Callable[[str], object], texts: list[str], repeat: int) -> tuple[float, float]:
    """(MB per wall second, MB per CPU second) of one call per document, best of ``repeat``."""
    size = mb(texts)
    wall, cpu = time_best_wall_cpu(lambda: [fn(t) for t in texts], repeat)
    return size / wall, size / cpu


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size for speed (MB)")
    parser.add_argument("--peer-mb", type=float, default=None, help="smaller corpus for slow peers (MB)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    docs = ud_dev_docs(args.data)
    texts = repeat_to([d["text"] for d in docs], args.mb)
    peer_texts = repeat_to([d["text"] for d in docs], args.peer_mb) if args.peer_mb else texts
    news = [d for d in docs if d["treebank"] == "gum" and d["genre"] == "news"]
    print(f"# stancekit {stancekit.__version__} segmentation benchmark ({machine()})")
    print(
        f"speed corpus: UD EWT+GUM dev repeated, {mb(texts):.1f} MB, {len(texts)} documents, one call each\n"
    )

    splitter = stancekit.SentenceSplitter()
    ours_single = speed(lambda t: splitter.split_offsets(t), texts, args.repeat)
    ours_objects = speed(lambda t: splitter.split(t), texts, args.repeat)
    ours_batch = mb(texts) / time_best(lambda: splitter.split_offsets_batch(texts), args.repeat)

    rows = []
    ours_quality = (
        evaluate_golden_rules(args.data, splitter)["passed"] / 48 * 100,
        100 * evaluate_sentences(docs, splitter).f1,
        100 * evaluate_sentences(news, splitter).f1,
    )
    rows.append(["**stancekit** (offsets, 1 thread)", *ours_quality, *ours_single, 1.0])
    rows.append(["stancekit (Sentence objects, 1 thread)", "", "", "", *ours_objects, ""])
    rows.append(["stancekit batch (offsets, all cores)", "", "", "", ours_batch, "", ""])
    for name, (raw, fn) in sentence_peers().items():
        mbps = speed(raw, peer_texts, 1)
        quality = (
            evaluate_golden_rules(args.data, split=fn)["passed"] / 48 * 100,
            100 * evaluate_sentences(docs, split=fn).f1,
            100 * evaluate_sentences(news, split=fn).f1,
        )
        rows.append([name, *quality, *mbps, ours_single[1] / mbps[1]])
        print(f"  measured {name}", file=sys.stderr)
    print("## Sentence splitting\n")
    print(table(["tool", "Golden Rules %", "UD dev F1", "GUM news F1", *SPEED_COLUMNS], rows))
    print(f"\nbatch on all cores / single thread (wall): {ours_batch / ours_single[0]:.2f}x\n")

    tokenizer = stancekit.Tokenizer()
    tok_single = speed(lambda t: tokenizer.tokenize_offsets(t), texts, args.repeat)
    tok_objects = speed(lambda t: tokenizer.tokenize(t), texts, args.repeat)
    tok_batch = mb(texts) / time_best(lambda: tokenizer.tokenize_offsets_batch(texts), args.repeat)
    rows = [
        ["**stancekit** (offsets, 1 thread)", 100 * evaluate_tokens(docs, tokenizer).f1, *tok_single, 1.0],
        ["stancekit (Token objects, 1 thread)", "", *tok_objects, ""],
        ["stancekit batch (offsets, all cores)", "", tok_batch, "", ""],
    ]
    for name, (raw, fn) in token_peers().items():
        mbps = speed(raw, peer_texts, 1)
        rows.append([name, 100 * evaluate_tokens(docs, tokenize=fn).f1, *mbps, tok_single[1] / mbps[1]])
        print(f"  measured {name}", file=sys.stderr)
    print("## Word tokenization (exact span F1 against UD words)\n")
    print(table(["tool", "UD dev F1", *SPEED_COLUMNS], rows))
    print(f"\nbatch on all cores / single thread (wall): {tok_batch / tok_single[0]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
