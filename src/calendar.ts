/** Calendar arithmetic that source (which lists a month's days) and render (which compares months) share. */

/** Days in a month, `month` from 1: daysInMonth(2019, 2) is 28. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// a table, not Intl: a formatter made per call cost a no-op build of 60 months ~1 ms a month
/** The months' names in English, January first: source names a month's pages, render a month without data. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
