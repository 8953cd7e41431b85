"""The targets file's 0.2 additions: ``excluded:``, optional ``plan.publisher``/``plan.url``,
Chinese-only names, and areas that say whether they are numbered. Each is checked in the
loader (exact messages) and in the JSON Schema (the same files accepted and refused)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from gxcheck import schema
from gxcheck.errors import InputError
from gxcheck.model import Area, Exclusion, Plan, Text
from gxcheck.targets import parse_targets

FILE = "t.yaml"
REASON_RULE = (
    "must be non-empty text, or a mapping {zh: 名称, en: Name} "
    "(en may be left out: English output then shows the Chinese)"
)

PLAN = """\
version: 1
plan:
  title: {zh: 计划, en: Plan}
  year: 2025
  published: 2025-02-01
"""
AREAS = """\
areas:
  - {id: economy, zh: 经济发展, numbered: false}
  - {id: people, zh: 民生保障, en: People}
  - {id: safety, zh: 安全底线, en: Safety}
"""
TARGETS = """\
targets:
  - {id: beds, area: economy, name: 新增养老床位, kind: increment, op: ">=", value: 100, unit: 张,
     commitment: plain, quote: 新增养老床位100张}
  - {id: jobs, area: people, name: {zh: 城镇新增就业}, kind: increment, op: ">=", value: 2,
     unit: 万人, commitment: plain, quote: 城镇新增就业2万人}
  - {id: accidents, area: safety, name: {zh: 事故, en: Accidents}, kind: ceiling, op: "<=", value: 0,
     unit: 起, commitment: plain, quote: 防范事故发生}
"""
EXCLUDED = """\
excluded:
  - quote: 加快建设27号线等5条轨道
    reason: {zh: 工作范围，未承诺结果, en: "scope of work, no outcome promised"}
  - {quote: 新中国成立75周年, reason: 纪念年份}
"""
DOC = PLAN + AREAS + TARGETS + EXCLUDED


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as exc:
        parse_targets(text, FILE)
    return exc.value.lines()


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema.json_schema())
    return Draft202012Validator(schema.json_schema())


def schema_errors(validator: Draft202012Validator, text: str) -> list[str]:
    document: Any = yaml.safe_load(text)
    if isinstance(document, dict) and isinstance(document.get("plan"), dict):
        plan = document["plan"]
        plan["published"] = str(plan.get("published"))
    return [e.message for e in validator.iter_errors(document)]


# -- what loads ---------------------------------------------------------------------------------


def test_a_plan_without_publisher_or_url_loads() -> None:
    catalogue = parse_targets(DOC, FILE)
    assert catalogue.plan == Plan(Text("计划", "Plan"), 2025, dt.date(2025, 2, 1), None, None)


def test_a_chinese_only_name_is_shown_in_english_as_the_chinese() -> None:
    catalogue = parse_targets(DOC, FILE)
    assert [t.name for t in catalogue.targets] == [
        Text("新增养老床位", "新增养老床位"),
        Text("城镇新增就业", "城镇新增就业"),
        Text("事故", "Accidents"),
    ]


def test_areas_say_whether_they_are_numbered_and_are_counted_among_the_numbered() -> None:
    catalogue = parse_targets(DOC, FILE)
    assert catalogue.areas == (
        Area("economy", Text("经济发展", "经济发展"), numbered=False),
        Area("people", Text("民生保障", "People")),
        Area("safety", Text("安全底线", "Safety")),
    )
    assert [catalogue.area_number(a.id) for a in catalogue.areas] == [None, 1, 2]
    assert catalogue.area_number("nowhere") is None


def test_an_unnumbered_area_later_in_the_list_does_not_shift_the_numbers() -> None:
    text = DOC.replace("{id: economy, zh: 经济发展, numbered: false}", "{id: economy, zh: 经济发展}")
    text = text.replace(
        "{id: safety, zh: 安全底线, en: Safety}", "{id: safety, zh: 安全底线, numbered: false}"
    )
    catalogue = parse_targets(text, FILE)
    assert [catalogue.area_number(a.id) for a in catalogue.areas] == [1, 2, None]


def test_the_excluded_list_loads_with_its_reasons_and_lines() -> None:
    catalogue = parse_targets(DOC, FILE)
    first = DOC.count("\n", 0, DOC.index("  - quote: 加快")) + 1
    assert catalogue.excluded == (
        Exclusion(
            "加快建设27号线等5条轨道",
            Text("工作范围，未承诺结果", "scope of work, no outcome promised"),
            first,
        ),
        Exclusion("新中国成立75周年", Text("纪念年份", "纪念年份"), first + 2),
    )


def test_a_file_without_excluded_has_none() -> None:
    assert parse_targets(PLAN + AREAS + TARGETS, FILE).excluded == ()


# -- what is refused, located --------------------------------------------------------------------

EXCLUDED_LINE = DOC.count("\n", 0, DOC.index("excluded:")) + 1
BAD = {
    "excluded with no value": (
        PLAN + AREAS + TARGETS + "excluded:\n",
        [f"t.yaml:{EXCLUDED_LINE}: excluded must be a list of {{quote, reason}} (or leave it out)"],
    ),
    "an entry without a reason": (
        PLAN + AREAS + TARGETS + "excluded:\n  - {quote: 75周年}\n",
        [f"t.yaml:{EXCLUDED_LINE + 1}: excluded: missing reason"],
    ),
    "an entry that is text": (
        PLAN + AREAS + TARGETS + "excluded:\n  - 75周年\n",
        [f"t.yaml:{EXCLUDED_LINE + 1}: each excluded entry must be a mapping {{quote, reason}}"],
    ),
    "an empty quote": (
        PLAN + AREAS + TARGETS + 'excluded:\n  - {quote: "", reason: x}\n',
        [f"t.yaml:{EXCLUDED_LINE + 1}: excluded: quote must be the plan's own words, verbatim"],
    ),
    "a reason in English only": (
        PLAN + AREAS + TARGETS + "excluded:\n  - {quote: 75周年, reason: {en: anniversary}}\n",
        [f"t.yaml:{EXCLUDED_LINE + 1}: excluded: reason {REASON_RULE}"],
    ),
    "a misspelt key": (
        PLAN + AREAS + TARGETS + "excluded:\n  - {quote: 75周年, reason: x, reasn: y}\n",
        [
            f't.yaml:{EXCLUDED_LINE + 1}: excluded: unknown key "reasn" '
            '(did you mean "reason"? allowed: quote, reason)'
        ],
    ),
    "the same quote twice": (
        PLAN
        + AREAS
        + TARGETS
        + "excluded:\n  - {quote: 75周年, reason: x}\n  - {quote: 75周年, reason: y}\n",
        [
            f"t.yaml:{EXCLUDED_LINE + 2}: excluded: quote '75周年' is listed twice "
            f"(first on line {EXCLUDED_LINE + 1})"
        ],
    ),
    "numbered is not a boolean": (
        DOC.replace("numbered: false", "numbered: 'no'"),
        ["t.yaml:7: area \"economy\": numbered 'no' must be true or false"],
    ),
    "an area with an empty en": (
        DOC.replace("en: People", 'en: ""'),
        ['t.yaml:8: area "people": zh (and en, if given) titles must be non-empty text'],
    ),
    "a publisher that is a number": (
        PLAN + "  publisher: 5\n" + AREAS + TARGETS,
        [f"t.yaml:6: plan.publisher {REASON_RULE}"],
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(BAD.values()), ids=list(BAD))
def test_a_bad_addition_is_reported_with_its_exact_message(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


# -- the JSON Schema says the same -------------------------------------------------------------


def test_the_schema_accepts_every_addition(validator: Draft202012Validator) -> None:
    assert schema_errors(validator, DOC) == []


@pytest.mark.parametrize(
    "name", ["excluded with no value", "an entry without a reason", "an empty quote", "a misspelt key"]
)
def test_the_schema_refuses_what_the_loader_refuses(validator: Draft202012Validator, name: str) -> None:
    assert schema_errors(validator, BAD[name][0]) != []


def test_the_schema_documents_the_additions() -> None:
    props = schema.json_schema()["properties"]
    assert props["excluded"]["items"]["required"] == ["quote", "reason"]
    # year, or first_year and last_year for a multi-year plan (#17): one of the two.
    assert props["plan"]["required"] == ["title", "published"]
    assert [alt["required"] for alt in props["plan"]["oneOf"]] == [["year"], ["first_year", "last_year"]]
    assert props["areas"]["items"]["properties"]["numbered"]["type"] == "boolean"
    assert props["areas"]["items"]["required"] == ["id", "zh"]
