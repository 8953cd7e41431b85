"""Deterministic inputs for gxcheck's benchmark (see bench/README.md).

    python bench/generate.py DIR [--rows 100000 --rows 1000000] [--targets 10000]

writes into DIR:

* ``export-N.csv``: a statistics export (``id,period,value,source``) of exactly N rows:
  ceil(N / 12) indicator ids × the 12 cumulative monthly periods of 2024, sorted by id
  then period (as a database export is). The bundled catalogue's target ids are spread
  among generic ids ``ind_000123``; each target gets plausible figures in its own unit
  (``7.4%``, ``52个``, ``1.3万户``, ``是``/``否``, ``Ⅳ``, ``AAA``…), every other id a plain
  number. gxcheck reads it with ``--ignore-unknown``.
* ``export-N.xlsx`` (W6): the same rows as a workbook, as a statistics system exports it: a
  merged title row above the header, plain numbers as number cells, ``7.4%`` as a
  percent-formatted cell holding 0.074, everything else as text.
* ``w4-N.yaml`` and ``w4-N.csv``: a targets file with N generated targets (the bundled
  file's header: version, plan, near_fraction, areas; then targets cycling through growth
  >=, increment >=, level >= with a baseline, about with a tolerance, ceiling <=, milestone
  done) and a CSV with one annual actual for each.

The same arguments always give the same bytes (a seeded ``random.Random``). Files are
written to a temporary name and renamed, so a half-written file is never reused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from gxcheck.model import Kind, Op, Target
from gxcheck.targets import bundled_targets_path, load_targets

SEED = 20240301
YEAR = 2024
PERIODS = [f"{YEAR}-{m:02d}" for m in range(1, 13)]
SOURCES = [
    "重庆高新区统计局《统计月报》",
    "重庆市统计局 统计数据发布",
    "区发展改革局, 月度调度",  # a comma: the csv module quotes this cell
    "区经济运行监测平台",
]


def export_path(directory: Path, rows: int) -> Path:
    return directory / f"export-{rows}.csv"


def w4_paths(directory: Path, targets: int) -> tuple[Path, Path]:
    return directory / f"w4-{targets}.yaml", directory / f"w4-{targets}.csv"


def _write(path: Path, lines: Iterator[str]) -> None:
    """Write lines atomically: a temporary file, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        buffer: list[str] = []
        for line in lines:
            buffer.append(line)
            if len(buffer) >= 10_000:
                handle.write("".join(buffer))
                buffer.clear()
        handle.write("".join(buffer))
    os.replace(tmp, path)


def _csv_cell(text: str) -> str:
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


# -- W2/W3: the statistics export ------------------------------------------------------


def _number(x: float, places: int) -> str:
    return f"{x:.{places}f}" if places else str(round(x))


def catalogue_value(target: Target, month: int, rng: random.Random) -> str:
    """A plausible cumulative figure for ``target`` by the end of ``month``, in its unit."""
    if target.kind is Kind.MILESTONE:
        return "是" if rng.random() < 0.25 + 0.05 * month else "否"
    if target.kind is Kind.ORDINAL:
        assert target.scale is not None and isinstance(target.value, str)
        at = target.scale.index(target.value)
        return rng.choice(target.scale[max(0, at - 1) : at + 2])
    assert isinstance(target.value, Decimal)
    value = float(target.value)
    unit = target.unit
    share = month / 12
    if target.kind is Kind.CEILING or (target.op in (Op.LE, Op.LT) and value == 0):
        x = rng.choice([0, 0, 0, 1]) if target.kind is Kind.CEILING else rng.uniform(-3, 1)
    elif target.kind is Kind.RANK:
        x = rng.randint(1, 6)
    elif target.kind is Kind.INCREMENT:
        x = value * share * rng.uniform(0.8, 1.2)
    elif target.kind is Kind.LEVEL and isinstance(target.baseline, Decimal):
        base = float(target.baseline)
        x = base + (value - base) * share * rng.uniform(0.8, 1.2)
    else:  # growth rates, shares, levels without a baseline: around the target
        x = value * rng.uniform(0.8, 1.15) if value else rng.uniform(-2, 5)
    whole = unit in ("个", "家", "名", "张", "起", "位") or (
        target.kind is Kind.INCREMENT and unit in ("个", "家") and value >= 10
    )
    text = _number(x, 0 if whole else 1)
    if unit in ("", "个/千人"):
        return text
    if unit == "%":
        return f"{text}%"
    # Counts and amounts written with their unit as people do: 52个, 1.3万户, 12.5亿元.
    return f"{text}{unit}" if month % 2 else text


def export_rows(rows: int, seed: int = SEED) -> Iterator[str]:
    """The lines of an export with exactly ``rows`` data rows (after the header)."""
    rng = random.Random(seed)
    catalogue = load_targets()
    n_ids = math.ceil(rows / len(PERIODS))
    generic = max(n_ids - len(catalogue.targets), 0)
    # The catalogue's ids spread evenly among the generic ones, none at the very end.
    step = max(generic // (len(catalogue.targets) + 1), 1)
    at = {step * (k + 1): t for k, t in enumerate(catalogue.targets)}
    order: list[str | Target] = []
    g = 0
    while len(order) < n_ids:
        position = len(order)
        target = at.pop(position, None) if at else None
        if target is not None:
            order.append(target)
        else:
            order.append(f"ind_{g:06d}")
            g += 1
    assert not at or rows < len(PERIODS) * len(catalogue.targets), "catalogue ids did not fit"
    yield "id,period,value,source\n"
    written = 0
    for item in order:
        if isinstance(item, Target):
            ident = item.id
            scale = None
        else:
            ident = item
            scale = rng.choice((1.0, 10.0, 100.0, 1000.0, 100000.0))
        for month, period in enumerate(PERIODS, start=1):
            if written == rows:
                return
            if scale is None:
                assert isinstance(item, Target)
                value = catalogue_value(item, month, rng)
            else:
                value = f"{rng.uniform(-0.05, 1.0) * scale * month / 12:.2f}"
            source = SOURCES[(written // 7) % len(SOURCES)]
            yield f"{ident},{period},{value},{_csv_cell(source)}\n"
            written += 1


def write_export(directory: Path, rows: int) -> Path:
    path = export_path(directory, rows)
    if not path.exists():
        _write(path, export_rows(rows))
    return path


def xlsx_export_path(directory: Path, rows: int) -> Path:
    return directory / f"export-{rows}.xlsx"


_PLAIN = re.compile(r"^-?\d+(?:\.\d+)?$")
_PERCENT = re.compile(r"^(-?\d+(?:\.\d+)?)%$")


def write_xlsx_export(directory: Path, rows: int) -> Path:
    """W6's workbook: ``export-N.csv``'s rows under a merged title row (XlsxWriter)."""
    import csv

    import xlsxwriter

    path = xlsx_export_path(directory, rows)
    if path.exists():
        return path
    source = write_export(directory, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    # Shared strings, as Excel and the statistics systems write them (constant_memory would write
    # inline strings, which no real export has and openpyxl reads several times slower).
    book = xlsxwriter.Workbook(str(tmp), {"strings_to_numbers": False})
    book.set_properties({"created": dt.datetime(YEAR, 12, 31)})  # the same bytes every time
    percent = book.add_format({"num_format": "0.0%"})
    sheet = book.add_worksheet("统计月报")
    sheet.merge_range(0, 0, 0, 3, f"{YEAR}年主要经济指标月度数据（统计系统导出）")
    with open(source, encoding="utf-8", newline="") as handle:
        for r, row in enumerate(csv.reader(handle), start=1):
            for c, cell in enumerate(row):
                if c == 2 and _PLAIN.match(cell):
                    sheet.write_number(r, c, float(cell))
                elif c == 2 and (match := _PERCENT.match(cell)):
                    sheet.write_number(r, c, float(Decimal(match.group(1)) / 100), percent)
                else:
                    sheet.write_string(r, c, cell)
    book.close()
    os.replace(tmp, path)
    return path


# -- W4: a large catalogue ----------------------------------------------------------------


def bundled_header() -> str:
    """The bundled targets file from ``version:`` up to ``targets:`` (its comments dropped)."""
    text = bundled_targets_path().read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("version:"))
    end = next(i for i, line in enumerate(lines) if line.startswith("targets:"))
    return "".join(lines[start:end])


def _area_ids(header: str) -> list[str]:
    ids = []
    for line in header.splitlines():
        line = line.strip()
        if line.startswith("- {id:"):
            ids.append(line.split("id:", 1)[1].split(",", 1)[0].strip())
    assert ids, "no areas in the bundled header"
    return ids


# kind, op, unit, name (zh, en), the template of the quote
_TEMPLATES = [
    ("growth", ">=", "%", "指标增长", "indicator growth"),
    ("increment", ">=", "个", "新增项目", "new projects"),
    ("level", ">=", "家", "企业总数", "enterprises in total"),
    ("growth", "about", "%", "产值增长", "output growth"),
    ("ceiling", "<=", "起", "事故", "accidents"),
    ("milestone", "done", "", "建成投用", "completed"),
]
_COMMITMENTS = ["ensure", "strive", "plain"]
_COMMITMENT_WORDS = {"ensure": "确保", "strive": "力争", "plain": ""}


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def w4_targets(n: int, seed: int = SEED) -> Iterator[tuple[str, str]]:
    """(YAML block of one target, CSV row of its actual) for ``n`` generated targets."""
    rng = random.Random(seed + 4)
    areas = _area_ids(bundled_header())
    for i in range(n):
        kind, op, unit, zh, en = _TEMPLATES[i % len(_TEMPLATES)]
        ident = f"gen_{i:05d}_{kind}" + ("_about" if op == "about" else "")
        commitment = _COMMITMENTS[(i // len(_TEMPLATES)) % len(_COMMITMENTS)]
        word = _COMMITMENT_WORDS[commitment]
        lines = [
            f"  - id: {ident}",
            f"    area: {areas[i % len(areas)]}",
            f"    name: {{zh: 第{i}项{zh}, en: Generated {en} {i}}}",
            f"    kind: {kind}",
            f'    op: "{op}"',
        ]
        period = str(YEAR)
        extra: list[str] = []
        if kind == "milestone":
            lines.append("    value: true")
            quote = f"{word}第{i}项工程年内{zh}"
            actual = rng.choice(["是", "是", "否"])
        elif kind == "ceiling":
            lines.append("    value: 0")
            quote = f"{word}第{i}项较大及以上{zh}为零"
            actual = rng.choice(["0", "0", "0", "1"])
        elif op == "about":
            value = round(rng.uniform(5, 10), 1)
            lines.append(f"    value: {value}")
            extra.append("    tolerance: 0.5")
            quote = f"{word}第{i}项{zh}{value}%左右"
            actual = f"{value + rng.uniform(-1.2, 1.5):.1f}%"
        elif kind == "level":
            value = rng.randrange(500, 5000, 10)
            baseline = int(value * rng.uniform(0.7, 0.95))
            lines.append(f"    value: {value}")
            extra.append(f"    baseline: {baseline}")
            quote = f"{word}第{i}项{zh}增至{value}家"
            actual = str(round(baseline + (value - baseline) * rng.uniform(0.8, 1.2)))
        elif kind == "increment":
            value = rng.randrange(5, 200)
            lines.append(f"    value: {value}")
            quote = f"{word}第{i}项{zh}{value}个以上"
            actual = f"{round(value * rng.uniform(0.7, 1.3))}个"
        else:  # growth >=
            value = round(rng.uniform(3, 15), 1)
            lines.append(f"    value: {value}")
            quote = f"{word}第{i}项{zh}{value}%"
            actual = f"{value * rng.uniform(0.75, 1.25):.1f}%"
        lines.append(f"    unit: {_yaml_text(unit)}")
        lines.append(f"    commitment: {commitment}")
        lines.extend(extra)
        lines.append(f"    quote: {_yaml_text(quote)}")
        if i % 3 == 0:
            lines.append(f"    note: {_yaml_text(f'Generated target {i}: read as stated in the quote.')}")
        source = SOURCES[i % len(SOURCES)]
        yield "\n".join(lines) + "\n\n", f"{ident},{period},{actual},{_csv_cell(source)}\n"


def write_w4(directory: Path, n: int) -> tuple[Path, Path]:
    yaml_path, csv_path = w4_paths(directory, n)
    if yaml_path.exists() and csv_path.exists():
        return yaml_path, csv_path
    pairs = list(w4_targets(n))
    header = (
        f"# Generated by bench/generate.py: {n} targets for gxcheck's benchmark (W4).\n"
        "# The header (version, plan, near_fraction, areas) is the bundled targets/2024.yaml's.\n"
    )
    _write(yaml_path, iter([header, bundled_header(), "targets:\n", *(block for block, _ in pairs)]))
    _write(csv_path, iter(["id,period,value,source\n", *(row for _, row in pairs)]))
    return yaml_path, csv_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--rows", type=int, action="append", help="export sizes (default 100000, 1000000)")
    parser.add_argument("--targets", type=int, default=10_000, help="W4 catalogue size (default 10000)")
    args = parser.parse_args()
    for rows in args.rows or [100_000, 1_000_000]:
        print(write_export(args.directory, rows))
    for path in write_w4(args.directory, args.targets):
        print(path)


if __name__ == "__main__":
    main()
