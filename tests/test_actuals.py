"""Reading a CSV of actual figures: gxcheck.actuals.parse_actuals and load_actuals.

Every problem a user made is reported at once as ``FILE:LINE: message``, in row order.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, make_catalogue, make_target, quantity
from typer.testing import CliRunner

from gxcheck import actuals
from gxcheck.actuals import LoadedActuals, load_actuals, parse_actuals
from gxcheck.cli import app
from gxcheck.errors import InputError
from gxcheck.model import Actual, Bound, Catalogue, Kind, Op
from gxcheck.periods import BadPeriod, Period, parse_period

FILE = "a.csv"
WATER_SCALE = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")
ALLOWED = "id, value, period, unit, name, target, note, source"
UNKNOWN_HINT = "see `gxcheck targets`; --ignore-unknown skips such rows"

CATALOGUE = make_catalogue(
    make_target("gdp_growth", kind=Kind.GROWTH, value=8, unit="%"),
    make_target("new_market_entities", value=1.2, unit="万户"),
    make_target("households", unit="户"),
    make_target("new_urban_jobs", value=2.4, unit="万人"),
    make_target("nev_sales", op=Op.GT, value=10, unit="亿元"),
    make_target("bus_plan_compiled", kind=Kind.MILESTONE, op=Op.DONE, value=True, unit=""),
    make_target("water_class", kind=Kind.ORDINAL, op=Op.LE, value="Ⅳ", unit="类", scale=WATER_SCALE),
)


def parse(text: str, **options: bool) -> LoadedActuals:
    return parse_actuals(text, FILE, CATALOGUE, **options)


def problems(text: str, **options: bool) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_actuals(text, FILE, CATALOGUE, **options)
    return info.value.lines()


def load_problems(path: Path, **options: Any) -> list[str]:
    with pytest.raises(InputError) as info:
        load_actuals(path, CATALOGUE, **options)
    return info.value.lines()


def parsed_values(loaded: LoadedActuals) -> dict[str, object]:
    return {a.target_id: a.parsed for a in loaded.actuals}


# ---------------------------------------------------------------------------
# Good files
# ---------------------------------------------------------------------------


def test_a_good_row_becomes_a_complete_actual() -> None:
    loaded = parse(
        "id,period,value,note,source\ngdp_growth,2024,7.4%,全年GDP增长7.4%,年报 https://x.invalid\n"
    )
    assert loaded == LoadedActuals(
        actuals=(
            Actual(
                target_id="gdp_growth",
                period=Period(2024),
                raw="7.4%",
                parsed=quantity("7.4"),
                note="全年GDP增长7.4%",
                source="年报 https://x.invalid",
                file=FILE,
                line=2,
            ),
        ),
        skipped_unknown=0,
        file=FILE,
        blank=0,
    )


ROW = {
    "id": "households",
    "value": "1.2万",
    "period": "2024年",
    "note": "新增1.2万户",
    "source": "公报",
    "unit": "",
    "name": "新增户数",
}


@pytest.mark.parametrize(
    "columns",
    [
        ("id", "value"),
        ("value", "id"),
        ("id", "period", "value"),
        ("period", "value", "id"),
        ("id", "value", "note", "source"),
        ("source", "note", "value", "period", "id"),
        ("name", "id", "unit", "value"),
        ("note", "unit", "name", "source", "period", "value", "id"),
    ],
)
def test_columns_in_any_order_with_optional_columns(columns: tuple[str, ...]) -> None:
    text = ",".join(columns) + "\n" + ",".join(ROW[c] for c in columns) + "\n"
    (actual,) = parse(text).actuals
    assert actual.target_id == "households"
    assert actual.raw == "1.2万"
    assert actual.parsed == quantity(12000)
    assert actual.period == Period(2024)
    assert actual.note == (ROW["note"] if "note" in columns else "")
    assert actual.source == (ROW["source"] if "source" in columns else "")
    assert actual.line == 2


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_lf_and_crlf_line_endings(newline: str) -> None:
    text = newline.join(["id,value,note", "gdp_growth,7.4,a", "households,5,b", ""])
    loaded = parse(text)
    assert [(a.target_id, a.parsed, a.note, a.line) for a in loaded.actuals] == [
        ("gdp_growth", quantity("7.4"), "a", 2),
        ("households", quantity(5), "b", 3),
    ]


def test_every_kind_of_target_is_read_for_its_kind() -> None:
    text = (
        "id,value\n"
        "gdp_growth,７．４％\n"
        "new_market_entities,12000户\n"
        "households,1.2万户\n"
        "new_urban_jobs,24000人\n"
        "nev_sales,超15000万元\n"
        "bus_plan_compiled,已完成\n"
        "water_class,劣V类\n"
    )
    assert parsed_values(parse(text)) == {
        "gdp_growth": quantity("7.4"),
        "new_market_entities": quantity("1.2"),
        "households": quantity(12000),
        "new_urban_jobs": quantity("2.4"),
        "nev_sales": quantity("1.5", Bound.GT),
        "bus_plan_compiled": True,
        "water_class": "劣Ⅴ",
    }


def test_cells_are_stripped() -> None:
    (actual,) = parse("id,value,note\n gdp_growth , 7.4 , 备注 \n").actuals
    assert (actual.target_id, actual.raw, actual.parsed, actual.note) == (
        "gdp_growth",
        "7.4",
        quantity("7.4"),
        "备注",
    )


@pytest.mark.parametrize("period", ["2024", "2024年", "2024年全年", " 2024 ", ""])
def test_periods_of_the_plan_year(period: str) -> None:
    (actual,) = parse(f"id,value,period\ngdp_growth,7.4,{period}\n").actuals
    assert actual.period == Period(2024)


def test_blank_lines_are_skipped_and_lines_still_counted() -> None:
    text = "id,value,note\n,,\n\ngdp_growth,7.4,x\n , , \nhouseholds,5,\n,,\n"
    loaded = parse(text)
    assert [(a.target_id, a.line) for a in loaded.actuals] == [("gdp_growth", 4), ("households", 6)]
    assert loaded.blank == 0


def test_allow_blank_counts_empty_values_and_skips_them() -> None:
    text = "id,value\ngdp_growth,\nhouseholds,5\nnew_urban_jobs, \n"
    loaded = parse(text, allow_blank=True)
    assert [(a.target_id, a.parsed) for a in loaded.actuals] == [("households", quantity(5))]
    assert loaded.blank == 2


def test_ignore_unknown_skips_and_counts_unknown_ids() -> None:
    text = "id,value\nold_target,1\ngdp_growth,7.4\nanother_old_one,abc\n"
    loaded = parse(text, ignore_unknown=True)
    assert [a.target_id for a in loaded.actuals] == ["gdp_growth"]
    assert loaded.skipped_unknown == 2


def test_ignore_unknown_still_reports_an_empty_id() -> None:
    assert problems("id,value\n,7.4\n", ignore_unknown=True) == ["a.csv:2: the id is empty"]


# ---------------------------------------------------------------------------
# The unit column: the unit of the value cell, checked against the target
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "value", "unit", "expected"),
    [
        ("households", "1.2", "万户", quantity(12000)),
        ("households", "1200", "户", quantity(1200)),
        ("households", "1.2万", "户", quantity(12000)),  # unit equal to the target's: the cell is read as is
        ("households", "1200", "", quantity(1200)),
        ("households", "超100", "万户", quantity(1000000, Bound.GT)),
        ("new_market_entities", "12000", "户", quantity("1.2")),
        ("new_market_entities", "1.2", "万户", quantity("1.2")),
        ("new_market_entities", "1.2万户", "万户", quantity("1.2")),
        ("nev_sales", "15000", "万元", quantity("1.5")),
        ("new_urban_jobs", "24000", "人", quantity("2.4")),
        ("gdp_growth", "7.4", "%", quantity("7.4")),
    ],
)
def test_unit_column_is_applied_to_the_value(target: str, value: str, unit: str, expected: object) -> None:
    (actual,) = parse(f"id,value,unit\n{target},{value},{unit}\n").actuals
    assert actual.parsed == expected
    assert actual.raw == value


@pytest.mark.parametrize(
    ("target", "value", "unit", "message"),
    [
        (
            "households",
            "1200",
            "%",
            "a.csv:2: target \"households\": unit '%' does not fit the target's unit '户' "
            "(write a plain number in 户, or 户 with 万 or 亿)",
        ),
        (
            "gdp_growth",
            "7.4",
            "个",
            "a.csv:2: target \"gdp_growth\": unit '个' does not fit the target's unit '%' "
            "(write a plain number in %)",
        ),
        (
            "new_urban_jobs",
            "2.4",
            "万户",
            "a.csv:2: target \"new_urban_jobs\": unit '万户' does not fit the target's unit '万人' "
            "(write a plain number in 万人, or 人 with 万 or 亿)",
        ),
    ],
)
def test_unit_column_that_does_not_fit(target: str, value: str, unit: str, message: str) -> None:
    assert problems(f"id,value,unit\n{target},{value},{unit}\n") == [message]


@pytest.mark.parametrize(("value", "bound"), [("100以上", Bound.GE), ("100以下", Bound.LE)])
def test_unit_column_with_a_bound_word_after_the_number(value: str, bound: Bound) -> None:
    (actual,) = parse(f"id,value,unit\nhouseholds,{value},万户\n").actuals
    assert actual.parsed == quantity(1000000, bound)


def test_magnitude_in_both_value_and_unit_column_names_what_was_written() -> None:
    (message,) = problems("id,value,unit\nhouseholds,1.2万,万户\n")
    assert message.startswith('a.csv:2: target "households": ')
    assert "万万户" not in message


# ---------------------------------------------------------------------------
# Row problems: exact messages with FILE:LINE
# ---------------------------------------------------------------------------

ROW_PROBLEMS = [
    (
        "gdp_grwth,7.4",
        f'a.csv:2: unknown target id "gdp_grwth" (did you mean "gdp_growth"? {UNKNOWN_HINT})',
    ),
    (
        "households_total,5",
        f'a.csv:2: unknown target id "households_total" (did you mean "households"? {UNKNOWN_HINT})',
    ),
    ("zzz,5", f'a.csv:2: unknown target id "zzz" ({UNKNOWN_HINT})'),
    (",7.4", "a.csv:2: the id is empty"),
    (
        "gdp_growth,",
        'a.csv:2: target "gdp_growth": the value is empty (fill it in or delete the row; '
        "for a partly filled template pass --allow-blank)",
    ),
    (
        "gdp_growth,abc",
        "a.csv:2: target \"gdp_growth\": 'abc' is not a number "
        "(write e.g. 7.4, 7.4%, 12,000, 1.2万, >100, 超100)",
    ),
    (
        "gdp_growth,NaN",
        "a.csv:2: target \"gdp_growth\": 'NaN' is not a figure (NaN and infinity are not allowed)",
    ),
    (
        "gdp_growth,inf",
        "a.csv:2: target \"gdp_growth\": 'inf' is not a figure (NaN and infinity are not allowed)",
    ),
    (
        "households,5%",
        "a.csv:2: target \"households\": unit '%' does not fit the target's unit '户' "
        "(write a plain number in 户, or 户 with 万 or 亿)",
    ),
    (
        "new_market_entities,1.2万人",
        "a.csv:2: target \"new_market_entities\": unit '万人' does not fit the target's unit '万户' "
        "(write a plain number in 万户, or 户 with 万 or 亿)",
    ),
    (
        "households,9999999999999999",
        "a.csv:2: target \"households\": '9999999999999999' is absurdly large for a figure in 户",
    ),
    (
        "bus_plan_compiled,maybe",
        "a.csv:2: target \"bus_plan_compiled\": 'maybe' is not a milestone answer "
        "(use true/false, yes/no, 是/否, 已完成/未完成)",
    ),
    ("water_class,Ⅵ", "a.csv:2: target \"water_class\": 'Ⅵ' is not on the scale (Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ, 劣Ⅴ)"),
    ("gdp_growth,7.4,x", "a.csv:2: row has 3 fields but the header has 2"),
    ("gdp_growth", "a.csv:2: row has 1 field but the header has 2"),
]


@pytest.mark.parametrize(("row", "message"), ROW_PROBLEMS)
def test_row_problem(row: str, message: str) -> None:
    assert problems(f"id,value\n{row}\n") == [message]


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2023", "a.csv:2: target \"gdp_growth\": period '2023' is outside the plan's year 2024"),
        ("2025年", "a.csv:2: target \"gdp_growth\": period '2025年' is outside the plan's year 2024"),
    ],
)
def test_period_outside_the_plan_year(period: str, message: str) -> None:
    assert problems(f"id,value,period\ngdp_growth,7.4,{period}\n") == [message]


@pytest.mark.parametrize("period", ["Q5", "24", "明年"])
def test_unreadable_period_is_located_and_names_the_target(period: str) -> None:
    """The wording of what periods are allowed belongs to gxcheck.periods; here: where and which target."""
    with pytest.raises(BadPeriod) as info:
        parse_period(period, 2024)
    assert f"period {period!r} is not a period gxcheck can read" in str(info.value)
    assert problems(f"id,value,period\ngdp_growth,7.4,{period}\n") == [
        f'a.csv:2: target "gdp_growth": {info.value}'
    ]


def test_duplicate_names_the_first_line() -> None:
    text = "id,value,period\ngdp_growth,7.4,2024\nhouseholds,5,\ngdp_growth,7.5,2024年\n"
    assert problems(text) == [
        'a.csv:4: target "gdp_growth": a second figure for period 2024 (the first is on line 2; keep one)'
    ]


def test_several_bad_rows_are_all_reported_in_row_order() -> None:
    text = (
        "id,value,period\n"
        "gdp_growth,7.4,\n"
        "zzz,1,\n"
        "households,5%,\n"
        ",3,\n"
        "gdp_growth,7.5,\n"
        "new_urban_jobs,2.4,2023\n"
        "water_class,Ⅳ\n"
        "bus_plan_compiled,maybe,\n"
        "new_market_entities,,\n"
    )
    assert problems(text) == [
        f'a.csv:3: unknown target id "zzz" ({UNKNOWN_HINT})',
        "a.csv:4: target \"households\": unit '%' does not fit the target's unit '户' "
        "(write a plain number in 户, or 户 with 万 or 亿)",
        "a.csv:5: the id is empty",
        'a.csv:6: target "gdp_growth": a second figure for period 2024 (the first is on line 2; keep one)',
        "a.csv:7: target \"new_urban_jobs\": period '2023' is outside the plan's year 2024",
        "a.csv:8: row has 2 fields but the header has 3",
        "a.csv:9: target \"bus_plan_compiled\": 'maybe' is not a milestone answer "
        "(use true/false, yes/no, 是/否, 已完成/未完成)",
        'a.csv:10: target "new_market_entities": the value is empty (fill it in or delete the row; '
        "for a partly filled template pass --allow-blank)",
    ]


def test_reading_stops_after_200_problems() -> None:
    lines = problems("id,value\n" + "zzz,1\n" * 250)
    assert len(lines) == 201
    assert lines[0] == f'a.csv:2: unknown target id "zzz" ({UNKNOWN_HINT})'
    assert lines[199] == f'a.csv:201: unknown target id "zzz" ({UNKNOWN_HINT})'
    assert lines[200] == "a.csv: stopped reading after 200 problems; fix these first"


def test_invalid_csv_quoting() -> None:
    assert problems('id,value\ngdp_growth,"7.4\n') == ["a.csv:2: not valid CSV: unexpected end of data"]


def test_row_with_a_multiline_note_is_located_at_its_first_line() -> None:
    text = 'id,value,note\ngdp_growth,abc,"first line\nsecond line"\n'
    assert problems(text) == [
        "a.csv:2: target \"gdp_growth\": 'abc' is not a number "
        "(write e.g. 7.4, 7.4%, 12,000, 1.2万, >100, 超100)"
    ]


def test_row_after_a_multiline_note_keeps_its_line() -> None:
    loaded = parse('id,value,note\ngdp_growth,7.4,"first line\nsecond line"\nhouseholds,5,\n')
    assert loaded.actuals[0].note == "first line\nsecond line"
    assert loaded.actuals[1].line == 4


# ---------------------------------------------------------------------------
# Header and file-shape problems
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "messages"),
    [
        ("id,value,foo", [f'a.csv:1: unknown column "foo" (allowed: {ALLOWED})']),
        ("id", ['a.csv:1: missing column "value" (required: id, value)']),
        ("value,note", ['a.csv:1: missing column "id" (required: id, value)']),
        (
            "goal,amount",
            [
                f'a.csv:1: unknown column "goal" (allowed: {ALLOWED})',
                f'a.csv:1: unknown column "amount" (allowed: {ALLOWED})',
                'a.csv:1: missing column "id" (required: id, value)',
                'a.csv:1: missing column "value" (required: id, value)',
            ],
        ),
        (
            "ID, value",
            [
                'a.csv:1: column "ID" must be written "id" (column names are lowercase, without spaces)',
                'a.csv:1: column " value" must be written "value" '
                "(column names are lowercase, without spaces)",
            ],
        ),
        (
            "id,Value",
            ['a.csv:1: column "Value" must be written "value" (column names are lowercase, without spaces)'],
        ),
        ("id,value,id", ['a.csv:1: column "id" appears twice']),
    ],
)
def test_header_problems(header: str, messages: list[str]) -> None:
    assert problems(f"{header}\ngdp_growth,7.4\n") == messages


@pytest.mark.parametrize("text", ["id,value\n", "id,value", "id,value\n,\n\n"])
def test_header_without_rows(text: str) -> None:
    assert problems(text) == ["a.csv: has a header but no rows of figures"]


def test_empty_text() -> None:
    assert problems("") == ["a.csv: the file is empty"]


LONG_LINE = re.compile(
    r"a\.csv:2: line is [\d,]+ characters long, longer than any real row \(at most 10,000\); "
    r"is this the right file\?"
)


def test_a_very_long_line_stops_reading_at_once() -> None:
    text = "id,value,note\ngdp_growth,abc," + "x" * 20_000 + "\nzzz,1,\n"
    (message,) = problems(text)
    assert LONG_LINE.fullmatch(message)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_line_length_limit_is_exactly_10000_characters(newline: str) -> None:
    start = "gdp_growth,7.4,"
    row = start + "x" * (10_000 - len(start))
    assert len(row) == 10_000
    (actual,) = parse(f"id,value,note{newline}{row}{newline}").actuals
    assert actual.parsed == quantity("7.4")
    assert problems(f"id,value,note{newline}{row}x{newline}") == [
        "a.csv:2: line is 10,001 characters long, longer than any real row (at most 10,000); "
        "is this the right file?"
    ]


# ---------------------------------------------------------------------------
# Files on disk: encodings and unreadable files
# ---------------------------------------------------------------------------

CSV_TEXT = "id,value,note\r\ngdp_growth,7.4%,全年增长７．４％\r\nhouseholds,1.2万,新增市场主体\r\n"


def expect_good(loaded: LoadedActuals, path: Path) -> None:
    assert [(a.target_id, a.parsed, a.note, a.file, a.line) for a in loaded.actuals] == [
        ("gdp_growth", quantity("7.4"), "全年增长７．４％", str(path), 2),
        ("households", quantity(12000), "新增市场主体", str(path), 3),
    ]
    assert loaded.file == str(path)


@pytest.mark.parametrize(
    "data",
    [
        CSV_TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"),
        CSV_TEXT.encode("gb18030"),
        CSV_TEXT.replace("\r\n", "\n").encode("gb18030"),
    ],
    ids=["utf-8", "utf-8 with BOM", "gb18030", "gb18030 LF"],
)
def test_encoding_is_detected(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(data)
    expect_good(load_actuals(path, CATALOGUE), path)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig"])
def test_explicit_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    expect_good(load_actuals(path, CATALOGUE, encoding=encoding), path)


def test_big5_file_with_explicit_encoding(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes("id,value,note\ngdp_growth,7.4,經濟增長\n".encode("big5"))
    (actual,) = load_actuals(path, CATALOGUE, encoding="big5").actuals
    assert (actual.parsed, actual.note) == (quantity("7.4"), "經濟增長")


def test_explicit_utf8_encoding_drops_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"))
    expect_good(load_actuals(path, CATALOGUE, encoding="utf-8"), path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_explicit_utf16_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    expect_good(load_actuals(path, CATALOGUE, encoding=encoding), path)


def test_unknown_encoding_name(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(CSV_TEXT.encode("utf-8"))
    assert load_problems(path, encoding="klingon") == [
        f"{path}: unknown encoding 'klingon' (try utf-8, gb18030, gbk, big5, utf-16)"
    ]


def test_file_not_in_the_given_encoding_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(CSV_TEXT.encode("utf-8"))
    assert load_problems(path, encoding="ascii") == [
        f"{path}:2: cannot be decoded as ascii (pass the file's real encoding with --encoding)"
    ]


# Bytes that neither UTF-8 nor GB18030 can decode: 0xFF is never valid in either.
NOT_UTF8_NOR_GB18030 = b"\x80\xfa\xff"


def test_undecodable_bytes_really_fail_both_encodings() -> None:
    for encoding in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            NOT_UTF8_NOR_GB18030.decode(encoding)


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (NOT_UTF8_NOR_GB18030 + b",value\n", 1),
        (b"id,value\r\ngdp_growth,7.4\r\nhouseholds," + NOT_UTF8_NOR_GB18030 + b"\r\n", 3),
    ],
)
def test_neither_utf8_nor_gb18030_suggests_encoding(tmp_path: Path, data: bytes, line: int) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(data)
    assert load_problems(path) == [
        f"{path}:{line}: is neither UTF-8 nor GB18030 text "
        "(pass its encoding with --encoding, e.g. --encoding big5)"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b" \r\n\n\t", "the file is empty"),
        (b"\xef\xbb\xbf", "the file is empty"),
        (b"id,value\ngdp_growth,7.4\x00\n", "looks like a binary file, not text (it contains NUL bytes)"),
        (  # a workbook saved under a .csv name is read as one, and this one is cut short
            b"PK\x03\x04\x14\x00\x06\x00",
            "is a damaged workbook (File is not a zip file): open it in Excel, WPS or LibreOffice and "
            "save it as .xlsx (Excel Workbook) again",
        ),
    ],
    ids=["empty", "whitespace", "BOM only", "NUL byte", "xlsx"],
)
def test_unusable_file_content(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(data)
    assert load_problems(path) == [f"{path}: {message}"]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.csv"
    assert load_problems(path) == [f"{path}: no such file"]


def test_directory(tmp_path: Path) -> None:
    assert load_problems(tmp_path) == [f"{tmp_path}: is a directory, not a file"]


def test_row_problems_from_a_file_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text("id,value\ngdp_growth,abc\n", encoding="utf-8")
    assert load_problems(path) == [
        f"{path}:2: target \"gdp_growth\": 'abc' is not a number "
        "(write e.g. 7.4, 7.4%, 12,000, 1.2万, >100, 超100)"
    ]


def test_load_actuals_passes_ignore_unknown_and_allow_blank(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text("id,value\nold,1\ngdp_growth,\nhouseholds,5\n", encoding="utf-8")
    loaded = load_actuals(path, CATALOGUE, ignore_unknown=True, allow_blank=True)
    assert [(a.target_id, a.parsed) for a in loaded.actuals] == [("households", quantity(5))]
    assert (loaded.skipped_unknown, loaded.blank) == (1, 1)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_without_the_fast_path_an_export_is_read_by_the_full_parse_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """Python 3.10 has no possessive quantifiers, so there the scanners are never used
    (``FAST_PATH`` is False); the full parse gives the same figures, counts and lines."""
    path = tmp_path / "export.csv"
    rows = "".join(f"统计局,ind_{i:04d},{i}\n" for i in range(200))
    text = f'source,id,value\n{rows}"统计局, 区统计",households,5\n统计局,old,1\n统计局,gdp_growth,\n'
    path.write_bytes(text.encode(encoding))
    option = {"encoding": encoding} if encoding != "utf-8" else {}
    fast_path = actuals.FAST_PATH
    if fast_path:
        real = actuals._read_big
        taken: list[LoadedActuals | None] = []

        def spy(*args: Any) -> LoadedActuals | None:
            taken.append(real(*args))
            return taken[-1]

        monkeypatch.setattr(actuals, "_read_big", spy)
        fast = load_actuals(path, CATALOGUE, ignore_unknown=True, allow_blank=True, **option)
        assert taken == [fast]  # the fast path read it
    monkeypatch.setattr(actuals, "FAST_PATH", False)
    monkeypatch.setattr(actuals, "_read_big", lambda *args: pytest.fail("the fast path was taken"))
    slow = load_actuals(path, CATALOGUE, ignore_unknown=True, allow_blank=True, **option)
    if fast_path:
        assert slow == fast
    assert [(a.target_id, a.parsed, a.line) for a in slow.actuals] == [("households", quantity(5), 202)]
    assert (slow.skipped_unknown, slow.blank) == (201, 1)


# ---------------------------------------------------------------------------
# The bundled actuals file, read with the bundled targets
# ---------------------------------------------------------------------------

BUNDLED_CSV = ROOT / "actuals" / "2024.csv"


def test_bundled_actuals(bundled: Catalogue) -> None:
    loaded = load_actuals(BUNDLED_CSV, bundled)
    assert (loaded.skipped_unknown, loaded.blank) == (0, 0)
    assert [(a.target_id, a.raw, a.parsed, a.period, a.line) for a in loaded.actuals] == [
        ("gdp_growth", "7.4%", quantity("7.4"), Period(2024), 2),
        ("industrial_output_growth", "7.8%", quantity("7.8"), Period(2024), 3),
        ("fixed_asset_investment_growth", "9.1%", quantity("9.1"), Period(2024), 4),
        ("retail_sales_growth", "2.5%", quantity("2.5"), Period(2024), 5),
        ("budget_revenue_growth", "0.8%", quantity("0.8"), Period(2024), 6),
        ("projects_started", "50", quantity(50), Period(2024), 7),
        ("projects_in_use", "55", quantity(55), Period(2024), 8),
        ("reserve_projects", "超100", quantity(100, Bound.GT), Period(2024), 9),
        ("digital_transformation_projects", "50", quantity(50), Period(2024), 10),
        ("major_projects_signed", "5", quantity(5), Period(2024), 11),
        ("gdp_growth", "7.6%", quantity("7.6"), Period(2024, 9), 12),
        ("industrial_output_growth", "10.1%", quantity("10.1"), Period(2024, 11), 13),
    ]
    budget = loaded.actuals[4]
    assert budget.source.endswith(
        "https://gxq.cq.gov.cn/zwgk_202/fdzdgknr/ysjs/js/gxq/202510/t20251013_15076289.html"
    )
    assert "同比增长0.8%" in budget.note
    q3 = loaded.actuals[10]  # source G, the clean text of the Q1–Q3 figure
    assert "重庆日报 2024-12-23" in q3.source and "前三季度GDP增速达7.6%" in q3.note
    reserve = loaded.actuals[7]
    assert reserve.note == "新谋划项目超100个 (a lower bound, not an exact count)"
    assert reserve.source.startswith("西部科学城重庆高新区2024年经济社会发展情况及2025年重点工作 https://")
    assert all(a.file == str(BUNDLED_CSV) for a in loaded.actuals)


def test_empty_columns_without_a_name_are_allowed_while_they_stay_empty() -> None:
    # Spreadsheets save trailing empty columns as trailing commas.
    loaded = parse_actuals("id,value,,\ngdp_growth,7.4,,\n", "a.csv", CATALOGUE)
    assert [a.raw for a in loaded.actuals] == ["7.4"]
    assert problems("id,value,,\ngdp_growth,7.4,,8\n") == [
        "a.csv:2: column 4 has no name in the header but holds '8' (name the column, or clear it)"
    ]


@pytest.mark.parametrize("mark", ["—", "-", "/", "N/A", "无"])
def test_a_no_figure_mark_is_no_data_only_when_asked(mark: str) -> None:
    text = f"id,value\ngdp_growth,{mark}\n"
    assert problems(text) == [
        f'a.csv:2: target "gdp_growth": {mark!r} marks a missing figure (delete the row, '
        "or pass --allow-blank to read such rows as no data)"
    ]
    loaded = parse_actuals(text, "a.csv", CATALOGUE, allow_blank=True)
    assert (loaded.actuals, loaded.blank) == ((), 1)


# -- in the reader's language ----------------------------------------------------------------

ROWS = "id,value\ngdp_grwth,7.4\nprojects_started,—\nprojects_started,50\ngdp_growth,1.2亿\n"
ROWS_ZH = [
    "{path}:2: 没有编号为 “gdp_grwth” 的目标（是否应为 “gdp_growth”？目标编号见 `gxcheck targets`；"
    "--ignore-unknown 可跳过这类行）",
    "{path}:3: 目标 “projects_started”：'—' 表示没有数据"
    "（请删去这一行，或加 --allow-blank 把这类行读作无数据）",
    "{path}:4: 目标 “projects_started”：时期 2024 有第二个数据（第一个在第 3 行；只保留一个）",
    "{path}:5: 目标 “gdp_growth”：单位 '亿' 不适用于百分比（请写以 % 计的数，不带单位）",
]
ROWS_EN = [
    '{path}:2: unknown target id "gdp_grwth" (did you mean "gdp_growth"? see `gxcheck targets`; '
    "--ignore-unknown skips such rows)",
    "{path}:3: target \"projects_started\": '—' marks a missing figure (delete the row, "
    "or pass --allow-blank to read such rows as no data)",
    '{path}:4: target "projects_started": a second figure for period 2024 (the first is on line 3; keep one)',
    "{path}:5: target \"gdp_growth\": unit '亿' does not fit a percentage (write a plain number in %)",
]


@pytest.mark.parametrize(("args", "expected"), [([], ROWS_ZH), (["--lang", "en"], ROWS_EN)], ids=["zh", "en"])
def test_row_problems_are_in_chinese_by_default_and_in_english_with_lang_en(
    tmp_path: Path, args: list[str], expected: list[str]
) -> None:
    path = tmp_path / "a.csv"
    path.write_text(ROWS, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), *args], env={"COLUMNS": "100"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [line.format(path=path) for line in expected]


def test_header_problems_and_an_empty_file_in_chinese() -> None:
    with pytest.raises(InputError) as info:
        parse("id,Value,kind,id\n")
    assert info.value.lines("zh") == [
        "a.csv:1: 列 “Value” 应写作 “value”（列名用小写，不带空格）",
        "a.csv:1: 未知的列 “kind”（可用的列：id、value、period、unit、name、target、note、source）",
        "a.csv:1: 列 “id” 出现了两次",
    ]
    with pytest.raises(InputError) as info:
        parse("id,value\n")
    assert info.value.lines("zh") == ["a.csv: 只有表头，没有数据行"]
    assert str(info.value) == "a.csv: has a header but no rows of figures"
