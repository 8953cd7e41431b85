"""The GitHub Action (action.yml + action.sh) run as the runner runs it: each step's env built
from its inputs, its script run by bash against a stub environment (RUNNER_TEMP,
GITHUB_ACTION_PATH, GITHUB_STEP_SUMMARY), the summary and the exit code checked.

Here the install step is stubbed by a venv whose gxcheck is the one under test; `.ci/wheel-test`
runs the real install step."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from gxcheck.cli import app

ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
INPUT = re.compile(r"^\$\{\{ inputs\.([a-z-]+) \}\}$")


def test_the_action_is_composite_with_its_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"actuals", "targets", "fail-on", "format", "output", "lang", "version"}
    assert ACTION["inputs"]["fail-on"]["default"] == "missed,near"
    assert ACTION["inputs"]["format"]["default"] == "github"
    assert [s["run"] for s in STEPS] == [
        'bash "$GITHUB_ACTION_PATH/action.sh" install',
        'bash "$GITHUB_ACTION_PATH/action.sh" score',
    ]


def test_no_input_is_pasted_into_a_script() -> None:
    """An expression in `run:` is pasted into the script before bash reads it: shell injection."""
    for step in STEPS:
        assert "${{" not in step["run"]
        assert all(INPUT.match(value) for value in step.get("env", {}).values()), step["env"]
    used = {INPUT.match(v).group(1) for s in STEPS for v in s["env"].values()}  # type: ignore[union-attr]
    assert used == set(ACTION["inputs"])


def step_env(step: dict[str, Any], inputs: dict[str, str]) -> dict[str, str]:
    """The step's env as the runner fills it: each `${{ inputs.x }}` is the input or its default."""
    env = {}
    for name, value in step["env"].items():
        match = INPUT.match(value)
        assert match
        key = match.group(1)
        assert key in ACTION["inputs"]
        env[name] = inputs.get(key, ACTION["inputs"][key].get("default", ""))
    return env


class Runner:
    """A stub runner: a workspace with the 2024 actuals, a job summary, and the install step's
    venv holding a gxcheck that is the code under test."""

    def __init__(self, tmp: Path) -> None:
        self.workspace = tmp / "workspace"
        self.workspace.mkdir()
        shutil.copy(ROOT / "actuals" / "2024.csv", self.workspace / "actuals.csv")
        self.summary = tmp / "summary.md"
        self.summary.write_text("", encoding="utf-8")
        self.temp = tmp / "runner-temp"
        bin_dir = self.temp / "gxcheck-action-venv" / "bin"
        bin_dir.mkdir(parents=True)
        stub = bin_dir / "gxcheck"
        stub.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m gxcheck "$@"\n', encoding="utf-8")
        stub.chmod(0o755)

    def run(self, step: int, **inputs: str) -> tuple[int, str, str]:
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(self.workspace),
            "RUNNER_TEMP": str(self.temp),
            "GITHUB_ACTION_PATH": str(ROOT),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "PYTHONPATH": str(ROOT),
            "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"],  # the same day as self.markdown's
            **step_env(STEPS[step], {k.replace("_", "-"): v for k, v in inputs.items()}),
        }
        done = subprocess.run(
            ["bash", "-c", STEPS[step]["run"]], cwd=self.workspace, env=env, capture_output=True, text=True
        )
        return done.returncode, done.stdout, done.stderr

    def markdown(self, *args: str) -> str:
        old = Path.cwd()
        os.chdir(self.workspace)
        try:
            return CliRunner().invoke(app, ["score", "actuals.csv", "-f", "markdown", *args]).stdout
        finally:
            os.chdir(old)


@pytest.fixture
def runner(tmp_path: Path) -> Runner:
    return Runner(tmp_path)


SCORE = 1


def test_default_inputs_annotate_fail_the_step_and_write_the_summary(runner: Runner) -> None:
    code, out, err = runner.run(SCORE, actuals="actuals.csv")
    assert (code, err) == (1, "")
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert len(errors) == 8  # near or missed under the default fail-on: missed,near
    # Each on the CSV row that holds its figure; none on the bundled catalogue, no file of the user's.
    assert all(e.startswith("::error file=actuals.csv,line=") for e in errors) and ".yaml" not in out
    assert runner.summary.read_text(encoding="utf-8") == runner.markdown("--fail-on", "missed,near")
    assert "不通过" in runner.summary.read_text(encoding="utf-8")


def test_another_format_writes_the_report_and_adds_the_summary(runner: Runner) -> None:
    code, out, err = runner.run(SCORE, actuals="actuals.csv", format="junit", output="g.xml", fail_on="never")
    assert (code, out, err) == (0, "", "")
    assert (runner.workspace / "g.xml").read_text(encoding="utf-8").startswith("<?xml")
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.rstrip("\n") == runner.markdown("--fail-on", "never").rstrip("\n")
    assert "仅报告（--fail-on never）" in summary


def test_the_step_fails_under_the_policy_in_english(runner: Runner) -> None:
    code, out, _ = runner.run(SCORE, actuals="actuals.csv", format="markdown", lang="en", fail_on="missed")
    assert code == 1
    assert out.startswith("# Chongqing High-tech Zone")
    assert runner.summary.read_text(encoding="utf-8").rstrip("\n") == out.rstrip("\n")


def test_a_glob_in_actuals_is_expanded(runner: Runner) -> None:
    code, _, err = runner.run(SCORE, actuals="act*.csv", fail_on="never", format="json")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    "hostile",
    ['actuals.csv"; touch pwned; echo "', "$(touch pwned)", "`touch pwned`", "actuals.csv;touch pwned"],
)
def test_an_input_is_data_never_shell_code(runner: Runner, hostile: str) -> None:
    code, _, err = runner.run(SCORE, actuals=hostile, fail_on="never", lang="en")
    assert code == 2
    assert "no such file" in err
    assert not (runner.workspace / "pwned").exists()
    code, _, _ = runner.run(SCORE, actuals="actuals.csv", targets=hostile, fail_on="never")
    assert code == 2
    assert not (runner.workspace / "pwned").exists()


def test_an_actuals_name_cannot_pass_for_an_option(runner: Runner) -> None:
    code, _, err = runner.run(SCORE, actuals="--output=x.txt", fail_on="never", lang="en")
    assert code == 2
    assert err == "--output=x.txt: no such file\n"
    assert not (runner.workspace / "x.txt").exists()


def test_install_refuses_a_version_that_is_a_pip_option(runner: Runner) -> None:
    code, out, _ = runner.run(0, version="--index-url=https://example.invalid/simple")
    assert code == 2
    assert out == (
        "::error title=gxcheck action::version '--index-url=https://example.invalid/simple' 不是版本要求："
        "请给出版本要求或 wheel 文件的路径，而不是 pip 选项\n"
    )
    code, out, _ = runner.run(0, version="--index-url=https://example.invalid/simple", lang="en")
    assert code == 2
    assert out == (
        "::error title=gxcheck action::version '--index-url=https://example.invalid/simple' is not a "
        "requirement: give a requirement or a wheel's path, not a pip option\n"
    )
    assert (runner.temp / "gxcheck-action-venv" / "bin" / "gxcheck").exists()  # untouched


def test_score_without_actuals_says_so(runner: Runner) -> None:
    code, out, _ = runner.run(SCORE, actuals="")
    assert (code, out) == (2, "::error title=gxcheck action::缺少输入 actuals（数据文件，以空格分隔）\n")
    code, out, _ = runner.run(SCORE, actuals="", lang="en")
    assert (code, out) == (
        2,
        "::error title=gxcheck action::the input actuals is required (CSV files, separated by spaces)\n",
    )
