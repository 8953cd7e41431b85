"""Judge actual figures against targets: a pure function, no IO.

The rules (documented in the README, "How verdicts are reached"):

* ``>=``, ``>``, ``about``: more is better. ``about`` is met from value − tolerance up;
  exceeding it is not a failure.
* ``<=``, ``<``: less is better (ceilings, 只减不增, ranks, ordinal classes).
* ``near`` (基本完成): missed, but within a band below the target (above it when less is
  better; either side for ``==``). The band is the target's ``near_band``; else the tolerance for ``about``;
  else ``near_fraction`` of the way (of value − baseline for a level with a baseline,
  of the value otherwise). A ceiling has no band unless its ``near_band`` gives one:
  one accident is a miss.
* A published bound (``>100``) is judged at its worst end; when its best end would
  give another verdict the result says it is undecided.
* Part of the year (序时进度): an increment is compared with its threshold × the elapsed
  share, a level with a baseline (rising or falling) with baseline + (threshold − baseline)
  × share; only a running total over its cap is missed at once; growth
  rates, shares, ranks, classes and levels without a baseline as they are; a broken
  ceiling is missed at once; a milestone is pending until its deadline unless done.
* A multi-year plan (中期评估) is judged the same way along its years: the share is of the
  span from the baseline year to the horizon, and :mod:`gxcheck.span` gives the path (a
  share with a baseline follows it too; a compound path for 年均增长).

Every Result carries the :class:`~gxcheck.model.Rule` it applied, as numbers and enums;
the wording of reasons and rules is the presentation layer's (``gxcheck.render.words``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction

from gxcheck import span
from gxcheck.model import (
    Actual,
    Basis,
    Better,
    Bound,
    Catalogue,
    Commitment,
    Curve,
    Kind,
    Op,
    Quantity,
    Result,
    Rule,
    Scorecard,
    Status,
    Target,
)
from gxcheck.periods import Period
from gxcheck.record import record, replace

SHOWN_PLACES = Decimal("0.0001")


def shown_number(value: Fraction) -> Decimal:
    """An exact pro-rated figure as people read it: at most four decimal places."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(SHOWN_PLACES).normalize()


def score(
    catalogue: Catalogue,
    actuals: Iterable[Actual],
    *,
    as_of: Period | None = None,
    skipped_unknown: int = 0,
) -> Scorecard:
    """Judge every target of ``catalogue`` on its latest figure at or before ``as_of``.

    ``as_of`` defaults to the latest period that any figure reports (the full
    year when there are no figures).
    """
    latest: dict[str, Actual] = {}
    for actual in actuals:
        if as_of is not None and actual.period > as_of:
            continue
        known = latest.get(actual.target_id)
        if known is None or actual.period > known.period:
            latest[actual.target_id] = actual
    period = as_of or max((a.period for a in latest.values()), default=Period(catalogue.plan.year))
    results = tuple(judge(t, latest.get(t.id), period, catalogue.near_fraction) for t in catalogue.targets)
    return Scorecard(catalogue, results, period, skipped_unknown)


def judge(target: Target, actual: Actual | None, period: Period, near_fraction: Decimal) -> Result:
    """The verdict on one target, given its latest figure (or None) as of ``period``.

    A figure is judged as of its own period: a Q3 figure in a year-end card is
    still judged against the schedule of Q3. A target without a figure still carries the
    rule it would be judged by as of ``period``.
    """
    if target.kind is Kind.MILESTONE:
        return _milestone(target, actual, period)
    if target.kind is Kind.ORDINAL:
        return _ordinal(target, actual, period)
    if actual is None:
        rule = numeric_rule(target, near_fraction).public(period)
        return Result(target, Status.NO_DATA, None, rule, period=period)
    return _numeric(target, actual, near_fraction)


def _milestone(target: Target, actual: Actual | None, period: Period) -> Result:
    assert target.deadline is not None
    when = actual.period if actual is not None else period
    due = target.is_due(when)
    basis = Basis.YEAR_END if due else Basis.DEADLINE
    rule = Rule(Op.DONE, Better.MORE, Decimal(1), basis, deadline=target.deadline, span=_span(target))
    if actual is not None and actual.parsed is True:
        status = Status.MET if due or when.end >= target.deadline else Status.DONE
        return Result(target, status, actual, rule, period=when)
    # Whether the deadline has passed is a question about now (the scorecard's period), not
    # about when the last report was made.
    if period.end < target.deadline:
        return Result(target, Status.PENDING, actual, rule, period=when)
    if actual is None or when.end < target.deadline:
        # Not done when last reported, before the deadline: whether it was done by the deadline
        # is not known, and saying "missed" would claim more than the figures show.
        return Result(target, Status.NO_DATA, actual, rule, period=when)
    return Result(target, Status.MISSED, actual, rule, period=when)


def _ordinal(target: Target, actual: Actual | None, period: Period) -> Result:
    assert target.scale is not None and isinstance(target.value, str)
    position = {label: i for i, label in enumerate(target.scale)}
    when = actual.period if actual is not None else period
    # Earlier on the scale is better, so "<=" Ⅳ means Ⅳ or better.
    better = Better.EXACT if target.op is Op.EQ else Better.LESS
    basis = Basis.YEAR_END if target.is_due(when) else Basis.AS_IS
    rule = Rule(target.op, better, Decimal(position[target.value]), basis, span=_span(target))
    if actual is None:
        return Result(target, Status.NO_DATA, None, rule, period=period)
    assert isinstance(actual.parsed, str)
    met = _Point(Decimal(position[actual.parsed])).satisfies(target.op, rule.threshold)
    if target.is_due(when):
        status = Status.MET if met else Status.MISSED
    else:
        status = Status.ON_SCHEDULE if met else Status.BEHIND
    return Result(target, status, actual, rule, period=when)


Number = Decimal | Fraction  # thresholds pro-rated by a share of the year are exact fractions


def meets(op: Op, figure: Decimal, threshold: Number) -> bool:
    """Whether an exact figure meets ``op threshold``: the test the verdicts use, for renderers
    that shade what would meet a target (the HTML chart's classes) instead of working it out."""
    return _Point(figure).satisfies(op, threshold)


@record
class _Point:
    """A value, or one infinitesimally above (+1) or below (−1) it: the ends of a bound."""

    value: Decimal
    side: int = 0

    def ge(self, t: Number) -> bool:
        return self.value > t or (self.value == t and self.side >= 0)

    def gt(self, t: Number) -> bool:
        return self.value > t or (self.value == t and self.side > 0)

    def le(self, t: Number) -> bool:
        return self.value < t or (self.value == t and self.side <= 0)

    def lt(self, t: Number) -> bool:
        return self.value < t or (self.value == t and self.side < 0)

    def satisfies(self, op: Op, t: Number) -> bool:
        if op is Op.EQ:
            return self.value == t and self.side == 0
        test: dict[Op, Callable[[Number], bool]] = {
            Op.GE: self.ge,
            Op.ABOUT: self.ge,
            Op.GT: self.gt,
            Op.LE: self.le,
            Op.LT: self.lt,
        }
        return test[op](t)

    def beyond(self, t: Number, more_is_better: bool) -> bool:
        """Strictly past ``t`` in the good direction."""
        return self.gt(t) if more_is_better else self.lt(t)


# The lower and upper ends of what a bound allows; None is an infinite end.
_ENDS: dict[Bound, tuple[int | None, int | None]] = {
    Bound.EXACT: (0, 0),
    Bound.GT: (1, None),
    Bound.GE: (0, None),
    Bound.LT: (None, -1),
    Bound.LE: (None, 0),
}


@record
class Threshold:
    """What a numeric target asks, reduced to a threshold and a band (see ``numeric_rule``).

    ``band`` is the near band's width and, during the year, the margin beyond the pace that
    counts as ahead. ``nearable`` is False for a 确保 target whose file gives no ``near_band``:
    a firm commitment that is missed is 未完成, never 基本完成, but it is still ahead only by a
    margin, like any other target.
    """

    target: Target
    threshold: Decimal  # met at or beyond this (strictly for > and <)
    band: Decimal  # width of the near band beyond the threshold
    nearable: bool = True

    @property
    def more_is_better(self) -> bool:
        return self.target.op in (Op.GE, Op.GT, Op.ABOUT)

    @property
    def op(self) -> Op:
        return self.target.op

    @property
    def better(self) -> Better:
        if self.op is Op.EQ:
            return Better.EXACT
        return Better.MORE if self.more_is_better else Better.LESS

    def year_end(self, point: _Point) -> Status:
        if point.satisfies(self.op, self.threshold):
            return Status.MET
        near = self.near()
        if near is not None and point.ge(near[0]) and point.le(near[1]):
            return Status.NEAR
        return Status.MISSED

    def near(self) -> tuple[Decimal, Decimal] | None:
        """The near band as (low, high), or None when there is none."""
        if self.band <= 0 or not self.nearable:
            return None
        t, band = self.threshold, self.band
        if self.op is Op.EQ:
            return t - band, t + band
        return (t - band, t) if self.more_is_better else (t, t + band)

    def pro_rated(self) -> bool:
        """Whether the target accumulates over the year, so that its pace can be checked."""
        kind = self.target.kind
        if self.target.multi_year:
            return span.on_path(self.target) and self.op is not Op.EQ
        with_baseline = kind is Kind.LEVEL and isinstance(self.target.baseline, Decimal)
        accumulates = kind is Kind.INCREMENT or with_baseline
        return accumulates and self.op is not Op.EQ

    @property
    def capped_total(self) -> bool:
        """A running total with a cap (at most N new in the year or the plan): once over the cap
        it cannot come back down, and under it it is never done early. A level or share that
        should fall (PM2.5 35 → ≤ 30, 能耗) is on its way down, not over a cap: it follows its
        path like a rising one, in an annual plan as in a multi-year one."""
        return self.target.kind is Kind.INCREMENT and not self.more_is_better

    def start(self) -> Decimal:
        if self.target.multi_year:
            return span.start(self.target)
        base = self.target.baseline if self.target.kind is Kind.LEVEL else Decimal(0)
        assert isinstance(base, Decimal)
        return base

    def expected(self, elapsed: Fraction) -> tuple[Fraction, Fraction]:
        """The pro-rated threshold and band by the end of a part-year period, exactly."""
        if self.target.multi_year:
            return span.expected(self.target, self.threshold, elapsed), Fraction(self.band) * elapsed
        start = Fraction(self.start())
        return start + (Fraction(self.threshold) - start) * elapsed, Fraction(self.band) * elapsed

    def basis(self, period: Period) -> Basis:
        if self.target.is_due(period):
            return Basis.YEAR_END
        if self.target.kind is Kind.CEILING:
            return Basis.CEILING
        return Basis.PRO_RATED if self.pro_rated() else Basis.AS_IS

    def ahead_edge(self, elapsed: Fraction) -> Number | None:
        """Part-year: strictly beyond this figure the target is ahead of schedule. Beyond the
        goal by the (pro-rated) near band; for 左右, beyond the top of the band (value +
        tolerance, pro-rated): inside the band is on schedule, wherever it lies."""
        if self.target.kind is Kind.CEILING or self.op is Op.EQ:
            return None
        if self.op is Op.ABOUT:
            assert self.target.tolerance is not None and isinstance(self.target.value, Decimal)
            top = self.target.value + self.target.tolerance
            if not self.pro_rated():
                return Fraction(top)
            if self.target.multi_year:
                return span.expected(self.target, top, elapsed)
            start = Fraction(self.start())
            return start + (Fraction(top) - start) * elapsed
        if self.pro_rated():
            goal, band = self.expected(elapsed)
        else:
            goal, band = Fraction(self.threshold), Fraction(self.band)
        return goal + band if self.more_is_better else goal - band

    def on_pace(self, point: _Point, expected: Fraction) -> bool:
        """At or beyond the expected-by-now figure, as strictly as the target asks: 超100 pro-rated
        to 50 by June is not reached by exactly 50. Where nothing is due yet (the start of a
        multi-year path) the starting figure itself is on pace."""
        if expected == Fraction(self.start()):
            return point.ge(expected) if self.more_is_better else point.le(expected)
        test = {Op.GT: point.gt, Op.LT: point.lt, Op.LE: point.le}.get(self.op, point.ge)
        return test(expected)

    def part_year(self, point: _Point, elapsed: Fraction) -> Status:
        annual = self.year_end(point)
        if self.target.kind is Kind.CEILING:
            return Status.ON_SCHEDULE if annual is Status.MET else Status.MISSED
        if self.pro_rated():
            if annual is Status.MET and not self.capped_total:
                return Status.DONE
            if self.capped_total and not point.satisfies(self.op, self.threshold):
                return Status.MISSED  # a running total over its cap cannot come back down
            if not self.on_pace(point, self.expected(elapsed)[0]):
                return Status.BEHIND
        elif annual is not Status.MET:
            return Status.BEHIND
        edge = self.ahead_edge(elapsed)
        ahead = edge is not None and point.beyond(edge, self.more_is_better)
        return Status.AHEAD if ahead else Status.ON_SCHEDULE

    def status(self, point: _Point | None, infinite_high: bool, period: Period) -> Status:
        """The status at a point; ``None`` is −∞ or +∞ as ``infinite_high`` says."""
        if point is None:
            best = infinite_high == self.more_is_better and self.op is not Op.EQ
            if self.target.is_due(period):
                return Status.MET if best else Status.MISSED
            if self.target.kind is Kind.CEILING:
                return Status.ON_SCHEDULE if best else Status.MISSED
            if self.pro_rated() and self.capped_total:
                return Status.AHEAD if best else Status.MISSED  # +∞ is over the cap
            if self.pro_rated():
                return Status.DONE if best else Status.BEHIND
            return Status.AHEAD if best else Status.BEHIND
        if self.target.is_due(period):
            return self.year_end(point)
        return self.part_year(point, self.target.elapsed(period))

    def ratio_from(self) -> Decimal:
        """What 完成率 is measured from: the baseline of a level that has one (科企 2515 → 3000
        with 2700 is 38 % of the way, not 90 %), else zero."""
        if _along_the_way(self.target):
            assert isinstance(self.target.baseline, Decimal)
            return self.target.baseline
        return Decimal(0)

    def ratio(self, figure: Decimal) -> Decimal | None:
        """完成率, only where it reads right: a more-is-better target with a way to go (−5.5 of
        −5 is not "110 %", and a level whose baseline is at or above its value has none)."""
        assert isinstance(self.target.value, Decimal)
        start = self.ratio_from()
        way = self.target.value - start
        return (figure - start) / way if way > 0 and self.more_is_better else None

    def public(self, period: Period) -> Rule:
        """The rule as applied in ``period``, for the Result."""
        ratio_from = self.ratio_from()
        due, elapsed = self.target.is_due(period), self.target.elapsed(period)
        rule = Rule(
            self.op,
            self.better,
            self.threshold,
            self.basis(period),
            near=self.near() if due else None,
            ratio_from=ratio_from,
            span=_span(self.target),
        )
        if due:
            return rule
        edge = self.ahead_edge(elapsed)
        ahead = shown_number(Fraction(edge)) if edge is not None else None
        if not self.pro_rated():
            return replace(rule, ahead_beyond=ahead)
        multi_year = self.target.multi_year
        return replace(
            rule,
            expected=shown_number(self.expected(elapsed)[0]),
            start=self.start(),
            share=span.share_months(self.target, elapsed) if multi_year else (period.end_month, 12),
            ahead_beyond=ahead,
            curve=(self.target.curve or Curve.LINEAR) if multi_year else None,
        )


def numeric_rule(target: Target, near_fraction: Decimal) -> Threshold:
    """The threshold and near band of a numeric target."""
    assert isinstance(target.value, Decimal)
    value = target.value
    if target.op is Op.ABOUT:
        assert target.tolerance is not None
        band = target.near_band if target.near_band is not None else target.tolerance
        return Threshold(target, value - target.tolerance, band, _nearable(target))
    if target.near_band is not None:
        band = target.near_band
    elif target.kind is Kind.CEILING:
        band = Decimal(0)
    elif _along_the_way(target):
        assert isinstance(target.baseline, Decimal)
        band = abs(value - target.baseline) * near_fraction
    else:
        band = abs(value) * near_fraction
    return Threshold(target, value, band, _nearable(target))


def _nearable(target: Target) -> bool:
    """确保 has no 基本完成 unless the targets file gives it a ``near_band``."""
    return target.commitment is not Commitment.ENSURE or target.near_band is not None


def _along_the_way(target: Target) -> bool:
    """A level with a baseline, or in a multi-year plan a share with one: its near band is a
    part of the way from the baseline to the value."""
    kind_fits = target.kind is Kind.LEVEL or (target.multi_year and target.kind is Kind.SHARE)
    return kind_fits and isinstance(target.baseline, Decimal)


def _span(target: Target) -> tuple[int, int] | None:
    if target.horizon is None or target.baseline_year is None:
        return None
    return target.baseline_year, target.horizon


def _decided(worst: Status, best: Status) -> bool:
    """A bound is decided when every figure it allows gets a verdict of the same kind:
    ">60" at H1 is ahead of the pace either way, whether or not it is also done; behind
    or missed, it is short either way."""
    if worst.good or best.good:
        return worst.good and best.good
    short = (Status.BEHIND, Status.MISSED)
    return worst is best or (worst in short and best in short)


def _numeric(target: Target, actual: Actual, near_fraction: Decimal) -> Result:
    assert isinstance(target.value, Decimal) and isinstance(actual.parsed, Quantity)
    q, when = actual.parsed, actual.period
    rule = numeric_rule(target, near_fraction)
    low, high = _ENDS[q.bound]
    at_low = rule.status(None if low is None else _Point(q.value, low), False, when)
    at_high = rule.status(None if high is None else _Point(q.value, high), True, when)
    if target.op is Op.EQ:
        best, worst = sorted((at_low, at_high), key=_BADNESS.index)
    elif rule.more_is_better:
        worst, best = at_low, at_high
    else:
        worst, best = at_high, at_low
    applied = rule.public(when)
    return Result(
        target,
        worst,
        actual,
        applied,
        gap=q.value - target.value,
        ratio=rule.ratio(q.value),
        decided=_decided(worst, best),
        period=when,
    )


# From best to worst, for ordering the two ends of a bound on an ``==`` target.
_BADNESS = [
    Status.DONE,
    Status.MET,
    Status.AHEAD,
    Status.ON_SCHEDULE,
    Status.NEAR,
    Status.BEHIND,
    Status.MISSED,
]
