// Rendered pages as snapshot directories (Observable Framework's build-test): each folder in
// test/snapshots/input/ holds one month of raw CSVs; its pages must equal test/snapshots/output/<case>/.
// Missing expected output is written (never on CI); a mismatch is written to <case>-changed/ to diff.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { reportFromCounts } from "../../src/aggregate/index.js";
import { PANDAS_MISSING_VALUES } from "../../src/config/index.js";
import { format } from "prettier";
import { renderIndexPage } from "../../src/render/index.js";
import { scanCsv } from "../../src/source/index.js";
import { PAGE_CONFIG, renderSiteFiles } from "./support.js";
import { counting } from "../support/tally.js";

const SNAPSHOTS = fileURLToPath(new URL("../snapshots/", import.meta.url));
const CASES = readdirSync(join(SNAPSHOTS, "input"));
const FIXED_DATE = new Date("2019-02-01T06:00:00Z");

async function renderCase(name: string): Promise<Record<string, string>> {
  const dir = join(SNAPSHOTS, "input", name);
  const countColumns = ["service_name", "case_record_type"];
  const names = readdirSync(dir).sort();
  const counts = names.map(
    (file) =>
      scanCsv(readFileSync(join(dir, file)), file, { requiredColumns: countColumns, ...counting(countColumns) })
        .tallies[0]!,
  );
  const report = reportFromCounts(counts, countColumns, { ...PAGE_CONFIG, missingValues: PANDAS_MISSING_VALUES });
  const month = {
    id: "2019-01",
    title: "January 2019",
    dir: "2019/jan",
    report,
    files: names.length,
    missingDays: Array.from({ length: 26 }, (_, i) => i + 6),
    emptyDays: [],
    skippedFiles: 0,
    dataAsOf: "2019-02-01T05:00:00.000Z",
  };
  const site = await renderSiteFiles([month], { ...PAGE_CONFIG, siteTitle: "311 <reports>" });
  const index = renderIndexPage(
    site.files.map((p) => ({ key: p.path, size: Buffer.byteLength(String(p.body)), lastModified: FIXED_DATE })),
    { title: "311 <reports>", summary: site.summary },
  );
  // the preview image is bytes, not a page to review: test/render/links.test.ts decodes it
  const files = [...site.files.filter((p) => !p.path.endsWith(".png")), { path: "index.html", body: index }];
  // stored formatted (prettier), so a change shows as a readable diff instead of one 20 kB line
  return Object.fromEntries(
    await Promise.all(files.map(async (p) => [p.path.replaceAll("/", "__"), await reviewable(p.path, String(p.body))])),
  );
}

async function reviewable(path: string, body: string): Promise<string> {
  if (path.endsWith(".html")) return format(body, { parser: "html", printWidth: 120 });
  return body;
}

describe("rendered pages match their snapshots", () => {
  test.each(CASES)("%s", async (name) => {
    const actual = await renderCase(name);
    const expectedDir = join(SNAPSHOTS, "output", name);
    const changedDir = join(SNAPSHOTS, "output", `${name}-changed`);
    rmSync(changedDir, { recursive: true, force: true });
    if (!existsSync(expectedDir)) {
      if (process.env.CI)
        throw new Error(
          `missing snapshot ${expectedDir}: run the tests locally to create it, review it, and commit it`,
        );
      mkdirSync(expectedDir, { recursive: true });
      for (const [file, body] of Object.entries(actual)) writeFileSync(join(expectedDir, file), body);
    }
    const expected = Object.fromEntries(
      readdirSync(expectedDir).map((file) => [file, readFileSync(join(expectedDir, file), "utf8")]),
    );
    const changed = Object.keys({ ...expected, ...actual }).filter((file) => expected[file] !== actual[file]);
    if (changed.length) {
      mkdirSync(changedDir, { recursive: true });
      for (const file of changed) if (actual[file] !== undefined) writeFileSync(join(changedDir, file), actual[file]);
    }
    expect(changed, `pages differ from ${expectedDir}; see ${changedDir}`).toEqual([]);
  });
});
