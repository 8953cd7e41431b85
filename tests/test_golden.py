"""Whole outputs on the real 2024 data, compared with files under tests/golden/.

After a deliberate change of output, regenerate with
``GXCHECK_UPDATE_GOLDEN=1 make test`` and review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gxcheck import load_targets
from gxcheck.model import Scorecard
from gxcheck.render import json_report, markdown, terminal
from gxcheck.render.common import ReportOptions

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("GXCHECK_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}; run with GXCHECK_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "lang", "width"),
    [
        ("score-2024-zh-80.txt", "zh", 80),
        ("score-2024-zh-160.txt", "zh", 160),
        ("score-2024-en-160.txt", "en", 160),
        ("score-2024-en-80.txt", "en", 80),
    ],
)
def test_table(card_2024: Scorecard, name: str, lang: str, width: int) -> None:
    check_golden(name, terminal.to_text(terminal.scorecard(card_2024, ReportOptions(lang)), width))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown(card_2024: Scorecard, lang: str) -> None:
    check_golden(f"score-2024-{lang}.md", markdown.scorecard(card_2024, ReportOptions(lang)))


def test_json(card_2024: Scorecard) -> None:
    check_golden("score-2024.json", json_report.scorecard(card_2024, ReportOptions()))


def test_catalogue_outputs() -> None:
    catalogue = load_targets()
    check_golden("targets-zh-100.txt", terminal.to_text(terminal.catalogue_table(catalogue, "zh"), 100))
    check_golden("targets-en.md", markdown.catalogue(catalogue, "en"))
    check_golden("targets.json", json_report.catalogue(catalogue))


def test_table_lines_fit_the_width(card_2024: Scorecard) -> None:
    from rich.cells import cell_len

    for width in (80, 100, 160):
        text = terminal.to_text(terminal.scorecard(card_2024, ReportOptions("zh")), width)
        assert max(cell_len(line) for line in text.splitlines()) <= width


def test_columns_line_up_across_areas(card_2024: Scorecard) -> None:
    """Every area's header row puts 目标 (target) in the same column, so the tables read as one."""
    text = terminal.to_text(terminal.scorecard(card_2024, ReportOptions("zh")), 160)
    headers = [line for line in text.splitlines() if line.startswith("状态")]
    assert len(headers) == 8
    assert len({line.index("目标") for line in headers}) == 1
