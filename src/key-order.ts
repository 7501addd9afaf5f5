/**
 * Pure: the order of a report's group values: a timestamp part's own order, or the text's. One rule
 * for aggregate (the rows' order) and render (a heatmap's axes), so tables and charts agree.
 */
import { BLANK_GROUP } from "./group-values.js";

/** A timestamp part's name (config's TimestampPart; a leaf imports no stage, so named by its values). */
type Part = "weekday" | "hour" | "date";

/** A weekday part's values in the order pages show them: the week as ISO 8601 counts it. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** Two texts by their UTF-16 code units, as Arquero's orderby compares them. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two values of one key. A timestamp part's in its own order (Monday first, hour 00 first, the oldest
 * date first; hours and dates are fixed-width, so their text's order is theirs), "(blank)" last; a
 * column's values as text, "(blank)" among them as the text it is (as today's reports order ties).
 */
export function compareKeyValue(part: Part | undefined, a: string, b: string): number {
  if (part === undefined) return compareText(a, b);
  const blankA = a === BLANK_GROUP ? 1 : 0;
  const blankB = b === BLANK_GROUP ? 1 : 0;
  if (blankA || blankB) return blankA - blankB;
  if (part === "weekday") return weekdayRank(a) - weekdayRank(b) || compareText(a, b);
  return compareText(a, b);
}

/** A weekday's place in the week; any other text after Sunday (the scanner gives none). */
function weekdayRank(value: string): number {
  const rank = (WEEKDAYS as readonly string[]).indexOf(value);
  return rank < 0 ? WEEKDAYS.length : rank;
}

/** Two tuples of key values, key by key (`parts[i]`: the part of key i, if it is one). */
export function compareKeys(parts: readonly (Part | undefined)[], a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < parts.length; i++) {
    const order = compareKeyValue(parts[i], a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return 0;
}
