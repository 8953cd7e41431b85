"""Every command knows a multi-year plan's span: score (every format), trend with a year axis,
explain, template --period, targets --list and --targets by a bundled plan's name."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_docs import README_RUN_AT, readme_block
from test_golden import check_golden
from typer.testing import CliRunner

from gxcheck import load_actuals, score
from gxcheck.cli import app
from gxcheck.model import Scorecard
from gxcheck.render import json_report, markdown, terminal
from gxcheck.render.common import ReportOptions
from gxcheck.targets import load_bundled

ROOT = Path(__file__).resolve().parent.parent
ACTUALS = "actuals/2023-2027.csv"
runner = CliRunner()


@pytest.fixture(autouse=True)
def in_the_project() -> Iterator[None]:
    old = Path.cwd()
    os.chdir(ROOT)
    yield
    os.chdir(old)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def card() -> Scorecard:
    plan = load_bundled("2023-2027")
    return score(plan, load_actuals(ACTUALS, plan).actuals)


def test_the_mid_term_card_in_every_text_format(card: Scorecard) -> None:
    check_golden(
        "score-2023-2027-zh-100.txt", terminal.to_text(terminal.scorecard(card, ReportOptions()), 100)
    )
    check_golden("score-2023-2027-en.md", markdown.scorecard(card, ReportOptions("en")))
    check_golden("score-2023-2027.json", json_report.scorecard(card, ReportOptions()))


def test_readme_shows_the_real_mid_term_card(card: Scorecard) -> None:
    made = ReportOptions("zh", run_at=README_RUN_AT)
    readme_block("midterm", terminal.to_text(terminal.scorecard(card, made), 100))


def test_the_card_says_how_much_of_the_plan_has_passed(card: Scorecard) -> None:
    text = terminal.to_text(terminal.scorecard(card, ReportOptions()), 160)
    assert "2024年全年 · 规划期2023—2027年（基期2022年） · 时间进度 2/5" in text
    assert "5.5 % < 序时进度 5.52 %（5.4 + (5.7 − 5.4) × 2/5）" in text
    english = markdown.scorecard(card, ReportOptions("en"))
    assert "Period: full year 2024 · plan 2023–2027 (base 2022) · 2/5 passed" in english


def test_json_gives_the_span_and_the_rule_applied(card: Scorecard) -> None:
    doc = json.loads(json_report.scorecard(card, ReportOptions()))
    assert {k: doc["plan"][k] for k in ("year", "first_year", "last_year", "base_year")} == {
        "year": 2027,
        "first_year": 2023,
        "last_year": 2027,
        "base_year": 2022,
    }
    assert (doc["period"]["elapsed_of_plan"], doc["period"]["share_of_plan"]) == (0.4, "2/5")
    rd = next(r for r in doc["results"] if r["id"] == "rd_intensity")
    assert (rd["status"], rd["expected"]) == ("behind", 5.52)
    assert {k: rd["rule"][k] for k in ("basis", "start", "share", "span", "curve")} == {
        "basis": "pro-rated",
        "start": 5.4,
        "share": [24, 60],
        "span": [2022, 2027],
        "curve": "linear",
    }
    assert (rd["target"]["horizon"], rd["target"]["baseline_year"], rd["target"]["path"]) == (
        2027,
        2022,
        "linear",
    )


def test_score_exits_1_on_a_target_behind_schedule_when_asked() -> None:
    code, out, err = run("score", ACTUALS, "-t", "2023-2027", "--fail-on", "behind", "-f", "json")
    assert (code, err) == (1, "")
    assert json.loads(out)["passed"] is False
    assert run("score", ACTUALS, "-t", "2023-2027", "-f", "json")[0] == 0  # behind is not missed


def test_every_report_format_renders_the_multi_year_card() -> None:
    for fmt in ("table", "markdown", "json", "junit", "github", "html", "svg"):
        code, out, err = run("score", ACTUALS, "-t", "2023-2027", "-f", fmt, "--fail-on", "never")
        assert (code, err) == (0, ""), fmt
        assert "2/5" in out, fmt  # the share of the plan passed, in every format


def test_trend_has_a_year_axis_and_the_expected_path() -> None:
    code, out, err = run("trend", ACTUALS, "-t", "2023-2027", "-f", "json")
    assert (code, err) == (0, "")
    [series] = json.loads(out)["series"]
    assert series["id"] == "rd_intensity"
    assert [(p["period"], p["value"], p["expected"]) for p in series["points"]] == [
        ("2022", 5.4, 5.4),
        ("2024", 5.5, 5.52),
    ]
    table = run("trend", ACTUALS, "-t", "2023-2027")[1]
    assert "2022年全年 5.4 %" in table and "2024年全年 5.5 %" in table


def test_explain_shows_the_share_of_the_span_and_the_paths_formula() -> None:
    code, out, err = run("explain", "rd_intensity", ACTUALS, "-t", "2023-2027", "--lang", "en", "-f", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["elapsed"] == 0.4
    assert doc["rule"]["en"] == (
        "more is better; met at 5.7 % by the end of 2027; expected by now 5.4 + (5.7 − 5.4) × 2/5 = 5.52 %, "
        "ahead beyond 5.532 %"
    )
    table = run("explain", "rd_intensity", ACTUALS, "-t", "2023-2027")[1]
    assert "2024年全年 (自2022年末至2027年末已过 2/5)" in table
    assert "基期（2022）" in table


def test_template_writes_the_period_asked_for() -> None:
    code, out, err = run("template", "-t", "2023-2027", "--period", "2025")
    assert (code, err) == (0, "")
    rows = out.lstrip("\ufeff").splitlines()
    assert rows[1] == "rd_intensity,全社会研发经费投入占地区生产总值比重,%,2025,,,"
    assert {row.split(",")[3] for row in rows[1:]} == {"2025"}
    assert run("template", "-t", "2023-2027", "-p", "2025-H1")[1].splitlines()[1].endswith(",2025年上半年,,,")


def test_template_of_a_multi_year_plan_without_a_period_leaves_the_column_to_fill_in() -> None:
    code, out, err = run("template", "-t", "2023-2027", "--lang", "en")
    assert (code, out.lstrip("\ufeff").splitlines()[1]) == (
        0,
        "rd_intensity,全社会研发经费投入占地区生产总值比重,%,,,,",
    )
    assert err == (
        "gxcheck: the period column is left empty: <bundled 2023-2027.yaml> is a multi-year plan "
        "(2023–2027); fill in each figure's year (2022–2027), or pass --period (e.g. --period 2025)\n"
    )
    assert run("template", "-t", "2023-2027", "-p", "2029", "--lang", "en") == (
        2,
        "",
        "gxcheck: --period: period '2029' is outside the plan's years 2022–2027 (base year included)\n",
    )


def test_the_workbook_template_offers_every_year_of_the_plan(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    assert run("template", "-t", "2023-2027", "-p", "2025", "-o", str(out))[0] == 0
    book = load_workbook(out)
    choices = [row[0] for row in book["periods"].iter_rows(values_only=True)]
    assert (len(choices), choices[0], choices[11], choices[-1]) == (72, "2022年1月", "2022", "2027")


def test_an_annual_template_is_unchanged() -> None:
    assert (
        run("template", "--period", "2024-Q3")[1].splitlines()[1]
        == "gdp_growth,地区生产总值增长,%,2024年前三季度,,,"
    )
    assert run("template")[1].splitlines()[1] == "gdp_growth,地区生产总值增长,%,2024,,,"


def test_targets_lists_the_bundled_plans() -> None:
    code, out, err = run("targets", "--list", "-f", "json")
    assert (code, err) == (0, "")
    assert [
        (p["name"], p["plan"].get("first_year"), p["plan"]["year"], p["targets"]) for p in json.loads(out)
    ] == [
        ("2023-2027", 2023, 2027, 10),
        ("2024", None, 2024, 68),
    ]
    table = run("targets", "--list")[1]
    assert "2023-2027   2023—2027年" in table


def test_targets_shows_each_targets_horizon() -> None:
    out = run("targets", "-t", "2023-2027", "--lang", "en")[1]
    assert "≥ 5.7 % by 2027" in out


def test_an_unknown_bundled_name_is_a_missing_file() -> None:
    assert run("targets", "-t", "2021-2025", "--lang", "en") == (
        2,
        "",
        "2021-2025: no such file, and no bundled plan of that name (bundled: 2023-2027, 2024)\n",
    )


def test_the_word_and_excel_reports_give_the_span(tmp_path: Path) -> None:
    import docx
    from openpyxl import load_workbook

    report = tmp_path / "review.docx"
    assert (
        run("score", ACTUALS, "-t", "2023-2027", "-f", "docx", "-o", str(report), "--fail-on", "never")[0]
        == 0
    )
    paragraphs = [p.text for p in docx.Document(str(report)).paragraphs]
    assert paragraphs[2] == (
        "（2024年全年 · 规划期2023—2027年（基期2022年） · 时间进度 2/5\u3000数据截至2024年全年"
        "\u3000制表日期：2026-12-01）"
    )
    assert paragraphs[3] == "截至2024年末，10项目标中：达进度2项、欠进度1项、无数据7项。"
    book = tmp_path / "card.xlsx"
    assert (
        run("score", ACTUALS, "-t", "2023-2027", "-f", "xlsx", "-o", str(book), "--fail-on", "never")[0] == 0
    )
    summary = load_workbook(book).worksheets[0]
    assert summary.cell(2, 1).value == "期间：2024年全年 · 规划期2023—2027年（基期2022年） · 时间进度 2/5"
