"""Multi-year plans (中期评估): the plan's span, periods across years, and the expected path.

GUIDE.md §1: by the end of 2024, two fifths of a 2023–2027 plan measured from 2022 have
passed, and a level should be two fifths of the way from its 2022 figure to its 2027 target.
The boundaries: the base year, the horizon, a part-year figure inside a middle year, and a
compound path against a straight one.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from conftest import quantity
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.errors import InputError
from gxcheck.evaluate import judge
from gxcheck.model import Actual, Catalogue, Curve, Status, Target
from gxcheck.periods import BadPeriod, Period, parse_period, span_elapsed, span_share_text
from gxcheck.targets import parse_targets

FILE = "plan.yaml"
HEAD = """\
version: 1
plan:
  title: {zh: 行动计划, en: Action plan}
  first_year: 2023
  last_year: 2027
  base_year: 2022
  published: 2023-04-26
  publisher: {zh: 管委会, en: Committee}
  url: https://example.invalid/plan
areas:
  - {id: main, zh: 目标, en: Targets}
targets:
"""

RD = """\
  - id: rd
    area: main
    name: {zh: 研发投入强度, en: R&D intensity}
    kind: share
    op: ">="
    value: 5.7
    unit: "%"
    commitment: plain
    baseline: 5.4
    quote: 研发投入强度达5.7%
"""


def target_yaml(id: str, kind: str, value: str | None, unit: str = "个", **extra: Any) -> str:
    lines = [
        f"  - id: {id}",
        "    area: main",
        f"    name: {{zh: {id}, en: {id}}}",
        f"    kind: {kind}",
        f'    op: "{extra.pop("op", ">=" if kind != "milestone" else "done")}"',
    ]
    if value is not None:
        lines.append(f"    value: {value}")
    lines += [f'    unit: "{unit}"', "    commitment: plain", f"    quote: {id}"]
    lines += [f"    {key}: {val}" for key, val in extra.items()]
    return "\n".join(lines) + "\n"


def catalogue(*targets: str) -> Catalogue:
    return parse_targets(HEAD + "".join(targets or (RD,)), FILE)


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_targets(text, FILE)
    return [str(p) for p in caught.value.problems]


# -- the span and its periods -------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "share", "shown"),
    [
        (Period(2022), Fraction(0), "0/5"),  # the base year: nothing has passed yet
        (Period(2023, 3), Fraction(1, 20), "3/60"),
        (Period(2024), Fraction(2, 5), "2/5"),
        (Period(2025, 6), Fraction(1, 2), "30/60"),  # a part-year figure inside a middle year
        (Period(2025, 9), Fraction(11, 20), "33/60"),
        (Period(2027, 11), Fraction(59, 60), "59/60"),
        (Period(2027), Fraction(1), "5/5"),  # the horizon
    ],
)
def test_the_share_of_the_span_is_exact_from_the_end_of_the_base_year(
    period: Period, share: Fraction, shown: str
) -> None:
    assert span_elapsed(period, 2022, 2027) == share
    assert span_share_text(share, 2022, 2027) == shown


def test_an_annual_plan_is_a_span_of_one_year() -> None:
    assert [span_elapsed(Period(2024, m), 2023, 2024) for m in (3, 9, 12)] == [
        Period(2024, m).elapsed for m in (3, 9, 12)
    ]


def test_periods_of_a_multi_year_plan_run_from_its_base_year_to_its_last() -> None:
    plan = catalogue().plan
    assert [plan.period(p) for p in ("2022", "2024", "2025年上半年", "2027-Q3")] == [
        Period(2022),
        Period(2024),
        Period(2025, 6),
        Period(2027, 9),
    ]
    for outside in ("2021", "2028-Q1"):
        with pytest.raises(BadPeriod) as caught:
            plan.period(outside)
        assert str(caught.value) == (
            f"period {outside!r} is outside the plan's years 2022–2027 (base year included)"
        )


def test_an_annual_plans_periods_are_unchanged() -> None:
    with pytest.raises(BadPeriod, match=r"^period '2023' is outside the plan's year 2024$"):
        parse_period("2023", 2024)


# -- the format ---------------------------------------------------------------------------


def test_a_multi_year_file_loads_with_its_span_and_each_targets_horizon() -> None:
    cat = catalogue(
        RD,
        target_yaml("roads", "level", "200", baseline=120, horizon=2025, baseline_year=2023),
        target_yaml("tunnel", "milestone", "true", unit=""),
    )
    plan = cat.plan
    assert (plan.year, plan.first_year, plan.base_year, plan.is_multi_year) == (2027, 2023, 2022, True)
    rd, roads, tunnel = cat.targets
    assert (rd.horizon, rd.baseline_year) == (2027, 2022)
    assert (roads.horizon, roads.baseline_year) == (2025, 2023)
    assert tunnel.deadline == dt.date(2027, 12, 31)


def test_the_base_year_defaults_to_the_year_before_the_first() -> None:
    cat = parse_targets(HEAD.replace("  base_year: 2022\n", "") + RD, FILE)
    assert cat.plan.base_year == 2022


def test_doubling_is_times_the_baseline() -> None:
    [freight] = catalogue(target_yaml("freight", "level", None, unit="万吨", times=2, baseline=35.5)).targets
    assert (freight.value, freight.times) == (Decimal("71.0"), Decimal(2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEAD.replace("  first_year: 2023\n", "  year: 2024\n  first_year: 2023\n") + RD,
            "plan.yaml:5: plan: give year (an annual plan) or first_year and last_year "
            "(a multi-year plan), not both",
        ),
        (
            HEAD.replace("  last_year: 2027\n", "") + RD,
            "plan.yaml:3: plan: missing year (an annual plan), or first_year and last_year "
            "(a multi-year plan)",
        ),
        (
            HEAD.replace("last_year: 2027", "last_year: 2023") + RD,
            "plan.yaml:5: plan.last_year 2023 must be after first_year 2023",
        ),
        (
            HEAD.replace("base_year: 2022", "base_year: 2023") + RD,
            "plan.yaml:6: plan.base_year 2023 must be before first_year 2023",
        ),
        (
            HEAD + target_yaml("a", "level", "5", horizon=2029),
            'plan.yaml:13: target "a": horizon 2029 is outside the plan\'s years 2023–2027',
        ),
        (
            HEAD + target_yaml("a", "level", "5", baseline=1, baseline_year=2027),
            'plan.yaml:13: target "a": baseline_year 2027 must be from the base year 2022 '
            "to the year before the horizon (2026)",
        ),
        (
            HEAD + target_yaml("a", "level", "5", times=2, baseline=1),
            'plan.yaml:22: target "a": give times or value, not both (times: 2 makes the value 2 × baseline)',
        ),
        (
            HEAD + target_yaml("a", "level", None, times=2),
            'plan.yaml:21: target "a": times needs a baseline: the value is times × baseline',
        ),
        (
            HEAD + target_yaml("a", "growth", None, unit="%", times=2, baseline=1),
            'plan.yaml:21: target "a": times is for a level that should grow, with op >= or > '
            "(this is growth >=)",
        ),
        (
            HEAD + target_yaml("a", "level", "5", path="compound"),
            'plan.yaml:22: target "a": path compound needs a baseline and a value above 0, '
            "to grow from one to the other",
        ),
        (
            HEAD + target_yaml("a", "level", "5", path="straight"),
            'plan.yaml:22: target "a": unknown path "straight" (use one of linear, compound)',
        ),
    ],
)
def test_each_bad_multi_year_file_is_reported_with_its_exact_message(text: str, expected: str) -> None:
    assert problems(text) == [expected]


def test_an_annual_plans_targets_may_not_name_a_horizon() -> None:
    annual = HEAD.replace("  first_year: 2023\n  last_year: 2027\n  base_year: 2022\n", "  year: 2024\n")
    assert problems(annual + target_yaml("a", "level", "5", horizon=2024)) == [
        'plan.yaml:11: target "a": horizon is only for a multi-year plan '
        "(give plan.first_year and plan.last_year instead of plan.year)"
    ]


def test_a_figure_from_before_a_targets_path_starts_is_refused(tmp_path: Path) -> None:
    from gxcheck.actuals import load_actuals

    csv = tmp_path / "a.csv"
    csv.write_text(
        "id,period,value\nrd,2022,5.4%\nrd,2022-H1,5.3%\nfirms,2022,300\nfirms,2023,402\n", "utf-8"
    )
    plan = catalogue(RD, target_yaml("firms", "level", "1000", baseline=402, baseline_year=2023))
    with pytest.raises(InputError) as caught:
        load_actuals(csv, plan)
    assert [str(p) for p in caught.value.problems] == [
        f"{csv}:3: target \"rd\": period '2022-H1' ends before the target's path starts (the end of its "
        "baseline year 2022; use a period from then to 2027)",
        f"{csv}:4: target \"firms\": period '2022' ends before the target's path starts (the end of its "
        "baseline year 2023; use a period from then to 2027)",
    ]


def test_a_multi_year_plans_figure_needs_its_period(tmp_path: Path) -> None:
    from gxcheck.actuals import load_actuals

    csv = tmp_path / "a.csv"
    csv.write_text("id,period,value\nrd,2024,5.5%\nrd,,5.6%\nrd,2021,5.3%\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_actuals(csv, catalogue())
    assert [str(p) for p in caught.value.problems] == [
        f'{csv}:3: target "rd": period is empty; a multi-year plan\'s figure needs its year '
        "(2022–2027, e.g. 2026 or 2026-H1)",
        f"{csv}:4: target \"rd\": period '2021' is outside the plan's years 2022–2027 (base year included)",
    ]


def verdict(target: Target, figure: str | bool, period: Period) -> tuple[Status, Decimal | None]:
    parsed: Any = figure if isinstance(figure, bool) else quantity(figure)
    actual = Actual(target.id, period, str(figure), parsed)
    result = judge(target, actual, period, Decimal("0.1"))
    return result.status, result.expected


# -- the expected path --------------------------------------------------------------------

R_D = catalogue().targets[0]  # 5.4 % in 2022 → 5.7 % by 2027; near band 0.03 (a tenth of the way)


@pytest.mark.parametrize(
    ("figure", "period", "status", "expected"),
    [
        ("5.4", Period(2022), Status.ON_SCHEDULE, "5.4"),  # the base year: at the start of the path
        ("5.39", Period(2022), Status.BEHIND, "5.4"),
        ("5.5", Period(2024), Status.BEHIND, "5.52"),  # the real mid-term figure: 2/5 of 0.3 short
        ("5.52", Period(2024), Status.ON_SCHEDULE, "5.52"),  # exactly on the path
        ("5.532", Period(2024), Status.ON_SCHEDULE, "5.52"),  # on the path + 2/5 of the band
        ("5.533", Period(2024), Status.AHEAD, "5.52"),
        ("5.7", Period(2024), Status.DONE, "5.52"),  # the 2027 target already reached
        ("5.55", Period(2025, 6), Status.ON_SCHEDULE, "5.55"),  # half-way, in the middle of 2025
        ("5.549", Period(2025, 6), Status.BEHIND, "5.55"),
        ("5.7", Period(2027), Status.MET, None),  # the horizon: met, near, missed as for a year
        ("5.67", Period(2027), Status.NEAR, None),
        ("5.669", Period(2027), Status.MISSED, None),
    ],
)
def test_a_share_with_a_baseline_follows_the_straight_path(
    figure: str, period: Period, status: Status, expected: str | None
) -> None:
    assert verdict(R_D, figure, period) == (status, None if expected is None else Decimal(expected))


COMPOUND, LINEAR = catalogue(
    target_yaml("compound", "level", "200", baseline=100, path="compound"),
    target_yaml("linear", "level", "200", baseline=100),
).targets


def test_compound_growth_bends_below_the_straight_line() -> None:
    assert COMPOUND.curve is Curve.COMPOUND and LINEAR.curve is None
    # 2024: 100 × 2^(2/5) = 131.95 against 100 + 100 × 2/5 = 140.
    assert verdict(COMPOUND, "135", Period(2024)) == (Status.ON_SCHEDULE, Decimal("131.9508"))
    assert verdict(LINEAR, "135", Period(2024)) == (Status.BEHIND, Decimal("140"))
    assert verdict(COMPOUND, "131.95", Period(2024)) == (Status.BEHIND, Decimal("131.9508"))
    # Both start at the baseline and end at the value.
    assert verdict(COMPOUND, "100", Period(2022))[1] == verdict(LINEAR, "100", Period(2022))[1] == 100
    at_the_horizon = (Status.MET, None)
    assert verdict(COMPOUND, "200", Period(2027)) == verdict(LINEAR, "200", Period(2027)) == at_the_horizon


def test_a_running_total_over_the_plan_is_the_value_times_the_share() -> None:
    [total] = catalogue(target_yaml("beds", "increment", "1000", unit="张")).targets  # 五年累计新增1000张
    assert verdict(total, "400", Period(2024)) == (Status.ON_SCHEDULE, Decimal(400))
    assert verdict(total, "399", Period(2024)) == (Status.BEHIND, Decimal(400))
    assert verdict(total, "250", Period(2023, 6)) == (Status.AHEAD, Decimal(100))  # 1000 × 18/60


def test_a_growth_rate_in_a_given_year_is_compared_as_it_is() -> None:
    [growth] = catalogue(target_yaml("gdp", "growth", "6", unit="%")).targets  # 年均增长6%, as a rate
    assert verdict(growth, "6", Period(2024)) == (Status.ON_SCHEDULE, None)
    assert verdict(growth, "5.9", Period(2024)) == (Status.BEHIND, None)
    assert verdict(growth, "5.9", Period(2027)) == (Status.NEAR, None)


def test_a_level_without_a_baseline_is_compared_as_it_is() -> None:
    [clusters] = catalogue(target_yaml("clusters", "level", "3")).targets
    assert verdict(clusters, "1", Period(2024)) == (Status.BEHIND, None)
    assert verdict(clusters, "3", Period(2024)) == (Status.ON_SCHEDULE, None)


def test_doubling_is_judged_along_its_path_to_twice_the_base() -> None:
    [freight] = catalogue(target_yaml("freight", "level", None, unit="", times=2, baseline=100)).targets
    assert verdict(freight, "140", Period(2024)) == (Status.ON_SCHEDULE, Decimal(140))
    assert verdict(freight, "199", Period(2027)) == (Status.NEAR, None)


def test_a_target_with_its_own_horizon_is_due_at_its_end() -> None:
    [roads] = catalogue(target_yaml("roads", "level", "200", baseline=80, horizon=2025)).targets
    assert verdict(roads, "160", Period(2024)) == (Status.ON_SCHEDULE, Decimal(160))  # 80 + 120 × 2/3
    assert verdict(roads, "190", Period(2025)) == (Status.NEAR, None)
    assert verdict(roads, "190", Period(2026)) == (Status.NEAR, None)  # after the horizon: still its verdict


def test_a_milestone_is_pending_until_the_horizon_unless_done() -> None:
    [tunnel] = catalogue(target_yaml("tunnel", "milestone", "true", unit="")).targets
    assert verdict(tunnel, False, Period(2024))[0] is Status.PENDING
    assert verdict(tunnel, True, Period(2024))[0] is Status.DONE  # done early: 已完成, before it is due
    assert verdict(tunnel, True, Period(2027))[0] is Status.MET
    assert verdict(tunnel, False, Period(2027))[0] is Status.MISSED


def test_a_level_that_should_fall_follows_its_path_down() -> None:
    """PM2.5 from 40 (2022) to at most 30 by 2027: above 30 in 2024 is not over a cap."""
    [pm25] = catalogue(target_yaml("pm25", "level", "30", unit="微克/立方米", op="<=", baseline=40)).targets
    assert verdict(pm25, "36", Period(2024)) == (Status.ON_SCHEDULE, Decimal(36))  # 40 − 10 × 2/5
    assert verdict(pm25, "36.1", Period(2024)) == (Status.BEHIND, Decimal(36))
    assert verdict(pm25, "33", Period(2024)) == (Status.AHEAD, Decimal(36))
    assert verdict(pm25, "30", Period(2024))[0] is Status.DONE
    assert verdict(pm25, "31", Period(2027)) == (Status.NEAR, None)
    assert verdict(pm25, "31.1", Period(2027)) == (Status.MISSED, None)


def test_a_running_total_over_its_cap_is_missed_at_once() -> None:
    [land] = catalogue(
        target_yaml("land", "increment", "100", unit="公顷", op="<=")
    ).targets  # 五年累计不超过100
    assert verdict(land, "101", Period(2024)) == (Status.MISSED, Decimal(40))
    assert verdict(land, "40", Period(2024)) == (Status.ON_SCHEDULE, Decimal(40))


# -- in the reader's language ---------------------------------------------------------------

SPAN_ZH = [
    "plan.yaml:13: 目标 “a”：horizon 2029 不在计划的 2023—2027 年内",
    "plan.yaml:23: 目标 “b”：baseline_year 2027 须在基期年 2022 至 horizon 前一年（2026）之间",
    "plan.yaml:43: 目标 “c”：times 与 value 只能给出其一（times: 2 即 value 为 2 × baseline）",
]
SPAN_EN = [
    'plan.yaml:13: target "a": horizon 2029 is outside the plan\'s years 2023–2027',
    'plan.yaml:23: target "b": baseline_year 2027 must be from the base year 2022 '
    "to the year before the horizon (2026)",
    'plan.yaml:43: target "c": give times or value, not both (times: 2 makes the value 2 × baseline)',
]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [pytest.param([], SPAN_ZH, id="chinese-by-default"), pytest.param(["--lang", "en"], SPAN_EN, id="en")],
)
def test_a_multi_year_files_problems_are_reported_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: list[str], expected: list[str]
) -> None:
    text = HEAD + target_yaml("a", "level", "5", horizon=2029)
    text += target_yaml("b", "level", "5", baseline=1, baseline_year=2027)
    text += target_yaml("c", "level", "5", times=2, baseline=1)
    (tmp_path / FILE).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["targets", "-t", FILE, *lang], env={"GXCHECK_LANG": None})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == expected
