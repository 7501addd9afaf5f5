// The deploy lock on the real server: of racing deploys exactly one holds it; a
// released or expired lock is taken by exactly one; a holder renews it, and one that lost it stops.
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, test } from "vitest";
import { acquireDeployLock, type DeployLock } from "../../src/deploy/lock.js";
import { toLockBody, type LockHolder } from "../../src/deploy/lock-state.js";
import type { SiteBucket } from "../../src/deploy/remote.js";
import { DeployError } from "../../src/errors.js";
import { memoryLogger } from "../../src/log.js";
import { DEPLOY_LOCK_KEY } from "../../src/site-names.js";
import { testClient, uniqueBucket } from "../support/s3.js";

async function newSiteBucket(label: string, prefix = ""): Promise<SiteBucket> {
  const client = testClient();
  const bucket = uniqueBucket(label);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return { client, bucket, prefix };
}

const options = (over: Partial<Parameters<typeof acquireDeployLock>[1]> = {}) => ({
  command: "deploy",
  waitSeconds: 0,
  breakLock: false,
  ttlSeconds: 300,
  logger: memoryLogger(),
  ...over,
});

async function readLock(siteBucket: SiteBucket): Promise<LockHolder & { format: number }> {
  const object = await siteBucket.client.send(
    new GetObjectCommand({ Bucket: siteBucket.bucket, Key: siteBucket.prefix + DEPLOY_LOCK_KEY }),
  );
  return JSON.parse(await object.Body!.transformToString()) as LockHolder & { format: number };
}

/** Try to take the lock from `count` deploys at once; the ones that got it, and the others' errors. */
async function race(siteBucket: SiteBucket, count: number) {
  const outcomes = await Promise.allSettled(
    Array.from({ length: count }, () => acquireDeployLock(siteBucket, options())),
  );
  const held = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as Error] : []));
  return { held, refused };
}

describe("the deploy lock", () => {
  test("of 8 deploys at once on a bucket without a lock, exactly one holds it; the others name the holder", async () => {
    const siteBucket = await newSiteBucket("lock-race", "reports/");
    const { held, refused } = await race(siteBucket, 8);
    expect(held).toHaveLength(1);
    expect(refused).toHaveLength(7);
    for (const error of refused) {
      expect(error).toBeInstanceOf(DeployError);
      expect(error.message).toMatch(
        new RegExp(
          `^another deploy holds the deploy lock of ${siteBucket.bucket}: deploy on \\S+ \\(pid ${process.pid}\\), started \\S+ \\(\\d+s ago\\); the lock expires at \\S+ unless renewed\\. Nothing was uploaded or deleted`,
        ),
      );
      expect((error as DeployError).hint).toMatch(/--wait-for-lock 600[\s\S]*--break-lock/);
    }
    const stored = await readLock(siteBucket);
    expect(stored).toMatchObject({ format: 1, state: "held", token: held[0]!.holder.token, pid: process.pid });
    await held[0]!.release();
    expect((await readLock(siteBucket)).state).toBe("released");
  });

  test("a released lock is taken by exactly one of 6 deploys at once, again and again", async () => {
    const siteBucket = await newSiteBucket("lock-rel");
    await (await acquireDeployLock(siteBucket, options())).release();
    for (let round = 0; round < 3; round++) {
      const { held } = await race(siteBucket, 6);
      expect(held, `round ${round}`).toHaveLength(1);
      await held[0]!.release();
    }
  });

  test("an expired lock (its holder crashed) is taken over by exactly one, with a warning naming the old holder", async () => {
    const siteBucket = await newSiteBucket("lock-exp");
    const dead: LockHolder = {
      state: "held",
      token: "dead-holder",
      command: "publish",
      host: "ci-runner-3",
      pid: 77,
      ciRun: "GitHub Actions run 5 (team/site)",
      started: new Date(Date.now() - 600_000).toISOString(),
      expires: new Date(Date.now() - 1000).toISOString(),
    };
    await siteBucket.client.send(
      new PutObjectCommand({ Bucket: siteBucket.bucket, Key: DEPLOY_LOCK_KEY, Body: toLockBody(dead) }),
    );
    const loggers = Array.from({ length: 5 }, () => memoryLogger());
    const outcomes = await Promise.allSettled(
      loggers.map((logger) => acquireDeployLock(siteBucket, options({ logger }))),
    );
    const held = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(held).toHaveLength(1);
    expect(loggers.flatMap((l) => l.warnings)).toEqual([
      expect.stringMatching(
        /^took over the deploy lock \(expired\) of publish on ci-runner-3 \(pid 77, GitHub Actions run 5 \(team\/site\)\), started \S+ \(10 min ago\)$/,
      ),
    ]);
    expect((await readLock(siteBucket)).token).toBe(held[0]!.holder.token);
    await held[0]!.release();
  });

  test("--wait-for-lock waits, saying for whom, and takes the lock when the holder releases it", async () => {
    const siteBucket = await newSiteBucket("lock-wait");
    const first = await acquireDeployLock(siteBucket, options({ command: "publish" }));
    const logger = memoryLogger();
    const started = Date.now();
    setTimeout(() => void first.release(), 1500);
    const second = await acquireDeployLock(siteBucket, options({ waitSeconds: 20, logger }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(logger.lines[0]).toMatch(
      /^waiting for the deploy lock, held by publish on \S+ \(pid \d+\), started \S+ \(\d+s ago\); waited 0s of 20s$/,
    );
    await second.release();
  });

  test("waiting is bounded: after --wait-for-lock seconds the deploy stops, saying it waited", async () => {
    const siteBucket = await newSiteBucket("lock-bound");
    const first = await acquireDeployLock(siteBucket, options());
    const started = Date.now();
    await expect(acquireDeployLock(siteBucket, options({ waitSeconds: 2 }))).rejects.toThrow(
      /\(waited 2s\)\. Nothing was uploaded/,
    );
    expect(Date.now() - started).toBeLessThan(6000);
    await first.release();
  });

  test("the holder renews its lock; a holder whose lock was broken stops at its next check", async () => {
    const siteBucket = await newSiteBucket("lock-renew");
    const holder: DeployLock = await acquireDeployLock(siteBucket, options({ ttlSeconds: 2 }));
    const firstExpiry = (await readLock(siteBucket)).expires;
    await new Promise((resolve) => setTimeout(resolve, 1200)); // past a quarter of the TTL, twice
    const renewed = await readLock(siteBucket);
    expect(renewed.token).toBe(holder.holder.token);
    expect(Date.parse(renewed.expires)).toBeGreaterThan(Date.parse(firstExpiry));
    await holder.check();

    const breaker = await acquireDeployLock(siteBucket, options({ breakLock: true }));
    await expect(holder.check()).rejects.toThrow(
      /is not known to be this deploy's: .*This deploy stopped here: the files it uploaded are in the bucket, and the live index.html links only to files that exist\./,
    );
    await holder.release(); // must not release the breaker's lock
    expect((await readLock(siteBucket)).state).toBe("held");
    expect((await readLock(siteBucket)).token).toBe(breaker.holder.token);
    await breaker.release();
  });

  test("--break-lock breaks the lock it found, not the one a second breaker took meanwhile: of 4 at once, one holds it", async () => {
    const siteBucket = await newSiteBucket("lock-break");
    const stuck = await acquireDeployLock(siteBucket, options());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => acquireDeployLock(siteBucket, options({ breakLock: true }))),
    );
    const held = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(held).toHaveLength(1);
    expect((await readLock(siteBucket)).token).toBe(held[0]!.holder.token);
    await stuck.release();
    await held[0]!.release();
  });
});
