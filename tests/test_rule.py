"""The rule a verdict applied travels on the Result as numbers and enums, Status carries its
groups, and the renderers read both instead of working the rule out again."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import D, make_actual, make_catalogue, make_target

from gxcheck.evaluate import judge, score
from gxcheck.model import Basis, Better, Commitment, Kind, Op, Rule, Status, Target
from gxcheck.periods import Period
from gxcheck.render import ReportOptions, github, junit
from gxcheck.render.common import commitment_tag, verdict
from gxcheck.trend import Direction, trends

Q1, H1, Q3, YEAR = Period(2024, 3), Period(2024, 6), Period(2024, 9), Period(2024)
BEDS = make_target("beds", value=100, unit="张")
HIGH_TECH = make_target("high_tech", kind=Kind.LEVEL, value=550, baseline=402, unit="家")
GDP = make_target("gdp", kind=Kind.GROWTH, op=Op.ABOUT, value=8, tolerance="0.5", unit="%")
ACCIDENTS = make_target("accidents", kind=Kind.CEILING, op=Op.LE, value=0, unit="起")
COVERAGE = make_target("coverage", kind=Kind.SHARE, op=Op.EQ, value=100, unit="%")
WATER = make_target("water", kind=Kind.ORDINAL, op=Op.LE, value="Ⅴ", scale=("Ⅲ", "Ⅳ", "Ⅴ"), unit="类")
TUNNEL = make_target("tunnel", kind=Kind.MILESTONE, op=Op.DONE, value=True, deadline=dt.date(2024, 6, 30))
BEDS_H1 = Rule(
    Op.GE,
    Better.MORE,
    D(100),
    Basis.PRO_RATED,
    expected=D(50),
    start=D(0),
    share=(6, 12),
    ahead_beyond=D(55),
    ratio_from=D(0),
)


def rule_of(target: Target, figure: Any, period: Period) -> Rule | None:
    actual = None if figure is None else make_actual(target.id, figure, period=period)
    return judge(target, actual, period, D("0.1")).rule


@pytest.mark.parametrize(
    ("target", "figure", "period", "rule"),
    [
        pytest.param(
            BEDS,
            40,
            H1,
            BEDS_H1,
            id="increment-H1",
        ),
        pytest.param(
            HIGH_TECH,
            480,
            H1,
            Rule(
                Op.GE,
                Better.MORE,
                D(550),
                Basis.PRO_RATED,
                expected=D(476),
                start=D(402),
                share=(6, 12),
                ahead_beyond=D("483.4"),
                ratio_from=D(402),
            ),
            id="level-with-baseline-H1",
        ),
        pytest.param(
            GDP,
            7.4,
            YEAR,
            Rule(Op.ABOUT, Better.MORE, D("7.5"), Basis.YEAR_END, near=(D(7), D("7.5")), ratio_from=D(0)),
            id="about-year",
        ),
        pytest.param(
            ACCIDENTS,
            1,
            Q1,
            Rule(Op.LE, Better.LESS, D(0), Basis.CEILING, ratio_from=D(0)),
            id="ceiling-Q1",
        ),
        pytest.param(
            COVERAGE,
            95,
            YEAR,
            Rule(Op.EQ, Better.EXACT, D(100), Basis.YEAR_END, near=(D(90), D(110)), ratio_from=D(0)),
            id="equal-year",
        ),
        pytest.param(
            COVERAGE,
            95,
            H1,
            Rule(Op.EQ, Better.EXACT, D(100), Basis.AS_IS, ratio_from=D(0)),
            id="equal-H1-has-no-ahead",
        ),
        pytest.param(WATER, "Ⅳ", YEAR, Rule(Op.LE, Better.LESS, D(2), Basis.YEAR_END), id="ordinal"),
        pytest.param(
            TUNNEL,
            None,
            Q1,
            Rule(Op.DONE, Better.MORE, D(1), Basis.DEADLINE, deadline=dt.date(2024, 6, 30)),
            id="milestone",
        ),
        pytest.param(
            BEDS,
            None,
            H1,
            BEDS_H1,
            id="no-figure-still-carries-its-rule",
        ),
    ],
)
def test_the_result_carries_the_rule_it_applied(
    target: Target, figure: Any, period: Period, rule: Rule
) -> None:
    assert rule_of(target, figure, period) == rule


def test_expected_is_only_shown_beside_a_figure() -> None:
    assert judge(BEDS, None, H1, D("0.1")).expected is None
    assert judge(BEDS, make_actual("beds", 40, period=H1), H1, D("0.1")).expected == D(50)


# --- Status groups ----------------------------------------------------------------------------------


def test_status_groups() -> None:
    assert [s for s in Status if s.good] == [Status.MET, Status.DONE, Status.AHEAD, Status.ON_SCHEDULE]
    assert [s for s in Status if not s.judged] == [Status.PENDING, Status.NO_DATA]
    assert Status.by_severity() == (Status.PENDING, Status.NO_DATA, Status.BEHIND, Status.NEAR, Status.MISSED)
    assert Status.BEHIND.at_least() == {Status.BEHIND, Status.NEAR, Status.MISSED}
    assert Status.MISSED.at_least() == {Status.MISSED}
    assert Status.PENDING.at_least() == {s for s in Status if not s.good}


# --- every reader uses the same groups ------------------------------------------------------------


def test_github_warns_of_a_pending_milestone_the_policy_lets_pass() -> None:
    card = score(make_catalogue(TUNNEL), [], as_of=Q1)
    assert card.results[0].status is Status.PENDING
    lines = github.scorecard(card, ReportOptions("en", frozenset({Status.MISSED}))).splitlines()
    assert [line.split("::")[1].split(" ")[0] for line in lines] == ["warning", "notice"]


def test_junit_skips_exactly_the_statuses_that_were_not_judged() -> None:
    card = score(make_catalogue(TUNNEL, BEDS), [make_actual("beds", 40, period=H1)], as_of=H1)
    xml = junit.scorecard(card, ReportOptions("en", frozenset({Status.MISSED})))
    assert xml.count("<skipped") == 1 and 'skipped="1"' in xml


# --- trend direction reads the rule's direction --------------------------------------------------------


def test_trend_of_an_equal_target_improves_as_it_comes_back_to_the_value() -> None:
    actuals = [make_actual("coverage", 110, period=H1), make_actual("coverage", 100, period=YEAR)]
    (series,) = trends(make_catalogue(COVERAGE), actuals)
    assert [p.status for p in series.points] == [Status.BEHIND, Status.MET]
    assert series.direction is Direction.IMPROVING


def test_trend_of_an_equal_target_worsens_as_it_moves_away_either_way() -> None:
    actuals = [make_actual("coverage", 99, period=H1), make_actual("coverage", 120, period=YEAR)]
    (series,) = trends(make_catalogue(COVERAGE), actuals)
    assert series.direction is Direction.WORSENING


# --- the commitment beside every shortfall (#10, point 5) ----------------------------------------------


@pytest.mark.parametrize(
    ("commitment", "figure", "zh", "en"),
    [
        pytest.param(Commitment.ENSURE, 55, "（确保）", " (ensure)", id="missed-ensure"),
        pytest.param(Commitment.STRIVE, 95, "（力争）", " (strive)", id="near-strive"),
        pytest.param(Commitment.PLAIN, 55, "", "", id="plain-has-no-word"),
        pytest.param(Commitment.ENSURE, 100, "", "", id="met-is-no-shortfall"),
        pytest.param(Commitment.ENSURE, None, "", "", id="no-data-is-no-shortfall"),
    ],
)
def test_commitment_tag_beside_a_shortfall(commitment: Commitment, figure: Any, zh: str, en: str) -> None:
    target = make_target("projects", value=100, commitment=commitment)
    actual = None if figure is None else make_actual("projects", figure)
    result = judge(target, actual, YEAR, D("0.1"))
    assert (commitment_tag(result, "zh"), commitment_tag(result, "en")) == (zh, en)


def test_the_verdict_counts_the_failing_firm_commitments() -> None:
    firm = make_target("firm", value=60, commitment=Commitment.ENSURE)
    plain = make_target("plain", value=60)
    card = score(make_catalogue(firm, plain), [make_actual("firm", 55), make_actual("plain", 40)])
    assert verdict(card, ReportOptions("zh")).endswith("不通过：2 项未完成（其中确保 1 项）")
    assert verdict(card, ReportOptions("en")).endswith("FAIL: 2 missed (1 of them 确保, a firm commitment)")
