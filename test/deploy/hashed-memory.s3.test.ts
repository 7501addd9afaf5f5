/**
 * Issue 7: a deploy with nothing new reads no file of dist/. Each file's MD5 is remembered with the
 * stamp it was computed for (size, modification and change time, inode); a file whose bytes change
 * is hashed again, even when its size and modification time are put back as they were.
 */
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { testClient, testConfig, uniqueBucket } from "../support/s3.js";
import { deploy, readBack, writeDist } from "./support.js";

const KEY = "2019/jan/final_report.csv";
const FILES = {
  "index.html": "x",
  "error.html": "<!doctype html><title>404</title>",
  [KEY]: "a\n1\n",
  "2019/feb/final_report.csv": "a\n2\n",
};

function memoryFile(config: SiteConfig): string {
  const [name] = readdirSync(config.cache).filter((f) => f.startsWith("hashed-"));
  expect(name).toBeDefined();
  return join(config.cache, name!);
}

describe("the memory of dist/'s MD5s", () => {
  let config: SiteConfig;

  beforeEach(async () => {
    config = testConfig({ raw: { bucket: uniqueBucket("hash-raw") }, site: { bucket: uniqueBucket("hash-site") } });
    writeDist(config, FILES);
    await deploy(config); // uploads everything, and remembers each file's MD5
  });

  test("a deploy with nothing new takes every MD5 from the memory, reading no file", async () => {
    expect((await deploy(config)).report?.uploaded).toEqual([]);
    // proof that the file is not read: a wrong MD5 remembered for its unchanged stamp is what deploy
    // compares (a dry run: S3 checks each upload's Content-MD5 and would refuse these bytes under it)
    const path = memoryFile(config);
    const memory = JSON.parse(readFileSync(path, "utf8")) as { objects: Record<string, { md5: string }> };
    expect(memory.objects[KEY]!.md5).toMatch(/^[0-9a-f]{32}$/);
    memory.objects[KEY]!.md5 = "0".repeat(32);
    writeFileSync(path, JSON.stringify(memory));
    const { plan } = await deploy(config, { dryRun: true });
    expect(plan.groups.flat().map((u) => [u.key, u.reason])).toEqual([[KEY, "content changed"]]);
  });

  test("new bytes of the same size, with the old modification time put back, are hashed and uploaded", async () => {
    const file = join(config.output, KEY);
    const then = new Date("2020-01-01T00:00:00Z"); // a whole second: setting it back gives the same mtimeMs
    utimesSync(file, then, then);
    await deploy(config); // hashed, remembered (and uploaded again: a new date is a new stamp, the same bytes)
    const before = statSync(file);
    writeFileSync(file, "a\n9\n");
    utimesSync(file, then, then);
    expect([statSync(file).size, statSync(file).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const result = await deploy(config);
    expect(result.report?.uploaded).toContainEqual({ key: KEY, reason: "content changed" });
    expect((await readBack(testClient(), config, KEY)).body).toBe("a\n9\n");
  });

  test("an unreadable memory is ignored: every file is hashed, nothing is uploaded, the memory is written anew", async () => {
    const path = memoryFile(config);
    writeFileSync(path, "{not json");
    const result = await deploy(config);
    expect(result.report?.uploaded).toEqual([]);
    const memory = JSON.parse(readFileSync(path, "utf8")) as { objects: Record<string, unknown> };
    expect(Object.keys(memory.objects).sort()).toEqual(Object.keys(FILES).sort());
  });
});
