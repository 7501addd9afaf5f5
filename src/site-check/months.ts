/** Pure: which month folder of a site is the newest, from the keys its home page links to. */
import { MONTH_ABBREVIATIONS } from "../config/index.js";

/**
 * The newest month's folder (ending in `/`) among the keys, by the config's site.monthPath
 * (`{year}/{mon}`, `{year}-{month}`, …), or undefined when no key is in a month's folder.
 * @example newestMonthFolder(["2019/jan/final_report.html", "2019/feb/"], "{year}/{mon}") // "2019/feb/"
 */
export function newestMonthFolder(keys: Iterable<string>, monthPath: string): string | undefined {
  const pattern = monthPattern(monthPath);
  let newest: { folder: string; order: number } | undefined;
  for (const key of keys) {
    const match = pattern.exec(key);
    if (!match?.groups) continue;
    const { year, mon, month } = match.groups;
    const index = mon ? MONTH_ABBREVIATIONS.indexOf(mon as (typeof MONTH_ABBREVIATIONS)[number]) : Number(month) - 1;
    const order = Number(year ?? 0) * 12 + index;
    if (!newest || order > newest.order) newest = { folder: `${match[1]}/`, order };
  }
  return newest?.folder;
}

/** The folder template as a regular expression over keys: group 1 is the folder. */
function monthPattern(monthPath: string): RegExp {
  const parts: Record<string, string> = {
    "{year}": "(?<year>\\d{4})",
    "{mon}": `(?<mon>${MONTH_ABBREVIATIONS.join("|")})`,
    "{month}": "(?<month>0[1-9]|1[0-2])",
  };
  const source = monthPath
    .replace(/\/+$/, "")
    .split(/(\{year\}|\{mon\}|\{month\})/)
    .map((part) => parts[part] ?? part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("");
  return new RegExp(`^(${source})(?:/|$)`);
}
