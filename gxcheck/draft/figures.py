"""Numbers in a clause: which are figures (a number with a unit), and which are years, names,
dates or numbers without a unit.

Magnitude words stay in the unit: 1.2万户 is 1.2 with unit 万户, never 12000.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from gxcheck.record import record

# Units, longest first so that 平方公里 wins over 公里 and 个百分点 over 个.
_BASES = sorted(
    {
        *("平方公里", "平方米", "立方米", "千瓦时", "公里", "千米", "公顷", "人次", "标箱", "美元", "千瓦"),
        *("微克/立方米", "毫克/升", "千克", "公斤", "毫克", "兆瓦", "吉瓦", "台套", "架次", "克", "款"),
        *"元个家名人户张米亩吨斤瓦度辆台套所项条座次床处栋间件",
        *"批部场支种起宗笔岁天倍位类箱艘架只头株棵片块份篇册门例班列趟组本颗盏根",
        "小时",
    },
    key=lambda unit: (-len(unit), unit),
)
_UNIT = rf"%|‰|个百分点|百分点|[十百千万亿]*(?:{'|'.join(_BASES)})"
_FIGURE_RE = re.compile(rf"(?<![\d.])(?<!\d,)(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)({_UNIT})?")
_RANGE_YEAR_RE = re.compile(r"[—\-–~至到](?:19|20)\d\d年")
_NAME_AFTER_RE = re.compile(r"(?:号|周年|届|期|版|代|月|日|年代|[A-Za-z])")
_PER_RE = re.compile(r"每([十百千万])?人口?|人均")
_MAGNITUDE_RE = re.compile(r"^[十百千万亿]+")

Role = Literal["figure", "year", "name", "bare"]


@record
class Number:
    """A number found in the text, with what it is."""

    start: int
    end: int  # past the unit
    value: Decimal
    unit: str
    role: Role


class _QuoteDepth:
    """How many “…” (or 《…》) are open at a position, scanning forward once."""

    def __init__(self, norm: str, start: int) -> None:
        self.norm, self.pos, self.depth = norm, start, 0

    def at(self, pos: int) -> int:
        for ch in self.norm[self.pos : pos]:
            if ch in "“《「":
                self.depth += 1
            elif ch in "”》」":
                self.depth = max(0, self.depth - 1)
        self.pos = max(self.pos, pos)
        return self.depth


def _is_name(before: str, after: str, unit: str, quoted: bool) -> bool:
    """第3, G75, PM2.5, 19号线, 2.0版, 5G, “1361”: part of a name, not a figure."""
    if before == "第" or (before.isascii() and before.isalpha()) or (before and before in "-—"):
        return True
    return bool(not unit and _NAME_AFTER_RE.match(after)) or quoted


def numbers(norm: str, start: int, end: int) -> list[Number]:
    """Every number in ``norm[start:end]``, classified."""
    out = []
    quotes = _QuoteDepth(norm, start)
    for match in _FIGURE_RE.finditer(norm, start, end):
        text, unit = match.group(1), match.group(2) or ""
        after = norm[match.end(1) : match.end(1) + 2]
        before = norm[match.start() - 1] if match.start() > 0 else ""
        role: Role = "figure"
        is_year = len(text) == 4 and text[:2] in ("19", "20") and "." not in text
        if is_year and (after.startswith("年") or _RANGE_YEAR_RE.match(norm, match.end(1))):
            role, unit = "year", ""
        elif _is_name(before, after, unit, quotes.at(match.start()) > 0):
            role = "name"
        elif not unit:
            role = "bare"
        out.append(Number(match.start(), match.end(), Decimal(text.replace(",", "")), unit, role))
    return _share_units(norm, out)


def _share_units(norm: str, found: list[Number]) -> list[Number]:
    """550和3000家, 7、8%: a bare number joined to the next figure takes its unit."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        here, following = out[i], out[i + 1]
        joined = norm[here.end : following.start] in ("和", "、", "与", "及", ",", "，")
        if here.role == "bare" and following.role == "figure" and joined:
            out[i] = Number(here.start, here.end, here.value, following.unit, "figure")
    return out


def per_capita_unit(subject: str, unit: str) -> str:
    """每千人口托位 … 3.5个 → 个/千人; a plain unit otherwise."""
    match = _PER_RE.search(subject)
    if match is None or not unit or unit in ("%", "‰") or match.group(0) == "人均":
        return unit
    return f"{unit}/{match.group(1) or ''}人"


def has_magnitude(unit: str) -> bool:
    return bool(_MAGNITUDE_RE.match(unit))
