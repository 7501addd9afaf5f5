/**
 * The careful reader: the csv-parse based reader the build used before the fast scanner (src/source/scan.ts).
 * Kept as an independent reference the tests compare the scanner with; it keeps every row in memory.
 */
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse, type Options } from "csv-parse";
import { SourceError } from "../../../src/errors.js";
import { InvalidUtf8Error, utf8Guard } from "./utf8-guard.js";

/** What to keep and what must be there. */
export interface ParseOptions {
  /** Columns every file must have; a file without one is an error. */
  requiredColumns: readonly string[];
  /** Columns kept in memory (the rest are checked for shape, then dropped). */
  keepColumns: readonly string[];
}

/** The rows of one raw file: the kept columns as arrays of strings. */
export interface RawFile {
  key: string;
  header: string[];
  rows: number;
  columns: Record<string, string[]>;
}

/**
 * Read a CSV stream: UTF-8 (a BOM is dropped), LF, CRLF or CR line endings (mixed, too), quoted commas, quotes and newlines.
 * Like pandas, blank and whitespace-only lines are skipped. Unlike pandas, a row with more or fewer
 * fields than the header is an error rather than a silent NaN fill or a shifted row.
 */
export async function parseCsvStream(body: Readable, key: string, options: ParseOptions): Promise<RawFile> {
  const file: RawFile = { key, header: [], rows: 0, columns: {} };
  let keep: { name: string; index: number }[] = [];
  // Line numbers are counted as csv-parse hands records over (on_record runs in step with the parser),
  // so when it fails, nextLine is where the broken record began.
  let nextLine = 1;
  const parser = parse({
    bom: true,
    raw: true,
    relax_quotes: true,
    relax_column_count: true,
    // csv-parse would otherwise guess one line ending from the first line and keep a "\r" of the
    // others in the last field; pandas accepts any mix, so does this.
    record_delimiter: ["\r\n", "\n", "\r"],
    skip_empty_lines: false,
    // with raw: true, csv-parse hands on_record { record, raw } (its typings only know string[])
    on_record: (({ record, raw }: { record: string[]; raw: string }) => {
      const line = nextLine;
      // raw may or may not end with the record delimiter, so drop it before counting the lines spanned
      nextLine += 1 + (raw.replace(/\r?\n$|\r$/, "").match(/\r\n|\n|\r/g)?.length ?? 0);
      return record.length === 1 && /^[ \t\r\n]*$/.test(raw) ? null : { record, line };
    }) as unknown as Options["on_record"],
  });
  const consume = async () => {
    for await (const { record, line } of parser as AsyncIterable<{ record: string[]; line: number }>) {
      if (file.header.length === 0) {
        keep = readHeader(file, record, key, line, options);
        continue;
      }
      if (record.length !== file.header.length) {
        throw new SourceError(
          `${key}: line ${line}: expected ${file.header.length} fields (as in the header), found ${record.length}`,
          {
            key,
            line,
            hint: "A ragged row usually means an unquoted comma or a cut-off line in the export; fix or re-export the file.",
          },
        );
      }
      for (const { name, index } of keep) file.columns[name]!.push(record[index]!);
      file.rows++;
    }
  };
  try {
    await Promise.all([pipeline(body, utf8Guard(), parser), consume()]);
  } catch (error) {
    throw toSourceError(error, key, nextLine);
  }
  if (file.header.length === 0) throw new SourceError(`${key}: the file is empty (no header line)`, { key, line: 1 });
  if (file.rows === 0)
    throw new SourceError(`${key}: the file has a header but no data rows`, {
      key,
      line: 2,
      hint: "An export with no rows is usually a failed export; re-export it, or pass --skip-bad-files to build without it.",
    });
  return file;
}

function readHeader(
  file: RawFile,
  record: string[],
  key: string,
  line: number,
  options: ParseOptions,
): { name: string; index: number }[] {
  file.header = record;
  const duplicate = record.find((name, i) => record.indexOf(name) !== i);
  if (duplicate !== undefined)
    throw new SourceError(`${key}: line ${line}: column "${duplicate}" appears twice in the header`, { key, line });
  const missing = options.requiredColumns.filter((c) => !record.includes(c));
  if (missing.length > 0) {
    throw new SourceError(
      `${key}: line ${line}: missing required column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")} (header has: ${record.join(", ")})`,
      {
        key,
        line,
        hint: "Check report.groupBy, report.chartField and report.requiredColumns in site-config.json against the export's header.",
      },
    );
  }
  const keep = [...new Set(options.keepColumns)]
    .filter((c) => record.includes(c))
    .map((name) => ({ name, index: record.indexOf(name) }));
  for (const { name } of keep) file.columns[name] = [];
  return keep;
}

/** `recordStart` is the line where the record being parsed began (csv-parse reports where it gave up). */
function toSourceError(error: unknown, key: string, recordStart: number): SourceError {
  if (error instanceof SourceError) return error;
  if (error instanceof InvalidUtf8Error) {
    return new SourceError(`${key}: line ${error.line}: invalid UTF-8 byte sequence (byte ${error.byteOffset})`, {
      key,
      line: error.line,
      hint: "Raw exports must be UTF-8. Re-export as UTF-8, or convert the file (e.g. iconv -f WINDOWS-1252 -t UTF-8).",
    });
  }
  const e = error as { code?: string; lines?: number; message?: string };
  if (e.code === "CSV_QUOTE_NOT_CLOSED") {
    return new SourceError(
      `${key}: line ${recordStart}: a quoted field opened in this row is never closed (unterminated quote)`,
      {
        key,
        line: recordStart,
        hint: 'Look for a stray " in that line; everything after it was read as one field up to the end of the file.',
      },
    );
  }
  if (e.code?.startsWith("CSV_"))
    return new SourceError(`${key}: line ${e.lines ?? "?"}: ${e.message}`, { key, line: e.lines });
  return new SourceError(`${key}: cannot read: ${e.message ?? String(error)}`, { key, cause: error });
}
