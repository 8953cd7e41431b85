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
_FONT_FACE = re.compile(r"\n\s*@font-face \{[^}]*\}")
# Fonts the reader's machine has: nothing is fetched, so the picture renders offline and
# opening it sends no request. Latin monospace only: Chinese falls back to the system's CJK
# face, which each run's textLength stretches to two cells (a CJK monospace face would turn
# on its full-width Latin forms under rich's font-variant-east-asian and misalign the digits).
MONOSPACE = '"Fira Code", "DejaVu Sans Mono", Menlo, Consolas, monospace'
SANS = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif'


def _widths_by_cells(svg: str) -> str:
    """rich sizes each text run by its number of characters; a Chinese character takes two
    terminal cells, so runs of Chinese would be squeezed into half their width and overlap.
    Size every run by its cells instead."""
    char_width = CHAR_HEIGHT * FONT_ASPECT_RATIO

    def by_cells(match: re.Match[str]) -> str:
        cells = cell_len(html.unescape(match.group(3)))
        return f"{match.group(1)}{char_width * cells:g}{match.group(2)}{match.group(3)}{match.group(4)}"

    return _TEXT_LENGTH.sub(by_cells, svg)


def _self_contained(svg: str) -> str:
    """rich's export links the Fira Code web font on a CDN: drop it for local fonts."""
    svg = _FONT_FACE.sub("", svg)
    svg = svg.replace("font-family: Fira Code, monospace;", f"font-family: {MONOSPACE};")
    return svg.replace("font-family: arial;", f"font-family: {SANS};")


def scorecard(card: Scorecard, options: ReportOptions) -> str:
    console = Console(
        record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor"
    )
    console.print(terminal.scorecard(card, options))
    title = f"gxcheck · {card.catalogue.plan.title.get(options.lang)}"
    svg = console.export_svg(title=title, font_aspect_ratio=FONT_ASPECT_RATIO)
    return _self_contained(_widths_by_cells(svg))
