"""Properties of the verdict rules that must hold for every target and figure, not just the examples."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import hypothesis.strategies as st
from conftest import D, make_actual, make_catalogue, make_target
from hypothesis import given, settings

from gxcheck.evaluate import judge, score
from gxcheck.model import Actual, Bound, Kind, Op, Quantity, Status, Target
from gxcheck.periods import Period
from gxcheck.record import replace

YEAR = Period(2024)
SETTINGS = settings(max_examples=80, deadline=None)

# met < near < missed: a smaller rank is a better verdict.
RANK = {Status.MET: 0, Status.NEAR: 1, Status.MISSED: 2}
MORE_IS_BETTER = (Op.GE, Op.GT, Op.ABOUT)
LESS_IS_BETTER = (Op.LE, Op.LT)


def decimals(low: int = -100_000, high: int = 100_000) -> st.SearchStrategy[Decimal]:
    """Numbers with two decimals, as figures are published (hundredths of the unit)."""
    return st.integers(low, high).map(lambda n: Decimal(n) / 100)


@st.composite
def numeric_targets(draw: st.DrawFn) -> Target:
    op = draw(st.sampled_from(MORE_IS_BETTER + LESS_IS_BETTER))
    kinds = [Kind.GROWTH, Kind.INCREMENT, Kind.LEVEL, Kind.SHARE]
    if op in LESS_IS_BETTER:
        kinds += [Kind.CEILING, Kind.RANK]
    kind = draw(st.sampled_from(kinds))
    extra: dict[str, Any] = {}
    if op is Op.ABOUT:
        extra["tolerance"] = draw(decimals(1, 500))
    if kind is Kind.LEVEL:
        extra["baseline"] = draw(st.none() | decimals())
    extra["near_band"] = draw(st.none() | decimals(0, 5_000))
    return make_target("t", kind=kind, op=op, value=draw(decimals()), **extra)


def status_of(target: Target, figure: Quantity, near_fraction: Decimal) -> Status:
    actual = make_actual(target.id, figure)
    return judge(target, actual, YEAR, near_fraction).status


near_fractions = st.sampled_from([D("0"), D("0.05"), D("0.1"), D("0.2"), D("0.5")])


def better(target: Target, figure: Decimal, step: Decimal) -> Decimal:
    """A figure ``step`` better than ``figure`` for this target."""
    return figure + step if target.op in MORE_IS_BETTER else figure - step


@SETTINGS
@given(numeric_targets(), decimals(), decimals(0, 100_000), near_fractions)
def test_a_met_target_stays_met_when_the_figure_improves(
    target: Target, figure: Decimal, step: Decimal, near_fraction: Decimal
) -> None:
    if status_of(target, Quantity(figure), near_fraction) is Status.MET:
        assert status_of(target, Quantity(better(target, figure, step)), near_fraction) is Status.MET


@SETTINGS
@given(numeric_targets(), decimals(), decimals(0, 100_000), near_fractions)
def test_a_better_figure_never_gets_a_worse_verdict(
    target: Target, figure: Decimal, step: Decimal, near_fraction: Decimal
) -> None:
    worse = status_of(target, Quantity(figure), near_fraction)
    improved = status_of(target, Quantity(better(target, figure, step)), near_fraction)
    assert RANK[improved] <= RANK[worse]


@SETTINGS
@given(numeric_targets(), decimals(), near_fractions)
def test_an_exact_figure_is_always_decided(target: Target, figure: Decimal, near_fraction: Decimal) -> None:
    result = judge(target, make_actual(target.id, Quantity(figure)), YEAR, near_fraction)
    assert result.decided is True
    assert result.status in RANK


# Which exact figures a published bound allows: (bound, figure relative to the bound's number).
ALLOWED_SIDE = {Bound.GT: (1,), Bound.GE: (0, 1), Bound.LT: (-1,), Bound.LE: (0, -1)}


@SETTINGS
@given(
    numeric_targets(),
    st.sampled_from([Bound.GT, Bound.GE, Bound.LT, Bound.LE]),
    decimals(),
    st.data(),
    near_fractions,
)
def test_a_bound_is_never_judged_better_than_a_figure_it_allows(
    target: Target, which: Bound, edge: Decimal, data: st.DataObject, near_fraction: Decimal
) -> None:
    side = data.draw(st.sampled_from(ALLOWED_SIDE[which]))
    distance = Decimal(0) if side == 0 else data.draw(decimals(1, 100_000))
    allowed = edge + side * distance
    on_bound = judge(target, make_actual(target.id, Quantity(edge, which)), YEAR, near_fraction)
    exact = status_of(target, Quantity(allowed), near_fraction)
    assert RANK[on_bound.status] >= RANK[exact]
    if on_bound.decided:
        assert on_bound.status is exact


TARGET_IDS = ("a", "b", "c", "d")
PERIODS = [Period(2024, m) for m in (3, 6, 9, 12)]


@st.composite
def scored_inputs(draw: st.DrawFn) -> tuple[list[Target], list[Actual]]:
    targets = [replace(draw(numeric_targets()), id=i) for i in TARGET_IDS]
    # At most one figure per target and period, as the CSV loader guarantees.
    keys = draw(st.sets(st.tuples(st.sampled_from(TARGET_IDS), st.sampled_from(PERIODS)), max_size=12))
    actuals = [make_actual(i, Quantity(draw(decimals())), period=p) for i, p in sorted(keys, key=str)]
    return targets, actuals


@settings(max_examples=40, deadline=None)
@given(scored_inputs(), st.data(), st.none() | st.sampled_from(PERIODS))
def test_verdicts_do_not_depend_on_the_order_of_the_actuals(
    inputs: tuple[list[Target], list[Actual]], data: st.DataObject, as_of: Period | None
) -> None:
    targets, actuals = inputs
    catalogue = make_catalogue(*targets)
    shuffled = data.draw(st.permutations(actuals))
    first = score(catalogue, actuals, as_of=as_of)
    second = score(catalogue, shuffled, as_of=as_of)
    assert first == second
    assert [r.target.id for r in second.results] == list(TARGET_IDS)
