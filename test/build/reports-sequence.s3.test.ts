/**
 * A site of several reports through a sequence of monthly runs, each a build and a deploy on the same
 * buckets, cache and output folder: two months published; a late day of the first month is read
 * alone and moves that month's numbers by exactly its rows; a run with nothing new reads and uploads
 * nothing; a new title reads nothing; a fifth report reads each file once, then never again.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import type { ReportDefinition, SiteConfig, SiteConfigSpec } from "../../src/config/index.js";
import { deploySite } from "../../src/deploy/index.js";
import { BLANK_GROUP } from "../../src/group-values.js";
import { memoryLogger } from "../../src/log.js";
import { parseSiteSummary, renderIndexPage, type SiteSummary } from "../../src/render/index.js";
import { SUMMARY_JSON } from "../../src/site-names.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { referenceTally } from "../support/report-tally.js";
import {
  csvValues,
  demoReports,
  pandasReports,
  pandasValues,
  rawFilesOnDisk,
  rawRows,
} from "../support/reports-site.js";
import { countingClient, createBucket, putObjects, tempDir, testConfig, uniqueBucket } from "../support/s3.js";

const JANUARY = generateMonth(2019, 1, { rows: [5, 10], seed: 1, caseAge: true });
const FEBRUARY = generateMonth(2019, 2, { rows: [5, 10], seed: 2, caseAge: true });
/** January 15th comes late: it is not in the bucket when the two months are first published. */
const LATE = JANUARY[14]!;
const ON_TIME = [...JANUARY.filter((f) => f !== LATE), ...FEBRUARY];
const ALL_KEYS = [...JANUARY, ...FEBRUARY].map((f) => f.key).sort();
type ReportSpec = NonNullable<SiteConfigSpec["reports"]>[number];
const BY_STATUS: ReportSpec = { id: "requests-by-status", title: "Requests by status", groupBy: ["status"] };

/** Every file of the output folder (but the build's own records) by its path, with its text. */
function outputFiles(config: SiteConfig): Map<string, string> {
  const files = readdirSync(config.output, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const paths = files.map((e) => relative(config.output, join(e.parentPath, e.name)));
  return new Map(paths.filter((p) => !p.startsWith(".")).map((p) => [p, readFileSync(join(config.output, p), "utf8")]));
}

/** The paths whose text differs between two output folders' files (or that only one has). */
function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

/** A count report's rows in one raw file per group, keyed as csvValues keys the report's CSV. */
function fileCounts(report: ReportDefinition, body: string, missing: readonly string[]): Map<string, number> {
  const blank = (v: string | number | null) =>
    v === null || v === "" || missing.includes(String(v)) ? BLANK_GROUP : String(v);
  const counts = new Map<string, number>();
  for (const row of referenceTally(report, body, missing).rows) {
    // the tally splits by the chart field too; the CSV has the groupBy keys only
    const key = row.slice(0, report.groupBy.length).map(blank).join("\t");
    counts.set(key, (counts.get(key) ?? 0) + Number(row.at(-1)));
  }
  return counts;
}

/** `before` with `added` added per group. */
function plus(before: Map<string, number | null>, added: Map<string, number>): Map<string, number | null> {
  const sum = new Map(before);
  for (const [key, n] of added) sum.set(key, (sum.get(key) ?? 0) + n);
  return sum;
}

describe("monthly runs of a site with several reports: build and deploy, one after the other", () => {
  let client: ReturnType<typeof countingClient>;
  const baseDir = tempDir();
  const raw = uniqueBucket("seq-raw");
  const site = uniqueBucket("seq-site");
  const demo = demoReports();
  const configOf = (reports: readonly ReportSpec[]): SiteConfig =>
    testConfig(
      { raw: { bucket: raw }, site: { bucket: site, title: "City 311" }, report: demo.report, reports: [...reports] },
      baseDir,
    );
  let specs: ReportSpec[] = demo.reports!;
  let config: SiteConfig;
  const missing = () => config.report.missingValues;
  const counts = () => config.reports.filter((r) => r.measure.kind === "count");
  const median = () => config.reports.find((r) => r.measure.kind === "median")!;
  const run = async () => {
    client.gets.length = 0;
    const built = await buildSite(config, { logger: memoryLogger(), client });
    const gets = [...client.gets].sort();
    const summary = parseSiteSummary(readFileSync(join(config.output, SUMMARY_JSON), "utf8"));
    const renderIndex = (entries: Parameters<typeof renderIndexPage>[0]) =>
      renderIndexPage(entries, { title: config.site.title, summary });
    const deployed = await deploySite(config, {}, { logger: memoryLogger(), renderIndex });
    const uploaded = deployed.report!.uploaded.map((u) => u.key).sort();
    return { built, gets, summary, uploaded, files: outputFiles(config) };
  };
  let last: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    client = countingClient();
    config = configOf(specs);
    await createBucket(client, raw, Object.fromEntries(ON_TIME.map((f) => [f.key, f.body])));
  });

  test("1. two months published: each raw file read once for all four reports, every page uploaded", async () => {
    last = await run();
    expect(last.gets).toEqual(ON_TIME.map((f) => f.key).sort());
    expect(last.built.months.map((m) => [m.month, m.status, m.filesRead])).toEqual([
      ["2019-01", "rebuilt", 30],
      ["2019-02", "rebuilt", 28],
    ]);
    for (const dir of ["2019/jan", "2019/feb"])
      for (const r of config.reports)
        for (const file of Object.values(r.files)) expect(last.uploaded, `${dir}/${file}`).toContain(`${dir}/${file}`);
    const [pandas] = pandasReports([median()], rawFilesOnDisk(JANUARY.filter((f) => f !== LATE)), missing());
    expect(csvValues(last.files.get(`2019/jan/${median().files.csv}`)!)).toEqual(pandasValues(pandas!));
  });

  test("2. a late day of January: only it is read; January moves by exactly its rows, February's numbers stay", async () => {
    const before = last;
    await putObjects(client, raw, { [LATE.key]: LATE.body });
    last = await run();
    expect(last.gets).toEqual([LATE.key]);
    expect(last.built.months.map((m) => [m.month, m.status, m.filesRead])).toEqual([
      ["2019-01", "rebuilt", 1],
      ["2019-02", "reused", 0],
    ]);
    for (const r of counts()) {
      const csv = (files: Map<string, string>) => csvValues(files.get(`2019/jan/${r.files.csv}`)!);
      expect(csv(last.files), r.id).toEqual(plus(csv(before.files), fileCounts(r, LATE.body, missing())));
    }
    const [pandas] = pandasReports([median()], rawFilesOnDisk(JANUARY), missing());
    expect(csvValues(last.files.get(`2019/jan/${median().files.csv}`)!)).toEqual(pandasValues(pandas!));
    expectSummaryMoved(before.summary, last.summary, pandas!.overall.value);
    // of February's pages only the tables that show the change since January differ; its CSVs, charts and overview stay
    const february = changedPaths(before.files, last.files).filter((p) => p.startsWith("2019/feb/"));
    const additive = config.reports.filter((r) => r.measure.kind === "count" || r.measure.kind === "sum");
    expect(february).toEqual(additive.map((r) => `2019/feb/${r.files.table}`).sort());
    for (const path of february) expect(last.files.get(path), path).toContain("Change since January 2019");
    expect(last.uploaded.filter((k) => k.startsWith("2019/feb/"))).toEqual(february);
    expect(last.uploaded).toEqual(expect.arrayContaining(config.reports.map((r) => `2019/jan/${r.files.csv}`)));
  });

  /** summary.json: January's counts grew by the late day's rows, its median is pandas', February's entry is as it was. */
  function expectSummaryMoved(before: SiteSummary, after: SiteSummary, medianValue: string | null): void {
    const month = (s: SiteSummary, id: string) => s.months.find((m) => m.id === id)!;
    const values = (s: SiteSummary) => new Map(month(s, "2019-01").reports!.map((r) => [r.id, r.value]));
    for (const r of counts()) expect(values(after).get(r.id), r.id).toBe(values(before).get(r.id)! + rawRows([LATE]));
    expect(values(after).get(median().id)).toBe(Number(medianValue));
    expect(month(after, "2019-01").files).toBe(month(before, "2019-01").files + 1);
    expect(month(after, "2019-02")).toEqual(month(before, "2019-02"));
  }

  test("3. a run with nothing new reads nothing, writes nothing and uploads nothing", async () => {
    const before = last;
    last = await run();
    expect(last.gets).toEqual([]);
    expect(last.built.bytesRead).toBe(0);
    expect(last.built.written).toBe(false);
    expect(last.built.months.every((m) => m.status === "reused")).toBe(true);
    expect(changedPaths(before.files, last.files)).toEqual([]);
    expect(last.uploaded).toEqual([]);
  });

  test("4. another title for one report re-renders its pages without reading raw data; no CSV changes", async () => {
    const before = last;
    specs = specs.map((r, i) => (i === 1 ? { ...r, title: "Requests per council district" } : r));
    config = configOf(specs);
    last = await run();
    expect(last.gets).toEqual([]);
    expect(last.built.months.every((m) => m.status === "reused")).toBe(true);
    const renamed = config.reports[1]!;
    for (const dir of ["2019/jan", "2019/feb"]) {
      for (const page of [renamed.files.table, renamed.files.chart, "index.html"])
        expect(last.files.get(`${dir}/${page}`), `${dir}/${page}`).toContain("Requests per council district");
      expect(last.uploaded).toContain(`${dir}/${renamed.files.table}`);
    }
    expect(last.summary.reports![1]!.title).toBe("Requests per council district");
    expect(changedPaths(before.files, last.files).filter((p) => p.endsWith(".csv"))).toEqual([]);
    expect(last.uploaded.filter((k) => k.endsWith(".csv"))).toEqual([]);
  });

  test("5. a fifth report reads each raw file once and publishes its pages; the next run reads nothing", async () => {
    specs = [...specs, BY_STATUS];
    config = configOf(specs);
    last = await run();
    expect(last.gets).toEqual(ALL_KEYS);
    expect(last.built.months.map((m) => [m.month, m.status, m.reason])).toEqual([
      ["2019-01", "rebuilt", "31 files read for a new report"],
      ["2019-02", "rebuilt", "28 files read for a new report"],
    ]);
    const added = config.reports.at(-1)!;
    for (const [dir, files] of [
      ["2019/jan", JANUARY],
      ["2019/feb", FEBRUARY],
    ] as const) {
      for (const file of Object.values(added.files)) expect(last.uploaded).toContain(`${dir}/${file}`);
      const values = csvValues(last.files.get(`${dir}/${added.files.csv}`)!);
      expect([...values.keys()].sort()).toEqual(["Closed", "In progress", "Open"]);
      expect([...values.values()].reduce((n, v) => n! + v!, 0)).toBe(rawRows(files));
      expect(last.files.get(`${dir}/index.html`)).toContain(`href="${added.files.table}"`);
    }
    last = await run();
    expect(last.gets).toEqual([]);
    expect(last.uploaded).toEqual([]);
  });
});
