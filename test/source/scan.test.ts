/** The fast reader reads what pandas reads, and what the careful reader reads, and names the line of bad input. */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { reportFromCounts } from "../../src/aggregate/index.js";
import { PANDAS_MISSING_VALUES } from "../../src/config/index.js";
import { scanCsv, scanPoolFor, type FileTally } from "../../src/source/index.js";
import { parseCsvStream } from "../support/careful-reader/parse.js";
import { expectReportsiteError } from "../support/errors.js";
import { pandasCounts } from "../support/pandas.js";
import { tempDir } from "../support/s3.js";
import { counting } from "../support/tally.js";

const KEY = "2019_jan_10_gid_requests.csv";
const COUNT_COLUMNS = ["service_name", "case_record_type"];
const options = { requiredColumns: [], ...counting(COUNT_COLUMNS) };
const scan = (content: string | Buffer, countColumns = COUNT_COLUMNS): FileTally =>
  scanCsv(typeof content === "string" ? Buffer.from(content) : content, KEY, {
    requiredColumns: [],
    ...counting(countColumns),
  });
const counts = (file: FileTally) =>
  Object.fromEntries(file.tallies[0]!.map((r) => [JSON.stringify(r.slice(0, -1)), r.at(-1)]));

describe("scanCsv reads what pandas reads", () => {
  test("quoted commas, quotes and newlines, BOM, CRLF, blank and whitespace-only lines", () => {
    const file = scan(
      '\ufeffid,service_name,case_record_type\r\n1,"Pothole, big",Request\r\n2,"Says ""hi""\r\nline 2",Complaint\r\n\r\n   \r\n3,,Request\r\n',
    );
    expect(file.header).toEqual(["id", "service_name", "case_record_type"]);
    expect(file.rows).toBe(3);
    expect(counts(file)).toEqual({
      '["Pothole, big","Request"]': 1,
      '["Says \\"hi\\"\\r\\nline 2","Complaint"]': 1,
      '["","Request"]': 1,
    });
  });

  test("mixed LF, CRLF and CR line endings; a last line without a line break", () => {
    const file = scan('case_record_type,service_name\nRequest,A\r\nRequest,A\nInquiry,"B\r\nC"\rRequest,D');
    expect(counts(file)).toEqual({ '["A","Request"]': 2, '["B\\r\\nC","Inquiry"]': 1, '["D","Request"]': 1 });
  });

  test("a header-only file is a day with no rows (pandas reads 0 rows)", () => {
    expect(scan("service_name,case_record_type\r\n")).toMatchObject({ rows: 0, tallies: [[]] });
  });

  test("text after a closing quote, quotes inside a field, and odd quoting equal pandas", () => {
    const dir = tempDir("quotes-");
    const csv =
      'service_name,case_record_type\n"Pothole" ,TSW\n"Pothole"x,TSW\nab"c"d,X\n"a""b"c""d,Y\n" lead",Z\n"",Q\n"x"",y",W\n';
    writeFileSync(join(dir, "q.csv"), csv);
    const pandas = pandasCounts([join(dir, "q.csv")], ["service_name"], "case_record_type");
    const ours = scan(csv);
    const report = reportFromCounts([ours.tallies[0]!], COUNT_COLUMNS, {
      groupBy: ["service_name"],
      chartField: "case_record_type",
      missingValues: pandas.naValues,
    });
    const named = (report.breakdown.objects() as Record<string, string | number>[])
      .filter((r) => r.service_name !== "(blank)")
      .map((r) => [r.service_name, r.case_record_type, r.count]);
    expect(named.sort()).toEqual([...pandas.breakdown].sort());
    expect(ours.rows).toBe(pandas.rows);
  });

  test("two-column groups are counted by exact value pairs, never merged by a joined key", () => {
    const dir = tempDir("pairs-");
    const csv = 'service_name,district,case_record_type\n"A""|""B",C,R\nA,"B""|""C",R\n"A|B",C,R\nA,B|C,R\n';
    writeFileSync(join(dir, "p.csv"), csv);
    const pandas = pandasCounts([join(dir, "p.csv")], ["service_name", "district"], "case_record_type");
    const file = scan(csv, ["service_name", "district", "case_record_type"]);
    const report = reportFromCounts([file.tallies[0]!], ["service_name", "district", "case_record_type"], {
      groupBy: ["service_name", "district"],
      chartField: "case_record_type",
      missingValues: [""],
    });
    const ours = (report.counts.objects() as Record<string, string | number>[]).map((r) => [
      r.service_name,
      r.district,
      r.count,
    ]);
    expect(ours.sort()).toEqual([...pandas.counts].sort());
    expect(report.counts.numRows()).toBe(4);
    expect(report.breakdown.numRows()).toBe(4);
  });
});

describe("a count column some files lack (exports whose columns change over the years)", () => {
  const older = "service_name,case_record_type\nPothole,Request\nGraffiti,Request\nPothole,Inquiry\n";
  // text districts: pandas would read digits as numbers (1.0 once a file lacks the column)
  const newer = "district,service_name,case_record_type\nD1,Pothole,Request\nD2,Pothole,Request\n,Graffiti,Request\n";
  const columns = ["service_name", "district", "case_record_type"];

  test("is read as empty in the files without it, and named: no error, no cost per row", () => {
    const file = scanCsv(Buffer.from(older), KEY, { requiredColumns: [], ...counting(columns) });
    expect(file.rows).toBe(3);
    expect(file.absentColumns).toEqual(["district"]);
    expect(counts(file)).toEqual({
      '["Pothole",null,"Request"]': 1,
      '["Graffiti",null,"Request"]': 1,
      '["Pothole",null,"Inquiry"]': 1,
    });
    expect(scanCsv(Buffer.from(newer), KEY, { requiredColumns: [], ...counting(columns) }).absentColumns).toEqual([]);
  });

  test.each([
    { groupBy: ["district"], chartField: "service_name" },
    { groupBy: ["service_name", "district"], chartField: "case_record_type" },
    { groupBy: ["service_name"], chartField: "district" },
  ])("counts equal pandas.concat's, the rows pandas drops are (blank): groupBy $groupBy", ({ groupBy, chartField }) => {
    const dir = tempDir("columns-");
    writeFileSync(join(dir, "older.csv"), older);
    writeFileSync(join(dir, "newer.csv"), newer);
    const pandas = pandasCounts([join(dir, "older.csv"), join(dir, "newer.csv")], groupBy, chartField);
    const countColumns = [...new Set([...groupBy, chartField])];
    const files = [older, newer].map((csv) =>
      scanCsv(Buffer.from(csv), KEY, { requiredColumns: [], ...counting(countColumns) }),
    );
    const report = reportFromCounts(
      files.map((f) => f.tallies[0]!),
      countColumns,
      { groupBy, chartField, missingValues: pandas.naValues },
    );
    const rows = (t: typeof report.counts, names: string[]) =>
      (t.objects() as Record<string, string | number>[])
        .filter((r) => names.every((c) => r[c] !== "(blank)"))
        .map((r) => [...names.map((c) => r[c]), r.count]);
    expect(rows(report.counts, groupBy).sort()).toEqual([...pandas.counts].sort());
    expect(rows(report.breakdown, [...groupBy, chartField]).sort()).toEqual([...pandas.breakdown].sort());
    expect(report.totalRows).toBe(pandas.rows);
  });
});

describe("the fast reader agrees with the careful reader and with pandas on the messy fixtures", () => {
  const dir = fileURLToPath(new URL("../fixtures/messy/", import.meta.url));
  const names = readdirSync(dir).sort();

  test.each(names)("%s", async (name) => {
    const bytes = readFileSync(join(dir, name));
    const fast = scan(bytes);
    const careful = await parseCsvStream(Readable.from([bytes]), name, {
      requiredColumns: [],
      keepColumns: COUNT_COLUMNS,
    });
    const carefulCounts: Record<string, number> = {};
    careful.columns.service_name!.forEach((s, i) => {
      const key = JSON.stringify([s, careful.columns.case_record_type![i]]);
      carefulCounts[key] = (carefulCounts[key] ?? 0) + 1;
    });
    expect(fast.rows).toBe(careful.rows);
    expect(counts(fast)).toEqual(carefulCounts);
    const pandas = pandasCounts([join(dir, name)], ["service_name"], "case_record_type");
    expect(fast.rows).toBe(pandas.rows);
    const report = reportFromCounts([fast.tallies[0]!], COUNT_COLUMNS, {
      groupBy: ["service_name"],
      chartField: "case_record_type",
      missingValues: pandas.naValues,
    });
    const named = (report.counts.objects() as { service_name: string; count: number }[])
      .filter((r) => r.service_name !== "(blank)")
      .map((r) => [r.service_name, r.count]);
    expect(named.sort()).toEqual([...pandas.counts].sort());
  });
});

describe("bad input names the file and the line", () => {
  const cases: {
    description: string;
    content: string | Buffer;
    message: RegExp;
    line: number | undefined;
    requiredColumns?: string[];
  }[] = [
    {
      description: "missing required column (report.requiredColumns)",
      content: "service_name,case_record_type,district\nA,open,1\n",
      requiredColumns: ["district", "status"],
      message: /line 1: missing required column "status" \(header has: service_name, case_record_type, district\)/,
      line: 1,
    },
    {
      description: "ragged row (too many fields), after a CR-only line",
      content: "service_name,case_record_type\rA,Request\nB,Request,extra\n",
      message: /line 3: expected 2 fields \(as in the header\), found 3/,
      line: 3,
    },
    {
      description: "ragged row (too few fields) after a multi-line cell",
      content: 'service_name,case_record_type\n"A\nB",Request\nC\n',
      message: /line 4: expected 2 fields.*found 1/,
      line: 4,
    },
    {
      description: "unterminated quote",
      content: 'service_name,case_record_type\nA,Request\n"B,Request\nC,Inquiry\n',
      message: /line 3: a quoted field opened in this row is never closed/,
      line: 3,
    },
    {
      description: "non-UTF-8 byte",
      content: Buffer.concat([
        Buffer.from("service_name,case_record_type\nA,Request\nCaf"),
        Buffer.from([0xe9]),
        Buffer.from(",Request\n"),
      ]),
      message: /line 3: invalid UTF-8 byte sequence \(byte 43\)/,
      line: 3,
    },
    { description: "empty file", content: "", message: /the file is empty \(no header line\)/, line: 1 },
    { description: "blank lines only", content: "\n  \r\n", message: /the file is empty \(no header line\)/, line: 1 },
    {
      description: "duplicate header column",
      content: "service_name,case_record_type,service_name\nA,B,C\n",
      message: /line 1: column "service_name" appears twice/,
      line: 1,
    },
  ];
  test.each(cases)("$description", async ({ content, message, line, requiredColumns = [] }) => {
    const error = await expectReportsiteError(
      async () => scanCsv(Buffer.from(content), KEY, { requiredColumns, ...counting(COUNT_COLUMNS) }),
      { name: "SourceError", message },
    );
    expect(error.message).toMatch(/^2019_jan_10_gid_requests\.csv: /);
    expect((error as unknown as { line?: number }).line).toBe(line);
  });
});

describe("worker threads", () => {
  test("a large month is scanned on worker threads with the same counts and the same errors", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${["A", "B", '"C, c"'][i % 3]},${i % 2 ? "R" : "Q"}`);
    const good = Buffer.from(`service_name,case_record_type\n${rows.join("\n")}\n`);
    const pool = scanPoolFor(Number.MAX_SAFE_INTEGER);
    try {
      const inline = scan(good);
      const threaded = await pool.scan(Buffer.from(good), KEY, options);
      expect(counts(threaded)).toEqual(counts(inline));
      await expectReportsiteError(() => pool.scan(Buffer.from("service_name,case_record_type\nA\n"), KEY, options), {
        name: "SourceError",
        message: /line 2: expected 2 fields/,
      });
      await expect(pool.scan(Buffer.from(good), KEY, options, "0".repeat(32))).rejects.toThrow(
        /do not match the object's MD5/,
      );
    } finally {
      await pool.close();
    }
  });

  test.each([
    ["fails at start, before any file reached it", "fails-at-start.mjs", /failed: cannot find the TypeScript loader/],
    ["stops while it holds a file", "stops-mid-file.mjs", /failed: it stopped with exit code 7/],
  ])("a worker that %s fails the scan with the reason, never leaves it waiting", async (_, file, reason) => {
    const workerUrl = new URL(`../fixtures/scan-workers/${file}`, import.meta.url);
    const pool = scanPoolFor(Number.MAX_SAFE_INTEGER, { workerUrl });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // the workers have started (or died) by now
      const file = Buffer.from("service_name,case_record_type\nA,R\n");
      const scans = [1, 2, 3, 4, 5].map(() => pool.scan(Buffer.from(file), KEY, options));
      // not a SourceError: a worker's failure is no bad raw file, so --skip-bad-files must not leave files out for it
      for (const scan of scans) await expectReportsiteError(() => scan, { name: "ScanWorkerError", message: reason });
      await expectReportsiteError(() => pool.scan(Buffer.from(file), KEY, options), {
        name: "ScanWorkerError",
        message: reason,
      });
    } finally {
      await pool.close();
    }
  });

  test.each([
    ["on worker threads", Number.MAX_SAFE_INTEGER],
    ["on the main thread", 0],
  ])("%s, the memory of a scanned file is used again for the next, without mixing up files", async (_, bytes) => {
    const files = Array.from({ length: 12 }, (_, f) => {
      const rows = Array.from({ length: 50 + f * 7 }, (_, i) => `S${(i * f) % 5},${i % 2 ? "R" : "Q"}`);
      return Buffer.from(`service_name,case_record_type\n${rows.join("\n")}\n`);
    });
    const pool = scanPoolFor(bytes);
    try {
      const blocks = new Set<number>();
      // one file in flight at a time: after the first, each is read into memory the pool had before
      for (const file of files) {
        const into = pool.buffer(file.length);
        file.copy(into);
        blocks.add(into.buffer.byteLength);
        expect(counts(await pool.scan(into, KEY, options))).toEqual(counts(scan(file)));
      }
      expect(blocks.size).toBeLessThan(files.length);
      // a small Buffer lives in Node's shared pool: it is scanned, and never handed out as a file's memory
      await pool.scan(Buffer.from("service_name,case_record_type\nA,R\n"), KEY, options);
      expect(pool.buffer(16).buffer.byteLength).not.toBe(Buffer.poolSize);
      // nor is the start of a larger buffer its caller keeps moved or taken: the rest stays readable
      const larger = Buffer.alloc(files[0]!.length + 100, "x");
      files[0]!.copy(larger);
      await pool.scan(larger.subarray(0, files[0]!.length), KEY, options);
      expect(larger.byteLength).toBe(files[0]!.length + 100);
      expect(larger.at(-1)).toBe("x".charCodeAt(0));
      expect(pool.buffer(larger.byteLength).buffer).not.toBe(larger.buffer);
    } finally {
      await pool.close();
    }
  });
});

test("pandas' missing markers are what the config's default lists", () => {
  expect(PANDAS_MISSING_VALUES).toContain("NA");
});
