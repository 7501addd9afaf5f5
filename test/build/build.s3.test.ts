import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite, type BuildReport } from "../../src/build/index.js";
import type { SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { BUILD_MARKER, BUILT_THEME } from "../../src/site/index.js";
import { csvField, sampleKey } from "../../scripts/sample/generate.js";
import { expectReportsiteError } from "../support/errors.js";
import { createBucket, putObjects, testClient, testConfig, testServer, uniqueBucket } from "../support/s3.js";

const SERVICES = ["Pothole", "Graffiti, Removal", 'Says "hi"', "Streetlight\nOut", ""];

/** Every file below `dir`, as relative paths. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("a build over more than 1,000 raw objects", () => {
  // 1,100 days from 2016-01-01: 37 months, so the listing spans two or more pages
  const DAYS = 1100;
  const expected = new Map<string, Map<string, number>>(); // month folder -> service -> count
  let config: SiteConfig;
  const logger = memoryLogger();
  let first: BuildReport;

  beforeAll(async () => {
    config = testConfig({
      raw: { bucket: uniqueBucket("big-raw"), prefix: "exports/311" },
      site: { bucket: uniqueBucket("big-site") },
    });
    const objects: Record<string, string> = {
      "exports/311/README.txt": "not a daily export",
      "exports/other/2016_jan_01_gid_requests.csv": "outside the prefix",
    };
    for (let d = 0; d < DAYS; d++) {
      const date = new Date(Date.UTC(2016, 0, 1 + d));
      const folder = `${date.getUTCFullYear()}/${sampleKey(date).split("_")[1]}`;
      const counts = expected.get(folder) ?? new Map<string, number>();
      expected.set(folder, counts);
      const lines = ["service_request_id,service_name,case_record_type"];
      for (let r = 0; r < 1 + (d % 3); r++) {
        const service = SERVICES[(d * 7 + r) % SERVICES.length]!;
        const label = service === "" ? "(blank)" : service;
        counts.set(label, (counts.get(label) ?? 0) + 1);
        lines.push([`${d}-${r}`, service, r % 2 ? "Complaint" : "Request"].map(csvField).join(","));
      }
      objects[`exports/311/${sampleKey(date)}`] = `${lines.join("\n")}\n`;
    }
    await createBucket(testClient(), config.raw.bucket, objects);
    first = await buildSite(config, { logger });
  }, 180_000);

  test("lists every page and reads every daily file", () => {
    const listed = logger.lines.find((l) => l.startsWith("listed "));
    expect(listed).toMatch(new RegExp(`${DAYS + 1} objects in [2-9] pages, ${DAYS} match`));
    expect(first.months.reduce((n, m) => n + m.filesRead, 0)).toBe(DAYS);
    expect(first.months.every((m) => m.status === "rebuilt" && m.reason === "not in the cache")).toBe(true);
  });

  test("writes the dist/ tree: five files a month, a page per year, index, trend, summaries, error page, feed, sitemap, robots.txt, scripts", () => {
    const files = listFiles(config.output);
    const months = [...expected.keys()];
    expect(months).toHaveLength(37);
    expect(files).toEqual(
      [
        ...months.flatMap((m) => [
          `${m}/final_chart.html`,
          `${m}/final_report.csv`,
          `${m}/final_report.html`,
          `${m}/index.html`, // the folder index, so /2019/jan/ works
          `${m}/preview.png`, // the image a pasted link to the month's pages is previewed with
        ]),
        ...[...new Set(months.map((m) => m.split("/")[0]))].map((year) => `${year}/index.html`), // the year in review
        ".reportsite-build", // the marker that lets the next build replace this folder (never deployed)
        BUILT_THEME, // the title and theme deploy renders index.html with (never deployed)
        "assets/chart.js",
        "assets/table.js",
        "assets/vega.min.js",
        "error.html",
        "feed.xml",
        "index.html",
        "robots.txt",
        "sitemap.xml",
        "summary.csv",
        "summary.json",
        "trend.html",
      ].sort(),
    );
  });

  test("every month's counts equal the counts of what was uploaded", async () => {
    const { fromCSV } = await import("arquero");
    for (const [folder, counts] of expected) {
      const csv = fromCSV(readFileSync(join(config.output, folder, "final_report.csv"), "utf8"), { autoType: false });
      const ours = Object.fromEntries(
        (csv.objects() as Record<string, string>[]).map((r) => [r.service_name, Number(r.count)]),
      );
      expect(ours, folder).toEqual(Object.fromEntries(counts));
    }
  });

  test("index.html lists every published file with its size", () => {
    const index = readFileSync(join(config.output, "index.html"), "utf8");
    for (const file of listFiles(config.output).filter(
      (f) => !["index.html", "error.html", BUILD_MARKER, BUILT_THEME].includes(f) && !f.startsWith("assets/"),
    )) {
      const size = readFileSync(join(config.output, file)).byteLength;
      const shown = file
        .split("/")
        .map((part, i) => `${i ? "/" : ""}<wbr>${part}`)
        .join("");
      expect(index).toContain(`<a href="${file}">${shown}</a>`);
      expect(index).toMatch(new RegExp(`href="${file}">[^\\n]*<data value="${size}"`));
    }
    // the build records are in dist/ but never published, so never listed
    expect(index).not.toContain(BUILT_THEME);
    expect(index).not.toContain(BUILD_MARKER);
  });

  test("the raw bucket stays private: an anonymous GET is refused", async () => {
    const response = await fetch(
      `${testServer().endpoint}/${config.raw.bucket}/exports/311/2016_jan_01_gid_requests.csv`,
    );
    expect(response.status).toBe(403);
  });

  test("rebuilding one month keeps every other month, its bytes and its date, in dist/ and the index", async () => {
    const before = listFiles(config.output);
    const januaryCsv = join(config.output, "2016/jan/final_report.csv");
    const januaryBytes = readFileSync(januaryCsv);
    const januaryTime = statSync(januaryCsv).mtimeMs;
    const indexBefore = readFileSync(join(config.output, "index.html"), "utf8");
    const rebuild = memoryLogger();
    const report = await buildSite(config, {
      logger: rebuild,
      months: [{ year: 2016, month: 2 }],
      now: () => new Date(Date.UTC(2030, 0, 1)),
    });
    // February is listed and its files are those of the cache: nothing is read; the other months come from the cache
    expect(report.months).toHaveLength(37);
    expect(report.months.every((m) => m.status === "reused" && m.filesRead === 0)).toBe(true);
    expect(report.bytesRead).toBe(0);
    expect(listFiles(config.output)).toEqual(before);
    expect(readFileSync(januaryCsv).equals(januaryBytes)).toBe(true);
    expect(Math.abs(statSync(januaryCsv).mtimeMs - januaryTime)).toBeLessThan(1); // utimes keeps whole milliseconds
    const index = readFileSync(join(config.output, "index.html"), "utf8");
    const links = (html: string) => [...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links(index)).toEqual(links(indexBefore));
    expect(index).not.toContain(BUILT_THEME); // nor is a carried-over build record
    // unchanged pages keep the date they were written, so nothing carries the new build's date
    expect(index.match(/datetime="2030-01-01/g)).toBeNull();
  });
});

describe("bad input never publishes a partial month", () => {
  let config: SiteConfig;
  beforeAll(async () => {
    config = testConfig({ raw: { bucket: uniqueBucket("bad-raw") }, site: { bucket: uniqueBucket("bad-site") } });
    await createBucket(testClient(), config.raw.bucket, {
      "2019_jan_01_gid_requests.csv": "service_name,case_record_type\nPothole,Request\n",
      "2019_jan_02_gid_requests.csv": "service_name,case_record_type\nPothole,Request\nGraffiti,Request,extra\n",
      "2019_jan_03_gid_requests.csv": 'service_name,case_record_type\r\n"Pothole\r\n',
    });
  });

  test("a bad file fails the build, names every bad key and line, and leaves dist/ as it was", async () => {
    mkdirSync(config.output, { recursive: true });
    writeFileSync(join(config.output, "index.html"), "previous site");
    writeFileSync(join(config.output, BUILD_MARKER), ""); // an earlier build
    const error = await expectReportsiteError(() => buildSite(config, { logger: memoryLogger() }), {
      name: "SourceError",
      message: /2019-01: 2 of 3 raw files cannot be read; no report was written/,
    });
    expect(error.message).toContain(
      "2019_jan_02_gid_requests.csv: line 3: expected 2 fields (as in the header), found 3",
    );
    expect(error.message).toContain(
      "2019_jan_03_gid_requests.csv: line 2: a quoted field opened in this row is never closed (unterminated quote)",
    );
    expect(error.hint).toMatch(/--skip-bad-files/);
    expect(listFiles(config.output)).toEqual([BUILD_MARKER, "index.html"]);
    expect(readFileSync(join(config.output, "index.html"), "utf8")).toBe("previous site");
  });

  test("--skip-bad-files publishes the month without them and warns with each key", async () => {
    const logger = memoryLogger();
    const report = await buildSite(config, { logger, skipBadFiles: true });
    expect(logger.warnings).toContain("2019-01: no raw file for day 4-31");
    expect(report.months).toEqual([
      {
        month: "2019-01",
        status: "rebuilt",
        reason: "not in the cache",
        rows: 1,
        files: 1,
        filesRead: 1,
        skipped: ["2019_jan_02_gid_requests.csv", "2019_jan_03_gid_requests.csv"],
        missingDays: Array.from({ length: 28 }, (_, i) => i + 4),
        acceptedDays: [],
        emptyDays: [],
        requested: true,
      },
    ]);
    // the published page says what it is missing; raw keys stay out of the site
    const page = readFileSync(join(config.output, "2019/jan/final_report.html"), "utf8");
    expect(page).toContain("So far: 3 of 31 days. The data ends on day 3; the rest of the month is not in yet.</p>");
    expect(page).toContain("Incomplete month: 2 daily files could not be read and are left out.");
    expect(page).not.toContain("gid_requests");
    expect(logger.warnings.join("\n")).toMatch(/skipped 2019_jan_02_gid_requests\.csv: line 3/);
    expect(readFileSync(join(config.output, "2019/jan/final_report.csv"), "utf8")).toBe(
      "service_name,count\nPothole,1\n",
    );
    // with nothing new, the next build still reads the files it skipped: they may be fixed by then
    const again = memoryLogger();
    const next = await buildSite(config, { logger: again, skipBadFiles: true });
    expect(next.months[0]).toMatchObject({ status: "rebuilt", skipped: report.months[0]!.skipped });
    expect(again.warnings.join("\n")).toMatch(/skipped 2019_jan_02_gid_requests\.csv: line 3/);
  });

  test("two files for one day (1 and 01, jan and Jan) fail the build before any file is read, instead of counting the day twice", async () => {
    const twice = testConfig({
      raw: { bucket: uniqueBucket("twice-raw") },
      site: { bucket: uniqueBucket("twice-site") },
    });
    const file = "service_name,case_record_type\nPothole,Request\n";
    await createBucket(testClient(), twice.raw.bucket, {
      "2019_jan_05_gid_requests.csv": file,
      "2019_feb_1_gid_requests.csv": file,
      "2019_feb_01_gid_requests.csv": file,
      "2019_feb_02_gid_requests.csv": file,
      "2019_Feb_02_gid_requests.csv": file,
      "2019_feb_03_gid_requests.csv": file,
    });
    const logger = memoryLogger();
    const error = await expectReportsiteError(() => buildSite(twice, { logger }), {
      name: "SourceError",
      message: /^more than one raw file for a day, so those days would be counted twice; nothing was built:/,
    });
    expect(error.message).toContain("2019-02-01: 2019_feb_01_gid_requests.csv, 2019_feb_1_gid_requests.csv");
    expect(error.message).toContain("2019-02-02: 2019_Feb_02_gid_requests.csv, 2019_feb_02_gid_requests.csv");
    expect(error.message).not.toContain("2019-02-03");
    // found on the listing: not even January (which comes first and is fine) was read
    expect(logger.lines.filter((l) => /^2019-01: /.test(l))).toEqual([]);
    expect(existsSync(twice.output)).toBe(false);
  });

  test("a foreign output folder is refused before any raw data is read; --month without an earlier build warns", async () => {
    const foreign = testConfig({
      raw: { bucket: config.raw.bucket },
      site: { bucket: uniqueBucket("foreign-site") },
      output: "src",
    });
    mkdirSync(foreign.output, { recursive: true });
    writeFileSync(join(foreign.output, "main.ts"), "precious");
    const logger = memoryLogger();
    await expectReportsiteError(() => buildSite(foreign, { logger }), {
      name: "SiteError",
      message: /refusing to replace .*\/src: it holds files that reportsite did not build/,
    });
    expect(logger.lines).toEqual([]); // not even listed
    expect(readdirSync(foreign.output)).toEqual(["main.ts"]);

    const fresh = testConfig({ raw: { bucket: config.raw.bucket }, site: { bucket: uniqueBucket("fresh-site") } });
    const warned = memoryLogger();
    await buildSite(fresh, { logger: warned, months: [{ year: 2019, month: 1 }], skipBadFiles: true });
    expect(warned.warnings).toContain(
      `${fresh.output} holds no earlier build and the build cache no other month, so the site will have only the months built now; \`deploy --delete\` would unpublish the others (build every month, or deploy without --delete)`,
    );
  });

  test("a --month build into an empty output folder with the cache restored (a fresh CI checkout) says the cache supplies the other months", async () => {
    const ci = testConfig({ raw: { bucket: uniqueBucket("ci-raw") }, site: { bucket: uniqueBucket("ci-site") } });
    const row = "service_name,case_record_type\nPothole,Request\n";
    await createBucket(testClient(), ci.raw.bucket, {
      "2019_jan_01_gid_requests.csv": row,
      "2019_feb_01_gid_requests.csv": row,
      "2019_mar_01_gid_requests.csv": row,
    });
    await buildSite(ci, { logger: memoryLogger() }); // every month: the cache holds them all
    rmSync(ci.output, { recursive: true }); // the checkout has no dist/; the cache is restored
    const warned = memoryLogger();
    await buildSite(ci, { logger: warned, months: [{ year: 2019, month: 3 }] });
    // the cache supplied two months; the year page is drawn from all three
    expect(readdirSync(join(ci.output, "2019")).sort()).toEqual(["feb", "index.html", "jan", "mar"]);
    expect(readFileSync(join(ci.output, "2019", "index.html"), "utf8")).toContain("Partial year: 3 of 12 months");
    expect(warned.warnings.join("\n")).not.toMatch(/only the months built now/);
    expect(warned.warnings).toContain(
      `${ci.output} holds no earlier build: the site will have the months built now and the 2 months in the build cache (2019-01, 2019-02); a month published earlier that is in neither would be left out, and \`deploy --delete\` would unpublish it (build every month, or deploy without --delete)`,
    );
  });

  test("a month with no files is an error naming the month and the months that exist", async () => {
    await expectReportsiteError(
      () => buildSite(config, { logger: memoryLogger(), months: [{ year: 2019, month: 5 }] }),
      {
        name: "MissingMonthError",
        message: /2019-05: no raw files for this month/,
      },
    );
  });

  test("a bucket with no matching keys is an error", async () => {
    const empty = testConfig({
      raw: { bucket: uniqueBucket("empty-raw") },
      site: { bucket: uniqueBucket("empty-site") },
    });
    await createBucket(testClient(), empty.raw.bucket, { "notes.txt": "x" });
    await expectReportsiteError(() => buildSite(empty, { logger: memoryLogger() }), {
      name: "SourceError",
      message: /no raw files in s3:\/\/.* match the key pattern/,
    });
    expect(existsSync(empty.output)).toBe(false);
  });

  test("a missing raw bucket is an S3Error that says so", async () => {
    const missing = testConfig({ raw: { bucket: uniqueBucket("no-such") }, site: { bucket: uniqueBucket("x-site") } });
    await expectReportsiteError(() => buildSite(missing, { logger: memoryLogger() }), {
      name: "S3Error",
      message: /cannot list s3:\/\/no-such-[0-9a-f]+: the bucket does not exist/,
    });
  });

  test("objects added after a failure are picked up on the next run", async () => {
    await putObjects(testClient(), config.raw.bucket, {
      "2019_jan_02_gid_requests.csv": "service_name,case_record_type\nGraffiti,Request\n",
      "2019_jan_03_gid_requests.csv": "service_name,case_record_type\nGraffiti,Inquiry\n",
    });
    await buildSite(config, { logger: memoryLogger() });
    expect(readFileSync(join(config.output, "2019/jan/final_report.csv"), "utf8")).toBe(
      "service_name,count\nGraffiti,2\nPothole,1\n",
    );
  });
});
