"""The one error hierarchy: unusable input, reported with where and how to fix it.

A message is a key of the catalogue (:mod:`gxcheck.messages`) and its fields; it is worded
only when shown, in the reader's language, so the loaders need not know the language and
the ``file:line:`` part is the same in every one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """A catalogue message by its key, with the fields its wording needs."""

    key: str
    fields: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = "en") -> str:
        """The message worded in ``lang`` (zh or en); a field that is itself a Message is
        worded in the same language."""
        from gxcheck.messages import word

        return word(
            self.key, {k: v.text(lang) if isinstance(v, Message) else v for k, v in self.fields}, lang
        )

    def __str__(self) -> str:
        return self.text("en")


def msg(key: str, /, **fields: object) -> Message:
    """A message: ``msg("periods.unreadable", text=raw, forms=msg("periods.forms", y=2024))``."""
    return Message(key, tuple(fields.items()))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we can."""

    file: str
    line: int | None
    message: Message | str  # str: only while the loaders move to the catalogue
    column: str = ""  # a spreadsheet's column letter: ``q3.xlsx!前三季度:C5``

    def where(self) -> str:
        return f"{self.file}:{self.column}{self.line}" if self.line is not None else self.file

    def text(self, lang: str = "en") -> str:
        """``file:line: message``, the message in ``lang``; the location is the same in both."""
        message = self.message.text(lang) if isinstance(self.message, Message) else self.message
        return f"{self.where()}: {message}"

    def __str__(self) -> str:
        return self.text("en")


class GxError(Exception):
    """Base of every error gxcheck reports to a user (exit code 2)."""

    def __init__(self, problems: list[Problem] | Message | str) -> None:
        if isinstance(problems, (Message, str)):
            problems = [Problem("gxcheck", None, problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self, lang: str = "en") -> list[str]:
        """The messages, one line each, as the CLI prints them, in ``lang`` (zh or en)."""
        return [p.text(lang) for p in self.problems]


class InputError(GxError):
    """A targets or actuals file that cannot be used as it is."""


class UsageError(GxError):
    """Options that do not fit together."""
