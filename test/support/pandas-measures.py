"""The reference for src/aggregate/measures.ts: what pandas (Debian's python3-pandas) computes.

  /usr/bin/python3 test/support/pandas-measures.py measures SPEC FILE...
      SPEC (JSON): {"groupBy": col, "naValues": [extra markers], "numeric": [cols],
                    "distinct": [cols], "share": {"column": col, "values": [...]}}
      prints {"naValues": pandas' default markers, "groups": {group: {measure: {"value", "text"}}}}
      for pd.concat(read_csv(f) for f in FILES).groupby(groupBy): "value" is repr() of pandas'
      number (None for NaN), "text" how a page prints it (measures.ts's formatMeasure).
  /usr/bin/python3 test/support/pandas-measures.py cells CELLS
      CELLS (JSON): cell texts; prints, per cell, what read_csv makes of it in a column of its own
      ("alone": pandas' integer reader may apply) and beside a decimal ("beside": its float reader):
      {"dtype", "value"} each, value as repr() (None for NaN).
"""
import csv
import io
import json
import math
import sys

import pandas as pd
from pandas._libs.parsers import STR_NA_VALUES


def number(x):
    """repr() of a float or int, None for NaN (JSON has no NaN; repr round-trips through Number())."""
    x = float(x)
    return None if math.isnan(x) else repr(x)


def text(kind, x):
    """The page's text: formatMeasure in measures.ts, written again with Python's own format()."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "\u2014"
    if kind in ("count", "distinct"):
        return str(int(x))
    if kind == "share":
        return format(float(x) * 100, ".1f") + "%"
    return "0.00" if x == 0 else format(float(x), ".2f")


def measures(spec, files):
    g = spec["groupBy"]
    frames = [pd.read_csv(f, na_values=spec["naValues"], dtype={g: str}) for f in files]
    frame = pd.concat(frames, ignore_index=True)
    grouped = frame.groupby(g)
    results = {"count": grouped.size()}
    for c in spec["numeric"]:
        for kind in ("sum", "mean", "median", "min", "max"):
            results[f"{kind}:{c}"] = grouped[c].agg(kind)
        results[f"p90:{c}"] = grouped[c].quantile(0.9)
    for c in spec["distinct"]:
        results[f"distinct:{c}"] = grouped[c].nunique()
    share = spec["share"]
    results[f"share:{share['column']}"] = frame[share["column"]].isin(share["values"]).groupby(frame[g]).mean()
    groups = {}
    for name, series in results.items():
        kind = name.split(":")[0]
        for group, x in series.items():
            groups.setdefault(group, {})[name] = {"value": number(x), "text": text(kind, x)}
    return {"naValues": sorted(STR_NA_VALUES), "groups": groups}


def read_one(lines):
    out = io.StringIO()
    # a first column, so that a row whose cell is empty is no blank line (which pandas skips)
    csv.writer(out).writerows([["row", "x"], *(["r", *line] for line in lines)])
    column = pd.read_csv(io.StringIO(out.getvalue()))["x"]
    value = column.iloc[0]
    return {"dtype": str(column.dtype), "value": number(value) if column.dtype.kind in "iuf" else str(value)}


def cells(texts):
    return {
        "naValues": sorted(STR_NA_VALUES),
        "cells": [{"alone": read_one([[t]]), "beside": read_one([[t], ["1.5"]])} for t in texts],
    }


if __name__ == "__main__":
    if sys.argv[1] == "measures":
        print(json.dumps(measures(json.loads(sys.argv[2]), sys.argv[3:])))
    else:
        print(json.dumps(cells(json.loads(sys.argv[2]))))
