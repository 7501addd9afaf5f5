/**
 * Fidelity: messy raw files through value tallies (as the scanner will keep them per file, merged per
 * month) give the numbers pandas gives for the same files, printed the same way.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import {
  emptyTally,
  formatMeasure,
  kindWith,
  measureValue,
  mergeTallies,
  parseMeasureValue,
  tallyCell,
  typedTally,
  type ColumnKind,
  type Measure,
  type MeasureColumn,
  type ValueTally,
} from "../../src/aggregate/index.js";

const BOM = "\ufeff";
const crlf = (lines: string[]) => lines.join("\r\n") + "\r\n";
const lf = (lines: string[]) => lines.join("\n") + "\n";

/** Blanks, missing markers (pandas' and the configured "None"), quotes, spaces, exponents, ties, -0; CRLF and a BOM. */
const FILE_1 =
  BOM +
  crlf([
    "g,x,y,d,s",
    "a, 5,0.1,5,closed",
    "a,+5,0.1,5.0,open",
    "a,1e3,0.1, 5,closed",
    "a,.5,0.1,7,",
    "b,5.,0.2,7,NA",
    "b,-2.25,0.2,8,Closed",
    'b,"3.10",0.7,8,"closed"',
    "c,,0.125,,open",
    "c,NA,0.125,NA,closed",
    "c,N/A,,8,",
    "e,1.5E+2,0.375,9,closed",
    "a,-0,0.1,10,open",
    "b,0.30000000000000004,0.2,11,closed",
  ]);
/** LF; the d column is text in this file (abc), so its 5 is not the 5.0 of the other files. */
const FILE_2 = lf([
  "g,x,y,d,s",
  "a,-1.5e-1,0.1,abc,closed",
  '"a",2,0.1,5,"closed"',
  "b,-7,0.2,5,open",
  "b,NULL,0.3, 5,closed",
  "c,,,,",
  "c,#N/A,0.125,x,closed",
  "e,150,0.375,9,open",
  "a,0.1,0.1,abc,closed",
]);
/** No d column at all (missing for pandas.concat), spaces around numbers, the configured marker. */
const FILE_3 = crlf([
  "g,x,y,s",
  "a, 12 ,0.1,open",
  "b,1e-2,0.2,closed",
  "e,-nan,0.375,closed",
  "c,None,,open",
  "c,nan,,",
]).concat(
  // p90 = 7.299999999999999 in pandas' groupby; numpy's quantile gives 7.3
  crlf(["z,8.18,3,open", "z,-0.62,4,closed"]),
);

/**
 * Many rows of decimals with up to three places, blanks among them, in 20 groups of different sizes:
 * sums and means of dozens of values, and p90s at many interpolation fractions.
 */
function randomFile(rows: number, seed: number): string {
  const next = (m: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * m);
  };
  const decimal = () => (next(10) === 0 ? "" : `${next(5) === 0 ? "-" : ""}${next(1000)}.${String(next(1000))}`);
  const lines = Array.from({ length: rows }, () => {
    const status = ["closed", "open", "", "NA"][next(4)];
    return `${"abcefghijklmnopqrstu"[next(20)]},${decimal()},${next(50)},${next(30)},${status}`;
  });
  return lf(["g,x,y,d,s", ...lines]);
}

const GROUP = "g";
const NUMERIC = ["x", "y"];
const DISTINCT = ["d", "s", "x"];
const SHARE = { column: "s", values: ["closed"] };
const EXTRA_MISSING = ["None"];

/** Per group, per column: the value tallies of one file, as the scanner keeps them. */
type FileTallies = Map<string, Map<string, ValueTally>>;

/** One raw file read the scanner's way: numeric cells checked, kinds decided over the whole file, tallies typed. */
function tallyFile(text: string, columns: readonly string[], missing: ReadonlySet<string>): FileTallies {
  const rows: Record<string, string>[] = parse(text, { bom: true, columns: true });
  const cells = new Map<string, Map<string, ValueTally>>();
  const kinds = new Map<string, ColumnKind>(columns.map((c) => [c, "empty"]));
  for (const row of rows) {
    const group = cells.get(row[GROUP]!) ?? new Map(columns.map((c) => [c, emptyTally()]));
    cells.set(row[GROUP]!, group);
    for (const c of columns) {
      const column: MeasureColumn = { name: c, missing };
      const cell = row[c] ?? ""; // a column the file lacks is blank, as pandas.concat fills it
      if (NUMERIC.includes(c)) parseMeasureValue(cell, column);
      kinds.set(c, kindWith(kinds.get(c)!, cell, column));
      tallyCell(group.get(c)!, cell, column);
    }
  }
  const typed = (c: string, tally: ValueTally) => typedTally(tally, kinds.get(c)!, { name: c, missing });
  return new Map([...cells].map(([g, byColumn]) => [g, new Map([...byColumn].map(([c, t]) => [c, typed(c, t)]))]));
}

/** A month: the files' tallies merged per group and column. */
function mergeFiles(files: readonly FileTallies[]): FileTallies {
  const month: FileTallies = new Map();
  for (const file of files) {
    for (const [group, byColumn] of file) {
      const merged = month.get(group) ?? new Map<string, ValueTally>();
      for (const [c, tally] of byColumn) merged.set(c, mergeTallies(merged.get(c) ?? emptyTally(), tally));
      month.set(group, merged);
    }
  }
  return month;
}

/** The measures pandas computes, by the names the reference script gives them. */
const MEASURES: Record<string, Measure> = {
  count: { kind: "count" },
  ...Object.fromEntries(
    NUMERIC.flatMap((column) =>
      (["sum", "mean", "median", "min", "max", "p90"] as const).map((kind) => [`${kind}:${column}`, { kind, column }]),
    ),
  ),
  ...Object.fromEntries(DISTINCT.map((column) => [`distinct:${column}`, { kind: "distinct", column }])),
  [`share:${SHARE.column}`]: { kind: "share", ...SHARE },
};

interface PandasAnswer {
  naValues: string[];
  groups: Record<string, Record<string, { value: string | null; text: string }>>;
}

function pandasMeasures(files: string[]): PandasAnswer {
  const spec = { groupBy: GROUP, naValues: EXTRA_MISSING, numeric: NUMERIC, distinct: DISTINCT, share: SHARE };
  const args = ["test/support/pandas-measures.py", "measures", JSON.stringify(spec), ...files];
  return JSON.parse(execFileSync("/usr/bin/python3", args, { encoding: "utf8" }));
}

/** A float's repr() in Python as a number, or null for NaN. */
function pythonNumber(repr: string | null): number | null {
  if (repr === null) return null;
  return repr === "inf" ? Infinity : repr === "-inf" ? -Infinity : Number(repr);
}

const folder = mkdtempSync(join(tmpdir(), "reportsite-measures-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("measures against pandas", () => {
  it("equal pandas' for every group and measure of several messy files merged", () => {
    const texts = [FILE_1, FILE_2, FILE_3, randomFile(1500, 7), randomFile(1501, 99)];
    const files = texts.map((text, i) => {
      const file = join(folder, `2019_jan_0${i + 1}_requests.csv`);
      writeFileSync(file, text);
      return file;
    });
    const answer = pandasMeasures(files);
    const missing = new Set([...answer.naValues, ...EXTRA_MISSING]);
    const columns = [...new Set([...NUMERIC, ...DISTINCT, SHARE.column])];
    const month = mergeFiles(texts.map((text) => tallyFile(text, columns, missing)));
    expect([...month.keys()].sort()).toEqual(Object.keys(answer.groups).sort());
    let compared = 0;
    for (const [group, byMeasure] of Object.entries(answer.groups)) {
      for (const [name, theirs] of Object.entries(byMeasure)) {
        const measure = MEASURES[name]!;
        const tally = month.get(group)!.get("column" in measure ? measure.column : "x")!;
        const ours = measureValue(measure, tally);
        const where = `group ${group}, ${name}`;
        expect(formatMeasure(measure, ours), where).toBe(theirs.text);
        // sums and means: pandas' Kahan sum in row order may differ from the exact sum in the last bits
        if (measure.kind === "sum" || measure.kind === "mean")
          expect(ours, where).toBeCloseTo(pythonNumber(theirs.value)!, 9);
        else expect(ours === null ? null : ours + 0, where).toBe(pythonNumber(theirs.value));
        compared++;
      }
    }
    expect(compared).toBe(21 * Object.keys(MEASURES).length);
  });
});
