/**
 * Pure: a small bar chart of one value per month, drawn as SVG text here rather than by Vega. The home
 * page is rendered at deploy from summary.json, where loading Vega would cost more than the whole
 * page; and a bar per month needs no scale but a maximum. It reads without JavaScript: the figure's
 * title and description name the range, the lowest, highest and latest months; each bar has its tooltip.
 */
import { escapeHtml } from "./escape.js";

/** A month's bar: its value (null when the month has none: no bar), and how the tooltip prints it. */
export interface MonthBar {
  /** `2019-01` */
  id: string;
  /** `January 2019` */
  title: string;
  value: number | null;
  /** The value as pages print it, e.g. "1,234 requests". */
  text: string;
  /** A month whose data is not all in yet: drawn lighter, and said so in its tooltip. */
  partial?: boolean;
}

/** What renderMonthBars draws. */
export interface MonthBarsInput {
  /** Prefix of the SVG's element ids, unique on the page, e.g. `glance-1`. */
  id: string;
  /** The chart's accessible name, e.g. "Requests per month, February 2018 to January 2020". */
  label: string;
  /** One bar per calendar month, oldest first (a month without data has value null). */
  bars: readonly MonthBar[];
  /** The label under a bar, or undefined for none (e.g. only January's year on a two-year chart). */
  tick: (bar: MonthBar, index: number) => string | undefined;
}

const WIDTH = 320;
const HEIGHT = 120;
/** Room above the bars for the maximum's label, and below for the month labels. */
const TOP = 18;
const BOTTOM = 20;
const BAR_FILL = "#1f5fbf";
const PARTIAL_FILL = "#9bb7e0";

/**
 * The chart's SVG: bars scaled to the largest value (zero at the baseline; negative sums are drawn as
 * zero-height bars, their tooltip still says the value). Every text is escaped.
 * @example renderMonthBars({ id: "glance-1", label: "Requests per month", bars, tick: () => undefined })
 */
export function renderMonthBars(input: MonthBarsInput): string {
  const { id, label, bars } = input;
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const slot = WIDTH / Math.max(1, bars.length);
  const plot = HEIGHT - TOP - BOTTOM;
  const parts = bars.map((bar, i) => barMarkup(bar, i, slot, max > 0 ? plot / max : 0));
  const ticks = bars.map((bar, i) => tickMarkup(input.tick(bar, i), i, slot, bars.length));
  const top = bars.find((b) => b.value === max && max > 0);
  return [
    `<svg class="month-bars" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeHtml(label)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(describeBars(bars))}</desc>`,
    top ? `<text x="0" y="12" class="max">${escapeHtml(`highest: ${top.text}`)}</text>` : "",
    `<line x1="0" x2="${WIDTH}" y1="${HEIGHT - BOTTOM}" y2="${HEIGHT - BOTTOM}" stroke="#4f5869"/>`,
    ...parts,
    ...ticks,
    "</svg>",
  ].join("");
}

/** One bar with its tooltip; nothing for a month without a value. */
function barMarkup(bar: MonthBar, index: number, slot: number, scale: number): string {
  if (bar.value === null) return "";
  const height = Math.max(0, bar.value) * scale;
  const x = index * slot + slot * 0.15;
  const y = HEIGHT - BOTTOM - height;
  const tip = `${bar.title}: ${bar.text}${bar.partial ? " (data not all in yet)" : ""}`;
  const fill = bar.partial ? PARTIAL_FILL : BAR_FILL;
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(slot * 0.7)}" height="${round(height)}" fill="${fill}"><title>${escapeHtml(tip)}</title></rect>`;
}

/** A bar's label, centred under it; the first and last bar's kept inside the picture. */
function tickMarkup(text: string | undefined, index: number, slot: number, count: number): string {
  if (text === undefined) return "";
  const [x, anchor] =
    index === 0 ? [0, "start"] : index === count - 1 ? [WIDTH, "end"] : [index * slot + slot / 2, "middle"];
  return `<text x="${round(x)}" y="${HEIGHT - 4}" text-anchor="${anchor}">${escapeHtml(text)}</text>`;
}

/** The chart in words: its range, lowest, highest and latest month, for readers who do not see it. */
export function describeBars(bars: readonly MonthBar[]): string {
  const drawn = bars.filter((b): b is MonthBar & { value: number } => b.value !== null);
  if (drawn.length === 0) return "No month has a value.";
  const low = drawn.reduce((a, b) => (b.value < a.value ? b : a));
  const high = drawn.reduce((a, b) => (b.value > a.value ? b : a));
  const latest = drawn.at(-1)!;
  const missing = bars.length - drawn.length;
  return [
    `${drawn.length} month${drawn.length === 1 ? "" : "s"} from ${drawn[0]!.title} to ${latest.title}.`,
    `Lowest ${low.text} in ${low.title}, highest ${high.text} in ${high.title}, latest ${latest.text}${latest.partial ? " (data not all in yet)" : ""}.`,
    missing ? `${missing} month${missing === 1 ? "" : "s"} without data.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** Coordinates with two decimals: the same bytes from run to run, and short. */
function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
