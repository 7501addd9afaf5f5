/**
 * The raw prefix and key pattern init proposes, from the keys really in the bucket. Pure.
 * Dates are found in file names and folders alike (`2019_jan_01_gid_requests.csv`,
 * `exports/2024-03-05.csv`, `2024/03/05.csv`, `year=2024/month=03/day=05/data.csv`, `20240305.csv`).
 */
import { compileKeyPattern, MONTH_ABBREVIATIONS } from "../config/index.js";

/** Where the daily exports are and how they are named, and how many of the keys looked at that covers. */
export interface KeyLayout {
  /** Below the prefix init was given: empty or ending in `/`. */
  prefix: string;
  keyPattern: string;
  /** Keys (of those looked at) the prefix and pattern select. */
  matched: number;
  /** Keys looked at. */
  total: number;
}

/**
 * The most common dated pattern of the key names (relative to the given prefix), with the folders
 * before its first date moved into the prefix. Undefined when no name has a date.
 * @example proposeKeyLayout(["exports/2024-03-05.csv"]) // { prefix: "exports/", keyPattern: "{year}-{month}-{day}.csv", matched: 1, total: 1 }
 */
export function proposeKeyLayout(names: readonly string[]): KeyLayout | undefined {
  const votes = new Map<string, number>();
  for (const name of names) {
    const pattern = patternOf(name);
    if (pattern) votes.set(pattern, (votes.get(pattern) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (best === undefined) return undefined;
  const literal = best.slice(0, best.indexOf("{"));
  const prefix = literal.slice(0, literal.lastIndexOf("/") + 1);
  const keyPattern = best.slice(prefix.length);
  return { prefix, keyPattern, matched: countMatching(names, prefix, keyPattern), total: names.length };
}

/** How many names (relative to the given prefix) are below `prefix` and follow `keyPattern`. */
export function countMatching(names: readonly string[], prefix: string, keyPattern: string): number {
  const pattern = compileKeyPattern(keyPattern);
  return names.filter((n) => n.startsWith(prefix) && pattern.match(n.slice(prefix.length))).length;
}

const YEAR = /(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])/g;
const MON = new RegExp(`(?<![a-z])(?:${MONTH_ABBREVIATIONS.join("|")})(?![a-z])`, "i");
const COMPACT_DATE = /(?<![0-9])(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:(?:0[1-9]|[12][0-9]|3[01])(?![0-9])|(?![0-9]))/;

/** One name as a pattern, or undefined when it holds no year and month; the pattern matches the name. */
export function patternOf(name: string): string | undefined {
  if (/[{}]/.test(name)) return undefined;
  const compact = COMPACT_DATE.exec(name);
  if (compact) {
    const date = compact[0].length === 8 ? "{year}{month}{day}" : "{year}{month}";
    return checked(name.replace(COMPACT_DATE, date), name);
  }
  // a name may hold years that are not its date (a folder per year, a version): try each
  for (const year of name.matchAll(YEAR)) {
    const pattern = datedFrom(`${name.slice(0, year.index)}{year}${name.slice(year.index + 4)}`);
    if (pattern) return checked(pattern, name);
  }
  return undefined;
}

/** With {year} in place: the month (jan, or 01 after the year), then the day after it. */
function datedFrom(withYear: string): string | undefined {
  if (MON.test(withYear)) {
    const pattern = withYear.replace(MON, "{mon}");
    return pattern.replace(/(?<=\{mon\}[^0-9a-z]{0,3})(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])/i, "{day}");
  }
  const month = /(?<=\{year\}[^0-9]{1,12})(?:0[1-9]|1[0-2])(?![0-9])/;
  if (!month.test(withYear)) return undefined;
  const pattern = withYear.replace(month, "{month}");
  return pattern.replace(/(?<=\{month\}[^0-9]{1,12})(?:0[1-9]|[12][0-9]|3[01])(?![0-9])/, "{day}");
}

/** The pattern when it reads its own name back (a guard against a placeholder in the wrong place). */
function checked(pattern: string, name: string): string | undefined {
  return compileKeyPattern(pattern).match(name) ? pattern : undefined;
}
