/** Parse one raw CSV stream into columns, the way pandas.read_csv reads it, or fail naming the line. */
import type { Readable } from "node:stream";
/** What to keep and what must be there. */
export interface ParseOptions {
    /** Columns every file must have; a file without one is an error. */
    requiredColumns: readonly string[];
    /** Columns kept in memory (the rest are checked for shape, then dropped). */
    keepColumns: readonly string[];
}
/** The rows of one raw file: the kept columns as arrays of strings. */
export interface RawFile {
    key: string;
    header: string[];
    rows: number;
    columns: Record<string, string[]>;
}
/**
 * Read a CSV stream: UTF-8 (a BOM is dropped), LF, CRLF or CR line endings (mixed, too), quoted commas, quotes and newlines.
 * Like pandas, blank and whitespace-only lines are skipped. Unlike pandas, a row with more or fewer
 * fields than the header is an error rather than a silent NaN fill or a shifted row.
 */
export declare function parseCsvStream(body: Readable, key: string, options: ParseOptions): Promise<RawFile>;
