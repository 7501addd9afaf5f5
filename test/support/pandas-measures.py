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
  /usr/bin/python3 test/support/pandas-measures.py reports SPECS FILE...
      SPECS (JSON): {"naValues": every missing marker (read_csv's na_values, keep_default_na=False),
                     "reports": [{"groupBy": [{"column", "part"?}], "chartField"?, "measure": {"kind",
                     "column"?, "values"?}, "filter": [{"column", "values", "keep"}]}]}
      prints per report {"totalRows", "overall", "counts", "breakdown"} for
      pd.concat(read_csv(f) for f in FILES), filtered, groupby(keys, dropna=False) and the measure:
      counts and breakdown are [[...key values, {"value", "text"}]], a NaN key as "(blank)".
"""
import csv
import warnings
import functools
import io
import json
import math
import sys

import numpy as np
import pandas as pd
from pandas._libs.parsers import STR_NA_VALUES

# a group of only missing cells has no median: pandas gives NaN, as expected, after numpy's warning
warnings.filterwarnings("ignore", message="Mean of empty slice")


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


BLANK = "(blank)"
VALUE = "__value"


# several reports read the same files: once each (the frames are never changed afterwards)
@functools.lru_cache(maxsize=None)
def read_report_frame(path, na, measured):
    """Key and filter columns as text (reports compare cells as text); the measured one as pandas infers it."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=na)
    if measured is not None:
        values = pd.read_csv(path, keep_default_na=False, na_values=na, usecols=lambda c: c == measured)
        frame[VALUE] = values[measured] if measured in values else np.nan
    return frame


def column_of(frame, name):
    return frame[name] if name in frame else pd.Series(np.nan, index=frame.index, dtype=object)


def timestamp_part(cells, part):
    """The part of the wall-clock time written in the cell: pandas cannot hold several offsets in one column."""
    stamps = pd.to_datetime(cells.str.replace(r"(Z|[+-][0-9][0-9]:[0-9][0-9])$", "", regex=True))
    if part == "weekday":
        return stamps.dt.day_name()
    if part == "hour":
        return stamps.dt.hour.map(lambda h: h if pd.isna(h) else f"{int(h):02d}")
    return stamps.dt.strftime("%Y-%m-%d")


def kept_rows(frame, filters):
    keep = pd.Series(True, index=frame.index)
    for f in filters:
        listed = column_of(frame, f["column"]).isin(f["values"])
        keep &= listed if f["keep"] == "listed" else ~listed
    return frame[keep]


def measure_groups(frame, keys, measure):
    """groupby(keys, dropna=False) and the measure, as a Series by group."""
    grouped = frame.groupby(keys, dropna=False)
    kind = measure["kind"]
    if kind == "count":
        return grouped.size()
    if kind == "p90":
        return grouped[VALUE].quantile(0.9)
    if kind == "distinct":
        return grouped[VALUE].nunique()
    if kind == "share":
        return frame[VALUE].isin(measure["values"]).groupby([frame[k] for k in keys], dropna=False).mean()
    return grouped[VALUE].agg(kind)


def measured_rows(frame, keys, measure):
    rows = []
    for group, x in measure_groups(frame, keys, measure).items():
        group = group if isinstance(group, tuple) else (group,)
        rows.append([*(BLANK if pd.isna(k) else k for k in group), {"value": number(x), "text": text(measure["kind"], x)}])
    return rows


def overall(frame, measure):
    """The measure over every kept row: one group of them all (so that p90 is groupby's quantile, not numpy's)."""
    if len(frame) == 0:
        x = {"count": 0, "sum": 0}.get(measure["kind"], math.nan)
    else:
        (x,) = measure_groups(frame.assign(__all="all"), ["__all"], measure).tolist()
    return {"value": number(x), "text": text(measure["kind"], x)}


def report(spec, files, na):
    measure = spec["measure"]
    frames = [read_report_frame(f, tuple(na), measure.get("column")) for f in files]
    frame = pd.concat(frames, ignore_index=True)
    frame = kept_rows(frame, spec["filter"])
    keys = []
    for key in spec["groupBy"]:
        name = key["column"] + ("_" + key["part"] if "part" in key else "")
        cells = column_of(frame, key["column"])
        frame = frame.assign(**{name: timestamp_part(cells, key["part"]) if "part" in key else cells})
        keys.append(name)
    chart = [spec["chartField"]] if "chartField" in spec else []
    for c in chart:
        frame = frame.assign(**{c: column_of(frame, c)})
    return {
        "totalRows": len(frame),
        "overall": overall(frame, measure),
        "counts": measured_rows(frame, keys, measure),
        "breakdown": measured_rows(frame, keys + chart, measure),
    }


def reports(specs, files):
    return [report(spec, files, specs["naValues"]) for spec in specs["reports"]]


if __name__ == "__main__":
    if sys.argv[1] == "measures":
        print(json.dumps(measures(json.loads(sys.argv[2]), sys.argv[3:])))
    elif sys.argv[1] == "reports":
        print(json.dumps(reports(json.loads(sys.argv[2]), sys.argv[3:])))
    else:
        print(json.dumps(cells(json.loads(sys.argv[2]))))
