/** expectTable(table, {column: [...]}) compares an Arquero table column by column (Arquero's table-equal). */
import type { ColumnTable } from "arquero";
import { expect } from "vitest";

export function expectTable(table: ColumnTable, columns: Record<string, unknown[]>): void {
  expect(table.columnNames()).toEqual(Object.keys(columns));
  for (const [name, values] of Object.entries(columns))
    expect(table.array(name) ? Array.from(table.array(name) as ArrayLike<unknown>) : undefined, name).toEqual(values);
}
