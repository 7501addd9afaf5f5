/**
 * Pure: what a month's numbers can fairly be compared with. A month is compared only with the month
 * just before it on the calendar (after a gap in the data there is nothing adjacent to compare with),
 * and, when either month lacks days of data (a month so far, a late or missing export), per day of
 * data rather than by total: 5 days against 30 is not a fall of 83%.
 */
import { daysInMonth } from "../calendar.js";
import { formatChange, formatCount } from "./format.js";

/** The completeness a comparison needs: summary.json's and the render input's months both have it. */
export interface MonthDays {
  /** `2019-01` */
  id: string;
  /** Days of the month without a raw file (accepted gaps included: they have no data either). */
  missingDays: readonly number[];
  /** Missing days known to stay missing (raw.acceptedGaps), with why. */
  acceptedGaps?: readonly AcceptedDays[];
  /** Raw files left out (--skip-bad-files): their days' requests are not in the counts. */
  skippedFiles?: number;
}

/** Days of a month accepted as having no export for good, and the reason given in raw.acceptedGaps. */
export interface AcceptedDays {
  days: number[];
  reason?: string;
}

/** How a month is compared with the month before it. */
export interface MonthComparison {
  /** The previous month's title, e.g. "November 2026". */
  since: string;
  /** True when the months are compared per day of data, not by total. */
  perDay: boolean;
  /** The change of a count, e.g. "−12 (−3.1%)" or, per day, "−3.1% per day". */
  change(now: number, was: number): { text: string; sortValue: number };
}

/** Days in the month `2019-02` (28). */
function daysInMonthOf(id: string): number {
  return daysInMonth(Number(id.slice(0, 4)), Number(id.slice(5, 7)));
}

/** Days of the month that have data. */
export function daysWithData(month: MonthDays): number {
  return daysInMonthOf(month.id) - month.missingDays.length;
}

/** The id of the calendar month before `2019-01` (`2018-12`). */
export function calendarPreviousId(id: string): string {
  const date = new Date(Date.UTC(Number(id.slice(0, 4)), Number(id.slice(5, 7)) - 2, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The missing days that are accepted gaps (raw.acceptedGaps). */
export function acceptedDaySet(month: MonthDays): Set<number> {
  return new Set((month.acceptedGaps ?? []).flatMap((g) => g.days));
}

/**
 * A month so far: its data stops before the month's end (the days after its last file are missing and
 * not accepted), as with `--month current` or an export that is late. Undefined for any other month.
 * @example soFar({ id: "2026-12", missingDays: [6, 7, ..., 31] }) // { days: 5, of: 31 }
 */
export function soFar(month: MonthDays): { days: number; of: number; lastDay: number } | undefined {
  const of = daysInMonthOf(month.id);
  const missing = new Set(month.missingDays);
  const accepted = acceptedDaySet(month);
  let lastDay = of;
  while (lastDay > 0 && missing.has(lastDay) && !accepted.has(lastDay)) lastDay--;
  if (lastDay === of || lastDay === 0) return undefined;
  return { days: daysWithData(month), of, lastDay };
}

/**
 * The missing days inside the month's data that nobody explained: not accepted gaps, and not the days
 * after the end of a month so far (those are said as "so far").
 */
export function unexplainedGaps(month: MonthDays): number[] {
  const accepted = acceptedDaySet(month);
  const partial = soFar(month);
  return month.missingDays.filter((d) => !accepted.has(d) && (!partial || d <= partial.lastDay));
}

/**
 * How `month` compares with `previous` (the month before it in the site), or undefined when they
 * cannot be compared: `previous` is not the calendar month before, or either has no day of data. A
 * total change prints its difference with `format` (counts by default).
 * @example compareMonths(december, november)?.change(120, 100).text // "+20 (+20.0%)"
 */
export function compareMonths(
  month: MonthDays,
  previous: (MonthDays & { title: string }) | undefined,
  format: (n: number) => string = formatCount,
  // the same rules compare a month with the same month a year before (yearBeforeId)
  earlierId: (id: string) => string = calendarPreviousId,
): MonthComparison | undefined {
  if (!previous || previous.id !== earlierId(month.id)) return undefined;
  return compareDays(month, previous, format);
}

/** The id of the same month a year before `2020-01` (`2019-01`). */
export function yearBeforeId(id: string): string {
  return `${String(Number(id.slice(0, 4)) - 1).padStart(4, "0")}${id.slice(4)}`;
}

/** Two months compared by total when both are whole, else per day of data; none when either has no day or a file left out. */
function compareDays(
  month: MonthDays,
  previous: MonthDays & { title: string },
  format: (n: number) => string,
): MonthComparison | undefined {
  // a file left out takes an unknown share of its day away: neither totals nor days compare fairly
  if (month.skippedFiles || previous.skippedFiles) return undefined;
  const daysNow = daysWithData(month);
  const daysWas = daysWithData(previous);
  if (daysNow <= 0 || daysWas <= 0) return undefined;
  const whole = month.missingDays.length === 0 && previous.missingDays.length === 0;
  if (whole)
    return {
      since: previous.title,
      perDay: false,
      change: (now, was) => ({ text: formatChange(now, was, format), sortValue: now - was }),
    };
  return {
    since: previous.title,
    perDay: true,
    change: (now, was) => perDayChange(now / daysNow, was / daysWas),
  };
}

/** Why compareMonths gave no comparison, in words for "No change shown: …". */
export function notCompared(month: MonthDays, previous: MonthDays | undefined): string {
  const adjacent = previous?.id === calendarPreviousId(month.id);
  if (adjacent && (month.skippedFiles || previous.skippedFiles))
    return "files of this month or the month before could not be read and are left out.";
  return "there is no data for the month before to compare with.";
}

function perDayChange(now: number, was: number): { text: string; sortValue: number } {
  const delta = now - was;
  if (was === 0) return { text: "new", sortValue: delta };
  return { text: `${sign(delta)}${percent(delta, was)}% per day`, sortValue: delta };
}

function sign(delta: number): string {
  return delta > 0 ? "+" : delta < 0 ? "\u2212" : "";
}

function percent(delta: number, was: number): string {
  return ((Math.abs(delta) / was) * 100).toFixed(1);
}
