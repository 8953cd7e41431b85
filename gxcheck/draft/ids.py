"""Readable ASCII ids from Chinese names, by pinyin: 新增养老床位 → xinzeng_yanglao_chuangwei.

Syllables are paired (most Chinese words have two characters), at most four pairs, so an id
stays short; Latin letters and digits in the name are kept (GDP增长 → gdp_zengzhang). The
same name always gives the same id; a repeated id gets _2, _3 … in the plan's order.
"""

from __future__ import annotations

import re

_WORD_RE = re.compile(r"[A-Za-z0-9]+|[\u3400-\u9fff]")
_MAX_PAIRS = 4


def _syllables(text: str) -> list[tuple[str, bool]]:
    """Each character's syllable, or a Latin word or number whole (marked True)."""
    from pypinyin import Style, lazy_pinyin  # only `gxcheck draft` needs it

    out: list[tuple[str, bool]] = []
    for token in _WORD_RE.findall(text):
        if token.isascii():
            out.append((token.lower(), True))
            continue
        for syllable in lazy_pinyin(token, style=Style.NORMAL, errors="ignore"):
            cleaned = re.sub(r"[^a-z]", "", syllable.replace("ü", "v").lower())
            if cleaned:
                out.append((cleaned, False))
    return out


def slug(name: str, fallback: str) -> str:
    """An id for ``name``: snake_case ASCII starting with a letter; ``fallback`` when it has none."""
    words: list[str] = []
    pending = ""
    for syllable, whole in _syllables(name):
        if whole:
            words.extend([pending, syllable] if pending else [syllable])
            pending = ""
        elif pending:
            words.append(pending + syllable)
            pending = ""
        else:
            pending = syllable
    if pending:
        words.append(pending)
    text = "_".join(words[:_MAX_PAIRS])[:48].strip("_")
    if not text:
        return fallback
    return text if text[0].isalpha() else f"{fallback}_{text}"


class Ids:
    """Hands out unique ids in order."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, name: str, fallback: str) -> str:
        base = slug(name, fallback)
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}_{n}"
        self.used.add(candidate)
        return candidate
