"""The bundled catalogue accounts for every number of part 二, and one rule decides how far a
commitment word reaches — applied here to every target, mechanically."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_catalogue_2024 import CATALOGUE, SOURCE, source_parts
from typer.testing import CliRunner

from gxcheck.accounting import Unaccounted, catalogue_quotes, unaccounted_numbers
from gxcheck.cli import app
from gxcheck.model import Catalogue, Commitment, Kind

PART_TWO = source_parts()[1]  # everything after the heading 二、2024年工作打算
WORDS = {
    "确保": Commitment.ENSURE,
    "力争": Commitment.STRIVE,
    "争取": Commitment.STRIVE,
    "争创": Commitment.STRIVE,
}
COMMITMENT = re.compile("|".join(WORDS))


# -- every number is accounted for --------------------------------------------------------------


def test_every_number_after_part_twos_heading_is_in_a_target_or_an_exclusion(bundled: Catalogue) -> None:
    assert unaccounted_numbers(PART_TWO, catalogue_quotes(bundled)) == []


def test_every_exclusion_quotes_part_two_verbatim_and_gives_a_reason(bundled: Catalogue) -> None:
    assert len(bundled.excluded) >= 10
    for exclusion in bundled.excluded:
        assert exclusion.quote in PART_TWO, exclusion.quote
        assert exclusion.reason.zh and exclusion.reason.en and exclusion.reason.en != exclusion.reason.zh


def test_no_exclusion_is_also_a_targets_quote(bundled: Catalogue) -> None:
    quotes = {t.quote for t in bundled.targets}
    assert [e.quote for e in bundled.excluded if e.quote in quotes] == []


def test_the_numbers_the_issue_names_are_excluded(bundled: Catalogue) -> None:
    excluded = " ".join(e.quote for e in bundled.excluded)
    for words in ("75周年", "1361", "141", "2.0版", "5条轨道", "3条隧道", "118个项目", "5所", "2家三甲医院"):
        assert words in excluded, words


def test_a_number_left_out_is_found_with_its_line() -> None:
    text = "二、计划\n新增养老床位100张,建设5所学校。\n"
    assert unaccounted_numbers(text, ["新增养老床位100张"]) == [
        Unaccounted("5", 2, "增养老床位100张,建设5所学校。 ")
    ]


def test_a_number_only_partly_inside_a_quote_is_not_accounted_for() -> None:
    # 2.4 read as one number: a quote ending at "2." does not cover it.
    assert [u.number for u in unaccounted_numbers("就业2.4万人", ["就业2."])] == ["2.4"]
    assert unaccounted_numbers("就业2.4万人", ["就业2.4万人"]) == []


def test_full_width_digits_count_and_chinese_numerals_do_not() -> None:
    assert [u.number for u in unaccounted_numbers("新增１２个，“十四五”规划", [])] == ["１２"]


def test_every_occurrence_of_a_quote_covers_its_numbers() -> None:
    assert unaccounted_numbers("超100公里。又超100公里。", ["超100公里"]) == []


# -- the targets the issue found missing --------------------------------------------------------


@pytest.mark.parametrize(
    ("target_id", "kind", "commitment", "quote_part"),
    [
        ("reform_tasks_completed", Kind.MILESTONE, Commitment.ENSURE, "平稳有序如期完成改革任务"),
        (
            "rail_westward_study_started",
            Kind.MILESTONE,
            Commitment.PLAIN,
            "启动4条轨道穿中梁山向西延伸研究论证",
        ),
    ],
)
def test_the_missing_commitments_are_targets(
    bundled: Catalogue, target_id: str, kind: Kind, commitment: Commitment, quote_part: str
) -> None:
    t = bundled.target(target_id)
    assert t is not None
    assert (t.kind, t.commitment) == (kind, commitment)
    assert quote_part in t.quote and t.quote in PART_TWO
    assert t.note is not None


def test_the_budget_revenue_target_has_its_2023_baseline(bundled: Catalogue) -> None:
    t = bundled.target("budget_revenue_growth")
    assert t is not None and str(t.baseline) == "8.7"
    assert t.note is not None and "8.7%" in t.note.zh


def test_tech_enterprises_are_not_called_smes(bundled: Catalogue) -> None:
    t = bundled.target("tech_enterprises")
    assert t is not None
    assert t.name.en == "Science and technology enterprises (total)"


def test_the_header_states_the_rule_not_a_list_of_verbs() -> None:
    header = CATALOGUE.read_text(encoding="utf-8").split("version: 1")[0]
    assert "(加快, 提速, 推动…建设) are left out" not in header
    assert "checkable outcome" in header
    assert "reaches from where it stands to the end of its sentence" in header


# -- one rule for how far a commitment word reaches ---------------------------------------------


def sentence_before(quote: str) -> str:
    """The sentence holding the first occurrence of ``quote`` in part 二, up to the quote's end."""
    end = PART_TWO.index(quote) + len(quote)
    start = max(PART_TWO.rfind(mark, 0, end - len(quote)) for mark in "。；\n") + 1
    return PART_TWO[start:end]


def by_rule(quote: str) -> tuple[Commitment, bool]:
    """The commitment the file's rule gives a quote, and whether the rule (rather than the
    quote's own words) decided it: the last commitment word in its sentence up to its end."""
    before = sentence_before(quote)
    words = list(COMMITMENT.finditer(before))
    if not words:
        return Commitment.PLAIN, False
    last = words[-1]
    decided = last.start() < len(before) - len(quote)
    return WORDS[last.group()], decided


def test_every_target_carries_the_commitment_the_rule_gives(bundled: Catalogue) -> None:
    wrong = [
        (t.id, t.commitment.value, by_rule(t.quote)[0].value)
        for t in bundled.targets
        if t.commitment is not by_rule(t.quote)[0]
    ]
    assert wrong == []


def test_where_the_rule_decides_the_note_says_so(bundled: Catalogue) -> None:
    decided = [t for t in bundled.targets if by_rule(t.quote)[1]]
    assert {t.id for t in decided} >= {
        "village_income_share",
        "liangtan_water_class",
        "new_market_entities",
        "health_resource_centre_in_use",
        "corridor_freight_volume_growth",
        "corridor_freight_value_growth",
    }
    unnoted = [
        t.id
        for t in decided
        if t.note is None or "本文件规则" not in t.note.zh or "this file's rule" not in t.note.en
    ]
    assert unnoted == []


@pytest.mark.parametrize(
    ("target_id", "commitment"),
    [
        ("village_income_share", Commitment.STRIVE),
        ("liangtan_water_class", Commitment.ENSURE),
        ("new_market_entities", Commitment.STRIVE),
        ("health_resource_centre_in_use", Commitment.STRIVE),
        ("corridor_freight_volume_growth", Commitment.STRIVE),
        ("corridor_freight_value_growth", Commitment.STRIVE),
        ("projects_started", Commitment.PLAIN),  # before 确保 in its sentence
        ("eco_garden_city_annual_task", Commitment.PLAIN),  # before 确保 in its sentence
        ("rail_westward_study_started", Commitment.PLAIN),  # before 力争 in its sentence
    ],
)
def test_the_contested_targets_read_by_the_rule(
    bundled: Catalogue, target_id: str, commitment: Commitment
) -> None:
    t = bundled.target(target_id)
    assert t is not None and t.commitment is commitment


# -- validate --source, in the reader's language ------------------------------------------------

UNQUOTED_ZH = [
    "<bundled 2024.yaml>:49: 目标 “gdp_growth”：quote “力争GDP增长8%左右” 不在 plan.txt 中"
    "（须一字不差地引用原文）",
    "plan.txt:23: 8（“…板,力争地区生产总值增长8%左右,规上工业增加值增…”）"
    "不在 <bundled 2024.yaml> 的任何 quote 中"
    "（请添加一个目标，或添加一条 excluded: 记录，说明它为何不是目标）",
]
UNQUOTED_EN = [
    '<bundled 2024.yaml>:49: target "gdp_growth": quote “力争GDP增长8%左右” is not in plan.txt '
    "(quote it verbatim)",
    "plan.txt:23: 8 (“…板,力争地区生产总值增长8%左右,规上工业增加值增…”) "
    "is in no quote of <bundled 2024.yaml> (add a target, or an excluded: entry that says why it is not one)",
]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        pytest.param(None, UNQUOTED_ZH, id="chinese-by-default"),
        pytest.param("en", UNQUOTED_EN, id="en"),  # validate has no --lang: GXCHECK_LANG
    ],
)
def test_a_text_that_rewords_a_quote_is_reported_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str | None, expected: list[str]
) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert text.count("力争GDP增长8%左右") == 1
    (tmp_path / "plan.txt").write_text(
        text.replace("力争GDP增长8%左右", "力争地区生产总值增长8%左右"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    args = ["validate", "--source", "plan.txt", "--after", "二、2024年工作打算"]
    result = CliRunner().invoke(app, args, env={"GXCHECK_LANG": lang})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        pytest.param(
            None, "plan.txt: --after '三、' 不在文本中（请给出某个标题中的文字）", id="chinese-by-default"
        ),
        pytest.param("en", "plan.txt: --after '三、' is not in the text (give words of a heading)", id="en"),
    ],
)
def test_after_words_not_in_the_text_are_reported_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str | None, expected: str
) -> None:
    (tmp_path / "plan.txt").write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["validate", "--source", "plan.txt", "--after", "三、"]
    result = CliRunner().invoke(app, args, env={"GXCHECK_LANG": lang})
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected + "\n")
