/** Pure: numbers, changes, days and times as the pages print them (en-US, UTC). */

import { formatCount, formatDays } from "../units.js";

export { formatCount, formatDays };

/**
 * A change against an earlier value: `+12 (+4.5%)`, `−3 (−20.0%)`, `0 (0.0%)`, `+7 (new)` when there
 * was none; the difference printed by `format` (counts by default).
 */
export function formatChange(
  now: number,
  before: number | undefined,
  format: (n: number) => string = formatCount,
): string {
  if (before === undefined) return "";
  const delta = now - before;
  const sign = delta > 0 ? "+" : delta < 0 ? "\u2212" : "";
  const abs = `${sign}${format(Math.abs(delta))}`;
  if (before === 0) return `${abs} (new)`;
  const pct = (Math.abs(delta) / before) * 100;
  return `${abs} (${sign}${pct.toFixed(1)}%)`;
}

/** `2019-02-01 06:00 UTC` from an ISO date-time; the input itself when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date
    .toISOString()
    .replace("T", " ")
    .replace(/:\d\d\.\d+Z$/, " UTC");
}

/** `1 daily file`, `3 daily files` */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
