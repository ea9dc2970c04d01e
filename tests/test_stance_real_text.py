"""The stance engines on real text of other data sets: no input of theirs may reach a Rust panic.

Every PerSenT dev document and FNC-1 train body is tagged with its three most mentioned people
as targets (`StanceTagger.targets_from_texts`), as an analyst with no target list would. These
texts are crime, sport, celebrity and politics news with stray quotes, missing commas and
double spaces: sentences the gold folders do not have. A panic caught at the binding boundary
surfaces as `stancekit.InternalError`, which these tests forbid.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from stancekit import STANCE_ENGINES, StanceTagger


def real_texts(data: Path) -> Iterator[str]:
    for name, field in (("persent/dev_doc.jsonl", "text"), ("fnc1/bodies_train.jsonl", "body")):
        for line in (data / "stance" / name).read_text(encoding="utf-8").splitlines():
            yield json.loads(line)[field]


@pytest.mark.parametrize("engine", STANCE_ENGINES)
def test_every_engine_tags_real_news_of_other_sets_without_an_internal_error(
    shared_data: Path, engine: str
) -> None:
    tagged = found = 0
    for text in real_texts(shared_data):
        targets = dict(StanceTagger.targets_from_texts([text], 3))
        if not targets:
            continue
        stances = StanceTagger(targets, engine=engine).tag(text)
        tagged += 1
        found += len(stances)
        for s in stances:
            assert s.holder != s.target
            assert text[s.cue_span[0] : s.cue_span[1]].strip()
    # The sets are large and the engines find stances in them (the default engine ~540).
    assert tagged > 2000
    assert found > 100
