"""Read a whole plan: parts and areas, sentences and their commitment words, horizons.

How far a commitment word reaches (the one rule, the bundled catalogue's): 确保, 力争, 争取 or
争创 governs from where it stands to the end of its sentence (。！？； or the line's end),
unless another commitment word starts first; a target before it is not covered. A target
governed from outside its own quote says so in its note.
"""

from __future__ import annotations

import datetime as dt
import re

from gxcheck.draft import notes
from gxcheck.draft import segment as seg
from gxcheck.draft import wording as w
from gxcheck.draft.figures import numbers
from gxcheck.draft.model import DraftArea, DraftTarget, Exclusion, Horizon
from gxcheck.draft.normalise import normalise
from gxcheck.draft.rules import Context, read_clause
from gxcheck.model import Commitment
from gxcheck.record import replace

LEAD_TITLE = "主要预期目标"
_PLAN_YEAR_RE = re.compile(
    r"((?:19|20)\d\d)年(?:是|全[区市省县州]|经济社会发展|国民经济和社会发展|主要预期目标|的?主要目标|政府工作|工作打算|工作安排|工作任务|预期目标)"
)


def plan_year(norm: str) -> tuple[int, bool]:
    """The plan's year, and whether it was only guessed.

    From a plan part's heading (二、2024年工作打算), else the year that opens the plan
    (2024年是…, 2025年全市经济社会发展…, 二〇二五年主要预期目标), else the latest year the text
    names; a text that names none (今年…) is taken to be this year's plan.
    """
    for heading in seg.part_headings(norm):
        if not seg.is_review_heading(heading, None) and seg.PLAN_RE.search(heading):
            found = seg.plan_year_from_heading(heading)
            if found is not None:
                return found, False
    text = norm.translate(_CHINESE_DIGITS)
    match = _PLAN_YEAR_RE.search(text)
    if match:
        return int(match.group(1)), False
    years = [int(m.group(1)) for m in seg.YEAR_RE.finditer(text)]
    if years:
        return max(years), True
    return dt.date.today().year, True


def plan_span(norm: str) -> tuple[int, int] | None:
    """A multi-year plan's years, from a span in its title: 行动计划(2023—2027年), 2021—2025年规划."""
    head = norm[:300]
    titles = [*re.findall(r"《[^》]*》", norm[:2000]), head]
    for title in titles:
        span = w.SPAN_RE.search(title)
        if span is not None and int(span.group(1)) < int(span.group(2)):
            return int(span.group(1)), int(span.group(2))
    return None


_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


class Reader:
    """Collects areas, targets and exclusions in the plan's order."""

    def __init__(self, text: str, year: int, first_year: int | None = None) -> None:
        self.orig = text
        self.norm = normalise(text)
        self.year = year
        self.first_year = first_year
        self.areas: list[DraftArea] = []
        self.area_of: dict[str, str] = {}  # title -> area key
        self.targets: list[DraftTarget] = []
        self.excluded: list[Exclusion] = []
        self.lead_taken = False  # the first plan part's lead is the headline area

    def run(self) -> None:
        for block in seg.blocks(self.norm, self.year):
            if block.role == "plan":
                self.plan_block(block)
            else:
                self.skipped_block(block)

    def skipped_block(self, block: seg.Block) -> None:
        count = len(numbers(self.norm, block.start, block.end))
        if not count:
            return
        first = seg.sentences(self.norm, block.start, block.end)[0]
        end = min(first[1], first[0] + 60)
        reason = notes.META if block.role == "meta" else notes.REVIEW
        self.excluded.append(Exclusion(self.orig[first[0] : end], reason, first[0], count))

    def area_key(self, block: seg.Block) -> str:
        """The area a block's targets go to: its heading; a part's lead is the headline area."""
        if block.area:
            title, numbered = block.area, block.numbered
        elif not block.part or not self.lead_taken:
            title, numbered = LEAD_TITLE, False
        else:
            title, numbered = block.part, True
        at = self.norm.find(title, block.start, block.end)
        if at >= 0:
            title = self.orig[at : at + len(title)]
        if title not in self.area_of:
            self.area_of[title] = title
            self.areas.append(DraftArea(title, title, numbered))
        return title

    def plan_block(self, block: seg.Block) -> None:
        area = self.area_key(block)
        before = len(self.targets)
        self.read_block(block, area)
        if area == LEAD_TITLE and len(self.targets) > before:
            self.lead_taken = True

    def read_block(self, block: seg.Block, area: str) -> None:
        for line_start, line_end in _paragraphs(self.norm, block.start, block.end):
            horizon: Horizon | None = None
            for start, end in seg.sentences(self.norm, line_start, line_end):
                first = self.first_year or self.year
                horizon = _horizon(self.orig, self.norm, start, end, first, self.year) or horizon
                self.sentence(area, start, end, horizon)

    def sentence(self, area: str, start: int, end: int, horizon: Horizon | None) -> None:
        norm = self.norm
        opening = norm[start : start + 16]
        past = w.PAST_YEAR_RE.match(opening)
        if w.PAST_RE.match(opening) or (past and int(past.group(1)) < (self.first_year or self.year)):
            count = len(numbers(norm, start, end))
            if count:
                self.excluded.append(Exclusion(self.orig[start:end], notes.REVIEW_SENTENCE, start, count))
            return
        reach: str | None = None
        before: tuple[int, int] | None = None
        subject = ""
        for clause in seg.clauses(norm, start, end):
            ctx = Context(self.orig, norm, area, self.year, clause, horizon, self.first_year, before, subject)
            before = clause
            reading = read_clause(ctx)
            subject = reading.subject
            own = w.COMMITMENT_RE.search(norm, clause[0], clause[1])
            for target in reading.targets:
                self.targets.append(_committed(target, own, reach))
            self.excluded.extend(reading.exclusions)
            # A word reaches from where it stands to the end of the sentence; the next one takes over.
            reach = own.group(0) if own else reach


def _paragraphs(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    out, begin = [], start
    for i in range(start, end):
        if norm[i] == "\n":
            out.append((begin, i))
            begin = i + 1
    out.append((begin, end))
    return [(a, b) for a, b in out if b > a]


def _committed(target: DraftTarget, own: re.Match[str] | None, reach: str | None) -> DraftTarget:
    if own is not None and target.start <= own.start() < target.start + len(target.quote):
        return replace(target, commitment=w.COMMITMENTS[own.group(0)])
    word = own.group(0) if own is not None and own.start() < target.start else reach
    if word is None:
        return replace(target, commitment=Commitment.PLAIN)
    return replace(
        target, commitment=w.COMMITMENTS[word], notes=(*target.notes, notes.commitment_inherited(word))
    )


def _horizon(orig: str, norm: str, start: int, end: int, first: int, year: int) -> Horizon | None:
    """A horizon the sentence states, when it is not the plan's own (last) year and not before
    the plan's first year: an annual plan's 到2027年, or a 2023—2027 plan's 到2025年."""
    found: list[tuple[int, int | None, int, int]] = []
    span = w.SPAN_RE.search(norm, start, end)
    if span is not None:
        found.append((int(span.group(2)), int(span.group(1)), span.start(), span.end()))
    by = w.BY_YEAR_RE.search(norm, start, end)
    if by is not None:
        found.append((int(by.group(1)), None, by.start(), by.end()))
    five = w.FIVE_YEAR_RE.search(norm, start, end)
    if five is not None and five.group(1) in w.FIVE_YEAR_SPANS:
        opening, closing = w.FIVE_YEAR_SPANS[five.group(1)]
        found.append((closing, opening, five.start(1), five.end()))
    for last, since, a, b in found:
        if last != year and last >= first:
            return Horizon(last, since, orig[a:b])
    return None


def published_date(norm: str) -> dt.date | None:
    """The publication date, where the page states one (发布日期 2024-03-01, 2024年3月1日)."""
    for pattern in (
        r"发布日期\D{0,8}((?:19|20)\d\d)-(\d\d?)-(\d\d?)",
        r"(?:[Pp]ublished|发布|印发)\D{0,12}((?:19|20)\d\d)-(\d\d)-(\d\d)",
        r"成文日期\D{0,8}((?:19|20)\d\d)-(\d\d?)-(\d\d?)",
        r"((?:19|20)\d\d)年(\d\d?)月(\d\d?)日",
    ):
        match = re.search(pattern, norm)
        if match:
            try:
                return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
    return None


def publisher(orig: str, norm: str) -> str | None:
    match = re.search(r"发布机构\s*[\]】]?\s*[|｜:：]?\s*([^|｜\]\n]{2,40}?)\s*(?:[|｜]|$)", norm, re.M)
    return orig[match.start(1) : match.end(1)].strip() if match else None


def url(orig: str) -> str | None:
    match = re.search(r"https?://[^\s|｜，。）)]+", orig)
    return match.group(0) if match else None
