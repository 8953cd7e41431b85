"""Judge actual figures against targets: a pure function, no IO.

The rules (documented in the README, "How verdicts are reached"):

* ``>=``, ``>``, ``about``: more is better. ``about`` is met from value − tolerance up;
  exceeding it is not a failure.
* ``<=``, ``<``: less is better (ceilings, 只减不增, ranks, ordinal classes).
* ``near`` (基本完成): missed, but within a band below the target (above it when less is
  better). The band is the target's ``near_band``; else the tolerance for ``about``;
  else ``near_fraction`` of the way (of value − baseline for a level with a baseline,
  of the value otherwise). A ceiling has no band: one accident is a miss.
* A published bound (``>100``) is judged at its worst end; when its best end would
  give another verdict the result says it is undecided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from gxcheck import fmt
from gxcheck.labels import STATUS_ZH
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
    """The verdict on one target, given its figure (or None) as of ``period``."""
    if target.kind is Kind.MILESTONE:
        return _milestone(target, actual, period)
    if actual is None:
        return Result(target, Status.NO_DATA, None, Text("未报告数据", "no figure reported"))
    if target.kind is Kind.ORDINAL:
        return _ordinal(target, actual)
    return _numeric(target, actual, near_fraction)


def _milestone(target: Target, actual: Actual | None, period: Period) -> Result:
    assert target.deadline is not None
    due = target.deadline.isoformat()
    if actual is not None and actual.parsed is True:
        return Result(target, Status.MET, actual, Text("已完成", "done"))
    if period.end < target.deadline:
        what = Text("未报告", "not reported") if actual is None else Text("尚未完成", "not done yet")
        return Result(
            target, Status.PENDING, actual, Text(f"{what.zh}，期限 {due}", f"{what.en}; due by {due}")
        )
    if actual is None:
        return Result(target, Status.NO_DATA, None, Text("未报告数据", "no figure reported"))
    return Result(target, Status.MISSED, actual, Text(f"未在 {due} 前完成", f"not done by {due}"))


def _ordinal(target: Target, actual: Actual) -> Result:
    assert target.scale is not None and isinstance(target.value, str) and isinstance(actual.parsed, str)
    position = {label: i for i, label in enumerate(target.scale)}
    # Earlier on the scale is better, so "<=" Ⅳ means Ⅳ or better.
    met = _compare(Decimal(position[actual.parsed]), target.op, Decimal(position[target.value]))
    verb = "met" if met else "not met"
    relation = Text(
        f"{actual.parsed} {'优于或等于' if met else '劣于'} {target.value}",
        f"{actual.parsed} is {'at or better than' if met else 'worse than'} {target.value}",
    )
    if target.op in (Op.LT, Op.GT, Op.EQ):
        relation = Text(
            f"{actual.parsed}，目标 {fmt.target_wording(target, 'zh')}",
            f"{actual.parsed} against {fmt.target_wording(target, 'en')}: {verb}",
        )
    return Result(target, Status.MET if met else Status.MISSED, actual, relation)


def _compare(x: Decimal, op: Op, t: Decimal) -> bool:
    return {
        Op.GE: x >= t,
        Op.GT: x > t,
        Op.LE: x <= t,
        Op.LT: x < t,
        Op.EQ: x == t,
    }[op]


@dataclass(frozen=True)
class _Point:
    """A value, or one infinitesimally above (+1) or below (−1) it: the ends of a bound."""

    value: Decimal
    side: int = 0

    def ge(self, t: Decimal) -> bool:
        return self.value > t or (self.value == t and self.side >= 0)

    def gt(self, t: Decimal) -> bool:
        return self.value > t or (self.value == t and self.side > 0)

    def le(self, t: Decimal) -> bool:
        return self.value < t or (self.value == t and self.side <= 0)

    def lt(self, t: Decimal) -> bool:
        return self.value < t or (self.value == t and self.side < 0)

    def eq(self, t: Decimal) -> bool:
        return self.value == t and self.side == 0


# The lower and upper ends of what a bound allows; None is an infinite end.
_ENDS: dict[Bound, tuple[int | None, int | None]] = {
    Bound.EXACT: (0, 0),
    Bound.GT: (1, None),
    Bound.GE: (0, None),
    Bound.LT: (None, -1),
    Bound.LE: (None, 0),
}


@dataclass(frozen=True)
class _Rule:
    """What a numeric target asks, reduced to thresholds."""

    target: Target
    threshold: Decimal  # met at or beyond this (strictly for > and <)
    band: Decimal  # width of the near band beyond the threshold

    @property
    def more_is_better(self) -> bool:
        return self.target.op in (Op.GE, Op.GT, Op.ABOUT)

    def status(self, point: _Point | None, infinite_high: bool) -> Status:
        """The status at a point; ``None`` is −∞ or +∞ as ``infinite_high`` says."""
        op, t = self.target.op, self.threshold
        if point is None:
            if op is Op.EQ:
                return Status.MISSED
            return Status.MET if infinite_high == self.more_is_better else Status.MISSED
        met = {
            Op.GE: point.ge,
            Op.ABOUT: point.ge,
            Op.GT: point.gt,
            Op.LE: point.le,
            Op.LT: point.lt,
            Op.EQ: point.eq,
        }[op](t)
        if met:
            return Status.MET
        if self.band > 0:
            if op is Op.EQ:
                near = point.ge(t - self.band) and point.le(t + self.band)
            elif self.more_is_better:
                near = point.ge(t - self.band)
            else:
                near = point.le(t + self.band)
            if near:
                return Status.NEAR
        return Status.MISSED


def rule_for(target: Target, near_fraction: Decimal) -> _Rule:
    """The threshold and near band of a numeric target."""
    assert isinstance(target.value, Decimal)
    value = target.value
    if target.op is Op.ABOUT:
        assert target.tolerance is not None
        band = target.near_band if target.near_band is not None else target.tolerance
        return _Rule(target, value - target.tolerance, band)
    if target.near_band is not None:
        band = target.near_band
    elif target.kind is Kind.CEILING:
        band = Decimal(0)
    elif target.kind is Kind.LEVEL and isinstance(target.baseline, Decimal):
        band = abs(value - target.baseline) * near_fraction
    else:
        band = abs(value) * near_fraction
    return _Rule(target, value, band)


def _numeric(target: Target, actual: Actual, near_fraction: Decimal) -> Result:
    assert isinstance(target.value, Decimal) and isinstance(actual.parsed, Quantity)
    q = actual.parsed
    rule = rule_for(target, near_fraction)
    low, high = _ENDS[q.bound]
    low_point = None if low is None else _Point(q.value, low)
    high_point = None if high is None else _Point(q.value, high)
    at_low = rule.status(low_point, infinite_high=False)
    at_high = rule.status(high_point, infinite_high=True)
    if target.op is Op.EQ:
        worst, best = max(at_low, at_high, key=_badness), min(at_low, at_high, key=_badness)
    elif rule.more_is_better:
        worst, best = at_low, at_high
    else:
        worst, best = at_high, at_low
    decided = worst == best
    gap = q.value - target.value
    ratio = q.value / target.value if target.value != 0 and rule.more_is_better else None
    reason = _numeric_reason(rule, q, worst, decided)
    return Result(target, worst, actual, reason, gap=gap, ratio=ratio, decided=decided)


def _badness(status: Status) -> int:
    return [Status.MET, Status.NEAR, Status.MISSED].index(status)


def _numeric_reason(rule: _Rule, q: Quantity, status: Status, decided: bool) -> Text:
    t = rule.target
    unit = t.unit
    shown = fmt.quantity(q, unit)
    if t.op is Op.ABOUT:
        assert t.tolerance is not None and isinstance(t.value, Decimal)
        goal_en = f"{fmt.with_unit(fmt.number(t.value), unit)} − {fmt.number(t.tolerance)} tolerance"
        goal_zh = f"{fmt.with_unit(fmt.number(t.value), unit)} − {fmt.number(t.tolerance)}（容差）"
        wanted = "≥"
    else:
        goal_en = goal_zh = fmt.with_unit(fmt.number(rule.threshold), unit)
        wanted = _relation(t.op, True)
    if not decided:
        return Text(
            f"{shown} 无法判定是否 {wanted} {goal_zh}：按最不利端判为{STATUS_ZH[status]}",
            f"the bound {shown} cannot decide {wanted} {goal_en}: judged at its worst end ({status.value})",
        )
    relation = wanted if status is Status.MET else _relation(t.op, False) if t.op is not Op.ABOUT else "<"
    en = f"{shown} {relation} {goal_en}"
    zh = f"{shown} {relation} {goal_zh}"
    if status is Status.NEAR:
        edge = rule.threshold - rule.band if rule.more_is_better else rule.threshold + rule.band
        sign = "≥" if rule.more_is_better else "≤"
        band = fmt.with_unit(fmt.number(edge), unit)
        en += f"; within the near band ({sign} {band})"
        zh += f"；在基本完成区间内（{sign} {band}）"
    return Text(zh, en)


def _relation(op: Op, met: bool) -> str:
    symbols = {Op.GE: ("≥", "<"), Op.GT: (">", "≤"), Op.LE: ("≤", ">"), Op.LT: ("<", "≥"), Op.EQ: ("=", "≠")}
    return symbols[op][0 if met else 1]
