"""The StanceTagger with a trained classifier plugged in (issue 4): re-scoring, config, pickling."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import stancekit
from stancekit import StanceClassifier, StanceTagger
from stancekit.eval import load_gold, score_stances
from stancekit.eval.project import EVAL_TARGETS

TARGETS = {"Nicolas Maduro": ["Maduro"], "Juan Guaido": ["Guaido", "Guaidó"]}
TEXT = (
    "Maduro was supported by Russia, Cuba and Bolivia. Washington recognised Guaidó as interim president. "
    "The European Union condemned Maduro's crackdown."
)


def _key(s: stancekit.Stance) -> tuple[object, ...]:
    return (s.holder, s.holder_span, s.target, s.target_span, s.stance, s.cue_span, s.sentence)


def test_default_classifier_rescores_without_changing_the_triples() -> None:
    rules = StanceTagger(targets=TARGETS).tag(TEXT)
    tagger = StanceTagger(targets=TARGETS, classifier="default")
    rescored = tagger.tag(TEXT)
    assert tagger.classifier == "default"
    assert StanceTagger(targets=TARGETS).classifier is None
    assert [_key(s) for s in rescored] == [_key(s) for s in rules]
    assert all(s.rule.endswith("+clf") for s in rescored)
    assert all(0.0 <= s.score <= 1.0 for s in rescored)
    assert [s.score for s in rescored] != [s.score for s in rules]
    assert tagger.tag_batch([TEXT, ""]) == [rescored, []]


def test_tagger_with_classifier_pickles_as_config() -> None:
    tagger = StanceTagger(targets=TARGETS, classifier="default")
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone == tagger
    assert clone.classifier == "default"
    assert StanceTagger.from_json(tagger.to_json()).tag(TEXT) == tagger.tag(TEXT)


def test_a_user_trained_classifier_can_be_plugged_in() -> None:
    texts = ["Russia backs Maduro.", "The US condemned Maduro.", "Maduro spoke on Monday."] * 4
    labels = ["FAVOR", "AGAINST", "NONE"] * 4
    clf = StanceClassifier(min_df=1, max_iter=20).fit(texts, ["Maduro"] * len(texts), labels)
    tagger = StanceTagger(targets=TARGETS, classifier=clf)
    assert tagger.classifier == "custom"
    found = tagger.tag(TEXT)
    assert [_key(s) for s in found] == [_key(s) for s in StanceTagger(targets=TARGETS).tag(TEXT)]
    assert pickle.loads(pickle.dumps(tagger)).tag(TEXT) == found


def test_bad_classifiers_are_rejected_clearly() -> None:
    texts = ["good news for Maduro", "bad news for Maduro"] * 3
    no_favor = StanceClassifier(min_df=1, max_iter=5).fit(texts, ["Maduro"] * 6, ["POS", "NEG"] * 3)
    with pytest.raises(stancekit.ConfigError, match="FAVOR and AGAINST"):
        StanceTagger(targets=TARGETS, classifier=no_favor)
    with pytest.raises(ValueError, match='not the string "best"'):
        StanceTagger(targets=TARGETS, classifier="best")
    with pytest.raises(TypeError, match="not int"):
        StanceTagger(targets=TARGETS, classifier=5)  # type: ignore[arg-type]


def test_seed_f1_does_not_fall_with_the_classifier(shared_data: Path) -> None:
    gold = load_gold(shared_data / "seeds", targets=EVAL_TARGETS)
    rules = score_stances(gold.tag(StanceTagger(targets=EVAL_TARGETS)), gold)
    with_classifier = score_stances(gold.tag(StanceTagger(targets=EVAL_TARGETS, classifier="default")), gold)
    assert with_classifier.f1 >= rules.f1
    assert with_classifier.f_avg >= rules.f_avg
    assert with_classifier.f1 >= 0.80
