/**
 * Errors a user can act on. Every stage throws a subclass of ReportsiteError; the CLI's one
 * top-level handler (cli/main.ts) prints message, hint and cause chain without a stack.
 */
/** Options every reportsite error accepts. */
export interface ReportsiteErrorOptions extends ErrorOptions {
    /** What the user can do about it, printed on its own line. */
    hint?: string;
    /** Process exit code when this error ends the CLI; defaults to 1. */
    exitCode?: number;
}
/** Base class of every error reportsite throws on purpose. */
export declare class ReportsiteError extends Error {
    readonly hint?: string;
    readonly exitCode: number;
    constructor(message: string, options?: ReportsiteErrorOptions);
}
/** Wrong command line: unknown command or flag, missing argument. Exit code 2. */
export declare class UsageError extends ReportsiteError {
    constructor(message: string, options?: ReportsiteErrorOptions);
}
/** site-config.json is missing, unreadable or invalid; the message lists every problem with its key path. */
export declare class ConfigError extends ReportsiteError {
    readonly file: string;
    readonly problems: string[];
    constructor(message: string, file: string, problems?: string[], options?: ReportsiteErrorOptions);
}
/** A raw object could not be read or parsed; names the bucket, key and (when known) line. */
export declare class SourceError extends ReportsiteError {
    readonly key?: string | undefined;
    readonly line?: number | undefined;
    constructor(message: string, key?: string | undefined, line?: number | undefined, options?: ReportsiteErrorOptions);
}
/** A page could not be rendered. */
export declare class RenderError extends ReportsiteError {
}
/** Writing or reading the local site folder failed. */
export declare class SiteError extends ReportsiteError {
}
/** A deploy step failed; names the key and phase and says what state the live site is in. */
export declare class DeployError extends ReportsiteError {
    readonly phase: string;
    readonly key?: string | undefined;
    constructor(message: string, phase: string, key?: string | undefined, options?: ReportsiteErrorOptions);
}
/** share / acl / url / download failed. */
export declare class ShareError extends ReportsiteError {
}
/** An S3 request failed; `code` is the S3 error code and the hint says what to check. */
export declare class S3Error extends ReportsiteError {
    readonly code: string;
    readonly status?: number | undefined;
    constructor(message: string, code: string, status?: number | undefined, options?: ReportsiteErrorOptions);
}
