/** Cells read from the bytes: one string per distinct value of a column, and timestamps read in place. */
import { describe, expect, test } from "vitest";
import { PANDAS_MISSING_VALUES, type ReportDefinition } from "../../src/config/index.js";
import { CellTexts } from "../../src/source/cells.js";
import { readTimestamp } from "../../src/timestamp.js";
import { scanCsv, tallySpecOf } from "../../src/source/index.js";

/** Each cell of `cells` read from one buffer, as the scanner reads them (comma-separated). */
function readAll(reader: CellTexts, cells: readonly string[]): string[] {
  const bytes = Buffer.from(cells.join(","));
  const texts: string[] = [];
  let start = 0;
  for (const cell of cells) {
    const end = start + Buffer.byteLength(cell);
    texts.push(reader.read(bytes, start, end));
    start = end + 1;
  }
  return texts;
}

describe("CellTexts", () => {
  test("equal bytes give the same text, different bytes different text, whatever the number of values", () => {
    const values = Array.from({ length: 6000 }, (_, i) => (i % 7 === 0 ? `é${i}` : `v${i}`));
    const cells = [...values, ...values, "", "", "Pothole", "Pothole "];
    expect(readAll(new CellTexts(), cells)).toEqual(cells);
  });

  test("a value met again is the string made the first time (no new string to hash in the tallies)", () => {
    const [a, b, c] = readAll(new CellTexts(), ["Pothole", "Graffiti", "Pothole"]);
    expect([a, b, c]).toEqual(["Pothole", "Graffiti", "Pothole"]);
    expect(Object.is(a, c)).toBe(true);
  });

  test("long cells, and cells past the values kept, are read whole each time", () => {
    const long = "x".repeat(500);
    const many = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    expect(readAll(new CellTexts(), [long, `${long}y`, long, ...many, ...many.slice(-3)])).toEqual([
      long,
      `${long}y`,
      long,
      ...many,
      ...many.slice(-3),
    ]);
  });
});

describe("readTimestamp reads the cell's bytes and no further", () => {
  const read = (text: string, start: number, end: number) => {
    const into = { date: "", hour: "" };
    return readTimestamp(Buffer.from(text), start, end, into) ? into : undefined;
  };

  test("a cell among others: the bytes after its end are not part of it", () => {
    expect(read("x,2019-01-05T14:30,99", 2, 18)).toEqual({ date: "2019-01-05", hour: "14" });
    expect(read("x,2019-01-05T14:3,99", 2, 17)).toBeUndefined(); // the minutes end at the cell's end
    expect(read("2019-01-05 07:00:00Z,", 0, 20)).toEqual({ date: "2019-01-05", hour: "07" });
    expect(read("2019-01-05,T07", 0, 10)).toEqual({ date: "2019-01-05", hour: "00" });
    expect(read("2019-01-05T07:00+01:0,0", 0, 21)).toBeUndefined();
  });

  test("the date string of the previous cell is kept while the day is the same, and replaced when it changes", () => {
    const into = { date: "", hour: "" };
    const bytes = Buffer.from("2019-01-05T01:00,2019-01-05T02:00,2019-01-06T03:00,2019-13-06T03:00");
    expect(readTimestamp(bytes, 0, 16, into)).toBe(true);
    const first = into.date;
    expect(readTimestamp(bytes, 17, 33, into)).toBe(true);
    expect(Object.is(into.date, first)).toBe(true);
    expect(readTimestamp(bytes, 34, 50, into)).toBe(true);
    expect(into).toEqual({ date: "2019-01-06", hour: "03" });
    expect(readTimestamp(bytes, 51, 67, into)).toBe(false);
    expect(into).toEqual({ date: "2019-01-06", hour: "03" });
  });
});

describe("a timestamp column in the scan", () => {
  const report = (groupBy: ReportDefinition["groupBy"]): ReportDefinition => ({
    id: "r",
    title: "R",
    groupBy,
    measure: { kind: "count" },
    filter: [],
    chart: "bar",
    files: { csv: "r.csv", table: "r.html", chart: "r_chart.html" },
    maxGroups: 1000,
  });
  const byHour = tallySpecOf(report([{ column: "t", part: "hour" }]));
  const whole = tallySpecOf(report([{ column: "t" }]));
  const scan = (csv: string, missingValues: readonly string[] = PANDAS_MISSING_VALUES) =>
    scanCsv(Buffer.from(csv), "2019_jan_10_gid_requests.csv", {
      requiredColumns: [],
      specs: [byHour, whole],
      missingValues,
    });

  test("read whole by one report and by its hour by another, quoted or not", () => {
    const file = scan('t\n2019-01-05T14:30\n"2019-01-05 15:00"\n2019-01-05T14:30\nNA\n');
    expect(file.tallies[0]).toEqual([
      ["14", 2],
      ["15", 1],
      ["", 1],
    ]);
    expect(file.tallies[1]).toEqual([
      ["2019-01-05T14:30", 2],
      ["2019-01-05 15:00", 1],
      ["NA", 1],
    ]);
  });

  test("a missing marker that reads as a timestamp is missing, not a time", () => {
    const file = scan("t\n1970-01-01\n2019-01-05T14:30\n", [...PANDAS_MISSING_VALUES, "1970-01-01"]);
    expect(file.tallies[0]).toEqual([
      ["", 1],
      ["14", 1],
    ]);
  });
});
