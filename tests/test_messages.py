"""The message catalogue: every message in both languages, and the CLI words them in the reader's.

Located messages follow --lang / GXCHECK_LANG: Chinese by default, English with --lang en; the
``file:line:`` part and the exit code are the same in both.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.errors import InputError, Problem, listing, msg
from gxcheck.messages import CATALOGUE

CJK = re.compile(r"[\u4e00-\u9fff]")
# A key is raised as msg("a.key", …), the literal first: anything else would escape this test.
RAISED = re.compile(r"""\bmsg\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")
SOURCES = sorted((ROOT / "gxcheck").rglob("*.py"))
runner = CliRunner()


def fields(template: str) -> set[tuple[str, str | None, str]]:
    """The fields of a format template: (name, conversion, format spec)."""
    return {
        (name, conv, spec or "")
        for _, name, spec, conv in string.Formatter().parse(template)
        if name is not None
    }


def raised_keys() -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for path in SOURCES:
        for key in RAISED.findall(path.read_text(encoding="utf-8")):
            keys.setdefault(key, []).append(path.relative_to(ROOT).as_posix())
    return keys


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_fields(key: str) -> None:
    en, zh = CATALOGUE[key]
    assert en.strip() and zh.strip(), key
    assert CJK.search(zh), f"{key}: the Chinese wording has no Chinese in it: {zh!r}"
    assert fields(en) == fields(zh), f"{key}: the two wordings take different fields"
    assert en == en.strip() and zh == zh.strip(), f"{key}: a wording starts or ends in a space"


def test_every_key_the_code_raises_is_in_the_catalogue() -> None:
    missing = {key: where for key, where in raised_keys().items() if key not in CATALOGUE}
    assert missing == {}


def test_every_key_in_the_catalogue_is_raised_somewhere() -> None:
    assert sorted(set(CATALOGUE) - set(raised_keys())) == []


def test_a_message_is_worded_in_either_language_and_its_nested_fields_too() -> None:
    message = msg("periods.unreadable", text="2024/06", forms=msg("periods.forms", y=2024))
    problem = Problem("actuals.csv", 3, message)
    assert problem.text("en") == (
        "actuals.csv:3: period '2024/06' is not a period gxcheck can read "
        "(e.g. 2024, 2024-Q3, 2024-H1, 2024-06, 2024年前三季度, 2024年上半年, 2024年1-6月)"
    )
    assert problem.text("zh") == (
        "actuals.csv:3: 时期 '2024/06' 无法识别"
        "（如 2024、2024-Q3、2024-H1、2024-06、2024年前三季度、2024年上半年、2024年1-6月）"
    )
    assert str(problem) == problem.text("en")  # the library's exceptions read in English
    assert InputError([problem]).lines("zh") == [problem.text("zh")]


def test_a_hostile_field_is_escaped_in_both_languages() -> None:
    message = msg("periods.unreadable", text="\x1b[31m2024", forms=msg("periods.forms", y=2024))
    for lang in ("zh", "en"):
        assert "\x1b" not in message.text(lang)
        assert r"'\x1b[31m2024'" in message.text(lang)


@pytest.fixture
def bad_period(tmp_path: Path) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text("id,period,value\ngdp_growth,2024-13,7.4%\n", encoding="utf-8")
    return path


ZH_LINE = (
    "{path}:2: 目标 “gdp_growth”：时期 '2024-13'：没有 13 月"
    "（如 2024、2024-Q3、2024-H1、2024-06、2024年前三季度、2024年上半年、2024年1-6月）"
)
EN_LINE = (
    "{path}:2: target \"gdp_growth\": period '2024-13': month 13 does not exist "
    "(e.g. 2024, 2024-Q3, 2024-H1, 2024-06, 2024年前三季度, 2024年上半年, 2024年1-6月)"
)


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        pytest.param([], {}, ZH_LINE, id="chinese-by-default"),
        pytest.param(["--lang", "zh"], {}, ZH_LINE, id="lang-zh"),
        pytest.param(["--lang", "en"], {}, EN_LINE, id="lang-en"),
        pytest.param([], {"GXCHECK_LANG": "en"}, EN_LINE, id="env-en"),
        pytest.param(["--lang", "zh"], {"GXCHECK_LANG": "en"}, ZH_LINE, id="option-beats-env"),
    ],
)
def test_a_located_error_follows_the_language_and_keeps_its_location_and_code(
    bad_period: Path, args: list[str], env: dict[str, str], expected: str
) -> None:
    result = runner.invoke(app, ["score", str(bad_period), *args], env={"COLUMNS": "100", **env})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == expected.format(path=bad_period)


def test_a_listing_reads_as_a_list_reads_in_each_language() -> None:
    message = msg("targets.unknown_key", key="extra", allowed=listing(["version", "plan", "areas"]))
    assert message.text("en") == 'unknown key "extra" (allowed: version, plan, areas)'
    assert message.text("zh") == "未知的键 “extra”（可用的键：version、plan、areas）"


# Whole lines a reader gets, in Chinese by default and in English with --lang en: the place and
# the exit code are the same in both. Each case is a file's name and text, the command and the
# lines (with {path} for the file), in zh, then in en.
CASES = [
    pytest.param(
        "a.csv",
        "id,period,value\nbus_plan_compiled,2024,maybe\n",
        ["score"],
        2,
        [
            "{path}:2: 目标 “bus_plan_compiled”：'maybe' 不能表示节点目标是否完成"
            "（请填 true/false、yes/no、是/否、已完成/未完成）"
        ],
        [
            "{path}:2: target \"bus_plan_compiled\": 'maybe' is not a milestone answer "
            "(use true/false, yes/no, 是/否, 已完成/未完成)"
        ],
        id="milestone-answers-listed",
    ),
    pytest.param(
        "a.csv",
        "id,value\ngdp_growth\n",
        ["score"],
        2,
        ["{path}:2: 这一行有 1 个字段，而表头有 2 个"],
        ["{path}:2: row has 1 field but the header has 2"],
        id="row-of-one-field",
    ),
    pytest.param(
        "a.csv",
        "id,value\ngdp_growth,7.4%\nnot_a_target,1\n",
        ["score", "--ignore-unknown", "--fail-on", "never"],
        0,
        ["gxcheck: 已跳过 1 行：其编号不是目标编号（--ignore-unknown）"],
        ["gxcheck: skipped 1 row with an id that is not a target (--ignore-unknown)"],
        id="one-row-skipped",
    ),
    pytest.param(
        "a.csv",
        "id,value\ngdp_growth,7.4%\nnot_a_target,1\nnor_this,2\n",
        ["score", "--ignore-unknown", "--fail-on", "never"],
        0,
        ["gxcheck: 已跳过 2 行：其编号不是目标编号（--ignore-unknown）"],
        ["gxcheck: skipped 2 rows with ids that are not targets (--ignore-unknown)"],
        id="two-rows-skipped",
    ),
    pytest.param(
        "a.csv",
        "id,value\ngdp_growth,7.4%\nindustrial_output_growth,\n",
        ["score", "--allow-blank", "--fail-on", "never"],
        0,
        ["gxcheck: 1 行没有填写数值，其目标按无数据处理（--allow-blank）"],
        ["gxcheck: 1 row has no value; its target has no data (--allow-blank)"],
        id="one-blank-row",
    ),
    pytest.param(
        "t.yaml",
        "version: 1\nplan: {title: x, year: 2024, published: 2024-02-30}\n",
        ["validate"],
        2,
        [
            "{path}:2: '2024-02-30' 不是有效的日期"
            "（请写实际存在的日期，格式为 YYYY-MM-DD，或加上引号作为文本）"
        ],
        [
            "{path}:2: '2024-02-30' is not a valid date "
            "(write a day that exists, as YYYY-MM-DD, or quote it as text)"
        ],
        id="a-day-that-does-not-exist",
    ),
    pytest.param(
        "t.yaml",
        "version: 0x_\n",
        ["validate"],
        2,
        ["{path}:1: YAML 无法把 '0x_' 读作数；请写出要表示的数，或加上引号作为文本"],
        ["{path}:1: '0x_' is not a number YAML can read; write the number you mean, or quote it as text"],
        id="a-base-without-digits-is-no-internal-error",
    ),
    pytest.param(
        "t.yaml",
        "version: 0b_\n",
        ["validate"],
        2,
        ["{path}:1: YAML 无法把 '0b_' 读作数；请写出要表示的数，或加上引号作为文本"],
        ["{path}:1: '0b_' is not a number YAML can read; write the number you mean, or quote it as text"],
        id="a-binary-without-digits-is-no-internal-error",
    ),
]


@pytest.mark.parametrize(("name", "text", "command", "code", "zh", "en"), CASES)
def test_the_whole_message_in_either_language(
    tmp_path: Path, name: str, text: str, command: list[str], code: int, zh: list[str], en: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    for args, expected in (([], zh), (["--lang", "en"], en)):
        result = runner.invoke(app, [*command, str(path), *args], env={"COLUMNS": "100"})
        assert result.exit_code == code, result.stderr
        assert result.stderr.splitlines() == [line.format(path=path) for line in expected]


def test_an_english_message_names_the_english_excel_menus() -> None:
    """The reader who asked for English gets English Excel's words; Chinese gets Chinese Excel's."""
    assert msg("workbook.save_as").text("en") == (
        "open it in Excel, WPS or LibreOffice and save it as .xlsx (Excel Workbook)"
    )
    assert (
        msg("workbook.save_as").text("zh")
        == "请用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx（Excel 工作簿）"
    )
    assert (
        msg("workbook.encrypted")
        .text("en")
        .endswith("(Excel: File → Info → Protect Workbook → Encrypt with Password)")
    )
    assert (
        msg("workbook.encrypted").text("zh").endswith("（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密）")
    )
