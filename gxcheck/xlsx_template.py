"""``gxcheck template -o q3.xlsx``: a workbook to fill in that reads back as actuals unchanged.

The first sheet holds a title row, a row of Chinese column labels, then the header row with
the CSV's column names and one row per target (id, name, the target in words, unit and period
filled in, the value empty). Every text cell is written as a string, so nothing in it runs as a
formula; the columns people type text into are formatted as text, so Excel keeps ``1-11月``
and ``2024-09`` as typed instead of turning them into dates. The period column offers the
periods of the plan's year in a drop-down. A second sheet explains it in Chinese and English.

XlsxWriter is imported here only, so a CSV run never pays for it.
"""

from __future__ import annotations

import io

from gxcheck.fmt import target_wording
from gxcheck.model import Catalogue
from gxcheck.periods import Period
from gxcheck.template import period_cell, period_column

COLUMNS = ("id", "name", "target", "unit", "period", "value", "source", "note")
LABELS = ("指标编号", "指标名称", "目标", "单位", "期间", "完成值", "数据来源", "备注")
WIDTHS = (34, 40, 22, 10, 18, 14, 28, 36)
FILLED = frozenset({"id", "name", "target", "unit"})  # pre-filled from the targets file
HEADER_ROW = 2  # 0-based: title, labels, header
SHEET = "填报"
PERIODS_SHEET = "periods"


def instructions(year: int) -> tuple[tuple[str, str], ...]:
    """The instructions sheet, in Chinese and English; the examples are of the plan's year."""
    return (
        ("填写说明", "How to fill in"),
        (
            "每行一项目标。只填“完成值”（value）一列，可补“数据来源”和“备注”；不要改动第3行的列名和“指标编号”（id）列。",
            "One row per target. Fill in the value column (and source, note if you like); leave the column "
            "names in row 3 and the id column as they are.",
        ),
        (
            "完成值按目标单位填写：7.4、7.4%、1.2万、超100、>100；节点任务填 是/否（已完成/未完成）；"
            "水质、评级填类别（Ⅳ、AAA）。百分比单元格（显示 7.6%）按 7.6% 读取。",
            "Write the value in the target's unit: 7.4, 7.4%, 1.2万, 超100, >100; a milestone is yes/no "
            "(是/否); a water class or rating is its label (Ⅳ, AAA). "
            "A percent cell (showing 7.6%) reads as 7.6 %.",
        ),
        (
            f"“期间”为自1月起的累计期：可从下拉列表选择，如 {year}年前三季度、{year}年1—11月；"
            "日期单元格按截至当月末读取"
            f"（{year}-09-30 即前三季度）。",
            "The period is cumulative from January: pick one from the drop-down "
            f"(e.g. {year}年前三季度 = Q1–Q3, {year}年1—11月 = Jan–Nov); a date cell is the period "
            f"ending that month ({year}-09-30 is Jan–Sep).",
        ),
        (
            "没有数据的行可以留空，评分时加 --allow-blank：gxcheck score 本文件.xlsx --allow-blank",
            "Rows without a figure may stay empty; score with --allow-blank: "
            "gxcheck score this.xlsx --allow-blank",
        ),
        (
            "用 Excel、WPS 或 LibreOffice 保存为 .xlsx 即可，无需另存为 CSV。",
            "Save it as .xlsx from Excel, WPS or LibreOffice; there is no need to save it as CSV.",
        ),
    )


def period_choices(year: int) -> list[str]:
    """The cumulative periods of ``year`` as the drop-down offers them, January first."""
    return [period_cell(Period(year, month)) for month in range(1, 13)]


def template_xlsx(catalogue: Catalogue, period: Period | None = None) -> bytes:
    """The workbook's bytes (see the module's docstring)."""
    import xlsxwriter

    plan = catalogue.plan
    shown = period_column(catalogue, period)
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    book = xlsxwriter.Workbook(buffer, {**options, "strings_to_urls": False})
    text = book.add_format({"num_format": "@", "valign": "top"})
    filled = book.add_format({"num_format": "@", "valign": "top", "bg_color": "#F2F2F2"})
    value = book.add_format({"valign": "top", "bg_color": "#FFF9DB"})
    header = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "num_format": "@"})
    label = book.add_format({"bold": True, "font_color": "#44546A", "num_format": "@"})
    title = book.add_format({"bold": True, "font_size": 14})

    sheet = book.add_worksheet(SHEET)
    sheet.merge_range(0, 0, 0, len(COLUMNS) - 1, "", title)
    when = shown or plan.years_label("zh")
    sheet.write_string(0, 0, f"{catalogue.plan.title.zh}：目标完成情况填报表（{when}）", title)
    for col, (name, zh, width) in enumerate(zip(COLUMNS, LABELS, WIDTHS, strict=True)):
        kind = value if name == "value" else filled if name in FILLED else text
        sheet.set_column(col, col, width, kind)
        sheet.write_string(1, col, zh, label)
        sheet.write_string(HEADER_ROW, col, name, header)
    for row, t in enumerate(catalogue.targets, start=HEADER_ROW + 1):
        cells = {"id": t.id, "name": t.name.zh, "target": target_wording(t, "zh"), "unit": t.unit}
        for col, name in enumerate(COLUMNS):
            if name in cells:
                sheet.write_string(row, col, cells[name], filled)
            elif name == "period":
                sheet.write_string(row, col, shown, text)
    last = HEADER_ROW + len(catalogue.targets)
    # A multi-year plan's figures may be of any year from its base year to its last.
    choices = [c for year in range(plan.earliest_year, plan.year + 1) for c in period_choices(year)]
    period_col = COLUMNS.index("period")
    sheet.data_validation(
        HEADER_ROW + 1,
        period_col,
        max(last, HEADER_ROW + 1),
        period_col,
        {
            "validate": "list",
            "source": f"={PERIODS_SHEET}!$A$1:$A${len(choices)}",
            "error_type": "warning",
            "error_title": "期间 period",
            "error_message": f"自1月起的累计期，如 {plan.year}年前三季度、{plan.year}年1—11月。"
            f"A period from January, e.g. {plan.year}-Q3.",
        },
    )
    sheet.freeze_panes(HEADER_ROW + 1, 2)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # every column on the page, as many pages down as it takes
    sheet.repeat_rows(HEADER_ROW)

    notes = book.add_worksheet("说明 Instructions")
    notes.set_column(0, 1, 70, book.add_format({"text_wrap": True, "valign": "top", "num_format": "@"}))
    for row, (zh, en) in enumerate(instructions(plan.year)):
        cell = title if row == 0 else None
        notes.write_string(row, 0, zh, cell)
        notes.write_string(row, 1, en, cell)

    periods = book.add_worksheet(PERIODS_SHEET)
    for row, choice in enumerate(choices):
        periods.write_string(row, 0, choice)
    periods.hide()
    book.close()
    return buffer.getvalue()
