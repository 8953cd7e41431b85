"""The coloured terminal scorecard as an SVG picture (for READMEs and reports)."""

from __future__ import annotations

import html
import io
import re

from rich.cells import cell_len
from rich.console import Console

from gxcheck.model import Scorecard
from gxcheck.render import terminal
from gxcheck.render.common import ReportOptions

WIDTH = 100
CHAR_HEIGHT = 20  # rich's export_svg draws a character 20 units high …
FONT_ASPECT_RATIO = 0.61  # … and this much as wide
_TEXT_LENGTH = re.compile(r'(<text [^>]*?textLength=")[^"]*("[^>]*>)([^<]*)(</text>)')


def _widths_by_cells(svg: str) -> str:
    """rich sizes each text run by its number of characters; a Chinese character takes two
    terminal cells, so runs of Chinese would be squeezed into half their width and overlap.
    Size every run by its cells instead."""
    char_width = CHAR_HEIGHT * FONT_ASPECT_RATIO

    def by_cells(match: re.Match[str]) -> str:
        cells = cell_len(html.unescape(match.group(3)))
        return f"{match.group(1)}{char_width * cells:g}{match.group(2)}{match.group(3)}{match.group(4)}"

    return _TEXT_LENGTH.sub(by_cells, svg)


def scorecard(card: Scorecard, options: ReportOptions) -> str:
    console = Console(
        record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    console.print(terminal.scorecard(card, options))
    title = f"gxcheck · {card.catalogue.plan.title.get(options.lang)}"
    return _widths_by_cells(console.export_svg(title=title, font_aspect_ratio=FONT_ASPECT_RATIO))
