"""``gxcheck template``: a CSV to fill in, that opens cleanly in Excel and reads back in."""

from __future__ import annotations

import csv
import io

from gxcheck.model import Catalogue

COLUMNS = ("id", "name", "unit", "period", "value", "source", "note")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (``=HYPERLINK(…)`` becomes text)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def template_csv(catalogue: Catalogue) -> str:
    """UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends, targets in the plan's order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    year = str(catalogue.plan.year)
    for t in catalogue.targets:
        writer.writerow([t.id, guard_cell(t.name.zh), guard_cell(t.unit), year, "", "", ""])
    return "\ufeff" + buffer.getvalue()
