"""The ``gxcheck`` command's entry point: guards that must stand before anything is imported.

Kept free of heavy imports (typer and rich load only after the guards), so that:

- Ctrl-C, SIGTERM or SIGHUP during start-up end in one line, not a traceback from an import;
  SIGTERM and SIGHUP later unwind like Ctrl-C (:class:`Terminated`), so no temporary file
  is left behind;
- a closed stderr never sends messages to stdout, and a closed stdout is a clear error
  when a report is due there, not a crash;
- an output encoding that cannot show Chinese (``PYTHONIOENCODING=ascii``) escapes what it
  cannot show instead of failing;
- ``COLUMNS`` that is not a usable width (0, negative, text, absurd) is ignored or bounded.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from gxcheck.errors import Problem, UsageError, msg  # light: no typer, no rich

EXIT_USAGE, EXIT_INTERRUPTED = 2, 130
MIN_COLUMNS, MAX_COLUMNS = 20, 1000


class Terminated(BaseException):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C, so no temporary file is left behind."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


class ClosedStdout:
    """Stands in for a closed standard output: writing a report there is a usage error."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        raise UsageError(msg("cli.stdout_closed"))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(9, "standard output is closed")

    @property
    def buffer(self) -> Any:
        return self


def guard_streams() -> None:
    """Closed and narrow standard streams made safe (see the module's docstring)."""
    if sys.stderr is None:  # fd 2 closed: messages go nowhere, never to stdout
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the run
    if sys.stdout is None:
        sys.stdout = ClosedStdout()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "中—✔".encode(encoding)
        except (UnicodeError, LookupError):
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")


def guard_environment() -> None:
    """COLUMNS that rich would turn into no output at all (0) or a huge one is corrected."""
    columns = os.environ.get("COLUMNS")
    if columns is None:
        return
    text = columns.strip()
    if not text.isascii() or not text.isdigit() or int(text) <= 0:
        del os.environ["COLUMNS"]
    else:
        os.environ["COLUMNS"] = str(min(max(int(text), MIN_COLUMNS), MAX_COLUMNS))


def requested_lang(args: Sequence[str]) -> str:
    """The language of messages before (or without) typer reading the options: the last
    ``--lang``/``-l`` of ``args`` that is zh or en, else GXCHECK_LANG, else Chinese."""
    lang = os.environ.get("GXCHECK_LANG", "")
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg in ("--lang", "-l"):
            value = args[i + 1] if i + 1 < len(args) else ""
        elif arg.startswith("--lang="):
            value = arg[len("--lang=") :]
        elif arg.startswith("-l") and not arg.startswith("--"):
            value = arg[2:]
        else:
            continue
        lang = value if value in ("zh", "en") else lang
    return lang if lang in ("zh", "en") else "zh"


def _interrupted(signum: int | None, code: int) -> NoReturn:
    """Ctrl-C (``signum`` None), SIGTERM or SIGHUP during start-up: one line, in the language
    asked for, and out."""
    try:
        if signum is None:
            message = msg("cli.interrupted")
        else:
            message = msg("cli.terminated", signal=signal.Signals(signum).name)
        sys.stderr.write(Problem("gxcheck", None, message).text(requested_lang(sys.argv[1:])) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(code)  # nothing half-loaded is worth unwinding


def main() -> None:
    """Entry point of the ``gxcheck`` command and of ``python -m gxcheck``."""
    try:
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _terminate)
        guard_streams()
        guard_environment()
        from gxcheck.cli import run
    except KeyboardInterrupt:
        _interrupted(None, EXIT_INTERRUPTED)
    except Terminated as exc:
        _interrupted(exc.signum, 128 + exc.signum)
    run(sys.argv[1:])
