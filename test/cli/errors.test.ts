import { afterEach, expect, test, vi } from "vitest";
import { formatError, printError } from "../../src/cli/errors.js";
import { DeployError } from "../../src/errors.js";

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
