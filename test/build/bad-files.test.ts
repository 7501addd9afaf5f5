/** badFilesError: every bad file of every month in one error, capped, with how many more. */
import { describe, expect, test } from "vitest";
import { BAD_FILES_SHOWN, badFilesError } from "../../src/build/bad-files.js";

/** A month with `n` bad files of `files`. */
function month(id: string, n: number, files = 31) {
  const unreadable = Array.from({ length: n }, (_, i) => {
    const key = `${id}-${String(i + 1).padStart(2, "0")}.csv`;
    return { key, reason: `${key}: line 2: expected 11 fields (as in the header), found 12` };
  });
  return { month: id, files, unreadable };
}

describe("badFilesError", () => {
  test("one month: the month, how many of its files, each file's reason", () => {
    const error = badFilesError([month("2019-02", 1, 28)]);
    expect(error.message).toBe(
      "2019-02: 1 of 28 raw files cannot be read; no report was written for this month:\n  - 2019-02-01.csv: line 2: expected 11 fields (as in the header), found 12",
    );
    expect(error.key).toBe("2019-02-01.csv");
    expect(error.hint).toMatch(/--skip-bad-files/);
  });

  test(`many months: the first ${BAD_FILES_SHOWN} files named, then how many more, and where`, () => {
    const months = [
      month("2019-01", 15),
      month("2019-02", 10),
      ...Array.from({ length: 14 }, (_, i) => month(`2020-${String(i + 1).padStart(2, "0")}`, 31)),
    ];
    const lines = badFilesError(months).message.split("\n");
    expect(lines[0]).toBe("459 raw files in 16 months cannot be read; nothing was built:");
    expect(lines.filter((l) => / - 20\d\d-\d\d-\d\d\.csv: line 2/.test(l))).toHaveLength(BAD_FILES_SHOWN);
    expect(lines).toContain("2019-02: 10 of 31 raw files cannot be read; no report was written for this month:");
    expect(lines).toContain("  - … and 5 more");
    expect(lines.at(-1)).toBe(
      "… and 434 more files in 14 more months: 2020-01 (31), 2020-02 (31), 2020-03 (31), 2020-04 (31), 2020-05 (31), 2020-06 (31), 2020-07 (31), 2020-08 (31), 2020-09 (31), 2020-10 (31), 2020-11 (31), 2020-12 (31), …",
    );
    expect(badFilesError(months).hint).toMatch(/all of them are named as warnings with --skip-bad-files/);
  });
});
