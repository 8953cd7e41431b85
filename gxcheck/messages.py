"""Every message gxcheck words for a user, in English and in Chinese, in one place.

A message is raised as a key and its fields (:func:`gxcheck.errors.msg`) and worded here
when it is shown, in the language of ``--lang`` / ``GXCHECK_LANG``: Chinese by default,
English with ``--lang en``. The ``file:line:`` part in front of it is the same in both.

Each entry is ``key: (English, 中文)``; both are :meth:`str.format` templates with the same
fields and the same conversions (``{text!r}`` quotes and escapes what the user wrote, so a
control character in a hostile file is shown, not obeyed, in either language).
tests/test_messages.py checks that every entry has both, with the same fields, that every
key the code raises is here and that every key here is raised.

Conventions for the Chinese: full-width punctuation (，；：（）) around the text, ASCII
inside the fields and the options (``--lang``), and the same hint as the English: what is
wrong, then what is allowed.
"""

from __future__ import annotations

from collections.abc import Mapping

CATALOGUE: dict[str, tuple[str, str]] = {
    # ---- periods (gxcheck/periods.py) ----
    "periods.forms": (
        "e.g. {y}, {y}-Q3, {y}-H1, {y}-06, {y}年前三季度, {y}年上半年, {y}年1-6月",
        "如 {y}、{y}-Q3、{y}-H1、{y}-06、{y}年前三季度、{y}年上半年、{y}年1-6月",
    ),
    "periods.outside_year": (
        "period {text!r} is outside the plan's year {first}",
        "时期 {text!r} 不在计划年度 {first} 年内",
    ),
    "periods.outside_years": (
        "period {text!r} is outside the plan's years {first}–{last} (base year included)",
        "时期 {text!r} 不在计划的 {first}—{last} 年内（含基期年）",
    ),
    "periods.single_quarter": (
        "period {text!r} is a single quarter or half, but figures are cumulative from January "
        "(write {y}年上半年, {y}年前三季度 or {y}-Q3)",
        "时期 {text!r} 是单个季度或半年，而数据是自 1 月起的累计数"
        "（写作 {y}年上半年、{y}年前三季度或 {y}-Q3）",
    ),
    "periods.unreadable": (
        "period {text!r} is not a period gxcheck can read ({forms})",
        "时期 {text!r} 无法识别（{forms}）",
    ),
    "periods.no_such_month": (
        "period {text!r}: month {month} does not exist ({forms})",
        "时期 {text!r}：没有 {month} 月（{forms}）",
    ),
    "periods.single_month": (
        "period {text!r} is a single month, but figures are cumulative from January (write {y}年1-{month}月)",
        "时期 {text!r} 是单月，而数据是自 1 月起的累计数（写作 {y}年1-{month}月）",
    ),
    "periods.no_such_day": (
        "period {text!r}: day {day} does not exist in month {month}",
        "时期 {text!r}：{month} 月没有 {day} 日",
    ),
    "periods.not_month_end": (
        "period {text!r} is a date that is not a month's last day: a date is read as the end of a "
        "period from January ({y}-09-30 is January–September); write {y}-{mm}-{last} or {y}年{months}月",
        "时期 {text!r} 是一个日期，但不是月末：日期表示自 1 月起到该日为止的时期（{y}-09-30 即 1—9 月）；"
        "写作 {y}-{mm}-{last} 或 {y}年{months}月",
    ),
    # ---- end periods ----
    #
    # ---- targets file (gxcheck/targets.py, targets_span.py, yamlsafe.py, accounting.py) ----
    # ---- end targets file ----
    #
    # ---- actuals (gxcheck/actuals.py, values.py, files.py, workbook.py, xls.py) ----
    "actuals.for_target": ('target "{id}": {problem}', "目标 “{id}”：{problem}"),
    # ---- end actuals ----
    #
    # ---- command line (gxcheck/cli.py, outputs.py, launcher.py, draft/) ----
    # ---- end command line ----
}

LANGS = ("zh", "en")


def word(key: str, fields: Mapping[str, object], lang: str) -> str:
    """The message ``key`` in ``lang`` with ``fields`` filled in."""
    en, zh = CATALOGUE[key]
    return (zh if lang == "zh" else en).format(**fields)
