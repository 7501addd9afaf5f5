/**
 * Errors a user can act on. Every stage throws a subclass of ReportsiteError; the CLI's one
 * top-level handler (cli/main.ts) prints message, hint and cause chain without a stack.
 */
/** Base class of every error reportsite throws on purpose. */
export class ReportsiteError extends Error {
    hint;
    exitCode;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.hint = options.hint;
        this.exitCode = options.exitCode ?? 1;
    }
}
/** Wrong command line: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends ReportsiteError {
    constructor(message, options = {}) {
        super(message, { hint: "Run `reportsite --help` for the commands and flags.", ...options, exitCode: 2 });
    }
}
/** site-config.json is missing, unreadable or invalid; the message lists every problem with its key path. */
export class ConfigError extends ReportsiteError {
    file;
    problems;
    constructor(message, file, problems = [], options = {}) {
        super(message, options);
        this.file = file;
        this.problems = problems;
    }
}
/** A raw object could not be read or parsed; names the bucket, key and (when known) line. */
export class SourceError extends ReportsiteError {
    key;
    line;
    constructor(message, key, line, options = {}) {
        super(message, options);
        this.key = key;
        this.line = line;
    }
}
/** A page could not be rendered. */
export class RenderError extends ReportsiteError {
}
/** Writing or reading the local site folder failed. */
export class SiteError extends ReportsiteError {
}
/** A deploy step failed; names the key and phase and says what state the live site is in. */
export class DeployError extends ReportsiteError {
    phase;
    key;
    constructor(message, phase, key, options = {}) {
        super(message, options);
        this.phase = phase;
        this.key = key;
    }
}
/** share / acl / url / download failed. */
export class ShareError extends ReportsiteError {
}
/** An S3 request failed; `code` is the S3 error code and the hint says what to check. */
export class S3Error extends ReportsiteError {
    code;
    status;
    constructor(message, code, status, options = {}) {
        super(message, options);
        this.code = code;
        this.status = status;
    }
}
