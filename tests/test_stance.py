"""StanceTagger / Stance: API behaviour, pickling, batch == single, offsets, bad inputs."""

from __future__ import annotations

import copy
import math
import pickle
import time
from collections.abc import Callable

import pytest

import stancekit
from stancekit import ConfigError, SerializationError, Stance, StanceTagger

TARGETS = {
    "Nicolas Maduro": ["Maduro"],
    "Juan Guaido": ["Guaido", "Guaidó"],
    "United States": ["US", "U.S.", "Washington"],
}

TEXT = (
    "Maduro has long been backed by Russia, Bolivia, Iran, Cuba and Turkey.\n\n"
    "Guaidó was recognized as interim president by Canada, Peru (except for Mexico) and the OAS. "
    "Italy did not recognize Guaido. “We reject this coup,” said Cuba’s foreign minister."
)


@pytest.fixture(scope="module")
def tagger() -> StanceTagger:
    return StanceTagger(TARGETS)


def triples(found: list[Stance]) -> set[tuple[str, str, str]]:
    return {(s.holder, s.target, s.stance) for s in found}


def test_exported() -> None:
    assert stancekit.StanceTagger is StanceTagger
    assert stancekit.Stance is Stance


def test_passive_list_exception_negation(tagger: StanceTagger) -> None:
    got = triples(tagger.tag(TEXT))
    for country in ("Russia", "Bolivia", "Iran", "Cuba", "Turkey"):
        assert (country, "Nicolas Maduro", "FAVOR") in got
    assert ("Canada", "Juan Guaido", "FAVOR") in got
    assert ("Peru", "Juan Guaido", "FAVOR") in got
    assert ("Organization of American States", "Juan Guaido", "FAVOR") in got
    assert not any(h == "Mexico" for h, _, _ in got)
    assert not any(h == "Italy" for h, _, _ in got)


def test_fields_and_offsets(tagger: StanceTagger) -> None:
    found = tagger.tag(TEXT)
    assert found
    for s in found:
        assert s.stance in ("FAVOR", "AGAINST")
        assert 0.0 <= s.score <= 1.0
        assert s.rule
        assert TEXT[s.cue_span[0] : s.cue_span[1]] == s.cue
        s0, s1 = s.sentence
        assert 0 <= s0 <= s1 <= len(TEXT)
        for span in (s.holder_span, s.target_span, s.cue_span):
            if span is not None:
                assert s0 <= span[0] <= span[1] <= s1
        assert s.target in TARGETS


def test_offsets_index_original_text_with_non_ascii(tagger: StanceTagger) -> None:
    text = "¿Qué? “Guaidó’s rival” — 😀 Maduro was backed by Moscow. Washington slammed Maduro."
    found = tagger.tag(text)
    assert ("Russia", "Nicolas Maduro", "FAVOR") in triples(found)
    assert ("United States", "Nicolas Maduro", "AGAINST") in triples(found)
    for s in found:
        assert text[s.cue_span[0] : s.cue_span[1]] == s.cue
        h0, h1 = s.holder_span
        t0, t1 = s.target_span
        assert text[t0:t1] == "Maduro"
        assert text[h0:h1] in ("Moscow", "Washington")


def test_accents_and_quote_styles(tagger: StanceTagger) -> None:
    a = triples(tagger.tag("Brazil backed Guaidó’s claim and praised Guaidó."))
    b = triples(tagger.tag("Brazil backed Guaido's claim and praised Guaido."))
    assert a == b
    assert ("Brazil", "Juan Guaido", "FAVOR") in a


def test_reported_speech_and_hyphen(tagger: StanceTagger) -> None:
    got = triples(tagger.tag("Cuba denounced the US-backed Guaido as a puppet."))
    assert ("United States", "Juan Guaido", "FAVOR") in got
    assert ("Cuba", "Juan Guaido", "AGAINST") in got
    got = triples(tagger.tag('"We will never accept this usurper," Maduro said of Guaido.'))
    assert all(h == "Nicolas Maduro" for h, _, _ in got)


def test_batch_equals_single(tagger: StanceTagger) -> None:
    texts = [TEXT, "", "Washington slammed Maduro.", "?!", TEXT * 3] * 5
    batch = tagger.tag_batch(texts)
    assert batch == [tagger.tag(t) for t in texts]
    assert tagger.tag_batch(iter(texts[:3])) == batch[:3]
    assert tagger.tag_batch([]) == []


def test_stance_value_semantics(tagger: StanceTagger) -> None:
    found = tagger.tag(TEXT)
    s = found[0]
    assert pickle.loads(pickle.dumps(s)) == s
    assert copy.deepcopy(s) == s
    assert hash(pickle.loads(pickle.dumps(s))) == hash(s)
    assert sorted(found) == sorted(
        found, key=lambda x: (x.sentence, x.cue_span, x.holder, x.target, x.stance)
    )
    d = s.to_dict()
    assert set(d) == {
        "holder",
        "holder_span",
        "target",
        "target_span",
        "stance",
        "cue",
        "cue_span",
        "sentence",
        "score",
        "rule",
    }
    assert Stance(**d) == s
    with pytest.raises(AttributeError):
        s.holder = "x"  # type: ignore[misc]
    with pytest.raises(ValueError, match="stance"):
        Stance(**{**d, "stance": "MAYBE"})
    assert "Stance(" in repr(s)


def test_tagger_pickle_json_equality(tagger: StanceTagger) -> None:
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone == tagger
    assert hash(clone) == hash(tagger)
    assert clone.targets == TARGETS
    assert clone.tag(TEXT) == tagger.tag(TEXT)
    fn, args = tagger.__reduce__()
    assert fn == StanceTagger.from_json
    assert isinstance(args[0], str)
    assert StanceTagger.from_json(tagger.to_json()) == tagger
    assert StanceTagger(TARGETS, actors={"Grupo X": ["the Grupo"]}) != tagger
    with pytest.raises(AttributeError):
        tagger.targets = {}  # type: ignore[misc]
    assert "StanceTagger(" in repr(tagger)


def test_syntax_engine() -> None:
    # The parse-based engine alone: same types, offsets and value semantics as the default.
    t = StanceTagger(TARGETS, engine="syntax")
    assert t.engine == "syntax"
    assert StanceTagger(TARGETS).engine == "combined"
    text = "Élysée staff met in São Paulo. Brazil’s president then condemned Maduro on Monday."
    found = t.tag(text)
    assert ("Brazil", "Nicolas Maduro", "AGAINST") in triples(found)
    for s in found:
        assert text[s.cue_span[0] : s.cue_span[1]] == s.cue
        assert s.target_span is not None
        assert text[s.target_span[0] : s.target_span[1]] == "Maduro"
        assert s.holder_span is not None
        assert text[s.holder_span[0] : s.holder_span[1]] == "Brazil"
        assert s.sentence == (31, len(text))
    assert t.tag_batch([text, ""]) == [found, []]
    clone = pickle.loads(pickle.dumps(t))
    assert clone == t
    assert clone.engine == "syntax"
    assert clone != StanceTagger(TARGETS)
    assert '"engine":"syntax"' in t.to_json()
    assert "engine" not in StanceTagger(TARGETS).to_json()
    assert StanceTagger.from_json(StanceTagger(TARGETS, engine="rules").to_json()).engine == "rules"
    with pytest.raises(ConfigError, match="engine"):
        StanceTagger(TARGETS, engine="neural")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        StanceTagger(TARGETS, engine=1)  # type: ignore[arg-type]


def test_the_combined_engine_is_the_rules_plus_the_frames_toward_targets_they_missed() -> None:
    rules, syntax, combined = (StanceTagger(TARGETS, engine=e) for e in ("rules", "syntax", "combined"))
    text = (
        "Brazil strongly condemned Maduro on Monday.\n\n"
        "Hezbollah, which has long backed the Maduro government, sent advisers."
    )
    from_rules, from_frames, both = (triples(t.tag(text)) for t in (rules, syntax, combined))
    assert ("Brazil", "Nicolas Maduro", "AGAINST") in from_rules & both
    assert ("Hezbollah", "Nicolas Maduro", "FAVOR") in (from_frames - from_rules) & both
    assert both <= from_rules | from_frames
    # In text order, each stance in one of the splitter's sentences.
    found = combined.tag(text)
    assert [s.sentence for s in found] == sorted(s.sentence for s in found)
    assert {s.sentence for s in found} <= {(s.start, s.end) for s in stancekit.split_sentences(text)}


def test_default_targets_and_user_actors() -> None:
    t = StanceTagger()
    assert t.targets is None
    got = triples(t.tag("Russia backed Venezuela's Maduro. Acme Corp condemned Brazil."))
    assert ("Russia", "Nicolas Maduro", "FAVOR") in got
    t2 = StanceTagger(actors={"Acme Corporation": ["Acme Corp"]})
    assert ("Acme Corporation", "Brazil", "AGAINST") in triples(t2.tag("Acme Corp condemned Brazil."))


def test_targets_from_texts() -> None:
    texts = [
        "Juan Guaido met Maduro. Guaido spoke again.",
        "Maduro replied. Maduro left.",
        "Maria Lopez wrote.",
    ]
    people = StanceTagger.targets_from_texts(texts, n=2)
    assert list(people) == ["Nicolas Maduro", "Juan Guaido"]
    assert "Guaido" in people["Juan Guaido"]
    assert StanceTagger(people).tag("Washington backed Guaido.")
    assert StanceTagger.targets_from_texts([], n=3) == {}


def test_classify(tagger: StanceTagger) -> None:
    text = "Critics slammed Maduro for the crackdown, while Brazil praised Guaidó."
    m = text.index("Maduro")
    g = text.index("Guaidó")
    assert tagger.classify(text, (m, m + 6)) == "AGAINST"
    assert tagger.classify(text, (g, g + 6)) == "FAVOR"
    assert tagger.classify("Maduro spoke on Monday.", (0, 6)) == "NONE"
    for span, message in [((500, 510), "outside the text"), ((5, 2), "reversed"), ((-1, 5), ">= 0")]:
        with pytest.raises(stancekit.ArgumentError, match=message):
            tagger.classify(text, span)


@pytest.mark.parametrize(
    ("targets", "match"),
    [
        ({}, "empty"),
        ({"Nicolas Maduro": ["the"]}, "stop word"),
        ({"Alpha": ["Xeno"], "Beta": ["Xeno"]}, "shared"),
        ({"": ["X"]}, "empty"),
        ({"Alpha": [""]}, "empty"),
    ],
)
def test_bad_targets(targets: dict[str, list[str]], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        StanceTagger(targets)


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        StanceTagger(["Maduro"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        StanceTagger({"Maduro": "Maduro"})  # type: ignore[dict-item]
    with pytest.raises(ConfigError):
        StanceTagger(TARGETS, min_score=2.0)
    t = StanceTagger(TARGETS)
    with pytest.raises(TypeError, match="str"):
        t.tag(b"Maduro")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        t.tag(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        t.tag_batch("Maduro")
    with pytest.raises(TypeError):
        t.tag_batch(["ok", 3])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "bad", ["{", "[]", '{"type": "Tokenizer", "version": 1}', '{"type": "StanceTagger"}']
)
def test_bad_json(bad: str) -> None:
    with pytest.raises(SerializationError):
        StanceTagger.from_json(bad)


def test_newer_version_json() -> None:
    with pytest.raises(stancekit.VersionError):
        StanceTagger.from_json('{"type": "StanceTagger", "version": 999, "config": {}}')


def test_degenerate_texts(tagger: StanceTagger) -> None:
    assert tagger.tag("") == []
    assert tagger.tag("?!... ,,, “” — ¿¡") == []
    assert tagger.tag("Nobody mentions any target here at all.") == []
    assert tagger.tag("\ud800 Maduro was backed by Russia.")  # lone surrogate is read as U+FFFD


def test_min_score(tagger: StanceTagger) -> None:
    strict = StanceTagger(TARGETS, min_score=0.99)
    assert strict.min_score == 0.99
    assert len(strict.tag(TEXT)) < len(tagger.tag(TEXT))


def _best_seconds(call: Callable[[], object], runs: int = 3) -> float:
    best = math.inf
    for _ in range(runs):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [(TEXT + "\n") * 2500, "Maduro was backed by Russia and " * 20000],
    ids=["paragraphs", "one-sentence-without-end"],
)
def test_large_text_is_linear(tagger: StanceTagger, unit: str) -> None:
    # 0.6 MB and 8 times as much: linear time is a ratio near 8 (quadratic would be 64).
    big = unit * 8
    found = tagger.tag(big)
    assert len(found) >= 8 * len(tagger.tag(unit)) > 0
    ratio = _best_seconds(lambda: tagger.tag(big)) / _best_seconds(lambda: tagger.tag(unit))
    assert ratio < 8 * 2.5, f"8x the text took {ratio:.1f}x the time"
