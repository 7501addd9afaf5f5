/**
 * How lines reach the terminal: progress on stdout, warnings on stderr; --json keeps stdout for the
 * result. Counted steps (raw files read) become one updating line on a terminal and a plain counting
 * line now and then elsewhere (CI logs), instead of one line per file.
 */
import type { Logger, ProgressStep } from "../log.js";
import { formatSize } from "../units.js";

/** Options of cliLogger. */
export interface CliLoggerOptions {
  /** Progress goes to stderr so stdout holds only the JSON result. */
  json: boolean;
  /** Only warnings (and the result). */
  quiet: boolean;
  /** Every step as its own line (e.g. each raw file with its rows and time). */
  verbose: boolean;
  /** Defaults to the progress stream's isTTY: an updating line instead of plain lines. */
  tty?: boolean;
  /** For testing only! The clock that spaces plain progress lines. */
  now?: () => number;
}

/** Plain (non-terminal) progress lines are at least this far apart, besides the task's last step. */
export const PLAIN_PROGRESS_INTERVAL_MS = 5_000;

interface TaskCount {
  done: number;
  bytes: number;
  rows: number;
  printedAt: number;
}

/** A Logger for the CLI. */
export function cliLogger(options: CliLoggerOptions): Logger {
  const out = options.json ? process.stderr : process.stdout;
  const tty = options.tty ?? out.isTTY === true;
  const now = options.now ?? Date.now;
  const tasks = new Map<string, TaskCount>();
  let live = false; // an updating line is on screen and must be cleared before another line
  const write = (stream: NodeJS.WriteStream, line: string) => {
    if (live) out.write("\r\x1b[K");
    live = false;
    stream.write(`${line}\n`);
  };
  return {
    info: (line) => void (options.quiet || write(out, line)),
    warn: (line) => write(process.stderr, `warning: ${line}`),
    detail: (line) => void (options.verbose && !options.quiet && write(out, line)),
    progress(step) {
      if (options.quiet) return;
      if (options.verbose) return write(out, step.line);
      const count = tasks.get(step.task) ?? { done: 0, bytes: 0, rows: 0, printedAt: now() };
      tasks.set(step.task, {
        ...count,
        done: count.done + 1,
        bytes: count.bytes + step.bytes,
        rows: count.rows + step.rows,
      });
      const updated = tasks.get(step.task)!;
      const text = formatProgress(step, updated);
      const finished = updated.done === step.total;
      if (tty && !finished) {
        out.write(`\r\x1b[K${text}`);
        live = true;
      } else if (finished || now() - updated.printedAt >= PLAIN_PROGRESS_INTERVAL_MS) {
        updated.printedAt = now();
        write(out, text);
      }
    },
  };
}

/** `2019-01: read 12 of 31 files, 3.4 MB, 40112 rows` */
export function formatProgress(step: ProgressStep, count: { done: number; bytes: number; rows: number }): string {
  return `${step.task}: read ${count.done} of ${step.total} files, ${formatSize(count.bytes)}, ${count.rows} rows`;
}
