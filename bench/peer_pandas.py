"""W5, W6: what an analyst would write instead of gxcheck (run in bench/.venv-peer, with pandas).

    python bench/peer_pandas.py TARGETS.yaml ACTUALS.csv

Reads the targets (PyYAML's CSafeLoader) and the actuals (pandas; a .xlsx with
pandas.read_excel, which reads with openpyxl), keeps each id's latest
period, joins on id and compares the value with the target for the >= targets. Units are
handled the way a quick script does: strip a trailing % or the target's unit and coerce;
whatever does not parse is NaN.
"""

import sys

import pandas as pd
import yaml

targets_file, actuals_file = sys.argv[1], sys.argv[2]
with open(targets_file, encoding="utf-8") as f:
    doc = yaml.load(f.read(), Loader=yaml.CSafeLoader)
targets = pd.DataFrame(doc["targets"])[["id", "op", "value", "unit"]]
targets = targets[targets["op"] == ">="].rename(columns={"value": "target"})

if actuals_file.endswith(".xlsx"):  # W6: the workbook, below its title row (pandas uses openpyxl)
    actuals = pd.read_excel(actuals_file, dtype=str, keep_default_na=False, skiprows=1)
else:
    actuals = pd.read_csv(actuals_file, dtype=str, keep_default_na=False)
latest = actuals.sort_values(["id", "period"]).drop_duplicates("id", keep="last")
joined = latest.merge(targets, on="id", how="inner")
number = joined["value"].str.replace(r"[^\d.\-]+$", "", regex=True)
joined["actual"] = pd.to_numeric(number, errors="coerce")
joined["met"] = joined["actual"] >= joined["target"].astype(float)

print(f"{len(actuals)} rows, {len(targets)} >= targets, {len(joined)} joined")
print(joined["met"].value_counts().to_string())
