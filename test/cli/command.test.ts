import { describe, expect, test } from "vitest";
import { defineCommand, parseCommandArgs } from "../../src/cli/command.js";
import { expectReportsiteError } from "../support/errors.js";

const share = defineCommand({
  usage: "reportsite share <key> [--expires 1h] [--open]",
  flags: { expires: "how long the link works", open: "open it" },
  options: { expires: { type: "string" }, open: { type: "boolean" } },
  run: () => Promise.resolve(),
});

describe("parseCommandArgs", () => {
  test("flags become values, the rest positionals", () => {
    expect(parseCommandArgs(share, ["2019/jan.csv", "--expires", "2h", "--open"])).toEqual({
      values: { expires: "2h", open: true },
      positionals: ["2019/jan.csv"],
    });
  });

  test("no flags: empty values", () => {
    expect(parseCommandArgs(share, ["a.csv"])).toEqual({ values: {}, positionals: ["a.csv"] });
  });

  test("--flag=value works like --flag value", () => {
    expect(parseCommandArgs(share, ["--expires=15m"]).values).toEqual({ expires: "15m" });
  });

  test("an unknown flag is a usage error (exit 2) that shows the usage line", async () => {
    const error = await expectReportsiteError(() => parseCommandArgs(share, ["a.csv", "--frob"]), {
      name: "UsageError",
      message: /Unknown option '--frob'/,
      exitCode: 2,
    });
    expect(error.message).toMatch(/\nUsage: reportsite share <key> \[--expires 1h\] \[--open\]$/);
    expect(error.message).not.toMatch(/To specify a positional argument/);
  });

  test("a string flag without its value is a usage error", async () => {
    await expectReportsiteError(() => parseCommandArgs(share, ["--expires"]), {
      name: "UsageError",
      message: /--expires/,
      exitCode: 2,
    });
  });
});
