/** Calendar arithmetic that source (which lists a month's days) and render (which compares months) share. */

/** Days in a month, `month` from 1: daysInMonth(2019, 2) is 28. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
