// A --month build on a machine without the cache (a fresh CI runner): the months it neither lists nor
// has cached are carried over (their pages from the previous build), and stay in the trend, the summaries and the home page.
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import type { SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { parseSiteSummary } from "../../src/render/index.js";
import { sampleKey } from "../../scripts/sample/generate.js";
import { expectReportsiteError } from "../support/errors.js";
import { createBucket, testClient, testConfig, uniqueBucket } from "../support/s3.js";

/** Rows per month: January 3 days x 2 rows, February 2 x 3, March 1 x 5 (totals 6, 6, 5, told apart by service). */
const MONTHS = [
  { month: 0, days: 3, rows: ["Pothole", "Graffiti"] },
  { month: 1, days: 2, rows: ["Pothole", "Noise", "Noise"] },
  { month: 2, days: 1, rows: ["Graffiti", "Graffiti", "Pothole", "Noise", "Streetlight"] },
];

describe("a --month build without the cache carries the other months over, in the trend and summaries", () => {
  let config: SiteConfig;
  const read = (path: string) => readFileSync(join(config.output, path), "utf8");

  beforeAll(async () => {
    config = testConfig({
      raw: { bucket: uniqueBucket("carried-raw") },
      site: { bucket: uniqueBucket("carried-site") },
    });
    const objects: Record<string, string> = {};
    for (const { month, days, rows } of MONTHS)
      for (let day = 1; day <= days; day++)
        objects[sampleKey(new Date(Date.UTC(2019, month, day)))] =
          `service_name,case_record_type\n${rows.map((s) => `${s},Request`).join("\n")}\n`;
    await createBucket(testClient(), config.raw.bucket, objects);
    await buildSite(config, { logger: memoryLogger() });
  });

  test("February rebuilt alone: January and March come from the previous summary.json", async () => {
    const before = parseSiteSummary(read("summary.json"));
    expect(before.months.map((m) => [m.id, m.total])).toEqual([
      ["2019-01", 6],
      ["2019-02", 6],
      ["2019-03", 5],
    ]);
    rmSync(config.cache, { recursive: true, force: true });
    await buildSite(config, { logger: memoryLogger(), months: [{ year: 2019, month: 2 }] });
    expect(parseSiteSummary(read("summary.json"))).toEqual(before);
    expect(read("summary.csv")).toMatch(/^2019-03,5,Graffiti,2$/m);
    const trend = read("trend.html");
    for (const title of ["January 2019", "February 2019", "March 2019"]) expect(trend).toContain(title);
    const february = read("2019/feb/final_report.html");
    expect(february).toContain("← January 2019");
    expect(february).toContain("March 2019 →");
    expect(february).toContain(">Change since January 2019</th>");
    expect(read("index.html")).toContain('href="2019/mar/final_report.html"');
  });

  test("a previous summary counted by other columns is refused, naming both", async () => {
    const regrouped = testConfig(
      {
        raw: { bucket: config.raw.bucket },
        site: { bucket: config.site.bucket },
        report: { groupBy: ["case_record_type"], chartField: "service_name" },
      },
      dirname(config.output),
    );
    rmSync(regrouped.cache, { recursive: true, force: true });
    await expectReportsiteError(
      () => buildSite(regrouped, { logger: memoryLogger(), months: [{ year: 2019, month: 2 }] }),
      {
        name: "RenderError",
        message: /by service_name \/ case_record_type, but .* now case_record_type \/ service_name/,
      },
    );
  });
});
