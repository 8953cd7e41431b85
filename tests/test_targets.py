"""The targets loader: every error path with the exact message a user sees, YAML safety,
and what a valid file loads into.

The documents are small and built here. ``HEAD`` is lines 1-10; the first target starts on
line 11 with its keys in this order, one a line::

    11 id  12 area  13 name  14 kind  15 op  16 value  17 unit  18 commitment  19 quote  20+ extra keys
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.errors import InputError
from gxcheck.model import Area, Commitment, Kind, Op, Plan, Target, Text
from gxcheck.targets import load_targets, parse_targets

FILE = "t.yaml"

HEAD = """\
version: 1
plan:
  title: {zh: 计划, en: Plan}
  year: 2024
  published: 2024-03-01
  publisher: {zh: 发布者, en: Publisher}
  url: https://example.invalid/plan
areas:
  - {id: headline, zh: 主要预期目标, en: Headline targets}
targets:
"""

# The keys of a valid target, as raw YAML text.
BASE = {
    "id": "t",
    "area": "headline",
    "name": "{zh: 名称, en: Name}",
    "kind": "increment",
    "op": '">="',
    "value": "5",
    "unit": '"个"',
    "commitment": "plain",
    "quote": "新增5个",
}

REQUIRED = "id, area, name, kind, op, value, unit, commitment, quote"
TARGET_KEYS = (
    "id, area, name, kind, op, value, unit, unit_en, commitment, quote, "
    "tolerance, baseline, scale, deadline, near_band, note, horizon, baseline_year, path, times"
)
TOP_KEYS = "version, plan, near_fraction, areas, targets, excluded"
NAME_RULE = (
    "must be non-empty text, or a mapping {zh: 名称, en: Name} "
    "(en may be left out: English output then shows the Chinese)"
)
ID_RULE = "must be snake_case ASCII: a-z first, then a-z, 0-9, _"
PYTHON_TAG = "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed (plain values only)"
OPS = ">=, >, <=, <, ==, about, done"
KINDS = "growth, increment, level, stock, share, ceiling, rank, ordinal, milestone"
MILESTONE = {"kind": "milestone", "op": "done", "value": "true", "unit": '""'}
ORDINAL = {"kind": "ordinal", "op": '"<="', "unit": '"类"', "scale": "[Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ, 劣Ⅴ]"}


def target(**changes: str | None) -> str:
    """One target as a YAML block: ``changes`` replace keys of BASE in place, add new keys
    after ``quote``, or drop a key (None). Values are raw YAML text."""
    keys = {**BASE, **changes}
    lines = [f"{key}: {value}" for key, value in keys.items() if value is not None]
    return "  - " + "\n    ".join(lines) + "\n"


def doc(*targets: str, head: str = HEAD) -> str:
    return head + "".join(targets)


def with_first(**changes: str | None) -> str:
    """A document whose first target (id "t", from line 11) has ``changes``; a valid target "ok"
    follows on lines 20+ (or later) so the area never ends up without targets."""
    return doc(target(**changes), target(id="ok"))


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as exc:
        parse_targets(text, FILE)
    return exc.value.lines()


# -- every error path: (document, the exact messages) ------------------------------------------

ERRORS = {
    "yaml syntax: a colon in a plain quote": (
        with_first(quote="新增: 5个"),
        ["t.yaml:19: not valid YAML: mapping values are not allowed in this context"],
    ),
    "yaml syntax: a tab in the indentation": (
        with_first().replace("    unit:", "\tunit:", 1),
        ["t.yaml:17: not valid YAML: found a tab character that violates indentation"],
    ),
    "top level is a list": (
        "- version: 1\n- plan: x\n",
        ["t.yaml:1: the top level must be a mapping with keys version, plan, areas, targets"],
    ),
    "top level is text": (
        "just some words\n",
        ["t.yaml:1: the top level must be a mapping with keys version, plan, areas, targets"],
    ),
    "empty file": ("", ["t.yaml:1: the file is empty (expected a mapping of plan, areas, targets)"]),
    "only a comment": (
        "# nothing here yet\n",
        ["t.yaml:1: the file is empty (expected a mapping of plan, areas, targets)"],
    ),
    "unknown top-level key": (
        with_first() + "owner: me\n",
        [f't.yaml:29: top level: unknown key "owner" (allowed: {TOP_KEYS})'],
    ),
    "misspelt top-level key": (
        doc(target(), head=HEAD.replace("version:", "versoin:")),
        [
            f't.yaml:1: top level: unknown key "versoin" (did you mean "version"? allowed: {TOP_KEYS})',
            't.yaml:1: top level: missing key "version"',
        ],
    ),
    "unsupported version": (
        doc(target(), head=HEAD.replace("version: 1", "version: 2")),
        ["t.yaml:1: version 2 is not supported (use 1)"],
    ),
    "near_fraction above 1": (
        doc(target(), head=HEAD.replace("areas:", "near_fraction: 1.5\nareas:")),
        ["t.yaml:8: near_fraction 1.5 must be a number from 0 to 1"],
    ),
    "plan without year": (
        doc(target(), head=HEAD.replace("  year: 2024\n", "")),
        ["t.yaml:3: plan: missing year"],
    ),
    "plan with an empty url": (
        doc(target(), head=HEAD.replace("https://example.invalid/plan", '""')),
        ["t.yaml:7: plan.url must be the address the plan was published at (or leave it out)"],
    ),
    "misspelt target key": (
        with_first(tolerence="0.5"),
        [
            't.yaml:20: target "t": unknown key "tolerence" '
            f'(did you mean "tolerance"? allowed: {TARGET_KEYS})'
        ],
    ),
    "unknown target key": (
        with_first(colour="red"),
        [f't.yaml:20: target "t": unknown key "colour" (allowed: {TARGET_KEYS})'],
    ),
    "missing unit and quote": (
        with_first(unit=None, quote=None),
        [f't.yaml:11: target "t": missing unit, quote (required: {REQUIRED})'],
    ),
    "missing id": (
        with_first(id=None),
        [f't.yaml:11: target "?": missing id (required: {REQUIRED})'],
    ),
    "value is not a number": (
        with_first(kind="growth", value='"8%"', unit='"%"'),
        ["t.yaml:16: target \"t\": value '8%' must be a number for kind growth"],
    ),
    "value true for a numeric kind": (
        with_first(value="true"),
        ['t.yaml:16: target "t": value True must be a number for kind increment'],
    ),
    "name is a number": (
        with_first(name="5"),
        [f't.yaml:13: target "t": name {NAME_RULE}'],
    ),
    "name with only en": (
        with_first(name="{en: Name}"),
        [f't.yaml:13: target "t": name {NAME_RULE}'],
    ),
    "name with an empty en": (
        with_first(name='{zh: 名称, en: ""}'),
        [f't.yaml:13: target "t": name {NAME_RULE}'],
    ),
    "misspelt op": (
        with_first(op="abuot"),
        [f't.yaml:15: target "t": unknown op "abuot" (did you mean "about"? use one of {OPS})'],
    ),
    "unknown op": (
        with_first(op="at least"),
        [f't.yaml:15: target "t": unknown op "at least" (use one of {OPS})'],
    ),
    "misspelt area": (
        with_first(area="headlines"),
        ['t.yaml:12: target "t": unknown area "headlines" (did you mean "headline"? use one of headline)'],
    ),
    "undeclared area": (
        with_first(area="risk"),
        ['t.yaml:12: target "t": unknown area "risk" (use one of headline)'],
    ),
    "misspelt kind": (
        with_first(kind="incremnt"),
        [f't.yaml:14: target "t": unknown kind "incremnt" (did you mean "increment"? use one of {KINDS})'],
    ),
    "misspelt commitment": (
        with_first(commitment="ensured"),
        [
            't.yaml:18: target "t": unknown commitment "ensured" '
            '(did you mean "ensure"? use one of ensure, strive, plain)'
        ],
    ),
    "commitment in Chinese": (
        with_first(commitment="确保"),
        ['t.yaml:18: target "t": unknown commitment "确保" (use one of ensure, strive, plain)'],
    ),
    "duplicate id": (
        doc(target(), target(value="6")),
        ['t.yaml:20: target "t": duplicate id (first declared on line 11)'],
    ),
    "about without tolerance": (
        with_first(op="about"),
        ['t.yaml:15: target "t": op about needs a tolerance (e.g. tolerance: 0.5)'],
    ),
    "tolerance on a >= target": (
        with_first(tolerance="0.5"),
        ['t.yaml:20: target "t": tolerance is only for op about (this op is >=)'],
    ),
    "tolerance of zero": (
        with_first(op="about", tolerance="0"),
        ['t.yaml:20: target "t": tolerance 0 must be greater than 0'],
    ),
    "negative near_band": (
        with_first(near_band="-1"),
        ['t.yaml:20: target "t": near_band -1 must not be negative'],
    ),
    "ordinal without scale": (
        with_first(**{**ORDINAL, "scale": None}, value="Ⅳ"),
        ['t.yaml:14: target "t": kind ordinal needs a scale (labels, better first)'],
    ),
    "scale on a non-ordinal": (
        with_first(scale="[a, b]"),
        ['t.yaml:20: target "t": scale is only for kind ordinal (this kind is increment)'],
    ),
    "ordinal value not on its scale": (
        with_first(**ORDINAL, value="Ⅶ"),
        ["t.yaml:16: target \"t\": value 'Ⅶ' is not on the scale (Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ, 劣Ⅴ)"],
    ),
    "ordinal baseline not on its scale": (
        with_first(**ORDINAL, value="Ⅳ", baseline="Ⅸ"),
        ["t.yaml:21: target \"t\": baseline 'Ⅸ' is not on the scale (Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ, 劣Ⅴ)"],
    ),
    "milestone with op >=": (
        with_first(**{**MILESTONE, "op": '">="'}),
        [
            't.yaml:15: target "t": kind milestone goes with op done, and op done only with kind milestone '
            "(this target has kind milestone, op >=)"
        ],
    ),
    "op done on an increment": (
        with_first(op="done"),
        [
            't.yaml:15: target "t": kind milestone goes with op done, and op done only with kind milestone '
            "(this target has kind increment, op done)"
        ],
    ),
    "milestone value false": (
        with_first(**{**MILESTONE, "value": "false"}),
        ['t.yaml:16: target "t": a milestone\'s value must be true (got False)'],
    ),
    "milestone with a baseline": (
        with_first(**MILESTONE, baseline="0"),
        ['t.yaml:20: target "t": a milestone has no baseline'],
    ),
    "deadline with a time": (
        with_first(**MILESTONE, deadline="2024-06-30 12:00:00"),
        ["t.yaml:20: '2024-06-30 12:00:00': a date and time is not allowed (use YYYY-MM-DD)"],
    ),
    "deadline on an increment": (
        with_first(deadline="2024-06-30"),
        ['t.yaml:20: target "t": deadline is only for milestones (this kind is increment)'],
    ),
    "empty quote": (
        with_first(quote='""'),
        ['t.yaml:19: target "t": quote is empty (give the plan\'s own words, verbatim)'],
    ),
    "blank quote": (
        with_first(quote='"   "'),
        ['t.yaml:19: target "t": quote is empty (give the plan\'s own words, verbatim)'],
    ),
    "unit is a number": (
        with_first(unit="5"),
        ['t.yaml:17: target "t": unit 5 must be text (use "" for none)'],
    ),
    "id with capitals and a hyphen": (
        with_first(id="GDP-growth"),
        [f"t.yaml:11: target \"GDP-growth\": id 'GDP-growth' {ID_RULE}"],
    ),
    "id starting with a digit": (
        with_first(id="2024_gdp"),
        [f"t.yaml:11: target \"2024_gdp\": id '2024_gdp' {ID_RULE}"],
    ),
    "the same key twice in a target": (
        with_first().replace("    unit:", "    kind: level\n    unit:", 1),
        ["t.yaml:17: key 'kind' appears twice in this mapping"],
    ),
    "a target that is not a mapping": (
        doc("  - gdp_growth\n", target()),
        ["t.yaml:11: each target must be a mapping (id, area, name, kind, op, value, unit, ...)"],
    ),
    "empty targets list": (
        HEAD.replace("targets:", "targets: []"),
        ["t.yaml:10: targets must be a non-empty list of targets"],
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(ERRORS.values()), ids=list(ERRORS))
def test_each_bad_file_is_reported_with_its_exact_message(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def test_every_problem_is_reported_at_once_sorted_by_line() -> None:
    head = HEAD.replace("version: 1", "version: 3").replace("year: 2024", "year: next")
    text = doc(
        target(kind="incremnt"),  # lines 11-19
        target(id="u", op='"=="', tolerance="1"),  # lines 20-29
        target(id="v", quote='""'),  # lines 30-38
        target(id="ok"),  # lines 39-47
        head=head,
    )
    assert problems(text + "extra: 1\n") == [
        "t.yaml:1: version 3 is not supported (use 1)",
        "t.yaml:4: plan.year 'next' must be a year such as 2024",
        f't.yaml:14: target "t": unknown kind "incremnt" (did you mean "increment"? use one of {KINDS})',
        't.yaml:29: target "u": tolerance is only for op about (this op is ==)',
        't.yaml:38: target "v": quote is empty (give the plan\'s own words, verbatim)',
        f't.yaml:48: top level: unknown key "extra" (allowed: {TOP_KEYS})',
    ]


def test_an_area_without_targets_is_reported() -> None:
    text = doc(target(), head=HEAD.replace("targets:", "  - {id: risk, zh: 风险, en: Risk}\ntargets:"))
    with pytest.raises(InputError) as exc:
        parse_targets(text, FILE)
    assert [str(p.message) for p in exc.value.problems] == [
        'area "risk" has no targets (declare at least one or remove the area)'
    ]


def test_an_area_without_targets_is_located_at_its_declaration() -> None:
    text = doc(target(), head=HEAD.replace("targets:", "  - {id: risk, zh: 风险, en: Risk}\ntargets:"))
    assert problems(text) == [
        't.yaml:10: area "risk" has no targets (declare at least one or remove the area)'
    ]


def test_an_invalid_target_does_not_also_report_its_area_as_empty() -> None:
    assert problems(doc(target(op="abuot"))) == [
        f't.yaml:15: target "t": unknown op "abuot" (did you mean "about"? use one of {OPS})'
    ]


@pytest.mark.parametrize(("typed", "meant"), [("=>", ">="), ("=<", "<=")])
def test_a_reversed_op_suggests_the_inclusive_op(typed: str, meant: str) -> None:
    assert problems(with_first(op=f'"{typed}"')) == [
        f't.yaml:15: target "t": unknown op "{typed}" (did you mean "{meant}"? use one of {OPS})'
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"value": ".nan"}, 't.yaml:16: target "t": value nan must be a number for kind increment'),
        ({"value": ".inf"}, 't.yaml:16: target "t": value inf must be a number for kind increment'),
        ({"baseline": "-.inf"}, 't.yaml:20: target "t": baseline -inf must be a number for kind increment'),
    ],
    ids=["value nan", "value inf", "baseline -inf"],
)
def test_nan_and_infinity_are_not_numbers(changes: dict[str, str], expected: str) -> None:
    assert problems(with_first(**changes)) == [expected]


@pytest.mark.parametrize(
    ("text", "line", "raw"),
    [
        (with_first(**MILESTONE, deadline="2024-13-01"), 20, "2024-13-01"),
        (with_first(**MILESTONE, deadline="2024-02-30"), 20, "2024-02-30"),
        (doc(target(), head=HEAD.replace("2024-03-01", "2024-02-30")), 5, "2024-02-30"),
        (with_first(value='!!int "abc"'), 16, "abc"),
        (with_first(value='!!bool "maybe"'), 16, "maybe"),
    ],
    ids=["month 13", "30 February", "published 30 February", "!!int abc", "!!bool maybe"],
)
def test_a_value_yaml_cannot_construct_is_an_input_error(text: str, line: int, raw: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_targets(text, FILE)
    [problem] = exc.value.problems
    assert problem.line == line
    assert raw in str(problem.message)


def test_a_number_as_quote_is_not_called_empty() -> None:
    [message] = problems(with_first(quote="100"))
    assert message.startswith('t.yaml:19: target "t": ')
    assert "empty" not in message


def test_an_empty_op_is_not_offered_done() -> None:
    [message] = problems(with_first(op=""))
    assert message.startswith('t.yaml:15: target "t": ')
    assert "None" not in message
    assert "did you mean" not in message


def test_op_about_is_rejected_for_an_ordinal() -> None:
    [message] = problems(with_first(**{**ORDINAL, "op": "about"}, value="Ⅳ", tolerance="1"))
    assert message.startswith('t.yaml:15: target "t": ')
    assert "ordinal" in message


def test_an_unclosed_quote_is_located_where_it_opens() -> None:
    with pytest.raises(InputError) as exc:
        parse_targets(doc(target(quote='"新增5个')), FILE)
    assert [p.line for p in exc.value.problems] == [19]


# -- YAML safety -------------------------------------------------------------------------------


def test_a_python_tag_is_rejected_and_nothing_runs(capfd: pytest.CaptureFixture[str]) -> None:
    text = with_first(quote='!!python/object/apply:os.system ["echo hi"]')
    assert problems(text) == [f"t.yaml:19: {PYTHON_TAG}"]
    assert capfd.readouterr() == ("", "")


def test_a_python_tag_on_the_whole_document_runs_nothing(tmp_path: Path) -> None:
    ran = tmp_path / "ran"
    assert problems(f'!!python/object/apply:os.system ["touch {ran}"]\n') == [f"t.yaml:1: {PYTHON_TAG}"]
    assert not ran.exists()


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        ({"quote": "!foo 新增5个"}, 19),
        ({"name": "!foo {zh: 名称, en: Name}"}, 13),
        ({"scale": "!foo [a, b]"}, 20),
    ],
)
def test_a_custom_tag_is_rejected(changes: dict[str, str], line: int) -> None:
    assert problems(with_first(**changes)) == [
        f"t.yaml:{line}: YAML tag '!foo' is not allowed (plain values only)"
    ]


def test_an_alias_is_rejected() -> None:
    text = doc(target(quote="&q 新增5个"), target(id="ok", quote="*q"))
    with pytest.raises(InputError) as exc:
        parse_targets(text, FILE)
    assert [str(p.message) for p in exc.value.problems] == [
        "YAML aliases (*name) are not allowed; write the value out"
    ]


def test_an_alias_is_located_where_it_is_used() -> None:
    text = doc(target(quote="&q 新增5个"), target(id="ok", quote="*q"))
    assert problems(text) == ["t.yaml:28: YAML aliases (*name) are not allowed; write the value out"]


def test_a_billion_laughs_document_is_rejected_without_expanding() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    with pytest.raises(InputError) as exc:
        parse_targets("\n".join(lines) + "\n", FILE)
    assert [str(p.message) for p in exc.value.problems] == [
        "YAML aliases (*name) are not allowed; write the value out"
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (doc(target().replace("  - id: t", "  - &base\n    id: t"), "  - <<: *base\n    id: u\n"), 21),
        (doc(target(), "  - <<: {area: headline}\n    id: u\n"), 20),
    ],
    ids=["from an anchor", "from an inline mapping"],
)
def test_a_merge_key_is_rejected(text: str, line: int) -> None:
    assert problems(text) == [f"t.yaml:{line}: YAML merge keys (<<) are not allowed; write the keys out"]


# -- what a valid file loads into -------------------------------------------------------------


def test_a_minimal_file_loads_into_the_expected_catalogue() -> None:
    catalogue = parse_targets(doc(target()), FILE)
    assert catalogue.plan == Plan(
        Text("计划", "Plan"),
        2024,
        dt.date(2024, 3, 1),
        Text("发布者", "Publisher"),
        "https://example.invalid/plan",
    )
    assert catalogue.areas == (Area("headline", Text("主要预期目标", "Headline targets")),)
    assert catalogue.targets == (
        Target(
            id="t",
            area="headline",
            name=Text("名称", "Name"),
            kind=Kind.INCREMENT,
            op=Op.GE,
            value=Decimal("5"),
            unit="个",
            commitment=Commitment.PLAIN,
            quote="新增5个",
            line=11,
        ),
    )
    assert catalogue.path == FILE
    assert catalogue.target("t") is catalogue.targets[0]


def test_numbers_load_as_exact_decimals() -> None:
    catalogue = parse_targets(
        doc(
            target(
                kind="growth",
                op="about",
                value="8",
                tolerance="0.5",
                baseline="8.3",
                unit='"%"',
                near_band="0.1",
            )
        ),
        FILE,
    )
    [t] = catalogue.targets
    assert (t.op, t.value, t.tolerance, t.baseline, t.near_band) == (
        Op.ABOUT,
        Decimal("8"),
        Decimal("0.5"),
        Decimal("8.3"),
        Decimal("0.1"),
    )
    assert all(isinstance(x, Decimal) for x in (t.value, t.tolerance, t.baseline, t.near_band))


def test_a_value_in_ten_thousands_keeps_its_decimal_digits() -> None:
    [t] = parse_targets(doc(target(value="2.4", unit='"万人"')), FILE).targets
    assert (t.value, t.unit) == (Decimal("2.4"), "万人")


def test_an_ordinal_loads_its_scale_as_a_tuple_and_normalises_labels() -> None:
    [t] = parse_targets(doc(target(**ORDINAL, value="IV类", baseline="iv")), FILE).targets
    assert t.scale == ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")
    assert (t.kind, t.op, t.value, t.baseline) == (Kind.ORDINAL, Op.LE, "Ⅳ", "Ⅳ")


def test_a_milestone_without_deadline_is_due_at_the_end_of_the_plan_year() -> None:
    [t] = parse_targets(doc(target(**MILESTONE, commitment="strive")), FILE).targets
    assert (t.kind, t.op, t.value, t.unit, t.commitment) == (
        Kind.MILESTONE,
        Op.DONE,
        True,
        "",
        Commitment.STRIVE,
    )
    assert t.deadline == dt.date(2024, 12, 31)


def test_a_milestone_keeps_its_own_deadline() -> None:
    [t] = parse_targets(doc(target(**MILESTONE, deadline="2024-06-30")), FILE).targets
    assert t.deadline == dt.date(2024, 6, 30)


def test_near_fraction_defaults_to_one_tenth() -> None:
    assert parse_targets(doc(target()), FILE).near_fraction == Decimal("0.1")


@pytest.mark.parametrize(
    ("raw", "expected"), [("0.2", Decimal("0.2")), ("0", Decimal("0")), ("1", Decimal("1"))]
)
def test_near_fraction_can_be_set(raw: str, expected: Decimal) -> None:
    text = doc(target(), head=HEAD.replace("areas:", f"near_fraction: {raw}\nareas:"))
    assert parse_targets(text, FILE).near_fraction == expected


def test_texts_are_stripped_and_a_note_is_kept() -> None:
    [t] = parse_targets(
        doc(target(name='{zh: " 名称 ", en: " Name "}', quote='" 新增5个 "', note='" read as at least 5 "')),
        FILE,
    ).targets
    assert (t.name, t.quote, t.note) == (
        Text("名称", "Name"),
        "新增5个",
        Text("read as at least 5", "read as at least 5"),
    )


def test_load_targets_reads_a_file_and_names_it_as_given(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(doc(target()), encoding="utf-8")
    catalogue = load_targets(good)
    assert catalogue.path == str(good)
    assert [t.id for t in catalogue.targets] == ["t"]

    bad = tmp_path / "bad.yaml"
    bad.write_text(with_first(op="abuot"), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_targets(str(bad))
    assert exc.value.lines() == [
        f'{bad}:15: target "t": unknown op "abuot" (did you mean "about"? use one of {OPS})'
    ]


def test_load_targets_reports_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(InputError) as exc:
        load_targets(missing)
    assert exc.value.lines() == [f"{missing}: no such file"]


def test_load_targets_without_a_path_loads_the_bundled_catalogue() -> None:
    catalogue = load_targets()
    assert catalogue.path == "<bundled 2024.yaml>"
    assert catalogue.bundled
    assert catalogue.plan.year == 2024


def test_a_note_may_be_given_in_both_languages() -> None:
    catalogue = parse_targets(with_first(note="{zh: 读作至少5个, en: read as at least 5}"), FILE)
    assert catalogue.targets[0].note == Text("读作至少5个", "read as at least 5")


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("{en: English only}", f't.yaml:20: target "t": note {NAME_RULE}'),
        ("[a, b]", 't.yaml:20: target "t": note must be text, or {zh: …, en: …}'),
    ],
    ids=["en only", "a list"],
)
def test_a_bad_note(note: str, message: str) -> None:
    assert problems(with_first(note=note)) == [message]


def test_an_area_that_is_not_text_is_reported_not_a_crash() -> None:
    assert problems(with_first(area="[a, b]")) == [
        "t.yaml:12: target \"t\": unknown area \"['a', 'b']\" (use one of headline)"
    ]


# -- in the reader's language ---------------------------------------------------------------

TARGETS_ZH = [
    "t.yaml:13: 目标 “t”：name 须为非空文本，或映射 {zh: 名称, en: Name}（en 可省略，英文输出时显示中文）",
    "t.yaml:14: 目标 “t”：未知的 kind “incremnt”（是否应为 “increment”？应为以下之一："
    + KINDS.replace(", ", "、")
    + "）",
    "t.yaml:24: 目标 “u”：op about 须给出 tolerance（如 tolerance: 0.5）",
    f"t.yaml:29: 顶层：未知的键 “extra”（可用的键：{TOP_KEYS.replace(', ', '、')}）",
]
TARGETS_EN = [
    f't.yaml:13: target "t": name {NAME_RULE}',
    f't.yaml:14: target "t": unknown kind "incremnt" (did you mean "increment"? use one of {KINDS})',
    't.yaml:24: target "u": op about needs a tolerance (e.g. tolerance: 0.5)',
    f't.yaml:29: top level: unknown key "extra" (allowed: {TOP_KEYS})',
]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        pytest.param([], TARGETS_ZH, id="chinese-by-default"),
        pytest.param(["--lang", "en"], TARGETS_EN, id="en"),
    ],
)
def test_a_bad_targets_file_is_reported_in_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: list[str], expected: list[str]
) -> None:
    text = doc(target(kind="incremnt", name='""'), target(id="u", op="about")) + "extra: 1\n"
    (tmp_path / FILE).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["targets", "-t", FILE, *lang], env={"GXCHECK_LANG": None})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == expected
