"""The safe YAML reader: plain values only, and the line of every mapping, key and list item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.errors import InputError
from gxcheck.yamlsafe import LineDict, LineList, line_of, parse

TEXT = """\
# a comment
plan:
  year: 2024
  published: 2024-03-01
items:
  - {id: a}

  - id: b
    flag: true
empty: ~
ratio: 0.5
"""


def test_mappings_remember_their_line_and_the_line_of_each_key() -> None:
    doc = parse(TEXT, "x.yaml")
    assert isinstance(doc, LineDict)
    assert doc.line == 2
    assert doc.key_lines == {"plan": 2, "items": 5, "empty": 10, "ratio": 11}
    assert isinstance(doc["plan"], LineDict)
    assert (doc["plan"].line, doc["plan"].key_lines) == (3, {"year": 3, "published": 4})


def test_lists_remember_their_line_and_the_line_of_each_item() -> None:
    items = parse(TEXT, "x.yaml")["items"]
    assert isinstance(items, LineList)
    assert items.line == 6
    assert items.item_lines == [6, 8]
    assert [line_of(item) for item in items] == [6, 8]
    assert items[1].key_lines == {"id": 8, "flag": 9}


def test_scalars_become_plain_python_values() -> None:
    doc = parse(TEXT, "x.yaml")
    assert doc == {
        "plan": {"year": 2024, "published": dt.date(2024, 3, 1)},
        "items": [{"id": "a"}, {"id": "b", "flag": True}],
        "empty": None,
        "ratio": 0.5,
    }
    assert line_of(doc["ratio"]) is None
    assert line_of(doc["ratio"], 7) == 7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", "x.yaml:3: key 'a' appears twice in this mapping"),
        ("a: 1\n2024: x\n", "x.yaml:2: key 2024 must be text"),
        (
            "a: 1\nwhen: 2024-03-01 10:00:00\n",
            "x.yaml:2: '2024-03-01 10:00:00': a date and time is not allowed (use YYYY-MM-DD)",
        ),
        (
            "a: !!set {x, y}\n",
            "x.yaml:1: YAML tag 'tag:yaml.org,2002:set' is not allowed (plain values only)",
        ),
        (
            "a:\n  - !!binary aGk=\n",
            "x.yaml:2: YAML tag 'tag:yaml.org,2002:binary' is not allowed (plain values only)",
        ),
        ("a: 1\n---\nb: 2\n", "x.yaml:2: not valid YAML: but found another document"),
    ],
    ids=["duplicate key", "number as key", "date and time", "set tag", "binary tag", "two documents"],
)
def test_what_is_not_plain_yaml_is_rejected_with_its_line(text: str, expected: str) -> None:
    with pytest.raises(InputError) as exc:
        parse(text, "x.yaml")
    assert exc.value.lines() == [expected]


# -- in the reader's language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        pytest.param(
            "version: 1\nplan:\n  year: 010\n",
            "t.yaml:3: YAML 1.1 会把 '010' 读作 8（八进制数）；请写出要表示的数，或加上引号作为文本",
            "t.yaml:3: '010' is read as 8 (an octal number) by YAML 1.1; write the number you mean, "
            "or quote it as text",
            id="octal",
        ),
        pytest.param(
            'version: 1\nplan:\n  title: "计划\n  year: 2024\n',
            "t.yaml:3: 不是有效的 YAML：本行开始的引号没有闭合（found unexpected end of stream）",
            "t.yaml:3: not valid YAML: a quote opened on this line is never closed "
            "(found unexpected end of stream)",
            id="unclosed-quote",
        ),
        pytest.param(
            "a: &x [1]\nb: *x\n",
            "t.yaml:2: 不允许使用 YAML 别名（*name）；请把值写出来",
            "t.yaml:2: YAML aliases (*name) are not allowed; write the value out",
            id="alias",
        ),
    ],
)
def test_unusable_yaml_is_reported_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, zh: str, en: str
) -> None:
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for args, expected in (([], zh), (["--lang", "en"], en)):
        result = CliRunner().invoke(app, ["targets", "-t", "t.yaml", *args], env={"GXCHECK_LANG": None})
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected + "\n")


# Each shortcut of the builder (no anchor: no alias to look for; no hidden character and no
# escape in the whole text: a scalar without a line break is its own value) must give what
# the long way gives, on texts where one of them may not be taken.
SHORTCUT_TEXTS = [
    "a: plain\nb: [x, y]\n",
    "a: 'R&D 投入'\nb: x\n",  # an & that is not an anchor
    'a: "zero\\u200bwidth"\nb: x\n',  # a hidden character made by an escape
    "a: zero\u200bwidth\nb: x\n",  # ... and raw
    "a: 'tab\there'\n",
    "a: |\n  two\n  lines\nb: x\n",  # a line break kept in a value
    "a: |\n  \u200b\n",  # a value of an invisible character and a line break: empty
    "a: >\n  folded\n  text\n",
    "a: ok\r\nb: crlf\r\n",
    "a: &anchor x\nb: y\n",  # an anchor with no alias
    "a: |+\n\nb: x\n",  # a value that is a line break alone: empty
    "list:\n  - {id: a, name: 'x'}\n  - [1, 'y\n    z']\n",  # nested, and a folded quote
]


@pytest.mark.parametrize("text", SHORTCUT_TEXTS)
def test_the_builders_shortcuts_give_what_the_long_way_gives(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    from gxcheck import yamlsafe

    quick = parse(text, "x.yaml")
    builder = yamlsafe._Builder("x.yaml", text)
    builder.aliases, builder.plain = True, False
    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # as parse's
    assert node is not None
    slow = builder.build(node)
    assert with_lines(quick) == with_lines(slow)


def with_lines(value: object) -> object:
    """A parsed value with every line it remembers, all the way down."""
    if isinstance(value, LineDict):
        return ("map", value.line, value.key_lines, {k: with_lines(v) for k, v in value.items()})
    if isinstance(value, LineList):
        return ("list", value.line, value.item_lines, [with_lines(v) for v in value])
    return value


def test_the_shortcuts_are_taken_only_where_they_are_exact() -> None:
    from gxcheck import yamlsafe

    taken = [(b.aliases, b.plain) for b in (yamlsafe._Builder("x", t) for t in SHORTCUT_TEXTS)]
    assert taken == [
        (False, True),
        (True, True),
        (False, False),
        (False, False),
        (False, False),
        (False, True),
        (False, False),
        (False, True),
        (False, False),
        (True, True),
        (False, True),
        (False, True),
    ]
    assert parse("a: |\n  \u200b\n", "x")["a"] == ""
    assert parse("a: |+\n\nb: x\n", "x")["a"] == ""
    assert parse("a: zero\u200bwidth\n", "x")["a"] == "zero\\u200bwidth"
