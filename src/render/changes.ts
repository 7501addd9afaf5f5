/**
 * Pure: what changed in a month. Each group is held against its own usual value over the months
 * before (the trailing window), so a service that is always busy is not news and a quiet one that
 * doubles is. The score is robust (median and MAD): one odd month in the window does not move the
 * usual value, and does not hide the next odd one. Values are compared per day of data, so a month
 * so far or one with a missing export is not told as a fall.
 */
import type { ChangeSettings, Measure } from "../config/index.js";
import { daysWithData, type MonthDays } from "./compare.js";
import { formatReportValue } from "./report-values.js";

/** The defaults of site.changes (the schema fills the same ones), for callers without a config. */
export const DEFAULT_CHANGE_SETTINGS: ChangeSettings = {
  minScore: 3.5,
  minRatio: 1.5,
  minVolume: 20,
  window: 12,
  minHistory: 6,
  limit: 5,
};

/** MAD × this estimates the standard deviation of normally distributed values, so scores read like z-scores. */
const MAD_TO_SD = 1.4826;

/** One month of one report's values per group, as the score reads it. */
export interface GroupMonth extends MonthDays {
  /** `January 2019` */
  title: string;
  /** Each group's value, by its key (tupleKey of its values). */
  values: ReadonlyMap<string, number>;
}

/** What the sentences say a value in: the report's measure and unit (a count of requests when it is the shorthand). */
export interface ChangeSubject {
  measure: Pick<Measure, "kind">;
  unit?: string;
  /** A group's values as the sentence names it, by its key. */
  names: ReadonlyMap<string, readonly string[]>;
}

/** A group far from its usual value. */
export interface GroupChange {
  /** The group's values, e.g. ["Graffiti Removal"] (several when the report groups by several keys). */
  group: string[];
  /** This month's value. */
  value: number;
  /** The median of the trailing months' values, per day of data times this month's days with data. */
  usual: number;
  /** (value − usual) / spread, rounded to two decimals; see robustScore. */
  score: number;
  /** In plain words, e.g. "Graffiti Removal: 412 requests, about 2.1× its usual 190". */
  text: string;
}

/** A group with a value this month and none in any month of the window. */
export interface GroupAppeared {
  group: string[];
  value: number;
  text: string;
}

/** A group with a value in the latest month of the window and none this month. */
export interface GroupVanished {
  group: string[];
  /** Its value in that month. */
  last: number;
  /** That month's id, e.g. `2019-01`. */
  lastMonth: string;
  text: string;
}

/** What changed in one report in one month; summary.json keeps it under the month's `changes`. */
export interface ChangeList {
  /** The report's id when the config lists reports; absent for the one report of the shorthand. */
  report?: string;
  /** The report's title when the config lists reports. */
  title?: string;
  /** Months of the window with data. */
  history: number;
  /** Months in the window (site.changes.window). */
  window: number;
  /** Days of this month with data: the usual values are for that many days. */
  days: number;
  /** Why nothing is told (too little history, no data this month); absent when the month was scored. */
  reason?: string;
  rises: GroupChange[];
  falls: GroupChange[];
  new: GroupAppeared[];
  vanished: GroupVanished[];
}

/**
 * What changed in `month` against the months before it: `months` are the report's months oldest
 * first (gaps allowed), `month` one of them.
 * @example changesOf(months, months.at(-1), subject, DEFAULT_CHANGE_SETTINGS) // { rises: [...], ... }
 */
export function changesOf(
  months: readonly GroupMonth[],
  month: GroupMonth,
  subject: ChangeSubject,
  settings: ChangeSettings,
): ChangeList {
  const days = daysWithData(month);
  const trailing = trailingMonths(months, month.id, settings.window);
  const base = { history: trailing.length, window: settings.window, days };
  const none = { rises: [], falls: [], new: [], vanished: [] };
  if (days === 0) return { ...base, reason: `${month.title} has no data yet.`, ...none };
  if (trailing.length < settings.minHistory)
    return { ...base, reason: shortHistory(trailing.length, month.title, settings), ...none };
  const told = new Told(subject);
  const { scored, appeared } = scoreGroups(month, trailing, days, settings);
  const { limit, minScore, minRatio } = settings;
  // far in spreads and large in proportion: a busy group 10% up can be many spreads away and still not news
  const rises = scored
    .filter((s) => s.score >= minScore && s.value >= s.usual * minRatio)
    .sort((a, b) => b.score - a.score || byName(a, b, subject));
  const falls = scored
    .filter((s) => s.score <= -minScore && s.value * minRatio <= s.usual)
    .sort((a, b) => a.score - b.score || byName(a, b, subject));
  return {
    ...base,
    rises: rises.slice(0, limit).map((s) => told.change(s)),
    falls: falls.slice(0, limit).map((s) => told.change(s)),
    new: appeared.slice(0, limit).map((a) => told.appeared(a, trailing.length)),
    vanished: vanishedGroups(month, trailing.at(-1)!, days, settings)
      .slice(0, limit)
      .map((v) => told.vanished(v)),
  };
}

/** The months of the window before `id` (those on the calendar `window` months before it) that have data. */
function trailingMonths(months: readonly GroupMonth[], id: string, window: number): GroupMonth[] {
  const first = shiftMonth(id, -window);
  return months.filter((m) => m.id >= first && m.id < id && daysWithData(m) > 0);
}

/** `2019-03` shifted by `by` months (`2018-03` for −12). */
export function shiftMonth(id: string, by: number): string {
  const date = new Date(Date.UTC(Number(id.slice(0, 4)), Number(id.slice(5, 7)) - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

function shortHistory(history: number, title: string, { window, minHistory }: ChangeSettings): string {
  const some = history === 0 ? "None" : `Only ${history}`;
  return (
    `${some} of the ${window} months before ${title} ${history <= 1 ? "has" : "have"} data; ` +
    `at least ${minHistory} are needed to tell what is unusual.`
  );
}

/** A group's value this month against its usual value. */
interface Scored {
  key: string;
  value: number;
  usual: number;
  score: number;
}

/**
 * Every group with a value this month: scored against its window (its months without a value count
 * as 0: it had no requests then) when it is big enough to be news, or new when no month of the window has it.
 */
function scoreGroups(
  month: GroupMonth,
  trailing: readonly GroupMonth[],
  days: number,
  { minVolume }: ChangeSettings,
): { scored: Scored[]; appeared: { key: string; value: number }[] } {
  const scored: Scored[] = [];
  const appeared: { key: string; value: number }[] = [];
  for (const [key, value] of month.values) {
    const history = trailing.map((m) => perDaysOf(m.values.get(key), m, days));
    if (trailing.every((m) => !m.values.has(key))) {
      if (value >= minVolume) appeared.push({ key, value });
      continue;
    }
    const { usual, score } = robustScore(value, history);
    if (Math.max(value, usual) >= minVolume) scored.push({ key, value, usual, score });
  }
  appeared.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { scored, appeared };
}

/** A month's value scaled to `days` days of data: 100 in a 30-day month is 50 for 15 days. */
function perDaysOf(value: number | undefined, month: MonthDays, days: number): number {
  return ((value ?? 0) * days) / daysWithData(month);
}

/**
 * How far `value` is from the median of `history`, in spreads: (value − median) / (1.4826 × MAD),
 * the modified z-score. A history whose MAD is 0 (most months equal, as a small count often is)
 * would make any change infinitely unusual, so the spread is never taken below √median, the
 * spread a count has by chance alone (Poisson), nor below 1.
 * @example robustScore(30, [10, 10, 10, 10, 10, 10]) // { usual: 10, score: 6.32 }
 */
export function robustScore(value: number, history: readonly number[]): { usual: number; score: number } {
  const usual = median(history);
  const mad = median(history.map((v) => Math.abs(v - usual)));
  const spread = Math.max(MAD_TO_SD * mad, Math.sqrt(Math.abs(usual)), 1);
  return { usual, score: Math.round(((value - usual) / spread) * 100) / 100 };
}

/** The median; the mean of the middle two of an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Groups in the latest month of the window with at least minVolume (for this month's days) and none now, largest first. */
function vanishedGroups(
  month: GroupMonth,
  latest: GroupMonth,
  days: number,
  { minVolume }: ChangeSettings,
): { key: string; last: number; month: GroupMonth }[] {
  return [...latest.values]
    .filter(([key, last]) => !month.values.has(key) && perDaysOf(last, latest, days) >= minVolume)
    .map(([key, last]) => ({ key, last, month: latest }))
    .sort((a, b) => b.last - a.last || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function byName(a: { key: string }, b: { key: string }, subject: ChangeSubject): number {
  const [x, y] = [nameOf(a.key, subject), nameOf(b.key, subject)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function nameOf(key: string, subject: ChangeSubject): string {
  return (subject.names.get(key) ?? [key]).join(" · ");
}

/** The plain-word sentences of a month's changes, in the report's unit. */
class Told {
  constructor(private readonly subject: ChangeSubject) {}

  change({ key, value, usual, score }: Scored): GroupChange {
    const name = nameOf(key, this.subject);
    const now = this.value(value);
    const text =
      value >= usual ? `${name}: ${now}, ${this.above(value, usual)}` : `${name}: ${now}, ${this.below(value, usual)}`;
    return { group: this.group(key), value, usual: round2(usual), score, text };
  }

  appeared({ key, value }: { key: string; value: number }, history: number): GroupAppeared {
    const text = `${nameOf(key, this.subject)}: ${this.value(value)}, new (none in the ${history} months before)`;
    return { group: this.group(key), value, text };
  }

  vanished({ key, last, month }: { key: string; last: number; month: GroupMonth }): GroupVanished {
    const text = `${nameOf(key, this.subject)}: none, against ${this.value(last)} in ${month.title}`;
    return { group: this.group(key), last, lastMonth: month.id, text };
  }

  private above(value: number, usual: number): string {
    if (usual <= 0) return `usually ${this.bare(0)}`;
    const ratio = value / usual;
    const times = ratio >= 10 ? String(Math.round(ratio)) : ratio.toFixed(1);
    return `about ${times}× its usual ${this.bare(usual)}`;
  }

  private below(value: number, usual: number): string {
    const fewer = Math.round((1 - value / usual) * 100);
    return `about ${fewer}% below its usual ${this.bare(usual)}`;
  }

  private group(key: string): string[] {
    return [...(this.subject.names.get(key) ?? [key])];
  }

  /** A value with its unit: "412 requests", "1,234.50 hours". */
  private value(value: number): string {
    return formatReportValue(this.subject, this.counted() ? Math.round(value) : value);
  }

  /** A value without its unit, after "its usual". */
  private bare(value: number): string {
    return formatReportValue(this.subject, this.counted() ? Math.round(value) : value, { withUnit: false });
  }

  /** Counts are whole; their usual value, scaled to this month's days, is said as a whole number too. */
  private counted(): boolean {
    return this.subject.measure.kind === "count";
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
