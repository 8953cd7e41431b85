"""Periods of the plan's year, as people write them in a CSV.

Every period is cumulative from January, as statistics bulletins publish figures:
``2024-Q3`` and ``2024年前三季度`` are January to September, ``2024-06`` and
``2024年1-6月`` January to June. A single later quarter or month (二季度, 下半年,
2024年6月) is not cumulative and is refused with a hint.

A multi-year plan (2023–2027, measured from 2022) takes a period of any year from its base
year to its last; :func:`span_elapsed` measures how much of such a span has passed.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

from gxcheck.errors import Message, msg
from gxcheck.record import record


class BadPeriod(ValueError):
    """A period that cannot be read; the message says what is allowed."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


@record(order=True)
class Period:
    """A cumulative period from January of ``year`` to the end of ``end_month``."""

    year: int
    end_month: int = 12

    @property
    def is_full_year(self) -> bool:
        return self.end_month == 12

    @property
    def elapsed(self) -> Fraction:
        """The share of the year that has passed by the period's end (by months), exactly:
        100 × 2/12 must come to 16⅔, not to a rounded decimal a hair off."""
        return Fraction(self.end_month, 12)

    @property
    def end(self) -> dt.date:
        if self.end_month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.end_month + 1, 1) - dt.timedelta(days=1)

    def __str__(self) -> str:
        return str(self.year) if self.is_full_year else f"{self.year}-{self.end_month:02d}"

    def label(self, lang: str) -> str:
        """``2024年前三季度`` / ``2024 Q1–Q3``; months otherwise."""
        if lang == "zh":
            return f"{self.year}年{self.short_label(lang)}"
        return f"full year {self.year}" if self.is_full_year else f"{self.year} {self.short_label(lang)}"

    def short_label(self, lang: str) -> str:
        """The period within its year: ``前三季度`` / ``Q1–Q3``, ``1—11月`` / ``Jan–Nov``."""
        zh, en = _NAMES.get(self.end_month, (f"1—{self.end_month}月", f"Jan–{_MONTHS[self.end_month - 1]}"))
        return zh if lang == "zh" else en


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NAMES = {
    1: ("1月", "Jan"),
    3: ("一季度", "Q1"),
    6: ("上半年", "H1"),
    9: ("前三季度", "Q1–Q3"),
    12: ("全年", "year"),
}
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def allowed(year: int) -> Message:
    """The forms of a period, shown in the year the user wrote or the plan's year."""
    return msg("periods.forms", y=year)


# Each form: a pattern after the year, and how it gives the last month of the period. Kept as
# text and matched through re's own cache: compiled on first use, so a run compiles only the
# forms it meets (compiling all of them costs a millisecond at every start).
_YEAR = r"(?P<year>\d{4})"
_DASH = r"\s*[-–—~～至到]\s*"
_FORMS: list[tuple[str, str]] = [
    (rf"^{_YEAR}(?:年|年全年|全年|年度)?$", "year"),
    (rf"^{_YEAR}\s*-?\s*[Qq](?P<q>[1-4])$", "quarter"),
    (rf"^{_YEAR}\s*-?\s*[Hh](?P<h>[12])$", "half"),
    (rf"^{_YEAR}-(?P<m>\d{{1,2}})$", "month"),
    (rf"^{_YEAR}年(?:第)?(?P<q>[一1])季度$", "quarter"),
    (rf"^{_YEAR}年前(?P<q>[二两三四234])(?:个)?季度$", "quarter"),
    (rf"^{_YEAR}年上半年$", "h1"),
    (rf"^{_YEAR}年1(?:月)?{_DASH}(?P<m>\d{{1,2}})月(?:份)?$", "month"),
    (rf"^{_YEAR}年(?P<m>\d{{1,2}})月(?:份)?$", "single-month"),
    # A date (a spreadsheet's date cell): the period from January that ends on it.
    (rf"^{_YEAR}[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})$", "date"),
    (rf"^{_YEAR}年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日$", "date"),
]
_NOT_CUMULATIVE = r"^\d{4}年(?:(?:第)?[二三四234]季度|下半年)$"


def span_elapsed(period: Period, start_year: int, horizon: int) -> Fraction:
    """The share of a span that has passed by the period's end, exactly, from the end of
    ``start_year`` to the end of ``horizon``: 2024 in 2023–2027 from 2022 is 2/5, the first
    half of 2025 is 2½/5. Before the start it is 0, after the horizon 1."""
    months = (period.year - start_year - 1) * 12 + period.end_month
    return min(max(Fraction(months, (horizon - start_year) * 12), Fraction(0)), Fraction(1))


def span_share_text(share: Fraction, start_year: int, horizon: int) -> str:
    """A span's elapsed share as people count it: ``2/5`` (years) or ``30/60`` (months)."""
    years = horizon - start_year
    in_years = share * years
    if in_years.denominator == 1:
        return f"{in_years.numerator}/{years}"
    return f"{share * years * 12}/{years * 12}"


def _outside(text: str, first: int, last: int) -> BadPeriod:
    if first == last:
        return BadPeriod(msg("periods.outside_year", text=text, first=first))
    return BadPeriod(msg("periods.outside_years", text=text, first=first, last=last))


def parse_period(raw: str, plan_year: int, first_year: int | None = None) -> Period:
    """Read a period; it must lie in ``plan_year``, or from ``first_year`` to ``plan_year``
    when a multi-year plan gives its base year as ``first_year``."""
    text = raw.strip()
    first = plan_year if first_year is None else first_year
    year_match = re.match(r"^(\d{4})(?!\d)", text)
    if year_match and not first <= int(year_match.group(1)) <= plan_year:
        raise _outside(text, first, plan_year)
    hint_year = int(year_match.group(1)) if year_match else plan_year
    if re.match(_NOT_CUMULATIVE, text):
        raise BadPeriod(msg("periods.single_quarter", text=text, y=hint_year))
    for pattern, form in _FORMS:
        match = re.match(pattern, text)
        if match is None:
            continue
        year = int(match["year"])
        end_month = _end_month(form, match, text)
        if not first <= year <= plan_year:
            raise _outside(text, first, plan_year)
        return Period(year, end_month)
    raise BadPeriod(msg("periods.unreadable", text=text, forms=allowed(hint_year)))


def _end_month(form: str, match: re.Match[str], text: str) -> int:
    if form == "year":
        return 12
    if form == "quarter":
        return 3 * _CN_DIGITS[match["q"]]
    if form == "half":
        return 6 * int(match["h"])
    if form == "h1":
        return 6
    month = int(match["m"])
    if not 1 <= month <= 12:
        raise BadPeriod(
            msg("periods.no_such_month", text=text, month=month, forms=allowed(int(match["year"])))
        )
    if form == "date":
        return _date_month(int(match["year"]), month, int(match["d"]), text)
    if form == "single-month" and month > 1:
        raise BadPeriod(msg("periods.single_month", text=text, y=match["year"], month=month))
    return month


def _date_month(year: int, month: int, day: int, text: str) -> int:
    """A date names the period ending on it, so it must be a month's last day."""
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    if day == last:
        return month
    if not 1 <= day <= last:
        raise BadPeriod(msg("periods.no_such_day", text=text, day=day, month=month))
    months = f"{'1-' if month > 1 else ''}{month}"
    raise BadPeriod(
        msg("periods.not_month_end", text=text, y=year, mm=f"{month:02d}", last=last, months=months)
    )
