"""Hostile or broken input: a clear message and exit 2, nothing run, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CATALOGUE_2024, ROOT
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.template import guard_cell, template_csv
from gxcheck.textsafe import visible

runner = CliRunner()
TARGETS = (CATALOGUE_2024).read_text(encoding="utf-8")


ENGLISH = {"GXCHECK_LANG": "en"}  # validate has no --lang: its messages follow GXCHECK_LANG


def run(*args: str, width: int = 80, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(width), **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def hostile_catalogue(tmp_path: Path, name: str) -> Path:
    """The bundled catalogue with GDP's Chinese name replaced by ``name``."""
    path = tmp_path / "targets.yaml"
    path.write_text(
        TARGETS.replace("{zh: 地区生产总值增长, en: GDP growth}", json.dumps({"zh": name, "en": name}))
    )
    return path


# -- text that could take over a terminal or a report ----------------------------------------


def test_rich_markup_in_a_name_is_shown_literally(tmp_path: Path) -> None:
    targets = hostile_catalogue(tmp_path, "[bold red]GDP[/] [link=https://evil.invalid]click[/link]")
    csv = tmp_path / "a.csv"
    csv.write_text("id,value\ngdp_growth,8\n", encoding="utf-8")
    code, out, _ = run("score", str(csv), "--targets", str(targets), "--fail-on", "never", width=300)
    assert code == 0
    assert "[bold red]GDP[/] [link=https://evil.invalid]click[/link]" in out


def test_escape_sequences_in_a_name_are_made_visible(tmp_path: Path) -> None:
    targets = hostile_catalogue(tmp_path, "GDP\x1b[2J\x1b]0;owned\x07")
    csv = tmp_path / "a.csv"
    csv.write_text("id,value\ngdp_growth,8\n", encoding="utf-8")
    code, out, _ = run("score", str(csv), "--targets", str(targets), "--fail-on", "never")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "GDP\\x1b[2J\\x1b]0;owned\\x07" in out


def test_escape_sequences_in_an_error_message_are_made_visible(tmp_path: Path) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text("id,value\n\x1b[31mgdp\x1b[0m,7\n", encoding="utf-8")
    code, out, err = run("score", str(csv), "--lang", "en")
    assert (code, out) == (2, "")
    assert "\x1b" not in err
    assert err == (
        f'{csv}:2: unknown target id "\\x1b[31mgdp\\x1b[0m" (see `gxcheck targets`; '
        "--ignore-unknown skips such rows)\n"
    )


def test_visible_keeps_chinese_and_escapes_controls_and_bidi_overrides() -> None:
    assert visible("地区生产总值 GDP") == "地区生产总值 GDP"
    assert visible("a\x00b\x1bc\x7fd\u202ee\nf") == "a\\x00b\\x1bc\\x7fd\\u202ee\\x0af"


def test_markdown_cannot_be_broken_by_a_name(tmp_path: Path) -> None:
    targets = hostile_catalogue(tmp_path, "GDP | *bold* <script>alert(1)</script>\n# heading")
    csv = tmp_path / "a.csv"
    csv.write_text("id,value\ngdp_growth,8\n", encoding="utf-8")
    code, out, _ = run("score", str(csv), "--targets", str(targets), "-f", "markdown", "--fail-on", "never")
    assert code == 0
    row = next(line for line in out.splitlines() if "GDP" in line and line.startswith("| ✅"))
    assert "GDP \\| \\*bold\\* \\<script\\>alert(1)\\</script\\> # heading" in row
    assert row.count(" | ") == 6  # still seven cells


@pytest.mark.parametrize(
    ("cell", "guarded"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("地区生产总值", "地区生产总值"),
        ("%", "%"),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_guarded(cell: str, guarded: str) -> None:
    assert guard_cell(cell) == guarded


def test_template_guards_a_formula_in_a_name(tmp_path: Path, bundled: object) -> None:
    from gxcheck.targets import load_targets

    catalogue = load_targets(hostile_catalogue(tmp_path, '=cmd|"/c calc"!A1'))
    assert '\r\ngdp_growth,"\'=cmd|""/c calc""!A1",%,2024,,,\r\n' in template_csv(catalogue)


# -- YAML that tries to run code or blow up ----------------------------------------------------


def test_a_python_tag_in_a_targets_file_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "evil.yaml"
    path.write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    code, _, err = run("validate", str(path), env=ENGLISH)
    assert code == 2
    tag = "tag:yaml.org,2002:python/object/apply:os.system"
    assert err == f"{path}:1: YAML tag '{tag}' is not allowed (plain values only)\n"
    assert not marker.exists()


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
    path = tmp_path / "lol.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("validate", str(path), env=ENGLISH)
    assert code == 2
    assert err == f"{path}:2: YAML aliases (*name) are not allowed; write the value out\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("- just\n- a list\n", "the top level must be a mapping with keys version, plan, areas, targets"),
        ("plan: [unclosed\n", "not valid YAML: "),
    ],
    ids=["empty", "list", "syntax"],
)
def test_unusable_targets_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(content, encoding="utf-8")
    code, _, err = run("validate", str(path), env=ENGLISH)
    assert code == 2
    assert err.startswith(f"{path}") and message in err


def test_a_directory_as_targets_file(tmp_path: Path) -> None:
    assert run("validate", str(tmp_path), env=ENGLISH) == (2, "", f"{tmp_path}: is a directory, not a file\n")


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text("id,value\n", encoding="utf-8")
    real_open = Path.open

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        if self == csv:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", denied)
    assert run("score", str(csv), "--lang", "en") == (
        2,
        "",
        f"{csv}: permission denied: the file cannot be read\n",
    )


# -- nothing lost ----------------------------------------------------------------------------


def test_ctrl_c_exits_130_and_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    out_file = tmp_path / "report.json"
    out_file.write_text("old report", encoding="utf-8")
    real_replace = os.replace

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    code, out, err = run(
        "score", str(ROOT / "actuals" / "2024.csv"), "-f", "json", "-o", str(out_file), "-l", "en"
    )
    monkeypatch.setattr(os, "replace", real_replace)
    assert (code, out, err) == (130, "", "gxcheck: interrupted\n")
    assert out_file.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_into_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "report.md"
    args = ["-o", str(target), "--fail-on", "never", "--lang", "en"]
    code, _, err = run("score", str(ROOT / "actuals" / "2024.csv"), *args)
    assert code == 2
    assert err == f"gxcheck: --output {target}: the directory {target.parent} does not exist\n"


def test_a_report_gets_ordinary_permissions_not_the_temp_files(tmp_path: Path) -> None:
    import os
    import stat

    new, old = tmp_path / "new.md", tmp_path / "old.md"
    old.write_text("old", encoding="utf-8")
    old.chmod(0o640)
    umask = os.umask(0o022)
    try:
        for target in (new, old):
            run(
                "score",
                str(ROOT / "actuals" / "2024.csv"),
                "-f",
                "markdown",
                "-o",
                str(target),
                "--fail-on",
                "never",
            )
    finally:
        os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
