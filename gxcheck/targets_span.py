"""The span of a multi-year plan in a targets file: the plan's years, each target's horizon and
baseline year, and the multi-year keys' checks (``times`` for 倍增, ``path: compound``).

Called by :mod:`gxcheck.targets`, which owns the located messages: every check reports through
the ``add(line, message)`` or ``bad(key, message)`` it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from gxcheck import schema
from gxcheck.model import Curve, Kind, Op, Plan, Target
from gxcheck.yamlsafe import LineDict

Add = Callable[[int | None, str], None]
Bad = Callable[[str | None, str], None]
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
            add(lines[key], f"plan.{key} {value!r} must be a year such as 2024")
            return None
        years[key] = value
    multi = [k for k in ("first_year", "last_year", "base_year") if k in years]
    if "year" in years and multi:
        add(
            lines[multi[0]],
            "plan: give year (an annual plan) or first_year and last_year (a multi-year plan), not both",
        )
        return None
    if "year" in years:
        return years["year"], None, None
    if not multi:
        add(raw.line, "plan: missing year")
        return None
    if "first_year" not in years or "last_year" not in years:
        add(raw.line, "plan: missing year (an annual plan), or first_year and last_year (a multi-year plan)")
        return None
    first, last = years["first_year"], years["last_year"]
    base = years.get("base_year", first - 1)
    if last <= first:
        add(lines["last_year"], f"plan.last_year {last} must be after first_year {first}")
        return None
    if not base < first:
        add(lines["base_year"], f"plan.base_year {base} must be before first_year {first}")
        return None
    return last, first, base


def resolve_span(targets: list[Target], plan: Plan, add: Add) -> list[Target]:
    """In a multi-year plan every target gets its horizon and baseline year; an annual plan's
    targets may not name either (they are the plan's year and the year before)."""
    if plan.first_year is None or plan.base_year is None:
        for t in targets:
            for key in schema.MULTI_YEAR_ONLY:
                if getattr(t, _FIELD[key]) is not None:
                    add(
                        t.line,
                        f'target "{t.id}": {key} is only for a multi-year plan '
                        "(give plan.first_year and plan.last_year instead of plan.year)",
                    )
        return targets
    first, last, base = plan.first_year, plan.year, plan.base_year
    resolved = []
    for t in targets:
        horizon = t.horizon if t.horizon is not None else last
        baseline_year = t.baseline_year if t.baseline_year is not None else base
        if not first <= horizon <= last:
            add(t.line, f'target "{t.id}": horizon {horizon} is outside the plan\'s years {first}–{last}')
        elif not base <= baseline_year < horizon:
            add(
                t.line,
                f'target "{t.id}": baseline_year {baseline_year} must be from the base year {base} '
                f"to the year before the horizon ({horizon - 1})",
            )
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
        bad("times", f"times {times} must be greater than 0 (2 for 倍增)")
    elif has_value:
        bad("times", "give times or value, not both (times: 2 makes the value 2 × baseline)")
    elif kind is not Kind.LEVEL or op not in (Op.GE, Op.GT):
        bad(
            "times",
            f"times is for a level that should grow, with op >= or > (this is {kind.value} {op.value})",
        )
    elif not isinstance(baseline, Decimal):
        bad("times", "times needs a baseline: the value is times × baseline")
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
        bad("path", f"path compound is for a level or share (this kind is {kind.value})")
    elif not (isinstance(baseline, Decimal) and baseline > 0 and isinstance(value, Decimal) and value > 0):
        bad("path", "path compound needs a baseline and a value above 0, to grow from one to the other")
