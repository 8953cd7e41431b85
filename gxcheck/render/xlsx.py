"""The scorecard as an Excel workbook (``-f xlsx -o card.xlsx``), for staff who sort and filter.

Two sheets: a summary (title, period, verdict, targets file, how fresh the figures are and
when the workbook was made, the tallies per area) and every target with its
area, id, name, commitment, target, actual, period, the figure due by now, gap, 完成率, status,
reason, source and note. Status cells are coloured and carry the status's symbol and word, so
they read without colour; the targets sheet has an autofilter and a frozen header. Gap and
完成率 are numbers (a bound such as 超100 makes them text: ``>0``). Every text is written as a
string, never a formula. XlsxWriter is imported here only.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from gxcheck.labels import STATUS_COLOURS, STATUS_SYMBOL, status_word
from gxcheck.model import Result, Scorecard, Status
from gxcheck.render.common import (
    ReportOptions,
    gap_text,
    heading,
    period_text,
    ratio_percent,
    ratio_shown,
    stamp_of,
    statuses_shown,
    verdict,
)
from gxcheck.render.rows import HEADERS, KEYS, by_area, texts

WIDTHS = (26, 30, 34, 8, 20, 14, 16, 14, 10, 10, 14, 48, 28, 48)


def scorecard(card: Scorecard, options: ReportOptions) -> bytes:
    """The workbook's bytes."""
    import xlsxwriter

    lang = options.lang
    zh = lang == "zh"
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    plan = card.catalogue.plan
    book.set_properties(
        {
            "title": plan.title.get(lang),
            "subject": period_text(card.period, lang, card.catalogue.plan),
            "created": stamp_of(card, options).generated_at,  # not the clock: the same run, the same bytes
        }
    )
    formats = _Formats(book)
    _summary(book.add_worksheet("汇总" if zh else "Summary"), card, options, formats)
    _targets(book.add_worksheet("目标完成情况" if zh else "Targets"), card, lang, formats)
    book.close()
    return buffer.getvalue()


class _Formats:
    def __init__(self, book: Any) -> None:
        base = {"valign": "top", "text_wrap": True, "border": 1, "border_color": "#BFBFBF"}
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.plain = book.add_format({"text_wrap": True, "valign": "top"})
        self.header = book.add_format({**base, "bold": True, "bg_color": "#D9E1F2"})
        self.cell = book.add_format(base)
        self.number = book.add_format({**base, "num_format": '+General;"−"General;0'})
        self.ratio = book.add_format({**base, "num_format": "0%"})
        self.bold = book.add_format({**base, "bold": True})
        self.status = {
            s: book.add_format({**base, "bold": True, "bg_color": f"#{fill}", "font_color": f"#{ink}"})
            for s, (fill, ink) in STATUS_COLOURS.items()
        }


def _summary(sheet: Any, card: Scorecard, options: ReportOptions, f: _Formats) -> None:
    lang = options.lang
    zh = lang == "zh"
    plan = card.catalogue.plan
    title = plan.title.get(lang) + ("：目标任务完成情况" if zh else ": targets scorecard")
    sheet.write_string(0, 0, title, f.title)
    sheet.write_string(
        1, 0, ("期间：" if zh else "Period: ") + period_text(card.period, lang, card.catalogue.plan), f.plain
    )
    sheet.write_string(2, 0, ("结论：" if zh else "Verdict: ") + verdict(card, options), f.plain)
    sheet.write_string(3, 0, ("目标文件：" if zh else "Targets: ") + card.catalogue.path, f.plain)
    sheet.write_string(4, 0, stamp_of(card, options).text(lang), f.plain)
    shown = statuses_shown(card)
    top = 6
    sheet.write_string(top, 0, "领域" if zh else "area", f.header)
    for col, status in enumerate(shown, start=1):
        sheet.write_string(top, col, _status_text(status, lang), f.status[status])
    sheet.write_string(top, len(shown) + 1, "合计" if zh else "total", f.header)
    row = top
    for row, (area, results) in enumerate(card.by_area(), start=top + 1):
        counts = card.tally(area.id)
        sheet.write_string(row, 0, heading(area, card, lang), f.cell)
        for col, status in enumerate(shown, start=1):
            sheet.write_number(row, col, counts[status], f.cell)
        sheet.write_number(row, len(shown) + 1, len(results), f.cell)
    total = card.tally()
    row += 1
    sheet.write_string(row, 0, "合计" if zh else "total", f.bold)
    for col, status in enumerate(shown, start=1):
        sheet.write_number(row, col, total[status], f.bold)
    sheet.write_number(row, len(shown) + 1, len(card.results), f.bold)
    if card.skipped_unknown:
        note = (
            f"跳过 {card.skipped_unknown} 行未知指标（--ignore-unknown）。"
            if zh
            else f"Skipped {card.skipped_unknown} rows with unknown ids (--ignore-unknown)."
        )
        sheet.write_string(row + 2, 0, note, f.plain)
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, len(shown) + 1, 11)
    sheet.freeze_panes(top + 1, 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)


def _targets(sheet: Any, card: Scorecard, lang: str, f: _Formats) -> None:
    for col, (name, width) in enumerate(zip(HEADERS[lang], WIDTHS, strict=True)):
        sheet.write_string(0, col, name, f.header)
        sheet.set_column(col, col, width)
    row = 0
    for row, (area, result) in enumerate(by_area(card, lang), start=1):
        _target_row(sheet, row, texts(result, area, lang), result, f)
    sheet.autofilter(0, 0, max(row, 1), len(KEYS) - 1)
    sheet.freeze_panes(1, 3)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)


def _target_row(sheet: Any, row: int, cells: dict[str, str], result: Result, f: _Formats) -> None:
    for col, key in enumerate(KEYS):
        if key == "gap":
            _figure(sheet, row, col, result.gap, gap_text(result), f.number, f)
        elif key == "ratio":
            _figure(sheet, row, col, ratio_shown(result), ratio_percent(result), f.ratio, f)
        elif key == "status":
            shown = f"{STATUS_SYMBOL[result.status]} {cells['status']}"
            sheet.write_string(row, col, shown, f.status[result.status])
        else:
            sheet.write_string(row, col, cells[key], f.cell)


def _figure(
    sheet: Any, row: int, col: int, value: Decimal | None, text: str, number: Any, f: _Formats
) -> None:
    """A number cell, or the text when the figure is a bound (``>0``) or absent."""
    if value is None:
        sheet.write_string(row, col, "", f.cell)
    elif text[:1] in "<>≤≥":
        sheet.write_string(row, col, text, f.cell)
    else:
        sheet.write_number(row, col, float(value), number)


def _status_text(status: Status, lang: str) -> str:
    return f"{STATUS_SYMBOL[status]} {status_word(status, lang)}"
