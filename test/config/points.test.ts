// `points` on a report (or on the `report` shorthand): its defaults, and every mistake one problem
// naming the report and the key, before any raw data is read.
import { describe, expect, test } from "vitest";
import { configFromSpec } from "../../src/config/index.js";
import type { ConfigError } from "../../src/errors.js";
import { expectReportsiteError } from "../support/errors.js";

const minimal = { raw: { bucket: "gid-raw" }, site: { bucket: "gid-reports" } };
const byService = { id: "by-service", title: "By service", groupBy: ["service_name"] };

async function problemsOf(spec: object): Promise<string[]> {
  const error = await expectReportsiteError(() => configFromSpec(spec), { name: "ConfigError", exitCode: 1 });
  return (error as ConfigError).problems;
}

describe("points", () => {
  test("defaults: squares of 500 m, at least 5 requests in a published one; only the reports that ask have points", () => {
    const config = configFromSpec({
      ...minimal,
      reports: [
        { ...byService, points: { lat: "latitude", lng: "longitude" } },
        { ...byService, id: "other" },
      ],
    });
    expect(config.reports[0]!.points).toEqual({ lat: "latitude", lng: "longitude", cellSize: 500, minCount: 5 });
    expect(config.reports[1]).not.toHaveProperty("points");
  });

  test("the shorthand's one report takes report.points; without it, it has none", () => {
    const points = { lat: "lat", lng: "lng", cellSize: 250, minCount: 3 };
    expect(configFromSpec({ ...minimal, report: { points } }).reports[0]!.points).toEqual(points);
    expect(configFromSpec(minimal).reports[0]).not.toHaveProperty("points");
  });

  test.each([
    [{ lat: "lat", lng: "lng", minCount: 1 }, "minCount", "must be at least 2"],
    [{ lat: "lat", lng: "lng", minCount: 2.5 }, "minCount", ""],
    [{ lat: "lat", lng: "lng", cellSize: 10 }, "cellSize", "must be at least 100"],
    [{ lat: "lat" }, "lng", ""],
    [{ lat: "lat", lng: "lng", radius: 3 }, "", "radius"],
  ])("%j is refused, naming the key", async (points, key, words) => {
    const problems = await problemsOf({ ...minimal, reports: [{ ...byService, points }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`reports[0]`);
    expect(problems[0]).toContain(`points${key ? `.${key}` : ""}`);
    expect(problems[0]).toContain(words);
  });

  test("report.points beside reports is refused: each report has its own", async () => {
    const problems = await problemsOf({
      ...minimal,
      report: { points: { lat: "lat", lng: "lng" } },
      reports: [byService],
    });
    expect(problems).toEqual([
      'report.points: with "reports", each report has its own points; move it into the reports whose requests it maps',
    ]);
  });

  test("a points page named like another report's file is refused", async () => {
    const problems = await problemsOf({
      ...minimal,
      reports: [
        { ...byService, points: { lat: "lat", lng: "lng" } },
        { ...byService, id: "other", files: { table: "by-service_points.html" } },
      ],
    });
    expect(problems).toEqual([
      'reports[1] ("other").files.table: "by-service_points.html" is also reports[0] ("by-service").points (its page); give each file its own name in files',
    ]);
  });
});
