"""Trends: a target's figures over the periods of the year, against its expected path."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import Enum

from gxcheck.evaluate import judge
from gxcheck.model import Actual, Better, Catalogue, Quantity, Result, Target
from gxcheck.record import record


class Direction(str, Enum):
    """Where the figures are heading, measured against the expected path."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    FLAT = "flat"


@record
class Series:
    """One target's verdicts in period order, with the direction of travel."""

    target: Target
    points: tuple[Result, ...]
    direction: Direction

    def values(self) -> list[Decimal | None]:
        return [_value(r) for r in self.points]

    def path(self) -> list[Decimal | None]:
        """What each period should have shown: the rule's expected-by-now figure or threshold."""
        return [r.rule.goal if r.rule is not None else None for r in self.points]


def _value(result: Result) -> Decimal | None:
    parsed = result.actual.parsed if result.actual is not None else None
    if isinstance(parsed, Quantity):
        return parsed.value
    if isinstance(parsed, bool):
        return Decimal(int(parsed))
    if isinstance(parsed, str) and result.target.scale is not None:
        return Decimal(result.target.scale.index(parsed))
    return None


def _margin(result: Result) -> Decimal | None:
    """How far the figure is on the good side of where it should be (negative: short).
    For an ``==`` target any distance from the goal is short."""
    value, rule = _value(result), result.rule
    if value is None or rule is None:
        return None
    goal = rule.goal
    if rule.better is Better.EXACT:
        margin = -abs(value - goal)
    else:
        margin = goal - value if rule.better is Better.LESS else value - goal
    # Relative to the goal where it can be: 5 ahead of 25 is more of a lead than 5 ahead of 100.
    return margin / abs(goal) if goal else margin


def trends(catalogue: Catalogue, actuals: Iterable[Actual]) -> list[Series]:
    """Every target with figures for more than one period, in the catalogue's order."""
    by_target: dict[str, list[Actual]] = {}
    for actual in actuals:
        by_target.setdefault(actual.target_id, []).append(actual)
    series = []
    for target in catalogue.targets:
        figures = sorted(by_target.get(target.id, []), key=lambda a: a.period)
        if len(figures) < 2:
            continue
        points = tuple(judge(target, a, a.period, catalogue.near_fraction) for a in figures)
        first, last = _margin(points[0]), _margin(points[-1])
        if first is None or last is None or first == last:
            direction = Direction.FLAT
        else:
            direction = Direction.IMPROVING if last > first else Direction.WORSENING
        series.append(Series(target, points, direction))
    return series
