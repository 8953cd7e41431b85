"""The coloured scorecard for a terminal: a rich renderable, nothing printed here.

Every cell is a :class:`rich.text.Text`, never markup, so text from a CSV or a
targets file is shown literally; control characters are made visible first.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
from rich.constrain import Constrain
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from gxcheck import fmt
from gxcheck.labels import STATUS_STYLE, STATUS_SYMBOL, commitment_word, status_word
from gxcheck.model import Catalogue, Commitment, Result, Scorecard, Status
from gxcheck.record import record, replace
from gxcheck.render.common import (
    ReportOptions,
    actual_text_lang,
    area_heading,
    expected_text,
    gap_text,
    heading,
    no_data_line,
    outcome,
    own_period,
    period_text,
    ratio_percent,
    split_no_data,
    stamp,
    tally_line,
    tally_text,
)
from gxcheck.render.words import reason
from gxcheck.textsafe import visible
from gxcheck.wrap import GLUE, Wrapped

BAR_CELLS = 6
MIN_NAME = 10
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
        cell.append(f"{GLUE}{marker}", style="dim")  # never a number alone on a line
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
    """Why-lines for what a reader will question: every verdict on a figure that is not
    plainly good, any undecided bound, and the file's note wherever a figure was judged."""
    if result.actual is None:
        return False
    return not result.status.good or (not result.decided or bool(result.target.note))


@record
class _Column:
    """One column, the same in every area's table so that the tables line up."""

    header: str
    width: int | None  # None: the indicator column, which takes what is left
    cell: Callable[[Result], Text]
    justify: JustifyMethod = "left"
    wrap: bool = True


def _actual_cell(card: Scorecard, lang: str) -> Callable[[Result], Text]:
    def cell(r: Result) -> Text:
        text = Text(visible(actual_text_lang(r, lang)))
        period = own_period(r, card, lang)
        if period:
            text.append(f"\n{period}", style="dim")
        return text

    return cell


def _target_cell(lang: str, *, with_expected: bool) -> Callable[[Result], Text]:
    def cell(r: Result) -> Text:
        text = Text(visible(fmt.target_wording(r.target, lang)))
        if with_expected and r.expected is not None:
            text.append(f"\n{'序时' if lang == 'zh' else 'now'} {expected_text(r, lang)}", style="dim")
        return text

    return cell


def _expected_cell(lang: str) -> Callable[[Result], Text]:
    return lambda r: Text(expected_text(r, lang), style="dim")


def _columns(card: Scorecard, results: list[Result], lang: str, bar_cells: int) -> list[_Column]:
    """Columns sized to the widest cell over the whole card; 序时进度 only when part of the year."""
    zh = lang == "zh"
    narrow = bar_cells == 0  # below 100 columns: no bars, and 序时进度 goes under the target
    specs: list[tuple[str, str, Callable[[Result], Text], JustifyMethod, int]] = [
        ("状态", "status", lambda r: _status_cell(r.status, lang), "left", 99),
        ("指标", "indicator", lambda r: _name_cell(r, lang, "99"), "left", 0),
        ("目标", "target", _target_cell(lang, with_expected=narrow), "left", 20),
        ("实际", "actual", _actual_cell(card, lang), "right", 16),
    ]
    if not narrow and any(r.expected is not None for r in results):
        specs.append(("序时进度", "expected", _expected_cell(lang), "right", 16))
    specs += [
        ("差距", "gap", lambda r: Text(gap_text(r)), "right", 12),
        ("进度", "progress", lambda r: progress_bar(r, bar_cells), "left", 99),
    ]
    columns = []
    for zh_header, en_header, cell, justify, cap in specs:
        header = zh_header if zh else en_header
        widest = max(
            [cell_len(header), *(cell_len(line) for r in results for line in cell(r).plain.split("\n"))]
        )
        columns.append(_Column(header, min(cap, widest) if cap else None, cell, justify, cap != 99))
    return columns


def _area_table(
    title: str, tally: str, results: list[Result], lang: str, columns: list[_Column]
) -> tuple[Table, Table | None]:
    table = _table(Text.assemble((title, "bold"), "  ", (tally, "dim")))
    for column in columns:
        # Every width is fixed, so rich lays the table out without measuring each cell.
        table.add_column(
            column.header,
            width=column.width,
            justify=column.justify,
            no_wrap=not column.wrap,
            overflow="fold",
        )
    notes = Table.grid(padding=(0, 1))
    notes.add_column(justify="right", style="dim", no_wrap=True)
    notes.add_column(overflow="fold")
    for result in results:
        marker = ""
        if _needs_footnote(result):
            marker = str(notes.row_count + 1)
            notes.add_row(marker, Wrapped(_footnote(result, lang)))
        cells: list[RenderableType] = [column.cell(result) for column in columns]
        cells[1] = Wrapped(_name_cell(result, lang, marker))
        table.add_row(*cells)
    return table, notes if notes.row_count else None


SEPARATOR = 3  # between two columns: padding either side and the rule


def _fit_names(results: list[Result], lang: str, columns: list[_Column], max_width: int) -> list[_Column]:
    """Give the indicator column what the others leave, but no more than its widest name."""
    names = max((cell_len(_name_cell(r, lang, "99").plain) for r in results), default=MIN_NAME)
    others = sum(c.width or 0 for c in columns) + SEPARATOR * (len(columns) - 1)
    width = max(MIN_NAME, min(names, max_width - others))
    return [replace(c, width=width) if c.width is None else c for c in columns]


def _footnote(result: Result, lang: str) -> Text:
    line = Text(visible(reason(result).get(lang)), style=STATUS_STYLE[result.status])
    if result.target.note:
        line.append(" · ", style="dim")
        note = result.target.note.get(lang)
        line.append(visible(("注：" if lang == "zh" else "note: ") + note), style="dim")
    return line


class ScorecardView:
    """The whole scorecard, laid out for the width it is given: a header (the plan, the
    period and targets file, how fresh the figures are and when it was made), one table per
    area with aligned columns, footnotes, and the verdict. Below 100 columns the
    progress bars give way to percentages so that names keep their room."""

    def __init__(self, card: Scorecard, options: ReportOptions) -> None:
        self.card = card
        self.options = options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lang = self.options.lang
        rows = split_no_data(list(self.card.results), self.options)[0]
        columns = _columns(self.card, rows, lang, BAR_CELLS if options.max_width >= NARROW else 0)
        columns = _fit_names(rows, lang, columns, options.max_width)
        width = sum(c.width or 0 for c in columns) + SEPARATOR * (len(columns) - 1)
        # No wider than the rows need, so that on a wide terminal the columns stay together.
        yield Constrain(Group(*self.parts(columns)), width=width)

    def parts(self, columns: list[_Column]) -> list[RenderableType]:
        card, lang = self.card, self.options.lang
        plan = card.catalogue.plan
        parts: list[RenderableType] = [
            Text(visible(plan.title.get(lang)), style="bold"),
            Text(
                f"{period_text(card.period, lang, card.catalogue.plan)} · {card.catalogue.path}", style="dim"
            ),
            Text(stamp(card, self.options), style="dim"),
        ]
        for area, results in card.by_area():
            title, tally = heading(area, card, lang), tally_text(card.tally(area.id), lang)
            rows, no_data = split_no_data(results, self.options)
            parts.append(Text(""))
            if rows:
                table, notes = _area_table(title, tally, rows, lang, columns)
                parts.append(table)
                if notes is not None:
                    parts.append(Padding(notes, (0, 0, 0, 2)))
            else:
                parts.append(Text.assemble((visible(title), "bold"), "  ", (tally, "dim")))
            if no_data:
                line = Text(visible(no_data_line(no_data, lang)), style="dim")
                parts.append(Padding(Wrapped(line), (0, 0, 0, 2)))
        parts.append(Text(""))
        if card.skipped_unknown:
            skipped = (
                f"跳过 {card.skipped_unknown} 行未知指标（--ignore-unknown）"
                if lang == "zh"
                else f"skipped {card.skipped_unknown} rows with unknown ids (--ignore-unknown)"
            )
            parts.append(Text(skipped, style="dim"))
        parts.append(Text(("合计：" if lang == "zh" else "Total: ") + tally_line(card, lang), style="dim"))
        parts.append(verdict_line(card, self.options))
        return parts


def verdict_line(card: Scorecard, options: ReportOptions) -> Text:
    """``结论：不通过：7 项基本完成或未完成``: one short line that never wraps in an 80-column log
    (the tally stands on the line above); also all that ``--quiet`` prints."""
    style = _FAIL_STYLE if card.failing(options.fail_on) else "bold green"
    label = "结论：" if options.lang == "zh" else "Verdict: "
    return Text.assemble((label, "bold"), (outcome(card, options), style))


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
    for a in catalogue.areas:
        if area is not None and a.id != area:
            continue
        targets = [t for t in catalogue.targets if t.area == a.id]
        table = Table(
            title=Text(area_heading(a, catalogue.area_number(a.id), lang), style="bold"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            expand=True,
            pad_edge=False,
            show_edge=False,
        )
        table.add_column("id", no_wrap=True, style="cyan")
        table.add_column("指标" if zh else "indicator", ratio=1, overflow="fold")
        table.add_column("目标" if zh else "target", min_width=8)
        table.add_column("承诺" if zh else "commitment", no_wrap=True)
        notes = Table.grid(padding=(0, 1))
        notes.add_column(justify="right", style="dim", no_wrap=True)
        notes.add_column(overflow="fold", style="dim")
        for t in targets:
            name = Text(visible(t.name.get(lang)))
            if t.note:  # how the file reads the plan, shown wherever the target is
                marker = str(notes.row_count + 1)
                name.append(f" {marker}", style="dim")
                notes.add_row(marker, Wrapped(Text(visible(t.note.get(lang)))))
            table.add_row(
                Text(t.id),
                name,
                Text(visible(fmt.target_wording(t, lang))),
                Text(commitment_word(t.commitment, lang), style="magenta"),
            )
        parts.append(table)
        if notes.row_count:
            parts.append(Padding(notes, (0, 0, 1, 2)))
    count = sum(1 for t in catalogue.targets if area is None or t.area == area)
    parts.append(Text(f"{count} 项目标" if zh else f"{count} targets", style="dim"))
    return Group(*parts)


def bundled_table(plans: list[tuple[str, Catalogue]], lang: str) -> RenderableType:
    """``gxcheck targets --list``: the bundled plans, by the names ``--targets`` takes."""
    zh = lang == "zh"
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("名称" if zh else "name", no_wrap=True, style="cyan")
    table.add_column("年份" if zh else "years", no_wrap=True)
    table.add_column("规划" if zh else "plan", ratio=1, overflow="fold")
    table.add_column("目标" if zh else "targets", justify="right", no_wrap=True)
    for name, cat in plans:
        table.add_row(
            Text(name),
            Text(cat.plan.years_label(lang)),
            Text(visible(cat.plan.title.get(lang))),
            Text(str(len(cat.targets))),
        )
    return table
