/**
 * The deploy lock: one object in the site bucket (DEPLOY_LOCK_KEY below the site prefix) that a deploy
 * must hold to write, so two deploys at once (a laptop during a CI run) never interleave their uploads,
 * index and deletes.
 *
 * Correctness rests on two conditional writes, both checked on Ceph RGW 16.2 and AWS S3:
 * - create: PutObject with `If-None-Match: *` succeeds for exactly one of N racing deploys (412 for the others);
 * - replace: PutObject with `If-Match: <ETag seen>` succeeds only if nobody wrote the lock since it was read.
 * Every other step is a read. The object is never deleted: releasing overwrites it (conditionally)
 * with state "released", because RGW 16.2 ignores If-Match on DELETE, so an unconditional delete could
 * remove a lock somebody else took over in between. A released, expired or (--break-lock) any lock is
 * taken by a conditional replace of the version read; of two deploys that read the same version, one wins.
 *
 * This file takes the lock: read it, decide (lock-state.ts), write it conditionally or wait for its
 * holder. Holding it is lock-held.ts, the requests lock-object.ts, and when a deploy takes it lock-gate.ts.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { DeployError } from "../errors.js";
import type { Logger } from "../log.js";
import type { SiteBucket } from "./remote.js";
import { heldLock, leftTokens, type DeployLock } from "./lock-held.js";
import { setupChangesMade } from "./format.js";
import { LockObject } from "./lock-object.js";
import { ciRunOf, formatHolder, planLockMove, type LockHolder } from "./lock-state.js";

export type { DeployLock } from "./lock-held.js";

/** How often a waiting deploy reads the lock again. */
export const DEPLOY_LOCK_POLL_INTERVAL_MS = 1000;
/** How often a waiting deploy says it is still waiting. */
const WAIT_REPORT_INTERVAL_MS = 15_000;

/** How a deploy takes the lock. */
export interface DeployLockOptions {
  /** The command, named to whoever finds the lock held: "deploy" or "publish". */
  command: string;
  /** How long to wait for another deploy to finish; 0 (the default) fails at once naming the holder. */
  waitSeconds: number;
  /** Take the lock whoever holds it (the user knows the holder is dead). */
  breakLock: boolean;
  /** Defaults to DEPLOY_LOCK_TTL_SECONDS_DEFAULT. */
  ttlSeconds: number;
  logger: Logger;
  /** What bucket setup changed before this deploy takes the lock, named when taking it fails. */
  setupChanges?: readonly string[];
}

/** Take the deploy lock of `siteBucket`, waiting up to options.waitSeconds for another holder. */
export async function acquireDeployLock(siteBucket: SiteBucket, options: DeployLockOptions): Promise<DeployLock> {
  const lock = new LockObject(siteBucket, options.setupChanges);
  const deadline = Date.now() + options.waitSeconds * 1000;
  let lastReport = 0;
  // --break-lock breaks the holder found first (even as it renews), never one that took the lock after it
  let breaking: string | undefined;
  for (let first = true; ; first = false) {
    const now = new Date();
    const seen = await lock.read();
    if (first && options.breakLock) breaking = seen.kind === "lock" ? seen.holder.token : undefined;
    const breakLock = first ? options.breakLock : seen.kind === "lock" && seen.holder.token === breaking;
    const move = planLockMove(seen, now, breakLock, leftTokens);
    if (move.move !== "wait") {
      const holder = newHolder(options, now);
      // a write that failed may still have been stored (its answer lost): its token is then left over
      const etag = await lock.write(holder, move.move === "create" ? undefined : move.etag).catch((error: unknown) => {
        leftTokens.add(holder.token);
        throw error;
      });
      if (etag === undefined) leftTokens.add(holder.token);
      else {
        if (move.move === "replace" && (move.why === "expired" || move.why === "broken") && seen.kind === "lock")
          options.logger.warn(`took over the deploy lock (${move.why}) of ${formatHolder(seen.holder, now)}`);
        else if (move.move === "replace" && move.why === "broken")
          options.logger.warn(`broke the unreadable deploy lock ${siteBucket.bucket}/${lock.key}`);
        return heldLock(lock, holder, etag, move.move === "create" ? undefined : move.etag, options);
      }
      continue; // another deploy wrote it first: look again
    }
    if (Date.now() >= deadline) throw lockedError(siteBucket, lock.key, move.holder, { ...options, now });
    if (Date.now() - lastReport >= WAIT_REPORT_INTERVAL_MS) {
      lastReport = Date.now();
      const waited = Math.round((Date.now() - (deadline - options.waitSeconds * 1000)) / 1000);
      options.logger.info(
        `waiting for the deploy lock, held by ${move.holder ? formatHolder(move.holder, now) : "an unreadable lock"}; waited ${waited}s of ${options.waitSeconds}s`,
      );
    }
    await sleep(Math.min(DEPLOY_LOCK_POLL_INTERVAL_MS, Math.max(0, deadline - Date.now())));
  }
}

function newHolder(options: DeployLockOptions, now: Date): LockHolder {
  return {
    state: "held",
    token: randomUUID(),
    command: options.command,
    host: hostname(),
    pid: process.pid,
    ciRun: ciRunOf(process.env),
    started: now.toISOString(),
    expires: new Date(now.getTime() + options.ttlSeconds * 1000).toISOString(),
  };
}

/** The message for a lock another deploy holds, with how to proceed. */
function lockedError(
  siteBucket: SiteBucket,
  key: string,
  holder: LockHolder | undefined,
  { waitSeconds, setupChanges = [], now }: { waitSeconds: number; setupChanges?: readonly string[]; now: Date },
): DeployError {
  const who = holder
    ? `another deploy holds the deploy lock of ${siteBucket.bucket}: ${formatHolder(holder, now)}; the lock expires at ${holder.expires} unless renewed`
    : `the deploy lock ${siteBucket.bucket}/${key} is not one this version of reportsite can read`;
  const waited = waitSeconds > 0 ? ` (waited ${waitSeconds}s)` : "";
  const setup = setupChanges.length ? ` ${setupChangesMade(setupChanges)}` : "";
  return new DeployError(
    `${who}${waited}.${setup} Nothing was uploaded or deleted: the live site is as the other deploy leaves it.`,
    {
      phase: "lock",
      key,
      hint: [
        "Wait for that deploy to finish and run again, or pass --wait-for-lock 600 to wait for it (up to 600 seconds).",
        holder
          ? `If it is dead (a killed job, a closed laptop), its lock expires by itself at ${holder.expires}; --break-lock takes it over now.`
          : "If no other deploy is running, --break-lock takes it over.",
      ].join("\n"),
    },
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
