/** A timestamp column's cells, read for the parts reports group by. */
import type { CellReader } from "./cells.js";
import { readTimestamp, type TimestampText } from "../timestamp.js";

/**
 * Each row's date and hour of a timestamp column, read from the cell's bytes: no string is made for
 * a cell whose day is the previous row's. A cell that is not a timestamp is kept in `bad` for the
 * row's sink to throw (after the scanner has checked the row's width, as for any row).
 */
export class StampCells implements CellReader {
  /** This row's `YYYY-MM-DD` (`""`: blank or missing); null until a cell is read (a file without the column). */
  date: string | null = null;
  /** This row's `00` … `23` (`""`: blank or missing); null as `date`. */
  hour: string | null = null;
  /** This row's cell when it is neither a timestamp nor blank or missing. */
  bad: string | undefined;
  private readonly parts: TimestampText = { date: "", hour: "" };
  /**
   * `keepText`: some report also reads the column's cells whole (a key, a filter, a measure), so a
   * cell's value is its text; otherwise its date. `markerStamps`: a missing marker is itself a
   * timestamp, so each cell is compared with the markers first.
   */
  constructor(
    private readonly missing: ReadonlySet<string>,
    private readonly keepText: boolean,
    private readonly markerStamps: boolean,
  ) {}

  read(bytes: Buffer, start: number, end: number): string {
    if (this.markerStamps || !readTimestamp(bytes, start, end, this.parts)) {
      return this.readText(bytes.toString("utf8", start, end));
    }
    this.bad = undefined;
    this.date = this.parts.date;
    this.hour = this.parts.hour;
    return this.keepText ? bytes.toString("utf8", start, end) : this.parts.date;
  }

  readText(cell: string): string {
    this.bad = undefined;
    if (cell === "" || this.missing.has(cell)) {
      this.date = this.hour = "";
      return cell;
    }
    const bytes = Buffer.from(cell, "utf8");
    if (readTimestamp(bytes, 0, bytes.length, this.parts)) {
      this.date = this.parts.date;
      this.hour = this.parts.hour;
    } else this.bad = cell;
    return cell;
  }
}

/** Whether `text` reads as a timestamp (a missing marker that does is compared first). */
export function isTimestampText(text: string): boolean {
  const bytes = Buffer.from(text, "utf8");
  return readTimestamp(bytes, 0, bytes.length, { date: "", hour: "" });
}
