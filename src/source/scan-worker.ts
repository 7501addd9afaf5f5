/** Worker thread entry: scans raw files handed over by scan-pool.ts. */
import { parentPort } from "node:worker_threads";
import { SourceError } from "../errors.js";
import { scanCsv, type ScanOptions } from "./scan.js";

/** A request from the pool. */
export interface ScanRequest {
  id: number;
  bytes: Uint8Array;
  key: string;
  options: ScanOptions;
}

parentPort!.on("message", ({ id, bytes, key, options }: ScanRequest) => {
  try {
    parentPort!.postMessage({ id, tally: scanCsv(bytes, key, options) });
  } catch (error) {
    const e = error as SourceError;
    const sourceError = error instanceof SourceError ? { key: e.key, line: e.line, hint: e.hint } : undefined;
    parentPort!.postMessage({ id, error: { message: e.message ?? String(error), sourceError } });
  }
});
