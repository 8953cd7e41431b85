"""Make untrusted text harmless where it is shown: terminals and error messages."""

from __future__ import annotations

import re

# C0 and C1 control characters (ESC among them) and DEL; tab and newline are kept
# out too, because a cell or a message is one line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Control characters become ``\\x1b``-style escapes, so an ANSI sequence or a
    bidi override in a name or note cannot take over the terminal."""
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text an XML document can hold: characters XML forbids are shown as ``\\x1b`` escapes."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
