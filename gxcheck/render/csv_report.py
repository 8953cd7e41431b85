"""``-f csv``: one row per target, for a spreadsheet or a script.

UTF-8 with a BOM and CRLF line ends, so Excel opens the Chinese right; the header row is the
stable English keys of :mod:`gxcheck.render.rows` (the values are in the report's language),
then ``data_as_of`` and ``generated_at``, the same on every row so that each row read on its
own (a filtered sheet, a script's one line) still says how fresh it is: the latest period any
figure covers, as the ``period`` column words a period (empty when there is no figure), and
when the report was made, ISO 8601 with its offset (``2026-12-01T08:00:00+00:00``).
Gap and 完成率 are plain numbers a spreadsheet reads as numbers (``-0.6``, ``92%``); a
published bound keeps its sign as text (``>0``). No cell can run as a formula.
"""

from __future__ import annotations

import csv
import io

from gxcheck.model import Result, Scorecard
from gxcheck.render.common import ReportOptions, bound_prefix, ratio_shown, stamp_of
from gxcheck.render.rows import KEYS, by_area, texts
from gxcheck.template import guard_cell
from gxcheck.textsafe import visible

COLUMNS = (*KEYS, "data_as_of", "generated_at")


def _gap(result: Result) -> str:
    return "" if result.gap is None else bound_prefix(result) + format(result.gap.normalize(), "f")


def _ratio(result: Result) -> str:
    shown = ratio_shown(result)
    return "" if shown is None else f"{bound_prefix(result)}{(shown * 100).quantize(1)}%"


def scorecard(card: Scorecard, options: ReportOptions) -> str:
    """The CSV text (starts with a BOM, ends with CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    made = stamp_of(card, options)
    fresh = {
        "data_as_of": made.data_as_of.label(options.lang) if made.data_as_of is not None else "",
        "generated_at": made.generated_iso,
    }
    for area, result in by_area(card, options.lang):
        cells = {key: guard_cell(visible(text)) for key, text in texts(result, area, options.lang).items()}
        cells |= {"gap": _gap(result), "ratio": _ratio(result)}  # our own digits: -0.6 is no formula
        cells |= {key: guard_cell(value) for key, value in fresh.items()}
        writer.writerow([cells[key] for key in COLUMNS])
    return "\ufeff" + buffer.getvalue()
