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
 * Expiry: the holder renews the lock every quarter of its TTL (a conditional replace of its own
 * version), so a live lock's expiry is always at least 3/4 TTL ahead; only a holder that stopped
 * (crash, kill -9, lost network) lets it expire, and then it blocks others at most one TTL. Expiry is
 * judged by the waiter's clock: clocks that differ by less than 3/4 TTL cannot take over a live lock.
 * Before index.html and before deletes the holder checks its lock is still its own (one HEAD), so a
 * holder that lost it (stalled past its expiry) stops before the steps that could break the site.
 *
 * If-Match: RGW 16.2 compares the header with the ETag without its quotes (a quoted ETag always
 * fails), AWS with the quoted one. On a 412 the lock is read again: if its ETag is still the one sent,
 * the server refused the form, and the other form is used from then on.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { DeployError } from "../errors.js";
import { onInterrupt } from "../exit-hooks.js";
import type { Logger } from "../log.js";
import { toS3Error } from "../s3/index.js";
import { DEPLOY_LOCK_KEY } from "../site-names.js";
import type { RemoteSite } from "./remote.js";
import {
  bareEtag,
  ciRunOf,
  formatHolder,
  parseLockBody,
  planLockMove,
  sameEtag,
  toLockBody,
  type LockHolder,
  type LockSeen,
} from "./lock-state.js";

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
}

/**
 * Tokens of locks this process wrote that none of its deploys holds now: written by an attempt whose
 * answer was lost, released (or whose release failed), or lost. A lock found with one is replaced at once.
 */
const leftTokens = new Set<string>();

/** A held deploy lock. */
export interface DeployLock {
  holder: LockHolder;
  /** ETag of the lock version this deploy replaced (undefined when it created the lock): tells whether a listing is still current. */
  replaced?: string;
  /** Throws a DeployError when the lock is no longer this deploy's (it expired and another deploy took it). */
  check(): Promise<void>;
  /** Mark the lock released; never throws (a failure is a warning: the lock then expires by itself). */
  release(): Promise<void>;
}

/** Take the deploy lock of `site`, waiting up to options.waitSeconds for another holder. */
export async function acquireDeployLock(site: RemoteSite, options: DeployLockOptions): Promise<DeployLock> {
  const lock = new LockObject(site);
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
          options.logger.warn(`broke the unreadable deploy lock ${site.bucket}/${lock.key}`);
        return heldLock(lock, holder, etag, move.move === "create" ? undefined : move.etag, options);
      }
      continue; // another deploy wrote it first: look again
    }
    if (Date.now() >= deadline) throw lockedError(site, lock.key, move.holder, options.waitSeconds, now);
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

/** The lock this deploy now holds: renewed in the background, released at the end or on SIGINT/SIGTERM. */
function heldLock(
  lock: LockObject,
  holder: LockHolder,
  etag: string,
  replaced: string | undefined,
  options: DeployLockOptions,
): DeployLock {
  const held = new HeldLock(lock, holder, etag, options);
  return { holder, replaced, check: () => held.check(), release: () => held.release() };
}

class HeldLock {
  private lost?: string;
  // renewals, checks and the release run one after the other: each needs the ETag the previous one left
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly unregister: () => void;

  constructor(
    private readonly lock: LockObject,
    private readonly holder: LockHolder,
    /** The version this deploy wrote last; undefined once released or lost. */
    private etag: string | undefined,
    private readonly options: DeployLockOptions,
  ) {
    this.timer = setInterval(() => void this.renew(), (options.ttlSeconds * 1000) / 4);
    this.timer.unref();
    this.unregister = onInterrupt(() => this.release());
  }

  check(): Promise<void> {
    return this.inTurn(async () => {
      const current =
        this.etag === undefined
          ? undefined
          : await this.lock.head().catch((error: unknown) => {
              throw lostError(this.lock, `it could not be read (${this.lock.explain(error)})`, error);
            });
      if (current !== undefined && sameEtag(current, this.etag)) return;
      throw lostError(this.lock, this.lost ?? "another deploy replaced it (it had expired or was broken)");
    });
  }

  release(): Promise<void> {
    return this.inTurn(async () => {
      clearInterval(this.timer);
      this.unregister();
      leftTokens.add(this.holder.token);
      if (this.etag === undefined) return;
      const released = await this.lock
        .write({ ...this.holder, state: "released", expires: new Date().toISOString() }, this.etag)
        .catch((error: Error) => error);
      this.etag = undefined;
      if (released === undefined || released instanceof Error)
        this.options.logger.warn(
          `could not release the deploy lock ${this.lock.key} (${released instanceof Error ? released.message : "another deploy had replaced it"}); it expires by itself within ${this.options.ttlSeconds}s`,
        );
    });
  }

  private renew(): Promise<void> {
    return this.inTurn(async () => {
      if (this.etag === undefined) return;
      const expires = new Date(Date.now() + this.options.ttlSeconds * 1000).toISOString();
      const renewed = await this.lock.write({ ...this.holder, expires }, this.etag).catch(() => "error" as const);
      if (renewed === undefined) [this.etag, this.lost] = [undefined, "another deploy replaced it after it expired"];
      else if (renewed !== "error") this.etag = renewed; // a network failure: the next renewal tries again
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function lostError(lock: LockObject, why: string, cause?: unknown): DeployError {
  return new DeployError(
    `the deploy lock ${lock.site.bucket}/${lock.key} is not known to be this deploy's: ${why}. ` +
      "This deploy stopped here: the files it uploaded are in the bucket, and the live index.html links only to files that exist.",
    {
      phase: "lock",
      key: lock.key,
      hint: "A deploy that stalls longer than the lock's expiry loses it. Run deploy again when the other deploy has finished.",
      cause,
    },
  );
}

/** Which If-Match form each endpoint accepts, learned on the first 412 of an unchanged lock; quoted until then. */
const ifMatchForms = new Map<string, "quoted" | "bare">();

/** The lock object, with the If-Match form the server accepts. */
class LockObject {
  readonly key: string;
  constructor(readonly site: RemoteSite) {
    this.key = site.prefix + DEPLOY_LOCK_KEY;
  }

  private ifMatchForm(): "quoted" | "bare" {
    return ifMatchForms.get(this.site.endpoint ?? "aws") ?? "quoted";
  }

  async read(): Promise<LockSeen> {
    try {
      const object = await this.site.client.send(new GetObjectCommand({ Bucket: this.site.bucket, Key: this.key }));
      const text = (await object.Body?.transformToString()) ?? "";
      const holder = parseLockBody(text);
      const etag = object.ETag ?? "";
      return holder ? { kind: "lock", etag, holder } : { kind: "unreadable", etag, lastModified: object.LastModified };
    } catch (error) {
      if (statusOf(error) === 404) return { kind: "absent" };
      throw this.failed(error, "read");
    }
  }

  /** The lock's current ETag, or undefined when there is none. Throws the SDK's error. */
  async head(): Promise<string | undefined> {
    try {
      return (await this.site.client.send(new HeadObjectCommand({ Bucket: this.site.bucket, Key: this.key }))).ETag;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Write `holder` if the lock is absent (`ifEtag` undefined) or still the version `ifEtag`.
   * Returns the new ETag, or undefined when another deploy wrote first (412, or 409 on AWS's racing writes).
   */
  async write(holder: LockHolder, ifEtag?: string): Promise<string | undefined> {
    const condition =
      ifEtag === undefined
        ? { IfNoneMatch: "*" }
        : { IfMatch: this.ifMatchForm() === "bare" ? bareEtag(ifEtag) : ifEtag };
    try {
      const put = await this.site.client.send(
        // no ACL: private to the bucket owner in "acl" mode; in "policy" mode the bucket policy makes every
        // key under the prefix public, this one too (it names a host, a pid and a CI run, nothing secret)
        new PutObjectCommand({
          Bucket: this.site.bucket,
          Key: this.key,
          Body: toLockBody(holder),
          ContentType: "application/json",
          CacheControl: "no-store",
          ...condition,
        }),
      );
      return put.ETag ?? (await this.head().catch(() => undefined));
    } catch (error) {
      const status = statusOf(error);
      if (status !== 412 && status !== 409) throw this.failed(error, "write");
      if (ifEtag === undefined || status === 409) return undefined;
      // 412: the lock changed, or the server wants the other If-Match form (see the file comment)
      const current = await this.head().catch((headError: unknown) => {
        throw this.failed(headError, "read");
      });
      if (current === undefined || !sameEtag(current, ifEtag)) return undefined;
      if (this.ifMatchForm() === "bare")
        throw new DeployError(
          `${this.site.bucket} refuses conditional writes (PutObject with If-Match), which the deploy lock needs to take over a lock safely`,
          {
            phase: "lock",
            key: this.key,
            hint: `If no other deploy is running, delete the lock by hand (aws s3 rm s3://${this.site.bucket}/${this.key}) and deploy again.`,
          },
        );
      ifMatchForms.set(this.site.endpoint ?? "aws", "bare");
      return this.write(holder, ifEtag);
    }
  }

  /** The S3 error's message, e.g. `cannot read the deploy lock s3://site/.reportsite-deploy.lock: ...`. */
  explain(error: unknown): string {
    return this.s3Error(error, "read").message;
  }

  private s3Error(error: unknown, operation: "read" | "write") {
    return toS3Error(error, {
      operation: `${operation} the deploy lock`,
      bucket: this.site.bucket,
      key: this.key,
      endpoint: this.site.endpoint,
    });
  }

  private failed(error: unknown, operation: "read" | "write"): DeployError {
    const cause = this.s3Error(error, operation);
    return new DeployError(
      `${operation === "read" ? "reading" : "writing"} the deploy lock failed: ${cause.message}. No file was uploaded or deleted: the live site is as it was.`,
      {
        phase: "lock",
        key: this.key,
        hint: [cause.hint, "Run deploy again when the cause is fixed."].filter(Boolean).join("\n"),
        cause: error,
      },
    );
  }
}

/** The message for a lock another deploy holds, with how to proceed. */
function lockedError(
  site: RemoteSite,
  key: string,
  holder: LockHolder | undefined,
  waitedSeconds: number,
  now: Date,
): DeployError {
  const who = holder
    ? `another deploy holds the deploy lock of ${site.bucket}: ${formatHolder(holder, now)}; the lock expires at ${holder.expires} unless renewed`
    : `the deploy lock ${site.bucket}/${key} is not one this version of reportsite can read`;
  const waited = waitedSeconds > 0 ? ` (waited ${waitedSeconds}s)` : "";
  return new DeployError(
    `${who}${waited}. Nothing was uploaded or deleted: the live site is as the other deploy leaves it.`,
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

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
