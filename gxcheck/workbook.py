"""Actual figures from a workbook (.xlsx; .xls through :mod:`gxcheck.xls`), read with the CSV's rules.

Cells are turned into the text a CSV would hold, then go through the CSV loader's own row
checks, so a figure means the same and a mistake gets the same message in both, located by
sheet and cell (``q3.xlsx!前三季度:C5``). A cell is read as it shows: a percent-formatted cell
holding 0.076 is ``7.6%``; a number is rounded to the 15 significant digits a spreadsheet
shows (a computed 0.30000000000000004 is 0.3); a unit written into the number format
(``0.0"万元"``) stays with the figure; a date in the period column is the period ending then
(a cell showing only the month, 2024年9月, is January–September; a full date must be the
month's last day); a formula is read by the result the spreadsheet saved with it.

openpyxl is imported here only, so reading a CSV never pays for it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from gxcheck.actuals import LoadedActuals, _Reader, column_letter, unnamed_column
from gxcheck.errors import InputError, Message, Problem, listing, msg
from gxcheck.model import Catalogue

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

HEADER_SCAN = 30  # rows searched for the header (title rows and Chinese labels stand above it)
MAX_MERGED_CELLS = 100_000  # cells filled from merged ranges; a sheet-wide merge is not data
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = msg("workbook.save_as")
SAVE_AGAIN = msg("workbook.save_again")
ENCRYPTED = msg("workbook.encrypted")
_WATCHED = ("value", "period", "unit")  # columns where an empty cell may be an unsaved formula


def load_workbook_actuals(
    data: bytes,
    shown: str,
    catalogue: Catalogue,
    *,
    ignore_unknown: bool = False,
    allow_blank: bool = False,
    sheet: str | None = None,
) -> LoadedActuals:
    """Read a sheet of actual figures (the first, or ``sheet``) with the CSV's columns from a
    workbook's bytes; ``shown`` names the file in messages."""
    if data.startswith(_OLE2) and not _encrypted(data):
        from gxcheck.xls import open_xls  # xlrd only for an Excel 97–2003 workbook

        title, cells, merged = open_xls(data, shown, sheet)
        # An .xls stores every formula's result, so no formula can be without one.
        return _load_sheet(f"{shown}!{title}", cells, merged, catalogue, ignore_unknown, allow_blank, False)
    book = _open(data, shown)
    try:
        worksheet = _sheet(book, shown, sheet)
        where = f"{shown}!{worksheet.title}"
        sheet_rows: Any = worksheet  # types-openpyxl types iter_rows for the writable Worksheet only
        try:
            rows, merged = sheet_rows.iter_rows(), _merged(book, worksheet)
            return _load_sheet(where, rows, merged, catalogue, ignore_unknown, allow_blank, True)
        except _Unsaved as unsaved:
            found, problems, loaded = unsaved.args
            assert loaded is None or isinstance(loaded, LoadedActuals)
    finally:
        book.close()
    formulas = _unsaved_formulas(data, worksheet.title, where, found)
    if formulas:
        located = {(p.line, p.column) for p in formulas}
        problems = formulas + [p for p in problems if (p.line, p.column) not in located]
        problems.sort(key=lambda p: (p.line or 0, len(p.column), p.column))
    if problems or loaded is None:
        raise InputError(problems)
    return loaded


class _Unsaved(Exception):
    """Empty target cells that may be formulas saved without a result, the problems found
    meanwhile and what was loaded (None after problems): the caller looks the cells up with
    formulas shown."""


def _load_sheet(
    where: str,
    cells: Iterator[tuple[Any, ...]],
    merged: dict[tuple[int, int], tuple[int, int]],
    catalogue: Catalogue,
    ignore_unknown: bool,
    allow_blank: bool,
    check_formulas: bool,
) -> LoadedActuals:
    """The sheet's figures; with ``check_formulas``, raises :class:`_Unsaved` when some target
    cell read as empty, which a formula without a saved result also does."""
    reader = _Reader(where, catalogue, ignore_unknown, allow_blank)
    reader.cells = True
    rows = _SheetRows(cells, reader, merged)
    try:
        with warnings.catch_warnings():  # openpyxl warns about features it drops; none is data
            warnings.simplefilter("ignore")
            loaded = _read(reader, rows, catalogue)
    except InputError as exc:
        if check_formulas and rows.suspects:
            raise _Unsaved(rows.suspects, list(exc.problems), None) from None
        raise
    except Exception as exc:  # a sheet's XML broken past what the parser forgives
        raise _refuse(where, msg("workbook.unreadable", reason=_reason(exc), save=SAVE_AGAIN)) from None
    if check_formulas and rows.suspects:
        raise _Unsaved(rows.suspects, [], loaded)
    return loaded


def _encrypted(data: bytes) -> bool:
    """A password-protected .xlsx: an OLE2 container holding an encrypted package."""
    return "EncryptionInfo".encode("utf-16-le") in data


def _read(reader: _Reader, rows: _SheetRows, catalogue: Catalogue) -> LoadedActuals:
    header = rows.find_header()
    if header is None:
        raise InputError([Problem(reader.file, None, msg("workbook.no_header", rows=HEADER_SCAN))])
    reader.header_line = rows.line_num
    columns = reader.header(header)
    rows.watch(columns, {t.id for t in catalogue.targets}, len(header))
    return reader.rows(rows, columns, len(header))


def _refuse(shown: str, message: Message) -> InputError:
    return InputError([Problem(shown, None, message)])


def _open(data: bytes, shown: str) -> Workbook:
    """The workbook, or one clear line on why it cannot be read."""
    if data.startswith(_OLE2):  # only an encrypted one comes here; a .xls goes to gxcheck.xls
        raise _refuse(shown, ENCRYPTED)
    if not data.startswith(b"PK\x03\x04"):
        raise _refuse(shown, msg("workbook.not_a_workbook", save=SAVE_AS))
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _refuse(shown, msg("workbook.damaged", reason=str(exc), save=SAVE_AGAIN)) from None
    if "mimetype" in names and "content.xml" in names:
        raise _refuse(shown, msg("workbook.ods", save=SAVE_AS))
    if "xl/workbook.bin" in names:
        raise _refuse(shown, msg("workbook.xlsb", save=SAVE_AS))
    if "[Content_Types].xml" not in names:
        raise _refuse(shown, msg("workbook.zip", save=SAVE_AS))
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # openpyxl warns about features it drops; none is data
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises whatever the broken part provokes
        raise _refuse(shown, msg("workbook.unreadable", reason=_reason(exc), save=SAVE_AGAIN)) from None


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def _sheet(book: Workbook, shown: str, name: str | None) -> ReadOnlyWorksheet:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    sheets = [s for s in book.worksheets if isinstance(s, ReadOnlyWorksheet)]
    if name is None:  # the first sheet a reader sees: hidden sheets are passed over
        visible = [s for s in sheets if s.sheet_state == "visible"]
        if not visible:
            raise _refuse(shown, msg("workbook.no_visible_sheet"))
        chosen = visible[0]
    else:
        found = [s for s in sheets if s.title == name]
        if not found:
            names = listing(s.title for s in sheets)
            raise _refuse(shown, msg("workbook.no_such_sheet", sheet=name, names=names))
        chosen = found[0]
    chosen.reset_dimensions()  # some writers record a wrong used range; read what is there
    return chosen


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merged(book: Workbook, worksheet: ReadOnlyWorksheet) -> dict[tuple[int, int], tuple[int, int]]:
    """Each merged range's first cell → its last (row, column), 1-based.

    openpyxl's read-only mode does not parse merges, so they are found in the sheet's XML,
    where they follow the cells."""
    archive, path = getattr(book, "_archive", None), getattr(worksheet, "_worksheet_path", None)
    if archive is None or path is None:  # pragma: no cover - an openpyxl without these internals
        return {}
    with archive.open(path) as handle:
        xml = handle.read()
    at = xml.rfind(b"</sheetData>")
    ranges: dict[tuple[int, int], tuple[int, int]] = {}
    for match in _MERGE.finditer(xml, max(at, 0)):
        c1, r1, c2, r2 = match.groups()
        ranges[(int(r1), _column(c1))] = (int(r2), _column(c2))
    return ranges


def _column(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


class _SheetRows:
    """The sheet's rows as text cells, in the shape the CSV reader iterates."""

    def __init__(
        self, rows: Iterator[tuple[Any, ...]], reader: _Reader, merged: dict[tuple[int, int], tuple[int, int]]
    ) -> None:
        self.rows = rows  # each cell with .value, .number_format and .data_type, as openpyxl's
        self.reader = reader
        self.merged = merged
        self.fill: dict[tuple[int, int], str] = {}
        self.line_num = 0
        self.period_col = -1
        self.id_col = self.value_col = 0
        self.width = 0
        self.ids: set[str] = set()
        self.watched: tuple[int, ...] = ()
        self.suspects: list[tuple[int, int]] = []  # target rows' empty cells: unsaved formulas?

    def find_header(self) -> list[str] | None:
        for row in self.rows:
            self.line_num += 1
            cells = self.texts(row)
            names = {c.strip().lower() for c in cells}
            if "id" in names and "value" in names:
                while cells and not cells[-1].strip():
                    cells.pop()
                return cells
            if self.line_num >= HEADER_SCAN:
                break
        return None

    def watch(self, columns: dict[str, int], ids: set[str], width: int) -> None:
        self.id_col, self.period_col = columns["id"], columns.get("period", -1)
        self.value_col = columns["value"]
        self.ids, self.width = ids, width
        self.watched = tuple(columns[name] for name in _WATCHED if name in columns)

    def __iter__(self) -> Iterator[list[str]]:
        skip_unknown = self.reader.ignore_unknown
        id_col, width, blank = self.id_col, self.width, [""] * self.width
        for row in self.rows:
            self.line_num += 1
            if not row:
                yield blank
                continue
            first = row[id_col] if len(row) > id_col else None
            raw_id = first.value if first is not None else None
            if skip_unknown and isinstance(raw_id, str) and raw_id.strip() not in self.ids and raw_id.strip():
                fast = blank.copy()
                fast[id_col] = raw_id
                yield fast  # the fast path: the reader skips the row by its id alone
                continue
            cells = self.texts(row)
            if len(cells) > width:
                extra = next((i for i in range(width, len(cells)) if cells[i].strip()), None)
                if extra is not None:
                    self.reader.add(self.line_num, unnamed_column(column_letter(extra), cells[extra]), extra)
                    yield blank
                    continue
                del cells[width:]
            elif len(cells) < width:
                cells.extend(blank[len(cells) :])
            if cells[id_col].strip() in self.ids:
                self.suspects.extend(
                    (self.line_num, i) for i in self.watched if not cells[i] and _value(row, i) is None
                )
                wrong = self.wrong_cell(row, cells)
                if wrong is not None:
                    wrong_cell = msg("actuals.for_target", id=cells[id_col].strip(), problem=wrong[1])
                    self.reader.add(self.line_num, wrong_cell, wrong[0])
                    yield blank
                    continue
            yield cells

    def wrong_cell(self, row: tuple[Any, ...], cells: list[str]) -> tuple[int, Message] | None:
        """A target row's cell that holds no figure a CSV could: a spreadsheet error, or a
        date where the value belongs (how a spreadsheet reads a typed 1-11)."""
        error = next((i for i in self.watched if i < len(row) and row[i].data_type == "e"), None)
        if error is not None:
            return error, msg("workbook.cell_error", error=cells[error])
        value = _value(row, self.value_col)
        if isinstance(value, dt.date | dt.datetime):
            return self.value_col, msg("workbook.date_value", date=cells[self.value_col])
        return None

    def texts(self, row: tuple[Any, ...]) -> list[str]:
        out = []
        for index, cell in enumerate(row):
            value = cell.value
            if value is None:
                text = self.fill.get((self.line_num, index + 1), "") if self.fill else ""
            elif isinstance(value, str):
                text = value
            else:
                text = cell_text(value, cell.number_format, period=index == self.period_col)
            if self.merged and (self.line_num, index + 1) in self.merged:
                self.spread(index + 1, text)
            out.append(text)
        return out

    def spread(self, column: int, text: str) -> None:
        """A merged range shows its first cell's text in all its cells."""
        last_row, last_col = self.merged[(self.line_num, column)]
        if len(self.fill) + (last_row - self.line_num + 1) * (last_col - column + 1) > MAX_MERGED_CELLS:
            return
        for r in range(self.line_num, last_row + 1):
            for c in range(column, last_col + 1):
                if (r, c) != (self.line_num, column):
                    self.fill[(r, c)] = text


def _value(row: tuple[Any, ...], index: int) -> object:
    return row[index].value if index < len(row) else None


def cell_text(value: object, number_format: str, *, period: bool = False) -> str:
    """A cell's value as the text it shows, for the CSV's rules (see the module's docstring)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return _date_text(value, number_format) if period else value.isoformat()[:10]
    if isinstance(value, int | float):
        return _number_text(value, number_format)
    return str(value)


def _date_text(value: dt.date, number_format: str) -> str:
    """``2024-09`` for a cell that shows a month (Excel turns a typed 2024-09 into its 1st day),
    else the date, which the period reader accepts only as a month's last day."""
    shown = _plain(number_format).lower()
    if "d" not in shown:
        return f"{value.year}-{value.month:02d}"
    return f"{value.year}-{value.month:02d}-{value.day:02d}"


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_SUFFIX = re.compile(r'(?:"([^"]*)"|\\(.))\s*$')
_SCALE = re.compile(r"[0#?](,+)[^0#?]*$")


def _plain(number_format: str) -> str:
    """The number format's first section without its literal text and [colour]/[$-804] parts."""
    return _QUOTED.sub("", number_format.split(";")[0])


def _number_text(value: float, number_format: str) -> str:
    number = Decimal(value) if isinstance(value, int) else Decimal(format(value, ".15g"))
    sections = number_format.split(";")
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    plain = _QUOTED.sub("", section)
    suffix = ""
    if "%" in plain:
        number *= 100
        suffix = "%"
    else:
        scale = _SCALE.search(plain)
        if scale:  # 0.0, shows thousands: the figure is what the reader sees
            number /= Decimal(1000) ** len(scale.group(1))
        literal = _SUFFIX.search(section.strip())
        if literal:
            suffix = (literal.group(1) or literal.group(2) or "").strip()
    text = format(number.normalize(), "f")
    return text + suffix


def _unsaved_formulas(data: bytes, title: str, where: str, suspects: list[tuple[int, int]]) -> list[Problem]:
    """Target cells that read as empty because their formula has no saved result."""
    from openpyxl import load_workbook

    wanted = set(suspects)
    first, last = min(r for r, _ in wanted), max(r for r, _ in wanted)
    found: list[Problem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            sheet: Any = book[title]
            sheet.reset_dimensions()
            for number, row in enumerate(sheet.iter_rows(min_row=first, max_row=last), start=first):
                for index, cell in enumerate(row):
                    formula = cell.value
                    if (number, index) in wanted and formula is not None:
                        text = formula if isinstance(formula, str) else getattr(formula, "text", str(formula))
                        found.append(
                            Problem(
                                where,
                                number,
                                msg("workbook.unsaved_formula", formula=text),
                                column_letter(index),
                            )
                        )
        finally:
            book.close()
    return found
