/** Worker thread entry: scans raw files handed over by scan-pool.ts. */
import { parentPort } from "node:worker_threads";
import { SourceError } from "../errors.js";
import { ChecksumMismatchError, scanChecked, type RawScanOptions } from "./checked-scan.js";
import { TooManyGroupsError } from "./groups.js";

/** A request from the pool. */
export interface ScanRequest {
  id: number;
  bytes: Uint8Array;
  key: string;
  options: RawScanOptions;
  md5?: string;
}

// the bytes go back with every answer (moved, not copied): the pool reads the next file into them
parentPort!.on("message", ({ id, bytes, key, options, md5 }: ScanRequest) => {
  const back = [bytes.buffer as ArrayBuffer];
  try {
    parentPort!.postMessage({ id, bytes, tally: scanChecked(bytes, key, options, md5) }, back);
  } catch (error) {
    const e = error as SourceError;
    const sourceError = error instanceof SourceError ? { key: e.key, line: e.line, hint: e.hint } : undefined;
    const checksum = error instanceof ChecksumMismatchError;
    const tooManyGroups = error instanceof TooManyGroupsError ? { hint: e.hint } : undefined;
    const failure = { message: e.message ?? String(error), sourceError, checksum, tooManyGroups };
    parentPort!.postMessage({ id, bytes, error: failure }, back);
  }
});
