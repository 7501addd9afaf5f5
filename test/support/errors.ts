/** expectReportsiteError: the error's class, message and exit code in one assertion. */
import { expect } from "vitest";
import { ReportsiteError } from "../../src/errors.js";

export async function expectReportsiteError(
  fn: () => unknown,
  expected: { name: string; message?: RegExp | string; hint?: RegExp | string; exitCode?: number },
): Promise<ReportsiteError> {
  let caught: unknown;
  try {
    await fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected an error to be thrown").toBeInstanceOf(ReportsiteError);
  const error = caught as ReportsiteError;
  expect(error.name).toBe(expected.name);
  if (expected.message !== undefined) expect(error.message).toMatch(expected.message);
  if (expected.hint !== undefined) expect(error.hint).toMatch(expected.hint);
  if (expected.exitCode !== undefined) expect(error.exitCode).toBe(expected.exitCode);
  return error;
}
