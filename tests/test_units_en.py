"""English output speaks English units: a count without a measure word, km for 公里, a
magnitude as the yearbooks write it, and the targets file's ``unit_en`` where it gives one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CATALOGUE_2024, make_actual, make_catalogue, make_target
from typer.testing import CliRunner

from gxcheck import fmt, score
from gxcheck.cli import app
from gxcheck.record import replace
from gxcheck.render import markdown
from gxcheck.render.common import ReportOptions
from gxcheck.render.words import reason


@pytest.mark.parametrize(
    ("unit", "zh", "en"),
    [
        ("个", "≥ 5 个", "≥ 5"),
        ("家", "≥ 5 家", "≥ 5"),
        ("起", "≥ 5 起", "≥ 5"),
        ("公里", "≥ 5 公里", "≥ 5 km"),
        ("万户", "≥ 5 万户", "≥ 5 × 10,000 households"),
        ("亿元", "≥ 5 亿元", "≥ 5 × 100 million yuan"),
        ("万平方米", "≥ 5 万平方米", "≥ 5 × 10,000 m²"),
        ("个/千人", "≥ 5 个/千人", "≥ 5 per 1,000 people"),
        ("%", "≥ 5 %", "≥ 5 %"),
        ("标准箱", "≥ 5 标准箱", "≥ 5 标准箱"),  # not in the table, no unit_en: as the plan writes it
    ],
)
def test_the_built_in_table(unit: str, zh: str, en: str) -> None:
    target = make_target("t", value=5, unit=unit)
    assert (fmt.target_wording(target, "zh"), fmt.target_wording(target, "en")) == (zh, en)


def test_unit_en_in_the_targets_file_wins() -> None:
    beds = replace(make_target("beds", value=100, unit="张"), unit_en="beds")
    result = score(make_catalogue(beds), [make_actual("beds", 90)]).results[0]
    assert reason(result).zh == "90 张 < 100 张；在基本完成区间内（≥ 90 张）"
    assert reason(result).en == "90 beds < 100 beds; within the near band (≥ 90 beds)"


def test_no_chinese_unit_in_the_english_report(card_2024: object) -> None:
    from gxcheck.model import Scorecard

    assert isinstance(card_2024, Scorecard)
    text = markdown.scorecard(card_2024, ReportOptions("en"))
    for unit in ("个", "家", "起", "万户", "亿元", "公里", "万人"):
        assert f" {unit}" not in text.split("## ", 1)[1].replace("“", "").split("- ")[0], unit


def test_targets_file_accepts_unit_en_and_refuses_a_number(tmp_path: Path) -> None:
    text = CATALOGUE_2024.read_text(encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(text.replace('unit: "个"\n', 'unit: "个"\n    unit_en: platforms\n', 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["targets", "-t", str(good), "--lang", "en", "-f", "json"])
    assert result.exit_code == 0 and '"unit_en": "platforms"' in result.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace('unit: "个"\n', 'unit: "个"\n    unit_en: 3\n', 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(bad)], env={"GXCHECK_LANG": "en"})
    assert result.exit_code == 2
    assert 'unit_en 3 must be text: the unit in English (e.g. "beds")' in result.stderr
