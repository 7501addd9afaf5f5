import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatDuration, MAX_EXPIRY_SECONDS, parseExpiry } from "../../src/share/index.js";
import { expectReportsiteError } from "../support/errors.js";

describe("parseExpiry", () => {
  test.each([
    ["90s", 90],
    ["15m", 900],
    ["1h", 3600],
    ["7d", 604_800],
    ["168h", 604_800],
  ])("%s -> %i seconds", (text, seconds) => expect(parseExpiry(text)).toBe(seconds));

  test.each(["", "1", "h", "1w", "1.5h", "-1h", "1 h", "one hour"])(
    "refuses %j with the accepted forms",
    async (text) => {
      await expectReportsiteError(() => parseExpiry(text), {
        name: "ShareError",
        message: /expected a number and a unit, e.g. 90s, 15m, 1h or 7d/,
      });
    },
  );

  test("refuses more than 7 days, naming the SigV4 limit, and zero", async () => {
    await expectReportsiteError(() => parseExpiry("8d"), {
      name: "ShareError",
      message: /presigned URLs \(Signature Version 4\) live at most 7 days/,
    });
    await expectReportsiteError(() => parseExpiry("604801s"), { name: "ShareError", message: /at most 7 days/ });
    await expectReportsiteError(() => parseExpiry("0m"), { name: "ShareError", message: /more than 0 seconds/ });
  });

  // the hint said to copy the file to the public site bucket, which would publish raw data
  test("over 7 days, the hint suggests a new link when this one expires and never publishing the file", async () => {
    const error = await expectReportsiteError(() => parseExpiry("8d"), {
      name: "ShareError",
      hint: /^Share it with --expires 7d, and run `reportsite share` again for a new link when that one expires/,
    });
    expect(error.hint).not.toMatch(/public|site bucket|copy/i);
  });

  test("property: every n+unit within 7 days parses to n times the unit; beyond it is refused", () => {
    const units = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700_000 }), fc.constantFrom("s", "m", "h", "d"), (n, unit) => {
        const seconds = n * units[unit];
        if (seconds <= MAX_EXPIRY_SECONDS) expect(parseExpiry(`${n}${unit}`)).toBe(seconds);
        else expect(() => parseExpiry(`${n}${unit}`)).toThrow(/at most 7 days/);
      }),
    );
  });

  test("formatDuration", () => {
    expect(formatDuration(5400)).toBe("1h 30m");
    expect(formatDuration(604_800)).toBe("7d");
    expect(formatDuration(59.9)).toBe("59s");
    expect(formatDuration(-3)).toBe("0s");
  });
});
