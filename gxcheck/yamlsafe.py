"""Read YAML safely and keep the line of every value, for located error messages.

We compose the node graph ourselves instead of constructing objects: only the
standard scalar tags, mappings and sequences are accepted, so a ``!!python/…``
tag is an error and nothing runs; an alias is rejected, so a "billion laughs"
document cannot expand.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from typing import Any

import yaml

from gxcheck.errors import InputError, Message, Problem, msg
from gxcheck.textsafe import blank, has_hidden, has_hidden_but_newline, safe_text

try:  # libyaml is much faster; the pure-Python loader is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_DATE_TAG = "tag:yaml.org,2002:timestamp"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_constructor = yaml.constructor.SafeConstructor()


class LineDict(dict[str, Any]):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence that remembers the line of itself and of each item (1-based)."""

    line: int
    item_lines: list[int]


def line_of(value: Any, default: int | None = None) -> int | None:
    """The line a composed mapping or sequence started on."""
    return getattr(value, "line", default)


def parse(text: str, file: str) -> Any:
    """Parse one YAML document into plain values with line numbers attached."""
    # A catalogue of 10,000 targets is a quarter of a million nodes, none of them garbage:
    # the cyclic collector would walk them again and again for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, file)
    finally:
        if collecting:
            gc.enable()


def _parse(text: str, file: str) -> Any:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "not valid YAML"
        message = msg("yaml.invalid", problem=what)
        if exc.context_mark is not None and (exc.context or "").startswith("while scanning a quoted scalar"):
            # An unclosed quote is found at the end of the file; point where it opens.
            line = exc.context_mark.line + 1
            message = msg("yaml.unclosed_quote", problem=what)
        raise InputError([Problem(file, line, message)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, raw in the file
        found = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        line = text[:found].count("\n") + 1 if found >= 0 else None
        message = (
            msg("yaml.bad_character", code=exc.character)
            if isinstance(exc.character, int)
            else msg("yaml.bad_character_unknown")
        )
        raise InputError([Problem(file, line, message)]) from None
    except yaml.YAMLError as exc:
        what = " ".join(str(exc).split())
        raise InputError([Problem(file, None, msg("yaml.invalid", problem=what))]) from None
    if node is None:
        raise InputError([Problem(file, 1, msg("yaml.empty"))])
    return _Builder(file, text).build(node)


_OCTAL_OR_BASE = re.compile(r"[-+]?0(?:[0-7_]+|[xob][0-9a-fA-F_]+)$")


def _text(value: str) -> str:
    """A text as the model keeps it (:func:`safe_text`: control and invisible characters
    escaped), and a text made only of invisible characters is empty (so a name of one
    zero-width space is refused as empty)."""
    if not has_hidden(value):
        return value
    if blank(value):
        return ""
    return safe_text(value)


def _yaml11_surprise(node: yaml.ScalarNode) -> Message | None:
    """YAML 1.1 reads some plain scalars as numbers or booleans nobody meant: 1:30 is 90
    (base 60), 010 is 8 (octal), 0x10 is 16, yes/no/on/off are booleans. Refused, saying
    what YAML read and how to write what was meant."""
    text = node.value
    kind = None
    if node.tag in (_INT_TAG, _FLOAT_TAG) and ":" in text:
        kind = msg("yaml.base60")
    elif node.tag == _INT_TAG and _OCTAL_OR_BASE.match(text):
        base = text.lstrip("+-")[1:2]
        kind = (
            msg("yaml.hexadecimal")
            if base == "x"
            else msg("yaml.binary")
            if base == "b"
            else msg("yaml.octal")
        )
    elif node.tag == _BOOL_TAG and text.lower() not in ("true", "false"):
        meant = "true" if text.lower() in ("yes", "y", "on") else "false"
        return msg("yaml.read_as_bool", text=text, meant=meant)
    if kind is None:
        return None
    try:
        value = _constructor.construct_object(node)
    except ValueError:  # 0x_ or 0b_: the shape of a number in a base, with no digit
        return msg("yaml.not_a_number", text=text)
    return msg("yaml.read_as_number", text=text, value=value, kind=kind)


class _Builder:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.seen: set[int] = set()
        # Shortcuts for a big file, each exact: with no anchor (&) there is no alias, so no
        # node can be met twice; with no hidden character and no escape (\) in the whole
        # text, a scalar can hold none but a line break, so one without is its own value.
        self.aliases = "&" in text
        self.plain = "\\" not in text and not has_hidden_but_newline(text)

    def string(self, node: yaml.ScalarNode) -> str:
        value: str = node.value
        return value if self.plain and "\n" not in value else _text(value)

    def alias_line(self) -> int | None:
        """Where the first alias stands (composing shares its node with the anchor)."""
        for event in yaml.parse(self.text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                return int(event.start_mark.line) + 1
        return None  # pragma: no cover - only called when an alias was composed

    def fail(self, node: yaml.Node, message: Message) -> InputError:
        return InputError([Problem(self.file, node.start_mark.line + 1, message)])

    def build(self, node: yaml.Node) -> Any:
        if self.aliases:
            if id(node) in self.seen:
                raise InputError([Problem(self.file, self.alias_line(), msg("yaml.alias"))])
            self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR_TAG:  # most scalars: the text is the value
                return self.string(node)
            if node.tag not in _SCALAR_TAGS:
                raise self.fail(node, msg("yaml.tag", tag=node.tag))
            surprise = _yaml11_surprise(node)
            if surprise is not None:
                raise self.fail(node, surprise)
            try:
                value = _constructor.construct_object(node)
            except (ValueError, KeyError, yaml.constructor.ConstructorError):
                text = node.value
                bad = (
                    msg("yaml.invalid_date", text=text)
                    if node.tag == _DATE_TAG
                    else msg("yaml.not_a_number", text=text)
                )
                raise self.fail(node, bad) from None
            if isinstance(value, dt.datetime):
                raise self.fail(node, msg("yaml.datetime", text=node.value))
            return value
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise self.fail(node, msg("yaml.tag", tag=node.tag))
            items = LineList(self.build(item) for item in node.value)
            items.line = node.start_mark.line + 1
            items.item_lines = [item.start_mark.line + 1 for item in node.value]
            return items
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                raise self.fail(node, msg("yaml.tag", tag=node.tag))
            mapping = LineDict()
            mapping.line = node.start_mark.line + 1
            mapping.key_lines = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.fail(key_node, msg("yaml.merge"))
                key = self.build(key_node)
                if not isinstance(key, str):
                    raise self.fail(key_node, msg("yaml.key_text", key=key))
                if key in mapping:
                    raise self.fail(key_node, msg("yaml.key_twice", key=key))
                mapping[key] = self.build(value_node)
                mapping.key_lines[key] = key_node.start_mark.line + 1
            return mapping
        raise self.fail(node, msg("yaml.unsupported"))  # pragma: no cover
