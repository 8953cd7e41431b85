"""Load actual figures from a CSV file (columns id, value; optional period, note, source).

Every row a user got wrong is reported at once, as ``FILE:ROW: …``.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import itertools
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from gxcheck.errors import InputError, Message, Problem, listing, msg
from gxcheck.files import OFFICE_MAGIC, decode, read_input
from gxcheck.model import Actual, Catalogue
from gxcheck.periods import BadPeriod, Period
from gxcheck.record import record
from gxcheck.textsafe import id_hint, safe_text, visible
from gxcheck.values import BadValue, fraction_warning, parse_value

REQUIRED_COLUMNS = ("id", "value")
# name and target are for people reading the file (gxcheck template writes them) and are not
# read; unit, when filled in, is the unit of the value cell and is checked against the target.
OPTIONAL_COLUMNS = ("period", "unit", "name", "target", "note", "source")
ALLOWED_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# What statistical tables print where there is no figure (the "—" of 中国统计年鉴 and the like).
NO_FIGURE_MARKS = frozenset({"—", "——", "-", "--", "－", "/", "…", "N/A", "n/a", "NA", "无", "暂无"})
MAX_LINE = 10_000
MAX_PROBLEMS = 200


@record
class LoadedActuals:
    """What a CSV held: the figures gxcheck can use, and how many unknown ids it skipped."""

    actuals: tuple[Actual, ...]
    skipped_unknown: int
    file: str
    blank: int = 0
    warnings: tuple[Problem, ...] = ()  # figures read as written that look like a slip (0.076 for 7.6 %)


class Rows(Protocol):
    """Rows of cells as text, and the line (a CSV's) or row (a sheet's) the last one ended on."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...


def load_actuals(
    path: str | Path,
    catalogue: Catalogue,
    *,
    encoding: str | None = None,
    ignore_unknown: bool = False,
    allow_blank: bool = False,
    sheet: str | None = None,
) -> LoadedActuals:
    """Read a CSV of actual figures for ``catalogue``'s targets, streaming: a statistics
    export of a million rows is read row by row and only the catalogue's rows are kept.
    A workbook (.xlsx) is read by :mod:`gxcheck.workbook` with the same rules.

    ``ignore_unknown`` skips rows whose id is not a target (counted);
    ``allow_blank`` treats a row with an empty value as no data (counted);
    ``sheet`` names a workbook's sheet (default: the first).
    """
    if ignore_unknown and FAST_PATH and sheet is None and not is_office_file(b"", Path(str(path)).suffix):
        fast = _read_big(path, catalogue, encoding, allow_blank)
        if fast is not None:
            return fast
    source = read_input(path, encoding=encoding, workbook=True)
    if is_office_file(source.data[:8], Path(str(path)).suffix):
        return _workbook(source.data, source.shown, catalogue, ignore_unknown, allow_blank, sheet)
    if sheet is not None:
        raise InputError([Problem(source.shown, None, msg("actuals.sheet_of_csv", sheet=sheet))])
    text = decode(source, encoding, fallback="gb18030")
    return _Reader(source.shown, catalogue, ignore_unknown, allow_blank).read(io.StringIO(text, newline=""))


# The scanners' expressions use possessive quantifiers (`*+`), which `re` has from Python 3.11;
# on 3.10 every file takes the full parse, which gives the same result, only slower.
FAST_PATH = sys.version_info >= (3, 11)


def _read_big(
    path: str | Path, catalogue: Catalogue, encoding: str | None, allow_blank: bool
) -> LoadedActuals | None:
    """A regular file read with ``--ignore-unknown`` through :mod:`gxcheck.prefilter`,
    chunk by chunk: the same result as the full parse, or None where it cannot be exact
    (then the caller reads the file through ``read_input`` and ``decode``)."""
    from gxcheck import prefilter
    from gxcheck.files import regular_file_chunks, text_codec

    codec = text_codec(encoding, str(path)) if encoding else "utf-8-sig"
    if codec == "utf-8-sig" and (loaded := _read_utf8(str(path), catalogue, allow_blank)) is not None:
        return loaded
    chunks = regular_file_chunks(path, encoding)
    if chunks is None or codecs.lookup(codec).name.startswith(("utf-16", "utf-32")):
        return None
    reader = _Reader(str(path), catalogue, True, allow_blank)
    try:
        head = next(chunks, b"")
        if head.startswith(OFFICE_MAGIC):  # a workbook, whatever its name
            return None
        pieces = prefilter.decoded(itertools.chain([head], chunks), codec)
        first = prefilter.header(pieces, MAX_LINE)
        if first is None:
            return None
        cells, rest = first
        columns = reader.header(cells)
        ids = (t.id for t in catalogue.targets)
        found = prefilter.prefilter(pieces, rest, ids, columns["id"], first_line=2, max_line=MAX_LINE)
    except (InputError, UnicodeError, OSError):
        return None  # the full parse reports it, in its own order
    if found is None:
        return None
    return reader.rows(found, columns, len(cells), skipped=found.skipped)


def _read_utf8(path: str, catalogue: Catalogue, allow_blank: bool) -> LoadedActuals | None:
    """A UTF-8 file scanned block by block with every line a record
    (:mod:`gxcheck.prefilter_utf8`), only the candidate lines parsed; None where that
    cannot be exact."""
    from gxcheck import prefilter_utf8
    from gxcheck.prefilter import Candidates

    first = prefilter_utf8.first_line(path, MAX_LINE)
    if first is None:
        return None
    cells, start = first
    reader = _Reader(path, catalogue, True, allow_blank)
    try:
        columns = reader.header(cells)
    except InputError:
        return None  # the full parse reports it, in its own order
    ids = (t.id for t in catalogue.targets)
    try:
        part = prefilter_utf8.scan_file(path, start, ids, columns["id"], MAX_LINE)
    except OSError:
        return None  # the full parse says why
    if part is None:
        return None
    records = part.lines + (1 if part.found and not part.found[-1][1].endswith("\n") else 0)
    try:  # each candidate is one line: no record of this file spans two
        found = [(2 + before, _cells(record)) for before, record in part.found]
    except csv.Error:
        return None
    return reader.rows(
        Candidates(found, records - len(found)), columns, len(cells), skipped=records - len(found)
    )


def _cells(record: str) -> list[str]:
    return next(csv.reader(io.StringIO(record, newline=""), strict=True), [])


OFFICE_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods", ".et", ".ett"})


def is_office_file(head: bytes, suffix: str) -> bool:
    """A workbook by its first bytes or by its name (so a broken one is not read as CSV)."""
    return head.startswith(OFFICE_MAGIC) or suffix.lower() in OFFICE_SUFFIXES


def _workbook(
    data: bytes,
    shown: str,
    catalogue: Catalogue,
    ignore_unknown: bool,
    allow_blank: bool,
    sheet: str | None,
) -> LoadedActuals:
    from gxcheck.workbook import load_workbook_actuals  # openpyxl only for a workbook

    return load_workbook_actuals(
        data, shown, catalogue, ignore_unknown=ignore_unknown, allow_blank=allow_blank, sheet=sheet
    )


def parse_actuals(
    text: str, file: str, catalogue: Catalogue, *, ignore_unknown: bool = False, allow_blank: bool = False
) -> LoadedActuals:
    """Parse CSV text; ``file`` names it in messages."""
    return _Reader(file, catalogue, ignore_unknown, allow_blank).read(io.StringIO(text, newline=""))


class _Reader:
    def __init__(self, file: str, catalogue: Catalogue, ignore_unknown: bool, allow_blank: bool) -> None:
        self.file = visible(file)
        self.catalogue = catalogue
        self.ignore_unknown = ignore_unknown
        self.allow_blank = allow_blank
        self.problems: list[Problem] = []
        self.lines_read = 0
        self.unnamed: list[int] = []  # columns without a name: allowed only while they are empty
        self.header_line = 1  # a workbook's header may stand below a title row
        self.cells = False  # locate problems by cell (C5), as in a workbook, not by line

    def add(self, line: int | None, message: Message, column: int | None = None) -> None:
        letter = column_letter(column) if self.cells and column is not None and line is not None else ""
        self.problems.append(Problem(self.file, line, message, letter))

    def fail_now(self) -> InputError:
        return InputError(self.problems)

    def lines(self, handle: Iterable[str]) -> Iterator[str]:
        """The file's lines, counted, refusing one longer than any real row."""
        for self.lines_read, line in enumerate(handle, start=1):
            if len(line) > MAX_LINE and len(line.rstrip("\r\n")) > MAX_LINE:
                length = len(line.rstrip("\r\n"))
                self.add(self.lines_read, msg("actuals.long_line", length=length, most=MAX_LINE))
                raise self.fail_now()
            yield line

    def header(self, row: list[str]) -> dict[str, int]:
        columns: dict[str, int] = {}
        for index, name in enumerate(row):
            if not name.strip():  # spreadsheets leave empty columns at the end; checked per row
                self.unnamed.append(index)
            elif name in ALLOWED_COLUMNS:
                if name in columns:
                    self.add(self.header_line, msg("actuals.column_twice", name=name), index)
                columns[name] = index
            elif name.strip().lower() in ALLOWED_COLUMNS:
                self.add(
                    self.header_line, msg("actuals.column_case", name=name, lower=name.strip().lower()), index
                )
            else:
                allowed = listing(ALLOWED_COLUMNS)
                self.add(self.header_line, msg("actuals.unknown_column", name=name, allowed=allowed), index)
        for name in REQUIRED_COLUMNS:
            if name not in columns and not any(c.strip().lower() == name for c in row):
                required = listing(REQUIRED_COLUMNS)
                self.add(self.header_line, msg("actuals.missing_column", name=name, required=required))
        if self.problems:
            raise self.fail_now()
        return columns

    def read(self, handle: Iterable[str]) -> LoadedActuals:
        reader = csv.reader(self.lines(handle), strict=True)
        try:
            header = next(reader, None)
            if header is None or not any(cell.strip() for cell in header):
                if header is None or not any(any(c.strip() for c in row) for row in reader):
                    raise InputError([Problem(self.file, None, msg("files.empty"))])
                raise InputError([Problem(self.file, 1, msg("actuals.first_line_empty"))])
            columns = self.header(header)
            return self.rows(reader, columns, len(header))
        except csv.Error as exc:
            if "NUL" in str(exc):
                raise InputError([Problem(self.file, None, msg("actuals.nul_characters"))]) from None
            self.add(reader.line_num, msg("actuals.not_csv", problem=str(exc)))
            raise self.fail_now() from None

    def rows(self, reader: Rows, columns: dict[str, int], width: int, skipped: int = 0) -> LoadedActuals:
        """Check and convert the rows; ``skipped`` unknown ids were passed over before."""
        plan = self.catalogue.plan
        plan_year = plan.year
        id_col, value_col = columns["id"], columns["value"]
        period_col, unit_col = columns.get("period"), columns.get("unit")
        note_col, source_col = columns.get("note"), columns.get("source")
        seen: dict[tuple[str, str], int] = {}
        actuals: list[Actual] = []
        warnings: list[Problem] = []
        rows = blank = 0
        get = {t.id: t for t in self.catalogue.targets}.get
        ignore_unknown = self.ignore_unknown
        end_of_previous = reader.line_num
        for row in reader:
            # A row with a quoted line break spans several lines: report where it starts.
            line, end_of_previous = end_of_previous + 1, reader.line_num
            # The fast path first: most rows of a statistics export are not targets.
            raw_id = row[id_col] if len(row) > id_col else ""
            target = get(raw_id)
            if target is None:
                stripped = raw_id.strip()
                if stripped is not raw_id:
                    target = get(stripped)
                if target is None and ignore_unknown and stripped:
                    skipped += 1
                    continue
            if len(self.problems) >= MAX_PROBLEMS:
                self.add(None, msg("actuals.stopped", most=MAX_PROBLEMS))
                break
            if not any(cell.strip() for cell in row):
                continue  # blank rows, as spreadsheets leave them
            rows += 1
            if len(row) != width:
                one = msg("actuals.row_width_one", width=width)
                self.add(
                    line, one if len(row) == 1 else msg("actuals.row_width", fields=len(row), width=width)
                )
                continue
            stray = next((i for i in self.unnamed if row[i].strip()), None)
            if stray is not None:
                self.add(line, unnamed_column(self.column_name(stray), row[stray]), stray)
                continue
            target_id = raw_id.strip()
            if target is None:
                self.unknown(line, target_id, id_col)
                continue
            raw_period = row[period_col].strip() if period_col is not None else ""
            if not raw_period and plan.is_multi_year:
                empty = msg("actuals.period_empty", first=plan.earliest_year, last=plan_year, y=plan_year - 1)
                self.add(line, msg("actuals.for_target", id=target_id, problem=empty))
                continue
            try:
                period = plan.period(raw_period) if raw_period else Period(plan_year)
            except BadPeriod as exc:
                self.add(line, msg("actuals.for_target", id=target_id, problem=exc.message), period_col)
                continue
            if target.baseline_year is not None and period < Period(target.baseline_year):
                early = msg(
                    "actuals.before_baseline", text=raw_period, year=target.baseline_year, last=target.horizon
                )
                self.add(line, msg("actuals.for_target", id=target_id, problem=early), period_col)
                continue
            raw_value = row[value_col].strip()
            no_figure = not raw_value or raw_value in NO_FIGURE_MARKS
            if no_figure and self.allow_blank:
                blank += 1
                continue
            key = (target_id, str(period))
            if key in seen:
                if self.cells:
                    second = msg("actuals.second_figure_row", period=period, first=seen[key])
                else:
                    second = msg("actuals.second_figure_line", period=period, first=seen[key])
                self.add(line, msg("actuals.for_target", id=target_id, problem=second))
                continue
            seen[key] = line
            if raw_value in NO_FIGURE_MARKS:
                mark = msg("actuals.no_figure_mark", text=raw_value)
                self.add(line, msg("actuals.for_target", id=target_id, problem=mark), value_col)
                continue
            if not raw_value:
                empty = msg("actuals.value_empty")
                self.add(line, msg("actuals.for_target", id=target_id, problem=empty), value_col)
                continue
            unit = row[unit_col].strip() if unit_col is not None else ""
            try:
                parsed = parse_value(raw_value, target, unit)
            except BadValue as exc:
                self.add(line, msg("actuals.for_target", id=target_id, problem=exc.message), value_col)
                continue
            warning = fraction_warning(raw_value, target, parsed)
            if warning is not None:
                warnings.append(
                    Problem(self.file, line, msg("actuals.for_target", id=target_id, problem=warning))
                )
            actuals.append(
                Actual(
                    target_id=target_id,
                    period=period,
                    raw=safe_text(raw_value),
                    parsed=parsed,
                    note=safe_text(row[note_col].strip()) if note_col is not None else "",
                    source=safe_text(row[source_col].strip()) if source_col is not None else "",
                    file=self.file,
                    line=line,
                )
            )
        if rows == 0 and not skipped:
            self.add(None, msg("actuals.no_rows"))
        if self.problems:
            raise self.fail_now()
        return LoadedActuals(tuple(actuals), skipped, self.file, blank, tuple(warnings))

    def column_name(self, index: int) -> str:
        """How a message names a column: its letter in a workbook, its number in a CSV."""
        return column_letter(index) if self.cells else str(index + 1)

    def unknown(self, line: int, target_id: str, column: int) -> None:
        if not target_id:
            self.add(line, msg("actuals.id_empty"), column)
            return
        ids = {t.id.lower(): t.id for t in self.catalogue.targets}
        close = difflib.get_close_matches(target_id.lower(), list(ids), n=1)
        see = msg("actuals.see_targets")
        hint = msg("actuals.did_you_mean", close=ids[close[0]], then=see) if close else see
        shown, why = id_hint(target_id, hint)
        self.add(line, msg("actuals.unknown_id", shown=shown, why=why), column)


def unnamed_column(column: str, cell: str) -> Message:
    """A cell under no header name that holds something (a CSV's column 4, a sheet's D)."""
    return msg("actuals.unnamed_column", column=column, value=cell.strip())


def column_letter(index: int) -> str:
    """A spreadsheet's name for the 0-based column ``index``: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def merge_actuals(loaded: list[LoadedActuals]) -> LoadedActuals:
    """Several files as one (e.g. one file per month). The same target and period in two
    files is fine when the figures agree, and an error naming both files when they differ."""
    first: dict[tuple[str, Period], Actual] = {}
    problems: list[Problem] = []
    merged: list[Actual] = []
    for part in loaded:
        for actual in part.actuals:
            key = (actual.target_id, actual.period)
            known = first.get(key)
            if known is None:
                first[key] = actual
                merged.append(actual)
            elif known.parsed != actual.parsed:
                differs = msg(
                    "actuals.differs",
                    text=actual.raw,
                    period=actual.period,
                    first=known.raw,
                    where=f"{known.file}:{known.line}",
                )
                problems.append(
                    Problem(
                        actual.file,
                        actual.line,
                        msg("actuals.for_target", id=actual.target_id, problem=differs),
                    )
                )
    if problems:
        raise InputError(problems)
    return LoadedActuals(
        tuple(merged),
        sum(p.skipped_unknown for p in loaded),
        ", ".join(p.file for p in loaded),
        sum(p.blank for p in loaded),
        tuple(w for p in loaded for w in p.warnings),
    )
