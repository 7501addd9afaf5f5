/**
 * `deploy --dry-run` changes nothing, the state on disk included: after a real build, a dry run
 * (of a first deploy, and of one with something to do) leaves every file of the cache folder as it was.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { testClient } from "../support/s3.js";
import { builtSite } from "./support-build.js";
import { deploy, rewriteHeaders } from "./support.js";

/** Every file below `dir` (recursively) with its bytes, by path relative to `dir`. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => join(e.parentPath, e.name)).map((path) => [relative(dir, path), readFileSync(path, "base64")]),
  );
}

describe("deploy --dry-run writes no state", () => {
  test("the cache folder's files are byte for byte the same after a dry run, first deploy or not", async () => {
    const config = await builtSite("dry");
    const built = snapshot(config.cache);
    expect(Object.keys(built)).toContain("output.json");
    // the first deploy: the bucket does not exist yet
    const first = await deploy(config, { dryRun: true });
    expect(first.plan.groups.flat().length).toBeGreaterThan(0);
    expect(snapshot(config.cache)).toEqual(built);

    await deploy(config);
    // something to do: a page edited by hand, an object rewritten with other headers, no published memory
    const page = join(config.output, "2019/jan/final_report.csv");
    writeFileSync(page, readFileSync(page, "utf8") + "Noise,1\n");
    const key = "2019/feb/final_report.csv";
    await rewriteHeaders(testClient(), config.site.bucket, key);
    for (const name of readdirSync(config.cache).filter((f) => f.startsWith("published-")))
      rmSync(join(config.cache, name));
    const before = snapshot(config.cache);
    const dry = await deploy(config, { dryRun: true });
    expect(dry.plan.groups.flat().map((u) => u.key)).toEqual(
      expect.arrayContaining(["2019/jan/final_report.csv", key]),
    );
    expect(snapshot(config.cache)).toEqual(before);
  });
});
