"""``gxcheck template``: a CSV to fill in, that opens cleanly in Excel and reads back in."""

from __future__ import annotations

import csv
import io

from gxcheck.model import Catalogue
from gxcheck.periods import Period

COLUMNS = ("id", "name", "unit", "period", "value", "source", "note")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (``=HYPERLINK(…)`` becomes text)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def period_cell(period: Period) -> str:
    """A period as a template writes it: ``2024`` for the year, else ``2024年前三季度``, which no
    spreadsheet turns into a date (``2024-09`` it would)."""
    return str(period.year) if period.is_full_year else period.label("zh")


def period_column(catalogue: Catalogue, period: Period | None) -> str:
    """What a template's period column holds: ``period``; else an annual plan's year; else, for
    a multi-year plan, nothing: each figure's year is for whoever reports it to fill in."""
    if period is not None:
        return period_cell(period)
    if catalogue.plan.is_multi_year:
        return ""
    return period_cell(Period(catalogue.plan.year))


def template_csv(catalogue: Catalogue, period: Period | None = None) -> str:
    """UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends, targets in the plan's order;
    the period column holds ``period`` (see :func:`period_column`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    year = period_column(catalogue, period)
    for t in catalogue.targets:
        writer.writerow([t.id, guard_cell(t.name.zh), guard_cell(t.unit), year, "", "", ""])
    return "\ufeff" + buffer.getvalue()
