/**
 * Pure: a row's coordinate cells -> the grid cell it is counted in (map-grid.ts), or none. Only the
 * cell's name is kept in the tally, so the raw coordinates never leave the scanner.
 */
import { cellOf, isUsableLocation } from "../map-grid.js";

/** A decimal number as a CSV export writes one (pandas reads these as floats); hex, `Infinity` or a comma are not. */
const DECIMAL = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** A coordinate cell's number; NaN when it is blank, a missing marker or not a decimal number. */
export function coordinateOf(cell: string | null, missing: ReadonlySet<string>): number {
  if (cell === null || missing.has(cell) || !DECIMAL.test(cell)) return Number.NaN;
  return Number(cell);
}

/**
 * The name of the cell a row's location falls in, `"row,col"`, or null when the row has no usable
 * location (blank, not a number, out of range, or 0,0).
 * @example cellName("32.7157", "-117.1611", 500, new Set()) // "7275,-21923"
 */
export function cellName(
  lat: string | null,
  lng: string | null,
  cellSize: number,
  missing: ReadonlySet<string>,
): string | null {
  const y = coordinateOf(lat, missing);
  const x = coordinateOf(lng, missing);
  if (!isUsableLocation(y, x)) return null;
  const { row, col } = cellOf(y, x, cellSize);
  return `${row},${col}`;
}
