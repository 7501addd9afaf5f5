import { describe, expect, it } from "vitest";
import {
  MeasureValueError,
  NO_VALUE,
  emptyTally,
  formatMeasure,
  measureValue,
  mergeTallies,
  rowCount,
  tallyCell,
  tallyValue,
  typedTally,
  type Measure,
  type MeasureColumn,
  type PandasValue,
  type ValueTally,
} from "../../src/aggregate/index.js";
import { exactSum } from "../../src/aggregate/exact.js";
import { formatFixed } from "../../src/measure-format.js";

const column: MeasureColumn = { name: "x", missing: new Set(["", "NA"]) };

/** A tally of the given values (`undefined`: a missing cell). */
function tallyOf(values: readonly (PandasValue | undefined)[]): ValueTally {
  const tally = emptyTally();
  for (const value of values) tallyValue(tally, value);
  return tally;
}

const value = (kind: Exclude<Measure["kind"], "count" | "share">, tally: ValueTally) =>
  measureValue({ kind, column: "x" }, tally);

/** pandas' groupby quantile over the expanded, sorted values: the definition the counts must reproduce. */
function expandedQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const i = Math.trunc(position);
  const fraction = position % 1;
  return fraction === 0 ? sorted[i]! : sorted[i]! + (sorted[i + 1]! - sorted[i]!) * fraction;
}

describe("measures of a group", () => {
  it("gives pandas' answers for a group whose cells are all blank", () => {
    const blank = tallyOf([undefined, undefined, undefined]);
    expect(measureValue({ kind: "count" }, blank)).toBe(3);
    expect(value("sum", blank)).toBe(0);
    for (const kind of ["mean", "median", "min", "max", "p90"] as const) expect(value(kind, blank), kind).toBeNull();
    expect(value("distinct", blank)).toBe(0);
    expect(measureValue({ kind: "share", column: "x", values: ["closed"] }, blank)).toBe(0);
    expect(measureValue({ kind: "share", column: "x", values: ["closed"] }, emptyTally())).toBeNull();
    expect(formatMeasure({ kind: "mean", column: "x" }, null)).toBe(NO_VALUE);
  });

  it("takes the median of odd and even numbers of values from the counts", () => {
    expect(value("median", tallyOf([3, 1, 2]))).toBe(2);
    expect(value("median", tallyOf([4, 1, 2, 3]))).toBe(2.5);
    expect(value("median", tallyOf([1, 1, 1, 9]))).toBe(1);
    expect(value("median", tallyOf([1, 9, 9, undefined]))).toBe(9);
  });

  it("takes p90 by linear interpolation over the expanded values, ties included", () => {
    const cases = [
      [7],
      [1, 2],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      [0.1, 0.1, 0.7, 0.7, 0.7, 2.5, 3],
      [5, 5, 5, 5, -1.25],
    ];
    for (const values of cases)
      expect(value("p90", tallyOf(values)), String(values)).toBe(expandedQuantile(values, 0.9));
    expect(value("p90", tallyOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toBeCloseTo(9.1, 12);
  });

  it("sums exactly whatever the order, and the mean divides that sum once", () => {
    const tenths = tallyOf(Array<number>(10).fill(0.1));
    expect(
      Array<number>(10)
        .fill(0.1)
        .reduce((a, b) => a + b),
    ).not.toBe(1);
    expect(value("sum", tenths)).toBe(1);
    expect(value("mean", tenths)).toBe(0.1);
    expect(value("sum", tallyOf([1e16, 1, -1e16, 1]))).toBe(2);
    expect(
      exactSum([
        [1e308, 2],
        [-1e308, 2],
        [5e-324, 3],
      ]),
    ).toBe(1.5e-323);
    expect(value("sum", tallyOf([undefined]))).toBe(0);
  });

  it("refuses text values and infinite sums, naming the column and value", () => {
    expect(() => value("sum", tallyOf([1, "abc"]))).toThrow(MeasureValueError);
    expect(() => value("median", tallyOf([1, "abc"]))).toThrow(/column "x": the value "abc"/);
    expect(() => value("sum", tallyOf([1, Infinity]))).toThrow(/Infinity" is infinite/);
    expect(() => value("mean", tallyOf([-Infinity]))).toThrow(MeasureValueError);
    expect(value("max", tallyOf([1, Infinity]))).toBe(Infinity);
    expect(value("min", tallyOf([1, -Infinity, undefined]))).toBe(-Infinity);
  });

  it("counts distinct values as pandas holds them: one number, or three texts", () => {
    const cells = emptyTally();
    for (const cell of [" 5", "5.0", "5", "NA", ""]) tallyCell(cells, cell, column);
    expect(rowCount(cells)).toBe(5);
    expect(value("distinct", typedTally(cells, "number", column))).toBe(1);
    expect(value("distinct", typedTally(cells, "text", column))).toBe(3);
    expect(typedTally(cells, "number", column).missing).toBe(2);
  });

  it("shares rows over all rows, blanks in the denominator; a number matches only numbers", () => {
    const tally = tallyOf(["closed", "open", "closed", undefined, 5]);
    expect(measureValue({ kind: "share", column: "s", values: ["closed"] }, tally)).toBe(0.4);
    expect(measureValue({ kind: "share", column: "s", values: ["5"] }, tally)).toBe(0);
    expect(measureValue({ kind: "share", column: "s", values: [5, "open"] }, tally)).toBe(0.4);
    expect(measureValue({ kind: "share", column: "s", values: ["NA", ""] }, tally)).toBe(0);
  });

  it("merges the tallies of several files without changing them", () => {
    const a = tallyOf([1, 2, undefined]);
    const b = tallyOf([2, 3]);
    const month = mergeTallies(a, b);
    expect(rowCount(month)).toBe(5);
    expect([...month.counts]).toEqual([
      [1, 1],
      [2, 2],
      [3, 1],
    ]);
    expect(rowCount(a)).toBe(3);
    expect(value("median", month)).toBe(2);
  });
});

describe("printing", () => {
  it("prints fixed decimals as Python's format() does: an exact tie to the even digit", () => {
    expect(formatFixed(0.125, 2)).toBe("0.12");
    expect((0.125).toFixed(2)).toBe("0.13");
    expect(formatFixed(0.375, 2)).toBe("0.38");
    expect(formatFixed(2.675, 2)).toBe("2.67");
    expect(formatFixed(-0.001, 2)).toBe("-0.00");
    expect(formatFixed(-0, 2)).toBe("0.00");
    expect(formatFixed(1e21, 2)).toBe("1000000000000000000000.00");
    expect(formatFixed(5e-324, 2)).toBe("0.00");
    expect(formatFixed(-Infinity, 2)).toBe("-inf");
    expect(formatFixed(12.5, 0)).toBe("12");
  });

  it("prints counts as integers, shares as percentages, the rest with two decimals", () => {
    expect(formatMeasure({ kind: "count" }, 12)).toBe("12");
    expect(formatMeasure({ kind: "distinct", column: "d" }, 3)).toBe("3");
    expect(formatMeasure({ kind: "share", column: "s", values: ["closed"] }, 1 / 3)).toBe("33.3%");
    expect(formatMeasure({ kind: "mean", column: "x" }, 2.5)).toBe("2.50");
    expect(formatMeasure({ kind: "median", column: "x" }, NaN)).toBe(NO_VALUE);
  });
});
