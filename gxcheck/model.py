"""The domain: targets of a plan, actual figures, and the verdicts on them.

Numbers are :class:`decimal.Decimal` throughout so that "exactly at the target" is
exact: 7.5 compared with 8 − 0.5 must not depend on binary floating point.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from gxcheck.periods import Period, parse_period, span_elapsed
from gxcheck.record import record


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
    STOCK = "stock"  # known from January (续建, 储备): compared as it is, never pro-rated
    SHARE = "share"
    CEILING = "ceiling"
    RANK = "rank"
    ORDINAL = "ordinal"
    MILESTONE = "milestone"


class Curve(str, Enum):
    """How a multi-year target's expected figure moves from its baseline to its value."""

    LINEAR = "linear"  # a level or share: the same step each year
    COMPOUND = "compound"  # 年均增长: the same growth rate each year


class Commitment(str, Enum):
    """The plan's commitment word: 确保 (ensure), 力争 (strive) or none (plain)."""

    ENSURE = "ensure"
    STRIVE = "strive"
    PLAIN = "plain"


class Status(str, Enum):
    """A verdict. Year-end: met, near, missed. Part-year (序时进度): done, ahead,
    on-schedule, behind. Either: pending (a milestone not yet due), no-data.

    Its groups, so that no renderer spells them out again:

    * ``good``: met, done, ahead, on-schedule; these never fail a run.
    * ``judged``: every status but pending and no-data (a figure was compared with a rule).
    * ``severity``: 0 for the good ones, then pending 1 < no-data 2 < behind 3 < near 4 <
      missed 5. Behind is a pace that can still be made up; near (基本完成) and missed are
      final. ``at_least`` is what ``--fail-on`` names: a status and every worse one.
    """

    MET = "met"
    DONE = "done"
    AHEAD = "ahead"
    ON_SCHEDULE = "on-schedule"
    NEAR = "near"
    BEHIND = "behind"
    MISSED = "missed"
    PENDING = "pending"
    NO_DATA = "no-data"

    @property
    def good(self) -> bool:
        return _SEVERITY[self] == 0

    @property
    def judged(self) -> bool:
        return self not in (Status.PENDING, Status.NO_DATA)

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    def at_least(self) -> frozenset[Status]:
        """This status and every worse one: what ``--fail-on <status>`` fails on."""
        return frozenset(s for s in Status if s.severity >= self.severity)

    @classmethod
    def by_severity(cls) -> tuple[Status, ...]:
        """The statuses that can fail a run, least severe first (the documented order)."""
        return tuple(sorted((s for s in cls if not s.good), key=lambda s: s.severity))


_SEVERITY = {
    Status.MET: 0,
    Status.DONE: 0,
    Status.AHEAD: 0,
    Status.ON_SCHEDULE: 0,
    Status.PENDING: 1,
    Status.NO_DATA: 2,
    Status.BEHIND: 3,
    Status.NEAR: 4,
    Status.MISSED: 5,
}


class Better(str, Enum):
    """Which way a figure improves: more, less, or exactly at the value (``==``)."""

    MORE = "more"
    LESS = "less"
    EXACT = "exact"


class Basis(str, Enum):
    """What the figure of the judged period was compared with.

    * ``year-end``: the full year, against the threshold.
    * ``pro-rated``: part of the year, against the expected-by-now figure (序时进度).
    * ``as-is``: part of the year, against the annual threshold as it is (rates, shares, ranks,
      classes, stocks, levels without a baseline, ``==`` targets).
    * ``ceiling``: part of the year, a cap: broken once, missed at once.
    * ``deadline``: a milestone, done or not by its deadline.
    """

    YEAR_END = "year-end"
    PRO_RATED = "pro-rated"
    AS_IS = "as-is"
    CEILING = "ceiling"
    DEADLINE = "deadline"


class Bound(str, Enum):
    """Whether a figure is exact or only a published bound (超100 is ``>`` 100)."""

    EXACT = "="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="


@record
class Text:
    """A name in both languages."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@record
class Plan:
    """``year`` is the year the plan's targets are due: an annual plan's year, a multi-year
    plan's last year. A multi-year plan also has its first year and its base year."""

    title: Text
    year: int
    published: dt.date
    publisher: Text | None = None
    url: str | None = None
    first_year: int | None = None
    base_year: int | None = None

    @property
    def is_multi_year(self) -> bool:
        return self.first_year is not None

    @property
    def earliest_year(self) -> int:
        """The first year a figure may describe: a multi-year plan's base year."""
        return self.base_year if self.base_year is not None else self.year

    def period(self, raw: str) -> Period:
        """Read a period of this plan: its year, or any year from the base year to the last."""
        return parse_period(raw, self.year, self.base_year)

    def years_label(self, lang: str) -> str:
        """``2024年`` / ``2024``, or ``2023—2027年`` / ``2023–2027``."""
        if self.first_year is None:
            return f"{self.year}年" if lang == "zh" else str(self.year)
        return f"{self.first_year}—{self.year}年" if lang == "zh" else f"{self.first_year}–{self.year}"


@record
class Area:
    """A group of targets. ``numbered`` areas are counted （一）, （二）… in the plan's order;
    an unnumbered one (a plan's headline targets) is shown by its title alone."""

    id: str
    title: Text
    numbered: bool = True


@record
class Exclusion:
    """Words of the plan that hold a number but are not a target, and why."""

    quote: str
    reason: Text
    line: int | None = None


@record
class Target:
    """One checkable target of the plan, as declared in the targets file."""

    id: str
    area: str
    name: Text
    kind: Kind
    op: Op
    value: Decimal | str | bool
    unit: str  # the plan's own, in Chinese
    commitment: Commitment
    quote: str
    tolerance: Decimal | None = None
    baseline: Decimal | str | None = None
    scale: tuple[str, ...] | None = None
    deadline: dt.date | None = None
    near_band: Decimal | None = None
    note: Text | None = None  # how the file reads the plan; a plain string is the same in both
    line: int | None = None
    # A multi-year plan's target: due at the end of ``horizon``, measured from the end of
    # ``baseline_year`` (the plan's base year unless the file names another). None in an annual plan.
    horizon: int | None = None
    baseline_year: int | None = None
    curve: Curve | None = None  # None: linear where a path applies
    times: Decimal | None = None  # 倍增: the value is times × baseline
    unit_en: str | None = None  # the unit in English, where the built-in table has none or says it badly

    @property
    def less_is_better(self) -> bool:
        return self.op in (Op.LE, Op.LT)

    @property
    def multi_year(self) -> bool:
        return self.horizon is not None

    def elapsed(self, period: Period) -> Fraction:
        """The share of the target's time that has passed by the period's end: of the year in
        an annual plan, of the span from the baseline year to the horizon in a multi-year one."""
        if self.horizon is None or self.baseline_year is None:
            return period.elapsed
        return span_elapsed(period, self.baseline_year, self.horizon)

    def is_due(self, period: Period) -> bool:
        """Whether the period reaches the target's end (the year's, or the horizon's)."""
        if self.horizon is None:
            return period.is_full_year
        return self.elapsed(period) >= 1


@record
class Catalogue:
    """A whole targets file: the plan, its areas in order, its targets in order."""

    plan: Plan
    areas: tuple[Area, ...]
    targets: tuple[Target, ...]
    near_fraction: Decimal
    path: str  # as messages and reports show it; for a bundled catalogue a label, not a path
    excluded: tuple[Exclusion, ...] = ()
    bundled: bool = False  # shipped with gxcheck: no file of that name in the user's directory

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


@record
class Quantity:
    """A numeric figure in the target's unit, exact or a published bound."""

    value: Decimal
    bound: Bound = Bound.EXACT


@record
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


@record
class Rule:
    """The rule a verdict applied, as numbers and enums (the renderers word it).

    For a numeric target every figure is in the target's unit. For an ordinal target the
    figures are positions on its scale (0 is the best class); for a milestone the threshold
    is 1 (done) and ``deadline`` the date it is due.

    * ``op``: the comparison with ``threshold`` (``about`` is compared as ``>=`` its lower end).
    * ``threshold``: the annual figure met at or beyond it (strictly for ``>`` and ``<``):
      the value, or value − tolerance for ``about``.
    * ``basis``: what the judged period's figure was compared with (see :class:`Basis`).
    * ``expected``: for ``pro-rated``, the figure due by the period's end (four decimals):
      ``start + (threshold − start) × share``.
    * ``start``: where the pro-rating starts (the baseline of a level, else 0).
    * ``share``: the elapsed part of the year as (months passed, months in the year); in a
      multi-year plan, of the span (2024 from 2022 to 2027: months 24 of 60).
    * ``span``: a multi-year target's (baseline year, horizon); None in an annual plan.
    * ``curve``: the path of a multi-year ``pro-rated`` target: linear or compound (年均增长);
      ``expected`` is then ``start × (threshold ÷ start)^share`` for compound.
    * ``near``: the near band (基本完成) as (low, high) figures, or None when there is none;
      at year end only (part-year verdicts have no near).
    * ``ahead_beyond``: part-year, the figure beyond which (strictly) the target is ahead
      (超进度); None when no ahead verdict is possible.
    * ``ratio_from``: 完成率 = (actual − ratio_from) ÷ (value − ratio_from): the baseline of a
      level that has one (the ratio is measured on the increase), else 0.
    """

    op: Op
    better: Better
    threshold: Decimal
    basis: Basis
    expected: Decimal | None = None
    start: Decimal | None = None
    share: tuple[int, int] | None = None
    near: tuple[Decimal, Decimal] | None = None
    ahead_beyond: Decimal | None = None
    ratio_from: Decimal | None = None
    deadline: dt.date | None = None
    span: tuple[int, int] | None = None
    curve: Curve | None = None

    @property
    def goal(self) -> Decimal:
        """What the judged figure had to reach: the expected-by-now figure, else the threshold."""
        return self.expected if self.expected is not None else self.threshold


@record
class Result:
    """The verdict on one target, and the rule it applied (``rule``).

    ``gap`` is actual − value; ``ratio`` is 完成率 (see :class:`Rule`, ``ratio_from``), only
    for a positive more-is-better target. ``decided`` is False when the figure is a bound
    (超100) whose best end would get another verdict: the status is its worst end's.
    ``rule`` is None only for a target the evaluator could not compare (never for the
    bundled kinds).
    """

    target: Target
    status: Status
    actual: Actual | None
    rule: Rule | None = None
    gap: Decimal | None = None
    ratio: Decimal | None = None
    decided: bool = True
    period: Period | None = None  # the period judged: the actual's, else the scorecard's

    @property
    def expected(self) -> Decimal | None:
        """Part-year: the pro-rated figure the judged figure was compared with (None without
        a figure, although ``rule`` still says what a figure would be compared with)."""
        if self.actual is None or self.rule is None:
            return None
        return self.rule.expected


@record
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
