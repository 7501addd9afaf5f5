/** The tiny seam through which stages report progress; the CLI decides how lines are shown. */
export interface Logger {
  /** A progress or result line, e.g. `read 2019_jan_10_gid_requests.csv: 312 rows`. */
  info(line: string): void;
  /** Something the user should look at that did not stop the run. */
  warn(line: string): void;
  /** A line only --verbose shows, e.g. each raw key the key pattern ignores. Without it, such lines are dropped. */
  detail?(line: string): void;
  /** One step of a counted task (a raw file read); the CLI shows a running count. Without it, `line` goes to info. */
  progress?(step: ProgressStep): void;
}

/** One finished step of a task, e.g. one of a month's 31 raw files. */
export interface ProgressStep {
  /** The task the step belongs to, e.g. `2019-01`. */
  task: string;
  /** How many steps the task has, e.g. 31 files. */
  total: number;
  /** Bytes and rows this step added. */
  bytes: number;
  rows: number;
  /** The step as a plain line, e.g. `read 2019_jan_10_gid_requests.csv: 312 rows in 40ms`. */
  line: string;
}

/** Report a step: as progress when the logger counts, else as an info line. */
export function logProgress(logger: Logger, step: ProgressStep): void {
  if (logger.progress) logger.progress(step);
  else logger.info(step.line);
}

/** A logger that remembers its lines; handy for scripts and tests. */
export function memoryLogger(): Logger & { lines: string[]; warnings: string[]; details: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  const details: string[] = [];
  return {
    lines,
    warnings,
    details,
    info: (l) => void lines.push(l),
    warn: (l) => void warnings.push(l),
    detail: (l) => void details.push(l),
  };
}
