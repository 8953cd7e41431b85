"""Read one actual figure, as people write it, in its target's unit.

Magnitude words are converted explicitly and never guessed: ``1.2万`` for a
target in 户 is 12000, ``2.4万`` for a target in 万人 is 2.4, ``15000万元`` for a
target in 亿元 is 1.5; a unit that does not fit the target is an error, never a
silent factor of 10,000.

A figure with no unit of its own is read in the target's unit, unless that unit has a
magnitude (万人, 亿元 …) and the figure is implausibly large in it: ``12000`` for a
target of 1.2万户 is a count of 户, not 12000万户, and is refused with both readings.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from gxcheck.errors import Message, listing, msg
from gxcheck.model import Bound, Kind, Quantity, Target
from gxcheck.scales import normalise_label


class BadValue(ValueError):
    """A value that cannot be read for its target; the message says what is allowed."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


MAGNITUDES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}
# A figure with no unit this many times the target (or its baseline), read in a target unit with
# a magnitude, was written in the base unit (户 for 万户): refused rather than read 10,000× too large.
IMPLAUSIBLE = Decimal(100)
# Longest words first, so that 超过 is not read as 超 followed by 过.
_PREFIXES: dict[str, Bound] = {
    ">=": Bound.GE,
    "≥": Bound.GE,
    "不少于": Bound.GE,
    "不低于": Bound.GE,
    "至少": Bound.GE,
    "<=": Bound.LE,
    "≤": Bound.LE,
    "不超过": Bound.LE,
    "至多": Bound.LE,
    ">": Bound.GT,
    "超过": Bound.GT,
    "突破": Bound.GT,
    "超": Bound.GT,
    "逾": Bound.GT,
    "<": Bound.LT,
    "不足": Bound.LT,
    "不到": Bound.LT,
}
_SUFFIXES: dict[str, Bound] = {"以上": Bound.GE, "以下": Bound.LE}
_APPROX: dict[str, Bound] = {"余": Bound.GT, "多": Bound.GT}
_PREFIX_RE = "|".join(re.escape(p) for p in sorted(_PREFIXES, key=len, reverse=True))
_MAGNITUDE_RE = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
_NUMBER_RE = re.compile(
    rf"^(?P<pre>{_PREFIX_RE})?\s*"
    r"(?P<num>[+\-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*"
    rf"(?P<mag>{_MAGNITUDE_RE})?\s*(?P<approx>余|多)?\s*(?P<unit>.*?)\s*(?P<post>以上|以下)?$"
)
# A "unit" holding digits or number punctuation means the number itself was not readable.
_NOT_A_UNIT = re.compile(r"[\d,._+\-]")
_EXPONENT = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
_TRUE = {"true", "yes", "y", "是", "已完成", "完成", "done", "1"}
_FALSE = {"false", "no", "n", "否", "未完成", "not done", "0"}
_NON_FINITE = {"nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}
ABSURD = Decimal(10) ** 15
MILESTONE_WORDS = listing(["true/false", "yes/no", "是/否", "已完成/未完成"])  # a、b in Chinese


def normalise_text(raw: str) -> str:
    """Full-width digits and punctuation (７．４％) become ASCII; minus signs become '-'."""
    text = unicodedata.normalize("NFKC", raw).strip()
    return text.replace("\u2212", "-").replace("\u2014", "-")


def split_unit(unit: str) -> tuple[Decimal, str]:
    """``万人`` → (10000, ``人``); ``亿元`` → (10^8, ``元``); ``%`` → (1, ``%``)."""
    for word, factor in MAGNITUDES.items():
        if unit.startswith(word):
            return factor, unit[len(word) :]
    return Decimal(1), unit


def parse_value(raw: str, target: Target, unit: str = "") -> Quantity | bool | str:
    """The figure ``raw`` read for ``target``: a Quantity, a bool or a scale label.

    ``unit`` is the unit of a plain number (a CSV's unit column); a unit written in
    ``raw`` itself takes precedence only when it agrees.
    """
    text = normalise_text(raw)
    if not text:
        raise BadValue(msg("values.empty"))
    if target.kind is Kind.MILESTONE:
        return _milestone(text)
    if target.kind is Kind.ORDINAL:
        return _ordinal(raw, target)
    _no_look_alike_digits(raw)
    try:
        return parse_quantity(text, target.unit, normalise_text(unit), _reference(target))
    except BadValue as exc:  # quote what was written, not its normalised form
        written = raw.strip()
        message = exc.message
        fields = tuple((k, written if k == "text" and v == text else v) for k, v in message.fields)
        raise BadValue(Message(message.key, fields)) from None


# Superscripts, subscripts and vulgar fractions look like digits, and NFKC turns them into
# digits (10² into 102, 7½ into 71⁄2): a figure never holds them.
_NOT_DIGITS = ("<super>", "<sub>", "<fraction>")


def _no_look_alike_digits(raw: str) -> None:
    odd = next((c for c in raw if unicodedata.decomposition(c).startswith(_NOT_DIGITS)), None)
    if odd is not None:
        name: Message | str = unicodedata.name(odd, "").lower() or msg("actuals.unnamed_character")
        raise BadValue(
            msg("values.look_alike_digit", text=raw.strip(), odd=odd, name=name, examples=_examples())
        )


def _reference(target: Target) -> tuple[str, Decimal] | None:
    """What a figure in the target's unit is measured against: the target's value, or its
    baseline when that is larger. None when neither is a number other than zero."""
    sizes = [
        (abs(number), what)
        for what, number in (("target", target.value), ("baseline", target.baseline))
        if isinstance(number, Decimal) and number
    ]
    if not sizes:
        return None
    size, what = max(sizes)
    return what, size


def _milestone(text: str) -> bool:
    word = text.lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise BadValue(msg("values.not_milestone", text=text, words=MILESTONE_WORDS))


def _ordinal(raw: str, target: Target) -> str:
    assert target.scale is not None
    wanted = normalise_label(raw)
    for label in target.scale:
        if normalise_label(label) == wanted:
            return label
    raise BadValue(msg("values.not_on_scale", text=raw.strip(), scale=listing(target.scale)))


def parse_quantity(
    text: str, unit: str, default_unit: str = "", reference: tuple[str, Decimal] | None = None
) -> Quantity:
    """A number with an optional bound word and unit, converted into ``unit``.

    ``default_unit`` is the unit of a number written without one (else ``unit``); a unit
    column that only repeats the target's unit is no unit of the figure's own (a template
    fills it in). ``reference`` ("target" or "baseline", its size) enables the check that a
    figure without a unit is plausible in ``unit``.
    """
    if text.lower() in _NON_FINITE:
        raise BadValue(msg("values.not_finite", text=text))
    if _EXPONENT.match(text):
        raise BadValue(msg("values.scientific", text=text))
    match = _NUMBER_RE.match(text)
    if match is None or _NOT_A_UNIT.search(match["unit"]):
        raise BadValue(msg("values.not_a_number", text=text, examples=_examples()))
    bounds = [b for b in (match["pre"], match["approx"], match["post"]) if b]
    if len(bounds) > 1:
        raise BadValue(msg("values.bound_words", text=text, bounds=listing(bounds)))
    bound = Bound.EXACT
    if match["pre"]:
        bound = _PREFIXES[match["pre"]]
    elif match["approx"]:
        bound = _APPROX[match["approx"]]
    elif match["post"]:
        bound = _SUFFIXES[match["post"]]
    written = (match["mag"] or "") + match["unit"]
    if written and default_unit and default_unit != unit and written != default_unit:
        raise BadValue(msg("values.two_units", text=text, written=written, column=default_unit))
    number = Decimal(match["num"].replace(",", "").replace("\u2212", "-"))
    own = written or (default_unit if default_unit != unit else "")
    if not own and reference is not None:
        _check_plausible(text, number, unit, reference, repeated=bool(default_unit))
    value = number * _unit_factor(written or default_unit, unit)
    if abs(value) >= ABSURD:
        if unit:
            raise BadValue(msg("values.absurd", text=text, unit=unit))
        raise BadValue(msg("values.absurd_no_unit", text=text))
    return Quantity(value, bound)


def _unit_factor(given: str, target_unit: str) -> Decimal:
    """How many of ``target_unit`` one ``given`` is; ``given`` may be empty (the target's unit)."""
    if not given or given == target_unit:
        return Decimal(1)
    target_factor, target_base = split_unit(target_unit)
    given_factor, given_base = split_unit(given)
    if target_base == "%" and given_factor != 1:
        raise BadValue(msg("values.unit_not_percent", given=given))
    if given_base and given_base != target_base:
        if not target_unit:
            raise BadValue(msg("values.unit_not_unitless", given=given))
        if target_base and target_base != "%":
            raise BadValue(msg("values.unit_mismatch_base", given=given, unit=target_unit, base=target_base))
        raise BadValue(msg("values.unit_mismatch", given=given, unit=target_unit))
    return given_factor / target_factor


def _plain(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 12000, 1.2, 0.0008."""
    text = format(number.normalize(), "f")
    return text


def _check_plausible(
    text: str, number: Decimal, unit: str, reference: tuple[str, Decimal], *, repeated: bool
) -> None:
    factor, base = split_unit(unit)
    what, size = reference
    if factor == 1 or abs(number) < IMPLAUSIBLE * size:
        return
    figure = _plain(number)
    advice: Message
    if factor >= MAGNITUDES["亿"]:
        # 亿元: a bare figure may be in 万元 or in 元; neither is guessed.
        in_wan, in_base = number * MAGNITUDES["万"] / factor, number / factor
        advice = msg(
            "values.no_base_unit",
            unit=unit,
            base=base,
            figure=figure,
            in_wan=_plain(in_wan),
            in_base=_plain(in_base),
        )
    else:
        advice = msg(
            "values.if_it_counts", unit=unit, base=base, figure=figure, converted=_plain(number / factor)
        )
    against = msg("values.the_target") if what == "target" else msg("values.the_baseline")
    fields = {
        "text": text,
        "unit": unit,
        "figure": figure,
        "times": abs(number) / size,
        "what": against,
        "size": _plain(size),
        "advice": advice,
    }
    if repeated:
        raise BadValue(msg("values.no_own_unit_repeated", **fields))
    raise BadValue(msg("values.no_own_unit", **fields))


def fraction_warning(raw: str, target: Target, parsed: Quantity | bool | str) -> Message | None:
    """A warning for a percentage target given a fraction (0.076 for 7.6 %), else None: it
    is read as written (0.076 %), which is a real figure for some indicators, so not refused."""
    if (
        target.unit != "%"
        or not isinstance(parsed, Quantity)
        or not isinstance(target.value, Decimal)
        or abs(target.value) < 1
        or not 0 < parsed.value < 1
        or "%" in normalise_text(raw)
    ):
        return None
    return msg(
        "values.fraction",
        text=raw.strip(),
        read=_plain(parsed.value),
        target=_plain(target.value),
        percent=_plain(parsed.value * 100),
    )


def _examples() -> Message:
    """How a figure may be written: the hint of every message about an unreadable number."""
    return msg("values.examples")
