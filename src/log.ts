/** The tiny seam through which stages report progress; the CLI decides how lines are shown. */
export interface Logger {
  /** A progress or result line, e.g. `read 2019_jan_10_gid_requests.csv: 312 rows`. */
  info(line: string): void;
  /** Something the user should look at that did not stop the run. */
  warn(line: string): void;
}

/** A logger that drops everything: the default for library callers who pass none. */
export const silentLogger: Logger = { info() {}, warn() {} };

/** A logger that remembers its lines; handy for scripts and tests. */
export function memoryLogger(): Logger & { lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  return { lines, warnings, info: (l) => void lines.push(l), warn: (l) => void warnings.push(l) };
}
