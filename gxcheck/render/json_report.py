"""JSON: a documented, stable schema (README, "JSON output"). Keys keep their order;
Chinese stays readable (no ``\\u`` escapes); numbers are JSON numbers."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from gxcheck import __version__, fmt, span
from gxcheck.labels import STATUS_EN, STATUS_ZH
from gxcheck.model import Actual, Catalogue, Quantity, Result, Rule, Scorecard, Status, Target, Text
from gxcheck.periods import Period, span_elapsed, span_share_text
from gxcheck.render.common import ORDER, ReportOptions, stamp_of, verdict
from gxcheck.render.words import reason

SCORECARD_SCHEMA = "gxcheck/scorecard/1"
TARGETS_SCHEMA = "gxcheck/targets/1"


_PLACEHOLDER = "\u0000gxcheck-items\u0000"


def dump(doc: dict[str, Any], items: str) -> str:
    """``doc`` as indented JSON, except that each element of the list under ``items`` is written
    on one line: as readable, and fast for 10,000 targets (an indent forces Python's slow
    encoder, one line per element lets the C encoder do the work)."""
    elements = doc[items]
    body = json.dumps({**doc, items: _PLACEHOLDER}, ensure_ascii=False, indent=2)
    lines = ",\n    ".join(json.dumps(e, ensure_ascii=False) for e in elements)
    listed = f"[\n    {lines}\n  ]" if elements else "[]"
    return body.replace(json.dumps(_PLACEHOLDER), listed, 1) + "\n"


def num(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when it is whole, else the nearest float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def text(t: Text) -> dict[str, str]:
    return {"zh": t.zh, "en": t.en}


def target_dict(t: Target) -> dict[str, Any]:
    """A target with every field, normalised (defaults filled in); a multi-year plan's target
    also gives its horizon, baseline year, path and 倍增 multiple."""
    value: Any = num(t.value) if isinstance(t.value, Decimal) else t.value
    baseline: Any = num(t.baseline) if isinstance(t.baseline, Decimal) else t.baseline
    doc = {
        "id": t.id,
        "area": t.area,
        "name": text(t.name),
        "kind": t.kind.value,
        "op": t.op.value,
        "value": value,
        "unit": t.unit,
        "unit_en": fmt.unit(t, "en"),
        "tolerance": num(t.tolerance),
        "commitment": t.commitment.value,
        "baseline": baseline,
        "scale": list(t.scale) if t.scale else None,
        "deadline": t.deadline.isoformat() if t.deadline else None,
        "near_band": num(t.near_band),
        "wording": {"zh": fmt.target_wording(t, "zh"), "en": fmt.target_wording(t, "en")},
        "quote": t.quote,
        "note": text(t.note) if t.note else None,
        "line": t.line,
    }
    if t.horizon is not None:
        doc["horizon"] = t.horizon
        doc["baseline_year"] = t.baseline_year
        doc["path"] = (t.curve.value if t.curve else "linear") if span.on_path(t) else None
    if t.times is not None:
        doc["times"] = num(t.times)
    return doc


def _plan(cat: Catalogue) -> dict[str, Any]:
    """The plan; ``year`` is the year its targets are due (a multi-year plan's last year),
    and a multi-year plan also gives ``first_year``, ``last_year`` and ``base_year``."""
    p = cat.plan
    doc = {
        "title": text(p.title),
        "year": p.year,
        "published": p.published.isoformat(),
        "publisher": text(p.publisher) if p.publisher else None,
        "url": p.url,
    }
    if p.first_year is not None:
        doc |= {"first_year": p.first_year, "last_year": p.year, "base_year": p.base_year}
    return doc


def _actual(a: Actual) -> dict[str, Any]:
    value: Any
    bound = None
    if isinstance(a.parsed, Quantity):
        value, bound = num(a.parsed.value), a.parsed.bound.value
    else:
        value = a.parsed
    return {
        "raw": a.raw,
        "value": value,
        "bound": bound,
        "period": str(a.period),
        "source": a.source,
        "note": a.note,
        "file": a.file,
        "line": a.line,
    }


def _tally(counts: dict[Status, int]) -> dict[str, int]:
    return {s.value: counts[s] for s in ORDER}


def rule_dict(rule: Rule) -> dict[str, Any]:
    """The rule a verdict applied (``gxcheck.model.Rule``), field for field."""
    return {
        "op": rule.op.value,
        "better": rule.better.value,
        "threshold": num(rule.threshold),
        "basis": rule.basis.value,
        "expected": num(rule.expected),
        "start": num(rule.start),
        "share": list(rule.share) if rule.share else None,
        "near": [num(rule.near[0]), num(rule.near[1])] if rule.near else None,
        "ahead_beyond": num(rule.ahead_beyond),
        "ratio_from": num(rule.ratio_from),
        "deadline": rule.deadline.isoformat() if rule.deadline else None,
    } | ({"span": list(rule.span), "curve": rule.curve.value if rule.curve else None} if rule.span else {})


def result_dict(r: Result) -> dict[str, Any]:
    return {
        "id": r.target.id,
        "status": r.status.value,
        "status_text": {"zh": STATUS_ZH[r.status], "en": STATUS_EN[r.status]},
        "decided": r.decided,
        "reason": text(reason(r)),
        "actual": _actual(r.actual) if r.actual else None,
        "period": str(r.period) if r.period else None,
        "expected": num(r.expected),
        "gap": num(r.gap),
        "ratio": num(r.ratio.quantize(Decimal("0.0001"))) if r.ratio is not None else None,
        "rule": rule_dict(r.rule) if r.rule is not None else None,
        "target": target_dict(r.target),
    }


def scorecard(card: Scorecard, options: ReportOptions) -> str:
    """The scorecard as JSON text (ends with a newline)."""
    made = stamp_of(card, options)
    doc = {
        "schema": SCORECARD_SCHEMA,
        "gxcheck": __version__,
        "generated_at": made.generated_iso,
        "plan": _plan(card.catalogue),
        "targets_file": card.catalogue.path,
        "period": {
            "id": str(card.period),
            "end": card.period.end.isoformat(),
            "elapsed": round(float(card.period.elapsed), 4),
            "label": {"zh": card.period.label("zh"), "en": card.period.label("en")},
        }
        | _plan_share(card),
        "data_as_of": _period_dict(made.data_as_of) if made.data_as_of is not None else None,
        "fail_on": [s.value for s in ORDER if s in options.fail_on],
        "passed": not card.failing(options.fail_on),
        "verdict": {
            "zh": verdict(card, ReportOptions("zh", options.fail_on)),
            "en": verdict(card, ReportOptions("en", options.fail_on)),
        },
        "tally": _tally(card.tally()),
        "areas": [
            {"id": a.id, "title": text(a.title), "tally": _tally(card.tally(a.id))} for a, _ in card.by_area()
        ],
        "results": [result_dict(r) for r in card.results],
        "skipped_unknown": card.skipped_unknown,
    }
    return dump(doc, "results")


def _period_dict(period: Period) -> dict[str, Any]:
    """The latest period the figures cover, as the card's own period is given."""
    return {
        "id": str(period),
        "end": period.end.isoformat(),
        "label": {"zh": period.label("zh"), "en": period.label("en")},
    }


def _plan_share(card: Scorecard) -> dict[str, Any]:
    """A multi-year plan's card: the share of the whole plan passed by the card's period."""
    p = card.catalogue.plan
    if p.base_year is None:
        return {}
    share = span_elapsed(card.period, p.base_year, p.year)
    return {
        "elapsed_of_plan": round(float(share), 4),
        "share_of_plan": span_share_text(share, p.base_year, p.year),
    }


def bundled(plans: list[tuple[str, Catalogue]]) -> str:
    """``gxcheck targets --list --format json``: the bundled plans, by name."""
    doc = [{"name": name, "plan": _plan(cat), "targets": len(cat.targets)} for name, cat in plans]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def catalogue(cat: Catalogue, area: str | None = None) -> str:
    """``gxcheck targets --format json``."""
    doc = {
        "schema": TARGETS_SCHEMA,
        "gxcheck": __version__,
        "plan": _plan(cat),
        "near_fraction": num(cat.near_fraction),
        "areas": [
            {"id": a.id, "title": text(a.title), "numbered": a.numbered}
            for a in cat.areas
            if area in (None, a.id)
        ],
        "targets": [target_dict(t) for t in cat.targets if area in (None, t.area)],
        "excluded": [{"quote": e.quote, "reason": text(e.reason), "line": e.line} for e in cat.excluded],
    }
    return dump(doc, "targets")
