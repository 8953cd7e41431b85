"""A Result in words, Chinese and English: the reason for its verdict and the rule it applied.

The evaluator returns numbers and enums (``Result.rule``); this module is the one place that
says them, so every format words a verdict the same way and none re-derives the rule.
"""

from __future__ import annotations

from decimal import Decimal

from gxcheck import fmt
from gxcheck.evaluate import meets
from gxcheck.labels import STATUS_EN, STATUS_ZH
from gxcheck.model import Basis, Better, Bound, Curve, Kind, Op, Quantity, Result, Rule, Status, Text
from gxcheck.render.common import pace_op, ratio_percent

NO_FIGURE = Text("未报告数据", "no figure reported")
_SYMBOL = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}
_NEGATION = {">=": "<", ">": "≤", "<=": ">", "<": "≥", "==": "≠"}


def reason(result: Result) -> Text:
    """One line that shows the arithmetic behind the verdict."""
    t, rule = result.target, result.rule
    if t.kind is Kind.MILESTONE:
        return _milestone(result)
    if result.actual is None or rule is None:
        return NO_FIGURE
    if t.kind is Kind.ORDINAL:
        return _ordinal(result)
    assert isinstance(result.actual.parsed, Quantity)
    return _numeric(result, result.actual.parsed, rule)


def _milestone(result: Result) -> Text:
    t, status, actual = result.target, result.status, result.actual
    assert t.deadline is not None
    due = t.deadline.isoformat()
    if status.good:
        return Text("已完成", "done")
    if status is Status.PENDING:
        what = Text("未报告", "not reported") if actual is None else Text("尚未完成", "not done yet")
        return Text(f"{what.zh}，期限 {due}", f"{what.en}; due by {due}")
    if actual is None:
        return NO_FIGURE
    if status is Status.NO_DATA:
        when = actual.period
        return Text(
            f"最近一次报告（{when.label('zh')}）尚未完成，期限 {due} 后未有报告",
            f"last reported not done ({when.label('en')}); nothing reported since the deadline {due}",
        )
    return Text(f"未在 {due} 前完成", f"not done by {due}")


def _ordinal(result: Result) -> Text:
    t, actual = result.target, result.actual
    assert actual is not None
    met = result.status.good
    if t.op is Op.LE:
        return Text(
            f"{actual.parsed} {'优于或等于' if met else '劣于'} {t.value}",
            f"{actual.parsed} is {'at or better than' if met else 'worse than'} {t.value}",
        )
    return Text(
        f"{actual.parsed}，目标 {fmt.target_wording(t, 'zh')}：{'达到' if met else '未达到'}",
        f"{actual.parsed} against {fmt.target_wording(t, 'en')}: {'met' if met else 'not met'}",
    )


def _numeric(result: Result, q: Quantity, rule: Rule) -> Text:
    return Text(_numeric_in(result, q, rule, "zh"), _numeric_in(result, q, rule, "en"))


def _numeric_in(result: Result, q: Quantity, rule: Rule, lang: str) -> str:
    t, status = result.target, result.status
    zh, unit = lang == "zh", fmt.unit(t, lang)
    shown = fmt.quantity(q, unit)
    # Done, or a running total certainly over its cap, is measured against the full value.
    over_cap = status is Status.MISSED and rule.expected is not None and _over(q, rule)
    if rule.expected is not None and status is not Status.DONE and not over_cap:
        goal = fmt.with_unit(fmt.number(rule.expected), unit)
        formula = formula_text(rule)
        wanted = pace_op(rule).value
        goal = f"序时进度 {goal}（{formula}）" if zh else f"{goal} expected by now ({formula})"
    elif t.op is Op.ABOUT:
        assert t.tolerance is not None and not isinstance(t.value, (str, bool))
        core = f"{fmt.with_unit(fmt.number(t.value), unit)} − {fmt.number(t.tolerance)}"
        goal = f"{core}（容差）" if zh else f"{core} tolerance"
        wanted = ">="
    else:
        goal = fmt.with_unit(fmt.number(rule.threshold), unit)
        wanted = rule.op.value
    if not result.decided:
        symbol = _SYMBOL[wanted]
        if zh:
            return f"{shown} 无法判定是否 {symbol} {goal}：按最不利端判为{STATUS_ZH[status]}"
        worst = STATUS_EN[status]
        return f"the bound {shown} cannot decide {symbol} {goal}: judged at its worst end ({worst})"
    relation = _SYMBOL[wanted] if status.good else _NEGATION[wanted]
    text = f"{shown} {relation} {goal}"
    if status is Status.NEAR and rule.near is not None:
        band = near_text(rule, unit)
        return text + (f"；在基本完成区间内（{band}）" if zh else f"; within the near band ({band})")
    if status is Status.DONE and rule.span is not None:
        year = rule.span[1]
        return text + (f"：{year}年目标已提前完成" if zh else f": the {year} target is already reached")
    if status is Status.DONE:
        return text + ("：全年目标已完成" if zh else ": the full-year target is already reached")
    if status is Status.MISSED and (rule.basis is Basis.CEILING or over_cap):
        within = Text("规划期内", "within the plan") if rule.span is not None else Text("年内", "this year")
        if zh:
            return text + f"：已突破上限，{within.zh}无法挽回"
        return text + f": the ceiling is broken and cannot recover {within.en}"
    if rule.basis is Basis.AS_IS:
        return text + ("（不按时间折算）" if zh else " (compared as it is, not pro-rated)")
    return text


def _over(q: Quantity, rule: Rule) -> bool:
    """Whether every figure the quantity allows fails a less-is-better cap: ``>100`` and 100.01
    are over ``≤ 100``; ``≥90`` may not be, so its reason stays with the pace."""
    if q.bound in (Bound.LT, Bound.LE):
        return False
    if q.bound is Bound.GT and q.value >= rule.threshold:
        return True
    return not meets(rule.op, q.value, rule.threshold)


def share_text(rule: Rule) -> str:
    """The elapsed share as a reviewer counts it: months of the year (``9/12``); years of a
    multi-year span when whole (``2/5``), else its months (``30/60``)."""
    assert rule.share is not None
    passed, months = rule.share
    if rule.span is not None and passed % 12 == 0:
        return f"{passed // 12}/{months // 12}"
    return f"{passed}/{months}"


def ratio_text(result: Result, lang: str) -> str:
    """完成率, with its arithmetic when it is measured on the increase from a baseline:
    ``38%（按增量：(2700 − 2515) ÷ (3000 − 2515)）``."""
    shown, rule, actual = ratio_percent(result), result.rule, result.actual
    if rule is None or not rule.ratio_from or actual is None or not isinstance(actual.parsed, Quantity):
        return shown
    base, value = fmt.number(rule.ratio_from), result.target.value
    assert isinstance(value, Decimal)
    arithmetic = f"({fmt.number(actual.parsed.value)} − {base}) ÷ ({fmt.number(value)} − {base})"
    if lang == "zh":
        return f"{shown}（按增量：{arithmetic}）"
    return f"{shown} (on the increase: {arithmetic})"


def formula_text(rule: Rule) -> str:
    """``402 + (550 − 402) × 6/12``, or ``100 × 6/12`` when the pro-rating starts at zero; on a
    compound path (年均增长) ``100 × (200 ÷ 100)^(2/5)``."""
    share = share_text(rule)
    threshold = fmt.number(rule.threshold)
    if rule.start and rule.curve is Curve.COMPOUND:
        base = fmt.number(rule.start)
        return f"{base} × ({threshold} ÷ {base})^({share})"
    if rule.start:
        base = fmt.number(rule.start)
        return f"{base} + ({threshold} − {base}) × {share}"
    return f"{threshold} × {share}"


def near_text(rule: Rule, unit: str) -> str:
    """The near band as a reader checks it: ``≥ 7.2 %``, ``≤ 4 名``, or ``90–110 %`` for ``==``."""
    assert rule.near is not None
    low, high = rule.near
    if rule.better is Better.EXACT:
        return fmt.with_unit(f"{fmt.number(low)}–{fmt.number(high)}", unit)
    if rule.better is Better.MORE:
        return f"≥ {fmt.with_unit(fmt.number(low), unit)}"
    return f"≤ {fmt.with_unit(fmt.number(high), unit)}"


_BETTER = {
    Better.MORE: Text("越高越好", "more is better"),
    Better.LESS: Text("越低越好", "less is better"),
    Better.EXACT: Text("恰好等于目标值为好", "exactly the value is best"),
}


def rule_text(result: Result) -> Text:
    """The rule applied to the result's target as of its period (for ``gxcheck explain``)."""
    t, rule = result.target, result.rule
    if t.kind is Kind.MILESTONE:
        assert t.deadline is not None
        due = t.deadline.isoformat()
        return Text(
            f"节点任务：{due} 前完成即为完成；此前未完成为未到期",
            f"milestone: met when done by {due}; pending before then",
        )
    if t.kind is Kind.ORDINAL:
        assert t.scale is not None
        scale = " ".join(t.scale)
        return Text(
            f"等级按位置比较（越靠前越好：{scale}）", f"classes compared by position, better first ({scale})"
        )
    assert rule is not None
    unit = Text(t.unit, fmt.unit(t, "en"))
    direction = _BETTER[rule.better]
    threshold = Text(*(fmt.with_unit(fmt.number(rule.threshold), u) for u in (unit.zh, unit.en)))
    if rule.span is not None:
        zh = f"{direction.zh}；到{rule.span[1]}年末达到 {threshold.zh} 即完成"
        en = f"{direction.en}; met at {threshold.en} by the end of {rule.span[1]}"
    else:
        zh = f"{direction.zh}；全年达到 {threshold.zh} 即完成"
        en = f"{direction.en}; met at {threshold.en} for the year"
    if rule.basis is Basis.YEAR_END:
        if rule.near is not None:
            zh += f"；基本完成区间 {near_text(rule, unit.zh)}"
            en += f"; near band {near_text(rule, unit.en)}"
        else:
            zh += "；没有基本完成区间"
            en += "; no near band"
    elif rule.basis is Basis.CEILING:
        zh += "；上限一旦突破即为未完成"
        en += "; a broken ceiling is missed at once"
    elif rule.basis is Basis.PRO_RATED:
        assert rule.expected is not None
        expected = fmt.number(rule.expected)
        zh += f"；序时进度 {formula_text(rule)} = {fmt.with_unit(expected, unit.zh)}"
        en += f"; expected by now {formula_text(rule)} = {fmt.with_unit(expected, unit.en)}"
        if t.kind is Kind.INCREMENT and rule.better is Better.LESS:  # a running total under a cap
            whole = Text("规划期", "the plan's") if rule.span is not None else Text("全年", "the annual")
            zh += f"，超过{whole.zh}上限即为未完成"
            en += f", over {whole.en} cap is missed at once"
    elif rule.span is not None and t.kind in (Kind.LEVEL, Kind.SHARE):
        zh += "；没有基期值，无法折算，按目标值直接比较"
        en += "; no baseline to pro-rate from: compared with the target as it is"
    elif rule.span is not None:
        zh += "；增速、排名、等级等按目标直接比较，不按时间折算"
        en += "; a rate, rank or class is compared with the target as it is"
    elif t.kind is Kind.STOCK:
        zh += "；年初即已确定的存量（如续建、储备项目），不按时间折算，按全年目标比较"
        en += "; a stock known from January (carried over, reserved): compared with the annual value as it is"
    elif t.kind is Kind.LEVEL:
        zh += "；没有基期值，无法折算，按年末水平比较"
        en += "; no baseline to pro-rate from: compared with the year-end level"
    else:
        zh += "；增速、比率等按全年目标直接比较，不按时间折算"
        en += "; a rate or share is compared with the annual value as it is"
    if rule.ahead_beyond is not None:
        ahead = fmt.number(rule.ahead_beyond)
        beyond = "超过" if rule.better is Better.MORE else "低于"
        zh += f"，{beyond} {fmt.with_unit(ahead, unit.zh)} 为超进度"
        en += f", ahead beyond {fmt.with_unit(ahead, unit.en)}"
    return Text(zh, en)
