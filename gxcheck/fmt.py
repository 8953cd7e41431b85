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


# The plan's common units in English. A measure word (个, 家, 张, 起 …) is a plain count in
# English: the indicator's name says what is counted, and "1 incidents" is no English. A
# magnitude keeps the plan's figure, as statistical yearbooks do: 1.2 万户 is
# "1.2 × 10,000 households".
# A unit not here, and not given by the target's ``unit_en``, is shown as the plan writes it.
UNITS_EN = {
    **dict.fromkeys(("个", "项", "家", "张", "起", "位", "名", "人", "户", "所", "条", "座", "类", "级"), ""),
    "%": "%",
    "天": "days",
    "公里": "km",
    "千米": "km",
    "米": "m",
    "平方米": "m²",
    "万平方米": "× 10,000 m²",
    "平方公里": "km²",
    "亩": "mu",
    "万亩": "× 10,000 mu",
    "公顷": "ha",
    "吨": "t",
    "万吨": "× 10,000 t",
    "元": "yuan",
    "万元": "× 10,000 yuan",
    "亿元": "× 100 million yuan",
    "万人": "× 10,000 people",
    "万户": "× 10,000 households",
    "万人次": "× 10,000 visits",
    "个/千人": "per 1,000 people",
    "张/千人": "beds per 1,000 people",
}


def unit(t: Target, lang: str) -> str:
    """The target's unit in ``lang``: the plan's own in Chinese; in English the file's
    ``unit_en``, else the built-in table, else the plan's own."""
    if lang == "zh":
        return t.unit
    if t.unit_en is not None:
        return t.unit_en
    return UNITS_EN.get(t.unit, t.unit)


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
        core = with_unit(number(t.value), unit(t, lang))
        band = f"(± {number(t.tolerance)})"
        return f"{core} 左右 {band}" if lang == "zh" else f"about {core} {band}"
    shown = number(t.value) if isinstance(t.value, Decimal) else str(t.value)
    return f"{OP_SYMBOL[t.op]} {with_unit(shown, unit(t, lang))}"
