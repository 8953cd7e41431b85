"""Formats for CI: JUnit XML, GitHub workflow commands and step summary, SVG; the
pre-commit hook and the GitHub Action's metadata."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import CATALOGUE_2024, ROOT, SHARED, make_actual, make_catalogue, make_target
from typer.testing import CliRunner

from gxcheck import score
from gxcheck.cli import app
from gxcheck.model import Commitment, Scorecard, Status
from gxcheck.record import replace
from gxcheck.render import RENDERER_MODULES, Format, github, junit, renderer, svg
from gxcheck.render.common import ReportOptions

XSD = SHARED / "data" / "junit" / "JUnit.xsd"
OPTIONS = ReportOptions(
    "zh", frozenset({Status.MISSED, Status.NEAR}), run_at="2025-01-08T09:00:00", hostname="ci"
)


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERER_MODULES) == set(Format)
    assert all(callable(renderer(f)) for f in Format)


# -- JUnit ------------------------------------------------------------------------------------


def test_junit_is_valid_against_the_ant_schema(card_2024: Scorecard) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    if not XSD.exists():  # the schema lives in the workspace's shared/ beside the clone
        pytest.skip(f"no JUnit schema at {XSD}")
    schema = xmlschema.XMLSchema(str(XSD))
    schema.validate(junit.scorecard(card_2024, OPTIONS).encode("utf-8"))


def test_junit_has_a_suite_per_area_and_a_case_per_target(card_2024: Scorecard) -> None:
    root = ET.fromstring(junit.scorecard(card_2024, OPTIONS))
    suites = root.findall("testsuite")
    assert [s.get("package") for s in suites] == [f"gxcheck.{a.id}" for a in card_2024.catalogue.areas]
    assert sum(int(s.get("tests", "0")) for s in suites) == 68
    headline = suites[0]
    assert (headline.get("failures"), headline.get("skipped"), headline.get("timestamp")) == (
        "5",
        "0",
        "2025-01-08T09:00:00",
    )
    cases = {c.get("name"): c for c in headline.findall("testcase")}
    gdp = cases["gdp_growth 地区生产总值增长"]
    failure = gdp.find("failure")
    assert failure is not None
    assert failure.get("type") == "near"
    assert (
        failure.get("message")
        == "near / 基本完成（力争）: 7.4 % < 8 % − 0.5（容差）；在基本完成区间内（≥ 7 %）"
    )
    budget = cases["budget_revenue_growth 一般公共预算收入增长"].find("failure")
    assert budget is not None and budget.get("message") == "missed / 未完成（力争）: 0.8 % < 7 %"
    innovation = {c.get("name"): c for c in suites[1].findall("testcase")}
    skipped = innovation["high_tech_enterprises 高新技术企业总数"].find("skipped")
    assert skipped is not None and skipped.get("message") == "no data / 无数据: 未报告数据"
    properties = {p.get("name"): p.get("value") for p in headline.iter("property")}
    assert properties["period"] == "2024"
    assert (properties["plan.url"] or "").endswith("t_13344893.html")


def test_junit_near_passes_when_the_policy_lets_it(card_2024: Scorecard) -> None:
    options = ReportOptions("zh", frozenset({Status.MISSED}), run_at="2025-01-08T09:00:00")
    root = ET.fromstring(junit.scorecard(card_2024, options))
    gdp = next(c for c in root.iter("testcase") if c.get("name", "").startswith("gdp_growth"))
    assert list(gdp) == []  # a near miss the policy lets pass is a passing test case


def test_junit_carries_characters_xml_cannot() -> None:
    target = make_target("x", value=1, quote="a\x1bb\x00c")
    card = score(make_catalogue(target), [make_actual("x", 0)])
    text = junit.scorecard(card, OPTIONS)
    assert "quote: a\\x1bb\\x00c" in text
    ET.fromstring(text)  # still well-formed XML


# -- GitHub ------------------------------------------------------------------------------------


def test_workflow_command_escaping() -> None:
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def _csv_line(target_id: str) -> int:
    rows = (ROOT / "actuals" / "2024.csv").read_text(encoding="utf-8").splitlines()
    return next(i for i, row in enumerate(rows, 1) if row.startswith(f"{target_id},"))


def test_github_annotations_point_at_the_csv_row_and_the_targets_file(card_2024: Scorecard) -> None:
    # A targets file of the user's own: the annotation lands on the CSV row that holds the figure,
    # and names the line where its target starts.
    mine = replace(card_2024.catalogue, path="plans/2024.yaml", bundled=False)
    lines = github.scorecard(replace(card_2024, catalogue=mine), OPTIONS).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 8
    yaml_lines = (CATALOGUE_2024).read_text(encoding="utf-8").splitlines()
    line = yaml_lines.index("  - id: projects_in_use") + 1
    assert errors[0] == (
        f"::error file=actuals/2024.csv,line={_csv_line('projects_in_use')},"
        "title=projects_in_use 项目投用%3A 未完成（确保）::"
        f"55 个 < 60 个 — “确保60个项目投用” (plans/2024.yaml:{line})"
    )


def test_github_annotates_the_targets_file_where_no_row_holds_the_figure(card_2024: Scorecard) -> None:
    """From standard input or a workbook there is no text line to point at: the target's line is used."""
    mine = replace(card_2024.catalogue, path="plans/2024.yaml", bundled=False)
    piped = tuple(
        replace(r, actual=replace(r.actual, file=where))
        for r, where in zip(card_2024.results, itertools.cycle(["<stdin>", "q3.xlsx!前三季度"]), strict=False)
        if r.actual is not None
    )
    card = replace(card_2024, catalogue=mine, results=piped)
    errors = [line for line in github.scorecard(card, OPTIONS).splitlines() if line.startswith("::error ")]
    assert len(errors) == 8 and all(e.startswith("::error file=plans/2024.yaml,line=") for e in errors)


def test_github_annotations_name_no_file_for_the_bundled_catalogue(card_2024: Scorecard) -> None:
    """The bundled catalogue is no file in the user's repository: no file= that does not exist."""
    lines = github.scorecard(card_2024, OPTIONS).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 8
    assert errors[0] == (
        f"::error file=actuals/2024.csv,line={_csv_line('projects_in_use')},"
        "title=projects_in_use 项目投用%3A 未完成（确保）::"
        "55 个 < 60 个 — “确保60个项目投用”"
    )
    assert [line for line in lines if "yaml" in line] == []
    assert lines[-1] == (
        "::notice title=gxcheck · 数据截至2024年全年 · 生成于2025-01-08::"
        "68 项目标，已判定 10 项：完成 2 · 基本完成 2 · 未完成 6 · 无数据 58 — "
        "不通过：8 项基本完成或未完成（其中确保 1 项）"
    )


def _many(n: int) -> Scorecard:
    targets = [
        make_target(
            f"t{i:02d}",
            value=100,
            commitment=Commitment.ENSURE if i == n - 1 else Commitment.STRIVE,
            line=10 + i,
        )
        for i in range(n)
    ]
    actuals = [make_actual(f"t{i:02d}", 50 - i) for i in range(n)]
    return score(make_catalogue(*targets), actuals)


def test_at_most_ten_annotations_of_a_kind_most_serious_first() -> None:
    lines = github.scorecard(_many(14), OPTIONS).splitlines()
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == 10
    # 确保 first, then the largest shortfall: t13 (ensure), then t12, t11, ... by gap
    assert [e.split("title=")[1].split(" ")[0] for e in errors[:9]] == [
        "t13",
        "t12",
        "t11",
        "t10",
        "t09",
        "t08",
        "t07",
        "t06",
        "t05",
    ]
    assert errors[9] == "::error title=gxcheck::另有 5 项未列出，见汇总"


def test_ten_annotations_need_no_summary_line() -> None:
    errors = [
        line for line in github.scorecard(_many(10), OPTIONS).splitlines() if line.startswith("::error")
    ]
    assert len(errors) == 10 and all("title=t" in e for e in errors)


def test_near_misses_the_policy_allows_are_warnings(card_2024: Scorecard) -> None:
    options = ReportOptions("en", frozenset({Status.MISSED}))
    lines = github.scorecard(card_2024, options).splitlines()
    warnings = [line for line in lines if line.startswith("::warning")]
    assert any("title=gdp_growth GDP growth%3A near" in w for w in warnings)
    assert not any("gdp_growth" in line for line in lines if line.startswith("::error"))


def test_step_summary_is_appended(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["score", str(ROOT / "actuals" / "2024.csv"), "-f", "github"],
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n# 西部科学城重庆高新区")
    assert "| **合计** |" in text


def test_step_summary_stays_under_githubs_limit(tmp_path: Path) -> None:
    from gxcheck.cli import STEP_SUMMARY_LIMIT, step_summary

    data = step_summary("| row |\n" * 300_000).encode()
    assert len(data) < 1024 * 1024
    assert data.endswith("…(cut to stay under GitHub's 1 MiB step-summary limit)\n".encode())
    zh = step_summary("| row |\n" * 300_000, "zh").encode()
    assert len(zh) < 1024 * 1024
    assert zh.endswith("\n\n…（已截断，以免超过 GitHub 步骤摘要 1 MiB 的上限）\n".encode())
    assert STEP_SUMMARY_LIMIT < 1024 * 1024


# -- SVG and the other repositories' metadata ---------------------------------------------------


def test_svg_is_a_picture_of_the_scorecard(card_2024: Scorecard, tmp_path: Path) -> None:
    text = svg.scorecard(card_2024, OPTIONS)
    assert text.startswith("<svg") and text.rstrip().endswith("</svg>")
    root = ET.fromstring(text)
    assert root.tag.endswith("svg")
    assert "基本完成" in text


def test_svg_fetches_nothing(card_2024: Scorecard) -> None:
    """rich's export links a web font on a CDN; the picture must render offline and send no request."""
    text = svg.scorecard(card_2024, OPTIONS)
    assert "@font-face" not in text and "cdnjs" not in text
    assert re.findall(r"url\((?!#)", text) == []  # only references inside the picture
    assert re.findall(r"https?://[^\s\"<]*", text) == [
        "http://www.w3.org/2000/svg",
        "https://www.textualize.io",
    ]
    assert f"font-family: {svg.MONOSPACE};" in text and f"font-family: {svg.SANS};" in text


def test_svg_beside_another_format(tmp_path: Path) -> None:
    picture = tmp_path / "card.svg"
    result = CliRunner().invoke(
        app, ["score", str(ROOT / "actuals" / "2024.csv"), "-f", "json", "--svg", str(picture)]
    )
    assert result.exit_code == 1
    assert result.stdout.startswith("{")
    assert picture.read_text(encoding="utf-8").startswith("<svg")


def test_pre_commit_hook_metadata() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["gxcheck-validate"]
    assert hooks[0]["entry"] == "gxcheck validate"
    assert hooks[0]["language"] == "python"


def test_validate_takes_several_files_for_pre_commit(tmp_path: Path) -> None:
    good = CATALOGUE_2024
    result = CliRunner().invoke(app, ["validate", str(good), str(good), "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout == f"{good}: OK, 68 targets in 8 areas\n" * 2


def test_svg_gives_chinese_two_cells_a_character(card_2024: Scorecard) -> None:
    """rich sizes text runs by characters; Chinese would be squeezed to half and overlap."""
    import re

    text = svg.scorecard(card_2024, OPTIONS)
    runs = dict(re.findall(r'textLength="([\d.]+)"[^>]*>([^<]*)</text>', text)[i][::-1] for i in range(40))
    assert float(runs["地区生产总值增长"]) == pytest.approx(16 * 20 * 0.61)  # 8 characters, 16 cells
