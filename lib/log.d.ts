/** The tiny seam through which stages report progress; the CLI decides how lines are shown. */
export interface Logger {
    /** A progress or result line, e.g. `read 2019_jan_10_gid_requests.csv: 312 rows`. */
    info(line: string): void;
    /** Something the user should look at that did not stop the run. */
    warn(line: string): void;
}
/** A logger that drops everything: the default for library callers who pass none. */
export declare const silentLogger: Logger;
/** A logger that remembers its lines; handy for scripts and tests. */
export declare function memoryLogger(): Logger & {
    lines: string[];
    warnings: string[];
};
