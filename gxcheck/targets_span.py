"""The span of a multi-year plan in a targets file: the plan's years, each target's horizon and
baseline year, and the multi-year keys' checks (``times`` for 倍增, ``path: compound``).

Called by :mod:`gxcheck.targets`, which owns the located messages: every check reports through
the ``add(line, message)`` or ``bad(key, message)`` it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from gxcheck import schema
from gxcheck.errors import Message, msg
from gxcheck.model import Curve, Kind, Op, Plan, Target
from gxcheck.record import replace
from gxcheck.yamlsafe import LineDict

Add = Callable[[int | None, Message], None]
Bad = Callable[[str | None, Message], None]
_FIELD = {"horizon": "horizon", "baseline_year": "baseline_year", "path": "curve"}


def plan_span(raw: LineDict, add: Add) -> tuple[int, int | None, int | None] | None:
    """(year, first year, base year): an annual plan's year, or a multi-year plan's span."""
    lines = raw.key_lines
    years = {}
    for key in ("year", "first_year", "last_year", "base_year"):
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, int) or isinstance(value, bool) or not 1949 <= value <= 2100:
            add(lines[key], msg("targets.plan_year", key=key, value=value))
            return None
        years[key] = value
    multi = [k for k in ("first_year", "last_year", "base_year") if k in years]
    if "year" in years and multi:
        add(lines[multi[0]], msg("targets.in_plan", problem=msg("targets.year_and_span")))
        return None
    if "year" in years:
        return years["year"], None, None
    if not multi:
        add(raw.line, msg("targets.in_plan", problem=msg("targets.missing", keys="year")))
        return None
    if "first_year" not in years or "last_year" not in years:
        add(raw.line, msg("targets.in_plan", problem=msg("targets.missing_span")))
        return None
    first, last = years["first_year"], years["last_year"]
    base = years.get("base_year", first - 1)
    if last <= first:
        add(lines["last_year"], msg("targets.last_year", last=last, first=first))
        return None
    if not base < first:
        add(lines["base_year"], msg("targets.base_year", base=base, first=first))
        return None
    return last, first, base


def resolve_span(targets: list[Target], plan: Plan, add: Add) -> list[Target]:
    """In a multi-year plan every target gets its horizon and baseline year; an annual plan's
    targets may not name either (they are the plan's year and the year before)."""
    if plan.first_year is None or plan.base_year is None:
        for t in targets:
            for key in schema.MULTI_YEAR_ONLY:
                if getattr(t, _FIELD[key]) is not None:
                    problem = msg("targets.multi_year_only", key=key)
                    add(t.line, msg("targets.for_target", id=t.id, problem=problem))
        return targets
    first, last, base = plan.first_year, plan.year, plan.base_year
    resolved = []
    for t in targets:
        horizon = t.horizon if t.horizon is not None else last
        baseline_year = t.baseline_year if t.baseline_year is not None else base
        if not first <= horizon <= last:
            problem = msg("targets.horizon_outside", horizon=horizon, first=first, last=last)
            add(t.line, msg("targets.for_target", id=t.id, problem=problem))
        elif not base <= baseline_year < horizon:
            problem = msg(
                "targets.baseline_year_range", baseline_year=baseline_year, base=base, before=horizon - 1
            )
            add(t.line, msg("targets.for_target", id=t.id, problem=problem))
        resolved.append(replace(t, horizon=horizon, baseline_year=baseline_year))
    return resolved


def multiple(
    kind: Kind,
    op: Op,
    times: Decimal | None,
    value: Any,
    baseline: Decimal | str | None,
    has_value: bool,
    bad: Bad,
) -> Any:
    """倍增: ``times: 2`` makes the value 2 × the baseline (a level, more is better)."""
    if times is None:
        return value
    if times <= 0:
        bad("times", msg("targets.times_positive", times=times))
    elif has_value:
        bad("times", msg("targets.times_or_value"))
    elif kind is not Kind.LEVEL or op not in (Op.GE, Op.GT):
        bad("times", msg("targets.times_level", kind=kind.value, op=op.value))
    elif not isinstance(baseline, Decimal):
        bad("times", msg("targets.times_baseline"))
    else:
        return times * baseline
    return None


def check_curve(
    kind: Kind, curve: Curve | None, value: Any, baseline: Decimal | str | None, bad: Bad
) -> None:
    """A compound path (年均增长) grows a positive baseline to a positive value."""
    if curve is not Curve.COMPOUND:
        return
    if kind not in (Kind.LEVEL, Kind.SHARE):
        bad("path", msg("targets.compound_kind", kind=kind.value))
    elif not (isinstance(baseline, Decimal) and baseline > 0 and isinstance(value, Decimal) and value > 0):
        bad("path", msg("targets.compound_positive"))
