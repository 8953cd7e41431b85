"""Trends over the year: which targets have one, its direction against the expected path, the
renderings of ``gxcheck trend``, and merging the figures of several CSV files."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from conftest import D, make_actual, make_catalogue, make_target, quantity

from gxcheck import __version__
from gxcheck.actuals import LoadedActuals, merge_actuals, parse_actuals
from gxcheck.errors import InputError
from gxcheck.model import Actual, Bound, Kind, Op, Status, Target
from gxcheck.periods import Period
from gxcheck.record import replace
from gxcheck.render import trend as render
from gxcheck.trend import Direction, Series, trends

Q1, H1, Q3, YEAR = Period(2024, 3), Period(2024, 6), Period(2024, 9), Period(2024)

BEDS = make_target("beds", value=100, unit="张")  # an increment, pro-rated
GDP = make_target("gdp", kind=Kind.GROWTH, op=Op.ABOUT, value=8, tolerance="0.5", unit="%")
SPENDING = make_target("spending", kind=Kind.GROWTH, op=Op.LE, value=0, unit="%")  # less is better
ACCIDENTS = make_target("accidents", kind=Kind.CEILING, op=Op.LE, value=0, unit="起")
HIGH_TECH = make_target("high_tech", kind=Kind.LEVEL, value=550, baseline=402, unit="家")
WATER = make_target(
    "water", kind=Kind.ORDINAL, op=Op.LE, value="Ⅳ", scale=("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"), unit="类"
)
TUNNEL = make_target(
    "tunnel", kind=Kind.MILESTONE, op=Op.DONE, value=True, unit="", deadline=dt.date(2024, 12, 31)
)


def figure(target_id: str, value: Any, period: Period) -> Actual:
    """A figure as a CSV row gives it: a number or bound (``>20``) as a string, a scale label or a bool."""
    if isinstance(value, str) and value[0] in "0123456789->":
        parsed = quantity(value[1:], Bound.GT) if value.startswith(">") else quantity(value)
        return make_actual(target_id, parsed, period=period, raw=value)
    return make_actual(target_id, value, period=period, raw=str(value))


def series_of(target: Target, *figures: tuple[Any, Period]) -> Series:
    (series,) = trends(make_catalogue(target), [figure(target.id, v, p) for v, p in figures])
    return series


# --- which targets have a trend -------------------------------------------------------------------


def test_only_targets_with_two_or_more_periods_in_catalogue_order_points_in_period_order() -> None:
    catalogue = make_catalogue(BEDS, HIGH_TECH, GDP, SPENDING)
    actuals = [
        figure("spending", "0.5", H1),
        figure("gdp", "7.4", YEAR),
        figure("beds", "70", Q3),
        figure("high_tech", "480", H1),  # one period only: no trend
        figure("beds", "20", Q1),
        figure("spending", "1", Q1),
        figure("gdp", "7.6", Q3),
        figure("beds", "60", H1),
    ]
    result = trends(catalogue, actuals)
    assert [s.target.id for s in result] == ["beds", "gdp", "spending"]
    assert [[p.period for p in s.points] for s in result] == [[Q1, H1, Q3], [Q3, YEAR], [Q1, H1]]
    assert [p.actual.raw for p in result[0].points if p.actual] == ["20", "60", "70"]


def test_no_trend_without_two_periods() -> None:
    catalogue = make_catalogue(BEDS, GDP)
    assert trends(catalogue, [figure("beds", "20", Q1), figure("gdp", "7.4", YEAR)]) == []
    assert trends(catalogue, []) == []


def test_each_point_is_judged_as_of_its_own_period() -> None:
    series = series_of(BEDS, ("20", Q1), ("60", H1), ("70", Q3), ("100", YEAR))
    assert [p.status for p in series.points] == [Status.BEHIND, Status.AHEAD, Status.BEHIND, Status.MET]
    assert [p.expected for p in series.points] == [D(25), D(50), D(75), None]
    assert [p.period for p in series.points] == [Q1, H1, Q3, YEAR]


# --- values, path and direction -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "figures", "values", "path", "direction"),
    [
        pytest.param(
            BEDS,
            [("20", Q1), ("60", H1)],
            ["20", "60"],
            ["25", "50"],
            Direction.IMPROVING,
            id="increment-from-5-short-to-10-ahead",
        ),
        pytest.param(
            BEDS,
            [("30", Q1), ("100", YEAR)],
            ["30", "100"],
            ["25", "100"],
            Direction.WORSENING,
            id="increment-margin-5-then-0",
        ),
        pytest.param(
            BEDS,
            [("20", Q1), ("45", H1)],
            ["20", "45"],
            ["25", "50"],
            Direction.IMPROVING,  # 5 short of 25 (80 % of the pace), then of 50 (90 %)
            id="increment-5-short-of-a-growing-path",
        ),
        pytest.param(
            HIGH_TECH,
            [("430", Q1), ("500", Q3)],
            ["430", "500"],
            ["439", "513"],
            Direction.WORSENING,
            id="level-margin-9-short-then-13-short",
        ),
        pytest.param(
            GDP,
            [("7.6", Q3), ("7.4", YEAR)],
            ["7.6", "7.4"],
            ["7.5", "7.5"],
            Direction.WORSENING,
            id="growth",
        ),
        pytest.param(
            GDP,
            [("7.4", Q3), ("7.4", YEAR)],
            ["7.4", "7.4"],
            ["7.5", "7.5"],
            Direction.FLAT,
            id="growth-flat",
        ),
        pytest.param(
            SPENDING,
            [("1", Q1), ("0.5", H1)],
            ["1", "0.5"],
            ["0", "0"],
            Direction.IMPROVING,
            id="less-is-better-falling-improves",
        ),
        pytest.param(
            SPENDING,
            [("-1", Q1), ("0", H1)],
            ["-1", "0"],
            ["0", "0"],
            Direction.WORSENING,
            id="less-is-better-rising-worsens",
        ),
        pytest.param(
            ACCIDENTS,
            [("0", Q1), ("1", H1)],
            ["0", "1"],
            ["0", "0"],
            Direction.WORSENING,
            id="ceiling-broken",
        ),
        pytest.param(
            WATER,
            [("Ⅴ", Q1), ("Ⅳ", H1)],
            ["4", "3"],
            ["3", "3"],
            Direction.IMPROVING,
            id="class-better-is-earlier-on-the-scale",
        ),
        pytest.param(
            TUNNEL,
            [(False, Q1), (True, Q3)],
            ["0", "1"],
            ["1", "1"],
            Direction.IMPROVING,
            id="milestone-done",
        ),
    ],
)
def test_values_path_and_direction(
    target: Target,
    figures: list[tuple[Any, Period]],
    values: list[str],
    path: list[str],
    direction: Direction,
) -> None:
    series = series_of(target, *figures)
    assert series.values() == [D(v) for v in values]
    assert series.path() == [D(p) for p in path]
    assert series.direction is direction


def test_path_of_an_about_target_is_its_lower_edge_and_of_a_level_without_baseline_its_value() -> None:
    level = make_target("childcare", kind=Kind.LEVEL, value=D("3.5"), unit="个/千人")
    assert series_of(level, ("3", Q1), ("3.4", YEAR)).path() == [D("3.5"), D("3.5")]
    assert series_of(GDP, ("8", Q1), ("8", H1)).path() == [D("7.5"), D("7.5")]


# --- merge_actuals ------------------------------------------------------------------------------

CATALOGUE = make_catalogue(BEDS, GDP)


def loaded(file: str, text: str) -> LoadedActuals:
    return parse_actuals(text, file, CATALOGUE)


def test_merge_keeps_a_figure_given_twice_once() -> None:
    june = loaded("h1.csv", "id,period,value\nbeds,2024-H1,40\ngdp,2024-H1,7.9\n")
    september = loaded(
        "q3.csv", "id,period,value\nbeds,2024年上半年,40.0\nbeds,2024-Q3,70\ngdp,2024-Q3,7.6\n"
    )
    merged = merge_actuals([june, september])
    assert [(a.target_id, str(a.period), a.raw, a.file, a.line) for a in merged.actuals] == [
        ("beds", "2024-06", "40", "h1.csv", 2),
        ("gdp", "2024-06", "7.9", "h1.csv", 3),
        ("beds", "2024-09", "70", "q3.csv", 3),
        ("gdp", "2024-09", "7.6", "q3.csv", 4),
    ]
    assert merged.file == "h1.csv, q3.csv"


def test_merge_adds_up_skipped_and_blank_rows() -> None:
    a = LoadedActuals((), 2, "a.csv", 1)
    b = LoadedActuals((), 3, "b.csv", 4)
    assert merge_actuals([a, b]) == LoadedActuals((), 5, "a.csv, b.csv", 5)


def test_merge_refuses_different_figures_for_the_same_period_naming_both_files() -> None:
    first = loaded("h1.csv", "id,period,value\nbeds,2024-H1,40\ngdp,2024-Q3,7.6\n")
    second = loaded("q3.csv", "id,period,value\ngdp,2024年前三季度,7.7%\nbeds,2024年1-6月,>=40\n")
    with pytest.raises(InputError) as caught:
        merge_actuals([first, second])
    assert caught.value.lines() == [
        "q3.csv:2: target \"gdp\": '7.7%' for period 2024-09 differs from '7.6' in h1.csv:3 (keep one)",
        "q3.csv:3: target \"beds\": '>=40' for period 2024-06 differs from '40' in h1.csv:2 (keep one)",
    ]


# --- renderers ----------------------------------------------------------------------------------

FULL_BEDS = [("20", Q1), ("60", H1), ("70", Q3), ("100", YEAR)]


@pytest.mark.parametrize(
    ("target", "figures", "lines"),
    [
        pytest.param(BEDS, FULL_BEDS, ("▁▄▅█", "▁▃▅█"), id="increment-four-periods"),
        pytest.param(BEDS, [("20", Q1), ("60", H1)], ("▁█", "▁▆"), id="increment-two-periods"),
        pytest.param(GDP, [("7.6", Q3), ("7.4", YEAR)], ("█▁", "▄▄"), id="growth-path-between"),
        pytest.param(ACCIDENTS, [("0", Q1), ("1", H1)], ("▁█", "▁▁"), id="ceiling"),
        pytest.param(ACCIDENTS, [("0", Q1), ("0", H1)], ("▅▅", "▅▅"), id="all-equal-middle-tick"),
        pytest.param(TUNNEL, [(False, Q1), (True, Q3)], ("▁█", "██"), id="milestone"),
    ],
)
def test_sparklines(target: Target, figures: list[tuple[Any, Period]], lines: tuple[str, str]) -> None:
    assert render.sparklines(series_of(target, *figures)) == lines


def small() -> list[Series]:
    actuals = [figure("beds", v, p) for v, p in FULL_BEDS] + [
        figure("gdp", "7.6", Q3),
        figure("gdp", "7.4", YEAR),
    ]
    return trends(make_catalogue(BEDS, GDP), actuals)


def test_markdown_zh() -> None:
    assert render.markdown(small(), "zh") == (
        "# 走势\n"
        "\n"
        "| 指标 | 各期实际 | 序时进度或目标 | 走势 | 方向 | 最新 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| beds zh | 一季度 20 张<br>上半年 60 张<br>前三季度 70 张<br>全年 100 张 "
        "| 25 张<br>50 张<br>75 张<br>100 张 "
        "| `▁▄▅█` / `▁▃▅█` | ↗ 向好 | ✅ 完成 |\n"
        "| gdp zh | 前三季度 7.6 %<br>全年 7.4 % | 7.5 %<br>7.5 % | `█▁` / `▄▄` | ↘ 变差 | 🟡 基本完成 |\n"
    )


def test_markdown_en() -> None:
    assert render.markdown(small(), "en") == (
        "# Trends\n"
        "\n"
        "| indicator | figures | expected | trend | direction | latest |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| beds en | Q1 20<br>H1 60<br>Q1–Q3 70<br>year 100 | 25<br>50<br>75<br>100 "
        "| `▁▄▅█` / `▁▃▅█` | ↗ improving | ✅ met |\n"
        "| gdp en | Q1–Q3 7.6 %<br>year 7.4 % | 7.5 %<br>7.5 % | `█▁` / `▄▄` | ↘ worsening | 🟡 near |\n"
    )


def test_markdown_escapes_names_and_bounds() -> None:
    piped = replace(BEDS, name=replace(BEDS.name, zh="床位|新增"))
    series = series_of(piped, (">20", Q1), ("60", H1))
    row = render.markdown([series], "zh").splitlines()[-1]
    assert row.startswith("| 床位\\|新增 | 一季度 \\>20 张<br>上半年 60 张 | 25 张<br>50 张 |")


def test_json() -> None:
    doc = json.loads(render.to_json(small()))
    assert doc == {
        "schema": "gxcheck/trend/1",
        "gxcheck": __version__,
        "series": [
            {
                "id": "beds",
                "direction": "improving",
                "points": [
                    {"period": "2024-03", "value": 20, "expected": 25, "status": "behind", "raw": "20"},
                    {"period": "2024-06", "value": 60, "expected": 50, "status": "ahead", "raw": "60"},
                    {"period": "2024-09", "value": 70, "expected": 75, "status": "behind", "raw": "70"},
                    {"period": "2024", "value": 100, "expected": 100, "status": "met", "raw": "100"},
                ],
            },
            {
                "id": "gdp",
                "direction": "worsening",
                "points": [
                    {
                        "period": "2024-09",
                        "value": 7.6,
                        "expected": 7.5,
                        "status": "on-schedule",
                        "raw": "7.6",
                    },
                    {"period": "2024", "value": 7.4, "expected": 7.5, "status": "near", "raw": "7.4"},
                ],
            },
        ],
    }


def test_json_keeps_chinese_readable_and_ends_with_a_newline() -> None:
    series = series_of(WATER, ("Ⅴ", Q1), ("Ⅳ", H1))
    text = render.to_json([series])
    assert '"raw": "Ⅴ"' in text
    assert text.endswith("}\n")
    assert [p["value"] for p in json.loads(text)["series"][0]["points"]] == [4, 3]


def test_direction_words() -> None:
    assert [render.direction_word(d, "zh") for d in Direction] == ["↗ 向好", "↘ 变差", "→ 持平"]
    assert [render.direction_word(d, "en") for d in Direction] == ["↗ improving", "↘ worsening", "→ flat"]


def test_table_lists_every_period_and_the_direction() -> None:
    from rich.console import Console

    console = Console(width=100, color_system=None, record=True)
    console.print(render.table(small(), "en"))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    assert lines[0].split() == ["indicator", "figures", "expected", "trend", "direction", "latest"]
    assert lines[2].split() == [
        "beds",
        "en",
        "Q1",
        "20",
        "25",
        "▁▄▅█",
        "↗",
        "improving",
        "✔",
        "met",
    ]
    assert lines[6].split() == [
        "gdp",
        "en",
        "Q1–Q3",
        "7.6",
        "%",
        "7.5",
        "%",
        "█▁",
        "↘",
        "worsening",
        "≈",
        "near",
    ]
    assert lines[-1] == "trend: figures above, the expected path below, on one scale"


def test_value_of_a_decimal_is_kept_exact() -> None:
    series = series_of(GDP, ("7.55", Q3), ("7.45", YEAR))
    assert series.values() == [Decimal("7.55"), Decimal("7.45")]


def test_markdown_shows_the_expected_class_not_its_position_on_the_scale() -> None:
    series = series_of(WATER, ("Ⅴ", Q1), ("Ⅳ", H1))
    cells = render.markdown([series], "zh").splitlines()[-1].split(" | ")
    assert cells[1:3] == ["一季度 Ⅴ<br>上半年 Ⅳ", "Ⅳ 类<br>Ⅳ 类"]


def test_markdown_shows_the_expected_milestone_in_words() -> None:
    series = series_of(TUNNEL, (False, Q1), (True, Q3))
    cells = render.markdown([series], "zh").splitlines()[-1].split(" | ")
    assert cells[1:3] == ["一季度 否<br>前三季度 是", "是<br>是"]
