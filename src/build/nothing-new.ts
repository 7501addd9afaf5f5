/**
 * The shortcuts of a build with nothing new. Each compares what this build would make with what the
 * last build recorded in the build cache's output record (output.json), and is taken only when the
 * output folder is exactly what that build left there: the same paths, each with its recorded stamp
 * (size, modification and change time, inode), so no byte of the folder is read.
 *
 * - **Unchanged site** (unchangedSince), before any raw file, month or page is read: the listing,
 *   the cache's months and every setting's fingerprint (siteInputs) are those the record names.
 *   Nothing is read, rendered or written; each month is reported as reused, from the recorded months.
 *   Only a build of every month from the listing (no --month, not offline) and without --force.
 * - **Unchanged output** (unchangedOutput), after the months are counted and the pages planned: the
 *   site's fingerprint (of every group of pages and of the shared files) is the one the
 *   record names. The pages are neither rendered nor written. Not for a --month build, whose folder
 *   also holds the files it carries over from the previous build (its site is not one the fingerprints name).
 * - **Recorded months** (outputRecordPlan): what the record keeps of each month (rows, files, empty days,
 *   absent columns) so that an unchanged site can report its months without reading them. Recorded
 *   only by a build of every month that skipped no raw file: a skipped file is read again next time,
 *   so that build must not stop before reading it.
 *
 * Elsewhere, and not about the whole site: a raw file the cache saw with the same key, size and ETag
 * is not read again (planMonth); a group of pages whose fingerprint is in the cache is not rendered again
 * (pages.ts); and writeSite leaves a folder that already holds exactly the site's bytes as it is.
 */
import { resolve } from "node:path";
import { siteFingerprint, siteInputs } from "./fingerprints.js";
import { builtThemeOf, type BuildStart } from "./inputs.js";
import { reusedMonth, type MonthOutcome } from "./month.js";
import { wholeSite, type BuildOptions } from "./options.js";
import type { BuildCache, OutputRecord, RecordedMonth } from "../state/index.js";
import type { SiteConfig } from "../config/index.js";
import {
  holdsBuiltTheme,
  outputFileStamps,
  sameStamp,
  type BuiltTheme,
  type RecordedFile,
  type StampedFile,
} from "../site/index.js";
import { monthId } from "../source/index.js";

/**
 * Unchanged site: the last build's months (as this build reports them) and the folder's files, when
 * that build made every month from exactly this listing, cache and config and the folder is as it
 * left it; else undefined.
 */
export async function unchangedSince(
  config: SiteConfig,
  options: BuildOptions,
  { listed, inputs }: BuildStart,
): Promise<{ months: MonthOutcome[]; files: RecordedFile[] } | undefined> {
  if (!wholeSite(options) || options.force) return undefined;
  const record = await inputs.cache.output();
  if (!record?.inputs || record.inputs.hash !== inputsFingerprint({ listed, inputs })) return undefined;
  const recorded = new Map(record.inputs.months.map((m) => [m.month, m]));
  if (!listed.every((files) => recorded.has(monthId(files.month)))) return undefined;
  const files = await sameFolder(record, config.output, builtThemeOf(config, inputs.branding));
  if (!files) return undefined;
  const months = listed.map((files) => reusedMonth(config, files, recorded.get(monthId(files.month))!, options.logger));
  return { months, files };
}

/** What this build will record in the output record, and its site's fingerprint the unchanged-output shortcut compares. */
export interface OutputRecordPlan {
  /** siteFingerprint of the planned pages and the shared files; undefined for a --month build. */
  fingerprint?: string;
  /** The theme record this build writes beside the site. */
  theme: BuiltTheme;
  /** Record the folder's files, with their stamps and MD5s, as this build leaves them. */
  record(files: RecordedFile[]): void;
}

/** The output record of the site a build planned: `pages` are the fingerprints of its groups of pages, `months` its months. */
export function outputRecordPlan(
  config: SiteConfig,
  options: BuildOptions,
  start: BuildStart,
  { pages, months }: { pages: readonly string[]; months: readonly MonthOutcome[] },
): OutputRecordPlan {
  // a --month build carries over other months' files from the folder: its site is not one the fingerprints name,
  // so its record has no fingerprint, only the files' stamps and MD5s (for deploy)
  const fingerprint = options.months ? undefined : siteFingerprint(pages, start.inputs.assetsFingerprint);
  const record = (files: RecordedFile[]) => {
    // a file skipped now is read again by the next build, so that one must not stop before reading
    const complete = fingerprint && wholeSite(options) && months.every((m) => m.skipped.length === 0);
    const inputs = { hash: inputsFingerprint(start), months: recordedMonths(months) };
    start.inputs.cache.setOutput({
      output: resolve(config.output),
      ...(fingerprint ? { fingerprint } : {}),
      files,
      ...(complete ? { inputs } : {}),
    });
  };
  return { fingerprint, theme: builtThemeOf(config, start.inputs.branding), record };
}

/**
 * Unchanged output: the files of the output folder when it is exactly what the last build left
 * there and that build's site had this fingerprint too (so this build would write the same bytes).
 */
export async function unchangedOutput(
  cache: BuildCache,
  output: string,
  planned: OutputRecordPlan,
): Promise<RecordedFile[] | undefined> {
  if (planned.fingerprint === undefined) return undefined;
  const record = await cache.output();
  if (record?.fingerprint !== planned.fingerprint) return undefined;
  return sameFolder(record, output, planned.theme);
}

/** siteInputs of this build: the listing, the cache's months and every setting's fingerprint. */
function inputsFingerprint({ listed, inputs }: BuildStart): string {
  return siteInputs(listed, inputs.cache.monthChecksums(), inputs.fingerprints);
}

/**
 * The recorded files when each still has the stamp recorded (size, modification and change time,
 * inode), so their recorded MD5s still hold, and the folder holds this build's theme record.
 */
async function sameFolder(
  record: OutputRecord,
  output: string,
  theme: BuiltTheme,
): Promise<RecordedFile[] | undefined> {
  if (record.output !== resolve(output)) return undefined;
  // a folder without this theme record (an earlier version built it, or it was edited) is written
  // again, so that deploy renders index.html in the look the pages have
  if (!(await holdsBuiltTheme(output, theme))) return undefined;
  const now = await outputFileStamps(output);
  const same = (a: StampedFile, b: RecordedFile) => a.path === b.path && sameStamp(a, b);
  return now?.length === record.files.length && now.every((f, i) => same(f, record.files[i]!))
    ? record.files
    : undefined;
}

/** What the record keeps of a build's months. */
function recordedMonths(months: readonly MonthOutcome[]): RecordedMonth[] {
  return months.map(({ month, rows, files, emptyDays, absentColumns }) => ({
    month,
    rows,
    files,
    emptyDays,
    ...(absentColumns ? { absentColumns } : {}),
  }));
}
