/**
 * The deploy lock, taken at the first write rather than at the start: a deploy with nothing to write
 * (the monthly run that finds the site as it is) sends no lock request and waits for no one, and the
 * plan it wrote nothing from was made on the listing asked ahead, so it is as current as it can be.
 */
import type { DeployLock } from "./lock.js";
import { sameEtag } from "./lock-state.js";

/** The lock was taken, but another deploy wrote after the listing the plan was made from: plan again. */
export class StaleListingError extends Error {}

export class LockGate {
  private held?: Promise<DeployLock>;

  /** `seenLockEtag`: the lock's ETag in the listing the plan is made from (undefined: there was none). */
  constructor(
    private readonly take: () => Promise<DeployLock>,
    private readonly seenLockEtag: string | undefined,
  ) {}

  /**
   * Before each phase of writes: takes the lock the first time, else checks it is still this deploy's.
   * Throws StaleListingError, before anything was written, when the lock this deploy replaced is not
   * the one its listing saw: every deploy writes the lock before anything else, so another deploy ran
   * in between, and the plan is made again from a listing made under the lock.
   */
  async beforeWrite(): Promise<void> {
    if (this.held) return (await this.held).check();
    this.held = this.take();
    const lock = await this.held;
    if (!sameEtag(this.seenLockEtag, lock.replaced)) throw new StaleListingError();
  }

  /** Release the lock if it was taken; never throws. */
  async release(): Promise<void> {
    const lock = await this.held?.catch(() => undefined);
    await lock?.release();
  }
}
