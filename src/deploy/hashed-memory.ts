/**
 * What deploy has hashed of the output folder, so a deploy with nothing new reads none of its files:
 * each file's MD5 with the stamp (size, modification and change time, inode) it was computed for.
 * A file with another stamp is read and hashed again (site's readSite). One file per output folder.
 */
import { resolve } from "node:path";
import { sameStamp, type HashedStamp, type LocalFile } from "../site/index.js";
import { memoryPath, readMemory, writeMemory } from "./memory-file.js";

/** Bump when an entry's meaning changes. */
const MEMORY_FORMAT = 1;

/** The MD5s deploy computed for the files of `output`, by key. */
export async function readHashedMemory(cacheDir: string, output: string): Promise<Map<string, HashedStamp>> {
  return readMemory(pathOf(cacheDir, output), MEMORY_FORMAT, isHashedStamp);
}

/** Remember the MD5s of `files` when any of them was hashed anew (or the folder's files changed). */
export async function writeHashedMemory(
  cacheDir: string,
  output: string,
  known: ReadonlyMap<string, HashedStamp>,
  files: readonly LocalFile[],
): Promise<void> {
  const unchanged = files.length === known.size && files.every((f) => sameKnown(known.get(f.key), f));
  if (unchanged) return;
  const objects = Object.fromEntries(files.map((f) => [f.key, { ...f.stamp, md5: f.md5 }]));
  await writeMemory(pathOf(cacheDir, output), MEMORY_FORMAT, objects);
}

function sameKnown(seen: HashedStamp | undefined, file: LocalFile): boolean {
  return seen !== undefined && seen.md5 === file.md5 && sameStamp(seen, file.stamp);
}

function pathOf(cacheDir: string, output: string): string {
  return memoryPath(cacheDir, "hashed", resolve(output));
}

function isHashedStamp(value: unknown): value is HashedStamp {
  if (typeof value !== "object" || value === null) return false;
  const { md5, size, mtimeMs, ctimeMs, ino } = value as Partial<HashedStamp>;
  return typeof md5 === "string" && [size, mtimeMs, ctimeMs, ino].every((n) => typeof n === "number");
}
