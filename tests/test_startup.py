"""No internal error (exit 3) and no traceback anywhere: closed or narrow standard streams,
odd environments, usage errors, and interruptions during start-up."""

from __future__ import annotations

import errno
import importlib.abc
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import ROOT
from typer.testing import CliRunner

from gxcheck.cli import app

runner = CliRunner()
ACTUALS = str(ROOT / "actuals" / "2024.csv")
GXCHECK = [sys.executable, "-m", "gxcheck"]


def process(
    *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """gxcheck in its own process: what only a real process has (closed fds, its own start-up)."""
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "GXCHECK_LANG")}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*GXCHECK, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environ, **(env or {})},
        **kwargs,
    )


def closing(fd: int) -> Callable[[], None]:
    return lambda: os.close(fd)


# -- standard streams ------------------------------------------------------------------------------


def test_a_closed_stdout_is_a_usage_error() -> None:
    result = subprocess.run(
        [*GXCHECK, "score", ACTUALS, "--fail-on", "never", "--lang", "en"],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        preexec_fn=closing(1),
    )
    assert (result.returncode, result.stderr) == (
        2,
        "gxcheck: standard output is closed: name a file with -o FILE for the report\n",
    )


def test_a_closed_stdout_does_not_stop_a_report_to_a_file(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    result = subprocess.run(
        [*GXCHECK, "score", ACTUALS, "--fail-on", "never", "-f", "markdown", "-o", str(report)],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        preexec_fn=closing(1),
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert report.read_text(encoding="utf-8").startswith("# ")


def test_a_closed_stderr_never_sends_messages_to_stdout(tmp_path: Path) -> None:
    bad = tmp_path / "a.csv"
    bad.write_text("id,value\ngdp_growth,abc\n", encoding="utf-8")
    result = subprocess.run(
        [*GXCHECK, "score", str(bad)], stdout=subprocess.PIPE, text=True, timeout=60, preexec_fn=closing(2)
    )
    assert (result.returncode, result.stdout) == (2, "")


def test_a_closed_stdin_is_one_line() -> None:
    result = process("score", "-", "--lang", "en", stdin=None, preexec_fn=closing(0))
    assert (result.returncode, result.stdout, result.stderr) == (2, "", "<stdin>: standard input is closed\n")


def test_an_ascii_only_output_encoding_escapes_instead_of_failing() -> None:
    result = process("score", ACTUALS, "--fail-on", "never", env={"PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stderr) == (0, "")
    assert "\\u5730" in result.stdout  # 地, escaped: nothing lost, nothing crashed


def test_an_ascii_only_error_stream_escapes_instead_of_failing(tmp_path: Path) -> None:
    bad = tmp_path / "a.csv"
    bad.write_text("id,value\n地区,7\n", encoding="utf-8")
    result = process("score", str(bad), env={"PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1 and "\\u5730\\u533a" in result.stderr


@pytest.mark.parametrize("columns", ["0", "-3", "abc", "٣"])
def test_an_unusable_columns_is_ignored(columns: str) -> None:
    plain = process("score", ACTUALS, "--fail-on", "never")
    odd = process("score", ACTUALS, "--fail-on", "never", env={"COLUMNS": columns})
    assert (odd.returncode, odd.stderr) == (0, "")
    assert odd.stdout == plain.stdout != ""


def test_a_huge_columns_is_bounded() -> None:
    result = process("score", ACTUALS, "--fail-on", "never", env={"COLUMNS": "10000000"})
    assert (result.returncode, result.stderr) == (0, "")
    assert max(len(line) for line in result.stdout.splitlines()) <= 1000


def test_a_closed_stdout_is_said_in_chinese_by_default() -> None:
    result = subprocess.run(
        [*GXCHECK, "score", ACTUALS, "--fail-on", "never"],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        preexec_fn=closing(1),
        env={k: v for k, v in os.environ.items() if k != "GXCHECK_LANG"},
    )
    assert (result.returncode, result.stderr) == (2, "gxcheck: 标准输出已关闭：请用 -o FILE 为报告指定文件\n")


# -- usage errors are one located line ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (  # GXCHECK_LANG is the wrong one, so the notes are in Chinese, the default
            ["score", ACTUALS],
            {"GXCHECK_LANG": "xx"},
            "python -m gxcheck score: Invalid value for '--lang' / '-l': 'xx' is not one of 'zh', 'en'"
            "（取自环境变量 GXCHECK_LANG=xx；用法见 python -m gxcheck score -h）",
        ),
        (
            ["score", ACTUALS, "--lang", "xx"],
            {"GXCHECK_LANG": "en"},
            "python -m gxcheck score: Invalid value for '--lang' / '-l': 'xx' is not one of 'zh', 'en' "
            "(see python -m gxcheck score -h)",
        ),
        (
            ["score", "--nope", "--lang", "en"],
            {},
            "python -m gxcheck score: No such option: --nope (see python -m gxcheck score -h)",
        ),
        (
            ["score", "--lang=en"],
            {},
            "python -m gxcheck score: Missing argument 'actuals' (see python -m gxcheck score -h)",
        ),
        (
            ["scor", "-len"],
            {},
            "python -m gxcheck: No such command 'scor'. Did you mean 'score'? (see python -m gxcheck -h)",
        ),
        (
            ["score", "--nope"],
            {},
            "python -m gxcheck score: No such option: --nope（用法见 python -m gxcheck score -h）",
        ),
        (
            ["score", "--nope", "-l", "en"],
            {"GXCHECK_LANG": "en"},
            "python -m gxcheck score: No such option: --nope (see python -m gxcheck score -h)",
        ),
        (
            ["score", "--nope", "--lang", "zh"],
            {"GXCHECK_LANG": "en"},
            "python -m gxcheck score: No such option: --nope（用法见 python -m gxcheck score -h）",
        ),
    ],
    ids=[
        "env",
        "option",
        "unknown option",
        "missing argument",
        "unknown command",
        "zh by default",
        "en by both",
        "option beats env",
    ],
)
def test_usage_errors_are_one_line(args: list[str], env: dict[str, str], message: str) -> None:
    result = process(*args, env=env)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message + "\n")


def test_usage_errors_are_one_line_in_process_too() -> None:
    result = runner.invoke(app, ["score", ACTUALS, "--format", "pdf"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "'pdf' is not one of" in result.stderr


class _PydanticWorded:
    """A bad choice as typer 0.29 and later word it (through pydantic): "Value error, " first."""

    ctx = None
    param = None

    def format_message(self) -> str:
        return "Invalid value for '--lang' / '-l': Value error, 'xx' is not one of 'zh', 'en'."


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "gxcheck: Invalid value for '--lang' / '-l': 'xx' is not one of 'zh', 'en' (see gxcheck -h)"),
        (
            "zh",
            "gxcheck: Invalid value for '--lang' / '-l': 'xx' is not one of 'zh', 'en'（用法见 gxcheck -h）",
        ),
    ],
)
def test_a_bad_choice_reads_the_same_on_any_typer_release(lang: str, line: str) -> None:
    from gxcheck import cli

    assert cli._usage_line(_PydanticWorded(), lang) == line


def test_never_with_statuses_says_what_is_wrong() -> None:
    result = runner.invoke(app, ["score", ACTUALS, "--fail-on", "never,missed", "--lang", "en"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "gxcheck: --fail-on never,missed: never means no status fails; give it alone, or only statuses\n",
    )


# -- interruptions and unreadable places --------------------------------------------------------


class _Interrupt(importlib.abc.MetaPathFinder):
    """Ctrl-C while gxcheck.cli (typer, rich) is being imported."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "gxcheck.cli":
            raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("argv", "env", "line"),
    [
        (["score", "a.csv"], {}, "gxcheck: 已中断"),
        (["score", "a.csv", "--lang", "en"], {}, "gxcheck: interrupted"),
        (["score", "a.csv"], {"GXCHECK_LANG": "en"}, "gxcheck: interrupted"),
        (["score", "a.csv", "-l", "zh"], {"GXCHECK_LANG": "en"}, "gxcheck: 已中断"),
    ],
    ids=["zh by default", "lang-en", "env-en", "option beats env"],
)
def test_ctrl_c_during_start_up_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    argv: list[str],
    env: dict[str, str],
    line: str,
) -> None:
    import gxcheck.launcher

    monkeypatch.setattr(sys, "argv", ["gxcheck", *argv])
    monkeypatch.delenv("GXCHECK_LANG", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)

    monkeypatch.delitem(sys.modules, "gxcheck.cli")
    monkeypatch.setattr(sys, "meta_path", [_Interrupt(), *sys.meta_path])
    exits: list[int] = []

    def exit_now(code: int) -> None:
        exits.append(code)
        sys.exit(code)

    monkeypatch.setattr(os, "_exit", exit_now)
    with pytest.raises(SystemExit):
        gxcheck.launcher.main()
    assert exits == [130]
    assert capfd.readouterr().err == line + "\n"


def test_an_unreadable_directory_on_the_way_to_targets_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    real_stat = os.stat

    def denied(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(str(locked)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", denied)
    real_open = Path.open

    def open_denied(self: Path, *args: object, **kwargs: object) -> object:
        if str(self).startswith(str(locked)):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", open_denied)
    target = locked / "plan"
    result = runner.invoke(app, ["validate", str(target), "--lang", "en"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"{target}: permission denied: the file cannot be read\n",
    )
    result = runner.invoke(app, ["score", ACTUALS, "-o", str(locked / "r.md"), "--lang", "en"])
    assert (result.exit_code, result.stderr) == (2, f"gxcheck: --output {locked}/r.md: permission denied\n")
    result = runner.invoke(app, ["score", ACTUALS, "-o", str(locked / "r.md")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"gxcheck: --output {locked}/r.md：无法使用（权限不足）\n",
    )


# -- the launcher (bin/gxcheck): what must be caught before Python starts ----------------------------

LAUNCHER = ROOT / "bin" / "gxcheck"


def launch(*args: str, cwd: Path | None = None, stdin: object = None) -> subprocess.CompletedProcess[str]:
    """The sh launcher, finding this environment's Python on PATH (as it finds the one beside
    it once installed)."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("COLUMNS", None)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        ["sh", str(LAUNCHER), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=cwd,
        stdin=stdin,
    )


def test_the_installed_command_is_the_launcher() -> None:
    installed = Path(sys.executable).parent / "gxcheck"
    assert installed.read_text(encoding="utf-8") == LAUNCHER.read_text(encoding="utf-8")


def test_stdin_that_is_a_directory_does_not_stop_a_run(tmp_path: Path) -> None:
    directory = os.open(tmp_path, os.O_RDONLY)
    try:
        result = launch("score", ACTUALS, "--fail-on", "never", "-f", "json", stdin=directory)
    finally:
        os.close(directory)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("{")


def test_stdin_that_is_a_directory_is_refused_where_it_is_read(tmp_path: Path) -> None:
    directory = os.open(tmp_path, os.O_RDONLY)
    try:
        result = launch("score", "-", "--lang", "en", stdin=directory)
    finally:
        os.close(directory)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "<stdin>: standard input is a directory; pipe a file in, or name the file\n",
    )


def test_the_launcher_never_imports_a_gxcheck_folder_of_the_current_directory(tmp_path: Path) -> None:
    (tmp_path / "gxcheck").mkdir()
    (tmp_path / "gxcheck" / "__init__.py").write_text("raise SystemExit('the wrong gxcheck')\n")
    result = launch("--version", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("gxcheck ")


@pytest.mark.parametrize("args", [["score", ACTUALS, "--fail-on", "never"], ["validate"], ["--help"]])
def test_stdout_on_a_full_device_is_one_line(tmp_path: Path, args: list[str]) -> None:
    full = tmp_path / "full"
    try:
        os.mknod(full, 0o20666, os.makedev(1, 7))  # what /dev/full is
    except PermissionError:
        pytest.skip("making a device node needs root")
    with full.open("wb") as stdout:
        result = subprocess.run(
            [*GXCHECK, *args],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            env={**os.environ, "GXCHECK_LANG": "en"},
        )
    assert (result.returncode, result.stderr) == (
        2,
        "gxcheck: standard output: cannot write the report: No space left on device\n",
    )


def test_an_output_naming_a_descriptor_that_is_not_open_is_refused() -> None:
    result = process("score", ACTUALS, "-o", "/dev/fd/99", "--lang", "en")
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "gxcheck: --output /dev/fd/99: no such open file or stream\n",
    )


def test_the_launcher_ignores_an_inherited_directory_mark() -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env["GXCHECK_STDIN"] = "directory"
    result = subprocess.run(
        ["sh", str(LAUNCHER), "score", "-", "-f", "json", "--fail-on", "never"],
        input=Path(ACTUALS).read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_columns_zero_in_process_prints_the_scorecard() -> None:
    plain = runner.invoke(app, ["score", ACTUALS, "--fail-on", "never"], env={"COLUMNS": "100"})
    zero = runner.invoke(app, ["score", ACTUALS, "--fail-on", "never"], env={"COLUMNS": "0"})
    assert (zero.exit_code, zero.stderr) == (0, "")
    assert zero.stdout.splitlines()[0] == plain.stdout.splitlines()[0] != ""
    assert len(zero.stdout.splitlines()) > 50


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        pytest.param(None, "gxcheck: 在 {self} 旁边和 PATH 中都找不到 Python\n", id="chinese-by-default"),
        pytest.param("en", "gxcheck: no Python found beside {self} or on PATH\n", id="english"),
    ],
)
def test_the_launcher_without_python_says_so_in_the_readers_language(
    tmp_path: Path, lang: str | None, expected: str
) -> None:
    """The one message the catalogue cannot word: no Python to word it. A PATH with only the
    tools the launcher needs, and no python beside it."""
    tools = tmp_path / "tools"
    tools.mkdir()
    for tool in ("dirname", "readlink"):
        found = shutil.which(tool)
        assert found is not None
        (tools / tool).symlink_to(found)
    launcher = tmp_path / "gxcheck"
    shutil.copy(LAUNCHER, launcher)
    env = {"PATH": str(tools), **({"GXCHECK_LANG": lang} if lang else {})}
    sh = shutil.which("sh")
    assert sh is not None
    command = [sh, str(launcher), "--help"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", expected.format(self=launcher))


# -- what a start builds and imports -------------------------------------------------------------

COMMANDS = ["score", "trend", "explain", "targets", "validate", "schema", "template", "draft"]


@pytest.mark.parametrize(
    ("argv", "built", "code"),
    [
        (["score", "--help"], ["score"], 0),
        (["trend", "--help"], ["trend"], 0),
        (["--help"], COMMANDS, 0),
        (["scor", "--help"], COMMANDS, 2),
        (["--version", "score"], COMMANDS, 0),
    ],
    ids=["score", "trend", "no command", "misspelt", "option first"],
)
def test_a_start_builds_only_the_command_it_names(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    built: list[str],
    code: int,
) -> None:
    """Only the named command becomes click's, the app keeps all of them, and the run prints
    and exits exactly as with the whole tree."""
    import typer.main

    from gxcheck import cli

    names: list[str | None] = []
    real = typer.main.get_command_from_info

    def spy(command_info: typer.models.CommandInfo, **options: Any) -> Any:
        names.append(cli._command_name(command_info))
        return real(command_info, **options)

    monkeypatch.setattr(sys, "argv", ["gxcheck", *argv])
    monkeypatch.delenv("GXCHECK_LANG", raising=False)
    monkeypatch.setattr(typer.main, "get_command_from_info", spy)
    with pytest.raises(SystemExit) as lazy:
        cli.run(argv)
    lazy_out = capsys.readouterr()
    assert names == built
    assert [cli._command_name(c) for c in cli.app.registered_commands] == COMMANDS
    with pytest.raises(SystemExit) as whole:
        cli.app()
    assert (lazy.value.code, lazy_out) == (whole.value.code, capsys.readouterr())
    assert (lazy.value.code, bool(lazy_out.out), bool(lazy_out.err)) == (code, code == 0, code != 0)


def test_the_demo_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    """``gxcheck score actuals/2024.csv`` (the demo, a table to stdout from the cached bundled
    catalogue): no YAML, no message catalogue, no hashlib (OpenSSL), no JSON, no file writer."""
    code = (
        "import sys\n"
        "from gxcheck.launcher import main\n"
        "sys.argv = ['gxcheck', 'score', sys.argv[1], '--fail-on', 'never']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print(*sorted(sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "GXCHECK_CACHE_DIR": str(tmp_path)}
    for _first_fills_the_cache_then_it_is_read in range(2):
        result = subprocess.run(
            [sys.executable, "-c", code, ACTUALS], capture_output=True, text=True, timeout=60, env=env
        )
    unused = {"yaml", "hashlib", "_hashlib", "json", "gxcheck.messages", "gxcheck.targets", "gxcheck.outputs"}
    # What typer itself imports to run a command with an option is typer's, not gxcheck's
    # (typer 0.29 and later: pydantic, which imports hashlib).
    framework = subprocess.run(
        [sys.executable, "-c", TYPER_COMMAND], capture_output=True, text=True, timeout=60, check=True
    )
    unused -= set(framework.stderr.split())
    assert (result.returncode, [m for m in result.stderr.split() if m in unused]) == (0, [])
    assert "gxcheck.render.terminal" in result.stderr.split()


TYPER_COMMAND = """
import sys
from typing import Annotated
import typer
app = typer.Typer()
@app.command()
def main(lang: Annotated[str, typer.Option(envvar="LANG_X")] = "zh", n: int = 1) -> None:
    pass
try:
    app(["--lang", "en"])
except SystemExit:
    pass
print(*sorted(sys.modules), file=sys.stderr)
"""
