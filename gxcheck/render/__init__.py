"""Renderers: one module per format, each a pure function of a scorecard."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from rich.console import RenderableType

from gxcheck.model import Scorecard
from gxcheck.render import github, html, json_report, junit, markdown, svg, terminal
from gxcheck.render.common import ReportOptions


class Format(str, Enum):
    """Output formats of ``gxcheck score``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    JUNIT = "junit"
    GITHUB = "github"
    HTML = "html"
    SVG = "svg"


Renderer = Callable[[Scorecard, ReportOptions], "str | RenderableType"]

SCORECARD_RENDERERS: dict[Format, Renderer] = {
    Format.TABLE: terminal.scorecard,
    Format.MARKDOWN: markdown.scorecard,
    Format.JSON: json_report.scorecard,
    Format.JUNIT: junit.scorecard,
    Format.GITHUB: github.scorecard,
    Format.HTML: html.scorecard,
    Format.SVG: svg.scorecard,
}

__all__ = ["SCORECARD_RENDERERS", "Format", "Renderer", "ReportOptions"]
