"""Labels on ordinal scales (water classes, credit ratings) compared leniently."""

from __future__ import annotations

import unicodedata

_SUFFIXES = ("类", "級", "级")


def normalise_label(label: str) -> str:
    """Compare labels as people write them: ``Ⅳ``, ``IV``, ``Ⅳ类`` and ``iv`` are one label.

    NFKC turns the Roman-numeral characters (U+2160…) and full-width letters
    into ASCII, then case and a trailing 类/级 are ignored.
    """
    text = unicodedata.normalize("NFKC", label).strip().upper().replace(" ", "")
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return text
