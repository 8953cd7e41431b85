"""The domain: targets of a plan, actual figures, and the verdicts on them.

Numbers are :class:`decimal.Decimal` throughout so that "exactly at the target" is
exact: 7.5 compared with 8 − 0.5 must not depend on binary floating point.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from gxcheck.periods import Period


class Op(str, Enum):
    """How an actual is compared with a target's value."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "=="
    ABOUT = "about"
    DONE = "done"


class Kind(str, Enum):
    """What the figure measures; decides how it is pro-rated during the year."""

    GROWTH = "growth"
    INCREMENT = "increment"
    LEVEL = "level"
    SHARE = "share"
    CEILING = "ceiling"
    RANK = "rank"
    ORDINAL = "ordinal"
    MILESTONE = "milestone"


class Commitment(str, Enum):
    """The plan's commitment word: 确保 (ensure), 力争 (strive) or none (plain)."""

    ENSURE = "ensure"
    STRIVE = "strive"
    PLAIN = "plain"


class Status(str, Enum):
    """A verdict. Year-end: met, near, missed. Part-year (序时进度): done, ahead,
    on-schedule, behind. Either: pending (a milestone not yet due), no-data."""

    MET = "met"
    DONE = "done"
    AHEAD = "ahead"
    ON_SCHEDULE = "on-schedule"
    NEAR = "near"
    BEHIND = "behind"
    MISSED = "missed"
    PENDING = "pending"
    NO_DATA = "no-data"


class Bound(str, Enum):
    """Whether a figure is exact or only a published bound (超100 is ``>`` 100)."""

    EXACT = "="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="


@dataclass(frozen=True)
class Text:
    """A name in both languages."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Plan:
    title: Text
    year: int
    published: dt.date
    publisher: Text | None = None
    url: str | None = None


@dataclass(frozen=True)
class Area:
    """A group of targets. ``numbered`` areas are counted （一）, （二）… in the plan's order;
    an unnumbered one (a plan's headline targets) is shown by its title alone."""

    id: str
    title: Text
    numbered: bool = True


@dataclass(frozen=True)
class Exclusion:
    """Words of the plan that hold a number but are not a target, and why."""

    quote: str
    reason: Text
    line: int | None = None


@dataclass(frozen=True)
class Target:
    """One checkable target of the plan, as declared in the targets file."""

    id: str
    area: str
    name: Text
    kind: Kind
    op: Op
    value: Decimal | str | bool
    unit: str
    commitment: Commitment
    quote: str
    tolerance: Decimal | None = None
    baseline: Decimal | str | None = None
    scale: tuple[str, ...] | None = None
    deadline: dt.date | None = None
    near_band: Decimal | None = None
    note: Text | None = None  # how the file reads the plan; a plain string is the same in both
    line: int | None = None

    @property
    def less_is_better(self) -> bool:
        return self.op in (Op.LE, Op.LT)


@dataclass(frozen=True)
class Catalogue:
    """A whole targets file: the plan, its areas in order, its targets in order."""

    plan: Plan
    areas: tuple[Area, ...]
    targets: tuple[Target, ...]
    near_fraction: Decimal
    path: str
    excluded: tuple[Exclusion, ...] = ()

    def area_number(self, area_id: str) -> int | None:
        """The area's place among the numbered areas (1-based), or None if it is unnumbered."""
        number = 0
        for area in self.areas:
            number += area.numbered
            if area.id == area_id:
                return number if area.numbered else None
        return None

    def target(self, target_id: str) -> Target | None:
        return self._by_id.get(target_id)

    @property
    def _by_id(self) -> dict[str, Target]:
        cached: dict[str, Target] | None = self.__dict__.get("_by_id_cache")
        if cached is None:
            cached = {t.id: t for t in self.targets}
            object.__setattr__(self, "_by_id_cache", cached)
        return cached


@dataclass(frozen=True)
class Quantity:
    """A numeric figure in the target's unit, exact or a published bound."""

    value: Decimal
    bound: Bound = Bound.EXACT


@dataclass(frozen=True)
class Actual:
    """One reported figure for one target and period, as read from a CSV row.

    ``parsed`` is a Quantity for numeric targets, a bool for milestones and a
    scale label for ordinal targets.
    """

    target_id: str
    period: Period
    raw: str
    parsed: Quantity | bool | str
    note: str = ""
    source: str = ""
    file: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Result:
    """The verdict on one target."""

    target: Target
    status: Status
    actual: Actual | None
    reason: Text
    gap: Decimal | None = None
    ratio: Decimal | None = None
    decided: bool = True
    period: Period | None = None  # the period judged: the actual's, else the scorecard's
    expected: Decimal | None = None  # part-year: the pro-rated figure due by the period's end


@dataclass(frozen=True)
class Scorecard:
    """Every target's result, in the catalogue's order."""

    catalogue: Catalogue
    results: tuple[Result, ...]
    period: Period
    skipped_unknown: int = 0

    def tally(self, area: str | None = None) -> Counter[Status]:
        counts: Counter[Status] = Counter({s: 0 for s in Status})
        for r in self.results:
            if area is None or r.target.area == area:
                counts[r.status] += 1
        return counts

    def by_area(self) -> list[tuple[Area, list[Result]]]:
        """Areas in the plan's order, each with its results; empty areas left out."""
        groups = [(a, [r for r in self.results if r.target.area == a.id]) for a in self.catalogue.areas]
        return [(a, rs) for a, rs in groups if rs]

    def failing(self, fail_on: frozenset[Status]) -> list[Result]:
        return [r for r in self.results if r.status in fail_on]
