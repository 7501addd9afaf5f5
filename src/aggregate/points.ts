/**
 * Pure: a month's located rows of one report from its raw files' location tallies (source/points.ts):
 * the cells' counts summed over the files, the cells with fewer than minCount rows taken out (their
 * rows counted in `hidden`), so no published cell holds fewer requests than the config allows.
 */
import { BugError } from "../errors.js";
import type { GridCell, PointCells } from "../map-grid.js";

/** A file's location tally: `["row,col", count]` per cell, `[null, count]` for the rows without a usable location. */
export type LocationTally = readonly (readonly (string | number | null)[])[];

/** How the cells were made and which are published. */
export interface PointsRule {
  readonly cellSize: number;
  readonly minCount: number;
}

/**
 * The month's cells of one report.
 * @example pointCellsOf([[["7275,-21923", 6], [null, 2]]], { cellSize: 500, minCount: 5 }) // cells: [{ row: 7275, col: -21923, count: 6 }], unlocated: 2
 */
export function pointCellsOf(files: readonly LocationTally[], rule: PointsRule): PointCells {
  const counts = new Map<string, number>();
  let unlocated = 0;
  for (const rows of files)
    for (const [name, n] of rows) {
      if (typeof n !== "number") throw new BugError(`a location tally's row ends in ${String(n)}, not a count`);
      if (name === null) unlocated += n;
      else counts.set(String(name), (counts.get(String(name)) ?? 0) + n);
    }
  const all = [...counts].map(([name, count]) => gridCell(name, count));
  const cells = all.filter((c) => c.count >= rule.minCount).sort(byCountThenPlace);
  const located = all.reduce((sum, c) => sum + c.count, 0);
  const shown = cells.reduce((sum, c) => sum + c.count, 0);
  return { cellSize: rule.cellSize, minCount: rule.minCount, cells, located, hidden: located - shown, unlocated };
}

function gridCell(name: string, count: number): GridCell {
  const [row, col] = name.split(",").map(Number) as [number, number];
  if (!Number.isInteger(row) || !Number.isInteger(col)) throw new BugError(`"${name}" is not a grid cell's name`);
  return { row, col, count };
}

/** Most rows first, ties by row, then column. */
function byCountThenPlace(a: GridCell, b: GridCell): number {
  return b.count - a.count || a.row - b.row || a.col - b.col;
}
