"""The README shows real output: its blocks and picture are checked against the code.

``GXCHECK_UPDATE_GOLDEN=1`` rewrites them after a deliberate change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import ROOT
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.model import Scorecard
from gxcheck.render import svg as render_svg
from gxcheck.render import terminal
from gxcheck.render.common import ReportOptions

README = ROOT / "README.md"
SVG = ROOT / "docs" / "scorecard.svg"
UPDATE = bool(os.environ.get("GXCHECK_UPDATE_GOLDEN"))


def readme_block(name: str, body: str) -> None:
    """Check (or rewrite) the fenced block between <!-- name:start --> and <!-- name:end -->."""
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    body = "".join(line.rstrip() + "\n" for line in body.splitlines())
    wanted = f"```text\n{body}```\n"
    match = pattern.search(text)
    assert match, f"README has no {name} block"
    if UPDATE:
        README.write_text(pattern.sub(lambda m: m.group(1) + wanted + m.group(2), text), encoding="utf-8")
        return
    assert match.group(0)[len(match.group(1)) : -len(match.group(2))] == wanted


def test_readme_scorecard_is_the_real_output(card_2024: Scorecard) -> None:
    readme_block("scorecard", terminal.to_text(terminal.scorecard(card_2024, ReportOptions("zh")), 100))


def test_readme_help_is_the_real_help() -> None:
    result = CliRunner().invoke(app, ["--help"])
    readme_block("help", result.stdout)


def test_readme_explain_is_the_real_output() -> None:
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            app, ["explain", "gdp_growth", "actuals/2024.csv"], env={"COLUMNS": "100"}
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 0
    readme_block("explain", result.stdout)


def test_readme_picture_is_the_real_scorecard(card_2024: Scorecard) -> None:
    svg = render_svg.scorecard(card_2024, ReportOptions("zh"))
    if UPDATE:
        SVG.parent.mkdir(exist_ok=True)
        SVG.write_text(svg, encoding="utf-8")
    assert SVG.read_text(encoding="utf-8") == svg


def test_readme_library_example_runs() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Library API") :]
    code = section[section.index("```python\n") + len("```python\n") : section.index("```\n", 10)]
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        namespace: dict[str, object] = {}
        exec(compile(code, "README.md", "exec"), namespace)
    finally:
        os.chdir(old)
    assert str(namespace["q3"].period) == "2024-09"  # type: ignore[attr-defined]
    assert str(namespace["markdown"]).startswith("# Chongqing High-tech Zone")
