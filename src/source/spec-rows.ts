/**
 * Every report's tally from one pass: per row, the timestamp parts its keys name (each timestamp read
 * once for all reports, and checked in every row), the kinds of the measured columns (each distinct
 * cell judged once), then each report's filter and tuple.
 */
import { SourceError } from "../errors.js";
import { kindWith, MeasureValueError, MISSING, parseMeasureValue, type ColumnKind } from "../measure-value.js";
import { weekdayOf } from "../timestamp.js";
import { CellTexts, type CellReader } from "./cells.js";
import { cellName } from "./points.js";
import { isTimestampText, StampCells } from "./stamp-cells.js";
import {
  addToTally,
  tallyRows,
  type NewValues,
  type RowPlace,
  type RowSink,
  type Tally,
  type TallyRows,
} from "./tally.js";
import type { ScanOptions } from "./scan.js";
import type { TallySpec } from "./tally-spec.js";

/** Where a key's value comes from: a cell as it is, or a part of a timestamp column read this row. */
const CELL = 0;
const WEEKDAY = 1;
const HOUR = 2;
const DATE = 3;
const PARTS = { weekday: WEEKDAY, hour: HOUR, date: DATE } as const;

interface CompiledSpec {
  tally: Tally;
  watch: NewValues;
  /** Per tuple level: the column read (index in the columns read) or, for a part, the timestamp column's index. */
  from: Int32Array;
  part: Int8Array;
  filters: { slot: number; values: ReadonlySet<string>; listed: boolean }[];
  tuple: (string | null)[];
  /** A tally of locations: the grid's cell size (`from` holds the latitude's and longitude's slots). */
  cellSize?: number;
}

interface MeasuredColumn {
  slot: number;
  name: string;
  numeric: boolean;
  finite: boolean;
  kind: ColumnKind;
  seen: Set<string>;
}

/** The rows of a file, counted into every spec's tally. */
export class SpecRows implements RowSink {
  private readonly missing: ReadonlySet<string>;
  private readonly specs: CompiledSpec[];
  /** Slots of the timestamp columns some key takes a part of, and their cells' parts this row. */
  private readonly stamps: number[];
  private readonly stampCells: StampCells[];
  private readonly weekdays = new Map<string, string>();
  private readonly measured: MeasuredColumn[];
  readonly readers: CellReader[];

  constructor(
    options: ScanOptions,
    private readonly columns: readonly string[],
    private readonly place: RowPlace,
    watches: readonly NewValues[],
  ) {
    this.missing = new Set(options.missingValues);
    const stamped = [...new Set(options.specs.flatMap((s) => s.keys.filter((k) => k.part).map((k) => k.column)))];
    const markerStamps = options.missingValues.some(isTimestampText);
    this.stamps = stamped.map((c) => columns.indexOf(c));
    this.stampCells = stamped.map((c) => new StampCells(this.missing, readsWhole(options.specs, c), markerStamps));
    this.readers = columns.map((_, slot) => this.stampCells[this.stamps.indexOf(slot)] ?? new CellTexts());
    this.specs = options.specs.map((spec, i) => this.compile(spec, watches[i]!));
    this.measured = measuredColumns(options.specs, columns);
  }

  private compile(spec: TallySpec, watch: NewValues): CompiledSpec {
    if (spec.points) return this.compilePoints(spec, spec.points, watch);
    const levels = [...spec.keys, ...(spec.measure ? [{ column: spec.measure.column }] : [])];
    const part = Int8Array.from(levels, (k) => ("part" in k && k.part ? PARTS[k.part] : CELL));
    const slotOf = (column: string) => this.columns.indexOf(column);
    const from = Int32Array.from(levels, (k, i) =>
      part[i] === CELL ? slotOf(k.column) : this.stamps.indexOf(slotOf(k.column)),
    );
    const filters = this.compileFilters(spec);
    return { tally: new Map(), watch, from, part, filters, tuple: levels.map(() => null) };
  }

  /** A tally of one level, the cell a row's coordinates fall in. */
  private compilePoints(spec: TallySpec, points: NonNullable<TallySpec["points"]>, watch: NewValues): CompiledSpec {
    const from = Int32Array.from([points.lat, points.lng], (column) => this.columns.indexOf(column));
    const filters = this.compileFilters(spec);
    return { tally: new Map(), watch, from, part: new Int8Array(1), filters, tuple: [null], cellSize: points.cellSize };
  }

  private compileFilters(spec: TallySpec): CompiledSpec["filters"] {
    return spec.filter.map((f) => ({
      slot: this.columns.indexOf(f.column),
      values: new Set(f.values),
      listed: f.keep === "listed",
    }));
  }

  add(values: readonly (string | null)[]): void {
    for (let i = 0; i < this.stampCells.length; i++) {
      const bad = this.stampCells[i]!.bad;
      if (bad !== undefined) throw this.notTimestamp(this.columns[this.stamps[i]!]!, bad);
    }
    for (const column of this.measured) {
      const cell = values[column.slot]!;
      if (cell !== null && !column.seen.has(cell)) this.judge(column, cell);
    }
    for (const spec of this.specs) {
      if (!this.keeps(spec, values)) continue;
      const { tuple, from, part, cellSize } = spec;
      if (cellSize !== undefined) tuple[0] = cellName(values[from[0]!]!, values[from[1]!]!, cellSize, this.missing);
      else for (let i = 0; i < tuple.length; i++) tuple[i] = this.valueOf(part[i]!, from[i]!, values);
      addToTally(spec.tally, tuple, tuple.length, spec.watch);
    }
  }

  tallies(): TallyRows[] {
    return this.specs.map((s) => tallyRows(s.tally, s.tuple.length));
  }

  kinds(): Record<string, ColumnKind> {
    return Object.fromEntries(this.measured.map((c) => [c.name, c.kind]));
  }

  /** A cell matches a filter's values as text; a missing cell (or column) is never one of them. */
  private keeps(spec: CompiledSpec, values: readonly (string | null)[]): boolean {
    for (const { slot, values: listed, listed: keepListed } of spec.filters) {
      const cell = values[slot]!;
      const isListed = cell !== null && !this.missing.has(cell) && listed.has(cell);
      if (isListed !== keepListed) return false;
    }
    return true;
  }

  private valueOf(part: number, from: number, values: readonly (string | null)[]): string | null {
    if (part === CELL) return values[from]!;
    const stamp = this.stampCells[from]!;
    if (part === HOUR) return stamp.hour;
    const date = stamp.date;
    if (part === DATE || date === null || date === "") return date;
    let weekday = this.weekdays.get(date);
    if (weekday === undefined) this.weekdays.set(date, (weekday = weekdayOf(date)));
    return weekday;
  }

  /** A measured column's kind with a cell not seen before, and the errors a report measuring it cannot compute past. */
  private judge(column: MeasuredColumn, cell: string): void {
    column.seen.add(cell);
    const reading = { name: column.name, missing: this.missing };
    try {
      column.kind = kindWith(column.kind, cell, reading);
    } catch (error) {
      if (error instanceof MeasureValueError) throw this.cellError(error.message, error.hint);
      throw error;
    }
    if (column.numeric && column.kind === "text") {
      const why = `is not a number: a sum, mean, median, min, max or p90 of "${column.name}" needs numbers in it (or blank cells, or a missing marker such as NA)`;
      throw this.cellError(`column "${column.name}": the value ${JSON.stringify(cell)} ${why}`);
    }
    if (column.finite && column.kind === "number" && isInfinite(cell, reading)) {
      const why = `is infinite: a sum or mean of "${column.name}" would be infinite or not a number`;
      throw this.cellError(`column "${column.name}": the value ${JSON.stringify(cell)} ${why}`);
    }
  }

  private notTimestamp(column: string, cell: string): SourceError {
    return this.cellError(
      `column "${column}": the value ${JSON.stringify(cell)} is not an ISO 8601 timestamp (YYYY-MM-DD, optionally followed by T or a space and HH:MM[:SS[.fff]], then Z or ±HH:MM)`,
      `A report groups by a part of "${column}": export it as ISO 8601 (e.g. 2019-01-05T14:30:00), or leave the cell blank.`,
    );
  }

  private cellError(what: string, hint?: string): SourceError {
    const line = this.place.line();
    const key = this.place.key;
    return new SourceError(`${key}: line ${line}: ${what}`, { key, line, ...(hint ? { hint } : {}) });
  }
}

/** Whether a number cell is ±infinity as pandas reads it. */
function isInfinite(cell: string, reading: { name: string; missing: ReadonlySet<string> }): boolean {
  const value = parseMeasureValue(cell, reading);
  return value !== MISSING && !Number.isFinite(value);
}

/** The measured columns of the specs, once each: a report's measure asks for numbers, another's may not. */
function measuredColumns(specs: readonly TallySpec[], columns: readonly string[]): MeasuredColumn[] {
  const byName = new Map<string, MeasuredColumn>();
  for (const { measure } of specs) {
    if (!measure) continue;
    const column = byName.get(measure.column) ?? {
      slot: columns.indexOf(measure.column),
      name: measure.column,
      numeric: false,
      finite: false,
      kind: "empty" as ColumnKind,
      seen: new Set<string>(),
    };
    column.numeric ||= measure.numeric;
    column.finite ||= measure.finite;
    byName.set(measure.column, column);
  }
  return [...byName.values()];
}

/** Whether some spec reads `column`'s cells whole: as a key, a filter or its measure, not only a part of them. */
function readsWhole(specs: readonly TallySpec[], column: string): boolean {
  return specs.some(
    (s) =>
      s.keys.some((k) => k.column === column && !k.part) ||
      s.measure?.column === column ||
      s.filter.some((f) => f.column === column),
  );
}
