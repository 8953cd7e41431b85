"""Packaging facts a fresh clone depends on: pinned tools, honest requirements, the licence,
one version string, and an install section that is true. (`.ci/wheel-test` checks the built
wheel itself, installed outside the repository.)"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import gxcheck

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def pins() -> dict[str, str]:
    text = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    pairs = [line.split("==") for line in lines]
    assert all(len(p) == 2 for p in pairs), "constraints.txt holds only NAME==VERSION lines"
    return {canonicalize_name(name): version for name, version in pairs}


def requirements() -> list[Requirement]:
    return [Requirement(r) for r in metadata.requires("gxcheck") or []]


def test_every_requirement_and_the_build_backend_are_pinned() -> None:
    pinned = pins()
    names = {canonicalize_name(r.name) for r in requirements()} | {"setuptools", "pip"}
    assert sorted(n for n in names if n not in pinned) == []


def test_each_pin_fits_the_requirement() -> None:
    pinned = pins()
    wrong = [str(r) for r in requirements() if not r.specifier.contains(pinned[canonicalize_name(r.name)])]
    assert wrong == []


def test_runtime_requirements_have_no_upper_cap() -> None:
    runtime = [r for r in requirements() if r.marker is None]
    assert runtime, "no runtime requirements found"
    assert [str(r) for r in runtime if any(s.operator in ("<", "<=", "==", "~=") for s in r.specifier)] == []


def test_the_licence_is_mit_as_an_spdx_expression() -> None:
    assert metadata.metadata("gxcheck")["License-Expression"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert (ROOT / "gxcheck" / "py.typed").exists()


def test_one_version_string() -> None:
    assert metadata.version("gxcheck") == gxcheck.__version__ == "0.2.0"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{gxcheck.__version__}]" in changelog


def test_the_readme_install_section_names_this_version() -> None:
    block = README[README.index("<!-- install:start -->") : README.index("<!-- install:end -->")]
    wheel = f"dist/gxcheck-{gxcheck.__version__}-py3-none-any.whl"
    assert block.count(wheel) == 2
    assert f"gxcheck --version       # gxcheck {gxcheck.__version__}" in block
    assert "make wheel " in block
    assert "pip install gxcheck" not in README.replace("`pip install gxcheck` will not find it", "")


def test_the_readme_pins_the_action_to_this_release() -> None:
    assert re.findall(r"uses: your-org/gxcheck@(\S+)", README) == [f"v{gxcheck.__version__}"]


def test_make_installs_from_the_constraints_and_demo_only_the_runtime() -> None:
    assert "editable_mode" not in MAKEFILE
    installs = [line for line in MAKEFILE.splitlines() if "pip install" in line and "INSTALL :=" not in line]
    assert [line for line in installs if ".venv-pin" not in line] == [], "install through $(INSTALL)"
    assert "--constraint constraints.txt" in MAKEFILE
    assert re.search(r"^demo: \$\(RUNTIME\)  ##", MAKEFILE, re.M)
    runtime = MAKEFILE[MAKEFILE.index("$(RUNTIME): ") : MAKEFILE.index("$(STAMP): ")]
    assert "--editable .\n" in runtime and "[test]" not in runtime


needs_git = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(), reason="no git checkout"
)


def tracked(*paths: str) -> list[str]:
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", *paths], capture_output=True, text=True, check=True
    )
    return listed.stdout.splitlines()


@needs_git
def test_the_wheel_carries_every_file_of_the_package(tmp_path: Path) -> None:
    """A module or data file the build configuration leaves out would be missing only once
    installed (`.ci/wheel-test` also runs the installed wheel)."""
    source, out = tmp_path / "src", tmp_path / "dist"
    files = tracked()  # the whole checkout, as a clone has it
    for name in files:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(out),
    ]
    subprocess.run([*command, str(source)], capture_output=True, check=True)
    (wheel,) = out.glob("gxcheck-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert sorted(f for f in files if f.startswith("gxcheck/") and f not in names) == []


@needs_git
def test_the_repository_holds_no_symlink() -> None:
    """A checkout without symlinks (Windows, core.symlinks=false) turns a symlink into link text."""
    staged = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-s"], capture_output=True, text=True, check=True
    )
    assert [line.split("\t")[1] for line in staged.stdout.splitlines() if line.startswith("120000 ")] == []
