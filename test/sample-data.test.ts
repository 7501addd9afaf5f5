/**
 * The generated exports the demo, the bench and many tests read: the caseAge option adds what the
 * demo's reports need (case_age_days, a "Closed" status) and leaves the bytes without it alone.
 */
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { generateDay, generateMonth } from "../scripts/sample/generate.js";
import { parseCsvSample } from "../src/init/index.js";

const DAY_MS = 86_400_000;

function sha(month: { key: string; body: string }[]): string {
  const hash = createHash("sha256");
  for (const day of month) hash.update(day.key + day.body);
  return hash.digest("hex").slice(0, 16);
}

describe("generated exports", () => {
  test("without caseAge, the bytes tests and snapshots were written against", () => {
    expect(sha(generateMonth(2019, 1))).toBe("dc7def94bd5b0336");
    expect(sha(generateMonth(2019, 2, { crlf: true, bom: true, rows: [40, 80], seed: 7 }))).toBe("466b273b78d292b2");
    expect(sha(generateMonth(2019, 3, { rows: [5, 10], seed: 3, wide: true }))).toBe("4249a2d987133fd4");
  });

  test("with caseAge: closed cases' case_age_days are the whole days from requested to updated, a few blank; the others blank", () => {
    const { header, rows } = parseCsvSample(
      generateMonth(2019, 1, { caseAge: true, wide: true })
        .map((day, i) => (i === 0 ? day.body : day.body.slice(day.body.indexOf("\n") + 1)))
        .join(""),
    );
    const col = (name: string) => header.indexOf(name);
    expect(header.at(-1)).toBe("case_age_days");
    expect(new Set(rows.map((r) => r[col("status")]))).toEqual(new Set(["Closed", "Open", "In progress"]));
    const closed = rows.filter((r) => r[col("status")] === "Closed");
    for (const r of rows.filter((r) => r[col("status")] !== "Closed")) expect(r[col("case_age_days")]).toBe("");
    const aged = closed.filter((r) => r[col("case_age_days")] !== "");
    expect(closed.length - aged.length).toBeGreaterThan(0);
    expect(closed.length - aged.length).toBeLessThan(closed.length * 0.1);
    for (const r of aged) {
      const at = (name: string) => Date.parse(`${r[col(name)]!.replace(" ", "T")}Z`);
      expect(r[col("case_age_days")]).toBe(
        String(Math.floor((at("updated_datetime") - at("requested_datetime")) / DAY_MS)),
      );
      expect(r[col("closed_datetime")]).toBe(r[col("updated_datetime")]);
    }
    // services close at different speeds, so the medians per service differ
    expect(new Set(aged.map((r) => r[col("case_age_days")])).size).toBeGreaterThan(10);
  });

  test("caseAge is deterministic", () => {
    const date = new Date(Date.UTC(2019, 2, 5));
    expect(generateDay(date, { caseAge: true })).toBe(generateDay(date, { caseAge: true }));
  });
});
