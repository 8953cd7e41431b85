"""Make untrusted text harmless where it is shown: terminals, reports and error messages.

:func:`visible` is the one escaping function; :func:`shown` applies it to every text inside
a scorecard, catalogue or any other value before a renderer sees it, so that a new format
needs no escaping of its own.
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import Any, TypeVar

# C0 and C1 control characters (ESC among them) and DEL; tab and newline are kept out too,
# because a cell or a message is one line. Then the characters that change how text around
# them is shown or are not shown at all: line and paragraph separators, bidi embeddings,
# overrides and isolates (U+202E turns text around), zero-width spaces and joiners, the
# word joiner and invisible operators, and a byte-order mark inside text.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """Control and invisible characters become ``\\x1b``/``\\u200b``-style escapes, so an
    ANSI or OSC sequence, a bidi override or a zero-width space in a name, note, path or
    option cannot take over the terminal, hide itself, or break a report's syntax."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_escape, text)


def has_hidden(text: str) -> bool:
    """Whether ``text`` holds a character :func:`visible` would escape."""
    return _CONTROL.search(text) is not None


def blank(text: str) -> bool:
    """Empty once white space and invisible characters are left out (a name made only of a
    zero-width space is empty)."""
    return not _CONTROL.sub("", text).strip()


T = TypeVar("T")
_FIELDS: dict[type, tuple[str, ...]] = {}


def shown(value: T) -> T:
    """``value`` with :func:`visible` applied to every text inside it — dataclasses, tuples,
    lists and dicts are rebuilt only where a text changed, enums and numbers kept as they are
    (a value that needs no escaping is returned itself)."""
    return _shown(value, {})  # type: ignore[no-any-return]


def _shown(value: Any, memo: dict[int, Any]) -> Any:
    if isinstance(value, str):
        return value if isinstance(value, Enum) or not _CONTROL.search(value) else visible(value)
    if isinstance(value, (int, float, Enum)) or value is None:
        return value
    key = id(value)
    if key in memo:
        return memo[key]
    result = value
    cls = type(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS.get(cls)
        if names is None:
            names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(value) if f.init)
        changes = {}
        for name in names:
            old = getattr(value, name)
            new = _shown(old, memo)
            if new is not old:
                changes[name] = new
        if changes:
            result = dataclasses.replace(value, **changes)
    elif cls is tuple or cls is list:
        items = [_shown(item, memo) for item in value]
        if any(new is not old for new, old in zip(items, value, strict=True)):
            result = cls(items)
    elif cls is dict:
        pairs = {_shown(k, memo): _shown(v, memo) for k, v in value.items()}
        if any(k not in value or value[k] is not v for k, v in pairs.items()):
            result = pairs
    memo[key] = result
    return result


# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text an XML document can hold: characters XML forbids are shown as ``\\x1b`` escapes."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
