"""Inputs that are streams, devices or odd encodings: read once, bounded, refused clearly.

Every fixture is built here: FIFOs with os.mkfifo, pipes with os.pipe, device nodes with
os.mknod in a temporary directory, never the machine's own /dev nodes.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import CATALOGUE_2024, ROOT
from typer.testing import CliRunner

import gxcheck.files
from gxcheck.cli import app
from gxcheck.errors import InputError

runner = CliRunner()
ACTUALS = (ROOT / "actuals" / "2024.csv").read_bytes()
TARGETS = CATALOGUE_2024.read_text(encoding="utf-8")
# More than the 8 KB the old reader looked at first: blank rows are skipped.
PADDED = ACTUALS + b"\n" * 9000


def run(*args: str, stdin: object = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin, env={"COLUMNS": "100"})  # type: ignore[arg-type]
    return result.exit_code, result.stdout, result.stderr


def process(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """gxcheck in its own process, for what only a real process has (fds, FIFOs)."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "gxcheck", *args], capture_output=True, text=True, timeout=60, **kwargs
    )


def endless(unit: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    """gxcheck ARGS reading standard input that never ends (/dev/zero, `yes LINE`), fed by
    a thread until gxcheck stops reading."""
    child = subprocess.Popen(
        [sys.executable, "-m", "gxcheck", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdin is not None
    block = unit * (65536 // len(unit))

    def feed() -> None:
        try:
            while True:
                child.stdin.write(block)  # type: ignore[union-attr]
        except (BrokenPipeError, ValueError, OSError):
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        child.wait(timeout=120)
    finally:
        child.kill()
    out, err = child.stdout.read(), child.stderr.read()  # type: ignore[union-attr]
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def read_stdin(monkeypatch: pytest.MonkeyPatch, data: io.RawIOBase) -> list[str]:
    """The problems read_input("-") reports for standard input ``data``."""
    from gxcheck.files import read_input

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(data)))
    with pytest.raises(InputError) as info:
        read_input("-")
    return info.value.lines()


class Endless(io.RawIOBase):
    """A stream that never ends, in process."""

    def __init__(self, unit: bytes) -> None:
        self.unit = unit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        size = len(buffer)
        buffer[:size] = (self.unit * (size // len(self.unit) + 1))[:size]
        return size


# -- streams are read once ---------------------------------------------------------------------


def test_a_fifo_is_read_once(tmp_path: Path) -> None:
    fifo = tmp_path / "actuals.csv"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as handle:
            handle.write(PADDED)

    writer = threading.Thread(target=feed)
    writer.start()
    result = process("score", str(fifo), "-f", "json", "--fail-on", "never")
    writer.join(timeout=10)
    assert (result.returncode, result.stderr) == (0, "")
    assert '"met": 2' in result.stdout


@pytest.mark.parametrize("size", [len(ACTUALS), len(PADDED)], ids=["small", "over 8 KB"])
def test_a_process_substitution_is_read_once(size: int) -> None:
    read, write = os.pipe()
    data = PADDED[:size]

    def feed() -> None:
        with os.fdopen(write, "wb") as handle:
            handle.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        result = process("score", f"/dev/fd/{read}", "-f", "json", "--fail-on", "never", pass_fds=(read,))
    finally:
        writer.join(timeout=10)
        os.close(read)
    assert (result.returncode, result.stderr) == (0, "")
    assert '"met": 2' in result.stdout


def test_dev_stdin_is_read_once() -> None:
    result = process("score", "/dev/stdin", "-f", "json", "--fail-on", "never", input=PADDED.decode())
    assert (result.returncode, result.stderr) == (0, "")
    assert '"met": 2' in result.stdout


def test_standard_input_named_twice_is_refused() -> None:
    assert run("score", "-", "-", "--lang", "en", stdin=ACTUALS) == (
        2,
        "",
        "gxcheck: - (standard input) is named more than once; it can be read only once\n",
    )


# -- reads are bounded, and streams are checked like files --------------------------------------


def test_endless_zeros_on_standard_input_are_binary() -> None:
    result = endless(b"\x00", "score", "-", "--lang", "en")
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        b"",
        b"<stdin>: looks like a binary file, not text (it contains NUL bytes)\n",
    )


def test_an_endless_stream_of_good_rows_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gxcheck.files, "MAX_BYTES", 2 * 1024 * 1024)
    assert read_stdin(monkeypatch, Endless(b"gdp_growth,7.4\n")) == [
        "<stdin>: is larger than 2 MiB, far larger than any real file; is this the right file?"
    ]


def test_yes_into_score_ends_in_a_clear_line() -> None:
    result = endless(b"gdp_growth,7.4\n", "score", "-", "--lang", "en")
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        b"",
        b"<stdin>: is larger than 256 MiB, far larger than any real file; is this the right file?\n",
    )


def test_a_regular_file_over_the_bound_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gxcheck.files, "MAX_BYTES", 512 * 1024)
    path = tmp_path / "a.csv"
    path.write_bytes(ACTUALS + b"\n" * 1024 * 1024)
    assert run("score", str(path), "--lang", "en") == (
        2,
        "",
        f"{path}: is larger than 512 KiB, far larger than any real file; is this the right file?\n",
    )


def test_an_endless_line_on_standard_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    assert read_stdin(monkeypatch, Endless(b"id,")) == [
        "<stdin>:1: line is longer than any real line (more than 65,536 bytes); is this the right file?"
    ]


@pytest.mark.parametrize("length", [65_537, 70_000, 200_000])
def test_a_long_line_after_good_lines_names_its_line(tmp_path: Path, length: int) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(b"version: 1\nplan:\n" + b"x" * length + b"\nareas: []\n")
    assert run("validate", str(path), "--lang", "en") == (
        2,
        "",
        f"{path}:3: line is longer than any real line (more than 65,536 bytes); is this the right file?\n",
    )


@pytest.mark.parametrize("command", ["score", "validate"])
def test_a_nul_byte_after_the_first_8_kb_is_binary(tmp_path: Path, command: str) -> None:
    path = tmp_path / "input"
    path.write_bytes(PADDED + b"\x00\n")
    assert run(command, str(path), "--lang", "en") == (
        2,
        "",
        f"{path}: looks like a binary file, not text (it contains NUL bytes)\n",
    )


def test_a_nul_byte_late_on_standard_input_is_binary() -> None:
    assert run("score", "-", "--lang", "en", stdin=PADDED + b"x" * 100_000 + b"\x00") == (
        2,
        "",
        "<stdin>: looks like a binary file, not text (it contains NUL bytes)\n",
    )


def device(tmp_path: Path, major: int, minor: int) -> Path:
    """A character device node of our own (needs root; skipped without)."""
    node = tmp_path / f"dev{major}-{minor}"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


@pytest.mark.parametrize("command", ["score", "validate"])
def test_a_zero_device_as_input_is_binary(tmp_path: Path, command: str) -> None:
    zero = device(tmp_path, 1, 5)  # what /dev/zero is
    assert run(command, str(zero), "--lang", "en") == (
        2,
        "",
        f"{zero}: looks like a binary file, not text (it contains NUL bytes)\n",
    )


def test_a_null_device_as_input_is_empty(tmp_path: Path) -> None:
    null = device(tmp_path, 1, 3)  # what /dev/null is
    assert run("validate", str(null), "--lang", "en") == (2, "", f"{null}: the file is empty\n")


def test_closed_standard_input() -> None:
    result = process("score", "-", "--lang", "en", stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", "<stdin>: the input is empty\n")


# -- encodings ---------------------------------------------------------------------------------


def test_a_utf8_file_with_one_gbk_line_is_refused_at_that_line(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(
        "id,value,note\ngdp_growth,7.4%,全年增长\nprojects_started,50,项目开工\n".encode()
        + "projects_in_use,55,项目投用\n".encode("gbk")
        + "reserve_projects,超100,储备\n".encode()
    )
    assert run("score", str(path), "--lang", "en") == (
        2,
        "",
        f"{path}:4: is not valid UTF-8 on this line, though the rest of the file is UTF-8 "
        "(a line pasted from another encoding? save the whole file as UTF-8)\n",
    )


def test_a_gbk_file_with_ascii_lines_is_still_gbk(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("id,value,note\ngdp_growth,7.4%,x\nprojects_started,50个,项目开工\n".encode("gbk"))
    code, _, err = run("score", str(path), "--fail-on", "never")
    assert (code, err) == (0, "")


@pytest.mark.parametrize("name", ["rot13", "base64", "unicode_escape", "raw_unicode_escape", "hex"])
def test_an_encoding_that_is_not_a_text_encoding_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(ACTUALS)
    assert run("score", str(path), "--encoding", name, "--lang", "en") == (
        2,
        "",
        f"{path}: {name!r} is not a text encoding (try utf-8, gb18030, gbk, big5, utf-16)\n",
    )


def test_a_utf32_csv_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(ACTUALS.decode().encode("utf-32"))
    code, _, err = run("score", str(path), "--fail-on", "never")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("utf-16", "is UTF-16 text; save it as UTF-8 (the only encoding this file may have)"),
        ("utf-32", "is UTF-32 text; save it as UTF-8 (the only encoding this file may have)"),
        ("utf-16-le", "looks like UTF-16 text without a byte-order mark (save it as UTF-8)"),
        ("utf-16-be", "looks like UTF-16 text without a byte-order mark (save it as UTF-8)"),
        ("utf-32-le", "looks like UTF-32 text without a byte-order mark (save it as UTF-8)"),
    ],
)
def test_a_wide_targets_file_is_one_clear_line(tmp_path: Path, encoding: str, message: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(TARGETS.encode(encoding))
    assert run("validate", str(path), "--lang", "en") == (2, "", f"{path}: {message}\n")


@pytest.mark.parametrize("ignore", [[], ["--ignore-unknown"]], ids=["all rows", "ignore unknown"])
def test_old_mac_line_ends_over_the_line_limit_are_lines(tmp_path: Path, ignore: list[str]) -> None:
    path = tmp_path / "a.csv"
    rows = "\r" * 100_000  # blank rows, skipped as spreadsheets leave them
    path.write_bytes(f"id,value\rgdp_growth,7.4\r{rows}".encode())
    code, out, err = run("score", str(path), "-f", "json", "--fail-on", "never", *ignore)
    assert (code, err) == (0, "")
    assert '"near": 1' in out


# -- in the reader's language ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "pasted", "missing"),
    [
        (
            [],
            "这一行不是有效的 UTF-8，而文件其余部分都是 UTF-8"
            "（是从别的编码粘贴来的吗？请把整个文件另存为 UTF-8）",
            "文件不存在",
        ),
        (
            ["--lang", "en"],
            "is not valid UTF-8 on this line, though the rest of the file is UTF-8 "
            "(a line pasted from another encoding? save the whole file as UTF-8)",
            "no such file",
        ),
    ],
    ids=["zh", "en"],
)
def test_file_problems_read_in_chinese_by_default(
    tmp_path: Path, args: list[str], pasted: str, missing: str
) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(
        "id,value,note\ngdp_growth,7.4%,全年\n".encode() + "projects_started,50,开工\n".encode("gbk")
    )
    assert run("score", str(path), *args) == (2, "", f"{path}:3: {pasted}\n")
    none = tmp_path / "none.csv"
    assert run("score", str(none), *args) == (2, "", f"{none}: {missing}\n")


def test_a_bad_encoding_name_reads_in_chinese_by_default(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(ACTUALS)
    assert run("score", str(path), "--encoding", "rot13") == (
        2,
        "",
        f"{path}: 'rot13' 不是文本编码（可试 utf-8、gb18030、gbk、big5、utf-16）\n",
    )
