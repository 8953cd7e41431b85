"""A plain number is never read 10,000× too large: a figure with no unit of its own, for a
target whose unit has a magnitude (万户, 万人, 万平方米, 亿元), is refused when it would be
≥ 100× the target (or its baseline) in that unit; a fraction given for a percentage target
is read as written, with a located warning on stderr."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import D, make_target
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.model import Kind, Quantity
from gxcheck.values import BadValue, fraction_warning, parse_value

runner = CliRunner()

HOUSEHOLDS = (
    "'12000' has no unit of its own, and read in 万户 it would be 12000 万户, 10,000 times the target "
    "(1.2 万户); if it counts 户 it is 1.2 万户 "
    "(write 12000户 or 1.2万户, or 12000万户 if it really is in 万户)"
)
YUAN = (
    "'80000' has no unit of its own, and read in 亿元 it would be 80000 亿元, 8,000 times the target "
    "(10 亿元); 亿元 has no single base unit: in 万元 it is 8 亿元, in 元 0.0008 亿元 "
    "(write the unit: 80000万元 or 80000元)"
)


def refused(raw: str, unit: str, value: str, unit_column: str = "", **extra: Any) -> str:
    with pytest.raises(BadValue) as info:
        parse_value(raw, make_target(unit=unit, value=D(value), **extra), unit_column)
    return str(info.value)


def read(raw: str, unit: str, value: str, unit_column: str = "", **extra: Any) -> Quantity | bool | str:
    return parse_value(raw, make_target(unit=unit, value=D(value), **extra), unit_column)


def test_a_household_count_for_a_target_in_wan_hu_is_refused_with_both_readings() -> None:
    assert refused("12000", "万户", "1.2") == HOUSEHOLDS


def test_a_unit_column_that_repeats_the_targets_unit_is_no_unit_of_the_figures_own() -> None:
    assert refused("12000", "万户", "1.2", unit_column="万户") == HOUSEHOLDS.replace(
        "no unit of its own,", "no unit of its own (the unit column only repeats the target's),"
    )


def test_a_bare_figure_for_yi_yuan_is_refused_never_guessed() -> None:
    assert refused("80000", "亿元", "10") == YUAN


@pytest.mark.parametrize(
    ("raw", "unit", "value", "times"),
    [
        ("19000", "万人", "2.4", "7,917"),
        ("600000", "万平方米", "80", "7,500"),
        (">12000", "万户", "1.2", "10,000"),
    ],
)
def test_the_issues_other_examples_are_refused(raw: str, unit: str, value: str, times: str) -> None:
    assert f"{times} times the target ({value} {unit})" in refused(raw, unit, value)


def test_the_boundary_is_100_times() -> None:
    assert "100 times the target" in refused("120", "万户", "1.2")
    assert read("119.99", "万户", "1.2") == Quantity(D("119.99"))


def test_a_plausible_plain_figure_is_read_in_the_targets_unit() -> None:
    assert read("1.3", "万户", "1.2") == Quantity(D("1.3"))
    assert read("12", "亿元", "10") == Quantity(D("12"))


def test_the_baseline_counts_when_it_is_larger_than_the_target() -> None:
    # A level with a baseline of 50万人 and a target of 2万人 more: 300 is plausible.
    assert read("300", "万人", "2", baseline=50, kind=Kind.LEVEL) == Quantity(D("300"))
    assert "times the baseline (50 万人)" in refused("5000", "万人", "2", baseline=50, kind=Kind.LEVEL)


@pytest.mark.parametrize(
    ("raw", "unit_column", "expected"),
    [("12000户", "", "1.2"), ("1.2万户", "", "1.2"), ("12000", "户", "1.2"), ("12000万户", "", "12000")],
)
def test_a_figure_with_a_unit_of_its_own_is_converted_as_written(
    raw: str, unit_column: str, expected: str
) -> None:
    assert read(raw, "万户", "1.2", unit_column=unit_column) == Quantity(D(expected))


def test_a_target_unit_without_a_magnitude_is_not_checked() -> None:
    assert read("12000", "户", "12") == Quantity(D("12000"))


def test_a_target_of_zero_has_nothing_to_measure_against() -> None:
    assert read("5000", "万元", "0", op=">=") == Quantity(D("5000"))


# -- a fraction for a percentage: a warning ------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value", "warned"),
    [
        ("0.076", "8", True),
        ("0.999", "1", True),
        ("0.076%", "8", False),
        ("7.6", "8", False),
        ("1", "8", False),
        ("0", "8", False),
        ("0.5", "0.8", False),
    ],
)
def test_a_fraction_for_a_percentage_target_is_warned_about(raw: str, value: str, warned: bool) -> None:
    target = make_target(unit="%", value=D(value), kind=Kind.GROWTH)
    warning = fraction_warning(raw, target, parse_value(raw, target))
    assert (warning is not None) is warned


def test_the_warning_says_how_to_write_the_percentage() -> None:
    target = make_target(unit="%", value=D(8), kind=Kind.GROWTH)
    warning = fraction_warning("0.076", target, parse_value("0.076", target))
    assert warning is not None
    assert warning.text("en") == (
        "warning: '0.076' is read as 0.076 % (the target is 8 %); if it is a fraction, write 7.6 or 7.6%"
    )
    assert (
        warning.text("zh")
        == "警告：'0.076' 按 0.076 % 读取（目标为 8 %）；如果它是小数形式的比例，请写 7.6 或 7.6%"
    )


def test_the_cli_refuses_a_household_count_with_a_located_line(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text("id,value\nnew_market_entities,12000\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(csv), "--lang", "en"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f'{csv}:2: target "new_market_entities": {HOUSEHOLDS}\n'


def test_the_cli_warns_on_stderr_and_still_judges(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text("id,value\ngdp_growth,0.076\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(csv), "-f", "json", "--fail-on", "never", "--lang", "en"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"{csv}:2: target \"gdp_growth\": warning: '0.076' is read as 0.076 % (the target is 8 %); "
        "if it is a fraction, write 7.6 or 7.6%\n"
    )
    assert '"status": "missed"' in result.stdout


@pytest.mark.parametrize(
    ("row", "start"),
    [
        (
            "new_market_entities,2024,12000,万户",
            "'12000' has no unit of its own (the unit column only repeats",
        ),
        (
            "new_urban_jobs,2024,19000,",
            "'19000' has no unit of its own, and read in 万人 it would be 19000 万人",
        ),
        ("new_green_space,2024,600000,", "'600000' has no unit of its own, and read in 万平方米 it would be"),
        ("nev_sales,2024,80000,", "'80000' has no unit of its own, and read in 亿元 it would be 80000 亿元"),
    ],
)
def test_the_issues_rows_are_refused_for_the_bundled_targets(tmp_path: Path, row: str, start: str) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text(f"id,period,value,unit\n{row}\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(csv), "--lang", "en"])
    assert (result.exit_code, result.stdout) == (2, "")
    target_id = row.split(",")[0]
    assert result.stderr.startswith(f'{csv}:2: target "{target_id}": {start}')
    assert result.stderr.count("\n") == 1


def test_plausible_bare_figures_for_the_bundled_targets_are_read(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text("id,value\nnew_market_entities,1.3\nnew_urban_jobs,2.5\nnev_sales,12\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(csv), "-f", "json", "--fail-on", "never"])
    assert (result.exit_code, result.stderr) == (0, "")
