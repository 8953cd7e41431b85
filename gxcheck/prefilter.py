"""The fast path for a large statistics export read with ``--ignore-unknown``: find the few
records whose id could be a target without handing the others to the csv module.

A regular file is read in chunks with read_input's checks
(:func:`gxcheck.files.regular_file_chunks`), so memory stays flat whatever its size, and
decoded as the full parse decodes it. One regular expression (C code) consumes runs of
records that the full parse would skip as unknown ids: a record that starts at a record
start, is one line, has a plain id (letters, digits, ``_ . -``) that is not a target, and
whose other fields are valid CSV on that line. Whatever that expression stops at (a
target's record, an id with spaces or quotes, a blank line, a quoted field holding a line
break, the last line without a line break) is cut out whole by a second, exact expression
for one record and parsed by the csv module, with its line number. A line that only looks
like a record because it sits inside a quoted field is never at a record start, so it is
never read as one.

This scan runs on decoded text: in GB18030 a character's second byte can be an ASCII
letter or digit. A UTF-8 file whose every line is a record is scanned on its bytes first
(:mod:`gxcheck.prefilter_utf8`); this is where it goes when that cannot be exact.

Wherever this cannot be exact, :func:`prefilter` returns None and the caller does the full
parse: a text the codec cannot decode, a lone carriage return (old Mac line ends), a line
longer than the loader allows, a NUL, a quote inside an unquoted field, a record the
expression cannot delimit, or more candidate records than a statistics export has targets'
rows. Standard input, a pipe or a FIFO is read whole, once, by read_input (it cannot be read
again for a fallback), and so is a GB18030 file without ``--encoding`` (telling it from a
UTF-8 file with one bad line needs every line).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator

MAX_CANDIDATES = 50_000  # records handed to the csv module before the full parse is cheaper
MAX_RECORD = 1 << 20  # characters one record may span before we stop looking for its end

_PLAIN = r"[A-Za-z0-9_.\-]"  # an id made of these has no space to strip and needs no quotes
_CELLS = r'[^"\r\n\x00]*+'  # the rest of a line up to a quote, line end or NUL (commas included)
_QUOTED_ON_LINE = r'"[^"\r\n\x00]*+(?:""[^"\r\n\x00]*+)*+"'
_UNQUOTED_FIELD = r"[^,\n]*+,"  # a field before the id, on a line known to hold no quote
_FIELD_ON_LINE = rf'(?:{_QUOTED_ON_LINE}|[^",\r\n\x00]*+)'
# One record, exactly as the csv module (strict, default dialect) reads it, possibly over
# several lines; no quote may stand inside an unquoted field (the csv module allows that;
# we leave such files to it).
_FIELD = r'(?:"[^"\x00]*+(?:""[^"\x00]*+)*+"|[^",\r\n\x00]*+)'
RECORD = re.compile(rf"{_FIELD}(?:,{_FIELD})*+(?:\r\n|\n|\Z)")


def trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a trie, so the regex engine branches once per character
    instead of trying every word in turn."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def skip_patterns(ids: Iterable[str], id_column: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of one-line records whose plain id (in column ``id_column``) is none of ``ids``:
    one for lines known to hold no quote, which scans a line as fast as the regex engine
    can (a one-character class, ``[^\\n]``), and an exact one for lines that hold quotes,
    which checks every character against a quote (about four times slower per character)."""
    words = sorted(set(ids))
    not_target = rf"(?!(?:{trie(words)})[,\r\n])" if words else ""
    plain = rf"(?:{_UNQUOTED_FIELD * id_column}{not_target}{_PLAIN}++(?:,[^\n]*+)?+\r?\n)*+"
    before = rf"{_FIELD_ON_LINE}," * id_column
    rest = rf"(?:,{_CELLS}(?:(?<=,){_QUOTED_ON_LINE}(?=[,\r\n]){_CELLS})*+)?+"
    quoted = rf'(?:(?=[^"\n]*+"){before}{not_target}{_PLAIN}++{rest}\r?\n)*+'
    return re.compile(plain), re.compile(quoted)


def decoded(chunks: Iterable[bytes], encoding: str) -> Iterator[str]:
    """The text of ``chunks`` in ``encoding``, piece by piece (UnicodeDecodeError as it comes)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    for chunk in chunks:
        if text := decoder.decode(chunk):
            yield text
    if text := decoder.decode(b"", final=True):
        yield text


def header(pieces: Iterator[str], max_line: int) -> tuple[list[str], str] | None:
    """The first line's cells and the text after it; None unless it is a plain one-line
    header (no quotes, no CR but its line end, not blank, not too long): anything else is
    left to the full parse, which has a message for each."""
    text = ""
    while (end := text.find("\n")) < 0:
        piece = next(pieces, "")
        if not piece or len(text) > max_line + 2:
            return None
        text += piece
    body = text[:end].removesuffix("\r")
    if any(c in body for c in '"\r\x00') or len(body) > max_line:
        return None
    cells = body.split(",")
    return (cells, text[end + 1 :]) if any(cell.strip() for cell in cells) else None


class Candidates:
    """The records the full parse would look at, as the loader reads rows (``Rows``): each
    row's cells, with ``line_num`` set so that the loader finds the line each starts on."""

    def __init__(self, found: list[tuple[int, list[str]]], skipped: int) -> None:
        self.found = found
        self.skipped = skipped  # records passed over as unknown ids, never parsed
        self.line_num = found[0][0] - 1 if found else 1

    def __iter__(self) -> Iterator[list[str]]:
        found = self.found
        for k, (line, cells) in enumerate(found):
            self.line_num = found[k + 1][0] - 1 if k + 1 < len(found) else line
            yield cells


def prefilter(
    pieces: Iterator[str], text: str, ids: Iterable[str], id_column: int, *, first_line: int, max_line: int
) -> Candidates | None:
    """Scan ``text`` and the rest of ``pieces``, starting at the start of line
    ``first_line``, a record start; None where the result could differ from the full parse's."""
    plain, quoted = skip_patterns(ids, id_column)
    found: list[tuple[int, list[str]]] = []
    skipped = 0
    line = first_line
    tail = text
    try:
        while True:
            chunk = next(pieces, "")
            text = tail + chunk
            # Whole lines only; the unfinished last one waits for the next piece.
            cut = text.rfind("\n") + 1 if chunk else len(text)
            part, tail = text[:cut], text[cut:]
            if len(tail) > MAX_RECORD:
                return None
            if "\x00" in part or lone_cr(part) or too_long(part, max_line):
                return None
            pos, end = 0, len(part)
            quote = part.find('"')
            while pos < end:
                if 0 <= quote < pos:
                    quote = part.find('"', pos)
                # Lines before the one holding the next quote hold none: the fast expression.
                limit = end if quote < 0 else part.rfind("\n", pos, quote) + 1
                # (Each expression ends in `*+`, so it always matches, if only the empty string.)
                run = plain.match(part, pos, limit) if limit > pos else quoted.match(part, pos)
                stop = run.end()  # type: ignore[union-attr]
                if stop > pos:
                    lines = part.count("\n", pos, stop)
                    skipped, line, pos = skipped + lines, line + lines, stop
                    continue
                record = RECORD.match(part, pos)
                if record is None:  # a quoted field goes on past this piece, or bad CSV
                    if not chunk:
                        return None
                    break
                cells = next(csv.reader(io.StringIO(record.group(), newline=""), strict=True), [])
                found.append((line, cells))
                if len(found) > MAX_CANDIDATES:
                    return None
                line += part.count("\n", pos, record.end())
                pos = record.end()
            if not chunk:
                return Candidates(found, skipped)
            tail = part[pos:] + tail
            if len(tail) > MAX_RECORD:
                return None
    except (UnicodeDecodeError, csv.Error):
        return None


def lone_cr(text: str) -> bool:
    """Whether ``text`` has a CR that is not part of a CRLF (counted only when it has a CR)."""
    return "\r" in text and text.count("\r") != text.count("\r\n")


def too_long(text: str, limit: int) -> bool:
    """Whether a line of ``text`` (whole lines, no lone CR) holds more than ``limit``
    characters before its line end, without visiting every line: jump ``limit`` characters
    at a time back to the last line end."""
    start, end = 0, len(text)
    while end - start > limit:
        last = text.rfind("\n", start, start + limit + 1)
        if last < 0:
            if text.startswith("\r\n", start + limit):  # exactly ``limit``, then CRLF
                last = start + limit + 1
            else:
                return True
        start = last + 1
    return False
