"""Judging progress during the year (序时进度): statuses, expected figures and reasons.

GUIDE.md §1: for a period that ends before the year does, an increment is compared with the
value × the elapsed share, a level with baseline + (value − baseline) × share; growth rates,
shares and ranks as they are; a broken ceiling is missed at once; a milestone is pending until
its deadline unless done. Year-end verdicts stay met / near / missed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from conftest import D, make_actual, make_catalogue, make_target, quantity

from gxcheck.evaluate import judge, score
from gxcheck.model import Bound, Kind, Op, Quantity, Result, Status, Target, Text
from gxcheck.periods import Period
from gxcheck.render.words import reason, rule_text

JAN, Q1, H1, Q3, NOV, YEAR = (Period(2024, m) for m in (1, 3, 6, 9, 11, 12))
FOUR_PLACES = Decimal("0.0001")

# Targets modelled on the 2024 plan.
BEDS = make_target("beds", value=100, unit="个")  # 新增…100个: an increment
ROADS = make_target("roads", op=Op.GT, value=100, unit="公里")  # 道路各超100公里
HIGH_TECH = make_target("high_tech", kind=Kind.LEVEL, value=550, baseline=402, unit="家")  # 增至550家
CHILDCARE = make_target("childcare", kind=Kind.LEVEL, value=D("3.5"), unit="个/千人")  # a level, no baseline
GDP = make_target("gdp", kind=Kind.GROWTH, op=Op.ABOUT, value=8, tolerance="0.5", unit="%")
INDUSTRY = make_target("industry", kind=Kind.GROWTH, value=8, unit="%")
TALENT = make_target("talent", op=Op.ABOUT, value=20, tolerance=2, unit="名")  # 20名左右: an increment
FACTORY_USE = make_target("factory_use", kind=Kind.SHARE, value=80, unit="%")
COVERAGE = make_target("coverage", kind=Kind.SHARE, op=Op.EQ, value=100, unit="%")  # 全覆盖
SPENDING = make_target("spending", kind=Kind.GROWTH, op=Op.LE, value=0, unit="%")  # 只减不增
AIR_RANK = make_target("air_rank", kind=Kind.RANK, op=Op.LE, value=3, unit="位")
WATER = make_target(
    "water", kind=Kind.ORDINAL, op=Op.LE, value="Ⅳ", scale=("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"), unit="类"
)
ACCIDENTS = make_target("accidents", kind=Kind.CEILING, op=Op.LE, value=0, unit="起")
JUNE_30 = dt.date(2024, 6, 30)
DEC_31 = dt.date(2024, 12, 31)


def milestone(deadline: dt.date) -> Target:
    return make_target("tunnel", kind=Kind.MILESTONE, op=Op.DONE, value=True, unit="", deadline=deadline)


def bound(text: str) -> Quantity:
    """``>60``, ``>=50``, ``<=0``: a published bound; a plain number is exact."""
    for symbol, which in ((">=", Bound.GE), ("<=", Bound.LE), (">", Bound.GT), ("<", Bound.LT)):
        if text.startswith(symbol):
            return quantity(text[len(symbol) :], which)
    return quantity(text)


def verdict(target: Target, figure: Any, period: Period) -> Result:
    """Judge one figure reported for ``period``: a number as a string, a Quantity, a label, a bool, None."""
    if isinstance(figure, str) and target.kind is not Kind.ORDINAL:
        figure = bound(figure)
    actual = None if figure is None else make_actual(target.id, figure, period=period)
    return judge(target, actual, period, D("0.1"))


def rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(FOUR_PLACES)


# --- increments: value × elapsed share --------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "figure", "status", "expected"),
    [
        # Q1: 100 × 3/12 = 25; ahead beyond 25 + 10 × 3/12 = 27.5.
        pytest.param(Q1, "24.99", Status.BEHIND, "25", id="Q1-just-behind"),
        pytest.param(Q1, "25", Status.ON_SCHEDULE, "25", id="Q1-exactly-on-schedule"),
        pytest.param(Q1, "27.5", Status.ON_SCHEDULE, "25", id="Q1-band-edge-on-schedule"),
        pytest.param(Q1, "27.51", Status.AHEAD, "25", id="Q1-beyond-band-ahead"),
        pytest.param(Q1, "100", Status.DONE, "25", id="Q1-full-year-reached-done"),
        # H1: 100 × 6/12 = 50; ahead beyond 50 + 10 × 6/12 = 55.
        pytest.param(H1, "40", Status.BEHIND, "50", id="H1-behind"),
        pytest.param(H1, "45", Status.BEHIND, "50", id="H1-no-near-during-the-year"),
        pytest.param(H1, "49.99", Status.BEHIND, "50", id="H1-just-behind"),
        pytest.param(H1, "50", Status.ON_SCHEDULE, "50", id="H1-half-done-on-schedule"),
        pytest.param(H1, "55", Status.ON_SCHEDULE, "50", id="H1-band-edge-not-strictly-beyond"),
        pytest.param(H1, "55.01", Status.AHEAD, "50", id="H1-just-ahead"),
        pytest.param(H1, "60", Status.AHEAD, "50", id="H1-ahead"),
        pytest.param(H1, "99.99", Status.AHEAD, "50", id="H1-almost-done-ahead"),
        pytest.param(H1, "100", Status.DONE, "50", id="H1-done"),
        pytest.param(H1, "130", Status.DONE, "50", id="H1-beyond-done"),
        # Q3: 100 × 9/12 = 75; ahead beyond 75 + 7.5 = 82.5.
        pytest.param(Q3, "74.99", Status.BEHIND, "75", id="Q3-just-behind"),
        pytest.param(Q3, "75", Status.ON_SCHEDULE, "75", id="Q3-on-schedule"),
        pytest.param(Q3, "82.5", Status.ON_SCHEDULE, "75", id="Q3-band-edge"),
        pytest.param(Q3, "82.51", Status.AHEAD, "75", id="Q3-ahead"),
        pytest.param(Q3, "100", Status.DONE, "75", id="Q3-done"),
        # January: 100 / 12 = 8.333…; ahead beyond 8.333… + 0.833… = 9.1666….
        pytest.param(JAN, "8.33", Status.BEHIND, "8.3333", id="jan-behind"),
        pytest.param(JAN, "8.34", Status.ON_SCHEDULE, "8.3333", id="jan-on-schedule"),
        pytest.param(JAN, "9.16", Status.ON_SCHEDULE, "8.3333", id="jan-inside-band"),
        pytest.param(JAN, "9.17", Status.AHEAD, "8.3333", id="jan-ahead"),
        # January to November: 100 × 11/12 = 91.666…; ahead beyond 100.8333….
        pytest.param(NOV, "91.66", Status.BEHIND, "91.6667", id="nov-behind"),
        pytest.param(NOV, "91.67", Status.ON_SCHEDULE, "91.6667", id="nov-on-schedule"),
        pytest.param(NOV, "99.99", Status.ON_SCHEDULE, "91.6667", id="nov-inside-band"),
        pytest.param(NOV, "100", Status.DONE, "91.6667", id="nov-done"),
        # The year: year-end statuses, nothing pro-rated.
        pytest.param(YEAR, "100", Status.MET, None, id="year-met"),
        pytest.param(YEAR, "90", Status.NEAR, None, id="year-near"),
        pytest.param(YEAR, "89.99", Status.MISSED, None, id="year-missed"),
    ],
)
def test_increment_is_pro_rated(period: Period, figure: str, status: Status, expected: str | None) -> None:
    result = verdict(BEDS, figure, period)
    assert result.status is status
    assert rounded(result.expected) == (None if expected is None else D(expected))
    assert result.period == period
    assert result.decided is True


@pytest.mark.parametrize(
    ("figure", "status"),
    [
        pytest.param("49.99", Status.BEHIND, id="below-pace"),
        # 超100 stays strict when pro-rated: 50 is not more than the 50 due by June.
        pytest.param("50", Status.BEHIND, id="exactly-at-pace-is-not-more-than-it"),
        pytest.param("50.01", Status.ON_SCHEDULE, id="just-beyond-pace"),
        pytest.param("100", Status.AHEAD, id="at-value-not-yet-done-for-strict-target"),
        pytest.param("100.01", Status.DONE, id="beyond-value-done"),
    ],
)
def test_strict_increment_at_h1(figure: str, status: Status) -> None:
    assert verdict(ROADS, figure, H1).status is status


@pytest.mark.parametrize(
    ("figure", "status"),
    [
        pytest.param("8.99", Status.BEHIND, id="below-pace"),
        pytest.param("9", Status.ON_SCHEDULE, id="pace-is-lower-edge-times-share"),
        pytest.param("10.01", Status.ON_SCHEDULE, id="inside-band"),
        pytest.param("11", Status.ON_SCHEDULE, id="top-of-band-pro-rated"),
        pytest.param("11.01", Status.AHEAD, id="beyond-top-of-band"),
        pytest.param("18", Status.DONE, id="lower-edge-of-about-done"),
    ],
)
def test_about_increment_at_h1(figure: str, status: Status) -> None:
    # 20 名左右 (± 2): met from 18, so 18 × 6/12 = 9 is due by June; ahead only beyond the top
    # of the band, 22 × 6/12 = 11.
    result = verdict(TALENT, figure, H1)
    assert result.status is status
    assert result.expected == D(9)


@pytest.mark.parametrize(
    ("figure", "status"),
    [
        pytest.param("40", Status.AHEAD, id="under-pace-ahead"),
        pytest.param("45", Status.ON_SCHEDULE, id="band-edge"),
        pytest.param("50", Status.ON_SCHEDULE, id="at-pace"),
        pytest.param("50.01", Status.BEHIND, id="over-pace-behind"),
        pytest.param("0", Status.AHEAD, id="none-is-never-done-early"),
    ],
)
def test_less_is_better_increment_at_h1(figure: str, status: Status) -> None:
    # At most 100 in the year: at most 50 by June; ahead below 50 − 10 × 6/12 = 45.
    result = verdict(make_target("cap", op=Op.LE, value=100), figure, H1)
    assert result.status is status
    assert result.expected == D(50)


# --- levels: baseline + (value − baseline) × share ---------------------------------------------


@pytest.mark.parametrize(
    ("period", "figure", "status", "expected"),
    [
        # Q1: 402 + 148 × 3/12 = 439; band 14.8 × 3/12 = 3.7.
        pytest.param(Q1, "438.99", Status.BEHIND, "439", id="Q1-behind"),
        pytest.param(Q1, "439", Status.ON_SCHEDULE, "439", id="Q1-on-schedule"),
        pytest.param(Q1, "442.71", Status.AHEAD, "439", id="Q1-ahead"),
        # H1: 402 + 148 × 6/12 = 476; band 14.8 × 6/12 = 7.4.
        pytest.param(H1, "400", Status.BEHIND, "476", id="H1-below-baseline-behind"),
        pytest.param(H1, "475.99", Status.BEHIND, "476", id="H1-just-behind"),
        pytest.param(H1, "476", Status.ON_SCHEDULE, "476", id="H1-on-schedule"),
        pytest.param(H1, "483.4", Status.ON_SCHEDULE, "476", id="H1-band-edge"),
        pytest.param(H1, "483.41", Status.AHEAD, "476", id="H1-ahead"),
        pytest.param(H1, "550", Status.DONE, "476", id="H1-done"),
        # Q3: 402 + 148 × 9/12 = 513; band 11.1.
        pytest.param(Q3, "512.99", Status.BEHIND, "513", id="Q3-behind"),
        pytest.param(Q3, "513", Status.ON_SCHEDULE, "513", id="Q3-on-schedule"),
        pytest.param(Q3, "524.1", Status.ON_SCHEDULE, "513", id="Q3-band-edge"),
        pytest.param(Q3, "524.11", Status.AHEAD, "513", id="Q3-ahead"),
        # The year: band of the rise, 14.8.
        pytest.param(YEAR, "550", Status.MET, None, id="year-met"),
        pytest.param(YEAR, "535.2", Status.NEAR, None, id="year-near"),
        pytest.param(YEAR, "535.1", Status.MISSED, None, id="year-missed"),
    ],
)
def test_level_with_baseline_is_pro_rated_from_the_baseline(
    period: Period, figure: str, status: Status, expected: str | None
) -> None:
    result = verdict(HIGH_TECH, figure, period)
    assert result.status is status
    assert rounded(result.expected) == (None if expected is None else D(expected))


@pytest.mark.parametrize(
    ("period", "figure", "status"),
    [
        pytest.param(H1, "1.75", Status.BEHIND, id="half-the-value-is-not-on-schedule"),
        pytest.param(H1, "3.49", Status.BEHIND, id="H1-just-behind"),
        pytest.param(H1, "3.5", Status.ON_SCHEDULE, id="H1-at-value"),
        pytest.param(H1, "3.85", Status.ON_SCHEDULE, id="H1-band-edge-full-band"),
        pytest.param(H1, "3.86", Status.AHEAD, id="H1-ahead"),
        pytest.param(Q1, "3.5", Status.ON_SCHEDULE, id="Q1-at-value"),
        pytest.param(NOV, "3.2", Status.BEHIND, id="nov-behind"),
        pytest.param(YEAR, "3.2", Status.NEAR, id="year-near"),
    ],
)
def test_level_without_baseline_is_compared_as_it_is(period: Period, figure: str, status: Status) -> None:
    result = verdict(CHILDCARE, figure, period)
    assert result.status is status
    assert result.expected is None


# A level that should fall (PM2.5 35 → ≤ 30): it follows its path down like a rising level; it
# can come back down, so a part-year figure above the annual value is not missed at once (only a
# running total over its annual cap cannot recover).
PM25 = make_target("pm25", kind=Kind.LEVEL, op=Op.LE, value=30, baseline=35, unit="微克/立方米")


@pytest.mark.parametrize(
    ("period", "figure", "status", "expected"),
    [
        # Q1: 35 + (30 − 35) × 3/12 = 33.75; band 0.5 × 3/12 = 0.125: ahead below 33.625.
        pytest.param(Q1, "36", Status.BEHIND, "33.75", id="Q1-above-baseline-behind"),
        pytest.param(Q1, "33.76", Status.BEHIND, "33.75", id="Q1-just-behind"),
        pytest.param(Q1, "33.75", Status.ON_SCHEDULE, "33.75", id="Q1-exactly-on-the-path"),
        pytest.param(Q1, "33.625", Status.ON_SCHEDULE, "33.75", id="Q1-band-edge"),
        pytest.param(Q1, "33.62", Status.AHEAD, "33.75", id="Q1-ahead"),
        # H1: 32.5; band 0.25: ahead below 32.25.
        pytest.param(H1, "32.51", Status.BEHIND, "32.5", id="H1-just-behind"),
        pytest.param(H1, "32.5", Status.ON_SCHEDULE, "32.5", id="H1-on-the-path"),
        pytest.param(H1, "32.4", Status.ON_SCHEDULE, "32.5", id="H1-below-the-path"),
        pytest.param(H1, "32.24", Status.AHEAD, "32.5", id="H1-ahead"),
        pytest.param(H1, "30", Status.DONE, "32.5", id="H1-at-the-value-done"),
        pytest.param(H1, "29", Status.DONE, "32.5", id="H1-below-the-value-done"),
        pytest.param(H1, "<30", Status.DONE, "32.5", id="H1-bound-below-the-value-done"),
        # Jan–Nov: 35 − 5 × 11/12 = 30.4166…
        pytest.param(NOV, "31", Status.BEHIND, "30.4167", id="nov-behind-not-missed"),
        pytest.param(NOV, "30.41", Status.ON_SCHEDULE, "30.4167", id="nov-on-schedule"),
        # The year: met at 30, near up to 30 + 5 × 0.1 = 30.5.
        pytest.param(YEAR, "30", Status.MET, None, id="year-met"),
        pytest.param(YEAR, "30.5", Status.NEAR, None, id="year-near-edge"),
        pytest.param(YEAR, "30.51", Status.MISSED, None, id="year-missed"),
    ],
)
def test_a_falling_level_with_baseline_follows_its_path(
    period: Period, figure: str, status: Status, expected: str | None
) -> None:
    result = verdict(PM25, figure, period)
    assert result.status is status
    assert rounded(result.expected) == (None if expected is None else D(expected))


def test_a_falling_level_above_its_value_says_it_is_behind_its_path() -> None:
    result = verdict(PM25, "33", H1)
    assert result.status is Status.BEHIND
    assert reason(result) == Text(
        "33 微克/立方米 > 序时进度 32.5 微克/立方米（35 + (30 − 35) × 6/12）",
        "33 微克/立方米 > 32.5 微克/立方米 expected by now (35 + (30 − 35) × 6/12)",
    )
    assert reason(verdict(PM25, "32.4", H1)) == Text(
        "32.4 微克/立方米 ≤ 序时进度 32.5 微克/立方米（35 + (30 − 35) × 6/12）",
        "32.4 微克/立方米 ≤ 32.5 微克/立方米 expected by now (35 + (30 − 35) × 6/12)",
    )


CAP = make_target("cap", op=Op.LE, value=100)  # at most 100 new in the year: a capped running total


def test_an_increment_over_its_annual_cap_is_missed_at_once_and_says_why() -> None:
    # Missed because the year's cap is passed, not because it is over the pace of 50: the reason
    # compares with the cap, as a broken ceiling's does.
    result = verdict(CAP, "100.01", H1)
    assert result.status is Status.MISSED
    assert reason(result) == Text(
        "100.01 个 > 100 个：已突破上限，年内无法挽回",
        "100.01 > 100: the ceiling is broken and cannot recover this year",
    )
    assert reason(verdict(CAP, "100", H1)) == Text(
        "100 个 > 序时进度 50 个（100 × 6/12）", "100 > 50 expected by now (100 × 6/12)"
    )


@pytest.mark.parametrize(
    ("figure", "status", "decided"),
    [
        # At least 90 may be any figure above the cap: at its worst end it is over the cap, and
        # behind or missed it is short either way (decided).
        pytest.param(">=90", Status.MISSED, True, id="open-above-may-be-over-the-cap"),
        pytest.param(">100", Status.MISSED, True, id="above-the-cap"),
        pytest.param("<=40", Status.AHEAD, True, id="under-the-pace-band"),
        pytest.param("<60", Status.BEHIND, False, id="may-be-over-the-pace"),
    ],
)
def test_a_bound_on_a_capped_increment_is_judged_at_its_worst_end(
    figure: str, status: Status, decided: bool
) -> None:
    result = verdict(CAP, figure, H1)
    assert (result.status, result.decided) == (status, decided)


def test_a_bound_names_the_cap_only_when_it_is_certainly_over_it() -> None:
    assert reason(verdict(CAP, ">100", H1)) == Text(
        ">100 个 > 100 个：已突破上限，年内无法挽回",
        ">100 > 100: the ceiling is broken and cannot recover this year",
    )
    assert reason(verdict(CAP, ">=90", H1)) == Text(
        "≥90 个 > 序时进度 50 个（100 × 6/12）", "≥90 > 50 expected by now (100 × 6/12)"
    )


# --- growth rates, shares, ranks, classes: the annual value as it is ---------------------------


@pytest.mark.parametrize(
    ("target", "period", "figure", "status"),
    [
        # GDP 8 % 左右 (± 0.5): met from 7.5; ahead only beyond the band's top, 8 + 0.5 = 8.5.
        pytest.param(GDP, Q3, "7.6", Status.ON_SCHEDULE, id="gdp-Q3-7.6-on-schedule"),
        pytest.param(GDP, Q3, "7.5", Status.ON_SCHEDULE, id="gdp-Q3-lower-edge"),
        pytest.param(GDP, Q3, "7.49", Status.BEHIND, id="gdp-Q3-just-behind"),
        pytest.param(GDP, Q3, "7.4", Status.BEHIND, id="gdp-Q3-7.4-behind-not-near"),
        pytest.param(GDP, Q3, "8", Status.ON_SCHEDULE, id="gdp-Q3-8-not-strictly-beyond"),
        pytest.param(GDP, Q3, "8.1", Status.ON_SCHEDULE, id="gdp-Q3-8.1-inside-the-band"),
        pytest.param(GDP, Q3, "8.5", Status.ON_SCHEDULE, id="gdp-Q3-top-of-the-band"),
        pytest.param(GDP, Q3, "8.51", Status.AHEAD, id="gdp-Q3-just-ahead"),
        pytest.param(GDP, Q3, "9.1", Status.AHEAD, id="gdp-Q3-9.1-ahead"),
        pytest.param(GDP, Q1, "2", Status.BEHIND, id="gdp-Q1-not-pro-rated"),
        pytest.param(GDP, JAN, "7.5", Status.ON_SCHEDULE, id="gdp-jan"),
        pytest.param(GDP, YEAR, "7.4", Status.NEAR, id="gdp-year-near"),
        pytest.param(GDP, YEAR, "8.6", Status.MET, id="gdp-year-above-band-met"),
        # Growth ≥ 8 %: band 0.8.
        pytest.param(INDUSTRY, NOV, "10.1", Status.AHEAD, id="industry-nov-ahead"),
        pytest.param(INDUSTRY, NOV, "8.8", Status.ON_SCHEDULE, id="industry-nov-band-edge"),
        pytest.param(INDUSTRY, NOV, "7.9", Status.BEHIND, id="industry-nov-behind"),
        pytest.param(INDUSTRY, H1, "4", Status.BEHIND, id="industry-H1-half-is-behind"),
        # Share ≥ 80 %: band 8.
        pytest.param(FACTORY_USE, H1, "40", Status.BEHIND, id="share-H1-not-pro-rated"),
        pytest.param(FACTORY_USE, H1, "79.99", Status.BEHIND, id="share-H1-just-behind"),
        pytest.param(FACTORY_USE, H1, "80", Status.ON_SCHEDULE, id="share-H1-at-value"),
        pytest.param(FACTORY_USE, H1, "88", Status.ON_SCHEDULE, id="share-H1-band-edge"),
        pytest.param(FACTORY_USE, H1, "88.01", Status.AHEAD, id="share-H1-ahead"),
        # 全覆盖: exactly 100 %, never ahead.
        pytest.param(COVERAGE, H1, "100", Status.ON_SCHEDULE, id="coverage-H1-full"),
        pytest.param(COVERAGE, H1, "99", Status.BEHIND, id="coverage-H1-short"),
        pytest.param(COVERAGE, H1, "50", Status.BEHIND, id="coverage-H1-not-pro-rated"),
        # 只减不增: less is better.
        pytest.param(SPENDING, H1, "0", Status.ON_SCHEDULE, id="spending-H1-flat"),
        pytest.param(SPENDING, H1, "-1", Status.AHEAD, id="spending-H1-falling-ahead"),
        pytest.param(SPENDING, H1, "0.5", Status.BEHIND, id="spending-H1-rising-behind"),
        # Rank 3 or better: band 0.3.
        pytest.param(AIR_RANK, Q3, "3", Status.ON_SCHEDULE, id="rank-Q3-at-value"),
        pytest.param(AIR_RANK, Q3, "2", Status.AHEAD, id="rank-Q3-better-ahead"),
        pytest.param(AIR_RANK, Q3, "4", Status.BEHIND, id="rank-Q3-worse-behind"),
        # Classes.
        pytest.param(WATER, H1, "Ⅲ", Status.ON_SCHEDULE, id="water-H1-better"),
        pytest.param(WATER, H1, "Ⅳ", Status.ON_SCHEDULE, id="water-H1-at-standard"),
        pytest.param(WATER, H1, "Ⅴ", Status.BEHIND, id="water-H1-worse"),
        pytest.param(WATER, YEAR, "Ⅴ", Status.MISSED, id="water-year-missed"),
    ],
)
def test_rates_shares_ranks_and_classes_are_not_pro_rated(
    target: Target, period: Period, figure: str, status: Status
) -> None:
    result = verdict(target, figure, period)
    assert result.status is status
    assert result.expected is None
    assert result.period == period


# --- ceilings: broken is missed at once -------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "figure", "status"),
    [
        pytest.param(JAN, "0", Status.ON_SCHEDULE, id="jan-none-yet"),
        pytest.param(Q1, "0", Status.ON_SCHEDULE, id="Q1-none-yet"),
        pytest.param(Q1, "1", Status.MISSED, id="Q1-one-accident-missed"),
        pytest.param(H1, "2", Status.MISSED, id="H1-two-missed"),
        pytest.param(Q1, ">0", Status.MISSED, id="Q1-bound-above-zero-missed"),
        pytest.param(NOV, "0", Status.ON_SCHEDULE, id="nov-none-yet"),
        pytest.param(YEAR, "0", Status.MET, id="year-met"),
        pytest.param(YEAR, "1", Status.MISSED, id="year-missed"),
    ],
)
def test_ceiling(period: Period, figure: str, status: Status) -> None:
    result = verdict(ACCIDENTS, figure, period)
    assert result.status is status
    assert result.decided is True
    assert result.expected is None


def test_a_broken_ceiling_says_it_cannot_recover_only_during_the_year() -> None:
    assert reason(verdict(ACCIDENTS, "1", Q1)) == Text(
        "1 起 > 0 起：已突破上限，年内无法挽回",
        "1 > 0: the ceiling is broken and cannot recover this year",
    )
    assert reason(verdict(ACCIDENTS, "1", YEAR)) == Text("1 起 > 0 起", "1 > 0")


# --- milestones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "done", "period", "status", "zh", "en"),
    [
        pytest.param(JUNE_30, True, Q1, Status.DONE, "已完成", "done", id="done-before-deadline"),
        pytest.param(
            JUNE_30,
            False,
            Q1,
            Status.PENDING,
            "尚未完成，期限 2024-06-30",
            "not done yet; due by 2024-06-30",
            id="not-done-before-deadline-pending",
        ),
        pytest.param(
            JUNE_30,
            None,
            Q1,
            Status.PENDING,
            "未报告，期限 2024-06-30",
            "not reported; due by 2024-06-30",
            id="no-data-before-deadline-pending",
        ),
        pytest.param(JUNE_30, True, H1, Status.MET, "已完成", "done", id="done-at-deadline-met"),
        pytest.param(
            JUNE_30,
            False,
            H1,
            Status.MISSED,
            "未在 2024-06-30 前完成",
            "not done by 2024-06-30",
            id="not-done-at-deadline-missed",
        ),
        pytest.param(
            JUNE_30, None, H1, Status.NO_DATA, "未报告数据", "no figure reported", id="no-data-at-deadline"
        ),
        pytest.param(
            JUNE_30,
            False,
            Q3,
            Status.MISSED,
            "未在 2024-06-30 前完成",
            "not done by 2024-06-30",
            id="not-done-after-deadline-missed",
        ),
        pytest.param(DEC_31, True, NOV, Status.DONE, "已完成", "done", id="year-end-deadline-done-in-nov"),
        pytest.param(
            DEC_31,
            False,
            NOV,
            Status.PENDING,
            "尚未完成，期限 2024-12-31",
            "not done yet; due by 2024-12-31",
            id="year-end-deadline-not-done-in-nov",
        ),
        pytest.param(DEC_31, True, YEAR, Status.MET, "已完成", "done", id="year-end-deadline-met"),
        pytest.param(
            DEC_31,
            False,
            YEAR,
            Status.MISSED,
            "未在 2024-12-31 前完成",
            "not done by 2024-12-31",
            id="year-end-deadline-missed",
        ),
    ],
)
def test_milestone_during_the_year(
    deadline: dt.date, done: bool | None, period: Period, status: Status, zh: str, en: str
) -> None:
    result = verdict(milestone(deadline), done, period)
    assert result.status is status
    assert reason(result) == Text(zh, en)
    assert result.period == period
    assert result.expected is None


# --- no figure ----------------------------------------------------------------------------------


@pytest.mark.parametrize("target", [BEDS, HIGH_TECH, GDP, ACCIDENTS, WATER], ids=lambda t: t.id)
def test_no_figure_during_the_year_is_no_data(target: Target) -> None:
    result = verdict(target, None, H1)
    assert result.status is Status.NO_DATA
    assert reason(result) == Text("未报告数据", "no figure reported")
    assert (result.period, result.expected) == (H1, None)


# --- bounds during the year ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "figure", "period", "status", "decided", "zh", "en"),
    [
        pytest.param(
            BEDS,
            ">40",
            H1,
            Status.BEHIND,
            False,
            ">40 个 无法判定是否 ≥ 序时进度 50 个（100 × 6/12）：按最不利端判为欠进度",
            "the bound >40 cannot decide ≥ 50 expected by now (100 × 6/12): judged at its worst end (behind)",
            id="increment-above-40-could-be-behind",
        ),
        pytest.param(
            BEDS,
            ">=100",
            H1,
            Status.DONE,
            True,
            "≥100 个 ≥ 100 个：全年目标已完成",
            "≥100 ≥ 100: the full-year target is already reached",
            id="increment-at-least-100-done",
        ),
        pytest.param(
            BEDS,
            ">100",
            H1,
            Status.DONE,
            True,
            ">100 个 ≥ 100 个：全年目标已完成",
            ">100 ≥ 100: the full-year target is already reached",
            id="increment-above-100-done",
        ),
        pytest.param(
            GDP,
            ">8",
            Q3,
            Status.ON_SCHEDULE,
            True,
            ">8 % ≥ 8 % − 0.5（容差）（不按时间折算）",
            ">8 % ≥ 8 % − 0.5 tolerance (compared as it is, not pro-rated)",
            id="gdp-above-8-on-schedule-inside-the-band-or-ahead",
        ),
        pytest.param(
            GDP,
            ">7",
            Q3,
            Status.BEHIND,
            False,
            ">7 % 无法判定是否 ≥ 8 % − 0.5（容差）：按最不利端判为欠进度",
            "the bound >7 % cannot decide ≥ 8 % − 0.5 tolerance: judged at its worst end (behind)",
            id="gdp-above-7-could-be-behind",
        ),
    ],
)
def test_bound_during_the_year(
    target: Target, figure: str, period: Period, status: Status, decided: bool, zh: str, en: str
) -> None:
    result = verdict(target, figure, period)
    assert (result.status, result.decided) == (status, decided)
    assert reason(result) == Text(zh, en)


@pytest.mark.parametrize(
    ("target", "figure", "period", "status", "zh"),
    [
        pytest.param(
            BEDS, ">60", H1, Status.AHEAD, ">60 个 ≥ 序时进度 50 个（100 × 6/12）", id="above-60-at-H1"
        ),
        pytest.param(
            BEDS,
            ">=50",
            H1,
            Status.ON_SCHEDULE,
            "≥50 个 ≥ 序时进度 50 个（100 × 6/12）",
            id="at-least-50-at-H1",
        ),
        pytest.param(ACCIDENTS, "<=0", Q1, Status.ON_SCHEDULE, "≤0 起 ≤ 0 起", id="ceiling-at-most-0-at-Q1"),
        pytest.param(
            GDP,
            ">=7.5",
            Q3,
            Status.ON_SCHEDULE,
            "≥7.5 % ≥ 8 % − 0.5（容差）（不按时间折算）",
            id="gdp-at-least-7.5",
        ),
    ],
)
def test_a_bound_that_settles_the_comparison_is_decided(
    target: Target, figure: str, period: Period, status: Status, zh: str
) -> None:
    result = verdict(target, figure, period)
    assert (result.status, result.decided, reason(result).zh) == (status, True, zh)


# --- exact reasons --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "figure", "period", "status", "zh", "en"),
    [
        pytest.param(
            BEDS,
            "40",
            H1,
            Status.BEHIND,
            "40 个 < 序时进度 50 个（100 × 6/12）",
            "40 < 50 expected by now (100 × 6/12)",
            id="increment-behind",
        ),
        pytest.param(
            BEDS,
            "60",
            H1,
            Status.AHEAD,
            "60 个 ≥ 序时进度 50 个（100 × 6/12）",
            "60 ≥ 50 expected by now (100 × 6/12)",
            id="increment-ahead",
        ),
        pytest.param(
            make_target("projects", value=70),
            "60",
            Q3,
            Status.AHEAD,
            "60 个 ≥ 序时进度 52.5 个（70 × 9/12）",
            "60 ≥ 52.5 expected by now (70 × 9/12)",
            id="increment-Q3-fractional-expected",
        ),
        pytest.param(
            HIGH_TECH,
            "470",
            H1,
            Status.BEHIND,
            "470 家 < 序时进度 476 家（402 + (550 − 402) × 6/12）",
            "470 < 476 expected by now (402 + (550 − 402) × 6/12)",
            id="level-with-baseline-behind",
        ),
        pytest.param(
            HIGH_TECH,
            "513",
            Q3,
            Status.ON_SCHEDULE,
            "513 家 ≥ 序时进度 513 家（402 + (550 − 402) × 9/12）",
            "513 ≥ 513 expected by now (402 + (550 − 402) × 9/12)",
            id="level-with-baseline-on-schedule",
        ),
        pytest.param(
            CHILDCARE,
            "3.2",
            H1,
            Status.BEHIND,
            "3.2 个/千人 < 3.5 个/千人（不按时间折算）",
            "3.2 per 1,000 people < 3.5 per 1,000 people (compared as it is, not pro-rated)",
            id="level-without-baseline",
        ),
        pytest.param(
            GDP,
            "7.4",
            Q3,
            Status.BEHIND,
            "7.4 % < 8 % − 0.5（容差）（不按时间折算）",
            "7.4 % < 8 % − 0.5 tolerance (compared as it is, not pro-rated)",
            id="about-growth-behind",
        ),
        pytest.param(
            INDUSTRY,
            "10.1",
            NOV,
            Status.AHEAD,
            "10.1 % ≥ 8 %（不按时间折算）",
            "10.1 % ≥ 8 % (compared as it is, not pro-rated)",
            id="growth-ahead",
        ),
        pytest.param(
            SPENDING,
            "0.5",
            H1,
            Status.BEHIND,
            "0.5 % > 0 %（不按时间折算）",
            "0.5 % > 0 % (compared as it is, not pro-rated)",
            id="less-is-better-growth-behind",
        ),
        pytest.param(
            ACCIDENTS,
            "1",
            Q1,
            Status.MISSED,
            "1 起 > 0 起：已突破上限，年内无法挽回",
            "1 > 0: the ceiling is broken and cannot recover this year",
            id="ceiling-broken",
        ),
        pytest.param(ACCIDENTS, "0", Q1, Status.ON_SCHEDULE, "0 起 ≤ 0 起", "0 ≤ 0", id="ceiling-kept"),
        pytest.param(
            BEDS,
            "100",
            H1,
            Status.DONE,
            "100 个 ≥ 100 个：全年目标已完成",
            "100 ≥ 100: the full-year target is already reached",
            id="increment-done",
        ),
        pytest.param(
            HIGH_TECH,
            "560",
            H1,
            Status.DONE,
            "560 家 ≥ 550 家：全年目标已完成",
            "560 ≥ 550: the full-year target is already reached",
            id="level-done",
        ),
        pytest.param(
            ROADS,
            "101",
            H1,
            Status.DONE,
            "101 公里 > 100 公里：全年目标已完成",
            "101 km > 100 km: the full-year target is already reached",
            id="strict-increment-done",
        ),
        pytest.param(
            TALENT,
            "20",
            H1,
            Status.DONE,
            "20 名 ≥ 20 名 − 2（容差）：全年目标已完成",
            "20 ≥ 20 − 2 tolerance: the full-year target is already reached",
            id="about-increment-done",
        ),
    ],
)
def test_part_year_reason(
    target: Target, figure: str, period: Period, status: Status, zh: str, en: str
) -> None:
    result = verdict(target, figure, period)
    assert result.status is status
    assert reason(result) == Text(zh, en)


# --- exact arithmetic of the pace ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "end_month", "figure"),
    [
        pytest.param(12, 1, "1", id="12-by-jan"),
        pytest.param(12, 5, "5", id="12-by-may"),
        pytest.param(12, 7, "7", id="12-by-jul"),
        pytest.param(12, 11, "11", id="12-by-nov"),
        pytest.param(20, 3, "5", id="20-by-mar"),
        pytest.param(30, 8, "20", id="30-by-aug"),
    ],
)
def test_a_figure_exactly_on_the_pace_is_on_schedule(value: int, end_month: int, figure: str) -> None:
    result = verdict(make_target("x", value=value), figure, Period(2024, end_month))
    assert result.status is Status.ON_SCHEDULE
    assert reason(result).zh == f"{figure} 个 ≥ 序时进度 {figure} 个（{value} × {end_month}/12）"


def test_exactly_on_the_pace_for_jan_feb_is_on_schedule() -> None:
    result = verdict(make_target("x", value=18), "3", Period(2024, 2))
    assert result.status is Status.ON_SCHEDULE
    assert result.expected == D(3)
    assert reason(result).zh == "3 个 ≥ 序时进度 3 个（18 × 2/12）"


def test_the_expected_figure_is_exact_when_it_is_whole() -> None:
    result = verdict(make_target("x", value=3), "1", Period(2024, 4))
    assert result.expected == D(1)
    expected = Text("1 个 ≥ 序时进度 1 个（3 × 4/12）", "1 ≥ 1 expected by now (3 × 4/12)")
    assert reason(result) == expected


# --- score(..., as_of=...) ----------------------------------------------------------------------

SERIES = [
    make_actual("beds", 20, period=Q1),
    make_actual("beds", 60, period=H1),
    make_actual("beds", 70, period=Q3),
    make_actual("beds", 100, period=YEAR),
    make_actual("gdp", quantity("7.6"), period=Q3),
]


@pytest.mark.parametrize(
    ("as_of", "card_period", "beds", "gdp"),
    [
        # (period judged, figure, status, expected) for each target; None: no figure yet.
        pytest.param(
            None,
            YEAR,
            (YEAR, "100", Status.MET, None),
            (Q3, "7.6", Status.ON_SCHEDULE, None),
            id="default-year-gdp-judged-as-of-Q3",
        ),
        pytest.param(
            YEAR,
            YEAR,
            (YEAR, "100", Status.MET, None),
            (Q3, "7.6", Status.ON_SCHEDULE, None),
            id="year",
        ),
        pytest.param(
            NOV,
            NOV,
            (Q3, "70", Status.BEHIND, "75"),
            (Q3, "7.6", Status.ON_SCHEDULE, None),
            id="nov-uses-Q3-judged-as-of-Q3",
        ),
        pytest.param(
            Q3,
            Q3,
            (Q3, "70", Status.BEHIND, "75"),
            (Q3, "7.6", Status.ON_SCHEDULE, None),
            id="Q3",
        ),
        pytest.param(
            Period(2024, 8), Period(2024, 8), (H1, "60", Status.AHEAD, "50"), None, id="aug-uses-H1"
        ),
        pytest.param(H1, H1, (H1, "60", Status.AHEAD, "50"), None, id="H1"),
        pytest.param(Q1, Q1, (Q1, "20", Status.BEHIND, "25"), None, id="Q1"),
        pytest.param(JAN, JAN, None, None, id="before-any-figure"),
    ],
)
def test_score_as_of_judges_the_latest_figure_at_or_before_it(
    as_of: Period | None, card_period: Period, beds: tuple[Any, ...] | None, gdp: tuple[Any, ...] | None
) -> None:
    catalogue = make_catalogue(BEDS, GDP)
    for actuals in (SERIES, SERIES[::-1]):
        card = score(catalogue, actuals, as_of=as_of)
        assert card.period == card_period
        for result, want in zip(card.results, (beds, gdp), strict=True):
            if want is None:
                assert (result.status, result.actual, result.period) == (Status.NO_DATA, None, card_period)
                continue
            period, figure, status, expected = want
            assert result.actual is not None and result.actual.period == period
            assert isinstance(result.actual.parsed, Quantity) and result.actual.parsed.value == D(figure)
            assert (result.status, result.period) == (status, period)
            assert result.expected == (None if expected is None else D(expected))


def test_a_milestone_with_no_figure_is_pending_as_of_a_part_year_period() -> None:
    card = score(make_catalogue(BEDS, milestone(DEC_31)), [make_actual("beds", 60, period=H1)])
    assert card.period == H1
    assert [r.status for r in card.results] == [Status.AHEAD, Status.PENDING]
    assert reason(card.results[1]) == Text("未报告，期限 2024-12-31", "not reported; due by 2024-12-31")


def test_a_milestone_is_not_pending_in_a_card_after_its_deadline() -> None:
    card = score(make_catalogue(milestone(JUNE_30)), [make_actual("tunnel", False, period=Q1)], as_of=Q3)
    result = card.results[0]
    # Not done in March says nothing of June: no data, not missed (and no longer pending).
    assert result.status is Status.NO_DATA
    assert reason(result) == Text(
        "最近一次报告（2024年一季度）尚未完成，期限 2024-06-30 后未有报告",
        "last reported not done (2024 Q1); nothing reported since the deadline 2024-06-30",
    )
    late = score(make_catalogue(milestone(JUNE_30)), [make_actual("tunnel", False, period=Q3)])
    assert (late.results[0].status, reason(late.results[0]).en) == (Status.MISSED, "not done by 2024-06-30")


# --- the rule in words (gxcheck explain) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "period", "zh", "en"),
    [
        pytest.param(
            BEDS,
            H1,
            "越高越好；全年达到 100 个 即完成；序时进度 100 × 6/12 = 50 个，超过 55 个 为超进度",
            "more is better; met at 100 for the year; expected by now 100 × 6/12 = 50, ahead beyond 55",
            id="increment-H1",
        ),
        pytest.param(
            HIGH_TECH,
            H1,
            "越高越好；全年达到 550 家 即完成；"
            "序时进度 402 + (550 − 402) × 6/12 = 476 家，超过 483.4 家 为超进度",
            "more is better; met at 550 for the year; "
            "expected by now 402 + (550 − 402) × 6/12 = 476, ahead beyond 483.4",
            id="level-with-baseline-H1",
        ),
        pytest.param(
            CAP,
            H1,
            "越低越好；全年达到 100 个 即完成；序时进度 100 × 6/12 = 50 个，超过全年上限即为未完成，"
            "低于 45 个 为超进度",
            "less is better; met at 100 for the year; expected by now 100 × 6/12 = 50, "
            "over the annual cap is missed at once, ahead beyond 45",
            id="capped-increment-H1",
        ),
        pytest.param(
            PM25,
            H1,
            "越低越好；全年达到 30 微克/立方米 即完成；"
            "序时进度 35 + (30 − 35) × 6/12 = 32.5 微克/立方米，低于 32.25 微克/立方米 为超进度",
            "less is better; met at 30 微克/立方米 for the year; "
            "expected by now 35 + (30 − 35) × 6/12 = 32.5 微克/立方米, ahead beyond 32.25 微克/立方米",
            id="falling-level-H1",
        ),
        pytest.param(
            make_target("projects", value=70),
            Q3,
            "越高越好；全年达到 70 个 即完成；序时进度 70 × 9/12 = 52.5 个，超过 57.75 个 为超进度",
            "more is better; met at 70 for the year; expected by now 70 × 9/12 = 52.5, ahead beyond 57.75",
            id="increment-Q3",
        ),
        pytest.param(
            CHILDCARE,
            H1,
            "越高越好；全年达到 3.5 个/千人 即完成；没有基期值，无法折算，按年末水平比较，"
            "超过 3.85 个/千人 为超进度",
            "more is better; met at 3.5 per 1,000 people for the year; "
            "no baseline to pro-rate from: compared with the year-end level, "
            "ahead beyond 3.85 per 1,000 people",
            id="level-without-baseline-H1",
        ),
        pytest.param(
            GDP,
            Q3,
            "越高越好；全年达到 7.5 % 即完成；"
            "增速、比率等按全年目标直接比较，不按时间折算，超过 8.5 % 为超进度",
            "more is better; met at 7.5 % for the year; "
            "a rate or share is compared with the annual value as it is, ahead beyond 8.5 %",
            id="growth-Q3",
        ),
        pytest.param(
            ACCIDENTS,
            Q1,
            "越低越好；全年达到 0 起 即完成；上限一旦突破即为未完成",
            "less is better; met at 0 for the year; a broken ceiling is missed at once",
            id="ceiling-Q1",
        ),
        pytest.param(
            BEDS,
            YEAR,
            "越高越好；全年达到 100 个 即完成；基本完成区间 ≥ 90 个",
            "more is better; met at 100 for the year; near band ≥ 90",
            id="increment-year-not-pro-rated",
        ),
        pytest.param(
            milestone(JUNE_30),
            Q1,
            "节点任务：2024-06-30 前完成即为完成；此前未完成为未到期",
            "milestone: met when done by 2024-06-30; pending before then",
            id="milestone",
        ),
    ],
)
def test_describe_rule(target: Target, period: Period, zh: str, en: str) -> None:
    assert rule_text(judge(target, None, period, D("0.1"))) == Text(zh, en)


# --- part-year rules on the bundled plan (#10, point 3) ----------------------------------------------


@pytest.mark.parametrize(
    ("target_id", "figure", "status"),
    [
        # 续建 and 储备 are stocks known in January: 60 of 超100 by June is short, not ahead.
        pytest.param("roads_continued", "60", Status.BEHIND, id="continued-roads-are-a-stock"),
        pytest.param("roads_reserved", "60", Status.BEHIND, id="reserved-roads-are-a-stock"),
        pytest.param("reserve_projects", "60", Status.BEHIND, id="reserve-projects-are-a-stock"),
        pytest.param("roads_continued", "100.5", Status.ON_SCHEDULE, id="stock-beyond-the-value"),
        # 左右: ahead only above value + tolerance.
        pytest.param("gdp_growth", "8.1", Status.ON_SCHEDULE, id="gdp-8.1-inside-the-band"),
        pytest.param("gdp_growth", "8.51", Status.AHEAD, id="gdp-above-the-band"),
        # 超 stays strict when pro-rated: the 50 due by June must be exceeded.
        pytest.param("roads_newly_started", "50", Status.BEHIND, id="strict-at-pace-is-behind"),
        pytest.param("roads_newly_started", "51", Status.ON_SCHEDULE, id="strict-beyond-pace"),
    ],
)
def test_part_year_rules_on_the_bundled_plan(
    bundled: Any, target_id: str, figure: str, status: Status
) -> None:
    target = bundled.target(target_id)
    assert verdict(target, figure, H1).status is status


def test_every_stock_of_the_bundled_plan_says_so_in_its_note(bundled: Any) -> None:
    stocks = [t for t in bundled.targets if t.kind is Kind.STOCK]
    assert [t.id for t in stocks] == ["roads_continued", "roads_reserved", "reserve_projects"]
    assert all("存量" in t.note.zh and "stock" in t.note.en for t in stocks if t.note)
    assert all(t.note for t in stocks)


def test_a_stock_is_compared_as_it_is_and_says_so() -> None:
    stock = make_target("continued", kind=Kind.STOCK, op=Op.GT, value=100, unit="公里")
    result = verdict(stock, "60", H1)
    assert (result.status, result.expected) == (Status.BEHIND, None)
    assert reason(result) == Text(
        "60 公里 ≤ 100 公里（不按时间折算）", "60 km ≤ 100 km (compared as it is, not pro-rated)"
    )
    assert rule_text(result).en == (
        "more is better; met at 100 km for the year; a stock known from January (carried over, "
        "reserved): compared with the annual value as it is, ahead beyond 110 km"
    )
