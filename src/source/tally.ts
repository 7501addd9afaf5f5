/**
 * A report's tally of one raw file as the scanner fills it: exact counts per tuple of key values,
 * with each value checked once, when it first takes a place (long values, too many groups).
 */
import { keyName, SHOWN_VALUE_MAX_CHARS } from "../group-values.js";
import type { ColumnKind } from "../measure-value.js";
import { tooManyGroups, type GroupLimits, type LongValue } from "./groups.js";
import type { TallySpec } from "./tally-spec.js";

/**
 * Exact counts per tuple of values, one map level per key (and the measured cell) and the count at
 * the leaf: `{ "Pothole" => { "Request" => 12 } }`. Values are compared as they are, so no two tuples
 * can merge (a joined string key could: `a|b`,`c` and `a`,`b|c`). `null` is a column the file does not have.
 */
export type Tally = Map<string | null, Tally | number>;

/** A tally as `[...values, count]` rows. */
export type TallyRows = (string | number | null)[][];

/** Where the scanner is: the file, and the line of the record being read (counted only when asked). */
export interface RowPlace {
  readonly key: string;
  line(): number;
}

/** What is done with each row's cells of the columns read (indexed as specColumns orders them). */
export interface RowSink {
  add(values: readonly (string | null)[]): void;
  tallies(): TallyRows[];
  kinds(): Record<string, ColumnKind>;
}

/** How many long values a file notes (each costs a count of lines up to it). */
const LONG_VALUES_NOTED = 5;

/**
 * Checks each value the first time it takes a place in a tally, so their cost grows with the
 * distinct values, not the rows: a value too long to print whole is noted with its line, and a group
 * (or chartField value) past the limit stops the scan at once.
 */
export class NewValues {
  private groups = 0;
  private readonly types = new Set<string | null>();
  private readonly names: string[];
  constructor(
    private readonly place: RowPlace,
    private readonly spec: TallySpec,
    private readonly noted: LongValue[],
    private readonly limits: GroupLimits | undefined,
  ) {
    this.names = spec.keys.map(keyName);
  }

  /** `value` is new at `level` of the tally (the index of its key) under the values before it. */
  seen(level: number, value: string | null): void {
    if (level >= this.spec.keys.length) return; // the measured cell: neither a group nor shown
    if (value !== null && value.length > SHOWN_VALUE_MAX_CHARS && this.noted.length < LONG_VALUES_NOTED) {
      this.note(this.spec.keys[level]!.column, value);
    }
    const limits = this.limits;
    if (limits === undefined) return;
    if (level === limits.groupColumns - 1 && ++this.groups > limits.maxGroups) throw this.over(limits, false);
    if (level === limits.groupColumns && !this.types.has(value)) {
      this.types.add(value);
      if (this.types.size > limits.maxGroups) throw this.over(limits, true);
    }
  }

  private note(column: string, value: string): void {
    const line = this.place.line();
    if (this.noted.some((n) => n.column === column && n.line === line)) return; // two reports, one cell
    this.noted.push({ column, line, length: value.length });
  }

  private over(limits: GroupLimits, chart: boolean) {
    const named = chart ? [this.names[limits.groupColumns]!] : this.names.slice(0, limits.groupColumns);
    const where = `in ${this.place.key} alone (by line ${this.place.line()})`;
    return tooManyGroups(named, chart, limits.maxGroups, where, limits.report);
  }
}

/**
 * The fast way for the one spec of a plain count (no filter, part or measure, each key another
 * column): the columns read are its keys, in order, so each row's cells are its tuple as they are.
 */
export function plainSink(
  specs: readonly TallySpec[],
  columns: readonly string[],
  watches: NewValues[],
): RowSink | undefined {
  const spec = specs[0];
  if (specs.length !== 1 || spec!.filter.length || spec!.measure || spec!.keys.some((k) => k.part)) return undefined;
  if (columns.length !== spec!.keys.length) return undefined; // a key named twice
  const tally: Tally = new Map();
  const depth = columns.length;
  const watch = watches[0]!;
  return {
    add: (values) => addToTally(tally, values, depth, watch),
    tallies: () => [tallyRows(tally, depth)],
    kinds: () => ({}),
  };
}

/** Count one tuple (`depth` values) into the tally. */
export function addToTally(tally: Tally, values: readonly (string | null)[], depth: number, watch: NewValues): void {
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
export function tallyRows(tally: Tally, depth: number): TallyRows {
  const rows: TallyRows = [];
  const walk = (level: Tally, prefix: (string | null)[]) => {
    for (const [value, next] of level) {
      if (prefix.length === depth - 1) rows.push([...prefix, value, next as number]);
      else walk(next as Tally, [...prefix, value]);
    }
  };
  walk(tally, []);
  return rows;
}
