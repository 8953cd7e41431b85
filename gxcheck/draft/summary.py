"""The one-screen summary of a draft: targets per area, how many need review, numbers excluded."""

from __future__ import annotations

from collections import Counter

from rich.cells import cell_len

from gxcheck.draft.model import Draft

_MAX_AREAS = 12  # more are summed up in one line, so the summary stays on one screen
_LABEL = 44  # cells for an area's label


def _fit(text: str, width: int) -> str:
    """``text`` cut with … to at most ``width`` cells, then padded to exactly ``width``."""
    if cell_len(text) > width:
        while cell_len(text + "…") > width:
            text = text[:-1]
        text += "…"
    return text + " " * (width - cell_len(text))


_WORDS = {
    "zh": {
        "year": "计划年份 {year}；{targets} 项目标，{areas} 个领域",
        "guessed": "（为猜测，请核对或用 --year 指定）",
        "header": "领域",
        "columns": "  目标  需核对",
        "more": "…另有 {n} 个领域，{targets} 项目标",
        "review": "需核对 {n} 项（note 以【需核对】开头）；每项 note 说明推断了什么、要核对什么。",
        "excluded": "未列为目标的数字 {n} 个，均在 excluded: 中注明原因。",
        "next": "下一步：逐项核对 → gxcheck validate {file} → gxcheck template -t {file}"
        " → gxcheck score -t {file} 实际值.csv",
    },
    "en": {
        "year": "plan year {year}; {targets} targets in {areas} area(s)",
        "guessed": " (guessed: check it, or pass --year)",
        "header": "area",
        "columns": "  targets  review",
        "more": "… {n} more areas, {targets} targets",
        "review": "{n} need review (notes starting [REVIEW]); "
        "every note says what was inferred and what to check.",
        "excluded": "{n} numbers of the text are not targets; each is under excluded: with why.",
        "next": "next: review each target → gxcheck validate {file} → gxcheck template -t {file}"
        " → gxcheck score -t {file} actuals.csv",
    },
}


def summary(draft: Draft, area_ids: dict[str, str], written: str, lang: str) -> str:
    """Plain text, about 20 lines at most whatever the plan."""
    words = _WORDS["zh" if lang == "zh" else "en"]
    per_area = Counter(t.area for _, t in draft.targets)
    review = Counter(t.area for _, t in draft.targets if t.review)
    years = f"{draft.first_year}–{draft.year}" if draft.first_year is not None else f"{draft.year}"
    year = f"{years}{words['guessed'] if draft.year_guessed else ''}"
    lines = [
        f"gxcheck draft: {draft.source} → {written}",
        words["year"].format(year=year, targets=len(draft.targets), areas=len(draft.areas)),
        "",
        _fit(words["header"], _LABEL) + words["columns"],
    ]
    columns = [cell_len(c) for c in words["columns"].split("  ")[1:]]
    for area in draft.areas[:_MAX_AREAS]:
        label = _fit(f"{area.title} ({area_ids[area.id]})", _LABEL)
        lines.append(f"{label}  {per_area[area.id]:>{columns[0]}}  {review[area.id]:>{columns[1]}}")
    rest = draft.areas[_MAX_AREAS:]
    if rest:
        lines.append(words["more"].format(n=len(rest), targets=sum(per_area[a.id] for a in rest)))
    numbers = sum(e.numbers for e in draft.excluded)
    shown = written if written != "-" else "targets.yaml"
    lines += [
        "",
        words["review"].format(n=draft.needs_review()),
        words["excluded"].format(n=numbers),
        words["next"].format(file=shown),
    ]
    return "\n".join(lines) + "\n"
