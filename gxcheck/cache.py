"""A cache of the parsed bundled catalogues, so that a run does not parse and validate the
same YAML (and import PyYAML) every time it starts.

An entry is keyed by the SHA-256 of the catalogue file's bytes, gxcheck's version and the
size and modification time of gxcheck's own modules (a changed model or validator is a new
key), and stored in the user's cache directory: ``$GXCHECK_CACHE_DIR`` (empty: no cache),
else ``$XDG_CACHE_HOME/gxcheck``, else ``~/.cache/gxcheck``.

The cache never decides a verdict on its own and never fails a run:

* an entry is used only when the directory and the file belong to the user running gxcheck
  and nobody else may write to them, its digest matches its content, and it unpickles to a
  Catalogue through an unpickler that may build nothing but gxcheck's model classes,
  ``Decimal`` and ``date`` (a planted file cannot run code);
* anything else (missing, foreign, corrupt, stale, unreadable) is ignored and the YAML is
  parsed as if there were no cache;
* an unwritable directory means no entry is stored; entries are written to a temporary file
  and renamed, so a reader never sees half of one.
"""

from __future__ import annotations

# The C unpickler alone: the pickle module (needed only to store) costs 5 ms more to import.
import _pickle
import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import Any

from gxcheck import __version__
from gxcheck.model import Catalogue

# SHA-256 from CPython's own small module: hashlib loads OpenSSL first, 3-4 ms at every start
# for two digests of a few dozen KiB. hashlib on a Python that has neither module.
try:
    from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # CPython 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment,no-redef,unused-ignore]

ENV = "GXCHECK_CACHE_DIR"
DEFAULT = "2024"  # gxcheck.targets.DEFAULT_BUNDLED, without importing it (a test holds them equal)
_PACKAGE = Path(__file__).resolve().parent
_MAGIC = b"gxcheck-catalogue-1\n"
_DIGEST = 32  # bytes of SHA-256 after the magic line
_ALLOWED = {("decimal", "Decimal"), ("datetime", "date"), ("fractions", "Fraction")}
_MODULES = frozenset({"gxcheck.model", "gxcheck.periods"})


def directory() -> Path | None:
    """Where entries live, or None when the cache is switched off."""
    explicit = os.environ.get(ENV)
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gxcheck"


def _key(data: bytes, label: str) -> str:
    """The entry's name: the file's bytes, its label, gxcheck's version and its modules."""
    digest = sha256()
    for part in (__version__, label, sys.version):
        digest.update(part.encode() + b"\0")
    try:
        modules = sorted(os.scandir(_PACKAGE), key=lambda entry: entry.name)
        for entry in modules:
            if entry.name.endswith(".py"):
                info = entry.stat()
                digest.update(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}\0".encode())
    except OSError:
        pass
    digest.update(data)
    return f"catalogue-{digest.hexdigest()[:32]}.pickle"


def _private(info: os.stat_result, kind: int) -> bool:
    """Whether a stat result is a ``kind`` (file or directory) of ours that only we may write."""
    own = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_IFMT(info.st_mode) == kind and own and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class _Unpickler(_pickle.Unpickler):
    """Builds gxcheck's model classes, Decimal, date and Fraction, and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED or (module in _MODULES and not name.startswith("_")):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise _pickle.UnpicklingError(f"{module}.{name} is not allowed in the catalogue cache")


def load(data: bytes, label: str) -> Catalogue | None:
    """The cached catalogue parsed from ``data`` (a file labelled ``label``), or None."""
    where = directory()
    if where is None:
        return None
    path = where / _key(data, label)
    try:
        if not _private(os.stat(where), stat.S_IFDIR):
            return None
        with open(path, "rb") as handle:
            if not _private(os.fstat(handle.fileno()), stat.S_IFREG):
                return None
            blob = handle.read()
        if not blob.startswith(_MAGIC):
            return None
        digest, payload = blob[len(_MAGIC) : len(_MAGIC) + _DIGEST], blob[len(_MAGIC) + _DIGEST :]
        if sha256(payload).digest() != digest:
            return None
        import io

        catalogue = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # a cache is never a reason to fail: parse the YAML instead
        return None
    if not isinstance(catalogue, Catalogue) or catalogue.path != label or not catalogue.bundled:
        return None
    return catalogue


def store(data: bytes, label: str, catalogue: Catalogue) -> None:
    """Keep ``catalogue`` for the next run; quietly nothing when that cannot be done."""
    where = directory()
    if where is None:
        return
    tmp = None
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(where), stat.S_IFDIR):
            return
        import pickle

        payload = pickle.dumps(catalogue, protocol=pickle.HIGHEST_PROTOCOL)
        blob = _MAGIC + sha256(payload).digest() + payload
        path = where / _key(data, label)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # read-only home, full disk, a race with another run: no cache this time
        return
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def bundled_file(name: str = DEFAULT) -> Path:
    """Where the bundled catalogue ``name`` lies in an installed (not zipped) package, found
    without importlib.resources (which costs milliseconds to import)."""
    return _PACKAGE / "data" / f"{name}.yaml"


def bundled(name: str = DEFAULT) -> Catalogue:
    """The bundled catalogue ``name``: from the cache when it holds this very file, else
    parsed (:func:`gxcheck.targets.load_bundled`, which fills the cache)."""
    try:
        data = bundled_file(name).read_bytes()
    except OSError:
        data = None  # not a plain directory (a zipped install): importlib.resources reads it
    if data is not None:
        hit = load(data, f"<bundled {name}.yaml>")
        if hit is not None:
            return hit
    from gxcheck.targets import load_bundled

    return load_bundled(name)
