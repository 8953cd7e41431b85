"""GitHub Actions workflow commands: an annotation for each target that is not met, on the
row of the actuals CSV that holds its figure (the line a pull request changes), else on the
target's line in the user's own targets file. GitHub shows 10 annotations of each kind per
step, so the most serious come first (see ``seriousness``) and one more says how many were
left out. Last, a notice gives the verdict, titled with how fresh the figures are and when the
report was made."""

from __future__ import annotations

import re
from decimal import Decimal

from gxcheck.labels import STATUS_EN, STATUS_ZH
from gxcheck.model import Commitment, Result, Scorecard
from gxcheck.render.common import ReportOptions, commitment_tag, stamp, verdict
from gxcheck.render.words import reason

PER_KIND = 10  # GitHub's limit of annotations of one kind per step
_COMMITMENT_RANK = {Commitment.ENSURE: 0, Commitment.PLAIN: 1, Commitment.STRIVE: 2}


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF are escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _shortfall(result: Result) -> Decimal:
    """How far short, relative to the target (a missing figure counts as wholly short)."""
    if result.ratio is not None:
        return Decimal(1) - result.ratio
    if result.gap is not None and isinstance(result.target.value, Decimal) and result.target.value != 0:
        return abs(result.gap / result.target.value)
    return Decimal(1) if result.actual is None else Decimal(0)


def seriousness(result: Result) -> tuple[int, int, int, Decimal]:
    """Sort key: a shortfall shown by a figure before a missing figure, then 确保 before plain
    before 力争, then the more severe status (``Status.severity``), then the largest shortfall."""
    no_figure = 1 if result.actual is None else 0
    worse_first = -result.status.severity
    return (no_figure, _COMMITMENT_RANK[result.target.commitment], worse_first, -_shortfall(result))


# Where a figure's row cannot be annotated: standard input, and a workbook's sheet (q3.xlsx!Q3).
_NO_TEXT_FILE = re.compile(r"^<stdin>$|\.(?:xlsx|xlsm|xltx|xls|ods)!", re.I)


def _figure_row(result: Result) -> tuple[str, int] | None:
    """The text file and line that hold the figure, when there are both."""
    a = result.actual
    if a is None or not a.file or a.line is None or _NO_TEXT_FILE.search(a.file):
        return None
    return a.file, a.line


def _command(kind: str, result: Result, card: Scorecard, lang: str) -> str:
    t = result.target
    status = STATUS_ZH[result.status] if lang == "zh" else STATUS_EN[result.status]
    title = f"{t.id} {t.name.get(lang)}: {status}{commitment_tag(result, lang)}"
    message = f"{reason(result).get(lang)} — “{t.quote}”"
    own_file = not card.catalogue.bundled  # the bundled catalogue is no file in the user's repository
    row = _figure_row(result)
    props = []
    if row is not None:
        props += [f"file={escape_property(row[0])}", f"line={row[1]}"]
        if own_file and t.line is not None:
            message += f" ({card.catalogue.path}:{t.line})"
    elif own_file:
        props.append(f"file={escape_property(card.catalogue.path)}")
        if t.line is not None:
            props.append(f"line={t.line}")
    props.append(f"title={escape_property(title)}")
    return f"::{kind} {','.join(props)}::{escape_data(message)}"


def _capped(kind: str, results: list[Result], card: Scorecard, lang: str) -> list[str]:
    results = sorted(results, key=seriousness)
    if len(results) <= PER_KIND:
        return [_command(kind, r, card, lang) for r in results]
    shown = results[: PER_KIND - 1]
    rest = len(results) - len(shown)
    more = f"另有 {rest} 项未列出，见汇总" if lang == "zh" else f"{rest} more not shown here; see the summary"
    return [*(_command(kind, r, card, lang) for r in shown), f"::{kind} title=gxcheck::{escape_data(more)}"]


def scorecard(card: Scorecard, options: ReportOptions) -> str:
    """Workflow commands for the scorecard (ends with a newline)."""
    errors = [r for r in card.results if r.status in options.fail_on]
    warnings = [r for r in card.results if not r.status.good and r.status not in options.fail_on]
    lines = _capped("error", errors, card, options.lang) + _capped("warning", warnings, card, options.lang)
    title = f"gxcheck · {stamp(card, options)}"  # how fresh the figures are, above the verdict
    lines.append(f"::notice title={escape_property(title)}::{escape_data(verdict(card, options))}")
    return "\n".join(lines) + "\n"
