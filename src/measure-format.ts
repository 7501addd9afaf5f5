/**
 * Leaf helper: how pages print a measure's value, digit for digit as Python's `format()` prints
 * pandas' number (so a page and the pandas script agree), and the exact binary value of a double it
 * rounds from (also the base of aggregate/exact.ts's order-free sums).
 */

/** Digits after the point of sums, means, medians, p90s, minimums and maximums on pages. */
export const MEASURE_DECIMALS = 2;
/** Digits after the point of a share printed as a percentage. */
export const SHARE_DECIMALS = 1;
/** How a page prints a measure with no value (pandas NaN: the mean of a group whose cells are all blank). */
export const NO_VALUE = "—";

/**
 * How a page prints a measure's value: counts and distinct counts as integers, shares as
 * percentages with SHARE_DECIMALS, everything else with MEASURE_DECIMALS.
 */
export function formatMeasure(
  measure: { readonly kind: string; readonly column?: string; readonly values?: unknown },
  value: number | null,
): string {
  if (value === null || Number.isNaN(value)) return NO_VALUE;
  if (measure.kind === "count" || measure.kind === "distinct") return String(value);
  if (measure.kind === "share") return `${formatFixed(value * 100, SHARE_DECIMALS)}%`;
  return formatFixed(value, MEASURE_DECIMALS);
}

/** A finite double as integer × 2^exponent, exactly. */
export interface Binary {
  mantissa: bigint;
  exponent: number;
}

/** The exact binary value of a finite double. */
export function binary(x: number): Binary {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const magnitude = biased === 0 ? fraction : fraction | (1n << 52n);
  return { mantissa: x < 0 ? -magnitude : magnitude, exponent: (biased === 0 ? 1 : biased) - 1075 };
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
