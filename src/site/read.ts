/** Read the built site folder: every file with its key, size and MD5 (what deploy compares). */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { SiteError } from "../errors.js";
import { BUILD_MARKER } from "./write.js";

/** A file of the local site. */
export interface LocalFile {
  /** Path relative to the site root with `/` separators, e.g. `2019/jan/final_report.csv`. */
  key: string;
  /** Absolute path on disk. */
  path: string;
  size: number;
  /** Hex MD5 of the bytes. */
  md5: string;
  /** When the file was last written. */
  modified: Date;
}

/** Every file below `root` (sorted by key) but the build marker. Throws SiteError when the folder does not exist. */
export async function readSite(root: string): Promise<LocalFile[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new SiteError(`${root} does not exist`, { hint: "Run `reportsite build` first (or pass --output)." });
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const result = await Promise.all(
    files.map(async (path) => {
      const { size, mtime } = await stat(path);
      return { key: relative(root, path).split(sep).join("/"), path, size, md5: await md5File(path), modified: mtime };
    }),
  );
  return result.filter((f) => f.key !== BUILD_MARKER).sort((a, b) => (a.key < b.key ? -1 : 1));
}

/**
 * The files of an earlier build in `root` that a partial build (`--month`) keeps: every file but
 * those in `rebuilt` and the pages every build writes anew (the index, the error page, assets/).
 */
export async function keptFiles(root: string, rebuilt: ReadonlySet<string>): Promise<(LocalFile & { body: Buffer })[]> {
  const exists = await stat(root).then((s) => s.isDirectory(), () => false);
  if (!exists) return [];
  const kept = (await readSite(root)).filter((f) => !rebuilt.has(f.key) && f.key !== "index.html" && f.key !== "error.html" && !f.key.startsWith("assets/"));
  return Promise.all(kept.map(async (f) => ({ ...f, body: await readFile(f.path) })));
}

function md5File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("md5");
    createReadStream(path).on("data", (chunk) => hash.update(chunk)).on("error", reject).on("end", () => resolve(hash.digest("hex")));
  });
}
