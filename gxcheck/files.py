"""Reading inputs at the edge: every input read once and bounded (outputs: gxcheck.outputs).

Inputs: :func:`read_input` opens a path (or standard input, ``-``) once, reads it in chunks
up to :data:`MAX_BYTES`, and refuses binary data and endless lines while it reads, so a
device, a FIFO or a pipe is read like a file and ``/dev/zero`` ends in a clear message.
:func:`decode` turns the bytes into text, locating the line where an encoding fails.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from gxcheck.errors import InputError, Message, Problem, msg
from gxcheck.record import record
from gxcheck.textsafe import visible

STDIN = "-"  # the path that means standard input
STDIN_SHOWN = "<stdin>"
MAX_BYTES = 256 * 1024 * 1024  # far above any real export (1,000,000 rows are about 60 MB)
MAX_LINE_BYTES = 64 * 1024  # a line this long is no text file's line, in any encoding
CHUNK = 1024 * 1024
BINARY = msg("files.binary")

_BOMS = (  # longest first: UTF-32 LE starts with the UTF-16 LE mark
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Codecs that are not a way of writing text (rot13, base64 are not text encodings at all).
_NOT_TEXT = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"})


@record
class Source:
    """An input's bytes, read once; ``shown`` names it in messages."""

    shown: str
    data: bytes
    regular: bool  # a regular file (not a pipe, FIFO, device or standard input)


def _problem(shown: str, message: Message, line: int | None = None) -> InputError:
    return InputError([Problem(shown, line, message)])


def _unreadable(exc: OSError, shown: str) -> InputError:
    """The located message for a file that cannot be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return _problem(shown, msg("files.no_such_file"))
    if isinstance(exc, PermissionError):
        return _problem(shown, msg("files.permission_denied"))
    if isinstance(exc, IsADirectoryError):
        return _problem(shown, msg("files.directory"))
    return _problem(shown, msg("files.unreadable", reason=exc.strerror or str(exc)))


def may_exist(path: str | Path) -> bool:
    """False only when ``path`` certainly does not exist; a path that cannot be looked at
    (EACCES on a directory, which ``Path.exists`` raises) may exist, and reading it says why."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        return True
    return True


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` announces."""
    return next((name for bom, name in _BOMS if head.startswith(bom)), None)


def wide_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` etc. when ``head`` looks like text in UTF-16/32 without a mark: most of
    its code units are a printable ASCII byte padded with NUL bytes."""
    sample = head[:1024]
    for name, width, at in _WIDE:
        size = len(sample) - len(sample) % width
        units = [sample[i : i + width] for i in range(0, size, width)]
        ascii_units = sum(9 <= u[at] < 0x7F and not any(u[:at] + u[at + 1 :]) for u in units)
        if len(units) >= 4 and ascii_units >= 0.6 * len(units):
            return name
    return None


_WIDE = (("utf-32-le", 4, 0), ("utf-32-be", 4, 3), ("utf-16-le", 2, 0), ("utf-16-be", 2, 1))


def _is_wide(encoding: str | None) -> bool:
    """Whether text in ``encoding`` holds NUL bytes (UTF-16 and UTF-32 do)."""
    return encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def text_codec(encoding: str, shown: str) -> str:
    """The codec name for ``--encoding``, refusing names that are not a text encoding."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise _problem(shown, msg("files.unknown_encoding", encoding=encoding)) from None
    if not info._is_text_encoding or info.name in _NOT_TEXT:
        raise _problem(shown, msg("files.not_text_encoding", encoding=encoding))
    return "utf-8-sig" if info.name == "utf-8" else info.name


def read_input(
    path: str | Path, shown: str | None = None, *, encoding: str | None = None, workbook: bool = False
) -> Source:
    """Read ``path`` (``-``: standard input) exactly once, in chunks and bounded.

    Refused while reading, so that a stream never has to be held whole first: more than
    :data:`MAX_BYTES`, a NUL byte anywhere (unless the text is UTF-16 or UTF-32, by its
    byte-order mark or ``encoding``), a line longer than :data:`MAX_LINE_BYTES`; and a
    file with nothing but white space in it. ``workbook``: an input that starts like an
    office file (a zip or OLE2 container) is binary by nature and only bounded in size.
    """
    if encoding is not None:
        text_codec(encoding, shown or str(path))
    if str(path) == STDIN:
        shown = shown or STDIN_SHOWN
        stream = sys.stdin.buffer if sys.stdin is not None else None
        if stream is None:
            raise _problem(shown, msg("files.stdin_closed"))
        if os.environ.get("GXCHECK_STDIN") == "directory":  # set by the launcher (bin/gxcheck)
            raise _problem(shown, msg("files.stdin_directory"))
        try:
            data = _read_chunks(stream, shown, encoding, workbook)
        except OSError as exc:
            raise _unreadable(exc, shown) from None
        regular = False
    else:
        shown = visible(shown or str(path))
        try:
            with Path(path).open("rb") as handle:
                info = os.fstat(handle.fileno())
                if stat.S_ISDIR(info.st_mode):
                    raise _problem(shown, msg("files.directory"))
                regular = stat.S_ISREG(info.st_mode)
                if regular and info.st_size > MAX_BYTES:
                    raise _too_big(shown)
                data = _read_chunks(handle, shown, encoding, workbook)
        except OSError as exc:
            raise _unreadable(exc, shown) from None
    if not data or data.isspace() or data in (codecs.BOM_UTF8,):
        raise _problem(shown, msg("files.empty_input") if shown == STDIN_SHOWN else msg("files.empty"))
    return Source(shown, data, regular)


def _too_big(shown: str) -> InputError:
    size = f"{MAX_BYTES // 2**20} MiB" if MAX_BYTES >= 2**20 else f"{MAX_BYTES // 2**10} KiB"
    return _problem(shown, msg("files.too_big", size=size))


# Zip (.xlsx, .ods) and OLE2 (.xls, WPS .et, a password-protected .xlsx) containers.
OFFICE_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def _read_chunks(handle: IO[bytes], shown: str, encoding: str | None, workbook: bool = False) -> bytes:
    """The whole stream, refused as soon as it is too big, binary, or a line is endless."""
    return b"".join(_checked_chunks(handle, shown, encoding, workbook))


def _checked_chunks(
    handle: IO[bytes], shown: str, encoding: str | None, workbook: bool = False
) -> Iterator[bytes]:
    """The stream's chunks, each checked before it is handed on (see :func:`_read_chunks`)."""
    total = run = 0  # bytes so far; bytes since the last line break
    lines = 1
    brk = b"\n"
    check_nul = None if encoding is None else not _is_wide(encoding)
    while chunk := handle.read(CHUNK):
        if workbook and not total and chunk.startswith(OFFICE_MAGIC):
            yield _read_binary(handle, chunk, shown)
            return
        if check_nul is None:  # the first chunk: a UTF-16 or UTF-32 mark allows NUL bytes
            check_nul = bom_encoding(chunk) not in ("utf-16", "utf-32")
            wide = wide_without_bom(chunk) if check_nul and b"\x00" in chunk else None
            if wide is not None:
                name = wide[:6].upper()
                raise _problem(shown, msg("files.wide_without_bom", name=name))
        if check_nul and b"\x00" in chunk:
            raise _problem(shown, BINARY)
        total += len(chunk)
        if total > MAX_BYTES:
            raise _too_big(shown)
        if total == len(chunk) and b"\n" not in chunk and b"\r" in chunk:
            brk = b"\r"  # old Mac line ends (Excel's "CSV (Macintosh)"): CR alone
        first = chunk.find(brk)
        if run + (len(chunk) if first < 0 else first) > MAX_LINE_BYTES:
            raise _problem(shown, _LONG_LINE, lines)
        if first >= 0:
            _check_inner_lines(chunk, first, shown, lines, brk)
            run = len(chunk) - chunk.rfind(brk) - 1
            lines += chunk.count(brk)
        else:
            run += len(chunk)
        yield chunk


def regular_file_chunks(path: str | Path, encoding: str | None = None) -> Iterator[bytes] | None:
    """A regular file's bytes chunk by chunk, with :func:`read_input`'s checks, for a reader
    that keeps only what it needs (:mod:`gxcheck.prefilter`); None for standard input, a
    pipe, a FIFO or a device, which are read whole, once, by :func:`read_input`. Any problem
    raises the InputError that :func:`read_input` would raise."""
    if str(path) == STDIN:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None  # read_input says why
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
        return None

    def chunks() -> Iterator[bytes]:
        with Path(path).open("rb") as handle:
            yield from _checked_chunks(handle, str(path), encoding)

    return chunks()


def _read_binary(handle: IO[bytes], first: bytes, shown: str) -> bytes:
    """The rest of a workbook's bytes, bounded in size only."""
    chunks, total = [first], len(first)
    while chunk := handle.read(CHUNK):
        total += len(chunk)
        if total > MAX_BYTES:
            raise _too_big(shown)
        chunks.append(chunk)
    return b"".join(chunks)


def _check_inner_lines(chunk: bytes, first: int, shown: str, lines: int, brk: bytes = b"\n") -> None:
    """Refuse a line longer than MAX_LINE_BYTES inside ``chunk`` (after its first line
    break): every such line holds a probe taken that many bytes apart, so a few searches
    of bounded length find it, however many short lines the chunk holds."""
    limit = MAX_LINE_BYTES
    for probe in range(first + 1, len(chunk), limit):
        end = chunk.find(brk, probe, probe + limit + 1)
        if end < 0 and probe + limit + 1 > len(chunk):
            return  # the chunk's last line, counted on into the next chunk
        start = chunk.rfind(brk, max(0, probe - limit - 1), probe)
        if end < 0 or start < 0 or end - start - 1 > limit:
            raise _problem(shown, _LONG_LINE, lines + chunk.count(brk, 0, probe))


_LONG_LINE = msg("files.long_line", most=MAX_LINE_BYTES)


def _line_at(data: bytes, index: int) -> int:
    return data[:index].count(b"\n") + 1


def _utf8_lines(data: bytes) -> tuple[int, int]:
    """How many lines with non-ASCII text decode as UTF-8 with CJK or full-width characters
    in them, and how many do not decode: a file mostly of the first kind is UTF-8."""
    good = bad = 0
    for line in data.split(b"\n"):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
            continue
        if any("\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for c in text):
            good += 1
    return good, bad


def decode(
    source: Source, encoding: str | None = None, fallback: str | None = None, *, wide: bool = True
) -> str:
    """The text of ``source``: in ``encoding`` when given; else as its byte-order mark says;
    else UTF-8, or ``fallback`` (GB18030 for a CSV) for a file that is not UTF-8 anywhere.

    A UTF-8 file with one line in another encoding is refused at that line, not decoded
    whole in the fallback (which would turn every other line into mojibake). ``wide=False``
    refuses UTF-16 and UTF-32 (a targets file is UTF-8).
    """
    data, shown = source.data, source.shown
    if encoding is not None:
        name = text_codec(encoding, shown)
        try:
            return _no_nul(data.decode(name), source)
        except UnicodeDecodeError as exc:
            message = msg("files.not_in_encoding", encoding=encoding)
            raise _problem(shown, message, _line_at(data, exc.start)) from None
        except UnicodeError:
            raise _problem(shown, msg("files.not_in_encoding", encoding=encoding), 1) from None
    marked = bom_encoding(data)
    if marked in ("utf-16", "utf-32"):
        name = marked.upper()
        if not wide:
            raise _problem(shown, msg("files.utf8_only", name=name))
        try:
            return _no_nul(data.decode(marked), source)
        except UnicodeDecodeError:
            raise _problem(shown, msg("files.bad_wide", name=name)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_at(data, exc.start)
        good, bad = _utf8_lines(data) if fallback else (1, 0)
        if good >= bad:
            message = msg("files.not_utf8") if not fallback else msg("files.one_line_not_utf8")
            raise _problem(shown, message, line) from None
    try:
        return data.decode(fallback)  # type: ignore[arg-type]
    except UnicodeDecodeError:
        message = msg("files.neither", fallback=fallback.upper())  # type: ignore[union-attr]
        raise _problem(shown, message, line) from None


def _no_nul(text: str, source: Source) -> str:
    if "\x00" in text:
        raise _problem(source.shown, BINARY)
    return text


def read_text(path: Path, shown: str) -> str:
    """A UTF-8 text file (an optional BOM is dropped), read once through :func:`read_input`."""
    return decode(read_input(path, shown), wide=False)
