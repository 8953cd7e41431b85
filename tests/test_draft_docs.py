"""README "Checking another plan" shows real output: draft, one drafted target, score."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from test_docs import README_EPOCH, readme_block
from typer.testing import CliRunner

from gxcheck.cli import app

runner = CliRunner()


@pytest.fixture
def walk(tmp_path: Path) -> Iterator[Path]:
    """A directory with plan.txt (the 2023–2027 plan) and figures.csv, as the README has them."""
    shutil.copy(ROOT / "gxcheck" / "data" / "2023-2027.source.txt", tmp_path / "plan.txt")
    shutil.copy(ROOT / "docs" / "examples" / "2023-2027-draft-figures.csv", tmp_path / "figures.csv")
    old = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(old)


def test_readme_walks_through_another_plan(walk: Path) -> None:
    result = runner.invoke(app, ["draft", "plan.txt", "-o", "my-plan.yaml", "--lang", "en"])
    assert result.exit_code == 0
    readme_block("draft-summary", result.stdout)

    text = (walk / "my-plan.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: gaoxin_jishu_qiye_zongliang")
    readme_block("draft-target", text[start : text.index("\n\n", start) + 1])

    assert runner.invoke(app, ["validate", "my-plan.yaml"]).exit_code == 0
    assert runner.invoke(app, ["template", "-t", "my-plan.yaml", "-o", "template.csv"]).exit_code == 0
    result = runner.invoke(
        app, ["score", "-t", "my-plan.yaml", "figures.csv", "--as-of", "2024", "--fail-on", "never"],
        env={"COLUMNS": "100", "SOURCE_DATE_EPOCH": README_EPOCH},
    )  # fmt: skip
    assert result.exit_code == 0
    readme_block("draft-score", result.stdout)
