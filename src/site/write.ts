/** Write the built site into its folder all at once: into a temp folder first, then swap, so dist/ is never half-written. */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { SiteError } from "../errors.js";
import { removeOnExit } from "../temp-paths.js";

/** A file to write: path relative to the site root, and its bytes. */
export interface OutputFile {
  path: string;
  body: string | Uint8Array;
}

/** The absolute path of `relative` inside `root`, or a SiteError when it would land outside it. */
export function pathWithin(root: string, relative: string): string {
  const target = resolve(root, relative);
  if (relative.startsWith("/") || relative.includes("\\") || !target.startsWith(root + sep)) {
    throw new SiteError(`refusing to write "${relative}": it is outside the site folder ${root}`);
  }
  return target;
}

/**
 * Replace `output` with exactly `files`. Everything is written to a sibling temp folder first; only
 * when all files are written is the old folder moved aside and the new one renamed into place.
 */
export async function writeSite(files: readonly OutputFile[], output: string): Promise<void> {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new SiteError(`two files of the site would be written to ${file.path}`, { hint: "Check site.monthPath and site.files in site-config.json: they must give each month its own files." });
    seen.add(file.path);
  }
  const parent = dirname(output);
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(parent, `.${basename(output)}-new-${stamp}`);
  const old = join(parent, `.${basename(output)}-old-${stamp}`);
  const release = removeOnExit(temp);
  try {
    await mkdir(temp, { recursive: true });
    for (const file of files) {
      const target = pathWithin(temp, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.body);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof SiteError) throw error;
    throw new SiteError(`cannot write the site to ${temp}: ${(error as Error).message}; ${output} was left as it was`, { cause: error });
  } finally {
    release();
  }
  const hadOld = await rename(output, old).then(() => true, (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? false : Promise.reject(e)));
  try {
    await rename(temp, output);
  } catch (error) {
    if (hadOld) await rename(old, output);
    throw new SiteError(`cannot move the new site into ${output}: ${(error as Error).message}; the previous site was kept`, { cause: error });
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
