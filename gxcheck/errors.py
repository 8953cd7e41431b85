"""The one error hierarchy: unusable input, reported with where and how to fix it.

A message is a key of the catalogue (:mod:`gxcheck.messages`) and its fields; it is worded
only when shown, in the reader's language, so the loaders need not know the language and
the ``file:line:`` part is the same in every one.
"""

from __future__ import annotations

from collections.abc import Iterable

from gxcheck.record import record


@record
class Message:
    """A catalogue message by its key, with the fields its wording needs."""

    key: str
    fields: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = "en") -> str:
        """The message worded in ``lang`` (zh or en); a field that is itself a Message or a
        Listing is worded in the same language."""
        from gxcheck.messages import word

        worded = {k: v.text(lang) if isinstance(v, (Message, Listing)) else v for k, v in self.fields}
        return word(self.key, worded, lang)

    def __str__(self) -> str:
        return self.text("en")


class Listing(tuple[str, ...]):
    """Items a message lists (allowed values, sheet names), joined in the reader's language:
    ``a, b, c`` in English, ``a、b、c`` in Chinese."""

    def text(self, lang: str = "en") -> str:
        return ("、" if lang == "zh" else ", ").join(self)

    def __str__(self) -> str:
        return self.text("en")


def listing(items: Iterable[object]) -> Listing:
    """The items as a message field: ``msg("…", allowed=listing(ALLOWED_COLUMNS))``."""
    return Listing(str(item) for item in items)


def msg(key: str, /, **fields: object) -> Message:
    """A message: ``msg("periods.unreadable", text=raw, forms=msg("periods.forms", y=2024))``."""
    return Message(key, tuple(fields.items()))


@record
class Problem:
    """One thing wrong with an input file, located as precisely as we can."""

    file: str
    line: int | None
    message: Message
    column: str = ""  # a spreadsheet's column letter: ``q3.xlsx!前三季度:C5``

    def where(self) -> str:
        return f"{self.file}:{self.column}{self.line}" if self.line is not None else self.file

    def text(self, lang: str = "en") -> str:
        """``file:line: message``, the message in ``lang``; the location is the same in both."""
        return f"{self.where()}: {self.message.text(lang)}"

    def __str__(self) -> str:
        return self.text("en")


class GxError(Exception):
    """Base of every error gxcheck reports to a user (exit code 2)."""

    def __init__(self, problems: list[Problem] | Message) -> None:
        if isinstance(problems, Message):
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
