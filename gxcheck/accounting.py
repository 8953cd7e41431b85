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
from dataclasses import dataclass

from gxcheck.model import Catalogue

_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


@dataclass(frozen=True)
class Unaccounted:
    """A number of the text in no quote: where it stands (1-based line) and its context."""

    number: str
    line: int
    context: str


def unaccounted_numbers(text: str, quotes: Iterable[str]) -> list[Unaccounted]:
    """The numbers of ``text`` that lie inside no occurrence of any of ``quotes``."""
    covered = bytearray(len(text))
    for quote in set(quotes):
        if not quote:
            continue
        start = text.find(quote)
        while start != -1:
            covered[start : start + len(quote)] = b"\x01" * len(quote)
            start = text.find(quote, start + 1)
    found = []
    for match in _NUMBER.finditer(text):
        if not all(covered[match.start() : match.end()]):
            line = text.count("\n", 0, match.start()) + 1
            context = text[max(0, match.start() - 12) : match.end() + 12].replace("\n", " ")
            found.append(Unaccounted(match.group(), line, context))
    return found


def catalogue_quotes(catalogue: Catalogue) -> list[str]:
    """Every quote of a catalogue: its targets' and its exclusions'."""
    return [t.quote for t in catalogue.targets] + [e.quote for e in catalogue.excluded]
