"""``gxcheck trend``: each target's series against its expected path, in three formats."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from gxcheck import __version__, fmt
from gxcheck.labels import STATUS_EMOJI, STATUS_STYLE, STATUS_SYMBOL, status_word
from gxcheck.model import Kind
from gxcheck.render.common import actual_text_lang, commitment_tag
from gxcheck.render.json_report import num
from gxcheck.render.markdown import escape
from gxcheck.textsafe import visible
from gxcheck.trend import Direction, Series

TREND_SCHEMA = "gxcheck/trend/1"
_TICKS = "▁▂▃▄▅▆▇█"
_ARROW = {Direction.IMPROVING: "↗", Direction.WORSENING: "↘", Direction.FLAT: "→"}
_DIRECTION_ZH = {Direction.IMPROVING: "向好", Direction.WORSENING: "变差", Direction.FLAT: "持平"}
_DIRECTION_EN = {Direction.IMPROVING: "improving", Direction.WORSENING: "worsening", Direction.FLAT: "flat"}


def sparklines(series: Series) -> tuple[str, str]:
    """The figures and the expected path on one shared scale, one tick per period."""
    values, path = series.values(), series.path()
    known = [v for v in values + path if v is not None]
    low, high = (min(known), max(known)) if known else (Decimal(0), Decimal(0))

    def tick(v: Decimal | None) -> str:
        if v is None:
            return " "
        if high == low:
            return _TICKS[len(_TICKS) // 2]
        return _TICKS[int((v - low) / (high - low) * (len(_TICKS) - 1))]

    return "".join(tick(v) for v in values), "".join(tick(v) for v in path)


def direction_word(direction: Direction, lang: str) -> str:
    word = _DIRECTION_ZH[direction] if lang == "zh" else _DIRECTION_EN[direction]
    return f"{_ARROW[direction]} {word}"


def _lines(series: Series, lang: str) -> tuple[list[str], list[str]]:
    """One line per period: ``前三季度 7.6 %`` and the expected figure beside it."""
    figures, path = [], []
    # A year axis when the figures span years (a multi-year plan); months within one year.
    across_years = len({r.period.year for r in series.points if r.period}) > 1
    for result, expected in zip(series.points, series.path(), strict=True):
        period = result.period
        label = "" if period is None else period.label(lang) if across_years else period.short_label(lang)
        figures.append(f"{label} {actual_text_lang(result, lang)}")
        path.append(_expected_label(series, expected, lang))
    return figures, path


def _expected_label(series: Series, expected: Decimal | None, lang: str) -> str:
    """The expected path as the target speaks: a class label, 是/done, or a number."""
    t = series.target
    if expected is None:
        return "—"
    if t.scale is not None:
        return fmt.with_unit(t.scale[int(expected)], fmt.unit(t, lang))
    if t.kind is Kind.MILESTONE:
        return "是" if lang == "zh" else "done"
    return fmt.with_unit(fmt.number(expected), fmt.unit(t, lang))


_HEADERS = {
    "zh": ("指标", "各期实际", "序时进度或目标", "走势", "方向", "最新"),
    "en": ("indicator", "figures", "expected", "trend", "direction", "latest"),
}


def table(all_series: list[Series], lang: str) -> RenderableType:
    grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for header in _HEADERS[lang]:
        grid.add_column(header, overflow="fold")
    for series in all_series:
        figures, path = _lines(series, lang)
        actual_line, path_line = sparklines(series)
        last = series.points[-1].status
        tag = commitment_tag(series.points[-1], lang)
        grid.add_row(
            Text(visible(series.target.name.get(lang))),
            Text("\n".join(visible(f) for f in figures)),
            Text("\n".join(path), style="dim"),
            Text.assemble((actual_line, "bold"), "\n", (path_line, "dim")),
            Text(direction_word(series.direction, lang)),
            # the commitment beside a shortfall, on a line of its own so the column stays narrow
            Text(
                f"{STATUS_SYMBOL[last]} {status_word(last, lang)}" + (f"\n{tag.strip()}" if tag else ""),
                style=STATUS_STYLE[last],
            ),
        )
    note = (
        "走势：上行为实际，下行为序时进度或目标，同一刻度"
        if lang == "zh"
        else "trend: figures above, the expected path below, on one scale"
    )
    return Group(grid, Text(note, style="dim"))


def markdown(all_series: list[Series], lang: str) -> str:
    head = list(_HEADERS[lang])
    lines = ["# " + ("走势" if lang == "zh" else "Trends"), "", "| " + " | ".join(head) + " |"]
    lines.append("|" + " --- |" * len(head))
    for series in all_series:
        figures, path = _lines(series, lang)
        actual_line, path_line = sparklines(series)
        last = series.points[-1].status
        tag = commitment_tag(series.points[-1], lang)
        cells = [
            escape(series.target.name.get(lang)),
            "<br>".join(escape(f) for f in figures),
            "<br>".join(escape(p) for p in path),
            f"`{actual_line}` / `{path_line}`",
            direction_word(series.direction, lang),
            f"{STATUS_EMOJI[last]} {status_word(last, lang)}{tag}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def to_json(all_series: list[Series]) -> str:
    doc: dict[str, Any] = {
        "schema": TREND_SCHEMA,
        "gxcheck": __version__,
        "series": [
            {
                "id": s.target.id,
                "direction": s.direction.value,
                "points": [
                    {
                        "period": str(r.period),
                        "value": num(v),
                        "expected": num(p),
                        "status": r.status.value,
                        "raw": r.actual.raw if r.actual else None,
                    }
                    for r, v, p in zip(s.points, s.values(), s.path(), strict=True)
                ],
            }
            for s in all_series
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
