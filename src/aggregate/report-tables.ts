/** Pure: a report's tables from its tallied groups, in the order pages show them. */
import { table, type ColumnTable } from "arquero";
import type { TimestampPart } from "../config/index.js";
import { compareKeys } from "../key-order.js";
import type { ValueTally } from "./measures.js";

/** A group (or a group × chartField value): its key values and the tally of its rows' measured values. */
export interface TalliedGroup {
  values: string[];
  tally: ValueTally;
}

/** The columns of a report's tables. */
export interface TableLayout {
  /** Its groupBy keys, then its chartField: the column name, and the timestamp part a key is. */
  keys: readonly { name: string; part?: TimestampPart }[];
  /** How many of `keys` are groupBy keys. */
  groupKeys: number;
  valueColumn: string;
}

/** The groups to measure, and how. */
export interface TableInput {
  groups: readonly TalliedGroup[];
  /** Per group × chartField value; none without a chartField. */
  breakdown: readonly TalliedGroup[];
  measure: (tally: ValueTally) => number | null;
}

interface Measured {
  values: readonly string[];
  value: number | null;
}

/**
 * `counts`: largest value first (none last), ties by key values; in the keys' own order when a key
 * is a timestamp part. `breakdown`: by key values, chartField last; the counts without a chartField.
 */
export function reportTables(layout: TableLayout, input: TableInput): { counts: ColumnTable; breakdown: ColumnTable } {
  const groupLayout = { ...layout, keys: layout.keys.slice(0, layout.groupKeys) };
  const byKeys = (keys: TableLayout["keys"]) => {
    const parts = keys.map((k) => k.part);
    return (a: Measured, b: Measured) => compareKeys(parts, a.values, b.values);
  };
  const groupOrder = byKeys(groupLayout.keys);
  const byValue = groupLayout.keys.every((k) => k.part === undefined);
  const groups = measured(input.groups, input.measure).sort(
    byValue ? (a, b) => compareValues(a.value, b.value) || groupOrder(a, b) : groupOrder,
  );
  const counts = tableOf(groupLayout, groups);
  if (layout.keys.length === layout.groupKeys) return { counts, breakdown: counts };
  const breakdown = measured(input.breakdown, input.measure).sort(byKeys(layout.keys));
  return { counts, breakdown: tableOf(layout, breakdown) };
}

function measured(groups: readonly TalliedGroup[], measure: TableInput["measure"]): Measured[] {
  return groups.map(({ values, tally }) => ({ values, value: measure(tally) }));
}

/** Largest first, none (NaN in pandas) last. */
function compareValues(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return b - a;
}

/** One row per group in the order given; a column name given twice (chartField among groupBy) is one column. */
function tableOf(layout: TableLayout, rows: readonly Measured[]): ColumnTable {
  const columns: Record<string, unknown[]> = {};
  layout.keys.forEach(({ name }, i) => (columns[name] = rows.map((row) => row.values[i])));
  columns[layout.valueColumn] = rows.map((row) => row.value);
  return table(columns);
}
