"""Writing reports at the edge: every output of a run goes through :func:`write_outputs`.

Each output is checked before any work (:func:`plan_output`, so a run that could not deliver
does no work), then all are written together after it. A regular file or a new path is
replaced atomically (a temporary file beside it, then a rename); a device, a FIFO,
/dev/stdout or a process substitution is written through, never replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from gxcheck.errors import Message, UsageError, msg
from gxcheck.files import CHUNK, STDIN
from gxcheck.record import record


@record
class Output:
    """Where one report goes; ``option`` names it in messages (--output, --svg, …)."""

    shown: str
    option: str
    path: Path
    replace: bool  # a regular file or a new path: temporary file and rename; else written through
    append: bool = False


_TEMPS: set[str] = set()  # temporary files not yet renamed, removed on any way out
_SIGNALS = (2, 1, 15)  # SIGINT, SIGHUP, SIGTERM


_STREAM_NAMES = ("/dev/stdin", "/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/")


def _is_stream_path(path: str) -> bool:
    """Whether ``path`` (or a link it goes through) names an open descriptor — /dev/stdout,
    /dev/fd/N, /proc/self/fd/N — which is written through, never replaced."""
    for _ in range(40):  # the kernel's own limit on links followed
        if os.path.abspath(path).startswith(_STREAM_NAMES):
            return True
        if not os.path.islink(path):
            return False
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    return False


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def plan_output(
    raw: str,
    option: str,
    inputs: Sequence[str | Path] = (),
    others: Sequence[Output] = (),
    *,
    append: bool = False,
) -> Output:
    """Check that a report can be written to ``raw`` before any work is done.

    Refused: an empty name, a name ending in ``/``, a directory, a block device, a missing
    or unwritable directory, one of the run's ``inputs``, and a file another of the run's
    outputs (``others``) already writes.
    """
    at = {"option": option, "output": raw}  # every refusal names the option and the file
    if not raw:
        raise UsageError(msg("outputs.empty_name", option=option))
    if raw.endswith(("/", os.sep)):
        raise UsageError(msg("outputs.ends_in_slash", **at))
    for path in inputs:
        if str(path) != STDIN and _same(raw, str(path)):
            raise UsageError(msg("outputs.is_input", **at))
    for other in others:
        if other.replace and _same(raw, str(other.path)):
            raise UsageError(msg("outputs.is_other", **at, other=other.option))
    try:
        info = os.stat(raw)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UsageError(msg("outputs.unusable", **at, reason=_os_reason(exc))) from None
    if info is None and _is_stream_path(raw):  # /dev/stdout of a closed stdout, /dev/fd/9 not open
        raise UsageError(msg("outputs.no_stream", **at))
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError(msg("outputs.directory", **at))
    if info is not None and stat.S_ISBLK(info.st_mode):
        raise UsageError(msg("outputs.block_device", **at))
    if info is not None and (not stat.S_ISREG(info.st_mode) or _is_stream_path(raw)):
        if not os.access(raw, os.W_OK):
            raise UsageError(msg("outputs.unusable", **at, reason=msg("outputs.permission_denied")))
        return Output(raw, option, Path(raw), replace=False, append=append)
    real = Path(os.path.realpath(raw))
    parent = real.parent
    shown_parent = str(Path(raw).parent)
    try:
        if not stat.S_ISDIR(os.stat(parent).st_mode):
            raise UsageError(msg("outputs.parent_not_directory", **at, parent=shown_parent))
    except FileNotFoundError:
        raise UsageError(msg("outputs.no_directory", **at, parent=shown_parent)) from None
    except OSError as exc:
        raise UsageError(msg("outputs.unusable", **at, reason=_os_reason(exc))) from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(msg("outputs.directory_unwritable", **at, parent=shown_parent))
    return Output(raw, option, real, replace=True, append=append)


def _os_reason(exc: OSError) -> Message | str:
    """Why the system refused, worded by gxcheck where it can be, else the system's words."""
    if isinstance(exc, PermissionError):
        return msg("outputs.permission_denied")
    if isinstance(exc, NotADirectoryError):
        return msg("outputs.path_not_directory")
    return str(exc.strerror or exc)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _stage(output: Output, data: bytes) -> str:
    """A temporary file beside ``output`` holding what it will hold (for an append: the old
    content and then ``data``). Its name is short, so a long legal name still has room."""
    import signal
    import tempfile  # only a run that writes a file needs it

    # No signal between making the file and remembering it, so a signal never strands it.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".gxcheck-", suffix=".tmp", dir=output.path.parent)
        _TEMPS.add(tmp)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    with os.fdopen(fd, "wb") as handle:
        if output.append:
            try:
                with output.path.open("rb") as old:
                    while chunk := old.read(CHUNK):
                        handle.write(chunk)
            except FileNotFoundError:
                pass
        handle.write(data)
    # mkstemp makes the file private (0600); a report gets the mode any new file would,
    # or keeps the mode of the report it replaces.
    os.chmod(tmp, _mode_for(output.path))
    return tmp


def write_outputs(reports: Sequence[tuple[Output, str | bytes]]) -> None:
    """Write every report, or leave every output as it was.

    Files are staged first (a full disk fails here, before anything is replaced), then
    streams are written, then the staged files are renamed into place.
    """
    staged: list[tuple[str, Output]] = []
    current: Output | None = None
    try:
        for current, report in reports:
            if current.replace:
                staged.append((_stage(current, _bytes(report)), current))
        for current, report in reports:
            if not current.replace:
                with current.path.open("ab" if current.append else "wb") as handle:
                    handle.write(_bytes(report))
        for tmp, current in staged:
            os.replace(tmp, current.path)
            _TEMPS.discard(tmp)
    except BrokenPipeError:
        raise  # a reader behind /dev/stdout or >(…) went away: the CLI's `| head` case
    except OSError as exc:
        assert current is not None
        failed = msg(
            "outputs.cannot_write", option=current.option, output=current.shown, reason=_os_reason(exc)
        )
        raise UsageError(failed) from None
    finally:
        remove_temporaries()


def _bytes(report: str | bytes) -> bytes:
    return report.encode("utf-8") if isinstance(report, str) else report


def remove_temporaries() -> None:
    """Remove temporary files a run made and did not rename (also on a signal)."""
    for tmp in list(_TEMPS):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _TEMPS.discard(tmp)


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write one report to ``path`` as every output is written (kept for library callers)."""
    write_outputs([(plan_output(str(path), "--output"), text)])
