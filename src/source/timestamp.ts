/**
 * The parts of an ISO 8601 timestamp cell a report groups by, read per row without Date or a regular
 * expression: `YYYY-MM-DD`, optionally `T` or a space and `HH:MM[:SS[.fff]]`, then optionally `Z` or
 * `±HH:MM`. The parts are the wall-clock values written in the cell: an offset is not applied.
 */
import { daysInMonth } from "../calendar.js";

/** A timestamp's parts as a report's key values. */
export interface TimestampText {
  /** `YYYY-MM-DD` */
  date: string;
  /** `00` … `23`; `00` for a date alone */
  hour: string;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** `Monday` … `Sunday` of a `YYYY-MM-DD` date already checked by readTimestamp. */
export function weekdayOf(date: string): string {
  const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  return WEEKDAYS[day.getUTCDay()]!;
}

/** `00` … `23`, made once: a row's hour is one of these strings, not a new one to hash in every tally. */
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));

/**
 * Read the date and hour of an ISO 8601 cell into `into`; false when the cell is not one. When the
 * cell has the date already in `into` (rows come mostly in time order), that string is kept, so the
 * tallies look up the same string again rather than a new one.
 */
export function readTimestamp(cell: string, into: TimestampText): boolean {
  if (cell.length < 10) return false;
  const sameDate = into.date.length === 10 && cell.startsWith(into.date);
  if (!sameDate && !isDate(cell)) return false;
  const date = sameDate ? into.date : cell.length === 10 ? cell : cell.slice(0, 10);
  const hour = cell.length === 10 ? 0 : timeHour(cell);
  if (hour < 0) return false;
  into.date = date;
  into.hour = HOURS[hour]!;
  return true;
}

/** The hour of the time after the date (`THH:MM[:SS[.fff]]` then the zone), or -1 when it is not one. */
function timeHour(cell: string): number {
  const t = cell.charCodeAt(10);
  if (t !== 0x54 && t !== 0x20) return -1; // T or space
  const hour = number(cell, 11, 2);
  if (hour < 0 || hour > 23 || cell.charCodeAt(13) !== 0x3a || !pair(cell, 14, 59)) return -1;
  let at = 16;
  if (cell.charCodeAt(at) === 0x3a) {
    if (!pair(cell, at + 1, 59)) return -1;
    at += 3;
    if (cell.charCodeAt(at) === 0x2e) at = digitsEnd(cell, at + 1, 1);
  }
  return at >= 0 && isZone(cell, at) ? hour : -1;
}

/** `YYYY-MM-DD` at the start, a day the month has. */
function isDate(cell: string): boolean {
  if (cell.charCodeAt(4) !== 0x2d || cell.charCodeAt(7) !== 0x2d) return false;
  const year = number(cell, 0, 4);
  const month = number(cell, 5, 2);
  const day = number(cell, 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Nothing, `Z`, or `±HH:MM` from `at` to the end. */
function isZone(cell: string, at: number): boolean {
  if (at === cell.length) return true;
  const c = cell.charCodeAt(at);
  if (c === 0x5a) return at + 1 === cell.length; // Z
  if (c !== 0x2b && c !== 0x2d) return false; // + or -
  return at + 6 === cell.length && pair(cell, at + 1, 23) && cell.charCodeAt(at + 3) === 0x3a && pair(cell, at + 4, 59);
}

/** Two digits at `at` making at most `max`. */
function pair(cell: string, at: number, max: number): boolean {
  const value = number(cell, at, 2);
  return value >= 0 && value <= max;
}

/** The end of a run of at least `least` digits from `at`, or -1. */
function digitsEnd(cell: string, at: number, least: number): number {
  let i = at;
  while (i < cell.length && isDigit(cell.charCodeAt(i))) i++;
  return i - at >= least ? i : -1;
}

/** The number `length` digits at `at` make, or -1 when one is not a digit. */
function number(cell: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const c = cell.charCodeAt(i);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
