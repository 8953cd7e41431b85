"""The one error hierarchy: unusable input, reported with where and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we can."""

    file: str
    line: int | None
    message: str
    column: str = ""  # a spreadsheet's column letter: ``q3.xlsx!前三季度:C5``

    def __str__(self) -> str:
        where = f"{self.file}:{self.column}{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


class GxError(Exception):
    """Base of every error gxcheck reports to a user (exit code 2)."""

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("gxcheck", None, problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        """The messages, one line each, as the CLI prints them."""
        return [str(p) for p in self.problems]


class InputError(GxError):
    """A targets or actuals file that cannot be used as it is."""


class UsageError(GxError):
    """Options that do not fit together."""
