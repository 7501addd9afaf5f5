/** Download a private object to a local file: safe local path, temp file then rename. */
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { ShareError } from "../errors.js";
import { removeOnExit } from "../exit-hooks.js";
import { objectError } from "./errors.js";

/**
 * Pure: where a key lands inside `folder`. Empty, `.` and `..` segments are dropped, so a key such
 * as `../../etc/passwd` or `/abs/path` can never leave the folder.
 * @example localPathFor("/tmp/out", "../../etc/passwd") // "/tmp/out/etc/passwd"
 */
export function localPathFor(folder: string, key: string): string {
  if (key.endsWith("/"))
    throw new ShareError(`cannot download "${key}": a key ending in "/" is a folder marker, not a file`);
  const segments = key.split(/[/\\]/).filter((s) => s !== "" && s !== "." && s !== "..");
  if (segments.length === 0) throw new ShareError(`cannot download "${key}": the key has no file name`);
  const root = resolve(folder);
  const target = resolve(root, ...segments);
  const inside = relative(root, target);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside))
    throw new ShareError(`cannot download "${key}": it would land outside ${root}`);
  return target;
}

/**
 * Where `--to` says to write: an existing folder, or a path ending in `/`, is a folder (the key's
 * path is kept below it); anything else is the file's own path. Without `to`, the key's path below
 * the current folder. Returns the file to write, and the folder it must stay in (none when `--to`
 * names the file itself).
 */
async function resolveTarget(to: string | undefined, key: string): Promise<{ path: string; folder?: string }> {
  if (to === undefined) return { path: localPathFor(".", key), folder: "." };
  const isFolder =
    /[/\\]$/.test(to) ||
    (await stat(to).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  return isFolder ? { path: localPathFor(to, key), folder: to } : { path: resolve(to) };
}

/**
 * Refuse a path whose folders, inside `folder`, include a symlink to somewhere outside it: the
 * key's path is kept below the folder, and writing through such a link would put the file elsewhere
 * while the message names the folder. The file itself is replaced by rename,
 * which never follows a link. A link the user passed as the folder itself is their choice and is followed.
 */
export async function checkStaysInFolder(folder: string, path: string): Promise<void> {
  const root = await realpath(folder).catch(() => undefined);
  if (root === undefined) return; // the folder does not exist yet: mkdir makes plain folders
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const real = await realpath(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (real === undefined) continue; // not there yet: look at its parent
    const inside = relative(root, real);
    if (inside.startsWith("..") || isAbsolute(inside))
      throw new ShareError(
        `refusing to download to ${path}: ${relative(resolve(folder), dir) || dir} is a symbolic link to ${real}, outside ${resolve(folder)}; nothing was written`,
        { hint: "Remove the link, or pass the real folder with --to." },
      );
    return;
  }
}

/**
 * Stream the object to a local file (see resolveTarget for `to`) through a temp file in the same
 * folder, renamed into place when complete: an error or Ctrl-C leaves no partial file.
 * @example await downloadObject(client, "gid-raw", "2019_jan_10_gid_requests.csv", { to: "data/" })
 */
export async function downloadObject(
  client: S3Client,
  bucket: string,
  key: string,
  options: { to?: string } = {},
): Promise<{ path: string; bytes: number }> {
  if (key.endsWith("/"))
    throw new ShareError(`cannot download "${key}": a key ending in "/" is a folder marker, not a file`);
  const { path, folder } = await resolveTarget(options.to, key);
  if (folder !== undefined) await checkStaysInFolder(folder, path);
  const response = await client
    .send(new GetObjectCommand({ Bucket: bucket, Key: key }))
    .catch(async (error) => Promise.reject(await objectError(client, error, "download", bucket, key)));
  const body = response.Body as Readable;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.part`);
  const release = removeOnExit(temp);
  let bytes = 0;
  try {
    await mkdir(dirname(path), { recursive: true });
    body.on("data", (chunk: Buffer) => (bytes += chunk.length));
    await pipeline(body, createWriteStream(temp, { flags: "wx" }));
    if (response.ContentLength !== undefined && bytes !== response.ContentLength) {
      throw new ShareError(
        `download of s3://${bucket}/${key} stopped after ${bytes} of ${response.ContentLength} bytes; nothing was written to ${path}`,
      );
    }
    await rename(temp, path);
  } catch (error) {
    body.destroy();
    await rm(temp, { force: true });
    if (error instanceof ShareError) throw error;
    throw new ShareError(
      `download of s3://${bucket}/${key} to ${path} failed: ${(error as Error).message}; nothing was written`,
      { cause: error },
    );
  } finally {
    release();
  }
  return { path, bytes };
}
