"""The README shows real output: its blocks and picture are checked against the code.

``GXCHECK_UPDATE_GOLDEN=1`` rewrites them after a deliberate change.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from conftest import ROOT
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.model import Scorecard
from gxcheck.render import Format, json_report, terminal
from gxcheck.render import svg as render_svg
from gxcheck.render.common import ReportOptions

README = ROOT / "README.md"
SVG = ROOT / "docs" / "scorecard.svg"
UPDATE = bool(os.environ.get("GXCHECK_UPDATE_GOLDEN"))
# The day the README's outputs say they were made (生成于2026-12-01), fixed so that they stay real
# output on any later day: as ReportOptions.run_at, and as SOURCE_DATE_EPOCH for a CLI run.
README_RUN_AT = "2026-12-01T00:00:00"
README_EPOCH = "1796083200"


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
    made = ReportOptions("zh", run_at=README_RUN_AT)
    readme_block("scorecard", terminal.to_text(terminal.scorecard(card_2024, made), 100))


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
    svg = render_svg.scorecard(card_2024, ReportOptions("zh", run_at=README_RUN_AT))
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


def _section(title: str) -> str:
    """The README's text from the heading ``title`` to the next heading of the same level."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n{title}\n")
    level = title.split(" ")[0]
    end = text.find(f"\n{level} ", start + len(title) + 2)
    return text[start : end if end >= 0 else None]


def test_readme_documents_every_format() -> None:
    table = _section("## Output formats")
    documented = re.findall(r"^\| `([a-z]+)`", table, re.M)
    assert documented == [f.value for f in Format]


def test_readme_links_to_its_own_headings() -> None:
    text = README.read_text(encoding="utf-8")
    prose = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    slugs = {
        re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        for heading in re.findall(r"^#+ (.+)$", prose, re.M)
    }
    anchors = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert anchors and anchors <= slugs, anchors - slugs


def test_readme_json_example_has_the_real_keys(card_2024: Scorecard) -> None:
    example = _section("### JSON output")
    real = json.loads(json_report.scorecard(card_2024, ReportOptions("zh")))
    assert re.findall(r'^  "(\w+)":', example, re.M) == list(real)
    tally = re.search(r'"tally": (\{.*?\})', example, re.S)
    assert tally and json.loads(tally.group(1)) == real["tally"]


def _bad_inputs(directory: Path) -> list[list[str]]:
    """The README's Errors example: real bad inputs in ``directory``, and the commands that read them."""
    targets = (ROOT / "gxcheck" / "data" / "2024.yaml").read_text(encoding="utf-8")
    first_op = "    kind: growth\n    op: about\n"
    assert first_op in targets
    bad_op = targets.replace(first_op, '    kind: growth\n    op: "=>"\n', 1)
    (directory / "my-targets.yaml").write_text(bad_op, encoding="utf-8")
    (directory / "a.csv").write_text(
        "id,period,value\n"
        "gdp_growth,2024,7.4%\n"
        "new_market_entities,2024,1.2万人\n"
        "gdp_growth,2024,7.5%\n"
        "gdp_growth,2024年二季度,7.1%\n"
        "gdp\u200b_growth,2024,7.4%\n"
        "gdp_growth,2024-13,7.4%\n",
        encoding="utf-8",
    )
    (directory / "b.csv").write_bytes(b"id,value\ngdp_growth,7.4%\nbeds,\xff\xfe100\n")
    octal = targets.replace("    value: 8\n", "    value: 010\n", 1)
    (directory / "targets.yaml").write_text(octal, encoding="utf-8")
    return [
        ["validate", "my-targets.yaml"],
        ["score", "a.csv"],
        ["score", "b.csv"],
        ["validate", "targets.yaml"],
        ["score", "actuals.csv", "-o", "actuals.csv"],
        ["score", "actuals.csv", "--fail-on", "missd"],
    ]


def test_readme_errors_are_the_real_messages_in_both_languages(tmp_path: Path) -> None:
    """Every line of the README's two Errors blocks is what gxcheck prints, by default in Chinese
    and with --lang en in English, at the same place and with exit code 2."""
    commands = _bad_inputs(tmp_path)
    (tmp_path / "actuals.csv").write_bytes((ROOT / "actuals" / "2024.csv").read_bytes())
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        shown = {}
        for lang in ("zh", "en"):
            lines = []
            for command in commands:
                result = CliRunner().invoke(app, [*command, "--lang", lang], env={"COLUMNS": "100"})
                assert result.exit_code == 2, (command, result.stderr)
                lines += result.stderr.splitlines()
            shown[lang] = lines
    finally:
        os.chdir(old)
    where = [[line.split(": ", 1)[0] for line in shown[lang]] for lang in ("zh", "en")]
    assert where[0] == where[1]
    readme_block("errors-zh", "\n".join(shown["zh"]))
    readme_block("errors-en", "\n".join(shown["en"]))
