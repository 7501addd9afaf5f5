/**
 * Raw reads through a fault-injecting proxy in front of the real server.
 * A cut, short, stalled or refused read is a network fault: retried, and if it persists the build
 * fails as a network error; it is never counted as a bad file, never skipped, never published short.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../src/build/index.js";
import type { SiteConfig } from "../../src/config/index.js";
import { memoryLogger } from "../../src/log.js";
import { generateMonth } from "../../scripts/sample/generate.js";
import { expectReportsiteError } from "../support/errors.js";
import { startFaultProxy, type FaultProxy } from "../support/fault-proxy.js";
import { createBucket, testClient, testConfig, testServer, uniqueBucket } from "../support/s3.js";

const GET_RAW = { method: "GET", path: (p: string) => p.includes("_gid_requests.csv") };

describe("raw reads under network faults", () => {
  const bucket = uniqueBucket("fault-raw");
  let expected: string;
  let proxy: FaultProxy | undefined;

  beforeAll(async () => {
    const month = generateMonth(2019, 1, { rows: [150, 250], seed: 12 });
    await createBucket(testClient(), bucket, Object.fromEntries(month.map((f) => [f.key, f.body])));
    const clean = testConfig({ raw: { bucket }, site: { bucket: uniqueBucket("fault-site") } });
    await buildSite(clean, { logger: memoryLogger() });
    expected = readFileSync(join(clean.output, "2019/jan/final_report.csv"), "utf8");
  }, 120_000);

  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  /** A config whose S3 requests go through a fresh proxy (short timeouts, so a stall costs little). */
  async function throughProxy(options: Parameters<typeof startFaultProxy>[0]): Promise<SiteConfig> {
    proxy = await startFaultProxy(options);
    return testConfig({
      endpoint: proxy.endpoint,
      raw: { bucket },
      site: { bucket: uniqueBucket("fault-site") },
      s3: { connectTimeoutMs: 1000, requestTimeoutMs: 1500 },
    });
  }

  test.each(["truncate", "truncate-lines", "reset", "slowdown", "stall-body"] as const)(
    "a %s on a raw GET is retried; the month is published whole, with --skip-bad-files skipping nothing",
    async (kind) => {
      const config = await throughProxy({ target: testServer().endpoint, only: GET_RAW, script: [kind, kind] });
      const report = await buildSite(config, { logger: memoryLogger(), skipBadFiles: true });
      expect(proxy!.faults.map((f) => f.kind)).toEqual([kind, kind]);
      expect(report.months[0]!.skipped).toEqual([]);
      expect(readFileSync(join(config.output, "2019/jan/final_report.csv"), "utf8")).toBe(expected);
    },
    60_000,
  );

  test("a read that keeps failing fails the build as a network error, never as a bad file, even with --skip-bad-files", async () => {
    const config = await throughProxy({
      target: testServer().endpoint,
      only: GET_RAW,
      rate: 1,
      kinds: ["truncate-lines"],
    });
    const error = await expectReportsiteError(() => buildSite(config, { logger: memoryLogger(), skipBadFiles: true }), {
      name: "S3Error",
      message: /received \d+ of \d+ bytes \(tried 4 times\)/,
    });
    expect(error.hint).toMatch(/not a problem of the file/);
    expect(error.message).not.toMatch(/cannot be read; no report/);
  }, 60_000);

  test("at 30% faults of every kind, each build publishes exact counts or fails as a network error", async () => {
    const config = await throughProxy({ target: testServer().endpoint, rate: 0.3, seed: 5, maxFaults: 40 });
    let published = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await buildSite(config, { logger: memoryLogger(), skipBadFiles: true, force: true }).catch(
        (error: Error) => error,
      );
      if (outcome instanceof Error) {
        expect(outcome.name).toBe("S3Error");
        continue;
      }
      expect(outcome.months[0]!.skipped).toEqual([]);
      expect(readFileSync(join(config.output, "2019/jan/final_report.csv"), "utf8")).toBe(expected);
      published++;
    }
    expect(proxy!.faults.length).toBeGreaterThan(0);
    expect(published).toBeGreaterThan(0);
  }, 180_000);
});
