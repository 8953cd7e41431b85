"""Actual figures from a workbook: cells read as they show, the CSV's rules, located errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter
from conftest import ROOT
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from gxcheck.actuals import load_actuals
from gxcheck.cli import app
from gxcheck.errors import InputError
from gxcheck.evaluate import score
from gxcheck.model import Catalogue, Quantity, Status
from gxcheck.periods import Period
from gxcheck.targets import load_targets
from gxcheck.workbook import cell_text

runner = CliRunner()
HEADER = ["id", "period", "value", "unit", "source", "note"]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_targets(None)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def hand_made(path: Path) -> Path:
    """A workbook as a statistics office makes it: a merged title row, Chinese labels, then the
    header; percent cells, a date as the period, a unit in a number format, a computed cell."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "前三季度"
    sheet["A1"] = "高新区2024年前三季度主要指标完成情况"
    sheet.merge_cells("A1:F1")
    sheet.append(["指标", "期间", "完成值", "单位", "来源", "备注"])
    sheet.append(HEADER)
    sheet.append(["gdp_growth", dt.datetime(2024, 9, 30), 0.076, "", "区统计局", ""])
    sheet.append(["industrial_output_growth", dt.datetime(2024, 9, 30), 0.069, "", "区统计局", ""])
    sheet.append(["new_market_entities", dt.datetime(2024, 9, 30), 9500, "户", "", ""])
    sheet.append(["roads_newly_started", dt.datetime(2024, 9, 30), "超100", "公里", "", ""])
    sheet.append(["high_tech_enterprises", dt.datetime(2024, 9, 30), "520", "", "", "数字存为文本"])
    for row in sheet.iter_rows(min_row=4):
        row[1].number_format = "yyyy-mm-dd"
    sheet["C4"].number_format = "0.0%"
    sheet["C5"].number_format = "0.0%"
    sheet["C6"].number_format = '#,##0"户"'
    book.save(path)
    return path


def results(catalogue: Catalogue, path: Path, **options: object) -> dict[str, tuple[Status, object]]:
    loaded = load_actuals(path, catalogue, **options)  # type: ignore[arg-type]
    card = score(catalogue, loaded.actuals)
    return {r.target.id: (r.status, r.actual.parsed) for r in card.results if r.actual is not None}


def test_a_hand_made_workbook_scores_right(tmp_path: Path, catalogue: Catalogue) -> None:
    path = hand_made(tmp_path / "q3.xlsx")
    loaded = load_actuals(path, catalogue)
    assert {a.period for a in loaded.actuals} == {Period(2024, 9)}
    assert [(a.file, a.line, a.raw) for a in loaded.actuals][:3] == [
        (f"{path}!前三季度", 4, "7.6%"),
        (f"{path}!前三季度", 5, "6.9%"),
        (f"{path}!前三季度", 6, "9500户"),
    ]
    got = results(catalogue, path)
    # 7.6 % is inside 8 % ± 0.5; 6.9 % against ≥ 8 % is neither on schedule nor near.
    assert got["gdp_growth"] == (Status.ON_SCHEDULE, Quantity(Decimal("7.6")))
    assert got["industrial_output_growth"][0] is Status.BEHIND
    assert got["new_market_entities"][1] == Quantity(Decimal("0.95"))  # 9500户 in 万户
    assert got["roads_newly_started"][0] is Status.DONE  # 超100 against > 100: more than 100
    assert got["high_tech_enterprises"][1] == Quantity(Decimal("520"))


def test_the_cli_scores_a_workbook_and_a_csv_together(tmp_path: Path) -> None:
    path = hand_made(tmp_path / "q3.xlsx")
    csv = tmp_path / "more.csv"
    csv.write_text("id,period,value\nnew_incubators,2024-Q3,2\n", encoding="utf-8")
    code, out, err = run("score", str(path), str(csv), "--fail-on", "never", "-f", "json")
    assert (code, err) == (0, "")
    assert '"id": "new_incubators"' in out and '"raw": "7.6%"' in out


@pytest.mark.parametrize(
    ("value", "number_format", "period", "text"),
    [
        (0.076, "0.0%", False, "7.6%"),  # a percent cell is the percent it shows, never 0.076 %
        (0.076, "0%", False, "7.6%"),  # …whatever its decimals hide
        (0.3 + 0.0 + 0.1 + 0.2 - 0.3, "General", False, "0.3"),  # 15 significant digits, as shown
        (7.4, "General", False, "7.4"),
        (12000, "#,##0", False, "12000"),
        (15000, '0"万元"', False, "15000万元"),  # the unit in the format stays with the figure
        (52, '0"个"', False, "52个"),
        (12345, "#,##0,", False, "12.345"),  # a trailing comma shows thousands
        (-3.2, '0.0;"-"0.0', False, "-3.2"),
        (7.6, '0.0"%"', False, "7.6%"),  # a literal percent sign does not scale
        (1e16, "General", False, "10000000000000000"),
        (True, "General", False, "true"),
        (dt.datetime(2024, 9, 30), "yyyy-mm-dd", True, "2024-09-30"),
        (dt.datetime(2024, 9, 1), 'yyyy"年"m"月"', True, "2024-09"),  # shows a month: that month
        (dt.datetime(2024, 9, 1), "mmm-yy", True, "2024-09"),
        (dt.datetime(2024, 9, 30), "yyyy-mm-dd", False, "2024-09-30"),
        (2024, "General", True, "2024"),
    ],
)
def test_cells_are_read_as_they_show(value: object, number_format: str, period: bool, text: str) -> None:
    assert cell_text(value, number_format, period=period) == text


def bad_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "前三季度"
    sheet.append(["2024年主要指标"])
    sheet.append(HEADER)
    sheet.append(["gdp_growth", dt.datetime(2024, 9, 15), 7.6, "%", "", ""])
    sheet.append(["industrial_output_growth", "2024-Q3", "=B5*2", "", "", ""])
    sheet.append(["new_market_entities", "2024-Q3", "一万", "", "", ""])
    sheet.append(["gpd_growth", "2024-Q3", 1, "", "", ""])
    sheet.append(["roads_newly_started", "2024-Q3", 0.5, "", "", ""])
    sheet.append(["new_incubators", "2024-Q3", 1, "", "", "", "", "多出来的"])
    sheet["B3"].number_format = "yyyy-mm-dd"
    sheet["C7"].number_format = "0%"
    book.save(path)
    return path


def test_every_problem_is_located_by_sheet_and_cell(tmp_path: Path) -> None:
    path = bad_workbook(tmp_path / "bad.xlsx")
    code, out, err = run("score", str(path), "--lang", "en")
    where = f"{path}!前三季度"
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{where}:B3: target \"gdp_growth\": period '2024-09-15' is a date that is not a month's last "
        "day: a date is read as the end of a period from January (2024-09-30 is January–September); "
        "write 2024-09-30 or 2024年1-9月",
        f"{where}:C4: the formula =B5*2 has no saved result (open the file in Excel, WPS or LibreOffice "
        "and save it, so the result is stored; or type the figure)",
        f"{where}:C5: target \"new_market_entities\": '一万' is not a number "
        "(write e.g. 7.4, 7.4%, 12,000, 1.2万, >100, 超100)",
        f'{where}:A6: unknown target id "gpd_growth" (did you mean "gdp_growth"? see `gxcheck targets`; '
        "--ignore-unknown skips such rows)",
        f"{where}:C7: target \"roads_newly_started\": unit '%' does not fit the target's unit '公里' "
        "(write a plain number in 公里, or 公里 with 万 or 亿)",
        f"{where}:H8: column H has no name in the header but holds '多出来的' (name the column, or clear it)",
    ]


def test_header_problems_name_the_header_row(tmp_path: Path, catalogue: Catalogue) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["标题"])
    sheet.append(["ID", "value", "期间"])
    sheet.append(["gdp_growth", 7.6, "2024"])
    book.save(tmp_path / "h.xlsx")
    with pytest.raises(InputError) as caught:
        load_actuals(tmp_path / "h.xlsx", catalogue)
    assert [str(p) for p in caught.value.problems] == [
        f'{tmp_path / "h.xlsx"}!Sheet:A2: column "ID" must be written "id" '
        "(column names are lowercase, without spaces)",
        f'{tmp_path / "h.xlsx"}!Sheet:C2: unknown column "期间" '
        "(allowed: id, value, period, unit, name, target, note, source)",
    ]


def test_a_sheet_without_a_header_row(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["gdp_growth", 7.6])
    book.save(tmp_path / "n.xlsx")
    assert run("score", str(tmp_path / "n.xlsx"), "--lang", "en") == (
        2,
        "",
        f"{tmp_path / 'n.xlsx'}!Sheet: no header row: none of the first 30 rows names the columns id and "
        "value (the header carries the CSV's column names: id, period, value, unit, source, note)\n",
    )


def cached_formulas(path: Path, cached: bool) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("data")
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["new_incubators", "2024"])
    sheet.write_formula(1, 2, "=1+2", None, 3 if cached else "")
    book.close()
    return path


def test_a_formula_is_read_by_its_saved_result(tmp_path: Path, catalogue: Catalogue) -> None:
    got = results(catalogue, cached_formulas(tmp_path / "f.xlsx", cached=True))
    assert got["new_incubators"] == (Status.MET, Quantity(Decimal(3)))


def test_a_formula_without_a_saved_result_is_an_error_even_with_allow_blank(tmp_path: Path) -> None:
    path = cached_formulas(tmp_path / "f.xlsx", cached=False)
    code, _, err = run("score", str(path), "--allow-blank", "--lang", "en")
    assert code == 2
    assert err == (
        f"{path}!data:C2: the formula =1+2 has no saved result (open the file in Excel, WPS or LibreOffice "
        "and save it, so the result is stored; or type the figure)\n"
    )


def test_a_merged_period_cell_holds_for_every_row_it_covers(tmp_path: Path, catalogue: Catalogue) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["new_incubators", "2024年前三季度", 2])
    sheet.append(["new_research_platforms", None, 4])
    sheet.merge_cells("B2:B3")
    book.save(tmp_path / "m.xlsx")
    loaded = load_actuals(tmp_path / "m.xlsx", catalogue)
    assert [(a.target_id, a.period) for a in loaded.actuals] == [
        ("new_incubators", Period(2024, 9)),
        ("new_research_platforms", Period(2024, 9)),
    ]


def test_sheet_option_and_missing_sheet(tmp_path: Path, catalogue: Catalogue) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.append(["封面"])
    second = book.create_sheet("数据")
    second.append(HEADER)
    second.append(["new_incubators", "2024", 3])
    book.save(tmp_path / "s.xlsx")
    assert results(catalogue, tmp_path / "s.xlsx", sheet="数据")["new_incubators"][0] is Status.MET
    assert run("score", str(tmp_path / "s.xlsx"), "--sheet", "Data", "--lang", "en") == (
        2,
        "",
        f"{tmp_path / 's.xlsx'}: --sheet Data: no such sheet (the workbook has: Sheet, 数据)\n",
    )
    assert run("score", str(ROOT / "actuals" / "2024.csv"), "--sheet", "数据", "--lang", "en")[2] == (
        f"{ROOT / 'actuals' / '2024.csv'}: --sheet 数据: this is a CSV file, not a workbook; "
        "only a workbook has sheets\n"
    )


def test_ignore_unknown_skips_a_statistics_export_s_other_rows(tmp_path: Path, catalogue: Catalogue) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for i in range(50):
        sheet.append([f"ind_{i:03d}", "2024-06", i * 1.5])
    sheet.append(["new_incubators", "2024-06", 2])
    book.save(tmp_path / "e.xlsx")
    loaded = load_actuals(tmp_path / "e.xlsx", catalogue, ignore_unknown=True)
    assert (loaded.skipped_unknown, len(loaded.actuals), loaded.actuals[0].line) == (50, 1, 52)


SAVE_AS = "open it in Excel, WPS or LibreOffice and save it as .xlsx (Excel Workbook)"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ods_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def zip_of_text() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return buffer.getvalue()


def broken_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "text.xlsx",
            b"id,value\n",
            f"is not a workbook (it does not start like an .xlsx or .xls file): {SAVE_AS}, or as CSV",
        ),
        (
            "cut.xlsx",
            b"PK\x03\x04" + b"\x00" * 40,
            f"is a damaged workbook (File is not a zip file): {SAVE_AS} again",
        ),
        (
            "locked.xlsx",
            OLE2 + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le"),
            "is password-protected (encrypted), and gxcheck cannot open it: save a copy without the "
            "password (Excel: File → Info → Protect Workbook → Encrypt with Password)",
        ),
        (
            "old.xls",
            OLE2 + b"\x00" * 100,
            'cannot be read as an Excel 97–2003 workbook (CompDocError: Expected "little-endian" marker, '
            f"found b'\\x00\\x00'): {SAVE_AS} again",
        ),
        (
            "sheet.ods",
            ods_bytes(),
            f"is an OpenDocument (.ods) spreadsheet, which gxcheck does not read: {SAVE_AS}",
        ),
        ("archive.xlsx", zip_of_text(), f"is a zip archive, not a workbook: {SAVE_AS}"),
    ],
)
def test_a_file_that_is_no_readable_workbook_is_one_line(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert run("score", str(path), "--lang", "en") == (2, "", f"{path}: {message}\n")


def test_a_broken_workbook_part_is_one_line_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(broken_workbook())
    code, out, err = run("score", str(path), "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith(f"{path}: cannot be read as a workbook (")
    assert err.endswith(f"): {SAVE_AS} again\n") and err.count("\n") == 1


def test_a_workbook_on_standard_input(tmp_path: Path) -> None:
    data = hand_made(tmp_path / "q3.xlsx").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "gxcheck", "score", "-", "--fail-on", "never", "-f", "json"],
        input=data,
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert '"raw": "7.6%"' in done.stdout.decode()


def test_reading_a_csv_does_not_import_the_office_libraries() -> None:
    code = (
        "import sys\n"
        "from gxcheck.cli import main\n"
        f"sys.argv = ['gxcheck', 'score', {str(ROOT / 'actuals' / '2024.csv')!r}, '--fail-on', 'never']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'xlsxwriter', 'docx')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.splitlines()[-1] == "[]"


def test_a_workbook_export_scores_as_its_csv(tmp_path: Path, catalogue: Catalogue) -> None:
    """bench's statistics export as CSV (7.4%, 1.3万户 as text) and as a workbook (7.4% as a
    percent cell holding 0.074, numbers as number cells): the same figures, the same verdicts."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate  # type: ignore[import-not-found]  # bench/generate.py, not a package
    finally:
        sys.path.remove(str(ROOT / "bench"))
    csv = generate.write_export(tmp_path, 3_000)
    book = generate.write_xlsx_export(tmp_path, 3_000)
    from_csv = load_actuals(csv, catalogue, ignore_unknown=True)
    from_book = load_actuals(book, catalogue, ignore_unknown=True)
    assert from_book.skipped_unknown == from_csv.skipped_unknown > 0
    assert [(a.target_id, a.period, a.parsed) for a in from_book.actuals] == [
        (a.target_id, a.period, a.parsed) for a in from_csv.actuals
    ]
    lines = [(a.line or 0) + 1 for a in from_csv.actuals]
    assert [a.line for a in from_book.actuals] == lines  # one more: the title row
    card_csv, card_book = score(catalogue, from_csv.actuals), score(catalogue, from_book.actuals)
    assert [r.status for r in card_book.results] == [r.status for r in card_csv.results]


def test_a_spreadsheet_error_in_a_target_row_is_named(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "e.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["new_incubators", "2024"])
    sheet.write_formula(1, 2, "=1/0", None, "#DIV/0!")
    sheet.write_row(2, 0, ["ind_1", "2024"])
    sheet.write_formula(2, 2, "=1/0", None, "#DIV/0!")  # not a target: skipped with --ignore-unknown
    book.close()
    assert run("score", str(tmp_path / "e.xlsx"), "--ignore-unknown", "--lang", "en") == (
        2,
        "",
        f'{tmp_path / "e.xlsx"}!Sheet1:C2: target "new_incubators": the cell shows the spreadsheet error '
        "#DIV/0! (correct the formula or type the figure)\n",
    )


def test_the_first_visible_sheet_is_read(tmp_path: Path, catalogue: Catalogue) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "h.xlsx"))
    hidden = book.add_worksheet("lookup")
    hidden.write_row(0, 0, ["id", "value"])
    hidden.write_row(1, 0, ["new_incubators", "9"])
    hidden.hide()
    shown = book.add_worksheet("数据")
    shown.write_row(0, 0, ["id", "value"])
    shown.write_row(1, 0, ["new_incubators", "2"])
    shown.activate()
    book.close()
    assert results(catalogue, tmp_path / "h.xlsx")["new_incubators"][1] == Quantity(Decimal(2))
    assert results(catalogue, tmp_path / "h.xlsx", sheet="lookup")["new_incubators"][1] == Quantity(
        Decimal(9)
    )


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_a_workbook_made_by_libreoffice(tmp_path: Path, catalogue: Catalogue) -> None:
    """Typed text as LibreOffice stores it: 7.6% a percent cell (0.00%), dates in its own
    formats (yyyy\\-mm\\-dd, m/d/yy), 9,500 a number, and 1-11 turned into a date."""
    text = (
        "高新区前三季度指标,,,\n"
        "id,period,value,unit\n"
        "gdp_growth,2024-09-30,7.6%,\n"
        'new_market_entities,2024-09-30,"9,500",户\n'
        "roads_newly_started,2024-09-30,超100,公里\n"
        "industrial_output_growth,2024/9/30,8.1%,\n"
    )
    (tmp_path / "typed.csv").write_text(text, encoding="utf-8")
    options = "CSV:44,34,76,1,,2052,false,true,false,false,true"  # UTF-8, detect numbers and dates
    env = {**os.environ, "HOME": str(tmp_path)}
    convert = [str(SOFFICE), "--headless", f"--infilter={options}", "--convert-to", "xlsx", "--outdir"]
    subprocess.run(
        [*convert, str(tmp_path / "out"), str(tmp_path / "typed.csv")],
        env=env,
        capture_output=True,
        check=True,
        timeout=180,
    )
    book = tmp_path / "out" / "typed.xlsx"
    assert load_workbook(book).worksheets[0]["C3"].number_format == "0.00%"  # what LibreOffice made of 7.6%
    loaded = load_actuals(book, catalogue)
    assert [(a.target_id, a.period, a.raw) for a in loaded.actuals] == [
        ("gdp_growth", Period(2024, 9), "7.6%"),
        ("new_market_entities", Period(2024, 9), "9500"),
        ("roads_newly_started", Period(2024, 9), "超100"),
        ("industrial_output_growth", Period(2024, 9), "8.1%"),
    ]
    (tmp_path / "typed.csv").write_text(text + "new_incubators,2024-09-30,1-11,\n", encoding="utf-8")
    subprocess.run(
        [*convert, str(tmp_path / "out"), str(tmp_path / "typed.csv")],
        env=env,
        capture_output=True,
        check=True,
        timeout=180,
    )
    with pytest.raises(InputError) as caught:
        load_actuals(book, catalogue)
    (problem,) = caught.value.problems
    assert str(problem).startswith(f'{book}!typed:C7: target "new_incubators": the cell holds a date (')
    assert str(problem).endswith(
        "), not a figure: a spreadsheet turns text such as 1-11 into a date "
        "(format the cell as text and type the figure again)"
    )


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_an_excel_97_workbook_reads_as_its_xlsx(tmp_path: Path, catalogue: Catalogue) -> None:
    """The hand-made workbook saved by LibreOffice as .xls (BIFF8): the same cells, formats,
    merged title and date period, so the same figures; problems located the same way."""
    source = hand_made(tmp_path / "q3.xlsx")
    env = {**os.environ, "HOME": str(tmp_path)}
    command = [
        str(SOFFICE),
        "--headless",
        "--convert-to",
        "xls",
        "--outdir",
        str(tmp_path / "old"),
        str(source),
    ]
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=180)
    old = tmp_path / "old" / "q3.xls"
    assert old.read_bytes().startswith(OLE2)
    new, legacy = load_actuals(source, catalogue), load_actuals(old, catalogue)
    assert [(a.target_id, a.period, a.raw, a.parsed, a.line) for a in legacy.actuals] == [
        (a.target_id, a.period, a.raw, a.parsed, a.line) for a in new.actuals
    ]
    assert legacy.actuals[0].file == f"{old}!前三季度"
    assert run("score", str(old), "--sheet", "Q3", "--lang", "en") == (
        2,
        "",
        f"{old}: --sheet Q3: no such sheet (the workbook has: 前三季度)\n",
    )


def test_trend_and_explain_read_workbooks(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "月报"
    sheet.append(HEADER)
    sheet.append(["new_incubators", "2024-Q1", 1])
    sheet.append(["new_incubators", "2024-H1", 2])
    sheet.append(["new_incubators", dt.datetime(2024, 9, 30), 2])
    sheet["B4"].number_format = "yyyy-mm-dd"
    book.save(tmp_path / "m.xlsx")
    code, out, err = run("trend", str(tmp_path / "m.xlsx"), "-f", "json")
    assert (code, err) == (0, "")
    (series,) = json.loads(out)["series"]
    assert [p["period"] for p in series["points"]] == ["2024-03", "2024-06", "2024-09"]
    code, out, err = run("explain", "new_incubators", str(tmp_path / "m.xlsx"), "-f", "json")
    assert (code, err) == (0, "")
    assert f"{tmp_path / 'm.xlsx'}!月报" in out


# -- in the reader's language ------------------------------------------------------------------

SAVE_AGAIN_ZH = "请用 Excel、WPS 或 LibreOffice 打开，重新另存为 .xlsx（Excel 工作簿）"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            [],
            "{path}!data:C2: 公式 =1+2 没有保存的计算结果"
            "（请用 Excel、WPS 或 LibreOffice 打开并保存该文件，把结果存下来；或直接填入数据）",
        ),
        (
            ["--lang", "en"],
            "{path}!data:C2: the formula =1+2 has no saved result (open the file in Excel, WPS or "
            "LibreOffice and save it, so the result is stored; or type the figure)",
        ),
    ],
    ids=["zh", "en"],
)
def test_a_cell_problem_reads_in_chinese_by_default(tmp_path: Path, args: list[str], expected: str) -> None:
    path = cached_formulas(tmp_path / "f.xlsx", cached=False)
    assert run("score", str(path), *args) == (2, "", expected.format(path=path) + "\n")


def test_a_missing_sheet_and_an_unreadable_xls_read_in_chinese_by_default(tmp_path: Path) -> None:
    book = Workbook()
    book.save(tmp_path / "s.xlsx")
    assert run("score", str(tmp_path / "s.xlsx"), "--sheet", "数据") == (
        2,
        "",
        f"{tmp_path / 's.xlsx'}: --sheet 数据：没有这个工作表（工作簿中有：Sheet）\n",
    )
    old = tmp_path / "old.xls"
    old.write_bytes(OLE2 + b"\x00" * 100)
    assert run("score", str(old)) == (
        2,
        "",
        f"{old}: 无法作为 Excel 97—2003 工作簿读取"
        "（CompDocError: Expected \"little-endian\" marker, found b'\\x00\\x00'）："
        f"{SAVE_AGAIN_ZH}\n",
    )
