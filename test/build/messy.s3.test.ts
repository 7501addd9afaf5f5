import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { table, type ColumnTable } from "arquero";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import { memoryLogger } from "../../src/log.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { pandasCounts } from "../support/pandas.js";
import { createBucket, tempDir, testClient, testConfig, uniqueBucket } from "../support/s3.js";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { IGNORED_KEYS_LISTED } from "../../src/source/ignored-keys.js";
import { expectReportsiteError } from "../support/errors.js";

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

describe("exports as they come: days in parts, gzip, UTF-16 and Latin-1", () => {
  interface RawFile {
    key: string;
    body: Buffer;
    /** Stored with Content-Encoding: gzip (the body is gzip bytes under a .csv key). */
    contentEncoding?: "gzip";
    /** The name pandas reads it under (a .gz name for gzip bytes), when not `key`. */
    local?: string;
  }

  /** Upload `files` (and `extraKeys`, unread by pandas) to a fresh raw bucket and build; pandas reads the same files. */
  async function buildAndCompare(
    files: RawFile[],
    raw: { keyPattern?: string; encoding?: "utf-8" | "utf-16" | "latin1" | "windows-1252" },
    options: { extraKeys?: string[]; pandasEncoding?: string; monthDir: string },
  ) {
    const dir = tempDir("i17-pandas-");
    for (const f of files) writeFileSync(join(dir, f.local ?? f.key), f.body);
    const pandas = pandasCounts(
      files.map((f) => join(dir, f.local ?? f.key)),
      ["service_name"],
      "case_record_type",
      options.pandasEncoding,
    );
    const config = testConfig({
      raw: { bucket: uniqueBucket("i17-raw"), ...raw },
      site: { bucket: uniqueBucket("i17-site") },
      report: { missingValues: pandas.naValues },
    });
    const client = testClient();
    await createBucket(client, config.raw.bucket, Object.fromEntries((options.extraKeys ?? []).map((k) => [k, "x"])));
    for (const f of files) {
      await client.send(
        new PutObjectCommand({
          Bucket: config.raw.bucket,
          Key: f.key,
          Body: f.body,
          ContentEncoding: f.contentEncoding,
        }),
      );
    }
    const logger = memoryLogger();
    const report = await buildSite(config, { logger });
    const ours = asCounts(await readReportCsv(join(config.output, options.monthDir, "final_report.csv")));
    const { "(blank)": blank = 0, ...named } = ours;
    expect(named).toEqual(Object.fromEntries(pandas.counts.map(([name, n]) => [name, n])));
    expect(Object.values(named).reduce((a, b) => a + b, 0) + blank).toBe(pandas.rows);
    return { report, logger, config };
  }

  test("a day exported in parts ({part}), some parts gzip (.csv.gz, Content-Encoding: gzip): every part counts, as pandas counts them", async () => {
    const first = generateMonth(2019, 3, { rows: [20, 40], seed: 11 });
    const second = generateMonth(2019, 3, { rows: [10, 30], seed: 12 });
    const files: RawFile[] = first.flatMap((day, i) => {
      const name = day.key.replace(".csv", "");
      const gz = gzipSync(second[i]!.body);
      const part2: RawFile =
        i % 2 === 0
          ? { key: `${name}_part0002.csv.gz`, body: gz }
          : { key: `${name}_part0002.csv`, body: gz, contentEncoding: "gzip", local: `${name}_part0002.csv.gz` };
      return [{ key: `${name}_part0001.csv`, body: Buffer.from(day.body) }, part2];
    });
    const { report, logger } = await buildAndCompare(
      files,
      { keyPattern: "{year}_{mon}_{day}_gid_requests_part{part}.csv" },
      {
        monthDir: "2019/mar",
        extraKeys: ["2019_mar_05_gid_requests.csv", "2019_feb_30_gid_requests_part0001.csv", "notes.txt"],
      },
    );
    expect(report.months.map((m) => [m.month, m.files, m.missingDays])).toEqual([["2019-03", 62, []]]);
    // a day whose parts are all read is a day with data: none is "empty" because one part is
    expect(report.months[0]!.emptyDays).toEqual([]);
    expect(logger.warnings).toContainEqual(
      expect.stringMatching(
        /^2019_feb_30_gid_requests_part0001\.csv: the key pattern dates it February 30, 2019, a day that does not exist; the file was not read/,
      ),
    );
    expect(logger.warnings).toContainEqual(
      expect.stringMatching(
        /^2019-03: 1 key that looks like this month's data does not match raw\.keyPattern \{year\}_\{mon\}_\{day\}_gid_requests_part\{part\}\.csv and was not read, e\.g\. 2019_mar_05_gid_requests\.csv; for a day exported in parts/,
      ),
    );
    expect(logger.details).toEqual([
      "2 keys ignored (not {year}_{mon}_{day}_gid_requests_part{part}.csv):",
      "  2019_mar_05_gid_requests.csv",
      "  notes.txt",
    ]);
  });

  const service = (body: string, name: string) => body.replaceAll("Water Leak", name);
  const april = () => generateMonth(2019, 4, { rows: [20, 40], seed: 5 }).slice(0, 3);

  test.each([
    {
      encoding: "latin1" as const,
      pandas: "latin1",
      name: "Água / Café",
      bytes: (s: string) => Buffer.from(s, "latin1"),
    },
    {
      encoding: "utf-16" as const,
      pandas: "utf-16",
      name: "Café ☕",
      bytes: (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]),
    },
  ])("raw.encoding $encoding reads the month as pandas reads it with encoding=$pandas", async (c) => {
    const files = april().map((f) => ({ key: f.key, body: c.bytes(service(f.body, c.name)) }));
    const { report } = await buildAndCompare(
      files,
      { encoding: c.encoding },
      { monthDir: "2019/apr", pandasEncoding: c.pandas },
    );
    expect(report.months[0]!.rows).toBeGreaterThan(0);
  });

  test.each([
    {
      encoding: "latin1",
      name: "Água / Café",
      bytes: (s: string) => Buffer.from(s, "latin1"),
      message:
        /2019_apr_0\d_gid_requests\.csv: line \d+: invalid UTF-8 byte sequence \(byte \d+\); the file looks like Latin-1 \(ISO-8859-1\): set raw\.encoding to "latin1"/,
    },
    {
      encoding: "utf-16",
      name: "Café ☕",
      bytes: (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]),
      message: /2019_apr_01_gid_requests\.csv: the file looks like UTF-16; set raw\.encoding to "utf-16"/,
    },
  ])("a $encoding month read as UTF-8 is refused, naming the file and the setting", async (c) => {
    const config = testConfig({ raw: { bucket: uniqueBucket("i17-enc") }, site: { bucket: uniqueBucket("i17-site") } });
    const files = april().map((f) => [f.key, c.bytes(service(f.body, c.name))] as const);
    await createBucket(testClient(), config.raw.bucket, Object.fromEntries(files));
    await expectReportsiteError(() => buildSite(config, { logger: memoryLogger() }), {
      name: "SourceError",
      message: c.message,
    });
  });

  test.each([
    {
      description: "one part twice (part1 and part0001)",
      keyPattern: "{year}_{mon}_{day}_gid_requests_part{part}.csv",
      keys: ["2019_apr_01_gid_requests_part1.csv", "2019_apr_01_gid_requests_part0001.csv"],
      message:
        /more than one raw file for a part of a day, so that part would be counted twice; nothing was built:\n {2}- 2019-04-01 part 1: /,
    },
    {
      description: "a day as .csv and as .csv.gz",
      keyPattern: undefined,
      keys: ["2019_apr_01_gid_requests.csv", "2019_apr_01_gid_requests.csv.gz"],
      message:
        /more than one raw file for a day, so that day would be counted twice; nothing was built:\n {2}- 2019-04-01: /,
    },
  ])("$description is refused before anything is read", async ({ keyPattern, keys, message }) => {
    const config = testConfig({
      raw: { bucket: uniqueBucket("i17-twice"), keyPattern },
      site: { bucket: uniqueBucket("i17-site") },
    });
    const body = april()[0]!.body;
    const gz = (key: string) => (key.endsWith(".gz") ? gzipSync(body) : body);
    await createBucket(testClient(), config.raw.bucket, Object.fromEntries(keys.map((k) => [k, gz(k)])));
    await expectReportsiteError(() => buildSite(config, { logger: memoryLogger() }), { name: "SourceError", message });
  });

  test("building every month, a month whose every key the pattern ignores is warned about too", async () => {
    const config = testConfig({
      raw: { bucket: uniqueBucket("i17-allparts") },
      site: { bucket: uniqueBucket("i17-site") },
    });
    const day = april()[0]!;
    await createBucket(testClient(), config.raw.bucket, {
      [day.key]: day.body,
      "2019_may_01_gid_requests_part0001.csv": day.body,
      "2019_may_01_gid_requests_part0002.csv": day.body,
    });
    const logger = memoryLogger();
    const report = await buildSite(config, { logger });
    expect(report.months.map((m) => m.month)).toEqual(["2019-04"]);
    expect(logger.warnings).toContainEqual(
      expect.stringMatching(/^2019-05: 2 keys that look like this month's data do not match raw\.keyPattern/),
    );
    // asked for by --month, the month has no files: the error names the keys that look like it
    await expectReportsiteError(() => buildSite(config, { logger, months: [{ year: 2019, month: 5 }] }), {
      name: "MissingMonthError",
      message: /^2019-05: no raw files for this month/,
      hint: /Keys that look like it but do not match: 2019_may_01_gid_requests_part0001\.csv, 2019_may_01_gid_requests_part0002\.csv; for a day exported in parts/,
    });
  });

  test("--verbose lists at most IGNORED_KEYS_LISTED ignored keys, then how many more", async () => {
    const config = testConfig({
      raw: { bucket: uniqueBucket("i17-many") },
      site: { bucket: uniqueBucket("i17-site") },
    });
    const junk = Array.from(
      { length: IGNORED_KEYS_LISTED + 5 },
      (_, i) => [`junk/${String(i).padStart(3, "0")}.txt`, "x"] as const,
    );
    const day = april()[0]!;
    await createBucket(testClient(), config.raw.bucket, { [day.key]: day.body, ...Object.fromEntries(junk) });
    const logger = memoryLogger();
    await buildSite(config, { logger });
    expect(logger.details).toHaveLength(IGNORED_KEYS_LISTED + 2);
    expect(logger.details[1]).toBe("  junk/000.txt");
    expect(logger.details.at(-1)).toBe("  … and 5 more");
    expect(logger.warnings.filter((w) => w.includes("look like"))).toEqual([]);
  });
});
