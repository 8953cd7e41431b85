"""Shared test helpers: build targets and catalogues in code, and find the bundled files."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from gxcheck.model import (
    Actual,
    Area,
    Bound,
    Catalogue,
    Commitment,
    Kind,
    Op,
    Plan,
    Quantity,
    Scorecard,
    Target,
    Text,
)
from gxcheck.periods import Period
from gxcheck.targets import load_targets

# The fast path's expressions need Python 3.11 (possessive quantifiers); on 3.10 it is off
# (gxcheck.actuals.FAST_PATH) and its tests cannot even be imported.
collect_ignore = ["test_prefilter.py"] if sys.version_info < (3, 11) else []

# The default run stays quick; `make fuzz` selects the long profile.
settings.register_profile("default", max_examples=100)
settings.register_profile("fuzz", max_examples=10_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
# The catalogue cache (gxcheck.cache) of a test run lives in a directory of its own, never in
# the user's; tests/test_cache.py points it elsewhere for each of its tests.
os.environ["GXCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="gxcheck-test-cache-")
# Every report says when it was made: a CLI run in a test is made at one fixed time
# (2026-12-01T00:00:00Z), so that two runs compare equal whatever the clock says between them.
# Tests of the time itself set or delete it (tests/test_stamp.py).
os.environ["SOURCE_DATE_EPOCH"] = "1796083200"

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
# The bundled catalogues are package data; the repository holds them only here.
BUNDLED_DIR = ROOT / "gxcheck" / "data"
CATALOGUE_2024 = BUNDLED_DIR / "2024.yaml"


def D(value: str | int | float) -> Decimal:
    return Decimal(str(value))


def make_target(
    id: str = "t",
    *,
    kind: Kind = Kind.INCREMENT,
    op: Op = Op.GE,
    value: Any = 100,
    unit: str = "个",
    area: str = "headline",
    **extra: Any,
) -> Target:
    """A target with sensible defaults; numbers may be given as int/float/str."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = D(value)
    for key in ("tolerance", "near_band"):
        if key in extra and extra[key] is not None:
            extra[key] = D(extra[key])
    if isinstance(extra.get("baseline"), (int, float)):
        extra["baseline"] = D(extra["baseline"])
    if kind is Kind.MILESTONE:
        extra.setdefault("deadline", dt.date(2024, 12, 31))
    extra.setdefault("commitment", Commitment.PLAIN)
    extra.setdefault("quote", "quote")
    return Target(
        id=id, area=area, name=Text(f"{id} zh", f"{id} en"), kind=kind, op=op, value=value, unit=unit, **extra
    )


def make_catalogue(*targets: Target, near_fraction: str = "0.1") -> Catalogue:
    plan = Plan(
        Text("计划", "Plan"),
        2024,
        dt.date(2024, 3, 1),
        Text("发布者", "Publisher"),
        "https://example.invalid",
    )
    return Catalogue(
        plan,
        (Area("headline", Text("主要预期目标", "Headline targets")),),
        targets,
        Decimal(near_fraction),
        "test.yaml",
    )


def quantity(value: str | int | float, bound: Bound = Bound.EXACT) -> Quantity:
    return Quantity(D(value), bound)


def make_actual(target_id: str, parsed: Any, *, period: Period | None = None, raw: str = "") -> Actual:
    if isinstance(parsed, (int, float, str)) and not isinstance(parsed, bool) and not isinstance(parsed, str):
        parsed = quantity(parsed)
    return Actual(target_id=target_id, period=period or Period(2024), raw=raw or str(parsed), parsed=parsed)


@pytest.fixture(scope="session")
def bundled() -> Catalogue:
    return load_targets()


@pytest.fixture(scope="session")
def card_2024() -> Scorecard:
    """The real 2024 scorecard, with paths shown relative to the project as the CLI shows them."""
    from gxcheck import load_actuals, score

    old = Path.cwd()
    os.chdir(ROOT)
    try:
        catalogue = load_targets()
        return score(catalogue, load_actuals("actuals/2024.csv", catalogue).actuals)
    finally:
        os.chdir(old)
