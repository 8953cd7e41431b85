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
  share, a level with a baseline with baseline + (threshold − baseline) × share; growth
  rates, shares, ranks, classes and levels without a baseline as they are; a broken
  ceiling is missed at once; a milestone is pending until its deadline unless done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from gxcheck import fmt
from gxcheck.labels import STATUS_EN, STATUS_ZH
from gxcheck.model import (
    Actual,
    Bound,
    Catalogue,
    Kind,
    Op,
    Quantity,
    Result,
    Scorecard,
    Status,
    Target,
    Text,
)
from gxcheck.periods import Period

NO_FIGURE = Text("未报告数据", "no figure reported")
_GOOD = (Status.DONE, Status.MET, Status.AHEAD, Status.ON_SCHEDULE)
_GROUP = {s: ("good" if s in _GOOD else s.value) for s in Status} | {
    Status.BEHIND: "short",
    Status.MISSED: "short",
}
SHOWN_PLACES = Decimal("0.0001")


def shown_number(value: Fraction) -> Decimal:
    """An exact pro-rated figure as people read it: at most four decimal places."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(SHOWN_PLACES).normalize()


# From best to worst, for judging a bound at its worst end.
_BADNESS = [
    Status.DONE,
    Status.MET,
    Status.AHEAD,
    Status.ON_SCHEDULE,
    Status.NEAR,
    Status.BEHIND,
    Status.MISSED,
]


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
    still judged against the schedule of Q3.
    """
    if target.kind is Kind.MILESTONE:
        return _milestone(target, actual, period)
    if actual is None:
        return Result(target, Status.NO_DATA, None, NO_FIGURE, period=period)
    if target.kind is Kind.ORDINAL:
        return _ordinal(target, actual)
    return _numeric(target, actual, near_fraction)


def _milestone(target: Target, actual: Actual | None, period: Period) -> Result:
    assert target.deadline is not None
    due = target.deadline.isoformat()
    when = actual.period if actual is not None else period
    if actual is not None and actual.parsed is True:
        status = Status.MET if when.is_full_year or when.end >= target.deadline else Status.DONE
        return Result(target, status, actual, Text("已完成", "done"), period=when)
    # Whether the deadline has passed is a question about now (the scorecard's period), not
    # about when the last report was made.
    if period.end < target.deadline:
        what = Text("未报告", "not reported") if actual is None else Text("尚未完成", "not done yet")
        reason = Text(f"{what.zh}，期限 {due}", f"{what.en}; due by {due}")
        return Result(target, Status.PENDING, actual, reason, period=when)
    if actual is None:
        return Result(target, Status.NO_DATA, None, NO_FIGURE, period=when)
    if when.end < target.deadline:
        # Not done when last reported, before the deadline: whether it was done by the deadline
        # is not known, and saying "missed" would claim more than the figures show.
        reason = Text(
            f"最近一次报告（{when.label('zh')}）尚未完成，期限 {due} 后未有报告",
            f"last reported not done ({when.label('en')}); nothing reported since the deadline {due}",
        )
        return Result(target, Status.NO_DATA, actual, reason, period=when)
    return Result(
        target, Status.MISSED, actual, Text(f"未在 {due} 前完成", f"not done by {due}"), period=when
    )


def _ordinal(target: Target, actual: Actual) -> Result:
    assert target.scale is not None and isinstance(target.value, str) and isinstance(actual.parsed, str)
    position = {label: i for i, label in enumerate(target.scale)}
    # Earlier on the scale is better, so "<=" Ⅳ means Ⅳ or better.
    met = _Point(Decimal(position[actual.parsed])).satisfies(target.op, Decimal(position[target.value]))
    if target.op is Op.LE:
        reason = Text(
            f"{actual.parsed} {'优于或等于' if met else '劣于'} {target.value}",
            f"{actual.parsed} is {'at or better than' if met else 'worse than'} {target.value}",
        )
    else:
        reason = Text(
            f"{actual.parsed}，目标 {fmt.target_wording(target, 'zh')}：{'达到' if met else '未达到'}",
            f"{actual.parsed} against {fmt.target_wording(target, 'en')}: {'met' if met else 'not met'}",
        )
    when = actual.period
    if when.is_full_year:
        status = Status.MET if met else Status.MISSED
    else:
        status = Status.ON_SCHEDULE if met else Status.BEHIND
    return Result(target, status, actual, reason, period=when)


Number = Decimal | Fraction  # thresholds pro-rated by a share of the year are exact fractions


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Rule:
    """What a numeric target asks, reduced to a threshold and a near band (see ``rule_for``)."""

    target: Target
    threshold: Decimal  # met at or beyond this (strictly for > and <)
    band: Decimal  # width of the near band beyond the threshold

    @property
    def more_is_better(self) -> bool:
        return self.target.op in (Op.GE, Op.GT, Op.ABOUT)

    @property
    def op(self) -> Op:
        return self.target.op

    def year_end(self, point: _Point) -> Status:
        if point.satisfies(self.op, self.threshold):
            return Status.MET
        if self.band > 0:
            t, band = self.threshold, self.band
            if self.op is Op.EQ:
                near = point.ge(t - band) and point.le(t + band)
            elif self.more_is_better:
                near = point.ge(t - band)
            else:
                near = point.le(t + band)
            if near:
                return Status.NEAR
        return Status.MISSED

    def pro_rated(self) -> bool:
        """Whether the target accumulates over the year, so that its pace can be checked."""
        kind = self.target.kind
        return kind is Kind.INCREMENT or (kind is Kind.LEVEL and isinstance(self.target.baseline, Decimal))

    def expected(self, elapsed: Fraction) -> tuple[Fraction, Fraction]:
        """The pro-rated threshold and band by the end of a part-year period, exactly."""
        base = self.target.baseline if self.target.kind is Kind.LEVEL else Decimal(0)
        assert isinstance(base, Decimal)
        start = Fraction(base)
        return start + (Fraction(self.threshold) - start) * elapsed, Fraction(self.band) * elapsed

    def part_year(self, point: _Point, elapsed: Fraction) -> Status:
        annual = self.year_end(point)
        if self.target.kind is Kind.CEILING:
            return Status.ON_SCHEDULE if annual is Status.MET else Status.MISSED
        if self.pro_rated() and self.op is not Op.EQ:
            if self.more_is_better and annual is Status.MET:
                return Status.DONE
            if not self.more_is_better and not point.satisfies(self.op, self.threshold):
                return Status.MISSED  # a running total over its annual cap cannot come back down
            expected, band = self.expected(elapsed)
            on_pace = point.ge(expected) if self.more_is_better else point.le(expected)
            if not on_pace:
                return Status.BEHIND
            ahead = point.beyond(
                expected + band if self.more_is_better else expected - band, self.more_is_better
            )
            return Status.AHEAD if ahead else Status.ON_SCHEDULE
        if annual is not Status.MET:
            return Status.BEHIND
        edge = self.threshold + self.band if self.more_is_better else self.threshold - self.band
        return (
            Status.AHEAD
            if self.op is not Op.EQ and point.beyond(edge, self.more_is_better)
            else Status.ON_SCHEDULE
        )

    def status(self, point: _Point | None, infinite_high: bool, period: Period) -> Status:
        """The status at a point; ``None`` is −∞ or +∞ as ``infinite_high`` says."""
        if point is None:
            best = infinite_high == self.more_is_better and self.op is not Op.EQ
            if period.is_full_year:
                return Status.MET if best else Status.MISSED
            if self.target.kind is Kind.CEILING:
                return Status.ON_SCHEDULE if best else Status.MISSED
            if self.pro_rated() and self.more_is_better:
                return Status.DONE if best else Status.BEHIND
            return Status.AHEAD if best else Status.BEHIND
        return self.year_end(point) if period.is_full_year else self.part_year(point, period.elapsed)


def rule_for(target: Target, near_fraction: Decimal) -> Rule:
    """The threshold and near band of a numeric target."""
    assert isinstance(target.value, Decimal)
    value = target.value
    if target.op is Op.ABOUT:
        assert target.tolerance is not None
        band = target.near_band if target.near_band is not None else target.tolerance
        return Rule(target, value - target.tolerance, band)
    if target.near_band is not None:
        band = target.near_band
    elif target.kind is Kind.CEILING:
        band = Decimal(0)
    elif target.kind is Kind.LEVEL and isinstance(target.baseline, Decimal):
        band = abs(value - target.baseline) * near_fraction
    else:
        band = abs(value) * near_fraction
    return Rule(target, value, band)


def _numeric(target: Target, actual: Actual, near_fraction: Decimal) -> Result:
    assert isinstance(target.value, Decimal) and isinstance(actual.parsed, Quantity)
    q, when = actual.parsed, actual.period
    rule = rule_for(target, near_fraction)
    low, high = _ENDS[q.bound]
    at_low = rule.status(None if low is None else _Point(q.value, low), False, when)
    at_high = rule.status(None if high is None else _Point(q.value, high), True, when)
    by_badness = sorted((at_low, at_high), key=_BADNESS.index)
    if target.op is Op.EQ:
        best, worst = by_badness
    elif rule.more_is_better:
        worst, best = at_low, at_high
    else:
        worst, best = at_high, at_low
    # A bound is decided when every figure it allows gets a verdict of the same kind:
    # ">60" at H1 is ahead of the pace either way, whether or not it is also done.
    decided = _GROUP[worst] == _GROUP[best]
    expected = None
    if not when.is_full_year and rule.pro_rated() and target.op is not Op.EQ:
        expected = shown_number(rule.expected(when.elapsed)[0])
    # 完成率 only reads right for a positive more-is-better target (−5.5 of −5 is not "110 %").
    ratio = q.value / target.value if target.value > 0 and rule.more_is_better else None
    return Result(
        target,
        worst,
        actual,
        _reason(rule, q, worst, decided, when, expected),
        gap=q.value - target.value,
        ratio=ratio,
        decided=decided,
        period=when,
        expected=expected,
    )


def _reason(
    rule: Rule, q: Quantity, status: Status, decided: bool, when: Period, expected: Decimal | None
) -> Text:
    """One line that shows the arithmetic behind a verdict, in both languages."""
    t = rule.target
    unit = t.unit
    shown = fmt.quantity(q, unit)
    assert isinstance(t.value, Decimal)
    if expected is not None and status is not Status.DONE:
        goal = fmt.with_unit(fmt.number(expected), unit)
        formula = _formula(rule, when)
        wanted = ">=" if rule.more_is_better else "<="
        goal_zh, goal_en = f"序时进度 {goal}（{formula}）", f"{goal} expected by now ({formula})"
    elif t.op is Op.ABOUT:
        assert t.tolerance is not None
        core = f"{fmt.with_unit(fmt.number(t.value), unit)} − {fmt.number(t.tolerance)}"
        goal_zh, goal_en = f"{core}（容差）", f"{core} tolerance"
        wanted = ">="
    else:
        goal_zh = goal_en = fmt.with_unit(fmt.number(rule.threshold), unit)
        wanted = t.op.value
    if not decided:
        symbol = _SYMBOL[wanted]
        return Text(
            f"{shown} 无法判定是否 {symbol} {goal_zh}：按最不利端判为{STATUS_ZH[status]}",
            f"the bound {shown} cannot decide {symbol} {goal_en}: "
            f"judged at its worst end ({STATUS_EN[status]})",
        )
    good = status in (Status.MET, Status.DONE, Status.AHEAD, Status.ON_SCHEDULE)
    relation = _SYMBOL[wanted] if good else _NEGATION[wanted]
    zh, en = f"{shown} {relation} {goal_zh}", f"{shown} {relation} {goal_en}"
    if status is Status.NEAR:
        low, high = rule.threshold - rule.band, rule.threshold + rule.band
        if t.op is Op.EQ:
            band = fmt.with_unit(f"{fmt.number(low)}–{fmt.number(high)}", unit)
        elif rule.more_is_better:
            band = f"≥ {fmt.with_unit(fmt.number(low), unit)}"
        else:
            band = f"≤ {fmt.with_unit(fmt.number(high), unit)}"
        zh += f"；在基本完成区间内（{band}）"
        en += f"; within the near band ({band})"
    elif status is Status.DONE:
        zh += "：全年目标已完成"
        en += ": the full-year target is already reached"
    elif t.kind is Kind.CEILING and not when.is_full_year and status is Status.MISSED:
        zh += "：已突破上限，年内无法挽回"
        en += ": the ceiling is broken and cannot recover this year"
    elif not when.is_full_year and expected is None and t.kind is not Kind.CEILING:
        zh += "（不按时间折算）"
        en += " (compared as it is, not pro-rated)"
    return Text(zh, en)


def _formula(rule: Rule, when: Period) -> str:
    share = f"{when.end_month}/12"
    threshold = fmt.number(rule.threshold)
    baseline = rule.target.baseline
    if rule.target.kind is Kind.LEVEL and isinstance(baseline, Decimal):
        base = fmt.number(baseline)
        return f"{base} + ({threshold} − {base}) × {share}"
    return f"{threshold} × {share}"


_SYMBOL = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}
_NEGATION = {">=": "<", ">": "≤", "<=": ">", "<": "≥", "==": "≠"}


def describe_rule(target: Target, near_fraction: Decimal, period: Period) -> Text:
    """The rule applied to ``target`` as of ``period``, in words (for ``gxcheck explain``)."""
    if target.kind is Kind.MILESTONE:
        assert target.deadline is not None
        due = target.deadline.isoformat()
        return Text(
            f"节点任务：{due} 前完成即为完成；此前未完成为未到期",
            f"milestone: met when done by {due}; pending before then",
        )
    if target.kind is Kind.ORDINAL:
        assert target.scale is not None
        scale = " ".join(target.scale)
        return Text(
            f"等级按位置比较（越靠前越好：{scale}）", f"classes compared by position, better first ({scale})"
        )
    rule = rule_for(target, near_fraction)
    unit = target.unit
    direction = (
        Text("越高越好", "more is better") if rule.more_is_better else Text("越低越好", "less is better")
    )
    threshold = fmt.with_unit(fmt.number(rule.threshold), unit)
    band = fmt.with_unit(fmt.number(rule.band), unit)
    zh = f"{direction.zh}；全年达到 {threshold} 即完成"
    en = f"{direction.en}; met at {threshold} for the year"
    if period.is_full_year or not (rule.pro_rated() and target.op is not Op.EQ):
        zh += f"；基本完成区间宽 {band}"
        en += f"; near band {band} wide"
    if not period.is_full_year:
        if target.kind is Kind.CEILING:
            zh += "；上限一旦突破即为未完成"
            en += "; a broken ceiling is missed at once"
        elif rule.pro_rated() and target.op is not Op.EQ:
            expected_at, band_at = rule.expected(period.elapsed)
            expected = fmt.with_unit(fmt.number(shown_number(expected_at)), unit)
            ahead_at = expected_at + band_at if rule.more_is_better else expected_at - band_at
            ahead = fmt.with_unit(fmt.number(shown_number(ahead_at)), unit)
            beyond = "超过" if rule.more_is_better else "低于"
            zh += f"；序时进度 {_formula(rule, period)} = {expected}，{beyond} {ahead} 为超进度"
            en += f"; expected by now {_formula(rule, period)} = {expected}, ahead beyond {ahead}"
        elif target.kind is Kind.LEVEL:
            zh += "；没有基期值，无法折算，按年末水平比较"
            en += "; no baseline to pro-rate from: compared with the year-end level"
        else:
            zh += "；增速、比率等按全年目标直接比较，不按时间折算"
            en += "; a rate or share is compared with the annual value as it is"
    return Text(zh, en)
