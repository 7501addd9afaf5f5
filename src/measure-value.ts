/**
 * Pure: the value pandas (1.5, read_csv's C parser, default float_precision) holds for one CSV cell,
 * so that measures computed here equal pandas' to the last bit wherever pandas' own result does not
 * depend on row order. Found by experiment with Debian's python3-pandas 1.5.3; the cell is the text
 * the CSV reader gives (quotes removed: `"1,000"` is the cell `1,000`).
 *
 * Rules of a numeric column's cell:
 * - missing: the cell is exactly one of the missing markers (pandas' na_values: its defaults such as
 *   "", "NA", "N/A", "NULL", "#N/A", "NaN", "nan", "-nan", "null", plus the configured ones). Matching
 *   is exact: " NA" and "NaN " are not missing, they are text.
 * - a number: optional ASCII whitespace (space, tab, CR, LF, VT, FF) around an optional sign, digits
 *   with at most one ".", at least one digit (`.5` and `5.` are numbers, `.` is not), and an optional
 *   exponent `e`/`E` with optional sign and digits: `+5`, ` 5 `, `1e3`, `1.5E+2`, `-00.5`. Read with
 *   pandas' own algorithm (precise_xstrtod), which keeps only the first 17 digits and scales by a
 *   table of powers of ten, so `0.30000000000000004` is 0.3 exactly as pandas reads it (not as
 *   Number() does). An exponent beyond 308 digits is text (`1e400`), a tiny one underflows to 0.
 * - infinite: exactly `inf` or `infinity` in any letter case, with an optional sign (`-Infinity`,
 *   `INF`), no whitespace around.
 * - text, which makes pandas read the whole column as strings, so a numeric measure over it fails:
 *   everything else, among them whitespace-only cells, `1,000`, `0x10`, `1_000`, `1e`, `nan5`, `+nan`,
 *   non-ASCII digits and spaces, and `True`/`False` (a column of only booleans is bool in pandas,
 *   whose sum counts the trues; here that is a share, not a sum).
 * - an integer (`[+-]digits`, spaces around) is read by pandas as int64 when every cell of the column
 *   in that file is one, else with the algorithm above: both give the same number only up to 17
 *   digits and 2^53, so a longer or larger integer is an error rather than a number that depends on
 *   its neighbours. So is a decimal whose digits before the point exceed 64-bit integers (2^64 - 1,
 *   or -2^63): pandas reads it as a number or as text depending on the rows around it.
 */
import { ReportsiteError } from "./errors.js";

/** The marker parseMeasureValue returns for a missing cell (pandas NaN). */
export const MISSING = Symbol("missing");

/** A cell of a measure column that is not a number pandas would compute with; names the column and the value. */
export class MeasureValueError extends ReportsiteError {
  readonly column: string;
  readonly value: string;
  constructor(column: string, value: string, why: string) {
    super(`column "${column}": the value ${JSON.stringify(value)} ${why}`, {
      hint: `A measure over "${column}" needs numbers in it (or blank cells, or a missing marker such as NA).`,
    });
    this.column = column;
    this.value = value;
  }
}

/** How pandas reads a measure column's cells: the column's name and its missing markers (defaults plus configured). */
export interface MeasureColumn {
  name: string;
  missing: ReadonlySet<string>;
}

/**
 * The number pandas reads from a cell of a numeric column, or MISSING; a MeasureValueError for a
 * cell that would make pandas read the column as text (the caller adds the file and line).
 * @example parseMeasureValue(" 1e3", { name: "days", missing: new Set(["", "NA"]) }) // 1000
 */
export function parseMeasureValue(cell: string, column: MeasureColumn): number | typeof MISSING {
  if (column.missing.has(cell)) return MISSING;
  const integer = INTEGER.exec(cell);
  if (integer) return readInteger(cell, integer[1]!, column.name);
  if (overflowsIntegerReader(cell)) throw new MeasureValueError(column.name, cell, TOO_LONG);
  const number = readDecimal(cell) ?? infinity(cell);
  if (number === undefined) throw new MeasureValueError(column.name, cell, "is not a number");
  return number;
}

const SPACE = "[ \\t\\n\\v\\f\\r]*";
const INTEGER = new RegExp(`^${SPACE}([+-]?[0-9]+)${SPACE}$`);
const DECIMAL = new RegExp(`^${SPACE}([+-]?)([0-9]*)(?:\\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?${SPACE}$`);
/** The most digits pandas' float reader keeps; the rest only shift the exponent or are dropped. */
const MAX_DIGITS = 17;

const TOO_LONG = "has more digits than a number can hold exactly";
const LEADING_INTEGER = new RegExp(`^${SPACE}([+-]?)([0-9]+)`);

/**
 * pandas first tries its 64-bit integer readers on the column; digits before the point beyond their
 * range stop them with an overflow that makes the column text, or not, depending on the rows read
 * before and after (`1.5` above the cell: a number; below it: text).
 */
function overflowsIntegerReader(cell: string): boolean {
  const match = LEADING_INTEGER.exec(cell);
  if (!match) return false;
  const magnitude = BigInt(match[2]!);
  return match[1] === "-" ? magnitude > 2n ** 63n : magnitude >= 2n ** 64n;
}

/** 2^53: every integer up to it is a double, and pandas' two readers agree on it. */
const LARGEST_EXACT_INTEGER = 2n ** 53n;

/** An integer cell: both of pandas' readers agree on it only up to 17 digits and 2^53. */
function readInteger(cell: string, digits: string, column: string): number {
  const magnitude = digits.replace(/^[+-]/, "");
  if (magnitude.length > MAX_DIGITS || BigInt(magnitude) > LARGEST_EXACT_INTEGER) {
    throw new MeasureValueError(column, cell, TOO_LONG);
  }
  const value = Number(digits);
  return value === 0 ? 0 : value;
}

/** pandas' precise_xstrtod over the whole cell; undefined when it is not a number or overflows. */
function readDecimal(cell: string): number | undefined {
  const match = DECIMAL.exec(cell);
  if (!match) return undefined;
  const [, sign, whole = "", fraction = "", exponentText] = match;
  if (whole.length + fraction.length === 0) return undefined;
  const exponentDigits = exponentText?.replace(/^[+-]/, "") ?? "";
  // pandas reads 17 exponent digits into a C int: more are left unread (text), a larger value overflows it.
  if (exponentDigits.length > MAX_DIGITS || Number(exponentDigits) > 2 ** 31 - 1) return undefined;
  const kept = (whole + fraction).slice(0, MAX_DIGITS);
  let number = 0;
  for (const digit of kept) number = number * 10 + (digit.charCodeAt(0) - 48);
  const exponent =
    Math.max(whole.length - MAX_DIGITS, 0) -
    Math.max(0, Math.min(fraction.length, MAX_DIGITS - Math.min(whole.length, MAX_DIGITS))) +
    Number(exponentText ?? 0);
  const scaled = scale(sign === "-" ? -number : number, exponent);
  return Number.isFinite(scaled) ? scaled : undefined;
}

/** pandas' scaling by its table of powers of ten (each the correctly rounded double, as a C literal is). */
function scale(number: number, exponent: number): number {
  if (exponent > 308) return Infinity;
  if (exponent > 0) return number * POWERS[exponent]!;
  if (exponent < -616) return 0;
  if (exponent < -308) return number / POWERS[-308 - exponent]! / POWERS[308]!;
  return number / POWERS[-exponent]!;
}

const POWERS = Array.from({ length: 309 }, (_, k) => Number(`1e${k}`));

/** pandas' own spellings of infinity, compared without regard to case. */
function infinity(cell: string): number | undefined {
  const word = cell.toLowerCase();
  if (["inf", "+inf", "infinity", "+infinity"].includes(word)) return Infinity;
  if (["-inf", "-infinity"].includes(word)) return -Infinity;
  return undefined;
}

/** The cells pandas' default true_values and false_values read as booleans. */
const BOOLEANS = new Map([
  ["True", 1],
  ["TRUE", 1],
  ["true", 1],
  ["False", 0],
  ["FALSE", 0],
  ["false", 0],
]);

/**
 * What pandas makes of a column of one raw file, decided by all its non-missing cells (also those of
 * rows a filter leaves out): numbers, booleans, or text as soon as one cell is neither.
 * "empty": no cell yet, or only missing ones.
 */
export type ColumnKind = "empty" | "number" | "boolean" | "text";

/**
 * The kind of a column after one more cell; a MeasureValueError for a number too long for pandas to
 * read the same way whatever the other rows (see the header), also in a column no sum is taken of.
 */
export function kindWith(kind: ColumnKind, cell: string, column: MeasureColumn): ColumnKind {
  if (kind === "text" || column.missing.has(cell)) return kind;
  const cellKind = BOOLEANS.has(cell) ? "boolean" : isNumber(cell, column) ? "number" : "text";
  return kind === "empty" || kind === cellKind ? cellKind : "text";
}

function isNumber(cell: string, column: MeasureColumn): boolean {
  try {
    parseMeasureValue(cell, column);
    return true;
  } catch (error) {
    // a number pandas reads one way or another depending on the rest of the file: no kind to rely on
    if (error instanceof MeasureValueError && (INTEGER.test(cell) || overflowsIntegerReader(cell))) throw error;
    return false;
  }
}

/**
 * A value as pandas holds it after reading a non-missing cell of a column of that kind: a number
 * (booleans are 1 and 0, as True == 1 in pandas) or, in a text column, the cell's text unchanged.
 * Keys of a ValueTally; 5 and "5" stay two values, as pandas' 5.0 and "5" do.
 */
export type PandasValue = number | string;

/** The value pandas holds for a non-missing cell of a column of that kind. */
export function pandasValue(cell: string, kind: ColumnKind, column: MeasureColumn): PandasValue {
  if (kind === "text" || kind === "empty") return cell;
  if (kind === "boolean") return BOOLEANS.get(cell) ?? cell;
  const value = parseMeasureValue(cell, column);
  if (value === MISSING) throw new MeasureValueError(column.name, cell, "is missing, so it has no value");
  return value;
}
