/**
 * Pure: exact arithmetic on doubles with BigInt, for sums that do not depend on the order of the
 * values and for printing a double the way Python's `format(x, ".2f")` does.
 */

/** A finite double as integer × 2^exponent, exactly. */
interface Binary {
  mantissa: bigint;
  exponent: number;
}

/** The exact binary value of a finite double. */
function binary(x: number): Binary {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const magnitude = biased === 0 ? fraction : fraction | (1n << 52n);
  return { mantissa: x < 0 ? -magnitude : magnitude, exponent: (biased === 0 ? 1 : biased) - 1075 };
}

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

/**
 * x with `decimals` digits after the point, as Python's `format(x, f".{decimals}f")` prints it: the
 * exact binary value rounded to nearest, an exact tie to the even digit (0.125 -> "0.12"; JavaScript's
 * toFixed gives "0.13"). Zero prints without a sign, also -0; "inf", "-inf" and "nan" as Python does.
 */
export function formatFixed(x: number, decimals: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return (0).toFixed(decimals);
  const { mantissa, exponent } = binary(Math.abs(x));
  const scaled = mantissa * 10n ** BigInt(decimals);
  const digits = exponent >= 0 ? scaled << BigInt(exponent) : roundHalfEven(scaled, 1n << BigInt(-exponent));
  const text = digits.toString().padStart(decimals + 1, "0");
  const point = text.length - decimals;
  return `${x < 0 ? "-" : ""}${text.slice(0, point)}${decimals > 0 ? "." : ""}${text.slice(point)}`;
}

/** numerator / denominator rounded to the nearest integer, a tie to the even one. */
function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}
