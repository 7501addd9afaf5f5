import { afterEach, expect, test, vi } from "vitest";
import { formatError, printError } from "../../src/cli/errors.js";
import { BugError, DeployError } from "../../src/errors.js";

afterEach(() => vi.restoreAllMocks());

test("a thrown value that is not an Error is shown as its JSON, never as [object Object]", () => {
  expect(formatError({ code: "EBROKEN", status: 7 })).toEqual({
    name: "UnexpectedError",
    message: '{"code":"EBROKEN","status":7}',
    exitCode: 1,
  });
  expect(formatError("plain words").message).toBe("plain words");
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  expect(formatError(circular).message).toBe("[object Object]");
});

test("a non-Error cause in a reportsite error's chain is printed as its JSON (with --debug)", () => {
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
  printError(
    new DeployError("upload of a.csv failed", { phase: "upload", hint: "run again", cause: { Code: 503 } }),
    true,
  );
  expect(lines.slice(0, 3)).toEqual(["upload of a.csv failed", "hint: run again", '  1. {"Code":503}']);
});

test("a bug is printed with its stack and asks to be reported; a user's error has no stack without --debug", () => {
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
  const bug = new BugError("the counts add up to 5, but 6 rows were read");
  printError(bug, false);
  expect(lines[0]).toBe("internal error, a bug in reportsite: the counts add up to 5, but 6 rows were read");
  expect(lines[1]).toMatch(/^hint: This is a bug in reportsite.*report it/);
  expect(lines).toContain(bug.stack);
  expect(bug.stack).toMatch(/\n\s+at /);
  lines.length = 0;
  printError(new DeployError("upload of a.csv failed", { phase: "upload" }), false);
  expect(lines).toEqual(["upload of a.csv failed"]);
  expect(formatError(bug)).toMatchObject({ name: "BugError", exitCode: 1 });
});
