import { monthAbbreviation, type Month } from "../source/index.js";

/** The folder of a month in the site: `{year}/{mon}` -> `2019/jan`. */
export function monthDir(template: string, month: Month): string {
  return template
    .replaceAll("{year}", String(month.year))
    .replaceAll("{mon}", monthAbbreviation(month))
    .replaceAll("{month}", String(month.month).padStart(2, "0"));
}
