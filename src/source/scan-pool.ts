/** Scan raw files on every core: a small pool of worker threads running scanCsv, or the main thread. */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { SourceError } from "../errors.js";
import { ChecksumMismatchError, scanChecked } from "./checked-scan.js";
import type { FileTally, ScanOptions } from "./scan.js";

/** Where raw files are scanned. */
export interface ScanPool {
  /** Check the bytes against `md5` (when given; ChecksumMismatchError), then scanCsv them. */
  scan(bytes: Buffer, key: string, options: ScanOptions, md5?: string): Promise<FileTally>;
  close(): Promise<void>;
}

/** Months smaller than this are scanned on the main thread: starting workers would cost more than it saves. */
export const WORKER_THRESHOLD_BYTES = 16 * 1024 * 1024;

/** Scan on the main thread. */
export const inlinePool: ScanPool = {
  scan: async (bytes, key, options, md5) => scanChecked(bytes, key, options, md5),
  close: async () => {},
};

/** A pool for `bytes` of raw data: worker threads (one per core) when it is large, else the main thread. */
export function scanPoolFor(bytes: number): ScanPool {
  const threads = Math.min(availableParallelism(), 4);
  return bytes >= WORKER_THRESHOLD_BYTES && threads > 1 ? workerPool(threads) : inlinePool;
}

interface Pending {
  resolve: (tally: FileTally) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; tally: FileTally } | { id: number; error: WorkerFailure };
interface WorkerFailure {
  message: string;
  checksum?: boolean;
  sourceError?: { key?: string; line?: number; hint?: string };
}

/** `threads` workers taking files in turn; each file's bytes move to the worker without a copy. */
function workerPool(threads: number): ScanPool {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const workers = Array.from({ length: threads }, () => startWorker(pending));
  return {
    scan(bytes, key, options, md5) {
      const id = nextId++;
      const worker = workers[id % workers.length]!;
      return new Promise<FileTally>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // a Buffer that owns its whole ArrayBuffer can be moved; a pooled slice must be copied
        const own = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength;
        worker.postMessage({ id, bytes, key, options, md5 }, own ? [bytes.buffer as ArrayBuffer] : []);
      });
    },
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}

function startWorker(pending: Map<number, Pending>): Worker {
  const worker = spawnScanWorker();
  worker.on("message", (reply: Reply) => {
    const task = pending.get(reply.id);
    pending.delete(reply.id);
    if ("tally" in reply) task?.resolve(reply.tally);
    else task?.reject(toError(reply.error));
  });
  worker.on("error", (error) => {
    for (const task of pending.values()) task.reject(error);
    pending.clear();
  });
  return worker;
}

function toError({ message, sourceError, checksum }: WorkerFailure): Error {
  if (checksum) return new ChecksumMismatchError(message);
  if (!sourceError) return new Error(message);
  return new SourceError(message, { key: sourceError.key, line: sourceError.line, hint: sourceError.hint });
}

/** The worker runs compiled JavaScript; from the TypeScript sources (tests, tsx) it goes through tsx. */
function spawnScanWorker(): Worker {
  const url = new URL(`./scan-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
  if (url.pathname.endsWith(".js")) return new Worker(url);
  const code = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { eval: true });
}
