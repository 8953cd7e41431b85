"""The template as a workbook: read back with openpyxl, filled in, saved by LibreOffice, scored."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from gxcheck.actuals import load_actuals
from gxcheck.cli import app
from gxcheck.evaluate import score
from gxcheck.model import Quantity, Status
from gxcheck.periods import Period, parse_period
from gxcheck.record import replace
from gxcheck.targets import bundled_targets_path, load_targets
from gxcheck.xlsx_template import period_choices, template_xlsx

runner = CliRunner()
SOFFICE = shutil.which("soffice")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "q3.xlsx"
    assert run("template", "-o", str(path), "--period", "2024-Q3") == (0, "", "")
    return path


def test_the_workbook_template_read_back_with_openpyxl(template: Path) -> None:
    book = load_workbook(template)
    assert book.sheetnames == ["填报", "说明 Instructions", "periods"]
    sheet = book["填报"]
    assert (
        sheet["A1"].value
        == "西部科学城重庆高新区2023年工作情况和2024年工作打算：目标完成情况填报表（2024年前三季度）"
    )
    assert [c.value for c in sheet[2]] == [
        "指标编号",
        "指标名称",
        "目标",
        "单位",
        "期间",
        "完成值",
        "数据来源",
        "备注",
    ]
    assert [c.value for c in sheet[3]] == [
        "id",
        "name",
        "target",
        "unit",
        "period",
        "value",
        "source",
        "note",
    ]
    assert [c.value for c in sheet[4]] == [
        "gdp_growth",
        "地区生产总值增长",
        "8 % 左右 (± 0.5)",
        "%",
        "2024年前三季度",
        None,
        None,
        None,
    ]
    assert sheet.max_row == 3 + 68
    assert sheet.freeze_panes == "C4"
    assert sheet["E10"].number_format == "@"  # typed as text: 1-11月 stays 1-11月
    assert sheet["E10"].data_type == "s"
    (validation,) = sheet.data_validations.dataValidation
    assert (validation.type, validation.formula1, str(validation.sqref)) == (
        "list",
        "periods!$A$1:$A$12",
        "E4:E71",
    )
    assert [book["periods"].cell(row, 1).value for row in range(1, 13)] == period_choices(2024)
    assert book["periods"].sheet_state == "hidden"
    assert book["说明 Instructions"]["A1"].value == "填写说明"


def test_every_drop_down_period_reads_back_as_its_month() -> None:
    choices = period_choices(2024)
    assert choices[:3] == ["2024年1月", "2024年1—2月", "2024年一季度"]
    assert choices[-1] == "2024"
    assert [parse_period(c, 2024) for c in choices] == [Period(2024, m) for m in range(1, 13)]


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    targets = tmp_path / "t.yaml"
    text = bundled_targets_path().read_text(encoding="utf-8")
    targets.write_text(text.replace("zh: 地区生产总值增长", 'zh: "=HYPERLINK(1)"'), encoding="utf-8")
    out = tmp_path / "t.xlsx"
    assert run("template", "-t", str(targets), "-o", str(out))[0] == 0
    cell = load_workbook(out)["填报"]["B4"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


def fill(template: Path, out: Path) -> Path:
    book = load_workbook(template)
    sheet = book["填报"]
    figures: dict[str, float | str] = {
        "gdp_growth": 0.076,
        "new_incubators": "2",
        "roads_newly_started": "超100",
    }
    for row in sheet.iter_rows(min_row=4):
        if row[0].value in figures:
            row[5].value = figures[str(row[0].value)]
            if row[0].value == "gdp_growth":
                row[5].number_format = "0.0%"  # as Excel stores a typed 7.6%
    book.save(out)
    return out


def check_filled(path: Path) -> None:
    catalogue = load_targets(None)
    loaded = load_actuals(path, catalogue, allow_blank=True)
    assert loaded.blank == 65
    card = score(catalogue, loaded.actuals)
    got = {r.target.id: (r.status, r.actual.parsed) for r in card.results if r.actual is not None}
    assert got == {
        "gdp_growth": (Status.ON_SCHEDULE, Quantity(Decimal("7.6"))),
        "new_incubators": (Status.BEHIND, Quantity(Decimal("2"))),  # 2 < 3 × 9/12
        "roads_newly_started": (Status.DONE, got["roads_newly_started"][1]),
    }
    assert card.period == Period(2024, 9)


def test_the_filled_template_scores_without_edits(template: Path, tmp_path: Path) -> None:
    check_filled(fill(template, tmp_path / "filled.xlsx"))
    code, _, err = run(
        "score", str(tmp_path / "filled.xlsx"), "--allow-blank", "--fail-on", "never", "-l", "en"
    )
    assert (code, err) == (0, "gxcheck: 65 rows have no value; their targets have no data (--allow-blank)\n")


def soffice(*args: str, cwd: Path) -> None:
    env = {**os.environ, "HOME": str(cwd)}  # a profile of its own: parallel runs do not collide
    subprocess.run(
        [str(SOFFICE), "--headless", *args], cwd=cwd, env=env, capture_output=True, check=True, timeout=180
    )


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_the_template_saved_by_libreoffice_scores_without_edits(template: Path, tmp_path: Path) -> None:
    filled = fill(template, tmp_path / "filled.xlsx")
    saved = tmp_path / "saved"
    soffice("--convert-to", "xlsx", "--outdir", str(saved), str(filled), cwd=tmp_path)
    check_filled(saved / "filled.xlsx")


def test_the_csv_template_takes_a_period_too(tmp_path: Path) -> None:
    code, out, err = run("template", "--period", "2024-11")
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == "gdp_growth,地区生产总值增长,%,2024年1—11月,,,"
    assert run("template", "--period", "2023-Q3", "--lang", "en") == (
        2,
        "",
        "gxcheck: --period: period '2023-Q3' is outside the plan's year 2024\n",
    )


def test_an_xlsx_template_can_go_to_a_pipe() -> None:
    result = runner.invoke(app, ["template", "-f", "xlsx"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout_bytes.startswith(b"PK\x03\x04")


def test_the_instructions_speak_of_the_plans_own_year() -> None:
    """A 2025 plan's template gives 2025 examples, not the bundled plan's 2024."""
    catalogue = load_targets()
    plan_2025 = replace(catalogue, plan=replace(catalogue.plan, year=2025))
    book = load_workbook(io.BytesIO(template_xlsx(plan_2025)))
    notes = " ".join(str(c.value) for row in book["说明 Instructions"].iter_rows() for c in row if c.value)
    assert "2025年前三季度" in notes and "2025-09-30" in notes and "2024" not in notes
    rule = book["填报"].data_validations.dataValidation[0]
    assert "2025年前三季度" in (rule.error or "") and "2024" not in (rule.error or "")
