"""The cache of parsed bundled catalogues (gxcheck.cache): used only when it is ours and whole,
never a reason for a run to fail, and never able to run code."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from gxcheck import cache, targets
from gxcheck.cli import app
from gxcheck.model import Catalogue

LABEL = "<bundled 2024.yaml>"


@pytest.fixture
def where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(directory))
    return directory


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each parse of a targets file's text (a cache hit parses nothing)."""
    calls: list[str] = []
    real = targets.parse_targets

    def spy(text: str, file: str) -> Catalogue:
        calls.append(file)
        return real(text, file)

    monkeypatch.setattr(targets, "parse_targets", spy)
    return calls


def entry(where: Path) -> Path:
    (found,) = where.glob("catalogue-*.pickle")
    return found


def data() -> bytes:
    return cache.bundled_file().read_bytes()


def test_the_second_load_comes_from_the_cache_and_equals_the_first(where: Path, parses: list[str]) -> None:
    first = targets.load_bundled()
    assert parses == [LABEL]
    assert stat.S_IMODE(os.stat(where).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(entry(where)).st_mode) == 0o600
    assert targets.load_bundled() == first
    assert cache.bundled() == first
    assert parses == [LABEL]  # neither parsed again


def test_a_changed_file_is_a_new_key(where: Path) -> None:
    catalogue = targets.load_bundled()
    assert cache.load(data() + b"\n# changed\n", LABEL) is None
    assert cache.load(data(), "<bundled other.yaml>") is None
    assert cache.load(data(), LABEL) == catalogue


def test_a_planted_entry_cannot_run_code(where: Path, parses: list[str], tmp_path: Path) -> None:
    targets.load_bundled()
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Evil())
    import hashlib

    entry(where).write_bytes(cache._MAGIC + hashlib.sha256(payload).digest() + payload)
    assert cache.load(data(), LABEL) is None
    assert not marker.exists()
    assert targets.load_bundled().path == LABEL  # parsed again, and the entry replaced
    assert parses == [LABEL, LABEL]
    assert cache.load(data(), LABEL) is not None


@pytest.mark.parametrize(
    "spoil",
    [
        lambda blob: blob[:-10],  # cut short
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),  # one bit changed
        lambda blob: b"not a cache entry" + blob,
        lambda blob: b"",
    ],
)
def test_a_corrupt_entry_is_ignored(where: Path, parses: list[str], spoil: object) -> None:
    first = targets.load_bundled()
    path = entry(where)
    path.write_bytes(spoil(path.read_bytes()))  # type: ignore[operator]
    assert cache.load(data(), LABEL) is None
    assert targets.load_bundled() == first
    assert parses == [LABEL, LABEL]


def test_an_entry_another_user_could_write_is_not_trusted(where: Path) -> None:
    targets.load_bundled()
    path = entry(where)
    path.chmod(0o620)
    assert cache.load(data(), LABEL) is None
    path.chmod(0o600)
    where.chmod(0o777)
    assert cache.load(data(), LABEL) is None
    where.chmod(0o700)
    assert cache.load(data(), LABEL) is not None


def test_an_unwritable_cache_never_fails_a_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    assert targets.load_bundled().path == LABEL
    assert cache.load(data(), LABEL) is None


def test_an_empty_setting_switches_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.directory() is None
    targets.load_bundled()
    assert list(tmp_path.iterdir()) == []


def test_the_default_directory_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.directory() == tmp_path / "gxcheck"


def test_the_cache_finds_the_bundled_files_as_targets_does() -> None:
    assert cache.DEFAULT == targets.DEFAULT_BUNDLED
    for name in targets.bundled_catalogues():
        assert cache.bundled_file(name) == targets.bundled_targets_path(name)


def test_the_scorecard_is_the_same_from_a_cold_and_a_warm_cache(
    where: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    cold = runner.invoke(app, ["score", "actuals/2024.csv", "--fail-on", "never", "-f", "json"])
    assert cold.exit_code == 0, cold.output
    assert entry(where).exists()
    warm = runner.invoke(app, ["score", "actuals/2024.csv", "--fail-on", "never", "-f", "json"])
    assert warm.exit_code == 0
    assert warm.stdout == cold.stdout
