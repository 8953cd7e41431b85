"""Markdown for pull requests, wikis and reports. Plain text, never rich markup."""

from __future__ import annotations

import re

from gxcheck import fmt
from gxcheck.labels import STATUS_EMOJI, commitment_word, status_word
from gxcheck.model import Catalogue, Result, Scorecard, Status
from gxcheck.render.common import (
    ReportOptions,
    actual_text_lang,
    area_heading,
    expected_text,
    gap_text,
    heading,
    no_data_line,
    own_period,
    period_text,
    ratio_percent,
    split_links,
    split_no_data,
    stamp,
    statuses_shown,
    verdict,
)
from gxcheck.render.words import reason
from gxcheck.textsafe import visible

# What could start markup inside a line: emphasis, code, links, tables, HTML, strikethrough.
# An underscore inside a word (t_13344893) cannot, so URLs stay readable.
_SPECIAL = re.compile(r"([\\`*\[\]|~<>])|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_BREAKS = re.compile(r"[\r\n\t\x00-\x1f\x7f]+")


def escape(text: str) -> str:
    """Text that stays literal in markdown, even in a table cell: no breaks, no markup, no HTML."""
    text = _BREAKS.sub(" ", text).replace("&", "&amp;")
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


def linked(text: str) -> str:
    """Escaped text whose web addresses are autolinks (``<https://…>``), so they stay clickable."""
    return "".join(f"<{escape_url(piece)}>" if url else escape(piece) for piece, url in split_links(text))


def escape_url(url: str) -> str:
    """An address safe inside an autolink and a table cell (``split_links`` leaves out <, > and |)."""
    return visible(url).replace(" ", "%20")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _header(cells: list[str], align: str) -> list[str]:
    rule = {"l": "---", "r": "--:", "c": ":-:"}
    return [_row(cells), _row([rule[a] for a in align])]


def scorecard(card: Scorecard, options: ReportOptions) -> str:
    """The whole report as markdown text (ends with a newline)."""
    lang = options.lang
    zh = lang == "zh"
    plan = card.catalogue.plan
    lines = [
        f"# {escape(plan.title.get(lang))}" + ("：目标完成情况" if zh else ": targets scorecard"),
        "",
        f"**{'结论：' if zh else 'Verdict:'}** {escape(verdict(card, options))}",
        "",
        f"{'期间：' if zh else 'Period: '}{period_text(card.period, lang, card.catalogue.plan)} · "
        f"{'目标文件：' if zh else 'targets: '}{escape(card.catalogue.path)} · {stamp(card, options)}",
        "",
    ]
    shown = statuses_shown(card)
    status_names = [f"{STATUS_EMOJI[s]} {status_word(s, lang)}" for s in shown]
    lines += _header(["领域" if zh else "area", *status_names], "l" + "r" * len(shown))
    for area, _ in card.by_area():
        counts = card.tally(area.id)
        lines.append(_row([escape(heading(area, card, lang)), *(str(counts[s]) for s in shown)]))
    total = card.tally()
    lines.append(_row(["**合计**" if zh else "**total**", *(f"**{total[s]}**" for s in shown)]))
    pro_rated = any(r.expected is not None for r in card.results)
    for area, area_results in card.by_area():
        lines += ["", f"## {escape(heading(area, card, lang))}", ""]
        results, no_data = split_no_data(area_results, options)
        if not results:
            lines.append(escape(no_data_line(no_data, lang)))
            continue
        cols = (
            ["", "指标", "目标", "实际", "差距", "完成率", "说明"]
            if zh
            else ["", "indicator", "target", "actual", "gap", "ratio", "why"]
        )
        align = "llllrrl"
        if pro_rated:
            cols.insert(4, "序时进度" if zh else "expected")
            align = "lllllrrl"
        lines += _header(cols, align)
        details: list[str] = []
        for result in results:
            lines.append(_result_row(result, card, lang, pro_rated))
            detail = _detail(result, lang)
            if detail:
                details.append(detail)
        if details:
            lines += ["", *details]
        if no_data:
            lines += ["", escape(no_data_line(no_data, lang))]
    if card.skipped_unknown:
        lines += [
            "",
            (
                f"跳过 {card.skipped_unknown} 行未知指标（--ignore-unknown）。"
                if zh
                else f"Skipped {card.skipped_unknown} rows with unknown ids (--ignore-unknown)."
            ),
        ]
    return "\n".join(lines) + "\n"


def _result_row(result: Result, card: Scorecard, lang: str, pro_rated: bool) -> str:
    word = commitment_word(result.target.commitment, lang)
    name = escape(result.target.name.get(lang))
    if word:
        name = f"**{word}** {name}"
    why = "" if result.actual is None and result.status is Status.NO_DATA else reason(result).get(lang)
    actual = actual_text_lang(result, lang)
    period = own_period(result, card, lang)
    cells = [
        f"{STATUS_EMOJI[result.status]} {status_word(result.status, lang)}",
        name,
        escape(fmt.target_wording(result.target, lang)),
        escape(f"{actual} ({period})" if period else actual),
        escape(gap_text(result)),
        ratio_percent(result),
        escape(why),
    ]
    if pro_rated:
        cells.insert(4, escape(expected_text(result, lang)))
    return _row(cells)


def _detail(result: Result, lang: str) -> str:
    parts = []
    if result.target.note:
        parts.append(("注：" if lang == "zh" else "Note: ") + escape(result.target.note.get(lang)))
    if result.actual is not None and result.actual.source:
        parts.append(("来源：" if lang == "zh" else "Source: ") + linked(result.actual.source))
    if result.actual is not None and result.actual.note:
        parts.append(("数据说明：" if lang == "zh" else "Data note: ") + escape(result.actual.note))
    if not parts:
        return ""
    colon = "：" if lang == "zh" else ": "
    return f"- {escape(result.target.name.get(lang))}{colon}" + " · ".join(parts)


def catalogue(cat: Catalogue, lang: str, area: str | None = None) -> str:
    """``gxcheck targets --format markdown``."""
    zh = lang == "zh"
    lines = [f"# {escape(cat.plan.title.get(lang))}", ""]
    for a in cat.areas:
        if area is not None and a.id != area:
            continue
        lines += [f"## {escape(area_heading(a, cat.area_number(a.id), lang))}", ""]
        lines += _header(
            [
                "id",
                "指标" if zh else "indicator",
                "目标" if zh else "target",
                "承诺" if zh else "commitment",
                "原文" if zh else "quote",
                "说明" if zh else "note",
            ],
            "llllll",
        )
        for t in cat.targets:
            if t.area == a.id:
                lines.append(
                    _row(
                        [
                            f"`{t.id}`",
                            escape(t.name.get(lang)),
                            escape(fmt.target_wording(t, lang)),
                            commitment_word(t.commitment, lang),
                            escape(t.quote),
                            escape(t.note.get(lang)) if t.note else "",
                        ]
                    )
                )
        lines.append("")
    return "\n".join(lines)
