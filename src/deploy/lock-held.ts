/**
 * Holding the deploy lock once taken: renewed in the background, checked before the steps that could
 * break the site, released at the end or on SIGINT/SIGTERM. Kept apart from taking it (lock.ts),
 * because holding is a small state machine of its own: renewals, checks and the release share the
 * ETag this deploy wrote last, and must run one after the other.
 *
 * Expiry: the holder renews the lock every quarter of its TTL (a conditional replace of its own
 * version), so a live lock's expiry is always at least 3/4 TTL ahead; only a holder that stopped
 * (crash, kill -9, lost network) lets it expire, and then it blocks others at most one TTL. Expiry is
 * judged by the waiter's clock: clocks that differ by less than 3/4 TTL cannot take over a live lock.
 * Before index.html and before deletes the holder checks its lock is still its own (one HEAD), so a
 * holder that lost it (stalled past its expiry) stops before the steps that could break the site.
 */
import { DeployError } from "../errors.js";
import { onInterrupt } from "../exit-hooks.js";
import type { Logger } from "../log.js";
import type { LockObject } from "./lock-object.js";
import { sameEtag, type LockHolder } from "./lock-state.js";

/**
 * Tokens of locks this process wrote that none of its deploys holds now: written by an attempt whose
 * answer was lost, released (or whose release failed), or lost. A lock found with one is replaced at once.
 */
export const leftTokens = new Set<string>();

/** How long the lock lasts unrenewed, and where a failed release is reported. */
interface HoldOptions {
  ttlSeconds: number;
  logger: Logger;
}

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

/** The lock this deploy now holds: renewed in the background, released at the end or on SIGINT/SIGTERM. */
export function heldLock(
  lock: LockObject,
  holder: LockHolder,
  etag: string,
  replaced: string | undefined,
  options: HoldOptions,
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
    private readonly options: HoldOptions,
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
    `the deploy lock ${lock.siteBucket.bucket}/${lock.key} is not known to be this deploy's: ${why}. ` +
      "This deploy stopped here: the files it uploaded are in the bucket, and the live index.html links only to files that exist.",
    {
      phase: "lock",
      key: lock.key,
      hint: "A deploy that stalls longer than the lock's expiry loses it. Run deploy again when the other deploy has finished.",
      cause,
    },
  );
}
