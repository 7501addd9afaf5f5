/** Read the output folder: every file with its key, size and MD5 (what deploy compares). */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { SiteError } from "../errors.js";
import { ASSETS_FOLDER, ERROR_DOCUMENT, INDEX_DOCUMENT } from "../site-names.js";
import type { SiteFile } from "../render/index.js";
import { sameStamp, stampOf, type FileStamp, type StampWithMd5, type StampedFile } from "./stamp.js";
import { isBuiltSite, listFiles } from "./write.js";

/** A file of the output folder. */
export interface LocalFile {
  /** Path relative to the site root with `/` separators, e.g. `2019/jan/final_report.csv`. */
  key: string;
  /** Absolute path on disk. */
  path: string;
  size: number;
  /** Hex MD5 of the bytes. */
  md5: string;
  stamp: FileStamp;
}

/** A file an earlier build wrote, carried over into a partial build. */
/**
 * Every file of the output folder `root` (sorted by key) but the build records. A file whose stamp is the one `known`
 * has for its key is not read again: its MD5 is the known one. Throws SiteError when the folder does not exist.
 */
export async function readOutputFolder(
  root: string,
  known: ReadonlyMap<string, StampWithMd5> = new Map(),
): Promise<LocalFile[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory())
    throw new SiteError(`${root} does not exist`, { hint: "Run `reportsite build` first (or pass --output)." });
  return Promise.all(
    (await listFiles(root)).map(async ({ key, path }) => {
      const stamp = await stampOf(path);
      const seen = known.get(key);
      const md5 = seen && sameStamp(seen, stamp) ? seen.md5 : await md5File(path, stamp.size);
      return { key, path, size: stamp.size, md5, stamp };
    }),
  );
}

/**
 * The files of an earlier build in `root` that a partial build (`--month`) carries over: every file but
 * those in `rebuilt` and the pages every build writes anew (the index, the error page, assets/).
 * None when `root` is not an earlier build.
 */
export async function readCarriedFiles(root: string, rebuilt: ReadonlySet<string>): Promise<SiteFile[]> {
  if (!(await isBuiltSite(root))) return [];
  const carried = (await listFiles(root)).filter(
    (f) =>
      !rebuilt.has(f.key) && f.key !== INDEX_DOCUMENT && f.key !== ERROR_DOCUMENT && !f.key.startsWith(ASSETS_FOLDER),
  );
  return Promise.all(
    // dated when the earlier build wrote it, so the index shows the month's real date
    carried.map(async (f) => ({ path: f.key, body: await readFile(f.path), modified: (await stat(f.path)).mtime })),
  );
}

/**
 * Every file of an earlier build in `root` (sorted by path) with its stamp, or undefined when `root`
 * is not an earlier build. What a build compares with what it last wrote.
 */
export async function outputFileStamps(root: string): Promise<StampedFile[] | undefined> {
  if (!(await isBuiltSite(root))) return undefined;
  return Promise.all((await listFiles(root)).map(async ({ key, path }) => ({ path: key, ...(await stampOf(path)) })));
}

/** Files up to this size have their MD5 taken from one read; larger ones are streamed, so memory stays bounded. */
const READ_WHOLE_BYTES = 8 * 1024 * 1024;

async function md5File(path: string, size: number): Promise<string> {
  // one read per page: a site of 60 months is ~250 small files, and a stream each costs more than the MD5
  if (size <= READ_WHOLE_BYTES)
    return createHash("md5")
      .update(await readFile(path))
      .digest("hex");
  return new Promise((resolve, reject) => {
    const hash = createHash("md5");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/**
 * `files` with the modification time of the previous build's copy where its bytes are the same, so
 * the index dates a page by when it last changed, not by when it was last built.
 */
export async function carryModified(root: string, files: readonly SiteFile[]): Promise<SiteFile[]> {
  if (!(await isBuiltSite(root))) return [...files];
  return Promise.all(
    files.map(async (file) => {
      if (file.modified) return file;
      const path = join(root, ...file.path.split("/"));
      const previous = await readFile(path).catch(() => undefined);
      if (!previous?.equals(typeof file.body === "string" ? Buffer.from(file.body) : file.body)) return file;
      return { ...file, modified: (await stat(path)).mtime };
    }),
  );
}
