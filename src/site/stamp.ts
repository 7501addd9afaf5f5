/** The stamp of a file of the output folder: what tells its bytes apart without reading them. */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";

/**
 * What tells a file's bytes apart without reading them: any write, rename or change of its dates
 * gives it a new change time (ctime), which ordinary tools cannot set back (unlike the modification
 * time), and a rewritten file is often a new inode, so an equal stamp means equal bytes.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** Whether two stamps name the same bytes. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** A file's MD5 as it was computed for a stamp. */
export type StampWithMd5 = FileStamp & { md5: string };

/** A file of the output folder (path relative to it, with `/`) and its stamp. */
export type StampedFile = { path: string } & FileStamp;

/** A file of the output folder with its stamp and the MD5 of the bytes that stamp names, as the output record holds it. */
export type RecordedFile = { path: string } & StampWithMd5;

/** The stamp of the file at `path` now. */
export async function stampOf(path: string): Promise<FileStamp> {
  const { size, mtimeMs, ctimeMs, ino } = await stat(path);
  return { size, mtimeMs, ctimeMs, ino };
}

/** Hex MD5 of bytes in memory (the build's, as it writes them). */
export function md5Of(body: string | Uint8Array): string {
  return createHash("md5").update(body).digest("hex");
}
