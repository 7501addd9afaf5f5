/** planMonth: a raw file is reused only when its key, size and ETag are those the cache read. */
import { describe, expect, test } from "vitest";
import { planMonth } from "../../src/build/month-plan.js";
import type { CachedFile } from "../../src/state/index.js";

const cached = (key: string, size: number, etag?: string): CachedFile => ({ key, size, etag, rows: 1, counts: [] });

describe("planMonth", () => {
  const listed = [
    { key: "a", size: 1, etag: '"1"' },
    { key: "b", size: 2, etag: '"2"' },
    { key: "c", size: 3 },
  ];

  test("same key, size and ETag are reused; other bytes, no ETag and new keys are read; the reason counts them", () => {
    const plan = planMonth(
      listed,
      [cached("a", 1, '"1"'), cached("b", 2, '"x"'), cached("c", 3), cached("d", 4, '"4"')],
      {},
    );
    expect(plan.reuse.map((r) => r.object.key)).toEqual(["a"]);
    expect(plan.read.map((o) => o.key)).toEqual(["b", "c"]);
    expect(plan.reason).toBe("2 files changed, 1 file removed");
  });

  test("nothing changed: no reason; nothing cached or --force: everything is read", () => {
    expect(planMonth(listed.slice(0, 1), [cached("a", 1, '"1"')], {}).reason).toBeUndefined();
    expect(planMonth(listed, undefined, {})).toEqual({ reuse: [], read: listed, reason: "not in the cache" });
    expect(planMonth(listed, [cached("a", 1, '"1"')], { force: true }).reason).toBe("--force");
    expect(planMonth(listed, [], {}).reason).toBe("3 files added");
  });
});
