/**
 * A build with nothing new: the output folder is exactly what the last build left there, and this
 * build would make it from the same inputs. Told apart two ways: by the inputs before anything is
 * read (unchangedSite), or, after the pages are planned, by their hashes (unchangedOutput).
 */
import { resolve } from "node:path";
import type { BuildCache, OutputFileStat, OutputRecord, RecordedMonth } from "../cache/index.js";
import { readBuiltTheme, sameStamp, siteFileStats } from "../site/index.js";
import type { MonthSummary } from "./month.js";

/**
 * The last build's months and the folder's files, when that build made the folder from these
 * `inputs` (siteInputs) and the folder is as it left it; else undefined.
 */
export async function unchangedSite(
  cache: BuildCache,
  output: string,
  inputs: string,
): Promise<{ months: RecordedMonth[]; files: OutputFileStat[] } | undefined> {
  const record = await cache.output();
  if (!record?.inputs || record.inputs.hash !== inputs) return undefined;
  const files = await sameFolder(record, output);
  return files && { months: record.inputs.months, files };
}

/**
 * The files of the output folder when it is exactly what the last build left there and that build's
 * site was made from `fingerprint` too (so this build would write the same bytes); else undefined.
 */
export async function unchangedOutput(
  cache: BuildCache,
  output: string,
  fingerprint: string,
): Promise<OutputFileStat[] | undefined> {
  const record = await cache.output();
  if (record?.fingerprint !== fingerprint) return undefined;
  return sameFolder(record, output);
}

/** The folder's files when each has the stamp recorded (size, modification and change time, inode) and the theme record is there. */
async function sameFolder(record: OutputRecord, output: string): Promise<OutputFileStat[] | undefined> {
  if (record.output !== resolve(output)) return undefined;
  // a folder without a usable theme record (an earlier version built it) is written again, so deploy has it
  const theme = await readBuiltTheme(output);
  if (!theme || !("built" in theme)) return undefined;
  const now = await siteFileStats(output);
  const same = (a: OutputFileStat, b: OutputFileStat) => a.path === b.path && sameStamp(a, b);
  return now?.length === record.files.length && now.every((f, i) => same(f, record.files[i]!)) ? now : undefined;
}

/** What the record keeps of a build's months. */
export function recordedMonths(months: readonly MonthSummary[]): RecordedMonth[] {
  return months.map(({ month, rows, files, emptyDays, absentColumns }) => ({
    month,
    rows,
    files,
    emptyDays,
    ...(absentColumns ? { absentColumns } : {}),
  }));
}
