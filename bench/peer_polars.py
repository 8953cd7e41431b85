"""W2 peer: what an analyst would write with polars (run in bench/.venv-peer).

    python bench/peer_polars.py TARGETS.yaml ACTUALS.csv

Reads the targets (PyYAML's CSafeLoader) and the actuals (polars' lazy scan_csv, every
column as text, the id filter pushed into the scan), takes each id's value at its latest
period, joins on id and compares the value with the target for the >= targets, with the
unit stripped the way a quick script does.
"""

import sys

import polars as pl
import yaml

targets_file, actuals_file = sys.argv[1], sys.argv[2]
with open(targets_file, encoding="utf-8") as f:
    doc = yaml.load(f.read(), Loader=yaml.CSafeLoader)
rows = [
    (t["id"], float(t["value"]))
    for t in doc["targets"]
    if t["op"] == ">=" and not isinstance(t["value"], str)
]
targets = pl.DataFrame(rows, schema=["id", "target"], orient="row")

latest = (
    pl.scan_csv(actuals_file, infer_schema=False)
    .filter(pl.col("id").is_in(targets["id"].implode()))
    .group_by("id")
    .agg(pl.col("value").sort_by("period").last())
    .collect()
)
joined = latest.join(targets, on="id", how="inner").with_columns(
    (pl.col("value").str.replace(r"[^\d.\-]+$", "").cast(pl.Float64, strict=False) >= pl.col("target")).alias(
        "met"
    )
)
print(f"{len(targets)} >= targets, {len(joined)} joined, {joined['met'].sum()} met")
