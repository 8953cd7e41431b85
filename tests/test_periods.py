"""Periods as people write them in a CSV: every accepted form, every refusal, and how a period is shown.

Every period is cumulative from January, so a period is its year and the month it ends with.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from gxcheck.periods import BadPeriod, Period, parse_period

ALLOWED = "e.g. 2024, 2024-Q3, 2024-H1, 2024-06, 2024年前三季度, 2024年上半年, 2024年1-6月"
SINGLE_QUARTER = (
    "is a single quarter or half, but figures are cumulative from January "
    "(write 2024年上半年, 2024年前三季度 or 2024-Q3)"
)


@pytest.mark.parametrize(
    ("text", "end_month"),
    [
        # The full year.
        pytest.param("2024", 12, id="year"),
        pytest.param("2024年", 12, id="year-nian"),
        pytest.param("2024年全年", 12, id="nian-quannian"),
        pytest.param("2024全年", 12, id="quannian"),
        pytest.param("2024年度", 12, id="niandu"),
        pytest.param("2024-Q4", 12, id="Q4-is-the-year"),
        pytest.param("2024-H2", 12, id="H2-is-the-year"),
        pytest.param("2024-12", 12, id="month-12-is-the-year"),
        pytest.param("2024年1-12月", 12, id="jan-dec"),
        pytest.param("2024年前四季度", 12, id="first-four-quarters"),
        # January to March.
        pytest.param("2024-Q1", 3, id="Q1"),
        pytest.param("2024Q1", 3, id="Q1-no-dash"),
        pytest.param("2024 Q1", 3, id="Q1-space"),
        pytest.param("2024-q1", 3, id="q1-lowercase"),
        pytest.param("2024年一季度", 3, id="yijidu"),
        pytest.param("2024年第一季度", 3, id="di-yijidu"),
        pytest.param("2024年1季度", 3, id="1-jidu"),
        pytest.param("2024-03", 3, id="month-03"),
        # January to June.
        pytest.param("2024-H1", 6, id="H1"),
        pytest.param("2024h1", 6, id="h1-lowercase-no-dash"),
        pytest.param("2024-Q2", 6, id="Q2-is-cumulative"),
        pytest.param("2024年上半年", 6, id="shangbannian"),
        pytest.param("2024年前两季度", 6, id="first-two-quarters-liang"),
        pytest.param("2024年前二季度", 6, id="first-two-quarters-er"),
        pytest.param("2024年前2季度", 6, id="first-2-quarters"),
        pytest.param("2024年前两个季度", 6, id="first-two-ge-quarters"),
        pytest.param("2024年1-6月", 6, id="jan-jun-hyphen"),
        pytest.param("2024年1—6月", 6, id="jan-jun-em-dash"),
        pytest.param("2024年1~6月", 6, id="jan-jun-tilde"),
        pytest.param("2024年1至6月", 6, id="jan-jun-zhi"),
        pytest.param("2024年1到6月份", 6, id="jan-jun-dao-yuefen"),
        pytest.param("2024年1月-6月", 6, id="jan-yue-jun"),
        pytest.param("2024-06", 6, id="month-06"),
        pytest.param("2024-6", 6, id="month-6"),
        # January to September.
        pytest.param("2024-Q3", 9, id="Q3"),
        pytest.param("2024年前三季度", 9, id="qiansanjidu"),
        pytest.param("2024年前3季度", 9, id="first-3-quarters"),
        pytest.param(" 2024-Q3 ", 9, id="spaces-around"),
        # January to November, January alone.
        pytest.param("2024年1—11月", 11, id="jan-nov"),
        pytest.param("2024-11", 11, id="month-11"),
        pytest.param("2024年1月", 1, id="january"),
        pytest.param("2024年1月份", 1, id="january-yuefen"),
        pytest.param("2024年1-1月", 1, id="jan-jan"),
    ],
)
def test_accepted_forms(text: str, end_month: int) -> None:
    assert parse_period(text, 2024) == Period(2024, end_month)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("2024年二季度", f"period '2024年二季度' {SINGLE_QUARTER}", id="second-quarter"),
        pytest.param("2024年第二季度", f"period '2024年第二季度' {SINGLE_QUARTER}", id="di-second-quarter"),
        pytest.param("2024年第三季度", f"period '2024年第三季度' {SINGLE_QUARTER}", id="di-third-quarter"),
        pytest.param("2024年四季度", f"period '2024年四季度' {SINGLE_QUARTER}", id="fourth-quarter"),
        pytest.param("2024年2季度", f"period '2024年2季度' {SINGLE_QUARTER}", id="2-quarter"),
        pytest.param("2024年下半年", f"period '2024年下半年' {SINGLE_QUARTER}", id="second-half"),
        pytest.param(
            "2024年6月",
            "period '2024年6月' is a single month, but figures are cumulative from January "
            "(write 2024年1-6月)",
            id="single-month",
        ),
        pytest.param(
            "2024年12月份",
            "period '2024年12月份' is a single month, but figures are cumulative from January "
            "(write 2024年1-12月)",
            id="single-december",
        ),
        pytest.param("2023", "period '2023' is outside the plan's year 2024", id="year-before"),
        pytest.param("2025-Q1", "period '2025-Q1' is outside the plan's year 2024", id="year-after"),
        pytest.param(
            "2023年前三季度", "period '2023年前三季度' is outside the plan's year 2024", id="year-before-zh"
        ),
        pytest.param("2024-13", f"period '2024-13': month 13 does not exist ({ALLOWED})", id="month-13"),
        pytest.param("2024-00", f"period '2024-00': month 0 does not exist ({ALLOWED})", id="month-0"),
        pytest.param(
            "2024年1-13月", f"period '2024年1-13月': month 13 does not exist ({ALLOWED})", id="jan-to-13"
        ),
        pytest.param("2024-Q5", f"period '2024-Q5' is not a period gxcheck can read ({ALLOWED})", id="Q5"),
        pytest.param("2024-H3", f"period '2024-H3' is not a period gxcheck can read ({ALLOWED})", id="H3"),
        pytest.param("Q3", f"period 'Q3' is not a period gxcheck can read ({ALLOWED})", id="no-year"),
        pytest.param("2024/06", f"period '2024/06' is not a period gxcheck can read ({ALLOWED})", id="slash"),
        pytest.param(
            "2024年前五季度",
            f"period '2024年前五季度' is not a period gxcheck can read ({ALLOWED})",
            id="five-quarters",
        ),
        pytest.param(
            "last quarter", f"period 'last quarter' is not a period gxcheck can read ({ALLOWED})", id="words"
        ),
    ],
)
def test_refused_forms(text: str, message: str) -> None:
    with pytest.raises(BadPeriod) as caught:
        parse_period(text, 2024)
    assert str(caught.value) == message


def test_single_month_of_another_year_names_the_year_problem() -> None:
    with pytest.raises(BadPeriod) as caught:
        parse_period("2023年6月", 2024)
    assert str(caught.value) == "period '2023年6月' is outside the plan's year 2024"


def test_bad_period_is_a_value_error() -> None:
    assert issubclass(BadPeriod, ValueError)


@pytest.mark.parametrize(
    ("end_month", "elapsed"),
    [
        pytest.param(1, Fraction(1, 12), id="jan"),
        pytest.param(3, Fraction(1, 4), id="Q1"),
        pytest.param(6, Fraction(1, 2), id="H1"),
        pytest.param(9, Fraction(3, 4), id="Q3"),
        pytest.param(11, Fraction(11, 12), id="jan-nov"),
        pytest.param(12, Fraction(1), id="year"),
    ],
)
def test_elapsed_is_the_share_of_months(end_month: int, elapsed: Fraction) -> None:
    assert Period(2024, end_month).elapsed == elapsed


@pytest.mark.parametrize(
    ("period", "end"),
    [
        pytest.param(Period(2024, 1), dt.date(2024, 1, 31), id="jan"),
        pytest.param(Period(2024, 2), dt.date(2024, 2, 29), id="feb-leap-year"),
        pytest.param(Period(2023, 2), dt.date(2023, 2, 28), id="feb-common-year"),
        pytest.param(Period(2024, 3), dt.date(2024, 3, 31), id="Q1"),
        pytest.param(Period(2024, 6), dt.date(2024, 6, 30), id="H1"),
        pytest.param(Period(2024, 9), dt.date(2024, 9, 30), id="Q3"),
        pytest.param(Period(2024, 11), dt.date(2024, 11, 30), id="nov"),
        pytest.param(Period(2024), dt.date(2024, 12, 31), id="year"),
    ],
)
def test_end(period: Period, end: dt.date) -> None:
    assert period.end == end


def test_the_default_period_is_the_full_year() -> None:
    assert Period(2024) == Period(2024, 12)
    assert Period(2024).is_full_year
    assert not Period(2024, 11).is_full_year


def test_periods_sort_by_year_then_month() -> None:
    periods = [Period(2024), Period(2024, 9), Period(2023), Period(2024, 1)]
    assert sorted(periods) == [Period(2023), Period(2024, 1), Period(2024, 9), Period(2024)]


@pytest.mark.parametrize(
    ("end_month", "text", "zh", "en", "short_zh", "short_en"),
    [
        pytest.param(1, "2024-01", "2024年1月", "2024 Jan", "1月", "Jan", id="jan"),
        pytest.param(2, "2024-02", "2024年1—2月", "2024 Jan–Feb", "1—2月", "Jan–Feb", id="jan-feb"),
        pytest.param(3, "2024-03", "2024年一季度", "2024 Q1", "一季度", "Q1", id="Q1"),
        pytest.param(5, "2024-05", "2024年1—5月", "2024 Jan–May", "1—5月", "Jan–May", id="jan-may"),
        pytest.param(6, "2024-06", "2024年上半年", "2024 H1", "上半年", "H1", id="H1"),
        pytest.param(9, "2024-09", "2024年前三季度", "2024 Q1–Q3", "前三季度", "Q1–Q3", id="Q3"),
        pytest.param(10, "2024-10", "2024年1—10月", "2024 Jan–Oct", "1—10月", "Jan–Oct", id="jan-oct"),
        pytest.param(11, "2024-11", "2024年1—11月", "2024 Jan–Nov", "1—11月", "Jan–Nov", id="jan-nov"),
        pytest.param(12, "2024", "2024年全年", "full year 2024", "全年", "year", id="year"),
    ],
)
def test_str_and_labels(end_month: int, text: str, zh: str, en: str, short_zh: str, short_en: str) -> None:
    period = Period(2024, end_month)
    assert str(period) == text
    assert (period.label("zh"), period.label("en")) == (zh, en)
    assert (period.short_label("zh"), period.short_label("en")) == (short_zh, short_en)


@pytest.mark.parametrize("text", ["2024", "2024-01", "2024-03", "2024-06", "2024-09", "2024-11"])
def test_str_reads_back(text: str) -> None:
    assert str(parse_period(text, 2024)) == text
