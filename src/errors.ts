/**
 * Errors a user can act on. Every stage throws a subclass of ReportsiteError; the CLI's one
 * top-level handler (cli/main.ts) prints message, hint and cause chain without a stack. The one
 * exception is BugError, which no user can act on: it is printed with its stack, for the bug report.
 */

/** Options every reportsite error accepts. */
export interface ReportsiteErrorOptions extends ErrorOptions {
  /** What the user can do about it, printed on its own line. */
  hint?: string;
  /** Process exit code when this error ends the CLI; defaults to 1. */
  exitCode?: number;
}

/** Base class of every error reportsite throws on purpose. */
export class ReportsiteError extends Error {
  readonly hint?: string;
  readonly exitCode: number;
  constructor(message: string, options: ReportsiteErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** Wrong command line: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends ReportsiteError {
  constructor(message: string, options: ReportsiteErrorOptions = {}) {
    super(message, { hint: "Run `reportsite --help` for the commands and flags.", ...options, exitCode: 2 });
  }
}

/** site-config.json is missing, unreadable or invalid; the message lists every problem with its key path. */
export class ConfigError extends ReportsiteError {
  readonly file: string;
  readonly problems: string[];
  constructor(message: string, options: ReportsiteErrorOptions & { file: string; problems?: string[] }) {
    super(message, options);
    this.file = options.file;
    this.problems = options.problems ?? [];
  }
}

/** A raw object could not be read or parsed; names the bucket, key and (when known) line. */
export class SourceError extends ReportsiteError {
  readonly key?: string;
  readonly line?: number;
  constructor(message: string, options: ReportsiteErrorOptions & { key?: string; line?: number } = {}) {
    super(message, options);
    this.key = options.key;
    this.line = options.line;
  }
}

/**
 * A scan worker thread failed (it could not start, ran out of memory or stopped): no fault of the raw
 * files, so never one of the "bad files" --skip-bad-files leaves out; the build stops.
 */
export class ScanWorkerError extends ReportsiteError {}

/** A month asked for (--month) has no raw file at all: its export has not arrived, or the pattern misses it. */
export class MissingMonthError extends SourceError {}

/** --require-complete: a month built in this run has days without a raw file (or unreadable files). */
export class IncompleteMonthError extends ReportsiteError {}

/** A page could not be rendered. */
export class RenderError extends ReportsiteError {}

/** Writing or reading the output folder failed. */
export class SiteError extends ReportsiteError {}

/** A deploy step failed; names the key and phase and says what state the live site is in. */
export class DeployError extends ReportsiteError {
  readonly phase: string;
  readonly key?: string;
  constructor(message: string, options: ReportsiteErrorOptions & { phase: string; key?: string }) {
    super(message, options);
    this.phase = options.phase;
    this.key = options.key;
  }
}

/** Exit code of a deploy whose files are published but whose CloudFront invalidation failed. */
export const INVALIDATION_FAILED_EXIT_CODE = 3;

/**
 * The site's files were published, but CloudFront was not told to drop its cached copies: readers may
 * see the previous pages until an invalidation runs. The paths are remembered; the next deploy sends them.
 */
export class InvalidationError extends ReportsiteError {
  /** The paths still to invalidate. */
  readonly paths: readonly string[];
  constructor(message: string, options: ReportsiteErrorOptions & { paths: readonly string[] }) {
    super(message, { exitCode: INVALIDATION_FAILED_EXIT_CODE, ...options });
    this.paths = options.paths;
  }
}

/** `reportsite check` found something wrong with what the public sees of the site. */
export class SiteCheckError extends ReportsiteError {}

/** share / acl / url / download failed. */
export class ShareError extends ReportsiteError {}

/** An S3 request failed; `code` is the S3 error code and the hint says what to check. */
export class S3Error extends ReportsiteError {
  readonly code: string;
  readonly status?: number;
  constructor(message: string, options: ReportsiteErrorOptions & { code: string; status?: number }) {
    super(message, options);
    this.code = options.code;
    this.status = options.status;
  }
}

/**
 * The run was stopped: Ctrl-C at a prompt, or a signal (Ctrl-C, SIGTERM) while working; the message says
 * what it left behind. Exit code 130 (128 + SIGINT), as for the signal.
 */
export class InterruptedError extends ReportsiteError {
  constructor(message = "interrupted", options: ReportsiteErrorOptions = {}) {
    super(message, { ...options, exitCode: 130 });
  }
}

/**
 * A condition the code rules out was met: a bug in reportsite, not a problem with the user's data,
 * config or buckets. The CLI prints it with its stack even without --debug, so the first report of
 * the bug already says where it happened. (Not "InternalError": S3 returns an error of that name.)
 */
export class BugError extends ReportsiteError {
  constructor(message: string, options: ReportsiteErrorOptions = {}) {
    super(`internal error, a bug in reportsite: ${message}`, {
      hint: "This is a bug in reportsite, not a problem with your data or config: please report it with this message and the stack printed below.",
      ...options,
    });
  }
}
