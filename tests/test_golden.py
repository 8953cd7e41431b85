"""Whole outputs on the real 2024 data, compared with files under tests/golden/.

After a deliberate change of output, regenerate with
``GXCHECK_UPDATE_GOLDEN=1 make test`` and review the diff like any other change.
"""

from __future__ import annotations

import os
import re
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
    text = terminal.to_text(terminal.scorecard(card_2024, ReportOptions("zh", all_rows=True)), 160)
    headers = [line for line in text.splitlines() if line.startswith("状态")]
    assert len(headers) == 8
    assert len({line.index("目标") for line in headers}) == 1


def test_no_data_targets_are_one_line_per_area(card_2024: Scorecard) -> None:
    """By default the 58 targets with no figure are listed by name under their area (no table
    where an area has nothing else); ``--all`` shows them as rows. The tally keeps them."""
    text = terminal.to_text(terminal.scorecard(card_2024, ReportOptions("zh")), 160)
    lines = text.splitlines()
    assert len([line for line in lines if line.startswith("状态")]) == 3  # areas with a judged figure
    listed = [line.strip() for line in lines if line.strip().startswith("无数据 ")]
    assert listed[0].startswith("无数据 8 项：张江国家实验室重庆基地落地运行、")
    assert sum(int(line.split()[1]) for line in listed) == 58
    assert "（一）推动科技创新增效赋能  无数据 8" in lines
    assert "? 无数据" not in text
    full = terminal.to_text(terminal.scorecard(card_2024, ReportOptions("zh", all_rows=True)), 160)
    assert full.count("? 无数据") == 58 and "无数据 8 项" not in full


@pytest.mark.parametrize("width", [80, 100, 160])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_ci_log_reads_cleanly(card_2024: Scorecard, width: int, lang: str) -> None:
    """The verdict is one line that never wraps; no footnote number stands alone on a line."""
    text = terminal.to_text(terminal.scorecard(card_2024, ReportOptions(lang, all_rows=True)), width)
    lines = text.splitlines()
    wanted = (
        "结论：不通过：8 项基本完成或未完成（其中确保 1 项）"
        if lang == "zh"
        else "Verdict: FAIL: 8 near or missed (1 of them 确保, a firm commitment)"
    )
    assert lines[-1] == wanted
    assert not [line for line in lines if re.fullmatch(r"\s*\d+\s*", line)]
