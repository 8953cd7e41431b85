"""No raw control or invisible character reaches a terminal or a report, from any text of a
file, a path, an option or the environment; YAML 1.1 surprises; ids and numbers that look
right and are not."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from conftest import CATALOGUE_2024, ROOT
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.render import Format

runner = CliRunner()
ACTUALS = str(ROOT / "actuals" / "2024.csv")
TARGETS = CATALOGUE_2024.read_text(encoding="utf-8")
# ESC [2J clears the screen, OSC 0 sets the window title, OSC 8 makes a hidden hyperlink,
# U+202E turns the text after it around, U+200B is invisible, U+0085 is a C1 control.
HOSTILE = r"\e[2J\e]0;owned\a\e]8;;https://evil.invalid\e\\click\e]8;;\e\\\u202eevil\u200b\x85"
# What may appear in a report: a line break and a tab are layout, nothing else below space.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


ENGLISH = {"GXCHECK_LANG": "en"}  # validate has no --lang: its messages follow GXCHECK_LANG


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "120", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def hostile(tmp_path: Path, name: str = "targets.yaml") -> Path:
    """The bundled catalogue with HOSTILE in the plan title, an area title, a name, a quote
    and a note (double-quoted YAML, where \\e is ESC)."""
    text = TARGETS.replace(
        "{zh: 西部科学城重庆高新区2023年工作情况和2024年工作打算,", f'{{zh: "计划{HOSTILE}",', 1
    )
    text = text.replace("{id: headline, zh: 主要预期目标,", f'{{id: headline, zh: "主要{HOSTILE}",', 1)
    text = text.replace(
        "{zh: 地区生产总值增长, en: GDP growth}", f'{{zh: "GDP{HOSTILE}", en: "GDP{HOSTILE}"}}'
    )
    text = text.replace('quote: "力争GDP增长8%左右"', f'quote: "力争GDP增长8%左右{HOSTILE}"', 1)
    text = text.replace('      zh: "“左右”按', f'      zh: "{HOSTILE}“左右”按', 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("format", [f.value for f in Format])
def test_no_raw_control_character_reaches_any_report(tmp_path: Path, format: str) -> None:
    targets = hostile(tmp_path)
    report = tmp_path / "report"
    code, out, err = run(
        "score", ACTUALS, "--targets", str(targets), "-f", format, "--fail-on", "never", "-o", str(report)
    )
    assert (code, out, err) == (0, "", "")
    data = report.read_bytes()
    if data.startswith(b"PK"):  # a workbook or a document: its XML parts are the text
        with zipfile.ZipFile(report) as archive:
            parts = [archive.read(n) for n in archive.namelist() if n.endswith((".xml", ".rels"))]
        for part in parts:
            ET.fromstring(part)
        out = "".join(part.decode("utf-8") for part in parts)
    else:
        out = data.decode("utf-8")
    if format == "csv":  # a leading BOM and CRLF line ends are how the CSV is encoded, not its text
        assert out.startswith("\ufeff")
        out = out[1:].replace("\r\n", "\n")
    assert RAW.findall(out) == []
    assert "x1b" in out  # shown, not hidden or dropped


@pytest.mark.parametrize("format", ["table", "markdown", "json"])
def test_no_raw_control_character_reaches_the_targets_listing(tmp_path: Path, format: str) -> None:
    code, out, err = run("targets", "--targets", str(hostile(tmp_path)), "-f", format)
    assert (code, err) == (0, "")
    assert RAW.findall(out) == []


def test_no_raw_control_character_reaches_explain(tmp_path: Path) -> None:
    code, out, err = run("explain", "gdp_growth", ACTUALS, "--targets", str(hostile(tmp_path)))
    assert (code, err) == (0, "")
    assert RAW.findall(out) == []
    assert "\\x1b[2J" in out


def test_the_escapes_are_the_same_everywhere(tmp_path: Path) -> None:
    _, out, _ = run("score", ACTUALS, "--targets", str(hostile(tmp_path)), "-f", "json", "--fail-on", "never")
    shown = "GDP\\x1b[2J\\x1b]0;owned\\x07\\x1b]8;;https://evil.invalid\\x1b\\click\\x1b]8;;\\x1b\\\\u202eevil\\u200b\\x85"
    report = json.loads(out)
    assert report["plan"]["title"]["zh"] == "计划" + shown[3:]
    assert report["areas"][0]["title"]["zh"] == "主要" + shown[3:]


def test_an_svg_of_a_hostile_plan_is_well_formed_xml(tmp_path: Path) -> None:
    picture = tmp_path / "card.svg"
    code, _, err = run("score", ACTUALS, "--targets", str(hostile(tmp_path)), "--svg", str(picture))
    assert (code, err) == (1, "")
    ET.fromstring(picture.read_text(encoding="utf-8"))


def test_a_targets_path_holding_escape_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "t\x1b[31m.yaml"
    path.write_text(TARGETS, encoding="utf-8")
    code, out, err = run("score", ACTUALS, "--targets", str(path), "--fail-on", "never")
    assert (code, err) == (0, "")
    assert RAW.findall(out) == []
    assert "t\\x1b[31m.yaml" in out


def test_a_csv_path_holding_escape_is_shown_escaped_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "a\x1b]0;x\x07.csv"
    path.write_text("id,value\ngdp_growth,abc\n", encoding="utf-8")
    code, out, err = run("score", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"{tmp_path}/a\\x1b]0;x\\x07.csv:2: ")


def test_controls_in_a_csv_note_never_reach_github_annotations(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,value,note\ngdp_growth,7.4,"a\x1b[2J\x07b\u202ec"\n', encoding="utf-8")
    code, out, err = run("score", str(path), "-f", "github", "--fail-on", "never")
    assert (code, err) == (0, "")
    assert RAW.findall(out) == []


def test_an_option_holding_escape_is_shown_escaped(tmp_path: Path) -> None:
    code, out, err = run("score", ACTUALS, "--as-of", "2024-\x1b[2J")
    assert (code, out) == (2, "")
    assert "\x1b" not in err and "\\x1b[2J" in err


def test_an_environment_path_holding_escape_is_shown_escaped(tmp_path: Path) -> None:
    summary = tmp_path / "no" / "s\x1b[2J.md"
    code, _, err = run(
        "score", ACTUALS, "-f", "github", "--lang", "en", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert code == 2
    assert (
        err == f"gxcheck: GITHUB_STEP_SUMMARY {tmp_path}/no/s\\x1b[2J.md: "
        f"the directory {tmp_path}/no does not exist\n"
    )


# -- YAML 1.1 surprises --------------------------------------------------------------------------


def with_value(tmp_path: Path, value: str) -> Path:
    path = tmp_path / "t.yaml"
    text = TARGETS.replace(
        "    value: 8\n    tolerance: 0.5\n", f"    value: {value}\n    tolerance: 0.5\n", 1
    )
    assert text != TARGETS or value == "8"
    path.write_text(text, encoding="utf-8")
    return path


MEANT = "write the number you mean, or quote it as text"


def line_of(path: Path, needle: str) -> int:
    return next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "1:30",
            "'1:30' is read as 90 (a base-60 number) by YAML 1.1; " + MEANT,
        ),
        (
            "010",
            "'010' is read as 8 (an octal number) by YAML 1.1; " + MEANT,
        ),
        (
            "0x10",
            "'0x10' is read as 16 (a hexadecimal number) by YAML 1.1; " + MEANT,
        ),
        ("yes", "'yes' is read as true by YAML 1.1; write true, or quote it as text"),
        ("Off", "'Off' is read as false by YAML 1.1; write false, or quote it as text"),
    ],
)
def test_yaml_11_surprises_are_refused(tmp_path: Path, value: str, message: str) -> None:
    path = with_value(tmp_path, value)
    expected = (2, "", f"{path}:{line_of(path, f'value: {value}')}: {message}\n")
    assert run("validate", str(path), env=ENGLISH) == expected


@pytest.mark.parametrize("value", ["8", "8.0", "0", '"8"'])
def test_plain_numbers_are_still_numbers(tmp_path: Path, value: str) -> None:
    code, _, err = run("validate", str(with_value(tmp_path, value)))
    if value == '"8"':
        assert code == 2 and "value" in err
    else:
        assert (code, err) == (0, "")


def test_a_name_of_only_a_zero_width_space_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        TARGETS.replace("{zh: 地区生产总值增长, en: GDP growth}", '{zh: "\\u200b", en: GDP growth}')
    )
    code, _, err = run("validate", str(path), env=ENGLISH)
    assert code == 2
    assert err.startswith(f"{path}:{line_of(path, 'u200b')}: ") and "non-empty" in err


def test_a_million_unknown_keys_are_capped(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TARGETS + "".join(f"junk_{i}: 1\n" for i in range(5000)), encoding="utf-8")
    code, out, err = run("validate", str(path), env=ENGLISH)
    lines = err.splitlines()
    assert (code, out, len(lines)) == (2, "", 201)
    assert lines[-1] == f"{path}: stopped after 200 problems; fix these first"


def test_a_raw_control_character_in_yaml_is_one_located_line(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TARGETS.replace("GDP growth}", "GDP\x1b growth}", 1), encoding="utf-8")
    assert run("validate", str(path), env=ENGLISH) == (
        2,
        "",
        f"{path}:{line_of(path, 'GDP')}: not valid YAML: the character U+001B is not allowed in a YAML file "
        "(remove it)\n",
    )


# -- ids and numbers that look right ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shown", "what"),
    [
        ("gdp\u200b_growth", "gdp\\u200b_growth", "U+200B ZERO WIDTH SPACE"),
        ("gdp_gr\u043ewth", "gdp_gr\\u043ewth", "U+043E CYRILLIC SMALL LETTER O"),
        ("\ufeffgdp_growth", "\\ufeffgdp_growth", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
    ids=["zero-width space", "cyrillic o", "second BOM"],
)
def test_an_id_that_is_not_ascii_is_shown_escaped(
    tmp_path: Path, written: str, shown: str, what: str
) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"id,value\n{written},7.4\n", encoding="utf-8")
    assert run("score", str(path), "--lang", "en") == (
        2,
        "",
        f'{path}:2: unknown target id "{shown}" (the id is not ASCII: it holds {what}; '
        'did you mean "gdp_growth"? see `gxcheck targets`; --ignore-unknown skips such rows)\n',
    )


def test_a_non_ascii_id_reads_in_chinese_by_default(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,value\ngdp\u200b_growth,7.4\nx\ue000,1\n", encoding="utf-8")
    assert run("score", str(path)) == (
        2,
        "",
        f"{path}:2: 没有编号为 “gdp\\u200b_growth” 的目标（编号中有非 ASCII 字符 U+200B ZERO WIDTH SPACE；"
        "是否应为 “gdp_growth”？目标编号见 `gxcheck targets`；--ignore-unknown 可跳过这类行）\n"
        f"{path}:3: 没有编号为 “x\\ue000” 的目标（编号中有非 ASCII 字符 U+E000 无名称的字符；"
        "目标编号见 `gxcheck targets`；--ignore-unknown 可跳过这类行）\n",
    )
    code, _, err = run("score", str(path), "--lang", "en")
    assert (code, err.splitlines()[1]) == (
        2,
        f'{path}:3: unknown target id "x\\ue000" (the id is not ASCII: it holds U+E000 an unnamed character; '
        "see `gxcheck targets`; --ignore-unknown skips such rows)",
    )


def test_explain_shows_a_non_ascii_id_escaped() -> None:
    code, out, err = run("explain", "gdp\u200b_growth", ACTUALS, "--lang", "en")
    assert (code, out) == (2, "")
    assert err == (
        'gxcheck: unknown target id "gdp\\u200b_growth" (the id is not ASCII: '
        "it holds U+200B ZERO WIDTH SPACE; "
        'did you mean "gdp_growth"? see `gxcheck targets`)\n'
    )


@pytest.mark.parametrize(
    ("written", "odd"),
    [
        ("10²", "'²' (superscript two)"),
        ("7½", "'½' (vulgar fraction one half)"),
        ("₅0", "'₅' (subscript five)"),
    ],
)
def test_look_alike_digits_are_refused_and_quoted_as_written(tmp_path: Path, written: str, odd: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"id,value\nprojects_started,{written}\n", encoding="utf-8")
    assert run("score", str(path), "--lang", "en") == (
        2,
        "",
        f"{path}:2: target \"projects_started\": '{written}' is not a number: {odd} is not a digit "
        "(write e.g. 7.4, 7.4%, 12,000, 1.2万, >100, 超100)\n",
    )


def test_a_value_is_quoted_as_written_not_normalised(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,value\nprojects_started,５０．５．５\n", encoding="utf-8")
    code, _, err = run("score", str(path), "--lang", "en")
    assert code == 2 and "'５０．５．５' is not a number" in err


def test_a_plan_text_holding_escapes_never_reaches_the_draft_summary_raw(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "2024年工作打算\n（一）推动\x1b[2J科技创新\n新增市级以上科研平台5个\x1b]0;x\x07，高企增至550家。\n"
    )
    code, out, err = run("draft", str(plan))
    assert code == 0
    assert RAW.findall(err) == [] and "\\x1b[2J" in err
    assert "\x1b" not in out  # the YAML writes it as an escape of its own
