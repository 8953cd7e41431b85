"""How numbers and targets are written, the same way in every output."""

from __future__ import annotations

from decimal import Decimal

from gxcheck.model import Bound, Op, Quantity, Target

OP_SYMBOL = {Op.GE: "≥", Op.GT: ">", Op.LE: "≤", Op.LT: "<", Op.EQ: "=", Op.ABOUT: "≥"}
BOUND_SYMBOL = {Bound.EXACT: "", Bound.GT: ">", Bound.GE: "≥", Bound.LT: "<", Bound.LE: "≤"}


def number(value: Decimal) -> str:
    """``Decimal('12000.0')`` → ``12,000``; ``Decimal('0.50')`` → ``0.5``; ``−3.2``; no exponent."""
    if value == 0:
        return "0"
    if value < 0:
        return "\u2212" + format(-value.normalize(), ",f")  # a real minus sign, as in gaps
    return format(value.normalize(), ",f")


def signed(value: Decimal) -> str:
    """A gap: ``+1.2`` or ``−0.6`` (a real minus sign)."""
    if value > 0:
        return "+" + number(value)
    if value < 0:
        return "\u2212" + number(-value)
    return "0"


def with_unit(text: str, unit: str) -> str:
    return f"{text} {unit}" if unit else text


def quantity(q: Quantity, unit: str) -> str:
    """``>100 公里`` for a bound, ``7.4 %`` for an exact figure."""
    return with_unit(BOUND_SYMBOL[q.bound] + number(q.value), unit)


def target_wording(t: Target, lang: str) -> str:
    """The target the way a reader of the plan thinks of it: ``≥ 12 %``, ``8 % 左右 (± 0.5)``;
    a multi-year plan's target with its horizon: ``≥ 5.7 %（2027年）`` / ``≥ 5.7 % by 2027``."""
    wording = _wording(t, lang)
    if t.horizon is None or t.op is Op.DONE:
        return wording
    return f"{wording}（{t.horizon}年）" if lang == "zh" else f"{wording} by {t.horizon}"


def _wording(t: Target, lang: str) -> str:
    year_end = t.deadline is not None and (t.deadline.month, t.deadline.day) == (12, 31)
    if t.op is Op.DONE and t.horizon is not None and t.deadline is not None and year_end:
        due = t.deadline.year
        return f"{due}年底前完成" if lang == "zh" else f"done by the end of {due}"
    if t.op is Op.DONE:
        if t.deadline is None or (t.deadline.month, t.deadline.day) == (12, 31):
            year = t.deadline.year if t.deadline else ""
            return f"{year}年内完成" if lang == "zh" else f"done in {year}"
        return f"{t.deadline.isoformat()}前完成" if lang == "zh" else f"done by {t.deadline.isoformat()}"
    if t.op is Op.ABOUT:
        assert isinstance(t.value, Decimal) and t.tolerance is not None
        core = with_unit(number(t.value), t.unit)
        band = f"(± {number(t.tolerance)})"
        return f"{core} 左右 {band}" if lang == "zh" else f"about {core} {band}"
    shown = number(t.value) if isinstance(t.value, Decimal) else str(t.value)
    return f"{OP_SYMBOL[t.op]} {with_unit(shown, t.unit)}"
