/**
 * Pure: the parts of an ISO 8601 timestamp cell a report groups by, read per row from the cell's bytes
 * (no string, Date or regular expression per row): `YYYY-MM-DD`, optionally `T` or a space and
 * `HH:MM[:SS[.fff]]`, then optionally `Z` or `±HH:MM`. The parts are the wall-clock values written
 * in the cell: an offset is not applied.
 */
import { daysInMonth } from "./calendar.js";

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
 * Read the date and hour of the ISO 8601 cell `bytes[start, end)` into `into`; false when the cell
 * is not one (a byte beyond ASCII never is). When the cell has the date already in `into` (rows come
 * mostly in time order), that string is kept, so the tallies look up the same string again rather
 * than a new one.
 * @example readTimestamp(Buffer.from("2019-01-05T14:30:00Z"), 0, 20, into) // true; into: { date: "2019-01-05", hour: "14" }
 */
export function readTimestamp(bytes: Uint8Array, start: number, end: number, into: TimestampText): boolean {
  if (end - start < 10) return false;
  const sameDate = isText(into.date, bytes, start);
  if (!sameDate && !isDate(bytes, start)) return false;
  const hour = end - start === 10 ? 0 : timeHour(bytes, start + 10, end);
  if (hour < 0) return false;
  if (!sameDate) into.date = String.fromCharCode(...bytes.subarray(start, start + 10));
  into.hour = HOURS[hour]!;
  return true;
}

/** Whether the 10 bytes at `at` are the date `date` (checked when it was read). */
function isText(date: string, bytes: Uint8Array, at: number): boolean {
  if (date.length !== 10) return false;
  for (let i = 0; i < 10; i++) if (date.charCodeAt(i) !== bytes[at + i]) return false;
  return true;
}

/** The hour of the time from `at` (`THH:MM[:SS[.fff]]` then the zone) to `end`, or -1 when it is not one. */
function timeHour(bytes: Uint8Array, at: number, end: number): number {
  const t = bytes[at];
  if (t !== 0x54 && t !== 0x20) return -1; // T or space
  const hour = number(bytes, at + 1, 2, end);
  if (hour < 0 || hour > 23 || byteAt(bytes, at + 3, end) !== 0x3a || !pair(bytes, at + 4, 59, end)) return -1;
  let next = at + 6;
  if (byteAt(bytes, next, end) === 0x3a) {
    if (!pair(bytes, next + 1, 59, end)) return -1;
    next += 3;
    if (byteAt(bytes, next, end) === 0x2e) next = digitsEnd(bytes, next + 1, 1, end);
  }
  return next >= 0 && isZone(bytes, next, end) ? hour : -1;
}

/** `YYYY-MM-DD` at `at` (ten bytes there, checked by the caller), a day the month has. */
function isDate(bytes: Uint8Array, at: number): boolean {
  if (bytes[at + 4] !== 0x2d || bytes[at + 7] !== 0x2d) return false;
  const end = at + 10;
  const year = number(bytes, at, 4, end);
  const month = number(bytes, at + 5, 2, end);
  const day = number(bytes, at + 8, 2, end);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Nothing, `Z`, or `±HH:MM` from `at` to `end`. */
function isZone(bytes: Uint8Array, at: number, end: number): boolean {
  if (at === end) return true;
  const c = bytes[at];
  if (c === 0x5a) return at + 1 === end; // Z
  if (c !== 0x2b && c !== 0x2d) return false; // + or -
  return at + 6 === end && pair(bytes, at + 1, 23, end) && bytes[at + 3] === 0x3a && pair(bytes, at + 4, 59, end);
}

/** Two digits at `at` making at most `max`. */
function pair(bytes: Uint8Array, at: number, max: number, end: number): boolean {
  const value = number(bytes, at, 2, end);
  return value >= 0 && value <= max;
}

/** The end of a run of at least `least` digits from `at`, or -1. */
function digitsEnd(bytes: Uint8Array, at: number, least: number, end: number): number {
  let i = at;
  while (i < end && isDigit(bytes[i]!)) i++;
  return i - at >= least ? i : -1;
}

/** The number `length` digits at `at` make (all before `end`), or -1 when one is not a digit. */
function number(bytes: Uint8Array, at: number, length: number, end: number): number {
  if (at + length > end) return -1;
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const c = bytes[i]!;
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

/** The byte at `at`, or -1 past `end`. */
function byteAt(bytes: Uint8Array, at: number, end: number): number {
  return at < end ? bytes[at]! : -1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
