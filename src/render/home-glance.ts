/**
 * Pure: the top of the home page, the site at a glance: the latest month's value of each report, its
 * change from the month before and from the same month a year before, and its last 24 months as bars.
 */
import { calendarPreviousId, compareMonths, soFar, yearBeforeId } from "./compare.js";
import { renderMonthBars, type MonthBar } from "./month-bars.js";
import { monthTitleOf, siteSeries, type SiteSeries } from "./site-series.js";
import type { MonthSummary, SiteSummary } from "./summary.js";

/** How many months the glance's chart draws. */
export const GLANCE_MONTHS = 24;

/** A change the glance states, or why it states none. */
export interface GlanceChange {
  /** "since December 2019", "since January 2019, a year before" */
  since: string;
  /** e.g. "+20 (+5.0%)", "+3.1% per day"; "" when there is none, `missing` says why. */
  text: string;
  missing: string;
}

/** One report's tile at the top of the home page (index.eta's `glance.tiles`). */
export interface GlanceTile {
  title: string;
  /** The latest month's page of the report. */
  href: string;
  valueText: string;
  changes: GlanceChange[];
  /** The last 24 months as SVG bars. */
  chart: string;
}

/** What the home page's glance shows: the latest month and a tile per report. */
export interface Glance {
  monthTitle: string;
  /** "so far: 5 of 31 days" when the latest month's data is not all in yet; "" otherwise. */
  soFar: string;
  tiles: GlanceTile[];
}

/** The glance of the site's latest month; undefined when no month is built. */
export function glanceOf(summary: SiteSummary): Glance | undefined {
  const latest = summary.months.at(-1);
  if (!latest) return undefined;
  const byId = new Map(summary.months.map((m) => [m.id, m]));
  const partial = soFar(latest);
  return {
    monthTitle: latest.title,
    soFar: partial ? `so far: ${partial.days} of ${partial.of} days` : "",
    tiles: siteSeries(summary).map((series, i) => glanceTile(series, latest, byId, i + 1)),
  };
}

function glanceTile(
  series: SiteSeries,
  latest: MonthSummary,
  byId: ReadonlyMap<string, MonthSummary>,
  index: number,
): GlanceTile {
  const ids = lastMonthIds(latest.id, GLANCE_MONTHS);
  const bars = ids.map((id) => monthBar(series, id, byId.get(id)));
  const label = `${series.title} per month, ${monthTitleOf(ids[0]!)} to ${latest.title}`;
  return {
    title: series.title,
    href: series.hrefOf(latest),
    valueText: series.textOf(series.valueOf(latest)),
    changes: [
      monthBeforeChange(series, latest, byId.get(calendarPreviousId(latest.id))),
      yearBeforeChange(series, latest, byId.get(yearBeforeId(latest.id))),
    ],
    chart: renderMonthBars({
      id: `glance-${index}`,
      label,
      bars,
      tick: (bar, i) => (isTicked(bar.id, i, bars.length) ? shortTick(bar.id) : undefined),
    }),
  };
}

/**
 * The first and last bar are labelled, and each January between them that is not so close to either
 * that the labels would overlap.
 */
function isTicked(id: string, index: number, count: number): boolean {
  if (index === 0 || index === count - 1) return true;
  return id.endsWith("-01") && index >= TICK_GAP && index <= count - 1 - TICK_GAP;
}

/** Bars between labels, at least: "Jan 19" is about four bars wide. */
const TICK_GAP = 4;

/** "Jan 19" */
function shortTick(id: string): string {
  return `${monthTitleOf(id).slice(0, 3)} ${id.slice(2, 4)}`;
}

/** The `count` calendar months ending at `last`, oldest first. */
export function lastMonthIds(last: string, count: number): string[] {
  const ids = [last];
  while (ids.length < count) ids.unshift(calendarPreviousId(ids[0]!));
  return ids;
}

/** A month's bar of a series; a month the site lacks has no value. */
export function monthBar(series: SiteSeries, id: string, month: MonthSummary | undefined): MonthBar {
  if (!month) return { id, title: monthTitleOf(id), value: null, text: "no data" };
  const value = series.valueOf(month);
  return { id, title: month.title, value, text: series.textOf(value), partial: soFar(month) !== undefined };
}

function monthBeforeChange(series: SiteSeries, month: MonthSummary, before: MonthSummary | undefined): GlanceChange {
  const since = `since ${before?.title ?? monthTitleOf(calendarPreviousId(month.id))}`;
  return changeOf(series, month, before, since, compareMonths(month, before, series.format));
}

function yearBeforeChange(series: SiteSeries, month: MonthSummary, before: MonthSummary | undefined): GlanceChange {
  const since = `since ${before?.title ?? monthTitleOf(yearBeforeId(month.id))}, a year before`;
  return changeOf(series, month, before, since, compareMonths(month, before, series.format, yearBeforeId));
}

/**
 * A series' change against an earlier month by the rules of compare.ts: counts and sums per day
 * when days are missing; the other measures (a median, a share) by their difference, which missing
 * days do not skew.
 */
function changeOf(
  series: SiteSeries,
  month: MonthSummary,
  before: MonthSummary | undefined,
  since: string,
  comparison: ReturnType<typeof compareMonths>,
): GlanceChange {
  if (!before) return { since, text: "", missing: "no data for that month" };
  if (!comparison) {
    const skipped = month.skippedFiles || before.skippedFiles;
    return {
      since,
      text: "",
      missing: skipped ? "files of one of the months were left out" : "no day of data to compare",
    };
  }
  const now = series.valueOf(month);
  const was = series.valueOf(before);
  if (now === null || was === null) return { since, text: "", missing: "no value in one of the months" };
  const text = series.additive ? comparison.change(now, was).text : series.differenceOf(now, was);
  return { since, text, missing: "" };
}
