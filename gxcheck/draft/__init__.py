"""Draft a targets file from a plan's text, for a person to review (`gxcheck draft`).

The pieces, in the order they run: :mod:`.normalise` (a matching copy of the text),
:mod:`.segment` (parts, areas, sentences, clauses, list items), :mod:`.figures` (numbers and
units), :mod:`.rules` and :mod:`.wording` (the plan's wording rules), :mod:`.reader` (commitment
words, horizons, the whole text), :mod:`.ids` (pinyin ids), :mod:`.emit` (the YAML).
"""

from __future__ import annotations

import re
from pathlib import Path

from gxcheck.draft.ids import Ids, slug
from gxcheck.draft.model import Draft, DraftArea, DraftTarget, Exclusion, Horizon
from gxcheck.draft.normalise import normalise
from gxcheck.draft.reader import LEAD_TITLE, Reader, plan_span, plan_year, published_date, publisher, url
from gxcheck.record import replace

__all__ = ["Draft", "DraftArea", "DraftTarget", "Exclusion", "Horizon", "area_ids", "draft", "read_plan"]

_AREA_LEAD_RE = re.compile(
    r"^(?:推动|加快|持续|着力|坚持|全面|深入|大力|扎实|统筹|促进|推进|强化|提升|聚力|聚焦|全力|切实)+"
)
_TITLE_RE = re.compile(r"报告|计划|规划|打算|方案|纲要|目标|要点")


def read_plan(path: Path, shown: str, encoding: str | None = None) -> str:
    """A plan's text (``-``: standard input): UTF-8 with or without a BOM, UTF-16 or UTF-32 with
    one, or GB18030; read and decoded as the actuals CSV is."""
    from gxcheck.files import decode, read_input

    return decode(read_input(path, shown, encoding=encoding), encoding, fallback="gb18030")


def _title(text: str, norm: str, source: str, year: int) -> str:
    for line_start, line in _lines(norm):
        if "|" in line or line.startswith(("[", "【", "#")) or len(line) > 40:
            continue
        if line.endswith(("。", "；", ";")) or "：" in line or ":" in line:
            break
        if _TITLE_RE.search(line):
            return text[line_start : line_start + len(line)].strip()
        break
    return f"{Path(source).stem}（{year}）"


def _lines(norm: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for line in norm.split("\n"):
        stripped = line.strip()
        if stripped:
            out.append((start + line.index(stripped[0]), stripped))
        start += len(line) + 1
    return out[:5]


def draft(text: str, *, year: int | None = None, source: str = "plan.txt") -> Draft:
    """Read ``text`` (a plan) into a draft; ``year`` is found in the text when not given."""
    norm = normalise(text)
    guessed, first_year = False, None
    span = plan_span(norm) if year is None else None
    if span is not None:
        first_year, year = span
    elif year is None:
        year, guessed = plan_year(norm)
    reader = Reader(text, year, first_year)
    reader.run()
    ids = Ids()
    used = {t.area for t in reader.targets}
    kept = tuple(a for a in reader.areas if a.id in used)
    areas = area_ids(kept)
    targets = tuple((ids.make(t.name, areas[t.area]), t) for t in reader.targets)
    return Draft(
        title=_title(text, norm, source, year),
        year=year,
        published=published_date(norm),
        publisher=publisher(text, norm),
        url=url(text),
        areas=kept,
        targets=targets,
        excluded=_once(reader.excluded),
        source=source,
        year_guessed=guessed,
        first_year=first_year,
    )


def _once(excluded: list[Exclusion]) -> tuple[Exclusion, ...]:
    """Each quote once (a text that repeats a sentence): the first place, all its numbers."""
    merged: dict[str, Exclusion] = {}
    for e in excluded:
        first = merged.get(e.quote.strip())
        merged[e.quote.strip()] = e if first is None else replace(first, numbers=first.numbers + e.numbers)
    return tuple(merged.values())


def area_ids(areas: list[DraftArea] | tuple[DraftArea, ...]) -> dict[str, str]:
    """Each area's key → an id: headline for the lead, else pinyin of the heading."""
    ids = Ids()
    out = {}
    for area in areas:
        if area.title == LEAD_TITLE:
            out[area.id] = ids.make("headline", "headline")
        else:
            words = _AREA_LEAD_RE.sub("", re.sub(r"(?:19|20)\d\d年(?:度)?", "", area.title))
            out[area.id] = ids.make(words[:4], "area")
    return out


def to_yaml(result: Draft) -> str:
    from gxcheck.draft.emit import to_yaml as emit

    return emit(result, area_ids(result.areas))


__all__ += ["slug", "to_yaml"]
