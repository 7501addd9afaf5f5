/**
 * The fast reader: one raw CSV file's bytes -> exact counts of the columns the report needs.
 *
 * A single pass over the bytes that decodes only the counted columns' cells and counts each row's
 * tuple of values at once, so a month never holds its rows, only its counts. It reads what
 * pandas.read_csv's C tokenizer reads (UTF-8, BOM dropped, LF/CRLF/CR mixed, quoted commas, quotes
 * and newlines, blank and whitespace-only lines skipped, text after a closing quote kept as pandas
 * keeps it) and, unlike pandas, refuses ragged rows, naming the line.
 */
import { isUtf8 } from "node:buffer";
import { SourceError } from "../errors.js";
import { SHOWN_VALUE_MAX_CHARS } from "../group-values.js";
import { findInvalidUtf8, guessSingleByteEncoding } from "./utf8.js";
import { tooManyGroups, type GroupLimits, type LongValue } from "./groups.js";

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** What a file must have and what is counted. */
export interface ScanOptions {
  /** Columns every file must have; a file without one is an error. */
  requiredColumns: readonly string[];
  /**
   * Columns whose values are counted together, e.g. ["service_name", "case_record_type"]. A file
   * without one of them is read as if that column were there and empty in every row, as
   * `pandas.concat` reads it (its value is `null` in the counts, and the file names it in
   * `absentColumns`).
   */
  countColumns: readonly string[];
  /** Stop (TooManyGroupsError) once the file alone has more groups than the month may have. */
  limits?: GroupLimits;
}

/**
 * Exact counts per tuple of values, one map level per count column and the count at the leaf:
 * `{ "Pothole" => { "Request" => 12 } }`. Values are compared as they are, so no two tuples can
 * merge (a joined string key could: `a|b`,`c` and `a`,`b|c`). `null` is a column the file does not have.
 */
export type Tally = Map<string | null, Tally | number>;

/** One raw file, read and counted. */
export interface FileTally {
  key: string;
  header: string[];
  /** Data rows (a header-only file has 0: a day without requests). */
  rows: number;
  /** Counts per tuple of the count columns' values, as [...values, count] rows (`null`: the file has no such column). */
  counts: (string | number | null)[][];
  /** Count columns the header does not have (read as empty in every row), in countColumns order. */
  absentColumns: string[];
  /** The first few values of a counted column longer than SHOWN_VALUE_MAX_CHARS (pages shorten them); absent when none. */
  longValues?: LongValue[];
}

/** How many long values a file notes (each costs a count of lines up to it). */
const LONG_VALUES_NOTED = 5;

/**
 * Read one CSV file's bytes and count its rows per tuple of `countColumns` values.
 * Throws SourceError naming the key and line for invalid UTF-8, an empty file, a bad header,
 * a ragged row or an unterminated quote.
 * @example scanCsv(Buffer.from("service_name,case_record_type\nA,Request\n"), "day.csv", { requiredColumns: [], countColumns: ["service_name"] })
 */
export function scanCsv(bytes: Uint8Array, key: string, options: ScanOptions): FileTally {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) throw invalidUtf8(buffer, key);
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const scanner = new Scanner(buffer, key, start);
  const header = scanner.readHeader();
  if (header === undefined) throw new SourceError(`${key}: the file is empty (no header line)`, { key, line: 1 });
  const slots = countSlots(header, key, scanner.lineOf(scanner.recordStart), options);
  const tally: Tally = new Map();
  const watch = new NewValues(scanner, key, options);
  const rows = scanner.countRows(header.length, slots, options.countColumns.length, tally, watch);
  const counts = tallyRows(tally, options.countColumns.length);
  const absentColumns = options.countColumns.filter((c) => !header.includes(c));
  const longValues = watch.longValues.length ? { longValues: watch.longValues } : {};
  return { key, header, rows, counts, absentColumns, ...longValues };
}

/**
 * Checks each value the first time it takes a place in the tally, so their cost grows with the
 * distinct values, not the rows: a value too long to print whole is noted with its line, and a group
 * (or chartField value) past the limit stops the scan at once.
 */
class NewValues {
  readonly longValues: LongValue[] = [];
  private groups = 0;
  private readonly types = new Set<string | null>();
  constructor(
    private readonly scanner: Scanner,
    private readonly key: string,
    private readonly options: ScanOptions,
  ) {}

  /** `value` is new at `level` of the tally (the index of its count column) under the values before it. */
  seen(level: number, value: string | null): void {
    if (value !== null && value.length > SHOWN_VALUE_MAX_CHARS && this.longValues.length < LONG_VALUES_NOTED) {
      const line = this.scanner.lineOf(this.scanner.recordStart);
      this.longValues.push({ column: this.options.countColumns[level]!, line, length: value.length });
    }
    const limits = this.options.limits;
    if (limits === undefined) return;
    if (level === limits.groupColumns - 1 && ++this.groups > limits.maxGroups) throw this.over(limits, false);
    if (level === limits.groupColumns && !this.types.has(value)) {
      this.types.add(value);
      if (this.types.size > limits.maxGroups) throw this.over(limits, true);
    }
  }

  private over(limits: GroupLimits, chart: boolean) {
    const columns = this.options.countColumns;
    const named = chart ? [columns[limits.groupColumns]!] : columns.slice(0, limits.groupColumns);
    const line = this.scanner.lineOf(this.scanner.recordStart);
    return tooManyGroups(named, chart, limits.maxGroups, `in ${this.key} alone (by line ${line})`);
  }
}

/** For each header position, the count column it fills (-1: not counted), after checking the header. */
function countSlots(header: string[], key: string, line: number, options: ScanOptions): Int32Array {
  const duplicate = header.find((name, i) => header.indexOf(name) !== i);
  if (duplicate !== undefined) {
    throw new SourceError(`${key}: line ${line}: column "${duplicate}" appears twice in the header`, { key, line });
  }
  // a count column may be absent (read as empty, like pandas.concat); a required one may not
  const missing = options.requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const names = [...new Set(missing)].map((c) => `"${c}"`).join(", ");
    throw new SourceError(
      `${key}: line ${line}: missing required column${missing.length > 1 ? "s" : ""} ${names} (header has: ${header.join(", ")})`,
      {
        key,
        line,
        hint: "Check report.requiredColumns in site-config.json against the export's header.",
      },
    );
  }
  const slots = new Int32Array(header.length).fill(-1);
  options.countColumns.forEach((column, slot) => (slots[header.indexOf(column)] = slot));
  return slots;
}

/** A cursor over the bytes; `recordStart` is where the record being read began (for error lines). */
class Scanner {
  recordStart = 0;
  /** Whether another field of the same record follows the one just read. */
  private more = false;
  private fields = 0;
  constructor(
    private readonly bytes: Buffer,
    private readonly key: string,
    private pos: number,
  ) {}

  /** The header's fields, or undefined when the file has no record at all. */
  readHeader(): string[] | undefined {
    if (!this.skipBlankLines()) return undefined;
    const names: string[] = [];
    this.fields = 0;
    do names.push(this.readField());
    while (this.more);
    return names;
  }

  /** Count every remaining record into `tally`; returns the number of rows. */
  countRows(width: number, slots: Int32Array, depth: number, tally: Tally, watch: NewValues): number {
    // a count column the header lacks has no slot: its value stays null in every row, at no cost per row
    const values = new Array<string | null>(depth).fill(null);
    let rows = 0;
    while (this.skipBlankLines()) {
      this.fields = 0;
      do {
        const slot = this.fields < width ? slots[this.fields]! : -1;
        if (slot < 0) this.skipField();
        else values[slot] = this.readField();
      } while (this.more);
      if (this.fields !== width) throw this.ragged(width);
      addToTally(tally, values, depth, watch);
      rows++;
    }
    return rows;
  }

  /** Skip blank and whitespace-only lines, as pandas does; false at the end of the bytes. */
  private skipBlankLines(): boolean {
    const bytes = this.bytes;
    for (;;) {
      let i = this.pos;
      while (i < bytes.length && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
      if (i >= bytes.length) return false;
      const c = bytes[i];
      if (c !== LF && c !== CR) {
        this.recordStart = this.pos;
        return true;
      }
      this.pos = c === CR && bytes[i + 1] === LF ? i + 2 : i + 1;
    }
  }

  /** Read and decode one field. */
  private readField(): string {
    const bytes = this.bytes;
    this.fields++;
    if (bytes[this.pos] !== QUOTE) {
      const end = this.unquotedEnd(this.pos);
      const value = bytes.toString("utf8", this.pos, end);
      this.endField(end);
      return value;
    }
    let value = "";
    let from = this.pos + 1;
    for (;;) {
      const quote = bytes.indexOf(QUOTE, from);
      if (quote < 0) throw this.unterminatedQuote();
      if (bytes[quote + 1] === QUOTE) {
        value += bytes.toString("utf8", from, quote + 1); // "" is one quote
        from = quote + 2;
        continue;
      }
      value += bytes.toString("utf8", from, quote);
      // pandas keeps text between a closing quote and the next comma as part of the value
      const end = this.unquotedEnd(quote + 1);
      if (end > quote + 1) value += bytes.toString("utf8", quote + 1, end);
      this.endField(end);
      return value;
    }
  }

  /** Move past one field without decoding it. */
  private skipField(): void {
    const bytes = this.bytes;
    this.fields++;
    let from = this.pos;
    if (bytes[from] === QUOTE) {
      from++;
      for (;;) {
        const quote = bytes.indexOf(QUOTE, from);
        if (quote < 0) throw this.unterminatedQuote();
        if (bytes[quote + 1] !== QUOTE) {
          from = quote + 1;
          break;
        }
        from = quote + 2;
      }
    }
    this.endField(this.unquotedEnd(from));
  }

  /** The position of the first comma or line break at or after `from` (or the end of the bytes). */
  private unquotedEnd(from: number): number {
    const bytes = this.bytes;
    let i = from;
    for (let c = bytes[i]; i < bytes.length && c !== COMMA && c !== LF && c !== CR; c = bytes[++i]);
    return i;
  }

  /** Step over the byte that ended a field at `end` (a comma, a line break or the end of the bytes). */
  private endField(end: number): void {
    const bytes = this.bytes;
    const c = bytes[end];
    this.more = c === COMMA;
    this.pos = c === CR && bytes[end + 1] === LF ? end + 2 : end < bytes.length ? end + 1 : end;
  }

  /** 1-based line of a byte offset: every LF, CRLF or lone CR before it ends a line. */
  lineOf(offset: number): number {
    const bytes = this.bytes;
    let line = 1;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === LF) line++;
      else if (bytes[i] === CR && bytes[i + 1] !== LF) line++;
    }
    return line;
  }

  private ragged(width: number): SourceError {
    const line = this.lineOf(this.recordStart);
    return new SourceError(
      `${this.key}: line ${line}: expected ${width} fields (as in the header), found ${this.fields}`,
      {
        key: this.key,
        line,
        hint: "A ragged row usually means an unquoted comma or a cut-off line in the export; fix or re-export the file.",
      },
    );
  }

  private unterminatedQuote(): SourceError {
    const line = this.lineOf(this.recordStart);
    return new SourceError(
      `${this.key}: line ${line}: a quoted field opened in this row is never closed (unterminated quote)`,
      {
        key: this.key,
        line,
        hint: 'Look for a stray " in that line; everything after it was read as one field up to the end of the file.',
      },
    );
  }
}

function addToTally(tally: Tally, values: (string | null)[], depth: number, watch: NewValues): void {
  let level = tally;
  for (let i = 0; i < depth - 1; i++) {
    const value = values[i] as string | null;
    let next = level.get(value) as Tally | undefined;
    if (next === undefined) {
      watch.seen(i, value);
      level.set(value, (next = new Map()));
    }
    level = next;
  }
  const leaf = values[depth - 1] as string | null;
  const count = level.get(leaf) as number | undefined;
  if (count !== undefined) level.set(leaf, count + 1);
  else {
    watch.seen(depth - 1, leaf);
    level.set(leaf, 1);
  }
}

/** The tally as rows of [...values, count]. */
function tallyRows(tally: Tally, depth: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  const walk = (level: Tally, prefix: (string | null)[]) => {
    for (const [value, next] of level) {
      if (prefix.length === depth - 1) rows.push([...prefix, value, next as number]);
      else walk(next as Tally, [...prefix, value]);
    }
  };
  walk(tally, []);
  return rows;
}

function invalidUtf8(bytes: Buffer, key: string): SourceError {
  const { line, byteOffset } = findInvalidUtf8(bytes);
  const where = `${key}: line ${line}: invalid UTF-8 byte sequence (byte ${byteOffset})`;
  const encoding = guessSingleByteEncoding(bytes, byteOffset);
  if (!encoding) {
    return new SourceError(where, {
      key,
      line,
      hint: 'raw.encoding is "utf-8". Re-export the file as UTF-8, or set raw.encoding to the encoding of the raw files.',
    });
  }
  const name = encoding === "latin1" ? "Latin-1 (ISO-8859-1)" : "Windows-1252";
  return new SourceError(`${where}; the file looks like ${name}: set raw.encoding to "${encoding}"`, {
    key,
    line,
    hint: `raw.encoding is "utf-8". Set it to "${encoding}" in site-config.json if every raw file is ${name}, or re-export the file as UTF-8 (e.g. iconv -f ${encoding === "latin1" ? "ISO-8859-1" : "WINDOWS-1252"} -t UTF-8).`,
  });
}
