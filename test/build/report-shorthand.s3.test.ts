// A site configured with the `report` shorthand alone is the site reportsite built before `reports`
// existed, byte for byte: every page, CSV and summary the build writes is compared with the output
// of the last version without `reports` (test/fixtures/report-shorthand-site/, written by commit
// 7c2480a running this same test from the same generated months). Only the newest raw object's upload time differs from run
// to run ("data as of"), and so do the local server's port and the test's bucket name in the error
// page's absolute links: they are replaced by fixed ones on both sides. Changed on purpose since, each
// time rewritten from this test's own build (REPORTSITE_WRITE_FIXTURE=1, run facts fixed as above,
// the PNGs as built): the home page at a glance, the year pages and the breadcrumb's link to them;
// "what changed" on each month's table page and in summary.json; every page's canonical link, feed
// link and Open Graph tags, and the site's feed.xml, sitemap.xml, robots.txt and a preview.png per month.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import { memoryLogger } from "../../src/log.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { createBucket, testClient, testConfig, uniqueBucket } from "../support/s3.js";

const EXPECTED = fileURLToPath(new URL("../fixtures/report-shorthand-site/", import.meta.url));

/** The built site's pages, CSVs and summaries (not its build records or copied assets), the facts of the run fixed. */
function siteFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = relative(root, path);
      if (statSync(path).isDirectory()) {
        if (key !== "assets") walk(path);
      } else if (!name.startsWith(".")) files[key] = withRunFacts(readFileSync(path, "utf8"));
    }
  };
  walk(root);
  return files;
}

/** "Data as of" (the newest raw object's LastModified: when this run uploaded it), the server's port and the bucket name. */
function withRunFacts(text: string): string {
  return text
    .replace(/http:\/\/127\.0\.0\.1:\d+\/pin-site-[0-9a-f]+\//g, "http://127.0.0.1:7482/pin-site/")
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "2019-06-01T00:00:00.000Z")
    .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, "2019-06-01 00:00 UTC");
}

/** The fixture written again from this build (run facts fixed; images as built), when a change of every site is meant. */
function writeFixture(root: string, files: Record<string, string>): void {
  rmSync(EXPECTED, { recursive: true, force: true });
  for (const [key, text] of Object.entries(files)) {
    mkdirSync(dirname(join(EXPECTED, key)), { recursive: true });
    writeFileSync(join(EXPECTED, key), key.endsWith(".png") ? readFileSync(join(root, key)) : text);
  }
}

test("a config with only `report` builds the same files, byte for byte, as before `reports` existed", async () => {
  const config = testConfig({
    raw: { bucket: uniqueBucket("pin-raw") },
    site: { bucket: uniqueBucket("pin-site"), title: "City 311" },
    report: { groupBy: ["service_name"], chartField: "case_record_type" },
  });
  const objects: Record<string, string> = {};
  for (const month of [1, 2, 3])
    for (const file of generateMonth(2019, month, { rows: [5, 12], seed: month })) objects[file.key] = file.body;
  await createBucket(testClient(), config.raw.bucket, objects);
  await buildSite(config, { logger: memoryLogger() });
  const built = siteFiles(config.output);
  if (process.env.REPORTSITE_WRITE_FIXTURE === "1") writeFixture(config.output, built);
  const expected = siteFiles(EXPECTED);
  expect(Object.keys(built)).toEqual(Object.keys(expected));
  expect(Object.keys(built).length).toBeGreaterThan(12);
  for (const path of Object.keys(expected)) expect(built[path], path).toBe(expected[path]);
});
