"""Write a draft as a targets file: the format `gxcheck validate` reads, with comments for the reviewer.

Written by hand rather than by a YAML dumper so that the keys keep the catalogue's order and
every string is double-quoted (a Chinese quote such as 是 or a value such as 2024-03-01 must
stay text). Characters YAML cannot hold are escaped.
"""

from __future__ import annotations

from decimal import Decimal

from gxcheck.draft.model import Draft, DraftTarget, Exclusion
from gxcheck.model import Text

REVIEW_ZH, REVIEW_EN = "【需核对】", "[REVIEW] "


def _printable(ch: str) -> bool:
    code = ord(ch)
    yaml_ok = code in (0x09, 0x0A, 0x0D) or 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF
    yaml_ok = yaml_ok or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF
    return yaml_ok and ch.isprintable()


def q(text: str) -> str:
    """A YAML double-quoted scalar holding ``text`` exactly."""
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif _printable(ch):
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _value(value: Decimal | str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return number(value)
    return q(value)


def _text(text: Text, indent: str) -> list[str]:
    return [f"{indent}zh: {q(text.zh)}", f"{indent}en: {q(text.en)}"]


def _note(target: DraftTarget) -> Text:
    zh = "".join(n.zh for n in target.notes)
    en = " ".join(n.en for n in target.notes)
    if target.review:
        zh, en = REVIEW_ZH + zh, REVIEW_EN + en
    return Text(zh, en)


def _target(target_id: str, area_id: str, t: DraftTarget, draft: Draft) -> list[str]:
    lines = [
        f"  - id: {target_id}",
        f"    area: {area_id}",
        f"    name: {q(t.name)}",
        f"    kind: {t.kind.value}",
        f"    op: {q(t.op.value)}",
        f"    value: {_value(t.value)}",
    ]
    if t.tolerance is not None:
        lines.append(f"    tolerance: {number(t.tolerance)}")
    if t.scale is not None:
        lines.append(f"    scale: [{', '.join(q(s) for s in t.scale)}]")
    lines.append(f"    unit: {q(t.unit)}")
    lines.append(f"    commitment: {t.commitment.value}")
    if t.deadline is not None:
        lines.append(f"    deadline: {t.deadline.isoformat()}")
    first_year = draft.first_year
    if first_year is not None and t.horizon is not None and first_year <= t.horizon.last < draft.year:
        lines.append(f"    horizon: {t.horizon.last}  # {t.horizon.words}")
    elif t.horizon is not None:
        since = f"{t.horizon.first}—" if t.horizon.first else ""
        lines.append(
            f"    # horizon: {since}{t.horizon.last} ({t.horizon.words}): not the plan's year; check it"
        )
    lines.append(f"    quote: {q(t.quote)}")
    lines.append("    note:")
    lines.extend(_text(_note(t), "      "))
    return lines


def _exclusion(e: Exclusion) -> list[str]:
    return [f"  - quote: {q(e.quote)}", "    reason:", *_text(e.reason, "      ")]


def to_yaml(draft: Draft, area_ids: dict[str, str]) -> str:
    """The targets file for ``draft``; ``area_ids`` maps each area's key to its id."""
    review = draft.needs_review()
    numbers = sum(e.numbers for e in draft.excluded)
    lines = [
        f"# Drafted by `gxcheck draft` from {draft.source}. A first draft: review every target against",
        "# the plan before use (kind, op, value, unit, commitment; each note says what was inferred).",
        f"# {len(draft.targets)} targets in {len(draft.areas)} areas; {review} marked 【需核对】/[REVIEW];",
        f"# {numbers} numbers of the text did not become targets: each is under `excluded:` with why.",
        "version: 1",
        "plan:",
        f"  title: {q(draft.title)}",
    ]
    if draft.first_year is not None:
        lines += [f"  first_year: {draft.first_year}  # from the title's span", f"  last_year: {draft.year}"]
    else:
        guessed = "  # guessed from the text: check it (or pass --year)" if draft.year_guessed else ""
        lines.append(f"  year: {draft.year}{guessed}")
    if draft.published is not None:
        lines.append(f"  published: {draft.published.isoformat()}")
    else:
        first = draft.first_year or draft.year
        lines.append(f"  published: {first}-01-01  # not found in the text: set the publication date")
    if draft.publisher:
        lines.append(f"  publisher: {q(draft.publisher)}")
    if draft.url:
        lines.append(f"  url: {q(draft.url)}")
    lines.append("areas:")
    for area in draft.areas:
        numbered = "true" if area.numbered else "false"
        lines.append(f"  - {{id: {area_ids[area.id]}, zh: {q(area.title)}, numbered: {numbered}}}")
    lines.append("targets:")
    for target_id, target in draft.targets:
        lines.extend(_target(target_id, area_ids[target.area], target, draft))
        lines.append("")
    if draft.excluded:
        lines.append("excluded:")
        for exclusion in draft.excluded:
            lines.extend(_exclusion(exclusion))
    return "\n".join(lines).rstrip("\n") + "\n"
