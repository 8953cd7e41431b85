"""The scorecard as an Excel workbook and a Word document, read back with real readers:
openpyxl (the workbook is written by XlsxWriter), python-docx, and LibreOffice's PDF of each
read by pdftotext."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from test_golden import check_golden
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.model import Scorecard, Status
from gxcheck.render import docx_report, xlsx
from gxcheck.render.common import ReportOptions

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
NO_CONVERTER = "LibreOffice (soffice) or pdftotext is not installed; .ci/run installs both"
runner = CliRunner()


def workbook_text(data: bytes) -> str:
    """Every sheet's cells as tab-separated lines, with each status cell's fill: the whole
    workbook as a golden file can hold it."""
    book = load_workbook(io.BytesIO(data))
    lines: list[str] = []
    for sheet in book.worksheets:
        lines += [f"## {sheet.title} (freeze {sheet.freeze_panes}, filter {sheet.auto_filter.ref})"]
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                value = (
                    ""
                    if cell.value is None
                    else repr(cell.value)
                    if not isinstance(cell.value, str)
                    else cell.value
                )
                fill = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
                cells.append(f"{value}[{fill}]" if fill and fill != "FFD9E1F2" else value)
            lines.append("\t".join(cells).rstrip("\t"))
    return "\n".join(lines) + "\n"


def document_text(data: bytes) -> str:
    """The document's paragraphs and tables in order, with each paragraph's style."""
    doc = Document(io.BytesIO(data))
    lines: list[str] = []
    body = doc.element.body
    tables = iter(doc.tables)
    paragraphs = iter(doc.paragraphs)
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            para = next(paragraphs)
            if para.text:
                lines.append(f"[{para.style.name if para.style else ''}] {para.text}")
        elif child.tag == qn("w:tbl"):
            for row in next(tables).rows:
                lines.append(" | ".join(c.text.replace("\n", " / ") for c in row.cells))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_golden(card_2024: Scorecard, lang: str) -> None:
    check_golden(f"score-2024-{lang}.xlsx.txt", workbook_text(xlsx.scorecard(card_2024, ReportOptions(lang))))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_docx_golden(card_2024: Scorecard, lang: str) -> None:
    data = docx_report.scorecard(card_2024, ReportOptions(lang))
    check_golden(f"score-2024-{lang}.docx.txt", document_text(data))


def test_the_workbook_read_back(card_2024: Scorecard) -> None:
    book = load_workbook(io.BytesIO(xlsx.scorecard(card_2024, ReportOptions("zh"))))
    assert book.sheetnames == ["汇总", "目标完成情况"]
    targets = book["目标完成情况"]
    assert targets.auto_filter.ref == "A1:N69"
    assert targets.freeze_panes == "D2"
    rows = {row[1].value: row for row in targets.iter_rows(min_row=2)}
    assert len(rows) == len(card_2024.results) == 68
    gdp = rows["gdp_growth"]
    assert [c.value for c in gdp[:11]] == [
        "主要预期目标",
        "gdp_growth",
        "地区生产总值增长",
        "力争",
        "8 % 左右 (± 0.5)",
        "7.4 %",
        "2024年全年",
        "",
        -0.6,
        0.92,  # rounded as every format shows it (Excel would show 0.925 as 93 %)
        "≈ 基本完成",
    ]
    assert (gdp[9].number_format, gdp[10].fill.fgColor.rgb) == ("0%", "FFFFEB9C")
    assert rows["reserve_projects"][8].value == ">0"  # 超100 against ≥ 100: the gap is a bound, text
    summary = book["汇总"]
    total = next(row for row in summary.iter_rows() if row[0].value == "合计" and row[1].value != "✔ 完成")
    counts = card_2024.tally()
    assert [c.value for c in total[1:]] == [
        counts[Status.MET],
        counts[Status.NEAR],
        counts[Status.MISSED],
        counts[Status.PENDING],
        counts[Status.NO_DATA],
        68,
    ]


def test_a_name_that_looks_like_a_formula_stays_text_in_the_workbook(card_2024: Scorecard) -> None:
    from gxcheck.model import Text
    from gxcheck.record import replace

    first = card_2024.results[0]
    evil = replace(first, target=replace(first.target, name=Text("=HYPERLINK(1)", "=1+1")))
    card = replace(card_2024, results=(evil, *card_2024.results[1:]))
    cell = load_workbook(io.BytesIO(xlsx.scorecard(card, ReportOptions("zh"))))["目标完成情况"]["C2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


def test_the_document_read_back(card_2024: Scorecard) -> None:
    doc = Document(io.BytesIO(docx_report.scorecard(card_2024, ReportOptions("zh"))))
    section = doc.sections[0]
    sizes = (section.page_width, section.page_height, section.top_margin, section.left_margin)
    assert [round(s.cm, 1) if s is not None else None for s in sizes] == [21.0, 29.7, 3.7, 2.8]
    assert "PAGE" in section.footer.paragraphs[0]._p.xml  # a page-number field
    fonts = {
        name: doc.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("Normal", "Title", "Heading 1", "Table Text")
    }
    assert fonts == {"Normal": "仿宋", "Title": "黑体", "Heading 1": "黑体", "Table Text": "宋体"}
    assert [p.text for p in doc.paragraphs[:4]] == [
        "西部科学城重庆高新区2023年工作情况和2024年工作打算",
        "目标任务完成情况",
        "（2024年全年　数据截至2024年全年　制表日期：2024-01-01）",
        "2024年全年，68项目标中：完成2项、基本完成2项、未完成6项、无数据58项。确保类目标未完成1项：项目投用。",
    ]
    assert len(doc.tables) == len(card_2024.by_area()) == 8
    first = doc.tables[0]
    assert [c.text for c in first.rows[0].cells] == [
        "序号",
        "目标任务",
        "目标值",
        "完成值",
        "完成率",
        "完成情况",
        "说明",
    ]
    assert "w:tblHeader" in first.rows[0]._tr.xml
    assert [c.text for c in first.rows[1].cells][:6] == [
        "1",
        "【力争】地区生产总值增长",
        "8 % 左右 (± 0.5)",
        "7.4 %",
        "92%",
        "基本完成",
    ]
    assert (
        first.rows[1].cells[6].text.startswith("7.4 % < 8 % − 0.5（容差）；在基本完成区间内（≥ 7 %）\n来源：")
    )
    assert sum(len(t.rows) - 1 for t in doc.tables) == 68


def test_a_missed_firm_commitment_is_named_in_the_verdict(card_2024: Scorecard) -> None:
    from gxcheck.model import Commitment
    from gxcheck.record import replace

    missed = next(
        r
        for r in card_2024.results
        if r.status is Status.MISSED and r.target.commitment is not Commitment.ENSURE
    )
    firm = replace(missed, target=replace(missed.target, commitment=Commitment.ENSURE))
    card = replace(card_2024, results=tuple(firm if r is missed else r for r in card_2024.results))
    doc = Document(io.BytesIO(docx_report.scorecard(card, ReportOptions("zh"))))
    # 项目投用 (确保, 55 of 60) is missed in the real card already: it has no 基本完成.
    assert doc.paragraphs[3].text.endswith(f"确保类目标未完成2项：{missed.target.name.zh}、项目投用。")


def test_the_cli_writes_both(tmp_path: Path) -> None:
    actuals = str(ROOT / "actuals" / "2024.csv")
    for name, fmt, magic in (("card.xlsx", "xlsx", b"PK"), ("完成情况.docx", "docx", b"PK")):
        out = tmp_path / name
        result = runner.invoke(app, ["score", actuals, "-f", fmt, "-o", str(out)])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")  # 2024 has misses
        assert out.read_bytes().startswith(magic)


def pdf_text(tmp_path: Path, data: bytes, name: str) -> str:
    source = tmp_path / name
    source.write_bytes(data)
    env = {**os.environ, "HOME": str(tmp_path)}  # a profile of its own: parallel runs do not collide
    subprocess.run(
        [str(SOFFICE), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(source)],
        env=env,
        capture_output=True,
        check=True,
        timeout=180,
    )
    pdf = tmp_path / "pdf" / (source.stem + ".pdf")
    done = subprocess.run([str(PDFTOTEXT), str(pdf), "-"], capture_output=True, text=True, check=True)
    return "".join(done.stdout.split())  # cells wrap anywhere: compare without white space


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None, reason=NO_CONVERTER)
def test_libreoffice_renders_the_document(card_2024: Scorecard, tmp_path: Path) -> None:
    text = pdf_text(tmp_path, docx_report.scorecard(card_2024, ReportOptions("zh")), "review.docx")
    for wanted in (
        "目标任务完成情况",
        "（一）推动科技创新增效赋能",
        "地区生产总值增长",
        "基本完成",
        "未完成",
        "7.4 %",
        "92%",
        "— 1 —",
    ):
        assert wanted.replace(" ", "") in text, wanted
    english = pdf_text(tmp_path, docx_report.scorecard(card_2024, ReportOptions("en")), "review-en.docx")
    for wanted in ("Review of targets", "missed", "7.4 %"):
        assert wanted.replace(" ", "") in english, wanted


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None, reason=NO_CONVERTER)
def test_libreoffice_renders_the_workbook(card_2024: Scorecard, tmp_path: Path) -> None:
    text = pdf_text(tmp_path, xlsx.scorecard(card_2024, ReportOptions("zh")), "card.xlsx")
    for wanted in (
        "目标任务完成情况",
        "主要预期目标",
        "地区生产总值增长",
        "≈ 基本完成",
        "✘ 未完成",
        "7.4 %",
        "92%",
    ):
        assert wanted.replace(" ", "") in text, wanted


def test_a_part_year_review(tmp_path: Path) -> None:
    from test_workbook import hand_made

    from gxcheck.actuals import load_actuals
    from gxcheck.evaluate import score
    from gxcheck.targets import load_targets

    catalogue = load_targets(None)
    card = score(catalogue, load_actuals(hand_made(tmp_path / "q3.xlsx"), catalogue).actuals)
    doc = Document(io.BytesIO(docx_report.scorecard(card, ReportOptions("zh"))))
    assert doc.paragraphs[2].text == "（2024年前三季度　数据截至2024年前三季度　制表日期：2024-01-01）"
    assert doc.paragraphs[3].text.startswith("截至2024年前三季度，68项目标中：")
    rows = {
        row[1].value: row
        for row in load_workbook(io.BytesIO(xlsx.scorecard(card, ReportOptions("zh"))))[
            "目标完成情况"
        ].iter_rows()
    }
    entities = [c.value for c in rows["new_market_entities"][5:11]]
    assert entities == ["0.95 万户", "2024年前三季度", "≥ 0.9 万户", -0.25, 0.79, "● 达进度"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["score", "A", "-o", "card.xlsx"],
            "--output card.xlsx: a .xlsx file needs -f xlsx (the format is table)",
        ),
        (
            ["score", "A", "-f", "markdown", "-o", "完成情况.docx"],
            "--output 完成情况.docx: a .docx file needs -f docx (the format is markdown)",
        ),
        (
            ["score", "A", "-o", "card.xls"],
            "--output card.xls: this writes .xlsx and .docx files (-f xlsx, -f docx), not .xls",
        ),
        (["template", "-o", "q3.xls"], "--output q3.xls: this writes .xlsx files (-f xlsx), not .xls"),
        (["template", "-o", "q3.docx"], "--output q3.docx: this writes .xlsx files (-f xlsx), not .docx"),
        (
            ["template", "-f", "csv", "-o", "q3.xlsx"],
            "--output q3.xlsx: a .xlsx file needs -f xlsx (the format is csv)",
        ),
    ],
)
def test_an_office_name_with_another_format_is_refused_before_any_work(
    tmp_path: Path, args: list[str], message: str
) -> None:
    actuals = str(ROOT / "actuals" / "2024.csv")
    args = [actuals if a == "A" else str(tmp_path / a) if "." in a and a != actuals else a for a in args]
    result = runner.invoke(app, [*args, "--lang", "en"])
    where = str(tmp_path) + "/"
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.replace(where, "") == f"gxcheck: {message}\n"
    assert list(tmp_path.iterdir()) == []
