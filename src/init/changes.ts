/** What differs between a file init finds and the one it would write now, in a few lines. Pure. */

/** Lines shown at most per file. */
const CHANGES_SHOWN_MAX = 8;

/**
 * For JSON files, each key whose value changed (`raw.bucket: "old" -> "new"`); for other text, the
 * lines only one side has (`- old`, `+ new`). Empty when the texts are the same.
 */
export function describeChanges(path: string, before: string, after: string): string[] {
  if (before === after) return [];
  const changes = path.endsWith(".json") ? jsonChanges(before, after) : lineChanges(before, after);
  if (changes.length === 0) return ["only the layout differs"];
  const more = changes.length - CHANGES_SHOWN_MAX;
  return more > 0 ? [...changes.slice(0, CHANGES_SHOWN_MAX), `… and ${more} more`] : changes;
}

function jsonChanges(before: string, after: string): string[] {
  let old: unknown;
  try {
    old = JSON.parse(before);
  } catch {
    return ["the existing file is not valid JSON"];
  }
  const [was, now] = [leaves(old), leaves(JSON.parse(after))];
  const keys = [...new Set([...was.keys(), ...now.keys()])];
  return keys.flatMap((key) => {
    const [a, b] = [was.get(key), now.get(key)];
    return a === b ? [] : [`${key}: ${a ?? "(none)"} -> ${b ?? "(none)"}`];
  });
}

/** Every leaf value as JSON text under its key path (`raw.bucket`, `report.groupBy[0]`, `Statement[1].Resource`). */
function leaves(value: unknown, path = "", out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, JSON.stringify(value));
  return out;
}

function lineChanges(before: string, after: string): string[] {
  const [was, now] = [before.split("\n"), after.split("\n")];
  const [wasSet, nowSet] = [new Set(was), new Set(now)];
  return [
    ...was.filter((l) => !nowSet.has(l)).map((l) => `- ${l.trim()}`),
    ...now.filter((l) => !wasSet.has(l)).map((l) => `+ ${l.trim()}`),
  ];
}
