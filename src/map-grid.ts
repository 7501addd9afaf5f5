/**
 * Pure: the grid a report's coordinates are binned into. Rows are bands of latitude `cellSize`
 * metres tall counted from the equator; each band is cut into columns `cellSize` metres wide at the
 * band's middle latitude. The grid depends on nothing but the cell size, so a cell is the same cell
 * in every month and every build, and only its corners (never a request's coordinates) are published.
 */

/** Metres per degree of latitude (and of longitude at the equator), on a sphere of radius 6,371,009 m. */
export const METRES_PER_DEGREE = 111_195;

/** One cell of the grid and the rows located in it. */
export interface GridCell {
  readonly row: number;
  readonly col: number;
  readonly count: number;
}

/** A month's located rows of one report, binned: only cells with at least minCount rows are kept. */
export interface PointCells {
  /** Edge of a cell in metres. */
  readonly cellSize: number;
  /** Fewest rows a published cell holds (never below 2). */
  readonly minCount: number;
  /** The cells holding at least minCount rows, most rows first (ties by row, then column). */
  readonly cells: readonly GridCell[];
  /** Rows with a usable location, in every cell (kept or not). */
  readonly located: number;
  /** Rows in cells with fewer than minCount rows: counted, not placed. */
  readonly hidden: number;
  /** Rows without a usable location (blank, not a number, out of range, or 0,0): counted, never placed. */
  readonly unlocated: number;
}

/** The corners of a cell, in degrees (WGS84). */
export interface CellBounds {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

function latStep(cellSize: number): number {
  return cellSize / METRES_PER_DEGREE;
}

function lngStep(cellSize: number, row: number): number {
  const middle = ((row + 0.5) * latStep(cellSize) * Math.PI) / 180;
  return cellSize / (METRES_PER_DEGREE * Math.max(Math.cos(middle), 1e-6));
}

/** The cell holding a location; the caller has checked it is usable. */
export function cellOf(lat: number, lng: number, cellSize: number): { row: number; col: number } {
  const row = Math.floor(lat / latStep(cellSize));
  return { row, col: Math.floor(lng / lngStep(cellSize, row)) };
}

/** The corners of a cell. */
export function cellBounds(row: number, col: number, cellSize: number): CellBounds {
  const dLat = latStep(cellSize);
  const dLng = lngStep(cellSize, row);
  return { west: col * dLng, south: row * dLat, east: (col + 1) * dLng, north: (row + 1) * dLat };
}

/** A usable location: both numbers, in range, and not the 0,0 an export writes for "unknown". */
export function isUsableLocation(lat: number, lng: number): boolean {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return false;
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return false;
  return !(lat === 0 && lng === 0);
}
