"""Validation refuses contradictions, and every guard is a located error — also under
``python -O``, where an ``assert`` would silently let a broken file through."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_targets import HEAD, MILESTONE, doc, problems, target, with_first

CONTRADICTIONS = {
    "a ceiling with >=": (
        with_first(kind="ceiling", op='">="', value="0", unit="起"),
        [
            't.yaml:15: target "t": op >= does not fit kind ceiling: a ceiling is the most allowed '
            "(use <= or <)"
        ],
    ),
    "a ceiling with >": (
        with_first(kind="ceiling", op='">"', value="0", unit="起"),
        [
            't.yaml:15: target "t": op > does not fit kind ceiling: '
            "a ceiling is the most allowed (use <= or <)"
        ],
    ),
    "a rank with >=": (
        with_first(kind="rank", op='">="', value="3", unit="位"),
        [
            't.yaml:15: target "t": op >= does not fit kind rank: rank 1 is best '
            "(use <=, < or ==; <= 3 means 3rd or better)"
        ],
    ),
    "a rank with about": (
        with_first(kind="rank", op="about", value="3", unit="位", tolerance="1"),
        [
            't.yaml:15: target "t": op about does not fit kind rank: rank 1 is best '
            "(use <=, < or ==; <= 3 means 3rd or better)"
        ],
    ),
    "a deadline after the plan year": (
        with_first(**MILESTONE, deadline="2025-03-31"),
        [
            't.yaml:11: target "t": deadline 2025-03-31 is after the plan year 2024 '
            "(a deadline falls within it)"
        ],
    ),
    "a deadline before the plan year": (
        with_first(**MILESTONE, deadline="2023-12-31"),
        [
            't.yaml:11: target "t": deadline 2023-12-31 is before the plan year 2024 '
            "(a deadline falls within it)"
        ],
    ),
    "an id with a trailing newline": (
        with_first(id='"t\\n"'),
        ["t.yaml:11: target \"t\n\": id 't\\n' must be snake_case ASCII: a-z first, then a-z, 0-9, _"],
    ),
    "an area id with a trailing newline": (
        doc(target(), head=HEAD.replace("{id: headline,", '{id: "headline\\n",')),
        ["t.yaml:9: area id 'headline\\n' must be snake_case ASCII (a-z, 0-9, _)"],
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CONTRADICTIONS.values()), ids=list(CONTRADICTIONS))
def test_a_contradiction_is_refused_with_its_exact_message(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def test_the_allowed_less_is_better_ops_still_load() -> None:
    from gxcheck.targets import parse_targets

    text = doc(
        target(id="c", kind="ceiling", op='"<="', value="0", unit="起"),
        target(id="r", kind="rank", op='"=="', value="1", unit="位"),
        target(id="m", **MILESTONE, deadline="2024-12-31"),
    )
    assert [t.id for t in parse_targets(text, "t.yaml").targets] == ["c", "r", "m"]


# -- keys with no value: a located message, never "internal error: AssertionError" ------------

NO_VALUE = {
    "plan:": (
        HEAD.split("plan:")[0] + "plan:\nareas:" + HEAD.split("areas:")[1] + target(),
        ["t.yaml:2: plan must be a mapping with title, year, published (optional: publisher, url)"],
    ),
    "areas:": (
        HEAD.replace("areas:\n  - {id: headline, zh: 主要预期目标, en: Headline targets}", "areas:")
        + target(),
        ["t.yaml:8: areas must be a non-empty list of {id, zh, en}"],
    ),
    "targets:": (HEAD, ["t.yaml:10: targets must be a non-empty list of targets"]),
}


@pytest.mark.parametrize(("text", "expected"), list(NO_VALUE.values()), ids=list(NO_VALUE))
def test_a_key_with_no_value_is_a_located_error(text: str, expected: list[str]) -> None:
    assert problems(text) == expected


def validate_optimised(tmp_path: Path, text: str) -> tuple[int, str, list[str]]:
    """``python -O -m gxcheck validate`` on ``text``: asserts are gone, the checks must not be."""
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-O", "-m", "gxcheck", "validate", "t.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "GXCHECK_LANG": "en"},  # validate has no --lang
    )
    return result.returncode, result.stdout, result.stderr.splitlines()


@pytest.mark.parametrize(
    "case",
    [*(NO_VALUE[key] for key in NO_VALUE), CONTRADICTIONS["a ceiling with >="]],
    ids=[*NO_VALUE, "ceiling"],
)
def test_validate_under_python_dash_o_refuses_what_it_refuses_without(
    tmp_path: Path, case: tuple[str, list[str]]
) -> None:
    text, expected = case
    assert validate_optimised(tmp_path, text) == (2, "", expected)
