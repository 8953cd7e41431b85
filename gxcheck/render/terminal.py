"""The coloured scorecard for a terminal: a rich renderable, nothing printed here.

Every cell is a :class:`rich.text.Text`, never markup, so text from a CSV or a
targets file is shown literally; control characters are made visible first.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.constrain import Constrain
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from gxcheck import fmt
from gxcheck.labels import STATUS_STYLE, STATUS_SYMBOL, commitment_word, status_word
from gxcheck.model import Catalogue, Commitment, Result, Scorecard, Status
from gxcheck.render.common import (
    ReportOptions,
    actual_text_lang,
    area_heading,
    gap_text,
    heading,
    period_text,
    ratio_percent,
    tally_text,
    verdict,
)
from gxcheck.textsafe import visible

BAR_CELLS = 6
NARROW = 100
_PARTIAL = " ▏▎▍▌▋▊▉"
_FAIL_STYLE = "bold red"


def progress_bar(result: Result, cells: int = BAR_CELLS) -> Text:
    """``█████▌  92%``: the completion ratio, capped at a full bar, coloured by status.

    With ``cells`` 0 (a narrow terminal) only the percentage is shown.
    """
    if result.ratio is None:
        return Text("")
    percent = ratio_percent(result).rjust(4)
    if cells == 0:
        return Text(percent, style=STATUS_STYLE[result.status])
    shown = max(Decimal(0), min(result.ratio, Decimal(1)))
    full, part = divmod(int(shown * cells * 8), 8)
    bar = "█" * full + (_PARTIAL[part] if part else "")
    return Text.assemble((bar.ljust(cells), STATUS_STYLE[result.status]), " ", (percent, "dim"))


def _status_cell(status: Status, lang: str) -> Text:
    return Text(f"{STATUS_SYMBOL[status]} {status_word(status, lang)}", style=STATUS_STYLE[status])


def _name_cell(result: Result, lang: str, marker: str) -> Text:
    """``[确保] 项目投用 ²``: the commitment reads without colour; the marker points to a footnote."""
    word = commitment_word(result.target.commitment, lang)
    cell = Text()
    if word:
        ensure = result.target.commitment is Commitment.ENSURE
        cell.append(f"[{word}] ", style="bold magenta" if ensure else "magenta")
    cell.append(visible(result.target.name.get(lang)))
    if marker:
        cell.append(f" {marker}", style="dim")
    return cell


def _table(title: Text) -> Table:
    return Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        show_edge=False,
    )


def _needs_footnote(result: Result) -> bool:
    """Why-lines for what a reader will question: every verdict other than no data."""
    return result.status is not Status.NO_DATA and (
        result.status is not Status.MET or not result.decided or bool(result.target.note)
    )


@dataclass(frozen=True)
class _Columns:
    """Column headers and widths shared by every area's table, so that they line up."""

    headers: tuple[str, ...]
    widths: tuple[int, ...]  # status, name (its natural width), target, actual, gap, progress
    bar_cells: int

    @property
    def total(self) -> int:
        return sum(self.widths) + 2 * (len(self.widths) - 1)


def _columns(card: Scorecard, lang: str, bar_cells: int) -> _Columns:
    zh = lang == "zh"
    headers = (
        ("状态", "指标", "目标", "实际", "差距", "进度")
        if zh
        else ("status", "indicator", "target", "actual", "gap", "progress")
    )
    cells: list[list[str]] = [
        [f"{STATUS_SYMBOL[r.status]} {status_word(r.status, lang)}" for r in card.results],
        [],
        [],
        [],
        [],
        [],
    ]
    for r in card.results:
        word = commitment_word(r.target.commitment, lang)
        cells[1].append((f"[{word}] " if word else "") + visible(r.target.name.get(lang)) + " 99")
        cells[2].append(visible(fmt.target_wording(r.target, lang)))
        cells[3].append(visible(actual_text_lang(r, lang)))
        cells[4].append(gap_text(r))
    cells[5].append("█" * bar_cells + " 100%")
    caps = (99, 999, 20, 16, 12, 99)
    widths = tuple(
        min(cap, max([cell_len(header), *(cell_len(c) for c in column)]))
        for header, column, cap in zip(headers, cells, caps, strict=True)
    )
    return _Columns(headers, widths, bar_cells)


def _area_table(
    title: str, tally: str, results: list[Result], lang: str, columns: _Columns
) -> tuple[Table, Table | None]:
    table = _table(Text.assemble((title, "bold"), "  ", (tally, "dim")))
    status_w, _, target_w, actual_w, gap_w, bar_w = columns.widths
    h = columns.headers
    table.add_column(h[0], no_wrap=True, width=status_w)
    table.add_column(h[1], ratio=1, min_width=10, overflow="fold")
    table.add_column(h[2], overflow="fold", width=target_w)
    table.add_column(h[3], justify="right", overflow="fold", width=actual_w)
    table.add_column(h[4], justify="right", no_wrap=True, width=gap_w)
    table.add_column(h[5], no_wrap=True, width=bar_w)
    notes = Table.grid(padding=(0, 1))
    notes.add_column(justify="right", style="dim", no_wrap=True)
    notes.add_column(overflow="fold")
    for result in results:
        marker = ""
        if _needs_footnote(result):
            marker = str(notes.row_count + 1)
            notes.add_row(marker, _footnote(result, lang))
        table.add_row(
            _status_cell(result.status, lang),
            _name_cell(result, lang, marker),
            Text(visible(fmt.target_wording(result.target, lang))),
            Text(visible(actual_text_lang(result, lang))),
            Text(gap_text(result)),
            progress_bar(result, columns.bar_cells),
        )
    return table, notes if notes.row_count else None


def _footnote(result: Result, lang: str) -> Text:
    line = Text(visible(result.reason.get(lang)), style=STATUS_STYLE[result.status])
    if result.target.note:
        line.append(" · ", style="dim")
        line.append(visible(("注：" if lang == "zh" else "note: ") + result.target.note), style="dim")
    return line


class ScorecardView:
    """The whole scorecard, laid out for the width it is given: a header, one table per
    area with aligned columns, footnotes, and the verdict. Below 100 columns the
    progress bars give way to percentages so that names keep their room."""

    def __init__(self, card: Scorecard, options: ReportOptions) -> None:
        self.card = card
        self.options = options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = _columns(self.card, self.options.lang, BAR_CELLS if options.max_width >= NARROW else 0)
        # No wider than the widest row needs, so that on a wide terminal the columns stay together.
        yield Constrain(Group(*self.parts(columns)), width=columns.total)

    def parts(self, columns: _Columns) -> list[RenderableType]:
        card, lang = self.card, self.options.lang
        plan = card.catalogue.plan
        parts: list[RenderableType] = [
            Text(visible(plan.title.get(lang)), style="bold"),
            Text(f"{period_text(card, lang)} · {card.catalogue.path}", style="dim"),
        ]
        for area, results in card.by_area():
            title, tally = heading(area, card, lang), tally_text(card.tally(area.id), lang)
            table, notes = _area_table(title, tally, results, lang, columns)
            parts += [Text(""), table]
            if notes is not None:
                parts.append(Padding(notes, (0, 0, 0, 2)))
        parts.append(Text(""))
        if card.skipped_unknown:
            skipped = (
                f"跳过 {card.skipped_unknown} 行未知指标（--ignore-unknown）"
                if lang == "zh"
                else f"skipped {card.skipped_unknown} rows with unknown ids (--ignore-unknown)"
            )
            parts.append(Text(skipped, style="dim"))
        style = _FAIL_STYLE if card.failing(self.options.fail_on) else "bold green"
        label = "结论：" if lang == "zh" else "Verdict: "
        parts.append(Text.assemble((label, "bold"), (verdict(card, self.options), style)))
        return parts


def to_text(renderable: RenderableType, width: int = 100) -> str:
    """Plain text of a renderable at a fixed width, no colour: for files and tests."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, highlight=False, force_terminal=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def scorecard(card: Scorecard, options: ReportOptions) -> RenderableType:
    """The scorecard as a rich renderable (see :class:`ScorecardView`)."""
    return ScorecardView(card, options)


def catalogue_table(catalogue: Catalogue, lang: str, area: str | None = None) -> RenderableType:
    """``gxcheck targets``: the plan at a glance, grouped by area."""
    zh = lang == "zh"
    parts: list[RenderableType] = [Text(visible(catalogue.plan.title.get(lang)), style="bold")]
    for index, a in enumerate(catalogue.areas):
        if area is not None and a.id != area:
            continue
        targets = [t for t in catalogue.targets if t.area == a.id]
        table = Table(
            title=Text(area_heading(a, index, lang), style="bold"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            expand=True,
            pad_edge=False,
            show_edge=False,
        )
        table.add_column("id", no_wrap=True, style="cyan")
        table.add_column("指标" if zh else "indicator", ratio=1)
        table.add_column("目标" if zh else "target", min_width=8)
        table.add_column("承诺" if zh else "commitment", no_wrap=True)
        for t in targets:
            table.add_row(
                Text(t.id),
                Text(visible(t.name.get(lang))),
                Text(visible(fmt.target_wording(t, lang))),
                Text(commitment_word(t.commitment, lang), style="magenta"),
            )
        parts.append(table)
    count = sum(1 for t in catalogue.targets if area is None or t.area == area)
    parts.append(Text(f"{count} 项目标" if zh else f"{count} targets", style="dim"))
    return Group(*parts)
