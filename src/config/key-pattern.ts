/**
 * Pure: the raw key pattern (`{year}_{mon}_{day}_gid_requests.csv`) compiled to a matcher. A day
 * exported in parts has `{part}` (digits) or `*` (any text but `/`) in its pattern; a key the pattern
 * names may also end in `.gz` (a gzip export of the same file).
 */

export const MONTH_ABBREVIATIONS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
] as const;

const PLACEHOLDERS: Record<string, string> = {
  year: "(?<year>\\d{4})",
  mon: `(?<mon>${MONTH_ABBREVIATIONS.join("|")})`,
  month: "(?<month>0[1-9]|1[0-2])",
  // two digits first: before a `*`, `2019_jan_10_x` is day 10, not day 1 and a wildcard from "0_x"
  day: "(?<day>0[1-9]|[12]\\d|3[01]|[1-9])",
  part: "(?<part>\\d+)",
};

/** `*` in a pattern: any text within one folder level, e.g. the `_part0001` of a day exported in parts. */
const WILDCARD = "[^/]*";

/** What a raw key says about itself. */
export interface KeyDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31, or undefined when the pattern has no {day} */
  day?: number;
  /** The number of {part} (`_part0002` -> 2), or the text `*` stood for; undefined without either. */
  part?: number | string;
}

/** A compiled key pattern: `match` gives the date of a key (relative to the raw prefix), or undefined. */
export interface KeyPattern {
  source: string;
  /** Whether a day may have several files (the pattern has {part} or `*`): all of them count for that day. */
  parts: boolean;
  match(name: string): KeyDate | undefined;
}

/** Problems with a pattern, as sentences; empty when the pattern is usable. */
export function checkKeyPattern(pattern: string): string[] {
  const { names, problems } = checkPlaceholders(pattern, Object.keys(PLACEHOLDERS));
  if (!names.includes("year")) problems.push("needs {year}");
  if (names.includes("mon") === names.includes("month"))
    problems.push("needs exactly one of {mon} (jan) or {month} (01)");
  return problems;
}

/**
 * The `{name}` placeholders of a template, and the problems every template shares: a name not in
 * `allowed`, or one that appears twice. Each template adds what it needs on top.
 */
export function checkPlaceholders(
  template: string,
  allowed: readonly string[],
): { names: string[]; problems: string[] } {
  const problems: string[] = [];
  const names = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "");
  const choices = allowed.map((a) => `{${a}}`);
  const list = `${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`;
  for (const name of names) if (!allowed.includes(name)) problems.push(`unknown placeholder {${name}}; use ${list}`);
  for (const name of new Set(names))
    if (names.filter((n) => n === name).length > 1) problems.push(`placeholder {${name}} appears more than once`);
  return { names, problems };
}

/** Compile a pattern that passed checkKeyPattern. */
export function compileKeyPattern(pattern: string): KeyPattern {
  let wildcards = 0;
  const body = pattern
    .split(/(\{[a-z]+\}|\*)/)
    .map((piece) => {
      if (piece === "*") return `(?<wild${wildcards++}>${WILDCARD})`;
      const name = /^\{([a-z]+)\}$/.exec(piece)?.[1];
      return name && PLACEHOLDERS[name] ? PLACEHOLDERS[name] : piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  // `(\.gz)?`: a gzip export is read like the file it holds (the reader sees the gzip bytes and decompresses)
  const regex = new RegExp(`^${body}(?:\\.gz)?$`, "i");
  return {
    source: pattern,
    parts: wildcards > 0 || pattern.includes("{part}"),
    match(name) {
      const groups = regex.exec(name)?.groups;
      if (!groups) return undefined;
      const month = groups.mon
        ? MONTH_ABBREVIATIONS.indexOf(groups.mon.toLowerCase() as (typeof MONTH_ABBREVIATIONS)[number]) + 1
        : Number(groups.month);
      const day = groups.day === undefined ? undefined : Number(groups.day);
      return { year: Number(groups.year), month, day, part: partOf(groups) };
    },
  };
}

/** {part} as a number (so `part1` and `part0001` are the same part), else the text of the wildcards. */
function partOf(groups: Record<string, string | undefined>): number | string | undefined {
  if (groups.part !== undefined) return Number(groups.part);
  const wild = Object.keys(groups).filter((g) => g.startsWith("wild"));
  return wild.length ? wild.map((g) => groups[g]).join("*") : undefined;
}
