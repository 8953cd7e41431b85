"""The fast path for big exports (gxcheck.prefilter) gives exactly what the full parse gives.

Each file is read twice with --ignore-unknown: through load_actuals (which tries the fast path
first on a regular file) and with the fast path switched off (read_input, decode, csv). The
results (figures with their lines, skipped and blank counts) or the error lines must be
identical; and for the files the fast path is meant to handle, it must really have handled
them (not fallen back).
"""

from __future__ import annotations

import codecs
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import make_catalogue, make_target
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxcheck import actuals, files, prefilter_utf8
from gxcheck.actuals import LoadedActuals, load_actuals
from gxcheck.errors import InputError
from gxcheck.model import Kind, Op
from gxcheck.prefilter import too_long

CATALOGUE = make_catalogue(
    make_target("gdp_growth", kind=Kind.GROWTH, value=8, unit="%"),
    make_target("gdp_growth_q", kind=Kind.GROWTH, value=8, unit="%"),  # the first is its prefix
    make_target("gdp", kind=Kind.GROWTH, value=8, unit="%"),
    make_target("households", unit="户"),
    make_target("done_it", kind=Kind.MILESTONE, op=Op.DONE, value=True, unit=""),
)

Outcome = tuple[str, object]


def outcome(path: Path, **options: object) -> Outcome:
    try:
        loaded = load_actuals(path, CATALOGUE, ignore_unknown=True, **options)  # type: ignore[arg-type]
    except InputError as exc:
        return "error", exc.lines()
    return "loaded", loaded


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each fast-path attempt's verdict: True when it gave the result, False when it fell back."""
    verdicts: list[bool] = []
    real = actuals._read_big

    def spy(*args: Any) -> LoadedActuals | None:
        try:
            result = real(*args)
        except InputError:
            verdicts.append(True)  # the fast path's own verdict: the file's problems
            raise
        verdicts.append(result is not None)
        return result

    monkeypatch.setattr(actuals, "_read_big", spy)
    return verdicts


def full(path: Path, monkeypatch: pytest.MonkeyPatch, **options: object) -> Outcome:
    with monkeypatch.context() as patch:
        patch.setattr(actuals, "_read_big", lambda *args: None)
        return outcome(path, **options)


def both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, **options: object) -> Outcome:
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    fast = outcome(path, **options)
    assert fast == full(path, monkeypatch, **options)
    return fast


# ---------------------------------------------------------------------------
# Each trap, alone: same result, and the fast path took it where it can
# ---------------------------------------------------------------------------

QUOTED_NEWLINE = (
    "id,period,value,source\n"
    'ind_1,2024-12,5,"年报\n'
    'gdp_growth,2024-12,99%"\n'  # inside the quoted source: not a record
    "gdp_growth,2024-12,7.4%,统计局\n"
)


def test_a_line_inside_a_quoted_field_is_not_read_as_a_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[bool]
) -> None:
    kind, loaded = both(tmp_path, monkeypatch, QUOTED_NEWLINE.encode())
    assert kind == "loaded" and isinstance(loaded, LoadedActuals)
    assert [(a.target_id, a.raw, a.line) for a in loaded.actuals] == [("gdp_growth", "7.4%", 4)]
    assert loaded.skipped_unknown == 1
    assert counted[0] is True


@pytest.mark.parametrize(
    ("name", "data", "fast"),
    [
        ("id not first", "period,value,id\n2024,1,ind_1\n2024,7.4%,gdp_growth\n2024,2,ind_2\n", True),
        (
            "id in the middle, quoted before",
            'source,id,value\n"a,b",ind_1,1\n"c\nd",gdp,7%\nx,gdp_growth_q,8%\n',
            True,
        ),
        ("CRLF", 'id,value\r\nind_1,1\r\ngdp_growth,7.4%\r\nind_2,"x,y"\r\n', True),
        (
            "CRLF inside a quoted field",
            'id,value,note\r\nind_1,1,"a\r\nb"\r\ngdp,7%,"c\r\ngdp_growth,1%"\r\n',
            True,
        ),
        ("BOM", "\ufeffid,value\nind_1,1\ngdp_growth,7.4%\n", True),
        (
            "prefixes of ids",
            "id,value\ngdp_growth_qq,1\ngdp_,2\ngd,3\ngdp,7%\ngdp_growth_q,8%\ngdp_growth,9%\n",
            True,
        ),
        ("duplicates with their lines", "id,value\ngdp,7%\nind_1,1\ngdp,8%\n", True),
        ("ids with spaces and quotes", 'id,value\n gdp ,7%\n"gdp_growth",8%\n" ind_1",1\n,\n\n', True),
        ("an empty id is an error", "id,value\nind_1,1\n,5\n", True),
        ("a row too short for its id", "value,id\n5\n7%,gdp\n", True),
        ("no line end at the end", "id,value\nind_1,1\ngdp,7%", True),
        ("no line end, unknown last", "id,value\ngdp,7%\nind_1,1", True),
        ("escaped quotes", 'id,value,note\nind_1,1,"say ""hi"""\ngdp,7%,"a ""b"" c"\n', True),
        ("wrong field count is skipped with an unknown id", "id,value\nind_1,1,2,3\ngdp,7%\n", True),
        ("wrong field count on a target", "id,value\ngdp,7%,x\n", True),
        ("a lone CR ends lines (old Mac)", "id,value\rind_1,1\rgdp,7%\r", False),
        ("a lone CR inside", "id,value\nind_1,1\r2\ngdp,7%\n", False),
        ("a stray quote in an unquoted field", 'id,value,note\nind_1,1,say "hi"\ngdp,7%,x\n', False),
        ("a NUL in a skipped row", "id,value\n" + "ind_1,1\n" * 1200 + "ind_2,1\x00\ngdp,7%\n", False),
        ("bad CSV in a skipped row", 'id,value,note\nind_1,1,"a"b\ngdp,7%,x\n', False),
        ("an unterminated quote", 'id,value,note\nind_1,1,"abc\ngdp,7%,x\n', False),
        ("a line too long in a skipped row", "id,value\nind_1," + "9" * 10_001 + "\ngdp,7%\n", False),
        ("a quoted header", '"id",value\ngdp,7%\n', False),
        ("a bad header", "id,valu\ngdp,7%\n", False),
        ("only a header", "id,value\n", True),
        ("only unknown ids", "id,value\nind_1,1\n", True),
    ],
)
def test_each_trap_gives_the_full_parse_result(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    counted: list[bool],
    name: str,
    data: str,
    fast: bool,
) -> None:
    both(tmp_path, monkeypatch, data.encode())
    assert counted[0] is fast, name


@pytest.mark.parametrize(("encoding", "fast"), [("gb18030", True), (None, False)])
def test_gb18030_is_decoded_before_scanning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[bool], encoding: str | None, fast: bool
) -> None:
    # In GB18030 a character's second byte may be an ASCII letter or digit: scanning bytes
    # would see ids where there are none. The scan runs on decoded text. Without --encoding
    # the file is not UTF-8, and telling GB18030 from a UTF-8 file with one bad line is the
    # full reader's job (it looks at every line).
    text = "id,value,source\nind_1,1,重庆高新区统计局\ngdp_growth,7.4%,区发展改革局\ndone_it,是,区统计局\n"
    kind, loaded = both(tmp_path, monkeypatch, text.encode("gb18030"), encoding=encoding)
    assert kind == "loaded" and isinstance(loaded, LoadedActuals)
    assert [(a.target_id, a.raw, a.source) for a in loaded.actuals] == [
        ("gdp_growth", "7.4%", "区发展改革局"),
        ("done_it", "是", "区统计局"),
    ]
    assert counted == [fast]


def test_a_file_that_is_neither_encoding_is_refused_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kind, lines = both(tmp_path, monkeypatch, b"id,value\nind_1,1\ngdp,7%\n\xff\xff\xff\n")
    assert kind == "error"
    assert lines == [
        f"{tmp_path / 'export.csv'}:4: is neither UTF-8 nor GB18030 text "
        "(pass its encoding with --encoding, e.g. --encoding big5)"
    ]


def test_duplicates_are_reported_with_both_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[bool]
) -> None:
    kind, lines = both(tmp_path, monkeypatch, b"id,period,value\ngdp,2024,7%\nind_1,2024,1\ngdp,2024,8%\n")
    assert kind == "error"
    assert lines == [
        f'{tmp_path / "export.csv"}:4: target "gdp": a second figure for period 2024 '
        "(the first is on line 2; keep one)"
    ]
    assert counted == [True]


def test_records_across_chunk_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[bool]
) -> None:
    # Small chunks put every chunk end somewhere inside a record, a quoted line break or a CRLF.
    monkeypatch.setattr(files, "CHUNK", 5)
    data = b'id,value,note\r\nind_1,1,"a\r\nb"\r\ngdp,7%,"x,y"\r\nind_2,2,z\r\ngdp_growth,8%,"q\nq"\r\n'
    kind, loaded = both(tmp_path, monkeypatch, data)
    assert kind == "loaded" and isinstance(loaded, LoadedActuals)
    assert [(a.target_id, a.line, a.note) for a in loaded.actuals] == [
        ("gdp", 4, "x,y"),
        ("gdp_growth", 6, "q\nq"),
    ]
    assert counted[0] is True


def test_a_line_exactly_at_the_limit_is_allowed_one_more_is_not() -> None:
    limit = 10
    assert not too_long("a" * limit + "\n", limit)
    assert not too_long("a" * limit + "\r\n" + "b" * limit + "\r\n", limit)
    assert not too_long("a" * limit, limit)
    assert too_long("a" * (limit + 1) + "\n", limit)
    assert too_long("ab\n" + "a" * (limit + 1) + "\r\n", limit)
    assert too_long("a" * (limit + 1), limit)


# ---------------------------------------------------------------------------
# Generated exports with every trap at once, and a hypothesis test
# ---------------------------------------------------------------------------

IDS = ["gdp_growth", "gdp_growth_q", "gdp", "households", "done_it"]
UNKNOWN = ["ind_000001", "gdp_growth_qq", "gdp_", "gd", "households2", "x.y-z", "GDP"]
TRICKY_IDS = [" gdp", "gdp ", '"gdp"', '" ind_1"', "", "\u3000gdp", "重庆"]
VALUES = ["7.4%", "8", "1.2万户", "是", "否", "—", "", "9", "abc"]
NOTES = [
    "",
    "年报",
    "a,b",
    'say "hi"',
    "line\nbreak",
    "line\r\nbreak",
    "gdp,2024,99%",
    "\ngdp_growth,2024-12,99%\n",
]


def _cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text


def export(rows: list[tuple[str, str, str, str]], order: list[int], newline: str, bom: bool) -> str:
    names = ["id", "period", "value", "note"]
    lines = [",".join(names[i] for i in order)]
    for row in rows:
        lines.append(",".join(row[i] if i == 0 else _cell(row[i]) for i in order))
    return ("\ufeff" if bom else "") + newline.join(lines) + newline


ROW = st.tuples(
    st.one_of(st.sampled_from(IDS), st.sampled_from(UNKNOWN), st.sampled_from(TRICKY_IDS)),
    st.sampled_from(["2024", "2024-06", "2024-12", "", "2024-13"]),
    st.sampled_from(VALUES),
    st.sampled_from(NOTES),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.one_of(ROW, ROW.map(lambda r: (r[0].strip('"'), *r[1:]))), max_size=25),
    order=st.permutations([0, 1, 2, 3]),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    encoding=st.sampled_from(["utf-8", "gb18030"]),
    explicit=st.booleans(),
    chunk=st.sampled_from([3, 16, 1 << 20]),
    allow_blank=st.booleans(),
)
def test_fast_path_equals_full_parse_on_generated_exports(
    monkeypatch: pytest.MonkeyPatch,
    rows: list[tuple[str, str, str, str]],
    order: list[int],
    newline: str,
    bom: bool,
    encoding: str,
    explicit: bool,
    chunk: int,
    allow_blank: bool,
) -> None:
    text = export(rows, list(order), newline, bom and encoding == "utf-8")
    options = {"allow_blank": allow_blank, "encoding": encoding if explicit else None}
    with tempfile.TemporaryDirectory() as directory, monkeypatch.context() as patch:
        patch.setattr(files, "CHUNK", chunk)
        path = Path(directory) / "export.csv"
        path.write_bytes(text.encode(encoding))
        assert outcome(path, **options) == full(path, patch, **options)


def _traps(n: int) -> Iterator[str]:
    """A bigger export, every trap spread among plain unknown rows."""
    specials = [
        "gdp_growth,2024-12,7.4%,统计局",
        'ind_q,2024-12,1,"年报\ngdp_growth,2024-12,99%"',
        'gdp_growth_q,2024-12,8%,"a,b"',
        "gdp,2024-12,7%,x",
        " households,2024-12,120户,spaced",
        '"done_it",2024-12,是,quoted',
        "gdp_growth_qq,2024-12,1,prefix",
        "gdp,2024-12,7.1%,duplicate",
        ",2024-12,,blank id",
        "",
    ]
    for i in range(n):
        yield (
            specials[i // 97 % len(specials)] if i % 97 == 0 else f"ind_{i:06d},2024-{i % 12 + 1:02d},{i},src"
        )


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_larger_export_with_every_trap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[bool], encoding: str, newline: str
) -> None:
    monkeypatch.setattr(files, "CHUNK", 997)
    text = newline.join(["id,period,value,note", *_traps(3000)]) + newline
    data = text.encode(encoding)
    assert codecs.BOM_UTF8 in data[:3] or encoding == "gb18030"
    kind, lines = both(tmp_path, monkeypatch, data, encoding=encoding)
    assert kind == "error"  # the blank id and the duplicate
    assert isinstance(lines, list) and len(lines) > 2
    assert counted[-1] is True


# ---------------------------------------------------------------------------
# A UTF-8 file scanned with every line a record (gxcheck.prefilter_utf8), in one process or two
# ---------------------------------------------------------------------------


def spy_on_line_scan(patch: pytest.MonkeyPatch) -> list[bool]:
    """Each attempt of the line scan (every line a record): True when it gave the result,
    False when it left the file to the decoded scan."""
    verdicts: list[bool] = []
    real = actuals._read_utf8

    def spy(*args: Any) -> LoadedActuals | None:
        try:
            result = real(*args)
        except InputError:
            verdicts.append(True)
            raise
        verdicts.append(result is not None)
        return result

    patch.setattr(actuals, "_read_utf8", spy)
    return verdicts


@pytest.fixture
def line_scan(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    return spy_on_line_scan(monkeypatch)


@dataclass
class Split:
    two: bool  # the second half goes to a forked child
    forks: list[int]  # the forks made


@pytest.fixture(params=["one process", "two processes", "small blocks, two processes"])
def split(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Split:
    """The scan as a big file gets it: its second half in a forked child, and in blocks that
    end inside records."""
    result = Split(request.param != "one process", [])
    if result.two:
        monkeypatch.setattr(prefilter_utf8, "FORK_MIN", 0)
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
        real_fork = os.fork

        def fork() -> int:
            result.forks.append(1)
            return real_fork()

        monkeypatch.setattr(os, "fork", fork)
    if request.param.startswith("small blocks"):
        monkeypatch.setattr(prefilter_utf8, "BLOCK", 100)
    return result


@pytest.mark.parametrize(
    ("data", "taken"),
    [
        (QUOTED_NEWLINE, False),  # a quoted line break: lines are not records, the decoded scan
        ('id,value,note\r\nind_1,1,"a\r\nb"\r\ngdp,7%,x\r\n', False),
        ("period,value,id\n2024,1,ind_1\n2024,7.4%,gdp_growth\n2024,2,ind_2\n", True),
        ('source,id,value\n"a,b",ind_1,1\n"c,d",gdp,7%\nx,gdp_growth_q,8%\n"e""f",ind_2,3\n', True),
        ('id,value\r\nind_1,1\r\ngdp_growth,7.4%\r\nind_2,"x,y"\r\nind_2,"z"\r\n', True),
        ("\ufeffid,value\nind_1,1\ngdp_growth,7.4%\n", True),
        (
            "id,value\ngdp_growth_qq,1\ngdp_growth_qq,1\ngdp_growth_q,8%\ngdp_growth_q,9%\n"
            "gd,3\ngd,3\ngdp,7%\nind_1,1\nind_10,1\nind_1,1\nind_1\nind_1,1\ngdp_growth,9%\n",
            True,
        ),
        ('id,value\n gdp ,7%\n"gdp_growth",8%\n" ind_1",1\n,\n\n   \nind_1,1\n', True),
        ("value,id\n5\n7%,gdp\n", True),
        ("id,value\nind_1,1\ngdp,7%", True),
        ("id,value\ngdp,7%\nind_1,1", True),
        ("id,value\ngdp,7%\nind_1,1\n\n", True),
        ('id,value,note\nind_1,1,"say ""hi"""\ngdp,7%,"a ""b"" c"\nind_1,1,""\n', True),
        ("id,value\nind_1,1,2,3\ngdp,7%\n", True),
        ("id,value\ngdp,7%,x\n", True),
        ('id,value,note\nind_1,1,say "hi"\ngdp,7%,x\n', False),  # a quote inside a field
        ('id,value,note\nind_1,1,"a"b\ngdp,7%,x\n', False),
        ('id,value,note\nind_1,1,"abc\ngdp,7%,x\n', False),
        ('id,value,note\nind_1,1,"abc', False),
        ("id,value\nind_1,1\r2\ngdp,7%\n", False),
        ("id,value\nind_1,1\x00\ngdp,7%\n", False),
        ("id,value\nind_1," + "9" * 10_001 + "\ngdp,7%\n", False),
        ("id,value\n重庆,1\ngdp,7%\n", True),
        ("id,value\nind_1,1\n", True),
        ("id,value\n", True),
    ],
)
def test_the_line_scan_gives_the_full_parse_result(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    line_scan: list[bool],
    split: Split,
    data: str,
    taken: bool,
) -> None:
    both(tmp_path, monkeypatch, data.encode())
    assert line_scan[0] is taken


@pytest.mark.parametrize(("width", "taken"), [(4000, True), (9992, True), (9993, False)])
def test_the_line_limit_counts_characters_not_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line_scan: list[bool], width: int, taken: bool
) -> None:
    # "ind_1,1," and 9,992 characters of three bytes each: 10,000 characters, the limit.
    both(tmp_path, monkeypatch, ("id,value,note\nind_1,1," + "统" * width + "\ngdp,7%,x\n").encode())
    assert line_scan == [taken]


def test_a_file_that_is_not_utf8_goes_to_the_decoded_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line_scan: list[bool], split: Split
) -> None:
    text = "id,value,source\nind_1,1,重庆高新区统计局\ngdp_growth,7.4%,区发展改革局\n"
    kind, _ = both(tmp_path, monkeypatch, text.encode("gb18030"), encoding="gb18030")
    assert kind == "loaded"
    assert line_scan == []  # --encoding gb18030: never the line scan's
    kind, _ = both(tmp_path, monkeypatch, text.encode("gb18030"))
    assert kind == "loaded"
    assert line_scan == [False]  # no --encoding: not UTF-8, so not the line scan's


def test_two_halves_give_each_figure_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line_scan: list[bool], split: Split
) -> None:
    lines = ["id,period,value,source"]
    for i in range(400):
        if i % 50 == 7:
            lines.append(f"gdp_growth,2024-{i // 50 + 1:02d},{i}%,区统计局")
        else:
            lines.append(f'ind_{i // 12:04d},2024-{i % 12 + 1:02d},{i},"区发展改革局, 月度调度"')
    kind, loaded = both(tmp_path, monkeypatch, ("\r\n".join(lines) + "\r\n").encode())
    assert kind == "loaded" and isinstance(loaded, LoadedActuals)
    assert [(a.line, a.raw) for a in loaded.actuals] == [(i + 2, f"{i}%") for i in range(7, 400, 50)]
    assert loaded.skipped_unknown == 392
    assert line_scan == [True]
    assert split.forks == ([1] if split.two else [])


def test_no_second_process_on_one_core_or_beside_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter_utf8, "FORK_MIN", 100)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert prefilter_utf8._may_fork(100)
    assert not prefilter_utf8._may_fork(99)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not prefilter_utf8._may_fork(100)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert not prefilter_utf8._may_fork(100)


@pytest.mark.parametrize("where", [10, 190])
@pytest.mark.parametrize("trap", [b"\x00", b"\xff", b'"a\nb"', b"a\rb", b'a"b'])
def test_a_trap_in_either_half_leaves_the_whole_file_to_the_decoded_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line_scan: list[bool], where: int, trap: bytes
) -> None:
    monkeypatch.setattr(prefilter_utf8, "FORK_MIN", 0)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    rows = [b"ind_%04d,%d,x" % (i, i) for i in range(200)]
    rows[where] = b"ind_x,1," + trap
    rows[150] = b"gdp,7%,x"
    both(tmp_path, monkeypatch, b"id,value,note\n" + b"\n".join(rows) + b"\n")
    assert line_scan == [False]


NOTES_ON_ONE_LINE = [note for note in NOTES if "\n" not in note and "\r" not in note]
ROW_ON_ONE_LINE = st.tuples(
    st.one_of(st.sampled_from(IDS), st.sampled_from(UNKNOWN), st.sampled_from(TRICKY_IDS)),
    st.sampled_from(["2024", "2024-06", "2024-12", "", "2024-13"]),
    st.sampled_from(VALUES),
    st.sampled_from(NOTES_ON_ONE_LINE),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(ROW_ON_ONE_LINE, max_size=30).map(sorted),  # sorted: runs of one id
    order=st.permutations([0, 1, 2, 3]),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    block=st.sampled_from([48, 97, 4 << 20]),
    fork=st.booleans(),
    last_newline=st.booleans(),
)
def test_line_scan_equals_full_parse_and_is_taken(
    monkeypatch: pytest.MonkeyPatch,
    rows: list[tuple[str, str, str, str]],
    order: list[int],
    newline: str,
    bom: bool,
    block: int,
    fork: bool,
    last_newline: bool,
) -> None:
    text = export(rows, list(order), newline, bom)
    if not last_newline:
        text = text.removesuffix(newline)
    with tempfile.TemporaryDirectory() as directory, monkeypatch.context() as patch:
        patch.setattr(prefilter_utf8, "BLOCK", block)
        patch.setattr(prefilter_utf8, "FORK_MIN", 0 if fork else 1 << 40)
        patch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
        verdicts = spy_on_line_scan(patch)
        path = Path(directory) / "export.csv"
        path.write_bytes(text.encode())
        assert outcome(path) == full(path, patch)
        # Every line a record, each shorter than a block, the header's line ended: the line
        # scan gave the result.
        if max(len(line.encode()) for line in text.split("\n")) < block and "\n" in text:
            assert verdicts == [True]
