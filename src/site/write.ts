/** Write the built site into its folder all at once: into a temp folder first, then swap, so dist/ is never half-written. */
import { existsSync, renameSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { SiteError } from "../errors.js";
import { onExitBefore, removeOnExit } from "../exit-hooks.js";
import type { SiteFile } from "../render/index.js";
import { md5Of, stampOf, type RecordedFile } from "./stamp.js";
import { BUILT_THEME, builtThemeText, type BuiltTheme } from "./built-theme.js";

/**
 * Written into every built site: only a folder holding it (or an empty or missing one) is replaced
 * by a build, so `--output src` or a typo can never wipe someone's files. Never deployed.
 */
export const BUILD_MARKER = ".reportsite-build";

/** The files a build writes beside the site, which are never deployed or served. */
const BUILD_RECORDS: readonly string[] = [BUILD_MARKER, BUILT_THEME];

/** Whether `key` is one of the files a build writes beside the site (never deployed or served). */
export function isBuildRecord(key: string): boolean {
  return BUILD_RECORDS.includes(key);
}

/** Whether `root` holds a site written by `reportsite build` (it has the build marker). */
export async function isBuiltSite(root: string): Promise<boolean> {
  return stat(join(root, BUILD_MARKER)).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The absolute path of `relative` inside `root`, or a SiteError when it would land outside it. */
export function pathWithin(root: string, relative: string): string {
  const target = resolve(root, relative);
  if (relative.startsWith("/") || relative.includes("\\") || !target.startsWith(root + sep)) {
    throw new SiteError(`refusing to write "${relative}": it is outside the output folder ${root}`);
  }
  return target;
}

/** What writeSite did: whether it wrote anything, and every file of the folder with its stamp and MD5. */
export interface WrittenSite {
  written: boolean;
  /** Sorted by path, as listFiles sorts; each stamp taken before anyone else could touch the file. */
  files: RecordedFile[];
}

/**
 * Replace `output` with exactly `files`, and `theme` (the record deploy renders index.html with).
 * Everything is written to a sibling temp folder first; only when all files are written is the old
 * folder moved aside and the new one renamed into place. A folder that already holds exactly these
 * files and this record is left as it is (a build with nothing new).
 */
export async function writeSite(files: readonly SiteFile[], output: string, theme?: BuiltTheme): Promise<WrittenSite> {
  checkUniquePaths(files);
  await checkOutputFolder(output);
  const records = theme ? [{ path: BUILT_THEME, body: builtThemeText(theme) }] : [];
  const recorded = async () =>
    (await Promise.all(records.map((r) => sameBytes(join(output, r.path), r.body)))).every(Boolean);
  const held = await holdsExactly(output, files);
  if (held && (await recorded())) return { written: false, files: held };
  const parent = dirname(output);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(parent, `.${basename(output)}-new-${stamp}`);
  const old = join(parent, `.${basename(output)}-old-${stamp}`);
  const release = removeOnExit(temp);
  try {
    // the build records are never site files: the output record lists only what listFiles lists
    const written = (await writeTempSite([...files, ...records], temp, output)).filter((f) => !isBuildRecord(f.path));
    await swapInto(temp, output, old);
    return { written: true, files: byPath(written) };
  } finally {
    release();
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * `files` with their stamps and MD5s when `output` is an earlier build with exactly them (the same
 * paths, each with the same bytes); else undefined.
 */
async function holdsExactly(output: string, files: readonly SiteFile[]): Promise<RecordedFile[] | undefined> {
  if (!(await isBuiltSite(output))) return undefined;
  const onDisk = new Map((await listFiles(output)).map((f) => [f.key, f.path]));
  if (onDisk.size !== files.length || !files.every((f) => onDisk.has(f.path))) return undefined;
  const held = await Promise.all(
    files.map(async (file) => {
      // stamped before the read: a change after it gives a new stamp, never a stamp with a wrong MD5
      const stamp = await stampOf(onDisk.get(file.path)!);
      const current = await readFile(onDisk.get(file.path)!);
      return current.equals(bytesOf(file.body)) ? { path: file.path, ...stamp, md5: md5Of(file.body) } : undefined;
    }),
  );
  return held.every((f) => f !== undefined) ? byPath(held) : undefined;
}

function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? Buffer.from(body) : body;
}

function byPath(files: RecordedFile[]): RecordedFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Whether the file at `path` holds `body` (false when it cannot be read). */
async function sameBytes(path: string, body: string | Uint8Array): Promise<boolean> {
  const current = await readFile(path).catch(() => undefined);
  return current !== undefined && current.equals(bytesOf(body));
}

/** Every file below `root` but the build records, sorted by key (its path relative to `root`, with `/`). */
export async function listFiles(root: string): Promise<{ key: string; path: string }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((path) => ({ key: relative(root, path).split(sep).join("/"), path }))
    .filter((f) => !isBuildRecord(f.key))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

function checkUniquePaths(files: readonly SiteFile[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path))
      throw new SiteError(`two files of the site would be written to ${file.path}`, {
        hint: "Check site.monthPath and site.files in site-config.json: they must give each month its own files.",
      });
    seen.add(file.path);
  }
}

/**
 * Write the marker and every file into `temp`, each stamped once written (moving the folder into
 * place changes no file's stamp); any failure leaves `output` as it was.
 */
async function writeTempSite(files: readonly SiteFile[], temp: string, output: string): Promise<RecordedFile[]> {
  const written: RecordedFile[] = [];
  try {
    await mkdir(temp, { recursive: true });
    await writeFile(
      join(temp, BUILD_MARKER),
      "This folder was written by `reportsite build`, which replaces all of it on the next build.\n",
    );
    for (const file of files) {
      const target = pathWithin(temp, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.body);
      if (file.modified) await utimes(target, file.modified, file.modified);
      written.push({ path: file.path, ...(await stampOf(target)), md5: md5Of(file.body) });
    }
    return written;
  } catch (error) {
    if (error instanceof SiteError) throw error;
    throw new SiteError(`cannot write the site to ${temp}: ${(error as Error).message}; ${output} was left as it was`, {
      cause: error,
    });
  }
}

/** Move `output` aside to `old`, `temp` into its place, then remove `old`; on failure the previous site goes back. */
async function swapInto(temp: string, output: string, old: string): Promise<void> {
  // kept until the previous site is removed, so Ctrl-C at any point of the swap leaves one whole site
  const releaseSwap = onExitBefore(() => finishSwap(output, old));
  try {
    const hadOld = await rename(output, old).then(
      () => true,
      (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? false : Promise.reject(e)),
    );
    await rename(temp, output).catch((error: unknown) => restorePrevious(error, { hadOld, output, old }));
    if (hadOld) await rm(old, { recursive: true, force: true });
  } finally {
    releaseSwap();
  }
}

async function restorePrevious(
  error: unknown,
  { hadOld, output, old }: { hadOld: boolean; output: string; old: string },
): Promise<never> {
  if (hadOld) {
    await rename(old, output).catch((undo: unknown) => {
      throw new SiteError(
        `cannot move the new site into ${output}, nor the previous one back: the previous site is in ${old}`,
        { cause: undo },
      );
    });
  }
  throw new SiteError(
    `cannot move the new site into ${output}: ${(error as Error).message}; the previous site was kept`,
    { cause: error },
  );
}

/**
 * Refuse to replace anything but a missing or empty folder or an earlier build. writeSite checks
 * it again; a build checks it first too, before it reads any raw data.
 */
export async function checkOutputFolder(output: string): Promise<void> {
  const info = await stat(output).catch(() => undefined);
  if (!info) return;
  const hint =
    'Choose an output folder of its own ("output" in site-config.json or --output); to replace this one, delete or empty it first.';
  if (!info.isDirectory())
    throw new SiteError(`refusing to build into ${output}: it is a file, not a folder`, { hint });
  if ((await readdir(output)).length > 0 && !(await isBuiltSite(output))) {
    throw new SiteError(
      `refusing to replace ${output}: it holds files that reportsite did not build (it has no ${BUILD_MARKER} marker); nothing was changed`,
      { hint },
    );
  }
}

/**
 * Finish a swap that was cut off (synchronous, for an exit hook): the previous site goes back when
 * the new one is not in place yet, and is removed when it is.
 */
export function finishSwap(output: string, old: string): void {
  if (!existsSync(old)) return;
  if (existsSync(output)) rmSync(old, { recursive: true, force: true });
  else renameSync(old, output);
}
