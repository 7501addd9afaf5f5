/** Pure: months, and which raw keys belong to which month. */
import { daysInMonth, MONTH_NAMES } from "../calendar.js";
import { MONTH_ABBREVIATIONS, type SiteConfig } from "../config/index.js";

/** A calendar month of data, e.g. { year: 2019, month: 1 }. */
export interface Month {
  year: number;
  /** 1..12 */
  month: number;
}

/** `2019-01` */
export function monthId({ year, month }: Month): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** `jan` */
export function monthAbbreviation({ month }: Month): string {
  return MONTH_ABBREVIATIONS[month - 1]!;
}

/** `January 2019` */
export function monthTitle({ year, month }: Month): string {
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** Parse `2019-01` (from --month); undefined when it is not a month. */
export function parseMonth(text: string): Month | undefined {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : undefined;
}

/** A raw object found in the listing. */
export interface RawObject {
  key: string;
  size: number;
  etag?: string;
  lastModified?: Date;
}

/** A raw object with the date its key names. */
export interface DatedObject extends RawObject {
  month: Month;
  /** Day of month, when the key pattern has {day}. */
  day?: number;
  /** Which part of its day the file is, when the key pattern has {part} (a number) or `*` (the text it stood for). */
  part?: number | string;
}

/** Date a raw key by the config's key pattern (applied to the key after raw.prefix); undefined when it does not match. */
export function dateRawKey(config: Pick<SiteConfig, "raw">, object: RawObject): DatedObject | undefined {
  const dated = matchRawKey(config, object);
  return dated && !impossible(dated) ? dated : undefined;
}

/** The listing sorted by what the key pattern says of each key. */
export interface SortedKeys {
  /** Keys the pattern dates. */
  dated: DatedObject[];
  /** Keys the pattern matches whose day does not exist (`2020_feb_30`): never read, always warned about. */
  impossible: DatedObject[];
  /** Keys (whole, with raw.prefix) the pattern does not match. */
  ignored: string[];
}

/** Sort a listing into dated keys, keys naming a day that does not exist, and keys the pattern ignores. */
export function sortRawKeys(config: Pick<SiteConfig, "raw">, objects: readonly RawObject[]): SortedKeys {
  const sorted: SortedKeys = { dated: [], impossible: [], ignored: [] };
  for (const object of objects) {
    const dated = matchRawKey(config, object);
    if (!dated) sorted.ignored.push(object.key);
    else (impossible(dated) ? sorted.impossible : sorted.dated).push(dated);
  }
  return sorted;
}

function matchRawKey(config: Pick<SiteConfig, "raw">, object: RawObject): DatedObject | undefined {
  if (!object.key.startsWith(config.raw.prefix)) return undefined;
  const date = config.raw.keyPattern.match(object.key.slice(config.raw.prefix.length));
  if (!date) return undefined;
  const dated: DatedObject = { ...object, month: { year: date.year, month: date.month }, day: date.day };
  if (date.part !== undefined) dated.part = date.part;
  return dated;
}

function impossible(object: DatedObject): boolean {
  return object.day !== undefined && object.day > daysInMonth(object.month.year, object.month.month);
}

/**
 * The months a key names, as month ids: a year (`2019`), with the month by its name (`jan`,
 * `January`) anywhere in the key or by its number next to the year (`2019-01`, `201901`,
 * `20190110`, `01_2019`). Used on keys the pattern ignores, to warn when they look like a built
 * month's data; one pass over the key, as a listing may have thousands of them.
 * @example monthsNamedBy("exports/2019_jan_10_gid_requests_part0001.csv") // ["2019-01"]
 */
export function monthsNamedBy(key: string): string[] {
  const text = key.toLowerCase();
  const named = [...text.matchAll(/[a-z]+/g)].map((m) => monthByName(m[0])).filter((m) => m > 0);
  const runs = [...text.matchAll(/\d+/g)].map((m) => ({ digits: m[0], start: m.index, end: m.index + m[0].length }));
  const ids = new Set<string>();
  const add = (year: string, month: number) => {
    if (month >= 1 && month <= 12) ids.add(`${year}-${String(month).padStart(2, "0")}`);
  };
  runs.forEach((run, i) => {
    const year = run.digits.slice(0, 4);
    if (!/^(19|20)\d\d$/.test(year)) return;
    if (run.digits.length === 6 || run.digits.length === 8) add(year, Number(run.digits.slice(4, 6)));
    if (run.digits.length !== 4) return;
    for (const month of named) add(year, month);
    const [before, after] = [runs[i - 1], runs[i + 1]];
    if (after?.digits.length === 2 && after.start - run.end <= 1) add(year, Number(after.digits));
    if (before?.digits.length === 2 && run.start - before.end <= 1) add(year, Number(before.digits));
  });
  return [...ids];
}

function monthByName(word: string): number {
  const short = MONTH_ABBREVIATIONS.indexOf(word as (typeof MONTH_ABBREVIATIONS)[number]);
  return short >= 0 ? short + 1 : MONTH_NAMES.findIndex((name) => name.toLowerCase() === word) + 1;
}

/** Objects grouped by month, months in calendar order and each month's objects by day, then key. */
export function groupByMonth(objects: readonly DatedObject[]): Map<string, { month: Month; objects: DatedObject[] }> {
  // numbers and code-unit order, not localeCompare: the collator costs a no-op build ~10 ms to load
  const sorted = [...objects].sort(
    (a, b) =>
      a.month.year - b.month.year ||
      a.month.month - b.month.month ||
      (a.day ?? 0) - (b.day ?? 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const months = new Map<string, { month: Month; objects: DatedObject[] }>();
  for (const object of sorted) {
    const id = monthId(object.month);
    const entry = months.get(id) ?? { month: object.month, objects: [] };
    entry.objects.push(object);
    months.set(id, entry);
  }
  return months;
}
