"""The command line: exit codes, stdout vs stderr, options, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CATALOGUE_2024, ROOT
from typer.testing import CliRunner

from gxcheck import __version__
from gxcheck.cli import app
from gxcheck.render import Format

runner = CliRunner()
ACTUALS = str(ROOT / "actuals" / "2024.csv")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str, name: str = "a.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_version() -> None:
    assert run("--version") == (0, f"gxcheck {__version__}\n", "")


def test_help_lists_every_command_with_a_description() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("score", "targets", "validate", "schema", "template"):
        assert f"  {command} " in out


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ("missed,near", 1),  # the default: 2024 has misses
        ("never", 0),
        ("no-data", 1),
        ("pending", 1),  # pending and every worse status: 2024 has misses
        ("missed,near,no-data", 1),
    ],
)
def test_exit_code_follows_fail_on(fail_on: str, code: int) -> None:
    assert run("score", ACTUALS, "--fail-on", fail_on, "-f", "json")[0] == code


@pytest.mark.parametrize(
    ("fail_on", "statuses"),
    [
        ("missed", ["missed"]),
        ("near", ["near", "missed"]),
        ("missed,near", ["near", "missed"]),  # the default, as before
        ("behind", ["near", "behind", "missed"]),
        ("missed, behind", ["near", "behind", "missed"]),
        ("no-data", ["near", "behind", "missed", "no-data"]),
        ("pending", ["near", "behind", "missed", "pending", "no-data"]),
        ("never", []),
    ],
)
def test_fail_on_names_a_status_and_every_worse_one(fail_on: str, statuses: list[str]) -> None:
    _, out, _ = run("score", ACTUALS, "--fail-on", fail_on, "-f", "json")
    assert json.loads(out)["fail_on"] == statuses


def test_fail_on_behind_fails_on_a_ceiling_broken_during_the_year(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,period,value\nmajor_safety_accidents,2024-Q3,1\n")
    code, out, _ = run("score", csv, "--fail-on", "behind", "-f", "json")
    doc = json.loads(out)
    assert code == 1
    assert [r["status"] for r in doc["results"] if r["id"] == "major_safety_accidents"] == ["missed"]
    assert doc["verdict"]["en"].endswith(" — FAIL: 1 missed")


def test_default_fail_on_is_missed_and_near() -> None:
    code, out, err = run("score", ACTUALS, "-f", "json")
    assert code == 1
    assert json.loads(out)["fail_on"] == ["near", "missed"]
    assert err == ""


def test_passing_run_exits_0(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,value\ndigital_transformation_projects,50\n")
    assert run("score", csv, "-f", "json")[0] == 0


def test_a_near_miss_fails_by_default_but_not_with_fail_on_missed(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,value\nprojects_started,64\n")  # 64 of 70: within the 10 % band
    assert run("score", csv, "-f", "json")[0] == 1
    assert run("score", csv, "-f", "json", "--fail-on", "missed")[0] == 0


def test_unknown_fail_on_status_is_a_usage_error() -> None:
    assert run("score", ACTUALS, "--fail-on", "missing", "--lang", "en") == (
        2,
        "",
        "gxcheck: --fail-on: unknown status 'missing' (use never, or a comma list of pending, no-data, "
        "behind, near, missed)\n",
    )


def test_bad_rows_are_reported_together_on_stderr_with_exit_2(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,value\ngdp_grwth,7.4\ngdp_growth,abc\nprojects_started,50\n")
    code, out, err = run("score", csv, "--lang", "en")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f'{csv}:2: unknown target id "gdp_grwth" (did you mean "gdp_growth"? see `gxcheck targets`; '
        "--ignore-unknown skips such rows)",
        f"{csv}:3: target \"gdp_growth\": 'abc' is not a number "
        "(write e.g. 7.4, 7.4%, 12,000, 1.2万, >100, 超100)",
    ]


def test_ignore_unknown_skips_and_says_how_many(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,value\nsomething_else,1\nother,2\nprojects_started,70\n")
    code, out, err = run("score", csv, "--ignore-unknown", "-f", "json", "--lang", "en")
    assert code == 0
    assert json.loads(out)["skipped_unknown"] == 2
    assert err == "gxcheck: skipped 2 rows with ids that are not targets (--ignore-unknown)\n"


def test_a_run_that_checks_nothing_is_not_a_pass(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,value\nsomething_else,1\n")
    code, out, err = run("score", csv, "--ignore-unknown", "--fail-on", "never", "--lang", "en")
    assert (code, out) == (2, "")
    assert err.endswith(
        f"gxcheck: {csv}: no target could be checked: no row is a figure for a target of "
        "<bundled 2024.yaml> (see `gxcheck template` for the ids)\n"
    )


def test_missing_file() -> None:
    assert run("score", "no/such.csv", "--lang", "en") == (2, "", "no/such.csv: no such file\n")


def test_output_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    out_file = tmp_path / "report.md"
    code, out, _ = run("score", ACTUALS, "-f", "markdown", "-o", str(out_file), "--fail-on", "never")
    assert (code, out) == (0, "")
    assert out_file.read_text(encoding="utf-8").startswith("# 西部科学城重庆高新区")


def test_failed_run_leaves_an_existing_report_untouched(tmp_path: Path) -> None:
    out_file = tmp_path / "report.md"
    out_file.write_text("previous report", encoding="utf-8")
    bad = write(tmp_path, "id,value\ngdp_growth,abc\n")
    assert run("score", bad, "-o", str(out_file))[0] == 2
    assert out_file.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "report.md"]  # no temp file left


def test_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,value\nprojects_started,70\n")
    code, _, err = run("score", csv, "-o", csv, "--lang", "en")
    assert code == 2
    assert err == f"gxcheck: --output {csv} is an input file; gxcheck never writes over its inputs\n"
    assert Path(csv).read_text(encoding="utf-8") == "id,value\nprojects_started,70\n"


def test_table_output_to_a_file_has_no_escape_codes(tmp_path: Path) -> None:
    out_file = tmp_path / "report.txt"
    run("score", ACTUALS, "-o", str(out_file))
    text = out_file.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert text.endswith(
        "合计：68 项目标，已判定 10 项：完成 2 · 基本完成 2 · 未完成 6 · 无数据 58\n"
        "结论：不通过：8 项基本完成或未完成（其中确保 1 项）\n"
    )


def test_english_table() -> None:
    code, out, _ = run("score", ACTUALS, "--lang", "en")
    assert code == 1
    assert "Headline targets" in out
    assert out.endswith(
        "Total: 68 targets, 10 judged: met 2 · near 2 · missed 6 · no data 58\n"
        "Verdict: FAIL: 8 near or missed (1 of them 确保, a firm commitment)\n"
    )
    code, out, _ = run("score", ACTUALS, "--lang", "en", "-f", "json")
    assert json.loads(out)["verdict"]["en"] == (
        "68 targets, 10 judged: met 2 · near 2 · missed 6 · no data 58 — FAIL: 8 near or missed "
        "(1 of them 确保, a firm commitment)"
    )


def test_validate_bundled() -> None:
    assert run("validate", "--lang", "en") == (0, "<bundled 2024.yaml>: OK, 68 targets in 8 areas\n", "")


def test_validate_bad_file_reports_located_problems(tmp_path: Path) -> None:
    bad = write(tmp_path, "version: 1\nplan: [\n", "bad.yaml")
    result = runner.invoke(app, ["validate", bad], env={"GXCHECK_LANG": "en"})
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert (code, out) == (2, "")
    assert err.startswith(f"{bad}:3: not valid YAML: ")


def test_targets_area_filter_and_unknown_area() -> None:
    code, out, _ = run("targets", "--area", "risk", "--format", "json")
    assert code == 0
    assert {t["area"] for t in json.loads(out)["targets"]} == {"risk"}
    assert run("targets", "--area", "riks", "--lang", "en") == (
        2,
        "",
        "gxcheck: --area: unknown area 'riks' (use one of headline, innovation, industry, city, reform, "
        "demand, livelihood, risk)\n",
    )


def test_schema_is_json_that_accepts_the_bundled_catalogue() -> None:
    import datetime as dt

    import jsonschema
    import yaml

    code, out, _ = run("schema")
    assert code == 0
    doc = yaml.safe_load((CATALOGUE_2024).read_text(encoding="utf-8"))
    doc["plan"]["published"] = dt.date.isoformat(doc["plan"]["published"])
    for t in doc["targets"]:
        if "deadline" in t:
            t["deadline"] = t["deadline"].isoformat()
    jsonschema.Draft202012Validator(json.loads(out)).validate(doc)


def test_template_opens_in_excel_and_reads_back(tmp_path: Path) -> None:
    out_file = tmp_path / "template.csv"
    assert run("template", "-o", str(out_file)) == (0, "", "")
    raw = out_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads it as UTF-8
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "id,name,unit,period,value,source,note"
    assert lines[1] == "gdp_growth,地区生产总值增长,%,2024,,,"
    assert len([line for line in lines if line]) == 69
    # Left blank it checks nothing; filled in, it scores.
    assert run("score", str(out_file), "--allow-blank")[0] == 2
    filled = raw.decode("utf-8-sig").replace(
        "gdp_growth,地区生产总值增长,%,2024,,", "gdp_growth,地区生产总值增长,%,2024,8.1,"
    )
    out_file.write_text(filled, encoding="utf-8-sig")
    code, out, err = run("score", str(out_file), "--allow-blank", "-f", "json", "--lang", "en")
    assert code == 0
    assert json.loads(out)["tally"]["met"] == 1
    assert err == "gxcheck: 67 rows have no value; their targets have no data (--allow-blank)\n"


def test_python_dash_m_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gxcheck", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, f"gxcheck {__version__}\n")


def test_internal_errors_are_one_line_with_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    import gxcheck.evaluate

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(gxcheck.evaluate, "score", broken)
    assert run("score", ACTUALS, "--lang", "en") == (
        3,
        "",
        "gxcheck: internal error: RuntimeError: boom (please report this)\n",
    )


def test_the_language_can_come_from_the_environment() -> None:
    result = runner.invoke(app, ["score", ACTUALS, "-f", "markdown"], env={"GXCHECK_LANG": "en"})
    assert result.stdout.startswith(
        "# Chongqing High-tech Zone: 2023 review and 2024 work plan: targets scorecard"
    )


def test_actuals_can_come_from_standard_input() -> None:
    data = (ROOT / "actuals" / "2024.csv").read_bytes()
    result = runner.invoke(app, ["score", "-", "-f", "json"], input=data)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["tally"]["met"] == 2
    gbk = "id,value\nprojects_started,70个\n".encode("gb18030")
    result = runner.invoke(app, ["score", "-", "-f", "json"], input=gbk)
    assert (result.exit_code, json.loads(result.stdout)["tally"]["met"]) == (0, 1)
    result = runner.invoke(app, ["score", "-", "--lang", "en"], input=b"id,value\nprojects_started,abc\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("<stdin>:2: target \"projects_started\": 'abc' is not a number")


def test_shell_completion_offers_commands_and_choices() -> None:
    """typer's completion: `gxcheck --install-completion`, or the script from --show-completion."""
    runner = CliRunner()

    def complete(words: str) -> list[str]:
        """What bash would offer for the word under the cursor (the last, or a new one after a space)."""
        index = len(words.split()) - (0 if words.endswith(" ") else 1)
        env = {"_GXCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(index)}
        result = runner.invoke(app, [], prog_name="gxcheck", env=env)
        assert result.exit_code == 0, result.output
        return result.stdout.split()

    assert complete("gxcheck sc") == ["score", "schema"]
    assert complete("gxcheck score -f ") == [f.value for f in Format]
    assert complete("gxcheck score --lang ") == ["zh", "en"]
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text


def test_quiet_prints_the_verdict_line_only(tmp_path: Path) -> None:
    assert run("score", ACTUALS, "--quiet") == (
        1,
        "结论：不通过：8 项基本完成或未完成（其中确保 1 项）\n",
        "",
    )
    assert run("score", ACTUALS, "-q", "--lang", "en", "--fail-on", "never") == (
        0,
        "Verdict: report only (--fail-on never)\n",
        "",
    )
    report = tmp_path / "card.md"  # a report named with -o is still written
    assert (
        run("score", ACTUALS, "-q", "-f", "markdown", "-o", str(report))[1]
        == "结论：不通过：8 项基本完成或未完成（其中确保 1 项）\n"
    )
    assert report.read_text(encoding="utf-8").startswith("# 西部科学城")


def test_no_line_of_the_table_ends_in_spaces() -> None:
    """rich pads every cell; a CI log keeps the padding as trailing blanks unless it is cut."""
    for width in ("80", "100", "160"):
        result = runner.invoke(app, ["score", ACTUALS], env={"COLUMNS": width})
        lines = result.stdout.splitlines()
        assert len(lines) > 40 and [line for line in lines if line != line.rstrip()] == []


def test_all_shows_every_target_as_a_row() -> None:
    _, compact, _ = run("score", ACTUALS)
    _, full, _ = run("score", ACTUALS, "--all")
    assert "无数据 8 项：" in compact and "? 无数据" not in compact
    assert full.count("? 无数据") == 58 and "无数据 8 项：" not in full


# -- the command line's messages in the reader's language ----------------------------------------


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        pytest.param(
            ["score", ""],
            "gxcheck: 第 2 个参数为空（变量未设置？）；请给出文件名或取值",
            "gxcheck: argument 4 is empty (an unset variable?); name a file or give a value",
            id="a-file",
        ),
        pytest.param(
            ["score", ACTUALS, "-t", ""],
            "gxcheck: -t 后面是一个空参数（变量未设置？）；请给出它的取值",
            "gxcheck: -t is followed by an empty argument (an unset variable?); give its value",
            id="an-option-value",
        ),
        pytest.param(
            ["score", "--", ""],
            "gxcheck: 第 3 个参数为空（变量未设置？）；请给出文件名或取值",
            "gxcheck: argument 5 is empty (an unset variable?); name a file or give a value",
            id="after-double-dash",
        ),
    ],
)
def test_an_empty_argument_is_refused_by_its_place_not_read_as_the_current_directory(
    args: list[str], zh: str, en: str
) -> None:
    """``gxcheck score "$FILE"`` with FILE unset: typer would read '' as the path '.'. The
    place counts every argument, so ``--lang en`` (given before any ``--``) moves it by two."""
    assert run(*args) == (2, "", zh + "\n")
    assert run(args[0], "--lang", "en", *args[1:]) == (2, "", en + "\n")
