/** The incremental build never serves stale numbers, and a build with nothing new reads no raw data. */
import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DeleteObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, test } from "vitest";
import { buildSite, type BuildOptions } from "../../src/build/index.js";
import type { SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { stateFileText } from "../../src/state/state-file.js";
import { CACHE_FORMAT } from "../../src/state/build-cache.js";
import { createS3Client } from "../../src/s3/index.js";
import { BUILT_THEME, isBuildRecord } from "../../src/site/index.js";
import { countingClient, createBucket, putObjects, testConfig, tempDir, uniqueBucket } from "../support/s3.js";

const HEADER = "service_request_id,service_name,case_record_type\n";

function day(rows: [string, string][]): string {
  return HEADER + rows.map(([service, type], i) => `${i},${service},${type}`).join("\n") + "\n";
}

function csv(config: SiteConfig, dir: string): string {
  return readFileSync(join(config.output, dir, "final_report.csv"), "utf8");
}

describe("incremental builds", () => {
  let config: SiteConfig;
  let client: S3Client & { gets: string[] };
  let baseDir: string;
  const build = (options: Partial<BuildOptions> = {}, c = config) =>
    buildSite(c, { logger: memoryLogger(), client, ...options });

  beforeEach(async () => {
    baseDir = tempDir();
    config = testConfig(
      { raw: { bucket: uniqueBucket("inc-raw") }, site: { bucket: uniqueBucket("inc-site") } },
      baseDir,
    );
    client = countingClient();
    await createBucket(client, config.raw.bucket, {
      "2019_jan_01_gid_requests.csv": day([
        ["Pothole", "Request"],
        ["Graffiti", "Request"],
      ]),
      "2019_jan_02_gid_requests.csv": day([["Pothole", "Complaint"]]),
      "2019_feb_01_gid_requests.csv": day([["Graffiti", "Request"]]),
    });
    await build();
    client.gets.length = 0;
  });

  test("a second build with nothing new sends no GET of raw data and reuses every month", async () => {
    const janBefore = csv(config, "2019/jan");
    const report = await build();
    expect(client.gets).toEqual([]);
    expect(report.bytesRead).toBe(0);
    expect(report.months.map((m) => [m.month, m.status, m.filesRead])).toEqual([
      ["2019-01", "reused", 0],
      ["2019-02", "reused", 0],
    ]);
    expect(csv(config, "2019/jan")).toBe(janBefore);
    expect(report.written).toBe(false); // dist/ already held exactly this site
  });

  test.each([
    // a folder an earlier version of reportsite built has no theme record
    { what: "deleted", spoil: (path: string) => rmSync(path) },
    { what: "damaged", spoil: (path: string) => writeFileSync(path, "{") },
    // a record that parses but is not what this build renders with: never trusted
    {
      what: "edited by hand",
      spoil: (path: string) =>
        writeFileSync(path, readFileSync(path, "utf8").replace(/"title": "[^"]*"/, '"title": "Edited by hand"')),
    },
  ])(
    "the theme record $what, nothing else changed: the next build writes the site again, record and all",
    async ({ spoil }) => {
      const path = join(config.output, BUILT_THEME);
      const recorded = readFileSync(path, "utf8");
      spoil(path);
      const report = await build();
      expect(report.written).toBe(true);
      expect(client.gets).toEqual([]); // the months still come from the cache
      expect(readFileSync(path, "utf8")).toBe(recorded);
      expect((await build()).written).toBe(false); // and the shortcut holds again
    },
  );

  test("a second build with nothing new reads no cached month and no rendered page: the listing and the record decide", async () => {
    const pages = join(config.cache, "pages");
    const months = join(config.cache, "months");
    // a month or page group read now would be missing: warned about, then read from S3 or rendered again
    rmSync(pages, { recursive: true });
    rmSync(months, { recursive: true });
    const logger = memoryLogger();
    const report = await build({ logger });
    expect(report.written).toBe(false);
    expect(client.gets).toEqual([]);
    expect(logger.warnings.filter((w) => w.startsWith("ignoring "))).toEqual([]);
    expect(existsSync(pages) || existsSync(months)).toBe(false);
    // the report still says what every month is made of, as the last build counted it
    expect(report.months.map((m) => [m.month, m.status, m.rows, m.files, m.filesRead])).toEqual([
      ["2019-01", "reused", 3, 2, 0],
      ["2019-02", "reused", 1, 1, 0],
    ]);
    expect(logger.lines).toContain("2019-01: 3 rows from 2 files, reused from the cache");
    expect(report.files).toBe(
      readdirSync(config.output, { recursive: true, encoding: "utf8" }).filter(
        (f) => f.includes(".") && !isBuildRecord(f), // the marker and the theme record are not site files
      ).length,
    );
  });

  test("after an offline build, which records no inputs, the next build still spares the pages and records them", async () => {
    const pages = join(config.cache, "pages");
    const recordFile = join(config.cache, "output.json");
    const record = () => (JSON.parse(readFileSync(recordFile, "utf8")) as { data: { inputs?: unknown } }).data;
    const { inputs } = record();
    expect(inputs).toBeDefined();
    await build({ offline: true }); // the same site, made from the cache alone: its inputs are not a listing
    expect(record()).not.toHaveProperty("inputs");
    rmSync(pages, { recursive: true }); // a page group read now would be rendered again and cached
    const report = await build();
    expect(report.written).toBe(false);
    expect(client.gets).toEqual([]);
    // only the months' small summaries (what the pages' fingerprints are made from) were made again
    const cached = readdirSync(pages).map((f) => readFileSync(join(pages, f), "utf8"));
    expect(cached).toHaveLength(2);
    expect(cached.filter((text) => /<!doctype html/i.test(text))).toEqual([]);
    expect(record()).toHaveProperty("inputs", inputs);
  });

  test("the same keys dated by another key pattern are not a build with nothing new: the pages' missing days follow", async () => {
    const monthly = testConfig(
      { raw: { bucket: uniqueBucket("inc-monthly") }, site: { bucket: uniqueBucket("inc-monthly-site") } },
      baseDir,
    );
    await createBucket(client, monthly.raw.bucket, { "2019_jan_01_gid_requests.csv": day([["Pothole", "Request"]]) });
    const page = () => readFileSync(join(monthly.output, "2019/jan/final_report.html"), "utf8");
    await build({}, monthly);
    // day 1 alone: the month so far
    expect(page()).toContain("So far: 1 of 31 days. The data ends on day 1; the rest of the month is not in yet.");
    // a monthly export: the file names day 1, but stands for the whole month
    const undated = testConfig(
      {
        raw: { bucket: monthly.raw.bucket, keyPattern: "{year}_{mon}_01_gid_requests.csv" },
        site: { bucket: monthly.site.bucket },
      },
      baseDir,
    );
    const report = await build({}, undated);
    expect(report.months[0]!.missingDays).toEqual([]);
    expect(page()).not.toContain("Incomplete month");
    expect(page()).not.toContain("So far");
  });

  test("a page edited, deleted or added in the output folder by hand is put right by the next build", async () => {
    const page = join(config.output, "2019/jan/final_report.csv");
    const built = readFileSync(page, "utf8");
    const edits: [string, () => void][] = [
      ["edited", () => writeFileSync(page, built.replace("Pothole", "Potholf"))],
      ["deleted", () => rmSync(page)],
      ["added", () => writeFileSync(join(config.output, "2019/jan/notes.txt"), "mine")],
      // the same bytes, another modification time: the index lists that date, so it is written again
      ["touched", () => utimesSync(page, new Date(2001, 0, 1), new Date(2001, 0, 1))],
      // other bytes of the same size, with the modification time put back: the change time tells
      [
        "edited, its date put back",
        () => {
          const { atime, mtime } = statSync(page);
          writeFileSync(page, built.replace("Pothole", "Potholf"));
          utimesSync(page, atime, mtime);
        },
      ],
    ];
    for (const [what, edit] of edits) {
      edit();
      const report = await build();
      expect(report.written, what).toBe(true);
      expect(readFileSync(page, "utf8"), what).toBe(built);
      expect(existsSync(join(config.output, "2019/jan/notes.txt")), what).toBe(false);
    }
    // a damaged record of the last output is not trusted: a warning, and the folder is compared byte for byte
    const recordFile = join(config.cache, "output.json");
    writeFileSync(recordFile, readFileSync(recordFile, "utf8").replace('"md5":"', '"md5":"0'));
    const logger = memoryLogger();
    expect((await build({ logger })).written).toBe(false);
    expect(logger.warnings.filter((w) => w.startsWith("ignoring "))).toEqual([
      `ignoring ${recordFile}: its checksum does not match its contents (damaged); the build compares the output folder's files instead`,
    ]);
    expect(readFileSync(recordFile, "utf8")).toMatch(/^\{"format":2,"checksum":"[0-9a-f]{64}","data":/); // recorded anew
  });

  test("one daily file changed with the same key and size: exactly that file is read and its month rebuilt", async () => {
    await putObjects(client, config.raw.bucket, {
      "2019_jan_02_gid_requests.csv": day([["Graffiti", "Complaint"]]).replace("Graffiti", "Potholf"), // same size
    });
    const report = await build();
    expect(client.gets).toEqual(["2019_jan_02_gid_requests.csv"]);
    expect(report.months.map((m) => [m.month, m.status, m.reason])).toEqual([
      ["2019-01", "rebuilt", "1 file changed"],
      ["2019-02", "reused", undefined],
    ]);
    expect(csv(config, "2019/jan")).toBe("service_name,count\nGraffiti,1\nPothole,1\nPotholf,1\n");
    expect(report.written).toBe(true);
  });

  test("a deleted day rebuilds its month without reading anything; an added day is read", async () => {
    await client.send(new DeleteObjectCommand({ Bucket: config.raw.bucket, Key: "2019_jan_01_gid_requests.csv" }));
    await putObjects(client, config.raw.bucket, { "2019_feb_02_gid_requests.csv": day([["Noise", "Request"]]) });
    const report = await build();
    expect(client.gets).toEqual(["2019_feb_02_gid_requests.csv"]);
    expect(report.months.map((m) => [m.month, m.status, m.reason])).toEqual([
      ["2019-01", "rebuilt", "1 file removed"],
      ["2019-02", "rebuilt", "1 file added"],
    ]);
    expect(csv(config, "2019/jan")).toBe("service_name,count\nPothole,1\n");
    expect(csv(config, "2019/feb")).toBe("service_name,count\nGraffiti,1\nNoise,1\n");
  });

  test("another report.groupBy reads every month again; --force does too", async () => {
    const regrouped = testConfig(
      {
        raw: { bucket: config.raw.bucket },
        site: { bucket: config.site.bucket },
        report: { groupBy: ["case_record_type"], chartField: "service_name" },
      },
      baseDir,
    );
    const report = await build({}, regrouped);
    expect(client.gets).toHaveLength(3);
    expect(report.months.every((m) => m.status === "rebuilt")).toBe(true);
    expect(report.months[0]!.reason).toBe("the raw bucket or report columns changed");
    expect(csv(regrouped, "2019/jan")).toBe("case_record_type,count\nRequest,2\nComplaint,1\n");

    client.gets.length = 0;
    const forced = await build({ force: true }, regrouped);
    expect(client.gets).toHaveLength(3);
    expect(forced.months.map((m) => m.reason)).toEqual(["--force", "--force"]);
  });

  test("a changed page setting re-renders the pages from the cache without reading raw data", async () => {
    const retitled = testConfig(
      { raw: { bucket: config.raw.bucket }, site: { bucket: config.site.bucket, title: "Springfield 311" } },
      baseDir,
    );
    const pagesBefore = readdirSync(join(config.cache, "pages")).sort();
    await build({}, retitled);
    expect(client.gets).toEqual([]);
    // the pages of the old title are stale: replaced, not kept beside the new ones
    const pagesAfter = readdirSync(join(config.cache, "pages")).sort();
    expect(pagesAfter).toHaveLength(pagesBefore.length);
    expect(pagesAfter.filter((p) => pagesBefore.includes(p))).toEqual([]);
    expect(readFileSync(join(retitled.output, "2019/jan/final_report.html"), "utf8")).toContain("Springfield 311");
  });

  test("a damaged month file in the cache is not trusted: a warning, and the month is read again", async () => {
    const months = join(config.cache, "months");
    const file = join(months, "2019-01.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"Pothole",', '"Pothole",1000000,')); // counts tampered
    // a build with nothing new reads no month; one with a new day reads them all, and checks them
    await putObjects(client, config.raw.bucket, { "2019_feb_02_gid_requests.csv": day([["Noise", "Request"]]) });
    const logger = memoryLogger();
    const report = await build({ logger });
    expect(logger.warnings.filter((w) => w.startsWith("ignoring "))).toEqual([
      `ignoring ${file}: its checksum does not match its contents (damaged); the month's raw files are read again`,
    ]);
    expect(client.gets.sort()).toEqual([
      "2019_feb_02_gid_requests.csv",
      "2019_jan_01_gid_requests.csv",
      "2019_jan_02_gid_requests.csv",
    ]);
    expect(report.months[0]!.status).toBe("rebuilt");
    expect(csv(config, "2019/jan")).toBe("service_name,count\nPothole,2\nGraffiti,1\n");
  });

  test("a month file whole in itself but not the one the manifest names is not trusted either", async () => {
    const file = join(config.cache, "months", "2019-01.json");
    const { data } = JSON.parse(readFileSync(file, "utf8")) as { data: { files: { rows: number }[] } };
    data.files[0]!.rows += 1000;
    writeFileSync(file, stateFileText(CACHE_FORMAT, data).text); // a valid file: its own checksum matches
    await putObjects(client, config.raw.bucket, { "2019_feb_02_gid_requests.csv": day([["Noise", "Request"]]) });
    const logger = memoryLogger();
    const report = await build({ logger });
    expect(logger.warnings.filter((w) => w.startsWith("ignoring "))).toEqual([
      `ignoring ${file}: its checksum is not the one manifest.json names (damaged); the month's raw files are read again`,
    ]);
    expect(report.months[0]!.status).toBe("rebuilt");
    expect(report.months[0]!.rows).toBe(3);
  });

  test("a foreign or broken manifest is ignored with a warning; every month is read", async () => {
    const path = join(config.cache, "manifest.json");
    const valid = readFileSync(path, "utf8");
    const cases = [
      ["{not json", "it is not JSON (damaged)"],
      [
        JSON.stringify({ format: 2, settings: "x", months: {} }),
        "it was written by another version of reportsite (format 2)",
      ],
      [valid.replace(/"months":\{/, '"months":{"1999-01":"0",'), "its checksum does not match its contents (damaged)"],
      [JSON.stringify({ format: CACHE_FORMAT, data: {} }), "it is not a reportsite state file (damaged)"],
      [
        stateFileText(CACHE_FORMAT, { settings: 1 }).text,
        "its contents are not what reportsite writes there (damaged)",
      ],
    ];
    for (const [manifest, why] of cases) {
      writeFileSync(path, manifest!);
      client.gets.length = 0;
      const logger = memoryLogger();
      await build({ logger });
      expect(logger.warnings.filter((w) => w.startsWith("ignoring "))).toEqual([
        `ignoring ${path}: ${why}; the build cache is set aside and every raw file is read again`,
      ]);
      expect(client.gets).toHaveLength(3);
    }
    expect(readdirSync(join(config.cache, "months")).sort()).toEqual(["2019-01.json", "2019-02.json"]);
  });

  test("an offline build re-renders every month from the cache with no S3 at all", async () => {
    const offline = testConfig(
      { raw: { bucket: config.raw.bucket }, site: { bucket: config.site.bucket, title: "Offline" } },
      baseDir,
    );
    const nowhere = createS3Client({ region: "us-east-1", endpoint: "http://127.0.0.1:9", forcePathStyle: true });
    const report = await buildSite(offline, { logger: memoryLogger(), offline: true, client: nowhere });
    expect(report.months.map((m) => [m.month, m.status])).toEqual([
      ["2019-01", "reused"],
      ["2019-02", "reused"],
    ]);
    expect(readFileSync(join(offline.output, "2019/feb/final_report.html"), "utf8")).toContain("Offline");
  });

  test("a header-only daily file is a day with no requests, not a bad file and not a missing day", async () => {
    await putObjects(client, config.raw.bucket, { "2019_feb_02_gid_requests.csv": HEADER });
    const report = await build();
    const feb = report.months.find((m) => m.month === "2019-02")!;
    expect(feb).toMatchObject({ rows: 1, files: 2, emptyDays: [2], skipped: [] });
    expect(feb.missingDays).not.toContain(2);
  });
});
