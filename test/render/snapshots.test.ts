// Rendered pages as snapshot directories (Observable Framework's build-test): each folder in
// test/snapshots/input/ holds one month of raw CSVs; its pages must equal test/snapshots/output/<case>/.
// Missing expected output is written (never on CI); a mismatch is written to <case>-changed/ to diff.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { table } from "arquero";
import { describe, expect, test } from "vitest";
import { aggregateReport } from "../../src/aggregate/index.js";
import { PANDAS_MISSING_VALUES } from "../../src/config/index.js";
import { renderIndexPage, renderMonthPages } from "../../src/render/index.js";
import { parseCsvStream } from "../../src/source/index.js";

const SNAPSHOTS = fileURLToPath(new URL("../snapshots/", import.meta.url));
const CASES = readdirSync(join(SNAPSHOTS, "input"));
const FIXED_DATE = new Date("2019-02-01T06:00:00Z");
const settings = {
  groupBy: ["service_name"],
  chartField: "case_record_type",
  columns: ["service_name", "count"],
  linkColumns: ["service_name"],
};

async function renderCase(name: string): Promise<Record<string, string>> {
  const dir = join(SNAPSHOTS, "input", name);
  const columns: Record<string, string[]> = { service_name: [], case_record_type: [] };
  const names = readdirSync(dir).sort();
  for (const file of names) {
    const parsed = await parseCsvStream(Readable.from([readFileSync(join(dir, file))]), file, {
      requiredColumns: ["service_name", "case_record_type"],
      keepColumns: ["service_name", "case_record_type"],
    });
    for (const c of Object.keys(columns)) columns[c]!.push(...parsed.columns[c]!);
  }
  const report = aggregateReport(table(columns), { ...settings, missingValues: PANDAS_MISSING_VALUES });
  const pages = await renderMonthPages(
    {
      monthTitle: "January 2019",
      dir: "2019/jan",
      report,
      fileCount: names.length,
      missingDays: "6-31",
      skippedFiles: 0,
    },
    {
      ...settings,
      siteTitle: "311 <reports>",
      files: { csv: "final_report.csv", table: "final_report.html", chart: "final_chart.html" },
    },
  );
  const index = renderIndexPage(
    pages.map((p) => ({ key: p.path, size: Buffer.byteLength(String(p.body)), lastModified: FIXED_DATE })),
    { title: "311 <reports>" },
  );
  return Object.fromEntries([
    ...pages.map((p) => [p.path.replaceAll("/", "__"), String(p.body)]),
    ["index.html", index],
  ]);
}

describe("rendered pages match their snapshots", () => {
  test.each(CASES)("%s", async (name) => {
    const actual = await renderCase(name);
    const expectedDir = join(SNAPSHOTS, "output", name);
    const changedDir = join(SNAPSHOTS, "output", `${name}-changed`);
    rmSync(changedDir, { recursive: true, force: true });
    if (!existsSync(expectedDir)) {
      if (process.env.CI)
        throw new Error(
          `missing snapshot ${expectedDir}: run the tests locally to create it, review it, and commit it`,
        );
      mkdirSync(expectedDir, { recursive: true });
      for (const [file, body] of Object.entries(actual)) writeFileSync(join(expectedDir, file), body);
    }
    const expected = Object.fromEntries(
      readdirSync(expectedDir).map((file) => [file, readFileSync(join(expectedDir, file), "utf8")]),
    );
    const changed = Object.keys({ ...expected, ...actual }).filter((file) => expected[file] !== actual[file]);
    if (changed.length) {
      mkdirSync(changedDir, { recursive: true });
      for (const file of changed) if (actual[file] !== undefined) writeFileSync(join(changedDir, file), actual[file]);
    }
    expect(changed, `pages differ from ${expectedDir}; see ${changedDir}`).toEqual([]);
  });
});
