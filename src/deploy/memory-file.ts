/**
 * The files in which deploy remembers what it has learned (published-memory.ts, hashed-memory.ts):
 * JSON of a format number and entries by key, in the build cache folder, so CI keeps them with the
 * cache. Written whole into a temp file and renamed, so a reader never sees half a file. A missing,
 * unreadable or other-format file is no memory: deploy then asks or hashes again, as without one.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../atomic-file.js";

/** `<cacheDir>/<name>-<hash of what it is about>.json`: one file per site target or output folder. */
export function memoryPath(cacheDir: string, name: string, about: unknown): string {
  const target = createHash("sha256").update(JSON.stringify(about)).digest("hex");
  return join(cacheDir, `${name}-${target.slice(0, 16)}.json`);
}

/** The entries of `format` whose value `isEntry` accepts; empty when there is no usable file. */
export async function readMemory<T>(
  path: string,
  format: number,
  isEntry: (value: unknown) => value is T,
): Promise<Map<string, T>> {
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text === undefined) return new Map();
  try {
    const stored = JSON.parse(text) as { format?: unknown; objects?: unknown };
    if (stored.format !== format || typeof stored.objects !== "object" || stored.objects === null) return new Map();
    return new Map(Object.entries(stored.objects).filter((entry): entry is [string, T] => isEntry(entry[1])));
  } catch {
    return new Map();
  }
}

export async function writeMemory<T>(path: string, format: number, objects: Record<string, T>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify({ format, objects }));
}
