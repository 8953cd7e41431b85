"""The fast path for a UTF-8 export: read as bytes, decoded block by block, and scanned
with every line taken for a record; on two cores when the file is big.

Each block of whole lines is decoded (the full parse decodes the whole file, so its
bytes must be valid UTF-8 in any case) and scanned as text, which has fewer code units
than the bytes (a Chinese character is one, not three) and so is quicker to scan.

Records are found without the csv module's state machine by requiring what makes every
line a record: each quote opens a field (at a line start or after a comma), ends it
(before a comma, a line end or the end of the file), holds no line break, and escapes a
quote as ``""`` (:data:`QUOTES`, one expression over each block). A file where that is not
so (a quoted line break, a stray quote), a lone CR, a NUL, a line longer than the loader
allows, or bytes that are not UTF-8: :func:`scan_file` returns None and the caller takes
the decoded path (:mod:`gxcheck.prefilter`), which reads records exactly as the csv module
does.

A file above :data:`FORK_MIN` bytes is split at the first line start after its middle and
the second half is scanned by a forked child (POSIX only, with a second core, and only
while the process has one thread). The split is a record start because every line start
is one in a file that passes the checks above, and each half is checked on its own; if
either half fails, the whole file falls back.
"""

from __future__ import annotations

import codecs
import io
import marshal
import os
import re
import signal
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from gxcheck.files import MAX_BYTES, OFFICE_MAGIC, STDIN
from gxcheck.prefilter import MAX_CANDIDATES, header, lone_cr, too_long, trie

# Bytes read at once: small enough for a flat peak (its text is up to 4 times that), big
# enough to be cheap.
BLOCK = 2 << 20
FORK_MIN = 16 << 20  # below this a second process costs more than it saves

_PLAIN = r"[A-Za-z0-9_.\-]"
# Every quote of a block of whole lines opens a field, holds no line break, and closes it.
QUOTES = re.compile(r'[^"]*+(?:(?<![^,\n])"[^"\n]*+(?:""[^"\n]*+)*+"(?![^,\r\n])[^"]*+)*+')


def first_line(path: str, max_line: int) -> tuple[list[str], int] | None:
    """The header's cells and the byte offset of the line after it, for a regular file whose
    first line is a plain header in UTF-8 (see :func:`gxcheck.prefilter.header`); else None."""
    try:
        info = os.stat(path)
        if path == STDIN or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with open(path, "rb") as handle:
            head = handle.read(len(codecs.BOM_UTF8) + 4 * max_line + 2)  # at most 4 bytes a character
    except OSError:
        return None
    start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    end = head.find(b"\n", start) + 1
    if not end or head.startswith(OFFICE_MAGIC):
        return None
    try:
        first = header(iter([head[start:end].decode("utf-8")]), max_line)
    except UnicodeDecodeError:
        return None
    return None if first is None else (first[0], end)


def skip_run(ids: Iterable[str], id_column: int) -> re.Pattern[str]:
    """Runs of lines whose id (in column ``id_column``) is plain (letters, digits, ``_ . -``:
    nothing to strip, no quotes) and none of ``ids``: the full parse skips each unread.
    Quotes are not checked here (:data:`QUOTES` does that), only stepped over.

    A line whose id is the previous line's (an export sorted by id) is matched by a
    backreference, which costs a fraction of the check against every target id."""
    words = [word for word in set(ids) if re.fullmatch(_PLAIN + "+", word)]
    not_target = rf"(?!(?:{trie(words)})[,\r\n])" if words else ""
    before = r'(?:"[^"\n]*+(?:""[^"\n]*+)*+"|[^",\r\n]*+),' * id_column
    first = rf"{before}{not_target}(?P<id>{_PLAIN}++)(?:[,\r][^\n]*+)?+\n"
    same = rf"{before}(?P=id),[^\n]*+\n"
    return re.compile(rf"(?:{first}(?:{same})*+)*+")


@dataclass
class Part:
    """What a scan of some whole lines found."""

    lines: int  # line breaks in the range (each ends a record)
    found: list[tuple[int, str]]  # each candidate: lines before it in the range, its text


def scan(path: str, start: int, stop: int, run: re.Pattern[str], max_line: int) -> Part | None:
    """The lines of ``path`` from byte ``start`` (a line start) to ``stop`` (a line start or
    the end of the file); None where the fast path cannot be exact. The file is opened here,
    so that a forked child has a file position of its own."""
    buffer = bytearray(BLOCK)
    view = memoryview(buffer)
    found: list[tuple[int, str]] = []
    lines = 0
    with open(path, "rb", buffering=0) as handle:
        handle.seek(start)
        offset = start
        while offset < stop:
            size = _fill(handle, view[: min(BLOCK, stop - offset)])
            if size == 0:
                return None  # the file got shorter while we read it
            end = size if offset + size >= stop else buffer.rfind(b"\n", 0, size) + 1
            text = _text(buffer, view, end, max_line) if end else None
            if text is None:
                return None
            pos = counted = 0
            length = len(text)
            while (pos := run.match(text, pos).end()) < length:  # type: ignore[union-attr]
                lines += text.count("\n", counted, pos)
                counted = pos
                line_end = text.find("\n", pos) + 1 or length
                found.append((lines, text[pos:line_end]))
                if len(found) > MAX_CANDIDATES:
                    return None
                pos = line_end
            lines += text.count("\n", counted)
            offset += end
            handle.seek(offset)  # the unfinished last line again, at the start of the next block
    return Part(lines, found)


def _fill(handle: io.RawIOBase, view: memoryview) -> int:
    """Fill ``view`` from ``handle``; fewer bytes only at the end of the file."""
    filled = 0
    while filled < len(view) and (got := handle.readinto(view[filled:])):
        filled += got
    return filled


def _text(buffer: bytearray, view: memoryview, end: int, max_line: int) -> str | None:
    """The text of the whole lines ``buffer[:end]`` if the fast path reads them exactly: no
    NUL, valid UTF-8, no lone CR, no line over ``max_line`` characters, every line a record."""
    if buffer.find(b"\x00", 0, end) >= 0:
        return None
    try:
        text: str = codecs.utf_8_decode(view[:end], "strict", True)[0]
    except UnicodeDecodeError:
        return None
    if lone_cr(text) or too_long(text, max_line):
        return None
    if '"' in text and QUOTES.match(text).end() != len(text):  # type: ignore[union-attr]
        return None
    return text


def scan_file(path: str, start: int, ids: Iterable[str], id_column: int, max_line: int) -> Part | None:
    """Scan ``path`` from byte ``start`` (the line after the header) to its end, the second
    half in a forked child when the file is big; None where the fast path cannot be exact."""
    run = skip_run(ids, id_column)
    size = os.stat(path).st_size
    middle = _middle(path, start, size, max_line) if _may_fork(size - start) else None
    if middle is None:
        return scan(path, start, size, run, max_line)
    return _scan_halves(path, start, middle, size, run, max_line)


def _may_fork(length: int) -> bool:
    """A second process only for a big file, with a second core to run on, where fork
    exists, and never beside other threads (a child forked from a threaded process may
    inherit a lock that is held forever)."""
    threading = sys.modules.get("threading")
    one_thread = threading is None or threading.active_count() == 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return length >= FORK_MIN and cores > 1 and hasattr(os, "fork") and one_thread


def _middle(path: str, start: int, size: int, max_line: int) -> int | None:
    """The first line start after the middle of ``start``..``size``, if a line ends soon."""
    middle = start + (size - start) // 2
    with open(path, "rb") as handle:
        handle.seek(middle)
        window = handle.read(max_line + 2)
    brk = window.find(b"\n")
    return None if brk < 0 or middle + brk + 1 >= size else middle + brk + 1


def _scan_halves(
    path: str, start: int, middle: int, size: int, run: re.Pattern[str], max_line: int
) -> Part | None:
    """Scan ``start``..``middle`` here and ``middle``..``size`` in a forked child at once."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: scan, send the result, exit without running the parent's code
        status = 1
        try:
            os.close(read_end)
            second = scan(path, middle, size, run, max_line)
            _write_all(write_end, marshal.dumps(None if second is None else (second.lines, second.found)))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        first = scan(path, start, middle, run, max_line)
        if first is None:
            os.kill(pid, signal.SIGKILL)  # its half no longer matters
        message = _read_all(read_end)
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if first is None or status != 0:
        return None
    second = marshal.loads(message)
    if second is None:
        return None
    lines, found = second
    first.found += [(first.lines + before, record) for before, record in found]
    if len(first.found) > MAX_CANDIDATES:
        return None
    first.lines += lines
    return first


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)
