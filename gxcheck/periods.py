"""Periods of the plan's year, as people write them in a CSV."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


class BadPeriod(ValueError):
    """A period that cannot be read; the message says what is allowed."""


@dataclass(frozen=True, order=True)
class Period:
    """A cumulative period from January of ``year`` to the end of ``end_month``."""

    year: int
    end_month: int = 12

    @property
    def is_full_year(self) -> bool:
        return self.end_month == 12

    @property
    def end(self) -> dt.date:
        if self.end_month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.end_month + 1, 1) - dt.timedelta(days=1)

    def __str__(self) -> str:
        return str(self.year) if self.is_full_year else f"{self.year}-{self.end_month:02d}"


_YEAR_RE = re.compile(r"^(\d{4})(?:年(?:全年)?)?$")
ALLOWED = "the plan's year, e.g. 2024, 2024年 or 2024年全年"


def parse_period(raw: str, plan_year: int) -> Period:
    """Read a period; it must lie in ``plan_year``."""
    text = raw.strip()
    match = _YEAR_RE.match(text)
    if match is None:
        raise BadPeriod(f"period {text!r} is not a period gxcheck can read (use {ALLOWED})")
    year = int(match.group(1))
    if year != plan_year:
        raise BadPeriod(f"period {text!r} is outside the plan's year {plan_year}")
    return Period(year)
