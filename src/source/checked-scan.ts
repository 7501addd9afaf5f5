/** What a worker thread (or the main thread) does with a raw file's bytes: check them, then scan them. */
import { createHash } from "node:crypto";
import { scanCsv, type FileTally, type ScanOptions } from "./scan.js";

/** The bytes read do not match the object's MD5: damaged on the way, so they are read again. */
export class ChecksumMismatchError extends Error {}

/** scanCsv after checking the bytes against `md5` (when given). */
export function scanChecked(bytes: Uint8Array, key: string, options: ScanOptions, md5?: string): FileTally {
  if (md5 !== undefined && createHash("md5").update(bytes).digest("hex") !== md5) {
    throw new ChecksumMismatchError(`the bytes received do not match the object's MD5 ${md5}`);
  }
  return scanCsv(bytes, key, options);
}
