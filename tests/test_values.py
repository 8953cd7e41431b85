"""Reading one actual figure for its target: gxcheck.values.parse_value and parse_quantity.

A figure is read in the target's own unit; magnitude words (万, 亿) are converted
explicitly, a unit that does not fit is an error, and every rejection says why.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import D, make_target
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from gxcheck import fmt
from gxcheck.cli import app
from gxcheck.model import Bound, Kind, Op, Quantity, Target
from gxcheck.values import BadValue, parse_quantity, parse_value

WATER_SCALE = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")
RATING_SCALE = ("AAA", "AA+", "AA", "AA-", "A+")
NOT_A_NUMBER = "is not a number (write e.g. 7.4, 7.4%, 12,000, 1.2万, >100, 超100)"
NOT_FINITE = "is not a figure (NaN and infinity are not allowed)"
EMPTY = "the value is empty (leave the row out if there is no figure)"


def numeric(unit: str) -> Target:
    return make_target("t", unit=unit)


def milestone() -> Target:
    return make_target("m", kind=Kind.MILESTONE, op=Op.DONE, value=True, unit="")


def ordinal(scale: tuple[str, ...] = WATER_SCALE) -> Target:
    return make_target("w", kind=Kind.ORDINAL, op=Op.LE, value=scale[3], unit="类", scale=scale)


def rejection(raw: str, target: Target) -> str:
    with pytest.raises(BadValue) as info:
        parse_value(raw, target)
    return str(info.value)


# ---------------------------------------------------------------------------
# Numbers that are read, with their exact value and bound
# ---------------------------------------------------------------------------

EXACT, GT, GE, LT, LE = Bound.EXACT, Bound.GT, Bound.GE, Bound.LT, Bound.LE

ACCEPTED = [
    # raw, target unit, value in the target's unit, bound
    ("7.4", "%", "7.4", EXACT),
    ("7.4%", "%", "7.4", EXACT),
    ("7.4 %", "%", "7.4", EXACT),
    (" 7.4 ", "%", "7.4", EXACT),
    ("12,000", "个", "12000", EXACT),
    ("12,000.5", "个", "12000.5", EXACT),
    ("1,000,000", "个", "1000000", EXACT),
    ("７．４", "%", "7.4", EXACT),
    ("７．４％", "%", "7.4", EXACT),
    ("１２，０００", "个", "12000", EXACT),
    ("+7.4", "%", "7.4", EXACT),
    ("-0.5", "%", "-0.5", EXACT),
    ("\u22120.5", "%", "-0.5", EXACT),  # − MINUS SIGN, as typeset reports write it
    ("－0.5", "%", "-0.5", EXACT),  # full-width hyphen-minus
    ("0", "起", "0", EXACT),
    ("100个", "个", "100", EXACT),
    ("5公里", "公里", "5", EXACT),
    ("3.5个/千人", "个/千人", "3.5", EXACT),
    # magnitude words, converted into the target's unit and never guessed
    ("1.2万", "户", "12000", EXACT),
    ("1.2万户", "户", "12000", EXACT),
    ("1.2 万户", "户", "12000", EXACT),
    ("1.2万", "万户", "1.2", EXACT),
    ("12000户", "万户", "1.2", EXACT),
    ("2.4万", "万人", "2.4", EXACT),
    ("24000人", "万人", "2.4", EXACT),
    ("2.4万人", "万人", "2.4", EXACT),
    ("15000万元", "亿元", "1.5", EXACT),
    ("15000万", "亿元", "1.5", EXACT),
    ("1.5亿", "亿元", "1.5", EXACT),
    ("10亿元", "亿元", "10", EXACT),
    ("5亿", "万元", "50000", EXACT),
    ("5平方米", "万平方米", "0.0005", EXACT),
    ("0.5千万", "个", "5000000", EXACT),
    ("3百万", "个", "3000000", EXACT),
    ("1.5万亿", "元", "1500000000000", EXACT),
    # bounds: a published figure that is only known to be above or below a number
    (">100", "个", "100", GT),
    ("＞100", "个", "100", GT),
    ("> 100", "个", "100", GT),
    (">=100", "个", "100", GE),
    ("≥100", "个", "100", GE),
    ("不少于100", "个", "100", GE),
    ("不低于100", "个", "100", GE),
    ("至少100", "个", "100", GE),
    ("超100", "个", "100", GT),
    ("超过100", "个", "100", GT),
    ("突破100", "个", "100", GT),
    ("逾100", "个", "100", GT),
    ("100以上", "个", "100", GE),
    ("100 以上", "个", "100", GE),
    ("100余", "个", "100", GT),
    ("100多", "个", "100", GT),
    ("100余个", "个", "100", GT),
    ("超100个", "个", "100", GT),
    ("100个以上", "个", "100", GE),
    ("100多万", "个", "1000000", GT),
    ("超1.2万户", "户", "12000", GT),
    ("超10亿元", "亿元", "10", GT),
    ("超35%", "%", "35", GT),
    ("<5", "个", "5", LT),
    ("<=5", "个", "5", LE),
    ("≤5", "个", "5", LE),
    ("不足5", "个", "5", LT),
    ("不到5", "个", "5", LT),
    ("不超过5", "个", "5", LE),
    ("至多5", "个", "5", LE),
    ("5以下", "个", "5", LE),
    ("12万以下", "个", "120000", LE),
]


@pytest.mark.parametrize(("raw", "unit", "value", "bound"), ACCEPTED)
def test_accepted_numbers_are_read_exactly(raw: str, unit: str, value: str, bound: Bound) -> None:
    parsed = parse_value(raw, numeric(unit))
    assert parsed == Quantity(D(value), bound)
    assert isinstance(parsed, Quantity) and isinstance(parsed.value, Decimal)
    assert parsed.bound is bound


def test_unit_words_are_not_a_silent_factor_of_ten_thousand() -> None:
    """The same cell means different numbers for targets in 户 and in 万户, each explicitly."""
    assert parse_value("1.2万", numeric("户")) == Quantity(D("12000"))
    assert parse_value("1.2万", numeric("万户")) == Quantity(D("1.2"))
    assert parse_value("12000", numeric("户")) == Quantity(D("12000"))
    assert parse_value("120", numeric("万户")) == Quantity(D("120"))  # a plausible plain number is in 万户


def test_decimals_are_exact_not_binary_floats() -> None:
    a, b = parse_value("0.1", numeric("%")), parse_value("0.2", numeric("%"))
    assert isinstance(a, Quantity) and isinstance(b, Quantity)
    assert a.value + b.value == D("0.3")


# ---------------------------------------------------------------------------
# Numbers that are refused, with the exact message a user sees
# ---------------------------------------------------------------------------

REJECTED = [
    # raw, target unit, message
    ("", "个", EMPTY),
    ("   ", "个", EMPTY),
    ("\u3000", "个", EMPTY),  # an ideographic space only
    ("abc", "个", f"'abc' {NOT_A_NUMBER}"),
    ("约100", "个", f"'约100' {NOT_A_NUMBER}"),
    (".5", "个", f"'.5' {NOT_A_NUMBER}"),
    ("+-1", "个", f"'+-1' {NOT_A_NUMBER}"),
    ("nan", "个", f"'nan' {NOT_FINITE}"),
    ("NaN", "个", f"'NaN' {NOT_FINITE}"),
    ("ＮａＮ", "个", f"'ＮａＮ' {NOT_FINITE}"),  # quoted as written
    ("inf", "个", f"'inf' {NOT_FINITE}"),
    ("+inf", "个", f"'+inf' {NOT_FINITE}"),
    ("Infinity", "个", f"'Infinity' {NOT_FINITE}"),
    ("-Infinity", "个", f"'-Infinity' {NOT_FINITE}"),
    (
        "7.4%",
        "个",
        "unit '%' does not fit the target's unit '个' (write a plain number in 个, or 个 with 万 or 亿)",
    ),
    ("7.4个", "%", "unit '个' does not fit the target's unit '%' (write a plain number in %)"),
    (
        "1.2万人",
        "户",
        "unit '万人' does not fit the target's unit '户' (write a plain number in 户, or 户 with 万 or 亿)",
    ),
    (
        "5米",
        "公里",
        "unit '米' does not fit the target's unit '公里' "
        "(write a plain number in 公里, or 公里 with 万 or 亿)",
    ),
    (
        "3.5个",
        "个/千人",
        "unit '个' does not fit the target's unit '个/千人' "
        "(write a plain number in 个/千人, or 个/千人 with 万 or 亿)",
    ),
    ("9999999999999999", "个", "'9999999999999999' is absurdly large for a figure in 个"),
    ("1000万亿", "个", "'1000万亿' is absurdly large for a figure in 个"),
    ("-9999999999999999", "%", "'-9999999999999999' is absurdly large for a figure in %"),
    ("1000万亿", "", "'1000万亿' is absurdly large for a figure in this unit"),
    ("超100以上", "个", "'超100以上' has more than one bound word (超, 以上); use one"),
    (">100余", "个", "'>100余' has more than one bound word (>, 余); use one"),
    ("100多以下", "个", "'100多以下' has more than one bound word (多, 以下); use one"),
]


@pytest.mark.parametrize(("raw", "unit", "message"), REJECTED)
def test_rejected_numbers_say_why(raw: str, unit: str, message: str) -> None:
    assert rejection(raw, numeric(unit)) == message


def test_absurd_limit_is_ten_to_the_fifteen_in_the_targets_unit() -> None:
    assert parse_value("999999999999999", numeric("个")) == Quantity(D("999999999999999"))
    assert rejection("1000000000000000", numeric("个")) == (
        "'1000000000000000' is absurdly large for a figure in 个"
    )
    # 10^15 元 is absurd, but the same number of 元 read for a target in 亿元 is 10^7 亿元.
    assert parse_value("1000000000000000元", numeric("亿元")) == Quantity(D("10000000"))


def test_bad_value_is_a_value_error() -> None:
    """Callers that only know ValueError still catch it."""
    with pytest.raises(ValueError):
        parse_value("abc", numeric("个"))


@pytest.mark.parametrize("raw", ["1,2", "1,0000", "12000,", "5.", "1_000"])
def test_bad_digit_grouping_is_reported_as_a_bad_number_not_a_unit(raw: str) -> None:
    message = rejection(raw, numeric("个"))
    assert message.startswith(f"{raw!r} ")
    assert "unit" not in message


@pytest.mark.parametrize("raw", ["1e20", "1.2E+04"])
def test_exponent_notation_is_not_blamed_on_a_unit(raw: str) -> None:
    message = rejection(raw, numeric("个"))
    assert message.startswith(f"{raw!r} ")
    assert "unit" not in message


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1.2万余户", "12000"), ("1万多户", "10000"), ("1.2万余", "12000"), ("3万多", "30000")],
)
def test_approximate_word_after_a_magnitude_word(raw: str, value: str) -> None:
    assert parse_value(raw, numeric("户")) == Quantity(D(value), Bound.GT)


# ---------------------------------------------------------------------------
# Milestones
# ---------------------------------------------------------------------------

MILESTONE_ANSWERS = [
    ("true", True),
    ("false", False),
    ("TRUE", True),
    ("False", False),
    ("yes", True),
    ("no", False),
    ("Yes", True),
    ("NO", False),
    (" yes ", True),
    ("ＹＥＳ", True),
    ("是", True),
    ("否", False),
    ("已完成", True),
    ("未完成", False),
    ("完成", True),
    ("done", True),
    ("not done", False),
]


@pytest.mark.parametrize(("raw", "expected"), MILESTONE_ANSWERS)
def test_milestone_answers(raw: str, expected: bool) -> None:
    assert parse_value(raw, milestone()) is expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("maybe", "'maybe' is not a milestone answer (use true/false, yes/no, 是/否, 已完成/未完成)"),
        ("进行中", "'进行中' is not a milestone answer (use true/false, yes/no, 是/否, 已完成/未完成)"),
        ("100%", "'100%' is not a milestone answer (use true/false, yes/no, 是/否, 已完成/未完成)"),
        ("", EMPTY),
    ],
)
def test_milestone_refusals(raw: str, message: str) -> None:
    assert rejection(raw, milestone()) == message


# ---------------------------------------------------------------------------
# Ordinal classes: any common spelling reads as the scale's own label
# ---------------------------------------------------------------------------

WATER_CLASSES = [
    ("Ⅳ", "Ⅳ"),
    ("IV", "Ⅳ"),
    ("iv", "Ⅳ"),
    ("ⅳ", "Ⅳ"),
    ("Ⅳ类", "Ⅳ"),
    ("IV类", "Ⅳ"),
    ("Ⅳ 类", "Ⅳ"),
    ("Ⅳ级", "Ⅳ"),
    (" Ⅳ ", "Ⅳ"),
    ("Ⅰ", "Ⅰ"),
    ("II", "Ⅱ"),
    ("III类", "Ⅲ"),
    ("V", "Ⅴ"),
    ("Ⅴ类", "Ⅴ"),
    ("劣Ⅴ", "劣Ⅴ"),
    ("劣V", "劣Ⅴ"),
    ("劣V类", "劣Ⅴ"),
    ("劣v", "劣Ⅴ"),
]


@pytest.mark.parametrize(("raw", "label"), WATER_CLASSES)
def test_water_class_reads_as_the_scales_label(raw: str, label: str) -> None:
    assert parse_value(raw, ordinal()) == label


@pytest.mark.parametrize(("raw", "label"), [("AA+", "AA+"), ("aa+", "AA+"), ("AA", "AA"), ("aa-", "AA-")])
def test_rating_reads_as_the_scales_label(raw: str, label: str) -> None:
    assert parse_value(raw, ordinal(RATING_SCALE)) == label


@pytest.mark.parametrize(
    ("raw", "scale", "message"),
    [
        ("Ⅵ", WATER_SCALE, "'Ⅵ' is not on the scale (Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ, 劣Ⅴ)"),
        (" Ⅵ类 ", WATER_SCALE, "'Ⅵ类' is not on the scale (Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ, 劣Ⅴ)"),
        ("4", WATER_SCALE, "'4' is not on the scale (Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ, 劣Ⅴ)"),
        ("类", WATER_SCALE, "'类' is not on the scale (Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ, 劣Ⅴ)"),
        ("BBB", RATING_SCALE, "'BBB' is not on the scale (AAA, AA+, AA, AA-, A+)"),
        ("", WATER_SCALE, EMPTY),
    ],
)
def test_class_not_on_the_scale(raw: str, scale: tuple[str, ...], message: str) -> None:
    assert rejection(raw, ordinal(scale)) == message


# ---------------------------------------------------------------------------
# A value printed by gxcheck reads back to the same number
# ---------------------------------------------------------------------------

FIGURES = st.decimals(
    min_value=Decimal("-999999999999.9999"),
    max_value=Decimal("999999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)
UNITS = st.sampled_from(["个", "%", "户", "万户", "亿元", "个/千人", ""])


@settings(max_examples=200, deadline=None)
@given(value=FIGURES, unit=UNITS)
def test_printed_number_reads_back(value: Decimal, unit: str) -> None:
    assert parse_quantity(fmt.number(value), unit) == Quantity(value)


@settings(max_examples=100, deadline=None)
@given(value=FIGURES, bound=st.sampled_from(list(Bound)), unit=UNITS)
def test_printed_quantity_with_bound_and_unit_reads_back(value: Decimal, bound: Bound, unit: str) -> None:
    assert parse_quantity(fmt.quantity(Quantity(value, bound), unit), unit) == Quantity(value, bound)


@pytest.mark.parametrize(
    ("value", "printed"),
    [("12000.0", "12,000"), ("0.50", "0.5"), ("-1234567.0001", "\u22121,234,567.0001"), ("1E+3", "1,000")],
)
def test_round_trip_examples(value: str, printed: str) -> None:
    assert fmt.number(Decimal(value)) == printed
    assert parse_quantity(printed, "个") == Quantity(Decimal(value))


# ---------------------------------------------------------------------------
# In the reader's language
# ---------------------------------------------------------------------------


def test_a_rejection_carries_its_message_worded_in_either_language() -> None:
    with pytest.raises(BadValue) as info:
        parse_value("７．４．４", numeric("%"))
    assert (
        info.value.message.text("zh")
        == "'７．４．４' 不是数字（可写作 7.4、7.4%、12,000、1.2万、>100、超100）"
    )
    assert str(info.value) == f"'７．４．４' {NOT_A_NUMBER}"  # the library's exceptions read in English


HOUSEHOLDS_ZH = (
    "{path}:2: 目标 “new_market_entities”：'12000' 没有自带单位（unit 列只是重复了目标的单位），"
    "按万户读是 12000 万户，为目标值（1.2 万户）的 10,000 倍；"
    "若它计的是户，则是 1.2 万户（请写 12000户 或 1.2万户；若确实以万户计，写 12000万户）"
)
HOUSEHOLDS_EN = (
    "{path}:2: target \"new_market_entities\": '12000' has no unit of its own (the unit column only "
    "repeats the target's), and read in 万户 it would be 12000 万户, 10,000 times the target (1.2 万户); "
    "if it counts 户 it is 1.2 万户 (write 12000户 or 1.2万户, or 12000万户 if it really is in 万户)"
)


@pytest.mark.parametrize(
    ("args", "expected"), [([], HOUSEHOLDS_ZH), (["--lang", "en"], HOUSEHOLDS_EN)], ids=["zh", "en"]
)
def test_a_refused_figure_reads_in_chinese_by_default(tmp_path: Path, args: list[str], expected: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,period,value,unit\nnew_market_entities,2024,12000,万户\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), *args])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected.format(path=path) + "\n")


def test_the_fraction_warning_reads_in_chinese_by_default(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,value\ngdp_growth,0.076\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), "-f", "json", "--fail-on", "never"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"{path}:2: 目标 “gdp_growth”：警告：'0.076' 按 0.076 % 读取（目标为 8 %）；"
        "如果它是小数形式的比例，请写 7.6 或 7.6%\n"
    )
