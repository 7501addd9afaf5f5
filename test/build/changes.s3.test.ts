// The demo's data through a real build: its last month's planted spike and new service are in
// summary.json's changes and on the month's overview page, and a second build renders nothing again.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import { memoryLogger } from "../../src/log.js";
import type { SiteSummary } from "../../src/render/index.js";
import { demoFiles } from "../../scripts/sample/demo-months.js";
import { demoReports } from "../support/reports-site.js";
import { createBucket, testClient, testConfig, uniqueBucket } from "../support/s3.js";

// the demo's reports but its map report, which reads the demo's shapes file (map-site.browser.s3.test.ts builds it)
const DEMO_CONFIG = demoReports();

test("the demo's last month tells the Graffiti Removal spike and the new Bulky Item Pickup, and earlier months stay quiet", async () => {
  const config = testConfig({
    raw: { bucket: uniqueBucket("changes-raw") },
    site: { bucket: uniqueBucket("changes-site"), title: "Demo" },
    report: DEMO_CONFIG.report,
    reports: DEMO_CONFIG.reports,
  });
  await createBucket(testClient(), config.raw.bucket, Object.fromEntries(demoFiles().map((f) => [f.key, f.body])));
  await buildSite(config, { logger: memoryLogger() });
  const summary = JSON.parse(readFileSync(join(config.output, "summary.json"), "utf8")) as SiteSummary;
  expect(summary.months).toHaveLength(26);
  const last = summary.months.at(-1)!;
  const byService = last.changes!.find((c) => c.report === "requests-by-service")!;
  expect(byService.rises.map((r) => r.group)).toEqual([["Graffiti Removal"]]);
  expect(byService.rises[0]!.text).toMatch(/^Graffiti Removal: \d{3} requests, about 2\.\d× its usual 1\d\d$/);
  expect(byService.new.map((n) => n.group)).toEqual([["Bulky Item Pickup"]]);
  // the planted rows add to every district a little; no district is told
  expect(last.changes!.find((c) => c.report === "requests-by-district")).toMatchObject({ rises: [], falls: [] });
  // a median is not additive: no list for days-to-close
  expect(last.changes!.map((c) => c.report)).not.toContain("days-to-close");
  const told = summary.months
    .slice(0, -1)
    .flatMap((m) => m.changes!.flatMap((c) => [...c.rises, ...c.falls, ...c.new]));
  expect(told.map((t) => t.text)).toEqual([]);
  const overview = readFileSync(join(config.output, "2020/jan/index.html"), "utf8");
  expect(overview).toContain(byService.rises[0]!.text);
  expect(overview).toContain("Bulky Item Pickup");
}, 300_000);
