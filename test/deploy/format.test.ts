import { describe, expect, test } from "vitest";
import { formatReport, type SyncReport } from "../../src/deploy/index.js";

function report(overrides: Partial<SyncReport>): SyncReport {
  return { uploaded: [], skipped: 0, deleted: [], leftInPlace: 0, bytes: 0, seconds: 0, ...overrides };
}

describe("formatReport: the one summary line of a deploy", () => {
  test("nothing uploaded or deleted -> no changes, with the unchanged count", () => {
    expect(formatReport(report({ skipped: 12, seconds: 0.4 }))).toBe("No changes required (12 files unchanged).");
  });

  test("uploads and deletes -> counts, bytes and time", () => {
    const line = formatReport(
      report({
        uploaded: [
          { key: "2019/jan/final_report.csv", reason: "new" },
          { key: "2019/jan/final_report.html", reason: "content changed" },
          { key: "index.html", reason: "index" },
        ],
        skipped: 10,
        deleted: ["2018/dec/final_report.csv"],
        bytes: 45_230,
        seconds: 1.24,
      }),
    );
    expect(line).toBe("Uploaded 3, skipped 10, deleted 1 (45.2 kB in 1.2s).");
  });

  test("only deletes still counts as a change", () => {
    expect(formatReport(report({ deleted: ["old.csv"], skipped: 2, bytes: 0, seconds: 2 }))).toBe(
      "Uploaded 0, skipped 2, deleted 1 (0 B in 2.0s).",
    );
  });
});
