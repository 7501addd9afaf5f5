/** Download a private object to a local file: safe local path, temp file then rename. */
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { ShareError } from "../errors.js";
import { toS3Error } from "../s3/index.js";

/**
 * Pure: where a key lands inside `folder`. Empty, `.` and `..` segments are dropped, so a key such
 * as `../../etc/passwd` or `/abs/path` can never leave the folder.
 * @example localPathFor("/tmp/out", "../../etc/passwd") // "/tmp/out/etc/passwd"
 */
export function localPathFor(folder: string, key: string): string {
  const segments = key.split(/[/\\]/).filter((s) => s !== "" && s !== "." && s !== "..");
  if (segments.length === 0) throw new ShareError(`cannot download "${key}": the key has no file name`);
  const root = resolve(folder);
  const target = resolve(root, ...segments);
  if (!target.startsWith(root + sep)) throw new ShareError(`cannot download "${key}": it would land outside ${root}`);
  return target;
}

/**
 * Where `--to` says to write: an existing folder, or a path ending in `/`, is a folder (the key's
 * path is kept below it); anything else is the file's own path.
 */
export async function downloadTarget(to: string | undefined, key: string): Promise<string> {
  if (to === undefined) return localPathFor(".", key);
  const isFolder = /[/\\]$/.test(to) || (await stat(to).then((s) => s.isDirectory(), () => false));
  return isFolder ? localPathFor(to, key) : resolve(to);
}

/** Stream the object to `path` through a temp file in the same folder, renamed into place when complete. */
export async function downloadObject(client: S3Client, bucket: string, key: string, path: string): Promise<{ path: string; bytes: number }> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key })).catch((error: { $metadata?: { httpStatusCode?: number } }) => {
    if (error.$metadata?.httpStatusCode === 404) throw new ShareError(`cannot download s3://${bucket}/${key}: no such object`, { hint: "Check the key and --bucket." });
    throw toS3Error(error, { operation: "download", bucket, key });
  });
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.part`);
  let bytes = 0;
  try {
    const body = response.Body as Readable;
    body.on("data", (chunk: Buffer) => (bytes += chunk.length));
    await pipeline(body, createWriteStream(temp, { flags: "wx" }));
    if (response.ContentLength !== undefined && bytes !== response.ContentLength) {
      throw new ShareError(`download of s3://${bucket}/${key} stopped after ${bytes} of ${response.ContentLength} bytes`);
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof ShareError) throw error;
    throw new ShareError(`download of s3://${bucket}/${key} failed: ${(error as Error).message}; nothing was written to ${path}`, { cause: error });
  }
  return { path, bytes };
}
