"""Outputs that are not plain files, and writes that refuse inputs and leave nothing half-done.

Fixtures are made here: device nodes with os.mknod and FIFOs with os.mkfifo in a temporary
directory, pipes with os.pipe; never the machine's own /dev nodes.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import CATALOGUE_2024, ROOT
from typer.testing import CliRunner

from gxcheck.cli import app

runner = CliRunner()
ACTUALS = str(ROOT / "actuals" / "2024.csv")
TARGETS = str(CATALOGUE_2024)
SCORE = [sys.executable, "-m", "gxcheck", "score", ACTUALS, "--fail-on", "never"]  # in its own process


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "100", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def score(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    return run("score", ACTUALS, "--fail-on", "never", *args, env=env)


def expected(format: str = "markdown") -> str:
    code, out, err = score("-f", format)
    assert (code, err) == (0, "")
    return out


def device(tmp_path: Path, name: str, major: int, minor: int) -> Path:
    """A character device node of our own (needs root; skipped without)."""
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# -- outputs that are not regular files are written through, never replaced ---------------------


def test_a_character_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    null = device(tmp_path, "null", 1, 3)
    assert score("-f", "markdown", "-o", str(null)) == (0, "", "")
    assert stat.S_ISCHR(null.stat().st_mode)
    assert leftovers(tmp_path) == []


def test_a_fifo_with_a_reader_gets_the_whole_report(tmp_path: Path) -> None:
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    assert score("-f", "markdown", "-o", str(fifo)) == (0, "", "")
    reader.join(timeout=10)
    assert received == [expected().encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_process_substitution_is_written_through() -> None:
    read, write = os.pipe()
    received: list[bytes] = []

    def drain() -> None:
        with os.fdopen(read, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        result = subprocess.run(
            [*SCORE, "-f", "json", "-o", f"/dev/fd/{write}"],
            capture_output=True,
            timeout=60,
            pass_fds=(write,),
        )
    finally:
        os.close(write)
        reader.join(timeout=10)
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert received == [expected("json").encode()]


def test_a_link_to_standard_output_is_written_through_and_kept(tmp_path: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = subprocess.run(
        [*SCORE, "-f", "json", "-o", str(link)],
        capture_output=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == expected("json").encode()
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert score("-f", "markdown", "-o", "-") == (0, expected(), "")
    assert list(tmp_path.iterdir()) == []


def test_a_trailing_slash_is_refused(tmp_path: Path) -> None:
    target = f"{tmp_path}/newdir/"
    assert score("-o", target, "--lang", "en") == (
        2,
        "",
        f"gxcheck: --output {target}: a name ending in / is a directory; name a file\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_a_long_legal_name_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("r" * 245)
    assert score("-f", "markdown", "-o", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8") == expected()
    assert leftovers(tmp_path) == []


def test_a_link_to_a_report_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert score("-f", "markdown", "-o", str(link)) == (0, "", "")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == expected()


# -- no output is an input, and no two outputs are one file --------------------------------------


@pytest.mark.parametrize("which", [ACTUALS, TARGETS])
def test_the_step_summary_never_writes_over_an_input(tmp_path: Path, which: str) -> None:
    copy = tmp_path / Path(which).name
    copy.write_bytes(Path(which).read_bytes())
    args: tuple[str, ...] = (
        "score",
        str(copy) if which == ACTUALS else ACTUALS,
        "-f",
        "github",
        "--fail-on",
        "never",
        "--lang",
        "en",
    )
    if which == TARGETS:
        args += ("--targets", str(copy))
    before = copy.read_bytes()
    assert run(*args, env={"GITHUB_STEP_SUMMARY": str(copy)}) == (
        2,
        "",
        f"gxcheck: GITHUB_STEP_SUMMARY {copy} is an input file; gxcheck never writes over its inputs\n",
    )
    assert copy.read_bytes() == before


def test_a_step_summary_on_a_full_device_is_one_line(tmp_path: Path) -> None:
    full = device(tmp_path, "full", 1, 7)
    code, _, err = run("score", ACTUALS, "-f", "github", "-l", "en", env={"GITHUB_STEP_SUMMARY": str(full)})
    assert (code, err) == (2, f"gxcheck: GITHUB_STEP_SUMMARY {full}: cannot write: No space left on device\n")


def test_a_step_summary_that_is_a_directory_is_refused_before_work(tmp_path: Path) -> None:
    assert run("score", ACTUALS, "-f", "github", "-l", "en", env={"GITHUB_STEP_SUMMARY": str(tmp_path)}) == (
        2,
        "",
        f"gxcheck: GITHUB_STEP_SUMMARY {tmp_path} is a directory; name a file\n",
    )


def test_output_and_svg_on_one_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "card"
    assert score("-o", str(target), "--svg", str(target), "--lang", "en") == (
        2,
        "",
        f"gxcheck: --svg {target} is also --output; name another file\n",
    )
    assert not target.exists()


def test_svg_on_an_input_names_svg(tmp_path: Path) -> None:
    assert score("--svg", ACTUALS, "--lang", "en") == (
        2,
        "",
        f"gxcheck: --svg {ACTUALS} is an input file; gxcheck never writes over its inputs\n",
    )


# -- a failed run leaves every output as it was --------------------------------------------------


def test_a_full_disk_for_output_leaves_the_svg_as_it_was(tmp_path: Path) -> None:
    full = device(tmp_path, "full", 1, 7)
    picture = tmp_path / "card.svg"
    picture.write_text("old picture", encoding="utf-8")
    assert score("-f", "markdown", "-o", str(full), "--svg", str(picture), "--lang", "en") == (
        2,
        "",
        f"gxcheck: --output {full}: cannot write: No space left on device\n",
    )
    assert picture.read_text(encoding="utf-8") == "old picture"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    report = tmp_path / "report.md"
    report.write_text("old report", encoding="utf-8")
    fifo = tmp_path / "card.svg"
    os.mkfifo(fifo)  # no reader: gxcheck waits there with the report staged beside it
    child = subprocess.Popen(
        [*SCORE, "-f", "markdown", "-o", str(report), "--svg", str(fifo), "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not leftovers(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert leftovers(tmp_path), "gxcheck never staged the report"
    child.send_signal(signum)
    out, err = child.communicate(timeout=30)
    name = signal.Signals(signum).name
    assert (child.returncode, out, err) == (128 + signum, b"", f"gxcheck: terminated by {name}\n".encode())
    assert leftovers(tmp_path) == []
    assert report.read_text(encoding="utf-8") == "old report"


def test_a_reader_that_goes_away_behind_a_written_through_output_is_not_an_error() -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before gxcheck writes: EPIPE, as with `-o /dev/stdout | head`
    try:
        command = [*SCORE, "-f", "json", "-o", f"/dev/fd/{write}"]
        result = subprocess.run(command, capture_output=True, timeout=60, pass_fds=(write,))
    finally:
        os.close(write)
    assert (result.returncode, result.stdout) == (0, b"")


# -- refusals in the reader's language -------------------------------------------------------------


def test_a_refused_output_is_chinese_by_default_with_the_same_name_and_exit_code(tmp_path: Path) -> None:
    slash, missing = f"{tmp_path}/newdir/", tmp_path / "no" / "report.md"
    assert score("-o", slash) == (2, "", f"gxcheck: --output {slash}：以 / 结尾的名称是目录；请指定文件名\n")
    assert score("-o", str(missing)) == (
        2,
        "",
        f"gxcheck: --output {missing}：目录 {missing.parent} 不存在\n",
    )
    assert score("--svg", str(tmp_path)) == (2, "", f"gxcheck: --svg {tmp_path} 是目录；请指定文件名\n")
    assert score("--svg", ACTUALS) == (
        2,
        "",
        f"gxcheck: --svg {ACTUALS} 是输入文件；gxcheck 从不覆盖输入文件\n",
    )
    card = str(tmp_path / "card")
    assert score("-o", card, "--svg", card) == (
        2,
        "",
        f"gxcheck: --svg {card} 与 --output 是同一个文件；请换一个文件名\n",
    )
    assert score("--output=") == (2, "", "gxcheck: --output：文件名为空\n")
    assert score("--output=", "--lang", "en") == (2, "", "gxcheck: --output: the file name is empty\n")
    assert list(tmp_path.iterdir()) == []


def test_a_full_device_is_one_chinese_line_by_default(tmp_path: Path) -> None:
    full = device(tmp_path, "full", 1, 7)
    assert score("-f", "markdown", "-o", str(full)) == (
        2,
        "",
        f"gxcheck: --output {full}：无法写入：No space left on device\n",  # the reason is the system's
    )
