/** The reference implementation: what pandas says about the same files (Debian's python3-pandas). */
import { execFileSync } from "node:child_process";

const SCRIPT = `
import json, sys
import pandas as pd
group_by, chart_field, encoding = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3] or None
frame = pd.concat([pd.read_csv(path, encoding=encoding) for path in sys.argv[4:]])
def counts(columns):
    sizes = frame.groupby(columns).size()
    return [[*(k if isinstance(k, tuple) else (k,)), int(v)] for k, v in sizes.items()]
from pandas._libs.parsers import STR_NA_VALUES
print(json.dumps({"naValues": sorted(STR_NA_VALUES), "rows": len(frame), "counts": counts(group_by), "breakdown": counts(group_by + [chart_field])}))
`;

/**
 * pandas' default missing markers (they differ between versions: "None" came in 2.0), rows read, groupby(groupBy).size() and groupby(groupBy + [chartField]).size() for local CSV files
 * (read_csv's `encoding` when given; `.gz` files are decompressed by their name, as read_csv does).
 */
export function pandasCounts(
  files: string[],
  groupBy: string[],
  chartField: string,
  encoding = "",
): { naValues: string[]; rows: number; counts: (string | number)[][]; breakdown: (string | number)[][] } {
  const args = ["-c", SCRIPT, JSON.stringify(groupBy), chartField, encoding, ...files];
  const out = execFileSync("/usr/bin/python3", args, {
    encoding: "utf8",
  });
  return JSON.parse(out);
}
