"""Make untrusted text harmless where it is shown: terminals, reports and error messages.

:func:`visible` is the one escaping function. It is applied where text comes in — every
text of a targets file (gxcheck.yamlsafe), every cell of a CSV or workbook that reaches a
report (gxcheck.actuals), every file name (gxcheck.files) — and to every message the CLI
prints, so a renderer, old or new, never receives a raw control character.
"""

from __future__ import annotations

import re

from gxcheck.errors import Message, msg

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


_CONTROL_BUT_NEWLINE = re.compile(_CONTROL.pattern.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"))


def safe_text(text: str) -> str:
    """A text from a file as the model keeps it: its line breaks (a multi-line note) stay,
    for each renderer to lay out; every other control or invisible character is escaped."""
    if not _CONTROL_BUT_NEWLINE.search(text):
        return text
    return _CONTROL_BUT_NEWLINE.sub(_escape, text.replace("\r\n", "\n"))


def has_hidden(text: str) -> bool:
    """Whether ``text`` holds a character :func:`visible` would escape."""
    return _CONTROL.search(text) is not None


def has_hidden_but_newline(text: str) -> bool:
    """Whether ``text`` holds a character :func:`safe_text` would escape (a line break it keeps)."""
    return _CONTROL_BUT_NEWLINE.search(text) is not None


def blank(text: str) -> bool:
    """Empty once white space and invisible characters are left out (a name made only of a
    zero-width space is empty)."""
    return not _CONTROL.sub("", text).strip()


def shown_id(text: str) -> tuple[str, str]:
    """An id as a message shows it, and what is wrong with its characters, in English, for a
    message not yet worded from the catalogue (:func:`id_hint` is the catalogue's way)."""
    shown, odd = _escaped_id(text)
    if odd is None:
        return shown, ""
    return shown, _not_ascii(odd, "").text("en")


def id_hint(text: str, hint: Message) -> tuple[str, Message]:
    """An id as a message shows it, and ``hint`` led by what is wrong with its characters:
    every character outside ASCII is escaped (``\u200b``, a Cyrillic ``\u043e``), since a
    zero-width space or a look-alike letter would make ``did you mean "gdp_growth"?`` look
    like the id itself."""
    shown, odd = _escaped_id(text)
    return shown, hint if odd is None else _not_ascii(odd, hint)


def _escaped_id(text: str) -> tuple[str, str | None]:
    """The id with everything outside ASCII escaped, and its first such character."""
    if text.isascii():
        return visible(text), None
    odd = next(c for c in text if not c.isascii())
    return visible(text.encode("ascii", "backslashreplace").decode("ascii")), odd


def _not_ascii(odd: str, then: Message | str) -> Message:
    import unicodedata

    name: Message | str = unicodedata.name(odd, "") or msg("actuals.unnamed_character")
    return msg("actuals.id_not_ascii", code=f"{ord(odd):04X}", name=name, then=then)


# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text an XML document can hold: characters XML forbids are shown as ``\\x1b`` escapes."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
