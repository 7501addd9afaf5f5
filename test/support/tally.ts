/** Scan options of a plain count by whole columns (the one report of a site without `reports`), for tests of the scanner. */
import { countSpec } from "../../src/source/index.js";

/** `specs` and `missingValues` of scanCsv for one count by `columns`: spread into the options. */
export function counting(columns: readonly string[]) {
  return { specs: [countSpec(columns)], missingValues: [] as string[] };
}
