"""`gxcheck draft` measured on the bundled plan against the hand-made catalogue.

Two figures, printed and held to: the share of the catalogue's targets the draft reproduces
(same op, value, unit and commitment, matched one to one by overlapping quotes), at least
90 %; and the share of drafted targets that are neither a catalogue target nor a catalogue
exclusion, at most 10 %.
"""

from __future__ import annotations

from conftest import ROOT

from gxcheck.draft import DraftTarget, draft
from gxcheck.draft.normalise import normalise
from gxcheck.model import Catalogue, Target
from gxcheck.targets import load_bundled

SOURCE = ROOT / "gxcheck" / "data" / "2024.source.txt"
TEXT = SOURCE.read_text(encoding="utf-8")
PART_TWO = TEXT.index("二、2024年工作打算")


def _span(quote: str) -> tuple[int, int]:
    at = TEXT.find(quote, PART_TWO)
    assert at >= 0, quote
    return at, at + len(quote)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same(t: Target, d: DraftTarget) -> bool:
    return (t.op, t.value, t.unit, t.commitment) == (d.op, d.value, d.unit, d.commitment)


def measure(catalogue: Catalogue) -> tuple[list[Target], list[DraftTarget], list[DraftTarget]]:
    """Catalogue targets reproduced, drafted targets matched, and drafted targets unaccounted for."""
    drafted = [t for _, t in draft(TEXT, source=SOURCE.name).targets]
    spans = {id(d): (d.start, d.start + len(d.quote)) for d in drafted}
    free = list(drafted)
    reproduced = []
    for target in catalogue.targets:
        span = _span(target.quote)
        match = next((d for d in free if _overlaps(span, spans[id(d)]) and _same(target, d)), None)
        if match is not None:
            free.remove(match)
            reproduced.append(target)
    accounted = [_span(t.quote) for t in catalogue.targets]
    accounted += [_span(e.quote) for e in getattr(catalogue, "excluded", ())]
    stray = [d for d in drafted if not any(_overlaps(spans[id(d)], s) for s in accounted)]
    return reproduced, [d for d in drafted if d not in free], stray


def test_the_draft_reproduces_the_catalogue() -> None:
    catalogue = load_bundled("2024")
    reproduced, _, stray = measure(catalogue)
    drafted = len(draft(TEXT, source=SOURCE.name).targets)
    share = len(reproduced) / len(catalogue.targets)
    stray_share = len(stray) / drafted
    missed = [t.id for t in catalogue.targets if t not in reproduced]
    print(
        f"\ndraft vs catalogue: {len(reproduced)}/{len(catalogue.targets)} reproduced ({share:.0%}); "
        f"{len(stray)}/{drafted} drafted targets neither a target nor an exclusion ({stray_share:.0%}); "
        f"not reproduced: {', '.join(missed) or 'none'}"
    )
    assert share >= 0.9
    assert stray_share <= 0.1


def test_every_drafted_quote_is_verbatim_and_where_the_draft_says() -> None:
    for _, target in draft(TEXT, source=SOURCE.name).targets:
        assert TEXT[target.start : target.start + len(target.quote)] == target.quote
    assert len(normalise(TEXT)) == len(TEXT)
