/**
 * Deploy takes each file's MD5 from the output record the build wrote (the MD5 of the bytes it wrote,
 * with the file's stamp then), and reads only files whose stamp changed or that the record lacks: a
 * deploy with nothing new reads no file of dist/, and one of a folder edited by hand or built
 * elsewhere never trusts the record for it.
 */
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import type { SiteConfig } from "../../src/config/index.js";
import { OUTPUT_RECORD_FORMAT, type OutputRecord } from "../../src/state/index.js";
import { stateFileText } from "../../src/state/state-file.js";
import { buildSite } from "../../src/build/index.js";
import { memoryLogger } from "../../src/log.js";
import { stampOf } from "../../src/site/stamp.js";
import { putObjects, tempDir, testClient } from "../support/s3.js";
import { builtSite } from "./support-build.js";
import { deploy, readBack } from "./support.js";

const KEY = "2019/jan/final_report.csv";

function recordPath(config: SiteConfig): string {
  return join(config.cache, "output.json");
}

/** The output record as the last build wrote it. */
function readRecord(config: SiteConfig): OutputRecord {
  return (JSON.parse(readFileSync(recordPath(config), "utf8")) as { data: OutputRecord }).data;
}

/** Rewrite the output record (a valid state file) with `change` applied to the file at `key`. */
function rewriteRecord(config: SiteConfig, key: string, change: Partial<OutputRecord["files"][number]>): void {
  const { data } = JSON.parse(readFileSync(recordPath(config), "utf8")) as { data: OutputRecord };
  const file = data.files.find((f) => f.path === key);
  expect(file).toBeDefined();
  Object.assign(file!, change);
  writeFileSync(recordPath(config), stateFileText(OUTPUT_RECORD_FORMAT, data).text);
}

describe("deploy's MD5s from the output record", () => {
  let config: SiteConfig;

  beforeEach(async () => {
    config = await builtSite("md5");
    expect((await deploy(config)).report?.uploaded.length).toBeGreaterThan(0);
  });

  test("a deploy with nothing new takes every MD5 from the record, reading no file, and writes no MD5 memory", async () => {
    expect((await deploy(config)).report?.uploaded).toEqual([]);
    // proof that the file is not read: a wrong MD5 recorded for its unchanged stamp is what deploy
    // compares (a dry run: S3 checks each upload's Content-MD5 and would refuse these bytes under it)
    rewriteRecord(config, KEY, { md5: "0".repeat(32) });
    const { plan } = await deploy(config, { dryRun: true });
    expect(plan.groups.flat().map((u) => [u.key, u.reason])).toEqual([[KEY, "content changed"]]);
    // the published-headers memory, and no other file of deploy's
    expect(
      readdirSync(config.cache).filter((f) => !["manifest.json", "output.json", "months", "pages"].includes(f)),
    ).toEqual([expect.stringMatching(/^published-[0-9a-f]{16}\.json$/)]);
  });

  test("new bytes of the same size, with the old modification time put back, are read and uploaded", async () => {
    const file = join(config.output, KEY);
    const before = statSync(file);
    const built = readFileSync(file, "utf8");
    writeFileSync(file, built.replace("Pothole", "Potholf"));
    utimesSync(file, before.atime, before.mtime);
    expect([statSync(file).size, statSync(file).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const result = await deploy(config);
    expect(result.report?.uploaded).toContainEqual({ key: KEY, reason: "content changed" });
    expect((await readBack(testClient(), config, KEY)).body).toBe(built.replace("Pothole", "Potholf"));
  });

  test("without the cache folder, or with a folder built elsewhere, every file is read: nothing is uploaded", async () => {
    rewriteRecord(config, KEY, { md5: "0".repeat(32) }); // trusted for this folder only
    const elsewhere = { ...config, output: join(tempDir(), "dist") };
    cpSync(config.output, elsewhere.output, { recursive: true });
    expect((await deploy(elsewhere)).report?.uploaded).toEqual([]);
    rmSync(config.cache, { recursive: true });
    const result = await deploy(config);
    expect(result.report?.uploaded).toEqual([]);
    expect(result.logger.warnings).toEqual([]);
  });

  test("the record is of its output folder only: a folder moved elsewhere, every stamp the same, is read", async () => {
    rewriteRecord(config, KEY, { md5: "0".repeat(32) });
    const { md5: _planted, path: _key, ...recorded } = readRecord(config).files.find((f) => f.path === KEY)!;
    const moved = { ...config, output: join(dirname(config.output), "dist-moved") };
    renameSync(config.output, moved.output);
    // a rename keeps each file's inode and change time: the stamp check alone would trust the planted MD5
    expect(await stampOf(join(moved.output, KEY))).toEqual(recorded);
    expect(readRecord(config).output).toBe(config.output);
    expect((await deploy(moved, { dryRun: true })).plan.groups.flat()).toEqual([]);
    // moved back, the same record is trusted, planted MD5 and all
    renameSync(moved.output, config.output);
    const { plan } = await deploy(config, { dryRun: true });
    expect(plan.groups.flat().map((u) => [u.key, u.reason])).toEqual([[KEY, "content changed"]]);
  });

  test("a --month build records its files too: deploy reads none of them", async () => {
    await putObjects(testClient(), config.raw.bucket, {
      "2019_jan_02_gid_requests.csv": "service_request_id,service_name,case_record_type\n9,Noise,Request\n",
    });
    const months = [{ year: 2019, month: 1 }];
    expect((await buildSite(config, { logger: memoryLogger(), client: testClient(), months })).written).toBe(true);
    const carried = "2019/feb/final_report.csv"; // carried over from the previous build, written anew
    rewriteRecord(config, carried, { md5: "0".repeat(32) });
    const { plan } = await deploy(config, { dryRun: true });
    expect(plan.groups.flat().map((u) => [u.key, u.reason])).toContainEqual([carried, "content changed"]);
  });

  test("a damaged record is ignored with a warning: every file is read, nothing is uploaded", async () => {
    writeFileSync(recordPath(config), readFileSync(recordPath(config), "utf8").replace('"md5":"', '"md5":"0'));
    const result = await deploy(config);
    expect(result.report?.uploaded).toEqual([]);
    expect(result.logger.warnings).toEqual([
      `ignoring ${recordPath(config)}: its checksum does not match its contents (damaged); every file of the output folder is read to compute its MD5`,
    ]);
  });
});
