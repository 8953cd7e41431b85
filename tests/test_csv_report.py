"""``-f csv``: one row per target, read back as a spreadsheet would read it."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import make_actual, make_catalogue, make_target
from test_golden import check_golden
from typer.testing import CliRunner

from gxcheck import load_targets, score
from gxcheck.cli import app
from gxcheck.model import Bound, Quantity, Scorecard, Text
from gxcheck.record import replace
from gxcheck.render import csv_report, rows
from gxcheck.render.common import ReportOptions

SOFFICE = shutil.which("soffice")


def _read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_golden_csv(card_2024: Scorecard) -> None:
    text = csv_report.scorecard(card_2024, ReportOptions())
    assert text.count("\r\n") == text.count("\n") == len(card_2024.results) + 1  # CRLF (the golden keeps LF)
    check_golden("score-2024.csv", text.replace("\r\n", "\n"))


def test_one_row_per_target_in_the_plans_order(card_2024: Scorecard) -> None:
    text = csv_report.scorecard(card_2024, ReportOptions())
    assert text.splitlines()[0] == "\ufeff" + ",".join(rows.KEYS) + ",data_as_of,generated_at"
    table = _read(text)
    assert [r["id"] for r in table] == [r.target.id for r in card_2024.results]
    gdp = table[0]
    assert gdp == {
        "area": "主要预期目标",
        "id": "gdp_growth",
        "name": "地区生产总值增长",
        "commitment": "力争",
        "target": "8 % 左右 (± 0.5)",
        "actual": "7.4 %",
        "period": "2024年全年",
        "expected": "",
        "gap": "-0.6",
        "ratio": "92%",
        "status": "基本完成",
        "reason": "7.4 % < 8 % − 0.5（容差）；在基本完成区间内（≥ 7 %）",
        "source": gdp["source"],
        "note": gdp["note"],
        "data_as_of": "2024年全年",
        "generated_at": "2024-01-01T00:00:00+00:00",
    }
    assert gdp["source"].endswith(
        "https://gxq.cq.gov.cn/zwgk_202/fdzdgknr/ghxinxi/gmjjhshfzgh/t_14648929_wap.html"
    )
    english = _read(csv_report.scorecard(card_2024, ReportOptions("en")))
    assert (english[0]["name"], english[0]["status"], english[0]["commitment"]) == (
        "GDP growth",
        "near",
        "strive",
    )


def test_a_bound_keeps_its_sign_and_no_cell_is_a_formula() -> None:
    hostile = '=HYPERLINK("http://x","y")'
    target = replace(make_target("t", value=100), name=Text(hostile, "+SUM(A1)"))
    actual = replace(make_actual("t", Quantity(Decimal(100), Bound.GT)), source="@cmd", note="-1+1")
    table = _read(csv_report.scorecard(score(make_catalogue(target), [actual]), ReportOptions()))
    assert table[0]["name"] == "'" + hostile and table[0]["source"] == "'@cmd"
    assert (table[0]["gap"], table[0]["ratio"]) == (">0", ">100%")


def test_score_writes_csv_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "card.csv"
    root = Path(__file__).parent.parent
    result = CliRunner().invoke(
        app, ["score", str(root / "actuals" / "2024.csv"), "-f", "csv", "-o", str(out)]
    )
    assert result.exit_code == 1 and result.stdout == ""
    ids = [r["id"] for r in _read(out.read_bytes().decode("utf-8"))]
    assert ids == [t.id for t in load_targets().targets]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_reads_the_numbers_and_the_chinese(tmp_path: Path, card_2024: Scorecard) -> None:
    """Opened by a real spreadsheet: gap and 完成率 are numbers, the Chinese is intact."""
    from openpyxl import load_workbook

    source = tmp_path / "card.csv"
    source.write_text(csv_report.scorecard(card_2024, ReportOptions()), encoding="utf-8", newline="")
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--infilter=CSV:44,34,76",  # comma, double quote, UTF-8
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    sheet = load_workbook(tmp_path / "card.xlsx").active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    gdp = {key: cell.value for key, cell in zip(header, sheet[2], strict=True)}
    assert gdp["name"] == "地区生产总值增长" and gdp["status"] == "基本完成"
    assert gdp["gap"] == pytest.approx(-0.6) and gdp["ratio"] == pytest.approx(0.92)
