"""The second bundled catalogue, the zone's 2023–2027 action plan (targets/2023-2027.yaml),
against the public part of the plan it encodes (二、政策目标), and its real figures."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from gxcheck import load_actuals, schema, score
from gxcheck.model import Catalogue, Commitment, Kind, Op, Scorecard, Status
from gxcheck.periods import Period
from gxcheck.record import replace
from gxcheck.targets import load_bundled, parse_targets

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "gxcheck" / "data" / "2023-2027.yaml"
SOURCE = ROOT / "gxcheck" / "data" / "2023-2027.source.txt"


@pytest.fixture(scope="module")
def plan() -> Catalogue:
    return load_bundled("2023-2027")


@pytest.fixture(scope="module")
def card(plan: Catalogue) -> Scorecard:
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        return score(plan, load_actuals("actuals/2023-2027.csv", plan).actuals)
    finally:
        os.chdir(old)


def policy_goals() -> str:
    """二、政策目标: the one public part of the plan's targets."""
    text = SOURCE.read_text(encoding="utf-8")
    return text[text.index("二、政策目标") :]


def test_the_bundled_catalogue_is_the_package_file(plan: Catalogue) -> None:
    assert plan.path == "<bundled 2023-2027.yaml>"
    assert replace(parse_targets(CATALOGUE.read_text(encoding="utf-8"), plan.path), bundled=True) == plan


def test_the_plan_runs_from_2023_to_2027_measured_from_2022(plan: Catalogue) -> None:
    assert (plan.plan.first_year, plan.plan.year, plan.plan.base_year) == (2023, 2027, 2022)
    assert plan.plan.published == dt.date(2023, 4, 26)
    assert plan.plan.url is not None and plan.plan.url in SOURCE.read_text(encoding="utf-8")
    assert {(t.horizon, t.baseline_year) for t in plan.targets} == {(2027, 2022), (2027, 2023)}


def test_the_file_says_only_the_policy_goals_are_public() -> None:
    head = CATALOGUE.read_text(encoding="utf-8").split("version: 1")[0]
    assert "Only part 二、政策目标 of the plan is public in full" in head


def test_every_quote_is_verbatim_in_the_policy_goals(plan: Catalogue) -> None:
    goals = policy_goals()
    assert [t.id for t in plan.targets if t.quote not in goals] == []


def test_the_targets_read_the_plans_words(plan: Catalogue) -> None:
    def get(target_id: str) -> tuple[Kind, Op, Decimal | str | bool, Decimal | str | None, Commitment]:
        t = plan.target(target_id)
        assert t is not None
        return t.kind, t.op, t.value, t.baseline, t.commitment

    assert get("rd_intensity") == (Kind.SHARE, Op.GE, Decimal("5.7"), Decimal("5.4"), Commitment.PLAIN)
    # 超过 is strict; the path starts from the first published total (2023).
    assert get("high_tech_enterprises") == (Kind.LEVEL, Op.GT, Decimal(1000), Decimal(402), Commitment.PLAIN)
    assert get("tech_enterprises") == (Kind.LEVEL, Op.GT, Decimal(4500), Decimal(2515), Commitment.PLAIN)
    # 力争 governs both shares of 制造业、数字经济 … 分别达到30%、60%.
    assert get("manufacturing_share")[2:] == (Decimal(30), None, Commitment.STRIVE)
    assert get("digital_economy_share")[2:] == (Decimal(60), None, Commitment.STRIVE)
    # 倍增: twice the 2022 level, as an index.
    assert get("corridor_freight_volume")[2:4] == (Decimal(200), Decimal(100))


def test_every_target_has_a_note(plan: Catalogue) -> None:
    assert [t.id for t in plan.targets if t.note is None] == []


def test_the_schema_accepts_the_file() -> None:
    document = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    document["plan"]["published"] = document["plan"]["published"].isoformat()
    validator = Draft202012Validator(schema.json_schema())
    assert [e.message for e in validator.iter_errors(document)] == []


def test_the_mid_term_card_as_of_2024(card: Scorecard) -> None:
    """R&D 5.5 % against 5.52 % expected at 2/5 of the way from 5.4 % to 5.7 %: behind."""
    assert card.period == Period(2024)
    by_id = {r.target.id: r for r in card.results}
    rd = by_id["rd_intensity"]
    assert (rd.status, rd.expected, rd.period) == (Status.BEHIND, Decimal("5.52"), Period(2024))
    # 高企 and 科企 are judged as of their latest figure, the end of 2023: the start of their path.
    assert (by_id["high_tech_enterprises"].status, by_id["high_tech_enterprises"].period) == (
        Status.ON_SCHEDULE,
        Period(2023),
    )
    assert by_id["tech_enterprises"].expected == Decimal(2515)
    assert sum(1 for r in card.results if r.status is Status.NO_DATA) == 7


def test_the_base_year_figure_is_at_the_start_of_the_path(plan: Catalogue) -> None:
    figures = load_actuals(ROOT / "actuals" / "2023-2027.csv", plan).actuals
    as_of_2022 = score(plan, figures, as_of=Period(2022))
    rd = next(r for r in as_of_2022.results if r.target.id == "rd_intensity")
    assert (rd.status, rd.expected) == (Status.ON_SCHEDULE, Decimal("5.4"))
