"""One row per target, as the tabular reports (``-f csv``, ``-f xlsx``) show it: the same
columns and the same words in one place, so the two exports cannot drift apart."""

from __future__ import annotations

from gxcheck import fmt
from gxcheck.labels import commitment_word, status_word
from gxcheck.model import Result, Scorecard, Status
from gxcheck.render.common import actual_text_lang, expected_text, heading
from gxcheck.render.words import reason

KEYS = (
    "area",
    "id",
    "name",
    "commitment",
    "target",
    "actual",
    "period",
    "expected",
    "gap",
    "ratio",
    "status",
    "reason",
    "source",
    "note",
)
HEADERS = {
    "zh": (
        "领域",
        "指标编号",
        "指标",
        "承诺",
        "目标",
        "完成值",
        "期间",
        "序时进度",
        "差距",
        "完成率",
        "完成情况",
        "说明",
        "来源",
        "注",
    ),
    "en": (
        "area",
        "id",
        "indicator",
        "commitment",
        "target",
        "actual",
        "period",
        "expected by now",
        "gap",
        "ratio",
        "status",
        "reason",
        "source",
        "note",
    ),
}


def texts(result: Result, area: str, lang: str) -> dict[str, str]:
    """Every column but gap and ratio, which each format writes as it can (a number in a
    workbook cell, plain digits in a CSV)."""
    t, actual = result.target, result.actual
    period = result.period.label(lang) if actual is not None and result.period is not None else ""
    why = "" if actual is None and result.status is Status.NO_DATA else reason(result).get(lang)
    return {
        "area": area,
        "id": t.id,
        "name": t.name.get(lang),
        "commitment": commitment_word(t.commitment, lang),
        "target": fmt.target_wording(t, lang),
        "actual": actual_text_lang(result, lang),
        "period": period,
        "expected": expected_text(result, lang),
        "status": status_word(result.status, lang),
        "reason": why,
        "source": actual.source if actual is not None else "",
        "note": t.note.get(lang) if t.note else "",
    }


def by_area(card: Scorecard, lang: str) -> list[tuple[str, Result]]:
    """Every target in the plan's order, with its area's heading."""
    return [(heading(area, card, lang), r) for area, results in card.by_area() for r in results]
