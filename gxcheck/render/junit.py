"""JUnit XML, the format every CI system renders: one testsuite per area, one testcase per target.

Valid against the Apache Ant JUnit schema. A status under ``--fail-on`` is a ``failure``;
no data and pending are ``skipped`` with why; everything else passes. Each suite's
``timestamp`` is when the report was made (UTC: the schema allows no offset), its
``data_as_of`` property the latest period any figure covers (absent when none does), and its
``system-out`` the verdict and the stamp line.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from gxcheck import __version__, fmt
from gxcheck.labels import STATUS_EN, STATUS_ZH
from gxcheck.model import Result, Scorecard, Status
from gxcheck.render.common import (
    ReportOptions,
    actual_text_lang,
    commitment_tag,
    heading,
    period_text,
    stamp_of,
    verdict,
)
from gxcheck.render.words import reason
from gxcheck.textsafe import xml_safe


def _testcase(result: Result, options: ReportOptions) -> ET.Element:
    t = result.target
    case = ET.Element(
        "testcase",
        name=xml_safe(f"{t.id} {t.name.zh}"),
        classname=xml_safe(f"gxcheck.{t.area}"),
        time="0",
    )
    why = reason(result).get(options.lang)
    status_words = f"{STATUS_EN[result.status]} / {STATUS_ZH[result.status]}"
    wanted = fmt.target_wording(t, options.lang)
    body = "\n".join(
        [
            f"target: {wanted}  ({t.commitment.value})",
            f"actual: {actual_text_lang(result, options.lang)}"
            + (f" ({result.actual.file}:{result.actual.line})" if result.actual else ""),
            f"status: {status_words}",
            f"reason: {why}",
            f"quote: {t.quote}",
            *([f"note: {t.note.get(options.lang)}"] if t.note else []),
        ]
    )
    if result.status in options.fail_on:
        failure = ET.SubElement(
            case,
            "failure",
            message=xml_safe(f"{status_words}{commitment_tag(result, options.lang)}: {why}"),
            type=result.status.value,
        )
        failure.text = xml_safe(body)
    elif not result.status.judged:
        skipped = ET.SubElement(case, "skipped", message=xml_safe(f"{status_words}: {why}"))
        skipped.text = xml_safe(body)
    return case


def scorecard(card: Scorecard, options: ReportOptions) -> str:
    """The scorecard as a JUnit XML document (ends with a newline)."""
    root = ET.Element("testsuites")
    plan = card.catalogue.plan
    made = stamp_of(card, options)
    fresh = [("data_as_of", str(made.data_as_of))] if made.data_as_of is not None else []
    for index, (area, results) in enumerate(card.by_area()):
        failures = sum(1 for r in results if r.status in options.fail_on)
        skipped = sum(1 for r in results if not r.status.judged and r.status not in options.fail_on)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=xml_safe(f"{area.id} {heading(area, card, 'zh')}"),
            package=xml_safe(f"gxcheck.{area.id}"),
            id=str(index),
            timestamp=made.generated_utc,
            hostname=xml_safe(options.hostname),
            tests=str(len(results)),
            failures=str(failures),
            errors="0",
            skipped=str(skipped),
            time="0",
        )
        properties = ET.SubElement(suite, "properties")
        multi_year, label = plan.is_multi_year, card.period.label(options.lang)
        for name, value in (
            ("plan", plan.title.zh),
            *([("plan.url", plan.url)] if plan.url else []),
            ("plan.year", str(plan.year)),
            *([("plan.years", plan.years_label("en")), ("plan.base_year", str(plan.base_year))] * multi_year),
            ("period", str(card.period)),
            ("period.label", period_text(card.period, options.lang, plan) if multi_year else label),
            *fresh,
            ("targets", card.catalogue.path),
            ("fail-on", ",".join(s.value for s in Status if s in options.fail_on) or "never"),
            ("gxcheck", __version__),
        ):
            ET.SubElement(properties, "property", name=name, value=xml_safe(value))
        for result in results:
            suite.append(_testcase(result, options))
        out = f"{verdict(card, options)}\n{made.text(options.lang)}"
        ET.SubElement(suite, "system-out").text = xml_safe(out)
        ET.SubElement(suite, "system-err")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
