/** "Did you mean …?" for a mistyped command, flag or config key. Pure leaf: the CLI and the config use it. */

/** The candidate closest to `input` by edit distance, if it is close enough to be a likely typo. */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(input.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  // a third of the word may be wrong (at least 1, at most 3 edits), or the input is a prefix of it
  const allowed = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  if (best && best.distance <= allowed) return best.name;
  return candidates.find((name) => input.length >= 2 && name.startsWith(input));
}

/** Levenshtein distance with adjacent transpositions counted as one edit ("biuld" -> "build"). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
