/**
 * Pure: data values as pages and charts print them. A value of any length may come from a raw file
 * (one 10 MB cell in the groupBy column), and a page repeats it many times (the table twice, each
 * chart's data, SVG and tooltips at two widths), so pages show a bounded part of it; the month's CSV
 * and summary.json keep it whole.
 */
import { SHOWN_VALUE_MAX_CHARS } from "../group-values.js";
import { formatCount } from "./format.js";

/** Longest value a page still repeats whole, in a title attribute or a link target. */
export const WHOLE_VALUE_MAX_CHARS = 1000;

/** `value` as pages print it: whole, or its first SHOWN_VALUE_MAX_CHARS characters and "…". */
export function shownValue(value: string): string {
  if (value.length <= SHOWN_VALUE_MAX_CHARS) return value;
  let end = SHOWN_VALUE_MAX_CHARS - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never cut an emoji (a surrogate pair) in half
  return `${value.slice(0, end)}…`;
}

/** Whether pages show `value` shortened. */
export function isShortened(value: string): boolean {
  return value.length > SHOWN_VALUE_MAX_CHARS;
}

/**
 * The title of a shortened value (shown on hover): the whole value when it is not too long to repeat,
 * else where to find it. Undefined for a value shown whole.
 */
export function shortenedTitle(value: string): string | undefined {
  if (!isShortened(value)) return undefined;
  if (value.length <= WHOLE_VALUE_MAX_CHARS) return value;
  return `Shortened from ${formatCount(value.length)} characters; the CSV file has the whole value.`;
}

/**
 * Shown texts of distinct values, themselves distinct: a chart draws one bar (or legend entry) per
 * text, so two long values that begin alike must not merge. The second and later of values that
 * shorten to the same text get " (2)", " (3)", … in the order given.
 * @example shownValues(["a".repeat(300), "a".repeat(301)]) // Map { "aaa…" => "aaa…", … => "aaa… (2)" }
 */
export function shownValues(values: Iterable<string>): Map<string, string> {
  return distinctTexts([...values].map((value) => [value, shownValue(value)]));
}

/**
 * Texts by key, made distinct as shownValues makes them: `entries` are [key, text] pairs (a group's
 * exact tuple as JSON, and its values shown and joined), the first text of a key counts.
 */
export function distinctTexts(entries: Iterable<readonly [string, string]>): Map<string, string> {
  const shown = new Map<string, string>();
  const taken = new Set<string>();
  for (const [key, text] of entries) {
    if (shown.has(key)) continue;
    let unique = text;
    for (let n = 2; taken.has(unique); n++) unique = `${text} (${n})`;
    taken.add(unique);
    shown.set(key, unique);
  }
  return shown;
}
