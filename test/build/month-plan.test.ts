/** planMonth: a raw file is reused only when its key, size and ETag are those the cache read. */
import { describe, expect, test } from "vitest";
import { planMonth } from "../../src/build/month-plan.js";
import type { CachedFile } from "../../src/state/index.js";
import type { ReportDefinition } from "../../src/config/index.js";
import { tallySignature, tallySpecOf } from "../../src/source/index.js";

const cached = (key: string, size: number, etag?: string): CachedFile => ({ key, size, etag, rows: 1, tallies: {} });

describe("planMonth", () => {
  const listed = [
    { key: "a", size: 1, etag: '"1"' },
    { key: "b", size: 2, etag: '"2"' },
    { key: "c", size: 3 },
  ];

  test("same key, size and ETag are reused; other bytes, no ETag and new keys are read; the reason counts them", () => {
    const plan = planMonth(
      listed,
      [cached("a", 1, '"1"'), cached("b", 2, '"x"'), cached("c", 3), cached("d", 4, '"4"')],
      {},
    );
    expect(plan.reuse.map((r) => r.object.key)).toEqual(["a"]);
    expect(plan.read.map((o) => o.key)).toEqual(["b", "c"]);
    expect(plan.reason).toBe("2 files changed, 1 file removed");
  });

  test("nothing changed: no reason; nothing cached or --force: everything is read", () => {
    expect(planMonth(listed.slice(0, 1), [cached("a", 1, '"1"')], {}).reason).toBeUndefined();
    expect(planMonth(listed, undefined, {})).toEqual({ reuse: [], read: listed, reason: "not in the cache" });
    expect(planMonth(listed, [cached("a", 1, '"1"')], { force: true }).reason).toBe("--force");
    expect(planMonth(listed, [], {}).reason).toBe("3 files added");
  });
});

describe("planMonth with several reports: a cached file keeps one tally per report's spec", () => {
  const report = (over: Partial<ReportDefinition>): ReportDefinition => ({
    id: "requests-by-service",
    title: "Requests by service",
    groupBy: [{ column: "service_name" }],
    chartField: "case_record_type",
    measure: { kind: "count" },
    filter: [],
    chart: "bar",
    files: { csv: "a.csv", table: "a.html", chart: "a_chart.html" },
    maxGroups: 1000,
    ...over,
  });
  const signatures = (reports: ReportDefinition[]) => reports.map((r) => tallySignature(tallySpecOf(r)));
  const byService = report({});
  const closedDays = report({
    id: "days-to-close",
    chartField: undefined,
    measure: { kind: "median", column: "case_age_days" },
    filter: [{ column: "status", values: ["Closed"], keep: "listed" }],
  });
  const listed = [
    { key: "a", size: 1, etag: '"1"' },
    { key: "b", size: 2, etag: '"2"' },
  ];
  const read = (sigs: string[]): CachedFile[] =>
    listed.map((o) => ({ ...o, rows: 1, tallies: Object.fromEntries(sigs.map((s) => [s, [["A", "R", 1]]])) }));

  test("another title, description, unit, chart or file names: the same spec, so nothing is read", () => {
    const retitled = report({
      title: "Service requests",
      description: "Every request, by service.",
      unit: "requests",
      files: { csv: "b.csv", table: "b.html", chart: "b_chart.html" },
    });
    expect(signatures([retitled])).toEqual(signatures([byService]));
    const plan = planMonth(listed, read(signatures([byService])), { signatures: signatures([retitled]) });
    expect(plan.read).toEqual([]);
    expect(plan.reason).toBeUndefined();
  });

  test("a new report reads every file once, saying why; once read with it, nothing is read", () => {
    const before = read(signatures([byService]));
    const now = signatures([byService, closedDays]);
    const plan = planMonth(listed, before, { signatures: now });
    expect(plan.read.map((o) => o.key)).toEqual(["a", "b"]);
    expect(plan.reason).toBe("2 files read for a new report");
    expect(planMonth(listed, read(now), { signatures: now })).toEqual({
      reuse: read(now).map((cached, i) => ({ object: listed[i], cached })),
      read: [],
    });
  });

  test("another filter, measure or key is another spec; a removed report reads nothing", () => {
    const other = [
      report({ filter: [{ column: "status", values: ["Open"], keep: "listed" }] }),
      report({ measure: { kind: "distinct", column: "case_age_days" } }),
      report({ groupBy: [{ column: "requested_datetime", part: "hour" }] }),
      report({ chartField: undefined }),
    ];
    const all = new Set(signatures([byService, ...other]));
    expect(all.size).toBe(5);
    const both = read(signatures([byService, closedDays]));
    expect(planMonth(listed, both, { signatures: signatures([closedDays]) }).read).toEqual([]);
  });
});
