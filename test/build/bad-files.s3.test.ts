/**
 * A build names every bad file of every month in one run, and with --skip-bad-files a month
 * with nothing left is left out and named while the other months publish.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import { memoryLogger } from "../../src/log.js";
import { listMonthFiles, readMonthFiles, scanPoolFor } from "../../src/source/index.js";
import { expectReportsiteError } from "../support/errors.js";
import { createBucket, testClient, testConfig, uniqueBucket } from "../support/s3.js";

const HEADER = "service_name,case_record_type\n";
const FILES: Record<string, string | Buffer> = {
  "2019_jan_01_gid_requests.csv": `${HEADER}Pothole,Request\n`,
  "2019_jan_02_gid_requests.csv": `${HEADER}Pothole,Request\nGraffiti,Request,extra\n`,
  "2019_jan_03_gid_requests.csv": `${HEADER}"Pothole\n`,
  // February: not one file can be read
  "2019_feb_01_gid_requests.csv": Buffer.concat([
    Buffer.from(`${HEADER}Caf`),
    Buffer.from([0xe9]),
    Buffer.from(",R\n"),
  ]),
  "2019_feb_02_gid_requests.csv": `${HEADER}Pothole\n`,
  "2019_mar_01_gid_requests.csv": `${HEADER}Pothole,Request\nNoise,Inquiry\n`,
};

describe("bad files in several months", () => {
  let rawBucket: string;
  beforeAll(async () => {
    rawBucket = uniqueBucket("badmonths-raw");
    await createBucket(testClient(), rawBucket, FILES);
  });
  const configFor = () => testConfig({ raw: { bucket: rawBucket }, site: { bucket: uniqueBucket("badmonths-site") } });

  test("one build names every bad file of every month, each with its line and what is wrong, and writes nothing", async () => {
    const config = configFor();
    const logger = memoryLogger();
    const error = await expectReportsiteError(() => buildSite(config, { logger }), {
      name: "SourceError",
      hint: /--skip-bad-files/,
    });
    expect(error.message).toBe(
      [
        "4 raw files in 2 months cannot be read; nothing was built:",
        "2019-01: 2 of 3 raw files cannot be read; no report was written for this month:",
        "  - 2019_jan_02_gid_requests.csv: line 3: expected 2 fields (as in the header), found 3",
        "  - 2019_jan_03_gid_requests.csv: line 2: a quoted field opened in this row is never closed (unterminated quote)",
        "2019-02: 2 of 2 raw files cannot be read; no report was written for this month:",
        '  - 2019_feb_01_gid_requests.csv: line 2: invalid UTF-8 byte sequence (byte 33); the file looks like Latin-1 (ISO-8859-1): set raw.encoding to "latin1"',
        "  - 2019_feb_02_gid_requests.csv: line 2: expected 2 fields (as in the header), found 1",
      ].join("\n"),
    );
    // March, after both bad months, was read too: the build did not stop at the first bad month
    expect(logger.lines.some((l) => l.startsWith("2019-03: 2 rows from 1 files"))).toBe(true);
    expect(existsSync(config.output)).toBe(false);
  });

  test("--skip-bad-files leaves out a month with nothing left, names it, and publishes the others", async () => {
    const config = configFor();
    const logger = memoryLogger();
    const report = await buildSite(config, { logger, skipBadFiles: true });
    expect(logger.warnings).toContain(
      "2019-02: none of its 2 raw files can be read, so the month is left out of this build (--skip-bad-files); `deploy --delete` would unpublish its earlier pages",
    );
    expect(report.months.map((m) => [m.month, m.status, m.rows, m.skipped.length])).toEqual([
      ["2019-01", "rebuilt", 1, 2],
      ["2019-02", "skipped", 0, 2],
      ["2019-03", "rebuilt", 2, 0],
    ]);
    expect(readFileSync(join(config.output, "2019/mar/final_report.csv"), "utf8")).toBe(
      "service_name,count\nNoise,1\nPothole,1\n",
    );
    expect(existsSync(join(config.output, "2019/jan/final_report.html"))).toBe(true);
    expect(existsSync(join(config.output, "2019/feb"))).toBe(false);
    const index = readFileSync(join(config.output, "index.html"), "utf8");
    expect(index).toContain("2019/mar/");
    expect(index).not.toContain("2019/feb/");
  });

  test("--skip-bad-files with no month left fails, naming the months", async () => {
    await expectReportsiteError(
      () => buildSite(configFor(), { logger: memoryLogger(), skipBadFiles: true, months: [{ year: 2019, month: 2 }] }),
      { name: "SourceError", message: "no raw file of the month built can be read (2019-02); nothing was built" },
    );
  });
});

describe("a scan worker that fails is no bad file", () => {
  test("reading a month stops with the worker's error instead of naming every file of the month unreadable", async () => {
    const rawBucket = uniqueBucket("deadworker-raw");
    await createBucket(testClient(), rawBucket, {
      "2019_mar_01_gid_requests.csv": FILES["2019_mar_01_gid_requests.csv"]!,
    });
    const config = testConfig({ raw: { bucket: rawBucket }, site: { bucket: uniqueBucket("deadworker-site") } });
    const logger = memoryLogger();
    const [march] = await listMonthFiles(testClient(), config, { logger });
    const workerUrl = new URL("../fixtures/scan-workers/fails-at-start.mjs", import.meta.url);
    const pool = scanPoolFor(Number.MAX_SAFE_INTEGER, { workerUrl });
    try {
      // with the files counted as unreadable, --skip-bad-files would leave the month out and the build go on
      await expectReportsiteError(
        () => readMonthFiles(testClient(), config, march!, march!.objects, { logger, pool }),
        {
          name: "ScanWorkerError",
          message: /a worker thread scanning the raw files failed/,
        },
      );
    } finally {
      await pool.close();
    }
  });
});
