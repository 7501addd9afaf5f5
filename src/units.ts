/** Leaf helper (like errors.ts): sizes and counts as people read them. */

/**
 * A whole number with thousands separators, as en-US writes it: `12,345`, `-1,000`. Not Intl: its
 * first use loads ICU (~20 ms), which a build with nothing to render should not pay.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ",");
  return n < 0 ? `-${digits}` : digits;
}

/** Days as ranges: [1,2,3,5] -> `1-3, 5`. */
export function formatDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? String(start) : `${start}-${sorted[i]}`);
  }
  return parts.join(", ");
}

/** Bytes in powers of 1000: `812 B`, `12.4 kB`, `3.1 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
