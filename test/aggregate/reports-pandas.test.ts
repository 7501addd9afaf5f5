/**
 * Fidelity: reports (every measure, filters, timestamp parts) computed by reportFromTallies from the
 * tallies of messy raw files equal what pandas computes from the same files with
 * `pd.concat(read_csv(f) for f in files)`, the filter, `groupby(keys, dropna=False)` and the measure.
 * The tallies come from the reference builder in test/support/report-tally.ts.
 */
import { scanCsv, tallySpecOf } from "../../src/source/index.js";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ColumnTable } from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import { formatMeasure, reportFromTallies, type Report, type ReportTally } from "../../src/aggregate/index.js";
import { PANDAS_MISSING_VALUES, type Measure, type ReportDefinition } from "../../src/config/index.js";
import { tupleKey } from "../../src/group-values.js";
import { referenceTally, reportDefinition } from "../support/report-tally.js";

const BOM = "\ufeff";
const crlf = (lines: string[]) => lines.join("\r\n") + "\r\n";
const lf = (lines: string[]) => lines.join("\n") + "\n";
const HEADER = "service,t,days,status,type,d,flag";

/**
 * BOM and CRLF; blanks and missing markers everywhere (pandas' and the configured "-"), quotes,
 * numbers written every way pandas reads them, timestamps with a T or a space, seconds, fractions,
 * Z and offsets, date-only ones; `d` holds numbers here, `flag` only True/False.
 */
const FILE_1 =
  BOM +
  crlf([
    HEADER,
    "Pothole,2019-01-07T13:05:00, 5,Closed,Request,5,True",
    "Pothole,2019-01-07 13:59,5.0,Closed,Request,5.0,False",
    'Pothole,2019-01-08T00:00:00Z,1e3,"Closed",Complaint, 5,True',
    "Graffiti,2019-01-13T23:59:59.250-07:00,.5,Open,Request,7,",
    "Graffiti,2019-01-13,-2.25,Duplicate,Request,NA,False",
    '"Alley, rear",2019-01-01T06:30:00+05:30,"3.10",Closed,Inquiry,8,True',
    ",2019-01-02T06:00,,Closed,Request,,True",
    "NA,,NA,Open,,NA,False",
    "-,NA,-,NA,Request,9,True",
    " Pothole,2019-01-31T12:00:00,7,Closed,-,10,True",
    "Pothole,2019-01-07T13:05:00,1.5E+2,Referred,Request,11,False",
    "Graffiti,2019-01-20 09:15:00,0.30000000000000004,Closed,Request,12,True",
  ]);

/** LF; `d` holds text here (so 5 here is not the 5 of FILE_1), `flag` numbers (pandas.concat: an object column). */
const FILE_2 = lf([
  HEADER,
  "Pothole,2019-01-09T08:00:00,2,Closed,Request,abc,1",
  '"Pothole",2019-01-09T08:30:00,+2,"Closed",Request,5,0',
  "Graffiti,2019-01-10T17:45:00,12 ,Open,Complaint,5,2.5",
  "Graffiti,2019-01-10T17:46:00,NULL,Closed,Complaint,x,",
  '"Alley, rear",2019-01-11T01:00:00,8,Closed,Request,abc,1',
  "Sidewalk,2019-01-12T11:11:11,-0,Duplicate,Inquiry,5,1",
  "Sidewalk,,nan,Closed,Inquiry,5,0",
]);

/** No `type`, `d` or `flag` column at all (blank for pandas.concat); the columns in another order. */
const FILE_3 = crlf([
  "status,days,t,service",
  "Closed, 12 ,2019-01-14T10:00:00,Pothole",
  "Closed,1e-2,2019-01-14T10:30:00,Pothole",
  "Open,#N/A,2019-01-15T22:00:00,Graffiti",
  "Closed,None,2019-01-15T22:10:00,",
  "Closed,8.18,2019-01-16T03:00:00,Zebra",
  "Closed,-0.62,2019-01-16T03:00:00,Zebra",
]);

/** Many rows in dozens of groups, so sums, means and p90s meet many values and interpolation fractions. */
function randomFile(rows: number, seed: number): string {
  const next = (m: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * m);
  };
  const pick = <T>(items: readonly T[]) => items[next(items.length)]!;
  const two = (n: number) => String(n).padStart(2, "0");
  const days = () => (next(10) === 0 ? "" : `${next(5) === 0 ? "-" : ""}${next(100)}.${next(100)}`);
  const stamp = () => (next(20) === 0 ? "" : `2019-01-${two(1 + next(31))}T${two(next(24))}:${two(next(60))}:00`);
  const lines = Array.from({ length: rows }, () =>
    [
      pick(["Pothole", "Graffiti", "Alley", "Sidewalk", "Tree", "Noise", "", "NA"]),
      stamp(),
      days(),
      pick(["Closed", "Closed", "Open", "Duplicate", "Referred", ""]),
      pick(["Request", "Complaint", "Inquiry", ""]),
      String(next(40)),
      pick(["True", "False", ""]),
    ].join(","),
  );
  return lf([HEADER, ...lines]);
}

const MISSING = [...PANDAS_MISSING_VALUES, "-"];
const days = (kind: "sum" | "mean" | "median" | "min" | "max" | "p90"): Measure => ({ kind, column: "days" });
const weekday = { column: "t", part: "weekday" } as const;
const hour = { column: "t", part: "hour" } as const;
const date = { column: "t", part: "date" } as const;
const closed = { column: "status", values: ["Closed", "Referred"], keep: "listed" } as const;
const notDuplicate = { column: "status", values: ["Duplicate"], keep: "others" } as const;
const requests = { column: "type", values: ["Request"], keep: "listed" } as const;

/** Every measure, every part, filters that keep listed values and others, one and two of them. */
const REPORTS: ReportDefinition[] = [
  reportDefinition({ groupBy: ["service"], chartField: "type" }),
  reportDefinition({ groupBy: ["service"], filter: [closed] }),
  reportDefinition({ groupBy: [weekday, hour], chart: "heatmap" }),
  reportDefinition({ groupBy: [date], chartField: "type", filter: [notDuplicate], chart: "line" }),
  reportDefinition({ groupBy: ["service", "type"], filter: [notDuplicate, requests] }),
  reportDefinition({ groupBy: ["service"], measure: days("sum"), filter: [closed] }),
  reportDefinition({ groupBy: [hour], measure: days("mean") }),
  reportDefinition({ groupBy: ["service"], chartField: "type", measure: days("median"), filter: [closed] }),
  reportDefinition({ groupBy: [weekday], measure: days("min") }),
  reportDefinition({ groupBy: ["service", "type"], measure: days("max"), filter: [notDuplicate] }),
  reportDefinition({ groupBy: ["service"], measure: days("p90") }),
  // a filter on a column one file lacks keeps none of its rows, or all of them
  reportDefinition({
    groupBy: [date],
    measure: days("mean"),
    filter: [{ column: "type", values: ["Inquiry"], keep: "others" }],
  }),
  // a filter that keeps no row: no groups, an overall of none
  reportDefinition({
    groupBy: ["service"],
    measure: days("median"),
    filter: [{ column: "status", values: ["Nothing"], keep: "listed" }],
  }),
  reportDefinition({ groupBy: [date], chartField: "service", measure: days("p90"), filter: [requests] }),
  reportDefinition({ groupBy: ["service"], measure: { kind: "distinct", column: "d" } }),
  reportDefinition({ groupBy: ["type"], measure: { kind: "distinct", column: "days" } }),
  reportDefinition({ groupBy: ["service"], measure: { kind: "share", column: "status", values: ["Closed"] } }),
  reportDefinition({ groupBy: [weekday], measure: { kind: "share", column: "days", values: [5, 2] } }),
  reportDefinition({ groupBy: ["service"], measure: { kind: "share", column: "d", values: ["5", 5] } }),
  ...(["sum", "mean", "median", "min", "max"] as const).map((kind) =>
    reportDefinition({ groupBy: ["service"], measure: { kind, column: "flag" } }),
  ),
  reportDefinition({ groupBy: ["service"], measure: { kind: "distinct", column: "flag" } }),
  reportDefinition({ groupBy: ["type"], measure: { kind: "share", column: "flag", values: [1] } }),
];

interface PandasValue {
  value: string | null;
  text: string;
}
interface PandasReport {
  totalRows: number;
  overall: PandasValue;
  counts: [...string[], PandasValue][];
  breakdown: [...string[], PandasValue][];
}

/** What pandas computes for each report (test/support/pandas-measures.py's reports mode). */
function pandasReports(reports: readonly ReportDefinition[], files: string[]): PandasReport[] {
  const specs = reports.map(({ groupBy, chartField, measure, filter }) => ({ groupBy, chartField, measure, filter }));
  const args = ["test/support/pandas-measures.py", "reports", JSON.stringify({ naValues: MISSING, reports: specs })];
  return JSON.parse(execFileSync("/usr/bin/python3", [...args, ...files], { encoding: "utf8" }));
}

/** A float's repr() in Python as a number, or null for NaN. */
function pythonNumber(repr: string | null): number | null {
  if (repr === null) return null;
  return repr === "inf" ? Infinity : repr === "-inf" ? -Infinity : Number(repr);
}

/** Our value equals pandas': printed alike, and the number itself (sums and means to 9 digits: see measures.ts). */
function expectSameValue(measure: Measure, ours: number | null, theirs: PandasValue, where: string): void {
  expect(formatMeasure(measure, ours), where).toBe(theirs.text);
  if ((measure.kind === "sum" || measure.kind === "mean") && ours !== null)
    expect(ours, where).toBeCloseTo(pythonNumber(theirs.value)!, 9);
  else expect(ours === null ? null : ours + 0, where).toBe(pythonNumber(theirs.value));
}

/** A table's rows by their key values (tupleKey), each with its value. */
function valuesByKey(table: ColumnTable, valueColumn: string): Map<string, number | null> {
  const keys = table.columnNames().filter((c) => c !== valueColumn);
  const rows = table.objects() as Record<string, string | number | null>[];
  return new Map(rows.map((row) => [tupleKey(keys.map((k) => row[k] as string)), row[valueColumn] as number | null]));
}

function expectSameTable(
  definition: ReportDefinition,
  ours: ColumnTable,
  valueColumn: string,
  theirs: PandasReport["counts"],
) {
  const mine = valuesByKey(ours, valueColumn);
  const where = (key: string) => `report ${definition.id}, group ${key}`;
  const pandasKeys = theirs.map((row) => tupleKey(row.slice(0, -1) as string[]));
  expect([...mine.keys()].sort(), definition.id).toEqual(pandasKeys.sort());
  for (const row of theirs) {
    const key = tupleKey(row.slice(0, -1) as string[]);
    expectSameValue(definition.measure, mine.get(key)!, row[row.length - 1] as PandasValue, where(key));
  }
}

function expectSameReport(definition: ReportDefinition, ours: Report, theirs: PandasReport): void {
  expect(ours.totalRows, definition.id).toBe(theirs.totalRows);
  expectSameValue(definition.measure, ours.overall, theirs.overall, `report ${definition.id}, overall`);
  expectSameTable(definition, ours.counts, ours.valueColumn, theirs.counts);
  expectSameTable(definition, ours.breakdown, ours.valueColumn, theirs.breakdown);
}

const folder = mkdtempSync(join(tmpdir(), "reportsite-reports-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Builds one raw file's tally for a report: the reference builder here; the scanner's can be another. */
type TallyBuilder = (definition: ReportDefinition, csv: string, missingValues: readonly string[]) => ReportTally;

/** The raw pass itself: the scanner's one tally for the report, from the file's bytes. */
const scannerTally: TallyBuilder = (definition, csv, missingValues) => {
  const tally = scanCsv(Buffer.from(csv), "file.csv", {
    requiredColumns: [],
    specs: [tallySpecOf(definition)],
    missingValues,
  });
  return { rows: tally.tallies[0]!, kinds: tally.kinds };
};

const TALLY_BUILDERS: [name: string, build: TallyBuilder][] = [
  ["the reference tally builder", referenceTally],
  ["the scanner", scannerTally],
];

describe.each(TALLY_BUILDERS)("reports against pandas, tallies from %s", (_name, tallyOf) => {
  it("equal pandas' for every measure, filter and timestamp part over several messy files", () => {
    const texts = [FILE_1, FILE_2, FILE_3, randomFile(1200, 7), randomFile(1301, 99)];
    const files = texts.map((text, i) => {
      const file = join(folder, `2019_jan_0${i + 1}_requests.csv`);
      writeFileSync(file, text);
      return file;
    });
    const definitions = REPORTS.map((r, i) => ({ ...r, id: `${i}-${r.measure.kind}-${r.groupBy.length}` }));
    const answers = pandasReports(definitions, files);
    expect(answers).toHaveLength(REPORTS.length);
    definitions.forEach((definition, i) => {
      const tallies = texts.map((text) => tallyOf(definition, text, MISSING));
      expectSameReport(definition, reportFromTallies(definition, tallies, MISSING), answers[i]!);
    });
  });
});
