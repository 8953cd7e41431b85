"""Multi-year plans (中期评估): where a target should be by a point of its span.

A target of a multi-year plan runs from the end of its baseline year to the end of its
horizon; :meth:`Target.elapsed` gives the share of that span passed, exactly (2024 in a
plan measured from 2022 to 2027 is 2/5). The expected-by-now figure at that share:

* a level or share with a baseline: baseline + (value − baseline) × share (linear), or
  baseline × (value ÷ baseline)^share with ``path: compound`` (年均增长: the same growth
  rate every year, so the path bends below the straight line for a rising target);
* a running total over the plan (kind increment, 五年累计): value × share;
* anything else (a growth rate in a given year, a rank, a class, a ceiling, a level or
  share without a baseline) is compared with the value as it is;
* a milestone is pending until its deadline (the horizon's end) unless it is done.

Pure arithmetic, no IO: :mod:`gxcheck.evaluate` applies it like the year's 序时进度 and
puts what it applied on the Result's rule (``share``, ``span``, ``curve``).
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

from gxcheck.model import Curve, Kind, Target


def on_path(target: Target) -> bool:
    """Whether a multi-year target's figure moves along a path towards its value."""
    if target.kind is Kind.INCREMENT:
        return True
    return target.kind in (Kind.LEVEL, Kind.SHARE) and isinstance(target.baseline, Decimal)


def share_months(target: Target, share: Fraction) -> tuple[int, int]:
    """The share as (months passed, months in the span): 2024 in 2022–2027 is (24, 60)."""
    assert target.horizon is not None and target.baseline_year is not None
    months = (target.horizon - target.baseline_year) * 12
    passed = share * months
    assert passed.denominator == 1
    return passed.numerator, months


def start(target: Target) -> Decimal:
    """Where the path starts: the baseline of a level or share, 0 for a running total."""
    if target.kind is Kind.INCREMENT or not isinstance(target.baseline, Decimal):
        return Decimal(0)
    return target.baseline


def compound(target: Target) -> bool:
    return target.curve is Curve.COMPOUND and target.kind is not Kind.INCREMENT


def expected(target: Target, threshold: Decimal, share: Fraction) -> Fraction:
    """The figure due at ``share`` of the span: exact on a straight path; on a compound one
    to 28 significant digits (a fractional power has no exact decimal)."""
    base = start(target)
    if not compound(target) or share in (0, 1):
        return Fraction(base) + (Fraction(threshold) - Fraction(base)) * share
    with localcontext() as ctx:
        ctx.prec = 28
        exponent = Decimal(share.numerator) / Decimal(share.denominator)
        return Fraction(base * (threshold / base) ** exponent)
