"""Read one clause of a plan into targets, or say why its numbers are not targets.

A clause (between ，；：) is cut at 、 into items. An item with no figure and no predicate
(高企 in 高企、科企分别增至550和3000家) is a member of the list that the next item completes;
an item that is only figures (8%左右 in 分别增长7%、8%左右) continues the item before it.
Each resulting group is read by the first wording rule that fits: a rating or water class,
a rank, a ceiling (杜绝…发生), 只减不增, 正增长, 两位数增长, 全覆盖, figures, a milestone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from gxcheck.draft import notes
from gxcheck.draft import wording as w
from gxcheck.draft.figures import Number, has_magnitude, numbers, per_capita_unit
from gxcheck.draft.model import DraftTarget, Exclusion, Horizon
from gxcheck.draft.normalise import normalise
from gxcheck.draft.segment import items
from gxcheck.model import Commitment, Kind, Op, Text
from gxcheck.record import record, replace
from gxcheck.textsafe import blank

_DIST_RE = re.compile(
    r"分别|各(?=超|达|增|新|完|提|不|实|在|为|\d)|(?<![人年平])均(?=增|超|达|实|提|保|不|在|为|\d)"
)
_PREDICATE_RES = (
    w.MILESTONE_END_RE, w.MILESTONE_START_RE, w.MILESTONE_ANY_RE, w.DOUBLE_DIGIT_RE, w.POSITIVE_RE,
    w.NO_INCREASE_RE, w.FULL_COVERAGE_RE, w.CEILING_RE, w.RANK_RE, w.BETTER_THAN_STANDARD_RE, w.RATING_RE,
)  # fmt: skip
_NO_SUBJECT_RE = re.compile(r"^(?:达到|达|实现|增长|增速|超过|超|突破|提高到|提升到|保持在|稳定在)?$")
_ONLY_FIGURES_RE = re.compile(
    r"^(?:[和及与、]|\d+(?:\.\d+)?|%|[十百千万亿]|以上|左右|以内|以下|个|[^\W\d]{0,2}$)*$"
)


@record
class Group:
    """List members (figureless items) and the item that completes them, as spans."""

    members: tuple[tuple[int, int], ...]
    start: int
    end: int

    @property
    def quote_start(self) -> int:
        return self.members[0][0] if self.members else self.start


@record
class Context:
    """What the clause's reader needs from around it."""

    orig: str
    norm: str
    area: str
    year: int
    clause: tuple[int, int]
    horizon: Horizon | None
    first_year: int | None = None  # a multi-year plan's first year
    before: tuple[int, int] | None = None  # the clause before, in the same sentence
    subject_before: str = ""  # the indicator of the sentence's last target so far


@dataclass  # a reading is built up clause by clause
class Reading:
    targets: list[DraftTarget]
    exclusions: list[Exclusion]
    subject: str = ""  # the indicator of the clause's last target, for a clause that has none


def _figures(norm: str, start: int, end: int) -> list[Number]:
    return [n for n in numbers(norm, start, end) if n.role == "figure"]


def _has_predicate(text: str) -> bool:
    return any(p.search(text) for p in _PREDICATE_RES)


def groups(norm: str, start: int, end: int) -> list[Group]:
    """The clause's items, grouped into lists."""
    spans = items(norm, start, end)
    distributive = bool(spans) and _DIST_RE.search(norm, spans[-1][0], spans[-1][1]) is not None
    out: list[Group] = []
    pending: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(spans):
        text = norm[a:b]
        figures = _figures(norm, a, b)
        last = i == len(spans) - 1
        if not figures and not last and (distributive or not _has_predicate(text)):
            pending.append((a, b))
            continue
        if figures and out and not pending and _ONLY_FIGURES_RE.match(text):
            out[-1] = Group(out[-1].members, out[-1].start, b)
            continue
        out.append(Group(tuple(pending), a, b))
        pending = []
    if pending:
        out.append(Group(tuple(pending[:-1]), pending[-1][0], pending[-1][1]))
    return out


def read_clause(ctx: Context) -> Reading:
    """Every target of the clause, and an exclusion for each group whose numbers are not targets."""
    reading = Reading([], [])
    start, end = ctx.clause
    previous_subject = ctx.subject_before
    for group in groups(ctx.norm, start, end):
        targets, exclusion = _read_group(ctx, group, previous_subject)
        reading.targets.extend(targets)
        if exclusion is not None:
            reading.exclusions.append(exclusion)
        if targets:
            previous_subject = _subject(ctx, group.start, group.end)
    reading.subject = previous_subject
    return reading


# -- one group ------------------------------------------------------------------------------


def _read_group(
    ctx: Context, group: Group, previous_subject: str
) -> tuple[list[DraftTarget], Exclusion | None]:
    norm = ctx.norm
    text = norm[group.start : group.end]
    whole = norm[ctx.clause[0] : group.end]  # the clause up to here: a verb may come before the list
    found = numbers(norm, group.quote_start, group.end)
    figures = [n for n in found if n.role == "figure"]
    blocked = w.PROCESS_RE.search(whole) is not None and w.OUTCOME_RE.search(text) is None
    rules = (
        _rating,
        _water,
        _rank,
        _ceiling,
        _no_increase,
        _positive,
        _double_digit,
        _doubling,
        _full_coverage,
    )
    for rule in rules:
        made = rule(ctx, group, text)
        if made and not blocked:
            return made, None
    if figures and w.EVENT_RE.match(text) and not blocked:
        return _milestone(ctx, group, text), None
    if figures:
        if blocked:
            return [], _exclusion(ctx, group, notes.PROCESS, len(found))
        return _quantified(ctx, group, figures, previous_subject, len(found))
    if not found:
        milestones = [] if blocked else _milestone(ctx, group, text)
        return milestones, None
    role = found[0].role
    reason = {"year": notes.YEAR, "name": notes.NAME, "bare": notes.BARE}.get(role, notes.CONTEXT)
    return [], _exclusion(ctx, group, reason, len(found))


def _exclusion(ctx: Context, group: Group, reason: Text, count: int) -> Exclusion:
    start = group.quote_start
    return Exclusion(ctx.orig[start : group.end], reason, start, count)


def _target(ctx: Context, group: Group, name: str, **fields: object) -> DraftTarget:
    start = group.quote_start
    if ctx.horizon is not None and w.DEADLINE_RE.search(ctx.norm, start, group.end):
        ctx = replace(ctx, horizon=None)  # 年内, 年底前: this year, whatever the paragraph's horizon
    base = DraftTarget(
        area=ctx.area,
        name=name.strip() if not blank(name) else ctx.orig[start : group.end].strip(),
        kind=Kind.INCREMENT,
        op=Op.GE,
        value=True,
        unit="",
        commitment=Commitment.PLAIN,
        quote=ctx.orig[start : group.end],
        start=start,
        notes=(),
        horizon=ctx.horizon,
    )
    target = replace(base, **fields)
    if ctx.horizon is not None:
        beyond = ctx.horizon.last > ctx.year  # an annual plan's target due later: for the reviewer
        target = replace(
            target,
            notes=(*target.notes, notes.horizon(ctx.horizon.words, ctx.horizon.last)),
            review=target.review or beyond,
        )
    return target


def _member_names(ctx: Context, group: Group) -> list[str]:
    return [_clean(ctx.orig[a:b]) for a, b in group.members]


def _each(
    ctx: Context, group: Group, main_name: str, *, suffix: str = "", **fields: object
) -> list[DraftTarget]:
    """One target per list member and one for the main item, all read the same way."""
    names = [*(m + suffix for m in _member_names(ctx, group)), main_name]
    extra: tuple[Text, ...] = ()
    if len(names) > 1:
        extra = (
            Text(
                notes.LIST_SHARED.zh.format(words="、".join(names)),
                notes.LIST_SHARED.en.format(words="、".join(names)),
            ),
        )
    base_notes = fields.pop("notes", ())
    assert isinstance(base_notes, tuple)
    return [_target(ctx, group, name, notes=(*base_notes, *extra), **fields) for name in names]


def _clean(text: str) -> str:
    """A name from clause text: no leading commitment or filler word, no trailing comparator."""
    text = text.strip().strip("，,、。；;：:").strip()
    if text.count("“") != text.count("”"):
        text = text.strip("“”")
    norm = w.NAME_LEAD_RE.sub("", _norm_for(text))
    cut = len(text) - len(norm)
    text = text[cut:]
    tail = w.NAME_TAIL_RE.search(_norm_for(text))
    if tail is not None and tail.start() > 0:
        text = text[: tail.start()]
    return text.strip().strip("，,、").strip()


def _norm_for(text: str) -> str:
    return normalise(text)


def _subject(ctx: Context, start: int, end: int) -> str:
    """The item's words without its (last) figure: the indicator. 建设4个特色山水公园 → 建设特色山水公园."""
    figures = _figures(ctx.norm, start, end)
    if not figures:
        return _clean(ctx.orig[start:end])
    last = figures[-1]
    after = w.AFTER_RE.match(ctx.norm, last.end)
    resume = after.end() if after else last.end
    head = ctx.orig[start : last.start]
    return _clean(head + ctx.orig[resume:end])


# -- wording rules without a figure (or with a figure of their own) -------------------------------


def _rating(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    match = w.RATING_RE.search(text)
    if match is None:
        return []
    label = match.group(1) or match.group(2)
    return _each(
        ctx, group, _clean(ctx.orig[group.start : group.end]), kind=Kind.ORDINAL, op=Op.LE, value=label,
        scale=w.RATING_SCALE, notes=(notes.RATING,), review=True,
    )  # fmt: skip


def _water(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    if not w.WATER_RE.search(text):
        return []
    cls = w.CLASS_RE.search(text)
    standard = w.BETTER_THAN_STANDARD_RE.search(text)
    if cls is None and standard is None:
        return []
    name = _clean(ctx.orig[group.start : group.start + (text.find("水质") + 2)])
    reported = None if cls else _reported_class(ctx, name, group.start)
    extra: tuple[Text, ...]
    if cls is not None:
        value, extra = cls.group(1), (notes.WATER,)
    elif reported is not None:
        value, extra = reported, (notes.water_reported(reported), notes.WATER)
    else:
        value, extra = "Ⅲ", (notes.WATER_PLACEHOLDER, notes.WATER)
    return _each(
        ctx, group, name + "类别", kind=Kind.ORDINAL, op=Op.LE, value=value, unit="类", scale=w.WATER_SCALE,
        notes=extra, review=True,
    )  # fmt: skip


def _reported_class(ctx: Context, name: str, before: int) -> str | None:
    """The class the text reported earlier for the same water (its review of last year), if any:
    梁滩河…断面水质稳定达到Ⅳ类标准,优于考核标准一个水质类别 → Ⅳ."""
    key = normalise(name)[:3]
    if len(key) < 2:
        return None
    found = re.findall(
        rf"{re.escape(key)}[^。；;]{{0,30}}?水质[^。；;]{{0,12}}?([ⅠⅡⅢⅣⅤ]|劣Ⅴ)类", ctx.norm[:before]
    )
    return found[-1] if found else None


def _rank(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    match = w.RANK_RE.search(text)
    if match is None or (_figures(ctx.norm, group.start, group.end) and not match.group(1)):
        return []
    extra: tuple[Text, ...] = (notes.RANK,)
    if match.group(1):
        value = Decimal(match.group(1))
    elif match.group(0).endswith(("第一", "首位")):
        value = Decimal(1)
    else:
        value, extra = Decimal(3), (notes.RANK_PLACEHOLDER, notes.RANK)
    name = _clean(ctx.orig[group.start : group.start + match.start()])
    name = re.sub(r"(位于|保持|位居|进入|居|处于)$", "", name) + "排名"
    return _each(ctx, group, name, kind=Kind.RANK, op=Op.LE, value=value, unit="位", notes=extra, review=True)


def _ceiling(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    if not w.CEILING_RE.search(text) or _figures(ctx.norm, group.start, group.end):
        return []
    name = re.sub(
        r"^(?:坚决)?(?:杜绝|防范|防止|避免|遏制|严防|不发生)|(?:现象)?(?:发生|零发生)$", "", _clean(text)
    )
    name = _clean(ctx.orig[group.start + text.find(name) : group.start + text.find(name) + len(name)]) or name
    return _each(
        ctx, group, name, kind=Kind.CEILING, op=Op.LE, value=Decimal(0), unit="起", notes=(notes.CEILING,),
        review=True,
    )  # fmt: skip


def _no_increase(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    match = w.NO_INCREASE_RE.search(text)
    if match is None:
        return []
    subject = ctx.orig[group.start : group.start + match.start()].rstrip('“”"「」 ')
    parts = [p for p in re.split(r"及|、", _clean(subject)) if p]
    names = [p + "增长" for p in parts] or [_clean(subject) + "增长"]
    return [
        _target(
            ctx,
            group,
            name,
            kind=Kind.GROWTH,
            op=Op.LE,
            value=Decimal(0),
            unit="%",
            notes=(notes.NO_INCREASE,),
        )
        for name in names
    ]


def _positive(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    match = w.POSITIVE_RE.search(text)
    if match is None:
        return []
    name = _clean(ctx.orig[group.start : group.start + match.start()]) + "增长"
    return _each(
        ctx, group, name, kind=Kind.GROWTH, op=Op.GT, value=Decimal(0), unit="%", notes=(notes.POSITIVE,)
    )


def _double_digit(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    match = w.DOUBLE_DIGIT_RE.search(text)
    if match is None:
        return []
    name = _clean(ctx.orig[group.start : group.start + match.start()]) + "增长"
    return _each(
        ctx,
        group,
        name,
        suffix="增长",
        kind=Kind.GROWTH,
        op=Op.GE,
        value=Decimal(10),
        unit="%",
        notes=(notes.DOUBLE_DIGIT,),
    )


def _doubling(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    """倍增: at least twice the base year's level, as an index with the base year = 100."""
    match = w.DOUBLING_RE.search(text)
    if match is None or _figures(ctx.norm, group.start, group.end):
        return []
    base = (ctx.first_year or ctx.year) - 1
    times = 4 if match.group(0) == "翻两番" else 2
    name = re.sub(
        r"(?:均|都|各)?(?:实现|力争)?双?$", "", _clean(ctx.orig[group.start : group.start + match.start()])
    )
    unit, noted = f"（{base}年=100）", (notes.doubling(base, times),)

    def each(label: str) -> list[DraftTarget]:
        value = Decimal(100 * times)
        return _each(
            ctx, group, label, kind=Kind.LEVEL, op=Op.GE, value=value, unit=unit, notes=noted, review=True
        )

    pair = [p for p in re.split(r"和|与|及", name) if p]
    if text[max(0, match.start() - 1) : match.start()] == "双" and len(pair) == 2 and not group.members:
        return [t for part in pair for t in each(part)]  # 双倍增: both of the two double
    return each(name)


def _full_coverage(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    match = w.FULL_COVERAGE_RE.search(text)
    if match is None:
        return []
    name = _clean(ctx.orig[group.start : group.start + match.start()]) + "覆盖率"
    return _each(
        ctx,
        group,
        name,
        kind=Kind.SHARE,
        op=Op.GE,
        value=Decimal(100),
        unit="%",
        notes=(notes.FULL_COVERAGE,),
    )


def _milestone(ctx: Context, group: Group, text: str) -> list[DraftTarget]:
    bare = w.COMMITMENT_RE.sub("", text, count=1) if w.COMMITMENT_RE.match(text) else text
    bare = w.MANNER_RE.sub("", bare)
    strive_word = w.COMMITMENT_RE.search(text)
    if w.MILESTONE_VAGUE_RE.search(text):
        return []
    if not (
        w.MILESTONE_END_RE.search(text)
        or w.MILESTONE_START_RE.match(bare)
        or w.MILESTONE_ANY_RE.search(text)
        or (strive_word is not None and strive_word.group(0) == "争创")
    ):
        return []
    extra: list[Text] = [notes.MILESTONE]
    deadline = None
    when = w.DEADLINE_RE.search(text)
    if when is not None:
        deadline = _deadline(when.group(0), ctx.year)
        extra.append(notes.deadline(when.group(0), deadline.isoformat()))
    elif ctx.horizon is not None and ctx.horizon.last <= ctx.year:
        deadline = dt.date(ctx.horizon.last, 12, 31)
    else:
        extra.append(notes.MILESTONE_YEAR_END)
    name = _clean(ctx.orig[group.start : group.end])
    return _each(
        ctx, group, name, kind=Kind.MILESTONE, op=Op.DONE, value=True, unit="", deadline=deadline,
        notes=tuple(extra),
    )  # fmt: skip


def _deadline(words: str, year: int) -> dt.date:
    if words == "上半年" or words.startswith("二季度"):
        return dt.date(year, 6, 30)
    if words.startswith("一季度"):
        return dt.date(year, 3, 31)
    if words.startswith("三季度"):
        return dt.date(year, 9, 30)
    return dt.date(year, 12, 31)


# -- figures -------------------------------------------------------------------------------------


def _quantified(
    ctx: Context, group: Group, figures: list[Number], previous_subject: str, count: int
) -> tuple[list[DraftTarget], Exclusion | None]:
    norm = ctx.norm
    main = [f for f in figures if f.start >= group.start]
    if not main:
        return [], _exclusion(ctx, group, notes.CONTEXT, count)
    last = main[-1]
    if w.VAGUE_RE.search(norm, last.end, group.end):
        return [], _exclusion(ctx, group, notes.VAGUE, count)
    dist = _DIST_RE.search(norm, group.start, group.end)
    subject = _subject(ctx, group.start, dist.start() if dist else group.end)
    borrowed = False
    if previous_subject and _NO_SUBJECT_RE.match(normalise(subject)):  # …增长6%左右，力争达到6.5%
        subject, borrowed = previous_subject, True
    members = _member_names(ctx, group)
    if dist is not None and dist.group(0) == "分别":
        values = [f for f in main if f.start > dist.start()]
        names = [*members, subject]
        extra = [notes.LIST_ORDER]
        joined = [p for p in re.split(r"和|与|及", subject) if p]
        earlier = _earlier_items(ctx)
        if len(names) == 1 and len(values) > 1 and len(joined) == len(values):
            names = joined
            extra.append(notes.LIST_GUESSED)
        elif len(names) == 1 and len(values) > 1 and len(earlier) == len(values):
            names = [item + subject for item in earlier]  # 高企和科企实现双倍增，总量分别超过…
            extra.append(notes.LIST_GUESSED)
        elif len(names) == 1 and len(values) > 1:
            if subject.startswith("城乡") and len(values) == 2:
                names = ["城镇" + subject[2:], "农村" + subject[2:]]
            else:
                names = [f"{subject}（{i + 1}）" for i in range(len(values))]
            extra.append(notes.LIST_GUESSED)
        if len(names) != len(values):
            return [], _exclusion(ctx, group, notes.UNPAIRED, count)
        pairs = list(zip(names, values, strict=True))
    elif members:
        pairs = [(n, last) for n in [*members, subject]]
        extra = [notes.LIST_SAME] if dist is not None else []
    else:
        pairs = [(subject, last)]
        extra = []
        modifiers = [f for f in main if f is not last]
        if modifiers:
            words = "、".join(ctx.orig[f.start : f.end] for f in modifiers)
            extra.append(
                Text(notes.MODIFIER.zh.format(numbers=words), notes.MODIFIER.en.format(numbers=words))
            )
    if borrowed:
        extra.append(notes.SUBJECT_BORROWED)
    trailing = _after(norm, main[-1])
    # 分别超过1000家和4500家: the words before the first value serve every value.
    shared = norm[dist.end() if dist else group.start : pairs[0][1].start]
    out = []
    for name, figure in pairs:
        previous_end = max([f.end for f in main if f.end <= figure.start] or [group.start])
        qualifier = _after(norm, figure) or trailing
        before = norm[max(previous_end, group.start) : figure.start]
        if not before.strip("、和及与,， "):
            before = shared
        if borrowed:  # 地区生产总值增长6%以上、力争7%: the second figure is the same indicator's
            before = normalise(subject) + w.COMMITMENT_RE.sub("", before)
        out.append(_figure_target(ctx, group, name, figure, qualifier, before, (*extra,), borrowed))
    if dist is not None and len(pairs) > 1:
        growth = [t for t in out if t.kind is Kind.GROWTH]
        out = [
            replace(
                t, name=t.name + ("增长" if t in growth and not normalise(t.name).endswith("增长") else "")
            )
            for t in out
        ]
    return out, None


def _earlier_items(ctx: Context) -> list[str]:
    """The items the clause before lists: 高新技术企业和科技型企业实现双倍增 → 高新技术企业, 科技型企业."""
    if ctx.before is None:
        return []
    text = ctx.orig[ctx.before[0] : ctx.before[1]]
    norm = ctx.norm[ctx.before[0] : ctx.before[1]]
    verb = re.search(r"实现|均|分别|都|各|保持|达到|增长", norm)
    subject = text[: verb.start()] if verb else text
    return [_clean(p) for p in re.split(r"和|与|及|、", subject) if _clean(p)]


def _after(norm: str, figure: Number) -> str:
    match = w.AFTER_RE.match(norm, figure.end)
    return match.group(0) if match else ""


def _figure_target(
    ctx: Context,
    group: Group,
    name: str,
    figure: Number,
    qualifier: str,
    before: str,
    extra: tuple[Text, ...],
    borrowed: bool = False,
) -> DraftTarget:
    norm = ctx.norm
    text = norm[group.quote_start : group.end]
    value, unit = figure.value, figure.unit
    comparator = w.BEFORE_RE.search(before.rstrip("、和及与"))
    word = comparator.group(0) if comparator else ""
    stem = before[: comparator.start()] if comparator else before
    stem = re.sub(r"(?:分别|各|均|都)$", "", stem.rstrip("、和及与"))
    growth_word = w.GROWTH_RE.search(stem)
    if growth_word is None and not stem.strip():
        growth_word = w.GROWTH_RE.search(
            re.sub(r"(?:分别|各|均|都)", "", norm[group.start : figure.start]).rstrip("、和及与0123456789.%")
        )
    found: list[Text] = list(extra)
    percent = unit in ("%", "‰", "个百分点", "百分点")
    level_words = w.LEVEL_WORDS_RE.search(text[: figure.start - group.quote_start])
    # 增速/增幅/涨幅 name a rate whatever the verb (增速保持在6%); 增长/提高 … 到 name a level.
    rate_noun = growth_word is not None and (borrowed or growth_word.group(0) in ("增速", "增幅", "涨幅"))
    to_level = word in ("增至", "提高到", "提高至", "提升到", "提升至", "达到", "达", "稳定在", "保持在")
    if percent and growth_word is not None and (rate_noun or not to_level):
        kind = Kind.GROWTH
        found.append(notes.ANNUAL_AVERAGE if growth_word.group(0) == "年均增长" else notes.GROWTH)
        if w.REDUCTION_RE.search(growth_word.group(0)):
            found.append(notes.REDUCTION)
        if "百分点" in unit:
            found.append(notes.POINTS)
    elif percent:
        kind = Kind.SHARE
    elif level_words is not None:
        kind = Kind.LEVEL
        found.append(notes.LEVEL)
    else:
        kind = Kind.INCREMENT
        found.append(notes.INCREMENT)
    shown = notes.fmt(value)
    op = w.AFTER_OPS.get(qualifier) or w.BEFORE_OPS.get(word)
    if word in w.BEFORE_OPS and w.BEFORE_OPS[word] is Op.GT:
        op = Op.GT
    if op is Op.GT:
        found.append(notes.STRICT)
    tolerance = None
    if op is Op.ABOUT:
        tolerance = Decimal("0.5") if percent else (value / 10).normalize()
        found.append(notes.about(notes.fmt(tolerance), unit, percent))
        if w.LESS_IS_BETTER_RE.search(text):
            found.append(notes.ABOUT_CEILING)
    elif op is None:
        less = w.LESS_IS_BETTER_RE.search(text) is not None and not (
            growth_word and w.REDUCTION_RE.search(growth_word.group(0))
        )
        op = Op.LE if less else Op.GE
        found.append(notes.plain_ceiling(shown + unit) if less else notes.plain_at_least(shown + unit))
    per = per_capita_unit(text[: figure.start - group.quote_start], unit)
    if per != unit:
        unit = per
        found.append(notes.PER_CAPITA)
    if has_magnitude(unit):
        found.append(Text(notes.MAGNITUDE.zh.format(unit=unit), notes.MAGNITUDE.en.format(unit=unit)))
    if kind is Kind.SHARE:
        found.append(notes.SHARE)
    if kind is Kind.GROWTH and growth_word and not w.GROWTH_WORD_RE.search(normalise(name)):
        name += growth_word.group(0)  # 地区生产总值 … 增长6%: the name says what grows
    if word == "占" and not normalise(name).endswith("占比"):
        name += "占比"
    review = kind is Kind.LEVEL or op is Op.ABOUT or (unit.endswith("人") and "/" in unit)
    return _target(
        ctx, group, name, kind=kind, op=op, value=value, unit=unit, tolerance=tolerance, notes=tuple(found),
        review=review,
    )  # fmt: skip
