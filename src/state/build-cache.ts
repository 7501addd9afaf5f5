/**
 * The build cache: the tallies of every raw file read (a file per month, named by the manifest with
 * its checksum), the rendered pages, and the output record. Read on demand, written by save().
 */
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../log.js";
import { isCachedFile, type CachedFile } from "./cached-file.js";
import { OUTPUT_RECORD_FILE, OUTPUT_RECORD_FORMAT, readOutputRecord, type OutputRecord } from "./output-record.js";
import { readStateFile, stateFileText, warnIgnored, writeStateFile, type StateFileKind } from "./state-file.js";

/** Bump when the meaning of cached counts or pages changes: every older cache is then ignored. */
export const CACHE_FORMAT = 4;

interface Manifest {
  /** countsFingerprint: the raw bucket and how its files are read (named `settings` in the file: a new name would set every existing cache aside). */
  settings: string;
  /** Each month file's checksum, by month. */
  months: Record<string, string>;
}

interface MonthFile {
  month: string;
  files: CachedFile[];
}

/** An open cache: months' files and rendered pages, read on demand, written by save(). */
export interface BuildCache {
  /** The cached raw files of a month (`2019-01`), or undefined when the cache has none it can trust. */
  month(id: string): Promise<CachedFile[] | undefined>;
  /** Months the cache has. */
  months(): string[];
  /** Each month the cache has, with the checksum of its file: changes whenever a month's counts do. */
  monthChecksums(): Readonly<Record<string, string>>;
  /** Why the cache on disk was set aside (another raw bucket or other columns, another version, damaged), if it was. */
  readonly setAside?: string;
  /** Replace a month's files (written by save()). */
  setMonth(id: string, files: CachedFile[]): void;
  /** Rendered pages stored under their `fingerprint`, or undefined. */
  pages<T>(fingerprint: string): Promise<T | undefined>;
  setPages(fingerprint: string, pages: unknown): void;
  /** Keep the pages under `fingerprint` (a build that did not need to read them still uses them). */
  keepPages(fingerprint: string): void;
  /** What the last build left in its output folder, or undefined when the cache does not know. */
  output(): Promise<OutputRecord | undefined>;
  setOutput(record: OutputRecord): void;
  /** Write what changed; the manifest last, so an interrupted save leaves the old, consistent cache. */
  save(): Promise<void>;
}

const MANIFEST: StateFileKind<Manifest> = {
  format: CACHE_FORMAT,
  isData: isManifest,
  instead: "the build cache is set aside and every raw file is read again",
};

const MONTH: StateFileKind<MonthFile> = {
  format: CACHE_FORMAT,
  isData: isMonthFile,
  instead: "the month's raw files are read again",
};

const PAGES: StateFileKind<unknown> = {
  format: CACHE_FORMAT,
  isData: (value): value is unknown => typeof value === "object" && value !== null,
  instead: "the pages are rendered again",
};

/**
 * Open the cache folder for a build whose counts have `countsFingerprint`. A missing
 * folder is an empty cache; a damaged manifest or one of another version is an empty cache with a warning.
 */
export async function openBuildCache(dir: string, countsFingerprint: string, logger: Logger): Promise<BuildCache> {
  const empty: Manifest = { settings: countsFingerprint, months: {} };
  const read = await readStateFile(join(dir, "manifest.json"), MANIFEST, logger);
  if (read.ignored === "damaged") return new DiskCache(dir, empty, logger, "the cache was damaged");
  if (read.ignored === "another version") return new DiskCache(dir, empty, logger, "the cache is from another version");
  if (read.data === undefined) return new DiskCache(dir, empty, logger);
  if (read.data.settings !== countsFingerprint)
    return new DiskCache(dir, empty, logger, "the raw bucket or report columns changed");
  return new DiskCache(dir, { settings: countsFingerprint, months: { ...read.data.months } }, logger);
}

class DiskCache implements BuildCache {
  private readonly changedMonths = new Map<string, string>();
  private readonly changedPages = new Map<string, string>();
  /** Pages looked up or stored by this build: the others are stale and pruned by save(). */
  private readonly usedPages = new Set<string>();
  private changedOutput?: OutputRecord;
  private recordOnDisk?: Promise<OutputRecord | undefined>;

  constructor(
    private readonly dir: string,
    private readonly manifest: Manifest,
    private readonly logger: Logger,
    readonly setAside?: string,
  ) {}

  months(): string[] {
    return Object.keys(this.manifest.months).sort();
  }

  monthChecksums(): Readonly<Record<string, string>> {
    return { ...this.manifest.months };
  }

  async month(id: string): Promise<CachedFile[] | undefined> {
    const named = this.manifest.months[id];
    if (named === undefined) return undefined;
    const path = join(this.dir, "months", `${id}.json`);
    const read = await readStateFile(path, MONTH, this.logger);
    if (read.data !== undefined && read.checksum === named) return read.data.files;
    // a file that is missing or not the one the manifest names (its own checksum may be right) is ignored alike
    if (read.ignored === undefined) {
      const why = read.data ? "its checksum is not the one manifest.json names (damaged)" : "it is missing";
      warnIgnored(this.logger, path, why, MONTH.instead);
    }
    delete this.manifest.months[id];
    return undefined;
  }

  setMonth(id: string, files: CachedFile[]): void {
    const { text, checksum } = stateFileText(CACHE_FORMAT, { month: id, files } satisfies MonthFile);
    this.changedMonths.set(id, text);
    this.manifest.months[id] = checksum;
  }

  async pages<T>(fingerprint: string): Promise<T | undefined> {
    this.usedPages.add(fingerprint);
    return (await readStateFile(join(this.dir, "pages", `${fingerprint}.json`), PAGES, this.logger)).data as
      T | undefined;
  }

  setPages(fingerprint: string, pages: unknown): void {
    this.usedPages.add(fingerprint);
    this.changedPages.set(fingerprint, stateFileText(CACHE_FORMAT, pages).text);
  }

  keepPages(fingerprint: string): void {
    this.usedPages.add(fingerprint);
  }

  output(): Promise<OutputRecord | undefined> {
    // read once: a build that does not stop at its inputs asks again after planning its pages
    const instead = "the build compares the output folder's files instead";
    this.recordOnDisk ??= readOutputRecord(this.dir, this.logger, instead);
    return this.recordOnDisk;
  }

  setOutput(record: OutputRecord): void {
    this.changedOutput = record;
  }

  async save(): Promise<void> {
    if (this.changedOutput) {
      const { text } = stateFileText(OUTPUT_RECORD_FORMAT, this.changedOutput);
      await writeStateFile(join(this.dir, OUTPUT_RECORD_FILE), text);
    }
    if (this.changedMonths.size === 0 && this.changedPages.size === 0) return;
    for (const [id, text] of this.changedMonths) await writeStateFile(join(this.dir, "months", `${id}.json`), text);
    for (const [fingerprint, text] of this.changedPages)
      await writeStateFile(join(this.dir, "pages", `${fingerprint}.json`), text);
    const manifest = stateFileText(CACHE_FORMAT, this.manifest).text;
    await writeStateFile(join(this.dir, "manifest.json"), manifest);
    await this.prunePages();
    await this.removeRetired();
  }

  /**
   * Files earlier versions wrote that nothing reads any more (deploy's `hashed-*.json` MD5 memory,
   * now the output record's MD5s): a CI cache would otherwise carry them for ever.
   */
  private async removeRetired(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const retired = names.filter((name) => /^hashed-[0-9a-f]{16}\.json$/.test(name));
    await Promise.all(retired.map((name) => rm(join(this.dir, name), { force: true })));
  }

  /** Pages no page of this build was rendered from again are stale: without this the folder only grows. */
  private async prunePages(): Promise<void> {
    const names = await readdir(join(this.dir, "pages")).catch(() => [] as string[]);
    const stale = names.filter((name) => name.endsWith(".json") && !this.usedPages.has(name.slice(0, -5)));
    await Promise.all(stale.map((name) => rm(join(this.dir, "pages", name), { force: true })));
  }
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== "object" || value === null) return false;
  const { settings, months } = value as Partial<Manifest>;
  return (
    typeof settings === "string" &&
    typeof months === "object" &&
    months !== null &&
    Object.values(months).every((checksum) => typeof checksum === "string")
  );
}

function isMonthFile(value: unknown): value is MonthFile {
  if (typeof value !== "object" || value === null) return false;
  const { month, files } = value as Partial<MonthFile>;
  return typeof month === "string" && Array.isArray(files) && files.every(isCachedFile);
}
