/**
 * The output record (`output.json`): what the last build left in its output folder, each file with
 * its stamp and the MD5 of the bytes the build wrote. The build reads it to stop early; deploy reads
 * it to take the MD5 of every file whose stamp still matches instead of reading the file.
 */
import { join, resolve } from "node:path";
import type { Logger } from "../log.js";
import type { RecordedFile, StampWithMd5 } from "../site/index.js";
import { readStateFile, type StateFileKind } from "./state-file.js";

/** Bump when the meaning of the record changes. */
export const OUTPUT_RECORD_FORMAT = 2;

/** The record's name in the cache folder. */
export const OUTPUT_RECORD_FILE = "output.json";

/** An output folder as a build left it. */
export interface OutputRecord {
  /** The folder, absolute. */
  output: string;
  /**
   * Fingerprint of everything the site's files were made from (pages, assets, config); absent
   * after a --month build, whose site holds carried-over files no fingerprint names.
   */
  fingerprint?: string;
  /**
   * Fingerprint of what the pages were planned from (the raw listing, the cache's months, the
   * config, templates and branding), with the months it gave; only for a build of every month that
   * skipped no file. The same value later means the same site, known without reading a month or a page.
   * `hash` is the fingerprint's name in the file: a new name would set every existing record aside.
   */
  inputs?: { hash: string; months: RecordedMonth[] };
  /** Every file of the folder, sorted by path, with its stamp and MD5. */
  files: RecordedFile[];
}

/** A month of a recorded build: what its summary says besides the listing's missing days. */
export interface RecordedMonth {
  month: string;
  rows: number;
  files: number;
  emptyDays: number[];
  /** Count columns some of the month's files do not have; absent when every file has them all. */
  absentColumns?: AbsentColumn[];
}

/** A count column some of a month's raw files do not have (read as empty there), and those files' keys. */
export interface AbsentColumn {
  column: string;
  keys: string[];
}

/** The output record in `cacheDir`, or undefined (missing, or ignored with a warning saying `instead`). */
export async function readOutputRecord(
  cacheDir: string,
  logger: Logger,
  instead: string,
): Promise<OutputRecord | undefined> {
  const kind: StateFileKind<OutputRecord> = { format: OUTPUT_RECORD_FORMAT, isData: isOutputRecord, instead };
  return (await readStateFile(join(cacheDir, OUTPUT_RECORD_FILE), kind, logger)).data;
}

/**
 * The MD5s the last build recorded for the files of `output`, by path, each with the stamp it names;
 * empty when the record is missing, ignored, or of another folder (a site built elsewhere). Deploy
 * uses one only while the file still has that stamp.
 */
export async function recordedMd5s(
  cacheDir: string,
  output: string,
  logger: Logger,
): Promise<Map<string, StampWithMd5>> {
  const instead = "every file of the output folder is read to compute its MD5";
  const record = await readOutputRecord(cacheDir, logger, instead);
  if (record?.output !== resolve(output)) return new Map();
  return new Map(record.files.map(({ path, ...stamp }) => [path, stamp]));
}

function isOutputRecord(value: unknown): value is OutputRecord {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Partial<OutputRecord>;
  return (
    typeof record.output === "string" &&
    (record.fingerprint === undefined || typeof record.fingerprint === "string") &&
    (record.inputs === undefined || isRecordedInputs(record.inputs)) &&
    Array.isArray(record.files) &&
    record.files.every(isHashedFile)
  );
}

function isHashedFile(value: Partial<RecordedFile>): boolean {
  return (
    typeof value.path === "string" &&
    typeof value.md5 === "string" &&
    [value.size, value.mtimeMs, value.ctimeMs, value.ino].every((n) => typeof n === "number")
  );
}

function isRecordedInputs(value: Partial<OutputRecord["inputs"] & object>): boolean {
  return (
    typeof value.hash === "string" &&
    Array.isArray(value.months) &&
    value.months.every(
      (m: Partial<RecordedMonth>) =>
        typeof m.month === "string" &&
        typeof m.rows === "number" &&
        typeof m.files === "number" &&
        Array.isArray(m.emptyDays) &&
        m.emptyDays.every((d) => typeof d === "number") &&
        (m.absentColumns === undefined || m.absentColumns.every(isAbsentColumn)),
    )
  );
}

function isAbsentColumn(value: Partial<AbsentColumn>): boolean {
  return (
    typeof value.column === "string" && Array.isArray(value.keys) && value.keys.every((k) => typeof k === "string")
  );
}
