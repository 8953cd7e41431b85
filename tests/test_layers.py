"""The core is pure: the model, periods, evaluator, trends, errors and loaders import no
presentation code (rich, gxcheck.render, labels, number formatting, wrapping)."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

CORE = (
    "model",
    "periods",
    "evaluate",
    "trend",
    "errors",
    "targets",
    "actuals",
    "values",
    "scales",
    "schema",
    "yamlsafe",
    "files",
)
PRESENTATION = ("rich", "typer", "gxcheck.render", "gxcheck.labels", "gxcheck.fmt", "gxcheck.wrap")


def _presentation(module: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in PRESENTATION)


def _imports(path: str) -> list[str]:
    tree = ast.parse((ROOT / "gxcheck" / f"{path}.py").read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):  # function-level imports too
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return names


def test_no_core_module_imports_presentation_code() -> None:
    offending = {m: [n for n in _imports(m) if _presentation(n)] for m in CORE}
    assert {m: names for m, names in offending.items() if names} == {}


def test_importing_the_core_loads_no_presentation_module() -> None:
    modules = ", ".join(f"gxcheck.{m}" for m in CORE)
    code = f"import sys, {modules}; print('\\n'.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert [m for m in loaded if _presentation(m)] == []
