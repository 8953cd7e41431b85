"""gxcheck's performance benchmark: every workload against its floor, side by side, in one run.

    .venv/bin/python bench/run.py            # the full benchmark (make bench), about 5-10 minutes
    .venv/bin/python bench/run.py --quick    # small inputs, one repetition: a smoke test
    .venv/bin/python bench/run.py --no-peer  # leave out the peers (DuckDB, polars, pandas, newest typer)

Every measured command is a fresh process; its wall-clock time is taken from just before
the fork to the moment the parent reaps it, and its peak memory (max RSS) from that
child's own rusage (``os.wait4``). The commands of a workload run interleaved (A B A B …)
after one untimed warm-up each, so drift on the machine hits both sides alike. The
table quotes the median (and the minimum) and the ratio to the floor measured in the
same run. See bench/README.md for what each workload measures.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = BENCH / ".data"
PEER = BENCH / ".venv-peer"
TYPER_VENV = BENCH / ".venv-typer"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench/generate.py, beside this file)

from gxcheck.targets import bundled_targets_path  # noqa: E402

PYTHON = Path(sys.executable)
GXCHECK = PYTHON.parent / "gxcheck"
MIB = 1024 * 1024

# -- the floors: what any Python CLI doing this job pays at least -----------------------

FLOOR_W1 = """
import typer, rich.console, yaml
from rich.table import Table
table = Table(title="floor")
for name in ("状态", "指标", "目标", "实际", "差距"):
    table.add_column(name)
for i in range(60):
    table.add_row("✔ 完成", f"指标 {i}", f"≥ {i} %", f"{i + 0.5} %", "+0.5")
rich.console.Console(highlight=False).print(table)
"""

_CSV_FLOOR = """
import csv, sys
def csv_floor(path):
    total, numbers = 0.0, 0
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        column = next(reader).index("value")
        for row in reader:
            try:
                total += float(row[column])
                numbers += 1
            except ValueError:
                pass  # 7.4%, 是, 52个: not plain numbers
    return numbers, total
"""
FLOOR_W2 = _CSV_FLOOR + "print(*csv_floor(sys.argv[1]))\n"
FLOOR_W4 = (
    _CSV_FLOOR
    + """
import yaml
with open(sys.argv[1], encoding="utf-8") as handle:
    doc = yaml.load(handle.read(), Loader=yaml.CSafeLoader)
print(len(doc["targets"]), *csv_floor(sys.argv[2]))
"""
)


# -- running children ---------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_bytes: int
    code: int
    stdout_bytes: int
    stderr: str


@dataclass
class Measured:
    label: str
    command: list[str]
    runs: list[Run] = field(default_factory=list)
    error: str | None = None

    @property
    def times(self) -> list[float]:
        return [r.seconds for r in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def minimum(self) -> float:
        return min(self.times)

    @property
    def peak_mib(self) -> float:
        return max(r.peak_bytes for r in self.runs) / MIB


def child_env() -> dict[str, str]:
    """The caller's environment, less what would make rich or Python behave differently.

    PYTHONDONTWRITEBYTECODE goes too: with it, a module edited since its ``.pyc`` was
    written is compiled again at every start (milliseconds a module), which an installed
    gxcheck never does; the warm-up run writes the missing ``.pyc`` files."""
    env = dict(os.environ)
    for name in (
        "COLUMNS",
        "LINES",
        "FORCE_COLOR",
        "PYTHONPROFILEIMPORTTIME",
        "PYTHONDEVMODE",
        "PYTHONWARNINGS",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)
    return env


TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time: the child's own peak memory


def run_child(command: list[str]) -> Run:
    """Run one fresh process with stdout and stderr on pipes; its time and peak memory.

    The peak is measured by GNU time (``%M``) when it is installed: a child forked from
    this (larger) process would otherwise inherit its high-water mark in ``ru_maxrss``.
    Without it, ``os.wait4``'s rusage is used, which overstates small peaks.
    """
    env = child_env()
    counted = [0]
    errors: list[bytes] = []
    peak_file = None
    if TIME is not None:
        fd, peak_file = tempfile.mkstemp(prefix="gxbench-", suffix=".rss")
        os.close(fd)
        command = [TIME, "-f", "%M", "-o", peak_file, *command]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    out, err = child.stdout, child.stderr

    def drain_stdout() -> None:
        while chunk := out.read(1 << 16):
            counted[0] += len(chunk)

    def drain_stderr() -> None:
        errors.append(err.read())

    readers = [threading.Thread(target=drain_stdout), threading.Thread(target=drain_stderr)]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    for reader in readers:
        reader.join()
    out.close()
    err.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * 1024  # Linux reports KiB
    if peak_file is not None:
        try:
            peak = int(Path(peak_file).read_text().split()[-1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        finally:
            Path(peak_file).unlink(missing_ok=True)
    return Run(seconds, peak, child.returncode, counted[0], b"".join(errors).decode("utf-8", "replace"))


def measure(name: str, commands: dict[str, list[str]], reps: int, warm_up: bool) -> dict[str, Measured]:
    """Run the commands interleaved, ``reps`` times each, after one untimed warm-up each."""
    measured = {label: Measured(label, command) for label, command in commands.items()}
    rounds = ([False] if warm_up else []) + [True] * reps
    for index, timed in enumerate(rounds):
        for m in measured.values():
            if m.error is not None:
                continue
            run = run_child(m.command)
            if run.code != 0:
                last = run.stderr.strip().splitlines()[-1:] or ["(no message)"]
                m.error = f"exit {run.code}: {last[0][:200]}"
                progress(f"  {name} / {m.label}: FAILED, {m.error}")
                continue
            if timed:
                m.runs.append(run)
            progress(
                f"  {name} / {m.label}: {'warm-up' if not timed else f'run {index + (0 if warm_up else 1)}'}"
                f" {run.seconds:.3f} s, {run.peak_bytes / MIB:.0f} MiB"
            )
    return measured


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the peer venv (W5) ----------------------------------------------------------------------


PEER_PACKAGES = ("pandas", "duckdb", "polars", "pyyaml", "openpyxl")  # openpyxl: read_excel (W6)


def _venv(where: Path, packages: tuple[str, ...], check: str, allow_install: bool) -> tuple[Path | None, str]:
    """``where``'s python with ``packages``, made if missing; or None and why not. ``check``
    is a python snippet that imports them and prints their versions."""
    python = where / "bin" / "python"
    if python.exists():
        done = subprocess.run([str(python), "-c", check], capture_output=True, text=True)
        if done.returncode == 0:
            return python, done.stdout.strip()
    if not allow_install:
        return None, f"{where.relative_to(ROOT)} is missing and --no-install was given"
    base = shutil.which("python3") or getattr(sys, "_base_executable", None) or sys.executable
    steps = [
        [base, "-m", "venv", str(where)],
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *packages],
    ]
    for step in steps:
        progress(f"setting up: {' '.join(step)}")
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"{' '.join(step[:4])} failed: {exc}"
        if done.returncode != 0:
            last = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["(no message)"]
            return None, f"{' '.join(step[:4])} failed (exit {done.returncode}): {last[0][:300]}"
    done = subprocess.run([str(python), "-c", check], capture_output=True, text=True)
    if done.returncode != 0:
        return None, f"the packages do not import in {where.relative_to(ROOT)}: {done.stderr.strip()[-300:]}"
    return python, done.stdout.strip()


def peer_python(allow_install: bool) -> tuple[Path | None, str]:
    """bench/.venv-peer: pandas, DuckDB, polars, PyYAML and openpyxl (the peers of W2, W5, W6)."""
    check = (
        "import duckdb, openpyxl, pandas, polars, yaml; yaml.CSafeLoader; "
        "print(f'pandas {pandas.__version__}, DuckDB {duckdb.__version__}, polars {polars.__version__}')"
    )
    return _venv(PEER, PEER_PACKAGES, check, allow_install)


def latest_typer_python(allow_install: bool) -> tuple[Path | None, str]:
    """bench/.venv-typer: the newest typer (and rich, PyYAML), to run gxcheck's source with
    (PYTHONPATH): what a user's ``pip install gxcheck`` gets, unpinned."""
    check = "import typer, rich, yaml; from importlib.metadata import version; print(version('typer'))"
    return _venv(TYPER_VENV, ("typer", "rich", "pyyaml"), check, allow_install)


# -- the report -----------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for name in ("gxcheck", "typer", "rich", "PyYAML"):
        with contextlib.suppress(PackageNotFoundError):
            parts.append(f"{name} {version(name)}")
    return ", ".join(parts)


def seconds(m: Measured) -> str:
    if m.error is not None or not m.runs:
        return f"error ({m.error})"
    return f"{m.median:.3f} s ({m.minimum:.3f})"


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("**met**" if ok else "**not met**")


def ratio_row(
    workload: str, gx: Measured, base: Measured, base_is: str, limit: float, goal: str
) -> tuple[list[str], bool | None]:
    if gx.error or base.error or not gx.runs or not base.runs:
        return [workload, seconds(gx), seconds(base), base_is, "—", goal, verdict(None)], None
    ratio = gx.median / base.median
    ok = ratio <= limit
    return [workload, seconds(gx), seconds(base), base_is, f"{ratio:.2f}×", goal, verdict(ok)], ok


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# -- main ------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description="gxcheck's performance benchmark (bench/README.md)")
    parser.add_argument("--quick", action="store_true", help="small inputs, one repetition (a smoke test)")
    parser.add_argument("--reps", type=int, help="repetitions of the small workloads (default 5)")
    parser.add_argument("--big-reps", type=int, help="repetitions of the 1,000,000-row workloads (default 3)")
    parser.add_argument(
        "--no-peer", action="store_true", help="leave out the peers (DuckDB, polars, pandas, newest typer)"
    )
    parser.add_argument(
        "--no-install", action="store_true", help="do not create bench/.venv-peer or bench/.venv-typer"
    )
    args = parser.parse_args()

    if not GXCHECK.exists():
        print(f"bench: {GXCHECK} not found: run this with the venv's python (make bench)", file=sys.stderr)
        return 2
    quick = args.quick
    small_rows, big_rows, n_targets = (2_000, 20_000, 1_000) if quick else (100_000, 1_000_000, 10_000)
    reps = args.reps or (1 if quick else 5)
    big_reps = args.big_reps or (1 if quick else 3)
    warm_up = not quick
    started = time.monotonic()
    now = dt.datetime.now(dt.timezone.utc)

    progress(f"inputs in {DATA.relative_to(ROOT)} (made once, reused)")
    small = generate.write_export(DATA, small_rows)
    big = generate.write_export(DATA, big_rows)
    w4_yaml, w4_csv = generate.write_w4(DATA, n_targets)
    workbook = generate.write_xlsx_export(DATA, small_rows)
    bundled = bundled_targets_path()
    rel = {p: str(p.relative_to(ROOT)) for p in (small, big, w4_yaml, w4_csv, workbook)}

    py, gx = str(PYTHON), str(GXCHECK)
    export_args = ["--ignore-unknown", "--fail-on", "never", "-f", "json"]
    results: dict[str, dict[str, Measured]] = {}
    notes: list[str] = []

    peer: Path | None = None
    peer_versions = None
    if args.no_peer:
        notes.append("The peers (DuckDB, polars, pandas) were skipped: --no-peer")
    else:
        peer, why = peer_python(not args.no_install)
        if peer is None:
            notes.append(f"The peers (DuckDB, polars, pandas) were skipped: {why}")
        else:
            peer_versions = why
    typer_py, typer_why = (None, "--no-peer") if args.no_peer else latest_typer_python(not args.no_install)
    if typer_py is None:
        notes.append(f"W1 with the newest typer was skipped: {typer_why}")

    progress("W1 demo")
    demo = ["score", "actuals/2024.csv", "--fail-on", "never"]
    w1_commands = {"gxcheck": [gx, *demo], "floor": [py, "-c", FLOOR_W1]}
    if typer_py is not None:
        # gxcheck's own source on the newest typer; both sides through env, alike.
        run_source = ["/usr/bin/env", f"PYTHONPATH={ROOT}", str(typer_py)]
        w1_commands["gxcheck, newest typer"] = [*run_source, "-m", "gxcheck", *demo]
        w1_commands["floor, newest typer"] = [*run_source, "-c", FLOOR_W1]
    results["W1"] = measure("W1", w1_commands, reps, warm_up)
    progress(f"W2/W3 export {big_rows:,} rows")
    w2_commands = {"gxcheck": [gx, "score", rel[big], *export_args], "floor": [py, "-c", FLOOR_W2, rel[big]]}
    if peer is not None:
        for name in ("duckdb", "polars"):
            w2_commands[name] = [str(peer), str(BENCH / f"peer_{name}.py"), str(bundled), rel[big]]
    results["W2"] = measure("W2", w2_commands, big_reps, warm_up)
    progress(f"W3 export {small_rows:,} rows")
    results["W3"] = measure("W3", {"gxcheck": [gx, "score", rel[small], *export_args]}, reps, warm_up)
    progress(f"W4 catalogue {n_targets:,} targets")
    results["W4"] = measure(
        "W4",
        {
            "gxcheck": [
                gx,
                "score",
                rel[w4_csv],
                "--targets",
                rel[w4_yaml],
                "--fail-on",
                "never",
                "-f",
                "json",
            ],
            "floor": [py, "-c", FLOOR_W4, rel[w4_yaml], rel[w4_csv]],
        },
        reps,
        warm_up,
    )
    if peer is not None:
        script = str(BENCH / "peer_pandas.py")
        progress("W5 peer (pandas)")
        results["W5-W2"] = measure(
            "W5 on W2", {"pandas": [str(peer), script, str(bundled), rel[big]]}, big_reps, warm_up
        )
        results["W5-W4"] = measure(
            "W5 on W4", {"pandas": [str(peer), script, rel[w4_yaml], rel[w4_csv]]}, reps, warm_up
        )
    progress(f"W6 workbook {small_rows:,} rows (.xlsx)")
    w6_commands = {"gxcheck": [gx, "score", rel[workbook], *export_args]}
    if peer is not None:
        w6_commands["pandas"] = [str(peer), str(BENCH / "peer_pandas.py"), str(bundled), rel[workbook]]
    results["W6"] = measure("W6", w6_commands, reps, warm_up)

    # -- the table ----------------------------------------------------------------------------
    rows: list[list[str]] = []
    goals: dict[str, bool | None] = {}
    w1, w2, w3, w4 = results["W1"], results["W2"], results["W3"], results["W4"]

    row, goals["W1"] = ratio_row(
        "W1 demo (`score actuals/2024.csv`)",
        w1["gxcheck"],
        w1["floor"],
        "floor: import typer, rich, yaml + 60-row rich table",
        1.15,
        "≤ 1.15× floor",
    )
    rows.append(row)
    if "gxcheck, newest typer" in w1:
        row, goals["W1, newest typer"] = ratio_row(
            f"W1 demo on the newest typer ({typer_why}, unpinned)",
            w1["gxcheck, newest typer"],
            w1["floor, newest typer"],
            f"the same floor on typer {typer_why}",
            1.15,
            "≤ 1.15× floor",
        )
        rows.append(row)
    for name, label in (("duckdb", "DuckDB"), ("polars", "polars")):
        if name in w2:
            row, goals[f"W2 vs {label}"] = ratio_row(
                f"W2 export {big_rows:,} rows (`--ignore-unknown -f json`)",
                w2["gxcheck"],
                w2[name],
                f"{label}: bench/peer_{name}.py (read_csv, target ids, latest period, join)",
                1.0,
                f"faster than {label} (< 1×)",
            )
            if goals[f"W2 vs {label}"] and w2["gxcheck"].median >= w2[name].median:
                goals[f"W2 vs {label}"] = False
                row[-1] = verdict(False)
            rows.append(row)
    row, _ = ratio_row(
        f"W2 export {big_rows:,} rows, against the csv floor",
        w2["gxcheck"],
        w2["floor"],
        "I/O floor: csv module + float() of the value column",
        1.0,
        "(for reading: below 1× is faster than reading every row)",
    )
    row[-1] = "—"
    rows.append(row)
    if w2["gxcheck"].runs:
        peak = w2["gxcheck"].peak_mib
        goals["W2 memory"] = peak <= 50
        peers = ", ".join(
            f"{label} {w2[n].peak_mib:.0f} MiB"
            for n, label in (("duckdb", "DuckDB"), ("polars", "polars"))
            if n in w2 and w2[n].runs
        )
        floor_peak = f"{w2['floor'].peak_mib:.0f} MiB" if w2["floor"].runs else "—"
        rows.append(
            [
                f"W2 peak memory, {big_rows:,} rows",
                f"{peak:.0f} MiB",
                floor_peak,
                "I/O floor's peak (max RSS)" + (f"; {peers}" if peers else ""),
                f"{peak / w2['floor'].peak_mib:.2f}×" if w2["floor"].runs else "—",
                "≤ 50 MiB",
                verdict(goals["W2 memory"]),
            ]
        )
    row, goals["W3"] = ratio_row(
        f"W3 scale: {big_rows:,} vs {small_rows:,} rows",
        w2["gxcheck"],
        w3["gxcheck"],
        f"gxcheck on {small_rows:,} rows",
        big_rows / small_rows,
        f"≤ {big_rows // small_rows}× time for {big_rows // small_rows}× rows",
    )
    rows.append(row)
    row, goals["W4"] = ratio_row(
        f"W4 catalogue {n_targets:,} targets (`--targets`)",
        w4["gxcheck"],
        w4["floor"],
        "floor: yaml.load CSafeLoader + csv floor",
        2.0,
        "≤ 2× floor",
    )
    rows.append(row)
    if "W5-W2" in results:
        for key, name, gx_m in (
            ("W5-W2", "W2 export", w2["gxcheck"]),
            ("W5-W4", "W4 catalogue", w4["gxcheck"]),
        ):
            row, goals[key] = ratio_row(
                f"W5 peer on {name} input",
                gx_m,
                results[key]["pandas"],
                "pandas script (bench/peer_pandas.py), fresh process",
                1.0,
                "gxcheck faster (< 1×)",
            )
            if goals[key] is not None and gx_m.median == results[key]["pandas"].median:
                goals[key] = False
                row[-1] = verdict(False)
            rows.append(row)

    w6 = results["W6"]
    if "pandas" in w6:
        row, goals["W6"] = ratio_row(
            f"W6 workbook {small_rows:,} rows (`.xlsx`, `--ignore-unknown -f json`)",
            w6["gxcheck"],
            w6["pandas"],
            "pandas.read_excel script (bench/peer_pandas.py), fresh process",
            1.0,
            "gxcheck faster (< 1×)",
        )
    else:
        row = [
            f"W6 workbook {small_rows:,} rows",
            seconds(w6["gxcheck"]),
            "—",
            "no pandas peer",
            "—",
            "—",
            "—",
        ]
        goals["W6"] = None
    rows.append(row)

    header = [
        "workload",
        "gxcheck median (min)",
        "baseline median (min)",
        "baseline",
        "ratio",
        "goal",
        "goal met",
    ]
    detail_rows = []
    for workload, measured in results.items():
        for m in measured.values():
            if m.runs:
                times = ", ".join(f"{t:.3f}" for t in m.times)
                detail_rows.append(
                    [
                        workload,
                        m.label,
                        f"{m.median:.3f}",
                        f"{m.minimum:.3f}",
                        f"{max(m.times):.3f}",
                        f"{m.peak_mib:.0f}",
                        times,
                    ]
                )
            else:
                detail_rows.append([workload, m.label, "error", "", "", "", m.error or "no runs"])

    machine = (
        f"{platform.platform()}; CPU {cpu_model()}, {os.cpu_count()} cores; "
        f"Python {platform.python_version()} ({platform.python_implementation()}); {versions()}"
        + (f"; peers in bench/.venv-peer: {peer_versions}" if peer_versions else "")
    )
    met = [k for k, v in goals.items() if v]
    missed = [k for k, v in goals.items() if v is False]
    lines = [
        f"## gxcheck benchmark, {now:%Y-%m-%d %H:%M} UTC"
        + (" (--quick: small inputs, goals not meaningful)" if quick else ""),
        "",
        f"Machine: {machine}.",
        f"Repetitions: {reps} ({big_rows:,}-row workloads: {big_reps}), "
        + ("after one untimed warm-up each" if warm_up else "no warm-up")
        + "; wall-clock time of a fresh process, median (min); ratio = gxcheck median ÷ baseline median.",
        "",
        markdown_table(header, rows),
        "",
        f"Goals met: {', '.join(met) or 'none'}. Not met: {', '.join(missed) or 'none'}."
        + "".join(f" {note}." for note in notes),
        "",
        "Every measured command (seconds; peak = max RSS):",
        "",
        markdown_table(["workload", "command", "median", "min", "max", "peak MiB", "all runs"], detail_rows),
        "",
        f"Total benchmark time {time.monotonic() - started:.0f} s.",
    ]
    report = "\n".join(lines)
    print(report)

    raw = {
        "date": now.isoformat(),
        "machine": machine,
        "quick": quick,
        "goals": goals,
        "notes": notes,
        "results": {
            w: {label: {**asdict(m), "median": m.median if m.runs else None} for label, m in ms.items()}
            for w, ms in results.items()
        },
    }
    (DATA / ("last-run-quick.json" if quick else "last-run.json")).write_text(
        json.dumps(raw, indent=2) + "\n"
    )
    failed = any(m.error for ms in results.values() for m in ms.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
