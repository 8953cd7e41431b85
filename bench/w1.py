"""W1 alone, with more repetitions than ``make bench`` gives it: for work on gxcheck's start-up.

    .venv/bin/python bench/w1.py [--reps 25] [--no-typer]

The same commands as run.py's W1 rows (the demo against the framework floor, and both on the
newest typer when bench/.venv-typer exists), run interleaved through run.py's ``measure``
after one warm-up each; prints each command's median and minimum and the ratios of medians.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # bench/run.py, beside this file


def main() -> int:
    parser = argparse.ArgumentParser(description="W1 alone (bench/README.md)")
    parser.add_argument("--reps", type=int, default=25, help="repetitions of each command (default 25)")
    parser.add_argument("--no-typer", action="store_true", help="leave out the newest typer's rows")
    args = parser.parse_args()

    demo = ["score", "actuals/2024.csv", "--fail-on", "never"]
    commands = {"gxcheck": [str(run.GXCHECK), *demo], "floor": [str(run.PYTHON), "-c", run.FLOOR_W1]}
    typer_py, typer_why = (None, "--no-typer") if args.no_typer else run.latest_typer_python(False)
    if typer_py is not None:
        source = ["/usr/bin/env", f"PYTHONPATH={run.ROOT}", str(typer_py)]
        commands["gxcheck, newest typer"] = [*source, "-m", "gxcheck", *demo]
        commands["floor, newest typer"] = [*source, "-c", run.FLOOR_W1]
    measured = run.measure("W1", commands, args.reps, warm_up=True)
    failed = [f"{label}: {m.error}" for label, m in measured.items() if m.error is not None]
    if failed:
        print(*failed, sep="\n", file=sys.stderr)
        return 1
    for label, m in measured.items():
        print(f"{label:24} median {m.median:.3f} s, min {m.minimum:.3f} s")
    print(f"W1: {measured['gxcheck'].median / measured['floor'].median:.2f}× the floor (goal ≤ 1.15×)")
    if typer_py is not None:
        ratio = measured["gxcheck, newest typer"].median / measured["floor, newest typer"].median
        print(f"W1 on typer {typer_why}: {ratio:.2f}× its floor")
    else:
        print(f"W1 on the newest typer: skipped ({typer_why})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
