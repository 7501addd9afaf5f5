/**
 * Pure: "what changed" as HTML (templates/changes.eta), for a month's pages and the home page's
 * latest month. Every word of it is escaped by the template: group names are input.
 */
import { plural } from "./format.js";
import type { ChangeList } from "./changes.js";
import { renderTemplate } from "./templates.js";
import type { Theme } from "./theme.js";

/** Options of renderChanges. */
export interface RenderChangesOptions {
  /** The heading level of "What changed" (2: an h2); the reports' titles and the parts are below it. */
  level?: number;
  theme?: Theme;
}

/** One list as changes.eta shows it. */
interface ShownList {
  title: string | undefined;
  /** Why nothing is told, that nothing is unusual, or how long the month's data is. */
  note: string | undefined;
  partLevel: number;
  parts: { heading: string; items: string[] }[];
}

/**
 * The "What changed" section of a month (summary.json's `month.changes`), "" when there is none.
 * @example renderChanges(summary.months.at(-1)?.changes, { level: 2 }) // '<section class="changes" ...'
 */
export function renderChanges(
  changes: readonly ChangeList[] | undefined,
  { level = 2, theme }: RenderChangesOptions = {},
): string {
  if (!changes?.length) return "";
  const titled = changes.some((c) => c.title !== undefined);
  const lists = changes.map((c) => shownList(c, titled ? level + 2 : level + 1));
  // how groups are told apart only matters once some are
  const explanation = changes.every((c) => c.reason)
    ? ""
    : `Each group against its own usual value (the median) over the ${changes[0]!.window} months before; ` +
      "only groups far outside their usual range, and big enough to matter, are named.";
  return renderTemplate("changes", { level, explanation, lists }, theme);
}

function shownList(list: ChangeList, partLevel: number): ShownList {
  const parts = [
    { heading: "Rises", items: list.rises.map((c) => c.text) },
    { heading: "Falls", items: list.falls.map((c) => c.text) },
    { heading: "New this month", items: list.new.map((c) => c.text) },
    { heading: "None this month", items: list.vanished.map((c) => c.text) },
  ].filter((p) => p.items.length > 0);
  return { title: list.title, note: noteOf(list, parts.length === 0), partLevel, parts };
}

function noteOf(list: ChangeList, nothing: boolean): string | undefined {
  if (list.reason) return list.reason;
  if (nothing)
    return `Nothing unusual: every group is near its usual value of the ${plural(list.history, "month")} before.`;
  return undefined;
}
