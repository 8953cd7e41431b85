"""``gxcheck explain``: every input and step behind one verdict, for people who must defend it."""

from __future__ import annotations

import json

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text as RichText

from gxcheck import fmt
from gxcheck.labels import KIND_ZH, STATUS_STYLE, STATUS_SYMBOL, commitment_word, status_word
from gxcheck.model import Catalogue, Quantity, Result, Text
from gxcheck.periods import span_share_text
from gxcheck.record import record
from gxcheck.render.common import actual_text_lang, commitment_tag, gap_text
from gxcheck.render.json_report import num, result_dict, text
from gxcheck.render.words import ratio_text, reason, rule_text
from gxcheck.textsafe import visible
from gxcheck.wrap import Wrapped


@record
class Explanation:
    """One result with what the renderers need to show its working."""

    catalogue: Catalogue
    result: Result

    @property
    def rule(self) -> Text:
        """The rule the verdict applied, in words."""
        return rule_text(self.result)


def _rows(ex: Explanation, lang: str) -> list[tuple[str, str]]:
    zh = lang == "zh"
    r, t = ex.result, ex.result.target
    area = next(a for a in ex.catalogue.areas if a.id == t.area)
    period = r.period
    rows = [
        (
            "指标" if zh else "target",
            f"{t.id} — {t.name.zh}" + (f" / {t.name.en}" if t.name.en != t.name.zh else ""),
        ),
        ("领域" if zh else "area", f"{area.title.get(lang)} ({area.id})"),
        ("原文" if zh else "plan says", f"“{t.quote}” ({ex.catalogue.path}:{t.line})"),
        (
            "目标" if zh else "wanted",
            f"{fmt.target_wording(t, lang)} · {KIND_ZH[t.kind] if zh else t.kind.value}"
            + (f" · {commitment_word(t.commitment, lang)}" if commitment_word(t.commitment, lang) else ""),
        ),
    ]
    if t.baseline is not None:
        shown = fmt.number(t.baseline) if not isinstance(t.baseline, str) else t.baseline
        if t.baseline_year is not None:  # a multi-year plan: the baseline's own year
            label = f"基期（{t.baseline_year}）" if zh else f"baseline ({t.baseline_year})"
        else:
            year = ex.catalogue.plan.year - 1  # an annual plan's baseline is the year before
            label = f"基期（{year}）" if zh else f"baseline ({year})"
        rows.append((label, fmt.with_unit(shown, fmt.unit(t, lang))))
    if t.note:
        rows.append(("说明" if zh else "note", t.note.get(lang)))
    rows.append(("规则" if zh else "rule", ex.rule.get(lang)))
    if period is not None and t.horizon is not None and t.baseline_year is not None:
        share = span_share_text(t.elapsed(period), t.baseline_year, t.horizon)
        span = (
            f"自{t.baseline_year}年末至{t.horizon}年末已过 {share}"
            if zh
            else f"{share} of the way from the end of {t.baseline_year} to the end of {t.horizon}"
        )
        rows.append(("期间" if zh else "period", f"{period.label(lang)} ({span})"))
    elif period is not None:
        share = f"{period.end_month}/12"
        rows.append(("期间" if zh else "period", f"{period.label(lang)} ({share})"))
    if r.expected is not None:
        expected = fmt.with_unit(fmt.number(r.expected), fmt.unit(t, lang))
        rows.append(("序时进度" if zh else "expected by now", expected))
        value = (
            r.actual.parsed.value if r.actual is not None and isinstance(r.actual.parsed, Quantity) else None
        )
        if value is not None:
            gap_now = fmt.with_unit(fmt.signed(value - r.expected), fmt.unit(t, lang))
            rows.append(("与序时进度差距" if zh else "gap to expected", gap_now))
    if r.actual is not None:
        a = r.actual
        where = f"{a.file}:{a.line}" if a.line else a.file
        rows.append(("实际" if zh else "actual", f"{a.raw!r} → {actual_text_lang(r, lang)} ({where})"))
        if a.source:
            rows.append(("来源" if zh else "source", a.source))
        if a.note:
            rows.append(("数据说明" if zh else "data note", a.note))
    else:
        rows.append(("实际" if zh else "actual", "—"))
    rows.append(("计算" if zh else "arithmetic", reason(r).get(lang)))
    if r.gap is not None:
        if r.expected is not None and t.horizon is not None:
            label = f"与{t.horizon}年目标差距" if zh else f"gap to the {t.horizon} target"
        elif r.expected is not None:
            label = "与全年目标差距" if zh else "gap to the year's target"
        else:
            label = "差距" if zh else "gap"
        rows.append((label, fmt.with_unit(gap_text(r), fmt.unit(t, lang))))
    if r.ratio is not None:
        rows.append(("完成率" if zh else "ratio", ratio_text(r, lang)))
    return rows


def table(ex: Explanation, lang: str) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in _rows(ex, lang):
        grid.add_row(label, Wrapped(RichText(visible(value))))
    status = ex.result.status
    grid.add_row(
        "结论" if lang == "zh" else "verdict",
        RichText(
            f"{STATUS_SYMBOL[status]} {status_word(status, lang)}{commitment_tag(ex.result, lang)}",
            style=STATUS_STYLE[status],
        ),
    )
    return grid


def to_json(ex: Explanation) -> str:
    doc = {
        "schema": "gxcheck/explain/1",
        "rule": text(ex.rule),
        "elapsed": round(float(ex.result.target.elapsed(ex.result.period)), 4) if ex.result.period else None,
        "expected": num(ex.result.expected),
        "result": result_dict(ex.result),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
