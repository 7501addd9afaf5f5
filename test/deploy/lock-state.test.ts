// The deploy lock's rules as a table: which lock a deploy may take, and how it names the holder.
import { describe, expect, test } from "vitest";
import {
  ciRunOf,
  formatHolder,
  parseLockBody,
  planLockMove,
  sameEtag,
  toLockBody,
  type LockHolder,
  type LockSeen,
} from "../../src/deploy/lock-state.js";

const NOW = new Date("2026-12-06T20:00:00Z");
const holder = (over: Partial<LockHolder> = {}): LockHolder => ({
  state: "held",
  token: "t-1",
  command: "publish",
  host: "runner-7",
  pid: 4242,
  ciRun: "GitHub Actions run 99 (team/site)",
  started: "2026-12-06T19:58:00.000Z",
  expires: "2026-12-06T20:03:00.000Z",
  ...over,
});
const seen = (h: LockHolder): LockSeen => ({ kind: "lock", etag: '"e1"', holder: h });

describe("planLockMove", () => {
  test.each<[string, LockSeen, boolean, ReadonlySet<string>, ReturnType<typeof planLockMove>]>([
    ["no lock -> create it", { kind: "absent" }, false, new Set(), { move: "create" }],
    [
      "a released lock -> replace it",
      seen(holder({ state: "released" })),
      false,
      new Set(),
      { move: "replace", etag: '"e1"', why: "released" },
    ],
    ["a live lock -> wait for its holder", seen(holder()), false, new Set(), { move: "wait", holder: holder() }],
    [
      "a lock past its expiry -> take it over",
      seen(holder({ expires: "2026-12-06T19:59:59.000Z" })),
      false,
      new Set(),
      { move: "replace", etag: '"e1"', why: "expired" },
    ],
    [
      "--break-lock -> take a live lock",
      seen(holder()),
      true,
      new Set(),
      { move: "replace", etag: '"e1"', why: "broken" },
    ],
    [
      "an unreadable lock -> wait (only --break-lock takes it)",
      { kind: "unreadable", etag: '"e2"' },
      false,
      new Set(),
      { move: "wait" },
    ],
    [
      "an unreadable lock with --break-lock -> replace",
      { kind: "unreadable", etag: '"e2"' },
      true,
      new Set(),
      { move: "replace", etag: '"e2"', why: "broken" },
    ],
    [
      "a live lock this process left (its release was lost) -> replace",
      seen(holder()),
      false,
      new Set(["t-1"]),
      { move: "replace", etag: '"e1"', why: "left by this process" },
    ],
  ])("%s", (_description, lock, breakLock, left, expected) => {
    expect(planLockMove(lock, NOW, breakLock, left)).toEqual(expected);
  });
});

describe("the lock body", () => {
  test("round-trips through toLockBody and parseLockBody", () => {
    expect(parseLockBody(toLockBody(holder()))).toEqual(holder());
  });
  test.each([
    ["not JSON", "{"],
    ["another format", JSON.stringify({ ...holder(), format: 2 })],
    ["no expiry", JSON.stringify({ ...holder(), format: 1, expires: undefined })],
    ["an unknown state", JSON.stringify({ ...holder(), format: 1, state: "maybe" })],
  ])("%s is unreadable", (_description, text) => {
    expect(parseLockBody(text)).toBeUndefined();
  });
});

test("the holder is named with command, host, pid, CI run and age", () => {
  expect(formatHolder(holder(), NOW)).toBe(
    "publish on runner-7 (pid 4242, GitHub Actions run 99 (team/site)), started 2026-12-06T19:58:00.000Z (2 min ago)",
  );
});

test("the CI run comes from the CI's variables", () => {
  expect(ciRunOf({ GITHUB_RUN_ID: "123", GITHUB_REPOSITORY: "team/site" })).toBe("GitHub Actions run 123 (team/site)");
  expect(ciRunOf({ CI_JOB_ID: "7" })).toBe("CI job 7");
  expect(ciRunOf({})).toBeUndefined();
});

test("ETags compare with or without quotes (RGW wants them bare in If-Match)", () => {
  expect(sameEtag('"abc"', "abc")).toBe(true);
  expect(sameEtag('"abc"', '"abd"')).toBe(false);
  expect(sameEtag(undefined, undefined)).toBe(true);
  expect(sameEtag('"abc"', undefined)).toBe(false);
});
