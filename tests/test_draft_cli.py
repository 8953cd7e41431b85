"""`gxcheck draft` on the command line: what goes where, exit codes, encodings, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_golden import check_golden
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.draft import draft, to_yaml
from gxcheck.errors import GxError
from gxcheck.targets import load_targets, parse_targets

runner = CliRunner()
PLAN_2024 = str(ROOT / "gxcheck" / "data" / "2024.source.txt")
CITY = (
    "2025年全市经济社会发展的主要预期目标为：地区生产总值增长6%左右，一般公共预算收入增长5.5%，"
    "城镇新增就业25万人，城镇调查失业率控制在5.5%以内，力争居民消费价格涨幅3%左右。\n"
    "（一）科技创新。高新技术企业、科技型企业分别增至800家和5000家，开展3项前期研究。\n"
)


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def plan(tmp_path: Path, text: str = CITY, encoding: str = "utf-8", name: str = "plan.txt") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_the_targets_file_goes_to_stdout_and_the_summary_to_stderr(tmp_path: Path) -> None:
    code, out, err = run("draft", plan(tmp_path), "--lang", "en")
    assert code == 0
    assert out == to_yaml(draft(CITY, source=str(tmp_path / "plan.txt")))
    assert err.startswith(
        f"gxcheck draft: {tmp_path / 'plan.txt'} → -\nplan year 2025; 7 targets in 2 area(s)\n"
    )
    assert parse_targets(out, "x.yaml").plan.year == 2025


def test_summary_golden(tmp_path: Path) -> None:
    for lang in ("zh", "en"):
        code, out, _ = run("draft", PLAN_2024, "-o", str(tmp_path / "draft.yaml"), "--lang", lang)
        assert code == 0
        shown = out.replace(str(tmp_path), "TMP").replace(PLAN_2024, "gxcheck/data/2024.source.txt")
        check_golden(f"draft-2024-summary-{lang}.txt", shown)


def test_the_2024_draft_golden_and_it_validates(tmp_path: Path) -> None:
    output = tmp_path / "draft.yaml"
    code, _, err = run("draft", PLAN_2024, "-o", str(output))
    assert (code, err) == (0, "")
    text = output.read_text(encoding="utf-8")
    check_golden("draft-2024.yaml", text.replace(PLAN_2024, "gxcheck/data/2024.source.txt"))
    count = len(draft(Path(PLAN_2024).read_text(encoding="utf-8")).targets)
    code, out, _ = run("validate", str(output), "--lang", "en")
    assert (code, out) == (0, f"{output}: OK, {count} targets in 8 areas\n")
    code, out, _ = run("targets", "-t", str(output), "--format", "json")
    assert code == 0 and '"id": "gdp_zengzhang"' in out
    code, out, _ = run("template", "-t", str(output))
    assert code == 0 and out.count("\n") == count + 1


def test_gb18030_utf16_and_a_bom_read_the_same(tmp_path: Path) -> None:
    expected = run("draft", plan(tmp_path))[1]
    for encoding in ("gb18030", "utf-8-sig", "utf-16"):
        (tmp_path / encoding).mkdir()
        code, out, _ = run("draft", plan(tmp_path / encoding, encoding=encoding))
        assert code == 0
        assert out.replace(f"{tmp_path}/{encoding}", "P") == expected.replace(str(tmp_path), "P")


def test_standard_input(tmp_path: Path) -> None:
    code, out, _ = run("draft", "-", stdin=CITY.encode("utf-8"))
    assert code == 0 and "from <stdin>." in out


def test_year_option_overrides_the_text(tmp_path: Path) -> None:
    code, out, _ = run("draft", plan(tmp_path), "--year", "2026")
    assert code == 0 and "\n  year: 2026\n" in out


NOTHING = (
    "no checkable target found: no clause states a figure, a milestone or a ceiling in the plan's wording "
    "(is this a plan's text?)"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("本文件没有任何数字目标，只有一般性表述。", NOTHING),
    ],
)  # fmt: skip
def test_nothing_to_draft_is_an_error_and_writes_nothing(tmp_path: Path, content: str, message: str) -> None:
    source = plan(tmp_path, content)
    output = tmp_path / "out.yaml"
    code, out, err = run("draft", source, "-o", str(output), "--lang", "en")
    assert (code, out, err) == (2, "", f"{source}: {message}\n")
    assert not output.exists()


def test_nothing_to_draft_is_chinese_by_default(tmp_path: Path) -> None:
    source = plan(tmp_path, "本文件没有任何数字目标，只有一般性表述。")
    wording = "未找到可检查的目标：计划文本中没有一句写明数值、节点目标或上限（这是计划的文本吗？）"
    assert run("draft", source) == (2, "", f"{source}: {wording}\n")
    assert run("draft", source, "--lang", "en") == (2, "", f"{source}: {NOTHING}\n")


def test_binary_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02plan")
    code, _, err = run("draft", str(binary), "--lang", "en")
    assert code == 2 and err.startswith(f"{binary}: ") and "binary" in err
    code, _, err = run("draft", str(tmp_path / "none.txt"), "--lang", "en")
    assert (code, err) == (2, f"{tmp_path / 'none.txt'}: no such file\n")


def test_the_output_may_not_be_the_plan(tmp_path: Path) -> None:
    source = plan(tmp_path)
    code, _, err = run("draft", source, "-o", source, "--lang", "en")
    assert code == 2 and "input" in err
    assert Path(source).read_text(encoding="utf-8") == CITY


@pytest.mark.parametrize(
    ("year", "lang", "message"),
    [
        ("20245", "en", "gxcheck: --year: '20245' is not a year from 1949 to 2100\n"),
        ("abc", "en", "gxcheck: --year: 'abc' is not a year from 1949 to 2100\n"),
        ("1948", "en", "gxcheck: --year: '1948' is not a year from 1949 to 2100\n"),
        ("2101", "zh", "gxcheck: --year：'2101' 不是 1949 到 2100 之间的年份\n"),
        ("２０２４年", "zh", "gxcheck: --year：'２０２４年' 不是 1949 到 2100 之间的年份\n"),
        ("٢٠٢٤", "en", "gxcheck: --year: '٢٠٢٤' is not a year from 1949 to 2100\n"),  # other digits
        ("+2024", "en", "gxcheck: --year: '+2024' is not a year from 1949 to 2100\n"),
    ],
)
def test_a_bad_year_is_refused_by_name(tmp_path: Path, year: str, lang: str, message: str) -> None:
    assert run("draft", plan(tmp_path), "--year", year, "--lang", lang) == (2, "", message)


@pytest.mark.parametrize("year", ["1949", "2100", "２０２６", " 2026 "])
def test_a_year_at_either_end_or_in_full_width_digits_is_read(tmp_path: Path, year: str) -> None:
    code, out, _ = run("draft", plan(tmp_path), "--year", year, "--lang", "en")
    assert code == 0
    assert f"  year: {int(year)}\n" in out


# -- never a traceback -------------------------------------------------------------------------

# Plan wording, punctuation and structure, and what could break the YAML written from it.
WORDS = """
力争 确保 争取 争创 地区生产总值 增长 8% 左右 以上 超 超过 达到 增至 新增 分别 各 均 、 ， 。 ； ： 和 及
1.2万户 550 3000家 100公里 两位数 正增长 只减不增 全覆盖 前列 优于考核标准 水质 AAA 评级 年内 开工 获批
建成投用 完成 编制 到2027年 2023—2027年 十四五 期间 “ ” （一） 一、 2024年 回顾 工作打算 杜绝 发生
每千人口 3.5个 倍增 年均增长 萬 億 確保 增長 ０ ％ # : - { } [ ] &a 1e9
"""
FRAGMENTS = [
    *WORDS.split(),
    "\n",
    "\u2028",
    "\x85",
    "\x1b",
    "\u200b",
    "\ufeff",
    "\\",
    '"',
    "!!python/object",
    "0.000001",
    "9" * 30,
]
PIECES = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map("".join)
PLAN_TEXT = st.one_of(PIECES, st.tuples(PIECES, st.integers(2, 3)).map(lambda p: p[0] * p[1]))  # repeats too


@given(PLAN_TEXT, st.one_of(st.none(), st.integers(1949, 2100)))
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_drafts_a_valid_file_or_says_there_is_nothing(text: str, year: int | None) -> None:
    result = draft(text, year=year, source="fuzz.txt")
    if not result.targets:
        return
    try:
        catalogue = parse_targets(to_yaml(result), "fuzz.yaml")
    except GxError as exc:  # pragma: no cover - shown when it fails
        raise AssertionError(f"{text!r} drafted a file validate refuses: {exc.lines()}") from None
    assert len(catalogue.targets) == len(result.targets)
    for _, target in result.targets:
        assert text[target.start : target.start + len(target.quote)] == target.quote


def test_the_bundled_catalogue_still_loads() -> None:
    assert len(load_targets().targets) >= 66
