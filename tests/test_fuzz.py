"""Fuzz the loaders: whatever the bytes, the only outcomes are a result or gxcheck's own error.

The default run is quick; ``make fuzz`` runs the same tests with many more examples
(``HYPOTHESIS_PROFILE=fuzz``, ≥ 10,000 per loader).
"""

from __future__ import annotations

import contextlib
import string
import tempfile
from pathlib import Path

import yaml
from conftest import make_catalogue, make_target
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxcheck.actuals import load_actuals, parse_actuals
from gxcheck.errors import GxError
from gxcheck.model import Kind, Op
from gxcheck.schema import TARGET_PROPERTIES, TOP_PROPERTIES
from gxcheck.targets import parse_targets

CATALOGUE = make_catalogue(
    make_target("gdp_growth", kind=Kind.GROWTH, op=Op.ABOUT, value=8, unit="%", tolerance="0.5"),
    make_target("households", value=12000, unit="户"),
    make_target("jobs", value=2.4, unit="万人"),
    make_target("done_it", kind=Kind.MILESTONE, op=Op.DONE, value=True, unit=""),
    make_target("water", kind=Kind.ORDINAL, op=Op.LE, value="Ⅳ", unit="类", scale=("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ")),
)
IDS = ["gdp_growth", "households", "jobs", "done_it", "water", "unknown", "", "ID"]
VALUES = st.one_of(
    st.sampled_from(
        ["7.4", "7.4%", "1.2万", "超100", ">100", "是", "Ⅳ", "nan", "inf", "1e9", "", "-0", "１２"]
    ),
    st.text(alphabet=string.printable + "万亿超以上余多％．，是否Ⅳ类\u3000", max_size=12),
)
PERIODS = st.one_of(
    st.sampled_from(["", "2024", "2024-Q3", "2024年1-6月", "2023", "2024-13"]), st.text(max_size=8)
)
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\r\n') else cell


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from([None, "utf-8", "gb18030", "utf-16", "latin-1"]))
def test_random_bytes_never_crash_the_actuals_loader(data: bytes, encoding: str | None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "f.csv"
        path.write_bytes(data)
        with contextlib.suppress(GxError):
            load_actuals(path, CATALOGUE, encoding=encoding)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(IDS), PERIODS, VALUES), max_size=12), st.booleans(), st.booleans())
def test_random_csv_rows_never_crash_the_actuals_loader(
    rows: list[tuple[str, str, str]], ignore_unknown: bool, allow_blank: bool
) -> None:
    text = "id,period,value\n" + "".join(",".join(_quote(c) for c in row) + "\n" for row in rows)
    try:
        loaded = parse_actuals(
            text, "f.csv", CATALOGUE, ignore_unknown=ignore_unknown, allow_blank=allow_blank
        )
    except GxError as exc:
        assert exc.problems and all(p.file == "f.csv" for p in exc.problems)
    else:
        assert len(loaded.actuals) + loaded.skipped_unknown + loaded.blank <= len(rows)


@SETTINGS
@given(st.text(max_size=1500))
def test_random_text_never_crashes_the_targets_loader(text: str) -> None:
    try:
        parse_targets(text, "t.yaml")
    except GxError as exc:
        assert exc.problems


YAML_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=10),
    st.sampled_from([">=", "about", "done", "growth", "ordinal", "milestone", "strive", "headline", "%"]),
)
YAML_VALUES = st.recursive(
    YAML_LEAVES,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            # Every key the loader knows (kept in step with the schema), and one it does not.
            st.sampled_from([*TARGET_PROPERTIES, "zh", "en", *TOP_PROPERTIES, "year", "x"]),
            children,
            max_size=6,
        ),
    ),
    max_leaves=25,
)


@SETTINGS
@given(YAML_VALUES)
def test_random_yaml_documents_never_crash_the_targets_loader(doc: object) -> None:
    try:
        parse_targets(yaml.safe_dump(doc, allow_unicode=True), "t.yaml")
    except GxError as exc:
        assert exc.problems


VALID_TARGET = {
    "id": "t",
    "area": "headline",
    "name": {"zh": "名称", "en": "Name"},
    "kind": "increment",
    "op": ">=",
    "value": 5,
    "unit": "个",
    "commitment": "plain",
    "quote": "新增5个",
}


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from([*VALID_TARGET, "tolerance", "baseline", "scale", "deadline", "near_band", "note"]),
        YAML_VALUES,
        max_size=4,
    )
)
def test_a_valid_target_with_random_values_never_crashes_the_loader(changes: dict[str, object]) -> None:
    """Each key of an otherwise valid target given any YAML value: the deep checks run too."""
    doc = {
        "version": 1,
        "plan": {
            "title": {"zh": "计划", "en": "Plan"},
            "year": 2024,
            "published": "2024-03-01",
            "publisher": {"zh": "发布", "en": "Publisher"},
            "url": "https://example.invalid",
        },
        "areas": [{"id": "headline", "zh": "主要预期目标", "en": "Headline"}],
        "targets": [{**VALID_TARGET, **changes}],
    }
    text = yaml.safe_dump(doc, allow_unicode=True).replace("'2024-03-01'", "2024-03-01")
    try:
        parse_targets(text, "t.yaml")
    except GxError as exc:
        assert exc.problems
