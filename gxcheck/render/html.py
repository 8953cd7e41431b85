"""One self-contained HTML page: the scorecard with a bullet chart per target.

Inline CSS and inline SVG only — no scripts, fonts, images or links to fetch — so the
file can be mailed, archived or printed on A4 as it is. Every text from a targets file
or a CSV is escaped; the output is the same bytes for the same scorecard.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

from gxcheck import fmt
from gxcheck.evaluate import meets
from gxcheck.labels import STATUS_SYMBOL, commitment_word, status_word
from gxcheck.model import Area, Better, Bound, Kind, Op, Quantity, Result, Scorecard, Status
from gxcheck.render.common import (
    ReportOptions,
    actual_text_lang,
    expected_text,
    gap_text,
    heading,
    no_data_line,
    own_period,
    period_text,
    ratio_percent,
    split_links,
    split_no_data,
    stamp,
    statuses_shown,
    tally_text,
    verdict,
)
from gxcheck.render.words import reason
from gxcheck.textsafe import visible

# Colour and bar style per status: solid when on track, hatched when short of it, dotted
# with a dashed outline when missed — so that a greyscale print still tells them apart.
_LOOK: dict[Status, tuple[str, str]] = {
    Status.MET: ("#1e7b34", "solid"),
    Status.DONE: ("#14532d", "solid"),
    Status.AHEAD: ("#2b8a3e", "solid"),
    Status.ON_SCHEDULE: ("#1864ab", "solid"),
    Status.NEAR: ("#b7791f", "hatch"),
    Status.BEHIND: ("#d9480f", "hatch"),
    Status.MISSED: ("#c92a2a", "dots"),
    Status.PENDING: ("#0b7285", "open"),
    Status.NO_DATA: ("#868e96", "open"),
}
_KEYS = "title verdict status indicator chart actual target now gap ratio quote note source datanote raw"
_KEYS += " details nodata due file bar marker met near expected bound skipped"
_WORDS = {
    "zh": "目标完成情况|结论：|状态|指标|图示|实际|目标|序时|差距|完成率|原文|说明|来源|数据说明"
    "|原始值|原文与说明|无数据|期限|目标文件|实际值|目标值|完成区间|基本完成区间|序时进度|公布的界限（超、以上）|跳过未知指标的行",
    "en": "targets scorecard|Verdict: |status|indicator|chart|actual|target|now|gap|ratio|quote|note"
    "|source|data note|raw value|quote and note|no data|due|targets file|actual|target|met zone|near band"
    "|expected by now|published bound (more than)|rows with unknown ids skipped",
}
_BREAKS = re.compile(r"[\r\n\t]+")
W, H, PAD, TOP, BOTTOM = 300, 44, 12, 6, 26  # a chart; room beside its scale; its track's top and bottom
INK, DIM, MET_ZONE = "#1f2328", "#59636e", "#e3f2e6"
TARGET_LINE, BOLD = f'stroke="{INK}" stroke-width="2.5"', ' font-weight="bold"'
EXPECTED_LINE = f'stroke="{DIM}" stroke-width="1.5" stroke-dasharray="3 2"'
ARROW = '<polygon points="15,0 23,7 15,14" fill="#1e7b34"/>'
FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"'
CSS = f"""
* {{ box-sizing: border-box; }}
body {{ margin: 0 auto; max-width: 1120px; padding: 24px; color: {INK}; background: #fff;
  font: 14px/1.5 {FONT}, "Helvetica Neue", Arial, sans-serif; }}
h1 {{ font-size: 22px; margin: 0 0 4px; }} h2 {{ font-size: 17px; margin: 28px 0 4px; }}
.sub, .dim, footer, .legend, .count, .head, .tw, .num span, details {{ color: {DIM}; }}
.verdict {{ padding: 8px 12px; border: 1px solid; border-left-width: 6px; border-radius: 4px; }}
.verdict.fail {{ border-color: #c92a2a; background: #fff5f5; }}
.verdict.pass {{ border-color: #1e7b34; background: #ebfbee; }}
.tally {{ display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0 0 8px; }}
.tally li {{ border: 1px solid var(--c); color: var(--c); border-radius: 14px; padding: 1px 10px; }}
.tally b {{ color: {INK}; margin-left: 6px; }} .tally svg {{ vertical-align: -2px; margin-right: 4px; }}
.legend {{ display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; margin: 0; }}
.legend svg {{ vertical-align: -3px; }} .count {{ font-size: 13px; font-weight: normal; margin-left: 10px; }}
.row {{ display: grid; grid-template-columns: 100px minmax(0, 1fr) minmax(200px, 300px) 112px; gap: 0 16px;
  align-items: center; padding: 5px 0; border-top: 1px solid #d0d7de; break-inside: avoid; }}
.row.head {{ font-size: 12px; border-top: 0; padding: 0; }}
.head div:last-child, .num {{ text-align: right; }}
.st {{ color: var(--c); font-weight: bold; white-space: nowrap; }} .name {{ font-weight: 500; }}
.tw, .num span, details {{ font-size: 12px; }} .num b {{ font-size: 15px; }} .num span {{ display: block; }}
.cm {{ font-size: 11px; border: 1px solid #9c36b5; color: #9c36b5; border-radius: 3px; padding: 0 3px; }}
.cm {{ margin-right: 5px; }} .cm.ensure {{ background: #f8f0fc; font-weight: bold; }}
svg.bullet {{ width: 100%; height: auto; display: block; }} svg text {{ font-family: {FONT}, sans-serif; }}
.row > details {{ grid-column: 2 / -1; }} .ind details {{ display: inline-block; margin-left: 10px; }}
summary {{ cursor: pointer; }} .row:not(.s-no-data) summary {{ color: var(--c); }}
dl {{ display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; margin: 2px 0 2px 14px; }}
dt {{ font-weight: bold; }} dd {{ margin: 0; overflow-wrap: anywhere; }}
footer {{ margin-top: 24px; font-size: 12px; border-top: 1px solid #d0d7de; padding-top: 8px; }}
{" ".join(f".s-{s.value} {{ --c: {c}; }}" for s, (c, _) in _LOOK.items())}
.nodata {{ color: {DIM}; font-size: 13px; margin: 6px 0 0; }} a {{ color: #0b5cad; }}
.keep {{ break-inside: avoid; page-break-inside: avoid; }}
@page {{ size: A4; margin: 15mm; }}
@media print {{ body {{ padding: 0; max-width: none; font-size: 10pt; }} h2 {{ break-after: avoid; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .row {{ grid-template-columns: 80px minmax(0, 1fr) 220px 100px; }} }}
"""
_DEFS = (
    '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
    + "".join(
        {
            "hatch": f'<pattern id="hatch-{s.value}" width="5" height="5" patternUnits="userSpaceOnUse"'
            f' patternTransform="rotate(45)"><rect width="5" height="5" fill="#fff"/>'
            f'<rect width="2.4" height="5" fill="{c}"/></pattern>',
            "dots": f'<pattern id="dots-{s.value}" width="3.5" height="3.5" patternUnits="userSpaceOnUse">'
            f'<rect width="4" height="4" fill="#fff"/><circle cx="1.75" cy="1.75" r="1.2" fill="{c}"/>'
            "</pattern>",
        }.get(style, "")
        for s, (c, style) in _LOOK.items()
    )
    + '<pattern id="band" width="4" height="4" patternUnits="userSpaceOnUse">'
    '<rect width="4" height="4" fill="#fdf1d8"/><rect width="1" height="4" fill="#e2b659"/></pattern>'
    "</defs></svg>"
)


def esc(text: str) -> str:
    """Text from a file, safe in HTML content and attributes; line breaks and control
    characters (bidi overrides among them) are made visible, never interpreted."""
    return html.escape(visible(_BREAKS.sub(" ", text)), quote=True)


def linked(text: str) -> str:
    """Escaped text whose web addresses are links (http and https only)."""
    return "".join(
        f'<a href="{esc(piece)}" rel="noopener noreferrer">{esc(piece)}</a>' if url else esc(piece)
        for piece, url in split_links(text)
    )


def _w(lang: str) -> dict[str, str]:
    return dict(zip(_KEYS.split(), _WORDS["en" if lang == "en" else "zh"].split("|"), strict=True))


def _paint(status: Status) -> str:
    """The fill and outline of a bar in ``status``'s look."""
    colour, style = _LOOK[status]
    fill = {"solid": colour, "hatch": f"url(#hatch-{status.value})", "dots": f"url(#dots-{status.value})"}
    dash = ' stroke-dasharray="3 2"' if style == "dots" or status is Status.NO_DATA else ""
    return f'fill="{fill.get(style, "#fff")}" stroke="{colour}" stroke-width="1.2"{dash}'


def _rect(x: float, y: float, w: float, h: float, paint: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" {paint}/>'


def _text(x: float, y: float, text: str, anchor: str = "middle", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="10" text-anchor="{anchor}"{extra}>{text}</text>'


def _vline(x: float, style: str = TARGET_LINE, y0: int = 2, y1: int = 30) -> str:
    return f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y0}" y2="{y1}" {style}/>'


def _nodata(lang: str) -> str:
    return _text(W / 2, 20, _w(lang)["nodata"], extra=f' fill="{DIM}" font-style="italic"')


def _svg(label: str, body: str) -> str:
    return (
        f'<svg class="bullet" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img"'
        f' aria-label="{label}"><title>{label}</title>{body}</svg>'
    )


def _chip(result: Result, lang: str) -> str:
    """A milestone: a done / not-done chip (filled only when done), and its deadline."""
    status, colour = result.status, _LOOK[result.status][0]
    solid = _LOOK[status][1] == "solid"
    dash = ' stroke-dasharray="4 2"' if status in (Status.MISSED, Status.NO_DATA) else ""
    paint = f'fill="{colour if solid else "#fff"}" stroke="{colour}" stroke-width="1.6"{dash}'
    word = f"{STATUS_SYMBOL[status]} {status_word(status, lang)}"
    due = f"{_w(lang)['due']} {result.target.deadline.isoformat() if result.target.deadline else ''}"
    body = f'<rect x="{PAD}" y="{TOP}" width="110" height="{BOTTOM - TOP}" rx="10" {paint}/>'
    body += _text(PAD + 55, 20, word, extra=f' fill="{"#fff" if solid else colour}"{BOLD}')
    return _svg(f"{word} · {due}", body + _text(PAD + 122, 20, due, "start", f' fill="{DIM}"'))


def _ordinal(result: Result, lang: str) -> str:
    """A class or rating: the scale's labels, better first, the ones that meet the target shaded."""
    t, words = result.target, _w(lang)
    assert t.scale is not None and isinstance(t.value, str)
    n, goal = len(t.scale), t.scale.index(t.value)
    actual = result.actual.parsed if result.actual is not None else None
    step, body = (W - 2 * PAD) / n, ""
    for i, label in enumerate(t.scale):
        x = PAD + i * step
        zone = MET_ZONE if meets(t.op, Decimal(i), Decimal(goal)) else "#f1f3f5"  # the verdicts' own test
        body += _rect(x, TOP, step - 1, BOTTOM - TOP, f'fill="{zone}"')
        if label == actual:
            body += _rect(x + 2, TOP + 5, step - 5, BOTTOM - TOP - 10, _paint(result.status))
        if n <= 8 or (label == actual and 2 < i < n - 3):
            body += _text(x + step / 2, 40, esc(label), extra=BOLD if label == actual else "")
        elif i in (0, n - 1):  # a long scale: its ends only, and the actual
            body += _text(x if i == 0 else x + step, 40, esc(label), "start" if i == 0 else "end")
    body += _vline(PAD + (goal + (1 if t.op is Op.LE else 0)) * step)
    if actual is None:
        body += _nodata(lang)
    shown = esc(str(actual)) if actual is not None else words["nodata"]
    return _svg(f"{words['bar']} {shown} · {words['marker']} {esc(fmt.target_wording(t, lang))}", body)


def _numeric(result: Result, lang: str) -> str:
    """The bullet chart: the met zone and the near band behind, the actual as a bar from
    zero, the target as a thick line, the expected-by-now figure as a dashed one."""
    t, words = result.target, _w(lang)
    assert isinstance(t.value, Decimal)
    rule = result.rule
    assert rule is not None
    q = result.actual.parsed if result.actual is not None else None
    assert q is None or isinstance(q, Quantity)
    thr, more = rule.threshold, rule.better is Better.MORE
    near = rule.near or (thr, thr)
    extra = (q.value if q is not None else None, result.expected)
    shown_points = [t.value, *near, *(p for p in extra if p is not None)]
    lo, hi, origin = scale(t.kind, shown_points, rule.ratio_from)

    def x(v: Decimal | float) -> float:
        return PAD + (float(v) - lo) / (hi - lo) * (W - 2 * PAD)

    def span(a: float, b: float, paint: str, inset: float = 0) -> str:
        return _rect(min(a, b), TOP + inset, abs(b - a), BOTTOM - TOP - 2 * inset, paint)

    body = span(x(lo), x(hi), 'fill="#f1f3f5"')
    if rule.better is not Better.EXACT:
        body += span(x(thr), x(hi) if more else x(lo), f'fill="{MET_ZONE}"')
    if rule.near is not None:
        body += span(x(near[0]), x(near[1]), 'fill="url(#band)"')
    if q is not None:
        x0, x1 = x(origin), x(q.value)
        if abs(x1 - x0) < 3:  # an actual at zero: a dot, not an invisible bar
            body += f'<circle cx="{x1:.1f}" cy="{(TOP + BOTTOM) / 2}" r="4.5" {_paint(result.status)}/>'
        body += span(x0, x1, _paint(result.status), 5)
        if q.bound is not Bound.EXACT:  # 超100: an arrow past the bar, pointing where the figure lies
            d = 8 if q.bound in (Bound.GT, Bound.GE) else -8
            tip = f"{x1:.1f},{TOP + 1} {x1 + d:.1f},{(TOP + BOTTOM) / 2:.1f} {x1:.1f},{BOTTOM - 1}"
            body += f'<polygon points="{tip}" fill="{_LOOK[result.status][0]}"/>'
    else:
        body += _nodata(lang)
    if result.expected is not None:
        body += _vline(x(result.expected), EXPECTED_LINE)
    xt = x(t.value)
    body += _vline(xt) + _text(min(max(xt, PAD + 10), W - PAD - 10), 40, fmt.number(t.value), extra=BOLD)
    if origin != 0:  # a scale that does not start at zero says so, where it starts
        start = fmt.number(origin)
        label = f"{start} 起" if lang == "zh" else f"from {start}"
        body += _cut(PAD) + _text(PAD - 4, 40, label, "start", f' fill="{DIM}"')
    elif abs(x(0) - xt) > 24:
        body += _text(x(0), 40, "0", extra=f' fill="{DIM}"')
    if q is not None:
        body += _actual_label(x(q.value), fmt.BOUND_SYMBOL[q.bound] + fmt.number(q.value))
    shown = esc(fmt.quantity(q, fmt.unit(t, lang))) if q is not None else words["nodata"]
    label = f"{words['bar']} {shown} · {words['marker']} {esc(fmt.target_wording(t, lang))}"
    if result.expected is not None:
        label += f" · {words['expected']} {esc(expected_text(result, lang))}"
    return _svg(label, body)


def _cut(x: float) -> str:
    """Two slashes across the track's left end: the scale is cut there, it does not start at 0."""
    return (
        f'<path d="M{x - 3:.1f},{TOP + 7} l6,-6 M{x - 3:.1f},{BOTTOM} l6,-6" '
        f'stroke="{DIM}" stroke-width="1.4" fill="none"/>'
    )


def scale(kind: Kind, points: list[Decimal], baseline: Decimal | None) -> tuple[float, float, Decimal]:
    """The chart's ends and where its bars start. From zero, unless zero would squeeze the
    figures into a sliver: a growth rate or share whose figures lie close together (7.4 % against
    7.5 %, three pixels apart on a scale from zero) starts just below them, and a level with a
    baseline starts at the baseline, so that a small gap is visible. The start is a round number."""
    low, high = min(points), max(points)
    if kind in (Kind.GROWTH, Kind.SHARE) and low > 0 and high - low < high / 2:
        start = _round_down(low - max(high - low, high / 20) * Decimal("0.6"), high)
    elif kind is Kind.LEVEL and baseline is not None and 0 < baseline <= low:
        start = _round_down(baseline - (high - baseline) * Decimal("0.05"), high)
    else:
        lo, hi = float(min(low, Decimal(0))) * 1.1, float(max(high, Decimal(0))) * 1.1
        return lo, hi if hi > lo else lo + 1, Decimal(0)
    start = max(start, Decimal(0))
    hi = float(high + (high - start) * Decimal("0.1"))
    return float(start), hi if hi > float(start) else float(start) + 1, start


def _round_down(value: Decimal, top: Decimal) -> Decimal:
    """``value`` rounded down to a step of 1, 2 or 5 × 10ⁿ no larger than half the way to ``top``."""
    if value <= 0:
        return Decimal(0)
    half = (top - value) / 2
    if half <= 0:
        return value
    step = Decimal(10) ** half.adjusted()
    step *= next(f for f in (5, 2, 1) if step * f <= half)
    return (value // step) * step


def _actual_label(at: float, text: str) -> str:
    """The actual figure beside the end of its bar, on a white halo so it reads on any fill;
    inside the bar's end when there is no room after it."""
    room = W - PAD - at > 6 * len(text) + 6
    x, anchor = (at + 4, "start") if room else (at - 4, "end")
    halo = ' stroke="#fff" stroke-width="3" paint-order="stroke"'
    return _text(x, 19.5, esc(text), anchor, f"{halo}{BOLD}")


def chart(result: Result, lang: str) -> str:
    """Exactly one ``svg.bullet`` for every target, whatever its kind and data."""
    if result.target.kind is Kind.MILESTONE or isinstance(result.target.value, bool):
        return _chip(result, lang)
    if result.target.kind is Kind.ORDINAL:
        return _ordinal(result, lang)
    return _numeric(result, lang)


def _details(result: Result, lang: str) -> str:
    """The plan's words, the file's reading of them, the arithmetic and the figure's source."""
    t, a, words = result.target, result.actual, _w(lang)
    facts = [("quote", f"“{t.quote}”"), ("note", t.note.get(lang) if t.note else "")]
    if a is not None:
        where = f"{a.file}:{a.line}" if a.file and a.line else a.file
        facts += [("raw", f"{a.raw!r} ({where})" if where else repr(a.raw)), ("source", a.source)]
        facts += [("datanote", a.note)]
    rows = "".join(
        f"<dt>{words[k]}</dt><dd>{linked(v) if k == 'source' else esc(v)}</dd>" for k, v in facts if v
    )
    summary = esc(reason(result).get(lang)) if result.status is not Status.NO_DATA else words["details"]
    return f"<details{' open' if a else ''}><summary>{summary}</summary><dl>{rows}</dl></details>"


def _row(result: Result, card: Scorecard, lang: str) -> str:
    t, words, status = result.target, _w(lang), result.status
    word = commitment_word(t.commitment, lang)
    commitment = f'<span class="cm {t.commitment.value}">{word}</span>' if word else ""
    wording = f"{words['target']} {esc(fmt.target_wording(t, lang))}"
    if result.expected is not None:
        wording += f" · {words['now']} {esc(expected_text(result, lang))}"
    numbers = f"<b>{esc(actual_text_lang(result, lang))}</b>"
    numbers += "".join(f"<span>{esc(p)}</span>" for p in [own_period(result, card, lang)] if p)
    numbers += f"<span>{words['gap']} {gap_text(result)}</span>" if result.gap is not None else ""
    numbers += f"<span>{words['ratio']} {ratio_percent(result)}</span>" if result.ratio is not None else ""
    details = _details(result, lang)
    return (
        f'<div class="row s-{status.value}" id="t-{esc(t.id)}">'
        f'<div class="st">{STATUS_SYMBOL[status]} {status_word(status, lang)}</div>'
        f'<div class="ind"><div class="name">{commitment}{esc(t.name.get(lang))}</div>'
        f'<span class="tw">{wording}</span>{details if result.actual is None else ""}</div>'
        f'{chart(result, lang)}<div class="num">{numbers}</div>'
        f"{details if result.actual is not None else ''}</div>"
    )


def _swatch(shape: str, width: int = 26) -> str:
    return f'<svg width="{width}" height="14" aria-hidden="true">{shape}</svg>'


def _header(card: Scorecard, lang: str) -> str:
    """The tally, one chip per status with its bar style, and a key to the charts."""
    words, counts = _w(lang), card.tally()
    tally = "".join(
        f'<li class="s-{s.value}">{_swatch(_rect(1, 3, 20, 8, _paint(s)), 22)}{STATUS_SYMBOL[s]} '
        f"{status_word(s, lang)}<b>{counts[s]}</b></li>"
        for s in statuses_shown(card)
    )
    keys = [
        (_rect(1, 3, 24, 8, _paint(Status.MET)), words["bar"]),
        (_vline(13, TARGET_LINE, 0, 14), words["marker"]),
        (_rect(1, 1, 24, 12, f'fill="{MET_ZONE}"'), words["met"]),
        (_rect(1, 1, 24, 12, 'fill="url(#band)"'), words["near"]),
        (_rect(1, 3, 14, 8, 'fill="#1e7b34"') + ARROW, words["bound"]),
    ]
    if any(r.expected is not None for r in card.results):
        keys.append((_vline(13, EXPECTED_LINE, 0, 14), words["expected"]))
    legend = "".join(f"<span>{_swatch(shape)} {text}</span>" for shape, text in keys)
    return f'<ul class="tally">{tally}</ul>\n<p class="legend">{legend}</p>'


def _section(area: Area, results: list[Result], card: Scorecard, options: ReportOptions, head: str) -> str:
    """An area: its heading kept on the page of its first row, its rows, its no-data targets by name."""
    lang = options.lang if options.lang == "en" else "zh"
    rows, no_data = split_no_data(results, options)
    title = (
        f'<h2>{esc(heading(area, card, lang))}<span class="count">'
        f"{esc(tally_text(card.tally(area.id), lang))}</span></h2>\n"
    )
    lines = [_row(r, card, lang) + "\n" for r in rows]
    if rows:
        title += f'<div class="row head">{head}</div>\n{lines.pop(0)}'
    missing = f'<p class="nodata">{esc(no_data_line(no_data, lang))}</p>\n' if no_data else ""
    return f'<section>\n<div class="keep">{title}</div>\n{"".join(lines)}{missing}</section>\n'


def scorecard(card: Scorecard, options: ReportOptions) -> str:
    """The whole report as one HTML document (ends with a newline)."""
    lang = "en" if options.lang == "en" else "zh"
    words, plan = _w(lang), card.catalogue.plan
    publisher = plan.publisher.get(lang) if plan.publisher else None
    footer = " · ".join(esc(p) for p in (publisher, plan.published.isoformat()) if p)
    if plan.url:
        footer += f" · {linked(plan.url)}"
    title = esc(plan.title.get(lang))
    passed = "fail" if card.failing(options.fail_on) else "pass"
    period = esc(period_text(card.period, lang, plan))
    head = "".join(f"<div>{words[k]}</div>" for k in ("status", "indicator", "chart", "actual"))
    sections = "".join(_section(area, results, card, options, head) for area, results in card.by_area())
    skipped = f'<p class="dim">{words["skipped"]}: {card.skipped_unknown}</p>\n' * bool(card.skipped_unknown)
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n'
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title} — {words['title']}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{_DEFS}\n"
        "<header>\n"
        f'<h1>{title}</h1>\n<p class="sub">{words["title"]} · {period}'
        f" · {words['file']} {esc(card.catalogue.path)}</p>\n"
        f'<p class="sub stamp">{esc(stamp(card, options))}</p>\n'
        f'<p class="verdict {passed}"><b>{words["verdict"]}</b>{esc(verdict(card, options))}</p>\n'
        f"{_header(card, lang)}\n</header>\n<main>\n{sections}</main>\n{skipped}"
        f"<footer>{footer}</footer>\n"
        "</body>\n</html>\n"
    )
