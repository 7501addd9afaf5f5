import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  MISSING,
  MeasureValueError,
  kindWith,
  pandasValue,
  parseMeasureValue,
  type ColumnKind,
  type MeasureColumn,
} from "../../src/aggregate/index.js";

const column: MeasureColumn = {
  name: "days",
  missing: new Set(["", "NA", "N/A", "NULL", "#N/A", "NaN", "nan", "-nan"]),
};
const parse = (cell: string) => parseMeasureValue(cell, column);

/** The error parseMeasureValue throws for a cell, or undefined when it reads one. */
function errorOf(cell: string): MeasureValueError | undefined {
  try {
    parse(cell);
    return undefined;
  } catch (error) {
    if (error instanceof MeasureValueError) return error;
    throw error;
  }
}

describe("parseMeasureValue", () => {
  it("reads spaces around a number, a plus sign, quotes already removed", () => {
    for (const cell of [" 5", "5 ", " 5 ", "\t5", "5\t", "+5", "5"]) expect(parse(cell), cell).toBe(5);
  });

  it("reads exponents, a bare point on either side, negatives and leading zeros", () => {
    expect(parse("1e3")).toBe(1000);
    expect(parse("1E3")).toBe(1000);
    expect(parse("1.5e+2")).toBe(150);
    expect(parse("5e-3")).toBe(0.005);
    expect(parse(".5")).toBe(0.5);
    expect(parse("5.")).toBe(5);
    expect(parse("-.5")).toBe(-0.5);
    expect(parse("-00.5")).toBe(-0.5);
    expect(parse("00012")).toBe(12);
    expect(parse("-2.25")).toBe(-2.25);
  });

  it("keeps pandas' 17 digits: 0.30000000000000004 is 0.3, as pandas reads it", () => {
    expect(parse("0.30000000000000004")).toBe(0.3);
    expect(Number("0.30000000000000004")).not.toBe(0.3);
    expect(parse("0.1234567890123456789")).toBe(0.1234567890123456);
  });

  it("reads pandas' spellings of infinity, in any case, with no spaces", () => {
    for (const cell of ["inf", "INF", "Infinity", "+inf", "infinity"]) expect(parse(cell), cell).toBe(Infinity);
    for (const cell of ["-inf", "-Infinity", "-INF"]) expect(parse(cell), cell).toBe(-Infinity);
    expect(errorOf("Inf ")).toBeDefined();
    expect(errorOf("infinit")).toBeDefined();
  });

  it("underflows tiny numbers to 0 and refuses overflowing ones", () => {
    expect(parse("4e-330")).toBe(0);
    expect(parse("1e-400")).toBe(0);
    expect(parse("1e308")).toBe(1e308);
    expect(errorOf("1e400")).toBeDefined();
    expect(errorOf("1.8e308")).toBeDefined();
  });

  it("gives MISSING for exactly a missing marker, and only exactly", () => {
    for (const cell of ["", "NA", "N/A", "NULL", "#N/A", "NaN", "nan", "-nan"]) expect(parse(cell), cell).toBe(MISSING);
    expect(errorOf(" NA")).toBeDefined();
    expect(errorOf("NaN ")).toBeDefined();
  });

  it("refuses text, naming the column and the value", () => {
    const cells = [
      "  ",
      "1,000",
      "0x10",
      "1_000",
      "1e",
      "1e+",
      ".",
      "-",
      "nan5",
      "+nan",
      "True",
      "False",
      "١",
      "5\u00a0",
    ];
    for (const cell of cells) {
      const error = errorOf(cell);
      expect(error, JSON.stringify(cell)).toBeInstanceOf(MeasureValueError);
      expect(error?.column).toBe("days");
      expect(error?.value).toBe(cell);
      expect(error?.message).toContain(`"days"`);
      expect(error?.message).toContain(JSON.stringify(cell));
    }
  });

  it("refuses integers pandas' two readers would not agree on", () => {
    expect(parse("9007199254740992")).toBe(2 ** 53);
    expect(errorOf("9007199254740993")?.message).toContain("more digits");
    expect(errorOf("000000000000000001234")?.message).toContain("more digits");
    expect(parse("-0")).toBe(0);
  });

  it("refuses decimals whose digits before the point overflow pandas' 64-bit integer readers", () => {
    expect(parse("18446744073709551615.5")).toBe(1.8446744073709552e19);
    expect(errorOf("18446744073709551616.5")?.message).toContain("more digits");
    expect(parse("-9223372036854775808.5")).toBe(-9.223372036854778e18);
    expect(errorOf("-9223372036854775809.5")?.message).toContain("more digits");
  });
});

describe("kindWith", () => {
  const kindOf = (cells: string[]) => cells.reduce<ColumnKind>((kind, cell) => kindWith(kind, cell, column), "empty");

  it("is number, boolean or text as pandas reads the whole column, ignoring missing cells", () => {
    expect(kindOf([])).toBe("empty");
    expect(kindOf(["", "NA"])).toBe("empty");
    expect(kindOf(["1", "", "2.5"])).toBe("number");
    expect(kindOf(["True", "NA", "false"])).toBe("boolean");
    expect(kindOf(["True", "1"])).toBe("text");
    expect(kindOf(["1", "abc", "2"])).toBe("text");
  });

  it("refuses a number pandas reads differently depending on the other rows, even where no sum is taken", () => {
    expect(() => kindWith("empty", "9007199254740993", column)).toThrow(MeasureValueError);
    expect(() => kindWith("number", "-9223372036854775809.5", column)).toThrow(MeasureValueError);
    expect(kindWith("empty", "123abc", column)).toBe("text");
  });

  it("gives the values pandas holds: numbers merge, booleans are 1 and 0, text stays text", () => {
    expect(pandasValue(" 5", "number", column)).toBe(5);
    expect(pandasValue("TRUE", "boolean", column)).toBe(1);
    expect(pandasValue("false", "boolean", column)).toBe(0);
    expect(pandasValue(" 5", "text", column)).toBe(" 5");
  });
});

/** What pandas makes of each cell: alone in a column, and beside a decimal. */
function pandasCells(cells: string[]): {
  naValues: string[];
  cells: { alone: { dtype: string; value: string | null }; beside: { dtype: string; value: string | null } }[];
} {
  const out = execFileSync("/usr/bin/python3", ["test/support/pandas-measures.py", "cells", JSON.stringify(cells)], {
    encoding: "utf8",
  });
  return JSON.parse(out);
}

describe("parseMeasureValue against pandas", () => {
  it("reads every cell as pandas does, or refuses it where pandas reads text", () => {
    const cells = [
      ...[" 5", "+5", "1e3", ".5", "5.", "-0", "-0.0", "00012", "1.5E+2", "-00.5", "0e0", "1.e3", "4e-330", "1e-5"],
      ...["0.30000000000000004", "1.000000000000000000000000000001", "123456789.123456789", "98765432109876543.5"],
      ...["18446744073709551615.5", "-9223372036854775808.5", "\t-1.5e2 ", " .5 ", "123456789012345678.5"],
      ...["2.2250738585072011e-308", "4.9e-324", "1.7976931348623157e308", "0.1", "-3.14159265358979323846"],
      ...["inf", "-Infinity", "INF", "NA", "", "N/A", "NULL", "#N/A", "NaN", "nan", "-nan", "null", "n/a", "<NA>"],
      ...["  ", "1,000", "0x10", "1e", ".", "nan5", "+nan", "1e400", "Inf ", " NA", "True", "abc", "1 000"],
      ...randomDecimals(200),
    ];
    const answer = pandasCells(cells);
    const all: MeasureColumn = { name: "x", missing: new Set(answer.naValues) };
    cells.forEach((cell, i) => {
      const { alone, beside } = answer.cells[i]!;
      const ours = (() => {
        try {
          const value = parseMeasureValue(cell, all);
          return value === MISSING ? value : value + 0;
        } catch {
          return "text";
        }
      })();
      if (alone.dtype === "object" || alone.dtype === "bool") expect(ours, JSON.stringify(cell)).toBe("text");
      else if (alone.value === null) expect(ours, JSON.stringify(cell)).toBe(MISSING);
      // -0 and 0: pandas' integer reader gives 0 and its float reader -0; pages print both as 0
      else for (const read of [alone, beside]) expect(ours, JSON.stringify(cell)).toBe(pythonNumber(read.value!) + 0);
    });
  });
});

/** A float's repr() in Python as a number: the shortest text that reads back as it, or inf. */
function pythonNumber(repr: string): number {
  return repr === "inf" ? Infinity : repr === "-inf" ? -Infinity : Number(repr);
}

/** Decimal texts of up to 22 digits with exponents, seeded so a failure repeats. */
function randomDecimals(n: number): string[] {
  let seed = 12345;
  const next = (m: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * m);
  };
  return Array.from({ length: n }, () => {
    const digits = Array.from({ length: 1 + next(22) }, () => String(next(10))).join("");
    const point = next(digits.length + 1);
    const exponent = next(3) === 0 ? `e${next(600) - 300}` : "";
    return `${next(4) === 0 ? "-" : ""}${digits.slice(0, point)}.${digits.slice(point)}${exponent}`;
  });
}
