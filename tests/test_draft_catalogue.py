"""`gxcheck draft` measured on the bundled plans against their hand-made catalogues.

Two figures, printed and held to: the share of a catalogue's targets the draft reproduces
(same op, value, unit and commitment, matched one to one by overlapping quotes), at least
90 %; and the share of drafted targets that are neither a catalogue target nor a catalogue
exclusion, at most 10 %.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from gxcheck.draft import DraftTarget, draft
from gxcheck.draft.normalise import normalise
from gxcheck.model import Catalogue, Target
from gxcheck.targets import load_bundled

DATA = ROOT / "gxcheck" / "data"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same(t: Target, d: DraftTarget) -> bool:
    return (t.op, t.value, t.unit, t.commitment) == (d.op, d.value, d.unit, d.commitment)


def measure(name: str) -> tuple[Catalogue, list[DraftTarget], list[Target], list[DraftTarget]]:
    """The catalogue, the draft, catalogue targets reproduced, drafted targets unaccounted for."""
    catalogue = load_bundled(name)
    text = (DATA / f"{name}.source.txt").read_text(encoding="utf-8")
    after = max(text.find("二、2024年工作打算"), 0)  # quotes are from the plan part, not the review

    def span(quote: str) -> tuple[int, int]:
        at = text.find(quote, after)
        assert at >= 0, quote
        return at, at + len(quote)

    drafted = [t for _, t in draft(text, source=f"{name}.source.txt").targets]
    spans = {id(d): (d.start, d.start + len(d.quote)) for d in drafted}
    free = list(drafted)
    reproduced = []
    for target in catalogue.targets:
        found = next(
            (d for d in free if _overlaps(span(target.quote), spans[id(d)]) and _same(target, d)), None
        )
        if found is not None:
            free.remove(found)
            reproduced.append(target)
    accounted = [span(t.quote) for t in catalogue.targets] + [span(e.quote) for e in catalogue.excluded]
    stray = [d for d in drafted if not any(_overlaps(spans[id(d)], s) for s in accounted)]
    return catalogue, drafted, reproduced, stray


@pytest.mark.parametrize("name", ["2024", "2023-2027"])
def test_the_draft_reproduces_the_catalogue(name: str) -> None:
    catalogue, drafted, reproduced, stray = measure(name)
    share = len(reproduced) / len(catalogue.targets)
    stray_share = len(stray) / len(drafted)
    missed = [t.id for t in catalogue.targets if t not in reproduced]
    print(
        f"\ndraft vs catalogue {name}: {len(reproduced)}/{len(catalogue.targets)} reproduced ({share:.0%}); "
        f"{len(stray)}/{len(drafted)} drafted targets neither a target nor an exclusion ({stray_share:.0%}); "
        f"not reproduced: {', '.join(missed) or 'none'}"
    )
    assert share >= 0.9
    assert stray_share <= 0.1


@pytest.mark.parametrize("name", ["2024", "2023-2027"])
def test_every_drafted_quote_is_verbatim_and_where_the_draft_says(name: str) -> None:
    text = (DATA / f"{name}.source.txt").read_text(encoding="utf-8")
    for _, target in draft(text).targets:
        assert text[target.start : target.start + len(target.quote)] == target.quote
    assert len(normalise(text)) == len(text)
