"""What every rendering of a scorecard shares: headings, tallies, the verdict line."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from gxcheck import fmt
from gxcheck.labels import commitment_word, status_word
from gxcheck.model import Area, Better, Commitment, Op, Plan, Quantity, Result, Rule, Scorecard, Status
from gxcheck.periods import Period, span_elapsed, span_share_text
from gxcheck.record import record

ORDER = tuple(Status)  # best first, as the enum declares them
YEAR_END = (Status.MET, Status.NEAR, Status.MISSED, Status.PENDING, Status.NO_DATA)
PART_YEAR = (
    Status.DONE,
    Status.AHEAD,
    Status.ON_SCHEDULE,
    Status.BEHIND,
    Status.MISSED,
    Status.PENDING,
    Status.NO_DATA,
)
JUDGED = frozenset(s for s in Status if s.judged)


def statuses_shown(card: Scorecard) -> list[Status]:
    """The tally's columns: the usual ones for the card's period, plus any other that occurs."""
    plan = card.catalogue.plan
    at_end = card.period.is_full_year and card.period.year >= plan.year
    usual = YEAR_END if at_end else PART_YEAR
    present = {r.status for r in card.results}
    return [s for s in ORDER if s in usual or s in present]


@record
class ReportOptions:
    """How to render: the language, which statuses fail the run (for the verdict), when the
    report is made (ISO 8601, UTC unless it gives an offset; every format says it, see
    :func:`stamp_of`) and, for JUnit, where the run happened."""

    lang: str = "zh"
    fail_on: frozenset[Status] = frozenset({Status.MISSED, Status.NEAR})
    run_at: str = "2024-01-01T00:00:00"  # the CLI passes the real time; tests pin it
    hostname: str = "localhost"
    all_rows: bool = False  # every target as a full row; else no-data targets are listed by name


def split_no_data(results: list[Result], options: ReportOptions) -> tuple[list[Result], list[Result]]:
    """The rows to show in full, and the targets with no figure at all, which the terminal,
    markdown and HTML list by name (``--all`` shows them as rows). A no-data verdict that has
    a figure (a milestone last reported not done) keeps its row: it has something to say."""
    if options.all_rows:
        return results, []
    rows = [r for r in results if r.status is not Status.NO_DATA or r.actual is not None]
    return rows, [r for r in results if r.status is Status.NO_DATA and r.actual is None]


def no_data_line(results: list[Result], lang: str) -> str:
    """``无数据 8 项：张江国家实验室重庆基地落地运行、…``."""
    if lang == "zh":
        return f"无数据 {len(results)} 项：" + "、".join(r.target.name.zh for r in results)
    return f"no data, {len(results)}: " + "; ".join(r.target.name.get("en") for r in results)


def chinese_numeral(number: int) -> str:
    """一 … 十, 十一 … 九十九 as a plan numbers its parts; other numbers in digits."""
    digits = "一二三四五六七八九"
    if not 1 <= number <= 99:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens - 1] + "十")
    return head + (digits[ones - 1] if ones else "")


def area_heading(area: Area, number: int | None, lang: str) -> str:
    """``（一）推动科技创新增效赋能`` or ``1. Innovation``; an unnumbered area (``number`` None,
    see :meth:`Catalogue.area_number`) is its title alone."""
    if number is None:
        return area.title.get(lang)
    if lang == "zh":
        return f"（{chinese_numeral(number)}）{area.title.zh}"
    return f"{number}. {area.title.en}"


def heading(area: Area, card: Scorecard, lang: str) -> str:
    return area_heading(area, card.catalogue.area_number(area.id), lang)


def tally_text(counts: dict[Status, int], lang: str) -> str:
    """``完成 3 · 基本完成 1 · 未完成 2`` — only the statuses that occur."""
    parts = [f"{status_word(s, lang)} {counts[s]}" for s in ORDER if counts.get(s)]
    return " · ".join(parts) if parts else "—"


def tally_line(card: Scorecard, lang: str) -> str:
    """``66 项目标，已判定 9 项：完成 2 · 基本完成 3 · …``: what was checked."""
    counts = card.tally()
    total, checked = len(card.results), sum(counts[s] for s in JUDGED)
    if lang == "zh":
        return f"{total} 项目标，已判定 {checked} 项：{tally_text(counts, 'zh')}"
    return f"{total} targets, {checked} judged: {tally_text(counts, 'en')}"


def outcome(card: Scorecard, options: ReportOptions) -> str:
    """``不通过：7 项基本完成或未完成``: whether the run passes, short enough for a CI log line."""
    zh = options.lang == "zh"
    if not options.fail_on:
        return "仅报告（--fail-on never）" if zh else "report only (--fail-on never)"
    failing = card.failing(options.fail_on)
    if not failing:
        return "通过" if zh else "PASS"
    found = {r.status for r in failing}  # the statuses that failed, not every one the policy names
    words = [status_word(s, options.lang) for s in ORDER if s in found]
    firm = sum(1 for r in failing if r.target.commitment is Commitment.ENSURE)
    if zh:
        return f"不通过：{len(failing)} 项{'或'.join(words)}" + (f"（其中确保 {firm} 项）" if firm else "")
    return f"FAIL: {len(failing)} {' or '.join(words)}" + (
        f" ({firm} of them 确保, a firm commitment)" if firm else ""
    )


def verdict(card: Scorecard, options: ReportOptions) -> str:
    """One line a reader can quote: what was checked, and whether the run passes."""
    return f"{tally_line(card, options.lang)} — {outcome(card, options)}"


def latest_figures(card: Scorecard) -> Period | None:
    """The latest period any figure reports; None when the card has no figure at all."""
    return max((r.actual.period for r in card.results if r.actual is not None), default=None)


@record
class Stamp:
    """When a report was made and the latest period its figures cover: the two facts every
    format carries, each in its own form (a line, JSON fields, CSV columns, a JUnit property).
    Renderers take them from :func:`stamp_of` and never work them out themselves."""

    data_as_of: Period | None  # None: no figure, so nothing to be fresh about
    generated_at: dt.datetime  # in UTC, whole seconds

    @property
    def generated_iso(self) -> str:
        """``2026-12-01T08:00:00+00:00``: ISO 8601 with its offset, for machines."""
        return self.generated_at.isoformat()

    @property
    def generated_utc(self) -> str:
        """``2026-12-01T08:00:00``: the same time without an offset, where a format forbids
        one (JUnit's ``timestamp``)."""
        return self.generated_at.replace(tzinfo=None).isoformat()

    @property
    def made_on(self) -> str:
        """``2026-12-01``: the day the report was made, in UTC."""
        return self.generated_at.date().isoformat()

    def data_text(self, lang: str) -> str:
        """``数据截至2024年前三季度`` / ``figures to 2024 Q1–Q3`` (``尚无数据`` / ``no figures yet``)."""
        if self.data_as_of is None:
            return "尚无数据" if lang == "zh" else "no figures yet"
        label = self.data_as_of.label(lang)
        return f"数据截至{label}" if lang == "zh" else f"figures to {label}"

    def made_text(self, lang: str) -> str:
        """``生成于2026-12-01`` / ``made 2026-12-01``."""
        return f"生成于{self.made_on}" if lang == "zh" else f"made {self.made_on}"

    def text(self, lang: str) -> str:
        """``数据截至2024年前三季度 · 生成于2026-12-01``."""
        return f"{self.data_text(lang)} · {self.made_text(lang)}"


def stamp_of(card: Scorecard, options: ReportOptions) -> Stamp:
    """The card's :class:`Stamp`: its latest figure's period, and ``options.run_at`` read as
    UTC when it gives no offset (the CLI passes UTC; an offset given is converted to UTC)."""
    made = dt.datetime.fromisoformat(options.run_at)
    made = made.replace(tzinfo=dt.timezone.utc) if made.tzinfo is None else made.astimezone(dt.timezone.utc)
    return Stamp(latest_figures(card), made.replace(microsecond=0))


def stamp(card: Scorecard, options: ReportOptions) -> str:
    """``数据截至2024年前三季度 · 生成于2026-12-01``: how fresh the figures are, and the report."""
    return stamp_of(card, options).text(options.lang)


# An http(s) address inside a source: it ends at a space or at punctuation that cannot end one.
_URL = re.compile(r"https?://[^\s<>\"'|，。；、：）】」》]+")


def split_links(text: str) -> list[tuple[str, bool]]:
    """``text`` as pieces, each marked True where it is a web address to link (http and https
    only, so a ``javascript:`` source never becomes a link); trailing ``.,;:)`` stay text."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group().rstrip(".,;:!?)")
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((url, True))
        position = match.start() + len(url)
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def commitment_tag(result: Result, lang: str) -> str:
    """``（确保）`` beside a shortfall (near, behind, missed) of a target with a commitment word,
    so that a missed firm commitment never reads like any other miss; empty otherwise."""
    word = commitment_word(result.target.commitment, lang)
    if not word or result.status.good or not result.status.judged:
        return ""
    return f"（{word}）" if lang == "zh" else f" ({word})"


def period_text(period: Period, lang: str, plan: Plan | None = None) -> str:
    """``2024年1—11月 · 时间进度 92%``: the period and, during the year, how much has passed;
    for a multi-year plan, its span and how much of it has passed (``规划期2023—2027年（基期2022年）
    · 时间进度 2/5``)."""
    if plan is not None and plan.first_year is not None and plan.base_year is not None:
        share = span_share_text(span_elapsed(period, plan.base_year, plan.year), plan.base_year, plan.year)
        if lang == "zh":
            return (
                f"{period.label(lang)} · 规划期{plan.years_label(lang)}（基期{plan.base_year}年）"
                f" · 时间进度 {share}"
            )
        return (
            f"{period.label(lang)} · plan {plan.years_label(lang)} (base {plan.base_year}) · {share} passed"
        )
    if period.is_full_year:
        return period.label(lang)
    share = f"{round(period.elapsed * 100)}%"
    return (
        f"{period.label(lang)} · 时间进度 {share}"
        if lang == "zh"
        else f"{period.label(lang)} · {share} of the year"
    )


def actual_text(result: Result, lang: str = "zh") -> str:
    """The actual as a reader should see it, normalised to the target's unit."""
    a = result.actual
    if a is None:
        return "—"
    if isinstance(a.parsed, Quantity):
        return fmt.quantity(a.parsed, fmt.unit(result.target, lang))
    if isinstance(a.parsed, bool):
        return "是" if a.parsed else "否"
    return str(a.parsed)


def actual_text_lang(result: Result, lang: str) -> str:
    text = actual_text(result, lang)
    if lang == "en" and result.actual is not None and isinstance(result.actual.parsed, bool):
        return "done" if result.actual.parsed else "not done"
    return text


def bound_prefix(result: Result) -> str:
    """``>`` when the actual is a published bound such as 超100, so derived figures carry it too."""
    a = result.actual
    if a is not None and isinstance(a.parsed, Quantity):
        return fmt.BOUND_SYMBOL[a.parsed.bound]
    return ""


def gap_text(result: Result) -> str:
    return bound_prefix(result) + fmt.signed(result.gap) if result.gap is not None else ""


def ratio_shown(result: Result) -> Decimal | None:
    """完成率 rounded to the whole percent every format shows (0.925 → 0.92: half to even)."""
    if result.ratio is None:
        return None
    return (result.ratio * 100).quantize(Decimal(1)) / 100


def ratio_percent(result: Result) -> str:
    shown = ratio_shown(result)
    if shown is None:
        return ""
    percent = (shown * 100).quantize(Decimal(1))
    sign = "\u2212" if percent < 0 else ""  # a level that fell below its baseline: a real minus
    return f"{bound_prefix(result)}{sign}{abs(percent)}%"


def pace_op(rule: Rule) -> Op:
    """How a figure is compared with the expected-by-now figure: as strictly as the target asks
    (超100 pro-rated is still 超), but at the very start of a path, where nothing is due yet (a
    multi-year plan's baseline year), the starting figure itself is on pace."""
    if rule.expected is not None and rule.start is not None and rule.expected == rule.start:
        return Op.LE if rule.better is Better.LESS else Op.GE
    return Op.GE if rule.op is Op.ABOUT else rule.op


def expected_text(result: Result, lang: str) -> str:
    """``≥ 50 张`` (``> 50 公里`` for 超): the pro-rated figure due by the period's end, if any."""
    if result.expected is None or result.rule is None:
        return ""
    sign = fmt.OP_SYMBOL.get(pace_op(result.rule), "≥")
    return f"{sign} {fmt.with_unit(fmt.number(result.expected), fmt.unit(result.target, lang))}"


def own_period(result: Result, card: Scorecard, lang: str) -> str:
    """The figure's own period (``前三季度``) when it is older than the scorecard's."""
    if result.actual is None or result.period is None or result.period == card.period:
        return ""
    if result.period.year != card.period.year:  # a multi-year plan's figure of an earlier year
        return result.period.label(lang)
    return result.period.short_label(lang)
