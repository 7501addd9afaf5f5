/** report.maxGroups in a build: checked as files are counted (stopping early) and on months from the cache. */
import { describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import { memoryLogger } from "../../src/log.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { expectReportsiteError } from "../support/errors.js";
import { createBucket, tempDir, testClient, testConfig, uniqueBucket } from "../support/s3.js";

/** A raw bucket with January 2019, `rows` rows a day (each with its own service_request_id). */
async function rawMonth(rows: number): Promise<string> {
  const bucket = uniqueBucket("maxgroups-raw");
  const month = generateMonth(2019, 1, { rows: [rows, rows] });
  await createBucket(testClient(), bucket, Object.fromEntries(month.map((d) => [d.key, d.body])));
  return bucket;
}

describe("report.maxGroups", () => {
  test("an ID column stops the month at the file that passes the limit: the later files are never read", async () => {
    const raw = await rawMonth(300);
    const config = testConfig({
      raw: { bucket: raw, concurrency: 2 },
      site: { bucket: uniqueBucket("maxgroups-site") },
      report: { groupBy: ["service_request_id"], maxGroups: 1000 },
    });
    const logger = memoryLogger();
    await expectReportsiteError(() => buildSite(config, { logger }), {
      name: "TooManyGroupsError",
      message:
        /^report\.groupBy "service_request_id" has more than 1,000 distinct values in 2019-01 \(passed in file 2019_jan_0[1-5]_gid_requests\.csv\)/, // the 4th file counted
    });
    // the 4th file of 300 IDs counted passes 1,000 (and stops before its "read" line); with 2 reads at a
    // time, at most one more was under way: 27 of the 31 files are never read
    const read = logger.lines.filter((l) => l.startsWith("read "));
    expect(read.length).toBeGreaterThanOrEqual(3);
    expect(read.length).toBeLessThanOrEqual(4);
  });

  test("a limit raised lets the month build; lowered again, the month from the cache is refused too", async () => {
    const raw = await rawMonth(20);
    const dir = tempDir();
    const spec = { raw: { bucket: raw }, site: { bucket: uniqueBucket("maxgroups-site") } };
    const groupBy = ["service_request_id"];
    const report = await buildSite(testConfig({ ...spec, report: { groupBy, maxGroups: 1000 } }, dir), {
      logger: memoryLogger(),
    });
    expect(report.months[0]!.rows).toBe(31 * 20);
    const logger = memoryLogger();
    await expectReportsiteError(
      () => buildSite(testConfig({ ...spec, report: { groupBy, maxGroups: 100 } }, dir), { logger }),
      { name: "TooManyGroupsError", message: /more than 100 distinct values in 2019-01/ },
    );
    expect(logger.lines.filter((l) => l.startsWith("read "))).toEqual([]);
  });
});
