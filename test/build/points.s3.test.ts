/**
 * Where requests come from, built for real: raw files with lat/lng in the local S3 server, a build,
 * and the output folder. The points page's numbers equal pandas' (rows with a usable location, rows
 * without, and the cells binned by numpy from the grid's definition), no cell under minCount is
 * published, no raw coordinate's text is in any byte of the site, and a build with nothing new
 * renders nothing.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import type { SiteConfig, SiteConfigSpec } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { rawFilesOnDisk } from "../support/reports-site.js";
import { countingClient, createBucket, tempDir, testConfig, uniqueBucket } from "../support/s3.js";

/** Rows whose location cannot be used: blank, a missing marker, not a number, 0,0, out of range. */
const BAD_LOCATIONS = [
  ["", ""],
  ["NA", "-117.1"],
  ["abc", "-117.1"],
  ["0", "0"],
  ["95.5", "-117.1"],
];

/** January 2019, with the bad rows added to the 4th (as `closed` rows of a service). */
function january(): { key: string; body: string }[] {
  const files = generateMonth(2019, 1, { rows: [40, 60], seed: 5 });
  const fourth = files[3]!;
  const header = fourth.body.split("\n")[0]!.split(",");
  const rows = BAD_LOCATIONS.map(([lat, lng], i) =>
    header
      .map((c) =>
        c === "lat"
          ? lat
          : c === "lng"
            ? lng
            : c === "status"
              ? "closed"
              : c === "service_name"
                ? "Graffiti Removal"
                : `x${i}`,
      )
      .join(","),
  );
  return files.map((f) => (f === fourth ? { ...f, body: `${f.body}${rows.join("\n")}\n` } : f));
}

const PANDAS = `
import json, sys
import numpy as np
import pandas as pd
size, min_count, status = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
frame = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in sys.argv[4:]])
na = {"", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "-NaN", "-nan", "#N/A", "<NA>", "n/a", "#NA", "-1.#IND", "1.#QNAN", "-1.#QNAN", "#N/A N/A", "1.#IND"}
if status:
    frame = frame[frame.status == status]
lat = pd.to_numeric(frame.lat.where(~frame.lat.isin(na)), errors="coerce")
lng = pd.to_numeric(frame.lng.where(~frame.lng.isin(na)), errors="coerce")
usable = lat.notna() & lng.notna() & lat.between(-90, 90) & lng.between(-180, 180) & ~((lat == 0) & (lng == 0))
lat, lng = lat[usable], lng[usable]
# the grid: bands of latitude size metres tall from the equator (a degree is 111,195 m), columns size metres wide at the band's middle
band = np.floor(lat / (size / 111195)).astype(int)
middle = np.radians((band + 0.5) * (size / 111195))
col = np.floor(lng / (size / (111195 * np.cos(middle)))).astype(int)
cells = pd.DataFrame({"band": band, "col": col}).groupby(["band", "col"]).size()
shown = cells[cells >= min_count]
print(json.dumps({"located": int(usable.sum()), "unlocated": int((~usable).sum()), "shown": sorted(int(n) for n in shown), "hidden": int(cells[cells < min_count].sum())}))
`;

interface PandasPoints {
  located: number;
  unlocated: number;
  shown: number[];
  hidden: number;
}

function pandasPoints(paths: string[], size: number, minCount: number, status = ""): PandasPoints {
  const out = execFileSync("/usr/bin/python3", ["-c", PANDAS, String(size), String(minCount), status, ...paths], {
    encoding: "utf8",
  });
  return JSON.parse(out) as PandasPoints;
}

/** What the points page says: the counts in its table, and its sentences' numbers. */
function pageNumbers(html: string) {
  const cells = [...html.matchAll(/<td class="num" data-value="(\d+)">/g)].map((m) => Number(m[1]));
  const number = (pattern: RegExp) => Number(html.match(pattern)?.[1]?.replaceAll(",", "") ?? Number.NaN);
  return {
    cells: cells.sort((a, b) => a - b),
    shown: number(/id="points-drawn">([\d,]+) requests? in/),
    hidden: number(/([\d,]+) requests? in squares with fewer than/),
    unlocated: number(/([\d,]+) requests? without a usable location/),
  };
}

/** Every file of the output folder (its build records too), as bytes. */
function outputBytes(dir: string): Map<string, Buffer> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    entries.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]),
  );
}

/** Each coordinate cell of the raw files, as written and as a number prints (32.715700 -> 32.7157). */
function rawCoordinateTexts(files: readonly { body: string }[]): string[] {
  const texts = new Set<string>();
  for (const { body } of files)
    for (const m of body.matchAll(/,(-?\d+\.\d{3,}),(-?\d+\.\d{3,}),/g))
      for (const text of [m[1]!, m[2]!]) texts.add(text).add(String(Number(text)));
  return [...texts];
}

function leaks(files: Map<string, Buffer>, texts: readonly string[]): string[] {
  return [...files].flatMap(([path, bytes]) => texts.filter((t) => bytes.includes(t)).map((t) => `${path}: ${t}`));
}

type ReportSpec = NonNullable<SiteConfigSpec["reports"]>[number];
const POINTS = { lat: "lat", lng: "lng", cellSize: 1000, minCount: 5 };
const REPORTS: ReportSpec[] = [
  {
    id: "by-service",
    title: 'Requests <script>alert("x")</script> by service',
    groupBy: ["service_name"],
    points: POINTS,
  },
  {
    id: "closed",
    title: "Closed requests",
    groupBy: ["service_name"],
    filter: { status: "closed" },
    points: { lat: "lat", lng: "lng", cellSize: 500, minCount: 3 },
  },
  { id: "by-status", title: "By status", groupBy: ["status"] },
];

describe("a site whose reports have points, built from S3", () => {
  const client = countingClient();
  const raw = uniqueBucket("points-raw");
  const FILES = january();
  let config: SiteConfig;
  let first: Awaited<ReturnType<typeof buildSite>>;
  const baseDir = tempDir();
  const site = uniqueBucket("points-site");
  const configOf = (reports: ReportSpec[]) =>
    testConfig({ raw: { bucket: raw }, site: { bucket: site }, reports }, baseDir);

  beforeAll(async () => {
    await createBucket(client, raw, Object.fromEntries(FILES.map((f) => [f.key, f.body])));
    config = configOf(REPORTS);
    first = await buildSite(config, { logger: memoryLogger(), client });
  });

  test("each report with points has its page, linked from its pages and the month overview; the others have none", () => {
    const files = outputBytes(config.output);
    expect([...files.keys()].filter((p) => p.endsWith("_points.html")).sort()).toEqual([
      "2019/jan/by-service_points.html",
      "2019/jan/closed_points.html",
    ]);
    const overview = files.get("2019/jan/index.html")!.toString();
    expect(overview).toContain('href="by-service_points.html"');
    expect(overview).toContain('href="closed_points.html"');
    expect(files.get("2019/jan/by-service.html")!.toString()).toContain('<a href="by-service_points.html">Map</a>');
    expect(files.get("2019/jan/by-status.html")!.toString()).not.toContain("_points.html");
    // search engines find them too
    const sitemap = files.get("sitemap.xml")!.toString();
    expect(sitemap).toMatch(/<loc>[^<]*\/2019\/jan\/by-service_points\.html<\/loc>/);
    expect(sitemap).toMatch(/<loc>[^<]*\/2019\/jan\/closed_points\.html<\/loc>/);
    expect(sitemap).not.toContain("by-status_points");
    // the hostile title is text on the page and in the map's description
    const page = files.get("2019/jan/by-service_points.html")!.toString();
    expect(page).not.toContain("<script>alert");
    expect(page).toContain("&lt;script&gt;alert");
  });

  test.each([
    ["by-service", 1000, 5, ""],
    ["closed", 500, 3, "closed"],
  ] as const)(
    "%s: the page's numbers equal pandas' (cells binned by numpy from the grid's definition)",
    (id, size, min, status) => {
      const expected = pandasPoints(rawFilesOnDisk(FILES), size, min, status);
      const page = pageNumbers(readFileSync(join(config.output, `2019/jan/${id}_points.html`), "utf8"));
      expect(expected.shown.length).toBeGreaterThan(3);
      expect(expected.hidden).toBeGreaterThan(0);
      expect(page.cells).toEqual(expected.shown);
      expect(page.cells.every((n) => n >= min)).toBe(true);
      expect(page.shown).toBe(expected.located - expected.hidden);
      expect(page.hidden).toBe(expected.hidden);
      expect(page.unlocated).toBe(expected.unlocated);
      expect(page.unlocated).toBe(BAD_LOCATIONS.length);
    },
  );

  test("no raw coordinate's text is in any byte of the site", () => {
    const texts = rawCoordinateTexts(FILES);
    expect(texts.length).toBeGreaterThan(2000);
    // the search finds them where they are
    expect(leaks(new Map([["raw", Buffer.from(FILES[0]!.body)]]), texts).length).toBeGreaterThan(40);
    expect(leaks(outputBytes(config.output), texts)).toEqual([]);
  });

  test("a build with nothing new reads nothing and writes nothing", async () => {
    expect(first.written).toBe(true);
    client.gets.length = 0;
    const again = await buildSite(config, { logger: memoryLogger(), client });
    expect(client.gets).toEqual([]);
    expect(again.written).toBe(false);
  });

  test("a new minCount renders the points page again without reading a raw file; a new cell size reads each file once", async () => {
    const page = () => readFileSync(join(config.output, "2019/jan/by-service_points.html"), "utf8");
    const before = page();
    const withPoints = (points: typeof POINTS) => REPORTS.map((r) => (r.id === "by-service" ? { ...r, points } : r));
    config = configOf(withPoints({ ...POINTS, minCount: 9 }));
    client.gets.length = 0;
    await buildSite(config, { logger: memoryLogger(), client });
    expect(client.gets).toEqual([]);
    expect(page()).not.toBe(before);
    expect(pageNumbers(page()).cells.every((n) => n >= 9)).toBe(true);
    config = configOf(withPoints({ ...POINTS, cellSize: 2000 }));
    await buildSite(config, { logger: memoryLogger(), client });
    expect(client.gets.sort()).toEqual(FILES.map((f) => f.key).sort());
    const expected = pandasPoints(rawFilesOnDisk(FILES), 2000, 5);
    expect(pageNumbers(page()).cells).toEqual(expected.shown);
  });

  test("a coordinate column no raw file has stops the build, naming it and the report", async () => {
    const reports = [{ ...REPORTS[0]!, points: { ...POINTS, lat: "latitude" } }];
    await expect(buildSite(configOf(reports), { logger: memoryLogger(), client })).rejects.toThrow(
      /no raw file has the column "latitude" \(the report "by-service"'s points\)/,
    );
  });
});
