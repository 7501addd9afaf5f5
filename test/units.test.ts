import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatCount, formatSize } from "../src/units.js";

describe("formatCount", () => {
  test.each([
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1,000"],
    [12345, "12,345"],
    [1234567, "1,234,567"],
    [-1000, "-1,000"],
  ])("%d -> %s", (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  test("writes every whole number as en-US Intl does", () => {
    const intl = new Intl.NumberFormat("en-US");
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => formatCount(n) === intl.format(n)));
  });
});

describe("formatSize", () => {
  test.each([
    [812, "812 B"],
    [12_400, "12.4 kB"],
    [3_100_000, "3.1 MB"],
  ])("%d -> %s", (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});
