"""The bundled catalogue (gxcheck/data/2024.yaml) against the plan it encodes, and the JSON Schema
that editors use for the same file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import yaml
from conftest import BUNDLED_DIR, CATALOGUE_2024
from jsonschema import Draft202012Validator

from gxcheck import schema
from gxcheck.errors import InputError
from gxcheck.model import Catalogue, Commitment, Kind, Op
from gxcheck.record import replace
from gxcheck.targets import parse_targets

CATALOGUE = CATALOGUE_2024
SOURCE = BUNDLED_DIR / "2024.source.txt"

PLAN_ORDER = ["headline", "innovation", "industry", "city", "reform", "demand", "livelihood", "risk"]
FIXED_IDS = [
    "gdp_growth",
    "industrial_output_growth",
    "fixed_asset_investment_growth",
    "retail_sales_growth",
    "budget_revenue_growth",
    "high_tech_enterprises",
    "tech_enterprises",
    "digital_transformation_projects",
    "projects_started",
    "projects_in_use",
    "reserve_projects",
    "major_projects_signed",
    "new_urban_jobs",
    "elderly_care_beds",
    "major_safety_accidents",
    "xiyong_tunnel_started",
    "liangtan_water_class",
]


def source_parts() -> tuple[str, str]:
    """The plan text split at the line that opens part 二: (everything before, part 二)."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    [start] = [n for n, line in enumerate(lines) if line.startswith("二、2024年工作打算")]
    return "\n".join(lines[:start]), "\n".join(lines[start + 1 :])


def isoformat_dates(value: Any) -> Any:
    """YAML gives dates as date objects; JSON (and so the schema) sees them as strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: isoformat_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [isoformat_dates(v) for v in value]
    return value


def as_json(text: str) -> Any:
    return isoformat_dates(yaml.safe_load(text))


# -- the catalogue as a whole ------------------------------------------------------------------


def test_the_bundled_catalogue_is_the_repository_file(bundled: Catalogue) -> None:
    assert (bundled.path, bundled.bundled) == ("<bundled 2024.yaml>", True)
    text = CATALOGUE.read_text(encoding="utf-8")
    assert replace(parse_targets(text, "<bundled 2024.yaml>"), bundled=True) == bundled


def test_it_holds_more_than_fifty_targets_with_unique_ids(bundled: Catalogue) -> None:
    ids = [t.id for t in bundled.targets]
    assert len(ids) > 50
    assert len(set(ids)) == len(ids)


def test_the_plan_is_the_2024_work_plan_published_on_1_march(bundled: Catalogue) -> None:
    assert bundled.plan.year == 2024
    assert bundled.plan.published == dt.date(2024, 3, 1)
    assert bundled.plan.title.zh == "西部科学城重庆高新区2023年工作情况和2024年工作打算"
    assert bundled.plan.url == "https://gxq.cq.gov.cn/zwgk_202/fdzdgknr/ghxinxi/gmjjhshfzgh/t_13344893.html"
    assert bundled.near_fraction == Decimal("0.1")


def test_the_source_header_names_the_url_and_date(bundled: Catalogue) -> None:
    header = SOURCE.read_text(encoding="utf-8").split("一、2023年工作情况")[0]
    assert bundled.plan.url is not None
    assert bundled.plan.url in header
    assert "2024-03-01" in header


def test_every_quote_is_verbatim_in_part_two_of_the_plan(bundled: Catalogue) -> None:
    _, part_two = source_parts()
    assert [t.id for t in bundled.targets if t.quote not in part_two] == []


def test_the_areas_are_in_the_plans_order_and_each_has_targets(bundled: Catalogue) -> None:
    assert [a.id for a in bundled.areas] == PLAN_ORDER
    assert [a for a in PLAN_ORDER if not any(t.area == a for t in bundled.targets)] == []


def test_targets_are_listed_area_by_area_in_the_plans_order(bundled: Catalogue) -> None:
    areas_in_file_order = list(dict.fromkeys(t.area for t in bundled.targets))
    assert areas_in_file_order == PLAN_ORDER


@pytest.mark.parametrize("target_id", FIXED_IDS)
def test_the_fixed_ids_exist(bundled: Catalogue, target_id: str) -> None:
    assert bundled.target(target_id) is not None


def test_every_interpreted_target_has_a_note(bundled: Catalogue) -> None:
    interpreted = [
        t for t in bundled.targets if t.op is Op.ABOUT or t.kind in (Kind.RANK, Kind.ORDINAL, Kind.CEILING)
    ]
    assert len(interpreted) >= 5
    assert [t.id for t in interpreted if not t.note] == []


def test_every_milestone_is_due_in_2024(bundled: Catalogue) -> None:
    milestones = [t for t in bundled.targets if t.kind is Kind.MILESTONE]
    assert milestones
    assert {t.deadline for t in milestones} == {dt.date(2024, 12, 31)}
    assert {(t.op, t.value) for t in milestones} == {(Op.DONE, True)}


# -- the targets whose reading matters for a correct verdict -----------------------------------


def test_gdp_growth_is_about_8_percent_plus_or_minus_half_a_point(bundled: Catalogue) -> None:
    t = bundled.target("gdp_growth")
    assert t is not None
    assert (t.kind, t.op, t.value, t.tolerance, t.unit, t.commitment) == (
        Kind.GROWTH,
        Op.ABOUT,
        Decimal("8"),
        Decimal("0.5"),
        "%",
        Commitment.STRIVE,
    )


@pytest.mark.parametrize("target_id", ["roads_newly_started", "roads_continued", "roads_reserved"])
def test_roads_over_100_km_are_strictly_greater(bundled: Catalogue, target_id: str) -> None:
    t = bundled.target(target_id)
    assert t is not None
    assert (t.area, t.op, t.value, t.unit) == ("city", Op.GT, Decimal("100"), "公里")
    assert "超100公里" in t.quote


@pytest.mark.parametrize(
    ("target_id", "value", "baseline"),
    [("high_tech_enterprises", "550", "402"), ("tech_enterprises", "3000", "2515")],
)
def test_enterprise_totals_are_year_end_levels(
    bundled: Catalogue, target_id: str, value: str, baseline: str
) -> None:
    t = bundled.target(target_id)
    assert t is not None
    assert (t.kind, t.op, t.value, t.baseline, t.unit) == (
        Kind.LEVEL,
        Op.GE,
        Decimal(value),
        Decimal(baseline),
        "家",
    )


@pytest.mark.parametrize(
    ("target_id", "value", "unit"),
    [("new_urban_jobs", "2.4", "万人"), ("new_market_entities", "1.2", "万户")],
)
def test_ten_thousand_units_keep_the_plans_magnitude(
    bundled: Catalogue, target_id: str, value: str, unit: str
) -> None:
    t = bundled.target(target_id)
    assert t is not None
    assert (t.kind, t.op, t.value, t.unit) == (Kind.INCREMENT, Op.GE, Decimal(value), unit)


def test_major_safety_accidents_is_a_ceiling_of_zero(bundled: Catalogue) -> None:
    t = bundled.target("major_safety_accidents")
    assert t is not None
    assert (t.kind, t.op, t.value, t.area) == (Kind.CEILING, Op.LE, Decimal("0"), "risk")
    assert t.less_is_better


def test_liangtan_water_is_class_iv_or_better_on_the_water_scale(bundled: Catalogue) -> None:
    t = bundled.target("liangtan_water_class")
    assert t is not None
    assert (t.kind, t.op, t.value, t.commitment) == (Kind.ORDINAL, Op.LE, "Ⅳ", Commitment.ENSURE)
    assert t.scale == ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")


def test_air_quality_rank_is_third_or_better_and_says_so_is_an_interpretation(bundled: Catalogue) -> None:
    t = bundled.target("air_quality_rank")
    assert t is not None
    assert (t.kind, t.op, t.value) == (Kind.RANK, Op.LE, Decimal("3"))
    assert t.note is not None
    assert "interpretation" in t.note.en


def test_xiyong_tunnel_is_a_strive_milestone_due_at_the_years_end(bundled: Catalogue) -> None:
    t = bundled.target("xiyong_tunnel_started")
    assert t is not None
    assert (t.kind, t.op, t.value, t.deadline, t.commitment) == (
        Kind.MILESTONE,
        Op.DONE,
        True,
        dt.date(2024, 12, 31),
        Commitment.STRIVE,
    )


@pytest.mark.parametrize(
    ("target_id", "commitment"),
    [
        ("reserve_projects", Commitment.ENSURE),
        ("projects_in_use", Commitment.ENSURE),
        ("projects_started", Commitment.PLAIN),
        ("gdp_growth", Commitment.STRIVE),
    ],
)
def test_commitment_words_follow_the_plan(bundled: Catalogue, target_id: str, commitment: Commitment) -> None:
    t = bundled.target(target_id)
    assert t is not None
    assert t.commitment is commitment


# -- the JSON Schema ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema.json_schema())
    return Draft202012Validator(schema.json_schema())


def test_the_schema_accepts_the_bundled_file(validator: Draft202012Validator) -> None:
    document = as_json(CATALOGUE.read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(document)] == []


def bad_catalogue(old: str, new: str) -> str:
    """The bundled file with the first ``old`` replaced, asserting it was there."""
    text = CATALOGUE.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


# Each bad file: what to replace, the schema's errors, the line the loader must point at (the
# line of ``at`` in the bad file, found rather than hard-coded) and the start of its message.
BAD = {
    "unknown key": (
        '    quote: "力争GDP增长8%左右"\n',
        '    quote: "力争GDP增长8%左右"\n    colour: red\n',
        [([0], "Additional properties are not allowed ('colour' was unexpected)")],
        "    colour: red\n",
        'target "gdp_growth": unknown key "colour"',
    ),
    "about without tolerance": (
        "    tolerance: 0.5\n",
        "",
        [([0], "'tolerance' is a required property")],
        "    op: about\n",
        'target "gdp_growth": op about needs a tolerance (e.g. tolerance: 0.5)',
    ),
    "unknown op": (
        '    op: ">="\n',
        '    op: "≥"\n',
        [([1, "op"], "'≥' is not one of ['>=', '>', '<=', '<', '==', 'about', 'done']")],
        '    op: "≥"\n',
        'target "industrial_output_growth": unknown op "≥" '
        '(did you mean ">="? use one of >=, >, <=, <, ==, about, done)',
    ),
    "milestone with op >=": (
        "    kind: milestone\n    op: done\n",
        '    kind: milestone\n    op: ">="\n',
        [([5, "op"], "'done' was expected")],
        '    kind: milestone\n    op: ">="\n',
        'target "zhangjiang_lab_base_running": kind milestone goes with op done',
    ),
    "ceiling with >=": (
        '    kind: ceiling\n    op: "<="\n',
        '    kind: ceiling\n    op: ">="\n',
        [([63, "op"], "'>=' is not one of ['<=', '<']")],
        '    kind: ceiling\n    op: ">="\n',
        'target "debt_defaults": op >= does not fit kind ceiling',
    ),
}


def line_of(text: str, needle: str) -> int:
    """The line of the last line of ``needle``'s first occurrence (1-based)."""
    return text[: text.index(needle) + len(needle.rstrip("\n"))].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "schema_errors", "at", "message"), list(BAD.values()), ids=list(BAD))
def test_the_schema_and_the_loader_both_reject_a_bad_file(
    validator: Draft202012Validator,
    old: str,
    new: str,
    schema_errors: list[tuple[list[Any], str]],
    at: str,
    message: str,
) -> None:
    text = bad_catalogue(old, new)
    errors = validator.iter_errors(as_json(text))
    assert [(list(e.absolute_path)[1:], e.message) for e in errors] == schema_errors
    with pytest.raises(InputError) as exc:
        parse_targets(text, "targets/2024.yaml")
    [line] = exc.value.lines()
    assert line.startswith(f"targets/2024.yaml:{line_of(text, at)}: {message}")


def test_the_schemas_target_keys_are_the_keys_the_loader_accepts() -> None:
    expected = {
        "id",
        "area",
        "name",
        "kind",
        "op",
        "value",
        "unit",
        "commitment",
        "quote",
        "tolerance",
        "baseline",
        "scale",
        "deadline",
        "near_band",
        "note",
        "horizon",
        "baseline_year",
        "path",
        "times",
        "unit_en",
    }
    assert set(schema.TARGET_PROPERTIES) == expected
    items = schema.json_schema()["properties"]["targets"]["items"]
    assert set(items["properties"]) == expected
    # value is required unless times (倍增) gives it: see the schema's allOf.
    assert set(items["required"]) == {
        "id",
        "area",
        "name",
        "kind",
        "op",
        "unit",
        "commitment",
        "quote",
    }
    # The loader names the keys it allows when it meets one it does not know.
    with pytest.raises(InputError) as exc:
        parse_targets(bad_catalogue(*BAD["unknown key"][:2]), "targets/2024.yaml")
    [message] = [str(p.message) for p in exc.value.problems]
    allowed = message.split("allowed: ")[1].rstrip(")").split(", ")
    assert set(allowed) == expected
