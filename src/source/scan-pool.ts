/** Scan raw files on every core: a small pool of worker threads running scanCsv, or the main thread. */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { ScanWorkerError, SourceError } from "../errors.js";
import { ChecksumMismatchError, scanChecked, type RawScanOptions } from "./checked-scan.js";
import type { FileTally } from "./scan.js";
import { TooManyGroupsError } from "./groups.js";

/** Where raw files are scanned. */
export interface ScanPool {
  /**
   * A buffer of `size` bytes to read a raw file into: the memory of a file already scanned when
   * there is one, so a month of reads does not touch fresh memory for every file.
   */
  buffer(size: number): Buffer;
  /**
   * Check the bytes against `md5` (when given; ChecksumMismatchError), decode them (gzip, raw.encoding),
   * then scanCsv them. The pool
   * owns `bytes` from here on: their memory is handed out again by buffer() once the scan is done.
   */
  scan(bytes: Buffer, key: string, options: RawScanOptions, md5?: string): Promise<FileTally>;
  close(): Promise<void>;
}

/**
 * Memory for raw files, used again once a file is scanned. A month's files are read into fresh
 * buffers otherwise, and on a virtual machine a page touched for the first time costs: 31 files of
 * 7 MB took ~0.4 s of page faults to copy into new buffers, ~0.01 s into used ones.
 */
class BufferShelf {
  private readonly free: ArrayBuffer[] = [];
  private readonly made = new WeakSet<ArrayBuffer>();

  /** The smallest free block that holds `size` bytes, or a new one with room for a slightly larger file. */
  take(size: number): Buffer {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const length = this.free[i]!.byteLength;
      if (length >= size && (best < 0 || length < this.free[best]!.byteLength)) best = i;
    }
    const block = best >= 0 ? this.free.splice(best, 1)[0]! : this.newBlock(Math.ceil(size * 1.125));
    return Buffer.from(block, 0, size);
  }

  private newBlock(length: number): ArrayBuffer {
    const block = new ArrayBuffer(length);
    this.made.add(block);
    return block;
  }

  /**
   * Whether the memory under `bytes` may be moved to a worker: a block of the shelf's, or an
   * ArrayBuffer that holds exactly these bytes; never one shared with other bytes (Node's pool of small
   * buffers, or a larger buffer the caller keeps), which moving would take from under its owner.
   */
  movable(bytes: Uint8Array): boolean {
    const block = bytes.buffer;
    return this.made.has(block as ArrayBuffer) || (bytes.byteOffset === 0 && block.byteLength === bytes.byteLength);
  }

  /**
   * Back on the shelf: memory no one else holds. `moved`: it came back from a worker (a block moved
   * there and back, or the worker's own copy), and is the shelf's from now on; otherwise only a block
   * the shelf handed out is taken. One block per file in flight at most.
   */
  give(bytes: Uint8Array, moved = false): void {
    const block = bytes.buffer;
    if (!(block instanceof ArrayBuffer) || block.byteLength === 0) return;
    if (moved) this.made.add(block);
    if (this.made.has(block)) this.free.push(block);
  }
}

/** Months smaller than this are scanned on the main thread: starting workers would cost more than it saves. */
export const WORKER_THRESHOLD_BYTES = 16 * 1024 * 1024;

/** Scan on the main thread. */
function inlinePool(): ScanPool {
  const shelf = new BufferShelf();
  return {
    buffer: (size) => shelf.take(size),
    scan: async (bytes, key, options, md5) => {
      try {
        return scanChecked(bytes, key, options, md5);
      } finally {
        shelf.give(bytes);
      }
    },
    close: async () => {},
  };
}

/** Options of scanPoolFor. */
export interface ScanPoolOptions {
  /** For testing only! The worker's entry file, in place of scan-worker (e.g. one that fails). */
  workerUrl?: URL;
}

/** A pool for `bytes` of raw data: worker threads (one per core) when it is large, else the main thread. */
export function scanPoolFor(bytes: number, options: ScanPoolOptions = {}): ScanPool {
  const threads = Math.min(availableParallelism(), 4);
  if (bytes < WORKER_THRESHOLD_BYTES || threads <= 1) return inlinePool();
  return workerPool(threads, () => (options.workerUrl ? new Worker(options.workerUrl) : spawnScanWorker()));
}

interface Pending {
  resolve: (tally: FileTally) => void;
  reject: (error: Error) => void;
}

/** A worker's answer, with the bytes it was given (moved back, for the next file). */
type Reply = { id: number; bytes: Uint8Array } & ({ tally: FileTally } | { error: WorkerFailure });
interface WorkerFailure {
  message: string;
  checksum?: boolean;
  sourceError?: { key?: string; line?: number; hint?: string };
  tooManyGroups?: { hint?: string };
}

/**
 * `threads` workers taking files in turn; each file's bytes move to the worker and back without a copy.
 * A worker that fails (at start, before any file reached it, or later) fails the pool: every file in
 * flight and every later one is refused with the reason, so a build can never wait for an answer that
 * will not come (Node would end it with exit code 13 and no word).
 */
function workerPool(threads: number, spawn: () => Worker): ScanPool {
  const pending = new Map<number, Pending>();
  const shelf = new BufferShelf();
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;
  const fail = (error: Error) => {
    failure ??= error;
    for (const task of pending.values()) task.reject(failure);
    pending.clear();
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = startWorker(spawn, pending, shelf);
    worker.on("error", (error) => fail(workerFailed(error)));
    worker.on("exit", (code) => closing || fail(workerFailed(new Error(`it stopped with exit code ${code}`))));
    return worker;
  });
  return {
    buffer: (size) => shelf.take(size),
    scan(bytes, key, options, md5) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const worker = workers[id % workers.length]!;
      return new Promise<FileTally>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const move = shelf.movable(bytes) ? [bytes.buffer as ArrayBuffer] : [];
        worker.postMessage({ id, bytes, key, options, md5 }, move);
      });
    },
    close: async () => {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** A worker whose answers settle the pending scans. */
function startWorker(spawn: () => Worker, pending: Map<number, Pending>, shelf: BufferShelf): Worker {
  const worker = spawn();
  worker.on("message", (reply: Reply) => {
    const task = pending.get(reply.id);
    pending.delete(reply.id);
    shelf.give(reply.bytes, true);
    if ("tally" in reply) task?.resolve(reply.tally);
    else task?.reject(toError(reply.error));
  });
  return worker;
}

/** Why the pool stopped: a worker thread's own error, as the cause. */
function workerFailed(error: Error): ScanWorkerError {
  return new ScanWorkerError(`a worker thread scanning the raw files failed: ${error.message}`, {
    hint: "The build was stopped and nothing was written. Run again; if it fails the same way, run with --debug and report the output. A worker out of memory needs a machine with more memory.",
    cause: error,
  });
}

function toError({ message, sourceError, checksum, tooManyGroups }: WorkerFailure): Error {
  if (checksum) return new ChecksumMismatchError(message);
  if (tooManyGroups) return new TooManyGroupsError(message, tooManyGroups);
  if (!sourceError) return new Error(message);
  return new SourceError(message, { key: sourceError.key, line: sourceError.line, hint: sourceError.hint });
}

/**
 * The worker runs compiled JavaScript; from the TypeScript sources (tests, the checkout's bin) it goes
 * through tsx, found from this file: an eval'd worker resolves a bare name from the current folder,
 * which outside the checkout has no tsx.
 */
function spawnScanWorker(): Worker {
  const url = new URL(`./scan-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
  if (url.pathname.endsWith(".js")) return new Worker(url);
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { eval: true });
}
