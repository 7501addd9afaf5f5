/**
 * The fast reader: one raw CSV file's bytes -> exact tallies of what each report needs.
 *
 * A single pass over the bytes that decodes only the cells of the columns some report reads and
 * counts each row into every report's tally at once, so a month never holds its rows, only its tallies. It reads what
 * pandas.read_csv's C tokenizer reads (UTF-8, BOM dropped, LF/CRLF/CR mixed, quoted commas, quotes
 * and newlines, blank and whitespace-only lines skipped, text after a closing quote kept as pandas
 * keeps it) and, unlike pandas, refuses ragged rows, naming the line.
 */
import { isUtf8 } from "node:buffer";
import { SourceError } from "../errors.js";
import { findInvalidUtf8, guessSingleByteEncoding } from "./utf8.js";
import type { GroupLimits, LongValue } from "./groups.js";
import type { ColumnKind } from "../measure-value.js";
import { NewValues, plainSink, type RowPlace, type RowSink, type TallyRows } from "./tally.js";
import { specColumns, type TallySpec } from "./tally-spec.js";
import { SpecRows } from "./spec-rows.js";
import type { CellReader } from "./cells.js";

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
   * What to keep per report: one tally per spec, in this order, from one pass over the bytes. A file
   * without a column a spec reads is read as if that column were there and empty in every row, as
   * `pandas.concat` reads it (its value is `null` in the tally, and the file names it in `absentColumns`).
   */
  specs: readonly TallySpec[];
  /** Cells that are missing (pandas' na_values: report.missingValues) for filters, timestamps and measured columns. */
  missingValues: readonly string[];
  /** Per spec: stop (TooManyGroupsError) once the file alone has more groups than the month may have. */
  limits?: readonly (GroupLimits | undefined)[];
}

/** One raw file, read and counted. */
export interface FileTally {
  key: string;
  header: string[];
  /** Data rows (a header-only file has 0: a day without requests). */
  rows: number;
  /** One per spec, in the specs' order: `[...key values, (measured cell,) count]` rows (`null`: the file has no such column). */
  tallies: TallyRows[];
  /** How pandas reads each measured column in this file, over all its rows. */
  kinds: Record<string, ColumnKind>;
  /** Columns the specs read that the header does not have (read as empty in every row), in specColumns order. */
  absentColumns: string[];
  /** The first few values of a counted column longer than SHOWN_VALUE_MAX_CHARS (pages shorten them); absent when none. */
  longValues?: LongValue[];
}

/**
 * Read one CSV file's bytes and keep one tally per spec.
 * Throws SourceError naming the key and line for invalid UTF-8, an empty file, a bad header,
 * a ragged row, an unterminated quote, or a cell a spec cannot read (naming the column and value).
 * @example scanCsv(Buffer.from("service_name,case_record_type\nA,Request\n"), "day.csv", { requiredColumns: [], specs: [countSpec(["service_name"])] })
 */
export function scanCsv(bytes: Uint8Array, key: string, options: ScanOptions): FileTally {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) throw invalidUtf8(buffer, key);
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const scanner = new Scanner(buffer, key, start);
  const header = scanner.readHeader();
  if (header === undefined) throw new SourceError(`${key}: the file is empty (no header line)`, { key, line: 1 });
  const columns = specColumns(options.specs);
  const slots = columnSlots(header, key, scanner.lineOf(scanner.recordStart), options, columns);
  const noted: LongValue[] = [];
  const watches = options.specs.map((spec, i) => new NewValues(scanner, spec, noted, options.limits?.[i]));
  const sink = plainSink(options.specs, columns, watches) ?? new SpecRows(options, columns, scanner, watches);
  const rows = scanner.countRows(header.length, slots, sink);
  const absentColumns = columns.filter((c) => !header.includes(c));
  const longValues = noted.length ? { longValues: noted } : {};
  return { key, header, rows, tallies: sink.tallies(), kinds: sink.kinds(), absentColumns, ...longValues };
}

/** For each header position, the column read it fills (-1: not read), after checking the header. */
function columnSlots(
  header: string[],
  key: string,
  line: number,
  options: ScanOptions,
  columns: readonly string[],
): Int32Array {
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
  columns.forEach((column, slot) => (slots[header.indexOf(column)] = slot));
  return slots;
}

/** A cursor over the bytes; `recordStart` is where the record being read began (for error lines). */
class Scanner implements RowPlace {
  recordStart = 0;
  /** Whether another field of the same record follows the one just read. */
  private more = false;
  private fields = 0;
  constructor(
    private readonly bytes: Buffer,
    readonly key: string,
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

  /** Hand every remaining record's cells of the columns read to `sink`; returns the number of rows. */
  countRows(width: number, slots: Int32Array, sink: RowSink): number {
    // a column read that the header lacks has no slot: its value stays null in every row, at no cost per row
    const values = new Array<string | null>(sink.readers.length).fill(null);
    let rows = 0;
    while (this.skipBlankLines()) {
      this.readRecord(width, slots, sink.readers, values);
      if (this.fields !== width) throw this.ragged(width);
      sink.add(values);
      rows++;
    }
    return rows;
  }

  /** One record: the cells of the columns read into `values` (by slot), the other fields stepped over. */
  private readRecord(
    width: number,
    slots: Int32Array,
    readers: readonly CellReader[],
    values: (string | null)[],
  ): void {
    const bytes = this.bytes;
    const length = bytes.length;
    let pos = this.pos;
    let fields = 0;
    let c: number;
    do {
      const slot = fields < width ? slots[fields]! : -1;
      fields++;
      if (bytes[pos] === QUOTE) {
        c = this.quotedField(pos, fields - 1, slot < 0 ? undefined : readers[slot], values, slot);
        pos = this.pos;
        continue;
      }
      let end = pos;
      // every byte that ends a field (comma, LF, CR) is below a comma: most bytes take one comparison
      while ((c = bytes[end]!) > COMMA || (c !== COMMA && c !== LF && c !== CR && end < length)) end++;
      if (slot >= 0) values[slot] = readers[slot]!.read(bytes, pos, end);
      pos = c === CR && bytes[end + 1] === LF ? end + 2 : end < length ? end + 1 : end;
    } while (c === COMMA);
    this.pos = pos;
    this.fields = fields;
  }

  /** A field that starts with a quote, read (or stepped over, without a reader) the careful way; the byte that ended it. */
  private quotedField(
    pos: number,
    fields: number,
    reader: CellReader | undefined,
    values: (string | null)[],
    slot: number,
  ): number {
    this.pos = pos;
    this.fields = fields;
    if (reader === undefined) this.skipField();
    else values[slot] = reader.readText(this.readField());
    return this.more ? COMMA : LF;
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

  /** 1-based line of the record being read. */
  line(): number {
    return this.lineOf(this.recordStart);
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
