/**
 * What the tests of a whole site with several reports share: the demo's reports as site-config.json
 * lists them, raw files on disk for pandas, what pandas computes for a report, and a report CSV's rows.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { ReportDefinition, SiteConfigSpec } from "../../src/config/index.js";
import { tempDir } from "./s3.js";

/**
 * The demo's `report` (the keys every report shares) and `reports`, as the repository's site-config.json
 * has them, but its map report: that one groups by the generator's `district` column and reads the
 * demo's shapes file, and test/e2e/map-site.browser.s3.test.ts builds it.
 */
export function demoReports(): Pick<SiteConfigSpec, "report" | "reports"> {
  const text = readFileSync(new URL("../../site-config.json", import.meta.url), "utf8");
  const { report, reports } = JSON.parse(text) as SiteConfigSpec;
  return { report, reports: reports?.filter((r) => r.map === undefined) };
}

/** Raw files written to a fresh temp folder under their keys (pandas reads files); returns their paths. */
export function rawFilesOnDisk(files: readonly { key: string; body: string }[]): string[] {
  const dir = tempDir("reportsite-raw-");
  return files.map(({ key, body }) => {
    writeFileSync(join(dir, key), body);
    return join(dir, key);
  });
}

/** A value as pandas-measures.py prints it: repr() of the number (null for NaN) and the page's text. */
export interface PandasValue {
  value: string | null;
  text: string;
}

/** One report as pandas computes it: rows kept, the overall value, and the value per group ("(blank)" for NaN keys). */
export interface PandasReport {
  totalRows: number;
  overall: PandasValue;
  counts: [...string[], PandasValue][];
}

/** What pandas computes for each report over the files (test/support/pandas-measures.py's reports mode). */
export function pandasReports(
  reports: readonly ReportDefinition[],
  files: readonly string[],
  naValues: readonly string[],
): PandasReport[] {
  const specs = reports.map(({ groupBy, chartField, measure, filter }) => ({ groupBy, chartField, measure, filter }));
  const args = [
    fileURLToPath(new URL("pandas-measures.py", import.meta.url)),
    "reports",
    JSON.stringify({ naValues, reports: specs }),
    ...files,
  ];
  return JSON.parse(execFileSync("/usr/bin/python3", args, { encoding: "utf8", maxBuffer: 64 << 20 }));
}

/** A float's repr() in Python as a number, or null for NaN. */
export function pythonNumber(repr: string | null): number | null {
  return repr === null ? null : Number(repr);
}

/** Rows of raw files, parsed as CSV (descriptions hold line breaks). */
export function rawRows(files: readonly { body: string }[]): number {
  return files.reduce((n, f) => n + parse(f.body, { columns: true }).length, 0);
}

/** A report CSV's header and rows, parsed as CSV (group values may hold commas, quotes, line breaks). */
export function csvRows(text: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parse(text);
  return { header: header!, rows };
}

/** A report CSV's values by group (the key columns joined by a tab): a number, or null for a blank field. */
export function csvValues(text: string): Map<string, number | null> {
  return new Map(csvRows(text).rows.map((row) => [row.slice(0, -1).join("\t"), cellNumber(row.at(-1)!)]));
}

/** pandas' values by group, keyed as csvValues keys them. */
export function pandasValues(report: PandasReport): Map<string, number | null> {
  return new Map(
    report.counts.map((row) => [
      (row.slice(0, -1) as string[]).join("\t"),
      pythonNumber((row.at(-1) as PandasValue).value),
    ]),
  );
}

const cellNumber = (cell: string): number | null => (cell === "" ? null : Number(cell));
