"""Shared fixtures.

Tests that read the gold data in ``../shared/data`` use the ``shared_data`` fixture: it skips
with a clear reason when the data is absent (a user's fresh clone), and fails instead when the
environment variable ``STANCEKIT_REQUIRE_GOLD=1`` is set (``.ci/run`` sets it), so CI always
runs them. ``STANCEKIT_SHARED_DATA`` points elsewhere if the data lives in another place.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("STANCEKIT_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The directory of the gold data (``../shared/data``), or skip/fail when absent."""
    if not SHARED_DATA.is_dir():
        reason = (
            f"gold data not found at {SHARED_DATA} (set STANCEKIT_SHARED_DATA to its location); "
            "quality tests need the project's ../shared/data"
        )
        if os.environ.get("STANCEKIT_REQUIRE_GOLD") == "1":
            pytest.fail(reason + " and STANCEKIT_REQUIRE_GOLD=1 requires it")
        pytest.skip(reason)
    return SHARED_DATA


# Hypothesis profiles, chosen by the environment variable HYPOTHESIS_PROFILE:
# - dev (default): a quick look on every local run;
# - ci: what .ci/run uses, 20,000 examples per property;
# - slow: local fuzzing, a million examples per property (hours):
#   HYPOTHESIS_PROFILE=slow pytest tests/test_properties.py --timeout=0
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile(
    "ci", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "slow", max_examples=1_000_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
