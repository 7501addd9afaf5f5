import { describe, expect, test } from "vitest";
import {
  changedKeys,
  collapsePaths,
  encodePathSegment,
  MAX_INVALIDATION_PATHS,
  pathsOfKey,
  pathsOfKeys,
  plannedKeys,
  siteRootPath,
} from "../../src/deploy/invalidation.js";
import type { SyncPlan, Upload } from "../../src/deploy/plan.js";

describe("the paths that serve a key", () => {
  test("a file is served at its own path; an index document at its folder's path too", () => {
    expect(pathsOfKey("/", "2019/jan/final_report.csv")).toEqual(["/2019/jan/final_report.csv"]);
    expect(pathsOfKey("/", "2019/jan/index.html")).toEqual(["/2019/jan/", "/2019/jan/index.html"]);
    expect(pathsOfKey("/", "index.html")).toEqual(["/", "/index.html"]);
    expect(pathsOfKey("/reports/", "index.html")).toEqual(["/reports/", "/reports/index.html"]);
    // only the exact name: a file that merely ends in index.html is a file
    expect(pathsOfKey("/", "2019/myindex.html")).toEqual(["/2019/myindex.html"]);
  });

  test("non-ASCII and RFC 1738's unsafe characters are percent-encoded, safe ones are not", () => {
    expect(encodePathSegment("Straßen & Wege (2019).html")).toBe("Stra%C3%9Fen%20&%20Wege%20(2019).html");
    expect(encodePathSegment('a"<>#%{}|\\^~[]`b')).toBe("a%22%3C%3E%23%25%7B%7D%7C%5C%5E%7E%5B%5D%60b");
    // `?` would start a query string and `*` a wildcard
    expect(encodePathSegment("what?*.csv")).toBe("what%3F%2A.csv");
    expect(encodePathSegment("a+b$c,d;e:f@g=h!'.csv")).toBe("a+b$c,d;e:f@g=h!'.csv");
    expect(pathsOfKey("/", "über uns/index.html")).toEqual(["/%C3%BCber%20uns/", "/%C3%BCber%20uns/index.html"]);
  });

  test("the site root is site.url's path, else the prefix", () => {
    expect(siteRootPath({ url: "https://reports.city.gov/", prefix: "site/" })).toBe("/");
    expect(siteRootPath({ url: "https://city.gov/311/reports/", prefix: "" })).toBe("/311/reports/");
    expect(siteRootPath({ url: "https://city.gov/my%20reports/", prefix: "" })).toBe("/my%20reports/");
    expect(siteRootPath({ prefix: "" })).toBe("/");
    expect(siteRootPath({ prefix: "public site/" })).toBe("/public%20site/");
  });

  test("keys from several changes: sorted, each path once", () => {
    expect(pathsOfKeys("/", ["index.html", "2019/jan/index.html", "index.html", "2019/jan/a.csv"])).toEqual([
      "/",
      "/2019/jan/",
      "/2019/jan/a.csv",
      "/2019/jan/index.html",
      "/index.html",
    ]);
  });
});

describe("the keys a deploy changes", () => {
  const upload = (key: string) => ({ key }) as Upload;
  const plan = (uploads: string[], deletes: string[] = []): SyncPlan => ({
    groups: uploads.length ? [uploads.map(upload)] : [],
    deletes,
    unchanged: [],
    leftInPlace: [],
  });

  test("a report's uploads, index.html and deletes", () => {
    expect(
      changedKeys({
        uploaded: [
          { key: "2019/feb/a.csv", reason: "new" },
          { key: "index.html", reason: "index" },
        ],
        deleted: ["2018/dec/a.csv"],
      }),
    ).toEqual(["2019/feb/a.csv", "index.html", "2018/dec/a.csv"]);
    expect(changedKeys({ uploaded: [], deleted: [] })).toEqual([]);
  });

  test("a plan's uploads and deletes with index.html, which is rendered again; a no-op plan none", () => {
    expect(plannedKeys(plan(["2019/feb/a.csv"], ["2018/dec/a.csv"]))).toEqual([
      "2019/feb/a.csv",
      "2018/dec/a.csv",
      "index.html",
    ]);
    expect(plannedKeys(plan([], ["old.csv"]))).toEqual(["old.csv", "index.html"]);
    expect(plannedKeys(plan([]))).toEqual([]);
  });
});

describe("collapsing to wildcards", () => {
  const files = (folder: string, n: number) => Array.from({ length: n }, (_, i) => `${folder}f${i}.html`);

  test("within the limits the paths are sent as they are", () => {
    const paths = ["/", "/index.html", ...files("/2019/jan/", 5)];
    expect(collapsePaths(paths, { maxPaths: 7, maxWildcards: 15 })).toEqual([...paths].sort());
    expect(collapsePaths([])).toEqual([]);
  });

  test("past the limit the deepest full folder becomes one wildcard, which also covers its folder path", () => {
    const paths = ["/", "/index.html", "/2019/jan/", ...files("/2019/jan/", 4), ...files("/2019/jan/deep/", 3)];
    // 10 paths, limit 8: /2019/jan/deep/ (3 paths, the deepest) goes first -> 8
    expect(collapsePaths(paths, { maxPaths: 8, maxWildcards: 15 })).toEqual(
      ["/", "/index.html", "/2019/jan/", ...files("/2019/jan/", 4), "/2019/jan/deep/*"].sort(),
    );
    // limit 3: the month's folder, with the deep wildcard and the folder path in it
    expect(collapsePaths(paths, { maxPaths: 3, maxWildcards: 15 })).toEqual(["/", "/2019/jan/*", "/index.html"]);
  });

  test("the default limit, with two months of many pages", () => {
    const paths = ["/", "/index.html", ...files("/2019/jan/", 60), ...files("/2019/feb/", 50)];
    const sent = collapsePaths(paths);
    expect(sent.length).toBeLessThanOrEqual(MAX_INVALIDATION_PATHS);
    // the fuller of the two equally deep folders goes first, and is enough
    expect(sent).toContain("/2019/jan/*");
    expect(sent).toContain("/2019/feb/f0.html");
    expect(sent).toHaveLength(2 + 1 + 50);
  });

  test("never more wildcards than CloudFront lets run at once: they merge into their parent folder", () => {
    const months = Array.from({ length: 20 }, (_, i) => files(`/20${10 + i}/jan/`, 3)).flat();
    const sent = collapsePaths(["/index.html", ...months], { maxPaths: 30, maxWildcards: 15 });
    expect(sent.filter((p) => p.endsWith("*")).length).toBeLessThanOrEqual(15);
    expect(sent.length).toBeLessThanOrEqual(30);
    // every path sent before is covered by one sent now
    for (const path of months)
      expect(sent.some((s) => s === path || (s.endsWith("*") && path.startsWith(s.slice(0, -1))))).toBe(true);
  });

  test("as a last resort the whole distribution, /*", () => {
    expect(collapsePaths(["/a.html", "/b.html", "/c.html"], { maxPaths: 2, maxWildcards: 15 })).toEqual(["/*"]);
  });
});
