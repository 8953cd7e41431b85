"""Line breaking for Chinese text mixed with Latin words and numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from gxcheck.wrap import wrap


def lines(text: str, width: int) -> list[str]:
    return wrap(Text(text), width).plain.split("\n")


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        pytest.param(
            "句首力争统领全部五项主要预期目标",
            10,
            ["句首力争统", "领全部五项", "主要预期目", "标"],
            id="chinese-anywhere",
        ),
        pytest.param(
            "区间上限不。句首",
            10,
            ["区间上限", "不。句首"],
            id="no-full-stop-first",
        ),
        pytest.param(
            "按不低于“增长”理解", 9, ["按不低于", "“增长”理", "解"], id="opening-quote-stays-with-next"
        ),
        pytest.param(
            "read as at least 12 percent", 10, ["read as at", "least 12", "percent"], id="latin-words-whole"
        ),
        pytest.param("注：0.5 个百分点", 8, ["注：0.5", "个百分点"], id="numbers-whole"),
        pytest.param("gdp_growth_of_the_zone", 8, ["gdp_grow", "th_of_th", "e_zone"], id="long-word-chopped"),
    ],
)
def test_breaks(text: str, width: int, expected: list[str]) -> None:
    assert lines(text, width) == expected


def test_styles_survive_the_breaks() -> None:
    text = Text.assemble(("未完成", "red"), " · ", ("注：按不低于12%理解", "dim"))
    wrapped = wrap(text, 8)
    assert wrapped.plain == "未完成 ·\n注：按不\n低于12%\n理解"
    assert [wrapped.plain[s.start : s.end] for s in wrapped.spans] == [
        "未完成",
        "注：按不",
        "低于12%",
        "理解",
    ]


@given(
    st.text(alphabet="地区生产总值增长，。（）“”abc 12.5%", max_size=80),
    st.integers(min_value=4, max_value=30),
)
def test_no_line_is_wider_than_asked_and_nothing_is_lost(text: str, width: int) -> None:
    out = lines(text, width)
    assert all(cell_len(line) <= width for line in out)
    assert "".join(out).replace(" ", "") == text.replace(" ", "")
