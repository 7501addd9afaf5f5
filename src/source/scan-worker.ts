/** Worker thread entry: scans raw files handed over by scan-pool.ts. */
import { parentPort } from "node:worker_threads";
import { SourceError } from "../errors.js";
import { ChecksumMismatchError, scanChecked } from "./checked-scan.js";
import type { ScanOptions } from "./scan.js";

/** A request from the pool. */
export interface ScanRequest {
  id: number;
  bytes: Uint8Array;
  key: string;
  options: ScanOptions;
  md5?: string;
}

parentPort!.on("message", ({ id, bytes, key, options, md5 }: ScanRequest) => {
  try {
    parentPort!.postMessage({ id, tally: scanChecked(bytes, key, options, md5) });
  } catch (error) {
    const e = error as SourceError;
    const sourceError = error instanceof SourceError ? { key: e.key, line: e.line, hint: e.hint } : undefined;
    const checksum = error instanceof ChecksumMismatchError;
    parentPort!.postMessage({ id, error: { message: e.message ?? String(error), sourceError, checksum } });
  }
});
