"""The catalogues bundled with gxcheck: package data (real files, one copy in the repository),
read with importlib.resources and named as bundled, never with a path the user does not have."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import BUNDLED_DIR, ROOT
from typer.testing import CliRunner

from gxcheck.cli import app
from gxcheck.errors import InputError
from gxcheck.targets import (
    bundled_catalogues,
    bundled_label,
    bundled_targets_path,
    load_bundled,
    load_targets,
)


def test_the_2024_plan_is_bundled_and_the_default() -> None:
    assert "2024" in bundled_catalogues()
    assert load_targets() == load_bundled("2024") == load_bundled()
    assert bundled_label("2024") == "<bundled 2024.yaml>"


def test_every_yaml_file_in_the_data_directory_is_a_bundled_catalogue() -> None:
    on_disk = sorted(p.stem for p in BUNDLED_DIR.glob("*.yaml"))
    assert list(bundled_catalogues()) == on_disk


@pytest.mark.parametrize("name", bundled_catalogues())
def test_each_bundled_catalogue_is_a_real_file_that_loads(name: str) -> None:
    """A symlink is link text on a checkout without symlinks (Windows): the file must be real."""
    path = BUNDLED_DIR / f"{name}.yaml"
    assert not path.is_symlink()
    assert bundled_targets_path(name) == path
    catalogue = load_bundled(name)
    assert (catalogue.path, catalogue.bundled) == (f"<bundled {name}.yaml>", True)
    assert catalogue.targets


def _repository_files() -> list[Path]:
    skip = {".venv", ".git", "build", "dist", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in skip and not d.startswith(".venv")]
        found += [Path(folder) / f for f in files if f.endswith((".yaml", ".yml"))]
    return found


@pytest.mark.parametrize("name", bundled_catalogues())
def test_the_repository_holds_one_copy_of_each_bundled_catalogue(name: str) -> None:
    """No second copy that could drift from the package data (as targets/2024.yaml once was)."""
    bundled = (BUNDLED_DIR / f"{name}.yaml").read_bytes()
    copies = [p for p in _repository_files() if p.read_bytes() == bundled]
    assert copies == [BUNDLED_DIR / f"{name}.yaml"]
    assert not (ROOT / "targets" / f"{name}.yaml").exists()


def test_an_unknown_bundled_name_says_which_are_bundled() -> None:
    with pytest.raises(InputError) as exc:
        load_bundled("2025")
    listed = ", ".join(bundled_catalogues())
    assert exc.value.lines() == [f'<bundled 2025.yaml>: no bundled catalogue "2025" (bundled: {listed})']
    with pytest.raises(InputError):
        bundled_targets_path("../targets/2024")


def test_validate_from_another_directory_names_the_bundled_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["validate", "--lang", "en"])
    assert (result.exit_code, result.stdout) == (0, "<bundled 2024.yaml>: OK, 68 targets in 8 areas\n")


def test_a_targets_file_given_by_path_keeps_its_path(tmp_path: Path) -> None:
    mine = tmp_path / "2024.yaml"
    mine.write_bytes((BUNDLED_DIR / "2024.yaml").read_bytes())
    catalogue = load_targets(mine)
    assert (catalogue.path, catalogue.bundled) == (str(mine), False)
