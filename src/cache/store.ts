/**
 * The incremental build cache on disk (by default `.reportsite/cache/`):
 *   manifest.json       format, the fingerprint of the settings the counts depend on, and each
 *                       month file's SHA-256
 *   months/2019-01.json the month's raw files: key, size, ETag, LastModified, rows and counts
 *   pages/<hash>.json   rendered pages, named by the hash of everything they were rendered from
 *   output.json         what the last build left in its output folder: the hash of everything the
 *                       site was made from (its pages and assets, and its raw listing and settings),
 *                       its months, and each file's stamp (size, modification and change time, inode)
 * Nothing in it is trusted blindly: a manifest of another format or settings, a month file whose
 * SHA-256 differs, or unreadable JSON is ignored with a warning, and that data is read again.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../atomic-file.js";
import type { Logger } from "../log.js";
import type { CachedFile } from "./plan.js";

/** Bump when the meaning of cached counts or pages changes: every older cache is then ignored. */
export const CACHE_FORMAT = 2;

interface Manifest {
  format: number;
  settings: string;
  months: Record<string, string>;
}

/** An open cache: months' files and rendered pages, read on demand, written by save(). */
export interface BuildCache {
  /** The cached raw files of a month (`2019-01`), or undefined when the cache has none it can trust. */
  month(id: string): Promise<CachedFile[] | undefined>;
  /** Months the cache has. */
  months(): string[];
  /** Each month the cache has, with the SHA-256 of its file: changes whenever a month's counts do. */
  monthDigests(): Readonly<Record<string, string>>;
  /** Why the cache on disk was set aside (other settings, another version, damaged), if it was. */
  readonly setAside?: string;
  /** Replace a month's files (written by save()). */
  setMonth(id: string, files: CachedFile[]): void;
  /** Rendered pages stored under `hash`, or undefined. */
  pages<T>(hash: string): Promise<T | undefined>;
  setPages(hash: string, pages: unknown): void;
  /** Keep the pages under `hash` (a build that did not need to read them still uses them). */
  keepPages(hash: string): void;
  /** What the last build left in its output folder, or undefined when the cache does not know. */
  output(): Promise<OutputRecord | undefined>;
  setOutput(record: OutputRecord): void;
  /** Write what changed; the manifest last, so an interrupted save leaves the old, consistent cache. */
  save(): Promise<void>;
}

/** A site folder as a build left it. */
export interface OutputRecord {
  /** The folder, absolute. */
  output: string;
  /** Hash of everything the site's files were made from (pages, assets, settings). */
  fingerprint: string;
  /**
   * Hash of what the pages were planned from (the raw listing, the cache's months, the settings,
   * templates and branding), with the months it gave; only for a build of every month that skipped
   * no file. The same hash later means the same site, known without reading a month or a page.
   */
  inputs?: { hash: string; months: RecordedMonth[] };
  files: OutputFileStat[];
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

/**
 * A file of the site folder: path relative to it, and what tells its bytes apart without reading
 * them (size, modification and change time, inode: site's FileStamp).
 */
export interface OutputFileStat {
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * Open the cache folder for a build whose counts depend on `settings` (a fingerprint). A missing
 * folder is an empty cache; a foreign or corrupt manifest is an empty cache with a warning.
 */
export async function openBuildCache(dir: string, settings: string, logger: Logger): Promise<BuildCache> {
  const { manifest, setAside } = await readManifest(dir, settings, logger);
  return new DiskCache(dir, manifest, logger, setAside);
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

  monthDigests(): Readonly<Record<string, string>> {
    return { ...this.manifest.months };
  }

  async month(id: string): Promise<CachedFile[] | undefined> {
    const sha = this.manifest.months[id];
    if (sha === undefined) return undefined;
    const text = await readFile(join(this.dir, "months", `${id}.json`), "utf8").catch(() => undefined);
    if (text === undefined || sha256(text) !== sha) {
      this.logger.warn(`cache: ${id} is missing or damaged in ${this.dir}; its raw files are read again`);
      delete this.manifest.months[id];
      return undefined;
    }
    return (JSON.parse(text) as { files: CachedFile[] }).files;
  }

  setMonth(id: string, files: CachedFile[]): void {
    const text = JSON.stringify({ month: id, files });
    this.changedMonths.set(id, text);
    this.manifest.months[id] = sha256(text);
  }

  async pages<T>(hash: string): Promise<T | undefined> {
    this.usedPages.add(hash);
    const text = await readFile(join(this.dir, "pages", `${hash}.json`), "utf8").catch(() => undefined);
    if (text === undefined) return undefined;
    // the first line is the SHA-256 of the rest: one parse of the pages, not two
    const split = text.indexOf("\n");
    const body = text.slice(split + 1);
    if (split === 64 && sha256(body) === text.slice(0, 64)) {
      try {
        return JSON.parse(body) as T;
      } catch {
        // damaged: warned about and rendered again
      }
    }
    this.logger.warn(`cache: rendered pages ${hash.slice(0, 12)} are damaged in ${this.dir}; rendering them again`);
    return undefined;
  }

  setPages(hash: string, pages: unknown): void {
    const text = JSON.stringify(pages);
    this.usedPages.add(hash);
    this.changedPages.set(hash, `${sha256(text)}\n${text}`);
  }

  keepPages(hash: string): void {
    this.usedPages.add(hash);
  }

  output(): Promise<OutputRecord | undefined> {
    // read once: a build that does not stop at its inputs asks again after planning its pages
    this.recordOnDisk ??= readOutputRecord(join(this.dir, "output.json"));
    return this.recordOnDisk;
  }

  setOutput(record: OutputRecord): void {
    this.changedOutput = record;
  }

  async save(): Promise<void> {
    if (this.changedOutput) {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(join(this.dir, "output.json"), JSON.stringify(this.changedOutput));
    }
    if (this.changedMonths.size === 0 && this.changedPages.size === 0) return;
    await mkdir(join(this.dir, "months"), { recursive: true });
    await mkdir(join(this.dir, "pages"), { recursive: true });
    for (const [id, text] of this.changedMonths) await writeFileAtomic(join(this.dir, "months", `${id}.json`), text);
    for (const [hash, text] of this.changedPages) await writeFileAtomic(join(this.dir, "pages", `${hash}.json`), text);
    await writeFileAtomic(join(this.dir, "manifest.json"), JSON.stringify(this.manifest, null, 1));
    await this.prunePages();
  }

  /** Pages no page of this build was rendered from again are stale: without this the folder only grows. */
  private async prunePages(): Promise<void> {
    const names = await readdir(join(this.dir, "pages")).catch(() => [] as string[]);
    const stale = names.filter((name) => name.endsWith(".json") && !this.usedPages.has(name.slice(0, -5)));
    await Promise.all(stale.map((name) => rm(join(this.dir, "pages", name), { force: true })));
  }
}

async function readManifest(
  dir: string,
  settings: string,
  logger: Logger,
): Promise<{ manifest: Manifest; setAside?: string }> {
  const empty = (): Manifest => ({ format: CACHE_FORMAT, settings, months: {} });
  const text = await readFile(join(dir, "manifest.json"), "utf8").catch(() => undefined);
  if (text === undefined) return { manifest: empty() };
  let manifest: Partial<Manifest> | undefined;
  try {
    manifest = JSON.parse(text) as Partial<Manifest>;
  } catch {
    manifest = undefined;
  }
  if (!isManifest(manifest)) {
    logger.warn(`cache: ${join(dir, "manifest.json")} is damaged or not reportsite's; ignoring the cache`);
    return { manifest: empty(), setAside: "the cache was damaged" };
  }
  if (manifest.format !== CACHE_FORMAT) {
    logger.warn(`cache: ${dir} was written by another version of reportsite; ignoring it`);
    return { manifest: empty(), setAside: "the cache is from another version" };
  }
  if (manifest.settings !== settings)
    return { manifest: empty(), setAside: "the raw bucket or report columns changed" };
  return { manifest: { ...empty(), months: { ...manifest.months } } };
}

function isManifest(value: Partial<Manifest> | undefined): value is Manifest {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof value.format === "number" &&
    typeof value.settings === "string" &&
    typeof value.months === "object" &&
    value.months !== null &&
    Object.values(value.months).every((sha) => typeof sha === "string")
  );
}

async function readOutputRecord(path: string): Promise<OutputRecord | undefined> {
  const text = await readFile(path, "utf8").catch(() => undefined);
  try {
    const record = text === undefined ? undefined : (JSON.parse(text) as Partial<OutputRecord>);
    return isOutputRecord(record) ? record : undefined;
  } catch {
    return undefined; // damaged: the build compares the folder's bytes instead
  }
}

function isOutputRecord(value: Partial<OutputRecord> | undefined): value is OutputRecord {
  return (
    typeof value?.output === "string" &&
    typeof value.fingerprint === "string" &&
    (value.inputs === undefined || isRecordedInputs(value.inputs)) &&
    Array.isArray(value.files) &&
    value.files.every(
      (f: Partial<OutputFileStat>) =>
        typeof f.path === "string" && [f.size, f.mtimeMs, f.ctimeMs, f.ino].every((n) => typeof n === "number"),
    )
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

/** SHA-256 of text (or bytes), hex. */
export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}
