/** Proposals from the raw bucket's contents: a key pattern from the key names, columns from a header. Pure. */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The key pattern most of the names (without the prefix) follow, or undefined when no name has a date.
 * @example guessKeyPattern(["2019_jan_01_gid_requests.csv"]) // "{year}_{mon}_{day}_gid_requests.csv"
 */
export function guessKeyPattern(names: readonly string[]): string | undefined {
  const votes = new Map<string, number>();
  for (const name of names) {
    const pattern = patternOf(name);
    if (pattern) votes.set(pattern, (votes.get(pattern) ?? 0) + 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** One name as a pattern: a year, then a month (jan or 01), then an optional day. */
function patternOf(name: string): string | undefined {
  let pattern = name.replace(/(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])/, "{year}");
  if (!pattern.includes("{year}")) return undefined;
  const mon = new RegExp(`(?<![a-z])(?:${MONTHS.join("|")})(?![a-z])`);
  if (mon.test(pattern)) pattern = pattern.replace(mon, "{mon}");
  else pattern = pattern.replace(/(?<=\{year\}[^0-9]?)(?:0[1-9]|1[0-2])(?![0-9])/, "{month}");
  if (!/\{mon(th)?\}/.test(pattern)) return undefined;
  pattern = pattern.replace(/(?<=\{mon(?:th)?\}[^0-9]?)(?:0[1-9]|[12][0-9]|3[01])(?![0-9])/, "{day}");
  return pattern;
}

/** The column names of a CSV's first line (quotes and a BOM handled). */
export function parseHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, "").split(/\r?\n|\r/)[0] ?? "";
  const names: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted && char === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === "," && !quoted) {
      names.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  names.push(current);
  return names.map((n) => n.trim()).filter(Boolean);
}

/** groupBy and chartField proposed from a header: the 311 names when present, else the likeliest category columns. */
export function proposeColumns(header: readonly string[]): { groupBy: string; chartField: string } | undefined {
  const score = (name: string) =>
    (/service|category|type|kind|status|department|request/i.test(name) ? 2 : 0) -
    (/id$|date|time|address|lat|lon|url|description/i.test(name) ? 3 : 0);
  const ranked = [...header].filter((c) => c !== "count").sort((a, b) => score(b) - score(a));
  const groupBy = header.includes("service_name") ? "service_name" : ranked[0];
  const chartField = header.includes("case_record_type") ? "case_record_type" : ranked.find((c) => c !== groupBy);
  return groupBy && chartField ? { groupBy, chartField } : undefined;
}
