"""The coloured terminal scorecard as an SVG picture (for READMEs and reports)."""

from __future__ import annotations

import io

from rich.console import Console

from gxcheck.model import Scorecard
from gxcheck.render import terminal
from gxcheck.render.common import ReportOptions

WIDTH = 100


def scorecard(card: Scorecard, options: ReportOptions) -> str:
    console = Console(
        record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    console.print(terminal.scorecard(card, options))
    return console.export_svg(title=f"gxcheck · {card.catalogue.plan.title.get(options.lang)}")
