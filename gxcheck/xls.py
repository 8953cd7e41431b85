"""An Excel 97–2003 workbook (.xls; a WPS .et is tried as one), read with xlrd.

xlrd reads each cell's number format (``formatting_info=True``), so a percent cell holding
0.076 is 7.6 % here as in an .xlsx; cells are handed to :mod:`gxcheck.workbook` shaped like
openpyxl's (value, number_format, data_type) and read by the same rules. xlrd is imported
here only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gxcheck.errors import InputError, Problem, listing, msg
from gxcheck.record import record


@record
class XlsCell:
    value: object
    number_format: str = "General"
    data_type: str = "n"


_EMPTY = XlsCell(None)


def open_xls(
    data: bytes, shown: str, sheet: str | None
) -> tuple[str, Iterator[tuple[XlsCell, ...]], dict[tuple[int, int], tuple[int, int]]]:
    """The chosen sheet's title, its rows of cells, and its merged ranges (first cell → last
    cell, 1-based), or one clear line on why the file cannot be read."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, struct.error, … on a damaged file
        text = str(exc)
        if "encrypted" in text.lower():
            from gxcheck.workbook import ENCRYPTED

            raise InputError([Problem(shown, None, ENCRYPTED)]) from None
        reason = f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__
        message = msg("workbook.unreadable_xls", reason=reason, save=msg("workbook.save_again"))
        raise InputError([Problem(shown, None, message)]) from None
    names = book.sheet_names()
    if sheet is None:  # the first sheet a reader sees: hidden sheets are passed over
        visible = [i for i in range(book.nsheets) if not book.sheet_by_index(i).visibility]
        if not visible:
            raise InputError([Problem(shown, None, msg("workbook.no_visible_sheet"))])
        chosen = book.sheet_by_index(visible[0])
    elif sheet in names:
        chosen = book.sheet_by_name(sheet)
    else:
        message = msg("workbook.no_such_sheet", sheet=sheet, names=listing(names))
        raise InputError([Problem(shown, None, message)])
    merged = {(r1 + 1, c1 + 1): (r2, c2) for r1, r2, c1, c2 in chosen.merged_cells}
    return chosen.name, _rows(book, chosen), merged


def _rows(book: Any, sheet: Any) -> Iterator[tuple[XlsCell, ...]]:
    import xlrd

    formats = {key: fmt.format_str for key, fmt in book.format_map.items()}
    styles = [formats.get(xf.format_key, "General") for xf in book.xf_list]
    for r in range(sheet.nrows):
        row = []
        for c in range(sheet.row_len(r)):
            kind, value = sheet.cell_type(r, c), sheet.cell_value(r, c)
            shown = styles[sheet.cell_xf_index(r, c)] if styles else "General"
            if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                row.append(_EMPTY)
            elif kind == xlrd.XL_CELL_TEXT:
                row.append(XlsCell(value, shown, "s"))
            elif kind == xlrd.XL_CELL_DATE:
                row.append(XlsCell(xlrd.xldate.xldate_as_datetime(value, book.datemode), shown, "d"))
            elif kind == xlrd.XL_CELL_BOOLEAN:
                row.append(XlsCell(bool(value), shown, "b"))
            elif kind == xlrd.XL_CELL_ERROR:
                row.append(XlsCell(xlrd.error_text_from_code.get(value, "#ERROR"), shown, "e"))
            else:
                row.append(XlsCell(value, shown))
        yield tuple(row)
