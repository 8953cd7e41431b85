"""Reading and writing files at the edges: clear errors in, atomic writes out."""

from __future__ import annotations

import os
from pathlib import Path

from gxcheck.errors import InputError, Problem


def _unreadable(exc: OSError, shown: str) -> InputError:
    """The located message for a file that cannot be opened or read."""
    if isinstance(exc, FileNotFoundError):
        message = "no such file"
    elif isinstance(exc, PermissionError):
        message = "permission denied: the file cannot be read"
    elif isinstance(exc, IsADirectoryError):
        message = "is a directory, not a file"
    else:
        message = f"cannot be read: {exc.strerror or exc}"
    return InputError([Problem(shown, None, message)])


def _read(path: Path, shown: str, size: int = -1) -> bytes:
    """The first ``size`` bytes (all by default), or a clear error; an empty file is one too."""
    if path.is_dir():
        raise InputError([Problem(shown, None, "is a directory, not a file")])
    try:
        with path.open("rb") as handle:
            data = handle.read(size)
    except OSError as exc:
        raise _unreadable(exc, shown) from None
    whole = size < 0 or len(data) < size
    if not data or (whole and data.isspace()):
        raise InputError([Problem(shown, None, "the file is empty")])
    return data


def read_bytes(path: Path, shown: str) -> bytes:
    """The file's bytes, or an InputError that says why they cannot be read (NUL bytes too)."""
    data = _read(path, shown)
    if b"\x00" in data:
        raise InputError([Problem(shown, None, "looks like a binary file, not text (it contains NUL bytes)")])
    return data


def sniff(path: Path, shown: str, size: int) -> bytes:
    """The first ``size`` bytes of a file, to choose how to read it, with the same clear errors
    as :func:`read_bytes` for a file that is missing, a directory, unreadable or empty."""
    return _read(path, shown, size)


def read_text(path: Path, shown: str) -> str:
    """A UTF-8 text file (an optional BOM is dropped)."""
    data = read_bytes(path, shown)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError([Problem(shown, line, "is not valid UTF-8 text (save it as UTF-8)")]) from None


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename, so a reader
    never sees half a report and a failed run leaves the old file untouched."""
    import tempfile  # only a run that writes a file needs it

    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        # mkstemp makes the file private (0600); a report gets the mode any new file would,
        # or keeps the mode of the report it replaces.
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
