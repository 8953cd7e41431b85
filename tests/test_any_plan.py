"""Nothing assumes the bundled plan: a plan of another year whose areas are economy (not
numbered), people and safety; no publisher or url; names in Chinese only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gxcheck.cli import app

runner = CliRunner()

PLAN = """\
version: 1
plan:
  title: {zh: 某区2025年工作计划}
  year: 2025
  published: 2025-02-01
areas:
  - {id: economy, zh: 经济发展, en: Economy, numbered: false}
  - {id: people, zh: 民生保障}
  - {id: safety, zh: 安全底线, en: Safety}
targets:
  - {id: gdp, area: economy, name: {zh: 地区生产总值增长, en: GDP growth}, kind: growth, op: ">=",
     value: 6, unit: "%", commitment: strive, quote: 力争地区生产总值增长6%, baseline: 5.9}
  - {id: beds, area: people, name: 新增养老床位, kind: increment, op: ">=", value: 100, unit: 张,
     commitment: plain, quote: 新增养老床位100张}
  - {id: accidents, area: safety, name: {zh: 较大事故}, kind: ceiling, op: "<=", value: 0, unit: 起,
     commitment: plain, quote: 防范较大事故发生}
"""
ACTUALS = "id,value\ngdp,6.1\nbeds,120\naccidents,0\n"


@pytest.fixture()
def files(tmp_path: Path) -> tuple[str, str]:
    plan, actuals = tmp_path / "plan.yaml", tmp_path / "a.csv"
    plan.write_text(PLAN, encoding="utf-8")
    actuals.write_text(ACTUALS, encoding="utf-8")
    return str(plan), str(actuals)


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def test_only_numbered_areas_are_counted_in_the_markdown(files: tuple[str, str]) -> None:
    plan, actuals = files
    out = run("score", actuals, "-t", plan, "-f", "markdown")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## 经济发展", "## （一）民生保障", "## （二）安全底线"]


def test_english_headings_and_names_fall_back_to_the_chinese(files: tuple[str, str]) -> None:
    plan, actuals = files
    out = run("score", actuals, "-t", plan, "-f", "markdown", "--lang", "en")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## Economy", "## 1. 民生保障", "## 2. Safety"]
    assert out.startswith("# 某区2025年工作计划")
    assert "新增养老床位" in out and "较大事故" in out


def test_the_targets_table_numbers_only_the_numbered_areas(files: tuple[str, str]) -> None:
    plan, _ = files
    out = run("targets", "-t", plan, "-f", "markdown")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## 经济发展", "## （一）民生保障", "## （二）安全底线"]


def test_json_has_no_publisher_or_url_and_the_chinese_name_in_english(files: tuple[str, str]) -> None:
    plan, actuals = files
    doc = json.loads(run("score", actuals, "-t", plan, "-f", "json"))
    assert doc["plan"] == {
        "title": {"zh": "某区2025年工作计划", "en": "某区2025年工作计划"},
        "year": 2025,
        "published": "2025-02-01",
        "publisher": None,
        "url": None,
    }
    beds = next(r for r in doc["results"] if r["id"] == "beds")
    assert beds["target"]["name"] == {"zh": "新增养老床位", "en": "新增养老床位"}


def test_html_footer_leaves_out_what_the_plan_does_not_give(files: tuple[str, str]) -> None:
    plan, actuals = files
    out = run("score", actuals, "-t", plan, "-f", "html")
    assert "<footer>2025-02-01</footer>" in out


def test_junit_has_no_url_property_without_a_url(files: tuple[str, str]) -> None:
    plan, actuals = files
    out = run("score", actuals, "-t", plan, "-f", "junit")
    assert 'name="plan.url"' not in out
    assert 'name="plan.year" value="2025"' in out


def test_explain_names_a_chinese_only_target_once(files: tuple[str, str]) -> None:
    plan, actuals = files
    out = run("explain", "beds", actuals, "-t", plan)
    assert out.splitlines()[0].split() == ["指标", "beds", "—", "新增养老床位"]


@pytest.mark.parametrize(("lang", "label"), [("zh", "基期（2024）"), ("en", "baseline (2024)")])
def test_explain_names_the_year_before_the_plans_as_the_base_year(
    files: tuple[str, str], lang: str, label: str
) -> None:
    plan, actuals = files
    out = run("explain", "gdp", actuals, "-t", plan, "--lang", lang)
    [line] = [line for line in out.splitlines() if line.startswith(label)]
    assert line.split()[-2:] == ["5.9", "%"]


@pytest.mark.parametrize(
    ("period", "hint"),
    [
        ("2025年二季度", "(write 2025年上半年, 2025年前三季度 or 2025-Q3)"),
        ("Q3", "(e.g. 2025, 2025-Q3, 2025-H1, 2025-06, 2025年前三季度, 2025年上半年, 2025年1-6月)"),
        ("2025-13", "(e.g. 2025, 2025-Q3, 2025-H1, 2025-06, 2025年前三季度, 2025年上半年, 2025年1-6月)"),
    ],
)
def test_period_hints_use_the_plans_year(
    tmp_path: Path, files: tuple[str, str], period: str, hint: str
) -> None:
    plan, _ = files
    csv = tmp_path / "p.csv"
    csv.write_text(f"id,period,value\nbeds,{period},50\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(csv), "-t", plan, "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.endswith(f"{hint}\n"), result.stderr


# -- validate --source: the quotes are the plan's words, and every number is accounted for ------

TEXT = """\
某区2025年工作计划
一、2024年回顾
新增养老床位80张。
二、2025年工作打算
力争地区生产总值增长6%。新增养老床位100张,建设5所学校。防范较大事故发生。
"""


def validate(*args: str) -> tuple[int, str, str]:
    """``gxcheck validate``, its messages in English (validate has no --lang: GXCHECK_LANG)."""
    result = runner.invoke(app, ["validate", *args], env={"GXCHECK_LANG": "en"})
    return result.exit_code, result.stdout, result.stderr


def test_validate_source_names_each_number_in_no_quote(tmp_path: Path, files: tuple[str, str]) -> None:
    plan, _ = files
    text = tmp_path / "plan.txt"
    text.write_text(TEXT, encoding="utf-8")
    code, out, err = validate(plan, "--source", str(text), "--after", "二、2025年工作打算")
    assert (code, out) == (2, "")
    assert err == (
        f"{text}:5: 5 (“…增养老床位100张,建设5所学校。防范较大事故发生…”) is in no quote of {plan} "
        "(add a target, or an excluded: entry that says why it is not one)\n"
    )


def test_validate_source_passes_once_the_number_is_excluded(tmp_path: Path, files: tuple[str, str]) -> None:
    plan, _ = files
    Path(plan).write_text(PLAN + "excluded:\n  - {quote: 建设5所学校, reason: 建设范围}\n", encoding="utf-8")
    text = tmp_path / "plan.txt"
    text.write_text(TEXT, encoding="utf-8")
    assert validate(plan, "--source", str(text), "--after", "二、2025年工作打算", "--lang", "en") == (
        0,
        f"{plan}: OK, 3 targets in 3 areas; every number of {text} accounted for\n",
        "",
    )
    # Without --after, part 一's figure counts too.
    code, _, err = validate(plan, "--source", str(text))
    assert code == 2 and err.startswith(f"{text}:1: 2025 (") and f"{text}:3: 80 (" in err


def test_validate_source_refuses_a_quote_the_text_does_not_hold(
    tmp_path: Path, files: tuple[str, str]
) -> None:
    plan, _ = files
    text = tmp_path / "plan.txt"
    text.write_text(TEXT.replace("新增养老床位100张", "新增床位100张"), encoding="utf-8")
    code, _, err = validate(plan, "--source", str(text), "--after", "二、2025年工作打算")
    assert code == 2
    assert err.splitlines()[0] == (
        f'{plan}:13: target "beds": quote “新增养老床位100张” is not in {text} (quote it verbatim)'
    )


def test_validate_after_needs_words_of_the_text_and_a_source(tmp_path: Path, files: tuple[str, str]) -> None:
    plan, _ = files
    text = tmp_path / "plan.txt"
    text.write_text(TEXT, encoding="utf-8")
    code, _, err = validate(plan, "--source", str(text), "--after", "三、")
    assert (code, err) == (2, f"{text}: --after '三、' is not in the text (give words of a heading)\n")
    code, _, err = validate(plan, "--after", "二、", "--lang", "en")
    assert code == 2 and "--after needs --source (the plan's text)" in err


def test_the_bundled_plan_accounts_for_every_number_of_its_part_two() -> None:
    from conftest import BUNDLED_DIR

    source = str(BUNDLED_DIR / "2024.source.txt")
    assert validate("--source", source, "--after", "二、2024年工作打算", "--lang", "en") == (
        0,
        f"<bundled 2024.yaml>: OK, 68 targets in 8 areas; every number of {source} accounted for\n",
        "",
    )


@pytest.mark.parametrize(
    ("number", "numeral"),
    [
        (1, "一"),
        (7, "七"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (23, "二十三"),
        (99, "九十九"),
        (100, "100"),
    ],
)
def test_an_area_beyond_the_tenth_is_numbered_as_the_plan_would(number: int, numeral: str) -> None:
    from gxcheck.render.common import chinese_numeral

    assert chinese_numeral(number) == numeral
