"""What a draft holds: targets read from the plan's wording, and the numbers left out, with why."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from gxcheck.model import Commitment, Kind, Op, Text
from gxcheck.record import record


@record
class Horizon:
    """The year a target is due when it is not the plan's year: 到2027年, 2023—2027年, 十四五期间."""

    last: int
    first: int | None
    words: str  # the plan's words, verbatim


@record
class DraftTarget:
    """One target as the wording rules read it; ``notes`` say what was inferred."""

    area: str
    name: str
    kind: Kind
    op: Op
    value: Decimal | str | bool
    unit: str
    commitment: Commitment
    quote: str
    start: int  # offset of the quote in the text
    notes: tuple[Text, ...]
    review: bool = False  # a reading a person must confirm (placeholder, rank, class ...)
    tolerance: Decimal | None = None
    scale: tuple[str, ...] | None = None
    deadline: dt.date | None = None
    horizon: Horizon | None = None


@record
class Exclusion:
    """Text with a number that did not become a target, and why."""

    quote: str
    reason: Text
    start: int
    numbers: int = 1  # how many numbers the quote stands for (a whole review part: many)


@record
class DraftArea:
    id: str
    title: str
    numbered: bool  # the plan gives it a heading of its own, (一) or 一、


@record
class Draft:
    """A whole draft, in the plan's order."""

    title: str
    year: int  # an annual plan's year; a multi-year plan's last year
    published: dt.date | None
    publisher: str | None
    url: str | None
    areas: tuple[DraftArea, ...]
    targets: tuple[tuple[str, DraftTarget], ...]  # (id, target)
    excluded: tuple[Exclusion, ...]
    source: str
    year_guessed: bool = False
    first_year: int | None = None  # a multi-year plan's first year (its span is in its title)
    warnings: tuple[str, ...] = ()

    def needs_review(self) -> int:
        return sum(1 for _, t in self.targets if t.review)
