"""Cut a plan's text into parts, areas, sentences, clauses and list items, keeping offsets.

Works on the matching copy (:mod:`gxcheck.draft.normalise`); every piece is a span
``(start, end)`` into it, and so into the original text.

- A part starts at a line headed 一、 二、 … or 第一部分/第一章; a part that reviews past
  work (工作情况, 回顾, 总结, or an earlier year without 打算/计划/目标/任务) is a review.
- An area starts at a line headed (一) （二） …; the text of a plan part before its first
  area is the part's lead (in a work report, the headline targets).
- Sentences end at 。！？； and line ends; clauses at ，：; list items at 、 — never
  inside “…”, 《…》 or brackets.
"""

from __future__ import annotations

import re
from typing import Literal

from gxcheck.record import record

_NUMERAL = "一二三四五六七八九十"
_PART_RE = re.compile(rf"[ \t\u3000]*(?:[{_NUMERAL}]+、|第[{_NUMERAL}]+(?:部分|章|篇)[ \t\u3000]*)")
_AREA_RE = re.compile(rf"[ \t\u3000]*[（(][{_NUMERAL}]+[)）][ \t\u3000]*")
_META_RE = re.compile(
    r"^\s*(?:#|\[|【|索引号|发文字号|发布机构|成文日期|发布日期|来源[:：]|信息来源|作者[:：])|\|"
)
_REVIEW_RE = re.compile(r"工作情况|回顾|总结|成绩|过去一年|过去五年|上年工作|去年工作|进展情况|完成情况")
PLAN_RE = re.compile(r"打算|计划|规划|目标|任务|安排|思路|要求|重点|部署|举措|展望")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_SENTENCE_END = "。！？!?；;\n"
_CLAUSE_END = "，,：:"
_OPEN, _CLOSE = "“‘《（(〔【「『", "”’》）)〕】」』"

Role = Literal["plan", "review", "meta"]


@record
class Block:
    """A stretch of text under one heading."""

    role: Role
    start: int
    end: int
    part: str  # the part's heading ("" when the text has none)
    area: str  # the area's heading ("" for a part's lead)
    numbered: bool  # whether ``area`` is a numbered heading of the plan


def _heading(norm: str, start: int, end: int, limit: int) -> str:
    """A heading's text: up to the first 。 ： ； or the line's end, at most ``limit`` characters."""
    cut = start
    while cut < end and norm[cut] not in "。：:；;\n" and cut - start < limit:
        cut += 1
    return norm[start:cut].strip(" \t\u3000，,")


def _lines(norm: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", norm):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(norm)))
    return [(a, b) for a, b in spans if norm[a:b].strip()]


def plan_year_from_heading(heading: str) -> int | None:
    match = YEAR_RE.search(heading)
    return int(match.group(1)) if match else None


def is_review_heading(heading: str, year: int | None) -> bool:
    if _REVIEW_RE.search(heading):
        return True
    found = plan_year_from_heading(heading)
    return found is not None and year is not None and found < year and not PLAN_RE.search(heading)


def part_headings(norm: str) -> list[str]:
    """The text of every part heading, in order (to find the plan's year)."""
    out = []
    for start, end in _lines(norm):
        match = _PART_RE.match(norm, start, end)
        if match:
            out.append(_heading(norm, match.end(), end, 60))
    return out


def blocks(norm: str, year: int | None) -> list[Block]:
    """The text's blocks in order; every non-blank line belongs to exactly one."""
    out: list[Block] = []
    has_parts = any(_PART_RE.match(norm, a, b) for a, b in _lines(norm))
    part, role = "", "plan"
    for start, end in _lines(norm):
        role = "review" if role == "review" else "plan"
        part_match = _PART_RE.match(norm, start, end)
        area_match = _AREA_RE.match(norm, start, end)
        line_role: Role
        if part_match:
            part = _heading(norm, part_match.end(), end, 60)
            role = "review" if is_review_heading(part, year) else "plan"
            out.append(Block("review" if role == "review" else "plan", start, end, part, "", False))
            continue
        if not part and has_parts and _META_RE.search(norm[start:end]):
            line_role = "meta"
        else:
            line_role = "review" if role == "review" else "plan"
        if area_match:
            title = _heading(norm, area_match.end(), end, 40)
            out.append(Block(line_role, start, end, part, title, True))
            continue
        last = out[-1] if out else None
        if last is not None and last.role == line_role and last.part == part and line_role != "meta":
            out[-1] = Block(line_role, last.start, end, part, last.area, last.numbered)
        else:
            out.append(Block(line_role, start, end, part, "", False))
    return out


def _spans(norm: str, start: int, end: int, stops: str) -> list[tuple[int, int]]:
    """Split ``[start, end)`` at any of ``stops`` that is not inside quotes or brackets."""
    out, depth, begin = [], 0, start
    for i in range(start, end):
        ch = norm[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in stops and (depth == 0 or ch == "\n") and not _thousands(norm, i):
            out.append((begin, i))
            begin, depth = i + 1, 0
    out.append((begin, end))
    return [(a, b) for a, b in (_strip(norm, a, b) for a, b in out) if b > a]


def _thousands(norm: str, i: int) -> bool:
    """The comma of 1,200万人: digits before it, exactly three digits after it."""
    return (
        norm[i] == ","
        and i > 0
        and norm[i - 1].isdigit()
        and norm[i + 1 : i + 4].isdigit()
        and len(norm[i + 1 : i + 4]) == 3
        and not norm[i + 4 : i + 5].isdigit()
    )


def _strip(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


def sentences(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    return _spans(norm, start, end, _SENTENCE_END)


def clauses(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    return _spans(norm, start, end, _CLAUSE_END)


def items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    return _spans(norm, start, end, "、")
