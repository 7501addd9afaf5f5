/** Pure: exact arithmetic on doubles with BigInt, for sums that do not depend on the order of the values. */
import { binary } from "../measure-format.js";

/**
 * The double nearest to Σ value × count, computed exactly and rounded once (ties to even), so the
 * result does not depend on the order the values came in. Values must be finite.
 */
export function exactSum(terms: Iterable<readonly [value: number, count: number]>): number {
  const parts = [...terms]
    .filter(([value, count]) => value !== 0 && count !== 0)
    .map(([v, n]) => [binary(v), n] as const);
  if (parts.length === 0) return 0;
  const exponent = Math.min(...parts.map(([b]) => b.exponent));
  let total = 0n;
  for (const [b, count] of parts) total += (b.mantissa * BigInt(count)) << BigInt(b.exponent - exponent);
  return toDouble(total, exponent);
}

/** integer × 2^exponent as the nearest double: 64 significant bits (the rest folded into a sticky bit), then Number(). */
function toDouble(integer: bigint, exponent: number): number {
  const negative = integer < 0n;
  let magnitude = negative ? -integer : integer;
  const shift = Math.max(magnitude.toString(2).length - 64, 0);
  if (shift > 0) {
    const lost = magnitude & ((1n << BigInt(shift)) - 1n);
    magnitude = (magnitude >> BigInt(shift)) | (lost === 0n ? 0n : 1n);
  }
  // Two steps, so neither power of two leaves the double range; exact unless the result is subnormal.
  const half = Math.trunc((exponent + shift) / 2);
  const value = Number(magnitude) * 2 ** half * 2 ** (exponent + shift - half);
  return negative ? -value : value;
}
