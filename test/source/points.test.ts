/**
 * The scanner bins each row's coordinates into the grid in its one pass: the cells' counts equal a
 * binning written here from the grid's definition alone (not map-grid.ts), and the rows without a
 * usable location are counted, never placed.
 */
import { describe, expect, test } from "vitest";
import { PANDAS_MISSING_VALUES, type ReportDefinition } from "../../src/config/index.js";
import {
  pointsSpecOf,
  scanCsv,
  scanPoolFor,
  tallySignature,
  tallySpecOf,
  type TallySpec,
} from "../../src/source/index.js";
import { pointCellsOf } from "../../src/aggregate/index.js";
import { generateDay } from "../../scripts/sample/generate.js";

/** The grid's definition: bands of latitude `size` metres tall from the equator, cut into columns `size` metres wide at the band's middle. */
function referenceCell(lat: number, lng: number, size: number): string {
  const metresPerDegree = 111_195; // the grid defines a degree as 111,195 m (a sphere of radius 6,371,009 m, rounded)
  const band = Math.floor((lat * metresPerDegree) / size);
  const middle = ((band + 0.5) * size) / metresPerDegree;
  const columnWidthDegrees = size / (metresPerDegree * Math.cos((middle / 180) * Math.PI));
  return `${band},${Math.floor(lng / columnWidthDegrees)}`;
}

/** Rows whose location is not usable, by the rule of the issue: blank, not a number, out of range, 0,0. */
function referenceUsable(latText: string, lngText: string): boolean {
  const number = (t: string) => (/^-?\d+(\.\d+)?$/.test(t.trim()) ? Number(t) : Number.NaN);
  const lat = number(latText);
  const lng = number(lngText);
  if (Number.isNaN(lat) || Number.isNaN(lng)) return false;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return false;
  return !(lat === 0 && lng === 0);
}

const report = (over: Partial<ReportDefinition>): ReportDefinition => ({
  id: "where",
  title: "Where",
  groupBy: [{ column: "service_name" }],
  measure: { kind: "count" },
  filter: [],
  chart: "bar",
  files: { csv: "where.csv", table: "where.html", chart: "where_chart.html" },
  maxGroups: 1000,
  points: { lat: "lat", lng: "lng", cellSize: 500, minCount: 5 },
  ...over,
});

/** A month's worth of generated rows, and a few whose location cannot be used. */
const BAD_ROWS = [
  ["Pothole in Street", "", "-117.1"],
  ["Pothole in Street", "NA", "NA"],
  ["Graffiti Removal", "32.7x", "-117.1"],
  ["Graffiti Removal", "0", "0"],
  ["Graffiti Removal", "0.000", "0.0"],
  ["Graffiti Removal", "95.5", "-117.1"],
  ["Graffiti Removal", "32.7", "-190"],
  ["Graffiti Removal", "0x20", "-117.1"],
  ["Graffiti Removal", "Infinity", "-117.1"],
];

function csvWithBadRows(day: number): string {
  const generated = generateDay(new Date(Date.UTC(2019, 0, day)), { rows: [200, 200] });
  const header = generated.split("\n")[0]!.split(",");
  const blank = header.map(() => "");
  const bad = BAD_ROWS.map(([service, lat, lng]) => {
    const row = [...blank];
    row[header.indexOf("service_name")] = service!;
    row[header.indexOf("lat")] = lat!;
    row[header.indexOf("lng")] = lng!;
    return row.join(",");
  });
  return `${generated}${bad.join("\n")}\n`;
}

/** Every row's service, lat and lng, read with a CSV reader of its own (quoted fields with commas and newlines). */
function rowsOf(csv: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== "," && c !== "\n")) field += c;
    else {
      endField();
      if (c === "\n") {
        records.push(row);
        row = [];
      }
    }
  }
  const [header, ...rest] = records;
  return rest.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])));
}

function referenceTally(rows: readonly Record<string, string>[], size: number): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const row of rows) {
    const cell = referenceUsable(row.lat!, row.lng!) ? referenceCell(Number(row.lat), Number(row.lng), size) : null;
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return counts;
}

const scan = (csv: string, specs: TallySpec[]) =>
  scanCsv(Buffer.from(csv), "2019_jan_10_gid_requests.csv", {
    requiredColumns: [],
    specs,
    missingValues: PANDAS_MISSING_VALUES,
  });

describe("binning in the scanner's pass", () => {
  test.each([500, 250, 2000])("the cells' counts equal the reference binning (%i m)", (size) => {
    const csv = csvWithBadRows(10);
    const spec = pointsSpecOf(report({ points: { lat: "lat", lng: "lng", cellSize: size, minCount: 5 } }))!;
    const tally = scan(csv, [tallySpecOf(report({})), spec]);
    const got = new Map(tally.tallies[1]!.map(([cell, n]) => [cell as string | null, n as number]));
    const expected = referenceTally(rowsOf(csv), size);
    expect(got).toEqual(expected);
    // every bad row is unlocated, and nothing else is
    expect(got.get(null)).toBe(BAD_ROWS.length);
    expect([...got.values()].reduce((a, b) => a + b, 0)).toBe(tally.rows);
  });

  test("the same bins on worker threads", async () => {
    const csv = csvWithBadRows(12);
    const specs = [tallySpecOf(report({})), pointsSpecOf(report({}))!];
    const pool = scanPoolFor(Number.MAX_SAFE_INTEGER);
    try {
      const options = { requiredColumns: [], specs, missingValues: PANDAS_MISSING_VALUES };
      const threaded = await pool.scan(Buffer.from(csv), "2019_jan_12_gid_requests.csv", options);
      expect(threaded.tallies).toEqual(scan(csv, specs).tallies);
      expect(threaded.tallies[1]!.length).toBeGreaterThan(50);
    } finally {
      await pool.close();
    }
  });

  test("the report's filter applies: only the rows it keeps are binned", () => {
    const csv = csvWithBadRows(11);
    const filter = [{ column: "service_name", values: ["Graffiti Removal"], keep: "listed" as const }];
    const tally = scan(csv, [pointsSpecOf(report({ filter }))!]);
    const kept = rowsOf(csv).filter((r) => r.service_name === "Graffiti Removal");
    const got = new Map(tally.tallies[0]!.map(([cell, n]) => [cell as string | null, n as number]));
    expect(got).toEqual(referenceTally(kept, 500));
    expect(got.get(null)).toBe(BAD_ROWS.length - 2);
  });

  test("a file without the coordinate columns has every row unlocated, and says the columns are absent", () => {
    const tally = scan("service_name\nPothole\nGraffiti\n", [pointsSpecOf(report({}))!]);
    expect(tally.tallies[0]).toEqual([[null, 2]]);
    expect(tally.absentColumns).toEqual(["lat", "lng"]);
  });

  test("the signature names the cell size (a new size reads the files again) but not minCount (only the page changes)", () => {
    const at = (cellSize: number, minCount: number) =>
      tallySignature(pointsSpecOf(report({ points: { lat: "lat", lng: "lng", cellSize, minCount } }))!);
    expect(at(500, 5)).toBe(at(500, 9));
    expect(at(500, 5)).not.toBe(at(1000, 5));
    expect(at(500, 5)).not.toBe(tallySignature(tallySpecOf(report({}))));
    // a report without points keeps its signature of before
    expect(tallySignature(tallySpecOf(report({})))).toBe('{"keys":[["service_name"]],"filter":[]}');
  });
});

describe("the month's cells", () => {
  test("cells with fewer than minCount rows are not published; their rows are counted as hidden", () => {
    const files = [
      [
        ["10,20", 3],
        ["10,21", 1],
        [null, 2],
      ],
      [
        ["10,20", 2],
        ["11,20", 4],
        [null, 1],
      ],
    ];
    const points = pointCellsOf(files, { cellSize: 500, minCount: 5 });
    expect(points.cells).toEqual([{ row: 10, col: 20, count: 5 }]);
    expect(points).toMatchObject({ located: 10, hidden: 5, unlocated: 3, cellSize: 500, minCount: 5 });
  });

  test("from a month of generated files: no published cell holds fewer than minCount rows, and every row is accounted for", () => {
    const csvs = [1, 2, 3, 4, 5].map(csvWithBadRows);
    const spec = pointsSpecOf(report({ points: { lat: "lat", lng: "lng", cellSize: 1000, minCount: 4 } }))!;
    const tallies = csvs.map((csv) => scan(csv, [spec]).tallies[0]!);
    const points = pointCellsOf(tallies, { cellSize: 1000, minCount: 4 });
    const reference = referenceTally(csvs.flatMap(rowsOf), 1000);
    const small = [...reference].filter(([cell, n]) => cell !== null && n < 4);
    expect(small.length).toBeGreaterThan(0);
    expect(points.cells.every((c) => c.count >= 4)).toBe(true);
    expect(points.cells.map((c) => `${c.row},${c.col}`).sort()).toEqual(
      [...reference]
        .filter(([cell, n]) => cell !== null && n >= 4)
        .map(([cell]) => cell)
        .sort(),
    );
    expect(points.hidden).toBe(small.reduce((sum, [, n]) => sum + n, 0));
    expect(points.unlocated).toBe(5 * BAD_ROWS.length);
    expect(points.located + points.unlocated).toBe(csvs.flatMap(rowsOf).length);
  });
});
