"""The command line during the year: score --as-of, several CSV files, gxcheck trend and gxcheck explain."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.targets import load_targets

runner = CliRunner()
ACTUALS = str(ROOT / "actuals" / "2024.csv")
ALLOWED = "e.g. 2024, 2024-Q3, 2024-H1, 2024-06, 2024年前三季度, 2024年上半年, 2024年1-6月"

# Figures for several periods, as a zone's statistics office would collect them.
SEVERAL_PERIODS = """\
id,period,value
projects_started,2024-Q1,10
projects_started,2024-H1,30
projects_started,2024年前三季度,60
projects_started,2024,72
gdp_growth,2024-Q3,7.6
major_safety_accidents,2024-Q1,0
high_tech_enterprises,2024-06,470
"""


def run(*args: str) -> tuple[int, str, str]:
    """Run gxcheck on a wide terminal, so that a table row is one line."""
    result = runner.invoke(app, list(args), env={"COLUMNS": "250"})
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str, name: str = "a.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def explained(out: str) -> dict[str, str]:
    """The rows of an explain table: label → value (columns are two or more spaces apart)."""
    pairs = (re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in out.splitlines() if line.strip())
    return {pair[0]: pair[1] for pair in pairs}


def judged(doc: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """Each result that has a figure: (status, period judged, expected, raw figure, line)."""
    return {
        r["id"]: (r["status"], r["period"], r["expected"], r["actual"]["raw"], r["actual"]["line"])
        for r in doc["results"]
        if r["actual"] is not None
    }


# --- score --as-of ------------------------------------------------------------------------------


def test_score_as_of_q3_judges_the_latest_figure_of_each_target_at_or_before_it(tmp_path: Path) -> None:
    csv = write(tmp_path, SEVERAL_PERIODS)
    code, out, err = run("score", csv, "--as-of", "2024-Q3", "-f", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["period"] == {
        "id": "2024-09",
        "end": "2024-09-30",
        "elapsed": 0.75,
        "label": {"zh": "2024年前三季度", "en": "2024 Q1–Q3"},
    }
    assert judged(doc) == {
        "gdp_growth": ("on-schedule", "2024-09", None, "7.6", 6),
        "high_tech_enterprises": ("behind", "2024-06", 476, "470", 8),  # 402 + 148 × 6/12
        "projects_started": ("ahead", "2024-09", 52.5, "60", 4),  # 70 × 9/12; band 7 × 9/12
        "major_safety_accidents": ("on-schedule", "2024-03", None, "0", 7),
    }
    assert doc["verdict"]["en"] == (
        "68 targets, 4 judged: ahead 1 · on schedule 2 · behind 1 · pending 14 · no data 50 — PASS"
    )
    assert (
        doc["verdict"]["zh"]
        == "68 项目标，已判定 4 项：超进度 1 · 达进度 2 · 欠进度 1 · 未到期 14 · 无数据 50 — 通过"
    )


@pytest.mark.parametrize(
    ("as_of", "period", "projects_started"),
    [
        pytest.param("2024-Q1", "2024-03", ("behind", "2024-03", 17.5, "10", 2), id="Q1"),
        pytest.param("2024年上半年", "2024-06", ("behind", "2024-06", 35, "30", 3), id="H1-in-chinese"),
        pytest.param("2024-08", "2024-08", ("behind", "2024-06", 35, "30", 3), id="aug-uses-H1"),
        pytest.param("2024年1—11月", "2024-11", ("ahead", "2024-09", 52.5, "60", 4), id="nov-uses-Q3"),
        pytest.param("2024", "2024", ("met", "2024", None, "72", 5), id="year"),
    ],
)
def test_score_as_of_other_periods(
    tmp_path: Path, as_of: str, period: str, projects_started: tuple[Any, ...]
) -> None:
    csv = write(tmp_path, SEVERAL_PERIODS)
    code, out, _ = run("score", csv, "--as-of", as_of, "-f", "json", "--fail-on", "never")
    assert code == 0
    doc = json.loads(out)
    assert doc["period"]["id"] == period
    assert judged(doc)["projects_started"] == projects_started


def test_score_without_as_of_is_as_of_the_latest_figure(tmp_path: Path) -> None:
    csv = write(tmp_path, SEVERAL_PERIODS)
    code, out, _ = run("score", csv, "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["period"]["id"] == "2024"
    assert judged(doc)["projects_started"] == ("met", "2024", None, "72", 5)
    assert judged(doc)["high_tech_enterprises"] == ("behind", "2024-06", 476, "470", 8)
    assert (
        doc["verdict"]["en"] == "68 targets, 4 judged: met 1 · on schedule 2 · behind 1 · no data 64 — PASS"
    )


def test_score_as_of_markdown_shows_the_period_and_the_pace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = write(tmp_path, SEVERAL_PERIODS)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735603200")  # the report says when it was made
    code, out, _ = run("score", csv, "--as-of", "2024-Q3", "-f", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert (
        "期间：2024年前三季度 · 时间进度 75% · 目标文件：\\<bundled 2024.yaml\\> · "
        "数据截至2024年前三季度 · 生成于2024-12-31"
    ) in lines
    assert (
        "| 🟢 超进度 | 项目开工入统 | ≥ 70 个 | 60 个 | ≥ 52.5 个 | −10 | 86% | "
        "60 个 ≥ 序时进度 52.5 个（70 × 9/12） |"
    ) in lines
    assert (
        "| 🟠 欠进度 | 高新技术企业总数 | ≥ 550 家 | 470 家 (上半年) | ≥ 476 家 | −80 | 46% | "
        "470 家 \\< 序时进度 476 家（402 + (550 − 402) × 6/12） |"
    ) in lines


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        pytest.param("2024-Q5", f"period '2024-Q5' is not a period gxcheck can read ({ALLOWED})", id="Q5"),
        pytest.param(
            "2024年二季度",
            "period '2024年二季度' is a single quarter or half, but figures are cumulative from January "
            "(write 2024年上半年, 2024年前三季度 or 2024-Q3)",
            id="single-quarter",
        ),
        pytest.param(
            "2024年6月",
            "period '2024年6月' is a single month, but figures are cumulative from January "
            "(write 2024年1-6月)",
            id="single-month",
        ),
        pytest.param("2023-Q3", "period '2023-Q3' is outside the plan's year 2024", id="other-year"),
        pytest.param("2024-13", f"period '2024-13': month 13 does not exist ({ALLOWED})", id="month-13"),
    ],
)
def test_score_bad_as_of_is_a_usage_error(tmp_path: Path, as_of: str, message: str) -> None:
    csv = write(tmp_path, SEVERAL_PERIODS)
    assert run("score", csv, "--as-of", as_of, "--lang", "en") == (2, "", f"gxcheck: --as-of: {message}\n")


def test_score_as_of_before_every_figure_checks_nothing(tmp_path: Path) -> None:
    csv = write(tmp_path, SEVERAL_PERIODS)
    assert run("score", csv, "--as-of", "2024年1月", "--lang", "en") == (
        2,
        "",
        f"gxcheck: {csv}: no target could be checked: no row is a figure at or before 2024年1月 for a target "
        "of <bundled 2024.yaml> (see `gxcheck template` for the ids)\n",
    )


@pytest.mark.parametrize(
    ("fail_on", "code", "tail"),
    [
        pytest.param("missed,near", 0, "PASS", id="default-behind-passes"),
        pytest.param("behind", 1, "FAIL: 1 behind", id="behind-fails"),
        pytest.param("near,behind,missed", 1, "FAIL: 1 behind", id="list-with-behind"),
        pytest.param(
            "pending",
            1,
            "FAIL: 65 behind or pending or no data (9 of them 确保, a firm commitment)",
            id="pending-and-every-worse-status-fail",
        ),
    ],
)
def test_fail_on_during_the_year(tmp_path: Path, fail_on: str, code: int, tail: str) -> None:
    csv = write(tmp_path, SEVERAL_PERIODS)
    got, out, _ = run("score", csv, "--as-of", "2024-Q3", "--fail-on", fail_on, "-f", "json")
    assert got == code
    doc = json.loads(out)
    assert doc["passed"] is (code == 0)
    assert doc["verdict"]["en"].endswith(f" — {tail}")


# --- several CSV files ----------------------------------------------------------------------------


def test_score_merges_several_files(tmp_path: Path) -> None:
    june = write(tmp_path, "id,period,value\nprojects_started,2024-H1,30\ngdp_growth,2024-Q3,7.6\n", "h1.csv")
    september = write(
        tmp_path, "id,period,value\nprojects_started,2024年上半年,30\nprojects_started,2024-Q3,40\n", "q3.csv"
    )
    code, out, err = run("score", june, september, "-f", "json", "--fail-on", "behind")
    assert (code, err) == (1, "")
    doc = json.loads(out)
    assert doc["period"]["id"] == "2024-09"
    results = {r["id"]: r for r in doc["results"] if r["actual"]}
    assert sorted(results) == ["gdp_growth", "projects_started"]
    assert (results["gdp_growth"]["status"], results["gdp_growth"]["actual"]["file"]) == ("on-schedule", june)
    started = results["projects_started"]
    assert (started["status"], started["expected"], started["actual"]["raw"]) == ("behind", 52.5, "40")
    assert (started["actual"]["file"], started["actual"]["line"]) == (september, 3)


def test_conflicting_files_exit_2_naming_both(tmp_path: Path) -> None:
    first = write(tmp_path, "id,period,value\nprojects_started,2024-H1,30\ngdp_growth,2024-Q3,7.6\n", "b.csv")
    second = write(tmp_path, "id,period,value\ngdp_growth,2024年前三季度,7.7%\n", "d.csv")
    assert run("score", first, second, "--lang", "en") == (
        2,
        "",
        f"{second}:2: target \"gdp_growth\": '7.7%' for period 2024-09 differs from '7.6' in {first}:3 "
        "(keep one)\n",
    )


def test_bad_rows_in_several_files_are_reported_together(tmp_path: Path) -> None:
    first = write(tmp_path, "id,period,value\ngdp_growth,2024年二季度,7.6\n", "b.csv")
    second = write(tmp_path, "id,period,value\ngdp_growth,2024-Q5,7.7\n", "d.csv")
    code, out, err = run("score", first, second, "--lang", "en")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{first}:2: target \"gdp_growth\": period '2024年二季度' is a single quarter or half, but figures "
        "are cumulative from January (write 2024年上半年, 2024年前三季度 or 2024-Q3)",
        f"{second}:2: target \"gdp_growth\": period '2024-Q5' is not a period gxcheck can read ({ALLOWED})",
    ]


# --- gxcheck trend ------------------------------------------------------------------------------


def test_trend_table_on_the_2024_figures() -> None:
    code, out, err = run("trend", ACTUALS)
    assert (code, err) == (0, "")
    rows = [line.split() for line in out.splitlines()]
    assert [
        "地区生产总值增长",
        "前三季度",
        "7.6",
        "%",
        "7.5",
        "%",
        "█▁",
        "↘",
        "变差",
        "≈",
        "基本完成",
    ] in rows
    assert ["规上工业增加值增长", "1—11月", "10.1", "%", "8", "%", "█▁", "↘", "变差", "≈", "基本完成"] in rows
    assert out.splitlines()[-1] == "走势：上行为实际，下行为序时进度或目标，同一刻度"


def test_trend_json_on_the_2024_figures() -> None:
    code, out, _ = run("trend", ACTUALS, "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "gxcheck/trend/1"
    assert [(s["id"], s["direction"]) for s in doc["series"]] == [
        ("gdp_growth", "worsening"),
        ("industrial_output_growth", "worsening"),
    ]
    assert doc["series"][0]["points"] == [
        {"period": "2024-09", "value": 7.6, "expected": 7.5, "status": "on-schedule", "raw": "7.6%"},
        {"period": "2024", "value": 7.4, "expected": 7.5, "status": "near", "raw": "7.4%"},
    ]
    assert [(p["period"], p["value"], p["status"]) for p in doc["series"][1]["points"]] == [
        ("2024-11", 10.1, "ahead"),
        ("2024", 7.8, "near"),
    ]


def test_trend_markdown_in_english_on_the_2024_figures() -> None:
    code, out, _ = run("trend", ACTUALS, "-f", "markdown", "--lang", "en")
    assert code == 0
    assert out.splitlines()[:3] == [
        "# Trends",
        "",
        "| indicator | figures | expected | trend | direction | latest |",
    ]
    assert (
        "| GDP growth | Q1–Q3 7.6 %<br>year 7.4 % | 7.5 %<br>7.5 % | `█▁` / `▄▄` | ↘ worsening "
        "| 🟡 near (strive) |" in out
    )


def test_trend_needs_two_periods_of_some_target(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,period,value\ngdp_growth,2024,7.4\nprojects_started,2024-H1,30\n")
    assert run("trend", csv, "--lang", "en") == (
        2,
        "",
        f"gxcheck: {csv}: no target has figures for more than one period, so there is no trend to show\n",
    )


def test_trend_over_two_files(tmp_path: Path) -> None:
    june = write(tmp_path, "id,period,value\nprojects_started,2024-H1,30\n", "h1.csv")
    september = write(tmp_path, "id,period,value\nprojects_started,2024-Q3,60\n", "q3.csv")
    code, out, _ = run("trend", june, september, "-f", "json")
    assert code == 0
    (series,) = json.loads(out)["series"]
    assert series["id"] == "projects_started"
    assert series["direction"] == "improving"  # 5 short of 35, then 7.5 beyond 52.5
    assert [(p["period"], p["expected"], p["status"]) for p in series["points"]] == [
        ("2024-06", 35, "behind"),
        ("2024-09", 52.5, "ahead"),
    ]


# --- gxcheck explain ----------------------------------------------------------------------------


def test_explain_gdp_at_the_year_end() -> None:
    code, out, err = run("explain", "gdp_growth", ACTUALS)
    assert (code, err) == (0, "")
    rows = explained(out)
    gdp_line = load_targets().target("gdp_growth").line  # type: ignore[union-attr]
    assert rows["原文"] == f"“力争GDP增长8%左右” (<bundled 2024.yaml>:{gdp_line})"
    assert rows["目标"] == "8 % 左右 (± 0.5) · 增速 · 力争"
    assert rows["规则"] == "越高越好；全年达到 7.5 % 即完成；基本完成区间 ≥ 7 %"
    assert rows["期间"] == "2024年全年 (12/12)"
    assert rows["计算"] == "7.4 % < 8 % − 0.5（容差）；在基本完成区间内（≥ 7 %）"
    assert rows["差距"] == "−0.6 %"
    assert rows["结论"] == "≈ 基本完成（力争）"
    assert "序时进度" not in rows


def test_explain_gdp_as_of_q3_in_english() -> None:
    code, out, _ = run("explain", "gdp_growth", ACTUALS, "--as-of", "2024-Q3", "--lang", "en")
    assert code == 0
    rows = explained(out)
    assert rows["period"] == "2024 Q1–Q3 (9/12)"
    assert rows["rule"] == (
        "more is better; met at 7.5 % for the year; a rate or share is compared "
        "with the annual value as it is, ahead beyond 8.5 %"
    )
    assert rows["arithmetic"] == "7.6 % ≥ 8 % − 0.5 tolerance (compared as it is, not pro-rated)"
    assert rows["verdict"] == "● on schedule"
    assert rows["actual"].startswith("'7.6%' → 7.6 % (")


def test_explain_a_level_as_of_q3_uses_its_h1_figure_and_shows_the_pace(tmp_path: Path) -> None:
    csv = write(tmp_path, SEVERAL_PERIODS)
    code, out, _ = run("explain", "high_tech_enterprises", csv, "--as-of", "2024-Q3")
    assert code == 0
    rows = explained(out)
    assert rows["规则"] == (
        "越高越好；全年达到 550 家 即完成；序时进度 402 + (550 − 402) × 6/12 = 476 家，超过 483.4 家 为超进度"
    )
    assert rows["期间"] == "2024年上半年 (6/12)"
    assert rows["序时进度"] == "476 家"
    assert rows["实际"] == f"'470' → 470 家 ({csv}:8)"
    assert rows["计算"] == "470 家 < 序时进度 476 家（402 + (550 − 402) × 6/12）"
    assert rows["与序时进度差距"] == "−6 家"
    assert rows["与全年目标差距"] == "−80 家"
    assert rows["结论"] == "▼ 欠进度"


def test_explain_unknown_id_suggests_the_closest() -> None:
    assert run("explain", "gdp_grwth", ACTUALS, "--lang", "en") == (
        2,
        "",
        'gxcheck: unknown target id "gdp_grwth" (did you mean "gdp_growth"? see `gxcheck targets`)\n',
    )


def test_explain_bad_as_of() -> None:
    assert run("explain", "gdp_growth", ACTUALS, "--as-of", "2024年下半年", "--lang", "en") == (
        2,
        "",
        "gxcheck: --as-of: period '2024年下半年' is a single quarter or half, but figures are cumulative "
        "from January (write 2024年上半年, 2024年前三季度 or 2024-Q3)\n",
    )


@pytest.mark.parametrize(
    ("extra", "status", "period", "elapsed", "raw"),
    [
        pytest.param((), "near", "2024", 1, "7.4%", id="year"),
        pytest.param(("--as-of", "2024-Q3"), "on-schedule", "2024-09", 0.75, "7.6%", id="as-of-Q3"),
    ],
)
def test_explain_json(extra: tuple[str, ...], status: str, period: str, elapsed: float, raw: str) -> None:
    code, out, _ = run("explain", "gdp_growth", ACTUALS, "-f", "json", *extra)
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "gxcheck/explain/1"
    assert (doc["elapsed"], doc["expected"]) == (elapsed, None)
    result = doc["result"]
    assert (result["id"], result["status"], result["period"], result["actual"]["raw"]) == (
        "gdp_growth",
        status,
        period,
        raw,
    )
    assert result["target"]["quote"] == "力争GDP增长8%左右"


def test_explain_json_of_a_pro_rated_target(tmp_path: Path) -> None:
    csv = write(tmp_path, SEVERAL_PERIODS)
    code, out, _ = run("explain", "projects_started", csv, "--as-of", "2024-Q3", "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["elapsed"], doc["expected"], doc["result"]["status"]) == (0.75, 52.5, "ahead")
    assert doc["rule"]["en"] == (
        "more is better; met at 70 for the year; expected by now 70 × 9/12 = 52.5, ahead beyond 57.75"
    )
    assert doc["result"]["reason"] == {
        "zh": "60 个 ≥ 序时进度 52.5 个（70 × 9/12）",
        "en": "60 ≥ 52.5 expected by now (70 × 9/12)",
    }


# --- 完成率 on the increase, in every output (#10, point 4) ------------------------------------------


def test_ratio_of_a_level_with_a_baseline_is_on_the_increase_everywhere(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,value\ntech_enterprises,2700\n")
    code, out, _ = run("explain", "tech_enterprises", csv)
    assert code == 0
    assert explained(out)["完成率"] == "38%（按增量：(2,700 − 2,515) ÷ (3,000 − 2,515)）"
    _, out, _ = run("explain", "tech_enterprises", csv, "--lang", "en")
    assert explained(out)["ratio"] == "38% (on the increase: (2,700 − 2,515) ÷ (3,000 − 2,515))"
    _, out, _ = run("score", csv, "-f", "json", "--fail-on", "never")
    (result,) = [r for r in json.loads(out)["results"] if r["id"] == "tech_enterprises"]
    assert (result["status"], result["ratio"], result["rule"]["ratio_from"]) == ("missed", 0.3814, 2515)
    _, out, _ = run("score", csv, "-f", "markdown", "--fail-on", "never")
    (row,) = [line for line in out.splitlines() if "科技型企业" in line and line.startswith("| ❌")]
    assert "| −300 | 38% |" in row
