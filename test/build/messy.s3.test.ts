import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { table, type ColumnTable } from "arquero";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build.js";
import { memoryLogger } from "../../src/log.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { pandasCounts } from "../support/pandas.js";
import { createBucket, tempDir, testClient, testConfig, uniqueBucket } from "../support/s3.js";
import { writeFileSync } from "node:fs";

const FIXTURES = fileURLToPath(new URL("../fixtures/messy/", import.meta.url));

/** Parse a report CSV we wrote with an independent reader (Arquero's, not ours). */
async function readReportCsv(path: string): Promise<ColumnTable> {
  const { fromCSV } = await import("arquero");
  return fromCSV(readFileSync(path, "utf8"), { autoType: false });
}

function asCounts(t: ColumnTable): Record<string, number> {
  return Object.fromEntries((t.objects() as Record<string, string>[]).map((r) => [r.service_name!, Number(r.count)]));
}

describe("the messy fixture", () => {
  const paths = readdirSync(FIXTURES).map((name) => join(FIXTURES, name));
  let rawBucket: string;
  beforeAll(async () => {
    rawBucket = uniqueBucket("messy-raw");
    await createBucket(
      testClient(),
      rawBucket,
      Object.fromEntries(paths.map((path) => [path.slice(FIXTURES.length), readFileSync(path)])),
    );
  });

  /** Build the fixture month and return its output folder. */
  async function build(missingValues?: string[]): Promise<string> {
    const config = testConfig({
      raw: { bucket: rawBucket },
      site: { bucket: uniqueBucket("messy-site") },
      report: { missingValues },
    });
    await buildSite(config, { logger: memoryLogger() });
    return config.output;
  }

  test("counts equal the ones worked out by hand (default: pandas 2 missing markers)", async () => {
    const dist = await build();
    const counts = asCounts(await readReportCsv(join(dist, "2019/jan/final_report.csv")));
    expect(counts).toEqual({
      Pothole: 7, // 2019_jan_04/05 mix LF and CRLF endings, with service_name last: no "\r" may stick to it
      "Graffiti Removal": 5,
      "(blank)": 6,
      " Pothole": 1,
      pothole: 1,
      "Streetlight Out, Partial": 1,
      "Café ☕": 1,
      "<script>alert(1)</script>": 1,
    });
  });

  test("counts equal pandas' groupby().size(), and the (blank) row holds exactly what pandas drops", async () => {
    const pandas = pandasCounts(paths, ["service_name"], "case_record_type");
    // configured with the installed pandas' own missing markers, the numbers must match exactly
    const dist = await build(pandas.naValues);
    const ours = asCounts(await readReportCsv(join(dist, "2019/jan/final_report.csv")));
    const pandasCountsByName: Record<string, number> = Object.fromEntries(
      pandas.counts.map(([name, n]) => [name, Number(n)]),
    );
    const { "(blank)": blank, ...named } = ours;
    expect(named).toEqual(pandasCountsByName);
    expect(blank).toBe(pandas.rows - Object.values(pandasCountsByName).reduce((a, b) => a + b, 0));
    expect(Object.values(ours).reduce((a, b) => a + b, 0)).toBe(pandas.rows);
  });
});

describe("generated months with CRLF, BOM and multi-line descriptions", () => {
  test("every service's count and every (service, record type) pair equal pandas", async () => {
    const dir = tempDir("pandas-");
    const month = generateMonth(2019, 2, { crlf: true, bom: true, rows: [40, 80], seed: 7 });
    for (const file of month) writeFileSync(join(dir, file.key), file.body);
    const pandas = pandasCounts(
      month.map((f) => join(dir, f.key)),
      ["service_name"],
      "case_record_type",
    );
    const config = testConfig({
      raw: { bucket: uniqueBucket("gen-raw") },
      site: { bucket: uniqueBucket("gen-site") },
      report: { missingValues: pandas.naValues },
    });
    await createBucket(testClient(), config.raw.bucket, Object.fromEntries(month.map((f) => [f.key, f.body])));
    await buildSite(config, { logger: memoryLogger() });

    const ours = asCounts(await readReportCsv(join(config.output, "2019/feb/final_report.csv")));
    const { "(blank)": blank, ...named } = ours;
    expect(named).toEqual(Object.fromEntries(pandas.counts.map(([name, n]) => [name, n])));
    expect(blank).toBeGreaterThan(0);
    expect(Object.values(ours).reduce((a, b) => a + b, 0)).toBe(pandas.rows);

    // the chart's breakdown is in the chart page's spec
    const chartPage = readFileSync(join(config.output, "2019/feb/final_chart.html"), "utf8");
    const spec = JSON.parse(
      /<script type="application\/json" class="chart-spec">(.*?)<\/script>/s.exec(chartPage)![1]!,
    );
    const values = spec.data.find((d: { values?: unknown[] }) => d.values).values as {
      group: string;
      type: string;
      count: number;
    }[];
    const pairs = Object.fromEntries(
      values.filter((v) => v.group !== "(blank)" && v.type !== "(blank)").map((v) => [`${v.group}|${v.type}`, v.count]),
    );
    expect(pairs).toEqual(Object.fromEntries(pandas.breakdown.map(([s, t, n]) => [`${s}|${t}`, n])));
    expect(
      table({ n: values.map((v) => v.count) })
        .rollup({ total: "d => op.sum(d.n)" })
        .get("total", 0),
    ).toBe(pandas.rows);
  });
});
