"""The verdict rules of gxcheck.evaluate: one table per rule, then score() and the Scorecard.

Every figure is written as a string and turned into a Decimal, so that the boundaries
(exactly at the target, exactly at the edge of the near band) are exact.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from conftest import D, make_actual, make_catalogue, make_target, quantity

from gxcheck.evaluate import judge, score
from gxcheck.model import Area, Bound, Catalogue, Commitment, Kind, Op, Quantity, Result, Status, Target, Text
from gxcheck.periods import Period
from gxcheck.record import replace
from gxcheck.render.words import reason

YEAR = Period(2024)
H1 = Period(2024, 6)

# Targets modelled on the 2024 plan.
ROADS = make_target("roads", op=Op.GE, value=100, unit="公里")  # 道路…100公里以上
ROADS_OVER = make_target("roads_over", op=Op.GT, value=100, unit="公里")  # 道路各超100公里
GDP = make_target("gdp_growth", kind=Kind.GROWTH, op=Op.ABOUT, value=8, tolerance="0.5", unit="%")
HIGH_TECH = make_target("high_tech", kind=Kind.LEVEL, op=Op.GE, value=550, baseline=402, unit="家")
SPENDING = make_target("spending_growth", kind=Kind.GROWTH, op=Op.LE, value=0, unit="%")  # 只减不增
ACCIDENTS = make_target("accidents", kind=Kind.CEILING, op=Op.LE, value=0, unit="起")
AIR_RANK = make_target("air_rank", kind=Kind.RANK, op=Op.LE, value=3, unit="位")
POSITIVE = make_target("laptops_growth", kind=Kind.GROWTH, op=Op.GT, value=0, unit="%")  # 正增长
AT_MOST_100 = make_target("at_most", op=Op.LE, value=100)
BELOW_5 = make_target("below", kind=Kind.SHARE, op=Op.LT, value=5, unit="%")
WATER = make_target(
    "water_class", kind=Kind.ORDINAL, op=Op.LE, value="Ⅳ", scale=("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"), unit="类"
)
RATING = make_target("rating", kind=Kind.ORDINAL, op=Op.LE, value="AAA", scale=("AAA", "AA+", "AA"), unit="")
COVERAGE = make_target("bus_coverage", kind=Kind.SHARE, op=Op.EQ, value=100, unit="%")  # 全覆盖


def milestone(deadline: dt.date) -> Target:
    return make_target("tunnel", kind=Kind.MILESTONE, op=Op.DONE, value=True, unit="", deadline=deadline)


def verdict(target: Target, figure: Any, *, period: Period = YEAR, near_fraction: str = "0.1") -> Result:
    """Judge one figure: a numeric string (exact), a Quantity, a scale label, a bool, or None."""
    if isinstance(figure, str) and target.kind is not Kind.ORDINAL:
        figure = quantity(figure)
    actual = None if figure is None else make_actual(target.id, figure, period=period)
    return judge(target, actual, period, D(near_fraction))


def bound(text: str) -> Quantity:
    """A published figure written ">100", ">=100", "<5", "<=95"; a plain number is exact."""
    for symbol, which in ((">=", Bound.GE), ("<=", Bound.LE), (">", Bound.GT), ("<", Bound.LT)):
        if text.startswith(symbol):
            return quantity(text[len(symbol) :], which)
    return quantity(text)


# --- more is better: >= -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "figure", "near_fraction", "expected"),
    [
        pytest.param(ROADS, "100", "0.1", Status.MET, id="exactly-at-value-met"),
        pytest.param(ROADS, "100.01", "0.1", Status.MET, id="just-above-met"),
        pytest.param(ROADS, "250", "0.1", Status.MET, id="far-above-met"),
        pytest.param(ROADS, "99.99", "0.1", Status.NEAR, id="just-below-near"),
        pytest.param(ROADS, "90", "0.1", Status.NEAR, id="band-edge-inclusive-near"),
        pytest.param(ROADS, "89.99", "0.1", Status.MISSED, id="below-band-missed"),
        pytest.param(ROADS, "0", "0.1", Status.MISSED, id="zero-missed"),
        pytest.param(ROADS, "80", "0.2", Status.NEAR, id="wider-near-fraction-near"),
        pytest.param(ROADS, "79.99", "0.2", Status.MISSED, id="wider-near-fraction-missed"),
        pytest.param(ROADS, "99.99", "0", Status.MISSED, id="near-fraction-0-no-band"),
        pytest.param(HIGH_TECH, "550", "0.1", Status.MET, id="level-at-value-met"),
        pytest.param(HIGH_TECH, "535.2", "0.1", Status.NEAR, id="level-band-of-rise-edge-near"),
        pytest.param(HIGH_TECH, "535.1", "0.1", Status.MISSED, id="level-band-of-rise-below-missed"),
        pytest.param(
            make_target(kind=Kind.LEVEL, op=Op.GE, value=550, unit="家"),
            "495",
            "0.1",
            Status.NEAR,
            id="level-without-baseline-band-of-value",
        ),
        pytest.param(
            make_target(kind=Kind.GROWTH, op=Op.GE, value=12, baseline="21.7", unit="%"),
            "10.8",
            "0.1",
            Status.NEAR,
            id="growth-baseline-ignored-edge-near",
        ),
        pytest.param(
            make_target(kind=Kind.GROWTH, op=Op.GE, value=12, baseline="21.7", unit="%"),
            "10.79",
            "0.1",
            Status.MISSED,
            id="growth-baseline-ignored-below-missed",
        ),
        pytest.param(
            make_target(kind=Kind.GROWTH, op=Op.GE, value=-5, unit="%"),
            "-5.5",
            "0.1",
            Status.NEAR,
            id="negative-value-band-edge-near",
        ),
        pytest.param(
            make_target(kind=Kind.GROWTH, op=Op.GE, value=-5, unit="%"),
            "-5.51",
            "0.1",
            Status.MISSED,
            id="negative-value-missed",
        ),
    ],
)
def test_at_least(target: Target, figure: str, near_fraction: str, expected: Status) -> None:
    assert verdict(target, figure, near_fraction=near_fraction).status is expected


@pytest.mark.parametrize(
    ("near_band", "figure", "expected"),
    [
        pytest.param("5", "95", Status.NEAR, id="band-5-edge-near"),
        pytest.param("5", "94.99", Status.MISSED, id="band-5-below-missed"),
        pytest.param("30", "70", Status.NEAR, id="band-30-wider-than-fraction"),
        pytest.param("0", "99.99", Status.MISSED, id="band-0-nothing-is-near"),
    ],
)
def test_near_band_overrides_near_fraction(near_band: str, figure: str, expected: Status) -> None:
    target = make_target(op=Op.GE, value=100, near_band=near_band)
    assert verdict(target, figure, near_fraction="0.1").status is expected


def test_near_band_overrides_the_band_of_a_level_with_baseline() -> None:
    target = make_target(kind=Kind.LEVEL, op=Op.GE, value=550, baseline=402, near_band=20, unit="家")
    assert verdict(target, "530").status is Status.NEAR
    assert verdict(target, "529.99").status is Status.MISSED


# --- more is better: > (超) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "figure", "expected"),
    [
        pytest.param(ROADS_OVER, "100", Status.NEAR, id="exactly-at-value-not-met"),
        pytest.param(ROADS_OVER, "100.01", Status.MET, id="just-above-met"),
        pytest.param(ROADS_OVER, "90", Status.NEAR, id="band-edge-near"),
        pytest.param(ROADS_OVER, "89.99", Status.MISSED, id="below-band-missed"),
        pytest.param(POSITIVE, "0.1", Status.MET, id="positive-growth-met"),
        pytest.param(POSITIVE, "0", Status.MISSED, id="zero-growth-is-not-positive"),
        pytest.param(POSITIVE, "-0.1", Status.MISSED, id="decline-missed"),
    ],
)
def test_more_than(target: Target, figure: str, expected: Status) -> None:
    assert verdict(target, figure).status is expected


# --- about (左右) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        pytest.param("7.5", Status.MET, id="lower-edge-met"),
        pytest.param("8", Status.MET, id="at-value-met"),
        pytest.param("8.5", Status.MET, id="upper-edge-met"),
        pytest.param("9.9", Status.MET, id="exceeding-is-not-a-failure"),
        pytest.param("7.49", Status.NEAR, id="just-below-tolerance-near"),
        pytest.param("7.4", Status.NEAR, id="gdp-2024-near"),
        pytest.param("7.0", Status.NEAR, id="band-edge-near"),
        pytest.param("6.99", Status.MISSED, id="below-band-missed"),
    ],
)
def test_about(figure: str, expected: Status) -> None:
    assert verdict(GDP, figure).status is expected


def test_about_ignores_near_fraction_the_band_is_the_tolerance() -> None:
    assert verdict(GDP, "7.0", near_fraction="0").status is Status.NEAR
    assert verdict(GDP, "6.5", near_fraction="0.5").status is Status.MISSED


def test_about_with_its_own_near_band() -> None:
    target = make_target(kind=Kind.GROWTH, op=Op.ABOUT, value=8, tolerance="0.5", near_band="0.2", unit="%")
    assert verdict(target, "7.3").status is Status.NEAR
    assert verdict(target, "7.29").status is Status.MISSED


def test_about_gdp_near_reason_gap_and_ratio() -> None:
    result = verdict(GDP, "7.4")
    assert reason(result) == Text(
        "7.4 % < 8 % − 0.5（容差）；在基本完成区间内（≥ 7 %）",
        "7.4 % < 8 % − 0.5 tolerance; within the near band (≥ 7 %)",
    )
    assert result.gap == D("-0.6")
    assert result.ratio == D("0.925")
    assert result.decided is True


# --- less is better: <=, < ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "figure", "near_fraction", "expected"),
    [
        pytest.param(SPENDING, "0", "0.1", Status.MET, id="no-increase-met"),
        pytest.param(SPENDING, "-1", "0.1", Status.MET, id="decrease-met"),
        pytest.param(SPENDING, "0.1", "0.1", Status.MISSED, id="increase-missed-band-0"),
        pytest.param(ACCIDENTS, "0", "0.1", Status.MET, id="ceiling-no-accident-met"),
        pytest.param(ACCIDENTS, "1", "0.1", Status.MISSED, id="ceiling-one-accident-missed"),
        pytest.param(ACCIDENTS, "1", "0.5", Status.MISSED, id="ceiling-missed-whatever-near-fraction"),
        pytest.param(
            make_target(kind=Kind.CEILING, op=Op.LE, value=10, unit="起"),
            "11",
            "0.1",
            Status.MISSED,
            id="ceiling-10-has-no-band",
        ),
        pytest.param(
            make_target(kind=Kind.GROWTH, op=Op.LE, value=10, unit="%"),
            "11",
            "0.1",
            Status.NEAR,
            id="non-ceiling-10-has-a-band",
        ),
        pytest.param(AT_MOST_100, "50", "0.1", Status.MET, id="le-below-met"),
        pytest.param(AT_MOST_100, "100", "0.1", Status.MET, id="le-at-value-met"),
        pytest.param(AT_MOST_100, "100.01", "0.1", Status.NEAR, id="le-just-above-near"),
        pytest.param(AT_MOST_100, "110", "0.1", Status.NEAR, id="le-band-edge-near"),
        pytest.param(AT_MOST_100, "110.01", "0.1", Status.MISSED, id="le-above-band-missed"),
        pytest.param(BELOW_5, "4.99", "0.1", Status.MET, id="lt-just-below-met"),
        pytest.param(BELOW_5, "5", "0.1", Status.NEAR, id="lt-at-value-not-met"),
        pytest.param(BELOW_5, "5.5", "0.1", Status.NEAR, id="lt-band-edge-near"),
        pytest.param(BELOW_5, "5.51", "0.1", Status.MISSED, id="lt-above-band-missed"),
    ],
)
def test_less_is_better(target: Target, figure: str, near_fraction: str, expected: Status) -> None:
    assert verdict(target, figure, near_fraction=near_fraction).status is expected


def test_le_with_explicit_near_band() -> None:
    target = make_target(op=Op.LE, value=100, near_band=10)
    assert verdict(target, "110", near_fraction="0").status is Status.NEAR
    assert verdict(target, "110.01", near_fraction="0").status is Status.MISSED


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        pytest.param("1", Status.MET, id="first-met"),
        pytest.param("3", Status.MET, id="third-met"),
        pytest.param("4", Status.MISSED, id="fourth-missed-band-0.3"),
        pytest.param("10", Status.MISSED, id="tenth-missed"),
    ],
)
def test_rank(figure: str, expected: Status) -> None:
    assert verdict(AIR_RANK, figure).status is expected


# --- reasons --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "figure", "expected", "zh", "en"),
    [
        pytest.param(ROADS, "120", Status.MET, "120 公里 ≥ 100 公里", "120 km ≥ 100 km", id="ge-met"),
        pytest.param(
            ROADS,
            "99.99",
            Status.NEAR,
            "99.99 公里 < 100 公里；在基本完成区间内（≥ 90 公里）",
            "99.99 km < 100 km; within the near band (≥ 90 km)",
            id="ge-near",
        ),
        pytest.param(
            ROADS, "89.99", Status.MISSED, "89.99 公里 < 100 公里", "89.99 km < 100 km", id="ge-missed"
        ),
        pytest.param(
            ROADS_OVER,
            "100",
            Status.NEAR,
            "100 公里 ≤ 100 公里；在基本完成区间内（≥ 90 公里）",
            "100 km ≤ 100 km; within the near band (≥ 90 km)",
            id="gt-at-value-near",
        ),
        pytest.param(
            GDP,
            "8.6",
            Status.MET,
            "8.6 % ≥ 8 % − 0.5（容差）",
            "8.6 % ≥ 8 % − 0.5 tolerance",
            id="about-met",
        ),
        pytest.param(
            GDP,
            "6.9",
            Status.MISSED,
            "6.9 % < 8 % − 0.5（容差）",
            "6.9 % < 8 % − 0.5 tolerance",
            id="about-missed",
        ),
        pytest.param(
            HIGH_TECH,
            "535.2",
            Status.NEAR,
            "535.2 家 < 550 家；在基本完成区间内（≥ 535.2 家）",
            "535.2 < 550; within the near band (≥ 535.2)",
            id="level-near",
        ),
        pytest.param(
            AT_MOST_100,
            "110",
            Status.NEAR,
            "110 个 > 100 个；在基本完成区间内（≤ 110 个）",
            "110 > 100; within the near band (≤ 110)",
            id="le-near",
        ),
        pytest.param(SPENDING, "0.1", Status.MISSED, "0.1 % > 0 %", "0.1 % > 0 %", id="le-0-missed"),
        pytest.param(ACCIDENTS, "1", Status.MISSED, "1 起 > 0 起", "1 > 0", id="ceiling-missed"),
        pytest.param(ACCIDENTS, "0", Status.MET, "0 起 ≤ 0 起", "0 ≤ 0", id="ceiling-met"),
        pytest.param(AIR_RANK, "4", Status.MISSED, "4 位 > 3 位", "4 > 3", id="rank-missed"),
        pytest.param(
            BELOW_5,
            "5",
            Status.NEAR,
            "5 % ≥ 5 %；在基本完成区间内（≤ 5.5 %）",
            "5 % ≥ 5 %; within the near band (≤ 5.5 %)",
            id="lt-at-value-near",
        ),
    ],
)
def test_numeric_reason(target: Target, figure: str, expected: Status, zh: str, en: str) -> None:
    result = verdict(target, figure)
    assert result.status is expected
    assert reason(result).zh == zh
    assert reason(result).en == en


# --- gap and ratio --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "figure", "gap", "ratio"),
    [
        pytest.param(ROADS, "90", D("-10"), D("0.9"), id="ge-below"),
        pytest.param(ROADS, "125", D("25"), D("1.25"), id="ge-above"),
        pytest.param(ROADS_OVER, "100", D("0"), D("1"), id="gt-at-value"),
        pytest.param(GDP, "8.6", D("0.6"), D("1.075"), id="about-gap-from-value-not-lower-edge"),
        # a level with a baseline: measured on the increase, (535.2 − 402) ÷ (550 − 402)
        pytest.param(HIGH_TECH, "535.2", D("-14.8"), D("0.9"), id="level"),
        pytest.param(AT_MOST_100, "110", D("10"), None, id="le-no-ratio"),
        pytest.param(BELOW_5, "4", D("-1"), None, id="lt-no-ratio"),
        pytest.param(ACCIDENTS, "2", D("2"), None, id="ceiling-no-ratio"),
        pytest.param(POSITIVE, "3", D("3"), None, id="gt-0-no-ratio-value-0"),
        pytest.param(ROADS, bound(">100"), D("0"), D("1"), id="bound-uses-its-number"),
    ],
)
def test_gap_and_ratio(target: Target, figure: Any, gap: Decimal, ratio: Decimal | None) -> None:
    result = verdict(target, figure)
    assert result.gap == gap
    assert isinstance(result.gap, Decimal)
    assert result.ratio == ratio
    if ratio is not None:
        assert isinstance(result.ratio, Decimal)


# --- ordinal scales -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "label", "expected", "zh", "en"),
    [
        pytest.param(
            WATER, "Ⅲ", Status.MET, "Ⅲ 优于或等于 Ⅳ", "Ⅲ is at or better than Ⅳ", id="water-III-met"
        ),
        pytest.param(WATER, "Ⅳ", Status.MET, "Ⅳ 优于或等于 Ⅳ", "Ⅳ is at or better than Ⅳ", id="water-IV-met"),
        pytest.param(WATER, "Ⅰ", Status.MET, "Ⅰ 优于或等于 Ⅳ", "Ⅰ is at or better than Ⅳ", id="water-I-met"),
        pytest.param(WATER, "Ⅴ", Status.MISSED, "Ⅴ 劣于 Ⅳ", "Ⅴ is worse than Ⅳ", id="water-V-missed-no-near"),
        pytest.param(
            WATER, "劣Ⅴ", Status.MISSED, "劣Ⅴ 劣于 Ⅳ", "劣Ⅴ is worse than Ⅳ", id="water-worse-than-V"
        ),
        pytest.param(
            RATING, "AAA", Status.MET, "AAA 优于或等于 AAA", "AAA is at or better than AAA", id="AAA-met"
        ),
        pytest.param(RATING, "AA+", Status.MISSED, "AA+ 劣于 AAA", "AA+ is worse than AAA", id="AA+-missed"),
        pytest.param(RATING, "AA", Status.MISSED, "AA 劣于 AAA", "AA is worse than AAA", id="AA-missed"),
    ],
)
def test_ordinal(target: Target, label: str, expected: Status, zh: str, en: str) -> None:
    result = verdict(target, label)
    assert result.status is expected
    assert reason(result) == Text(zh, en)
    assert result.gap is None
    assert result.ratio is None
    assert result.decided is True


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        pytest.param("Ⅲ", Status.MET, id="better-met"),
        pytest.param("Ⅳ", Status.MISSED, id="equal-not-met"),
        pytest.param("Ⅴ", Status.MISSED, id="worse-missed"),
    ],
)
def test_ordinal_strictly_better(label: str, expected: Status) -> None:
    target = replace(WATER, op=Op.LT)
    result = verdict(target, label)
    assert result.status is expected
    met = expected is Status.MET
    assert reason(result).en == f"{label} against < Ⅳ: {'met' if met else 'not met'}"
    assert reason(result).zh == f"{label}，目标 < Ⅳ 类：{'达到' if met else '未达到'}"


# --- milestones -----------------------------------------------------------------------------

YEAR_END = dt.date(2024, 12, 31)
NEXT_JUNE = dt.date(2025, 6, 30)
THIS_JUNE = dt.date(2024, 6, 30)


@pytest.mark.parametrize(
    ("deadline", "done", "period", "expected", "zh", "en"),
    [
        pytest.param(YEAR_END, True, YEAR, Status.MET, "已完成", "done", id="done-met"),
        pytest.param(
            YEAR_END,
            False,
            YEAR,
            Status.MISSED,
            "未在 2024-12-31 前完成",
            "not done by 2024-12-31",
            id="not-done-by-deadline-missed",
        ),
        pytest.param(YEAR_END, None, YEAR, Status.NO_DATA, "未报告数据", "no figure reported", id="no-data"),
        pytest.param(
            NEXT_JUNE,
            False,
            YEAR,
            Status.PENDING,
            "尚未完成，期限 2025-06-30",
            "not done yet; due by 2025-06-30",
            id="later-deadline-not-done-pending",
        ),
        pytest.param(
            NEXT_JUNE,
            None,
            YEAR,
            Status.PENDING,
            "未报告，期限 2025-06-30",
            "not reported; due by 2025-06-30",
            id="later-deadline-no-data-pending",
        ),
        pytest.param(NEXT_JUNE, True, YEAR, Status.MET, "已完成", "done", id="done-early-met"),
        pytest.param(
            YEAR_END,
            False,
            H1,
            Status.PENDING,
            "尚未完成，期限 2024-12-31",
            "not done yet; due by 2024-12-31",
            id="mid-year-not-done-pending",
        ),
        pytest.param(
            THIS_JUNE,
            False,
            H1,
            Status.MISSED,
            "未在 2024-06-30 前完成",
            "not done by 2024-06-30",
            id="deadline-on-period-end-missed",
        ),
    ],
)
def test_milestone(
    deadline: dt.date, done: bool | None, period: Period, expected: Status, zh: str, en: str
) -> None:
    result = verdict(milestone(deadline), done, period=period)
    assert result.status is expected
    assert reason(result) == Text(zh, en)
    assert result.gap is None
    assert result.ratio is None


# --- no data --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        pytest.param(ROADS, id="ge"),
        pytest.param(ROADS_OVER, id="gt"),
        pytest.param(GDP, id="about"),
        pytest.param(AT_MOST_100, id="le"),
        pytest.param(ACCIDENTS, id="ceiling"),
        pytest.param(AIR_RANK, id="rank"),
        pytest.param(WATER, id="ordinal"),
        pytest.param(COVERAGE, id="eq"),
    ],
)
def test_no_figure_is_no_data_not_missed(target: Target) -> None:
    result = verdict(target, None)
    assert result.status is Status.NO_DATA
    assert result.actual is None
    assert reason(result) == Text("未报告数据", "no figure reported")
    assert result.gap is None
    assert result.ratio is None


# --- published bounds -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "figure", "expected", "decided"),
    [
        pytest.param(ROADS, ">100", Status.MET, True, id="gt100-vs-ge100"),
        pytest.param(ROADS_OVER, ">100", Status.MET, True, id="gt100-vs-gt100"),
        pytest.param(ROADS_OVER, ">=100", Status.NEAR, False, id="ge100-vs-gt100-undecided"),
        pytest.param(ROADS, ">=100", Status.MET, True, id="ge100-vs-ge100"),
        pytest.param(ROADS, "<5", Status.MISSED, True, id="lt5-vs-ge100"),
        pytest.param(ROADS, "<=80", Status.MISSED, True, id="le80-vs-ge100"),
        pytest.param(ROADS, ">50", Status.MISSED, False, id="gt50-vs-ge100-could-be-anything"),
        pytest.param(ROADS, ">95", Status.NEAR, False, id="gt95-vs-ge100"),
        pytest.param(ROADS, "<=95", Status.MISSED, False, id="le95-vs-ge100-best-is-near"),
        pytest.param(GDP, ">7", Status.NEAR, False, id="gt7-vs-about8"),
        pytest.param(GDP, ">7.5", Status.MET, True, id="gt7.5-vs-about8"),
        pytest.param(GDP, "<9", Status.MISSED, False, id="lt9-vs-about8"),
        pytest.param(ACCIDENTS, ">0", Status.MISSED, True, id="gt0-vs-ceiling0"),
        pytest.param(ACCIDENTS, ">=0", Status.MISSED, False, id="ge0-vs-ceiling0"),
        pytest.param(ACCIDENTS, "<=0", Status.MET, True, id="le0-vs-ceiling0"),
        pytest.param(AT_MOST_100, "<5", Status.MET, True, id="lt5-vs-le100"),
        pytest.param(AT_MOST_100, ">110", Status.MISSED, True, id="gt110-vs-le100-beyond-band"),
        pytest.param(AT_MOST_100, ">=110", Status.MISSED, False, id="ge110-vs-le100-best-is-near"),
        pytest.param(BELOW_5, "<=5", Status.NEAR, False, id="le5-vs-lt5"),
        pytest.param(BELOW_5, "<5", Status.MET, True, id="lt5-vs-lt5"),
    ],
)
def test_bound_is_judged_at_its_worst_end(
    target: Target, figure: str, expected: Status, decided: bool
) -> None:
    result = verdict(target, bound(figure))
    assert (result.status, result.decided) == (expected, decided)


@pytest.mark.parametrize(
    ("target", "figure", "zh", "en"),
    [
        pytest.param(
            ROADS_OVER,
            ">=100",
            "≥100 公里 无法判定是否 > 100 公里：按最不利端判为基本完成",
            "the bound ≥100 km cannot decide > 100 km: judged at its worst end (near)",
            id="ge100-vs-gt100",
        ),
        pytest.param(
            ROADS,
            ">50",
            ">50 公里 无法判定是否 ≥ 100 公里：按最不利端判为未完成",
            "the bound >50 km cannot decide ≥ 100 km: judged at its worst end (missed)",
            id="gt50-vs-ge100",
        ),
        pytest.param(
            GDP,
            ">7",
            ">7 % 无法判定是否 ≥ 8 % − 0.5（容差）：按最不利端判为基本完成",
            "the bound >7 % cannot decide ≥ 8 % − 0.5 tolerance: judged at its worst end (near)",
            id="gt7-vs-about8",
        ),
    ],
)
def test_undecided_bound_reason(target: Target, figure: str, zh: str, en: str) -> None:
    result = verdict(target, bound(figure))
    assert result.decided is False
    assert reason(result) == Text(zh, en)


@pytest.mark.parametrize(
    ("target", "figure", "zh", "en"),
    [
        pytest.param(ROADS, ">100", ">100 公里 ≥ 100 公里", ">100 km ≥ 100 km", id="gt100-met"),
        pytest.param(ACCIDENTS, ">0", ">0 起 > 0 起", ">0 > 0", id="gt0-ceiling-missed"),
        pytest.param(ROADS, "<5", "<5 公里 < 100 公里", "<5 km < 100 km", id="lt5-missed"),
    ],
)
def test_decided_bound_reason_shows_the_bound(target: Target, figure: str, zh: str, en: str) -> None:
    result = verdict(target, bound(figure))
    assert result.decided is True
    assert reason(result) == Text(zh, en)


# --- == (全覆盖) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "expected", "decided"),
    [
        pytest.param("100", Status.MET, True, id="full-coverage-met"),
        pytest.param("95", Status.NEAR, True, id="within-band-near"),
        pytest.param("90", Status.NEAR, True, id="band-edge-near"),
        pytest.param("89.99", Status.MISSED, True, id="below-band-missed"),
        pytest.param(">=100", Status.MISSED, False, id="bound-ge100-undecided"),
    ],
)
def test_equal(figure: str, expected: Status, decided: bool) -> None:
    result = verdict(COVERAGE, bound(figure))
    assert (result.status, result.decided) == (expected, decided)


def test_equal_near_reason_names_both_edges_of_the_band() -> None:
    result = verdict(COVERAGE, "95")
    assert result.status is Status.NEAR
    assert reason(result).en == "95 % ≠ 100 %; within the near band (90–110 %)"
    assert reason(result).zh == "95 % ≠ 100 %；在基本完成区间内（90–110 %）"


# --- score() and the Scorecard --------------------------------------------------------------

A = make_target("a", op=Op.GE, value=100)
B = make_target("b", kind=Kind.GROWTH, op=Op.GE, value=8, unit="%")
C = make_target("c", kind=Kind.CEILING, op=Op.LE, value=0, unit="起")
M = milestone(YEAR_END)


def test_results_follow_the_catalogue_order_not_the_actuals_order() -> None:
    card = score(make_catalogue(A, B, C), [make_actual("c", 0), make_actual("a", 95)])
    assert [r.target.id for r in card.results] == ["a", "b", "c"]
    assert [r.status for r in card.results] == [Status.NEAR, Status.NO_DATA, Status.MET]
    assert card.results[0].actual is not None and card.results[0].actual.target_id == "a"


GROWTH_SERIES = [
    make_actual("b", 5, period=Period(2024, 3)),
    make_actual("b", quantity("7.5"), period=H1),
    make_actual("b", 9, period=YEAR),
]


@pytest.mark.parametrize(
    ("as_of", "period", "figure"),
    [
        pytest.param(None, YEAR, D("9"), id="default-latest-figure"),
        pytest.param(YEAR, YEAR, D("9"), id="full-year"),
        pytest.param(Period(2024, 9), Period(2024, 9), D("7.5"), id="sep-uses-june"),
        pytest.param(H1, H1, D("7.5"), id="june-exactly"),
        pytest.param(Period(2024, 5), Period(2024, 5), D("5"), id="may-uses-march"),
        pytest.param(Period(2024, 2), Period(2024, 2), None, id="before-any-figure"),
        pytest.param(Period(2023), Period(2023), None, id="previous-year"),
    ],
)
def test_latest_figure_at_or_before_as_of(
    as_of: Period | None, period: Period, figure: Decimal | None
) -> None:
    for actuals in (GROWTH_SERIES, GROWTH_SERIES[::-1]):
        card = score(make_catalogue(B), actuals, as_of=as_of)
        (result,) = card.results
        assert card.period == period
        if figure is None:
            assert result.actual is None
            assert result.status is Status.NO_DATA
        else:
            assert result.actual is not None
            assert isinstance(result.actual.parsed, Quantity)
            assert result.actual.parsed.value == figure


def test_a_later_figure_replaces_an_earlier_one_at_year_end() -> None:
    # 5 % by March would be a miss; the full-year 9 % is what counts.
    card = score(make_catalogue(B), GROWTH_SERIES[::-1])
    assert card.results[0].status is Status.MET


def test_default_period_is_the_plan_year_without_figures() -> None:
    card = score(make_catalogue(A, M), [])
    assert card.period == YEAR
    assert [r.status for r in card.results] == [Status.NO_DATA, Status.NO_DATA]


def test_default_period_is_the_latest_figure_so_a_milestone_is_still_pending() -> None:
    card = score(make_catalogue(B, M), [make_actual("b", 9, period=H1)])
    assert card.period == H1
    assert card.results[1].status is Status.PENDING


def test_score_uses_the_catalogue_near_fraction() -> None:
    actuals = [make_actual("a", 85)]
    assert score(make_catalogue(A, near_fraction="0.1"), actuals).results[0].status is Status.MISSED
    assert score(make_catalogue(A, near_fraction="0.2"), actuals).results[0].status is Status.NEAR


def test_skipped_unknown_is_kept_on_the_scorecard() -> None:
    assert score(make_catalogue(A), [], skipped_unknown=3).skipped_unknown == 3


MIXED = make_catalogue(A, B, C, M, make_target("d", op=Op.GE, value=10))


def test_tally_counts_every_status_including_zeros() -> None:
    # a met, b missed (band 0.8: near from 7.2), c missed, tunnel and d no data
    card = score(MIXED, [make_actual("a", 120), make_actual("b", 7), make_actual("c", 1)])
    tally = card.tally()
    assert set(tally) == set(Status)
    assert (tally[Status.MET], tally[Status.NEAR], tally[Status.MISSED]) == (1, 0, 2)
    assert (tally[Status.PENDING], tally[Status.NO_DATA]) == (0, 2)
    assert sum(tally.values()) == len(MIXED.targets)


def test_failing_lists_the_chosen_statuses_in_catalogue_order() -> None:
    card = score(MIXED, [make_actual("c", 1), make_actual("b", 7), make_actual("a", 95)])
    assert [r.target.id for r in card.failing(frozenset({Status.MISSED}))] == ["b", "c"]
    assert [r.target.id for r in card.failing(frozenset({Status.MISSED, Status.NEAR}))] == ["a", "b", "c"]
    assert [r.target.id for r in card.failing(frozenset({Status.NO_DATA}))] == ["tunnel", "d"]
    assert card.failing(frozenset()) == []


def _areas_card() -> Catalogue:
    catalogue = make_catalogue(
        make_target("x", area="city"),
        make_target("y", area="headline"),
        make_target("z", area="city"),
    )
    areas = (
        Area("headline", Text("主要预期目标", "Headline targets")),
        Area("innovation", Text("推动科技创新增效赋能", "Innovation")),
        Area("city", Text("推动城市功能补短提质", "City")),
    )
    return replace(catalogue, areas=areas)


def test_by_area_keeps_plan_order_and_leaves_out_empty_areas() -> None:
    card = score(_areas_card(), [make_actual("x", 100), make_actual("z", 50)])
    groups = [(area.id, [r.target.id for r in results]) for area, results in card.by_area()]
    assert groups == [("headline", ["y"]), ("city", ["x", "z"])]


def test_tally_by_area() -> None:
    card = score(_areas_card(), [make_actual("x", 100), make_actual("z", 50)])
    assert card.tally("city")[Status.MET] == 1
    assert card.tally("city")[Status.MISSED] == 1
    assert card.tally("headline")[Status.NO_DATA] == 1
    assert sum(card.tally("innovation").values()) == 0


# --- during the year (GUIDE.md §1): rules that hold whatever the part-year statuses are ----


def test_a_broken_ceiling_is_missed_at_once_in_score() -> None:
    card = score(make_catalogue(C), [make_actual("c", 1, period=Period(2024, 3))])
    assert card.results[0].status is Status.MISSED


def test_an_unfinished_milestone_is_pending_before_its_deadline_in_score() -> None:
    card = score(make_catalogue(M), [make_actual("tunnel", False, period=H1)])
    assert card.results[0].status is Status.PENDING


# --- 完成率 of a level with a baseline is measured on the increase (#10, point 4) ----------------------


@pytest.mark.parametrize(
    ("figure", "ratio", "shown"),
    [
        pytest.param("2700", D(185) / D(485), "38%", id="tech-enterprises-2700-is-38-percent"),
        pytest.param("2515", D(0), "0%", id="at-the-baseline-nothing-done"),
        pytest.param("3000", D(1), "100%", id="at-the-value"),
        pytest.param("2400", D(-115) / D(485), "\u221224%", id="below-the-baseline-negative"),
    ],
)
def test_ratio_of_a_level_with_a_baseline_is_on_the_increase(figure: str, ratio: Decimal, shown: str) -> None:
    from gxcheck.render.common import ratio_percent

    tech = make_target("tech", kind=Kind.LEVEL, value=3000, baseline=2515, unit="家")
    result = judge(tech, make_actual("tech", quantity(figure)), Period(2024), D("0.1"))
    assert result.ratio == ratio
    assert result.rule is not None and result.rule.ratio_from == D(2515)
    assert ratio_percent(result) == shown


def test_ratio_of_a_level_without_a_baseline_and_of_an_increment_is_on_the_value() -> None:
    childcare = make_target("childcare", kind=Kind.LEVEL, value=D("3.5"), unit="个/千人")
    result = judge(childcare, make_actual("childcare", quantity("2.8")), Period(2024), D("0.1"))
    assert result.ratio == D("0.8")
    beds = make_target("beds", value=100)
    assert judge(beds, make_actual("beds", quantity(55)), Period(2024), D("0.1")).ratio == D("0.55")


def test_a_level_whose_baseline_is_at_its_value_has_no_ratio() -> None:
    flat = make_target("flat", kind=Kind.LEVEL, value=500, baseline=500, unit="家")
    assert judge(flat, make_actual("flat", quantity(480)), Period(2024), D("0.1")).ratio is None


# --- 确保 means no 基本完成 (#10, point 5) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("commitment", "near_band", "figure", "status"),
    [
        pytest.param(Commitment.ENSURE, None, "55", Status.MISSED, id="ensure-60-with-55-is-missed"),
        pytest.param(Commitment.ENSURE, None, "59.99", Status.MISSED, id="ensure-just-short-is-missed"),
        pytest.param(Commitment.ENSURE, None, "60", Status.MET, id="ensure-at-the-value-is-met"),
        pytest.param(Commitment.ENSURE, "6", "55", Status.NEAR, id="ensure-with-a-near-band-from-the-file"),
        pytest.param(Commitment.ENSURE, "6", "53.99", Status.MISSED, id="ensure-beyond-its-band"),
        pytest.param(Commitment.STRIVE, None, "55", Status.NEAR, id="strive-keeps-the-default-band"),
        pytest.param(Commitment.PLAIN, None, "54", Status.NEAR, id="plain-keeps-the-default-band"),
    ],
)
def test_ensure_has_no_near_band_unless_the_file_gives_one(
    commitment: Commitment, near_band: str | None, figure: str, status: Status
) -> None:
    target = make_target("projects", value=60, commitment=commitment, near_band=near_band)
    result = judge(target, make_actual("projects", quantity(figure)), Period(2024), D("0.1"))
    assert result.status is status
    assert result.rule is not None
    assert (result.rule.near is None) is (commitment is Commitment.ENSURE and near_band is None)


def test_ensure_about_target_has_no_near_band_either() -> None:
    target = make_target(
        "gdp", kind=Kind.GROWTH, op=Op.ABOUT, value=8, tolerance="0.5", unit="%", commitment=Commitment.ENSURE
    )
    assert judge(target, make_actual("gdp", quantity("7.4")), Period(2024), D("0.1")).status is Status.MISSED


def test_bundled_ensure_targets_from_the_issue_are_missed(bundled: Any) -> None:
    for target_id, figure in (("projects_in_use", "55"), ("key_projects_in_production", "11")):
        target = bundled.target(target_id)
        result = judge(target, make_actual(target_id, quantity(figure)), Period(2024), bundled.near_fraction)
        assert (target_id, result.status) == (target_id, Status.MISSED)
