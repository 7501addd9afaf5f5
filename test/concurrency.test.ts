import { describe, expect, test } from "vitest";
import { mapWithConcurrency } from "../src/concurrency.js";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** fn wrapped to record how many calls run at once and which items were started. */
function tracked<T, R>(fn: (item: T) => Promise<R>) {
  const state = { active: 0, most: 0, started: [] as T[] };
  const run = async (item: T) => {
    state.started.push(item);
    state.most = Math.max(state.most, ++state.active);
    try {
      return await fn(item);
    } finally {
      state.active--;
    }
  };
  return { state, run };
}

describe("mapWithConcurrency", () => {
  test("results keep the items' order even when later items finish first", async () => {
    const delays = [30, 5, 20, 1, 10];
    const results = await mapWithConcurrency(delays, 3, async (ms) => {
      await tick(ms);
      return `done ${ms}`;
    });
    expect(results).toEqual(delays.map((ms) => `done ${ms}`));
  });

  test("runs at most `limit` at once, and uses the whole limit", async () => {
    const { state, run } = tracked(async (n: number) => {
      await tick(5);
      return n * 2;
    });
    expect(await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, run)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(state.most).toBe(3);
    expect(state.started).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test("a limit above the number of items starts each item once", async () => {
    const { state, run } = tracked((n: number) => Promise.resolve(n));
    expect(await mapWithConcurrency([1, 2], 16, run)).toEqual([1, 2]);
    expect(state.started).toEqual([1, 2]);
  });

  test("no items: no calls, no results", async () => {
    const { state, run } = tracked((n: number) => Promise.resolve(n));
    expect(await mapWithConcurrency([], 4, run)).toEqual([]);
    expect(state.started).toEqual([]);
  });

  test("the first error rejects after the running calls settle, and no new item starts", async () => {
    const settled: number[] = [];
    const { state, run } = tracked(async (n: number) => {
      await tick(n === 2 ? 1 : 20);
      if (n === 2) throw new Error("item 2 failed");
      settled.push(n);
      return n;
    });
    await expect(mapWithConcurrency([1, 2, 3, 4, 5, 6], 3, run)).rejects.toThrow("item 2 failed");
    expect(state.active).toBe(0);
    expect(settled.sort()).toEqual([1, 3]);
    expect(state.started).toEqual([1, 2, 3]);
  });
});
