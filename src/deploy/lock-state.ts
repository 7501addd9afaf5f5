/**
 * Pure: what the deploy lock object says and what a deploy may do about it. No SDK, no clock: the
 * caller passes `now`, so the rules are tested as a table (test/deploy/lock-state.test.ts).
 */

/** Bump when the body's meaning changes; a lock of another format is unreadable and needs --break-lock. */
export const LOCK_FORMAT = 1;

/** How long a lock lasts without being renewed: a crashed holder blocks others at most this long. */
export const DEPLOY_LOCK_TTL_SECONDS_DEFAULT = 300;

/** Who holds (or last held) the lock, as stored in its body (JSON). */
export interface LockHolder {
  /** "held" while a deploy runs; "released" when it ended (the object stays, see lock.ts). */
  state: "held" | "released";
  /** Random, unique per acquisition: a holder recognises its own lock by it. */
  token: string;
  /** The command holding it, e.g. "deploy" or "publish". */
  command: string;
  host: string;
  pid: number;
  /** The CI run, when the deploy runs in CI, e.g. `GitHub Actions run 123456 (owner/repo)`. */
  ciRun?: string;
  /** ISO times: when the holder took it, and until when it is valid unless renewed. */
  started: string;
  expires: string;
}

/** What the deploy finds at the lock key. */
export type LockSeen =
  | { kind: "absent" }
  | { kind: "unreadable"; etag: string; lastModified?: Date }
  | { kind: "lock"; etag: string; holder: LockHolder };

/** What to do next: create it, replace the version seen (with why), or wait for its holder. */
export type LockMove =
  | { move: "create" }
  | { move: "replace"; etag: string; why: "released" | "expired" | "broken" | "left by this process" }
  | { move: "wait"; holder?: LockHolder };

/**
 * Decide from what was seen. A held lock is replaced only when it expired (its holder stopped renewing
 * it: crashed, killed or cut off) or when the user asked to break it; every replacement is conditional
 * on the ETag seen, so of two deploys that decide the same, one wins. `leftTokens`: the tokens of locks
 * this process wrote and no deploy of it holds any more (a release or a write whose answer was lost
 * on the network), so a retry in the same process does not wait for its own lock to expire.
 */
export function planLockMove(
  seen: LockSeen,
  now: Date,
  breakLock: boolean,
  leftTokens: ReadonlySet<string> = new Set(),
): LockMove {
  if (seen.kind === "absent") return { move: "create" };
  if (breakLock) return { move: "replace", etag: seen.etag, why: "broken" };
  if (seen.kind === "unreadable") return { move: "wait" };
  if (seen.holder.state === "released") return { move: "replace", etag: seen.etag, why: "released" };
  if (leftTokens.has(seen.holder.token)) return { move: "replace", etag: seen.etag, why: "left by this process" };
  if (Date.parse(seen.holder.expires) <= now.getTime()) return { move: "replace", etag: seen.etag, why: "expired" };
  return { move: "wait", holder: seen.holder };
}

/** The lock's body, or undefined when it is not a lock of this format. */
export function parseLockBody(text: string): LockHolder | undefined {
  try {
    const body = JSON.parse(text) as Partial<LockHolder> & { format?: unknown };
    if (body.format !== LOCK_FORMAT) return undefined;
    const { state, token, command, host, pid, ciRun, started, expires } = body;
    if (state !== "held" && state !== "released") return undefined;
    if (![token, command, host, started, expires].every((v) => typeof v === "string")) return undefined;
    if (typeof pid !== "number" || Number.isNaN(Date.parse(expires!))) return undefined;
    return { state, token: token!, command: command!, host: host!, pid, ciRun, started: started!, expires: expires! };
  } catch {
    return undefined;
  }
}

/** The body to store. */
export function toLockBody(holder: LockHolder): string {
  return JSON.stringify({ format: LOCK_FORMAT, ...holder }, null, 2);
}

/** The holder in the user's words: `deploy on laptop.local (pid 4242), started 2026-12-06T20:00:00Z (3 min ago)`. */
export function formatHolder(holder: LockHolder, now: Date): string {
  const ci = holder.ciRun ? `, ${holder.ciRun}` : "";
  return `${holder.command} on ${holder.host} (pid ${holder.pid}${ci}), started ${holder.started} (${formatAge(Date.parse(holder.started), now)})`;
}

/** The CI run this process belongs to, from the variables GitHub Actions, GitLab CI and others set. */
export function ciRunOf(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.GITHUB_RUN_ID)
    return `GitHub Actions run ${env.GITHUB_RUN_ID}${env.GITHUB_REPOSITORY ? ` (${env.GITHUB_REPOSITORY})` : ""}`;
  if (env.CI_JOB_ID) return `CI job ${env.CI_JOB_ID}${env.CI_PROJECT_PATH ? ` (${env.CI_PROJECT_PATH})` : ""}`;
  if (env.BUILD_ID && env.CI) return `CI build ${env.BUILD_ID}`;
  return undefined;
}

function formatAge(then: number, now: Date): string {
  const seconds = Math.round((now.getTime() - then) / 1000);
  if (Number.isNaN(seconds)) return "unknown time";
  if (seconds < 0) return `in ${-seconds}s by this machine's clock`;
  if (seconds < 120) return `${seconds}s ago`;
  return `${Math.round(seconds / 60)} min ago`;
}

/** Whether two ETags name the same version, whichever quoting the server used. */
export function sameEtag(a: string | undefined, b: string | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && bareEtag(a) === bareEtag(b));
}

/** An ETag without its quotes (and weak marker), the form RGW 16.2 wants in If-Match. */
export function bareEtag(etag: string): string {
  return etag.replace(/^W\//, "").replace(/"/g, "");
}
