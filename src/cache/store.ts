/**
 * The incremental build cache on disk (by default `.reportsite/cache/`):
 *   manifest.json       format, the fingerprint of the settings the counts depend on, and each
 *                       month file's SHA-256
 *   months/2019-01.json the month's raw files: key, size, ETag, LastModified, rows and counts
 *   pages/<hash>.json   rendered pages, named by the hash of everything they were rendered from
 * Nothing in it is trusted blindly: a manifest of another format or settings, a month file whose
 * SHA-256 differs, or unreadable JSON is ignored with a warning, and that data is read again.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../log.js";
import type { CachedFile } from "./plan.js";

/** Bump when the meaning of cached counts or pages changes: every older cache is then ignored. */
export const CACHE_FORMAT = 1;

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
  /** Why the cache on disk was set aside (other settings, another version, damaged), if it was. */
  readonly setAside?: string;
  /** Replace a month's files (written by save()). */
  setMonth(id: string, files: CachedFile[]): void;
  /** Rendered pages stored under `hash`, or undefined. */
  pages<T>(hash: string): Promise<T | undefined>;
  setPages(hash: string, pages: unknown): void;
  /** Write what changed; the manifest last, so an interrupted save leaves the old, consistent cache. */
  save(): Promise<void>;
}

/**
 * Open the cache folder for a build whose counts depend on `settings` (a fingerprint). A missing
 * folder is an empty cache; a foreign or corrupt manifest is an empty cache with a warning.
 */
export async function openBuildCache(dir: string, settings: string, logger: Logger): Promise<BuildCache> {
  const { manifest, setAside } = await readManifest(dir, settings, logger);
  const changedMonths = new Map<string, string>();
  const changedPages = new Map<string, string>();
  return {
    setAside,
    months: () => Object.keys(manifest.months).sort(),
    async month(id) {
      const sha = manifest.months[id];
      if (sha === undefined) return undefined;
      const text = await readFile(join(dir, "months", `${id}.json`), "utf8").catch(() => undefined);
      if (text === undefined || sha256(text) !== sha) {
        logger.warn(`cache: ${id} is missing or damaged in ${dir}; its raw files are read again`);
        delete manifest.months[id];
        return undefined;
      }
      return (JSON.parse(text) as { files: CachedFile[] }).files;
    },
    setMonth(id, files) {
      const text = JSON.stringify({ month: id, files });
      changedMonths.set(id, text);
      manifest.months[id] = sha256(text);
    },
    async pages<T>(hash: string) {
      const text = await readFile(join(dir, "pages", `${hash}.json`), "utf8").catch(() => undefined);
      if (text === undefined) return undefined;
      try {
        const stored = JSON.parse(text) as { sha256: string; pages: string };
        if (sha256(stored.pages) === stored.sha256) return JSON.parse(stored.pages) as T;
      } catch {
        // damaged: rendered again below
      }
      logger.warn(`cache: rendered pages ${hash.slice(0, 12)} are damaged in ${dir}; rendering them again`);
      return undefined;
    },
    setPages(hash, pages) {
      const text = JSON.stringify(pages);
      changedPages.set(hash, JSON.stringify({ sha256: sha256(text), pages: text }));
    },
    async save() {
      if (changedMonths.size === 0 && changedPages.size === 0) return;
      await mkdir(join(dir, "months"), { recursive: true });
      await mkdir(join(dir, "pages"), { recursive: true });
      for (const [id, text] of changedMonths) await writeAtomic(join(dir, "months", `${id}.json`), text);
      for (const [hash, text] of changedPages) await writeAtomic(join(dir, "pages", `${hash}.json`), text);
      await writeAtomic(join(dir, "manifest.json"), JSON.stringify(manifest, null, 1));
    },
  };
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

async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

/** SHA-256 of text, hex. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
