"""Line breaking for mixed Chinese and Latin text.

rich breaks lines only at spaces, so a sentence of Chinese (which has none) is pushed whole
onto the next line and then chopped. Chinese may break between any two characters, except
that a line must not start with closing punctuation (，。；：）” …) nor end with an opening
one (（“ …); Latin words, numbers and units stay whole.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

GLUE = "\u00a0"  # a no-break space: what it joins stays on one line (a name and its footnote number)
_WORD = r"[A-Za-z0-9_.,:;!?%'’/+\-–−±×()<>=≥≤\[\]@#&*~^|\\]+"
# A word or character glued to what follows a no-break space, a Latin word or number (with its
# own punctuation), a run of breakable spaces, or any one character.
_TOKENS = re.compile(rf"(?:{_WORD}|\S){GLUE}\S+|{_WORD}|[^\S{GLUE}]+|.")
_NO_START = set("，。、；：？！）】》」』”’…—·%,.;:!?)]}")
_NO_END = set("（【《「『“‘([{")


def break_offsets(text: str, width: int) -> list[int]:
    """Where to break ``text`` (offsets into it) so no line is wider than ``width`` cells."""
    width = max(width, 2)
    offsets: list[int] = []
    position = line_start = 0
    used = 0
    tokens = _TOKENS.findall(text)
    for index, token in enumerate(tokens):
        size = cell_len(token)
        if used + size > width and position > line_start:
            if token.isspace():  # a space at the break is dropped, not carried over
                position += len(token)
                offsets.append(position)
                line_start, used = position, 0
                continue
            cut = position
            previous = tokens[index - 1] if index else ""
            # Keep closing punctuation with the character before it, opening with the one after.
            movable = (
                previous
                and not previous.isspace()
                and cut - len(previous) > line_start
                and cell_len(previous) + size <= width
            )
            if movable and (token[0] in _NO_START or previous[-1:] in _NO_END):
                cut -= len(previous)
                used = cell_len(previous)
            else:
                used = 0
            offsets.append(cut)
            line_start = cut
        while size > width:  # a single token wider than a line: chop it
            chunk = _fit(token, width - used)
            offsets.append(position + len(chunk))
            position += len(chunk)
            token = token[len(chunk) :]
            size = cell_len(token)
            line_start, used = position, 0
        position += len(token)
        used += size
    return offsets


def _fit(token: str, width: int) -> str:
    """The longest prefix of ``token`` that fits in ``width`` cells (at least one character)."""
    taken = ""
    for char in token:
        if cell_len(taken + char) > width and taken:
            break
        taken += char
    return taken


def wrap(text: Text, width: int) -> Text:
    """``text`` with line breaks inserted for ``width`` cells, its styles kept."""
    lines = text.divide(break_offsets(text.plain, width))
    for line in lines:
        line.rstrip()
        line.plain = line.plain.replace(GLUE, " ")  # same length, so the styles stay in place
    return Text("\n").join(lines)


class Wrapped:
    """A rich renderable that breaks its text like :func:`wrap` at whatever width it is
    given: a table cell, a grid column or the terminal."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield wrap(self.text.copy(), options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(t) for t in _TOKENS.findall(self.text.plain) if len(t) > 1), default=2)
        return Measurement(min(longest, options.max_width), min(cell_len(self.text.plain), options.max_width))
