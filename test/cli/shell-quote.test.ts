import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { expect, test } from "vitest";
import { shellQuote } from "../../src/cli/shell-quote.js";

test("shellQuote leaves plain words alone and quotes the rest", () => {
  expect(shellQuote("2019/jan/final_report.csv")).toBe("2019/jan/final_report.csv");
  expect(shellQuote("a b.csv")).toBe("'a b.csv'");
  expect(shellQuote("it's")).toBe(`'it'\\''s'`);
});

test("property: a quoted value reaches the command as one argument, unchanged", () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes("\0")),
      (value) => {
        expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(value)}`], { encoding: "utf8" })).toBe(value);
      },
    ),
    { numRuns: 50 },
  );
});
