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
        (
            ["targets", "--area", "riks"],
            "gxcheck: --area：没有 'riks' 这个领域"
            "（可用 headline、innovation、industry、city、reform、demand、livelihood、risk）",
            "gxcheck: --area: unknown area 'riks' "
            "(use one of headline, innovation, industry, city, reform, demand, livelihood, risk)",
        ),
        (
            ["score", ACTUALS, "--fail-on", "missing"],
            "gxcheck: --fail-on：没有 'missing' 这个状态"
            "（可用 never，或用逗号分隔的状态：pending、no-data、behind、near、missed）",
            "gxcheck: --fail-on: unknown status 'missing' "
            "(use never, or a comma list of pending, no-data, behind, near, missed)",
        ),
        (
            ["score", ACTUALS, "--fail-on", ","],
            "gxcheck: --fail-on：请写 never，或用逗号分隔的状态，如 missed,near",
            "gxcheck: --fail-on: give never, or a comma list of statuses such as missed,near",
        ),
        (
            ["score", ACTUALS, "--as-of", "2024-Q5"],
            "gxcheck: --as-of 参数有误：时期 '2024-Q5' 无法识别"
            "（如 2024、2024-Q3、2024-H1、2024-06、2024年前三季度、2024年上半年、2024年1-6月）",
            "gxcheck: --as-of: period '2024-Q5' is not a period gxcheck can read "
            "(e.g. 2024, 2024-Q3, 2024-H1, 2024-06, 2024年前三季度, 2024年上半年, 2024年1-6月)",
        ),
        (
            ["explain", "gdp_grwth", ACTUALS],
            "gxcheck: 没有编号为 “gdp_grwth” 的目标（是否要找 “gdp_growth”？目标编号见 `gxcheck targets`）",
            'gxcheck: unknown target id "gdp_grwth" (did you mean "gdp_growth"? see `gxcheck targets`)',
        ),
        (
            ["explain", "nothing_like_it", ACTUALS],
            "gxcheck: 没有编号为 “nothing_like_it” 的目标（目标编号见 `gxcheck targets`）",
            'gxcheck: unknown target id "nothing_like_it" (see `gxcheck targets`)',
        ),
        (
            ["explain", "gdp_grоwth", ACTUALS],  # a Cyrillic о
            "gxcheck: 没有编号为 “gdp_gr\\u043ewth” 的目标（编号中有非 ASCII 字符 U+043E CYRILLIC SMALL "
            "LETTER O；是否要找 “gdp_growth”？目标编号见 `gxcheck targets`）",
            'gxcheck: unknown target id "gdp_gr\\u043ewth" (the id is not ASCII: it holds U+043E CYRILLIC '
            'SMALL LETTER O; did you mean "gdp_growth"? see `gxcheck targets`)',
        ),
        (
            ["validate", "--after", "二、"],
            "gxcheck: --after 须与 --source（计划文本）一起使用",
            "gxcheck: --after needs --source (the plan's text)",
        ),
        (
            ["score", "-", "-"],
            "gxcheck: -（标准输入）出现了不止一次；标准输入只能读取一次",
            "gxcheck: - (standard input) is named more than once; it can be read only once",
        ),
        (
            ["score", ACTUALS, "--svg", "-"],
            "gxcheck: --svg -：标准输出用于输出报告；请指定文件名",
            "gxcheck: --svg -: standard output carries the report; name a file",
        ),
        (
            ["score", ACTUALS, "-o", "card.xls"],
            "gxcheck: --output card.xls：此命令只写 .xlsx 和 .docx 文件（-f xlsx、-f docx），不写 .xls 文件",
            "gxcheck: --output card.xls: this writes .xlsx and .docx files (-f xlsx, -f docx), not .xls",
        ),
        (
            ["template", "-o", "q3.xlsx", "-f", "csv"],
            "gxcheck: --output q3.xlsx：.xlsx 文件须用 -f xlsx（当前格式为 csv）",
            "gxcheck: --output q3.xlsx: a .xlsx file needs -f xlsx (the format is csv)",
        ),
    ],
    ids=[
        "area",
        "fail-on",
        "fail-on empty",
        "as-of",
        "explain close",
        "explain far",
        "explain not ascii",
        "after",
        "stdin twice",
        "svg dash",
        "office",
        "office format",
    ],
)
def test_usage_errors_are_chinese_by_default_and_english_with_lang_en(
    args: list[str], zh: str, en: str
) -> None:
    assert run(*args) == (2, "", zh + "\n")
    assert run(*args, "--lang", "zh") == (2, "", zh + "\n")
    assert run(*args, "--lang", "en") == (2, "", en + "\n")
    assert runner.invoke(app, args, env={"GXCHECK_LANG": "en"}).stderr == en + "\n"


def test_a_run_that_checks_nothing_says_so_in_chinese(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,value\nsomething_else,1\n")
    assert run("score", csv, "--ignore-unknown") == (
        2,
        "",
        "gxcheck: 已跳过 1 行：其编号不是目标编号（--ignore-unknown）\n"
        f"gxcheck: {csv}: 没有可检查的目标：没有一行是 <bundled 2024.yaml> 中目标的数据"
        "（目标编号见 `gxcheck template`）\n",
    )
    assert run("score", csv, "--ignore-unknown", "--as-of", "2024-06") == (
        2,
        "",
        "gxcheck: 已跳过 1 行：其编号不是目标编号（--ignore-unknown）\n"
        f"gxcheck: {csv}: 没有可检查的目标：没有一行是 <bundled 2024.yaml> 中目标在 2024-06 或之前的数据"
        "（目标编号见 `gxcheck template`）\n",
    )
    code, _, err = run("score", csv, "--ignore-unknown", "--as-of", "2024-06", "--lang", "en")
    assert (code, err.splitlines()[-1]) == (
        2,
        f"gxcheck: {csv}: no target could be checked: no row is a figure at or before 2024-06 for a target "
        "of <bundled 2024.yaml> (see `gxcheck template` for the ids)",
    )


def test_notes_are_chinese_by_default(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,value\nsomething_else,1\nprojects_started,70\ngdp_growth,\n")
    code, _, err = run("score", csv, "--ignore-unknown", "--allow-blank", "-f", "json")
    assert (code, err) == (
        0,
        "gxcheck: 已跳过 1 行：其编号不是目标编号（--ignore-unknown）\n"
        "gxcheck: 1 行没有填写数值，其目标按无数据处理（--allow-blank）\n",
    )
    code, _, err = run("template", "-t", "2023-2027", "-o", str(tmp_path / "t.csv"))
    assert (code, err) == (
        0,
        "gxcheck: 时期列留空：<bundled 2023-2027.yaml> 是多年计划（2023—2027 年）；请为每个数据填写年份"
        "（2022—2027），或使用 --period（如 --period 2025）\n",
    )


def test_validate_says_ok_in_the_language_asked_for() -> None:
    assert run("validate") == (0, "<bundled 2024.yaml>: OK，68 项目标，8 个领域\n", "")
    assert run("validate", "-l", "en") == (0, "<bundled 2024.yaml>: OK, 68 targets in 8 areas\n", "")
    from conftest import BUNDLED_DIR

    source = str(BUNDLED_DIR / "2024.source.txt")
    assert run("validate", "--source", source, "--after", "二、2024年工作打算") == (
        0,
        f"<bundled 2024.yaml>: OK，68 项目标，8 个领域；{source} 中的每个数字都有对应的目标或排除项\n",
        "",
    )


def test_a_trend_of_one_period_says_so_in_either_language(tmp_path: Path) -> None:
    csv = write(tmp_path, "id,period,value\ngdp_growth,2024,7.4\n")
    assert run("trend", csv) == (2, "", f"gxcheck: {csv}: 没有一项目标有两个及以上时期的数据，无法显示趋势\n")
    assert run("trend", csv, "--lang", "en") == (
        2,
        "",
        f"gxcheck: {csv}: no target has figures for more than one period, so there is no trend to show\n",
    )


def test_an_internal_error_is_chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    import gxcheck.evaluate

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(gxcheck.evaluate, "score", broken)
    assert run("score", ACTUALS) == (3, "", "gxcheck: 内部错误：RuntimeError: boom（请报告此问题）\n")


def test_a_bad_source_date_epoch_is_a_usage_error_in_either_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert run("score", ACTUALS) == (
        2,
        "",
        "gxcheck: SOURCE_DATE_EPOCH='yesterday' 不是时间：请写自 1970-01-01 UTC 起的整秒数"
        "（如 1733011200），或取消该环境变量\n",
    )
    assert run("score", ACTUALS, "--lang", "en") == (
        2,
        "",
        "gxcheck: SOURCE_DATE_EPOCH='yesterday' is not a time: give whole seconds since 1970-01-01 UTC "
        "(e.g. 1733011200), or unset it\n",
    )


@pytest.mark.parametrize(
    ("lang", "last"), [("zh", "…另有 202 条"), ("en", "… and 202 more")], ids=["zh", "en"]
)
def test_more_than_201_messages_end_in_a_count_of_the_rest(tmp_path: Path, lang: str, last: str) -> None:
    bad = "id,value\n" + "gdp_growth,abc\n" * 250  # each file: 200 problems and its 'stopped' line
    first, second = write(tmp_path, bad, "a.csv"), write(tmp_path, bad, "b.csv")
    code, out, err = run("score", first, second, "--lang", lang)
    lines = err.splitlines()
    assert (code, out, len(lines), lines[-1]) == (2, "", 201, last)
    assert lines[0].startswith(f"{first}:2: ")


@pytest.mark.parametrize("command", ["score", "explain"])
def test_a_bad_as_of_is_the_only_message_not_one_after_the_warnings(tmp_path: Path, command: str) -> None:
    """--as-of is read against the plan before any file: a file's warning (0.074 for a % target)
    would otherwise come first and the run would still stop at the option."""
    fraction = write(tmp_path, "id,period,value\ngdp_growth,2024,0.074\n")
    args = [command, "gdp_growth", fraction] if command == "explain" else [command, fraction]
    assert run(*args, "--as-of", "2024-13", "--lang", "en") == (
        2,
        "",
        "gxcheck: --as-of: period '2024-13': month 13 does not exist "
        "(e.g. 2024, 2024-Q3, 2024-H1, 2024-06, 2024年前三季度, 2024年上半年, 2024年1-6月)\n",
    )
    _, _, err = run(*args, "--as-of", "2024-12", "--lang", "en")
    assert "warning: '0.074' is read as 0.074 %" in err  # a good option: the warning is still there


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
