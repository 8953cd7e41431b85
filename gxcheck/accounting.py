"""Whether a targets file accounts for every number of the plan's text.

A plan's numbers are its promises. Each number in the text of the plan's part on the
year's work should lie inside the quote of a target, or of an ``excluded:`` entry that says
why it is not one; a number in neither was overlooked. Numbers are runs of Arabic digits
(ASCII or full-width, with a decimal part): Chinese numerals in the plan are names
(“十四五”, 二十大, “三个一批”), not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from gxcheck.errors import Problem, msg
from gxcheck.model import Catalogue
from gxcheck.record import record

_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


@record
class Unaccounted:
    """A number of the text in no quote: where it stands (1-based line) and its context."""

    number: str
    line: int
    context: str


def unaccounted_numbers(text: str, quotes: Iterable[str], start: int = 0) -> list[Unaccounted]:
    """The numbers of ``text`` from offset ``start`` on that lie inside no occurrence of any of
    ``quotes``; lines count from the start of ``text``."""
    covered = bytearray(len(text))
    for quote in set(quotes):
        if not quote:
            continue
        at = text.find(quote)
        while at != -1:
            covered[at : at + len(quote)] = b"\x01" * len(quote)
            at = text.find(quote, at + 1)
    found = []
    for match in _NUMBER.finditer(text, start):
        if not all(covered[match.start() : match.end()]):
            line = text.count("\n", 0, match.start()) + 1
            context = text[max(0, match.start() - 12) : match.end() + 12].replace("\n", " ")
            found.append(Unaccounted(match.group(), line, context))
    return found


def catalogue_quotes(catalogue: Catalogue) -> list[str]:
    """Every quote of a catalogue: its targets' and its exclusions'."""
    return [t.quote for t in catalogue.targets] + [e.quote for e in catalogue.excluded]


def source_problems(catalogue: Catalogue, text: str, shown: str, after: str | None = None) -> list[Problem]:
    """What a plan's text says of a catalogue: each quote must be in it verbatim, and each of
    its numbers (after the line holding ``after``, e.g. the heading of the part on the year's
    work) must lie in a target's or an exclusion's quote."""
    problems = [
        Problem(
            catalogue.path,
            t.line,
            msg(
                "targets.for_target",
                id=t.id,
                problem=msg("accounting.quote_not_in_text", quote=t.quote, text=shown),
            ),
        )
        for t in catalogue.targets
        if t.quote not in text
    ] + [
        Problem(
            catalogue.path,
            e.line,
            msg("targets.excluded", problem=msg("accounting.quote_not_in_text", quote=e.quote, text=shown)),
        )
        for e in catalogue.excluded
        if e.quote not in text
    ]
    start = 0
    if after is not None:
        found = text.find(after)
        if found == -1:
            return [
                *problems,
                Problem(shown, None, msg("accounting.after_not_in_text", after=after)),
            ]
        end = text.find("\n", found)
        start = len(text) if end == -1 else end + 1
    problems += [
        Problem(
            shown,
            u.line,
            msg("accounting.unaccounted", number=u.number, context=u.context, targets=catalogue.path),
        )
        for u in unaccounted_numbers(text, catalogue_quotes(catalogue), start)
    ]
    return problems
