"""W2 peer: what an analyst would write with DuckDB (run in bench/.venv-peer).

    python bench/peer_duckdb.py TARGETS.yaml ACTUALS.csv

Reads the targets (PyYAML's CSafeLoader) and the actuals (DuckDB's read_csv, every column
as text), keeps the target ids' rows, takes each id's value at its latest period
(arg_max), joins on id and compares the value with the target for the >= targets, with
the unit stripped the way a quick script does.
"""

import sys

import duckdb
import yaml

targets_file, actuals_file = sys.argv[1], sys.argv[2]
with open(targets_file, encoding="utf-8") as f:
    doc = yaml.load(f.read(), Loader=yaml.CSafeLoader)
targets = [
    (t["id"], float(t["value"]))
    for t in doc["targets"]
    if t["op"] == ">=" and not isinstance(t["value"], str)
]

con = duckdb.connect()
con.execute("CREATE TABLE targets (id VARCHAR, target DOUBLE)")
con.executemany("INSERT INTO targets VALUES (?, ?)", targets)
rows = con.execute(
    """
    WITH latest AS (
        SELECT id, arg_max(value, period) AS value
        FROM read_csv(?, header = true, all_varchar = true)
        WHERE id IN (SELECT id FROM targets)
        GROUP BY id
    )
    SELECT l.id, TRY_CAST(regexp_replace(l.value, '[^\\d.\\-]+$', '') AS DOUBLE) >= t.target AS met
    FROM latest l JOIN targets t USING (id)
    """,
    [actuals_file],
).fetchall()
met = sum(1 for _, ok in rows if ok)
print(f"{len(targets)} >= targets, {len(rows)} joined, {met} met")
