"""Renderers: one module per format, each a pure function of a scorecard.

A renderer's module is imported only when its format is asked for, so that a run that
prints a table does not pay for loading the HTML, JUnit or SVG code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, cast

from gxcheck.render.common import ReportOptions

if TYPE_CHECKING:
    from rich.console import RenderableType

    from gxcheck.model import Scorecard


class Format(str, Enum):
    """Output formats of ``gxcheck score``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    JUNIT = "junit"
    GITHUB = "github"
    HTML = "html"
    SVG = "svg"
    CSV = "csv"
    XLSX = "xlsx"
    DOCX = "docx"


# A report is text, a rich renderable (the table), or bytes (the xlsx and docx files).
Renderer = Callable[["Scorecard", ReportOptions], "str | bytes | RenderableType"]

# The module under gxcheck.render whose ``scorecard`` function renders each format.
RENDERER_MODULES: dict[Format, str] = {
    Format.TABLE: "terminal",
    Format.MARKDOWN: "markdown",
    Format.JSON: "json_report",
    Format.JUNIT: "junit",
    Format.GITHUB: "github",
    Format.HTML: "html",
    Format.SVG: "svg",
    Format.CSV: "csv_report",
    Format.XLSX: "xlsx",
    Format.DOCX: "docx_report",
}


def renderer(format: Format) -> Renderer:
    """The scorecard renderer of ``format``."""
    module = importlib.import_module(f"gxcheck.render.{RENDERER_MODULES[format]}")
    return cast(Renderer, module.scorecard)


__all__ = ["RENDERER_MODULES", "Format", "Renderer", "ReportOptions", "renderer"]
